// SPDX-License-Identifier: GPL-2.0
/*
 * WAPI certificates and keys through the agent's verification core, with
 * the WAPI scheme registered as the agent registers it.  The WAPI PKI is
 * issued in memory and written to files the verifier reads like any
 * ca_file and crl_file; the P-256 PKI beside it comes from
 * scripts/mkpki.sh --profile p256.  The responder's signing path
 * (wpv_resp_sign) is checked against the same core for both profiles.
 */
#define _GNU_SOURCE	/* memmem */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <openssl/pem.h>

#include "resp_build.h"
#include "sig.h"
#include "verify.h"
#include "verify_wapi.h"
#include "wapi_ec.h"
#include "wapi_pki.h"
#include "wpv_transcript.h"

#define DAY		86400L
#define STA_MAC		"02:00:00:00:02:00"
#define CA_NAME		"/CN=wapi-preview WAPI test CA"

enum sta { STA_VALID, STA_EXPIRED, STA_NOTYET, STA_REVOKED, STA_WRONGCA,
	   N_STA };

static struct {
	char dir[64];
	time_t now;
	EVP_PKEY *ca_key, *wrong_ca_key;
	X509 *ca, *wrong_ca;
	EVP_PKEY *key[N_STA];
	X509 *cert[N_STA];
	EVP_PKEY *p256_key;
	X509 *p256_cert;
	struct wpv_verifier *wapi;	/* WAPI CA and CRL only */
	struct wpv_verifier *both;	/* both profiles in one file each */
} t;

static const struct wpv_verify_facts facts = {
	.ifname = "wlan0",
	.bssid = { 0x02, 0, 0, 0, 0x01, 0x00 },
	.ap_addr = { 0x02, 0, 0, 0, 0x01, 0x00 },
	.sta_addr = { 0x02, 0, 0, 0, 0x02, 0x00 },
	.ap_nonce = { 0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
		      0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
		      0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7,
		      0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf },
};

/* DER OBJECT IDENTIFIER 1.2.156.11235.1.1.2.1, the WAPI curve */
static const u8 wapi_curve_oid[] = {
	0x06, 0x09, 0x2a, 0x81, 0x1c, 0xd7, 0x63, 0x01, 0x01, 0x02, 0x01,
};

static void path_of(char *buf, size_t len, const char *name)
{
	snprintf(buf, len, "%s/%s", t.dir, name);
}

static X509 *issue(const char *subject, long serial, long start, long days,
		   bool ca, EVP_PKEY *key, X509 *issuer, EVP_PKEY *issuer_key)
{
	struct wapi_pki_cert req = {
		.subject = subject,
		.serial = serial,
		.not_before = t.now + start * DAY,
		.not_after = t.now + (start + days) * DAY,
		.ca = ca,
	};
	X509 *x = NULL;

	assert_int_equal(wapi_pki_issue_cert(&req, key, issuer, issuer_key,
					     &x), 0);
	return x;
}

static void write_pem(const char *name, X509 *x, X509 *x2, X509_CRL *crl,
		      X509_CRL *crl2)
{
	char path[128];
	BIO *out;

	path_of(path, sizeof(path), name);
	out = BIO_new_file(path, "w");
	assert_non_null(out);
	if (x)
		assert_true(PEM_write_bio_X509(out, x));
	if (x2)
		assert_true(PEM_write_bio_X509(out, x2));
	if (crl)
		assert_true(PEM_write_bio_X509_CRL(out, crl));
	if (crl2)
		assert_true(PEM_write_bio_X509_CRL(out, crl2));
	BIO_free(out);
}

static X509 *read_cert(const char *name)
{
	char path[128];
	X509 *x;
	BIO *in;

	path_of(path, sizeof(path), name);
	in = BIO_new_file(path, "r");
	assert_non_null(in);
	x = PEM_read_bio_X509(in, NULL, NULL, NULL);
	BIO_free(in);
	assert_non_null(x);
	return x;
}

