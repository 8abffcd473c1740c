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
 * unit.c: 单位管理: the units of an admin's subtree made, edited, moved,
 * deleted or disabled, and given their admin (002 §3.4.1).
 *
 * Each role manages the kinds of unit below it (unit_roles): the province
 * the top of the tree (city and county offices, 省直 and 中央驻豫 units),
 * a city or county office the supervising and basic units of its region,
 * a supervising unit its own basic units.  Whether a unit lies in the
 * subtree is db.c's SCOPE, the rule of every office list.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "unit.h"

#define MAX_CODE	32
#define MAX_NAME	100	/* characters */
#define MAX_PHONE	32	/* bytes of a unit's 联系电话 */
#define ADMIN_PREFIX	"gly_"	/* + the unit code: its admin's login */
#define NAME_SLOTS	1024	/* unit names kept by a worker (unit_name) */
#define NAME_TTL	60	/* seconds */

const char unit_used_msg[] = "该单位已有下属单位、报名或审核记录，不能删除，只能停用。";

/* What each role may make and manage, and the kinds' names. */
static const struct {
	enum role	 role;
	const char	*kinds;		/* FIND_IN_SET list */
} unit_roles[] = {
	{ ROLE_PROVINCE,	"city,county,supervising,basic" },
	{ ROLE_CITY,		"supervising,basic" },
	{ ROLE_COUNTY,		"supervising,basic" },
	{ ROLE_SUPERVISING,	"basic" },
};
static const struct {
	const char	*kind;
	const char	*label;
	const char	*role;		/* of its admin */
} unit_kind_tab[] = {
	{ "basic",	 "基层单位",	"unit" },
	{ "supervising", "主管单位",	"supervising" },
	{ "county",	 "县区工考办",	"county" },
	{ "city",	 "市工考办",	"city" },
	{ "province",	 "省工考办",	"province" },
};

/* The kinds of unit role manages ("" none), as a FIND_IN_SET list. */
const char *
unit_kinds(enum role role)
{
	size_t	 i;

	for (i = 0; i < sizeof(unit_roles) / sizeof(unit_roles[0]); i++)
		if (unit_roles[i].role == role)
			return unit_roles[i].kinds;
	return "";
}

/* Whether role manages units of kind. */
int
unit_may_create(enum role role, const char *kind)
{
	const char	*k = unit_kinds(role), *p;
	size_t		 n = strlen(kind);

	if (n == 0)
		return 0;
	for (p = k; (p = strstr(p, kind)) != NULL; p += n)
		if ((p == k || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
	return 0;
}

/* The Chinese name of a kind of unit, or NULL if there is none. */
const char *
unit_kind_label(const char *kind)
{
	size_t	 i;

	for (i = 0; i < sizeof(unit_kind_tab) / sizeof(unit_kind_tab[0]); i++)
		if (strcmp(unit_kind_tab[i].kind, kind) == 0)
			return unit_kind_tab[i].label;
	return NULL;
}

/* The role of the admin of a unit of kind. */
static const char *
unit_admin_role(const char *kind)
{
	size_t	 i;

	for (i = 0; i < sizeof(unit_kind_tab) / sizeof(unit_kind_tab[0]); i++)
		if (strcmp(unit_kind_tab[i].kind, kind) == 0)
			return unit_kind_tab[i].role;
	return "unit";
}

/*
 * Reads unit id into *u if the account manages it.  Returns 1, 0 if it
 * does not (or there is none), -1 on a database failure.
 */
int
unit_get(struct req *r, long long id, struct unit *u)
{
	int	 k;

	if (db_run(r, STMT_SYS_UNIT_GET, r->unit_id, unit_kinds(r->role),
	    id) == -1)
		return -1;
	k = db_row(r, STMT_SYS_UNIT_GET, &u->id, &u->code, &u->name, &u->kind,
	    &u->parent_id, &u->parent_code, &u->parent_name, &u->region,
	    &u->region_name, &u->phone, &u->disabled, &u->admin_id,
	    &u->admin_login, &u->admin_name);
	if (k == 1)
		db_done(r, STMT_SYS_UNIT_GET);
	return k;
}

/* The unit names a worker keeps, a slot per id modulo NAME_SLOTS. */
static struct {
	long long	 id;
	char		*name;		/* glibc's heap: it outlives requests */
	time_t		 at;
}		 names[NAME_SLOTS];

/*
 * The name of unit id, for lists that name each row's unit (人工审核):
 * kept by the worker for NAME_TTL seconds, so a page reads no unit after
 * the first few (a renamed unit shows its new name within that time).
 * Returns the name (good until the next call), "" if there is no such
 * unit, NULL on a database failure.
 */
const char *
unit_name(struct req *r, long long id)
{
	size_t	 i = (size_t)(id % NAME_SLOTS);
	time_t	 now = time(NULL);
	char	*name = NULL, *copy;
	int	 k;

	if (id <= 0)
		return "";
	if (names[i].id == id && names[i].name != NULL &&
	    now - names[i].at < NAME_TTL)
		return names[i].name;
	if (db_run(r, STMT_UNIT_NAME, id) == -1 ||
	    (k = db_row(r, STMT_UNIT_NAME, &name)) == -1)
		return NULL;
	if (k == 0)
		return "";
	db_done(r, STMT_UNIT_NAME);
	if (name == NULL || (copy = strdup(name)) == NULL)
		return name != NULL ? name : "";
	free(names[i].name);
	names[i].id = id;
	names[i].name = copy;
	names[i].at = now;
	return copy;
}

/* Number of characters of s if it is text without controls, else -1. */
static long
unit_chars(const char *s)
{
	long	 n = 0;

	if (!valid_utf8(s, strlen(s)))
		return -1;
	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '<' ||
		    *s == '>')
			return -1;
		if ((*s & 0xc0) != 0x80)
			n++;
	}
	return n;
}

