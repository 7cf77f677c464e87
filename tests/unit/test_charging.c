// SPDX-License-Identifier: GPL-2.0
/*
 * The pure parts of charging, OCSP and hooks: configuration parsing, the
 * RFC 2866 mappings, the spool and JSON formats, cache lifetimes and the
 * hook environment.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "acct_record.h"
#include "charging_conf.h"
#include "hooks.h"
#include "ocsp.h"

static int conf_line(struct charging_conf *c, const char *text, char *err)
{
	char buf[1200];

	snprintf(buf, sizeof(buf), "%s", text);
	err[0] = '\0';
	return charging_conf_line(c, buf, err, 256);
}

static void conf_defaults_are_usable(void **state)
{
	struct charging_conf c;

	(void)state;
	charging_conf_defaults(&c);
	assert_int_equal(c.acct.radius_acct_port, 1813);
	assert_int_equal(c.ocsp.policy, OCSP_POLICY_FAIL_CLOSED);
	assert_string_equal(c.acct.dictionary, "/etc/radcli/dictionary");
	assert_string_equal(c.acct.radius_server, "");
	assert_true(c.hooks.timeout > 0);
}

static void conf_accepts_every_key(void **state)
{
	static const char *const lines[] = {
		"radius_server = radius.example.net",
		"radius_secret_file = /etc/wpv/radius.secret",
		"radius_acct_port = 1646",
		"radius_timeout = 4",
		"radius_retries = 3",
		"acct_retry_max = 120",
		"acct_interim_interval = 600",
		"nas_identifier = ap-7",
		"acct_log = /var/log/wpv/acct.jsonl",
		"acct_spool_dir = /var/spool/wpv",
		"radius_dictionary = /usr/share/radcli/dictionary",
		"ocsp_url = http://ocsp.example.net/",
		"ocsp_policy = fail-open",
		"ocsp_timeout = 7",
		"ocsp_max_age = 900",
		"ocsp_ca_file = /etc/wpv/ca.pem",
		"hook_verified = /usr/lib/wpv/verified",
		"hook_blocked = logger blocked $STATION",
		"hook_stopped = /usr/lib/wpv/stopped --now",
		"hook_timeout = 10",
	};
	struct charging_conf c;
	char err[256];
	size_t i;

	(void)state;
	charging_conf_defaults(&c);
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		assert_int_equal(conf_line(&c, lines[i], err), 0);
	assert_string_equal(c.acct.radius_server, "radius.example.net");
	assert_int_equal(c.acct.radius_acct_port, 1646);
	assert_int_equal(c.acct.retry_max, 120);
	assert_int_equal(c.acct.interim_interval, 600);
	assert_string_equal(c.acct.nas_identifier, "ap-7");
	assert_int_equal(c.ocsp.policy, OCSP_POLICY_FAIL_OPEN);
	assert_int_equal(c.ocsp.max_age, 900);
	assert_string_equal(c.hooks.command[HOOK_BLOCKED],
			    "logger blocked $STATION");
	assert_string_equal(c.hooks.command[HOOK_STOPPED],
			    "/usr/lib/wpv/stopped --now");
	assert_int_equal(c.hooks.timeout, 10);
}

static void conf_skips_comments_and_blanks(void **state)
{
	struct charging_conf c, before;
	char err[256];

	(void)state;
	charging_conf_defaults(&c);
	before = c;
	assert_int_equal(conf_line(&c, "", err), 0);
	assert_int_equal(conf_line(&c, "   \t ", err), 0);
	assert_int_equal(conf_line(&c, "# radius_acct_port = 9", err), 0);
	assert_int_equal(conf_line(&c, "  # indented comment", err), 0);
	assert_memory_equal(&c, &before, sizeof(c));
}

static void conf_quotes_keep_blanks(void **state)
{
	struct charging_conf c;
	char err[256];

	(void)state;
	charging_conf_defaults(&c);
	assert_int_equal(conf_line(&c, "nas_identifier = \" ap 7 \"", err), 0);
	assert_string_equal(c.acct.nas_identifier, " ap 7 ");
	assert_int_equal(conf_line(&c, "nas_identifier = \"open", err),
			 -EINVAL);
	assert_non_null(strstr(err, "unterminated quote"));
}

static void conf_policy_switches_back(void **state)
{
	struct charging_conf c;
	char err[256];

	(void)state;
	charging_conf_defaults(&c);
	assert_int_equal(conf_line(&c, "ocsp_policy=fail-open", err), 0);
	assert_int_equal(c.ocsp.policy, OCSP_POLICY_FAIL_OPEN);
	assert_int_equal(conf_line(&c, "ocsp_policy=fail-closed", err), 0);
	assert_int_equal(c.ocsp.policy, OCSP_POLICY_FAIL_CLOSED);
}

/* Each bad line, its error and a word the message must contain. */
static const struct {
	const char *line;
	int ret;
	const char *msg;
} bad_lines[] = {
	{ "radius_acct_port = 0", -EINVAL, "out of range" },
	{ "radius_acct_port = 65536", -EINVAL, "out of range" },
	{ "radius_acct_port = -1", -EINVAL, "not a number" },
	{ "radius_acct_port = 12abc", -EINVAL, "not a number" },
	{ "radius_acct_port = 99999999999999999999", -EINVAL, "not a number" },
	{ "radius_timeout =", -EINVAL, "not a number" },
	{ "ocsp_policy = maybe", -EINVAL, "fail-open nor fail-closed" },
	{ "ocsp_policy = FAIL-OPEN", -EINVAL, "fail-open nor fail-closed" },
	{ "acct_log = relative.log", -EINVAL, "absolute path" },
	{ "radius_secret_file = secret", -EINVAL, "absolute path" },
	{ "no_such_key = 1", -ENOENT, "unknown key 'no_such_key'" },
	{ "radius_server", -EINVAL, "key = value" },
	{ "= value", -EINVAL, "missing key" },
	{ "nas_identifier = a\x01" "b", -EINVAL, "control character" },
};

