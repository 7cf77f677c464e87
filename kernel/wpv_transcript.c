// SPDX-License-Identifier: GPL-2.0
/*
 * Build the signed transcript.  Portable: the module may use it to
 * precompute what it expects, the agent and the responder use it natively.
 * Hashing is left to the caller, which has a SHA-256 of its own.
 */
#include "wpv_transcript.h"

static u8 *wpv_transcript_put(u8 *p, const u8 *src, size_t len)
{
	memcpy(p, src, len);
	return p + len;
}

/**
 * wpv_transcript_build() - lay out the transcript for one answer
 * @in: the five values that go into it, none may be NULL
 * @out: where to write it
 * @out_len: room at @out, at least %WPV_TRANSCRIPT_LEN
 *
 * Return: %WPV_TRANSCRIPT_LEN, -EINVAL if a value is missing, or
 * -ENOSPC if @out is too small.
 */
int wpv_transcript_build(const struct wpv_transcript_in *in, u8 *out,
			 size_t out_len)
{
	u8 *p = out;

	if (!in || !in->ap_addr || !in->sta_addr || !in->bssid ||
	    !in->ap_nonce || !in->sta_nonce || !out)
		return -EINVAL;
	if (out_len < WPV_TRANSCRIPT_LEN)
		return -ENOSPC;

	p = wpv_transcript_put(p, (const u8 *)WPV_TRANSCRIPT_LABEL,
			       WPV_TRANSCRIPT_LABEL_LEN);
	p = wpv_transcript_put(p, in->ap_addr, WPV_ADDR_LEN);
	p = wpv_transcript_put(p, in->sta_addr, WPV_ADDR_LEN);
	p = wpv_transcript_put(p, in->bssid, WPV_ADDR_LEN);
	p = wpv_transcript_put(p, in->ap_nonce, WPV_NONCE_LEN);
	wpv_transcript_put(p, in->sta_nonce, WPV_NONCE_LEN);

	return WPV_TRANSCRIPT_LEN;
}
