/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_admin.c: the offices' pages: windows (province), registrations */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "web.h"

#define LIST_SIZE	20
#define COUNT_SLOTS	16	/* cached counts per worker */
#define COUNT_TTL	10	/* seconds */

/*
 * The windows page of a year, without the form's values.  *known (if not
 * NULL) is set when the year exists.
 */
static enum rc
windows_page(struct req *r, long long year, int *known)
{
	xmlNodePtr	 y;
	char		*kind, *starts, *ends;
	const char	*name;
	long long	 open;
	int		 n, reg = 0;

	xml_page(r, PAGE_WINDOWS);
	if (year_list(r, year, known) == -1)
		return RC_DB;
	/* <window kind name starts ends open/> per kind set for the year. */
	if (db_run(r, STMT_WINDOW_LIST, year) == -1)
		return RC_DB;
	while ((n = db_row(r, STMT_WINDOW_LIST, &kind, &starts,
	    &ends, &open)) == 1) {
		y = xml_el(r->root, "window", NULL);
		xml_attr(y, "kind", kind);
		if ((name = year_window_name(kind)) != NULL)
			xml_attr(y, "name", name);
		if (strcmp(kind, "registration") == 0)
			reg = 1;
		xml_attr(y, "starts", starts);
		xml_attr(y, "ends", ends);
		xml_attr(y, "open", open ? "1" : "0");
	}
	if (n == -1)
		return RC_DB;
	if (!reg) {		/* not set yet: the element without times */
		y = xml_el(r->root, "window", NULL);
		xml_attr(y, "kind", "registration");
		xml_attr(y, "name", year_window_name("registration"));
	}
	xml_form(r, "/admin/windows");
	xml_attrf(r->form, "year", "%lld", year);
	return RC_OK;
}

