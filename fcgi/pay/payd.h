/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* payd.h: gkbm-pay's own declarations (fcgi/pay/) */
#ifndef GKBM_PAYD_H
#define GKBM_PAYD_H

#include <signal.h>

#include "gkbm.h"
#include "web.h"
#include "pay.h"

#define PAYD_MAX_KEYS	16		/* pinned platform keys */

/* A pinned platform key: key_id, its algorithm (bound) and the key. */
struct payd_pin {
	char		 key_id[65];
	struct paykey	*key;
};

/* What every gkbm-pay process holds. */
struct payd {
	struct config	*cfg;
	struct paykey	*own;		/* our private key (sign) */
	struct payd_pin	 pins[PAYD_MAX_KEYS];
	size_t		 npins;
	struct dbh	 dbh;
};

/* The outcome of one payment report (a notify or a query's answer). */
struct payd_report {
	const char	*order_no, *trade_no, *paid_at, *currency, *status;
	long long	 amount;
	long long	 notify_id;	/* 0 for a query */
	const char	*peer;
};

/* Verdicts of payd_apply: what happened and what to answer. */
enum payd_verdict {
	PV_PAID,	/* PENDING -> PAID */
	PV_DUPLICATE,	/* already recorded: no change */
	PV_DOUBLE,	/* a second payment of the application: refund due */
	PV_LATE,	/* on a CLOSED/EXPIRED order: PAID_LATE */
	PV_NOTED,	/* not SUCCESS: stored, no change */
	PV_NO_ORDER,	/* no such order */
	PV_MISMATCH,	/* amount, currency or trade: no change, alert */
	PV_DBERR	/* database fault: 503, nothing committed */
};

/* pay_keys.c */
int		 payd_keys_load(struct payd *, const char **);
const struct payd_pin *payd_pin_find(const struct payd *, const char *);

/* pay_apply.c */
int		 payd_db(struct payd *);
enum payd_verdict payd_apply(struct payd *, const struct payd_report *,
		    const char **);
const char	*payd_verdict_name(enum payd_verdict);
int		 payd_audit(struct payd *, const char *, const char *,
		    const char *, const char *, const char *);

/* pay_notify.c */
void		 payd_notify_main(struct payd *, int) __attribute__((noreturn));
int		 payd_notify_body(struct payd *, const char *, size_t,
		    const char *, char *, size_t, long long *);

/* pay_sock.c */
void		 payd_sock_main(struct payd *, int) __attribute__((noreturn));

/* pay_query.c */
int		 payd_query(struct payd *, const char *, const char *,
		    struct paykv *, const char **);
int		 payd_query_due(struct payd *);

#endif
