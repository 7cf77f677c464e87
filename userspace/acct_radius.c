// SPDX-License-Identifier: GPL-2.0
/*
 * RADIUS Accounting-Request (RFC 2866) for spooled records, through
 * radcli.  Only the spool's sender thread calls in here, so a slow server
 * costs nothing but that thread's time.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <radcli/radcli.h>

#include "acct.h"

/* RFC 2865 NAS-Port-Type "Wireless - IEEE 802.11". */
#define NAS_PORT_TYPE_WIRELESS_80211	19
/* RFC 2866 Acct-Authentic "Local": the agent verified the certificate. */
#define ACCT_AUTHENTIC_LOCAL		2
/* RFC 2865 section 5: strings carry at most 253 bytes. */
#define RADIUS_STRING_MAX		253
#define SECRET_MAX			128

struct acct_radius {
	rc_handle *rh;
	char nas_identifier[CONF_STR_MAX];
};

static void radius_wipe_secrets(rc_handle *rh)
{
	SERVER *srv = rc_conf_srv(rh, "acctserver");
	int i;

	for (i = 0; srv && i < srv->max && i < SERVER_MAX; i++)
		if (srv->secret[i])
			explicit_bzero(srv->secret[i], strlen(srv->secret[i]));
}

static int radius_server_option(const struct acct_config *cfg, char *buf,
				size_t len)
{
	char secret[SECRET_MAX], err[256];
	const char *fmt;
	int ret, n;

	ret = charging_conf_read_secret(cfg->radius_secret_file, secret,
					sizeof(secret), err, sizeof(err));
	if (ret) {
		syslog(LOG_ERR, "acct: %s", err);
		return ret;
	}
	/* radcli reads "host:port:secret"; blanks and commas split servers */
	if (strpbrk(secret, " \t,")) {
		syslog(LOG_ERR, "acct: %s: secret may not contain blanks or commas",
		       cfg->radius_secret_file);
		ret = -EINVAL;
		goto out;
	}
	fmt = strchr(cfg->radius_server, ':') ? "[%s]:%u:%s" : "%s:%u:%s";
	n = snprintf(buf, len, fmt, cfg->radius_server, cfg->radius_acct_port,
		     secret);
	if (n < 0 || (size_t)n >= len)
		ret = -ENAMETOOLONG;
out:
	explicit_bzero(secret, sizeof(secret));
	return ret;
}

static int radius_configure(rc_handle *rh, const struct acct_config *cfg)
{
	char server[CONF_STR_MAX + SECRET_MAX + 16];
	char timeout[16], retries[16];
	int ret;

	ret = radius_server_option(cfg, server, sizeof(server));
	if (ret)
		return ret;
	snprintf(timeout, sizeof(timeout), "%u", cfg->radius_timeout);
	snprintf(retries, sizeof(retries), "%u", cfg->radius_retries);
	ret = -EINVAL;
	if (rc_add_config(rh, "acctserver", server, "wpv", 0) ||
	    rc_add_config(rh, "dictionary", cfg->dictionary, "wpv", 0) ||
	    rc_add_config(rh, "radius_timeout", timeout, "wpv", 0) ||
	    rc_add_config(rh, "radius_retries", retries, "wpv", 0) ||
	    rc_add_config(rh, "radius_deadtime", "0", "wpv", 0))
		goto out;
	if (rc_apply_config(rh))
		goto out;
	if (rc_read_dictionary(rh, cfg->dictionary)) {
		syslog(LOG_ERR, "acct: cannot read RADIUS dictionary %s",
		       cfg->dictionary);
		goto out;
	}
	ret = 0;
out:
	explicit_bzero(server, sizeof(server));
	return ret;
}

/**
 * acct_radius_open() - prepare a radcli handle for the accounting server
 * @cfg: server, port, secret file, timeouts, dictionary
 * @out: receives the handle
 *
 * The secret is read from its file, handed to radcli and wiped here;
 * radcli's own copy is wiped by acct_radius_close().
 *
 * Return: 0 or a negative errno.
 */
int acct_radius_open(const struct acct_config *cfg, struct acct_radius **out)
{
	struct acct_radius *r;
	int ret = -ENOMEM;

	r = calloc(1, sizeof(*r));
	if (!r)
		return -ENOMEM;
	r->rh = rc_new();
	if (!r->rh)
		goto err_free;
	if (!rc_config_init(r->rh))
		goto err_destroy;
	ret = radius_configure(r->rh, cfg);
	if (ret) {
		syslog(LOG_ERR, "acct: RADIUS client set-up failed for %s",
		       cfg->radius_server);
		radius_wipe_secrets(r->rh);
		goto err_destroy;
	}
	if (cfg->nas_identifier[0])
		strcpy(r->nas_identifier, cfg->nas_identifier);
	else if (gethostname(r->nas_identifier,
			     sizeof(r->nas_identifier) - 1))
		strcpy(r->nas_identifier, "wpv");
	*out = r;
	return 0;

err_destroy:
	rc_destroy(r->rh);
err_free:
	free(r);
	return ret;
}

