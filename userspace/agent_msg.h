/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The agent's netlink messages, without sockets: parse what the kernel
 * sends (WPV_CMD_VERIFY, the WPV_CMD_STA_EVENT and WPV_CMD_STA_ACCT
 * notifications, NL80211_CMD_DEL_STATION, nl80211's interface answer) and
 * build what the agent sends (WPV_CMD_VERDICT, WPV_CMD_STA_DEL), so unit
 * tests can check them against the uapi header.
 */
#ifndef _WPV_AGENT_MSG_H
#define _WPV_AGENT_MSG_H

#include <stdbool.h>
#include <netlink/msg.h>

#include "acct_record.h"
#include "agent_pool.h"

/**
 * struct wpv_sta_note - a WPV_CMD_STA_EVENT or WPV_CMD_STA_ACCT, or one
 *	station of a WPV_CMD_STA_GET dump
 * @cmd: which of the three
 * @ifindex: the station's interface
 * @addr: the station
 * @state: STA_EVENT: the new enum wpv_sta_state
 * @prev_state: STA_EVENT: the state before (@state if not sent)
 * @reason: STA_EVENT: enum wpv_reason of the change (NONE if not sent)
 * @trigger: STA_ACCT: enum wpv_acct_trigger
 * @identity: the identity the module charges, "" if none
 * @has_stats: WPV_A_STA_STATS was present
 * @stats: the session's figures: the WPV_STATS_AUTH_* counters, bytes and
 *	frames while authorised, to (tx) and from (rx) the station
 */
struct wpv_sta_note {
	u8 cmd;
	u32 ifindex;
	u8 addr[6];
	u8 state;
	u8 prev_state;
	u32 reason;
	u8 trigger;
	char identity[WPV_IDENTITY_MAX];
	bool has_stats;
	struct acct_counters stats;
};

/**
 * struct wpv_iface_info - what nl80211 says about an AP interface
 * @ifname: its name
 * @bssid: its address, the BSSID of an AP
 * @ssid: the SSID it serves, "" if none or not an AP
 * @ssid_len: SSID length in bytes (may hold a NUL)
 */
struct wpv_iface_info {
	char ifname[IF_NAMESIZE];
	u8 bssid[6];
	char ssid[ACCT_SSID_MAX + 1];
	size_t ssid_len;
};

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
int wpv_msg_parse_sta_note(struct nl_msg *msg, struct wpv_sta_note *n);
int wpv_msg_parse_sta_dump(struct nl_msg *msg, struct wpv_sta_note *n);
struct nl_msg *wpv_msg_sta_get(int family, u32 ifindex);
int wpv_msg_parse_interface(struct nl_msg *msg, struct wpv_iface_info *info);
struct nl_msg *wpv_msg_get_interface(int nl80211, u32 ifindex);
struct nl_msg *wpv_msg_new(int family, u8 cmd);
struct nl_msg *wpv_msg_verdict(int family, const struct wpv_job *job);
struct nl_msg *wpv_msg_sta_del(int family, u32 ifindex, const u8 *addr);

#endif /* _WPV_AGENT_MSG_H */
