// SPDX-License-Identifier: GPL-2.0
/*
 * The sessions file.  It is JSON any tool can read, laid out so this
 * reader can stay small: the opening line, one session object per line,
 * the closing line.
 *
 *   {"version":1,"sessions":[
 *   {"interface":"wlan0","ifindex":3,"station":"02:00:00:00:02:00",...},
 *   ...
 *   ]}
 *
 * Strings escape '"', '\' and control characters; other bytes are kept
 * as they are.  The reader ignores keys it does not know, so fields can
 * be added without breaking an older `wpv show`.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sessions.h"

#define SESSIONS_HEAD	"{\"version\":1,\"sessions\":["
#define SESSIONS_TAIL	"]}"
/* Far more than any AP has stations; a bigger file is not ours. */
#define SESSIONS_FILE_MAX	(16 << 20)

static void put_str(FILE *f, const char *key, const char *s)
{
	fprintf(f, "\"%s\":\"", key);
	for (; *s; s++) {
		unsigned char c = *s;

		if (c == '"' || c == '\\')
			fprintf(f, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			fprintf(f, "\\u%04x", c);
		else
			fputc(c, f);
	}
	fputc('"', f);
}

static void put_mac(FILE *f, const char *key, const uint8_t *m)
{
	fprintf(f, "\"%s\":\"%02x:%02x:%02x:%02x:%02x:%02x\"", key, m[0], m[1],
		m[2], m[3], m[4], m[5]);
}

static void put_session(FILE *f, const struct wpv_session_info *s)
{
	const struct acct_counters *c = &s->counters;

	fputc('{', f);
	put_str(f, "interface", s->ifname);
	fprintf(f, ",\"ifindex\":%" PRIu32 ",", s->ifindex);
	put_mac(f, "station", s->station);
	fputc(',', f);
	put_mac(f, "bssid", s->bssid);
	fputc(',', f);
	put_str(f, "ssid", s->ssid);
	fputc(',', f);
	put_str(f, "identity", s->identity);
	fputc(',', f);
	put_str(f, "session_id", s->session_id);
	fprintf(f, ",\"start_time\":%" PRId64 ",\"updated\":%" PRId64
		",\"tx_bytes\":%" PRIu64 ",\"rx_bytes\":%" PRIu64
		",\"tx_frames\":%" PRIu64 ",\"rx_frames\":%" PRIu64 "}",
		s->start_time, s->updated, c->tx_bytes, c->rx_bytes,
		c->tx_frames, c->rx_frames);
}

/**
 * wpv_sessions_write() - replace the sessions file
 * @path: the file; its directory must exist
 * @s: the open sessions
 * @n: how many
 *
 * Written to PATH.tmp, flushed and renamed over @path, so a reader sees
 * the old file or the new one, never a part.
 *
 * Return: 0 or a negative errno; @path is unchanged on failure.
 */
int wpv_sessions_write(const char *path, const struct wpv_session_info *s,
		       size_t n)
{
	char tmp[PATH_MAX];
	int fd, ret = 0;
	size_t i;
	FILE *f;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	if (fd < 0)
		return -errno;
	f = fdopen(fd, "w");
	if (!f) {
		ret = -errno;
		close(fd);
		goto out;
	}
	fputs(SESSIONS_HEAD "\n", f);
	for (i = 0; i < n; i++) {
		put_session(f, &s[i]);
		fputs(i + 1 < n ? ",\n" : "\n", f);
	}
	fputs(SESSIONS_TAIL "\n", f);
	if (fflush(f) || ferror(f))
		ret = -EIO;
	if (fclose(f) && !ret)
		ret = -errno;
	if (!ret && rename(tmp, path))
		ret = -errno;
out:
	if (ret)
		unlink(tmp);
	return ret;
}

/* ---- reading ---------------------------------------------------------- */

struct cursor {
	const char *p;
	const char *end;
};

static int hex4(const char *p, unsigned int *v)
{
	unsigned int i, d;

	*v = 0;
	for (i = 0; i < 4; i++) {
		if (p[i] >= '0' && p[i] <= '9')
			d = p[i] - '0';
		else if (p[i] >= 'a' && p[i] <= 'f')
			d = p[i] - 'a' + 10;
		else if (p[i] >= 'A' && p[i] <= 'F')
			d = p[i] - 'A' + 10;
		else
			return -EINVAL;
		*v = *v << 4 | d;
	}
	return 0;
}

/* Append one code point below U+10000 as UTF-8. */
static int put_utf8(char *dst, size_t size, size_t *len, unsigned int cp)
{
	unsigned char b[3];
	size_t n;

	if (cp >= 0xd800 && cp <= 0xdfff)
		return -EINVAL;	/* surrogates are never written */
	if (cp < 0x80) {
		b[0] = cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = 0xc0 | cp >> 6;
		b[1] = 0x80 | (cp & 0x3f);
		n = 2;
	} else {
		b[0] = 0xe0 | cp >> 12;
		b[1] = 0x80 | ((cp >> 6) & 0x3f);
		b[2] = 0x80 | (cp & 0x3f);
		n = 3;
	}
	if (*len + n >= size)
		return -ENOSPC;
	memcpy(dst + *len, b, n);
	*len += n;
	return 0;
}

static int escape_char(char e, char *out)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char *hit = e ? strchr(from, e) : NULL;

	if (!hit)
		return -EINVAL;
	*out = to[hit - from];
	return 0;
}

