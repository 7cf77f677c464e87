// SPDX-License-Identifier: GPL-2.0
/*
 * WPI frame protection on flat buffers.
 *
 * The MIC is an SMS4 CBC-MAC (MIC key) that starts from E(IV), chains the
 * MIC header zero-padded to 16 bytes, then the plaintext data zero-padded
 * to 16 bytes.  Encryption is SMS4-OFB (encryption key) from the same IV
 * over the data followed by the MIC, as one stream.  The IV is the PN
 * field reversed: the frame carries the PN least-significant byte first.
 *
 * Packet numbers are kept as 16-byte big-endian numbers (IV order), so
 * comparing two is a memcmp().
 */
#include "wpi.h"

#define WPI_FC_VERSION		0x0003
#define WPI_FC_TYPE		0x000c
#define WPI_FC_TYPE_DATA	0x0008
#define WPI_FC_NODATA		0x0040	/* Null and CF-only: no body */
#define WPI_FC_QOS		0x0080
#define WPI_FC_DS		0x0300	/* both set: four addresses */
#define WPI_FC_PROTECTED	0x4000
#define WPI_FC_ORDER		0x8000
/*
 * The MIC covers frame control without subtype bits 4-6, Retry, Power
 * Management and More Data: bits a retransmission or power save may
 * change.
 */
#define WPI_FC_MIC_MASK		0xc78f
#define WPI_SC_FRAG		0x000f

#define WPI_ADDR_LEN		6
#define WPI_HDR_LEN		24	/* FC, duration, A1-A3, sequence */
#define WPI_SC_OFF		22
#define WPI_A4_OFF		24
#define WPI_QOS_LEN		2
#define WPI_HTC_LEN		4
#define WPI_MIC_HDR_MAX		48	/* 34 bytes at most, padded */

/* Where the fields of one data frame are. */
struct wpi_layout {
	size_t hdrlen;		/* 802.11 header, up to KeyIdx */
	size_t qos;		/* offset of QoS control, 0 if none */
	size_t datalen;		/* bytes between PN and MIC */
	u16 fc;
	bool a4;
};

static int wpi_parse(const u8 *frame, size_t len, struct wpi_layout *l)
{
	if (len < 2)
		return -EMSGSIZE;

	l->fc = get_unaligned_le16(frame);
	if ((l->fc & WPI_FC_VERSION) ||
	    (l->fc & WPI_FC_TYPE) != WPI_FC_TYPE_DATA ||
	    (l->fc & WPI_FC_NODATA))
		return -EINVAL;

	l->hdrlen = WPI_HDR_LEN;
	l->a4 = (l->fc & WPI_FC_DS) == WPI_FC_DS;
	if (l->a4)
		l->hdrlen += WPI_ADDR_LEN;
	l->qos = 0;
	if (l->fc & WPI_FC_QOS) {
		l->qos = l->hdrlen;
		l->hdrlen += WPI_QOS_LEN;
		/* HT Control follows; the MIC header does not include it. */
		if (l->fc & WPI_FC_ORDER)
			l->hdrlen += WPI_HTC_LEN;
	}
	if (len < l->hdrlen)
		return -EMSGSIZE;
	return 0;
}

/* Parse a frame that has (or gets) the WPI fields and MIC. */
static int wpi_parse_wpi(const u8 *frame, size_t len, struct wpi_layout *l)
{
	int ret;

	ret = wpi_parse(frame, len, l);
	if (ret)
		return ret;
	if (len - l->hdrlen < WPV_WPI_OVERHEAD)
		return -EMSGSIZE;
	l->datalen = len - l->hdrlen - WPV_WPI_OVERHEAD;
	if (l->datalen > WPV_WPI_MAX_DATA)
		return -EMSGSIZE;
	return 0;
}

/**
 * wpv_wpi_hdrlen() - length of a data frame's 802.11 header
 * @frame: the frame
 * @len: its length
 *
 * Return: the header length (24 to 36 bytes), -EINVAL if @frame is not a
 * data frame with a body, -EMSGSIZE if it is shorter than its header.
 */
