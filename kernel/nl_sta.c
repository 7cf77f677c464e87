// SPDX-License-Identifier: GPL-2.0
/*
 * Netlink commands about stations and the agent: the station dump,
 * authorise/block/reset/delete, the agent's registration and verdicts.
 *
 * Locking: every command runs under wpv_lock, which keeps the interface
 * and the station found alive (only wpv_lock holders delete them); the
 * station's own lock is taken inside the station functions.
 */

#include <linux/etherdevice.h>
#include <linux/rhashtable.h>
#include <net/genetlink.h>
#include <net/sock.h>

#include "wpv.h"

/* The attached interface a request names, in the caller's namespace. */
static struct wpv_iface *wpv_nl_iface(struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct wpv_iface *iface;
	int ifindex;

	if (GENL_REQ_ATTR_CHECK(info, WPV_A_IFINDEX))
		return ERR_PTR(-EINVAL);
	ifindex = nla_get_u32(info->attrs[WPV_A_IFINDEX]);
	iface = wpv_iface_find_index(net, ifindex);
	if (!iface) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[WPV_A_IFINDEX],
				    "gate not attached to this interface");
		return ERR_PTR(-ENODEV);
	}
	return iface;
}

/* The station a request names.  wpv_lock held. */
static struct wpv_sta *wpv_nl_sta(struct genl_info *info)
{
	struct wpv_iface *iface;
	struct wpv_sta *sta;

	iface = wpv_nl_iface(info);
	if (IS_ERR(iface))
		return ERR_CAST(iface);
	if (GENL_REQ_ATTR_CHECK(info, WPV_A_STA_ADDR))
		return ERR_PTR(-EINVAL);

	rcu_read_lock();
	sta = wpv_sta_lookup(iface, nla_data(info->attrs[WPV_A_STA_ADDR]));
	rcu_read_unlock();
	if (!sta) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[WPV_A_STA_ADDR],
				    "no such station");
		return ERR_PTR(-ENOENT);
	}
	return sta;
}

static u8 wpv_nl_reason(struct genl_info *info, u8 dflt)
{
	struct nlattr *a = info->attrs[WPV_A_REASON];

	return a ? nla_get_u32(a) : dflt;
}

/* WPV_CMD_STA_AUTHORISE, _BLOCK, _RESET and _DEL. */
int wpv_nl_sta_change(struct sk_buff *skb, struct genl_info *info)
{
	u8 cmd = info->genlhdr->cmd;
	struct wpv_sta *sta;
	int ret = 0;

	mutex_lock(&wpv_lock);
	sta = wpv_nl_sta(info);
	if (IS_ERR(sta)) {
		ret = PTR_ERR(sta);
		goto out;
	}
	switch (cmd) {
	case WPV_CMD_STA_AUTHORISE:
		wpv_sta_authorise(sta, wpv_nl_reason(info, WPV_REASON_ADMIN),
				  NULL, WPV_FROM_ANY);
		break;
	case WPV_CMD_STA_BLOCK:
		wpv_sta_block(sta, wpv_nl_reason(info, WPV_REASON_ADMIN),
			      WPV_FROM_ANY);
		break;
	case WPV_CMD_STA_RESET:
		wpv_sta_reset(sta);
		break;
	default:
		wpv_sta_delete(sta);
		break;
	}
out:
	mutex_unlock(&wpv_lock);
	return ret;
}

static int wpv_nl_verdict_check(struct genl_info *info)
{
	if (GENL_REQ_ATTR_CHECK(info, WPV_A_COOKIE) ||
	    GENL_REQ_ATTR_CHECK(info, WPV_A_VERDICT) ||
	    GENL_REQ_ATTR_CHECK(info, WPV_A_REASON))
		return -EINVAL;
	return 0;
}

/* Apply a verdict if it is for the verification in flight. */
static int wpv_nl_verdict_apply(struct wpv_sta *sta, struct genl_info *info)
{
	u64 cookie = nla_get_u64(info->attrs[WPV_A_COOKIE]);
	bool accept = nla_get_u8(info->attrs[WPV_A_VERDICT]);
	u8 reason = nla_get_u32(info->attrs[WPV_A_REASON]);
	struct nlattr *id = info->attrs[WPV_A_IDENTITY];
	bool pending;
	int ret = 0;

	/*
	 * The state is checked again when the verdict is applied, so a
	 * timer that fired meanwhile wins and the verdict is stale.
	 */
	spin_lock_bh(&sta->lock);
	pending = sta->core.state == WPV_STATE_VERIFYING &&
		  sta->cookie == cookie;
	spin_unlock_bh(&sta->lock);
	if (pending && accept)
		ret = wpv_sta_authorise(sta, reason, id ? nla_data(id) : NULL,
					BIT(WPV_STATE_VERIFYING));
	else if (pending)
		ret = wpv_sta_block(sta, reason, BIT(WPV_STATE_VERIFYING));
	if (!pending || ret) {
		NL_SET_ERR_MSG(info->extack, "no verification with this cookie");
		return -ESTALE;
	}
	return 0;
}

