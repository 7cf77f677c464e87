/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Worker threads for the agent: verification (file reads, chain building,
 * ECDSA) never runs on the netlink loop.  Finished jobs come back through
 * an eventfd the loop polls.
 */
#ifndef _WPV_AGENT_POOL_H
#define _WPV_AGENT_POOL_H

#include "verify.h"

/**
 * struct wpv_job - one station's answer on its way through the pool
 * @next: queue link, owned by whoever holds the job
 * @ifindex: the AP interface, from the kernel
 * @cookie: identifies this verification to the kernel
 * @facts: what the kernel reported
 * @body: the response body (malloc'ed)
 * @len: its length
 * @res: the decision, filled by a worker
 */
struct wpv_job {
	struct wpv_job *next;
	u32 ifindex;
	u64 cookie;
	struct wpv_verify_facts facts;
	u8 *body;
	size_t len;
	struct wpv_verify_result res;
};

struct wpv_pool;

int wpv_pool_start(struct wpv_pool **out, unsigned int workers,
		   unsigned int max_pending, struct wpv_verifier *v);
void wpv_pool_stop(struct wpv_pool *p);
int wpv_pool_fd(const struct wpv_pool *p);
int wpv_pool_submit(struct wpv_pool *p, struct wpv_job *job);
struct wpv_job *wpv_pool_take_done(struct wpv_pool *p);
int wpv_pool_set_verifier(struct wpv_pool *p, struct wpv_verifier *v);
void wpv_job_free(struct wpv_job *job);

#endif /* _WPV_AGENT_POOL_H */
