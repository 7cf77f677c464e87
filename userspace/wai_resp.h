/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Codec for the WAI header and the signature verification request and
 * response bodies (layouts in include/uapi/linux/wapi_preview.h).
 *
 * Decoders never copy variable-length fields: the views they fill point
 * into the caller's buffer and live as long as it does.  Every length is
 * checked against what is left before it is used; the first problem found
 * is returned as a negative enum wpv_wai_err.
 *
 * One reading of the signature attribute is this project's own: a station
 * that has no certificate (its key is provisioned on the AP) sends an empty
 * identity, i.e. identity id 1 and length 0.  With a certificate the
 * identity holds exactly its DER subject, DER issuer and DER serial number.
 */
#ifndef _WPV_WAI_RESP_H
#define _WPV_WAI_RESP_H

#include "wpv_portable.h"
#include <linux/wapi_preview.h>

#define WPV_WAI_ATTR_SIGNATURE	1
#define WPV_WAI_IDENTITY_X509	1
#define WPV_WAI_HASH_SHA256	1
#define WPV_WAI_SIG_ECDSA	1
#define WPV_WAI_PARAM_OID	1
#define WPV_WAI_CERT_X509V3	1
/* r | s of the largest curve OpenSSL offers (P-521, 66 bytes each). */
#define WPV_WAI_SIG_VALUE_MAX	132

/**
 * enum wpv_wai_err - why a WAI packet or body was refused
 * @WPV_WAI_OK: no error
 * @WPV_WAI_ETRUNC: a field runs past the end of the data
 * @WPV_WAI_ETRAILING: bytes are left after the last field
 * @WPV_WAI_ETOOBIG: longer than the protocol allows
 * @WPV_WAI_EHDR: WAI header version, type, reserved, fragment or flag wrong
 * @WPV_WAI_ELENGTH: the WAI header length disagrees with the packet
 * @WPV_WAI_ESUBTYPE: not the subtype expected
 * @WPV_WAI_EFLAG: unknown bits in the body flag
 * @WPV_WAI_EATTR: the signature attribute type is not 1
 * @WPV_WAI_EIDENTITY: identity id not 1, or not subject, issuer, serial
 * @WPV_WAI_EALG: signature algorithm block malformed or not
 *	SHA-256/ECDSA/OID
 * @WPV_WAI_ESIGVALUE: signature value empty, odd or too long
 * @WPV_WAI_ECERT: certificate identifier not 1, or empty certificate
 * @WPV_WAI_ENOSPC: (encoders) the output buffer is too small
 * @WPV_WAI_EINVAL: (encoders) a field given cannot be encoded
 * @__WPV_WAI_EMAX: internal
 */
enum wpv_wai_err {
	WPV_WAI_OK,
	WPV_WAI_ETRUNC,
	WPV_WAI_ETRAILING,
	WPV_WAI_ETOOBIG,
	WPV_WAI_EHDR,
	WPV_WAI_ELENGTH,
	WPV_WAI_ESUBTYPE,
	WPV_WAI_EFLAG,
	WPV_WAI_EATTR,
	WPV_WAI_EIDENTITY,
	WPV_WAI_EALG,
	WPV_WAI_ESIGVALUE,
	WPV_WAI_ECERT,
	WPV_WAI_ENOSPC,
	WPV_WAI_EINVAL,

	__WPV_WAI_EMAX
};

struct wpv_bytes {
	const u8 *data;
	size_t len;
};

/**
 * struct wpv_wai_hdr - the 12-byte WAI header, host order
 * @version: %WPV_WAI_VERSION
 * @type: %WPV_WAI_TYPE
 * @subtype: packet subtype
 * @length: length of the whole packet, header included
 * @seq: packet sequence number of the sender
 * @frag_seq: fragment sequence number, always 0 here
 * @flag: fragment flag, always 0 here
 */
struct wpv_wai_hdr {
	u16 version;
	u8 type;
	u8 subtype;
	u16 length;
	u16 seq;
	u8 frag_seq;
	u8 flag;
};

/**
 * struct wpv_sig_attr - the WAI signature attribute
 * @subject: DER subject name (empty for an empty identity)
 * @issuer: DER issuer name (empty for an empty identity)
 * @serial: DER serial number INTEGER (empty for an empty identity)
 * @hash_alg: %WPV_WAI_HASH_SHA256
 * @sig_alg: %WPV_WAI_SIG_ECDSA
 * @param_type: %WPV_WAI_PARAM_OID
 * @curve_oid: DER OBJECT IDENTIFIER of the curve
 * @value: r | s, each as long as the curve order
 */
struct wpv_sig_attr {
	struct wpv_bytes subject;
	struct wpv_bytes issuer;
	struct wpv_bytes serial;
	u8 hash_alg;
	u8 sig_alg;
	u8 param_type;
	struct wpv_bytes curve_oid;
	struct wpv_bytes value;
};

struct wpv_sig_req {
	u8 flag;
	u8 bssid[6];
	u8 sta_addr[6];
	u8 ap_nonce[WPV_NONCE_LEN];
};

/**
 * struct wpv_sig_resp - a decoded signature verification response body
 * @flag: %WPV_RESP_F_CERT when @cert is present
 * @bssid: first half of the ADDID
 * @sta_addr: second half of the ADDID
 * @ap_nonce: the nonce echoed from the request
 * @sta_nonce: the station's own nonce
 * @sig: the signature attribute
 * @cert: DER certificate, empty when @flag lacks %WPV_RESP_F_CERT
 */
struct wpv_sig_resp {
	u8 flag;
	u8 bssid[6];
	u8 sta_addr[6];
	u8 ap_nonce[WPV_NONCE_LEN];
	u8 sta_nonce[WPV_NONCE_LEN];
	struct wpv_sig_attr sig;
	struct wpv_bytes cert;
};

const char *wpv_wai_strerror(int err);

int wpv_wai_hdr_encode(const struct wpv_wai_hdr *h, u8 *buf, size_t len);
int wpv_wai_hdr_decode(const u8 *buf, size_t len, struct wpv_wai_hdr *h);

int wpv_sig_req_encode(const struct wpv_sig_req *req, u8 *buf, size_t len);
int wpv_sig_req_decode(const u8 *buf, size_t len, struct wpv_sig_req *req);

int wpv_sig_resp_encode(const struct wpv_sig_resp *resp, u8 *buf,
			size_t len);
int wpv_sig_resp_decode(const u8 *buf, size_t len, struct wpv_sig_resp *resp);

#endif /* _WPV_WAI_RESP_H */
