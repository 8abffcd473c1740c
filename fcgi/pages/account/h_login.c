/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_login.c: log in, log out, and the front door */

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"

/*
 * Failures count per name as typed (an ID number, a phone, an account
 * name, a unit code), registered or not, never per account: otherwise
 * the counts of two names would show that they belong to one account.
 * Nothing locks an account for everyone (SECURITY.md §1: "so nobody can
 * lock a whole unit out cheaply"): one address gets growing delays for
 * one name, and a name failing from many addresses, or an address
 * failing with many names (a NAT'd office), needs the image captcha.
 */
#define FAILS_PAIR	5	/* per name and address: then delays */
#define FAILS_NAME	10	/* per name from every address: captcha */
#define FAILS_IP	30	/* per address, every name: captcha */
#define DELAY_FIRST	60	/* seconds after FAILS_PAIR, doubling */
#define DELAY_MAX	900	/* seconds, the longest delay */

#define MSG_DELAY	"登录失败次数过多，请%lld分钟后再试，" \
			"或通过“忘记密码”重置密码。"
#define MSG_CAPTCHA	"登录失败次数较多，请填写图形验证码后再登录。"

/* Recent failures of one login attempt's name, before this attempt. */
struct fails {
	long long	 pair;		/* this name from this address */
	long long	 since;		/* seconds since the last of those */
	long long	 name;		/* this name from every address */
	long long	 ip;		/* every name from this address */
};

/* GET /: the login page for visitors, the home page for users. */
enum rc
h_root(struct req *r)
{
	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/home");
		return RC_OK;
	}
	return h_login(r);
}

/* Fills the login page around its form. */
static enum rc
login_page(struct req *r, const char *kind)
{
	xml_page(r, PAGE_LOGIN);
	xml_form(r, "/login");
	xml_field(r, "kind", kind);
	return year_window(r, r->root, "registration", NULL) == -1 ?
	    RC_DB : RC_OK;
}

/*
 * GET /login.  From an address past FAILS_IP failures the captcha is
 * shown at once, so nobody types a password only to be asked for it.
 */
enum rc
h_login(struct req *r)
{
	const char	*kind = req_arg(r, "kind");
	long long	 ip = 0;

	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/home");
		return RC_OK;
	}
	if (login_page(r, kind != NULL && strcmp(kind, "staff") == 0 ?
	    "staff" : "candidate") != RC_OK)
		return RC_DB;
	if (db_run(r, STMT_ATTEMPT_FAILS_IP, r->ip) == -1 ||
	    db_row(r, STMT_ATTEMPT_FAILS_IP, &ip) == -1)
		return RC_DB;
	db_done(r, STMT_ATTEMPT_FAILS_IP);
	if (ip >= FAILS_IP)
		captcha_field(r, NULL);
	return RC_OK;
}

/*
 * Records a failed attempt for login value lm from the request's address
 * before counting (so of concurrent guesses each sees those before it),
 * then counts.  *aid is the attempt's row, to be set to ok on success.
 * Returns 0 or -1 (DB).
 */
static int
login_count(struct req *r, const unsigned char *lm, long long *aid,
    struct fails *f)
{
	memset(f, 0, sizeof(*f));
	if (db_run(r, STMT_ATTEMPT_INSERT, lm, (size_t)MAC_LEN, r->ip,
	    0LL) == -1)
		return -1;
	*aid = db_insert_id(r, STMT_ATTEMPT_INSERT);
	if (db_run(r, STMT_AUTH_FAILS_PAIR, lm, (size_t)MAC_LEN,
	    r->ip, *aid, lm, (size_t)MAC_LEN, r->ip) == -1 ||
	    db_row(r, STMT_AUTH_FAILS_PAIR, &f->pair, &f->since) == -1)
		return -1;
	db_done(r, STMT_AUTH_FAILS_PAIR);
	if (db_run(r, STMT_AUTH_FAILS_VALUE, lm, (size_t)MAC_LEN,
	    *aid, lm, (size_t)MAC_LEN) == -1 ||
	    db_row(r, STMT_AUTH_FAILS_VALUE, &f->name) == -1)
		return -1;
	db_done(r, STMT_AUTH_FAILS_VALUE);
	if (db_run(r, STMT_ATTEMPT_FAILS_IP, r->ip) == -1 ||
	    db_row(r, STMT_ATTEMPT_FAILS_IP, &f->ip) == -1)
		return -1;
	db_done(r, STMT_ATTEMPT_FAILS_IP);
	f->ip--;		/* this attempt */
	return 0;
}

