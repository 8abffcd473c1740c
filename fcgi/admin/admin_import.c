/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* admin_import.c: gkbm-admin import-reference (TSV), import-qualified (CSV) */

#include <sys/types.h>

#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mysql.h>
#include <openssl/crypto.h>

#include "gkbm.h"
#include "admin.h"

#define MAX_ERRORS	20		/* import errors shown, at most */
#define MAX_COLS	9		/* columns of the widest TSV file */

/* How a column of a reference file is checked. */
enum ctype {
	CT_TEXT,	/* any text of min..max characters */
	CT_CODE,	/* [A-Za-z0-9], min..max */
	CT_DIGITS,	/* [0-9], min..max */
	CT_LOWER,	/* [a-z], min..max */
	CT_FLAG,	/* 0 or 1 */
	CT_RANK,	/* 0..99 */
	CT_ENUM,	/* one of values */
	CT_LIST		/* codes separated by ",", each [A-Za-z0-9]{1,max} */
};

#define COL_BIND	1	/* a parameter of the upsert */
#define COL_NULL	2	/* empty binds SQL NULL */

struct refcol {
	const char		*name;
	enum ctype		 type;
	size_t			 min, max;
	const char *const	*values;	/* CT_ENUM */
	int			 flags;
};

struct reffile {
	const char		*file;
	enum stmt		 stmt;
	const struct refcol	*cols;
	size_t			 ncols;
};

/* The rows of one reference file, fields pointing into lines. */
struct refrows {
	char		**lines;
	size_t		 *lineno;
	char		*(*f)[MAX_COLS];
	size_t		  n;
};

static const char *const region_kinds[] = {
	"province", "city", "county", "direct_county", "zone", NULL
};
static const char *const wt_status[] = {
	"current", "merged", "cancelled", NULL
};

static const struct refcol region_cols[] = {
	{ "code",		CT_DIGITS, 6, 6,   NULL, COL_BIND },
	{ "name",		CT_TEXT,   1, 50,  NULL, COL_BIND },
	{ "parent_code",	CT_DIGITS, 0, 6,   NULL, COL_BIND | COL_NULL },
	{ "kind",		CT_ENUM,   0, 0,   region_kinds, COL_BIND },
	{ "division_type",	CT_TEXT,   0, 20,  NULL, COL_BIND },
	{ "direct_county",	CT_FLAG,   0, 0,   NULL, COL_BIND },
	{ "note",		CT_TEXT,   0, 200, NULL, COL_BIND },
};
static const struct refcol worktype_cols[] = {
	{ "code",		CT_CODE,   1, 8,   NULL, COL_BIND },
	{ "name",		CT_TEXT,   1, 50,  NULL, COL_BIND },
	{ "pinyin_initials",	CT_LOWER,  1, 32,  NULL, COL_BIND },
	{ "category",		CT_TEXT,   0, 50,  NULL, COL_BIND },
	{ "status",		CT_ENUM,   0, 0,   wt_status, COL_BIND },
	{ "maps_to",		CT_LIST,   0, 8,   NULL, 0 },
	{ "level1_open",	CT_FLAG,   0, 0,   NULL, COL_BIND },
	{ "source",		CT_TEXT,   0, 20,  NULL, COL_BIND },
	{ "source_ref",		CT_TEXT,   0, 200, NULL, COL_BIND },
};
static const struct refcol education_cols[] = {
	{ "code",		CT_DIGITS, 2, 2,   NULL, COL_BIND },
	{ "name",		CT_TEXT,   1, 20,  NULL, COL_BIND },
	{ "full_name",		CT_TEXT,   1, 50,  NULL, COL_BIND },
	{ "rank",		CT_RANK,   0, 0,   NULL, COL_BIND },
	{ "note",		CT_TEXT,   0, 200, NULL, COL_BIND },
};
static const struct refcol appraisal_cols[] = {
	{ "code",		CT_CODE,   1, 8,   NULL, COL_BIND },
	{ "name",		CT_TEXT,   1, 20,  NULL, COL_BIND },
	{ "alt_name",		CT_TEXT,   1, 20,  NULL, COL_BIND },
	{ "rank",		CT_RANK,   0, 0,   NULL, COL_BIND },
	{ "counts_as_pass",	CT_FLAG,   0, 0,   NULL, COL_BIND },
	{ "note",		CT_TEXT,   0, 200, NULL, COL_BIND },
};

