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
 * h_users.c: 用户管理 (002 §3.4.2): the staff accounts of an admin's
 * subtree, one account's page (edit; disable, delete and reset to the
 * default password, each confirmed first); 本级审核员管理 (§3.4.3): the
 * reviewers of the admin's own unit, and a new one.  The model is
 * staff.c.
 */

#include <stdio.h>
#include <string.h>

#include "unit.h"

#define LIST_SIZE	20
#define MSG_NO_USER	"没有这个账号，或它不在本单位的管辖范围内。"

static const char *const user_role_choices[] = {
	"unit", "reviewer", "supervising", "county", "city", "province", NULL
};
/* The actions of POST /admin/users/act; all but enable confirmed. */
static const char *const user_do_choices[] = {
	"disable", "enable", "delete", "reset", NULL
};
static const char *const user_flashes[] = {
	"user_disabled", "user_enabled", "user_deleted", "user_reset"
};
static const char *const user_confirm_choices[] = { "1", NULL };

/* Appends <user> of one account to parent. */
static xmlNodePtr
user_el(struct req *r, xmlNodePtr parent, const struct staff *s)
{
	xmlNodePtr	 u;

	u = xml_el(parent, "user", NULL);
	xml_attrf(u, "id", "%lld", s->id);
	xml_attr(u, "login", s->login);
	xml_attr(u, "name", s->name);
	xml_attr(u, "role", s->role);
	xml_attr(u, "role-name", staff_role_label(s->role));
	if (*s->phone != '\0')
		xml_attr(u, "phone", s->phone);
	if (s->unit_code != NULL) {
		xml_attr(u, "unit-code", s->unit_code);
		xml_attr(u, "unit-name", s->unit_name);
	}
	if (s->disabled)
		xml_attr(u, "disabled", "1");
	if (s->is_admin)
		xml_attr(u, "unit-admin", "1");
	if (s->must_change)
		xml_attr(u, "must-change", "1");
	(void)r;
	return u;
}

