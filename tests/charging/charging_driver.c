// SPDX-License-Identifier: GPL-2.0
/*
 * Test driver for the charging, OCSP and hook modules.  Reads one command
 * per line on stdin and answers with one line on stdout, so a test script
 * can drive it as a coprocess between starting and stopping real servers.
 *
 *   conf FILE          load charging keys (charging_conf_load); each
 *                      refused line, then "error ..."
 *   open               acct_open
 *   start NAME IFNAME BSSID SSID STA IDENTITY  -> "ok SESSION-ID"
 *   update NAME TXB RXB TXF RXF interval|quantum
 *   stop NAME TXB RXB TXF RXF CAUSE            (CAUSE as in the JSON log)
 *   pending            -> "ok N"
 *   flush MS           -> "ok" or "error pending N"
 *   close              acct_close
 *   ocsp CERT ISSUER   -> "ok STATUS pass|fail REASON cached|fresh"
 *   hook EVENT STA IFNAME BSSID IDENTITY REASON SESSION
 *   hookwait MS        wait for running hooks to end
 *   quit
 *
 * MAC addresses are written aa:bb:cc:dd:ee:ff; "-" stands for an empty
 * string.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include <openssl/pem.h>

#include <linux/wapi_preview.h>

#include "acct.h"
#include "charging_conf.h"
#include "hooks.h"
#include "ocsp.h"

#define MAX_SESSIONS	16
#define MAX_ARGS	10

struct driver {
	struct charging_conf conf;
	struct acct *acct;
	struct ocsp *ocsp;
	struct hooks *hooks;
	struct {
		char name[32];
		struct acct_session *s;
	} sessions[MAX_SESSIONS];
};

static const char *arg_str(const char *s)
{
	return strcmp(s, "-") ? s : "";
}

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

static struct acct_session **session_slot(struct driver *d, const char *name,
					  int create)
{
	int i, free_slot = -1;

	for (i = 0; i < MAX_SESSIONS; i++) {
		if (d->sessions[i].s && !strcmp(d->sessions[i].name, name))
			return &d->sessions[i].s;
		if (!d->sessions[i].s && free_slot < 0)
			free_slot = i;
	}
	if (!create || free_slot < 0)
		return NULL;
	snprintf(d->sessions[free_slot].name, sizeof(d->sessions[0].name),
		 "%s", name);
	return &d->sessions[free_slot].s;
}

static int parse_counters(char **argv, struct acct_counters *c)
{
	c->tx_bytes = strtoull(argv[0], NULL, 0);
	c->rx_bytes = strtoull(argv[1], NULL, 0);
	c->tx_frames = strtoull(argv[2], NULL, 0);
	c->rx_frames = strtoull(argv[3], NULL, 0);
	return 0;
}

static int cause_from_name(const char *name)
{
	int i;

	for (i = 0; i < __ACCT_CAUSE_MAX; i++)
		if (!strcmp(acct_cause_name(i), name))
			return i;
	return -1;
}

static void cmd_start(struct driver *d, int argc, char **argv)
{
	unsigned char bssid[6], sta[6];
	struct acct_session **slot;
	struct acct_station st;
	int err;

	if (argc != 7 || parse_mac(argv[3], bssid) || parse_mac(argv[5], sta)) {
		puts("error usage");
		return;
	}
	slot = session_slot(d, argv[1], 1);
	if (!slot || *slot) {
		puts("error session slot");
		return;
	}
	st = (struct acct_station) {
		.ifname = argv[2], .bssid = bssid, .ssid = arg_str(argv[4]),
		.sta = sta, .identity = argv[6],
	};
	*slot = acct_start(d->acct, &st, &err);
	if (!*slot)
		printf("error %s\n", strerror(-err));
	else
		printf("ok %s\n", acct_session_id(*slot));
}

static void cmd_update_stop(struct driver *d, int argc, char **argv, int stop)
{
	struct acct_session **slot;
	struct acct_counters c;
	int ret, arg;

	slot = argc == 7 ? session_slot(d, argv[1], 0) : NULL;
	if (!slot) {
		puts("error usage or no such session");
		return;
	}
	parse_counters(argv + 2, &c);
	if (stop) {
		arg = cause_from_name(argv[6]);
		if (arg < 0) {
			puts("error cause");
			return;
		}
		ret = acct_stop(d->acct, *slot, &c, arg);
		*slot = NULL;
	} else {
		arg = strcmp(argv[6], "quantum") ? ACCT_TRIGGER_INTERVAL :
						   ACCT_TRIGGER_QUANTUM;
		ret = acct_update(d->acct, *slot, &c, arg);
	}
	if (ret)
		printf("error %s\n", strerror(-ret));
	else
		puts("ok");
}

static X509 *load_cert(const char *path)
{
	X509 *x = NULL;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		return NULL;
	x = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	return x;
}

static void cmd_ocsp(struct driver *d, int argc, char **argv)
{
	struct ocsp_result res;
	X509 *leaf, *issuer;
	int ret;

	if (argc != 3) {
		puts("error usage");
		return;
	}
	if (!d->ocsp) {
		ret = ocsp_new(&d->conf.ocsp, NULL, &d->ocsp);
		if (ret) {
			printf("error ocsp_new %s\n", strerror(-ret));
			return;
		}
	}
	leaf = load_cert(argv[1]);
	issuer = load_cert(argv[2]);
	if (!leaf || !issuer) {
		puts("error cannot read certificates");
	} else {
		ret = ocsp_check(d->ocsp, leaf, issuer, &res);
		printf("ok %s %s %d %s\n", ocsp_status_name(res.status),
		       ret ? "fail" : "pass", res.reason,
		       res.cached ? "cached" : "fresh");
	}
	X509_free(leaf);
	X509_free(issuer);
}

static int hook_event_from_name(const char *name)
{
	int i;

	for (i = 0; i < __HOOK_EVENT_MAX; i++)
		if (!strcmp(hooks_event_name(i), name))
			return i;
	return -1;
}

static void cmd_hook(struct driver *d, int argc, char **argv)
{
	unsigned char sta[6], bssid[6];
	struct hook_env env;
	int ev, ret;

	ev = argc == 8 ? hook_event_from_name(argv[1]) : -1;
	if (ev < 0 || parse_mac(argv[2], sta) || parse_mac(argv[4], bssid)) {
		puts("error usage");
		return;
	}
	if (!d->hooks) {
		ret = hooks_open(&d->conf.hooks, &d->hooks);
		if (ret) {
			printf("error hooks_open %s\n", strerror(-ret));
			return;
		}
	}
	env = (struct hook_env) {
		.sta = sta, .ifname = argv[3], .bssid = bssid,
		.identity = arg_str(argv[5]), .reason = atoi(argv[6]),
		.session_id = arg_str(argv[7]),
	};
	ret = hooks_run(d->hooks, ev, &env);
	if (ret)
		printf("error %s\n", strerror(-ret));
	else
		puts("ok");
}

static void cmd_simple(struct driver *d, int argc, char **argv)
{
	char *cmd = argv[0];
	int ret = 0;

	if (!strcmp(cmd, "conf") && argc == 2) {
		ret = charging_conf_load(&d->conf, argv[1], stdout);
	} else if (!strcmp(cmd, "open")) {
		ret = acct_open(&d->conf.acct, &d->acct);
	} else if (!strcmp(cmd, "pending") && d->acct) {
		printf("ok %u\n", acct_pending(d->acct));
		return;
	} else if (!strcmp(cmd, "flush") && argc == 2 && d->acct) {
		if (acct_flush(d->acct, atoi(argv[1]))) {
			printf("error pending %u\n", acct_pending(d->acct));
			return;
		}
	} else if (!strcmp(cmd, "close")) {
		acct_close(d->acct);
		d->acct = NULL;
	} else if (!strcmp(cmd, "hookwait") && argc == 2 && d->hooks) {
		ret = hooks_wait(d->hooks, atoi(argv[1]));
	} else {
		puts("error unknown command");
		return;
	}
	if (ret)
		printf("error %s\n", strerror(-ret));
	else
		puts("ok");
}

static void dispatch(struct driver *d, int argc, char **argv)
{
	if (!strcmp(argv[0], "start") && d->acct)
		cmd_start(d, argc, argv);
	else if (!strcmp(argv[0], "update") && d->acct)
		cmd_update_stop(d, argc, argv, 0);
	else if (!strcmp(argv[0], "stop") && d->acct)
		cmd_update_stop(d, argc, argv, 1);
	else if (!strcmp(argv[0], "ocsp"))
		cmd_ocsp(d, argc, argv);
	else if (!strcmp(argv[0], "hook"))
		cmd_hook(d, argc, argv);
	else
		cmd_simple(d, argc, argv);
}

int main(void)
{
	static struct driver d;
	char line[1024], *argv[MAX_ARGS], *tok;
	int argc;

	/*
	 * Descriptor 3: stands for one the agent left without close-on-exec;
	 * hooks must not see it.
	 */
	int inherited = open("/dev/null", O_RDONLY);

	setvbuf(stdout, NULL, _IOLBF, 0);
	openlog("charging_driver", LOG_PERROR | LOG_PID, LOG_DAEMON);
	charging_conf_defaults(&d.conf);
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
	hooks_close(d.hooks);
	ocsp_free(d.ocsp);
	acct_close(d.acct);
	if (inherited >= 0)
		close(inherited);
	return 0;
}
