// SPDX-License-Identifier: GPL-2.0
/*
 * Agent configuration parser.  Strict on purpose: an unknown key, a
 * repeated key or a bad value stops the agent with file:line, because a
 * typo in a trust setting must not silently fall back to a default.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include "agent_conf.h"

#define WPV_CONF_LINE_MAX	1024

enum conf_type { CONF_PATH, CONF_BOOL, CONF_UINT, CONF_LEVEL };

struct conf_key {
	const char *name;
	enum conf_type type;
	size_t offset;
	unsigned int min, max;
};

#define KEY(n, t, lo, hi) \
	{ #n, t, offsetof(struct wpv_agent_conf, n), lo, hi }

static const struct conf_key conf_keys[] = {
	KEY(ca_file, CONF_PATH, 0, 0),
	KEY(ca_dir, CONF_PATH, 0, 0),
	KEY(crl_file, CONF_PATH, 0, 0),
	KEY(crl_check, CONF_BOOL, 0, 0),
	KEY(keys_dir, CONF_PATH, 0, 0),
	KEY(workers, CONF_UINT, 1, 64),
	KEY(max_pending, CONF_UINT, 1, 65536),
	KEY(log_level, CONF_LEVEL, 0, 0),
};

#define N_KEYS (sizeof(conf_keys) / sizeof(conf_keys[0]))

static const char *const levels[] = {
	[LOG_ERR] = "err", [LOG_WARNING] = "warning", [LOG_NOTICE] = "notice",
	[LOG_INFO] = "info", [LOG_DEBUG] = "debug",
};

static char *trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

static int set_uint(unsigned int *dst, const char *v, unsigned int min,
		    unsigned int max)
{
	unsigned long n;
	char *end;

	if (!isdigit((unsigned char)*v))
		return -EINVAL;
	errno = 0;
	n = strtoul(v, &end, 10);
	if (errno || *end || n < min || n > max)
		return -EINVAL;
	*dst = n;
	return 0;
}

static int set_value(struct wpv_agent_conf *c, const struct conf_key *k,
		     const char *v, char *why, size_t why_len)
{
	void *field = (char *)c + k->offset;
	size_t i;

	switch (k->type) {
	case CONF_PATH:
		if (*v != '/') {
			snprintf(why, why_len, "%s must be an absolute path",
				 k->name);
			return -EINVAL;
		}
		*(char **)field = strdup(v);
		return *(char **)field ? 0 : -ENOMEM;
	case CONF_BOOL:
		if (!strcmp(v, "yes") || !strcmp(v, "no")) {
			*(bool *)field = !strcmp(v, "yes");
			return 0;
		}
		snprintf(why, why_len, "%s must be yes or no", k->name);
		return -EINVAL;
	case CONF_UINT:
		if (!set_uint(field, v, k->min, k->max))
			return 0;
		snprintf(why, why_len, "%s must be a number from %u to %u",
			 k->name, k->min, k->max);
		return -EINVAL;
	case CONF_LEVEL:
		for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
			if (levels[i] && !strcmp(v, levels[i])) {
				*(unsigned int *)field = i;
				return 0;
			}
		}
		snprintf(why, why_len,
			 "log_level must be err, warning, notice, info or debug");
		return -EINVAL;
	}
	return -EINVAL;
}

static int parse_line(struct wpv_agent_conf *c, char *line, bool *seen,
		      char *why, size_t why_len)
{
	char *eq, *key, *val;
	size_t i;

	line = trim(line);
	if (!*line || *line == '#')
		return 0;
	eq = strchr(line, '=');
	if (!eq) {
		snprintf(why, why_len, "expected 'key = value'");
		return -EINVAL;
	}
	*eq = '\0';
	key = trim(line);
	val = trim(eq + 1);
	for (i = 0; i < N_KEYS; i++)
		if (!strcmp(key, conf_keys[i].name))
			break;
	if (i == N_KEYS) {
		snprintf(why, why_len, "unknown key '%.64s'", key);
		return -EINVAL;
	}
	if (seen[i]) {
		snprintf(why, why_len, "%s given twice", key);
		return -EINVAL;
	}
	seen[i] = true;
	if (!*val) {
		snprintf(why, why_len, "%s has no value", key);
		return -EINVAL;
	}
	return set_value(c, &conf_keys[i], val, why, why_len);
}

static void set_defaults(struct wpv_agent_conf *c)
{
	memset(c, 0, sizeof(*c));
	c->crl_check = true;
	c->workers = 4;
	c->max_pending = 1024;
	c->log_level = LOG_INFO;
}

/**
 * wpv_agent_conf_load() - read and check the configuration file
 * @path: the file
 * @c: filled with defaults, then the file's values
 * @err: on failure, "path:line: what is wrong"
 * @err_len: room at @err
 *
 * Return: 0 or a negative errno; @c holds nothing to free on failure.
 */
