// SPDX-License-Identifier: GPL-2.0
/*
 * "key = value" parsing for the charging, OCSP and hook settings.  The
 * agent's own reader hands every line it does not know to
 * charging_conf_line(); -ENOENT means the key is not ours either.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "charging_conf.h"

enum conf_type {
	CONF_STR,
	CONF_PATH,
	CONF_UINT,
	CONF_POLICY,
};

struct conf_key {
	const char *name;
	enum conf_type type;
	size_t offset;
	size_t size;
	unsigned int min;
	unsigned int max;
};

#define KEY_STR(n, f, t) \
	{ n, t, offsetof(struct charging_conf, f), \
	  sizeof(((struct charging_conf *)0)->f), 0, 0 }
#define KEY_UINT(n, f, lo, hi) \
	{ n, CONF_UINT, offsetof(struct charging_conf, f), \
	  sizeof(unsigned int), lo, hi }

static const struct conf_key conf_keys[] = {
	KEY_STR("radius_server", acct.radius_server, CONF_STR),
	KEY_STR("radius_secret_file", acct.radius_secret_file, CONF_PATH),
	KEY_UINT("radius_acct_port", acct.radius_acct_port, 1, 65535),
	KEY_UINT("radius_timeout", acct.radius_timeout, 1, 60),
	KEY_UINT("radius_retries", acct.radius_retries, 1, 10),
	KEY_UINT("acct_retry_max", acct.retry_max, 1, 3600),
	KEY_UINT("acct_interim_interval", acct.interim_interval, 0, 86400),
	KEY_STR("nas_identifier", acct.nas_identifier, CONF_STR),
	KEY_STR("acct_log", acct.log_path, CONF_PATH),
	KEY_STR("acct_spool_dir", acct.spool_dir, CONF_PATH),
	KEY_STR("radius_dictionary", acct.dictionary, CONF_PATH),
	KEY_STR("ocsp_url", ocsp.url, CONF_STR),
	{ "ocsp_policy", CONF_POLICY, offsetof(struct charging_conf,
					       ocsp.policy), 0, 0, 0 },
	KEY_UINT("ocsp_timeout", ocsp.timeout, 1, 60),
	KEY_UINT("ocsp_max_age", ocsp.max_age, 0, 7 * 86400),
	KEY_STR("ocsp_ca_file", ocsp.ca_file, CONF_PATH),
	KEY_STR("hook_verified", hooks.command[HOOK_VERIFIED], CONF_STR),
	KEY_STR("hook_blocked", hooks.command[HOOK_BLOCKED], CONF_STR),
	KEY_STR("hook_stopped", hooks.command[HOOK_STOPPED], CONF_STR),
	KEY_UINT("hook_timeout", hooks.timeout, 1, 3600),
};

#define N_CONF_KEYS	(sizeof(conf_keys) / sizeof(conf_keys[0]))

/**
 * charging_conf_key_index() - which charging key a name is
 * @key: key name
 *
 * Lets a caller that reads its own file remember which keys it has seen,
 * to refuse a key given twice.
 *
 * Return: an index below %CHARGING_CONF_NKEYS, or -ENOENT.
 */
int charging_conf_key_index(const char *key)
{
	size_t i;

	_Static_assert(N_CONF_KEYS <= CHARGING_CONF_NKEYS,
		       "CHARGING_CONF_NKEYS too small");
	for (i = 0; i < N_CONF_KEYS; i++)
		if (!strcmp(conf_keys[i].name, key))
			return i;
	return -ENOENT;
}

void charging_conf_defaults(struct charging_conf *conf)
{
	memset(conf, 0, sizeof(*conf));
	conf->acct.radius_acct_port = 1813;
	conf->acct.radius_timeout = 3;
	conf->acct.radius_retries = 2;
	conf->acct.retry_max = 60;
	conf->acct.interim_interval = 300;
	strcpy(conf->acct.spool_dir, "/var/spool/wpv/acct");
	strcpy(conf->acct.dictionary, "/etc/radcli/dictionary");
	conf->ocsp.policy = OCSP_POLICY_FAIL_CLOSED;
	conf->ocsp.timeout = 5;
	conf->ocsp.max_age = 3600;
	conf->hooks.timeout = 30;
}

