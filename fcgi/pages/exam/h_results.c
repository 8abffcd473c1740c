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
 * h_results.c: 考核结果查询 (seed 002 §3.3.1) for the county, city and
 * province offices in their subtree (SCOPE): the results of a year by
 * level, work type, unit, outcome (通过, 不通过, 缺考, 未公布), name or ID
 * number (exact; its lookup value), ticket number; 20 a page with the
 * counts; the filtered set as a spreadsheet (/admin/results.xlsx, read a
 * chunk at a time, audited before it is sent, full ID numbers as the
 * offices' 报名信息查询 export gives them).
 */

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "result.h"
#include "appquery.h"
#include "xlsx.h"

#define LIST_SIZE	20
#define EXPORT_CHUNK	1000
#define EXPORT_MAX	200000

enum { QF_YEAR, QF_LEVEL, QF_WT, QF_UNIT, QF_OUTCOME, QF_WHO, QF_TICKET,
    QF_PAGE };
static const char *const res_outcomes[] = { "pass", "fail", "absent",
    "pending", NULL };
static const char *const res_outcome_names[] = { "通过", "不通过", "缺考",
    "未公布", NULL };

const struct fielddef h_results_fields[] = {
	[QF_YEAR] = { "year", FT_UINT, FL_QUERY, 2000, 2100, NULL,
	    "查询条件不正确：报考年度应为2000至2100之间的四位数字。", NULL, NULL },
	[QF_LEVEL] = { "level", FT_UINT, FL_QUERY, 1, 5, NULL,
	    "查询条件不正确：申报等级应为一级至五级。", NULL, NULL },
	[QF_WT] = { "wt", FT_TEXT, FL_QUERY, 1, 8, NULL,
	    "查询条件不正确：没有这个工种。", NULL, aq_check_wt },
	[QF_UNIT] = { "unit", FT_TEXT, FL_QUERY, 1, 32, NULL,
	    "查询条件不正确：本辖区内没有这个单位编码。", NULL, aq_check_unit },
	[QF_OUTCOME] = { "outcome", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "查询条件不正确：考核结果应为通过、不通过、缺考或未公布。",
	    res_outcomes, NULL },
	[QF_WHO] = { "who", FT_TEXT, FL_QUERY, 1, 40, NULL,
	    "查询条件不正确：请输入完整的姓名或18位身份证号。", NULL,
	    aq_check_who },
	[QF_TICKET] = { "ticket", FT_TEXT, FL_QUERY, 16, 16, NULL,
	    "查询条件不正确：准考证号应为16位数字。", NULL, field_check_digits },
	[QF_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 1000000, NULL,
	    "查询条件不正确：页码应为正整数。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* The filters as the statements take them. */
struct rq {
	long long	 year, level, unit, byid, page;
	const char	*wt, *outcome, *name, *ticket;
	unsigned char	 mac[MAC_LEN];
};

/* A row of the list and the export. */
struct rrow {
	long long	 app, acct, level, theory, skill, absent, passed;
	char		*name, *ticket, *ucode, *uname, *wt, *rc;
	unsigned char	*ie;
	size_t		 iel;
};

/* Reads the checked fields into q. */
static void
results_read(struct req *r, struct rq *q)
{
	const struct fval	*v = r->fv;
	const char		*who = v[QF_WHO].s;
	char			 up[24];
	size_t			 i;

	memset(q, 0, sizeof(*q));
	q->year = *v[QF_YEAR].s != '\0' ? v[QF_YEAR].n : r->year;
	q->level = *v[QF_LEVEL].s != '\0' ? v[QF_LEVEL].n : 0;
	q->wt = v[QF_WT].s;
	q->unit = *v[QF_UNIT].s != '\0' ? v[QF_UNIT].n : 0;
	q->outcome = *v[QF_OUTCOME].s != '\0' ?
	    res_outcomes[v[QF_OUTCOME].n] : "";
	q->ticket = v[QF_TICKET].s;
	q->page = *v[QF_PAGE].s != '\0' ? v[QF_PAGE].n : 1;
	q->name = "";
	if (strpbrk(who, "0123456789") == NULL) {
		q->name = who;
		return;
	}
	for (i = 0; who[i] != '\0' && i + 1 < sizeof(up); i++)
		up[i] = (char)toupper((unsigned char)who[i]);
	up[i] = '\0';
	pii_mac(r->cfg, "idno", up, q->mac);
	q->byid = 1;
	OPENSSL_cleanse(up, sizeof(up));
}

/* Runs s (the filters, then two numbers). */
static int
results_run(struct req *r, enum stmt s, const struct rq *q, long long a,
    long long b)
{
	if (s == STMT_RES_LIST)
		return db_run(r, STMT_RES_LIST, r->unit_id, q->year, q->level,
		    q->level, q->wt, q->wt, q->unit, q->unit, q->outcome,
		    q->outcome, q->outcome, q->outcome, q->outcome, q->name,
		    q->name, q->byid, q->mac, (size_t)MAC_LEN, q->ticket,
		    q->ticket, a, b);
	return db_run(r, STMT_RES_EXPORT, r->unit_id, q->year, q->level,
	    q->level, q->wt, q->wt, q->unit, q->unit, q->outcome, q->outcome,
	    q->outcome, q->outcome, q->outcome, q->name, q->name, q->byid,
	    q->mac, (size_t)MAC_LEN, q->ticket, q->ticket, a, b);
}

/* The counts of q: total, passed, failed, absent.  Returns 0 or -1. */
static int
results_count(struct req *r, const struct rq *q, long long c[4])
{
	c[0] = c[1] = c[2] = c[3] = 0;
	if (db_run(r, STMT_RES_COUNT, r->unit_id, q->year, q->level,
	    q->level, q->wt, q->wt, q->unit, q->unit, q->outcome, q->outcome,
	    q->outcome, q->outcome, q->outcome, q->name, q->name, q->byid,
	    q->mac, (size_t)MAC_LEN, q->ticket, q->ticket) == -1 ||
	    db_row(r, STMT_RES_COUNT, &c[0], &c[1], &c[2], &c[3]) == -1)
		return -1;
	db_done(r, STMT_RES_COUNT);
	return 0;
}

/* Fetches a row of s into w. */
static int
results_fetch(struct req *r, enum stmt s, struct rrow *w)
{
	if (s == STMT_RES_LIST)
		return db_row(r, STMT_RES_LIST, &w->app, &w->acct, &w->name,
		    &w->ie, &w->iel, &w->ticket, &w->ucode, &w->uname, &w->wt,
		    &w->level, &w->theory, &w->skill, &w->absent, &w->passed,
		    &w->rc);
	return db_row(r, STMT_RES_EXPORT, &w->app, &w->acct, &w->name, &w->ie,
	    &w->iel, &w->ticket, &w->ucode, &w->uname, &w->wt, &w->level,
	    &w->theory, &w->skill, &w->absent, &w->passed, &w->rc);
}

/* The outcome of a row in words. */
static const char *
results_outcome(const struct rrow *w)
{
	if (w->absent)
		return "缺考";
	if (w->passed < 0)
		return "未公布";
	return w->passed ? "通过" : "不通过";
}

/* The 复核 state of a row in words. */
static const char *
results_recheck(const struct rrow *w)
{
	if (strcmp(w->rc, "asked") == 0)
		return "已申请，待答复";
	if (strcmp(w->rc, "answered") == 0)
		return "已答复";
	return "";
}

/* Appends one row of the list. */
static void
results_row_xml(struct req *r, xmlNodePtr list, const struct rrow *w)
{
	xmlNodePtr	 n;
	char		 b[8];

	n = xml_el(list, "row", NULL);
	xml_attrf(n, "id", "%lld", w->app);
	xml_attr(n, "name", w->name);
	aq_person(r, n, w->acct, w->ie, w->iel, 0);
	xml_attr(n, "ticket", w->ticket);
	xml_attr(n, "unit", w->uname);
	xml_attr(n, "unit-code", w->ucode);
	xml_attr(n, "worktype", w->wt);
	if (w->level > 0)
		xml_attr(n, "level-name", xml_level_name((int)w->level));
	pass_score_fmt((int)w->theory, b, sizeof(b));
	if (*b != '\0')
		xml_attr(n, "theory", b);
	pass_score_fmt((int)w->skill, b, sizeof(b));
	if (*b != '\0')
		xml_attr(n, "skill", b);
	xml_attr(n, "outcome", results_outcome(w));
	if (*w->rc != '\0')
		xml_attr(n, "recheck", results_recheck(w));
}

/* The list and the counts. */
static enum rc
results_list(struct req *r, const struct rq *q)
{
	struct rrow	 w;
	xmlNodePtr	 list, c;
	long long	 n[4];
	int		 k;

	if (results_count(r, q, n) == -1)
		return RC_DB;
	c = xml_el(r->root, "tally", NULL);
	xml_attrf(c, "total", "%lld", n[0]);
	xml_attrf(c, "passed", "%lld", n[1]);
	xml_attrf(c, "failed", "%lld", n[2]);
	xml_attrf(c, "absent", "%lld", n[3]);
	list = xml_el(r->root, "list", NULL);
	xml_attrf(list, "page", "%lld", q->page);
	xml_attrf(list, "pages", "%lld", (n[0] + LIST_SIZE - 1) / LIST_SIZE);
	xml_attrf(list, "total", "%lld", n[0]);
	xml_attrf(list, "size", "%d", LIST_SIZE);
	if (results_run(r, STMT_RES_LIST, q, LIST_SIZE,
	    (q->page - 1) * LIST_SIZE) == -1)
		return RC_DB;
	while ((k = results_fetch(r, STMT_RES_LIST, &w)) == 1)
		results_row_xml(r, list, &w);
	return k == -1 ? RC_DB : RC_OK;
}

/* The outcomes of the filter form. */
static void
results_choices(struct req *r)
{
	xmlNodePtr	 l, n;
	size_t		 i;

	xml_levels(r->root);
	l = xml_el(r->root, "outcomes", NULL);
	for (i = 0; res_outcomes[i] != NULL; i++) {
		n = xml_el(l, "outcome", NULL);
		xml_attr(n, "value", res_outcomes[i]);
		xml_attr(n, "name", res_outcome_names[i]);
	}
}

/* GET /admin/results */
enum rc
h_results(struct req *r)
{
	struct rq	 q;
	size_t		 i;

	xml_page(r, PAGE_RESULTS);
	xml_form(r, "/admin/results");
	field_put(r, r->route->fields, r->fv, QF_PAGE);
	results_choices(r);
	xml_attr(xml_el(r->root, "export", NULL), "action",
	    "/admin/results.xlsx");
	if (r->fields_bad) {
		for (i = 0; r->fv[i].err == NULL; i++)
			;
		xml_form_refuse(r, r->fv[i].err);
		return RC_OK;
	}
	results_read(r, &q);
	xml_attrf(r->root, "year", "%lld", q.year);
	return results_list(r, &q);
}

/* The export's columns. */
static const struct xlsx_col results_cols[] = {
	{ "序号", 8, XC_NUM },
	{ "姓名", 12, XC_TEXT },
	{ "身份证号", 22, XC_TEXT },
	{ "准考证号", 20, XC_TEXT },
	{ "单位编码", 16, XC_TEXT },
	{ "所在单位", 32, XC_TEXT },
	{ "申报工种", 20, XC_TEXT },
	{ "申报等级", 14, XC_TEXT },
	{ "理论知识", 10, XC_TEXT },
	{ "操作技能", 10, XC_TEXT },
	{ "考核结果", 10, XC_TEXT },
	{ "复核", 14, XC_TEXT },
};
#define RESULTS_NCOLS (sizeof(results_cols) / sizeof(results_cols[0]))

/* Writes one row of the export (number n). */
static int
results_export_row(struct req *r, struct xlsx *x, long long n,
    const struct rrow *w)
{
	const char	*cells[RESULTS_NCOLS];
	char		 num[24], t[8], s[8], *idno;

	snprintf(num, sizeof(num), "%lld", n);
	idno = aq_idno(r, w->acct, w->ie, w->iel, 1);
	pass_score_fmt((int)w->theory, t, sizeof(t));
	pass_score_fmt((int)w->skill, s, sizeof(s));
	cells[0] = num;
	cells[1] = w->name;
	cells[2] = idno != NULL ? idno : "";
	cells[3] = w->ticket;
	cells[4] = w->ucode;
	cells[5] = w->uname;
	cells[6] = w->wt;
	cells[7] = w->level > 0 ? xml_level_name((int)w->level) : "";
	cells[8] = t;
	cells[9] = s;
	cells[10] = results_outcome(w);
	cells[11] = results_recheck(w);
	return xlsx_row(x, cells);
}

/* Every row of q into x, a chunk at a time along the id. */
static int
results_export_rows(struct req *r, struct xlsx *x, const struct rq *q,
    long long *rows)
{
	struct rrow	 w;
	struct pool	*keep = r->pool;
	long long	 after = 0, got;
	int		 k, rc = 0;

	*rows = 0;
	do {
		got = 0;
		if (results_run(r, STMT_RES_EXPORT, q, after,
		    (long long)EXPORT_CHUNK) == -1)
			return -1;
		r->pool = pool_new();
		while ((k = results_fetch(r, STMT_RES_EXPORT, &w)) == 1) {
			got++;
			after = w.app;
			if (rc == 0 && results_export_row(r, x, *rows + 1,
			    &w) == 0)
				(*rows)++;
			else
				rc = -1;
		}
		pool_free(r->pool);
		r->pool = keep;
		if (k == -1)
			return -1;
	} while (rc == 0 && got == EXPORT_CHUNK);
	return rc;
}

/* Finishes x, audits, sends. */
static enum rc
results_export_send(struct req *r, struct xlsx *x, const struct rq *q,
    long long rows)
{
	off_t	 size;
	int	 fd;

	if (xlsx_finish(x, &fd, &size) == -1)
		return RC_INTERNAL;
	if (audit(r, "result.export", pool_printf(r->pool, "year=%lld",
	    q->year), "ok", pool_printf(r->pool, "rows=%lld level=%lld "
	    "wt=%s outcome=%s who=%s ticket=%s", rows, q->level, q->wt,
	    q->outcome, q->byid ? "idno" : *q->name ? "name" : "",
	    *q->ticket ? "1" : "")) == -1) {
		close(fd);
		return RC_DB;
	}
	if (resp_download(r, XLSX_CTYPE, pool_printf(r->pool,
	    "results-%lld.xlsx", q->year), pool_printf(r->pool,
	    "考核结果_%lld.xlsx", q->year), fd, (long long)size) == -1)
		log_warnx("%s: the export was cut short", __func__);
	close(fd);
	return RC_OK;
}

/* GET /admin/results.xlsx (the same filters) */
enum rc
h_results_xlsx(struct req *r)
{
	struct rq	 q;
	struct xlsx	*x;
	long long	 n[4], rows;
	enum rc		 rc;

	results_read(r, &q);
	if (results_count(r, &q, n) == -1)
		return RC_DB;
	if (n[0] > EXPORT_MAX) {
		r->message = "导出的记录太多（超过20万条），请增加查询条件后再导出。";
		return RC_BADREQ;
	}
	if ((x = xlsx_open(NULL)) == NULL)
		return RC_INTERNAL;
	if (xlsx_sheet(x, "考核结果", results_cols, RESULTS_NCOLS) == -1)
		rc = RC_INTERNAL;
	else if (results_export_rows(r, x, &q, &rows) == -1)
		rc = RC_DB;
	else
		rc = results_export_send(r, x, &q, rows);
	xlsx_free(x);
	return rc;
}
