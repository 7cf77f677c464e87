// SPDX-License-Identifier: GPL-2.0
/*
 * wpv verify-sig: check a signature over a file with the agent's signature
 * check, so signatures from an independent implementation (openssl dgst
 * -sign) can be shown to verify.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <openssl/pem.h>

#include "sig.h"
#include "util.h"
#include "wpv.h"
#include "wpv_portable.h"

#define WPV_VSIG_MAX_INPUT	65536

static EVP_PKEY *load_cert_key(const char *path)
{
	EVP_PKEY *key = NULL;
	X509 *cert;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		return NULL;
	cert = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	if (cert)
		key = X509_get_pubkey(cert);
	X509_free(cert);
	return key;
}

/* Bring the signature to r | s at the key's width. */
static int to_raw(EVP_PKEY *key, const u8 *sig, size_t len, bool raw,
		  u8 *rs, size_t rs_size)
{
	int order = wpv_sig_order_len(key);

	if (order < 0)
		return order;
	if (raw) {
		if (len > rs_size)
			return -EINVAL;
		memcpy(rs, sig, len);
		return len;
	}
	return wpv_sig_der_to_raw(sig, len, order, rs, rs_size);
}

int wpv_verify_sig_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "cert", required_argument, NULL, 'c' },
		{ "pubkey", required_argument, NULL, 'p' },
		{ "input", required_argument, NULL, 'i' },
		{ "sig", required_argument, NULL, 's' },
		{ "raw", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cert = NULL, *pub = NULL, *in = NULL, *sig_path = NULL;
	u8 *msg = NULL, *sig = NULL, rs[132];
	size_t msg_len, sig_len;
	EVP_PKEY *key = NULL;
	bool raw = false;
	int opt, ret = 1, n;

	while ((opt = getopt_long(argc, argv, "c:p:i:s:r", opts, NULL)) != -1) {
		switch (opt) {
		case 'c':
			cert = optarg;
			break;
		case 'p':
			pub = optarg;
			break;
		case 'i':
			in = optarg;
			break;
		case 's':
			sig_path = optarg;
			break;
		case 'r':
			raw = true;
			break;
		default:
			return WPV_EXIT_USAGE;
		}
	}
	if (!in || !sig_path || !cert == !pub) {
		fprintf(stderr, "usage: wpv verify-sig (-c CERTFILE | -p PUBKEYFILE) -i FILE -s SIG [--raw]\n");
		return WPV_EXIT_USAGE;
	}
	key = cert ? load_cert_key(cert) : wpv_sig_load_public(pub);
	if (!key) {
		fprintf(stderr, "wpv verify-sig: %s: no EC public key\n",
			cert ? cert : pub);
		return 1;
	}
	if (wpv_read_file(in, WPV_VSIG_MAX_INPUT, &msg, &msg_len) ||
	    wpv_read_file(sig_path, 1024, &sig, &sig_len)) {
		fprintf(stderr, "wpv verify-sig: cannot read %s or %s\n", in,
			sig_path);
		goto out;
	}
	n = to_raw(key, sig, sig_len, raw, rs, sizeof(rs));
	if (n < 0) {
		fprintf(stderr, "wpv verify-sig: %s: not a signature for this key\n",
			sig_path);
		goto out;
	}
	n = wpv_sig_verify(key, msg, msg_len, rs, n);
	printf("%s\n", n == 1 ? "good signature" : "bad signature");
	ret = n == 1 ? 0 : 1;
out:
	free(msg);
	free(sig);
	EVP_PKEY_free(key);
	return ret;
}
