// SPDX-License-Identifier: GPL-2.0
/*
 * SMS4 block, OFB and CBC-MAC: the published vectors of
 * tests/vectors/sms4.txt (GB/T 32907-2016 examples) and
 * tests/vectors/sms4-modes.txt (Broadcom bcmcrypto sms4_vectors.h), then
 * agreement with OpenSSL's SM4 on random keys, IVs and lengths.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "sms4.h"
#include "sm4_ref.h"
#include "wpi_vectors.h"

#define RANDOM_ROUNDS	3000
#define MAX_LEN		1600

static void hexdump(const char *what, const uint8_t *p, size_t len)
{
	fprintf(stderr, "%s: ", what);
	while (len--)
		fprintf(stderr, "%02x", *p++);
	fprintf(stderr, "\n");
}

static int load(const char *path, struct vec_record **recs)
{
	int n = vec_load(path, recs);

	assert_true(n > 0);
	return n;
}

static void test_block_vectors_gbt32907(void **state)
{
	uint8_t key[16], pt[16], ct[16], out[16];
	struct vec_record *recs;
	struct wpv_sms4_ctx ctx;
	int n, i, checked = 0;
	long iter, k;

	(void)state;
	n = load("tests/vectors/sms4.txt", &recs);
	for (i = 0; i < n; i++) {
		const char *it = vec_get(&recs[i], "iterations");

		assert_int_equal(vec_hex(&recs[i], "key", key, 16), 16);
		assert_int_equal(vec_hex(&recs[i], "plaintext", pt, 16), 16);
		assert_int_equal(vec_hex(&recs[i], "ciphertext", ct, 16), 16);
		iter = it ? atol(it) : 1;
		assert_true(iter >= 1);

		wpv_sms4_set_key(&ctx, key);
		memcpy(out, pt, 16);
		for (k = 0; k < iter; k++)
			wpv_sms4_encrypt(&ctx, out, out);
		if (memcmp(out, ct, 16)) {
			fprintf(stderr, "vector %s\n", vec_get(&recs[i], "name"));
			hexdump("got", out, 16);
		}
		assert_memory_equal(out, ct, 16);
		checked++;
	}
	/* Both GB/T examples, including the 1,000,000-fold one, and zero. */
	assert_int_equal(checked, 3);
	free(recs);
}

static void test_million_iteration_vector_present(void **state)
{
	struct vec_record *recs;
	int n, i, found = 0;

	(void)state;
	n = load("tests/vectors/sms4.txt", &recs);
	for (i = 0; i < n; i++) {
		const char *it = vec_get(&recs[i], "iterations");

		if (it && atol(it) == 1000000)
			found++;
	}
	assert_int_equal(found, 1);
	free(recs);
}

static void test_mode_vectors_bcmcrypto(void **state)
{
	uint8_t key[16], iv[16], in[256], want[256], out[256];
	struct vec_record *recs;
	struct wpv_sms4_mac mac;
	struct wpv_sms4_ofb ofb;
	struct wpv_sms4_ctx ctx;
	int n, i, len, macs = 0, ofbs = 0;
	const char *mode;

	(void)state;
	n = load("tests/vectors/sms4-modes.txt", &recs);
	for (i = 0; i < n; i++) {
		mode = vec_get(&recs[i], "mode");
		assert_non_null(mode);
		assert_int_equal(vec_hex(&recs[i], "key", key, 16), 16);
		assert_int_equal(vec_hex(&recs[i], "iv", iv, 16), 16);
		len = vec_hex(&recs[i], "input", in, sizeof(in));
		assert_true(len >= 0);
		wpv_sms4_set_key(&ctx, key);

		if (!strcmp(mode, "cbc-mac")) {
			assert_int_equal(vec_hex(&recs[i], "output", want,
						 sizeof(want)), 16);
			wpv_sms4_mac_start(&mac, &ctx, iv);
			wpv_sms4_mac_update(&mac, in, len);
			wpv_sms4_mac_end(&mac, out);
			assert_memory_equal(out, want, 16);
			macs++;
		} else {
			assert_string_equal(mode, "ofb");
			assert_int_equal(vec_hex(&recs[i], "output", want,
						 sizeof(want)), len);
			wpv_sms4_ofb_start(&ofb, &ctx, iv);
			wpv_sms4_ofb_crypt(&ofb, out, in, len);
			wpv_sms4_ofb_end(&ofb);
			assert_memory_equal(out, want, len);
			ofbs++;
		}
	}
	assert_int_equal(macs, 3);
	assert_int_equal(ofbs, 4);
	free(recs);
}

