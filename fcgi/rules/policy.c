/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* policy.c: the keys of the yearly policy, their labels and defaults */

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "gkbm.h"

#define D_DRIVER	"W030"	/* 汽车驾驶员 in data/worktypes.tsv */
#define MAX_DIGITS	6	/* enough for any range below */

#define OFF(m)		offsetof(struct elig_policy, m)

/*
 * Every threshold of the rules of SPEC.md §4, one row per int member of
 * struct elig_policy, plus the work-type code of 汽车驾驶员 (R14), the only
 * string: its min and max are the code's length.  The defaults are the
 * numbers of SPEC.md §4 (and the seeds 000 §3 notes 1-15).  The policy
 * table stores a row per key and year (schema/0002-application.sql); a key
 * without a row has its default.  Education ranks are education.rank of
 * data/education.tsv: 1 小学, 2 初中, 3 高中/中专/技校, 4 大专, 5 本科,
 * 6 研究生.
 */
const struct policy_key policy_keys[] = {
	{ "age_min", "报考最低年龄（周岁）", "R1", 16, 30, OFF(age_min), "18" },
	{ "age_max", "报考最高年龄（周岁）", "R1", 40, 70, OFF(age_max), "65" },
	{ "start_age_min", "参加工作时的最低年龄（周岁）", "R2", 14, 25,
	    OFF(start_age_min), "18" },
	{ "years_l4", "四级（中级工）按工作年限申报：工作年限不少于（年）",
	    "R6", 0, 45, OFF(years_l4), "10" },
	{ "years_l3", "三级（高级工）按工作年限申报：工作年限不少于（年）",
	    "R7", 0, 45, OFF(years_l3), "18" },
	{ "years_l1", "一级（高级技师）：工作年限不少于（年）", "R8", 0, 45,
	    OFF(years_l1), "25" },
	{ "held_l4", "四级（中级工）按岗位等级证书申报：现等级（五级）取得年限不少于（年）",
	    "R9", 0, 20, OFF(held_l4), "5" },
	{ "held_l3", "三级（高级工）按岗位等级证书申报：现等级（四级）取得年限不少于（年）",
	    "R10", 0, 20, OFF(held_l3), "5" },
	{ "held_l2", "二级（技师）按岗位等级证书申报：现等级（三级）取得年限不少于（年）",
	    "R11", 0, 20, OFF(held_l2), "5" },
	{ "held_l1", "一级（高级技师）：现等级（二级）取得年限不少于（年）",
	    "R12", 0, 20, OFF(held_l1), "5" },
	{ "edu_l2_rank", "二级（技师）最低文化程度（1小学 2初中 3高中/中专/技校 "
	    "4大专 5本科 6研究生）", "R13", 1, 6, OFF(edu_l2_rank), "3" },
	{ "edu_l2_relaxed_rank", "二级（技师）年龄较大者的最低文化程度（同上）",
	    "R13", 1, 6, OFF(edu_l2_relaxed_rank), "2" },
	{ "edu_men_age", "男性年满（周岁）适用较低文化程度要求", "R13", 30, 70,
	    OFF(edu_men_age), "50" },
	{ "edu_women_age", "女性年满（周岁）适用较低文化程度要求", "R13", 30, 70,
	    OFF(edu_women_age), "45" },
	{ "driver_worktype", "汽车驾驶员的工种代码（非报考一级时申报工种不受限制）",
	    "R14", 1, 8, OFF(driver), D_DRIVER },
	/* Not an eligibility rule: 考核结果复核 (issue 10 §5), numbered on. */
	{ "recheck_days", "考核结果公布后可申请复核的天数", "R22", 1, 60,
	    OFF(recheck_days), "7" },
};
const size_t npolicy_keys = sizeof(policy_keys) / sizeof(policy_keys[0]);

/* The row of key, or NULL. */
static const struct policy_key *
policy_find(const char *key)
{
	size_t	 i;

	for (i = 0; i < npolicy_keys; i++)
		if (strcmp(policy_keys[i].key, key) == 0)
			return &policy_keys[i];
	return NULL;
}

/* True for the one string key (the driver's work-type code). */
static int
policy_is_code(const struct policy_key *k)
{
	return k->off == OFF(driver);
}

/*
 * Fills pol with the defaults of every key and an empty level-1 list
 * (policy_load() in h_policy.c adds the year's rows and list).
 */
void
policy_defaults(struct elig_policy *pol)
{
	size_t	 i;

	memset(pol, 0, sizeof(*pol));
	for (i = 0; i < npolicy_keys; i++)
		if (policy_set(pol, policy_keys[i].key,
		    policy_keys[i].def) != NULL)
			abort();	/* a default out of its own range */
}

/*
 * Sets key to value (text as typed or stored) in pol.  Returns NULL, or
 * a Chinese message saying what is wrong (pol is then unchanged): an
 * unknown key, a value that is not a whole number, one outside the key's
 * range, or a driver code that is not 1-8 capital letters and digits.
 * The caller may add the range (policy_keys[].min, max) to the message.
 */
const char *
policy_set(struct elig_policy *pol, const char *key, const char *value)
{
	const struct policy_key	*k;
	const char		*s = value;
	size_t			 len;
	long			 v;
	int			 neg = 0;

	if (key == NULL || (k = policy_find(key)) == NULL)
		return "未知的政策项。";
	if (value == NULL || *value == '\0')
		return "请填写此项。";
	len = strlen(value);
	if (policy_is_code(k)) {
		if (len < (size_t)k->min || len > (size_t)k->max ||
		    strspn(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") != len)
			return "工种代码应为1至8位大写字母或数字，如W030。";
		memcpy(pol->driver, value, len + 1);
		return NULL;
	}
	if (*s == '-') {
		neg = 1;
		s++;
	}
	len = strlen(s);
	if (len == 0 || strspn(s, "0123456789") != len)
		return "请填写整数（阿拉伯数字，如10）。";
	if (neg)
		return "不能为负数，请填写允许范围内的整数。";
	if (len > MAX_DIGITS)
		return "数值超出允许范围，请填写允许范围内的整数。";
	v = strtol(s, NULL, 10);
	if (v < k->min || v > k->max)
		return "数值超出允许范围，请填写允许范围内的整数。";
	*(int *)(void *)((char *)pol + k->off) = (int)v;
	return NULL;
}
