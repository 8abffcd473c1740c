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
 * defer.c: 容缺后补 (003 §二(四), 002 §1.1.4).  A reviewer passes an
 * application with 材料是否容缺后补 = 是 and a note (defer_state 1); the
 * candidate, or staff of the chain on the candidate's behalf, adds the
 * material (2, review event 'supplied', material.c); the unit admin
 * confirms 确认材料已补 (3, 'confirm'); the office of the chain re-checks:
 * cleared (0) or back to 1 with a reason ('recheck').  Until cleared the
 * application gets no ticket (app_ticket_eligible).
 */

#include <string.h>

#include "web.h"
#include "defer.h"

/*
 * s cut to at most max characters (UTF-8), for audit.reason (200
 * characters).  The result is s itself or a copy in the pool.
 */
const char *
defer_clip(struct req *r, const char *s, size_t max)
{
	const char	*p;
	size_t		 n = 0;

	for (p = s; *p != '\0'; p++)
		if ((*p & 0xc0) != 0x80 && ++n > max)
			return pool_printf(r->pool, "%.*s", (int)(p - s), s);
	return s;
}

/* What the lists call each defer_state. */
const char *
defer_state_label(long long s)
{
	static const char *const labels[] = {
		"无", "待补材料", "材料已补，待单位确认", "单位已确认，待复核"
	};

	return s >= 0 && s <= DEFER_CONFIRMED ? labels[s] : "";
}

/* Writes the review event of a move; 0 or -1. */
static int
defer_event(struct req *r, const struct app *a, const char *level,
    long long step, long long unit, const char *action, const char *why)
{
	return db_run(r, STMT_DEF_EVENT, a->id, level, step, action,
	    r->account_id, unit, why) == -1 ? -1 : 0;
}

/*
 * Inside the transaction that stored a material into a (locked; defer
 * 1): the material is marked added (2) and the event 'supplied' written,
 * at the candidate's level or, for staff (unit), at the staff's step.
 * what names the material.  Returns 0 or -1.
 */
int
defer_supplied(struct req *r, const struct app *a, long long unit,
    const char *what)
{
	int	 n;

	if ((n = db_run(r, STMT_DEF_SET, (long long)DEFER_ADDED, "", "", a->id,
	    (long long)DEFER_WAIT)) == -1)
		return -1;
	if (n == 0)
		return 0;
	return defer_event(r, a, unit ? a->chain_level : "candidate",
	    unit ? a->step : 0, unit, "supplied", what);
}

/*
 * Does act to application id for the account (its unit's step in the
 * chain), reason for a refused re-check (it becomes the new note).  In
 * one transaction: the lock through the chain, review_defer_may (the
 * rules' table), the move by
 * compare-and-set, the review event, the audit.  Returns NULL when
 * done; else the message (*rc RC_OK with r->status set, or RC_DB).
 */
