// SPDX-License-Identifier: GPL-2.0
/*
 * Netlink for the agent, with libnl-genl-3.  Only the main loop calls in
 * here; workers never touch a socket.
 */
#include <errno.h>
#include <stdlib.h>
#include <syslog.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "agent_msg.h"
#include "agent_nl.h"
#include "util.h"

/* Room for a burst of answers while the loop is busy. */
#define WPV_NL_RCVBUF	(1 << 20)

static const char *const msg_errors[] = {
	[WPV_MSG_PARSE] = "attributes do not parse",
	[WPV_MSG_MISSING] = "a required attribute is missing",
	[WPV_MSG_LENGTH] = "an address or nonce has the wrong length",
	[WPV_MSG_NOMEM] = "out of memory",
};

static int on_wpv_msg(struct nl_msg *msg, void *arg)
{
	struct wpv_nl *nl = arg;
	struct wpv_job *job;
	int ret;

	/* Only the kernel may hand us answers to verify. */
	if (nlmsg_get_src(msg)->nl_pid != 0)
		return NL_SKIP;
	ret = wpv_msg_parse_verify(msg, &job);
	if (ret == -WPV_MSG_OTHER)
		return NL_SKIP;
	if (ret) {
		/* The module's timer rejects the station: fail closed. */
		syslog(LOG_WARNING, "verify request ignored: %s",
		       msg_errors[-ret]);
		return NL_SKIP;
	}
	nl->on_verify(nl->ctx, job);
	return NL_OK;
}

static const struct wpv_nl_sent *find_sent(const struct wpv_nl *nl, u32 seq)
{
	unsigned int i;

	for (i = 0; i < WPV_NL_INFLIGHT; i++)
		if (nl->sent[i].seq == seq && nl->sent[i].cmd)
			return &nl->sent[i];
	return NULL;
}

/*
 * Until registered, an error is the answer to the registration: stop so
 * nl_wait_for_ack() returns it.  Afterwards refusals of verdicts and
 * deletions are logged and the loop goes on.
 */
static int on_wpv_error(struct sockaddr_nl *who, struct nlmsgerr *e,
			void *arg)
{
	struct wpv_nl *nl = arg;
	const struct wpv_nl_sent *s = find_sent(nl, e->msg.nlmsg_seq);
	char mac[WPV_MAC_STRLEN] = "?";
	int prio = LOG_WARNING;

	(void)who;
	if (!nl->registered)
		return NL_STOP;
	if (!s) {
		syslog(LOG_WARNING, "request %u refused by the module: %s",
		       e->msg.nlmsg_seq, strerror(-e->error));
		return NL_SKIP;
	}
	wpv_format_mac(s->addr, mac);
	/* A deleted station the module never knew is not news. */
	if (s->cmd == WPV_CMD_STA_DEL && e->error == -ENOENT)
		prio = LOG_DEBUG;
	syslog(prio, "%s %s refused by the module: %s",
	       s->cmd == WPV_CMD_VERDICT ? "verdict for" : "delete of", mac,
	       strerror(-e->error));
	return NL_SKIP;
}

static int on_ack(struct nl_msg *msg, void *arg)
{
	(void)msg;
	(void)arg;
	return NL_OK;
}

/**
 * wpv_nl_open() - connect to the wapi_preview family
 * @nl: state; @on_verify and @ctx must be set
 *
 * Return: 0 or a negative libnl error (logged).
 */