static void conf_refuses_bad_lines(void **state)
{
	struct charging_conf c, before;
	char err[256];
	size_t i;

	(void)state;
	charging_conf_defaults(&c);
	before = c;
	for (i = 0; i < sizeof(bad_lines) / sizeof(bad_lines[0]); i++) {
		assert_int_equal(conf_line(&c, bad_lines[i].line, err),
				 bad_lines[i].ret);
		if (!strstr(err, bad_lines[i].msg))
			fail_msg("'%s': message '%s' lacks '%s'",
				 bad_lines[i].line, err, bad_lines[i].msg);
	}
	/* Nothing half-written. */
	assert_memory_equal(&c, &before, sizeof(c));
}

static void conf_refuses_too_long_value(void **state)
{
	char line[CONF_STR_MAX + 40], err[256];
	struct charging_conf c;

	(void)state;
	charging_conf_defaults(&c);
	strcpy(line, "ocsp_url = ");
	memset(line + strlen(line), 'a', CONF_STR_MAX);
	line[sizeof("ocsp_url = ") - 1 + CONF_STR_MAX] = '\0';
	assert_int_equal(conf_line(&c, line, err), -EINVAL);
	assert_non_null(strstr(err, "longer than"));
	assert_string_equal(c.ocsp.url, "");
}

