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
 * year.c: the current year's windows (注册报名, 网上资格审查, …): the
 * windows' names, whether one is open, the list of years.  Which year is
 * current is the pipeline's (auth.c sets r->year for every request).
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "web.h"

/* The kinds of window and their names. */
static const struct {
	const char	*kind;
	const char	*name;
} window_kinds[] = {
	{ "registration",	"注册报名" },
	{ "unitcheck",		"单位名称核对" },
	{ "unitreview",		"单位初审" },	/* the unit level's deadline */
	{ "review",		"网上资格审查" },
	{ "payment",		"网上缴费" },
	{ "ticket",		"准考证打印" },
	{ "result",		"考核结果查询" },
	{ "certificate",	"电子证书" },
	{ "report",		"汇总上报" },	/* cities, 省直: report upward */
	{ "claim",		"申领汇总上报" },	/* the passes reported upward */
	{ NULL,			NULL }
};

/* The name of a window kind, or NULL if kind is none. */
const char *
year_window_name(const char *kind)
{
	size_t	 i;

	for (i = 0; window_kinds[i].kind != NULL; i++)
		if (strcmp(window_kinds[i].kind, kind) == 0)
			return window_kinds[i].name;
	return NULL;
}

/*
 * Adds <window kind name starts ends open> of the current year.  *open
 * (if not NULL) is set to 1 when the window is open now.  Returns 0 or
 * -1 on a database failure.
 */
int
year_window(struct req *r, xmlNodePtr parent, const char *kind, int *open)
{
	xmlNodePtr	 w;
	char		*starts, *ends;
	const char	*name;
	long long	 isopen = 0;
	int		 n = 0;

	if (open != NULL)
		*open = 0;
	w = xml_el(parent, "window", NULL);
	xml_attr(w, "kind", kind);
	if ((name = year_window_name(kind)) != NULL)
		xml_attr(w, "name", name);
	if (r->year > 0) {
		if (db_run(r, STMT_WINDOW_GET, (long long)r->year,
		    kind) == -1 || (n = db_row(r, STMT_WINDOW_GET,
		    &starts, &ends, &isopen)) == -1)
			return -1;
		db_done(r, STMT_WINDOW_GET);
	}
	if (n == 1) {
		xml_attr(w, "starts", starts);
		xml_attr(w, "ends", ends);
		xml_attr(w, "open", isopen ? "1" : "0");
		if (open != NULL)
			*open = (int)isopen;
	}
	return 0;
}

/*
 * The sentence refusing an action outside the registration window whose
 * <window> year_window put into the page: unset when no window is
 * published, else the window's times followed by the clause outside
 * ("不能注册。").  Returns a static or pool string.
 */
const char *
year_window_closed(struct req *r, const char *unset, const char *outside)
{
	xmlNodePtr	 n;
	xmlChar		*s, *e;
	const char	*msg;

	for (n = r->root->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "window") == 0)
			break;
	if (n == NULL || (s = xmlGetProp(n, (const xmlChar *)"starts")) == NULL)
		return unset;
	e = xmlGetProp(n, (const xmlChar *)"ends");
	msg = pool_printf(r->pool, "注册报名时间为%s至%s，当前不在注册报名时间内，"
	    "%s", (char *)s, e ? (char *)e : "", outside);
	xmlFree(s);
	xmlFree(e);
	return msg;
}

/*
 * Appends <years> with a <year value [current] [selected]>title</year>
 * per year, year selected.  *known (if not NULL) says whether year is
 * one of them.  Returns 0, or -1 on a database failure.
 */
int
year_list(struct req *r, long long year, int *known)
{
	xmlNodePtr	 ys, y;
	char		*title;
	long long	 yv, cur;
	int		 n;

	if (known != NULL)
		*known = 0;
	ys = xml_el(r->root, "years", NULL);
	if (db_run(r, STMT_YEAR_LIST) == -1)
		return -1;
	while ((n = db_row(r, STMT_YEAR_LIST, &yv, &title, &cur)) == 1) {
		y = xml_el(ys, "year", title);
		xml_attrf(y, "value", "%lld", yv);
		if (cur)
			xml_attr(y, "current", "1");
		if (yv == year) {
			xml_attr(y, "selected", "1");
			if (known != NULL)
				*known = 1;
		}
	}
	return n == -1 ? -1 : 0;
}


/*
 * NULL while window kind of the current year is open now; else the
 * sentence refusing what ("不能核对单位名称。") that names the window and
 * its dates (or says it is not set); field_dbfail on a database
 * failure.  The refusal SPEC §1 asks for.
 */
const char *
year_window_refuse(struct req *r, const char *kind, const char *what)
{
	char		*starts, *ends;
	const char	*name = year_window_name(kind);
	long long	 open = 0;
	int		 n = 0;

	if (r->year > 0) {
		if (db_run(r, STMT_WINDOW_GET, (long long)r->year,
		    kind) == -1 || (n = db_row(r, STMT_WINDOW_GET,
		    &starts, &ends, &open)) == -1)
			return field_dbfail;
		db_done(r, STMT_WINDOW_GET);
	}
	if (n == 1 && open)
		return NULL;
	if (n == 0)
		return pool_printf(r->pool, "本年度%s时间尚未公布，%s", name,
		    what);
	return pool_printf(r->pool, "%s时间为%s至%s，当前不在%s时间内，%s",
	    name, starts, ends, name, what);
}
