/* SPDX-License-Identifier: GPL-2.0 */
/*
 * WAPI certificates, the 192-bit WAPI curve and its ECDSA.
 *
 * OpenSSL 3.0 parses WAPI certificates but knows neither the curve OID
 * (1.2.156.11235.1.1.2.1) nor the signature OID (1.2.156.11235.1.1.1), so
 * it cannot decode their keys, verify them or build chains with them.  This
 * library does that work with OpenSSL primitives only:
 *
 * - keys are EVP_PKEYs built from the curve's explicit parameters;
 * - the WAPI ECDSA rule: e = SHA-256(message) read as a 256-bit integer
 *   and reduced mod n.  Standard ECDSA (OpenSSL's EVP_DigestSign) keeps
 *   the leftmost 192 bits instead, so the two never agree on this curve;
 * - signature values on the air are r | s, 24 bytes each, big-endian (the
 *   WAI signature value); in certificates and CRLs the signature BIT
 *   STRING holds a DER ECDSA-Sig-Value;
 * - private keys are SEC1 "EC PRIVATE KEY" PEM, read with either the curve
 *   OID or the explicit parameters, written with the OID;
 * - certificates and CRLs are checked by hand: issuer name, signature over
 *   the exact TBS bytes, validity dates, key usage, basic constraints,
 *   critical extensions and revocation.
 *
 * What a WAPI chain may look like
 * -------------------------------
 * station <- CA, or station <- intermediate <- CA, where the CA is one of
 * the trusted certificates passed in.  Every certificate of the chain must
 * be of the WAPI profile (WAPI signature algorithm, key on the WAPI curve):
 * a WAPI station certificate must chain to a WAPI CA, and a chain may mix
 * profiles only if the CA's own certificate does, which this library does
 * not support (a P-256 or RSA issuer of a WAPI certificate is refused as
 * untrusted, WAPI_EC_E_PROFILE_MIX).  Standard certificates (P-256 and
 * the like) are for OpenSSL's own X509_verify_cert; wapi_cert_is_wapi()
 * tells the caller which path a certificate takes.
 *
 * Revocation: when CRLs are given, every certificate of the chain below
 * the trusted CA must be covered by a current CRL (thisUpdate <= now <=
 * nextUpdate) from its issuer carrying the WAPI signature; otherwise the
 * status is unknown and the chain is refused (fail closed).  Without CRLs
 * (NULL) revocation is not checked.  Delta and indirect CRLs, CRLs with
 * critical extensions, PKCS#8 and encrypted key files are not supported.
 *
 * Errors: functions return 0 or a negated enum wapi_ec_err.
 * wapi_ec_strerror() says what went wrong in words, wapi_ec_reason() maps
 * it to the enum wpv_reason the kernel records.
 */
#ifndef _WAPI_EC_H
#define _WAPI_EC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <linux/wapi_preview.h>

#define WAPI_EC_BYTES		24
/* SHA-256, the only hash WAPI signatures use */
#define WAPI_EC_HASH_LEN	32
/* 0x04 | x | y */
#define WAPI_EC_POINT_LEN	(1 + 2 * WAPI_EC_BYTES)
/* r | s */
#define WAPI_EC_SIG_LEN		(2 * WAPI_EC_BYTES)
/* SEQUENCE { INTEGER r, INTEGER s }, each with a possible leading zero */
#define WAPI_EC_SIG_DER_MAX	(2 + 2 * (2 + 1 + WAPI_EC_BYTES))

#define WAPI_OID_SIG_ALG	"1.2.156.11235.1.1.1"
#define WAPI_OID_CURVE		"1.2.156.11235.1.1.2.1"
/* Contents octets of those OIDs, as in DER (after tag 0x06 and length) */
#define WAPI_OID_SIG_ALG_LEN	8
#define WAPI_OID_CURVE_LEN	9
extern const uint8_t wapi_oid_sig_alg[WAPI_OID_SIG_ALG_LEN];
extern const uint8_t wapi_oid_curve[WAPI_OID_CURVE_LEN];

