// SPDX-License-Identifier: GPL-2.0
/*
 * wpv-testpeer: stand-ins for the station responder and the verification
 * agent, for the gate's end-to-end scenarios.  They exercise the module's
 * side of the protocol only: the answer carries no real signature and the
 * "agent" decides without looking at it.
 *
 *   wpv-testpeer answer IFNAME [bad-nonce] [twice]
 *	wait for one challenge on IFNAME, answer it, print the AP nonce
 *   wpv-testpeer agent accept|reject|silent|stale [COUNT]
 *	register as the agent, take COUNT verifications (default 1), print
 *	each nonce, and answer as told; "silent" then waits to be killed
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>

#include "wai.h"

static void hex(const char *what, const u8 *p, size_t n)
{
	printf("%s ", what);
	while (n--)
		printf("%02x", *p++);
	printf("\n");
	fflush(stdout);
}

/* A response body: fixed part and a placeholder signature attribute. */
static size_t build_answer(u8 *pkt, const u8 *req_body, bool bad_nonce)
{
	u8 *p = pkt + WPV_WAI_HDR_LEN;
	size_t len;

	*p++ = 0;
	memcpy(p, req_body + 1, WPV_ADDID_LEN);		/* BSSID, STA */
	p += WPV_ADDID_LEN;
	memcpy(p, req_body + 1 + WPV_ADDID_LEN, WPV_NONCE_LEN);
	if (bad_nonce)
		p[0] ^= 0xff;
	p += WPV_NONCE_LEN;
	memset(p, 0x5a, WPV_NONCE_LEN);			/* STA nonce */
	p += WPV_NONCE_LEN;
	memcpy(p, "\x01\x00\x04sig!", 7);
	p += 7;
	len = p - pkt;
	wpv_wai_hdr_build(pkt, WPV_WAI_SUBTYPE_SIG_RESP, len, 1);
	return len;
}

static int answer(const char *ifname, bool bad_nonce, bool twice)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET };
	socklen_t slen = sizeof(sll);
	struct wpv_wai_hdr hdr;
	u8 buf[2048], out[256];
	ssize_t n;
	size_t len;
	int fd;

	fd = socket(AF_PACKET, SOCK_DGRAM, htons(WPV_ETH_P_WAI));
	if (fd < 0)
		return perror("socket"), 1;
	sll.sll_protocol = htons(WPV_ETH_P_WAI);
	sll.sll_ifindex = if_nametoindex(ifname);
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)))
		return perror("bind"), 1;
	for (;;) {
		n = recvfrom(fd, buf, sizeof(buf), 0, (struct sockaddr *)&sll,
			     &slen);
		if (n < 0)
			return perror("recv"), 1;
		if (!wpv_wai_hdr_parse(buf, n, &hdr) &&
		    hdr.subtype == WPV_WAI_SUBTYPE_SIG_REQ &&
		    hdr.len == WPV_WAI_REQ_PKT_LEN)
			break;
	}
	hex("nonce", buf + WPV_WAI_HDR_LEN + 1 + WPV_ADDID_LEN, WPV_NONCE_LEN);
	len = build_answer(out, buf + WPV_WAI_HDR_LEN, bad_nonce);
	if (sendto(fd, out, len, 0, (struct sockaddr *)&sll, sizeof(sll)) < 0 ||
	    (twice && sendto(fd, out, len, 0, (struct sockaddr *)&sll,
			     sizeof(sll)) < 0))
		return perror("sendto"), 1;
	close(fd);
	return 0;
}

struct agent {
	struct nl_sock *sk;
	int family;
	const char *mode;
	int left;
};

