/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/*
 * sheet.c: a spreadsheet read into rows of text cells: CSV (UTF-8 with or
 * without a BOM, or GB18030 as Excel in China saves it, converted with
 * iconv) or XLSX (libzip, then libxml2 on the shared strings and the
 * first worksheet).  Strict: anything not well formed is refused with a
 * message in Chinese, never guessed at.
 */

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "gkbm.h"

#define SHEET_MAX_ENTRIES	200		/* entries of an XLSX */
#define SHEET_MAX_PART		(8u * 1024 * 1024)	/* one part, inflated */
#define SHEET_MAX_RATIO		100		/* inflated : compressed */
#define SHEET_RATIO_FROM	65536		/* smaller parts: no bomb */
#define SHEET_MAX_STRINGS	100000		/* shared strings */

static const char MSG_CSV[] = "文件不是有效的CSV：第%zu行引号不配对或引号后有多余字符。";
static const char MSG_ENC[] = "文件编码无法识别：请另存为UTF-8或GB18030（Excel默认）编码的CSV，或XLSX。";
static const char MSG_XLSX[] = "文件不是有效的XLSX表格，请用Excel或WPS重新保存后再导入。";
static const char MSG_BIG[] = "文件过大或解压后过大（可能是压缩炸弹），请分批导入。";
static const char MSG_ROWS[] = "文件行数过多：一次最多导入%d行，请分批导入。";
static const char MSG_CELL[] = "第%zu行有单元格超过200个字符。";

/* Appends an empty row to s; returns it, or NULL when s is full. */
static struct sheet_row *
sheet_row_add(struct pool *p, struct sheet *s)
{
	struct sheet_row	*r;

	if (s->nrows == SHEET_MAX_ROWS + 1)
		return NULL;
	if (s->rows == NULL)
		s->rows = pool_calloc(p, SHEET_MAX_ROWS + 1, sizeof(*s->rows));
	r = &s->rows[s->nrows++];
	r->ncells = 0;
	return r;
}

/* Sets cell col (0-based) of r to the len bytes at v, trimmed. */
static int
sheet_cell_set(struct pool *p, struct sheet_row *r, size_t col,
    const char *v, size_t len)
{
	size_t	 i;

	if (col >= SHEET_MAX_COLS)
		return 0;		/* columns past ours are ignored */
	while (len > 0 && isspace((unsigned char)*v)) {
		v++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)v[len - 1]))
		len--;
	if (len > SHEET_MAX_CELL)
		return -1;
	for (i = r->ncells; i < col; i++)
		r->cells[i] = "";
	r->cells[col] = pool_strndup(p, v, len);
	if (col + 1 > r->ncells)
		r->ncells = col + 1;
	return 0;
}

/* Whether row r has no non-empty cell. */
static int
sheet_row_blank(const struct sheet_row *r)
{
	size_t	 i;

	for (i = 0; i < r->ncells; i++)
		if (*r->cells[i] != '\0')
			return 0;
	return 1;
}

/*
 * The bytes of a CSV as UTF-8 without a BOM: as they are when valid
 * UTF-8, else converted from GB18030 (which any byte string is not:
 * iconv refuses what is not GB18030 either).  NULL when neither.
 */
static char *
sheet_utf8(struct pool *p, const char *b, size_t len, size_t *outlen)
{
	iconv_t	 cd;
	char	*out, *in = (char *)b, *o;
	size_t	 inleft = len, oleft, cap;

	if (len >= 3 && memcmp(b, "\xef\xbb\xbf", 3) == 0) {
		b += 3;
		len -= 3;
	}
	if (valid_utf8(b, len) && memchr(b, '\0', len) == NULL) {
		*outlen = len;
		return pool_strndup(p, b, len);
	}
	if ((cd = iconv_open("UTF-8", "GB18030")) == (iconv_t)-1)
		return NULL;
	cap = len * 2 + 1;		/* GB18030 2 or 4 bytes: UTF-8 3 or 4 */
	out = o = pool_alloc(p, cap);
	oleft = cap - 1;
	in = (char *)b;
	inleft = len;
	if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1 ||
	    iconv(cd, NULL, NULL, &o, &oleft) == (size_t)-1) {
		iconv_close(cd);
		return NULL;
	}
	iconv_close(cd);
	*o = '\0';
	*outlen = (size_t)(o - out);
	if (memchr(out, '\0', *outlen) != NULL)
		return NULL;
	return out;
}