static char *write_temp(const char *text, mode_t mode)
{
	char *path = strdup("/tmp/wpv-unit-XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	fchmod(fd, mode);
	close(fd);
	return path;
}

static void conf_load_names_file_and_line(void **state)
{
	char *path, *out = NULL, want[300];
	struct charging_conf c;
	size_t outlen = 0;
	FILE *errs;

	(void)state;
	path = write_temp("# test\nradius_acct_port = 1700\n"
			  "ocsp_timeout = 0\n\nbogus\nhook_timeout = 3\n",
			  0600);
	errs = open_memstream(&out, &outlen);
	charging_conf_defaults(&c);
	assert_int_equal(charging_conf_load(&c, path, errs), -EINVAL);
	fclose(errs);
	snprintf(want, sizeof(want),
		 "%s:3: ocsp_timeout: 0 is out of range 1-60\n"
		 "%s:5: expected 'key = value'\n", path, path);
	assert_string_equal(out, want);
	/* Good lines around bad ones still count. */
	assert_int_equal(c.acct.radius_acct_port, 1700);
	assert_int_equal(c.hooks.timeout, 3);
	unlink(path);
	free(path);
	free(out);
}

static void conf_load_missing_file(void **state)
{
	struct charging_conf c;
	char *out = NULL;
	size_t outlen = 0;
	FILE *errs;

	(void)state;
	errs = open_memstream(&out, &outlen);
	charging_conf_defaults(&c);
	assert_int_equal(charging_conf_load(&c, "/nonexistent/wpv.conf", errs),
			 -ENOENT);
	fclose(errs);
	assert_non_null(strstr(out, "/nonexistent/wpv.conf: "));
	free(out);
}

static void secret_read_strips_newline(void **state)
{
	char *path, buf[64], err[256];

	(void)state;
	path = write_temp("s3cr3t\n", 0600);
	assert_int_equal(charging_conf_read_secret(path, buf, sizeof(buf), err,
						   sizeof(err)), 0);
	assert_string_equal(buf, "s3cr3t");
	unlink(path);
	free(path);
}

static void secret_refused_when_others_can_read(void **state)
{
	char *path, buf[64], err[256];

	(void)state;
	path = write_temp("s3cr3t\n", 0644);
	assert_int_equal(charging_conf_read_secret(path, buf, sizeof(buf), err,
						   sizeof(err)), -EPERM);
	assert_non_null(strstr(err, "readable by group or others"));
	unlink(path);
	free(path);
}

static void secret_refused_when_empty_or_too_long(void **state)
{
	char *path, buf[8], err[256];

	(void)state;
	path = write_temp("\n", 0600);
	assert_int_equal(charging_conf_read_secret(path, buf, sizeof(buf), err,
						   sizeof(err)), -EINVAL);
	unlink(path);
	free(path);
	path = write_temp("0123456789abcdef", 0600);
	assert_int_equal(charging_conf_read_secret(path, buf, sizeof(buf), err,
						   sizeof(err)), -EINVAL);
	unlink(path);
	free(path);
}

static void gigawords_split_64bit_counts(void **state)
{
	static const struct {
		uint64_t v;
		uint32_t giga, low;
	} cases[] = {
		{ 0, 0, 0 },
		{ 4294967295ULL, 0, 4294967295U },
		{ 4294967296ULL, 1, 0 },
		{ 5000000000ULL, 1, 705032704U },
		{ 12884901890ULL, 3, 2 },
		{ UINT64_MAX, UINT32_MAX, UINT32_MAX },
	};
	uint32_t giga, low;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		acct_split64(cases[i].v, &giga, &low);
		assert_int_equal(giga, cases[i].giga);
		assert_int_equal(low, cases[i].low);
	}
}

static void terminate_cause_follows_rfc2866(void **state)
{
	(void)state;
	assert_int_equal(acct_terminate_cause(ACCT_CAUSE_LEAVE), 1);
	assert_int_equal(acct_terminate_cause(ACCT_CAUSE_LOST), 2);
	assert_int_equal(acct_terminate_cause(ACCT_CAUSE_IDLE), 4);
	assert_int_equal(acct_terminate_cause(ACCT_CAUSE_LIMIT), 5);
	assert_int_equal(acct_terminate_cause(ACCT_CAUSE_ADMIN), 6);
	assert_int_equal(acct_terminate_cause(ACCT_CAUSE_SHUTDOWN), 7);
	assert_int_equal(acct_terminate_cause(ACCT_CAUSE_ERROR), 9);
	assert_int_equal(acct_terminate_cause(ACCT_CAUSE_BLOCKED), 17);
	/* Out of range reads as NAS Error, not garbage. */
	assert_int_equal(acct_terminate_cause(__ACCT_CAUSE_MAX), 9);
	assert_int_equal(acct_terminate_cause((enum acct_cause)-1), 9);
	assert_string_equal(acct_cause_name(ACCT_CAUSE_BLOCKED), "blocked");
	assert_string_equal(acct_cause_name(__ACCT_CAUSE_MAX), "error");
}

