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
 * admin_exam.c: the exam plan by the operator (issue 10 §1, §2), through
 * the same model as the pages (exam.c, examplan.c) on a gkbm-web
 * connection as the province office, and audited:
 *
 *   exam-site YEAR REGION                      the plan, listed
 *   exam-site YEAR REGION CODE NAME ADDRESS    a 考点 added or changed
 *   exam-site YEAR REGION CODE delete
 *   exam-room YEAR REGION SITE CODE NAME SEATS a 考场 added or changed
 *   exam-room YEAR REGION SITE CODE delete
 *   exam-session YEAR REGION CODE START END SITS   a 场次 (SITS: "5 4:W001")
 *   exam-session YEAR REGION CODE delete
 *   exam-allocate YEAR REGION                  编排考场
 *   exam-seat APPLICATION                      an application's seat
 */

#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gkbm.h"
#include "admin.h"
#include "exam.h"

/* The request the model runs in (the province's role) and its worker. */
struct exam_ctx {
	struct worker	 w;
	struct req	 r;
	long long	 year;
	char		 region[7];
	struct exam_plan p;
};

/* An exam region: a city, a directly administered county, the province. */
static int
exam_region_ok(const char *code)
{
	char		*kind;
	long long	 direct;
	int		 rc;

	if (strlen(code) != 6 || strspn(code, "0123456789") != 6) {
		warnx("%s: an exam region is a 6-digit region code", code);
		return -1;
	}
	if ((rc = dbh_run(&adb, STMT_ADM_REGION_GET, code)) == -1)
		return -1;
	if (rc == 0 || dbh_row(&adb, STMT_ADM_REGION_GET, &kind, &direct) != 1) {
		warnx("%s: no such region", code);
		return -1;
	}
	dbh_done(&adb, STMT_ADM_REGION_GET);
	if (strcmp(kind, "city") != 0 && strcmp(kind, "province") != 0 &&
	    strcmp(kind, "direct_county") != 0 && direct == 0) {
		warnx("%s: a %s is no exam region (a city, a directly "
		    "administered county or the province)", code, kind);
		return -1;
	}
	return 0;
}

/* Connects x as gkbm-web's account, in the province's role. */
static int
exam_connect(struct exam_ctx *x)
{
	return admin_web_req(&x->r, &x->w, 0, ROLE_PROVINCE, 0);
}

/* Opens x for YEAR REGION (argv[0], argv[1]) and loads its plan. */
static int
exam_open(struct exam_ctx *x, char **argv)
{
	memset(x, 0, sizeof(*x));
	if (year_parse(argv[0], &x->year) == -1 || year_exists(x->year) == -1 ||
	    exam_region_ok(argv[1]) == -1)
		return -1;
	snprintf(x->region, sizeof(x->region), "%s", argv[1]);
	if (exam_connect(x) == -1)
		return -1;
	if (exam_plan_load(&x->r, x->year, x->region, &x->p) == -1) {
		dbh_close(&x->w.dbh);
		return -1;
	}
	return 0;
}

/* Ends a change: the model's refusal printed, or the audit written. */
static int
exam_done(struct exam_ctx *x, const char *msg, const char *event,
    const char *what)
{
	char	 obj[80];

	dbh_close(&x->w.dbh);
	if (msg == field_dbfail) {
		warnx("the database failed");
		return -1;
	}
	if (msg != NULL) {
		warnx("%s", msg);
		return -1;
	}
	snprintf(obj, sizeof(obj), "exam:%lld:%s:%s", x->year, x->region, what);
	if (admin_audit(event, obj) == -1)
		return -1;
	printf("%s %s\n", event, obj);
	return 0;
}

