// SPDX-License-Identifier: GPL-2.0
/*
 * The agent's charging layer.  charge_decide() says what an event means;
 * this file carries it out: one acct session per station it charges,
 * hooks with the station's facts, and the sessions file rewritten after
 * every change.
 *
 * The session figures are the module's WPV_STATS_AUTH_* counters (bytes
 * and frames while authorised), never the preview's: only authorised
 * traffic is charged.  A Stop carries the figures of the event that ended
 * the session, or the last ones reported when the event has none (a
 * station that left, the agent stopping).
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "acct.h"
#include "agent_charge.h"
#include "charge_decide.h"
#include "hooks.h"
#include "ocsp.h"
#include "sessions.h"
#include "util.h"

/* SSIDs change rarely; a minute keeps a renamed network's records right. */
#define CHARGE_IFACE_TTL	60
#define CHARGE_IFACE_MAX	64
/* Time for the Stops of a shutdown to reach the server before exit. */
#define CHARGE_FLUSH_MS		3000

struct charge_iface {
	u32 ifindex;
	bool ok;
	time_t at;
	struct wpv_iface_info info;
};

struct wpv_charge {
	struct acct *acct;
	struct hooks *hooks;
	struct ocsp *ocsp;
	char *sessions_file;
	wpv_charge_iface_fn iface;
	void *iface_ctx;
	bool events;

	/* Open sessions: info[i] describes sess[i]. */
	struct wpv_session_info *info;
	struct acct_session **sess;
	size_t n, cap;

	struct charge_iface ifc[CHARGE_IFACE_MAX];
	unsigned int nifc;
};

/* What an event says about its station, beyond the decision. */
struct charge_event {
	u32 ifindex;
	const u8 *addr;
	const char *identity;
	enum wpv_reason reason;
	const struct acct_counters *stats;	/* NULL: none reported */
	const struct wpv_verify_facts *facts;	/* verdicts only */
};

static int charge_find(const struct wpv_charge *c, u32 ifindex,
		       const u8 *addr)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->info[i].ifindex == ifindex &&
		    !memcmp(c->info[i].station, addr, 6))
			return i;
	return -1;
}

static const struct wpv_iface_info *charge_iface(struct wpv_charge *c,
						 u32 ifindex)
{
	struct charge_iface *e = NULL, *oldest = NULL;
	time_t now = time(NULL);
	unsigned int i;

	for (i = 0; i < c->nifc; i++) {
		if (c->ifc[i].ifindex == ifindex)
			e = &c->ifc[i];
		if (!oldest || c->ifc[i].at < oldest->at)
			oldest = &c->ifc[i];
	}
	if (e && now - e->at < CHARGE_IFACE_TTL)
		return e->ok ? &e->info : NULL;
	if (!e)
		e = c->nifc < CHARGE_IFACE_MAX ? &c->ifc[c->nifc++] : oldest;
	e->ifindex = ifindex;
	e->at = now;
	e->ok = c->iface && !c->iface(c->iface_ctx, ifindex, &e->info);
	if (!e->ok)
		syslog(LOG_WARNING, "ifindex %u: no interface facts from nl80211; records lack the SSID",
		       ifindex);
	return e->ok ? &e->info : NULL;
}

static void charge_save(struct wpv_charge *c)
{
	int ret;

	if (!c->sessions_file)
		return;
	ret = wpv_sessions_write(c->sessions_file, c->info, c->n);
	if (ret)
		syslog(LOG_ERR, "sessions file %s: %s", c->sessions_file,
		       strerror(-ret));
}

static int charge_grow(struct wpv_charge *c)
{
	struct wpv_session_info *info;
	struct acct_session **sess;
	size_t cap = c->cap ? 2 * c->cap : 16;

	if (c->n < c->cap)
		return 0;
	info = realloc(c->info, cap * sizeof(*info));
	if (!info)
		return -ENOMEM;
	c->info = info;
	sess = realloc(c->sess, cap * sizeof(*sess));
	if (!sess)
		return -ENOMEM;
	c->sess = sess;
	c->cap = cap;
	return 0;
}

/* The station's facts as known now, for a new session. */
static void charge_describe(struct wpv_charge *c, const struct charge_event *e,
			    struct wpv_session_info *si)
{
	const struct wpv_iface_info *ifi = charge_iface(c, e->ifindex);

