// SPDX-License-Identifier: GPL-2.0
/*
 * Test notifications, attribute by attribute as the uapi header lists
 * them, 64-bit counters padded as the kernel's nla_put_u64_64bit() does.
 */
#include <string.h>
#include <linux/nl80211.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include "kernel_notes.h"

static int put_u64_pad(struct nl_msg *msg, int type, uint64_t v, int pad)
{
	/*
	 * The kernel puts an empty pad attribute before a 64-bit value when
	 * it needs one for alignment; one before each shows pads are skipped.
	 */
	if (nla_put(msg, pad, 0, NULL))
		return -1;
	return nla_put_u64(msg, type, v);
}

static int put_stats(struct nl_msg *msg, const struct acct_counters *a)
{
	struct nlattr *nest = nla_nest_start(msg, WPV_A_STA_STATS);
	const struct {
		int type;
		uint64_t v;
	} s[] = {
		{ WPV_STATS_TX_BYTES, a->tx_bytes + KN_PREVIEW_BYTES },
		{ WPV_STATS_TX_FRAMES, a->tx_frames + KN_PREVIEW_FRAMES },
		{ WPV_STATS_RX_BYTES, a->rx_bytes + KN_PREVIEW_BYTES },
		{ WPV_STATS_RX_FRAMES, a->rx_frames + KN_PREVIEW_FRAMES },
		{ WPV_STATS_PREVIEW_TX_BYTES, KN_PREVIEW_BYTES },
		{ WPV_STATS_PREVIEW_RX_BYTES, KN_PREVIEW_BYTES },
		{ WPV_STATS_AUTH_TX_BYTES, a->tx_bytes },
		{ WPV_STATS_AUTH_RX_BYTES, a->rx_bytes },
		{ WPV_STATS_AUTH_TX_FRAMES, a->tx_frames },
		{ WPV_STATS_AUTH_RX_FRAMES, a->rx_frames },
		{ WPV_STATS_DROPPED_FRAMES, 3 },
		{ WPV_STATS_DROPPED_BYTES, 300 },
		{ WPV_STATS_QUEUED_FRAMES, 2 },
		{ WPV_STATS_BAD_RESPONSES, 0 },
		{ WPV_STATS_CHALLENGES, 1 },
	};
	size_t i;

	if (!nest)
		return -1;
	for (i = 0; i < sizeof(s) / sizeof(s[0]); i++)
		if (put_u64_pad(msg, s[i].type, s[i].v, WPV_STATS_PAD))
			return -1;
	return nla_nest_end(msg, nest);
}

static struct nl_msg *note_head(int family, int cmd, unsigned int ifindex,
				const unsigned char *sta)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg)
		return NULL;
	/* Multicast from the kernel: port 0, sequence 0. */
	if (!genlmsg_put(msg, 0, 0, family, 0, 0, cmd, WPV_GENL_VERSION) ||
	    nla_put_u32(msg, WPV_A_IFINDEX, ifindex) ||
	    nla_put(msg, WPV_A_STA_ADDR, 6, sta)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

struct nl_msg *kn_sta_event(int family, unsigned int ifindex,
			    const unsigned char *sta, int state, int prev,
			    int reason, const char *identity,
			    const struct acct_counters *auth)
{
	struct nl_msg *msg = note_head(family, WPV_CMD_STA_EVENT, ifindex,
				       sta);

	if (!msg)
		return NULL;
	if (nla_put_u8(msg, WPV_A_STA_STATE, state) ||
	    nla_put_u8(msg, WPV_A_STA_PREV_STATE, prev) ||
	    nla_put_u32(msg, WPV_A_REASON, reason) ||
	    (identity && identity[0] &&
	     nla_put_string(msg, WPV_A_IDENTITY, identity)) ||
	    put_stats(msg, auth)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

struct nl_msg *kn_sta_acct(int family, unsigned int ifindex,
			   const unsigned char *sta, int trigger,
			   const char *identity,
			   const struct acct_counters *auth)
{
	struct nl_msg *msg = note_head(family, WPV_CMD_STA_ACCT, ifindex, sta);

	if (!msg)
		return NULL;
	if (nla_put_u8(msg, WPV_A_ACCT_TRIGGER, trigger) ||
	    (identity && identity[0] &&
	     nla_put_string(msg, WPV_A_IDENTITY, identity)) ||
	    put_stats(msg, auth)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

struct nl_msg *kn_new_interface(int family, unsigned int ifindex,
				const char *ifname, const unsigned char *mac,
				const char *ssid)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg)
		return NULL;
	if (!genlmsg_put(msg, 0, 1, family, 0, 0, NL80211_CMD_NEW_INTERFACE,
			 0) ||
	    nla_put_u32(msg, NL80211_ATTR_IFINDEX, ifindex) ||
	    nla_put_string(msg, NL80211_ATTR_IFNAME, ifname) ||
	    nla_put_u32(msg, NL80211_ATTR_IFTYPE, NL80211_IFTYPE_AP) ||
	    nla_put(msg, NL80211_ATTR_MAC, 6, mac) ||
	    (ssid && nla_put(msg, NL80211_ATTR_SSID, strlen(ssid), ssid))) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}
