// SPDX-License-Identifier: GPL-2.0
/*
 * wpv station: the responder.  Listens for WAI signature verification
 * requests addressed to this station and answers each with a fresh nonce,
 * its signature over the transcript and, if it has one, its certificate.
 *
 * --record keeps the last answer sent (the whole WAI packet); --replay
 * sends such a file instead of signing, which is how tests show that an
 * answer recorded elsewhere is refused.  --sign-key signs with another
 * key than the certificate's, for the same reason: a certificate used by
 * whoever lacks its key is refused.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <openssl/pem.h>

#include "resp_build.h"
#include "sig.h"
#include "util.h"
#include "wai_resp.h"
#include "wpv.h"

#define WPV_PKT_MAX	(WPV_WAI_HDR_LEN + WPV_SIG_RESP_MAX_LEN)

struct station {
	const char *ifname;
	const char *key_path;
	const char *cert_path;
	const char *record;
	const char *replay;
	const char *sign_key_path;
	bool once;
	int ifindex;
	int fd;
	u8 addr[6];
	u16 seq;
	EVP_PKEY *key;
	EVP_PKEY *sign_key;
	X509 *cert;
	u8 *replay_pkt;
	size_t replay_len;
};

static volatile sig_atomic_t station_stop;

static void station_on_signal(int sig)
{
	(void)sig;
	station_stop = 1;
}

static int station_usage(void)
{
	fprintf(stderr, "usage: wpv station -i IFACE -k KEYFILE [-c CERTFILE] [--once] [--record FILE | --replay FILE] [--sign-key KEYFILE]\n");
	return WPV_EXIT_USAGE;
}

static int station_open(struct station *st)
{
	struct sockaddr_ll sll = { 0 };
	struct ifreq ifr = { 0 };

	st->ifindex = if_nametoindex(st->ifname);
	if (!st->ifindex) {
		fprintf(stderr, "wpv station: %s: %s\n", st->ifname,
			strerror(errno));
		return -1;
	}
	/* Protocol 0 until bound: nothing queues from other interfaces. */
	st->fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (st->fd < 0) {
		fprintf(stderr, "wpv station: packet socket: %s\n",
			strerror(errno));
		return -1;
	}
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", st->ifname);
	if (ioctl(st->fd, SIOCGIFHWADDR, &ifr) < 0) {
		fprintf(stderr, "wpv station: %s: no hardware address: %s\n",
			st->ifname, strerror(errno));
		return -1;
	}
	memcpy(st->addr, ifr.ifr_hwaddr.sa_data, 6);

	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(WPV_ETH_P_WAI);
	sll.sll_ifindex = st->ifindex;
	if (bind(st->fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		fprintf(stderr, "wpv station: bind to %s: %s\n", st->ifname,
			strerror(errno));
		return -1;
	}
	return 0;
}

static int station_load(struct station *st)
{
	struct stat sb;
	FILE *f;

	if (!stat(st->key_path, &sb) && (sb.st_mode & 077))
		fprintf(stderr, "wpv station: warning: %s is readable by others\n",
			st->key_path);
	st->key = wpv_sig_load_private(st->key_path);
	if (!st->key) {
		fprintf(stderr, "wpv station: %s: no EC private key%s\n",
			st->key_path, errno == EKEYREJECTED ?
			" (not EC, or a bad WAPI key)" : "");
		return -1;
	}
	if (st->cert_path) {
		f = fopen(st->cert_path, "r");
		st->cert = f ? PEM_read_X509(f, NULL, NULL, NULL) : NULL;
		if (f)
			fclose(f);
		if (!st->cert) {
			fprintf(stderr, "wpv station: %s: no PEM certificate\n",
				st->cert_path);
			return -1;
		}
		if (!wpv_sig_cert_matches(st->cert, st->key)) {
			fprintf(stderr, "wpv station: %s does not match %s\n",
				st->cert_path, st->key_path);
			return -1;
		}
	}
	if (st->sign_key_path) {
		st->sign_key = wpv_sig_load_private(st->sign_key_path);
		if (!st->sign_key) {
			fprintf(stderr, "wpv station: %s: no EC private key\n",
				st->sign_key_path);
			return -1;
		}
	}
	if (st->replay && wpv_read_file(st->replay, WPV_PKT_MAX,
					&st->replay_pkt, &st->replay_len)) {
		fprintf(stderr, "wpv station: cannot read %s\n", st->replay);
		return -1;
	}
	return 0;
}

/* Sign and lay out a whole packet; returns its length or -1. */
static ssize_t station_answer(struct station *st, const u8 *ap_addr,
			      const struct wpv_sig_req *req, u8 *pkt)
{
	struct wpv_wai_hdr h = {
		.version = WPV_WAI_VERSION, .type = WPV_WAI_TYPE,
		.subtype = WPV_WAI_SUBTYPE_SIG_RESP,
	};
	EVP_PKEY *key = st->sign_key ? st->sign_key : st->key;
	int n;

	n = wpv_resp_sign(key, st->cert, ap_addr, st->addr, req->bssid,
			  req->ap_nonce, pkt + WPV_WAI_HDR_LEN,
			  WPV_PKT_MAX - WPV_WAI_HDR_LEN);
	if (n < 0) {
		fprintf(stderr, "wpv station: cannot sign: %s\n", strerror(-n));
		return -1;
	}
	h.length = WPV_WAI_HDR_LEN + n;
	h.seq = ++st->seq;
	wpv_wai_hdr_encode(&h, pkt, WPV_WAI_HDR_LEN);
	return h.length;
}

