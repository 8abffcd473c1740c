/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* admin_review.c: gkbm-admin ban-lift (填报虚假信息's ban lifted) */

#include <err.h>
#include <stdio.h>
#include <string.h>

#include "gkbm.h"
#include "admin.h"
#include "review.h"

#define MAX_BANS	16	/* bans of one ID number lifted at once */

/* One ban still in force. */
struct ban {
	long long	 id, app, from, to;
	char		*state;		/* the application's (adb's pool) */
};

/* Reads the bans in force of the ID number's lookup value into b. */
static int
bans_read(const unsigned char *mac, struct ban *b, int max)
{
	int	 n = 0, k;

	if ((k = dbh_run(&adb, STMT_ADM_BAN_LIST, mac, (size_t)MAC_LEN)) <= 0)
		return k;
	while (n < max && (k = dbh_row(&adb, STMT_ADM_BAN_LIST, &b[n].id,
	    &b[n].app, &b[n].from, &b[n].to, &b[n].state)) == 1)
		n++;
	if (k == 1)
		dbh_done(&adb, STMT_ADM_BAN_LIST);
	return k == -1 ? -1 : n;
}

/*
 * Whether the state machine lets gkbm-admin lift the ban of an
 * application in state (it must be cancelled).  Returns 0 or -1
 * (printed).
 */
static int
lift_allowed(const struct ban *b, const char *reason)
{
	struct rv_in	 in;
	struct rv_out	 out;
	enum rv_why	 w;

	memset(&in, 0, sizeof(in));
	if (review_state_parse(b->state, &in.state) == -1)
		in.state = RVS__MAX;
	in.role = RVR_ADMIN;
	in.action = RVA_LIFT;
	in.has_reason = *reason != '\0';
	if ((w = review_decide(&in, &out)) == RVW_OK)
		return 0;
	warnx("ban %lld (application %lld, %s): %s", b->id, b->app, b->state,
	    review_why_text(w));
	return -1;
}

/*
 * ban-lift IDNO REASON: lifts every ban in force of the ID number
 * (填报虚假信息, 003 §四(四)), with the reason, each audited, in one
 * transaction.  Returns 0, or -1 (printed).
 */
int
cmd_ban_lift(char **argv, const struct opts *o)
{
	struct ban	 b[MAX_BANS];
	struct idno	 id;
	enum idno_err	 e;
	unsigned char	 mac[MAC_LEN];
	char		 obj[40];
	long		 len;
	int		 i, n;

	(void)o;
	if ((e = idno_parse(argv[0], &id)) != IDNO_OK) {
		warnx("ID number: %s", idno_strerror(e));
		return -1;
	}
	if ((len = text_chars(argv[1])) < 1 || len > 200) {
		warnx("reason: expected 1 to 200 characters of text");
		return -1;
	}
	pii_mac(&cfg, "idno", id.norm, mac);
	if (tx_begin() == -1 || (n = bans_read(mac, b, MAX_BANS)) == -1)
		return -1;
	if (n == 0) {
		warnx("no ban in force for that ID number");
		return -1;
	}
	for (i = 0; i < n; i++) {
		snprintf(obj, sizeof(obj), "ban:%lld", b[i].id);
		if (lift_allowed(&b[i], argv[1]) == -1 ||
		    dbh_run(&adb, STMT_ADM_BAN_LIFT, argv[1], b[i].id) != 1 ||
		    admin_audit("ban.lift", obj) == -1)
			return -1;
	}
	if (tx_commit() == -1)
		return -1;
	for (i = 0; i < n; i++)
		printf("ban %lld lifted (application %lld, years %lld-%lld)\n",
		    b[i].id, b[i].app, b[i].from, b[i].to);
	return 0;
}
