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
 * seat.c: 编排考场, the seat allocator; the rule is in seat.h.  Pure: no
 * database, no clock; its memory from xmalloc (seat_out_free frees it).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gkbm.h"
#include "seat.h"

#define NO_SESSION	((size_t)-1)

/* A candidate at work: his session and his seat given before, if any. */
struct work {
	const struct seat_cand	*c;
	size_t			 session;	/* NO_SESSION: none */
	struct seat_taken	 had;		/* his seat given before */
	int			 kept;		/* he has one */
};

/* The state of one session's rooms while it is planned. */
struct fill {
	const struct seat_in	*in;
	struct seat_out		*out;
	size_t			 s;		/* the session */
	int			*used;		/* [nrooms]: highest seat given */
	struct work		*g;		/* the group */
	size_t			 ng, next;	/* its size, next to place */
	long long		 waiting;	/* of the session, unplaced */
};

static const char *const seat_whys[SEAT_WHY__MAX][2] = {
	{ "nosession", "没有安排其等级、工种的场次" },	/* SEAT_NO_SESSION */
	{ "short", "考场座位不足" },			/* SEAT_SHORT */
};

const char *
seat_why_code(enum seat_why w)
{
	return w < SEAT_WHY__MAX ? seat_whys[w][0] : "";
}

const char *
seat_why_text(enum seat_why w)
{
	return w < SEAT_WHY__MAX ? seat_whys[w][1] : "";
}

static int
digits(const char *s, size_t n)
{
	return s != NULL && strlen(s) == n && strspn(s, "0123456789") == n;
}

/*
 * The 准考证号 of a seat into t: YY RRRRRR S PP MMM NN (year mod 100,
 * region, session, site, room, seat).  Returns 0, or -1 for a part of
 * the wrong shape (t is then "").
 */
int
seat_ticket(char t[SEAT_TICKET_LEN + 1], int year, const char *region,
    char session, const char *site, const char *room, int seat)
{
	*t = '\0';
	if (year < 2000 || !digits(region, 6) || session < '1' ||
	    session > '9' || !digits(site, 2) || !digits(room, 3) ||
	    seat < 1 || seat > SEAT_MAX)
		return -1;
	snprintf(t, SEAT_TICKET_LEN + 1, "%02d%s%c%s%s%02d", year % 100,
	    region, session, site, room, seat);
	return 0;
}

/* The session of a level and work type (first by session order). */
static size_t
seat_session_of(const struct seat_in *in, int level, const char *wt)
{
	size_t	 i, best = NO_SESSION, rest = NO_SESSION;

	for (i = 0; i < in->nsits; i++) {
		const struct seat_sit *t = &in->sits[i];

		if (t->level != level || t->session >= in->nsessions)
			continue;
		if (*t->worktype != '\0' && strcmp(t->worktype, wt) == 0 &&
		    t->session < best)
			best = t->session;
		if (*t->worktype == '\0' && t->session < rest)
			rest = t->session;
	}
	return best != NO_SESSION ? best : rest;
}

static int
cmp_taken_app(const void *a, const void *b)
{
	const struct seat_taken	*x = a, *y = b;

	return (x->app > y->app) - (x->app < y->app);
}

/* The order of rule 2: session, work type, level, key, application. */
static int
cmp_work(const void *a, const void *b)
{
	const struct work	*x = a, *y = b;
	int			 k;

	if (x->session != y->session)
		return x->session < y->session ? -1 : 1;
	if ((k = strcmp(x->c->worktype, y->c->worktype)) != 0)
		return k;
	if (x->c->level != y->c->level)
		return x->c->level < y->c->level ? -1 : 1;
	if (x->c->key != y->c->key)
		return x->c->key < y->c->key ? -1 : 1;
	return (x->c->app > y->c->app) - (x->c->app < y->c->app);
}

/* Candidates with their session and kept seat, in the rule's order. */
static struct work *
seat_work(const struct seat_in *in)
{
	struct seat_taken	*byapp, key;
	const struct seat_taken	*t;
	struct work		*w;
	size_t			 i;

	byapp = xcalloc(in->ntaken + 1, sizeof(*byapp));
	if (in->ntaken > 0)
		memcpy(byapp, in->taken, in->ntaken * sizeof(*byapp));
	qsort(byapp, in->ntaken, sizeof(*byapp), cmp_taken_app);
	w = xcalloc(in->ncands + 1, sizeof(*w));
	for (i = 0; i < in->ncands; i++) {
		w[i].c = &in->cands[i];
		w[i].session = seat_session_of(in, w[i].c->level,
		    w[i].c->worktype);
		key.app = w[i].c->app;
		t = bsearch(&key, byapp, in->ntaken, sizeof(*byapp),
		    cmp_taken_app);
		if (t != NULL) {
			w[i].had = *t;
			w[i].kept = 1;
		}
	}
	free(byapp);
	qsort(w, in->ncands, sizeof(*w), cmp_work);
	return w;
}

/* Gives the next seat of room r to the group's next candidate. */
static void
seat_give(struct fill *f, size_t r)
{
	const struct seat_in	*in = f->in;
	struct seat_out		*out = f->out;
	struct seat_given	*g;
	const struct work	*w = &f->g[f->next];

	g = &out->given[out->ngiven++];
	g->app = w->c->app;
	g->session = f->s;
	g->room = r;
	g->seat = ++f->used[r];
	(void)seat_ticket(g->ticket, in->year, in->region,
	    in->sessions[f->s].code, in->rooms[r].site, in->rooms[r].code,
	    g->seat);
	out->count[f->s].placed++;
	f->next++;
	f->waiting--;
}

