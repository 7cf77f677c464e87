// SPDX-License-Identifier: GPL-2.0
/*
 * WPI frame protection: the whole-frame vectors of tests/vectors/wpi.txt
 * (Broadcom bcmcrypto sms4_vectors.h), agreement with a reference built on
 * OpenSSL's SM4 for every frame shape, round trips, the packet number
 * rules and every rejection.  Buffers are allocated to the exact frame
 * length so AddressSanitizer catches any access past the end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "wpi.h"
#include "sm4_ref.h"
#include "wpi_vectors.h"

#define FC_DATA		0x0008
#define FC_QOS		0x0080
#define FC_TODS		0x0100
#define FC_FROMDS	0x0200
#define FC_MOREFRAG	0x0400
#define FC_PROTECTED	0x4000
#define FC_ORDER	0x8000
#define MAX_FRAME	2400

struct shape {
	const char *name;
	bool a4, qos, htc, frag;
	int hdrlen;
};

static const struct shape shapes[] = {
	{ "3-address",			false, false, false, false, 24 },
	{ "3-address QoS",		false, true,  false, false, 26 },
	{ "4-address",			true,  false, false, false, 30 },
	{ "4-address QoS",		true,  true,  false, false, 32 },
	{ "3-address QoS +HTC",		false, true,  true,  false, 30 },
	{ "4-address QoS +HTC",		true,  true,  true,  false, 36 },
	{ "3-address fragment",		false, false, false, true,  24 },
	{ "4-address QoS fragment",	true,  true,  false, true,  32 },
};

#define NSHAPES (sizeof(shapes) / sizeof(shapes[0]))

static const size_t lengths[] = {
	0, 1, 15, 16, 17, 31, 32, 33, 100, 1500, 2304
};

#define NLENGTHS (sizeof(lengths) / sizeof(lengths[0]))

/* A station's and an AP's context holding the same key. */
struct link {
	struct wpv_wpi_ctx ap, sta;
	uint8_t key[WPV_WPI_KEY_LEN];
};

static void link_init(struct link *l, unsigned int idx, bool group)
{
	wpv_wpi_init(&l->ap);
	wpv_wpi_init(&l->sta);
	ref_fill(l->key, sizeof(l->key));
	assert_int_equal(wpv_wpi_set_key(&l->ap, idx, l->key,
					 WPV_WPI_ROLE_AP, group), 0);
	assert_int_equal(wpv_wpi_set_key(&l->sta, idx, l->key,
					 WPV_WPI_ROLE_STA, group), 0);
}

/* A plain data frame of @s with @datalen random data bytes. */
static size_t make_frame(uint8_t *buf, const struct shape *s, size_t datalen,
			 bool from_ap, bool group, uint8_t tid)
{
	uint16_t fc = FC_DATA;
	size_t pos;

	ref_fill(buf, s->hdrlen + datalen);
	if (s->qos)
		fc |= FC_QOS;
	if (s->a4)
		fc |= FC_TODS | FC_FROMDS;
	else
		fc |= from_ap ? FC_FROMDS : FC_TODS;
	if (s->htc)
		fc |= FC_ORDER;
	if (s->frag)
		fc |= FC_MOREFRAG;
	buf[0] = fc & 0xff;
	buf[1] = fc >> 8;
	if (group)
		buf[4] |= 0x01;
	else
		buf[4] &= ~0x01;
	buf[22] = (buf[22] & 0xf0) | (s->frag ? 2 : 0);
	pos = s->a4 ? 30 : 24;
	if (s->qos)
		buf[pos] = (buf[pos] & 0xf0) | (tid & 0x0f);
	return s->hdrlen + datalen;
}

static uint8_t *dup_exact(const uint8_t *p, size_t len, size_t extra)
{
	uint8_t *d = malloc(len + extra ? len + extra : 1);

	assert_non_null(d);
	memcpy(d, p, len);
	return d;
}

/* Encapsulate a copy of @plain in a buffer of exactly the needed size. */
static uint8_t *encap_copy(struct wpv_wpi_ctx *ctx, const uint8_t *plain,
			   size_t len, size_t *outlen)
{
	uint8_t *buf = dup_exact(plain, len, WPV_WPI_OVERHEAD);

	*outlen = len;
	assert_int_equal(wpv_wpi_encap(ctx, buf, outlen,
				       len + WPV_WPI_OVERHEAD), 0);
	assert_int_equal(*outlen, len + WPV_WPI_OVERHEAD);
	return buf;
}

