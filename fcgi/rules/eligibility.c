/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* eligibility.c: the rules R1-R21 of SPEC.md §4, one pure function */

/*
 * The rules, as SPEC.md §4 states them (000 §3 notes 1-15, 001 §四).  Every
 * threshold is a member of struct elig_policy (policy.c: keys, defaults);
 * ages and spans are "report year - year of the date".
 *
 *  R1  age 18-65 (interpretation: the seed reads "8—65", a lost leading 1)
 *  R2  started work at age 18 or later (interpretation, same reason)
 *  R3  years of work <= report year - start year + 1
 *  R4  current work type required unless current level is 未定级
 *  R5  level 5: no condition on years
 *  R6  level 4 by years of work: years >= 10
 *  R7  level 3 by years of work: years >= 18
 *  R8  level 1: years >= 25 (interpretation: in addition to R12)
 *  R9  level 4 by certificate: current level 5 held >= 5 years
 *  R10 level 3 by certificate: current level 4 held >= 5 years
 *  R11 level 2 by certificate: current level 3 held >= 5 years
 *  R12 level 1: current level 2 held >= 5 years
 *  R13 level 2 by certificate: education >= 高中; for men aged >= 50 or
 *      women aged >= 45, >= 初中
 *  R14 target work type is free when any holds: current level 未定级;
 *      target level 5; level 4 by years; level 3 by years; the current
 *      work type has no new counterpart; current work type 汽车驾驶员 and
 *      target not level 1.  Otherwise it must be one of the new work types
 *      the current one maps to
 *  R15 same level, other work type: only by certificate
 *  R16 level 1 only for work types opened for level 1 this year
 *  R17 prohibited circumstances = yes: cannot submit
 *  R18 current level's year differs from the qualified library (合格库):
 *      warning, confirm to submit
 *  R19 current work type differs from the qualified library: warning,
 *      confirm, then upload proof
 *  R20 exceptional (破格) candidates entered by a county-or-higher office
 *      skip R1-R16
 *  R21 level 1: salary form and appraisal evidence are uploaded by the
 *      reviewer, not the candidate (not a check: the upload pages)
 *
 * How the rules are read where the seeds leave room:
 *
 *  - Level 2 has only the certificate route (the seeds list no other):
 *    asking for it by years of work is an R11 error on "route".
 *  - When the chosen route of level 4 or 3 fails, the other route is
 *    looked at too.  If it would pass, the message says to switch; if both
 *    fail on years, the message is the seed's 现岗位等级年限不满五年，且工作
 *    年限不满10或18年，不符合报名条件 (on the chosen route's rule and field).
 *  - R15: the same level as the current one in another work type is asked
 *    for by certificate; the certificate rules R9-R12 ("current level one
 *    below") and R14 do not apply to it, R8 still does.  Asking again for
 *    the level and work type already held is an R15 error as well.
 *  - R14: a current (not merged) work type's new counterpart is itself; a
 *    merged one's are app->cur_maps_to (水电工 -> 电工, 管道工); a
 *    cancelled one has none, so the target is free.
 *  - R18/R19 compare with the library's records of the current level: R18
 *    holds when one of them has the year given, R19 when one has the work
 *    type given.  Without any record for the candidate nothing is said.
 *  - The sentences quoting numbers quote SPEC's; they are used only when
 *    the year's policy has those numbers, otherwise a sentence saying the
 *    same without them.
 *
 * A rule whose inputs are not given (0, NULL, -1: see struct elig_app) is
 * skipped: the form handler reports missing fields itself.
 */

#include <stdlib.h>
#include <string.h>

#include "gkbm.h"

/* Messages written so far. */
struct out {
	struct elig_msg	*m;
	size_t		 max;
	size_t		 n;
	struct elig_policy def;		/* SPEC's numbers, for the sentences */
};

/* The seeds' own sentences. */
#define SEED_BOTH	"现岗位等级年限不满五年，且工作年限不满10或18年，不符合报名条件"
#define SEED_R18	"现岗位等级取得时间与合格库信息不符，是否确认报考"
#define SEED_R19	"现岗位工种与合格库信息不符，是否确认报考"

#define GEN_BOTH	"现岗位等级年限和工作年限均未达到本年度规定的要求，不符合报名" \
			"条件；请核对参加工作时间和现岗位等级取得年份。"

