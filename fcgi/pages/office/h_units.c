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
 * h_units.c: 单位管理 (002 §3.4.1): the list of the units an admin
 * manages, one unit's page (edit, move, its admin, delete or disable,
 * each destructive action confirmed first), a new unit; the model is
 * unit.c.
 */

#include <stdio.h>
#include <string.h>

#include "unit.h"

#define LIST_SIZE	20
#define MSG_NO_UNIT	"没有这个单位，或它不在本单位的管辖范围内。"

static const char *const unit_kind_choices[] = {
	"basic", "supervising", "county", "city", NULL
};
static const char *const unit_do_choices[] = {
	"delete", "disable", "enable", NULL
};
static const char *const unit_confirm_choices[] = { "1", NULL };

/* <kinds><kind name label/>...</kinds>: the kinds the account manages. */
static void
units_kinds_xml(struct req *r)
{
	xmlNodePtr	 ks, k;
	size_t		 i;

	ks = xml_el(r->root, "kinds", NULL);
	for (i = 0; unit_kind_choices[i] != NULL; i++) {
		if (!unit_may_create(r->role, unit_kind_choices[i]))
			continue;
		k = xml_el(ks, "kind", NULL);
		xml_attr(k, "name", unit_kind_choices[i]);
		xml_attr(k, "label", unit_kind_label(unit_kind_choices[i]));
	}
}

