// SPDX-License-Identifier: GPL-2.0
/*
 * OCSP client: one request per certificate over HTTP with a nonce, the
 * response verified against the trusted CAs (the responder must be the
 * issuing CA or a responder it delegated to), and good or revoked answers
 * cached per certificate id until the response's nextUpdate, or for
 * ocsp_max_age seconds when the responder gives none.
 *
 * ocsp_check() waits for the responder for up to ocsp_timeout seconds;
 * the agent calls it before sending its verdict.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>

#include <openssl/err.h>
#include <openssl/http.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>

#include "ocsp.h"

#define OCSP_CACHE_MAX		1024
/* Clock skew tolerated on thisUpdate and nextUpdate, in seconds. */
#define OCSP_SKEW		300

struct ocsp_entry {
	OCSP_CERTID *id;
	enum ocsp_cert_status status;
	int crl_reason;
	time_t until;
};

struct ocsp {
	struct ocsp_config cfg;
	X509_STORE *trust;
	char *host, *port, *path;
	pthread_mutex_t lock;		/* protects the cache */
	struct ocsp_entry cache[OCSP_CACHE_MAX];
	unsigned int cached;
};

/* What one exchange with the responder learned. */
struct ocsp_answer {
	enum ocsp_cert_status status;
	int crl_reason;
	time_t next_update;		/* 0: none given */
};

const char *ocsp_status_name(enum ocsp_cert_status status)
{
	switch (status) {
	case OCSP_STATUS_GOOD:
		return "good";
	case OCSP_STATUS_REVOKED:
		return "revoked";
	case OCSP_STATUS_UNKNOWN:
		return "unknown";
	default:
		return "unavailable";
	}
}

/**
 * ocsp_cache_until() - how long an answer may be reused
 * @now: the time now
 * @next_update: the response's nextUpdate, 0 if it has none
 * @max_age: ocsp_max_age
 *
 * Return: the time until which the answer is good, or 0 not to cache it.
 */
time_t ocsp_cache_until(time_t now, time_t next_update, unsigned int max_age)
{
	if (next_update)
		return next_update > now ? next_update : 0;
	return max_age ? now + max_age : 0;
}

static void ocsp_log_openssl(const char *what)
{
	unsigned long e = ERR_get_error();
	char buf[256];

	if (e)
		ERR_error_string_n(e, buf, sizeof(buf));
	else
		strcpy(buf, "no detail");
	ERR_clear_error();
	syslog(LOG_WARNING, "ocsp: %s: %s", what, buf);
}

static X509_STORE *ocsp_load_trust(const char *ca_file)
{
	X509_STORE *store = X509_STORE_new();

	if (store && X509_STORE_load_file(store, ca_file) == 1)
		return store;
	ocsp_log_openssl(ca_file);
	X509_STORE_free(store);
	return NULL;
}

/**
 * ocsp_new() - set up a client for the configured responder
 * @cfg: responder URL (http only), timeout, policy, cache age, CA file
 * @trust: CAs trusted to sign responses, or NULL to load @cfg->ca_file;
 *	a reference is taken
 * @out: receives the client
 *
 * Return: 0 or a negative errno (logged).
 */
int ocsp_new(const struct ocsp_config *cfg, X509_STORE *trust,
	     struct ocsp **out)
{
	struct ocsp *o;
	int use_ssl = 0;

	o = calloc(1, sizeof(*o));
	if (!o)
		return -ENOMEM;
	o->cfg = *cfg;
	pthread_mutex_init(&o->lock, NULL);
	if (!OSSL_HTTP_parse_url(cfg->url, &use_ssl, NULL, &o->host, &o->port,
				 NULL, &o->path, NULL, NULL) || use_ssl) {
		syslog(LOG_ERR, "ocsp: ocsp_url '%s' is not an http:// URL",
		       cfg->url);
		ERR_clear_error();
		ocsp_free(o);
		return -EINVAL;
	}
	if (trust && X509_STORE_up_ref(trust))
		o->trust = trust;
	else if (!trust)
		o->trust = ocsp_load_trust(cfg->ca_file);
	if (!o->trust) {
		ocsp_free(o);
		return -EINVAL;
	}
	*out = o;
	return 0;
}

void ocsp_free(struct ocsp *o)
{
	unsigned int i;

	if (!o)
		return;
	for (i = 0; i < o->cached; i++)
		OCSP_CERTID_free(o->cache[i].id);
	X509_STORE_free(o->trust);
	OPENSSL_free(o->host);
	OPENSSL_free(o->port);
	OPENSSL_free(o->path);
	pthread_mutex_destroy(&o->lock);
	free(o);
}

static bool cache_lookup(struct ocsp *o, OCSP_CERTID *id,
			 struct ocsp_answer *ans)
{
	time_t now = time(NULL);
	bool hit = false;
	unsigned int i;

