// SPDX-License-Identifier: GPL-2.0
/*
 * Native tests of the WAI challenge codec (kernel/wai.c): the request
 * layout byte by byte, and the response parser's checks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <stdlib.h>
#include <cmocka.h>

#include "wai.h"

static const u8 bssid[6] = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 };
static const u8 sta[6] = { 0x02, 0x00, 0x00, 0x00, 0x02, 0x00 };

static void fill_nonce(u8 *n, u8 seed)
{
	for (int i = 0; i < WPV_NONCE_LEN; i++)
		n[i] = (u8)(seed + i);
}

/* A valid response with a body of body_len bytes; returns its length. */
static size_t make_resp(u8 *buf, size_t body_len)
{
	u8 *p = buf + WPV_WAI_HDR_LEN;

	memset(buf, 0x5a, WPV_WAI_HDR_LEN + body_len);
	wpv_wai_hdr_build(buf, WPV_WAI_SUBTYPE_SIG_RESP,
			  (u16)(WPV_WAI_HDR_LEN + body_len), 9);
	*p++ = 0;
	memcpy(p, bssid, 6);
	memcpy(p + 6, sta, 6);
	fill_nonce(p + 12, 1);
	fill_nonce(p + 12 + WPV_NONCE_LEN, 200);
	return WPV_WAI_HDR_LEN + body_len;
}

static void request_has_the_documented_layout(void **state)
{
	static const u8 hdr[12] = { 0x00, 0x01, 0x01, WPV_WAI_SUBTYPE_SIG_REQ,
				    0x00, 0x00, 0x00, 57, 0xbe, 0xef, 0, 0 };
	u8 buf[64], nonce[WPV_NONCE_LEN];
	int len;

	(void)state;
	fill_nonce(nonce, 7);
	len = wpv_wai_req_build(buf, sizeof(buf), 0xbeef, bssid, sta, nonce);
	assert_int_equal(len, 57);
	assert_memory_equal(buf, hdr, sizeof(hdr));
	assert_int_equal(buf[12], 0);
	assert_memory_equal(buf + 13, bssid, 6);
	assert_memory_equal(buf + 19, sta, 6);
	assert_memory_equal(buf + 25, nonce, WPV_NONCE_LEN);
}

static void request_does_not_fit_a_short_buffer(void **state)
{
	u8 buf[56], nonce[WPV_NONCE_LEN] = { 0 };

	(void)state;
	assert_int_equal(wpv_wai_req_build(buf, sizeof(buf), 1, bssid, sta,
					   nonce), -EMSGSIZE);
}

static void request_header_parses_back(void **state)
{
	u8 buf[WPV_WAI_REQ_PKT_LEN + 3], nonce[WPV_NONCE_LEN] = { 0 };
	struct wpv_wai_hdr hdr;

	(void)state;
	wpv_wai_req_build(buf, sizeof(buf), 77, bssid, sta, nonce);
	/* Ethernet padding after the packet is allowed. */
	assert_int_equal(wpv_wai_hdr_parse(buf, sizeof(buf), &hdr), 0);
	assert_int_equal(hdr.len, WPV_WAI_REQ_PKT_LEN);
	assert_int_equal(hdr.seq, 77);
	assert_int_equal(hdr.subtype, WPV_WAI_SUBTYPE_SIG_REQ);
}

static void response_fixed_part_is_found(void **state)
{
	u8 buf[WPV_WAI_HDR_LEN + 300], nonce[WPV_NONCE_LEN];
	struct wpv_wai_resp r;
	size_t len;

	(void)state;
	len = make_resp(buf, 300);
	assert_int_equal(wpv_wai_resp_parse(buf, len, &r), 0);
	assert_ptr_equal(r.body, buf + WPV_WAI_HDR_LEN);
	assert_int_equal(r.body_len, 300);
	assert_memory_equal(r.bssid, bssid, 6);
	assert_memory_equal(r.sta, sta, 6);
	fill_nonce(nonce, 1);
	assert_memory_equal(r.ap_nonce, nonce, WPV_NONCE_LEN);
	fill_nonce(nonce, 200);
	assert_memory_equal(r.sta_nonce, nonce, WPV_NONCE_LEN);
	assert_int_equal(r.hdr.seq, 9);
}

