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
 * tools/bench-seat.c: the seat allocator (fcgi/rules/seat.c) alone, timed
 * (tools/bench-exam builds and runs it; not installed, not a test).
 *
 *   bench-seat [N [ADDED [REPEAT]]]
 *
 * N candidates (default 100000) of the five levels and 76 work types in
 * one region; three sessions (5 and 4; 3; 2 and 1), 50 sites of 30
 * rooms of 30 seats (45,000 seats a session).  Times REPEAT (default 5)
 * first runs, then runs with ADDED (default 1000) 补报 candidates after
 * the first run's seats; prints the median and the counts, and checks
 * the second run kept every seat of the first.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "seat.h"

#define SITES	50
#define ROOMS	30
#define SEATS	30

static char	 codes[SITES * ROOMS][2][4];
static char	 wts[76][5];

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* A pseudo-random but fixed candidate i (the same every run). */
static void
cand(struct seat_cand *c, long long i)
{
	unsigned long	 h = (unsigned long)i * 2654435761UL;

	c->app = i + 1;
	c->level = 1 + (int)(h % 5);
	c->worktype = wts[(h >> 8) % 76];
	c->key = c->app;
}

int
main(int argc, char *argv[])
{
	static const struct seat_session sess[] = { { '1' }, { '2' }, { '3' } };
	static const struct seat_sit sits[] = {
		{ 0, 5, "" }, { 0, 4, "" }, { 1, 3, "" }, { 2, 2, "" }, { 2, 1, "" },
	};
	struct seat_room	*rooms;
	struct seat_cand	*c;
	struct seat_taken	*t;
	struct seat_in		 in;
	struct seat_out		 o, o2;
	long long		 n = argc > 1 ? atoll(argv[1]) : 100000;
	long long		 added = argc > 2 ? atoll(argv[2]) : 1000;
	int			 rep = argc > 3 ? atoi(argv[3]) : 5, k;
	double			 t1[64], t2[64], a;
	size_t			 i, moved = 0;

	if (n < 1 || added < 0 || rep < 1 || rep > 64)
		return 2;
	rooms = calloc(SITES * ROOMS, sizeof(*rooms));
	for (i = 0; i < SITES * ROOMS; i++) {
		snprintf(codes[i][0], 4, "%02zu", 1 + i / ROOMS);
		snprintf(codes[i][1], 4, "%03zu", 1 + i % ROOMS);
		rooms[i].site = codes[i][0];
		rooms[i].code = codes[i][1];
		rooms[i].cap = SEATS;
	}
	for (i = 0; i < 76; i++)
		snprintf(wts[i], sizeof(wts[i]), "W%03zu", i + 1);
	c = calloc((size_t)(n + added), sizeof(*c));
	for (i = 0; i < (size_t)(n + added); i++)
		cand(&c[i], (long long)i);
	memset(&in, 0, sizeof(in));
	in.year = 2026;
	in.region = "410100";
	in.rooms = rooms;
	in.nrooms = SITES * ROOMS;
	in.sessions = sess;
	in.nsessions = 3;
	in.sits = sits;
	in.nsits = 5;
	in.cands = c;
	in.ncands = (size_t)n;
	for (k = 0; k < rep; k++) {
		a = now();
		seat_plan(&in, &o);
		t1[k] = now() - a;
		if (k + 1 < rep)
			seat_out_free(&o);
	}
	t = calloc(o.ngiven + 1, sizeof(*t));
	for (i = 0; i < o.ngiven; i++) {
		t[i].app = o.given[i].app;
		t[i].session = o.given[i].session;
		t[i].room = o.given[i].room;
		t[i].seat = o.given[i].seat;
	}
	in.taken = t;
	in.ntaken = o.ngiven;
	in.ncands = (size_t)(n + added);
	for (k = 0; k < rep; k++) {
		a = now();
		seat_plan(&in, &o2);
		t2[k] = now() - a;
		if (k + 1 < rep)
			seat_out_free(&o2);
	}
	/* Nobody seated by the first run is placed again by the second. */
	for (i = 0; i < o2.ngiven; i++)
		moved += o2.given[i].app <= n;
	qsort(t1, (size_t)rep, sizeof(double), cmp_double);
	qsort(t2, (size_t)rep, sizeof(double), cmp_double);
	printf("allocator: %lld candidates, %d seats a session: %.1f ms "
	    "(median of %d); placed %zu, short %zu, no session %zu\n", n,
	    SITES * ROOMS * SEATS, t1[rep / 2] * 1e3, rep, o.ngiven, o.nshort,
	    o.nmiss - o.nshort);
	printf("allocator: %lld added (补报) after those seats: %.1f ms; kept "
	    "%zu, placed %zu, short %zu, moved %zu\n", added, t2[rep / 2] * 1e3,
	    o2.kept, o2.ngiven, o2.nshort, moved);
	seat_out_free(&o);
	seat_out_free(&o2);
	free(t);
	free(c);
	free(rooms);
	return moved == 0 && o2.kept == o.ngiven ? 0 : 1;
}
