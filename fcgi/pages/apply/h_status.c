/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_status.c: the candidate's status page (审核结果, SPEC.md §3.5) */

#include <string.h>

#include "web.h"
#include "defer.h"
#include "material.h"
#include "payorder.h"

#define MAX_CHAIN	4		/* unit, supervising, office (+ slack) */
#define MAX_MASKED	128		/* bytes of a masked name */

/*
 * The review levels as review_events.level writes them, with the names
 * the page shows.  "candidate" is the candidate's own submission.
 */
static const struct {
	const char	*code;
	const char	*name;
} levels[] = {
	{ "candidate",	 "本人" },
	{ "unit",	 "单位" },
	{ "supervising", "主管单位" },
	{ "county",	 "县区工考办" },
	{ "city",	 "市工考办" },
	{ "province",	 "省工考办" },
};

static const struct {
	const char	*code;
	const char	*name;
} actions[] = {
	{ "submit",	 "提交" },
	{ "pass",	 "通过" },
	{ "return",	 "退回" },
	{ "reject",	 "不通过" },
	{ "final",	 "终审通过" },
	{ "reapply",	 "退回重新申报" },
	{ "false",	 "填报虚假信息" },
};

/* One level of the chain an application goes through. */
struct step {
	const char	*level;		/* levels[].code */
	const char	*unit;		/* the unit reviewing there, or NULL */
	const char	*phone;		/* its office phone, or NULL */
};

struct chain {
	struct step	 s[MAX_CHAIN];
	size_t		 n;
};

/* One row of review_events, newest last. */
struct event {
	const char	*level, *action, *actor, *unit, *phone, *at, *reason;
	long long	 actor_id;
};

/* Returns the Chinese name of a level code, or NULL if unknown. */
static const char *
level_name(const char *code)
{
	size_t	 i;

	for (i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
		if (code != NULL && strcmp(levels[i].code, code) == 0)
			return levels[i].name;
	return NULL;
}

/* Returns the Chinese name of an action code, or NULL if unknown. */
static const char *
action_name(const char *code)
{
	size_t	 i;

	for (i = 0; i < sizeof(actions) / sizeof(actions[0]); i++)
		if (code != NULL && strcmp(actions[i].code, code) == 0)
			return actions[i].name;
	return NULL;
}

/* Returns s, or NULL when s is NULL or empty (the attribute is left out). */
static const char *
nz(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

/* Appends a step to the chain unless it is full. */
static void
status_chain_add(struct chain *c, const char *level, const char *unit,
    const char *phone)
{
	if (c->n >= MAX_CHAIN)
		return;
	c->s[c->n].level = level;
	c->s[c->n].unit = nz(unit);
	c->s[c->n].phone = nz(phone);
	c->n++;
}

/*
 * Computes the review chain of an application of unit uid from the unit
 * tree (SPEC.md §5): the unit's own admin when it is a basic unit, then
 * its supervising unit (a supervising unit's own candidates skip the
 * repeated level), then the office that decides last.  That office is
 * the first county, city or province unit up the tree; when the tree
 * names none, the office of the region of the topmost unit found: the
 * province office for a unit of the province region (省直, 中央驻豫),
 * else the city office of the city (or directly administered county)
 * the region belongs to.  A county office that has taken over the
 * review (已承接) is not recorded yet (the review issue adds it), so a
 * county is in the chain only when it sits in the tree.  An empty
 * chain means unknown: the page then says just 审核中.  Returns 0, or
 * -1 on a database error.
 */
static int
chain_get(struct req *r, long long uid, struct chain *c)
{
	char		*name, *kind, *phone, *region, *top = NULL;
	int		 rc, depth = 0, office = 0, sup = 0;

	memset(c, 0, sizeof(*c));
	if (uid <= 0)
		return 0;
	if (db_run(r, STMT_STATUS_CHAIN, uid) == -1)
		return -1;
	while ((rc = db_row(r, STMT_STATUS_CHAIN, &name, &kind,
	    &phone, &region)) == 1) {
		top = region;
		if (office)
			continue;	/* read to the end, ignore */
		if (strcmp(kind, "basic") == 0) {
			if (depth == 0)
				status_chain_add(c, "unit", name, phone);
		} else if (strcmp(kind, "supervising") == 0) {
			if (!sup)
				status_chain_add(c, "supervising", name, phone);
			sup = 1;
		} else {
			/* county, city, province: the enum of units.kind */
			status_chain_add(c, level_name(kind) != NULL ? kind :
			    "city", name, phone);
			office = 1;
		}
		depth++;
	}
	if (rc == -1)
		return -1;
	if (office || top == NULL)
		return 0;
	if (db_run(r, STMT_STATUS_OFFICE, top) == -1)
		return -1;
	while ((rc = db_row(r, STMT_STATUS_OFFICE, &name, &kind,
	    &phone)) == 1)
		if (!office++)
			status_chain_add(c, kind, name, phone);
	return rc == -1 ? -1 : 0;
}

/* Returns the index of level in the chain, or -1. */
static int
chain_find(const struct chain *c, const char *level)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->s[i].level, level) == 0)
			return (int)i;
	return -1;
}

