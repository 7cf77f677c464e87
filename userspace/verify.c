// SPDX-License-Identifier: GPL-2.0
/*
 * Verification core: parse the answer, check it answers this challenge,
 * find the station's key (certificate sent, or provisioned per station),
 * and check the signature over the transcript rebuilt from the kernel's
 * facts.  The station's claims are used for nothing but its nonce, its
 * certificate (which must chain to a trusted CA) and its signature.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>

#include "sig.h"
#include "verify.h"
#include "wpv_transcript.h"

#define WPV_MAX_SCHEMES	4

struct wpv_verifier {
	X509_STORE *store;
	char *keys_dir;
	time_t at_time;
	const struct wpv_cert_scheme *schemes[WPV_MAX_SCHEMES];
	unsigned int n_schemes;
	wpv_status_fn status;
	void *status_ctx;
};

static enum wpv_reason fail(struct wpv_verify_result *res,
			    enum wpv_reason reason, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Record a refusal; the verdict stays REJECT. */
static enum wpv_reason fail(struct wpv_verify_result *res,
			    enum wpv_reason reason, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(res->detail, sizeof(res->detail), fmt, ap);
	va_end(ap);
	res->reason = reason;
	res->identity[0] = '\0';
	return reason;
}

/**
 * wpv_verify_identity() - the identity a certificate is charged under
 * @cert: the certificate
 * @buf: output, NUL terminated
 * @len: room at @buf, at most %WPV_IDENTITY_MAX is used
 *
 * The identity is the subject in RFC 2253 form.  A subject too long to fit
 * is refused rather than cut, so two identities never collide.
 *
 * Return: 0, -ENAMETOOLONG, or -ENOMEM.
 */
int wpv_verify_identity(X509 *cert, char *buf, size_t len)
{
	BIO *bio = BIO_new(BIO_s_mem());
	char *data;
	long n;
	int ret = -ENOMEM;

	if (!bio)
		return -ENOMEM;
	if (X509_NAME_print_ex(bio, X509_get_subject_name(cert), 0,
			       XN_FLAG_RFC2253) < 0)
		goto out;
	n = BIO_get_mem_data(bio, &data);
	ret = -ENAMETOOLONG;
	if (n < 0 || (size_t)n >= len || n >= WPV_IDENTITY_MAX)
		goto out;
	memcpy(buf, data, n);
	buf[n] = '\0';
	ret = 0;
out:
	BIO_free(bio);
	return ret;
}

/**
 * wpv_verify_x509_reason() - the reason for an OpenSSL verification error
 * @err: an X509_V_ERR_* value
 *
 * Other schemes that check chains themselves map their errors here too.
 *
 * Return: the matching reason; %WPV_REASON_CERT_UNTRUSTED for anything
 * not listed.
 */
enum wpv_reason wpv_verify_x509_reason(int err)
{
	switch (err) {
	case X509_V_ERR_CERT_HAS_EXPIRED:
		return WPV_REASON_CERT_EXPIRED;
	case X509_V_ERR_CERT_NOT_YET_VALID:
		return WPV_REASON_CERT_NOT_YET_VALID;
	case X509_V_ERR_CERT_REVOKED:
		return WPV_REASON_CERT_REVOKED;
	case X509_V_ERR_UNABLE_TO_GET_CRL:
	case X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER:
	case X509_V_ERR_CRL_HAS_EXPIRED:
	case X509_V_ERR_CRL_NOT_YET_VALID:
	case X509_V_ERR_CRL_SIGNATURE_FAILURE:
	case X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE:
	case X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD:
	case X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD:
	case X509_V_ERR_DIFFERENT_CRL_SCOPE:
		return WPV_REASON_STATUS_UNKNOWN;
	case X509_V_ERR_INVALID_PURPOSE:
	case X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE:
		return WPV_REASON_CERT_KEY_USAGE;
	case X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD:
	case X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD:
	case X509_V_ERR_INVALID_EXTENSION:
	case X509_V_ERR_UNSUPPORTED_EXTENSION_FEATURE:
		return WPV_REASON_CERT_INVALID;
	default:
		/* Anything else means no trusted chain: fail closed. */
		return WPV_REASON_CERT_UNTRUSTED;
	}
}

