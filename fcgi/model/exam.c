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
 * exam.c: the exam plan of a year and exam region: loading it whole
 * (sites, rooms, sessions, who sits them, the seats given, the admitted
 * applications), an allocation run (seat.c) stored in one transaction,
 * and one application's seat (exam_seat_get).  Used by the pages of
 * fcgi/pages/exam/ and by gkbm-admin's exam commands (admin_exam.c);
 * the changes of the plan are in examplan.c.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "exam.h"

/* A room's or session's id and its index in the plan. */
struct idix {
	long long	 id;
	size_t		 ix;
};

static int
cmp_idix(const void *a, const void *b)
{
	const struct idix	*x = a, *y = b;

	return (x->id > y->id) - (x->id < y->id);
}

/*
 * The exam region of the office r is logged in as (a city's own region,
 * the province's for 省直) into region, its name into *name.  Returns
 * 1, 0 when r's unit is no city or province office, -1 (database).
 */
int
exam_office_region(struct req *r, char region[7], char **name)
{
	char	*code = NULL;
	int	 n;

	*region = '\0';
	if ((n = db_run(r, STMT_EXAM_OFFICE, r->unit_id)) <= 0)
		return n;
	if (db_row(r, STMT_EXAM_OFFICE, &code, name) != 1 || code == NULL)
		return -1;
	db_done(r, STMT_EXAM_OFFICE);
	if (strlen(code) != 6)
		return 0;
	memcpy(region, code, 7);
	return 1;
}

/* The name of region code; 1, 0 (no such region), -1. */
int
exam_region_name(struct req *r, const char *code, char **name)
{
	int	 n;

	if ((n = db_run(r, STMT_EXAM_REGION_NAME, code)) <= 0)
		return n;
	if (db_row(r, STMT_EXAM_REGION_NAME, name) != 1)
		return -1;
	db_done(r, STMT_EXAM_REGION_NAME);
	return 1;
}

/* Sites and rooms of the plan. */
static int
exam_load_places(struct req *r, struct exam_plan *p)
{
	long long	 cap, high;
	int		 n;
	size_t		 i = 0;

	if ((n = db_run(r, STMT_EXAM_SITES, p->year, p->region)) == -1)
		return -1;
	p->sites = pool_calloc(r->pool, (size_t)n + 1, sizeof(*p->sites));
	while (i < (size_t)n && db_row(r, STMT_EXAM_SITES,
	    &p->sites[i].id, &p->sites[i].code, &p->sites[i].name,
	    &p->sites[i].address, &p->sites[i].nrooms, &p->sites[i].seats,
	    &p->sites[i].taken) == 1)
		i++;
	if ((p->nsites = i) != (size_t)n)
		return -1;
	if ((n = db_run(r, STMT_EXAM_ROOMS, p->year, p->region)) == -1)
		return -1;
	p->rooms = pool_calloc(r->pool, (size_t)n + 1, sizeof(*p->rooms));
	p->srooms = pool_calloc(r->pool, (size_t)n + 1, sizeof(*p->srooms));
	for (i = 0; i < (size_t)n; i++) {
		struct exam_room *m = &p->rooms[i];

		if (db_row(r, STMT_EXAM_ROOMS, &m->id, &m->site_id,
		    &m->site_code, &m->code, &m->name, &cap, &m->taken,
		    &high) != 1)
			return -1;
		m->cap = (int)cap;
		m->high = (int)high;
		p->srooms[i].site = m->site_code;
		p->srooms[i].code = m->code;
		p->srooms[i].cap = m->cap;
	}
	p->nrooms = i;
	return 0;
}

/* Sessions and who sits them. */
static int
exam_load_sessions(struct req *r, struct exam_plan *p)
{
	long long	 level;
	size_t		 i, j;
	int		 n;

	if ((n = db_run(r, STMT_EXAM_SESSIONS, p->year, p->region)) == -1)
		return -1;
	p->sess = pool_calloc(r->pool, (size_t)n + 1, sizeof(*p->sess));
	p->ssess = pool_calloc(r->pool, (size_t)n + 1, sizeof(*p->ssess));
	for (i = 0; i < (size_t)n; i++) {
		if (db_row(r, STMT_EXAM_SESSIONS, &p->sess[i].id,
		    &p->sess[i].code, &p->sess[i].starts,
		    &p->sess[i].ends) != 1)
			return -1;
		p->ssess[i].code = p->sess[i].code[0];
	}
	p->nsess = i;
	if ((n = db_run(r, STMT_EXAM_SITS, p->year, p->region)) == -1)
		return -1;
	p->sits = pool_calloc(r->pool, (size_t)n + 1, sizeof(*p->sits));
	p->ssits = pool_calloc(r->pool, (size_t)n + 1, sizeof(*p->ssits));
	for (i = 0; i < (size_t)n; i++) {
		if (db_row(r, STMT_EXAM_SITS, &p->sits[i].session_id, &level,
		    &p->sits[i].worktype, &p->sits[i].wt_name) != 1)
			return -1;
		p->sits[i].level = (int)level;
		for (j = 0; j < p->nsess; j++)
			if (p->sess[j].id == p->sits[i].session_id)
				break;
		p->ssits[i].session = j;	/* nsess: ignored by seat.c */
		p->ssits[i].level = p->sits[i].level;
		p->ssits[i].worktype = p->sits[i].worktype;
	}
	p->nsits = i;
	return 0;
}

