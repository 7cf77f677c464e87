// SPDX-License-Identifier: GPL-2.0
/*
 * wpv-stream: a fixed-rate, sequence-numbered UDP stream for the VM
 * scenarios and the demo, standing in for a real-time (RTP) server and
 * its client.
 *
 *   wpv-stream send [-r RATE] [-s SIZE] [-n COUNT] [-o FILE] HOST PORT
 *   wpv-stream recv [-o FILE] [-S STATUS] PORT
 *
 * Each datagram is SIZE bytes: an RTP-like fixed header (version 2,
 * payload type 96, 16-bit sequence number, timestamp, SSRC), the 32-bit
 * sequence number, then bytes that depend only on that number.  The
 * sender paces RATE datagrams a second until COUNT are sent (0: until
 * SIGTERM or SIGINT).  With -o both ends append every datagram sent or
 * received to FILE, so a scenario compares the two with sha256sum.
 *
 * The receiver keeps STATUS up to date (rewritten at most every 100 ms
 * and at exit) as one line:
 *
 *   packets N bytes B lost L reordered R last S
 *
 * bytes are UDP payload bytes; lost counts sequence numbers skipped,
 * reordered those that arrived below the next expected one.  HOST may be
 * an IPv4 or IPv6 address; the receiver listens on both.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define HDR_LEN		16	/* RTP fixed header (12) + 32-bit sequence */
#define MAX_SIZE	8192

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void catch_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static int usage(void)
{
	fprintf(stderr,
		"usage: wpv-stream send [-r RATE] [-s SIZE] [-n COUNT] [-o FILE] HOST PORT\n"
		"       wpv-stream recv [-o FILE] [-S STATUS] PORT\n");
	return 2;
}

static void put_be32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static uint32_t get_be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Datagram number @seq: header, then a payload that only @seq decides. */
static void fill(uint8_t *buf, size_t size, uint32_t seq)
{
	uint32_t x = seq * 2654435761u + 1;
	size_t i;

	buf[0] = 0x80;
	buf[1] = 96;
	buf[2] = seq >> 8;
	buf[3] = seq;
	put_be32(buf + 4, seq * 160);
	put_be32(buf + 8, 0x77707673);	/* "wpvs" */
	put_be32(buf + 12, seq);
	for (i = HDR_LEN; i < size; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[i] = x;
	}
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sleep_until(double t)
{
	struct timespec ts = { .tv_sec = (time_t)t };

	ts.tv_nsec = (long)((t - ts.tv_sec) * 1e9);
	clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL);
}

static FILE *open_out(const char *path)
{
	FILE *f;

	if (!path)
		return NULL;
	f = fopen(path, "w");
	if (!f)
		fprintf(stderr, "wpv-stream: %s: %s\n", path, strerror(errno));
	return f;
}

static int cmd_send(int argc, char **argv)
{
	unsigned long rate = 50, size = 1000, count = 0, seq;
	const char *out = NULL;
	struct addrinfo hints = { .ai_socktype = SOCK_DGRAM }, *ai;
	uint8_t buf[MAX_SIZE];
	double next;
	FILE *f = NULL;
	int opt, fd, err;

	while ((opt = getopt(argc, argv, "r:s:n:o:")) != -1) {
		switch (opt) {
		case 'r':
			rate = strtoul(optarg, NULL, 0);
			break;
		case 's':
			size = strtoul(optarg, NULL, 0);
			break;
		case 'n':
			count = strtoul(optarg, NULL, 0);
			break;
		case 'o':
			out = optarg;
			break;
		default:
			return usage();
		}
	}
	if (argc - optind != 2 || !rate || rate > 100000 || size < HDR_LEN ||
	    size > MAX_SIZE)
		return usage();
	err = getaddrinfo(argv[optind], argv[optind + 1], &hints, &ai);
	if (err) {
		fprintf(stderr, "wpv-stream: %s: %s\n", argv[optind],
			gai_strerror(err));
		return 1;
	}
	fd = socket(ai->ai_family, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("wpv-stream: socket");
		freeaddrinfo(ai);
		return 1;
	}
	if (out && !(f = open_out(out))) {
		close(fd);
		freeaddrinfo(ai);
		return 1;
	}
	catch_signals();
	next = now_s();
	for (seq = 0; !stop && (!count || seq < count); seq++) {
		double t = now_s();

		/* A slow guest falls behind: skip ahead rather than burst. */
		if (t - next > 0.1)
			next = t;
		sleep_until(next);
		next += 1.0 / rate;
		fill(buf, size, seq);
		if (sendto(fd, buf, size, 0, ai->ai_addr, ai->ai_addrlen) < 0) {
			if (errno == EINTR)
				break;
			continue;	/* not sent, not recorded */
		}
		if (f)
			fwrite(buf, 1, size, f);
	}
	printf("sent %lu\n", seq);
	if (f)
		fclose(f);
	close(fd);
	freeaddrinfo(ai);
	return 0;
}

