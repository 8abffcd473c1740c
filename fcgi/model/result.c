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
 * result.c: 考核结果 (issue 10 §5): the pass lines the province sets per
 * year, level and work type ('' = every work type of the level without
 * its own line); the publication of an exam region's results, which
 * fixes exam_results.passed from the lines of that moment (refused while
 * a seated level and work type has no line); the candidate's own result
 * (res_mine); 复核: the candidate's one request within the policy's
 * recheck_days after publication, the office's answer, optionally with
 * corrected scores (passed decided again), told to the candidate by a
 * 站内消息.  The pass rule itself is rules/passrule.c.
 */

#include <stdio.h>
#include <string.h>

#include "result.h"

#define ANSWER_MAX	500	/* exam_rechecks.answer */
#define MAX_MISSING	20	/* lines named in a refusal */

/*
 * Checks the exam region code region for the account of r: a city, a
 * directly administered county or the province (省直); a city office
 * only its own.  *name is its name.  Returns NULL, a message, or
 * field_dbfail.
 */
const char *
res_region(struct req *r, const char *region, const char **name)
{
	char		*n;
	long long	 ok = 0;
	int		 k;

	if (region == NULL || *region == '\0')
		return "请选择考试地区。";
	if (strlen(region) != 6 || strspn(region, "0123456789") != 6)
		return "考试地区代码应为6位数字。";
	if (db_run(r, STMT_RES_REGION_OK, r->unit_id, region) == -1 ||
	    (k = db_row(r, STMT_RES_REGION_OK, &n, &ok)) == -1)
		return field_dbfail;
	if (k == 0)
		return "没有这个考试地区（省辖市、省直管县或省直）。";
	db_done(r, STMT_RES_REGION_OK);
	if (!ok)
		return "只能导入和公布本地区的考核结果。";
	*name = n;
	return NULL;
}

/* The level in words and the work type, as a refusal names them. */
const char *
res_level_wt(struct req *r, long long level, const char *wt)
{
	const char	*l = xml_level_name((int)level);

	return pool_printf(r->pool, "%s%s", l ? l : "", wt);
}

/* Checks a pass line's values; NULL or the message (and *field). */
static const char *
res_line_check(struct req *r, const char *level, const char *wt,
    const char *theory, const char *skill, int *tv, int *sv,
    const char **field)
{
	char	*name, *status;
	int	 n;

	*field = "level";
	if (strlen(level) != 1 || *level < '1' || *level > '5')
		return "等级应为一级至五级（1至5）。";
	*field = "worktype";
	if (*wt != '\0') {
		if (strlen(wt) > 8 || db_run(r, STMT_WT_GET, wt) == -1 ||
		    (n = db_row(r, STMT_WT_GET, &name, &status)) == -1)
			return strlen(wt) > 8 ? "没有这个工种代码（不填表示该等级的"
			    "所有工种）。" : field_dbfail;
		db_done(r, STMT_WT_GET);
		if (n == 0)
			return "没有这个工种代码（不填表示该等级的所有工种）。";
	}
	*field = "theory";
	if (pass_score_parse(theory, tv) == -1)
		return "理论知识合格线应为0至100之间的数，最多一位小数，如60或60.5。";
	*field = "skill";
	if (pass_score_parse(skill, sv) == -1)
		return "操作技能合格线应为0至100之间的数，最多一位小数，如60或60.5。";
	*field = NULL;
	return NULL;
}

/*
 * Sets the pass line of year, level ("1"-"5") and work type wt ("" =
 * the level's other work types) to theory and skill as typed.  Returns
 * NULL, a message (and in *field the form field), or field_dbfail.
 */
const char *
res_line_set(struct req *r, long long year, const char *level,
    const char *wt, const char *theory, const char *skill,
    const char **field)
{
	const char	*msg;
	char		 t[8], s[8];
	int		 tv, sv;

	if ((msg = res_line_check(r, level, wt, theory, skill, &tv, &sv,
	    field)) != NULL)
		return msg;
	pass_score_fmt(tv, t, sizeof(t));
	pass_score_fmt(sv, s, sizeof(s));
	if (db_begin(r) == -1)
		return field_dbfail;
	if (db_run(r, STMT_RES_LINE_SET, year, (long long)(*level - '0'), wt,
	    (long long)tv, (long long)sv, r->account_id) == -1 ||
	    audit(r, "result.line", pool_printf(r->pool, "year=%lld level=%c "
	    "wt=%s", year, *level, *wt ? wt : "*"), "ok", pool_printf(r->pool,
	    "theory=%s skill=%s", t, s)) == -1 || db_commit(r) == -1) {
		db_rollback(r);
		return field_dbfail;
	}
	return NULL;
}

