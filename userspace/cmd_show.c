// SPDX-License-Identifier: GPL-2.0
/*
 * wpv show: the station table of every attached interface, or of one,
 * with the agent's charging sessions from its sessions file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "agent_conf.h"
#include "sessions.h"
#include "show_fmt.h"
#include "wpv.h"

static int show_usage(void)
{
	fprintf(stderr, "usage: wpv show [IFNAME] [--json] [--sessions FILE]\n");
	return 2;
}

struct show_ctx {
	bool json;
	int count;
	const struct wpv_session_info *sessions;
	size_t n_sessions;
	int64_t now;
};

static int show_cb(struct nl_msg *msg, void *arg)
{
	const struct wpv_session_info *sess;
	struct show_ctx *ctx = arg;
	struct wpv_sta_msg s;

	if (wpv_sta_msg_parse(msg, &s))
		return NL_SKIP;
	sess = wpv_sessions_find(ctx->sessions, ctx->n_sessions, s.ifindex,
				 s.addr);
	if (ctx->json)
		wpv_show_json(stdout, &s, sess, ctx->now, !ctx->count);
	else
		wpv_show_text(stdout, &s, sess, ctx->now);
	ctx->count++;
	return NL_OK;
}

/*
 * The agent's sessions, if it runs.  No file is no agent; a file that
 * cannot be read is said once and the table goes without sessions.
 */
static struct wpv_session_info *show_sessions(const char *path, size_t *n)
{
	struct wpv_session_info *s = NULL;
	int ret;

	*n = 0;
	ret = wpv_sessions_read(path, &s, n);
	if (ret == -ENOENT)
		return NULL;
	if (ret) {
		fprintf(stderr, "wpv show: %s: %s; sessions not shown\n", path,
			strerror(-ret));
		*n = 0;
		return NULL;
	}
	return s;
}

int wpv_cmd_show(int argc, char **argv)
{
	const char *sessions_file = WPV_SESSIONS_FILE_DEFAULT;
	struct wpv_session_info *sessions;
	struct show_ctx ctx = { 0 };
	const char *ifname = NULL;
	struct nl_msg *msg;
	struct wpv_genl nl;
	int i, ret;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			ctx.json = true;
		else if (!strcmp(argv[i], "--sessions") && i + 1 < argc)
			sessions_file = argv[++i];
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
	sessions = show_sessions(sessions_file, &ctx.n_sessions);
	ctx.sessions = sessions;
	ctx.now = time(NULL);
	if (ctx.json)
		printf("[");
	else
		wpv_show_text_header(stdout);
	ret = wpv_genl_send(&nl, msg, show_cb, &ctx);
	if (ctx.json)
		printf("]\n");
	free(sessions);
	wpv_genl_close(&nl);
	if (ret < 0) {
		fprintf(stderr, "wpv show: %s\n", strerror(-ret));
		return 1;
	}
	return 0;
}
