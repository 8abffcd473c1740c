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
 * roster.c: 名册 (seed 002 §1.1.5): 终审通过名册 and 现场审核名册 of the
 * approved applications in the account's subtree (appquery.c's filters,
 * or the rows ticked on the page), as rows for the page, as an A4
 * landscape PDF and as XLSX; and the same rows from a frozen 汇总上报
 * snapshot (report.c) through the same writers.
 *
 * Memory stays bounded whatever the roster's length: rows are read
 * ROSTER_CHUNK at a time after the last one sent (unit code, id), each
 * chunk's strings in a pool of its own dropped after it, and the PDF
 * goes to the client page by page (pdf.c) while the XLSX is written by
 * libxlsxwriter in constant-memory mode to an unlinked temporary file.
 */

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "web.h"
#include "appquery.h"
#include "pdf.h"
#include "roster.h"
#include "xlsx.h"

#define ROSTER_CHUNK	500		/* rows read at a time */

/* A column: the header, mm on paper, characters in the XLSX, flags. */
struct rcol {
	const char	*title;
	double		 mm;
	double		 chars;
	unsigned int	 flags;
	int		 cell;		/* enum rcell shown, -1: blank */
};

/* The columns of each kind (enum roster_kind), ending with a NULL title. */
static const struct rcol rcols[ROSTER__MAX][12] = {
	[ROSTER_FINAL] = {
		{ "序号", 12, 6, PDF_CENTER, RC_N },
		{ "姓名", 24, 10, 0, RC_NAME },
		{ "性别", 10, 5, PDF_CENTER, RC_GENDER },
		{ "身份证号", 42, 21, 0, RC_IDNO },
		{ "单位", 72, 36, 0, RC_UNIT },
		{ "申报工种", 38, 16, 0, RC_WT },
		{ "申报等级", 30, 14, 0, RC_LEVEL },
		{ "申报方式", 28, 18, 0, RC_ROUTE },
		{ "终审通过时间", 21, 12, PDF_CENTER, RC_DECIDED },
		{ NULL, 0, 0, 0, 0 },
	},
	[ROSTER_SITE] = {
		{ "序号", 12, 6, PDF_CENTER, RC_N },
		{ "姓名", 22, 10, 0, RC_NAME },
		{ "性别", 10, 5, PDF_CENTER, RC_GENDER },
		{ "身份证号", 41, 21, 0, RC_IDNO },
		{ "单位", 60, 36, 0, RC_UNIT },
		{ "申报工种", 34, 16, 0, RC_WT },
		{ "申报等级", 28, 14, 0, RC_LEVEL },
		{ "联系电话", 25, 13, 0, RC_PHONE },
		{ "材料审核情况", 26, 14, 0, -1 },
		{ "本人签字", 19, 10, 0, -1 },
		{ NULL, 0, 0, 0, 0 },
	},
	[ROSTER_PASSED] = {
		{ "序号", 12, 6, PDF_CENTER, RC_N },
		{ "姓名", 24, 10, 0, RC_NAME },
		{ "性别", 10, 5, PDF_CENTER, RC_GENDER },
		{ "身份证号", 42, 21, 0, RC_IDNO },
		{ "单位", 72, 36, 0, RC_UNIT },
		{ "考核工种", 38, 16, 0, RC_WT },
		{ "考核等级", 30, 14, 0, RC_LEVEL },
		{ "申报方式", 28, 18, 0, RC_ROUTE },
		{ "成绩公布时间", 21, 12, PDF_CENTER, RC_DECIDED },
		{ NULL, 0, 0, 0, 0 },
	},
};

const char *const roster_keys[] = { "final", "site", NULL };
const char *const roster_titles[ROSTER__MAX] = { "终审通过名册",
    "现场审核名册", "申领汇总名册" };

/* The routes' words for the choices of the roster's fields. */
static const struct {
	const char	*value, *name;
} rwords[] = {
	{ "years", "按工作年限" }, { "certificate", "按岗位等级证书" },
	{ "M", "男" }, { "F", "女" },
};