/* The refusal naming the seated levels and work types without a line;
 * NULL when every one has a line, field_dbfail. */
static const char *
res_missing(struct req *r, long long year, const char *region)
{
	const char	*list = "";
	char		*wt;
	long long	 level;
	int		 k, n = 0;

	if (db_run(r, STMT_RES_MISSING_LINES, year, region) == -1)
		return field_dbfail;
	while ((k = db_row(r, STMT_RES_MISSING_LINES, &level, &wt)) == 1)
		if (n++ < MAX_MISSING)
			list = pool_printf(r->pool, "%s%s%s", list, n > 1 ?
			    "、" : "", res_level_wt(r, level, wt));
	if (k == -1)
		return field_dbfail;
	if (n == 0)
		return NULL;
	return pool_printf(r->pool, "以下等级和工种还没有合格线，不能公布："
	    "%s%s。请先在“合格线”中设置。", list, n > MAX_MISSING ? "等" : "");
}

/* One result to decide at publication. */
struct res_dec {
	long long	 app, absent, theory, skill, lt, ls;
};

/* Decides every result of year and region; *n and *npass counted. */
static int
res_decide_all(struct req *r, long long year, const char *region,
    long long *n, long long *npass)
{
	struct res_dec	*d = NULL, x;
	size_t		 nd = 0, cap = 0, i;
	int		 k, p;

	if (db_run(r, STMT_RES_TO_DECIDE, year, region) == -1)
		return -1;
	while ((k = db_row(r, STMT_RES_TO_DECIDE, &x.app, &x.absent,
	    &x.theory, &x.skill, &x.lt, &x.ls)) == 1) {
		if (nd == cap) {
			struct res_dec *nx;

			cap = cap ? cap * 2 : 256;
			nx = pool_calloc(r->pool, cap, sizeof(*d));
			if (nd > 0)
				memcpy(nx, d, nd * sizeof(*d));
			d = nx;
		}
		d[nd++] = x;
	}
	if (k == -1)
		return -1;
	*n = (long long)nd;
	*npass = 0;
	for (i = 0; i < nd; i++) {
		p = pass_decide((int)d[i].absent, (int)d[i].theory,
		    (int)d[i].skill, (int)d[i].lt, (int)d[i].ls);
		*npass += p;
		if (db_run(r, STMT_RES_SET_PASSED, (long long)p, d[i].lt,
		    d[i].lt, d[i].ls, d[i].ls, d[i].app) == -1)
			return -1;
	}
	return 0;
}

/*
 * Publishes the results of year and region: passed decided for each
 * from the lines of now, exam_published written, audited, in one
 * transaction.  *n results, *npass of them passed.  Returns NULL, a
 * message (nothing changed), or field_dbfail.
 */
