// SPDX-License-Identifier: GPL-2.0
/*
 * The verification core against a PKI made fresh by scripts/mkpki.sh:
 * every certificate case and every kind of bad answer is refused with its
 * own reason, and good answers are accepted with the right identity.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <openssl/pem.h>

#include "sig.h"
#include "verify.h"
#include "wpv_transcript.h"

#define STA_MAC	"02:00:00:00:02:00"

static char pki[64];
static struct wpv_verifier *verifier;
static struct wpv_verify_facts facts = {
	.ifname = "wlan0",
	.bssid = { 0x02, 0, 0, 0, 0x01, 0x00 },
	.ap_addr = { 0x02, 0, 0, 0, 0x01, 0x00 },
	.sta_addr = { 0x02, 0, 0, 0, 0x02, 0x00 },
};

/* How to spoil an otherwise good answer. */
struct spoil {
	const u8 *sign_ap_nonce;	/* sign over this AP nonce instead */
	const u8 *echo_ap_nonce;	/* echo this AP nonce instead */
	const u8 *sta_addr;		/* claim this station address */
	const u8 *cert_der;		/* send these bytes as certificate */
	size_t cert_len;
	bool no_identity;
};

static void pki_path(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", pki, name);
}

static X509 *load_cert(const char *name)
{
	char path[128];
	X509 *cert;
	FILE *f;

	pki_path(path, sizeof(path), name);
	f = fopen(path, "r");
	assert_non_null(f);
	cert = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	assert_non_null(cert);
	return cert;
}

static EVP_PKEY *load_key(const char *name)
{
	char path[128];
	EVP_PKEY *key;

	pki_path(path, sizeof(path), name);
	key = wpv_sig_load_private(path);
	assert_non_null(key);
	return key;
}

/*
 * Build a response body as an honest responder would for @cert (NULL: a
 * provisioned key), signed with @key, then apply @sp.
 */
static size_t make_response(const char *cert_name, const char *key_name,
			    const struct spoil *sp, u8 *buf, size_t len)
{
	u8 transcript[WPV_TRANSCRIPT_LEN], rs[132], oid[32];
	u8 *cert_der = NULL, *subj = NULL, *iss = NULL, *ser = NULL;
	struct wpv_sig_resp resp = { 0 };
	struct wpv_transcript_in in;
	EVP_PKEY *key = load_key(key_name);
	X509 *cert = NULL;
	int n, rs_len, oid_len;

	memcpy(resp.bssid, facts.bssid, 6);
	memcpy(resp.sta_addr, sp && sp->sta_addr ? sp->sta_addr :
	       facts.sta_addr, 6);
	memcpy(resp.ap_nonce, sp && sp->echo_ap_nonce ? sp->echo_ap_nonce :
	       facts.ap_nonce, 32);
	memset(resp.sta_nonce, 0x5a, 32);

	in.ap_addr = facts.ap_addr;
	in.sta_addr = facts.sta_addr;
	in.bssid = facts.bssid;
	in.ap_nonce = sp && sp->sign_ap_nonce ? sp->sign_ap_nonce :
		      facts.ap_nonce;
	in.sta_nonce = resp.sta_nonce;
	assert_int_equal(wpv_transcript_build(&in, transcript,
					      sizeof(transcript)),
			 WPV_TRANSCRIPT_LEN);
	rs_len = wpv_sig_sign(key, transcript, sizeof(transcript), rs,
			      sizeof(rs));
	assert_int_equal(rs_len, 64);
	oid_len = wpv_sig_curve_oid(key, oid, sizeof(oid));
	assert_true(oid_len > 0);

	resp.sig.hash_alg = WPV_WAI_HASH_SHA256;
	resp.sig.sig_alg = WPV_WAI_SIG_ECDSA;
	resp.sig.param_type = WPV_WAI_PARAM_OID;
	resp.sig.curve_oid = (struct wpv_bytes){ oid, oid_len };
	resp.sig.value = (struct wpv_bytes){ rs, rs_len };

	if (cert_name) {
		cert = load_cert(cert_name);
		resp.flag = WPV_RESP_F_CERT;
		n = i2d_X509(cert, &cert_der);
		resp.cert = (struct wpv_bytes){ cert_der, n };
		if (!sp || !sp->no_identity) {
			n = i2d_X509_NAME(X509_get_subject_name(cert), &subj);
			resp.sig.subject = (struct wpv_bytes){ subj, n };
			n = i2d_X509_NAME(X509_get_issuer_name(cert), &iss);
			resp.sig.issuer = (struct wpv_bytes){ iss, n };
			n = i2d_ASN1_INTEGER(X509_get0_serialNumber(cert),
					     &ser);
			resp.sig.serial = (struct wpv_bytes){ ser, n };
		}
	}
	if (sp && sp->cert_der) {
		resp.flag = WPV_RESP_F_CERT;
		resp.cert = (struct wpv_bytes){ sp->cert_der, sp->cert_len };
	}
	n = wpv_sig_resp_encode(&resp, buf, len);
	assert_true(n > 0);

	OPENSSL_free(cert_der);
	OPENSSL_free(subj);
	OPENSSL_free(iss);
	OPENSSL_free(ser);
	X509_free(cert);
	EVP_PKEY_free(key);
	return n;
}

