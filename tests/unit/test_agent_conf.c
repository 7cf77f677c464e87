// SPDX-License-Identifier: GPL-2.0
/*
 * The agent's configuration file: values and defaults are read, and every
 * kind of bad line is refused with file:line and what is wrong.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <syslog.h>
#include <unistd.h>

#include "agent_conf.h"

static char path[64];

static void write_conf(const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	int fd;

	(void)state;
	strcpy(path, "/tmp/wpv-conf.XXXXXX");
	fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return unlink(path);
}

/* Load @text and expect failure with @msg after "path:line: ". */
static void expect_refused(const char *text, unsigned int line,
			   const char *msg)
{
	struct wpv_agent_conf c;
	char err[512], want[512];

	write_conf(text);
	assert_int_not_equal(wpv_agent_conf_load(path, &c, err, sizeof(err)),
			     0);
	snprintf(want, sizeof(want), "%s:%u: %s", path, line, msg);
	assert_string_equal(err, want);
	assert_null(c.ca_file);
}

static void full_file_is_read(void **state)
{
	struct wpv_agent_conf c;
	char err[256];

	(void)state;
	write_conf("# comment\n\n  ca_file = /etc/wpv/ca.pem  \n"
		   "ca_dir=/etc/wpv/ca.d\ncrl_file = /etc/wpv/crl.pem\n"
		   "crl_check = no\nkeys_dir = /etc/wpv/keys\nworkers = 8\n"
		   "max_pending = 10\nlog_level = debug\n");
	assert_int_equal(wpv_agent_conf_load(path, &c, err, sizeof(err)), 0);
	assert_string_equal(c.ca_file, "/etc/wpv/ca.pem");
	assert_string_equal(c.ca_dir, "/etc/wpv/ca.d");
	assert_string_equal(c.crl_file, "/etc/wpv/crl.pem");
	assert_string_equal(c.keys_dir, "/etc/wpv/keys");
	assert_false(c.crl_check);
	assert_int_equal(c.workers, 8);
	assert_int_equal(c.max_pending, 10);
	assert_int_equal(c.log_level, LOG_DEBUG);
	wpv_agent_conf_free(&c);
}

static void defaults_apply_to_keys_not_given(void **state)
{
	struct wpv_agent_conf c;
	char err[256];

	(void)state;
	write_conf("keys_dir = /k\n");
	assert_int_equal(wpv_agent_conf_load(path, &c, err, sizeof(err)), 0);
	assert_true(c.crl_check);
	assert_int_equal(c.workers, 4);
	assert_int_equal(c.max_pending, 1024);
	assert_int_equal(c.log_level, LOG_INFO);
	assert_null(c.ca_file);
	assert_false(c.charging.acct.interim_interval_set);
	wpv_agent_conf_free(&c);
}

static void unknown_key_is_refused_with_its_line(void **state)
{
	(void)state;
	expect_refused("ca_file = /a\n# x\nca_fiel = /b\n", 3,
		       "unknown key 'ca_fiel'");
}

static void line_without_equals_is_refused(void **state)
{
	(void)state;
	expect_refused("ca_file /a\n", 1, "expected 'key = value'");
}

static void repeated_key_is_refused(void **state)
{
	(void)state;
	expect_refused("ca_file = /a\nca_file = /b\n", 2,
		       "ca_file given twice");
}

static void empty_value_is_refused(void **state)
{
	(void)state;
	expect_refused("ca_file =\n", 1, "ca_file has no value");
}

static void relative_path_is_refused(void **state)
{
	(void)state;
	expect_refused("ca_file = ca.pem\n", 1,
		       "ca_file must be an absolute path");
}

static void out_of_range_number_is_refused(void **state)
{
	(void)state;
	expect_refused("keys_dir = /k\nworkers = 0\n", 2,
		       "workers must be a number from 1 to 64");
	expect_refused("keys_dir = /k\nworkers = 4x\n", 2,
		       "workers must be a number from 1 to 64");
	expect_refused("keys_dir = /k\nmax_pending = -1\n", 2,
		       "max_pending must be a number from 1 to 65536");
}

