/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* form.c: urlencoded and multipart/form-data bodies into struct form */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "gkbm.h"

#define MAX_PART_HEAD	2048		/* headers of one multipart part */

static const char msg_form[] = "提交的数据格式不正确，请刷新页面后重新填写。";
static const char msg_many[] = "提交的字段过多。";
static const char msg_dup[] = "提交的数据含有重复的字段，请刷新页面后重新填写。";
static const char msg_utf8[] = "提交的文字不是有效的UTF-8编码，请重新输入。";

/* Field names are short lower-case identifiers, "[]" marks a list. */
static int
form_name_ok(const char *s)
{
	size_t	 n = strlen(s), i;

	if (n == 0 || n > MAX_KEY)
		return 0;
	if (n > 2 && strcmp(s + n - 2, "[]") == 0)
		n -= 2;
	for (i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]) &&
		    !isdigit((unsigned char)s[i]) && s[i] != '_')
			return 0;
	return 1;
}

/*
 * Names that may repeat besides those ending in "[]": the ticked rows of
 * a list (POST /review/batch, ids=ID:VERSION each), read whole by their
 * handler (h_batch.c) and by form_get as the first only.
 */
static const char *const list_names[] = { "ids", NULL };

/* True when the field name may repeat. */
static int
form_name_list(const char *name)
{
	size_t	 i, nl = strlen(name);

	if (nl >= 2 && strcmp(name + nl - 2, "[]") == 0)
		return 1;
	for (i = 0; list_names[i] != NULL; i++)
		if (strcmp(list_names[i], name) == 0)
			return 1;
	return 0;
}

/* Adds a field unless the name repeats (list names may). */
static const char *
form_add(struct pool *p, struct form *f, char *name, char *value, size_t len,
    char *filename, char *ctype)
{
	struct field	*nf;
	size_t		 i;

	if (!form_name_ok(name))
		return msg_form;
	if (!form_name_list(name))
		for (i = 0; i < f->nfields; i++)
			if (strcmp(f->fields[i].name, name) == 0)
				return msg_dup;
	if (f->nfields >= MAX_FIELDS)
		return msg_many;
	if (f->nfields % 16 == 0) {
		nf = pool_alloc(p, (f->nfields + 16) * sizeof(*nf));
		if (f->nfields > 0)
			memcpy(nf, f->fields, f->nfields * sizeof(*nf));
		f->fields = nf;
	}
	nf = &f->fields[f->nfields++];
	nf->name = name;
	nf->value = value;
	nf->len = len;
	nf->filename = filename;
	nf->ctype = ctype;
	return NULL;
}