/* The filters of GET /admin/units. */
enum { UF_Q, UF_KIND, UF_PAGE };
const struct fielddef h_units_fields[] = {
	[UF_Q] = { "q", FT_TEXT, FL_QUERY, 0, 40, NULL,
	    "查询条件不正确：单位名称或代码不超过40个字。", NULL, NULL },
	[UF_KIND] = { "kind", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "查询条件不正确：没有这个单位类别。", unit_kind_choices, NULL },
	[UF_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 1000000, NULL,
	    "查询条件不正确：页码应为正整数。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* Appends <unit> of the list's row. */
static void
units_row(xmlNodePtr list, long long id, char **v, long long disabled)
{
	xmlNodePtr	 u;

	u = xml_el(list, "unit", NULL);
	xml_attrf(u, "id", "%lld", id);
	xml_attr(u, "code", v[0]);
	xml_attr(u, "name", v[1]);
	xml_attr(u, "kind", v[2]);
	xml_attr(u, "kind-name", unit_kind_label(v[2]));
	if (*v[3] != '\0') {
		xml_attr(u, "parent-code", v[3]);
		xml_attr(u, "parent-name", v[4]);
	}
	xml_attr(u, "region", v[5]);
	xml_attr(u, "region-name", v[6]);
	if (disabled)
		xml_attr(u, "disabled", "1");
	if (*v[7] != '\0') {
		xml_attr(u, "admin-login", v[7]);
		xml_attr(u, "admin-name", v[8]);
	}
	if (*v[9] != '\0')
		xml_attr(u, "phone", v[9]);
}

/* GET /admin/units?q=&kind=&page= (h_units_fields) */
enum rc
h_units(struct req *r)
{
	const struct fval	*fv = r->fv;
	const char		*kinds = unit_kinds(r->role), *kind = "";
	xmlNodePtr		 list;
	char			*v[10];
	long long		 total = 0, page = 1, id, dis;
	int			 k;

	xml_page(r, PAGE_SYSUNITS);
	units_kinds_xml(r);
	xml_form(r, "/admin/units");
	field_xml(r);
	list = xml_el(r->root, "list", NULL);
	xml_attrf(list, "size", "%d", LIST_SIZE);
	if (r->fields_bad) {
		xml_form_message(r, fv[UF_Q].err ? fv[UF_Q].err :
		    fv[UF_KIND].err ? fv[UF_KIND].err : fv[UF_PAGE].err);
		xml_attr(list, "page", "1");
		xml_attr(list, "pages", "0");
		xml_attr(list, "total", "0");
		return RC_OK;
	}
	if (*fv[UF_KIND].s != '\0')
		kind = fv[UF_KIND].s;
	if (*fv[UF_PAGE].s != '\0')
		page = fv[UF_PAGE].n;
	if (db_run(r, STMT_SYS_UNIT_COUNT, r->unit_id, kinds, fv[UF_Q].s,
	    fv[UF_Q].s, fv[UF_Q].s, kind, kind) == -1 ||
	    db_row(r, STMT_SYS_UNIT_COUNT, &total) == -1)
		return RC_DB;
	db_done(r, STMT_SYS_UNIT_COUNT);
	xml_attrf(list, "page", "%lld", page);
	xml_attrf(list, "pages", "%lld", (total + LIST_SIZE - 1) / LIST_SIZE);
	xml_attrf(list, "total", "%lld", total);
	if (db_run(r, STMT_SYS_UNIT_LIST, r->unit_id, kinds, fv[UF_Q].s,
	    fv[UF_Q].s, fv[UF_Q].s, kind, kind, (long long)LIST_SIZE,
	    (page - 1) * LIST_SIZE) == -1)
		return RC_DB;
	while ((k = db_row(r, STMT_SYS_UNIT_LIST, &id, &v[0], &v[1], &v[2],
	    &v[3], &v[4], &v[5], &v[6], &dis, &v[7], &v[8], &v[9])) == 1)
		units_row(list, id, v, dis);
	return k == -1 ? RC_DB : RC_OK;
}

/* Appends <unit> of u to the page. */
static void
unit_xml(struct req *r, const struct unit *u)
{
	xmlNodePtr	 n;

	n = xml_el(r->root, "unit", NULL);
	xml_attrf(n, "id", "%lld", u->id);
	xml_attr(n, "code", u->code);
	xml_attr(n, "name", u->name);
	xml_attr(n, "kind", u->kind);
	xml_attr(n, "kind-name", unit_kind_label(u->kind));
	if (u->parent_id != 0) {
		xml_attr(n, "parent-code", u->parent_code);
		xml_attr(n, "parent-name", u->parent_name);
	}
	xml_attr(n, "region", u->region);
	xml_attr(n, "region-name", u->region_name);
	if (*u->phone != '\0')
		xml_attr(n, "phone", u->phone);
	if (u->disabled)
		xml_attr(n, "disabled", "1");
	if (u->admin_id != 0) {
		xml_attrf(n, "admin-id", "%lld", u->admin_id);
		xml_attr(n, "admin-login", u->admin_login);
		xml_attr(n, "admin-name", u->admin_name);
	}
}

/*
 * Reads the unit of field 0 (id) into *u: 400 if the id is malformed,
 * 404 if the account does not manage such a unit.
 */
static enum rc
unit_load(struct req *r, struct unit *u)
{
	int	 k;

	if (r->fv[0].err != NULL) {
		r->message = r->fv[0].err;
		return RC_BADREQ;
	}
	if ((k = unit_get(r, r->fv[0].n, u)) == -1)
		return RC_DB;
	if (k == 0) {
		r->message = MSG_NO_UNIT;
		return RC_NOTFOUND;
	}
	return RC_OK;
}

/* The page of unit u with the form of action (its fields: the caller). */
static void
unit_page(struct req *r, const struct unit *u, const char *action)
{
	xml_page(r, PAGE_SYSUNIT);
	xml_attr(r->root, "mode", u != NULL ? "edit" : "new");
	units_kinds_xml(r);
	if (u != NULL)
		unit_xml(r, u);
	xml_form(r, action);
}

/* GET /admin/units/edit?id=&do= */
enum { UE_ID, UE_DO };
const struct fielddef h_unit_fields[] = {
	[UE_ID] = { "id", FT_UINT, FL_QUERY | FL_REQ, 1, 4294967295LL,
	    "缺少单位编号。", "单位编号不正确。", NULL, NULL },
	[UE_DO] = { "do", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "没有这个操作。", unit_do_choices, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_unit(struct req *r)
{
	struct unit	 u;
	enum rc		 rc;

	if ((rc = unit_load(r, &u)) != RC_OK)
		return rc;
	unit_page(r, &u, "/admin/units/edit");
	if (strcmp(r->fv[UE_DO].s, "delete") == 0 ||
	    strcmp(r->fv[UE_DO].s, "disable") == 0)
		field_confirm(r, r->fv[UE_DO].s);
	return RC_OK;
}

/* GET /admin/units/new */
enum rc
h_unit_new_form(struct req *r)
{
	unit_page(r, NULL, "/admin/units/new");
	return RC_OK;
}

/* The fields of POST /admin/units/new: checked by unit_create. */
#define TEXT(k, max)	{ k, FT_TEXT, 0, 0, max, NULL, \
			    "内容过长或含有无法识别的字符。", NULL, NULL }
enum { UN_CODE, UN_NAME, UN_KIND, UN_REGION, UN_PARENT, UN_PHONE,
    UN_ANAME, UN_APHONE };
const struct fielddef h_unit_new_fields[] = {
	[UN_CODE] = TEXT("unit_code", 64),
	[UN_NAME] = TEXT("name", 200),
	[UN_KIND] = TEXT("kind", 16),
	[UN_REGION] = TEXT("region", 16),
	[UN_PARENT] = TEXT("parent", 64),
	[UN_PHONE] = TEXT("phone", 64),
	[UN_ANAME] = TEXT("admin_name", 40),
	[UN_APHONE] = TEXT("admin_phone", 32),
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* POST /admin/units/new: a unit (and its admin) made, or the form again. */
enum rc
h_unit_new(struct req *r)
{
	const struct fval	*fv = r->fv;
	struct unit_in		 in;
	const char		*msg, *field;
	long long		 id;
	int			 k;

	unit_page(r, NULL, "/admin/units/new");
	if ((k = field_change(r, NULL, 0)) != 1)
		return k == -1 ? RC_DB : RC_OK;
	in.code = fv[UN_CODE].s;
	in.name = fv[UN_NAME].s;
	in.kind = fv[UN_KIND].s;
	in.region = fv[UN_REGION].s;
	in.parent = fv[UN_PARENT].s;
	in.phone = fv[UN_PHONE].s;
	in.admin_name = fv[UN_ANAME].s;
	in.admin_phone = fv[UN_APHONE].s;
	msg = unit_create(r, &in, &id, &field);
	if ((k = field_change_end(r, msg, field)) != 1)
		return k == -1 ? RC_DB : RC_OK;
	resp_redirect(r, pool_printf(r->pool,
	    "/admin/units/edit?id=%lld&m=unit_created", id));
	return RC_OK;
}

/* POST /admin/units/edit: name and phone. */
enum { UED_ID, UED_NAME, UED_PHONE };
const struct fielddef h_unit_edit_fields[] = {
	[UED_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL,
	    "缺少单位编号。", "单位编号不正确。", NULL, NULL },
	[UED_NAME] = TEXT("name", 200),
	[UED_PHONE] = TEXT("phone", 64),
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * Ends the change of unit u's page whose result msg (and field) came
 * from the model (field_change_end): 303 to the unit's page with flash
 * m, or the page again with the refusal.
 */
static enum rc
unit_done(struct req *r, const struct unit *u, const char *msg,
    const char *field, const char *m)
{
	int	 k;

	if ((k = field_change_end(r, msg, field)) != 1)
		return k == -1 ? RC_DB : RC_OK;
	resp_redirect(r, pool_printf(r->pool, "/admin/units/edit?id=%lld&m=%s",
	    u->id, m));
	return RC_OK;
}

/*
 * A change of unit u's page that takes the route's fields 1 and 2 (its
 * field 0 is the unit's id): the page of action, the model's change,
 * 303 to the unit's page with flash, or the page again with the refusal.
 */
static enum rc
unit_change(struct req *r, const char *action, const char *(*change)(
    struct req *, const struct unit *, const char *, const char *,
    const char **), const char *flash)
{
	struct unit	 u;
	const char	*msg, *field = NULL;
	enum rc		 rc;
	int		 k;

	if ((rc = unit_load(r, &u)) != RC_OK)
		return rc;
	unit_page(r, &u, action);
	if ((k = field_change(r, NULL, 0)) != 1)
		return k == -1 ? RC_DB : RC_OK;
	msg = change(r, &u, r->fv[1].s, r->fv[2].s, &field);
	return unit_done(r, &u, msg, field, flash);
}

enum rc
h_unit_edit(struct req *r)
{
	return unit_change(r, "/admin/units/edit", unit_edit, "saved");
}

/* POST /admin/units/move: region (or, for a basic unit, parent). */
enum { UM_ID, UM_REGION, UM_PARENT };
const struct fielddef h_unit_move_fields[] = {
	[UM_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL,
	    "缺少单位编号。", "单位编号不正确。", NULL, NULL },
	[UM_REGION] = TEXT("region", 16),
	[UM_PARENT] = TEXT("parent", 64),
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_unit_move(struct req *r)
{
	return unit_change(r, "/admin/units/move", unit_move, "unit_moved");
}

/* POST /admin/units/admin: the unit's admin made. */
enum { UA_ID, UA_NAME, UA_PHONE };
const struct fielddef h_unit_admin_fields[] = {
	[UA_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL,
	    "缺少单位编号。", "单位编号不正确。", NULL, NULL },
	[UA_NAME] = TEXT("admin_name", 40),
	[UA_PHONE] = TEXT("admin_phone", 32),
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_unit_admin(struct req *r)
{
	return unit_change(r, "/admin/units/admin", unit_admin_set,
	    "unit_admin");
}

/* POST /admin/units/remove: delete, disable (both confirmed) or enable. */
enum { UR_ID, UR_ACTION, UR_CONFIRM };
const struct fielddef h_unit_remove_fields[] = {
	[UR_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL,
	    "缺少单位编号。", "单位编号不正确。", NULL, NULL },
	[UR_ACTION] = { "action", FT_CHOICE, FL_REQ, 0, 0, "请选择操作。",
	    "没有这个操作。", unit_do_choices, NULL },
	[UR_CONFIRM] = { "confirm", FT_CHOICE, 0, 0, 0, NULL,
	    "确认的值不正确。", unit_confirm_choices, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_unit_remove(struct req *r)
{
	static const char *const flashes[] = {
		"unit_deleted", "unit_disabled", "unit_enabled"
	};
	const struct fval	*fv = r->fv;
	struct unit		 u;
	const char		*msg;
	enum rc			 rc;
	int			 k;

	if ((rc = unit_load(r, &u)) != RC_OK)
		return rc;
	unit_page(r, &u, "/admin/units/remove");
	/* Delete and disable are asked first, not done. */
	if ((k = field_change(r, fv[UR_ACTION].n != 2 ? fv[UR_ACTION].s :
	    NULL, *fv[UR_CONFIRM].s != '\0')) != 1)
		return k == -1 ? RC_DB : RC_OK;
	msg = fv[UR_ACTION].n == 0 ? unit_delete(r, &u) :
	    unit_disable(r, &u, fv[UR_ACTION].n == 1);
	if (msg == NULL && fv[UR_ACTION].n == 0) {
		if (field_change_end(r, msg, NULL) == -1)
			return RC_DB;
		resp_redirect(r, "/admin/units?m=unit_deleted");
		return RC_OK;
	}
	return unit_done(r, &u, msg, NULL, flashes[fv[UR_ACTION].n]);
}
