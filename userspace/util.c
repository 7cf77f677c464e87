// SPDX-License-Identifier: GPL-2.0
/*
 * Parsing and file helpers for the subcommands.  Errors go to stderr here
 * so every command words them the same way.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/**
 * wpv_parse_mac() - read "aa:bb:cc:dd:ee:ff" (either case)
 * @s: the text
 * @mac: output
 *
 * Return: 0 or -EINVAL.
 */
int wpv_parse_mac(const char *s, uint8_t mac[6])
{
	unsigned int b[6];
	char end;
	int i;

	if (strlen(s) != 17 ||
	    sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3],
		   &b[4], &b[5], &end) != 6)
		return -EINVAL;
	for (i = 0; i < 6; i++) {
		if (s[3 * i + 2] != (i == 5 ? '\0' : ':'))
			return -EINVAL;
		mac[i] = b[i];
	}
	return 0;
}

/**
 * wpv_format_mac() - write a MAC address lower case, colon separated
 * @mac: the address
 * @buf: output
 */
void wpv_format_mac(const uint8_t mac[6], char buf[WPV_MAC_STRLEN])
{
	snprintf(buf, WPV_MAC_STRLEN, "%02x:%02x:%02x:%02x:%02x:%02x",
		 mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/**
 * wpv_parse_hex() - read exactly @len bytes of hex
 * @s: the text, 2 * @len hex digits
 * @out: output
 * @len: bytes wanted
 *
 * Return: 0 or -EINVAL.
 */
int wpv_parse_hex(const char *s, uint8_t *out, size_t len)
{
	size_t i;
	int hi, lo;

	if (strlen(s) != 2 * len)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		hi = hexval(s[2 * i]);
		lo = hexval(s[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -EINVAL;
		out[i] = hi << 4 | lo;
	}
	return 0;
}

/**
 * wpv_read_file() - read a whole file of at most @max bytes
 * @path: the file
 * @max: the largest size accepted
 * @data: set to a malloc'ed copy
 * @len: set to its length
 *
 * Return: 0, -EFBIG for a larger file, or a negative errno.
 */
int wpv_read_file(const char *path, size_t max, uint8_t **data, size_t *len)
{
	uint8_t *buf;
	size_t n = 0;
	ssize_t r;
	int fd, ret = 0;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	buf = malloc(max + 1);
	if (!buf) {
		close(fd);
		return -ENOMEM;
	}
	/* Read one byte past @max to tell "exactly max" from "more". */
	while (n <= max) {
		r = read(fd, buf + n, max + 1 - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			ret = -errno;
			break;
		}
		if (r == 0)
			break;
		n += r;
	}
	close(fd);
	if (!ret && n > max)
		ret = -EFBIG;
	if (ret) {
		free(buf);
		return ret;
	}
	*data = buf;
	*len = n;
	return 0;
}

/**
 * wpv_write_file() - create or replace a file with @data
 * @path: the file
 * @data: bytes
 * @len: their number
 *
 * Return: 0 or a negative errno.
 */
int wpv_write_file(const char *path, const uint8_t *data, size_t len)
{
	size_t off = 0;
	ssize_t w;
	int fd, ret = 0;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -errno;
	while (off < len) {
		w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			ret = -errno;
			break;
		}
		off += w;
	}
	if (close(fd) && !ret)
		ret = -errno;
	return ret;
}

/**
 * wpv_cli_fact() - take one of the WPV_CLI_FACT_OPTIONS
 * @f: where to store it
 * @opt: the option value from getopt_long()
 * @arg: its argument
 *
 * Return: 1 if @opt was one of them, 0 if not, -EINVAL (reported) if its
 * argument is bad.
 */
int wpv_cli_fact(struct wpv_cli_facts *f, int opt, const char *arg)
{
	int ret;

	switch (opt) {
	case WPV_OPT_AP:
		ret = wpv_parse_mac(arg, f->ap_addr);
		f->given |= WPV_CLI_AP;
		break;
	case WPV_OPT_STA:
		ret = wpv_parse_mac(arg, f->sta_addr);
		f->given |= WPV_CLI_STA;
		break;
	case WPV_OPT_BSSID:
		ret = wpv_parse_mac(arg, f->bssid);
		f->given |= WPV_CLI_BSSID;
		break;
	case WPV_OPT_AP_NONCE:
		ret = wpv_parse_hex(arg, f->ap_nonce, sizeof(f->ap_nonce));
		f->given |= WPV_CLI_AP_NONCE;
		break;
	case WPV_OPT_STA_NONCE:
		ret = wpv_parse_hex(arg, f->sta_nonce, sizeof(f->sta_nonce));
		f->given |= WPV_CLI_STA_NONCE;
		break;
	default:
		return 0;
	}
	if (ret) {
		fprintf(stderr, "wpv: bad value '%s' (want a MAC address aa:bb:cc:dd:ee:ff or 64 hex digits)\n",
			arg);
		return -EINVAL;
	}
	return 1;
}

/**
 * wpv_cli_need() - check the fields a command needs were given
 * @f: what was given
 * @need: WPV_CLI_* bits
 *
 * Return: 0 or -EINVAL (reported).
 */
int wpv_cli_need(const struct wpv_cli_facts *f, unsigned int need)
{
	static const char *const names[] = {
		"--ap", "--sta", "--bssid", "--ap-nonce", "--sta-nonce",
	};
	unsigned int missing = need & ~f->given;
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (missing & (1u << i)) {
			fprintf(stderr, "wpv: %s is required\n", names[i]);
			return -EINVAL;
		}
	}
	return 0;
}
