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
 * chain.c: the chain of review of an application, computed from the unit
 * tree and county_takeover and fixed in app_chain when it is submitted
 * (SPEC §5, issue 11 item 2): 本单位 → 主管单位 → the county office if the
 * county took over review this year, else the city office; the province
 * office for 省直 and 中央驻豫 units.  A level repeated by the same unit
 * (a supervising unit's own candidate, a unit whose supervising unit is
 * the office) is one step.
 */

#include <string.h>

#include "web.h"
#include "chain.h"

/* True for the kinds of unit that are offices (工考办). */
static int
is_office(const char *kind)
{
	return strcmp(kind, "county") == 0 || strcmp(kind, "city") == 0 ||
	    strcmp(kind, "province") == 0;
}

/*
 * Appends the step (level, unit) to c; the same unit as the step before
 * takes that step over with the later (higher) level, so no unit reviews
 * twice in a row.
 */
static void
chain_add(struct chain *c, const char *level, long long unit)
{
	if (c->n > 0 && c->s[c->n - 1].unit == unit) {
		c->s[c->n - 1].level = level;
		return;
	}
	if (c->n == CHAIN_MAX)
		return;
	c->s[c->n].level = level;
	c->s[c->n].unit = unit;
	c->n++;
}

/*
 * The chain of a candidate of unit u, whose parent unit is parent (id 0:
 * none) and whose office (the county, city or province office that
 * reviews for its region) is office (id 0: none).  A pure function.
 * Returns the number of steps in c, 0 when the unit cannot have
 * candidates (an office, or a basic unit with no parent) or no office
 * reviews for it.
 */
int
chain_plan(const struct chain_unit *u, const struct chain_unit *parent,
    const struct chain_unit *office, struct chain *c)
{
	const struct chain_unit	*sup;

	memset(c, 0, sizeof(*c));
	if (strcmp(u->kind, "basic") == 0) {
		if (parent->id == 0)
			return 0;
		chain_add(c, "unit", u->id);
		sup = parent;
	} else if (strcmp(u->kind, "supervising") == 0)
		sup = u;
	else
		return 0;
	if (is_office(sup->kind)) {
		/* The supervising unit is the office: it is the last step. */
		chain_add(c, sup->kind, sup->id);
		return c->n;
	}
	if (strcmp(sup->kind, "supervising") != 0 || office->id == 0 ||
	    !is_office(office->kind)) {
		memset(c, 0, sizeof(*c));
		return 0;
	}
	chain_add(c, "supervising", sup->id);
	chain_add(c, office->kind, office->id);
	return c->n;
}

/*
 * Looks up the units of the chain of unit id in year: the unit, its
 * parent and the office reviewing for it (county office where the
 * county took over, else the city office of its city, else the province
 * office; the province office for a unit or supervising unit of the
 * province's own region).  Strings are the request's.  Returns 1, 0
 * when there is no such unit, -1 on a database failure.
 */
static int
chain_units(struct req *r, long long id, long long year, struct chain_unit *u,
    struct chain_unit *p, struct chain_unit *o)
{
	char		*ureg, *rkind, *rparent, *prkind;
	const char	*county = "", *city = "";
	int		 n;

	u->id = id;
	if (db_run(r, STMT_CHAIN_UNITS, id) == -1 ||
	    (n = db_row(r, STMT_CHAIN_UNITS, &u->kind, &p->id, &p->kind,
	    &ureg, &rkind, &rparent, &prkind)) == -1)
		return -1;
	db_done(r, STMT_CHAIN_UNITS);
	if (n == 0)
		return 0;
	if (strcmp(rkind, "province") == 0 || (strcmp(u->kind, "basic") == 0 &&
	    strcmp(prkind, "province") == 0))
		;	/* 省直, 中央驻豫: the province office */
	else if (strcmp(rkind, "county") == 0) {
		county = ureg;
		city = rparent;
	} else if (strcmp(rkind, "zone") == 0)
		city = rparent;
	else
		city = ureg;
	if (db_run(r, STMT_CHAIN_OFFICE, year, county, city) == -1 ||
	    (n = db_row(r, STMT_CHAIN_OFFICE, &o->id, &o->kind)) == -1)
		return -1;
	db_done(r, STMT_CHAIN_OFFICE);
	if (n == 0) {
		o->id = 0;
		o->kind = "";
	}
	return 1;
}

/*
 * Inside the submission's transaction, after the application turned
 * 'submitted': fixes the chain of application app of year, whose unit is
 * unit, in app_chain (a resubmission's chain is computed anew) and puts
 * the application at step 1 of it (wait_*).  Returns the number of
 * steps, 0 when no chain can be made (nothing written), -1 on a database
 * failure.
 */
int
chain_fix(struct req *r, long long app, long long unit, long long year)
{
	struct chain_unit	 u, p, o;
	struct chain		 c;
	int			 k, n;

	if (unit <= 0)
		return 0;
	if ((n = chain_units(r, unit, year, &u, &p, &o)) != 1)
		return n;
	if (chain_plan(&u, &p, &o, &c) == 0)
		return 0;
	if (db_run(r, STMT_CHAIN_CLEAR, app) == -1)
		return -1;
	for (k = 0; k < c.n; k++)
		if (db_run(r, STMT_CHAIN_ADD, app, (long long)k + 1,
		    c.s[k].level, c.s[k].unit) == -1)
			return -1;
	if ((n = db_run(r, STMT_CHAIN_WAIT, c.s[0].unit, c.s[0].level,
	    app)) <= 0)
		return n;
	return c.n;
}