#define NCOLS(a)	(sizeof(a) / sizeof((a)[0]))

enum ref { REF_REGIONS, REF_WORKTYPES, REF_EDUCATION, REF_APPRAISAL, REF__MAX };

static const struct reffile reffiles[REF__MAX] = {
	/* REF_REGIONS */
	{ "regions.tsv", STMT_ADM_REGION_UPSERT, region_cols,
	    NCOLS(region_cols) },
	/* REF_WORKTYPES */
	{ "worktypes.tsv", STMT_ADM_WORKTYPE_UPSERT, worktype_cols,
	    NCOLS(worktype_cols) },
	/* REF_EDUCATION */
	{ "education.tsv", STMT_ADM_EDUCATION_UPSERT, education_cols,
	    NCOLS(education_cols) },
	/* REF_APPRAISAL */
	{ "appraisal.tsv", STMT_ADM_APPRAISAL_UPSERT, appraisal_cols,
	    NCOLS(appraisal_cols) },
};

static size_t	 ref_nerrors;

/* Prints "file:line: message" and counts it. */
static void __attribute__((format(printf, 3, 4)))
ref_error(const char *file, size_t line, const char *fmt, ...)
{
	va_list	 ap;

	if (++ref_nerrors > MAX_ERRORS)
		return;
	fprintf(stderr, "gkbm-admin: %s:%zu: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Returns 1 if every byte of s satisfies the class of type, else 0. */
static int
chars_ok(const char *s, enum ctype type)
{
	for (; *s != '\0'; s++) {
		if (type == CT_CODE && !isalnum((unsigned char)*s))
			return 0;
		if (type == CT_DIGITS && !isdigit((unsigned char)*s))
			return 0;
		if (type == CT_LOWER && !islower((unsigned char)*s))
			return 0;
	}
	return 1;
}

/*
 * Checks field v against column c; prints what is wrong with
 * file:line.  Returns 0, or -1.
 */
static int
ref_check(const char *file, size_t line, const struct refcol *c,
    const char *v)
{
	long		 n = text_chars(v);
	long long	 num;
	const char	*p, *q;
	char		 code[16];

	if (n == -1) {
		ref_error(file, line, "%s: not UTF-8 text", c->name);
		return -1;
	}
	switch (c->type) {
	case CT_TEXT:
	case CT_CODE:
	case CT_DIGITS:
	case CT_LOWER:
		if ((c->flags & COL_NULL) && n == 0)
			return 0;
		if ((size_t)n < c->min || (size_t)n > c->max ||
		    !chars_ok(v, c->type)) {
			ref_error(file, line, "%s: \"%s\" is not %s of %zu to "
			    "%zu characters", c->name, v,
			    c->type == CT_TEXT ? "text" :
			    c->type == CT_CODE ? "a code" :
			    c->type == CT_DIGITS ? "digits" :
			    "lower-case letters", c->min, c->max);
			return -1;
		}
		return 0;
	case CT_FLAG:
		if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
			ref_error(file, line, "%s: \"%s\" is not 0 or 1",
			    c->name, v);
			return -1;
		}
		return 0;
	case CT_RANK:
		if (num_parse(v, 0, 99, &num) == -1) {
			ref_error(file, line, "%s: \"%s\" is not a number "
			    "from 0 to 99", c->name, v);
			return -1;
		}
		return 0;
	case CT_ENUM:
		if (!admin_in_list(v, c->values)) {
			ref_error(file, line, "%s: \"%s\" is not one of the "
			    "known values", c->name, v);
			return -1;
		}
		return 0;
	case CT_LIST:
		for (p = v; *p != '\0'; p = *q == ',' ? q + 1 : q) {
			q = p + strcspn(p, ",");
			if (q == p || (size_t)(q - p) > c->max ||
			    (snprintf(code, sizeof(code), "%.*s",
			    (int)(q - p), p), !chars_ok(code, CT_CODE)) ||
			    (*q == ',' && q[1] == '\0')) {
				ref_error(file, line, "%s: \"%s\" is not a "
				    "list of codes separated by ,", c->name,
				    v);
				return -1;
			}
		}
		return 0;
	}
	return 0;
}

/*
 * Splits a copy of line at tabs into cell (cell[0] owns the copy).
 * Returns the number of cells; *more is set when there are more than
 * MAX_COLS + 1.
 */
static size_t
ref_split(const char *line, char *cell[MAX_COLS + 1], int *more)
{
	char	*p = xstrdup(line);
	size_t	 nc = 0;

	*more = 0;
	for (;;) {
		cell[nc++] = p;
		if ((p = strchr(p, '\t')) == NULL)
			return nc;
		*p++ = '\0';
		if (nc > MAX_COLS) {
			*more = 1;
			return nc;
		}
	}
}

/* Checks the header line's cells against the column names; frees them. */
static void
ref_header(const struct reffile *rf, char **cell)
{
	size_t	 i;

	for (i = 0; i < rf->ncols; i++)
		if (strcmp(cell[i], rf->cols[i].name) != 0)
			ref_error(rf->file, 1, "column %zu of the header is "
			    "\"%s\", expected \"%s\"", i + 1, cell[i],
			    rf->cols[i].name);
	free(cell[0]);
}

/*
 * Checks the cells of line lineno and adds them to rows, which takes
 * cell[0] (errors are counted, the row is kept for their report).
 */
static void
ref_add(const struct reffile *rf, struct refrows *rows, size_t lineno,
    char **cell)
{
	size_t	 i, j;

	for (i = 0; i < rf->ncols; i++)
		(void)ref_check(rf->file, lineno, &rf->cols[i], cell[i]);
	for (j = 0; j < rows->n; j++)
		if (strcmp(rows->f[j][0], cell[0]) == 0)
			ref_error(rf->file, lineno, "%s %s already on line "
			    "%zu", rf->cols[0].name, cell[0],
			    rows->lineno[j]);
	rows->lines = xreallocarray(rows->lines, rows->n + 1,
	    sizeof(*rows->lines));
	rows->lineno = xreallocarray(rows->lineno, rows->n + 1,
	    sizeof(*rows->lineno));
	rows->f = xreallocarray(rows->f, rows->n + 1, sizeof(*rows->f));
	rows->lines[rows->n] = cell[0];
	rows->lineno[rows->n] = lineno;
	for (i = 0; i < MAX_COLS; i++)
		rows->f[rows->n][i] = i < rf->ncols ? cell[i] : NULL;
	rows->n++;
}

/*
 * Reads dir/rf->file into rows: checks the header, the number of
 * columns of every row, each field and that the first column (the code)
 * is unique.  Problems are printed and counted in ref_nerrors.  Returns
 * 0 if the file was read (maybe with errors), -1 if it could not be.
 */
static int
ref_load(const char *dir, const struct reffile *rf, struct refrows *rows)
{
	FILE		*fp;
	char		*path, *line = NULL, *cell[MAX_COLS + 1];
	size_t		 sz = 0, lineno = 0, nc;
	ssize_t		 n;
	int		 more;

	memset(rows, 0, sizeof(*rows));
	xasprintf(&path, "%s/%s", dir, rf->file);
	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		free(path);
		return -1;
	}
	free(path);
	while ((n = getline(&line, &sz, fp)) != -1) {
		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if ((size_t)n != strlen(line)) {
			ref_error(rf->file, lineno, "NUL byte in the line");
			continue;
		}
		nc = ref_split(line, cell, &more);
		if (more || nc != rf->ncols) {
			ref_error(rf->file, lineno, "%s%zu columns, expected "
			    "%zu", more ? "more than " : "",
			    more ? (size_t)MAX_COLS : nc, rf->ncols);
			free(cell[0]);
			if (lineno == 1)
				break;
			continue;
		}
		if (lineno == 1)
			ref_header(rf, cell);
		else
			ref_add(rf, rows, lineno, cell);
	}
	if (ferror(fp))
		ref_error(rf->file, lineno, "read error: %s",
		    strerror(errno));
	if (lineno == 0)
		ref_error(rf->file, 1, "empty file, expected a header");
	fclose(fp);
	free(line);
	return 0;
}

