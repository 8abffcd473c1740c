/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/policy.c: the policy keys, their defaults and policy_set() */

#include <stddef.h>
#include <string.h>

#include "gkbm.h"
#include "tap.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* SPEC.md §4's numbers, member by member. */
static const struct {
	const char	*key;
	size_t		 off;
	int		 want;
} spec[] = {
	{ "age_min",		offsetof(struct elig_policy, age_min),		18 },
	{ "age_max",		offsetof(struct elig_policy, age_max),		65 },
	{ "start_age_min",	offsetof(struct elig_policy, start_age_min),	18 },
	{ "years_l4",		offsetof(struct elig_policy, years_l4),		10 },
	{ "years_l3",		offsetof(struct elig_policy, years_l3),		18 },
	{ "years_l1",		offsetof(struct elig_policy, years_l1),		25 },
	{ "held_l4",		offsetof(struct elig_policy, held_l4),		5 },
	{ "held_l3",		offsetof(struct elig_policy, held_l3),		5 },
	{ "held_l2",		offsetof(struct elig_policy, held_l2),		5 },
	{ "held_l1",		offsetof(struct elig_policy, held_l1),		5 },
	{ "edu_l2_rank",	offsetof(struct elig_policy, edu_l2_rank),	3 },
	{ "edu_l2_relaxed_rank", offsetof(struct elig_policy, edu_l2_relaxed_rank), 2 },
	{ "edu_men_age",	offsetof(struct elig_policy, edu_men_age),	50 },
	{ "edu_women_age",	offsetof(struct elig_policy, edu_women_age),	45 },
	{ "recheck_days",	offsetof(struct elig_policy, recheck_days),	7 },
};

static const char *const msg_unknown = "未知的政策项。";
static const char *const msg_empty = "请填写此项。";
static const char *const msg_nan = "请填写整数（阿拉伯数字，如10）。";
static const char *const msg_neg = "不能为负数，请填写允许范围内的整数。";
static const char *const msg_range = "数值超出允许范围，请填写允许范围内的整数。";
static const char *const msg_code = "工种代码应为1至8位大写字母或数字，如W030。";

/* Bad values for a number key and the message each gets. */
static const struct {
	const char	*v;
	const char	*const *msg;
} bad_num[] = {
	{ "", &msg_empty },
	{ "abc", &msg_nan },
	{ "10a", &msg_nan },
	{ "1.5", &msg_nan },
	{ " 10", &msg_nan },
	{ "+10", &msg_nan },
	{ "十", &msg_nan },
	{ "-", &msg_nan },
	{ "0x10", &msg_nan },
	{ "-1", &msg_neg },
	{ "-0", &msg_neg },
	{ "9999999999999999999999", &msg_range },
};

static const struct {
	const char	*v;
	int		 good;
} codes[] = {
	{ "W031", 1 },
	{ "A", 1 },
	{ "ABCDEFGH", 1 },
	{ "12345678", 1 },
	{ "", 0 },
	{ "ABCDEFGHI", 0 },
	{ "w030", 0 },
	{ "W 30", 0 },
	{ "W-30", 0 },
	{ "汽车", 0 },
	{ "W030'", 0 },
};

static int
member(const struct elig_policy *p, size_t off)
{
	return *(const int *)(const void *)((const char *)p + off);
}