static X509_CRL *read_crl(const char *name)
{
	char path[128];
	X509_CRL *crl;
	BIO *in;

	path_of(path, sizeof(path), name);
	in = BIO_new_file(path, "r");
	assert_non_null(in);
	crl = PEM_read_bio_X509_CRL(in, NULL, NULL, NULL);
	BIO_free(in);
	assert_non_null(crl);
	return crl;
}

static struct wpv_verifier *verifier_keys(const char *ca, const char *crl,
					  const char *keys_dir)
{
	char ca_path[128], crl_path[128], keys[128], err[256];
	struct wpv_verify_config cfg = {
		.ca_file = ca_path,
		.crl_file = crl ? crl_path : NULL,
		.keys_dir = keys,
		.crl_check = crl != NULL,
	};
	struct wpv_verifier *v;

	path_of(ca_path, sizeof(ca_path), ca);
	if (crl)
		path_of(crl_path, sizeof(crl_path), crl);
	path_of(keys, sizeof(keys), keys_dir);
	if (wpv_verifier_new(&cfg, &v, err, sizeof(err)))
		fail_msg("verifier: %s", err);
	/* As wpv_agent_conf_verifier() does. */
	assert_int_equal(wpv_verifier_add_scheme(v, &wpv_wapi_scheme), 0);
	return v;
}

static struct wpv_verifier *verifier(const char *ca, const char *crl)
{
	return verifier_keys(ca, crl, "keys");
}

static void write_pub(const char *name, EVP_PKEY *key)
{
	char path[128];
	BIO *out;

	path_of(path, sizeof(path), name);
	out = BIO_new_file(path, "w");
	assert_non_null(out);
	assert_int_equal(wapi_ec_pub_write_pem(out, key), 0);
	BIO_free(out);
}

static int setup(void **state)
{
	static const char *const subj[N_STA] = {
		"/O=wapi-preview test/CN=valid",
		"/O=wapi-preview test/CN=expired",
		"/O=wapi-preview test/CN=notyet",
		"/O=wapi-preview test/CN=revoked",
		"/O=wapi-preview test/CN=wrongca",
	};
	static const long start[N_STA] = { -1, -40, 10, -1, -1 };
	X509_CRL *crl, *p256_crl;
	X509 *p256_ca;
	char cmd[256];
	int i;

	(void)state;
	t.now = time(NULL);
	strcpy(t.dir, "/tmp/wpv-wapi-verify.XXXXXX");
	if (!mkdtemp(t.dir))
		return -1;
	snprintf(cmd, sizeof(cmd),
		 "scripts/mkpki.sh --profile p256 %s/p256 && mkdir %s/keys",
		 t.dir, t.dir);
	if (system(cmd) != 0)
		return -1;

	assert_int_equal(wapi_ec_generate(&t.ca_key), 0);
	assert_int_equal(wapi_ec_generate(&t.wrong_ca_key), 0);
	t.ca = issue(CA_NAME, 1, -1, 3650, true, t.ca_key, NULL, t.ca_key);
	/* Same name, another key. */
	t.wrong_ca = issue(CA_NAME, 1, -1, 3650, true, t.wrong_ca_key, NULL,
			   t.wrong_ca_key);
	for (i = 0; i < N_STA; i++) {
		assert_int_equal(wapi_ec_generate(&t.key[i]), 0);
		t.cert[i] = issue(subj[i], 100 + i, start[i],
				  i == STA_EXPIRED ? 30 : 365, false, t.key[i],
				  i == STA_WRONGCA ? t.wrong_ca : t.ca,
				  i == STA_WRONGCA ? t.wrong_ca_key : t.ca_key);
	}
	assert_int_equal(wapi_pki_issue_crl(t.ca, t.ca_key,
					    &t.cert[STA_REVOKED], 1,
					    t.now - 60, t.now + 30 * DAY,
					    &crl), 0);

	p256_ca = read_cert("p256/ca.pem");
	p256_crl = read_crl("p256/crl.pem");
	write_pem("wapi-ca.pem", t.ca, NULL, NULL, NULL);
	write_pem("wapi-crl.pem", NULL, NULL, crl, NULL);
	write_pem("both-ca.pem", p256_ca, t.ca, NULL, NULL);
	write_pem("both-crl.pem", NULL, NULL, p256_crl, crl);
	write_pub("keys/" STA_MAC ".pem", t.key[STA_VALID]);
	X509_free(p256_ca);
	X509_CRL_free(p256_crl);
	X509_CRL_free(crl);

	t.p256_cert = read_cert("p256/sta-valid.pem");
	snprintf(cmd, sizeof(cmd), "%s/p256/sta-valid.key", t.dir);
	t.p256_key = wpv_sig_load_private(cmd);
	assert_non_null(t.p256_key);

	t.wapi = verifier("wapi-ca.pem", "wapi-crl.pem");
	t.both = verifier("both-ca.pem", "both-crl.pem");
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];
	int i;

	(void)state;
	wpv_verifier_free(t.wapi);
	wpv_verifier_free(t.both);
	for (i = 0; i < N_STA; i++) {
		X509_free(t.cert[i]);
		EVP_PKEY_free(t.key[i]);
	}
	X509_free(t.ca);
	X509_free(t.wrong_ca);
	EVP_PKEY_free(t.ca_key);
	EVP_PKEY_free(t.wrong_ca_key);
	X509_free(t.p256_cert);
	EVP_PKEY_free(t.p256_key);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", t.dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* How a test answer departs from an honest one. */