/* Frees what ref_load allocated. */
static void
ref_free(struct refrows *rows)
{
	size_t	 i;

	for (i = 0; i < rows->n; i++)
		free(rows->lines[i]);
	free(rows->lines);
	free(rows->lineno);
	free(rows->f);
	memset(rows, 0, sizeof(*rows));
}

/* Returns the row of rows whose code (first column) is code, or -1. */
static long
ref_find(const struct refrows *rows, const char *code)
{
	size_t	 i;

	for (i = 0; i < rows->n; i++)
		if (strcmp(rows->f[i][0], code) == 0)
			return (long)i;
	return -1;
}

/*
 * Checks what crosses rows: a region's parent is a region of the file
 * (blank only for the province); a merged work type maps to work types
 * of the file and only merged ones map.  Errors are printed and counted.
 */
static void
ref_cross(const struct refrows *reg, const struct refrows *wt)
{
	const char	*p, *q;
	char		 code[16];
	size_t		 i;

	for (i = 0; i < reg->n; i++) {
		p = reg->f[i][2];
		if (*p == '\0' && strcmp(reg->f[i][3], "province") != 0)
			ref_error("regions.tsv", reg->lineno[i], "parent_code "
			    "is blank but kind is not province");
		else if (*p != '\0' && (ref_find(reg, p) == -1 ||
		    strcmp(p, reg->f[i][0]) == 0))
			ref_error("regions.tsv", reg->lineno[i], "parent_code "
			    "%s is not another region of the file", p);
	}
	for (i = 0; i < wt->n; i++) {
		p = wt->f[i][5];
		if ((*p != '\0') != (strcmp(wt->f[i][4], "merged") == 0)) {
			ref_error("worktypes.tsv", wt->lineno[i], "maps_to "
			    "must be given for merged rows and only for them");
			continue;
		}
		for (; *p != '\0'; p = *q == ',' ? q + 1 : q) {
			q = p + strcspn(p, ",");
			snprintf(code, sizeof(code), "%.*s", (int)(q - p), p);
			if (ref_find(wt, code) == -1 ||
			    strcmp(code, wt->f[i][0]) == 0)
				ref_error("worktypes.tsv", wt->lineno[i],
				    "maps_to %s is not another work type of "
				    "the file", code);
		}
	}
}

