// SPDX-License-Identifier: GPL-2.0
/*
 * Test driver for the agent's charging layer (userspace/agent_charge.c).
 * It reads the agent's own configuration file and plays the kernel: each
 * notification is built with libnl exactly as the module sends it on its
 * "events" group, parsed by the agent's parser and handed to the charging
 * layer, as the agent's loop does.  Verdicts go in as the loop hands them
 * over; nl80211's answer about the interface is built and parsed too.
 * One command per line on stdin, one answer line on stdout:
 *
 *   conf FILE                      wpv_agent_conf_load
 *   iface IFINDEX IFNAME BSSID SSID   what nl80211 will say
 *   open                           wpv_charge_open (events on)
 *   verdict IFINDEX STA accept|reject REASON IDENTITY
 *   event IFINDEX STA STATE PREV REASON IDENTITY TXB RXB TXF RXF
 *   acct IFINDEX STA interval|quantum TXB RXB TXF RXF
 *   gone IFINDEX STA [TXB RXB TXF RXF]   nl80211 DEL_STATION, with the
 *                                  figures a STA_GET dump gives then
 *   session IFINDEX STA            -> "ok SESSION-ID" from the sessions file
 *   close                          wpv_charge_close: stops, flush, hooks
 *   quit
 *
 * STATE and PREV are names (preview, challenged, verifying, authorised,
 * blocked), REASON as in the log (cert-revoked, admin, ...); counters are
 * the module's authorised figures; "-" is an empty identity.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <netlink/genl/genl.h>

#include "agent_charge.h"
#include "agent_conf.h"
#include "kernel_notes.h"
#include "sessions.h"

#define FAMILY		0x20
#define NL80211		0x1c
#define MAX_ARGS	12

static const char *const states[__WPV_STATE_MAX] = {
	"preview", "challenged", "verifying", "authorised", "blocked",
};

struct driver {
	struct wpv_agent_conf conf;
	bool conf_ok;
	struct wpv_charge *charge;
	unsigned int ifindex;
	char ifname[IF_NAMESIZE];
	unsigned char bssid[6];
	char ssid[33];
};

static int parse_mac(const char *s, unsigned char mac[6])
{
	unsigned int b[6];
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3],
		   &b[4], &b[5]) != 6)
		return -EINVAL;
	for (i = 0; i < 6; i++)
		mac[i] = b[i];
	return 0;
}

static int name_index(const char *name, const char *(*fn)(int), int max)
{
	int i;

	for (i = 0; i < max; i++)
		if (!strcmp(fn(i), name))
			return i;
	return -1;
}

static const char *state_name(int i)
{
	return states[i];
}

static const char *reason_name(int i)
{
	return wpv_reason_name(i);
}

static void counters(char **argv, struct acct_counters *c)
{
	c->tx_bytes = strtoull(argv[0], NULL, 0);
	c->rx_bytes = strtoull(argv[1], NULL, 0);
	c->tx_frames = strtoull(argv[2], NULL, 0);
	c->rx_frames = strtoull(argv[3], NULL, 0);
}

/* nl80211's answer, built as the kernel would and read by the agent. */
static int fake_iface(void *ctx, u32 ifindex, struct wpv_iface_info *info)
{
	struct driver *d = ctx;
	struct nl_msg *msg;
	int ret;

	if (ifindex != d->ifindex)
		return -ENODEV;
	msg = kn_new_interface(NL80211, ifindex, d->ifname, d->bssid,
			       d->ssid[0] ? d->ssid : NULL);
	if (!msg)
		return -ENOMEM;
	ret = wpv_msg_parse_interface(msg, info);
	nlmsg_free(msg);
	return ret ? -EINVAL : 0;
}

static void feed(struct driver *d, struct nl_msg *msg)
{
	struct wpv_sta_note n;

	if (!msg || wpv_msg_parse_sta_note(msg, &n)) {
		puts("error notification does not parse");
	} else {
		wpv_charge_note(d->charge, &n);
		puts("ok");
	}
	nlmsg_free(msg);
}

static void cmd_verdict(struct driver *d, int argc, char **argv)
{
	struct wpv_job job = { .ifindex = strtoul(argv[1], NULL, 0) };
	int reason = argc == 6 ? name_index(argv[4], reason_name,
					    __WPV_REASON_MAX) : -1;

	if (reason < 0 || parse_mac(argv[2], job.facts.sta_addr)) {
		puts("error usage");
		return;
	}
	snprintf(job.facts.ifname, sizeof(job.facts.ifname), "%s", d->ifname);
	memcpy(job.facts.bssid, d->bssid, 6);
	job.res.verdict = strcmp(argv[3], "accept") ? WPV_VERDICT_REJECT :
						      WPV_VERDICT_ACCEPT;
	job.res.reason = reason;
	snprintf(job.res.identity, sizeof(job.res.identity), "%s",
		 strcmp(argv[5], "-") ? argv[5] : "");
	wpv_charge_verdict(d->charge, &job);
	puts("ok");
}

