// SPDX-License-Identifier: GPL-2.0
/*
 * WAPI certificates and CRLs, checked by hand because OpenSSL 3.0 cannot
 * decode their keys: profile, issuer, signature, dates, extensions,
 * revocation, and chains of depth 1 or 2.  The rules are in wapi_ec.h.
 */
#include <string.h>

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "wapi_der.h"
#include "wapi_ec.h"

#define WAPI_KU_BIT_DIGITAL_SIGNATURE	0
#define WAPI_KU_BIT_KEY_CERT_SIGN	5
#define WAPI_KU_BIT_CRL_SIGN		6

/* The three parts of a certificate or CRL, and the TBS's own algorithm. */
struct signed_parts {
	struct wapi_der_elem tbs;
	struct wapi_der_elem alg;
	struct wapi_der_elem sig;
	struct wapi_der_elem inner_alg;
};

static bool oid_is(const ASN1_OBJECT *o, const uint8_t *der, size_t len)
{
	return o && OBJ_length(o) == len && !memcmp(OBJ_get0_data(o), der, len);
}

/*
 * Certificate and CRL alike: SEQUENCE { tbs, algorithm, BIT STRING }.  In
 * the TBS the algorithm is the first SEQUENCE, after the optional [0]
 * version and the serial number of a certificate, or the optional version
 * of a CRL.
 */
static int signed_split(const uint8_t *der, size_t len, struct signed_parts *sp)
{
	struct wapi_der it, tbs;
	struct wapi_der_elem e;

	if (wapi_der_enter(der, len, WAPI_DER_SEQUENCE, &it) ||
	    wapi_der_expect(&it, WAPI_DER_SEQUENCE, &sp->tbs) ||
	    wapi_der_expect(&it, WAPI_DER_SEQUENCE, &sp->alg) ||
	    wapi_der_expect(&it, WAPI_DER_BIT_STRING, &sp->sig) || it.len)
		return -WAPI_EC_E_CERT_MALFORMED;

	tbs.p = sp->tbs.val;
	tbs.len = sp->tbs.val_len;
	do {
		if (wapi_der_next(&tbs, &e))
			return -WAPI_EC_E_CERT_MALFORMED;
	} while (e.tag == WAPI_DER_CTX0 || e.tag == WAPI_DER_INTEGER);
	if (e.tag != WAPI_DER_SEQUENCE)
		return -WAPI_EC_E_CERT_MALFORMED;
	sp->inner_alg = e;
	return 0;
}

/* AlgorithmIdentifier { WAPI signature OID, parameters absent or NULL } */
static int sigalg_check(const struct signed_parts *sp)
{
	struct wapi_der it;
	struct wapi_der_elem oid, par;

	if (sp->alg.tlv_len != sp->inner_alg.tlv_len ||
	    memcmp(sp->alg.tlv, sp->inner_alg.tlv, sp->alg.tlv_len))
		return -WAPI_EC_E_CERT_SIG_ALG;

	it.p = sp->alg.val;
	it.len = sp->alg.val_len;
	if (wapi_der_expect(&it, WAPI_DER_OID, &oid) ||
	    oid.val_len != WAPI_OID_SIG_ALG_LEN ||
	    memcmp(oid.val, wapi_oid_sig_alg, WAPI_OID_SIG_ALG_LEN))
		return -WAPI_EC_E_CERT_SIG_ALG;
	if (!it.len)
		return 0;
	if (wapi_der_expect(&it, WAPI_DER_NULL, &par) || par.val_len ||
	    it.len)
		return -WAPI_EC_E_CERT_SIG_ALG;
	return 0;
}

/*
 * Verifies a certificate or CRL from its DER, so the exact TBS bytes the
 * issuer signed are checked rather than a re-encoding of them.
 */