/* The checks of a unit's name and phone: NULL or a message (*field). */
static const char *
unit_check_text(const char *name, const char *phone, const char **field)
{
	long	 n = unit_chars(name);

	*field = "name";
	if (*name == '\0')
		return "请填写单位名称。";
	if (n < 2 || n > MAX_NAME)
		return "单位名称应为2至100个字，不能含有“<”“>”等符号。";
	*field = "phone";
	if (strlen(phone) > MAX_PHONE || unit_chars(phone) < 0 ||
	    strspn(phone, "0123456789-转 ") != strlen(phone))
		return "联系电话只能含有数字和“-”，如0371-61612579。";
	return NULL;
}

/* Whether code is a unit code: 2 to 32 letters and digits. */
static int
unit_code_ok(const char *code)
{
	size_t	 i, n = strlen(code);

	if (n < 2 || n > MAX_CODE)
		return 0;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)code[i]))
			return 0;
	return 1;
}

/* Whether a unit code or account login is in use: 1, 0, -1 (database). */
static int
unit_code_taken(struct req *r, const char *code)
{
	long long	 n = 0;

	if (db_run(r, STMT_SYS_CODE_TAKEN, code, code) == -1 ||
	    db_row(r, STMT_SYS_CODE_TAKEN, &n) == -1)
		return -1;
	db_done(r, STMT_SYS_CODE_TAKEN);
	return n > 0;
}

/*
 * The region of a unit of kind in the account's subtree: for a basic
 * unit its supervising unit's (parent, which must be given, in the
 * subtree), else region (which must be of a fitting kind).  Sets *pid
 * and *where.  Returns NULL or a message (*field).
 */
