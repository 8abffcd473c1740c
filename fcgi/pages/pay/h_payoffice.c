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
 * h_payoffice.c: the offices' payment pages (缴费管理, seed 002 §3.2):
 * 应缴报考人员列表, 网上缴费状态查询, 扫码缴费, 缴费统计.  Every list and
 * count is within the account's subtree (db.c SCOPE); names and ID
 * numbers are masked.
 */

#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "payorder.h"

#define LIST_SIZE	50
#define MSG_PAGE	"查询条件不正确：页码应为正整数。"

enum { LF_ST, LF_LEVEL, LF_Q, LF_PAGE };

/* The filters of 应缴报考人员列表 and 网上缴费状态查询. */
const struct fielddef h_paylist_fields[] = {
	[LF_ST] = { "st", FT_TEXT, FL_QUERY, 0, 16, NULL,
	    "查询条件不正确：请从列表中选择状态。", NULL, NULL },
	[LF_LEVEL] = { "level", FT_UINT, FL_QUERY, 1, 5, NULL,
	    "查询条件不正确：等级应为1至5。", NULL, NULL },
	[LF_Q] = { "q", FT_TEXT, FL_QUERY, 1, 32, NULL,
	    "查询条件不正确：订单号为1至32位大写字母或数字。", NULL, NULL },
	[LF_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 1000000, NULL, MSG_PAGE,
	    NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* The states a list may be filtered by, and their names. */
struct choice {
	const char	*code;
	const char	*name;
};
static const struct choice due_states[] = {
	{ "due", "未缴费" }, { "paid", "已缴费" }, { "all", "全部" },
	{ NULL, NULL }
};
static const struct choice order_states[] = {
	{ "PENDING", "待确认" }, { "PAID", "已缴费" },
	{ "PAID_LATE", "逾期到账" }, { "EXPIRED", "已失效" },
	{ "CLOSED", "已关闭" }, { "REFUND_DUE", "待退费" },
	{ "REFUNDED", "已退费" }, { NULL, NULL }
};

/* Appends <states> of the choices, sel selected. */
static void
states_xml(struct req *r, const struct choice *c, const char *sel)
{
	xmlNodePtr	 ss, s;

	ss = xml_el(r->root, "states", NULL);
	for (; c->code != NULL; c++) {
		s = xml_el(ss, "state", c->name);
		xml_attr(s, "code", c->code);
		if (strcmp(c->code, sel) == 0)
			xml_attr(s, "selected", "1");
	}
}

/* True if s is one of the choices' codes. */
static int
choice_ok(const struct choice *c, const char *s)
{
	for (; c->code != NULL; c++)
		if (strcmp(c->code, s) == 0)
			return 1;
	return 0;
}

/* True if s looks like an order number: 1-32 capital letters, digits. */
static int
order_like(const char *s)
{
	size_t	 n = strlen(s);

	return n >= 1 && n <= 32 &&
	    strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == n;
}

/* Appends the <list> (page, pages, total, size) of total rows. */
static xmlNodePtr
list_start(struct req *r, long long total)
{
	xmlNodePtr	 list;
	long long	 page = *r->fv[LF_PAGE].s && r->fv[LF_PAGE].err == NULL ?
	    r->fv[LF_PAGE].n : 1;

	list = xml_el(r->root, "list", NULL);
	xml_attrf(list, "page", "%lld", page);
	xml_attrf(list, "pages", "%lld", (total + LIST_SIZE - 1) / LIST_SIZE);
	xml_attrf(list, "total", "%lld", total);
	xml_attrf(list, "size", "%d", LIST_SIZE);
	return list;
}

/*
 * The filter form of path; 1 when the filters are good, 0 when one is
 * wrong (the form says which, status invalid, an empty list).
 */
static int
filters_ok(struct req *r, const char *path, const struct choice *states,
    const char *st)
{
	const char	*msg = NULL;
	int		 i;

	xml_form(r, path);
	field_xml(r);
	xml_levels(r->root);
	states_xml(r, states, st);
	for (i = LF_ST; i <= LF_PAGE && msg == NULL; i++)
		msg = r->fv[i].err;
	if (msg == NULL && *st != '\0' && !choice_ok(states, st)) {
		msg = h_paylist_fields[LF_ST].bad;
		xml_field_error(r, "st", msg);
	}
	if (msg == NULL && *r->fv[LF_Q].s != '\0' && !order_like(r->fv[LF_Q].s)) {
		msg = h_paylist_fields[LF_Q].bad;
		xml_field_error(r, "q", msg);
	}
	if (msg == NULL)
		return 1;
	xml_form_refuse(r, msg);
	list_start(r, 0);
	return 0;
}

/* Masks name and the sealed ID number (row acct) onto row. */
static void
person_attrs(struct req *r, xmlNodePtr row, const char *name, long long acct,
    const unsigned char *ie, size_t iel)
{
	char	 plain[32], m[64];

	pii_mask_name(name, m, sizeof(m));
	xml_attr(row, "name", m);
	if (ie != NULL && pii_open(r->cfg, PII_IDNO, acct, ie, iel, plain,
	    sizeof(plain)) == 0) {
		pii_mask_idno(plain, m, sizeof(m));
		xml_attr(row, "idno", m);
	}
	OPENSSL_cleanse(plain, sizeof(plain));
}

/* Sets level and level-name on row. */
static void
level_attrs(xmlNodePtr row, long long lv)
{
	if (xml_level_name((int)lv) == NULL)
		return;
	xml_attrf(row, "level", "%lld", lv);
	xml_attr(row, "level-name", xml_level_name((int)lv));
}

/* GET /admin/pay/due?st=due|paid|all&level=&page=: 应缴报考人员列表. */
enum rc
h_paydue(struct req *r)
{
	xmlNodePtr	 list, row;
	const char	*st = *r->fv[LF_ST].s ? r->fv[LF_ST].s : "due";
	char		*name, *wt, *unit, *dec, *paid, *ost;
	unsigned char	*ie;
	size_t		 iel;
	long long	 lvl, page, total = 0, app, acct, lv;
	int		 k;

	xml_page(r, PAGE_PAYDUE);
	xml_attrf(r->root, "year", "%d", r->year);
	if (!filters_ok(r, "/admin/pay/due", due_states, st))
		return RC_OK;
	lvl = *r->fv[LF_LEVEL].s ? r->fv[LF_LEVEL].n : 0;
	page = *r->fv[LF_PAGE].s ? r->fv[LF_PAGE].n : 1;
	if (db_run(r, STMT_PW_DUE_COUNT, r->unit_id, (long long)r->year, lvl,
	    lvl, st, st, st) == -1 ||
	    db_row(r, STMT_PW_DUE_COUNT, &total) == -1)
		return RC_DB;
	db_done(r, STMT_PW_DUE_COUNT);
	list = list_start(r, total);
	if (db_run(r, STMT_PW_DUE_LIST, r->unit_id, (long long)r->year, lvl,
	    lvl, st, st, st, (long long)LIST_SIZE, (page - 1) * LIST_SIZE) == -1)
		return RC_DB;
	while ((k = db_row(r, STMT_PW_DUE_LIST, &app, &acct, &name, &ie, &iel,
	    &lv, &wt, &unit, &dec, &paid, &ost)) == 1) {
		row = xml_el(list, "row", NULL);
		xml_attrf(row, "app", "%lld", app);
		person_attrs(r, row, name, acct, ie, iel);
		level_attrs(row, lv);
		xml_attr(row, "worktype", wt);
		xml_attr(row, "unit", unit);
		xml_attr(row, "decided", dec);
		if (*paid != '\0')
			xml_attr(row, "paid", paid);
		if (*ost != '\0') {
			xml_attr(row, "order-state", ost);
			xml_attr(row, "order-state-name",
			    payorder_state_name(ost));
		}
	}
	return k == -1 ? RC_DB : RC_OK;
}

/* GET /admin/pay/orders?st=STATE&q=ORDER_NO&page=: 网上缴费状态查询. */
enum rc
h_payorders(struct req *r)
{
	xmlNodePtr	 list, row;
	const char	*st = r->fv[LF_ST].s, *q = r->fv[LF_Q].s;
	char		*no, *ost, *trade, *code, *made, *paid, *name, *unit;
	char		 yuan[32];
	unsigned char	*ie;
	size_t		 iel;
	long long	 page, total = 0, fen, acct, lv;
	int		 k;

	xml_page(r, PAGE_PAYORDERS);
	xml_attrf(r->root, "year", "%d", r->year);
	if (!filters_ok(r, "/admin/pay/orders", order_states, st))
		return RC_OK;
	page = *r->fv[LF_PAGE].s ? r->fv[LF_PAGE].n : 1;
	if (db_run(r, STMT_PW_ORD_COUNT, r->unit_id, (long long)r->year, st,
	    st, q, q) == -1 || db_row(r, STMT_PW_ORD_COUNT, &total) == -1)
		return RC_DB;
	db_done(r, STMT_PW_ORD_COUNT);
	list = list_start(r, total);
	if (db_run(r, STMT_PW_ORD_LIST, r->unit_id, (long long)r->year, st, st,
	    q, q, (long long)LIST_SIZE, (page - 1) * LIST_SIZE) == -1)
		return RC_DB;
	while ((k = db_row(r, STMT_PW_ORD_LIST, &no, &ost, &fen, &trade,
	    &code, &made, &paid, &name, &acct, &ie, &iel, &lv, &unit)) == 1) {
		row = xml_el(list, "row", NULL);
		xml_attr(row, "order", no);
		xml_attr(row, "state", ost);
		xml_attr(row, "state-name", payorder_state_name(ost));
		xml_attr(row, "yuan", payrule_fen(fen, yuan, sizeof(yuan)));
		person_attrs(r, row, name, acct, ie, iel);
		level_attrs(row, lv);
		xml_attr(row, "unit", unit);
		xml_attr(row, "created", made);
		if (*paid != '\0')
			xml_attr(row, "paid", paid);
		if (*trade != '\0')
			xml_attr(row, "trade", trade);
		if (*code != '\0')
			xml_attr(row, "pay-code", code);
	}
	return k == -1 ? RC_DB : RC_OK;
}

/*
 * GET /admin/pay/qr: 扫码缴费, a QR code of the site's payment page.  A
 * candidate at the office scans it with his phone, logs in as himself
 * and pays; the code carries no personal data (the same code for all).
 */
enum rc
h_payqr(struct req *r)
{
	const char	*url;

	xml_page(r, PAGE_PAYQR);
	url = pool_printf(r->pool, "%s/pay", r->cfg->site_url != NULL ?
	    r->cfg->site_url : "");
	xml_attr(r->root, "url", url);
	return xml_qr(r, r->root, url) == -1 ? RC_INTERNAL : RC_OK;
}
