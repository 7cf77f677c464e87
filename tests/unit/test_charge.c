// SPDX-License-Identifier: GPL-2.0
/*
 * Charging in the agent: what each event means (start, update, stop and
 * which cause, which hooks), the module's notifications read as the uapi
 * header describes them, the sessions file written and read back, and the
 * whole charging layer fed a station's life, checked in the JSON log, the
 * sessions file and the hooks' environments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/nl80211.h>
#include <netlink/genl/genl.h>

#include "agent_charge.h"
#include "charge_decide.h"
#include "kernel_notes.h"
#include "sessions.h"

#define FAMILY	0x20

static const u8 sta[6] = { 0x02, 0, 0, 0, 0x02, 0x01 };
static const u8 bssid[6] = { 0x02, 0, 0, 0, 0x01, 0x00 };

/* ---- decisions ---------------------------------------------------------- */

struct decide_case {
	const char *what;
	struct charge_input in;
	bool has_session;
	bool events;
	struct charge_action want;
};

#define VERDICT(ok, r)	{ .kind = CHARGE_VERDICT, .accept = ok, .reason = r }
#define STATE(s, p, r)	{ .kind = CHARGE_STATE, .state = s, .prev_state = p, \
			  .reason = r }
#define ACCT(t)		{ .kind = CHARGE_ACCT, .trigger = t }

static const struct decide_case decide_cases[] = {
	{ "accept opens a session and runs hook_verified",
	  VERDICT(true, WPV_REASON_VERIFIED), false, true,
	  { .start = true, .hook_verified = true } },
	{ "accept of a charged station (re-verification) changes nothing",
	  VERDICT(true, WPV_REASON_VERIFIED), true, true, { 0 } },
	{ "reject waits for the module's BLOCKED event when events arrive",
	  VERDICT(false, WPV_REASON_CERT_REVOKED), false, true, { 0 } },
	{ "reject without events runs hook_blocked itself",
	  VERDICT(false, WPV_REASON_BAD_SIGNATURE), false, false,
	  { .hook_blocked = true, .cause = ACCT_CAUSE_BLOCKED } },
	{ "reject of a charged station without events stops it as blocked",
	  VERDICT(false, WPV_REASON_CERT_REVOKED), true, false,
	  { .stop = true, .hook_blocked = true, .cause = ACCT_CAUSE_BLOCKED } },
	{ "manual authorise opens a session",
	  STATE(WPV_STATE_AUTHORISED, WPV_STATE_PREVIEW, WPV_REASON_ADMIN),
	  false, true, { .start = true, .hook_verified = true } },
	{ "AUTHORISED after the agent's own accept is not a second start",
	  STATE(WPV_STATE_AUTHORISED, WPV_STATE_VERIFYING,
		WPV_REASON_VERIFIED), true, true, { 0 } },
	{ "timeout block of a charged station stops it as blocked",
	  STATE(WPV_STATE_BLOCKED, WPV_STATE_CHALLENGED, WPV_REASON_TIMEOUT),
	  true, true,
	  { .stop = true, .hook_blocked = true, .cause = ACCT_CAUSE_BLOCKED } },
	{ "administrator's block stops with cause admin",
	  STATE(WPV_STATE_BLOCKED, WPV_STATE_AUTHORISED, WPV_REASON_ADMIN),
	  true, true,
	  { .stop = true, .hook_blocked = true, .cause = ACCT_CAUSE_ADMIN } },
	{ "agent reject of a new station runs hook_blocked only",
	  STATE(WPV_STATE_BLOCKED, WPV_STATE_VERIFYING,
		WPV_REASON_CERT_UNTRUSTED), false, true,
	  { .hook_blocked = true, .cause = ACCT_CAUSE_BLOCKED } },
	{ "a block renewed in hold-down runs no hook",
	  STATE(WPV_STATE_BLOCKED, WPV_STATE_BLOCKED, WPV_REASON_HOLDDOWN),
	  false, true, { .cause = ACCT_CAUSE_ADMIN } },
	{ "agent-gone block stops with cause shutdown",
	  STATE(WPV_STATE_BLOCKED, WPV_STATE_VERIFYING,
		WPV_REASON_AGENT_GONE), true, true,
	  { .stop = true, .hook_blocked = true,
	    .cause = ACCT_CAUSE_SHUTDOWN } },
	{ "reset to a new preview stops with cause admin, no block hook",
	  STATE(WPV_STATE_PREVIEW, WPV_STATE_AUTHORISED, WPV_REASON_ADMIN),
	  true, true, { .stop = true, .cause = ACCT_CAUSE_ADMIN } },
	{ "reset as the module sends it (no reason) stops with cause admin",
	  STATE(WPV_STATE_PREVIEW, WPV_STATE_AUTHORISED, WPV_REASON_NONE),
	  true, true, { .stop = true, .cause = ACCT_CAUSE_ADMIN } },
	{ "re-verification keeps the session open",
	  STATE(WPV_STATE_CHALLENGED, WPV_STATE_AUTHORISED, WPV_REASON_NONE),
	  true, true, { 0 } },
	{ "interval figures send an Interim-Update",
	  ACCT(ACCT_TRIGGER_INTERVAL), true, true,
	  { .update = true, .trigger = ACCT_TRIGGER_INTERVAL } },
	{ "quantum figures send an Interim-Update",
	  ACCT(ACCT_TRIGGER_QUANTUM), true, true,
	  { .update = true, .trigger = ACCT_TRIGGER_QUANTUM } },
	{ "figures of an uncharged station adopt it without a hook",
	  ACCT(ACCT_TRIGGER_INTERVAL), false, true,
	  { .start = true, .trigger = ACCT_TRIGGER_INTERVAL } },
	{ "a station that left stops with cause leave",
	  { .kind = CHARGE_GONE }, true, true,
	  { .stop = true, .cause = ACCT_CAUSE_LEAVE } },
	{ "an uncharged station that left needs nothing",
	  { .kind = CHARGE_GONE }, false, true, { .cause = ACCT_CAUSE_LEAVE } },
	{ "agent shutdown stops with cause shutdown",
	  { .kind = CHARGE_SHUTDOWN }, true, true,
	  { .stop = true, .cause = ACCT_CAUSE_SHUTDOWN } },
};

