/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* smscode.c: SMS verification codes: issue, check, use once */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "web.h"

#define CODE_TRIES	5	/* wrong tries before a code is dead */
#define CODES_PER_DAY	10	/* per phone */
#define CODES_PER_IP	200	/* per source address and hour */

/* The keyed hash of a code, bound to the phone it was sent to. */
static void
sms_code_mac(struct req *r, const char *phone, const char *code,
    unsigned char out[MAC_LEN])
{
	char	 buf[64];

	snprintf(buf, sizeof(buf), "%s:%s", phone, code);
	pii_mac(r->cfg, "code", buf, out);
	OPENSSL_cleanse(buf, sizeof(buf));
}

/*
 * The purposes of codes, and which need the image captcha before a code
 * is sent: a registration code goes to any phone nobody registered, so
 * it is the one that can be used to send messages to strangers.
 */
static const struct {
	const char	*name;
	int		 captcha;
} sms_purposes[] = {
	{ "register", 1 },	/* 注册 (h_register.c, POST /sms) */
	{ "reset", 0 },		/* 忘记密码 (h_password.c, POST /sms) */
	{ "first", 0 },		/* the first change of a default password */
	{ "otp", 0 },		/* the second factor (h_otp.c) */
	{ "submit", 0 },	/* 提交 of the application (h_apply_post.c) */
	{ "ticket", 0 },	/* 准考证打印 (h_ticket.c) */
};

/* Returns 1 if purpose needs the captcha, 0 if not, -1 if unknown. */
static int
sms_purpose_captcha(const char *purpose)
{
	size_t	 i;

	for (i = 0; i < sizeof(sms_purposes) / sizeof(sms_purposes[0]); i++)
		if (strcmp(purpose, sms_purposes[i].name) == 0)
			return sms_purposes[i].captcha;
	return -1;
}

/*
 * The hourly budget (sms_hourly_budget, 0: none) of all messages queued:
 * when it is spent nobody gets a code, and the log says so, at most
 * once a minute per worker, for the operators' alerting.  Returns 0
 * within budget, 1 spent, -1 DB.
 */
static int
sms_budget_spent(struct req *r)
{
	static time_t	 alerted;
	long long	 n = 0;
	time_t		 now;

	if (r->cfg->sms_hourly_budget == 0)
		return 0;
	if (db_run(r, STMT_SMS_HOUR_SENT) == -1 ||
	    db_row(r, STMT_SMS_HOUR_SENT, &n) == -1)
		return -1;
	db_done(r, STMT_SMS_HOUR_SENT);
	if (n < r->cfg->sms_hourly_budget)
		return 0;
	now = time(NULL);
	if (now - alerted >= 60) {
		log_warnx("ALERT: SMS hourly budget spent: %lld messages in "
		    "the last hour, sms_hourly_budget %d; codes refused", n,
		    r->cfg->sms_hourly_budget);
		alerted = now;
	}
	return 1;
}

/*
 * The limits before a code: one per 60 seconds and CODES_PER_DAY a day
 * per phone, CODES_PER_IP an hour per address, the hourly budget.
 * Returns NULL, or the refusal (r->status 503 when the DB failed).
 */
static const char *
sms_limits(struct req *r, const unsigned char pm[MAC_LEN])
{
	long long	 last_min = 0, last_day = 0, by_ip = 0;
	int		 spent;

	if (db_run(r, STMT_SMS_RECENT, pm, (size_t)MAC_LEN) == -1 ||
	    db_row(r, STMT_SMS_RECENT, &last_min, &last_day) == -1)
		goto dbfail;
	db_done(r, STMT_SMS_RECENT);
	if (last_min > 0)
		return pool_printf(r->pool, "验证码已发送，请%d秒后再重新获取。",
		    SMS_WAIT);
	if (last_day >= CODES_PER_DAY)
		return "该手机号今日获取验证码次数已达上限，请明天再试。";
	if (db_run(r, STMT_SMS_IP_RECENT, r->ip) == -1 ||
	    db_row(r, STMT_SMS_IP_RECENT, &by_ip) == -1)
		goto dbfail;
	db_done(r, STMT_SMS_IP_RECENT);
	if (by_ip >= CODES_PER_IP)
		return "获取验证码过于频繁，请稍后再试。";
	if ((spent = sms_budget_spent(r)) == -1)
		goto dbfail;
	if (spent)
		return "当前获取验证码的人数过多，请稍后再试。";
	return NULL;
dbfail:
	r->status = 503;
	return "系统繁忙，验证码发送失败，请稍后再试。";
}

