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
 * t/unit/seat.c: the seat allocator (fcgi/rules/seat.c): no two
 * candidates on one seat, no room over its seats, a shortfall reported
 * (never overbooked), one work type and level kept together, the same
 * output for the input in any order, candidates added later (补报)
 * placed without moving anyone, and the seat of one who left never
 * given again; the 准考证号's layout.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "seat.h"
#include "tap.h"

#define MAXC	64

static const struct seat_room rooms3[] = {
	{ "01", "001", 3 }, { "01", "002", 3 }, { "02", "001", 4 },
};
static const struct seat_session sess2[] = { { '1' }, { '2' } };
static const struct seat_sit sits[] = {
	{ 0, 4, "W001" }, { 0, 4, "" }, { 1, 3, "" },
};

/* The candidates: W001/4 x4, W002/4 x2, W003/3 x2, W001/5 (no session). */
static struct seat_cand cands[] = {
	{ 10, 4, "W001", 10 }, { 11, 4, "W001", 11 }, { 12, 4, "W001", 12 },
	{ 13, 4, "W001", 13 }, { 20, 4, "W002", 20 }, { 21, 4, "W002", 21 },
	{ 30, 3, "W003", 30 }, { 31, 3, "W003", 31 }, { 50, 5, "W001", 50 },
};
#define NCANDS	(sizeof(cands) / sizeof(cands[0]))

static struct seat_in
input(const struct seat_room *rooms, size_t nrooms,
    const struct seat_cand *c, size_t n, const struct seat_taken *t,
    size_t nt)
{
	struct seat_in	 in;

	memset(&in, 0, sizeof(in));
	in.year = 2026;
	in.region = "410100";
	in.rooms = rooms;
	in.nrooms = nrooms;
	in.sessions = sess2;
	in.nsessions = 2;
	in.sits = sits;
	in.nsits = sizeof(sits) / sizeof(sits[0]);
	in.cands = c;
	in.ncands = n;
	in.taken = t;
	in.ntaken = nt;
	return in;
}

static const struct seat_given *
given(const struct seat_out *o, long long app)
{
	size_t	 i;

	for (i = 0; i < o->ngiven; i++)
		if (o->given[i].app == app)
			return &o->given[i];
	return NULL;
}

/* "room.seat" of app in o ("-" none), e.g. "1.2". */
static const char *
at(const struct seat_out *o, long long app)
{
	static char		 buf[8][16];
	static int		 k;
	const struct seat_given	*g = given(o, app);

	k = (k + 1) % 8;
	if (g == NULL)
		return "-";
	snprintf(buf[k], sizeof(buf[k]), "%zu:%zu.%d", g->session, g->room,
	    g->seat);
	return buf[k];
}

/* No two seats alike among out's and taken; none over its room. */
static int
sound(const struct seat_in *in, const struct seat_out *o)
{
	size_t	 i, j;

	for (i = 0; i < o->ngiven; i++) {
		const struct seat_given *a = &o->given[i];

		if (a->seat < 1 || a->seat > in->rooms[a->room].cap)
			return 0;
		for (j = i + 1; j < o->ngiven; j++)
			if (a->session == o->given[j].session &&
			    a->room == o->given[j].room &&
			    a->seat == o->given[j].seat)
				return 0;
		for (j = 0; j < in->ntaken; j++)
			if (a->session == in->taken[j].session &&
			    a->room == in->taken[j].room &&
			    a->seat == in->taken[j].seat)
				return 0;
	}
	return 1;
}

/* o's seats as the taken seats of a later run. */
static size_t
as_taken(const struct seat_out *o, struct seat_taken *t, size_t n)
{
	size_t	 i;

	for (i = 0; i < o->ngiven; i++) {
		t[n].app = o->given[i].app;
		t[n].session = o->given[i].session;
		t[n].room = o->given[i].room;
		t[n].seat = o->given[i].seat;
		n++;
	}
	return n;
}

static void
t_first(void)
{
	struct seat_in	 in = input(rooms3, 3, cands, NCANDS, NULL, 0);
	struct seat_out	 o;

	seat_plan(&in, &o);
	ok(sound(&in, &o), "first run: no collision, no room over its seats");
	is_int(o.ngiven, 8, "eight placed");
	is_int(o.nmiss, 1, "one without a seat");
	is_int(o.miss[0].app, 50, "the level-5 candidate ...");
	is_int(o.miss[0].why, SEAT_NO_SESSION, "... for want of a session");
	is_string(seat_why_text(SEAT_NO_SESSION), "没有安排其等级、工种的场次",
	    "the reason in words");
	is_string(at(&o, 10), "0:0.1", "W001 fills room 01-001 first ...");
	is_string(at(&o, 12), "0:0.3", "... to its last seat");
	is_string(at(&o, 13), "0:1.1", "... then room 01-002");
	is_string(at(&o, 20), "0:2.1", "W002 starts a new room (02-001) "
	    "since the empty rooms hold everyone left");
	is_string(at(&o, 21), "0:2.2", "W002 together");
	is_string(at(&o, 30), "1:0.1", "session 2 has its own seats in room 01-001");
	is_string(given(&o, 20)->ticket, "2641010010200101",
	    "ticket: 26 410100 1 02 001 01");
	is_int(o.count[0].cap, 10, "capacity per session");
	is_int(o.count[0].placed, 6, "session 1 placed 6");
	is_int(o.count[1].placed, 2, "session 2 placed 2");
	seat_out_free(&o);
}

