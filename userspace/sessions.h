/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The agent's state file of open charging sessions (by default
 * /run/wpv/sessions.json), so `wpv show` can print who is charged for
 * what without asking the agent.  The agent rewrites it whole on every
 * change, atomically (temporary file, then rename).
 */
#ifndef _WPV_SESSIONS_H
#define _WPV_SESSIONS_H

#include <stddef.h>
#include <stdint.h>
#include <net/if.h>

#include "acct_record.h"

/**
 * struct wpv_session_info - one open session
 * @ifname: the AP interface
 * @ifindex: its index
 * @station: the station's address
 * @bssid: the BSSID it is on
 * @ssid: the SSID, "" if unknown
 * @identity: the identity charged
 * @session_id: the Acct-Session-Id
 * @start_time: when the session started, seconds since the epoch
 * @updated: when the figures below were reported
 * @counters: the last figures reported (bytes and frames while
 *	authorised, to and from the station)
 */
struct wpv_session_info {
	char ifname[IF_NAMESIZE];
	uint32_t ifindex;
	uint8_t station[6];
	uint8_t bssid[6];
	char ssid[ACCT_SSID_MAX + 1];
	char identity[ACCT_IDENTITY_MAX + 1];
	char session_id[ACCT_SESSION_ID_LEN + 1];
	int64_t start_time;
	int64_t updated;
	struct acct_counters counters;
};

int wpv_sessions_write(const char *path, const struct wpv_session_info *s,
		       size_t n);
int wpv_sessions_read(const char *path, struct wpv_session_info **out,
		      size_t *n);
const struct wpv_session_info *
wpv_sessions_find(const struct wpv_session_info *s, size_t n,
		  uint32_t ifindex, const uint8_t *station);

#endif /* _WPV_SESSIONS_H */