/* The index of id in the sorted map m[0..n), or n. */
static size_t
exam_ix(const struct idix *m, size_t n, long long id)
{
	struct idix	 key, *f;

	key.id = id;
	f = bsearch(&key, m, n, sizeof(*m), cmp_idix);
	return f != NULL ? f->ix : n;
}

/* The seats given: their session and room as indices of the plan. */
static int
exam_load_taken(struct req *r, struct exam_plan *p)
{
	struct idix	*rm, *ss;
	long long	 sid, rid, seat;
	size_t		 i;
	int		 n;

	rm = pool_calloc(r->pool, p->nrooms + 1, sizeof(*rm));
	for (i = 0; i < p->nrooms; i++) {
		rm[i].id = p->rooms[i].id;
		rm[i].ix = i;
	}
	qsort(rm, p->nrooms, sizeof(*rm), cmp_idix);
	ss = pool_calloc(r->pool, p->nsess + 1, sizeof(*ss));
	for (i = 0; i < p->nsess; i++) {
		ss[i].id = p->sess[i].id;
		ss[i].ix = i;
	}
	qsort(ss, p->nsess, sizeof(*ss), cmp_idix);
	if ((n = db_run(r, STMT_EXAM_TAKEN, p->year, p->region)) == -1)
		return -1;
	p->taken = pool_calloc(r->pool, (size_t)n + 1, sizeof(*p->taken));
	for (i = 0; i < (size_t)n; i++) {
		if (db_row(r, STMT_EXAM_TAKEN, &p->taken[i].app, &sid, &rid,
		    &seat) != 1)
			return -1;
		p->taken[i].session = exam_ix(ss, p->nsess, sid);
		p->taken[i].room = exam_ix(rm, p->nrooms, rid);
		p->taken[i].seat = (int)seat;
	}
	p->ntaken = i;
	return 0;
}

static int
cmp_cand(const void *a, const void *b)
{
	const struct exam_cand	*x = a, *y = b;

	return (x->app > y->app) - (x->app < y->app);
}

/* The admitted applications, sorted by id. */
static int
exam_load_cands(struct req *r, struct exam_plan *p)
{
	long long	 level;
	size_t		 i;
	int		 n;

	if ((n = db_run(r, STMT_EXAM_ADMITTED, p->year, p->region)) == -1)
		return -1;
	p->cands = pool_calloc(r->pool, (size_t)n + 1, sizeof(*p->cands));
	p->scands = pool_calloc(r->pool, (size_t)n + 1, sizeof(*p->scands));
	for (i = 0; i < (size_t)n; i++) {
		struct exam_cand *c = &p->cands[i];

		if (db_row(r, STMT_EXAM_ADMITTED, &c->app, &level,
		    &c->worktype, &c->wt_name, &c->name, &c->unit) != 1)
			return -1;
		c->level = (int)level;
	}
	qsort(p->cands, i, sizeof(*p->cands), cmp_cand);
	for (i = 0; i < (size_t)n; i++) {
		const struct exam_cand *c = &p->cands[i];

		p->scands[i].app = c->app;
		p->scands[i].level = c->level;
		p->scands[i].worktype = c->worktype;
		p->scands[i].key = c->app;
	}
	p->ncands = i;
	return 0;
}

/*
 * Loads the whole plan of year and region into p (strings and arrays
 * in r's pool), with seat.c's input ready in p->in.  0 or -1.
 */
