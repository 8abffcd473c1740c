/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/eligibility.c: the rules R1-R21 at and around every boundary */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gkbm.h"
#include "tap.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define MAX_MSG		32

/*
 * Each case is the base application below with some members changed:
 * a later designated initializer overrides an earlier one (C99 6.7.8),
 * which is the point here, so the warning about it is off.
 */
#pragma GCC diagnostic ignored "-Woverride-init"

/*
 * The base: a man born 1980 (46 in 2026), at work since 2000 (20 of at
 * most 27 years), 五级 电工 (W019) since 2015, asking for 四级 电工 by
 * certificate with 高中 (rank 3).  It passes every rule.
 */
#define BASE	.year = 2026, .gender = 'M', .birth_year = 1980, \
		.work_start_year = 2000, .work_years = 20, .cur_level = 5, \
		.cur_worktype = "W019", .cur_level_year = 2015, \
		.target_worktype = "W019", .target_level = 4, \
		.route = ROUTE_CERT, .edu_rank = 3, .prohibited = 0, \
		.exceptional = 0, .cur_maps_to = NULL, .ncur_maps_to = 0, \
		.cur_is_old = 0, .quals = NULL, .nquals = 0, \
		.confirm_r18 = 0, .confirm_r19 = 0
#define APP(...)	{ BASE, __VA_ARGS__ }
/* No birth, start or years: for the cases about one thing only. */
#define BARE	.work_start_year = 0, .work_years = -1

/* The policies of the cases. */
enum pol {
	P_DEF,		/* SPEC's numbers, level 1 open: W001 W019 W030 W035 */
	P_L4_8,		/* years_l4 = 8 */
	P_MEN48,	/* edu_men_age = 48 */
	P_DRIVER,	/* driver_worktype = W031 */
	P_L1_NONE,	/* no work type open for level 1 */
	P_L1_W023,	/* only 管道工 open for level 1 */
	P__MAX
};

static const char *const open_def[] = { "W001", "W019", "W030", "W035" };
static const char *const open_w023[] = { "W023" };

/* 水电工 (W906) was merged into 电工 (W019) and 管道工 (W023). */
static const char *const map_w906[] = { "W019", "W023" };
#define MERGED	.cur_worktype = "W906", .cur_is_old = 1, \
		.cur_maps_to = map_w906, .ncur_maps_to = 2
/* 晒图工 (W909) was cancelled: no counterpart. */
#define CANCELLED .cur_worktype = "W909", .cur_is_old = 1

static const struct elig_qual q_same[] = { { "W019", 5, 2015 } };
static const struct elig_qual q_year[] = { { "W019", 5, 2014 } };
static const struct elig_qual q_type[] = { { "W023", 5, 2015 } };
static const struct elig_qual q_both[] = { { "W023", 5, 2014 } };
static const struct elig_qual q_multi_ok[] = {
	{ "W019", 4, 2020 }, { "W019", 5, 2015 }, { "W023", 5, 2010 } };
static const struct elig_qual q_multi_type[] = {
	{ "W019", 4, 2015 }, { "W023", 5, 2015 } };
static const struct elig_qual q_other_level[] = { { "W019", 3, 2015 } };
#define QUALS(q)	.quals = q, .nquals = NELEM(q)