static int conf_error(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err && errlen) {
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

static int conf_set_uint(const struct conf_key *k, unsigned int *dst,
			 const char *value, char *err, size_t errlen)
{
	unsigned long v;
	char *end;

	if (!isdigit((unsigned char)value[0]))
		return conf_error(err, errlen, "%s: '%s' is not a number",
				  k->name, value);
	errno = 0;
	v = strtoul(value, &end, 10);
	if (errno || *end)
		return conf_error(err, errlen, "%s: '%s' is not a number",
				  k->name, value);
	if (v < k->min || v > k->max)
		return conf_error(err, errlen, "%s: %lu is out of range %u-%u",
				  k->name, v, k->min, k->max);
	*dst = v;
	return 0;
}

static int conf_set_str(const struct conf_key *k, char *dst,
			const char *value, char *err, size_t errlen)
{
	size_t len = strlen(value);
	size_t i;

	if (len >= k->size)
		return conf_error(err, errlen, "%s: value longer than %zu bytes",
				  k->name, k->size - 1);
	for (i = 0; i < len; i++)
		if (iscntrl((unsigned char)value[i]))
			return conf_error(err, errlen,
					  "%s: control character in value",
					  k->name);
	if (k->type == CONF_PATH && len && value[0] != '/')
		return conf_error(err, errlen, "%s: '%s' is not an absolute path",
				  k->name, value);
	memcpy(dst, value, len + 1);
	return 0;
}

static int conf_set_policy(const struct conf_key *k, enum ocsp_policy *dst,
			   const char *value, char *err, size_t errlen)
{
	if (!strcmp(value, "fail-open"))
		*dst = OCSP_POLICY_FAIL_OPEN;
	else if (!strcmp(value, "fail-closed"))
		*dst = OCSP_POLICY_FAIL_CLOSED;
	else
		return conf_error(err, errlen,
				  "%s: '%s' is neither fail-open nor fail-closed",
				  k->name, value);
	return 0;
}

/**
 * charging_conf_set() - set one key
 * @conf: the configuration to change
 * @key: key name
 * @value: value, already trimmed
 * @err: receives a message on failure (may be NULL)
 * @errlen: size of @err
 *
 * Return: 0, -ENOENT if @key is not a charging key (nothing written to
 * @err), -EINVAL for a bad value (@conf unchanged).
 */
int charging_conf_set(struct charging_conf *conf, const char *key,
		      const char *value, char *err, size_t errlen)
{
	char *base = (char *)conf;
	size_t i;
	int ret;

	for (i = 0; i < sizeof(conf_keys) / sizeof(conf_keys[0]); i++) {
		const struct conf_key *k = &conf_keys[i];

		if (strcmp(k->name, key))
			continue;
		switch (k->type) {
		case CONF_UINT:
			ret = conf_set_uint(k, (unsigned int *)
					    (base + k->offset), value, err,
					    errlen);
			/* Only a configured interval touches the module. */
			if (!ret && k->offset == offsetof(struct charging_conf,
							  acct.interim_interval))
				conf->acct.interim_interval_set = true;
			return ret;
		case CONF_POLICY:
			return conf_set_policy(k, (enum ocsp_policy *)
					       (base + k->offset),
					       value, err, errlen);
		default:
			return conf_set_str(k, base + k->offset, value,
					    err, errlen);
		}
	}
	return -ENOENT;
}

static char *conf_trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

/**
 * charging_conf_line() - parse one "key = value" line
 * @conf: the configuration to change
 * @line: the line, modified in place
 * @err: receives a message on failure
 * @errlen: size of @err
 *
 * Blank lines and lines starting with '#' are accepted and ignored.  A
 * value may be wrapped in double quotes to keep leading or trailing
 * blanks.
 *
 * Return: 0, -ENOENT for a key that is not ours (message in @err), or
 * -EINVAL for a malformed line or a bad value.
 */
int charging_conf_line(struct charging_conf *conf, char *line,
		       char *err, size_t errlen)
{
	char *key, *value, *eq;
	size_t vlen;
	int ret;

	key = conf_trim(line);
	if (!*key || *key == '#')
		return 0;
	eq = strchr(key, '=');
	if (!eq)
		return conf_error(err, errlen, "expected 'key = value'");
	*eq = '\0';
	key = conf_trim(key);
	value = conf_trim(eq + 1);
	if (!*key)
		return conf_error(err, errlen, "missing key before '='");
	vlen = strlen(value);
	if (vlen && value[0] == '"') {
		if (vlen < 2 || value[vlen - 1] != '"')
			return conf_error(err, errlen, "%s: unterminated quote",
					  key);
		value[vlen - 1] = '\0';
		value++;
	}
	ret = charging_conf_set(conf, key, value, err, errlen);
	if (ret == -ENOENT)
		snprintf(err, errlen, "unknown key '%s'", key);
	return ret;
}

/**
 * charging_conf_load() - read a whole file of charging keys
 * @conf: the configuration to fill (defaults are not reset)
 * @path: file to read
 * @errs: where "file:line: message" goes for each refused line
 *
 * Every line is checked, so one run reports every mistake.
 *
 * Return: 0, -errno if the file cannot be read, -EINVAL if any line was
 * refused.
 */
int charging_conf_load(struct charging_conf *conf, const char *path,
		       FILE *errs)
{
	char line[2 * CONF_STR_MAX], err[256];
	unsigned int lineno = 0;
	int ret = 0;
	FILE *f;

	f = fopen(path, "re");
	if (!f) {
		ret = -errno;
		fprintf(errs, "%s: %s\n", path, strerror(errno));
		return ret;
	}
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			fprintf(errs, "%s:%u: line too long\n", path, lineno);
			ret = -EINVAL;
			while (fgets(line, sizeof(line), f) &&
			       !strchr(line, '\n'))
				;
			continue;
		}
		if (charging_conf_line(conf, line, err, sizeof(err))) {
			fprintf(errs, "%s:%u: %s\n", path, lineno, err);
			ret = -EINVAL;
		}
	}
	fclose(f);
	return ret;
}

/**
 * charging_conf_read_secret() - read a shared secret from its file
 * @path: the file; must not be readable by group or others
 * @buf: receives the secret, NUL terminated, trailing newline removed
 * @len: size of @buf
 * @err: receives a message on failure
 * @errlen: size of @err
 *
 * The caller wipes @buf when done with it.
 *
 * Return: 0 or a negative errno.
 */
int charging_conf_read_secret(const char *path, char *buf, size_t len,
			      char *err, size_t errlen)
{
	struct stat st;
	ssize_t n;
	int fd, ret = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return ret;
	}
	if (fstat(fd, &st) || (st.st_mode & 077)) {
		snprintf(err, errlen, "%s: readable by group or others",
			 path);
		ret = -EPERM;
		goto out;
	}
	n = read(fd, buf, len);
	if (n < 0) {
		ret = -errno;
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		goto out;
	}
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		n--;
	if (n == 0 || (size_t)n >= len || memchr(buf, '\0', n)) {
		snprintf(err, errlen, "%s: secret is empty, too long or binary",
			 path);
		ret = -EINVAL;
		explicit_bzero(buf, len);
		goto out;
	}
	buf[n] = '\0';
out:
	close(fd);
	return ret;
}