int wpv_wpi_hdrlen(const u8 *frame, size_t len)
{
	struct wpi_layout l;
	int ret;

	ret = wpi_parse(frame, len, &l);
	return ret ? ret : (int)l.hdrlen;
}

/* Build the MIC header; returns its length before padding (32 or 34). */
static size_t wpi_mic_header(u8 *mh, const u8 *frame,
			     const struct wpi_layout *l)
{
	size_t pos = 2 * WPI_ADDR_LEN + 2;
	u16 sc;

	memset(mh, 0, WPI_MIC_HDR_MAX);
	put_unaligned_le16(l->fc & WPI_FC_MIC_MASK, mh);
	memcpy(mh + 2, frame + 4, 2 * WPI_ADDR_LEN);	/* A1, A2 */
	sc = get_unaligned_le16(frame + WPI_SC_OFF);
	put_unaligned_le16(sc & WPI_SC_FRAG, mh + pos);
	pos += 2;
	memcpy(mh + pos, frame + 16, WPI_ADDR_LEN);	/* A3 */
	pos += WPI_ADDR_LEN;
	if (l->a4)
		memcpy(mh + pos, frame + WPI_A4_OFF, WPI_ADDR_LEN);
	pos += WPI_ADDR_LEN;				/* else zeros */
	if (l->qos) {
		memcpy(mh + pos, frame + l->qos, WPI_QOS_LEN);
		pos += WPI_QOS_LEN;
	}
	mh[pos++] = frame[l->hdrlen];			/* KeyIdx */
	mh[pos++] = frame[l->hdrlen + 1];		/* Reserved */
	put_unaligned_be16((u16)l->datalen, mh + pos);
	return pos + 2;
}

static void wpi_iv(u8 *iv, const u8 *frame, const struct wpi_layout *l)
{
	const u8 *pn = frame + l->hdrlen + 2;
	unsigned int i;

	for (i = 0; i < WPV_WPI_PN_LEN; i++)
		iv[i] = pn[WPV_WPI_PN_LEN - 1 - i];
}

static inline void wpi_xor4(u32 *d, const u32 *a, const u32 *b)
{
	d[0] = a[0] ^ b[0];
	d[1] = a[1] ^ b[1];
	d[2] = a[2] ^ b[2];
	d[3] = a[3] ^ b[3];
}

/*
 * The MIC header and the IV: leaves @mac chained over the header and @ks
 * holding the first keystream block.
 */
static void wpi_begin(const struct wpv_wpi_key *key, const u8 *frame,
		      const struct wpi_layout *l, u32 *mac, u32 *ks)
{
	u8 mh[WPI_MIC_HDR_MAX];
	u8 iv[WPV_SMS4_BLOCK_SIZE];
	size_t mhlen, i;
	u32 w[4];

	mhlen = wpi_mic_header(mh, frame, l);
	wpi_iv(iv, frame, l);
	wpv_sms4_load(mac, iv);
	wpv_sms4_load(ks, iv);
	wpv_sms4_encrypt_pair(&key->mic, mac, &key->enc, ks);

	for (i = 0; i < mhlen; i += WPV_SMS4_BLOCK_SIZE) {
		wpv_sms4_load(w, mh + i);
		wpi_xor4(mac, mac, w);
		wpv_sms4_encrypt_words(&key->mic, mac);
	}
}

/*
 * One pass over the data and the MIC field.  The CBC-MAC chain and the
 * keystream chain are independent, so each step runs one block of each
 * together (wpv_sms4_encrypt_pair()).  The MAC always takes plaintext:
 * the data as it is when sealing, the decrypted data when opening.
 *
 * Afterwards the data is transformed in place, the MIC field holds the
 * encrypted MIC (sealing) or the decrypted received MIC (opening), and
 * @mic the MIC computed here.
 */
