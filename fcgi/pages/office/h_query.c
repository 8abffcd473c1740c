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
 * h_query.c: 报名信息查询 (seed 002 §1.1.5) for every admin in its
 * subtree: the applications of a year with the filters of appquery.c,
 * 20 a page, and the filtered set as a spreadsheet (/admin/query.xlsx).
 *
 * The page masks every ID number (SECURITY.md: masked in lists).  The
 * export leaves the system, so it carries the full ID number only for
 * the county, city and province offices, who arrange the examination
 * from it; a unit or supervising unit admin gets it masked as on the
 * page (PIPL: no more than the purpose needs).  Every export is
 * audited with its filters and its row count before it is sent, and it
 * is not sent when the audit cannot be written.
 */

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "web.h"
#include "appquery.h"
#include "xlsx.h"

#define LIST_SIZE	20
#define EXPORT_CHUNK	1000	/* rows read at a time */
#define EXPORT_MAX	200000	/* rows in one export */

/* A row of the list or export, as STMT_AQ_LIST and STMT_AQ_EXPORT give. */
struct qrow {
	long long	 id, acct, level, defer;
	char		*name, *gender, *ucode, *uname, *region, *wt, *route;
	char		*state, *submitted, *wait;
	unsigned char	*ie;
	size_t		 iel;
};

/* Fetches a row of s (STMT_AQ_LIST or STMT_AQ_EXPORT) into q: db_row(). */
static int
query_fetch(struct req *r, enum stmt s, struct qrow *q)
{
	return db_row(r, s, &q->id, &q->acct, &q->name, &q->ie, &q->iel,
	    &q->gender, &q->ucode, &q->uname, &q->region, &q->wt, &q->level,
	    &q->route, &q->state, &q->submitted, &q->defer, &q->wait);
}

/* The review levels where an application waits, in words. */
static const struct {
	const char	*level, *name;
} query_waits[] = {
	{ "unit", "本单位" },
	{ "supervising", "主管单位" },
	{ "county", "县区工考办" },
	{ "city", "市工考办" },
	{ "province", "省工考办" },
};

/* True if the role's export carries the full ID number (see the top). */
static int
query_full_idno(const struct req *r)
{
	return (RB(r->role) & RS_OFFICE) != 0;
}

/* The word of a value of a NULL-ended list vals, from names; else "". */
static const char *
query_word(const char *const *vals, const char *const *names, const char *v)
{
	size_t	 i;

	for (i = 0; vals[i] != NULL; i++)
		if (strcmp(vals[i], v) == 0)
			return names[i];
	return "";
}

/* Where the application waits, in words ("" when it does not). */
static const char *
query_wait(const char *level)
{
	size_t	 i;

	for (i = 0; i < sizeof(query_waits) / sizeof(query_waits[0]); i++)
		if (strcmp(query_waits[i].level, level) == 0)
			return query_waits[i].name;
	return "";
}

/* <NAME><ITEM value name/>...</NAME> from two NULL-ended lists. */
static void
query_list_xml(xmlNodePtr parent, const char *name, const char *item,
    const char *const *vals, const char *const *names)
{
	xmlNodePtr	 l, n;
	size_t		 i;

	l = xml_el(parent, name, NULL);
	for (i = 0; vals[i] != NULL; i++) {
		n = xml_el(l, item, NULL);
		xml_attr(n, "value", vals[i]);
		xml_attr(n, "name", names[i]);
	}
}

/*
 * The choices of the filter form: states, routes, levels, current work
 * types and the regions below the account's office.  Returns 0 or -1.
 */
static int
query_choices(struct req *r)
{
	xmlNodePtr	 l, n;
	char		*code, *name, *py, *status;
	int		 k;

	query_list_xml(r->root, "states", "state", aq_states, aq_state_names);
	query_list_xml(r->root, "routes", "route", aq_routes, aq_route_names);
	xml_levels(r->root);
	l = xml_el(r->root, "worktypes", NULL);
	if (db_run(r, STMT_WT_ALL) == -1)
		return -1;
	while ((k = db_row(r, STMT_WT_ALL, &code, &name, &py, &status)) == 1)
		if (strcmp(status, "current") == 0) {
			n = xml_el(l, "worktype", NULL);
			xml_attr(n, "code", code);
			xml_attr(n, "name", name);
		}
	if (k == -1)
		return -1;
	l = xml_el(r->root, "regions", NULL);
	if (db_run(r, STMT_AQ_REGIONS, r->unit_id) == -1)
		return -1;
	while ((k = db_row(r, STMT_AQ_REGIONS, &code, &name)) == 1) {
		n = xml_el(l, "region", NULL);
		xml_attr(n, "code", code);
		xml_attr(n, "name", name);
	}
	return k == -1 ? -1 : 0;
}

