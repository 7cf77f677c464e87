// SPDX-License-Identifier: GPL-2.0
/*
 * The 192-bit WAPI curve, its keys and the WAPI ECDSA rule, on OpenSSL 3
 * primitives.  OpenSSL has no name for the curve, so every key carries the
 * explicit parameters; OpenSSL's ECDSA then does the curve arithmetic on
 * a 24-byte value that this file has already reduced mod n.
 */
#include <string.h>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/param_build.h>
#include <openssl/rand.h>

#include "wapi_ec.h"

/* Curve constants (the WAPI curve, y^2 = x^3 + ax + b over F_p, h = 1). */
static const uint8_t wapi_p[WAPI_EC_BYTES] = {
	0xbd, 0xb6, 0xf4, 0xfe, 0x3e, 0x8b, 0x1d, 0x9e, 0x0d, 0xa8, 0xc0, 0xd4,
	0x6f, 0x4c, 0x31, 0x8c, 0xef, 0xe4, 0xaf, 0xe3, 0xb6, 0xb8, 0x55, 0x1f,
};

static const uint8_t wapi_a[WAPI_EC_BYTES] = {
	0xbb, 0x8e, 0x5e, 0x8f, 0xbc, 0x11, 0x5e, 0x13, 0x9f, 0xe6, 0xa8, 0x14,
	0xfe, 0x48, 0xaa, 0xa6, 0xf0, 0xad, 0xa1, 0xaa, 0x5d, 0xf9, 0x19, 0x85,
};

static const uint8_t wapi_b[WAPI_EC_BYTES] = {
	0x18, 0x54, 0xbe, 0xbd, 0xc3, 0x1b, 0x21, 0xb7, 0xae, 0xfc, 0x80, 0xab,
	0x0e, 0xcd, 0x10, 0xd5, 0xb1, 0xb3, 0x30, 0x8e, 0x6d, 0xbf, 0x11, 0xc1,
};

static const uint8_t wapi_g[WAPI_EC_POINT_LEN] = {
	0x04,
	0x4a, 0xd5, 0xf7, 0x04, 0x8d, 0xe7, 0x09, 0xad, 0x51, 0x23, 0x6d, 0xe6,
	0x5e, 0x4d, 0x4b, 0x48, 0x2c, 0x83, 0x6d, 0xc6, 0xe4, 0x10, 0x66, 0x40,
	0x02, 0xbb, 0x3a, 0x02, 0xd4, 0xaa, 0xad, 0xac, 0xae, 0x24, 0x81, 0x7a,
	0x4c, 0xa3, 0xa1, 0xb0, 0x14, 0xb5, 0x27, 0x04, 0x32, 0xdb, 0x27, 0xd2,
};

static const uint8_t wapi_n[WAPI_EC_BYTES] = {
	0xbd, 0xb6, 0xf4, 0xfe, 0x3e, 0x8b, 0x1d, 0x9e, 0x0d, 0xa8, 0xc0, 0xd4,
	0x0f, 0xc9, 0x62, 0x19, 0x5d, 0xfa, 0xe7, 0x6f, 0x56, 0x56, 0x46, 0x77,
};

const uint8_t wapi_oid_sig_alg[WAPI_OID_SIG_ALG_LEN] = {
	0x2a, 0x81, 0x1c, 0xd7, 0x63, 0x01, 0x01, 0x01,
};

const uint8_t wapi_oid_curve[WAPI_OID_CURVE_LEN] = {
	0x2a, 0x81, 0x1c, 0xd7, 0x63, 0x01, 0x01, 0x02, 0x01,
};