static void
add(struct out *o, const char *rule, const char *field, const char *text,
    int warning)
{
	if (o->n >= o->max)
		return;
	o->m[o->n].rule = rule;
	o->m[o->n].field = field;
	o->m[o->n].text = text;
	o->m[o->n].warning = warning;
	o->n++;
}

/* The sentence with SPEC's numbers if the policy has them, else generic. */
static const char *
say(int spec_numbers, const char *with_numbers, const char *generic)
{
	return spec_numbers ? with_numbers : generic;
}

/* Age in the report year (0 if the birth year is not given). */
static int
age(const struct elig_app *a)
{
	return a->birth_year > 0 ? a->year - a->birth_year : 0;
}

/*
 * Whether the current level is need, held for at least held years:
 * 1 yes, 0 the level is right but held too short, -1 another level,
 * -2 not known (level or year not given).
 */
static int
held_ok(const struct elig_app *a, int need, int held)
{
	if (a->cur_level < 0)
		return -2;
	if (a->cur_level != need)
		return -1;
	if (a->cur_level_year <= 0)
		return -2;
	return a->year - a->cur_level_year >= held;
}

/* Whether the years of work reach min: 1, 0, or -2 not given. */
static int
years_ok(const struct elig_app *a, int min)
{
	if (a->work_years < 0)
		return -2;
	return a->work_years >= min;
}

/* The route threshold of levels 4 and 3 (R6/R9, R7/R10). */
static int
years_for(const struct elig_policy *p, int level)
{
	return level == 4 ? p->years_l4 : p->years_l3;
}

static int
held_for(const struct elig_policy *p, int level)
{
	return level == 4 ? p->held_l4 : p->held_l3;
}

/* True when both route thresholds of levels 4 and 3 are SPEC's. */
static int
both_spec(const struct elig_policy *p, const struct out *o)
{
	return p->years_l4 == o->def.years_l4 &&
	    p->years_l3 == o->def.years_l3 &&
	    p->held_l4 == o->def.held_l4 && p->held_l3 == o->def.held_l3;
}

/* R1: age within [age_min, age_max]. */
static void
r1(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	if (a->birth_year <= 0 || (age(a) >= p->age_min &&
	    age(a) <= p->age_max))
		return;
	add(o, "R1", "birth", say(p->age_min == o->def.age_min &&
	    p->age_max == o->def.age_max,
	    "年龄不在18至65周岁之间（按报考年度减出生年份计算），不符合报名条件。",
	    "年龄不在本年度规定的报考年龄范围内（按报考年度减出生年份计算），"
	    "不符合报名条件。"), 0);
}

/* R2: started work at start_age_min or later. */
static void
r2(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	if (a->birth_year <= 0 || a->work_start_year <= 0 ||
	    a->work_start_year - a->birth_year >= p->start_age_min)
		return;
	add(o, "R2", "work_start", say(p->start_age_min ==
	    o->def.start_age_min,
	    "参加工作时须年满18周岁，请核对参加工作时间。",
	    "参加工作时的年龄低于本年度规定的最低年龄，请核对参加工作时间。"), 0);
}

/* R3: years of work at most report year - start year + 1. */
static void
r3(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	(void)p;
	if (a->work_years < 0 || a->work_start_year <= 0 ||
	    a->work_years <= a->year - a->work_start_year + 1)
		return;
	add(o, "R3", "work_years", "工作年限最多为报考年度减参加工作年份再加1，"
	    "只能往下修改；请改小工作年限或核对参加工作时间。", 0);
}

/* R4: a current work type unless the current level is 未定级. */
static void
r4(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	(void)p;
	if (a->cur_level <= 0 || (a->cur_worktype != NULL &&
	    *a->cur_worktype != '\0'))
		return;
	add(o, "R4", "cur_worktype", "现岗位等级不是“未定级”时，现岗位工种为"
	    "必填项，请选择现岗位工种。", 0);
}

