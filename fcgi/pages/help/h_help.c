/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_help.c: the manuals and 政策说明, the year's rules in plain words */

#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "pub.h"

#define MAX_EDU_NAMES	128	/* bytes of "高中、中专、技校" */

/* GET /help/candidate: 报考人员手册 (the text is the stylesheet's). */
enum rc
h_help_candidate(struct req *r)
{
	xml_page(r, PAGE_MANUAL);
	xml_attr(r->root, "doc", "candidate");
	return RC_OK;
}

/* GET /help/admin: 管理员手册. */
enum rc
h_help_admin(struct req *r)
{
	xml_page(r, PAGE_MANUAL);
	xml_attr(r->root, "doc", "admin");
	return RC_OK;
}

/*
 * Reads the work-type catalogue (current types first) into *out, pool
 * memory.  Returns the number of types, or -1 on a database failure.
 */
int
pub_worktypes(struct req *r, struct pub_wt **out)
{
	struct pub_wt	*w;
	char		*code, *name, *status;
	int		 n, k, i = 0;

	if ((n = db_run(r, STMT_PUB_WT_LIST)) == -1)
		return -1;
	w = pool_calloc(r->pool, n > 0 ? n : 1, sizeof(*w));
	while ((k = db_row(r, STMT_PUB_WT_LIST, &code, &name,
	    &status)) == 1)
		if (i < n && code != NULL && name != NULL && status != NULL) {
			w[i].code = code;
			w[i].name = name;
			w[i].current = strcmp(status, "current") == 0;
			w[i].status = status;
			i++;
		}
	if (k == -1)
		return -1;
	*out = w;
	return i;
}

/* The type of code among the n of w, or NULL. */
const struct pub_wt *
pub_wt_find(const struct pub_wt *w, int n, const char *code)
{
	int	 i;

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp(w[i].code, code) == 0)
			return &w[i];
	return NULL;
}

/*
 * Reads the education levels into *out (pool memory, lowest rank
 * first).  Returns their number, or -1 on a database failure.
 */
int
pub_education(struct req *r, struct pub_edu **out)
{
	struct pub_edu	*e;
	char		*code, *name;
	long long	 rank;
	int		 n, k, i = 0;

	if ((n = db_run(r, STMT_PUB_EDU_LIST)) == -1)
		return -1;
	e = pool_calloc(r->pool, n > 0 ? n : 1, sizeof(*e));
	while ((k = db_row(r, STMT_PUB_EDU_LIST, &code, &name,
	    &rank)) == 1)
		if (i < n && code != NULL && name != NULL) {
			e[i].code = code;
			e[i].name = name;
			e[i].rank = (int)rank;
			i++;
		}
	if (k == -1)
		return -1;
	*out = e;
	return i;
}

/* "高中、中专、技校": the names of education rank, or "第N档". */
static const char *
edu_names(struct req *r, const struct pub_edu *e, int n, int rank)
{
	char	 buf[MAX_EDU_NAMES];
	size_t	 len = 0;
	int	 i;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		if (e[i].rank == rank)
			len += snprintf(buf + len, len < sizeof(buf) ?
			    sizeof(buf) - len : 0, "%s%s", len ? "、" : "",
			    e[i].name);
	if (len == 0 || len >= sizeof(buf))
		return pool_printf(r->pool, "第%d档", rank);
	return pool_strdup(r->pool, buf);
}

/* The year's level-1 work types by name, "、" between them. */
static const char *
level1_names(struct req *r, const struct elig_policy *p,
    const struct pub_wt *w, int nw)
{
	const struct pub_wt	*t;
	char			*s = "";
	size_t			 i;

	for (i = 0; i < p->nlevel1_open; i++)
		if ((t = pub_wt_find(w, nw, p->level1_open[i])) != NULL)
			s = pool_printf(r->pool, "%s%s%s", s, *s ? "、" : "",
			    t->name);
	return *s ? s : NULL;
}

/* Appends <rule id title>text</rule> to list. */
static void
rule(xmlNodePtr list, const char *id, const char *title, const char *text)
{
	xmlNodePtr	 n;

	n = xml_el(list, "rule", text);
	xml_attr(n, "id", id);
	xml_attr(n, "title", title);
}

/* R1-R5: age, start of work, years of work, work type, level 5. */
static void
rules_basic(struct req *r, xmlNodePtr l, const struct elig_policy *p)
{
	struct pool	*m = r->pool;

	rule(l, "R1", "年龄", pool_printf(m, "报考人员年龄须在%d至%d周岁之间"
	    "（按报考年度减出生年份计算）。", p->age_min, p->age_max));
	rule(l, "R2", "参加工作时间", pool_printf(m, "参加工作时须年满%d周岁"
	    "（参加工作年份减出生年份）。", p->start_age_min));
	rule(l, "R3", "工作年限", "工作年限最多为报考年度减参加工作年份再加1，"
	    "只能往下修改。");
	rule(l, "R4", "现岗位工种", "现岗位等级不是“未定级”的，须填写现岗位工种；"
	    "没有机关事业单位等级证书的，现岗位等级选“未定级”。");
	rule(l, "R5", "五级（初级工）", "申报五级（初级工）不限工作年限。");
}

