// SPDX-License-Identifier: GPL-2.0
/*
 * Generic netlink plumbing shared by the subcommands: open a socket,
 * build a request, send it and report the kernel's extended ack message.
 */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <netlink/genl/ctrl.h>
#include <netlink/msg.h>

#include "wpv.h"

int wpv_genl_open(struct wpv_genl *nl)
{
	int one = 1;
	int ret;

	nl->sk = nl_socket_alloc();
	if (!nl->sk)
		return -ENOMEM;
	ret = genl_connect(nl->sk);
	if (ret < 0)
		goto err;
	setsockopt(nl_socket_get_fd(nl->sk), SOL_NETLINK, NETLINK_EXT_ACK,
		   &one, sizeof(one));
	nl->family = genl_ctrl_resolve(nl->sk, WPV_GENL_NAME);
	if (nl->family < 0) {
		fprintf(stderr,
			"wpv: generic netlink family %s not found (is the module loaded?)\n",
			WPV_GENL_NAME);
		ret = nl->family;
		goto err;
	}
	return 0;
err:
	nl_socket_free(nl->sk);
	nl->sk = NULL;
	return ret;
}

void wpv_genl_close(struct wpv_genl *nl)
{
	nl_socket_free(nl->sk);
	nl->sk = NULL;
}

struct nl_msg *wpv_genl_msg(struct wpv_genl *nl, uint8_t cmd, int flags)
{
	struct nl_msg *msg = nlmsg_alloc();

	if (!msg)
		return NULL;
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, nl->family, 0, flags,
			 cmd, WPV_GENL_VERSION)) {
		nlmsg_free(msg);
		return NULL;
	}
	return msg;
}

int wpv_genl_put_ifname(struct nl_msg *msg, const char *ifname)
{
	unsigned int idx = if_nametoindex(ifname);

	if (!idx) {
		fprintf(stderr, "wpv: %s: no such interface\n", ifname);
		return -ENODEV;
	}
	return nla_put_u32(msg, WPV_A_IFINDEX, idx);
}

/* Print the kernel's extack message, if any, and keep its error. */
static int wpv_genl_error(struct sockaddr_nl *nla, struct nlmsgerr *err,
			void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)err - 1;
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	int *ret = arg;
	int ack_len;

	(void)nla;
	*ret = err->error;
	ack_len = sizeof(*nlh) + sizeof(*err);
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		ack_len += err->msg.nlmsg_len - sizeof(*nlh);
	if ((nlh->nlmsg_flags & NLM_F_ACK_TLVS) &&
	    (int)nlh->nlmsg_len > ack_len &&
	    !nla_parse(tb, NLMSGERR_ATTR_MAX,
		       (struct nlattr *)((char *)nlh + ack_len),
		       nlh->nlmsg_len - ack_len, NULL) &&
	    tb[NLMSGERR_ATTR_MSG])
		fprintf(stderr, "wpv: kernel says: %s\n",
			(char *)nla_data(tb[NLMSGERR_ATTR_MSG]));
	return NL_STOP;
}

static int wpv_genl_finish(struct nl_msg *msg, void *arg)
{
	int *ret = arg;

	(void)msg;
	*ret = 0;
	return NL_STOP;
}

/* Send a request and run cb on each reply; returns 0 or a negative errno. */
int wpv_genl_send(struct wpv_genl *nl, struct nl_msg *msg,
		int (*cb)(struct nl_msg *, void *), void *arg)
{
	struct nl_cb *cbs = nl_cb_alloc(NL_CB_DEFAULT);
	int ret = 1;

	if (!cbs) {
		nlmsg_free(msg);
		return -ENOMEM;
	}
	if (nl_send_auto(nl->sk, msg) < 0) {
		ret = -EIO;
		goto out;
	}
	nl_cb_err(cbs, NL_CB_CUSTOM, wpv_genl_error, &ret);
	nl_cb_set(cbs, NL_CB_FINISH, NL_CB_CUSTOM, wpv_genl_finish, &ret);
	nl_cb_set(cbs, NL_CB_ACK, NL_CB_CUSTOM, wpv_genl_finish, &ret);
	if (cb)
		nl_cb_set(cbs, NL_CB_VALID, NL_CB_CUSTOM, cb, arg);
	while (ret > 0)
		if (nl_recvmsgs(nl->sk, cbs) < 0 && ret > 0)
			ret = -EIO;
out:
	nl_cb_put(cbs);
	nlmsg_free(msg);
	return ret;
}
