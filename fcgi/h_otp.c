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
 * province account gets no session but a pending login, named by the
 * gkbm_2fa cookie (only its SHA-256 is stored), valid 10 minutes and 5
 * tries.  The code comes from an authenticator app (TOTP, RFC 6238,
 * totp.c; enrolled at the first such login) or, as a fallback, by SMS
 * to the account's phone.  Wrong codes also count as login failures of
 * the account and address, so new pending logins give no new guesses.
 */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "web.h"

#define COOKIE_2FA	"gkbm_2fa"	/* pending login */
#define OTP_TRIES	5		/* per pending login */
#define OTP_ISSUER	"%E6%B2%B3%E5%8D%97%E5%B7%A5%E8%80%83"	/* 河南工考 */
#define B32_MAX		40		/* base32 of TOTP_KEY_LEN, NUL */

/* A pending login and its account. */
struct pending {
	unsigned char	 h[MAC_LEN];	/* login_pending.id */
	long long	 account_id;
	long long	 tries;
	long long	 step;		/* accounts.totp_step */
	long long	 must;		/* password to be changed */
	char		*role;
	char		*login;
	unsigned char	*secret_enc;	/* enrollment: the new secret */
	size_t		 secret_len;
	unsigned char	*totp_enc;	/* the enrolled secret */
	size_t		 totp_len;
	char		 phone[16];	/* "" if none */
};

/* Starts a pending login for account id (h_login.c, in its transaction). */
enum rc
otp_begin(struct req *r, long long id)
{
	char		 tok[TOKEN_LEN + 1];
	unsigned char	 h[MAC_LEN];

	token_new(tok);
	token_hash(tok, h);
	if (db_exec(r, STMT_OTP_PENDING_SWEEP, "") == -1 ||
	    db_exec(r, STMT_OTP_PENDING_INSERT, "bi", h, sizeof(h), id) == -1)
		return RC_DB;
	auth_cookie(r, COOKIE_2FA, tok, 0);
	return RC_OK;
}

/*
 * Loads the pending login of the request's cookie.  An expired or spent
 * one is deleted.  Returns 1 found, 0 not (or no longer), -1 DB.
 */
static int
otp_pending(struct req *r, struct pending *p)
{
	const char	*tok = req_cookie(r, COOKIE_2FA);
	unsigned char	*pe;
	size_t		 pel;
	long long	 fresh;
	int		 n;

	memset(p, 0, sizeof(*p));
	if (tok == NULL || strlen(tok) != TOKEN_LEN)
		return 0;
	token_hash(tok, p->h);
	if (db_exec(r, STMT_OTP_PENDING_GET, "b", p->h, sizeof(p->h)) == -1 ||
	    (n = db_fetch(r, STMT_OTP_PENDING_GET, "ibiissbibi",
	    &p->account_id, &p->secret_enc, &p->secret_len, &p->tries, &fresh,
	    &p->role, &p->login, &p->totp_enc, &p->totp_len, &p->step, &pe,
	    &pel, &p->must)) == -1)
		return -1;
	db_done(r, STMT_OTP_PENDING_GET);
	if (n == 0)
		return 0;
	if (!fresh || p->tries >= OTP_TRIES)
		return db_exec(r, STMT_OTP_PENDING_DELETE, "b", p->h,
		    sizeof(p->h)) == -1 ? -1 : 0;
	if (pe != NULL && pii_open(r->cfg, PII_PHONE, p->account_id, pe, pel,
	    p->phone, sizeof(p->phone)) == -1)
		p->phone[0] = '\0';
	return 1;
}