static void decisions_follow_the_table(void **state)
{
	struct charge_action got;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(decide_cases) / sizeof(decide_cases[0]); i++) {
		const struct decide_case *c = &decide_cases[i];

		charge_decide(&c->in, c->has_session, c->events, &got);
		if (got.start != c->want.start ||
		    got.update != c->want.update ||
		    got.stop != c->want.stop ||
		    got.hook_verified != c->want.hook_verified ||
		    got.hook_blocked != c->want.hook_blocked ||
		    (got.update && got.trigger != c->want.trigger) ||
		    ((got.stop || got.hook_blocked) &&
		     got.cause != c->want.cause))
			fail_msg("case \"%s\": start %d update %d stop %d verified %d blocked %d cause %d",
				 c->what, got.start, got.update, got.stop,
				 got.hook_verified, got.hook_blocked, got.cause);
	}
}

static void stop_causes_reach_radius_values(void **state)
{
	(void)state;
	/* RFC 2866 5.10 values the terminate causes above end up as. */
	assert_int_equal(acct_terminate_cause(acct_cause_from_reason(
			 WPV_REASON_TIMEOUT)), 17);
	assert_int_equal(acct_terminate_cause(acct_cause_from_reason(
			 WPV_REASON_ADMIN)), 6);
	assert_int_equal(acct_terminate_cause(ACCT_CAUSE_LEAVE), 1);
	assert_int_equal(acct_terminate_cause(ACCT_CAUSE_SHUTDOWN), 7);
}

/* ---- notifications -------------------------------------------------------- */

static const struct acct_counters big = {
	.tx_bytes = 5000000000ULL, .rx_bytes = 6000000000ULL,
	.tx_frames = 4000000, .rx_frames = 5000000,
};

static void state_event_is_read_with_auth_counters(void **state)
{
	struct nl_msg *msg = kn_sta_event(FAMILY, 7, sta, WPV_STATE_BLOCKED,
					  WPV_STATE_AUTHORISED,
					  WPV_REASON_CERT_REVOKED, "CN=alice",
					  &big);
	struct wpv_sta_note n;

	(void)state;
	assert_non_null(msg);
	assert_int_equal(wpv_msg_parse_sta_note(msg, &n), 0);
	assert_int_equal(n.cmd, WPV_CMD_STA_EVENT);
	assert_int_equal(n.ifindex, 7);
	assert_memory_equal(n.addr, sta, 6);
	assert_int_equal(n.state, WPV_STATE_BLOCKED);
	assert_int_equal(n.prev_state, WPV_STATE_AUTHORISED);
	assert_int_equal(n.reason, WPV_REASON_CERT_REVOKED);
	assert_string_equal(n.identity, "CN=alice");
	assert_true(n.has_stats);
	/* Only the authorised figures: the preview is not charged. */
	assert_memory_equal(&n.stats, &big, sizeof(big));
	nlmsg_free(msg);
}

