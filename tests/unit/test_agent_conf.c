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
	};

	return cmocka_run_group_tests_name("agent_conf", tests, setup,
					   teardown);
}
