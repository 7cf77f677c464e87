// SPDX-License-Identifier: GPL-2.0
/*
 * The station table of an attached interface and the state changes that
 * are not triggered by a frame: timers, verdicts, administrator commands.
 *
 * Locking and lifetime:
 * - Each interface has its own rhashtable keyed by MAC address.  Lookups
 *   run under RCU (the netfilter hooks hold it); inserts use the
 *   rhashtable's own bucket locks; removal happens only in process context
 *   with wpv_lock held (station delete, interface detach, module unload).
 * - sta->lock guards the station's state, counters, queue and challenge.
 *   It is taken with BHs disabled outside the hooks.  No code path holds
 *   two station locks, and nothing that can sleep runs under it.
 * - Every timer and the work item are armed only under sta->lock and only
 *   while !sta->dead.  Deletion sets dead under the lock, then shuts the
 *   timers down and cancels the work synchronously, then frees the queue,
 *   and frees the station after an RCU grace period.
 * - Notifications are sent after sta->lock is dropped.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/etherdevice.h>
#include <linux/jiffies.h>
#include <linux/random.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>

#include "wpv.h"

static const struct rhashtable_params wpv_sta_params = {
	.key_len = ETH_ALEN,
	.key_offset = offsetof(struct wpv_sta, addr),
	.head_offset = offsetof(struct wpv_sta, node),
	.automatic_shrinking = true,
};

u64 wpv_now_ms(void)
{
	return jiffies64_to_msecs(get_jiffies_64());
}

static void wpv_sta_arm(struct wpv_sta *sta, struct timer_list *t, u32 ms)
{
	if (!sta->dead)
		mod_timer(t, jiffies + msecs_to_jiffies(ms));
}

static void wpv_sta_stop_timers_locked(struct wpv_sta *sta)
{
	timer_delete(&sta->preview_timer);
	timer_delete(&sta->retry_timer);
	timer_delete(&sta->verify_timer);
	timer_delete(&sta->acct_timer);
}

static void wpv_sta_new_preview_locked(struct wpv_sta *sta)
{
	wpv_policy_start_preview(&sta->core, &sta->iface->cfg,
				 get_random_u64(), get_random_u64(),
				 wpv_now_ms());
	sta->identity[0] = '\0';
	sta->retries = 0;
}

/*
 * The preview time threshold passed, or, for a blocked station, its
 * hold-down ended and it gets a new preview.
 */
static void wpv_sta_preview_timer(struct timer_list *t)
{
	struct wpv_sta *sta = from_timer(sta, t, preview_timer);
	u8 prev;

	spin_lock_bh(&sta->lock);
	prev = sta->core.state;
	if (wpv_policy_preview_expired(&sta->core, wpv_now_ms()))
		wpv_challenge_start_locked(sta);
	else if (prev == WPV_STATE_BLOCKED && !sta->dead)
		wpv_sta_new_preview_locked(sta);
	spin_unlock_bh(&sta->lock);

	/* A new challenge is announced when its first request is sent. */
	if (prev == WPV_STATE_BLOCKED)
		wpv_notify_state(sta, prev, GFP_ATOMIC);
}

static void wpv_sta_acct_timer(struct timer_list *t)
{
	struct wpv_sta *sta = from_timer(sta, t, acct_timer);

	spin_lock_bh(&sta->lock);
	if (sta->core.state == WPV_STATE_AUTHORISED) {
		wpv_sta_queue_acct(sta, WPV_ACCT_INTERVAL);
		wpv_sta_arm(sta, &sta->acct_timer,
			    READ_ONCE(sta->iface->cfg.acct_interval_ms));
	}
	spin_unlock_bh(&sta->lock);
}

static void wpv_sta_acct_work(struct work_struct *work)
{
	struct wpv_sta *sta = container_of(work, struct wpv_sta, acct_work);

	if (test_and_clear_bit(WPV_ACCT_INTERVAL, &sta->acct_pending))
		wpv_notify_acct(sta, WPV_ACCT_INTERVAL, GFP_KERNEL);
	if (test_and_clear_bit(WPV_ACCT_QUANTUM, &sta->acct_pending))
		wpv_notify_acct(sta, WPV_ACCT_QUANTUM, GFP_KERNEL);
}