/* The delay, in seconds, after n failures of a name from one address. */
static long long
login_delay(long long n)
{
	long long	 d = DELAY_FIRST;

	if (n < FAILS_PAIR)
		return 0;
	for (; n > FAILS_PAIR && d < DELAY_MAX; n--)
		d *= 2;
	return d < DELAY_MAX ? d : DELAY_MAX;
}

/* The delay message: whole minutes, rounded up. */
static const char *
login_delay_msg(struct req *r, long long secs)
{
	return pool_printf(r->pool, MSG_DELAY, (secs + 59) / 60);
}

/*
 * Refuses an attempt unchecked (not counted: ok 3), audited as
 * login.locked with reason why: msg on the login field, or with
 * captcha set as the captcha field's error under MSG_CAPTCHA.  Returns
 * 0 (answered) or -1 (DB).
 */
static int
login_refuse(struct req *r, long long aid, const char *kind,
    const char *why, const char *msg, int captcha)
{
	if (db_run(r, STMT_SEC_ATTEMPT_SET, 3LL, aid) == -1 ||
	    audit(r, "login.locked", kind, "refused", why) == -1)
		return -1;
	xml_form_message(r, captcha ? MSG_CAPTCHA : msg);
	if (captcha)
		captcha_field(r, msg);
	else
		xml_field_error(r, "login", msg);
	return 0;
}

/*
 * Before the password is checked: the delay of this name and address,
 * then the captcha once the name or the address failed often.  Returns
 * 1 to go on, 0 refused (answered), -1 DB.
 */
static int
login_gate(struct req *r, const struct fails *f, long long aid,
    const char *kind)
{
	const char	*msg;
	long long	 wait;

	wait = login_delay(f->pair) - f->since;
	if (f->pair >= FAILS_PAIR && wait > 0)
		return login_refuse(r, aid, kind, "delay",
		    login_delay_msg(r, wait), 0);
	if (f->name < FAILS_NAME && f->ip < FAILS_IP)
		return 1;
	if ((msg = captcha_check(r)) == NULL)
		return 1;
	if (r->status == 503)
		return -1;
	return login_refuse(r, aid, kind, f->name >= FAILS_NAME ? "captcha" :
	    "captcha network", msg, 1);
}

/* A hash to verify against when no account matched: same time spent. */
static const char *
dummy_hash(const struct config *cfg)
{
	static char	 h[PW_HASH_MAX];

	if (h[0] == '\0' && passwd_hash("gkbm-no-such-account", cfg->scrypt_ln,
	    h, sizeof(h)) == -1)
		fatalx("dummy_hash failed");
	return h;
}

/*
 * Answers a wrong password (account id, 0 if none matched): audits
 * login.fail, or login.lock when this failure starts the delays, and
 * says how many tries are left; asks for the captcha next time when the
 * name or address has reached its count.  Returns RC_OK or RC_DB.
 */
static enum rc
login_failed(struct req *r, long long id, int staff, const struct fails *f)
{
	const char	*msg, *event = "login.fail";
	char		 obj[32];
	long long	 n = f->pair + 1;

	snprintf(obj, sizeof(obj), id ? "account:%lld" : "unknown", id);
	if (n >= FAILS_PAIR) {
		event = "login.lock";
		msg = login_delay_msg(r, login_delay(n));
	} else
		msg = pool_printf(r->pool, "%s错误，还可尝试%lld次。",
		    staff ? "账号或密码" : "身份证号（手机号）或密码",
		    FAILS_PAIR - n);
	if (audit(r, event, obj, "fail", staff ? "staff" : "candidate") == -1)
		return RC_DB;
	xml_form_message(r, msg);
	xml_field_error(r, "password", msg);
	if (f->name + 1 >= FAILS_NAME || f->ip + 1 >= FAILS_IP)
		captcha_field(r, NULL);
	return RC_OK;
}