static void expect(const char *cert, const char *key, const struct spoil *sp,
		   enum wpv_reason reason)
{
	struct wpv_verify_result res;
	u8 body[2048];
	size_t n;

	n = make_response(cert, key, sp, body, sizeof(body));
	wpv_verify_response(verifier, &facts, body, n, &res);
	if (res.reason != reason)
		fail_msg("want %s, got %s (%s)", wpv_reason_name(reason),
			 wpv_reason_name(res.reason), res.detail);
	assert_int_equal(res.verdict, reason == WPV_REASON_VERIFIED ?
			 WPV_VERDICT_ACCEPT : WPV_VERDICT_REJECT);
	if (reason != WPV_REASON_VERIFIED)
		assert_string_equal(res.identity, "");
}

static int make_verifier(struct wpv_verifier **v, bool use_dir,
			 bool crl_file)
{
	char ca[128], crl[128], dir[128], keys[128], err[256];
	struct wpv_verify_config cfg = { .crl_check = true };

	pki_path(ca, sizeof(ca), "ca.pem");
	pki_path(crl, sizeof(crl), "crl.pem");
	pki_path(dir, sizeof(dir), "hashed");
	pki_path(keys, sizeof(keys), "keys");
	if (use_dir)
		cfg.ca_dir = dir;
	else
		cfg.ca_file = ca;
	if (crl_file)
		cfg.crl_file = crl;
	cfg.keys_dir = keys;
	if (wpv_verifier_new(&cfg, v, err, sizeof(err))) {
		fprintf(stderr, "verifier: %s\n", err);
		return -1;
	}
	return 0;
}

static int setup(void **state)
{
	char cmd[512];
	int i;

	(void)state;
	strcpy(pki, "/tmp/wpv-pki.XXXXXX");
	if (!mkdtemp(pki))
		return -1;
	snprintf(cmd, sizeof(cmd),
		 "scripts/mkpki.sh %s && mkdir %s/keys && cp %s/valid.pub %s/keys/%s.pem",
		 pki, pki, pki, pki, STA_MAC);
	if (system(cmd) != 0)
		return -1;
	for (i = 0; i < 32; i++)
		facts.ap_nonce[i] = 0xa0 + i;
	return make_verifier(&verifier, false, true);
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	wpv_verifier_free(verifier);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", pki);
	return system(cmd) == 0 ? 0 : -1;
}

static void valid_certificate_is_accepted_with_its_subject(void **state)
{
	struct wpv_verify_result res;
	u8 body[2048];
	size_t n;

	(void)state;
	n = make_response("valid.pem", "valid.key", NULL, body, sizeof(body));
	wpv_verify_response(verifier, &facts, body, n, &res);
	assert_int_equal(res.verdict, WPV_VERDICT_ACCEPT);
	assert_int_equal(res.reason, WPV_REASON_VERIFIED);
	assert_string_equal(res.identity, "CN=valid,O=wapi-preview test");
}

static void expired_certificate_is_refused(void **state)
{
	(void)state;
	expect("expired.pem", "expired.key", NULL, WPV_REASON_CERT_EXPIRED);
}

static void not_yet_valid_certificate_is_refused(void **state)
{
	(void)state;
	expect("notyet.pem", "notyet.key", NULL,
	       WPV_REASON_CERT_NOT_YET_VALID);
}

static void revoked_certificate_is_refused(void **state)
{
	(void)state;
	expect("revoked.pem", "revoked.key", NULL, WPV_REASON_CERT_REVOKED);
}

static void certificate_from_untrusted_ca_is_refused(void **state)
{
	(void)state;
	expect("untrusted.pem", "untrusted.key", NULL,
	       WPV_REASON_CERT_UNTRUSTED);
}

static void certificate_without_digital_signature_is_refused(void **state)
{
	(void)state;
	expect("keyusage.pem", "keyusage.key", NULL,
	       WPV_REASON_CERT_KEY_USAGE);
}

