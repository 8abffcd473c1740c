/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_canapply.c: 我能报哪一级, the submission's rules asked in advance */

/*
 * A worker answers a few questions (GET, nothing stored) and is told, for
 * every level and route, whether the rules let him apply and, if not,
 * why, in the words the submission would use.  The answer comes from
 * eligibility_check() itself with the year's policy_load(): this file is
 * only the adapter from the questions to struct elig_app.  What the
 * questions cannot know is left out the way the submission's own
 * "not given" is: no qualified-library records (R18, R19 are warnings
 * to confirm anyway), not entered by an office (R20).
 */

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "web.h"
#include "pub.h"

#define MAX_MSGS	32	/* messages of one eligibility_check */
#define MAX_MAPS	16	/* new types of one merged type */
#define Y_MIN_BIRTH	1900
#define Y_MIN_WORK	1940	/* as the form's 参加工作时间 */
#define Y_MIN_LEVEL	1950	/* as the form's 现等级取得时间 */

static const char *const genders[] = { "M", "F", NULL };
static const char *const yesno[] = { "yes", "no", NULL };
static const char *const go[] = { "1", NULL };

/* A year of four digits (the range and its message: year_field). */
static const char *
check_year4(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	return strlen(v->s) == 4 ? NULL : f->bad;
}

/*
 * The questions, as the query string names them (R_INPAGE: a wrong
 * answer goes next to its question).  What is required, the ranges up
 * to the report year and the lists are the ask_ functions'.
 */
enum { CF_GENDER, CF_BIRTH, CF_WSTART, CF_WYEARS, CF_CURLEVEL, CF_CURYEAR,
    CF_CURWT, CF_TWT, CF_EDU, CF_PROHIB, CF_GO };
