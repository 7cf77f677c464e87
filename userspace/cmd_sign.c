// SPDX-License-Identifier: GPL-2.0
/*
 * wpv sign: sign a file with the responder's signing code, so an
 * independent ECDSA implementation (openssl dgst -verify) can check it.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <openssl/crypto.h>

#include "sig.h"
#include "util.h"
#include "wpv.h"
#include "wpv_portable.h"

#define WPV_SIGN_MAX_INPUT	65536

static int write_sig(const char *path, const u8 *rs, int rs_len, bool raw)
{
	u8 *der = NULL;
	int n, ret;

	if (raw)
		return wpv_write_file(path, rs, rs_len);
	n = wpv_sig_raw_to_der(rs, rs_len, &der);
	if (n < 0)
		return n;
	ret = wpv_write_file(path, der, n);
	OPENSSL_free(der);
	return ret;
}

int wpv_sign_main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "input", required_argument, NULL, 'i' },
		{ "output", required_argument, NULL, 'o' },
		{ "raw", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	const char *key_path = NULL, *in_path = NULL, *out_path = "/dev/stdout";
	EVP_PKEY *key = NULL;
	u8 *msg = NULL, rs[132];
	bool raw = false;
	size_t msg_len;
	int opt, ret, rs_len;

	while ((opt = getopt_long(argc, argv, "k:i:o:r", opts, NULL)) != -1) {
		switch (opt) {
		case 'k':
			key_path = optarg;
			break;
		case 'i':
			in_path = optarg;
			break;
		case 'o':
			out_path = optarg;
			break;
		case 'r':
			raw = true;
			break;
		default:
			return WPV_EXIT_USAGE;
		}
	}
	if (!key_path || !in_path) {
		fprintf(stderr, "usage: wpv sign -k KEYFILE -i FILE [-o SIG] [--raw]\n");
		return WPV_EXIT_USAGE;
	}
	key = wpv_sig_load_private(key_path);
	if (!key) {
		fprintf(stderr, "wpv sign: %s: no EC private key\n", key_path);
		return 1;
	}
	ret = wpv_read_file(in_path, WPV_SIGN_MAX_INPUT, &msg, &msg_len);
	if (ret) {
		fprintf(stderr, "wpv sign: %s: %s\n", in_path, strerror(-ret));
		goto out;
	}
	rs_len = wpv_sig_sign(key, msg, msg_len, rs, sizeof(rs));
	ret = rs_len < 0 ? rs_len : write_sig(out_path, rs, rs_len, raw);
	if (ret)
		fprintf(stderr, "wpv sign: %s\n", strerror(-ret));
out:
	free(msg);
	EVP_PKEY_free(key);
	return ret ? 1 : 0;
}
