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
 * h_paycases.c: the money that needs a person (SECURITY.md §3): double
 * payments (to refund) and late payments (on a closed or expired order:
 * accept or refund), each decided with a reason, recorded in
 * pay_decision and the audit trail; and 对账 (the province): every
 * difference a reconciliation run found (gkbm-admin pay-reconcile),
 * explained by a person, never fixed silently.
 */

#include <string.h>

#include "web.h"
#include "payorder.h"

#define REASON_MIN	2
#define REASON_MAX	200
#define MSG_REASON	"请填写处理理由（2至200个字）。"
#define MSG_ID		"请从列表中选择要处理的款项。"

enum { CF_ID, CF_ACTION, CF_REASON };

static const char *const actions[] = { "accept", "refund", "refunded", NULL };

/* POST /admin/pay/cases: one decision on one payment. */
const struct fielddef h_paycase_fields[] = {
	[CF_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL, MSG_ID, MSG_ID,
	    NULL, NULL },
	[CF_ACTION] = { "action", FT_CHOICE, FL_REQ, 0, 0,
	    "请选择处理方式（确认到账、退费或已退费）。",
	    "请选择处理方式（确认到账、退费或已退费）。", actions, NULL },
	[CF_REASON] = { "reason", FT_TEXT, FL_REQ | FL_LINES, REASON_MIN,
	    REASON_MAX, MSG_REASON, MSG_REASON, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum { RF_ID, RF_REASON };

/* POST /admin/pay/reconcile: a difference explained. */
const struct fielddef h_payrecon_fields[] = {
	[RF_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL,
	    "请从列表中选择要处理的差异。", "请从列表中选择要处理的差异。",
	    NULL, NULL },
	[RF_REASON] = { "reason", FT_TEXT, FL_REQ | FL_LINES, REASON_MIN,
	    REASON_MAX, MSG_REASON, MSG_REASON, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * The legal decisions: kind of payment (NULL any), its status, the
 * action, its new status, and for a late payment its order's move.
 */
static const struct move {
	const char	*kind, *from, *action, *to;
	const char	*order_from, *order_to;
} moves[] = {
	{ "late", "open", "accept", "accepted", "PAID_LATE", "PAID" },
	{ "late", "open", "refund", "refund_due", "PAID_LATE", "REFUND_DUE" },
	{ "double", "open", "refund", "refund_due", NULL, NULL },
	{ "late", "refund_due", "refunded", "refunded", "REFUND_DUE",
	    "REFUNDED" },
	{ "double", "refund_due", "refunded", "refunded", NULL, NULL },
};

/* Names of the kinds, statuses and actions for the page. */
static const struct {
	const char	*code, *name;
} words[] = {
	{ "late", "逾期到账" }, { "double", "重复缴费" },
	{ "open", "待处理" }, { "accepted", "已确认到账" },
	{ "refund_due", "待退费" }, { "refunded", "已退费" },
	{ "accept", "确认到账" }, { "refund", "退费" },
	{ "resolve", "已核实" },
};

static const char *
word(const char *code)
{
	size_t	 i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i].code, code) == 0)
			return words[i].name;
	return code;
}

/* The move of action on a payment of kind in status, or NULL. */
static const struct move *
move_find(const char *kind, const char *status, const char *action)
{
	size_t	 i;

	for (i = 0; i < sizeof(moves) / sizeof(moves[0]); i++)
		if (strcmp(moves[i].kind, kind) == 0 &&
		    strcmp(moves[i].from, status) == 0 &&
		    strcmp(moves[i].action, action) == 0)
			return &moves[i];
	return NULL;
}

/* Appends <decision action action-name reason by at> to each row. */
static int
cases_decisions(struct req *r, xmlNodePtr list)
{
	xmlNodePtr	 row, d;
	xmlChar		*id;
	char		*act, *why, *by, *at, key[24];
	long long	 pid;
	int		 k;

	if (db_run(r, STMT_PW_CASE_DECISIONS, r->unit_id,
	    (long long)r->year) == -1)
		return -1;
	while ((k = db_row(r, STMT_PW_CASE_DECISIONS, &pid, &act, &why, &by,
	    &at)) == 1) {
		snprintf(key, sizeof(key), "%lld", pid);
		for (row = list->children; row != NULL; row = row->next) {
			id = xmlGetProp(row, (const xmlChar *)"id");
			k = id != NULL && strcmp((char *)id, key) == 0;
			xmlFree(id);
			if (k)
				break;
		}
		if (row == NULL)
			continue;
		d = xml_el(row, "decision", why);
		xml_attr(d, "action", act);
		xml_attr(d, "action-name", word(act));
		xml_attr(d, "by", by);
		xml_attr(d, "at", at);
	}
	return k == -1 ? -1 : 0;
}

/* The page: every double and late payment of the subtree. */
static enum rc
cases_page(struct req *r)
{
	xmlNodePtr	 list, row;
	char		*kind, *st, *trade, *at, *no, *ost, *name, *unit;
	char		 yuan[32], m[64];
	long long	 id, fen;
	int		 k;

	xml_page(r, PAGE_PAYCASES);
	xml_attrf(r->root, "year", "%d", r->year);
	list = xml_el(r->root, "list", NULL);
	if (db_run(r, STMT_PW_CASE_LIST, r->unit_id, (long long)r->year) == -1)
		return RC_DB;
	while ((k = db_row(r, STMT_PW_CASE_LIST, &id, &kind, &st, &trade,
	    &fen, &at, &no, &ost, &name, &unit)) == 1) {
		row = xml_el(list, "row", NULL);
		xml_attrf(row, "id", "%lld", id);
		xml_attr(row, "kind", kind);
		xml_attr(row, "kind-name", word(kind));
		xml_attr(row, "status", st);
		xml_attr(row, "status-name", word(st));
		xml_attr(row, "trade", trade);
		xml_attr(row, "yuan", payrule_fen(fen, yuan, sizeof(yuan)));
		xml_attr(row, "paid", at);
		xml_attr(row, "order", no);
		xml_attr(row, "order-state", ost);
		xml_attr(row, "order-state-name", payorder_state_name(ost));
		pii_mask_name(name, m, sizeof(m));
		xml_attr(row, "name", m);
		xml_attr(row, "unit", unit);
	}
	if (k == -1 || cases_decisions(r, list) == -1)
		return RC_DB;
	return RC_OK;
}

/* GET /admin/pay/cases: 退费与逾期到账. */
enum rc
h_paycases(struct req *r)
{
	enum rc	 rc;

	if ((rc = cases_page(r)) != RC_OK)
		return rc;
	xml_form(r, "/admin/pay/cases");
	return RC_OK;
}

/*
 * Applies move m to payment id (locked, of kind late: its order moves
 * too; accepted: the application is paid by it unless paid already,
 * which the caller refused).  Returns 0 or -1.
 */
static int
case_apply(struct req *r, long long id, const struct move *m, long long order,
    long long app, const char *why)
{
	if (db_run(r, STMT_PW_CASE_SET, m->to, id) == -1)
		return -1;
	if (m->order_from != NULL && db_run(r, STMT_PW_CASE_ORDER, m->order_to,
	    m->order_from, order) == -1)
		return -1;
	if (strcmp(m->action, "accept") == 0 &&
	    db_run(r, STMT_PW_CASE_APP_PAID, id, order, app) == -1)
		return -1;
	if (db_run(r, STMT_PW_DECISION, id, 0LL, m->action, why,
	    r->account_id) == -1)
		return -1;
	return audit(r, pool_printf(r->pool, "pay.%s", m->action),
	    pool_printf(r->pool, "payment:%lld", id), "ok", why);
}

/* Refuses the decision: the page with the message (409), nothing done. */
static enum rc
case_refuse(struct req *r, const char *msg, int status)
{
	enum rc	 rc;

	db_rollback(r);
	if ((rc = cases_page(r)) != RC_OK)
		return rc;
	xml_form(r, "/admin/pay/cases");
	field_xml(r);
	if (status == 400)
		xml_form_refuse(r, msg);	/* a field is wrong */
	else {
		xml_form_message(r, msg);	/* 404, 409: the form was right */
		r->status = status;
	}
	return RC_OK;
}

/* POST /admin/pay/cases: accept, refund or record a refund. */
enum rc
h_paycase_post(struct req *r)
{
	const struct fval	*fv = r->fv;
	const struct move	*m;
	char			*kind, *st, *ost;
	long long		 order, app, paid;
	int			 k, i;

	if (r->fields_bad) {
		for (i = CF_ID; fv[i].err == NULL; i++)
			;
		return case_refuse(r, fv[i].err, 400);
	}
	if (db_begin(r) == -1 ||
	    db_run(r, STMT_PW_CASE_LOCK, r->unit_id, fv[CF_ID].n) == -1 ||
	    (k = db_row(r, STMT_PW_CASE_LOCK, &kind, &st, &order, &app, &ost,
	    &paid)) == -1)
		goto fail;
	if (k == 0)
		return case_refuse(r, "没有这笔款项，或它不在本单位管辖范围内。",
		    404);
	db_done(r, STMT_PW_CASE_LOCK);
	if ((m = move_find(kind, st, fv[CF_ACTION].s)) == NULL)
		return case_refuse(r, pool_printf(r->pool, "这笔%s当前为“%s”，"
		    "不能%s。", word(kind), word(st), word(fv[CF_ACTION].s)),
		    409);
	if (strcmp(m->action, "accept") == 0 && paid)
		return case_refuse(r, "该报考人员已有一笔有效缴费，"
		    "逾期到账的款项只能退费。", 409);
	if (case_apply(r, fv[CF_ID].n, m, order, app, fv[CF_REASON].s) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	resp_redirect(r, "/admin/pay/cases?m=done");
	return RC_OK;
fail:
	db_rollback(r);
	return RC_DB;
}

/* Appends <run>s and <diff>s with their explanations. */
static enum rc
recon_page(struct req *r)
{
	xmlNodePtr	 runs, x, diffs;
	char		*date, *file, *fin, *kind, *no, *trade, *act, *why, *by;
	char		*at, yuan[32];
	long long	 id, rows, sum, nd, run, ours, theirs, res;
	int		 k;

	xml_page(r, PAGE_PAYRECON);
	runs = xml_el(r->root, "runs", NULL);
	if (db_run(r, STMT_PW_RECON_RUNS) == -1)
		return RC_DB;
	while ((k = db_row(r, STMT_PW_RECON_RUNS, &id, &date, &rows, &sum,
	    &nd, &file, &fin)) == 1) {
		x = xml_el(runs, "run", NULL);
		xml_attrf(x, "id", "%lld", id);
		xml_attr(x, "date", date);
		xml_attrf(x, "rows", "%lld", rows);
		xml_attr(x, "yuan", payrule_fen(sum, yuan, sizeof(yuan)));
		xml_attrf(x, "diffs", "%lld", nd);
		xml_attr(x, "file", file);
		xml_attr(x, "finished", fin);
	}
	if (k == -1)
		return RC_DB;
	diffs = xml_el(r->root, "diffs", NULL);
	if (db_run(r, STMT_PW_RECON_DIFFS) == -1)
		return RC_DB;
	while ((k = db_row(r, STMT_PW_RECON_DIFFS, &id, &run, &kind, &no,
	    &trade, &ours, &theirs, &res)) == 1) {
		x = xml_el(diffs, "diff", NULL);
		xml_attrf(x, "id", "%lld", id);
		xml_attrf(x, "run", "%lld", run);
		xml_attr(x, "kind", kind);
		if (*no != '\0')
			xml_attr(x, "order", no);
		if (*trade != '\0')
			xml_attr(x, "trade", trade);
		if (ours >= 0)
			xml_attr(x, "ours", payrule_fen(ours, yuan, sizeof(yuan)));
		if (theirs >= 0)
			xml_attr(x, "theirs", payrule_fen(theirs, yuan,
			    sizeof(yuan)));
		xml_attr(x, "resolved", res ? "1" : "0");
	}
	if (k == -1 || db_run(r, STMT_PW_RECON_NOTES) == -1)
		return RC_DB;
	while ((k = db_row(r, STMT_PW_RECON_NOTES, &id, &act, &why, &by,
	    &at)) == 1) {
		x = xml_el(diffs, "note", why);
		xml_attrf(x, "diff", "%lld", id);
		xml_attr(x, "by", by);
		xml_attr(x, "at", at);
	}
	return k == -1 ? RC_DB : RC_OK;
}

/* GET /admin/pay/reconcile: 对账 (the province). */
enum rc
h_payrecon(struct req *r)
{
	enum rc	 rc;

	if ((rc = recon_page(r)) != RC_OK)
		return rc;
	xml_form(r, "/admin/pay/reconcile");
	return RC_OK;
}

/* POST /admin/pay/reconcile: a difference explained (resolved). */
enum rc
h_payrecon_post(struct req *r)
{
	const struct fval	*fv = r->fv;
	const char		*msg = NULL;
	enum rc			 rc;
	int			 ok = 0;

	if (r->fields_bad)
		msg = fv[RF_ID].err != NULL ? fv[RF_ID].err : fv[RF_REASON].err;
	else if (db_begin(r) == -1 ||
	    (ok = db_run(r, STMT_PW_RECON_RESOLVE, fv[RF_ID].n)) == -1)
		goto fail;
	else if (ok == 0)
		msg = "这条差异不存在或已处理。";
	if (msg == NULL && (db_run(r, STMT_PW_DECISION, 0LL, fv[RF_ID].n,
	    "resolve", fv[RF_REASON].s, r->account_id) == -1 ||
	    audit(r, "pay.resolve", pool_printf(r->pool, "recon_diff:%lld",
	    fv[RF_ID].n), "ok", fv[RF_REASON].s) == -1 || db_commit(r) == -1))
		goto fail;
	if (msg == NULL) {
		resp_redirect(r, "/admin/pay/reconcile?m=done");
		return RC_OK;
	}
	db_rollback(r);
	if ((rc = recon_page(r)) != RC_OK)
		return rc;
	xml_form(r, "/admin/pay/reconcile");
	field_xml(r);
	if (r->fields_bad)
		xml_form_refuse(r, msg);
	else {
		xml_form_message(r, msg);
		r->status = 409;
	}
	return RC_OK;
fail:
	db_rollback(r);
	return RC_DB;
}
