// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite wapi_preview_wpi: WPI on flat buffers.  Known answers from
 * Broadcom bcmcrypto sms4_vectors.h, "locally generated packet vectors for
 * SMS4-WPI" (tests/vectors/wpi.txt); then round trips for every frame
 * shape, the packet number rules and every rejection.  Uses no sk_buff, so
 * it runs without networking.
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "wpi.h"

#define WPI_KUNIT_MAX	1600

struct wpi_kunit_vector {
	const char *desc;
	u8 ek[16];
	u8 ck[16];
	u8 plaintext[96];
	u8 ciphertext[96];
	u8 mic[16];
	size_t len;
};

static const struct wpi_kunit_vector wpi_kunit_vectors[] = {
	{
		.desc = "wpi-00-all-zero",
		.ek = {
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
		},
		.ck = {
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
		},
		.plaintext = {
			0x08, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00
		},
		.ciphertext = {
			0x08, 0x40, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x9f, 0x1f, 0x7b, 0xff, 0x6f, 0x55,
			0x11, 0x38, 0x4d, 0x94, 0x30, 0x53, 0x1e, 0x53,
			0x8f, 0xd3, 0x27, 0x8a, 0xe4, 0x93, 0xfa, 0x4f,
			0xc7, 0x34, 0x83, 0x3a, 0x28, 0xd2, 0xba, 0x57,
			0xf0, 0xc1
		},
		.mic = {
			0x61, 0x21, 0xbe, 0x9b, 0xa4, 0xd2, 0x42, 0xf1,
			0x0d, 0xf5, 0x6f, 0xa8, 0xbb, 0xe0, 0x9c, 0xa2
		},
		.len = 74,
	},
	{
		.desc = "wpi-04-group-fromds",
		.ek = {
			0xc9, 0x7c, 0x1f, 0x67, 0xce, 0x37, 0x11, 0x85,
			0x51, 0x4a, 0x8a, 0x19, 0xf2, 0xbd, 0xd5, 0x2f
		},
		.ck = {
			0x42, 0xa6, 0x43, 0xe4, 0x32, 0x46, 0xe8, 0x0c,
			0x3c, 0x04, 0xd0, 0x19, 0x78, 0x45, 0xce, 0x0b
		},
		.plaintext = {
			0x08, 0x42, 0x12, 0x34, 0xff, 0xff, 0xff, 0xff,
			0xff, 0xff, 0x00, 0x10, 0x18, 0x09, 0xd5, 0xb0,
			0x00, 0x10, 0x18, 0x09, 0xd5, 0xb0, 0x70, 0x07,
			0x00, 0x00, 0x37, 0x5c, 0x36, 0x5c, 0x36, 0x5c,
			0x36, 0x5c, 0x36, 0x5c, 0x36, 0x5c, 0x36, 0x5c,
			0x36, 0x5c, 0xaa, 0xaa, 0x03, 0x00, 0x00, 0x00,
			0xf8, 0xba, 0x1a, 0x55, 0xd0, 0x2f, 0x85, 0xae,
			0x96, 0x7b, 0xb6, 0x2f, 0xb6, 0xcd, 0xa8, 0xeb,
			0x7e, 0x78, 0xa0, 0x50, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00
		},
		.ciphertext = {
			0x08, 0x42, 0x12, 0x34, 0xff, 0xff, 0xff, 0xff,
			0xff, 0xff, 0x00, 0x10, 0x18, 0x09, 0xd5, 0xb0,
			0x00, 0x10, 0x18, 0x09, 0xd5, 0xb0, 0x70, 0x07,
			0x00, 0x00, 0x37, 0x5c, 0x36, 0x5c, 0x36, 0x5c,
			0x36, 0x5c, 0x36, 0x5c, 0x36, 0x5c, 0x36, 0x5c,
			0x36, 0x5c, 0x7b, 0x6a, 0x29, 0x38, 0xd9, 0xe1,
			0x4a, 0x45, 0x28, 0xd0, 0x27, 0x77, 0xeb, 0x33,
			0x7d, 0x02, 0xfc, 0x05, 0x0a, 0xa8, 0x86, 0x6e,
			0x11, 0x28, 0x65, 0x6f, 0x35, 0x63, 0x4f, 0x31,
			0xe6, 0x67, 0xe8, 0x0a, 0x5a, 0x94, 0xcd, 0x48,
			0xc1, 0x44, 0xfb, 0x5d
		},
		.mic = {
			0xa3, 0x86, 0xb0, 0x52, 0x8a, 0x90, 0xb0, 0x7c,
			0x9c, 0xe5, 0x92, 0xc3, 0x87, 0x0c, 0x16, 0x6e
		},
		.len = 84,
	},
	{
		.desc = "wpi-06-qos-fragment",
		.ek = {
			0xc9, 0x7c, 0x1f, 0x67, 0xce, 0x37, 0x11, 0x85,
			0x51, 0x4a, 0x8a, 0x19, 0xf2, 0xbd, 0xd5, 0x2f
		},
		.ck = {
			0x42, 0xa6, 0x43, 0xe4, 0x32, 0x46, 0xe8, 0x0c,
			0x3c, 0x04, 0xd0, 0x19, 0x78, 0x45, 0xce, 0x0b
		},
		.plaintext = {
			0x88, 0x41, 0x02, 0x46, 0x00, 0x10, 0x18, 0x09,
			0xd5, 0xb0, 0x00, 0x10, 0x18, 0x09, 0xc9, 0x12,
			0x00, 0x10, 0x18, 0x09, 0xd5, 0xb0, 0x73, 0x98,
			0x00, 0x07, 0x00, 0x00, 0x38, 0x5c, 0x36, 0x5c,
			0x36, 0x5c, 0x36, 0x5c, 0x36, 0x5c, 0x36, 0x5c,
			0x36, 0x5c, 0x36, 0x5c, 0xaa, 0xaa, 0x03, 0x00,
			0x00, 0x00, 0xf8, 0xba, 0x1a, 0x55, 0xd0, 0x2f,
			0x85, 0xae, 0x96, 0x7b, 0xb6, 0x2f, 0xb6, 0xcd,
			0xa8, 0xeb, 0x7e, 0x78, 0xa0, 0x50, 0x01, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
			0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00
		},
		.ciphertext = {
			0x88, 0x41, 0x02, 0x46, 0x00, 0x10, 0x18, 0x09,
			0xd5, 0xb0, 0x00, 0x10, 0x18, 0x09, 0xc9, 0x12,
			0x00, 0x10, 0x18, 0x09, 0xd5, 0xb0, 0x73, 0x98,
			0x00, 0x07, 0x00, 0x00, 0x38, 0x5c, 0x36, 0x5c,
			0x36, 0x5c, 0x36, 0x5c, 0x36, 0x5c, 0x36, 0x5c,
			0x36, 0x5c, 0x36, 0x5c, 0x26, 0xae, 0x5c, 0x77,
			0x38, 0x08, 0x5c, 0xb3, 0xf7, 0x67, 0x99, 0x90,
			0x20, 0xf8, 0xb7, 0x8f, 0x79, 0x96, 0x03, 0x42,
			0xd4, 0x56, 0xf4, 0xac, 0x75, 0x08, 0xaa, 0x14,
			0x08, 0x5a, 0xa9, 0x06, 0x3b, 0xb1, 0xb5, 0xbd,
			0x65, 0x00, 0x6f, 0x93, 0x3f, 0x86, 0xed
		},
		.mic = {
			0xa7, 0x13, 0x38, 0xe0, 0xb8, 0xb0, 0x23, 0x47,
			0x9b, 0x5f, 0x41, 0xdd, 0x20, 0xaa, 0x70, 0xee
		},
		.len = 87,
	},
};

