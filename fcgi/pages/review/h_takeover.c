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
 * h_takeover.c: 已承接设置: the city office (its counties) or the province
 * (every county) ticks the counties whose office reviews registration
 * this year (takeover.c).
 */

#include <string.h>

#include "web.h"
#include "defer.h"

#define MAX_TICKED	256	/* county fields read from one POST */

/* The account's scope: its city's region code, or "" for the province. */
static const char *
takeover_scope(const struct req *r)
{
	if (r->role == ROLE_PROVINCE)
		return "";
	return r->unit_region != NULL ? r->unit_region : "";
}

/* The page: <takeover scope> with the counties and the form. */
static enum rc
takeover_page(struct req *r)
{
	const char	*scope = takeover_scope(r);

	xml_page(r, PAGE_TAKEOVER);
	if (r->role == ROLE_CITY && *scope == '\0')
		return RC_FORBIDDEN;
	xml_attr(r->root, "scope", *scope ? "city" : "province");
	if (takeover_xml(r, r->root, scope) == -1)
		return RC_DB;
	xml_form(r, "/review/takeover");
	return RC_OK;
}

/* GET /review/takeover */
enum rc
h_takeover(struct req *r)
{
	return takeover_page(r);
}

/*
 * The ticked counties of the body (a field county_CODE = 1 each; a form
 * may not repeat a name) into codes; returns their number, or -1 when
 * one is not a region code.
 */
static int
takeover_ticked(struct req *r, const char **codes)
{
	const struct field *f;
	const char	*c;
	size_t		 i;
	int		 n = 0;

	for (i = 0; i < r->body.nfields; i++) {
		f = &r->body.fields[i];
		if (strncmp(f->name, "county_", 7) != 0)
			continue;
		c = f->name + 7;
		if (f->filename != NULL || strcmp(f->value, "1") != 0 ||
		    strlen(c) != 6 || strspn(c, "0123456789") != 6 ||
		    n == MAX_TICKED)
			return -1;
		codes[n++] = c;
	}
	return n;
}

/*
 * POST /review/takeover (csrf, county_CODE=1 per ticked county): this year's counties
 * that took over are exactly those ticked; a county outside the
 * account's scope refuses the whole (403), nothing changed.
 */
enum rc
h_takeover_post(struct req *r)
{
	const char	*codes[MAX_TICKED], *msg;
	enum rc		 rc;
	int		 n;

	if ((n = takeover_ticked(r, codes)) == -1) {
		if ((rc = takeover_page(r)) != RC_OK)
			return rc;
		xml_form_refuse(r, "所选县区不正确，设置未保存。");
		return RC_OK;
	}
	msg = takeover_set(r, takeover_scope(r), codes, (size_t)n);
	if (msg != NULL && *msg == '\0')
		return RC_DB;
	if (msg == NULL) {
		resp_redirect(r, "/review/takeover?m=takeover");
		return RC_OK;
	}
	if ((rc = takeover_page(r)) != RC_OK)
		return rc;
	r->status = 403;
	xml_form_refuse(r, msg);
	return RC_OK;
}