static void response_lengths_are_bounded(void **state)
{
	static const struct {
		size_t body;
		int want;
	} cases[] = {
		{ WPV_SIG_RESP_FIXED_LEN - 1, -EINVAL },
		{ WPV_SIG_RESP_FIXED_LEN, 0 },
		{ WPV_SIG_RESP_MAX_LEN, 0 },
		{ WPV_SIG_RESP_MAX_LEN + 1, -EMSGSIZE },
	};
	static u8 buf[WPV_WAI_HDR_LEN + WPV_SIG_RESP_MAX_LEN + 1];
	struct wpv_wai_resp r;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = make_resp(buf, cases[i].body);

		assert_int_equal(wpv_wai_resp_parse(buf, len, &r),
				 cases[i].want);
	}
}

static void truncated_packets_are_refused(void **state)
{
	u8 buf[WPV_WAI_HDR_LEN + WPV_SIG_RESP_FIXED_LEN];
	struct wpv_wai_resp r;
	size_t len, cut;

	(void)state;
	len = make_resp(buf, WPV_SIG_RESP_FIXED_LEN);
	/* Every length short of the whole packet fails, none reads past. */
	for (cut = 0; cut < len; cut++) {
		u8 *copy = malloc(cut ? cut : 1);

		memcpy(copy, buf, cut);
		assert_int_not_equal(wpv_wai_resp_parse(copy, cut, &r), 0);
		free(copy);
	}
}

static void header_fields_are_checked(void **state)
{
	static const struct {
		int off;
		u8 val;
		int want;
	} cases[] = {
		{ 1, 2, -EPROTO },	/* version */
		{ 2, 9, -EPROTO },	/* type */
		{ 3, WPV_WAI_SUBTYPE_SIG_REQ, -EPROTO },
		{ 7, 11, -EINVAL },	/* length below a header */
		{ 6, 0x40, -EINVAL },	/* length beyond the buffer */
		{ 10, 1, -EINVAL },	/* fragment number */
		{ 11, 1, -EINVAL },	/* more fragments */
		{ 4, 0xff, 0 },		/* reserved is not checked */
	};
	u8 buf[WPV_WAI_HDR_LEN + WPV_SIG_RESP_FIXED_LEN];
	struct wpv_wai_resp r;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = make_resp(buf, WPV_SIG_RESP_FIXED_LEN);

		if (cases[i].off == 7)
			buf[6] = 0;
		buf[cases[i].off] = cases[i].val;
		assert_int_equal(wpv_wai_resp_parse(buf, len, &r),
				 cases[i].want);
	}
}

static void response_matches_only_its_challenge(void **state)
{
	static const struct {
		int off;	/* body offset to flip, -1 none */
		bool want;
	} cases[] = {
		{ -1, true }, { 1, false }, { 6, false }, { 7, false },
		{ 12, false }, { 13, false }, { 44, false }, { 45, true },
		{ 0, true },	/* flag is not part of the match */
	};
	u8 buf[WPV_WAI_HDR_LEN + WPV_SIG_RESP_FIXED_LEN];
	u8 nonce[WPV_NONCE_LEN];
	struct wpv_wai_resp r;

	(void)state;
	fill_nonce(nonce, 1);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = make_resp(buf, WPV_SIG_RESP_FIXED_LEN);

		if (cases[i].off >= 0)
			buf[WPV_WAI_HDR_LEN + cases[i].off] ^= 1;
		assert_int_equal(wpv_wai_resp_parse(buf, len, &r), 0);
		assert_int_equal(wpv_wai_resp_matches(&r, bssid, sta, nonce),
				 cases[i].want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(request_has_the_documented_layout),
		cmocka_unit_test(request_does_not_fit_a_short_buffer),
		cmocka_unit_test(request_header_parses_back),
		cmocka_unit_test(response_fixed_part_is_found),
		cmocka_unit_test(response_lengths_are_bounded),
		cmocka_unit_test(truncated_packets_are_refused),
		cmocka_unit_test(header_fields_are_checked),
		cmocka_unit_test(response_matches_only_its_challenge),
	};

	return cmocka_run_group_tests_name("wai", tests, NULL, NULL);
}
