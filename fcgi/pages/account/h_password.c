/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_password.c: change the password, forced change, reset by SMS code */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "web.h"

/*
 * Checks a new password for account id (role and name from the row; the
 * candidate's ID number is opened to refuse passwords containing it).
 */
static const char *
policy(struct req *r, long long id, const char *role, const char *name,
    const char *login, const unsigned char *ie, size_t iel, const char *pw)
{
	char		 idno[32] = "";
	const char	*msg;

	if (strcmp(role, "candidate") != 0)
		return passwd_check_staff(pw, login);
	if (ie != NULL && pii_open(r->cfg, PII_IDNO, id, ie, iel, idno,
	    sizeof(idno)) == -1)
		idno[0] = '\0';
	msg = passwd_check_candidate(pw, idno, name);
	OPENSSL_cleanse(idno, sizeof(idno));
	return msg;
}

/*
 * Sets the new hash, ends the account's other sessions, audits, in one
 * transaction.  A change proved by SMS (code_id not 0: a reset, or the
 * first change of a default password) also consumes the code there; a
 * reset also lifts the login delays and captchas of the account's nlm
 * names lm (h_who_key), since the delay message sends the user to
 * "忘记密码".  Returns RC_OK (with *used set if the code was used
 * meanwhile: nothing changed), RC_DB or RC_INTERNAL.
 */
static enum rc
set_password(struct req *r, long long id, const char *pw, const char *event,
    long long code_id, int *used, unsigned char (*lm)[MAC_LEN], size_t nlm)
{
	char	 hash[PW_HASH_MAX], obj[32];
	static const unsigned char none[MAC_LEN];
	unsigned char	 keep[MAC_LEN];
	size_t		 i;

	if (used != NULL)
		*used = 0;
	if (passwd_hash(pw, r->cfg->scrypt_ln, hash, sizeof(hash)) == -1)
		return RC_INTERNAL;
	if (r->sid[0] != '\0')
		token_hash(r->sid, keep);
	else
		memcpy(keep, none, sizeof(keep));
	snprintf(obj, sizeof(obj), "account:%lld", id);
	if (db_begin(r) == -1)
		goto fail;
	if (code_id != 0 && sms_use(r, code_id) == -1) {
		db_rollback(r);
		if (used != NULL)
			*used = 1;
		return RC_OK;
	}
	/* A visitor's reset reaches only the account the code was sent to. */
	if ((r->role == ROLE_ANON ? db_run(r, STMT_RESET_SET_PASSWORD,
	    hash, id, code_id) : db_run(r, STMT_ACCOUNT_SET_PASSWORD,
	    hash, id)) != 1 ||
	    db_run(r, STMT_SESSION_DELETE_ACCOUNT, id, keep,
	    sizeof(keep)) == -1)
		goto fail;
	/* ok = 2: the failures of these names before it no longer count. */
	for (i = 0; i < nlm; i++)
		if (db_run(r, STMT_ATTEMPT_INSERT, lm[i],
		    (size_t)MAC_LEN, r->ip, 2LL) == -1)
			goto fail;
	if (audit(r, event, obj, "ok", NULL) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	OPENSSL_cleanse(hash, sizeof(hash));
	return RC_OK;
fail:
	db_rollback(r);
	OPENSSL_cleanse(hash, sizeof(hash));
	return RC_DB;
}

#define M_PW_NEED	"请输入新密码。"
#define M_PW_BAD	"新密码含有无法使用的字符或过长，请重新输入。"
#define M_PW2_NEED	"请再次输入新密码。"
#define M_PW2_BAD	"两次输入的密码不一致。"

/* The new password, its confirmation and the SMS code (both forms). */
#define PW_FIELD	{ "password", FT_TEXT, FL_REQ | FL_RAW | FL_SECRET, 1, \
    128, M_PW_NEED, M_PW_BAD, NULL, NULL }