/* A frame to build: its frame control, header length and data length. */
struct wpi_kunit_shape {
	const char *desc;
	u16 fc;
	u8 hdrlen;
	u16 datalen;
	u8 keyidx;
	bool group;
	bool to_ap;
};

static const struct wpi_kunit_shape wpi_kunit_shapes[] = {
	{ "3-address data to a station", 0x0208, 24, 100, 0, false, false },
	{ "3-address data to the AP", 0x0108, 24, 100, 0, false, true },
	{ "3-address QoS data", 0x0288, 26, 64, 0, false, false },
	{ "4-address data", 0x0308, 30, 33, 0, false, false },
	{ "4-address QoS data", 0x0388, 32, 47, 1, false, true },
	{ "QoS data with HT Control", 0x8288, 30, 16, 0, false, false },
	{ "fragment with More Fragments", 0x0608, 24, 15, 1, false, false },
	{ "KeyIdx 1", 0x0208, 24, 200, 1, false, false },
	{ "group data", 0x0208, 24, 90, 0, true, false },
	{ "group data, KeyIdx 1", 0x0288, 26, 91, 1, true, false },
	{ "empty body", 0x0208, 24, 0, 0, false, false },
	{ "one byte", 0x0108, 24, 1, 0, false, true },
	{ "1500 bytes", 0x0288, 26, 1500, 0, false, false },
};

