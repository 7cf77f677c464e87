// SPDX-License-Identifier: GPL-2.0
/*
 * The WAPI curve, its ECDSA rule, key files and certificate checks.
 *
 * The certificates are made at test time with the same issuing code as
 * wpv-wapi-pki, so the test needs nothing on disk.  Independent checks:
 * the curve constants are restated here and checked with OpenSSL's EC
 * arithmetic; the SHA-256 of "abc" is the FIPS 180-2 example, reduced mod
 * n by hand; signatures are checked against a textbook ECDSA verifier
 * written here and against OpenSSL's standard (truncating) ECDSA.
 */
#define _GNU_SOURCE
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "wapi_ec.h"
#include "wapi_pki.h"

#define DAY	86400L

static const char *const hex_p = "BDB6F4FE3E8B1D9E0DA8C0D46F4C318CEFE4AFE3B6B8551F";
static const char *const hex_a = "BB8E5E8FBC115E139FE6A814FE48AAA6F0ADA1AA5DF91985";
static const char *const hex_b = "1854BEBDC31B21B7AEFC80AB0ECD10D5B1B3308E6DBF11C1";
static const char *const hex_gx = "4AD5F7048DE709AD51236DE65E4D4B482C836DC6E4106640";
static const char *const hex_gy = "02BB3A02D4AAADACAE24817A4CA3A1B014B5270432DB27D2";
static const char *const hex_n = "BDB6F4FE3E8B1D9E0DA8C0D40FC962195DFAE76F56564677";

static const char msg[] = "wapi-preview signature v1 test message";

static void unhex(const char *h, uint8_t *out, size_t len)
{
	size_t i;

	assert_int_equal(strlen(h), 2 * len);
	for (i = 0; i < len; i++) {
		unsigned int v;

		assert_int_equal(sscanf(h + 2 * i, "%2x", &v), 1);
		out[i] = (uint8_t)v;
	}
}

static void generator(uint8_t g[WAPI_EC_POINT_LEN])
{
	g[0] = 0x04;
	unhex(hex_gx, g + 1, WAPI_EC_BYTES);
	unhex(hex_gy, g + 1 + WAPI_EC_BYTES, WAPI_EC_BYTES);
}

/* The curve from the restated constants, with OpenSSL's arithmetic. */
static EC_GROUP *test_group(void)
{
	BIGNUM *p = NULL, *a = NULL, *b = NULL, *n = NULL;
	uint8_t gb[WAPI_EC_POINT_LEN];
	EC_GROUP *grp;
	EC_POINT *g;

	assert_true(BN_hex2bn(&p, hex_p) && BN_hex2bn(&a, hex_a) &&
		    BN_hex2bn(&b, hex_b) && BN_hex2bn(&n, hex_n));
	grp = EC_GROUP_new_curve_GFp(p, a, b, NULL);
	assert_non_null(grp);
	g = EC_POINT_new(grp);
	generator(gb);
	assert_true(EC_POINT_oct2point(grp, g, gb, sizeof(gb), NULL));
	assert_true(EC_GROUP_set_generator(grp, g, n, BN_value_one()));
	EC_POINT_free(g);
	BN_free(n);
	BN_free(b);
	BN_free(a);
	BN_free(p);
	return grp;
}

static void test_curve_constants_give_a_group_of_order_n(void **state)
{
	EC_GROUP *grp = test_group();
	EC_POINT *q = EC_POINT_new(grp);
	uint8_t g[WAPI_EC_POINT_LEN];

	(void)state;
	generator(g);
	assert_int_equal(wapi_ec_check_point(g, sizeof(g)), 0);
	assert_int_equal(EC_POINT_is_on_curve(grp, EC_GROUP_get0_generator(grp),
					      NULL), 1);
	assert_true(EC_POINT_mul(grp, q, EC_GROUP_get0_order(grp), NULL, NULL,
				 NULL));
	assert_true(EC_POINT_is_at_infinity(grp, q));
	EC_POINT_free(q);
	EC_GROUP_free(grp);
}

static void test_private_key_1_and_n_minus_1_give_g_and_minus_g(void **state)
{
	uint8_t d[WAPI_EC_BYTES] = { 0 }, pt[WAPI_EC_POINT_LEN];
	uint8_t g[WAPI_EC_POINT_LEN], minus_gy[WAPI_EC_BYTES];
	EVP_PKEY *k;

	(void)state;
	generator(g);
	d[WAPI_EC_BYTES - 1] = 1;
	assert_int_equal(wapi_ec_priv_from_scalar(d, &k), 0);
	assert_int_equal(wapi_ec_get_point(k, pt), 0);
	assert_memory_equal(pt, g, sizeof(g));
	EVP_PKEY_free(k);

	/* p - Gy, computed outside this program */
	unhex("bafbbafb69e06ff15f843f5a22a88fdcdb2f88df83dd2d4d", minus_gy,
	      sizeof(minus_gy));
	unhex(hex_n, d, sizeof(d));
	d[WAPI_EC_BYTES - 1] -= 1;
	assert_int_equal(wapi_ec_priv_from_scalar(d, &k), 0);
	assert_int_equal(wapi_ec_get_point(k, pt), 0);
	assert_memory_equal(pt + 1, g + 1, WAPI_EC_BYTES);
	assert_memory_equal(pt + 1 + WAPI_EC_BYTES, minus_gy, WAPI_EC_BYTES);
	EVP_PKEY_free(k);
}

static void test_private_scalar_0_and_n_are_refused(void **state)
{
	uint8_t d[WAPI_EC_BYTES] = { 0 };
	EVP_PKEY *k;

	(void)state;
	assert_int_equal(wapi_ec_priv_from_scalar(d, &k),
			 -WAPI_EC_E_PRIV_RANGE);
	assert_null(k);
	unhex(hex_n, d, sizeof(d));
	assert_int_equal(wapi_ec_priv_from_scalar(d, &k),
			 -WAPI_EC_E_PRIV_RANGE);
	assert_null(k);
}

static void test_digest_is_sha256_reduced_mod_n_not_truncated(void **state)
{
	uint8_t e[WAPI_EC_BYTES], want[WAPI_EC_BYTES], trunc[WAPI_EC_BYTES];

	(void)state;
	/* SHA-256("abc") = ba7816bf...f20015ad (FIPS 180-2), mod n: */
	unhex("6ee8574d41cafefb3430f3a5265ef74971bb6c481c750e2a", want,
	      sizeof(want));
	/* and its leftmost 192 bits, what standard ECDSA would sign: */
	unhex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9c", trunc,
	      sizeof(trunc));
	assert_int_equal(wapi_ec_digest("abc", 3, e), 0);
	assert_memory_equal(e, want, sizeof(e));
	assert_memory_not_equal(e, trunc, sizeof(e));
}

