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
 * h_result.c: the candidate's 考核结果 (seed 000 §7, SPEC §3.7): name,
 * ID number masked, ticket number; while the region's results are
 * published and the year's 'result' window is open, 考核通过 alone, or
 * 考核不通过 with the scores and the pass lines; and 复核: one request
 * within the policy's days after publication (POST /result/recheck),
 * its answer when given.
 */

#include <string.h>

#include <openssl/crypto.h>

#include "result.h"

/* <seat>: who and where (the ID number masked). */
static void
result_seat_xml(struct req *r, const struct res_mine *m)
{
	xmlNodePtr	 n;
	char		 plain[32], masked[40];

	n = xml_el(r->root, "seat", NULL);
	xml_attr(n, "ticket", m->ticket);
	xml_attr(n, "name", m->name);
	if (m->ie != NULL && pii_open(r->cfg, PII_IDNO, r->account_id, m->ie,
	    m->iel, plain, sizeof(plain)) == 0) {
		pii_mask_idno(plain, masked, sizeof(masked));
		xml_attr(n, "idno", masked);
		OPENSSL_cleanse(plain, sizeof(plain));
	}
	if (m->level > 0) {
		xml_attrf(n, "level", "%lld", m->level);
		xml_attr(n, "level-name", xml_level_name((int)m->level));
	}
	if (*m->wt != '\0')
		xml_attr(n, "worktype", m->wt);
}

/* Sets attribute name to score tenths in words (none: left out). */
static void
result_score(xmlNodePtr n, const char *name, long long tenths)
{
	char	 b[8];

	if (tenths < 0)
		return;
	pass_score_fmt((int)tenths, b, sizeof(b));
	xml_attr(n, name, b);
}

/* The outcome's state: what the candidate may see now. */
static const char *
result_state(const struct res_mine *m, int found, int open)
{
	if (!found)
		return "none";
	if (!open)
		return "closed";
	if (*m->published == '\0')
		return "unpublished";
	if (!m->has || m->passed < 0)
		return "noresult";
	return m->passed == 1 ? "pass" : "fail";
}

/* <recheck>: the request and its answer, or whether one may be made. */
static void
result_recheck_xml(struct req *r, const struct res_mine *m)
{
	xmlNodePtr	 n;

	n = xml_el(r->root, "recheck", NULL);
	xml_attrf(n, "days", "%d", m->days);
	xml_attr(n, "deadline", m->deadline);
	if (m->kid > 0) {
		xml_attr(n, "state", m->kstate);
		xml_attr(n, "asked", m->asked);
		xml_el(n, "reason", m->reason);
		if (strcmp(m->kstate, "answered") == 0) {
			xml_attr(n, "answered", m->answered);
			if (m->changed)
				xml_attr(n, "changed", "1");
			xml_el(n, "answer", m->answer);
		}
		return;
	}
	if (m->absent)
		return;
	xml_attr(n, "state", m->rc_open ? "open" : "late");
	if (m->rc_open)
		xml_form(r, "/result/recheck");
}

/* The page; *may_ask set when a 复核 request may be made now. */
static enum rc
result_page(struct req *r, int *may_ask)
{
	struct res_mine	 m;
	xmlNodePtr	 o;
	const char	*state;
	int		 found, open;

	*may_ask = 0;
	xml_page(r, PAGE_RESULT);
	if (year_window(r, r->root, "result", &open) == -1 ||
	    (found = res_mine(r, &m)) == -1)
		return RC_DB;
	if (found)
		result_seat_xml(r, &m);
	state = result_state(&m, found, open);
	o = xml_el(r->root, "outcome", NULL);
	xml_attr(o, "state", state);
	if (found && open && *m.published != '\0')
		xml_attr(o, "published", m.published);
	if (strcmp(state, "pass") == 0 && m.kid > 0)
		result_recheck_xml(r, &m);	/* passed by its answer */
	if (strcmp(state, "fail") != 0)
		return RC_OK;
	if (m.absent)
		xml_attr(o, "absent", "1");
	result_score(o, "theory", m.theory);
	result_score(o, "skill", m.skill);
	result_score(o, "line-theory", m.lt);
	result_score(o, "line-skill", m.ls);
	result_recheck_xml(r, &m);
	*may_ask = r->form != NULL;
	return RC_OK;
}

/* GET /result */
enum rc
h_result(struct req *r)
{
	int	 may;

	return result_page(r, &may);
}

enum { RF_REASON };
const struct fielddef h_result_recheck_fields[] = {
	[RF_REASON] = { "reason", FT_TEXT, FL_REQ | FL_LINES, 1, 200,
	    "请填写申请复核的理由。", "申请复核的理由不能超过200个字，"
	    "且不能含有无法识别的字符。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* POST /result/recheck (reason) */
enum rc
h_result_recheck(struct req *r)
{
	const char	*msg;
	enum rc		 rc;
	int		 may;

	if ((rc = result_page(r, &may)) != RC_OK)
		return rc;
	if (r->form == NULL)
		xml_form(r, "/result/recheck");
	field_xml(r);
	if (r->form_bad) {
		xml_form_message(r, "没有提交复核申请，请按提示修改。");
		return RC_OK;
	}
	if ((msg = res_recheck_ask(r, r->fv[RF_REASON].s)) == field_dbfail)
		return RC_DB;
	if (msg != NULL) {
		xml_form_refuse(r, msg);
		return RC_OK;
	}
	resp_redirect(r, "/result?m=recheck_asked");
	return RC_OK;
}
