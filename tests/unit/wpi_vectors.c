// SPDX-License-Identifier: GPL-2.0
/*
 * Reader for the published vectors kept in tests/vectors/.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "wpi_vectors.h"

static char *vec_trim(char *s)
{
	char *end;

	while (isspace((unsigned char)*s))
		s++;
	end = s + strlen(s);
	while (end > s && isspace((unsigned char)end[-1]))
		*--end = '\0';
	return s;
}

static int vec_add_field(struct vec_record *r, const char *key,
			 const char *value)
{
	struct vec_field *f;

	if (r->nfields == VEC_MAX_FIELDS ||
	    strlen(key) >= sizeof(f->key) ||
	    strlen(value) >= sizeof(f->value))
		return -1;
	f = &r->field[r->nfields++];
	strcpy(f->key, key);
	strcpy(f->value, value);
	return 0;
}

int vec_load(const char *path, struct vec_record **recs)
{
	static char line[VEC_MAX_VALUE + 64];
	struct vec_record *all = NULL, *r = NULL, *grown;
	int n = 0, lineno = 0;
	char *eq, *key;
	FILE *f;

	f = fopen(path, "r");
	if (!f) {
		perror(path);
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		lineno++;
		key = vec_trim(line);
		if (*key == '\0' || *key == '#')
			continue;
		eq = strchr(key, '=');
		if (!eq)
			goto bad;
		*eq = '\0';
		key = vec_trim(key);
		if (!strcmp(key, "name")) {
			grown = realloc(all, (n + 1) * sizeof(*all));
			if (!grown)
				goto bad;
			all = grown;
			r = &all[n++];
			memset(r, 0, sizeof(*r));
		}
		if (!r || vec_add_field(r, key, vec_trim(eq + 1)))
			goto bad;
	}
	fclose(f);
	*recs = all;
	return n;

bad:
	fprintf(stderr, "%s:%d: cannot read this line\n", path, lineno);
	fclose(f);
	free(all);
	return -1;
}

const char *vec_get(const struct vec_record *r, const char *key)
{
	int i;

	for (i = 0; i < r->nfields; i++)
		if (!strcmp(r->field[i].key, key))
			return r->field[i].value;
	return NULL;
}

int vec_hex(const struct vec_record *r, const char *key, uint8_t *out,
	    size_t max)
{
	const char *hex = vec_get(r, key);
	size_t len, i;
	unsigned int b;

	if (!hex)
		return -1;
	len = strlen(hex);
	if (len % 2 || len / 2 > max)
		return -1;
	for (i = 0; i < len / 2; i++) {
		if (!isxdigit((unsigned char)hex[2 * i]) ||
		    !isxdigit((unsigned char)hex[2 * i + 1]) ||
		    sscanf(hex + 2 * i, "%2x", &b) != 1)
			return -1;
		out[i] = (uint8_t)b;
	}
	return (int)(len / 2);
}