static void test_wapi_signature_verifies_and_tampering_fails(void **state)
{
	uint8_t sig[WAPI_EC_SIG_LEN], sig2[WAPI_EC_SIG_LEN];
	uint8_t pt[WAPI_EC_POINT_LEN], h[WAPI_EC_HASH_LEN];
	EVP_PKEY *k, *pub;

	(void)state;
	assert_int_equal(wapi_ec_generate(&k), 0);
	assert_int_equal(wapi_sign(k, msg, sizeof(msg), sig), 0);
	assert_int_equal(wapi_verify_sig(k, msg, sizeof(msg), sig), 0);

	assert_int_equal(wapi_ec_get_point(k, pt), 0);
	assert_int_equal(wapi_ec_pub_from_point(pt, sizeof(pt), &pub), 0);
	assert_int_equal(wapi_verify_sig(pub, msg, sizeof(msg), sig), 0);
	assert_int_equal(wapi_verify_sig_point(pt, msg, sizeof(msg), sig), 0);
	assert_true(EVP_Digest(msg, sizeof(msg), h, NULL, EVP_sha256(), NULL));
	assert_int_equal(wapi_verify_digest(pub, h, sig), 0);
	assert_int_equal(wapi_sign_digest(k, h, sig2), 0);
	assert_int_equal(wapi_verify_sig(pub, msg, sizeof(msg), sig2), 0);

	assert_int_equal(wapi_verify_sig(pub, msg, sizeof(msg) - 1, sig),
			 -WAPI_EC_E_BAD_SIGNATURE);
	sig[10] ^= 1;
	assert_int_equal(wapi_verify_sig(pub, msg, sizeof(msg), sig),
			 -WAPI_EC_E_BAD_SIGNATURE);
	assert_int_equal(wapi_ec_reason(-WAPI_EC_E_BAD_SIGNATURE),
			 WPV_REASON_BAD_SIGNATURE);
	EVP_PKEY_free(pub);
	EVP_PKEY_free(k);
}

/*
 * Textbook ECDSA verification, written here: w = s^-1, u1 = e w,
 * u2 = r w, R = u1 G + u2 Q, valid iff R.x mod n == r, with e given.
 */
static bool textbook_verify(const uint8_t pt[WAPI_EC_POINT_LEN],
			    const uint8_t e[WAPI_EC_BYTES],
			    const uint8_t sig[WAPI_EC_SIG_LEN])
{
	EC_GROUP *grp = test_group();
	const BIGNUM *n = EC_GROUP_get0_order(grp);
	BN_CTX *bn = BN_CTX_new();
	BIGNUM *r = BN_bin2bn(sig, WAPI_EC_BYTES, NULL);
	BIGNUM *s = BN_bin2bn(sig + WAPI_EC_BYTES, WAPI_EC_BYTES, NULL);
	BIGNUM *ev = BN_bin2bn(e, WAPI_EC_BYTES, NULL);
	BIGNUM *w = BN_new(), *u1 = BN_new(), *u2 = BN_new(), *x = BN_new();
	EC_POINT *q = EC_POINT_new(grp), *rp = EC_POINT_new(grp);
	bool ok;

	assert_true(EC_POINT_oct2point(grp, q, pt, WAPI_EC_POINT_LEN, bn));
	assert_non_null(BN_mod_inverse(w, s, n, bn));
	assert_true(BN_mod_mul(u1, ev, w, n, bn));
	assert_true(BN_mod_mul(u2, r, w, n, bn));
	assert_true(EC_POINT_mul(grp, rp, u1, q, u2, bn));
	assert_true(EC_POINT_get_affine_coordinates(grp, rp, x, NULL, bn));
	assert_true(BN_nnmod(x, x, n, bn));
	ok = !BN_cmp(x, r);

	EC_POINT_free(rp);
	EC_POINT_free(q);
	BN_free(x);
	BN_free(u2);
	BN_free(u1);
	BN_free(w);
	BN_free(ev);
	BN_free(s);
	BN_free(r);
	BN_CTX_free(bn);
	EC_GROUP_free(grp);
	return ok;
}

static void test_wapi_signature_is_textbook_ecdsa_over_digest_mod_n(void **state)
{
	uint8_t sig[WAPI_EC_SIG_LEN], pt[WAPI_EC_POINT_LEN];
	uint8_t e[WAPI_EC_BYTES], h[32];
	EVP_PKEY *k;

	(void)state;
	assert_int_equal(wapi_ec_generate(&k), 0);
	assert_int_equal(wapi_ec_get_point(k, pt), 0);
	assert_int_equal(wapi_sign(k, msg, sizeof(msg), sig), 0);
	assert_int_equal(wapi_ec_digest(msg, sizeof(msg), e), 0);
	assert_true(textbook_verify(pt, e, sig));

	/* The same signature is not one over the truncated digest. */
	assert_true(EVP_Digest(msg, sizeof(msg), h, NULL, EVP_sha256(), NULL));
	assert_false(textbook_verify(pt, h, sig));
	EVP_PKEY_free(k);
}

/* OpenSSL's standard ECDSA with SHA-256, which truncates the digest. */
static void standard_sign(EVP_PKEY *k, uint8_t *der, size_t *len)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();

	assert_int_equal(EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, k), 1);
	assert_int_equal(EVP_DigestSign(md, der, len, (const uint8_t *)msg,
					sizeof(msg)), 1);
	EVP_MD_CTX_free(md);
}

static int standard_verify(EVP_PKEY *k, const uint8_t *der, size_t len)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	int rc;

	assert_int_equal(EVP_DigestVerifyInit(md, NULL, EVP_sha256(), NULL, k),
			 1);
	rc = EVP_DigestVerify(md, der, len, (const uint8_t *)msg, sizeof(msg));
	EVP_MD_CTX_free(md);
	ERR_clear_error();
	return rc;
}

static void test_truncating_ecdsa_signature_is_refused_by_wapi_rule(void **state)
{
	uint8_t der[128], sig[WAPI_EC_SIG_LEN];
	size_t len = sizeof(der);
	EVP_PKEY *k;

	(void)state;
	assert_int_equal(wapi_ec_generate(&k), 0);
	standard_sign(k, der, &len);
	assert_int_equal(standard_verify(k, der, len), 1);
	assert_int_equal(wapi_ec_sig_from_der(der, len, sig), 0);
	assert_int_equal(wapi_verify_sig(k, msg, sizeof(msg), sig),
			 -WAPI_EC_E_BAD_SIGNATURE);
	EVP_PKEY_free(k);
}