static const char *const wapi_ec_errstr[__WAPI_EC_E_MAX] = {
	[WAPI_EC_OK] = "success",
	[WAPI_EC_E_NOMEM] = "out of memory or OpenSSL failure",
	[WAPI_EC_E_IO] = "cannot read or write the file",
	[WAPI_EC_E_POINT_LEN] = "public key point is not 49 bytes",
	[WAPI_EC_E_POINT_FORMAT] = "public key point is not uncompressed (0x04)",
	[WAPI_EC_E_POINT_INFINITY] = "public key is the point at infinity",
	[WAPI_EC_E_POINT_RANGE] = "public key coordinate not below the field prime",
	[WAPI_EC_E_POINT_NOT_ON_CURVE] = "public key point is not on the WAPI curve",
	[WAPI_EC_E_PRIV_RANGE] = "private key is 0 or not below the curve order",
	[WAPI_EC_E_NOT_WAPI_KEY] = "key is not on the WAPI curve",
	[WAPI_EC_E_KEY_FORMAT] = "private key file is not a SEC1 EC PRIVATE KEY",
	[WAPI_EC_E_WRONG_CURVE] = "curve is not the WAPI curve 1.2.156.11235.1.1.2.1",
	[WAPI_EC_E_SIG_FORMAT] = "signature is malformed",
	[WAPI_EC_E_BAD_SIGNATURE] = "signature does not verify",
	[WAPI_EC_E_CERT_NOT_WAPI] = "certificate is not of the WAPI profile",
	[WAPI_EC_E_CERT_MALFORMED] = "certificate or CRL cannot be decoded",
	[WAPI_EC_E_CERT_SIG_ALG] = "signature algorithm is not the WAPI one, or differs inside and outside",
	[WAPI_EC_E_CERT_EXPIRED] = "certificate has expired",
	[WAPI_EC_E_CERT_NOT_YET_VALID] = "certificate is not yet valid",
	[WAPI_EC_E_CERT_REVOKED] = "certificate is revoked",
	[WAPI_EC_E_ISSUER_NOT_FOUND] = "issuer is not a trusted WAPI CA",
	[WAPI_EC_E_CERT_BAD_SIGNATURE] = "certificate signature does not verify with the issuer's key",
	[WAPI_EC_E_PROFILE_MIX] = "issuer of a WAPI certificate is not a WAPI certificate",
	[WAPI_EC_E_NOT_CA] = "issuer is not a CA",
	[WAPI_EC_E_CHAIN_TOO_LONG] = "chain is too long",
	[WAPI_EC_E_KEY_USAGE] = "certificate key usage does not allow digital signatures",
	[WAPI_EC_E_CA_KEY_USAGE] = "issuer key usage does not allow signing certificates or CRLs",
	[WAPI_EC_E_CRITICAL_EXT] = "certificate has an unsupported critical extension",
	[WAPI_EC_E_CRL_MISSING] = "no usable CRL from the certificate's issuer",
	[WAPI_EC_E_CRL_STALE] = "issuer's CRL is out of date",
	[WAPI_EC_E_CRL_BAD_SIGNATURE] = "issuer's CRL signature does not verify",
};

/** wapi_ec_strerror() - words for a (negated or not) enum wapi_ec_err */
const char *wapi_ec_strerror(int err)
{
	if (err < 0)
		err = -err;
	if (err >= __WAPI_EC_E_MAX)
		return "unknown WAPI error";
	return wapi_ec_errstr[err];
}

/** wapi_ec_reason() - the enum wpv_reason recorded for an error */
enum wpv_reason wapi_ec_reason(int err)
{
	if (err < 0)
		err = -err;
	switch (err) {
	case WAPI_EC_OK:
		return WPV_REASON_VERIFIED;
	case WAPI_EC_E_SIG_FORMAT:
	case WAPI_EC_E_BAD_SIGNATURE:
		return WPV_REASON_BAD_SIGNATURE;
	case WAPI_EC_E_CERT_EXPIRED:
		return WPV_REASON_CERT_EXPIRED;
	case WAPI_EC_E_CERT_NOT_YET_VALID:
		return WPV_REASON_CERT_NOT_YET_VALID;
	case WAPI_EC_E_CERT_REVOKED:
		return WPV_REASON_CERT_REVOKED;
	case WAPI_EC_E_ISSUER_NOT_FOUND:
	case WAPI_EC_E_CERT_BAD_SIGNATURE:
	case WAPI_EC_E_PROFILE_MIX:
	case WAPI_EC_E_NOT_CA:
	case WAPI_EC_E_CHAIN_TOO_LONG:
		return WPV_REASON_CERT_UNTRUSTED;
	case WAPI_EC_E_KEY_USAGE:
	case WAPI_EC_E_CA_KEY_USAGE:
		return WPV_REASON_CERT_KEY_USAGE;
	case WAPI_EC_E_CRL_MISSING:
	case WAPI_EC_E_CRL_STALE:
	case WAPI_EC_E_CRL_BAD_SIGNATURE:
		return WPV_REASON_STATUS_UNKNOWN;
	default:
		return WPV_REASON_CERT_INVALID;
	}
}

