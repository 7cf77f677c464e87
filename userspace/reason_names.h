/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The short, stable names of enum wpv_reason used in logs, JSON, hook
 * environments and `wpv show`: one table, so every output agrees.
 */
#ifndef _WPV_REASON_NAMES_H
#define _WPV_REASON_NAMES_H

#include <linux/wapi_preview.h>

/**
 * wpv_reason_name() - short stable name of a reason
 * @reason: the reason
 *
 * Return: a constant string, never NULL; "unknown" out of range.
 */
static inline const char *wpv_reason_name(unsigned int reason)
{
	static const char *const names[__WPV_REASON_MAX] = {
		[WPV_REASON_NONE]		= "none",
		[WPV_REASON_VERIFIED]		= "verified",
		[WPV_REASON_ADMIN]		= "admin",
		[WPV_REASON_TIMEOUT]		= "timeout",
		[WPV_REASON_AGENT_GONE]		= "agent-gone",
		[WPV_REASON_HOLDDOWN]		= "holddown",
		[WPV_REASON_BAD_SIGNATURE]	= "bad-signature",
		[WPV_REASON_CERT_EXPIRED]	= "cert-expired",
		[WPV_REASON_CERT_NOT_YET_VALID]	= "cert-not-yet-valid",
		[WPV_REASON_CERT_REVOKED]	= "cert-revoked",
		[WPV_REASON_CERT_UNTRUSTED]	= "cert-untrusted",
		[WPV_REASON_CERT_KEY_USAGE]	= "cert-key-usage",
		[WPV_REASON_CERT_INVALID]	= "cert-invalid",
		[WPV_REASON_NO_KEY]		= "no-key",
		[WPV_REASON_MALFORMED]		= "malformed",
		[WPV_REASON_STATUS_UNKNOWN]	= "status-unknown",
	};

	return reason < __WPV_REASON_MAX ? names[reason] : "unknown";
}

#endif /* _WPV_REASON_NAMES_H */
