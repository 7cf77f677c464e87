// SPDX-License-Identifier: GPL-2.0
/*
 * Charging sessions, the accounting spool and its sender thread.
 *
 * Every record is appended to the JSON-lines log and, when a RADIUS server
 * is configured, written to the spool directory as its own file: written
 * under a temporary name, fsync'd, renamed to <seq>.acct and the directory
 * fsync'd, so a record is either wholly in the spool or not at all.  The
 * sequence numbers only grow, even across restarts, so sending the files in
 * name order keeps Start before Interim-Update before Stop.  The sender
 * thread deletes a file once the server acknowledged it; after a failure it
 * waits 1, 2, 4 ... up to acct_retry_max seconds before trying again.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include "acct.h"

#define SPOOL_SUFFIX	".acct"
#define SPOOL_NAME_LEN	(16 + sizeof(SPOOL_SUFFIX) - 1)

struct acct_session {
	struct acct_record base;
};

struct acct {
	struct acct_config cfg;
	struct acct_radius *radius;	/* NULL: log only, no spool */
	int spool_fd;
	pthread_t sender;
	bool sender_running;

	/* lock protects everything below */
	pthread_mutex_t lock;
	pthread_cond_t wake;		/* to the sender */
	pthread_cond_t drained;		/* to acct_flush() */
	uint64_t next_seq;
	unsigned int pending;
	unsigned int backoff;		/* seconds; 0 when healthy */
	struct timespec retry_at;
	bool kick;
	bool stopping;
};

static void mono_now(struct timespec *ts)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
}

static bool ts_before(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec < b->tv_sec ||
	       (a->tv_sec == b->tv_sec && a->tv_nsec < b->tv_nsec);
}

static bool spool_name_seq(const char *name, uint64_t *seq)
{
	char *end;

	if (strlen(name) != SPOOL_NAME_LEN ||
	    strcmp(name + 16, SPOOL_SUFFIX) ||
	    strspn(name, "0123456789abcdef") != 16)
		return false;
	*seq = strtoull(name, &end, 16);
	return true;
}

static int seq_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The spooled sequence numbers in order.  With clean set, leftover
 * temporary files are removed: they are writes that never completed, and
 * their callers were told so.  Only acct_open() cleans, before any writer
 * runs.
 */
static int spool_list(struct acct *a, bool clean, uint64_t **out,
		      size_t *count)
{
	uint64_t *seqs = NULL, *grown, seq;
	size_t n = 0, cap = 0;
	struct dirent *de;
	DIR *dir;
	int fd;

	fd = openat(a->spool_fd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	dir = fdopendir(fd);
	if (!dir) {
		close(fd);
		return -errno;
	}
	while ((de = readdir(dir))) {
		if (clean && !strncmp(de->d_name, ".tmp-", 5)) {
			unlinkat(a->spool_fd, de->d_name, 0);
			continue;
		}
		if (!spool_name_seq(de->d_name, &seq))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			grown = realloc(seqs, cap * sizeof(*seqs));
			if (!grown) {
				free(seqs);
				closedir(dir);
				return -ENOMEM;
			}
			seqs = grown;
		}
		seqs[n++] = seq;
	}
	closedir(dir);
	if (n)
		qsort(seqs, n, sizeof(*seqs), seq_cmp);
	*out = seqs;
	*count = n;
	return 0;
}

static int write_all(int fd, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		buf += n;
		len -= n;
	}
	return 0;
}