#define PW2_FIELD	{ "password2", FT_TEXT, FL_REQ | FL_RAW | FL_SECRET, 1, \
    128, M_PW2_NEED, M_PW2_BAD, NULL, NULL }
#define CODE_FIELD	{ "sms_code", FT_TEXT, FL_SECRET, 0, 32, NULL, \
    "短信验证码为6位数字。", NULL, NULL }
#define SEND_FIELD	{ "send_code", FT_TEXT, FL_SECRET | FL_RAW, 0, 32, \
    NULL, "请点击“获取验证码”按钮。", NULL, NULL }

/* The confirmation pw2 of the new password pw, both well-formed. */
static void
confirm_check(struct req *r, const struct fval *pw, const struct fval *pw2)
{
	if (pw->err == NULL && pw2->err == NULL && strcmp(pw->s, pw2->s) != 0)
		xml_field_error(r, "password2", M_PW2_BAD);
}

#define FAILS_OLD	5	/* wrong old passwords per account in 15 minutes */

/* What the password page needs to know about the account. */
struct pwacct {
	int		 code;		/* default password: SMS code needed */
	char		 phone[16];	/* the stored phone, "" if none */
};

/*
 * Loads whether the account still has its default password (set by
 * another admin: anyone who knows the unit code knows it, so the first
 * change needs a code sent to the stored phone) and that phone.  A
 * password only past its 90 days needs no code.  Returns 0 or -1 (DB).
 */
static int
pw_account(struct req *r, struct pwacct *pa)
{
	unsigned char	*pe;
	size_t		 pel;
	long long	 must = 0;
	int		 n;

	memset(pa, 0, sizeof(*pa));
	if (!r->must_change)
		return 0;
	if (db_run(r, STMT_SEC_PW_ACCOUNT, r->account_id) == -1 ||
	    (n = db_row(r, STMT_SEC_PW_ACCOUNT, &must, &pe,
	    &pel)) == -1)
		return -1;
	db_done(r, STMT_SEC_PW_ACCOUNT);
	pa->code = n == 1 && must != 0;
	if (pa->code && pe != NULL && pii_open(r->cfg, PII_PHONE,
	    r->account_id, pe, pel, pa->phone, sizeof(pa->phone)) == -1)
		pa->phone[0] = '\0';
	return 0;
}

/* Fills the page; a default password shows the phone masked. */
static void
password_page(struct req *r, const struct pwacct *pa)
{
	char	 m[16];

	xml_page(r, PAGE_PASSWORD);
	if (r->must_change)
		xml_el(r->root, "forced", NULL);
	if (pa->code) {
		m[0] = '\0';
		if (pa->phone[0] != '\0')
			pii_mask_phone(pa->phone, m, sizeof(m));
		xml_el(r->root, "sms-phone", m);
	}
	xml_el(r->root, "policy", r->role == ROLE_CANDIDATE ?
	    "密码需为字母、数字组合，8位以上，不能包含身份证号，不要使用姓名拼音加123456等容易被猜到的密码。" :
	    "密码至少8位，须包含大写字母、小写字母、数字、符号中的三种，不能包含账号，每90天须修改一次。");
	xml_form(r, "/password");
}

/* GET /password */
enum rc
h_password(struct req *r)
{
	struct pwacct	 pa;

	if (pw_account(r, &pa) == -1)
		return RC_DB;
	password_page(r, &pa);
	return RC_OK;
}

/*
 * Checks the old password, counting wrong ones like login failures (per
 * account, FAILS_OLD in 15 minutes, the attempt recorded before it is
 * counted) and auditing them.  Adds the field error; returns 0 or -1.
 */