static void test_wapi_signature_is_refused_by_truncating_ecdsa(void **state)
{
	uint8_t der[WAPI_EC_SIG_DER_MAX], sig[WAPI_EC_SIG_LEN];
	size_t len = sizeof(der);
	EVP_PKEY *k;

	(void)state;
	assert_int_equal(wapi_ec_generate(&k), 0);
	assert_int_equal(wapi_sign(k, msg, sizeof(msg), sig), 0);
	assert_int_equal(wapi_ec_sig_to_der(sig, der, &len), 0);
	assert_int_not_equal(standard_verify(k, der, len), 1);
	EVP_PKEY_free(k);
}

/*
 * On P-256 the order is as long as SHA-256, so truncation keeps all 256
 * bits and standard ECDSA reduces e mod n in its arithmetic anyway: the
 * two rules agree there (they can differ only for the 2^-32 of digests
 * above n).  They differ on the WAPI curve because n has 192 bits.  A
 * P-256 key is therefore refused by the WAPI functions rather than
 * checked by a rule that means nothing for it.
 */
static void test_p256_signature_is_standard_and_p256_key_refused_as_wapi(void **state)
{
	uint8_t der[128], sig[WAPI_EC_SIG_LEN], pt[WAPI_EC_POINT_LEN];
	size_t len = sizeof(der);
	EVP_PKEY *k;

	(void)state;
	k = EVP_EC_gen("P-256");
	assert_non_null(k);
	standard_sign(k, der, &len);
	assert_int_equal(standard_verify(k, der, len), 1);

	memset(sig, 0x11, sizeof(sig));
	assert_int_equal(wapi_verify_sig(k, msg, sizeof(msg), sig),
			 -WAPI_EC_E_NOT_WAPI_KEY);
	assert_int_equal(wapi_sign(k, msg, sizeof(msg), sig),
			 -WAPI_EC_E_NOT_WAPI_KEY);
	assert_int_equal(wapi_ec_get_point(k, pt), -WAPI_EC_E_NOT_WAPI_KEY);
	/* A P-256 signature is 32 + 32 bytes: no WAPI r | s holds it. */
	assert_int_equal(wapi_ec_sig_from_der(der, len, sig),
			 -WAPI_EC_E_SIG_FORMAT);
	EVP_PKEY_free(k);
}

static void test_signature_der_is_strict_and_in_range(void **state)
{
	uint8_t sig[WAPI_EC_SIG_LEN], back[WAPI_EC_SIG_LEN];
	uint8_t der[WAPI_EC_SIG_DER_MAX + 8], bad[WAPI_EC_SIG_DER_MAX + 8];
	size_t len = sizeof(der);
	EVP_PKEY *k;

	(void)state;
	assert_int_equal(wapi_ec_generate(&k), 0);
	assert_int_equal(wapi_sign(k, msg, sizeof(msg), sig), 0);
	assert_int_equal(wapi_ec_sig_to_der(sig, der, &len), 0);
	assert_int_equal(wapi_ec_sig_from_der(der, len, back), 0);
	assert_memory_equal(sig, back, sizeof(sig));

	/* trailing garbage */
	memcpy(bad, der, len);
	bad[len] = 0;
	assert_int_equal(wapi_ec_sig_from_der(bad, len + 1, back),
			 -WAPI_EC_E_SIG_FORMAT);
	/* truncated */
	assert_int_equal(wapi_ec_sig_from_der(der, len - 1, back),
			 -WAPI_EC_E_SIG_FORMAT);
	/* non-minimal length form: 30 81 xx */
	bad[0] = 0x30;
	bad[1] = 0x81;
	bad[2] = der[1];
	memcpy(bad + 3, der + 2, len - 2);
	assert_int_equal(wapi_ec_sig_from_der(bad, len + 1, back),
			 -WAPI_EC_E_SIG_FORMAT);

	/* r = 0 and s = n */
	memset(back, 0, WAPI_EC_BYTES);
	memcpy(back + WAPI_EC_BYTES, sig + WAPI_EC_BYTES, WAPI_EC_BYTES);
	len = sizeof(der);
	assert_int_equal(wapi_ec_sig_to_der(back, der, &len),
			 -WAPI_EC_E_SIG_FORMAT);
	assert_int_equal(wapi_verify_sig(k, msg, sizeof(msg), back),
			 -WAPI_EC_E_SIG_FORMAT);
	memcpy(back, sig, WAPI_EC_BYTES);
	unhex(hex_n, back + WAPI_EC_BYTES, WAPI_EC_BYTES);
	assert_int_equal(wapi_verify_sig(k, msg, sizeof(msg), back),
			 -WAPI_EC_E_SIG_FORMAT);
	EVP_PKEY_free(k);
}

struct point_case {
	const char *what;
	void (*make)(uint8_t *pt, size_t *len);
	int err;
};

static void pt_short(uint8_t *pt, size_t *len) { (void)pt; *len = 48; }
static void pt_long(uint8_t *pt, size_t *len) { pt[49] = 0; *len = 50; }
static void pt_compressed(uint8_t *pt, size_t *len)
{
	pt[0] = 0x02 | (pt[48] & 1);
	*len = 1 + WAPI_EC_BYTES;
}
static void pt_hybrid(uint8_t *pt, size_t *len) { (void)len; pt[0] = 0x06; }
static void pt_inf1(uint8_t *pt, size_t *len) { pt[0] = 0; *len = 1; }
static void pt_inf49(uint8_t *pt, size_t *len)
{
	memset(pt, 0, *len);
}
static void pt_x_is_p(uint8_t *pt, size_t *len)
{
	(void)len;
	unhex(hex_p, pt + 1, WAPI_EC_BYTES);
}
static void pt_off_curve(uint8_t *pt, size_t *len) { (void)len; pt[48] ^= 1; }
static void pt_zero_xy(uint8_t *pt, size_t *len)
{
	(void)len;
	memset(pt + 1, 0, 2 * WAPI_EC_BYTES);
}

static const struct point_case point_cases[] = {
	{ "48 bytes", pt_short, -WAPI_EC_E_POINT_LEN },
	{ "50 bytes", pt_long, -WAPI_EC_E_POINT_LEN },
	{ "compressed form", pt_compressed, -WAPI_EC_E_POINT_FORMAT },
	{ "hybrid form", pt_hybrid, -WAPI_EC_E_POINT_FORMAT },
	{ "infinity as 0x00", pt_inf1, -WAPI_EC_E_POINT_INFINITY },
	{ "infinity as 49 zero bytes", pt_inf49, -WAPI_EC_E_POINT_INFINITY },
	{ "x equal to p", pt_x_is_p, -WAPI_EC_E_POINT_RANGE },
	{ "y off by one", pt_off_curve, -WAPI_EC_E_POINT_NOT_ON_CURVE },
	{ "04 then zeros", pt_zero_xy, -WAPI_EC_E_POINT_NOT_ON_CURVE },
};