/*
 * Upserts the rows of one file with its statement, binding the
 * COL_BIND columns in order.  Adds to *changed the rows inserted or
 * changed.  Returns 0, or -1 (printed with file:line).
 */
static int
ref_store(const struct reffile *rf, const struct refrows *rows,
    size_t *changed)
{
	const char	*v[MAX_COLS];
	size_t		 i, j, nb;
	long long	 r;

	memset(v, 0, sizeof(v));
	for (i = 0; i < rows->n; i++) {
		for (j = 0, nb = 0; j < rf->ncols; j++) {
			if (!(rf->cols[j].flags & COL_BIND))
				continue;
			v[nb] = rows->f[i][j];
			if ((rf->cols[j].flags & COL_NULL) && *v[nb] == '\0')
				v[nb] = NULL;
			nb++;
		}
		/* The statement reads as many as it declares. */
		if (nb != strlen(db_stmt_params(rf->stmt)) || nb > 8)
			fatalx("%s: %zu columns", __func__, nb);
		r = dbh_run(&adb, rf->stmt, v[0], v[1], v[2], v[3], v[4],
		    v[5], v[6], v[7]);
		if (r == -1) {
			warnx("%s:%zu: not stored", rf->file,
			    rows->lineno[i]);
			return -1;
		}
		if (r > 0)
			(*changed)++;
	}
	return 0;
}

/*
 * Brings worktype_map in line with the maps_to column: drops pairs the
 * file no longer has, adds the new ones.  Adds to *changed the pairs
 * added or dropped and to *total the pairs of the file.  Returns 0, or
 * -1 (printed).
 */
