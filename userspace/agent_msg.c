// SPDX-License-Identifier: GPL-2.0
/*
 * Netlink message formats of the agent (include/uapi/linux/wapi_preview.h
 * for ours, linux/nl80211.h for station events).
 */
#include <stdio.h>
#include <stdlib.h>
#include <linux/nl80211.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include "agent_msg.h"

static struct nla_policy verify_policy[WPV_A_MAX + 1] = {
	[WPV_A_IFINDEX] = { .type = NLA_U32 },
	[WPV_A_IFNAME] = { .type = NLA_STRING, .maxlen = IF_NAMESIZE },
	[WPV_A_BSSID] = { .type = NLA_UNSPEC, .minlen = 6, .maxlen = 6 },
	[WPV_A_AP_ADDR] = { .type = NLA_UNSPEC, .minlen = 6, .maxlen = 6 },
	[WPV_A_STA_ADDR] = { .type = NLA_UNSPEC, .minlen = 6, .maxlen = 6 },
	[WPV_A_AP_NONCE] = { .type = NLA_UNSPEC, .minlen = WPV_NONCE_LEN,
			     .maxlen = WPV_NONCE_LEN },
	[WPV_A_COOKIE] = { .type = NLA_U64 },
	[WPV_A_RESPONSE] = { .type = NLA_UNSPEC,
			     .maxlen = WPV_SIG_RESP_MAX_LEN },
};

static const int verify_required[] = {
	WPV_A_IFINDEX, WPV_A_BSSID, WPV_A_AP_ADDR, WPV_A_STA_ADDR,
	WPV_A_AP_NONCE, WPV_A_COOKIE, WPV_A_RESPONSE,
};

/* libnl's policy checks bounds only; binary attributes must be exact. */
static bool exact(struct nlattr *a, int len)
{
	return nla_len(a) == len;
}

static struct wpv_job *job_from_attrs(struct nlattr **tb)
{
	struct wpv_job *job = calloc(1, sizeof(*job));

	if (!job)
		return NULL;
	job->len = nla_len(tb[WPV_A_RESPONSE]);
	job->body = malloc(job->len ? job->len : 1);
	if (!job->body) {
		free(job);
		return NULL;
	}
	memcpy(job->body, nla_data(tb[WPV_A_RESPONSE]), job->len);
	job->ifindex = nla_get_u32(tb[WPV_A_IFINDEX]);
	job->cookie = nla_get_u64(tb[WPV_A_COOKIE]);
	if (tb[WPV_A_IFNAME])
		snprintf(job->facts.ifname, sizeof(job->facts.ifname), "%s",
			 nla_get_string(tb[WPV_A_IFNAME]));
	else
		snprintf(job->facts.ifname, sizeof(job->facts.ifname), "if%u",
			 job->ifindex);
	nla_memcpy(job->facts.bssid, tb[WPV_A_BSSID], 6);
	nla_memcpy(job->facts.ap_addr, tb[WPV_A_AP_ADDR], 6);
	nla_memcpy(job->facts.sta_addr, tb[WPV_A_STA_ADDR], 6);
	nla_memcpy(job->facts.ap_nonce, tb[WPV_A_AP_NONCE], WPV_NONCE_LEN);
	return job;
}

/**
 * wpv_msg_parse_verify() - turn a WPV_CMD_VERIFY into a job
 * @msg: the message
 * @out: set to a new job on success
 *
 * Return: 0 or a negative enum wpv_msg_err.
 */