struct answer {
	X509 *cert;			/* NULL: key only */
	const u8 *cert_der;		/* send these bytes as certificate */
	size_t cert_len;
	EVP_PKEY *key;			/* signs */
	bool truncating;		/* plain ECDSA, leftmost 192 bits */
	const u8 *oid;			/* algorithm block's curve OID */
	size_t oid_len;
	size_t value_len;		/* pad or cut the signature value */
};

static void sign_transcript(const struct answer *a, const u8 *sta_nonce,
			    u8 *rs, size_t *rs_len)
{
	u8 transcript[WPV_TRANSCRIPT_LEN], der[128];
	struct wpv_transcript_in in = {
		.ap_addr = facts.ap_addr, .sta_addr = facts.sta_addr,
		.bssid = facts.bssid, .ap_nonce = facts.ap_nonce,
		.sta_nonce = sta_nonce,
	};
	size_t der_len = sizeof(der);
	EVP_MD_CTX *ctx;
	int n;

	assert_int_equal(wpv_transcript_build(&in, transcript,
					      sizeof(transcript)),
			 WPV_TRANSCRIPT_LEN);
	if (!a->truncating) {
		n = wpv_sig_sign(a->key, transcript, sizeof(transcript), rs,
				 *rs_len);
		assert_true(n > 0);
		*rs_len = n;
		return;
	}
	/* What OpenSSL's ECDSA does with the same key and hash. */
	ctx = EVP_MD_CTX_new();
	assert_int_equal(EVP_DigestSignInit_ex(ctx, NULL, "SHA256", NULL, NULL,
					       a->key, NULL), 1);
	assert_int_equal(EVP_DigestSign(ctx, der, &der_len, transcript,
					sizeof(transcript)), 1);
	EVP_MD_CTX_free(ctx);
	n = wpv_sig_der_to_raw(der, der_len, WAPI_EC_BYTES, rs, *rs_len);
	assert_int_equal(n, WAPI_EC_SIG_LEN);
	*rs_len = n;
}