/* Appends one row of the list. */
static void
query_row_xml(struct req *r, xmlNodePtr list, const struct qrow *q)
{
	xmlNodePtr	 row;

	row = xml_el(list, "row", NULL);
	xml_attrf(row, "id", "%lld", q->id);
	xml_attr(row, "name", q->name);
	aq_person(r, row, q->acct, q->ie, q->iel, 0);
	xml_attr(row, "unit", q->uname);
	xml_attr(row, "unit-code", q->ucode);
	xml_attr(row, "worktype", q->wt);
	if (q->level > 0) {
		xml_attrf(row, "level", "%lld", q->level);
		xml_attr(row, "level-name", xml_level_name((int)q->level));
	}
	if (*q->route != '\0')
		xml_attr(row, "route", query_word(aq_routes, aq_route_names,
		    q->route));
	xml_attr(row, "state", q->state);
	xml_attr(row, "state-name", query_word(aq_states, aq_state_names,
	    q->state));
	xml_attr(row, "submitted", q->submitted);
	if (q->defer > 0)
		xml_attrf(row, "defer", "%lld", q->defer);
	if (*q->wait != '\0')
		xml_attr(row, "waits", query_wait(q->wait));
}

/* The list: <list page pages total size> and its rows. */
static enum rc
query_list(struct req *r, const struct aquery *q)
{
	struct qrow	 row;
	xmlNodePtr	 list;
	long long	 total;
	int		 k;

	if (aq_count(r, q, &total) == -1)
		return RC_DB;
	list = xml_el(r->root, "list", NULL);
	xml_attrf(list, "page", "%lld", q->page);
	xml_attrf(list, "pages", "%lld", (total + LIST_SIZE - 1) / LIST_SIZE);
	xml_attrf(list, "total", "%lld", total);
	xml_attrf(list, "size", "%d", LIST_SIZE);
	if (aq_run_page(r, STMT_AQ_LIST, q, (long long)LIST_SIZE,
	    (q->page - 1) * LIST_SIZE) == -1)
		return RC_DB;
	while ((k = query_fetch(r, STMT_AQ_LIST, &row)) == 1)
		query_row_xml(r, list, &row);
	return k == -1 ? RC_DB : RC_OK;
}

/* Wrong filters: the form with the messages, no rows, 400. */
static enum rc
query_refuse(struct req *r, const char *msg)
{
	size_t	 i;

	if (msg == NULL) {
		for (i = 0; r->fv[i].err == NULL; i++)
			;
		msg = r->fv[i].err;
	}
	xml_form_message(r, msg);
	xml_attr(r->form, "status", "invalid");
	r->status = 400;
	return RC_OK;
}

/* GET /admin/query (the filters of appquery.c) */
enum rc
h_query(struct req *r)
{
	struct aquery	 q;
	const char	*msg;

	xml_page(r, PAGE_QUERY);
	xml_form(r, "/admin/query");
	aq_echo(r);
	if (query_choices(r) == -1)
		return RC_DB;
	xml_attr(xml_el(r->root, "export", NULL), "action", "/admin/query.xlsx");
	if (r->fields_bad)
		return query_refuse(r, NULL);
	if ((msg = aq_read(r, &q)) != NULL)
		return query_refuse(r, msg);
	xml_attrf(r->root, "year", "%lld", q.year);
	return query_list(r, &q);
}

/* The export's columns (query_export_row fills them in this order). */
static const struct xlsx_col query_cols[] = {
	{ "序号", 8, XC_NUM },
	{ "姓名", 12, XC_TEXT },
	{ "身份证号", 22, XC_TEXT },
	{ "性别", 6, XC_TEXT },
	{ "单位编码", 16, XC_TEXT },
	{ "所在单位", 32, XC_TEXT },
	{ "所在地区", 14, XC_TEXT },
	{ "申报工种", 20, XC_TEXT },
	{ "申报等级", 14, XC_TEXT },
	{ "申报方式", 16, XC_TEXT },
	{ "报名状态", 12, XC_TEXT },
	{ "待审核单位", 12, XC_TEXT },
	{ "提交时间", 18, XC_TEXT },
	{ "容缺后补", 10, XC_TEXT },
};
#define QUERY_NCOLS (sizeof(query_cols) / sizeof(query_cols[0]))

