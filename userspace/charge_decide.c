// SPDX-License-Identifier: GPL-2.0
/*
 * Charging decisions.  A session lives from the first sign that a station
 * is authorised (the agent's own accept, or the module's AUTHORISED event
 * for a station authorised by hand) until it is blocked, reset to a new
 * preview, leaves, or the agent stops.  A re-verification
 * (CHALLENGED, VERIFYING) keeps the session open: the station is still
 * the same customer until a verdict says otherwise.
 *
 * Each fact has one source, so nothing is sent twice: when the agent
 * receives the module's events, a block is acted on when the event
 * arrives, whoever caused it (the agent's reject, the timer, an
 * administrator); without events, the agent's own reject is all it sees.
 */
#include <string.h>

#include "charge_decide.h"

static void decide_verdict(const struct charge_input *in, bool has,
			   bool events, struct charge_action *act)
{
	if (in->accept) {
		act->start = !has;
		act->hook_verified = !has;
		return;
	}
	if (events)
		return;
	act->stop = has;
	act->cause = acct_cause_from_reason(in->reason);
	act->hook_blocked = true;
}

static void decide_state(const struct charge_input *in, bool has,
			 struct charge_action *act)
{
	switch (in->state) {
	case WPV_STATE_AUTHORISED:
		act->start = !has;
		act->hook_verified = !has;
		break;
	case WPV_STATE_BLOCKED:
		act->stop = has;
		act->cause = acct_cause_from_reason(in->reason);
		/* A block renewed in hold-down is not news. */
		act->hook_blocked = in->prev_state != WPV_STATE_BLOCKED;
		break;
	case WPV_STATE_PREVIEW:
		/*
		 * Only an administrator's reset gives a charged station a
		 * new preview, and the module's event for it carries no
		 * reason, which would otherwise read as the station leaving.
		 */
		act->stop = has;
		act->cause = in->reason == WPV_REASON_NONE ?
			     ACCT_CAUSE_ADMIN : acct_cause_from_reason(in->reason);
		break;
	default:
		break;
	}
}

/**
 * charge_decide() - what an event means for a station's charging
 * @in: the event
 * @has_session: the station has an open session
 * @events: the agent receives the module's notifications
 * @act: filled with what to do; all false for nothing
 *
 * Figures from a station with no session (the agent started after it was
 * authorised) open one, without hook_verified: the verification happened
 * before and its hook ran then.
 */
void charge_decide(const struct charge_input *in, bool has_session,
		   bool events, struct charge_action *act)
{
	memset(act, 0, sizeof(*act));
	switch (in->kind) {
	case CHARGE_VERDICT:
		decide_verdict(in, has_session, events, act);
		break;
	case CHARGE_STATE:
		decide_state(in, has_session, act);
		break;
	case CHARGE_ACCT:
		act->start = !has_session;
		act->update = has_session;
		act->trigger = in->trigger;
		break;
	case CHARGE_GONE:
		act->stop = has_session;
		act->cause = ACCT_CAUSE_LEAVE;
		break;
	case CHARGE_SHUTDOWN:
		act->stop = has_session;
		act->cause = ACCT_CAUSE_SHUTDOWN;
		break;
	}
}