/* Prints the plan of x. */
static void
exam_print(const struct exam_ctx *x)
{
	const struct exam_plan	*p = &x->p;
	size_t			 i, j;

	printf("%lld %s: %zu admitted, %zu seated\n", p->year, p->region,
	    p->ncands, p->ntaken);
	for (i = 0; i < p->nsites; i++) {
		printf("site %s %s (%s)\n", p->sites[i].code, p->sites[i].name,
		    p->sites[i].address);
		for (j = 0; j < p->nrooms; j++)
			if (p->rooms[j].site_id == p->sites[i].id)
				printf("  room %s %s %d seats, %lld given\n",
				    p->rooms[j].code, p->rooms[j].name,
				    p->rooms[j].cap, p->rooms[j].taken);
	}
	for (i = 0; i < p->nsess; i++) {
		printf("session %s %s - %s:", p->sess[i].code,
		    p->sess[i].starts, p->sess[i].ends);
		for (j = 0; j < p->nsits; j++)
			if (p->sits[j].session_id == p->sess[i].id)
				printf(" %d%s%s", p->sits[j].level,
				    *p->sits[j].worktype ? ":" : "",
				    p->sits[j].worktype);
		printf("\n");
	}
}

static long long
exam_site_id(const struct exam_plan *p, const char *code)
{
	size_t	 i;

	for (i = 0; i < p->nsites; i++)
		if (strcmp(p->sites[i].code, code) == 0)
			return p->sites[i].id;
	return 0;
}

/* exam-site YEAR REGION [CODE (NAME ADDRESS | delete)] */
int
cmd_exam_site(char **argv, const struct opts *o)
{
	struct exam_ctx	 x;
	const char	*msg;
	long long	 id;

	(void)o;
	if (exam_open(&x, argv) == -1)
		return -1;
	if (argv[2] == NULL) {
		exam_print(&x);
		dbh_close(&x.w.dbh);
		return 0;
	}
	id = exam_site_id(&x.p, argv[2]);
	if (argv[3] != NULL && strcmp(argv[3], "delete") == 0 && argv[4] == NULL)
		msg = id == 0 ? "no such site" :
		    exam_site_delete(&x.r, x.year, x.region, id);
	else if (argv[3] == NULL || argv[4] == NULL)
		msg = "expected CODE NAME ADDRESS, or CODE delete";
	else
		msg = exam_site_put(&x.r, x.year, x.region, id, argv[2],
		    argv[3], argv[4]);
	return exam_done(&x, msg, argv[3] != NULL &&
	    strcmp(argv[3], "delete") == 0 && argv[4] == NULL ?
	    "exam.site.delete" : "exam.site", argv[2]);
}

/* exam-room YEAR REGION SITE CODE (NAME SEATS | delete) */
int
cmd_exam_room(char **argv, const struct opts *o)
{
	struct exam_ctx	 x;
	const char	*msg = NULL;
	char		 what[16];
	long long	 site, id = 0, seats = 0;
	size_t		 i;
	int		 del;

	(void)o;
	if (exam_open(&x, argv) == -1)
		return -1;
	snprintf(what, sizeof(what), "%s-%s", argv[2], argv[3]);
	del = strcmp(argv[4], "delete") == 0 && argv[5] == NULL;
	if ((site = exam_site_id(&x.p, argv[2])) == 0)
		msg = "no such site: add it with exam-site first";
	for (i = 0; i < x.p.nrooms; i++)
		if (x.p.rooms[i].site_id == site &&
		    strcmp(x.p.rooms[i].code, argv[3]) == 0)
			id = x.p.rooms[i].id;
	if (msg == NULL && del)
		msg = id == 0 ? "no such room" :
		    exam_room_delete(&x.r, x.year, x.region, id);
	else if (msg == NULL && (argv[5] == NULL ||
	    num_parse(argv[5], 1, SEAT_MAX, &seats) == -1))
		msg = "expected SITE CODE NAME SEATS (1-99), or SITE CODE delete";
	else if (msg == NULL)
		msg = exam_room_put(&x.r, x.year, x.region, id, site, argv[3],
		    argv[4], (int)seats);
	return exam_done(&x, msg, del ? "exam.room.delete" : "exam.room", what);
}