static void test_block_matches_openssl_on_random_input(void **state)
{
	uint8_t key[16], in[16], ours[16], theirs[16];
	struct wpv_sms4_ctx ctx;
	int i;

	(void)state;
	for (i = 0; i < RANDOM_ROUNDS; i++) {
		ref_fill(key, 16);
		ref_fill(in, 16);
		wpv_sms4_set_key(&ctx, key);
		wpv_sms4_encrypt(&ctx, ours, in);
		assert_int_equal(ref_sm4(EVP_sm4_ecb(), key, NULL, in, 16, theirs),
				 0);
		assert_memory_equal(ours, theirs, 16);
	}
}

static void test_ofb_matches_openssl_on_random_lengths(void **state)
{
	uint8_t key[16], iv[16], in[MAX_LEN], ours[MAX_LEN], theirs[MAX_LEN];
	struct wpv_sms4_ofb ofb;
	struct wpv_sms4_ctx ctx;
	size_t len, done, part;
	int i;

	(void)state;
	for (i = 0; i < RANDOM_ROUNDS; i++) {
		ref_fill(key, 16);
		ref_fill(iv, 16);
		len = ref_rng() % (MAX_LEN + 1);
		ref_fill(in, len);
		wpv_sms4_set_key(&ctx, key);

		/* Split the stream at random points on the way. */
		wpv_sms4_ofb_start(&ofb, &ctx, iv);
		for (done = 0; done < len; done += part) {
			part = 1 + ref_rng() % 40;
			if (part > len - done)
				part = len - done;
			wpv_sms4_ofb_crypt(&ofb, ours + done, in + done, part);
		}
		wpv_sms4_ofb_end(&ofb);
		assert_int_equal(ref_sm4(EVP_sm4_ofb(), key, iv, in, len, theirs),
				 0);
		assert_memory_equal(ours, theirs, len);
	}
}

static void test_ofb_in_place_equals_separate_buffers(void **state)
{
	uint8_t key[16], iv[16], buf[333], sep[333];
	struct wpv_sms4_ofb ofb;
	struct wpv_sms4_ctx ctx;

	(void)state;
	ref_fill(key, 16);
	ref_fill(iv, 16);
	ref_fill(buf, sizeof(buf));
	wpv_sms4_set_key(&ctx, key);
	wpv_sms4_ofb_start(&ofb, &ctx, iv);
	wpv_sms4_ofb_crypt(&ofb, sep, buf, sizeof(buf));
	wpv_sms4_ofb_start(&ofb, &ctx, iv);
	wpv_sms4_ofb_crypt(&ofb, buf, buf, sizeof(buf));
	assert_memory_equal(buf, sep, sizeof(buf));
}

static void test_cbcmac_matches_openssl_on_random_lengths(void **state)
{
	uint8_t key[16], iv[16], in[MAX_LEN], ours[16], theirs[16];
	struct wpv_sms4_mac mac;
	struct wpv_sms4_ctx ctx;
	size_t len;
	int i;

	(void)state;
	for (i = 0; i < RANDOM_ROUNDS; i++) {
		ref_fill(key, 16);
		ref_fill(iv, 16);
		len = ref_rng() % (MAX_LEN + 1);
		ref_fill(in, len);
		wpv_sms4_set_key(&ctx, key);
		wpv_sms4_mac_start(&mac, &ctx, iv);
		wpv_sms4_mac_update(&mac, in, len);
		wpv_sms4_mac_end(&mac, ours);
		assert_int_equal(ref_cbcmac(key, iv, in, len, theirs), 0);
		assert_memory_equal(ours, theirs, 16);
	}
}