/* Decapsulate a copy; the frame must come back unchanged on error. */
static int decap_copy(struct wpv_wpi_ctx *ctx, const uint8_t *frame,
		      size_t len, uint8_t *plain, size_t *plainlen)
{
	uint8_t *buf = dup_exact(frame, len, 0);
	size_t n = len;
	int ret;

	ret = wpv_wpi_decap(ctx, buf, &n);
	if (ret) {
		assert_int_equal(n, len);
		assert_memory_equal(buf, frame, len);
	} else if (plain) {
		memcpy(plain, buf, n);
		*plainlen = n;
	}
	free(buf);
	return ret;
}

/* The PN carried in a protected frame, as a big-endian number. */
static void frame_pn(const uint8_t *frame, int hdrlen, uint8_t *pn)
{
	int i;

	for (i = 0; i < 16; i++)
		pn[i] = frame[hdrlen + 2 + 15 - i];
}

static void pn_from_base(uint8_t *pn, unsigned int add)
{
	int i;

	for (i = 0; i < 16; i++)
		pn[i] = (i & 1) ? 0x36 : 0x5c;
	for (i = 15; i >= 0 && add; i--) {
		add += pn[i];
		pn[i] = add & 0xff;
		add >>= 8;
	}
}

/* A frame of @s sealed with an explicit PN (big-endian) and KeyIdx. */
static size_t make_sealed(uint8_t *buf, const struct shape *s,
			  size_t datalen, const struct wpv_wpi_key *key,
			  uint8_t keyidx, const uint8_t *pn, bool from_ap,
			  uint8_t tid)
{
	uint8_t plain[MAX_FRAME];
	size_t len, hl = s->hdrlen;
	int i;

	len = make_frame(plain, s, datalen, from_ap, false, tid);
	memcpy(buf, plain, hl);
	buf[1] |= FC_PROTECTED >> 8;
	buf[hl] = keyidx;
	buf[hl + 1] = 0;
	for (i = 0; i < 16; i++)
		buf[hl + 2 + i] = pn[15 - i];
	memcpy(buf + hl + WPV_WPI_HEADROOM, plain + hl, datalen);
	len += WPV_WPI_OVERHEAD;
	assert_int_equal(wpv_wpi_seal(key, buf, len), 0);
	return len;
}

/*
 * The reference: WPI written out again from the description, with
 * OpenSSL's SM4 doing the cipher work.
 */
static void ref_protect(const uint8_t *key, const uint8_t *plain, size_t len,
			const struct shape *s, uint8_t keyidx,
			const uint8_t *pn_be, uint8_t *out)
{
	size_t hl = s->hdrlen, datalen = len - hl, mhlen = 0;
	uint8_t macin[48 + MAX_FRAME] = { 0 };
	uint8_t stream[MAX_FRAME + 16];
	uint8_t mic[16];
	uint16_t fc = plain[0] | plain[1] << 8;
	size_t a4 = 24, qos = s->a4 ? 30 : 24;
	int i;

	fc |= FC_PROTECTED;
	memcpy(out, plain, hl);
	out[0] = fc & 0xff;
	out[1] = fc >> 8;
	out[hl] = keyidx;
	out[hl + 1] = 0;
	for (i = 0; i < 16; i++)
		out[hl + 2 + i] = pn_be[15 - i];

	macin[mhlen++] = (fc & 0xc78f) & 0xff;
	macin[mhlen++] = (fc & 0xc78f) >> 8;
	memcpy(macin + mhlen, plain + 4, 12);
	mhlen += 12;
	macin[mhlen++] = plain[22] & 0x0f;
	macin[mhlen++] = 0;
	memcpy(macin + mhlen, plain + 16, 6);
	mhlen += 6;
	if (s->a4)
		memcpy(macin + mhlen, plain + a4, 6);
	mhlen += 6;
	if (s->qos) {
		memcpy(macin + mhlen, plain + qos, 2);
		mhlen += 2;
	}
	macin[mhlen++] = keyidx;
	macin[mhlen++] = 0;
	macin[mhlen++] = datalen >> 8;
	macin[mhlen++] = datalen & 0xff;
	mhlen = (mhlen + 15) / 16 * 16;
	memcpy(macin + mhlen, plain + hl, datalen);
	assert_int_equal(ref_cbcmac(key + 16, pn_be, macin, mhlen + datalen,
				    mic), 0);

	memcpy(stream, plain + hl, datalen);
	memcpy(stream + datalen, mic, 16);
	assert_int_equal(ref_sm4(EVP_sm4_ofb(), key, pn_be, stream,
				 datalen + 16, out + hl + WPV_WPI_HEADROOM),
			 0);
}

