// SPDX-License-Identifier: GPL-2.0
/*
 * Event hooks.  hooks_run() forks the shell and returns; a monitor thread
 * owns every running hook from then on: it logs the hook's output to
 * syslog line by line, reaps it with waitpid() on its own pid (so other
 * children of the process are left alone and no SIGCHLD handler is
 * needed), and when a hook outlives hook_timeout it sends SIGTERM to the
 * hook's process group and SIGKILL two seconds later.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "hooks.h"
#include "reason_names.h"

#define HOOKS_MAX_RUNNING	32
#define HOOK_KILL_GRACE_MS	2000
/* How often running hooks are checked for exit, at most. */
#define HOOK_REAP_MS		100
#define HOOK_LINE_MAX		512
#define HOOK_PATH	"/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

struct hook_child {
	pid_t pid;
	int out_fd;			/* -1 once closed */
	enum hook_event ev;
	long long deadline_ms;
	long long kill_ms;		/* SIGKILL time once SIGTERM was sent */
	size_t len;
	char line[HOOK_LINE_MAX];
};

struct hooks {
	struct hooks_config cfg;
	pthread_t monitor;
	int wake[2];			/* self-pipe: a new child or stop */

	/* lock protects everything below */
	pthread_mutex_t lock;
	pthread_cond_t idle;		/* nchildren dropped to 0 */
	struct hook_child children[HOOKS_MAX_RUNNING];
	unsigned int nchildren;
	bool stopping;
};

static const char *const hook_events[__HOOK_EVENT_MAX] = {
	[HOOK_VERIFIED] = "verified",
	[HOOK_BLOCKED] = "blocked",
	[HOOK_STOPPED] = "stopped",
};

const char *hooks_event_name(enum hook_event ev)
{
	return (unsigned int)ev < __HOOK_EVENT_MAX ? hook_events[ev] : "?";
}

const char *hooks_reason_name(enum wpv_reason reason)
{
	return wpv_reason_name(reason);
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void format_mac(char *buf, size_t len, const unsigned char *m)
{
	snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x",
		 m[0], m[1], m[2], m[3], m[4], m[5]);
}

/**
 * hooks_build_env() - the environment a hook runs with
 * @ev: the event
 * @env: the facts
 * @store: where the "NAME=value" strings are kept
 * @len: size of @store
 * @envp: receives up to %HOOK_ENV_VARS pointers into @store, then NULL
 *
 * BSSID and SESSION_ID are left out when unknown; IDENTITY is set, empty
 * when unknown.  MAC addresses are lower case, colon separated.
 *
 * Return: the number of variables, or -ENOSPC.
 */
int hooks_build_env(enum hook_event ev, const struct hook_env *env,
		    char *store, size_t len, char **envp)
{
	char mac[18], code[12];
	size_t pos = 0;
	int n = 0;

#define PUT(name, value) do {						\
	int w = snprintf(store + pos, len - pos, "%s=%s", name, value);	\
	if (w < 0 || (size_t)w >= len - pos)				\
		return -ENOSPC;						\
	envp[n++] = store + pos;					\
	pos += w + 1;							\
} while (0)

	PUT("PATH", HOOK_PATH);
	PUT("EVENT", hooks_event_name(ev));
	format_mac(mac, sizeof(mac), env->sta);
	PUT("STATION", mac);
	PUT("INTERFACE", env->ifname ? env->ifname : "");
	if (env->bssid) {
		format_mac(mac, sizeof(mac), env->bssid);
		PUT("BSSID", mac);
	}
	PUT("IDENTITY", env->identity ? env->identity : "");
	PUT("REASON", hooks_reason_name(env->reason));
	snprintf(code, sizeof(code), "%u", (unsigned int)env->reason);
	PUT("REASON_CODE", code);
	if (env->session_id && env->session_id[0])
		PUT("SESSION_ID", env->session_id);
	envp[n] = NULL;
	return n;
#undef PUT
}

static void child_log(struct hook_child *c, bool flush)
{
	char *nl;

	while ((nl = memchr(c->line, '\n', c->len))) {
		*nl = '\0';
		syslog(LOG_INFO, "hook %s[%d]: %s", hooks_event_name(c->ev),
		       (int)c->pid, c->line);
		c->len -= nl + 1 - c->line;
		memmove(c->line, nl + 1, c->len);
	}
	if (c->len && (flush || c->len == sizeof(c->line))) {
		syslog(LOG_INFO, "hook %s[%d]: %.*s", hooks_event_name(c->ev),
		       (int)c->pid, (int)c->len, c->line);
		c->len = 0;
	}
}

/* Returns 1 after reading, 0 when nothing is waiting, -1 once closed. */
static int child_read(struct hook_child *c)
{
	ssize_t n;

	n = read(c->out_fd, c->line + c->len, sizeof(c->line) - c->len);
	if (n > 0) {
		c->len += n;
		child_log(c, false);
		return 1;
	}
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	child_log(c, true);
	close(c->out_fd);
	c->out_fd = -1;
	return -1;
}