	memset(si, 0, sizeof(*si));
	si->ifindex = e->ifindex;
	memcpy(si->station, e->addr, 6);
	snprintf(si->identity, sizeof(si->identity), "%s",
		 e->identity ? e->identity : "");
	if (ifi) {
		snprintf(si->ifname, sizeof(si->ifname), "%s", ifi->ifname);
		memcpy(si->bssid, ifi->bssid, 6);
		snprintf(si->ssid, sizeof(si->ssid), "%s", ifi->ssid);
	}
	/* The kernel's facts of a verification beat a cached lookup. */
	if (e->facts) {
		snprintf(si->ifname, sizeof(si->ifname), "%s",
			 e->facts->ifname);
		memcpy(si->bssid, e->facts->bssid, 6);
	}
	if (!si->ifname[0])
		snprintf(si->ifname, sizeof(si->ifname), "if%u", e->ifindex);
	si->start_time = time(NULL);
	si->updated = si->start_time;
}

static void charge_hook(struct wpv_charge *c, enum hook_event ev,
			const struct wpv_session_info *si,
			enum wpv_reason reason)
{
	struct hook_env env = {
		.sta = si->station,
		.ifname = si->ifname,
		.bssid = si->bssid,
		.identity = si->identity,
		.reason = reason,
		.session_id = si->session_id,
	};
	static const u8 zero[6];

	if (!memcmp(si->bssid, zero, 6))
		env.bssid = NULL;
	hooks_run(c->hooks, ev, &env);
}

static void charge_start(struct wpv_charge *c, const struct charge_event *e,
			 bool hook)
{
	struct wpv_session_info *si;
	struct acct_station st;
	struct acct_session *s;
	char mac[WPV_MAC_STRLEN];
	int err;

	if (charge_grow(c)) {
		syslog(LOG_ERR, "out of memory; station not charged");
		return;
	}
	si = &c->info[c->n];
	charge_describe(c, e, si);
	wpv_format_mac(e->addr, mac);
	st = (struct acct_station){
		.ifname = si->ifname, .bssid = si->bssid, .ssid = si->ssid,
		.sta = si->station, .identity = si->identity,
		.verified = si->start_time,
	};
	s = acct_start(c->acct, &st, &err);
	if (!s) {
		syslog(LOG_ERR, "%s %s: cannot open a charging session: %s",
		       si->ifname, mac, strerror(-err));
		return;
	}
	snprintf(si->session_id, sizeof(si->session_id), "%s",
		 acct_session_id(s));
	c->sess[c->n++] = s;
	syslog(LOG_NOTICE, "%s %s: charging session %s started, identity \"%s\"",
	       si->ifname, mac, si->session_id, si->identity);
	charge_save(c);
	if (hook)
		charge_hook(c, HOOK_VERIFIED, si, e->reason);
}

static void charge_update(struct wpv_charge *c, const struct charge_event *e,
			  enum acct_trigger trigger)
{
	int i = charge_find(c, e->ifindex, e->addr);

	if (i < 0)
		return;
	if (e->stats)
		c->info[i].counters = *e->stats;
	c->info[i].updated = time(NULL);
	acct_update(c->acct, c->sess[i], &c->info[i].counters, trigger);
	charge_save(c);
}

/* Ends the session; @ended gets its facts for the hooks that follow. */
static void charge_stop(struct wpv_charge *c, const struct charge_event *e,
			enum acct_cause cause, struct wpv_session_info *ended)
{
	int i = charge_find(c, e->ifindex, e->addr);
	char mac[WPV_MAC_STRLEN];

	if (i < 0)
		return;
	if (e->stats)
		c->info[i].counters = *e->stats;
	*ended = c->info[i];
	acct_stop(c->acct, c->sess[i], &ended->counters, cause);
	c->n--;
	c->info[i] = c->info[c->n];
	c->sess[i] = c->sess[c->n];
	wpv_format_mac(e->addr, mac);
	syslog(LOG_NOTICE, "%s %s: charging session %s stopped (%s)",
	       ended->ifname, mac, ended->session_id, acct_cause_name(cause));
	charge_save(c);
	charge_hook(c, HOOK_STOPPED, ended, e->reason);
}

