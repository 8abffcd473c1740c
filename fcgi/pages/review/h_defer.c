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
 * h_defer.c: 容缺后补 (002 §1.1.4): the list of deferred applications in
 * the account's chains, 确认材料已补 by the unit admin and the office's
 * re-check (defer.c holds the moves).
 */

#include <string.h>

#include "web.h"
#include "defer.h"

#define MSG_ID		"报名编号不正确，请从容缺后补列表中选择。"
#define MSG_REASON	"复核意见应在500字以内，且不能含有控制字符。"

enum { CF_ID };
/* POST /review/deferred/confirm: csrf, id. */
const struct fielddef h_defer_confirm_fields[] = {
	{ "id", FT_UINT, FL_REQ, 1, 4294967295LL, MSG_ID, MSG_ID, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum { RF_ID, RF_RESULT, RF_REASON };
static const char *const results[] = { "ok", "refuse", NULL };
/* POST /review/deferred/recheck: csrf, id, result (ok|refuse), reason. */
const struct fielddef h_defer_recheck_fields[] = {
	{ "id", FT_UINT, FL_REQ, 1, 4294967295LL, MSG_ID, MSG_ID, NULL, NULL },
	{ "result", FT_CHOICE, FL_REQ, 0, 0, "请选择复核结果：材料齐全或材料仍不齐全。",
	  "请选择复核结果：材料齐全或材料仍不齐全。", results, NULL },
	{ "reason", FT_TEXT, FL_LINES, 0, NOTE_MAX, NULL, MSG_REASON, NULL,
	  NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * The page: <deferred-page> with the list; a refused form (action) is
 * added by the POST handlers.  Returns RC_OK or RC_DB.
 */
static enum rc
defer_page(struct req *r)
{
	xml_page(r, PAGE_DEFERRED);
	return defer_list_xml(r, r->root) == -1 ? RC_DB : RC_OK;
}

/* GET /review/deferred: 容缺后补 of the account's chains. */
enum rc
h_defer_list(struct req *r)
{
	return defer_page(r);
}

/*
 * Answers a POST: the page again with the refused form (its values and
 * messages, msg above them), or on success a redirect with flash m.
 */
static enum rc
defer_answer(struct req *r, const char *action, const char *msg, enum rc rc,
    const char *m)
{
	enum rc	 prc;

	if (rc != RC_OK)
		return rc;
	if (msg == NULL && !r->fields_bad) {
		resp_redirect(r, pool_printf(r->pool, "/review/deferred?m=%s", m));
		return RC_OK;
	}
	if ((prc = defer_page(r)) != RC_OK)
		return prc;
	xml_form(r, action);
	field_xml(r);
	xml_form_refuse(r, msg != NULL ? msg : "请按提示修改后重新提交，容缺后补状态没有改动。");
	return RC_OK;
}

/* POST /review/deferred/confirm: 确认材料已补 (2 -> 3). */
enum rc
h_defer_confirm(struct req *r)
{
	const char	*msg = NULL;
	enum rc		 rc = RC_OK;

	if (!r->fields_bad)
		msg = defer_act(r, r->fv[CF_ID].n, DEFER_CONFIRM, "", &rc);
	return defer_answer(r, "/review/deferred/confirm", msg, rc,
	    "confirmed");
}

/*
 * POST /review/deferred/recheck: the office's re-check: 材料齐全 clears
 * it (3 -> 0); 材料仍不齐全 needs the reason, which becomes the new note
 * (3 -> 1).
 */
enum rc
h_defer_recheck(struct req *r)
{
	const char	*msg = NULL;
	enum rc		 rc = RC_OK;
	int		 refuse = r->fv[RF_RESULT].n == 1;

	if (!r->fields_bad && refuse && *r->fv[RF_REASON].s == '\0') {
		r->fv[RF_REASON].err = "材料仍不齐全时，请填写还需补充的材料。";
		r->fields_bad = 1;
	}
	if (!r->fields_bad)
		msg = defer_act(r, r->fv[RF_ID].n, refuse ? DEFER_RECHECK_NO :
		    DEFER_RECHECK_OK, r->fv[RF_REASON].s, &rc);
	return defer_answer(r, "/review/deferred/recheck", msg, rc,
	    "rechecked");
}
