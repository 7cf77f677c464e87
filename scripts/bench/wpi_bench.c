// SPDX-License-Identifier: GPL-2.0
/*
 * Throughput of WPI encapsulation (MIC and encryption of one data frame)
 * with this module's SMS4 code, next to OpenSSL's SM4 doing the same
 * cipher work through EVP with contexts set up once.
 *
 * Frames: 3-address data, 24-byte header, N data bytes (64, 512, 1500);
 * MB/s counts data bytes.  Each figure is the best of several timed runs,
 * to keep noise from other processes out.  Before timing, both paths
 * protect the same frame and must produce the same bytes.
 *
 * Usage: wpi_bench [seconds per run, default 0.3]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "wpi.h"

#define HDR	24
#define RUNS	5
#define MAXDATA	1500

static const size_t sizes[] = { 64, 512, 1500 };

struct ossl_wpi {
	EVP_CIPHER_CTX *ecb;	/* MIC key: E(IV) */
	EVP_CIPHER_CTX *cbc;	/* MIC key: the CBC-MAC chain */
	EVP_CIPHER_CTX *ofb;	/* encryption key */
	u8 pn[16];		/* big-endian */
	u8 scratch[64 + MAXDATA + 16];
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what)
{
	fprintf(stderr, "wpi_bench: %s failed\n", what);
	exit(1);
}

static EVP_CIPHER_CTX *ossl_ctx(const EVP_CIPHER *cipher, const u8 *key)
{
	EVP_CIPHER_CTX *c = EVP_CIPHER_CTX_new();

	if (!c || EVP_EncryptInit_ex(c, cipher, NULL, key, NULL) != 1)
		die("EVP_EncryptInit_ex");
	EVP_CIPHER_CTX_set_padding(c, 0);
	return c;
}

static void ossl_init(struct ossl_wpi *o, const u8 *key)
{
	unsigned int i;

	o->ecb = ossl_ctx(EVP_sm4_ecb(), key + 16);
	o->cbc = ossl_ctx(EVP_sm4_cbc(), key + 16);
	o->ofb = ossl_ctx(EVP_sm4_ofb(), key);
	for (i = 0; i < 16; i++)
		o->pn[i] = (i & 1) ? 0x36 : 0x5c;
	o->pn[15]++;
}

static void ossl_update(EVP_CIPHER_CTX *c, u8 *out, const u8 *in, size_t len)
{
	int outl;

	if (EVP_EncryptUpdate(c, out, &outl, in, (int)len) != 1)
		die("EVP_EncryptUpdate");
}

/*
 * The same frame transform as wpv_wpi_protect() on a 3-address frame laid
 * out as header | 18 free bytes | data | 16 free bytes, with OpenSSL
 * doing every block encryption.
 */
static void ossl_protect(struct ossl_wpi *o, u8 *frame, size_t datalen)
{
	u8 *data = frame + HDR + 18, *mic = data + datalen;
	u8 mh[32], iv[16], last[16];
	size_t full = datalen & ~(size_t)15;
	unsigned int i, carry;
	u16 fc;

	carry = 2;			/* next PN: unicast step */
	for (i = 16; i-- > 0 && carry;) {
		carry += o->pn[i];
		o->pn[i] = carry & 0xff;
		carry >>= 8;
	}
	fc = (frame[0] | frame[1] << 8) | 0x4000;
	frame[0] = fc & 0xff;
	frame[1] = fc >> 8;
	frame[HDR] = 0;
	frame[HDR + 1] = 0;
	for (i = 0; i < 16; i++)
		frame[HDR + 2 + i] = o->pn[15 - i];
	memcpy(iv, o->pn, 16);

	memset(mh, 0, sizeof(mh));
	mh[0] = (fc & 0xc78f) & 0xff;
	mh[1] = (fc & 0xc78f) >> 8;
	memcpy(mh + 2, frame + 4, 12);
	mh[14] = frame[22] & 0x0f;
	memcpy(mh + 16, frame + 16, 6);
	mh[29] = 0;
	mh[30] = datalen >> 8;
	mh[31] = datalen & 0xff;

	/* MIC: E(IV), then CBC over the MIC header and the padded data. */
	if (EVP_EncryptInit_ex(o->ecb, NULL, NULL, NULL, NULL) != 1)
		die("EVP_EncryptInit_ex");
	ossl_update(o->ecb, last, iv, 16);
	if (EVP_EncryptInit_ex(o->cbc, NULL, NULL, NULL, last) != 1)
		die("EVP_EncryptInit_ex");
	ossl_update(o->cbc, o->scratch, mh, sizeof(mh));
	ossl_update(o->cbc, o->scratch, data, full);
	if (datalen > full) {
		memset(last, 0, sizeof(last));
		memcpy(last, data + full, datalen - full);
		ossl_update(o->cbc, o->scratch, last, 16);
		memcpy(mic, o->scratch, 16);
	} else {
		/* The last block written: of the data, or of the header. */
		memcpy(mic, full ? o->scratch + full - 16 : o->scratch + 16,
		       16);
	}

	/* Encryption: OFB over data and MIC as one stream. */
	if (EVP_EncryptInit_ex(o->ofb, NULL, NULL, NULL, iv) != 1)
		die("EVP_EncryptInit_ex");
	ossl_update(o->ofb, data, data, datalen + 16);
}

