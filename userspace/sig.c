// SPDX-License-Identifier: GPL-2.0
/*
 * ECDSA signing and checking for the responder and the agent.  OpenSSL
 * speaks DER ECDSA-Sig-Value; WAI carries r | s at fixed width, so every
 * signature crosses that boundary here and nowhere else.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/objects.h>
#include <openssl/pem.h>

#include "sig.h"

/**
 * wpv_sig_order_len() - bytes of r (or s) for a key's curve
 * @key: an EC key
 *
 * Return: the length of the curve order in bytes, or -EINVAL.
 */
int wpv_sig_order_len(EVP_PKEY *key)
{
	int bits;

	if (!key || EVP_PKEY_get_base_id(key) != EVP_PKEY_EC)
		return -EINVAL;
	bits = EVP_PKEY_get_bits(key);
	if (bits <= 0)
		return -EINVAL;
	return (bits + 7) / 8;
}

/**
 * wpv_sig_curve_oid() - the DER OBJECT IDENTIFIER of a key's named curve
 * @key: an EC key on a named curve
 * @buf: output
 * @len: room at @buf
 *
 * Return: the DER length, -EINVAL for a key without a known named curve,
 * -ENOSPC if @buf is too small.
 */
int wpv_sig_curve_oid(EVP_PKEY *key, uint8_t *buf, size_t len)
{
	char name[64];
	ASN1_OBJECT *obj;
	unsigned char *p = buf;
	int nid, n;

	if (!EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME,
					    name, sizeof(name), NULL))
		return -EINVAL;
	nid = OBJ_txt2nid(name);
	if (nid == NID_undef)
		nid = EC_curve_nist2nid(name);
	obj = OBJ_nid2obj(nid);
	if (nid == NID_undef || !obj)
		return -EINVAL;
	n = i2d_ASN1_OBJECT(obj, NULL);
	if (n <= 0)
		return -EINVAL;
	if ((size_t)n > len)
		return -ENOSPC;
	return i2d_ASN1_OBJECT(obj, &p);
}

/* Write a BIGNUM left-padded to exactly @width bytes. */
static int put_bn(const BIGNUM *bn, uint8_t *out, int width)
{
	return BN_bn2binpad(bn, out, width) == width ? 0 : -EINVAL;
}

/**
 * wpv_sig_der_to_raw() - convert an ECDSA-Sig-Value to r | s
 * @der: the DER signature
 * @der_len: its length
 * @order_len: bytes of the curve order
 * @rs: output, 2 * @order_len bytes
 * @rs_size: room at @rs
 *
 * Return: 2 * @order_len, -EBADMSG for bad DER (trailing bytes included),
 * -ERANGE if r or s is wider than the order, -ENOSPC if @rs is too small.
 */
int wpv_sig_der_to_raw(const uint8_t *der, size_t der_len, size_t order_len,
		       uint8_t *rs, size_t rs_size)
{
	const unsigned char *p = der;
	const BIGNUM *r, *s;
	ECDSA_SIG *sig;
	int ret = -EBADMSG;

	if (rs_size < 2 * order_len)
		return -ENOSPC;
	sig = d2i_ECDSA_SIG(NULL, &p, der_len);
	if (!sig)
		return -EBADMSG;
	if (p != der + der_len)
		goto out;
	ECDSA_SIG_get0(sig, &r, &s);
	ret = -ERANGE;
	if (put_bn(r, rs, order_len) || put_bn(s, rs + order_len, order_len))
		goto out;
	ret = 2 * order_len;
out:
	ECDSA_SIG_free(sig);
	return ret;
}

/**
 * wpv_sig_raw_to_der() - convert r | s to an ECDSA-Sig-Value
 * @rs: r then s, same width each
 * @rs_len: total length, even and not zero
 * @der: set to a buffer the caller frees with OPENSSL_free()
 *
 * Return: the DER length, -EINVAL for a bad @rs_len, -ENOMEM.
 */
int wpv_sig_raw_to_der(const uint8_t *rs, size_t rs_len, uint8_t **der)
{
	BIGNUM *r = NULL, *s = NULL;
	ECDSA_SIG *sig = NULL;
	int half = rs_len / 2;
	int ret = -ENOMEM;

	*der = NULL;
	if (rs_len == 0 || rs_len % 2)
		return -EINVAL;
	r = BN_bin2bn(rs, half, NULL);
	s = BN_bin2bn(rs + half, half, NULL);
	sig = ECDSA_SIG_new();
	if (!r || !s || !sig)
		goto out;
	if (!ECDSA_SIG_set0(sig, r, s))
		goto out;
	r = NULL;
	s = NULL;
	ret = i2d_ECDSA_SIG(sig, der);
	if (ret <= 0)
		ret = -ENOMEM;
out:
	BN_free(r);
	BN_free(s);
	ECDSA_SIG_free(sig);
	return ret;
}