/* Called with a->lock held. */
static int spool_write(struct acct *a, const struct acct_record *rec)
{
	char text[ACCT_SPOOL_MAX], name[32], tmp[40];
	int len, fd, ret;

	len = acct_record_to_spool(rec, text, sizeof(text));
	if (len < 0)
		return len;
	snprintf(name, sizeof(name), "%016" PRIx64 SPOOL_SUFFIX, rec->seq);
	snprintf(tmp, sizeof(tmp), ".tmp-%s", name);
	fd = openat(a->spool_fd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
		    0600);
	if (fd < 0)
		return -errno;
	ret = write_all(fd, text, len);
	if (!ret && fsync(fd))
		ret = -errno;
	if (close(fd) && !ret)
		ret = -errno;
	if (!ret && renameat(a->spool_fd, tmp, a->spool_fd, name))
		ret = -errno;
	if (!ret && fsync(a->spool_fd))
		ret = -errno;
	if (ret)
		unlinkat(a->spool_fd, tmp, 0);
	return ret;
}

static int spool_read(struct acct *a, uint64_t seq, struct acct_record *rec)
{
	char text[ACCT_SPOOL_MAX + 1], name[32];
	ssize_t n;
	int fd;

	snprintf(name, sizeof(name), "%016" PRIx64 SPOOL_SUFFIX, seq);
	fd = openat(a->spool_fd, name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, text, sizeof(text));
	close(fd);
	if (n < 0)
		return -errno;
	if ((size_t)n >= sizeof(text))
		return -EINVAL;
	text[n] = '\0';
	return acct_record_from_spool(rec, text);
}

static void spool_done(struct acct *a, uint64_t seq, bool bad)
{
	char name[32], kept[40];

	snprintf(name, sizeof(name), "%016" PRIx64 SPOOL_SUFFIX, seq);
	if (bad) {
		/* Keep it for a human, out of the sender's way. */
		snprintf(kept, sizeof(kept), "%s.bad", name);
		renameat(a->spool_fd, name, a->spool_fd, kept);
		syslog(LOG_ERR, "acct: spool file %s unreadable, kept as %s",
		       name, kept);
	} else {
		unlinkat(a->spool_fd, name, 0);
	}
	pthread_mutex_lock(&a->lock);
	if (a->pending)
		a->pending--;
	if (!a->pending)
		pthread_cond_broadcast(&a->drained);
	pthread_mutex_unlock(&a->lock);
}

static bool acct_stopping(struct acct *a)
{
	bool stopping;

	pthread_mutex_lock(&a->lock);
	stopping = a->stopping;
	pthread_mutex_unlock(&a->lock);
	return stopping;
}

/*
 * The spool listing, taken under the lock so that the pending count it
 * sets matches the files exactly: a writer renames and counts under the
 * same lock.
 */
static int spool_snapshot(struct acct *a, uint64_t **seqs, size_t *n)
{
	int ret;

	pthread_mutex_lock(&a->lock);
	ret = spool_list(a, false, seqs, n);
	if (!ret)
		a->pending = *n;
	pthread_mutex_unlock(&a->lock);
	return ret;
}

/*
 * Send everything spooled, oldest first; stop at the first failure, or
 * between records when acct_close() is waiting.
 */
static int spool_drain(struct acct *a, unsigned int *sent)
{
	struct acct_record rec;
	uint64_t *seqs;
	size_t n, i;
	int ret;

	for (;;) {
		ret = spool_snapshot(a, &seqs, &n);
		if (ret || !n)
			break;
		for (i = 0; i < n && !ret; i++) {
			if (acct_stopping(a)) {
				ret = -ECANCELED;
				break;
			}
			ret = spool_read(a, seqs[i], &rec);
			if (ret) {
				/* Gone already, or damaged: out of the way. */
				spool_done(a, seqs[i], ret != -ENOENT);
				ret = 0;
				continue;
			}
			ret = acct_radius_send(a->radius, &rec);
			if (!ret) {
				spool_done(a, seqs[i], false);
				(*sent)++;
			}
		}
		free(seqs);
		if (ret)
			break;
	}
	return ret;
}

/* Called with a->lock held: has the sender something to do now? */
static bool sender_due(struct acct *a)
{
	struct timespec now;

	if (a->stopping || a->kick)
		return true;
	if (!a->backoff)
		return false;
	mono_now(&now);
	return !ts_before(&now, &a->retry_at);
}

