/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_otp.c: the second login factor of city and province office accounts */

/*
 * SECURITY.md §1: after the right password (h_login.c) a city or
 * province account gets no session but a pending login (pending.c), named
 * by the gkbm_2fa cookie (only its SHA-256 is stored), valid 10 minutes and 5
 * tries.  Each pending login is in one of three modes:
 *
 *   totp    the account has an authenticator (TOTP, RFC 6238, totp.c):
 *           only its code logs in; there is no SMS fallback any more.
 *   verify  none yet: the holder first proves the account's phone with
 *           an SMS code, or gives the one-time enrolment code an
 *           administrator issued (gkbm-admin totp-reset).  Knowing the
 *           password (perhaps the default 123 of a new account) is not
 *           enough to see a secret.  While the password must still be
 *           changed the proof logs in (to /password) and nothing is
 *           enrolled.
 *   enroll  proved: the new secret is shown (QR code and text); its
 *           first code enrolls it and logs in, or the holder logs in
 *           without enrolling this time.
 *
 * Wrong codes also count as login failures of the name the login was
 * started with, so new pending logins give no new guesses.
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "web.h"

#define OTP_TRIES	5		/* per pending login */
#define OTP_ISSUER	"%E6%B2%B3%E5%8D%97%E5%B7%A5%E8%80%83"	/* 河南工考 */
#define B32_MAX		40		/* base32 of TOTP_KEY_LEN, NUL */
#define ENROLL_CODE_LEN	10		/* digits of an enrolment code */

enum otp_mode {
	MODE_TOTP,		/* enrolled: the authenticator's code */
	MODE_VERIFY,		/* not enrolled: prove the phone first */
	MODE_ENROLL,		/* proved: the new secret is shown */
	MODE__MAX
};

static const char *const otp_modes[MODE__MAX] = {
	"totp",			/* MODE_TOTP */
	"verify",		/* MODE_VERIFY */
	"enroll",		/* MODE_ENROLL */
};

/* A pending login and its account. */
struct pending {
	unsigned char	 h[MAC_LEN];	/* login_pending.id */
	long long	 account_id;
	long long	 tries;
	long long	 step;		/* accounts.totp_step */
	long long	 must;		/* password to be changed */
	long long	 verified;	/* phone or enrolment code proved */
	char		*role;
	char		*login;
	unsigned char	*secret_enc;	/* enrollment: the new secret */
	size_t		 secret_len;
	unsigned char	*totp_enc;	/* the enrolled secret */
	size_t		 totp_len;
	unsigned char	*login_mac;	/* failure key of the login name */
	size_t		 login_mac_len;
	char		 phone[16];	/* "" if none */
	enum otp_mode	 mode;
};

/* What a right code proved, to be taken in the login's transaction. */
enum proof {
	PROOF_TOTP,		/* the enrolled authenticator's code */
	PROOF_NEW,		/* the first code of the new secret */
	PROOF_SMS,		/* an SMS code to the account's phone */
	PROOF_CODE,		/* an administrator's enrolment code */
	PROOF_NONE,		/* none: log in without enrolling */
};

/*
 * Loads the pending login of the request's cookie.  An expired or spent
 * one is deleted.  Returns 1 found, 0 not (or no longer), -1 DB.
 */
static int
otp_pending(struct req *r, struct pending *p)
{
	const char	*tok = req_cookie(r, PENDING_COOKIE);
	unsigned char	*pe;
	size_t		 pel;
	long long	 fresh;
	int		 n;

	memset(p, 0, sizeof(*p));
	if (tok == NULL || strlen(tok) != TOKEN_LEN)
		return 0;
	token_hash(tok, p->h);
	if (db_run(r, STMT_OTP_PENDING_GET, p->h, sizeof(p->h)) == -1 ||
	    (n = db_row(r, STMT_OTP_PENDING_GET,
	    &p->account_id, &p->secret_enc, &p->secret_len, &p->tries, &fresh,
	    &p->role, &p->login, &p->totp_enc, &p->totp_len, &p->step, &pe,
	    &pel, &p->must, &p->verified, &p->login_mac,
	    &p->login_mac_len)) == -1)
		return -1;
	db_done(r, STMT_OTP_PENDING_GET);
	if (n == 0)
		return 0;
	if (!fresh || p->tries >= OTP_TRIES)
		return db_run(r, STMT_OTP_PENDING_DELETE, p->h,
		    sizeof(p->h)) == -1 ? -1 : 0;
	if (pe != NULL && pii_open(r->cfg, PII_PHONE, p->account_id, pe, pel,
	    p->phone, sizeof(p->phone)) == -1)
		p->phone[0] = '\0';
	p->mode = p->totp_enc != NULL ? MODE_TOTP :
	    p->verified && !p->must ? MODE_ENROLL : MODE_VERIFY;
	return 1;
}