static int
old_check(struct req *r, const char *old, const char *hash)
{
	char		 key[40];
	unsigned char	 km[MAC_LEN];
	long long	 aid, fails = 0;

	snprintf(key, sizeof(key), "password:%lld", r->account_id);
	pii_mac(r->cfg, "login", key, km);
	/* ok = 4: not a login failure, the address's login limit ignores it */
	if (db_run(r, STMT_ATTEMPT_INSERT, km, sizeof(km), r->ip,
	    4LL) == -1)
		return -1;
	aid = db_insert_id(r, STMT_ATTEMPT_INSERT);
	if (db_run(r, STMT_SEC_FAILS_OLD, km, sizeof(km), km,
	    sizeof(km)) == -1 ||
	    db_row(r, STMT_SEC_FAILS_OLD, &fails) == -1)
		return -1;
	db_done(r, STMT_SEC_FAILS_OLD);
	if (fails - 1 >= FAILS_OLD) {
		if (db_run(r, STMT_SEC_ATTEMPT_SET, 3LL, aid) == -1 ||
		    audit(r, "password.locked", NULL, "refused", NULL) == -1)
			return -1;
		xml_field_error(r, "old", "原密码错误次数过多，请15分钟后再试。");
		return 0;
	}
	if (passwd_verify(old, hash) == 1)
		return db_run(r, STMT_SEC_ATTEMPT_SET, 1LL, aid) == -1 ?
		    -1 : 0;
	if (audit(r, fails >= FAILS_OLD ? "password.lock" : "password.fail",
	    NULL, "fail", "wrong old password") == -1)
		return -1;
	if (fails >= FAILS_OLD)
		xml_field_error(r, "old", "原密码不正确，错误次数过多，"
		    "请15分钟后再试。");
	else
		xml_field_error(r, "old", pool_printf(r->pool,
		    "原密码不正确，还可尝试%lld次。", FAILS_OLD - fails));
	return 0;
}

/* send_code=1 on a forced first change: a code to the stored phone. */
static enum rc
password_send_code(struct req *r, const struct pwacct *pa)
{
	if (pa->phone[0] == '\0') {
		xml_field_error(r, "sms_code", "账号未绑定手机号，无法发送验证码，"
		    "请联系上级管理员重置密码。");
		return RC_OK;
	}
	return smssend_form(r, pa->phone, "first", 1, "sms_code",
	    "验证码已发送，请查收短信（5分钟内有效）。");
}

/*
 * The fields of POST /password: sent as typed (FL_RAW: a password's
 * spaces are its own) and never put back into the page.  The password's
 * rules are policy()'s.
 */
