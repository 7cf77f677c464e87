// SPDX-License-Identifier: GPL-2.0
/*
 * The challenge: sending the signature verification request, resending it
 * every retry_ms, the verification timer, and taking in the answer.
 *
 * Locking: the timers and the receive path take the station's lock to
 * read and change its state; packets are built from a copy made under the
 * lock and sent after dropping it.  The timers are armed only under the
 * lock while the station is alive (see station.c).
 *
 * The AP nonce is fresh random for every challenge and stays the same
 * across its retransmissions, so that any copy the station answers
 * matches.  It is wiped when the challenge ends.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/etherdevice.h>
#include <linux/random.h>
#include <linux/slab.h>

#include "wai.h"
#include "wpv.h"

static atomic64_t wpv_cookie = ATOMIC64_INIT(0);

/**
 * wpv_challenge_start_locked() - the preview just ended; challenge
 * @sta: the station, its lock held, already in CHALLENGED
 *
 * Draws the nonce and arms the verification timer; the first request goes
 * out from the retry timer, outside the packet path.
 */
void wpv_challenge_start_locked(struct wpv_sta *sta)
{
	u32 timeout = READ_ONCE(sta->iface->cfg.verify_timeout_ms);

	if (sta->dead)
		return;
	get_random_bytes(sta->nonce, sizeof(sta->nonce));
	sta->retries = 0;
	timer_delete(&sta->preview_timer);
	mod_timer(&sta->verify_timer, jiffies + msecs_to_jiffies(timeout));
	mod_timer(&sta->retry_timer, jiffies);
}

static struct sk_buff *wpv_challenge_build(struct net_device *dev,
					   const u8 *dst, const u8 *pkt,
					   int len)
{
	struct sk_buff *skb;
	struct ethhdr *eth;

	skb = alloc_skb(LL_RESERVED_SPACE(dev) + ETH_HLEN + len +
			dev->needed_tailroom, GFP_ATOMIC);
	if (!skb)
		return NULL;
	skb_reserve(skb, LL_RESERVED_SPACE(dev) + ETH_HLEN);
	skb_put_data(skb, pkt, len);
	eth = skb_push(skb, ETH_HLEN);
	skb_reset_mac_header(skb);
	ether_addr_copy(eth->h_dest, dst);
	ether_addr_copy(eth->h_source, dev->dev_addr);
	eth->h_proto = htons(WPV_ETH_P_WAI);
	skb->dev = dev;
	skb->protocol = htons(WPV_ETH_P_WAI);
	skb->priority = TC_PRIO_CONTROL;
	skb_set_network_header(skb, ETH_HLEN);
	return skb;
}

/* Retry timer: send the request (again) while the station is challenged. */
void wpv_challenge_retry(struct timer_list *t)
{
	struct wpv_sta *sta = from_timer(sta, t, retry_timer);
	struct net_device *dev = sta->iface->dev;
	u8 pkt[WPV_WAI_REQ_PKT_LEN];
	struct sk_buff *skb;
	bool first;
	int len;

	spin_lock_bh(&sta->lock);
	if (sta->dead || sta->core.state != WPV_STATE_CHALLENGED) {
		spin_unlock_bh(&sta->lock);
		return;
	}
	len = wpv_wai_req_build(pkt, sizeof(pkt), sta->wai_seq++,
				dev->dev_addr, sta->addr, sta->nonce);
	first = !sta->retries++;
	sta->core.stats[WPV_STATS_CHALLENGES]++;
	mod_timer(&sta->retry_timer, jiffies +
		  msecs_to_jiffies(READ_ONCE(sta->iface->cfg.retry_ms)));
	spin_unlock_bh(&sta->lock);

	if (first)
		wpv_notify_state(sta, WPV_STATE_PREVIEW, GFP_ATOMIC);
	skb = wpv_challenge_build(dev, sta->addr, pkt, len);
	memzero_explicit(pkt, sizeof(pkt));
	if (!skb) {
		net_dbg_ratelimited("%s: no memory for a challenge to %pM\n",
				    dev->name, sta->addr);
		return;
	}
	wpv_gate_xmit(skb);
}

