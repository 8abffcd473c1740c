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

#define FAILS_PAIR	5	/* per account and source address in 15 minutes */
#define FAILS_ACCOUNT	20	/* per account from all addresses in 15 minutes */
#define FAILS_IP	30	/* per source address in 15 minutes */

#define MSG_LOCKED	"登录失败次数过多，该账号已被锁定，请15分钟后再试，" \
			"或通过“忘记密码”重置密码。"
#define MSG_LOCKED_ALL	"该账号近期在多处登录失败次数过多，已被锁定，" \
			"请15分钟后再试，或通过“忘记密码”重置密码。"
#define MSG_LOCKED_IP	"您所在网络登录失败次数过多，请15分钟后再试。"

/* Recent failures around one login attempt, the attempt included. */
struct fails {
	long long	 pair;		/* this account from this address */
	long long	 account;	/* this account from every address */
	long long	 ip;		/* every account from this address */
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

/* GET /login */
enum rc
h_login(struct req *r)
{
	const char	*kind = req_arg(r, "kind");

	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/home");
		return RC_OK;
	}
	return login_page(r, kind != NULL && strcmp(kind, "staff") == 0 ?
	    "staff" : "candidate");
}

/*
 * Records a failed attempt for login value lm from the request's address
 * before counting (so concurrent guesses all see each other and at most
 * FAILS_PAIR of them are checked), then counts.  *aid is the attempt's
 * row, to be set to ok on success.  Returns 0 or -1 (DB).
 */
static int
login_count(struct req *r, const unsigned char *lm, long long *aid,
    struct fails *f)
{
	memset(f, 0, sizeof(*f));
	if (db_exec(r, STMT_ATTEMPT_INSERT, "bsi", lm, (size_t)MAC_LEN, r->ip,
	    0LL) == -1)
		return -1;
	*aid = db_insert_id(r, STMT_ATTEMPT_INSERT);
	if (db_exec(r, STMT_SEC_FAILS_PAIR, "bsbs", lm, (size_t)MAC_LEN,
	    r->ip, lm, (size_t)MAC_LEN, r->ip) == -1 ||
	    db_fetch(r, STMT_SEC_FAILS_PAIR, "i", &f->pair) == -1)
		return -1;
	db_done(r, STMT_SEC_FAILS_PAIR);
	if (db_exec(r, STMT_SEC_FAILS_ACCOUNT, "bb", lm, (size_t)MAC_LEN,
	    lm, (size_t)MAC_LEN) == -1 ||
	    db_fetch(r, STMT_SEC_FAILS_ACCOUNT, "i", &f->account) == -1)
		return -1;
	db_done(r, STMT_SEC_FAILS_ACCOUNT);
	if (db_exec(r, STMT_ATTEMPT_FAILS_IP, "s", r->ip) == -1 ||
	    db_fetch(r, STMT_ATTEMPT_FAILS_IP, "i", &f->ip) == -1)
		return -1;
	db_done(r, STMT_ATTEMPT_FAILS_IP);
	return 0;
}

/*
 * The lock message if the failures before this attempt (f less one)
 * reach a limit, else NULL; *why names the limit for the audit.
 */
static const char *
login_locked(const struct fails *f, const char **why)
{
	if (f->pair - 1 >= FAILS_PAIR) {
		*why = "address";
		return MSG_LOCKED;
	}
	if (f->account - 1 >= FAILS_ACCOUNT) {
		*why = "account";
		return MSG_LOCKED_ALL;
	}
	if (f->ip - 1 >= FAILS_IP) {
		*why = "network";
		return MSG_LOCKED_IP;
	}
	*why = NULL;
	return NULL;
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
 * login.fail, or login.lock when this failure reaches a limit, and says
 * how many tries are left.  Returns RC_OK or RC_DB.
 */
static enum rc
login_failed(struct req *r, long long id, int staff, const struct fails *f)
{
	const char	*msg, *event = "login.fail", *reason;
	char		 obj[32];
	long long	 left;

	snprintf(obj, sizeof(obj), id ? "account:%lld" : "unknown", id);
	reason = staff ? "staff" : "candidate";
	left = FAILS_PAIR - f->pair;
	if (FAILS_ACCOUNT - f->account < left)
		left = FAILS_ACCOUNT - f->account;
	if (f->pair >= FAILS_PAIR) {
		event = "login.lock";
		msg = MSG_LOCKED;
	} else if (f->account >= FAILS_ACCOUNT) {
		event = "login.lock";
		reason = "account";
		msg = MSG_LOCKED_ALL;
	} else
		msg = pool_printf(r->pool, "%s错误，还可尝试%lld次。",
		    staff ? "账号或密码" : "身份证号（手机号）或密码", left);
	if (audit(r, event, obj, "fail", reason) == -1)
		return RC_DB;
	xml_form_message(r, msg);
	xml_field_error(r, "password", msg);
	return RC_OK;
}

/*
 * The right password of an account that needs a second factor: no
 * session yet but a pending login (h_otp.c), its attempt marked 5 (not
 * counted, nothing lifted), audited, all in one transaction.
 */
static enum rc
login_second(struct req *r, long long id, long long aid, const char *obj)
{
	r->account_id = id;
	if (db_begin(r) == -1)
		return RC_DB;
	if (db_exec(r, STMT_SEC_ATTEMPT_SET, "ii", 5LL, aid) == -1 ||
	    otp_begin(r, id) != RC_OK ||
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
	const char	*kind, *login, *pw, *msg, *why;
	char		 norm[64], buf[80], obj[32];
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
	/*
	 * Failures count per account, whatever name it was given by (ID
	 * number, phone, account name, unit code): otherwise each alias
	 * would get its own five tries.  An unknown value counts on its own.
	 */
	if (found)
		snprintf(buf, sizeof(buf), "account:%lld", a.id);
	else
		snprintf(buf, sizeof(buf), "%s:%s", staff ? "staff" :
		    "candidate", norm);
	pii_mac(r->cfg, "login", buf, lm);
	if (login_count(r, lm, &aid, &f) == -1)
		return RC_DB;
	if ((msg = login_locked(&f, &why)) != NULL) {
		/* Refused unchecked: not counted again. */
		if (db_exec(r, STMT_SEC_ATTEMPT_SET, "ii", 3LL, aid) == -1 ||
		    audit(r, "login.locked", kind, "refused", why) == -1)
			return RC_DB;
		xml_form_message(r, msg);
		xml_field_error(r, "login", msg);
		return RC_OK;
	}
	ok = passwd_verify(pw, found ? a.pw_hash : dummy_hash(r->cfg)) == 1 &&
	    found;
	if (!ok)
		return login_failed(r, found ? a.id : 0, staff, &f);
	snprintf(obj, sizeof(obj), "account:%lld", a.id);
	if (r->cfg->staff_2fa && (strcmp(a.role, "city") == 0 ||
	    strcmp(a.role, "province") == 0))
		return login_second(r, a.id, aid, obj);
	r->account_id = a.id;
	r->role = role_parse(a.role);
	/*
	 * The session and its audit row stand or fall together: a login
	 * that cannot be audited does not happen (and reply_error sends no
	 * session cookie).
	 */
	if (db_begin(r) == -1)
		return RC_DB;
	if (db_exec(r, STMT_SEC_ATTEMPT_SET, "ii", 1LL, aid) == -1 ||
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
