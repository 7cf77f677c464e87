// SPDX-License-Identifier: GPL-2.0
/*
 * The "wapi_preview" generic netlink family.  Commands and attributes are
 * documented in include/uapi/linux/wapi_preview.h.  This file holds the
 * family, its policies and the interface commands; nl_sta.c the station
 * and agent commands; notify.c the notifications.
 *
 * Validation is strict for every command (resv_start_op covers them all):
 * unknown attributes and wrong types, lengths or ranges are refused before
 * a handler runs.  Every command that changes something needs
 * CAP_NET_ADMIN in the namespace (GENL_ADMIN_PERM).  Handlers take
 * wpv_lock.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/netdevice.h>
#include <net/genetlink.h>
#include <net/netlink.h>
#include <net/sock.h>

#include "wpv.h"

static struct netlink_range_validation wpv_timeout_range = {
	.min = 100, .max = 24 * 3600 * 1000,
};

static struct netlink_range_validation wpv_retry_range = {
	.min = 10, .max = 3600 * 1000,
};

static struct netlink_range_validation wpv_queue_range = {
	.min = 0, .max = 65536,
};

static struct netlink_range_validation wpv_stations_range = {
	.min = 1, .max = 1 << 20,
};

static const struct nla_policy wpv_config_policy[WPV_CFG_MAX + 1] = {
	[WPV_CFG_PREVIEW_BYTES] = { .type = NLA_U64 },
	[WPV_CFG_PREVIEW_MS] = { .type = NLA_U32 },
	[WPV_CFG_JITTER_PCT] = NLA_POLICY_MAX(NLA_U8, 100),
	[WPV_CFG_VERIFY_TIMEOUT_MS] = NLA_POLICY_FULL_RANGE(NLA_U32,
							    &wpv_timeout_range),
	[WPV_CFG_RETRY_MS] = NLA_POLICY_FULL_RANGE(NLA_U32, &wpv_retry_range),
	[WPV_CFG_POLICY] = NLA_POLICY_MAX(NLA_U8, __WPV_POLICY_MAX - 1),
	[WPV_CFG_QUEUE_FRAMES] = NLA_POLICY_FULL_RANGE(NLA_U32, &wpv_queue_range),
	[WPV_CFG_HOLDDOWN_MS] = { .type = NLA_U32 },
	[WPV_CFG_ACCT_INTERVAL_MS] = { .type = NLA_U32 },
	[WPV_CFG_ACCT_QUANTUM] = { .type = NLA_U64 },
	[WPV_CFG_MAX_STATIONS] = NLA_POLICY_FULL_RANGE(NLA_U32,
						       &wpv_stations_range),
};

static const struct nla_policy wpv_policy[WPV_A_MAX + 1] = {
	[WPV_A_IFINDEX] = { .type = NLA_U32 },
	[WPV_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
	[WPV_A_STA_ADDR] = NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[WPV_A_COOKIE] = { .type = NLA_U64 },
	[WPV_A_VERDICT] = NLA_POLICY_MAX(NLA_U8, __WPV_VERDICT_MAX - 1),
	[WPV_A_REASON] = NLA_POLICY_MAX(NLA_U32, __WPV_REASON_MAX - 1),
	[WPV_A_IDENTITY] = { .type = NLA_NUL_STRING, .len = 255 },
	[WPV_A_CONFIG] = NLA_POLICY_NESTED(wpv_config_policy),
};

/*
 * Per-command policies: each command accepts only its own attributes;
 * anything else is refused with an extack message naming it.
 */
static const struct nla_policy wpv_none_policy[WPV_A_IFINDEX + 1] = {
	[WPV_A_IFINDEX] = { .type = NLA_REJECT },
};

static const struct nla_policy wpv_dump_policy[WPV_A_IFINDEX + 1] = {
	[WPV_A_IFINDEX] = { .type = NLA_U32 },
};

static const struct nla_policy wpv_iface_policy[WPV_A_IFNAME + 1] = {
	[WPV_A_IFINDEX] = { .type = NLA_U32 },
	[WPV_A_IFNAME] = { .type = NLA_NUL_STRING, .len = IFNAMSIZ - 1 },
};

static const struct nla_policy wpv_iface_set_policy[WPV_A_CONFIG + 1] = {
	[WPV_A_IFINDEX] = { .type = NLA_U32 },
	[WPV_A_CONFIG] = NLA_POLICY_NESTED(wpv_config_policy),
};

static const struct nla_policy wpv_sta_policy[WPV_A_REASON + 1] = {
	[WPV_A_IFINDEX] = { .type = NLA_U32 },
	[WPV_A_STA_ADDR] = NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[WPV_A_REASON] = NLA_POLICY_MAX(NLA_U32, __WPV_REASON_MAX - 1),
};