/* Skips the group's kept candidates; true while one waits for a seat. */
static int
seat_left(struct fill *f)
{
	while (f->next < f->ng && f->g[f->next].kept)
		f->next++;
	return f->next < f->ng;
}

/* Fills room r with the group while it has seats and candidates. */
static void
seat_room_fill(struct fill *f, size_t r)
{
	while (seat_left(f) && f->used[r] < f->in->rooms[r].cap)
		seat_give(f, r);
}

/* Rule 4: the group's own rooms, then empty rooms or the leftovers. */
static void
seat_group(struct fill *f)
{
	const struct seat_in	*in = f->in;
	long long		 empty = 0;
	size_t			 i, r;
	int			 share;

	for (i = 0; i < f->ng && seat_left(f); i++)
		if (f->g[i].kept && f->g[i].had.session == f->s &&
		    f->g[i].had.room < in->nrooms)
			seat_room_fill(f, f->g[i].had.room);
	for (r = 0; r < in->nrooms; r++)
		if (f->used[r] == 0)
			empty += in->rooms[r].cap;
	/* The seats left in rooms others began are needed: take them. */
	if ((share = empty < f->waiting))
		for (r = 0; r < in->nrooms && seat_left(f); r++)
			if (f->used[r] > 0)
				seat_room_fill(f, r);
	/* Then empty rooms in order, filled one after the other. */
	for (r = 0; r < in->nrooms && seat_left(f); r++)
		if (f->used[r] == 0 || share)
			seat_room_fill(f, r);
}

/* The highest seat given in each room of session s. */
static void
seat_used(const struct seat_in *in, struct seat_out *out, size_t s, int *used)
{
	size_t	 i;

	memset(used, 0, in->nrooms * sizeof(*used));
	for (i = 0; i < in->ntaken; i++) {
		const struct seat_taken *t = &in->taken[i];

		if (t->session != s || t->room >= in->nrooms)
			continue;
		out->count[s].used++;
		if (t->seat > used[t->room])
			used[t->room] = t->seat > in->rooms[t->room].cap ?
			    in->rooms[t->room].cap : t->seat;
	}
}

/* Records the misses of w[0..n) (those without a kept seat). */
static void
seat_missed(struct seat_out *out, const struct work *w, size_t n,
    enum seat_why why)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (w[i].kept)
			continue;
		out->miss[out->nmiss].app = w[i].c->app;
		out->miss[out->nmiss].why = why;
		out->miss[out->nmiss].session = w[i].session;
		out->miss[out->nmiss].level = w[i].c->level;
		out->miss[out->nmiss].worktype = w[i].c->worktype;
		out->nmiss++;
		if (why == SEAT_SHORT) {
			out->nshort++;
			out->count[w[i].session].short_++;
		}
	}
}

/* Plans session s: its candidates are w[0..n), in the rule's order. */
static void
seat_session(const struct seat_in *in, struct seat_out *out, size_t s,
    struct work *w, size_t n, int *used)
{
	struct fill	 f;
	size_t		 a, b;

	memset(&f, 0, sizeof(f));
	f.in = in;
	f.out = out;
	f.s = s;
	f.used = used;
	seat_used(in, out, s, used);
	for (a = 0; a < n; a++)
		if (!w[a].kept)
			f.waiting++;
		else
			out->count[s].kept++;
	for (a = 0; a < n; a = b) {
		for (b = a + 1; b < n && w[b].c->level == w[a].c->level &&
		    strcmp(w[b].c->worktype, w[a].c->worktype) == 0; b++)
			;
		f.g = &w[a];
		f.ng = b - a;
		f.next = 0;
		seat_group(&f);
		if (seat_left(&f))
			seat_missed(out, &w[a + f.next], b - a - f.next,
			    SEAT_SHORT);
	}
}

/*
 * Plans the seats of in (the rule in seat.h) into out, which the caller
 * frees with seat_out_free.
 */
void
seat_plan(const struct seat_in *in, struct seat_out *out)
{
	struct work	*w;
	int		*used;
	size_t		 a, b, i;

	memset(out, 0, sizeof(*out));
	out->given = xcalloc(in->ncands + 1, sizeof(*out->given));
	out->miss = xcalloc(in->ncands + 1, sizeof(*out->miss));
	out->count = xcalloc(in->nsessions + 1, sizeof(*out->count));
	used = xcalloc(in->nrooms + 1, sizeof(*used));
	for (i = 0; i < in->nsessions; i++)
		for (a = 0; a < in->nrooms; a++)
			out->count[i].cap += in->rooms[a].cap;
	w = seat_work(in);
	for (i = 0; i < in->ncands; i++)
		if (w[i].kept)
			out->kept++;
	for (a = 0; a < in->ncands; a = b) {
		for (b = a + 1; b < in->ncands &&
		    w[b].session == w[a].session; b++)
			;
		if (w[a].session == NO_SESSION)
			seat_missed(out, &w[a], b - a, SEAT_NO_SESSION);
		else
			seat_session(in, out, w[a].session, &w[a], b - a, used);
	}
	/* Sessions without candidates still count their seats given. */
	for (i = 0; i < in->nsessions; i++) {
		for (a = 0; a < in->ncands && w[a].session != i; a++)
			;
		if (a == in->ncands)
			seat_used(in, out, i, used);
	}
	free(used);
	free(w);
}

void
seat_out_free(struct seat_out *out)
{
	free(out->given);
	free(out->miss);
	free(out->count);
	memset(out, 0, sizeof(*out));
}