static size_t build(const struct answer *a, u8 *buf, size_t len)
{
	u8 sta_nonce[WPV_NONCE_LEN], rs[132] = { 0 }, oid[32], tmp[4096];
	struct wpv_resp_parts p = {
		.bssid = facts.bssid, .sta_addr = facts.sta_addr,
		.ap_nonce = facts.ap_nonce, .sta_nonce = sta_nonce,
		.cert = a->cert, .key = a->key, .rs = rs,
	};
	struct wpv_sig_resp r;
	size_t rs_len = sizeof(rs);
	int n;

	memset(sta_nonce, 0x5a, sizeof(sta_nonce));
	sign_transcript(a, sta_nonce, rs, &rs_len);
	p.rs_len = a->value_len ? a->value_len : rs_len;
	n = wpv_resp_build(&p, buf, len);
	assert_true(n > 0);
	if (!a->oid && !a->cert_der)
		return n;

	/* Re-encode with the parts changed; the decoder points into buf. */
	assert_int_equal(wpv_sig_resp_decode(buf, n, &r), 0);
	if (a->oid) {
		memcpy(oid, a->oid, a->oid_len);
		r.sig.curve_oid = (struct wpv_bytes){ oid, a->oid_len };
	}
	if (a->cert_der)
		r.cert = (struct wpv_bytes){ a->cert_der, a->cert_len };
	n = wpv_sig_resp_encode(&r, tmp, sizeof(tmp));
	assert_true(n > 0 && (size_t)n <= len);
	memcpy(buf, tmp, n);
	return n;
}

static void decide(struct wpv_verifier *v, const struct answer *a,
		   enum wpv_reason want, const char *detail)
{
	struct wpv_verify_result res;
	u8 body[4096];
	size_t n;

	n = build(a, body, sizeof(body));
	wpv_verify_response(v, &facts, body, n, &res);
	if (res.reason != want)
		fail_msg("want %s, got %s (%s)", wpv_reason_name(want),
			 wpv_reason_name(res.reason), res.detail);
	assert_int_equal(res.verdict, want == WPV_REASON_VERIFIED ?
			 WPV_VERDICT_ACCEPT : WPV_VERDICT_REJECT);
	if (detail && !strstr(res.detail, detail))
		fail_msg("detail \"%s\" does not say \"%s\"", res.detail,
			 detail);
	if (want != WPV_REASON_VERIFIED)
		assert_string_equal(res.identity, "");
}

static void station(enum sta s, enum wpv_reason want)
{
	struct answer a = { .cert = t.cert[s], .key = t.key[s] };

	decide(t.wapi, &a, want, NULL);
}

static void wapi_valid_certificate_is_accepted_with_its_subject(void **state)
{
	struct answer a = {
		.cert = t.cert[STA_VALID], .key = t.key[STA_VALID],
	};
	struct wpv_verify_result res;
	u8 body[4096];
	size_t n;

	(void)state;
	n = build(&a, body, sizeof(body));
	wpv_verify_response(t.wapi, &facts, body, n, &res);
	assert_int_equal(res.verdict, WPV_VERDICT_ACCEPT);
	assert_int_equal(res.reason, WPV_REASON_VERIFIED);
	assert_string_equal(res.identity, "CN=valid,O=wapi-preview test");
}

static void wapi_expired_certificate_is_refused(void **state)
{
	(void)state;
	station(STA_EXPIRED, WPV_REASON_CERT_EXPIRED);
}

static void wapi_not_yet_valid_certificate_is_refused(void **state)
{
	(void)state;
	station(STA_NOTYET, WPV_REASON_CERT_NOT_YET_VALID);
}

static void wapi_revoked_certificate_is_refused(void **state)
{
	(void)state;
	station(STA_REVOKED, WPV_REASON_CERT_REVOKED);
}

static void wapi_certificate_from_a_ca_with_the_same_name_is_untrusted(
	void **state)
{
	(void)state;
	station(STA_WRONGCA, WPV_REASON_CERT_UNTRUSTED);
}

static void wapi_certificate_without_a_current_crl_is_status_unknown(
	void **state)
{
	struct answer a = {
		.cert = t.cert[STA_VALID], .key = t.key[STA_VALID],
	};
	struct wpv_verifier *v;

	(void)state;
	/* The P-256 CRL only: nothing covers the WAPI CA's certificates. */
	v = verifier("both-ca.pem", "p256/crl.pem");
	decide(v, &a, WPV_REASON_STATUS_UNKNOWN, "no usable CRL");
	wpv_verifier_free(v);
}