/*
 * Records a new code for purpose to phone, and queues the message if
 * deliver (else the code goes nowhere: see sms_pretend).  The sealed
 * phone and text are bound to their outbox row: made, then sealed.
 * Returns 0 or -1 (DB).
 */
static int
sms_record(struct req *r, const char *phone, const unsigned char pm[MAC_LEN],
    const char *purpose, int deliver)
{
	unsigned char	 cm[MAC_LEN], pe[PII_MAX], be[512];
	char		 code[8], body[200];
	size_t		 pel, bel;
	long long	 out;
	uint32_t	 v;

	do {
		if (RAND_bytes((unsigned char *)&v, sizeof(v)) != 1)
			fatalx("RAND_bytes failed");
	} while (v >= 4294000000U);	/* no modulo bias */
	snprintf(code, sizeof(code), "%06u", v % 1000000);
	snprintf(body, sizeof(body), "【河南工考】您的验证码为%s，%d分钟内有效。"
	    "如非本人操作，请忽略本短信。", code, SMS_VALID);
	sms_code_mac(r, phone, code, cm);
	OPENSSL_cleanse(code, sizeof(code));
	if (db_begin(r) == -1 ||
	    db_run(r, STMT_SMS_INSERT, pm, (size_t)MAC_LEN, purpose,
	    cm, sizeof(cm), r->ip) == -1)
		goto fail;
	if (deliver) {
		if (db_run(r, STMT_OUTBOX_INSERT) == -1)
			goto fail;
		out = db_insert_id(r, STMT_OUTBOX_INSERT);
		if (pii_seal(r->cfg, PII_OUT_PHONE, out, phone, pe, sizeof(pe),
		    &pel) == -1 || pii_seal(r->cfg, PII_OUT_BODY, out, body,
		    be, sizeof(be), &bel) == -1)
			fatalx("sms_record: pii_seal failed");
		if (db_run(r, STMT_OUTBOX_SEAL, pe, pel, be, bel,
		    out) != 1)
			goto fail;
	}
	OPENSSL_cleanse(body, sizeof(body));
	if (audit(r, "sms.send", purpose, "ok", deliver ? NULL :
	    "not delivered") == -1 || db_commit(r) == -1)
		goto fail;
	return 0;
fail:
	OPENSSL_cleanse(body, sizeof(body));
	db_rollback(r);
	return -1;
}

/*
 * The body of sms_issue and sms_pretend: purpose's captcha (its field
 * added to the form when missing or wrong), the limits, the code.
 */
static const char *
sms_issue_as(struct req *r, const char *phone, const char *purpose,
    int deliver)
{
	unsigned char	 pm[MAC_LEN];
	const char	*msg;
	int		 cap;

	if ((cap = sms_purpose_captcha(purpose)) == -1)
		fatalx("%s: unknown purpose %s", __func__, purpose);
	if (cap && (msg = captcha_check(r)) != NULL) {
		if (r->status == 503)
			return msg;
		if (r->form != NULL)
			captcha_field(r, msg);
		return "请先正确填写图形验证码，再获取短信验证码。";
	}
	pii_mac(r->cfg, "phone", phone, pm);
	if ((msg = sms_limits(r, pm)) != NULL)
		return msg;
	if (sms_record(r, phone, pm, purpose, deliver) == -1) {
		r->status = 503;
		return "系统繁忙，验证码发送失败，请稍后再试。";
	}
	return NULL;
}

