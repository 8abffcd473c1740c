/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/fuzz/form.c: libFuzzer target of the form parser (fcgi/lib/form.c) */

/*
 * An input is a request's Content-Type, a newline and its body (no
 * newline: all body, no Content-Type).  The body is handed over as
 * req_parse() hands it: a pool copy with a NUL after its last byte, and
 * the same Content-Type decides between multipart and urlencoded.  Every
 * field found is then read whole through form_field, form_get and
 * form_text, as the handlers read them, and each text value goes through
 * the validators the field map and the handlers apply (valid.c, idno.c).
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <time.h>

#include "web.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static volatile unsigned char	sink;

/* Puts one text value through every validator; returns a byte of it all. */
static unsigned char
fuzz_valid(const char *t)
{
	struct idno	 id;
	struct tm	 tm;
	long long	 n = 0;
	int		 y = 0, m = 0, d = 0;
	unsigned char	 x;

	x = (unsigned char)(valid_chars(t, 0) ^ valid_chars(t, 1));
	x ^= (unsigned char)(valid_phone(t) == NULL) ^
	    (unsigned char)(valid_name(t) == NULL);
	x ^= (unsigned char)(valid_date(t, &y, &m, &d) == NULL ? y ^ m ^ d : 0);
	memset(&tm, 0, sizeof(tm));
	x ^= (unsigned char)(valid_datetime(t, &tm) == NULL ? tm.tm_min : 0);
	x ^= (unsigned char)(valid_uint(t, 0, 1LL << 40, &n) == 0 ? n : 0);
	x ^= (unsigned char)(idno_parse(t, &id) == IDNO_OK);
	return x;
}

/* Reads every field as a handler would. */
static void
fuzz_read(const struct form *f)
{
	const struct field	*fd;
	const char		*t;
	size_t			 i, j;
	unsigned char		 x = 0;

	for (i = 0; i < f->nfields; i++) {
		fd = form_field(f, f->fields[i].name);
		for (j = 0; j < fd->len; j++)
			x ^= (unsigned char)fd->value[j];
		if (fd->filename != NULL)
			x ^= (unsigned char)fd->filename[strlen(fd->filename)] ^
			    (unsigned char)fd->ctype[strlen(fd->ctype)];
		if (form_get(f, fd->name) != NULL) {
			t = form_text(f, fd->name);
			x ^= (unsigned char)t[strlen(t)] ^ fuzz_valid(t);
		}
	}
	sink = x;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pool	*p = pool_new();
	struct form	 f;
	const uint8_t	*nl;
	char		*ct, *body;
	size_t		 clen = 0, blen;

	memset(&f, 0, sizeof(f));
	if ((nl = memchr(data, '\n', size)) != NULL)
		clen = (size_t)(nl - data);
	ct = pool_strndup(p, (const char *)data, clen);
	blen = nl != NULL ? size - clen - 1 : size;
	body = pool_alloc(p, blen + 1);
	memcpy(body, nl != NULL ? nl + 1 : data, blen);
	body[blen] = '\0';
	if (strncasecmp(ct, "multipart/form-data", 19) == 0) {
		if (form_parse_multipart(p, ct, body, blen, &f) == NULL)
			fuzz_read(&f);
	} else if (form_parse_urlencoded(p, body, blen, &f) == NULL)
		fuzz_read(&f);
	pool_free(p);
	return 0;
}
