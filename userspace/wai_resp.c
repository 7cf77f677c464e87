// SPDX-License-Identifier: GPL-2.0
/*
 * WAI header, signature verification request and response codec.
 */
#include "wai_resp.h"

#define DER_TAG_INTEGER		0x02
#define DER_TAG_OID		0x06
#define DER_TAG_SEQUENCE	0x30

/* A read cursor: every get checks what is left first. */
struct rd {
	const u8 *p;
	size_t left;
};

/* A write cursor: every put checks the room first. */
struct wr {
	u8 *p;
	size_t left;
};

static const char *const wpv_wai_errors[__WPV_WAI_EMAX] = {
	[WPV_WAI_OK]		= "no error",
	[WPV_WAI_ETRUNC]	= "truncated: a field runs past the end",
	[WPV_WAI_ETRAILING]	= "unexpected bytes after the last field",
	[WPV_WAI_ETOOBIG]	= "longer than the protocol allows",
	[WPV_WAI_EHDR]		= "bad WAI header (version, type, reserved, fragment or flag)",
	[WPV_WAI_ELENGTH]	= "WAI header length does not match the packet",
	[WPV_WAI_ESUBTYPE]	= "unexpected WAI subtype",
	[WPV_WAI_EFLAG]		= "unknown flag bits",
	[WPV_WAI_EATTR]		= "not a WAI signature attribute",
	[WPV_WAI_EIDENTITY]	= "bad identity (want id 1 and DER subject, issuer, serial)",
	[WPV_WAI_EALG]		= "bad signature algorithm (want SHA-256, ECDSA, curve OID)",
	[WPV_WAI_ESIGVALUE]	= "bad signature value length",
	[WPV_WAI_ECERT]		= "bad certificate field (want X.509 v3, non-empty)",
	[WPV_WAI_ENOSPC]	= "output buffer too small",
	[WPV_WAI_EINVAL]	= "field cannot be encoded",
};

/**
 * wpv_wai_strerror() - describe a codec error
 * @err: a value returned by a codec function (negative or zero)
 *
 * Return: a constant string, never NULL.
 */
const char *wpv_wai_strerror(int err)
{
	if (err > 0 || -err >= __WPV_WAI_EMAX)
		return "unknown error";
	return wpv_wai_errors[-err];
}

static bool rd_u8(struct rd *r, u8 *v)
{
	if (r->left < 1)
		return false;
	*v = r->p[0];
	r->p++;
	r->left--;
	return true;
}

static bool rd_be16(struct rd *r, u16 *v)
{
	if (r->left < 2)
		return false;
	*v = get_unaligned_be16(r->p);
	r->p += 2;
	r->left -= 2;
	return true;
}

static bool rd_view(struct rd *r, size_t len, struct wpv_bytes *v)
{
	if (r->left < len)
		return false;
	v->data = r->p;
	v->len = len;
	r->p += len;
	r->left -= len;
	return true;
}

static bool rd_copy(struct rd *r, u8 *dst, size_t len)
{
	struct wpv_bytes v;

	if (!rd_view(r, len, &v))
		return false;
	memcpy(dst, v.data, len);
	return true;
}

static bool wr_u8(struct wr *w, u8 v)
{
	if (w->left < 1)
		return false;
	*w->p++ = v;
	w->left--;
	return true;
}

static bool wr_be16(struct wr *w, u16 v)
{
	if (w->left < 2)
		return false;
	put_unaligned_be16(v, w->p);
	w->p += 2;
	w->left -= 2;
	return true;
}

static bool wr_bytes(struct wr *w, const u8 *src, size_t len)
{
	if (w->left < len)
		return false;
	if (len)
		memcpy(w->p, src, len);
	w->p += len;
	w->left -= len;
	return true;
}

/*
 * Take one DER element with the given tag off the cursor.  Only the
 * definite short and one- or two-byte long length forms are accepted, in
 * their minimal encoding: names, serials and OIDs never need more.
 */
