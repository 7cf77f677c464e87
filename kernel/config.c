// SPDX-License-Identifier: GPL-2.0
/*
 * The configuration in force on each interface: the module defaults
 * (sysfs) with the interface's own overrides (WPV_CMD_IFACE_SET) on top.
 *
 * Locking: wpv_lock serialises writers.  The packet path reads single
 * fields without a lock; each field is one aligned word written with
 * WRITE_ONCE.  Thresholds are drawn when a preview starts, so a change to
 * them applies to the next preview; every other value applies at once.
 */

#include <linux/stddef.h>

#include "wpv.h"

struct wpv_cfg_field {
	u16 off;
	u8 size;
};

#define WPV_FIELD(_name) {						\
	.off = offsetof(struct wpv_config, _name),			\
	.size = sizeof_field(struct wpv_config, _name),			\
}

static const struct wpv_cfg_field wpv_cfg_fields[WPV_CFG_MAX + 1] = {
	[WPV_CFG_PREVIEW_BYTES] = WPV_FIELD(preview_bytes),
	[WPV_CFG_PREVIEW_MS] = WPV_FIELD(preview_ms),
	[WPV_CFG_JITTER_PCT] = WPV_FIELD(jitter_pct),
	[WPV_CFG_VERIFY_TIMEOUT_MS] = WPV_FIELD(verify_timeout_ms),
	[WPV_CFG_RETRY_MS] = WPV_FIELD(retry_ms),
	[WPV_CFG_POLICY] = WPV_FIELD(policy),
	[WPV_CFG_QUEUE_FRAMES] = WPV_FIELD(queue_frames),
	[WPV_CFG_HOLDDOWN_MS] = WPV_FIELD(holddown_ms),
	[WPV_CFG_ACCT_INTERVAL_MS] = WPV_FIELD(acct_interval_ms),
	[WPV_CFG_ACCT_QUANTUM] = WPV_FIELD(acct_quantum),
	[WPV_CFG_MAX_STATIONS] = WPV_FIELD(max_stations),
};

u64 wpv_config_get(const struct wpv_config *cfg, int attr)
{
	const void *p = (const u8 *)cfg + wpv_cfg_fields[attr].off;

	switch (wpv_cfg_fields[attr].size) {
	case 1:
		return READ_ONCE(*(const u8 *)p);
	case 4:
		return READ_ONCE(*(const u32 *)p);
	default:
		return READ_ONCE(*(const u64 *)p);
	}
}

void wpv_config_set(struct wpv_config *cfg, int attr, u64 val)
{
	void *p = (u8 *)cfg + wpv_cfg_fields[attr].off;

	switch (wpv_cfg_fields[attr].size) {
	case 1:
		WRITE_ONCE(*(u8 *)p, val);
		break;
	case 4:
		WRITE_ONCE(*(u32 *)p, val);
		break;
	default:
		WRITE_ONCE(*(u64 *)p, val);
		break;
	}
}

/* Recompute an interface's configuration.  wpv_lock held. */
void wpv_config_apply(struct wpv_iface *iface)
{
	const struct wpv_config *src;
	int attr;

	lockdep_assert_held(&wpv_lock);
	for (attr = WPV_CFG_PREVIEW_BYTES; attr < WPV_CFG_PAD; attr++) {
		src = iface->over_mask & BIT(attr) ? &iface->over :
						     &wpv_defaults;
		wpv_config_set(&iface->cfg, attr, wpv_config_get(src, attr));
	}
}

/* A default changed in sysfs.  wpv_lock held. */
void wpv_config_defaults_changed(void)
{
	struct wpv_iface *iface;

	list_for_each_entry(iface, &wpv_ifaces, list)
		wpv_config_apply(iface);
}

/* Override the values present in @tb for @iface.  wpv_lock held. */
void wpv_config_override(struct wpv_iface *iface, struct nlattr **tb)
{
	int attr;

	for (attr = WPV_CFG_PREVIEW_BYTES; attr < WPV_CFG_PAD; attr++) {
		if (!tb[attr])
			continue;
		switch (wpv_cfg_fields[attr].size) {
		case 1:
			wpv_config_set(&iface->over, attr, nla_get_u8(tb[attr]));
			break;
		case 4:
			wpv_config_set(&iface->over, attr,
				       nla_get_u32(tb[attr]));
			break;
		default:
			wpv_config_set(&iface->over, attr,
				       nla_get_u64(tb[attr]));
			break;
		}
		iface->over_mask |= BIT(attr);
	}
	wpv_config_apply(iface);
}
