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
 * first change of a default password) also consumes the code there and
 * clears the account's login locks: the lock message sends the user to
 * "忘记密码".  Returns RC_OK (with *used set if the code was used
 * meanwhile: nothing changed), RC_DB or RC_INTERNAL.
 */
static enum rc
set_password(struct req *r, long long id, const char *pw, const char *event,
    long long code_id, int *used)
{
	char	 hash[PW_HASH_MAX], obj[32], key[40];
	static const unsigned char none[MAC_LEN];
	unsigned char	 keep[MAC_LEN], lm[MAC_LEN];

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
	if ((r->role == ROLE_ANON ? db_exec(r, STMT_RESET_SET_PASSWORD, "sii",
	    hash, id, code_id) : db_exec(r, STMT_ACCOUNT_SET_PASSWORD, "si",
	    hash, id)) != 1 ||
	    db_exec(r, STMT_SESSION_DELETE_ACCOUNT, "ib", id, keep,
	    sizeof(keep)) == -1)
		goto fail;
	if (code_id != 0) {
		/* The key of the failure count in h_login_post; 2 lifts the
		 * locks of every address. */
		snprintf(key, sizeof(key), "account:%lld", id);
		pii_mac(r->cfg, "login", key, lm);
		if (db_exec(r, STMT_ATTEMPT_INSERT, "bsi", lm, sizeof(lm),
		    r->ip, 2LL) == -1)
			goto fail;
	}
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

/* The confirmation field: given, and the same as the new password pw. */
static void
confirm_check(struct req *r, const char *pw, const char *pw2)
{
	if (pw2 == NULL || *pw2 == '\0')
		xml_field_error(r, "password2", "请再次输入新密码。");
	else if (pw != NULL && strcmp(pw, pw2) != 0)
		xml_field_error(r, "password2", "两次输入的密码不一致。");
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
	if (db_exec(r, STMT_SEC_PW_ACCOUNT, "i", r->account_id) == -1 ||
	    (n = db_fetch(r, STMT_SEC_PW_ACCOUNT, "ib", &must, &pe,
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
	if (db_exec(r, STMT_ATTEMPT_INSERT, "bsi", km, sizeof(km), r->ip,
	    4LL) == -1)
		return -1;
	aid = db_insert_id(r, STMT_ATTEMPT_INSERT);
	if (db_exec(r, STMT_SEC_FAILS_OLD, "bb", km, sizeof(km), km,
	    sizeof(km)) == -1 ||
	    db_fetch(r, STMT_SEC_FAILS_OLD, "i", &fails) == -1)
		return -1;
	db_done(r, STMT_SEC_FAILS_OLD);
	if (fails - 1 >= FAILS_OLD) {
		if (db_exec(r, STMT_SEC_ATTEMPT_SET, "ii", 3LL, aid) == -1 ||
		    audit(r, "password.locked", NULL, "refused", NULL) == -1)
			return -1;
		xml_field_error(r, "old", "原密码错误次数过多，请15分钟后再试。");
		return 0;
	}
	if (passwd_verify(old, hash) == 1)
		return db_exec(r, STMT_SEC_ATTEMPT_SET, "ii", 1LL, aid) == -1 ?
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
	const char	*msg;

	if (pa->phone[0] == '\0') {
		xml_field_error(r, "sms_code", "账号未绑定手机号，无法发送验证码，"
		    "请联系上级管理员重置密码。");
		return RC_OK;
	}
	if ((msg = sms_issue(r, pa->phone, "first")) != NULL) {
		if (r->status == 503)
			return RC_DB;
		xml_field_error(r, "sms_code", msg);
		return RC_OK;
	}
	xml_attr(r->form, "status", "sent");
	xml_form_message(r, "验证码已发送，请查收短信（5分钟内有效）。");
	return RC_OK;
}

/* POST /password */
enum rc
h_password_post(struct req *r)
{
	struct pwacct	 pa;
	const char	*old, *pw, *pw2, *msg;
	char		*role, *name, *login, *hash, *s;
	unsigned char	*ie, *pe;
	size_t		 iel, pel;
	long long	 level, code_id = 0;
	int		 n, used;

	if (pw_account(r, &pa) == -1)
		return RC_DB;
	password_page(r, &pa);
	if (pa.code && form_get(&r->body, "send_code") != NULL)
		return password_send_code(r, &pa);
	old = form_get(&r->body, "old");
	pw = form_get(&r->body, "password");
	pw2 = form_get(&r->body, "password2");
	if (db_exec(r, STMT_ACCOUNT_GET, "i", r->account_id) == -1 ||
	    (n = db_fetch(r, STMT_ACCOUNT_GET, "ssbbsssissssss", &role, &name,
	    &ie, &iel, &pe, &pel, &s, &s, &s, &level, &s, &s, &login, &s, &s,
	    &hash)) == -1)
		return RC_DB;
	db_done(r, STMT_ACCOUNT_GET);
	if (n == 0)
		return RC_NOTFOUND;
	if (old == NULL || *old == '\0')
		xml_field_error(r, "old", "请输入原密码。");
	else if (old_check(r, old, hash) == -1)
		return RC_DB;
	if (pw == NULL || *pw == '\0')
		xml_field_error(r, "password", "请输入新密码。");
	else if ((msg = policy(r, r->account_id, role, name, login, ie, iel,
	    pw)) != NULL)
		xml_field_error(r, "password", msg);
	else if (old != NULL && strcmp(old, pw) == 0)
		xml_field_error(r, "password", "新密码不能与原密码相同。");
	confirm_check(r, pw, pw2);
	if (pa.code && pa.phone[0] == '\0')
		xml_field_error(r, "sms_code", "账号未绑定手机号，无法发送验证码，"
		    "请联系上级管理员重置密码。");
	if (r->form_bad)
		return RC_OK;
	/* Checked last: a wrong field elsewhere spends no try of the code. */
	if (pa.code && (msg = sms_check(r, pa.phone, "first",
	    form_text(&r->body, "sms_code"), &code_id)) != NULL) {
		if (r->status == 503)
			return RC_DB;
		xml_field_error(r, "sms_code", msg);
		return RC_OK;
	}
	if (set_password(r, r->account_id, pw, "password.change", code_id,
	    &used) != RC_OK)
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

static const char *const forgot_keep[] = { "login", "phone", "kind", NULL };

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

/* POST /password/forgot: send a code, or set the new password. */
enum rc
h_forgot_post(struct req *r)
{
	struct who	 a;
	const char	*login, *phone, *pw, *pw2, *msg;
	unsigned char	 pm[MAC_LEN];
	char		 norm[64], *alogin = NULL;
	long long	 code_id;
	int		 n, used;

	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/password");
		return RC_OK;
	}
	forgot_page(r);
	xml_keep(r, forgot_keep);
	login = form_text(&r->body, "login");
	phone = form_text(&r->body, "phone");
	if (*login == '\0')
		xml_field_error(r, "login", "请输入身份证号、手机号、单位代码或账号。");
	if ((msg = valid_phone(phone)) != NULL)
		xml_field_error(r, "phone", *phone ? msg : "请输入手机号码。");
	if (r->form_bad)
		return RC_OK;
	/* A candidate of this year first, then staff. */
	if ((n = account_find(r, 0, login, &a, norm, sizeof(norm))) == 0)
		n = account_find(r, 1, login, &a, norm, sizeof(norm));
	if (n == -1)
		return RC_DB;
	pii_mac(r->cfg, "phone", phone, pm);
	if (n == 0 || a.phone_mac_len != MAC_LEN ||
	    CRYPTO_memcmp(a.phone_mac, pm, MAC_LEN) != 0) {
		xml_field_error(r, "phone", "账号与绑定的手机号不一致，请核对；"
		    "如手机号已更换，请联系本单位管理员。");
		return RC_OK;
	}
	if (form_get(&r->body, "send_code") != NULL) {
		if ((msg = sms_issue(r, phone, "reset")) != NULL) {
			if (r->status == 503)
				return RC_DB;
			xml_field_error(r, "phone", msg);
		} else {
			xml_attr(r->form, "status", "sent");
			xml_form_message(r, "验证码已发送，请查收短信（5分钟内有效）。");
		}
		return RC_OK;
	}
	pw = form_get(&r->body, "password");
	pw2 = form_get(&r->body, "password2");
	/* The staff policy refuses the account name, however it was named. */
	if (strcmp(a.role, "candidate") != 0) {
		if (db_exec(r, STMT_RESET_LOGIN, "i", a.id) == -1 ||
		    (n = db_fetch(r, STMT_RESET_LOGIN, "s", &alogin)) == -1)
			return RC_DB;
		db_done(r, STMT_RESET_LOGIN);
		if (n == 0)
			alogin = NULL;
	}
	if (pw == NULL || *pw == '\0')
		xml_field_error(r, "password", "请输入新密码。");
	else if ((msg = policy(r, a.id, a.role, a.name, alogin ? alogin : "",
	    a.idno_enc, a.idno_enc_len, pw)) != NULL)
		xml_field_error(r, "password", msg);
	confirm_check(r, pw, pw2);
	if (r->form_bad)
		return RC_OK;
	if ((msg = sms_check(r, phone, "reset", form_text(&r->body, "sms_code"),
	    &code_id)) != NULL) {
		if (r->status == 503)
			return RC_DB;
		xml_field_error(r, "sms_code", msg);
		return RC_OK;
	}
	if (set_password(r, a.id, pw, "password.reset", code_id,
	    &used) != RC_OK)
		return RC_DB;
	if (used) {
		xml_field_error(r, "sms_code", "该验证码已使用，请重新获取。");
		return RC_OK;
	}
	resp_redirect(r, "/login?m=reset");
	return RC_OK;
}
