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
 * pay_apply.c: the payment state machine of SECURITY.md §3 step 4, run
 * inside the caller's transaction for a report whose signature, app_id,
 * window and nonce were already checked (a notify, or the verified
 * answer of an active query).  The order row is locked first, then the
 * application's (the same order everywhere, so two reports of one
 * application serialise instead of deadlocking):
 *   not SUCCESS                         -> noted, no change;
 *   no such order                       -> no_order;
 *   amount or currency differs          -> mismatch, no change (alert);
 *   trade_no already recorded           -> duplicate (same order), else
 *                                          mismatch;
 *   order PENDING, application unpaid   -> PAID, the application paid;
 *   order PENDING, application paid by
 *     another order                     -> double (REFUND_DUE);
 *   order PAID (or later states)        -> double: another payment of a
 *                                          paid order, refund due;
 *   order CLOSED or EXPIRED             -> PAID_LATE, for a person.
 * Also the database connection every gkbm-pay process opens (payd_db).
 */

#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "payd.h"

/* Connects and prepares gkbm-pay's statements; 0 or -1. */
int
payd_db(struct payd *d)
{
	if (d->dbh.pool == NULL)
		d->dbh.pool = pool_new();
	if (dbh_open(&d->dbh, d->cfg, PROG_PAY, 0) == 0)
		return 0;
	dbh_close(&d->dbh);
	return -1;
}

/* The verdict names stored in pay_notify.verdict and the audit. */
static const char *const verdict_names[] = {
	[PV_PAID] = "paid", [PV_DUPLICATE] = "duplicate",
	[PV_DOUBLE] = "double", [PV_LATE] = "late", [PV_NOTED] = "noted",
	[PV_NO_ORDER] = "no_order", [PV_MISMATCH] = "mismatch",
	[PV_DBERR] = "db_error",
};

const char *
payd_verdict_name(enum payd_verdict v)
{
	return verdict_names[v];
}

/* The order a report names, locked. */
struct payd_order {
	long long	 id, app, amount, version;
	char		*state, *trade;
};

/* Writes an audit row of gkbm-pay; 0 or -1. */
int
payd_audit(struct payd *d, const char *ip, const char *event,
    const char *object, const char *result, const char *reason)
{
	return dbh_run(&d->dbh, STMT_PAY_AUDIT, ip ? ip : "", event,
	    object ? object : "", result, reason ? reason : "") == 1 ? 0 : -1;
}

/* A 缴款码: 20 random decimal digits. */
static void
payd_pay_code(char out[21])
{
	unsigned char	 r[20];
	int		 i;

	if (RAND_bytes(r, sizeof(r)) != 1)
		fatalx("RAND_bytes failed");
	for (i = 0; i < 20; i++)
		out[i] = (char)('0' + r[i] % 10);
	out[20] = '\0';
}

/*
 * Settles the order in state and records the payment of kind with
 * status.  Returns 0 or -1 (database).
 */
static int
payd_settle(struct payd *d, const struct payd_report *rep,
    const struct payd_order *o, const char *state, const char *kind,
    const char *status)
{
	char	 code[21];

	payd_pay_code(code);
	if (state != NULL && dbh_run(&d->dbh, STMT_PAY_ORDER_SETTLE, state,
	    rep->trade_no, rep->paid_at, code, o->id, o->version) != 1)
		return -1;
	if (dbh_run(&d->dbh, STMT_PAY_PAYMENT_INSERT, o->id, o->app,
	    rep->trade_no, rep->amount, rep->paid_at, kind, status,
	    rep->notify_id) != 1)
		return -1;
	return 0;
}

/* Locks the order of rep into *o; 1 found, 0 none, -1 database. */
static int
payd_lock(struct payd *d, const struct payd_report *rep,
    struct payd_order *o)
{
	int	 rc;

