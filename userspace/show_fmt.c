// SPDX-License-Identifier: GPL-2.0
/*
 * Formatting for `wpv show`, apart from netlink so it can be tested.
 *
 * The text table has one line per station; a station with an open
 * charging session gets a second, indented line with the identity
 * charged, the Acct-Session-Id, the session time and the octets last
 * charged (the figures of the last record, so they trail the module's
 * live AUTH counters by whatever passed since).  The JSON object of such
 * a station has a "session" object; without one it is null.
 */
#include <inttypes.h>

#include "show_fmt.h"

static void json_str(FILE *f, const char *s)
{
	fputc('"', f);
	/* Identities come from certificates: escape what JSON needs. */
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

/* A clock stepped back must not give a session a negative age. */
static uint64_t session_time(const struct wpv_session_info *sess, int64_t now)
{
	return now > sess->start_time ? (uint64_t)(now - sess->start_time) : 0;
}

void wpv_show_text_header(FILE *f)
{
	/* The identity comes last: it has no useful maximum width. */
	fprintf(f, "%-10s %-17s %-10s %-18s %12s %12s %6s %4s %8s  %s\n",
		"INTERFACE", "MAC", "STATE", "REASON", "PREVIEW", "AFTER",
		"QUEUED", "TRY", "AGE(s)", "IDENTITY");
}

void wpv_show_text(FILE *f, const struct wpv_sta_msg *s,
		   const struct wpv_session_info *sess, int64_t now)
{
	unsigned long long preview, after;
	const struct acct_counters *c;

	preview = s->stats[WPV_STATS_PREVIEW_TX_BYTES] +
		  s->stats[WPV_STATS_PREVIEW_RX_BYTES];
	after = s->stats[WPV_STATS_AUTH_TX_BYTES] +
		s->stats[WPV_STATS_AUTH_RX_BYTES];
	fprintf(f, "%-10s %-17s %-10s %-18s %12llu %12llu %6u %4u %8llu  %s\n",
		s->ifname, s->mac, wpv_state_str(s->state),
		wpv_reason_str(s->reason), preview, after, s->queued,
		s->retries, (unsigned long long)s->age_ms / 1000,
		s->identity[0] ? s->identity : "-");
	if (!sess)
		return;
	c = &sess->counters;
	fprintf(f, "  session %s identity %s time %" PRIu64 "s charged %"
		PRIu64 " octets (tx %" PRIu64 " rx %" PRIu64 ")\n",
		sess->session_id, sess->identity[0] ? sess->identity : "-",
		session_time(sess, now), c->tx_bytes + c->rx_bytes,
		c->tx_bytes, c->rx_bytes);
}

static void show_session_json(FILE *f, const struct wpv_session_info *sess,
			      int64_t now)
{
	const struct acct_counters *c = &sess->counters;

	fputs("{\"session_id\":", f);
	json_str(f, sess->session_id);
	fputs(",\"charged_identity\":", f);
	json_str(f, sess->identity);
	fprintf(f, ",\"start_time\":%" PRId64 ",\"session_time\":%" PRIu64
		",\"updated\":%" PRId64 ",\"octets\":%" PRIu64
		",\"tx_bytes\":%" PRIu64 ",\"rx_bytes\":%" PRIu64
		",\"tx_frames\":%" PRIu64 ",\"rx_frames\":%" PRIu64 "}",
		sess->start_time, session_time(sess, now), sess->updated,
		c->tx_bytes + c->rx_bytes, c->tx_bytes, c->rx_bytes,
		c->tx_frames, c->rx_frames);
}

void wpv_show_json(FILE *f, const struct wpv_sta_msg *s,
		   const struct wpv_session_info *sess, int64_t now,
		   bool first)
{
	int i;

	fprintf(f, "%s{\"ifname\":", first ? "" : ",");
	json_str(f, s->ifname);
	fprintf(f, ",\"ifindex\":%u,\"mac\":\"%s\",\"state\":\"%s\","
		"\"reason\":\"%s\",\"identity\":", s->ifindex, s->mac,
		wpv_state_str(s->state), wpv_reason_str(s->reason));
	json_str(f, s->identity);
	fprintf(f, ",\"age_ms\":%llu,\"state_age_ms\":%llu,\"queued\":%u,"
		"\"retries\":%u,\"stats\":{",
		(unsigned long long)s->age_ms,
		(unsigned long long)s->state_age_ms, s->queued, s->retries);
	for (i = 1; i < WPV_STATS_PAD; i++)
		fprintf(f, "%s\"%s\":%llu", i > 1 ? "," : "",
			wpv_stats_str(i), (unsigned long long)s->stats[i]);
	fputs("},\"session\":", f);
	if (sess)
		show_session_json(f, sess, now);
	else
		fputs("null", f);
	fputc('}', f);
}
