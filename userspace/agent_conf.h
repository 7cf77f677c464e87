/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The agent's configuration file: "key = value" lines, '#' comments.
 * Keys and defaults are listed in userspace/wpv-agent.conf.sample.
 */
#ifndef _WPV_AGENT_CONF_H
#define _WPV_AGENT_CONF_H

#include <stdbool.h>
#include <stddef.h>

#include "verify.h"

#define WPV_AGENT_CONF_DEFAULT	"/etc/wpv/agent.conf"

struct wpv_agent_conf {
	char *ca_file;
	char *ca_dir;
	char *crl_file;
	char *keys_dir;
	bool crl_check;
	unsigned int workers;
	unsigned int max_pending;
	unsigned int log_level;	/* a syslog priority, LOG_ERR to LOG_DEBUG */
};

int wpv_agent_conf_load(const char *path, struct wpv_agent_conf *c,
			char *err, size_t err_len);
void wpv_agent_conf_free(struct wpv_agent_conf *c);
int wpv_agent_conf_verifier(const struct wpv_agent_conf *c,
			    struct wpv_verifier **out, char *err,
			    size_t err_len);

#endif /* _WPV_AGENT_CONF_H */