/* After a good chain: the status hook, if any, asks about the leaf. */
static enum wpv_reason chain_status(const struct wpv_verifier *v,
				    X509_STORE_CTX *ctx, X509 *cert,
				    struct wpv_verify_result *res)
{
	STACK_OF(X509) *chain = X509_STORE_CTX_get0_chain(ctx);
	char detail[WPV_DETAIL_MAX] = "";
	enum wpv_reason reason;

	/* A trusted leaf has no issuer to ask about. */
	if (!v->status || sk_X509_num(chain) < 2)
		return WPV_REASON_NONE;
	reason = v->status(v->status_ctx, cert, sk_X509_value(chain, 1),
			   detail, sizeof(detail));
	if (reason == WPV_REASON_NONE)
		return reason;
	return fail(res, reason, "%s", detail);
}

static enum wpv_reason check_chain(const struct wpv_verifier *v, X509 *cert,
				   struct wpv_verify_result *res)
{
	X509_STORE_CTX *ctx = X509_STORE_CTX_new();
	enum wpv_reason reason;
	int err, depth;

	if (!ctx)
		return fail(res, WPV_REASON_STATUS_UNKNOWN, "out of memory");
	if (X509_STORE_CTX_init(ctx, v->store, cert, NULL) != 1) {
		X509_STORE_CTX_free(ctx);
		return fail(res, WPV_REASON_STATUS_UNKNOWN,
			    "cannot set up chain verification");
	}
	if (v->at_time)
		X509_STORE_CTX_set_time(ctx, 0, v->at_time);

	if (X509_verify_cert(ctx) == 1) {
		reason = chain_status(v, ctx, cert, res);
		X509_STORE_CTX_free(ctx);
		return reason;
	}
	err = X509_STORE_CTX_get_error(ctx);
	depth = X509_STORE_CTX_get_error_depth(ctx);
	X509_STORE_CTX_free(ctx);
	reason = wpv_verify_x509_reason(err);
	return fail(res, reason, "certificate chain: %s (depth %d)",
		    X509_verify_cert_error_string(err), depth);
}

/**
 * wpv_verify_key_usage() - may this certificate's key sign answers?
 * @cert: the station's certificate
 * @res: on refusal, its reason and detail are set
 *
 * RFC 5280: an absent keyUsage extension does not restrict the key; a
 * present one must allow digitalSignature.
 *
 * Return: %WPV_REASON_NONE or %WPV_REASON_CERT_KEY_USAGE.
 */
enum wpv_reason wpv_verify_key_usage(X509 *cert,
				     struct wpv_verify_result *res)
{
	uint32_t ku = X509_get_key_usage(cert);

	if (!(X509_get_extension_flags(cert) & EXFLAG_KUSAGE))
		return WPV_REASON_NONE;
	if (!(ku & KU_DIGITAL_SIGNATURE))
		return fail(res, WPV_REASON_CERT_KEY_USAGE,
			    "key usage does not allow digitalSignature");
	return WPV_REASON_NONE;
}

/**
 * wpv_verify_signature() - the station's signature over the transcript
 * @key: the station's public key (any curve sig.c knows, WAPI included)
 * @chk: the transcript and the signature attribute
 * @res: on refusal, its reason and detail are set
 *
 * The algorithm block must name the curve of the key that signs
 * (otherwise %WPV_REASON_MALFORMED), the value must have the curve's
 * width (%WPV_REASON_MALFORMED) and verify by the key's rule
 * (%WPV_REASON_BAD_SIGNATURE).
 *
 * Return: %WPV_REASON_NONE or the reason of the refusal.
 */
enum wpv_reason wpv_verify_signature(EVP_PKEY *key,
				     const struct wpv_sig_check *chk,
				     struct wpv_verify_result *res)
{
	const struct wpv_sig_attr *sig = chk->sig;
	u8 oid[32];
	int n, ok;

	n = wpv_sig_curve_oid(key, oid, sizeof(oid));
	if (n < 0)
		return fail(res, WPV_REASON_CERT_INVALID,
			    "key is not on a named curve");
	if ((size_t)n != sig->curve_oid.len ||
	    memcmp(oid, sig->curve_oid.data, n))
		return fail(res, WPV_REASON_MALFORMED,
			    "signature names another curve than the key's");

	ok = wpv_sig_verify(key, chk->transcript, chk->transcript_len,
			    sig->value.data, sig->value.len);
	if (ok == -EINVAL)
		return fail(res, WPV_REASON_MALFORMED,
			    "signature value has the wrong length for the curve");
	if (ok != 1)
		return fail(res, WPV_REASON_BAD_SIGNATURE,
			    "signature does not verify over this challenge");
	return WPV_REASON_NONE;
}

