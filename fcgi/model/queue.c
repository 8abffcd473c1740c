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
 * queue.c: what the review pages share about a staff account's unit:
 * how many applications wait in its two queues (the menu's counts), and
 * whether it may see an application at all (its unit is in the
 * application's chain, app_chain, fixed at submission: schema/0010).
 *
 * Counting a queue reads one index entry per application: nothing for a
 * unit's few dozen, but tens of milliseconds for a city office with tens
 * of thousands waiting, on every page.  So a count of at least
 * QUEUE_BIG is kept by the worker for QUEUE_TTL seconds (a big queue's
 * number may lag by that much; the lists themselves are always read
 * fresh), and a smaller one is always counted.  Each recount holds a
 * worker for milliseconds (7.5 ms for 50,000 waiting) while requests
 * queue behind the other workers: with a TTL of 5 s, four workers
 * recounting was what made the queue page's slowest hundredth (tools/
 * bench (g)); 30 s makes it a sixth as often.
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "web.h"

#define QUEUE_BIG	1000	/* counts at least this big are kept */
#define QUEUE_TTL	30	/* seconds */
#define QUEUE_SLOTS	16	/* kept counts per worker */

static struct {
	char		 key[64];
	long long	 n;
	time_t		 at;
}		 kept[QUEUE_SLOTS];
static size_t	 kept_next;

/* The kept count of key, if fresh: 1 and *n, else 0. */
int
queue_cached(const char *key, long long *n)
{
	time_t	 now = time(NULL);
	size_t	 i;

	for (i = 0; i < QUEUE_SLOTS; i++)
		if (strcmp(kept[i].key, key) == 0 &&
		    now - kept[i].at < QUEUE_TTL) {
			*n = kept[i].n;
			return 1;
		}
	return 0;
}

/* Keeps the count n of key. */
static void
queue_keep(const char *key, long long n)
{
	size_t	 i;

	for (i = 0; i < QUEUE_SLOTS; i++)
		if (strcmp(kept[i].key, key) == 0)
			break;
	if (i == QUEUE_SLOTS)
		i = kept_next++ % QUEUE_SLOTS;
	snprintf(kept[i].key, sizeof(kept[i].key), "%s", key);
	kept[i].n = n;
	kept[i].at = time(NULL);
}

/* Keeps the count n of key when it is big enough to be worth it. */
void
queue_cache(const char *key, long long n)
{
	if (n >= QUEUE_BIG)
		queue_keep(key, n);
}

/*
 * Appends <counts manual="N" senior="M"/> to the page: the applications
 * waiting at the account's unit, 人工审核 (levels 2-5) and 高级技师审核
 * (level 1).  One index range (applications_queue), no row read.
 * Returns 0, or -1 on a database failure.
 */
int
queue_counts(struct req *r)
{
	xmlNodePtr	 n;
	char		 ks[48], km[48];
	long long	 senior = 0, manual = 0;
	int		 k;

	if (r->unit_id <= 0)
		return 0;
	snprintf(ks, sizeof(ks), "%lld|1|1", r->unit_id);
	snprintf(km, sizeof(km), "%lld|2|5", r->unit_id);
	if (!queue_cached(ks, &senior) || !queue_cached(km, &manual)) {
		if (db_run(r, STMT_RQ_COUNTS, r->unit_id) == -1 ||
		    (k = db_row(r, STMT_RQ_COUNTS, &senior, &manual)) == -1)
			return -1;
		if (k == 1)
			db_done(r, STMT_RQ_COUNTS);
		/* Both are one statement: kept together when it is big. */
		if (senior + manual >= QUEUE_BIG) {
			queue_keep(ks, senior);
			queue_keep(km, manual);
		}
	}
	n = xml_el(r->root, "counts", NULL);
	xml_attr_num(n, "manual", manual);
	xml_attr_num(n, "senior", senior);
	return 0;
}

/*
 * True (1) if the staff account's unit is in application app's chain,
 * or is an office above the chain's office (the city office over a
 * county office of its city, the province office over all), so that it
 * may see the
 * application, its files and its history (市级复核意见 and 省级标记 are
 * written from there); 0 if not (or the application does not exist), -1
 * on a database failure.
 */
int
queue_sees(struct req *r, long long app)
{
	long long	 n = 0;

	if (r->role == ROLE_ANON || r->role == ROLE_CANDIDATE ||
	    r->unit_id <= 0)
		return 0;
	if (db_run(r, STMT_RV_SEES, app, r->unit_id) == -1 ||
	    db_row(r, STMT_RV_SEES, &n) == -1)
		return -1;
	db_done(r, STMT_RV_SEES);
	return n > 0;
}