/**
 * wpv_sig_sign() - sign a transcript with ECDSA and SHA-256
 * @key: an EC private key
 * @msg: the transcript
 * @msg_len: its length
 * @rs: output for r | s
 * @rs_size: room at @rs
 *
 * Return: the length of r | s, or a negative errno.
 */
int wpv_sig_sign(EVP_PKEY *key, const uint8_t *msg, size_t msg_len,
		 uint8_t *rs, size_t rs_size)
{
	unsigned char der[160];
	size_t der_len = sizeof(der);
	EVP_MD_CTX *ctx;
	int order, ret;

	order = wpv_sig_order_len(key);
	if (order < 0)
		return order;
	ctx = EVP_MD_CTX_new();
	if (!ctx)
		return -ENOMEM;
	ret = -EIO;
	if (EVP_DigestSignInit_ex(ctx, NULL, "SHA256", NULL, NULL, key,
				  NULL) != 1 ||
	    EVP_DigestSign(ctx, der, &der_len, msg, msg_len) != 1)
		goto out;
	ret = wpv_sig_der_to_raw(der, der_len, order, rs, rs_size);
out:
	EVP_MD_CTX_free(ctx);
	return ret;
}

/**
 * wpv_sig_verify() - check r | s over a transcript with ECDSA and SHA-256
 * @key: an EC public key
 * @msg: the transcript
 * @msg_len: its length
 * @rs: r | s
 * @rs_len: its length, twice the curve order length
 *
 * Return: 1 if the signature is good, 0 if it is not, -EINVAL if the value
 * has the wrong length for the key, another negative errno on failure.
 */
int wpv_sig_verify(EVP_PKEY *key, const uint8_t *msg, size_t msg_len,
		   const uint8_t *rs, size_t rs_len)
{
	EVP_MD_CTX *ctx = NULL;
	uint8_t *der = NULL;
	int order, der_len, ret;

	order = wpv_sig_order_len(key);
	if (order < 0)
		return order;
	if (rs_len != 2 * (size_t)order)
		return -EINVAL;
	der_len = wpv_sig_raw_to_der(rs, rs_len, &der);
	if (der_len < 0)
		return der_len;
	ret = -ENOMEM;
	ctx = EVP_MD_CTX_new();
	if (!ctx)
		goto out;
	ret = -EIO;
	if (EVP_DigestVerifyInit_ex(ctx, NULL, "SHA256", NULL, NULL, key,
				    NULL) != 1)
		goto out;
	ret = EVP_DigestVerify(ctx, der, der_len, msg, msg_len) == 1;
out:
	EVP_MD_CTX_free(ctx);
	OPENSSL_free(der);
	return ret;
}

static EVP_PKEY *load_key(const char *path, bool private)
{
	EVP_PKEY *key;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		return NULL;
	if (private)
		key = PEM_read_PrivateKey(f, NULL, NULL, NULL);
	else
		key = PEM_read_PUBKEY(f, NULL, NULL, NULL);
	fclose(f);
	if (key && EVP_PKEY_get_base_id(key) != EVP_PKEY_EC) {
		EVP_PKEY_free(key);
		errno = EKEYREJECTED;
		return NULL;
	}
	if (!key && errno == 0)
		errno = EBADMSG;
	return key;
}

/**
 * wpv_sig_load_private() - read an EC private key from a PEM file
 * @path: the file
 *
 * Return: the key, or NULL with errno set (EKEYREJECTED for a key that is
 * not EC, EBADMSG for a file that holds no key).
 */
EVP_PKEY *wpv_sig_load_private(const char *path)
{
	errno = 0;
	return load_key(path, true);
}

/**
 * wpv_sig_load_public() - read an EC public key (PEM "PUBLIC KEY")
 * @path: the file
 *
 * Return: the key, or NULL with errno set as for wpv_sig_load_private().
 */
EVP_PKEY *wpv_sig_load_public(const char *path)
{
	errno = 0;
	return load_key(path, false);
}
