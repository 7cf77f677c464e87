// SPDX-License-Identifier: GPL-2.0
/*
 * The pause queue: frames to a challenged station held until its verdict.
 *
 * Each station's queue is an sk_buff_head used with the lockless
 * __skb_queue helpers under the station's own lock.  Two bounds apply: the
 * interface's queue_frames per station and the module-wide
 * queue_total_frames, counted in one atomic.  A frame that does not fit
 * is dropped and counted.  Held frames are freed outside the station lock.
 */

#include <linux/atomic.h>
#include <linux/skbuff.h>

#include "wpv.h"

/* Frames held in all queues of all stations. */
static atomic_t wpv_queue_held = ATOMIC_INIT(0);

/**
 * wpv_queue_add_locked() - hold a frame for a station
 * @sta: the station; its lock held
 * @skb: the frame
 *
 * Return: true if the queue took the frame; false if it did not fit, in
 * which case it was counted as dropped and the caller drops it.
 */
bool wpv_queue_add_locked(struct wpv_sta *sta, struct sk_buff *skb)
{
	u32 total = atomic_inc_return(&wpv_queue_held) - 1;

	if (sta->dead ||
	    !wpv_policy_queue_fits(sta->core.queued,
				   READ_ONCE(sta->iface->cfg.queue_frames),
				   total, READ_ONCE(wpv_queue_total_frames))) {
		atomic_dec(&wpv_queue_held);
		wpv_policy_count_drop(&sta->core, skb->len);
		return false;
	}
	__skb_queue_tail(&sta->queue, skb);
	wpv_policy_count_queued(&sta->core);
	return true;
}

/*
 * Move a station's held frames to @list; with @discard they are counted
 * as dropped.  Lock held.  The caller frees @list after unlocking.
 */
void wpv_queue_take_locked(struct wpv_sta *sta, struct sk_buff_head *list,
			   bool discard)
{
	struct sk_buff *skb;

	if (discard)
		skb_queue_walk(&sta->queue, skb)
			wpv_policy_count_drop(&sta->core, skb->len);
	atomic_sub(skb_queue_len(&sta->queue), &wpv_queue_held);
	skb_queue_splice_tail_init(&sta->queue, list);
	sta->core.queued = 0;
	sta->core.releasing = false;
}

void wpv_queue_purge(struct sk_buff_head *list)
{
	__skb_queue_purge(list);
}

/*
 * Send a newly authorised station its held frames, oldest first.  Frames
 * arriving meanwhile join the tail (core.releasing), so the order holds
 * until the queue is empty.  Process context.
 */
void wpv_queue_release(struct wpv_sta *sta)
{
	struct sk_buff *skb;

	for (;;) {
		spin_lock_bh(&sta->lock);
		skb = __skb_dequeue(&sta->queue);
		if (!skb) {
			sta->core.releasing = false;
			spin_unlock_bh(&sta->lock);
			return;
		}
		atomic_dec(&wpv_queue_held);
		wpv_policy_count_release(&sta->core, skb->len);
		spin_unlock_bh(&sta->lock);

		wpv_gate_xmit(skb);
		cond_resched();
	}
}