static void truncating_ecdsa_on_a_wapi_key_is_a_bad_signature(void **state)
{
	struct answer a = {
		.cert = t.cert[STA_VALID], .key = t.key[STA_VALID],
		.truncating = true,
	};

	(void)state;
	decide(t.wapi, &a, WPV_REASON_BAD_SIGNATURE, NULL);
	a.truncating = false;
	decide(t.wapi, &a, WPV_REASON_VERIFIED, NULL);
}

static void signature_by_another_wapi_key_is_a_bad_signature(void **state)
{
	struct answer a = {
		.cert = t.cert[STA_VALID], .key = t.key[STA_REVOKED],
	};

	(void)state;
	decide(t.wapi, &a, WPV_REASON_BAD_SIGNATURE, NULL);
}

static void p256_curve_oid_with_a_wapi_key_is_malformed(void **state)
{
	static const u8 p256_oid[] = {
		0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07,
	};
	struct answer a = {
		.cert = t.cert[STA_VALID], .key = t.key[STA_VALID],
		.oid = p256_oid, .oid_len = sizeof(p256_oid),
	};

	(void)state;
	decide(t.wapi, &a, WPV_REASON_MALFORMED, "another curve");
}

static void wapi_curve_oid_with_a_p256_key_is_malformed(void **state)
{
	struct answer a = {
		.cert = t.p256_cert, .key = t.p256_key,
		.oid = wapi_curve_oid,
		.oid_len = sizeof(wapi_curve_oid),
	};

	(void)state;
	decide(t.both, &a, WPV_REASON_MALFORMED, "another curve");
}

static void p256_width_signature_with_a_wapi_key_is_malformed(void **state)
{
	struct answer a = {
		.cert = t.cert[STA_VALID], .key = t.key[STA_VALID],
		.value_len = 64,
	};

	(void)state;
	decide(t.wapi, &a, WPV_REASON_MALFORMED, "wrong length");
}

/* The certificate's DER with its key's point (or curve) changed. */
static void spoil_key(X509 *cert, void (*spoil)(u8 *point, u8 *oid_end),
		      enum wpv_reason want, const char *detail)
{
	u8 point[WAPI_EC_POINT_LEN], *der = NULL, *p;
	struct answer a = { .key = t.key[STA_VALID] };
	int len;

	assert_int_equal(wapi_ec_get_point(t.key[STA_VALID], point), 0);
	len = i2d_X509(cert, &der);
	assert_true(len > 0);
	p = memmem(der, len, point, sizeof(point));
	assert_non_null(p);
	/* SPKI: ... OID curve, BIT STRING (03 32 00) point */
	spoil(p, p - 3);
	a.cert = cert;
	a.cert_der = der;
	a.cert_len = len;
	decide(t.wapi, &a, want, detail);
	OPENSSL_free(der);
}

static void compress(u8 *point, u8 *oid_end)
{
	(void)oid_end;
	point[0] = 0x02;
}

static void off_curve(u8 *point, u8 *oid_end)
{
	(void)oid_end;
	point[WAPI_EC_POINT_LEN - 1] ^= 0x01;
}

static void infinity(u8 *point, u8 *oid_end)
{
	(void)oid_end;
	point[0] = 0x00;
}

static void other_curve(u8 *point, u8 *oid_end)
{
	(void)point;
	oid_end[-1] ^= 0x03;	/* last arc of the curve OID: .1 -> .2 */
}

static void certificate_with_a_compressed_point_is_invalid(void **state)
{
	(void)state;
	spoil_key(t.cert[STA_VALID], compress, WPV_REASON_CERT_INVALID,
		  "not uncompressed");
}

static void certificate_with_a_point_off_the_curve_is_invalid(void **state)
{
	(void)state;
	spoil_key(t.cert[STA_VALID], off_curve, WPV_REASON_CERT_INVALID,
		  "not on the WAPI curve");
}