/*
 * The explicit curve parameters, plus the public and private parts that
 * are given.  OpenSSL builds an unnamed group from these.
 */
static OSSL_PARAM *curve_params(const uint8_t *pub, size_t pub_len,
				const BIGNUM *priv)
{
	BIGNUM *p, *a, *b, *n, *one;
	OSSL_PARAM_BLD *bld;
	OSSL_PARAM *params = NULL;

	p = BN_bin2bn(wapi_p, sizeof(wapi_p), NULL);
	a = BN_bin2bn(wapi_a, sizeof(wapi_a), NULL);
	b = BN_bin2bn(wapi_b, sizeof(wapi_b), NULL);
	n = BN_bin2bn(wapi_n, sizeof(wapi_n), NULL);
	one = BN_new();
	bld = OSSL_PARAM_BLD_new();
	if (!p || !a || !b || !n || !one || !bld || !BN_one(one))
		goto out;

	if (!OSSL_PARAM_BLD_push_utf8_string(bld, OSSL_PKEY_PARAM_EC_FIELD_TYPE,
					     SN_X9_62_prime_field, 0) ||
	    !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_EC_P, p) ||
	    !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_EC_A, a) ||
	    !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_EC_B, b) ||
	    !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_EC_ORDER, n) ||
	    !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_EC_COFACTOR, one) ||
	    !OSSL_PARAM_BLD_push_octet_string(bld,
					      OSSL_PKEY_PARAM_EC_GENERATOR,
					      wapi_g, sizeof(wapi_g)))
		goto out;
	if (pub && !OSSL_PARAM_BLD_push_octet_string(bld,
						     OSSL_PKEY_PARAM_PUB_KEY,
						     pub, pub_len))
		goto out;
	if (priv && !OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_PRIV_KEY,
					    priv))
		goto out;
	params = OSSL_PARAM_BLD_to_param(bld);
out:
	OSSL_PARAM_BLD_free(bld);
	BN_free(one);
	BN_free(n);
	BN_free(b);
	BN_free(a);
	BN_free(p);
	return params;
}

/* OpenSSL 3.0 has no OSSL_PARAM_clear_free(): wipe the scalar by hand. */
static void params_wipe_free(OSSL_PARAM *params)
{
	OSSL_PARAM *d;

	d = params ? OSSL_PARAM_locate(params, OSSL_PKEY_PARAM_PRIV_KEY) : NULL;
	if (d && d->data)
		OPENSSL_cleanse(d->data, d->data_size);
	OSSL_PARAM_free(params);
}

static int key_from_params(OSSL_PARAM *params, int selection, EVP_PKEY **out)
{
	EVP_PKEY_CTX *ctx;
	int err = -WAPI_EC_E_NOMEM;

	*out = NULL;
	ctx = EVP_PKEY_CTX_new_from_name(NULL, "EC", NULL);
	if (!ctx)
		return err;
	if (EVP_PKEY_fromdata_init(ctx) > 0 &&
	    EVP_PKEY_fromdata(ctx, out, selection, params) > 0)
		err = 0;
	EVP_PKEY_CTX_free(ctx);
	return err;
}

/* y^2 == x^3 + ax + b (mod p), with x and y already below p. */
static int point_on_curve(const BIGNUM *x, const BIGNUM *y, BN_CTX *bn)
{
	BIGNUM *p, *a, *b, *l, *r;
	int err = -WAPI_EC_E_NOMEM;

	BN_CTX_start(bn);
	p = BN_CTX_get(bn);
	a = BN_CTX_get(bn);
	b = BN_CTX_get(bn);
	l = BN_CTX_get(bn);
	r = BN_CTX_get(bn);
	if (!r || !BN_bin2bn(wapi_p, sizeof(wapi_p), p) ||
	    !BN_bin2bn(wapi_a, sizeof(wapi_a), a) ||
	    !BN_bin2bn(wapi_b, sizeof(wapi_b), b))
		goto out;

	if (!BN_mod_sqr(l, y, p, bn) ||
	    !BN_mod_sqr(r, x, p, bn) ||
	    !BN_mod_add(r, r, a, p, bn) ||
	    !BN_mod_mul(r, r, x, p, bn) ||
	    !BN_mod_add(r, r, b, p, bn))
		goto out;
	err = BN_cmp(l, r) ? -WAPI_EC_E_POINT_NOT_ON_CURVE : 0;
out:
	BN_CTX_end(bn);
	return err;
}