static bool rd_der(struct rd *r, u8 tag, struct wpv_bytes *elem)
{
	size_t hdr = 2, len;
	const u8 *p = r->p;

	if (r->left < 2 || p[0] != tag)
		return false;
	if (p[1] < 0x80) {
		len = p[1];
	} else if (p[1] == 0x81) {
		if (r->left < 3 || p[2] < 0x80)
			return false;
		len = p[2];
		hdr = 3;
	} else if (p[1] == 0x82) {
		if (r->left < 4 || p[2] == 0)
			return false;
		len = get_unaligned_be16(p + 2);
		hdr = 4;
	} else {
		return false;
	}
	if (len == 0 || r->left - hdr < len)
		return false;
	return rd_view(r, hdr + len, elem);
}

/**
 * wpv_wai_hdr_encode() - write a WAI header
 * @h: the header; version, type, fragment and flag are written as given
 * @buf: output
 * @len: room at @buf
 *
 * Return: %WPV_WAI_HDR_LEN or -%WPV_WAI_ENOSPC.
 */
int wpv_wai_hdr_encode(const struct wpv_wai_hdr *h, u8 *buf, size_t len)
{
	if (len < WPV_WAI_HDR_LEN)
		return -WPV_WAI_ENOSPC;
	put_unaligned_be16(h->version, buf);
	buf[2] = h->type;
	buf[3] = h->subtype;
	put_unaligned_be16(0, buf + 4);
	put_unaligned_be16(h->length, buf + 6);
	put_unaligned_be16(h->seq, buf + 8);
	buf[10] = h->frag_seq;
	buf[11] = h->flag;
	return WPV_WAI_HDR_LEN;
}

/**
 * wpv_wai_hdr_decode() - read and check a WAI header
 * @buf: the whole packet, header first
 * @len: its length as received
 * @h: filled on success
 *
 * The header must say version 1, type 1, reserved 0, no fragmentation, and
 * its length must be exactly @len.  The subtype is the caller's to check.
 *
 * Return: 0 or a negative enum wpv_wai_err.
 */
int wpv_wai_hdr_decode(const u8 *buf, size_t len, struct wpv_wai_hdr *h)
{
	if (len < WPV_WAI_HDR_LEN)
		return -WPV_WAI_ETRUNC;
	h->version = get_unaligned_be16(buf);
	h->type = buf[2];
	h->subtype = buf[3];
	h->length = get_unaligned_be16(buf + 6);
	h->seq = get_unaligned_be16(buf + 8);
	h->frag_seq = buf[10];
	h->flag = buf[11];
	if (h->version != WPV_WAI_VERSION || h->type != WPV_WAI_TYPE ||
	    get_unaligned_be16(buf + 4) != 0 || h->frag_seq != 0 ||
	    h->flag != 0)
		return -WPV_WAI_EHDR;
	if (h->length != len)
		return -WPV_WAI_ELENGTH;
	return 0;
}

/**
 * wpv_sig_req_encode() - write a signature verification request body
 * @req: the request
 * @buf: output
 * @len: room at @buf
 *
 * Return: %WPV_SIG_REQ_BODY_LEN or -%WPV_WAI_ENOSPC.
 */
int wpv_sig_req_encode(const struct wpv_sig_req *req, u8 *buf, size_t len)
{
	struct wr w = { buf, len };

	if (!wr_u8(&w, req->flag) ||
	    !wr_bytes(&w, req->bssid, sizeof(req->bssid)) ||
	    !wr_bytes(&w, req->sta_addr, sizeof(req->sta_addr)) ||
	    !wr_bytes(&w, req->ap_nonce, sizeof(req->ap_nonce)))
		return -WPV_WAI_ENOSPC;
	return WPV_SIG_REQ_BODY_LEN;
}

/**
 * wpv_sig_req_decode() - read a signature verification request body
 * @buf: the body, after the WAI header
 * @len: its length, exactly %WPV_SIG_REQ_BODY_LEN
 * @req: filled on success
 *
 * Return: 0 or a negative enum wpv_wai_err.
 */
int wpv_sig_req_decode(const u8 *buf, size_t len, struct wpv_sig_req *req)
{
	struct rd r = { buf, len };

	if (!rd_u8(&r, &req->flag) ||
	    !rd_copy(&r, req->bssid, sizeof(req->bssid)) ||
	    !rd_copy(&r, req->sta_addr, sizeof(req->sta_addr)) ||
	    !rd_copy(&r, req->ap_nonce, sizeof(req->ap_nonce)))
		return -WPV_WAI_ETRUNC;
	if (r.left)
		return -WPV_WAI_ETRAILING;
	if (req->flag != 0)
		return -WPV_WAI_EFLAG;
	return 0;
}