enum wpi_kunit_fault {
	WPI_FAULT_SHORT,
	WPI_FAULT_DATA,
	WPI_FAULT_MIC,
	WPI_FAULT_ADDRESS,
	WPI_FAULT_REPLAY,
	WPI_FAULT_PARITY,
	WPI_FAULT_KEYIDX_UNKNOWN,
	WPI_FAULT_KEYIDX_UNSET,
	WPI_FAULT_UNPROTECTED,
	WPI_FAULT_NOT_DATA,
};

struct wpi_kunit_reject {
	const char *desc;
	enum wpi_kunit_fault fault;
	int err;
};

static const struct wpi_kunit_reject wpi_kunit_rejects[] = {
	{ "shorter than header, WPI fields and MIC", WPI_FAULT_SHORT,
	  -EMSGSIZE },
	{ "data bit flipped", WPI_FAULT_DATA, -EBADMSG },
	{ "MIC bit flipped", WPI_FAULT_MIC, -EBADMSG },
	{ "address 2 changed", WPI_FAULT_ADDRESS, -EBADMSG },
	{ "replayed PN", WPI_FAULT_REPLAY, -ESTALE },
	{ "even PN to a station", WPI_FAULT_PARITY, -EPROTO },
	{ "KeyIdx 7", WPI_FAULT_KEYIDX_UNKNOWN, -ENOKEY },
	{ "KeyIdx 1 not set", WPI_FAULT_KEYIDX_UNSET, -ENOKEY },
	{ "Protected bit clear", WPI_FAULT_UNPROTECTED, -EINVAL },
	{ "management frame", WPI_FAULT_NOT_DATA, -EINVAL },
};

