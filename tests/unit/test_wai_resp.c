// SPDX-License-Identifier: GPL-2.0
/*
 * WAI header, request and response codec: round trips, and each kind of
 * bad input refused with its own error.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "wai_resp.h"

/* Small but well-formed DER: SEQUENCE{} names, INTEGER 0x1001, P-256 OID. */
static const u8 subject[] = { 0x30, 0x03, 0x31, 0x01, 0x00 };
static const u8 issuer[] = { 0x30, 0x02, 0x31, 0x00 };
static const u8 serial[] = { 0x02, 0x02, 0x10, 0x01 };
static const u8 p256_oid[] = { 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce,
			       0x3d, 0x03, 0x01, 0x07 };
static u8 value[64];
static const u8 cert[] = { 0x30, 0x03, 0x02, 0x01, 0x05 };

/* Offsets into the body built by sample_body(). */
#define OFF_ATTR	WPV_SIG_RESP_FIXED_LEN
#define OFF_ID		(OFF_ATTR + 3)
#define OFF_ALG		(OFF_ID + 4 + sizeof(subject) + sizeof(issuer) + \
			 sizeof(serial))
#define OFF_VALUE	(OFF_ALG + 2 + 5 + sizeof(p256_oid))
#define OFF_CERT	(OFF_VALUE + 2 + sizeof(value))

static struct wpv_sig_resp sample(bool with_cert)
{
	struct wpv_sig_resp r = { 0 };
	size_t i;

	r.flag = with_cert ? WPV_RESP_F_CERT : 0;
	for (i = 0; i < 6; i++) {
		r.bssid[i] = 0x10 + i;
		r.sta_addr[i] = 0x20 + i;
	}
	for (i = 0; i < 32; i++) {
		r.ap_nonce[i] = i;
		r.sta_nonce[i] = 0x80 + i;
	}
	for (i = 0; i < sizeof(value); i++)
		value[i] = 0xc0 ^ i;
	r.sig.subject = (struct wpv_bytes){ subject, sizeof(subject) };
	r.sig.issuer = (struct wpv_bytes){ issuer, sizeof(issuer) };
	r.sig.serial = (struct wpv_bytes){ serial, sizeof(serial) };
	r.sig.hash_alg = WPV_WAI_HASH_SHA256;
	r.sig.sig_alg = WPV_WAI_SIG_ECDSA;
	r.sig.param_type = WPV_WAI_PARAM_OID;
	r.sig.curve_oid = (struct wpv_bytes){ p256_oid, sizeof(p256_oid) };
	r.sig.value = (struct wpv_bytes){ value, sizeof(value) };
	if (with_cert)
		r.cert = (struct wpv_bytes){ cert, sizeof(cert) };
	return r;
}

static size_t sample_body(u8 *buf, size_t len, bool with_cert)
{
	struct wpv_sig_resp r = sample(with_cert);
	int n = wpv_sig_resp_encode(&r, buf, len);

	assert_true(n > 0);
	return n;
}

static void response_round_trips_with_certificate(void **state)
{
	struct wpv_sig_resp in = sample(true), out;
	u8 buf[512];
	int n;

	(void)state;
	n = wpv_sig_resp_encode(&in, buf, sizeof(buf));
	assert_int_equal(n, OFF_CERT + 4 + sizeof(cert));
	assert_int_equal(wpv_sig_resp_decode(buf, n, &out), 0);
	assert_int_equal(out.flag, WPV_RESP_F_CERT);
	assert_memory_equal(out.bssid, in.bssid, 6);
	assert_memory_equal(out.sta_addr, in.sta_addr, 6);
	assert_memory_equal(out.ap_nonce, in.ap_nonce, 32);
	assert_memory_equal(out.sta_nonce, in.sta_nonce, 32);
	assert_int_equal(out.sig.subject.len, sizeof(subject));
	assert_memory_equal(out.sig.subject.data, subject, sizeof(subject));
	assert_memory_equal(out.sig.issuer.data, issuer, sizeof(issuer));
	assert_memory_equal(out.sig.serial.data, serial, sizeof(serial));
	assert_memory_equal(out.sig.curve_oid.data, p256_oid, sizeof(p256_oid));
	assert_int_equal(out.sig.value.len, 64);
	assert_memory_equal(out.sig.value.data, value, 64);
	assert_int_equal(out.cert.len, sizeof(cert));
	assert_memory_equal(out.cert.data, cert, sizeof(cert));
}

static void response_round_trips_without_certificate(void **state)
{
	struct wpv_sig_resp out;
	u8 buf[512];
	size_t n;

	(void)state;
	n = sample_body(buf, sizeof(buf), false);
	assert_int_equal(n, OFF_CERT);
	assert_int_equal(wpv_sig_resp_decode(buf, n, &out), 0);
	assert_int_equal(out.cert.len, 0);
	assert_null(out.cert.data);
}

