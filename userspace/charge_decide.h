/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What one station event means for charging: start, update or stop a
 * session, and which hooks to run.  Pure code: the agent's charging layer
 * (agent_charge.c) feeds it and carries out the answer.
 */
#ifndef _WPV_CHARGE_DECIDE_H
#define _WPV_CHARGE_DECIDE_H

#include <stdbool.h>

#include "acct_record.h"

/**
 * enum charge_input_kind - where an event came from
 * @CHARGE_VERDICT: the agent decided a verification
 * @CHARGE_STATE: the module announced a state change (WPV_CMD_STA_EVENT)
 * @CHARGE_ACCT: the module reported figures (WPV_CMD_STA_ACCT)
 * @CHARGE_GONE: nl80211 says the station left (NL80211_CMD_DEL_STATION)
 * @CHARGE_SHUTDOWN: the agent is leaving
 */
enum charge_input_kind {
	CHARGE_VERDICT,
	CHARGE_STATE,
	CHARGE_ACCT,
	CHARGE_GONE,
	CHARGE_SHUTDOWN,
};

/**
 * struct charge_input - one event
 * @kind: its source
 * @accept: %CHARGE_VERDICT: accepted
 * @reason: %CHARGE_VERDICT and %CHARGE_STATE: enum wpv_reason
 * @state: %CHARGE_STATE: the new enum wpv_sta_state
 * @prev_state: %CHARGE_STATE: the state before
 * @trigger: %CHARGE_ACCT: interval or quantum
 */
struct charge_input {
	enum charge_input_kind kind;
	bool accept;
	enum wpv_reason reason;
	unsigned int state;
	unsigned int prev_state;
	enum acct_trigger trigger;
};

/**
 * struct charge_action - what to do about it
 * @start: open a session (acct_start)
 * @update: send an Interim-Update (acct_update) with @trigger
 * @stop: close the session (acct_stop) with @cause, then hook_stopped
 * @hook_verified: run hook_verified (after @start)
 * @hook_blocked: run hook_blocked (after @stop)
 * @trigger: for @update
 * @cause: for @stop
 */
struct charge_action {
	bool start;
	bool update;
	bool stop;
	bool hook_verified;
	bool hook_blocked;
	enum acct_trigger trigger;
	enum acct_cause cause;
};

void charge_decide(const struct charge_input *in, bool has_session,
		   bool events, struct charge_action *act);

#endif /* _WPV_CHARGE_DECIDE_H */
