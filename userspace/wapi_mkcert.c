// SPDX-License-Identifier: GPL-2.0
/*
 * wpv-wapi-pki: make and check WAPI test certificates.
 *
 *   wpv-wapi-pki ca     -o CERT -k KEY [-s SUBJECT] [-n SERIAL]
 *                       [--start DAYS] [--days DAYS]
 *   wpv-wapi-pki cert   -c CA_CERT -K CA_KEY -o CERT -k KEY [-s SUBJECT]
 *                       [-n SERIAL] [--start DAYS] [--days DAYS] [--ca]
 *                       [--key-usage USAGE]
 *   wpv-wapi-pki crl    -c CA_CERT -K CA_KEY -o CRL [--start DAYS]
 *                       [--days DAYS] [REVOKED_CERT...]
 *   wpv-wapi-pki verify -c CA_CERT [-c ...] [-u INTERMEDIATE] [-l CRL]
 *                       CERT
 *
 * --start is the start of validity in days from now (negative for the
 * past), --days its length.  Keys are new, written as SEC1 PEM with the
 * curve OID, mode 0600.  Certificates and CRLs are PEM.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/pem.h>

#include "wapi_pki.h"

#define DAY	86400L

struct opts {
	const char *out;
	const char *key;
	const char *subject;
	const char *key_usage;
	const char *ca_key;
	STACK_OF(X509) *ca;
	STACK_OF(X509) *untrusted;
	STACK_OF(X509_CRL) *crls;
	long serial;
	long start;
	long days;
	bool is_ca;
};

static int fail(const char *what, const char *path, int err)
{
	fprintf(stderr, "wpv-wapi-pki: %s %s: %s\n", what, path ? path : "",
		wapi_ec_strerror(err));
	return 1;
}

static X509 *read_cert(const char *path)
{
	X509 *x = NULL;
	BIO *in;

	in = BIO_new_file(path, "r");
	if (in)
		x = PEM_read_bio_X509(in, NULL, NULL, NULL);
	BIO_free(in);
	if (!x)
		fprintf(stderr, "wpv-wapi-pki: cannot read certificate %s\n",
			path);
	return x;
}

static X509_CRL *read_crl(const char *path)
{
	X509_CRL *crl = NULL;
	BIO *in;

	in = BIO_new_file(path, "r");
	if (in)
		crl = PEM_read_bio_X509_CRL(in, NULL, NULL, NULL);
	BIO_free(in);
	if (!crl)
		fprintf(stderr, "wpv-wapi-pki: cannot read CRL %s\n", path);
	return crl;
}

static int write_pem(const char *path, X509 *x, X509_CRL *crl)
{
	BIO *out;
	int ok;

	out = BIO_new_file(path, "w");
	if (!out)
		return fail("cannot write", path, -WAPI_EC_E_IO);
	ok = x ? PEM_write_bio_X509(out, x) : PEM_write_bio_X509_CRL(out, crl);
	if (BIO_free(out) != 1 || !ok)
		return fail("cannot write", path, -WAPI_EC_E_IO);
	return 0;
}

/* ca and cert: a new key, a certificate for it, both written out. */
static int cmd_issue(struct opts *o, bool self)
{
	struct wapi_pki_cert req = {
		.subject = o->subject,
		.serial = o->serial,
		.not_before = time(NULL) + o->start * DAY,
		.ca = self || o->is_ca,
		.key_usage = o->key_usage,
	};
	EVP_PKEY *key = NULL, *ca_key = NULL;
	X509 *issuer = NULL, *x = NULL;
	int err, rc = 1;

	req.not_after = req.not_before + o->days * DAY;
	if (!o->out || !o->key || (!self && (!o->ca || !o->ca_key))) {
		fprintf(stderr, "wpv-wapi-pki: missing -o, -k, -c or -K\n");
		return 2;
	}
	if (!self) {
		issuer = sk_X509_value(o->ca, 0);
		err = wapi_ec_key_load(o->ca_key, &ca_key);
		if (err)
			return fail("cannot load key", o->ca_key, err);
	}

	err = wapi_ec_generate(&key);
	if (!err)
		err = wapi_pki_issue_cert(&req, key, issuer,
					  self ? key : ca_key, &x);
	if (err) {
		fail("cannot issue", o->out, err);
		goto out;
	}
	err = wapi_ec_key_save(o->key, key, WAPI_KEY_FORM_OID);
	if (err) {
		fail("cannot write", o->key, err);
		goto out;
	}
	rc = write_pem(o->out, x, NULL);
out:
	X509_free(x);
	EVP_PKEY_free(ca_key);
	EVP_PKEY_free(key);
	return rc;
}

static int cmd_crl(struct opts *o, int argc, char **argv)
{
	time_t now = time(NULL) + o->start * DAY;
	EVP_PKEY *ca_key = NULL;
	X509_CRL *crl = NULL;
	X509 **revoked;
	int i, n = 0, err, rc = 1;

	if (!o->out || !o->ca || !o->ca_key) {
		fprintf(stderr, "wpv-wapi-pki: missing -o, -c or -K\n");
		return 2;
	}
	revoked = calloc((size_t)argc + 1, sizeof(*revoked));
	if (!revoked)
		return fail("cannot issue", o->out, -WAPI_EC_E_NOMEM);
	for (i = 0; i < argc; i++, n++) {
		revoked[i] = read_cert(argv[i]);
		if (!revoked[i])
			goto out;
	}
	err = wapi_ec_key_load(o->ca_key, &ca_key);
	if (err) {
		fail("cannot load key", o->ca_key, err);
		goto out;
	}
	err = wapi_pki_issue_crl(sk_X509_value(o->ca, 0), ca_key, revoked,
				 (size_t)n, now, now + o->days * DAY, &crl);
	if (err)
		fail("cannot issue", o->out, err);
	else
		rc = write_pem(o->out, NULL, crl);
out:
	X509_CRL_free(crl);
	EVP_PKEY_free(ca_key);
	for (i = 0; i < n; i++)
		X509_free(revoked[i]);
	free(revoked);
	return rc;
}