static int station_send(struct station *st, const u8 *dst, const u8 *pkt,
			size_t len)
{
	struct sockaddr_ll to = { 0 };

	to.sll_family = AF_PACKET;
	to.sll_protocol = htons(WPV_ETH_P_WAI);
	to.sll_ifindex = st->ifindex;
	to.sll_halen = 6;
	memcpy(to.sll_addr, dst, 6);
	if (sendto(st->fd, pkt, len, 0, (struct sockaddr *)&to,
		   sizeof(to)) < 0) {
		fprintf(stderr, "wpv station: send: %s\n", strerror(errno));
		return -1;
	}
	return 0;
}

/* Returns 1 if an answer was sent, 0 if the packet was not for us. */
static int station_handle(struct station *st, const u8 *pkt, size_t len,
			  const u8 *src)
{
	char ap[WPV_MAC_STRLEN], sta[WPV_MAC_STRLEN];
	static u8 out[WPV_PKT_MAX];
	struct wpv_wai_hdr h;
	struct wpv_sig_req req;
	ssize_t n;
	int ret;

	wpv_format_mac(src, ap);
	ret = wpv_wai_hdr_decode(pkt, len, &h);
	if (ret || h.subtype != WPV_WAI_SUBTYPE_SIG_REQ)
		return 0;
	ret = wpv_sig_req_decode(pkt + WPV_WAI_HDR_LEN, len - WPV_WAI_HDR_LEN,
				 &req);
	if (ret) {
		fprintf(stderr, "wpv station: bad request from %s: %s\n", ap,
			wpv_wai_strerror(ret));
		return 0;
	}
	wpv_format_mac(req.sta_addr, sta);
	if (memcmp(req.sta_addr, st->addr, 6)) {
		fprintf(stderr, "wpv station: request from %s names %s, not us; ignored\n",
			ap, sta);
		return 0;
	}
	if (st->replay_pkt) {
		fprintf(stderr, "wpv station: request %u from %s: replaying %s\n",
			h.seq, ap, st->replay);
		ret = station_send(st, src, st->replay_pkt, st->replay_len);
		return ret ? -1 : 1;
	}
	n = station_answer(st, src, &req, out);
	if (n < 0 || station_send(st, src, out, n))
		return -1;
	fprintf(stderr, "wpv station: request %u from %s: answered (%zd bytes, %s)\n",
		h.seq, ap, n, st->cert ? "with certificate" : "key only");
	if (st->record && wpv_write_file(st->record, out, n))
		fprintf(stderr, "wpv station: cannot write %s\n", st->record);
	return 1;
}

static int station_loop(struct station *st)
{
	static u8 pkt[WPV_PKT_MAX];
	struct sockaddr_ll from;
	socklen_t from_len;
	ssize_t n;
	int ret;

	while (!station_stop) {
		from_len = sizeof(from);
		n = recvfrom(st->fd, pkt, sizeof(pkt), 0,
			     (struct sockaddr *)&from, &from_len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fprintf(stderr, "wpv station: receive: %s\n",
				strerror(errno));
			return 1;
		}
		if (from.sll_pkttype == PACKET_OUTGOING || from.sll_halen != 6)
			continue;
		ret = station_handle(st, pkt, n, from.sll_addr);
		if (ret < 0)
			return 1;
		if (ret && st->once)
			break;
	}
	return 0;
}

static int station_args(struct station *st, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "interface", required_argument, NULL, 'i' },
		{ "key", required_argument, NULL, 'k' },
		{ "cert", required_argument, NULL, 'c' },
		{ "once", no_argument, NULL, 'o' },
		{ "record", required_argument, NULL, 'R' },
		{ "replay", required_argument, NULL, 'P' },
		{ "sign-key", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	int opt;

	while ((opt = getopt_long(argc, argv, "i:k:c:", opts, NULL)) != -1) {
		switch (opt) {
		case 'i':
			st->ifname = optarg;
			break;
		case 'k':
			st->key_path = optarg;
			break;
		case 'c':
			st->cert_path = optarg;
			break;
		case 'o':
			st->once = true;
			break;
		case 'R':
			st->record = optarg;
			break;
		case 'P':
			st->replay = optarg;
			break;
		case 'S':
			st->sign_key_path = optarg;
			break;
		default:
			return -1;
		}
	}
	if (optind != argc || !st->ifname || !st->key_path ||
	    (st->record && st->replay))
		return -1;
	return 0;
}

int wpv_station_main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = station_on_signal };
	struct station st = { .fd = -1 };
	int ret = 1;

	if (station_args(&st, argc, argv))
		return station_usage();
	if (station_load(&st) || station_open(&st))
		goto out;
	/* No SA_RESTART: a signal must break recvfrom() to stop. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	fprintf(stderr, "wpv station: listening on %s for WAI requests (%s key)\n",
		st.ifname, wpv_sig_is_wapi(st.key) ? "WAPI" : "ECDSA");
	ret = station_loop(&st);
out:
	if (st.fd >= 0)
		close(st.fd);
	EVP_PKEY_free(st.key);
	EVP_PKEY_free(st.sign_key);
	X509_free(st.cert);
	free(st.replay_pkt);
	return ret;
}