static const struct {
	const char	*name;
	enum pol	 pol;
	struct elig_app	 a;
	const char	*want;		/* "R1:birth R6:work_years", "" */
} cases[] = {
	{ "base: 四级 电工 by certificate", P_DEF, APP(), "" },

	/* R1: age 18-65 */
	{ "R1 age 17", P_DEF, APP(BARE, .birth_year = 2009, .target_level = 5,
	    .cur_level = 0, .cur_worktype = NULL), "R1:birth" },
	{ "R1 age 18", P_DEF, APP(BARE, .birth_year = 2008, .target_level = 5,
	    .cur_level = 0, .cur_worktype = NULL), "" },
	{ "R1 age 65", P_DEF, APP(BARE, .birth_year = 1961), "" },
	{ "R1 age 66", P_DEF, APP(BARE, .birth_year = 1960), "R1:birth" },
	{ "R1 age 0 (born in the report year)", P_DEF,
	    APP(BARE, .birth_year = 2026), "R1:birth" },
	{ "R1 birth not given", P_DEF, APP(BARE, .birth_year = 0), "" },

	/* R2: started work at 18 or later */
	{ "R2 started at 17", P_DEF, APP(.work_start_year = 1997), "R2:work_start" },
	{ "R2 started at 18", P_DEF, APP(.work_start_year = 1998), "" },
	{ "R2 started before birth", P_DEF, APP(.work_start_year = 1975),
	    "R2:work_start" },
	{ "R2 start not given", P_DEF, APP(.work_start_year = 0), "" },

	/* R3: years <= report year - start year + 1 */
	{ "R3 years 27 of 27", P_DEF, APP(.work_years = 27), "" },
	{ "R3 years 28 of 27", P_DEF, APP(.work_years = 28), "R3:work_years" },
	{ "R3 years 0", P_DEF, APP(.work_years = 0), "" },
	{ "R3 years not given", P_DEF, APP(.work_years = -1), "" },

	/* R4: a current work type unless 未定级 */
	{ "R4 五级 without work type", P_DEF, APP(.cur_worktype = NULL),
	    "R4:cur_worktype" },
	{ "R4 五级 with empty work type", P_DEF, APP(.cur_worktype = ""),
	    "R4:cur_worktype" },
	{ "R4 未定级 without work type", P_DEF, APP(.cur_level = 0,
	    .cur_worktype = NULL, .target_level = 5, .route = ROUTE_NONE), "" },
	{ "R4 未定级 to 四级 by years", P_DEF, APP(.cur_level = 0,
	    .cur_worktype = NULL, .route = ROUTE_YEARS), "" },

	/* R5: level 5, no condition on years */
	{ "R5 五级 with 0 years", P_DEF, APP(.cur_level = 0,
	    .cur_worktype = NULL, .target_level = 5, .route = ROUTE_NONE,
	    .work_years = 0, .work_start_year = 2026, .birth_year = 2000), "" },

	/* R6: level 4 by years >= 10 */
	{ "R6 years 9, 未定级", P_DEF, APP(.route = ROUTE_YEARS, .cur_level = 0,
	    .cur_worktype = NULL, .work_years = 9), "R6:work_years" },
	{ "R6 years 10", P_DEF, APP(.route = ROUTE_YEARS, .cur_level = 0,
	    .cur_worktype = NULL, .work_years = 10), "" },
	{ "R6 years 9, but 五级 held 11: switch", P_DEF,
	    APP(.route = ROUTE_YEARS, .work_years = 9), "R6:work_years" },
	{ "R6 years 9, 五级 held 4: both", P_DEF, APP(.route = ROUTE_YEARS,
	    .work_years = 9, .cur_level_year = 2022), "R6:work_years" },
	{ "R6 years 9 with years_l4 = 8", P_L4_8, APP(.route = ROUTE_YEARS,
	    .cur_level = 0, .cur_worktype = NULL, .work_years = 9), "" },
	{ "R6 years 8 with years_l4 = 8", P_L4_8, APP(.route = ROUTE_YEARS,
	    .cur_level = 0, .cur_worktype = NULL, .work_years = 8), "" },
	{ "R6 years 7 with years_l4 = 8", P_L4_8, APP(.route = ROUTE_YEARS,
	    .cur_level = 0, .cur_worktype = NULL, .work_years = 7),
	    "R6:work_years" },
	{ "R6 years not given", P_DEF, APP(.route = ROUTE_YEARS,
	    .work_years = -1), "" },

	/* R7: level 3 by years >= 18 */
	{ "R7 years 17", P_DEF, APP(.route = ROUTE_YEARS, .target_level = 3,
	    .cur_level = 0, .cur_worktype = NULL, .work_years = 17),
	    "R7:work_years" },
	{ "R7 years 18", P_DEF, APP(.route = ROUTE_YEARS, .target_level = 3,
	    .cur_level = 0, .cur_worktype = NULL, .work_years = 18), "" },
	{ "R7 years 17, 四级 held 4: both", P_DEF, APP(.route = ROUTE_YEARS,
	    .target_level = 3, .cur_level = 4, .cur_level_year = 2022,
	    .work_years = 17), "R7:work_years" },

	/* R8: level 1, years >= 25 (and R12) */
	{ "R8 years 24", P_DEF, APP(.target_level = 1, .route = ROUTE_NONE,
	    .cur_level = 2, .cur_level_year = 2021, .work_years = 24,
	    .work_start_year = 1999), "R8:work_years" },
	{ "R8 years 25", P_DEF, APP(.target_level = 1, .route = ROUTE_NONE,
	    .cur_level = 2, .cur_level_year = 2021, .work_years = 25,
	    .work_start_year = 1999), "" },

	/* R9: level 4 by certificate, 五级 held >= 5 */
	{ "R9 held 4, years 20", P_DEF, APP(.cur_level_year = 2022),
	    "R9:cur_level_year" },
	{ "R9 held 5", P_DEF, APP(.cur_level_year = 2021), "" },
	{ "R9 held 4, years 9: both", P_DEF, APP(.cur_level_year = 2022,
	    .work_years = 9), "R9:cur_level_year" },
	{ "R9 held 4, years not given", P_DEF, APP(.cur_level_year = 2022,
	    .work_years = -1), "R9:cur_level_year" },
	{ "R9 current 三级", P_DEF, APP(.cur_level = 3), "R9:cur_level" },
	{ "R9 current 未定级", P_DEF, APP(.cur_level = 0, .cur_worktype = NULL),
	    "R9:cur_level" },
	{ "R9 year not given", P_DEF, APP(.cur_level_year = 0), "" },

	/* R10: level 3 by certificate, 四级 held >= 5 */
	{ "R10 held 4", P_DEF, APP(.target_level = 3, .cur_level = 4,
	    .cur_level_year = 2022), "R10:cur_level_year" },
	{ "R10 held 5", P_DEF, APP(.target_level = 3, .cur_level = 4,
	    .cur_level_year = 2021), "" },
	{ "R10 current 五级", P_DEF, APP(.target_level = 3), "R10:cur_level" },

	/* R11: level 2 by certificate, 三级 held >= 5 */
	{ "R11 held 4", P_DEF, APP(.target_level = 2, .cur_level = 3,
	    .cur_level_year = 2022), "R11:cur_level_year" },
	{ "R11 held 5", P_DEF, APP(.target_level = 2, .cur_level = 3,
	    .cur_level_year = 2021), "" },
	{ "R11 current 四级", P_DEF, APP(.target_level = 2, .cur_level = 4),
	    "R11:cur_level" },
	{ "R11 by years", P_DEF, APP(.target_level = 2, .cur_level = 3,
	    .route = ROUTE_YEARS), "R11:route" },

	/* R12: level 1, 二级 held >= 5 */
	{ "R12 held 4", P_DEF, APP(.target_level = 1, .route = ROUTE_NONE,
	    .cur_level = 2, .cur_level_year = 2022, .work_years = 27),
	    "R12:cur_level_year" },
	{ "R12 held 5", P_DEF, APP(.target_level = 1, .route = ROUTE_NONE,
	    .cur_level = 2, .cur_level_year = 2021, .work_years = 27), "" },
	{ "R12 current 三级", P_DEF, APP(.target_level = 1, .route = ROUTE_NONE,
	    .cur_level = 3, .work_years = 27), "R12:cur_level" },
	{ "R8 and R12 together", P_DEF, APP(.target_level = 1,
	    .route = ROUTE_NONE, .cur_level = 2, .cur_level_year = 2022,
	    .work_years = 20), "R8:work_years R12:cur_level_year" },

	/* R13: level 2, 高中; men >= 50, women >= 45: 初中 */
#define L2	.target_level = 2, .cur_level = 3, .cur_level_year = 2016
	{ "R13 man 49 初中", P_DEF, APP(L2, .birth_year = 1977, .edu_rank = 2),
	    "R13:education" },
	{ "R13 man 50 初中", P_DEF, APP(L2, .birth_year = 1976, .edu_rank = 2),
	    "" },
	{ "R13 man 50 小学", P_DEF, APP(L2, .birth_year = 1976, .edu_rank = 1),
	    "R13:education" },
	{ "R13 woman 44 初中", P_DEF, APP(L2, .gender = 'F',
	    .birth_year = 1982, .edu_rank = 2), "R13:education" },
	{ "R13 woman 45 初中", P_DEF, APP(L2, .gender = 'F',
	    .birth_year = 1981, .edu_rank = 2), "" },
	{ "R13 woman 44 高中", P_DEF, APP(L2, .gender = 'F',
	    .birth_year = 1982, .edu_rank = 3), "" },
	{ "R13 man 49 大专", P_DEF, APP(L2, .birth_year = 1977, .edu_rank = 4),
	    "" },
	{ "R13 man 46 高中 (rank 3)", P_DEF, APP(L2, .edu_rank = 3), "" },
	{ "R13 man 49 初中 with edu_men_age = 48", P_MEN48, APP(L2,
	    .birth_year = 1977, .edu_rank = 2), "" },
	{ "R13 man 47 初中 with edu_men_age = 48", P_MEN48, APP(L2,
	    .birth_year = 1979, .edu_rank = 2), "R13:education" },
	{ "R13 education not given", P_DEF, APP(L2, .edu_rank = 0), "" },
	{ "R13 not for level 3", P_DEF, APP(.target_level = 3, .cur_level = 4,
	    .edu_rank = 1), "" },

	/* R14: the target work type */
	{ "R14 free: 未定级", P_DEF, APP(.cur_level = 0, .cur_worktype = NULL,
	    .target_level = 3, .route = ROUTE_YEARS, .target_worktype = "W023"),
	    "" },
	{ "R14 free: target 五级", P_DEF, APP(.cur_level = 4,
	    .target_level = 5, .route = ROUTE_NONE, .target_worktype = "W023"),
	    "" },
	{ "R14 free: 四级 by years", P_DEF, APP(.route = ROUTE_YEARS,
	    .target_worktype = "W023"), "" },
	{ "R14 free: 三级 by years", P_DEF, APP(.target_level = 3,
	    .cur_level = 4, .route = ROUTE_YEARS, .target_worktype = "W023"), "" },
	{ "R14 四级 by certificate, other type", P_DEF,
	    APP(.target_worktype = "W023"), "R14:target_worktype" },
	{ "R14 三级 by certificate, other type", P_DEF, APP(.target_level = 3,
	    .cur_level = 4, .target_worktype = "W023"), "R14:target_worktype" },
	{ "R14 二级, other type", P_DEF, APP(L2, .target_worktype = "W023"),
	    "R14:target_worktype" },
	{ "R14 merged 水电工 to 电工", P_DEF, APP(MERGED, .target_level = 3,
	    .cur_level = 4, .target_worktype = "W019"), "" },
	{ "R14 merged 水电工 to 管道工", P_DEF, APP(MERGED, .target_level = 3,
	    .cur_level = 4, .target_worktype = "W023"), "" },
	{ "R14 merged 水电工 to 汽车驾驶员", P_DEF, APP(MERGED,
	    .target_level = 3, .cur_level = 4, .target_worktype = "W030"),
	    "R14:target_worktype" },
	{ "R14 merged 水电工 to itself", P_DEF, APP(MERGED, .target_level = 3,
	    .cur_level = 4, .target_worktype = "W906"), "R14:target_worktype" },
	{ "R14 merged 水电工 by years: free", P_DEF, APP(MERGED,
	    .target_level = 3, .cur_level = 4, .route = ROUTE_YEARS,
	    .target_worktype = "W030"), "" },
	{ "R14 cancelled 晒图工: free", P_DEF, APP(CANCELLED,
	    .target_level = 3, .cur_level = 4, .target_worktype = "W001"), "" },
	{ "R14 汽车驾驶员 to 二级 other type: free", P_DEF, APP(L2,
	    .cur_worktype = "W030", .target_worktype = "W001"), "" },
	{ "R14 汽车驾驶员 to 四级 other type: free", P_DEF,
	    APP(.cur_worktype = "W030", .target_worktype = "W001"), "" },
	{ "R14 汽车驾驶员 to 一级 other type", P_DEF, APP(.target_level = 1,
	    .route = ROUTE_NONE, .cur_level = 2, .cur_level_year = 2020,
	    .work_years = 27, .cur_worktype = "W030", .target_worktype = "W001"),
	    "R14:target_worktype" },
	{ "R14 汽车驾驶员 to 一级 汽车驾驶员", P_DEF, APP(.target_level = 1,
	    .route = ROUTE_NONE, .cur_level = 2, .cur_level_year = 2020,
	    .work_years = 27, .cur_worktype = "W030", .target_worktype = "W030"),
	    "" },
	{ "R14 driver code moved to W031", P_DRIVER, APP(L2,
	    .cur_worktype = "W030", .target_worktype = "W001"),
	    "R14:target_worktype" },

	/* R15: same level, other work type, by certificate only */
	{ "R15 四级 to 四级 other type by certificate", P_DEF,
	    APP(.cur_level = 4, .target_worktype = "W023"), "" },
	{ "R15 四级 to 四级 other type by years", P_DEF, APP(.cur_level = 4,
	    .route = ROUTE_YEARS, .target_worktype = "W023"), "R15:route" },
	{ "R15 四级 to 四级 same type", P_DEF, APP(.cur_level = 4),
	    "R15:target_worktype" },
	{ "R15 二级 to 二级 other type", P_DEF, APP(.target_level = 2,
	    .cur_level = 2, .target_worktype = "W023"), "" },
	{ "R15 一级 to 一级 other type", P_DEF, APP(.target_level = 1,
	    .route = ROUTE_NONE, .cur_level = 1, .work_years = 27,
	    .target_worktype = "W030"), "" },
	{ "R15 五级 to 五级 other type", P_DEF, APP(.target_level = 5,
	    .route = ROUTE_NONE, .target_worktype = "W023"), "" },

	/* R16: level 1 only in the open work types */
#define L1	.target_level = 1, .route = ROUTE_NONE, .cur_level = 2, \
		.cur_level_year = 2020, .work_years = 27
	{ "R16 电工 open", P_DEF, APP(L1), "" },
	{ "R16 管道工 closed", P_DEF, APP(L1, .cur_worktype = "W023",
	    .target_worktype = "W023"), "R16:target_worktype" },
	{ "R16 first of the list", P_DEF, APP(L1, .cur_worktype = "W001",
	    .target_worktype = "W001"), "" },
	{ "R16 last of the list", P_DEF, APP(L1, .cur_worktype = "W035",
	    .target_worktype = "W035"), "" },
	{ "R16 nothing open", P_L1_NONE, APP(L1), "R16:target_worktype" },
	{ "R16 only 管道工 open: 管道工", P_L1_W023, APP(L1,
	    .cur_worktype = "W023", .target_worktype = "W023"), "" },
	{ "R16 only 管道工 open: 电工", P_L1_W023, APP(L1),
	    "R16:target_worktype" },
	{ "R16 not for level 2", P_L1_NONE, APP(L2), "" },

	/* R17: prohibited circumstances */
	{ "R17 yes", P_DEF, APP(.prohibited = 1), "R17:prohibited" },
	{ "R17 not answered", P_DEF, APP(.prohibited = -1), "" },

	/* R18, R19: the qualified library */
	{ "R18/R19 library agrees", P_DEF, APP(QUALS(q_same)), "" },
	{ "R18 year differs", P_DEF, APP(QUALS(q_year)), "R18:cur_level_year" },
	{ "R18 year differs, confirmed", P_DEF, APP(QUALS(q_year),
	    .confirm_r18 = 1), "" },
	{ "R19 type differs", P_DEF, APP(QUALS(q_type)), "R19:cur_worktype" },
	{ "R19 type differs, confirmed", P_DEF, APP(QUALS(q_type),
	    .confirm_r19 = 1), "" },
	{ "R18 and R19", P_DEF, APP(QUALS(q_both)),
	    "R18:cur_level_year R19:cur_worktype" },
	{ "R18 and R19, R18 confirmed", P_DEF, APP(QUALS(q_both),
	    .confirm_r18 = 1), "R19:cur_worktype" },
	{ "R18 and R19, both confirmed", P_DEF, APP(QUALS(q_both),
	    .confirm_r18 = 1, .confirm_r19 = 1), "" },
	{ "R18/R19 several records, one agrees", P_DEF, APP(QUALS(q_multi_ok)),
	    "" },
	{ "R19 several records, type differs at this level", P_DEF,
	    APP(QUALS(q_multi_type)), "R19:cur_worktype" },
	{ "R18/R19 records of another level only", P_DEF,
	    APP(QUALS(q_other_level)), "R18:cur_level_year R19:cur_worktype" },
	{ "R18/R19 not in the library", P_DEF, APP(.quals = NULL), "" },
	{ "R18/R19 未定级", P_DEF, APP(QUALS(q_both), .cur_level = 0,
	    .cur_worktype = NULL, .route = ROUTE_YEARS), "" },

	/* R20: exceptional candidates skip R1-R16, not R17 */
	{ "R20 exceptional: age 17, years 28, 四级 by years", P_DEF,
	    APP(.exceptional = 1, .birth_year = 2009, .work_years = 28,
	    .route = ROUTE_YEARS, .cur_level = 0, .cur_worktype = NULL), "" },
	{ "R20 exceptional: R9, R13, R14", P_DEF, APP(.exceptional = 1,
	    .target_level = 2, .cur_level = 4, .cur_level_year = 2025,
	    .edu_rank = 1, .target_worktype = "W023"), "" },
	{ "R20 exceptional: R16 closed type", P_L1_NONE, APP(L1,
	    .exceptional = 1), "" },
	{ "R20 exceptional: R4 and R15", P_DEF, APP(.exceptional = 1,
	    .cur_level = 4, .route = ROUTE_YEARS, .cur_worktype = NULL), "" },
	{ "R20 exceptional: R17 still applies", P_DEF, APP(.exceptional = 1,
	    .prohibited = 1, .birth_year = 1950), "R17:prohibited" },
	{ "R20 exceptional: R18 still asked", P_DEF, APP(.exceptional = 1,
	    QUALS(q_year)), "R18:cur_level_year" },
	{ "R20 not exceptional: the same errors", P_DEF, APP(.birth_year = 2009,
	    .work_years = 28, .route = ROUTE_YEARS, .cur_level = 0,
	    .cur_worktype = NULL), "R1:birth R2:work_start R3:work_years" },

	/* several at once, in rule order */
	{ "all errors at once", P_DEF, APP(.birth_year = 1950,
	    .work_years = 30, .cur_worktype = NULL, .prohibited = 1,
	    .cur_level_year = 2024), "R1:birth R3:work_years R4:cur_worktype "
	    "R9:cur_level_year R17:prohibited" },
};

