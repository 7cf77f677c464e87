/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The subcommands of wpv, one handler per file, dispatched from wpv.c, and
 * the generic netlink plumbing the admin subcommands share.
 */
#ifndef _WPV_H
#define _WPV_H

#include <stdbool.h>
#include <stdint.h>
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

#endif /* _WPV_H */