static int cmd_verify(struct opts *o, int argc, char **argv)
{
	enum wpv_reason reason;
	X509 *x;
	int err;

	if (argc != 1 || !o->ca) {
		fprintf(stderr, "wpv-wapi-pki: verify needs -c and one CERT\n");
		return 2;
	}
	x = read_cert(argv[0]);
	if (!x)
		return 1;
	err = wapi_cert_verify_chain_ex(x, o->untrusted, o->ca, o->crls,
					time(NULL), &reason);
	if (err)
		printf("%s: FAIL: %s (reason %d)\n", argv[0],
		       wapi_ec_strerror(err), reason);
	else
		printf("%s: OK\n", argv[0]);
	X509_free(x);
	return err ? 1 : 0;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: wpv-wapi-pki ca -o CERT -k KEY [-s SUBJECT] [-n SERIAL] [--start DAYS] [--days DAYS]\n"
		"       wpv-wapi-pki cert -c CA_CERT -K CA_KEY -o CERT -k KEY [-s SUBJECT] [-n SERIAL]\n"
		"                         [--start DAYS] [--days DAYS] [--ca] [--key-usage USAGE]\n"
		"       wpv-wapi-pki crl -c CA_CERT -K CA_KEY -o CRL [--start DAYS] [--days DAYS] [CERT...]\n"
		"       wpv-wapi-pki verify -c CA_CERT [-u INTERMEDIATE] [-l CRL] CERT\n");
}

static const struct option long_opts[] = {
	{ "start", required_argument, NULL, 'S' },
	{ "days", required_argument, NULL, 'D' },
	{ "ca", no_argument, NULL, 'A' },
	{ "key-usage", required_argument, NULL, 'U' },
	{ NULL, 0, NULL, 0 },
};

static bool push_cert(STACK_OF(X509) **sk, const char *path)
{
	X509 *x = read_cert(path);

	if (!*sk)
		*sk = sk_X509_new_null();
	if (x && *sk && sk_X509_push(*sk, x))
		return true;
	X509_free(x);
	return false;
}

static bool push_crl(STACK_OF(X509_CRL) **sk, const char *path)
{
	X509_CRL *crl = read_crl(path);

	if (!*sk)
		*sk = sk_X509_CRL_new_null();
	if (crl && *sk && sk_X509_CRL_push(*sk, crl))
		return true;
	X509_CRL_free(crl);
	return false;
}

/* 0, 1 if a file named cannot be read, 2 for a usage error. */
static int parse_opt(struct opts *o, int c)
{
	char *end;
	long *num;

	switch (c) {
	case 'o': o->out = optarg; return 0;
	case 'k': o->key = optarg; return 0;
	case 'K': o->ca_key = optarg; return 0;
	case 's': o->subject = optarg; return 0;
	case 'U': o->key_usage = optarg; return 0;
	case 'A': o->is_ca = true; return 0;
	case 'c': return push_cert(&o->ca, optarg) ? 0 : 1;
	case 'u': return push_cert(&o->untrusted, optarg) ? 0 : 1;
	case 'l': return push_crl(&o->crls, optarg) ? 0 : 1;
	case 'n': num = &o->serial; break;
	case 'S': num = &o->start; break;
	case 'D': num = &o->days; break;
	default: return 2;
	}
	*num = strtol(optarg, &end, 0);
	if (*end || end == optarg || (num != &o->start && *num <= 0))
		return 2;
	return 0;
}

int main(int argc, char **argv)
{
	struct opts o = {
		.subject = "/O=wapi-preview/CN=WAPI test",
		.serial = 1,
		.days = 365,
	};
	const char *cmd;
	int c, rc;

	if (argc < 2) {
		usage();
		return 2;
	}
	cmd = argv[1];
	optind = 2;
	while ((c = getopt_long(argc, argv, "o:k:K:s:c:u:l:n:", long_opts,
				NULL)) != -1) {
		rc = parse_opt(&o, c);
		if (rc) {
			if (rc == 2)
				usage();
			goto out;
		}
	}

	if (!strcmp(cmd, "ca"))
		rc = cmd_issue(&o, true);
	else if (!strcmp(cmd, "cert"))
		rc = cmd_issue(&o, false);
	else if (!strcmp(cmd, "crl"))
		rc = cmd_crl(&o, argc - optind, argv + optind);
	else if (!strcmp(cmd, "verify"))
		rc = cmd_verify(&o, argc - optind, argv + optind);
	else {
		usage();
		rc = 2;
	}
out:
	sk_X509_pop_free(o.ca, X509_free);
	sk_X509_pop_free(o.untrusted, X509_free);
	sk_X509_CRL_pop_free(o.crls, X509_CRL_free);
	return rc;
}