/**
 * wapi_ec_check_point() - is this an acceptable WAPI public key point?
 * @point: the encoded point
 * @len: its length
 *
 * Only the 49-byte uncompressed form is accepted, as WAPI certificates
 * carry it.  The encodings of the point at infinity (a single 0x00, or
 * anything starting with 0x00) are refused before anything else.
 */
int wapi_ec_check_point(const uint8_t *point, size_t len)
{
	BIGNUM *x = NULL, *y = NULL, *p = NULL;
	BN_CTX *bn = NULL;
	int err;

	if (!point || !len)
		return -WAPI_EC_E_POINT_LEN;
	if (point[0] == 0x00)
		return -WAPI_EC_E_POINT_INFINITY;
	if (point[0] != 0x04)
		return -WAPI_EC_E_POINT_FORMAT;
	if (len != WAPI_EC_POINT_LEN)
		return -WAPI_EC_E_POINT_LEN;

	err = -WAPI_EC_E_NOMEM;
	bn = BN_CTX_new();
	x = BN_bin2bn(point + 1, WAPI_EC_BYTES, NULL);
	y = BN_bin2bn(point + 1 + WAPI_EC_BYTES, WAPI_EC_BYTES, NULL);
	p = BN_bin2bn(wapi_p, sizeof(wapi_p), NULL);
	if (!bn || !x || !y || !p)
		goto out;

	err = -WAPI_EC_E_POINT_RANGE;
	if (BN_cmp(x, p) >= 0 || BN_cmp(y, p) >= 0)
		goto out;
	err = point_on_curve(x, y, bn);
out:
	BN_free(p);
	BN_free(y);
	BN_free(x);
	BN_CTX_free(bn);
	return err;
}

/**
 * wapi_ec_pub_from_point() - a public key from its encoded point
 * @point: 0x04 | x | y
 * @len: must be %WAPI_EC_POINT_LEN
 * @out: the new key, owned by the caller
 */
int wapi_ec_pub_from_point(const uint8_t *point, size_t len, EVP_PKEY **out)
{
	OSSL_PARAM *params;
	int err;

	*out = NULL;
	err = wapi_ec_check_point(point, len);
	if (err)
		return err;

	params = curve_params(point, len, NULL);
	if (!params)
		return -WAPI_EC_E_NOMEM;
	err = key_from_params(params, EVP_PKEY_PUBLIC_KEY, out);
	OSSL_PARAM_free(params);
	return err;
}

/* The group, for the one thing the EVP layer will not do: d * G. */
static EC_GROUP *wapi_group(BN_CTX *bn)
{
	BIGNUM *p, *a, *b, *n;
	EC_GROUP *group = NULL;
	EC_POINT *g = NULL;

	BN_CTX_start(bn);
	p = BN_CTX_get(bn);
	a = BN_CTX_get(bn);
	b = BN_CTX_get(bn);
	n = BN_CTX_get(bn);
	if (!n || !BN_bin2bn(wapi_p, sizeof(wapi_p), p) ||
	    !BN_bin2bn(wapi_a, sizeof(wapi_a), a) ||
	    !BN_bin2bn(wapi_b, sizeof(wapi_b), b) ||
	    !BN_bin2bn(wapi_n, sizeof(wapi_n), n))
		goto out;

	group = EC_GROUP_new_curve_GFp(p, a, b, bn);
	if (group)
		g = EC_POINT_new(group);
	if (!g || !EC_POINT_oct2point(group, g, wapi_g, sizeof(wapi_g), bn) ||
	    !EC_GROUP_set_generator(group, g, n, BN_value_one())) {
		EC_GROUP_free(group);
		group = NULL;
	}
out:
	EC_POINT_free(g);
	BN_CTX_end(bn);
	return group;
}

