// SPDX-License-Identifier: GPL-2.0
/*
 * OpenSSL-based reference for SMS4 (SM4) and a repeatable random source.
 */
#include <stdlib.h>
#include <string.h>

#include "sm4_ref.h"

int ref_sm4(const EVP_CIPHER *cipher, const uint8_t *key, const uint8_t *iv,
	    const uint8_t *in, size_t len, uint8_t *out)
{
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();
	int outl = 0, finl = 0, ok;

	if (!c)
		return -1;
	ok = EVP_EncryptInit_ex(c, cipher, NULL, key, iv) == 1 &&
	     EVP_CIPHER_CTX_set_padding(c, 0) == 1 &&
	     EVP_EncryptUpdate(c, out, &outl, in, (int)len) == 1 &&
	     EVP_EncryptFinal_ex(c, out + outl, &finl) == 1 &&
	     (size_t)(outl + finl) == len;
	EVP_CIPHER_CTX_free(c);
	return ok ? 0 : -1;
}

int ref_cbcmac(const uint8_t *key, const uint8_t *iv, const uint8_t *in,
	       size_t len, uint8_t *mac)
{
	size_t padded = (len + 15) / 16 * 16;
	uint8_t first[16];
	uint8_t *buf, *out;
	int ret = -1;

	if (ref_sm4(EVP_sm4_ecb(), key, NULL, iv, 16, first))
		return -1;
	memcpy(mac, first, 16);
	if (!padded)
		return 0;
	buf = calloc(1, padded);
	out = malloc(padded);
	if (buf && out) {
		memcpy(buf, in, len);
		ret = ref_sm4(EVP_sm4_cbc(), key, first, buf, padded, out);
		if (!ret)
			memcpy(mac, out + padded - 16, 16);
	}
	free(buf);
	free(out);
	return ret;
}

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

uint64_t ref_rng(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dull;
}

void ref_fill(uint8_t *p, size_t len)
{
	while (len--)
		*p++ = (uint8_t)ref_rng();
}
