// SPDX-License-Identifier: GPL-2.0
/*
 * Writes the seed corpus of fuzz_wpi_decap: valid protected frames of
 * every shape for each receiver setup, and plain frames for round trips.
 * Usage: gen_wpi_seeds DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_wpi.h"

struct seed_shape {
	const char *name;
	u16 fc;		/* data frame; DS bits chosen per direction */
	size_t hdrlen;
};

static const struct seed_shape shapes[] = {
	{ "data", 0x0008, 24 },
	{ "qos", 0x0088, 26 },
	{ "4addr", 0x0308, 30 },
	{ "4addr-qos-htc", 0x8388, 36 },
	{ "frag", 0x0408, 24 },
};

static const size_t lengths[] = { 0, 7, 16, 61 };

static int write_seed(const char *dir, const char *name, u8 mode,
		      const u8 *frame, size_t len)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f) {
		perror(path);
		return -1;
	}
	fputc(mode, f);
	fwrite(frame, 1, len, f);
	return fclose(f);
}

static size_t plain_frame(u8 *buf, const struct seed_shape *s, u8 mode,
			  size_t datalen)
{
	u16 fc = s->fc;
	size_t i;

	if (!(fc & 0x0300))
		fc |= mode & FUZZ_RX_AP ? 0x0100 : 0x0200;
	for (i = 0; i < s->hdrlen + datalen; i++)
		buf[i] = (u8)(i * 37 + datalen);
	buf[0] = fc & 0xff;
	buf[1] = fc >> 8;
	buf[4] = mode & FUZZ_GROUP ? 0x01 : 0x02;
	return s->hdrlen + datalen;
}

int main(int argc, char **argv)
{
	static const u8 modes[] = { 0x00, 0x01, 0x02, 0x04, 0x06, 0x05 };
	struct wpv_wpi_ctx rx, tx;
	unsigned int m, si, li;
	u8 buf[256];
	char name[128];
	size_t len;

	if (argc != 2) {
		fprintf(stderr, "usage: %s DIR\n", argv[0]);
		return 2;
	}
	for (m = 0; m < sizeof(modes); m++) {
		for (si = 0; si < sizeof(shapes) / sizeof(shapes[0]); si++) {
			for (li = 0; li < 4; li++) {
				fuzz_setup(modes[m], &rx, &tx);
				len = plain_frame(buf, &shapes[si], modes[m],
						  lengths[li]);
				if (si == li % 5) {
					snprintf(name, sizeof(name),
						 "plain-m%02x-%s-%zu",
						 modes[m] | FUZZ_ROUNDTRIP,
						 shapes[si].name, lengths[li]);
					if (write_seed(argv[1], name, modes[m] |
						       FUZZ_ROUNDTRIP, buf,
						       len))
						return 1;
				}
				if (wpv_wpi_encap(&tx, buf, &len, sizeof(buf)))
					return 1;
				snprintf(name, sizeof(name), "wpi-m%02x-%s-%zu",
					 modes[m], shapes[si].name,
					 lengths[li]);
				if (write_seed(argv[1], name, modes[m], buf,
					       len))
					return 1;
			}
		}
	}
	return 0;
}