/**
 * enum wapi_ec_err - why a WAPI operation failed (returned negated)
 * @WAPI_EC_OK: success
 * @WAPI_EC_E_NOMEM: out of memory, or OpenSSL failed internally
 * @WAPI_EC_E_IO: a file cannot be opened, read or written (see errno)
 * @WAPI_EC_E_POINT_LEN: the point is not 49 bytes
 * @WAPI_EC_E_POINT_FORMAT: the point is not in uncompressed form (0x04)
 * @WAPI_EC_E_POINT_INFINITY: the point is the point at infinity
 * @WAPI_EC_E_POINT_RANGE: a coordinate is not below the field prime
 * @WAPI_EC_E_POINT_NOT_ON_CURVE: the point is not on the WAPI curve
 * @WAPI_EC_E_PRIV_RANGE: the private scalar is 0 or not below n
 * @WAPI_EC_E_NOT_WAPI_KEY: the EVP_PKEY is not a key on the WAPI curve
 * @WAPI_EC_E_KEY_FORMAT: the key file cannot be read
 * @WAPI_EC_E_WRONG_CURVE: the curve named is not the WAPI curve
 * @WAPI_EC_E_SIG_FORMAT: the signature is not well formed (r or s not in
 *	[1, n-1], or not strict DER)
 * @WAPI_EC_E_BAD_SIGNATURE: the signature does not verify
 * @WAPI_EC_E_CERT_NOT_WAPI: not a WAPI-profile certificate
 * @WAPI_EC_E_CERT_MALFORMED: the certificate or CRL cannot be decoded
 * @WAPI_EC_E_CERT_SIG_ALG: the signature algorithm is not the WAPI one,
 *	or the inner and outer algorithms differ
 * @WAPI_EC_E_CERT_EXPIRED: a certificate is past notAfter
 * @WAPI_EC_E_CERT_NOT_YET_VALID: a certificate is before notBefore
 * @WAPI_EC_E_CERT_REVOKED: a certificate is listed in its issuer's CRL
 * @WAPI_EC_E_ISSUER_NOT_FOUND: no trusted certificate has the issuer name
 * @WAPI_EC_E_CERT_BAD_SIGNATURE: the issuer's key does not verify the
 *	certificate's signature
 * @WAPI_EC_E_PROFILE_MIX: the issuer of a WAPI certificate is not a WAPI
 *	certificate
 * @WAPI_EC_E_NOT_CA: an issuer is not marked as a CA (basicConstraints)
 * @WAPI_EC_E_CHAIN_TOO_LONG: the chain is longer than allowed
 * @WAPI_EC_E_KEY_USAGE: the station certificate may not sign
 *	(keyUsage without digitalSignature)
 * @WAPI_EC_E_CA_KEY_USAGE: an issuer may not sign certificates or CRLs
 * @WAPI_EC_E_CRITICAL_EXT: a critical extension this library does not know
 * @WAPI_EC_E_CRL_MISSING: no usable CRL from the issuer of a certificate
 * @WAPI_EC_E_CRL_STALE: the issuer's CRL is past nextUpdate or not yet
 *	in force
 * @WAPI_EC_E_CRL_BAD_SIGNATURE: the issuer's CRL does not verify
 * @__WAPI_EC_E_MAX: internal
 */
enum wapi_ec_err {
	WAPI_EC_OK,
	WAPI_EC_E_NOMEM,
	WAPI_EC_E_IO,
	WAPI_EC_E_POINT_LEN,
	WAPI_EC_E_POINT_FORMAT,
	WAPI_EC_E_POINT_INFINITY,
	WAPI_EC_E_POINT_RANGE,
	WAPI_EC_E_POINT_NOT_ON_CURVE,
	WAPI_EC_E_PRIV_RANGE,
	WAPI_EC_E_NOT_WAPI_KEY,
	WAPI_EC_E_KEY_FORMAT,
	WAPI_EC_E_WRONG_CURVE,
	WAPI_EC_E_SIG_FORMAT,
	WAPI_EC_E_BAD_SIGNATURE,
	WAPI_EC_E_CERT_NOT_WAPI,
	WAPI_EC_E_CERT_MALFORMED,
	WAPI_EC_E_CERT_SIG_ALG,
	WAPI_EC_E_CERT_EXPIRED,
	WAPI_EC_E_CERT_NOT_YET_VALID,
	WAPI_EC_E_CERT_REVOKED,
	WAPI_EC_E_ISSUER_NOT_FOUND,
	WAPI_EC_E_CERT_BAD_SIGNATURE,
	WAPI_EC_E_PROFILE_MIX,
	WAPI_EC_E_NOT_CA,
	WAPI_EC_E_CHAIN_TOO_LONG,
	WAPI_EC_E_KEY_USAGE,
	WAPI_EC_E_CA_KEY_USAGE,
	WAPI_EC_E_CRITICAL_EXT,
	WAPI_EC_E_CRL_MISSING,
	WAPI_EC_E_CRL_STALE,
	WAPI_EC_E_CRL_BAD_SIGNATURE,

