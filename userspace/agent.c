// SPDX-License-Identifier: GPL-2.0
/*
 * wpv agent: the verification agent.  One thread runs the loop (netlink,
 * signals, finished jobs); a pool of workers does the verifying, so a slow
 * chain or a burst of stations never stalls the netlink socket.
 *
 * SIGTERM and SIGINT unregister and exit; SIGHUP reloads the CA, CRL and
 * key settings of the configuration file (worker, logging, charging, OCSP
 * and hook settings need a restart).
 *
 * Charging (agent_charge.c) runs on the loop thread too: it never waits
 * for the network, only the OCSP check in the workers does.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/signalfd.h>
#include <syslog.h>
#include <unistd.h>

#include <netlink/errno.h>

#include "agent_charge.h"
#include "agent_conf.h"
#include "agent_nl.h"
#include "agent_pool.h"
#include "util.h"
#include "wpv.h"

struct agent {
	const char *conf_path;
	struct wpv_agent_conf conf;
	struct wpv_pool *pool;
	struct wpv_nl nl;
	struct wpv_charge *charge;
	int sfd;
	bool stop;
};

static void agent_log_verdict(const struct wpv_job *job)
{
	const struct wpv_verify_result *r = &job->res;
	char mac[WPV_MAC_STRLEN];
	bool ok = r->verdict == WPV_VERDICT_ACCEPT;

	wpv_format_mac(job->facts.sta_addr, mac);
	syslog(ok ? LOG_NOTICE : LOG_WARNING,
	       "%s %s: %s, identity \"%s\", reason %s (%s)",
	       job->facts.ifname, mac, ok ? "accepted" : "rejected",
	       r->identity, wpv_reason_name(r->reason), r->detail);
}

static void agent_on_verify(void *ctx, struct wpv_job *job)
{
	struct agent *a = ctx;
	char mac[WPV_MAC_STRLEN];

	wpv_format_mac(job->facts.sta_addr, mac);
	syslog(LOG_DEBUG, "%s %s: answer received (%zu bytes)",
	       job->facts.ifname, mac, job->len);
	if (wpv_pool_submit(a->pool, job)) {
		/* The module's verification timer rejects it (fail closed). */
		syslog(LOG_WARNING, "%s %s: %u verifications already pending; answer dropped",
		       job->facts.ifname, mac, a->conf.max_pending);
		wpv_job_free(job);
	}
}

static void agent_on_sta_gone(void *ctx, u32 ifindex, const u8 *addr)
{
	struct agent *a = ctx;
	struct acct_counters final;
	char mac[WPV_MAC_STRLEN];
	int ret;

	wpv_format_mac(addr, mac);
	/* The Stop gets the figures up to now, before the module forgets. */
	if (wpv_charge_charged(a->charge, ifindex, addr) &&
	    !wpv_nl_sta_stats(&a->nl, ifindex, addr, &final))
		wpv_charge_gone(a->charge, ifindex, addr, &final);
	else
		wpv_charge_gone(a->charge, ifindex, addr, NULL);
	ret = wpv_nl_send_sta_del(&a->nl, ifindex, addr);
	if (ret)
		syslog(LOG_WARNING, "station %s left ifindex %u; cannot tell the module: %s",
		       mac, ifindex, nl_geterror(ret));
	else
		syslog(LOG_DEBUG, "station %s left ifindex %u", mac, ifindex);
}

static void agent_send_verdicts(struct agent *a)
{
	struct wpv_job *job, *next;

	for (job = wpv_pool_take_done(a->pool); job; job = next) {
		next = job->next;
		agent_log_verdict(job);
		if (wpv_nl_send_verdict(&a->nl, job))
			syslog(LOG_ERR, "cannot send the verdict; the module will time the station out");
		else
			wpv_charge_verdict(a->charge, job);
		wpv_job_free(job);
	}
}

static int agent_sta_stats(void *ctx, u32 ifindex, const u8 *addr,
			   struct acct_counters *c)
{
	struct agent *a = ctx;

	return wpv_nl_sta_stats(&a->nl, ifindex, addr, c);
}

/*
 * The module decides some verdicts itself (timeout, hold-down, admin):
 * log every change so the agent's log tells each station's whole story.
 */
static void agent_log_note(const struct wpv_sta_note *n)
{
	char mac[WPV_MAC_STRLEN], ifname[IF_NAMESIZE];

	if (n->cmd != WPV_CMD_STA_EVENT)
		return;
	if (!if_indextoname(n->ifindex, ifname))
		snprintf(ifname, sizeof(ifname), "ifindex %u", n->ifindex);
	wpv_format_mac(n->addr, mac);
	syslog(LOG_INFO, "%s %s: module: %s -> %s, reason %s", ifname, mac,
	       wpv_state_str(n->prev_state), wpv_state_str(n->state),
	       wpv_reason_str(n->reason));
}

