/* SPDX-License-Identifier: GPL-2.0 */
/* Small helpers shared by the subcommands. */
#ifndef _WPV_UTIL_H
#define _WPV_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define WPV_MAC_STRLEN	18	/* "aa:bb:cc:dd:ee:ff" and the NUL */

int wpv_parse_mac(const char *s, uint8_t mac[6]);
void wpv_format_mac(const uint8_t mac[6], char buf[WPV_MAC_STRLEN]);
int wpv_parse_hex(const char *s, uint8_t *out, size_t len);
int wpv_read_file(const char *path, size_t max, uint8_t **data, size_t *len);
int wpv_write_file(const char *path, const uint8_t *data, size_t len);

/* Addresses and nonces given on the command line of the test commands. */
struct wpv_cli_facts {
	uint8_t ap_addr[6];
	uint8_t sta_addr[6];
	uint8_t bssid[6];
	uint8_t ap_nonce[32];
	uint8_t sta_nonce[32];
	unsigned int given;	/* bit per field, WPV_CLI_* */
};

#define WPV_CLI_AP		0x01
#define WPV_CLI_STA		0x02
#define WPV_CLI_BSSID		0x04
#define WPV_CLI_AP_NONCE	0x08
#define WPV_CLI_STA_NONCE	0x10

/* Long option values for the fields above, past any ASCII short option. */
enum {
	WPV_OPT_AP = 0x100,
	WPV_OPT_STA,
	WPV_OPT_BSSID,
	WPV_OPT_AP_NONCE,
	WPV_OPT_STA_NONCE,
};

#define WPV_CLI_FACT_OPTIONS \
	{ "ap", required_argument, NULL, WPV_OPT_AP }, \
	{ "sta", required_argument, NULL, WPV_OPT_STA }, \
	{ "bssid", required_argument, NULL, WPV_OPT_BSSID }, \
	{ "ap-nonce", required_argument, NULL, WPV_OPT_AP_NONCE }, \
	{ "sta-nonce", required_argument, NULL, WPV_OPT_STA_NONCE }

int wpv_cli_fact(struct wpv_cli_facts *f, int opt, const char *arg);
int wpv_cli_need(const struct wpv_cli_facts *f, unsigned int need);

#endif /* _WPV_UTIL_H */