static void test_vectors_seal_and_open_bcmcrypto(void **state)
{
	uint8_t key[32], pt[MAX_FRAME], ct[MAX_FRAME], mic[16];
	uint8_t buf[MAX_FRAME];
	struct vec_record *recs;
	struct wpv_wpi_ctx ctx;
	int n, i, len;

	(void)state;
	n = vec_load("tests/vectors/wpi.txt", &recs);
	assert_int_equal(n, 3);
	for (i = 0; i < n; i++) {
		assert_int_equal(vec_hex(&recs[i], "ek", key, 16), 16);
		assert_int_equal(vec_hex(&recs[i], "ck", key + 16, 16), 16);
		len = vec_hex(&recs[i], "plaintext", pt, sizeof(pt));
		assert_int_equal(vec_hex(&recs[i], "ciphertext", ct,
					 sizeof(ct)), len);
		assert_int_equal(vec_hex(&recs[i], "mic", mic, 16), 16);
		wpv_wpi_init(&ctx);
		assert_int_equal(wpv_wpi_set_key(&ctx, 0, key,
						 WPV_WPI_ROLE_AP, false), 0);

		memcpy(buf, pt, len);
		assert_int_equal(wpv_wpi_seal(&ctx.keys[0], buf, len), 0);
		assert_memory_equal(buf, ct, len);

		assert_int_equal(wpv_wpi_open(&ctx.keys[0], buf, len), 0);
		assert_memory_equal(buf, pt, len - 16);
		assert_memory_equal(buf + len - 16, mic, 16);
	}
	free(recs);
}

/*
 * wpi-04 is a group frame from the AP and wpi-06 a unicast frame from a
 * station; their PNs are the first ones the counter rules give.
 */
static void test_vectors_match_first_pn_of_counters(void **state)
{
	uint8_t key[32], pt[MAX_FRAME], ct[MAX_FRAME], buf[MAX_FRAME];
	int n, i, len, hl, checked = 0;
	struct vec_record *recs;
	struct wpv_wpi_ctx ctx;
	uint8_t pn[16], want[16];
	bool group, from_ap;
	size_t plen;

	(void)state;
	n = vec_load("tests/vectors/wpi.txt", &recs);
	assert_true(n > 0);
	for (i = 0; i < n; i++) {
		vec_hex(&recs[i], "ek", key, 16);
		vec_hex(&recs[i], "ck", key + 16, 16);
		len = vec_hex(&recs[i], "plaintext", pt, sizeof(pt));
		vec_hex(&recs[i], "ciphertext", ct, sizeof(ct));
		hl = wpv_wpi_hdrlen(pt, len);
		assert_true(hl > 0);
		group = pt[4] & 1;
		from_ap = pt[1] & (FC_FROMDS >> 8);
		frame_pn(pt, hl, pn);
		pn_from_base(want, group ? 1 : from_ap ? 3 : 2);
		if (memcmp(pn, want, 16))
			continue;

		wpv_wpi_init(&ctx);
		wpv_wpi_set_key(&ctx, pt[hl], key, from_ap ?
				WPV_WPI_ROLE_AP : WPV_WPI_ROLE_STA, group);
		/* The plain frame: no WPI fields, no MIC, Protected clear. */
		memcpy(buf, pt, hl);
		buf[1] &= ~(FC_PROTECTED >> 8);
		memcpy(buf + hl, pt + hl + 18, len - hl - 34);
		plen = len - 34;
		assert_int_equal(wpv_wpi_encap(&ctx, buf, &plen, sizeof(buf)),
				 0);
		assert_int_equal(plen, len);
		assert_memory_equal(buf, ct, len);
		checked++;
	}
	assert_int_equal(checked, 2);
	free(recs);
}

static void test_matches_openssl_reference_every_shape(void **state)
{
	uint8_t plain[MAX_FRAME], want[MAX_FRAME + 40], pn[16];
	const struct shape *s;
	struct link l;
	size_t len, outlen;
	unsigned int idx;
	uint8_t *got;
	int i, k;

	(void)state;
	for (k = 0; k < 3000; k++) {
		s = &shapes[k % NSHAPES];
		idx = (k / NSHAPES) & 1;
		link_init(&l, idx, k % 3 == 0);
		len = make_frame(plain, s, ref_rng() % 1601, k & 1, false,
				 ref_rng() & 15);
		/* A few frames, so later PNs are covered too. */
		for (i = 0; i < 1 + k % 3; i++) {
			got = encap_copy(k & 1 ? &l.ap : &l.sta, plain, len,
					 &outlen);
			assert_int_equal(got[s->hdrlen], idx);
			frame_pn(got, s->hdrlen, pn);
			ref_protect(l.key, plain, len, s, idx, pn, want);
			assert_memory_equal(got, want, outlen);
			free(got);
		}
	}
}

