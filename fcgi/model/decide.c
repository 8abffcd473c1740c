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
 * decide.c: a review decision applied in one transaction (issue 11 items
 * 4, 7, 8, 9, 10): the application's row locked, the asker's place in
 * its chain found (else it does not exist for them), its version
 * checked (else someone acted first), the state machine asked
 * (fcgi/rules/review.c), then the row, exactly one review_events row,
 * the candidate's 站内消息 and SMS, a ban for 填报虚假信息 and the audit
 * row, all committed together or not at all.
 */

#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "decide.h"

/* What the transaction read about the application, locked. */
struct facts {
	struct rv_in	 in;
	long long	 version, wait_step, owner, year, level;
	long long	 step, last;	/* the asker's step, the chain's last */
	char		*state, *name;
	const char	*win_msg;	/* why a window is closed */
};

/* The event names the pages show (review_events.action). */
static const struct {
	const char	*code;
	const char	*name;
} events[] = {
	{ "submit",	"提交" },
	{ "pass",	"审核通过" },
	{ "final",	"终审通过" },
	{ "return",	"退回本人" },
	{ "reject",	"审核不通过" },
	{ "reapply",	"退回重新申报" },
	{ "false",	"填报虚假信息" },
	{ "lift",	"解除报名限制" },
	{ "defer",	"材料容缺后补" },
	{ "supplied",	"材料已补" },
	{ "confirm",	"确认材料已补" },
	{ "recheck",	"复核" },
};

/* The Chinese name of a review_events action (the code if unknown). */
const char *
decide_event_name(const char *code)
{
	size_t	 i;

	for (i = 0; i < sizeof(events) / sizeof(events[0]); i++)
		if (strcmp(events[i].code, code) == 0)
			return events[i].name;
	return code;
}

/*
 * Whether the window kind of year is open; when not, *msg (if still
 * NULL) says which window and when it is, in a sentence ending in what.
 * An unset window is closed, unless unset_open (the unit's deadline is
 * optional).  Returns 1 open, 0 closed, -1 (DB).
 */
static int
window_open(struct req *r, long long year, const char *kind, int unset_open,
    const char *what, const char **msg)
{
	char		*starts, *ends;
	long long	 open = 0;
	const char	*name = year_window_name(kind);
	int		 n;

	if (db_run(r, STMT_WINDOW_GET, year, kind) == -1 ||
	    (n = db_row(r, STMT_WINDOW_GET, &starts, &ends, &open)) == -1)
		return -1;
	db_done(r, STMT_WINDOW_GET);
	if (n == 0 && unset_open)
		return 1;
	if (n == 1 && open)
		return 1;
	if (*msg == NULL)
		*msg = n == 0 ? pool_printf(r->pool, "本年度尚未设置%s时间，%s",
		    name, what) : pool_printf(r->pool, "%s时间为%s至%s，当前不在"
		    "%s时间内，%s", name, starts, ends, name, what);
	return 0;
}

/*
 * Locks application app and reads what the decision depends on into f.
 * Returns 1, 0 when it does not exist or the asker's unit is not in its
 * chain (the same answer: nothing is revealed), -1 (DB).
 */
static int
facts_read(struct req *r, long long app, struct facts *f)
{
	char		*wl, *al, *rl = "";
	int		 n;

	memset(f, 0, sizeof(*f));
	if (db_run(r, STMT_DEC_LOCK, app) == -1)
		return -1;
	if ((n = db_row(r, STMT_DEC_LOCK, &f->state, &f->version,
	    &f->wait_step, &wl, &f->owner, &f->year, &f->level,
	    &f->name)) != 1)
		return n;
	db_done(r, STMT_DEC_LOCK);
	if (db_run(r, STMT_DEC_ACTOR, app, r->unit_id) == -1)
		return -1;
	if ((n = db_row(r, STMT_DEC_ACTOR, &f->step, &al)) != 1)
		return n;
	db_done(r, STMT_DEC_ACTOR);
	if (db_run(r, STMT_DEC_CHAIN_END, app) == -1 ||
	    db_row(r, STMT_DEC_CHAIN_END, &f->last) == -1)
		return -1;
	db_done(r, STMT_DEC_CHAIN_END);
	if (db_run(r, STMT_DEC_REJECTED, app) == -1 ||
	    (n = db_row(r, STMT_DEC_REJECTED, &rl)) == -1)
		return -1;
	if (n == 1)
		db_done(r, STMT_DEC_REJECTED);
	if (review_state_parse(f->state, &f->in.state) == -1)
		f->in.state = RVS__MAX;
	if (review_level_parse(wl, &f->in.wait) == -1)
		f->in.wait = RVL_NONE;
	if (review_level_parse(al, &f->in.actor) == -1)
		f->in.actor = RVL_NONE;
	if (review_level_parse(rl, &f->in.rejected) == -1)
		f->in.rejected = RVL_NONE;
	f->in.last = f->wait_step > 0 && f->wait_step == f->last;
	if (review_role_parse(role_names[r->role], &f->in.role) == -1)
		f->in.role = RVR_CANDIDATE;
	return 1;
}

