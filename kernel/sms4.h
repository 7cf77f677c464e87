/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SMS4 (SM4 of GB/T 32907) block encryption with the two modes WPI uses:
 * OFB for confidentiality and CBC-MAC for integrity.  Portable: the same
 * file builds in the module and natively.
 *
 * Only the encryption direction exists: OFB and CBC-MAC never decrypt a
 * block.  Blocks are handled as four big-endian 32-bit words, the form the
 * rounds work on; the byte forms convert at the edges.
 */
#ifndef _WPV_SMS4_H
#define _WPV_SMS4_H

#include "wpv_portable.h"

#define WPV_SMS4_KEY_SIZE	16
#define WPV_SMS4_BLOCK_SIZE	16
#define WPV_SMS4_ROUNDS		32

/* An expanded key: the 32 round keys. */
struct wpv_sms4_ctx {
	u32 rk[WPV_SMS4_ROUNDS];
};

/* OFB position: the current keystream block and how much of it is used. */
struct wpv_sms4_ofb {
	const struct wpv_sms4_ctx *key;
	u32 ks[4];
	u8 buf[WPV_SMS4_BLOCK_SIZE];
	unsigned int used;
};

/* CBC-MAC chaining value. */
struct wpv_sms4_mac {
	const struct wpv_sms4_ctx *key;
	u32 s[4];
};

static inline void wpv_sms4_load(u32 w[4], const u8 *p)
{
	w[0] = get_unaligned_be32(p);
	w[1] = get_unaligned_be32(p + 4);
	w[2] = get_unaligned_be32(p + 8);
	w[3] = get_unaligned_be32(p + 12);
}

static inline void wpv_sms4_store(u8 *p, const u32 w[4])
{
	put_unaligned_be32(w[0], p);
	put_unaligned_be32(w[1], p + 4);
	put_unaligned_be32(w[2], p + 8);
	put_unaligned_be32(w[3], p + 12);
}

void wpv_sms4_set_key(struct wpv_sms4_ctx *ctx, const u8 *key);
void wpv_sms4_wipe(struct wpv_sms4_ctx *ctx);

void wpv_sms4_encrypt(const struct wpv_sms4_ctx *ctx, u8 *out, const u8 *in);
void wpv_sms4_encrypt_words(const struct wpv_sms4_ctx *ctx, u32 x[4]);
void wpv_sms4_encrypt_pair(const struct wpv_sms4_ctx *ka, u32 a[4],
			   const struct wpv_sms4_ctx *kb, u32 b[4]);

void wpv_sms4_ofb_start(struct wpv_sms4_ofb *ofb,
			const struct wpv_sms4_ctx *key, const u8 *iv);
void wpv_sms4_ofb_crypt(struct wpv_sms4_ofb *ofb, u8 *dst, const u8 *src,
			size_t len);
void wpv_sms4_ofb_end(struct wpv_sms4_ofb *ofb);

void wpv_sms4_mac_start(struct wpv_sms4_mac *mac,
			const struct wpv_sms4_ctx *key, const u8 *iv);
void wpv_sms4_mac_update(struct wpv_sms4_mac *mac, const u8 *data,
			 size_t len);
void wpv_sms4_mac_end(struct wpv_sms4_mac *mac, u8 *out);

#endif /* _WPV_SMS4_H */
