// SPDX-License-Identifier: GPL-2.0
/*
 * The gate's state machine and frame decisions, free of kernel plumbing.
 *
 * Locking: none here.  Every function that takes a struct wpv_sta_core
 * expects the caller to serialise calls for that station; the module holds
 * the station's spinlock.  Nothing here sleeps or allocates.
 *
 * Byte counts are Ethernet frame lengths (the 14-byte header included, no
 * FCS) in both directions.  The preview byte threshold counts data frames
 * forwarded in both directions; WAI and EAPOL frames are counted in the
 * totals only and never end a preview.
 */
#include "policy.h"

/*
 * Draw a threshold uniformly in [value * (100 - jitter) / 100, value] from
 * a 64-bit random number.  The modulo bias is below 2^-32 for any span an
 * operator can configure in practice.
 */
u64 wpv_policy_draw(u64 value, u8 jitter_pct, u64 rnd)
{
	u64 keep, lo, span;

	if (jitter_pct > 100)
		jitter_pct = 100;
	keep = 100 - jitter_pct;
	/* value * keep / 100 without overflowing */
	lo = value / 100 * keep + value % 100 * keep / 100;
	span = value - lo;
	if (!span)
		return value;
	if (span == (u64)-1)
		return rnd;
	return lo + rnd % (span + 1);
}

void wpv_policy_set_state(struct wpv_sta_core *s, u8 state, u8 reason,
			  u64 now_ms)
{
	s->state = state;
	s->reason = reason;
	s->state_since_ms = now_ms;
}

/* Start (or restart) a preview with freshly drawn thresholds. */
void wpv_policy_start_preview(struct wpv_sta_core *s,
			      const struct wpv_config *cfg, u64 rnd_bytes,
			      u64 rnd_ms, u64 now_ms)
{
	s->byte_limit = wpv_policy_draw(cfg->preview_bytes, cfg->jitter_pct,
					rnd_bytes);
	s->time_limit_ms = wpv_policy_draw(cfg->preview_ms, cfg->jitter_pct,
					   rnd_ms);
	s->stats[WPV_STATS_PREVIEW_TX_BYTES] = 0;
	s->stats[WPV_STATS_PREVIEW_RX_BYTES] = 0;
	s->preview_started = false;
	s->releasing = false;
	wpv_policy_set_state(s, WPV_STATE_PREVIEW, WPV_REASON_NONE, now_ms);
}

static void wpv_policy_count_pass(struct wpv_sta_core *s,
				  const struct wpv_frame *f)
{
	if (f->egress) {
		s->stats[WPV_STATS_TX_BYTES] += f->len;
		s->stats[WPV_STATS_TX_FRAMES]++;
	} else {
		s->stats[WPV_STATS_RX_BYTES] += f->len;
		s->stats[WPV_STATS_RX_FRAMES]++;
	}
}

static u64 wpv_policy_auth_bytes(const struct wpv_sta_core *s)
{
	return s->stats[WPV_STATS_AUTH_TX_BYTES] +
	       s->stats[WPV_STATS_AUTH_RX_BYTES];
}

/* Count an authorised frame; true when it completes another quantum. */
static bool wpv_policy_count_auth(struct wpv_sta_core *s, u32 len,
				  bool egress, u64 quantum)
{
	bool due = false;

	if (egress) {
		s->stats[WPV_STATS_AUTH_TX_BYTES] += len;
		s->stats[WPV_STATS_AUTH_TX_FRAMES]++;
	} else {
		s->stats[WPV_STATS_AUTH_RX_BYTES] += len;
		s->stats[WPV_STATS_AUTH_RX_FRAMES]++;
	}
	if (!quantum)
		return false;
	while (wpv_policy_auth_bytes(s) >= s->acct_next) {
		s->acct_next += quantum;
		due = true;
	}
	return due;
}

static enum wpv_action wpv_policy_preview(struct wpv_sta_core *s,
					  const struct wpv_frame *f,
					  u64 now_ms, unsigned int *fx)
{
	u64 total;

	wpv_policy_count_pass(s, f);
	s->stats[f->egress ? WPV_STATS_PREVIEW_TX_BYTES :
			     WPV_STATS_PREVIEW_RX_BYTES] += f->len;
	if (!s->preview_started) {
		s->preview_started = true;
		s->preview_start_ms = now_ms;
		if (s->time_limit_ms)
			*fx |= WPV_FX_PREVIEW_START;
	}
	total = s->stats[WPV_STATS_PREVIEW_TX_BYTES] +
		s->stats[WPV_STATS_PREVIEW_RX_BYTES];
	/* This frame reached the threshold: it passes, the next does not. */
	if (s->byte_limit && total >= s->byte_limit) {
		wpv_policy_set_state(s, WPV_STATE_CHALLENGED, WPV_REASON_NONE,
				     now_ms);
		*fx |= WPV_FX_CHALLENGE;
	}
	return WPV_ACT_PASS;
}

/*
 * While challenged, data to the station follows the policy; data from it
 * passes only under "continue", since a paused or dropped downstream is
 * of little use to a station whose upstream still flows.
 */
static enum wpv_action wpv_policy_challenged(struct wpv_sta_core *s,
					     const struct wpv_config *cfg,
					     const struct wpv_frame *f)
{
	u8 policy = cfg->policy;

	if (policy == WPV_POLICY_CONTINUE) {
		wpv_policy_count_pass(s, f);
		return WPV_ACT_PASS;
	}
	if (policy == WPV_POLICY_PAUSE && f->egress)
		return WPV_ACT_QUEUE;
	wpv_policy_count_drop(s, f->len);
	return WPV_ACT_DROP;
}