static bool std_matches(X509 *cert)
{
	EVP_PKEY *key = X509_get0_pubkey(cert);

	return key && EVP_PKEY_get_base_id(key) == EVP_PKEY_EC &&
	       X509_get_signature_nid(cert) != NID_undef;
}

static enum wpv_reason std_verify(const struct wpv_verifier *v, X509 *cert,
				  const struct wpv_sig_check *chk,
				  struct wpv_verify_result *res)
{
	enum wpv_reason reason;

	reason = check_chain(v, cert, res);
	if (reason != WPV_REASON_NONE)
		return reason;
	reason = wpv_verify_key_usage(cert, res);
	if (reason != WPV_REASON_NONE)
		return reason;
	reason = wpv_verify_signature(X509_get0_pubkey(cert), chk, res);
	if (reason != WPV_REASON_NONE)
		return reason;
	if (wpv_verify_identity(cert, res->identity, sizeof(res->identity)))
		return fail(res, WPV_REASON_CERT_INVALID,
			    "subject too long to be an identity");
	return WPV_REASON_VERIFIED;
}

static const struct wpv_cert_scheme wpv_std_scheme = {
	.name = "x509-ecdsa",
	.matches = std_matches,
	.verify = std_verify,
};

/* i2d of a name or serial, compared with what the station put in the attribute. */
static bool same_der(int n, unsigned char *der, const struct wpv_bytes *b)
{
	bool same = n > 0 && (size_t)n == b->len && !memcmp(der, b->data, n);

	OPENSSL_free(der);
	return same;
}

static bool identity_names_cert(X509 *cert, const struct wpv_sig_attr *sig)
{
	unsigned char *der = NULL;
	int n;

	n = i2d_X509_NAME(X509_get_subject_name(cert), &der);
	if (!same_der(n, der, &sig->subject))
		return false;
	der = NULL;
	n = i2d_X509_NAME(X509_get_issuer_name(cert), &der);
	if (!same_der(n, der, &sig->issuer))
		return false;
	der = NULL;
	n = i2d_ASN1_INTEGER(X509_get0_serialNumber(cert), &der);
	return same_der(n, der, &sig->serial);
}

static const struct wpv_cert_scheme *
find_scheme(const struct wpv_verifier *v, X509 *cert)
{
	unsigned int i;

	for (i = 0; i < v->n_schemes; i++)
		if (v->schemes[i]->matches(cert))
			return v->schemes[i];
	if (wpv_std_scheme.matches(cert))
		return &wpv_std_scheme;
	return NULL;
}

static enum wpv_reason verify_with_cert(const struct wpv_verifier *v,
					const struct wpv_sig_resp *resp,
					const struct wpv_sig_check *chk,
					struct wpv_verify_result *res)
{
	const unsigned char *p = resp->cert.data;
	const struct wpv_cert_scheme *scheme;
	enum wpv_reason reason;
	char oid[80] = "?";
	X509 *cert;

	cert = d2i_X509(NULL, &p, resp->cert.len);
	if (!cert)
		return fail(res, WPV_REASON_CERT_INVALID,
			    "certificate is not valid DER X.509");
	if (p != resp->cert.data + resp->cert.len) {
		reason = fail(res, WPV_REASON_CERT_INVALID,
			      "bytes after the certificate's DER");
		goto out;
	}
	if (!identity_names_cert(cert, &resp->sig)) {
		reason = fail(res, WPV_REASON_MALFORMED,
			      "signature identity does not name the certificate sent");
		goto out;
	}
	scheme = find_scheme(v, cert);
	if (!scheme) {
		const X509_ALGOR *alg;
		const ASN1_OBJECT *obj;

		X509_get0_signature(NULL, &alg, cert);
		X509_ALGOR_get0(&obj, NULL, NULL, alg);
		OBJ_obj2txt(oid, sizeof(oid), obj, 1);
		reason = fail(res, WPV_REASON_CERT_INVALID,
			      "no verifier for signature algorithm %s", oid);
		goto out;
	}
	reason = scheme->verify(v, cert, chk, res);
out:
	X509_free(cert);
	return reason;
}

