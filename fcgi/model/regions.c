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
 * regions.c: the regions of the province (cities, counties, zones), kept
 * by each worker: the first choice of every form (regions_xml) and the
 * names of the lists that show a region by its code (regions_name).
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "web.h"

#define REGION_SLOTS	512	/* every region of the province (199 today) */
#define REGIONS_TTL	60	/* seconds a worker keeps them */

/* Every region, ordered by code. */
static struct {
	char	 code[8];
	char	 name[64];
	char	 kind[16];
}		 regs[REGION_SLOTS];
static size_t	 nregs;
static time_t	 regs_at;

/*
 * Reads every region into regs, at most once a REGIONS_TTL: they change
 * only with gkbm-admin import-reference, so the lists need no join with
 * regions (a sixth of the database's time for /admin/registrations).
 * Returns 0 or -1 on a database failure.
 */
int
regions_load(struct req *r)
{
	time_t	 now = time(NULL);
	char	*code, *name, *kind;
	int	 k;

	if (regs_at != 0 && now - regs_at < REGIONS_TTL)
		return 0;
	if (db_run(r, STMT_REGION_ALL) == -1)
		return -1;
	nregs = 0;
	while ((k = db_row(r, STMT_REGION_ALL, &code, &name, &kind)) == 1) {
		if (nregs == REGION_SLOTS)
			continue;
		snprintf(regs[nregs].code, sizeof(regs[0].code), "%s", code);
		snprintf(regs[nregs].name, sizeof(regs[0].name), "%s", name);
		snprintf(regs[nregs].kind, sizeof(regs[0].kind), "%s", kind);
		nregs++;
	}
	regs_at = k == -1 ? 0 : now;
	return k == -1 ? -1 : 0;
}

/* The name of region code (after regions_load), else the code itself. */
const char *
regions_name(const char *code)
{
	size_t	 lo = 0, hi = nregs, mid;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(code, regs[mid].code)) == 0)
			return regs[mid].name;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return code;
}

/*
 * Appends <regions> with the cities, then the directly administered
 * counties, each by code: the first choice of every form.  Returns 0 or
 * -1 on a database failure.
 */
int
regions_xml(struct req *r, xmlNodePtr parent)
{
	static const char *const tops[] = { "city", "direct_county" };
	xmlNodePtr	 rs, n;
	size_t		 i, t;

	if (regions_load(r) == -1)
		return -1;
	rs = xml_el(parent, "regions", NULL);
	for (t = 0; t < sizeof(tops) / sizeof(tops[0]); t++)
		for (i = 0; i < nregs; i++) {
			if (strcmp(regs[i].kind, tops[t]) != 0)
				continue;
			n = xml_el(rs, "region", NULL);
			xml_attr(n, "code", regs[i].code);
			xml_attr(n, "name", regs[i].name);
			xml_attr(n, "kind", regs[i].kind);
		}
	return 0;
}