void acct_radius_close(struct acct_radius *r)
{
	if (!r)
		return;
	radius_wipe_secrets(r->rh);
	rc_destroy(r->rh);
	free(r);
}

static int add_u32(struct acct_radius *r, VALUE_PAIR **vp, int attr,
		   uint32_t v)
{
	return rc_avpair_add(r->rh, vp, attr, &v, 0, 0) ? 0 : -ENOMEM;
}

static int add_str(struct acct_radius *r, VALUE_PAIR **vp, int attr,
		   const char *s)
{
	size_t len = strlen(s);

	if (len > RADIUS_STRING_MAX)
		len = RADIUS_STRING_MAX;
	if (!len)
		return 0;
	return rc_avpair_add(r->rh, vp, attr, s, len, 0) ? 0 : -ENOMEM;
}

static int add_64(struct acct_radius *r, VALUE_PAIR **vp, int octets,
		  int gigawords, uint64_t v)
{
	uint32_t hi, lo;

	acct_split64(v, &hi, &lo);
	return add_u32(r, vp, octets, lo) ?: add_u32(r, vp, gigawords, hi);
}

static int add_identity(struct acct_radius *r, VALUE_PAIR **vp,
			const struct acct_record *rec)
{
	char called[ACCT_MAC_STR_LEN + 2 + ACCT_SSID_MAX];
	int64_t delay = time(NULL) - rec->event_time;

	acct_called_station(rec, called, sizeof(called));
	return add_u32(r, vp, PW_ACCT_STATUS_TYPE, rec->status) ?:
	       add_str(r, vp, PW_ACCT_SESSION_ID, rec->session_id) ?:
	       add_str(r, vp, PW_USER_NAME, rec->identity) ?:
	       add_str(r, vp, PW_CALLING_STATION_ID, rec->station) ?:
	       add_str(r, vp, PW_CALLED_STATION_ID, called) ?:
	       add_str(r, vp, PW_NAS_IDENTIFIER, r->nas_identifier) ?:
	       add_u32(r, vp, PW_NAS_PORT_TYPE,
		       NAS_PORT_TYPE_WIRELESS_80211) ?:
	       add_u32(r, vp, PW_ACCT_AUTHENTIC, ACCT_AUTHENTIC_LOCAL) ?:
	       add_u32(r, vp, PW_EVENT_TIMESTAMP, (uint32_t)rec->event_time) ?:
	       /* radcli adds the time it spends retrying to this */
	       add_u32(r, vp, PW_ACCT_DELAY_TIME, delay > 0 ? delay : 0);
}

static int add_usage(struct acct_radius *r, VALUE_PAIR **vp,
		     const struct acct_record *rec)
{
	const struct acct_counters *c = &rec->counters;
	int64_t t = rec->event_time - rec->start_time;

	/* Input is what the station sent, output what it received. */
	return add_u32(r, vp, PW_ACCT_SESSION_TIME, t > 0 ? t : 0) ?:
	       add_64(r, vp, PW_ACCT_INPUT_OCTETS, PW_ACCT_INPUT_GIGAWORDS,
		      c->rx_bytes) ?:
	       add_64(r, vp, PW_ACCT_OUTPUT_OCTETS, PW_ACCT_OUTPUT_GIGAWORDS,
		      c->tx_bytes) ?:
	       /* RADIUS has no packet gigawords; the counts wrap */
	       add_u32(r, vp, PW_ACCT_INPUT_PACKETS, (uint32_t)c->rx_frames) ?:
	       add_u32(r, vp, PW_ACCT_OUTPUT_PACKETS, (uint32_t)c->tx_frames);
}

/**
 * acct_radius_send() - deliver one record and wait for the response
 * @r: the handle
 * @rec: the record
 *
 * Return: 0 once the server acknowledged it, -ETIMEDOUT if no server
 * answered, -EIO for a bad answer, -ENOMEM.
 */
int acct_radius_send(struct acct_radius *r, const struct acct_record *rec)
{
	char msg[PW_MAX_MSG_SIZE];
	VALUE_PAIR *send = NULL;
	int ret;

	ret = add_identity(r, &send, rec);
	if (!ret && rec->status != ACCT_STATUS_START)
		ret = add_usage(r, &send, rec);
	if (!ret && rec->status == ACCT_STATUS_STOP)
		ret = add_u32(r, &send, PW_ACCT_TERMINATE_CAUSE,
			      acct_terminate_cause(rec->cause));
	if (ret)
		goto out;
	msg[0] = '\0';
	switch (rc_aaa(r->rh, 0, send, NULL, msg, 0, PW_ACCOUNTING_REQUEST)) {
	case OK_RC:
		ret = 0;
		break;
	case TIMEOUT_RC:
		ret = -ETIMEDOUT;
		break;
	default:
		ret = -EIO;
		break;
	}
out:
	rc_avpair_free(send);
	return ret;
}
