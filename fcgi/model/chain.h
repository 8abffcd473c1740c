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
 * chain.h: the chain of review an application passes through, fixed when
 * it is submitted (SPEC §5): 本单位, 主管单位, then the office.
 */

#ifndef CHAIN_H
#define CHAIN_H

#define CHAIN_MAX	4	/* unit, supervising, office (+ one spare) */

/* The refusal when no office reviews for the unit (chain_fix 0). */
#define CHAIN_NONE_MSG	"所选单位所在地区尚未设置审核机构，暂不能提交。" \
	"请联系本地区工考办或省职业技能等级评价指导中心。"

/* A unit as the chain sees it: its id (0 none) and kind (units.kind). */
struct chain_unit {
	long long	 id;
	const char	*kind;
};

/* The steps of a chain, step 1 first; level is an app_chain level. */
struct chain {
	int		 n;
	struct {
		const char	*level;
		long long	 unit;
	}		 s[CHAIN_MAX];
};

/* chain.c */
int	 chain_plan(const struct chain_unit *, const struct chain_unit *,
	    const struct chain_unit *, struct chain *);
int	 chain_fix(struct req *, long long, long long, long long);

#endif /* CHAIN_H */