static void certificate_with_the_point_at_infinity_is_invalid(void **state)
{
	(void)state;
	spoil_key(t.cert[STA_VALID], infinity, WPV_REASON_CERT_INVALID,
		  "point at infinity");
}

static void certificate_naming_another_curve_is_invalid(void **state)
{
	(void)state;
	spoil_key(t.cert[STA_VALID], other_curve, WPV_REASON_CERT_INVALID,
		  "not the WAPI curve");
}

/*
 * A certificate claiming the WAPI signature algorithm over a P-256 key:
 * the P-256 station certificate with ecdsa-with-SHA256 replaced by the
 * WAPI algorithm (both OIDs are 10 bytes of DER) inside and outside.
 */
static void wapi_signed_certificate_with_a_p256_key_is_invalid(void **state)
{
	static const u8 ecdsa_sha256[] = {
		0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02,
	};
	static const u8 wapi_alg[] = {
		0x06, 0x08, 0x2a, 0x81, 0x1c, 0xd7, 0x63, 0x01, 0x01, 0x01,
	};
	struct answer a = { .cert = t.p256_cert, .key = t.p256_key };
	u8 *der = NULL, *p;
	int len, n = 0;

	(void)state;
	len = i2d_X509(t.p256_cert, &der);
	assert_true(len > 0);
	while ((p = memmem(der, len, ecdsa_sha256, sizeof(ecdsa_sha256)))) {
		memcpy(p, wapi_alg, sizeof(wapi_alg));
		n++;
	}
	assert_int_equal(n, 2);
	a.cert_der = der;
	a.cert_len = len;
	decide(t.both, &a, WPV_REASON_CERT_INVALID, "not the WAPI curve");
	OPENSSL_free(der);
}

/*
 * A P-256 CA vouching for a key on the WAPI curve mixes profiles: OpenSSL
 * would verify the chain, but the WAPI scheme takes the certificate and
 * refuses its explicit curve parameters.
 */
static void p256_signed_certificate_with_a_wapi_key_is_refused(void **state)
{
	struct answer a = { .key = t.key[STA_VALID] };
	char path[128];
	EVP_PKEY *ca_key;
	X509 *ca, *x;

	(void)state;
	ca = read_cert("p256/ca.pem");
	path_of(path, sizeof(path), "p256/ca.key");
	ca_key = wpv_sig_load_private(path);
	assert_non_null(ca_key);
	x = X509_new();
	X509_set_version(x, X509_VERSION_3);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 4242);
	X509_NAME_add_entry_by_txt(X509_get_subject_name(x), "CN",
				   MBSTRING_ASC, (const u8 *)"mixed", -1, -1,
				   0);
	X509_set_issuer_name(x, X509_get_subject_name(ca));
	X509_time_adj_ex(X509_getm_notBefore(x), -1, 0, &t.now);
	X509_time_adj_ex(X509_getm_notAfter(x), 30, 0, &t.now);
	assert_true(X509_set_pubkey(x, t.key[STA_VALID]));
	assert_true(X509_sign(x, ca_key, EVP_sha256()));
	a.cert = x;
	decide(t.both, &a, WPV_REASON_CERT_INVALID, "not the WAPI curve");
	X509_free(x);
	X509_free(ca);
	EVP_PKEY_free(ca_key);
}

static void provisioned_wapi_key_verifies_without_certificate(void **state)
{
	struct answer a = { .key = t.key[STA_VALID] };
	struct wpv_verify_result res;
	u8 body[4096];
	size_t n;

	(void)state;
	n = build(&a, body, sizeof(body));
	wpv_verify_response(t.wapi, &facts, body, n, &res);
	assert_int_equal(res.verdict, WPV_VERDICT_ACCEPT);
	assert_string_equal(res.identity, "key:" STA_MAC);

	a.key = t.key[STA_REVOKED];
	decide(t.wapi, &a, WPV_REASON_BAD_SIGNATURE, NULL);
	a.key = t.key[STA_VALID];
	a.truncating = true;
	decide(t.wapi, &a, WPV_REASON_BAD_SIGNATURE, NULL);
}

