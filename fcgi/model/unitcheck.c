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
 * unitcheck.c: 单位名称核对 (003 §三(一)): inside its window each
 * supervising unit checks the names of itself and its units, corrects
 * them and confirms 名称已核对 for the year (unit_checks); the offices
 * above see, within their subtree, which have confirmed (when, who) and
 * which have not.  Every change is audited.
 */

#include <stdio.h>
#include <string.h>

#include "web.h"
#include "entry.h"

/*
 * Appends <units> with <unit id code name kind [self]> for unit and the
 * units whose parent it is (itself first).  Returns their number, -1 on
 * a database failure.
 */
int
unitcheck_units_xml(struct req *r, xmlNodePtr parent, long long unit)
{
	xmlNodePtr	 list, n;
	char		*code, *name, *kind;
	long long	 id;
	int		 k, cnt = 0;

	list = xml_el(parent, "units", NULL);
	if (db_run(r, STMT_UC_UNITS, unit, unit, unit) == -1)
		return -1;
	while ((k = db_row(r, STMT_UC_UNITS, &id, &code, &name,
	    &kind)) == 1) {
		n = xml_el(list, "unit", NULL);
		xml_attrf(n, "id", "%lld", id);
		xml_attr(n, "code", code);
		xml_attr(n, "name", name);
		xml_attr(n, "kind", kind);
		if (id == unit)
			xml_attr(n, "self", "1");
		cnt++;
	}
	return k == -1 ? -1 : cnt;
}

/*
 * Appends <check unit-id [confirmed-at confirmed-by]/>: whether unit
 * confirmed this year.  Returns 1 confirmed, 0 not, -1 (database).
 */
int
unitcheck_state_xml(struct req *r, xmlNodePtr parent, long long unit)
{
	xmlNodePtr	 c;
	char		*at, *by;
	int		 k;

	c = xml_el(parent, "check", NULL);
	xml_attrf(c, "unit-id", "%lld", unit);
	if (db_run(r, STMT_UC_STATE, (long long)r->year, unit) == -1 ||
	    (k = db_row(r, STMT_UC_STATE, &at, &by)) == -1)
		return -1;
	db_done(r, STMT_UC_STATE);
	if (k == 1) {
		xml_attr(c, "confirmed-at", at);
		xml_attr(c, "confirmed-by", by);
	}
	return k;
}

/* 1 when the account's unit confirmed this year, 0 not, -1 (database). */
static int
unitcheck_confirmed(struct req *r)
{
	char	*at, *by;
	int	 k;

	if (db_run(r, STMT_UC_STATE, (long long)r->year, r->unit_id) == -1 ||
	    (k = db_row(r, STMT_UC_STATE, &at, &by)) == -1)
		return -1;
	db_done(r, STMT_UC_STATE);
	return k;
}

/*
 * Renames unit id (the account's supervising unit or one of its units)
 * to name, unless confirmed already this year, unchanged, or the name of
 * a sibling.  One transaction with its audit row (old and new names:
 * units.name holds 100 characters, a new name 50, audit.reason 200).
 * Returns NULL when done, field_dbfail on a database failure, else the
 * message (nothing changed).
 */
