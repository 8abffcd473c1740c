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
 * h_certs.c: 证书管理 (issue 10 item 6; cert.c).  The city office of an
 * exam region, or the province for any region whose results are
 * published: the certificate window, how many passes still wait for a
 * certificate, the button that issues them (inside or before the
 * window), the region's certificates a page at a time (by number, or
 * one number searched).  The province revokes a certificate with a
 * reason.  A city office asking for another region is refused.
 */

#include <string.h>

#include "web.h"
#include "cert.h"

#define CERTS_PAGE	50	/* certificates on the page */

enum { GF_REGION, GF_NO, GF_PAGE };
const struct fielddef h_certs_fields[] = {
	[GF_REGION] = { "region", FT_TEXT, FL_QUERY, 6, 6, NULL,
	    "考核地区代码应为6位数字。", NULL, NULL },
	[GF_NO] = { "no", FT_TEXT, FL_QUERY, 19, 19, NULL,
	    "证书编号应为GQ加17位数字，共19位。", NULL, NULL },
	[GF_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 1000000, NULL,
	    "页码应为正整数。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum { IF_REGION };
const struct fielddef h_certs_issue_fields[] = {
	[IF_REGION] = { "region", FT_TEXT, FL_REQ, 6, 6,
	    "请选择考核地区。", "考核地区代码应为6位数字。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum { RF_NO, RF_REASON, RF_REGION };
const struct fielddef h_certs_revoke_fields[] = {
	[RF_NO] = { "no", FT_TEXT, FL_REQ, 19, 19, "请填写要撤销的证书编号。",
	    "证书编号应为GQ加17位数字，共19位。", NULL, NULL },
	[RF_REASON] = { "reason", FT_TEXT, FL_REQ | FL_LINES, 2, 200,
	    "请填写撤销原因（2至200字）。", "撤销原因应为2至200字。", NULL, NULL },
	[RF_REGION] = { "region", FT_TEXT, 0, 6, 6, NULL,
	    "考核地区代码应为6位数字。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* The first wrong field's message. */
static const char *
certs_field_msg(struct req *r)
{
	size_t	 i;

	for (i = 0; r->route->fields[i].key != NULL; i++)
		if (r->fv[i].err != NULL)
			return r->fv[i].err;
	return "请求有误。";
}

/*
 * The exam region the account manages: a city office its own (another
 * asked: NULL with r->message, 403), the province the one asked or the
 * first published; <regions> lists the published regions.
 */
static const char *
certs_region(struct req *r, const char *asked, int *forbidden)
{
	xmlNodePtr	 list, n;
	char		*code, *name;
	const char	*pick = NULL;
	int		 k;

	*forbidden = 0;
	if (r->role == ROLE_CITY) {
		if (*asked != '\0' && (r->unit_region == NULL ||
		    strcmp(asked, r->unit_region) != 0)) {
			*forbidden = 1;
			r->message = "市工考办只能管理本市考核地区的电子证书。";
			return NULL;
		}
		asked = r->unit_region != NULL ? r->unit_region : "";
	}
	list = xml_el(r->root, "regions", NULL);
	if (db_run(r, STMT_CT_REGIONS, (long long)r->year) == -1)
		return NULL;
	while ((k = db_row(r, STMT_CT_REGIONS, &code, &name)) == 1) {
		if (r->role == ROLE_CITY && strcmp(code, asked) != 0)
			continue;
		n = xml_el(list, "region", name);
		xml_attr(n, "code", code);
		if (pick == NULL && (*asked == '\0' ||
		    strcmp(code, asked) == 0)) {
			pick = code;
			xml_attr(n, "selected", "1");
		}
	}
	if (k == -1)
		return NULL;
	return pick != NULL ? pick : r->role == ROLE_CITY ? asked : "";
}

/* The region's counts and the list (page of number no, or all). */
static int
certs_list(struct req *r, const char *region, const char *no, long long page)
{
	xmlNodePtr	 s, list, n;
	char		*cno, *name, *idno, *wt, *issued, *state;
	char		*rat, *why;
	long long	 total = 0, revoked = 0, due = 0, level;
	int		 k;

	if (db_run(r, STMT_CT_COUNT, (long long)r->year, region, no,
	    no) == -1 || db_row(r, STMT_CT_COUNT, &total, &revoked) != 1)
		return -1;
	db_done(r, STMT_CT_COUNT);
	if (db_run(r, STMT_CT_DUE_COUNT, (long long)r->year, region) == -1 ||
	    db_row(r, STMT_CT_DUE_COUNT, &due) != 1)
		return -1;
	db_done(r, STMT_CT_DUE_COUNT);
	s = xml_el(r->root, "summary", NULL);
	xml_attr(s, "region", region);
	xml_attrf(s, "due", "%lld", due);
	xml_attrf(s, "revoked", "%lld", revoked);
	list = xml_el(r->root, "list", NULL);
	xml_attrf(list, "page", "%lld", page);
	xml_attrf(list, "pages", "%lld", (total + CERTS_PAGE - 1) / CERTS_PAGE);
	xml_attrf(list, "total", "%lld", total);
	if (db_run(r, STMT_CT_LIST, (long long)r->year, region, no, no,
	    (long long)CERTS_PAGE, (page - 1) * CERTS_PAGE) == -1)
		return -1;
	while ((k = db_row(r, STMT_CT_LIST, &cno, &name, &idno, &level, &wt,
	    &issued, &state, &rat, &why)) == 1) {
		n = xml_el(list, "cert", NULL);
		xml_attr(n, "no", cno);
		xml_attr(n, "name", name);
		xml_attr(n, "idno", idno);
		xml_attr(n, "worktype", wt);
		xml_attr(n, "level-name", level >= 1 && level <= 5 ?
		    xml_level_name((int)level) : "");
		xml_attr(n, "issued", issued);
		xml_attr(n, "state", state);
		if (strcmp(state, "revoked") == 0) {
			xml_attr(n, "revoked", rat);
			xml_el(n, "reason", why);
		}
	}
	return k == -1 ? -1 : 0;
}

/*
 * The page for region asked (and number no, page): window, regions,
 * summary, list; the GET form keeps the filters for the pager.
 */
static enum rc
certs_page(struct req *r, const char *asked, const char *no, long long page)
{
	const char	*region;
	int		 forbidden;

	xml_page(r, PAGE_CERTS);
	if (year_window(r, r->root, "certificate", NULL) == -1)
		return RC_DB;
	if ((region = certs_region(r, asked, &forbidden)) == NULL)
		return forbidden ? RC_FORBIDDEN : RC_DB;
	xml_form(r, "/admin/certs");
	xml_field(r, "region", region);
	xml_field(r, "no", no);
	if (*region == '\0')
		return RC_OK;
	return certs_list(r, region, no, page) == -1 ? RC_DB : RC_OK;
}

/* GET /admin/certs[?region=&no=&page=] */
enum rc
h_certs(struct req *r)
{
	enum rc	 rc;

	if (r->fields_bad) {
		rc = certs_page(r, r->fv[GF_REGION].err ? "" :
		    r->fv[GF_REGION].s, "", 1);
		if (rc == RC_OK) {
			xml_form_refuse(r, certs_field_msg(r));
			r->status = 400;
		}
		return rc;
	}
	return certs_page(r, r->fv[GF_REGION].s, r->fv[GF_NO].s,
	    r->fv[GF_PAGE].given ? r->fv[GF_PAGE].n : 1);
}

/* The page again for region with a refusal above it. */
static enum rc
certs_refuse(struct req *r, const char *region, const char *msg, int status)
{
	enum rc	 rc;

	if ((rc = certs_page(r, region, "", 1)) != RC_OK)
		return rc;
	xml_form_refuse(r, msg);
	r->status = status;
	return RC_OK;
}

/* POST /admin/certs/issue: csrf, region. */
enum rc
h_certs_issue(struct req *r)
{
	struct cert_run	 run;
	const char	*region = r->fv[IF_REGION].s;
	int		 k, forbidden;

	if (r->fields_bad || !cert_region_ok(region))
		return certs_refuse(r, "", r->fields_bad ? certs_field_msg(r) :
		    "考核地区代码应为6位数字。", 400);
	if (r->role == ROLE_CITY && (r->unit_region == NULL ||
	    strcmp(region, r->unit_region) != 0)) {
		xml_page(r, PAGE_CERTS);
		(void)certs_region(r, region, &forbidden);
		return RC_FORBIDDEN;
	}
	if ((k = cert_issue(r, region, &run)) == -1)
		return RC_DB;
	if (k == CERT_LATE)
		return certs_refuse(r, region, "电子证书时间已结束，不能再签发证书。"
		    "如需补发，请先由省工考办延长电子证书时间。", 409);
	if (k == CERT_UNPUBLISHED)
		return certs_refuse(r, region, "该地区的考核结果尚未公布，不能签发"
		    "电子证书。", 409);
	resp_redirect(r, pool_printf(r->pool, "/admin/certs?region=%s&m=%s",
	    region, "certs_issued"));
	return RC_OK;
}

/* POST /admin/certs/revoke: csrf, no, reason[, region] (the province). */
enum rc
h_certs_revoke(struct req *r)
{
	const char	*region = r->fv[RF_REGION].s;
	int		 k;

	if (!cert_region_ok(region))
		region = "";
	if (r->fields_bad)
		return certs_refuse(r, region, certs_field_msg(r), 400);
	k = cert_revoke(r, r->fv[RF_NO].s, r->fv[RF_REASON].s);
	if (k == -1)
		return RC_DB;
	if (k == CERT_NONE)
		return certs_refuse(r, region, "没有这个编号的证书。", 404);
	if (k == CERT_REVOKED)
		return certs_refuse(r, region, "这本证书已经撤销，不能再次撤销。",
		    409);
	resp_redirect(r, pool_printf(r->pool, "/admin/certs?region=%s&m=%s",
	    region, "cert_revoked"));
	return RC_OK;
}