static void signature_by_another_key_is_refused(void **state)
{
	(void)state;
	expect("valid.pem", "stranger.key", NULL, WPV_REASON_BAD_SIGNATURE);
}

static void signature_over_another_transcript_is_refused(void **state)
{
	u8 other[32];
	struct spoil sp = { .sign_ap_nonce = other };

	(void)state;
	memset(other, 0x77, sizeof(other));
	expect("valid.pem", "valid.key", &sp, WPV_REASON_BAD_SIGNATURE);
}

static void answer_to_another_challenge_is_refused(void **state)
{
	u8 other[32];
	struct spoil sp = { .sign_ap_nonce = other, .echo_ap_nonce = other };

	(void)state;
	memset(other, 0x77, sizeof(other));
	expect("valid.pem", "valid.key", &sp, WPV_REASON_MALFORMED);
}

static void answer_naming_another_station_is_refused(void **state)
{
	static const u8 other[6] = { 0x02, 0, 0, 0, 0x09, 0x00 };
	struct spoil sp = { .sta_addr = other };

	(void)state;
	expect("valid.pem", "valid.key", &sp, WPV_REASON_MALFORMED);
}

static void garbage_certificate_der_is_refused(void **state)
{
	static const u8 junk[] = { 0x30, 0x05, 0x02, 0x01, 0x01, 0x04, 0x00 };
	struct spoil sp = { .cert_der = junk, .cert_len = sizeof(junk) };

	(void)state;
	expect(NULL, "valid.key", &sp, WPV_REASON_CERT_INVALID);
}

static void identity_not_naming_the_certificate_is_refused(void **state)
{
	struct spoil sp = { .no_identity = true };

	(void)state;
	expect("valid.pem", "valid.key", &sp, WPV_REASON_MALFORMED);
}

static void truncated_answer_is_refused(void **state)
{
	struct wpv_verify_result res;
	u8 body[2048];
	size_t n;

	(void)state;
	n = make_response("valid.pem", "valid.key", NULL, body, sizeof(body));
	wpv_verify_response(verifier, &facts, body, n - 1, &res);
	assert_int_equal(res.verdict, WPV_VERDICT_REJECT);
	assert_int_equal(res.reason, WPV_REASON_MALFORMED);
	assert_non_null(strstr(res.detail, "truncated"));
	wpv_verify_response(verifier, &facts, body, 10, &res);
	assert_int_equal(res.reason, WPV_REASON_MALFORMED);
}

static void oversized_answer_is_refused(void **state)
{
	static u8 body[WPV_SIG_RESP_MAX_LEN + 100];
	struct wpv_verify_result res;

	(void)state;
	make_response("valid.pem", "valid.key", NULL, body, sizeof(body));
	wpv_verify_response(verifier, &facts, body, sizeof(body), &res);
	assert_int_equal(res.verdict, WPV_VERDICT_REJECT);
	assert_int_equal(res.reason, WPV_REASON_MALFORMED);
	assert_non_null(strstr(res.detail, "longer"));
}

static void provisioned_key_is_accepted_without_certificate(void **state)
{
	struct wpv_verify_result res;
	u8 body[2048];
	size_t n;

	(void)state;
	n = make_response(NULL, "valid.key", NULL, body, sizeof(body));
	wpv_verify_response(verifier, &facts, body, n, &res);
	assert_int_equal(res.verdict, WPV_VERDICT_ACCEPT);
	assert_string_equal(res.identity, "key:" STA_MAC);
}

static void provisioned_key_rejects_another_signer(void **state)
{
	(void)state;
	expect(NULL, "stranger.key", NULL, WPV_REASON_BAD_SIGNATURE);
}

static void station_without_certificate_or_key_is_refused(void **state)
{
	struct wpv_verify_facts keep = facts;

	(void)state;
	facts.sta_addr[5] = 0x42;
	expect(NULL, "valid.key", NULL, WPV_REASON_NO_KEY);
	facts = keep;
}

static void missing_crl_fails_closed(void **state)
{
	struct wpv_verifier *keep = verifier;

	(void)state;
	assert_int_equal(make_verifier(&verifier, false, false), 0);
	expect("valid.pem", "valid.key", NULL, WPV_REASON_STATUS_UNKNOWN);
	wpv_verifier_free(verifier);
	verifier = keep;
}

static void hashed_ca_dir_with_crl_works(void **state)
{
	struct wpv_verifier *keep = verifier;

	(void)state;
	assert_int_equal(make_verifier(&verifier, true, false), 0);
	expect("valid.pem", "valid.key", NULL, WPV_REASON_VERIFIED);
	expect("revoked.pem", "revoked.key", NULL, WPV_REASON_CERT_REVOKED);
	wpv_verifier_free(verifier);
	verifier = keep;
}

