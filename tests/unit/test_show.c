// SPDX-License-Identifier: GPL-2.0
/*
 * `wpv show` lines: a station merged with its charging session from the
 * agent's sessions file, in the table and in JSON.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "sessions.h"
#include "show_fmt.h"

static const uint8_t sta_addr[6] = { 0x02, 0, 0, 0, 0x02, 0 };

static void station(struct wpv_sta_msg *s)
{
	memset(s, 0, sizeof(*s));
	s->ifindex = 3;
	strcpy(s->ifname, "wlan0");
	memcpy(s->addr, sta_addr, 6);
	strcpy(s->mac, "02:00:00:00:02:00");
	s->state = WPV_STATE_AUTHORISED;
	s->reason = WPV_REASON_VERIFIED;
	strcpy(s->identity, "CN=valid,O=example");
	s->stats[WPV_STATS_AUTH_TX_BYTES] = 5000;
	s->stats[WPV_STATS_AUTH_RX_BYTES] = 700;
}

static void session(struct wpv_session_info *i)
{
	memset(i, 0, sizeof(*i));
	strcpy(i->ifname, "wlan0");
	i->ifindex = 3;
	memcpy(i->station, sta_addr, 6);
	strcpy(i->ssid, "PreviewNet");
	strcpy(i->identity, "CN=valid,O=example");
	strcpy(i->session_id, "3F2A9C0B1D4E5F60");
	i->start_time = 1000;
	i->updated = 1060;
	i->counters.tx_bytes = 4000;
	i->counters.rx_bytes = 600;
	i->counters.tx_frames = 4;
	i->counters.rx_frames = 6;
}

/* What a formatter wrote, as a malloc'ed string. */
struct out {
	char *buf;
	size_t len;
	FILE *f;
};

static void out_open(struct out *o)
{
	o->buf = NULL;
	o->f = open_memstream(&o->buf, &o->len);
	assert_non_null(o->f);
}

static char *out_close(struct out *o)
{
	fclose(o->f);
	return o->buf;
}

static void station_without_session_has_one_line_and_null(void **state)
{
	struct wpv_sta_msg s;
	struct out o;
	char *t;

	(void)state;
	station(&s);
	out_open(&o);
	wpv_show_text(o.f, &s, NULL, 2000);
	t = out_close(&o);
	assert_non_null(strstr(t, "CN=valid,O=example"));
	assert_non_null(strstr(t, " 5700 "));
	assert_ptr_equal(strchr(t, '\n'), t + strlen(t) - 1);
	assert_null(strstr(t, "session"));
	free(t);

	out_open(&o);
	wpv_show_json(o.f, &s, NULL, 2000, true);
	t = out_close(&o);
	assert_int_equal(t[0], '{');
	assert_non_null(strstr(t, "\"auth_tx_bytes\":5000,"));
	assert_non_null(strstr(t, "},\"session\":null}"));
	free(t);
}

static void session_line_has_id_identity_time_and_octets(void **state)
{
	struct wpv_session_info i;
	struct wpv_sta_msg s;
	struct out o;
	char *t, *second;

	(void)state;
	station(&s);
	session(&i);
	strcpy(i.identity, "CN=charged");
	out_open(&o);
	wpv_show_text(o.f, &s, &i, 1090);
	t = out_close(&o);
	second = strchr(t, '\n');
	assert_non_null(second);
	assert_string_equal(second + 1,
			    "  session 3F2A9C0B1D4E5F60 identity CN=charged "
			    "time 90s charged 4600 octets (tx 4000 rx 600)\n");
	free(t);
}

static void session_json_has_every_figure(void **state)
{
	struct wpv_session_info i;
	struct wpv_sta_msg s;
	struct out o;
	char *t;

	(void)state;
	station(&s);
	session(&i);
	out_open(&o);
	wpv_show_json(o.f, &s, &i, 1090, false);
	t = out_close(&o);
	assert_int_equal(t[0], ',');
	assert_non_null(strstr(t,
		"\"session\":{\"session_id\":\"3F2A9C0B1D4E5F60\","
		"\"charged_identity\":\"CN=valid,O=example\","
		"\"start_time\":1000,\"session_time\":90,\"updated\":1060,"
		"\"octets\":4600,\"tx_bytes\":4000,\"rx_bytes\":600,"
		"\"tx_frames\":4,\"rx_frames\":6}}"));
	free(t);
}

static void identities_are_escaped_in_json(void **state)
{
	struct wpv_session_info i;
	struct wpv_sta_msg s;
	struct out o;
	char *t;

	(void)state;
	station(&s);
	strcpy(s.identity, "CN=a\"b\\c\n");
	session(&i);
	strcpy(i.identity, "CN=\"q\"");
	out_open(&o);
	wpv_show_json(o.f, &s, &i, 1090, true);
	t = out_close(&o);
	assert_non_null(strstr(t, "\"identity\":\"CN=a\\\"b\\\\c\\u000a\""));
	assert_non_null(strstr(t, "\"charged_identity\":\"CN=\\\"q\\\"\""));
	free(t);
}

static void clock_stepped_back_gives_zero_session_time(void **state)
{
	struct wpv_session_info i;
	struct wpv_sta_msg s;
	struct out o;
	char *t;

	(void)state;
	station(&s);
	session(&i);
	out_open(&o);
	wpv_show_json(o.f, &s, &i, 500, true);
	t = out_close(&o);
	assert_non_null(strstr(t, "\"session_time\":0,"));
	free(t);
}

/* The file the agent writes, read back and matched to the right station. */
static void sessions_file_is_merged_by_interface_and_station(void **state)
{
	char path[] = "/tmp/test_show_XXXXXX";
	struct wpv_session_info in[2], *got = NULL;
	const struct wpv_session_info *hit;
	struct wpv_sta_msg s;
	struct out o;
	size_t n = 0;
	char *t;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	session(&in[0]);
	session(&in[1]);
	in[1].ifindex = 4;	/* same station on another interface */
	strcpy(in[1].session_id, "00000000000000AA");
	assert_int_equal(wpv_sessions_write(path, in, 2), 0);
	assert_int_equal(wpv_sessions_read(path, &got, &n), 0);
	assert_int_equal(n, 2);
	station(&s);
	hit = wpv_sessions_find(got, n, s.ifindex, s.addr);
	assert_non_null(hit);
	out_open(&o);
	wpv_show_text(o.f, &s, hit, 1001);
	t = out_close(&o);
	assert_non_null(strstr(t, "session 3F2A9C0B1D4E5F60 "));
	free(t);
	s.addr[5] = 1;
	assert_null(wpv_sessions_find(got, n, s.ifindex, s.addr));
	free(got);
	unlink(path);
	assert_int_equal(wpv_sessions_read(path, &got, &n), -ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(station_without_session_has_one_line_and_null),
		cmocka_unit_test(session_line_has_id_identity_time_and_octets),
		cmocka_unit_test(session_json_has_every_figure),
		cmocka_unit_test(identities_are_escaped_in_json),
		cmocka_unit_test(clock_stepped_back_gives_zero_session_time),
		cmocka_unit_test(sessions_file_is_merged_by_interface_and_station),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