/* The filters of GET /admin/users. */
enum { SF_Q, SF_ROLE, SF_PAGE };
const struct fielddef h_users_fields[] = {
	[SF_Q] = { "q", FT_TEXT, FL_QUERY, 0, 40, NULL,
	    "查询条件不正确：姓名、账号或单位不超过40个字。", NULL, NULL },
	[SF_ROLE] = { "role", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "查询条件不正确：没有这个角色。", user_role_choices, NULL },
	[SF_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 1000000, NULL,
	    "查询条件不正确：页码应为正整数。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* Reads the rows of STMT_SYS_STAFF_LIST into list. */
static int
users_rows(struct req *r, xmlNodePtr list)
{
	struct staff	 s;
	unsigned char	*pe;
	size_t		 pel;
	int		 k;

	while ((k = db_row(r, STMT_SYS_STAFF_LIST, &s.id, &s.login, &s.name,
	    &s.role, &pe, &pel, &s.unit_id, &s.unit_code, &s.unit_name,
	    &s.disabled, &s.is_admin, &s.must_change)) == 1) {
		staff_phone_mask(r, s.id, pe, pel, s.phone, sizeof(s.phone));
		user_el(r, list, &s);
	}
	return k;
}

/* GET /admin/users?q=&role=&page= (h_users_fields) */
enum rc
h_users(struct req *r)
{
	const struct fval	*fv = r->fv;
	const char		*kinds = unit_kinds(r->role), *q = fv[SF_Q].s;
	const char		*role = fv[SF_ROLE].err ? "" : fv[SF_ROLE].s;
	xmlNodePtr		 list;
	long long		 total = 0, page = 1;

	xml_page(r, PAGE_SYSUSERS);
	xml_attr(r->root, "kind", "users");
	xml_form(r, "/admin/users");
	field_xml(r);
	list = xml_el(r->root, "list", NULL);
	xml_attrf(list, "size", "%d", LIST_SIZE);
	if (r->fields_bad) {
		xml_form_message(r, fv[SF_Q].err ? fv[SF_Q].err :
		    fv[SF_ROLE].err ? fv[SF_ROLE].err : fv[SF_PAGE].err);
		xml_attr(list, "page", "1");
		xml_attr(list, "pages", "0");
		xml_attr(list, "total", "0");
		return RC_OK;
	}
	if (*fv[SF_PAGE].s != '\0')
		page = fv[SF_PAGE].n;
	if (db_run(r, STMT_SYS_STAFF_COUNT, r->unit_id, r->account_id, kinds,
	    q, q, q, q, q, role, role) == -1 ||
	    db_row(r, STMT_SYS_STAFF_COUNT, &total) == -1)
		return RC_DB;
	db_done(r, STMT_SYS_STAFF_COUNT);
	xml_attrf(list, "page", "%lld", page);
	xml_attrf(list, "pages", "%lld", (total + LIST_SIZE - 1) / LIST_SIZE);
	xml_attrf(list, "total", "%lld", total);
	if (db_run(r, STMT_SYS_STAFF_LIST, r->unit_id, r->account_id, kinds,
	    q, q, q, q, q, role, role, (long long)LIST_SIZE,
	    (page - 1) * LIST_SIZE) == -1)
		return RC_DB;
	return users_rows(r, list) == -1 ? RC_DB : RC_OK;
}

/*
 * Reads the account of field 0 (id) into *s: 400 if malformed, 404 if
 * the account does not manage it.
 */
static enum rc
user_load(struct req *r, struct staff *s)
{
	int	 k;

	if (r->fv[0].err != NULL) {
		r->message = r->fv[0].err;
		return RC_BADREQ;
	}
	if ((k = staff_get(r, r->fv[0].n, s)) == -1)
		return RC_DB;
	if (k == 0) {
		r->message = MSG_NO_USER;
		return RC_NOTFOUND;
	}
	return RC_OK;
}

/* The page of account s with the form of action. */
static void
user_page(struct req *r, const struct staff *s, const char *action)
{
	xml_page(r, PAGE_SYSUSER);
	user_el(r, r->root, s);
	xml_form(r, action);
}

/* GET /admin/users/edit?id=&do= */
enum { SE_ID, SE_DO };
const struct fielddef h_user_fields[] = {
	[SE_ID] = { "id", FT_UINT, FL_QUERY | FL_REQ, 1, 4294967295LL,
	    "缺少账号编号。", "账号编号不正确。", NULL, NULL },
	[SE_DO] = { "do", FT_CHOICE, FL_QUERY, 0, 0, NULL, "没有这个操作。",
	    user_do_choices, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_user(struct req *r)
{
	struct staff	 s;
	enum rc		 rc;

	if ((rc = user_load(r, &s)) != RC_OK)
		return rc;
	user_page(r, &s, "/admin/users/edit");
	if (*r->fv[SE_DO].s != '\0' && r->fv[SE_DO].n != 1)
		field_confirm(r, r->fv[SE_DO].s);
	return RC_OK;
}

/*
 * Ends the change's transaction (commits when msg is NULL): 303 to where
 * with flash m, or the page again with the refusal.
 */
static enum rc
user_done(struct req *r, const char *msg, const char *field,
    const char *where)
{
	int	 k;

	if ((k = field_change_end(r, msg, field)) != 1)
		return k == -1 ? RC_DB : RC_OK;
	resp_redirect(r, where);
	return RC_OK;
}

#define TEXT(k, max)	{ k, FT_TEXT, 0, 0, max, NULL, \
			    "内容过长或含有无法识别的字符。", NULL, NULL }

/* POST /admin/users/edit: name, and a new phone when one is given. */
enum { SED_ID, SED_NAME, SED_PHONE };
const struct fielddef h_user_edit_fields[] = {
	[SED_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL,
	    "缺少账号编号。", "账号编号不正确。", NULL, NULL },
	[SED_NAME] = TEXT("name", 40),
	[SED_PHONE] = TEXT("phone", 32),
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_user_edit(struct req *r)
{
	struct staff	 s;
	const char	*msg, *field = NULL;
	enum rc		 rc;
	int		 k;

	if ((rc = user_load(r, &s)) != RC_OK)
		return rc;
	user_page(r, &s, "/admin/users/edit");
	if ((k = field_change(r, NULL, 0)) != 1)
		return k == -1 ? RC_DB : RC_OK;
	msg = staff_edit(r, &s, r->fv[SED_NAME].s, r->fv[SED_PHONE].s, &field);
	return user_done(r, msg, field, pool_printf(r->pool,
	    "/admin/users/edit?id=%lld&m=saved", s.id));
}

/* POST /admin/users/act: disable, enable, delete or reset. */
enum { SA_ID, SA_ACTION, SA_CONFIRM };
const struct fielddef h_user_act_fields[] = {
	[SA_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL,
	    "缺少账号编号。", "账号编号不正确。", NULL, NULL },
	[SA_ACTION] = { "action", FT_CHOICE, FL_REQ, 0, 0, "请选择操作。",
	    "没有这个操作。", user_do_choices, NULL },
	[SA_CONFIRM] = { "confirm", FT_CHOICE, 0, 0, 0, NULL,
	    "确认的值不正确。", user_confirm_choices, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_user_act(struct req *r)
{
	const struct fval	*fv = r->fv;
	struct staff		 s;
	const char		*msg, *where;
	long long		 a;
	enum rc			 rc;
	int			 k;

	if ((rc = user_load(r, &s)) != RC_OK)
		return rc;
	user_page(r, &s, "/admin/users/act");
	/* All but enable are asked first, not done. */
	a = fv[SA_ACTION].n;
	if ((k = field_change(r, a != 1 ? fv[SA_ACTION].s : NULL,
	    *fv[SA_CONFIRM].s != '\0')) != 1)
		return k == -1 ? RC_DB : RC_OK;
	msg = a == 0 || a == 1 ? staff_disable(r, &s, a == 0) :
	    a == 2 ? staff_delete(r, &s) : staff_reset(r, &s);
	where = a == 2 ? (strcmp(s.role, "reviewer") == 0 &&
	    s.unit_id == r->unit_id ? "/admin/reviewers?m=user_deleted" :
	    "/admin/users?m=user_deleted") : pool_printf(r->pool,
	    "/admin/users/edit?id=%lld&m=%s", s.id, user_flashes[a]);
	return user_done(r, msg, NULL, where);
}

/* The reviewers' page: the list and the form of a new one. */
static enum rc
reviewers_page(struct req *r)
{
	struct staff	 s;
	xmlNodePtr	 list;
	unsigned char	*pe;
	size_t		 pel;
	int		 k;

	xml_page(r, PAGE_SYSUSERS);
	xml_attr(r->root, "kind", "reviewers");
	list = xml_el(r->root, "list", NULL);
	if (db_run(r, STMT_SYS_REVIEWERS, r->unit_id) == -1)
		return RC_DB;
	memset(&s, 0, sizeof(s));
	s.role = "reviewer";
	while ((k = db_row(r, STMT_SYS_REVIEWERS, &s.id, &s.login, &s.name,
	    &pe, &pel, &s.disabled, &s.must_change)) == 1) {
		staff_phone_mask(r, s.id, pe, pel, s.phone, sizeof(s.phone));
		user_el(r, list, &s);
	}
	if (k == -1)
		return RC_DB;
	xml_form(r, "/admin/reviewers");
	return RC_OK;
}

/* GET /admin/reviewers */
enum rc
h_reviewers(struct req *r)
{
	return reviewers_page(r);
}

/* POST /admin/reviewers: a reviewer of the account's own unit. */
enum { RV_LOGIN, RV_NAME, RV_PHONE };
const struct fielddef h_reviewer_new_fields[] = {
	[RV_LOGIN] = TEXT("login", 64),
	[RV_NAME] = TEXT("name", 40),
	[RV_PHONE] = TEXT("phone", 32),
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_reviewer_new(struct req *r)
{
	const struct fval	*fv = r->fv;
	const char		*msg, *field = NULL;
	long long		 id;
	enum rc			 rc;
	int			 k;

	if ((rc = reviewers_page(r)) != RC_OK)
		return rc;
	if ((k = field_change(r, NULL, 0)) != 1)
		return k == -1 ? RC_DB : RC_OK;
	msg = staff_new(r, "reviewer", r->unit_id, fv[RV_LOGIN].s,
	    fv[RV_NAME].s, fv[RV_PHONE].s, &id, &field);
	return user_done(r, msg, field, "/admin/reviewers?m=reviewer_added");
}
