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
 * ticketlist.c: 准考证查询 (seed 002 §1.2.1 "查看及打印本单位报考人员准考
 * 证"): the tickets of the current year in the subtree of the admin's
 * unit (db.c TK_WHERE: SCOPE and the filters), a page of rows (ID
 * numbers masked: many people side by side), and one PDF of the
 * filtered tickets, one ticket a page, each with the person's full ID
 * number (a ticket is one person's document, handed to him; the proctor
 * compares it with his ID card).
 *
 * The PDF is read TKLIST_CHUNK rows at a time after the last ticket
 * number sent, each chunk's strings and photos in a pool of its own
 * dropped after it, and goes to the client as each page ends (pdf.c):
 * a unit's thousand tickets never sit in memory.
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "web.h"
#include "appquery.h"
#include "exam.h"
#include "pdf.h"
#include "ticket.h"

#define TKLIST_PAGE	20		/* rows on the page */
#define TKLIST_CHUNK	100		/* tickets read at a time for the PDF */

/* Runs STMT_TK_LIST for q: after ticket number after, limit, offset. */
static int
tklist_run(struct req *r, const struct tkquery *q, const char *after,
    long long limit, long long offset)
{
	return db_run(r, STMT_TK_LIST, q->me, q->year, q->name, q->name,
	    q->byid, q->mac, (size_t)MAC_LEN, q->ticket, q->ticket, q->wt,
	    q->wt, q->level, q->level, q->app, q->app, after, limit, offset);
}

/* The number of tickets q finds into *n; 0 or -1. */
int
tklist_count(struct req *r, const struct tkquery *q, long long *n)
{
	*n = 0;
	if (db_run(r, STMT_TK_COUNT, q->me, q->year, q->name, q->name,
	    q->byid, q->mac, (size_t)MAC_LEN, q->ticket, q->ticket, q->wt,
	    q->wt, q->level, q->level, q->app, q->app) == -1 ||
	    db_row(r, STMT_TK_COUNT, n) == -1)
		return -1;
	db_done(r, STMT_TK_COUNT);
	return 0;
}

/* One row of STMT_TK_LIST into t; 1, 0 at the end, -1. */
static int
tklist_row(struct req *r, struct ticket *t)
{
	struct exam_seat	*s = &t->seat;
	unsigned char		*ie;
	size_t			 iel;
	long long		 seat, level;
	int			 k;

	memset(t, 0, sizeof(*t));
	k = db_row(r, STMT_TK_LIST, &s->app, &t->acct, &t->name, &ie, &iel,
	    &s->ticket_no, &s->year, &s->region, &s->region_name, &s->session,
	    &s->starts, &s->ends, &s->site_code, &s->site_name,
	    &s->site_address, &s->room_code, &s->room_name, &seat, &level,
	    &s->worktype, &t->unit, &t->photo);
	if (k != 1)
		return k;
	s->seat = (int)seat;
	s->level = (int)level;
	if ((t->idno = aq_idno(r, t->acct, ie, iel, 1)) == NULL)
		t->idno = "";
	return 1;
}

/*
 * Appends to list the rows of page q->page of q (TKLIST_PAGE a page)
 * and its numbers (page, pages, total).  0 or -1.
 */
int
tklist_page(struct req *r, const struct tkquery *q, xmlNodePtr list,
    long long total)
{
	struct ticket	 t;
	int		 k;

	xml_attrf(list, "page", "%lld", q->page);
	xml_attrf(list, "pages", "%lld", (total + TKLIST_PAGE - 1) /
	    TKLIST_PAGE);
	xml_attrf(list, "total", "%lld", total);
	xml_attrf(list, "year", "%lld", q->year);
	if (tklist_run(r, q, "", TKLIST_PAGE, (q->page - 1) *
	    TKLIST_PAGE) == -1)
		return -1;
	while ((k = tklist_row(r, &t)) == 1)
		ticket_xml(r, list, &t, 0);
	return k == -1 ? -1 : 0;
}

/*
 * The next chunk of q after ticket number after, in pool: its tickets
 * into *ts (TKLIST_CHUNK at most), their number returned; -1.
 */
static int
tklist_chunk(struct req *r, const struct tkquery *q, const char *after,
    struct ticket *ts)
{
	int	 n = 0, k;

	if (tklist_run(r, q, after, TKLIST_CHUNK, 0) == -1)
		return -1;
	while (n < TKLIST_CHUNK && (k = tklist_row(r, &ts[n])) == 1)
		n++;
	return k == -1 ? -1 : n;
}

/* The time now in Beijing, "YYYY-MM-DD HH:MM". */
static void
tklist_now(char *buf, size_t len)
{
	time_t		 t = time(NULL) + 8 * 3600;
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%d %H:%M", &tm);
}

/* Draws the tickets of q into p, a chunk at a time; 0 or -1 (DB). */
static int
tklist_draw(struct req *r, const struct tkquery *q, struct pdf *p)
{
	static struct ticket	 ts[TKLIST_CHUNK];
	struct pool		*keep = r->pool, *chunk = NULL;
	char			 last[17] = "";
	int			 n, i;

	do {
		if (chunk != NULL)
			pool_free(chunk);
		chunk = pool_new();
		r->pool = chunk;
		if ((n = tklist_chunk(r, q, last, ts)) > 0)
			snprintf(last, sizeof(last), "%s",
			    ts[n - 1].seat.ticket_no);
		for (i = 0; i < n && !pdf_failed(p); i++) {
			ticket_draw(r, p, &ts[i]);
			pdf_new_page(p);
		}
		r->pool = keep;
	} while (n == TKLIST_CHUNK && !pdf_failed(p));
	pool_free(chunk);
	return n == -1 ? -1 : 0;
}

/*
 * Sends the n tickets of q as one PDF, one ticket a page, scope the
 * words of the office or unit.  The headers go first; a failure after
 * that cuts the file short (logged).  RC_OK or RC_INTERNAL.
 */
enum rc
tklist_pdf(struct req *r, const struct tkquery *q, long long n,
    const char *scope)
{
	struct pdf	*p;
	char		 now[32];
	int		 k;

	p = pdf_open(PDF_A4_PORTRAIT, resp_put, r, pool_printf(r->pool,
	    "%lld年度准考证 %s", q->year, scope));
	if (p == NULL)
		return RC_INTERNAL;
	tklist_now(now, sizeof(now));
	pdf_set_total(p, (int)n);
	pdf_set_footer(p, pool_printf(r->pool, "%s　打印时间：%s", scope, now));
	resp_stream(r, "application/pdf", "attachment", "tickets.pdf",
	    pool_printf(r->pool, "%lld年度准考证-%s.pdf", q->year, scope));
	if (n == 0)
		pdf_text(p, "没有符合条件的准考证。", PDF_CENTER);
	k = tklist_draw(r, q, p);
	if (k == -1)
		pdf_text(p, "（数据库暂时不可用，准考证不完整，请稍后重新打印。）",
		    PDF_BOLD);
	if (pdf_close(p) == -1 || k == -1)
		log_warnx("tickets: the PDF was cut short");
	return RC_OK;
}