/* A string into dst (NUL terminated); too long for dst is an error. */
static int get_str(struct cursor *c, char *dst, size_t size)
{
	unsigned int cp;
	size_t len = 0;
	char ch;

	if (c->p >= c->end || *c->p++ != '"')
		return -EINVAL;
	while (c->p < c->end && *c->p != '"') {
		ch = *c->p++;
		if ((unsigned char)ch < 0x20)
			return -EINVAL;
		if (ch == '\\') {
			if (c->p >= c->end)
				return -EINVAL;
			if (*c->p == 'u') {
				if (c->end - c->p < 5 || hex4(c->p + 1, &cp) ||
				    put_utf8(dst, size, &len, cp))
					return -EINVAL;
				c->p += 5;
				continue;
			}
			if (escape_char(*c->p++, &ch))
				return -EINVAL;
		}
		if (len + 1 >= size)
			return -EINVAL;
		dst[len++] = ch;
	}
	if (c->p >= c->end)
		return -EINVAL;
	c->p++;
	dst[len] = '\0';
	return 0;
}

static int get_num(struct cursor *c, int64_t *v, uint64_t *u)
{
	char buf[24], *end;
	size_t n = 0;

	while (c->p < c->end && n < sizeof(buf) - 1 &&
	       (*c->p == '-' || (*c->p >= '0' && *c->p <= '9')))
		buf[n++] = *c->p++;
	buf[n] = '\0';
	if (!n || n == sizeof(buf) - 1)
		return -EINVAL;
	errno = 0;
	if (buf[0] == '-') {
		*v = strtoll(buf, &end, 10);
		*u = 0;
	} else {
		*u = strtoull(buf, &end, 10);
		*v = (int64_t)*u;
	}
	return errno || *end ? -EINVAL : 0;
}

static int parse_mac(const char *s, uint8_t *mac)
{
	unsigned int b[6], i;
	char tail;

	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3],
		   &b[4], &b[5], &tail) != 6)
		return -EINVAL;
	for (i = 0; i < 6; i++)
		mac[i] = b[i];
	return 0;
}

enum {
	HAVE_STATION = 1,
	HAVE_IFINDEX = 2,
	HAVE_SESSION = 4,
	HAVE_ALL = 7,
};

static int set_str_field(struct wpv_session_info *s, const char *key,
			 struct cursor *c, unsigned int *have)
{
	char buf[ACCT_IDENTITY_MAX + 1];
	int ret = get_str(c, buf, sizeof(buf));

	if (ret)
		return ret;
#define STR_FIELD(k, f) \
	if (!strcmp(key, k)) \
		return snprintf(s->f, sizeof(s->f), "%s", buf) < \
		       (int)sizeof(s->f) ? 0 : -EINVAL
	STR_FIELD("interface", ifname);
	STR_FIELD("ssid", ssid);
	STR_FIELD("identity", identity);
#undef STR_FIELD
	if (!strcmp(key, "session_id")) {
		*have |= HAVE_SESSION;
		return snprintf(s->session_id, sizeof(s->session_id), "%s",
				buf) < (int)sizeof(s->session_id) ? 0 : -EINVAL;
	}
	if (!strcmp(key, "station")) {
		*have |= HAVE_STATION;
		return parse_mac(buf, s->station);
	}
	if (!strcmp(key, "bssid"))
		return parse_mac(buf, s->bssid);
	return 0;
}

static int set_num_field(struct wpv_session_info *s, const char *key,
			 struct cursor *c, unsigned int *have)
{
	int64_t v;
	uint64_t u;

	if (get_num(c, &v, &u))
		return -EINVAL;
	if (!strcmp(key, "ifindex")) {
		*have |= HAVE_IFINDEX;
		s->ifindex = u;
		return u > UINT32_MAX ? -EINVAL : 0;
	}
	if (!strcmp(key, "start_time"))
		s->start_time = v;
	else if (!strcmp(key, "updated"))
		s->updated = v;
	else if (!strcmp(key, "tx_bytes"))
		s->counters.tx_bytes = u;
	else if (!strcmp(key, "rx_bytes"))
		s->counters.rx_bytes = u;
	else if (!strcmp(key, "tx_frames"))
		s->counters.tx_frames = u;
	else if (!strcmp(key, "rx_frames"))
		s->counters.rx_frames = u;
	return 0;
}

