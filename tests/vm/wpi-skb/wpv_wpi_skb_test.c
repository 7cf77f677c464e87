// SPDX-License-Identifier: GPL-2.0
/*
 * Exercises the exported WPI sk_buff API of wapi_preview from another
 * module, as a driver would: an AP-side and a station-side key context
 * with the same key, frames of several shapes sent one way and the other,
 * skbs without head- or tailroom, cloned and non-linear skbs, and the
 * rejections.  Each check is logged as "wpi_skb_test: PASS name" or
 * "wpi_skb_test: FAIL name (error)"; the VM scenario reads the log.
 */

#define pr_fmt(fmt) "wpi_skb_test: " fmt

#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/random.h>
#include <linux/ieee80211.h>

#include "wpi_skb.h"

static struct wpv_wpi_keyctx *ap, *sta;
static int failures;

static void report(const char *name, bool ok, int err)
{
	if (ok) {
		pr_info("PASS %s\n", name);
	} else {
		pr_info("FAIL %s (%d)\n", name, err);
		failures++;
	}
}

/*
 * A data frame: frame control, duration, three or four addresses, sequence
 * control, QoS control if @qos, then @body bytes of random data.
 */
static struct sk_buff *make_frame(bool fromds, bool four, bool qos,
				  size_t body, unsigned int head,
				  unsigned int tail, u8 *hdrlen)
{
	u16 fc = IEEE80211_FTYPE_DATA;
	struct sk_buff *skb;
	size_t hl = 24;
	u8 *p;

	if (qos) {
		fc |= IEEE80211_STYPE_QOS_DATA;
		hl += 2;
	}
	if (four) {
		fc |= IEEE80211_FCTL_FROMDS | IEEE80211_FCTL_TODS;
		hl += 6;
	} else {
		fc |= fromds ? IEEE80211_FCTL_FROMDS : IEEE80211_FCTL_TODS;
	}
	skb = alloc_skb(head + hl + body + tail, GFP_KERNEL);
	if (!skb)
		return NULL;
	skb_reserve(skb, head);
	p = skb_put(skb, hl + body);
	get_random_bytes(p, hl + body);
	put_unaligned_le16(fc, p);
	p[4] &= ~0x01;		/* address 1 unicast: pairwise keys */
	if (qos)
		p[hl - 2] &= 0x0f;	/* TID 0-15, no A-MSDU, no mesh bits */
	*hdrlen = hl;
	return skb;
}

/* Send one frame from @tx to @rx and check it comes back as it was. */
static void round_trip(const char *name, struct wpv_wpi_keyctx *tx,
		       struct wpv_wpi_keyctx *rx, bool fromds, bool four,
		       bool qos, size_t body, unsigned int head,
		       unsigned int tail, bool clone, bool nonlinear)
{
	struct sk_buff *skb, *copy, *extra = NULL;
	u8 hl;
	int ret;

	skb = make_frame(fromds, four, qos, body, head, tail, &hl);
	if (!skb)
		return report(name, false, -ENOMEM);
	copy = skb_copy(skb, GFP_KERNEL);
	if (clone)
		extra = skb_clone(skb, GFP_KERNEL);
	if (nonlinear && body > 8) {
		/* Move the last 8 body bytes into a page fragment. */
		struct page *page = alloc_page(GFP_KERNEL);

		if (page) {
			memcpy(page_address(page), skb_tail_pointer(skb) - 8, 8);
			skb_trim(skb, skb->len - 8);
			skb_add_rx_frag(skb, 0, page, 0, 8, PAGE_SIZE);
		}
	}
	if (!copy || (clone && !extra)) {
		ret = -ENOMEM;
		goto out;
	}

	ret = wpv_wpi_skb_encap(tx, skb);
	if (!ret && (skb->len != copy->len + WPV_WPI_OVERHEAD ||
		     !(skb->data[1] & (IEEE80211_FCTL_PROTECTED >> 8))))
		ret = -EPROTO;
	if (!ret)
		ret = wpv_wpi_skb_decap(rx, skb);
	if (!ret && (skb->len != copy->len ||
		     memcmp(skb->data + 2, copy->data + 2, copy->len - 2)))
		ret = -EBADMSG;
	if (!ret && extra && memcmp(extra->data, copy->data, copy->len))
		ret = -EFAULT;	/* the clone's data must not change */
out:
	report(name, !ret, ret);
	kfree_skb(extra);
	kfree_skb(copy);
	kfree_skb(skb);
}