/**
 * wpv_policy_frame() - decide one frame and count it
 * @s: the station
 * @cfg: the interface configuration
 * @f: the frame
 * @now_ms: a monotonic clock in milliseconds
 * @fx: receives WPV_FX_* side effects for the caller to carry out
 *
 * Return: the action.  %WPV_ACT_QUEUE frames are not counted yet; the
 * caller calls wpv_policy_count_queued() or wpv_policy_count_drop().
 */
enum wpv_action wpv_policy_frame(struct wpv_sta_core *s,
				 const struct wpv_config *cfg,
				 const struct wpv_frame *f, u64 now_ms,
				 unsigned int *fx)
{
	*fx = 0;
	if (f->control) {
		wpv_policy_count_pass(s, f);
		return WPV_ACT_PASS;
	}

	switch (s->state) {
	case WPV_STATE_PREVIEW:
		return wpv_policy_preview(s, f, now_ms, fx);
	case WPV_STATE_CHALLENGED:
	case WPV_STATE_VERIFYING:
		return wpv_policy_challenged(s, cfg, f);
	case WPV_STATE_AUTHORISED:
		if (s->releasing && f->egress)
			return WPV_ACT_QUEUE;
		wpv_policy_count_pass(s, f);
		if (wpv_policy_count_auth(s, f->len, f->egress,
					  cfg->acct_quantum))
			*fx |= WPV_FX_QUANTUM;
		return WPV_ACT_PASS;
	default:
		wpv_policy_count_drop(s, f->len);
		return WPV_ACT_DROP;
	}
}

void wpv_policy_count_drop(struct wpv_sta_core *s, u32 len)
{
	s->stats[WPV_STATS_DROPPED_FRAMES]++;
	s->stats[WPV_STATS_DROPPED_BYTES] += len;
}

void wpv_policy_count_queued(struct wpv_sta_core *s)
{
	s->stats[WPV_STATS_QUEUED_FRAMES]++;
	s->queued++;
}

/* A held frame left the queue and was sent to the station. */
void wpv_policy_count_release(struct wpv_sta_core *s, u32 len)
{
	struct wpv_frame f = { .len = len, .egress = true };

	if (s->queued)
		s->queued--;
	wpv_policy_count_pass(s, &f);
	if (s->state == WPV_STATE_AUTHORISED)
		wpv_policy_count_auth(s, len, true, 0);
}

/* Whether one more frame fits in a station's queue and in the total. */
bool wpv_policy_queue_fits(u32 sta_queued, u32 sta_max, u32 total,
			   u32 total_max)
{
	return sta_queued < sta_max && total < total_max;
}

/* The preview timer fired: true if the station is now challenged. */
bool wpv_policy_preview_expired(struct wpv_sta_core *s, u64 now_ms)
{
	if (s->state != WPV_STATE_PREVIEW)
		return false;
	wpv_policy_set_state(s, WPV_STATE_CHALLENGED, WPV_REASON_NONE, now_ms);
	return true;
}

/**
 * wpv_policy_response() - a response arrived for the station
 * @s: the station
 * @matches: addresses and echoed nonce match the challenge in flight
 * @now_ms: the clock
 *
 * Return: what to do with it; %WPV_RESP_VERIFY moves to VERIFYING and
 * %WPV_RESP_BAD has been counted.
 */
enum wpv_resp_action wpv_policy_response(struct wpv_sta_core *s,
					 bool matches, u64 now_ms)
{
	if (matches && s->state == WPV_STATE_CHALLENGED) {
		wpv_policy_set_state(s, WPV_STATE_VERIFYING, WPV_REASON_NONE,
				     now_ms);
		return WPV_RESP_VERIFY;
	}
	if (matches && s->state == WPV_STATE_VERIFYING)
		return WPV_RESP_DUPLICATE;
	s->stats[WPV_STATS_BAD_RESPONSES]++;
	return WPV_RESP_BAD;
}

/* The verification timer fired: true if the station is now blocked. */
bool wpv_policy_timeout(struct wpv_sta_core *s, u64 now_ms)
{
	if (s->state != WPV_STATE_CHALLENGED &&
	    s->state != WPV_STATE_VERIFYING)
		return false;
	wpv_policy_set_state(s, WPV_STATE_BLOCKED, WPV_REASON_TIMEOUT, now_ms);
	return true;
}

void wpv_policy_authorise(struct wpv_sta_core *s, u8 reason,
			  const struct wpv_config *cfg, u64 now_ms)
{
	wpv_policy_set_state(s, WPV_STATE_AUTHORISED, reason, now_ms);
	s->acct_next = wpv_policy_auth_bytes(s) + cfg->acct_quantum;
}

/**
 * wpv_policy_verdict() - the agent decided
 * @s: the station
 * @accept: authorise rather than block
 * @reason: enum wpv_reason to record
 * @cfg: the interface configuration
 * @now_ms: the clock
 *
 * Return: 0, or -ESTALE if the station is not waiting for a verdict.
 */
int wpv_policy_verdict(struct wpv_sta_core *s, bool accept, u8 reason,
		       const struct wpv_config *cfg, u64 now_ms)
{
	if (s->state != WPV_STATE_VERIFYING)
		return -ESTALE;
	if (accept)
		wpv_policy_authorise(s, reason, cfg, now_ms);
	else
		wpv_policy_set_state(s, WPV_STATE_BLOCKED, reason, now_ms);
	return 0;
}

/* Whether a hold-down that ends at @until_ms still holds at @now_ms. */
bool wpv_policy_held(u64 until_ms, u64 now_ms)
{
	return now_ms < until_ms;
}