static void round_trip(struct wpv_wpi_ctx *tx, struct wpv_wpi_ctx *rx,
		       const struct shape *s, size_t datalen, bool from_ap,
		       bool group)
{
	uint8_t plain[MAX_FRAME], back[MAX_FRAME];
	size_t len, outlen, backlen = 0;
	uint8_t *prot;

	len = make_frame(plain, s, datalen, from_ap, group, ref_rng() & 15);
	prot = encap_copy(tx, plain, len, &outlen);
	assert_int_equal(prot[1] & (FC_PROTECTED >> 8), FC_PROTECTED >> 8);
	if (datalen >= 16)
		assert_memory_not_equal(prot + s->hdrlen + 18,
					plain + s->hdrlen, 16);
	assert_int_equal(decap_copy(rx, prot, outlen, back, &backlen), 0);
	assert_int_equal(backlen, len);
	assert_memory_equal(back, plain, len);
	free(prot);
}

static void test_round_trip_every_shape_index_and_direction(void **state)
{
	unsigned int si, li, idx;
	struct link l;

	(void)state;
	for (idx = 0; idx < 2; idx++) {
		for (si = 0; si < NSHAPES; si++) {
			for (li = 0; li < NLENGTHS; li++) {
				link_init(&l, idx, false);
				round_trip(&l.ap, &l.sta, &shapes[si],
					   lengths[li], true, false);
				round_trip(&l.sta, &l.ap, &shapes[si],
					   lengths[li], false, false);
				link_init(&l, idx, true);
				round_trip(&l.ap, &l.sta, &shapes[si],
					   lengths[li], true, true);
			}
		}
	}
}

static void test_protect_unprotect_keep_layout(void **state)
{
	uint8_t plain[MAX_FRAME], frame[MAX_FRAME + 40];
	const struct shape *s = &shapes[3];
	size_t len, hl = s->hdrlen;
	struct link l;

	(void)state;
	link_init(&l, 1, false);
	len = make_frame(plain, s, 200, true, false, 5);
	memcpy(frame, plain, hl);
	memcpy(frame + hl + 18, plain + hl, len - hl);
	assert_int_equal(wpv_wpi_protect(&l.ap, frame, len + 34), 0);
	assert_int_equal(frame[hl], 1);
	assert_int_equal(wpv_wpi_unprotect(&l.sta, frame, len + 34), 0);
	assert_memory_equal(frame + hl + 18, plain + hl, len - hl);
	assert_memory_equal(frame + 2, plain + 2, hl - 2);
}

static void expect_pns(struct wpv_wpi_ctx *ctx, bool from_ap,
		       const unsigned int *adds, int n)
{
	uint8_t plain[MAX_FRAME], pn[16], want[16];
	size_t len, outlen;
	uint8_t *prot;
	int i;

	for (i = 0; i < n; i++) {
		len = make_frame(plain, &shapes[0], 40, from_ap, false, 0);
		prot = encap_copy(ctx, plain, len, &outlen);
		frame_pn(prot, 24, pn);
		pn_from_base(want, adds[i]);
		assert_memory_equal(pn, want, 16);
		free(prot);
	}
}

static void test_transmit_pns_follow_counter_rules(void **state)
{
	/* Incremented before first use, from 0x5c36...5c36 (+1 for AP). */
	static const unsigned int ap_unicast[] = { 3, 5, 7, 9 };
	static const unsigned int sta_unicast[] = { 2, 4, 6, 8 };
	static const unsigned int group[] = { 1, 2, 3, 4 };
	struct link l;

	(void)state;
	link_init(&l, 0, false);
	expect_pns(&l.ap, true, ap_unicast, 4);
	expect_pns(&l.sta, false, sta_unicast, 4);
	link_init(&l, 1, true);
	expect_pns(&l.ap, true, group, 4);
}

