// SPDX-License-Identifier: GPL-2.0
/*
 * Issuing WAPI certificates and CRLs; see wapi_pki.h.
 */
#include <string.h>

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "wapi_der.h"
#include "wapi_pki.h"

/* AlgorithmIdentifier { 1.2.156.11235.1.1.1 }, parameters absent. */
static const uint8_t wapi_sig_algid[] = {
	0x30, 0x0a, 0x06, 0x08,
	0x2a, 0x81, 0x1c, 0xd7, 0x63, 0x01, 0x01, 0x01,
};

/**
 * wapi_pki_parse_name() - "/O=Example/CN=Station 1" to an X509_NAME
 *
 * Each component is key=value; keys are OpenSSL's short or long names.
 * A '/' inside a value is not supported.
 */
int wapi_pki_parse_name(const char *s, X509_NAME **out)
{
	char *copy, *part, *eq, *save = NULL;
	X509_NAME *name;
	int err = -WAPI_EC_E_NOMEM;

	*out = NULL;
	name = X509_NAME_new();
	copy = OPENSSL_strdup(s);
	if (!name || !copy)
		goto out;

	err = -WAPI_EC_E_CERT_MALFORMED;
	for (part = strtok_r(copy, "/", &save); part;
	     part = strtok_r(NULL, "/", &save)) {
		eq = strchr(part, '=');
		if (!eq || eq == part || !eq[1])
			goto out;
		*eq = '\0';
		if (!X509_NAME_add_entry_by_txt(name, part, MBSTRING_UTF8,
						(unsigned char *)eq + 1, -1,
						-1, 0))
			goto out;
	}
	if (X509_NAME_entry_count(name) > 0) {
		*out = name;
		name = NULL;
		err = 0;
	}
out:
	ERR_clear_error();
	OPENSSL_free(copy);
	X509_NAME_free(name);
	return err;
}

/* The subject key as id-ecPublicKey with the WAPI curve OID. */
static int cert_set_key(X509 *x, EVP_PKEY *key)
{
	uint8_t point[WAPI_EC_POINT_LEN];
	ASN1_OBJECT *curve;
	uint8_t *penc;
	int err;

	err = wapi_ec_get_point(key, point);
	if (err)
		return err;
	curve = OBJ_txt2obj(WAPI_OID_CURVE, 1);
	penc = OPENSSL_memdup(point, sizeof(point));
	if (!curve || !penc ||
	    !X509_PUBKEY_set0_param(X509_get_X509_PUBKEY(x),
				    OBJ_nid2obj(NID_X9_62_id_ecPublicKey),
				    V_ASN1_OBJECT, curve, penc,
				    sizeof(point))) {
		ASN1_OBJECT_free(curve);
		OPENSSL_free(penc);
		return -WAPI_EC_E_NOMEM;
	}
	return 0;
}

static int cert_add_ext(X509 *x, int nid, const char *value)
{
	X509_EXTENSION *ext;
	int ok;

	ext = X509V3_EXT_conf_nid(NULL, NULL, nid, value);
	if (!ext)
		return -WAPI_EC_E_CERT_MALFORMED;
	ok = X509_add_ext(x, ext, -1);
	X509_EXTENSION_free(ext);
	return ok ? 0 : -WAPI_EC_E_NOMEM;
}

