// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/wapi_preview: the module-wide defaults, one value per file.
 * A write is range-checked, then applies to every attached interface
 * except where that interface overrides the value over netlink.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kobject.h>
#include <linux/sysfs.h>
#include <linux/kernel.h>
#include <linux/stddef.h>

#include "wpv.h"

/* Serialises configuration changes, attach and detach. */
DEFINE_MUTEX(wpv_lock);

struct wpv_config wpv_defaults = {
	.preview_bytes = 1024 * 1024,
	.preview_ms = 60 * 1000,
	.jitter_pct = 0,
	.verify_timeout_ms = 10 * 1000,
	.retry_ms = 1000,
	.policy = WPV_POLICY_PAUSE,
	.queue_frames = 256,
	.holddown_ms = 5 * 60 * 1000,
	.acct_interval_ms = 60 * 1000,
	.acct_quantum = 0,
	.max_stations = 1024,
};

u32 wpv_queue_total_frames = 4096;
bool wpv_auto_attach;

/*
 * One tunable: where it lives, how wide it is and what it may be.  Every
 * file holds one decimal number.
 */
struct wpv_tunable {
	struct kobj_attribute attr;
	void *ptr;
	u8 size;
	u64 min;
	u64 max;
};

#define WPV_CFG(_name, _min, _max) {					\
	.attr = __ATTR(_name, 0644, wpv_tunable_show, wpv_tunable_store), \
	.ptr = &wpv_defaults._name,					\
	.size = sizeof(wpv_defaults._name),				\
	.min = _min,							\
	.max = _max,							\
}

#define WPV_VAR(_name, _var, _min, _max) {				\
	.attr = __ATTR(_name, 0644, wpv_tunable_show, wpv_tunable_store), \
	.ptr = &(_var),							\
	.size = sizeof(_var),						\
	.min = _min,							\
	.max = _max,							\
}

static u64 wpv_tunable_get(const struct wpv_tunable *t)
{
	switch (t->size) {
	case 1:
		return READ_ONCE(*(u8 *)t->ptr);
	case 4:
		return READ_ONCE(*(u32 *)t->ptr);
	default:
		return READ_ONCE(*(u64 *)t->ptr);
	}
}

static void wpv_tunable_set(const struct wpv_tunable *t, u64 val)
{
	switch (t->size) {
	case 1:
		WRITE_ONCE(*(u8 *)t->ptr, val);
		break;
	case 4:
		WRITE_ONCE(*(u32 *)t->ptr, val);
		break;
	default:
		WRITE_ONCE(*(u64 *)t->ptr, val);
		break;
	}
}

static ssize_t wpv_tunable_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	struct wpv_tunable *t = container_of(attr, struct wpv_tunable, attr);

	return sysfs_emit(buf, "%llu\n", wpv_tunable_get(t));
}

static ssize_t wpv_tunable_store(struct kobject *kobj,
				 struct kobj_attribute *attr,
				 const char *buf, size_t count)
{
	struct wpv_tunable *t = container_of(attr, struct wpv_tunable, attr);
	u64 val;
	int ret;

	ret = kstrtou64(buf, 0, &val);
	if (ret)
		return ret;
	if (val < t->min || val > t->max)
		return -ERANGE;

	mutex_lock(&wpv_lock);
	wpv_tunable_set(t, val);
	wpv_config_defaults_changed();
	mutex_unlock(&wpv_lock);
	return count;
}

static struct wpv_tunable wpv_tunables[] = {
	WPV_CFG(preview_bytes, 0, U64_MAX),
	WPV_CFG(preview_ms, 0, U32_MAX),
	WPV_CFG(jitter_pct, 0, 100),
	WPV_CFG(verify_timeout_ms, 100, 24 * 3600 * 1000),
	WPV_CFG(retry_ms, 10, 3600 * 1000),
	WPV_CFG(policy, 0, __WPV_POLICY_MAX - 1),
	WPV_CFG(queue_frames, 0, 65536),
	WPV_CFG(holddown_ms, 0, U32_MAX),
	WPV_CFG(acct_interval_ms, 0, U32_MAX),
	WPV_CFG(acct_quantum, 0, U64_MAX),
	WPV_CFG(max_stations, 1, 1 << 20),
	WPV_VAR(queue_total_frames, wpv_queue_total_frames, 0, 1 << 20),
};

static ssize_t auto_attach_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", READ_ONCE(wpv_auto_attach));
}

static ssize_t auto_attach_store(struct kobject *kobj,
				 struct kobj_attribute *attr,
				 const char *buf, size_t count)
{
	bool val;
	int ret;

	ret = kstrtobool(buf, &val);
	if (ret)
		return ret;
	WRITE_ONCE(wpv_auto_attach, val);
	return count;
}

static struct kobj_attribute wpv_auto_attach_attr = __ATTR_RW(auto_attach);

static struct attribute *wpv_attrs[ARRAY_SIZE(wpv_tunables) + 2];

static const struct attribute_group wpv_attr_group = {
	.attrs = wpv_attrs,
};

static struct kobject *wpv_kobj;

int wpv_sysfs_init(void)
{
	int ret;
	int i;

	for (i = 0; i < ARRAY_SIZE(wpv_tunables); i++)
		wpv_attrs[i] = &wpv_tunables[i].attr.attr;
	wpv_attrs[i] = &wpv_auto_attach_attr.attr;

	wpv_kobj = kobject_create_and_add(KBUILD_MODNAME, kernel_kobj);
	if (!wpv_kobj)
		return -ENOMEM;

	ret = sysfs_create_group(wpv_kobj, &wpv_attr_group);
	if (ret) {
		pr_err("cannot create sysfs files: %d\n", ret);
		kobject_put(wpv_kobj);
	}
	return ret;
}

void wpv_sysfs_exit(void)
{
	sysfs_remove_group(wpv_kobj, &wpv_attr_group);
	kobject_put(wpv_kobj);
}