/* The windows into f (the unit's only where the asker is the unit). */
static int
facts_windows(struct req *r, struct facts *f)
{
	int	 n;

	if ((n = window_open(r, f->year, "review", 0, "不能审核。",
	    &f->win_msg)) == -1)
		return -1;
	f->in.review_open = n;
	f->in.unit_open = 1;
	if (f->in.actor == RVL_UNIT && (n = window_open(r, f->year,
	    "unitreview", 1, "本单位不能审核。", &f->win_msg)) == -1)
		return -1;
	if (f->in.actor == RVL_UNIT)
		f->in.unit_open = n;
	return 0;
}

/* Who acted last on app, and when, into out (a lost race). */
static int
lost_read(struct req *r, long long app, struct dec_out *out)
{
	char	*action, *who, *at, masked[128];
	int	 n;

	if (db_run(r, STMT_DEC_LAST, app) == -1 ||
	    (n = db_row(r, STMT_DEC_LAST, &action, &who, &at)) == -1)
		return -1;
	if (n == 0)
		return 0;
	db_done(r, STMT_DEC_LAST);
	pii_mask_name(who, masked, sizeof(masked));
	out->last_action = decide_event_name(action);
	out->last_who = pool_strdup(r->pool, masked);
	out->last_at = at;
	return 0;
}

/*
 * The application's row after the decision: on to the next step, or
 * out of the queue in its new state; the 容缺 flag on a pass.  Returns
 * 1, 0 when the version moved (cannot happen under the lock), -1 (DB).
 */
static int
row_write(struct req *r, const struct decision *d, const struct facts *f,
    const struct rv_out *o)
{
	char		*level;
	long long	 unit;
	int		 n;

	if (o->advance) {
		if (db_run(r, STMT_DEC_STEP, d->app, f->wait_step + 1) == -1 ||
		    db_row(r, STMT_DEC_STEP, &level, &unit) != 1)
			return -1;
		db_done(r, STMT_DEC_STEP);
		n = db_run(r, STMT_DEC_ADVANCE, f->wait_step + 1, level, unit,
		    d->app, f->version);
	} else
		n = db_run(r, STMT_DEC_CLOSE, review_state_code(o->next),
		    d->app, f->version);
	if (n <= 0)
		return n;
	if (d->action == RVA_PASS && d->defer &&
	    db_run(r, STMT_DEC_DEFER, d->defer_note, d->app) == -1)
		return -1;
	return 1;
}

/* The texts the candidate is told: 站内消息 and SMS, by event. */
static void
notice_texts(struct req *r, const struct decision *d, const struct facts *f,
    const char *event, const char **msg, const char **sms)
{
	const char	*who = r->unit_name != NULL ? r->unit_name : "审核单位";

	*sms = "【河南工考】您的报名信息审核状态已更新，请登录系统查看。";
	if (strcmp(event, "final") == 0) {
		*msg = "您的报名信息已终审通过。";
		*sms = "【河南工考】您的报名信息已终审通过，请登录系统查看。";
	} else if (strcmp(event, "return") == 0) {
		*msg = pool_printf(r->pool, "您的报名信息被%s退回本人，理由：%s。"
		    "请修改后重新提交。", who, d->reason);
		*sms = "【河南工考】您的报名信息已被退回，请登录系统查看退回理由，"
		    "修改后重新提交。";
	} else if (strcmp(event, "reject") == 0)
		*msg = pool_printf(r->pool, "您的报名信息经%s审核不通过，理由：%s。",
		    who, d->reason);
	else if (strcmp(event, "reapply") == 0)
		*msg = pool_printf(r->pool, "您的报名信息已由%s退回重新申报，"
		    "请修改后重新提交。", who);
	else
		*msg = pool_printf(r->pool, "您的报名信息经%s认定填报虚假信息，"
		    "本年度报名已取消，%lld年至%lld年不得报名。理由：%s。如有"
		    "疑问，请联系%s。", who, f->year + 1, f->year + DEC_BAN_YEARS,
		    d->reason, who);
}