static struct elig_policy	 pols[P__MAX];

static void
setup(void)
{
	int	 i;

	for (i = 0; i < P__MAX; i++) {
		policy_defaults(&pols[i]);
		pols[i].level1_open = open_def;
		pols[i].nlevel1_open = NELEM(open_def);
	}
	if (policy_set(&pols[P_L4_8], "years_l4", "8") != NULL ||
	    policy_set(&pols[P_MEN48], "edu_men_age", "48") != NULL ||
	    policy_set(&pols[P_DRIVER], "driver_worktype", "W031") != NULL)
		bail("policy_set refused a test value");
	pols[P_L1_NONE].level1_open = NULL;
	pols[P_L1_NONE].nlevel1_open = 0;
	pols[P_L1_W023].level1_open = open_w023;
	pols[P_L1_W023].nlevel1_open = NELEM(open_w023);
}

/* "R1:birth R6:work_years" of the messages; checks the warning flags. */
static const char *
summary(const struct elig_msg *m, size_t n, int *flags_ok)
{
	static char	 buf[512];
	size_t		 i, len = 0;
	int		 warn;

	buf[0] = '\0';
	*flags_ok = 1;
	for (i = 0; i < n && len < sizeof(buf); i++) {
		len += snprintf(buf + len, sizeof(buf) - len, "%s%s:%s",
		    i > 0 ? " " : "", m[i].rule, m[i].field);
		warn = strcmp(m[i].rule, "R18") == 0 ||
		    strcmp(m[i].rule, "R19") == 0;
		if (m[i].warning != warn || m[i].text == NULL ||
		    *m[i].text == '\0')
			*flags_ok = 0;
	}
	return buf;
}