static void
t_tight(void)
{
	struct seat_in	 in = input(rooms3, 2, cands, 6, NULL, 0);
	struct seat_out	 o;

	seat_plan(&in, &o);
	ok(sound(&in, &o), "tight: sound");
	is_int(o.ngiven, 6, "six seats for six");
	is_string(at(&o, 20), "0:1.2", "W002 shares room 01-002 when no empty "
	    "room is left to start");
	is_string(at(&o, 21), "0:1.3", "and fills it");
	seat_out_free(&o);
}

static void
t_short(void)
{
	struct seat_cand	 c[NCANDS + 1];
	struct seat_in		 in;
	struct seat_out		 o;

	memcpy(c, cands, sizeof(cands));
	c[NCANDS] = (struct seat_cand){ 14, 4, "W001", 14 };
	in = input(rooms3, 2, c, NCANDS + 1, NULL, 0);
	seat_plan(&in, &o);
	ok(sound(&in, &o), "short: nobody overbooked");
	is_int(o.count[0].placed, 6, "six seats given in session 1");
	is_int(o.nshort, 1, "one short");
	is_int(o.count[0].short_, 1, "counted for session 1");
	is_string(at(&o, 21), "-", "the last in the order has no seat");
	ok(o.nmiss == 2 && (o.miss[0].why == SEAT_SHORT ||
	    o.miss[1].why == SEAT_SHORT), "reported as 座位不足");
	seat_out_free(&o);
	in = input(rooms3, 0, c, 3, NULL, 0);
	seat_plan(&in, &o);
	is_int(o.nshort, 3, "no rooms: everyone short");
	seat_out_free(&o);
}

static void
t_determinism(void)
{
	struct seat_cand	 c[NCANDS];
	struct seat_in		 in = input(rooms3, 3, cands, NCANDS, NULL, 0);
	struct seat_out		 a, b;
	size_t			 i, same = 0;

	for (i = 0; i < NCANDS; i++)
		c[i] = cands[NCANDS - 1 - i];
	seat_plan(&in, &a);
	in.cands = c;
	seat_plan(&in, &b);
	for (i = 0; i < NCANDS; i++)
		same += strcmp(at(&a, cands[i].app), at(&b, cands[i].app)) == 0;
	is_int(same, NCANDS, "the input reversed: the same seats");
	ok(a.ngiven == b.ngiven && memcmp(a.given, b.given,
	    a.ngiven * sizeof(*a.given)) == 0, "and in the same order");
	seat_out_free(&a);
	seat_out_free(&b);
}

static void
t_additions(void)
{
	struct seat_cand	 c[NCANDS + 2];
	struct seat_taken	 t[MAXC];
	struct seat_in		 in = input(rooms3, 3, cands, NCANDS, NULL, 0);
	struct seat_out		 a, b;
	size_t			 i, nt, kept = 0;

	seat_plan(&in, &a);
	nt = as_taken(&a, t, 0);
	memcpy(c, cands, sizeof(cands));
	c[NCANDS] = (struct seat_cand){ 14, 4, "W001", 14 };
	c[NCANDS + 1] = (struct seat_cand){ 22, 4, "W002", 22 };
	in = input(rooms3, 3, c, NCANDS + 2, t, nt);
	seat_plan(&in, &b);
	ok(sound(&in, &b), "additions: no seat given twice");
	is_int(b.kept, 8, "the eight seated before are kept");
	is_int(b.ngiven, 2, "only the two added get new seats");
	for (i = 0; i < a.ngiven; i++)
		kept += given(&b, a.given[i].app) == NULL;
	is_int(kept, a.ngiven, "nobody seated before is placed again");
	is_string(at(&b, 14), "0:1.2", "补报 W001 joins its group's room, "
	    "after the seats given");
	is_string(at(&b, 22), "0:2.3", "补报 W002 joins its group's room");
	is_int(b.count[0].kept, 6, "session 1: six kept");
	seat_out_free(&b);

	/* 11 left (its seat 0:0.2 stays taken); 15 comes. */
	for (i = 0; i < NCANDS; i++)
		c[i] = cands[i];
	c[1] = (struct seat_cand){ 15, 4, "W001", 15 };
	in = input(rooms3, 3, c, NCANDS, t, nt);
	seat_plan(&in, &b);
	ok(sound(&in, &b), "a candidate left: his seat is not given again");
	is_string(at(&b, 15), "0:1.2", "the newcomer sits after the seats given");
	is_int(b.count[0].used, 6, "the seat of the one who left still counts");
	seat_out_free(&b);
	seat_out_free(&a);
}

static void
t_sessions(void)
{
	static const struct seat_sit own[] = {
		{ 0, 4, "" }, { 1, 4, "W002" }, { 1, 3, "" },
	};
	struct seat_in	 in = input(rooms3, 3, cands, NCANDS, NULL, 0);
	struct seat_out	 o;
	char		 t[SEAT_TICKET_LEN + 1];

	in.sits = own;
	in.nsits = 3;
	seat_plan(&in, &o);
	is_string(at(&o, 20), "1:0.1", "a work type named in a session sits "
	    "there, not in the level's rest");
	is_string(at(&o, 10), "0:0.1", "the rest of the level in its session");
	seat_out_free(&o);
	is_int(seat_ticket(t, 2027, "410000", '9', "99", "999", 99), 0,
	    "the largest ticket");
	is_string(t, "2741000099999999", "27 410000 9 99 999 99");
	is_int(seat_ticket(t, 2026, "4101", '1', "01", "001", 1), -1,
	    "a short region refused");
	is_int(seat_ticket(t, 2026, "410100", '0', "01", "001", 1), -1,
	    "session 0 refused");
	is_int(seat_ticket(t, 2026, "410100", '1', "01", "001", 100), -1,
	    "seat 100 refused");
}

int
main(void)
{
	plan_lazy();
	t_first();
	t_tight();
	t_short();
	t_determinism();
	t_additions();
	t_sessions();
	return 0;
}
