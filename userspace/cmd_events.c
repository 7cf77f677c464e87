// SPDX-License-Identifier: GPL-2.0
/*
 * wpv events: follow the module's "events" multicast group and print each
 * notification on one line, as text or JSON, flushed at once so scripts
 * can follow it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netlink/genl/ctrl.h>

#include "wpv.h"

struct events_ctx {
	bool json;
	long left;	/* events still to print; <0 without limit */
};

static void events_text(const struct wpv_sta_msg *s)
{
	if (s->cmd == WPV_CMD_STA_EVENT)
		printf("state %s %s %s -> %s reason=%s",
		       s->ifname, s->mac,
		       s->prev_state < 0 ? "?" : wpv_state_str(s->prev_state),
		       wpv_state_str(s->state), wpv_reason_str(s->reason));
	else
		printf("acct %s %s %s", s->ifname, s->mac,
		       s->trigger == WPV_ACCT_QUANTUM ? "quantum" : "interval");
	if (s->identity[0])
		printf(" identity=%s", s->identity);
	for (int i = 1; i < WPV_STATS_PAD; i++)
		printf(" %s=%llu", wpv_stats_str(i),
		       (unsigned long long)s->stats[i]);
	printf("\n");
}

static void events_json(const struct wpv_sta_msg *s)
{
	printf("{\"event\":\"%s\",\"ifname\":\"%s\",\"mac\":\"%s\","
	       "\"state\":\"%s\",\"reason\":\"%s\",",
	       s->cmd == WPV_CMD_STA_EVENT ? "state" : "acct", s->ifname,
	       s->mac, wpv_state_str(s->state), wpv_reason_str(s->reason));
	if (s->prev_state >= 0)
		printf("\"prev_state\":\"%s\",", wpv_state_str(s->prev_state));
	if (s->trigger >= 0)
		printf("\"trigger\":\"%s\",", s->trigger == WPV_ACCT_QUANTUM ?
		       "quantum" : "interval");
	printf("\"stats\":{");
	wpv_sta_stats_json(s);
	printf("}}\n");
}

static int events_cb(struct nl_msg *msg, void *arg)
{
	struct events_ctx *ctx = arg;
	struct wpv_sta_msg s;

	if (wpv_sta_msg_parse(msg, &s) ||
	    (s.cmd != WPV_CMD_STA_EVENT && s.cmd != WPV_CMD_STA_ACCT))
		return NL_SKIP;
	if (ctx->json)
		events_json(&s);
	else
		events_text(&s);
	fflush(stdout);
	if (ctx->left > 0)
		ctx->left--;
	return NL_OK;
}

static int events_subscribe(struct wpv_genl *nl)
{
	int grp = genl_ctrl_resolve_grp(nl->sk, WPV_GENL_NAME,
					WPV_MCGRP_EVENTS);

	if (grp < 0)
		return grp;
	nl_socket_disable_seq_check(nl->sk);
	return nl_socket_add_membership(nl->sk, grp);
}

int wpv_cmd_events(int argc, char **argv)
{
	struct events_ctx ctx = { .left = -1 };
	struct wpv_genl nl;
	int i, ret;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json")) {
			ctx.json = true;
		} else if (!strcmp(argv[i], "-n") && i + 1 < argc) {
			ctx.left = strtol(argv[++i], NULL, 10);
		} else {
			fprintf(stderr, "usage: wpv events [-n COUNT] [--json]\n");
			return 2;
		}
	}
	if (wpv_genl_open(&nl))
		return 1;
	ret = events_subscribe(&nl);
	if (ret < 0) {
		fprintf(stderr, "wpv events: cannot join the events group\n");
		wpv_genl_close(&nl);
		return 1;
	}
	nl_socket_modify_cb(nl.sk, NL_CB_VALID, NL_CB_CUSTOM, events_cb, &ctx);
	while (ctx.left != 0) {
		ret = nl_recvmsgs_default(nl.sk);
		if (ret < 0 && ret != -NLE_INTR) {
			fprintf(stderr, "wpv events: %s\n", nl_geterror(ret));
			break;
		}
	}
	wpv_genl_close(&nl);
	return ctx.left == 0 ? 0 : 1;
}