static void response_with_empty_identity_decodes(void **state)
{
	struct wpv_sig_resp in = sample(false), out;
	u8 buf[512];
	int n;

	(void)state;
	in.sig.subject.len = in.sig.issuer.len = in.sig.serial.len = 0;
	n = wpv_sig_resp_encode(&in, buf, sizeof(buf));
	assert_true(n > 0);
	assert_int_equal(wpv_sig_resp_decode(buf, n, &out), 0);
	assert_int_equal(out.sig.subject.len, 0);
	assert_int_equal(out.sig.value.len, 64);
}

static void response_truncated_anywhere_is_refused(void **state)
{
	struct wpv_sig_resp out;
	u8 buf[512];
	size_t n, cut;
	int ret;

	(void)state;
	n = sample_body(buf, sizeof(buf), true);
	for (cut = 0; cut < n; cut++) {
		ret = wpv_sig_resp_decode(buf, cut, &out);
		/* Cut inside a nested field: the outer length overruns. */
		assert_int_equal(ret, -WPV_WAI_ETRUNC);
	}
}

static void response_with_trailing_bytes_is_refused(void **state)
{
	struct wpv_sig_resp out;
	u8 buf[512];
	size_t n;

	(void)state;
	n = sample_body(buf, sizeof(buf), true);
	buf[n] = 0;
	assert_int_equal(wpv_sig_resp_decode(buf, n + 1, &out),
			 -WPV_WAI_ETRAILING);
	/* A certificate where the flag says none is also trailing. */
	buf[0] = 0;
	assert_int_equal(wpv_sig_resp_decode(buf, n, &out),
			 -WPV_WAI_ETRAILING);
}

static void response_oversized_is_refused(void **state)
{
	static u8 big[WPV_SIG_RESP_MAX_LEN + 1];
	struct wpv_sig_resp out;

	(void)state;
	sample_body(big, sizeof(big), true);
	assert_int_equal(wpv_sig_resp_decode(big, sizeof(big), &out),
			 -WPV_WAI_ETOOBIG);
}

static void response_unknown_flag_is_refused(void **state)
{
	struct wpv_sig_resp out;
	u8 buf[512];
	size_t n;

	(void)state;
	n = sample_body(buf, sizeof(buf), true);
	buf[0] |= 0x80;
	assert_int_equal(wpv_sig_resp_decode(buf, n, &out), -WPV_WAI_EFLAG);
}

/* Change one byte of a good body and expect @err. */
static void expect_patched(size_t off, u8 val, int err)
{
	struct wpv_sig_resp out;
	u8 buf[512];
	size_t n;

	n = sample_body(buf, sizeof(buf), true);
	buf[off] = val;
	assert_int_equal(wpv_sig_resp_decode(buf, n, &out), err);
}

static void response_wrong_attribute_type_is_refused(void **state)
{
	(void)state;
	expect_patched(OFF_ATTR, 2, -WPV_WAI_EATTR);
}

static void response_wrong_identity_id_is_refused(void **state)
{
	(void)state;
	expect_patched(OFF_ID + 1, 2, -WPV_WAI_EIDENTITY);
}

static void response_identity_not_der_is_refused(void **state)
{
	(void)state;
	/* subject's tag: SET instead of SEQUENCE */
	expect_patched(OFF_ID + 4, 0x31, -WPV_WAI_EIDENTITY);
	/* subject's length runs into the issuer */
	expect_patched(OFF_ID + 5, 0x04, -WPV_WAI_EIDENTITY);
	/* serial's tag: OCTET STRING instead of INTEGER */
	expect_patched(OFF_ID + 4 + sizeof(subject) + sizeof(issuer), 0x04,
		       -WPV_WAI_EIDENTITY);
}

static void response_unsupported_algorithm_is_refused(void **state)
{
	(void)state;
	expect_patched(OFF_ALG + 2, 2, -WPV_WAI_EALG);	/* hash */
	expect_patched(OFF_ALG + 3, 2, -WPV_WAI_EALG);	/* signature */
	expect_patched(OFF_ALG + 4, 2, -WPV_WAI_EALG);	/* parameter type */
	expect_patched(OFF_ALG + 6, 9, -WPV_WAI_EALG);	/* parameter length */
	expect_patched(OFF_ALG + 7, 0x04, -WPV_WAI_EALG); /* not an OID */
}

static void response_odd_signature_value_is_refused(void **state)
{
	struct wpv_sig_resp in = sample(false), out;
	u8 buf[512];
	int n;

	(void)state;
	in.sig.value.len = 63;
	n = wpv_sig_resp_encode(&in, buf, sizeof(buf));
	assert_int_equal(wpv_sig_resp_decode(buf, n, &out),
			 -WPV_WAI_ESIGVALUE);
	in.sig.value.len = 0;
	n = wpv_sig_resp_encode(&in, buf, sizeof(buf));
	assert_int_equal(wpv_sig_resp_decode(buf, n, &out),
			 -WPV_WAI_ESIGVALUE);
}

