/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_lookup.c: one level of the unit tree, and the work-type search */

#include <stdlib.h>
#include <string.h>

#include "web.h"

#define Q_MAX_CHARS	10	/* characters of a work-type query */

/* Answers 400 with msg on the error page. */
static enum rc
bad(struct req *r, const char *msg)
{
	r->message = msg;
	return RC_BADREQ;
}

/* The fields of GET /lookup/units. */
enum { UF_REGION, UF_PARENT };
const struct fielddef h_lookup_units_fields[] = {
	[UF_REGION] = { "region", FT_TEXT, FL_QUERY, 6, 6, NULL,
	    "地区代码应为6位数字。", NULL, field_check_digits },
	[UF_PARENT] = { "parent", FT_UINT, FL_QUERY, 1, 4294967295LL, NULL,
	    "上级单位编号应为正整数。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * GET /lookup/units?region=CODE: the supervising units of a region (a
 * city, a directly administered county, or the province for 省直
 * units), those of its counties included; GET /lookup/units?parent=ID:
 * the basic units under a supervising unit.  One of the two, never both.
 */
enum rc
h_lookup_units(struct req *r)
{
	const char	*region = r->fv[UF_REGION].s;
	const char	*parent = r->fv[UF_PARENT].s;
	xmlNodePtr	 us, u;
	char		*name, *kind, *code, *pkind, *pregion, *gkind, *gparent;
	char		*pname, *pcode;
	long long	 pid = 0, id, pparent;
	enum stmt	 st;
	int		 n;

	xml_page(r, PAGE_UNITS);
	if ((*region == '\0') == (*parent == '\0'))
		return bad(r, "请指定地区（region）或上级单位（parent）其中之一。");
	us = r->root;
	if (*region != '\0') {
		if (db_run(r, STMT_UNIT_REGION_GET, region) == -1 ||
		    (n = db_row(r, STMT_UNIT_REGION_GET, &name,
		    &kind)) == -1)
			return RC_DB;
		db_done(r, STMT_UNIT_REGION_GET);
		if (n == 0)
			return bad(r, "没有这个地区，请从列表中选择省辖市、直辖县或省直。");
		xml_attr(us, "region", region);
		xml_attr(us, "name", name);
		xml_attr(us, "level", "supervising");
		if (db_run(r, STMT_UNIT_SUPERVISORS, region, region) == -1)
			return RC_DB;
		st = STMT_UNIT_SUPERVISORS;
	} else {
		pid = r->fv[UF_PARENT].n;
		if (db_run(r, STMT_UNIT_GET, pid) == -1 ||
		    (n = db_row(r, STMT_UNIT_GET, &pkind,
		    &pparent, &pregion, &gkind, &gparent, &pname,
		    &pcode)) == -1)
			return RC_DB;
		db_done(r, STMT_UNIT_GET);
		if (n == 0 || strcmp(pkind, "supervising") != 0)
			return bad(r, "没有这个主管单位，请重新选择。");
		xml_attrf(us, "parent", "%lld", pid);
		xml_attr(us, "name", pname);
		xml_attr(us, "level", "basic");
		if (db_run(r, STMT_UNIT_CHILDREN, pid) == -1)
			return RC_DB;
		st = STMT_UNIT_CHILDREN;
	}
	while ((n = db_row(r, st, &id, &code, &name, &kind)) == 1) {
		u = xml_el(us, "unit", NULL);
		xml_attrf(u, "id", "%lld", id);
		xml_attr(u, "code", code);
		xml_attr(u, "name", name);
		xml_attr(u, "kind", kind);
	}
	return n == -1 ? RC_DB : RC_OK;
}

/*
 * Checks a work-type query: at most Q_MAX_CHARS characters, Chinese
 * characters or Latin letters only (so no LIKE wildcard gets through);
 * letters are lowered.  Returns NULL or the message.
 */
static const char *
lookup_query_check(struct req *r, const struct fielddef *f, struct fval *v)
{
	char			*q = pool_strdup(r->pool, v->s);
	const unsigned char	*p = (const unsigned char *)q;
	size_t			 chars = 0;

	(void)f;
	v->s = q;
	for (; *p != '\0'; p++) {
		if ((*p & 0xc0) != 0x80)
			chars++;
		if (*p >= 0x80)
			continue;
		if (*p >= 'A' && *p <= 'Z')
			*(unsigned char *)p = *p - 'A' + 'a';
		else if (*p < 'a' || *p > 'z')
			return "请输入工种名称汉字或拼音首字母（不含数字、空格和符号）。";
	}
	if (chars > Q_MAX_CHARS)
		return "查询内容过长，请输入不超过10个字的工种名称或拼音首字母。";
	return NULL;
}

/* Appends <worktype code name pinyin status> with its <maps-to>. */
static enum rc
worktype_node(struct req *r, xmlNodePtr list, const char *code,
    const char *name, const char *pinyin, const char *status)
{
	xmlNodePtr	 w, m;
	char		*nc, *nn;
	int		 n;

	w = xml_el(list, "worktype", NULL);
	xml_attr(w, "code", code);
	xml_attr(w, "name", name);
	xml_attr(w, "pinyin", pinyin);
	xml_attr(w, "status", status);
	if (strcmp(status, "merged") != 0)
		return RC_OK;
	if (db_run(r, STMT_WT_MAPS, code) == -1)
		return RC_DB;
	while ((n = db_row(r, STMT_WT_MAPS, &nc, &nn)) == 1) {
		m = xml_el(w, "maps-to", NULL);
		xml_attr(m, "code", nc);
		xml_attr(m, "name", nn);
	}
	return n == -1 ? RC_DB : RC_OK;
}

/*
 * The target list of R14 (and R16 for level 1): fills the root with the
 * work types a candidate of current type cur (may be empty), current
 * level curlevel (-1 unknown), target level and route may choose.  As
 * in eligibility.c, a current type's counterpart is itself, a merged
 * one's are those of worktype_map, a cancelled one has none (free).
 */
static enum rc
targets(struct req *r, xmlNodePtr list, const char *cur, long long curlevel,
    long long level, const char *route)
{
	struct elig_policy	 pol;
	struct elig_app		 ea;
	const char		*maps[64];
	char			*nc, *nn, *name, *status, *pinyin, *code;
	size_t			 nmaps = 0;
	int			 n, restricted, self = 0;

	if (policy_load(r, r->year, &pol) == -1)
		return RC_DB;
	if (*cur != '\0') {
		if (db_run(r, STMT_WT_GET, cur) == -1 ||
		    (n = db_row(r, STMT_WT_GET, &name, &status)) == -1)
			return RC_DB;
		db_done(r, STMT_WT_GET);
		if (n == 0)
			return bad(r, "现岗位工种代码不存在，请重新选择。");
		/* A current type's counterpart is itself (eligibility.c). */
		if ((self = strcmp(status, "current") == 0))
			maps[nmaps++] = cur;
		if (db_run(r, STMT_WT_MAPS, cur) == -1)
			return RC_DB;
		while ((n = db_row(r, STMT_WT_MAPS, &nc, &nn)) == 1)
			if (nmaps < sizeof(maps) / sizeof(maps[0]))
				maps[nmaps++] = nc;
		if (n == -1)
			return RC_DB;
	}
	memset(&ea, 0, sizeof(ea));
	ea.cur_level = (int)curlevel;
	ea.target_level = (int)level;
	ea.route = strcmp(route, "years") == 0 ? ROUTE_YEARS : ROUTE_CERT;
	ea.cur_worktype = cur;
	ea.cur_is_old = !self;
	ea.cur_maps_to = maps + self;
	ea.ncur_maps_to = nmaps - self;
	restricted = !eligibility_r14_free(&ea, &pol);
	xml_attr(list, "restricted", restricted ? "1" : "0");
	if (level == 1)
		xml_attr(list, "level1", "1");
	if (db_run(r, STMT_WT_ALL) == -1)
		return RC_DB;
	while ((n = db_row(r, STMT_WT_ALL, &code, &name, &pinyin,
	    &status)) == 1) {
		if (strcmp(status, "current") != 0)
			continue;
		if (restricted && !eligibility_in_list(code, maps, nmaps))
			continue;
		if (level == 1 && !eligibility_in_list(code, pol.level1_open,
		    pol.nlevel1_open))
			continue;
		/* WT_MAPS is not run for current types: no nesting. */
		if (worktype_node(r, list, code, name, pinyin, status) != RC_OK)
			return RC_DB;
	}
	if (n == -1)
		return RC_DB;
	return RC_OK;
}

/* A work-type code: capitals and digits. */
static const char *
check_code(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	return strspn(v->s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") ==
	    strlen(v->s) ? NULL : f->bad;
}

static const char *const fors[] = { "target", NULL };
static const char *const routes[] = { "years", "certificate", NULL };

/* The fields of GET /lookup/worktypes (for=target: level is needed). */
enum { WF_FOR, WF_CUR, WF_LEVEL, WF_ROUTE, WF_CURLEVEL, WF_Q };
const struct fielddef h_lookup_worktypes_fields[] = {
	[WF_FOR] = { "for", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "参数for只能为target。", fors, NULL },
	[WF_CUR] = { "cur", FT_TEXT, FL_QUERY, 1, 8, NULL,
	    "现岗位工种代码不正确，请重新选择。", NULL, check_code },
	[WF_LEVEL] = { "level", FT_UINT, FL_QUERY, 1, 5, NULL,
	    "请先选择申报岗位等级（1至5级）。", NULL, NULL },
	[WF_ROUTE] = { "route", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "申报方式只能为按工作年限申报或按岗位等级证书申报。", routes, NULL },
	[WF_CURLEVEL] = { "curlevel", FT_UINT, FL_QUERY, 0, 5, NULL,
	    "现岗位等级不正确（0为未定级，1至5级）。", NULL, NULL },
	/* Not a text (control or broken bytes): the first message. */
	[WF_Q] = { "q", FT_TEXT, FL_QUERY, 0, 1000, NULL,
	    "查询内容不是有效的文字，请输入工种名称汉字或拼音首字母。", NULL,
	    lookup_query_check },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * GET /lookup/worktypes?q=TEXT: up to 50 work types whose name contains
 * TEXT or whose pinyin initials start with it; an empty q lists the
 * current ones.  GET /lookup/worktypes?for=target&cur=CODE&level=N
 * &route=years|certificate[&curlevel=N]: the target work types R14 and
 * R16 allow.
 */
enum rc
h_lookup_worktypes(struct req *r)
{
	const struct fval *fv = r->fv;
	const char	*q = fv[WF_Q].s;
	char		*code, *name, *pinyin, *status;
	char		*rows[50][4];
	xmlNodePtr	 list;
	size_t		 nrows = 0, i;
	enum rc		 rc;
	int		 n;

	xml_page(r, PAGE_WORKTYPES);
	list = r->root;
	if (*fv[WF_FOR].s != '\0') {
		if (*fv[WF_LEVEL].s == '\0')
			return bad(r, h_lookup_worktypes_fields[WF_LEVEL].bad);
		xml_attr(list, "for", "target");
		return targets(r, list, fv[WF_CUR].s, *fv[WF_CURLEVEL].s !=
		    '\0' ? fv[WF_CURLEVEL].n : -1, fv[WF_LEVEL].n,
		    fv[WF_ROUTE].s);
	}
	xml_attr(list, "q", q);
	/* Rows first: worktype_node runs another statement. */
	if (db_run(r, STMT_WT_SEARCH, q, q, q, q) == -1)
		return RC_DB;
	while ((n = db_row(r, STMT_WT_SEARCH, &code, &name,
	    &pinyin, &status)) == 1 && nrows < 50) {
		rows[nrows][0] = code;
		rows[nrows][1] = name;
		rows[nrows][2] = pinyin;
		rows[nrows][3] = status;
		nrows++;
	}
	if (n == -1)
		return RC_DB;
	db_done(r, STMT_WT_SEARCH);
	for (i = 0; i < nrows; i++)
		if ((rc = worktype_node(r, list, rows[i][0], rows[i][1],
		    rows[i][2], rows[i][3])) != RC_OK)
			return rc;
	return RC_OK;
}
