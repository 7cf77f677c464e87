// SPDX-License-Identifier: GPL-2.0
/*
 * The verification agent: one userspace socket that receives each
 * station's answer (WPV_CMD_VERIFY) and sends back the verdict.
 *
 * Locking: wpv_agent_lock (BH-safe spinlock) guards the agent's address
 * and is held while a request is unicast to it, so a request never goes
 * to a socket that has been released.  Failing the pending verifications
 * when the agent leaves walks the station tables, so it runs from a work
 * item under wpv_lock.
 *
 * Fail closed: no agent, an agent that cannot be reached, or an agent
 * that goes away all block the stations waiting for it.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/netlink.h>
#include <linux/notifier.h>
#include <linux/spinlock.h>
#include <net/genetlink.h>
#include <net/net_namespace.h>

#include "wpv.h"

static DEFINE_SPINLOCK(wpv_agent_lock);
static struct net *wpv_agent_net;
static u32 wpv_agent_portid;

static void wpv_agent_gone_sta(struct wpv_sta *sta, void *arg)
{
	wpv_sta_block(sta, WPV_REASON_AGENT_GONE, BIT(WPV_STATE_VERIFYING));
}

static void wpv_agent_gone_work(struct work_struct *work)
{
	struct wpv_iface *iface;

	mutex_lock(&wpv_lock);
	list_for_each_entry(iface, &wpv_ifaces, list)
		wpv_sta_for_each(iface, wpv_agent_gone_sta, NULL);
	mutex_unlock(&wpv_lock);
}

static DECLARE_WORK(wpv_agent_gone, wpv_agent_gone_work);

int wpv_agent_register(struct net *net, u32 portid)
{
	int ret = 0;

	spin_lock_bh(&wpv_agent_lock);
	if (wpv_agent_portid == portid && net_eq(wpv_agent_net, net)) {
		ret = 0;	/* already this socket */
	} else if (wpv_agent_portid) {
		ret = -EBUSY;
	} else {
		wpv_agent_net = net;
		wpv_agent_portid = portid;
	}
	spin_unlock_bh(&wpv_agent_lock);
	if (!ret)
		pr_debug("agent registered, port %u\n", portid);
	return ret;
}

/* Forget the agent if it is (@net, @portid); true if it was. */
static bool wpv_agent_forget(struct net *net, u32 portid)
{
	bool was;

	spin_lock_bh(&wpv_agent_lock);
	was = wpv_agent_portid == portid && net_eq(wpv_agent_net, net);
	if (was) {
		wpv_agent_portid = 0;
		wpv_agent_net = NULL;
	}
	spin_unlock_bh(&wpv_agent_lock);
	if (was) {
		pr_debug("agent on port %u left\n", portid);
		schedule_work(&wpv_agent_gone);
	}
	return was;
}

int wpv_agent_unregister(struct net *net, u32 portid)
{
	return wpv_agent_forget(net, portid) ? 0 : -ENOENT;
}

static int wpv_agent_put(struct sk_buff *msg, struct wpv_sta *sta,
			 const u8 *body, size_t len, u64 cookie,
			 const u8 *nonce)
{
	struct net_device *dev = sta->iface->dev;

	if (nla_put_u32(msg, WPV_A_IFINDEX, dev->ifindex) ||
	    nla_put_string(msg, WPV_A_IFNAME, dev->name) ||
	    nla_put(msg, WPV_A_BSSID, ETH_ALEN, dev->dev_addr) ||
	    nla_put(msg, WPV_A_AP_ADDR, ETH_ALEN, dev->dev_addr) ||
	    nla_put(msg, WPV_A_STA_ADDR, ETH_ALEN, sta->addr) ||
	    nla_put(msg, WPV_A_AP_NONCE, WPV_NONCE_LEN, nonce) ||
	    nla_put_u64_64bit(msg, WPV_A_COOKIE, cookie, WPV_A_PAD) ||
	    nla_put(msg, WPV_A_RESPONSE, len, body))
		return -EMSGSIZE;
	return 0;
}

/**
 * wpv_agent_verify() - hand a station's answer to the agent
 * @sta: the station, now VERIFYING
 * @body: the WAI response body
 * @len: its length
 * @cookie: names this verification in the verdict
 * @nonce: the AP nonce the station answered
 *
 * Any context.  Return: 0, or a negative errno if no agent got it.
 */
int wpv_agent_verify(struct wpv_sta *sta, const u8 *body, size_t len,
		     u64 cookie, const u8 *nonce)
{
	struct sk_buff *msg;
	void *hdr;
	int ret;

	msg = genlmsg_new(len + 256, GFP_ATOMIC);
	if (!msg)
		return -ENOMEM;
	hdr = genlmsg_put(msg, 0, 0, &wpv_genl_family, 0, WPV_CMD_VERIFY);
	if (!hdr || wpv_agent_put(msg, sta, body, len, cookie, nonce)) {
		nlmsg_free(msg);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);

	spin_lock_bh(&wpv_agent_lock);
	if (wpv_agent_portid)
		ret = genlmsg_unicast(wpv_agent_net, msg, wpv_agent_portid);
	else
		ret = -ENOTCONN;
	spin_unlock_bh(&wpv_agent_lock);
	if (ret == -ENOTCONN)
		nlmsg_free(msg);
	if (ret)
		net_dbg_ratelimited("cannot reach the agent for %pM: %d\n",
				    sta->addr, ret);
	return ret;
}

static int wpv_agent_netlink_event(struct notifier_block *nb,
				   unsigned long event, void *ptr)
{
	struct netlink_notify *n = ptr;

	if (event == NETLINK_URELEASE && n->protocol == NETLINK_GENERIC)
		wpv_agent_forget(n->net, n->portid);
	return NOTIFY_DONE;
}

static struct notifier_block wpv_agent_nb = {
	.notifier_call = wpv_agent_netlink_event,
};

int wpv_agent_init(void)
{
	return netlink_register_notifier(&wpv_agent_nb);
}

void wpv_agent_exit(void)
{
	netlink_unregister_notifier(&wpv_agent_nb);
	spin_lock_bh(&wpv_agent_lock);
	wpv_agent_portid = 0;
	wpv_agent_net = NULL;
	spin_unlock_bh(&wpv_agent_lock);
	cancel_work_sync(&wpv_agent_gone);
}
