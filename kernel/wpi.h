/* SPDX-License-Identifier: GPL-2.0 */
/*
 * WPI: WAPI's data frame protection, SMS4-OFB encryption plus SMS4 CBC-MAC
 * integrity, on whole 802.11 data frames held in a flat buffer.  Portable:
 * the same code runs in the module (see wpi_skb.h for the sk_buff API),
 * in the KUnit suites and natively.
 *
 * A protected frame is the plain frame with 18 bytes inserted after the
 * 802.11 header and 16 appended:
 *
 *   802.11 header | KeyIdx (1) | Reserved (1) | PN (16) | data | MIC (16)
 *
 * with data and MIC encrypted.  The frame carries no FCS.
 *
 * Errors (negative errno), the same for the sk_buff API:
 *
 *   -EINVAL     not a data frame with a body, protocol version not 0,
 *               Protected bit set on encapsulation or clear on
 *               decapsulation, key index other than 0 or 1 in set_key
 *   -EMSGSIZE   frame too short for its header (and on decapsulation for
 *               the WPI header and MIC), no room for the 34 added bytes,
 *               or more than 65535 data bytes
 *   -ENOKEY     no transmit key, or the frame's KeyIdx is not 0 or 1 or
 *               names a key that is not set
 *   -EPROTO     unicast PN of the wrong parity: a station accepts only odd
 *               PNs (the AP's), an AP only even ones (a station's)
 *   -ESTALE     replayed PN: not greater than the last one accepted on that
 *               key (for unicast, on that traffic identifier)
 *   -EBADMSG    MIC mismatch
 *   -EOVERFLOW  transmit PN space exhausted; set a new key
 *
 * On every error the frame is left exactly as it was passed in.
 *
 * Concurrency: these functions take no locks.  The caller serialises all
 * calls on one struct wpv_wpi_ctx; separate contexts are independent.
 */
#ifndef _WPV_WPI_H
#define _WPV_WPI_H

#include "sms4.h"

#define WPV_WPI_KEY_LEN		32	/* encryption key, then MIC key */
#define WPV_WPI_PN_LEN		16
#define WPV_WPI_MIC_LEN		16
/* Bytes inserted after the 802.11 header: KeyIdx, Reserved, PN. */
#define WPV_WPI_HEADROOM	(2 + WPV_WPI_PN_LEN)
/* Bytes appended after the data: the MIC. */
#define WPV_WPI_TAILROOM	WPV_WPI_MIC_LEN
#define WPV_WPI_OVERHEAD	(WPV_WPI_HEADROOM + WPV_WPI_TAILROOM)
#define WPV_WPI_NUM_KEYS	2
#define WPV_WPI_MAX_DATA	0xffff
/* Receive PN slots: TIDs 0-15, then non-QoS data. */
#define WPV_WPI_RX_SLOTS	17
#define WPV_WPI_RX_NONQOS	16

/* Which side of the link this context transmits for. */
enum wpv_wpi_role {
	WPV_WPI_ROLE_STA,
	WPV_WPI_ROLE_AP,
};

/**
 * struct wpv_wpi_key - one installed key
 * @enc: expanded encryption key (first 16 key bytes)
 * @mic: expanded MIC key (last 16 key bytes)
 * @tx_pn: last PN sent, as a big-endian number (IV order)
 * @rx_pn: per slot, the PN that received frames must exceed, big-endian
 * @step: transmit PN increment, 2 for unicast and 1 for group keys
 * @role: the side this context transmits for
 * @group: multicast key: one receive slot and no parity rule
 * @set: the key is installed
 */
struct wpv_wpi_key {
	struct wpv_sms4_ctx enc;
	struct wpv_sms4_ctx mic;
	u8 tx_pn[WPV_WPI_PN_LEN];
	u8 rx_pn[WPV_WPI_RX_SLOTS][WPV_WPI_PN_LEN];
	u8 step;
	u8 role;
	bool group;
	bool set;
};

/**
 * struct wpv_wpi_ctx - the keys of one link: a station's unicast keys, or
 *	a BSS's group keys
 * @keys: KeyIdx 0 and 1
 * @tx_idx: key used to transmit, the one set last
 */
struct wpv_wpi_ctx {
	struct wpv_wpi_key keys[WPV_WPI_NUM_KEYS];
	u8 tx_idx;
};

void wpv_wpi_init(struct wpv_wpi_ctx *ctx);
int wpv_wpi_set_key(struct wpv_wpi_ctx *ctx, unsigned int idx,
		    const u8 *key, enum wpv_wpi_role role, bool group);
void wpv_wpi_clear_key(struct wpv_wpi_ctx *ctx, unsigned int idx);
void wpv_wpi_clear(struct wpv_wpi_ctx *ctx);

int wpv_wpi_hdrlen(const u8 *frame, size_t len);

int wpv_wpi_protect(struct wpv_wpi_ctx *ctx, u8 *frame, size_t len);
int wpv_wpi_unprotect(struct wpv_wpi_ctx *ctx, u8 *frame, size_t len);

int wpv_wpi_encap(struct wpv_wpi_ctx *ctx, u8 *buf, size_t *len,
		  size_t size);
int wpv_wpi_decap(struct wpv_wpi_ctx *ctx, u8 *buf, size_t *len);

/* The bare transform with the PN already in the frame: for known answers. */
int wpv_wpi_seal(const struct wpv_wpi_key *key, u8 *frame, size_t len);
int wpv_wpi_open(const struct wpv_wpi_key *key, u8 *frame, size_t len);

#endif /* _WPV_WPI_H */