/* A protected frame tampered with, replayed or sent the wrong way. */
static void rejections(void)
{
	struct sk_buff *skb, *again;
	u8 hl;
	int ret;

	skb = make_frame(true, false, true, 200, 64, 32, &hl);
	if (!skb || wpv_wpi_skb_encap(ap, skb)) {
		kfree_skb(skb);
		return report("rejections-setup", false, -ENOMEM);
	}
	again = skb_copy(skb, GFP_KERNEL);
	skb->data[hl + WPV_WPI_HEADROOM + 5] ^= 0x01;
	ret = wpv_wpi_skb_decap(sta, skb);
	report("flipped-bit-is-bad-mic", ret == -EBADMSG, ret);

	if (again) {
		ret = wpv_wpi_skb_decap(sta, again);
		report("first-copy-accepted", !ret, ret);
		kfree_skb(again);
	}
	kfree_skb(skb);

	skb = make_frame(true, false, true, 200, 64, 32, &hl);
	if (skb && !wpv_wpi_skb_encap(ap, skb)) {
		again = skb_copy(skb, GFP_KERNEL);
		ret = wpv_wpi_skb_decap(sta, skb);
		report("fresh-frame-accepted", !ret, ret);
		if (again) {
			ret = wpv_wpi_skb_decap(sta, again);
			report("replay-refused", ret == -ESTALE, ret);
			kfree_skb(again);
		}
	}
	kfree_skb(skb);

	/* The AP's own unicast frames carry odd PNs: the AP refuses them. */
	skb = make_frame(true, false, true, 100, 64, 32, &hl);
	if (skb && !wpv_wpi_skb_encap(ap, skb)) {
		ret = wpv_wpi_skb_decap(ap, skb);
		report("wrong-parity-refused", ret == -EPROTO, ret);
	}
	kfree_skb(skb);

	skb = alloc_skb(64, GFP_KERNEL);
	if (skb) {
		skb_put_zero(skb, 10);
		ret = wpv_wpi_skb_decap(sta, skb);
		report("short-frame-refused", ret == -EMSGSIZE || ret == -EINVAL,
		       ret);
		kfree_skb(skb);
	}
}

static int __init wpi_skb_test_init(void)
{
	u8 key[WPV_WPI_KEY_LEN];
	int ret;

	ap = wpv_wpi_keyctx_alloc(GFP_KERNEL);
	sta = wpv_wpi_keyctx_alloc(GFP_KERNEL);
	if (!ap || !sta) {
		ret = -ENOMEM;
		goto out;
	}
	get_random_bytes(key, sizeof(key));
	ret = wpv_wpi_keyctx_set_key(ap, 0, key, sizeof(key),
				     WPV_WPI_ROLE_AP, false) ?:
	      wpv_wpi_keyctx_set_key(sta, 0, key, sizeof(key),
				     WPV_WPI_ROLE_STA, false);
	memzero_explicit(key, sizeof(key));
	report("set-keys", !ret, ret);
	if (ret)
		goto out;

	round_trip("ap-to-sta-3addr-qos", ap, sta, true, false, true, 1400,
		   64, 32, false, false);
	round_trip("sta-to-ap-3addr", sta, ap, false, false, false, 60,
		   64, 32, false, false);
	round_trip("ap-to-sta-4addr-qos", ap, sta, true, true, true, 512,
		   64, 32, false, false);
	round_trip("no-headroom-no-tailroom", ap, sta, true, false, true,
		   300, 0, 0, false, false);
	round_trip("cloned-skb", ap, sta, true, false, false, 256, 64, 32,
		   true, false);
	round_trip("nonlinear-skb", sta, ap, false, false, true, 700, 64, 0,
		   false, true);
	round_trip("one-byte-body", ap, sta, true, false, false, 1, 64, 32,
		   false, false);
	rejections();
	pr_info("DONE %d failed\n", failures);
	ret = 0;
out:
	wpv_wpi_keyctx_free(sta);
	wpv_wpi_keyctx_free(ap);
	return ret;
}

static void __exit wpi_skb_test_exit(void)
{
}

module_init(wpi_skb_test_init);
module_exit(wpi_skb_test_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test of wapi_preview's WPI sk_buff API");