int wpv_msg_parse_verify(struct nl_msg *msg, struct wpv_job **out)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *tb[WPV_A_MAX + 1];
	struct genlmsghdr *gnlh;
	size_t i;

	*out = NULL;
	if (!genlmsg_valid_hdr(nlh, 0))
		return -WPV_MSG_PARSE;
	gnlh = nlmsg_data(nlh);
	if (gnlh->cmd != WPV_CMD_VERIFY)
		return -WPV_MSG_OTHER;
	if (genlmsg_parse(nlh, 0, tb, WPV_A_MAX, verify_policy))
		return -WPV_MSG_PARSE;
	for (i = 0; i < sizeof(verify_required) / sizeof(int); i++)
		if (!tb[verify_required[i]])
			return -WPV_MSG_MISSING;
	if (!exact(tb[WPV_A_BSSID], 6) || !exact(tb[WPV_A_AP_ADDR], 6) ||
	    !exact(tb[WPV_A_STA_ADDR], 6) ||
	    !exact(tb[WPV_A_AP_NONCE], WPV_NONCE_LEN))
		return -WPV_MSG_LENGTH;
	*out = job_from_attrs(tb);
	return *out ? 0 : -WPV_MSG_NOMEM;
}

/**
 * wpv_msg_parse_del_station() - read an NL80211_CMD_DEL_STATION event
 * @msg: the message
 * @ifindex: set to the interface the station left
 * @addr: set to the station's address (6 bytes)
 *
 * Return: 0 or a negative enum wpv_msg_err.
 */
int wpv_msg_parse_del_station(struct nl_msg *msg, u32 *ifindex, u8 *addr)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *tb[NL80211_ATTR_MAX + 1];
	struct genlmsghdr *gnlh;

	if (!genlmsg_valid_hdr(nlh, 0))
		return -WPV_MSG_PARSE;
	gnlh = nlmsg_data(nlh);
	if (gnlh->cmd != NL80211_CMD_DEL_STATION)
		return -WPV_MSG_OTHER;
	if (genlmsg_parse(nlh, 0, tb, NL80211_ATTR_MAX, NULL))
		return -WPV_MSG_PARSE;
	if (!tb[NL80211_ATTR_IFINDEX] || !tb[NL80211_ATTR_MAC])
		return -WPV_MSG_MISSING;
	if (!exact(tb[NL80211_ATTR_IFINDEX], 4) ||
	    !exact(tb[NL80211_ATTR_MAC], 6))
		return -WPV_MSG_LENGTH;
	*ifindex = nla_get_u32(tb[NL80211_ATTR_IFINDEX]);
	memcpy(addr, nla_data(tb[NL80211_ATTR_MAC]), 6);
	return 0;
}

/**
 * wpv_msg_new() - a request of the wapi_preview family, no attributes yet
 * @family: the family id
 * @cmd: the command
 *
 * Return: the message or NULL.
 */
struct nl_msg *wpv_msg_new(int family, u8 cmd)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (msg && !genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, family, 0, 0,
				cmd, WPV_GENL_VERSION)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/**
 * wpv_msg_verdict() - the WPV_CMD_VERDICT for a decided job
 * @family: the family id
 * @job: the job
 *
 * Return: the message or NULL.
 */
struct nl_msg *wpv_msg_verdict(int family, const struct wpv_job *job)
{
	struct nl_msg *msg = wpv_msg_new(family, WPV_CMD_VERDICT);

	if (!msg)
		return NULL;
	if (nla_put_u32(msg, WPV_A_IFINDEX, job->ifindex) ||
	    nla_put(msg, WPV_A_STA_ADDR, 6, job->facts.sta_addr) ||
	    nla_put_u64(msg, WPV_A_COOKIE, job->cookie) ||
	    nla_put_u8(msg, WPV_A_VERDICT, job->res.verdict) ||
	    nla_put_u32(msg, WPV_A_REASON, job->res.reason) ||
	    (job->res.identity[0] &&
	     nla_put_string(msg, WPV_A_IDENTITY, job->res.identity))) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

/**
 * wpv_msg_sta_del() - the WPV_CMD_STA_DEL for a station that left
 * @family: the family id
 * @ifindex: its interface
 * @addr: its address
 *
 * Return: the message or NULL.
 */
struct nl_msg *wpv_msg_sta_del(int family, u32 ifindex, const u8 *addr)
{
	struct nl_msg *msg = wpv_msg_new(family, WPV_CMD_STA_DEL);

	if (!msg)
		return NULL;
	if (nla_put_u32(msg, WPV_A_IFINDEX, ifindex) ||
	    nla_put(msg, WPV_A_STA_ADDR, 6, addr)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}
