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
 * admin_results.c: gkbm-admin pass-line, import-results and
 * publish-results (考核结果, fcgi/model/result.c and resimport.c): each
 * done as the province office would do it on its pages, through
 * gkbm-web's account and statements, audited without an account.
 */


#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gkbm.h"
#include "admin.h"
#include "result.h"

/* Sets r up as the province office (unit HN) on a connection of
 * gkbm-web's, for year.  Returns 0 or -1 (printed). */
static int
res_req(struct req *r, struct worker *w, long long year)
{
	char		 kind[32];
	long long	 id;

	if (admin_unit("HN", &id, kind, sizeof(kind)) == -1)
		return -1;
	return admin_web_req(r, w, id, ROLE_PROVINCE, year);
}

/* The year of argv[0], parsed and existing; -1 (printed) if not. */
static int
res_year(const char *s, long long *year)
{
	if (year_parse(s, year) == -1 || year_exists(*year) == -1)
		return -1;
	return 0;
}

/*
 * pass-line YEAR LEVEL WORKTYPE THEORY SKILL: sets a pass line (合格线);
 * WORKTYPE '' or '-' for every work type of the level without its own.
 */
int
cmd_pass_line(char **argv, const struct opts *o)
{
	struct worker	 w;
	struct req	 r;
	const char	*msg, *field = NULL, *wt = argv[2];
	long long	 year;

	(void)o;
	if (res_year(argv[0], &year) == -1 || res_req(&r, &w, year) == -1)
		return -1;
	if (strcmp(wt, "-") == 0)
		wt = "";
	msg = res_line_set(&r, year, argv[1], wt, argv[3], argv[4], &field);
	dbh_close(&w.dbh);
	if (msg == field_dbfail) {
		warnx("the database failed");
		return -1;
	}
	if (msg != NULL) {
		warnx("%s: %s", field ? field : "line", msg);
		return -1;
	}
	printf("pass line %lld level %s %s: theory %s, skill %s\n", year,
	    argv[1], *wt ? wt : "(every work type)", argv[3], argv[4]);
	return 0;
}

/* Prints the refused rows of rep. */
static void
res_print(const struct resimp_report *rep)
{
	const struct resimp_row	*o;
	size_t			 i;

	for (i = 0; i < rep->nrows; i++) {
		o = &rep->rows[i];
		if (o->msg != NULL)
			fprintf(stderr, "row %zu (%s): %s%s%s\n", o->line,
			    o->cells[RI_TICKET], o->column ? o->column : "",
			    o->column ? ": " : "", o->msg);
	}
}

/*
 * import-results YEAR REGION FILE: the results file (CSV or XLSX) of an
 * exam region, all or nothing, as /admin/results/import takes it.
 */
int
cmd_import_results(char **argv, const struct opts *o)
{
	struct resimp_report	 rep;
	struct worker		 w;
	struct req		 r;
	const char		*msg, *base;
	char			*buf;
	long long		 year;
	size_t			 len;
	int			 rc = -1;

	(void)o;
	if (res_year(argv[0], &year) == -1 ||
	    (buf = admin_slurp(adb.pool, argv[2], SHEET_MAX_BYTES, &len)) == NULL ||
	    res_req(&r, &w, year) == -1)
		return -1;
	base = strrchr(argv[2], '/') ? strrchr(argv[2], '/') + 1 : argv[2];
	msg = res_import(&r, year, argv[1], base, buf, len, &rep);
	if (msg != NULL)
		warnx("%s: the database failed", argv[2]);
	else if (rep.msg != NULL)
		warnx("%s: %s", argv[2], rep.msg);
	else if (rep.nbad > 0) {
		res_print(&rep);
		warnx("%s: %zu of %zu rows refused; nothing imported", argv[2],
		    rep.nbad, rep.nrows);
	} else {
		printf("%zu results imported from %s (import %lld)\n",
		    rep.nrows, argv[2], rep.import_id);
		rc = 0;
	}
	dbh_close(&w.dbh);
	return rc;
}

/*
 * publish-results YEAR REGION: publishes the region's results, each
 * decided from the pass lines of now.
 */
int
cmd_publish_results(char **argv, const struct opts *o)
{
	struct worker	 w;
	struct req	 r;
	const char	*msg;
	long long	 year, n, npass;

	(void)o;
	if (res_year(argv[0], &year) == -1 || res_req(&r, &w, year) == -1)
		return -1;
	msg = res_publish(&r, year, argv[1], &n, &npass);
	dbh_close(&w.dbh);
	if (msg == field_dbfail) {
		warnx("the database failed");
		return -1;
	}
	if (msg != NULL) {
		warnx("%s %s: %s", argv[0], argv[1], msg);
		return -1;
	}
	printf("%lld %s: %lld results published, %lld passed\n", year,
	    argv[1], n, npass);
	return 0;
}
