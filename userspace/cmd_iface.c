// SPDX-License-Identifier: GPL-2.0
/*
 * wpv iface: attach the gate to AP interfaces, detach it, list them.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <netlink/attr.h>

#include "wpv.h"

static int iface_usage(void)
{
	fprintf(stderr,
		"usage: wpv iface list [--json]\n"
		"       wpv iface attach IFNAME\n"
		"       wpv iface detach IFNAME\n");
	return 2;
}

struct iface_list_ctx {
	bool json;
	int count;
};

static int iface_list_cb(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[WPV_A_MAX + 1];
	struct iface_list_ctx *ctx = arg;
	const char *name;
	uint32_t stations;

	if (nla_parse(tb, WPV_A_MAX, genlmsg_attrdata(gh, 0),
		      genlmsg_attrlen(gh, 0), NULL) ||
	    !tb[WPV_A_IFINDEX] || !tb[WPV_A_IFNAME])
		return NL_SKIP;
	name = nla_get_string(tb[WPV_A_IFNAME]);
	stations = tb[WPV_A_STA_COUNT] ? nla_get_u32(tb[WPV_A_STA_COUNT]) : 0;
	if (ctx->json)
		printf("%s{\"ifindex\":%u,\"ifname\":\"%s\",\"stations\":%u}",
		       ctx->count ? "," : "", nla_get_u32(tb[WPV_A_IFINDEX]),
		       name, stations);
	else
		printf("%-16s %7u %8u\n", name, nla_get_u32(tb[WPV_A_IFINDEX]),
		       stations);
	ctx->count++;
	return NL_OK;
}

static int iface_list(struct wpv_genl *nl, bool json)
{
	struct iface_list_ctx ctx = { .json = json };
	struct nl_msg *msg;
	int ret;

	msg = wpv_genl_msg(nl, WPV_CMD_IFACE_GET, NLM_F_DUMP);
	if (!msg)
		return -ENOMEM;
	if (json)
		printf("[");
	else
		printf("%-16s %7s %8s\n", "INTERFACE", "IFINDEX", "STATIONS");
	ret = wpv_genl_send(nl, msg, iface_list_cb, &ctx);
	if (json)
		printf("]\n");
	return ret;
}

static int iface_change(struct wpv_genl *nl, uint8_t cmd, const char *ifname)
{
	struct nl_msg *msg;

	msg = wpv_genl_msg(nl, cmd, 0);
	if (!msg)
		return -ENOMEM;
	if (wpv_genl_put_ifname(msg, ifname)) {
		nlmsg_free(msg);
		return -ENODEV;
	}
	return wpv_genl_send(nl, msg, NULL, NULL);
}

int wpv_cmd_iface(int argc, char **argv)
{
	struct wpv_genl nl;
	int ret;

	if (argc < 2)
		return iface_usage();
	if (strcmp(argv[1], "list") && argc != 3)
		return iface_usage();
	if (wpv_genl_open(&nl))
		return 1;

	if (!strcmp(argv[1], "list"))
		ret = iface_list(&nl, argc > 2 && !strcmp(argv[2], "--json"));
	else if (!strcmp(argv[1], "attach"))
		ret = iface_change(&nl, WPV_CMD_IFACE_ATTACH, argv[2]);
	else if (!strcmp(argv[1], "detach"))
		ret = iface_change(&nl, WPV_CMD_IFACE_DETACH, argv[2]);
	else
		ret = iface_usage();

	wpv_genl_close(&nl);
	if (ret < 0) {
		fprintf(stderr, "wpv iface %s: %s\n", argv[1], strerror(-ret));
		return 1;
	}
	return ret;
}