/* No (more) pending login: back to /login with message m, 403 for XML. */
static enum rc
otp_gone(struct req *r, const char *m)
{
	auth_cookie(r, PENDING_COOKIE, NULL, 0);
	if (r->want_xml)
		return RC_FORBIDDEN;
	resp_redirect(r, pool_printf(r->pool, "/login?m=%s", m));
	return RC_OK;
}

/*
 * The opening both handlers share: a user is sent home; a visitor
 * without a pending login back to /login.  Returns 1 with p loaded, or
 * 0 with *rc the answer.
 */
static int
otp_open(struct req *r, struct pending *p, enum rc *rc)
{
	*rc = RC_OK;
	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/home");
		return 0;
	}
	switch (otp_pending(r, p)) {
	case 1:
		return 1;
	case -1:
		*rc = RC_DB;
		return 0;
	}
	*rc = otp_gone(r, "login");
	return 0;
}

/* Appends s to the pool string as a URI component (RFC 3986). */
static char *
otp_pct(struct req *r, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	char			*out, *o;

	o = out = pool_alloc(r->pool, strlen(s) * 3 + 1);
	for (; *s != '\0'; s++) {
		if (strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
		    "0123456789-._~", *s) != NULL)
			*o++ = *s;
		else {
			*o++ = '%';
			*o++ = hex[(unsigned char)*s >> 4];
			*o++ = hex[(unsigned char)*s & 15];
		}
	}
	*o = '\0';
	return out;
}

/*
 * The enrollment secret of p: the one already made for this pending
 * login, else a new one (TOTP_KEY_LEN random bytes) sealed into it.
 * b32 receives it in base32.  Returns RC_OK, RC_DB or RC_CONFLICT (made
 * meanwhile by another request).
 */
static enum rc
otp_secret(struct req *r, struct pending *p, char b32[B32_MAX])
{
	unsigned char	 key[TOTP_KEY_LEN], sealed[PII_MAX];
	size_t		 sl;

	if (p->secret_enc != NULL)
		return pii_open(r->cfg, PII_PENDING, p->account_id,
		    p->secret_enc, p->secret_len, b32, B32_MAX) == -1 ?
		    RC_INTERNAL : RC_OK;
	if (RAND_bytes(key, sizeof(key)) != 1)
		fatalx("RAND_bytes failed");
	if (base32_encode(key, sizeof(key), b32, B32_MAX) == -1 ||
	    pii_seal(r->cfg, PII_PENDING, p->account_id, b32, sealed,
	    sizeof(sealed), &sl) == -1)
		fatalx("%s: cannot seal the secret", __func__);
	OPENSSL_cleanse(key, sizeof(key));
	switch (db_run(r, STMT_OTP_PENDING_SECRET, sealed, sl, p->h,
	    sizeof(p->h))) {
	case 1:
		break;
	case -1:
		return RC_DB;
	default:
		return RC_CONFLICT;
	}
	p->secret_enc = pool_alloc(r->pool, sl);
	memcpy(p->secret_enc, sealed, sl);
	p->secret_len = sl;
	return RC_OK;
}

/* Adds <enroll>: the secret b32 as text, its otpauth URI and QR code. */
static enum rc
otp_enroll_xml(struct req *r, const struct pending *p, const char *b32)
{
	xmlNodePtr	 e;
	const char	*uri;

	uri = pool_printf(r->pool, "otpauth://totp/%s:%s?secret=%s"
	    "&issuer=%s&digits=6&period=30", OTP_ISSUER,
	    otp_pct(r, *p->login ? p->login : "gkbm"), b32, OTP_ISSUER);
	e = xml_el(r->root, "enroll", NULL);
	xml_attr(e, "secret", b32);
	xml_attr(e, "uri", uri);
	return xml_qr(r, e, uri) == -1 ? RC_INTERNAL : RC_OK;
}

/*
 * Fills the page of p's mode: the enrolled secret's key, or in enroll
 * mode the new secret shown; in verify mode the masked phone of the SMS
 * code.  key receives the secret to check codes against (*keylen 0 in
 * verify mode).  Returns RC_OK or an error.
 */
