/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* regions.c: the cities and directly administered counties of the forms */

#include <stdio.h>
#include <time.h>

#include "web.h"

#define MAX_TOP_REGIONS	64	/* cities and direct counties */
#define REGIONS_TTL	60	/* seconds a worker keeps them */

/*
 * Appends <regions> with the cities and the directly administered
 * counties, the first choice of every form.  They change only with
 * gkbm-admin import-reference, so each worker reads them at most once a
 * minute.  Returns 0 or -1 on a database failure.
 */
int
regions_xml(struct req *r, xmlNodePtr parent)
{
	static struct {
		char	 code[7];
		char	 name[64];
		char	 kind[16];
	}		 top[MAX_TOP_REGIONS];
	static size_t	 ntop;
	static time_t	 at;
	xmlNodePtr	 rs, n;
	char		*code, *name, *kind;
	time_t		 now = time(NULL);
	size_t		 i;
	int		 k;

	if (at == 0 || now - at >= REGIONS_TTL) {
		if (db_run(r, STMT_REGION_LIST_TOP) == -1)
			return -1;
		ntop = 0;
		while ((k = db_row(r, STMT_REGION_LIST_TOP, &code,
		    &name, &kind)) == 1) {
			if (ntop == MAX_TOP_REGIONS)
				continue;
			snprintf(top[ntop].code, sizeof(top[ntop].code), "%s", code);
			snprintf(top[ntop].name, sizeof(top[ntop].name), "%s", name);
			snprintf(top[ntop].kind, sizeof(top[ntop].kind), "%s", kind);
			ntop++;
		}
		if (k == -1)
			return -1;
		at = now;
	}
	rs = xml_el(parent, "regions", NULL);
	for (i = 0; i < ntop; i++) {
		n = xml_el(rs, "region", NULL);
		xml_attr(n, "code", top[i].code);
		xml_attr(n, "name", top[i].name);
		xml_attr(n, "kind", top[i].kind);
	}
	return 0;
}

