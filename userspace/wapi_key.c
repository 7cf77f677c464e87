// SPDX-License-Identifier: GPL-2.0
/*
 * WAPI private key files: SEC1 "EC PRIVATE KEY" PEM.
 *
 * WAPI software names the curve by its OID, which OpenSSL 3.0 does not
 * know and will not decode, so the SEC1 structure is read here:
 *
 *   ECPrivateKey ::= SEQUENCE {
 *     version        INTEGER (1),
 *     privateKey     OCTET STRING,
 *     parameters [0] ECParameters OPTIONAL,  -- OID or explicit
 *     publicKey  [1] BIT STRING OPTIONAL }
 *
 * Explicit parameters are decoded by OpenSSL and compared with the WAPI
 * curve.  Keys are written in the OID form; the explicit form is
 * OpenSSL's own traditional encoding.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include "wapi_der.h"
#include "wapi_ec.h"

#define SEC1_PEM_NAME	"EC PRIVATE KEY"

struct sec1_key {
	uint8_t d[WAPI_EC_BYTES];
	struct wapi_der_elem priv;
	struct wapi_der_elem params;
	struct wapi_der_elem pub;
	bool has_params;
	bool has_pub;
};

/* Reads the single element inside an explicit [n] tag. */
static int sec1_unwrap(const struct wapi_der_elem *e, uint8_t tag,
		       struct wapi_der_elem *inner)
{
	struct wapi_der in = { e->val, e->val_len };

	if (wapi_der_next(&in, inner) || in.len)
		return -WAPI_EC_E_KEY_FORMAT;
	return tag && inner->tag != tag ? -WAPI_EC_E_KEY_FORMAT : 0;
}

/* The optional [0] and [1] fields, in that order, nothing after them. */
static int sec1_parse_tail(struct wapi_der *it, struct sec1_key *k)
{
	struct wapi_der_elem e;
	int err;

	while (!(err = wapi_der_next(it, &e))) {
		if (e.tag == WAPI_DER_CTX0 && !k->has_params && !k->has_pub) {
			err = sec1_unwrap(&e, 0, &k->params);
			k->has_params = true;
		} else if (e.tag == WAPI_DER_CTX1 && !k->has_pub) {
			err = sec1_unwrap(&e, WAPI_DER_BIT_STRING, &k->pub);
			k->has_pub = true;
		} else {
			err = -WAPI_EC_E_KEY_FORMAT;
		}
		if (err)
			return err;
	}
	return err == -ENOENT ? 0 : -WAPI_EC_E_KEY_FORMAT;
}

static int sec1_parse(const uint8_t *der, size_t len, struct sec1_key *k)
{
	struct wapi_der it;
	struct wapi_der_elem e;

	memset(k, 0, sizeof(*k));
	if (wapi_der_enter(der, len, WAPI_DER_SEQUENCE, &it))
		return -WAPI_EC_E_KEY_FORMAT;
	if (wapi_der_expect(&it, WAPI_DER_INTEGER, &e) ||
	    e.val_len != 1 || e.val[0] != 1)
		return -WAPI_EC_E_KEY_FORMAT;

	if (wapi_der_expect(&it, WAPI_DER_OCTET_STRING, &k->priv))
		return -WAPI_EC_E_KEY_FORMAT;
	return sec1_parse_tail(&it, k);
}

/* SEC1 says 24 bytes; some writers drop leading zeros. */
static int sec1_get_scalar(struct sec1_key *k)
{
	const struct wapi_der_elem *e = &k->priv;

	if (!e->val_len || e->val_len > WAPI_EC_BYTES)
		return -WAPI_EC_E_KEY_FORMAT;
	memcpy(k->d + WAPI_EC_BYTES - e->val_len, e->val, e->val_len);
	return 0;
}

/*
 * Explicit parameters: let OpenSSL decode the whole key and compare its
 * domain with the WAPI curve.
 */
static int sec1_check_explicit(const uint8_t *der, size_t len)
{
	const uint8_t *p = der;
	EVP_PKEY *key;
	int err;

	key = d2i_PrivateKey(EVP_PKEY_EC, NULL, &p, (long)len);
	if (!key) {
		ERR_clear_error();
		return -WAPI_EC_E_KEY_FORMAT;
	}
	err = wapi_ec_key_check(key) ? -WAPI_EC_E_WRONG_CURVE : 0;
	EVP_PKEY_free(key);
	return err;
}

static int sec1_check_params(const uint8_t *der, size_t len,
			     const struct sec1_key *k)
{
	const struct wapi_der_elem *pa = &k->params;

	/* Without parameters the curve is anybody's guess. */
	if (!k->has_params)
		return -WAPI_EC_E_KEY_FORMAT;
	if (pa->tag == WAPI_DER_OID)
		return pa->val_len == sizeof(wapi_oid_curve) &&
		       !memcmp(pa->val, wapi_oid_curve, pa->val_len) ?
		       0 : -WAPI_EC_E_WRONG_CURVE;
	if (pa->tag == WAPI_DER_SEQUENCE)
		return sec1_check_explicit(der, len);
	return -WAPI_EC_E_KEY_FORMAT;
}

/* A public key in the file must be the one the scalar gives. */
static int sec1_check_pub(const struct sec1_key *k, EVP_PKEY *key)
{
	uint8_t point[WAPI_EC_POINT_LEN];
	int err;

	if (!k->has_pub)
		return 0;
	if (k->pub.val_len != 1 + WAPI_EC_POINT_LEN || k->pub.val[0])
		return -WAPI_EC_E_KEY_FORMAT;
	err = wapi_ec_get_point(key, point);
	if (err)
		return err;
	return memcmp(point, k->pub.val + 1, WAPI_EC_POINT_LEN) ?
	       -WAPI_EC_E_KEY_FORMAT : 0;
}