static int signed_verify(const uint8_t *der, size_t len, EVP_PKEY *key)
{
	uint8_t rs[WAPI_EC_SIG_LEN];
	struct signed_parts sp;
	int err;

	err = signed_split(der, len, &sp);
	if (!err)
		err = sigalg_check(&sp);
	if (err)
		return err;
	/* No unused bits, then a DER ECDSA-Sig-Value. */
	if (sp.sig.val_len < 2 || sp.sig.val[0])
		return -WAPI_EC_E_BAD_SIGNATURE;
	err = wapi_ec_sig_from_der(sp.sig.val + 1, sp.sig.val_len - 1, rs);
	if (err)
		return -WAPI_EC_E_BAD_SIGNATURE;
	return wapi_verify_sig(key, sp.tbs.tlv, sp.tbs.tlv_len, rs);
}

/**
 * wapi_cert_get_point() - the public key point of a WAPI certificate
 * @x: the certificate
 * @point: its 49-byte uncompressed point
 *
 * Refuses keys that are not EC (%WAPI_EC_E_CERT_NOT_WAPI), EC keys whose
 * parameters are not the WAPI curve OID (%WAPI_EC_E_WRONG_CURVE; that
 * includes explicit parameters, which WAPI certificates do not use) and
 * bad points (the WAPI_EC_E_POINT_* errors).
 */
int wapi_cert_get_point(X509 *x, uint8_t point[WAPI_EC_POINT_LEN])
{
	const ASN1_OBJECT *curve;
	const unsigned char *pk;
	X509_PUBKEY *xpk;
	ASN1_OBJECT *alg;
	X509_ALGOR *pa;
	const void *pval;
	int pk_len, ptype, err;

	xpk = X509_get_X509_PUBKEY(x);
	if (!xpk || !X509_PUBKEY_get0_param(&alg, &pk, &pk_len, &pa, xpk))
		return -WAPI_EC_E_CERT_MALFORMED;
	if (OBJ_obj2nid(alg) != NID_X9_62_id_ecPublicKey)
		return -WAPI_EC_E_CERT_NOT_WAPI;

	X509_ALGOR_get0(&curve, &ptype, &pval, pa);
	if (ptype != V_ASN1_OBJECT ||
	    !oid_is(pval, wapi_oid_curve, WAPI_OID_CURVE_LEN))
		return -WAPI_EC_E_WRONG_CURVE;

	err = wapi_ec_check_point(pk, (size_t)pk_len);
	if (!err)
		memcpy(point, pk, WAPI_EC_POINT_LEN);
	return err;
}

/** wapi_cert_get_pubkey() - the public key of a WAPI certificate */
int wapi_cert_get_pubkey(X509 *x, EVP_PKEY **out)
{
	uint8_t point[WAPI_EC_POINT_LEN];
	int err;

	*out = NULL;
	err = wapi_cert_get_point(x, point);
	if (err)
		return err;
	return wapi_ec_pub_from_point(point, sizeof(point), out);
}

/**
 * wapi_cert_is_wapi() - does this certificate take the WAPI path?
 *
 * True if either its signature algorithm is the WAPI one or its key names
 * the WAPI curve; a certificate that is only half WAPI then gets a clear
 * error from the WAPI checks rather than an obscure one from OpenSSL.
 */
bool wapi_cert_is_wapi(X509 *x)
{
	const ASN1_OBJECT *curve, *sig;
	const X509_ALGOR *alg;
	X509_PUBKEY *xpk;
	X509_ALGOR *pa;
	const void *pval;
	int ptype;

	X509_get0_signature(NULL, &alg, x);
	X509_ALGOR_get0(&sig, NULL, NULL, alg);
	if (oid_is(sig, wapi_oid_sig_alg, WAPI_OID_SIG_ALG_LEN))
		return true;

	xpk = X509_get_X509_PUBKEY(x);
	if (!xpk || !X509_PUBKEY_get0_param(NULL, NULL, NULL, &pa, xpk))
		return false;
	X509_ALGOR_get0(&curve, &ptype, &pval, pa);
	return ptype == V_ASN1_OBJECT &&
	       oid_is(pval, wapi_oid_curve, WAPI_OID_CURVE_LEN);
}

