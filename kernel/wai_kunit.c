// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the WAI challenge codec (wai.c): building a request,
 * and parsing headers and responses with every length and field check.
 */
#include <kunit/test.h>

#include "wai.h"

static const u8 wpv_bssid[6] = { 0x02, 0x00, 0x00, 0x00, 0x01, 0x00 };
static const u8 wpv_sta[6] = { 0x02, 0x00, 0x00, 0x00, 0x02, 0x00 };

static void wpv_nonce(u8 *n, u8 seed)
{
	int i;

	for (i = 0; i < WPV_NONCE_LEN; i++)
		n[i] = seed + i;
}

/* A valid response of @body_len bytes of body into @buf. */
static size_t wpv_make_resp(u8 *buf, size_t body_len)
{
	u8 *p = buf + WPV_WAI_HDR_LEN;

	memset(buf, 0xa5, WPV_WAI_HDR_LEN + body_len);
	wpv_wai_hdr_build(buf, WPV_WAI_SUBTYPE_SIG_RESP,
			  WPV_WAI_HDR_LEN + body_len, 7);
	*p++ = WPV_RESP_F_CERT;
	memcpy(p, wpv_bssid, 6);
	memcpy(p + 6, wpv_sta, 6);
	wpv_nonce(p + 12, 1);
	wpv_nonce(p + 12 + WPV_NONCE_LEN, 100);
	return WPV_WAI_HDR_LEN + body_len;
}

static void wpv_test_req_build(struct kunit *test)
{
	u8 buf[WPV_WAI_REQ_PKT_LEN], nonce[WPV_NONCE_LEN];
	struct wpv_wai_hdr hdr;
	int len;

	wpv_nonce(nonce, 1);
	len = wpv_wai_req_build(buf, sizeof(buf), 0x1234, wpv_bssid, wpv_sta,
				nonce);
	KUNIT_ASSERT_EQ(test, len, WPV_WAI_HDR_LEN + WPV_SIG_REQ_BODY_LEN);
	KUNIT_ASSERT_EQ(test, wpv_wai_hdr_parse(buf, len, &hdr), 0);
	KUNIT_EXPECT_EQ(test, hdr.subtype, WPV_WAI_SUBTYPE_SIG_REQ);
	KUNIT_EXPECT_EQ(test, hdr.seq, 0x1234);
	KUNIT_EXPECT_EQ(test, hdr.len, len);
	KUNIT_EXPECT_EQ(test, buf[0], 0);
	KUNIT_EXPECT_EQ(test, buf[1], 1);
	KUNIT_EXPECT_EQ(test, buf[2], 1);
	KUNIT_EXPECT_EQ(test, buf[12], 0);
	KUNIT_EXPECT_EQ(test, memcmp(buf + 13, wpv_bssid, 6), 0);
	KUNIT_EXPECT_EQ(test, memcmp(buf + 19, wpv_sta, 6), 0);
	KUNIT_EXPECT_EQ(test, memcmp(buf + 25, nonce, WPV_NONCE_LEN), 0);
	KUNIT_EXPECT_EQ(test, wpv_wai_req_build(buf, len - 1, 0, wpv_bssid,
						wpv_sta, nonce), -EMSGSIZE);
}

struct wpv_resp_case {
	const char *desc;
	size_t body_len;
	size_t buf_len_delta;	/* bytes the buffer has beyond the packet */
	int patch_off;		/* -1: no patch */
	u8 patch_val;
	int want;
};

static const struct wpv_resp_case wpv_resp_cases[] = {
	{ "minimal response parses", WPV_SIG_RESP_FIXED_LEN, 0, -1, 0, 0 },
	{ "response with trailing padding parses", WPV_SIG_RESP_FIXED_LEN + 80,
	  6, -1, 0, 0 },
	{ "largest response parses", WPV_SIG_RESP_MAX_LEN, 0, -1, 0, 0 },
	{ "one byte over the largest is refused", WPV_SIG_RESP_MAX_LEN + 1, 0,
	  -1, 0, -EMSGSIZE },
	{ "body shorter than the fixed part", WPV_SIG_RESP_FIXED_LEN - 1, 0,
	  -1, 0, -EINVAL },
	{ "wrong version", WPV_SIG_RESP_FIXED_LEN, 0, 1, 2, -EPROTO },
	{ "wrong type", WPV_SIG_RESP_FIXED_LEN, 0, 2, 2, -EPROTO },
	{ "request subtype is not a response", WPV_SIG_RESP_FIXED_LEN, 0, 3,
	  WPV_WAI_SUBTYPE_SIG_REQ, -EPROTO },
	{ "length field beyond the buffer", WPV_SIG_RESP_FIXED_LEN, 0, 7, 0xff,
	  -EINVAL },
	{ "length field shorter than a header", WPV_SIG_RESP_FIXED_LEN, 0, 6,
	  0, -EINVAL },
	{ "fragmented packet", WPV_SIG_RESP_FIXED_LEN, 0, 10, 1, -EINVAL },
	{ "more-fragments flag", WPV_SIG_RESP_FIXED_LEN, 0, 11, 1, -EINVAL },
};

