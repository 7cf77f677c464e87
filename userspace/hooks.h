/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Event hooks: the configured command for verified, blocked or stopped runs
 * through /bin/sh -c with the station's facts in its environment, without
 * the caller waiting for it.  hooks_run() may be called from any thread.
 */
#ifndef WPV_HOOKS_H
#define WPV_HOOKS_H

#include <stddef.h>

#include <linux/wapi_preview.h>

#include "charging_conf.h"

struct hooks;

struct hook_env {
	const unsigned char *sta;	/* 6 bytes */
	const char *ifname;
	const unsigned char *bssid;	/* 6 bytes, or NULL if unknown */
	const char *identity;		/* NULL or "" if unknown */
	enum wpv_reason reason;
	const char *session_id;		/* NULL if no charging session */
};

/* Variables in a hook's environment, PATH included. */
#define HOOK_ENV_VARS	9
#define HOOK_ENV_SIZE	1024

int hooks_open(const struct hooks_config *cfg, struct hooks **out);
void hooks_close(struct hooks *h);
int hooks_run(struct hooks *h, enum hook_event ev, const struct hook_env *env);
int hooks_wait(struct hooks *h, unsigned int timeout_ms);
const char *hooks_event_name(enum hook_event ev);
const char *hooks_reason_name(enum wpv_reason reason);
int hooks_build_env(enum hook_event ev, const struct hook_env *env,
		    char *store, size_t len, char **envp);

#endif /* WPV_HOOKS_H */