static const char *
unit_place_check(struct req *r, const char *kind, const char *region,
    const char *parent, long long *pid, const char **where,
    const char **field)
{
	char	*gk, *gn, *preg, *pname;
	int	 k;

	*pid = 0;
	if (strcmp(kind, "basic") == 0) {
		*field = "parent";
		if (*parent == '\0')
			return "基层单位请填写所属主管单位的代码。";
		if (db_run(r, STMT_SYS_PARENT_GET, r->unit_id, parent) == -1 ||
		    (k = db_row(r, STMT_SYS_PARENT_GET, pid, &preg,
		    &pname)) == -1)
			return field_dbfail;
		if (k == 0)
			return "所属主管单位代码不存在、已停用或不在本单位管辖范围内。";
		db_done(r, STMT_SYS_PARENT_GET);
		*where = preg;
		return NULL;
	}
	*field = "parent";
	if (*parent != '\0')
		return "只有基层单位填写所属主管单位；其他单位请留空。";
	*field = "region";
	if (strlen(region) != 6 || strspn(region, "0123456789") != 6)
		return "地区代码应为6位数字，如郑州市410100、金水区410105。";
	if (db_run(r, STMT_SYS_REGION_IN, r->unit_id, region) == -1 ||
	    (k = db_row(r, STMT_SYS_REGION_IN, &gk, &gn)) == -1)
		return field_dbfail;
	if (k == 0)
		return "地区代码不存在或不在本单位管辖范围内。";
	db_done(r, STMT_SYS_REGION_IN);
	if (strcmp(kind, "city") == 0 && strcmp(gk, "city") != 0 &&
	    strcmp(gk, "direct_county") != 0)
		return "市工考办的地区应为省辖市或省直管县（市）。";
	if (strcmp(kind, "county") == 0 && strcmp(gk, "county") != 0)
		return "县区工考办的地区应为县（市、区）。";
	*where = (char *)region;
	return NULL;
}

/* Checks a new unit's own fields.  NULL or a message (*field). */
static const char *
unit_check_new(struct req *r, const struct unit_in *in, const char **field)
{
	const char	*msg;
	int		 k;

	*field = "unit_code";
	if (*in->code == '\0')
		return "请填写单位代码。";
	if (!unit_code_ok(in->code))
		return "单位代码应为2至32位字母或数字，如统一社会信用代码。";
	if ((k = unit_code_taken(r, in->code)) != 0)
		return k == -1 ? field_dbfail : "该单位代码已被使用。";
	if ((msg = unit_check_text(in->name, in->phone, field)) != NULL)
		return msg;
	*field = "kind";
	if (unit_kind_label(in->kind) == NULL)
		return "单位类别不正确。";
	if (!unit_may_create(r->role, in->kind))
		return "本单位不能添加这一类别的单位。";
	*field = "admin_name";
	if ((*in->admin_name == '\0') != (*in->admin_phone == '\0'))
		return "设置单位管理员请同时填写管理员姓名和手机号；不设置则都留空。";
	return NULL;
}

/* Audits event on unit id with reason. */
static const char *
unit_audit(struct req *r, const char *event, long long id,
    const char *reason)
{
	return audit(r, event, pool_printf(r->pool, "unit:%lld", id), "ok",
	    reason) == -1 ? field_dbfail : NULL;
}

/*
 * Makes unit in (with its admin when given) in the account's subtree,
 * placed (STMT_UNIT_PLACE), audited; *id is the new unit's.
 */
const char *
unit_create(struct req *r, const struct unit_in *in, long long *id,
    const char **field)
{
	struct unit	 u;
	const char	*msg, *where = NULL;
	long long	 pid;

	if ((msg = unit_check_new(r, in, field)) != NULL ||
	    (msg = unit_place_check(r, in->kind, in->region, in->parent,
	    &pid, &where, field)) != NULL)
		return msg;
	*field = NULL;
	if (db_run(r, STMT_SYS_UNIT_INSERT, in->code, in->name, in->kind, pid,
	    where, in->phone) != 1)
		return field_dbfail;
	*id = db_insert_id(r, STMT_SYS_UNIT_INSERT);
	if (db_run(r, STMT_UNIT_PLACE, *id, *id) == -1)
		return field_dbfail;
	if ((msg = unit_audit(r, "unit.create", *id, in->code)) != NULL)
		return msg;
	if (*in->admin_name == '\0')
		return NULL;
	memset(&u, 0, sizeof(u));
	u.id = *id;
	u.code = (char *)in->code;
	u.kind = (char *)in->kind;
	return unit_admin_set(r, &u, in->admin_name, in->admin_phone, field);
}

/* Changes the name and phone of unit u. */
const char *
unit_edit(struct req *r, const struct unit *u, const char *name,
    const char *phone, const char **field)
{
	const char	*msg;

	if ((msg = unit_check_text(name, phone, field)) != NULL)
		return msg;
	if (db_run(r, STMT_SYS_UNIT_EDIT, name, phone, u->id) == -1)
		return field_dbfail;
	return unit_audit(r, "unit.edit", u->id, name);
}

