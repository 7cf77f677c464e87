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
#include <linux/rhashtable-types.h>
#include <linux/skbuff.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <net/genetlink.h>
#include <linux/wapi_preview.h>

#include "policy.h"
#include "holddown.h"

/**
 * struct wpv_iface - an interface the gate is attached to
 * @list: entry in the list of attached interfaces, under wpv_lock
 * @dev: the interface; a reference is held while attached
 * @tracker: tracks the reference on @dev
 * @ops: the netdev ingress and egress hooks
 * @cfg: configuration in force; writers hold wpv_lock, readers on the
 *	packet path use READ_ONCE on single fields
 * @over: values set for this interface over netlink
 * @over_mask: which of @over are set, BIT(enum wpv_config_attr)
 * @stations: the station table, keyed by MAC address
 * @nsta: stations in @stations
 * @rcu: frees the structure after a grace period
 */
struct wpv_iface {
	struct list_head list;
	struct net_device *dev;
	netdevice_tracker tracker;
	struct nf_hook_ops ops[2];
	struct wpv_config cfg;
	struct wpv_config over;
	u32 over_mask;
	struct rhashtable stations;
	atomic_t nsta;
	struct rcu_head rcu;
};

#define WPV_IDENTITY_MAX	255

/**
 * struct wpv_sta - one station on one attached interface
 * @node: entry in the interface's station table
 * @addr: the station's MAC address (the table key)
 * @iface: the interface; outlives the station
 * @lock: this station's own lock; guards every field below it.  Never
 *	held across two stations, so stations never contend.
 * @core: state and counters (policy.h)
 * @queue: frames held under the pause policy; updated with the
 *	lockless __skb_queue helpers under @lock
 * @preview_timer: preview time threshold; when blocked, hold-down expiry
 * @retry_timer: sends the challenge and its retransmissions
 * @verify_timer: the signature verification timer
 * @acct_timer: accounting interval while authorised
 * @acct_work: sends accounting notifications in process context
 * @acct_pending: WPV_ACCT_* bits waiting for @acct_work
 * @nonce: the AP nonce of the challenge in flight
 * @cookie: identifies the verification in flight
 * @wai_seq: sequence number of the next WAI packet
 * @retries: challenges sent in the current challenge
 * @identity: the identity the verdict named, "" if none
 * @created: jiffies when first seen
 * @dead: being deleted; no timer or work may be armed any more
 * @rcu: frees the station after a grace period
 */
struct wpv_sta {
	struct rhash_head node;
	u8 addr[ETH_ALEN];
	struct wpv_iface *iface;
	spinlock_t lock;	/* guards everything below */
	struct wpv_sta_core core;
	struct sk_buff_head queue;
	struct timer_list preview_timer;
	struct timer_list retry_timer;
	struct timer_list verify_timer;
	struct timer_list acct_timer;
	struct work_struct acct_work;
	unsigned long acct_pending;
	u8 nonce[WPV_NONCE_LEN];
	u64 cookie;
	u16 wai_seq;
	u32 retries;
	char identity[WPV_IDENTITY_MAX + 1];
	unsigned long created;
	bool dead;
	struct rcu_head rcu;
};

/**
 * struct wpv_sta_info - a consistent copy of a station, for messages
 * @core: state and counters
 * @addr: the station's address
 * @ifindex: its interface
 * @retries: challenges sent in the current challenge
 * @age_ms: time since it was first seen
 * @identity: the identity charged, "" if none
 */
struct wpv_sta_info {
	struct wpv_sta_core core;
	u8 addr[ETH_ALEN];
	int ifindex;
	u32 retries;
	u64 age_ms;
	char identity[WPV_IDENTITY_MAX + 1];
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

extern struct list_head wpv_ifaces;
struct wpv_iface *wpv_iface_find_index(struct net *net, int ifindex);

/* config.c */
u64 wpv_config_get(const struct wpv_config *cfg, int attr);
void wpv_config_set(struct wpv_config *cfg, int attr, u64 val);
void wpv_config_apply(struct wpv_iface *iface);
void wpv_config_defaults_changed(void);
void wpv_config_override(struct wpv_iface *iface, struct nlattr **tb);

/* station.c */
u64 wpv_now_ms(void);
int wpv_sta_table_init(struct wpv_iface *iface);
void wpv_sta_table_destroy(struct wpv_iface *iface);
struct wpv_sta *wpv_sta_lookup(struct wpv_iface *iface, const u8 *addr);
struct wpv_sta *wpv_sta_get_or_create(struct wpv_iface *iface,
				      const u8 *addr);
void wpv_sta_delete(struct wpv_sta *sta);
void wpv_sta_for_each(struct wpv_iface *iface,
		      void (*fn)(struct wpv_sta *sta, void *arg), void *arg);
void wpv_sta_snapshot(struct wpv_sta *sta, struct wpv_sta_info *info);
#define WPV_FROM_ANY	(~0U)
#define WPV_FROM_PENDING	(BIT(WPV_STATE_CHALLENGED) | BIT(WPV_STATE_VERIFYING))
int wpv_sta_block(struct wpv_sta *sta, u8 reason, u32 from);
int wpv_sta_authorise(struct wpv_sta *sta, u8 reason, const char *identity,
		      u32 from);
void wpv_sta_reset(struct wpv_sta *sta);
void wpv_sta_enter_authorised_locked(struct wpv_sta *sta);
void wpv_sta_queue_acct(struct wpv_sta *sta, int trigger);

/* gate.c */
unsigned int wpv_gate_hook(void *priv, struct sk_buff *skb,
			   const struct nf_hook_state *state);
int wpv_gate_xmit(struct sk_buff *skb);

/* queue.c */
bool wpv_queue_add_locked(struct wpv_sta *sta, struct sk_buff *skb);
void wpv_queue_take_locked(struct wpv_sta *sta, struct sk_buff_head *list,
			   bool discard);
void wpv_queue_purge(struct sk_buff_head *list);
void wpv_queue_release(struct wpv_sta *sta);

/* challenge.c */
void wpv_challenge_start_locked(struct wpv_sta *sta);
void wpv_challenge_retry(struct timer_list *t);
void wpv_challenge_timeout(struct timer_list *t);
unsigned int wpv_challenge_rx(struct wpv_sta *sta, struct sk_buff *skb);

/* agent.c */
int wpv_agent_init(void);
void wpv_agent_exit(void);
int wpv_agent_register(struct net *net, u32 portid);
int wpv_agent_unregister(struct net *net, u32 portid);
int wpv_agent_verify(struct wpv_sta *sta, const u8 *body, size_t len,
		     u64 cookie, const u8 *nonce);

/* notify.c */
extern struct genl_family wpv_genl_family;
int wpv_nl_put_sta(struct sk_buff *msg, const struct wpv_sta_info *info,
		   bool full);
void wpv_notify_state(struct wpv_sta *sta, u8 prev, gfp_t gfp);
void wpv_notify_acct(struct wpv_sta *sta, u8 trigger, gfp_t gfp);

/* nl_sta.c */
int wpv_nl_sta_dump(struct sk_buff *skb, struct netlink_callback *cb);
int wpv_nl_sta_change(struct sk_buff *skb, struct genl_info *info);
int wpv_nl_verdict(struct sk_buff *skb, struct genl_info *info);
int wpv_nl_agent(struct sk_buff *skb, struct genl_info *info);

#endif /* _WPV_H */
