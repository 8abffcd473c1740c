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
 * review.c: the review state machine (SPEC §5, seeds 002 §1 and 003
 * §二, §四(四)).  One table of (state, where the asker stands, action,
 * roles) → next state decides every decision of every handler and of
 * gkbm-admin; review_decide is pure: the caller reads the facts (locked)
 * and applies the answer (fcgi/model/decide.c).
 */

#include <stddef.h>
#include <string.h>

#include "review.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define SB(s)		(1u << (s))
#define RB_(r)		(1u << (r))

/* Everyone who reviews at a level of a chain. */
#define REVIEWERS	(RB_(RVR_UNIT) | RB_(RVR_REVIEWER) | \
			RB_(RVR_SUPERVISING) | RB_(RVR_COUNTY) | \
			RB_(RVR_CITY) | RB_(RVR_PROVINCE))
/* The offices (county level or above) and their reviewers. */
#define OFFICES		(RB_(RVR_REVIEWER) | RB_(RVR_COUNTY) | \
			RB_(RVR_CITY) | RB_(RVR_PROVINCE))

/* Where the asker's unit must stand in the application's chain. */
enum rv_where {
	AT_WAIT,	/* the step it waits at, not the last */
	AT_LAST,	/* the step it waits at, the last */
	AT_WAITING,	/* the step it waits at */
	AT_REJECTED,	/* the step whose 不通过 stopped it */
	AT_OFFICE,	/* in its chain at county level or above */
	AT_ANY		/* anywhere (the province, gkbm-admin) */
};

#define F_WINDOW	0x01	/* inside 网上资格审查 (and 单位初审 at unit) */
#define F_REASON	0x02	/* a reason is required */
#define F_ADVANCE	0x04	/* on to the next step */
#define F_NOTIFY	0x08	/* the candidate is told */

/* The transitions: every one that is allowed, and no other. */
static const struct rv_rule {
	unsigned int	 states;	/* SB(state) of those it applies to */
	enum rv_where	 where;
	enum rv_action	 action;
	unsigned int	 roles;		/* RB_(role) of who may ask */
	enum rv_state	 next;
	const char	*event;		/* review_events.action */
	unsigned int	 flags;
} rules[] = {
	{ SB(RVS_SUBMITTED), AT_WAIT, RVA_PASS, REVIEWERS,
	    RVS_SUBMITTED, "pass", F_WINDOW | F_ADVANCE },
	{ SB(RVS_SUBMITTED), AT_LAST, RVA_PASS, REVIEWERS,
	    RVS_APPROVED, "final", F_WINDOW | F_NOTIFY },
	{ SB(RVS_SUBMITTED), AT_WAITING, RVA_RETURN, REVIEWERS,
	    RVS_RETURNED, "return", F_WINDOW | F_REASON | F_NOTIFY },
	{ SB(RVS_SUBMITTED), AT_WAITING, RVA_REJECT, REVIEWERS,
	    RVS_REJECTED, "reject", F_WINDOW | F_REASON | F_NOTIFY },
	{ SB(RVS_REJECTED), AT_REJECTED, RVA_REAPPLY, REVIEWERS,
	    RVS_RETURNED, "reapply", F_WINDOW | F_NOTIFY },
	/* 003 §四(四): found at any time, so outside the window too. */
	{ SB(RVS_SUBMITTED) | SB(RVS_RETURNED) | SB(RVS_REJECTED) |
	    SB(RVS_APPROVED), AT_OFFICE, RVA_FALSE, OFFICES,
	    RVS_CANCELLED, "false", F_REASON | F_NOTIFY },
	{ SB(RVS_CANCELLED), AT_ANY, RVA_LIFT,
	    RB_(RVR_PROVINCE) | RB_(RVR_ADMIN),
	    RVS_CANCELLED, "lift", F_REASON },
};