static int sec1_to_key(const uint8_t *der, size_t len, EVP_PKEY **out)
{
	struct sec1_key k;
	int err;

	/* The curve first, so a key on another curve says so. */
	err = sec1_parse(der, len, &k);
	if (!err)
		err = sec1_check_params(der, len, &k);
	if (!err)
		err = sec1_get_scalar(&k);
	if (!err)
		err = wapi_ec_priv_from_scalar(k.d, out);
	if (!err) {
		err = sec1_check_pub(&k, *out);
		if (err) {
			EVP_PKEY_free(*out);
			*out = NULL;
		}
	}
	OPENSSL_cleanse(&k, sizeof(k));
	return err;
}

/**
 * wapi_ec_key_read_pem() - read a WAPI private key
 * @in: PEM text holding one SEC1 "EC PRIVATE KEY", curve by OID or by
 *	explicit parameters; encrypted PEM is refused
 * @out: the key, owned by the caller
 */
int wapi_ec_key_read_pem(BIO *in, EVP_PKEY **out)
{
	char *name = NULL, *header = NULL;
	unsigned char *data = NULL;
	long len = 0;
	int err = -WAPI_EC_E_KEY_FORMAT;

	*out = NULL;
	if (!PEM_read_bio(in, &name, &header, &data, &len)) {
		ERR_clear_error();
		return err;
	}
	/* A non-empty header means Proc-Type: encrypted. */
	if (!strcmp(name, SEC1_PEM_NAME) && !header[0] && len > 0)
		err = sec1_to_key(data, (size_t)len, out);

	if (data)
		OPENSSL_cleanse(data, (size_t)len);
	OPENSSL_free(data);
	OPENSSL_free(header);
	OPENSSL_free(name);
	return err;
}

/* SEC1 with the curve OID, all lengths fixed and short. */
static int sec1_write_oid(BIO *out, EVP_PKEY *priv)
{
	static const uint8_t version[] = { 0x02, 0x01, 0x01 };
	uint8_t d[WAPI_EC_BYTES], bits[1 + WAPI_EC_POINT_LEN];
	struct wapi_dbuf b = { 0 }, t = { 0 };
	int err;

	err = wapi_ec_get_scalar(priv, d);
	if (!err)
		err = wapi_ec_get_point(priv, bits + 1);
	if (err)
		goto out;
	bits[0] = 0;

	wapi_dbuf_add(&b, version, sizeof(version));
	wapi_dbuf_add_tlv(&b, WAPI_DER_OCTET_STRING, d, sizeof(d));
	wapi_dbuf_add_tlv(&t, WAPI_DER_OID, wapi_oid_curve,
			  sizeof(wapi_oid_curve));
	wapi_dbuf_wrap(&t, WAPI_DER_CTX0);
	wapi_dbuf_add(&b, t.p, t.len);
	wapi_dbuf_free(&t);
	wapi_dbuf_add_tlv(&t, WAPI_DER_BIT_STRING, bits, sizeof(bits));
	wapi_dbuf_wrap(&t, WAPI_DER_CTX1);
	wapi_dbuf_add(&b, t.p, t.len);
	wapi_dbuf_wrap(&b, WAPI_DER_SEQUENCE);

	err = -WAPI_EC_E_NOMEM;
	if (!b.failed && !t.failed &&
	    PEM_write_bio(out, SEC1_PEM_NAME, "", b.p, (long)b.len) > 0)
		err = 0;
out:
	OPENSSL_cleanse(d, sizeof(d));
	wapi_dbuf_free(&t);
	wapi_dbuf_free(&b);
	return err;
}

/**
 * wapi_ec_key_write_pem() - write a WAPI private key as SEC1 PEM
 * @out: where to
 * @priv: a private key on the WAPI curve
 * @form: name the curve by OID (what WAPI software reads) or explicitly
 */
int wapi_ec_key_write_pem(BIO *out, EVP_PKEY *priv, enum wapi_key_form form)
{
	int err;

	if (form == WAPI_KEY_FORM_OID)
		return sec1_write_oid(out, priv);

	err = wapi_ec_key_check(priv);
	if (err)
		return err;
	/* The group has no name, so OpenSSL writes it explicitly. */
	if (!PEM_write_bio_PrivateKey_traditional(out, priv, NULL, NULL, 0,
						  NULL, NULL))
		return -WAPI_EC_E_NOMEM;
	return 0;
}

/** wapi_ec_key_load() - wapi_ec_key_read_pem() from a file */
int wapi_ec_key_load(const char *path, EVP_PKEY **out)
{
	BIO *in;
	int err;

	*out = NULL;
	in = BIO_new_file(path, "r");
	if (!in) {
		ERR_clear_error();
		return -WAPI_EC_E_IO;
	}
	err = wapi_ec_key_read_pem(in, out);
	BIO_free(in);
	return err;
}

/**
 * wapi_ec_key_save() - write a private key to a new file, mode 0600
 *
 * An existing file is replaced; its old mode does not survive.
 */
int wapi_ec_key_save(const char *path, EVP_PKEY *priv,
		     enum wapi_key_form form)
{
	FILE *f;
	BIO *out;
	int fd, err;

	if (unlink(path) && errno != ENOENT)
		return -WAPI_EC_E_IO;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return -WAPI_EC_E_IO;
	f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		return -WAPI_EC_E_IO;
	}
	out = BIO_new_fp(f, BIO_CLOSE);
	if (!out) {
		fclose(f);
		return -WAPI_EC_E_NOMEM;
	}
	err = wapi_ec_key_write_pem(out, priv, form);
	if (BIO_flush(out) <= 0 && !err)
		err = -WAPI_EC_E_IO;
	BIO_free(out);
	return err;
}
