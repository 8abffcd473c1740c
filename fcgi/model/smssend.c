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
 * smssend.c: the "获取验证码" button of a form, answered on that form;
 * other messages queued for gkbm-sms (the review's notifications)
 */

#include <string.h>

#include "web.h"

/*
 * Sends a code for purpose to phone (smscode.c: rate limits, captcha,
 * hourly budget) and answers on the request's form: status "sent" and
 * the message sent, or the refusal as the error of field.  With deliver
 * 0 the code is recorded but goes nowhere, so a value nobody registered
 * is answered, and limited, exactly like a registered one.  Returns
 * RC_OK, or RC_DB when the database failed.
 */
enum rc
smssend_form(struct req *r, const char *phone, const char *purpose,
    int deliver, const char *field, const char *sent)
{
	const char	*msg;

	msg = deliver ? sms_issue(r, phone, purpose) :
	    sms_pretend(r, phone, purpose);
	if (msg != NULL) {
		if (r->status == 503)
			return RC_DB;
		xml_field_error(r, field, msg);
		return RC_OK;
	}
	xml_attr(r->form, "status", "sent");
	xml_form_message(r, sent);
	return RC_OK;
}

/*
 * Queues the message body to phone in the outbox, inside the caller's
 * transaction: the row is made, then its sealed phone and body are bound
 * to it (as smscode.c does for a code); gkbm-sms sends it.  Returns 0 or
 * -1 (DB).
 */
int
smssend_queue(struct req *r, const char *phone, const char *body)
{
	unsigned char	 pe[PII_MAX], be[PII_PLAIN_MAX + 64];
	size_t		 pel, bel;
	long long	 out;

	if (db_run(r, STMT_OUTBOX_INSERT) == -1)
		return -1;
	out = db_insert_id(r, STMT_OUTBOX_INSERT);
	if (pii_seal(r->cfg, PII_OUT_PHONE, out, phone, pe, sizeof(pe),
	    &pel) == -1 || pii_seal(r->cfg, PII_OUT_BODY, out, body, be,
	    sizeof(be), &bel) == -1) {
		log_warnx("%s: pii_seal failed", __func__);
		return -1;
	}
	return db_run(r, STMT_OUTBOX_SEAL, pe, pel, be, bel, out) == 1 ?
	    0 : -1;
}
