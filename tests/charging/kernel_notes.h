/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Notifications built the way the module sends them on its "events"
 * group (include/uapi/linux/wapi_preview.h), and nl80211's answer about an
 * interface, for tests that drive the agent's charging without a kernel.
 */
#ifndef _WPV_KERNEL_NOTES_H
#define _WPV_KERNEL_NOTES_H

#include <netlink/msg.h>

#include "acct_record.h"

/* Preview figures added to the all-state counters, never charged. */
#define KN_PREVIEW_BYTES	7000
#define KN_PREVIEW_FRAMES	7

struct nl_msg *kn_sta_event(int family, unsigned int ifindex,
			    const unsigned char *sta, int state, int prev,
			    int reason, const char *identity,
			    const struct acct_counters *auth);
struct nl_msg *kn_sta_acct(int family, unsigned int ifindex,
			   const unsigned char *sta, int trigger,
			   const char *identity,
			   const struct acct_counters *auth);
struct nl_msg *kn_new_interface(int family, unsigned int ifindex,
				const char *ifname, const unsigned char *mac,
				const char *ssid);

#endif /* _WPV_KERNEL_NOTES_H */
