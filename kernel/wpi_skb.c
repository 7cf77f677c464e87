// SPDX-License-Identifier: GPL-2.0
/*
 * The WPI transform (wpi.c) applied to sk_buffs, exported for drivers.
 */
#include <linux/export.h>
#include <linux/ieee80211.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include "wpi_skb.h"

/**
 * struct wpv_wpi_keyctx - a WPI key context shared by transmit and receive
 * @lock: held (bottom halves off) across every use of @wpi
 * @wpi: keys and packet numbers
 */
struct wpv_wpi_keyctx {
	spinlock_t lock;	/* guards @wpi: keys and PNs */
	struct wpv_wpi_ctx wpi;
};

/**
 * wpv_wpi_keyctx_alloc() - allocate a key context with no keys
 * @gfp: allocation flags
 *
 * Context: any context @gfp allows.
 * Return: the context, or NULL when out of memory.
 */
struct wpv_wpi_keyctx *wpv_wpi_keyctx_alloc(gfp_t gfp)
{
	struct wpv_wpi_keyctx *kc;

	kc = kzalloc(sizeof(*kc), gfp);
	if (!kc)
		return NULL;
	spin_lock_init(&kc->lock);
	wpv_wpi_init(&kc->wpi);
	return kc;
}
EXPORT_SYMBOL_GPL(wpv_wpi_keyctx_alloc);

/**
 * wpv_wpi_keyctx_free() - wipe the keys and free a key context
 * @kc: the context, or NULL; nobody may be using it any more
 */
void wpv_wpi_keyctx_free(struct wpv_wpi_keyctx *kc)
{
	kfree_sensitive(kc);
}
EXPORT_SYMBOL_GPL(wpv_wpi_keyctx_free);

/**
 * wpv_wpi_keyctx_set_key() - install a key and transmit with it from now on
 * @kc: the context
 * @idx: KeyIdx, 0 or 1
 * @key: encryption key (16 bytes) then MIC key (16 bytes)
 * @key_len: must be WPV_WPI_KEY_LEN (32)
 * @role: WPV_WPI_ROLE_AP or WPV_WPI_ROLE_STA: the side that transmits
 *	with this context; it decides the PN parity sent and accepted
 * @group: true for a multicast key (PN step 1, one replay counter), false
 *	for a unicast key (PN step 2, a replay counter per TID)
 *
 * The packet numbers of that index restart.  The caller may wipe @key
 * afterwards: the context keeps only the expanded key.
 *
 * Context: process or softirq.
 * Return: 0, or -EINVAL for a bad index, length or role.
 */
int wpv_wpi_keyctx_set_key(struct wpv_wpi_keyctx *kc, unsigned int idx,
			   const u8 *key, size_t key_len,
			   enum wpv_wpi_role role, bool group)
{
	int ret;

	if (key_len != WPV_WPI_KEY_LEN)
		return -EINVAL;

	spin_lock_bh(&kc->lock);
	ret = wpv_wpi_set_key(&kc->wpi, idx, key, role, group);
	spin_unlock_bh(&kc->lock);
	return ret;
}
EXPORT_SYMBOL_GPL(wpv_wpi_keyctx_set_key);

/**
 * wpv_wpi_keyctx_clear_key() - remove and wipe one key
 * @kc: the context
 * @idx: KeyIdx; other values are ignored
 *
 * Frames for that index are refused with -ENOKEY afterwards, and so is
 * transmission if it was the transmit key.
 *
 * Context: process or softirq.
 */
void wpv_wpi_keyctx_clear_key(struct wpv_wpi_keyctx *kc, unsigned int idx)
{
	spin_lock_bh(&kc->lock);
	wpv_wpi_clear_key(&kc->wpi, idx);
	spin_unlock_bh(&kc->lock);
}
EXPORT_SYMBOL_GPL(wpv_wpi_keyctx_clear_key);

/* Make the frame private, linear and WPI-sized in its buffer. */
static int wpi_skb_make_room(struct sk_buff *skb)
{
	int nhead, ntail;

	if (skb_linearize(skb))
		return -ENOMEM;

	nhead = max_t(int, 0, WPV_WPI_HEADROOM - (int)skb_headroom(skb));
	ntail = max_t(int, 0, WPV_WPI_TAILROOM - (int)skb_tailroom(skb));
	if (nhead || ntail || skb_cloned(skb))
		return pskb_expand_head(skb, nhead, ntail, GFP_ATOMIC);
	return 0;
}