static void child_exited(struct hook_child *c, int status)
{
	/*
	 * Whatever it wrote last is still in the pipe.  A process it left
	 * behind may hold the pipe open, so stop at the first empty read.
	 */
	while (c->out_fd >= 0 && child_read(c) > 0)
		;
	if (c->out_fd >= 0) {
		child_log(c, true);
		close(c->out_fd);
		c->out_fd = -1;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status))
		syslog(LOG_WARNING, "hook %s[%d] exited with status %d",
		       hooks_event_name(c->ev), (int)c->pid,
		       WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		syslog(LOG_WARNING, "hook %s[%d] killed by signal %d",
		       hooks_event_name(c->ev), (int)c->pid, WTERMSIG(status));
}

/* Called with h->lock held; true when the child is gone. */
static bool child_check(struct hooks *h, struct hook_child *c, long long now)
{
	int status;
	pid_t r;

	r = waitpid(c->pid, &status, WNOHANG);
	if (r == c->pid || (r < 0 && errno == ECHILD)) {
		/* ECHILD: SIGCHLD is ignored and the kernel reaped it. */
		child_exited(c, r == c->pid ? status : 0);
		/* Being terminated: what it started goes with it. */
		if (c->kill_ms)
			kill(-c->pid, SIGKILL);
		return true;
	}
	if (!c->kill_ms && now >= c->deadline_ms) {
		syslog(LOG_WARNING, "hook %s[%d] still running after %us, terminating",
		       hooks_event_name(c->ev), (int)c->pid, h->cfg.timeout);
		kill(-c->pid, SIGTERM);
		c->kill_ms = now + HOOK_KILL_GRACE_MS;
	} else if (c->kill_ms && now >= c->kill_ms) {
		kill(-c->pid, SIGKILL);
		c->kill_ms = now + HOOK_KILL_GRACE_MS;
	}
	return false;
}

static void monitor_poll(struct hooks *h)
{
	struct pollfd fds[HOOKS_MAX_RUNNING + 1];
	struct hook_child *owner[HOOKS_MAX_RUNNING + 1];
	unsigned int i, n = 1;
	char drain[64];

	fds[0] = (struct pollfd){ .fd = h->wake[0], .events = POLLIN };
	for (i = 0; i < h->nchildren; i++) {
		if (h->children[i].out_fd < 0)
			continue;
		fds[n] = (struct pollfd){ .fd = h->children[i].out_fd,
					  .events = POLLIN };
		owner[n++] = &h->children[i];
	}
	/* The lock is dropped while polling; only this thread removes. */
	pthread_mutex_unlock(&h->lock);
	poll(fds, n, h->nchildren ? HOOK_REAP_MS : -1);
	pthread_mutex_lock(&h->lock);
	if (fds[0].revents & POLLIN)
		while (read(h->wake[0], drain, sizeof(drain)) > 0)
			;
	for (i = 1; i < n; i++)
		if (fds[i].revents)
			child_read(owner[i]);
}

static void hooks_kick(struct hooks *h)
{
	/* A full pipe already wakes the monitor: nothing to handle. */
	ssize_t n = write(h->wake[1], "x", 1);

	(void)n;
}

static void *hooks_monitor(void *arg)
{
	struct hooks *h = arg;
	long long now;
	unsigned int i;

	pthread_mutex_lock(&h->lock);
	while (!h->stopping || h->nchildren) {
		monitor_poll(h);
		now = now_ms();
		for (i = 0; i < h->nchildren;) {
			if (!child_check(h, &h->children[i], now)) {
				i++;
				continue;
			}
			h->children[i] = h->children[--h->nchildren];
		}
		if (!h->nchildren)
			pthread_cond_broadcast(&h->idle);
	}
	pthread_mutex_unlock(&h->lock);
	return NULL;
}

/**
 * hooks_open() - start the hook monitor
 * @cfg: commands and timeout; copied
 * @out: receives the handle
 *
 * Return: 0 or a negative errno.
 */
int hooks_open(const struct hooks_config *cfg, struct hooks **out)
{
	pthread_condattr_t attr;
	struct hooks *h;
	int ret;

	h = calloc(1, sizeof(*h));
	if (!h)
		return -ENOMEM;
	h->cfg = *cfg;
	if (pipe2(h->wake, O_CLOEXEC | O_NONBLOCK)) {
		ret = -errno;
		free(h);
		return ret;
	}
	pthread_mutex_init(&h->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&h->idle, &attr);
	pthread_condattr_destroy(&attr);
	ret = -pthread_create(&h->monitor, NULL, hooks_monitor, h);
	if (ret) {
		close(h->wake[0]);
		close(h->wake[1]);
		pthread_cond_destroy(&h->idle);
		pthread_mutex_destroy(&h->lock);
		free(h);
		return ret;
	}
	*out = h;
	return 0;
}