int wpv_nl_verdict(struct sk_buff *skb, struct genl_info *info)
{
	struct wpv_sta *sta;
	int ret;

	ret = wpv_nl_verdict_check(info);
	if (ret)
		return ret;
	mutex_lock(&wpv_lock);
	sta = wpv_nl_sta(info);
	if (IS_ERR(sta))
		ret = PTR_ERR(sta);
	else
		ret = wpv_nl_verdict_apply(sta, info);
	mutex_unlock(&wpv_lock);
	return ret;
}

/* WPV_CMD_AGENT_REGISTER and WPV_CMD_AGENT_UNREGISTER. */
int wpv_nl_agent(struct sk_buff *skb, struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	int ret;

	if (info->genlhdr->cmd == WPV_CMD_AGENT_REGISTER) {
		ret = wpv_agent_register(net, info->snd_portid);
		if (ret)
			NL_SET_ERR_MSG(info->extack,
				       "another agent is registered");
	} else {
		ret = wpv_agent_unregister(net, info->snd_portid);
		if (ret)
			NL_SET_ERR_MSG(info->extack,
				       "this socket is not the agent");
	}
	return ret;
}

static int wpv_nl_put_sta_msg(struct sk_buff *skb, struct netlink_callback *cb,
			      struct wpv_sta *sta)
{
	struct wpv_sta_info *info;
	void *hdr;
	int ret = -EMSGSIZE;

	info = kmalloc(sizeof(*info), GFP_ATOMIC);
	if (!info)
		return -ENOMEM;
	wpv_sta_snapshot(sta, info);
	hdr = genlmsg_put(skb, NETLINK_CB(cb->skb).portid, cb->nlh->nlmsg_seq,
			  &wpv_genl_family, NLM_F_MULTI, WPV_CMD_STA_GET);
	if (hdr) {
		ret = wpv_nl_put_sta(skb, info, true);
		if (ret)
			genlmsg_cancel(skb, hdr);
		else
			genlmsg_end(skb, hdr);
	}
	kfree(info);
	return ret;
}

/*
 * Dump one interface's stations from position @*pos on.  Returns 0 when
 * all were sent, -EMSGSIZE when the message is full.
 */
static int wpv_nl_sta_dump_iface(struct sk_buff *skb,
				 struct netlink_callback *cb,
				 struct wpv_iface *iface, long *pos)
{
	struct rhashtable_iter iter;
	struct wpv_sta *sta;
	long idx = 0;
	int ret = 0;

	rhashtable_walk_enter(&iface->stations, &iter);
	rhashtable_walk_start(&iter);
	while ((sta = rhashtable_walk_next(&iter))) {
		if (IS_ERR(sta))
			continue;
		if (idx++ < *pos)
			continue;
		ret = wpv_nl_put_sta_msg(skb, cb, sta);
		if (ret)
			break;
		(*pos)++;
	}
	rhashtable_walk_stop(&iter);
	rhashtable_walk_exit(&iter);
	return ret;
}

/* cb->args[0]: interfaces done; cb->args[1]: stations done in the next. */
int wpv_nl_sta_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct nlattr **attrs = genl_dumpit_info(cb)->attrs;
	struct net *net = sock_net(skb->sk);
	struct wpv_iface *iface;
	long idx = 0;
	int ret = 0;

	mutex_lock(&wpv_lock);
	list_for_each_entry(iface, &wpv_ifaces, list) {
		if (!net_eq(dev_net(iface->dev), net))
			continue;
		if (attrs[WPV_A_IFINDEX] && iface->dev->ifindex !=
		    nla_get_u32(attrs[WPV_A_IFINDEX]))
			continue;
		if (idx++ < cb->args[0])
			continue;
		ret = wpv_nl_sta_dump_iface(skb, cb, iface, &cb->args[1]);
		if (ret)
			break;
		cb->args[0]++;
		cb->args[1] = 0;
	}
	mutex_unlock(&wpv_lock);
	if (ret == -EMSGSIZE && skb->len)
		return skb->len;
	return ret ?: skb->len;
}