int
main(void)
{
	struct elig_policy	 p, q;
	const struct policy_key	*k;
	const char		*m;
	char			 buf[16];
	size_t			 i, j;
	int			 found;

	plan_lazy();

	/* Defaults. */
	policy_defaults(&p);
	for (i = 0; i < NELEM(spec); i++)
		is_int(member(&p, spec[i].off), spec[i].want, "default %s",
		    spec[i].key);
	is_string(p.driver, "W030", "default driver_worktype: 汽车驾驶员");
	ok(p.level1_open == NULL && p.nlevel1_open == 0,
	    "defaults: empty level-1 list");
	is_int(npolicy_keys, NELEM(spec) + 1, "one key per threshold and "
	    "the driver code");

	/* Every key: a label, a rule, its default within its range. */
	for (i = 0; i < npolicy_keys; i++) {
		k = &policy_keys[i];
		ok(k->label != NULL && strlen(k->label) > 3, "%s has a label",
		    k->key);
		ok(k->rule != NULL && k->rule[0] == 'R', "%s has a rule (%s)",
		    k->key, k->rule ? k->rule : "none");
		ok(k->min <= k->max, "%s: min <= max", k->key);
		found = strcmp(k->key, "driver_worktype") == 0;
		for (j = 0; j < NELEM(spec); j++)
			if (strcmp(spec[j].key, k->key) == 0 &&
			    spec[j].off == k->off)
				found = 1;
		ok(found, "%s names the member it sets", k->key);
		for (j = 0; j < i; j++)
			if (strcmp(policy_keys[j].key, k->key) == 0)
				break;
		ok(j == i, "%s is listed once", k->key);
	}

	/* Setting each number key: its range ends, one past them, bad text. */
	for (i = 0; i < npolicy_keys; i++) {
		k = &policy_keys[i];
		if (strcmp(k->key, "driver_worktype") == 0)
			continue;
		policy_defaults(&p);
		snprintf(buf, sizeof(buf), "%d", k->min);
		ok(policy_set(&p, k->key, buf) == NULL &&
		    member(&p, k->off) == k->min, "%s = %s (min)", k->key, buf);
		snprintf(buf, sizeof(buf), "%d", k->max);
		ok(policy_set(&p, k->key, buf) == NULL &&
		    member(&p, k->off) == k->max, "%s = %s (max)", k->key, buf);
		snprintf(buf, sizeof(buf), "0%d", k->max);
		ok(policy_set(&p, k->key, buf) == NULL &&
		    member(&p, k->off) == k->max, "%s = %s (leading zero)",
		    k->key, buf);
		q = p;
		snprintf(buf, sizeof(buf), "%d", k->max + 1);
		is_string(policy_set(&p, k->key, buf), msg_range,
		    "%s = %s (max + 1) refused", k->key, buf);
		if (k->min > 0) {
			snprintf(buf, sizeof(buf), "%d", k->min - 1);
			is_string(policy_set(&p, k->key, buf), msg_range,
			    "%s = %s (min - 1) refused", k->key, buf);
		}
		for (j = 0; j < NELEM(bad_num); j++)
			is_string(policy_set(&p, k->key, bad_num[j].v),
			    *bad_num[j].msg, "%s = '%s' refused", k->key,
			    bad_num[j].v);
		ok(memcmp(&p, &q, sizeof(p)) == 0,
		    "%s: refused values change nothing", k->key);
	}

	/* The one string key. */
	for (i = 0; i < NELEM(codes); i++) {
		policy_defaults(&p);
		m = policy_set(&p, "driver_worktype", codes[i].v);
		if (codes[i].good)
			ok(m == NULL && strcmp(p.driver, codes[i].v) == 0,
			    "driver_worktype = '%s'", codes[i].v);
		else
			ok(m != NULL && (strcmp(m, msg_code) == 0 ||
			    strcmp(m, msg_empty) == 0) &&
			    strcmp(p.driver, "W030") == 0,
			    "driver_worktype = '%s' refused, unchanged",
			    codes[i].v);
	}

	/* Unknown keys. */
	policy_defaults(&p);
	q = p;
	is_string(policy_set(&p, "age", "18"), msg_unknown, "key 'age'");
	is_string(policy_set(&p, "", "18"), msg_unknown, "key ''");
	is_string(policy_set(&p, NULL, "18"), msg_unknown, "key NULL");
	is_string(policy_set(&p, "AGE_MIN", "18"), msg_unknown,
	    "keys are case-sensitive");
	is_string(policy_set(&p, "age_min", NULL), msg_empty, "value NULL");
	ok(memcmp(&p, &q, sizeof(p)) == 0, "unknown keys change nothing");
	return 0;
}