static const struct nla_policy wpv_verdict_policy[WPV_A_IDENTITY + 1] = {
	[WPV_A_IFINDEX] = { .type = NLA_U32 },
	[WPV_A_STA_ADDR] = NLA_POLICY_EXACT_LEN(ETH_ALEN),
	[WPV_A_COOKIE] = { .type = NLA_U64 },
	[WPV_A_VERDICT] = NLA_POLICY_MAX(NLA_U8, __WPV_VERDICT_MAX - 1),
	[WPV_A_REASON] = NLA_POLICY_MAX(NLA_U32, __WPV_REASON_MAX - 1),
	[WPV_A_IDENTITY] = { .type = NLA_NUL_STRING, .len = 255 },
};

#define WPV_OP_POLICY(_p) .policy = _p, .maxattr = ARRAY_SIZE(_p) - 1

/*
 * Find the interface a request names, by index or by name, in the
 * caller's network namespace.  Returns a held device or an ERR_PTR.
 */
static struct net_device *wpv_nl_get_dev(struct genl_info *info)
{
	struct net *net = genl_info_net(info);
	struct net_device *dev = NULL;

	if (info->attrs[WPV_A_IFINDEX]) {
		dev = dev_get_by_index(net,
				       nla_get_u32(info->attrs[WPV_A_IFINDEX]));
	} else if (info->attrs[WPV_A_IFNAME]) {
		dev = dev_get_by_name(net, nla_data(info->attrs[WPV_A_IFNAME]));
	} else {
		NL_SET_ERR_MSG(info->extack, "interface index or name needed");
		return ERR_PTR(-EINVAL);
	}
	if (!dev) {
		NL_SET_ERR_MSG(info->extack, "no such interface");
		return ERR_PTR(-ENODEV);
	}
	return dev;
}

static int wpv_nl_iface_attach(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev;
	int ret;

	dev = wpv_nl_get_dev(info);
	if (IS_ERR(dev))
		return PTR_ERR(dev);

	mutex_lock(&wpv_lock);
	if (dev->reg_state != NETREG_REGISTERED) {
		NL_SET_ERR_MSG(info->extack, "interface is going away");
		ret = -ENODEV;
	} else {
		ret = wpv_iface_attach(dev, info->extack);
	}
	mutex_unlock(&wpv_lock);
	dev_put(dev);
	return ret;
}

static int wpv_nl_iface_detach(struct sk_buff *skb, struct genl_info *info)
{
	struct net_device *dev;
	int ret;

	dev = wpv_nl_get_dev(info);
	if (IS_ERR(dev))
		return PTR_ERR(dev);

	mutex_lock(&wpv_lock);
	ret = wpv_iface_detach(dev);
	mutex_unlock(&wpv_lock);
	if (ret == -ENOENT)
		NL_SET_ERR_MSG(info->extack, "gate not attached there");
	dev_put(dev);
	return ret;
}

