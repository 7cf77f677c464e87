// SPDX-License-Identifier: GPL-2.0
/*
 * The agent's worker pool.  One mutex guards both queues, the pending
 * count and the verifier references; workers hold it only to move jobs,
 * never while verifying.
 *
 * The verifier can be replaced while workers run (configuration reload):
 * each worker takes a reference for the job it runs, and a replaced
 * verifier is freed when its last user drops it.
 */
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "agent_pool.h"

struct vref {
	struct wpv_verifier *v;
	unsigned int users;
};

struct wpv_pool {
	pthread_mutex_t lock;
	pthread_cond_t work;
	struct wpv_job *todo, **todo_tail;
	struct wpv_job *done;
	unsigned int pending, max_pending;
	struct vref *cur;
	bool stopping;
	int efd;
	unsigned int n_threads;
	pthread_t *threads;
};

/**
 * wpv_job_free() - wipe and free a job
 * @job: the job, or NULL
 *
 * The nonces in flight are wiped with it.
 */
void wpv_job_free(struct wpv_job *job)
{
	if (!job)
		return;
	if (job->body) {
		memzero_explicit(job->body, job->len);
		free(job->body);
	}
	memzero_explicit(job, sizeof(*job));
	free(job);
}

static void vref_put_locked(struct wpv_pool *p, struct vref *r)
{
	if (--r->users == 0 && r != p->cur) {
		wpv_verifier_free(r->v);
		free(r);
	}
}

static struct wpv_job *take_todo_locked(struct wpv_pool *p)
{
	struct wpv_job *job = p->todo;

	p->todo = job->next;
	if (!p->todo)
		p->todo_tail = &p->todo;
	job->next = NULL;
	return job;
}

static void *worker(void *arg)
{
	struct wpv_pool *p = arg;
	const uint64_t one = 1;
	struct wpv_job *job;
	struct vref *r;

	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!p->todo && !p->stopping)
			pthread_cond_wait(&p->work, &p->lock);
		if (p->stopping)
			break;
		job = take_todo_locked(p);
		r = p->cur;
		r->users++;
		pthread_mutex_unlock(&p->lock);

		wpv_verify_response(r->v, &job->facts, job->body, job->len,
				    &job->res);

		pthread_mutex_lock(&p->lock);
		vref_put_locked(p, r);
		job->next = p->done;
		p->done = job;
		/* Never fails short of overflow, which 2^64 jobs won't reach. */
		if (write(p->efd, &one, sizeof(one)) < 0)
			abort();
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/**
 * wpv_pool_start() - start the workers
 * @out: set to the pool
 * @workers: number of threads
 * @max_pending: jobs queued, running or done but not taken, at most
 * @v: the verifier; the pool owns it from now on
 *
 * Return: 0 or a negative errno (then @v is not taken).
 */
int wpv_pool_start(struct wpv_pool **out, unsigned int workers,
		   unsigned int max_pending, struct wpv_verifier *v)
{
	struct wpv_pool *p;
	unsigned int i;
	int ret = 0;

	p = calloc(1, sizeof(*p));
	if (!p)
		return -ENOMEM;
	p->threads = calloc(workers, sizeof(*p->threads));
	p->cur = calloc(1, sizeof(*p->cur));
	p->efd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (!p->threads || !p->cur || p->efd < 0) {
		ret = p->efd < 0 ? -errno : -ENOMEM;
		goto err;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->work, NULL);
	p->todo_tail = &p->todo;
	p->max_pending = max_pending;
	p->cur->v = v;

	for (i = 0; i < workers; i++) {
		ret = -pthread_create(&p->threads[i], NULL, worker, p);
		if (ret)
			break;
		p->n_threads++;
	}
	if (p->n_threads == workers) {
		*out = p;
		return 0;
	}
	p->cur->v = NULL;	/* not ours to free on failure */
	wpv_pool_stop(p);
	return ret;
err:
	if (p->efd >= 0)
		close(p->efd);
	free(p->cur);
	free(p->threads);
	free(p);
	return ret;
}

/**
 * wpv_pool_stop() - stop the workers and free everything still held
 * @p: the pool, or NULL
 *
 * Jobs not yet decided are dropped: the kernel fails them closed when the
 * agent leaves.
 */
void wpv_pool_stop(struct wpv_pool *p)
{
	struct wpv_job *job;
	unsigned int i;

	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stopping = true;
	pthread_cond_broadcast(&p->work);
	pthread_mutex_unlock(&p->lock);
	for (i = 0; i < p->n_threads; i++)
		pthread_join(p->threads[i], NULL);

	while (p->todo)
		wpv_job_free(take_todo_locked(p));
	while ((job = p->done)) {
		p->done = job->next;
		wpv_job_free(job);
	}
	wpv_verifier_free(p->cur->v);
	free(p->cur);
	close(p->efd);
	pthread_cond_destroy(&p->work);
	pthread_mutex_destroy(&p->lock);
	free(p->threads);
	free(p);
}

/**
 * wpv_pool_fd() - the descriptor that becomes readable when jobs are done
 * @p: the pool
 *
 * Return: an eventfd; wpv_pool_take_done() drains it.
 */
int wpv_pool_fd(const struct wpv_pool *p)
{
	return p->efd;
}

/**
 * wpv_pool_submit() - queue a job
 * @p: the pool
 * @job: the job; the pool owns it on success
 *
 * Return: 0, or -EBUSY when max_pending jobs are already in the pool.
 */
int wpv_pool_submit(struct wpv_pool *p, struct wpv_job *job)
{
	int ret = 0;

	pthread_mutex_lock(&p->lock);
	if (p->pending >= p->max_pending) {
		ret = -EBUSY;
	} else {
		p->pending++;
		job->next = NULL;
		*p->todo_tail = job;
		p->todo_tail = &job->next;
		pthread_cond_signal(&p->work);
	}
	pthread_mutex_unlock(&p->lock);
	return ret;
}

/**
 * wpv_pool_take_done() - take every finished job
 * @p: the pool
 *
 * Return: a list linked by ->next (most recent first), or NULL; the caller
 * frees each with wpv_job_free().
 */
struct wpv_job *wpv_pool_take_done(struct wpv_pool *p)
{
	struct wpv_job *list, *job;
	uint64_t n;

	if (read(p->efd, &n, sizeof(n)) < 0 && errno != EAGAIN)
		return NULL;
	pthread_mutex_lock(&p->lock);
	list = p->done;
	p->done = NULL;
	for (job = list; job; job = job->next)
		p->pending--;
	pthread_mutex_unlock(&p->lock);
	return list;
}

/**
 * wpv_pool_set_verifier() - use a new verifier for jobs started from now
 * @p: the pool
 * @v: the new verifier; the pool owns it
 *
 * The old one is freed once no worker uses it.
 *
 * Return: 0, or -ENOMEM (then the old verifier stays and @v is not taken).
 */
int wpv_pool_set_verifier(struct wpv_pool *p, struct wpv_verifier *v)
{
	struct vref *r = calloc(1, sizeof(*r)), *old;

	if (!r)
		return -ENOMEM;
	r->v = v;
	pthread_mutex_lock(&p->lock);
	old = p->cur;
	p->cur = r;
	if (old->users == 0) {
		wpv_verifier_free(old->v);
		free(old);
	}
	pthread_mutex_unlock(&p->lock);
	return 0;
}