static enum wpv_reason verify_with_key(const struct wpv_verifier *v,
				       const struct wpv_verify_facts *facts,
				       const struct wpv_sig_check *chk,
				       struct wpv_verify_result *res)
{
	const u8 *m = facts->sta_addr;
	char mac[18], path[PATH_MAX];
	enum wpv_reason reason;
	EVP_PKEY *key;

	if (!v->keys_dir)
		return fail(res, WPV_REASON_NO_KEY,
			    "no certificate sent and no keys_dir configured");
	snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x",
		 m[0], m[1], m[2], m[3], m[4], m[5]);
	if (snprintf(path, sizeof(path), "%s/%s.pem", v->keys_dir, mac) >=
	    (int)sizeof(path))
		return fail(res, WPV_REASON_NO_KEY, "keys_dir path too long");

	key = wpv_sig_load_public(path);
	if (!key)
		return fail(res, WPV_REASON_NO_KEY,
			    "no certificate sent and %s: %s", path,
			    errno == ENOENT ? "no such key" :
			    errno == EKEYREJECTED ?
			    "key refused (not EC, or a bad WAPI point)" :
			    "not an EC public key in PEM");
	reason = wpv_verify_signature(key, chk, res);
	EVP_PKEY_free(key);
	if (reason != WPV_REASON_NONE)
		return reason;
	snprintf(res->identity, sizeof(res->identity), "key:%s", mac);
	return WPV_REASON_VERIFIED;
}

/* The answer must be to this challenge, from this station, on this BSS. */
static enum wpv_reason check_addressing(const struct wpv_verify_facts *facts,
					const struct wpv_sig_resp *resp,
					struct wpv_verify_result *res)
{
	if (memcmp(resp->bssid, facts->bssid, sizeof(resp->bssid)))
		return fail(res, WPV_REASON_MALFORMED,
			    "answer names another BSSID");
	if (memcmp(resp->sta_addr, facts->sta_addr, sizeof(resp->sta_addr)))
		return fail(res, WPV_REASON_MALFORMED,
			    "answer names another station");
	if (memcmp(resp->ap_nonce, facts->ap_nonce, sizeof(resp->ap_nonce)))
		return fail(res, WPV_REASON_MALFORMED,
			    "answer echoes another AP nonce");
	return WPV_REASON_NONE;
}

/**
 * wpv_verify_response() - decide one station's answer
 * @v: the verifier
 * @facts: what the kernel reported; the transcript is built from these
 *	and the station's nonce only
 * @body: the response body (WPV_A_RESPONSE)
 * @len: its length
 * @res: the decision; always filled, reject unless everything verified
 *
 * Thread safe: @v is only read.
 */
void wpv_verify_response(const struct wpv_verifier *v,
			 const struct wpv_verify_facts *facts,
			 const u8 *body, size_t len,
			 struct wpv_verify_result *res)
{
	u8 transcript[WPV_TRANSCRIPT_LEN];
	struct wpv_transcript_in in;
	struct wpv_sig_check chk;
	struct wpv_sig_resp resp;
	enum wpv_reason reason;
	int ret;

	memset(res, 0, sizeof(*res));
	res->verdict = WPV_VERDICT_REJECT;

	ret = wpv_sig_resp_decode(body, len, &resp);
	if (ret) {
		fail(res, WPV_REASON_MALFORMED, "response: %s",
		     wpv_wai_strerror(ret));
		return;
	}
	if (check_addressing(facts, &resp, res) != WPV_REASON_NONE)
		return;

	in.ap_addr = facts->ap_addr;
	in.sta_addr = facts->sta_addr;
	in.bssid = facts->bssid;
	in.ap_nonce = facts->ap_nonce;
	in.sta_nonce = resp.sta_nonce;
	ret = wpv_transcript_build(&in, transcript, sizeof(transcript));
	if (ret < 0) {
		fail(res, WPV_REASON_MALFORMED, "cannot build transcript");
		return;
	}
	chk.transcript = transcript;
	chk.transcript_len = ret;
	chk.sig = &resp.sig;

	if (resp.flag & WPV_RESP_F_CERT)
		reason = verify_with_cert(v, &resp, &chk, res);
	else
		reason = verify_with_key(v, facts, &chk, res);
	if (reason == WPV_REASON_VERIFIED) {
		res->verdict = WPV_VERDICT_ACCEPT;
		res->reason = WPV_REASON_VERIFIED;
		snprintf(res->detail, sizeof(res->detail), "verified");
	}
	ERR_clear_error();
}