static void test_malformed_points_are_refused_with_their_reason(void **state)
{
	uint8_t pt[64];
	EVP_PKEY *k;
	size_t i, len;

	(void)state;
	for (i = 0; i < sizeof(point_cases) / sizeof(point_cases[0]); i++) {
		const struct point_case *c = &point_cases[i];

		generator(pt);
		len = WAPI_EC_POINT_LEN;
		c->make(pt, &len);
		print_message("point: %s: %s\n", c->what,
			      wapi_ec_strerror(c->err));
		assert_int_equal(wapi_ec_check_point(pt, len), c->err);
		assert_int_equal(wapi_ec_pub_from_point(pt, len, &k), c->err);
		assert_null(k);
		assert_int_equal(wapi_ec_reason(c->err),
				 WPV_REASON_CERT_INVALID);
	}
}

static EVP_PKEY *read_pem_key(BIO *b)
{
	EVP_PKEY *k = NULL;

	assert_int_equal(wapi_ec_key_read_pem(b, &k), 0);
	return k;
}

static void assert_same_key(EVP_PKEY *a, EVP_PKEY *b)
{
	uint8_t da[WAPI_EC_BYTES], db[WAPI_EC_BYTES];
	uint8_t pa[WAPI_EC_POINT_LEN], pb[WAPI_EC_POINT_LEN];

	assert_int_equal(wapi_ec_get_scalar(a, da), 0);
	assert_int_equal(wapi_ec_get_scalar(b, db), 0);
	assert_memory_equal(da, db, sizeof(da));
	assert_int_equal(wapi_ec_get_point(a, pa), 0);
	assert_int_equal(wapi_ec_get_point(b, pb), 0);
	assert_memory_equal(pa, pb, sizeof(pa));
}

static void test_key_pem_round_trip_in_oid_form(void **state)
{
	BIO *b = BIO_new(BIO_s_mem()), *in;
	EVP_PKEY *k, *back, *ossl;
	char *pem;
	long n;

	(void)state;
	assert_int_equal(wapi_ec_generate(&k), 0);
	assert_int_equal(wapi_ec_key_write_pem(b, k, WAPI_KEY_FORM_OID), 0);
	n = BIO_get_mem_data(b, &pem);
	assert_non_null(memmem(pem, (size_t)n, "BEGIN EC PRIVATE KEY", 20));

	/* OpenSSL itself cannot read this form: that is why we parse it. */
	in = BIO_new_mem_buf(pem, (int)n);
	ossl = PEM_read_bio_PrivateKey(in, NULL, NULL, NULL);
	assert_null(ossl);
	ERR_clear_error();
	BIO_free(in);

	in = BIO_new_mem_buf(pem, (int)n);
	back = read_pem_key(in);
	assert_same_key(k, back);
	BIO_free(in);
	EVP_PKEY_free(back);
	EVP_PKEY_free(k);
	BIO_free(b);
}

static void test_key_pem_round_trip_in_explicit_form(void **state)
{
	BIO *b = BIO_new(BIO_s_mem()), *in;
	EVP_PKEY *k, *back, *ossl;
	char *pem;
	long n;

	(void)state;
	assert_int_equal(wapi_ec_generate(&k), 0);
	assert_int_equal(wapi_ec_key_write_pem(b, k, WAPI_KEY_FORM_EXPLICIT),
			 0);
	n = BIO_get_mem_data(b, &pem);
	in = BIO_new_mem_buf(pem, (int)n);
	back = read_pem_key(in);
	assert_same_key(k, back);
	BIO_free(in);

	/* OpenSSL reads the explicit form, and sees the WAPI curve. */
	in = BIO_new_mem_buf(pem, (int)n);
	ossl = PEM_read_bio_PrivateKey(in, NULL, NULL, NULL);
	BIO_free(in);
	assert_non_null(ossl);
	assert_int_equal(wapi_ec_key_check(ossl), 0);
	assert_same_key(k, ossl);
	EVP_PKEY_free(ossl);
	EVP_PKEY_free(back);
	EVP_PKEY_free(k);
	BIO_free(b);
}

