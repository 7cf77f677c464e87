/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Charging sessions.  Each authorised station has one session; its Start,
 * Interim-Update and Stop records are appended to the JSON-lines log and
 * written to a persistent spool at once, and a sender thread delivers the
 * spool to the RADIUS accounting server in order, retrying with backoff.
 * None of the calls below waits for the network.
 *
 * The calls may come from any thread.  A session belongs to its caller
 * until acct_stop(), which frees it.
 */
#ifndef WPV_ACCT_H
#define WPV_ACCT_H

#include <time.h>

#include "acct_record.h"
#include "charging_conf.h"

struct acct;
struct acct_session;

/* What the agent knows about a station when it is authorised. */
struct acct_station {
	const char *ifname;
	const unsigned char *bssid;	/* 6 bytes */
	const char *ssid;		/* may be NULL */
	const unsigned char *sta;	/* 6 bytes */
	const char *identity;		/* the certificate identity */
	time_t verified;		/* verdict time; 0 means now */
};

int acct_open(const struct acct_config *cfg, struct acct **out);
void acct_close(struct acct *a);
struct acct_session *acct_start(struct acct *a,
				const struct acct_station *st, int *err);
int acct_update(struct acct *a, struct acct_session *s,
		const struct acct_counters *c, enum acct_trigger trigger);
int acct_stop(struct acct *a, struct acct_session *s,
	      const struct acct_counters *c, enum acct_cause cause);
const char *acct_session_id(const struct acct_session *s);
unsigned int acct_pending(struct acct *a);
int acct_flush(struct acct *a, unsigned int timeout_ms);

/* acct_radius.c: the sender's side, used by the spool thread only. */
struct acct_radius;
int acct_radius_open(const struct acct_config *cfg, struct acct_radius **out);
int acct_radius_send(struct acct_radius *r, const struct acct_record *rec);
void acct_radius_close(struct acct_radius *r);

#endif /* WPV_ACCT_H */