/* R6, R7: levels 4 and 3 by years of work. */
static void
r6_r7(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	static const char *const plain[2][2] = {
		{ "按工作年限申报四级（中级工），工作年限须满10年，不符合报名条件；"
		  "请核对参加工作时间和工作年限。",
		  "按工作年限申报四级（中级工），工作年限未达到本年度规定的年限，"
		  "不符合报名条件；请核对参加工作时间和工作年限。" },
		{ "按工作年限申报三级（高级工），工作年限须满18年，不符合报名条件；"
		  "请核对参加工作时间和工作年限。",
		  "按工作年限申报三级（高级工），工作年限未达到本年度规定的年限，"
		  "不符合报名条件；请核对参加工作时间和工作年限。" },
	};
	static const char *const sw[2] = {
		"按工作年限申报四级（中级工）的工作年限不够；您的现岗位等级年限已"
		"满足要求，请改为按岗位等级证书申报。",
		"按工作年限申报三级（高级工）的工作年限不够；您的现岗位等级年限已"
		"满足要求，请改为按岗位等级证书申报。",
	};
	int	 t = a->target_level, i = t == 4 ? 0 : 1, c, spec;

	if ((t != 4 && t != 3) || a->route != ROUTE_YEARS ||
	    years_ok(a, years_for(p, t)) != 0)
		return;
	c = held_ok(a, t + 1, held_for(p, t));
	spec = t == 4 ? p->years_l4 == o->def.years_l4 :
	    p->years_l3 == o->def.years_l3;
	add(o, t == 4 ? "R6" : "R7", "work_years",
	    c == 1 ? sw[i] :
	    c == 0 ? say(both_spec(p, o), SEED_BOTH, GEN_BOTH) :
	    plain[i][spec ? 0 : 1], 0);
}

/* R8: level 1, years of work (in addition to R12). */
static void
r8(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	if (a->target_level != 1 || years_ok(a, p->years_l1) != 0)
		return;
	add(o, "R8", "work_years", say(p->years_l1 == o->def.years_l1,
	    "申报一级（高级技师），工作年限须满25年，不符合报名条件；请核对参加"
	    "工作时间和工作年限。",
	    "申报一级（高级技师），工作年限未达到本年度规定的年限，不符合报名"
	    "条件；请核对参加工作时间和工作年限。"), 0);
}

/* The message of a level held too short, the years route not helping. */
static const char *
held_short(int spec)
{
	return say(spec, "现岗位等级年限不满五年，不符合报名条件；请核对现岗位"
	    "等级取得年份。",
	    "现岗位等级取得年限未达到本年度规定的年限，不符合报名条件；请核对"
	    "现岗位等级取得年份。");
}

/* R9, R10: levels 4 and 3 by certificate (same level: R15). */
static void
r9_r10(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	static const char *const wrong[2] = {
		"按岗位等级证书申报四级（中级工），现岗位等级须为五级（初级工）；"
		"请核对现岗位等级，或改为按工作年限申报。",
		"按岗位等级证书申报三级（高级工），现岗位等级须为四级（中级工）；"
		"请核对现岗位等级，或改为按工作年限申报。",
	};
	int		 t = a->target_level, c, y, spec;
	const char	*rule = t == 4 ? "R9" : "R10";

	if ((t != 4 && t != 3) || a->route != ROUTE_CERT ||
	    a->cur_level == t)
		return;
	if ((c = held_ok(a, t + 1, held_for(p, t))) == -1) {
		add(o, rule, "cur_level", wrong[t == 4 ? 0 : 1], 0);
		return;
	}
	if (c != 0)
		return;
	spec = held_for(p, t) == held_for(&o->def, t);
	y = years_ok(a, years_for(p, t));
	add(o, rule, "cur_level_year",
	    y == 1 ? say(spec, "现岗位等级年限不满五年，不能按岗位等级证书申报；"
	    "您的工作年限已满足要求，请改为按工作年限申报。",
	    "现岗位等级取得年限未达到本年度规定的年限，不能按岗位等级证书申报；"
	    "您的工作年限已满足要求，请改为按工作年限申报。") :
	    y == 0 ? say(both_spec(p, o), SEED_BOTH, GEN_BOTH) :
	    held_short(spec), 0);
}

/* R11: level 2, only by certificate, current level 3 held long enough. */
static void
r11(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	int	 c;

	if (a->target_level != 2 || a->cur_level == 2)
		return;
	if (a->route == ROUTE_YEARS) {
		add(o, "R11", "route", "二级（技师）只能按岗位等级证书申报，请选择"
		    "“按岗位等级证书申报”。", 0);
		return;
	}
	if ((c = held_ok(a, 3, p->held_l2)) == -1)
		add(o, "R11", "cur_level", "申报二级（技师），现岗位等级须为三级"
		    "（高级工）；请核对现岗位等级。", 0);
	else if (c == 0)
		add(o, "R11", "cur_level_year",
		    held_short(p->held_l2 == o->def.held_l2), 0);
}