static void bad_bool_and_level_are_refused(void **state)
{
	(void)state;
	expect_refused("crl_check = true\n", 1, "crl_check must be yes or no");
	expect_refused("log_level = loud\n", 1,
		       "log_level must be err, warning, notice, info or debug");
}

static void overlong_line_is_refused(void **state)
{
	char text[1200];

	(void)state;
	memset(text, 'a', sizeof(text) - 2);
	text[sizeof(text) - 2] = '\n';
	text[sizeof(text) - 1] = '\0';
	expect_refused(text, 1, "line longer than 1024 bytes");
}

static void file_with_nothing_to_trust_is_refused(void **state)
{
	struct wpv_agent_conf c;
	char err[256];

	(void)state;
	write_conf("workers = 2\n");
	assert_int_equal(wpv_agent_conf_load(path, &c, err, sizeof(err)),
			 -EINVAL);
	assert_non_null(strstr(err, "nothing to verify against"));
}

static void crl_check_without_crls_is_refused(void **state)
{
	struct wpv_agent_conf c;
	char err[256];

	(void)state;
	write_conf("ca_file = /ca.pem\n");
	assert_int_equal(wpv_agent_conf_load(path, &c, err, sizeof(err)),
			 -EINVAL);
	assert_non_null(strstr(err, "no crl_file or ca_dir"));
	write_conf("ca_file = /ca.pem\ncrl_check = no\n");
	assert_int_equal(wpv_agent_conf_load(path, &c, err, sizeof(err)), 0);
	wpv_agent_conf_free(&c);
}

static void charging_keys_are_handed_over(void **state)
{
	struct wpv_agent_conf c;
	char err[512];

	(void)state;
	write_conf("keys_dir = /k\nradius_server = 192.0.2.1\n"
		   "radius_secret_file = /etc/wpv/radius.secret\n"
		   "acct_interim_interval = 60\nocsp_url = http://ocsp.test/\n"
		   "ocsp_ca_file = /etc/wpv/ocsp-ca.pem\n"
		   "ocsp_policy = fail-open\nocsp_timeout = 2\n"
		   "hook_blocked = \" /usr/local/sbin/cut-off \"\n"
		   "sessions_file = /run/wpv/s.json\n");
	assert_int_equal(wpv_agent_conf_load(path, &c, err, sizeof(err)), 0);
	assert_string_equal(c.charging.acct.radius_server, "192.0.2.1");
	assert_string_equal(c.charging.acct.radius_secret_file,
			    "/etc/wpv/radius.secret");
	assert_int_equal(c.charging.acct.interim_interval, 60);
	assert_true(c.charging.acct.interim_interval_set);
	assert_string_equal(c.charging.ocsp.url, "http://ocsp.test/");
	assert_int_equal(c.charging.ocsp.policy, OCSP_POLICY_FAIL_OPEN);
	assert_int_equal(c.charging.ocsp.timeout, 2);
	/* Quotes keep the blanks at the ends of a value. */
	assert_string_equal(c.charging.hooks.command[HOOK_BLOCKED],
			    " /usr/local/sbin/cut-off ");
	assert_string_equal(c.sessions_file, "/run/wpv/s.json");
	/* Charging defaults for keys not given. */
	assert_int_equal(c.charging.acct.radius_acct_port, 1813);
	assert_int_equal(c.charging.hooks.timeout, 30);
	wpv_agent_conf_free(&c);
}

static void bad_charging_lines_are_refused_with_their_line(void **state)
{
	(void)state;
	expect_refused("keys_dir = /k\nradius_acct_port = 70000\n", 2,
		       "radius_acct_port: 70000 is out of range 1-65535");
	expect_refused("keys_dir = /k\nocsp_policy = sometimes\n", 2,
		       "ocsp_policy: 'sometimes' is neither fail-open nor fail-closed");
	expect_refused("keys_dir = /k\nacct_log = log.jsonl\n", 2,
		       "acct_log: 'log.jsonl' is not an absolute path");
	expect_refused("hook_stopped = /a\nkeys_dir = /k\nhook_stopped = /b\n",
		       3, "hook_stopped given twice");
	expect_refused("keys_dir = /k\nradius_sever = x\n", 2,
		       "unknown key 'radius_sever'");
	expect_refused("keys_dir = /k\nhook_verified =\n", 2,
		       "hook_verified has no value");
}