/* The issuer's key, which must be a WAPI key to verify a WAPI signature. */
static int issuer_key(X509 *issuer, EVP_PKEY **key)
{
	int err = wapi_cert_get_pubkey(issuer, key);

	if (err == -WAPI_EC_E_CERT_NOT_WAPI || err == -WAPI_EC_E_WRONG_CURVE)
		return -WAPI_EC_E_PROFILE_MIX;
	return err;
}

/**
 * wapi_cert_check_signed_by() - did @issuer sign @x?
 *
 * Checks the issuer name, the signature algorithm (the WAPI one, the same
 * inside and outside the TBS) and the signature with the issuer's key.
 * Nothing else: dates and extensions are the chain's business.
 */
int wapi_cert_check_signed_by(X509 *x, X509 *issuer)
{
	unsigned char *der = NULL;
	EVP_PKEY *key;
	int len, err;

	if (X509_NAME_cmp(X509_get_issuer_name(x),
			  X509_get_subject_name(issuer)))
		return -WAPI_EC_E_ISSUER_NOT_FOUND;
	err = issuer_key(issuer, &key);
	if (err)
		return err;

	/* The TBS keeps its received encoding, so this is what was signed. */
	len = i2d_X509(x, &der);
	if (len <= 0)
		err = -WAPI_EC_E_CERT_MALFORMED;
	else
		err = signed_verify(der, (size_t)len, key);
	if (err == -WAPI_EC_E_BAD_SIGNATURE)
		err = -WAPI_EC_E_CERT_BAD_SIGNATURE;
	OPENSSL_free(der);
	EVP_PKEY_free(key);
	return err;
}

/** wapi_crl_check_signed_by() - did @issuer sign @crl? */
int wapi_crl_check_signed_by(X509_CRL *crl, X509 *issuer)
{
	unsigned char *der = NULL;
	EVP_PKEY *key;
	int len, err;

	if (X509_NAME_cmp(X509_CRL_get_issuer(crl),
			  X509_get_subject_name(issuer)))
		return -WAPI_EC_E_ISSUER_NOT_FOUND;
	err = issuer_key(issuer, &key);
	if (err)
		return err;

	len = i2d_X509_CRL(crl, &der);
	if (len <= 0)
		err = -WAPI_EC_E_CERT_MALFORMED;
	else
		err = signed_verify(der, (size_t)len, key);
	if (err == -WAPI_EC_E_BAD_SIGNATURE)
		err = -WAPI_EC_E_CRL_BAD_SIGNATURE;
	OPENSSL_free(der);
	EVP_PKEY_free(key);
	return err;
}

/** wapi_cert_check_time() - notBefore <= @now <= notAfter */
int wapi_cert_check_time(X509 *x, time_t now)
{
	int c;

	c = ASN1_TIME_cmp_time_t(X509_get0_notBefore(x), now);
	if (c == -2)
		return -WAPI_EC_E_CERT_MALFORMED;
	if (c > 0)
		return -WAPI_EC_E_CERT_NOT_YET_VALID;
	c = ASN1_TIME_cmp_time_t(X509_get0_notAfter(x), now);
	if (c == -2)
		return -WAPI_EC_E_CERT_MALFORMED;
	if (c < 0)
		return -WAPI_EC_E_CERT_EXPIRED;
	return 0;
}

/* 1 if keyUsage allows @bit or is absent, 0 if not, < 0 if unreadable. */
static int key_usage_allows(X509 *x, int bit)
{
	ASN1_BIT_STRING *ku;
	int crit, ok;

	ku = X509_get_ext_d2i(x, NID_key_usage, &crit, NULL);
	if (!ku)
		return crit == -1 ? 1 : -WAPI_EC_E_CERT_MALFORMED;
	ok = ASN1_BIT_STRING_get_bit(ku, bit);
	ASN1_BIT_STRING_free(ku);
	return ok;
}

/* Only keyUsage and basicConstraints are understood, so only they may be
 * critical.
 */
static int cert_check_exts(X509 *x)
{
	int i, nid;

	for (i = 0; i < X509_get_ext_count(x); i++) {
		X509_EXTENSION *ext = X509_get_ext(x, i);

		if (!X509_EXTENSION_get_critical(ext))
			continue;
		nid = OBJ_obj2nid(X509_EXTENSION_get_object(ext));
		if (nid != NID_key_usage && nid != NID_basic_constraints)
			return -WAPI_EC_E_CRITICAL_EXT;
	}
	return 0;
}