static void test_key_file_is_saved_0600_and_loads_back(void **state)
{
	char path[] = "/tmp/wapi-ec-key-XXXXXX";
	EVP_PKEY *k, *back;
	struct stat st;
	int fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	chmod(path, 0644);
	assert_int_equal(wapi_ec_generate(&k), 0);
	assert_int_equal(wapi_ec_key_save(path, k, WAPI_KEY_FORM_OID), 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(wapi_ec_key_load(path, &back), 0);
	assert_same_key(k, back);
	EVP_PKEY_free(back);
	unlink(path);
	assert_int_equal(wapi_ec_key_load(path, &back), -WAPI_EC_E_IO);
	EVP_PKEY_free(k);
}

static int read_key_text(const char *pem, EVP_PKEY **k)
{
	BIO *b = BIO_new_mem_buf(pem, -1);
	int err = wapi_ec_key_read_pem(b, k);

	BIO_free(b);
	return err;
}

/* Writes @der as an "EC PRIVATE KEY" PEM and reads it back. */
static int read_key_der(const uint8_t *der, size_t len, EVP_PKEY **k)
{
	BIO *b = BIO_new(BIO_s_mem());
	int err;

	assert_true(PEM_write_bio(b, "EC PRIVATE KEY", "", der, (long)len));
	err = wapi_ec_key_read_pem(b, k);
	BIO_free(b);
	return err;
}

static void test_bad_key_files_are_refused_with_their_reason(void **state)
{
	uint8_t *der, *oid;
	BIO *b = BIO_new(BIO_s_mem());
	EVP_PKEY *k, *p256;
	char *pem;
	long n;

	(void)state;
	assert_int_equal(read_key_text("not a key", &k), -WAPI_EC_E_KEY_FORMAT);
	assert_null(k);

	/* A P-256 key names its curve by OID: not the WAPI one. */
	p256 = EVP_EC_gen("P-256");
	assert_true(PEM_write_bio_PrivateKey_traditional(b, p256, NULL, NULL,
							 0, NULL, NULL));
	assert_int_equal(wapi_ec_key_read_pem(b, &k), -WAPI_EC_E_WRONG_CURVE);
	assert_string_equal(wapi_ec_strerror(-WAPI_EC_E_WRONG_CURVE),
			    "curve is not the WAPI curve 1.2.156.11235.1.1.2.1");

	/* PKCS#8 and encrypted PEM are not read. */
	BIO_free(b);
	b = BIO_new(BIO_s_mem());
	assert_true(PEM_write_bio_PrivateKey(b, p256, NULL, NULL, 0, NULL,
					     NULL));
	assert_int_equal(wapi_ec_key_read_pem(b, &k), -WAPI_EC_E_KEY_FORMAT);
	EVP_PKEY_free(p256);

	assert_int_equal(wapi_ec_generate(&p256), 0);
	BIO_free(b);
	b = BIO_new(BIO_s_mem());
	assert_true(PEM_write_bio_PrivateKey_traditional(b, p256,
			EVP_aes_128_cbc(), (unsigned char *)"secret", 6, NULL,
			NULL));
	assert_int_equal(wapi_ec_key_read_pem(b, &k), -WAPI_EC_E_KEY_FORMAT);

	/* Our own OID form, then broken in three ways. */
	BIO_free(b);
	b = BIO_new(BIO_s_mem());
	assert_int_equal(wapi_ec_key_write_pem(b, p256, WAPI_KEY_FORM_OID), 0);
	n = BIO_get_mem_data(b, &pem);
	{
		BIO *in = BIO_new_mem_buf(pem, (int)n);
		char *name, *hdr;

		assert_true(PEM_read_bio(in, &name, &hdr, &der, &n));
		OPENSSL_free(name);
		OPENSSL_free(hdr);
		BIO_free(in);
	}
	assert_int_equal(read_key_der(der, (size_t)n, &k), 0);
	EVP_PKEY_free(k);

	oid = memmem(der, (size_t)n, wapi_oid_curve, WAPI_OID_CURVE_LEN);
	assert_non_null(oid);
	oid[WAPI_OID_CURVE_LEN - 1] = 2;	/* 1.2.156.11235.1.1.2.2 */
	assert_int_equal(read_key_der(der, (size_t)n, &k),
			 -WAPI_EC_E_WRONG_CURVE);
	oid[WAPI_OID_CURVE_LEN - 1] = 1;

	der[n - 1] ^= 1;			/* public key does not match */
	assert_int_equal(read_key_der(der, (size_t)n, &k),
			 -WAPI_EC_E_KEY_FORMAT);
	der[n - 1] ^= 1;

	assert_int_equal(read_key_der(der, (size_t)n - 1, &k),
			 -WAPI_EC_E_KEY_FORMAT);

	OPENSSL_clear_free(der, (size_t)n);
	EVP_PKEY_free(p256);
	BIO_free(b);
}

/* ---- certificates ---- */

struct pki {
	EVP_PKEY *ca_key, *ca2_key, *mid_key, *sta_key;
	X509 *ca, *impostor_ca, *other_ca, *p256_ca, *mid;
	X509 *valid, *expired, *not_yet, *revoked, *wrong_ca, *other_issuer;
	X509 *no_sign, *via_mid, *p256_leaf;
	X509_CRL *crl, *crl_stale, *crl_impostor, *crl_mid, *crl_empty;
	time_t now;
};

static struct pki pki;

static const char *const ca_name = "/O=wapi-preview test/CN=WAPI Test CA";

static X509 *issue(const char *subject, long serial, long start_days,
		   long days, bool ca, const char *ku, EVP_PKEY *key,
		   X509 *issuer, EVP_PKEY *issuer_key)
{
	struct wapi_pki_cert req = {
		.subject = subject,
		.serial = serial,
		.not_before = pki.now + start_days * DAY,
		.not_after = pki.now + (start_days + days) * DAY,
		.ca = ca,
		.key_usage = ku,
	};
	X509 *x = NULL;

	assert_int_equal(wapi_pki_issue_cert(&req, key, issuer, issuer_key, &x),
			 0);
	return x;
}

/* A P-256 certificate made the ordinary way, with the CA's name. */
static X509 *p256_cert(const char *subject, EVP_PKEY *key)
{
	X509_NAME *name;
	X509 *x = X509_new();

	assert_int_equal(wapi_pki_parse_name(subject, &name), 0);
	X509_set_version(x, X509_VERSION_3);
	ASN1_INTEGER_set(X509_get_serialNumber(x), 99);
	X509_set_subject_name(x, name);
	X509_set_issuer_name(x, name);
	X509_time_adj_ex(X509_getm_notBefore(x), -1, 0, &pki.now);
	X509_time_adj_ex(X509_getm_notAfter(x), 30, 0, &pki.now);
	X509_set_pubkey(x, key);
	assert_true(X509_sign(x, key, EVP_sha256()));
	X509_NAME_free(name);
	return x;
}

static int pki_setup(void **state)
{
	EVP_PKEY *p256;
	X509 *revoked_mid[1];

	(void)state;
	pki.now = time(NULL);
	assert_int_equal(wapi_ec_generate(&pki.ca_key), 0);
	assert_int_equal(wapi_ec_generate(&pki.ca2_key), 0);
	assert_int_equal(wapi_ec_generate(&pki.mid_key), 0);
	assert_int_equal(wapi_ec_generate(&pki.sta_key), 0);

	pki.ca = issue(ca_name, 1, -1, 3650, true, NULL, pki.ca_key, NULL,
		       pki.ca_key);
	/* Same name, other key: what a forger would present. */
	pki.impostor_ca = issue(ca_name, 1, -1, 3650, true, NULL, pki.ca2_key,
				NULL, pki.ca2_key);
	pki.other_ca = issue("/O=elsewhere/CN=Other CA", 1, -1, 3650, true,
			     NULL, pki.ca2_key, NULL, pki.ca2_key);

	pki.valid = issue("/CN=valid", 10, -1, 365, false, NULL, pki.sta_key,
			  pki.ca, pki.ca_key);
	pki.expired = issue("/CN=expired", 11, -30, 10, false, NULL,
			    pki.sta_key, pki.ca, pki.ca_key);
	pki.not_yet = issue("/CN=not yet", 12, 10, 365, false, NULL,
			    pki.sta_key, pki.ca, pki.ca_key);
	pki.revoked = issue("/CN=revoked", 13, -1, 365, false, NULL,
			    pki.sta_key, pki.ca, pki.ca_key);
	pki.no_sign = issue("/CN=no signing", 14, -1, 365, false,
			    "critical,keyEncipherment", pki.sta_key, pki.ca,
			    pki.ca_key);
	pki.wrong_ca = issue("/CN=wrong CA", 15, -1, 365, false, NULL,
			     pki.sta_key, pki.impostor_ca, pki.ca2_key);
	pki.other_issuer = issue("/CN=other issuer", 16, -1, 365, false, NULL,
				 pki.sta_key, pki.other_ca, pki.ca2_key);

	pki.mid = issue("/O=wapi-preview test/CN=Intermediate", 20, -1, 365,
			true, NULL, pki.mid_key, pki.ca, pki.ca_key);
	pki.via_mid = issue("/CN=via intermediate", 21, -1, 365, false, NULL,
			    pki.sta_key, pki.mid, pki.mid_key);

	p256 = EVP_EC_gen("P-256");
	pki.p256_ca = p256_cert(ca_name, p256);
	pki.p256_leaf = p256_cert("/CN=p256 station", p256);
	EVP_PKEY_free(p256);

	assert_int_equal(wapi_pki_issue_crl(pki.ca, pki.ca_key, &pki.revoked,
					    1, pki.now - 60, pki.now + 7 * DAY,
					    &pki.crl), 0);
	assert_int_equal(wapi_pki_issue_crl(pki.ca, pki.ca_key, NULL, 0,
					    pki.now - DAY, pki.now + 7 * DAY,
					    &pki.crl_empty), 0);
	assert_int_equal(wapi_pki_issue_crl(pki.ca, pki.ca_key, &pki.revoked,
					    1, pki.now - 30 * DAY,
					    pki.now - DAY, &pki.crl_stale), 0);
	assert_int_equal(wapi_pki_issue_crl(pki.impostor_ca, pki.ca2_key, NULL,
					    0, pki.now - 60, pki.now + DAY,
					    &pki.crl_impostor), 0);
	revoked_mid[0] = pki.valid;	/* another CA's serial 10: no effect */
	assert_int_equal(wapi_pki_issue_crl(pki.mid, pki.mid_key, revoked_mid,
					    0, pki.now - 60, pki.now + DAY,
					    &pki.crl_mid), 0);
	return 0;
}

static int pki_teardown(void **state)
{
	X509 **certs[] = {
		&pki.ca, &pki.impostor_ca, &pki.other_ca, &pki.p256_ca,
		&pki.mid, &pki.valid, &pki.expired, &pki.not_yet,
		&pki.revoked, &pki.wrong_ca, &pki.other_issuer, &pki.no_sign,
		&pki.via_mid, &pki.p256_leaf,
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(certs) / sizeof(certs[0]); i++)
		X509_free(*certs[i]);
	X509_CRL_free(pki.crl);
	X509_CRL_free(pki.crl_stale);
	X509_CRL_free(pki.crl_impostor);
	X509_CRL_free(pki.crl_mid);
	X509_CRL_free(pki.crl_empty);
	EVP_PKEY_free(pki.ca_key);
	EVP_PKEY_free(pki.ca2_key);
	EVP_PKEY_free(pki.mid_key);
	EVP_PKEY_free(pki.sta_key);
	return 0;
}

static STACK_OF(X509) *certs_of(X509 *a, X509 *b)
{
	STACK_OF(X509) *sk = sk_X509_new_null();

	if (a)
		sk_X509_push(sk, a);
	if (b)
		sk_X509_push(sk, b);
	return sk;
}

static STACK_OF(X509_CRL) *crls_of(X509_CRL *a, X509_CRL *b)
{
	STACK_OF(X509_CRL) *sk = sk_X509_CRL_new_null();

	if (a)
		sk_X509_CRL_push(sk, a);
	if (b)
		sk_X509_CRL_push(sk, b);
	return sk;
}

struct chain_case {
	const char *what;
	X509 **leaf;
	X509 **trusted[2];
	X509 **untrusted;
	X509_CRL **crls[2];
	bool with_crls;
	int err;
	enum wpv_reason reason;
};

static const struct chain_case chain_cases[] = {
	{ "valid station", &pki.valid, { &pki.ca }, NULL, { NULL }, false,
	  0, WPV_REASON_VERIFIED },
	{ "valid station, CRL checked", &pki.valid, { &pki.ca }, NULL,
	  { &pki.crl }, true, 0, WPV_REASON_VERIFIED },
	{ "valid station, P-256 CA also trusted", &pki.valid,
	  { &pki.p256_ca, &pki.ca }, NULL, { NULL }, false,
	  0, WPV_REASON_VERIFIED },
	{ "expired station", &pki.expired, { &pki.ca }, NULL, { NULL }, false,
	  -WAPI_EC_E_CERT_EXPIRED, WPV_REASON_CERT_EXPIRED },
	{ "not yet valid station", &pki.not_yet, { &pki.ca }, NULL, { NULL },
	  false, -WAPI_EC_E_CERT_NOT_YET_VALID,
	  WPV_REASON_CERT_NOT_YET_VALID },
	{ "revoked station", &pki.revoked, { &pki.ca }, NULL, { &pki.crl },
	  true, -WAPI_EC_E_CERT_REVOKED, WPV_REASON_CERT_REVOKED },
	{ "revoked station, older CRL without it still in force",
	  &pki.revoked, { &pki.ca }, NULL, { &pki.crl_empty, &pki.crl }, true,
	  -WAPI_EC_E_CERT_REVOKED, WPV_REASON_CERT_REVOKED },
	{ "revoked station, no CRLs configured", &pki.revoked, { &pki.ca },
	  NULL, { NULL }, false, 0, WPV_REASON_VERIFIED },
	{ "revoked station, only a stale CRL", &pki.revoked, { &pki.ca }, NULL,
	  { &pki.crl_stale }, true, -WAPI_EC_E_CRL_STALE,
	  WPV_REASON_STATUS_UNKNOWN },
	{ "valid station, CRL list without its CA's", &pki.valid, { &pki.ca },
	  NULL, { &pki.crl_mid }, true, -WAPI_EC_E_CRL_MISSING,
	  WPV_REASON_STATUS_UNKNOWN },
	{ "valid station, CRL forged under the CA's name", &pki.valid,
	  { &pki.ca }, NULL, { &pki.crl_impostor }, true,
	  -WAPI_EC_E_CRL_BAD_SIGNATURE, WPV_REASON_STATUS_UNKNOWN },
	{ "station signed by an impostor CA of the same name", &pki.wrong_ca,
	  { &pki.ca }, NULL, { NULL }, false, -WAPI_EC_E_CERT_BAD_SIGNATURE,
	  WPV_REASON_CERT_UNTRUSTED },
	{ "station signed by an unknown CA", &pki.other_issuer, { &pki.ca },
	  NULL, { NULL }, false, -WAPI_EC_E_ISSUER_NOT_FOUND,
	  WPV_REASON_CERT_UNTRUSTED },
	{ "station without digitalSignature", &pki.no_sign, { &pki.ca }, NULL,
	  { NULL }, false, -WAPI_EC_E_KEY_USAGE, WPV_REASON_CERT_KEY_USAGE },
	{ "WAPI station whose only CA of that name is P-256", &pki.valid,
	  { &pki.p256_ca }, NULL, { NULL }, false, -WAPI_EC_E_PROFILE_MIX,
	  WPV_REASON_CERT_UNTRUSTED },
	{ "P-256 station on the WAPI path", &pki.p256_leaf, { &pki.ca }, NULL,
	  { NULL }, false, -WAPI_EC_E_WRONG_CURVE, WPV_REASON_CERT_INVALID },
	{ "station via intermediate", &pki.via_mid, { &pki.ca }, &pki.mid,
	  { &pki.crl, &pki.crl_mid }, true, 0, WPV_REASON_VERIFIED },
	{ "station via intermediate, intermediate not given", &pki.via_mid,
	  { &pki.ca }, NULL, { NULL }, false, -WAPI_EC_E_ISSUER_NOT_FOUND,
	  WPV_REASON_CERT_UNTRUSTED },
	{ "station via intermediate, intermediate's CRL missing",
	  &pki.via_mid, { &pki.ca }, &pki.mid, { &pki.crl }, true,
	  -WAPI_EC_E_CRL_MISSING, WPV_REASON_STATUS_UNKNOWN },
	{ "intermediate used as a station", &pki.mid, { &pki.ca }, NULL,
	  { NULL }, false, -WAPI_EC_E_KEY_USAGE, WPV_REASON_CERT_KEY_USAGE },
	{ "station cert trusted as its own CA", &pki.via_mid,
	  { &pki.valid }, &pki.mid, { NULL }, false,
	  -WAPI_EC_E_ISSUER_NOT_FOUND, WPV_REASON_CERT_UNTRUSTED },
};

static void test_certificate_chains_give_the_right_verdict(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(chain_cases) / sizeof(chain_cases[0]); i++) {
		const struct chain_case *c = &chain_cases[i];
		STACK_OF(X509) *trusted, *untrusted;
		STACK_OF(X509_CRL) *crls = NULL;
		enum wpv_reason reason = WPV_REASON_NONE;
		int err;

		trusted = certs_of(*c->trusted[0],
				   c->trusted[1] ? *c->trusted[1] : NULL);
		untrusted = certs_of(c->untrusted ? *c->untrusted : NULL, NULL);
		if (c->with_crls)
			crls = crls_of(c->crls[0] ? *c->crls[0] : NULL,
				       c->crls[1] ? *c->crls[1] : NULL);
		err = wapi_cert_verify_chain_ex(*c->leaf, untrusted, trusted,
						crls, pki.now, &reason);
		print_message("chain: %s: %s\n", c->what,
			      wapi_ec_strerror(err));
		assert_int_equal(err, c->err);
		assert_int_equal(reason, c->reason);
		sk_X509_CRL_free(crls);
		sk_X509_free(untrusted);
		sk_X509_free(trusted);
	}
}

