// SPDX-License-Identifier: GPL-2.0
/*
 * Accounting records: RFC 2866 mappings, the spool text format and the
 * JSON-lines format.
 *
 * The spool format is one "key=value" line per field after a "wpv-acct 1"
 * line; values escape '%', control characters and DEL as %XX so any SSID
 * or identity survives a round trip.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "acct_record.h"

#define SPOOL_MAGIC	"wpv-acct 1"

/* RFC 2866 section 5.10 Acct-Terminate-Cause values. */
static const struct {
	const char *name;
	unsigned int rfc2866;
} acct_causes[__ACCT_CAUSE_MAX] = {
	[ACCT_CAUSE_LEAVE]	= { "leave", 1 },	/* User Request */
	[ACCT_CAUSE_LOST]	= { "lost", 2 },	/* Lost Carrier */
	[ACCT_CAUSE_IDLE]	= { "idle", 4 },	/* Idle Timeout */
	[ACCT_CAUSE_LIMIT]	= { "limit", 5 },	/* Session Timeout */
	[ACCT_CAUSE_ADMIN]	= { "admin", 6 },	/* Admin Reset */
	[ACCT_CAUSE_SHUTDOWN]	= { "shutdown", 7 },	/* Admin Reboot */
	[ACCT_CAUSE_ERROR]	= { "error", 9 },	/* NAS Error */
	[ACCT_CAUSE_BLOCKED]	= { "blocked", 17 },	/* User Error */
};

static const char *const acct_triggers[__ACCT_TRIGGER_MAX] = {
	[ACCT_TRIGGER_INTERVAL] = "interval",
	[ACCT_TRIGGER_QUANTUM] = "quantum",
};

/**
 * acct_terminate_cause() - RFC 2866 Acct-Terminate-Cause for a cause
 * @cause: why the session ended
 *
 * Return: the attribute value; NAS Error (9) for an unknown cause.
 */
unsigned int acct_terminate_cause(enum acct_cause cause)
{
	if ((unsigned int)cause >= __ACCT_CAUSE_MAX)
		return 9;
	return acct_causes[cause].rfc2866;
}

/**
 * acct_cause_from_reason() - why a session ended, from the module's reason
 * @reason: the reason of the state change that ended an authorised
 *	station's session
 *
 * A failed re-verification counts as the station's error, a hand-made
 * change as the administrator's; no reason at all means the station left.
 *
 * Return: the cause to give acct_stop().
 */
enum acct_cause acct_cause_from_reason(enum wpv_reason reason)
{
	switch (reason) {
	case WPV_REASON_NONE:
		return ACCT_CAUSE_LEAVE;
	case WPV_REASON_ADMIN:
	case WPV_REASON_HOLDDOWN:
		return ACCT_CAUSE_ADMIN;
	case WPV_REASON_AGENT_GONE:
		return ACCT_CAUSE_SHUTDOWN;
	case WPV_REASON_VERIFIED:
		return ACCT_CAUSE_ERROR;
	default:
		return ACCT_CAUSE_BLOCKED;
	}
}

const char *acct_cause_name(enum acct_cause cause)
{
	if ((unsigned int)cause >= __ACCT_CAUSE_MAX)
		return "error";
	return acct_causes[cause].name;
}

const char *acct_trigger_name(enum acct_trigger trigger)
{
	if ((unsigned int)trigger >= __ACCT_TRIGGER_MAX)
		return "interval";
	return acct_triggers[trigger];
}

const char *acct_status_name(enum acct_status status)
{
	switch (status) {
	case ACCT_STATUS_START:
		return "start";
	case ACCT_STATUS_INTERIM:
		return "interim";
	default:
		return "stop";
	}
}

/**
 * acct_split64() - split a 64-bit count for RADIUS
 * @v: the count
 * @gigawords: receives how many times the 32-bit counter wrapped
 *	(Acct-*-Gigawords, RFC 2869 section 5.1)
 * @low: receives the low 32 bits (Acct-*-Octets)
 */
void acct_split64(uint64_t v, uint32_t *gigawords, uint32_t *low)
{
	*gigawords = v >> 32;
	*low = (uint32_t)v;
}

