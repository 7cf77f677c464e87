// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the gate's decisions (policy.c): thresholds with and
 * without jitter, the frame decisions of every state, the state machine's
 * transitions and the pause queue bounds.
 */
#include <kunit/test.h>

#include "policy.h"

static const struct wpv_config wpv_test_cfg = {
	.preview_bytes = 100 * 1024,
	.preview_ms = 60000,
	.jitter_pct = 0,
	.verify_timeout_ms = 10000,
	.retry_ms = 1000,
	.policy = WPV_POLICY_PAUSE,
	.queue_frames = 4,
	.holddown_ms = 300000,
	.max_stations = 16,
};

/* Thresholds -------------------------------------------------------- */

struct wpv_draw_case {
	const char *desc;
	u64 value;
	u8 jitter;
	u64 rnd;
	u64 want;
};

static const struct wpv_draw_case wpv_draw_cases[] = {
	{ "no jitter gives the value", 102400, 0, 12345, 102400 },
	{ "zero stays zero (threshold off)", 0, 50, 99, 0 },
	{ "jitter 50 lowest draw", 1000, 50, 0, 500 },
	{ "jitter 50 highest draw", 1000, 50, 500, 1000 },
	{ "jitter 50 wraps the random number", 1000, 50, 501, 500 },
	{ "jitter 100 may reach zero", 1000, 100, 0, 0 },
	{ "jitter 100 may reach the value", 1000, 100, 1000, 1000 },
	{ "jitter above 100 is clamped", 1000, 200, 1001, 0 },
	{ "huge value does not overflow", U64_MAX, 10, 0,
	  U64_MAX / 100 * 90 + U64_MAX % 100 * 90 / 100 },
	{ "lower bound rounds down", 99, 10, 0, 89 },
};

static void wpv_draw_desc(const struct wpv_draw_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(wpv_draw, wpv_draw_cases, wpv_draw_desc);

static void wpv_test_draw(struct kunit *test)
{
	const struct wpv_draw_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, wpv_policy_draw(c->value, c->jitter, c->rnd),
			c->want);
}

/* Every draw over many random numbers stays inside the interval. */
static void wpv_test_draw_range(struct kunit *test)
{
	u64 lo = 1000ULL * (100 - 30) / 100;
	u64 seen_lo = U64_MAX, seen_hi = 0, v, r;

	for (r = 0; r < 5000; r++) {
		v = wpv_policy_draw(1000, 30, r * 2654435761ULL);
		KUNIT_ASSERT_GE(test, v, lo);
		KUNIT_ASSERT_LE(test, v, 1000ULL);
		seen_lo = min(seen_lo, v);
		seen_hi = max(seen_hi, v);
	}
	KUNIT_EXPECT_EQ(test, seen_lo, lo);
	KUNIT_EXPECT_EQ(test, seen_hi, 1000ULL);
}

/* Preview crossing ---------------------------------------------------- */

struct wpv_cross_case {
	const char *desc;
	u64 limit;
	u32 frame;
	bool egress_only;
	unsigned int frames_to_cross;
};

static const struct wpv_cross_case wpv_cross_cases[] = {
	{ "exact multiple crosses on the last frame", 3000, 1000, true, 3 },
	{ "overshoot is less than one frame", 3500, 1000, true, 4 },
	{ "a single large frame crosses at once", 100, 1514, true, 1 },
	{ "both directions count", 4000, 1000, false, 4 },
	{ "100 KiB with full frames", 102400, 1514, true, 68 },
};