static const char *
roster_word(const char *v)
{
	size_t	 i;

	for (i = 0; i < sizeof(rwords) / sizeof(rwords[0]); i++)
		if (strcmp(rwords[i].value, v) == 0)
			return rwords[i].name;
	return v;
}

/*
 * The ticked ids of the page as the statements take them ("3,17,42";
 * "" for none: every row of the filters).
 */
const char *
roster_ids(struct req *r, const struct fval *v)
{
	char	*s = "";
	size_t	 i;

	for (i = 0; v != NULL && i < v->neach; i++)
		s = pool_printf(r->pool, "%s%s%lld", s, i ? "," : "",
		    v->each[i].n);
	return s;
}

/* How many rows the roster has (q, ids) into *n; 0 or -1. */
int
roster_count(struct req *r, const struct aquery *q, const char *ids,
    long long *n)
{
	*n = 0;
	if (db_run(r, STMT_RS_COUNT, q->me, q->year, q->state, q->state,
	    q->level, q->level, q->route, q->route, q->wt, q->wt, q->unit,
	    q->unit, q->region, q->region, q->from, q->from, q->to, q->to,
	    q->defer, q->defer, q->name, q->name, q->byid, q->mac,
	    (size_t)MAC_LEN, ids, ids) == -1 ||
	    db_row(r, STMT_RS_COUNT, n) == -1)
		return -1;
	db_done(r, STMT_RS_COUNT);
	return 0;
}

/* The next chunk of the filters' rows after the source's last. */
static int
roster_fetch_live(struct req *r, struct rsrc *src)
{
	const struct aquery	*q = src->q;

	return db_run(r, STMT_RS_ROWS, q->me, q->year, q->state, q->state,
	    q->level, q->level, q->route, q->route, q->wt, q->wt, q->unit,
	    q->unit, q->region, q->region, q->from, q->from, q->to, q->to,
	    q->defer, q->defer, q->name, q->name, q->byid, q->mac,
	    (size_t)MAC_LEN, src->ids, src->ids, src->last_code,
	    src->last_code, src->last_id, src->limit);
}

/*
 * The person's cells of a row of src: the account, the full ID number
 * and the phone, opened here and wiped.
 */
void
roster_person(struct req *r, struct rsrc *src, long long acct,
    const unsigned char *ie, size_t iel, const unsigned char *pe, size_t pel)
{
	char	 plain[32];

	src->cell[RC_ACCT] = pool_printf(r->pool, "%lld", acct);
	src->cell[RC_IDNO] = aq_idno(r, acct, ie, iel, 1);
	if (src->cell[RC_IDNO] == NULL)
		src->cell[RC_IDNO] = "";
	src->cell[RC_PHONE] = "";
	if (pe != NULL && pii_open(r->cfg, PII_PHONE, acct, pe, pel, plain,
	    sizeof(plain)) == 0)
		src->cell[RC_PHONE] = pool_strdup(r->pool, plain);
	OPENSSL_cleanse(plain, sizeof(plain));
}

/*
 * The cells of row w of src, live or from a snapshot: the words of the
 * choices, the level's name and the person's (roster_person).
 */
void
roster_fill(struct req *r, struct rsrc *src, const struct roster_row *w)
{
	src->cell[RC_ID] = pool_printf(r->pool, "%lld", w->id);
	src->cell[RC_NAME] = w->name;
	src->cell[RC_GENDER] = (char *)roster_word(w->gender);
	roster_person(r, src, w->acct, w->ie, w->iel, w->pe, w->pel);
	src->cell[RC_UNIT] = w->unit;
	src->cell[RC_CODE] = w->code;
	src->cell[RC_WT] = w->wt;
	src->cell[RC_LEVEL] = w->level >= 1 && w->level <= 5 ?
	    (char *)xml_level_name((int)w->level) : "";
	src->cell[RC_ROUTE] = (char *)roster_word(w->route);
	src->cell[RC_DECIDED] = w->decided;
}

