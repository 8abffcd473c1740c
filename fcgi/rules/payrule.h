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
 * payrule.h: when a candidate may pay online (SPEC §3.6, seed 000 §5), a
 * pure rule: the facts in, the verdict (and when payment opens) out.
 */
#ifndef PAYRULE_H
#define PAYRULE_H

#define PAYRULE_WAIT_L1		48	/* hours after final approval, level 1 */
#define PAYRULE_WAIT_OTHER	24	/* levels 2-5 */

/* The payment window as the page knows it. */
enum pay_window {
	PW_UNSET,		/* no window published for the city */
	PW_BEFORE,		/* not open yet */
	PW_OPEN,
	PW_AFTER		/* closed */
};

/* The facts of one application. */
struct pay_facts {
	int		 approved;	/* state 'approved' (终审通过) */
	int		 paid;		/* applications.paid_at set */
	int		 online;	/* the city pays online this year */
	long long	 fee_fen;	/* the level's fee; 0: none set */
	enum pay_window	 window;
	int		 wait_hours;	/* the level's wait after approval */
	long long	 decided_at;	/* Unix seconds of final approval */
	long long	 now;		/* Unix seconds */
};

/* The verdict, most fundamental first. */
enum pay_gate {
	PG_OPEN,		/* may pay now */
	PG_PAID,		/* already paid */
	PG_NOT_APPROVED,	/* not (yet) 终审通过 */
	PG_OFFLINE,		/* the city does not pay online */
	PG_NO_FEE,		/* the level's fee is not set */
	PG_WINDOW_UNSET,
	PG_WINDOW_BEFORE,
	PG_WINDOW_AFTER,
	PG_TOO_EARLY,		/* within 24/48 hours of approval */
	PG__MAX
};

enum pay_gate	 payrule_gate(const struct pay_facts *, long long *);
int		 payrule_wait_default(int);
const char	*payrule_code(enum pay_gate);
const char	*payrule_text(enum pay_gate);
const char	*payrule_fen(long long, char *, unsigned long);
#endif /* PAYRULE_H */