/*
 * Moves unit u: a basic unit under another supervising unit (parent), any
 * other to another region; its basic units follow a supervising unit.
 * The city and county codes are placed again (STMT_UNIT_PLACE).
 */
const char *
unit_move(struct req *r, const struct unit *u, const char *region,
    const char *parent, const char **field)
{
	const char	*msg, *where = NULL;
	long long	 pid;

	if ((msg = unit_place_check(r, u->kind, region, parent, &pid, &where,
	    field)) != NULL)
		return msg;
	if (pid == u->id) {
		*field = "parent";
		return "单位不能属于它自己。";
	}
	if (db_run(r, STMT_SYS_UNIT_MOVE, pid, where, u->id) == -1 ||
	    db_run(r, STMT_SYS_UNIT_KIDS_REGION, where, u->id) == -1 ||
	    db_run(r, STMT_UNIT_PLACE, u->id, u->id) == -1)
		return field_dbfail;
	return unit_audit(r, "unit.move", u->id, pool_printf(r->pool,
	    "%s -> %s%s%s", u->region, where, pid ? " under " : "",
	    pid ? parent : ""));
}

/*
 * Deletes unit u and its staff accounts, unless something keeps it
 * (unit_used_msg: units under it, applications, review history, an
 * account that acted).
 */
const char *
unit_delete(struct req *r, const struct unit *u)
{
	long long	 n = 0;

	if (db_run(r, STMT_SYS_UNIT_USED, u->id, u->id, u->id, u->id,
	    u->id) == -1 || db_row(r, STMT_SYS_UNIT_USED, &n) == -1)
		return field_dbfail;
	db_done(r, STMT_SYS_UNIT_USED);
	if (n > 0)
		return unit_used_msg;
	if (db_run(r, STMT_SYS_UNIT_PENDING_DROP, u->id) == -1 ||
	    db_run(r, STMT_SYS_UNIT_KEEPS_DROP, u->id) == -1 ||
	    db_run(r, STMT_SYS_UNIT_ADMIN_CLEAR, u->id) == -1 ||
	    db_run(r, STMT_SYS_UNIT_ACCTS_DROP, u->id) == -1 ||
	    db_run(r, STMT_SYS_UNIT_DELETE, u->id) != 1)
		return field_dbfail;
	return unit_audit(r, "unit.delete", u->id, pool_printf(r->pool,
	    "%s %s", u->code, u->name));
}

/* Disables unit u (on 1) or enables it again (on 0). */
const char *
unit_disable(struct req *r, const struct unit *u, int on)
{
	if (db_run(r, STMT_SYS_UNIT_DISABLE, (long long)on, u->id) == -1)
		return field_dbfail;
	return unit_audit(r, on ? "unit.disable" : "unit.enable", u->id,
	    u->code);
}

/*
 * Gives unit u (which has none) its admin: a new account of the role
 * that fits the unit's kind, with the default password to be changed at
 * the first login.  The admin logs in with the unit code or the phone;
 * the account's own login is ADMIN_PREFIX and the code in lower case.
 */
const char *
unit_admin_set(struct req *r, const struct unit *u, const char *name,
    const char *phone, const char **field)
{
	const char	*msg;
	char		 login[40];
	long long	 acc;
	size_t		 i;

	if (u->admin_id != 0) {
		*field = NULL;
		return "该单位已有管理员，请在用户管理中修改。";
	}
	snprintf(login, sizeof(login), "%s%.28s", ADMIN_PREFIX, u->code);
	for (i = 0; login[i] != '\0'; i++)
		login[i] = tolower((unsigned char)login[i]);
	if ((msg = staff_new(r, unit_admin_role(u->kind), u->id, login, name,
	    phone, &acc, field)) != NULL) {
		if (*field != NULL && strcmp(*field, "name") == 0)
			*field = "admin_name";
		else if (*field != NULL && strcmp(*field, "phone") == 0)
			*field = "admin_phone";
		return msg;
	}
	if (db_run(r, STMT_SYS_UNIT_SET_ADMIN, acc, u->id) == -1)
		return field_dbfail;
	return unit_audit(r, "unit.admin", u->id, login);
}