static void wpi_kunit_vector_desc(const struct wpi_kunit_vector *t, char *desc)
{
	strscpy(desc, t->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(wpi_kunit_vector, wpi_kunit_vectors, wpi_kunit_vector_desc);

static void wpi_kunit_shape_desc(const struct wpi_kunit_shape *t, char *desc)
{
	strscpy(desc, t->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(wpi_kunit_shape, wpi_kunit_shapes, wpi_kunit_shape_desc);

static void wpi_kunit_reject_desc(const struct wpi_kunit_reject *t, char *desc)
{
	strscpy(desc, t->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(wpi_kunit_reject, wpi_kunit_rejects, wpi_kunit_reject_desc);

/* A transmitter and a receiver sharing keys. */
struct wpi_kunit_link {
	struct wpv_wpi_ctx tx;
	struct wpv_wpi_ctx rx;
};

static void wpi_kunit_key(u8 *key, unsigned int seed)
{
	unsigned int i;

	for (i = 0; i < WPV_WPI_KEY_LEN; i++)
		key[i] = i * 13 + seed * 101 + 7;
}

/* Keys 0 to @keys - 1; @tx_idx is set last, so it transmits. */
static struct wpi_kunit_link *wpi_kunit_link(struct kunit *test,
					     unsigned int keys,
					     unsigned int tx_idx, bool group,
					     bool to_ap)
{
	enum wpv_wpi_role tx_role, rx_role;
	struct wpi_kunit_link *l;
	u8 key[WPV_WPI_KEY_LEN];
	unsigned int i, idx;

	l = kunit_kzalloc(test, sizeof(*l), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, l);
	tx_role = to_ap ? WPV_WPI_ROLE_STA : WPV_WPI_ROLE_AP;
	rx_role = to_ap ? WPV_WPI_ROLE_AP : WPV_WPI_ROLE_STA;
	wpv_wpi_init(&l->tx);
	wpv_wpi_init(&l->rx);
	for (i = 1; i <= keys; i++) {
		idx = (tx_idx + i) % keys;
		wpi_kunit_key(key, idx);
		KUNIT_ASSERT_EQ(test, wpv_wpi_set_key(&l->tx, idx, key,
						      tx_role, group), 0);
		KUNIT_ASSERT_EQ(test, wpv_wpi_set_key(&l->rx, idx, key,
						      rx_role, group), 0);
	}
	return l;
}

/* A plain frame of @s, with room for the WPI overhead after it. */
static u8 *wpi_kunit_frame(struct kunit *test, const struct wpi_kunit_shape *s,
			   size_t *len)
{
	size_t i, n = s->hdrlen + s->datalen;
	u8 *f;

	f = kunit_kzalloc(test, n + WPV_WPI_OVERHEAD, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f);
	for (i = 0; i < n; i++)
		f[i] = i * 7 + s->datalen;
	put_unaligned_le16(s->fc, f);
	f[4] = s->group ? 0x01 : 0x02;
	*len = n;
	return f;
}

static void wpi_kunit_vector_test(struct kunit *test)
{
	const struct wpi_kunit_vector *t = test->param_value;
	u8 key[WPV_WPI_KEY_LEN], buf[96];
	struct wpv_wpi_ctx ctx;

	memcpy(key, t->ek, 16);
	memcpy(key + 16, t->ck, 16);
	wpv_wpi_init(&ctx);
	KUNIT_ASSERT_EQ(test, wpv_wpi_set_key(&ctx, 0, key, WPV_WPI_ROLE_AP,
					      false), 0);

	memcpy(buf, t->plaintext, t->len);
	KUNIT_EXPECT_EQ(test, wpv_wpi_seal(&ctx.keys[0], buf, t->len), 0);
	KUNIT_EXPECT_EQ(test, memcmp(buf, t->ciphertext, t->len), 0);

	KUNIT_EXPECT_EQ(test, wpv_wpi_open(&ctx.keys[0], buf, t->len), 0);
	KUNIT_EXPECT_EQ(test, memcmp(buf, t->plaintext, t->len - 16), 0);
	KUNIT_EXPECT_EQ(test, memcmp(buf + t->len - 16, t->mic, 16), 0);
	wpv_wpi_clear(&ctx);
}

static void wpi_kunit_round_trip_test(struct kunit *test)
{
	const struct wpi_kunit_shape *s = test->param_value;
	struct wpi_kunit_link *l;
	size_t len, n;
	u8 *f, *orig;

	l = wpi_kunit_link(test, 2, s->keyidx, s->group, s->to_ap);
	f = wpi_kunit_frame(test, s, &len);
	orig = kunit_kmalloc(test, len, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, orig);
	memcpy(orig, f, len);

	n = len;
	KUNIT_ASSERT_EQ(test, wpv_wpi_encap(&l->tx, f, &n,
					    len + WPV_WPI_OVERHEAD), 0);
	KUNIT_EXPECT_EQ(test, n, len + WPV_WPI_OVERHEAD);
	KUNIT_EXPECT_TRUE(test, f[1] & 0x40);
	KUNIT_EXPECT_EQ(test, f[s->hdrlen], s->keyidx);
	KUNIT_ASSERT_EQ(test, wpv_wpi_decap(&l->rx, f, &n), 0);
	KUNIT_EXPECT_EQ(test, n, len);
	KUNIT_EXPECT_EQ(test, memcmp(f, orig, len), 0);
}

static void wpi_kunit_reject_test(struct kunit *test)
{
	const struct wpi_kunit_reject *t = test->param_value;
	const struct wpi_kunit_shape *s = &wpi_kunit_shapes[2];
	size_t len, n, hl = s->hdrlen;
	u8 key[WPV_WPI_KEY_LEN];
	struct wpi_kunit_link *l;
	u8 *f, *copy;

	/* Parity: a station's even PN arrives at another station. */
	l = wpi_kunit_link(test, 1, 0, false, t->fault == WPI_FAULT_PARITY);
	if (t->fault == WPI_FAULT_PARITY) {
		wpi_kunit_key(key, 0);
		KUNIT_ASSERT_EQ(test, wpv_wpi_set_key(&l->rx, 0, key,
						      WPV_WPI_ROLE_STA,
						      false), 0);
	}
	f = wpi_kunit_frame(test, s, &len);
	n = len;
	KUNIT_ASSERT_EQ(test, wpv_wpi_encap(&l->tx, f, &n,
					    len + WPV_WPI_OVERHEAD), 0);

	switch (t->fault) {
	case WPI_FAULT_SHORT:
		n = hl + WPV_WPI_OVERHEAD - 1;
		break;
	case WPI_FAULT_DATA:
		f[hl + WPV_WPI_HEADROOM + 3] ^= 0x10;
		break;
	case WPI_FAULT_MIC:
		f[n - 1] ^= 0x01;
		break;
	case WPI_FAULT_ADDRESS:
		f[10] ^= 0x02;
		break;
	case WPI_FAULT_REPLAY:
		copy = kunit_kmalloc(test, n, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, copy);
		memcpy(copy, f, n);
		len = n;
		KUNIT_ASSERT_EQ(test, wpv_wpi_decap(&l->rx, copy, &len), 0);
		break;
	case WPI_FAULT_PARITY:
		break;
	case WPI_FAULT_KEYIDX_UNKNOWN:
		f[hl] = 7;
		break;
	case WPI_FAULT_KEYIDX_UNSET:
		f[hl] = 1;
		break;
	case WPI_FAULT_UNPROTECTED:
		f[1] &= ~0x40;
		break;
	case WPI_FAULT_NOT_DATA:
		f[0] = 0x00;
		break;
	}

	copy = kunit_kmalloc(test, n, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, copy);
	memcpy(copy, f, n);
	len = n;
	KUNIT_EXPECT_EQ(test, wpv_wpi_decap(&l->rx, f, &len), t->err);
	KUNIT_EXPECT_EQ(test, len, n);
	KUNIT_EXPECT_EQ(test, memcmp(f, copy, n), 0);
}

static void wpi_kunit_first_pn(struct kunit *test, struct wpv_wpi_ctx *ctx,
			       u8 last)
{
	static const struct wpi_kunit_shape s = {
		"pn", 0x0208, 24, 8, 0, false, false
	};
	size_t len, n;
	unsigned int i;
	u8 *f;

	f = wpi_kunit_frame(test, &s, &len);
	n = len;
	KUNIT_ASSERT_EQ(test, wpv_wpi_encap(ctx, f, &n,
					    len + WPV_WPI_OVERHEAD), 0);
	/* Carried least-significant byte first: 5c36...5c36 plus a bit. */
	KUNIT_EXPECT_EQ(test, f[26], last);
	for (i = 1; i < WPV_WPI_PN_LEN; i++)
		KUNIT_EXPECT_EQ(test, f[26 + i], (i & 1) ? 0x5c : 0x36);
}

static void wpi_kunit_pn_rules_test(struct kunit *test)
{
	struct wpi_kunit_link *l;

	/* Incremented before first use. */
	l = wpi_kunit_link(test, 1, 0, false, false);
	wpi_kunit_first_pn(test, &l->tx, 0x39);		/* AP unicast */
	wpi_kunit_first_pn(test, &l->tx, 0x3b);
	l = wpi_kunit_link(test, 1, 0, false, true);
	wpi_kunit_first_pn(test, &l->tx, 0x38);		/* station unicast */
	l = wpi_kunit_link(test, 1, 0, true, false);
	wpi_kunit_first_pn(test, &l->tx, 0x37);		/* group */
	wpi_kunit_first_pn(test, &l->tx, 0x38);
}

static void wpi_kunit_encap_errors_test(struct kunit *test)
{
	const struct wpi_kunit_shape *s = &wpi_kunit_shapes[0];
	struct wpv_wpi_ctx none;
	struct wpi_kunit_link *l;
	size_t len, n;
	u8 *f;

	wpv_wpi_init(&none);
	l = wpi_kunit_link(test, 1, 0, false, false);
	f = wpi_kunit_frame(test, s, &len);
	n = len;
	KUNIT_EXPECT_EQ(test, wpv_wpi_encap(&none, f, &n,
					    len + WPV_WPI_OVERHEAD), -ENOKEY);
	KUNIT_EXPECT_EQ(test, wpv_wpi_encap(&l->tx, f, &n,
					    len + WPV_WPI_OVERHEAD - 1),
			-EMSGSIZE);
	KUNIT_EXPECT_EQ(test, n, len);

	f[1] |= 0x40;		/* already protected */
	KUNIT_EXPECT_EQ(test, wpv_wpi_encap(&l->tx, f, &n,
					    len + WPV_WPI_OVERHEAD), -EINVAL);
	f[1] &= ~0x40;

	/* The last PN of the 128-bit space has been used. */
	memset(l->tx.keys[0].tx_pn, 0xff, WPV_WPI_PN_LEN);
	KUNIT_EXPECT_EQ(test, wpv_wpi_encap(&l->tx, f, &n,
					    len + WPV_WPI_OVERHEAD),
			-EOVERFLOW);
	KUNIT_EXPECT_EQ(test, n, len);
}

static void wpi_kunit_clear_test(struct kunit *test)
{
	struct wpi_kunit_link *l;
	struct wpv_wpi_ctx *zero;

	zero = kunit_kzalloc(test, sizeof(*zero), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, zero);
	l = wpi_kunit_link(test, 2, 0, false, false);
	wpv_wpi_clear_key(&l->tx, 1);
	KUNIT_EXPECT_EQ(test, memcmp(&l->tx.keys[1], &zero->keys[1],
				     sizeof(zero->keys[1])), 0);
	wpv_wpi_clear(&l->tx);
	KUNIT_EXPECT_EQ(test, memcmp(&l->tx, zero, sizeof(*zero)), 0);
}

static struct kunit_case wpi_kunit_cases[] = {
	KUNIT_CASE_PARAM(wpi_kunit_vector_test, wpi_kunit_vector_gen_params),
	KUNIT_CASE_PARAM(wpi_kunit_round_trip_test,
			 wpi_kunit_shape_gen_params),
	KUNIT_CASE_PARAM(wpi_kunit_reject_test, wpi_kunit_reject_gen_params),
	KUNIT_CASE(wpi_kunit_pn_rules_test),
	KUNIT_CASE(wpi_kunit_encap_errors_test),
	KUNIT_CASE(wpi_kunit_clear_test),
	{}
};

static struct kunit_suite wpi_kunit_suite = {
	.name = "wapi_preview_wpi",
	.test_cases = wpi_kunit_cases,
};

kunit_test_suite(wpi_kunit_suite);