/* R12: level 1, current level 2 held long enough (same level: R15). */
static void
r12(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	int	 c;

	if (a->target_level != 1 || a->cur_level == 1)
		return;
	if ((c = held_ok(a, 2, p->held_l1)) == -1)
		add(o, "R12", "cur_level", "申报一级（高级技师），现岗位等级须为"
		    "二级（技师）；请核对现岗位等级。", 0);
	else if (c == 0)
		add(o, "R12", "cur_level_year",
		    held_short(p->held_l1 == o->def.held_l1), 0);
}

/* R13: level 2 by certificate, education by gender and age. */
static void
r13(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	int	 need = p->edu_l2_rank, spec;

	if (a->target_level != 2 || a->route == ROUTE_YEARS ||
	    a->edu_rank <= 0 || a->edu_rank >= need)
		return;
	/* Without age or gender only the relaxed rank can be held to. */
	if (a->birth_year <= 0 || (a->gender != 'M' && a->gender != 'F') ||
	    (a->gender == 'M' && age(a) >= p->edu_men_age) ||
	    (a->gender == 'F' && age(a) >= p->edu_women_age))
		need = p->edu_l2_relaxed_rank;
	if (a->edu_rank >= need)
		return;
	spec = p->edu_l2_rank == o->def.edu_l2_rank &&
	    p->edu_l2_relaxed_rank == o->def.edu_l2_relaxed_rank &&
	    p->edu_men_age == o->def.edu_men_age &&
	    p->edu_women_age == o->def.edu_women_age;
	add(o, "R13", "education", say(spec,
	    "申报二级（技师）须具有高中及以上文化程度（男性年满50周岁、女性年满"
	    "45周岁的须具有初中及以上文化程度），不符合报名条件；请核对文化程度。",
	    "文化程度未达到本年度申报二级（技师）的要求，不符合报名条件；请核对"
	    "文化程度。"), 0);
}

/* True if code is one of the n codes of list (NULL entries skipped). */
int
eligibility_in_list(const char *code, const char *const *list, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (list[i] != NULL && strcmp(list[i], code) == 0)
			return 1;
	return 0;
}

/*
 * R14: returns 1 when the target work type is free for a's current level,
 * target level, route, current work type, cur_is_old and ncur_maps_to
 * (the other members are not read), 0 when it must be the current type
 * (unless merged or cancelled) or one of a->cur_maps_to.  A current level
 * not given (-1) frees nothing here; eligibility_check does not judge
 * R14 without it.  The target lists of the form and of /lookup use this,
 * so that they offer what eligibility_check accepts.
 */
int
eligibility_r14_free(const struct elig_app *a, const struct elig_policy *p)
{
	const char	*cur = a->cur_worktype;
	int		 t = a->target_level;

	if (a->cur_level == t)
		return 1;	/* the same level (R15) */
	if (a->cur_level == 0 || t == 5 ||
	    ((t == 4 || t == 3) && a->route == ROUTE_YEARS))
		return 1;
	if (cur == NULL || *cur == '\0')
		return 1;	/* R4 */
	if (a->cur_is_old && a->ncur_maps_to == 0)
		return 1;	/* cancelled: no new counterpart */
	if (!a->cur_is_old && strcmp(cur, p->driver) == 0 && t != 1)
		return 1;	/* 汽车驾驶员, not level 1 */
	return 0;
}

/* R14: the target work type when the level is not free of it. */
static void
r14(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	const char	*cur = a->cur_worktype, *tgt = a->target_worktype;
	int		 t = a->target_level;

	if (a->cur_level < 0 || t < 1 || t > 5 || tgt == NULL ||
	    *tgt == '\0')
		return;		/* not given */
	if (eligibility_r14_free(a, p))
		return;
	if (a->cur_is_old ? eligibility_in_list(tgt, a->cur_maps_to,
	    a->ncur_maps_to) : (strcmp(tgt, cur) == 0 ||
	    eligibility_in_list(tgt, a->cur_maps_to, a->ncur_maps_to)))
		return;
	add(o, "R14", "target_worktype", a->cur_is_old ?
	    "申报岗位工种只能从现岗位工种对应的新工种中选择：现岗位工种已合并，"
	    "请选择合并后的新工种。" :
	    "申报岗位工种只能从现岗位工种对应的新工种中选择，即与现岗位工种相同；"
	    "申报五级，或按工作年限申报四级、三级时不受此限制。", 0);
}