/* Ask for an accounting notification; caller holds sta->lock. */
void wpv_sta_queue_acct(struct wpv_sta *sta, int trigger)
{
	if (sta->dead)
		return;
	set_bit(trigger, &sta->acct_pending);
	schedule_work(&sta->acct_work);
}

static struct wpv_sta *wpv_sta_alloc(struct wpv_iface *iface, const u8 *addr)
{
	struct wpv_sta *sta;

	sta = kzalloc(sizeof(*sta), GFP_ATOMIC);
	if (!sta)
		return NULL;
	ether_addr_copy(sta->addr, addr);
	sta->iface = iface;
	sta->created = jiffies;
	spin_lock_init(&sta->lock);
	__skb_queue_head_init(&sta->queue);
	timer_setup(&sta->preview_timer, wpv_sta_preview_timer, 0);
	timer_setup(&sta->retry_timer, wpv_challenge_retry, 0);
	timer_setup(&sta->verify_timer, wpv_challenge_timeout, 0);
	timer_setup(&sta->acct_timer, wpv_sta_acct_timer, 0);
	INIT_WORK(&sta->acct_work, wpv_sta_acct_work);
	wpv_sta_new_preview_locked(sta);
	return sta;
}

/*
 * A station whose address is held down starts blocked; returns when the
 * hold-down ends, 0 if it is not held.  Set before the station is visible.
 */
static u64 wpv_sta_holddown_locked(struct wpv_sta *sta, u64 now)
{
	struct net_device *dev = sta->iface->dev;
	u64 until;

	until = wpv_holddown_until(dev_net(dev), dev->ifindex, sta->addr, now);
	if (until)
		wpv_policy_set_state(&sta->core, WPV_STATE_BLOCKED,
				     WPV_REASON_HOLDDOWN, now);
	return until;
}

/* Arm the hold-down expiry once the station is in the table. */
static void wpv_sta_holddown_arm(struct wpv_sta *sta, u64 until, u64 now)
{
	spin_lock_bh(&sta->lock);
	wpv_sta_arm(sta, &sta->preview_timer, min_t(u64, until - now, U32_MAX));
	spin_unlock_bh(&sta->lock);
	wpv_notify_state(sta, WPV_STATE_PREVIEW, GFP_ATOMIC);
}

/* RCU read lock held. */
struct wpv_sta *wpv_sta_lookup(struct wpv_iface *iface, const u8 *addr)
{
	return rhashtable_lookup(&iface->stations, addr, wpv_sta_params);
}

/**
 * wpv_sta_get_or_create() - the station for a frame, created if new
 * @iface: the interface
 * @addr: the station's address
 *
 * Called from the hooks under RCU.  Return: the station, or ERR_PTR
 * -ENOSPC when the interface's table is full, -ENOMEM.
 */
struct wpv_sta *wpv_sta_get_or_create(struct wpv_iface *iface,
				      const u8 *addr)
{
	struct wpv_sta *sta, *old;
	u64 now, until;

	sta = wpv_sta_lookup(iface, addr);
	if (likely(sta))
		return sta;

	if (atomic_inc_return(&iface->nsta) >
	    READ_ONCE(iface->cfg.max_stations)) {
		atomic_dec(&iface->nsta);
		net_warn_ratelimited("%s: station table full, refusing %pM\n",
				     iface->dev->name, addr);
		return ERR_PTR(-ENOSPC);
	}
	sta = wpv_sta_alloc(iface, addr);
	if (!sta) {
		atomic_dec(&iface->nsta);
		return ERR_PTR(-ENOMEM);
	}
	now = wpv_now_ms();
	until = wpv_sta_holddown_locked(sta, now);
	old = rhashtable_lookup_get_insert_fast(&iface->stations, &sta->node,
						wpv_sta_params);
	if (old) {
		/* Lost a race with another CPU, or the insert failed. */
		atomic_dec(&iface->nsta);
		kfree(sta);
		return old;
	}
	if (until)
		wpv_sta_holddown_arm(sta, until, now);
	return sta;
}