int wpv_nl_open(struct wpv_nl *nl)
{
	int ret;

	nl->sk = nl_socket_alloc();
	if (!nl->sk)
		return -NLE_NOMEM;
	ret = genl_connect(nl->sk);
	if (ret) {
		syslog(LOG_ERR, "generic netlink: %s", nl_geterror(ret));
		return ret;
	}
	nl->family = genl_ctrl_resolve(nl->sk, WPV_GENL_NAME);
	if (nl->family < 0) {
		syslog(LOG_ERR, "generic netlink family %s: %s (is wapi_preview loaded?)",
		       WPV_GENL_NAME, nl_geterror(nl->family));
		return nl->family;
	}
	/* Requests from the kernel carry no sequence number of ours. */
	nl_socket_disable_seq_check(nl->sk);
	nl_socket_modify_cb(nl->sk, NL_CB_VALID, NL_CB_CUSTOM, on_wpv_msg, nl);
	nl_socket_modify_cb(nl->sk, NL_CB_ACK, NL_CB_CUSTOM, on_ack, nl);
	nl_socket_modify_err_cb(nl->sk, NL_CB_CUSTOM, on_wpv_error, nl);
	ret = nl_socket_set_buffer_size(nl->sk, WPV_NL_RCVBUF, 0);
	if (ret)
		syslog(LOG_WARNING, "netlink receive buffer: %s",
		       nl_geterror(ret));
	return 0;
}

static int on_nl80211_msg(struct nl_msg *msg, void *arg)
{
	struct wpv_nl *nl = arg;
	u32 ifindex;
	u8 addr[6];

	if (wpv_msg_parse_del_station(msg, &ifindex, addr))
		return NL_SKIP;
	nl->on_sta_gone(nl->ctx, ifindex, addr);
	return NL_OK;
}

/**
 * wpv_nl_open_events() - listen to nl80211 station events
 * @nl: state; @on_sta_gone must be set
 *
 * Without nl80211 the agent still works; the module ages stations out.
 *
 * Return: 0 or a negative libnl error (logged); @nl->ev is NULL then.
 */
int wpv_nl_open_events(struct wpv_nl *nl)
{
	int grp, ret;

	nl->ev = nl_socket_alloc();
	if (!nl->ev)
		return -NLE_NOMEM;
	ret = genl_connect(nl->ev);
	if (ret)
		goto err;
	grp = genl_ctrl_resolve_grp(nl->ev, "nl80211", "mlme");
	if (grp < 0) {
		ret = grp;
		goto err;
	}
	ret = nl_socket_add_membership(nl->ev, grp);
	if (ret)
		goto err;
	nl_socket_disable_seq_check(nl->ev);
	nl_socket_modify_cb(nl->ev, NL_CB_VALID, NL_CB_CUSTOM, on_nl80211_msg,
			    nl);
	ret = nl_socket_set_nonblocking(nl->ev);
	if (ret)
		goto err;
	return 0;
err:
	syslog(LOG_WARNING, "nl80211 station events unavailable (%s); stations that leave are not reported",
	       nl_geterror(ret));
	nl_socket_free(nl->ev);
	nl->ev = NULL;
	return ret;
}

/**
 * wpv_nl_close() - close both sockets; the kernel then fails closed
 * @nl: state
 */
void wpv_nl_close(struct wpv_nl *nl)
{
	nl_socket_free(nl->ev);
	nl_socket_free(nl->sk);
	nl->ev = NULL;
	nl->sk = NULL;
}

static int send_msg(struct wpv_nl *nl, struct nl_msg *msg, u8 cmd,
		    const u8 *addr)
{
	struct wpv_nl_sent *s;
	int ret;

	ret = nl_send_auto(nl->sk, msg);
	if (ret >= 0 && addr) {
		s = &nl->sent[nl->sent_next++ % WPV_NL_INFLIGHT];
		s->seq = nlmsg_hdr(msg)->nlmsg_seq;
		s->cmd = cmd;
		memcpy(s->addr, addr, 6);
	}
	nlmsg_free(msg);
	return ret < 0 ? ret : 0;
}

/**
 * wpv_nl_register() - become the verification agent
 * @nl: state, socket still blocking
 *
 * Waits for the kernel's answer, then makes the socket non-blocking for
 * the loop.  Verify requests that arrive meanwhile go to @nl->on_verify.
 *
 * Return: 0 or a negative libnl error (logged; -NLE_BUSY when another
 * agent is registered).
 */