/* The text of rule's message in a, or NULL. */
static const char *
text_of(const struct elig_app *a, enum pol p, const char *rule)
{
	static struct elig_msg	 m[MAX_MSG];
	size_t			 n, i;

	n = eligibility_check(a, &pols[p], m, MAX_MSG);
	for (i = 0; i < n; i++)
		if (strcmp(m[i].rule, rule) == 0)
			return m[i].text;
	return NULL;
}

static void
sentences(void)
{
	const struct elig_app	 both4 = APP(.route = ROUTE_YEARS,
	    .work_years = 9, .cur_level_year = 2022);
	const struct elig_app	 both9 = APP(.cur_level_year = 2022,
	    .work_years = 9);
	const struct elig_app	 sw6 = APP(.route = ROUTE_YEARS,
	    .work_years = 9);
	const struct elig_app	 r6 = APP(.route = ROUTE_YEARS, .cur_level = 0,
	    .cur_worktype = NULL, .work_years = 7);
	const struct elig_app	 r18 = APP(QUALS(q_both));
	const struct elig_app	 r13 = APP(L2, .birth_year = 1977,
	    .edu_rank = 2);
	const char		*t;

	is_string(text_of(&both4, P_DEF, "R6"),
	    "现岗位等级年限不满五年，且工作年限不满10或18年，不符合报名条件",
	    "R6 with R9 failing too: the seed's sentence");
	is_string(text_of(&both9, P_DEF, "R9"),
	    "现岗位等级年限不满五年，且工作年限不满10或18年，不符合报名条件",
	    "R9 with R6 failing too: the seed's sentence");
	t = text_of(&both9, P_L4_8, "R9");
	ok(t != NULL && strstr(t, "10或18") == NULL,
	    "years_l4 = 8: the sentence does not quote 10 (%s)", t ? t : "none");
	t = text_of(&sw6, P_DEF, "R6");
	ok(t != NULL && strstr(t, "请改为按岗位等级证书申报") != NULL,
	    "R6 with the certificate route open: says to switch (%s)",
	    t ? t : "none");
	is_string(text_of(&r6, P_DEF, "R6"),
	    "按工作年限申报四级（中级工），工作年限须满10年，不符合报名条件；"
	    "请核对参加工作时间和工作年限。", "R6: SPEC's 10 years");
	t = text_of(&r6, P_L4_8, "R6");
	ok(t != NULL && strstr(t, "10年") == NULL &&
	    strstr(t, "本年度规定") != NULL,
	    "R6 with years_l4 = 8: no 10 in the sentence (%s)", t ? t : "none");
	is_string(text_of(&r18, P_DEF, "R18"),
	    "现岗位等级取得时间与合格库信息不符，是否确认报考",
	    "R18: the seed's sentence");
	is_string(text_of(&r18, P_DEF, "R19"),
	    "现岗位工种与合格库信息不符，是否确认报考",
	    "R19: the seed's sentence");
	t = text_of(&r13, P_DEF, "R13");
	ok(t != NULL && strstr(t, "高中") != NULL && strstr(t, "初中") != NULL,
	    "R13 names 高中 and 初中 (%s)", t ? t : "none");
}

