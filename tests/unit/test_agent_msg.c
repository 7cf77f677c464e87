// SPDX-License-Identifier: GPL-2.0
/*
 * The agent's netlink messages against the uapi header: a verify request
 * as the module sends it becomes a job, every malformed one is refused,
 * and verdicts, deletions and nl80211 station events carry exactly the
 * attributes the header lists.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <linux/nl80211.h>
#include <netlink/attr.h>
#include <netlink/genl/genl.h>

#include "agent_msg.h"

#define FAMILY	0x20

static const u8 bssid[6] = { 0x02, 0, 0, 0, 0x01, 0x00 };
static const u8 ap[6] = { 0x02, 0, 0, 0, 0x01, 0x01 };
static const u8 sta[6] = { 0x02, 0, 0, 0, 0x02, 0x00 };
static u8 nonce[WPV_NONCE_LEN], body[WPV_SIG_RESP_MAX_LEN + 1];

/* Which attribute to leave out or spoil in the kernel's message. */
enum spoil { NONE, NO_COOKIE, SHORT_BSSID, LONG_NONCE, BIG_RESPONSE,
	     IFNAME_NO_NUL };

static struct nl_msg *verify_msg(u8 cmd, enum spoil sp)
{
	struct nl_msg *msg = nlmsg_alloc_size(3 * WPV_SIG_RESP_MAX_LEN);

	assert_non_null(msg);
	assert_non_null(genlmsg_put(msg, 0, 0, FAMILY, 0, 0, cmd, 1));
	assert_int_equal(nla_put_u32(msg, WPV_A_IFINDEX, 7), 0);
	if (sp == IFNAME_NO_NUL)
		assert_int_equal(nla_put(msg, WPV_A_IFNAME, 5, "wlan0"), 0);
	else
		assert_int_equal(nla_put_string(msg, WPV_A_IFNAME, "wlan0"),
				 0);
	assert_int_equal(nla_put(msg, WPV_A_BSSID, sp == SHORT_BSSID ? 5 : 6,
				 bssid), 0);
	assert_int_equal(nla_put(msg, WPV_A_AP_ADDR, 6, ap), 0);
	assert_int_equal(nla_put(msg, WPV_A_STA_ADDR, 6, sta), 0);
	assert_int_equal(nla_put(msg, WPV_A_AP_NONCE,
				 sp == LONG_NONCE ? 33 : 32, body), 0);
	if (sp != NO_COOKIE)
		assert_int_equal(nla_put_u64(msg, WPV_A_COOKIE,
					     0x1122334455667788ULL), 0);
	assert_int_equal(nla_put(msg, WPV_A_RESPONSE,
				 sp == BIG_RESPONSE ? sizeof(body) : 200,
				 body), 0);
	return msg;
}

static void expect_refused(u8 cmd, enum spoil sp, int err)
{
	struct nl_msg *msg = verify_msg(cmd, sp);
	struct wpv_job *job = (void *)1;

	assert_int_equal(wpv_msg_parse_verify(msg, &job), err);
	assert_null(job);
	nlmsg_free(msg);
}

static int setup(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(body); i++)
		body[i] = i * 7;
	memcpy(nonce, body, sizeof(nonce));
	return 0;
}

static void verify_request_becomes_a_job(void **state)
{
	struct nl_msg *msg = verify_msg(WPV_CMD_VERIFY, NONE);
	struct wpv_job *job;

	(void)state;
	assert_int_equal(wpv_msg_parse_verify(msg, &job), 0);
	assert_int_equal(job->ifindex, 7);
	assert_true(job->cookie == 0x1122334455667788ULL);
	assert_string_equal(job->facts.ifname, "wlan0");
	assert_memory_equal(job->facts.bssid, bssid, 6);
	assert_memory_equal(job->facts.ap_addr, ap, 6);
	assert_memory_equal(job->facts.sta_addr, sta, 6);
	assert_memory_equal(job->facts.ap_nonce, nonce, WPV_NONCE_LEN);
	assert_int_equal(job->len, 200);
	assert_memory_equal(job->body, body, 200);
	wpv_job_free(job);
	nlmsg_free(msg);
}

static void other_command_is_not_for_us(void **state)
{
	(void)state;
	expect_refused(WPV_CMD_STA_EVENT, NONE, -WPV_MSG_OTHER);
}

static void verify_request_without_cookie_is_refused(void **state)
{
	(void)state;
	expect_refused(WPV_CMD_VERIFY, NO_COOKIE, -WPV_MSG_MISSING);
}

static void verify_request_with_bad_lengths_is_refused(void **state)
{
	(void)state;
	expect_refused(WPV_CMD_VERIFY, SHORT_BSSID, -WPV_MSG_PARSE);
	expect_refused(WPV_CMD_VERIFY, LONG_NONCE, -WPV_MSG_PARSE);
	expect_refused(WPV_CMD_VERIFY, BIG_RESPONSE, -WPV_MSG_PARSE);
	expect_refused(WPV_CMD_VERIFY, IFNAME_NO_NUL, -WPV_MSG_PARSE);
}