static enum rc
otp_page(struct req *r, struct pending *p, unsigned char *key,
    size_t *keylen)
{
	char		 b32[B32_MAX], m[16];
	enum rc		 rc = RC_OK;
	int		 n;

	*keylen = 0;
	b32[0] = '\0';
	xml_page(r, PAGE_OTP);
	xml_el(r->root, "mode", otp_modes[p->mode]);
	if (p->mode == MODE_TOTP && pii_open(r->cfg, PII_TOTP, p->account_id,
	    p->totp_enc, p->totp_len, b32, sizeof(b32)) == -1)
		return RC_INTERNAL;
	if (p->mode == MODE_ENROLL && ((rc = otp_secret(r, p, b32)) != RC_OK ||
	    (rc = otp_enroll_xml(r, p, b32)) != RC_OK))
		goto done;
	if (p->mode != MODE_VERIFY) {
		if ((n = base32_decode(b32, key, TOTP_KEY_LEN * 2)) <= 0) {
			rc = RC_INTERNAL;
			goto done;
		}
		*keylen = (size_t)n;
	}
	if (p->mode == MODE_VERIFY && p->phone[0] != '\0') {
		pii_mask_phone(p->phone, m, sizeof(m));
		xml_attr(xml_el(r->root, "phone", NULL), "masked", m);
	}
	xml_form(r, "/login/otp");
	xml_field(r, "code", NULL);
done:
	OPENSSL_cleanse(b32, sizeof(b32));
	return rc;
}

/* GET /login/otp */
enum rc
h_otp(struct req *r)
{
	struct pending	 p;
	unsigned char	 key[TOTP_KEY_LEN * 2];
	size_t		 keylen;
	enum rc		 rc;

	if (!otp_open(r, &p, &rc))
		return rc;
	rc = otp_page(r, &p, key, &keylen);
	OPENSSL_cleanse(key, sizeof(key));
	return rc;
}

/* send_code=1 in verify mode: a code by SMS to the account's phone. */
static enum rc
otp_send(struct req *r, const struct pending *p)
{
	if (p->mode != MODE_VERIFY) {
		xml_field_error(r, "code", p->mode == MODE_TOTP ?
		    "已绑定身份验证器的账号不能使用短信验证码登录，"
		    "请输入身份验证器中的验证码。" :
		    "手机号已验证，请输入身份验证器中的验证码完成绑定。");
		return RC_OK;
	}
	if (p->phone[0] == '\0') {
		xml_field_error(r, "code", "账号未绑定手机号，无法发送短信验证码，"
		    "请联系上级管理员发放绑定码。");
		return RC_OK;
	}
	return smssend_form(r, p->phone, "otp", 1, "code",
	    "验证码已发送，请查收短信（5分钟内有效）。");
}

/* Records the try of the login name from this address in login_attempts. */
static int
otp_attempt(struct req *r, const struct pending *p, long long ok)
{
	unsigned char	 lm[MAC_LEN];
	char		 buf[32];

	if (p->login_mac != NULL && p->login_mac_len == MAC_LEN)
		memcpy(lm, p->login_mac, MAC_LEN);
	else {
		snprintf(buf, sizeof(buf), "account:%lld", p->account_id);
		pii_mac(r->cfg, "login", buf, lm);
	}
	return db_run(r, STMT_ATTEMPT_INSERT, lm, sizeof(lm), r->ip,
	    ok);
}

/* The keyed hash of enrolment code c of account id (as admin_accounts.c). */
static void
otp_code_mac(struct req *r, long long id, const char *c,
    unsigned char out[MAC_LEN])
{
	char	 buf[48];

	snprintf(buf, sizeof(buf), "%lld:%s", id, c);
	pii_mac(r->cfg, "enroll", buf, out);
	OPENSSL_cleanse(buf, sizeof(buf));
}

/*
 * The pending login's enrolment secret sealed again for the account's
 * totp_enc (a sealed value is bound to its column and row) into out;
 * 0 or -1.
 */
static int
otp_enroll_seal(struct req *r, const struct pending *p, unsigned char *out,
    size_t outsz, size_t *outlen)
{
	char	 b32[B32_MAX];
	int	 rc;

	if (pii_open(r->cfg, PII_PENDING, p->account_id, p->secret_enc,
	    p->secret_len, b32, sizeof(b32)) == -1)
		return -1;
	rc = pii_seal(r->cfg, PII_TOTP, p->account_id, b32, out, outsz,
	    outlen);
	OPENSSL_cleanse(b32, sizeof(b32));
	return rc;
}

/*
 * Takes the proof inside the open transaction: the TOTP step (the
 * replay guard), the new secret, the SMS code or the enrolment code,
 * each usable once.  Returns 1 taken, 0 used meanwhile (or not valid),
 * -1 DB.
 */