static void acct_note_is_read_with_trigger(void **state)
{
	struct nl_msg *msg = kn_sta_acct(FAMILY, 7, sta, WPV_ACCT_QUANTUM,
					 NULL, &big);
	struct wpv_sta_note n;

	(void)state;
	assert_int_equal(wpv_msg_parse_sta_note(msg, &n), 0);
	assert_int_equal(n.cmd, WPV_CMD_STA_ACCT);
	assert_int_equal(n.trigger, WPV_ACCT_QUANTUM);
	assert_string_equal(n.identity, "");
	assert_int_equal(n.stats.rx_bytes, big.rx_bytes);
	nlmsg_free(msg);
}

static void station_dump_entry_gives_its_figures(void **state)
{
	struct nl_msg *msg = kn_sta_event(FAMILY, 7, sta, WPV_STATE_AUTHORISED,
					  WPV_STATE_AUTHORISED,
					  WPV_REASON_VERIFIED, "CN=alice",
					  &big);
	struct genlmsghdr *g = nlmsg_data(nlmsg_hdr(msg));
	struct wpv_sta_note n;

	(void)state;
	/* A dump entry carries what an event does, under STA_GET. */
	assert_int_equal(wpv_msg_parse_sta_dump(msg, &n), -WPV_MSG_OTHER);
	g->cmd = WPV_CMD_STA_GET;
	assert_int_equal(wpv_msg_parse_sta_note(msg, &n), -WPV_MSG_OTHER);
	assert_int_equal(wpv_msg_parse_sta_dump(msg, &n), 0);
	assert_int_equal(n.cmd, WPV_CMD_STA_GET);
	assert_memory_equal(&n.stats, &big, sizeof(big));
	nlmsg_free(msg);

	msg = wpv_msg_sta_get(FAMILY, 7);
	assert_non_null(msg);
	assert_true(nlmsg_hdr(msg)->nlmsg_flags & NLM_F_DUMP);
	assert_int_equal(((struct genlmsghdr *)nlmsg_data(nlmsg_hdr(msg)))->cmd,
			 WPV_CMD_STA_GET);
	nlmsg_free(msg);
}

static struct nl_msg *bare_note(int cmd, int mac_len, int state)
{
	struct nl_msg *msg = nlmsg_alloc();

	assert_non_null(genlmsg_put(msg, 0, 0, FAMILY, 0, 0, cmd, 1));
	nla_put_u32(msg, WPV_A_IFINDEX, 7);
	nla_put(msg, WPV_A_STA_ADDR, mac_len, sta);
	if (state >= 0)
		nla_put_u8(msg, WPV_A_STA_STATE, state);
	return msg;
}

static void bad_notifications_are_refused(void **state)
{
	const struct {
		int cmd, mac_len, state, err;
	} cases[] = {
		{ WPV_CMD_STA_EVENT, 6, -1, WPV_MSG_MISSING },
		{ WPV_CMD_STA_EVENT, 5, WPV_STATE_PREVIEW, WPV_MSG_PARSE },
		{ WPV_CMD_STA_EVENT, 6, __WPV_STATE_MAX, WPV_MSG_PARSE },
		{ WPV_CMD_VERIFY, 6, WPV_STATE_PREVIEW, WPV_MSG_OTHER },
	};
	struct wpv_sta_note n;
	struct nl_msg *msg;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		msg = bare_note(cases[i].cmd, cases[i].mac_len,
				cases[i].state);
		assert_int_equal(wpv_msg_parse_sta_note(msg, &n),
				 -cases[i].err);
		nlmsg_free(msg);
	}
	/* An event without stats or reason is still an event. */
	msg = bare_note(WPV_CMD_STA_EVENT, 6, WPV_STATE_AUTHORISED);
	assert_int_equal(wpv_msg_parse_sta_note(msg, &n), 0);
	assert_false(n.has_stats);
	assert_int_equal(n.prev_state, WPV_STATE_AUTHORISED);
	nlmsg_free(msg);
}