const char *
unitcheck_rename(struct req *r, long long id, const char *name)
{
	char		*old;
	long long	 parent, same;
	int		 k;

	if (db_begin(r) == -1 || (k = unitcheck_confirmed(r)) == -1)
		goto fail;
	if (k == 1) {
		db_rollback(r);
		return "本单位已确认名称已核对，如需修改名称，请先撤销确认。";
	}
	if (db_run(r, STMT_UC_LOCK, id, r->unit_id, r->unit_id) == -1 ||
	    (k = db_row(r, STMT_UC_LOCK, &old, &parent)) == -1)
		goto fail;
	db_done(r, STMT_UC_LOCK);
	if (k == 0) {
		db_rollback(r);
		return "只能修改本单位及所属单位的名称。";
	}
	if (strcmp(old, name) == 0) {
		db_rollback(r);
		return "名称未修改。";
	}
	if (db_run(r, STMT_UC_SIBLING, id, name, parent) == -1 ||
	    db_row(r, STMT_UC_SIBLING, &same) == -1)
		goto fail;
	db_done(r, STMT_UC_SIBLING);
	if (same > 0) {
		db_rollback(r);
		return "同一主管单位下已有同名单位，请核对。";
	}
	if (db_run(r, STMT_UC_RENAME, name, id) != 1 ||
	    audit(r, "unit.rename", pool_printf(r->pool, "unit:%lld", id), "ok",
	    pool_printf(r->pool, "%s -> %s", old, name)) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	return NULL;
fail:
	db_rollback(r);
	return field_dbfail;
}

/*
 * 确认名称已核对 (undo 0) or 撤销确认 (undo 1) for the account's unit
 * this year, audited.  Returns NULL when done, field_dbfail on a
 * database failure, else the message.
 */
const char *
unitcheck_confirm(struct req *r, int undo)
{
	char	*obj;
	int	 n;

	if (r->year == 0)
		return "尚未设置当前报考年度。";
	obj = pool_printf(r->pool, "unitcheck:%d/%lld", r->year, r->unit_id);
	if (db_begin(r) == -1)
		goto fail;
	n = undo ? db_run(r, STMT_UC_UNDO, (long long)r->year, r->unit_id) :
	    db_run(r, STMT_UC_CONFIRM, (long long)r->year, r->unit_id,
	    r->account_id);
	if (n == -1 && !undo && db_dup(r)) {
		db_rollback(r);
		return "本单位本年度已确认名称已核对。";
	}
	if (n == -1)
		goto fail;
	if (n == 0) {
		db_rollback(r);
		return "本单位本年度尚未确认，无需撤销。";
	}
	if (audit(r, undo ? "unitcheck.undo" : "unitcheck.confirm", obj, "ok",
	    NULL) == -1 || db_commit(r) == -1)
		goto fail;
	return NULL;
fail:
	db_rollback(r);
	return field_dbfail;
}

/* One row of the office's list. */
static void
office_row(xmlNodePtr list, long long id, const char *code, const char *name,
    const char *admin, long long kids, const char *at, const char *by)
{
	xmlNodePtr	 n;

	n = xml_el(list, "row", NULL);
	xml_attrf(n, "id", "%lld", id);
	xml_attr(n, "code", code);
	xml_attr(n, "name", name);
	if (*admin != '\0')
		xml_attr(n, "admin", admin);
	xml_attrf(n, "units", "%lld", kids);
	if (*at != '\0') {
		xml_attr(n, "confirmed-at", at);
		xml_attr(n, "confirmed-by", by);
	}
}

/*
 * The office's view: <summary total confirmed pending/> of the
 * supervising units of its subtree, and <list k page pages total size>
 * of those of filter k (0 all, 1 confirmed, 2 not yet), page page.
 * Returns 0, or -1 on a database failure.
 */
int
unitcheck_office_xml(struct req *r, xmlNodePtr parent, int k, long long page)
{
	xmlNodePtr	 s, list;
	char		*code, *name, *admin, *at, *by;
	long long	 total = 0, done = 0, id, kids, shown;
	int		 n;

	if (db_run(r, STMT_UC_COUNT, r->unit_id, (long long)r->year) == -1 ||
	    db_row(r, STMT_UC_COUNT, &total, &done) == -1)
		return -1;
	db_done(r, STMT_UC_COUNT);
	s = xml_el(parent, "summary", NULL);
	xml_attrf(s, "total", "%lld", total);
	xml_attrf(s, "confirmed", "%lld", done);
	xml_attrf(s, "pending", "%lld", total - done);
	shown = k == 0 ? total : k == 1 ? done : total - done;
	list = xml_el(parent, "list", NULL);
	xml_attr(list, "k", k == 0 ? "all" : k == 1 ? "done" : "todo");
	xml_attrf(list, "page", "%lld", page);
	xml_attrf(list, "pages", "%lld", (shown + ENTRY_PAGE - 1) / ENTRY_PAGE);
	xml_attrf(list, "total", "%lld", shown);
	xml_attrf(list, "size", "%d", ENTRY_PAGE);
	if (db_run(r, STMT_UC_LIST, r->unit_id, (long long)r->year,
	    (long long)k, (long long)k, (long long)ENTRY_PAGE,
	    (page - 1) * ENTRY_PAGE) == -1)
		return -1;
	while ((n = db_row(r, STMT_UC_LIST, &id, &code, &name, &admin, &kids,
	    &at, &by)) == 1)
		office_row(list, id, code, name, admin, kids, at, by);
	return n == -1 ? -1 : 0;
}

/*
 * An office looks at one supervising unit of its subtree: <supervisor id
 * code name/>, its <check> and <units>.  Returns 1, 0 when it is not a
 * supervising unit of the subtree, -1 on a database failure.
 */
int
unitcheck_office_unit(struct req *r, xmlNodePtr parent, long long unit)
{
	xmlNodePtr	 n;
	char		*code, *name;
	int		 k;

	if (db_run(r, STMT_UC_SCOPE, r->unit_id, unit) == -1 ||
	    (k = db_row(r, STMT_UC_SCOPE, &code, &name)) == -1)
		return -1;
	db_done(r, STMT_UC_SCOPE);
	if (k == 0)
		return 0;
	n = xml_el(parent, "supervisor", NULL);
	xml_attrf(n, "id", "%lld", unit);
	xml_attr(n, "code", code);
	xml_attr(n, "name", name);
	if (unitcheck_state_xml(r, parent, unit) == -1 ||
	    unitcheck_units_xml(r, parent, unit) == -1)
		return -1;
	return 1;
}