static int
otp_take(struct req *r, const struct pending *p, enum proof pr,
    long long step, long long sms_id, const char *code)
{
	unsigned char	 cm[MAC_LEN], sealed[PII_MAX];
	size_t		 sl;

	switch (pr) {
	case PROOF_TOTP:
		return db_run(r, STMT_OTP_STEP_SET, step,
		    p->account_id, step);
	case PROOF_NEW:
		if (otp_enroll_seal(r, p, sealed, sizeof(sealed), &sl) == -1)
			return -1;
		return db_run(r, STMT_OTP_ENROLL, sealed, sl, step,
		    p->account_id);
	case PROOF_SMS:
		return sms_use(r, sms_id) == 0;
	case PROOF_CODE:
		otp_code_mac(r, p->account_id, code, cm);
		return db_run(r, STMT_OTP_ENROLL_CODE_USE,
		    p->account_id, cm, sizeof(cm));
	default:
		return 1;
	}
}

/* The audit reasons of the proofs. */
static const char *const proof_reasons[] = {
	"2fa",			/* PROOF_TOTP */
	"2fa-enroll",		/* PROOF_NEW */
	"2fa-sms",		/* PROOF_SMS */
	"2fa-code",		/* PROOF_CODE */
	"2fa-skip",		/* PROOF_NONE */
};

/*
 * Ends the pending login with a session, in the transaction that took
 * the proof: deletes it, records the success, audits.  Returns 0 or -1.
 */
static int
otp_session(struct req *r, const struct pending *p, enum proof pr,
    const char *obj)
{
	if (db_run(r, STMT_OTP_PENDING_DELETE, p->h,
	    sizeof(p->h)) == -1 || otp_attempt(r, p, 1) == -1)
		return -1;
	r->account_id = p->account_id;
	r->role = role_parse(p->role);
	if (auth_login(r, p->account_id) != RC_OK ||
	    (pr == PROOF_NEW && audit(r, "totp.enroll", obj, "ok",
	    NULL) == -1) ||
	    audit(r, "login.ok", obj, "ok", proof_reasons[pr]) == -1)
		return -1;
	return 0;
}

/*
 * The code was right (or, for PROOF_CODE, is checked now): in one
 * transaction take the proof, then either mark the pending login proved
 * (verify mode with a password that need not change: the secret shows
 * next) or start the session.  Returns 2 proved, 1 logged in, 0 the
 * proof was used meanwhile or is not valid, -1 DB.
 */
static int
otp_done(struct req *r, const struct pending *p, enum proof pr,
    long long step, long long sms_id, const char *code)
{
	char	 obj[32];
	int	 n, prove = p->mode == MODE_VERIFY && !p->must;

	snprintf(obj, sizeof(obj), "account:%lld", p->account_id);
	if (db_begin(r) == -1)
		return -1;
	if ((n = otp_take(r, p, pr, step, sms_id, code)) != 1) {
		db_rollback(r);
		return n == -1 ? -1 : 0;
	}
	if (prove ? db_run(r, STMT_OTP_PENDING_VERIFY, p->h,
	    sizeof(p->h)) == -1 || audit(r, "totp.verify", obj, "ok",
	    proof_reasons[pr]) == -1 : otp_session(r, p, pr, obj) == -1)
		goto fail;
	if (db_commit(r) == -1)
		goto fail;
	return prove ? 2 : 1;
fail:
	db_rollback(r);
	r->role = ROLE_ANON;
	r->account_id = 0;
	return -1;
}

/* A wrong code: counted, audited; the last try ends the pending login. */
static enum rc
otp_failed(struct req *r, const struct pending *p)
{
	const char	*msg;
	char		 obj[32];
	long long	 left = OTP_TRIES - p->tries;

	snprintf(obj, sizeof(obj), "account:%lld", p->account_id);
	if (otp_attempt(r, p, 0) == -1 ||
	    audit(r, "login.fail", obj, "fail", "2fa") == -1)
		return RC_DB;
	if (left <= 0) {
		if (db_run(r, STMT_OTP_PENDING_DELETE, p->h,
		    sizeof(p->h)) == -1)
			return RC_DB;
		return otp_gone(r, "otp");
	}
	msg = pool_printf(r->pool, "验证码不正确，还可尝试%lld次。", left);
	xml_form_message(r, msg);
	xml_field_error(r, "code", msg);
	return RC_OK;
}

