// SPDX-License-Identifier: GPL-2.0
/*
 * Tiny DER reader and writer; see wapi_der.h.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "wapi_der.h"

/* Reads a DER length; refuses indefinite and non-minimal forms. */
static int der_read_len(struct wapi_der *it, size_t *len)
{
	size_t n, i, v = 0;
	uint8_t b;

	if (!it->len)
		return -EBADMSG;
	b = *it->p++;
	it->len--;
	if (!(b & 0x80)) {
		*len = b;
		return 0;
	}
	n = b & 0x7f;
	if (!n || n > sizeof(uint32_t) || n > it->len)
		return -EBADMSG;
	if (!it->p[0])
		return -EBADMSG;
	for (i = 0; i < n; i++)
		v = v << 8 | it->p[i];
	if (v < 0x80)
		return -EBADMSG;
	it->p += n;
	it->len -= n;
	*len = v;
	return 0;
}

/**
 * wapi_der_next() - read the next element
 * @it: window to read from; advanced past the element
 * @e: filled with the element
 *
 * Return: 0, -ENOENT at the end of the window, -EBADMSG on bad DER.
 */
int wapi_der_next(struct wapi_der *it, struct wapi_der_elem *e)
{
	const uint8_t *start = it->p;
	size_t len;

	if (!it->len)
		return -ENOENT;
	e->tag = *it->p++;
	it->len--;
	/* High tag numbers never occur in the structures read here. */
	if ((e->tag & 0x1f) == 0x1f)
		return -EBADMSG;
	if (der_read_len(it, &len) || len > it->len)
		return -EBADMSG;
	e->val = it->p;
	e->val_len = len;
	it->p += len;
	it->len -= len;
	e->tlv = start;
	e->tlv_len = (size_t)(it->p - start);
	return 0;
}

/** wapi_der_expect() - read the next element, which must carry @tag */
int wapi_der_expect(struct wapi_der *it, uint8_t tag, struct wapi_der_elem *e)
{
	int err = wapi_der_next(it, e);

	if (err)
		return err == -ENOENT ? -EBADMSG : err;
	return e->tag == tag ? 0 : -EBADMSG;
}

/**
 * wapi_der_enter() - open the single element that makes up @p
 * @p: DER bytes, exactly one element with nothing after it
 * @len: their length
 * @tag: the tag it must have
 * @inner: set to a window over its contents
 */
int wapi_der_enter(const uint8_t *p, size_t len, uint8_t tag,
		   struct wapi_der *inner)
{
	struct wapi_der it = { p, len };
	struct wapi_der_elem e;
	int err;

	err = wapi_der_expect(&it, tag, &e);
	if (err)
		return err;
	if (it.len)
		return -EBADMSG;
	inner->p = e.val;
	inner->len = e.val_len;
	return 0;
}

static bool dbuf_grow(struct wapi_dbuf *b, size_t more)
{
	size_t cap;
	uint8_t *p;

	if (b->failed)
		return false;
	if (b->len + more <= b->cap)
		return true;
	cap = b->cap ? b->cap : 256;
	while (cap < b->len + more)
		cap *= 2;
	/* Keys pass through these buffers: never leave a copy behind. */
	p = OPENSSL_secure_zalloc(cap);
	if (!p) {
		b->failed = true;
		return false;
	}
	if (b->len)
		memcpy(p, b->p, b->len);
	OPENSSL_secure_clear_free(b->p, b->cap);
	b->p = p;
	b->cap = cap;
	return true;
}

/* Writes a DER length into @out (at least 5 bytes); returns its size. */
static size_t der_put_len(uint8_t *out, size_t len)
{
	size_t n = 0, i;

	if (len < 0x80) {
		out[0] = (uint8_t)len;
		return 1;
	}
	for (i = len; i; i >>= 8)
		n++;
	out[0] = (uint8_t)(0x80 | n);
	for (i = 0; i < n; i++)
		out[n - i] = (uint8_t)(len >> (8 * i));
	return n + 1;
}

void wapi_dbuf_add(struct wapi_dbuf *b, const void *p, size_t len)
{
	if (!dbuf_grow(b, len))
		return;
	if (len)
		memcpy(b->p + b->len, p, len);
	b->len += len;
}

void wapi_dbuf_add_tlv(struct wapi_dbuf *b, uint8_t tag, const void *val,
		       size_t len)
{
	uint8_t hdr[1 + 1 + sizeof(size_t)];
	size_t n;

	hdr[0] = tag;
	n = der_put_len(hdr + 1, len);
	wapi_dbuf_add(b, hdr, 1 + n);
	wapi_dbuf_add(b, val, len);
}

/** wapi_dbuf_wrap() - make everything written so far the contents of @tag */
void wapi_dbuf_wrap(struct wapi_dbuf *b, uint8_t tag)
{
	uint8_t hdr[1 + 1 + sizeof(size_t)];
	size_t n;

	hdr[0] = tag;
	n = der_put_len(hdr + 1, b->len) + 1;
	if (!dbuf_grow(b, n))
		return;
	memmove(b->p + n, b->p, b->len);
	memcpy(b->p, hdr, n);
	b->len += n;
}

void wapi_dbuf_free(struct wapi_dbuf *b)
{
	OPENSSL_secure_clear_free(b->p, b->cap);
	memset(b, 0, sizeof(*b));
}