/* pub = d * G, uncompressed. */
static int pub_from_scalar(const BIGNUM *d, uint8_t pub[WAPI_EC_POINT_LEN])
{
	EC_GROUP *group = NULL;
	EC_POINT *q = NULL;
	BN_CTX *bn;
	int err = -WAPI_EC_E_NOMEM;

	bn = BN_CTX_secure_new();
	if (bn)
		group = wapi_group(bn);
	if (group)
		q = EC_POINT_new(group);
	if (!q || !EC_POINT_mul(group, q, d, NULL, NULL, bn))
		goto out;
	if (EC_POINT_point2oct(group, q, POINT_CONVERSION_UNCOMPRESSED, pub,
			       WAPI_EC_POINT_LEN, bn) != WAPI_EC_POINT_LEN)
		goto out;
	err = 0;
out:
	EC_POINT_clear_free(q);
	EC_GROUP_free(group);
	BN_CTX_free(bn);
	return err;
}

/**
 * wapi_ec_priv_from_scalar() - a private key (with its public half)
 * @d: the private scalar, big-endian; must be in [1, n-1]
 * @out: the new key, owned by the caller
 */
int wapi_ec_priv_from_scalar(const uint8_t d[WAPI_EC_BYTES], EVP_PKEY **out)
{
	uint8_t pub[WAPI_EC_POINT_LEN];
	OSSL_PARAM *params = NULL;
	BIGNUM *k, *n;
	int err;

	*out = NULL;
	err = -WAPI_EC_E_NOMEM;
	k = BN_secure_new();
	n = BN_bin2bn(wapi_n, sizeof(wapi_n), NULL);
	if (!k || !n || !BN_bin2bn(d, WAPI_EC_BYTES, k))
		goto out;

	err = -WAPI_EC_E_PRIV_RANGE;
	if (BN_is_zero(k) || BN_cmp(k, n) >= 0)
		goto out;
	err = pub_from_scalar(k, pub);
	if (err)
		goto out;

	err = -WAPI_EC_E_NOMEM;
	params = curve_params(pub, sizeof(pub), k);
	if (params)
		err = key_from_params(params, EVP_PKEY_KEYPAIR, out);
out:
	params_wipe_free(params);
	BN_free(n);
	BN_clear_free(k);
	return err;
}

/** wapi_ec_generate() - a fresh key pair, d uniform in [1, n-1] */
int wapi_ec_generate(EVP_PKEY **out)
{
	uint8_t d[WAPI_EC_BYTES];
	BIGNUM *k, *n1;
	int err = -WAPI_EC_E_NOMEM;

	*out = NULL;
	k = BN_secure_new();
	n1 = BN_bin2bn(wapi_n, sizeof(wapi_n), NULL);
	/* k in [0, n-2], then + 1 */
	if (!k || !n1 || !BN_sub_word(n1, 1) || !BN_priv_rand_range(k, n1) ||
	    !BN_add_word(k, 1) || BN_bn2binpad(k, d, sizeof(d)) < 0)
		goto out;
	err = wapi_ec_priv_from_scalar(d, out);
out:
	OPENSSL_cleanse(d, sizeof(d));
	BN_free(n1);
	BN_clear_free(k);
	return err;
}

static bool bn_param_is(EVP_PKEY *key, const char *name, const uint8_t *want,
			size_t want_len)
{
	BIGNUM *v = NULL;
	uint8_t buf[WAPI_EC_BYTES];
	bool same;

	if (!EVP_PKEY_get_bn_param(key, name, &v))
		return false;
	same = BN_num_bytes(v) <= (int)sizeof(buf) &&
	       BN_bn2binpad(v, buf, want_len) == (int)want_len &&
	       !memcmp(buf, want, want_len);
	BN_free(v);
	return same;
}

/**
 * wapi_ec_key_check() - is @key an EC key on the WAPI curve?
 *
 * Compares the key's domain parameters with the curve's, so a key read by
 * OpenSSL from explicit parameters is recognised as well as ours.
 */