/*
 * Reads the application's review trail into *evs (pool memory, oldest
 * first).  Returns the number of events, or -1 on a database error.
 */
static int
events_get(struct req *r, long long app, struct event **evs)
{
	struct event	 e;
	int		 n, i = 0, rc;

	if ((n = db_run(r, STMT_STATUS_EVENTS, app)) == -1)
		return -1;
	*evs = pool_alloc(r->pool, (n > 0 ? n : 1) * sizeof(**evs));
	while (i < n && (rc = db_row(r, STMT_STATUS_EVENTS,
	    &e.level, &e.action, &e.actor, &e.unit, &e.phone, &e.at,
	    &e.reason, &e.actor_id)) == 1)
		(*evs)[i++] = e;
	db_done(r, STMT_STATUS_EVENTS);
	return i < n ? -1 : n;
}

/* Returns the newest event with action, or NULL. */
static const struct event *
events_last(const struct event *evs, int n, const char *action)
{
	while (n-- > 0)
		if (strcmp(evs[n].action, action) == 0)
			return &evs[n];
	return NULL;
}

/* The newer of the newest events with actions a and b, or NULL. */
static const struct event *
events_last2(const struct event *evs, int n, const char *a, const char *b)
{
	const struct event	*x = events_last(evs, n, a);
	const struct event	*y = events_last(evs, n, b);

	return x == NULL || (y != NULL && y > x) ? y : x;
}

/* Sets level and level-name on n when the level is known. */
static void
attr_level(xmlNodePtr n, const char *level)
{
	if (level_name(level) == NULL)
		return;
	xml_attr(n, "level", level);
	xml_attr(n, "level-name", level_name(level));
}

/*
 * Appends <event> per row: level, action, the actor's name masked
 * (周**; a reviewer's full name never reaches the document), the unit
 * and its office phone, the time and the reason.  The candidate's own
 * rows (his submissions) carry his own name in full, marked own="1":
 * masking a person's name to himself only confuses him.  Rows whose
 * level or action is unknown are shown as 其他 rather than dropped.
 */
static void
events_xml(struct req *r, const struct event *evs, int n)
{
	xmlNodePtr	 list, e;
	char		 masked[MAX_MASKED];
	int		 i;

	list = xml_el(r->root, "events", NULL);
	for (i = 0; i < n; i++) {
		e = xml_el(list, "event", NULL);
		if (level_name(evs[i].level) != NULL)
			attr_level(e, evs[i].level);
		else {
			xml_attr(e, "level", "other");
			xml_attr(e, "level-name", "其他");
		}
		xml_attr(e, "action", action_name(evs[i].action) != NULL ?
		    evs[i].action : "other");
		xml_attr(e, "action-name", action_name(evs[i].action) != NULL ?
		    action_name(evs[i].action) : "其他");
		if (nz(evs[i].actor) != NULL && evs[i].actor_id == r->account_id) {
			xml_attr(e, "actor", evs[i].actor);
			xml_attr(e, "own", "1");
		} else if (nz(evs[i].actor) != NULL) {
			pii_mask_name(evs[i].actor, masked, sizeof(masked));
			xml_attr(e, "actor", nz(masked));
		}
		xml_attr(e, "unit", nz(evs[i].unit));
		xml_attr(e, "phone", nz(evs[i].phone));
		xml_attr(e, "at", evs[i].at);
		xml_attr(e, "reason", nz(evs[i].reason));
	}
}