static void cmd_event(struct driver *d, int argc, char **argv)
{
	int st = -1, prev = -1, reason = -1;
	struct acct_counters c;
	unsigned char sta[6];

	if (argc == 11) {
		st = name_index(argv[3], state_name, __WPV_STATE_MAX);
		prev = name_index(argv[4], state_name, __WPV_STATE_MAX);
		reason = name_index(argv[5], reason_name, __WPV_REASON_MAX);
	}
	if (st < 0 || prev < 0 || reason < 0 || parse_mac(argv[2], sta)) {
		puts("error usage");
		return;
	}
	counters(argv + 7, &c);
	feed(d, kn_sta_event(FAMILY, strtoul(argv[1], NULL, 0), sta, st, prev,
			     reason, strcmp(argv[6], "-") ? argv[6] : NULL,
			     &c));
}

static void cmd_acct(struct driver *d, int argc, char **argv)
{
	struct acct_counters c;
	unsigned char sta[6];

	if (argc != 8 || parse_mac(argv[2], sta)) {
		puts("error usage");
		return;
	}
	counters(argv + 4, &c);
	feed(d, kn_sta_acct(FAMILY, strtoul(argv[1], NULL, 0), sta,
			    strcmp(argv[3], "quantum") ? WPV_ACCT_INTERVAL :
							 WPV_ACCT_QUANTUM,
			    NULL, &c));
}

static void cmd_gone(struct driver *d, int argc, char **argv,
		     const unsigned char *sta)
{
	struct acct_counters c;

	if (argc == 7)
		counters(argv + 3, &c);
	wpv_charge_gone(d->charge, strtoul(argv[1], NULL, 0), sta,
			argc == 7 ? &c : NULL);
	puts("ok");
}

static const char *sessions_path(const struct driver *d)
{
	return d->conf.sessions_file ? d->conf.sessions_file :
				       WPV_SESSIONS_FILE_DEFAULT;
}

static void cmd_session(struct driver *d, int argc, char **argv)
{
	const struct wpv_session_info *hit;
	struct wpv_session_info *s;
	unsigned char sta[6];
	size_t n;
	int ret;

	if (argc != 3 || parse_mac(argv[2], sta)) {
		puts("error usage");
		return;
	}
	ret = wpv_sessions_read(sessions_path(d), &s, &n);
	if (ret) {
		printf("error %s\n", strerror(-ret));
		return;
	}
	hit = wpv_sessions_find(s, n, strtoul(argv[1], NULL, 0), sta);
	if (hit)
		printf("ok %s %s\n", hit->session_id, hit->identity);
	else
		puts("error no session");
	free(s);
}

static void cmd_open(struct driver *d)
{
	struct wpv_charge_opts o = {
		.conf = &d->conf.charging, .ca_file = d->conf.ca_file,
		.sessions_file = sessions_path(d),
		.iface = fake_iface, .iface_ctx = d,
	};
	int ret;

	ret = d->conf_ok ? wpv_charge_open(&o, &d->charge) : -EINVAL;
	if (ret) {
		printf("error %s\n", strerror(-ret));
		return;
	}
	wpv_charge_set_events(d->charge, true);
	puts("ok");
}

static void dispatch(struct driver *d, int argc, char **argv)
{
	char err[512];
	unsigned char sta[6];

	if (!strcmp(argv[0], "conf") && argc == 2) {
		d->conf_ok = !wpv_agent_conf_load(argv[1], &d->conf, err,
						  sizeof(err));
		printf(d->conf_ok ? "ok\n" : "error %s\n", err);
	} else if (!strcmp(argv[0], "iface") && argc == 5 &&
		   !parse_mac(argv[3], d->bssid)) {
		d->ifindex = strtoul(argv[1], NULL, 0);
		snprintf(d->ifname, sizeof(d->ifname), "%s", argv[2]);
		snprintf(d->ssid, sizeof(d->ssid), "%s",
			 strcmp(argv[4], "-") ? argv[4] : "");
		puts("ok");
	} else if (!strcmp(argv[0], "open")) {
		cmd_open(d);
	} else if (!d->charge) {
		puts("error not open");
	} else if (!strcmp(argv[0], "verdict")) {
		cmd_verdict(d, argc, argv);
	} else if (!strcmp(argv[0], "event")) {
		cmd_event(d, argc, argv);
	} else if (!strcmp(argv[0], "acct")) {
		cmd_acct(d, argc, argv);
	} else if (!strcmp(argv[0], "gone") && (argc == 3 || argc == 7) &&
		   !parse_mac(argv[2], sta)) {
		cmd_gone(d, argc, argv, sta);
	} else if (!strcmp(argv[0], "session")) {
		cmd_session(d, argc, argv);
	} else if (!strcmp(argv[0], "close")) {
		wpv_charge_close(d->charge);
		d->charge = NULL;
		puts("ok");
	} else {
		puts("error unknown command");
	}
}

int main(void)
{
	static struct driver d;
	char line[1024], *argv[MAX_ARGS], *tok;
	int argc;

	setvbuf(stdout, NULL, _IOLBF, 0);
	openlog("agent_driver", LOG_PERROR | LOG_PID, LOG_DAEMON);
	while (fgets(line, sizeof(line), stdin)) {
		argc = 0;
		for (tok = strtok(line, " \t\n"); tok && argc < MAX_ARGS;
		     tok = strtok(NULL, " \t\n"))
			argv[argc++] = tok;
		if (!argc)
			continue;
		if (!strcmp(argv[0], "quit"))
			break;
		dispatch(&d, argc, argv);
	}
	wpv_charge_close(d.charge);
	if (d.conf_ok)
		wpv_agent_conf_free(&d.conf);
	return 0;
}
