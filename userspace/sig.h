/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ECDSA with SHA-256 over a transcript, in the WAI form of the signature
 * value: r | s, each left-padded to the length of the curve order.
 */
#ifndef _WPV_SIG_H
#define _WPV_SIG_H

#include <stddef.h>
#include <stdint.h>
#include <openssl/evp.h>

int wpv_sig_order_len(EVP_PKEY *key);
int wpv_sig_curve_oid(EVP_PKEY *key, uint8_t *buf, size_t len);

int wpv_sig_sign(EVP_PKEY *key, const uint8_t *msg, size_t msg_len,
		 uint8_t *rs, size_t rs_size);
int wpv_sig_verify(EVP_PKEY *key, const uint8_t *msg, size_t msg_len,
		   const uint8_t *rs, size_t rs_len);

int wpv_sig_raw_to_der(const uint8_t *rs, size_t rs_len, uint8_t **der);
int wpv_sig_der_to_raw(const uint8_t *der, size_t der_len, size_t order_len,
		       uint8_t *rs, size_t rs_size);

EVP_PKEY *wpv_sig_load_private(const char *path);
EVP_PKEY *wpv_sig_load_public(const char *path);

#endif /* _WPV_SIG_H */