static int cert_fill(X509 *x, const struct wapi_pki_cert *req, EVP_PKEY *key,
		     X509 *issuer)
{
	const char *ku = req->key_usage;
	X509_NAME *subject;
	int err;

	err = wapi_pki_parse_name(req->subject, &subject);
	if (err)
		return err;
	err = -WAPI_EC_E_NOMEM;
	if (X509_set_version(x, X509_VERSION_3) &&
	    ASN1_INTEGER_set(X509_get_serialNumber(x), req->serial) &&
	    X509_set_subject_name(x, subject) &&
	    X509_set_issuer_name(x, issuer ? X509_get_subject_name(issuer) :
					     subject) &&
	    ASN1_TIME_set(X509_getm_notBefore(x), req->not_before) &&
	    ASN1_TIME_set(X509_getm_notAfter(x), req->not_after))
		err = cert_set_key(x, key);
	X509_NAME_free(subject);
	if (err)
		return err;

	if (!ku)
		ku = req->ca ? "critical,keyCertSign,cRLSign" :
			       "critical,digitalSignature";
	if (req->ca)
		err = cert_add_ext(x, NID_basic_constraints, "critical,CA:TRUE");
	if (!err && ku[0])
		err = cert_add_ext(x, NID_key_usage, ku);
	return err;
}

/*
 * SEQUENCE { tbs, WAPI algorithm, BIT STRING { DER ECDSA-Sig-Value } },
 * the signature made over the TBS bytes by the WAPI rule.
 */
static int signed_wrap(const uint8_t *tbs, size_t len, EVP_PKEY *key,
		       struct wapi_dbuf *out)
{
	uint8_t rs[WAPI_EC_SIG_LEN], bits[1 + WAPI_EC_SIG_DER_MAX];
	size_t der_len = WAPI_EC_SIG_DER_MAX;
	int err;

	err = wapi_sign(key, tbs, len, rs);
	if (!err)
		err = wapi_ec_sig_to_der(rs, bits + 1, &der_len);
	if (err)
		return err;
	bits[0] = 0;

	wapi_dbuf_add(out, tbs, len);
	wapi_dbuf_add(out, wapi_sig_algid, sizeof(wapi_sig_algid));
	wapi_dbuf_add_tlv(out, WAPI_DER_BIT_STRING, bits, 1 + der_len);
	wapi_dbuf_wrap(out, WAPI_DER_SEQUENCE);
	return out->failed ? -WAPI_EC_E_NOMEM : 0;
}

static int cert_sign(X509 *x, EVP_PKEY *issuer_key, X509 **out)
{
	struct wapi_dbuf b = { 0 };
	unsigned char *tbs = NULL;
	const unsigned char *p;
	ASN1_OBJECT *alg;
	int len, err;

	/*
	 * OpenSSL 3.0 has no setter for the TBS algorithm other than its own
	 * signing code, which cannot produce the WAPI one; the getter's
	 * object is the certificate's own, so set it through that.
	 */
	alg = OBJ_txt2obj(WAPI_OID_SIG_ALG, 1);
	if (!alg || !X509_ALGOR_set0((X509_ALGOR *)X509_get0_tbs_sigalg(x),
				     alg, V_ASN1_UNDEF, NULL)) {
		ASN1_OBJECT_free(alg);
		return -WAPI_EC_E_NOMEM;
	}
	len = i2d_re_X509_tbs(x, &tbs);
	if (len <= 0)
		return -WAPI_EC_E_NOMEM;

	err = signed_wrap(tbs, (size_t)len, issuer_key, &b);
	if (!err) {
		p = b.p;
		*out = d2i_X509(NULL, &p, (long)b.len);
		err = *out ? 0 : -WAPI_EC_E_CERT_MALFORMED;
	}
	wapi_dbuf_free(&b);
	OPENSSL_free(tbs);
	return err;
}

/**
 * wapi_pki_issue_cert() - issue a WAPI certificate
 * @req: what it says
 * @key: the subject's key (only its public half is used)
 * @issuer: the issuing CA's certificate, or NULL for a self-signed one
 * @issuer_key: the issuer's private key (@key's own when self-signed)
 * @out: the new certificate, owned by the caller
 */
int wapi_pki_issue_cert(const struct wapi_pki_cert *req, EVP_PKEY *key,
			X509 *issuer, EVP_PKEY *issuer_key, X509 **out)
{
	X509 *x;
	int err;

	*out = NULL;
	x = X509_new();
	if (!x)
		return -WAPI_EC_E_NOMEM;
	err = cert_fill(x, req, key, issuer);
	if (!err)
		err = cert_sign(x, issuer_key, out);
	X509_free(x);
	ERR_clear_error();
	return err;
}