static void test_short_api_verifies_a_station_against_its_ca(void **state)
{
	STACK_OF(X509) *trusted = certs_of(pki.ca, NULL);
	STACK_OF(X509_CRL) *crls = crls_of(pki.crl, NULL);
	enum wpv_reason reason;

	(void)state;
	assert_int_equal(wapi_cert_verify_chain(pki.valid, trusted, crls,
						pki.now, &reason), 0);
	assert_int_equal(reason, WPV_REASON_VERIFIED);
	assert_int_equal(wapi_cert_verify_chain(pki.revoked, trusted, crls,
						pki.now, &reason),
			 -WAPI_EC_E_CERT_REVOKED);
	/* A year and a day later the station has expired. */
	assert_int_equal(wapi_cert_verify_chain(pki.valid, trusted, NULL,
						pki.now + 366 * DAY, &reason),
			 -WAPI_EC_E_CERT_EXPIRED);
	sk_X509_CRL_free(crls);
	sk_X509_free(trusted);
}

static void test_issued_certificate_has_the_wapi_profile(void **state)
{
	uint8_t pt[WAPI_EC_POINT_LEN], want[WAPI_EC_POINT_LEN];
	const X509_ALGOR *alg;
	const ASN1_OBJECT *obj;
	char txt[64];

	(void)state;
	assert_true(wapi_cert_is_wapi(pki.valid));
	assert_true(wapi_cert_is_wapi(pki.ca));
	assert_false(wapi_cert_is_wapi(pki.p256_leaf));

	X509_get0_signature(NULL, &alg, pki.valid);
	X509_ALGOR_get0(&obj, NULL, NULL, alg);
	OBJ_obj2txt(txt, sizeof(txt), obj, 1);
	assert_string_equal(txt, WAPI_OID_SIG_ALG);
	assert_int_equal(X509_ALGOR_cmp(alg, X509_get0_tbs_sigalg(pki.valid)),
			 0);

	assert_int_equal(wapi_cert_get_point(pki.valid, pt), 0);
	assert_int_equal(wapi_ec_get_point(pki.sta_key, want), 0);
	assert_memory_equal(pt, want, sizeof(pt));
	assert_int_equal(wapi_cert_check_signed_by(pki.valid, pki.ca), 0);
	assert_int_equal(wapi_cert_check_signed_by(pki.ca, pki.ca), 0);
	assert_int_equal(wapi_crl_check_signed_by(pki.crl, pki.ca), 0);
}