/*
 * An issuer must be a CA: basicConstraints cA (a trusted CA without the
 * extension is taken as configured), a path length that allows the
 * @below CA certificates under it, and keyCertSign if keyUsage is there.
 */
static int cert_check_ca(X509 *ca, bool anchor, int below)
{
	BASIC_CONSTRAINTS *bc;
	int crit, err = 0;

	bc = X509_get_ext_d2i(ca, NID_basic_constraints, &crit, NULL);
	if (!bc && crit != -1)
		return -WAPI_EC_E_CERT_MALFORMED;
	if (!bc && !anchor)
		return -WAPI_EC_E_NOT_CA;
	if (bc && !bc->ca)
		err = -WAPI_EC_E_NOT_CA;
	else if (bc && bc->pathlen && ASN1_INTEGER_get(bc->pathlen) < below)
		err = -WAPI_EC_E_CHAIN_TOO_LONG;
	BASIC_CONSTRAINTS_free(bc);
	if (err)
		return err;

	err = key_usage_allows(ca, WAPI_KU_BIT_KEY_CERT_SIGN);
	if (err < 0)
		return err;
	return err ? 0 : -WAPI_EC_E_CA_KEY_USAGE;
}

/* A CRL is usable if its issuer signed it, may sign CRLs, and it is in
 * force now.  CRLs with critical extensions (delta CRLs, issuing
 * distribution points) are not understood and are never usable.
 */
static int crl_usable(X509_CRL *crl, X509 *issuer, time_t now)
{
	const ASN1_TIME *next;
	int i, err;

	err = wapi_crl_check_signed_by(crl, issuer);
	if (err == -WAPI_EC_E_ISSUER_NOT_FOUND)
		return -WAPI_EC_E_CRL_MISSING;
	if (err)
		return -WAPI_EC_E_CRL_BAD_SIGNATURE;
	if (key_usage_allows(issuer, WAPI_KU_BIT_CRL_SIGN) != 1)
		return -WAPI_EC_E_CRL_BAD_SIGNATURE;
	for (i = 0; i < X509_CRL_get_ext_count(crl); i++)
		if (X509_EXTENSION_get_critical(X509_CRL_get_ext(crl, i)))
			return -WAPI_EC_E_CRL_MISSING;

	next = X509_CRL_get0_nextUpdate(crl);
	if (ASN1_TIME_cmp_time_t(X509_CRL_get0_lastUpdate(crl), now) > 0 ||
	    !next || ASN1_TIME_cmp_time_t(next, now) < 0)
		return -WAPI_EC_E_CRL_STALE;
	return 0;
}

/*
 * Is @x listed by a usable CRL of @issuer?  Every usable CRL is looked at,
 * so an older CRL still in force cannot hide a newer listing.  No usable
 * CRL at all: the status is unknown.
 */
static int cert_check_revocation(X509 *x, X509 *issuer,
				 STACK_OF(X509_CRL) *crls, time_t now)
{
	const ASN1_INTEGER *serial = X509_get0_serialNumber(x);
	int i, e, err = -WAPI_EC_E_CRL_MISSING;
	X509_REVOKED *rev;
	bool covered = false;

	for (i = 0; i < sk_X509_CRL_num(crls); i++) {
		X509_CRL *crl = sk_X509_CRL_value(crls, i);

		e = crl_usable(crl, issuer, now);
		if (e == -WAPI_EC_E_CRL_MISSING)
			continue;
		if (e) {
			err = e;
			continue;
		}
		/* 2 means removeFromCRL: listed, but no longer revoked. */
		if (X509_CRL_get0_by_serial(crl, &rev, serial) == 1)
			return -WAPI_EC_E_CERT_REVOKED;
		covered = true;
	}
	return covered ? 0 : err;
}

