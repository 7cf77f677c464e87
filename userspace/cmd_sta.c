// SPDX-License-Identifier: GPL-2.0
/*
 * wpv sta: authorise, block, reset or forget one station by hand.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <netlink/attr.h>

#include "wpv.h"

static const struct {
	const char *name;
	uint8_t cmd;
} sta_actions[] = {
	{ "authorise", WPV_CMD_STA_AUTHORISE },
	{ "authorize", WPV_CMD_STA_AUTHORISE },
	{ "block", WPV_CMD_STA_BLOCK },
	{ "reset", WPV_CMD_STA_RESET },
	{ "del", WPV_CMD_STA_DEL },
};

static int sta_usage(void)
{
	fprintf(stderr, "usage: wpv sta authorise|block|reset|del IFNAME MAC\n");
	return 2;
}

static int sta_parse_mac(const char *s, uint8_t *mac)
{
	unsigned int b[6];
	char tail;
	int i;

	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3],
		   &b[4], &b[5], &tail) != 6)
		return -EINVAL;
	for (i = 0; i < 6; i++)
		mac[i] = (uint8_t)b[i];
	return 0;
}

int wpv_cmd_sta(int argc, char **argv)
{
	struct nl_msg *msg;
	struct wpv_genl nl;
	uint8_t mac[6];
	size_t i;
	int ret;

	if (argc != 4)
		return sta_usage();
	for (i = 0; i < sizeof(sta_actions) / sizeof(sta_actions[0]); i++)
		if (!strcmp(argv[1], sta_actions[i].name))
			break;
	if (i == sizeof(sta_actions) / sizeof(sta_actions[0]))
		return sta_usage();
	if (sta_parse_mac(argv[3], mac)) {
		fprintf(stderr, "wpv sta: '%s' is not a MAC address\n", argv[3]);
		return 2;
	}
	if (wpv_genl_open(&nl))
		return 1;
	msg = wpv_genl_msg(&nl, sta_actions[i].cmd, 0);
	ret = msg ? wpv_genl_put_ifname(msg, argv[2]) : -ENOMEM;
	if (!ret)
		ret = nla_put(msg, WPV_A_STA_ADDR, 6, mac) ? -ENOMEM : 0;
	if (ret) {
		nlmsg_free(msg);
		wpv_genl_close(&nl);
		return 1;
	}
	ret = wpv_genl_send(&nl, msg, NULL, NULL);
	wpv_genl_close(&nl);
	if (ret < 0) {
		fprintf(stderr, "wpv sta %s: %s\n", argv[1], strerror(-ret));
		return 1;
	}
	return 0;
}
