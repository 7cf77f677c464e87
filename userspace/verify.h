/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The verification core of the agent: decide one station's answer from
 * what the kernel knows and the response body.  No netlink here, so the
 * unit tests and the `wpv verify-response` test command drive it directly.
 */
#ifndef _WPV_VERIFY_H
#define _WPV_VERIFY_H

#include <stdbool.h>
#include <time.h>
#include <net/if.h>
#include <openssl/x509.h>

#include "wpv_portable.h"
#include "wai_resp.h"
#include "reason_names.h"

#define WPV_IDENTITY_MAX	256	/* 255 bytes and the NUL */
#define WPV_DETAIL_MAX		192

/**
 * struct wpv_verify_facts - what the kernel reported with the answer
 * @ifname: the AP interface (for logs only)
 * @bssid: the BSSID the station is on
 * @ap_addr: the AP's own address
 * @sta_addr: the station
 * @ap_nonce: the nonce the module sent
 */
struct wpv_verify_facts {
	char ifname[IF_NAMESIZE];
	u8 bssid[6];
	u8 ap_addr[6];
	u8 sta_addr[6];
	u8 ap_nonce[WPV_NONCE_LEN];
};

/**
 * struct wpv_verify_result - the decision
 * @verdict: accept or reject
 * @reason: why, one enum wpv_reason per kind of failure
 * @identity: certificate subject (RFC 2253) or "key:<mac>" for a
 *	provisioned key; empty when nothing was verified
 * @detail: one line for the log saying what exactly failed
 */
struct wpv_verify_result {
	enum wpv_verdict verdict;
	enum wpv_reason reason;
	char identity[WPV_IDENTITY_MAX];
	char detail[WPV_DETAIL_MAX];
};

/**
 * struct wpv_verify_config - where trust comes from
 * @ca_file: PEM file of trusted CA certificates, or NULL
 * @ca_dir: OpenSSL hashed directory of CA certificates and CRLs, or NULL
 * @crl_file: PEM file of CRLs, or NULL
 * @keys_dir: directory of provisioned station keys <mac>.pem, or NULL
 * @crl_check: require a current CRL for every certificate in the chain
 * @at_time: check validity at this time instead of now (0: now)
 */
struct wpv_verify_config {
	const char *ca_file;
	const char *ca_dir;
	const char *crl_file;
	const char *keys_dir;
	bool crl_check;
	time_t at_time;
};

struct wpv_verifier;

/**
 * typedef wpv_status_fn - asks about a certificate's status after its chain
 *	verified (an OCSP responder, for the agent)
 * @ctx: given to wpv_verifier_set_status()
 * @leaf: the station's certificate
 * @issuer: the certificate that issued it
 * @detail: on refusal, one line for the log
 * @len: room at @detail
 *
 * Called from the worker threads, so it must be thread safe; it may wait
 * for the network.
 *
 * Return: %WPV_REASON_NONE to go on, or the reason to refuse with.
 */
typedef enum wpv_reason (*wpv_status_fn)(void *ctx, X509 *leaf, X509 *issuer,
					 char *detail, size_t len);

/**
 * struct wpv_sig_check - one signature to decide
 * @transcript: the transcript rebuilt from the kernel's facts
 * @transcript_len: its length
 * @sig: the station's signature attribute
 */
struct wpv_sig_check {
	const u8 *transcript;
	size_t transcript_len;
	const struct wpv_sig_attr *sig;
};

/**
 * struct wpv_cert_scheme - a way to check certificates and signatures
 * @name: for logs
 * @matches: true if this scheme handles @cert (usually by its signature
 *	algorithm OID)
 * @verify: check @cert (chain, dates, revocation, key usage) and the
 *	signature; set @res->reason and @res->detail, and @res->identity on
 *	success (wpv_verify_identity() helps).  Must be thread safe.
 *
 * The standard scheme (certificates OpenSSL can verify: P-256 and other
 * named curves) is built in.  Others, such as the WAPI 192-bit curve that
 * OpenSSL cannot decode, are registered with wpv_verifier_add_scheme() and
 * are asked first.
 */
struct wpv_cert_scheme {
	const char *name;
	bool (*matches)(X509 *cert);
	enum wpv_reason (*verify)(const struct wpv_verifier *v, X509 *cert,
				  const struct wpv_sig_check *chk,
				  struct wpv_verify_result *res);
};

int wpv_verifier_new(const struct wpv_verify_config *cfg,
		     struct wpv_verifier **out, char *err, size_t err_len);
void wpv_verifier_free(struct wpv_verifier *v);
void wpv_verifier_set_status(struct wpv_verifier *v, wpv_status_fn fn,
			     void *ctx);
int wpv_verifier_add_scheme(struct wpv_verifier *v,
			    const struct wpv_cert_scheme *scheme);
X509_STORE *wpv_verifier_store(const struct wpv_verifier *v);
time_t wpv_verifier_time(const struct wpv_verifier *v);

void wpv_verify_response(const struct wpv_verifier *v,
			 const struct wpv_verify_facts *facts,
			 const u8 *body, size_t len,
			 struct wpv_verify_result *res);

/* Building blocks for other schemes. */
int wpv_verify_identity(X509 *cert, char *buf, size_t len);
enum wpv_reason wpv_verify_key_usage(X509 *cert,
				     struct wpv_verify_result *res);
enum wpv_reason wpv_verify_x509_reason(int err);
enum wpv_reason wpv_verify_signature(EVP_PKEY *key,
				     const struct wpv_sig_check *chk,
				     struct wpv_verify_result *res);

#endif /* _WPV_VERIFY_H */