int
exam_plan_load(struct req *r, long long year, const char *region,
    struct exam_plan *p)
{
	memset(p, 0, sizeof(*p));
	p->year = year;
	snprintf(p->region, sizeof(p->region), "%s", region);
	if (exam_load_places(r, p) == -1 || exam_load_sessions(r, p) == -1 ||
	    exam_load_taken(r, p) == -1 || exam_load_cands(r, p) == -1)
		return -1;
	p->in.year = (int)year;
	p->in.region = p->region;
	p->in.rooms = p->srooms;
	p->in.nrooms = p->nrooms;
	p->in.sessions = p->ssess;
	p->in.nsessions = p->nsess;
	p->in.sits = p->ssits;
	p->in.nsits = p->nsits;
	p->in.taken = p->taken;
	p->in.ntaken = p->ntaken;
	p->in.cands = p->scands;
	p->in.ncands = p->ncands;
	return 0;
}

/* The admitted application app of the plan, or NULL. */
const struct exam_cand *
exam_cand_find(const struct exam_plan *p, long long app)
{
	size_t	 lo = 0, hi = p->ncands, mid;

	while (lo < hi) {		/* cands are by id */
		mid = lo + (hi - lo) / 2;
		if (p->cands[mid].app == app)
			return &p->cands[mid];
		if (p->cands[mid].app < app)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

#define EXAM_CHUNK	2000		/* seats of one INSERT */

/* Stores the run and its new seats (inside the caller's transaction). */
static int
exam_run_store(struct req *r, const struct exam_plan *p, long long by,
    struct exam_runres *res)
{
	const struct seat_out	*o = &res->out;
	const struct seat_given	*g;
	char			*json;
	size_t			 i, len, at;

	if (db_run(r, STMT_EXAM_RUN_ADD, p->year, p->region,
	    (long long)p->ncands, (long long)o->kept, (long long)o->ngiven,
	    (long long)o->nshort, by) != 1)
		return -1;
	res->run_id = db_insert_id(r, STMT_EXAM_RUN_ADD);
	/* [[app,session,room,seat,"ticket"],...]: at most 64 bytes a seat */
	len = 64 * EXAM_CHUNK + 8;
	json = pool_alloc(r->pool, len);
	for (i = 0; i < o->ngiven; ) {
		at = 0;
		json[at++] = '[';
		do {
			g = &o->given[i];
			at += (size_t)snprintf(json + at, len - at,
			    "%s[%lld,%lld,%lld,%d,\"%s\"]", at > 1 ? "," : "",
			    g->app, p->sess[g->session].id, p->rooms[g->room].id,
			    g->seat, g->ticket);
		} while (++i < o->ngiven && i % EXAM_CHUNK != 0);
		json[at++] = ']';
		json[at] = '\0';
		if (db_run(r, STMT_EXAM_SEATS_ADD, p->year, p->region,
		    res->run_id, json) < 0)
			return -1;
	}
	return 0;
}

/*
 * 编排考场: plans the seats of year and region (seat.c) and stores the
 * run and its new seats in one transaction, the region's sessions
 * locked so two runs never meet.  by: the account (0: gkbm-admin).  The
 * plan loaded is left in p, the outcome in res (exam_run_free).
 * Returns 0, or -1 (nothing stored).
 */
int
exam_run(struct req *r, long long year, const char *region, long long by,
    struct exam_plan *p, struct exam_runres *res)
{
	memset(res, 0, sizeof(*res));
	if (db_begin(r) == -1)
		return -1;
	if (db_run(r, STMT_EXAM_LOCK, year, region) == -1)
		goto fail;
	db_done(r, STMT_EXAM_LOCK);
	if (exam_plan_load(r, year, region, p) == -1)
		goto fail;
	seat_plan(&p->in, &res->out);
	if (exam_run_store(r, p, by, res) == -1 || db_commit(r) == -1)
		goto fail;
	return 0;
fail:
	db_rollback(r);
	res->run_id = 0;
	return -1;
}

void
exam_run_free(struct exam_runres *res)
{
	seat_out_free(&res->out);
}

/*
 * The seat of application app into s (strings in r's pool): 1, 0 when
 * it has none (not seated, or no longer approved), -1 (database).  The
 * caller decides whether r may see the application: the statement
 * reads any application's seat.
 */
int
exam_seat_get(struct req *r, long long app, struct exam_seat *s)
{
	long long	 seat, level;
	int		 n;

	memset(s, 0, sizeof(*s));
	if ((n = db_run(r, STMT_EXAM_SEAT_GET, app)) <= 0)
		return n;
	if (db_row(r, STMT_EXAM_SEAT_GET, &s->year, &s->region,
	    &s->region_name, &s->ticket_no, &s->session, &s->starts, &s->ends,
	    &s->site_code, &s->site_name, &s->site_address, &s->room_code,
	    &s->room_name, &seat, &level, &s->worktype) != 1)
		return -1;
	db_done(r, STMT_EXAM_SEAT_GET);
	s->app = app;
	s->seat = (int)seat;
	s->level = (int)level;
	return 1;
}