static void provisioned_wapi_key_off_the_curve_is_no_key(void **state)
{
	struct answer a = { .key = t.key[STA_VALID] };
	char *name = NULL, *hdr = NULL, path[128];
	struct wpv_verifier *v;
	u8 *data = NULL;
	long n;
	FILE *f;
	BIO *b;

	(void)state;
	/* A good key file with the last byte of y flipped, in its own dir. */
	path_of(path, sizeof(path), "keys/" STA_MAC ".pem");
	b = BIO_new_file(path, "r");
	assert_true(PEM_read_bio(b, &name, &hdr, &data, &n));
	BIO_free(b);
	data[n - 1] ^= 1;
	path_of(path, sizeof(path), "badkeys");
	assert_int_equal(mkdir(path, 0700), 0);
	path_of(path, sizeof(path), "badkeys/" STA_MAC ".pem");
	f = fopen(path, "w");
	assert_non_null(f);
	assert_true(PEM_write(f, "PUBLIC KEY", "", data, n));
	fclose(f);
	assert_null(wpv_sig_load_public(path));

	v = verifier_keys("wapi-ca.pem", NULL, "badkeys");
	decide(v, &a, WPV_REASON_NO_KEY, "bad WAPI point");
	wpv_verifier_free(v);
	OPENSSL_free(name);
	OPENSSL_free(hdr);
	OPENSSL_free(data);
}

/* The responder's own path: wpv_resp_sign(), as `wpv station` calls it. */
static void respond_and_decide(struct wpv_verifier *v, EVP_PKEY *key,
			       X509 *cert, const char *identity)
{
	struct wpv_verify_result res;
	u8 body[4096];
	int n;

	n = wpv_resp_sign(key, cert, facts.ap_addr, facts.sta_addr,
			  facts.bssid, facts.ap_nonce, body, sizeof(body));
	assert_true(n > 0);
	wpv_verify_response(v, &facts, body, n, &res);
	if (res.verdict != WPV_VERDICT_ACCEPT)
		fail_msg("refused: %s (%s)", wpv_reason_name(res.reason),
			 res.detail);
	assert_string_equal(res.identity, identity);
}

static void responder_answers_with_a_wapi_certificate_are_accepted(
	void **state)
{
	(void)state;
	assert_true(wpv_sig_cert_matches(t.cert[STA_VALID], t.key[STA_VALID]));
	assert_false(wpv_sig_cert_matches(t.cert[STA_VALID],
					  t.key[STA_REVOKED]));
	respond_and_decide(t.wapi, t.key[STA_VALID], t.cert[STA_VALID],
			   "CN=valid,O=wapi-preview test");
	respond_and_decide(t.both, t.key[STA_VALID], t.cert[STA_VALID],
			   "CN=valid,O=wapi-preview test");
}

static void responder_answers_with_a_wapi_key_only_are_accepted(void **state)
{
	(void)state;
	respond_and_decide(t.wapi, t.key[STA_VALID], NULL, "key:" STA_MAC);
}

static void responder_answers_with_a_p256_certificate_are_accepted(
	void **state)
{
	(void)state;
	assert_true(wpv_sig_cert_matches(t.p256_cert, t.p256_key));
	respond_and_decide(t.both, t.p256_key, t.p256_cert,
			   "CN=valid,O=wapi-preview test");
}

static void responder_signature_is_wapi_width_and_names_the_wapi_curve(
	void **state)
{
	struct wpv_sig_resp r;
	u8 body[4096];
	int n;

	(void)state;
	n = wpv_resp_sign(t.key[STA_VALID], NULL, facts.ap_addr,
			  facts.sta_addr, facts.bssid, facts.ap_nonce, body,
			  sizeof(body));
	assert_true(n > 0);
	assert_int_equal(wpv_sig_resp_decode(body, n, &r), 0);
	assert_int_equal(r.sig.value.len, WAPI_EC_SIG_LEN);
	assert_int_equal(r.sig.curve_oid.len, sizeof(wapi_curve_oid));
	assert_memory_equal(r.sig.curve_oid.data, wapi_curve_oid,
			    sizeof(wapi_curve_oid));
}