static int agent_verdict(struct agent *a, struct nlattr **tb)
{
	bool accept = !strcmp(a->mode, "accept");
	uint64_t cookie = nla_get_u64(tb[WPV_A_COOKIE]);
	struct nl_msg *msg = nlmsg_alloc();
	int ret;

	if (!strcmp(a->mode, "stale"))
		cookie++;
	genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, a->family, 0, 0,
		    WPV_CMD_VERDICT, WPV_GENL_VERSION);
	nla_put_u32(msg, WPV_A_IFINDEX, nla_get_u32(tb[WPV_A_IFINDEX]));
	nla_put(msg, WPV_A_STA_ADDR, 6, nla_data(tb[WPV_A_STA_ADDR]));
	nla_put_u64(msg, WPV_A_COOKIE, cookie);
	nla_put_u8(msg, WPV_A_VERDICT, accept ? WPV_VERDICT_ACCEPT :
						WPV_VERDICT_REJECT);
	nla_put_u32(msg, WPV_A_REASON, accept ? WPV_REASON_VERIFIED :
						WPV_REASON_BAD_SIGNATURE);
	if (accept)
		nla_put_string(msg, WPV_A_IDENTITY, "CN=test station");
	ret = nl_send_sync(a->sk, msg);
	printf("verdict %s: %d\n", a->mode, ret);
	fflush(stdout);
	return ret;
}

static int agent_cb(struct nl_msg *msg, void *arg)
{
	struct genlmsghdr *gh = nlmsg_data(nlmsg_hdr(msg));
	struct nlattr *tb[WPV_A_MAX + 1];
	struct agent *a = arg;

	if (gh->cmd != WPV_CMD_VERIFY ||
	    nla_parse(tb, WPV_A_MAX, genlmsg_attrdata(gh, 0),
		      genlmsg_attrlen(gh, 0), NULL) ||
	    !tb[WPV_A_COOKIE] || !tb[WPV_A_AP_NONCE] || !tb[WPV_A_RESPONSE])
		return NL_SKIP;
	hex("nonce", nla_data(tb[WPV_A_AP_NONCE]), WPV_NONCE_LEN);
	printf("response %d bytes\n", nla_len(tb[WPV_A_RESPONSE]));
	fflush(stdout);
	a->left--;
	/* Let a retransmitted answer arrive while the station verifies. */
	usleep(300 * 1000);
	if (strcmp(a->mode, "silent"))
		agent_verdict(a, tb);
	return NL_OK;
}

static int agent(const char *mode, int count)
{
	struct agent a = { .mode = mode, .left = count };
	struct nl_msg *msg;
	int ret;

	a.sk = nl_socket_alloc();
	if (!a.sk || genl_connect(a.sk))
		return 1;
	a.family = genl_ctrl_resolve(a.sk, WPV_GENL_NAME);
	msg = nlmsg_alloc();
	genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, a.family, 0, 0,
		    WPV_CMD_AGENT_REGISTER, WPV_GENL_VERSION);
	ret = nl_send_sync(a.sk, msg);
	printf("register: %d\n", ret);
	fflush(stdout);
	if (ret)
		return 1;
	nl_socket_disable_seq_check(a.sk);
	nl_socket_modify_cb(a.sk, NL_CB_VALID, NL_CB_CUSTOM, agent_cb, &a);
	while (a.left > 0)
		if (nl_recvmsgs_default(a.sk) < 0)
			break;
	while (!strcmp(mode, "silent"))
		pause();
	nl_socket_free(a.sk);
	return 0;
}

int main(int argc, char **argv)
{
	bool bad = false, twice = false;
	int i;

	if (argc >= 3 && !strcmp(argv[1], "answer")) {
		for (i = 3; i < argc; i++) {
			bad |= !strcmp(argv[i], "bad-nonce");
			twice |= !strcmp(argv[i], "twice");
		}
		return answer(argv[2], bad, twice);
	}
	if (argc >= 3 && !strcmp(argv[1], "agent"))
		return agent(argv[2], argc > 3 ? atoi(argv[3]) : 1);
	fprintf(stderr, "usage: see the top of wpv-testpeer.c\n");
	return 2;
}