/* Writes one row of the export (n is its number).  Returns 0 or -1. */
static int
query_export_row(struct req *r, struct xlsx *x, long long n,
    const struct qrow *q, int full)
{
	const char	*cells[QUERY_NCOLS];
	char		 num[24], *idno;

	snprintf(num, sizeof(num), "%lld", n);
	idno = aq_idno(r, q->acct, q->ie, q->iel, full);
	cells[0] = num;
	cells[1] = q->name;
	cells[2] = idno;
	cells[3] = q->gender;
	cells[4] = q->ucode;
	cells[5] = q->uname;
	cells[6] = q->region;
	cells[7] = q->wt;
	cells[8] = q->level > 0 ? xml_level_name((int)q->level) : "";
	cells[9] = query_word(aq_routes, aq_route_names, q->route);
	cells[10] = query_word(aq_states, aq_state_names, q->state);
	cells[11] = query_wait(q->wait);
	cells[12] = q->submitted;
	cells[13] = q->defer > 0 ? "是" : "";
	return xlsx_row(x, cells);
}

/*
 * Writes every row q finds into x, a chunk at a time along the id, so
 * neither the client's result nor the pool grows with the export (each
 * chunk's ID numbers go into a pool of their own).  *rows is the count.
 * Returns 0, or -1 (logged).
 */
static int
query_export_rows(struct req *r, struct xlsx *x, const struct aquery *q,
    long long *rows)
{
	struct qrow	 row;
	struct pool	*keep = r->pool;
	long long	 after = 0, got;
	int		 k, full = query_full_idno(r), rc = 0;

	*rows = 0;
	do {
		got = 0;
		if (aq_run_page(r, STMT_AQ_EXPORT, q, after,
		    (long long)EXPORT_CHUNK) == -1)
			return -1;
		r->pool = pool_new();
		while ((k = query_fetch(r, STMT_AQ_EXPORT, &row)) == 1) {
			got++;
			after = row.id;
			if (rc == 0 && query_export_row(r, x, *rows + 1, &row,
			    full) == 0)
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

/*
 * The audit's reason for an export: its row count, whether the ID
 * numbers are in full, and the filters given (codes and dates only: a
 * name or an ID number is recorded as which it was, never itself).
 * At most 199 bytes, all ASCII.
 */
static const char *
query_audit_reason(struct req *r, long long rows)
{
	const struct fval	*v = r->fv;
	char			 b[200];
	size_t			 i, n;

	n = (size_t)snprintf(b, sizeof(b), "rows=%lld idno=%s", rows,
	    query_full_idno(r) ? "full" : "masked");
	for (i = AQ_STATE; i < AQ_PAGE && n < sizeof(b); i++) {
		if (*v[i].s == '\0')
			continue;
		n += (size_t)snprintf(b + n, sizeof(b) - n, " %s=%s",
		    r->route->fields[i].key, i != AQ_WHO ? v[i].s :
		    strpbrk(v[i].s, "0123456789") ? "idno" : "name");
	}
	return pool_strdup(r->pool, b);
}

/* Sends x: finished, audited, then streamed.  Frees nothing. */
static enum rc
query_export_send(struct req *r, struct xlsx *x, const struct aquery *q,
    long long rows)
{
	const char	*name;
	off_t		 size;
	int		 fd;

	if (xlsx_finish(x, &fd, &size) == -1)
		return RC_INTERNAL;
	if (audit(r, "query.export", pool_printf(r->pool, "year=%lld",
	    q->year), "ok", query_audit_reason(r, rows)) == -1) {
		close(fd);
		return RC_DB;
	}
	name = pool_printf(r->pool, "报名信息查询_%lld.xlsx", q->year);
	if (resp_download(r, XLSX_CTYPE, pool_printf(r->pool,
	    "query-%lld.xlsx", q->year), name, fd, (long long)size) == -1)
		log_warnx("%s: the export was cut short", __func__);
	close(fd);
	return RC_OK;
}

/* GET /admin/query.xlsx (the same filters): the filtered set. */
enum rc
h_query_xlsx(struct req *r)
{
	struct aquery	 q;
	struct xlsx	*x;
	const char	*msg;
	long long	 total, rows;
	enum rc		 rc;

	if ((msg = aq_read(r, &q)) != NULL) {
		r->message = msg;
		return RC_BADREQ;
	}
	if (aq_count(r, &q, &total) == -1)
		return RC_DB;
	if (total > EXPORT_MAX) {
		r->message = "导出的记录太多（超过20万条），请增加查询条件后再导出。";
		return RC_BADREQ;
	}
	if ((x = xlsx_open(NULL)) == NULL)
		return RC_INTERNAL;
	if (xlsx_sheet(x, "报名信息", query_cols, QUERY_NCOLS) == -1)
		rc = RC_INTERNAL;
	else if (query_export_rows(r, x, &q, &rows) == -1)
		rc = RC_DB;
	else
		rc = query_export_send(r, x, &q, rows);
	xlsx_free(x);
	return rc;
}
