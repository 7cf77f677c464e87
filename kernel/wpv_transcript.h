/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The bytes a station signs to answer a signature verification request.
 * Layout in include/uapi/linux/wapi_preview.h ("What is signed").
 */
#ifndef _WPV_TRANSCRIPT_H
#define _WPV_TRANSCRIPT_H

#include "wpv_portable.h"
#include <linux/wapi_preview.h>

#define WPV_ADDR_LEN		6
#define WPV_TRANSCRIPT_LABEL_LEN	(sizeof(WPV_TRANSCRIPT_LABEL) - 1)
#define WPV_TRANSCRIPT_LEN	(WPV_TRANSCRIPT_LABEL_LEN + 3 * WPV_ADDR_LEN + \
				 2 * WPV_NONCE_LEN)

/**
 * struct wpv_transcript_in - what binds a signature to one challenge
 * @ap_addr: the AP's own address
 * @sta_addr: the station's address
 * @bssid: the BSSID the station is associated with
 * @ap_nonce: the nonce the AP sent in its request
 * @sta_nonce: the nonce the station chose for its answer
 */
struct wpv_transcript_in {
	const u8 *ap_addr;
	const u8 *sta_addr;
	const u8 *bssid;
	const u8 *ap_nonce;
	const u8 *sta_nonce;
};

int wpv_transcript_build(const struct wpv_transcript_in *in, u8 *out,
			 size_t out_len);

#endif /* _WPV_TRANSCRIPT_H */
