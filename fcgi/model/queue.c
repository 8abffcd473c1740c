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
 */

#include "web.h"

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
	long long	 senior = 0, manual = 0;
	int		 k;

	if (r->unit_id <= 0)
		return 0;
	if (db_run(r, STMT_RQ_COUNTS, r->unit_id) == -1 ||
	    (k = db_row(r, STMT_RQ_COUNTS, &senior, &manual)) == -1)
		return -1;
	if (k == 1)
		db_done(r, STMT_RQ_COUNTS);
	n = xml_el(r->root, "counts", NULL);
	xml_attrf(n, "manual", "%lld", manual);
	xml_attrf(n, "senior", "%lld", senior);
	return 0;
}

/*
 * True (1) if the staff account's unit is in application app's chain,
 * so that it may see the application, its files and its history; 0 if
 * not (or the application does not exist), -1 on a database failure.
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