/* RFC 3580 section 3.21: upper case hex pairs separated by '-'. */
void acct_format_mac(char out[ACCT_MAC_STR_LEN + 1], const unsigned char *mac)
{
	snprintf(out, ACCT_MAC_STR_LEN + 1, "%02X-%02X-%02X-%02X-%02X-%02X",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

/**
 * acct_called_station() - Called-Station-Id, "BSSID:SSID" (RFC 3580 3.20)
 * @r: the record
 * @buf: output
 * @len: size of @buf
 *
 * Return: 0, or -ENOSPC.
 */
int acct_called_station(const struct acct_record *r, char *buf, size_t len)
{
	int n;

	if (r->ssid[0])
		n = snprintf(buf, len, "%s:%s", r->bssid, r->ssid);
	else
		n = snprintf(buf, len, "%s", r->bssid);
	return n < 0 || (size_t)n >= len ? -ENOSPC : 0;
}

struct out {
	char *buf;
	size_t len;
	size_t pos;
	int err;
};

static void out_printf(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->err)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->pos, o->len - o->pos, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= o->len - o->pos)
		o->err = -ENOSPC;
	else
		o->pos += n;
}

static void out_escaped(struct out *o, const char *key, const char *s)
{
	out_printf(o, "%s=", key);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c < 0x20 || c == 0x7f || c == '%')
			out_printf(o, "%%%02X", c);
		else
			out_printf(o, "%c", c);
	}
	out_printf(o, "\n");
}

/**
 * acct_record_to_spool() - the text kept in the spool for a record
 * @r: the record
 * @buf: output, NUL terminated
 * @len: size of @buf
 *
 * Return: length written, or -ENOSPC.
 */
