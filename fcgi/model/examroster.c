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
 * examroster.c: 考生名单 (seed 004 §三 "统一打印各考点考生名单，用于考点
 * 监考比对考生信息"; issue 10 item 4): the seats of a site's rooms in an
 * office's exam region, one section per room and session, each row the
 * seat, a small photo, the name, the ticket number, the ID number
 * masked (rows side by side), the work type and level and a column for
 * the candidate's signature (签名).  As rows of a page and as a PDF, one
 * section from the top of a page (pdf_new_page between them).
 */

#include <string.h>
#include <time.h>

#include "web.h"
#include "appquery.h"
#include "exam.h"
#include "pdf.h"
#include "ticket.h"

#define ER_ROW		22.0		/* mm: a row, the photo's height */

/* A row of STMT_TK_ROSTER. */
struct errow {
	long long	 room, sess, seat, app, acct, level;
	char		*site, *address, *room_code, *room_name, *sess_code;
	char		*starts, *ends, *name, *ticket, *wt, *photo;
	char		*idno;		/* masked */
};

/* The selection: a site, a room and a session (0: all). */
static int
examroster_run(struct req *r, long long year, const char *region,
    const struct erpick *k)
{
	return db_run(r, STMT_TK_ROSTER, year, region, k->site, k->site,
	    k->room, k->room, k->sess, k->sess);
}

/* The next row into w; 1, 0 at the end, -1. */
static int
examroster_row(struct req *r, struct errow *w)
{
	unsigned char	*ie;
	size_t		 iel;
	char		 m[40];
	int		 k;

	k = db_row(r, STMT_TK_ROSTER, &w->room, &w->sess, &w->site,
	    &w->address, &w->room_code, &w->room_name, &w->sess_code,
	    &w->starts, &w->ends, &w->seat, &w->app, &w->acct, &w->name, &ie,
	    &iel, &w->ticket, &w->level, &w->wt, &w->photo);
	if (k != 1)
		return k;
	w->idno = aq_idno(r, w->acct, ie, iel, 1);
	if (w->idno == NULL)
		w->idno = "";
	else {
		pii_mask_idno(w->idno, m, sizeof(m));
		w->idno = pool_strdup(r->pool, m);
	}
	return 1;
}

/* "一级/高级技师 · 汽车驾驶员" of a row. */
static const char *
examroster_what(struct req *r, const struct errow *w)
{
	const char	*l = xml_level_name((int)w->level);

	return pool_printf(r->pool, "%s%s%s", w->wt, *w->wt ? " " : "",
	    l != NULL ? l : "");
}

/*
 * Appends to parent the rows of the selection (the page shows them):
 * <section room session site address room-name when n> each with its
 * <row seat app name ticket idno what [photo]>.  0 or -1.
 */
int
examroster_xml(struct req *r, long long year, const char *region,
    const struct erpick *k, xmlNodePtr parent)
{
	struct errow	 w;
	xmlNodePtr	 sec = NULL, row;
	long long	 room = 0, sess = 0, n = 0;
	int		 got;

	if (examroster_run(r, year, region, k) == -1)
		return -1;
	while ((got = examroster_row(r, &w)) == 1) {
		if (sec == NULL || w.room != room || w.sess != sess) {
			if (sec != NULL)
				xml_attrf(sec, "n", "%lld", n);
			sec = xml_el(parent, "section", NULL);
			xml_attrf(sec, "room", "%lld", w.room);
			xml_attrf(sec, "session", "%lld", w.sess);
			xml_attr(sec, "site", w.site);
			xml_attr(sec, "address", w.address);
			xml_attr(sec, "room-code", w.room_code);
			xml_attr(sec, "room-name", w.room_name);
			xml_attr(sec, "session-code", w.sess_code);
			xml_attr(sec, "starts", w.starts);
			xml_attr(sec, "ends", w.ends);
			room = w.room;
			sess = w.sess;
			n = 0;
		}
		n++;
		row = xml_el(sec, "row", NULL);
		xml_attrf(row, "seat", "%02lld", w.seat);
		xml_attrf(row, "app", "%lld", w.app);
		xml_attr(row, "name", w.name);
		xml_attr(row, "ticket", w.ticket);
		xml_attr(row, "idno", w.idno);
		xml_attr(row, "what", examroster_what(r, &w));
	}
	if (sec != NULL)
		xml_attrf(sec, "n", "%lld", n);
	return got == -1 ? -1 : 0;
}

/* The columns of the PDF's rows (190 mm: A4 portrait's width). */
static const struct pdf_cell er_head[] = {
	{ "座位号", 14, PDF_SHADE | PDF_BOLD | PDF_SMALL | PDF_CENTER },
	{ "照片", 18, PDF_SHADE | PDF_BOLD | PDF_SMALL | PDF_CENTER },
	{ "姓名", 24, PDF_SHADE | PDF_BOLD | PDF_SMALL | PDF_CENTER },
	{ "准考证号", 38, PDF_SHADE | PDF_BOLD | PDF_SMALL | PDF_CENTER },
	{ "身份证号", 38, PDF_SHADE | PDF_BOLD | PDF_SMALL | PDF_CENTER },
	{ "报考工种及等级", 32, PDF_SHADE | PDF_BOLD | PDF_SMALL | PDF_CENTER },
	{ "签名", 26, PDF_SHADE | PDF_BOLD | PDF_SMALL | PDF_CENTER },
};
#define ER_NCOLS	(sizeof(er_head) / sizeof(er_head[0]))

/* The top of a section: title, site, address, room, session, count. */
static void
examroster_head(struct req *r, struct pdf *p, long long year,
    const struct errow *w, long long n)
{
	pdf_set_header(p, pool_printf(r->pool, "%lld年度考生名单　%s", year,
	    w->site), pool_printf(r->pool, "%s（%s）　第%s场", w->room_name,
	    w->room_code, w->sess_code));
	pdf_text(p, pool_printf(r->pool, "%lld年度河南省机关事业单位工勤技能岗位"
	    "等级考核考生名单", year), PDF_BIG | PDF_CENTER);
	pdf_space(p, 1);
	pdf_text(p, pool_printf(r->pool, "考点：%s　　地址：%s", w->site,
	    w->address), 0);
	pdf_text(p, pool_printf(r->pool, "考场：%s（%s）　　场次：第%s场　%s至%s"
	    "　　人数：%lld", w->room_name, w->room_code, w->sess_code,
	    w->starts, w->ends, n), 0);
	pdf_space(p, 2);
	pdf_row(p, er_head, ER_NCOLS, 7);
}

/* One candidate's row, the photo in its cell. */
static void
examroster_line(struct req *r, struct pdf *p, long long year,
    const struct errow *w, long long n)
{
	struct pdf_cell	 c[ER_NCOLS];
	struct pool	*keep = r->pool;
	unsigned char	*jpg = NULL;
	size_t		 i, jlen = 0;
	double		 y0, x = er_head[0].w;
	int		 page = pdf_page(p);

	for (i = 0; i < ER_NCOLS; i++) {
		c[i].text = NULL;
		c[i].w = er_head[i].w;
		c[i].flags = PDF_SMALL | (i == 0 ? PDF_CENTER : 0);
	}
	c[0].text = pool_printf(r->pool, "%02lld", w->seat);
	c[2].text = w->name;
	c[3].text = w->ticket;
	c[4].text = w->idno;
	c[5].text = examroster_what(r, w);
	pdf_need(p, ER_ROW);
	if (pdf_page(p) != page)
		examroster_head(r, p, year, w, n);
	y0 = pdf_y(p);
	pdf_row(p, c, ER_NCOLS, ER_ROW);
	r->pool = pool_new();
	if (*w->photo != '\0')
		jpg = files_read(r, w->photo, MAX_JPEG, &jlen);
	if (jpg != NULL)
		pdf_jpeg(p, jpg, jlen, x + 1, y0 + 1, er_head[1].w - 2,
		    ER_ROW - 2);
	pool_free(r->pool);
	r->pool = keep;
}

/*
 * Sends the selection's 考生名单 as a PDF: a section per room and
 * session, each from the top of a page with its header.  The rows are
 * read whole first (a site's seats; only the photos are read one at a
 * time).  RC_OK, RC_DB (nothing sent) or RC_INTERNAL.
 */
enum rc
examroster_pdf(struct req *r, long long year, const char *region,
    const struct erpick *k, const char *scope)
{
	struct errow	*w = NULL, *nw;
	struct pdf	*p;
	size_t		 n = 0, cap = 0, i, j, s;
	int		 got;

	if (examroster_run(r, year, region, k) == -1)
		return RC_DB;
	for (;;) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			nw = pool_calloc(r->pool, cap, sizeof(*w));
			if (n > 0)
				memcpy(nw, w, n * sizeof(*w));
			w = nw;
		}
		if ((got = examroster_row(r, &w[n])) != 1)
			break;
		n++;
	}
	if (got == -1)
		return RC_DB;
	p = pdf_open(PDF_A4_PORTRAIT, resp_put, r, pool_printf(r->pool,
	    "%lld年度考生名单 %s", year, scope));
	if (p == NULL)
		return RC_INTERNAL;
	pdf_set_footer(p, "监考人员（签名）：　　　　　　　　　　　　"
	    "实到人数：　　　　　缺考人数：");
	resp_stream(r, "application/pdf", "attachment", "exam-roster.pdf",
	    pool_printf(r->pool, "%lld年度考生名单-%s.pdf", year, scope));
	if (n == 0)
		pdf_text(p, "所选考点、考场、场次还没有编排考生。", PDF_CENTER);
	for (i = 0; i < n && !pdf_failed(p); i = j) {
		for (j = i; j < n && w[j].room == w[i].room &&
		    w[j].sess == w[i].sess; j++)
			;
		if (i > 0)
			pdf_new_page(p);
		examroster_head(r, p, year, &w[i], (long long)(j - i));
		for (s = i; s < j; s++)
			examroster_line(r, p, year, &w[s], (long long)(j - i));
	}
	if (pdf_close(p) == -1)
		log_warnx("exam roster: the PDF was cut short");
	return RC_OK;
}