/* Stop everything a station runs; it is unreachable from the table. */
static void wpv_sta_teardown(struct wpv_sta *sta)
{
	struct sk_buff_head held;

	__skb_queue_head_init(&held);
	spin_lock_bh(&sta->lock);
	sta->dead = true;
	wpv_queue_take_locked(sta, &held, true);
	spin_unlock_bh(&sta->lock);

	timer_shutdown_sync(&sta->preview_timer);
	timer_shutdown_sync(&sta->retry_timer);
	timer_shutdown_sync(&sta->verify_timer);
	timer_shutdown_sync(&sta->acct_timer);
	cancel_work_sync(&sta->acct_work);
	wpv_queue_purge(&held);
	atomic_dec(&sta->iface->nsta);
	memzero_explicit(sta->nonce, sizeof(sta->nonce));
	kfree_rcu(sta, rcu);
}

/* Forget a station.  Process context, wpv_lock held. */
void wpv_sta_delete(struct wpv_sta *sta)
{
	lockdep_assert_held(&wpv_lock);
	if (rhashtable_remove_fast(&sta->iface->stations, &sta->node,
				   wpv_sta_params))
		return;
	wpv_sta_teardown(sta);
}

int wpv_sta_table_init(struct wpv_iface *iface)
{
	atomic_set(&iface->nsta, 0);
	return rhashtable_init(&iface->stations, &wpv_sta_params);
}

static void wpv_sta_free_fn(void *ptr, void *arg)
{
	wpv_sta_teardown(ptr);
}

/* The interface's hooks are gone: forget every station on it. */
void wpv_sta_table_destroy(struct wpv_iface *iface)
{
	rhashtable_free_and_destroy(&iface->stations, wpv_sta_free_fn, NULL);
}

/**
 * wpv_sta_for_each() - call @fn on every station of @iface
 * @iface: the interface; wpv_lock held
 * @fn: runs under RCU, must not sleep
 * @arg: passed to @fn
 */