static void wpi_transform(const struct wpv_wpi_key *key, u8 *frame,
			  const struct wpi_layout *l, bool open, u8 *mic)
{
	u8 *data = frame + l->hdrlen + WPV_WPI_HEADROOM;
	u8 stream[2 * WPV_SMS4_BLOCK_SIZE];
	u8 last[WPV_SMS4_BLOCK_SIZE];
	size_t left = l->datalen;
	u32 mac[4], ks[4], w[4], p[4];
	size_t i;

	wpi_begin(key, frame, l, mac, ks);

	for (; left >= WPV_SMS4_BLOCK_SIZE; left -= WPV_SMS4_BLOCK_SIZE) {
		wpv_sms4_load(w, data);
		if (open)
			wpi_xor4(p, w, ks);
		else
			memcpy(p, w, sizeof(p));
		wpi_xor4(mac, mac, p);
		wpi_xor4(w, w, ks);
		wpv_sms4_store(data, w);
		wpv_sms4_encrypt_pair(&key->mic, mac, &key->enc, ks);
		data += WPV_SMS4_BLOCK_SIZE;
	}

	/*
	 * What is left of the data (under 16 bytes) and the MIC share the
	 * last one or two keystream blocks.
	 */
	wpv_sms4_store(stream, ks);
	if (left) {
		memset(last, 0, sizeof(last));
		for (i = 0; i < left; i++)
			last[i] = open ? data[i] ^ stream[i] : data[i];
		wpv_sms4_load(p, last);
		wpi_xor4(mac, mac, p);
		wpv_sms4_encrypt_pair(&key->mic, mac, &key->enc, ks);
		wpv_sms4_store(stream + WPV_SMS4_BLOCK_SIZE, ks);
	}
	wpv_sms4_store(mic, mac);
	if (!open)
		memcpy(data + left, mic, WPV_WPI_MIC_LEN);
	for (i = 0; i < left + WPV_WPI_MIC_LEN; i++)
		data[i] ^= stream[i];

	memzero_explicit(stream, sizeof(stream));
	memzero_explicit(last, sizeof(last));
	memzero_explicit(mac, sizeof(mac));
	memzero_explicit(ks, sizeof(ks));
	memzero_explicit(w, sizeof(w));
	memzero_explicit(p, sizeof(p));
}

/* Constant time: the MIC comparison must not tell how much matched. */
static bool wpi_mic_differs(const u8 *a, const u8 *b)
{
	u8 d = 0;
	unsigned int i;

	for (i = 0; i < WPV_WPI_MIC_LEN; i++)
		d |= a[i] ^ b[i];
	return d != 0;
}

static void wpi_seal(const struct wpv_wpi_key *key, u8 *frame,
		     const struct wpi_layout *l)
{
	u8 mic[WPV_WPI_MIC_LEN];

	wpi_transform(key, frame, l, false, mic);
	memzero_explicit(mic, sizeof(mic));
}

static int wpi_open(const struct wpv_wpi_key *key, u8 *frame,
		    const struct wpi_layout *l)
{
	u8 *data = frame + l->hdrlen + WPV_WPI_HEADROOM;
	u8 iv[WPV_SMS4_BLOCK_SIZE];
	struct wpv_sms4_ofb ofb;
	u8 mic[WPV_WPI_MIC_LEN];
	int ret = 0;

	wpi_transform(key, frame, l, true, mic);
	if (wpi_mic_differs(mic, data + l->datalen)) {
		/* OFB is its own inverse: put the ciphertext back. */
		wpi_iv(iv, frame, l);
		wpv_sms4_ofb_start(&ofb, &key->enc, iv);
		wpv_sms4_ofb_crypt(&ofb, data, data,
				   l->datalen + WPV_WPI_MIC_LEN);
		wpv_sms4_ofb_end(&ofb);
		ret = -EBADMSG;
	}
	memzero_explicit(mic, sizeof(mic));
	return ret;
}

/**
 * wpv_wpi_seal() - encrypt a frame whose WPI fields are already filled in
 * @key: the key
 * @frame: 802.11 header, KeyIdx, Reserved, PN, data, 16 bytes for the MIC
 * @len: length of all of it
 *
 * No packet number bookkeeping and no check of the Protected bit: this is
 * the bare transform, for known-answer tests.
 *
 * Return: 0, -EINVAL or -EMSGSIZE.
 */
