/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The agent's two netlink sockets: the wapi_preview family (register,
 * receive WPV_CMD_VERIFY, send verdicts and station deletions) and the
 * nl80211 "mlme" group (stations leaving).
 */
#ifndef _WPV_AGENT_NL_H
#define _WPV_AGENT_NL_H

#include "agent_pool.h"

struct nl_sock;

/* Sequence numbers of recent requests, so a refusal can name its station. */
#define WPV_NL_INFLIGHT	64

struct wpv_nl_sent {
	u32 seq;
	u8 cmd;
	u8 addr[6];
};

/**
 * struct wpv_nl - the agent's netlink state
 * @sk: socket of the wapi_preview family; the registered agent
 * @family: its numeric id
 * @ev: nl80211 socket joined to "mlme", or NULL if nl80211 is missing
 * @on_verify: called with each well-formed WPV_CMD_VERIFY as a new job
 * @on_sta_gone: called for each NL80211_CMD_DEL_STATION
 * @ctx: passed to both
 * @sent: recent requests, by sequence number
 * @sent_next: next slot in @sent
 * @registered: the module accepted us as its agent
 */
struct wpv_nl {
	struct nl_sock *sk;
	int family;
	struct nl_sock *ev;
	void (*on_verify)(void *ctx, struct wpv_job *job);
	void (*on_sta_gone)(void *ctx, u32 ifindex, const u8 *addr);
	void *ctx;
	struct wpv_nl_sent sent[WPV_NL_INFLIGHT];
	unsigned int sent_next;
	bool registered;
};

int wpv_nl_open(struct wpv_nl *nl);
int wpv_nl_open_events(struct wpv_nl *nl);
void wpv_nl_close(struct wpv_nl *nl);
int wpv_nl_register(struct wpv_nl *nl);
void wpv_nl_unregister(struct wpv_nl *nl);
int wpv_nl_fd(const struct wpv_nl *nl);
int wpv_nl_events_fd(const struct wpv_nl *nl);
int wpv_nl_receive(struct wpv_nl *nl);
int wpv_nl_receive_events(struct wpv_nl *nl);
int wpv_nl_send_verdict(struct wpv_nl *nl, const struct wpv_job *job);
int wpv_nl_send_sta_del(struct wpv_nl *nl, u32 ifindex, const u8 *addr);

#endif /* _WPV_AGENT_NL_H */
