/* SPDX-License-Identifier: GPL-2.0 */
/*
 * WPI on sk_buffs, for a driver or a mac80211 hook that has a radio without
 * hardware WPI.  The skb holds one 802.11 data frame without FCS, starting
 * at skb->data.
 *
 * Encapsulation inserts WPV_WPI_HEADROOM (18) bytes after the 802.11
 * header (KeyIdx, Reserved, PN) and appends WPV_WPI_TAILROOM (16) bytes
 * (the MIC).  Room comes from the skb's headroom and tailroom; reserve at
 * least 18 and 16 bytes to avoid a reallocation, which otherwise happens
 * here with GFP_ATOMIC.  Decapsulation removes both again.
 *
 * Errors are those listed in wpi.h, plus -ENOMEM when the skb cannot be
 * made linear, private or big enough.
 *
 * Locking: each key context has a spinlock, taken with bottom halves
 * disabled for one whole operation, so assigning a PN, checking and
 * advancing the replay counters and changing keys never interleave.  Calls
 * may come from process or softirq context, concurrently, on any contexts;
 * not from hard interrupt context or with interrupts disabled.
 */
#ifndef _WPV_WPI_SKB_H
#define _WPV_WPI_SKB_H

#include <linux/gfp.h>
#include <linux/skbuff.h>
#include "wpi.h"

struct wpv_wpi_keyctx;

struct wpv_wpi_keyctx *wpv_wpi_keyctx_alloc(gfp_t gfp);
void wpv_wpi_keyctx_free(struct wpv_wpi_keyctx *kc);
int wpv_wpi_keyctx_set_key(struct wpv_wpi_keyctx *kc, unsigned int idx,
			   const u8 *key, size_t key_len,
			   enum wpv_wpi_role role, bool group);
void wpv_wpi_keyctx_clear_key(struct wpv_wpi_keyctx *kc, unsigned int idx);
int wpv_wpi_skb_encap(struct wpv_wpi_keyctx *kc, struct sk_buff *skb);
int wpv_wpi_skb_decap(struct wpv_wpi_keyctx *kc, struct sk_buff *skb);

#endif /* _WPV_WPI_SKB_H */