static void stop_cause_from_module_reason(void **state)
{
	static const struct {
		enum wpv_reason reason;
		enum acct_cause cause;
	} cases[] = {
		{ WPV_REASON_NONE, ACCT_CAUSE_LEAVE },
		{ WPV_REASON_ADMIN, ACCT_CAUSE_ADMIN },
		{ WPV_REASON_HOLDDOWN, ACCT_CAUSE_ADMIN },
		{ WPV_REASON_AGENT_GONE, ACCT_CAUSE_SHUTDOWN },
		{ WPV_REASON_TIMEOUT, ACCT_CAUSE_BLOCKED },
		{ WPV_REASON_BAD_SIGNATURE, ACCT_CAUSE_BLOCKED },
		{ WPV_REASON_CERT_REVOKED, ACCT_CAUSE_BLOCKED },
		{ WPV_REASON_STATUS_UNKNOWN, ACCT_CAUSE_BLOCKED },
		{ WPV_REASON_VERIFIED, ACCT_CAUSE_ERROR },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(acct_cause_from_reason(cases[i].reason),
				 cases[i].cause);
}

static void mac_and_called_station_rfc3580(void **state)
{
	static const unsigned char mac[6] = { 2, 0xab, 0, 0x10, 0xfe, 9 };
	struct acct_record r = { 0 };
	char buf[64];

	(void)state;
	acct_format_mac(r.bssid, mac);
	assert_string_equal(r.bssid, "02-AB-00-10-FE-09");
	strcpy(r.ssid, "Cafe Net");
	assert_int_equal(acct_called_station(&r, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "02-AB-00-10-FE-09:Cafe Net");
	r.ssid[0] = '\0';
	assert_int_equal(acct_called_station(&r, buf, sizeof(buf)), 0);
	assert_string_equal(buf, "02-AB-00-10-FE-09");
	assert_int_equal(acct_called_station(&r, buf, 10), -ENOSPC);
}

static void sample_record(struct acct_record *r)
{
	memset(r, 0, sizeof(*r));
	r->status = ACCT_STATUS_STOP;
	r->seq = 1796302701000002ULL;
	strcpy(r->session_id, "5E150CE0225478CB");
	strcpy(r->identity, "CN=alice \"A\" \\ 100%\n");
	strcpy(r->station, "02-00-00-00-02-01");
	strcpy(r->bssid, "02-00-00-00-01-00");
	strcpy(r->ssid, "a=b%c\td\x7f");
	strcpy(r->ifname, "wlan0");
	r->start_time = 1796302000;
	r->event_time = 1796302701;
	r->counters.tx_bytes = 5000000100ULL;
	r->counters.rx_bytes = UINT64_MAX;
	r->counters.tx_frames = 4000001;
	r->counters.rx_frames = 0;
	r->trigger = ACCT_TRIGGER_QUANTUM;
	r->cause = ACCT_CAUSE_ADMIN;
}

static void spool_round_trip_keeps_every_byte(void **state)
{
	struct acct_record r, back;
	char text[ACCT_SPOOL_MAX];
	int len;

	(void)state;
	sample_record(&r);
	len = acct_record_to_spool(&r, text, sizeof(text));
	assert_true(len > 0);
	assert_int_equal(strlen(text), len);
	/* Escaped: one record per line, whatever the SSID holds. */
	assert_non_null(strstr(text, "ssid=a=b%25c%09d%7F\n"));
	assert_int_equal(acct_record_from_spool(&back, text), 0);
	assert_memory_equal(&r, &back, sizeof(r));
}

static void spool_refuses_damaged_text(void **state)
{
	static const char *const damage[][2] = {
		{ "wpv-acct 1\n", "wpv-acct 2\n" },	/* magic */
		{ "seq=", "seq=x" },			/* number */
		{ "cause=4\n", "" },			/* missing field */
		{ "cause=4\n", "cause=4\ncause=4\n" },	/* duplicate */
		{ "cause=4\n", "cause=99\n" },		/* range */
		{ "cause=4\n", "cause=4\nextra=1\n" },	/* unknown key */
		{ "%7F\n", "%7\n" },			/* truncated escape */
		{ "%25c", "%zzc" },			/* bad escape */
		{ "%25c", "%00c" },			/* NUL */
		{ "status=2\n", "status=0\n" },		/* no such status */
		{ "cause=4\n", "cause=4" },		/* no final newline */
	};
	char text[ACCT_SPOOL_MAX], bad[ACCT_SPOOL_MAX + 64], *at;
	struct acct_record r;
	size_t i;

	(void)state;
	sample_record(&r);
	assert_true(acct_record_to_spool(&r, text, sizeof(text)) > 0);
	for (i = 0; i < sizeof(damage) / sizeof(damage[0]); i++) {
		at = strstr(text, damage[i][0]);
		assert_non_null(at);
		snprintf(bad, sizeof(bad), "%.*s%s%s", (int)(at - text), text,
			 damage[i][1], at + strlen(damage[i][0]));
		if (acct_record_from_spool(&r, bad) != -EINVAL)
			fail_msg("damage %zu accepted", i);
	}
}

static void spool_refuses_small_buffer(void **state)
{
	struct acct_record r;
	char text[64];

	(void)state;
	sample_record(&r);
	assert_int_equal(acct_record_to_spool(&r, text, sizeof(text)),
			 -ENOSPC);
}

static void json_stop_line_exact(void **state)
{
	char line[ACCT_JSON_MAX];
	struct acct_record r;
	int len;

	(void)state;
	sample_record(&r);
	strcpy(r.identity, "alice");
	strcpy(r.ssid, "PreviewNet");
	len = acct_record_to_json(&r, line, sizeof(line));
	assert_string_equal(line,
		"{\"time\":\"2026-12-03T12:58:21Z\",\"event\":\"stop\","
		"\"seq\":1796302701000002,\"session_id\":\"5E150CE0225478CB\","
		"\"identity\":\"alice\",\"station\":\"02-00-00-00-02-01\","
		"\"bssid\":\"02-00-00-00-01-00\",\"ssid\":\"PreviewNet\","
		"\"interface\":\"wlan0\",\"session_time\":701,"
		"\"tx_bytes\":5000000100,\"rx_bytes\":18446744073709551615,"
		"\"tx_frames\":4000001,\"rx_frames\":0,"
		"\"cause\":\"admin\",\"terminate_cause\":6}\n");
	assert_int_equal(len, strlen(line));
}

static void json_start_and_interim_fields(void **state)
{
	char line[ACCT_JSON_MAX];
	struct acct_record r;

	(void)state;
	sample_record(&r);
	r.status = ACCT_STATUS_START;
	acct_record_to_json(&r, line, sizeof(line));
	assert_non_null(strstr(line, "\"event\":\"start\""));
	assert_null(strstr(line, "\"trigger\""));
	assert_null(strstr(line, "\"cause\""));
	r.status = ACCT_STATUS_INTERIM;
	acct_record_to_json(&r, line, sizeof(line));
	assert_non_null(strstr(line, "\"event\":\"interim\""));
	assert_non_null(strstr(line, "\"trigger\":\"quantum\"}"));
	assert_null(strstr(line, "\"cause\""));
}

static void json_escapes_strings(void **state)
{
	char line[ACCT_JSON_MAX];
	struct acct_record r;

	(void)state;
	sample_record(&r);
	acct_record_to_json(&r, line, sizeof(line));
	assert_non_null(strstr(line,
		"\"identity\":\"CN=alice \\\"A\\\" \\\\ 100%\\u000a\""));
	assert_non_null(strstr(line, "\"ssid\":\"a=b%c\\u0009d\\u007f\""));
}

static void json_keeps_utf8_replaces_invalid(void **state)
{
	char line[ACCT_JSON_MAX];
	struct acct_record r;

	(void)state;
	sample_record(&r);
	/* "zhang" in Chinese, then a lone continuation byte and an overlong */
	strcpy(r.identity, "\xe5\xbc\xa0\x80\xc0\xaf!");
	/* a truncated sequence at the end */
	strcpy(r.ssid, "ab\xe5\xbc");
	acct_record_to_json(&r, line, sizeof(line));
	assert_non_null(strstr(line,
		"\"identity\":\"\xe5\xbc\xa0\\ufffd\\ufffd\\ufffd!\""));
	assert_non_null(strstr(line, "\"ssid\":\"ab\\ufffd\\ufffd\""));
}

static void json_refuses_small_buffer(void **state)
{
	struct acct_record r;
	char line[100];

	(void)state;
	sample_record(&r);
	assert_int_equal(acct_record_to_json(&r, line, sizeof(line)), -ENOSPC);
}

static void ocsp_cache_lifetime(void **state)
{
	(void)state;
	/* nextUpdate rules when given, max age does not extend it */
	assert_int_equal(ocsp_cache_until(1000, 1300, 3600), 1300);
	assert_int_equal(ocsp_cache_until(1000, 1300, 0), 1300);
	/* already past: not cached */
	assert_int_equal(ocsp_cache_until(1000, 1000, 3600), 0);
	assert_int_equal(ocsp_cache_until(1000, 900, 3600), 0);
	/* no nextUpdate: max age, or not at all */
	assert_int_equal(ocsp_cache_until(1000, 0, 60), 1060);
	assert_int_equal(ocsp_cache_until(1000, 0, 0), 0);
	assert_string_equal(ocsp_status_name(OCSP_STATUS_REVOKED), "revoked");
	assert_string_equal(ocsp_status_name(OCSP_STATUS_UNAVAILABLE),
			    "unavailable");
}

static const char *env_get(char **envp, const char *name)
{
	size_t n = strlen(name);

	for (; *envp; envp++)
		if (!strncmp(*envp, name, n) && (*envp)[n] == '=')
			return *envp + n + 1;
	return NULL;
}

static void hook_env_has_every_fact(void **state)
{
	static const unsigned char sta[6] = { 0x02, 0, 0, 0, 0x02, 0xa1 };
	static const unsigned char bssid[6] = { 0x02, 0, 0, 0, 0x01, 0 };
	char store[HOOK_ENV_SIZE], *envp[HOOK_ENV_VARS + 1];
	struct hook_env env = {
		.sta = sta, .ifname = "wlan0", .bssid = bssid,
		.identity = "alice", .reason = WPV_REASON_VERIFIED,
		.session_id = "0123456789ABCDEF",
	};

	(void)state;
	assert_int_equal(hooks_build_env(HOOK_VERIFIED, &env, store,
					 sizeof(store), envp), HOOK_ENV_VARS);
	assert_null(envp[HOOK_ENV_VARS]);
	assert_string_equal(env_get(envp, "EVENT"), "verified");
	assert_string_equal(env_get(envp, "STATION"), "02:00:00:00:02:a1");
	assert_string_equal(env_get(envp, "INTERFACE"), "wlan0");
	assert_string_equal(env_get(envp, "BSSID"), "02:00:00:00:01:00");
	assert_string_equal(env_get(envp, "IDENTITY"), "alice");
	assert_string_equal(env_get(envp, "REASON"), "verified");
	assert_string_equal(env_get(envp, "REASON_CODE"), "1");
	assert_string_equal(env_get(envp, "SESSION_ID"), "0123456789ABCDEF");
	assert_non_null(env_get(envp, "PATH"));
}

static void hook_env_leaves_out_unknowns(void **state)
{
	static const unsigned char sta[6] = { 0x02, 0, 0, 0, 0x02, 0xa1 };
	char store[HOOK_ENV_SIZE], *envp[HOOK_ENV_VARS + 1];
	struct hook_env env = {
		.sta = sta, .ifname = "wlan0",
		.reason = WPV_REASON_CERT_REVOKED,
	};

	(void)state;
	assert_int_equal(hooks_build_env(HOOK_BLOCKED, &env, store,
					 sizeof(store), envp),
			 HOOK_ENV_VARS - 2);
	assert_null(env_get(envp, "BSSID"));
	assert_null(env_get(envp, "SESSION_ID"));
	assert_string_equal(env_get(envp, "IDENTITY"), "");
	assert_string_equal(env_get(envp, "REASON"), "cert-revoked");
	assert_string_equal(env_get(envp, "EVENT"), "blocked");
}

static void hook_env_fits_longest_identity(void **state)
{
	static const unsigned char mac[6] = { 0 };
	char store[HOOK_ENV_SIZE], *envp[HOOK_ENV_VARS + 1];
	char identity[256], ifname[16];
	struct hook_env env = {
		.sta = mac, .bssid = mac, .ifname = ifname,
		.identity = identity, .reason = WPV_REASON_STATUS_UNKNOWN,
		.session_id = "0123456789ABCDEF",
	};

	(void)state;
	memset(identity, 'x', 255);
	identity[255] = '\0';
	memset(ifname, 'i', 15);
	ifname[15] = '\0';
	assert_int_equal(hooks_build_env(HOOK_STOPPED, &env, store,
					 sizeof(store), envp), HOOK_ENV_VARS);
	assert_int_equal(hooks_build_env(HOOK_STOPPED, &env, store, 200, envp),
			 -ENOSPC);
}

static void hook_reason_names_cover_uapi(void **state)
{
	int r;

	(void)state;
	for (r = 0; r < __WPV_REASON_MAX; r++)
		assert_non_null(hooks_reason_name(r));
	assert_string_equal(hooks_reason_name(WPV_REASON_STATUS_UNKNOWN),
			    "status-unknown");
	assert_string_equal(hooks_reason_name(__WPV_REASON_MAX), "unknown");
	assert_string_equal(hooks_event_name(HOOK_STOPPED), "stopped");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(conf_defaults_are_usable),
		cmocka_unit_test(conf_accepts_every_key),
		cmocka_unit_test(conf_skips_comments_and_blanks),
		cmocka_unit_test(conf_quotes_keep_blanks),
		cmocka_unit_test(conf_policy_switches_back),
		cmocka_unit_test(conf_refuses_bad_lines),
		cmocka_unit_test(conf_refuses_too_long_value),
		cmocka_unit_test(conf_load_names_file_and_line),
		cmocka_unit_test(conf_load_missing_file),
		cmocka_unit_test(secret_read_strips_newline),
		cmocka_unit_test(secret_refused_when_others_can_read),
		cmocka_unit_test(secret_refused_when_empty_or_too_long),
		cmocka_unit_test(gigawords_split_64bit_counts),
		cmocka_unit_test(terminate_cause_follows_rfc2866),
		cmocka_unit_test(stop_cause_from_module_reason),
		cmocka_unit_test(mac_and_called_station_rfc3580),
		cmocka_unit_test(spool_round_trip_keeps_every_byte),
		cmocka_unit_test(spool_refuses_damaged_text),
		cmocka_unit_test(spool_refuses_small_buffer),
		cmocka_unit_test(json_stop_line_exact),
		cmocka_unit_test(json_start_and_interim_fields),
		cmocka_unit_test(json_escapes_strings),
		cmocka_unit_test(json_keeps_utf8_replaces_invalid),
		cmocka_unit_test(json_refuses_small_buffer),
		cmocka_unit_test(ocsp_cache_lifetime),
		cmocka_unit_test(hook_env_has_every_fact),
		cmocka_unit_test(hook_env_leaves_out_unknowns),
		cmocka_unit_test(hook_env_fits_longest_identity),
		cmocka_unit_test(hook_reason_names_cover_uapi),
	};

	return cmocka_run_group_tests_name("charging", tests, NULL, NULL);
}
