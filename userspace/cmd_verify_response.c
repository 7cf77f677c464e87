// SPDX-License-Identifier: GPL-2.0
/*
 * wpv verify-response: run the agent's verification core on a response
 * body from a file, with the kernel's facts given on the command line.
 * Prints one line: verdict, reason, identity, detail.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "agent_conf.h"
#include "util.h"
#include "verify.h"
#include "wpv.h"

static int decide(const char *conf_path, const struct wpv_cli_facts *f,
		  const u8 *body, size_t len)
{
	struct wpv_verify_facts facts = { .ifname = "test" };
	struct wpv_verify_result res;
	struct wpv_agent_conf conf;
	struct wpv_verifier *v;
	char err[512];

	if (wpv_agent_conf_load(conf_path, &conf, err, sizeof(err))) {
		fprintf(stderr, "wpv verify-response: %s\n", err);
		return WPV_EXIT_USAGE;
	}
	if (wpv_agent_conf_verifier(&conf, &v, err, sizeof(err))) {
		fprintf(stderr, "wpv verify-response: %s\n", err);
		wpv_agent_conf_free(&conf);
		return WPV_EXIT_USAGE;
	}
	memcpy(facts.ap_addr, f->ap_addr, 6);
	memcpy(facts.sta_addr, f->sta_addr, 6);
	memcpy(facts.bssid, f->bssid, 6);
	memcpy(facts.ap_nonce, f->ap_nonce, 32);
	wpv_verify_response(v, &facts, body, len, &res);
	printf("verdict=%s reason=%s identity=\"%s\" detail=\"%s\"\n",
	       res.verdict == WPV_VERDICT_ACCEPT ? "accept" : "reject",
	       wpv_reason_name(res.reason), res.identity, res.detail);
	wpv_verifier_free(v);
	wpv_agent_conf_free(&conf);
	return res.verdict == WPV_VERDICT_ACCEPT ? 0 : 1;
}

int wpv_verify_response_main(int argc, char **argv)
{
	static const struct option opts[] = {
		WPV_CLI_FACT_OPTIONS,
		{ "config", required_argument, NULL, 'c' },
		{ "input", required_argument, NULL, 'i' },
		{ NULL, 0, NULL, 0 },
	};
	const char *conf = NULL, *in = NULL;
	struct wpv_cli_facts f = { 0 };
	size_t len;
	u8 *body;
	int opt, ret;

	while ((opt = getopt_long(argc, argv, "c:i:", opts, NULL)) != -1) {
		ret = wpv_cli_fact(&f, opt, optarg);
		if (ret < 0)
			return WPV_EXIT_USAGE;
		if (ret)
			continue;
		switch (opt) {
		case 'c':
			conf = optarg;
			break;
		case 'i':
			in = optarg;
			break;
		default:
			return WPV_EXIT_USAGE;
		}
	}
	if (!conf || !in ||
	    wpv_cli_need(&f, WPV_CLI_AP | WPV_CLI_STA | WPV_CLI_BSSID |
			 WPV_CLI_AP_NONCE)) {
		fprintf(stderr, "usage: wpv verify-response -c CONFIG --ap MAC --sta MAC --bssid MAC --ap-nonce HEX -i BODY\n");
		return WPV_EXIT_USAGE;
	}
	/* Read one byte more than the module forwards so oversize shows. */
	ret = wpv_read_file(in, WPV_SIG_RESP_MAX_LEN + 1, &body, &len);
	if (ret) {
		fprintf(stderr, "wpv verify-response: %s: %s\n", in,
			strerror(-ret));
		return 1;
	}
	ret = decide(conf, &f, body, len);
	free(body);
	return ret;
}