static void sender_note(struct acct *a, int ret, unsigned int sent)
{
	unsigned int was = a->backoff;

	if (ret == -ECANCELED)
		return;
	if (!ret) {
		if (was)
			syslog(LOG_NOTICE, "acct: %s reachable again, %u records delivered",
			       a->cfg.radius_server, sent);
		a->backoff = 0;
		return;
	}
	a->backoff = was ? was * 2 : 1;
	if (a->backoff > a->cfg.retry_max)
		a->backoff = a->cfg.retry_max;
	mono_now(&a->retry_at);
	a->retry_at.tv_sec += a->backoff;
	if (!was)
		syslog(LOG_WARNING, "acct: RADIUS server %s: %s; %u records spooled, retrying",
		       a->cfg.radius_server, strerror(-ret), a->pending);
}

static void *acct_sender(void *arg)
{
	struct acct *a = arg;
	unsigned int sent;
	int ret;

	pthread_mutex_lock(&a->lock);
	while (!a->stopping) {
		if (!sender_due(a)) {
			if (a->backoff)
				pthread_cond_timedwait(&a->wake, &a->lock,
						       &a->retry_at);
			else
				pthread_cond_wait(&a->wake, &a->lock);
			continue;
		}
		a->kick = false;
		pthread_mutex_unlock(&a->lock);
		sent = 0;
		ret = spool_drain(a, &sent);
		pthread_mutex_lock(&a->lock);
		sender_note(a, ret, sent);
	}
	pthread_mutex_unlock(&a->lock);
	return NULL;
}

/* mkdir -p, private: the spool holds who used the network and when. */
static int spool_mkdir(const char *path)
{
	char buf[PATH_MAX], *p;

	snprintf(buf, sizeof(buf), "%s", path);
	for (p = strchr(buf + 1, '/'); p; p = strchr(p + 1, '/')) {
		*p = '\0';
		if (mkdir(buf, 0700) && errno != EEXIST)
			return -errno;
		*p = '/';
	}
	if (mkdir(buf, 0700) && errno != EEXIST)
		return -errno;
	return 0;
}