const struct fielddef h_canapply_fields[] = {
	[CF_GENDER] = { "gender", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "性别只能选择男或女。", genders, NULL },
	[CF_BIRTH] = { "birth_year", FT_UINT, FL_QUERY, Y_MIN_BIRTH, 9999,
	    NULL, "出生年份不正确。", NULL, check_year4 },
	[CF_WSTART] = { "work_start_year", FT_UINT, FL_QUERY, Y_MIN_WORK, 9999,
	    NULL, "参加工作年份不正确。", NULL, check_year4 },
	[CF_WYEARS] = { "work_years", FT_UINT, FL_QUERY, 0, 80, NULL,
	    "工作年限应为0至80之间的整数（年）；不填则按报考年度减参加工作年份"
	    "再加1计算。", NULL, NULL },
	[CF_CURLEVEL] = { "cur_level", FT_UINT, FL_QUERY, 0, 5, NULL,
	    "请从列表中选择现岗位等级。", NULL, NULL },
	[CF_CURYEAR] = { "cur_level_year", FT_UINT, FL_QUERY, Y_MIN_LEVEL,
	    9999, NULL, "现等级取得年份不正确。", NULL, check_year4 },
	[CF_CURWT] = { "cur_worktype", FT_TEXT, FL_QUERY, 1, 8, NULL,
	    "没有这个工种，请从列表中选择现岗位工种。", NULL, NULL },
	[CF_TWT] = { "target_worktype", FT_TEXT, FL_QUERY, 1, 8, NULL,
	    "没有这个工种，请从列表中选择申报岗位工种。", NULL, NULL },
	[CF_EDU] = { "education", FT_TEXT, FL_QUERY, 1, 2, NULL,
	    "请从列表中选择文化程度。", NULL, NULL },
	[CF_PROHIB] = { "prohibited", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "请选择是或否。", yesno, NULL },
	[CF_GO] = { "go", FT_CHOICE, FL_QUERY, 0, 0, NULL, "参数go只能为1。", go,
	    NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* Every level and route the rules know (level 2: certificate only). */
static const struct {
	int		 level;
	enum elig_route	 route;
	const char	*code;		/* route in the document */
	const char	*name;
} combos[] = {
	{ 5, ROUTE_NONE,  "none",        NULL },
	{ 4, ROUTE_YEARS, "years",       "按工作年限申报" },
	{ 4, ROUTE_CERT,  "certificate", "按岗位等级证书申报" },
	{ 3, ROUTE_YEARS, "years",       "按工作年限申报" },
	{ 3, ROUTE_CERT,  "certificate", "按岗位等级证书申报" },
	{ 2, ROUTE_CERT,  "certificate", "按岗位等级证书申报" },
	{ 1, ROUTE_NONE,  "none",        NULL },
};

/* Rules that do not depend on the level asked for: said once. */
static const char *const common_rules[] = { "R1", "R2", "R3", "R4", "R17" };

/* The answers and the catalogue they are checked against. */
struct ask {
	struct elig_app	 a;
	struct pub_wt	*wt;
	int		 nwt;
	struct pub_edu	*edu;
	int		 nedu;
	const char	*maps[MAX_MAPS];
	const char	*map_names[MAX_MAPS];
	size_t		 nmaps;
};

/* The report year: the current one, or the calendar year before any. */
static int
ask_year(const struct req *r)
{
	time_t		 now = time(NULL) + 8 * 3600;
	struct tm	 tm;

	if (r->year > 0)
		return r->year;
	gmtime_r(&now, &tm);
	return tm.tm_year + 1900;
}

/* A four-digit year of question k up to max, or 0 (error set). */
static int
year_field(struct req *r, int k, int max, const char *empty,
    const char *what)
{
	const struct fielddef	*f = &h_canapply_fields[k];
	const struct fval	*v = &r->fv[k];

	if (*v->s == '\0') {
		if (empty != NULL)
			xml_field_error(r, f->key, empty);
		return 0;
	}
	if (v->err != NULL || v->n > max) {
		xml_field_error(r, f->key, pool_printf(r->pool, "%s应为%lld至%d"
		    "之间的四位数字年份，如%d。", what, f->min, max, max - 30));
		return 0;
	}
	return (int)v->n;
}

/* Gender, birth, start of work and years of work. */
static void
ask_person(struct req *r, struct ask *q)
{
	const struct fval	*v = &r->fv[CF_GENDER], *wy = &r->fv[CF_WYEARS];
	int			 max;

	if (*v->s == '\0')
		xml_field_error(r, "gender", "请选择性别。");
	else if (v->err != NULL) {
		xml_field_error(r, "gender", v->err);
		xml_field(r, "gender", "");	/* no radio button to keep it */
	}
	else
		q->a.gender = *v->s;
	q->a.birth_year = year_field(r, CF_BIRTH, q->a.year,
	    "请填写出生年份（四位数字，如1975）。", "出生年份");
	q->a.work_start_year = year_field(r, CF_WSTART, q->a.year,
	    "请填写参加工作年份（四位数字，如1995）。", "参加工作年份");
	if (q->a.birth_year > 0 && q->a.work_start_year > 0 &&
	    q->a.work_start_year < q->a.birth_year) {
		xml_field_error(r, "work_start_year", "参加工作年份不能早于出生年份，"
		    "请核对。");
		q->a.work_start_year = 0;
	}
	max = q->a.work_start_year > 0 ? q->a.year - q->a.work_start_year + 1 :
	    80;
	q->a.work_years = q->a.work_start_year > 0 ? max : -1;
	if (*wy->s == '\0')
		return;
	if (wy->err != NULL)
		xml_field_error(r, "work_years", wy->err);
	else if (wy->n > max)
		xml_field_error(r, "work_years", pool_printf(r->pool, "工作年限最多为"
		    "%d年（报考年度－参加工作年份＋1），只能往下修改。", max));
	else
		q->a.work_years = (int)wy->n;
}

/* Education and prohibited circumstances. */
static void
ask_other(struct req *r, struct ask *q)
{
	const struct fval	*v = &r->fv[CF_EDU], *p = &r->fv[CF_PROHIB];
	int			 i;

	if (*v->s == '\0')
		xml_field_error(r, "education", "请选择文化程度。");
	for (i = 0; v->err == NULL && i < q->nedu; i++)
		if (strcmp(q->edu[i].code, v->s) == 0)
			q->a.edu_rank = q->edu[i].rank;
	if (*v->s != '\0' && q->a.edu_rank == 0)
		xml_field_error(r, "education",
		    h_canapply_fields[CF_EDU].bad);
	if (p->err != NULL) {
		xml_field_error(r, "prohibited", p->err);
		xml_field(r, "prohibited", "");
	} else
		q->a.prohibited = *p->s != '\0' && p->n == 0;	/* yes */
}

/* The current level and the year it was obtained. */
static void
ask_level(struct req *r, struct ask *q)
{
	const struct fval	*v = &r->fv[CF_CURLEVEL];

	q->a.cur_level = -1;
	if (*v->s == '\0')
		xml_field_error(r, "cur_level", "请选择现岗位等级；没有等级证书的"
		    "请选择未定级。");
	else if (v->err != NULL)
		xml_field_error(r, "cur_level", v->err);
	else
		q->a.cur_level = (int)v->n;
	if (q->a.cur_level > 0)
		q->a.cur_level_year = year_field(r, CF_CURYEAR, q->a.year,
		    "请填写现等级取得年份。", "现等级取得年份");
}

/*
 * The new work types old maps to (STMT_PUB_WT_MAPS), into q.  Returns 0
 * or -1 on a database failure.
 */
static int
ask_maps(struct req *r, struct ask *q, const char *old)
{
	char	*o, *nc, *nn;
	int	 k;

	if (db_run(r, STMT_PUB_WT_MAPS) == -1)
		return -1;
	while ((k = db_row(r, STMT_PUB_WT_MAPS, &o, &nc, &nn)) == 1)
		if (strcmp(o, old) == 0 && q->nmaps < MAX_MAPS) {
			q->map_names[q->nmaps] = nn;
			q->maps[q->nmaps++] = nc;
		}
	return k == -1 ? -1 : 0;
}

/* "电工、管道工": the names of the types a merged one maps to. */
static const char *
map_names(struct req *r, const struct ask *q)
{
	char	*s = "";
	size_t	 i;

	for (i = 0; i < q->nmaps; i++)
		s = pool_printf(r->pool, "%s%s%s", s, i ? "、" : "",
		    q->map_names[i]);
	return s;
}

/*
 * The current and the target work type.  An empty target is the current
 * type when that is still current; a merged or cancelled current type
 * needs one chosen.  Returns 0 or -1 on a database failure.
 */
static int
ask_worktypes(struct req *r, struct ask *q)
{
	const char		*cv = r->fv[CF_CURWT].s;
	const char		*tv = r->fv[CF_TWT].s;
	const struct pub_wt	*c = NULL, *t = NULL;

	if (*cv != '\0' && (c = pub_wt_find(q->wt, q->nwt, cv)) == NULL)
		xml_field_error(r, "cur_worktype", "没有这个工种，请从列表中选择"
		    "现岗位工种。");
	else if (*cv == '\0' && q->a.cur_level > 0)
		xml_field_error(r, "cur_worktype", "现岗位等级不是“未定级”时，"
		    "请选择现岗位工种。");
	if (*tv != '\0' && (t = pub_wt_find(q->wt, q->nwt, tv)) == NULL)
		xml_field_error(r, "target_worktype", "没有这个工种，请从列表中"
		    "选择申报岗位工种。");
	else if (t != NULL && !t->current)
		xml_field_error(r, "target_worktype", "该工种已合并或取消，请选择"
		    "合并后的新工种或就近岗位工种。");
	if (c == NULL)
		return 0;
	q->a.cur_worktype = c->code;
	q->a.cur_is_old = !c->current;
	if (q->a.cur_is_old && ask_maps(r, q, c->code) == -1)
		return -1;
	q->a.cur_maps_to = q->maps;
	q->a.ncur_maps_to = q->nmaps;
	if (t != NULL)
		q->a.target_worktype = t->code;
	else if (*tv == '\0' && c->current)
		q->a.target_worktype = c->code;
	else if (*tv == '\0' && q->nmaps > 0)
		xml_field_error(r, "target_worktype", pool_printf(r->pool,
		    "您的现岗位工种已合并，请选择申报岗位工种（合并后的新工种：%s）。",
		    map_names(r, q)));
	else if (*tv == '\0')
		xml_field_error(r, "target_worktype", "您的现岗位工种已取消，请选择"
		    "申报岗位工种（经单位人事部门同意，可选就近岗位工种）。");
	return 0;
}

#define NCOMMON	(sizeof(common_rules) / sizeof(common_rules[0]))

/* The index of rule in common_rules, or -1. */
static int
common_index(const char *rule)
{
	size_t	 i;

	for (i = 0; i < NCOMMON; i++)
		if (strcmp(common_rules[i], rule) == 0)
			return (int)i;
	return -1;
}

/* Appends <reason rule field [warning]>text</reason> to parent. */
static void
reason(xmlNodePtr parent, const struct elig_msg *m)
{
	xmlNodePtr	 n;

	n = xml_el(parent, "reason", m->text);
	xml_attr(n, "rule", m->rule);
	xml_attr(n, "field", m->field);
	if (m->warning)
		xml_attr(n, "warning", "1");
}

/*
 * Runs eligibility_check() once per level and route and appends the
 * <answer>: <common> with the reasons that hold whatever is asked for
 * (said once), an <option> per level and route, ok="1" when the rules
 * leave nothing in the way (warnings do not stop a submission).
 */
static void
answer(struct req *r, struct ask *q, const struct elig_policy *pol)
{
	struct elig_msg	 m[MAX_MSGS];
	xmlNodePtr	 ans, com, o;
	size_t		 i, j, n;
	int		 bad, c, said[NCOMMON];

	memset(said, 0, sizeof(said));
	ans = xml_el(r->root, "answer", NULL);
	com = xml_el(ans, "common", NULL);
	if (q->a.target_worktype != NULL)
		xml_attr(ans, "target-worktype", q->a.target_worktype);
	for (i = 0; i < sizeof(combos) / sizeof(combos[0]); i++) {
		q->a.target_level = combos[i].level;
		q->a.route = combos[i].route;
		n = eligibility_check(&q->a, pol, m, MAX_MSGS);
		o = xml_el(ans, "option", NULL);
		xml_attrf(o, "level", "%d", combos[i].level);
		xml_attr(o, "level-name", xml_level_name(combos[i].level));
		xml_attr(o, "route", combos[i].code);
		xml_attr(o, "route-name", combos[i].name);
		for (j = bad = 0; j < n && j < MAX_MSGS; j++) {
			bad |= !m[j].warning;
			if ((c = common_index(m[j].rule)) == -1) {
				reason(o, &m[j]);
				continue;
			}
			xml_attr(o, "common", "1");
			if (!said[c]++)
				reason(com, &m[j]);
		}
		xml_attr(o, "ok", bad ? "0" : "1");
	}
}

/* Appends the lists the questions choose from. */
static void
lists(struct req *r, const struct ask *q)
{
	xmlNodePtr	 l, n;
	int		 i;

	xml_levels(r->root);
	l = xml_el(r->root, "worktypes", NULL);
	for (i = 0; i < q->nwt; i++) {
		n = xml_el(l, "worktype", NULL);
		xml_attr(n, "code", q->wt[i].code);
		xml_attr(n, "name", q->wt[i].name);
		xml_attr(n, "status", q->wt[i].status);
	}
	l = xml_el(r->root, "educations", NULL);
	for (i = 0; i < q->nedu; i++) {
		n = xml_el(l, "education", NULL);
		xml_attr(n, "code", q->edu[i].code);
		xml_attr(n, "name", q->edu[i].name);
	}
}

/*
 * GET /canapply (h_canapply_fields, R_INPAGE): the questions, and with
 * go=1 the answer.  Wrong answers get their messages next to their
 * questions (400) and no verdict.
 */
enum rc
h_canapply(struct req *r)
{
	struct elig_policy	 pol;
	struct ask		 q;
	size_t			 i;

	xml_page(r, PAGE_CANAPPLY);
	memset(&q, 0, sizeof(q));
	q.a.year = ask_year(r);
	xml_attrf(r->root, "year", "%d", q.a.year);
	if ((q.nwt = pub_worktypes(r, &q.wt)) == -1 ||
	    (q.nedu = pub_education(r, &q.edu)) == -1)
		return RC_DB;
	lists(r, &q);
	xml_form(r, "/canapply");
	for (i = 0; i < CF_GO; i++)
		xml_field(r, h_canapply_fields[i].key, r->fv[i].s);
	if (*r->fv[CF_GO].s == '\0' || r->fv[CF_GO].err != NULL)
		return RC_OK;
	ask_person(r, &q);
	ask_level(r, &q);
	ask_other(r, &q);
	if (ask_worktypes(r, &q) == -1)
		return RC_DB;
	if (r->form_bad) {
		xml_form_message(r, "请按提示补充或修改后再查询。");
		return RC_OK;
	}
	if (policy_load(r, q.a.year, &pol) == -1)
		return RC_DB;
	answer(r, &q, &pol);
	return RC_OK;
}