static void dbuf_add_item(struct wapi_dbuf *b, const void *v,
			  const ASN1_ITEM *it)
{
	unsigned char *p = NULL;
	int len;

	len = ASN1_item_i2d((const ASN1_VALUE *)v, &p, it);
	if (len <= 0)
		b->failed = true;
	else
		wapi_dbuf_add(b, p, (size_t)len);
	OPENSSL_free(p);
}

static void dbuf_add_time(struct wapi_dbuf *b, time_t t)
{
	ASN1_TIME *at = ASN1_TIME_set(NULL, t);

	if (!at)
		b->failed = true;
	else
		dbuf_add_item(b, at, ASN1_ITEM_rptr(ASN1_TIME));
	ASN1_TIME_free(at);
}

/* revokedCertificates, all revoked at @when. */
static void crl_add_revoked(struct wapi_dbuf *b, X509 *const *revoked,
			    size_t n, time_t when)
{
	struct wapi_dbuf list = { 0 }, one = { 0 };
	size_t i;

	for (i = 0; i < n; i++) {
		dbuf_add_item(&one, X509_get0_serialNumber(revoked[i]),
			      ASN1_ITEM_rptr(ASN1_INTEGER));
		dbuf_add_time(&one, when);
		wapi_dbuf_wrap(&one, WAPI_DER_SEQUENCE);
		wapi_dbuf_add(&list, one.p, one.len);
		list.failed |= one.failed;
		wapi_dbuf_free(&one);
	}
	wapi_dbuf_wrap(&list, WAPI_DER_SEQUENCE);
	wapi_dbuf_add(b, list.p, list.len);
	b->failed |= list.failed;
	wapi_dbuf_free(&list);
}

/**
 * wapi_pki_issue_crl() - issue a version 2 CRL with the WAPI signature
 * @ca: the issuing CA's certificate
 * @ca_key: its private key
 * @revoked: certificates to list (their serial numbers)
 * @n_revoked: how many
 * @this_update: thisUpdate, also the revocation date of every entry
 * @next_update: nextUpdate
 * @out: the new CRL, owned by the caller
 *
 * The TBSCertList is written here: OpenSSL 3.0 offers no way to set its
 * signature algorithm to one it cannot sign with.
 */
int wapi_pki_issue_crl(X509 *ca, EVP_PKEY *ca_key, X509 *const *revoked,
		       size_t n_revoked, time_t this_update,
		       time_t next_update, X509_CRL **out)
{
	static const uint8_t v2[] = { 0x02, 0x01, 0x01 };
	struct wapi_dbuf tbs = { 0 }, crl = { 0 };
	const unsigned char *p;
	int err = -WAPI_EC_E_NOMEM;

	*out = NULL;
	wapi_dbuf_add(&tbs, v2, sizeof(v2));
	wapi_dbuf_add(&tbs, wapi_sig_algid, sizeof(wapi_sig_algid));
	dbuf_add_item(&tbs, X509_get_subject_name(ca),
		      ASN1_ITEM_rptr(X509_NAME));
	dbuf_add_time(&tbs, this_update);
	dbuf_add_time(&tbs, next_update);
	if (n_revoked)
		crl_add_revoked(&tbs, revoked, n_revoked, this_update);
	wapi_dbuf_wrap(&tbs, WAPI_DER_SEQUENCE);
	if (tbs.failed)
		goto out;

	err = signed_wrap(tbs.p, tbs.len, ca_key, &crl);
	if (err)
		goto out;
	p = crl.p;
	*out = d2i_X509_CRL(NULL, &p, (long)crl.len);
	err = *out ? 0 : -WAPI_EC_E_CERT_MALFORMED;
out:
	wapi_dbuf_free(&crl);
	wapi_dbuf_free(&tbs);
	ERR_clear_error();
	return err;
}
