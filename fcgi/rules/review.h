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
 * review.h: the review state machine (SPEC §5, issue 11 item 1), the only
 * place that decides what may happen to an application under review.
 */

#ifndef REVIEW_H
#define REVIEW_H

/* applications.state */
enum rv_state {
	RVS_DRAFT, RVS_SUBMITTED, RVS_RETURNED, RVS_REJECTED, RVS_APPROVED,
	RVS_CANCELLED, RVS__MAX
};

/* app_chain.level; RVL_NONE: not in the chain (or not waiting). */
enum rv_level {
	RVL_NONE, RVL_UNIT, RVL_SUPERVISING, RVL_COUNTY, RVL_CITY,
	RVL_PROVINCE, RVL__MAX
};

/* What a reviewer (or gkbm-admin) asks for. */
enum rv_action {
	RVA_PASS,	/* 通过; at the last step 终审通过 */
	RVA_RETURN,	/* 退回本人 */
	RVA_REJECT,	/* 不通过 */
	RVA_REAPPLY,	/* 退回重新申报, from 审核不通过 */
	RVA_FALSE,	/* 填报虚假信息 */
	RVA_LIFT,	/* the ban of 填报虚假信息 lifted */
	RVA__MAX
};

/* Who asks: the account roles that review, and gkbm-admin. */
enum rv_role {
	RVR_CANDIDATE, RVR_UNIT, RVR_REVIEWER, RVR_SUPERVISING, RVR_COUNTY,
	RVR_CITY, RVR_PROVINCE, RVR_ADMIN, RVR__MAX
};

/* Why a request is refused (RVW_OK: it is not). */
enum rv_why {
	RVW_OK,
	RVW_ACTION,	/* no such action */
	RVW_STATE,	/* not in a state the action applies to */
	RVW_LEVEL,	/* not at the asker's level */
	RVW_ROLE,	/* the asker's role may not */
	RVW_WINDOW,	/* outside 网上资格审查 */
	RVW_UNITWINDOW,	/* outside 单位初审 (the unit level's deadline) */
	RVW_REASON,	/* a reason is required */
	RVW__MAX
};

/* The facts a decision depends on; the caller reads them locked. */
struct rv_in {
	enum rv_state	 state;
	enum rv_level	 wait;		/* where it waits (submitted) */
	enum rv_level	 actor;		/* the asker's unit in its chain */
	enum rv_level	 rejected;	/* the level of its 不通过 */
	enum rv_role	 role;
	enum rv_action	 action;
	int		 last;		/* waiting at the chain's last step */
	int		 review_open;	/* 网上资格审查 open now */
	int		 unit_open;	/* 单位初审 open now (or not set) */
	int		 has_reason;
};

/* What follows: the new state and the review_events action. */
struct rv_out {
	enum rv_state	 next;
	const char	*event;
	int		 advance;	/* 1: wait at the next step */
	int		 notify;	/* 1: tell the candidate (SMS, 站内消息) */
};

/* applications.defer_state: 容缺后补 (003 §二(四), 002 §1.1.4) */
enum defer_state {
	DEFER_NONE = 0,		/* nothing deferred, or re-checked */
	DEFER_WAIT = 1,		/* 容缺后补: the material is awaited */
	DEFER_ADDED = 2,	/* material added: the unit admin confirms */
	DEFER_CONFIRMED = 3	/* 确认材料已补: the office re-checks */
};

/* What may be done to a deferred application (review_defer_may). */
enum defer_act {
	DEFER_CONFIRM,		/* 确认材料已补: 2 -> 3, step 1 of the chain */
	DEFER_RECHECK_OK,	/* 复核通过: 3 -> 0, the chain's office */
	DEFER_RECHECK_NO,	/* 复核未通过: 3 -> 1 with a reason */
	DEFER_ACT__MAX
};

/* One move of 容缺后补: from, to, who, and what it is called. */
struct rv_defer_move {
	long long	 from, to;
	int		 office;	/* 1: the chain's office; 0: step 1 */
	const char	*label;		/* for the audit and the event */
	const char	*action;	/* review_events.action */
};

/* review.c */
enum rv_why	 review_decide(const struct rv_in *, struct rv_out *);
const char	*review_why_text(enum rv_why);
const char	*review_state_name(enum rv_state);
const char	*review_action_name(enum rv_action);
const char	*review_level_name(enum rv_level);
const char	*review_state_code(enum rv_state);
const char	*review_level_code(enum rv_level);
int		 review_state_parse(const char *, enum rv_state *);
int		 review_level_parse(const char *, enum rv_level *);
int		 review_action_parse(const char *, enum rv_action *);
int		 review_role_parse(const char *, enum rv_role *);
enum rv_level	 review_role_level(enum rv_role);
const struct rv_defer_move *review_defer_move(enum defer_act);
const char	*review_defer_may(enum defer_act, const char *, long long,
		    long long, const char *, int *);

#endif /* REVIEW_H */