/* eligibility_r14_free: what the target lists of /apply and /lookup use. */
static const struct {
	const char	*name;
	enum pol	 pol;
	struct elig_app	 a;
	int		 want;
} frees[] = {
	{ "base 五级 to 四级 by certificate: restricted", P_DEF, APP(), 0 },
	{ "未定级: free", P_DEF, APP(.cur_level = 0), 1 },
	{ "current level not given: restricted", P_DEF, APP(.cur_level = -1),
	    0 },
	{ "the same level (R15): free", P_DEF, APP(.cur_level = 4), 1 },
	{ "target 五级: free", P_DEF, APP(.cur_level = 4, .target_level = 5,
	    .route = ROUTE_NONE), 1 },
	{ "四级 by years: free", P_DEF, APP(.route = ROUTE_YEARS), 1 },
	{ "三级 by years: free", P_DEF, APP(.target_level = 3, .cur_level = 4,
	    .route = ROUTE_YEARS), 1 },
	{ "三级 by certificate: restricted", P_DEF, APP(.target_level = 3,
	    .cur_level = 4), 0 },
	{ "二级 (by years is still R11's error): restricted", P_DEF,
	    APP(L2, .route = ROUTE_YEARS), 0 },
	{ "no current work type: free", P_DEF, APP(.cur_worktype = NULL), 1 },
	{ "empty current work type: free", P_DEF, APP(.cur_worktype = ""), 1 },
	{ "merged 水电工: restricted", P_DEF, APP(MERGED, .target_level = 3,
	    .cur_level = 4), 0 },
	{ "cancelled 晒图工: free", P_DEF, APP(CANCELLED, .target_level = 3,
	    .cur_level = 4), 1 },
	{ "汽车驾驶员 to 四级: free", P_DEF, APP(.cur_worktype = "W030"), 1 },
	{ "汽车驾驶员 to 一级: restricted", P_DEF, APP(.target_level = 1,
	    .cur_level = 2, .cur_worktype = "W030"), 0 },
	{ "driver code moved to W031: W030 restricted", P_DRIVER,
	    APP(.cur_worktype = "W030"), 0 },
	{ "driver code moved to W031: W031 free", P_DRIVER,
	    APP(.cur_worktype = "W031"), 1 },
	{ "the driver's code merged: restricted", P_DEF,
	    APP(.cur_worktype = "W030", .cur_is_old = 1,
	    .cur_maps_to = map_w906, .ncur_maps_to = 2), 0 },
};