static void wpv_cross_desc(const struct wpv_cross_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(wpv_cross, wpv_cross_cases, wpv_cross_desc);

static void wpv_test_cross(struct kunit *test)
{
	const struct wpv_cross_case *c = test->param_value;
	struct wpv_config cfg = wpv_test_cfg;
	struct wpv_sta_core s = {};
	struct wpv_frame f = { .len = c->frame };
	unsigned int i, fx = 0;
	u64 fwd;

	cfg.preview_bytes = c->limit;
	wpv_policy_start_preview(&s, &cfg, 0, 0, 0);
	for (i = 1; i <= c->frames_to_cross; i++) {
		f.egress = c->egress_only || (i & 1);
		KUNIT_ASSERT_EQ(test, wpv_policy_frame(&s, &cfg, &f, i, &fx),
				WPV_ACT_PASS);
		if (i < c->frames_to_cross)
			KUNIT_ASSERT_EQ(test, s.state, WPV_STATE_PREVIEW);
	}
	KUNIT_EXPECT_EQ(test, s.state, WPV_STATE_CHALLENGED);
	KUNIT_EXPECT_TRUE(test, fx & WPV_FX_CHALLENGE);
	fwd = s.stats[WPV_STATS_PREVIEW_TX_BYTES] +
	      s.stats[WPV_STATS_PREVIEW_RX_BYTES];
	KUNIT_EXPECT_GE(test, fwd, c->limit);
	KUNIT_EXPECT_LT(test, fwd - c->limit, (u64)c->frame);

	/* The next frame is held, not forwarded. */
	f.egress = true;
	KUNIT_EXPECT_EQ(test, wpv_policy_frame(&s, &cfg, &f, i, &fx),
			WPV_ACT_QUEUE);
}

/* Frames by state and policy ----------------------------------------- */

struct wpv_frame_case {
	const char *desc;
	u8 state;
	u8 policy;
	bool egress;
	bool control;
	enum wpv_action want;
};

static const struct wpv_frame_case wpv_frame_cases[] = {
	{ "preview forwards", WPV_STATE_PREVIEW, WPV_POLICY_PAUSE, true,
	  false, WPV_ACT_PASS },
	{ "pause queues downstream", WPV_STATE_CHALLENGED, WPV_POLICY_PAUSE,
	  true, false, WPV_ACT_QUEUE },
	{ "pause drops upstream", WPV_STATE_CHALLENGED, WPV_POLICY_PAUSE,
	  false, false, WPV_ACT_DROP },
	{ "continue forwards downstream", WPV_STATE_CHALLENGED,
	  WPV_POLICY_CONTINUE, true, false, WPV_ACT_PASS },
	{ "continue forwards upstream", WPV_STATE_VERIFYING,
	  WPV_POLICY_CONTINUE, false, false, WPV_ACT_PASS },
	{ "drop drops downstream", WPV_STATE_VERIFYING, WPV_POLICY_DROP, true,
	  false, WPV_ACT_DROP },
	{ "verifying also queues", WPV_STATE_VERIFYING, WPV_POLICY_PAUSE, true,
	  false, WPV_ACT_QUEUE },
	{ "control passes while paused", WPV_STATE_CHALLENGED,
	  WPV_POLICY_PAUSE, true, true, WPV_ACT_PASS },
	{ "control passes while dropping", WPV_STATE_CHALLENGED,
	  WPV_POLICY_DROP, false, true, WPV_ACT_PASS },
	{ "authorised forwards", WPV_STATE_AUTHORISED, WPV_POLICY_DROP, false,
	  false, WPV_ACT_PASS },
	{ "blocked drops downstream", WPV_STATE_BLOCKED, WPV_POLICY_CONTINUE,
	  true, false, WPV_ACT_DROP },
	{ "blocked drops upstream", WPV_STATE_BLOCKED, WPV_POLICY_CONTINUE,
	  false, false, WPV_ACT_DROP },
};

static void wpv_frame_desc(const struct wpv_frame_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(wpv_frame, wpv_frame_cases, wpv_frame_desc);

static void wpv_test_frame(struct kunit *test)
{
	const struct wpv_frame_case *c = test->param_value;
	struct wpv_config cfg = wpv_test_cfg;
	struct wpv_frame f = { .len = 100, .egress = c->egress,
			       .control = c->control };
	struct wpv_sta_core s = {};
	unsigned int fx;

	cfg.policy = c->policy;
	wpv_policy_start_preview(&s, &cfg, 0, 0, 0);
	s.state = c->state;
	KUNIT_EXPECT_EQ(test, wpv_policy_frame(&s, &cfg, &f, 1, &fx), c->want);
	if (c->want == WPV_ACT_DROP) {
		KUNIT_EXPECT_EQ(test, s.stats[WPV_STATS_DROPPED_FRAMES], 1ULL);
		KUNIT_EXPECT_EQ(test, s.stats[WPV_STATS_DROPPED_BYTES], 100ULL);
	}
	if (c->want == WPV_ACT_PASS)
		KUNIT_EXPECT_EQ(test, s.stats[c->egress ? WPV_STATS_TX_BYTES :
					      WPV_STATS_RX_BYTES], 100ULL);
}

/* State machine -------------------------------------------------------- */

enum wpv_event {
	EV_EXPIRE,	/* preview timer */
	EV_RESP_OK,	/* matching response */
	EV_RESP_BAD,	/* response that does not match */
	EV_ACCEPT,
	EV_REJECT,
	EV_TIMEOUT,	/* verification timer */
};

struct wpv_sm_case {
	const char *desc;
	u8 from;
	enum wpv_event ev;
	u8 to;
	u8 reason;
	int ret;	/* for verdicts and responses */
};

static const struct wpv_sm_case wpv_sm_cases[] = {
	{ "preview timer challenges", WPV_STATE_PREVIEW, EV_EXPIRE,
	  WPV_STATE_CHALLENGED, WPV_REASON_NONE, 1 },
	{ "preview timer ignored when challenged", WPV_STATE_CHALLENGED,
	  EV_EXPIRE, WPV_STATE_CHALLENGED, WPV_REASON_NONE, 0 },
	{ "matching answer starts verifying", WPV_STATE_CHALLENGED,
	  EV_RESP_OK, WPV_STATE_VERIFYING, WPV_REASON_NONE, WPV_RESP_VERIFY },
	{ "repeated answer is a duplicate", WPV_STATE_VERIFYING, EV_RESP_OK,
	  WPV_STATE_VERIFYING, WPV_REASON_NONE, WPV_RESP_DUPLICATE },
	{ "wrong answer is bad", WPV_STATE_CHALLENGED, EV_RESP_BAD,
	  WPV_STATE_CHALLENGED, WPV_REASON_NONE, WPV_RESP_BAD },
	{ "answer in preview is bad", WPV_STATE_PREVIEW, EV_RESP_OK,
	  WPV_STATE_PREVIEW, WPV_REASON_NONE, WPV_RESP_BAD },
	{ "answer when authorised is bad", WPV_STATE_AUTHORISED, EV_RESP_OK,
	  WPV_STATE_AUTHORISED, WPV_REASON_NONE, WPV_RESP_BAD },
	{ "accept authorises", WPV_STATE_VERIFYING, EV_ACCEPT,
	  WPV_STATE_AUTHORISED, WPV_REASON_VERIFIED, 0 },
	{ "reject blocks", WPV_STATE_VERIFYING, EV_REJECT, WPV_STATE_BLOCKED,
	  WPV_REASON_BAD_SIGNATURE, 0 },
	{ "verdict without verification is stale", WPV_STATE_CHALLENGED,
	  EV_ACCEPT, WPV_STATE_CHALLENGED, WPV_REASON_NONE, -ESTALE },
	{ "timer blocks a challenged station", WPV_STATE_CHALLENGED,
	  EV_TIMEOUT, WPV_STATE_BLOCKED, WPV_REASON_TIMEOUT, 1 },
	{ "timer blocks a verifying station", WPV_STATE_VERIFYING, EV_TIMEOUT,
	  WPV_STATE_BLOCKED, WPV_REASON_TIMEOUT, 1 },
	{ "timer leaves an authorised station", WPV_STATE_AUTHORISED,
	  EV_TIMEOUT, WPV_STATE_AUTHORISED, WPV_REASON_NONE, 0 },
};

static void wpv_sm_desc(const struct wpv_sm_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(wpv_sm, wpv_sm_cases, wpv_sm_desc);

static int wpv_sm_apply(struct wpv_sta_core *s, enum wpv_event ev, u8 reason)
{
	switch (ev) {
	case EV_EXPIRE:
		return wpv_policy_preview_expired(s, 5);
	case EV_RESP_OK:
		return wpv_policy_response(s, true, 5);
	case EV_RESP_BAD:
		return wpv_policy_response(s, false, 5);
	case EV_ACCEPT:
		return wpv_policy_verdict(s, true, reason, &wpv_test_cfg, 5);
	case EV_REJECT:
		return wpv_policy_verdict(s, false, reason, &wpv_test_cfg, 5);
	default:
		return wpv_policy_timeout(s, 5);
	}
}

static void wpv_test_sm(struct kunit *test)
{
	const struct wpv_sm_case *c = test->param_value;
	struct wpv_sta_core s = {};

	wpv_policy_set_state(&s, c->from, WPV_REASON_NONE, 0);
	KUNIT_EXPECT_EQ(test, wpv_sm_apply(&s, c->ev, c->reason), c->ret);
	KUNIT_EXPECT_EQ(test, s.state, c->to);
	KUNIT_EXPECT_EQ(test, s.reason, c->reason);
	if ((c->ev == EV_RESP_OK || c->ev == EV_RESP_BAD) &&
	    c->ret == WPV_RESP_BAD)
		KUNIT_EXPECT_EQ(test, s.stats[WPV_STATS_BAD_RESPONSES], 1ULL);
	if (s.state != c->from)
		KUNIT_EXPECT_EQ(test, s.state_since_ms, 5ULL);
}

/* The time threshold is armed by the first data frame only. */
static void wpv_test_preview_start(struct kunit *test)
{
	struct wpv_frame ctl = { .len = 99, .egress = true, .control = true };
	struct wpv_frame data = { .len = 100, .egress = true };
	struct wpv_sta_core s = {};
	unsigned int fx;

	wpv_policy_start_preview(&s, &wpv_test_cfg, 0, 0, 0);
	wpv_policy_frame(&s, &wpv_test_cfg, &ctl, 7, &fx);
	KUNIT_EXPECT_EQ(test, fx, 0U);
	KUNIT_EXPECT_FALSE(test, s.preview_started);
	wpv_policy_frame(&s, &wpv_test_cfg, &data, 9, &fx);
	KUNIT_EXPECT_EQ(test, fx, (unsigned int)WPV_FX_PREVIEW_START);
	KUNIT_EXPECT_EQ(test, s.preview_start_ms, 9ULL);
	wpv_policy_frame(&s, &wpv_test_cfg, &data, 11, &fx);
	KUNIT_EXPECT_EQ(test, fx, 0U);
	KUNIT_EXPECT_EQ(test, s.stats[WPV_STATS_PREVIEW_TX_BYTES], 200ULL);
	KUNIT_EXPECT_EQ(test, s.stats[WPV_STATS_TX_BYTES], 299ULL);
}

/* A byte quantum is reported once per quantum of authorised traffic. */
static void wpv_test_quantum(struct kunit *test)
{
	struct wpv_config cfg = wpv_test_cfg;
	struct wpv_frame f = { .len = 400, .egress = false };
	struct wpv_sta_core s = {};
	unsigned int fx, due = 0, i;

	cfg.acct_quantum = 1000;
	wpv_policy_authorise(&s, WPV_REASON_ADMIN, &cfg, 0);
	for (i = 0; i < 10; i++) {
		wpv_policy_frame(&s, &cfg, &f, i, &fx);
		due += !!(fx & WPV_FX_QUANTUM);
	}
	/* 4000 bytes: the marks at 1000, 2000, 3000 and 4000 */
	KUNIT_EXPECT_EQ(test, due, 4U);
	KUNIT_EXPECT_EQ(test, s.stats[WPV_STATS_AUTH_RX_FRAMES], 10ULL);
}

/* Release order: frames arriving while the queue drains join its tail. */
static void wpv_test_releasing(struct kunit *test)
{
	struct wpv_frame f = { .len = 100, .egress = true };
	struct wpv_sta_core s = {};
	unsigned int fx;

	wpv_policy_authorise(&s, WPV_REASON_VERIFIED, &wpv_test_cfg, 0);
	s.releasing = true;
	KUNIT_EXPECT_EQ(test, wpv_policy_frame(&s, &wpv_test_cfg, &f, 1, &fx),
			WPV_ACT_QUEUE);
	f.egress = false;
	KUNIT_EXPECT_EQ(test, wpv_policy_frame(&s, &wpv_test_cfg, &f, 1, &fx),
			WPV_ACT_PASS);
	wpv_policy_count_queued(&s);
	wpv_policy_count_release(&s, 100);
	KUNIT_EXPECT_EQ(test, s.queued, 0U);
	KUNIT_EXPECT_EQ(test, s.stats[WPV_STATS_AUTH_TX_BYTES], 100ULL);
}

/* Queue bounds ----------------------------------------------------------- */

struct wpv_queue_case {
	const char *desc;
	u32 queued, max, total, total_max;
	bool fits;
};

static const struct wpv_queue_case wpv_queue_cases[] = {
	{ "empty queue takes a frame", 0, 4, 0, 10, true },
	{ "last free slot", 3, 4, 3, 10, true },
	{ "station queue full", 4, 4, 4, 10, false },
	{ "global bound reached", 1, 4, 10, 10, false },
	{ "queue size zero holds nothing", 0, 0, 0, 10, false },
	{ "global size zero holds nothing", 0, 4, 0, 0, false },
};

static void wpv_queue_desc(const struct wpv_queue_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(wpv_queue, wpv_queue_cases, wpv_queue_desc);

static void wpv_test_queue(struct kunit *test)
{
	const struct wpv_queue_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, wpv_policy_queue_fits(c->queued, c->max,
						    c->total, c->total_max),
			c->fits);
}

static struct kunit_case wpv_policy_test_cases[] = {
	KUNIT_CASE_PARAM(wpv_test_draw, wpv_draw_gen_params),
	KUNIT_CASE(wpv_test_draw_range),
	KUNIT_CASE_PARAM(wpv_test_cross, wpv_cross_gen_params),
	KUNIT_CASE_PARAM(wpv_test_frame, wpv_frame_gen_params),
	KUNIT_CASE_PARAM(wpv_test_sm, wpv_sm_gen_params),
	KUNIT_CASE(wpv_test_preview_start),
	KUNIT_CASE(wpv_test_quantum),
	KUNIT_CASE(wpv_test_releasing),
	KUNIT_CASE_PARAM(wpv_test_queue, wpv_queue_gen_params),
	{}
};

static struct kunit_suite wpv_policy_test_suite = {
	.name = "wapi_preview_policy",
	.test_cases = wpv_policy_test_cases,
};

kunit_test_suite(wpv_policy_test_suite);

MODULE_LICENSE("GPL");
