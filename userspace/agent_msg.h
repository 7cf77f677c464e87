/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The agent's netlink messages, without sockets: parse what the kernel
 * sends (WPV_CMD_VERIFY, NL80211_CMD_DEL_STATION) and build what the agent
 * sends (WPV_CMD_VERDICT, WPV_CMD_STA_DEL), so unit tests can check them
 * against the uapi header.
 */
#ifndef _WPV_AGENT_MSG_H
#define _WPV_AGENT_MSG_H

#include <netlink/msg.h>

#include "agent_pool.h"

/**
 * enum wpv_msg_err - why a message from the kernel was not used
 * @WPV_MSG_OK: used
 * @WPV_MSG_OTHER: another command; not for us
 * @WPV_MSG_PARSE: attributes do not parse or fail the policy
 * @WPV_MSG_MISSING: a required attribute is missing
 * @WPV_MSG_LENGTH: an address or nonce has the wrong length
 * @WPV_MSG_NOMEM: out of memory
 */
enum wpv_msg_err {
	WPV_MSG_OK,
	WPV_MSG_OTHER,
	WPV_MSG_PARSE,
	WPV_MSG_MISSING,
	WPV_MSG_LENGTH,
	WPV_MSG_NOMEM,
};

int wpv_msg_parse_verify(struct nl_msg *msg, struct wpv_job **out);
int wpv_msg_parse_del_station(struct nl_msg *msg, u32 *ifindex, u8 *addr);
struct nl_msg *wpv_msg_new(int family, u8 cmd);
struct nl_msg *wpv_msg_verdict(int family, const struct wpv_job *job);
struct nl_msg *wpv_msg_sta_del(int family, u32 ifindex, const u8 *addr);

#endif /* _WPV_AGENT_MSG_H */
