/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Independent references for the SMS4 tests: OpenSSL's SM4, and a
 * repeatable pseudo-random source.
 */
#ifndef SM4_REF_H
#define SM4_REF_H

#include <stddef.h>
#include <stdint.h>
#include <openssl/evp.h>

/* One-shot SM4 in @cipher's mode, no padding; 0 or -1. */
int ref_sm4(const EVP_CIPHER *cipher, const uint8_t *key, const uint8_t *iv,
	    const uint8_t *in, size_t len, uint8_t *out);
/*
 * WPI's CBC-MAC (first block E(iv), then CBC over the input zero-padded
 * to 16 bytes) as SM4-CBC with E(iv) for IV; 0 or -1.
 */
int ref_cbcmac(const uint8_t *key, const uint8_t *iv, const uint8_t *in,
	       size_t len, uint8_t *mac);

/* xorshift64* with a fixed seed, so a failure repeats. */
uint64_t ref_rng(void);
void ref_fill(uint8_t *p, size_t len);

#endif /* SM4_REF_H */