/* The year of GET /admin/windows and GET /admin/policy. */
const struct fielddef h_year_fields[] = {
	{ "year", FT_UINT, FL_QUERY, 2000, 2100, NULL,
	    "报考年度应为2000至2100之间的四位数字。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* GET /admin/windows?year= (h_year_fields) */
enum rc
h_windows(struct req *r)
{
	return windows_page(r, *r->fv[0].s != '\0' ? r->fv[0].n : r->year,
	    NULL);
}

/*
 * Normalises "YYYY-MM-DD HH:MM" (or the datetime-local "YYYY-MM-DDTHH:MM")
 * for the database.  Returns NULL if malformed, with *msg set to what is
 * wrong: the format (fmt) or a date or time that does not exist.
 */
static char *
window_time(struct req *r, const char *s, const char *fmt, const char **msg)
{
	struct tm	 tm;
	char		 buf[32];
	const char	*m;

	if ((m = valid_datetime(s, &tm)) != NULL) {
		*msg = strstr(m, "不存在") != NULL || strstr(m, "之间") != NULL ?
		    m : fmt;
		return NULL;
	}
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:00", &tm);
	return pool_strdup(r->pool, buf);
}

/* A window's time: its own message when the date or time does not exist. */
static const char *
windows_check_time(struct req *r, const struct fielddef *f, struct fval *v)
{
	const char	*msg;

	return window_time(r, v->s, f->bad, &msg) == NULL ? msg : NULL;
}

static const char *
windows_check_kind(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	return year_window_name(v->s) == NULL ? f->bad : NULL;
}

/* The fields of POST /admin/windows. */
enum { WF_YEAR, WF_KIND, WF_STARTS, WF_ENDS };
const struct fielddef h_windows_fields[] = {
	[WF_YEAR] = { "year", FT_UINT, FL_REQ, 2000, 2100,
	    "请选择报考年度。", "请选择报考年度。", NULL, NULL },
	[WF_KIND] = { "kind", FT_TEXT, FL_REQ, 1, 32,
	    "请选择时间类别。", "请选择时间类别。", NULL, windows_check_kind },
	[WF_STARTS] = { "starts_at", FT_TEXT, FL_REQ, 1, 32, "请填写开始时间。",
	    "开始时间格式应为“年-月-日 时:分”，如2026-03-01 08:00。", NULL,
	    windows_check_time },
	[WF_ENDS] = { "ends_at", FT_TEXT, FL_REQ, 1, 32, "请填写结束时间。",
	    "结束时间格式应为“年-月-日 时:分”，如2026-03-15 18:00。", NULL,
	    windows_check_time },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* POST /admin/windows: set one window of a year. */
enum rc
h_windows_post(struct req *r)
{
	const struct fval	*fv = r->fv;
	const char		*kind = fv[WF_KIND].s, *msg;
	char			*st, *et, *obj, *why;
	long long		 year = fv[WF_YEAR].err ? r->year : fv[WF_YEAR].n;
	int			 known;
	enum rc			 rc;

	if ((rc = windows_page(r, year, &known)) != RC_OK)
		return rc;
	field_xml(r);
	if (fv[WF_YEAR].err == NULL && !known)
		xml_field_error(r, "year", "该报考年度不存在。");
	st = window_time(r, fv[WF_STARTS].s, "", &msg);
	et = window_time(r, fv[WF_ENDS].s, "", &msg);
	if (st != NULL && et != NULL && strcmp(st, et) >= 0)
		xml_field_error(r, "ends_at", "结束时间必须晚于开始时间。");
	if (r->form_bad) {
		xml_form_message(r, "请按提示修改后重新提交。");
		return RC_OK;
	}
	obj = pool_printf(r->pool, "window:%lld/%s", year, kind);
	why = pool_printf(r->pool, "%s - %s", st, et);
	if (db_begin(r) == -1 ||
	    db_run(r, STMT_WINDOW_SET, year, kind, st, et,
	    r->account_id) == -1 ||
	    audit(r, "window.set", obj, "ok", why) == -1 ||
	    db_commit(r) == -1) {
		db_rollback(r);
		if (db_errno(r) == 1452) {	/* no such year */
			xml_field_error(r, "year", "该报考年度不存在。");
			return RC_OK;
		}
		return RC_DB;
	}
	resp_redirect(r, pool_printf(r->pool, "/admin/windows?year=%lld&m=saved",
	    year));
	return RC_OK;
}

/*
 * Counts the candidates of a scope and filter.  An exact count walks every
 * row of the province (a hundred thousand at peak) on every page view, so
 * each worker keeps the last few counts for COUNT_TTL seconds: the list
 * itself is always fresh, only "共 N 人" may lag by seconds.  Returns the
 * count or -1 on a database failure.
 */
static long long
reg_count(struct req *r, const char *scope, const char *region,
    long long level)
{
	static struct {
		char		 key[48];
		long long	 total;
		time_t		 at;
	}		 cache[COUNT_SLOTS];
	static size_t	 next;
	char		 key[48];
	long long	 total = 0;
	time_t		 now = time(NULL);
	size_t		 i;

	snprintf(key, sizeof(key), "%d|%s|%s|%lld", r->year, scope, region,
	    level);
	for (i = 0; i < COUNT_SLOTS; i++)
		if (strcmp(cache[i].key, key) == 0 &&
		    now - cache[i].at < COUNT_TTL)
			return cache[i].total;
	if (db_run(r, STMT_REG_COUNT, (long long)r->year, scope,
	    scope, region, region, level, level) == -1 ||
	    db_row(r, STMT_REG_COUNT, &total) == -1)
		return -1;
	db_done(r, STMT_REG_COUNT);
	i = next++ % COUNT_SLOTS;
	snprintf(cache[i].key, sizeof(cache[i].key), "%s", key);
	cache[i].total = total;
	cache[i].at = now;
	return total;
}

/* The filters of GET /admin/registrations. */
enum { RF_REGION, RF_LEVEL, RF_PAGE };
const struct fielddef h_registrations_fields[] = {
	[RF_REGION] = { "region", FT_TEXT, FL_QUERY, 6, 6, NULL,
	    "查询条件不正确：地区代码应为6位数字。", NULL, field_check_digits },
	[RF_LEVEL] = { "level", FT_UINT, FL_QUERY, 1, 5, NULL,
	    "查询条件不正确：等级应为1至5。", NULL, NULL },
	[RF_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 1000000, NULL,
	    "查询条件不正确：页码应为正整数。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * Wrong filters (the route is R_INPAGE): the page with the form, each
 * message next to its filter and the first above the form, and no rows.
 */
static enum rc
registrations_refused(struct req *r)
{
	xmlNodePtr	 list;
	size_t		 i;

	for (i = 0; r->fv[i].err == NULL; i++)
		;
	xml_form_message(r, r->fv[i].err);
	list = xml_el(r->root, "list", NULL);
	xml_attr(list, "page", "1");
	xml_attr(list, "pages", "0");
	xml_attr(list, "total", "0");
	xml_attrf(list, "size", "%d", LIST_SIZE);
	return RC_OK;
}

/* GET /admin/registrations?page=&level=&region= */
enum rc
h_registrations(struct req *r)
{
	xmlNodePtr	 list, row;
	const char	*scope, *region;
	char		*name, *rcode, *created, plain[32], m[64];
	unsigned char	*ie, *pe;
	size_t		 iel, pel;
	long long	 id, level = 0, page = 1, total = 0, lv;
	int		 k;

	xml_page(r, PAGE_REGISTRATIONS);
	/* The province sees everything; a city or county its region. */
	scope = r->role == ROLE_PROVINCE ? "" : r->unit_region;
	if (scope == NULL || (r->role != ROLE_PROVINCE && *scope == '\0'))
		return RC_FORBIDDEN;
	region = r->fv[RF_REGION].s;
	if (*r->fv[RF_LEVEL].s != '\0')
		level = r->fv[RF_LEVEL].n;
	if (*r->fv[RF_PAGE].s != '\0')
		page = r->fv[RF_PAGE].n;
	xml_form(r, "/admin/registrations");
	field_xml(r);

	if (regions_xml(r, r->root) == -1)
		return RC_DB;
	xml_levels(r->root);
	if (r->fields_bad)
		return registrations_refused(r);

	if ((total = reg_count(r, scope, region, level)) == -1 ||
	    regions_load(r) == -1)
		return RC_DB;
	list = xml_el(r->root, "list", NULL);
	xml_attrf(list, "page", "%lld", page);
	xml_attrf(list, "pages", "%lld", (total + LIST_SIZE - 1) / LIST_SIZE);
	xml_attrf(list, "total", "%lld", total);
	xml_attrf(list, "size", "%d", LIST_SIZE);
	if (db_run(r, STMT_REG_LIST, (long long)r->year, scope,
	    scope, region, region, level, level, (long long)LIST_SIZE,
	    (page - 1) * LIST_SIZE) == -1)
		return RC_DB;
	while ((k = db_row(r, STMT_REG_LIST, &id, &name, &ie, &iel,
	    &pe, &pel, &rcode, &lv, &created)) == 1) {
		row = xml_el(list, "row", NULL);
		xml_attr_num(row, "id", id);
		pii_mask_name(name, m, sizeof(m));
		xml_attr(row, "name", m);
		if (pii_open(r->cfg, PII_IDNO, id, ie, iel, plain,
		    sizeof(plain)) == 0) {
			pii_mask_idno(plain, m, sizeof(m));
			xml_attr(row, "idno", m);
		}
		if (pii_open(r->cfg, PII_PHONE, id, pe, pel, plain,
		    sizeof(plain)) == 0) {
			pii_mask_phone(plain, m, sizeof(m));
			xml_attr(row, "phone", m);
		}
		xml_attr(row, "region", regions_name(rcode));
		xml_attr_num(row, "level", lv);
		xml_attr(row, "level-name", xml_level_name((int)lv));
		xml_attr(row, "registered", created);
	}
	OPENSSL_cleanse(plain, sizeof(plain));	/* no ID or phone left behind */
	return k == -1 ? RC_DB : RC_OK;
}