static void test_receiver_accepts_peer_starting_pn_once(void **state)
{
	static const struct { bool group, to_sta; unsigned int add; } c[] = {
		{ false, true, 1 },	/* AP unicast starts at ...5c37 */
		{ false, false, 0 },	/* station unicast at ...5c36 */
		{ true, true, 0 },	/* group at ...5c36 */
	};
	uint8_t frame[MAX_FRAME], pn[16];
	struct wpv_wpi_ctx *rx;
	unsigned int i;
	struct link l;
	size_t len;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		link_init(&l, 0, c[i].group);
		rx = c[i].to_sta ? &l.sta : &l.ap;
		pn_from_base(pn, c[i].add);
		len = make_sealed(frame, &shapes[0], 50, &rx->keys[0], 0, pn,
				  c[i].to_sta, 0);
		assert_int_equal(decap_copy(rx, frame, len, NULL, NULL), 0);
		assert_int_equal(decap_copy(rx, frame, len, NULL, NULL),
				 -ESTALE);
	}

	/* Below the starting value: refused. */
	link_init(&l, 0, true);
	pn_from_base(pn, 0);
	pn[15]--;
	len = make_sealed(frame, &shapes[0], 50, &l.sta.keys[0], 0, pn, true,
			  0);
	assert_int_equal(decap_copy(&l.sta, frame, len, NULL, NULL), -ESTALE);
}

static void test_rejects_replayed_pn(void **state)
{
	uint8_t plain[MAX_FRAME];
	uint8_t *f1, *f2;
	size_t len, l1, l2;
	struct link l;

	(void)state;
	link_init(&l, 0, false);
	len = make_frame(plain, &shapes[1], 64, true, false, 3);
	f1 = encap_copy(&l.ap, plain, len, &l1);
	f2 = encap_copy(&l.ap, plain, len, &l2);
	assert_int_equal(decap_copy(&l.sta, f2, l2, NULL, NULL), 0);
	assert_int_equal(decap_copy(&l.sta, f1, l1, NULL, NULL), -ESTALE);
	assert_int_equal(decap_copy(&l.sta, f2, l2, NULL, NULL), -ESTALE);
	free(f1);
	free(f2);
}

static void test_unicast_replay_counter_per_tid(void **state)
{
	uint8_t plain[MAX_FRAME];
	uint8_t *f[4];
	size_t len, fl[4];
	struct link l;
	int i;

	(void)state;
	link_init(&l, 0, false);
	/* TID 1, TID 2, TID 1, then non-QoS; delivered out of order. */
	for (i = 0; i < 4; i++) {
		len = make_frame(plain, &shapes[i == 3 ? 0 : 1], 30, true,
				 false, i == 1 ? 2 : 1);
		f[i] = encap_copy(&l.ap, plain, len, &fl[i]);
	}
	assert_int_equal(decap_copy(&l.sta, f[3], fl[3], NULL, NULL), 0);
	assert_int_equal(decap_copy(&l.sta, f[1], fl[1], NULL, NULL), 0);
	assert_int_equal(decap_copy(&l.sta, f[0], fl[0], NULL, NULL), 0);
	assert_int_equal(decap_copy(&l.sta, f[2], fl[2], NULL, NULL), 0);
	assert_int_equal(decap_copy(&l.sta, f[0], fl[0], NULL, NULL),
			 -ESTALE);
	for (i = 0; i < 4; i++)
		free(f[i]);
}

static void test_group_replay_counter_ignores_tid(void **state)
{
	uint8_t plain[MAX_FRAME];
	uint8_t *f1, *f2;
	size_t len, l1, l2;
	struct link l;

	(void)state;
	link_init(&l, 1, true);
	len = make_frame(plain, &shapes[1], 30, true, true, 1);
	f1 = encap_copy(&l.ap, plain, len, &l1);
	len = make_frame(plain, &shapes[1], 30, true, true, 2);
	f2 = encap_copy(&l.ap, plain, len, &l2);
	assert_int_equal(decap_copy(&l.sta, f2, l2, NULL, NULL), 0);
	assert_int_equal(decap_copy(&l.sta, f1, l1, NULL, NULL), -ESTALE);
	free(f1);
	free(f2);
}

static void test_rejects_wrong_parity_pn(void **state)
{
	uint8_t frame[MAX_FRAME], pn[16];
	struct link l;
	size_t len;

	(void)state;
	link_init(&l, 0, false);
	/* Even PN to a station: only a station sends those. */
	pn_from_base(pn, 10);
	len = make_sealed(frame, &shapes[0], 20, &l.sta.keys[0], 0, pn, true,
			  0);
	assert_int_equal(decap_copy(&l.sta, frame, len, NULL, NULL), -EPROTO);
	/* Odd PN to the AP. */
	pn_from_base(pn, 11);
	len = make_sealed(frame, &shapes[0], 20, &l.ap.keys[0], 0, pn, false,
			  0);
	assert_int_equal(decap_copy(&l.ap, frame, len, NULL, NULL), -EPROTO);
	/* Group keys have no parity rule. */
	link_init(&l, 0, true);
	pn_from_base(pn, 10);
	len = make_sealed(frame, &shapes[0], 20, &l.sta.keys[0], 0, pn, true,
			  0);
	assert_int_equal(decap_copy(&l.sta, frame, len, NULL, NULL), 0);
}