int wpv_wpi_seal(const struct wpv_wpi_key *key, u8 *frame, size_t len)
{
	struct wpi_layout l;
	int ret;

	ret = wpi_parse_wpi(frame, len, &l);
	if (ret)
		return ret;
	wpi_seal(key, frame, &l);
	return 0;
}

/**
 * wpv_wpi_open() - decrypt and check a frame, without replay checks
 * @key: the key
 * @frame: a protected frame, as received
 * @len: its length
 *
 * On success the data is decrypted in place and the MIC field holds the
 * decrypted MIC; the WPI fields stay.
 *
 * Return: 0, -EINVAL, -EMSGSIZE or -EBADMSG (frame unchanged).
 */
int wpv_wpi_open(const struct wpv_wpi_key *key, u8 *frame, size_t len)
{
	struct wpi_layout l;
	int ret;

	ret = wpi_parse_wpi(frame, len, &l);
	if (ret)
		return ret;
	return wpi_open(key, frame, &l);
}

/* The PN every counter is derived from: 0x5c365c36...5c36. */
static void wpi_pn_base(u8 *pn)
{
	unsigned int i;

	for (i = 0; i < WPV_WPI_PN_LEN; i++)
		pn[i] = (i & 1) ? 0x36 : 0x5c;
}

/* Add @n to a big-endian PN; true if it wrapped around. */
static bool wpi_pn_add(u8 *pn, unsigned int n)
{
	unsigned int i = WPV_WPI_PN_LEN;

	while (i-- && n) {
		n += pn[i];
		pn[i] = (u8)n;
		n >>= 8;
	}
	return n != 0;
}

/**
 * wpv_wpi_init() - start a context with no keys
 * @ctx: the context
 */
void wpv_wpi_init(struct wpv_wpi_ctx *ctx)
{
	memset(ctx, 0, sizeof(*ctx));
}

/**
 * wpv_wpi_set_key() - install a key and make it the transmit key
 * @ctx: the context
 * @idx: KeyIdx, 0 or 1
 * @key: WPV_WPI_KEY_LEN bytes: encryption key, then MIC key
 * @role: the side this context transmits for
 * @group: multicast key (PN step 1) rather than unicast (step 2)
 *
 * Transmit PNs start from 0x5c36...5c36 (station unicast, group) or
 * 0x5c36...5c37 (AP unicast) and are incremented before each use.  A
 * receiver accepts from the peer's starting value on, so a peer that does
 * use its starting value for its first frame is not refused.  Replacing a
 * key resets its counters.
 *
 * Return: 0 or -EINVAL.
 */
int wpv_wpi_set_key(struct wpv_wpi_ctx *ctx, unsigned int idx,
		    const u8 *key, enum wpv_wpi_role role, bool group)
{
	u8 floor[WPV_WPI_PN_LEN];
	struct wpv_wpi_key *k;
	unsigned int i;

	if (idx >= WPV_WPI_NUM_KEYS ||
	    (role != WPV_WPI_ROLE_STA && role != WPV_WPI_ROLE_AP))
		return -EINVAL;

	k = &ctx->keys[idx];
	memzero_explicit(k, sizeof(*k));
	wpv_sms4_set_key(&k->enc, key);
	wpv_sms4_set_key(&k->mic, key + WPV_SMS4_KEY_SIZE);
	k->step = group ? 1 : 2;
	k->role = role;
	k->group = group;

	wpi_pn_base(k->tx_pn);
	if (!group && role == WPV_WPI_ROLE_AP)
		wpi_pn_add(k->tx_pn, 1);

	/* Receive floor: one below the peer's starting PN. */
	wpi_pn_base(floor);
	if (group || role == WPV_WPI_ROLE_AP)
		floor[WPV_WPI_PN_LEN - 1]--;
	for (i = 0; i < WPV_WPI_RX_SLOTS; i++)
		memcpy(k->rx_pn[i], floor, WPV_WPI_PN_LEN);

	k->set = true;
	ctx->tx_idx = idx;
	return 0;
}