static void agent_on_note(void *ctx, const struct wpv_sta_note *n)
{
	struct agent *a = ctx;

	agent_log_note(n);
	wpv_charge_note(a->charge, n);
}

static struct wpv_verifier *agent_verifier(struct agent *a,
					   const struct wpv_agent_conf *c)
{
	struct wpv_verifier *v;
	char err[512];

	if (wpv_agent_conf_verifier(c, &v, err, sizeof(err))) {
		syslog(LOG_ERR, "%s", err);
		return NULL;
	}
	/* OCSP after the chain check, on the worker threads. */
	if (wpv_charge_ocsp(a->charge))
		wpv_verifier_set_status(v, ocsp_verify_status,
					wpv_charge_ocsp(a->charge));
	return v;
}

/* Reload trust settings; keep running on the old ones if the file is bad. */
static void agent_reload(struct agent *a)
{
	struct wpv_agent_conf c;
	struct wpv_verifier *v;
	char err[512];

	if (wpv_agent_conf_load(a->conf_path, &c, err, sizeof(err))) {
		syslog(LOG_ERR, "reload: %s; keeping the old settings", err);
		return;
	}
	v = agent_verifier(a, &c);
	if (v && wpv_pool_set_verifier(a->pool, v)) {
		wpv_verifier_free(v);
		v = NULL;
	}
	if (v)
		syslog(LOG_NOTICE, "reloaded CA, CRL and key settings from %s",
		       a->conf_path);
	else
		syslog(LOG_ERR, "reload failed; keeping the old settings");
	wpv_agent_conf_free(&c);
}

static void agent_on_signal(struct agent *a)
{
	struct signalfd_siginfo si;

	while (read(a->sfd, &si, sizeof(si)) == sizeof(si)) {
		if (si.ssi_signo == SIGHUP) {
			agent_reload(a);
		} else {
			syslog(LOG_NOTICE, "signal %u: leaving", si.ssi_signo);
			a->stop = true;
		}
	}
}

static int agent_loop(struct agent *a)
{
	struct pollfd pfd[4] = {
		{ .fd = a->sfd, .events = POLLIN },
		{ .fd = wpv_nl_fd(&a->nl), .events = POLLIN },
		{ .fd = wpv_pool_fd(a->pool), .events = POLLIN },
		{ .fd = wpv_nl_events_fd(&a->nl), .events = POLLIN },
	};
	nfds_t n = pfd[3].fd >= 0 ? 4 : 3;

	while (!a->stop) {
		if (poll(pfd, n, -1) < 0) {
			if (errno == EINTR)
				continue;
			syslog(LOG_ERR, "poll: %s", strerror(errno));
			return 1;
		}
		if (pfd[0].revents)
			agent_on_signal(a);
		if (pfd[2].revents)
			agent_send_verdicts(a);
		if (pfd[1].revents && wpv_nl_receive(&a->nl))
			return 1;
		if (n > 3 && pfd[3].revents && wpv_nl_receive_events(&a->nl)) {
			syslog(LOG_WARNING, "nl80211 events lost; no longer watching them");
			n = 3;
		}
	}
	return 0;
}

/* Blocked before the workers start, so only the signalfd sees them. */
static int agent_signals(struct agent *a)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	if (sigprocmask(SIG_BLOCK, &set, NULL))
		return -errno;
	a->sfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	return a->sfd < 0 ? -errno : 0;
}

static int agent_args(struct agent *a, int argc, char **argv, bool *fg)
{
	static const struct option opts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "foreground", no_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "c:f", opts, NULL)) != -1) {
		switch (opt) {
		case 'c':
			a->conf_path = optarg;
			break;
		case 'f':
			*fg = true;
			break;
		default:
			return -1;
		}
	}
	return optind == argc ? 0 : -1;
}

