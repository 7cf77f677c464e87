/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One accounting record: what a Start, Interim-Update or Stop says, how it
 * is kept in the spool and how it reads in the JSON-lines log.  Pure code,
 * no I/O.
 */
#ifndef WPV_ACCT_RECORD_H
#define WPV_ACCT_RECORD_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <linux/wapi_preview.h>

#define ACCT_SESSION_ID_LEN	16
#define ACCT_IDENTITY_MAX	255
#define ACCT_SSID_MAX		32
#define ACCT_IFNAME_MAX		15
#define ACCT_MAC_STR_LEN	17
/* Spool text of one record; generous for a record of escaped maxima. */
#define ACCT_SPOOL_MAX		4096
#define ACCT_JSON_MAX		4096

/* RFC 2866 Acct-Status-Type values. */
enum acct_status {
	ACCT_STATUS_START = 1,
	ACCT_STATUS_STOP = 2,
	ACCT_STATUS_INTERIM = 3,
};

/* Why an Interim-Update was sent (mirrors enum wpv_acct_trigger). */
enum acct_trigger {
	ACCT_TRIGGER_INTERVAL,
	ACCT_TRIGGER_QUANTUM,
	__ACCT_TRIGGER_MAX
};

/* Why a session ended, in the agent's words. */
enum acct_cause {
	ACCT_CAUSE_LEAVE,	/* the station disassociated */
	ACCT_CAUSE_LOST,	/* the station vanished or its link went down */
	ACCT_CAUSE_IDLE,	/* idle too long */
	ACCT_CAUSE_LIMIT,	/* a time or volume limit was reached */
	ACCT_CAUSE_ADMIN,	/* an administrator reset, blocked or deleted */
	ACCT_CAUSE_SHUTDOWN,	/* the agent or the gate is going down */
	ACCT_CAUSE_BLOCKED,	/* verification failed, e.g. revoked */
	ACCT_CAUSE_ERROR,	/* internal error */
	__ACCT_CAUSE_MAX
};

struct acct_counters {
	uint64_t tx_bytes;	/* to the station: Acct-Output-* */
	uint64_t rx_bytes;	/* from the station: Acct-Input-* */
	uint64_t tx_frames;
	uint64_t rx_frames;
};

struct acct_record {
	enum acct_status status;
	uint64_t seq;
	char session_id[ACCT_SESSION_ID_LEN + 1];
	char identity[ACCT_IDENTITY_MAX + 1];
	char station[ACCT_MAC_STR_LEN + 1];
	char bssid[ACCT_MAC_STR_LEN + 1];
	char ssid[ACCT_SSID_MAX + 1];
	char ifname[ACCT_IFNAME_MAX + 1];
	int64_t start_time;	/* verdict time, seconds since the epoch */
	int64_t event_time;
	struct acct_counters counters;
	enum acct_trigger trigger;	/* Interim-Update only */
	enum acct_cause cause;		/* Stop only */
};

unsigned int acct_terminate_cause(enum acct_cause cause);
enum acct_cause acct_cause_from_reason(enum wpv_reason reason);
const char *acct_cause_name(enum acct_cause cause);
const char *acct_trigger_name(enum acct_trigger trigger);
const char *acct_status_name(enum acct_status status);
void acct_split64(uint64_t v, uint32_t *gigawords, uint32_t *low);
void acct_format_mac(char out[ACCT_MAC_STR_LEN + 1], const unsigned char *mac);
int acct_called_station(const struct acct_record *r, char *buf, size_t len);
int acct_record_to_spool(const struct acct_record *r, char *buf, size_t len);
int acct_record_from_spool(struct acct_record *r, const char *text);
int acct_record_to_json(const struct acct_record *r, char *buf, size_t len);

#endif /* WPV_ACCT_RECORD_H */