static const char *const state_names[RVS__MAX][2] = {
	{ "draft",	"未提交" },		/* RVS_DRAFT */
	{ "submitted",	"审核中" },		/* RVS_SUBMITTED */
	{ "returned",	"已退回本人" },		/* RVS_RETURNED */
	{ "rejected",	"审核不通过" },		/* RVS_REJECTED */
	{ "approved",	"审核通过" },		/* RVS_APPROVED */
	{ "cancelled",	"已取消（填报虚假信息）" },	/* RVS_CANCELLED */
};

static const char *const level_names[RVL__MAX][2] = {
	{ "",		"" },			/* RVL_NONE */
	{ "unit",	"本单位" },		/* RVL_UNIT */
	{ "supervising", "主管单位" },		/* RVL_SUPERVISING */
	{ "county",	"县区工考办" },		/* RVL_COUNTY */
	{ "city",	"市工考办" },		/* RVL_CITY */
	{ "province",	"省工考办" },		/* RVL_PROVINCE */
};

static const char *const action_names[RVA__MAX][2] = {
	{ "pass",	"通过" },		/* RVA_PASS */
	{ "return",	"退回本人" },		/* RVA_RETURN */
	{ "reject",	"不通过" },		/* RVA_REJECT */
	{ "reapply",	"退回重新申报" },	/* RVA_REAPPLY */
	{ "false",	"填报虚假信息" },	/* RVA_FALSE */
	{ "lift",	"解除报名限制" },	/* RVA_LIFT */
};

/* Role codes as accounts.role has them; "admin" is gkbm-admin. */
static const struct {
	const char	*code;
	enum rv_level	 level;		/* where its unit reviews */
} roles[RVR__MAX] = {
	{ "candidate",	 RVL_NONE },		/* RVR_CANDIDATE */
	{ "unit",	 RVL_UNIT },		/* RVR_UNIT */
	{ "reviewer",	 RVL_NONE },		/* RVR_REVIEWER: its unit's */
	{ "supervising", RVL_SUPERVISING },	/* RVR_SUPERVISING */
	{ "county",	 RVL_COUNTY },		/* RVR_COUNTY */
	{ "city",	 RVL_CITY },		/* RVR_CITY */
	{ "province",	 RVL_PROVINCE },	/* RVR_PROVINCE */
	{ "admin",	 RVL_NONE },		/* RVR_ADMIN */
};

static const char *const why_texts[RVW__MAX] = {
	"",							/* RVW_OK */
	"请选择审核操作。",					/* RVW_ACTION */
	"该报名信息当前的状态不能进行此项操作。",		/* RVW_STATE */
	"该报名信息当前不在本级，不能进行此项操作。",		/* RVW_LEVEL */
	"您的账号不能进行此项操作。",				/* RVW_ROLE */
	"当前不在网上资格审查时间内，不能审核。",		/* RVW_WINDOW */
	"单位初审时间已过或未开始，本单位不能审核。",		/* RVW_UNITWINDOW */
	"请选择或填写理由。",					/* RVW_REASON */
};

/* True when the asker stands where rule p needs. */
static int
where_ok(const struct rv_rule *p, const struct rv_in *in)
{
	int	 waiting = in->actor != RVL_NONE && in->actor == in->wait;

	switch (p->where) {
	case AT_WAIT:
		return waiting && !in->last;
	case AT_LAST:
		return waiting && in->last;
	case AT_WAITING:
		return waiting;
	case AT_REJECTED:
		return in->actor != RVL_NONE && in->actor == in->rejected;
	case AT_OFFICE:
		return in->actor >= RVL_COUNTY;
	case AT_ANY:
		return 1;
	}
	return 0;
}

/*
 * True when the asker's role may ask under rule p: listed, and (but for
 * reviewers, who act at their unit's level, and AT_ANY) the role's own
 * level is the one its unit stands at.
 */