/*
 * The current state, from applications.state (authoritative for the
 * kind of state) and the newest review_events row (for the level):
 *
 *   no application        none       未填报
 *   draft                 draft      未提交（草稿）
 *   submitted, newest row a submission (or none)
 *                         submitted  已提交·待<first level>审核
 *   submitted, newest row a pass at level L
 *                         reviewing  审核中（待<level after L>审核）,
 *                                    or 审核中 when L is not in the
 *                                    chain or is its last level
 *   returned              returned   退回本人（<level of the return>退回）
 *   rejected              rejected   审核不通过（<level>审核不通过）
 *   approved              approved   终审通过
 *   cancelled             cancelled  已取消（填报虚假信息）
 *
 * Appends <current> and, where someone can be called, <contact> (the
 * level the application waits at or that decided last); for a returned
 * or rejected application <decision> with the reason (the alert).
 */
static void
current_xml(struct req *r, const char *state, const struct chain *c,
    const struct event *evs, int n)
{
	xmlNodePtr		 cur, x;
	const struct event	*last = n > 0 ? &evs[n - 1] : NULL, *d = NULL;
	const struct step	*wait = NULL;
	const char		*kind, *lvl = NULL, *label, *name;
	int			 i;

	if (strcmp(state, "draft") == 0) {
		kind = "draft";
		label = "未提交（草稿）";
	} else if (strcmp(state, "returned") == 0) {
		kind = state;
		d = events_last2(evs, n, "return", "reapply");
		name = d != NULL ? level_name(d->level) : NULL;
		label = name != NULL ? pool_printf(r->pool,
		    "退回本人（%s退回）", name) : "退回本人";
	} else if (strcmp(state, "rejected") == 0) {
		kind = state;
		d = events_last(evs, n, "reject");
		name = d != NULL ? level_name(d->level) : NULL;
		label = name != NULL ? pool_printf(r->pool,
		    "审核不通过（%s审核不通过）", name) : "审核不通过";
	} else if (strcmp(state, "approved") == 0) {
		kind = "approved";
		label = "终审通过";
		d = events_last2(evs, n, "pass", "final");
	} else if (strcmp(state, "cancelled") == 0) {
		kind = state;
		label = "已取消（填报虚假信息）";
		d = events_last(evs, n, "false");
	} else if (last != NULL && strcmp(last->action, "pass") == 0) {
		kind = "reviewing";
		i = chain_find(c, last->level);
		if (i >= 0 && (size_t)i + 1 < c->n)
			wait = &c->s[i + 1];
		label = wait != NULL ? pool_printf(r->pool, "审核中（待%s审核）",
		    level_name(wait->level)) : "审核中";
	} else {
		kind = "submitted";
		wait = c->n > 0 ? &c->s[0] : NULL;
		label = wait != NULL ? pool_printf(r->pool, "已提交·待%s审核",
		    level_name(wait->level)) : "已提交·待审核";
	}
	cur = xml_el(r->root, "current", NULL);
	xml_attr(cur, "state", kind);
	xml_attr(cur, "label", label);
	if (wait != NULL)
		lvl = wait->level;
	else if (d != NULL)
		lvl = d->level;
	if (lvl != NULL)
		attr_level(cur, lvl);

	if (wait != NULL && (wait->unit != NULL || wait->phone != NULL)) {
		x = xml_el(r->root, "contact", NULL);
		attr_level(x, wait->level);
		xml_attr(x, "unit", wait->unit);
		xml_attr(x, "phone", wait->phone);
	} else if (d != NULL && (nz(d->unit) != NULL || nz(d->phone) != NULL)) {
		x = xml_el(r->root, "contact", NULL);
		attr_level(x, d->level);
		xml_attr(x, "unit", nz(d->unit));
		xml_attr(x, "phone", nz(d->phone));
	}
	if (d != NULL && strcmp(kind, "approved") != 0) {
		x = xml_el(r->root, "decision", NULL);
		xml_attr(x, "action", d->action);
		attr_level(x, d->level);
		xml_attr(x, "at", d->at);
		xml_attr(x, "unit", nz(d->unit));
		xml_attr(x, "phone", nz(d->phone));
		xml_attr(x, "reason", nz(d->reason));
	}
}