/*
 * Each case of frees[] gives its answer, and eligibility_check agrees
 * with every case of cases[]: where the target is free R14 says nothing.
 */
static void
r14_free(void)
{
	struct elig_msg	 m[MAX_MSG];
	size_t		 i, j, n;
	int		 r14;

	for (i = 0; i < NELEM(frees); i++)
		is_int(eligibility_r14_free(&frees[i].a, &pols[frees[i].pol]),
		    frees[i].want, "r14_free: %s", frees[i].name);
	for (i = 0; i < NELEM(cases); i++) {
		if (!eligibility_r14_free(&cases[i].a, &pols[cases[i].pol]))
			continue;
		n = eligibility_check(&cases[i].a, &pols[cases[i].pol], m,
		    MAX_MSG);
		for (r14 = 0, j = 0; j < n; j++)
			if (strcmp(m[j].rule, "R14") == 0)
				r14 = 1;
		ok(!r14, "r14_free agrees with R14: %s", cases[i].name);
	}
}

/* At most max messages are written; the count says how many. */
static void
bounds(void)
{
	const struct elig_app	 a = APP(.birth_year = 1950, .work_years = 30,
	    .cur_worktype = NULL, .prohibited = 1);
	struct elig_msg		 m[2];

	memset(m, 0, sizeof(m));
	is_int(eligibility_check(&a, &pols[P_DEF], m, 1), 1,
	    "max 1: one message written");
	ok(m[1].rule == NULL, "max 1: nothing written past it");
	is_int(eligibility_check(&a, &pols[P_DEF], m, 0), 0,
	    "max 0: nothing written");
}

int
main(void)
{
	struct elig_msg	 m[MAX_MSG];
	const char	*got;
	size_t		 i, n;
	int		 flags;

	plan_lazy();
	setup();
	for (i = 0; i < NELEM(cases); i++) {
		n = eligibility_check(&cases[i].a, &pols[cases[i].pol], m,
		    MAX_MSG);
		got = summary(m, n, &flags);
		is_string(got, cases[i].want, "%s", cases[i].name);
		ok(flags, "%s: warning flags and texts", cases[i].name);
	}
	sentences();
	bounds();
	r14_free();
	return 0;
}
