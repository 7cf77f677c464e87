/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A tiny DER reader and writer for the few structures OpenSSL 3.0 cannot
 * handle for the WAPI curve: SEC1 keys naming the curve by OID, the TBS
 * part of signed objects, and certificates and CRLs signed outside
 * OpenSSL's signing code.  Only definite lengths, only low tag numbers:
 * that is all DER needs here, and anything else is refused.
 */
#ifndef _WAPI_DER_H
#define _WAPI_DER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WAPI_DER_INTEGER	0x02
#define WAPI_DER_BIT_STRING	0x03
#define WAPI_DER_OCTET_STRING	0x04
#define WAPI_DER_NULL		0x05
#define WAPI_DER_OID		0x06
#define WAPI_DER_SEQUENCE	0x30
#define WAPI_DER_CTX0		0xa0
#define WAPI_DER_CTX1		0xa1

/* A window over DER bytes being read. */
struct wapi_der {
	const uint8_t *p;
	size_t len;
};

/* One element: its tag, its contents, and the whole TLV. */
struct wapi_der_elem {
	uint8_t tag;
	const uint8_t *val;
	size_t val_len;
	const uint8_t *tlv;
	size_t tlv_len;
};

int wapi_der_next(struct wapi_der *it, struct wapi_der_elem *e);
int wapi_der_expect(struct wapi_der *it, uint8_t tag,
		    struct wapi_der_elem *e);
int wapi_der_enter(const uint8_t *p, size_t len, uint8_t tag,
		   struct wapi_der *inner);

/* A growing output buffer; the first failure sticks and is reported once. */
struct wapi_dbuf {
	uint8_t *p;
	size_t len;
	size_t cap;
	bool failed;
};

void wapi_dbuf_add(struct wapi_dbuf *b, const void *p, size_t len);
void wapi_dbuf_add_tlv(struct wapi_dbuf *b, uint8_t tag, const void *val,
		       size_t len);
void wapi_dbuf_wrap(struct wapi_dbuf *b, uint8_t tag);
void wapi_dbuf_free(struct wapi_dbuf *b);

#endif /* _WAPI_DER_H */