static int
ref_store_map(const struct refrows *wt, size_t *changed, size_t *total)
{
	const char	*p, *q;
	char		 code[16];
	size_t		 i;
	long long	 r;

	for (i = 0; i < wt->n; i++) {
		if ((r = dbh_run(&adb, STMT_ADM_WTMAP_PRUNE, wt->f[i][0],
		    wt->f[i][5])) == -1)
			return -1;
		*changed += r;
		for (p = wt->f[i][5]; *p != '\0'; p = *q == ',' ? q + 1 : q) {
			q = p + strcspn(p, ",");
			snprintf(code, sizeof(code), "%.*s", (int)(q - p), p);
			if ((r = dbh_run(&adb, STMT_ADM_WTMAP_INSERT,
			    wt->f[i][0], code)) == -1) {
				warnx("worktypes.tsv:%zu: maps_to %s not "
				    "stored", wt->lineno[i], code);
				return -1;
			}
			*changed += r;
			(*total)++;
		}
	}
	return 0;
}

/*
 * import-reference: reads and checks all four files first, then stores
 * them in one transaction, so a bad file changes nothing.  Returns 0, or
 * -1 (printed).
 */
int
cmd_import(char **argv, const struct opts *o)
{
	struct refrows	 rows[REF__MAX];
	const char	*dir;
	size_t		 changed = 0, nmap = 0, i;
	int		 rc = -1;

	(void)argv;
	dir = o->data_dir != NULL ? o->data_dir : cfg.data_dir;
	memset(rows, 0, sizeof(rows));
	ref_nerrors = 0;
	for (i = 0; i < REF__MAX; i++)
		if (ref_load(dir, &reffiles[i], &rows[i]) == -1)
			goto out;
	ref_cross(&rows[REF_REGIONS], &rows[REF_WORKTYPES]);
	if (ref_nerrors > 0) {
		if (ref_nerrors > MAX_ERRORS)
			warnx("... %zu errors in all", ref_nerrors);
		warnx("nothing imported");
		goto out;
	}

	if (tx_begin() == -1)
		goto out;
	for (i = 0; i < REF__MAX; i++)
		if (ref_store(&reffiles[i], &rows[i], &changed) == -1)
			goto out;
	if (ref_store_map(&rows[REF_WORKTYPES], &changed, &nmap) == -1 ||
	    (changed > 0 && admin_audit("reference.import", dir) == -1) ||
	    tx_commit() == -1)
		goto out;
	printf("imported %zu regions, %zu work types (%zu mappings), "
	    "%zu education levels, %zu appraisal grades; %zu rows changed\n",
	    rows[REF_REGIONS].n, rows[REF_WORKTYPES].n, nmap,
	    rows[REF_EDUCATION].n, rows[REF_APPRAISAL].n, changed);
	rc = 0;
out:
	for (i = 0; i < REF__MAX; i++)
		ref_free(&rows[i]);
	return rc;
}

/*
 * The qualified library (合格库): a CSV file in UTF-8 (a BOM is allowed,
 * CRLF or LF line ends), header idno,worktype,level,year, one
 * certificate per row.  Fields may be double-quoted ("" inside quotes
 * is a quote); spaces around a field are ignored; blank lines are
 * skipped.
 */
#define QUAL_HEADER	"idno,worktype,level,year"
#define QUAL_COLS	4
#define QUAL_MINYEAR	1990		/* the first certificates recorded */

/* A work type of the catalogue (any status): code and exact name. */
struct wtype {
	char		 code[16];
	char		 name[256];
};

/* One row of a qualified library file. */
struct qrow {
	size_t		 line;
	char		 norm[19];	/* the ID number, upper-case X */
	char		 code[16];	/* the work type's code */
	int		 level;
	int		 year;
	char		*err;		/* why it is refused, or NULL */
};

/*
 * Reads the work-type catalogue into *wts (the caller frees it).
 * Returns the number of work types, or -1 (printed).
 */
