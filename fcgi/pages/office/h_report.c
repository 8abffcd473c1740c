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
 * h_report.c: 汇总上报 and 申领汇总上报 (seed 004 §二, §四; report.c).  A
 * city office or a 省直 supervising unit sees its live count (final
 * approvals; published passes), its reports and, inside the kind's
 * window and unless its latest report stands, the form that reports
 * (confirmed first); the province sees every reporter with its latest
 * report and reopens one with a reason.  Both open a snapshot (?id=N,
 * its rows a page at a time) and its PDF and XLSX.  The two kinds are
 * rows of one table (rkinds): /admin/report and /admin/claim.
 */

#include <string.h>

#include "web.h"
#include "appquery.h"
#include "roster.h"
#include "report.h"

#define REPORT_PAGE	50	/* snapshot rows on the page */

enum { PF_ID, PF_PAGE };
const struct fielddef h_report_fields[] = {
	[PF_ID] = { "id", FT_UINT, FL_QUERY, 1, 4294967295LL, NULL,
	    "上报记录编号不正确，请从汇总上报页面打开。", NULL, NULL },
	[PF_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 1000000, NULL,
	    "页码应为正整数。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum { SF_CONFIRM };
static const char *const report_yes[] = { "1", NULL };
const struct fielddef h_report_submit_fields[] = {
	[SF_CONFIRM] = { "confirm", FT_CHOICE, FL_REQ, 0, 0,
	    "请先核对名册，并勾选“已核对名册，确认上报”。",
	    "请先核对名册，并勾选“已核对名册，确认上报”。", report_yes, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum { RF_ID, RF_REASON };
const struct fielddef h_report_reopen_fields[] = {
	[RF_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL,
	    "请选择要退回的上报记录。", "请选择要退回的上报记录。", NULL, NULL },
	[RF_REASON] = { "reason", FT_TEXT, FL_REQ | FL_LINES, 2, 200,
	    "请填写退回原因（2至200字）。", "退回原因应为2至200字。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* A kind of report and its page. */
struct rkind {
	const char	*kind;		/* reports.kind */
	enum page	 page;
	const char	*path;		/* its page (.pdf, .xlsx, /reopen) */
	const char	*window;	/* windows.kind */
	enum roster_kind roster;	/* the PDF's and XLSX's columns */
	const char	*name;		/* 汇总上报, 申领汇总上报 */
	const char	*file;		/* the files' names */
};
static const struct rkind rk_approved = { "approved", PAGE_REPORT,
    "/admin/report", "report", ROSTER_FINAL, "汇总上报", "汇总上报名册" };
static const struct rkind rk_passed = { "passed", PAGE_CLAIM,
    "/admin/claim", "claim", ROSTER_PASSED, "申领汇总上报", "申领汇总名册" };

/* Who may not: the refusal of kind k's pages. */
static const char *
report_forbidden(struct req *r, const struct rkind *k)
{
	return pool_printf(r->pool, "%s由市工考办和省直主管单位办理，并由省工考办"
	    "查看。", k->name);
}

/* The reporter's live count of kind k: final approvals or passes. */
static int
report_live(struct req *r, const struct rkind *k, long long *live)
{
	struct aquery	 q;
	int		 n;

	if (k->page == PAGE_CLAIM) {
		if (db_run(r, STMT_CL_LIVE, r->unit_id,
		    (long long)r->year) == -1 ||
		    (n = db_row(r, STMT_CL_LIVE, live)) == -1)
			return -1;
		if (n == 1)
			db_done(r, STMT_CL_LIVE);
		return 0;
	}
	memset(&q, 0, sizeof(q));
	q.me = r->unit_id;
	q.year = r->year;
	q.state = "approved";
	q.route = q.wt = q.region = q.from = q.to = q.name = "";
	q.defer = -1;
	return roster_count(r, &q, "", live);
}

/* The reporter's part: its live count, its reports, the form. */
static int
report_mine(struct req *r, const struct rkind *rk, int open)
{
	xmlNodePtr	 mine, n;
	char		*state, *digest, *at, *rat, *why;
	long long	 id, rows, live;
	int		 k, stands = 0, first = 1;

	if (report_live(r, rk, &live) == -1)
		return -1;
	mine = xml_el(r->root, "mine", NULL);
	xml_attr(mine, "unit", r->unit_name ? r->unit_name : "");
	xml_attrf(mine, rk->page == PAGE_CLAIM ? "passed" : "approved", "%lld",
	    live);
	if (db_run(r, STMT_RP_MINE, (long long)r->year, r->unit_id,
	    rk->kind) == -1)
		return -1;
	while ((k = db_row(r, STMT_RP_MINE, &id, &state, &rows, &digest, &at,
	    &rat, &why)) == 1) {
		n = xml_el(mine, "report", NULL);
		xml_attrf(n, "id", "%lld", id);
		xml_attr(n, "state", state);
		xml_attrf(n, "rows", "%lld", rows);
		xml_attr(n, "digest", digest);
		xml_attr(n, "at", at);
		if (*rat != '\0') {
			xml_attr(n, "reopened", rat);
			xml_el(n, "reason", why);
		}
		if (first && strcmp(state, "reported") == 0)
			stands = 1;
		first = 0;
	}
	if (k == -1)
		return -1;
	xml_attr(mine, "stands", stands ? "1" : "0");
	if (open && !stands)
		xml_form(r, rk->path);
	return 0;
}

/* The province's part: every reporter and its latest report. */
static int
report_reporters(struct req *r, const struct rkind *rk)
{
	xmlNodePtr	 list, n;
	char		*code, *name, *kind, *state, *at, *digest;
	long long	 uid, id, rows;
	int		 k;

	list = xml_el(r->root, "reporters", NULL);
	if (db_run(r, STMT_RP_REPORTERS, (long long)r->year, rk->kind) == -1)
		return -1;
	while ((k = db_row(r, STMT_RP_REPORTERS, &uid, &code, &name, &kind,
	    &id, &state, &rows, &at, &digest)) == 1) {
		n = xml_el(list, "unit", NULL);
		xml_attr(n, "code", code);
		xml_attr(n, "name", name);
		xml_attr(n, "kind", kind);
		if (id > 0) {
			xml_attrf(n, "report", "%lld", id);
			xml_attr(n, "state", state);
			xml_attrf(n, "rows", "%lld", rows);
			xml_attr(n, "at", at);
			xml_attr(n, "digest", digest);
		}
	}
	if (k == -1)
		return -1;
	xml_form(r, pool_printf(r->pool, "%s/reopen", rk->path));
	return 0;
}

/*
 * Report id if the account may open it (the province, or the unit that
 * reported it) into the page as <snapshot>; its year, unit name and
 * time into the out values.  1, 0 (none or not the account's), -1.
 */
static int
report_get(struct req *r, const struct rkind *rk, long long id,
    xmlNodePtr parent, struct roster_doc *d, long long *rows)
{
	xmlNodePtr	 n;
	char		*uname, *ucode, *state, *digest, *at, *by;
	long long	 rid, year, unit;
	int		 k;

	if (db_run(r, STMT_RP_GET, id, rk->kind) == -1 ||
	    (k = db_row(r, STMT_RP_GET, &rid, &year, &unit, &uname, &ucode,
	    &state, rows, &digest, &at, &by)) == -1)
		return -1;
	if (k == 0)
		return 0;
	db_done(r, STMT_RP_GET);
	if (r->role != ROLE_PROVINCE && unit != r->unit_id)
		return 0;
	memset(d, 0, sizeof(*d));
	d->year = year;
	d->scope = uname;
	d->when_label = "上报时间";
	d->when = at;
	d->ascii = rk->page == PAGE_CLAIM ? "claim.pdf" : "report.pdf";
	d->xascii = rk->page == PAGE_CLAIM ? "claim.xlsx" : "report.xlsx";
	d->file = pool_printf(r->pool, "%lld年度%s-%s.pdf", year, rk->file,
	    uname);
	d->xfile = pool_printf(r->pool, "%lld年度%s-%s.xlsx", year, rk->file,
	    uname);
	if (parent == NULL)
		return 1;
	n = xml_el(parent, "snapshot", NULL);
	xml_attrf(n, "id", "%lld", rid);
	xml_attrf(n, "year", "%lld", year);
	xml_attr(n, "unit", uname);
	xml_attr(n, "unit-code", ucode);
	xml_attr(n, "state", state);
	xml_attrf(n, "rows", "%lld", *rows);
	xml_attr(n, "digest", digest);
	xml_attr(n, "at", at);
	xml_attr(n, "by", by);
	return 1;
}

/* A page of a snapshot's rows. */
static enum rc
report_snapshot(struct req *r, const struct rkind *rk, long long id,
    long long page)
{
	struct roster_doc d;
	struct rsrc	 s;
	xmlNodePtr	 list, n;
	long long	 rows, skip = (page - 1) * REPORT_PAGE;
	int		 k;

	if ((k = report_get(r, rk, id, r->root, &d, &rows)) != 1)
		return k == 0 ? RC_NOTFOUND : RC_DB;
	/* the pager keeps the id (widgets.xsl) */
	xml_form(r, rk->path);
	xml_field(r, "id", pool_printf(r->pool, "%lld", id));
	list = xml_el(r->root, "list", NULL);
	xml_attrf(list, "page", "%lld", page);
	xml_attrf(list, "pages", "%lld", (rows + REPORT_PAGE - 1) / REPORT_PAGE);
	xml_attrf(list, "total", "%lld", rows);
	report_source(&s, id);
	s.last_id = skip;	/* rows are numbered: start after them */
	s.limit = REPORT_PAGE;
	k = 0;
	while (s.n < REPORT_PAGE && (k = roster_next(r, &s)) == 1) {
		n = xml_el(list, "row", NULL);
		xml_attrf(n, "n", "%lld", skip + s.n);
		xml_attr(n, "name", s.cell[RC_NAME]);
		xml_attr(n, "gender", s.cell[RC_GENDER]);
		xml_attr(n, "idno", s.cell[RC_IDNO]);
		xml_attr(n, "unit", s.cell[RC_UNIT]);
		xml_attr(n, "worktype", s.cell[RC_WT]);
		xml_attr(n, "level-name", s.cell[RC_LEVEL]);
		xml_attr(n, "route", s.cell[RC_ROUTE]);
		xml_attr(n, "decided", s.cell[RC_DECIDED]);
	}
	roster_end(&s);
	return k == -1 ? RC_DB : RC_OK;
}

/*
 * The refusal of an action outside the report window whose <window>
 * year_window put into the page.
 */
static const char *
report_window_msg(struct req *r, const struct rkind *rk)
{
	xmlNodePtr	 n;
	xmlChar		*st, *en;
	const char	*msg;

	for (n = r->root->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "window") == 0)
			break;
	if (n == NULL || (st = xmlGetProp(n, (const xmlChar *)"starts")) ==
	    NULL)
		return pool_printf(r->pool, "省工考办尚未设置%s时间，暂不能上报。",
		    rk->name);
	en = xmlGetProp(n, (const xmlChar *)"ends");
	msg = pool_printf(r->pool, "%s时间为%s至%s，当前不在%s时间内，不能上报。",
	    rk->name, (char *)st, en ? (char *)en : "", rk->name);
	xmlFree(st);
	xmlFree(en);
	return msg;
}

/*
 * The page below the window (xml_page and year_window done): the
 * reporter's or the province's part; msg a refusal above the form.
 */
static enum rc
report_body(struct req *r, const struct rkind *rk, int who, int open,
    const char *msg, int status)
{
	if ((who ? report_mine(r, rk, open) : report_reporters(r, rk)) == -1)
		return RC_DB;
	if (msg != NULL) {
		if (r->form == NULL)
			xml_form(r, who ? rk->path : pool_printf(r->pool,
			    "%s/reopen", rk->path));
		xml_form_refuse(r, msg);
		r->status = status;
	}
	return RC_OK;
}

/*
 * The page: the window, then the reporter's or the province's part (or
 * one snapshot with ?id=).  msg: a refusal to show above the form.
 */
static enum rc
report_page(struct req *r, const struct rkind *rk, const char *msg,
    int status)
{
	int	 open, who;

	if ((who = report_reporter(r)) == -1)
		return RC_DB;
	if (!who && r->role != ROLE_PROVINCE) {
		r->message = report_forbidden(r, rk);
		return RC_FORBIDDEN;
	}
	xml_page(r, rk->page);
	if (r->route->method == M_GET && r->fv[PF_ID].given && !r->fields_bad)
		return report_snapshot(r, rk, r->fv[PF_ID].n,
		    r->fv[PF_PAGE].given ? r->fv[PF_PAGE].n : 1);
	if (year_window(r, r->root, rk->window, &open) == -1)
		return RC_DB;
	return report_body(r, rk, who, open, msg, status);
}

/* The first wrong field's message. */
static const char *
report_field_msg(struct req *r)
{
	size_t	 i;

	for (i = 0; r->route->fields[i].key != NULL; i++)
		if (r->fv[i].err != NULL)
			return r->fv[i].err;
	return "请求有误。";
}

/* GET /admin/report[?id=N&page=P], /admin/claim likewise */
static enum rc
report_get_page(struct req *r, const struct rkind *rk)
{
	return report_page(r, rk, r->fields_bad ? report_field_msg(r) : NULL,
	    400);
}

/* POST: csrf, confirm=1; inside the kind's window. */
static enum rc
report_post(struct req *r, const struct rkind *rk)
{
	long long	 id;
	int		 who, open = 0, k;

	if ((who = report_reporter(r)) == -1)
		return RC_DB;
	if (!who) {
		r->message = report_forbidden(r, rk);
		return RC_FORBIDDEN;
	}
	if (r->fields_bad)
		return report_page(r, rk, report_field_msg(r), 400);
	xml_page(r, rk->page);
	if (year_window(r, r->root, rk->window, &open) == -1)
		return RC_DB;
	if (!open)
		return report_body(r, rk, 1, 0, report_window_msg(r, rk), 409);
	if ((k = report_submit(r, rk->kind, &id)) == -1)
		return RC_DB;
	if (k == REPORT_STANDS)
		return report_body(r, rk, 1, 1, pool_printf(r->pool,
		    "本单位本年度已%s。如需修改，请联系省工考办退回后重新上报。",
		    rk->name), 409);
	resp_redirect(r, pool_printf(r->pool, "%s?m=reported", rk->path));
	return RC_OK;
}

/* POST .../reopen: csrf, id, reason (the province). */
static enum rc
report_reopen_post(struct req *r, const struct rkind *rk)
{
	int	 k;

	if (r->fields_bad)
		return report_page(r, rk, report_field_msg(r), 400);
	k = report_reopen(r, rk->kind, r->fv[RF_ID].n, r->fv[RF_REASON].s);
	if (k == -1)
		return RC_DB;
	if (k == REPORT_NONE)
		return report_page(r, rk, "没有这条上报记录。", 404);
	if (k == REPORT_OPEN)
		return report_page(r, rk, "这条上报记录已被退回，不能再次退回。",
		    409);
	resp_redirect(r, pool_printf(r->pool, "%s?m=reopened", rk->path));
	return RC_OK;
}

enum rc
h_report(struct req *r)
{
	return report_get_page(r, &rk_approved);
}

enum rc
h_report_submit(struct req *r)
{
	return report_post(r, &rk_approved);
}

enum rc
h_report_reopen(struct req *r)
{
	return report_reopen_post(r, &rk_approved);
}

/* GET /admin/claim[?id=N&page=P]: 申领汇总上报 */
enum rc
h_claim(struct req *r)
{
	return report_get_page(r, &rk_passed);
}

/* POST /admin/claim */
enum rc
h_claim_submit(struct req *r)
{
	return report_post(r, &rk_passed);
}

/* POST /admin/claim/reopen */
enum rc
h_claim_reopen(struct req *r)
{
	return report_reopen_post(r, &rk_passed);
}

/* A snapshot's PDF or XLSX (?id=N), for whoever may open it. */
static enum rc
report_export(struct req *r, const struct rkind *rk, int pdf)
{
	struct roster_doc d;
	struct rsrc	 s;
	long long	 rows;
	int		 k;

	if (r->fields_bad || !r->fv[PF_ID].given) {
		r->message = r->fields_bad ? report_field_msg(r) :
		    pool_printf(r->pool, "请从%s页面打开上报的名册（缺少上报记录"
		    "编号）。", rk->name);
		return RC_BADREQ;
	}
	if ((k = report_reporter(r)) == -1)
		return RC_DB;
	if (!k && r->role != ROLE_PROVINCE) {
		r->message = report_forbidden(r, rk);
		return RC_FORBIDDEN;
	}
	if ((k = report_get(r, rk, r->fv[PF_ID].n, NULL, &d, &rows)) != 1)
		return k == 0 ? RC_NOTFOUND : RC_DB;
	report_source(&s, r->fv[PF_ID].n);
	if (pdf)
		return roster_pdf(r, rk->roster, &s, rows, &d);
	return roster_xlsx(r, rk->roster, &s, &d);
}

/* GET /admin/report.pdf?id=N */
enum rc
h_report_pdf(struct req *r)
{
	return report_export(r, &rk_approved, 1);
}

/* GET /admin/report.xlsx?id=N */
enum rc
h_report_xlsx(struct req *r)
{
	return report_export(r, &rk_approved, 0);
}

/* GET /admin/claim.pdf?id=N */
enum rc
h_claim_pdf(struct req *r)
{
	return report_export(r, &rk_passed, 1);
}

/* GET /admin/claim.xlsx?id=N */
enum rc
h_claim_xlsx(struct req *r)
{
	return report_export(r, &rk_passed, 0);
}