int acct_record_to_spool(const struct acct_record *r, char *buf, size_t len)
{
	struct out o = { buf, len, 0, 0 };
	const struct acct_counters *c = &r->counters;

	out_printf(&o, "%s\nstatus=%d\nseq=%" PRIu64 "\n", SPOOL_MAGIC,
		   r->status, r->seq);
	out_escaped(&o, "session_id", r->session_id);
	out_escaped(&o, "identity", r->identity);
	out_escaped(&o, "station", r->station);
	out_escaped(&o, "bssid", r->bssid);
	out_escaped(&o, "ssid", r->ssid);
	out_escaped(&o, "ifname", r->ifname);
	out_printf(&o, "start_time=%" PRId64 "\nevent_time=%" PRId64 "\n",
		   r->start_time, r->event_time);
	out_printf(&o, "tx_bytes=%" PRIu64 "\nrx_bytes=%" PRIu64 "\n",
		   c->tx_bytes, c->rx_bytes);
	out_printf(&o, "tx_frames=%" PRIu64 "\nrx_frames=%" PRIu64 "\n",
		   c->tx_frames, c->rx_frames);
	out_printf(&o, "trigger=%d\ncause=%d\n", r->trigger, r->cause);
	return o.err ? o.err : (int)o.pos;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int parse_str(char *dst, size_t size, const char *v, size_t vlen)
{
	size_t i, n = 0;

	for (i = 0; i < vlen; i++) {
		int c = (unsigned char)v[i];

		if (c == '%') {
			int hi, lo;

			if (i + 2 >= vlen)
				return -EINVAL;
			hi = hexval(v[i + 1]);
			lo = hexval(v[i + 2]);
			if (hi < 0 || lo < 0)
				return -EINVAL;
			c = hi << 4 | lo;
			i += 2;
		}
		if (c == 0 || n + 1 >= size)
			return -EINVAL;
		dst[n++] = c;
	}
	dst[n] = '\0';
	return 0;
}

static int parse_u64(uint64_t *dst, const char *v, size_t vlen)
{
	char tmp[24], *end;

	if (!vlen || vlen >= sizeof(tmp) || v[0] < '0' || v[0] > '9')
		return -EINVAL;
	memcpy(tmp, v, vlen);
	tmp[vlen] = '\0';
	errno = 0;
	*dst = strtoull(tmp, &end, 10);
	return errno || *end ? -EINVAL : 0;
}

static int parse_i64(int64_t *dst, const char *v, size_t vlen)
{
	uint64_t u;
	int ret;

	if (vlen && v[0] == '-') {
		ret = parse_u64(&u, v + 1, vlen - 1);
		*dst = -(int64_t)u;
	} else {
		ret = parse_u64(&u, v, vlen);
		*dst = (int64_t)u;
	}
	return ret || u > INT64_MAX ? -EINVAL : 0;
}

static int parse_small(int *dst, const char *v, size_t vlen, int max)
{
	uint64_t u;

	if (parse_u64(&u, v, vlen) || u >= (uint64_t)max)
		return -EINVAL;
	*dst = (int)u;
	return 0;
}

enum spool_key {
	SK_STATUS, SK_SEQ, SK_SESSION_ID, SK_IDENTITY, SK_STATION, SK_BSSID,
	SK_SSID, SK_IFNAME, SK_START_TIME, SK_EVENT_TIME, SK_TX_BYTES,
	SK_RX_BYTES, SK_TX_FRAMES, SK_RX_FRAMES, SK_TRIGGER, SK_CAUSE,
	__SK_MAX
};

static const char *const spool_keys[__SK_MAX] = {
	"status", "seq", "session_id", "identity", "station", "bssid",
	"ssid", "ifname", "start_time", "event_time", "tx_bytes",
	"rx_bytes", "tx_frames", "rx_frames", "trigger", "cause",
};

static int spool_enum(int *dst, const char *v, size_t vlen, int min, int max)
{
	int tmp = 0;

	if (parse_small(&tmp, v, vlen, max) || tmp < min)
		return -EINVAL;
	*dst = tmp;
	return 0;
}

static int spool_value(struct acct_record *r, enum spool_key k,
		       const char *v, size_t vlen)
{
	struct acct_counters *c = &r->counters;

	switch (k) {
	case SK_STATUS:
		return spool_enum((int *)&r->status, v, vlen, 1, 4);
	case SK_SEQ:
		return parse_u64(&r->seq, v, vlen);
	case SK_SESSION_ID:
		return parse_str(r->session_id, sizeof(r->session_id), v, vlen);
	case SK_IDENTITY:
		return parse_str(r->identity, sizeof(r->identity), v, vlen);
	case SK_STATION:
		return parse_str(r->station, sizeof(r->station), v, vlen);
	case SK_BSSID:
		return parse_str(r->bssid, sizeof(r->bssid), v, vlen);
	case SK_SSID:
		return parse_str(r->ssid, sizeof(r->ssid), v, vlen);
	case SK_IFNAME:
		return parse_str(r->ifname, sizeof(r->ifname), v, vlen);
	case SK_START_TIME:
		return parse_i64(&r->start_time, v, vlen);
	case SK_EVENT_TIME:
		return parse_i64(&r->event_time, v, vlen);
	case SK_TX_BYTES:
		return parse_u64(&c->tx_bytes, v, vlen);
	case SK_RX_BYTES:
		return parse_u64(&c->rx_bytes, v, vlen);
	case SK_TX_FRAMES:
		return parse_u64(&c->tx_frames, v, vlen);
	case SK_RX_FRAMES:
		return parse_u64(&c->rx_frames, v, vlen);
	case SK_TRIGGER:
		return spool_enum((int *)&r->trigger, v, vlen, 0,
				  __ACCT_TRIGGER_MAX);
	default:
		return spool_enum((int *)&r->cause, v, vlen, 0,
				  __ACCT_CAUSE_MAX);
	}
}

/* One "key=value" line; each key must come exactly once. */
static int spool_field(struct acct_record *r, const char *k, size_t klen,
		       const char *v, size_t vlen, unsigned int *seen)
{
	unsigned int i;

	for (i = 0; i < __SK_MAX; i++) {
		if (strlen(spool_keys[i]) != klen ||
		    memcmp(spool_keys[i], k, klen))
			continue;
		if (*seen & (1u << i))
			return -EINVAL;
		*seen |= 1u << i;
		return spool_value(r, i, v, vlen);
	}
	return -EINVAL;
}

/**
 * acct_record_from_spool() - parse spool text back into a record
 * @r: receives the record
 * @text: NUL-terminated text as written by acct_record_to_spool()
 *
 * Every field must be present exactly once.
 *
 * Return: 0, or -EINVAL for anything else.
 */
int acct_record_from_spool(struct acct_record *r, const char *text)
{
	size_t mlen = strlen(SPOOL_MAGIC);
	unsigned int seen = 0;
	const char *p, *nl, *eq;

	memset(r, 0, sizeof(*r));
	if (strncmp(text, SPOOL_MAGIC "\n", mlen + 1))
		return -EINVAL;
	for (p = text + mlen + 1; *p; p = nl + 1) {
		nl = strchr(p, '\n');
		if (!nl)
			return -EINVAL;
		eq = memchr(p, '=', nl - p);
		if (!eq || spool_field(r, p, eq - p, eq + 1, nl - eq - 1,
				       &seen))
			return -EINVAL;
	}
	return seen == (1u << __SK_MAX) - 1 ? 0 : -EINVAL;
}

/* Length of the valid UTF-8 sequence at s, or 0 if it is not one. */
static size_t utf8_len(const unsigned char *s)
{
	size_t n, i;
	uint32_t cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	/* Overlong forms, surrogates and beyond U+10FFFF are not text. */
	if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return n;
}

/* A JSON string; bytes that are not UTF-8 become U+FFFD. */
static void out_json_str(struct out *o, const char *key, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	out_printf(o, ",\"%s\":\"", key);
	while (*p) {
		size_t n = utf8_len(p);

		if (n == 0) {
			out_printf(o, "\\ufffd");
			p++;
		} else if (*p == '"' || *p == '\\') {
			out_printf(o, "\\%c", *p++);
		} else if (*p < 0x20 || *p == 0x7f) {
			out_printf(o, "\\u%04x", *p++);
		} else {
			out_printf(o, "%.*s", (int)n, (const char *)p);
			p += n;
		}
	}
	out_printf(o, "\"");
}

/**
 * acct_record_to_json() - one JSON-lines log line for a record
 * @r: the record
 * @buf: output, newline and NUL terminated
 * @len: size of @buf
 *
 * Return: length written (newline included), or -ENOSPC.
 */
int acct_record_to_json(const struct acct_record *r, char *buf, size_t len)
{
	const struct acct_counters *c = &r->counters;
	struct out o = { buf, len, 0, 0 };
	time_t t = (time_t)r->event_time;
	char when[32];
	struct tm tm;

	if (!gmtime_r(&t, &tm) ||
	    !strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm))
		strcpy(when, "1970-01-01T00:00:00Z");
	out_printf(&o, "{\"time\":\"%s\",\"event\":\"%s\",\"seq\":%" PRIu64,
		   when, acct_status_name(r->status), r->seq);
	out_json_str(&o, "session_id", r->session_id);
	out_json_str(&o, "identity", r->identity);
	out_json_str(&o, "station", r->station);
	out_json_str(&o, "bssid", r->bssid);
	out_json_str(&o, "ssid", r->ssid);
	out_json_str(&o, "interface", r->ifname);
	out_printf(&o, ",\"session_time\":%" PRId64,
		   r->event_time - r->start_time);
	out_printf(&o, ",\"tx_bytes\":%" PRIu64 ",\"rx_bytes\":%" PRIu64,
		   c->tx_bytes, c->rx_bytes);
	out_printf(&o, ",\"tx_frames\":%" PRIu64 ",\"rx_frames\":%" PRIu64,
		   c->tx_frames, c->rx_frames);
	if (r->status == ACCT_STATUS_INTERIM)
		out_printf(&o, ",\"trigger\":\"%s\"",
			   acct_trigger_name(r->trigger));
	if (r->status == ACCT_STATUS_STOP)
		out_printf(&o, ",\"cause\":\"%s\",\"terminate_cause\":%u",
			   acct_cause_name(r->cause),
			   acct_terminate_cause(r->cause));
	out_printf(&o, "}\n");
	return o.err ? o.err : (int)o.pos;
}
