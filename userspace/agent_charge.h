/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Charging in the agent: turns verdicts, the module's notifications and
 * nl80211's departures into accounting sessions (acct.c), hooks (hooks.c)
 * and the sessions file (sessions.c), and lends the verifier its OCSP
 * client (ocsp.c).  Called from the agent's loop thread only; the OCSP
 * client is the workers'.
 *
 * No socket in here: interface facts come through a callback, so tests
 * drive the whole layer without the module or nl80211.
 */
#ifndef _WPV_AGENT_CHARGE_H
#define _WPV_AGENT_CHARGE_H

#include <stdbool.h>

#include "agent_msg.h"
#include "agent_pool.h"
#include "charging_conf.h"
#include "ocsp.h"

/**
 * typedef wpv_charge_iface_fn - look up an AP interface
 * @ctx: wpv_charge_opts.iface_ctx
 * @ifindex: the interface
 * @info: to fill: name, BSSID, SSID
 *
 * Return: 0 or a negative error; the caller caches answers for a minute.
 */
typedef int (*wpv_charge_iface_fn)(void *ctx, u32 ifindex,
				   struct wpv_iface_info *info);

/**
 * typedef wpv_charge_stats_fn - read a station's figures now
 * @ctx: the caller's
 * @ifindex: the station's interface
 * @addr: the station
 * @c: to fill with its WPV_STATS_AUTH_* figures
 *
 * Return: 0 or a negative error.
 */
typedef int (*wpv_charge_stats_fn)(void *ctx, u32 ifindex, const u8 *addr,
				   struct acct_counters *c);

/**
 * struct wpv_charge_opts - what charging is set up from
 * @conf: charging, OCSP and hook keys
 * @ca_file: trusted CAs for OCSP answers when ocsp_ca_file is unset
 * @sessions_file: the state file for `wpv show`, or NULL for none
 * @iface: interface lookup
 * @iface_ctx: passed to @iface
 */
struct wpv_charge_opts {
	const struct charging_conf *conf;
	const char *ca_file;
	const char *sessions_file;
	wpv_charge_iface_fn iface;
	void *iface_ctx;
};

struct wpv_charge;

int wpv_charge_open(const struct wpv_charge_opts *o, struct wpv_charge **out);
void wpv_charge_stop_all(struct wpv_charge *c, wpv_charge_stats_fn fetch,
			 void *ctx);
void wpv_charge_close(struct wpv_charge *c);
void wpv_charge_set_events(struct wpv_charge *c, bool on);
struct ocsp *wpv_charge_ocsp(const struct wpv_charge *c);
void wpv_charge_verdict(struct wpv_charge *c, const struct wpv_job *job);
void wpv_charge_note(struct wpv_charge *c, const struct wpv_sta_note *n);
void wpv_charge_gone(struct wpv_charge *c, u32 ifindex, const u8 *addr,
		     const struct acct_counters *final);
bool wpv_charge_charged(const struct wpv_charge *c, u32 ifindex,
			const u8 *addr);
size_t wpv_charge_sessions(const struct wpv_charge *c);

#endif /* _WPV_AGENT_CHARGE_H */