static void test_rejects_any_flipped_bit_outside_masked_fields(void **state)
{
	static const struct shape *s = &shapes[7];
	uint8_t plain[MAX_FRAME], *prot, *bad;
	size_t len, outlen, pos, hl = s->hdrlen;
	struct link l;
	int ret;

	(void)state;
	link_init(&l, 0, false);
	len = make_frame(plain, s, 37, true, false, 6);
	prot = encap_copy(&l.ap, plain, len, &outlen);
	bad = dup_exact(prot, outlen, 0);
	for (pos = 0; pos < outlen; pos++) {
		/* Duration, and sequence number bits, are not covered. */
		if (pos == 2 || pos == 3 || pos == 23)
			continue;
		memcpy(bad, prot, outlen);
		bad[pos] ^= pos == 22 ? 0x01 : pos == 0 ? 0x80 : 0x01;
		ret = decap_copy(&l.sta, bad, outlen, NULL, NULL);
		if (pos == hl)
			assert_int_equal(ret, -ENOKEY);
		else if (pos == hl + 2)	/* lowest PN bit: parity */
			assert_int_equal(ret, -EPROTO);
		else if (pos < 2)	/* QoS or DS bit: other layout */
			assert_true(ret < 0);
		else
			assert_int_equal(ret, -EBADMSG);
	}
	/* The receive PN did not move: the genuine frame still passes. */
	assert_int_equal(decap_copy(&l.sta, prot, outlen, NULL, NULL), 0);
	free(bad);
	free(prot);
}

static void test_mic_ignores_retry_power_moredata_and_seqnum(void **state)
{
	static const struct { int byte; uint8_t bit; } flips[] = {
		{ 1, 0x08 },	/* Retry */
		{ 1, 0x10 },	/* Power Management */
		{ 1, 0x20 },	/* More Data */
		{ 0, 0x10 },	/* subtype bit 4: CF-Ack */
		{ 2, 0xff },	/* duration */
		{ 22, 0xf0 },	/* sequence number, low bits */
		{ 23, 0xff },	/* sequence number, high bits */
	};
	uint8_t plain[MAX_FRAME], *prot;
	size_t len, outlen;
	struct link l;
	unsigned int i;

	(void)state;
	link_init(&l, 0, false);
	for (i = 0; i < sizeof(flips) / sizeof(flips[0]); i++) {
		len = make_frame(plain, &shapes[1], 90, true, false, 0);
		prot = encap_copy(&l.ap, plain, len, &outlen);
		prot[flips[i].byte] ^= flips[i].bit;
		assert_int_equal(decap_copy(&l.sta, prot, outlen, NULL, NULL),
				 0);
		free(prot);
	}
}

static void test_rejects_short_frames(void **state)
{
	uint8_t plain[MAX_FRAME], *prot;
	size_t len, outlen, cut;
	unsigned int si;
	struct link l;

	(void)state;
	for (si = 0; si < NSHAPES; si++) {
		link_init(&l, 0, false);
		len = make_frame(plain, &shapes[si], 0, true, false, 0);
		prot = encap_copy(&l.ap, plain, len, &outlen);
		for (cut = 0; cut < outlen; cut++)
			assert_int_equal(decap_copy(&l.sta, prot, cut, NULL,
						    NULL), -EMSGSIZE);
		assert_int_equal(decap_copy(&l.sta, prot, outlen, NULL, NULL),
				 0);
		free(prot);
	}
}

static void test_rejects_unknown_or_unset_keyidx(void **state)
{
	uint8_t plain[MAX_FRAME], *prot;
	size_t len, outlen;
	struct link l;
	int idx;

	(void)state;
	link_init(&l, 0, false);
	len = make_frame(plain, &shapes[0], 48, true, false, 0);
	prot = encap_copy(&l.ap, plain, len, &outlen);
	for (idx = 1; idx < 256; idx++) {
		prot[24] = idx;
		assert_int_equal(decap_copy(&l.sta, prot, outlen, NULL, NULL),
				 -ENOKEY);
	}
	prot[24] = 0;
	wpv_wpi_clear_key(&l.sta, 0);
	assert_int_equal(decap_copy(&l.sta, prot, outlen, NULL, NULL),
			 -ENOKEY);
	free(prot);
}