static int sig_identity_decode(struct rd *r, struct wpv_sig_attr *sig)
{
	struct wpv_bytes body;
	u16 id, len;
	struct rd id_rd;

	if (!rd_be16(r, &id) || !rd_be16(r, &len) || !rd_view(r, len, &body))
		return -WPV_WAI_ETRUNC;
	if (id != WPV_WAI_IDENTITY_X509)
		return -WPV_WAI_EIDENTITY;
	if (len == 0)
		return 0;
	id_rd.p = body.data;
	id_rd.left = body.len;
	if (!rd_der(&id_rd, DER_TAG_SEQUENCE, &sig->subject) ||
	    !rd_der(&id_rd, DER_TAG_SEQUENCE, &sig->issuer) ||
	    !rd_der(&id_rd, DER_TAG_INTEGER, &sig->serial) || id_rd.left)
		return -WPV_WAI_EIDENTITY;
	return 0;
}

static int sig_alg_decode(struct rd *r, struct wpv_sig_attr *sig)
{
	struct wpv_bytes body;
	struct rd alg_rd;
	u16 len, plen;

	if (!rd_be16(r, &len) || !rd_view(r, len, &body))
		return -WPV_WAI_ETRUNC;
	alg_rd.p = body.data;
	alg_rd.left = body.len;
	if (!rd_u8(&alg_rd, &sig->hash_alg) || !rd_u8(&alg_rd, &sig->sig_alg) ||
	    !rd_u8(&alg_rd, &sig->param_type) || !rd_be16(&alg_rd, &plen) ||
	    plen != alg_rd.left)
		return -WPV_WAI_EALG;
	if (sig->hash_alg != WPV_WAI_HASH_SHA256 ||
	    sig->sig_alg != WPV_WAI_SIG_ECDSA ||
	    sig->param_type != WPV_WAI_PARAM_OID)
		return -WPV_WAI_EALG;
	if (!rd_der(&alg_rd, DER_TAG_OID, &sig->curve_oid) || alg_rd.left)
		return -WPV_WAI_EALG;
	return 0;
}

static int sig_attr_decode(struct rd *r, struct wpv_sig_attr *sig)
{
	struct wpv_bytes body;
	struct rd attr;
	u16 len;
	u8 type;
	int ret;

	if (!rd_u8(r, &type) || !rd_be16(r, &len))
		return -WPV_WAI_ETRUNC;
	if (type != WPV_WAI_ATTR_SIGNATURE)
		return -WPV_WAI_EATTR;
	if (!rd_view(r, len, &body))
		return -WPV_WAI_ETRUNC;
	attr.p = body.data;
	attr.left = body.len;

	ret = sig_identity_decode(&attr, sig);
	if (ret)
		return ret;
	ret = sig_alg_decode(&attr, sig);
	if (ret)
		return ret;
	if (!rd_be16(&attr, &len) || !rd_view(&attr, len, &sig->value))
		return -WPV_WAI_ETRUNC;
	if (attr.left)
		return -WPV_WAI_ETRAILING;
	if (len == 0 || len % 2 || len > WPV_WAI_SIG_VALUE_MAX)
		return -WPV_WAI_ESIGVALUE;
	return 0;
}

static int cert_decode(struct rd *r, struct wpv_bytes *cert)
{
	u16 id, len;

	if (!rd_be16(r, &id) || !rd_be16(r, &len))
		return -WPV_WAI_ETRUNC;
	if (id != WPV_WAI_CERT_X509V3 || len == 0)
		return -WPV_WAI_ECERT;
	if (!rd_view(r, len, cert))
		return -WPV_WAI_ETRUNC;
	return 0;
}

/**
 * wpv_sig_resp_decode() - read a signature verification response body
 * @buf: the body, after the WAI header
 * @len: its length, at most %WPV_SIG_RESP_MAX_LEN
 * @resp: filled on success; its views point into @buf
 *
 * Return: 0 or a negative enum wpv_wai_err.
 */
