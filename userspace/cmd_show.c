// SPDX-License-Identifier: GPL-2.0
/*
 * wpv show: the station table of every attached interface, or of one.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "wpv.h"

static int show_usage(void)
{
	fprintf(stderr, "usage: wpv show [IFNAME] [--json]\n");
	return 2;
}

struct show_ctx {
	bool json;
	int count;
};

static void show_json(const struct wpv_sta_msg *s, int n)
{
	printf("%s{\"ifname\":\"%s\",\"ifindex\":%u,\"mac\":\"%s\","
	       "\"state\":\"%s\",\"reason\":\"%s\",\"identity\":\"",
	       n ? "," : "", s->ifname, s->ifindex, s->mac,
	       wpv_state_str(s->state), wpv_reason_str(s->reason));
	/* Identities come from certificates: escape what JSON needs. */
	for (const char *c = s->identity; *c; c++) {
		if (*c == '"' || *c == '\\')
			printf("\\%c", *c);
		else if ((unsigned char)*c < 0x20)
			printf("\\u%04x", *c);
		else
			putchar(*c);
	}
	printf("\",\"age_ms\":%llu,\"state_age_ms\":%llu,\"queued\":%u,"
	       "\"retries\":%u,\"stats\":{",
	       (unsigned long long)s->age_ms,
	       (unsigned long long)s->state_age_ms, s->queued, s->retries);
	wpv_sta_stats_json(s);
	printf("}}");
}

static void show_text(const struct wpv_sta_msg *s)
{
	unsigned long long preview, after;

	preview = s->stats[WPV_STATS_PREVIEW_TX_BYTES] +
		  s->stats[WPV_STATS_PREVIEW_RX_BYTES];
	after = s->stats[WPV_STATS_AUTH_TX_BYTES] +
		s->stats[WPV_STATS_AUTH_RX_BYTES];
	printf("%-10s %-17s %-10s %-13s %-20s %12llu %12llu %6u %4u %8llu\n",
	       s->ifname, s->mac, wpv_state_str(s->state),
	       wpv_reason_str(s->reason), s->identity[0] ? s->identity : "-",
	       preview, after, s->queued, s->retries,
	       (unsigned long long)s->age_ms / 1000);
}

static int show_cb(struct nl_msg *msg, void *arg)
{
	struct show_ctx *ctx = arg;
	struct wpv_sta_msg s;

	if (wpv_sta_msg_parse(msg, &s))
		return NL_SKIP;
	if (ctx->json)
		show_json(&s, ctx->count);
	else
		show_text(&s);
	ctx->count++;
	return NL_OK;
}

int wpv_cmd_show(int argc, char **argv)
{
	struct show_ctx ctx = { 0 };
	const char *ifname = NULL;
	struct nl_msg *msg;
	struct wpv_genl nl;
	int i, ret;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			ctx.json = true;
		else if (!ifname && argv[i][0] != '-')
			ifname = argv[i];
		else
			return show_usage();
	}
	if (wpv_genl_open(&nl))
		return 1;
	msg = wpv_genl_msg(&nl, WPV_CMD_STA_GET, NLM_F_DUMP);
	if (!msg || (ifname && wpv_genl_put_ifname(msg, ifname))) {
		nlmsg_free(msg);
		wpv_genl_close(&nl);
		return 1;
	}
	if (ctx.json)
		printf("[");
	else
		printf("%-10s %-17s %-10s %-13s %-20s %12s %12s %6s %4s %8s\n",
		       "INTERFACE", "MAC", "STATE", "REASON", "IDENTITY",
		       "PREVIEW", "AFTER", "QUEUED", "TRY", "AGE(s)");
	ret = wpv_genl_send(&nl, msg, show_cb, &ctx);
	if (ctx.json)
		printf("]\n");
	wpv_genl_close(&nl);
	if (ret < 0) {
		fprintf(stderr, "wpv show: %s\n", strerror(-ret));
		return 1;
	}
	return 0;
}
