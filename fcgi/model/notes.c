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
 * notes.c: 市级复核意见 (a city office on applications its counties that
 * took over review decided) and 省级标记 (the province office on any
 * application), listed for the unit admin and the levels below in the
 * application's chain (002 §1.1.6), and shown on the detail page.
 */

#include <string.h>

#include "web.h"
#include "defer.h"

/* The two kinds: who writes them, how the statement checks the target. */
static const struct {
	const char	*kind;		/* review_notes.kind */
	enum role	 role;		/* the office (or its reviewers) */
	enum stmt	 ok;		/* may this unit note this application */
	const char	*who;		/* message: the wrong role */
	const char	*target;	/* message: the wrong application */
} kinds[] = {
	{ "city", ROLE_CITY, STMT_NOTE_CITY_OK, "市级复核意见由市工考办填写。",
	  "只能对本市已承接审核的县区审核过的报名填写市级复核意见。" },
	{ "province", ROLE_PROVINCE, STMT_NOTE_PROV_OK, "省级标记由省工考办填写。",
	  "没有找到该报名，或该报名尚未提交，不能标记。" },
};

/* The index of kind in kinds[], or -1. */
static int
kind_find(const char *kind)
{
	size_t	 i;

	for (i = 0; kind != NULL && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return (int)i;
	return -1;
}

/*
 * Adds a note of kind (city, province) with text (checked by the
 * caller's fields) to application app, with its audit row.  A reviewer
 * writes for the office that created it (the statement checks the
 * unit's kind).  Returns NULL when stored, else the message (*rc RC_OK
 * with r->status set, or RC_DB).
 */
const char *
notes_add(struct req *r, long long app, const char *kind, const char *text,
    enum rc *rc)
{
	long long	 ok = 0;
	int		 i;

	*rc = RC_OK;
	if ((i = kind_find(kind)) == -1) {
		r->status = 400;
		return "请选择市级复核意见或省级标记。";
	}
	if (r->role != kinds[i].role && r->role != ROLE_REVIEWER) {
		r->status = 403;
		return kinds[i].who;
	}
	if (db_begin(r) == -1 || db_run(r, kinds[i].ok, r->unit_id, app) == -1 ||
	    db_row(r, kinds[i].ok, &ok) == -1)
		goto fail;
	db_done(r, kinds[i].ok);
	if (ok == 0) {
		db_rollback(r);
		r->status = 403;
		return kinds[i].target;
	}
	if (db_run(r, STMT_NOTE_INSERT, app, kind, r->unit_id, r->account_id,
	    text) == -1 || audit(r, pool_printf(r->pool, "note.%s", kind),
	    pool_printf(r->pool, "application:%lld", app), "ok",
	    defer_clip(r, text, AUDIT_MAX)) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	return NULL;
fail:
	db_rollback(r);
	*rc = RC_DB;
	return "";
}

/*
 * The kind of note (city, province) the account may write on application
 * app now, by the same checks as notes_add: *kind NULL for none.
 * Returns 0, or -1 on a database failure.
 */
int
notes_writable(struct req *r, long long app, const char **kind)
{
	long long	 ok;
	size_t		 i;

	*kind = NULL;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (r->role != kinds[i].role && r->role != ROLE_REVIEWER)
			continue;
		ok = 0;
		if (db_run(r, kinds[i].ok, r->unit_id, app) == -1 ||
		    db_row(r, kinds[i].ok, &ok) == -1)
			return -1;
		db_done(r, kinds[i].ok);
		if (ok > 0) {
			*kind = kinds[i].kind;
			return 0;
		}
	}
	return 0;
}

/* Appends <note> with its author and time (names masked). */
static xmlNodePtr
note_el(xmlNodePtr parent, const char *unit, const char *author,
    const char *text, const char *at)
{
	xmlNodePtr	 n;
	char		 masked[64];

	pii_mask_name(author, masked, sizeof(masked));
	n = xml_el(parent, "note", NULL);
	xml_attr(n, "by-unit", unit);
	xml_attr(n, "by", masked);
	xml_attr(n, "at", at);
	xml_el(n, "text", text);
	return n;
}

/*
 * Appends <notes kind> with the notes of kind on applications whose
 * chain holds the account's unit, and those the unit wrote (newest
 * first, at most 200).  Returns the count, or -1 on a database failure.
 */
int
notes_xml(struct req *r, xmlNodePtr parent, const char *kind)
{
	xmlNodePtr	 list, n;
	char		*name, *unit, *aunit, *author, *text, *at, masked[64];
	long long	 id, app;
	int		 k, cnt = 0;

	list = xml_el(parent, "notes", NULL);
	xml_attr(list, "kind", kind);
	if (db_run(r, STMT_NOTE_LIST, kind, r->unit_id, r->unit_id) == -1)
		return -1;
	while ((k = db_row(r, STMT_NOTE_LIST, &id, &app, &name, &unit,
	    &aunit, &author, &text, &at)) == 1) {
		n = note_el(list, aunit, author, text, at);
		xml_attrf(n, "id", "%lld", id);
		xml_attrf(n, "app", "%lld", app);
		pii_mask_name(name, masked, sizeof(masked));
		xml_attr(n, "name", masked);
		xml_attr(n, "unit", unit);
		cnt++;
	}
	return k == -1 ? -1 : cnt;
}

/*
 * For the detail page (详情): appends <notes> with the city comments and
 * province marks of application app, to staff who see the application
 * (its chain, the province, a city over a county of its chain: the rule
 * of queue_sees, db.c SEES).  Returns the count, or -1 on a database
 * failure.
 */
int
notes_app_xml(struct req *r, xmlNodePtr parent, long long app)
{
	xmlNodePtr	 list, n;
	char		*kind, *aunit, *author, *text, *at;
	int		 k, cnt = 0;

	list = xml_el(parent, "notes", NULL);
	if (db_run(r, STMT_NOTE_OF_APP, app, r->unit_id) == -1)
		return -1;
	while ((k = db_row(r, STMT_NOTE_OF_APP, &kind, &aunit, &author, &text,
	    &at)) == 1) {
		n = note_el(list, aunit, author, text, at);
		xml_attr(n, "kind", kind);
		cnt++;
	}
	return k == -1 ? -1 : cnt;
}