int wapi_ec_key_check(EVP_PKEY *key)
{
	static const uint8_t one = 1;
	uint8_t g[WAPI_EC_POINT_LEN + 1];
	size_t g_len = 0;
	int ok;

	if (!key || !EVP_PKEY_is_a(key, "EC"))
		return -WAPI_EC_E_NOT_WAPI_KEY;
	ok = bn_param_is(key, OSSL_PKEY_PARAM_EC_P, wapi_p, sizeof(wapi_p)) &&
	     bn_param_is(key, OSSL_PKEY_PARAM_EC_A, wapi_a, sizeof(wapi_a)) &&
	     bn_param_is(key, OSSL_PKEY_PARAM_EC_B, wapi_b, sizeof(wapi_b)) &&
	     bn_param_is(key, OSSL_PKEY_PARAM_EC_ORDER, wapi_n,
			 sizeof(wapi_n)) &&
	     bn_param_is(key, OSSL_PKEY_PARAM_EC_COFACTOR, &one, 1) &&
	     EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_EC_GENERATOR,
					     g, sizeof(g), &g_len) &&
	     g_len == sizeof(wapi_g) && !memcmp(g, wapi_g, sizeof(wapi_g));
	ERR_clear_error();
	return ok ? 0 : -WAPI_EC_E_NOT_WAPI_KEY;
}

/** wapi_ec_get_point() - the uncompressed public point of a WAPI key */
int wapi_ec_get_point(EVP_PKEY *key, uint8_t point[WAPI_EC_POINT_LEN])
{
	size_t len = 0;
	int err;

	err = wapi_ec_key_check(key);
	if (err)
		return err;
	if (!EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY,
					     point, WAPI_EC_POINT_LEN, &len))
		return -WAPI_EC_E_NOMEM;
	return wapi_ec_check_point(point, len);
}

/** wapi_ec_get_scalar() - the private scalar of a WAPI key; wipe it */
int wapi_ec_get_scalar(EVP_PKEY *key, uint8_t d[WAPI_EC_BYTES])
{
	BIGNUM *k = NULL;
	int err;

	err = wapi_ec_key_check(key);
	if (err)
		return err;
	if (!EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_PRIV_KEY, &k))
		return -WAPI_EC_E_NOT_WAPI_KEY;
	err = BN_bn2binpad(k, d, WAPI_EC_BYTES) < 0 ? -WAPI_EC_E_PRIV_RANGE : 0;
	BN_clear_free(k);
	return err;
}

/**
 * wapi_ec_reduce() - the value the WAPI ECDSA signs, from a digest
 * @h: SHA-256 of the message
 * @e: @h as a 256-bit big-endian integer, reduced mod n
 *
 * This reduction is the whole difference from standard ECDSA, which keeps
 * the leftmost 192 bits of the digest.
 */
int wapi_ec_reduce(const uint8_t h[WAPI_EC_HASH_LEN], uint8_t e[WAPI_EC_BYTES])
{
	BIGNUM *v, *n;
	BN_CTX *bn;
	int err = -WAPI_EC_E_NOMEM;

	v = BN_bin2bn(h, WAPI_EC_HASH_LEN, NULL);
	n = BN_bin2bn(wapi_n, sizeof(wapi_n), NULL);
	bn = BN_CTX_new();
	if (v && n && bn && BN_nnmod(v, v, n, bn) &&
	    BN_bn2binpad(v, e, WAPI_EC_BYTES) == WAPI_EC_BYTES)
		err = 0;
	BN_CTX_free(bn);
	BN_free(n);
	BN_free(v);
	return err;
}

/** wapi_ec_digest() - wapi_ec_reduce() of SHA-256(@msg) */
int wapi_ec_digest(const void *msg, size_t len, uint8_t e[WAPI_EC_BYTES])
{
	uint8_t h[WAPI_EC_HASH_LEN];

	if (!EVP_Digest(msg, len, h, NULL, EVP_sha256(), NULL))
		return -WAPI_EC_E_NOMEM;
	return wapi_ec_reduce(h, e);
}

