/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* admin_units.c: gkbm-admin import-units (批量导入单位, unitimport.c) */

#include <sys/stat.h>

#include <err.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gkbm.h"
#include "admin.h"
#include "unit.h"

/* The role of the admin of a unit of kind (what it may import). */
static const struct {
	const char	*kind;
	enum role	 role;
} import_as[] = {
	{ "province",	 ROLE_PROVINCE },
	{ "city",	 ROLE_CITY },
	{ "county",	 ROLE_COUNTY },
	{ "supervising", ROLE_SUPERVISING },
};

/* Reads file path (at most SHEET_MAX_BYTES) into a pool buffer. */
static char *
file_slurp(struct pool *p, const char *path, size_t *len)
{
	struct stat	 st;
	char		*buf;
	ssize_t		 n;
	size_t		 got = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) == -1 || fstat(fd, &st) == -1) {
		warn("%s", path);
		if (fd != -1)
			close(fd);
		return NULL;
	}
	if (st.st_size > (off_t)SHEET_MAX_BYTES) {
		warnx("%s: larger than %u bytes", path, SHEET_MAX_BYTES);
		close(fd);
		return NULL;
	}
	buf = pool_alloc(p, (size_t)st.st_size + 1);
	while (got < (size_t)st.st_size &&
	    (n = read(fd, buf + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)n;
	close(fd);
	*len = got;
	return buf;
}

/* Sets r up as the admin of the unit code (a connection of gkbm-web's). */
static int
import_req(struct req *r, struct worker *w, const char *code)
{
	char		 kind[32];
	long long	 id;
	char		*k;
	size_t		 i;
	int		 rc;

	if ((rc = dbh_run(&adb, STMT_ADM_UNIT_GET, code)) <= 0 ||
	    dbh_row(&adb, STMT_ADM_UNIT_GET, &id, &k) != 1) {
		if (rc == 0)
			warnx("unit %s: no such unit", code);
		return -1;
	}
	dbh_done(&adb, STMT_ADM_UNIT_GET);
	snprintf(kind, sizeof(kind), "%s", k);
	for (i = 0; i < sizeof(import_as) / sizeof(import_as[0]); i++)
		if (strcmp(import_as[i].kind, kind) == 0)
			break;
	if (i == sizeof(import_as) / sizeof(import_as[0])) {
		warnx("unit %s is a %s unit: it has no units to import", code,
		    kind);
		return -1;
	}
	memset(w, 0, sizeof(*w));
	w->cfg = &cfg;
	if (dbh_open(&w->dbh, &cfg, PROG_WEB, 1) == -1) {
		warnx("cannot connect to database %s as gkbm-web's account",
		    cfg.db_name);
		return -1;
	}
	memset(r, 0, sizeof(*r));
	r->w = w;
	r->cfg = &cfg;
	r->pool = adb.pool;
	w->dbh.pool = adb.pool;
	r->role = import_as[i].role;
	r->unit_id = id;
	r->ip = "";
	snprintf(r->id, sizeof(r->id), "gkbm-admin");
	return 0;
}

/* Prints the refused rows of rep. */
static void
import_print(const struct import_report *rep)
{
	const struct import_row	*o;
	size_t			 i;

	for (i = 0; i < rep->nrows; i++) {
		o = &rep->rows[i];
		if (o->msg != NULL)
			fprintf(stderr, "row %zu (%s): %s%s%s\n", o->line,
			    o->cells[0], o->field ? o->field : "",
			    o->field ? ": " : "", o->msg);
	}
}

/*
 * import-units FILE [UNIT_CODE]: the units (and their admins) of a CSV or
 * XLSX file made as the admin of UNIT_CODE (default HN, the province)
 * would make them on /admin/units/import: all or nothing.  Returns 0, or
 * -1 (printed).
 */
int
cmd_import_units(char **argv, const struct opts *o)
{
	struct import_report	 rep;
	struct worker		 w;
	struct req		 r;
	const char		*msg;
	char			*buf;
	size_t			 len;
	int			 rc = -1;

	(void)o;
	if ((buf = file_slurp(adb.pool, argv[0], &len)) == NULL ||
	    import_req(&r, &w, argv[1] != NULL ? argv[1] : "HN") == -1)
		return -1;
	msg = import_units(&r, buf, len, &rep);
	if (msg != NULL)
		warnx("%s: the database failed", argv[0]);
	else if (rep.msg != NULL)
		warnx("%s: %s", argv[0], rep.msg);
	else if (rep.nbad > 0) {
		import_print(&rep);
		warnx("%s: %zu of %zu rows refused; nothing imported", argv[0],
		    rep.nbad, rep.nrows);
	} else {
		printf("%zu units imported from %s\n", rep.nrows, argv[0]);
		rc = 0;
	}
	dbh_close(&w.dbh);
	return rc;
}
