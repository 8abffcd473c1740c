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
 * h_decide.c: the review's decisions (issue 11 items 4, 8, 10): POST
 * /review/decide (one application, then the next of the same queue),
 * POST /review/batch (勾选审核, 勾选退回: each row on its own) and POST
 * /review/false (填报虚假信息).  The decision itself is decide.c's; this
 * file reads the fields and answers: 303 on, 400 with the reason, 409
 * with who acted first, 404 for what is not in the asker's chain.
 */

#include <string.h>

#include "web.h"
#include "decide.h"

/* Not found and not in the asker's chain read the same (never reveal). */
#define MSG_NOTFOUND	"未找到该报名信息，或该报名信息不在本级审核范围内。"
#define MSG_UNCHANGED	"审核未完成，报名信息没有改动：请按提示修改后重新提交。"
#define MSG_ID		"请从审核列表中选择报名信息。"
#define MSG_VERSION	"页面已过期，请返回详情页刷新后重新审核。"
#define MSG_REASON	"理由最多200个字，且不能含有控制字符。"

enum { DF_ID, DF_VERSION, DF_ACTION, DF_REASON, DF_DEFER, DF_NOTE, DF_NEXT };
enum { FF_ID, FF_VERSION, FF_REASON };

/* In the order of enum rv_action: a choice's index is its action. */
static const char *const single_actions[] = {
	"pass", "return", "reject", "reapply", NULL
};
static const char *const yesno[] = { "0", "1", NULL };
static const char *const queues[] = { "manual", "senior", NULL };