/*
 * Reads one CSV field at *pp (RFC 4180: quoted fields may hold commas,
 * line breaks and doubled quotes) into r's column col.  Returns the
 * character that ended it (',' '\n' or '\0'), or -1 when malformed, -2
 * when the cell is too long.
 */
static int
csv_field(struct pool *p, const char **pp, const char *end,
    struct sheet_row *r, size_t col)
{
	const char	*s = *pp;
	char		*buf;
	size_t		 n = 0;

	if (s < end && *s == '"') {
		buf = pool_alloc(p, (size_t)(end - s) + 1);
		for (s++;; s++) {
			if (s >= end)
				return -1;
			if (*s == '"') {
				if (s + 1 < end && s[1] == '"') {
					buf[n++] = '"';
					s++;
					continue;
				}
				s++;
				break;
			}
			buf[n++] = *s;
		}
		if (s < end && *s == '\r')
			s++;
		if (s < end && *s != ',' && *s != '\n')
			return -1;
	} else {
		buf = (char *)s;
		while (s < end && *s != ',' && *s != '\n') {
			if (*s == '"')
				return -1;
			s++;
		}
		n = (size_t)(s - buf);
		if (n > 0 && buf[n - 1] == '\r')
			n--;
	}
	if (sheet_cell_set(p, r, col, buf, n) == -1)
		return -2;
	*pp = s < end ? s + 1 : s;
	return s < end ? *s : '\0';
}

/* Reads a CSV of len bytes at b into s.  Returns NULL or a message. */
static const char *
sheet_csv(struct pool *p, const char *b, size_t len, struct sheet *s)
{
	struct sheet_row	*r;
	const char		*u, *pos, *end;
	size_t			 ulen, col, line = 1;
	int			 c;

	if ((u = sheet_utf8(p, b, len, &ulen)) == NULL)
		return MSG_ENC;
	pos = u;
	end = u + ulen;
	while (pos < end) {
		if ((r = sheet_row_add(p, s)) == NULL)
			return pool_printf(p, MSG_ROWS, SHEET_MAX_ROWS);
		r->line = line;
		for (col = 0;; col++) {
			c = csv_field(p, &pos, end, r, col);
			if (c == -1)
				return pool_printf(p, MSG_CSV, line);
			if (c == -2)
				return pool_printf(p, MSG_CELL, line);
			if (c != ',')
				break;
		}
		line++;
		if (sheet_row_blank(r))
			s->nrows--;
	}
	return NULL;
}

/*
 * The entry name of x, inflated into a NUL-terminated pool buffer, with
 * its size checked twice: as declared (and against the compressed size)
 * and as really read, so a lying header inflates no further than
 * SHEET_MAX_PART.  NULL with *msg set when missing (msg NULL then, if
 * optional) or too big.
 */
static char *
xlsx_part(struct pool *p, zip_t *z, const char *name, int optional,
    size_t *outlen, const char **msg)
{
	zip_stat_t	 st;
	zip_file_t	*f;
	char		*buf;
	zip_int64_t	 n;
	size_t		 got = 0;

	*msg = MSG_XLSX;
	zip_stat_init(&st);
	if (zip_stat(z, name, 0, &st) == -1) {
		if (optional)
			*msg = NULL;
		return NULL;
	}
	if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
		return NULL;
	if (st.size > SHEET_MAX_PART || (st.size > SHEET_RATIO_FROM &&
	    st.size / (st.comp_size + 1) > SHEET_MAX_RATIO)) {
		*msg = MSG_BIG;
		return NULL;
	}
	if ((f = zip_fopen(z, name, 0)) == NULL)
		return NULL;
	buf = pool_alloc(p, (size_t)st.size + 2);
	while (got <= st.size &&
	    (n = zip_fread(f, buf + got, st.size + 1 - got)) > 0)
		got += (size_t)n;
	zip_fclose(f);
	if (n < 0 || got != st.size)
		return NULL;
	buf[got] = '\0';
	*outlen = got;
	return buf;
}

