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
 * t/unit/payrule.c: when a candidate may pay (fcgi/rules/payrule.c):
 * the wait after final approval to the second (23 h 59 min: not yet;
 * 24 h: yes; level 1 at 48 h), each condition alone closing payment,
 * and the order in which the verdicts are given.
 */

#include <string.h>

#include "payrule.h"
#include "tap.h"

#define HOUR		3600LL
#define APPROVED	1780000000LL	/* some second of 2026 */

/* The facts of an application that may pay, decided at APPROVED. */
static struct pay_facts
facts(int level, long long since)
{
	struct pay_facts	 f;

	memset(&f, 0, sizeof(f));
	f.approved = 1;
	f.online = 1;
	f.fee_fen = level == 1 ? 40000 : 32000;
	f.window = PW_OPEN;
	f.wait_hours = payrule_wait_default(level);
	f.decided_at = APPROVED;
	f.now = APPROVED + since;
	return f;
}

static void
timing(void)
{
	struct pay_facts	 f;
	long long		 opens;
	int			 lv;

	for (lv = 2; lv <= 5; lv++) {
		f = facts(lv, 23 * HOUR + 59 * 60);
		is_int(payrule_gate(&f, &opens), PG_TOO_EARLY,
		    "level %d: 23 h 59 min after approval, not yet", lv);
		is_int(opens, APPROVED + 24 * HOUR,
		    "level %d: opens 24 h after approval", lv);
		f = facts(lv, 24 * HOUR - 1);
		is_int(payrule_gate(&f, NULL), PG_TOO_EARLY,
		    "level %d: one second short of 24 h, not yet", lv);
		f = facts(lv, 24 * HOUR);
		is_int(payrule_gate(&f, NULL), PG_OPEN,
		    "level %d: at 24 h, open", lv);
	}
	f = facts(1, 24 * HOUR);
	is_int(payrule_gate(&f, NULL), PG_TOO_EARLY, "level 1: at 24 h, not yet");
	f = facts(1, 47 * HOUR + 59 * 60);
	is_int(payrule_gate(&f, &opens), PG_TOO_EARLY,
	    "level 1: 47 h 59 min, not yet");
	is_int(opens, APPROVED + 48 * HOUR, "level 1: opens 48 h after approval");
	f = facts(1, 48 * HOUR);
	is_int(payrule_gate(&f, NULL), PG_OPEN, "level 1: at 48 h, open");
	f = facts(3, 24 * HOUR);
	f.wait_hours = 36;		/* the province's policy, not a constant */
	is_int(payrule_gate(&f, NULL), PG_TOO_EARLY,
	    "a wait of 36 h set by policy: at 24 h not yet");
	f.now = APPROVED + 36 * HOUR;
	is_int(payrule_gate(&f, NULL), PG_OPEN, "a wait of 36 h: at 36 h open");
}

static void
conditions(void)
{
	struct pay_facts	 f;
	long long		 opens;

	f = facts(4, 30 * HOUR);
	f.approved = 0;
	is_int(payrule_gate(&f, &opens), PG_NOT_APPROVED, "not approved");
	is_int(opens, 0, "not approved: no opening time");
	f = facts(4, 30 * HOUR);
	f.decided_at = 0;
	is_int(payrule_gate(&f, NULL), PG_NOT_APPROVED,
	    "approved without a decision time: not approved");
	f = facts(4, 30 * HOUR);
	f.online = 0;
	is_int(payrule_gate(&f, NULL), PG_OFFLINE, "city not online");
	f = facts(4, 30 * HOUR);
	f.fee_fen = 0;
	is_int(payrule_gate(&f, NULL), PG_NO_FEE, "no fee set");
	f = facts(4, 30 * HOUR);
	f.window = PW_UNSET;
	is_int(payrule_gate(&f, NULL), PG_WINDOW_UNSET, "no window");
	f.window = PW_BEFORE;
	is_int(payrule_gate(&f, NULL), PG_WINDOW_BEFORE, "window not open yet");
	f.window = PW_AFTER;
	is_int(payrule_gate(&f, NULL), PG_WINDOW_AFTER, "window closed");
	f = facts(4, 30 * HOUR);
	f.paid = 1;
	f.window = PW_AFTER;
	is_int(payrule_gate(&f, NULL), PG_PAID,
	    "paid: said so even after the window");
	f = facts(4, HOUR);
	f.window = PW_AFTER;
	is_int(payrule_gate(&f, NULL), PG_WINDOW_AFTER,
	    "window closed and too early: the window is named");
}

static void
words(void)
{
	char	 buf[32];
	int	 g;

	for (g = 0; g < PG__MAX; g++)
		ok(payrule_text(g) != NULL && strlen(payrule_text(g)) > 0 &&
		    strcmp(payrule_code(g), "unknown") != 0,
		    "verdict %d has a code and a sentence", g);
	is_string(payrule_code(PG_TOO_EARLY), "too-early", "code of too early");
	ok(strstr(payrule_text(PG_TOO_EARLY), "24小时") != NULL &&
	    strstr(payrule_text(PG_TOO_EARLY), "48小时") != NULL,
	    "too early names 24 and 48 hours");
	is_string(payrule_fen(32000, buf, sizeof(buf)), "320.00", "32000 fen");
	is_string(payrule_fen(1, buf, sizeof(buf)), "0.01", "1 fen");
	is_string(payrule_fen(12345, buf, sizeof(buf)), "123.45", "12345 fen");
}

int
main(void)
{
	plan_lazy();
	timing();
	conditions();
	words();
	return 0;
}
