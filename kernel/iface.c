// SPDX-License-Identifier: GPL-2.0
/*
 * Attaching the gate to AP interfaces: netfilter netdev ingress and egress
 * hooks on each one, explicitly over netlink or automatically when an AP
 * interface appears (sysfs auto_attach).
 *
 * Locking and lifetime: wpv_lock serialises attach and detach and guards
 * the list; the list is also RCU-safe.  Detach unregisters the hooks
 * first (nf_unregister_net_hooks waits for running hooks), then deletes
 * every station (their timers, work and queues), then drops the device
 * reference and frees the interface after a grace period.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/netdevice.h>
#include <linux/netfilter.h>
#include <linux/netfilter_netdev.h>
#include <linux/rculist.h>
#include <linux/slab.h>
#include <net/cfg80211.h>

#include "wpv.h"

/* Attached interfaces; writers hold wpv_lock, the dump walks under RCU. */
LIST_HEAD(wpv_ifaces);

bool wpv_iface_is_ap(const struct net_device *dev)
{
	const struct wireless_dev *wdev = dev->ieee80211_ptr;

	return wdev && (wdev->iftype == NL80211_IFTYPE_AP ||
			wdev->iftype == NL80211_IFTYPE_AP_VLAN);
}

struct wpv_iface *wpv_iface_find(const struct net_device *dev)
{
	struct wpv_iface *iface;

	lockdep_assert_held(&wpv_lock);
	list_for_each_entry(iface, &wpv_ifaces, list)
		if (iface->dev == dev)
			return iface;
	return NULL;
}

struct wpv_iface *wpv_iface_find_index(struct net *net, int ifindex)
{
	struct wpv_iface *iface;

	lockdep_assert_held(&wpv_lock);
	list_for_each_entry(iface, &wpv_ifaces, list)
		if (iface->dev->ifindex == ifindex &&
		    net_eq(dev_net(iface->dev), net))
			return iface;
	return NULL;
}

static void wpv_iface_init_ops(struct wpv_iface *iface)
{
	static const unsigned int hooks[] = {
		NF_NETDEV_INGRESS, NF_NETDEV_EGRESS,
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(hooks); i++) {
		iface->ops[i].hook = wpv_gate_hook;
		iface->ops[i].priv = iface;
		iface->ops[i].pf = NFPROTO_NETDEV;
		iface->ops[i].hooknum = hooks[i];
		iface->ops[i].priority = 0;
		iface->ops[i].dev = iface->dev;
	}
}

int wpv_iface_attach(struct net_device *dev, struct netlink_ext_ack *extack)
{
	struct wpv_iface *iface;
	int ret;

	lockdep_assert_held(&wpv_lock);
	if (!wpv_iface_is_ap(dev)) {
		NL_SET_ERR_MSG(extack, "not an AP or AP_VLAN interface");
		return -EOPNOTSUPP;
	}
	if (wpv_iface_find(dev)) {
		NL_SET_ERR_MSG(extack, "already attached");
		return -EEXIST;
	}

	iface = kzalloc(sizeof(*iface), GFP_KERNEL);
	if (!iface)
		return -ENOMEM;
	iface->dev = dev;
	wpv_config_apply(iface);
	wpv_iface_init_ops(iface);
	ret = wpv_sta_table_init(iface);
	if (ret)
		goto err_free;

	ret = nf_register_net_hooks(dev_net(dev), iface->ops,
				    ARRAY_SIZE(iface->ops));
	if (ret) {
		NL_SET_ERR_MSG(extack, "cannot register netfilter hooks");
		goto err_table;
	}

	netdev_hold(dev, &iface->tracker, GFP_KERNEL);
	list_add_tail_rcu(&iface->list, &wpv_ifaces);
	netdev_info(dev, "gate attached\n");
	return 0;

err_table:
	wpv_sta_table_destroy(iface);
err_free:
	kfree(iface);
	return ret;
}

static void wpv_iface_remove(struct wpv_iface *iface)
{
	struct net_device *dev = iface->dev;

	list_del_rcu(&iface->list);
	nf_unregister_net_hooks(dev_net(dev), iface->ops,
				ARRAY_SIZE(iface->ops));
	/* No hook runs any more: the stations can go. */
	wpv_sta_table_destroy(iface);
	netdev_info(dev, "gate detached\n");
	netdev_put(dev, &iface->tracker);
	kfree_rcu(iface, rcu);
}

int wpv_iface_detach(struct net_device *dev)
{
	struct wpv_iface *iface;

	lockdep_assert_held(&wpv_lock);
	iface = wpv_iface_find(dev);
	if (!iface)
		return -ENOENT;
	wpv_iface_remove(iface);
	return 0;
}

static int wpv_netdev_event(struct notifier_block *nb, unsigned long event,
			    void *ptr)
{
	struct net_device *dev = netdev_notifier_info_to_dev(ptr);
	int ret;

	switch (event) {
	case NETDEV_UP:
		if (!READ_ONCE(wpv_auto_attach) || !wpv_iface_is_ap(dev))
			break;
		mutex_lock(&wpv_lock);
		if (!wpv_iface_find(dev)) {
			ret = wpv_iface_attach(dev, NULL);
			if (ret)
				netdev_warn(dev, "auto attach failed: %d\n",
					    ret);
		}
		mutex_unlock(&wpv_lock);
		break;
	case NETDEV_UNREGISTER:
		mutex_lock(&wpv_lock);
		wpv_iface_detach(dev);
		mutex_unlock(&wpv_lock);
		break;
	}
	return NOTIFY_DONE;
}

static struct notifier_block wpv_netdev_nb = {
	.notifier_call = wpv_netdev_event,
};

int wpv_iface_init(void)
{
	return register_netdevice_notifier(&wpv_netdev_nb);
}

void wpv_iface_exit(void)
{
	struct wpv_iface *iface, *tmp;

	unregister_netdevice_notifier(&wpv_netdev_nb);

	mutex_lock(&wpv_lock);
	list_for_each_entry_safe(iface, tmp, &wpv_ifaces, list)
		wpv_iface_remove(iface);
	mutex_unlock(&wpv_lock);

	/* The hooks are gone; wait for every iface freed above. */
	rcu_barrier();
}