static void charge_apply(struct wpv_charge *c, const struct charge_event *e,
			 const struct charge_action *act)
{
	struct wpv_session_info ended;
	bool stopped = false;

	if (act->start)
		charge_start(c, e, act->hook_verified);
	if (act->update)
		charge_update(c, e, act->trigger);
	if (act->stop && charge_find(c, e->ifindex, e->addr) >= 0) {
		charge_stop(c, e, act->cause, &ended);
		stopped = true;
	}
	if (!act->hook_blocked)
		return;
	/* No session: the facts the event and the interface give. */
	if (!stopped)
		charge_describe(c, e, &ended);
	charge_hook(c, HOOK_BLOCKED, &ended, e->reason);
}

static void charge_event(struct wpv_charge *c, const struct charge_input *in,
			 const struct charge_event *e)
{
	struct charge_action act;
	bool has = charge_find(c, e->ifindex, e->addr) >= 0;

	charge_decide(in, has, c->events, &act);
	charge_apply(c, e, &act);
}

/**
 * wpv_charge_verdict() - the agent decided a verification
 * @c: charging
 * @job: the decided job, with the kernel's facts
 */
void wpv_charge_verdict(struct wpv_charge *c, const struct wpv_job *job)
{
	struct charge_input in = {
		.kind = CHARGE_VERDICT,
		.accept = job->res.verdict == WPV_VERDICT_ACCEPT,
		.reason = job->res.reason,
	};
	struct charge_event e = {
		.ifindex = job->ifindex, .addr = job->facts.sta_addr,
		.identity = job->res.identity, .reason = job->res.reason,
		.facts = &job->facts,
	};

	charge_event(c, &in, &e);
}

/**
 * wpv_charge_note() - the module announced a change or reported figures
 * @c: charging
 * @n: the parsed WPV_CMD_STA_EVENT or WPV_CMD_STA_ACCT
 */
void wpv_charge_note(struct wpv_charge *c, const struct wpv_sta_note *n)
{
	struct charge_input in = {
		.kind = n->cmd == WPV_CMD_STA_ACCT ? CHARGE_ACCT : CHARGE_STATE,
		.reason = n->reason,
		.state = n->state,
		.prev_state = n->prev_state,
		.trigger = n->trigger == WPV_ACCT_QUANTUM ?
			   ACCT_TRIGGER_QUANTUM : ACCT_TRIGGER_INTERVAL,
	};
	struct charge_event e = {
		.ifindex = n->ifindex, .addr = n->addr,
		.identity = n->identity, .reason = n->reason,
		.stats = n->has_stats ? &n->stats : NULL,
	};
	struct charge_action act;
	bool has = charge_find(c, n->ifindex, n->addr) >= 0;

	charge_decide(&in, has, c->events, &act);
	charge_apply(c, &e, &act);
	/* A station adopted from its figures gets them at once. */
	if (in.kind == CHARGE_ACCT && act.start)
		charge_update(c, &e, in.trigger);
}

/**
 * wpv_charge_gone() - nl80211 says a station left
 * @c: charging
 * @ifindex: its interface
 * @addr: the station
 * @final: its figures now, or NULL for the last ones reported
 */
void wpv_charge_gone(struct wpv_charge *c, u32 ifindex, const u8 *addr,
		     const struct acct_counters *final)
{
	struct charge_input in = { .kind = CHARGE_GONE };
	struct charge_event e = { .ifindex = ifindex, .addr = addr,
				  .stats = final };

	charge_event(c, &in, &e);
}

/**
 * wpv_charge_ocsp() - the OCSP client, for the verifier's status check
 * @c: charging
 *
 * Return: the client (thread safe, see ocsp.h), or NULL without ocsp_url.
 */
struct ocsp *wpv_charge_ocsp(const struct wpv_charge *c)
{
	return c->ocsp;
}

/**
 * wpv_charge_set_events() - whether the module's notifications arrive
 * @c: charging
 * @on: the agent joined the "events" group
 *
 * Without them a block is known only from the agent's own rejects.
 */
void wpv_charge_set_events(struct wpv_charge *c, bool on)
{
	c->events = on;
}

/**
 * wpv_charge_charged() - is the station being charged?
 * @c: charging
 * @ifindex: its interface
 * @addr: the station
 *
 * Return: true if it has an open session.
 */
bool wpv_charge_charged(const struct wpv_charge *c, u32 ifindex,
			const u8 *addr)
{
	return charge_find(c, ifindex, addr) >= 0;
}

