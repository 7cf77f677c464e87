// SPDX-License-Identifier: GPL-2.0
/*
 * Reading station messages (dump, events, accounting) and naming the
 * numbers in them, shared by `wpv show` and `wpv events`.
 */
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include "reason_names.h"
#include "wpv.h"

static const char *const state_names[] = {
	[WPV_STATE_PREVIEW] = "preview",
	[WPV_STATE_CHALLENGED] = "challenged",
	[WPV_STATE_VERIFYING] = "verifying",
	[WPV_STATE_AUTHORISED] = "authorised",
	[WPV_STATE_BLOCKED] = "blocked",
};

static const char *const stats_names[] = {
	[WPV_STATS_TX_BYTES] = "tx_bytes",
	[WPV_STATS_TX_FRAMES] = "tx_frames",
	[WPV_STATS_RX_BYTES] = "rx_bytes",
	[WPV_STATS_RX_FRAMES] = "rx_frames",
	[WPV_STATS_PREVIEW_TX_BYTES] = "preview_tx_bytes",
	[WPV_STATS_PREVIEW_RX_BYTES] = "preview_rx_bytes",
	[WPV_STATS_AUTH_TX_BYTES] = "auth_tx_bytes",
	[WPV_STATS_AUTH_RX_BYTES] = "auth_rx_bytes",
	[WPV_STATS_AUTH_TX_FRAMES] = "auth_tx_frames",
	[WPV_STATS_AUTH_RX_FRAMES] = "auth_rx_frames",
	[WPV_STATS_DROPPED_FRAMES] = "dropped_frames",
	[WPV_STATS_DROPPED_BYTES] = "dropped_bytes",
	[WPV_STATS_QUEUED_FRAMES] = "queued_frames",
	[WPV_STATS_BAD_RESPONSES] = "bad_responses",
	[WPV_STATS_CHALLENGES] = "challenges",
};

const char *wpv_state_str(unsigned int state)
{
	return state < __WPV_STATE_MAX ? state_names[state] : "unknown";
}

const char *wpv_reason_str(unsigned int reason)
{
	return wpv_reason_name(reason);
}

const char *wpv_stats_str(unsigned int attr)
{
	return attr && attr < WPV_STATS_PAD ? stats_names[attr] : NULL;
}

/* Fill @s from a station message; returns 0 or -1 if it lacks the keys. */
int wpv_sta_msg_parse(struct nl_msg *msg, struct wpv_sta_msg *s)
{
	struct genlmsghdr *gh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[WPV_A_MAX + 1];
	struct nlattr *st[WPV_STATS_MAX + 1];
	int i;

	memset(s, 0, sizeof(*s));
	s->cmd = gh->cmd;
	if (nla_parse(tb, WPV_A_MAX, genlmsg_attrdata(gh, 0),
		      genlmsg_attrlen(gh, 0), NULL) ||
	    !tb[WPV_A_IFINDEX] || !tb[WPV_A_STA_ADDR] ||
	    nla_len(tb[WPV_A_STA_ADDR]) != 6)
		return -1;
	s->ifindex = nla_get_u32(tb[WPV_A_IFINDEX]);
	if (!if_indextoname(s->ifindex, s->ifname))
		snprintf(s->ifname, sizeof(s->ifname), "if%u", s->ifindex);
	memcpy(s->addr, nla_data(tb[WPV_A_STA_ADDR]), 6);
	snprintf(s->mac, sizeof(s->mac), "%02x:%02x:%02x:%02x:%02x:%02x",
		 s->addr[0], s->addr[1], s->addr[2], s->addr[3], s->addr[4],
		 s->addr[5]);
	if (tb[WPV_A_STA_STATE])
		s->state = nla_get_u8(tb[WPV_A_STA_STATE]);
	s->prev_state = tb[WPV_A_STA_PREV_STATE] ?
			nla_get_u8(tb[WPV_A_STA_PREV_STATE]) : -1;
	if (tb[WPV_A_REASON])
		s->reason = nla_get_u32(tb[WPV_A_REASON]);
	if (tb[WPV_A_IDENTITY])
		snprintf(s->identity, sizeof(s->identity), "%s",
			 nla_get_string(tb[WPV_A_IDENTITY]));
	if (tb[WPV_A_STA_AGE_MS])
		s->age_ms = nla_get_u64(tb[WPV_A_STA_AGE_MS]);
	if (tb[WPV_A_STA_STATE_AGE_MS])
		s->state_age_ms = nla_get_u64(tb[WPV_A_STA_STATE_AGE_MS]);
	if (tb[WPV_A_STA_QUEUED])
		s->queued = nla_get_u32(tb[WPV_A_STA_QUEUED]);
	if (tb[WPV_A_STA_RETRIES])
		s->retries = nla_get_u32(tb[WPV_A_STA_RETRIES]);
	s->trigger = tb[WPV_A_ACCT_TRIGGER] ?
		     nla_get_u8(tb[WPV_A_ACCT_TRIGGER]) : -1;
	if (tb[WPV_A_STA_STATS] &&
	    !nla_parse_nested(st, WPV_STATS_MAX, tb[WPV_A_STA_STATS], NULL))
		for (i = 1; i < WPV_STATS_PAD; i++)
			if (st[i])
				s->stats[i] = nla_get_u64(st[i]);
	return 0;
}

/* The counters as JSON members, without braces. */
void wpv_sta_stats_json(const struct wpv_sta_msg *s)
{
	int i;

	for (i = 1; i < WPV_STATS_PAD; i++)
		printf("%s\"%s\":%llu", i > 1 ? "," : "", wpv_stats_str(i),
		       (unsigned long long)s->stats[i]);
}