const char *
res_publish(struct req *r, long long year, const char *region,
    long long *n, long long *npass)
{
	const char	*msg, *name;
	char		*at;
	int		 k;

	*n = *npass = 0;
	if ((msg = res_region(r, region, &name)) != NULL)
		return msg;
	if (db_begin(r) == -1)
		return field_dbfail;
	if (db_run(r, STMT_RES_PUB_LOCK, year, region) == -1 ||
	    (k = db_row(r, STMT_RES_PUB_LOCK, &at)) == -1)
		goto fail;
	if (k == 1) {
		db_done(r, STMT_RES_PUB_LOCK);
		msg = pool_printf(r->pool, "%s%lld年度考核结果已于%s公布。",
		    name, year, at);
		goto refuse;
	}
	if ((msg = res_missing(r, year, region)) == field_dbfail)
		goto fail;
	if (msg != NULL)
		goto refuse;
	if (res_decide_all(r, year, region, n, npass) == -1)
		goto fail;
	if (*n == 0) {
		msg = pool_printf(r->pool, "%s%lld年度还没有导入考核结果，不能公布。",
		    name, year);
		goto refuse;
	}
	if (db_run(r, STMT_RES_PUBLISH, year, region, r->account_id) == -1 ||
	    audit(r, "result.publish", pool_printf(r->pool, "year=%lld "
	    "region=%s", year, region), "ok", pool_printf(r->pool,
	    "results=%lld passed=%lld", *n, *npass)) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	return NULL;
refuse:
	db_rollback(r);
	*n = *npass = 0;
	return msg;
fail:
	db_rollback(r);
	return field_dbfail;
}

/*
 * The candidate's seat, result, publication, line and 复核 into *m.
 * Returns 1, 0 (no seat this year) or -1.
 */
int
res_mine(struct req *r, struct res_mine *m)
{
	struct elig_policy	 pol;
	int			 k;

	memset(m, 0, sizeof(*m));
	if (policy_load(r, r->year, &pol) == -1)
		return -1;
	m->days = pol.recheck_days;
	if (db_run(r, STMT_RES_MINE, (long long)m->days, (long long)m->days,
	    r->account_id) == -1 || (k = db_row(r, STMT_RES_MINE, &m->app,
	    &m->ticket, &m->region, &m->name, &m->ie, &m->iel, &m->level,
	    &m->wt, &m->has, &m->theory, &m->skill, &m->absent, &m->passed,
	    &m->published, &m->lt, &m->ls, &m->deadline, &m->rc_open,
	    &m->kid, &m->reason, &m->asked, &m->kstate, &m->answer,
	    &m->changed, &m->answered)) == -1)
		return -1;
	if (k == 1)
		db_done(r, STMT_RES_MINE);
	return k;
}

/* Why the candidate m may not ask for 复核 now, or NULL. */
static const char *
res_recheck_refuse(struct req *r, const struct res_mine *m)
{
	if (*m->published == '\0')
		return "考核结果尚未公布，不能申请复核。";
	if (!m->has)
		return "没有您的考核成绩，不能申请复核，请联系考试地区的工考办。";
	if (m->passed == 1)
		return "您已通过考核，无需申请复核。";
	if (m->absent)
		return "您缺考，没有成绩可以复核。";
	if (m->kid > 0)
		return pool_printf(r->pool, "您已于%s申请过复核，每位考生只能申请"
		    "一次。", m->asked);
	if (!m->rc_open)
		return pool_printf(r->pool, "复核须在考核结果公布后%d天内（%s前）"
		    "申请，申请期限已过。", m->days, m->deadline);
	return NULL;
}

/*
 * The candidate asks for 复核 with reason (checked by the route: 1-200
 * characters).  Returns NULL, a message, or field_dbfail.
 */
const char *
res_recheck_ask(struct req *r, const char *reason)
{
	struct res_mine	 m;
	const char	*msg;
	int		 k;

	if ((msg = year_window_refuse(r, "result", "不能申请复核。")) != NULL)
		return msg;
	if ((k = res_mine(r, &m)) == -1)
		return field_dbfail;
	if (k == 0)
		return "您没有本年度的考场座位，没有考核结果可以复核。";
	if ((msg = res_recheck_refuse(r, &m)) != NULL)
		return msg;
	if (db_begin(r) == -1)
		return field_dbfail;
	if (db_run(r, STMT_RES_RECHECK_ADD, m.app, reason) == -1) {
		db_rollback(r);
		return db_dup(r) ? "您已申请过复核，每位考生只能申请一次。" :
		    field_dbfail;
	}
	if (audit(r, "result.recheck", pool_printf(r->pool,
	    "application=%lld", m.app), "ok", "asked") == -1 ||
	    db_commit(r) == -1) {
		db_rollback(r);
		return field_dbfail;
	}
	return NULL;
}

/* The corrected scores of an answer: both or neither.  NULL or why. */
static const char *
res_fix_check(const char *theory, const char *skill, int *tv, int *sv,
    const char **field)
{
	*tv = *sv = PASS_NONE;
	if (*theory == '\0' && *skill == '\0')
		return NULL;
	*field = *theory == '\0' ? "theory" : "skill";
	if (*theory == '\0' || *skill == '\0')
		return "更正成绩时请同时填写理论知识和操作技能成绩；不更正则都不填。";
	*field = "theory";
	if (pass_score_parse(theory, tv) == -1)
		return "理论知识成绩应为0至100之间的数，最多一位小数，如85或85.5。";
	*field = "skill";
	if (pass_score_parse(skill, sv) == -1)
		return "操作技能成绩应为0至100之间的数，最多一位小数，如85或85.5。";
	*field = NULL;
	return NULL;
}

/* The 站内消息 telling the candidate the answer. */
static const char *
res_answer_text(struct req *r, const char *answer, int tv, int sv, int p)
{
	char	 t[8], s[8];

	if (tv < 0)
		return pool_printf(r->pool, "您的考核结果复核申请已答复："
		    "%.400s", answer);
	pass_score_fmt(tv, t, sizeof(t));
	pass_score_fmt(sv, s, sizeof(s));
	return pool_printf(r->pool, "您的考核结果复核申请已答复：%.300s"
	    "（复核后理论知识%s分，操作技能%s分，考核%s）", answer, t, s,
	    p ? "通过" : "不通过");
}

/* The locked request: what an answer needs. */
struct res_rc {
	long long	 app, acct, absent, theory, skill, lt, ls;
	char		*state, *ticket;
};

/* Writes the answer to the locked request k (id); NULL or field_dbfail
 * or the message of a lost race. */
static const char *
res_answer_write(struct req *r, long long id, const struct res_rc *k,
    const char *answer, int tv, int sv)
{
	int	 p = 0, n;

	if (tv >= 0) {
		p = pass_decide(0, tv, sv, (int)k->lt, (int)k->ls);
		if (db_run(r, STMT_RES_RESULT_FIX, (long long)tv,
		    (long long)sv, (long long)p, k->lt, k->lt, k->ls, k->ls,
		    k->app) == -1)
			return field_dbfail;
	}
	if ((n = db_run(r, STMT_RES_RECHECK_ANSWER, answer,
	    (long long)(tv >= 0), r->account_id, id)) == -1)
		return field_dbfail;
	if (n == 0)
		return "这个复核申请已经答复过了。";
	if (message_send(r, k->acct, k->app, "recheck",
	    res_answer_text(r, answer, tv, sv, p)) == -1 ||
	    audit(r, "result.answer", pool_printf(r->pool, "recheck=%lld "
	    "application=%lld", id, k->app), "ok", tv < 0 ? "unchanged" :
	    pool_printf(r->pool, "changed theory=%d skill=%d passed=%d", tv,
	    sv, p)) == -1)
		return field_dbfail;
	return NULL;
}

/*
 * The office answers 复核 request id of its subtree with answer, and,
 * when both are given, the corrected scores theory and skill (passed
 * decided again from the line).  Returns NULL, a message (and *field),
 * or field_dbfail.
 */
const char *
res_recheck_answer(struct req *r, long long id, const char *answer,
    const char *theory, const char *skill, const char **field)
{
	struct res_rc	 k;
	const char	*msg;
	long long	 n;
	int		 tv, sv, got;

	*field = "answer";
	if ((n = valid_chars(answer, 1)) <= 0)
		return n == 0 ? "请填写复核答复。" : "复核答复含有不能保存的字符。";
	if (n > ANSWER_MAX)
		return "复核答复不能超过500个字。";
	if ((msg = res_fix_check(theory, skill, &tv, &sv, field)) != NULL)
		return msg;
	*field = NULL;
	if (db_begin(r) == -1)
		return field_dbfail;
	if (db_run(r, STMT_RES_RECHECK_LOCK, r->unit_id, id) == -1 ||
	    (got = db_row(r, STMT_RES_RECHECK_LOCK, &k.app, &k.state, &k.acct,
	    &k.absent, &k.theory, &k.skill, &k.lt, &k.ls, &k.ticket)) == -1) {
		msg = field_dbfail;
		goto out;
	}
	if (got == 1)
		db_done(r, STMT_RES_RECHECK_LOCK);
	if (got == 0)
		msg = "没有这个复核申请，或它不在本辖区内。";
	else if (strcmp(k.state, "asked") != 0)
		msg = "这个复核申请已经答复过了。";
	else if ((msg = res_answer_write(r, id, &k, answer, tv, sv)) == NULL &&
	    db_commit(r) == -1)
		msg = field_dbfail;
	if (msg == NULL)
		return NULL;
out:
	db_rollback(r);
	return msg;
}