static void test_rejects_unprotected_and_non_data_frames(void **state)
{
	static const uint16_t fcs[] = {
		0x0008 | FC_FROMDS,			/* Protected clear */
		0x0000 | FC_PROTECTED,			/* management */
		0x0004 | FC_PROTECTED,			/* control */
		0x0048 | FC_PROTECTED,			/* Null data */
		0x00c8 | FC_PROTECTED,			/* QoS Null */
		0x0009 | FC_PROTECTED,			/* version 1 */
	};
	uint8_t plain[MAX_FRAME], *prot;
	size_t len, outlen;
	struct link l;
	unsigned int i;

	(void)state;
	link_init(&l, 0, false);
	len = make_frame(plain, &shapes[0], 48, true, false, 0);
	prot = encap_copy(&l.ap, plain, len, &outlen);
	for (i = 0; i < sizeof(fcs) / sizeof(fcs[0]); i++) {
		prot[0] = fcs[i] & 0xff;
		prot[1] = fcs[i] >> 8;
		assert_int_equal(decap_copy(&l.sta, prot, outlen, NULL, NULL),
				 -EINVAL);
	}
	free(prot);
}

static void expect_encap_error(struct wpv_wpi_ctx *ctx, const uint8_t *plain,
			       size_t len, size_t room, int err)
{
	uint8_t *buf = dup_exact(plain, len, room);
	size_t n = len;

	assert_int_equal(wpv_wpi_encap(ctx, buf, &n, len + room), err);
	assert_int_equal(n, len);
	assert_memory_equal(buf, plain, len);
	free(buf);
}

static void test_encap_errors_leave_frame_unchanged(void **state)
{
	uint8_t plain[MAX_FRAME];
	struct wpv_wpi_ctx none;
	struct link l;
	size_t len;

	(void)state;
	link_init(&l, 0, false);
	wpv_wpi_init(&none);
	len = make_frame(plain, &shapes[1], 100, true, false, 0);
	expect_encap_error(&none, plain, len, 34, -ENOKEY);
	expect_encap_error(&l.ap, plain, len, 33, -EMSGSIZE);
	expect_encap_error(&l.ap, plain, 20, 34, -EMSGSIZE);
	plain[1] |= FC_PROTECTED >> 8;
	expect_encap_error(&l.ap, plain, len, 34, -EINVAL);
	plain[1] &= ~(FC_PROTECTED >> 8);
	plain[0] = 0x40;	/* probe request */
	expect_encap_error(&l.ap, plain, len, 34, -EINVAL);
}

static void test_encap_refuses_when_pn_space_is_exhausted(void **state)
{
	uint8_t plain[MAX_FRAME];
	size_t len, outlen;
	struct link l;
	uint8_t *prot;

	(void)state;
	link_init(&l, 0, false);
	memset(l.ap.keys[0].tx_pn, 0xff, 16);
	l.ap.keys[0].tx_pn[15] = 0xfd;
	len = make_frame(plain, &shapes[0], 10, true, false, 0);
	prot = encap_copy(&l.ap, plain, len, &outlen);
	assert_int_equal(decap_copy(&l.sta, prot, outlen, NULL, NULL), 0);
	free(prot);
	expect_encap_error(&l.ap, plain, len, 34, -EOVERFLOW);
}

static void test_rekey_moves_transmit_and_keeps_old_key_for_receive(
	void **state)
{
	uint8_t plain[MAX_FRAME], key1[32];
	size_t len, l0, l1;
	uint8_t *f0, *f1;
	struct link l;

	(void)state;
	link_init(&l, 0, false);
	ref_fill(key1, sizeof(key1));
	len = make_frame(plain, &shapes[1], 70, true, false, 0);
	f0 = encap_copy(&l.ap, plain, len, &l0);
	assert_int_equal(wpv_wpi_set_key(&l.ap, 1, key1, WPV_WPI_ROLE_AP,
					 false), 0);
	assert_int_equal(wpv_wpi_set_key(&l.sta, 1, key1, WPV_WPI_ROLE_STA,
					 false), 0);
	f1 = encap_copy(&l.ap, plain, len, &l1);
	assert_int_equal(f1[26], 1);
	assert_int_equal(decap_copy(&l.sta, f1, l1, NULL, NULL), 0);
	assert_int_equal(decap_copy(&l.sta, f0, l0, NULL, NULL), 0);
	free(f0);
	free(f1);
}

