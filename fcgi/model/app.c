/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* app.c: the application: what state it is in, and what may be done to it */

#include <string.h>

#include "web.h"
#include "app.h"
#include "defer.h"

/* True while the candidate may still change the application and its files. */
int
app_editable(const struct app *a)
{
	return strcmp(a->state, "draft") == 0 ||
	    strcmp(a->state, "returned") == 0;
}

/*
 * True when an application of state and defer_state may get an admission
 * ticket: finally approved (终审通过), and no 容缺后补 open: a deferred
 * material must be added, confirmed by the unit and re-checked by the
 * office first (003 §二(五): the final result before the exam).  The
 * ticket issue calls this.  Pure.
 */
int
app_ticket_eligible(const char *state, long long defer)
{
	return state != NULL && strcmp(state, "approved") == 0 &&
	    defer == DEFER_NONE;
}

/*
 * True while a submitted application waits for material marked 容缺后补
 * and the unit admin has not yet confirmed it (defer_state 1 or 2).
 */
int
app_deferred(const struct app *a)
{
	return strcmp(a->state, "submitted") == 0 &&
	    (a->defer == 1 || a->defer == 2);
}

/*
 * Reads application id into a, locking its row when inside a
 * transaction.  Returns 1, 0 when there is none, -1 on a database
 * failure.
 */
int
app_lock(struct req *r, long long id, struct app *a)
{
	int	 n;

	memset(a, 0, sizeof(*a));
	if (db_run(r, STMT_UPL_APP_LOCK, id) == -1 ||
	    (n = db_row(r, STMT_UPL_APP_LOCK, &a->state,
	    &a->stamped, &a->level, &a->owner, &a->name, &a->defer)) == -1)
		return -1;
	db_done(r, STMT_UPL_APP_LOCK);
	a->id = id;
	return n;
}

/*
 * The candidate's own application: 1, 0 when it does not exist yet,
 * -1 on a database failure.
 */
int
app_mine(struct req *r, struct app *a)
{
	long long	 id;
	int		 n;

	if (db_run(r, STMT_UPL_APP_OF, r->account_id) == -1 ||
	    (n = db_row(r, STMT_UPL_APP_OF, &id)) == -1)
		return -1;
	db_done(r, STMT_UPL_APP_OF);
	if (n == 0)
		return 0;
	return app_lock(r, id, a);
}

/*
 * Reads, and locks inside a transaction, the application the phone link
 * of token hash h names (live links only): the phone reaches no other.
 * Returns 1, 0 when there is none, -1 on a database failure.
 */
int
app_via(struct req *r, const unsigned char *h, struct app *a)
{
	int	 n;

	memset(a, 0, sizeof(*a));
	if (db_run(r, STMT_MOB_APP_LOCK, h, (size_t)MAC_LEN) == -1 ||
	    (n = db_row(r, STMT_MOB_APP_LOCK, &a->id, &a->state,
	    &a->stamped, &a->level, &a->owner, &a->name, &a->defer)) == -1)
		return -1;
	db_done(r, STMT_MOB_APP_LOCK);
	return n;
}

/*
 * Reads, and locks inside a transaction, application id for staff whose
 * unit is in its chain (app_chain): a->step and a->chain_level say
 * where (the lowest step of that unit).  Another subtree's application
 * reads as none.  Returns 1, 0 when there is none, -1 on a database
 * failure.
 */
int
app_lock_chain(struct req *r, long long id, long long unit, struct app *a)
{
	int	 n;

	memset(a, 0, sizeof(*a));
	if (db_run(r, STMT_APP_LOCK_CHAIN, unit, id) == -1 ||
	    (n = db_row(r, STMT_APP_LOCK_CHAIN, &a->state, &a->stamped,
	    &a->level, &a->owner, &a->name, &a->defer, &a->step,
	    &a->chain_level)) == -1)
		return -1;
	db_done(r, STMT_APP_LOCK_CHAIN);
	a->id = id;
	return n;
}