enum { PF_OLD, PF_PW, PF_PW2, PF_CODE, PF_SEND };
const struct fielddef h_password_fields[] = {
	[PF_OLD] = { "old", FT_TEXT, FL_REQ | FL_RAW | FL_SECRET, 1, 128,
	    "请输入原密码。", "原密码不正确。", NULL, NULL },
	[PF_PW] = PW_FIELD,
	[PF_PW2] = PW2_FIELD,
	[PF_CODE] = CODE_FIELD,
	[PF_SEND] = SEND_FIELD,
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* POST /password (h_password_fields) */
enum rc
h_password_post(struct req *r)
{
	struct pwacct	 pa;
	const struct fval *fv = r->fv;
	const char	*old = fv[PF_OLD].s, *pw = fv[PF_PW].s, *msg;
	char		*role, *name, *login, *hash, *s;
	unsigned char	*ie, *pe;
	size_t		 iel, pel;
	long long	 level, code_id = 0;
	int		 n, used;

	if (pw_account(r, &pa) == -1)
		return RC_DB;
	password_page(r, &pa);
	if (pa.code && fv[PF_SEND].given)
		return password_send_code(r, &pa);
	if (db_run(r, STMT_ACCOUNT_GET, r->account_id) == -1 ||
	    (n = db_row(r, STMT_ACCOUNT_GET, &role, &name,
	    &ie, &iel, &pe, &pel, &s, &s, &s, &level, &s, &s, &login, &s, &s,
	    &hash)) == -1)
		return RC_DB;
	db_done(r, STMT_ACCOUNT_GET);
	if (n == 0)
		return RC_NOTFOUND;
	field_xml(r);
	if (fv[PF_OLD].err == NULL && old_check(r, old, hash) == -1)
		return RC_DB;
	if (fv[PF_PW].err != NULL)
		;
	else if ((msg = policy(r, r->account_id, role, name, login, ie, iel,
	    pw)) != NULL)
		xml_field_error(r, "password", msg);
	else if (strcmp(old, pw) == 0)
		xml_field_error(r, "password", "新密码不能与原密码相同。");
	confirm_check(r, &fv[PF_PW], &fv[PF_PW2]);
	if (pa.code && pa.phone[0] == '\0')
		xml_field_error(r, "sms_code", "账号未绑定手机号，无法发送验证码，"
		    "请联系上级管理员重置密码。");
	if (r->form_bad)
		return RC_OK;
	/* Checked last: a wrong field elsewhere spends no try of the code. */
	if (pa.code && (msg = sms_check(r, pa.phone, "first",
	    fv[PF_CODE].s, &code_id)) != NULL) {
		if (r->status == 503)
			return RC_DB;
		xml_field_error(r, "sms_code", msg);
		return RC_OK;
	}
	if (set_password(r, r->account_id, pw, "password.change", code_id,
	    &used, NULL, 0) != RC_OK)
		return RC_DB;
	if (used) {
		xml_field_error(r, "sms_code", "该验证码已使用，请重新获取。");
		return RC_OK;
	}
	/* A new session id after the change, the old cookie is worthless. */
	if (auth_login(r, r->account_id) != RC_OK)
		return RC_DB;
	resp_redirect(r, "/home?m=changed");
	return RC_OK;
}

/* What an ID number, phone, unit code or account name is made of. */
#define LOGIN_CHARS	"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" \
			"abcdefghijklmnopqrstuvwxyz_"

#define MSG_FORGOT_SENT	"如账号与手机号一致，验证码已发送至该手机，请查收短信" \
			"（5分钟内有效）。"
#define MSG_FORGOT_TOTP	"该账号已绑定身份验证器：重置密码还须填写身份验证器" \
			"中的6位验证码；无法使用的，请联系上级管理员。"

/* The fields of POST /password/forgot (h_forgot_fields). */
enum { FF_LOGIN, FF_PHONE, FF_KIND, FF_PW, FF_PW2, FF_CODE, FF_TOTP,
    FF_SEND };

/* The account a forgot form names, and whether the phone is its own. */
struct forgot {
	struct who	 a;
	int		 staff;		/* found among staff */
	int		 matched;	/* an account, and the phone is its own */
	unsigned char	 lm[3][MAC_LEN]; /* its names' failure keys */
	size_t		 nlm;
};

static void
forgot_page(struct req *r)
{
	xml_page(r, PAGE_FORGOT);
	xml_form(r, "/password/forgot");
}

/* GET /password/forgot */
enum rc
h_forgot(struct req *r)
{
	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/password");
		return RC_OK;
	}
	forgot_page(r);
	return RC_OK;
}

/*
 * Finds the account of login (a candidate of this year first, then
 * staff) and checks phone against its own.  Returns 0 or -1 (DB).
 */
static int
forgot_find(struct req *r, const char *login, const char *phone,
    struct forgot *fg)
{
	unsigned char	 pm[MAC_LEN];
	char		 norm[64];
	int		 n;

	memset(fg, 0, sizeof(*fg));
	if ((n = account_find(r, 0, login, &fg->a, norm, sizeof(norm))) == 0) {
		fg->staff = 1;
		n = account_find(r, 1, login, &fg->a, norm, sizeof(norm));
	}
	if (n == -1)
		return -1;
	pii_mac(r->cfg, "phone", phone, pm);
	fg->matched = n == 1 && fg->a.phone_mac_len == MAC_LEN &&
	    CRYPTO_memcmp(fg->a.phone_mac, pm, MAC_LEN) == 0;
	if (fg->matched)
		account_key(r, fg->staff, phone, fg->lm[fg->nlm++]);
	return 0;
}

