// SPDX-License-Identifier: GPL-2.0
/*
 * wpv: the userspace side of wapi-preview.  One binary, one subcommand
 * per job; see `wpv help`.
 */
#include <stdio.h>
#include <string.h>

#include "wpv.h"

static int wpv_cmd_help(int argc, char **argv);

static const struct wpv_subcmd wpv_cmds[] = {
	{ "iface", wpv_cmd_iface, "iface list|attach|detach [IFNAME]",
	  "attach the gate to AP interfaces and list them" },
	{ "show", wpv_cmd_show, "show [IFNAME] [--json]",
	  "list stations: state, reason, identity, counters" },
	{ "set", wpv_cmd_set, "set IFNAME KEY=VALUE ...",
	  "set per-interface tunables (keys as in sysfs)" },
	{ "sta", wpv_cmd_sta, "sta authorise|block|reset|del IFNAME MAC",
	  "change one station by hand" },
	{ "events", wpv_cmd_events, "events [-n COUNT] [--json]",
	  "print station events and accounting, one per line" },
	{ "help", wpv_cmd_help, "help", "show this text" },
};

static int wpv_cmd_help(int argc, char **argv)
{
	size_t i;

	(void)argc;
	(void)argv;
	printf("usage: wpv COMMAND [ARGS]\n\ncommands:\n");
	for (i = 0; i < sizeof(wpv_cmds) / sizeof(wpv_cmds[0]); i++)
		printf("  %-40s %s\n", wpv_cmds[i].usage, wpv_cmds[i].help);
	return 0;
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		wpv_cmd_help(0, NULL);
		return 2;
	}
	for (i = 0; i < sizeof(wpv_cmds) / sizeof(wpv_cmds[0]); i++)
		if (!strcmp(argv[1], wpv_cmds[i].name))
			return wpv_cmds[i].run(argc - 1, argv + 1);
	fprintf(stderr, "wpv: unknown command '%s' (try 'wpv help')\n",
		argv[1]);
	return 2;
}
