// SPDX-License-Identifier: GPL-2.0
/* wpv transcript: write the bytes a station signs, for interop tests. */
#include <getopt.h>
#include <stdio.h>
#include <unistd.h>

#include "util.h"
#include "wpv.h"
#include "wpv_transcript.h"

int wpv_transcript_main(int argc, char **argv)
{
	static const struct option opts[] = {
		WPV_CLI_FACT_OPTIONS,
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct wpv_cli_facts f = { 0 };
	u8 out[WPV_TRANSCRIPT_LEN];
	struct wpv_transcript_in in;
	const char *path = NULL;
	int opt, ret;

	while ((opt = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		ret = wpv_cli_fact(&f, opt, optarg);
		if (ret < 0)
			return WPV_EXIT_USAGE;
		if (ret)
			continue;
		if (opt != 'o')
			return WPV_EXIT_USAGE;
		path = optarg;
	}
	if (wpv_cli_need(&f, WPV_CLI_AP | WPV_CLI_STA | WPV_CLI_BSSID |
			 WPV_CLI_AP_NONCE | WPV_CLI_STA_NONCE))
		return WPV_EXIT_USAGE;

	in.ap_addr = f.ap_addr;
	in.sta_addr = f.sta_addr;
	in.bssid = f.bssid;
	in.ap_nonce = f.ap_nonce;
	in.sta_nonce = f.sta_nonce;
	ret = wpv_transcript_build(&in, out, sizeof(out));
	if (ret < 0)
		return 1;
	if (path)
		ret = wpv_write_file(path, out, sizeof(out));
	else
		ret = fwrite(out, 1, sizeof(out), stdout) == sizeof(out) ?
		      0 : -EIO;
	if (ret) {
		fprintf(stderr, "wpv transcript: cannot write %s: %s\n",
			path ? path : "stdout", strerror(-ret));
		return 1;
	}
	return 0;
}