/*
 * Sends a new code for purpose (see sms_purposes) to phone, after the
 * captcha if the purpose needs one and within the limits (sms_limits).
 * The code goes into the outbox sealed; gkbm-sms delivers it.  Returns
 * NULL, or a message for the phone field (r->status is 503 when the
 * database failed).
 */
const char *
sms_issue(struct req *r, const char *phone, const char *purpose)
{
	return sms_issue_as(r, phone, purpose, 1);
}

/*
 * As sms_issue for a phone or account nobody registered: the same
 * checks, limits and answers, and a code recorded (so the next request
 * waits 60 seconds like any other) but never sent.
 */
const char *
sms_pretend(struct req *r, const char *phone, const char *purpose)
{
	return sms_issue_as(r, phone, purpose, 0);
}

/*
 * Checks code against the newest code sent to phone for purpose: right,
 * not older than 5 minutes, not used, fewer than CODE_TRIES tries.
 * Every comparison counts a try, the right one too.  On success *id is the code's row, to be
 * consumed with sms_use() in the transaction of the action.  Returns
 * NULL or a message for the sms_code field.
 */
const char *
sms_check(struct req *r, const char *phone, const char *purpose,
    const char *code, long long *id)
{
	unsigned char	 pm[MAC_LEN], cm[MAC_LEN], *stored;
	size_t		 sl;
	long long	 tries, used, fresh;
	int		 n;

	if (code == NULL || *code == '\0')
		return "请输入短信验证码。";
	if (strlen(code) != 6 || strspn(code, "0123456789") != 6)
		return "短信验证码为6位数字。";
	pii_mac(r->cfg, "phone", phone, pm);
	if (db_run(r, STMT_SMS_LATEST, pm, sizeof(pm), purpose) == -1 ||
	    (n = db_row(r, STMT_SMS_LATEST, id, &stored, &sl,
	    &tries, &used, &fresh)) == -1) {
		r->status = 503;
		return "系统繁忙，请稍后再试。";
	}
	db_done(r, STMT_SMS_LATEST);
	if (n == 0)
		return "请先获取短信验证码。";
	if (used)
		return "该验证码已使用，请重新获取。";
	if (tries >= CODE_TRIES)
		return "验证码错误次数过多，请重新获取。";
	if (!fresh)
		return pool_printf(r->pool, "验证码已过期（有效期%d分钟），请重新获取。",
		    SMS_VALID);
	/*
	 * Every comparison takes a try first, atomically: concurrent guesses
	 * cannot all pass the check above and compare more than CODE_TRIES
	 * times; once the tries are spent, even the right code is refused.
	 */
	switch (db_run(r, STMT_SEC_SMS_TRY, *id)) {
	case 1:
		break;
	case -1:
		r->status = 503;
		return "系统繁忙，请稍后再试。";
	default:
		return "验证码错误次数过多，请重新获取。";
	}
	sms_code_mac(r, phone, code, cm);
	if (sl != MAC_LEN || CRYPTO_memcmp(stored, cm, MAC_LEN) != 0)
		return "短信验证码不正确，请核对后重新输入。";
	return NULL;
}

/*
 * Marks code row id used; 0, or -1 if it was used meanwhile (or DB).
 * The right code took one of the CODE_TRIES itself: tries <= CODE_TRIES.
 */
int
sms_use(struct req *r, long long id)
{
	return db_run(r, STMT_SEC_SMS_USE, id) == 1 ? 0 : -1;
}

/*
 * Appends <sms wait valid/> to parent: the seconds before another code
 * and the minutes a code is valid, so that a page's hint and its button
 * say what sms_issue and sms_check do.
 */
xmlNodePtr
sms_xml(xmlNodePtr parent)
{
	xmlNodePtr	 n = xml_el(parent, "sms", NULL);

	xml_attrf(n, "wait", "%d", SMS_WAIT);
	xml_attrf(n, "valid", "%d", SMS_VALID);
	return n;
}