/* One row of STMT_RS_ROWS into the source's cells; 1, 0 at the end, -1. */
static int
roster_row_live(struct req *r, struct rsrc *src)
{
	struct roster_row	 w;
	int			 k;

	k = db_row(r, STMT_RS_ROWS, &w.id, &w.acct, &w.name, &w.ie, &w.iel,
	    &w.pe, &w.pel, &w.gender, &w.code, &w.unit, &w.wt, &w.level,
	    &w.route, &w.decided);
	if (k != 1)
		return k;
	src->last_id = w.id;
	src->last_code = w.code;
	roster_fill(r, src, &w);
	return 1;
}

/* The live rows of q (and the ticked ids) as a source. */
void
roster_live(struct rsrc *src, const struct aquery *q, const char *ids)
{
	memset(src, 0, sizeof(*src));
	src->q = q;
	src->ids = ids;
	src->last_code = "";
	src->fetch = roster_fetch_live;
	src->row = roster_row_live;
}

/*
 * The source's next row into src->cell (strings in a pool of the
 * chunk, valid until the next call): 1, 0 at the end, -1 on a database
 * failure.  Reads ROSTER_CHUNK rows at a time; the request's pool is
 * the chunk's while a row is read.
 */
int
roster_next(struct req *r, struct rsrc *src)
{
	struct pool	*keep = r->pool;
	int		 k;

	if (src->limit == 0)
		src->limit = ROSTER_CHUNK;
	for (;;) {
		if (!src->open) {
			if (src->done)
				return 0;
			if (src->pool != NULL)
				pool_free(src->pool);
			src->pool = pool_new();
			/* the last code lives in the old chunk's pool */
			src->last_code = pool_strdup(src->pool,
			    src->last_code);
			r->pool = src->pool;
			k = src->fetch(r, src);
			r->pool = keep;
			if (k == -1)
				return -1;
			src->open = 1;
			src->got = 0;
		}
		r->pool = src->pool;
		k = src->row(r, src);
		r->pool = keep;
		if (k == 1) {
			src->got++;
			src->n++;
			src->cell[RC_N] = pool_printf(src->pool, "%lld",
			    src->n);
			return 1;
		}
		src->open = 0;
		if (k == -1)
			return -1;
		if (src->got < src->limit)
			src->done = 1;
	}
}

/* Frees what the source holds (its last chunk). */
void
roster_end(struct rsrc *src)
{
	if (src->pool != NULL)
		pool_free(src->pool);
	src->pool = NULL;
}

/* The cells of the kind's columns from a source row. */
static size_t
roster_cells(enum roster_kind kind, const struct rsrc *src,
    const char **out)
{
	const struct rcol	*c = rcols[kind];
	size_t			 i;

	for (i = 0; c[i].title != NULL; i++)
		out[i] = c[i].cell < 0 ? "" : src->cell[c[i].cell];
	return i;
}

/* The header cells of kind's table. */
static size_t
roster_head(enum roster_kind kind, struct pdf_cell *th)
{
	const struct rcol	*c = rcols[kind];
	size_t			 i;

	for (i = 0; c[i].title != NULL; i++) {
		th[i].text = c[i].title;
		th[i].w = c[i].mm;
		th[i].flags = PDF_SHADE | PDF_BOLD | PDF_SMALL | PDF_CENTER |
		    (c[i].flags & PDF_CENTER);
	}
	return i;
}

/* The time now in Beijing, "YYYY-MM-DD HH:MM". */
static void
roster_now(char *buf, size_t len)
{
	time_t		 t = time(NULL) + 8 * 3600;
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%d %H:%M", &tm);
}

/*
 * Sends the roster of kind from src (n rows, said first) as a PDF:
 * title and the scope's line, then the table, its header on each page,
 * the stamp line in each page's footer.  The headers are sent first;
 * a failure after that cuts the file short (logged).  RC_OK or
 * RC_INTERNAL (nothing sent).
 */