/* Every single-byte change is refused, none crashes (ASan watches). */
static void every_single_byte_change_is_refused(void **state)
{
	static const u8 deltas[] = { 0x01, 0x80, 0xff };
	struct wpv_verify_result res;
	u8 body[2048], keep;
	size_t n, i, d;

	(void)state;
	n = make_response("valid.pem", "valid.key", NULL, body, sizeof(body));
	for (i = 0; i < n; i++) {
		keep = body[i];
		for (d = 0; d < sizeof(deltas); d++) {
			body[i] = keep ^ deltas[d];
			wpv_verify_response(verifier, &facts, body, n, &res);
			if (res.verdict != WPV_VERDICT_REJECT)
				fail_msg("byte %zu ^ 0x%02x accepted", i,
					 deltas[d]);
		}
		body[i] = keep;
	}
	wpv_verify_response(verifier, &facts, body, n, &res);
	assert_int_equal(res.verdict, WPV_VERDICT_ACCEPT);
}

static bool match_all(X509 *cert)
{
	(void)cert;
	return true;
}

static enum wpv_reason refuse_all(const struct wpv_verifier *v, X509 *cert,
				  const struct wpv_sig_check *chk,
				  struct wpv_verify_result *res)
{
	(void)v;
	(void)cert;
	assert_int_equal(chk->transcript_len, WPV_TRANSCRIPT_LEN);
	res->reason = WPV_REASON_CERT_INVALID;
	snprintf(res->detail, sizeof(res->detail), "other scheme");
	return WPV_REASON_CERT_INVALID;
}

static void other_scheme_is_asked_first(void **state)
{
	static const struct wpv_cert_scheme other = {
		.name = "test", .matches = match_all, .verify = refuse_all,
	};
	struct wpv_verifier *keep = verifier;
	struct wpv_verify_result res;
	u8 body[2048];
	size_t n;

	(void)state;
	assert_int_equal(make_verifier(&verifier, false, true), 0);
	assert_int_equal(wpv_verifier_add_scheme(verifier, &other), 0);
	n = make_response("valid.pem", "valid.key", NULL, body, sizeof(body));
	wpv_verify_response(verifier, &facts, body, n, &res);
	assert_int_equal(res.reason, WPV_REASON_CERT_INVALID);
	assert_string_equal(res.detail, "other scheme");
	wpv_verifier_free(verifier);
	verifier = keep;
}

static void unusable_configuration_is_refused(void **state)
{
	struct wpv_verify_config cfg = { .ca_file = "/nonexistent/ca.pem" };
	struct wpv_verifier *v;
	char err[256];

	(void)state;
	assert_int_equal(wpv_verifier_new(&cfg, &v, err, sizeof(err)),
			 -EINVAL);
	assert_null(v);
	assert_non_null(strstr(err, "ca_file"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_certificate_is_accepted_with_its_subject),
		cmocka_unit_test(expired_certificate_is_refused),
		cmocka_unit_test(not_yet_valid_certificate_is_refused),
		cmocka_unit_test(revoked_certificate_is_refused),
		cmocka_unit_test(certificate_from_untrusted_ca_is_refused),
		cmocka_unit_test(certificate_without_digital_signature_is_refused),
		cmocka_unit_test(signature_by_another_key_is_refused),
		cmocka_unit_test(signature_over_another_transcript_is_refused),
		cmocka_unit_test(answer_to_another_challenge_is_refused),
		cmocka_unit_test(answer_naming_another_station_is_refused),
		cmocka_unit_test(garbage_certificate_der_is_refused),
		cmocka_unit_test(identity_not_naming_the_certificate_is_refused),
		cmocka_unit_test(truncated_answer_is_refused),
		cmocka_unit_test(oversized_answer_is_refused),
		cmocka_unit_test(provisioned_key_is_accepted_without_certificate),
		cmocka_unit_test(provisioned_key_rejects_another_signer),
		cmocka_unit_test(station_without_certificate_or_key_is_refused),
		cmocka_unit_test(missing_crl_fails_closed),
		cmocka_unit_test(hashed_ca_dir_with_crl_works),
		cmocka_unit_test(every_single_byte_change_is_refused),
		cmocka_unit_test(other_scheme_is_asked_first),
		cmocka_unit_test(unusable_configuration_is_refused),
	};

	return cmocka_run_group_tests_name("verify", tests, setup, teardown);
}