/*
 * Adds the failure key of name (the ID number or account name) to the
 * keys a reset of fg lifts; the phone's is there already.
 */
static void
forgot_name(struct req *r, struct forgot *fg, const char *name)
{
	if (name != NULL && *name != '\0' && fg->nlm < 3)
		account_key(r, fg->staff, name, fg->lm[fg->nlm++]);
}

/*
 * An account with an authenticator needs its code besides the SMS code
 * (SECURITY.md: a SIM swap alone must not take an office account); the
 * step is taken (no code twice).  Read only through the right, unused
 * reset code code_id.  Returns 0 (with a field error if the
 * code is missing or wrong), or -1 (DB).
 */
static int
forgot_totp(struct req *r, long long id, long long code_id)
{
	const char	*code = r->fv[FF_TOTP].s;
	unsigned char	*enc, key[TOTP_KEY_LEN * 2];
	char		 b32[64];
	size_t		 len;
	long long	 last, step;
	int		 n, ok;

	if (db_run(r, STMT_AUTH_TOTP_GET, id, code_id) == -1 ||
	    (n = db_row(r, STMT_AUTH_TOTP_GET, &enc, &len,
	    &last)) == -1)
		return -1;
	db_done(r, STMT_AUTH_TOTP_GET);
	if (n == 0) {		/* the code expired meanwhile */
		xml_field_error(r, "sms_code", "验证码已过期（有效期5分钟），"
		    "请重新获取。");
		return 0;
	}
	if (enc == NULL)
		return 0;
	if (strlen(code) != 6 || strspn(code, "0123456789") != 6) {
		xml_field_error(r, "totp", MSG_FORGOT_TOTP);
		return 0;
	}
	if (pii_open(r->cfg, PII_TOTP, id, enc, len, b32, sizeof(b32)) == -1 ||
	    (n = base32_decode(b32, key, sizeof(key))) <= 0)
		return -1;
	ok = totp_check(key, (size_t)n, code, time(NULL), last, &step) == 0;
	OPENSSL_cleanse(b32, sizeof(b32));
	OPENSSL_cleanse(key, sizeof(key));
	if (ok && (n = db_run(r, STMT_OTP_STEP_SET, step, id,
	    step)) == -1)
		return -1;
	if (!ok || n != 1) {
		if (audit(r, "password.reset", pool_printf(r->pool,
		    "account:%lld", id), "fail", "wrong totp") == -1)
			return -1;
		xml_field_error(r, "totp", "身份验证器验证码不正确，请核对后"
		    "重新输入。");
	}
	return 0;
}

/*
 * The new password of a reset, checked once the SMS code is right: the
 * phone must be the account's, an authenticator's code is needed if it
 * has one, and the password must suit the account.  Adds the field
 * errors; returns 0 or -1 (DB).
 */
static int
forgot_check(struct req *r, struct forgot *fg, const char *pw,
    long long code_id)
{
	char		*alogin = NULL, idno[32];
	const char	*msg;
	int		 n;

	if (!fg->matched) {
		xml_field_error(r, "phone", "账号与绑定的手机号不一致，请核对；"
		    "如手机号已更换，请联系本单位管理员。");
		return 0;
	}
	if (forgot_totp(r, fg->a.id, code_id) == -1)
		return -1;
	/* The staff policy refuses the account name, however it was named. */
	if (strcmp(fg->a.role, "candidate") != 0) {
		if (db_run(r, STMT_RESET_LOGIN, fg->a.id) == -1 ||
		    (n = db_row(r, STMT_RESET_LOGIN, &alogin)) == -1)
			return -1;
		db_done(r, STMT_RESET_LOGIN);
		if (n == 0)
			alogin = NULL;
		forgot_name(r, fg, alogin);
	} else if (fg->a.idno_enc != NULL && pii_open(r->cfg, PII_IDNO,
	    fg->a.id, fg->a.idno_enc, fg->a.idno_enc_len, idno,
	    sizeof(idno)) == 0) {
		forgot_name(r, fg, idno);
		OPENSSL_cleanse(idno, sizeof(idno));
	}
	if ((msg = policy(r, fg->a.id, fg->a.role, fg->a.name,
	    alogin ? alogin : "",
	    fg->a.idno_enc, fg->a.idno_enc_len, pw)) != NULL)
		xml_field_error(r, "password", msg);
	return 0;
}

