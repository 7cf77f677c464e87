/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Reader for the vector files in tests/vectors: records of
 * "field = value" lines, each opened by a "name = ..." line; lines
 * starting with '#' are comments.
 */
#ifndef WPI_VECTORS_H
#define WPI_VECTORS_H

#include <stddef.h>
#include <stdint.h>

#define VEC_MAX_FIELDS	12
#define VEC_MAX_VALUE	4096

struct vec_field {
	char key[32];
	char value[VEC_MAX_VALUE];
};

struct vec_record {
	struct vec_field field[VEC_MAX_FIELDS];
	int nfields;
};

/* Loads every record of @path; returns how many, or -1 (and says why). */
int vec_load(const char *path, struct vec_record **recs);
/* A field's value, or NULL. */
const char *vec_get(const struct vec_record *r, const char *key);
/* Decodes a hex field into @out; returns its length, or -1. */
int vec_hex(const struct vec_record *r, const char *key, uint8_t *out,
	    size_t max);

#endif /* WPI_VECTORS_H */