static void nl80211_interface_gives_ssid_and_bssid(void **state)
{
	struct nl_msg *msg = kn_new_interface(0x1c, 7, "wlan0", bssid,
					      "PreviewNet");
	struct wpv_iface_info info;

	(void)state;
	assert_int_equal(wpv_msg_parse_interface(msg, &info), 0);
	assert_string_equal(info.ifname, "wlan0");
	assert_memory_equal(info.bssid, bssid, 6);
	assert_string_equal(info.ssid, "PreviewNet");
	assert_int_equal(info.ssid_len, 10);
	nlmsg_free(msg);
	msg = wpv_msg_get_interface(0x1c, 7);
	assert_non_null(msg);
	assert_int_equal(((struct genlmsghdr *)nlmsg_data(nlmsg_hdr(msg)))->cmd,
			 NL80211_CMD_GET_INTERFACE);
	nlmsg_free(msg);
}

/* ---- sessions file ---------------------------------------------------------- */

static char dir[64];

static int make_dir(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/wpv-charge.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

static int remove_dir(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	return system(cmd);
}

static void sessions_round_trip(void **state)
{
	static struct wpv_session_info in[2] = {
		{ .ifname = "wlan0", .ifindex = 7, .ssid = "Caf\xc3\xa9 \"Net\"",
		  .identity = "CN=a\\b,O=\x01tab\there", .session_id =
		  "0123456789ABCDEF", .start_time = 1700000000,
		  .updated = 1700000300, .counters = { 1ULL << 40, 2, 3, 4 } },
		{ .ifname = "wlan1", .ifindex = 9, .session_id = "FEDCBA9876543210" },
	};
	struct wpv_session_info *out;
	char path[96];
	size_t n;

	(void)state;
	memcpy(in[0].station, sta, 6);
	memcpy(in[0].bssid, bssid, 6);
	in[1].station[5] = 0xff;
	snprintf(path, sizeof(path), "%s/sessions.json", dir);
	assert_int_equal(wpv_sessions_write(path, in, 2), 0);
	assert_int_equal(wpv_sessions_read(path, &out, &n), 0);
	assert_int_equal(n, 2);
	assert_memory_equal(out, in, sizeof(in));
	assert_ptr_equal(wpv_sessions_find(out, n, 9, in[1].station), &out[1]);
	assert_null(wpv_sessions_find(out, n, 7, in[1].station));
	free(out);

	assert_int_equal(wpv_sessions_write(path, NULL, 0), 0);
	assert_int_equal(wpv_sessions_read(path, &out, &n), 0);
	assert_int_equal(n, 0);
	assert_null(out);
	unlink(path);
	assert_int_equal(wpv_sessions_read(path, &out, &n), -ENOENT);
}

static void damaged_sessions_file_is_refused(void **state)
{
	static const char *const bad[] = {
		"",
		"{\"version\":1,\"sessions\":[\n",
		"{\"version\":2,\"sessions\":[\n]}\n",
		"{\"version\":1,\"sessions\":[\n{\"station\":\"02:00:00:00:02:01\"}\n]}\n",
		"{\"version\":1,\"sessions\":[\n{\"ifindex\":1,\"station\":\"x\",\"session_id\":\"A\"}\n]}\n",
		"{\"version\":1,\"sessions\":[\n{\"ifindex\":1,\"station\":\"02:00:00:00:02:01\",\"session_id\":\"A\"\n]}\n",
		"{\"version\":1,\"sessions\":[\n{\"ifindex\":1,\"station\":\"02:00:00:00:02:01\",\"session_id\":\"A\",\"ssid\":\"\\q\"}\n]}\n",
		"{\"version\":1,\"sessions\":[\n]}",
	};
	struct wpv_session_info *out;
	char path[96];
	size_t i, n;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/bad.json", dir);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		f = fopen(path, "w");
		fputs(bad[i], f);
		fclose(f);
		if (wpv_sessions_read(path, &out, &n) != -EINVAL)
			fail_msg("damaged file %zu was read", i);
	}
}

/* ---- the charging layer, end to end without a kernel ---------------------- */