/**
 * wpv_wpi_clear_key() - remove and wipe one key
 * @ctx: the context
 * @idx: KeyIdx; out of range values are ignored
 */
void wpv_wpi_clear_key(struct wpv_wpi_ctx *ctx, unsigned int idx)
{
	if (idx < WPV_WPI_NUM_KEYS)
		memzero_explicit(&ctx->keys[idx], sizeof(ctx->keys[idx]));
}

/**
 * wpv_wpi_clear() - remove and wipe every key
 * @ctx: the context, as after wpv_wpi_init()
 */
void wpv_wpi_clear(struct wpv_wpi_ctx *ctx)
{
	memzero_explicit(ctx, sizeof(*ctx));
}

/**
 * wpv_wpi_protect() - protect a frame that already has room for WPI
 * @ctx: the context; its transmit key is used
 * @frame: 802.11 header, 18 free bytes, data, 16 free bytes
 * @len: length of all of it
 *
 * Sets the Protected bit, fills in KeyIdx, Reserved and the next PN,
 * computes the MIC and encrypts data and MIC in place.
 *
 * Return: 0, -EINVAL, -EMSGSIZE, -ENOKEY or -EOVERFLOW (frame unchanged).
 */
int wpv_wpi_protect(struct wpv_wpi_ctx *ctx, u8 *frame, size_t len)
{
	u8 pn[WPV_WPI_PN_LEN];
	struct wpv_wpi_key *k;
	struct wpi_layout l;
	unsigned int i;
	int ret;

	ret = wpi_parse_wpi(frame, len, &l);
	if (ret)
		return ret;
	if (l.fc & WPI_FC_PROTECTED)
		return -EINVAL;

	k = &ctx->keys[ctx->tx_idx];
	if (!k->set)
		return -ENOKEY;
	memcpy(pn, k->tx_pn, sizeof(pn));
	if (wpi_pn_add(pn, k->step))
		return -EOVERFLOW;
	memcpy(k->tx_pn, pn, sizeof(pn));

	l.fc |= WPI_FC_PROTECTED;
	put_unaligned_le16(l.fc, frame);
	frame[l.hdrlen] = ctx->tx_idx;
	frame[l.hdrlen + 1] = 0;
	for (i = 0; i < WPV_WPI_PN_LEN; i++)
		frame[l.hdrlen + 2 + i] = pn[WPV_WPI_PN_LEN - 1 - i];

	wpi_seal(k, frame, &l);
	return 0;
}

/* Unicast PNs are per TID; group PNs use one slot. */
static unsigned int wpi_rx_slot(const struct wpv_wpi_key *k,
				const u8 *frame, const struct wpi_layout *l)
{
	if (k->group)
		return 0;
	if (l->qos)
		return frame[l->qos] & 0x0f;
	return WPV_WPI_RX_NONQOS;
}

static int wpi_unprotect(struct wpv_wpi_ctx *ctx, u8 *frame, size_t len,
			 struct wpi_layout *l)
{
	u8 pn[WPV_WPI_PN_LEN];
	struct wpv_wpi_key *k;
	unsigned int slot;
	bool odd, want_odd;
	int ret;
	u8 idx;

	ret = wpi_parse_wpi(frame, len, l);
	if (ret)
		return ret;
	if (!(l->fc & WPI_FC_PROTECTED))
		return -EINVAL;

	idx = frame[l->hdrlen];
	if (idx >= WPV_WPI_NUM_KEYS || !ctx->keys[idx].set)
		return -ENOKEY;
	k = &ctx->keys[idx];

	wpi_iv(pn, frame, l);
	/* Stations receive the AP's odd PNs, the AP a station's even ones. */
	odd = pn[WPV_WPI_PN_LEN - 1] & 1;
	want_odd = k->role == WPV_WPI_ROLE_STA;
	if (!k->group && odd != want_odd)
		return -EPROTO;