static void response_wrong_certificate_id_is_refused(void **state)
{
	(void)state;
	expect_patched(OFF_CERT + 1, 2, -WPV_WAI_ECERT);
}

static void response_encode_into_small_buffer_fails(void **state)
{
	struct wpv_sig_resp in = sample(true);
	u8 buf[OFF_CERT];

	(void)state;
	assert_int_equal(wpv_sig_resp_encode(&in, buf, sizeof(buf)),
			 -WPV_WAI_ENOSPC);
}

static void request_round_trips(void **state)
{
	struct wpv_sig_req in = { 0 }, out;
	u8 buf[WPV_SIG_REQ_BODY_LEN + 1];

	(void)state;
	memset(in.bssid, 0x11, 6);
	memset(in.sta_addr, 0x22, 6);
	memset(in.ap_nonce, 0x33, 32);
	assert_int_equal(wpv_sig_req_encode(&in, buf, sizeof(buf)),
			 WPV_SIG_REQ_BODY_LEN);
	assert_int_equal(wpv_sig_req_decode(buf, WPV_SIG_REQ_BODY_LEN, &out),
			 0);
	assert_memory_equal(&in, &out, sizeof(in));
	assert_int_equal(wpv_sig_req_decode(buf, WPV_SIG_REQ_BODY_LEN - 1,
					    &out), -WPV_WAI_ETRUNC);
	assert_int_equal(wpv_sig_req_decode(buf, WPV_SIG_REQ_BODY_LEN + 1,
					    &out), -WPV_WAI_ETRAILING);
	buf[0] = 1;
	assert_int_equal(wpv_sig_req_decode(buf, WPV_SIG_REQ_BODY_LEN, &out),
			 -WPV_WAI_EFLAG);
}

static void header_round_trips_and_checks_fields(void **state)
{
	struct wpv_wai_hdr h = {
		.version = WPV_WAI_VERSION, .type = WPV_WAI_TYPE,
		.subtype = WPV_WAI_SUBTYPE_SIG_RESP, .length = 40, .seq = 7,
	}, out;
	static const u8 wire[] = { 0x00, 0x01, 0x01, 0x21, 0x00, 0x00,
				   0x00, 0x28, 0x00, 0x07, 0x00, 0x00 };
	u8 buf[40] = { 0 };

	(void)state;
	assert_int_equal(wpv_wai_hdr_encode(&h, buf, sizeof(buf)),
			 WPV_WAI_HDR_LEN);
	assert_memory_equal(buf, wire, sizeof(wire));
	assert_int_equal(wpv_wai_hdr_decode(buf, 40, &out), 0);
	assert_int_equal(out.subtype, WPV_WAI_SUBTYPE_SIG_RESP);
	assert_int_equal(out.seq, 7);
	assert_int_equal(wpv_wai_hdr_decode(buf, 11, &out), -WPV_WAI_ETRUNC);
	assert_int_equal(wpv_wai_hdr_decode(buf, 39, &out), -WPV_WAI_ELENGTH);
	buf[1] = 2;
	assert_int_equal(wpv_wai_hdr_decode(buf, 40, &out), -WPV_WAI_EHDR);
	buf[1] = 1;
	buf[11] = 1;	/* more fragments */
	assert_int_equal(wpv_wai_hdr_decode(buf, 40, &out), -WPV_WAI_EHDR);
}

static void every_error_has_its_own_message(void **state)
{
	int i, j;

	(void)state;
	for (i = 0; i < __WPV_WAI_EMAX; i++) {
		assert_non_null(wpv_wai_strerror(-i));
		for (j = 0; j < i; j++)
			assert_string_not_equal(wpv_wai_strerror(-i),
						wpv_wai_strerror(-j));
	}
	assert_string_equal(wpv_wai_strerror(-__WPV_WAI_EMAX),
			    "unknown error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(response_round_trips_with_certificate),
		cmocka_unit_test(response_round_trips_without_certificate),
		cmocka_unit_test(response_with_empty_identity_decodes),
		cmocka_unit_test(response_truncated_anywhere_is_refused),
		cmocka_unit_test(response_with_trailing_bytes_is_refused),
		cmocka_unit_test(response_oversized_is_refused),
		cmocka_unit_test(response_unknown_flag_is_refused),
		cmocka_unit_test(response_wrong_attribute_type_is_refused),
		cmocka_unit_test(response_wrong_identity_id_is_refused),
		cmocka_unit_test(response_identity_not_der_is_refused),
		cmocka_unit_test(response_unsupported_algorithm_is_refused),
		cmocka_unit_test(response_odd_signature_value_is_refused),
		cmocka_unit_test(response_wrong_certificate_id_is_refused),
		cmocka_unit_test(response_encode_into_small_buffer_fails),
		cmocka_unit_test(request_round_trips),
		cmocka_unit_test(header_round_trips_and_checks_fields),
		cmocka_unit_test(every_error_has_its_own_message),
	};

	return cmocka_run_group_tests_name("wai_resp", tests, NULL, NULL);
}