/**
 * hooks_close() - wait for running hooks and free the handle
 * @h: the handle (may be NULL)
 *
 * Hooks still running are not abandoned: this waits until each has ended
 * or been killed at its timeout.
 */
void hooks_close(struct hooks *h)
{
	if (!h)
		return;
	pthread_mutex_lock(&h->lock);
	h->stopping = true;
	pthread_mutex_unlock(&h->lock);
	hooks_kick(h);
	pthread_join(h->monitor, NULL);
	close(h->wake[0]);
	close(h->wake[1]);
	pthread_cond_destroy(&h->idle);
	pthread_mutex_destroy(&h->lock);
	free(h);
}

/* In the child: only async-signal-safe calls until execve(). */
static void hook_exec(const char *cmd, char **envp, int out, int null_fd)
{
	char *argv[] = { "sh", "-c", (char *)cmd, NULL };
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t none;

	setpgid(0, 0);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	sigaction(SIGPIPE, &dfl, NULL);
	sigaction(SIGCHLD, &dfl, NULL);
	sigaction(SIGTERM, &dfl, NULL);
	sigaction(SIGINT, &dfl, NULL);
	sigaction(SIGHUP, &dfl, NULL);
	if (dup2(null_fd, 0) < 0 || dup2(out, 1) < 0 || dup2(out, 2) < 0)
		_exit(126);
	/* Not every descriptor of the agent is close-on-exec (netlink). */
	if (close_range(3, ~0U, 0)) {
		int fd;

		for (fd = 3; fd < 1024; fd++)
			close(fd);
	}
	execve("/bin/sh", argv, envp);
	_exit(127);
}

static int hook_spawn(struct hooks *h, enum hook_event ev, char **envp,
		      struct hook_child *c)
{
	int pipefd[2], null_fd, ret = 0;
	pid_t pid;

	null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (null_fd < 0)
		return -errno;
	if (pipe2(pipefd, O_CLOEXEC)) {
		ret = -errno;
		close(null_fd);
		return ret;
	}
	pid = fork();
	if (pid == 0)
		hook_exec(h->cfg.command[ev], envp, pipefd[1], null_fd);
	close(null_fd);
	close(pipefd[1]);
	if (pid < 0) {
		ret = -errno;
		close(pipefd[0]);
		return ret;
	}
	/* Also from here, so a kill right after fork finds the group. */
	setpgid(pid, pid);
	fcntl(pipefd[0], F_SETFL, O_NONBLOCK);
	*c = (struct hook_child){
		.pid = pid, .out_fd = pipefd[0], .ev = ev,
		.deadline_ms = now_ms() + h->cfg.timeout * 1000LL,
	};
	return 0;
}

/**
 * hooks_run() - start the hook for an event, if one is configured
 * @h: the handle
 * @ev: the event
 * @env: the facts for its environment
 *
 * Return: 0 when started or when no command is configured for @ev,
 * -EAGAIN when %HOOKS_MAX_RUNNING hooks are already running (logged),
 * another negative errno if the hook could not be started (logged).
 */
int hooks_run(struct hooks *h, enum hook_event ev, const struct hook_env *env)
{
	char store[HOOK_ENV_SIZE], *envp[HOOK_ENV_VARS + 1];
	struct hook_child *c;
	int ret;

	if ((unsigned int)ev >= __HOOK_EVENT_MAX)
		return -EINVAL;
	if (!h->cfg.command[ev][0])
		return 0;
	ret = hooks_build_env(ev, env, store, sizeof(store), envp);
	if (ret < 0)
		goto out;
	pthread_mutex_lock(&h->lock);
	if (h->nchildren == HOOKS_MAX_RUNNING) {
		ret = -EAGAIN;
	} else {
		c = &h->children[h->nchildren];
		ret = hook_spawn(h, ev, envp, c);
		if (!ret)
			h->nchildren++;
	}
	pthread_mutex_unlock(&h->lock);
	if (!ret)
		hooks_kick(h);
out:
	if (ret)
		syslog(LOG_ERR, "hook %s for %02x:%02x:%02x:%02x:%02x:%02x not started: %s",
		       hooks_event_name(ev), env->sta[0], env->sta[1],
		       env->sta[2], env->sta[3], env->sta[4], env->sta[5],
		       strerror(-ret));
	return ret < 0 ? ret : 0;
}

/**
 * hooks_wait() - wait until no hook is running
 * @h: the handle
 * @timeout_ms: how long to wait
 *
 * Return: 0, or -ETIMEDOUT.
 */
int hooks_wait(struct hooks *h, unsigned int timeout_ms)
{
	long long until = now_ms() + timeout_ms;
	struct timespec ts = { until / 1000, (until % 1000) * 1000000 };
	int ret = 0;

	pthread_mutex_lock(&h->lock);
	while (h->nchildren && !ret)
		ret = pthread_cond_timedwait(&h->idle, &h->lock, &ts);
	ret = h->nchildren ? -ETIMEDOUT : 0;
	pthread_mutex_unlock(&h->lock);
	return ret;
}
