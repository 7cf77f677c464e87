// SPDX-License-Identifier: GPL-2.0
/*
 * wpv: the wapi-preview tool.  Each subcommand lives in its own file; this
 * file only finds it.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "wpv.h"

struct wpv_command {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *usage;
	const char *summary;
	bool test;	/* listed apart: for tests and interop checks */
};

static int wpv_help_main(int argc, char **argv);

static const struct wpv_command wpv_commands[] = {
	{ "agent", wpv_agent_main, "[-c CONFIG] [-f]",
	  "verify stations' answers for the wapi_preview module", false },
	{ "station", wpv_station_main,
	  "-i IFACE -k KEYFILE [-c CERTFILE] [--once] [--record FILE | --replay FILE]",
	  "answer signature verification requests on a station", false },
	{ "iface", wpv_cmd_iface, "list [--json] | attach IFNAME | detach IFNAME",
	  "attach the gate to AP interfaces, detach it, list them", false },
	{ "show", wpv_cmd_show, "[IFNAME] [--json]",
	  "list stations: state, reason, identity, counters", false },
	{ "set", wpv_cmd_set, "IFNAME KEY=VALUE ...",
	  "set per-interface tunables (keys as the sysfs files)", false },
	{ "sta", wpv_cmd_sta, "authorise|block|reset|del IFNAME MAC",
	  "change one station by hand", false },
	{ "events", wpv_cmd_events, "[-n COUNT] [--json]",
	  "print station events and accounting, one line each", false },
	{ "help", wpv_help_main, "", "show this list", false },
	{ "transcript", wpv_transcript_main,
	  "--ap MAC --sta MAC --bssid MAC --ap-nonce HEX --sta-nonce HEX [-o FILE]",
	  "write the transcript a station signs (binary)", true },
	{ "sign", wpv_sign_main, "-k KEYFILE -i FILE [-o SIG] [--raw]",
	  "sign FILE as the responder does; DER ECDSA-Sig-Value, or r|s with --raw",
	  true },
	{ "verify-sig", wpv_verify_sig_main,
	  "(-c CERTFILE | -p PUBKEYFILE) -i FILE -s SIG [--raw]",
	  "check a DER (or r|s) signature over FILE as the agent does", true },
	{ "make-response", wpv_make_response_main,
	  "--bssid MAC --sta MAC --ap-nonce HEX --sta-nonce HEX -s SIG (-c CERTFILE | -p PUBKEYFILE) [-o FILE]",
	  "wrap a DER signature into a response body (with the certificate if -c)",
	  true },
	{ "verify-response", wpv_verify_response_main,
	  "-c CONFIG --ap MAC --sta MAC --bssid MAC --ap-nonce HEX -i BODY",
	  "run the agent's verification on a response body; exit 0 if accepted",
	  true },
};

#define WPV_N_COMMANDS (sizeof(wpv_commands) / sizeof(wpv_commands[0]))

static void wpv_list(FILE *out, bool test)
{
	size_t i;

	for (i = 0; i < WPV_N_COMMANDS; i++) {
		const struct wpv_command *c = &wpv_commands[i];

		if (c->test != test)
			continue;
		fprintf(out, "  wpv %s%s%s\n      %s\n", c->name,
			*c->usage ? " " : "", c->usage, c->summary);
	}
}

static int wpv_help_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	printf("usage: wpv COMMAND [ARGS]\n\ncommands:\n");
	wpv_list(stdout, false);
	printf("\ntest commands (files in, files out; used by the interop tests):\n");
	wpv_list(stdout, true);
	printf("\nMAC addresses are aa:bb:cc:dd:ee:ff, nonces 64 hex digits.\n"
	       "Keys are read from PEM files only, never from the command line.\n");
	return 0;
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		wpv_help_main(0, NULL);
		return WPV_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))
		return wpv_help_main(0, NULL);
	for (i = 0; i < WPV_N_COMMANDS; i++)
		if (!strcmp(argv[1], wpv_commands[i].name))
			return wpv_commands[i].main(argc - 1, argv + 1);
	fprintf(stderr, "wpv: unknown command '%s'; try 'wpv help'\n",
		argv[1]);
	return WPV_EXIT_USAGE;
}