int wpv_agent_conf_load(const char *path, struct wpv_agent_conf *c,
			char *err, size_t err_len)
{
	char line[WPV_CONF_LINE_MAX + 2], why[160];
	bool seen[N_KEYS] = { false };
	unsigned int lineno = 0;
	int ret = 0;
	FILE *f;

	set_defaults(c);
	f = fopen(path, "r");
	if (!f) {
		ret = -errno;
		snprintf(err, err_len, "%s: %s", path, strerror(errno));
		return ret;
	}
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		if (!strchr(line, '\n') && !feof(f)) {
			snprintf(why, sizeof(why), "line longer than %d bytes",
				 WPV_CONF_LINE_MAX);
			ret = -EINVAL;
		} else {
			ret = parse_line(c, line, seen, why, sizeof(why));
		}
		if (ret) {
			if (ret == -ENOMEM)
				snprintf(why, sizeof(why), "out of memory");
			snprintf(err, err_len, "%s:%u: %s", path, lineno, why);
			break;
		}
	}
	if (!ret && ferror(f)) {
		ret = -EIO;
		snprintf(err, err_len, "%s: read error", path);
	}
	fclose(f);
	if (!ret && !c->ca_file && !c->ca_dir && !c->keys_dir) {
		ret = -EINVAL;
		snprintf(err, err_len,
			 "%s: nothing to verify against: set ca_file, ca_dir or keys_dir",
			 path);
	}
	/* Would reject every certificate as status-unknown: say so now. */
	if (!ret && c->ca_file && c->crl_check && !c->crl_file && !c->ca_dir) {
		ret = -EINVAL;
		snprintf(err, err_len,
			 "%s: crl_check is yes but there is no crl_file or ca_dir to find CRLs in",
			 path);
	}
	if (ret)
		wpv_agent_conf_free(c);
	return ret;
}

/**
 * wpv_agent_conf_free() - release what wpv_agent_conf_load() allocated
 * @c: the configuration
 */
void wpv_agent_conf_free(struct wpv_agent_conf *c)
{
	free(c->ca_file);
	free(c->ca_dir);
	free(c->crl_file);
	free(c->keys_dir);
	c->ca_file = c->ca_dir = c->crl_file = c->keys_dir = NULL;
}

/**
 * wpv_agent_conf_verifier() - make the verifier a configuration describes
 * @c: the configuration
 * @out: set to the verifier
 * @err: filled with a message on failure
 * @err_len: room at @err
 *
 * The one place verifiers are made, for the agent and the test commands
 * alike: certificate schemes beyond the built-in one are registered here.
 *
 * Return: 0 or a negative errno.
 */
int wpv_agent_conf_verifier(const struct wpv_agent_conf *c,
			    struct wpv_verifier **out, char *err,
			    size_t err_len)
{
	struct wpv_verify_config vc = {
		.ca_file = c->ca_file,
		.ca_dir = c->ca_dir,
		.crl_file = c->crl_file,
		.keys_dir = c->keys_dir,
		.crl_check = c->crl_check,
	};

	return wpv_verifier_new(&vc, out, err, err_len);
}