/* d2i of @x's DER with one byte pattern replaced. */
static X509 *patched(X509 *x, const uint8_t *find, size_t len, size_t at,
		     uint8_t value, int which)
{
	unsigned char *der = NULL, *hit = NULL, *from;
	const unsigned char *p;
	X509 *y;
	int n;

	n = i2d_X509(x, &der);
	assert_true(n > 0);
	from = der;
	while (which-- >= 0) {
		hit = memmem(from, (size_t)(n - (from - der)), find, len);
		assert_non_null(hit);
		from = hit + 1;
	}
	hit[at] = value;
	p = der;
	y = d2i_X509(NULL, &p, n);
	assert_non_null(y);
	OPENSSL_free(der);
	return y;
}

static void test_tampered_certificates_are_refused_with_their_reason(void **state)
{
	static const uint8_t curve_tlv[] = {
		0x06, 0x09, 0x2a, 0x81, 0x1c, 0xd7, 0x63, 0x01, 0x01, 0x02,
		0x01,
	};
	static const uint8_t sig_tlv[] = {
		0x06, 0x08, 0x2a, 0x81, 0x1c, 0xd7, 0x63, 0x01, 0x01, 0x01,
	};
	static const uint8_t cn_valid[] = { 'v', 'a', 'l', 'i', 'd' };
	STACK_OF(X509) *trusted = certs_of(pki.ca, NULL);
	uint8_t pt[WAPI_EC_POINT_LEN], bits[3];
	enum wpv_reason reason;
	X509 *y;

	(void)state;
	/* Curve OID 1.2.156.11235.1.1.2.2 */
	y = patched(pki.valid, curve_tlv, sizeof(curve_tlv), 10, 0x02, 0);
	assert_int_equal(wapi_cert_get_point(y, pt), -WAPI_EC_E_WRONG_CURVE);
	assert_int_equal(wapi_cert_verify_chain(y, trusted, NULL, pki.now,
						&reason),
			 -WAPI_EC_E_WRONG_CURVE);
	assert_int_equal(reason, WPV_REASON_CERT_INVALID);
	X509_free(y);

	/* The point made compressed-looking, then moved off the curve. */
	assert_int_equal(wapi_cert_get_point(pki.valid, pt), 0);
	bits[0] = 0x00;
	bits[1] = 0x04;
	bits[2] = pt[1];
	y = patched(pki.valid, bits, sizeof(bits), 1, 0x02, 0);
	assert_int_equal(wapi_cert_get_point(y, pt),
			 -WAPI_EC_E_POINT_FORMAT);
	X509_free(y);
	y = patched(pki.valid, bits, sizeof(bits), 2, bits[2] ^ 1, 0);
	assert_int_equal(wapi_cert_verify_chain(y, trusted, NULL, pki.now,
						&reason),
			 -WAPI_EC_E_POINT_NOT_ON_CURVE);
	X509_free(y);

	/* Subject changed after signing. */
	y = patched(pki.valid, cn_valid, sizeof(cn_valid), 0, 'V', 0);
	assert_int_equal(wapi_cert_verify_chain(y, trusted, NULL, pki.now,
						&reason),
			 -WAPI_EC_E_CERT_BAD_SIGNATURE);
	assert_int_equal(reason, WPV_REASON_CERT_UNTRUSTED);
	X509_free(y);

	/* Outer signature algorithm differs from the TBS one. */
	y = patched(pki.valid, sig_tlv, sizeof(sig_tlv), 9, 0x02, 1);
	assert_int_equal(wapi_cert_check_signed_by(y, pki.ca),
			 -WAPI_EC_E_CERT_SIG_ALG);
	X509_free(y);
	sk_X509_free(trusted);
}