struct rx_stats {
	unsigned long long packets, bytes, lost, reordered;
	uint32_t next, last;
};

static void write_status(const char *path, const struct rx_stats *st)
{
	char tmp[4096];
	FILE *f;

	if (!path)
		return;
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	f = fopen(tmp, "w");
	if (!f)
		return;
	fprintf(f, "packets %llu bytes %llu lost %llu reordered %llu last %u\n",
		st->packets, st->bytes, st->lost, st->reordered, st->last);
	fclose(f);
	rename(tmp, path);
}

static void account(struct rx_stats *st, const uint8_t *buf, ssize_t n)
{
	uint32_t seq;

	st->packets++;
	st->bytes += n;
	if (n < HDR_LEN)
		return;
	seq = get_be32(buf + 12);
	st->last = seq;
	if (seq >= st->next) {
		st->lost += seq - st->next;
		st->next = seq + 1;
	} else {
		st->reordered++;
	}
}

static int cmd_recv(int argc, char **argv)
{
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6 };
	const char *out = NULL, *status = NULL;
	struct rx_stats st = { 0 };
	uint8_t buf[MAX_SIZE];
	struct pollfd pfd;
	double written = 0;
	FILE *f = NULL;
	int opt, fd, off = 0, rcvbuf = 16 << 20;

	while ((opt = getopt(argc, argv, "o:S:")) != -1) {
		switch (opt) {
		case 'o':
			out = optarg;
			break;
		case 'S':
			status = optarg;
			break;
		default:
			return usage();
		}
	}
	if (argc - optind != 1)
		return usage();
	sin6.sin6_port = htons(atoi(argv[optind]));
	fd = socket(AF_INET6, SOCK_DGRAM, 0);
	if (fd < 0) {
		perror("wpv-stream: socket");
		return 1;
	}
	setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof(off));
	/*
	 * A released pause queue arrives as one burst of hundreds of
	 * datagrams: room for them, so that the socket loses none (as root;
	 * otherwise the default stays).
	 */
	setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf));
	if (bind(fd, (struct sockaddr *)&sin6, sizeof(sin6)) < 0) {
		perror("wpv-stream: bind");
		close(fd);
		return 1;
	}
	if (out && !(f = open_out(out))) {
		close(fd);
		return 1;
	}
	catch_signals();
	write_status(status, &st);
	pfd.fd = fd;
	pfd.events = POLLIN;
	while (!stop) {
		if (poll(&pfd, 1, 100) > 0) {
			ssize_t n = recv(fd, buf, sizeof(buf), 0);

			if (n >= 0) {
				account(&st, buf, n);
				if (f)
					fwrite(buf, 1, n, f);
			}
		}
		if (now_s() - written >= 0.1) {
			if (f)
				fflush(f);
			write_status(status, &st);
			written = now_s();
		}
	}
	write_status(status, &st);
	if (f)
		fclose(f);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2)
		return usage();
	if (!strcmp(argv[1], "send"))
		return cmd_send(argc - 1, argv + 1);
	if (!strcmp(argv[1], "recv"))
		return cmd_recv(argc - 1, argv + 1);
	return usage();
}
