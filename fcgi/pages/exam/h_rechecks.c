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
 * h_rechecks.c: 复核 answers (issue 10 §5): the requests of the office's
 * subtree, waiting ones first, each with the candidate's scores and
 * lines and the reason; the office answers with text and, if the check
 * found a mistake, the corrected scores (result.c res_recheck_answer).
 */

#include <string.h>

#include "result.h"
#include "appquery.h"

enum { KF_STATE };
static const char *const rk_states[] = { "asked", "answered", NULL };
const struct fielddef h_rechecks_fields[] = {
	[KF_STATE] = { "state", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "查询条件不正确：状态应为待答复或已答复。", rk_states, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* One request as the list reads it. */
struct rk {
	long long	 id, acct, level, theory, skill, absent, passed;
	long long	 lt, ls, changed;
	char		*name, *ticket, *unit, *wt, *reason, *asked, *state;
	char		*answer, *answered;
	unsigned char	*ie;
	size_t		 iel;
};

/* Sets attribute name to tenths in words (none: left out). */
static void
rk_score(xmlNodePtr n, const char *name, long long tenths)
{
	char	 b[8];

	pass_score_fmt((int)tenths, b, sizeof(b));
	if (*b != '\0')
		xml_attr(n, name, b);
}

/* Appends one request. */
static void
rk_xml(struct req *r, xmlNodePtr list, const struct rk *k)
{
	xmlNodePtr	 n;

	n = xml_el(list, "recheck", NULL);
	xml_attrf(n, "id", "%lld", k->id);
	xml_attr(n, "name", k->name);
	aq_person(r, n, k->acct, k->ie, k->iel, 0);
	xml_attr(n, "ticket", k->ticket);
	xml_attr(n, "unit", k->unit);
	xml_attr(n, "worktype", k->wt);
	if (k->level > 0)
		xml_attr(n, "level-name", xml_level_name((int)k->level));
	rk_score(n, "theory", k->theory);
	rk_score(n, "skill", k->skill);
	rk_score(n, "line-theory", k->lt);
	rk_score(n, "line-skill", k->ls);
	xml_attr(n, "passed", k->passed == 1 ? "1" : "0");
	xml_attr(n, "asked", k->asked);
	xml_attr(n, "state", k->state);
	xml_el(n, "reason", k->reason);
	if (strcmp(k->state, "answered") == 0) {
		xml_attr(n, "answered", k->answered);
		if (k->changed)
			xml_attr(n, "changed", "1");
		xml_el(n, "answer", k->answer);
	}
}

/* The list of state ("" every one). */
static int
rk_list(struct req *r, const char *state)
{
	struct rk	 k;
	xmlNodePtr	 list;
	int		 n;

	list = xml_el(r->root, "list", NULL);
	if (db_run(r, STMT_RES_RECHECKS, r->unit_id, (long long)r->year,
	    state, state) == -1)
		return -1;
	while ((n = db_row(r, STMT_RES_RECHECKS, &k.id, &k.acct, &k.name,
	    &k.ie, &k.iel, &k.ticket, &k.unit, &k.wt, &k.level, &k.theory,
	    &k.skill, &k.absent, &k.passed, &k.lt, &k.ls, &k.reason,
	    &k.asked, &k.state, &k.answer, &k.changed, &k.answered)) == 1)
		rk_xml(r, list, &k);
	return n == -1 ? -1 : 0;
}

/* The page, its list filtered by state. */
static enum rc
rk_page(struct req *r, const char *state)
{
	xml_page(r, PAGE_RECHECKS);
	xml_attrf(r->root, "year", "%d", r->year);
	if (*state != '\0')
		xml_attr(r->root, "state", state);
	xml_form(r, "/admin/rechecks");
	return rk_list(r, state) == -1 ? RC_DB : RC_OK;
}

/* GET /admin/rechecks[?state=asked|answered] */
enum rc
h_rechecks(struct req *r)
{
	const struct fval	*v = &r->fv[KF_STATE];

	if (v->err != NULL)
		return RC_BADREQ;
	return rk_page(r, *v->s != '\0' ? rk_states[v->n] : "");
}

enum { AF_ID, AF_ANSWER, AF_THEORY, AF_SKILL };
const struct fielddef h_rechecks_post_fields[] = {
	[AF_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL,
	    "请选择要答复的复核申请。", "没有这个复核申请。", NULL, NULL },
	[AF_ANSWER] = { "answer", FT_TEXT, FL_REQ | FL_LINES, 1, 500,
	    "请填写复核答复。", "复核答复不能超过500个字，且不能含有无法识别的字符。",
	    NULL, NULL },
	[AF_THEORY] = { "theory", FT_TEXT, 0, 0, 16, NULL,
	    "理论知识成绩应为0至100之间的数，最多一位小数，如85或85.5。", NULL,
	    NULL },
	[AF_SKILL] = { "skill", FT_TEXT, 0, 0, 16, NULL,
	    "操作技能成绩应为0至100之间的数，最多一位小数，如85或85.5。", NULL,
	    NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* POST /admin/rechecks (id, answer, [theory, skill]) */
enum rc
h_rechecks_post(struct req *r)
{
	const struct fval	*fv = r->fv;
	const char		*msg, *field = NULL;
	enum rc			 rc;

	if ((rc = rk_page(r, "")) != RC_OK)
		return rc;
	field_xml(r);
	if (!r->form_bad && (msg = res_recheck_answer(r, fv[AF_ID].n,
	    fv[AF_ANSWER].s, fv[AF_THEORY].s, fv[AF_SKILL].s, &field)) !=
	    NULL) {
		if (msg == field_dbfail)
			return RC_DB;
		if (field != NULL)
			xml_field_error(r, field, msg);
		else
			xml_form_refuse(r, msg);
	}
	if (r->form_bad) {
		xml_form_message(r, "复核答复没有保存，请按提示修改。");
		return RC_OK;
	}
	resp_redirect(r, "/admin/rechecks?m=answered");
	return RC_OK;
}
