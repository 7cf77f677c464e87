// SPDX-License-Identifier: GPL-2.0
/*
 * The netfilter netdev hook of an attached interface: find the station a
 * frame belongs to, let the policy decide, and carry the decision out.
 *
 * Context: ingress runs in softirq, egress inside __dev_queue_xmit with
 * BHs disabled; both under RCU.  Per frame, a known station costs one
 * RCU hash lookup and its own spinlock; nothing is allocated and no lock
 * shared between stations is taken.  The exceptions are edges, not the
 * steady state: a new station is allocated with GFP_ATOMIC on its first
 * frame, the frames that start and end a preview arm timers, and frames
 * held under the pause policy count against the global queue bound.
 *
 * Signature verification responses from stations are consumed here, also
 * when they cannot be matched to a station; they never reach the stack
 * or a bridge.
 *
 * Bytes are counted as the Ethernet frame length: skb->len on egress,
 * where data starts at the Ethernet header, and skb->len plus the header
 * on ingress, where eth_type_trans() has already pulled it.
 *
 * Frames the module sends itself (challenges, released queues) are
 * recognised by a per-CPU pointer set around their dev_queue_xmit() and
 * pass untouched.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/etherdevice.h>
#include <linux/if_ether.h>
#include <linux/netfilter_netdev.h>
#include <linux/percpu.h>

#include "wai.h"
#include "wpv.h"

static DEFINE_PER_CPU(struct sk_buff *, wpv_own_skb);

/**
 * wpv_gate_xmit() - send a frame past the gate
 * @skb: a complete Ethernet frame with skb->dev set
 *
 * Return: dev_queue_xmit()'s result.
 */
int wpv_gate_xmit(struct sk_buff *skb)
{
	int ret;

	local_bh_disable();
	this_cpu_write(wpv_own_skb, skb);
	ret = dev_queue_xmit(skb);
	this_cpu_write(wpv_own_skb, NULL);
	local_bh_enable();
	return ret;
}

static bool wpv_gate_own(struct sk_buff *skb)
{
	if (likely(this_cpu_read(wpv_own_skb) != skb))
		return false;
	this_cpu_write(wpv_own_skb, NULL);
	return true;
}

static bool wpv_gate_is_control(__be16 proto)
{
	return proto == htons(WPV_ETH_P_WAI) || proto == htons(ETH_P_PAE);
}

/* A WAI packet from a station that claims to answer a challenge. */
static bool wpv_gate_is_response(struct sk_buff *skb)
{
	u8 hdr[WPV_WAI_HDR_LEN];
	const u8 *p;

	if (skb->protocol != htons(WPV_ETH_P_WAI))
		return false;
	p = skb_header_pointer(skb, 0, sizeof(hdr), hdr);
	return p && p[3] == WPV_WAI_SUBTYPE_SIG_RESP;
}

/* What to do with the frames of a station the table cannot hold. */
static unsigned int wpv_gate_untracked(__be16 proto)
{
	return wpv_gate_is_control(proto) ? NF_ACCEPT : NF_DROP;
}

static unsigned int wpv_gate_frame(struct wpv_sta *sta, struct sk_buff *skb,
				   const struct wpv_frame *f)
{
	unsigned int verdict = NF_ACCEPT;
	enum wpv_action act;
	unsigned int fx;

	spin_lock(&sta->lock);
	act = wpv_policy_frame(&sta->core, &sta->iface->cfg, f, wpv_now_ms(),
			       &fx);
	if (act == WPV_ACT_QUEUE)
		verdict = wpv_queue_add_locked(sta, skb) ? NF_STOLEN : NF_DROP;
	else if (act == WPV_ACT_DROP)
		verdict = NF_DROP;

	if (unlikely(fx)) {
		if ((fx & WPV_FX_PREVIEW_START) && !sta->dead)
			mod_timer(&sta->preview_timer, jiffies +
				  msecs_to_jiffies(sta->core.time_limit_ms));
		if (fx & WPV_FX_CHALLENGE)
			wpv_challenge_start_locked(sta);
		if (fx & WPV_FX_QUANTUM)
			wpv_sta_queue_acct(sta, WPV_ACCT_QUANTUM);
	}
	spin_unlock(&sta->lock);
	return verdict;
}

unsigned int wpv_gate_hook(void *priv, struct sk_buff *skb,
			   const struct nf_hook_state *state)
{
	bool egress = state->hook == NF_NETDEV_EGRESS;
	struct wpv_iface *iface = priv;
	struct wpv_frame f = { .egress = egress };
	const struct ethhdr *eth;
	struct wpv_sta *sta;
	const u8 *addr;

	if (egress && wpv_gate_own(skb))
		return NF_ACCEPT;
	if (!skb_mac_header_was_set(skb))
		return NF_ACCEPT;

	eth = eth_hdr(skb);
	addr = egress ? eth->h_dest : eth->h_source;
	if (!is_valid_ether_addr(addr))
		return NF_ACCEPT;	/* group frames are not a station's */

	sta = wpv_sta_get_or_create(iface, addr);
	if (!egress && wpv_gate_is_response(skb))
		return IS_ERR(sta) ? NF_DROP : wpv_challenge_rx(sta, skb);
	if (IS_ERR(sta))
		return wpv_gate_untracked(eth->h_proto);

	f.len = skb->len + (skb->data - skb_mac_header(skb));
	f.control = wpv_gate_is_control(eth->h_proto);
	return wpv_gate_frame(sta, skb, &f);
}
