// SPDX-License-Identifier: GPL-2.0
/*
 * SMS4 block encryption, OFB and CBC-MAC.
 *
 * Speed comes from T-tables: the S-box and the linear transform L of one
 * round are folded into four 256-entry tables of 32-bit words, so a round
 * is four table lookups and a few XORs.  The lookups are indexed by
 * key- and data-dependent bytes, so which cache lines are touched depends
 * on secrets: this code is not constant-time, and an attacker who shares
 * the CPU's caches (another VM or process on the same core) may recover
 * keys by timing.  The 4 KiB of tables stay hot in L1 while a frame is
 * processed, which narrows but does not close that channel.
 */
#include "sms4.h"
#include "sms4_tables.h"

/* System parameter FK of the key schedule. */
static const u32 sms4_fk[4] = {
	0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc
};

static inline u32 sms4_rol(u32 x, unsigned int n)
{
	return x << n | x >> (32 - n);
}

/* Round function T: S-box on each byte, then L, by table. */
static inline u32 sms4_t(u32 x)
{
	return sms4_tab[0][x >> 24] ^ sms4_tab[1][(x >> 16) & 0xff] ^
	       sms4_tab[2][(x >> 8) & 0xff] ^ sms4_tab[3][x & 0xff];
}

/* Key schedule T': S-box on each byte, then the lighter L'. */
static u32 sms4_key_t(u32 x)
{
	u32 b = (u32)sms4_sbox[x >> 24] << 24 |
		(u32)sms4_sbox[(x >> 16) & 0xff] << 16 |
		(u32)sms4_sbox[(x >> 8) & 0xff] << 8 |
		sms4_sbox[x & 0xff];

	return b ^ sms4_rol(b, 13) ^ sms4_rol(b, 23);
}

/* Constant CK_i: byte j is (4i + j) * 7 mod 256. */
static u32 sms4_ck(unsigned int i)
{
	u32 ck = 0;
	unsigned int j;

	for (j = 0; j < 4; j++)
		ck = ck << 8 | (u8)((4 * i + j) * 7);
	return ck;
}

/**
 * wpv_sms4_set_key() - expand a 16-byte key into round keys
 * @ctx: where the round keys go
 * @key: WPV_SMS4_KEY_SIZE bytes
 */
void wpv_sms4_set_key(struct wpv_sms4_ctx *ctx, const u8 *key)
{
	unsigned int i;
	u32 k[4];
	u32 rk;

	for (i = 0; i < 4; i++)
		k[i] = get_unaligned_be32(key + 4 * i) ^ sms4_fk[i];

	for (i = 0; i < WPV_SMS4_ROUNDS; i++) {
		rk = k[0] ^ sms4_key_t(k[1] ^ k[2] ^ k[3] ^ sms4_ck(i));
		ctx->rk[i] = rk;
		k[0] = k[1];
		k[1] = k[2];
		k[2] = k[3];
		k[3] = rk;
	}
	memzero_explicit(k, sizeof(k));
}

/**
 * wpv_sms4_wipe() - forget an expanded key
 * @ctx: the key; all zero afterwards
 */
void wpv_sms4_wipe(struct wpv_sms4_ctx *ctx)
{
	memzero_explicit(ctx, sizeof(*ctx));
}

/**
 * wpv_sms4_encrypt_words() - encrypt one block held as words
 * @ctx: expanded key
 * @x: the block as four big-endian words; replaced by its encryption
 */
void wpv_sms4_encrypt_words(const struct wpv_sms4_ctx *ctx, u32 x[4])
{
	u32 x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3];
	const u32 *rk = ctx->rk;
	unsigned int i;

	for (i = 0; i < WPV_SMS4_ROUNDS; i += 4) {
		x0 ^= sms4_t(x1 ^ x2 ^ x3 ^ rk[i]);
		x1 ^= sms4_t(x2 ^ x3 ^ x0 ^ rk[i + 1]);
		x2 ^= sms4_t(x3 ^ x0 ^ x1 ^ rk[i + 2]);
		x3 ^= sms4_t(x0 ^ x1 ^ x2 ^ rk[i + 3]);
	}
	/* The output is the last four words in reverse order. */
	x[0] = x3;
	x[1] = x2;
	x[2] = x1;
	x[3] = x0;
}

/**
 * wpv_sms4_encrypt_pair() - encrypt two independent blocks at once
 * @ka: key for @a
 * @a: first block as words, encrypted in place
 * @kb: key for @b
 * @b: second block as words, encrypted in place
 *
 * A block's 32 rounds form one long dependency chain, so a single block
 * leaves most of the CPU idle.  Interleaving the rounds of two unrelated
 * blocks (WPI's MIC chain and its keystream chain) lets both progress in
 * the same cycles.
 */
void wpv_sms4_encrypt_pair(const struct wpv_sms4_ctx *ka, u32 a[4],
			   const struct wpv_sms4_ctx *kb, u32 b[4])
{
	u32 a0 = a[0], a1 = a[1], a2 = a[2], a3 = a[3];
	u32 b0 = b[0], b1 = b[1], b2 = b[2], b3 = b[3];
	const u32 *ra = ka->rk, *rb = kb->rk;
	unsigned int i;

	for (i = 0; i < WPV_SMS4_ROUNDS; i += 4) {
		a0 ^= sms4_t(a1 ^ a2 ^ a3 ^ ra[i]);
		b0 ^= sms4_t(b1 ^ b2 ^ b3 ^ rb[i]);
		a1 ^= sms4_t(a2 ^ a3 ^ a0 ^ ra[i + 1]);
		b1 ^= sms4_t(b2 ^ b3 ^ b0 ^ rb[i + 1]);
		a2 ^= sms4_t(a3 ^ a0 ^ a1 ^ ra[i + 2]);
		b2 ^= sms4_t(b3 ^ b0 ^ b1 ^ rb[i + 2]);
		a3 ^= sms4_t(a0 ^ a1 ^ a2 ^ ra[i + 3]);
		b3 ^= sms4_t(b0 ^ b1 ^ b2 ^ rb[i + 3]);
	}
	a[0] = a3;
	a[1] = a2;
	a[2] = a1;
	a[3] = a0;
	b[0] = b3;
	b[1] = b2;
	b[2] = b1;
	b[3] = b0;
}