/*
 * The right password of an account that needs a second factor: no
 * session yet but a pending login (pending.c, for h_otp.c), its attempt
 * marked 5 (not counted, nothing lifted), audited, all in one
 * transaction.
 */
static enum rc
login_second(struct req *r, long long id, long long aid, const char *obj,
    const unsigned char *lm)
{
	r->account_id = id;
	if (db_begin(r) == -1)
		return RC_DB;
	if (db_run(r, STMT_SEC_ATTEMPT_SET, 5LL, aid) == -1 ||
	    pending_begin(r, id, lm) != RC_OK ||
	    audit(r, "login.password_ok", obj, "ok", "2fa") == -1 ||
	    db_commit(r) == -1) {
		db_rollback(r);
		return RC_DB;
	}
	resp_redirect(r, "/login/otp");
	return RC_OK;
}

/* POST /login */
enum rc
h_login_post(struct req *r)
{
	struct who	 a;
	struct fails	 f;
	const char	*kind, *login, *pw;
	char		 norm[64], obj[32];
	unsigned char	 lm[MAC_LEN];
	long long	 aid;
	int		 staff, found, ok;

	/* The account statements are the visitor's (db.c). */
	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/home");
		return RC_OK;
	}
	kind = form_text(&r->body, "kind");
	staff = strcmp(kind, "staff") == 0;
	login = form_text(&r->body, "login");
	pw = form_get(&r->body, "password");
	if (login_page(r, staff ? "staff" : "candidate") != RC_OK)
		return RC_DB;
	xml_field(r, "login", login);
	if (!staff && strcmp(kind, "candidate") != 0)
		xml_field_error(r, "kind", "请选择报考人员或管理员登录。");
	if (*login == '\0')
		xml_field_error(r, "login", staff ?
		    "请输入单位代码、手机号或账号。" : "请输入身份证号或手机号。");
	else if (strlen(login) > 32)
		xml_field_error(r, "login", "账号过长，请核对。");
	if (pw == NULL || *pw == '\0')
		xml_field_error(r, "password", "请输入密码。");
	if (r->form_bad)
		return RC_OK;

	if ((found = account_find(r, staff, login, &a, norm, sizeof(norm))) == -1)
		return RC_DB;
	account_key(r, staff, norm, lm);
	if (login_count(r, lm, &aid, &f) == -1)
		return RC_DB;
	switch (login_gate(r, &f, aid, kind)) {
	case 0:
		return RC_OK;
	case -1:
		return RC_DB;
	}
	ok = passwd_verify(pw, found ? a.pw_hash : dummy_hash(r->cfg)) == 1 &&
	    found;
	if (!ok)
		return login_failed(r, found ? a.id : 0, staff, &f);
	snprintf(obj, sizeof(obj), "account:%lld", a.id);
	if (r->cfg->staff_2fa && (strcmp(a.role, "city") == 0 ||
	    strcmp(a.role, "province") == 0))
		return login_second(r, a.id, aid, obj, lm);
	r->account_id = a.id;
	r->role = role_parse(a.role);
	/*
	 * The session and its audit row stand or fall together: a login
	 * that cannot be audited does not happen (and reply_error sends no
	 * session cookie).
	 */
	if (db_begin(r) == -1)
		return RC_DB;
	if (db_run(r, STMT_SEC_ATTEMPT_SET, 1LL, aid) == -1 ||
	    auth_login(r, a.id) != RC_OK ||
	    audit(r, "login.ok", obj, "ok", NULL) == -1 ||
	    db_commit(r) == -1) {
		db_rollback(r);
		return RC_DB;
	}
	resp_redirect(r, "/home");
	return RC_OK;
}

/* POST /logout */
enum rc
h_logout(struct req *r)
{
	if (r->role != ROLE_ANON) {
		audit(r, "logout", NULL, "ok", NULL);
		auth_logout(r);
	}
	resp_redirect(r, "/login?m=logout");
	return RC_OK;
}