const char *
defer_act(struct req *r, long long id, enum defer_act act,
    const char *reason, enum rc *rc)
{
	const struct rv_defer_move	*m = review_defer_move(act);
	struct app			 a;
	const char			*msg;
	int				 n, status;

	*rc = RC_OK;
	if (db_begin(r) == -1 ||
	    (n = app_lock_chain(r, id, r->unit_id, &a)) == -1)
		goto fail;
	if (n == 0) {
		db_rollback(r);
		r->status = 404;
		return "没有找到该报名，或该报名不属于本单位的审核范围。";
	}
	if ((msg = review_defer_may(act, a.state, a.defer, a.step,
	    a.chain_level, &status)) != NULL) {
		db_rollback(r);
		r->status = status;
		return msg;
	}
	if (db_run(r, STMT_DEF_SET, m->to, reason, reason, id,
	    m->from) != 1 ||
	    defer_event(r, &a, a.chain_level, a.step, r->unit_id,
	    m->action, *reason ? reason : m->label) == -1 ||
	    audit(r, pool_printf(r->pool, "defer.%s", m->action),
	    pool_printf(r->pool, "application:%lld", id), "ok",
	    defer_clip(r, pool_printf(r->pool, "%s%s%s", m->label,
	    *reason ? ": " : "", reason), AUDIT_MAX)) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	return NULL;
fail:
	db_rollback(r);
	*rc = RC_DB;
	return "";
}

/*
 * What the account whose unit stands at step, level of the chain may do
 * now to an application in state with defer, as the rules' table says:
 * "confirm", "recheck" or NULL (the handler asks the table again).
 */
static const char *
defer_can(const char *state, long long defer, long long step,
    const char *level)
{
	int	 st;

	if (review_defer_may(DEFER_CONFIRM, state, defer, step, level,
	    &st) == NULL)
		return "confirm";
	if (review_defer_may(DEFER_RECHECK_OK, state, defer, step, level,
	    &st) == NULL)
		return "recheck";
	return NULL;
}

/* One row of STMT_DEF_LIST. */
struct defrow {
	long long	 id, defer, level, step;
	char		*name, *state, *note, *wt, *unit, *chain_level;
	char		*submitted, *deferred;
};

/* Appends one row as <app> to list. */
static void
list_row(xmlNodePtr list, const struct defrow *d)
{
	xmlNodePtr	 n;
	const char	*can;
	char		 masked[64];

	pii_mask_name(d->name, masked, sizeof(masked));
	n = xml_el(list, "app", NULL);
	xml_attrf(n, "id", "%lld", d->id);
	xml_attr(n, "name", masked);
	xml_attr(n, "state", d->state);
	xml_attrf(n, "defer", "%lld", d->defer);
	xml_attr(n, "defer-label", defer_state_label(d->defer));
	if (xml_level_name((int)d->level) != NULL) {
		xml_attrf(n, "level", "%lld", d->level);
		xml_attr(n, "level-name", xml_level_name((int)d->level));
	}
	xml_attr(n, "worktype", d->wt);
	xml_attr(n, "unit", d->unit);
	xml_attr(n, "submitted", d->submitted);
	if (*d->deferred != '\0')
		xml_attr(n, "deferred", d->deferred);
	/* What this account may do here (the handler checks again). */
	if ((can = defer_can(d->state, d->defer, d->step,
	    d->chain_level)) != NULL)
		xml_attr(n, "can", can);
	xml_el(n, "note", d->note);
}

/*
 * Appends <deferred> with the year's deferred applications whose chain
 * holds the account's unit (at most 500, the furthest along first).
 * Returns the number of rows, or -1 on a database failure.
 */
int
defer_list_xml(struct req *r, xmlNodePtr parent)
{
	struct defrow	 d;
	xmlNodePtr	 list;
	int		 k, n = 0;

	list = xml_el(parent, "deferred", NULL);
	if (db_run(r, STMT_DEF_LIST, r->unit_id, (long long)r->year) == -1)
		return -1;
	while ((k = db_row(r, STMT_DEF_LIST, &d.id, &d.name, &d.state,
	    &d.defer, &d.note, &d.level, &d.wt, &d.unit, &d.step,
	    &d.chain_level, &d.submitted, &d.deferred)) == 1) {
		list_row(list, &d);
		n++;
	}
	return k == -1 ? -1 : n;
}

/*
 * For the candidate's status page: while the submitted application
 * waits for deferred material (defer_state 1 or 2), appends <defer state
 * label> with <note>; *node is that element and *lvl the application's
 * level, for the caller to add the kinds to upload (material.c).
 * Returns 1 appended, 0 nothing to add, -1 on a database failure.
 */
int
defer_status_xml(struct req *r, xmlNodePtr parent, xmlNodePtr *node,
    int *lvl)
{
	xmlNodePtr	 n;
	char		*state, *note;
	long long	 defer, level;
	int		 k;

	if (db_run(r, STMT_DEF_OF_MINE, r->account_id) == -1 ||
	    (k = db_row(r, STMT_DEF_OF_MINE, &state, &defer, &note,
	    &level)) == -1)
		return -1;
	if (k == 0)
		return 0;
	db_done(r, STMT_DEF_OF_MINE);
	if (strcmp(state, "submitted") != 0 ||
	    (defer != DEFER_WAIT && defer != DEFER_ADDED))
		return 0;
	n = xml_el(parent, "defer", NULL);
	xml_attrf(n, "state", "%lld", defer);
	xml_attr(n, "label", defer_state_label(defer));
	xml_el(n, "note", note);
	*node = n;
	*lvl = (int)level;
	return 1;
}

/*
 * For the staff's pages of one application (详情, 代传资料): appends
 * <defer state label [can]> with <note> when application app, reached
 * through the account's chain, has 容缺后补 open; can says what this
 * account may do (confirm, recheck).  Returns 1 appended, 0 nothing
 * open (or not in the chain), -1 on a database failure.
 */
int
defer_app_xml(struct req *r, xmlNodePtr parent, long long app)
{
	xmlNodePtr	 n;
	const char	*can;
	char		*note, *level, *state;
	long long	 defer, step;
	int		 k;

	if (db_run(r, STMT_DEF_OF_APP, r->unit_id, app) == -1 ||
	    (k = db_row(r, STMT_DEF_OF_APP, &defer, &note, &step,
	    &level, &state)) == -1)
		return -1;
	if (k == 0)
		return 0;
	db_done(r, STMT_DEF_OF_APP);
	if (defer == DEFER_NONE)
		return 0;
	n = xml_el(parent, "defer", NULL);
	xml_attrf(n, "state", "%lld", defer);
	xml_attr(n, "label", defer_state_label(defer));
	if ((can = defer_can(state, defer, step, level)) != NULL)
		xml_attr(n, "can", can);
	xml_el(n, "note", note);
	return 1;
}
