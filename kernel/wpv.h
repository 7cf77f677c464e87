/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal declarations shared by the module's files.
 */
#ifndef _WPV_H
#define _WPV_H

#include <linux/netdevice.h>
#include <linux/netfilter.h>
#include <linux/mutex.h>
#include <linux/list.h>
#include <linux/wapi_preview.h>

/**
 * struct wpv_config - the tunables of one interface
 *
 * The module-wide defaults live in wpv_defaults and are shown in sysfs;
 * each attached interface takes a copy when attached, and netlink may
 * override single values per interface.
 */
struct wpv_config {
	u64 preview_bytes;
	u64 acct_quantum;
	u32 preview_ms;
	u32 verify_timeout_ms;
	u32 retry_ms;
	u32 queue_frames;
	u32 holddown_ms;
	u32 acct_interval_ms;
	u32 max_stations;
	u8 jitter_pct;
	u8 policy;
};

/**
 * struct wpv_iface - an interface the gate is attached to
 * @list: entry in the list of attached interfaces, under wpv_lock
 * @dev: the interface; a reference is held while attached
 * @tracker: tracks the reference on @dev
 * @ops: the netdev ingress and egress hooks
 * @cfg: configuration in force; writers hold wpv_lock, readers on the
 *	packet path use READ_ONCE on single fields
 * @rx_frames: frames seen on ingress (per cpu)
 * @tx_frames: frames seen on egress (per cpu)
 * @rcu: frees the structure after a grace period
 */
struct wpv_iface {
	struct list_head list;
	struct net_device *dev;
	netdevice_tracker tracker;
	struct nf_hook_ops ops[2];
	struct wpv_config cfg;
	u64 __percpu *rx_frames;
	u64 __percpu *tx_frames;
	struct rcu_head rcu;
};

/* Serialises configuration, attach and detach. */
extern struct mutex wpv_lock;
extern struct wpv_config wpv_defaults;
extern u32 wpv_queue_total_frames;
extern bool wpv_auto_attach;

int wpv_sysfs_init(void);
void wpv_sysfs_exit(void);

int wpv_netlink_init(void);
void wpv_netlink_exit(void);

int wpv_iface_init(void);
void wpv_iface_exit(void);
bool wpv_iface_is_ap(const struct net_device *dev);
int wpv_iface_attach(struct net_device *dev, struct netlink_ext_ack *extack);
int wpv_iface_detach(struct net_device *dev);
struct wpv_iface *wpv_iface_find(const struct net_device *dev);
u64 wpv_iface_frames(const struct wpv_iface *iface, bool egress);

extern struct list_head wpv_ifaces;

#endif /* _WPV_H */