static void wapi_key_files_load_in_both_forms_and_sign_by_the_wapi_rule(
	void **state)
{
	static const u8 msg[] = "transcript";
	enum wapi_key_form forms[] = { WAPI_KEY_FORM_OID,
				       WAPI_KEY_FORM_EXPLICIT };
	u8 rs[WAPI_EC_SIG_LEN];
	char path[128];
	EVP_PKEY *k;
	size_t i;

	(void)state;
	path_of(path, sizeof(path), "form.key");
	for (i = 0; i < 2; i++) {
		assert_int_equal(wapi_ec_key_save(path, t.key[STA_VALID],
						  forms[i]), 0);
		k = wpv_sig_load_private(path);
		assert_non_null(k);
		assert_true(wpv_sig_is_wapi(k));
		assert_int_equal(wpv_sig_sign(k, msg, sizeof(msg), rs,
					      sizeof(rs)), WAPI_EC_SIG_LEN);
		/* The WAPI library's own check, not sig.c's. */
		assert_int_equal(wapi_verify_sig(t.key[STA_VALID], msg,
						 sizeof(msg), rs), 0);
		assert_true(wpv_sig_cert_matches(t.cert[STA_VALID], k));
		EVP_PKEY_free(k);
	}
	assert_false(wpv_sig_is_wapi(t.p256_key));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(wapi_valid_certificate_is_accepted_with_its_subject),
		cmocka_unit_test(wapi_expired_certificate_is_refused),
		cmocka_unit_test(wapi_not_yet_valid_certificate_is_refused),
		cmocka_unit_test(wapi_revoked_certificate_is_refused),
		cmocka_unit_test(wapi_certificate_from_a_ca_with_the_same_name_is_untrusted),
		cmocka_unit_test(wapi_certificate_without_a_current_crl_is_status_unknown),
		cmocka_unit_test(truncating_ecdsa_on_a_wapi_key_is_a_bad_signature),
		cmocka_unit_test(signature_by_another_wapi_key_is_a_bad_signature),
		cmocka_unit_test(p256_curve_oid_with_a_wapi_key_is_malformed),
		cmocka_unit_test(wapi_curve_oid_with_a_p256_key_is_malformed),
		cmocka_unit_test(p256_width_signature_with_a_wapi_key_is_malformed),
		cmocka_unit_test(certificate_with_a_compressed_point_is_invalid),
		cmocka_unit_test(certificate_with_a_point_off_the_curve_is_invalid),
		cmocka_unit_test(certificate_with_the_point_at_infinity_is_invalid),
		cmocka_unit_test(certificate_naming_another_curve_is_invalid),
		cmocka_unit_test(wapi_signed_certificate_with_a_p256_key_is_invalid),
		cmocka_unit_test(p256_signed_certificate_with_a_wapi_key_is_refused),
		cmocka_unit_test(provisioned_wapi_key_verifies_without_certificate),
		cmocka_unit_test(provisioned_wapi_key_off_the_curve_is_no_key),
		cmocka_unit_test(responder_answers_with_a_wapi_certificate_are_accepted),
		cmocka_unit_test(responder_answers_with_a_wapi_key_only_are_accepted),
		cmocka_unit_test(responder_answers_with_a_p256_certificate_are_accepted),
		cmocka_unit_test(responder_signature_is_wapi_width_and_names_the_wapi_curve),
		cmocka_unit_test(wapi_key_files_load_in_both_forms_and_sign_by_the_wapi_rule),
	};

	return cmocka_run_group_tests_name("verify_wapi", tests, setup,
					   teardown);
}