static long
wt_load(struct wtype **wts)
{
	struct wtype	 w;
	char		*code, *name;
	size_t		 n = 0;
	int		 rc;

	*wts = NULL;
	if (dbh_run(&adb, STMT_ADM_WORKTYPE_LIST) == -1)
		return -1;
	while ((rc = dbh_row(&adb, STMT_ADM_WORKTYPE_LIST, &code,
	    &name)) == 1) {
		snprintf(w.code, sizeof(w.code), "%s", code);
		snprintf(w.name, sizeof(w.name), "%s", name);
		*wts = xreallocarray(*wts, n + 1, sizeof(**wts));
		(*wts)[n++] = w;
	}
	return rc == -1 ? -1 : (long)n;
}

/* Returns the code of the work type whose code or exact name is s. */
static const char *
import_wt_find(const struct wtype *wts, size_t n, const char *s)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(wts[i].code, s) == 0)
			return wts[i].code;
	for (i = 0; i < n; i++)
		if (strcmp(wts[i].name, s) == 0)
			return wts[i].code;
	return NULL;
}

/*
 * Splits a CSV line in place into at most max cells (RFC 4180 quoting
 * within the line; spaces around a cell trimmed).  Returns the number
 * of cells (max + 1 when there are more), or -1 when a quote is not
 * closed or is followed by something other than a comma.
 */
static int
csv_split(char *line, char **cell, int max)
{
	char	*p = line, *out, *end;
	int	 n = 0;

	for (;;) {
		while (*p == ' ')
			p++;
		out = p;
		if (n < max)
			cell[n] = out;
		n++;
		if (*p == '"') {
			for (p++; ; p++) {
				if (*p == '\0')
					return -1;
				if (*p == '"' && p[1] == '"')
					p++;
				else if (*p == '"')
					break;
				*out++ = *p;
			}
			for (p++; *p == ' '; p++)
				continue;
			if (*p != ',' && *p != '\0')
				return -1;
			end = out;
		} else {
			while (*p != ',' && *p != '\0')
				p++;
			for (end = p; end > out && end[-1] == ' '; end--)
				continue;
			out = end;
		}
		if (*p == '\0') {
			*end = '\0';
			break;
		}
		p++;
		*end = '\0';
	}
	return n > max ? max + 1 : n;
}

/* Sets the refusal of row r (the first one counts). */
static void __attribute__((format(printf, 2, 3)))
qrow_refuse(struct qrow *r, const char *fmt, ...)
{
	va_list	 ap;

	if (r->err != NULL)
		return;
	va_start(ap, fmt);
	if (vasprintf(&r->err, fmt, ap) == -1)
		fatalx("vasprintf: out of memory");
	va_end(ap);
}

/*
 * Checks the four cells of a row into r: the ID number (GB 11643, check
 * digit included), a known work type (by code or exact name, current or
 * old), level 1 to 5, year QUAL_MINYEAR to maxyear.  The ID number is
 * never printed: the line number identifies the row.
 */
static void
qrow_check(struct qrow *r, char **cell, const struct wtype *wts, size_t nwt,
    long long maxyear)
{
	struct idno	 id;
	enum idno_err	 e;
	const char	*code;
	long long	 v;

	if ((e = idno_parse(cell[0], &id)) != IDNO_OK)
		qrow_refuse(r, "idno: %s", idno_strerror(e));
	else
		memcpy(r->norm, id.norm, sizeof(r->norm));
	if (*cell[1] == '\0')
		qrow_refuse(r, "worktype: empty");
	else if ((code = import_wt_find(wts, nwt, cell[1])) == NULL)
		qrow_refuse(r, "worktype \"%s\": not a code or name of the "
		    "work-type catalogue", cell[1]);
	else
		snprintf(r->code, sizeof(r->code), "%s", code);
	if (num_parse(cell[2], 1, 5, &v) == -1)
		qrow_refuse(r, "level \"%s\": expected 1 to 5", cell[2]);
	else
		r->level = (int)v;
	if (num_parse(cell[3], 0, 9999, &v) == -1 || v < QUAL_MINYEAR)
		qrow_refuse(r, "year \"%s\": expected %d to %lld", cell[3],
		    QUAL_MINYEAR, maxyear);
	else if (v > maxyear)
		qrow_refuse(r, "year %lld is in the future (this is %lld)", v,
		    maxyear);
	else
		r->year = (int)v;
}

