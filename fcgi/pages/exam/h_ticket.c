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
 * h_ticket.c: the candidate's 准考证打印 (SPEC §3.7, seed 000 §6, 001
 * §五(二)): inside the year's ticket window, with a seat, after an SMS
 * code sent to the account's phone (purpose "ticket"), which unlocks
 * the ticket for this session for TICKET_UNLOCK_MIN minutes; then the
 * page shows the ticket and links its PDF (/ticket.pdf, one A4 page).
 * Only his own seat is ever loaded (ticket_mine: by his account).
 * The unlock, a wrong code and each download are audited.
 */

#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "exam.h"
#include "ticket.h"

#define M_NOSEAT	"您还没有考场座位，暂时不能打印准考证。准考证在市工考办编排" \
			"考场后生成：报名须已终审通过，没有待补交的容缺后补材料，需" \
			"网上缴费的地区须已缴费。如有疑问，请咨询所在市工考办。"
#define M_CLOSED	"不能打印准考证。准考证打印时间请咨询所在市、省直管县" \
			"（市）工考办。"

enum { TF_CODE, TF_SEND };

/* The fields of POST /ticket: the code, or the 获取验证码 button. */
const struct fielddef h_ticket_fields[] = {
	[TF_CODE] = { "sms_code", FT_TEXT, FL_SECRET, 0, 32, NULL,
	    "短信验证码为6位数字。", NULL, NULL },
	[TF_SEND] = { "send_code", FT_TEXT, FL_SECRET | FL_RAW, 0, 32, NULL,
	    "请点击“获取验证码”按钮。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* Says on the page why there is no ticket: <refusal code>text. */
static void
ticket_refuse(struct req *r, const char *code, const char *msg)
{
	xml_attr(xml_el(r->root, "refusal", msg), "code", code);
}

/*
 * The page and its gates: the ticket window open now, a seat of his.
 * Returns 1 with *app, 0 refused (the page says why), -1 (database).
 */
static int
ticket_gate(struct req *r, long long *app)
{
	const char	*msg;
	int		 open, n;

	xml_page(r, PAGE_TICKET);
	if (year_window(r, r->root, "ticket", &open) == -1)
		return -1;
	if (!open) {
		if ((msg = year_window_refuse(r, "ticket", M_CLOSED)) ==
		    field_dbfail)
			return -1;
		ticket_refuse(r, "closed", msg != NULL ? msg : M_CLOSED);
		return 0;
	}
	if ((n = ticket_mine(r, app)) == 1)
		return 1;
	if (n == 0)
		ticket_refuse(r, "no-seat", M_NOSEAT);
	return n;
}

/* The account's phone into phone (sz bytes), "" if none; 0 or -1. */
static int
ticket_phone(struct req *r, char *phone, size_t sz)
{
	unsigned char	*pe;
	size_t		 pel;
	int		 n;

	phone[0] = '\0';
	if (db_run(r, STMT_TK_PHONE, r->account_id) == -1 ||
	    (n = db_row(r, STMT_TK_PHONE, &pe, &pel)) == -1)
		return -1;
	if (n == 1)
		db_done(r, STMT_TK_PHONE);
	if (n == 1 && pe != NULL && pii_open(r->cfg, PII_PHONE,
	    r->account_id, pe, pel, phone, sz) == -1)
		phone[0] = '\0';
	return 0;
}

/* The code form: the phone masked, the code's numbers, POST /ticket. */
static void
ticket_form(struct req *r, const char *phone)
{
	char	 m[16];

	m[0] = '\0';
	if (*phone != '\0')
		pii_mask_phone(phone, m, sizeof(m));
	xml_el(r->root, "sms-phone", m);
	xml_attrf(sms_xml(r->root), "unlock", "%d", TICKET_UNLOCK_MIN);
	xml_form(r, "/ticket");
}

/* GET /ticket: the refusal, the code form, or the ticket itself. */
enum rc
h_ticket(struct req *r)
{
	struct ticket	 t;
	char		 phone[16], *until = NULL;
	long long	 app;
	int		 n;

	if ((n = ticket_gate(r, &app)) != 1)
		return n == -1 ? RC_DB : RC_OK;
	if ((n = ticket_unlocked(r, &until)) == -1)
		return RC_DB;
	if (n == 0) {
		if (ticket_phone(r, phone, sizeof(phone)) == -1)
			return RC_DB;
		ticket_form(r, phone);
		OPENSSL_cleanse(phone, sizeof(phone));
		return RC_OK;
	}
	if ((n = ticket_load(r, app, &t)) != 1) {
		if (n == 0)
			ticket_refuse(r, "no-seat", M_NOSEAT);
		return n == -1 ? RC_DB : RC_OK;
	}
	ticket_xml(r, r->root, &t, 1);
	xml_attr(r->root, "until", until);
	ticket_rules_xml(r->root);
	return RC_OK;
}

/* A right code: used once, the session unlocked, audited; RC_OK. */
static enum rc
ticket_open(struct req *r, long long app, long long code_id)
{
	const char	*obj = pool_printf(r->pool, "application:%lld", app);

	if (db_begin(r) == -1)
		return RC_DB;
	if (sms_use(r, code_id) == -1) {
		db_rollback(r);
		xml_field_error(r, "sms_code", "该验证码已使用，请重新获取。");
		return RC_OK;
	}
	if (ticket_unlock(r) == -1 ||
	    audit(r, "ticket.unlock", obj, "ok", NULL) == -1 ||
	    db_commit(r) == -1) {
		db_rollback(r);
		return RC_DB;
	}
	resp_redirect(r, "/ticket");
	return RC_OK;
}

/*
 * POST /ticket (h_ticket_fields): send_code sends a code to the
 * account's phone; else the code is checked (a wrong one audited) and
 * a right one unlocks the ticket (303 to GET /ticket).
 */
enum rc
h_ticket_post(struct req *r)
{
	const struct fval	*fv = r->fv;
	const char		*msg;
	char			 phone[16];
	long long		 app, code_id = 0;
	int			 n;
	enum rc			 rc;

	if ((n = ticket_gate(r, &app)) != 1) {
		r->status = 409;
		return n == -1 ? RC_DB : RC_OK;
	}
	if (ticket_phone(r, phone, sizeof(phone)) == -1)
		return RC_DB;
	ticket_form(r, phone);
	if (*phone == '\0') {
		xml_field_error(r, "sms_code", "账号未绑定手机号，无法发送验证码，"
		    "请联系所在单位或市工考办。");
		return RC_OK;
	}
	if (fv[TF_SEND].given)
		rc = smssend_form(r, phone, "ticket", 1, "sms_code",
		    "验证码已发送，请查收短信（5分钟内有效）。");
	else if ((msg = sms_check(r, phone, "ticket", fv[TF_CODE].s,
	    &code_id)) != NULL) {
		rc = r->status == 503 ? RC_DB : RC_OK;
		if (rc == RC_OK) {
			xml_field_error(r, "sms_code", msg);
			if (audit(r, "ticket.unlock", pool_printf(r->pool,
			    "application:%lld", app), "fail", msg) == -1)
				rc = RC_DB;
		}
	} else
		rc = ticket_open(r, app, code_id);
	OPENSSL_cleanse(phone, sizeof(phone));
	return rc;
}

/*
 * GET /ticket.pdf: his ticket as one A4 page, while the window is open
 * and the session unlocked; otherwise back to /ticket, which says why.
 * Audited before anything is sent.
 */
enum rc
h_ticket_pdf(struct req *r)
{
	struct ticket	 t;
	long long	 app;
	int		 n;

	if ((n = ticket_gate(r, &app)) == 1 &&
	    (n = ticket_unlocked(r, NULL)) == 1 &&
	    (n = ticket_load(r, app, &t)) == 1) {
		if (audit(r, "ticket.pdf", pool_printf(r->pool,
		    "application:%lld", app), "ok", "candidate") == -1)
			return RC_DB;
		return ticket_send(r, &t);
	}
	if (n == -1)
		return RC_DB;
	resp_redirect(r, "/ticket");
	return RC_OK;
}