	__WAPI_EC_E_MAX
};

/**
 * enum wapi_key_form - how a private key names its curve when written
 * @WAPI_KEY_FORM_OID: parameters = the WAPI curve OID (what WAPI
 *	software expects; OpenSSL cannot read it back)
 * @WAPI_KEY_FORM_EXPLICIT: the full curve parameters (OpenSSL reads it)
 */
enum wapi_key_form {
	WAPI_KEY_FORM_OID,
	WAPI_KEY_FORM_EXPLICIT,
};

const char *wapi_ec_strerror(int err);
enum wpv_reason wapi_ec_reason(int err);

/* The curve and its keys (wapi_ec.c) */
int wapi_ec_check_point(const uint8_t *point, size_t len);
int wapi_ec_pub_from_point(const uint8_t *point, size_t len,
			   EVP_PKEY **out);
int wapi_ec_priv_from_scalar(const uint8_t d[WAPI_EC_BYTES], EVP_PKEY **out);
int wapi_ec_generate(EVP_PKEY **out);
int wapi_ec_key_check(EVP_PKEY *key);
int wapi_ec_get_point(EVP_PKEY *key, uint8_t point[WAPI_EC_POINT_LEN]);
int wapi_ec_get_scalar(EVP_PKEY *key, uint8_t d[WAPI_EC_BYTES]);

/*
 * The WAPI ECDSA rule (wapi_ec.c).  The plain forms hash the message with
 * SHA-256; the _digest forms take that hash, for callers that already
 * have it (the signed transcript is hashed once for any key type).
 */
int wapi_ec_reduce(const uint8_t h[WAPI_EC_HASH_LEN], uint8_t e[WAPI_EC_BYTES]);
int wapi_ec_digest(const void *msg, size_t len, uint8_t e[WAPI_EC_BYTES]);
int wapi_sign(EVP_PKEY *priv, const void *msg, size_t len,
	      uint8_t sig[WAPI_EC_SIG_LEN]);
int wapi_sign_digest(EVP_PKEY *priv, const uint8_t h[WAPI_EC_HASH_LEN],
		     uint8_t sig[WAPI_EC_SIG_LEN]);
int wapi_verify_sig(EVP_PKEY *pub, const void *msg, size_t len,
		    const uint8_t sig[WAPI_EC_SIG_LEN]);
int wapi_verify_digest(EVP_PKEY *pub, const uint8_t h[WAPI_EC_HASH_LEN],
		       const uint8_t sig[WAPI_EC_SIG_LEN]);
int wapi_verify_sig_point(const uint8_t point[WAPI_EC_POINT_LEN],
			  const void *msg, size_t len,
			  const uint8_t sig[WAPI_EC_SIG_LEN]);
int wapi_ec_sig_to_der(const uint8_t sig[WAPI_EC_SIG_LEN], uint8_t *der,
		       size_t *der_len);
int wapi_ec_sig_from_der(const uint8_t *der, size_t der_len,
			 uint8_t sig[WAPI_EC_SIG_LEN]);

/* Private key files (wapi_key.c) */
int wapi_ec_key_read_pem(BIO *in, EVP_PKEY **out);
int wapi_ec_key_write_pem(BIO *out, EVP_PKEY *priv, enum wapi_key_form form);
int wapi_ec_key_load(const char *path, EVP_PKEY **out);
int wapi_ec_key_save(const char *path, EVP_PKEY *priv,
		     enum wapi_key_form form);

/* Certificates and CRLs (wapi_cert.c) */
bool wapi_cert_is_wapi(X509 *x);
int wapi_cert_get_point(X509 *x, uint8_t point[WAPI_EC_POINT_LEN]);
int wapi_cert_get_pubkey(X509 *x, EVP_PKEY **out);
int wapi_cert_check_signed_by(X509 *x, X509 *issuer);
int wapi_crl_check_signed_by(X509_CRL *crl, X509 *issuer);
int wapi_cert_check_time(X509 *x, time_t now);
int wapi_cert_verify_chain(X509 *leaf, STACK_OF(X509) *trusted,
			   STACK_OF(X509_CRL) *crls, time_t now,
			   enum wpv_reason *reason);
int wapi_cert_verify_chain_ex(X509 *leaf, STACK_OF(X509) *untrusted,
			      STACK_OF(X509) *trusted,
			      STACK_OF(X509_CRL) *crls, time_t now,
			      enum wpv_reason *reason);

#endif /* _WAPI_EC_H */
