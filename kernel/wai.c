// SPDX-License-Identifier: GPL-2.0
/*
 * WAI packet codec for the challenge.  Every length is checked before a
 * byte is read; a packet is refused with -EINVAL (malformed), -EPROTO
 * (a WAI packet of another kind) or -EMSGSIZE (too large).  No state, no
 * allocation, no locks.
 *
 * The 12-byte header (big-endian): version (2) | type (1) | subtype (1) |
 * reserved (2) | length (2) | sequence (2) | fragment sequence (1) |
 * flag (1).  Fragmented packets are not used by this protocol and refused.
 */
#include "wai.h"

/*
 * Parse a WAI header at the start of @buf, @len bytes available.  The
 * header's length field may be shorter than @len (Ethernet pads short
 * frames) but never longer.
 */
int wpv_wai_hdr_parse(const u8 *buf, size_t len, struct wpv_wai_hdr *hdr)
{
	u16 pkt_len;

	if (len < WPV_WAI_HDR_LEN)
		return -EINVAL;
	if (get_unaligned_be16(buf) != WPV_WAI_VERSION ||
	    buf[2] != WPV_WAI_TYPE)
		return -EPROTO;
	pkt_len = get_unaligned_be16(buf + 6);
	if (pkt_len < WPV_WAI_HDR_LEN || pkt_len > len)
		return -EINVAL;
	/* fragment sequence and "more fragments" flag */
	if (buf[10] || buf[11])
		return -EINVAL;
	hdr->subtype = buf[3];
	hdr->len = pkt_len;
	hdr->seq = get_unaligned_be16(buf + 8);
	return 0;
}

void wpv_wai_hdr_build(u8 *buf, u8 subtype, u16 len, u16 seq)
{
	put_unaligned_be16(WPV_WAI_VERSION, buf);
	buf[2] = WPV_WAI_TYPE;
	buf[3] = subtype;
	put_unaligned_be16(0, buf + 4);
	put_unaligned_be16(len, buf + 6);
	put_unaligned_be16(seq, buf + 8);
	buf[10] = 0;
	buf[11] = 0;
}

/*
 * Build a signature verification request into @buf (@cap bytes).
 * Returns the packet length or -EMSGSIZE.
 */
int wpv_wai_req_build(u8 *buf, size_t cap, u16 seq, const u8 *bssid,
		      const u8 *sta, const u8 *ap_nonce)
{
	u8 *p = buf + WPV_WAI_HDR_LEN;

	if (cap < WPV_WAI_REQ_PKT_LEN)
		return -EMSGSIZE;
	wpv_wai_hdr_build(buf, WPV_WAI_SUBTYPE_SIG_REQ, WPV_WAI_REQ_PKT_LEN,
			  seq);
	*p++ = 0;
	memcpy(p, bssid, WPV_WAI_ADDR_LEN);
	p += WPV_WAI_ADDR_LEN;
	memcpy(p, sta, WPV_WAI_ADDR_LEN);
	p += WPV_WAI_ADDR_LEN;
	memcpy(p, ap_nonce, WPV_NONCE_LEN);
	return WPV_WAI_REQ_PKT_LEN;
}

/*
 * Parse a signature verification response: the header and the fixed part
 * of the body.  What follows (signature, certificate) is left to the
 * agent, but it must fit in %WPV_SIG_RESP_MAX_LEN.
 */
int wpv_wai_resp_parse(const u8 *buf, size_t len, struct wpv_wai_resp *resp)
{
	const u8 *p;
	int ret;

	ret = wpv_wai_hdr_parse(buf, len, &resp->hdr);
	if (ret)
		return ret;
	if (resp->hdr.subtype != WPV_WAI_SUBTYPE_SIG_RESP)
		return -EPROTO;
	resp->body = buf + WPV_WAI_HDR_LEN;
	resp->body_len = resp->hdr.len - WPV_WAI_HDR_LEN;
	if (resp->body_len < WPV_SIG_RESP_FIXED_LEN)
		return -EINVAL;
	if (resp->body_len > WPV_SIG_RESP_MAX_LEN)
		return -EMSGSIZE;

	p = resp->body;
	resp->flag = *p++;
	resp->bssid = p;
	p += WPV_WAI_ADDR_LEN;
	resp->sta = p;
	p += WPV_WAI_ADDR_LEN;
	resp->ap_nonce = p;
	p += WPV_NONCE_LEN;
	resp->sta_nonce = p;
	return 0;
}

/* Compare without an early exit, so timing does not tell where it differs. */
static bool wpv_wai_equal(const u8 *a, const u8 *b, size_t len)
{
	u8 diff = 0;
	size_t i;

	for (i = 0; i < len; i++)
		diff |= a[i] ^ b[i];
	return !diff;
}

/* Whether a parsed response answers the challenge described. */
bool wpv_wai_resp_matches(const struct wpv_wai_resp *resp, const u8 *bssid,
			  const u8 *sta, const u8 *ap_nonce)
{
	bool ok;

	ok = wpv_wai_equal(resp->bssid, bssid, WPV_WAI_ADDR_LEN);
	ok &= wpv_wai_equal(resp->sta, sta, WPV_WAI_ADDR_LEN);
	ok &= wpv_wai_equal(resp->ap_nonce, ap_nonce, WPV_NONCE_LEN);
	return ok;
}