static void wpv_resp_desc(const struct wpv_resp_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(wpv_resp, wpv_resp_cases, wpv_resp_desc);

static void wpv_test_resp_parse(struct kunit *test)
{
	const struct wpv_resp_case *c = test->param_value;
	struct wpv_wai_resp resp;
	size_t len;
	u8 *buf;

	buf = kunit_kzalloc(test, WPV_WAI_HDR_LEN + c->body_len + 16,
			    GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	len = wpv_make_resp(buf, c->body_len) + c->buf_len_delta;
	if (c->patch_off == 6)	/* length 0x00xx below the header */
		buf[7] = 5;
	if (c->patch_off >= 0)
		buf[c->patch_off] = c->patch_val;
	KUNIT_ASSERT_EQ(test, wpv_wai_resp_parse(buf, len, &resp), c->want);
	if (c->want)
		return;
	KUNIT_EXPECT_EQ(test, resp.body_len, c->body_len);
	KUNIT_EXPECT_EQ(test, resp.flag, WPV_RESP_F_CERT);
	KUNIT_EXPECT_PTR_EQ(test, resp.body, (const u8 *)buf + 12);
	KUNIT_EXPECT_EQ(test, memcmp(resp.bssid, wpv_bssid, 6), 0);
	KUNIT_EXPECT_EQ(test, memcmp(resp.sta, wpv_sta, 6), 0);
	KUNIT_EXPECT_EQ(test, resp.ap_nonce[0], 1);
	KUNIT_EXPECT_EQ(test, resp.sta_nonce[0], 100);
}

struct wpv_match_case {
	const char *desc;
	int patch_off;	/* offset in the body, -1 none */
	bool want;
};

static const struct wpv_match_case wpv_match_cases[] = {
	{ "echo of the challenge matches", -1, true },
	{ "other BSSID", 1, false },
	{ "other station address", 12, false },
	{ "nonce differs in the first byte", 13, false },
	{ "nonce differs in the last byte", 44, false },
	{ "station nonce is not compared", 45, true },
};

static void wpv_match_desc(const struct wpv_match_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(wpv_match, wpv_match_cases, wpv_match_desc);

static void wpv_test_resp_match(struct kunit *test)
{
	const struct wpv_match_case *c = test->param_value;
	u8 buf[WPV_WAI_HDR_LEN + WPV_SIG_RESP_FIXED_LEN];
	u8 nonce[WPV_NONCE_LEN];
	struct wpv_wai_resp resp;
	size_t len;

	len = wpv_make_resp(buf, WPV_SIG_RESP_FIXED_LEN);
	if (c->patch_off >= 0)
		buf[WPV_WAI_HDR_LEN + c->patch_off] ^= 0x80;
	KUNIT_ASSERT_EQ(test, wpv_wai_resp_parse(buf, len, &resp), 0);
	wpv_nonce(nonce, 1);
	KUNIT_EXPECT_EQ(test, wpv_wai_resp_matches(&resp, wpv_bssid, wpv_sta,
						   nonce), c->want);
}

static struct kunit_case wpv_wai_test_cases[] = {
	KUNIT_CASE(wpv_test_req_build),
	KUNIT_CASE_PARAM(wpv_test_resp_parse, wpv_resp_gen_params),
	KUNIT_CASE_PARAM(wpv_test_resp_match, wpv_match_gen_params),
	{}
};

static struct kunit_suite wpv_wai_test_suite = {
	.name = "wapi_preview_wai",
	.test_cases = wpv_wai_test_cases,
};

kunit_test_suite(wpv_wai_test_suite);

MODULE_LICENSE("GPL");