size_t wpv_charge_sessions(const struct wpv_charge *c)
{
	return c->n;
}

/* The directory of the sessions file and its parents (/run is tmpfs). */
static int charge_sessions_dir(const char *path)
{
	char dir[PATH_MAX], *p;

	snprintf(dir, sizeof(dir), "%s", path);
	p = strrchr(dir, '/');
	if (!p || p == dir)
		return 0;
	*p = '\0';
	for (p = strchr(dir + 1, '/');; p = strchr(p + 1, '/')) {
		if (p)
			*p = '\0';
		if (mkdir(dir, 0755) && errno != EEXIST)
			return -errno;
		if (!p)
			return 0;
		*p = '/';
	}
}

/**
 * wpv_charge_open() - set up charging, OCSP and hooks
 * @o: configuration and interface lookup
 * @out: receives the handle
 *
 * Writes an empty sessions file; if that fails, charging goes on without
 * one (logged).
 *
 * Return: 0 or a negative errno (logged).
 */
int wpv_charge_open(const struct wpv_charge_opts *o, struct wpv_charge **out)
{
	struct wpv_charge *c;
	int ret = -ENOMEM;

	c = calloc(1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	c->iface = o->iface;
	c->iface_ctx = o->iface_ctx;
	if (o->sessions_file) {
		c->sessions_file = strdup(o->sessions_file);
		if (!c->sessions_file)
			goto err;
	}
	ret = acct_open(&o->conf->acct, &c->acct);
	if (ret)
		goto err;
	ret = hooks_open(&o->conf->hooks, &c->hooks);
	if (ret) {
		syslog(LOG_ERR, "hooks: %s", strerror(-ret));
		goto err;
	}
	ret = ocsp_open(&o->conf->ocsp, o->ca_file, &c->ocsp);
	if (ret)
		goto err;
	/* Only `wpv show` needs the file: charging goes on without it. */
	if (c->sessions_file) {
		ret = charge_sessions_dir(c->sessions_file);
		if (!ret)
			ret = wpv_sessions_write(c->sessions_file, NULL, 0);
		if (ret) {
			syslog(LOG_ERR, "sessions file %s: %s; wpv show will not list sessions",
			       c->sessions_file, strerror(-ret));
			free(c->sessions_file);
			c->sessions_file = NULL;
		}
	}
	*out = c;
	return 0;
err:
	wpv_charge_close(c);
	return ret;
}

/**
 * wpv_charge_stop_all() - stop every session, cause shutdown
 * @c: charging
 * @fetch: reads a station's figures now (wpv_nl_sta_stats() in the
 *	agent), or NULL to use the last ones reported
 * @ctx: passed to @fetch
 *
 * Called by the agent while its netlink socket is still open, so each
 * Stop carries the figures up to the moment it leaves.
 */
void wpv_charge_stop_all(struct wpv_charge *c, wpv_charge_stats_fn fetch,
			 void *ctx)
{
	struct charge_input in = { .kind = CHARGE_SHUTDOWN };
	struct charge_event e = { .reason = WPV_REASON_AGENT_GONE };
	struct acct_counters now;

	while (c && c->acct && c->n) {
		e.ifindex = c->info[0].ifindex;
		e.addr = c->info[0].station;
		e.stats = fetch && !fetch(ctx, e.ifindex, e.addr, &now) ?
			  &now : NULL;
		charge_event(c, &in, &e);
	}
}

/**
 * wpv_charge_close() - stop every session and release everything
 * @c: charging, or NULL
 *
 * Each session still open gets its Stop (cause shutdown, last figures
 * reported) and hook_stopped; the server gets a few seconds to take the records, the rest stay spooled.
 * Waits for running hooks (each at most hook_timeout).  The sessions
 * file is removed: no file means no agent.
 */
void wpv_charge_close(struct wpv_charge *c)
{
	if (!c)
		return;
	wpv_charge_stop_all(c, NULL, NULL);
	if (c->acct && acct_flush(c->acct, CHARGE_FLUSH_MS))
		syslog(LOG_WARNING, "acct: %u records left in the spool for the next run",
		       acct_pending(c->acct));
	hooks_close(c->hooks);
	acct_close(c->acct);
	ocsp_free(c->ocsp);
	if (c->sessions_file)
		unlink(c->sessions_file);
	free(c->sessions_file);
	free(c->info);
	free(c->sess);
	free(c);
}
