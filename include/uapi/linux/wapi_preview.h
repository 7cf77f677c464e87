/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * wapi_preview: preview gating of WAPI-PSK stations on an access point.
 *
 * This header is the whole protocol between the wapi_preview module and
 * userspace: the generic netlink family, its commands and attributes, and
 * the two WAI packets the module and a station exchange over the air.
 *
 * Generic netlink family "wapi_preview", version 1
 * ================================================
 *
 * Every write command needs CAP_NET_ADMIN (GENL_ADMIN_PERM).  Attributes are
 * validated strictly: unknown attributes, wrong lengths and out-of-range
 * numbers are refused with -EINVAL and an extack message naming the
 * attribute.  Binary attributes have exact lengths (MAC addresses 6 bytes,
 * nonces 32 bytes).  Stations are named by WPV_A_IFINDEX and WPV_A_STA_ADDR.
 *
 * WPV_CMD_AGENT_REGISTER (admin)
 *   No attributes.  Makes the sending socket the verification agent.  Only
 *   one agent is registered at a time; a second registration while the
 *   first socket is alive fails with -EBUSY.  When the agent's socket
 *   closes, every station waiting for a verdict is rejected (fail closed)
 *   with WPV_REASON_AGENT_GONE.
 *
 * WPV_CMD_AGENT_UNREGISTER (admin)
 *   No attributes.  The registered agent leaves; same effect as closing.
 *
 * WPV_CMD_VERIFY (kernel to agent, unicast to the agent's socket)
 *   A station answered its challenge.  Carries what the kernel knows:
 *   WPV_A_IFINDEX, WPV_A_IFNAME, WPV_A_BSSID, WPV_A_AP_ADDR, WPV_A_STA_ADDR,
 *   WPV_A_AP_NONCE (the nonce the module sent), WPV_A_COOKIE (identifies
 *   this verification), and WPV_A_RESPONSE (the whole WAI response body
 *   as received, from its flag byte on, after the module checked the
 *   fixed part).
 *
 * WPV_CMD_VERDICT (admin, agent to kernel)
 *   WPV_A_IFINDEX, WPV_A_STA_ADDR, WPV_A_COOKIE, WPV_A_VERDICT
 *   (enum wpv_verdict), WPV_A_REASON (enum wpv_reason), optional
 *   WPV_A_IDENTITY (the certificate identity charged, a string).
 *   -ENOENT if the station is unknown, -ESTALE if the cookie does not match
 *   the pending verification.
 *
 * WPV_CMD_STA_GET (dump)
 *   Optional WPV_A_IFINDEX to limit the dump.  Each station is one message
 *   with WPV_A_IFINDEX, WPV_A_STA_ADDR, WPV_A_STA_STATE, WPV_A_REASON,
 *   WPV_A_IDENTITY (if any), WPV_A_STA_AGE_MS, WPV_A_STA_STATE_AGE_MS,
 *   WPV_A_STA_QUEUED, WPV_A_STA_RETRIES and the nested WPV_A_STA_STATS.
 *
 * WPV_CMD_STA_AUTHORISE, WPV_CMD_STA_BLOCK, WPV_CMD_STA_RESET,
 * WPV_CMD_STA_DEL (admin)
 *   WPV_A_IFINDEX, WPV_A_STA_ADDR.  Authorise releases any queued data and
 *   forwards from then on; block discards the queue and blocks for the
 *   hold-down time; reset starts a new preview (and lifts a block); delete
 *   forgets the station (a blocked address stays in the hold-down list).
 *   BLOCK and AUTHORISE take an optional WPV_A_REASON.
 *
 * WPV_CMD_IFACE_ATTACH, WPV_CMD_IFACE_DETACH (admin)
 *   WPV_A_IFINDEX or WPV_A_IFNAME.  Attach the gate to an AP or AP_VLAN
 *   interface (-EOPNOTSUPP for other interface types, -EEXIST if attached),
 *   or detach it (its stations are forgotten, queued data is dropped).
 *
 * WPV_CMD_IFACE_GET (dump)
 *   One message per attached interface: WPV_A_IFINDEX, WPV_A_IFNAME,
 *   WPV_A_STA_COUNT and the nested WPV_A_CONFIG in force.
 *
 * WPV_CMD_IFACE_SET (admin)
 *   WPV_A_IFINDEX and a nested WPV_A_CONFIG: the values given override the
 *   module defaults (the sysfs files) for this interface.
 *
 * Notifications, multicast group "events"
 *   WPV_CMD_STA_EVENT on every state change: WPV_A_IFINDEX, WPV_A_STA_ADDR,
 *   WPV_A_STA_STATE, WPV_A_STA_PREV_STATE, WPV_A_REASON, WPV_A_IDENTITY
 *   (if any) and WPV_A_STA_STATS.
 *   WPV_CMD_STA_ACCT per accounting interval and per byte quantum for every
 *   authorised station: WPV_A_IFINDEX, WPV_A_STA_ADDR, WPV_A_ACCT_TRIGGER,
 *   WPV_A_IDENTITY (if any) and WPV_A_STA_STATS.
 *
 * WAI packets (ethertype 0x88B4)
 * ==============================
 *
 * Both packets start with the standard 12-byte WAI header, all fields
 * big-endian: version (2) = 1, type (1) = 1, subtype (1), reserved (2) = 0,
 * length (2) of the whole packet, packet sequence number (2), fragment
 * sequence number (1) = 0, flag (1) = 0.  The subtypes below are this
 * project's own; standard WAI uses 1 to 12.
 *
 * Signature verification request (AP to station), WPV_WAI_SUBTYPE_SIG_REQ:
 *   flag (1) = 0 | BSSID (6) | STA address (6) | AP nonce (32)
 *
 * Signature verification response (station to AP), WPV_WAI_SUBTYPE_SIG_RESP:
 *   flag (1) | BSSID (6) | STA address (6) | AP nonce (32, echoed) |
 *   STA nonce (32) | signature attribute | [certificate]
 *
 *   The flag has WPV_RESP_F_CERT set when a certificate follows.  The
 *   signature attribute is the standard WAI one: type (1) = 1, length (2),
 *   identity (id (2) = 1, length (2), DER subject, DER issuer, DER serial),
 *   algorithm (length (2), hash (1) = 1 SHA-256, signature (1) = 1 ECDSA,
 *   parameter type (1) = 1 OID, parameter length (2), curve OID DER),
 *   signature value (length (2), r | s, each as long as the curve order).
 *   The certificate is: identifier (2) = 1 (X.509 v3), length (2), DER.
 *   The module checks the header, the addresses and the echoed nonce and
 *   hands the whole body, from the flag byte on, to the agent.
 *
 * What is signed
 * --------------
 *   SHA-256 over: the label "wapi-preview signature v1" (25 bytes, no NUL) |
 *   AP address (6) | STA address (6) | BSSID (6) | AP nonce (32) |
 *   STA nonce (32).  The agent rebuilds it from the kernel's facts only.
 */
#ifndef _UAPI_LINUX_WAPI_PREVIEW_H
#define _UAPI_LINUX_WAPI_PREVIEW_H

#include <linux/types.h>

#define WPV_GENL_NAME		"wapi_preview"
#define WPV_GENL_VERSION	1
#define WPV_MCGRP_EVENTS	"events"

#define WPV_ETH_P_WAI		0x88B4
#define WPV_WAI_VERSION		1
#define WPV_WAI_TYPE		1
#define WPV_WAI_HDR_LEN		12
#define WPV_WAI_SUBTYPE_SIG_REQ		0x20
#define WPV_WAI_SUBTYPE_SIG_RESP	0x21

#define WPV_NONCE_LEN		32
#define WPV_ADDID_LEN		12
/* flag | ADDID | AP nonce */
#define WPV_SIG_REQ_BODY_LEN	(1 + WPV_ADDID_LEN + WPV_NONCE_LEN)
/* flag | ADDID | AP nonce | STA nonce, before the signature attribute */
#define WPV_SIG_RESP_FIXED_LEN	(1 + WPV_ADDID_LEN + 2 * WPV_NONCE_LEN)
/* The largest response body the module accepts and forwards. */
#define WPV_SIG_RESP_MAX_LEN	4096
#define WPV_RESP_F_CERT		0x01

#define WPV_TRANSCRIPT_LABEL	"wapi-preview signature v1"

/**
 * enum wpv_cmd - generic netlink commands, described at the top of the file
 * @WPV_CMD_UNSPEC: unused
 * @WPV_CMD_AGENT_REGISTER: make this socket the verification agent
 * @WPV_CMD_AGENT_UNREGISTER: the agent leaves
 * @WPV_CMD_VERIFY: kernel asks the agent to verify a response
 * @WPV_CMD_VERDICT: agent answers a verification
 * @WPV_CMD_STA_GET: dump stations
 * @WPV_CMD_STA_AUTHORISE: authorise a station by hand
 * @WPV_CMD_STA_BLOCK: block a station by hand
 * @WPV_CMD_STA_RESET: give a station a new preview
 * @WPV_CMD_STA_DEL: forget a station
 * @WPV_CMD_IFACE_ATTACH: attach the gate to an interface
 * @WPV_CMD_IFACE_DETACH: detach the gate from an interface
 * @WPV_CMD_IFACE_GET: dump attached interfaces
 * @WPV_CMD_IFACE_SET: set per-interface configuration
 * @WPV_CMD_STA_EVENT: notification of a state change
 * @WPV_CMD_STA_ACCT: notification of accounting figures
 * @__WPV_CMD_MAX: internal
 * @WPV_CMD_MAX: highest command number
 */
enum wpv_cmd {
	WPV_CMD_UNSPEC,
	WPV_CMD_AGENT_REGISTER,
	WPV_CMD_AGENT_UNREGISTER,
	WPV_CMD_VERIFY,
	WPV_CMD_VERDICT,
	WPV_CMD_STA_GET,
	WPV_CMD_STA_AUTHORISE,
	WPV_CMD_STA_BLOCK,
	WPV_CMD_STA_RESET,
	WPV_CMD_STA_DEL,
	WPV_CMD_IFACE_ATTACH,
	WPV_CMD_IFACE_DETACH,
	WPV_CMD_IFACE_GET,
	WPV_CMD_IFACE_SET,
	WPV_CMD_STA_EVENT,
	WPV_CMD_STA_ACCT,

	__WPV_CMD_MAX,
	WPV_CMD_MAX = __WPV_CMD_MAX - 1
};

/**
 * enum wpv_attr - top-level attributes
 * @WPV_A_UNSPEC: unused
 * @WPV_A_IFINDEX: u32, interface index
 * @WPV_A_IFNAME: string, interface name (at most IFNAMSIZ - 1 bytes)
 * @WPV_A_STA_ADDR: binary, 6 bytes, station MAC address
 * @WPV_A_BSSID: binary, 6 bytes
 * @WPV_A_AP_ADDR: binary, 6 bytes, the AP's own address
 * @WPV_A_AP_NONCE: binary, 32 bytes
 * @WPV_A_COOKIE: u64, identifies one verification
 * @WPV_A_RESPONSE: binary, the WAI response body (up to
 *	%WPV_SIG_RESP_MAX_LEN bytes)
 * @WPV_A_VERDICT: u8, enum wpv_verdict
 * @WPV_A_REASON: u32, enum wpv_reason
 * @WPV_A_IDENTITY: string, certificate identity (up to 255 bytes)
 * @WPV_A_STA_STATE: u8, enum wpv_sta_state
 * @WPV_A_STA_PREV_STATE: u8, enum wpv_sta_state
 * @WPV_A_STA_STATS: nested, enum wpv_stats_attr
 * @WPV_A_STA_AGE_MS: u64, time since the station was first seen
 * @WPV_A_STA_STATE_AGE_MS: u64, time since the last state change
 * @WPV_A_STA_QUEUED: u32, frames held in the pause queue
 * @WPV_A_STA_RETRIES: u32, challenges sent in the current challenge
 * @WPV_A_STA_COUNT: u32, stations known on an interface
 * @WPV_A_CONFIG: nested, enum wpv_config_attr
 * @WPV_A_ACCT_TRIGGER: u8, enum wpv_acct_trigger
 * @WPV_A_PAD: padding for 64-bit attributes
 * @__WPV_A_MAX: internal
 * @WPV_A_MAX: highest attribute number
 */
enum wpv_attr {
	WPV_A_UNSPEC,
	WPV_A_IFINDEX,
	WPV_A_IFNAME,
	WPV_A_STA_ADDR,
	WPV_A_BSSID,
	WPV_A_AP_ADDR,
	WPV_A_AP_NONCE,
	WPV_A_COOKIE,
	WPV_A_RESPONSE,
	WPV_A_VERDICT,
	WPV_A_REASON,
	WPV_A_IDENTITY,
	WPV_A_STA_STATE,
	WPV_A_STA_PREV_STATE,
	WPV_A_STA_STATS,
	WPV_A_STA_AGE_MS,
	WPV_A_STA_STATE_AGE_MS,
	WPV_A_STA_QUEUED,
	WPV_A_STA_RETRIES,
	WPV_A_STA_COUNT,
	WPV_A_CONFIG,
	WPV_A_ACCT_TRIGGER,
	WPV_A_PAD,

	__WPV_A_MAX,
	WPV_A_MAX = __WPV_A_MAX - 1
};

/**
 * enum wpv_stats_attr - counters inside %WPV_A_STA_STATS, all u64
 * @WPV_STATS_UNSPEC: unused
 * @WPV_STATS_TX_BYTES: bytes forwarded to the station, all states
 * @WPV_STATS_TX_FRAMES: frames forwarded to the station, all states
 * @WPV_STATS_RX_BYTES: bytes accepted from the station, all states
 * @WPV_STATS_RX_FRAMES: frames accepted from the station, all states
 * @WPV_STATS_PREVIEW_TX_BYTES: bytes forwarded to the station in preview
 * @WPV_STATS_PREVIEW_RX_BYTES: bytes from the station in preview
 * @WPV_STATS_AUTH_TX_BYTES: bytes to the station while authorised
 * @WPV_STATS_AUTH_RX_BYTES: bytes from the station while authorised
 * @WPV_STATS_AUTH_TX_FRAMES: frames to the station while authorised
 * @WPV_STATS_AUTH_RX_FRAMES: frames from the station while authorised
 * @WPV_STATS_DROPPED_FRAMES: frames dropped by the gate (policy, block,
 *	queue full)
 * @WPV_STATS_DROPPED_BYTES: bytes of those frames
 * @WPV_STATS_QUEUED_FRAMES: frames that went through the pause queue
 * @WPV_STATS_BAD_RESPONSES: responses dropped for not matching the
 *	pending challenge
 * @WPV_STATS_CHALLENGES: challenge packets sent, retransmissions included
 * @WPV_STATS_PAD: padding for 64-bit attributes
 * @__WPV_STATS_MAX: internal
 * @WPV_STATS_MAX: highest counter number
 */
enum wpv_stats_attr {
	WPV_STATS_UNSPEC,
	WPV_STATS_TX_BYTES,
	WPV_STATS_TX_FRAMES,
	WPV_STATS_RX_BYTES,
	WPV_STATS_RX_FRAMES,
	WPV_STATS_PREVIEW_TX_BYTES,
	WPV_STATS_PREVIEW_RX_BYTES,
	WPV_STATS_AUTH_TX_BYTES,
	WPV_STATS_AUTH_RX_BYTES,
	WPV_STATS_AUTH_TX_FRAMES,
	WPV_STATS_AUTH_RX_FRAMES,
	WPV_STATS_DROPPED_FRAMES,
	WPV_STATS_DROPPED_BYTES,
	WPV_STATS_QUEUED_FRAMES,
	WPV_STATS_BAD_RESPONSES,
	WPV_STATS_CHALLENGES,
	WPV_STATS_PAD,

	__WPV_STATS_MAX,
	WPV_STATS_MAX = __WPV_STATS_MAX - 1
};

/**
 * enum wpv_config_attr - tunables inside %WPV_A_CONFIG; each has a sysfs
 * file of the same name (lower case, without the prefix) for its default
 * @WPV_CFG_UNSPEC: unused
 * @WPV_CFG_PREVIEW_BYTES: u64, byte threshold; 0 disables it
 * @WPV_CFG_PREVIEW_MS: u32, time threshold in ms; 0 disables it
 * @WPV_CFG_JITTER_PCT: u8, 0-100, each threshold is drawn uniformly in
 *	[value * (100 - jitter) / 100, value] per station
 * @WPV_CFG_VERIFY_TIMEOUT_MS: u32, signature verification timer
 * @WPV_CFG_RETRY_MS: u32, challenge retransmission interval
 * @WPV_CFG_POLICY: u8, enum wpv_policy
 * @WPV_CFG_QUEUE_FRAMES: u32, pause queue bound per station
 * @WPV_CFG_HOLDDOWN_MS: u32, how long a blocked address stays blocked
 * @WPV_CFG_ACCT_INTERVAL_MS: u32, accounting notification interval; 0 off
 * @WPV_CFG_ACCT_QUANTUM: u64, accounting notification every this many
 *	bytes; 0 off
 * @WPV_CFG_MAX_STATIONS: u32, station table bound for the interface
 * @WPV_CFG_PAD: padding for 64-bit attributes
 * @__WPV_CFG_MAX: internal
 * @WPV_CFG_MAX: highest config attribute
 *
 * The global pause queue bound (queue_total_frames) and whether every new
 * AP interface is attached (auto_attach) are module-wide and only in sysfs.
 */
enum wpv_config_attr {
	WPV_CFG_UNSPEC,
	WPV_CFG_PREVIEW_BYTES,
	WPV_CFG_PREVIEW_MS,
	WPV_CFG_JITTER_PCT,
	WPV_CFG_VERIFY_TIMEOUT_MS,
	WPV_CFG_RETRY_MS,
	WPV_CFG_POLICY,
	WPV_CFG_QUEUE_FRAMES,
	WPV_CFG_HOLDDOWN_MS,
	WPV_CFG_ACCT_INTERVAL_MS,
	WPV_CFG_ACCT_QUANTUM,
	WPV_CFG_MAX_STATIONS,
	WPV_CFG_PAD,

	__WPV_CFG_MAX,
	WPV_CFG_MAX = __WPV_CFG_MAX - 1
};

/**
 * enum wpv_sta_state - where a station is in its life
 * @WPV_STATE_PREVIEW: forwarded and counted, thresholds running
 * @WPV_STATE_CHALLENGED: request sent, waiting for the station's answer
 * @WPV_STATE_VERIFYING: answer handed to the agent, waiting for a verdict
 * @WPV_STATE_AUTHORISED: verified; forwarded and charged
 * @WPV_STATE_BLOCKED: nothing forwarded in either direction
 * @__WPV_STATE_MAX: internal
 */
enum wpv_sta_state {
	WPV_STATE_PREVIEW,
	WPV_STATE_CHALLENGED,
	WPV_STATE_VERIFYING,
	WPV_STATE_AUTHORISED,
	WPV_STATE_BLOCKED,

	__WPV_STATE_MAX
};

/**
 * enum wpv_policy - what happens to data while a station is challenged
 * @WPV_POLICY_PAUSE: hold frames to the station in a bounded queue
 * @WPV_POLICY_CONTINUE: keep forwarding
 * @WPV_POLICY_DROP: drop data frames
 * @__WPV_POLICY_MAX: internal
 *
 * WAI and EAPOL frames always pass.
 */
enum wpv_policy {
	WPV_POLICY_PAUSE,
	WPV_POLICY_CONTINUE,
	WPV_POLICY_DROP,

	__WPV_POLICY_MAX
};

/**
 * enum wpv_verdict - the agent's decision
 * @WPV_VERDICT_REJECT: block the station
 * @WPV_VERDICT_ACCEPT: authorise the station
 * @__WPV_VERDICT_MAX: internal
 */
enum wpv_verdict {
	WPV_VERDICT_REJECT,
	WPV_VERDICT_ACCEPT,

	__WPV_VERDICT_MAX
};

/**
 * enum wpv_reason - why a station is where it is
 * @WPV_REASON_NONE: no reason recorded
 * @WPV_REASON_VERIFIED: certificate and signature verified
 * @WPV_REASON_ADMIN: changed by an administrator
 * @WPV_REASON_TIMEOUT: no valid answer before the verification timer
 * @WPV_REASON_AGENT_GONE: no agent, or the agent went away
 * @WPV_REASON_HOLDDOWN: blocked earlier and still in hold-down
 * @WPV_REASON_BAD_SIGNATURE: the signature does not verify
 * @WPV_REASON_CERT_EXPIRED: the certificate is past its validity
 * @WPV_REASON_CERT_NOT_YET_VALID: the certificate is not valid yet
 * @WPV_REASON_CERT_REVOKED: the certificate is revoked (CRL or OCSP)
 * @WPV_REASON_CERT_UNTRUSTED: no chain to a trusted CA
 * @WPV_REASON_CERT_KEY_USAGE: the certificate may not sign
 * @WPV_REASON_CERT_INVALID: the certificate cannot be parsed or is
 *	otherwise unacceptable
 * @WPV_REASON_NO_KEY: no certificate sent and no key provisioned
 * @WPV_REASON_MALFORMED: the response cannot be parsed
 * @WPV_REASON_STATUS_UNKNOWN: the certificate status could not be
 *	obtained and the policy is to fail closed
 * @__WPV_REASON_MAX: internal
 */
enum wpv_reason {
	WPV_REASON_NONE,
	WPV_REASON_VERIFIED,
	WPV_REASON_ADMIN,
	WPV_REASON_TIMEOUT,
	WPV_REASON_AGENT_GONE,
	WPV_REASON_HOLDDOWN,
	WPV_REASON_BAD_SIGNATURE,
	WPV_REASON_CERT_EXPIRED,
	WPV_REASON_CERT_NOT_YET_VALID,
	WPV_REASON_CERT_REVOKED,
	WPV_REASON_CERT_UNTRUSTED,
	WPV_REASON_CERT_KEY_USAGE,
	WPV_REASON_CERT_INVALID,
	WPV_REASON_NO_KEY,
	WPV_REASON_MALFORMED,
	WPV_REASON_STATUS_UNKNOWN,

	__WPV_REASON_MAX
};

/**
 * enum wpv_acct_trigger - why an accounting notification was sent
 * @WPV_ACCT_INTERVAL: the accounting interval elapsed
 * @WPV_ACCT_QUANTUM: another byte quantum was forwarded
 * @__WPV_ACCT_MAX: internal
 */
enum wpv_acct_trigger {
	WPV_ACCT_INTERVAL,
	WPV_ACCT_QUANTUM,

	__WPV_ACCT_MAX
};

#endif /* _UAPI_LINUX_WAPI_PREVIEW_H */