static void verdict_carries_the_documented_attributes(void **state)
{
	struct wpv_job job = {
		.ifindex = 7, .cookie = 42,
		.res = { .verdict = WPV_VERDICT_ACCEPT,
			 .reason = WPV_REASON_VERIFIED,
			 .identity = "CN=valid" },
	};
	struct nlattr *tb[WPV_A_MAX + 1];
	struct genlmsghdr *gnlh;
	struct nl_msg *msg;

	(void)state;
	memcpy(job.facts.sta_addr, sta, 6);
	msg = wpv_msg_verdict(FAMILY, &job);
	assert_non_null(msg);
	assert_int_equal(nlmsg_hdr(msg)->nlmsg_type, FAMILY);
	gnlh = nlmsg_data(nlmsg_hdr(msg));
	assert_int_equal(gnlh->cmd, WPV_CMD_VERDICT);
	assert_int_equal(gnlh->version, WPV_GENL_VERSION);
	assert_int_equal(genlmsg_parse(nlmsg_hdr(msg), 0, tb, WPV_A_MAX,
				       NULL), 0);
	assert_int_equal(nla_get_u32(tb[WPV_A_IFINDEX]), 7);
	assert_int_equal(nla_len(tb[WPV_A_STA_ADDR]), 6);
	assert_memory_equal(nla_data(tb[WPV_A_STA_ADDR]), sta, 6);
	assert_true(nla_get_u64(tb[WPV_A_COOKIE]) == 42);
	assert_int_equal(nla_get_u8(tb[WPV_A_VERDICT]), WPV_VERDICT_ACCEPT);
	assert_int_equal(nla_get_u32(tb[WPV_A_REASON]), WPV_REASON_VERIFIED);
	assert_string_equal(nla_get_string(tb[WPV_A_IDENTITY]), "CN=valid");
	nlmsg_free(msg);

	/* A rejection names nobody. */
	job.res.verdict = WPV_VERDICT_REJECT;
	job.res.reason = WPV_REASON_CERT_REVOKED;
	job.res.identity[0] = '\0';
	msg = wpv_msg_verdict(FAMILY, &job);
	assert_int_equal(genlmsg_parse(nlmsg_hdr(msg), 0, tb, WPV_A_MAX,
				       NULL), 0);
	assert_null(tb[WPV_A_IDENTITY]);
	assert_int_equal(nla_get_u32(tb[WPV_A_REASON]),
			 WPV_REASON_CERT_REVOKED);
	nlmsg_free(msg);
}

static void station_delete_names_interface_and_address(void **state)
{
	struct nlattr *tb[WPV_A_MAX + 1];
	struct nl_msg *msg = wpv_msg_sta_del(FAMILY, 9, sta);
	struct genlmsghdr *gnlh = nlmsg_data(nlmsg_hdr(msg));

	(void)state;
	assert_int_equal(gnlh->cmd, WPV_CMD_STA_DEL);
	assert_int_equal(genlmsg_parse(nlmsg_hdr(msg), 0, tb, WPV_A_MAX,
				       NULL), 0);
	assert_int_equal(nla_get_u32(tb[WPV_A_IFINDEX]), 9);
	assert_memory_equal(nla_data(tb[WPV_A_STA_ADDR]), sta, 6);
	nlmsg_free(msg);
}

static struct nl_msg *station_event(u8 cmd, int mac_len)
{
	struct nl_msg *msg = nlmsg_alloc();

	assert_non_null(genlmsg_put(msg, 0, 0, 0x1c, 0, 0, cmd, 1));
	assert_int_equal(nla_put_u32(msg, NL80211_ATTR_IFINDEX, 3), 0);
	assert_int_equal(nla_put(msg, NL80211_ATTR_MAC, mac_len, sta), 0);
	return msg;
}

static void nl80211_station_deletion_is_read(void **state)
{
	struct nl_msg *msg = station_event(NL80211_CMD_DEL_STATION, 6);
	u32 ifindex = 0;
	u8 addr[6];

	(void)state;
	assert_int_equal(wpv_msg_parse_del_station(msg, &ifindex, addr), 0);
	assert_int_equal(ifindex, 3);
	assert_memory_equal(addr, sta, 6);
	nlmsg_free(msg);

	msg = station_event(NL80211_CMD_NEW_STATION, 6);
	assert_int_equal(wpv_msg_parse_del_station(msg, &ifindex, addr),
			 -WPV_MSG_OTHER);
	nlmsg_free(msg);

	msg = station_event(NL80211_CMD_DEL_STATION, 5);
	assert_int_equal(wpv_msg_parse_del_station(msg, &ifindex, addr),
			 -WPV_MSG_LENGTH);
	nlmsg_free(msg);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(verify_request_becomes_a_job),
		cmocka_unit_test(other_command_is_not_for_us),
		cmocka_unit_test(verify_request_without_cookie_is_refused),
		cmocka_unit_test(verify_request_with_bad_lengths_is_refused),
		cmocka_unit_test(verdict_carries_the_documented_attributes),
		cmocka_unit_test(station_delete_names_interface_and_address),
		cmocka_unit_test(nl80211_station_deletion_is_read),
	};

	return cmocka_run_group_tests_name("agent_msg", tests, setup, NULL);
}