/*
 * Reads and checks the file path into *rows (the caller frees them and
 * their err).  Problems that are not a row's (the header, an unreadable
 * file) are printed and counted in ref_nerrors.  Returns the number of
 * rows, or -1 if the file cannot be opened.
 */
static long
qual_read(const char *path, const struct wtype *wts, size_t nwt,
    long long maxyear, struct qrow **rows)
{
	FILE		*fp;
	struct qrow	*r;
	char		*line = NULL, *p, *cell[QUAL_COLS];
	size_t		 sz = 0, lineno = 0, n = 0;
	ssize_t		 len;
	int		 nc, header = 0;

	*rows = NULL;
	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return -1;
	}
	while ((len = getline(&line, &sz, fp)) != -1) {
		lineno++;
		p = line;
		if (lineno == 1 && len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
			p += 3;
			len -= 3;
		}
		if (len > 0 && p[len - 1] == '\n')
			p[--len] = '\0';
		if (len > 0 && p[len - 1] == '\r')
			p[--len] = '\0';
		if (!header) {
			header = 1;
			nc = csv_split(p, cell, QUAL_COLS);
			if (nc != QUAL_COLS || strcmp(cell[0], "idno") != 0 ||
			    strcmp(cell[1], "worktype") != 0 ||
			    strcmp(cell[2], "level") != 0 ||
			    strcmp(cell[3], "year") != 0)
				ref_error(path, lineno, "the header must be "
				    "%s", QUAL_HEADER);
			continue;
		}
		if (p[strspn(p, " ")] == '\0' && (size_t)len == strlen(p))
			continue;	/* a blank line */
		*rows = xreallocarray(*rows, n + 1, sizeof(**rows));
		r = &(*rows)[n++];
		memset(r, 0, sizeof(*r));
		r->line = lineno;
		if ((size_t)len != strlen(p))
			qrow_refuse(r, "NUL byte in the line");
		else if (text_chars(p) == -1)
			qrow_refuse(r, "not UTF-8 text (or a control "
			    "character)");
		else if ((nc = csv_split(p, cell, QUAL_COLS)) == -1)
			qrow_refuse(r, "a quoted field is not closed");
		else if (nc != QUAL_COLS)
			qrow_refuse(r, "%s%d column%s, expected %d (%s)",
			    nc > QUAL_COLS ? "more than " : "",
			    nc > QUAL_COLS ? QUAL_COLS : nc,
			    nc == 1 ? "" : "s", QUAL_COLS, QUAL_HEADER);
		else
			qrow_check(r, cell, wts, nwt, maxyear);
	}
	if (ferror(fp))
		ref_error(path, lineno, "read error: %s", strerror(errno));
	if (!header)
		ref_error(path, 1, "empty file, expected the header %s",
		    QUAL_HEADER);
	fclose(fp);
	free(line);
	return (long)n;
}