static int wpv_nl_put_config(struct sk_buff *msg, const struct wpv_config *c)
{
	struct nlattr *nest;

	nest = nla_nest_start(msg, WPV_A_CONFIG);
	if (!nest)
		return -EMSGSIZE;
	if (nla_put_u64_64bit(msg, WPV_CFG_PREVIEW_BYTES, c->preview_bytes,
			      WPV_CFG_PAD) ||
	    nla_put_u32(msg, WPV_CFG_PREVIEW_MS, c->preview_ms) ||
	    nla_put_u8(msg, WPV_CFG_JITTER_PCT, c->jitter_pct) ||
	    nla_put_u32(msg, WPV_CFG_VERIFY_TIMEOUT_MS, c->verify_timeout_ms) ||
	    nla_put_u32(msg, WPV_CFG_RETRY_MS, c->retry_ms) ||
	    nla_put_u8(msg, WPV_CFG_POLICY, c->policy) ||
	    nla_put_u32(msg, WPV_CFG_QUEUE_FRAMES, c->queue_frames) ||
	    nla_put_u32(msg, WPV_CFG_HOLDDOWN_MS, c->holddown_ms) ||
	    nla_put_u32(msg, WPV_CFG_ACCT_INTERVAL_MS, c->acct_interval_ms) ||
	    nla_put_u64_64bit(msg, WPV_CFG_ACCT_QUANTUM, c->acct_quantum,
			      WPV_CFG_PAD) ||
	    nla_put_u32(msg, WPV_CFG_MAX_STATIONS, c->max_stations)) {
		nla_nest_cancel(msg, nest);
		return -EMSGSIZE;
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int wpv_nl_put_iface(struct sk_buff *msg, struct wpv_iface *iface,
			    u32 portid, u32 seq, int flags)
{
	void *hdr;

	hdr = genlmsg_put(msg, portid, seq, &wpv_genl_family, flags,
			  WPV_CMD_IFACE_GET);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_u32(msg, WPV_A_IFINDEX, iface->dev->ifindex) ||
	    nla_put_string(msg, WPV_A_IFNAME, iface->dev->name) ||
	    nla_put_u32(msg, WPV_A_STA_COUNT, atomic_read(&iface->nsta)) ||
	    wpv_nl_put_config(msg, &iface->cfg)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}

/* cb->args[0]: how many interfaces were already sent. */
static int wpv_nl_iface_dump(struct sk_buff *skb, struct netlink_callback *cb)
{
	struct net *net = sock_net(skb->sk);
	struct wpv_iface *iface;
	long idx = 0;
	int ret = 0;

	mutex_lock(&wpv_lock);
	list_for_each_entry(iface, &wpv_ifaces, list) {
		if (!net_eq(dev_net(iface->dev), net))
			continue;
		if (idx++ < cb->args[0])
			continue;
		ret = wpv_nl_put_iface(skb, iface, NETLINK_CB(cb->skb).portid,
				       cb->nlh->nlmsg_seq, NLM_F_MULTI);
		if (ret) {
			idx--;
			break;
		}
	}
	mutex_unlock(&wpv_lock);
	cb->args[0] = idx;
	return ret == -EMSGSIZE && idx ? skb->len : (ret ?: skb->len);
}

static int wpv_nl_iface_set(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *tb[WPV_CFG_MAX + 1];
	struct wpv_iface *iface;
	int ret;

	if (GENL_REQ_ATTR_CHECK(info, WPV_A_IFINDEX) ||
	    GENL_REQ_ATTR_CHECK(info, WPV_A_CONFIG))
		return -EINVAL;
	ret = nla_parse_nested(tb, WPV_CFG_MAX, info->attrs[WPV_A_CONFIG],
			       wpv_config_policy, info->extack);
	if (ret)
		return ret;

	mutex_lock(&wpv_lock);
	iface = wpv_iface_find_index(genl_info_net(info),
				     nla_get_u32(info->attrs[WPV_A_IFINDEX]));
	if (iface) {
		wpv_config_override(iface, tb);
	} else {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[WPV_A_IFINDEX],
				    "gate not attached to this interface");
		ret = -ENODEV;
	}
	mutex_unlock(&wpv_lock);
	return ret;
}

static const struct genl_ops wpv_genl_ops[] = {
	{
		.cmd = WPV_CMD_AGENT_REGISTER,
		.doit = wpv_nl_agent,
		WPV_OP_POLICY(wpv_none_policy),
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = WPV_CMD_AGENT_UNREGISTER,
		.doit = wpv_nl_agent,
		WPV_OP_POLICY(wpv_none_policy),
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = WPV_CMD_VERDICT,
		.doit = wpv_nl_verdict,
		WPV_OP_POLICY(wpv_verdict_policy),
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = WPV_CMD_STA_GET,
		.dumpit = wpv_nl_sta_dump,
		WPV_OP_POLICY(wpv_dump_policy),
	},
	{
		.cmd = WPV_CMD_STA_AUTHORISE,
		.doit = wpv_nl_sta_change,
		WPV_OP_POLICY(wpv_sta_policy),
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = WPV_CMD_STA_BLOCK,
		.doit = wpv_nl_sta_change,
		WPV_OP_POLICY(wpv_sta_policy),
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = WPV_CMD_STA_RESET,
		.doit = wpv_nl_sta_change,
		WPV_OP_POLICY(wpv_sta_policy),
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = WPV_CMD_STA_DEL,
		.doit = wpv_nl_sta_change,
		WPV_OP_POLICY(wpv_sta_policy),
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = WPV_CMD_IFACE_ATTACH,
		.doit = wpv_nl_iface_attach,
		WPV_OP_POLICY(wpv_iface_policy),
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = WPV_CMD_IFACE_DETACH,
		.doit = wpv_nl_iface_detach,
		WPV_OP_POLICY(wpv_iface_policy),
		.flags = GENL_ADMIN_PERM,
	},
	{
		.cmd = WPV_CMD_IFACE_GET,
		.dumpit = wpv_nl_iface_dump,
		WPV_OP_POLICY(wpv_none_policy),
	},
	{
		.cmd = WPV_CMD_IFACE_SET,
		.doit = wpv_nl_iface_set,
		WPV_OP_POLICY(wpv_iface_set_policy),
		.flags = GENL_ADMIN_PERM,
	},
};

static const struct genl_multicast_group wpv_mcgrps[] = {
	{ .name = WPV_MCGRP_EVENTS },
};

struct genl_family wpv_genl_family __ro_after_init = {
	.name = WPV_GENL_NAME,
	.version = WPV_GENL_VERSION,
	.maxattr = WPV_A_MAX,
	.policy = wpv_policy,
	.netnsok = true,
	.module = THIS_MODULE,
	.ops = wpv_genl_ops,
	.n_ops = ARRAY_SIZE(wpv_genl_ops),
	.resv_start_op = WPV_CMD_STA_ACCT + 1,
	.mcgrps = wpv_mcgrps,
	.n_mcgrps = ARRAY_SIZE(wpv_mcgrps),
};

int wpv_netlink_init(void)
{
	int ret;

	ret = genl_register_family(&wpv_genl_family);
	if (ret)
		pr_err("cannot register generic netlink family: %d\n", ret);
	return ret;
}

void wpv_netlink_exit(void)
{
	genl_unregister_family(&wpv_genl_family);
}