/* r or s as a BIGNUM, checked to be in [1, n-1]. */
static int sig_half(const uint8_t *b, BIGNUM **out)
{
	BIGNUM *v, *n;
	int err = -WAPI_EC_E_NOMEM;

	v = BN_bin2bn(b, WAPI_EC_BYTES, NULL);
	n = BN_bin2bn(wapi_n, sizeof(wapi_n), NULL);
	if (!v || !n)
		goto out;
	err = -WAPI_EC_E_SIG_FORMAT;
	if (BN_is_zero(v) || BN_cmp(v, n) >= 0)
		goto out;
	*out = v;
	v = NULL;
	err = 0;
out:
	BN_free(n);
	BN_free(v);
	return err;
}

static int sig_check_range(const uint8_t sig[WAPI_EC_SIG_LEN])
{
	BIGNUM *r = NULL, *s = NULL;
	int err;

	err = sig_half(sig, &r);
	if (!err)
		err = sig_half(sig + WAPI_EC_BYTES, &s);
	BN_free(s);
	BN_free(r);
	return err;
}

/**
 * wapi_ec_sig_to_der() - r | s to a DER ECDSA-Sig-Value
 * @sig: r | s, 24 bytes each
 * @der: output, room for %WAPI_EC_SIG_DER_MAX bytes
 * @der_len: in: room in @der; out: bytes written
 */
int wapi_ec_sig_to_der(const uint8_t sig[WAPI_EC_SIG_LEN], uint8_t *der,
		       size_t *der_len)
{
	BIGNUM *r = NULL, *s = NULL;
	ECDSA_SIG *es;
	uint8_t *p = der;
	int err, n;

	err = sig_half(sig, &r);
	if (!err)
		err = sig_half(sig + WAPI_EC_BYTES, &s);
	if (err)
		goto fail;

	es = ECDSA_SIG_new();
	if (!es || !ECDSA_SIG_set0(es, r, s)) {
		ECDSA_SIG_free(es);
		err = -WAPI_EC_E_NOMEM;
		goto fail;
	}
	n = i2d_ECDSA_SIG(es, NULL);
	if (n <= 0 || (size_t)n > *der_len)
		err = -WAPI_EC_E_NOMEM;
	else if (i2d_ECDSA_SIG(es, &p) != n)
		err = -WAPI_EC_E_NOMEM;
	else
		*der_len = (size_t)n;
	ECDSA_SIG_free(es);
	return err;
fail:
	BN_free(s);
	BN_free(r);
	return err;
}

/**
 * wapi_ec_sig_from_der() - a strict DER ECDSA-Sig-Value to r | s
 *
 * Anything but the one DER encoding of two integers in [1, n-1] is
 * refused, so a signature has exactly one accepted form.
 */
int wapi_ec_sig_from_der(const uint8_t *der, size_t der_len,
			 uint8_t sig[WAPI_EC_SIG_LEN])
{
	const uint8_t *p = der;
	const BIGNUM *r, *s;
	uint8_t *again = NULL;
	ECDSA_SIG *es;
	int err = -WAPI_EC_E_SIG_FORMAT;
	int n;

	if (!der_len || der_len > WAPI_EC_SIG_DER_MAX)
		return err;
	es = d2i_ECDSA_SIG(NULL, &p, (long)der_len);
	if (!es || p != der + der_len)
		goto out;
	n = i2d_ECDSA_SIG(es, &again);
	if (n != (int)der_len || memcmp(again, der, der_len))
		goto out;

	ECDSA_SIG_get0(es, &r, &s);
	if (BN_bn2binpad(r, sig, WAPI_EC_BYTES) < 0 ||
	    BN_bn2binpad(s, sig + WAPI_EC_BYTES, WAPI_EC_BYTES) < 0)
		goto out;
	err = sig_check_range(sig);
out:
	OPENSSL_free(again);
	ECDSA_SIG_free(es);
	ERR_clear_error();
	return err;
}

/**
 * wapi_sign_digest() - sign by the WAPI rule, given SHA-256 of the message
 * @priv: a private key on the WAPI curve
 * @h: SHA-256 of the message
 * @sig: r | s, 24 bytes each
 */
