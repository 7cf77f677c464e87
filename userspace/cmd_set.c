// SPDX-License-Identifier: GPL-2.0
/*
 * wpv set: per-interface tunables over netlink (WPV_CMD_IFACE_SET).  The
 * keys are the names of the files in /sys/kernel/wapi_preview.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netlink/attr.h>

#include "wpv.h"

struct set_key {
	const char *name;
	int attr;
	int size;	/* bytes of the attribute */
};

static const struct set_key set_keys[] = {
	{ "preview_bytes", WPV_CFG_PREVIEW_BYTES, 8 },
	{ "preview_ms", WPV_CFG_PREVIEW_MS, 4 },
	{ "jitter_pct", WPV_CFG_JITTER_PCT, 1 },
	{ "verify_timeout_ms", WPV_CFG_VERIFY_TIMEOUT_MS, 4 },
	{ "retry_ms", WPV_CFG_RETRY_MS, 4 },
	{ "policy", WPV_CFG_POLICY, 1 },
	{ "queue_frames", WPV_CFG_QUEUE_FRAMES, 4 },
	{ "holddown_ms", WPV_CFG_HOLDDOWN_MS, 4 },
	{ "acct_interval_ms", WPV_CFG_ACCT_INTERVAL_MS, 4 },
	{ "acct_quantum", WPV_CFG_ACCT_QUANTUM, 8 },
	{ "max_stations", WPV_CFG_MAX_STATIONS, 4 },
};

static int set_usage(void)
{
	size_t i;

	fprintf(stderr, "usage: wpv set IFNAME KEY=VALUE ...\nkeys:");
	for (i = 0; i < sizeof(set_keys) / sizeof(set_keys[0]); i++)
		fprintf(stderr, " %s", set_keys[i].name);
	fprintf(stderr, "\npolicy takes pause, continue or drop\n");
	return 2;
}

static int set_parse_value(const struct set_key *k, const char *s,
			   uint64_t *val)
{
	static const char *const policies[] = { "pause", "continue", "drop" };
	uint64_t max = k->size == 8 ? UINT64_MAX :
		       (UINT64_C(1) << (8 * k->size)) - 1;
	char *end;
	int i;

	if (k->attr == WPV_CFG_POLICY)
		for (i = 0; i < 3; i++)
			if (!strcmp(s, policies[i])) {
				*val = i;
				return 0;
			}
	errno = 0;
	*val = strtoull(s, &end, 0);
	if (errno || end == s || *end || *s == '-' || *val > max)
		return -EINVAL;
	return 0;
}

static int set_put(struct nl_msg *msg, const struct set_key *k, uint64_t v)
{
	switch (k->size) {
	case 1:
		return nla_put_u8(msg, k->attr, (uint8_t)v);
	case 4:
		return nla_put_u32(msg, k->attr, (uint32_t)v);
	default:
		return nla_put_u64(msg, k->attr, v);
	}
}

/* Add one KEY=VALUE to the nested config; 0 or a message on stderr. */
static int set_add(struct nl_msg *msg, const char *arg)
{
	const char *eq = strchr(arg, '=');
	uint64_t val;
	size_t i;

	for (i = 0; eq && i < sizeof(set_keys) / sizeof(set_keys[0]); i++) {
		if (strlen(set_keys[i].name) != (size_t)(eq - arg) ||
		    strncmp(arg, set_keys[i].name, eq - arg))
			continue;
		if (set_parse_value(&set_keys[i], eq + 1, &val)) {
			fprintf(stderr, "wpv set: bad value in '%s'\n", arg);
			return -EINVAL;
		}
		return set_put(msg, &set_keys[i], val) ? -ENOMEM : 0;
	}
	fprintf(stderr, "wpv set: unknown key in '%s'\n", arg);
	return -EINVAL;
}

int wpv_cmd_set(int argc, char **argv)
{
	struct nl_msg *msg;
	struct nlattr *nest;
	struct wpv_genl nl;
	int i, ret;

	if (argc < 3)
		return set_usage();
	if (wpv_genl_open(&nl))
		return 1;
	msg = wpv_genl_msg(&nl, WPV_CMD_IFACE_SET, 0);
	ret = msg ? wpv_genl_put_ifname(msg, argv[1]) : -ENOMEM;
	nest = ret ? NULL : nla_nest_start(msg, WPV_A_CONFIG);
	for (i = 2; nest && i < argc && !ret; i++)
		ret = set_add(msg, argv[i]);
	if (ret || !nest) {
		nlmsg_free(msg);
		wpv_genl_close(&nl);
		return ret == -EINVAL ? 2 : 1;
	}
	nla_nest_end(msg, nest);
	ret = wpv_genl_send(&nl, msg, NULL, NULL);
	wpv_genl_close(&nl);
	if (ret < 0) {
		fprintf(stderr, "wpv set: %s\n", strerror(-ret));
		return 1;
	}
	return 0;
}