static void test_clearing_wipes_keys(void **state)
{
	static const struct wpv_wpi_key zero_key;
	static const struct wpv_wpi_ctx zero_ctx;
	struct link l;

	(void)state;
	link_init(&l, 0, false);
	assert_int_equal(wpv_wpi_set_key(&l.ap, 1, l.key, WPV_WPI_ROLE_AP,
					 true), 0);
	wpv_wpi_clear_key(&l.ap, 0);
	assert_memory_equal(&l.ap.keys[0], &zero_key, sizeof(zero_key));
	assert_memory_not_equal(&l.ap.keys[1], &zero_key, sizeof(zero_key));
	wpv_wpi_clear(&l.ap);
	assert_memory_equal(&l.ap, &zero_ctx, sizeof(zero_ctx));
}

static void test_set_key_rejects_bad_index_and_role(void **state)
{
	struct wpv_wpi_ctx ctx;
	uint8_t key[32] = { 0 };

	(void)state;
	wpv_wpi_init(&ctx);
	assert_int_equal(wpv_wpi_set_key(&ctx, 2, key, WPV_WPI_ROLE_AP,
					 false), -EINVAL);
	assert_int_equal(wpv_wpi_set_key(&ctx, 0, key, 7, false), -EINVAL);
	assert_false(ctx.keys[0].set);
}

static void test_header_length_of_every_shape(void **state)
{
	uint8_t plain[MAX_FRAME];
	unsigned int si;
	size_t len;

	(void)state;
	for (si = 0; si < NSHAPES; si++) {
		len = make_frame(plain, &shapes[si], 0, true, false, 0);
		assert_int_equal(wpv_wpi_hdrlen(plain, len),
				 shapes[si].hdrlen);
		assert_int_equal(wpv_wpi_hdrlen(plain, len - 1), -EMSGSIZE);
	}
}

static void test_decap_leaves_bytes_past_frame_alone(void **state)
{
	uint8_t plain[MAX_FRAME], buf[MAX_FRAME + 64], *prot;
	size_t len, outlen, n;
	struct link l;
	int i;

	(void)state;
	link_init(&l, 0, false);
	len = make_frame(plain, &shapes[3], 77, true, false, 0);
	prot = encap_copy(&l.ap, plain, len, &outlen);
	memset(buf, 0xa5, sizeof(buf));
	memcpy(buf, prot, outlen);
	buf[outlen - 1] ^= 1;
	n = outlen;
	assert_int_equal(wpv_wpi_decap(&l.sta, buf, &n), -EBADMSG);
	buf[outlen - 1] ^= 1;
	assert_int_equal(wpv_wpi_decap(&l.sta, buf, &n), 0);
	for (i = 0; i < 64; i++)
		assert_int_equal(buf[outlen + i], 0xa5);
	free(prot);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors_seal_and_open_bcmcrypto),
		cmocka_unit_test(test_vectors_match_first_pn_of_counters),
		cmocka_unit_test(test_matches_openssl_reference_every_shape),
		cmocka_unit_test(
			test_round_trip_every_shape_index_and_direction),
		cmocka_unit_test(test_protect_unprotect_keep_layout),
		cmocka_unit_test(test_transmit_pns_follow_counter_rules),
		cmocka_unit_test(test_receiver_accepts_peer_starting_pn_once),
		cmocka_unit_test(test_rejects_replayed_pn),
		cmocka_unit_test(test_unicast_replay_counter_per_tid),
		cmocka_unit_test(test_group_replay_counter_ignores_tid),
		cmocka_unit_test(test_rejects_wrong_parity_pn),
		cmocka_unit_test(
			test_rejects_any_flipped_bit_outside_masked_fields),
		cmocka_unit_test(
			test_mic_ignores_retry_power_moredata_and_seqnum),
		cmocka_unit_test(test_rejects_short_frames),
		cmocka_unit_test(test_rejects_unknown_or_unset_keyidx),
		cmocka_unit_test(test_rejects_unprotected_and_non_data_frames),
		cmocka_unit_test(test_encap_errors_leave_frame_unchanged),
		cmocka_unit_test(
			test_encap_refuses_when_pn_space_is_exhausted),
		cmocka_unit_test(
			test_rekey_moves_transmit_and_keeps_old_key_for_receive),
		cmocka_unit_test(test_clearing_wipes_keys),
		cmocka_unit_test(test_set_key_rejects_bad_index_and_role),
		cmocka_unit_test(test_header_length_of_every_shape),
		cmocka_unit_test(test_decap_leaves_bytes_past_frame_alone),
	};

	return cmocka_run_group_tests_name("wpi", tests, NULL, NULL);
}
