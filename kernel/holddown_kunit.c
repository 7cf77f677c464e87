// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the hold-down list (holddown.c): an address stays held
 * until its time, per namespace and interface, and can be lifted.
 */
#include <kunit/test.h>

#include "holddown.h"

static const u8 wpv_a[6] = { 0x02, 0, 0, 0, 0, 0x0a };
static const u8 wpv_b[6] = { 0x02, 0, 0, 0, 0, 0x0b };
static const int wpv_ns1 = 1, wpv_ns2 = 2;

struct wpv_hold_case {
	const char *desc;
	const void *ns;
	int ifindex;
	const u8 *addr;
	u64 now;
	u64 want;	/* until, 0 = not held */
};

/* One entry is added for (ns1, 3, a) until 1000. */
static const struct wpv_hold_case wpv_hold_cases[] = {
	{ "held right away", &wpv_ns1, 3, wpv_a, 0, 1000 },
	{ "held just before the end", &wpv_ns1, 3, wpv_a, 999, 1000 },
	{ "free at the end", &wpv_ns1, 3, wpv_a, 1000, 0 },
	{ "other address is free", &wpv_ns1, 3, wpv_b, 10, 0 },
	{ "other interface is free", &wpv_ns1, 4, wpv_a, 10, 0 },
	{ "other namespace is free", &wpv_ns2, 3, wpv_a, 10, 0 },
};

static void wpv_hold_desc(const struct wpv_hold_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(wpv_hold, wpv_hold_cases, wpv_hold_desc);

static void wpv_test_hold(struct kunit *test)
{
	const struct wpv_hold_case *c = test->param_value;

	wpv_holddown_flush();
	KUNIT_ASSERT_EQ(test, wpv_holddown_add(&wpv_ns1, 3, wpv_a, 1000), 0);
	KUNIT_EXPECT_EQ(test, wpv_holddown_until(c->ns, c->ifindex, c->addr,
						 c->now), c->want);
	wpv_holddown_flush();
}

/* A second block extends, never shortens; an expired entry is dropped. */
static void wpv_test_hold_extend(struct kunit *test)
{
	wpv_holddown_flush();
	wpv_holddown_add(&wpv_ns1, 3, wpv_a, 1000);
	wpv_holddown_add(&wpv_ns1, 3, wpv_a, 500);
	KUNIT_EXPECT_EQ(test, wpv_holddown_until(&wpv_ns1, 3, wpv_a, 0),
			1000ULL);
	wpv_holddown_add(&wpv_ns1, 3, wpv_a, 2000);
	KUNIT_EXPECT_EQ(test, wpv_holddown_until(&wpv_ns1, 3, wpv_a, 1500),
			2000ULL);
	KUNIT_EXPECT_EQ(test, wpv_holddown_count(), 1U);
	KUNIT_EXPECT_EQ(test, wpv_holddown_until(&wpv_ns1, 3, wpv_a, 2000),
			0ULL);
	KUNIT_EXPECT_EQ(test, wpv_holddown_count(), 0U);
}

static void wpv_test_hold_lift(struct kunit *test)
{
	wpv_holddown_flush();
	wpv_holddown_add(&wpv_ns1, 3, wpv_a, 1000);
	wpv_holddown_add(&wpv_ns1, 3, wpv_b, 1000);
	wpv_holddown_del(&wpv_ns1, 3, wpv_a);
	KUNIT_EXPECT_EQ(test, wpv_holddown_until(&wpv_ns1, 3, wpv_a, 0), 0ULL);
	KUNIT_EXPECT_EQ(test, wpv_holddown_until(&wpv_ns1, 3, wpv_b, 0),
			1000ULL);
	wpv_holddown_flush();
	KUNIT_EXPECT_EQ(test, wpv_holddown_count(), 0U);
}

static struct kunit_case wpv_holddown_test_cases[] = {
	KUNIT_CASE_PARAM(wpv_test_hold, wpv_hold_gen_params),
	KUNIT_CASE(wpv_test_hold_extend),
	KUNIT_CASE(wpv_test_hold_lift),
	{}
};

static struct kunit_suite wpv_holddown_test_suite = {
	.name = "wapi_preview_holddown",
	.test_cases = wpv_holddown_test_cases,
};

kunit_test_suite(wpv_holddown_test_suite);

MODULE_LICENSE("GPL");
