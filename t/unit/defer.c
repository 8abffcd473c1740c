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
 * t/unit/defer.c: 容缺后补 as the next issues read it (app_ticket_eligible:
 * no ticket until the office re-checked) and its moves, decided by the
 * review state machine's table in fcgi/rules/review.c (review_defer_may:
 * every state, every step of the chain, every application state).
 */

#include <string.h>

#include "web.h"
#include "defer.h"
#include "review.h"
#include "tap.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* app_ticket_eligible: state, defer_state, the answer. */
static const struct {
	const char	*state;
	long long	 defer;
	int		 want;
} tickets[] = {
	{ "approved", DEFER_NONE, 1 },		/* 终审通过, nothing deferred */
	{ "approved", DEFER_WAIT, 0 },		/* the material awaited */
	{ "approved", DEFER_ADDED, 0 },		/* added, not confirmed */
	{ "approved", DEFER_CONFIRMED, 0 },	/* confirmed, not re-checked */
	{ "submitted", DEFER_NONE, 0 },
	{ "draft", DEFER_NONE, 0 },
	{ "returned", DEFER_NONE, 0 },
	{ "rejected", DEFER_NONE, 0 },
	{ "cancelled", DEFER_NONE, 0 },		/* 填报虚假信息 */
	{ NULL, DEFER_NONE, 0 },
};

static const char *const acts[] = { "confirm", "recheck ok", "recheck no" };

/*
 * The expected answer of review_defer_may: 0 allowed, else the HTTP status.  The
 * rule: the unit (step 1) confirms 2 -> 3, an office re-checks 3; only
 * while submitted or approved.
 */
static int
want(enum defer_act act, const char *state, long long defer, long long step,
    const char *level)
{
	int	 office = strcmp(level, "county") == 0 ||
	    strcmp(level, "city") == 0 || strcmp(level, "province") == 0;

	if (act == DEFER_CONFIRM ? step != 1 : !office)
		return 403;
	if (strcmp(state, "submitted") != 0 && strcmp(state, "approved") != 0)
		return 409;
	if (defer != (act == DEFER_CONFIRM ? DEFER_ADDED : DEFER_CONFIRMED))
		return 409;
	return 0;
}

int
main(void)
{
	static const char *const states[] = { "draft", "submitted", "returned",
	    "rejected", "approved", "cancelled" };
	static const struct { long long step; const char *level; } steps[] = {
		{ 1, "unit" }, { 1, "supervising" }, { 2, "supervising" },
		{ 3, "county" }, { 3, "city" }, { 2, "province" }, { 3, "province" },
	};
	struct app	 a;
	const char	*msg;
	size_t		 i, s, p;
	int		 st, w, d, act, bad = 0, n = 0;

	plan_lazy();
	for (i = 0; i < NELEM(tickets); i++)
		is_int(app_ticket_eligible(tickets[i].state, tickets[i].defer),
		    tickets[i].want, "ticket: state %s, defer %lld",
		    tickets[i].state ? tickets[i].state : "NULL",
		    tickets[i].defer);

	/* Every act, application state, defer_state and chain step. */
	for (act = 0; act < DEFER_ACT__MAX; act++)
		for (s = 0; s < NELEM(states); s++)
			for (d = 0; d <= DEFER_CONFIRMED; d++)
				for (p = 0; p < NELEM(steps); p++) {
					memset(&a, 0, sizeof(a));
					a.state = (char *)states[s];
					a.defer = d;
					a.step = steps[p].step;
					a.chain_level = (char *)steps[p].level;
					msg = review_defer_may(act, a.state,
					    a.defer, a.step, a.chain_level, &st);
					w = want(act, states[s], d, a.step,
					    a.chain_level);
					n++;
					if ((w == 0) != (msg == NULL) ||
					    (w != 0 && st != w) ||
					    (msg != NULL && *msg == '\0')) {
						bad++;
						diag("%s, %s, defer %d, step %lld "
						    "%s: %s (%d), want %d", acts[act],
						    states[s], d, a.step, a.chain_level,
						    msg ? msg : "allowed", st, w);
					}
				}
	is_int(bad, 0, "review_defer_may: %d cases as the rule says", n);

	/* The messages a person reads for the common refusals. */
	memset(&a, 0, sizeof(a));
	a.state = "submitted";
	a.defer = DEFER_WAIT;
	a.step = 1;
	a.chain_level = "unit";
	ok(strstr(review_defer_may(DEFER_CONFIRM, a.state, a.defer,
	    a.step, a.chain_level, &st), "尚未补充上传") != NULL &&
	    st == 409, "confirm before the material: says it is not added");
	a.chain_level = "city";
	a.step = 3;
	ok(strstr(review_defer_may(DEFER_CONFIRM, a.state, a.defer,
	    a.step, a.chain_level, &st), "所在单位的管理员") != NULL &&
	    st == 403, "the office confirms: names who does");
	a.chain_level = "supervising";
	a.step = 2;
	a.defer = DEFER_CONFIRMED;
	ok(strstr(review_defer_may(DEFER_RECHECK_OK, a.state, a.defer,
	    a.step, a.chain_level, &st), "县区及以上") != NULL &&
	    st == 403, "the supervising unit re-checks: names who does");
	ok(review_defer_may(DEFER_ACT__MAX, a.state, a.defer,
	    a.step, a.chain_level, &st) != NULL, "an unknown act is refused");
	ok(review_defer_move(DEFER_RECHECK_NO) != NULL &&
	    review_defer_move(DEFER_RECHECK_NO)->to == DEFER_WAIT &&
	    review_defer_move(DEFER_CONFIRM)->from == DEFER_ADDED,
	    "the moves: refused re-check back to 1, confirm from 2");
	ok(review_defer_move(DEFER_ACT__MAX) == NULL, "no move past the table");
	is_string(defer_state_label(DEFER_CONFIRMED), "单位已确认，待复核",
	    "the label of 3");
	is_string(defer_state_label(9), "", "no label out of range");
	return 0;
}
