// SPDX-License-Identifier: GPL-2.0
/*
 * The signed transcript.  The fixed vector was worked out by hand from the
 * layout in the uapi header and its SHA-256 computed independently with
 * Python's hashlib:
 *
 *   AP address  02:00:00:00:01:00
 *   STA address 02:00:00:00:02:00
 *   BSSID       02:00:00:00:01:ff (differs from the AP address so a
 *               swapped field shows)
 *   AP nonce    00 01 02 ... 1f
 *   STA nonce   20 21 22 ... 3f
 *   SHA-256     a94da9d39034a2d648de5c4b72042335a6b35ee96660749be303d081a6462315
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <openssl/sha.h>

#include "wpv_transcript.h"

static const u8 ap_addr[6] = { 0x02, 0, 0, 0, 0x01, 0x00 };
static const u8 sta_addr[6] = { 0x02, 0, 0, 0, 0x02, 0x00 };
static const u8 bssid[6] = { 0x02, 0, 0, 0, 0x01, 0xff };
static u8 ap_nonce[32], sta_nonce[32];

static const u8 expected[WPV_TRANSCRIPT_LEN] = {
	/* "wapi-preview signature v1" */
	0x77, 0x61, 0x70, 0x69, 0x2d, 0x70, 0x72, 0x65, 0x76, 0x69, 0x65,
	0x77, 0x20, 0x73, 0x69, 0x67, 0x6e, 0x61, 0x74, 0x75, 0x72, 0x65,
	0x20, 0x76, 0x31,
	0x02, 0x00, 0x00, 0x00, 0x01, 0x00,	/* AP address */
	0x02, 0x00, 0x00, 0x00, 0x02, 0x00,	/* STA address */
	0x02, 0x00, 0x00, 0x00, 0x01, 0xff,	/* BSSID */
	0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
	0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
	0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
	0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27,
	0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37,
	0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
};

static const u8 expected_sha256[32] = {
	0xa9, 0x4d, 0xa9, 0xd3, 0x90, 0x34, 0xa2, 0xd6,
	0x48, 0xde, 0x5c, 0x4b, 0x72, 0x04, 0x23, 0x35,
	0xa6, 0xb3, 0x5e, 0xe9, 0x66, 0x60, 0x74, 0x9b,
	0xe3, 0x03, 0xd0, 0x81, 0xa6, 0x46, 0x23, 0x15,
};

static struct wpv_transcript_in fixed_in(void)
{
	struct wpv_transcript_in in = {
		.ap_addr = ap_addr, .sta_addr = sta_addr, .bssid = bssid,
		.ap_nonce = ap_nonce, .sta_nonce = sta_nonce,
	};
	int i;

	for (i = 0; i < 32; i++) {
		ap_nonce[i] = i;
		sta_nonce[i] = 0x20 + i;
	}
	return in;
}

static void fixed_vector_matches_the_documented_bytes(void **state)
{
	struct wpv_transcript_in in = fixed_in();
	u8 out[WPV_TRANSCRIPT_LEN + 8];

	(void)state;
	assert_int_equal(WPV_TRANSCRIPT_LEN, 107);
	assert_int_equal(wpv_transcript_build(&in, out, sizeof(out)),
			 WPV_TRANSCRIPT_LEN);
	assert_memory_equal(out, expected, WPV_TRANSCRIPT_LEN);
}

static void fixed_vector_hashes_to_the_documented_sha256(void **state)
{
	struct wpv_transcript_in in = fixed_in();
	u8 out[WPV_TRANSCRIPT_LEN], md[32];

	(void)state;
	assert_int_equal(wpv_transcript_build(&in, out, sizeof(out)),
			 WPV_TRANSCRIPT_LEN);
	SHA256(out, sizeof(out), md);
	assert_memory_equal(md, expected_sha256, sizeof(md));
}

static void every_field_changes_the_transcript(void **state)
{
	struct wpv_transcript_in in = fixed_in();
	u8 other[6] = { 0x02, 0, 0, 0, 0x03, 0x00 };
	u8 other_nonce[32] = { 0 };
	u8 out[WPV_TRANSCRIPT_LEN];
	const u8 **fields[] = { &in.ap_addr, &in.sta_addr, &in.bssid,
				&in.ap_nonce, &in.sta_nonce };
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		const u8 *keep = *fields[i];

		*fields[i] = i < 3 ? other : other_nonce;
		assert_int_equal(wpv_transcript_build(&in, out, sizeof(out)),
				 WPV_TRANSCRIPT_LEN);
		assert_memory_not_equal(out, expected, WPV_TRANSCRIPT_LEN);
		*fields[i] = keep;
	}
}

static void short_buffer_is_refused_untouched(void **state)
{
	struct wpv_transcript_in in = fixed_in();
	u8 out[WPV_TRANSCRIPT_LEN];

	(void)state;
	memset(out, 0xaa, sizeof(out));
	assert_int_equal(wpv_transcript_build(&in, out, sizeof(out) - 1),
			 -ENOSPC);
	assert_int_equal(out[0], 0xaa);
}

static void missing_field_is_refused(void **state)
{
	struct wpv_transcript_in in = fixed_in();
	u8 out[WPV_TRANSCRIPT_LEN];

	(void)state;
	in.sta_nonce = NULL;
	assert_int_equal(wpv_transcript_build(&in, out, sizeof(out)), -EINVAL);
	assert_int_equal(wpv_transcript_build(NULL, out, sizeof(out)),
			 -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixed_vector_matches_the_documented_bytes),
		cmocka_unit_test(fixed_vector_hashes_to_the_documented_sha256),
		cmocka_unit_test(every_field_changes_the_transcript),
		cmocka_unit_test(short_buffer_is_refused_untouched),
		cmocka_unit_test(missing_field_is_refused),
	};

	return cmocka_run_group_tests_name("transcript", tests, NULL, NULL);
}