static void test_cbcmac_pads_each_update_separately(void **state)
{
	uint8_t key[16], iv[16], a[21], b[7], joined[48], one[16], two[16];
	struct wpv_sms4_mac mac;
	struct wpv_sms4_ctx ctx;

	(void)state;
	ref_fill(key, 16);
	ref_fill(iv, 16);
	ref_fill(a, sizeof(a));
	ref_fill(b, sizeof(b));
	wpv_sms4_set_key(&ctx, key);

	wpv_sms4_mac_start(&mac, &ctx, iv);
	wpv_sms4_mac_update(&mac, a, sizeof(a));
	wpv_sms4_mac_update(&mac, b, sizeof(b));
	wpv_sms4_mac_end(&mac, one);

	/* Same as one update over a padded to 32 bytes, then b. */
	memset(joined, 0, sizeof(joined));
	memcpy(joined, a, sizeof(a));
	memcpy(joined + 32, b, sizeof(b));
	wpv_sms4_mac_start(&mac, &ctx, iv);
	wpv_sms4_mac_update(&mac, joined, 32 + sizeof(b));
	wpv_sms4_mac_end(&mac, two);
	assert_memory_equal(one, two, 16);
}

static void test_encrypt_pair_equals_two_single_blocks(void **state)
{
	uint8_t ka[16], kb[16], ba[16], bb[16];
	struct wpv_sms4_ctx ca, cb;
	uint32_t a[4], b[4], a1[4], b1[4];
	int i;

	(void)state;
	for (i = 0; i < RANDOM_ROUNDS; i++) {
		ref_fill(ka, 16);
		ref_fill(kb, 16);
		ref_fill(ba, 16);
		ref_fill(bb, 16);
		wpv_sms4_set_key(&ca, ka);
		wpv_sms4_set_key(&cb, kb);
		wpv_sms4_load(a, ba);
		wpv_sms4_load(b, bb);
		memcpy(a1, a, sizeof(a));
		memcpy(b1, b, sizeof(b));
		wpv_sms4_encrypt_pair(&ca, a, &cb, b);
		wpv_sms4_encrypt_words(&ca, a1);
		wpv_sms4_encrypt_words(&cb, b1);
		assert_memory_equal(a, a1, sizeof(a));
		assert_memory_equal(b, b1, sizeof(b));
	}
}

static void test_wipe_clears_round_keys(void **state)
{
	static const struct wpv_sms4_ctx zero;
	uint8_t key[16];
	struct wpv_sms4_ctx ctx;

	(void)state;
	ref_fill(key, 16);
	wpv_sms4_set_key(&ctx, key);
	assert_memory_not_equal(&ctx, &zero, sizeof(ctx));
	wpv_sms4_wipe(&ctx);
	assert_memory_equal(&ctx, &zero, sizeof(ctx));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_block_vectors_gbt32907),
		cmocka_unit_test(test_million_iteration_vector_present),
		cmocka_unit_test(test_mode_vectors_bcmcrypto),
		cmocka_unit_test(test_block_matches_openssl_on_random_input),
		cmocka_unit_test(test_ofb_matches_openssl_on_random_lengths),
		cmocka_unit_test(test_ofb_in_place_equals_separate_buffers),
		cmocka_unit_test(test_cbcmac_matches_openssl_on_random_lengths),
		cmocka_unit_test(test_cbcmac_pads_each_update_separately),
		cmocka_unit_test(test_encrypt_pair_equals_two_single_blocks),
		cmocka_unit_test(test_wipe_clears_round_keys),
	};

	return cmocka_run_group_tests_name("sms4", tests, NULL, NULL);
}
