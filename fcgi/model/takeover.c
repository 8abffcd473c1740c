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
 * takeover.c: 已承接 (003 §二(五)): per year, the counties whose office
 * reviews registration itself (county_takeover), set by the city office
 * for its counties or by the province for any.  The chain is fixed at
 * submission, so a change reaches later submissions only.
 */

#include <string.h>

#include "web.h"
#include "defer.h"

#define MAX_COUNTIES	256	/* counties of the province (146 today) */

/* One county of the scope and whether it has taken over. */
struct county {
	char		*code, *name, *city;
	long long	 taken;
};

/* Reads the counties of scope ("" every one) into c; count or -1. */
static int
counties_read(struct req *r, const char *scope, struct county *c)
{
	int	 k, n = 0;

	if (db_run(r, STMT_TO_COUNTIES, (long long)r->year, scope,
	    scope) == -1)
		return -1;
	while ((k = db_row(r, STMT_TO_COUNTIES, &c[n].code, &c[n].name,
	    &c[n].city, &c[n].taken)) == 1)
		if (n < MAX_COUNTIES - 1)
			n++;
	return k == -1 ? -1 : n;
}

/*
 * Appends <counties year> with every county of scope (a city's region
 * code, or "" for the province) and its flag this year.  Returns the
 * count or -1 on a database failure.
 */
int
takeover_xml(struct req *r, xmlNodePtr parent, const char *scope)
{
	struct county	*c;
	xmlNodePtr	 list, n;
	int		 i, cnt;

	c = pool_calloc(r->pool, MAX_COUNTIES, sizeof(*c));
	list = xml_el(parent, "counties", NULL);
	xml_attrf(list, "year", "%d", r->year);
	if ((cnt = counties_read(r, scope, c)) == -1)
		return -1;
	for (i = 0; i < cnt; i++) {
		n = xml_el(list, "county", NULL);
		xml_attr(n, "code", c[i].code);
		xml_attr(n, "name", c[i].name);
		xml_attr(n, "city", c[i].city);
		if (c[i].taken)
			xml_attr(n, "taken", "1");
	}
	return cnt;
}

/* True when code is one of the ncodes given. */
static int
given(const char *code, const char **codes, size_t ncodes)
{
	size_t	 i;

	for (i = 0; i < ncodes; i++)
		if (strcmp(codes[i], code) == 0)
			return 1;
	return 0;
}

/* Applies the flags of c (cnt) to codes; the audit text in *why.  0/-1. */
static int
takeover_apply(struct req *r, const struct county *c, int cnt,
    const char **codes, size_t ncodes, char **why)
{
	int	 i, want;

	for (i = 0; i < cnt; i++) {
		want = given(c[i].code, codes, ncodes);
		if (want == (c[i].taken != 0))
			continue;
		if (want && db_run(r, STMT_TO_INSERT, (long long)r->year,
		    c[i].code, r->account_id) == -1)
			return -1;
		if (!want && db_run(r, STMT_TO_DELETE, (long long)r->year,
		    c[i].code) == -1)
			return -1;
		*why = pool_printf(r->pool, "%s %c%s", *why, want ? '+' : '-',
		    c[i].code);
	}
	return 0;
}

/*
 * Sets this year's 已承接 counties of scope to exactly codes (ncodes):
 * every code must be a county of scope, else nothing changes.  One
 * transaction with its audit row (the counties added and removed).
 * Returns NULL when done, "" on a database failure, else the message.
 */
const char *
takeover_set(struct req *r, const char *scope, const char **codes,
    size_t ncodes)
{
	struct county	*c;
	char		*why;
	size_t		 i;
	int		 cnt, j;

	if (r->year == 0)
		return "尚未设置当前报考年度，暂不能设置已承接县区。";
	c = pool_calloc(r->pool, MAX_COUNTIES, sizeof(*c));
	if (db_begin(r) == -1 || (cnt = counties_read(r, scope, c)) == -1)
		goto fail;
	for (i = 0; i < ncodes; i++) {
		for (j = 0; j < cnt && strcmp(c[j].code, codes[i]) != 0; j++)
			;
		if (j == cnt) {
			db_rollback(r);
			return *scope != '\0' ? "只能设置本市所辖县区；所选县区不在本市范围内，"
			    "设置未保存。" : "所选县区不存在，设置未保存。";
		}
	}
	why = pool_printf(r->pool, "year:%d", r->year);
	if (takeover_apply(r, c, cnt, codes, ncodes, &why) == -1 ||
	    audit(r, "takeover.set", pool_printf(r->pool, "takeover:%s",
	    *scope ? scope : "province"), "ok",
	    defer_clip(r, why, AUDIT_MAX)) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	return NULL;
fail:
	db_rollback(r);
	return "";
}