/*
 * Every single-bit change anywhere in a station certificate, and in a key
 * file, must be refused without a crash or a leak (ASan watches).
 */
static void test_every_bit_flip_of_a_certificate_is_refused(void **state)
{
	STACK_OF(X509) *trusted = certs_of(pki.ca, NULL);
	STACK_OF(X509_CRL) *crls = crls_of(pki.crl, NULL);
	unsigned char *der = NULL;
	const unsigned char *p;
	int n, i, bit, parsed = 0;
	X509 *y;

	(void)state;
	n = i2d_X509(pki.valid, &der);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		for (bit = 0; bit < 8; bit += 3) {
			der[i] ^= (unsigned char)(1 << bit);
			p = der;
			y = d2i_X509(NULL, &p, n);
			if (y) {
				parsed++;
				assert_int_not_equal(
					wapi_cert_verify_chain(y, trusted,
							       crls, pki.now,
							       NULL), 0);
				X509_free(y);
			}
			ERR_clear_error();
			der[i] ^= (unsigned char)(1 << bit);
		}
	}
	print_message("%d of %d mutations parsed, all refused\n", parsed,
		      3 * n);
	OPENSSL_free(der);
	sk_X509_CRL_free(crls);
	sk_X509_free(trusted);
}

static void test_every_bit_flip_of_a_key_file_is_refused(void **state)
{
	uint8_t d[WAPI_EC_BYTES];
	unsigned char *der;
	BIO *b = BIO_new(BIO_s_mem()), *in;
	char *name, *hdr, *pem;
	EVP_PKEY *k;
	long n, len;
	int i, bit, err;

	(void)state;
	assert_int_equal(wapi_ec_key_write_pem(b, pki.sta_key,
					       WAPI_KEY_FORM_OID), 0);
	len = BIO_get_mem_data(b, &pem);
	in = BIO_new_mem_buf(pem, (int)len);
	assert_true(PEM_read_bio(in, &name, &hdr, &der, &n));
	BIO_free(in);
	for (i = 0; i < n; i++) {
		for (bit = 0; bit < 8; bit++) {
			der[i] ^= (unsigned char)(1 << bit);
			err = read_key_der(der, (size_t)n, &k);
			/*
			 * The scalar itself has no redundancy but the
			 * public key that follows it.
			 */
			assert_int_not_equal(err, 0);
			assert_null(k);
			der[i] ^= (unsigned char)(1 << bit);
		}
	}
	assert_int_equal(wapi_ec_get_scalar(pki.sta_key, d), 0);
	OPENSSL_cleanse(d, sizeof(d));
	OPENSSL_free(name);
	OPENSSL_free(hdr);
	OPENSSL_clear_free(der, (size_t)n);
	BIO_free(b);
}

static void test_every_error_has_words_and_a_reason(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < __WAPI_EC_E_MAX; i++) {
		assert_non_null(wapi_ec_strerror(-i));
		assert_true(strlen(wapi_ec_strerror(-i)) > 5);
		assert_true(wapi_ec_reason(-i) < __WPV_REASON_MAX);
	}
	assert_string_equal(wapi_ec_strerror(-__WAPI_EC_E_MAX),
			    "unknown WAPI error");
}

int main(void)
{
	const struct CMUnitTest curve[] = {
		cmocka_unit_test(test_curve_constants_give_a_group_of_order_n),
		cmocka_unit_test(test_private_key_1_and_n_minus_1_give_g_and_minus_g),
		cmocka_unit_test(test_private_scalar_0_and_n_are_refused),
		cmocka_unit_test(test_digest_is_sha256_reduced_mod_n_not_truncated),
		cmocka_unit_test(test_wapi_signature_verifies_and_tampering_fails),
		cmocka_unit_test(test_wapi_signature_is_textbook_ecdsa_over_digest_mod_n),
		cmocka_unit_test(test_truncating_ecdsa_signature_is_refused_by_wapi_rule),
		cmocka_unit_test(test_wapi_signature_is_refused_by_truncating_ecdsa),
		cmocka_unit_test(test_p256_signature_is_standard_and_p256_key_refused_as_wapi),
		cmocka_unit_test(test_signature_der_is_strict_and_in_range),
		cmocka_unit_test(test_malformed_points_are_refused_with_their_reason),
		cmocka_unit_test(test_key_pem_round_trip_in_oid_form),
		cmocka_unit_test(test_key_pem_round_trip_in_explicit_form),
		cmocka_unit_test(test_key_file_is_saved_0600_and_loads_back),
		cmocka_unit_test(test_bad_key_files_are_refused_with_their_reason),
		cmocka_unit_test(test_every_error_has_words_and_a_reason),
	};
	const struct CMUnitTest certs[] = {
		cmocka_unit_test(test_issued_certificate_has_the_wapi_profile),
		cmocka_unit_test(test_certificate_chains_give_the_right_verdict),
		cmocka_unit_test(test_short_api_verifies_a_station_against_its_ca),
		cmocka_unit_test(test_tampered_certificates_are_refused_with_their_reason),
		cmocka_unit_test(test_every_bit_flip_of_a_certificate_is_refused),
		cmocka_unit_test(test_every_bit_flip_of_a_key_file_is_refused),
	};
	int fails;

	fails = cmocka_run_group_tests_name("wapi_ec_curve", curve, NULL, NULL);
	fails += cmocka_run_group_tests_name("wapi_ec_certificates", certs,
					     pki_setup, pki_teardown);
	return fails ? 1 : 0;
}