int wpv_sig_resp_decode(const u8 *buf, size_t len, struct wpv_sig_resp *resp)
{
	struct rd r = { buf, len };
	int ret;

	memset(resp, 0, sizeof(*resp));
	if (len > WPV_SIG_RESP_MAX_LEN)
		return -WPV_WAI_ETOOBIG;
	if (!rd_u8(&r, &resp->flag) ||
	    !rd_copy(&r, resp->bssid, sizeof(resp->bssid)) ||
	    !rd_copy(&r, resp->sta_addr, sizeof(resp->sta_addr)) ||
	    !rd_copy(&r, resp->ap_nonce, sizeof(resp->ap_nonce)) ||
	    !rd_copy(&r, resp->sta_nonce, sizeof(resp->sta_nonce)))
		return -WPV_WAI_ETRUNC;
	if (resp->flag & ~WPV_RESP_F_CERT)
		return -WPV_WAI_EFLAG;

	ret = sig_attr_decode(&r, &resp->sig);
	if (ret)
		return ret;
	if (resp->flag & WPV_RESP_F_CERT) {
		ret = cert_decode(&r, &resp->cert);
		if (ret)
			return ret;
	}
	if (r.left)
		return -WPV_WAI_ETRAILING;
	return 0;
}

static bool fits_u16(size_t n)
{
	return n <= 0xffff;
}

static int sig_attr_encode(struct wr *w, const struct wpv_sig_attr *sig)
{
	size_t id_len = sig->subject.len + sig->issuer.len + sig->serial.len;
	size_t alg_len = 5 + sig->curve_oid.len;
	size_t attr_len = 4 + id_len + 2 + alg_len + 2 + sig->value.len;

	if (!fits_u16(attr_len))
		return -WPV_WAI_EINVAL;
	if (!wr_u8(w, WPV_WAI_ATTR_SIGNATURE) || !wr_be16(w, attr_len) ||
	    !wr_be16(w, WPV_WAI_IDENTITY_X509) || !wr_be16(w, id_len) ||
	    !wr_bytes(w, sig->subject.data, sig->subject.len) ||
	    !wr_bytes(w, sig->issuer.data, sig->issuer.len) ||
	    !wr_bytes(w, sig->serial.data, sig->serial.len) ||
	    !wr_be16(w, alg_len) || !wr_u8(w, sig->hash_alg) ||
	    !wr_u8(w, sig->sig_alg) || !wr_u8(w, sig->param_type) ||
	    !wr_be16(w, sig->curve_oid.len) ||
	    !wr_bytes(w, sig->curve_oid.data, sig->curve_oid.len) ||
	    !wr_be16(w, sig->value.len) ||
	    !wr_bytes(w, sig->value.data, sig->value.len))
		return -WPV_WAI_ENOSPC;
	return 0;
}

/**
 * wpv_sig_resp_encode() - write a signature verification response body
 * @resp: the response; @resp->cert is written when @resp->flag has
 *	%WPV_RESP_F_CERT
 * @buf: output
 * @len: room at @buf
 *
 * Fields are written as given, so tests can build bad bodies too; only
 * lengths that do not fit their field are refused.
 *
 * Return: the body length, or a negative enum wpv_wai_err.
 */
int wpv_sig_resp_encode(const struct wpv_sig_resp *resp, u8 *buf,
			size_t len)
{
	struct wr w = { buf, len };
	int ret;

	if (!wr_u8(&w, resp->flag) ||
	    !wr_bytes(&w, resp->bssid, sizeof(resp->bssid)) ||
	    !wr_bytes(&w, resp->sta_addr, sizeof(resp->sta_addr)) ||
	    !wr_bytes(&w, resp->ap_nonce, sizeof(resp->ap_nonce)) ||
	    !wr_bytes(&w, resp->sta_nonce, sizeof(resp->sta_nonce)))
		return -WPV_WAI_ENOSPC;

	ret = sig_attr_encode(&w, &resp->sig);
	if (ret)
		return ret;
	if (resp->flag & WPV_RESP_F_CERT) {
		if (!fits_u16(resp->cert.len))
			return -WPV_WAI_EINVAL;
		if (!wr_be16(&w, WPV_WAI_CERT_X509V3) ||
		    !wr_be16(&w, resp->cert.len) ||
		    !wr_bytes(&w, resp->cert.data, resp->cert.len))
			return -WPV_WAI_ENOSPC;
	}
	return len - w.left;
}
