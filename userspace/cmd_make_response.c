// SPDX-License-Identifier: GPL-2.0
/*
 * wpv make-response: wrap a DER signature made elsewhere (openssl dgst
 * -sign) into a response body, so the agent's whole verification can be
 * run on it with wpv verify-response.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <openssl/pem.h>

#include "resp_build.h"
#include "sig.h"
#include "util.h"
#include "wpv.h"
#include "wai_resp.h"

static X509 *read_cert(const char *path)
{
	X509 *cert;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		return NULL;
	cert = PEM_read_X509(f, NULL, NULL, NULL);
	fclose(f);
	return cert;
}

static int build(struct wpv_resp_parts *p, const char *sig_path,
		 const char *out_path)
{
	u8 rs[132], body[WPV_SIG_RESP_MAX_LEN], *der = NULL;
	size_t der_len;
	int n;

	n = wpv_read_file(sig_path, 1024, &der, &der_len);
	if (n) {
		fprintf(stderr, "wpv make-response: %s: %s\n", sig_path,
			strerror(-n));
		return 1;
	}
	n = wpv_sig_der_to_raw(der, der_len, wpv_sig_order_len(p->key), rs,
			       sizeof(rs));
	free(der);
	if (n < 0) {
		fprintf(stderr, "wpv make-response: %s: not a DER ECDSA signature for this key\n",
			sig_path);
		return 1;
	}
	p->rs = rs;
	p->rs_len = n;
	n = wpv_resp_build(p, body, sizeof(body));
	if (n < 0) {
		fprintf(stderr, "wpv make-response: cannot build: %s\n",
			strerror(-n));
		return 1;
	}
	n = wpv_write_file(out_path, body, n);
	if (n) {
		fprintf(stderr, "wpv make-response: %s: %s\n", out_path,
			strerror(-n));
		return 1;
	}
	return 0;
}

int wpv_make_response_main(int argc, char **argv)
{
	static const struct option opts[] = {
		WPV_CLI_FACT_OPTIONS,
		{ "sig", required_argument, NULL, 's' },
		{ "cert", required_argument, NULL, 'c' },
		{ "pubkey", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *sig = NULL, *cert_path = NULL, *pub = NULL;
	const char *out = "/dev/stdout";
	struct wpv_cli_facts f = { 0 };
	struct wpv_resp_parts p = { 0 };
	int opt, ret;

	while ((opt = getopt_long(argc, argv, "s:c:p:o:", opts, NULL)) != -1) {
		ret = wpv_cli_fact(&f, opt, optarg);
		if (ret < 0)
			return WPV_EXIT_USAGE;
		if (ret)
			continue;
		switch (opt) {
		case 's':
			sig = optarg;
			break;
		case 'c':
			cert_path = optarg;
			break;
		case 'p':
			pub = optarg;
			break;
		case 'o':
			out = optarg;
			break;
		default:
			return WPV_EXIT_USAGE;
		}
	}
	if (!sig || !cert_path == !pub ||
	    wpv_cli_need(&f, WPV_CLI_STA | WPV_CLI_BSSID | WPV_CLI_AP_NONCE |
			 WPV_CLI_STA_NONCE)) {
		fprintf(stderr, "usage: wpv make-response --bssid MAC --sta MAC --ap-nonce HEX --sta-nonce HEX -s SIG (-c CERTFILE | -p PUBKEYFILE) [-o FILE]\n");
		return WPV_EXIT_USAGE;
	}
	if (cert_path) {
		p.cert = read_cert(cert_path);
		p.key = p.cert ? X509_get_pubkey(p.cert) : NULL;
	} else {
		p.key = wpv_sig_load_public(pub);
	}
	if (!p.key) {
		fprintf(stderr, "wpv make-response: %s: no EC key\n",
			cert_path ? cert_path : pub);
		X509_free(p.cert);
		return 1;
	}
	p.bssid = f.bssid;
	p.sta_addr = f.sta_addr;
	p.ap_nonce = f.ap_nonce;
	p.sta_nonce = f.sta_nonce;
	ret = build(&p, sig, out);
	EVP_PKEY_free(p.key);
	X509_free(p.cert);
	return ret;
}
