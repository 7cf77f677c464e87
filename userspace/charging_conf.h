/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Configuration of charging (RADIUS accounting and the JSON-lines log),
 * certificate status (OCSP) and event hooks: one plain struct per module,
 * filled from "key = value" lines.
 */
#ifndef WPV_CHARGING_CONF_H
#define WPV_CHARGING_CONF_H

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>

#define CONF_STR_MAX	512

/* Accounting: where records go and how hard the sender tries. */
struct acct_config {
	char radius_server[CONF_STR_MAX];	/* empty: log and spool only */
	char radius_secret_file[PATH_MAX];
	unsigned int radius_acct_port;
	unsigned int radius_timeout;		/* seconds per try */
	unsigned int radius_retries;		/* tries per round */
	unsigned int retry_max;			/* seconds, backoff ceiling */
	unsigned int interim_interval;		/* seconds; 0 none */
	bool interim_interval_set;		/* given in the file */
	char nas_identifier[CONF_STR_MAX];	/* empty: the host name */
	char log_path[PATH_MAX];		/* JSON lines; empty: none */
	char spool_dir[PATH_MAX];
	char dictionary[PATH_MAX];
};

enum ocsp_policy {
	OCSP_POLICY_FAIL_CLOSED,
	OCSP_POLICY_FAIL_OPEN,
};

/* Certificate status from an OCSP responder. */
struct ocsp_config {
	char url[CONF_STR_MAX];			/* empty: OCSP off */
	enum ocsp_policy policy;
	unsigned int timeout;			/* seconds per request */
	unsigned int max_age;			/* seconds, if no nextUpdate */
	char ca_file[PATH_MAX];			/* trusted for responses */
};

enum hook_event {
	HOOK_VERIFIED,
	HOOK_BLOCKED,
	HOOK_STOPPED,
	__HOOK_EVENT_MAX
};

/* Commands run on station events. */
struct hooks_config {
	char command[__HOOK_EVENT_MAX][CONF_STR_MAX];	/* empty: none */
	unsigned int timeout;			/* seconds before a kill */
};

struct charging_conf {
	struct acct_config acct;
	struct ocsp_config ocsp;
	struct hooks_config hooks;
};

/* At least the number of keys charging_conf_set() knows. */
#define CHARGING_CONF_NKEYS	32

int charging_conf_key_index(const char *key);
void charging_conf_defaults(struct charging_conf *conf);
int charging_conf_set(struct charging_conf *conf, const char *key,
		      const char *value, char *err, size_t errlen);
int charging_conf_line(struct charging_conf *conf, char *line,
		       char *err, size_t errlen);
int charging_conf_load(struct charging_conf *conf, const char *path,
		       FILE *errs);
int charging_conf_read_secret(const char *path, char *buf, size_t len,
			      char *err, size_t errlen);

#endif /* WPV_CHARGING_CONF_H */
