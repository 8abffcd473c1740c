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
 * t/unit/review.c: the review state machine (fcgi/rules/review.c): every
 * legal transition by every role that may make it, the illegal ones
 * with their reason (wrong state, wrong level, wrong role, closed
 * window, the unit's deadline, no reason), then every combination of
 * the inputs against the rules as SPEC §5 states them; and the chain
 * planner of fcgi/model/chain.c.
 */

#include <stdio.h>
#include <string.h>

#include "gkbm.h"
#include "review.h"
#include "tap.h"

struct req;
#include "chain.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* One case: the facts, and the answer (why, next state, event). */
struct tcase {
	const char	*label;
	enum rv_state	 state;
	enum rv_level	 wait, actor, rejected;
	enum rv_role	 role;
	enum rv_action	 action;
	int		 last, review_open, unit_open, has_reason;
	enum rv_why	 why;
	enum rv_state	 next;
	const char	*event;
};

#define OPEN	1, 1, 1		/* both windows open, a reason given */

/* Every legal transition (and each by a reviewer of that level). */
static const struct tcase legal[] = {
	{ "unit passes on", RVS_SUBMITTED, RVL_UNIT, RVL_UNIT, RVL_NONE,
	    RVR_UNIT, RVA_PASS, 0, OPEN, RVW_OK, RVS_SUBMITTED, "pass" },
	{ "unit reviewer passes on", RVS_SUBMITTED, RVL_UNIT, RVL_UNIT,
	    RVL_NONE, RVR_REVIEWER, RVA_PASS, 0, OPEN, RVW_OK, RVS_SUBMITTED,
	    "pass" },
	{ "supervising passes on", RVS_SUBMITTED, RVL_SUPERVISING,
	    RVL_SUPERVISING, RVL_NONE, RVR_SUPERVISING, RVA_PASS, 0, OPEN,
	    RVW_OK, RVS_SUBMITTED, "pass" },
	{ "pass without a reason", RVS_SUBMITTED, RVL_SUPERVISING,
	    RVL_SUPERVISING, RVL_NONE, RVR_SUPERVISING, RVA_PASS, 0, 1, 1, 0,
	    RVW_OK, RVS_SUBMITTED, "pass" },
	{ "county passes at the last step", RVS_SUBMITTED, RVL_COUNTY,
	    RVL_COUNTY, RVL_NONE, RVR_COUNTY, RVA_PASS, 1, OPEN, RVW_OK,
	    RVS_APPROVED, "final" },
	{ "city passes at the last step", RVS_SUBMITTED, RVL_CITY, RVL_CITY,
	    RVL_NONE, RVR_CITY, RVA_PASS, 1, OPEN, RVW_OK, RVS_APPROVED,
	    "final" },
	{ "city reviewer passes at the last step", RVS_SUBMITTED, RVL_CITY,
	    RVL_CITY, RVL_NONE, RVR_REVIEWER, RVA_PASS, 1, OPEN, RVW_OK,
	    RVS_APPROVED, "final" },
	{ "province passes at the last step", RVS_SUBMITTED, RVL_PROVINCE,
	    RVL_PROVINCE, RVL_NONE, RVR_PROVINCE, RVA_PASS, 1, OPEN, RVW_OK,
	    RVS_APPROVED, "final" },
	{ "office as the last step of two (own supervising)", RVS_SUBMITTED,
	    RVL_CITY, RVL_CITY, RVL_NONE, RVR_CITY, RVA_PASS, 1, 1, 0, 0,
	    RVW_OK, RVS_APPROVED, "final" },
	{ "unit returns", RVS_SUBMITTED, RVL_UNIT, RVL_UNIT, RVL_NONE,
	    RVR_UNIT, RVA_RETURN, 0, OPEN, RVW_OK, RVS_RETURNED, "return" },
	{ "city returns at the last step", RVS_SUBMITTED, RVL_CITY, RVL_CITY,
	    RVL_NONE, RVR_CITY, RVA_RETURN, 1, OPEN, RVW_OK, RVS_RETURNED,
	    "return" },
	{ "supervising rejects", RVS_SUBMITTED, RVL_SUPERVISING,
	    RVL_SUPERVISING, RVL_NONE, RVR_SUPERVISING, RVA_REJECT, 0, OPEN,
	    RVW_OK, RVS_REJECTED, "reject" },
	{ "province reviewer rejects", RVS_SUBMITTED, RVL_PROVINCE,
	    RVL_PROVINCE, RVL_NONE, RVR_REVIEWER, RVA_REJECT, 1, OPEN, RVW_OK,
	    RVS_REJECTED, "reject" },
	{ "the rejecting unit sends it back", RVS_REJECTED, RVL_NONE,
	    RVL_UNIT, RVL_UNIT, RVR_UNIT, RVA_REAPPLY, 0, 1, 1, 0, RVW_OK,
	    RVS_RETURNED, "reapply" },
	{ "the rejecting city sends it back", RVS_REJECTED, RVL_NONE,
	    RVL_CITY, RVL_CITY, RVR_CITY, RVA_REAPPLY, 0, OPEN, RVW_OK,
	    RVS_RETURNED, "reapply" },
	{ "county: false information while waiting", RVS_SUBMITTED,
	    RVL_UNIT, RVL_COUNTY, RVL_NONE, RVR_COUNTY, RVA_FALSE, 0, OPEN,
	    RVW_OK, RVS_CANCELLED, "false" },
	{ "city: false information after approval, windows closed",
	    RVS_APPROVED, RVL_NONE, RVL_CITY, RVL_NONE, RVR_CITY, RVA_FALSE, 0,
	    0, 0, 1, RVW_OK, RVS_CANCELLED, "false" },
	{ "province: false information of a returned one", RVS_RETURNED,
	    RVL_NONE, RVL_PROVINCE, RVL_NONE, RVR_PROVINCE, RVA_FALSE, 0, OPEN,
	    RVW_OK, RVS_CANCELLED, "false" },
	{ "office reviewer: false information of a rejected one",
	    RVS_REJECTED, RVL_NONE, RVL_CITY, RVL_CITY, RVR_REVIEWER,
	    RVA_FALSE, 0, OPEN, RVW_OK, RVS_CANCELLED, "false" },
	{ "gkbm-admin lifts a ban", RVS_CANCELLED, RVL_NONE, RVL_NONE,
	    RVL_NONE, RVR_ADMIN, RVA_LIFT, 0, 0, 0, 1, RVW_OK, RVS_CANCELLED,
	    "lift" },
	{ "the province lifts a ban", RVS_CANCELLED, RVL_NONE, RVL_NONE,
	    RVL_NONE, RVR_PROVINCE, RVA_LIFT, 0, OPEN, RVW_OK, RVS_CANCELLED,
	    "lift" },
};

/* Illegal ones, each with the reason given. */
static const struct tcase illegal[] = {
	/* wrong state */
	{ "pass a draft", RVS_DRAFT, RVL_NONE, RVL_UNIT, RVL_NONE, RVR_UNIT,
	    RVA_PASS, 0, OPEN, RVW_STATE, 0, NULL },
	{ "pass a returned one", RVS_RETURNED, RVL_UNIT, RVL_UNIT, RVL_NONE,
	    RVR_UNIT, RVA_PASS, 0, OPEN, RVW_STATE, 0, NULL },
	{ "pass an approved one", RVS_APPROVED, RVL_CITY, RVL_CITY, RVL_NONE,
	    RVR_CITY, RVA_PASS, 1, OPEN, RVW_STATE, 0, NULL },
	{ "return a rejected one", RVS_REJECTED, RVL_CITY, RVL_CITY,
	    RVL_CITY, RVR_CITY, RVA_RETURN, 1, OPEN, RVW_STATE, 0, NULL },
	{ "reject a cancelled one", RVS_CANCELLED, RVL_CITY, RVL_CITY,
	    RVL_NONE, RVR_CITY, RVA_REJECT, 1, OPEN, RVW_STATE, 0, NULL },
	{ "send back one not rejected", RVS_SUBMITTED, RVL_UNIT, RVL_UNIT,
	    RVL_UNIT, RVR_UNIT, RVA_REAPPLY, 0, OPEN, RVW_STATE, 0, NULL },
	{ "false information twice", RVS_CANCELLED, RVL_NONE, RVL_CITY,
	    RVL_NONE, RVR_CITY, RVA_FALSE, 0, OPEN, RVW_STATE, 0, NULL },
	{ "false information of a draft", RVS_DRAFT, RVL_NONE, RVL_CITY,
	    RVL_NONE, RVR_CITY, RVA_FALSE, 0, OPEN, RVW_STATE, 0, NULL },
	{ "lift one not cancelled", RVS_APPROVED, RVL_NONE, RVL_NONE,
	    RVL_NONE, RVR_ADMIN, RVA_LIFT, 0, OPEN, RVW_STATE, 0, NULL },
	/* wrong level */
	{ "supervising passes what waits at the unit", RVS_SUBMITTED,
	    RVL_UNIT, RVL_SUPERVISING, RVL_NONE, RVR_SUPERVISING, RVA_PASS, 0,
	    OPEN, RVW_LEVEL, 0, NULL },
	{ "unit passes what waits at the city", RVS_SUBMITTED, RVL_CITY,
	    RVL_UNIT, RVL_NONE, RVR_UNIT, RVA_PASS, 1, OPEN, RVW_LEVEL, 0,
	    NULL },
	{ "city returns what waits at the unit", RVS_SUBMITTED, RVL_UNIT,
	    RVL_CITY, RVL_NONE, RVR_CITY, RVA_RETURN, 0, OPEN, RVW_LEVEL, 0,
	    NULL },
	{ "outside the chain", RVS_SUBMITTED, RVL_CITY, RVL_NONE, RVL_NONE,
	    RVR_CITY, RVA_PASS, 1, OPEN, RVW_LEVEL, 0, NULL },
	{ "another level sends back a rejection", RVS_REJECTED, RVL_NONE,
	    RVL_CITY, RVL_UNIT, RVR_CITY, RVA_REAPPLY, 0, OPEN, RVW_LEVEL, 0,
	    NULL },
	{ "false information at the supervising level", RVS_SUBMITTED,
	    RVL_SUPERVISING, RVL_SUPERVISING, RVL_NONE, RVR_SUPERVISING,
	    RVA_FALSE, 0, OPEN, RVW_LEVEL, 0, NULL },
	{ "false information at the unit level", RVS_SUBMITTED, RVL_UNIT,
	    RVL_UNIT, RVL_NONE, RVR_UNIT, RVA_FALSE, 0, OPEN, RVW_LEVEL, 0,
	    NULL },
	{ "false information outside the chain", RVS_SUBMITTED, RVL_UNIT,
	    RVL_NONE, RVL_NONE, RVR_PROVINCE, RVA_FALSE, 0, OPEN, RVW_LEVEL, 0,
	    NULL },
	/* wrong role */
	{ "a candidate passes", RVS_SUBMITTED, RVL_UNIT, RVL_UNIT, RVL_NONE,
	    RVR_CANDIDATE, RVA_PASS, 0, OPEN, RVW_ROLE, 0, NULL },
	{ "a city account standing at the unit level", RVS_SUBMITTED,
	    RVL_UNIT, RVL_UNIT, RVL_NONE, RVR_CITY, RVA_PASS, 0, OPEN, RVW_ROLE,
	    0, NULL },
	{ "a unit account standing at the city level", RVS_SUBMITTED,
	    RVL_CITY, RVL_CITY, RVL_NONE, RVR_UNIT, RVA_PASS, 1, OPEN, RVW_ROLE,
	    0, NULL },
	{ "gkbm-admin passes", RVS_SUBMITTED, RVL_CITY, RVL_CITY, RVL_NONE,
	    RVR_ADMIN, RVA_PASS, 1, OPEN, RVW_ROLE, 0, NULL },
	{ "a city lifts a ban", RVS_CANCELLED, RVL_NONE, RVL_CITY, RVL_NONE,
	    RVR_CITY, RVA_LIFT, 0, OPEN, RVW_ROLE, 0, NULL },
	{ "a reviewer lifts a ban", RVS_CANCELLED, RVL_NONE, RVL_PROVINCE,
	    RVL_NONE, RVR_REVIEWER, RVA_LIFT, 0, OPEN, RVW_ROLE, 0, NULL },
	{ "a unit account marks false information at the county level",
	    RVS_SUBMITTED, RVL_UNIT, RVL_COUNTY, RVL_NONE, RVR_UNIT, RVA_FALSE,
	    0, OPEN, RVW_ROLE, 0, NULL },
	/* closed window */
	{ "pass outside 网上资格审查", RVS_SUBMITTED, RVL_CITY, RVL_CITY,
	    RVL_NONE, RVR_CITY, RVA_PASS, 1, 0, 1, 1, RVW_WINDOW, 0, NULL },
	{ "return outside 网上资格审查", RVS_SUBMITTED, RVL_SUPERVISING,
	    RVL_SUPERVISING, RVL_NONE, RVR_SUPERVISING, RVA_RETURN, 0, 0, 1, 1,
	    RVW_WINDOW, 0, NULL },
	{ "reject outside 网上资格审查", RVS_SUBMITTED, RVL_UNIT, RVL_UNIT,
	    RVL_NONE, RVR_UNIT, RVA_REJECT, 0, 0, 0, 1, RVW_WINDOW, 0, NULL },
	{ "send back outside 网上资格审查", RVS_REJECTED, RVL_NONE, RVL_CITY,
	    RVL_CITY, RVR_CITY, RVA_REAPPLY, 0, 0, 1, 1, RVW_WINDOW, 0, NULL },
	{ "unit passes after 单位初审", RVS_SUBMITTED, RVL_UNIT, RVL_UNIT,
	    RVL_NONE, RVR_UNIT, RVA_PASS, 0, 1, 0, 1, RVW_UNITWINDOW, 0, NULL },
	{ "unit reviewer returns after 单位初审", RVS_SUBMITTED, RVL_UNIT,
	    RVL_UNIT, RVL_NONE, RVR_REVIEWER, RVA_RETURN, 0, 1, 0, 1,
	    RVW_UNITWINDOW, 0, NULL },
	{ "unit sends back after 单位初审", RVS_REJECTED, RVL_NONE, RVL_UNIT,
	    RVL_UNIT, RVR_UNIT, RVA_REAPPLY, 0, 1, 0, 1, RVW_UNITWINDOW, 0,
	    NULL },
	/* no reason */
	{ "return without a reason", RVS_SUBMITTED, RVL_UNIT, RVL_UNIT,
	    RVL_NONE, RVR_UNIT, RVA_RETURN, 0, 1, 1, 0, RVW_REASON, 0, NULL },
	{ "reject without a reason", RVS_SUBMITTED, RVL_CITY, RVL_CITY,
	    RVL_NONE, RVR_CITY, RVA_REJECT, 1, 1, 1, 0, RVW_REASON, 0, NULL },
	{ "false information without a reason", RVS_SUBMITTED, RVL_CITY,
	    RVL_CITY, RVL_NONE, RVR_CITY, RVA_FALSE, 1, 1, 1, 0, RVW_REASON,
	    0, NULL },
	{ "lift without a reason", RVS_CANCELLED, RVL_NONE, RVL_NONE,
	    RVL_NONE, RVR_ADMIN, RVA_LIFT, 0, 1, 1, 0, RVW_REASON, 0, NULL },
	/* no such action */
	{ "action out of range", RVS_SUBMITTED, RVL_UNIT, RVL_UNIT, RVL_NONE,
	    RVR_UNIT, RVA__MAX, 0, OPEN, RVW_ACTION, 0, NULL },
};

static void
run(const struct tcase *t)
{
	struct rv_in	 in;
	struct rv_out	 out;
	enum rv_why	 w;

	memset(&in, 0, sizeof(in));
	in.state = t->state;
	in.wait = t->wait;
	in.actor = t->actor;
	in.rejected = t->rejected;
	in.role = t->role;
	in.action = t->action;
	in.last = t->last;
	in.review_open = t->review_open;
	in.unit_open = t->unit_open;
	in.has_reason = t->has_reason;
	w = review_decide(&in, &out);
	if (!is_int(w, t->why, "%s: %s", t->label,
	    t->why == RVW_OK ? "allowed" : review_why_text(t->why)))
		return;
	if (t->why == RVW_OK) {
		is_int(out.next, t->next, "%s: to %s", t->label,
		    review_state_name(t->next));
		is_string(out.event, t->event, "%s: event %s", t->label,
		    t->event);
	}
}

/*
 * The rules as SPEC §5, 003 §四(四) and issue 11 state them, written
 * apart from the table: whether in is allowed and to which state.
 */
static int
oracle(const struct rv_in *in, enum rv_state *next)
{
	enum rv_level	 own = in->role == RVR_REVIEWER ? in->actor :
			    review_role_level(in->role);
	int		 staff = in->role != RVR_CANDIDATE &&
			    in->role != RVR_ADMIN;
	int		 here = staff && in->actor != RVL_NONE &&
			    own == in->actor;
	int		 win = in->review_open &&
			    (in->actor != RVL_UNIT || in->unit_open);
	int		 waiting = in->state == RVS_SUBMITTED &&
			    here && in->actor == in->wait && win;

	switch (in->action) {
	case RVA_PASS:
		*next = in->last ? RVS_APPROVED : RVS_SUBMITTED;
		return waiting;
	case RVA_RETURN:
		*next = RVS_RETURNED;
		return waiting && in->has_reason;
	case RVA_REJECT:
		*next = RVS_REJECTED;
		return waiting && in->has_reason;
	case RVA_REAPPLY:
		*next = RVS_RETURNED;
		return in->state == RVS_REJECTED && here &&
		    in->actor == in->rejected && win;
	case RVA_FALSE:
		*next = RVS_CANCELLED;
		return in->state != RVS_DRAFT && in->state != RVS_CANCELLED &&
		    here && in->actor >= RVL_COUNTY && in->has_reason;
	case RVA_LIFT:
		*next = RVS_CANCELLED;
		return in->state == RVS_CANCELLED && in->has_reason &&
		    (in->role == RVR_PROVINCE || in->role == RVR_ADMIN);
	default:
		return 0;
	}
}

/* One combination against the oracle: 1 when they agree. */
static int
agrees(const struct rv_in *in, long long *nallowed)
{
	struct rv_out	 out;
	enum rv_state	 want = RVS_DRAFT;
	enum rv_why	 w = review_decide(in, &out);
	int		 allowed = oracle(in, &want);

	if (allowed)
		(*nallowed)++;
	return allowed ? w == RVW_OK && out.next == want : w != RVW_OK;
}

/*
 * Every combination of state, waiting level, the asker's level, the
 * rejecting level, role, last step, windows and reason, for action a.
 */
static void
sweep(enum rv_action a)
{
	struct rv_in	 in;
	long long	 n = 0, bad = 0, nallowed = 0;
	int		 bits;

	memset(&in, 0, sizeof(in));
	in.action = a;
	for (in.state = 0; in.state < RVS__MAX; in.state++)
	for (in.wait = 0; in.wait < RVL__MAX; in.wait++)
	for (in.actor = 0; in.actor < RVL__MAX; in.actor++)
	for (in.rejected = 0; in.rejected < RVL__MAX; in.rejected++)
	for (in.role = 0; in.role < RVR__MAX; in.role++)
	for (bits = 0; bits < 16; bits++) {
		in.last = bits & 1;
		in.review_open = (bits >> 1) & 1;
		in.unit_open = (bits >> 2) & 1;
		in.has_reason = (bits >> 3) & 1;
		n++;
		if (!agrees(&in, &nallowed) && bad++ < 3)
			diag("%s: state %s wait %d actor %d rejected %d role %d "
			    "bits %d", review_action_name(a),
			    review_state_name(in.state), in.wait, in.actor,
			    in.rejected, in.role, bits);
	}
	is_int(bad, 0, "%s: all %lld combinations as the rules say "
	    "(%lld allowed)", review_action_name(a), n, nallowed);
	ok(nallowed > 0, "%s: some are allowed", review_action_name(a));
}

/* The names and codes round trip; an unknown code is refused. */
static void
names(void)
{
	enum rv_state	 s;
	enum rv_level	 l;
	enum rv_action	 a;
	enum rv_role	 r;

	ok(review_state_parse("submitted", &s) == 0 && s == RVS_SUBMITTED,
	    "state submitted parses");
	ok(review_state_parse("cancelled", &s) == 0 && s == RVS_CANCELLED,
	    "state cancelled parses");
	ok(review_state_parse("Submitted", &s) == -1, "state codes are exact");
	ok(review_level_parse("county", &l) == 0 && l == RVL_COUNTY,
	    "level county parses");
	ok(review_level_parse("", &l) == -1, "an empty level is none");
	ok(review_action_parse("reapply", &a) == 0 && a == RVA_REAPPLY,
	    "action reapply parses");
	ok(review_action_parse("final", &a) == -1,
	    "final is an event, not an action one asks for");
	ok(review_action_parse(NULL, &a) == -1, "no action");
	ok(review_role_parse("reviewer", &r) == 0 && r == RVR_REVIEWER,
	    "role reviewer parses");
	ok(review_role_parse("anon", &r) == -1, "anon is no reviewing role");
	is_string(review_action_name(RVA_RETURN), "退回本人", "退回本人");
	is_string(review_why_text(RVW__MAX), review_why_text(RVW_ACTION),
	    "an out-of-range reason reads as no action");
}

/* One plan: the chain's steps as "level:id ...". */
static void
plan_is(const char *label, const struct chain_unit *u,
    const struct chain_unit *p, const struct chain_unit *o, const char *want)
{
	struct chain	 c;
	char		 buf[128];
	size_t		 len = 0;
	int		 k, n;

	n = chain_plan(u, p, o, &c);
	buf[0] = '\0';
	for (k = 0; k < c.n; k++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%s:%lld",
		    k ? " " : "", c.s[k].level, c.s[k].unit);
	is_int(n, c.n, "%s: the count is the steps'", label);
	is_string(buf, want, "%s", label);
}

static void
plans(void)
{
	static const struct chain_unit basic = { 10, "basic" },
	    sup = { 20, "supervising" }, none = { 0, "" },
	    city = { 30, "city" }, county = { 40, "county" },
	    prov = { 50, "province" };

	plan_is("basic unit under a supervising unit, city", &basic, &sup,
	    &city, "unit:10 supervising:20 city:30");
	plan_is("... county that took over", &basic, &sup, &county,
	    "unit:10 supervising:20 county:40");
	plan_is("... 省直", &basic, &sup, &prov,
	    "unit:10 supervising:20 province:50");
	plan_is("a supervising unit's own candidate", &sup, &none, &city,
	    "supervising:20 city:30");
	plan_is("a basic unit whose supervising unit is the city office",
	    &basic, &city, &city, "unit:10 city:30");
	plan_is("... the province office", &basic, &prov, &city,
	    "unit:10 province:50");
	plan_is("no office", &basic, &sup, &none, "");
	plan_is("a basic unit without a parent", &basic, &none, &city, "");
	plan_is("an office has no candidates", &city, &none, &city, "");
	plan_is("a basic unit under a basic unit", &basic, &basic, &city, "");
}

int
main(void)
{
	size_t	 i;
	int	 a;

	plan_lazy();
	for (i = 0; i < NELEM(legal); i++)
		run(&legal[i]);
	for (i = 0; i < NELEM(illegal); i++)
		run(&illegal[i]);
	for (a = 0; a < RVA__MAX; a++)
		sweep((enum rv_action)a);
	names();
	plans();
	return 0;
}