static int
role_ok(const struct rv_rule *p, const struct rv_in *in)
{
	if ((unsigned)in->role >= RVR__MAX || !(p->roles & RB_(in->role)))
		return 0;
	if (in->role == RVR_REVIEWER || p->where == AT_ANY)
		return 1;
	return roles[in->role].level == in->actor;
}

/* Why rule p refuses in (the rule matched state, place and role). */
static enum rv_why
rule_limits(const struct rv_rule *p, const struct rv_in *in)
{
	if ((p->flags & F_WINDOW) && !in->review_open)
		return RVW_WINDOW;
	if ((p->flags & F_WINDOW) && in->actor == RVL_UNIT && !in->unit_open)
		return RVW_UNITWINDOW;
	if ((p->flags & F_REASON) && !in->has_reason)
		return RVW_REASON;
	return RVW_OK;
}

/*
 * Decides whether in->action may happen to an application with the
 * facts in, and if so fills out.  Of several refusals the one that got
 * furthest through state, place, role, window and reason is returned:
 * the asker learns the first thing to change.  Pure.
 */
enum rv_why
review_decide(const struct rv_in *in, struct rv_out *out)
{
	const struct rv_rule	*p;
	enum rv_why		 best = RVW_ACTION, w;
	size_t			 i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < NELEM(rules); i++) {
		p = &rules[i];
		if (p->action != in->action)
			continue;
		if ((unsigned)in->state >= RVS__MAX ||
		    !(p->states & SB(in->state)))
			w = RVW_STATE;
		else if (!where_ok(p, in))
			w = RVW_LEVEL;
		else if (!role_ok(p, in))
			w = RVW_ROLE;
		else if ((w = rule_limits(p, in)) == RVW_OK) {
			out->next = p->next;
			out->event = p->event;
			out->advance = (p->flags & F_ADVANCE) != 0;
			out->notify = (p->flags & F_NOTIFY) != 0;
			return RVW_OK;
		}
		if (w > best)
			best = w;
	}
	return best;
}

/* The sentence explaining a refusal (static). */
const char *
review_why_text(enum rv_why w)
{
	return (unsigned)w < RVW__MAX ? why_texts[w] : why_texts[RVW_ACTION];
}

/* The Chinese name of a state, level or action ("" if out of range). */
const char *
review_state_name(enum rv_state s)
{
	return (unsigned)s < RVS__MAX ? state_names[s][1] : "";
}

const char *
review_level_name(enum rv_level l)
{
	return (unsigned)l < RVL__MAX ? level_names[l][1] : "";
}

const char *
review_action_name(enum rv_action a)
{
	return (unsigned)a < RVA__MAX ? action_names[a][1] : "";
}

/* The code of a state or level, as the database has it. */
const char *
review_state_code(enum rv_state s)
{
	return (unsigned)s < RVS__MAX ? state_names[s][0] : "";
}

const char *
review_level_code(enum rv_level l)
{
	return (unsigned)l < RVL__MAX ? level_names[l][0] : "";
}

/* Finds code among the n first columns of names; -1 when absent. */
static int
code_find(const char *const (*names)[2], int n, const char *code)
{
	int	 i;

	for (i = 0; code != NULL && i < n; i++)
		if (*names[i][0] != '\0' && strcmp(names[i][0], code) == 0)
			return i;
	return -1;
}

/* Parse a state, level or action code: 0, or -1 when it is none. */
int
review_state_parse(const char *s, enum rv_state *v)
{
	int	 i;

	if ((i = code_find(state_names, RVS__MAX, s)) == -1)
		return -1;
	*v = (enum rv_state)i;
	return 0;
}

int
review_level_parse(const char *s, enum rv_level *v)
{
	int	 i;

	if ((i = code_find(level_names, RVL__MAX, s)) == -1)
		return -1;
	*v = (enum rv_level)i;
	return 0;
}

int
review_action_parse(const char *s, enum rv_action *v)
{
	int	 i;

	if ((i = code_find(action_names, RVA__MAX, s)) == -1)
		return -1;
	*v = (enum rv_action)i;
	return 0;
}