static int fake_iface(void *ctx, u32 ifindex, struct wpv_iface_info *info)
{
	int *calls = ctx;

	(*calls)++;
	memset(info, 0, sizeof(*info));
	snprintf(info->ifname, sizeof(info->ifname), "wlan%u", ifindex);
	memcpy(info->bssid, bssid, 6);
	strcpy(info->ssid, "PreviewNet");
	return 0;
}

static void feed(struct wpv_charge *c, struct nl_msg *msg)
{
	struct wpv_sta_note n;

	assert_non_null(msg);
	assert_int_equal(wpv_msg_parse_sta_note(msg, &n), 0);
	wpv_charge_note(c, &n);
	nlmsg_free(msg);
}

static int count_lines(const char *path, const char *needle)
{
	char line[4096];
	int n = 0;
	FILE *f = fopen(path, "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f))
		n += strstr(line, needle) != NULL;
	fclose(f);
	return n;
}

static struct wpv_charge *open_layer(struct charging_conf *conf, int *calls,
				     char *sessions, size_t len)
{
	struct wpv_charge_opts o = { .conf = conf, .iface = fake_iface,
				     .iface_ctx = calls };
	struct wpv_charge *c;

	charging_conf_defaults(conf);
	snprintf(conf->acct.log_path, sizeof(conf->acct.log_path),
		 "%s/acct.jsonl", dir);
	snprintf(conf->hooks.command[HOOK_VERIFIED], CONF_STR_MAX,
		 "env > %s/verified.env", dir);
	snprintf(conf->hooks.command[HOOK_BLOCKED], CONF_STR_MAX,
		 "env > %s/blocked.env", dir);
	snprintf(conf->hooks.command[HOOK_STOPPED], CONF_STR_MAX,
		 "env > %s/stopped.env", dir);
	snprintf(sessions, len, "%s/run/sessions.json", dir);
	o.sessions_file = sessions;
	assert_int_equal(wpv_charge_open(&o, &c), 0);
	return c;
}

static void accepted_station_is_charged_until_blocked(void **state)
{
	struct wpv_session_info *si;
	struct charging_conf conf;
	struct wpv_job job = { .ifindex = 7 };
	struct acct_counters mid = { 1000, 2000, 10, 20 };
	char sessions[128], log[128], env[128];
	struct wpv_charge *c;
	int calls = 0;
	size_t n;

	(void)state;
	c = open_layer(&conf, &calls, sessions, sizeof(sessions));
	snprintf(log, sizeof(log), "%s/acct.jsonl", dir);
	strcpy(job.facts.ifname, "wlan0");
	memcpy(job.facts.bssid, bssid, 6);
	memcpy(job.facts.sta_addr, sta, 6);
	job.res.verdict = WPV_VERDICT_ACCEPT;
	job.res.reason = WPV_REASON_VERIFIED;
	strcpy(job.res.identity, "CN=alice,O=example");
	wpv_charge_set_events(c, true);

	wpv_charge_verdict(c, &job);
	feed(c, kn_sta_event(FAMILY, 7, sta, WPV_STATE_AUTHORISED,
			     WPV_STATE_VERIFYING, WPV_REASON_VERIFIED,
			     job.res.identity, &(struct acct_counters){ 0 }));
	assert_int_equal(wpv_charge_sessions(c), 1);
	assert_int_equal(wpv_sessions_read(sessions, &si, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(si[0].identity, "CN=alice,O=example");
	assert_string_equal(si[0].ssid, "PreviewNet");
	assert_string_equal(si[0].ifname, "wlan0");
	free(si);

	feed(c, kn_sta_acct(FAMILY, 7, sta, WPV_ACCT_INTERVAL, NULL, &mid));
	assert_int_equal(wpv_sessions_read(sessions, &si, &n), 0);
	assert_int_equal(si[0].counters.rx_bytes, 2000);
	free(si);
	feed(c, kn_sta_event(FAMILY, 7, sta, WPV_STATE_BLOCKED,
			     WPV_STATE_AUTHORISED, WPV_REASON_CERT_REVOKED,
			     job.res.identity, &big));
	assert_int_equal(wpv_charge_sessions(c), 0);
	/* One SSID lookup served the whole session. */
	assert_int_equal(calls, 1);
	wpv_charge_close(c);

	assert_int_equal(count_lines(log, "\"event\":\"start\""), 1);
	assert_int_equal(count_lines(log, "\"tx_bytes\":1000,"), 1);
	assert_int_equal(count_lines(log, "\"rx_bytes\":6000000000,"), 1);
	assert_int_equal(count_lines(log, "\"cause\":\"blocked\""), 1);
	snprintf(env, sizeof(env), "%s/verified.env", dir);
	assert_int_equal(count_lines(env, "IDENTITY=CN=alice,O=example"), 1);
	assert_int_equal(count_lines(env, "SESSION_ID="), 1);
	snprintf(env, sizeof(env), "%s/stopped.env", dir);
	assert_int_equal(count_lines(env, "REASON=cert-revoked"), 1);
	snprintf(env, sizeof(env), "%s/blocked.env", dir);
	assert_int_equal(count_lines(env, "STATION=02:00:00:00:02:01"), 1);
	assert_int_equal(count_lines(env, "BSSID=02:00:00:00:01:00"), 1);
	assert_int_equal(count_lines(env, "INTERFACE=wlan0"), 1);
	/* No agent, no sessions file. */
	assert_int_equal(access(sessions, F_OK), -1);
}

static int fetch_now(void *ctx, u32 ifindex, const u8 *addr,
		     struct acct_counters *c)
{
	(void)ctx;
	(void)ifindex;
	(void)addr;
	*c = big;
	c->rx_bytes += 777;
	return 0;
}

static void manual_authorise_then_leave_and_shutdown(void **state)
{
	u8 other[6] = { 0x02, 0, 0, 0, 0x02, 0x09 };
	struct charging_conf conf;
	char sessions[128], log[128];
	struct wpv_charge *c;
	int calls = 0;

	(void)state;
	c = open_layer(&conf, &calls, sessions, sizeof(sessions));
	snprintf(log, sizeof(log), "%s/acct.jsonl", dir);
	unlink(log);
	wpv_charge_set_events(c, true);
	feed(c, kn_sta_event(FAMILY, 3, sta, WPV_STATE_AUTHORISED,
			     WPV_STATE_PREVIEW, WPV_REASON_ADMIN, "manual",
			     &(struct acct_counters){ 0 }));
	/* Figures of a station authorised before the agent started. */
	feed(c, kn_sta_acct(FAMILY, 3, other, WPV_ACCT_INTERVAL, "CN=bob",
			    &big));
	assert_int_equal(wpv_charge_sessions(c), 2);
	wpv_charge_gone(c, 3, sta, &(struct acct_counters){ 500, 600, 5, 6 });
	assert_int_equal(wpv_charge_sessions(c), 1);
	wpv_charge_stop_all(c, fetch_now, NULL);
	assert_int_equal(wpv_charge_sessions(c), 0);
	wpv_charge_close(c);
	assert_int_equal(count_lines(log, "\"identity\":\"manual\""), 2);
	assert_int_equal(count_lines(log, "\"interface\":\"wlan3\""), 5);
	assert_int_equal(count_lines(log, "\"cause\":\"leave\""), 1);
	/* The figures read when the station left are its last. */
	assert_int_equal(count_lines(log, "\"rx_bytes\":600,"), 1);
	assert_int_equal(count_lines(log, "\"cause\":\"shutdown\""), 1);
	assert_int_equal(count_lines(log, "\"identity\":\"CN=bob\""), 3);
	/* The Stop at shutdown has the figures read then. */
	assert_int_equal(count_lines(log, "\"rx_bytes\":6000000777,"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decisions_follow_the_table),
		cmocka_unit_test(stop_causes_reach_radius_values),
		cmocka_unit_test(state_event_is_read_with_auth_counters),
		cmocka_unit_test(acct_note_is_read_with_trigger),
		cmocka_unit_test(station_dump_entry_gives_its_figures),
		cmocka_unit_test(bad_notifications_are_refused),
		cmocka_unit_test(nl80211_interface_gives_ssid_and_bssid),
		cmocka_unit_test(sessions_round_trip),
		cmocka_unit_test(damaged_sessions_file_is_refused),
		cmocka_unit_test(accepted_station_is_charged_until_blocked),
		cmocka_unit_test(manual_authorise_then_leave_and_shutdown),
	};

	return cmocka_run_group_tests(tests, make_dir, remove_dir);
}
