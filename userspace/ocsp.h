/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Certificate status from an OCSP responder (RFC 6960), with a cache and a
 * fail-open or fail-closed policy for when no status can be had.
 *
 * ocsp_check() may be called from several threads; a query not answered
 * from the cache waits up to ocsp_timeout seconds for the responder.
 */
#ifndef WPV_OCSP_H
#define WPV_OCSP_H

#include <stdbool.h>
#include <time.h>

#include <openssl/x509.h>

#include <linux/wapi_preview.h>

#include "charging_conf.h"

struct ocsp;

enum ocsp_cert_status {
	OCSP_STATUS_GOOD,
	OCSP_STATUS_REVOKED,
	OCSP_STATUS_UNKNOWN,		/* the responder does not know it */
	OCSP_STATUS_UNAVAILABLE,	/* no valid answer at all */
};

struct ocsp_result {
	enum ocsp_cert_status status;
	enum wpv_reason reason;	/* NONE when accepted, else what to report */
	bool cached;		/* answered from the cache, no request */
	bool by_policy;		/* decided by ocsp_policy, not the responder */
	int crl_reason;		/* revocation reason, -1 if not given */
};

int ocsp_new(const struct ocsp_config *cfg, X509_STORE *trust,
	     struct ocsp **out);
void ocsp_free(struct ocsp *o);
int ocsp_check(struct ocsp *o, X509 *leaf, X509 *issuer,
	       struct ocsp_result *res);
const char *ocsp_status_name(enum ocsp_cert_status status);
time_t ocsp_cache_until(time_t now, time_t next_update, unsigned int max_age);

#endif /* WPV_OCSP_H */