	slot = wpi_rx_slot(k, frame, l);
	if (memcmp(pn, k->rx_pn[slot], WPV_WPI_PN_LEN) <= 0)
		return -ESTALE;

	ret = wpi_open(k, frame, l);
	if (ret)
		return ret;
	memcpy(k->rx_pn[slot], pn, WPV_WPI_PN_LEN);
	return 0;
}

/**
 * wpv_wpi_unprotect() - check and decrypt a frame, keeping its layout
 * @ctx: the context; the frame's KeyIdx picks the key
 * @frame: a protected frame, as received, without FCS
 * @len: its length
 *
 * Checks the PN (parity for unicast, then replay), then the MIC; only a
 * frame that passes both advances the receive PN.  On success the data is
 * plaintext in place; KeyIdx, PN and the (decrypted) MIC are still there.
 *
 * Return: 0, -EINVAL, -EMSGSIZE, -ENOKEY, -EPROTO, -ESTALE or -EBADMSG
 * (frame unchanged).
 */
int wpv_wpi_unprotect(struct wpv_wpi_ctx *ctx, u8 *frame, size_t len)
{
	struct wpi_layout l;

	return wpi_unprotect(ctx, frame, len, &l);
}

/**
 * wpv_wpi_encap() - protect a plain frame in its buffer
 * @ctx: the context; its transmit key is used
 * @buf: the frame: 802.11 header, then data
 * @len: in: frame length; out: WPV_WPI_OVERHEAD more on success
 * @size: bytes available at @buf, at least *@len + WPV_WPI_OVERHEAD
 *
 * Moves the data up by WPV_WPI_HEADROOM bytes, then protects the frame as
 * wpv_wpi_protect() does.
 *
 * Return: 0, -EINVAL, -EMSGSIZE, -ENOKEY or -EOVERFLOW (frame unchanged).
 */
int wpv_wpi_encap(struct wpv_wpi_ctx *ctx, u8 *buf, size_t *len,
		  size_t size)
{
	size_t body, hdrlen;
	int ret;

	ret = wpv_wpi_hdrlen(buf, *len);
	if (ret < 0)
		return ret;
	hdrlen = ret;
	if (*len > size || size - *len < WPV_WPI_OVERHEAD)
		return -EMSGSIZE;

	body = *len - hdrlen;
	memmove(buf + hdrlen + WPV_WPI_HEADROOM, buf + hdrlen, body);
	ret = wpv_wpi_protect(ctx, buf, *len + WPV_WPI_OVERHEAD);
	if (ret) {
		memmove(buf + hdrlen, buf + hdrlen + WPV_WPI_HEADROOM, body);
		return ret;
	}
	*len += WPV_WPI_OVERHEAD;
	return 0;
}

/**
 * wpv_wpi_decap() - check, decrypt and strip a protected frame in place
 * @ctx: the context; the frame's KeyIdx picks the key
 * @buf: a protected frame, as received, without FCS
 * @len: in: frame length; out: WPV_WPI_OVERHEAD less on success
 *
 * On success @buf holds the plain frame: the WPI fields and the MIC are
 * gone and the Protected bit is clear.  Never writes past *@len bytes.
 *
 * Return: 0, -EINVAL, -EMSGSIZE, -ENOKEY, -EPROTO, -ESTALE or -EBADMSG
 * (frame unchanged).
 */
int wpv_wpi_decap(struct wpv_wpi_ctx *ctx, u8 *buf, size_t *len)
{
	struct wpi_layout l;
	int ret;

	ret = wpi_unprotect(ctx, buf, *len, &l);
	if (ret)
		return ret;

	memmove(buf + l.hdrlen, buf + l.hdrlen + WPV_WPI_HEADROOM,
		l.datalen);
	put_unaligned_le16(l.fc & ~WPI_FC_PROTECTED, buf);
	*len -= WPV_WPI_OVERHEAD;
	return 0;
}