static void charging_settings_that_cannot_work_are_refused(void **state)
{
	struct wpv_agent_conf c;
	char err[512];

	(void)state;
	write_conf("keys_dir = /k\nradius_server = 192.0.2.1\n");
	assert_int_equal(wpv_agent_conf_load(path, &c, err, sizeof(err)),
			 -EINVAL);
	assert_non_null(strstr(err, "radius_secret_file is not"));
	write_conf("keys_dir = /k\nocsp_url = http://ocsp.test/\n");
	assert_int_equal(wpv_agent_conf_load(path, &c, err, sizeof(err)),
			 -EINVAL);
	assert_non_null(strstr(err, "no ocsp_ca_file or ca_file"));
	/* The station CAs may sign OCSP answers too. */
	write_conf("ca_file = /ca.pem\ncrl_check = no\n"
		   "ocsp_url = http://ocsp.test/\n");
	assert_int_equal(wpv_agent_conf_load(path, &c, err, sizeof(err)), 0);
	wpv_agent_conf_free(&c);
}

/* Every key the sample documents, uncommented, is accepted. */
static void sample_with_every_key_set_loads(void **state)
{
	char line[1200], err[512];
	struct wpv_agent_conf c;
	FILE *in, *out;
	int keys = 0;

	(void)state;
	in = fopen("userspace/wpv-agent.conf.sample", "r");
	assert_non_null(in);
	out = fopen(path, "w");
	assert_non_null(out);
	while (fgets(line, sizeof(line), in)) {
		size_t key = strspn(line + 1, "abcdefghijklmnopqrstuvwxyz_");

		if (line[0] == '#' && key && !strncmp(line + 1 + key, " = ", 3)) {
			fputs(line + 1, out);
			keys++;
		} else {
			fputs(line, out);
		}
	}
	fclose(in);
	fclose(out);
	assert_true(keys >= 25);
	assert_int_equal(wpv_agent_conf_load(path, &c, err, sizeof(err)), 0);
	assert_string_equal(c.sessions_file, "/run/wpv/sessions.json");
	assert_string_equal(c.charging.ocsp.url, "http://ocsp.example.net/");
	assert_int_equal(c.charging.acct.interim_interval, 300);
	assert_true(c.charging.acct.interim_interval_set);
	assert_string_equal(c.charging.hooks.command[HOOK_STOPPED],
			    "/usr/local/sbin/wpv-stream stopped");
	wpv_agent_conf_free(&c);
}

static void missing_file_is_reported(void **state)
{
	struct wpv_agent_conf c;
	char err[256];

	(void)state;
	assert_int_equal(wpv_agent_conf_load("/nonexistent/agent.conf", &c,
					     err, sizeof(err)), -ENOENT);
	assert_string_equal(err,
			    "/nonexistent/agent.conf: No such file or directory");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(full_file_is_read),
		cmocka_unit_test(defaults_apply_to_keys_not_given),
		cmocka_unit_test(unknown_key_is_refused_with_its_line),
		cmocka_unit_test(line_without_equals_is_refused),
		cmocka_unit_test(repeated_key_is_refused),
		cmocka_unit_test(empty_value_is_refused),
		cmocka_unit_test(relative_path_is_refused),
		cmocka_unit_test(out_of_range_number_is_refused),
		cmocka_unit_test(bad_bool_and_level_are_refused),
		cmocka_unit_test(overlong_line_is_refused),
		cmocka_unit_test(file_with_nothing_to_trust_is_refused),
		cmocka_unit_test(crl_check_without_crls_is_refused),
		cmocka_unit_test(missing_file_is_reported),
		cmocka_unit_test(charging_keys_are_handed_over),
		cmocka_unit_test(bad_charging_lines_are_refused_with_their_line),
		cmocka_unit_test(charging_settings_that_cannot_work_are_refused),
		cmocka_unit_test(sample_with_every_key_set_loads),
	};

	return cmocka_run_group_tests_name("agent_conf", tests, setup,
					   teardown);
}