/* A certificate in @set that issued @x; @err says why none did. */
static X509 *find_issuer(X509 *x, STACK_OF(X509) *set, int *err)
{
	int i, e;

	*err = -WAPI_EC_E_ISSUER_NOT_FOUND;
	for (i = 0; i < sk_X509_num(set); i++) {
		X509 *cand = sk_X509_value(set, i);

		if (cand == x)
			continue;
		e = wapi_cert_check_signed_by(x, cand);
		if (!e) {
			*err = 0;
			return cand;
		}
		if (e != -WAPI_EC_E_ISSUER_NOT_FOUND)
			*err = e;
	}
	return NULL;
}

/* chain[0] = leaf, chain[n - 1] = the trusted CA; returns n or < 0. */
static int chain_build(X509 *leaf, STACK_OF(X509) *untrusted,
		       STACK_OF(X509) *trusted, X509 *chain[3])
{
	int i, e, err;

	chain[0] = leaf;
	chain[1] = find_issuer(leaf, trusted, &err);
	if (chain[1])
		return 2;

	for (i = 0; i < sk_X509_num(untrusted); i++) {
		X509 *mid = sk_X509_value(untrusted, i);

		if (mid == leaf)
			continue;
		e = wapi_cert_check_signed_by(leaf, mid);
		if (!e)
			chain[2] = find_issuer(mid, trusted, &e);
		if (!e && chain[2]) {
			chain[1] = mid;
			return 3;
		}
		if (e != -WAPI_EC_E_ISSUER_NOT_FOUND)
			err = e;
	}
	return err;
}

static int chain_check(X509 *chain[3], int n, STACK_OF(X509_CRL) *crls,
		       time_t now)
{
	int i, err;

	for (i = 0; i < n; i++) {
		err = wapi_cert_check_time(chain[i], now);
		if (!err)
			err = cert_check_exts(chain[i]);
		if (!err && i)
			err = cert_check_ca(chain[i], i == n - 1, i - 1);
		if (err)
			return err;
	}

	err = key_usage_allows(chain[0], WAPI_KU_BIT_DIGITAL_SIGNATURE);
	if (err < 0)
		return err;
	if (!err)
		return -WAPI_EC_E_KEY_USAGE;

	for (i = 0; crls && i < n - 1; i++) {
		err = cert_check_revocation(chain[i], chain[i + 1], crls, now);
		if (err)
			return err;
	}
	return 0;
}

/**
 * wapi_cert_verify_chain_ex() - verify a WAPI station certificate
 * @leaf: the station's certificate
 * @untrusted: intermediate CA certificates that may be used, or NULL
 * @trusted: the trusted WAPI CA certificates
 * @crls: CRLs to check revocation against, or NULL not to check it
 * @now: the time to check validity at
 * @reason: set to the enum wpv_reason for the result
 *
 * The chain is leaf <- trusted CA or leaf <- intermediate <- trusted CA,
 * every certificate of the WAPI profile; the checks and the revocation
 * rule are described in wapi_ec.h.
 *
 * Return: 0 if the certificate is acceptable, or a negated enum
 * wapi_ec_err saying why not.
 */
int wapi_cert_verify_chain_ex(X509 *leaf, STACK_OF(X509) *untrusted,
			      STACK_OF(X509) *trusted,
			      STACK_OF(X509_CRL) *crls, time_t now,
			      enum wpv_reason *reason)
{
	uint8_t point[WAPI_EC_POINT_LEN];
	X509 *chain[3];
	int n, err;

	err = wapi_cert_get_point(leaf, point);
	if (!err) {
		n = chain_build(leaf, untrusted, trusted, chain);
		err = n < 0 ? n : chain_check(chain, n, crls, now);
	}
	ERR_clear_error();
	if (reason)
		*reason = wapi_ec_reason(err);
	return err;
}

/** wapi_cert_verify_chain() - wapi_cert_verify_chain_ex(), no intermediates */
int wapi_cert_verify_chain(X509 *leaf, STACK_OF(X509) *trusted,
			   STACK_OF(X509_CRL) *crls, time_t now,
			   enum wpv_reason *reason)
{
	return wapi_cert_verify_chain_ex(leaf, NULL, trusted, crls, now,
					 reason);
}