	if (dbh_run(&d->dbh, STMT_PAY_ORDER_LOCK, rep->order_no) == -1)
		return -1;
	rc = dbh_row(&d->dbh, STMT_PAY_ORDER_LOCK, &o->id, &o->app,
	    &o->amount, &o->state, &o->trade, &o->version);
	dbh_done(&d->dbh, STMT_PAY_ORDER_LOCK);
	return rc;
}

/* The trade's known order number: 1 (in *order_no), 0 none, -1. */
static int
payd_known_trade(struct payd *d, const char *trade, char **order_no)
{
	long long	 oid;
	int		 rc;

	if (dbh_run(&d->dbh, STMT_PAY_PAYMENT_BY_TRADE, trade) == -1)
		return -1;
	rc = dbh_row(&d->dbh, STMT_PAY_PAYMENT_BY_TRADE, &oid, order_no);
	dbh_done(&d->dbh, STMT_PAY_PAYMENT_BY_TRADE);
	return rc;
}

/* The state machine on a locked order that the trade is new to. */
static enum payd_verdict
payd_new_trade(struct payd *d, const struct payd_report *rep,
    const struct payd_order *o)
{
	long long	 paid_by = 0;
	int		 rc;

	if (dbh_run(&d->dbh, STMT_PAY_APP_LOCK, o->app) == -1 ||
	    (rc = dbh_row(&d->dbh, STMT_PAY_APP_LOCK, &paid_by)) == -1)
		return PV_DBERR;
	dbh_done(&d->dbh, STMT_PAY_APP_LOCK);
	if (rc == 0)
		return PV_DBERR;
	if (strcmp(o->state, "PENDING") == 0 && paid_by == 0) {
		if (payd_settle(d, rep, o, "PAID", "normal", "open") == -1 ||
		    dbh_run(&d->dbh, STMT_PAY_APP_SET_PAID, rep->paid_at,
		    o->id, o->app) != 1)
			return PV_DBERR;
		return PV_PAID;
	}
	if (strcmp(o->state, "PENDING") == 0)
		return payd_settle(d, rep, o, "REFUND_DUE", "double",
		    "refund_due") == -1 ? PV_DBERR : PV_DOUBLE;
	if (strcmp(o->state, "CLOSED") == 0 ||
	    strcmp(o->state, "EXPIRED") == 0)
		return payd_settle(d, rep, o, "PAID_LATE", "late", "open") ==
		    -1 ? PV_DBERR : PV_LATE;
	/* PAID, PAID_LATE, REFUND_DUE, REFUNDED: money a second time. */
	return payd_settle(d, rep, o, NULL, "double", "refund_due") == -1 ?
	    PV_DBERR : PV_DOUBLE;
}

/*
 * Applies one verified payment report inside the caller's transaction.
 * *detail gets a short English explanation.  Returns the verdict; on
 * PV_DBERR the caller rolls back and answers 503.
 */
enum payd_verdict
payd_apply(struct payd *d, const struct payd_report *rep,
    const char **detail)
{
	struct payd_order	 o;
	char			*known = NULL;
	int			 rc;

	*detail = "";
	if (strcmp(rep->status, "SUCCESS") != 0)
		return *detail = "not a payment (pay_status)", PV_NOTED;
	if ((rc = payd_lock(d, rep, &o)) == -1)
		return PV_DBERR;
	if (rc == 0)
		return *detail = "no such order", PV_NO_ORDER;
	if (rep->amount != o.amount)
		return *detail = "amount differs from the order", PV_MISMATCH;
	if (strcmp(rep->currency, "CNY") != 0)
		return *detail = "currency is not CNY", PV_MISMATCH;
	if ((rc = payd_known_trade(d, rep->trade_no, &known)) == -1)
		return PV_DBERR;
	if (rc == 1 && strcmp(known, rep->order_no) == 0)
		return *detail = "trade already recorded", PV_DUPLICATE;
	if (rc == 1)
		return *detail = "trade_no recorded for another order",
		    PV_MISMATCH;
	return payd_new_trade(d, rep, &o);
}