static int load_store(X509_STORE *store, const struct wpv_verify_config *cfg,
		      char *err, size_t err_len)
{
	X509_LOOKUP *lookup;

	if (cfg->ca_file && X509_STORE_load_file(store, cfg->ca_file) != 1) {
		snprintf(err, err_len, "ca_file %s: no CA certificates read",
			 cfg->ca_file);
		return -EINVAL;
	}
	if (cfg->ca_dir && X509_STORE_load_path(store, cfg->ca_dir) != 1) {
		snprintf(err, err_len, "ca_dir %s: cannot use", cfg->ca_dir);
		return -EINVAL;
	}
	if (cfg->crl_file) {
		lookup = X509_STORE_add_lookup(store, X509_LOOKUP_file());
		if (!lookup || X509_load_crl_file(lookup, cfg->crl_file,
						  X509_FILETYPE_PEM) <= 0) {
			snprintf(err, err_len, "crl_file %s: no CRLs read",
				 cfg->crl_file);
			return -EINVAL;
		}
	}
	if (cfg->crl_check)
		X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK |
				     X509_V_FLAG_CRL_CHECK_ALL);
	return 0;
}

/**
 * wpv_verifier_new() - load the trust configuration
 * @cfg: CA, CRL and key locations
 * @out: set to the new verifier
 * @err: filled with a message on failure
 * @err_len: room at @err
 *
 * Return: 0, -EINVAL for an unusable configuration, -ENOMEM.
 */
int wpv_verifier_new(const struct wpv_verify_config *cfg,
		     struct wpv_verifier **out, char *err, size_t err_len)
{
	struct wpv_verifier *v;
	int ret;

	*out = NULL;
	v = calloc(1, sizeof(*v));
	if (!v)
		goto nomem;
	v->store = X509_STORE_new();
	if (!v->store)
		goto nomem;
	if (cfg->keys_dir) {
		v->keys_dir = strdup(cfg->keys_dir);
		if (!v->keys_dir)
			goto nomem;
	}
	v->at_time = cfg->at_time;
	ret = load_store(v->store, cfg, err, err_len);
	ERR_clear_error();
	if (ret) {
		wpv_verifier_free(v);
		return ret;
	}
	*out = v;
	return 0;
nomem:
	wpv_verifier_free(v);
	snprintf(err, err_len, "out of memory");
	return -ENOMEM;
}

/**
 * wpv_verifier_free() - release a verifier
 * @v: the verifier, or NULL
 */
void wpv_verifier_free(struct wpv_verifier *v)
{
	if (!v)
		return;
	X509_STORE_free(v->store);
	free(v->keys_dir);
	free(v);
}

/**
 * wpv_verifier_set_status() - ask @fn about each certificate whose chain
 *	verified
 * @v: the verifier, before it is shared between threads
 * @fn: the status check, or NULL for none
 * @ctx: passed to @fn
 */
void wpv_verifier_set_status(struct wpv_verifier *v, wpv_status_fn fn,
			     void *ctx)
{
	v->status = fn;
	v->status_ctx = ctx;
}

/**
 * wpv_verifier_add_scheme() - let another scheme handle some certificates
 * @v: the verifier, before it is shared between threads
 * @scheme: the scheme; must outlive @v
 *
 * Return: 0 or -ENOSPC when %WPV_MAX_SCHEMES are registered.
 */
int wpv_verifier_add_scheme(struct wpv_verifier *v,
			    const struct wpv_cert_scheme *scheme)
{
	if (v->n_schemes >= WPV_MAX_SCHEMES)
		return -ENOSPC;
	v->schemes[v->n_schemes++] = scheme;
	return 0;
}

/**
 * wpv_verifier_store() - the trusted CAs and CRLs, for other schemes
 * @v: the verifier
 *
 * Return: the store; read only once the verifier is shared.
 */
X509_STORE *wpv_verifier_store(const struct wpv_verifier *v)
{
	return v->store;
}

/**
 * wpv_verifier_time() - the time certificates are checked at
 * @v: the verifier
 *
 * Return: the pinned time, or the current time if none is pinned.
 */
time_t wpv_verifier_time(const struct wpv_verifier *v)
{
	return v->at_time ? v->at_time : time(NULL);
}
