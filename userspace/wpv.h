/* SPDX-License-Identifier: GPL-2.0 */
#ifndef WPV_TOOL_H
#define WPV_TOOL_H

#include <stdbool.h>
#include <stdint.h>
#include <netlink/genl/genl.h>
#include <linux/wapi_preview.h>

/* One subcommand: its handler gets argv with argv[0] = its own name. */
struct wpv_subcmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *usage;
	const char *help;
};

/* A connected generic netlink socket and the resolved family. */
struct wpv_nl {
	struct nl_sock *sk;
	int family;
};

int wpv_nl_open(struct wpv_nl *nl);
void wpv_nl_close(struct wpv_nl *nl);
struct nl_msg *wpv_nl_msg(struct wpv_nl *nl, uint8_t cmd, int flags);
int wpv_nl_send(struct wpv_nl *nl, struct nl_msg *msg,
		int (*cb)(struct nl_msg *, void *), void *arg);
int wpv_nl_put_ifname(struct nl_msg *msg, const char *ifname);

int wpv_cmd_iface(int argc, char **argv);

#endif
