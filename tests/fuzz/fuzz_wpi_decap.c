// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for WPI decapsulation (see fuzz_wpi.h for the input
 * format).  Besides memory safety it checks the contract: a refused frame
 * is left byte for byte as it was, an accepted one shrinks by exactly the
 * WPI overhead and is refused as a replay the second time, and anything
 * the peer encapsulates comes back unchanged.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz_wpi.h"

static void check(bool ok)
{
	if (!ok)
		abort();
}

static void fuzz_decap(struct wpv_wpi_ctx *rx, const u8 *data, size_t size)
{
	u8 *buf = malloc(size ? size : 1);
	size_t n = size;
	int ret;

	check(buf);
	memcpy(buf, data, size);
	ret = wpv_wpi_decap(rx, buf, &n);
	if (ret) {
		check(ret == -EINVAL || ret == -EMSGSIZE || ret == -ENOKEY ||
		      ret == -EPROTO || ret == -ESTALE || ret == -EBADMSG);
		check(n == size && !memcmp(buf, data, size));
	} else {
		check(n == size - WPV_WPI_OVERHEAD);
		memcpy(buf, data, size);
		n = size;
		check(wpv_wpi_decap(rx, buf, &n) == -ESTALE);
	}
	free(buf);
}

static void fuzz_round_trip(struct wpv_wpi_ctx *rx, struct wpv_wpi_ctx *tx,
			    const u8 *data, size_t size)
{
	u8 *buf = malloc(size + WPV_WPI_OVERHEAD);
	size_t n = size;
	int ret;

	check(buf);
	memcpy(buf, data, size);
	ret = wpv_wpi_encap(tx, buf, &n, size + WPV_WPI_OVERHEAD);
	if (ret) {
		check(n == size && !memcmp(buf, data, size));
	} else {
		check(n == size + WPV_WPI_OVERHEAD);
		check(wpv_wpi_decap(rx, buf, &n) == 0);
		check(n == size && !memcmp(buf, data, size));
	}
	free(buf);
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct wpv_wpi_ctx rx, tx;
	u8 mode;

	if (!size)
		return 0;
	mode = data[0];
	fuzz_setup(mode, &rx, &tx);
	if (mode & FUZZ_ROUNDTRIP)
		fuzz_round_trip(&rx, &tx, data + 1, size - 1);
	else
		fuzz_decap(&rx, data + 1, size - 1);
	return 0;
}