static int spool_open(struct acct *a)
{
	uint64_t *seqs, floor;
	size_t n;
	int ret;

	ret = spool_mkdir(a->cfg.spool_dir);
	if (ret)
		return ret;
	a->spool_fd = open(a->cfg.spool_dir,
			   O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (a->spool_fd < 0)
		return -errno;
	ret = spool_list(a, true, &seqs, &n);
	if (ret)
		return ret;
	/* Microseconds since the epoch keep numbers growing across runs. */
	floor = (uint64_t)time(NULL) * 1000000;
	a->next_seq = n && seqs[n - 1] >= floor ? seqs[n - 1] + 1 : floor;
	a->pending = n;
	a->kick = n > 0;
	free(seqs);
	if (n)
		syslog(LOG_INFO, "acct: %zu spooled records to deliver", n);
	return 0;
}

static int acct_init_sync(struct acct *a)
{
	pthread_condattr_t attr;
	int ret;

	ret = pthread_condattr_init(&attr);
	if (ret)
		return -ret;
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_mutex_init(&a->lock, NULL);
	pthread_cond_init(&a->wake, &attr);
	pthread_cond_init(&a->drained, &attr);
	pthread_condattr_destroy(&attr);
	return 0;
}

/**
 * acct_open() - start charging
 * @cfg: configuration; copied
 * @out: receives the handle
 *
 * With a RADIUS server configured, opens (creating it if needed) the spool
 * directory, picks up records a previous run left there and starts the
 * sender thread that delivers them.
 *
 * Return: 0 or a negative errno (logged).
 */
int acct_open(const struct acct_config *cfg, struct acct **out)
{
	struct acct *a;
	int ret;

	a = calloc(1, sizeof(*a));
	if (!a)
		return -ENOMEM;
	a->cfg = *cfg;
	a->spool_fd = -1;
	ret = acct_init_sync(a);
	if (ret) {
		free(a);
		return ret;
	}
	if (!cfg->radius_server[0]) {
		*out = a;
		return 0;
	}
	ret = spool_open(a);
	if (ret) {
		syslog(LOG_ERR, "acct: spool %s: %s", cfg->spool_dir,
		       strerror(-ret));
		goto err;
	}
	ret = acct_radius_open(cfg, &a->radius);
	if (ret)
		goto err;
	ret = -pthread_create(&a->sender, NULL, acct_sender, a);
	if (ret)
		goto err;
	a->sender_running = true;
	*out = a;
	return 0;

err:
	acct_close(a);
	return ret;
}

/**
 * acct_close() - stop the sender and free the handle
 * @a: the handle (may be NULL)
 *
 * Waits for a request in flight (at most radius_timeout * radius_retries
 * seconds).  Undelivered records stay in the spool for the next run.
 * Sessions still open are not stopped: stop them first with
 * %ACCT_CAUSE_SHUTDOWN.
 */
void acct_close(struct acct *a)
{
	if (!a)
		return;
	if (a->sender_running) {
		pthread_mutex_lock(&a->lock);
		a->stopping = true;
		pthread_cond_signal(&a->wake);
		pthread_mutex_unlock(&a->lock);
		pthread_join(a->sender, NULL);
	}
	acct_radius_close(a->radius);
	if (a->spool_fd >= 0)
		close(a->spool_fd);
	pthread_cond_destroy(&a->wake);
	pthread_cond_destroy(&a->drained);
	pthread_mutex_destroy(&a->lock);
	free(a);
}

static void log_append(struct acct *a, const struct acct_record *rec)
{
	char line[ACCT_JSON_MAX];
	int len, fd, ret;

	if (!a->cfg.log_path[0])
		return;
	len = acct_record_to_json(rec, line, sizeof(line));
	if (len < 0) {
		syslog(LOG_ERR, "acct: record %s too long for the log",
		       rec->session_id);
		return;
	}
	/* One write per line: O_APPEND keeps concurrent lines whole. */
	fd = open(a->cfg.log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
		  0640);
	ret = fd < 0 ? -errno : write_all(fd, line, len);
	if (fd >= 0)
		close(fd);
	if (ret)
		syslog(LOG_ERR, "acct: %s: %s", a->cfg.log_path,
		       strerror(-ret));
}

static int acct_emit(struct acct *a, struct acct_record *rec)
{
	int ret = 0;

	pthread_mutex_lock(&a->lock);
	rec->seq = a->next_seq++;
	log_append(a, rec);
	if (a->radius) {
		ret = spool_write(a, rec);
		if (ret) {
			syslog(LOG_ERR, "acct: cannot spool %s record of session %s: %s",
			       acct_status_name(rec->status), rec->session_id,
			       strerror(-ret));
		} else {
			a->pending++;
			/* While backing off, new records wait their turn. */
			if (!a->backoff) {
				a->kick = true;
				pthread_cond_signal(&a->wake);
			}
		}
	}
	pthread_mutex_unlock(&a->lock);
	return ret;
}

static int session_id_new(char out[ACCT_SESSION_ID_LEN + 1])
{
	unsigned char rnd[ACCT_SESSION_ID_LEN / 2];
	size_t i;

	if (getrandom(rnd, sizeof(rnd), 0) != sizeof(rnd))
		return -EIO;
	for (i = 0; i < sizeof(rnd); i++)
		snprintf(out + 2 * i, 3, "%02X", rnd[i]);
	return 0;
}

static void copy_str(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

/**
 * acct_start() - open a charging session and send its Start
 * @a: the handle
 * @st: the station; strings are copied (identity up to 255 bytes, SSID
 *	up to 32, interface name up to 15)
 * @err: receives a negative errno when NULL is returned, or the spool
 *	error when the session opened but its Start could not be spooled
 *	(0 otherwise); may be NULL
 *
 * Return: the session with a new random Acct-Session-Id, or NULL.
 */
struct acct_session *acct_start(struct acct *a, const struct acct_station *st,
				int *err)
{
	struct acct_session *s;
	struct acct_record *b;
	int ret;

	s = calloc(1, sizeof(*s));
	if (!s) {
		ret = -ENOMEM;
		goto out;
	}
	b = &s->base;
	ret = session_id_new(b->session_id);
	if (ret) {
		free(s);
		s = NULL;
		goto out;
	}
	copy_str(b->identity, sizeof(b->identity), st->identity);
	copy_str(b->ssid, sizeof(b->ssid), st->ssid);
	copy_str(b->ifname, sizeof(b->ifname), st->ifname);
	acct_format_mac(b->station, st->sta);
	acct_format_mac(b->bssid, st->bssid);
	b->start_time = st->verified ? st->verified : time(NULL);
	b->event_time = b->start_time;
	b->status = ACCT_STATUS_START;
	ret = acct_emit(a, b);
out:
	if (err)
		*err = ret;
	return s;
}

/**
 * acct_update() - send an Interim-Update
 * @a: the handle
 * @s: the session
 * @c: the station's counters while authorised (the module's
 *	WPV_STATS_AUTH_* figures)
 * @trigger: interval or byte quantum
 *
 * Return: 0, or a negative errno if the record could not be spooled (it is
 * still in the JSON log).
 */
int acct_update(struct acct *a, struct acct_session *s,
		const struct acct_counters *c, enum acct_trigger trigger)
{
	struct acct_record rec = s->base;

	rec.status = ACCT_STATUS_INTERIM;
	rec.event_time = time(NULL);
	rec.counters = *c;
	rec.trigger = trigger;
	return acct_emit(a, &rec);
}

/**
 * acct_stop() - send the Stop and free the session
 * @a: the handle
 * @s: the session; freed whatever the result
 * @c: the final counters
 * @cause: why it ended; acct_cause_from_reason() maps the module's reason
 *
 * Return: 0, or a negative errno as for acct_update().
 */
int acct_stop(struct acct *a, struct acct_session *s,
	      const struct acct_counters *c, enum acct_cause cause)
{
	struct acct_record rec = s->base;

	rec.status = ACCT_STATUS_STOP;
	rec.event_time = time(NULL);
	rec.counters = *c;
	rec.cause = cause;
	free(s);
	return acct_emit(a, &rec);
}

const char *acct_session_id(const struct acct_session *s)
{
	return s->base.session_id;
}

unsigned int acct_pending(struct acct *a)
{
	unsigned int n;

	pthread_mutex_lock(&a->lock);
	n = a->pending;
	pthread_mutex_unlock(&a->lock);
	return n;
}

/**
 * acct_flush() - try to deliver the spool now and wait for it to empty
 * @a: the handle
 * @timeout_ms: how long to wait
 *
 * Return: 0 when nothing is left, -ETIMEDOUT otherwise.
 */
int acct_flush(struct acct *a, unsigned int timeout_ms)
{
	struct timespec until;
	int ret = 0;

	mono_now(&until);
	until.tv_sec += timeout_ms / 1000;
	until.tv_nsec += (long)(timeout_ms % 1000) * 1000000;
	if (until.tv_nsec >= 1000000000) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000;
	}
	pthread_mutex_lock(&a->lock);
	if (a->radius) {
		a->kick = true;
		pthread_cond_signal(&a->wake);
	}
	while (a->pending && !ret)
		ret = pthread_cond_timedwait(&a->drained, &a->lock, &until);
	ret = a->pending ? -ETIMEDOUT : 0;
	pthread_mutex_unlock(&a->lock);
	return ret;
}