/* The fields of POST /review/decide (COMMON.md). */
const struct fielddef h_review_decide_fields[] = {
	[DF_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL, MSG_ID, MSG_ID,
	    NULL, NULL },
	[DF_VERSION] = { "version", FT_UINT, FL_REQ, 1, 4294967295LL,
	    MSG_VERSION, MSG_VERSION, NULL, NULL },
	[DF_ACTION] = { "action", FT_CHOICE, FL_REQ, 0, 0,
	    "请选择审核结果（通过、退回本人、不通过或退回重新申报）。",
	    "请选择审核结果（通过、退回本人、不通过或退回重新申报）。",
	    single_actions, NULL },
	[DF_REASON] = { "reason", FT_TEXT, FL_LINES, 0, DEC_REASON_MAX, NULL,
	    MSG_REASON, NULL, NULL },
	[DF_DEFER] = { "defer", FT_CHOICE, 0, 0, 0, NULL,
	    "请选择材料是否容缺后补（是或否）。", yesno, NULL },
	[DF_NOTE] = { "defer_note", FT_TEXT, FL_LINES, 0, DEC_NOTE_MAX, NULL,
	    "容缺后补备注最多500个字，且不能含有控制字符。", NULL, NULL },
	[DF_NEXT] = { "next", FT_CHOICE, 0, 0, 0, NULL,
	    "请从人工审核或高级技师审核列表进入。", queues, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* The fields of POST /review/false. */
const struct fielddef h_review_false_fields[] = {
	[FF_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL, MSG_ID, MSG_ID,
	    NULL, NULL },
	[FF_VERSION] = { "version", FT_UINT, FL_REQ, 1, 4294967295LL,
	    MSG_VERSION, MSG_VERSION, NULL, NULL },
	[FF_REASON] = { "reason", FT_TEXT, FL_REQ | FL_LINES, 1,
	    DEC_REASON_MAX, "请填写认定填报虚假信息的理由。", MSG_REASON, NULL,
	    NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* The page <decide kind> with its form and the posted fields. */
static void
page_start(struct req *r, const char *kind, const char *action)
{
	xml_page(r, PAGE_DECIDE);
	xml_attr(r->root, "kind", kind);
	xml_form(r, action);
	field_xml(r);
}

/* <application id name state/>: one the asker's chain holds. */
static void
app_xml(struct req *r, long long id, const struct dec_out *o)
{
	xmlNodePtr	 a;

	a = xml_el(r->root, "application", NULL);
	xml_attrf(a, "id", "%lld", id);
	xml_attr(a, "name", o->name);
	xml_attr(a, "state", o->state);
}

/*
 * The answer to a decision that was not applied: 404 (not in the
 * chain), 409 (someone acted first: what, who, when), 400 (refused,
 * the reason on its field or the form), 503.
 */
static enum rc
refusal(struct req *r, long long id, enum dec_rc n, const struct dec_out *o)
{
	xmlNodePtr	 c;

	if (n == DEC_DB)
		return RC_DB;
	if (n == DEC_NOTFOUND) {
		r->message = MSG_NOTFOUND;
		return RC_NOTFOUND;
	}
	app_xml(r, id, o);
	if (n == DEC_STALE) {
		c = xml_el(r->root, "conflict", NULL);
		xml_attr(c, "action", o->last_action);
		xml_attr(c, "who", o->last_who);
		xml_attr(c, "at", o->last_at);
		r->status = 409;
		return RC_OK;
	}
	if (o->why == RVW_REASON)
		xml_field_error(r, "reason", o->msg);
	xml_form_refuse(r, o->why == RVW_REASON ? MSG_UNCHANGED : o->msg);
	return RC_OK;
}

/* What the fields cannot see alone: the 容缺 choice and its note. */
static void
defer_check(struct req *r)
{
	const struct fval	*fv = r->fv;

	if (fv[DF_DEFER].err != NULL || fv[DF_DEFER].n != 1)
		return;
	if (fv[DF_ACTION].err == NULL && fv[DF_ACTION].n != RVA_PASS)
		xml_field_error(r, "defer", "材料容缺后补只能在审核通过时选择。");
	else if (*fv[DF_NOTE].s == '\0')
		xml_field_error(r, "defer_note",
		    "选择材料容缺后补时，请填写需要后补的材料。");
}

/* 303 to the next application waiting in the same queue, or the queue. */
static enum rc
next_redirect(struct req *r, const struct dec_out *o)
{
	const struct fval	*q = &r->fv[DF_NEXT];
	int			 senior;
	long long		 id;

	senior = *q->s != '\0' ? q->n == 1 : o->level == 1;
	if ((id = decide_next(r, senior)) == -1)
		return RC_DB;
	resp_redirect(r, id > 0 ? pool_printf(r->pool,
	    "/review/app?id=%lld&m=decided", id) : pool_printf(r->pool,
	    "/review/queue?q=%s&m=decided", senior ? "senior" : "manual"));
	return RC_OK;
}

/* POST /review/decide: one decision, then the next of the queue. */
enum rc
h_review_decide(struct req *r)
{
	const struct fval	*fv = r->fv;
	struct decision		 d;
	struct dec_out		 o;
	enum dec_rc		 n;

	page_start(r, "single", "/review/decide");
	defer_check(r);
	if (r->fields_bad || r->form_bad) {
		xml_form_refuse(r, MSG_UNCHANGED);
		return RC_OK;
	}
	memset(&d, 0, sizeof(d));
	d.app = fv[DF_ID].n;
	d.version = fv[DF_VERSION].n;
	d.action = (enum rv_action)fv[DF_ACTION].n;
	d.reason = fv[DF_REASON].s;
	d.defer = *fv[DF_DEFER].s != '\0' && fv[DF_DEFER].n == 1;
	d.defer_note = fv[DF_NOTE].s;
	if ((n = decide_apply(r, &d, &o)) != DEC_OK)
		return refusal(r, d.app, n, &o);
	return next_redirect(r, &o);
}

/* POST /review/false: 填报虚假信息 (county level or above). */
enum rc
h_review_false(struct req *r)
{
	const struct fval	*fv = r->fv;
	struct decision		 d;
	struct dec_out		 o;
	enum dec_rc		 n;

	page_start(r, "false", "/review/false");
	if (r->fields_bad) {
		xml_form_refuse(r, "未认定，报名信息没有改动：请按提示修改后"
		    "重新提交。");
		return RC_OK;
	}
	memset(&d, 0, sizeof(d));
	d.app = fv[FF_ID].n;
	d.version = fv[FF_VERSION].n;
	d.action = RVA_FALSE;
	d.reason = fv[FF_REASON].s;
	d.defer_note = "";
	if ((n = decide_apply(r, &d, &o)) != DEC_OK) {
		if (n == DEC_REFUSED && (o.why == RVW_LEVEL ||
		    o.why == RVW_ROLE))
			o.msg = "只有县区及以上工考办能认定填报虚假信息。";
		return refusal(r, d.app, n, &o);
	}
	resp_redirect(r, pool_printf(r->pool, "/review/app?id=%lld&m=false",
	    d.app));
	return RC_OK;
}