int
review_role_parse(const char *s, enum rv_role *v)
{
	int	 i;

	for (i = 0; s != NULL && i < RVR__MAX; i++)
		if (strcmp(roles[i].code, s) == 0) {
			*v = (enum rv_role)i;
			return 0;
		}
	return -1;
}

/* The level a role's unit reviews at (RVL_NONE: a reviewer's varies). */
enum rv_level
review_role_level(enum rv_role r)
{
	return (unsigned)r < RVR__MAX ? roles[r].level : RVL_NONE;
}

/*
 * 容缺后补: the moves of applications.defer_state, indexed by enum
 * defer_act.  The unit admin (step 1 of the chain) confirms the added
 * material; an office of the chain (county, city, province) re-checks.
 */
static const struct rv_defer_move defer_moves[DEFER_ACT__MAX] = {
	{ DEFER_ADDED, DEFER_CONFIRMED, 0, "确认材料已补", "confirm" },	/* DEFER_CONFIRM */
	{ DEFER_CONFIRMED, DEFER_NONE, 1, "复核通过", "recheck" },	/* DEFER_RECHECK_OK */
	{ DEFER_CONFIRMED, DEFER_WAIT, 1, "复核未通过", "recheck" },	/* DEFER_RECHECK_NO */
};

/* The move of act, or NULL for no such act. */
const struct rv_defer_move *
review_defer_move(enum defer_act act)
{
	return (int)act >= 0 && act < DEFER_ACT__MAX ? &defer_moves[act] :
	    NULL;
}

/* True when level (app_chain.level) is an office's. */
static int
defer_office(const char *level)
{
	enum rv_level	 l;

	return level != NULL && review_level_parse(level, &l) == 0 &&
	    (l == RVL_COUNTY || l == RVL_CITY || l == RVL_PROVINCE);
}

/* The message of an application found in the wrong defer_state. */
static const char *
defer_state_msg(long long from, long long now)
{
	if (now == DEFER_NONE)
		return "该报名没有待办的容缺后补事项（未标记容缺后补或已复核通过）。";
	if (from == DEFER_ADDED && now == DEFER_WAIT)
		return "报考人员尚未补充上传材料，补传后才能确认材料已补。";
	if (from == DEFER_ADDED && now == DEFER_CONFIRMED)
		return "材料已确认，正在等待县区及以上工考办复核，无需重复确认。";
	if (from == DEFER_CONFIRMED && now == DEFER_WAIT)
		return "材料尚未补充，待补传并经单位确认后才能复核。";
	if (from == DEFER_CONFIRMED && now == DEFER_ADDED)
		return "材料已补传，但单位管理员尚未确认材料已补，暂不能复核。";
	return "容缺后补状态已变化，请刷新页面后重试。";
}

/*
 * Whether act may be done now to an application in state (its
 * applications.state) with defer (defer_state), by the account whose
 * unit stands at step, level in its chain.  Returns NULL, or the message
 * with *status: 403 for a step of the chain that does not do it, 409 for
 * an application in the wrong state.  Pure.
 */
const char *
review_defer_may(enum defer_act act, const char *state, long long defer,
    long long step, const char *level, int *status)
{
	const struct rv_defer_move	*m;

	*status = 403;
	if ((m = review_defer_move(act)) == NULL)
		return "无此操作。";
	if (m->office && !defer_office(level))
		return "容缺后补材料由县区及以上工考办复核，本级不能复核。";
	if (!m->office && step != 1)
		return "确认材料已补由报考人员所在单位的管理员办理。";
	*status = 409;
	if (state == NULL || (strcmp(state, "submitted") != 0 &&
	    strcmp(state, "approved") != 0))
		return "该报名已不在审核中（已退回、不通过或已撤销），不能办理容缺后补。";
	if (defer != m->from)
		return defer_state_msg(m->from, defer);
	*status = 200;
	return NULL;
}