	pthread_mutex_lock(&o->lock);
	for (i = 0; i < o->cached; i++) {
		struct ocsp_entry *e = &o->cache[i];

		if (OCSP_id_cmp(e->id, id))
			continue;
		if (now < e->until) {
			ans->status = e->status;
			ans->crl_reason = e->crl_reason;
			hit = true;
		}
		break;
	}
	pthread_mutex_unlock(&o->lock);
	return hit;
}

/* The slot for id: its old entry, a free one, or the soonest to expire. */
static struct ocsp_entry *cache_slot(struct ocsp *o, OCSP_CERTID *id)
{
	struct ocsp_entry *victim = NULL;
	unsigned int i;

	for (i = 0; i < o->cached; i++) {
		if (!OCSP_id_cmp(o->cache[i].id, id))
			return &o->cache[i];
		if (!victim || o->cache[i].until < victim->until)
			victim = &o->cache[i];
	}
	if (o->cached < OCSP_CACHE_MAX)
		return &o->cache[o->cached++];
	return victim;
}

static void cache_store(struct ocsp *o, OCSP_CERTID *id,
			const struct ocsp_answer *ans)
{
	time_t until = ocsp_cache_until(time(NULL), ans->next_update,
					o->cfg.max_age);
	struct ocsp_entry *e;
	OCSP_CERTID *dup;

	if (!until || ans->status == OCSP_STATUS_UNAVAILABLE)
		return;
	dup = OCSP_CERTID_dup(id);
	if (!dup)
		return;
	pthread_mutex_lock(&o->lock);
	e = cache_slot(o, id);
	OCSP_CERTID_free(e->id);
	e->id = dup;
	e->status = ans->status;
	e->crl_reason = ans->crl_reason;
	e->until = until;
	pthread_mutex_unlock(&o->lock);
}

static OCSP_RESPONSE *ocsp_exchange(struct ocsp *o, OCSP_REQUEST *req)
{
	OCSP_RESPONSE *resp = NULL;
	BIO *req_bio, *rsp_bio;

	req_bio = BIO_new(BIO_s_mem());
	if (!req_bio || i2d_OCSP_REQUEST_bio(req_bio, req) <= 0) {
		BIO_free(req_bio);
		return NULL;
	}
	rsp_bio = OSSL_HTTP_transfer(NULL, o->host, o->port, o->path, 0,
				     NULL, NULL, NULL, NULL, NULL, NULL, 0,
				     NULL, "application/ocsp-request", req_bio,
				     "application/ocsp-response", 1, 0,
				     o->cfg.timeout, 0);
	if (rsp_bio)
		resp = d2i_OCSP_RESPONSE_bio(rsp_bio, NULL);
	BIO_free(rsp_bio);
	BIO_free(req_bio);
	return resp;
}

static time_t asn1_to_time(const ASN1_GENERALIZEDTIME *t)
{
	struct tm tm;

	if (!t || !ASN1_TIME_to_tm(t, &tm))
		return 0;
	return timegm(&tm);
}

/* Check a basic response and find id in it; 0 on success. */
static int ocsp_read_basic(struct ocsp *o, OCSP_REQUEST *req,
			   OCSP_BASICRESP *bs, X509 *issuer, OCSP_CERTID *id,
			   struct ocsp_answer *ans)
{
	ASN1_GENERALIZEDTIME *rev, *thisupd, *nextupd;
	STACK_OF(X509) *extra;
	int status, reason, ok;

	/* A responder may leave the nonce out (1 and -1 accepted). */
	if (OCSP_check_nonce(req, bs) == 0) {
		syslog(LOG_WARNING, "ocsp: response nonce does not match");
		return -EPROTO;
	}
	extra = sk_X509_new_null();
	if (!extra || !sk_X509_push(extra, issuer)) {
		sk_X509_free(extra);
		return -ENOMEM;
	}
	ok = OCSP_basic_verify(bs, extra, o->trust, 0);
	sk_X509_free(extra);
	if (ok <= 0) {
		ocsp_log_openssl("response signature does not verify");
		return -EPROTO;
	}
	if (!OCSP_resp_find_status(bs, id, &status, &reason, &rev, &thisupd,
				   &nextupd)) {
		syslog(LOG_WARNING, "ocsp: response does not cover the certificate");
		return -EPROTO;
	}
	if (!OCSP_check_validity(thisupd, nextupd, OCSP_SKEW, -1)) {
		ocsp_log_openssl("response is not current");
		return -EPROTO;
	}
	ans->status = status == V_OCSP_CERTSTATUS_GOOD ? OCSP_STATUS_GOOD :
		      status == V_OCSP_CERTSTATUS_REVOKED ?
		      OCSP_STATUS_REVOKED : OCSP_STATUS_UNKNOWN;
	ans->crl_reason = status == V_OCSP_CERTSTATUS_REVOKED ? reason : -1;
	ans->next_update = asn1_to_time(nextupd);
	return 0;
}