/* Verification timer: no verdict in time. */
void wpv_challenge_timeout(struct timer_list *t)
{
	struct wpv_sta *sta = from_timer(sta, t, verify_timer);

	wpv_sta_block(sta, WPV_REASON_TIMEOUT, WPV_FROM_PENDING);
}

static bool wpv_challenge_expecting(struct wpv_sta *sta)
{
	bool ok;

	spin_lock(&sta->lock);
	ok = sta->retries && (sta->core.state == WPV_STATE_CHALLENGED ||
			      sta->core.state == WPV_STATE_VERIFYING);
	if (!ok)
		sta->core.stats[WPV_STATS_BAD_RESPONSES]++;
	spin_unlock(&sta->lock);
	return ok;
}

static void wpv_challenge_bad(struct wpv_sta *sta, int err)
{
	spin_lock(&sta->lock);
	sta->core.stats[WPV_STATS_BAD_RESPONSES]++;
	spin_unlock(&sta->lock);
	net_dbg_ratelimited("%s: bad response from %pM: %d\n",
			    sta->iface->dev->name, sta->addr, err);
}

/* Check a parsed response against the challenge; maybe start verifying. */
static void wpv_challenge_answer(struct wpv_sta *sta,
				 const struct wpv_wai_resp *resp)
{
	const u8 *bssid = sta->iface->dev->dev_addr;
	u8 nonce[WPV_NONCE_LEN];
	enum wpv_resp_action act;
	u64 cookie = 0;
	bool match;

	spin_lock(&sta->lock);
	match = wpv_wai_resp_matches(resp, bssid, sta->addr, sta->nonce);
	act = wpv_policy_response(&sta->core, match, wpv_now_ms());
	if (act == WPV_RESP_VERIFY) {
		cookie = atomic64_inc_return(&wpv_cookie);
		sta->cookie = cookie;
		memcpy(nonce, sta->nonce, sizeof(nonce));
		timer_delete(&sta->retry_timer);
	}
	spin_unlock(&sta->lock);

	if (act == WPV_RESP_BAD)
		net_dbg_ratelimited("%s: response from %pM does not match\n",
				    sta->iface->dev->name, sta->addr);
	if (act != WPV_RESP_VERIFY)
		return;

	wpv_notify_state(sta, WPV_STATE_CHALLENGED, GFP_ATOMIC);
	if (wpv_agent_verify(sta, resp->body, resp->body_len, cookie, nonce))
		wpv_sta_block(sta, WPV_REASON_AGENT_GONE,
			      BIT(WPV_STATE_VERIFYING));
	memzero_explicit(nonce, sizeof(nonce));
}

/**
 * wpv_challenge_rx() - a station sent a signature verification response
 * @sta: the station
 * @skb: the WAI packet, data at the WAI header
 *
 * Return: NF_DROP; responses never go further than the gate.
 */
unsigned int wpv_challenge_rx(struct wpv_sta *sta, struct sk_buff *skb)
{
	struct wpv_wai_resp resp;
	u8 *buf;
	int ret;

	if (!wpv_challenge_expecting(sta))
		return NF_DROP;
	if (skb->len > WPV_WAI_RESP_PKT_MAX) {
		wpv_challenge_bad(sta, -EMSGSIZE);
		return NF_DROP;
	}
	buf = kmalloc(skb->len, GFP_ATOMIC);
	if (!buf)
		return NF_DROP;
	ret = skb_copy_bits(skb, 0, buf, skb->len);
	if (!ret)
		ret = wpv_wai_resp_parse(buf, skb->len, &resp);
	if (ret)
		wpv_challenge_bad(sta, ret);
	else
		wpv_challenge_answer(sta, &resp);
	kfree(buf);
	return NF_DROP;
}
