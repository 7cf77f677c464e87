/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The WAI packets of the challenge: header, signature verification
 * request and the fixed part of the response.  Plain C, shared by the
 * module, the station responder, the unit tests and the fuzzer.
 */
#ifndef _WPV_WAI_H
#define _WPV_WAI_H

#include "wpv_portable.h"
#include <linux/wapi_preview.h>

#define WPV_WAI_ADDR_LEN	6

/* Largest response packet the module accepts: header and body. */
#define WPV_WAI_RESP_PKT_MAX	(WPV_WAI_HDR_LEN + WPV_SIG_RESP_MAX_LEN)
/* A whole request packet. */
#define WPV_WAI_REQ_PKT_LEN	(WPV_WAI_HDR_LEN + WPV_SIG_REQ_BODY_LEN)

/**
 * struct wpv_wai_hdr - a parsed WAI header
 * @len: length of the whole packet, header included
 * @seq: packet sequence number
 * @subtype: packet subtype
 */
struct wpv_wai_hdr {
	u16 len;
	u16 seq;
	u8 subtype;
};

/**
 * struct wpv_wai_resp - a parsed signature verification response; the
 * pointers point into the packet that was parsed
 * @hdr: its header
 * @flag: the response flag (%WPV_RESP_F_CERT)
 * @bssid: echoed BSSID
 * @sta: echoed station address
 * @ap_nonce: echoed AP nonce
 * @sta_nonce: the station's nonce
 * @body: everything after the WAI header
 * @body_len: length of @body
 */
struct wpv_wai_resp {
	struct wpv_wai_hdr hdr;
	u8 flag;
	const u8 *bssid;
	const u8 *sta;
	const u8 *ap_nonce;
	const u8 *sta_nonce;
	const u8 *body;
	size_t body_len;
};

int wpv_wai_hdr_parse(const u8 *buf, size_t len, struct wpv_wai_hdr *hdr);
void wpv_wai_hdr_build(u8 *buf, u8 subtype, u16 len, u16 seq);
int wpv_wai_req_build(u8 *buf, size_t cap, u16 seq, const u8 *bssid,
		      const u8 *sta, const u8 *ap_nonce);
int wpv_wai_resp_parse(const u8 *buf, size_t len, struct wpv_wai_resp *resp);
bool wpv_wai_resp_matches(const struct wpv_wai_resp *resp, const u8 *bssid,
			  const u8 *sta, const u8 *ap_nonce);

#endif /* _WPV_WAI_H */