int wpv_nl_register(struct wpv_nl *nl)
{
	struct nl_msg *msg = wpv_msg_new(nl->family, WPV_CMD_AGENT_REGISTER);
	int ret;

	if (!msg)
		return -NLE_NOMEM;
	ret = send_msg(nl, msg, WPV_CMD_AGENT_REGISTER, NULL);
	if (!ret)
		ret = nl_wait_for_ack(nl->sk);
	if (ret) {
		syslog(LOG_ERR, "cannot register as the agent: %s%s",
		       nl_geterror(ret), ret == -NLE_BUSY ?
		       " (another agent is running)" : "");
		return ret;
	}
	nl->registered = true;
	return nl_socket_set_nonblocking(nl->sk);
}

/**
 * wpv_nl_unregister() - leave; pending stations are rejected by the module
 * @nl: state
 */
void wpv_nl_unregister(struct wpv_nl *nl)
{
	struct nl_msg *msg = wpv_msg_new(nl->family, WPV_CMD_AGENT_UNREGISTER);

	/* Closing the socket has the same effect if this is lost. */
	if (msg && nl->registered)
		send_msg(nl, msg, WPV_CMD_AGENT_UNREGISTER, NULL);
	else
		nlmsg_free(msg);
	nl->registered = false;
}

int wpv_nl_fd(const struct wpv_nl *nl)
{
	return nl_socket_get_fd(nl->sk);
}

int wpv_nl_events_fd(const struct wpv_nl *nl)
{
	return nl->ev ? nl_socket_get_fd(nl->ev) : -1;
}

static int receive(struct nl_sock *sk, const char *what)
{
	int ret = nl_recvmsgs_default(sk);

	if (ret == -NLE_AGAIN)
		return 0;
	if (ret == -NLE_NOMEM) {
		/* ENOBUFS: the kernel dropped messages for us. */
		syslog(LOG_WARNING, "%s: receive buffer overrun, messages lost",
		       what);
		return 0;
	}
	if (ret < 0)
		syslog(LOG_ERR, "%s: %s", what, nl_geterror(ret));
	return ret < 0 ? ret : 0;
}

/**
 * wpv_nl_receive() - process what the wapi_preview socket has
 * @nl: state
 *
 * Return: 0, or a negative libnl error the loop cannot continue after.
 */
int wpv_nl_receive(struct wpv_nl *nl)
{
	return receive(nl->sk, "wapi_preview netlink");
}

/**
 * wpv_nl_receive_events() - process what the nl80211 socket has
 * @nl: state
 *
 * Return: 0 or a negative libnl error.
 */
int wpv_nl_receive_events(struct wpv_nl *nl)
{
	return receive(nl->ev, "nl80211 events");
}

/**
 * wpv_nl_send_verdict() - tell the module what was decided
 * @nl: state
 * @job: the decided job
 *
 * Return: 0 or a negative libnl error; a refusal by the module arrives
 * later and is logged by the error handler.
 */
int wpv_nl_send_verdict(struct wpv_nl *nl, const struct wpv_job *job)
{
	struct nl_msg *msg = wpv_msg_verdict(nl->family, job);

	if (!msg)
		return -NLE_NOMEM;
	return send_msg(nl, msg, WPV_CMD_VERDICT, job->facts.sta_addr);
}

/**
 * wpv_nl_send_sta_del() - tell the module a station left
 * @nl: state
 * @ifindex: its interface
 * @addr: its address
 *
 * Return: 0 or a negative libnl error.
 */
int wpv_nl_send_sta_del(struct wpv_nl *nl, u32 ifindex, const u8 *addr)
{
	struct nl_msg *msg = wpv_msg_sta_del(nl->family, ifindex, addr);

	if (!msg)
		return -NLE_NOMEM;
	return send_msg(nl, msg, WPV_CMD_STA_DEL, addr);
}
