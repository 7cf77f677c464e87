/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The subcommands of wpv, one handler per file, dispatched from wpv.c, and
 * the generic netlink plumbing the admin subcommands share.
 */
#ifndef _WPV_H
#define _WPV_H

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>
#include <netlink/genl/genl.h>
#include <linux/wapi_preview.h>

/* Exit codes: 0 success (or accept), 1 failure (or reject), 2 usage. */
#define WPV_EXIT_USAGE	2

int wpv_agent_main(int argc, char **argv);
int wpv_station_main(int argc, char **argv);
int wpv_transcript_main(int argc, char **argv);
int wpv_sign_main(int argc, char **argv);
int wpv_verify_sig_main(int argc, char **argv);
int wpv_make_response_main(int argc, char **argv);
int wpv_verify_response_main(int argc, char **argv);
int wpv_cmd_iface(int argc, char **argv);
int wpv_cmd_show(int argc, char **argv);
int wpv_cmd_set(int argc, char **argv);
int wpv_cmd_sta(int argc, char **argv);
int wpv_cmd_events(int argc, char **argv);

/* A connected generic netlink socket and the resolved family. */
struct wpv_genl {
	struct nl_sock *sk;
	int family;
};

int wpv_genl_open(struct wpv_genl *nl);
void wpv_genl_close(struct wpv_genl *nl);
struct nl_msg *wpv_genl_msg(struct wpv_genl *nl, uint8_t cmd, int flags);
int wpv_genl_send(struct wpv_genl *nl, struct nl_msg *msg,
		int (*cb)(struct nl_msg *, void *), void *arg);
int wpv_genl_put_ifname(struct nl_msg *msg, const char *ifname);

/* A station message (dump, event or accounting), parsed by gate_fmt.c. */
struct wpv_sta_msg {
	uint64_t stats[WPV_STATS_MAX + 1];
	uint64_t age_ms;
	uint64_t state_age_ms;
	uint32_t ifindex;
	uint32_t reason;
	uint32_t queued;
	uint32_t retries;
	int prev_state;		/* -1 if absent */
	int trigger;		/* -1 if absent */
	uint8_t cmd;
	uint8_t state;
	uint8_t addr[6];
	char mac[18];
	char ifname[IF_NAMESIZE];
	char identity[256];
};

int wpv_sta_msg_parse(struct nl_msg *msg, struct wpv_sta_msg *s);
void wpv_sta_stats_json(const struct wpv_sta_msg *s);
const char *wpv_state_str(unsigned int state);
const char *wpv_reason_str(unsigned int reason);
const char *wpv_stats_str(unsigned int attr);

#endif /* _WPV_H */