/*
 * Checks the form of code for p's mode: 6 digits, or in verify mode also
 * an enrolment code.  Adds the field error; returns 0 if well-formed.
 */
static int
otp_code_ok(struct req *r, const struct pending *p, const char *code)
{
	size_t	 len = strlen(code);

	if (strspn(code, "0123456789") == len && (len == 6 ||
	    (p->mode == MODE_VERIFY && len == ENROLL_CODE_LEN)))
		return 0;
	xml_field_error(r, "code", *code == '\0' ? "请输入验证码。" :
	    p->mode == MODE_VERIFY ? "请输入6位短信验证码或10位绑定码。" :
	    "验证码为6位数字。");
	return -1;
}

/*
 * Takes one of the OTP_TRIES before a code is compared, so at most
 * OTP_TRIES compare.  Returns 1 taken, 0 none left (answered), -1 DB.
 */
static int
otp_try(struct req *r, struct pending *p, enum rc *rc)
{
	switch (db_run(r, STMT_OTP_PENDING_TRY, p->h, sizeof(p->h))) {
	case 1:
		p->tries++;
		return 1;
	case -1:
		return -1;
	}
	if (db_run(r, STMT_OTP_PENDING_DELETE, p->h, sizeof(p->h)) == -1)
		return -1;
	*rc = otp_gone(r, "otp");
	return 0;
}

/*
 * Which proof code is for p: sets *pr (and *step or *sms_id).  Returns
 * 1 if it may be right (an enrolment code is checked when taken), 0
 * wrong, -1 DB.
 */
static int
otp_match(struct req *r, const struct pending *p, const unsigned char *key,
    size_t keylen, const char *code, enum proof *pr, long long *step,
    long long *sms_id)
{
	if (p->mode != MODE_VERIFY) {
		*pr = p->mode == MODE_TOTP ? PROOF_TOTP : PROOF_NEW;
		return totp_check(key, keylen, code, time(NULL),
		    p->mode == MODE_TOTP ? p->step : 0, step) == 0;
	}
	if (strlen(code) == ENROLL_CODE_LEN) {
		*pr = PROOF_CODE;
		return 1;
	}
	*pr = PROOF_SMS;
	if (p->phone[0] == '\0')
		return 0;
	if (sms_check(r, p->phone, "otp", code, sms_id) == NULL)
		return 1;
	return r->status == 503 ? -1 : 0;
}

/* Where a successful otp_done sends the browser. */
static void
otp_next(struct req *r, const struct pending *p, int n)
{
	if (n == 2) {
		resp_redirect(r, "/login/otp");
		return;
	}
	auth_cookie(r, PENDING_COOKIE, NULL, 0);
	resp_redirect(r, p->must ? "/password" : "/home");
}

/* The code field of POST /login/otp: check it, then log in or prove. */
static enum rc
otp_code(struct req *r, struct pending *p, const unsigned char *key,
    size_t keylen)
{
	const char	*code = form_text(&r->body, "code");
	enum proof	 pr;
	long long	 step = 0, sms_id = 0;
	enum rc		 rc = RC_OK;
	int		 n;

	if (otp_code_ok(r, p, code) == -1)
		return RC_OK;
	if ((n = otp_try(r, p, &rc)) != 1)
		return n == -1 ? RC_DB : rc;
	if ((n = otp_match(r, p, key, keylen, code, &pr, &step,
	    &sms_id)) == 1)
		n = otp_done(r, p, pr, step, sms_id, code);
	if (n == -1)
		return RC_DB;
	if (n == 0)
		return otp_failed(r, p);
	otp_next(r, p, n);
	return RC_OK;
}

/* POST /login/otp: send_code, skip (enroll mode), or the code. */
enum rc
h_otp_post(struct req *r)
{
	struct pending	 p;
	unsigned char	 key[TOTP_KEY_LEN * 2];
	size_t		 keylen;
	enum rc		 rc;
	int		 n;

	if (!otp_open(r, &p, &rc))
		return rc;
	if ((rc = otp_page(r, &p, key, &keylen)) != RC_OK)
		goto done;
	if (form_get(&r->body, "send_code") != NULL)
		rc = otp_send(r, &p);
	else if (form_get(&r->body, "skip") != NULL &&
	    p.mode == MODE_ENROLL) {
		if ((n = otp_done(r, &p, PROOF_NONE, 0, 0, NULL)) == -1)
			rc = RC_DB;
		else
			otp_next(r, &p, n);
	} else
		rc = otp_code(r, &p, key, keylen);
done:
	OPENSSL_cleanse(key, sizeof(key));
	return rc;
}