/*
 * Parses an XML part: no network, and no DTD at all (a spreadsheet part
 * has none; refusing one keeps entity expansion, "billion laughs", out
 * of xmlNodeGetContent).  NULL if malformed.
 */
static xmlDocPtr
xlsx_xml(const char *b, size_t len)
{
	xmlDocPtr	 d;

	d = xmlReadMemory(b, (int)len, NULL, "UTF-8", XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (d != NULL && (d->intSubset != NULL || d->extSubset != NULL ||
	    xmlDocGetRootElement(d) == NULL)) {
		xmlFreeDoc(d);
		return NULL;
	}
	return d;
}

/* The text of an <si> or <is>: its <t> and the <t> of its runs. */
static char *
xlsx_text(struct pool *p, xmlNodePtr si)
{
	xmlNodePtr	 n, t;
	xmlChar		*c;
	char		*s = "";

	for (n = si->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		t = NULL;
		if (xmlStrcmp(n->name, BAD_CAST "t") == 0)
			t = n;
		else if (xmlStrcmp(n->name, BAD_CAST "r") == 0)
			for (t = n->children; t != NULL &&
			    (t->type != XML_ELEMENT_NODE ||
			    xmlStrcmp(t->name, BAD_CAST "t") != 0); t = t->next)
				;
		if (t == NULL)
			continue;
		c = xmlNodeGetContent(t);
		s = pool_printf(p, "%s%s", s, c != NULL ? (char *)c : "");
		xmlFree(c);
	}
	return s;
}

/* Reads xl/sharedStrings.xml (optional) into *strs.  NULL or a message. */
static const char *
xlsx_strings(struct pool *p, zip_t *z, char ***strs, size_t *nstrs)
{
	xmlDocPtr	 d;
	xmlNodePtr	 n;
	const char	*msg;
	char		*b;
	size_t		 len, i = 0;

	*nstrs = 0;
	if ((b = xlsx_part(p, z, "xl/sharedStrings.xml", 1, &len,
	    &msg)) == NULL)
		return msg;
	if ((d = xlsx_xml(b, len)) == NULL)
		return MSG_XLSX;
	for (n = xmlDocGetRootElement(d)->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			i++;
	if (i > SHEET_MAX_STRINGS) {
		xmlFreeDoc(d);
		return MSG_BIG;
	}
	*strs = pool_calloc(p, i + 1, sizeof(**strs));
	for (n = xmlDocGetRootElement(d)->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(n->name, BAD_CAST "si") == 0)
			(*strs)[(*nstrs)++] = xlsx_text(p, n);
	xmlFreeDoc(d);
	return NULL;
}

/* The 0-based column of a cell reference ("C12" -> 2), -1 if none. */
static long
xlsx_col(const xmlChar *ref)
{
	long	 c = 0;
	int	 n = 0;

	if (ref == NULL)
		return -1;
	for (; *ref >= 'A' && *ref <= 'Z' && n < 3; ref++, n++)
		c = c * 26 + (*ref - 'A' + 1);
	return n == 0 || !isdigit(*ref) ? -1 : c - 1;
}

/* A child element of n named name, or NULL. */
static xmlNodePtr
xlsx_child(xmlNodePtr n, const char *name)
{
	for (n = n->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(n->name, BAD_CAST name) == 0)
			return n;
	return NULL;
}

/* The text of cell c: shared, inline, or its value.  NULL if bad. */
static char *
xlsx_value(struct pool *p, xmlNodePtr c, char **strs, size_t nstrs)
{
	xmlChar		*t, *v;
	xmlNodePtr	 vn;
	char		*s = "", *end;
	unsigned long	 k;

	t = xmlGetProp(c, BAD_CAST "t");
	if (t != NULL && xmlStrcmp(t, BAD_CAST "inlineStr") == 0) {
		xmlFree(t);
		return (vn = xlsx_child(c, "is")) != NULL ? xlsx_text(p, vn) : "";
	}
	if ((vn = xlsx_child(c, "v")) != NULL) {
		v = xmlNodeGetContent(vn);
		s = pool_strdup(p, v != NULL ? (char *)v : "");
		xmlFree(v);
	}
	if (t != NULL && xmlStrcmp(t, BAD_CAST "s") == 0) {
		errno = 0;
		k = strtoul(s, &end, 10);
		s = *s == '\0' || *end != '\0' || errno != 0 || k >= nstrs ?
		    NULL : strs[k];
	}
	xmlFree(t);
	return s;
}

/* Reads the rows of a worksheet document into s.  NULL or a message. */
static const char *
xlsx_rows(struct pool *p, xmlDocPtr d, char **strs, size_t nstrs,
    struct sheet *s)
{
	struct sheet_row	*r;
	xmlNodePtr		 data, row, c;
	xmlChar			*ref;
	char			*v;
	long			 col, next;

	if ((data = xlsx_child(xmlDocGetRootElement(d), "sheetData")) == NULL)
		return MSG_XLSX;
	for (row = data->children; row != NULL; row = row->next) {
		if (row->type != XML_ELEMENT_NODE ||
		    xmlStrcmp(row->name, BAD_CAST "row") != 0)
			continue;
		if ((r = sheet_row_add(p, s)) == NULL)
			return pool_printf(p, MSG_ROWS, SHEET_MAX_ROWS);
		ref = xmlGetProp(row, BAD_CAST "r");
		r->line = ref != NULL ? strtoul((char *)ref, NULL, 10) :
		    s->nrows;
		xmlFree(ref);
		next = 0;
		for (c = row->children; c != NULL; c = c->next) {
			if (c->type != XML_ELEMENT_NODE ||
			    xmlStrcmp(c->name, BAD_CAST "c") != 0)
				continue;
			ref = xmlGetProp(c, BAD_CAST "r");
			col = ref != NULL ? xlsx_col(ref) : next;
			xmlFree(ref);
			if (col < 0 || (v = xlsx_value(p, c, strs, nstrs)) ==
			    NULL)
				return MSG_XLSX;
			if (sheet_cell_set(p, r, (size_t)col, v,
			    strlen(v)) == -1)
				return pool_printf(p, MSG_CELL, r->line);
			next = col + 1;
		}
		if (sheet_row_blank(r))
			s->nrows--;
	}
	return NULL;
}

/* Reads an XLSX of len bytes at b into s.  NULL or a message. */
static const char *
sheet_xlsx(struct pool *p, const char *b, size_t len, struct sheet *s)
{
	zip_source_t	*src;
	zip_error_t	 ze;
	zip_t		*z;
	xmlDocPtr	 d;
	const char	*msg;
	char		**strs = NULL, *x;
	size_t		 nstrs, xlen;

	zip_error_init(&ze);
	if ((src = zip_source_buffer_create(b, len, 0, &ze)) == NULL) {
		zip_error_fini(&ze);
		return MSG_XLSX;
	}
	if ((z = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS,
	    &ze)) == NULL) {
		zip_source_free(src);
		zip_error_fini(&ze);
		return MSG_XLSX;
	}
	zip_error_fini(&ze);
	msg = NULL;
	if (zip_get_num_entries(z, 0) > SHEET_MAX_ENTRIES)
		msg = MSG_BIG;
	if (msg == NULL)
		msg = xlsx_strings(p, z, &strs, &nstrs);
	if (msg == NULL && (x = xlsx_part(p, z, "xl/worksheets/sheet1.xml",
	    0, &xlen, &msg)) != NULL) {
		if ((d = xlsx_xml(x, xlen)) == NULL)
			msg = MSG_XLSX;
		else {
			msg = xlsx_rows(p, d, strs, nstrs, s);
			xmlFreeDoc(d);
		}
	}
	zip_discard(z);
	return msg;
}

/*
 * Reads the spreadsheet of len bytes at b (an XLSX by its ZIP signature,
 * else a CSV) into s, blank rows left out, every string in pool p.
 * Returns NULL, or a message in Chinese saying what is wrong.
 */
const char *
sheet_read(struct pool *p, const void *b, size_t len, struct sheet *s)
{
	memset(s, 0, sizeof(*s));
	if (len == 0)
		return "文件是空的。";
	if (len > SHEET_MAX_BYTES)
		return MSG_BIG;
	if (len >= 4 && memcmp(b, "PK\003\004", 4) == 0) {
		s->xlsx = 1;
		return sheet_xlsx(p, b, len, s);
	}
	return sheet_csv(p, b, len, s);
}
