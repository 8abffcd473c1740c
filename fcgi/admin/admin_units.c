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


#include <err.h>
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

/* Sets r up as the admin of the unit code (a connection of gkbm-web's). */
static int
import_req(struct req *r, struct worker *w, const char *code)
{
	char		 kind[32];
	long long	 id;
	size_t		 i;

	if (admin_unit(code, &id, kind, sizeof(kind)) == -1)
		return -1;
	for (i = 0; i < sizeof(import_as) / sizeof(import_as[0]); i++)
		if (strcmp(import_as[i].kind, kind) == 0)
			break;
	if (i == sizeof(import_as) / sizeof(import_as[0])) {
		warnx("unit %s is a %s unit: it has no units to import", code,
		    kind);
		return -1;
	}
	return admin_web_req(r, w, id, import_as[i].role, 0);
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
	if ((buf = admin_slurp(adb.pool, argv[0], SHEET_MAX_BYTES, &len)) == NULL ||
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