/* The 站内消息 and the SMS of event to the candidate. */
static int
notify(struct req *r, const struct decision *d, const struct facts *f,
    const char *event)
{
	const unsigned char	*pe;
	const char		*msg, *sms;
	char			 phone[64];
	size_t			 pel;
	int			 n, rc;

	notice_texts(r, d, f, event, &msg, &sms);
	if (db_run(r, STMT_DEC_MESSAGE, f->owner, d->app, event, msg) == -1 ||
	    db_run(r, STMT_DEC_PHONE, f->owner) == -1 ||
	    (n = db_row(r, STMT_DEC_PHONE, &pe, &pel)) == -1)
		return -1;
	if (n == 0)
		return 0;
	db_done(r, STMT_DEC_PHONE);
	if (pe == NULL || pii_open(r->cfg, PII_PHONE, f->owner, pe, pel,
	    phone, sizeof(phone)) == -1)
		return 0;	/* no phone to tell: the message stays */
	rc = smssend_queue(r, phone, sms);
	OPENSSL_cleanse(phone, sizeof(phone));
	return rc;
}

/* Everything the decision writes besides the row. */
static int
effects_write(struct req *r, const struct decision *d, const struct facts *f,
    const struct rv_out *o)
{
	const char	*reason = d->reason;
	char		 obj[40];

	if (d->action == RVA_PASS && d->defer && *reason == '\0')
		reason = pool_printf(r->pool, "材料容缺后补：%s", d->defer_note);
	if (db_run(r, STMT_DEC_EVENT, d->app, review_level_code(f->in.actor),
	    f->step, o->event, r->account_id, r->unit_id, reason) == -1)
		return -1;
	if (o->notify && notify(r, d, f, o->event) == -1)
		return -1;
	if (d->action == RVA_FALSE && db_run(r, STMT_DEC_BAN, f->year + 1,
	    f->year + DEC_BAN_YEARS, d->app, d->reason, r->account_id,
	    f->owner) == -1)
		return -1;
	snprintf(obj, sizeof(obj), "application:%lld", d->app);
	return audit(r, "review.decide", obj, "ok", o->event);
}

/*
 * Applies decision d in one transaction and fills out.  Returns DEC_OK
 * (committed), DEC_NOTFOUND (none in the asker's chain: answer 404),
 * DEC_STALE (its version is not d->version: out names the last act),
 * DEC_REFUSED (out.why, out.msg), DEC_DB (rolled back).
 */
enum dec_rc
decide_apply(struct req *r, const struct decision *d, struct dec_out *out)
{
	struct facts	 f;
	struct rv_out	 o;
	int		 n;

	memset(out, 0, sizeof(*out));
	if (db_begin(r) == -1)
		return DEC_DB;
	if ((n = facts_read(r, d->app, &f)) != 1)
		goto stop;
	out->name = f.name;
	out->level = f.level;
	out->state = review_state_name(f.in.state);
	if (f.version != d->version) {
		n = lost_read(r, d->app, out);
		db_rollback(r);
		return n == -1 ? DEC_DB : DEC_STALE;
	}
	f.in.action = d->action;
	f.in.has_reason = *d->reason != '\0';
	if (facts_windows(r, &f) == -1)
		goto fail;
	if ((out->why = review_decide(&f.in, &o)) != RVW_OK) {
		db_rollback(r);
		out->msg = out->why == RVW_WINDOW || out->why == RVW_UNITWINDOW ?
		    f.win_msg : review_why_text(out->why);
		return out->why == RVW_LEVEL && f.in.actor == RVL_NONE ?
		    DEC_NOTFOUND : DEC_REFUSED;
	}
	if ((n = row_write(r, d, &f, &o)) != 1 ||
	    effects_write(r, d, &f, &o) == -1 || db_commit(r) == -1)
		goto fail;
	out->event = o.event;
	out->state = review_state_name(o.next);
	return DEC_OK;
stop:
	db_rollback(r);
	return n == -1 ? DEC_DB : DEC_NOTFOUND;
fail:
	db_rollback(r);
	return DEC_DB;
}

/*
 * The application waiting longest in the asker's queue: 高级技师审核
 * (senior: level 1) or 人工审核 (levels 2 to 5).  Returns its id, 0 when
 * the queue is empty, -1 (DB).
 */
long long
decide_next(struct req *r, int senior)
{
	long long	 id = 0, u = r->unit_id;
	int		 n;

	if (senior)
		n = db_run(r, STMT_DEC_NEXT, u, 1LL, u, 1LL, u, 1LL, u, 1LL);
	else
		n = db_run(r, STMT_DEC_NEXT, u, 2LL, u, 3LL, u, 4LL, u, 5LL);
	if (n == -1 || (n = db_row(r, STMT_DEC_NEXT, &id)) == -1)
		return -1;
	if (n == 1)
		db_done(r, STMT_DEC_NEXT);
	return id;
}