/* qsort comparison: by ID number, work type, level, then line. */
static int
qrow_cmp(const void *a, const void *b)
{
	const struct qrow	*x = *(const struct qrow *const *)a;
	const struct qrow	*y = *(const struct qrow *const *)b;
	int			 c;

	if ((c = strcmp(x->norm, y->norm)) != 0 ||
	    (c = strcmp(x->code, y->code)) != 0)
		return c;
	if (x->level != y->level)
		return x->level < y->level ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/*
 * Refuses every good row whose certificate (ID number, work type,
 * level: the table's unique key) an earlier good row of the file has.
 */
static void
qual_dups(struct qrow *rows, size_t n)
{
	struct qrow	**ix;
	size_t		  i, m = 0, first = 0;

	ix = xcalloc(n > 0 ? n : 1, sizeof(*ix));
	for (i = 0; i < n; i++)
		if (rows[i].err == NULL)
			ix[m++] = &rows[i];
	if (m > 1)
		qsort(ix, m, sizeof(*ix), qrow_cmp);
	for (i = 1; i < m; i++) {
		if (strcmp(ix[i]->norm, ix[first]->norm) != 0 ||
		    strcmp(ix[i]->code, ix[first]->code) != 0 ||
		    ix[i]->level != ix[first]->level) {
			first = i;
			continue;
		}
		qrow_refuse(ix[i], "the same certificate (ID number, work "
		    "type, level) as line %zu", ix[first]->line);
	}
	free(ix);
}

/*
 * Upserts the good rows inside the caller's transaction, adding to
 * added and changed (an unchanged row adds to neither).  Returns 0, or
 * -1 (printed).
 */
static int
qual_store(const char *path, const struct qrow *rows, size_t n,
    long long *added, long long *changed)
{
	unsigned char	 mac[MAC_LEN];
	size_t		 i;
	long long	 r;

	for (i = 0; i < n; i++) {
		if (rows[i].err != NULL)
			continue;
		pii_mac(&cfg, "idno", rows[i].norm, mac);
		r = dbh_run(&adb, STMT_ADM_QUALIFIED_UPSERT, mac,
		    (size_t)MAC_LEN, rows[i].code, (long long)rows[i].level,
		    (long long)rows[i].year);
		OPENSSL_cleanse(mac, sizeof(mac));
		if (r == -1) {
			warnx("%s:%zu: not stored", path, rows[i].line);
			return -1;
		}
		if (r == 1)
			(*added)++;
		else if (r == 2)
			(*changed)++;
	}
	return 0;
}

/*
 * import-qualified: reads and checks every row of the file first (each
 * refusal printed as FILE:LINE: reason), then stores in one transaction
 * keyed by the ID number's lookup value (pii_mac "idno", as registration
 * computes it), work type and level; the year of a certificate already
 * there is updated, so importing the same file again changes nothing.
 * All or nothing: one refused row and nothing is stored, unless
 * --skip-bad asks to store the good rows (the refused are still listed).
 * Returns 0, or -1 (printed).
 */
int
cmd_qualified(char **argv, const struct opts *o)
{
	struct wtype	*wts = NULL;
	struct qrow	*rows = NULL;
	const char	*path = argv[0], *base;
	char		 obj[64];
	long long	 maxyear, added = 0, changed = 0;
	long		 nwt, n = 0, i;
	size_t		 bad = 0;
	time_t		 now;
	struct tm	 tm;
	int		 rc = -1;

	now = time(NULL) + 8 * 3600;	/* Beijing time, whatever TZ is */
	gmtime_r(&now, &tm);
	maxyear = tm.tm_year + 1900;
	ref_nerrors = 0;
	if ((nwt = wt_load(&wts)) == -1 ||
	    (n = qual_read(path, wts, (size_t)nwt, maxyear, &rows)) == -1)
		goto out;
	qual_dups(rows, (size_t)n);
	for (i = 0; i < n; i++)
		if (rows[i].err != NULL) {
			ref_error(path, rows[i].line, "%s", rows[i].err);
			bad++;
		}
	if (ref_nerrors > MAX_ERRORS)
		warnx("... %zu errors in all", ref_nerrors);
	if (ref_nerrors > bad || (bad > 0 && !o->skip_bad)) {
		warnx("%zu of %ld rows refused; nothing imported%s", bad, n,
		    ref_nerrors > bad ? "" : " (correct them, or use "
		    "--skip-bad to import the others)");
		goto out;
	}
	base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	snprintf(obj, sizeof(obj), "qualified:%.50s", base);
	if (tx_begin() == -1 ||
	    qual_store(path, rows, (size_t)n, &added, &changed) == -1 ||
	    admin_audit("qualified.import", obj) == -1 || tx_commit() == -1)
		goto out;
	printf("imported %ld qualified records from %s: %lld new, %lld "
	    "changed, %lld unchanged", n - (long)bad, base, added, changed,
	    n - (long)bad - added - changed);
	if (bad > 0)
		printf("; %zu rows refused and skipped", bad);
	printf("\n");
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(rows[i].err);
	free(rows);
	free(wts);
	return rc;
}
