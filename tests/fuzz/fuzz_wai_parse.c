// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target for the WAI response parser (kernel/wai.c), seeds in
 * corpus/wai.  Every input either fails to parse or yields a fixed part
 * that lies inside the input; the matcher then runs over it.
 */
#include <stdint.h>
#include <stdlib.h>

#include "wai.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const u8 zero[WPV_NONCE_LEN];
	struct wpv_wai_resp r;
	struct wpv_wai_hdr h;
	u8 *copy;

	/* A copy of exactly the input, so ASan catches any over-read. */
	copy = malloc(size ? size : 1);
	if (!copy)
		return 0;
	memcpy(copy, data, size);

	if (!wpv_wai_hdr_parse(copy, size, &h) &&
	    (h.len < WPV_WAI_HDR_LEN || h.len > size))
		abort();
	if (!wpv_wai_resp_parse(copy, size, &r)) {
		if (r.body + r.body_len > copy + size ||
		    r.body_len < WPV_SIG_RESP_FIXED_LEN ||
		    r.body_len > WPV_SIG_RESP_MAX_LEN)
			abort();
		wpv_wai_resp_matches(&r, zero, zero, zero);
	}
	free(copy);
	return 0;
}