/* One line: a flat object of strings and integers, maybe a ',' after. */
static int parse_session(struct cursor *c, struct wpv_session_info *s)
{
	unsigned int have = 0;
	char key[32];
	int ret;

	memset(s, 0, sizeof(*s));
	if (c->p >= c->end || *c->p++ != '{')
		return -EINVAL;
	for (;;) {
		if (get_str(c, key, sizeof(key)) || c->p >= c->end ||
		    *c->p++ != ':' || c->p >= c->end)
			return -EINVAL;
		if (*c->p == '"')
			ret = set_str_field(s, key, c, &have);
		else
			ret = set_num_field(s, key, c, &have);
		if (ret || c->p >= c->end)
			return -EINVAL;
		if (*c->p == '}')
			break;
		if (*c->p++ != ',')
			return -EINVAL;
	}
	c->p++;
	if (c->p < c->end && *c->p == ',')
		c->p++;
	return c->p == c->end && have == HAVE_ALL ? 0 : -EINVAL;
}

static int read_file(const char *path, char **out, size_t *len)
{
	struct stat st;
	char *buf;
	ssize_t n;
	int fd, ret = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st)) {
		ret = -errno;
		goto out;
	}
	if (st.st_size > SESSIONS_FILE_MAX) {
		ret = -EFBIG;
		goto out;
	}
	buf = malloc(st.st_size + 1);
	if (!buf) {
		ret = -ENOMEM;
		goto out;
	}
	n = read(fd, buf, st.st_size);
	if (n != st.st_size) {
		ret = n < 0 ? -errno : -EIO;
		free(buf);
		goto out;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
out:
	close(fd);
	return ret;
}

/* Count the lines, each ending with '\n'; the last must too. */
static int split_lines(char *buf, size_t len, size_t *lines)
{
	size_t i, n = 0;

	if (!len || buf[len - 1] != '\n')
		return -EINVAL;
	for (i = 0; i < len; i++)
		if (buf[i] == '\n')
			n++;
	*lines = n;
	return 0;
}

static int parse_body(char *buf, struct wpv_session_info *s, size_t nsess)
{
	char *line = buf, *nl;
	struct cursor c;
	size_t i;

	nl = strchr(line, '\n');
	if ((size_t)(nl - line) != strlen(SESSIONS_HEAD) ||
	    strncmp(line, SESSIONS_HEAD, nl - line))
		return -EINVAL;
	for (i = 0; i < nsess; i++) {
		line = nl + 1;
		nl = strchr(line, '\n');
		c.p = line;
		c.end = nl;
		if (parse_session(&c, &s[i]))
			return -EINVAL;
	}
	line = nl + 1;
	if (strcmp(line, SESSIONS_TAIL "\n"))
		return -EINVAL;
	return 0;
}

/**
 * wpv_sessions_read() - read the sessions file
 * @path: the file
 * @out: set to a malloc'ed array (NULL when there are no sessions);
 *	free() it
 * @n: set to its length
 *
 * Return: 0, -ENOENT when there is no file (no agent running), -EINVAL
 * when it is not a sessions file, another negative errno.
 */
int wpv_sessions_read(const char *path, struct wpv_session_info **out,
		      size_t *n)
{
	struct wpv_session_info *s = NULL;
	size_t len = 0, lines;
	char *buf = NULL;
	int ret;

	*out = NULL;
	*n = 0;
	ret = read_file(path, &buf, &len);
	if (ret)
		return ret;
	if (memchr(buf, '\0', len) || split_lines(buf, len, &lines) ||
	    lines < 2) {
		ret = -EINVAL;
		goto out;
	}
	if (lines > 2) {
		s = calloc(lines - 2, sizeof(*s));
		if (!s) {
			ret = -ENOMEM;
			goto out;
		}
	}
	ret = parse_body(buf, s, lines - 2);
	if (ret) {
		free(s);
		goto out;
	}
	*out = s;
	*n = lines - 2;
out:
	free(buf);
	return ret;
}

/**
 * wpv_sessions_find() - a station's session in what wpv_sessions_read() gave
 * @s: the sessions
 * @n: how many
 * @ifindex: the station's interface
 * @station: its address, 6 bytes
 *
 * Return: the session, or NULL.
 */
const struct wpv_session_info *
wpv_sessions_find(const struct wpv_session_info *s, size_t n,
		  uint32_t ifindex, const uint8_t *station)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i].ifindex == ifindex &&
		    !memcmp(s[i].station, station, 6))
			return &s[i];
	return NULL;
}