static void make_frame(u8 *frame, size_t datalen)
{
	size_t i;

	for (i = 0; i < HDR + 18 + datalen + 16; i++)
		frame[i] = (u8)(i * 31 + 5);
	frame[0] = 0x08;		/* data */
	frame[1] = 0x02;		/* From DS */
}

/* Best ns per frame over RUNS runs of about @secs each. */
static double time_ours(struct wpv_wpi_ctx *ctx, u8 *frame, size_t datalen,
			double secs)
{
	size_t len = HDR + WPV_WPI_OVERHEAD + datalen;
	double best = 1e30, t0, t;
	long n, iters = 1000;
	int run;

	for (run = 0; run < RUNS; run++) {
		do {
			t0 = now();
			for (n = 0; n < iters; n++) {
				frame[1] &= ~0x40;
				if (wpv_wpi_protect(ctx, frame, len))
					die("wpv_wpi_protect");
			}
			t = now() - t0;
			if (t < secs / 4)
				iters *= 2;
		} while (t < secs / 4);
		if (t / iters < best)
			best = t / iters;
	}
	return best * 1e9;
}

static double time_ossl(struct ossl_wpi *o, u8 *frame, size_t datalen,
			double secs)
{
	double best = 1e30, t0, t;
	long n, iters = 1000;
	int run;

	for (run = 0; run < RUNS; run++) {
		do {
			t0 = now();
			for (n = 0; n < iters; n++) {
				frame[1] &= ~0x40;
				ossl_protect(o, frame, datalen);
			}
			t = now() - t0;
			if (t < secs / 4)
				iters *= 2;
		} while (t < secs / 4);
		if (t / iters < best)
			best = t / iters;
	}
	return best * 1e9;
}

/* Both paths must produce the same protected frame. */
static void cross_check(const u8 *key, size_t datalen)
{
	static u8 a[HDR + 34 + MAXDATA], b[HDR + 34 + MAXDATA];
	size_t len = HDR + WPV_WPI_OVERHEAD + datalen;
	struct wpv_wpi_ctx ctx;
	struct ossl_wpi o;

	wpv_wpi_init(&ctx);
	wpv_wpi_set_key(&ctx, 0, key, WPV_WPI_ROLE_AP, false);
	ossl_init(&o, key);
	make_frame(a, datalen);
	make_frame(b, datalen);
	if (wpv_wpi_protect(&ctx, a, len))
		die("wpv_wpi_protect");
	ossl_protect(&o, b, datalen);
	if (memcmp(a, b, len)) {
		fprintf(stderr, "wpi_bench: outputs differ at %zu data bytes\n",
			datalen);
		exit(1);
	}
	EVP_CIPHER_CTX_free(o.ecb);
	EVP_CIPHER_CTX_free(o.cbc);
	EVP_CIPHER_CTX_free(o.ofb);
	wpv_wpi_clear(&ctx);
}

int main(int argc, char **argv)
{
	static u8 frame[HDR + 34 + MAXDATA];
	double secs = argc > 1 ? atof(argv[1]) : 0.3;
	double ours, theirs;
	struct wpv_wpi_ctx ctx;
	struct ossl_wpi o;
	u8 key[32];
	unsigned int i;

	for (i = 0; i < sizeof(key); i++)
		key[i] = i * 11 + 1;
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++)
		cross_check(key, sizes[i]);
	for (i = 0; i < 40; i++)
		cross_check(key, i);

	printf("WPI encapsulation (SMS4 CBC-MAC + OFB), 3-address data frames\n");
	printf("best of %d runs; MB/s counts data bytes (1 MB = 10^6 bytes)\n",
	       RUNS);
	printf("%-6s  %-22s  %-26s  %s\n", "data", "wapi_preview",
	       OpenSSL_version(OPENSSL_VERSION), "speed-up");
	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		wpv_wpi_init(&ctx);
		wpv_wpi_set_key(&ctx, 0, key, WPV_WPI_ROLE_AP, false);
		ossl_init(&o, key);
		make_frame(frame, sizes[i]);
		ours = time_ours(&ctx, frame, sizes[i], secs);
		make_frame(frame, sizes[i]);
		theirs = time_ossl(&o, frame, sizes[i], secs);
		printf("%-6zu  %7.1f MB/s %6.0f ns  %7.1f MB/s %6.0f ns      %5.2fx\n",
		       sizes[i], sizes[i] * 1e3 / ours, ours,
		       sizes[i] * 1e3 / theirs, theirs, theirs / ours);
		EVP_CIPHER_CTX_free(o.ecb);
		EVP_CIPHER_CTX_free(o.cbc);
		EVP_CIPHER_CTX_free(o.ofb);
		wpv_wpi_clear(&ctx);
	}
	return 0;
}
