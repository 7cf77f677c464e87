// SPDX-License-Identifier: GPL-2.0
/*
 * Station attributes shared by the dump and the notifications, and the
 * notifications themselves (multicast group "events"): WPV_CMD_STA_EVENT
 * on every state change, WPV_CMD_STA_ACCT for accounting.
 *
 * Callers do not hold the station's lock: the message is built from a
 * snapshot taken under it.  Nothing is built when nobody listens.
 */

#include <net/genetlink.h>

#include "wpv.h"

static int wpv_nl_put_stats(struct sk_buff *msg, const struct wpv_sta_core *c)
{
	struct nlattr *nest;
	int i;

	nest = nla_nest_start(msg, WPV_A_STA_STATS);
	if (!nest)
		return -EMSGSIZE;
	for (i = WPV_STATS_TX_BYTES; i < WPV_STATS_PAD; i++) {
		if (nla_put_u64_64bit(msg, i, c->stats[i], WPV_STATS_PAD)) {
			nla_nest_cancel(msg, nest);
			return -EMSGSIZE;
		}
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int wpv_nl_put_dump_extra(struct sk_buff *msg,
				 const struct wpv_sta_info *info, u64 now_ms)
{
	u64 state_age = now_ms - info->core.state_since_ms;

	if (nla_put_u64_64bit(msg, WPV_A_STA_AGE_MS, info->age_ms,
			      WPV_A_PAD) ||
	    nla_put_u64_64bit(msg, WPV_A_STA_STATE_AGE_MS, state_age,
			      WPV_A_PAD) ||
	    nla_put_u32(msg, WPV_A_STA_QUEUED, info->core.queued) ||
	    nla_put_u32(msg, WPV_A_STA_RETRIES, info->retries))
		return -EMSGSIZE;
	return 0;
}

/**
 * wpv_nl_put_sta() - put a station's attributes into a message
 * @msg: the message
 * @info: the station's snapshot
 * @full: add what only the dump carries (ages, queue, retries)
 *
 * Return: 0 or -EMSGSIZE.
 */
int wpv_nl_put_sta(struct sk_buff *msg, const struct wpv_sta_info *info,
		   bool full)
{
	if (nla_put_u32(msg, WPV_A_IFINDEX, info->ifindex) ||
	    nla_put(msg, WPV_A_STA_ADDR, ETH_ALEN, info->addr) ||
	    nla_put_u8(msg, WPV_A_STA_STATE, info->core.state) ||
	    nla_put_u32(msg, WPV_A_REASON, info->core.reason))
		return -EMSGSIZE;
	if (info->identity[0] &&
	    nla_put_string(msg, WPV_A_IDENTITY, info->identity))
		return -EMSGSIZE;
	if (full && wpv_nl_put_dump_extra(msg, info, wpv_now_ms()))
		return -EMSGSIZE;
	return wpv_nl_put_stats(msg, &info->core);
}

static void wpv_notify(struct wpv_sta *sta, u8 cmd, int extra_attr,
		       u8 extra, gfp_t gfp)
{
	struct net *net = dev_net(sta->iface->dev);
	struct wpv_sta_info *info;
	struct sk_buff *msg;
	void *hdr;

	if (!genl_has_listeners(&wpv_genl_family, net, 0))
		return;
	info = kmalloc(sizeof(*info), gfp);
	msg = genlmsg_new(NLMSG_GOODSIZE, gfp);
	if (!info || !msg)
		goto err;
	wpv_sta_snapshot(sta, info);
	hdr = genlmsg_put(msg, 0, 0, &wpv_genl_family, 0, cmd);
	if (!hdr || wpv_nl_put_sta(msg, info, false) ||
	    nla_put_u8(msg, extra_attr, extra))
		goto err;
	genlmsg_end(msg, hdr);
	genlmsg_multicast_netns(&wpv_genl_family, net, msg, 0, 0, gfp);
	kfree(info);
	return;
err:
	nlmsg_free(msg);
	kfree(info);
}

/* The station changed state; @prev is where it came from. */
void wpv_notify_state(struct wpv_sta *sta, u8 prev, gfp_t gfp)
{
	wpv_notify(sta, WPV_CMD_STA_EVENT, WPV_A_STA_PREV_STATE, prev, gfp);
}

void wpv_notify_acct(struct wpv_sta *sta, u8 trigger, gfp_t gfp)
{
	wpv_notify(sta, WPV_CMD_STA_ACCT, WPV_A_ACCT_TRIGGER, trigger, gfp);
}
