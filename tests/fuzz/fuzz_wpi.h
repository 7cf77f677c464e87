/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Setup shared by the WPI fuzzer and its seed generator.
 *
 * The first input byte picks the setup, the rest is the frame:
 *   bit 0  group keys (else unicast)
 *   bit 1  the receiver is the AP (else a station)
 *   bit 2  KeyIdx 1 is installed as well as 0, and is the transmit key
 *   bit 3  round trip: the frame is plain, the peer encapsulates it first
 */
#ifndef FUZZ_WPI_H
#define FUZZ_WPI_H

#include "wpi.h"

#define FUZZ_GROUP	0x01
#define FUZZ_RX_AP	0x02
#define FUZZ_TWO_KEYS	0x04
#define FUZZ_ROUNDTRIP	0x08

static const u8 fuzz_key[2][WPV_WPI_KEY_LEN] = {
	{ 0x4b, 0x30, 0x3a, 0x11, 0x9d, 0x02, 0x7e, 0xc5,
	  0x61, 0xf0, 0x28, 0x93, 0x5a, 0xbb, 0x04, 0x7d,
	  0x19, 0xe2, 0x6c, 0x40, 0xa8, 0x35, 0xd7, 0x0f,
	  0x8e, 0x51, 0x2b, 0xc9, 0x76, 0x13, 0xfa, 0x64 },
	{ 0xb4, 0xcf, 0xc5, 0xee, 0x62, 0xfd, 0x81, 0x3a,
	  0x9e, 0x0f, 0xd7, 0x6c, 0xa5, 0x44, 0xfb, 0x82,
	  0xe6, 0x1d, 0x93, 0xbf, 0x57, 0xca, 0x28, 0xf0,
	  0x71, 0xae, 0xd4, 0x36, 0x89, 0xec, 0x05, 0x9b },
};

/* The receiver's context, and the peer that transmits to it. */
static inline void fuzz_setup(u8 mode, struct wpv_wpi_ctx *rx,
			      struct wpv_wpi_ctx *tx)
{
	bool group = mode & FUZZ_GROUP;
	enum wpv_wpi_role rx_role, tx_role;
	unsigned int i, nkeys = mode & FUZZ_TWO_KEYS ? 2 : 1;

	rx_role = mode & FUZZ_RX_AP ? WPV_WPI_ROLE_AP : WPV_WPI_ROLE_STA;
	tx_role = mode & FUZZ_RX_AP ? WPV_WPI_ROLE_STA : WPV_WPI_ROLE_AP;
	wpv_wpi_init(rx);
	wpv_wpi_init(tx);
	for (i = 0; i < nkeys; i++) {
		wpv_wpi_set_key(rx, i, fuzz_key[i], rx_role, group);
		wpv_wpi_set_key(tx, i, fuzz_key[i], tx_role, group);
	}
}

#endif /* FUZZ_WPI_H */
