/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Issuing WAPI certificates and CRLs, for the wpv-wapi-pki tool and the
 * tests.  Certificates and CRLs are assembled with OpenSSL's X509 API and
 * signed here by the WAPI rule, since OpenSSL cannot sign with the WAPI
 * signature algorithm.
 */
#ifndef _WAPI_PKI_H
#define _WAPI_PKI_H

#include "wapi_ec.h"

/**
 * struct wapi_pki_cert - what a new certificate says
 * @subject: distinguished name, "/O=Example/CN=Station 1" form
 * @serial: serial number, positive
 * @not_before: start of validity
 * @not_after: end of validity
 * @ca: a CA certificate (basicConstraints cA, critical)
 * @key_usage: keyUsage in OpenSSL's configuration syntax, or NULL for
 *	"critical,digitalSignature" (station) or
 *	"critical,keyCertSign,cRLSign" (CA)
 */
struct wapi_pki_cert {
	const char *subject;
	long serial;
	time_t not_before;
	time_t not_after;
	bool ca;
	const char *key_usage;
};

int wapi_pki_parse_name(const char *s, X509_NAME **out);
int wapi_pki_issue_cert(const struct wapi_pki_cert *req, EVP_PKEY *key,
			X509 *issuer, EVP_PKEY *issuer_key, X509 **out);
int wapi_pki_issue_crl(X509 *ca, EVP_PKEY *ca_key, X509 *const *revoked,
		       size_t n_revoked, time_t this_update,
		       time_t next_update, X509_CRL **out);

#endif /* _WAPI_PKI_H */
