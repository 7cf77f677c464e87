// SPDX-License-Identifier: GPL-2.0
/*
 * The hold-down list: addresses blocked recently, by (namespace,
 * interface index, MAC).  It outlives stations, so a blocked station that
 * leaves and comes back starts blocked rather than with a new preview.
 *
 * Locking: one spinlock, taken with BHs disabled.  The list is consulted
 * only when a station is created or its block changes, never per frame.
 * Expired entries are dropped whenever their bucket is visited.  The list
 * is bounded; when it is full a new block is still enforced on the live
 * station but not remembered, and that is logged.
 *
 * The namespace is an opaque pointer so this file needs no networking
 * headers (it is also built into the KUnit kernel).
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hashtable.h>
#include <linux/jhash.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "holddown.h"

#define WPV_HOLD_BITS	8
#define WPV_HOLD_MAX	8192

struct wpv_hold {
	struct hlist_node node;
	const void *ns;
	u64 until_ms;
	int ifindex;
	u8 addr[WPV_HOLD_ADDR_LEN];
};

static DEFINE_HASHTABLE(wpv_hold_table, WPV_HOLD_BITS);
static DEFINE_SPINLOCK(wpv_hold_lock);
static unsigned int wpv_hold_count;

static u32 wpv_hold_hash(const void *ns, int ifindex, const u8 *addr)
{
	return jhash(addr, WPV_HOLD_ADDR_LEN,
		     (u32)ifindex ^ (u32)(unsigned long)ns);
}

static void wpv_hold_free(struct wpv_hold *h)
{
	hash_del(&h->node);
	wpv_hold_count--;
	kfree(h);
}

/* Find an entry, dropping expired ones met on the way.  Lock held. */
static struct wpv_hold *wpv_hold_find(const void *ns, int ifindex,
				      const u8 *addr, u64 now_ms)
{
	struct wpv_hold *h, *found = NULL;
	struct hlist_node *tmp;

	hash_for_each_possible_safe(wpv_hold_table, h, tmp, node,
				    wpv_hold_hash(ns, ifindex, addr)) {
		if (h->until_ms <= now_ms) {
			wpv_hold_free(h);
			continue;
		}
		if (h->ns == ns && h->ifindex == ifindex &&
		    !memcmp(h->addr, addr, WPV_HOLD_ADDR_LEN))
			found = h;
	}
	return found;
}

/**
 * wpv_holddown_add() - hold an address down until @until_ms
 * @ns: the network namespace, as an opaque pointer
 * @ifindex: the interface
 * @addr: the station's MAC address
 * @until_ms: end of the hold-down on the wpv_now_ms() clock
 *
 * Return: 0, -ENOSPC when the list is full, -ENOMEM.
 */
int wpv_holddown_add(const void *ns, int ifindex, const u8 *addr,
		     u64 until_ms)
{
	struct wpv_hold *h;
	int ret = 0;

	spin_lock_bh(&wpv_hold_lock);
	h = wpv_hold_find(ns, ifindex, addr, 0);
	if (h) {
		h->until_ms = max(h->until_ms, until_ms);
		goto out;
	}
	if (wpv_hold_count >= WPV_HOLD_MAX) {
		ret = -ENOSPC;
		goto out;
	}
	h = kzalloc(sizeof(*h), GFP_ATOMIC);
	if (!h) {
		ret = -ENOMEM;
		goto out;
	}
	h->ns = ns;
	h->ifindex = ifindex;
	h->until_ms = until_ms;
	memcpy(h->addr, addr, WPV_HOLD_ADDR_LEN);
	hash_add(wpv_hold_table, &h->node, wpv_hold_hash(ns, ifindex, addr));
	wpv_hold_count++;
out:
	spin_unlock_bh(&wpv_hold_lock);
	if (ret)
		pr_warn_ratelimited("hold-down list: cannot remember %pM: %d\n",
				    addr, ret);
	return ret;
}

/* When an address's hold-down ends, or 0 if it is not held at @now_ms. */
u64 wpv_holddown_until(const void *ns, int ifindex, const u8 *addr,
		       u64 now_ms)
{
	struct wpv_hold *h;
	u64 until = 0;

	spin_lock_bh(&wpv_hold_lock);
	h = wpv_hold_find(ns, ifindex, addr, now_ms);
	if (h)
		until = h->until_ms;
	spin_unlock_bh(&wpv_hold_lock);
	return until;
}

void wpv_holddown_del(const void *ns, int ifindex, const u8 *addr)
{
	struct wpv_hold *h;

	spin_lock_bh(&wpv_hold_lock);
	h = wpv_hold_find(ns, ifindex, addr, 0);
	if (h)
		wpv_hold_free(h);
	spin_unlock_bh(&wpv_hold_lock);
}

unsigned int wpv_holddown_count(void)
{
	unsigned int n;

	spin_lock_bh(&wpv_hold_lock);
	n = wpv_hold_count;
	spin_unlock_bh(&wpv_hold_lock);
	return n;
}

void wpv_holddown_flush(void)
{
	struct hlist_node *tmp;
	struct wpv_hold *h;
	int bkt;

	spin_lock_bh(&wpv_hold_lock);
	hash_for_each_safe(wpv_hold_table, bkt, tmp, h, node)
		wpv_hold_free(h);
	spin_unlock_bh(&wpv_hold_lock);
}
