// SPDX-License-Identifier: GPL-2.0
/*
 * The station's side of the exchange: pick a nonce, sign the transcript
 * and lay out the response body.
 */
#include <errno.h>
#include <openssl/rand.h>

#include "resp_build.h"
#include "sig.h"
#include "wai_resp.h"
#include "wpv_transcript.h"

/**
 * wpv_resp_build() - lay out a response body from its parts
 * @p: the parts
 * @buf: output
 * @len: room at @buf
 *
 * Return: the body length, -EINVAL for a key without a named curve or a
 * certificate that cannot be encoded, -ENOSPC, -ENOMEM.
 */
int wpv_resp_build(const struct wpv_resp_parts *p, u8 *buf, size_t len)
{
	u8 *cert = NULL, *subj = NULL, *iss = NULL, *ser = NULL;
	struct wpv_sig_resp r = { 0 };
	u8 oid[32];
	int n, ret = -EINVAL;

	n = wpv_sig_curve_oid(p->key, oid, sizeof(oid));
	if (n < 0)
		return n;
	memcpy(r.bssid, p->bssid, sizeof(r.bssid));
	memcpy(r.sta_addr, p->sta_addr, sizeof(r.sta_addr));
	memcpy(r.ap_nonce, p->ap_nonce, sizeof(r.ap_nonce));
	memcpy(r.sta_nonce, p->sta_nonce, sizeof(r.sta_nonce));
	r.sig.hash_alg = WPV_WAI_HASH_SHA256;
	r.sig.sig_alg = WPV_WAI_SIG_ECDSA;
	r.sig.param_type = WPV_WAI_PARAM_OID;
	r.sig.curve_oid = (struct wpv_bytes){ oid, n };
	r.sig.value = (struct wpv_bytes){ p->rs, p->rs_len };

	if (p->cert) {
		r.flag = WPV_RESP_F_CERT;
		n = i2d_X509(p->cert, &cert);
		if (n <= 0)
			goto out;
		r.cert = (struct wpv_bytes){ cert, n };
		n = i2d_X509_NAME(X509_get_subject_name(p->cert), &subj);
		if (n <= 0)
			goto out;
		r.sig.subject = (struct wpv_bytes){ subj, n };
		n = i2d_X509_NAME(X509_get_issuer_name(p->cert), &iss);
		if (n <= 0)
			goto out;
		r.sig.issuer = (struct wpv_bytes){ iss, n };
		n = i2d_ASN1_INTEGER(X509_get0_serialNumber(p->cert), &ser);
		if (n <= 0)
			goto out;
		r.sig.serial = (struct wpv_bytes){ ser, n };
	}
	n = wpv_sig_resp_encode(&r, buf, len);
	if (n == -WPV_WAI_ENOSPC)
		ret = -ENOSPC;
	else if (n > 0)
		ret = n;
out:
	OPENSSL_free(cert);
	OPENSSL_free(subj);
	OPENSSL_free(iss);
	OPENSSL_free(ser);
	return ret;
}

/**
 * wpv_resp_sign() - answer a request: fresh nonce, signature, body
 * @key: the station's private key
 * @cert: its certificate, or NULL to send none
 * @ap_addr: the AP's address (the request's source)
 * @sta_addr: the station's own address
 * @bssid: from the request
 * @ap_nonce: from the request
 * @buf: output for the response body
 * @len: room at @buf
 *
 * Return: the body length or a negative errno.
 */
int wpv_resp_sign(EVP_PKEY *key, X509 *cert, const u8 *ap_addr,
		  const u8 *sta_addr, const u8 *bssid, const u8 *ap_nonce,
		  u8 *buf, size_t len)
{
	u8 transcript[WPV_TRANSCRIPT_LEN], sta_nonce[WPV_NONCE_LEN], rs[132];
	struct wpv_transcript_in in = {
		.ap_addr = ap_addr, .sta_addr = sta_addr, .bssid = bssid,
		.ap_nonce = ap_nonce, .sta_nonce = sta_nonce,
	};
	struct wpv_resp_parts parts = {
		.bssid = bssid, .sta_addr = sta_addr, .ap_nonce = ap_nonce,
		.sta_nonce = sta_nonce, .cert = cert, .key = key, .rs = rs,
	};
	int ret;

	if (RAND_bytes(sta_nonce, sizeof(sta_nonce)) != 1)
		return -EIO;
	ret = wpv_transcript_build(&in, transcript, sizeof(transcript));
	if (ret < 0)
		goto out;
	ret = wpv_sig_sign(key, transcript, sizeof(transcript), rs,
			   sizeof(rs));
	if (ret < 0)
		goto out;
	parts.rs_len = ret;
	ret = wpv_resp_build(&parts, buf, len);
out:
	memzero_explicit(sta_nonce, sizeof(sta_nonce));
	return ret;
}
