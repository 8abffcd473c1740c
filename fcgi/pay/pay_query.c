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
 * pay_query.c: the active order query (SECURITY.md §3: an order PENDING
 * too long, a stale notify, the candidate's page, an office): a signed
 * sign v1 request POSTed to pay_query_url; the platform's answer must be
 * signed with a pinned key (its own algorithm), name our app_id and the
 * order, and be inside the window.  Every query is recorded (pay_query);
 * an answer SUCCESS is applied exactly as a notify would be
 * (pay_apply.c), in one transaction (HTTP: fcgi/lib/payhttp.c); any
 * other answer on an order PENDING past its expires_at makes it EXPIRED
 * (a payment arriving later is then PAID_LATE, for a person).
 * payd_query_due, run by the socket process every minute, queries the
 * orders handed over and PENDING longer than pay_order_minutes.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "payd.h"

/* Checks the platform's signed answer; NULL or the reason. */
static const char *
query_check(struct payd *d, struct paykv *kv, const char *order_no)
{
	const struct payd_pin	*pin;
	const char		*why, *ts;
	char			*canon;
	long long		 t;
	int			 cl, ok;

	if (paykv_check(kv, &paykv_query_reply, &why) == -1)
		return why;
	if ((pin = payd_pin_find(d, paykv_get(kv, "key_id"))) == NULL)
		return "unknown key_id";
	if (paysign_alg(paykv_get(kv, "sign_type")) != paysign_key_alg(pin->key))
		return "sign_type is not the key's algorithm";
	canon = xmalloc(PAYKV_BUF);
	cl = paykv_canon(kv, canon, PAYKV_BUF);
	ok = cl > 0 && paysign_verify(pin->key, canon, (size_t)cl,
	    paykv_get(kv, "sign"));
	free(canon);
	if (!ok)
		return "signature not valid";
	if (strcmp(paykv_get(kv, "app_id"), d->cfg->pay_app_id) != 0 ||
	    strcmp(paykv_get(kv, "order_no"), order_no) != 0)
		return "app_id or order_no not ours";
	if (strlen(paykv_get(kv, "pay_status")) > 16 ||
	    strspn(paykv_get(kv, "pay_status"), "ABCDEFGHIJKLMNOPQRSTUVWXYZ_") !=
	    strlen(paykv_get(kv, "pay_status")))
		return "a bad pay_status";
	ts = paykv_get(kv, "timestamp");
	t = strtoll(ts, NULL, 10);
	if (strspn(ts, "0123456789") != strlen(ts) || llabs(t -
	    (long long)time(NULL)) > d->cfg->pay_window)
		return "timestamp outside window";
	return NULL;
}

/* Applies a SUCCESS answer and records the query; 0, -1 database. */
static int
query_record(struct payd *d, long long oid, const char *reason,
    struct paykv *kv, const char **why)
{
	struct payd_report	 rep;
	enum payd_verdict	 v = PV_NOTED;
	const char		*st = paykv_get(kv, "pay_status");
	const char		*tr = paykv_get(kv, "trade_no");
	const char		*detail = "";

	memset(&rep, 0, sizeof(rep));
	if (dbh_begin(&d->dbh) == -1)
		return -1;
	if (strcmp(st, "SUCCESS") == 0) {
		rep.order_no = paykv_get(kv, "order_no");
		rep.trade_no = tr ? tr : "";
		rep.paid_at = paykv_get(kv, "paid_at");
		rep.currency = paykv_get(kv, "currency");
		rep.status = st;
		if (!paykv_trade_ok(rep.trade_no) || rep.paid_at == NULL ||
		    rep.currency == NULL || paykv_get(kv, "amount") == NULL ||
		    paykv_amount(paykv_get(kv, "amount"), &rep.amount) == -1) {
			*why = "SUCCESS without trade_no, amount or paid_at";
			v = PV_MISMATCH;
		} else if ((v = payd_apply(d, &rep, &detail)) == PV_DBERR)
			goto fail;
	} else if ((strcmp(st, "NOTPAY") == 0 || strcmp(st, "CLOSED") == 0 ||
	    strcmp(st, "NOTFOUND") == 0) &&
	    dbh_run(&d->dbh, STMT_PAY_ORDER_EXPIRE, oid) == -1)
		goto fail;		/* unpaid there and past its time */
	if (dbh_run(&d->dbh, STMT_PAY_ORDER_QUERIED, oid) == -1 ||
	    dbh_run(&d->dbh, STMT_PAY_QUERY_INSERT, oid, reason, st,
	    tr ? tr : "", rep.amount, v == PV_NOTED ? "" :
	    payd_verdict_name(v)) != 1 || payd_audit(d, "", "pay_query",
	    paykv_get(kv, "order_no"), st, payd_verdict_name(v)) == -1 ||
	    dbh_commit(&d->dbh) == -1)
		goto fail;
	return 0;
fail:
	dbh_rollback(&d->dbh);
	*why = "database";
	return -1;
}

/*
 * Queries order_no at the platform (reason: pending, stale, page,
 * admin).  On success the verified answer is in *out.  Returns 0, -1
 * with *why (no order, platform unreachable or not trustworthy,
 * database).
 */
int
payd_query(struct payd *d, const char *order_no, const char *reason,
    struct paykv *out, const char **why)
{
	struct paykv	 req;
	char		 body[PAYKV_BODY], *ans, *state;
	long long	 oid;
	int		 n, status, rc;

	if (dbh_run(&d->dbh, STMT_PAY_ORDER_STATE, order_no) == -1 ||
	    (rc = dbh_row(&d->dbh, STMT_PAY_ORDER_STATE, &oid, &state)) == -1)
		return *why = "database", -1;
	dbh_done(&d->dbh, STMT_PAY_ORDER_STATE);
	if (rc == 0)
		return *why = "no such order", -1;
	paykv_init(&req);
	if (paykv_add(&req, "app_id", d->cfg->pay_app_id) == -1 ||
	    paykv_add(&req, "order_no", order_no) == -1 ||
	    paysign_message(d->own, d->cfg->pay_key_id, &req, body,
	    sizeof(body)) == -1)
		return *why = "cannot sign the query", -1;
	ans = xmalloc(PAYKV_BODY + 1);
	n = payhttp_post(d->cfg->pay_query_url, body, ans, PAYKV_BODY + 1,
	    &status);
	rc = -1;
	if (n <= 0 || status != 200)
		*why = "the platform did not answer";
	else if (paykv_parse(out, ans, (size_t)n, 0, why) == -1)
		;
	else if ((*why = query_check(d, out, order_no)) != NULL)
		log_warnx("ALERT pay query %s: %s", order_no, *why);
	else
		rc = query_record(d, oid, reason, out, why);
	free(ans);
	return rc;
}

/* Queries the orders due (PENDING too long); the number asked. */
int
payd_query_due(struct payd *d)
{
	char		*list[20], *no;
	const char	*why;
	struct paykv	 ans;
	int		 n = 0, i, rc;

	if (dbh_run(&d->dbh, STMT_PAY_ORDER_DUE,
	    (long long)d->cfg->pay_order_minutes,
	    (long long)d->cfg->pay_order_minutes) == -1)
		return -1;
	while (n < 20 && (rc = dbh_row(&d->dbh, STMT_PAY_ORDER_DUE, &no)) == 1)
		list[n++] = xstrdup(no);
	dbh_done(&d->dbh, STMT_PAY_ORDER_DUE);
	for (i = 0; i < n; i++) {
		if (payd_query(d, list[i], "pending", &ans, &why) == -1)
			log_warnx("query of pending order %s: %s", list[i], why);
		free(list[i]);
	}
	return n;
}