/* A module default: one decimal number in /sys/kernel/wapi_preview/NAME. */
static int agent_sysfs(const char *name, unsigned long long *val, bool set)
{
	char path[96], buf[32];
	ssize_t n;
	int fd, ret = 0;

	snprintf(path, sizeof(path), "/sys/kernel/wapi_preview/%s", name);
	fd = open(path, (set ? O_WRONLY : O_RDONLY) | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (set) {
		n = snprintf(buf, sizeof(buf), "%llu\n", *val);
		if (write(fd, buf, n) != n)
			ret = -errno;
	} else {
		n = read(fd, buf, sizeof(buf) - 1);
		buf[n > 0 ? n : 0] = '\0';
		if (n <= 0 || sscanf(buf, "%llu", val) != 1)
			ret = -EINVAL;
	}
	close(fd);
	return ret;
}

/*
 * The module sends the interval notifications the Interim-Updates come
 * from; the agent sends none of its own.  The module's default interval
 * is module-wide and may have been set by the operator, so it is written
 * only when acct_interim_interval is in the file (interfaces attached
 * later start from it).  The OCSP exchange must end well before the
 * verification timer.
 */
static void agent_module_settings(const struct charging_conf *ch)
{
	unsigned long long ms = ch->acct.interim_interval * 1000ULL;
	int ret;

	if (ch->acct.interim_interval_set) {
		ret = agent_sysfs("acct_interval_ms", &ms, true);
		if (ret)
			syslog(LOG_WARNING, "cannot set the module's accounting interval: %s",
			       strerror(-ret));
	}
	if (!ch->ocsp.url[0] || agent_sysfs("verify_timeout_ms", &ms, false))
		return;
	if (ch->ocsp.timeout * 1000ULL * 2 > ms)
		syslog(LOG_WARNING, "ocsp_timeout %us is not well below the module's verification timer (%llu ms): stations may time out while OCSP is asked",
		       ch->ocsp.timeout, ms);
}

static int agent_charge_start(struct agent *a)
{
	struct wpv_charge_opts o = {
		.conf = &a->conf.charging,
		.ca_file = a->conf.ca_file,
		.sessions_file = a->conf.sessions_file ?
				 a->conf.sessions_file :
				 WPV_SESSIONS_FILE_DEFAULT,
		.iface = wpv_nl_iface_info,
	};
	int ret;

	ret = wpv_charge_open(&o, &a->charge);
	if (ret)
		syslog(LOG_ERR, "cannot start charging: %s", strerror(-ret));
	return ret;
}

static int agent_start(struct agent *a)
{
	struct wpv_verifier *v;
	int ret;

	if (agent_charge_start(a))
		return -EINVAL;
	v = agent_verifier(a, &a->conf);
	if (!v)
		return -EINVAL;
	ret = wpv_pool_start(&a->pool, a->conf.workers, a->conf.max_pending,
			     v);
	if (ret) {
		syslog(LOG_ERR, "cannot start workers: %s", strerror(-ret));
		wpv_verifier_free(v);
		return ret;
	}
	a->nl.on_verify = agent_on_verify;
	a->nl.on_sta_gone = agent_on_sta_gone;
	a->nl.on_note = agent_on_note;
	a->nl.ctx = a;
	if (wpv_nl_open(&a->nl) || wpv_nl_register(&a->nl))
		return -EIO;
	wpv_charge_set_events(a->charge, !wpv_nl_join_events(&a->nl));
	wpv_nl_open_events(&a->nl);
	agent_module_settings(&a->conf.charging);
	return 0;
}

int wpv_agent_main(int argc, char **argv)
{
	struct agent a = { .conf_path = WPV_AGENT_CONF_DEFAULT, .sfd = -1 };
	bool fg = false;
	char err[512];
	int ret = 1;

	if (agent_args(&a, argc, argv, &fg)) {
		fprintf(stderr, "usage: wpv agent [-c CONFIG] [-f]\n");
		return WPV_EXIT_USAGE;
	}
	if (wpv_agent_conf_load(a.conf_path, &a.conf, err, sizeof(err))) {
		fprintf(stderr, "wpv agent: %s\n", err);
		return 1;
	}
	openlog("wpv-agent", LOG_PID | (fg ? LOG_PERROR : 0), LOG_DAEMON);
	setlogmask(LOG_UPTO(a.conf.log_level));

	if (agent_signals(&a)) {
		syslog(LOG_ERR, "signals: %s", strerror(errno));
		goto out;
	}
	if (agent_start(&a))
		goto out;
	syslog(LOG_NOTICE, "registered with %s; %u workers", WPV_GENL_NAME,
	       a.conf.workers);
	ret = agent_loop(&a);
	/* While the module still answers: the Stops get today's figures. */
	wpv_charge_stop_all(a.charge, agent_sta_stats, &a);
	wpv_nl_unregister(&a.nl);
out:
	/* Close netlink first: the module then fails pending stations closed. */
	wpv_nl_close(&a.nl);
	wpv_pool_stop(a.pool);
	/* After the workers: they may be asking the OCSP client. */
	wpv_charge_close(a.charge);
	if (a.sfd >= 0)
		close(a.sfd);
	wpv_agent_conf_free(&a.conf);
	closelog();
	return ret;
}
