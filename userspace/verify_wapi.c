// SPDX-License-Identifier: GPL-2.0
/*
 * The agent's WAPI certificate scheme.  Trust comes from the same places
 * as for P-256 certificates: ca_file, ca_dir and crl_file are read into
 * the verifier's X509_STORE, where OpenSSL keeps WAPI certificates and
 * CRLs (it parses them) without being able to verify them.  So the WAPI
 * CAs, intermediates and CRLs a station's certificate needs are looked up
 * there by name, and the WAPI library (wapi_ec.h) checks the chain; the
 * signature over the transcript is then checked as for any key, sig.c
 * applying the WAPI rule to WAPI keys.
 */
#include <openssl/err.h>
#include <openssl/x509_vfy.h>

#include "sig.h"
#include "verify.h"
#include "verify_wapi.h"
#include "wapi_ec.h"

/* Where a WAPI chain may come from, all found in the verifier's store. */
struct wapi_trust {
	STACK_OF(X509) *trusted;
	STACK_OF(X509) *untrusted;
	STACK_OF(X509_CRL) *crls;
};

static bool self_issued(X509 *x)
{
	return !X509_NAME_cmp(X509_get_subject_name(x),
			      X509_get_issuer_name(x));
}

static int push_cert(STACK_OF(X509) *sk, X509 *x)
{
	if (!X509_up_ref(x))
		return -1;
	if (!sk_X509_push(sk, x)) {
		X509_free(x);
		return -1;
	}
	return 0;
}

static int add_crls(X509_STORE_CTX *ctx, const X509_NAME *issuer,
		    struct wapi_trust *t)
{
	STACK_OF(X509_CRL) *found;
	int i, ret = 0;

	found = X509_STORE_CTX_get1_crls(ctx, issuer);
	for (i = 0; i < sk_X509_CRL_num(found); i++) {
		X509_CRL *crl = sk_X509_CRL_value(found, i);

		if (!X509_CRL_up_ref(crl))
			ret = -1;
		else if (!sk_X509_CRL_push(t->crls, crl)) {
			X509_CRL_free(crl);
			ret = -1;
		}
	}
	sk_X509_CRL_pop_free(found, X509_CRL_free);
	return ret;
}

/*
 * The certificates named @issuer: self-issued ones are trust anchors, as
 * for OpenSSL's own chains; the others may serve as intermediates when
 * @depth allows, with their own issuers looked up in turn.
 */
static int add_issuers(X509_STORE_CTX *ctx, const X509_NAME *issuer,
		       struct wapi_trust *t, int depth)
{
	STACK_OF(X509) *found;
	int i, ret = add_crls(ctx, issuer, t);

	found = X509_STORE_CTX_get1_certs(ctx, issuer);
	for (i = 0; !ret && i < sk_X509_num(found); i++) {
		X509 *x = sk_X509_value(found, i);

		if (self_issued(x))
			ret = push_cert(t->trusted, x);
		else if (depth > 0) {
			ret = push_cert(t->untrusted, x);
			if (!ret)
				ret = add_issuers(ctx, X509_get_issuer_name(x),
						  t, depth - 1);
		}
	}
	sk_X509_pop_free(found, X509_free);
	return ret;
}

static void trust_free(struct wapi_trust *t)
{
	sk_X509_pop_free(t->trusted, X509_free);
	sk_X509_pop_free(t->untrusted, X509_free);
	sk_X509_CRL_pop_free(t->crls, X509_CRL_free);
}

static int trust_find(const struct wpv_verifier *v, X509 *cert,
		      struct wapi_trust *t)
{
	X509_STORE_CTX *ctx;
	int ret = -1;

	t->trusted = sk_X509_new_null();
	t->untrusted = sk_X509_new_null();
	t->crls = sk_X509_CRL_new_null();
	ctx = X509_STORE_CTX_new();
	/* One intermediate at most: wapi_cert builds no longer chains. */
	if (t->trusted && t->untrusted && t->crls && ctx &&
	    X509_STORE_CTX_init(ctx, wpv_verifier_store(v), NULL, NULL) == 1)
		ret = add_issuers(ctx, X509_get_issuer_name(cert), t, 1);
	X509_STORE_CTX_free(ctx);
	return ret;
}

/* crl_check = yes set these on the store; WAPI chains honour them too. */
static bool crl_check(const struct wpv_verifier *v)
{
	X509_VERIFY_PARAM *param = X509_STORE_get0_param(wpv_verifier_store(v));

	return X509_VERIFY_PARAM_get_flags(param) & X509_V_FLAG_CRL_CHECK;
}

static enum wpv_reason refuse(struct wpv_verify_result *res,
			      enum wpv_reason reason, const char *what,
			      const char *why)
{
	snprintf(res->detail, sizeof(res->detail), "%s: %s", what, why);
	res->reason = reason;
	res->identity[0] = '\0';
	return reason;
}

static enum wpv_reason wapi_chain(const struct wpv_verifier *v, X509 *cert,
				  struct wpv_verify_result *res)
{
	struct wapi_trust t = { 0 };
	enum wpv_reason reason;
	int err;

	if (trust_find(v, cert, &t)) {
		trust_free(&t);
		ERR_clear_error();
		return refuse(res, WPV_REASON_STATUS_UNKNOWN, "WAPI chain",
			      "out of memory");
	}
	err = wapi_cert_verify_chain_ex(cert, t.untrusted, t.trusted,
					crl_check(v) ? t.crls : NULL,
					wpv_verifier_time(v), &reason);
	trust_free(&t);
	ERR_clear_error();
	if (err)
		return refuse(res, reason, "WAPI certificate chain",
			      wapi_ec_strerror(err));
	return WPV_REASON_NONE;
}

static enum wpv_reason wapi_verify(const struct wpv_verifier *v, X509 *cert,
				   const struct wpv_sig_check *chk,
				   struct wpv_verify_result *res)
{
	enum wpv_reason reason;
	EVP_PKEY *key;
	int err;

	/* The chain check refuses bad keys first, each with its reason. */
	reason = wapi_chain(v, cert, res);
	if (reason != WPV_REASON_NONE)
		return reason;
	err = wapi_cert_get_pubkey(cert, &key);
	if (err)
		return refuse(res, WPV_REASON_CERT_INVALID, "WAPI certificate",
			      wapi_ec_strerror(err));
	reason = wpv_verify_signature(key, chk, res);
	EVP_PKEY_free(key);
	if (reason != WPV_REASON_NONE)
		return reason;
	if (wpv_verify_identity(cert, res->identity, sizeof(res->identity)))
		return refuse(res, WPV_REASON_CERT_INVALID, "WAPI certificate",
			      "subject too long to be an identity");
	return WPV_REASON_VERIFIED;
}

/*
 * Half-WAPI certificates (WAPI algorithm with another key, a WAPI curve
 * OID under another algorithm, or a key on the WAPI curve written with
 * explicit parameters, which OpenSSL would otherwise verify under a P-256
 * CA) come here too, and are refused with the WAPI library's reason: a
 * chain is of one profile from the CA down.
 */
static bool wapi_matches(X509 *cert)
{
	EVP_PKEY *key;

	if (wapi_cert_is_wapi(cert))
		return true;
	key = X509_get0_pubkey(cert);
	ERR_clear_error();
	return key && wpv_sig_is_wapi(key);
}

const struct wpv_cert_scheme wpv_wapi_scheme = {
	.name = "wapi",
	.matches = wapi_matches,
	.verify = wapi_verify,
};