/*
 * Appends <chain> with a <step> per level: done (passed), current (the
 * application waits or was stopped there) or todo.
 */
static void
chain_xml(struct req *r, const struct chain *c, const char *state,
    const struct event *evs, int n)
{
	xmlNodePtr	 ch, s;
	const char	*cur = NULL;
	int		 i, done = -1, k;

	if (c->n == 0 || strcmp(state, "draft") == 0)
		return;
	/* The passes since the latest submission count. */
	for (i = 0; i < n; i++) {
		if (strcmp(evs[i].action, "submit") == 0)
			done = -1;
		else if (strcmp(evs[i].action, "pass") == 0 &&
		    (k = chain_find(c, evs[i].level)) > done)
			done = k;
	}
	if (strcmp(state, "approved") == 0)
		done = (int)c->n - 1;
	else if (n > 0 && (strcmp(state, "returned") == 0 ||
	    strcmp(state, "rejected") == 0 || strcmp(state, "cancelled") == 0))
		cur = evs[n - 1].level;
	ch = xml_el(r->root, "chain", NULL);
	for (i = 0; (size_t)i < c->n; i++) {
		s = xml_el(ch, "step", NULL);
		attr_level(s, c->s[i].level);
		xml_attr(s, "unit", c->s[i].unit);
		xml_attr(s, "phone", c->s[i].phone);
		if (i <= done)
			xml_attr(s, "state", "done");
		else if (cur != NULL ? strcmp(cur, c->s[i].level) == 0 :
		    i == done + 1 && strcmp(state, "submitted") == 0)
			xml_attr(s, "state", "current");
		else
			xml_attr(s, "state", "todo");
	}
}

/*
 * GET /status: the candidate's own application only (found by the
 * session's account, never by a parameter), its current state, the
 * review chain and the trail of decisions.
 */
enum rc
h_status(struct req *r)
{
	xmlNodePtr	 a, cur, dn;
	struct chain	 c;
	struct event	*evs;
	char		*state, *unit, *wt, *submitted;
	long long	 id, version, year, uid, level;
	int		 n, lv;

	xml_page(r, PAGE_STATUS);
	if (db_run(r, STMT_STATUS_APP, r->account_id) == -1 ||
	    (n = db_row(r, STMT_STATUS_APP, &id, &state,
	    &version, &year, &uid, &unit, &level, &wt, &submitted)) == -1)
		return RC_DB;
	db_done(r, STMT_STATUS_APP);
	if (n == 0) {
		cur = xml_el(r->root, "current", NULL);
		xml_attr(cur, "state", "none");
		xml_attr(cur, "label", "未填报");
		return RC_OK;
	}
	a = xml_el(r->root, "application", NULL);
	xml_attrf(a, "id", "%lld", id);
	xml_attr(a, "state", state);
	xml_attrf(a, "version", "%lld", version);
	xml_attrf(a, "year", "%lld", year);
	xml_attr(a, "unit", nz(unit));
	if (xml_level_name((int)level) != NULL) {
		xml_attrf(a, "level", "%lld", level);
		xml_attr(a, "level-name", xml_level_name((int)level));
	}
	xml_attr(a, "worktype", nz(wt));
	xml_attr(a, "submitted", nz(submitted));

	if ((n = events_get(r, id, &evs)) == -1 ||
	    chain_get(r, uid, &c) == -1)
		return RC_DB;
	current_xml(r, state, &c, evs, n);
	chain_xml(r, &c, state, evs, n);
	events_xml(r, evs, n);
	/* 容缺后补: the note and the kinds of material to add. */
	if ((n = defer_status_xml(r, r->root, &dn, &lv)) == -1)
		return RC_DB;
	if (n == 1)
		material_supply_kinds_xml(dn, lv);
	/* 网上缴费 after final approval (payorder.c). */
	return payorder_status_xml(r) == -1 ? RC_DB : RC_OK;
}