/* exam-session YEAR REGION CODE (START END SITS | delete) */
int
cmd_exam_session(char **argv, const struct opts *o)
{
	struct exam_ctx	 x;
	const char	*msg;
	long long	 id = 0;
	size_t		 i;
	int		 del;

	(void)o;
	if (exam_open(&x, argv) == -1)
		return -1;
	for (i = 0; i < x.p.nsess; i++)
		if (strcmp(x.p.sess[i].code, argv[2]) == 0)
			id = x.p.sess[i].id;
	del = strcmp(argv[3], "delete") == 0 && argv[4] == NULL;
	if (del)
		msg = id == 0 ? "no such session" :
		    exam_session_delete(&x.r, x.year, x.region, id);
	else if (argv[4] == NULL || argv[5] == NULL)
		msg = "expected CODE START END SITS, or CODE delete";
	else
		msg = exam_session_put(&x.r, x.year, x.region, id, argv[2],
		    argv[3], argv[4], argv[5]);
	return exam_done(&x, msg, del ? "exam.session.delete" :
	    "exam.session", argv[2]);
}

/* exam-allocate YEAR REGION: 编排考场, as the page's button does. */
int
cmd_exam_allocate(char **argv, const struct opts *o)
{
	struct exam_runres	 res;
	struct exam_ctx		 x;
	const struct seat_out	*out = &res.out;
	char			 what[32];
	size_t			 i, nosess;

	(void)o;
	if (exam_open(&x, argv) == -1)
		return -1;
	if (exam_run(&x.r, x.year, x.region, 0, &x.p, &res) == -1) {
		dbh_close(&x.w.dbh);
		warnx("the database failed: nothing stored");
		return -1;
	}
	nosess = out->nmiss - out->nshort;
	printf("run %lld: %zu admitted, %zu kept, %zu placed, %zu short, "
	    "%zu without a session\n", res.run_id, x.p.ncands, out->kept,
	    out->ngiven, out->nshort, nosess);
	for (i = 0; i < x.p.nsess; i++)
		printf("session %s: %lld seats, %lld given before, %lld placed, "
		    "%lld short\n", x.p.sess[i].code, out->count[i].cap,
		    out->count[i].used, out->count[i].placed,
		    out->count[i].short_);
	for (i = 0; i < out->nmiss; i++)
		printf("no seat: application %lld (level %d %s): %s\n",
		    out->miss[i].app, out->miss[i].level,
		    out->miss[i].worktype, seat_why_text(out->miss[i].why));
	snprintf(what, sizeof(what), "run:%lld", res.run_id);
	exam_run_free(&res);
	return exam_done(&x, NULL, "exam.allocate", what);
}

/*
 * exam-seat APPLICATION: the seat of an application (exam_seat_get, as
 * the ticket shows it); exit 1 when it has none (not seated, or no
 * longer approved).
 */
int
cmd_exam_seat(char **argv, const struct opts *o)
{
	struct exam_seat	 st;
	struct exam_ctx		 x;
	long long		 app;
	int			 k;

	(void)o;
	memset(&x, 0, sizeof(x));
	if (num_parse(argv[0], 1, 4294967295LL, &app) == -1 ||
	    exam_connect(&x) == -1)
		return -1;
	k = exam_seat_get(&x.r, app, &st);
	dbh_close(&x.w.dbh);
	if (k == -1) {
		warnx("the database failed");
		return -1;
	}
	if (k == 0) {
		warnx("application %lld has no seat", app);
		return -1;
	}
	printf("%s %s %lld %s: session %s %s - %s, site %s %s (%s), room %s %s, "
	    "seat %d; level %d %s\n", st.ticket_no, st.region, st.year,
	    st.region_name, st.session, st.starts, st.ends, st.site_code,
	    st.site_name, st.site_address, st.room_code, st.room_name, st.seat,
	    st.level, st.worktype);
	return 0;
}