/* Decodes %XX and '+' into a pool string; NULL on a bad escape. */
static char *
form_decode(struct pool *p, const char *s, size_t len, size_t *outlen)
{
	char	*out, *o;
	size_t	 i;
	int	 hi, lo;

	o = out = pool_alloc(p, len + 1);
	for (i = 0; i < len; i++) {
		if (s[i] == '+')
			*o++ = ' ';
		else if (s[i] == '%') {
			if (i + 2 >= len)
				return NULL;
			if ((hi = hex_digit(s[i + 1])) == -1 ||
			    (lo = hex_digit(s[i + 2])) == -1)
				return NULL;
			*o++ = (char)(hi << 4 | lo);
			i += 2;
		} else
			*o++ = s[i];
	}
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

/*
 * Parses an application/x-www-form-urlencoded string (a body or a query
 * string) into f.  Returns NULL, or a Chinese message for the user when
 * the data is malformed: a bad escape, bad UTF-8 or a control character,
 * a strange or repeated name, too many fields.
 */
const char *
form_parse_urlencoded(struct pool *p, const char *s, size_t len,
    struct form *f)
{
	const char	*end = s + len, *amp, *eq, *err;
	char		*name, *value;
	size_t		 nlen, vlen;

	while (s < end) {
		if ((amp = memchr(s, '&', end - s)) == NULL)
			amp = end;
		if (amp == s) {
			s++;
			continue;
		}
		if ((eq = memchr(s, '=', amp - s)) == NULL)
			eq = amp;
		if ((name = form_decode(p, s, eq - s, &nlen)) == NULL)
			return msg_form;
		value = form_decode(p, eq < amp ? eq + 1 : amp,
		    eq < amp ? (size_t)(amp - eq - 1) : 0, &vlen);
		if (value == NULL)
			return msg_form;
		if (strlen(name) != nlen)
			return msg_form;
		if (!valid_utf8(value, vlen))
			return msg_utf8;
		if ((err = form_add(p, f, name, value, vlen, NULL, NULL)) != NULL)
			return err;
		s = amp < end ? amp + 1 : end;
	}
	return NULL;
}

/* Finds a byte string in a buffer (memmem with a readable name). */
static const char *
find(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	return memmem(hay, hlen, needle, nlen);
}

/*
 * Reads parameter param="..." (or unquoted) of a header value into the
 * pool; NULL if absent.
 */
static char *
head_param(struct pool *p, const char *h, const char *param)
{
	const char	*s, *e;
	size_t		 pl = strlen(param);

	for (s = h; (s = strcasestr(s, param)) != NULL; s += pl) {
		if (s != h && s[-1] != ' ' && s[-1] != ';' && s[-1] != '\t')
			continue;
		if (s[pl] != '=')
			continue;
		s += pl + 1;
		if (*s == '"') {
			s++;
			if ((e = strchr(s, '"')) == NULL)
				return NULL;
		} else
			for (e = s; *e != '\0' && *e != ';' && *e != ' '; e++)
				;
		return pool_strndup(p, s, e - s);
	}
	return NULL;
}

/* Keeps only the last path component of an uploaded file's name. */
static char *
base_name(char *s)
{
	char	*b;

	if ((b = strrchr(s, '/')) != NULL)
		s = b + 1;
	if ((b = strrchr(s, '\\')) != NULL)
		s = b + 1;
	return s;
}

/* Parses the headers of one part; NULL or a message. */
static const char *
part_head(struct pool *p, const char *h, size_t hlen, char **name,
    char **filename, char **ctype)
{
	char		*head, *line, *next, *disp = NULL;

	*name = *filename = *ctype = NULL;
	if (hlen > MAX_PART_HEAD)
		return msg_form;
	head = pool_strndup(p, h, hlen);
	if (strlen(head) != hlen)
		return msg_form;
	for (line = head; line != NULL; line = next) {
		if ((next = strstr(line, "\r\n")) != NULL) {
			*next = '\0';
			next += 2;
		}
		if (strncasecmp(line, "Content-Disposition:", 20) == 0)
			disp = line + 20;
		else if (strncasecmp(line, "Content-Type:", 13) == 0) {
			for (line += 13; *line == ' '; line++)
				;
			*ctype = line;
		}
	}
	if (disp == NULL)
		return msg_form;
	while (*disp == ' ')
		disp++;
	if (strncasecmp(disp, "form-data", 9) != 0)
		return msg_form;
	if ((*name = head_param(p, disp, "name")) == NULL)
		return msg_form;
	if ((*filename = head_param(p, disp, "filename")) != NULL) {
		*filename = base_name(*filename);
		if (*ctype == NULL)
			*ctype = "application/octet-stream";
		if (!valid_utf8(*filename, strlen(*filename)))
			return msg_utf8;
	}
	return NULL;
}

/*
 * Parses a multipart/form-data body; ctype is the request's Content-Type
 * with the boundary.  The body must stay alive as long as f: file values
 * point into it.  Text parts are NUL-terminated copies.  Returns NULL or
 * a Chinese message.
 */
const char *
form_parse_multipart(struct pool *p, const char *ctype, const char *body,
    size_t len, struct form *f)
{
	const char	*s, *end = body + len, *he, *pe, *err;
	char		*boundary, *delim, *name, *filename, *pctype, *value;
	size_t		 dlen;

	if ((boundary = head_param(p, ctype, "boundary")) == NULL ||
	    *boundary == '\0' || strlen(boundary) > 70)
		return msg_form;
	delim = pool_printf(p, "\r\n--%s", boundary);
	dlen = strlen(delim);
	/* The body starts with the delimiter without its CRLF. */
	if (len < dlen - 2 || memcmp(body, delim + 2, dlen - 2) != 0)
		return msg_form;
	s = body + dlen - 2;
	for (;;) {
		if (end - s >= 2 && s[0] == '-' && s[1] == '-')
			return NULL;	/* closing delimiter */
		if (end - s < 2 || s[0] != '\r' || s[1] != '\n')
			return msg_form;
		s += 2;
		if ((he = find(s, end - s, "\r\n\r\n", 4)) == NULL)
			return msg_form;
		if ((err = part_head(p, s, he - s, &name, &filename,
		    &pctype)) != NULL)
			return err;
		s = he + 4;
		if ((pe = find(s, end - s, delim, dlen)) == NULL)
			return msg_form;	/* truncated upload */
		if (filename != NULL && *filename == '\0' && pe == s) {
			/* No file chosen: an empty text field, NUL-ended. */
			filename = NULL;
			value = pool_strdup(p, "");
		} else if (filename != NULL) {
			value = (char *)s;
		} else {
			value = pool_strndup(p, s, pe - s);
			if (!valid_utf8(value, pe - s))
				return msg_utf8;
		}
		if ((err = form_add(p, f, name, value, pe - s, filename,
		    filename ? pctype : NULL)) != NULL)
			return err;
		s = pe + dlen;
	}
}

/* Returns the field called name, or NULL. */
const struct field *
form_field(const struct form *f, const char *name)
{
	size_t	 i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return &f->fields[i];
	return NULL;
}

/* Returns the text value of name, or NULL (also for file parts). */
const char *
form_get(const struct form *f, const char *name)
{
	const struct field	*fd = form_field(f, name);

	return fd == NULL || fd->filename != NULL ? NULL : fd->value;
}

/* Trims blanks and line breaks off both ends of v, in place. */
char *
form_trim(char *v)
{
	char	*e;

	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	e = v + strlen(v);
	while (e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n'))
		*--e = '\0';
	return v;
}

/*
 * Returns the text value of name with surrounding blanks removed (in
 * place), or "" when absent: what handlers validate.
 */
const char *
form_text(const struct form *f, const char *name)
{
	char	*v = (char *)form_get(f, name);

	return v == NULL ? "" : form_trim(v);
}
