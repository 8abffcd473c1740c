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
 * h_roster.c: 名册打印 (seed 002 §1.1.5): 终审通过名册 (k=final) and 现场
 * 审核名册 (k=site) of the approved applications in the account's
 * subtree, with the filters of 报名信息查询 (appquery.c); the page lists
 * them ROSTER_PAGE at a time with a tick box each, prints from the
 * browser (the print stylesheet: A4 landscape, the header on each page,
 * page numbers, the stamp area), and exports the ticked rows, or all
 * rows of the filters when none is ticked, as PDF or XLSX (roster.c).
 */

#include <string.h>

#include "web.h"
#include "appquery.h"
#include "roster.h"

#define ROSTER_PAGE	50	/* rows on the page */
#define ROSTER_TICKS	200	/* ticked rows one export takes */

enum { RF_KIND = AQ__MAX, RF_ID };

const struct fielddef h_roster_fields[] = {
	AQ_FIELDS,
	[RF_KIND] = { "k", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "名册类型不正确：请选择终审通过名册或现场审核名册。", roster_keys,
	    NULL },
	[RF_ID] = { "ids", FT_UINT, FL_QUERY | FL_MANY, 1, 4294967295LL, NULL,
	    "勾选的报名序号不正确，请重新勾选后再导出。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* The kind asked for (final when not given). */
static enum roster_kind
roster_kind(const struct req *r)
{
	return *r->fv[RF_KIND].s != '\0' ? (enum roster_kind)r->fv[RF_KIND].n :
	    ROSTER_FINAL;
}

/*
 * The filters of a valid request into q, approved applications only.
 * NULL, or the message of the first wrong field or combination.
 */
static const char *
roster_read(struct req *r, struct aquery *q)
{
	size_t	 i;

	if (r->fields_bad) {
		for (i = 0; r->route->fields[i].key != NULL; i++)
			if (r->fv[i].err != NULL)
				return r->fv[i].err;
		return "查询条件不正确。";
	}
	if (r->fv[RF_ID].neach > ROSTER_TICKS)
		return "一次最多导出200个勾选的人员；要导出全部，请不勾选任何人员。";
	return aq_read(r, q);
}

/* A row of the page. */
static void
roster_row_xml(struct req *r, xmlNodePtr list, const struct rsrc *s)
{
	xmlNodePtr	 n;

	n = xml_el(list, "row", NULL);
	xml_attr(n, "n", s->cell[RC_N]);
	xml_attr(n, "id", s->cell[RC_ID]);
	xml_attr(n, "name", s->cell[RC_NAME]);
	xml_attr(n, "gender", s->cell[RC_GENDER]);
	xml_attr(n, "idno", s->cell[RC_IDNO]);
	xml_attr(n, "phone", s->cell[RC_PHONE]);
	xml_attr(n, "unit", s->cell[RC_UNIT]);
	xml_attr(n, "unit-code", s->cell[RC_CODE]);
	xml_attr(n, "worktype", s->cell[RC_WT]);
	xml_attr(n, "level-name", s->cell[RC_LEVEL]);
	xml_attr(n, "route", s->cell[RC_ROUTE]);
	xml_attr(n, "decided", s->cell[RC_DECIDED]);
	(void)r;
}

/*
 * The page's rows: page q->page of ROSTER_PAGE, read through the
 * chunked source (a chunk of one page after skipping the earlier ones
 * would need an OFFSET; pages are few and short, the export is what
 * must stay bounded).
 */
static enum rc
roster_rows(struct req *r, const struct aquery *q, enum roster_kind kind)
{
	struct rsrc	 s;
	xmlNodePtr	 list;
	long long	 total, skip;
	int		 k = 0;

	if (roster_count(r, q, "", &total) == -1)
		return RC_DB;
	list = xml_el(r->root, "list", NULL);
	xml_attr(list, "kind", roster_keys[kind]);
	xml_attr(list, "title", roster_titles[kind]);
	xml_attrf(list, "page", "%lld", q->page);
	xml_attrf(list, "pages", "%lld", (total + ROSTER_PAGE - 1) /
	    ROSTER_PAGE);
	xml_attrf(list, "total", "%lld", total);
	xml_attrf(list, "year", "%lld", q->year);
	xml_attr(list, "scope", r->unit_name ? r->unit_name : "");
	roster_live(&s, q, "");
	skip = (q->page - 1) * ROSTER_PAGE;
	s.limit = skip + ROSTER_PAGE < 500 ? skip + ROSTER_PAGE : 500;
	while (s.n < skip + ROSTER_PAGE && (k = roster_next(r, &s)) == 1)
		if (s.n > skip)
			roster_row_xml(r, list, &s);
	roster_end(&s);
	return k == -1 ? RC_DB : RC_OK;
}

/* GET /admin/roster: the filters, the list, the print and export forms. */
enum rc
h_roster(struct req *r)
{
	struct aquery	 q;
	const char	*msg;
	enum roster_kind kind;

	xml_page(r, PAGE_ROSTER);
	xml_form(r, "/admin/roster");
	aq_echo(r);
	kind = r->fv[RF_KIND].err == NULL ? roster_kind(r) : ROSTER_FINAL;
	xml_field(r, "k", roster_keys[kind]);
	xml_levels(r->root);
	xml_attr(r->root, "kind", roster_keys[kind]);
	xml_attr(r->root, "title", roster_titles[kind]);
	if ((msg = roster_read(r, &q)) != NULL) {
		xml_form_message(r, msg);
		xml_attr(r->form, "status", "invalid");
		r->status = 400;
		return RC_OK;
	}
	q.state = "approved";
	return roster_rows(r, &q, kind);
}

/* The names and words of an export of kind for q. */
static void
roster_doc(struct req *r, enum roster_kind kind, const struct aquery *q,
    struct roster_doc *d)
{
	memset(d, 0, sizeof(*d));
	d->year = q->year;
	d->scope = r->unit_name ? r->unit_name : "";
	d->ascii = kind == ROSTER_FINAL ? "roster-final.pdf" : "roster-site.pdf";
	d->xascii = kind == ROSTER_FINAL ? "roster-final.xlsx" :
	    "roster-site.xlsx";
	d->file = pool_printf(r->pool, "%lld年度%s-%s.pdf", q->year,
	    roster_titles[kind], d->scope);
	d->xfile = pool_printf(r->pool, "%lld年度%s-%s.xlsx", q->year,
	    roster_titles[kind], d->scope);
}

/* An export's request: the filters, the ticked ids; the 400 page. */
static enum rc
roster_export(struct req *r, int pdf)
{
	struct aquery		 q;
	struct rsrc		 s;
	struct roster_doc	 d;
	const char		*msg, *ids;
	enum roster_kind	 kind;
	long long		 n;

	if ((msg = roster_read(r, &q)) != NULL) {
		r->message = msg;
		return RC_BADREQ;
	}
	q.state = "approved";
	kind = roster_kind(r);
	ids = roster_ids(r, &r->fv[RF_ID]);
	if (audit(r, pdf ? "roster.pdf" : "roster.xlsx",
	    pool_printf(r->pool, "roster:%s", roster_keys[kind]), "ok",
	    *ids ? "ticked" : "all") == -1)
		return RC_DB;
	roster_doc(r, kind, &q, &d);
	roster_live(&s, &q, ids);
	if (!pdf)
		return roster_xlsx(r, kind, &s, &d);
	if (roster_count(r, &q, ids, &n) == -1)
		return RC_DB;
	return roster_pdf(r, kind, &s, n, &d);
}

/* GET /admin/roster.pdf */
enum rc
h_roster_pdf(struct req *r)
{
	return roster_export(r, 1);
}

/* GET /admin/roster.xlsx */
enum rc
h_roster_xlsx(struct req *r)
{
	return roster_export(r, 0);
}