/**
 * wpv_sms4_encrypt() - encrypt one 16-byte block
 * @ctx: expanded key
 * @out: 16 bytes of ciphertext; may be @in
 * @in: 16 bytes of plaintext
 */
void wpv_sms4_encrypt(const struct wpv_sms4_ctx *ctx, u8 *out, const u8 *in)
{
	u32 x[4];

	wpv_sms4_load(x, in);
	wpv_sms4_encrypt_words(ctx, x);
	wpv_sms4_store(out, x);
}

/**
 * wpv_sms4_ofb_start() - begin an OFB stream
 * @ofb: stream state
 * @key: expanded key, which must outlive the stream
 * @iv: 16-byte initial value; the first keystream block is E(@iv)
 */
void wpv_sms4_ofb_start(struct wpv_sms4_ofb *ofb,
			const struct wpv_sms4_ctx *key, const u8 *iv)
{
	ofb->key = key;
	wpv_sms4_load(ofb->ks, iv);
	ofb->used = WPV_SMS4_BLOCK_SIZE;
}

/**
 * wpv_sms4_ofb_crypt() - XOR the next keystream bytes into data
 * @ofb: stream state
 * @dst: output; may be @src
 * @src: input
 * @len: bytes; calls may split a stream anywhere
 *
 * Encryption and decryption are the same operation.
 */
void wpv_sms4_ofb_crypt(struct wpv_sms4_ofb *ofb, u8 *dst, const u8 *src,
			size_t len)
{
	u32 w[4];

	while (len) {
		if (ofb->used == WPV_SMS4_BLOCK_SIZE) {
			wpv_sms4_encrypt_words(ofb->key, ofb->ks);
			wpv_sms4_store(ofb->buf, ofb->ks);
			ofb->used = 0;
		}
		if (ofb->used == 0 && len >= WPV_SMS4_BLOCK_SIZE) {
			/* Whole block: four words at a time. */
			wpv_sms4_load(w, src);
			w[0] ^= ofb->ks[0];
			w[1] ^= ofb->ks[1];
			w[2] ^= ofb->ks[2];
			w[3] ^= ofb->ks[3];
			wpv_sms4_store(dst, w);
			ofb->used = WPV_SMS4_BLOCK_SIZE;
			src += WPV_SMS4_BLOCK_SIZE;
			dst += WPV_SMS4_BLOCK_SIZE;
			len -= WPV_SMS4_BLOCK_SIZE;
			continue;
		}
		*dst++ = *src++ ^ ofb->buf[ofb->used++];
		len--;
	}
	memzero_explicit(w, sizeof(w));
}

/**
 * wpv_sms4_ofb_end() - wipe an OFB stream's keystream
 * @ofb: stream state
 */
void wpv_sms4_ofb_end(struct wpv_sms4_ofb *ofb)
{
	memzero_explicit(ofb, sizeof(*ofb));
}

/**
 * wpv_sms4_mac_start() - begin a CBC-MAC
 * @mac: chaining state
 * @key: expanded key, which must outlive the computation
 * @iv: 16 bytes; the chain starts from E(@iv), as WPI's MIC does
 */
void wpv_sms4_mac_start(struct wpv_sms4_mac *mac,
			const struct wpv_sms4_ctx *key, const u8 *iv)
{
	mac->key = key;
	wpv_sms4_load(mac->s, iv);
	wpv_sms4_encrypt_words(key, mac->s);
}

/**
 * wpv_sms4_mac_update() - chain data into a CBC-MAC
 * @mac: chaining state
 * @data: input
 * @len: bytes
 *
 * Each call zero-pads its own input to a multiple of 16 bytes: WPI pads
 * the MIC header and the data separately, one call each.
 */
void wpv_sms4_mac_update(struct wpv_sms4_mac *mac, const u8 *data,
			 size_t len)
{
	u8 last[WPV_SMS4_BLOCK_SIZE];
	u32 w[4];

	while (len) {
		if (len < WPV_SMS4_BLOCK_SIZE) {
			memset(last, 0, sizeof(last));
			memcpy(last, data, len);
			data = last;
			len = WPV_SMS4_BLOCK_SIZE;
		}
		wpv_sms4_load(w, data);
		mac->s[0] ^= w[0];
		mac->s[1] ^= w[1];
		mac->s[2] ^= w[2];
		mac->s[3] ^= w[3];
		wpv_sms4_encrypt_words(mac->key, mac->s);
		data += WPV_SMS4_BLOCK_SIZE;
		len -= WPV_SMS4_BLOCK_SIZE;
	}
	memzero_explicit(last, sizeof(last));
	memzero_explicit(w, sizeof(w));
}

/**
 * wpv_sms4_mac_end() - output a CBC-MAC and wipe the state
 * @mac: chaining state
 * @out: 16 bytes
 */
void wpv_sms4_mac_end(struct wpv_sms4_mac *mac, u8 *out)
{
	wpv_sms4_store(out, mac->s);
	memzero_explicit(mac, sizeof(*mac));
}