/**
 * wpv_wpi_skb_encap() - protect an 802.11 data frame
 * @kc: the context; its transmit key is used
 * @skb: a plain data frame without FCS at skb->data
 *
 * Moves the 802.11 header down by WPV_WPI_HEADROOM (18) bytes into the
 * headroom, fills in KeyIdx, Reserved and the next PN, sets the Protected
 * bit, and encrypts data and MIC in place, the MIC taking
 * WPV_WPI_TAILROOM (16) bytes of tailroom.  A cloned or non-linear skb, or
 * one with less room than that, is reallocated (GFP_ATOMIC).  skb->data
 * points at the 802.11 header on return; other header offsets are not
 * maintained.
 *
 * Context: process or softirq; takes the context's lock.
 * Return: 0; -ENOMEM; or as wpv_wpi_protect(): -EINVAL, -EMSGSIZE,
 * -ENOKEY, -EOVERFLOW, in which case the frame is unchanged.
 */
int wpv_wpi_skb_encap(struct wpv_wpi_keyctx *kc, struct sk_buff *skb)
{
	int hdrlen, ret;
	u8 *pos;

	ret = wpi_skb_make_room(skb);
	if (ret)
		return ret;
	hdrlen = wpv_wpi_hdrlen(skb->data, skb->len);
	if (hdrlen < 0)
		return hdrlen;

	pos = skb_push(skb, WPV_WPI_HEADROOM);
	memmove(pos, pos + WPV_WPI_HEADROOM, hdrlen);
	skb_put(skb, WPV_WPI_TAILROOM);

	spin_lock_bh(&kc->lock);
	ret = wpv_wpi_protect(&kc->wpi, skb->data, skb->len);
	spin_unlock_bh(&kc->lock);

	if (ret) {
		skb_trim(skb, skb->len - WPV_WPI_TAILROOM);
		memmove(pos + WPV_WPI_HEADROOM, pos, hdrlen);
		skb_pull(skb, WPV_WPI_HEADROOM);
	}
	return ret;
}
EXPORT_SYMBOL_GPL(wpv_wpi_skb_encap);

/**
 * wpv_wpi_skb_decap() - check, decrypt and strip a protected data frame
 * @kc: the context; the frame's KeyIdx picks the key
 * @skb: a received protected data frame without FCS at skb->data
 *
 * Checks the PN (parity for unicast, replay per TID or per group key) and
 * the MIC; on success decrypts in place, moves the 802.11 header up over
 * the WPV_WPI_HEADROOM (18) WPI bytes, trims the WPV_WPI_TAILROOM (16)
 * MIC bytes and clears the Protected bit.  A cloned or non-linear skb is
 * made private and linear first (GFP_ATOMIC).
 *
 * Context: process or softirq; takes the context's lock.
 * Return: 0; -ENOMEM; or as wpv_wpi_unprotect(): -EINVAL, -EMSGSIZE,
 * -ENOKEY, -EPROTO, -ESTALE, -EBADMSG, in which case the frame is
 * unchanged and should be dropped.
 */
int wpv_wpi_skb_decap(struct wpv_wpi_keyctx *kc, struct sk_buff *skb)
{
	struct ieee80211_hdr *hdr;
	int hdrlen, ret;

	ret = skb_ensure_writable(skb, skb->len);
	if (ret)
		return ret;

	spin_lock_bh(&kc->lock);
	ret = wpv_wpi_unprotect(&kc->wpi, skb->data, skb->len);
	spin_unlock_bh(&kc->lock);
	if (ret)
		return ret;

	hdrlen = wpv_wpi_hdrlen(skb->data, skb->len);
	memmove(skb->data + WPV_WPI_HEADROOM, skb->data, hdrlen);
	skb_pull(skb, WPV_WPI_HEADROOM);
	skb_trim(skb, skb->len - WPV_WPI_TAILROOM);

	hdr = (struct ieee80211_hdr *)skb->data;
	hdr->frame_control &= ~cpu_to_le16(IEEE80211_FCTL_PROTECTED);
	/* The bytes changed under any checksum the device computed. */
	if (skb->ip_summed == CHECKSUM_COMPLETE)
		skb->ip_summed = CHECKSUM_NONE;
	return 0;
}
EXPORT_SYMBOL_GPL(wpv_wpi_skb_decap);