/* R15: the same level in another work type, by certificate only. */
static void
r15(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	const char	*cur = a->cur_worktype, *tgt = a->target_worktype;

	(void)p;
	if (a->cur_level < 1 || a->target_level != a->cur_level ||
	    cur == NULL || *cur == '\0' || tgt == NULL || *tgt == '\0')
		return;
	if (strcmp(cur, tgt) == 0)
		add(o, "R15", "target_worktype", "您已取得该工种的该等级，不能重复"
		    "申报；请选择更高的申报岗位等级或其他申报岗位工种。", 0);
	else if (a->route == ROUTE_YEARS)
		add(o, "R15", "route", "同级别不同工种须按岗位等级证书申报，请选择"
		    "“按岗位等级证书申报”。", 0);
}

static int
eligibility_code_cmp(const void *k, const void *e)
{
	return strcmp(k, *(const char *const *)e);
}

/* R16: level 1 only in the work types open for it this year. */
static void
r16(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	const char	*tgt = a->target_worktype;

	if (a->target_level != 1 || tgt == NULL || *tgt == '\0')
		return;
	if (p->level1_open != NULL && p->nlevel1_open > 0 &&
	    bsearch(tgt, p->level1_open, p->nlevel1_open, sizeof(char *),
	    eligibility_code_cmp) != NULL)
		return;
	add(o, "R16", "target_worktype", "该工种本年度未开考一级（高级技师），"
	    "请选择本年度开考一级的工种。", 0);
}

/* R17: prohibited circumstances answered yes. */
static void
r17(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	(void)p;
	if (a->prohibited != 1)
		return;
	add(o, "R17", "prohibited", "存在禁止申报情形（如目前在处分期内、被立案"
	    "尚未结案等）的人员不能提交报名。", 0);
}

/* R18, R19: the current level's year and work type against the library. */
static void
r18_r19(const struct elig_app *a, const struct elig_policy *p, struct out *o)
{
	const char	*cur = a->cur_worktype;
	size_t		 i;
	int		 year_ok = 0, type_ok = 0;

	(void)p;
	if (a->cur_level < 1 || a->quals == NULL || a->nquals == 0)
		return;
	for (i = 0; i < a->nquals; i++) {
		if (a->quals[i].level != a->cur_level)
			continue;
		if (a->quals[i].year == a->cur_level_year)
			year_ok = 1;
		if (cur != NULL && a->quals[i].worktype != NULL &&
		    strcmp(a->quals[i].worktype, cur) == 0)
			type_ok = 1;
	}
	if (a->cur_level_year > 0 && !year_ok && !a->confirm_r18)
		add(o, "R18", "cur_level_year", SEED_R18, 1);
	if (cur != NULL && *cur != '\0' && !type_ok && !a->confirm_r19)
		add(o, "R19", "cur_worktype", SEED_R19, 1);
}

/*
 * The rules in order.  Those marked r20 are skipped for an exceptional
 * candidate (R20); R5 has no condition and R21 is not a check.
 */
static const struct {
	void	(*fn)(const struct elig_app *, const struct elig_policy *,
		    struct out *);
	int	 r20;
} rules[] = {
	{ r1, 1 }, { r2, 1 }, { r3, 1 }, { r4, 1 }, { r6_r7, 1 }, { r8, 1 },
	{ r9_r10, 1 }, { r11, 1 }, { r12, 1 }, { r13, 1 }, { r14, 1 },
	{ r15, 1 }, { r16, 1 }, { r17, 0 }, { r18_r19, 0 },
};

/*
 * Checks application a against the year's policy p and writes its errors
 * and warnings (rule order) to out, at most max.  Returns the number
 * written.  The texts are static; nothing is allocated.  p->level1_open
 * must be sorted by strcmp.
 */
size_t
eligibility_check(const struct elig_app *a, const struct elig_policy *p,
    struct elig_msg *out, size_t max)
{
	struct out	 o;
	size_t		 i;

	o.m = out;
	o.max = max;
	o.n = 0;
	policy_defaults(&o.def);
	for (i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
		if (!(a->exceptional && rules[i].r20))
			rules[i].fn(a, p, &o);
	return o.n;
}
