/* SPDX-License-Identifier: GPL-2.0 */
/* Assemble signature verification responses, as an honest station does. */
#ifndef _WPV_RESP_BUILD_H
#define _WPV_RESP_BUILD_H

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "wpv_portable.h"

/**
 * struct wpv_resp_parts - everything a response body is made of
 * @bssid: from the request
 * @sta_addr: the station's own address
 * @ap_nonce: from the request, echoed
 * @sta_nonce: the station's fresh nonce
 * @cert: the station's certificate, or NULL to send none (and an empty
 *	identity)
 * @key: the signing key, private or public; names the curve
 * @rs: the signature value, r | s
 * @rs_len: its length
 */
struct wpv_resp_parts {
	const u8 *bssid;
	const u8 *sta_addr;
	const u8 *ap_nonce;
	const u8 *sta_nonce;
	X509 *cert;
	EVP_PKEY *key;
	const u8 *rs;
	size_t rs_len;
};

int wpv_resp_build(const struct wpv_resp_parts *p, u8 *buf, size_t len);
int wpv_resp_sign(EVP_PKEY *key, X509 *cert, const u8 *ap_addr,
		  const u8 *sta_addr, const u8 *bssid, const u8 *ap_nonce,
		  u8 *buf, size_t len);

#endif /* _WPV_RESP_BUILD_H */
