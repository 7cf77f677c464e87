// SPDX-License-Identifier: GPL-2.0
/*
 * The agent's worker pool, without netlink: every job comes back decided,
 * the pending bound holds, the verifier can be swapped under load, and
 * stopping with work in flight leaks nothing (AddressSanitizer checks).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include <poll.h>
#include <stdlib.h>

#include "agent_pool.h"

static struct wpv_verifier *new_verifier(void)
{
	struct wpv_verify_config cfg = { .keys_dir = "/nonexistent" };
	struct wpv_verifier *v;
	char err[128];

	assert_int_equal(wpv_verifier_new(&cfg, &v, err, sizeof(err)), 0);
	return v;
}

/* A job whose body is too short: decided quickly as malformed. */
static struct wpv_job *new_job(unsigned int i)
{
	struct wpv_job *job = calloc(1, sizeof(*job));

	assert_non_null(job);
	job->cookie = i;
	job->len = 5;
	job->body = calloc(1, job->len);
	assert_non_null(job->body);
	return job;
}

static unsigned int collect(struct wpv_pool *p, unsigned int want,
			    bool *seen)
{
	struct pollfd pfd = { .fd = wpv_pool_fd(p), .events = POLLIN };
	struct wpv_job *job, *next;
	unsigned int got = 0;

	while (got < want) {
		assert_int_equal(poll(&pfd, 1, 5000), 1);
		for (job = wpv_pool_take_done(p); job; job = next) {
			next = job->next;
			assert_int_equal(job->res.verdict, WPV_VERDICT_REJECT);
			assert_int_equal(job->res.reason, WPV_REASON_MALFORMED);
			assert_false(seen[job->cookie]);
			seen[job->cookie] = true;
			got++;
			wpv_job_free(job);
		}
	}
	return got;
}

static void every_job_comes_back_decided_once(void **state)
{
	static bool seen[500];
	struct wpv_pool *p;
	unsigned int i;

	(void)state;
	assert_int_equal(wpv_pool_start(&p, 4, 1000, new_verifier()), 0);
	for (i = 0; i < 500; i++)
		assert_int_equal(wpv_pool_submit(p, new_job(i)), 0);
	assert_int_equal(collect(p, 500, seen), 500);
	wpv_pool_stop(p);
}

static void pending_bound_refuses_extra_jobs(void **state)
{
	static bool seen[8];
	struct wpv_job *extra = new_job(7);
	struct wpv_pool *p;
	unsigned int i;

	(void)state;
	assert_int_equal(wpv_pool_start(&p, 2, 3, new_verifier()), 0);
	for (i = 0; i < 3; i++)
		assert_int_equal(wpv_pool_submit(p, new_job(i)), 0);
	/* Done but not taken still counts as pending. */
	assert_int_equal(wpv_pool_submit(p, extra), -EBUSY);
	collect(p, 3, seen);
	assert_int_equal(wpv_pool_submit(p, extra), 0);
	collect(p, 1, seen);
	wpv_pool_stop(p);
}

static void verifier_swap_under_load_is_safe(void **state)
{
	static bool seen[300];
	struct wpv_pool *p;
	unsigned int i;

	(void)state;
	assert_int_equal(wpv_pool_start(&p, 3, 1000, new_verifier()), 0);
	for (i = 0; i < 300; i++) {
		assert_int_equal(wpv_pool_submit(p, new_job(i)), 0);
		if (i % 50 == 0)
			assert_int_equal(wpv_pool_set_verifier(p,
							       new_verifier()),
					 0);
	}
	collect(p, 300, seen);
	wpv_pool_stop(p);
}

static void stopping_with_work_in_flight_frees_it(void **state)
{
	struct wpv_pool *p;
	unsigned int i;

	(void)state;
	assert_int_equal(wpv_pool_start(&p, 2, 1000, new_verifier()), 0);
	for (i = 0; i < 200; i++)
		assert_int_equal(wpv_pool_submit(p, new_job(i)), 0);
	wpv_pool_stop(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_job_comes_back_decided_once),
		cmocka_unit_test(pending_bound_refuses_extra_jobs),
		cmocka_unit_test(verifier_swap_under_load_is_safe),
		cmocka_unit_test(stopping_with_work_in_flight_frees_it),
	};

	return cmocka_run_group_tests_name("agent_pool", tests, NULL, NULL);
}