static int ocsp_query(struct ocsp *o, X509 *issuer, OCSP_CERTID *id,
		      struct ocsp_answer *ans)
{
	OCSP_BASICRESP *bs = NULL;
	OCSP_RESPONSE *resp = NULL;
	OCSP_CERTID *req_id;
	OCSP_REQUEST *req;
	int ret = -ENOMEM;

	req = OCSP_REQUEST_new();
	req_id = OCSP_CERTID_dup(id);
	if (!req || !req_id || !OCSP_request_add0_id(req, req_id)) {
		OCSP_CERTID_free(req_id);
		goto out;
	}
	if (!OCSP_request_add1_nonce(req, NULL, -1))
		goto out;
	resp = ocsp_exchange(o, req);
	if (!resp) {
		ocsp_log_openssl("no response from the responder");
		ret = -EHOSTUNREACH;
		goto out;
	}
	if (OCSP_response_status(resp) != OCSP_RESPONSE_STATUS_SUCCESSFUL) {
		syslog(LOG_WARNING, "ocsp: responder says %s",
		       OCSP_response_status_str(OCSP_response_status(resp)));
		ret = -EPROTO;
		goto out;
	}
	bs = OCSP_response_get1_basic(resp);
	ret = bs ? ocsp_read_basic(o, req, bs, issuer, id, ans) : -EPROTO;
out:
	OCSP_BASICRESP_free(bs);
	OCSP_RESPONSE_free(resp);
	OCSP_REQUEST_free(req);
	ERR_clear_error();
	return ret;
}

static void ocsp_serial(X509 *leaf, char *buf, size_t len)
{
	BIGNUM *bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(leaf), NULL);
	char *hex = bn ? BN_bn2hex(bn) : NULL;

	snprintf(buf, len, "%s", hex ? hex : "?");
	OPENSSL_free(hex);
	BN_free(bn);
}

/* Good passes, revoked fails, no usable answer follows the policy. */
static int ocsp_decide(struct ocsp *o, X509 *leaf, struct ocsp_result *res)
{
	bool open = o->cfg.policy == OCSP_POLICY_FAIL_OPEN;
	char serial[80];

	switch (res->status) {
	case OCSP_STATUS_GOOD:
		res->reason = WPV_REASON_NONE;
		return 0;
	case OCSP_STATUS_REVOKED:
		ocsp_serial(leaf, serial, sizeof(serial));
		syslog(LOG_NOTICE, "ocsp: certificate %s is revoked (reason %d)",
		       serial, res->crl_reason);
		res->reason = WPV_REASON_CERT_REVOKED;
		return -EACCES;
	default:
		break;
	}
	ocsp_serial(leaf, serial, sizeof(serial));
	res->by_policy = true;
	syslog(LOG_WARNING, "ocsp: status of certificate %s is %s; policy fail-%s: %s",
	       serial, ocsp_status_name(res->status), open ? "open" : "closed",
	       open ? "accepting" : "refusing");
	res->reason = open ? WPV_REASON_NONE : WPV_REASON_STATUS_UNKNOWN;
	return open ? 0 : -EACCES;
}

/**
 * ocsp_check() - is this certificate acceptable as far as OCSP goes?
 * @o: the client
 * @leaf: the station's certificate
 * @issuer: the certificate of the CA that issued it
 * @res: receives the status, where it came from and the reason to report
 *
 * Return: 0 to accept (good, or no status under fail-open), -EACCES to
 * refuse (@res->reason is %WPV_REASON_CERT_REVOKED or
 * %WPV_REASON_STATUS_UNKNOWN), -ENOMEM.
 */
int ocsp_check(struct ocsp *o, X509 *leaf, X509 *issuer,
	       struct ocsp_result *res)
{
	struct ocsp_answer ans = { OCSP_STATUS_UNAVAILABLE, -1, 0 };
	OCSP_CERTID *id;

	memset(res, 0, sizeof(*res));
	res->crl_reason = -1;
	id = OCSP_cert_to_id(NULL, leaf, issuer);
	if (!id)
		return -ENOMEM;
	if (cache_lookup(o, id, &ans)) {
		res->cached = true;
	} else if (!ocsp_query(o, issuer, id, &ans)) {
		cache_store(o, id, &ans);
	} else {
		ans.status = OCSP_STATUS_UNAVAILABLE;
	}
	OCSP_CERTID_free(id);
	res->status = ans.status;
	res->crl_reason = ans.crl_reason;
	return ocsp_decide(o, leaf, res);
}
