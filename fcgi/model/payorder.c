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
 * payorder.c: the candidate's payment (SPEC §3.6, seed 000 §5): the
 * facts of his application (payrule.c decides), the receipt name fixed
 * once, and his one open order (schema/0018-payment.sql: pay_order's
 * UNIQUE open_app; the application row locked first, so two clicks at
 * once wait for each other and the second finds the first's order).
 */

#include <stdio.h>
#include <string.h>

#include <openssl/rand.h>

#include "web.h"
#include "payorder.h"

#define D_ORDER_MINUTES	30	/* when pay_order_minutes is not set */

const char *const payorder_receipt_kinds[] = { "person", "unit", "other",
	NULL };
static const char *const receipt_names[] = { "个人", "单位", "其他" };

/* pay_order.state and what the pages call it. */
static const struct {
	const char	*state;
	const char	*name;
} states[] = {
	{ "PENDING",	"待确认" },
	{ "PAID",	"已缴费" },
	{ "PAID_LATE",	"逾期到账（待处理）" },
	{ "CLOSED",	"已关闭" },
	{ "EXPIRED",	"已失效（未缴费）" },
	{ "REFUND_DUE",	"待退费" },
	{ "REFUNDED",	"已退费" },
};

/* The Chinese name of a receipt kind, or NULL if kind is none. */
const char *
payorder_receipt_name(const char *kind)
{
	size_t	 i;

	for (i = 0; kind != NULL && payorder_receipt_kinds[i] != NULL; i++)
		if (strcmp(payorder_receipt_kinds[i], kind) == 0)
			return receipt_names[i];
	return NULL;
}

/* The Chinese name of an order state (the state itself if unknown). */
const char *
payorder_state_name(const char *state)
{
	size_t	 i;

	for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		if (strcmp(states[i].state, state) == 0)
			return states[i].name;
	return state;
}

/*
 * Reads the candidate's application of the session into *pa.  Returns
 * 1, 0 when he has none, or -1 on a database failure.
 */
int
payorder_load(struct req *r, struct payapp *pa)
{
	int	 n;

	memset(pa, 0, sizeof(*pa));
	if (db_run(r, STMT_PW_APP, r->account_id) == -1 ||
	    (n = db_row(r, STMT_PW_APP, &pa->id, &pa->state, &pa->year,
	    &pa->level, &pa->decided_at, &pa->decided, &pa->paid, &pa->city,
	    &pa->city_name, &pa->online, &pa->fee_fen, &pa->wait_hours,
	    &pa->window, &pa->win_starts, &pa->win_ends, &pa->now,
	    &pa->worktype)) == -1)
		return -1;
	if (n == 1)
		db_done(r, STMT_PW_APP);
	if (n == 1 && pa->wait_hours < 0)
		pa->wait_hours = payrule_wait_default((int)pa->level);
	return n;
}

/* payrule.c's verdict on pa; *opens as payrule_gate's. */
enum pay_gate
payorder_gate(const struct payapp *pa, long long *opens)
{
	struct pay_facts	 f;

	memset(&f, 0, sizeof(f));
	f.approved = strcmp(pa->state, "approved") == 0;
	f.paid = pa->paid != 0;
	f.online = pa->online != 0;
	f.fee_fen = pa->fee_fen;
	f.window = pa->window >= PW_UNSET && pa->window <= PW_AFTER ?
	    (enum pay_window)pa->window : PW_UNSET;
	f.wait_hours = (int)pa->wait_hours;
	f.decided_at = pa->decided_at;
	f.now = pa->now;
	return payrule_gate(&f, opens);
}

/* Formats Unix second t as Beijing time (the database's zone). */
static const char *
beijing(struct req *r, long long t)
{
	time_t		 s = (time_t)(t + 8 * 3600);
	struct tm	 tm;
	char		 buf[32];

	if (gmtime_r(&s, &tm) == NULL)
		return "";
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M", &tm);
	return pool_strdup(r->pool, buf);
}

/*
 * Appends <application>, <gate> (the verdict, its sentence, when
 * payment opens), <fee> and <window> of pa, and <receipt> when fixed.
 * Returns 0, or -1 on a database failure.
 */
int
payorder_xml(struct req *r, const struct payapp *pa, enum pay_gate g,
    long long opens)
{
	xmlNodePtr	 a, x;
	char		 yuan[32], *kind, *name, *at;
	static const char *const wins[] = { "unset", "before", "open", "after" };
	int		 n;

	a = xml_el(r->root, "application", NULL);
	xml_attrf(a, "id", "%lld", pa->id);
	xml_attr(a, "state", pa->state);
	if (xml_level_name((int)pa->level) != NULL) {
		xml_attrf(a, "level", "%lld", pa->level);
		xml_attr(a, "level-name", xml_level_name((int)pa->level));
	}
	if (*pa->worktype != '\0')
		xml_attr(a, "worktype", pa->worktype);
	if (*pa->decided != '\0')
		xml_attr(a, "decided", pa->decided);
	if (*pa->city != '\0') {
		xml_attr(a, "city", pa->city);
		xml_attr(a, "city-name", pa->city_name);
	}
	x = xml_el(r->root, "gate", payrule_text(g));
	xml_attr(x, "code", payrule_code(g));
	if (opens > 0)
		xml_attr(x, "opens", beijing(r, opens));
	xml_attrf(x, "wait-hours", "%lld", pa->wait_hours);
	if (pa->fee_fen > 0) {
		x = xml_el(r->root, "fee", NULL);
		xml_attrf(x, "fen", "%lld", pa->fee_fen);
		xml_attr(x, "yuan", payrule_fen(pa->fee_fen, yuan, sizeof(yuan)));
	}
	x = xml_el(r->root, "window", NULL);
	xml_attr(x, "state", wins[pa->window >= 0 && pa->window <= 3 ?
	    pa->window : 0]);
	if (*pa->win_starts != '\0') {
		xml_attr(x, "starts", pa->win_starts);
		xml_attr(x, "ends", pa->win_ends);
	}
	if (db_run(r, STMT_PW_RECEIPT_GET, pa->id) == -1 ||
	    (n = db_row(r, STMT_PW_RECEIPT_GET, &kind, &name, &at)) == -1)
		return -1;
	if (n == 1) {
		db_done(r, STMT_PW_RECEIPT_GET);
		x = xml_el(r->root, "receipt", NULL);
		xml_attr(x, "kind", kind);
		xml_attr(x, "kind-name", payorder_receipt_name(kind));
		xml_attr(x, "name", name);
		xml_attr(x, "fixed", at);
	}
	return 0;
}

/*
 * Appends <orders> with the application's orders, newest first.  *pending
 * (if not NULL) is set when the newest is PENDING.  Returns 0 or -1.
 */
int
payorder_orders_xml(struct req *r, long long app, int *pending)
{
	xmlNodePtr	 os, o;
	char		*no, *state, *code, *paid, *made, yuan[32];
	long long	 fen;
	int		 n, first = 1;

	if (pending != NULL)
		*pending = 0;
	os = xml_el(r->root, "orders", NULL);
	if (db_run(r, STMT_PW_ORDERS, app) == -1)
		return -1;
	while ((n = db_row(r, STMT_PW_ORDERS, &no, &state, &fen, &code,
	    &paid, &made)) == 1) {
		if (first && pending != NULL)
			*pending = strcmp(state, "PENDING") == 0;
		first = 0;
		o = xml_el(os, "order", NULL);
		xml_attr(o, "no", no);
		xml_attr(o, "state", state);
		xml_attr(o, "state-name", payorder_state_name(state));
		xml_attr(o, "yuan", payrule_fen(fen, yuan, sizeof(yuan)));
		xml_attr(o, "created", made);
		if (*paid != '\0')
			xml_attr(o, "paid", paid);
		if (*code != '\0')
			xml_attr(o, "pay-code", code);
	}
	return n == -1 ? -1 : 0;
}

/* A fresh order number: GK, the year, the application id, 8 hex. */
static char *
order_no(struct req *r, const struct payapp *pa)
{
	unsigned char	 b[4];

	if (RAND_bytes(b, sizeof(b)) != 1)
		return NULL;
	return pool_printf(r->pool, "GK%04lld%08lld%02X%02X%02X%02X",
	    pa->year % 10000, pa->id % 100000000, b[0], b[1], b[2], b[3]);
}

/*
 * Fixes the receipt (kind and name) unless fixed already, in the open
 * transaction.  Returns 0, 1 when a different one is fixed (*why says
 * so), or -1 on a database failure.
 */
static int
receipt_fix(struct req *r, long long app, const char *kind, const char *name,
    const char **why)
{
	char	*k, *nm, *at;
	int	 n;

	if (db_run(r, STMT_PW_RECEIPT_GET, app) == -1 ||
	    (n = db_row(r, STMT_PW_RECEIPT_GET, &k, &nm, &at)) == -1)
		return -1;
	if (n == 1) {
		db_done(r, STMT_PW_RECEIPT_GET);
		if (strcmp(k, kind) == 0 && strcmp(nm, name) == 0)
			return 0;
		*why = pool_printf(r->pool, "收据信息已于%s确认为“%s：%s”，"
		    "本年度不能修改。", at, payorder_receipt_name(k), nm);
		return 1;
	}
	if (db_run(r, STMT_PW_RECEIPT_PUT, app, kind, name) == -1)
		return -1;
	return audit(r, "pay.receipt", pool_printf(r->pool, "application:%lld",
	    app), "ok", kind);
}

/*
 * Gives the candidate's one open order of pa (made now if there is
 * none, with amount pa's fee) and fixes the receipt kind and name.  The
 * application row is locked first.  Returns 0 with *no set, 1 refused
 * (*why in Chinese: paid, no longer approved, another receipt fixed) or
 * -1 on a database failure.  The transaction is committed on 0.
 */
int
payorder_open(struct req *r, const struct payapp *pa, const char *kind,
    const char *name, char **no, const char **why)
{
	char		*state, *open;
	long long	 paid, mins;
	int		 n;

	*no = NULL;
	if (db_begin(r) == -1 ||
	    db_run(r, STMT_PW_APP_LOCK, pa->id, r->account_id) == -1 ||
	    (n = db_row(r, STMT_PW_APP_LOCK, &state, &paid)) == -1)
		goto fail;
	if (n == 1)
		db_done(r, STMT_PW_APP_LOCK);
	if (n == 0 || strcmp(state, "approved") != 0 || paid) {
		db_rollback(r);
		*why = paid ? "您已缴费，无需重复缴费。" :
		    "报名信息当前不是终审通过状态，不能缴费。";
		return 1;
	}
	if ((n = receipt_fix(r, pa->id, kind, name, why)) != 0) {
		db_rollback(r);
		return n;
	}
	if (db_run(r, STMT_PW_OPEN, pa->id) == -1 ||
	    (n = db_row(r, STMT_PW_OPEN, &open)) == -1)
		goto fail;
	if (n == 1) {
		db_done(r, STMT_PW_OPEN);
		*no = open;
		return db_commit(r);
	}
	mins = r->cfg->pay_order_minutes > 0 ? r->cfg->pay_order_minutes :
	    D_ORDER_MINUTES;
	if ((*no = order_no(r, pa)) == NULL ||
	    db_run(r, STMT_PW_ORDER_NEW, *no, pa->id, pa->year, pa->level,
	    pa->fee_fen, r->account_id, mins) == -1 ||
	    audit(r, "pay.order", pool_printf(r->pool, "order:%s", *no), "ok",
	    pool_printf(r->pool, "%lld fen", pa->fee_fen)) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	return 0;
fail:
	db_rollback(r);
	return -1;
}

/*
 * Appends <payment code [opens] [yuan] [paid] [pay-code]>sentence</payment>
 * for the candidate's application once it passed final review (the home
 * and status pages: whether he may pay, has paid and his 缴款码).
 * Returns 0 or -1 on a database failure.
 */
int
payorder_status_xml(struct req *r)
{
	struct payapp	 pa;
	xmlNodePtr	 p;
	enum pay_gate	 g;
	char		*no, *st, *code, *paid, *made, yuan[32];
	long long	 opens, fen;
	int		 n;

	if ((n = payorder_load(r, &pa)) != 1 ||
	    strcmp(pa.state, "approved") != 0)
		return n == -1 ? -1 : 0;
	g = payorder_gate(&pa, &opens);
	p = xml_el(r->root, "payment", payrule_text(g));
	xml_attr(p, "code", payrule_code(g));
	if (g == PG_TOO_EARLY && opens > 0)
		xml_attr(p, "opens", beijing(r, opens));
	if (pa.fee_fen > 0)
		xml_attr(p, "yuan", payrule_fen(pa.fee_fen, yuan, sizeof(yuan)));
	if (db_run(r, STMT_PW_ORDERS, pa.id) == -1)
		return -1;
	while ((n = db_row(r, STMT_PW_ORDERS, &no, &st, &fen, &code, &paid,
	    &made)) == 1)
		if (strcmp(st, "PAID") == 0 && xmlHasProp(p,
		    (const xmlChar *)"paid") == NULL) {
			xml_attr(p, "paid", paid);
			if (*code != '\0')
				xml_attr(p, "pay-code", code);
		}
	return n == -1 ? -1 : 0;
}