/* R6-R13: the levels and their two routes. */
static void
rules_levels(struct req *r, xmlNodePtr l, const struct elig_policy *p,
    const struct pub_edu *e, int ne)
{
	struct pool	*m = r->pool;

	rule(l, "R6", "四级（中级工）按工作年限申报", pool_printf(m,
	    "工作年限满%d年。", p->years_l4));
	rule(l, "R9", "四级（中级工）按岗位等级证书申报", pool_printf(m,
	    "现岗位等级为五级（初级工），且取得满%d年（报考年度减取得年份）。",
	    p->held_l4));
	rule(l, "R7", "三级（高级工）按工作年限申报", pool_printf(m,
	    "工作年限满%d年。", p->years_l3));
	rule(l, "R10", "三级（高级工）按岗位等级证书申报", pool_printf(m,
	    "现岗位等级为四级（中级工），且取得满%d年。", p->held_l3));
	rule(l, "R11", "二级（技师）", pool_printf(m, "只能按岗位等级证书申报："
	    "现岗位等级为三级（高级工），且取得满%d年。", p->held_l2));
	rule(l, "R13", "二级（技师）的文化程度", pool_printf(m,
	    "须具有%s及以上文化程度；男性年满%d周岁、女性年满%d周岁的，"
	    "具有%s及以上文化程度即可。",
	    edu_names(r, e, ne, p->edu_l2_rank), p->edu_men_age,
	    p->edu_women_age, edu_names(r, e, ne, p->edu_l2_relaxed_rank)));
	rule(l, "R12", "一级（高级技师）", pool_printf(m, "现岗位等级为二级"
	    "（技师），且取得满%d年。", p->held_l1));
	rule(l, "R8", "一级（高级技师）的工作年限", pool_printf(m,
	    "除上一条外，工作年限还须满%d年。", p->years_l1));
}

/* R14-R21: work types, prohibited circumstances, the library, 破格. */
static void
rules_other(struct req *r, xmlNodePtr l, const struct elig_policy *p,
    const struct pub_wt *w, int nw)
{
	const struct pub_wt	*d = pub_wt_find(w, nw, p->driver);
	const char		*l1 = level1_names(r, p, w, nw);

	rule(l, "R14", "申报岗位工种", pool_printf(r->pool, "现岗位等级为未定级、"
	    "申报五级、按工作年限申报四级或三级、现岗位工种没有对应的新工种，或现岗位"
	    "工种为%s且不报考一级的，申报岗位工种不受限制；其他情况只能从现岗位工种"
	    "对应的新工种中选择（工种未合并的，即与现岗位工种相同）。",
	    d != NULL ? d->name : "汽车驾驶员"));
	rule(l, "R15", "同级别不同工种", "已取得某一等级、要申报同一等级的其他工种的，"
	    "须按岗位等级证书申报。");
	rule(l, "R16", "一级（高级技师）开考工种", l1 != NULL ?
	    pool_printf(r->pool, "一级（高级技师）只能报考本年度开考一级的工种：%s。",
	    l1) : "本年度没有开考一级（高级技师）的工种。");
	rule(l, "R17", "禁止申报情形", "存在禁止申报情形（如目前在处分期内、被立案"
	    "尚未结案等）的人员不能报名。");
	rule(l, "R18", "与合格库不符（等级取得时间）", "现岗位等级取得时间与往年"
	    "合格库信息不符的，系统会提示，请核对后确认再提交。");
	rule(l, "R19", "与合格库不符（工种）", "现岗位工种与往年合格库信息不符的，"
	    "系统会提示，确认后还须上传相关证明材料照片。");
	rule(l, "R20", "破格（一线）人员", "破格人员须由县区及以上工考办在“补报"
	    "（含破格）”中录入，录入后不受以上第1至16条的限制。");
	rule(l, "R21", "一级的工资审批表和考核材料", "申报一级的，最近工资审批表"
	    "和年度考核优秀材料由审核人员上传，不需申报人员上传。");
}

/* Appends <values> with every policy key, its label and value. */
static void
rules_values(struct req *r, const struct elig_policy *p)
{
	xmlNodePtr	 vs, v;
	size_t		 i;
	const char	*s;

	vs = xml_el(r->root, "values", NULL);
	for (i = 0; i < npolicy_keys; i++) {
		if (policy_keys[i].off == offsetof(struct elig_policy, driver))
			s = p->driver;
		else
			s = pool_printf(r->pool, "%d", *(const int *)(const void *)
			    ((const char *)p + policy_keys[i].off));
		v = xml_el(vs, "value", s);
		xml_attr(v, "key", policy_keys[i].key);
		xml_attr(v, "rule", policy_keys[i].rule);
		xml_attr(v, "label", policy_keys[i].label);
	}
}

/*
 * GET /help/policy: 政策说明.  Every sentence is written here from the
 * year's policy as policy_load() reads it for the submission, so the
 * page cannot say anything the rules of fcgi/eligibility.c do not
 * apply.  Without a current year: the defaults and the catalogue's
 * level-1 list, as policy_load() gives them.
 */
enum rc
h_help_rules(struct req *r)
{
	struct elig_policy	 p;
	struct pub_wt		*w;
	struct pub_edu		*e;
	xmlNodePtr		 l;
	int			 nw, ne;

	xml_page(r, PAGE_RULES);
	if (policy_load(r, r->year, &p) == -1)
		return RC_DB;
	if (r->year > 0)
		xml_attrf(r->root, "year", "%d", r->year);
	if ((nw = pub_worktypes(r, &w)) == -1 ||
	    (ne = pub_education(r, &e)) == -1)
		return RC_DB;
	l = xml_el(r->root, "rules", NULL);
	rules_basic(r, l, &p);
	rules_levels(r, l, &p, e, ne);
	rules_other(r, l, &p, w, nw);
	rules_values(r, &p);
	return RC_OK;
}