enum rc
roster_pdf(struct req *r, enum roster_kind kind, struct rsrc *src,
    long long n, const struct roster_doc *d)
{
	struct pdf_cell	 th[12];
	const char	*cells[12];
	struct pdf	*p;
	size_t		 nc;
	char		 now[32];
	int		 k;

	roster_now(now, sizeof(now));
	p = pdf_open(PDF_A4_LANDSCAPE, resp_put, r, pool_printf(r->pool,
	    "%lld年度%s", d->year, roster_titles[kind]));
	if (p == NULL)
		return RC_INTERNAL;
	resp_stream(r, "application/pdf", "attachment", d->ascii, d->file);
	pdf_set_header(p, pool_printf(r->pool, "%lld年度%s　%s", d->year,
	    roster_titles[kind], d->scope), pool_printf(r->pool, "共 %lld 人",
	    n));
	pdf_set_footer(p, "单位（盖章）：　　　　　　　　　　　审核人：　　"
	    "　　　　　　　　日期：　　　　年　　月　　日");
	pdf_text(p, pool_printf(r->pool, "河南省机关事业单位工勤技能岗位等级考核"
	    "%s", roster_titles[kind]), PDF_BIG | PDF_CENTER);
	pdf_text(p, pool_printf(r->pool, "%lld年度　单位：%s　人数：%lld　"
	    "%s：%s", d->year, d->scope, n, d->when_label ? d->when_label :
	    "打印时间", d->when ? d->when : now), PDF_SMALL | PDF_CENTER);
	pdf_space(p, 2);
	nc = roster_head(kind, th);
	pdf_table(p, th, nc, 2);
	pdf_set_total(p, pdf_table_pages(p, n));
	while ((k = roster_next(r, src)) == 1) {
		roster_cells(kind, src, cells);
		if (pdf_table_row(p, cells) == -1)
			break;
	}
	if (k == -1)
		pdf_text(p, "（数据库暂时不可用，名册不完整，请稍后重新导出。）",
		    PDF_BOLD);
	pdf_table_end(p);
	if (pdf_close(p) == -1 || k == -1)
		log_warnx("roster: the PDF was cut short");
	roster_end(src);
	return RC_OK;
}

/*
 * Sends the roster of kind from src as XLSX (written first to an
 * unlinked temporary file, then sent with its length).  RC_OK,
 * RC_DB or RC_INTERNAL (nothing sent).
 */
enum rc
roster_xlsx(struct req *r, enum roster_kind kind, struct rsrc *src,
    const struct roster_doc *d)
{
	struct xlsx_col	 cols[12];
	const char	*cells[12];
	const struct rcol *c = rcols[kind];
	struct xlsx	*x;
	size_t		 nc;
	off_t		 size;
	int		 fd, k;

	for (nc = 0; c[nc].title != NULL; nc++) {
		cols[nc].title = c[nc].title;
		cols[nc].width = c[nc].chars;
		cols[nc].kind = nc == 0 ? XC_NUM : XC_TEXT;
	}
	if ((x = xlsx_open(NULL)) == NULL ||
	    xlsx_sheet(x, roster_titles[kind], cols, nc) == -1) {
		xlsx_free(x);
		return RC_INTERNAL;
	}
	while ((k = roster_next(r, src)) == 1) {
		roster_cells(kind, src, cells);
		if (xlsx_row(x, cells) == -1)
			break;
	}
	roster_end(src);
	if (k != 0 || xlsx_finish(x, &fd, &size) == -1) {
		xlsx_free(x);
		return k == -1 ? RC_DB : RC_INTERNAL;
	}
	xlsx_free(x);
	if (resp_download(r, XLSX_CTYPE, d->xascii, d->xfile, fd,
	    (long long)size) == -1)
		log_warnx("roster: the XLSX was cut short");
	close(fd);
	return RC_OK;
}
