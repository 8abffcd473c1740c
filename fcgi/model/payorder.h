/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* payorder.h: the candidate's payment: its facts and its one open order */
#ifndef PAYORDER_H
#define PAYORDER_H

#include "payrule.h"

#define PAYORDER_NO_LEN	22		/* GK + year + 8-digit id + 8 hex */

/* The candidate's application as the payment pages see it. */
struct payapp {
	long long	 id, year, level, decided_at, paid, online, fee_fen;
	long long	 wait_hours, window, now;
	char		*state, *decided, *city, *city_name, *win_starts;
	char		*win_ends, *worktype;
};

/* The receipt kinds (pay_receipt.kind) and their names. */
extern const char *const payorder_receipt_kinds[];	/* NULL-ended */
const char	*payorder_receipt_name(const char *);

int		 payorder_load(struct req *, struct payapp *);
enum pay_gate	 payorder_gate(const struct payapp *, long long *);
int		 payorder_xml(struct req *, const struct payapp *, enum pay_gate,
		    long long);
int		 payorder_orders_xml(struct req *, long long, int *);
const char	*payorder_state_name(const char *);
int		 payorder_status_xml(struct req *);
int		 payorder_open(struct req *, const struct payapp *,
		    const char *, const char *, char **, const char **);
#endif /* PAYORDER_H */