int wapi_sign_digest(EVP_PKEY *priv, const uint8_t h[WAPI_EC_HASH_LEN],
		     uint8_t sig[WAPI_EC_SIG_LEN])
{
	uint8_t e[WAPI_EC_BYTES], der[WAPI_EC_SIG_DER_MAX + 16];
	size_t der_len = sizeof(der);
	EVP_PKEY_CTX *ctx;
	int err;

	err = wapi_ec_key_check(priv);
	if (!err)
		err = wapi_ec_reduce(h, e);
	if (err)
		return err;

	err = -WAPI_EC_E_NOMEM;
	ctx = EVP_PKEY_CTX_new_from_pkey(NULL, priv, NULL);
	/* No digest is set: OpenSSL signs the 24 bytes of e as they are. */
	if (ctx && EVP_PKEY_sign_init(ctx) > 0 &&
	    EVP_PKEY_sign(ctx, der, &der_len, e, sizeof(e)) > 0)
		err = wapi_ec_sig_from_der(der, der_len, sig);
	EVP_PKEY_CTX_free(ctx);
	return err;
}

/**
 * wapi_sign() - sign by the WAPI rule
 * @priv: a private key on the WAPI curve
 * @msg: the message (hashed here with SHA-256)
 * @len: its length
 * @sig: r | s, 24 bytes each
 */
int wapi_sign(EVP_PKEY *priv, const void *msg, size_t len,
	      uint8_t sig[WAPI_EC_SIG_LEN])
{
	uint8_t h[WAPI_EC_HASH_LEN];

	if (!EVP_Digest(msg, len, h, NULL, EVP_sha256(), NULL))
		return -WAPI_EC_E_NOMEM;
	return wapi_sign_digest(priv, h, sig);
}

/**
 * wapi_verify_digest() - verify by the WAPI rule, given SHA-256 of the
 * message
 * @pub: a key on the WAPI curve; keys on other curves are refused with
 *	%WAPI_EC_E_NOT_WAPI_KEY
 * @h: SHA-256 of the message
 * @sig: r | s, 24 bytes each
 *
 * Return: 0 if it verifies, -%WAPI_EC_E_BAD_SIGNATURE if not, another
 * negated enum wapi_ec_err if it cannot be checked.
 */
int wapi_verify_digest(EVP_PKEY *pub, const uint8_t h[WAPI_EC_HASH_LEN],
		       const uint8_t sig[WAPI_EC_SIG_LEN])
{
	uint8_t e[WAPI_EC_BYTES], der[WAPI_EC_SIG_DER_MAX];
	size_t der_len = sizeof(der);
	EVP_PKEY_CTX *ctx;
	int err;

	err = wapi_ec_key_check(pub);
	if (!err)
		err = wapi_ec_sig_to_der(sig, der, &der_len);
	if (!err)
		err = wapi_ec_reduce(h, e);
	if (err)
		return err;

	ctx = EVP_PKEY_CTX_new_from_pkey(NULL, pub, NULL);
	if (!ctx || EVP_PKEY_verify_init(ctx) <= 0)
		err = -WAPI_EC_E_NOMEM;
	else if (EVP_PKEY_verify(ctx, der, der_len, e, sizeof(e)) != 1)
		err = -WAPI_EC_E_BAD_SIGNATURE;
	EVP_PKEY_CTX_free(ctx);
	ERR_clear_error();
	return err;
}

/** wapi_verify_sig() - wapi_verify_digest() of SHA-256(@msg) */
int wapi_verify_sig(EVP_PKEY *pub, const void *msg, size_t len,
		    const uint8_t sig[WAPI_EC_SIG_LEN])
{
	uint8_t h[WAPI_EC_HASH_LEN];

	if (!EVP_Digest(msg, len, h, NULL, EVP_sha256(), NULL))
		return -WAPI_EC_E_NOMEM;
	return wapi_verify_digest(pub, h, sig);
}

/** wapi_verify_sig_point() - wapi_verify_sig() with the key as a point */
int wapi_verify_sig_point(const uint8_t point[WAPI_EC_POINT_LEN],
			  const void *msg, size_t len,
			  const uint8_t sig[WAPI_EC_SIG_LEN])
{
	EVP_PKEY *pub;
	int err;

	err = wapi_ec_pub_from_point(point, WAPI_EC_POINT_LEN, &pub);
	if (err)
		return err;
	err = wapi_verify_sig(pub, msg, len, sig);
	EVP_PKEY_free(pub);
	return err;
}