void wpv_sta_for_each(struct wpv_iface *iface,
		      void (*fn)(struct wpv_sta *sta, void *arg), void *arg)
{
	struct rhashtable_iter iter;
	struct wpv_sta *sta;

	rhashtable_walk_enter(&iface->stations, &iter);
	rhashtable_walk_start(&iter);
	while ((sta = rhashtable_walk_next(&iter))) {
		if (IS_ERR(sta))
			continue;
		fn(sta, arg);
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
}

void wpv_sta_snapshot(struct wpv_sta *sta, struct wpv_sta_info *info)
{
	spin_lock_bh(&sta->lock);
	info->core = sta->core;
	info->retries = sta->retries;
	strscpy(info->identity, sta->identity, sizeof(info->identity));
	spin_unlock_bh(&sta->lock);
	ether_addr_copy(info->addr, sta->addr);
	info->ifindex = sta->iface->dev->ifindex;
	info->age_ms = jiffies_to_msecs(jiffies - sta->created);
}

/**
 * wpv_sta_block() - stop forwarding to and from a station
 * @sta: the station
 * @reason: enum wpv_reason
 * @from: the states (BIT(enum wpv_sta_state)) the block applies in, so a
 *	timer or a failed hand-over cannot undo a verdict that won the race;
 *	%WPV_FROM_ANY for all
 *
 * Discards the pause queue and remembers the address for the hold-down
 * time, beyond the station's own life.  Any context.
 * Return: 0, or -ESTALE if the station was not in a state of @from.
 */
int wpv_sta_block(struct wpv_sta *sta, u8 reason, u32 from)
{
	struct net_device *dev = sta->iface->dev;
	struct sk_buff_head held;
	u32 holddown;
	u64 now;
	u8 prev;

	__skb_queue_head_init(&held);
	spin_lock_bh(&sta->lock);
	if (sta->dead || !(from & BIT(sta->core.state))) {
		spin_unlock_bh(&sta->lock);
		return -ESTALE;
	}
	now = wpv_now_ms();
	prev = sta->core.state;
	wpv_policy_set_state(&sta->core, WPV_STATE_BLOCKED, reason, now);
	wpv_queue_take_locked(sta, &held, true);
	wpv_sta_stop_timers_locked(sta);
	holddown = READ_ONCE(sta->iface->cfg.holddown_ms);
	if (holddown)
		wpv_sta_arm(sta, &sta->preview_timer, holddown);
	spin_unlock_bh(&sta->lock);

	wpv_queue_purge(&held);
	if (holddown)
		wpv_holddown_add(dev_net(dev), dev->ifindex, sta->addr,
				 now + holddown);
	net_dbg_ratelimited("%s: %pM blocked, reason %u\n", dev->name,
			    sta->addr, reason);
	wpv_notify_state(sta, prev, GFP_ATOMIC);
	return 0;
}

/* Caller holds sta->lock and has just moved the station to AUTHORISED. */
void wpv_sta_enter_authorised_locked(struct wpv_sta *sta)
{
	u32 interval = READ_ONCE(sta->iface->cfg.acct_interval_ms);

	timer_delete(&sta->preview_timer);
	timer_delete(&sta->retry_timer);
	timer_delete(&sta->verify_timer);
	if (interval)
		wpv_sta_arm(sta, &sta->acct_timer, interval);
	/* Held frames leave first; newer ones queue behind them. */
	sta->core.releasing = !skb_queue_empty(&sta->queue);
	memzero_explicit(sta->nonce, sizeof(sta->nonce));
}

/**
 * wpv_sta_authorise() - forward a station's traffic from now on
 * @sta: the station
 * @reason: enum wpv_reason
 * @identity: the identity to charge, or NULL
 * @from: the states it may be authorised from, BIT(enum wpv_sta_state)
 *
 * Releases the pause queue in order.  Process context, wpv_lock held.
 * Return: 0, or -ESTALE if the station left the states in @from.
 */
int wpv_sta_authorise(struct wpv_sta *sta, u8 reason, const char *identity,
		      u32 from)
{
	struct net_device *dev = sta->iface->dev;
	u8 prev;

	spin_lock_bh(&sta->lock);
	prev = sta->core.state;
	if (!(from & BIT(prev))) {
		spin_unlock_bh(&sta->lock);
		return -ESTALE;
	}
	wpv_policy_authorise(&sta->core, reason, &sta->iface->cfg,
			     wpv_now_ms());
	if (identity)
		strscpy(sta->identity, identity, sizeof(sta->identity));
	wpv_sta_enter_authorised_locked(sta);
	spin_unlock_bh(&sta->lock);

	wpv_holddown_del(dev_net(dev), dev->ifindex, sta->addr);
	wpv_notify_state(sta, prev, GFP_KERNEL);
	wpv_queue_release(sta);
	return 0;
}

/* Give a station a new preview and lift any block.  Process context. */
void wpv_sta_reset(struct wpv_sta *sta)
{
	struct net_device *dev = sta->iface->dev;
	struct sk_buff_head held;
	u8 prev;

	__skb_queue_head_init(&held);
	spin_lock_bh(&sta->lock);
	prev = sta->core.state;
	wpv_queue_take_locked(sta, &held, true);
	wpv_sta_stop_timers_locked(sta);
	wpv_sta_new_preview_locked(sta);
	memzero_explicit(sta->nonce, sizeof(sta->nonce));
	spin_unlock_bh(&sta->lock);

	wpv_queue_purge(&held);
	wpv_holddown_del(dev_net(dev), dev->ifindex, sta->addr);
	wpv_notify_state(sta, prev, GFP_KERNEL);
}