/* No (more) pending login: back to /login with message m, 403 for XML. */
static enum rc
otp_gone(struct req *r, const char *m)
{
	auth_cookie(r, COOKIE_2FA, NULL, 0);
	if (r->want_xml)
		return RC_FORBIDDEN;
	resp_redirect(r, pool_printf(r->pool, "/login?m=%s", m));
	return RC_OK;
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
	switch (db_exec(r, STMT_OTP_PENDING_SECRET, "bb", sealed, sl, p->h,
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

/*
 * Fills the page: for an account without a secret, the enrollment (the
 * otpauth URI as a QR code and the secret as text); the masked phone of
 * the SMS fallback; the form.  key receives the secret to check codes
 * against (*keylen 0 if none).  Returns RC_OK or an error.
 */
static enum rc
otp_page(struct req *r, struct pending *p, unsigned char *key,
    size_t *keylen)
{
	xmlNodePtr	 e;
	char		 b32[B32_MAX], m[16];
	const char	*uri;
	enum rc		 rc;
	int		 n;

	*keylen = 0;
	xml_page(r, PAGE_OTP);
	if (p->totp_enc != NULL) {
		if (pii_open(r->cfg, PII_TOTP, p->account_id, p->totp_enc,
		    p->totp_len, b32, sizeof(b32)) == -1)
			return RC_INTERNAL;
	} else {
		if ((rc = otp_secret(r, p, b32)) != RC_OK)
			return rc;
		uri = pool_printf(r->pool, "otpauth://totp/%s:%s?secret=%s"
		    "&issuer=%s&digits=6&period=30", OTP_ISSUER,
		    otp_pct(r, *p->login ? p->login : "gkbm"), b32, OTP_ISSUER);
		e = xml_el(r->root, "enroll", NULL);
		xml_attr(e, "secret", b32);
		xml_attr(e, "uri", uri);
		if (xml_qr(r, e, uri) == -1)
			return RC_INTERNAL;
	}
	if ((n = base32_decode(b32, key, TOTP_KEY_LEN * 2)) <= 0)
		return RC_INTERNAL;
	*keylen = (size_t)n;
	OPENSSL_cleanse(b32, sizeof(b32));
	if (p->phone[0] != '\0') {
		pii_mask_phone(p->phone, m, sizeof(m));
		xml_attr(xml_el(r->root, "phone", NULL), "masked", m);
	}
	xml_form(r, "/login/otp");
	xml_field(r, "code", NULL);
	return RC_OK;
}

/* GET /login/otp */
enum rc
h_otp(struct req *r)
{
	struct pending	 p;
	unsigned char	 key[TOTP_KEY_LEN * 2];
	size_t		 keylen;
	enum rc		 rc;

	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/home");
		return RC_OK;
	}
	switch (otp_pending(r, &p)) {
	case -1:
		return RC_DB;
	case 0:
		return otp_gone(r, "login");
	}
	rc = otp_page(r, &p, key, &keylen);
	OPENSSL_cleanse(key, sizeof(key));
	return rc;
}

/* send_code=1: a code by SMS to the account's phone. */
static enum rc
otp_send(struct req *r, const struct pending *p)
{
	const char	*msg;

	if (p->phone[0] == '\0') {
		xml_field_error(r, "code", "账号未绑定手机号，无法发送短信验证码，"
		    "请使用身份验证器中的验证码。");
		return RC_OK;
	}
	if ((msg = sms_issue(r, p->phone, "otp")) != NULL) {
		if (r->status == 503)
			return RC_DB;
		xml_field_error(r, "code", msg);
		return RC_OK;
	}
	xml_attr(r->form, "status", "sent");
	xml_form_message(r, "验证码已发送，请查收短信（5分钟内有效）。");
	return RC_OK;
}

/* Records the try of the account from this address in login_attempts. */
static int
otp_attempt(struct req *r, const struct pending *p, long long ok)
{
	unsigned char	 lm[MAC_LEN];
	char		 buf[32];

	snprintf(buf, sizeof(buf), "account:%lld", p->account_id);
	pii_mac(r->cfg, "login", buf, lm);
	return db_exec(r, STMT_ATTEMPT_INSERT, "bsi", lm, sizeof(lm), r->ip,
	    ok);
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
 * The code was right (TOTP step, or SMS code row sms_id): in one
 * transaction take the step (the replay guard) or the SMS code, store
 * an enrolled secret, end the pending login, start the session, audit.
 * Returns 1 done, 0 the code was used meanwhile, -1 DB.
 */
static int
otp_login(struct req *r, const struct pending *p, long long step,
    long long sms_id)
{
	unsigned char	 sealed[PII_MAX];
	size_t		 sl = 0;
	char		 obj[32];
	int		 n, enroll = p->totp_enc == NULL && sms_id == 0;

	snprintf(obj, sizeof(obj), "account:%lld", p->account_id);
	if ((enroll && otp_enroll_seal(r, p, sealed, sizeof(sealed),
	    &sl) == -1) || db_begin(r) == -1)
		return -1;
	if (sms_id != 0)
		n = sms_use(r, sms_id) == 0;
	else if (enroll)
		n = db_exec(r, STMT_OTP_ENROLL, "bii", sealed, sl, step,
		    p->account_id);
	else
		n = db_exec(r, STMT_OTP_STEP_SET, "iii", step, p->account_id,
		    step);
	if (n != 1) {
		db_rollback(r);
		return n == -1 ? -1 : 0;
	}
	if (db_exec(r, STMT_OTP_PENDING_DELETE, "b", p->h,
	    sizeof(p->h)) == -1 || otp_attempt(r, p, 1) == -1)
		goto fail;
	r->account_id = p->account_id;
	r->role = role_parse(p->role);
	if (auth_login(r, p->account_id) != RC_OK ||
	    (enroll && audit(r, "totp.enroll", obj, "ok", NULL) == -1) ||
	    audit(r, "login.ok", obj, "ok", "2fa") == -1 ||
	    db_commit(r) == -1)
		goto fail;
	return 1;
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
		if (db_exec(r, STMT_OTP_PENDING_DELETE, "b", p->h,
		    sizeof(p->h)) == -1)
			return RC_DB;
		return otp_gone(r, "otp");
	}
	msg = pool_printf(r->pool, "验证码不正确，还可尝试%lld次。", left);
	xml_form_message(r, msg);
	xml_field_error(r, "code", msg);
	return RC_OK;
}

/* POST /login/otp */
enum rc
h_otp_post(struct req *r)
{
	struct pending	 p;
	unsigned char	 key[TOTP_KEY_LEN * 2];
	size_t		 keylen;
	const char	*code, *msg;
	long long	 step = 0, sms_id = 0;
	enum rc		 rc;
	int		 ok = 0;

	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/home");
		return RC_OK;
	}
	switch (otp_pending(r, &p)) {
	case -1:
		return RC_DB;
	case 0:
		return otp_gone(r, "login");
	}
	if ((rc = otp_page(r, &p, key, &keylen)) != RC_OK)
		goto done;
	if (form_get(&r->body, "send_code") != NULL) {
		rc = otp_send(r, &p);
		goto done;
	}
	code = form_text(&r->body, "code");
	if (strlen(code) != 6 || strspn(code, "0123456789") != 6) {
		xml_field_error(r, "code", *code == '\0' ? "请输入验证码。" :
		    "验证码为6位数字。");
		goto done;
	}
	/* The try is taken before comparing: at most OTP_TRIES compare. */
	switch (db_exec(r, STMT_OTP_PENDING_TRY, "b", p.h, sizeof(p.h))) {
	case 1:
		p.tries++;
		break;
	case -1:
		rc = RC_DB;
		goto done;
	default:
		if (db_exec(r, STMT_OTP_PENDING_DELETE, "b", p.h,
		    sizeof(p.h)) == -1)
			rc = RC_DB;
		else
			rc = otp_gone(r, "otp");
		goto done;
	}
	if (totp_check(key, keylen, code, time(NULL),
	    p.totp_enc != NULL ? p.step : 0, &step) == 0)
		ok = 1;
	else if (p.phone[0] != '\0') {
		if ((msg = sms_check(r, p.phone, "otp", code, &sms_id)) == NULL)
			ok = 1;
		else if (r->status == 503) {
			rc = RC_DB;
			goto done;
		} else
			sms_id = 0;
	}
	if (ok) {
		switch (otp_login(r, &p, step, sms_id)) {
		case 1:
			auth_cookie(r, COOKIE_2FA, NULL, 0);
			resp_redirect(r, p.must ? "/password" : "/home");
			goto done;
		case -1:
			rc = RC_DB;
			goto done;
		}
	}
	rc = otp_failed(r, &p);
done:
	OPENSSL_cleanse(key, sizeof(key));
	return rc;
}