/* A login: letters, digits and the underscore. */
static const char *
check_login(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	(void)f;
	return strspn(v->s, LOGIN_CHARS) == strlen(v->s) ? NULL :
	    "账号只含字母、数字和下划线（身份证号、手机号、单位代码或账号名），"
	    "请核对。";
}

/*
 * The fields of POST /password/forgot: who (login, phone, kind: put back
 * into the page), then what the reset needs.
 */
const struct fielddef h_forgot_fields[] = {
	[FF_LOGIN] = { "login", FT_TEXT, FL_REQ, 1, 32,
	    "请输入身份证号、手机号、单位代码或账号。", "账号过长，请核对。", NULL,
	    check_login },
	[FF_PHONE] = { "phone", FT_TEXT, FL_REQ, 1, 32, "请输入手机号码。",
	    "请输入11位手机号码。", NULL, field_check_phone },
	[FF_KIND] = { "kind", FT_TEXT, 0, 0, 16, NULL, "账号类别不正确。", NULL,
	    NULL },
	[FF_PW] = PW_FIELD,
	[FF_PW2] = PW2_FIELD,
	[FF_CODE] = CODE_FIELD,
	[FF_TOTP] = { "totp", FT_TEXT, FL_SECRET, 0, 32, NULL, MSG_FORGOT_TOTP,
	    NULL, NULL },
	[FF_SEND] = SEND_FIELD,
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * POST /password/forgot (h_forgot_fields): send a code, or set the new
 * password.  Every
 * answer before the SMS code is right is the same whether the account,
 * or the phone as its phone, exists: a code is recorded either way
 * (sms_pretend) and only the account's own phone gets it.
 */
enum rc
h_forgot_post(struct req *r)
{
	struct forgot	 fg;
	const struct fval *fv = r->fv;
	const char	*phone = fv[FF_PHONE].s, *pw = fv[FF_PW].s, *msg;
	long long	 code_id;
	int		 used;

	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/password");
		return RC_OK;
	}
	forgot_page(r);
	field_put(r, h_forgot_fields, fv, FF_PW);	/* who */
	if (r->form_bad)
		return RC_OK;
	if (forgot_find(r, fv[FF_LOGIN].s, phone, &fg) == -1)
		return RC_DB;
	if (fv[FF_SEND].given)
		return smssend_form(r, phone, "reset", fg.matched, "phone",
		    MSG_FORGOT_SENT);
	field_put(r, h_forgot_fields + FF_PW, fv + FF_PW, FF_TOTP - FF_PW);
	confirm_check(r, &fv[FF_PW], &fv[FF_PW2]);
	if (r->form_bad)
		return RC_OK;
	if ((msg = sms_check(r, phone, "reset", fv[FF_CODE].s,
	    &code_id)) != NULL) {
		if (r->status == 503)
			return RC_DB;
		xml_field_error(r, "sms_code", msg);
		return RC_OK;
	}
	if (forgot_check(r, &fg, pw, code_id) == -1)
		return RC_DB;
	if (r->form_bad)
		return RC_OK;
	if (set_password(r, fg.a.id, pw, "password.reset", code_id,
	    &used, fg.lm, fg.nlm) != RC_OK)
		return RC_DB;
	if (used) {
		xml_field_error(r, "sms_code", "该验证码已使用，请重新获取。");
		return RC_OK;
	}
	resp_redirect(r, "/login?m=reset");
	return RC_OK;
}
