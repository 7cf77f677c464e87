/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The gate's decisions as plain functions over plain structs: what to do
 * with a frame, when a preview ends, which state follows which event.  No
 * skbs, timers or locks here, so the same code runs in the module, in KUnit
 * and natively.  The caller serialises all calls for one station (the
 * module holds the station's own spinlock).
 */
#ifndef _WPV_POLICY_H
#define _WPV_POLICY_H

#include "wpv_portable.h"
#include <linux/wapi_preview.h>

/**
 * struct wpv_config - the tunables of one interface
 * @preview_bytes: preview byte threshold; 0 = none
 * @acct_quantum: accounting notification every this many bytes; 0 = off
 * @preview_ms: preview time threshold; 0 = none
 * @verify_timeout_ms: the signature verification timer
 * @retry_ms: challenge retransmission interval
 * @queue_frames: pause queue bound per station
 * @holddown_ms: how long a blocked address stays blocked
 * @acct_interval_ms: accounting notification interval; 0 = off
 * @max_stations: station table bound
 * @jitter_pct: threshold jitter, 0-100
 * @policy: enum wpv_policy while challenged
 *
 * The module-wide defaults live in wpv_defaults and are shown in sysfs;
 * each attached interface takes a copy when attached, and netlink may
 * override single values per interface.  Each field is one aligned word,
 * so the packet path reads them without a lock.
 */
struct wpv_config {
	u64 preview_bytes;
	u64 acct_quantum;
	u32 preview_ms;
	u32 verify_timeout_ms;
	u32 retry_ms;
	u32 queue_frames;
	u32 holddown_ms;
	u32 acct_interval_ms;
	u32 max_stations;
	u8 jitter_pct;
	u8 policy;
};

/**
 * struct wpv_sta_core - what the policy knows about one station
 * @stats: counters, indexed by enum wpv_stats_attr
 * @byte_limit: preview byte threshold drawn for this station; 0 = none
 * @time_limit_ms: preview time threshold drawn for this station; 0 = none
 * @preview_start_ms: when the first data frame of the preview passed
 * @state_since_ms: when the station entered @state
 * @acct_next: authorised byte count at which the next quantum is due
 * @queued: frames held in the pause queue now
 * @state: enum wpv_sta_state
 * @reason: enum wpv_reason of the last state change
 * @preview_started: @preview_start_ms is valid
 * @releasing: the pause queue is being sent; new frames join its tail
 *	so that nothing overtakes what was held
 */
struct wpv_sta_core {
	u64 stats[WPV_STATS_MAX + 1];
	u64 byte_limit;
	u32 time_limit_ms;
	u64 preview_start_ms;
	u64 state_since_ms;
	u64 acct_next;
	u32 queued;
	u8 state;
	u8 reason;
	bool preview_started;
	bool releasing;
};

/**
 * struct wpv_frame - the facts about one frame the gate needs
 * @len: bytes, the Ethernet frame length (header included, no FCS)
 * @egress: true for frames to the station, false for frames from it
 * @control: WAI or EAPOL frame; these pass in every state
 */
struct wpv_frame {
	u32 len;
	bool egress;
	bool control;
};

/**
 * enum wpv_action - what the gate does with a frame
 * @WPV_ACT_PASS: forward it
 * @WPV_ACT_QUEUE: hold it in the pause queue (the caller checks bounds)
 * @WPV_ACT_DROP: drop it (already counted as dropped)
 */
enum wpv_action {
	WPV_ACT_PASS,
	WPV_ACT_QUEUE,
	WPV_ACT_DROP,
};

/* Side effects a frame asks of the caller, as flags. */
#define WPV_FX_PREVIEW_START	0x1	/* arm the preview time threshold */
#define WPV_FX_CHALLENGE	0x2	/* the preview ended at this frame */
#define WPV_FX_QUANTUM		0x4	/* another accounting quantum passed */

/**
 * enum wpv_resp_action - what to do with a response that arrived
 * @WPV_RESP_BAD: not expected or not matching; drop and count
 * @WPV_RESP_DUPLICATE: a retransmitted answer already being verified; drop
 * @WPV_RESP_VERIFY: the first matching answer; hand it to the agent
 */
enum wpv_resp_action {
	WPV_RESP_BAD,
	WPV_RESP_DUPLICATE,
	WPV_RESP_VERIFY,
};

u64 wpv_policy_draw(u64 value, u8 jitter_pct, u64 rnd);
void wpv_policy_start_preview(struct wpv_sta_core *s,
			      const struct wpv_config *cfg, u64 rnd_bytes,
			      u64 rnd_ms, u64 now_ms);
void wpv_policy_set_state(struct wpv_sta_core *s, u8 state, u8 reason,
			  u64 now_ms);
enum wpv_action wpv_policy_frame(struct wpv_sta_core *s,
				 const struct wpv_config *cfg,
				 const struct wpv_frame *f, u64 now_ms,
				 unsigned int *fx);
void wpv_policy_count_drop(struct wpv_sta_core *s, u32 len);
void wpv_policy_count_queued(struct wpv_sta_core *s);
void wpv_policy_count_release(struct wpv_sta_core *s, u32 len);
bool wpv_policy_queue_fits(u32 sta_queued, u32 sta_max, u32 total,
			   u32 total_max);
bool wpv_policy_preview_expired(struct wpv_sta_core *s, u64 now_ms);
enum wpv_resp_action wpv_policy_response(struct wpv_sta_core *s,
					 bool matches, u64 now_ms);
bool wpv_policy_timeout(struct wpv_sta_core *s, u64 now_ms);
int wpv_policy_verdict(struct wpv_sta_core *s, bool accept, u8 reason,
		       const struct wpv_config *cfg, u64 now_ms);
void wpv_policy_authorise(struct wpv_sta_core *s, u8 reason,
			  const struct wpv_config *cfg, u64 now_ms);
bool wpv_policy_held(u64 until_ms, u64 now_ms);

#endif /* _WPV_POLICY_H */
