/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* auth.c: sessions from cookies, the role gate, CSRF tokens */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "web.h"

#define COOKIE_SID	"gkbm_sid"	/* logged-in session */
#define COOKIE_PRE	"gkbm_pre"	/* anonymous: seeds the CSRF token */
#define YEAR_TTL	10		/* seconds the year is cached */

/*
 * Adds a Set-Cookie header.  HttpOnly, SameSite=Lax and Path=/ always;
 * Secure and the __Host- prefix behind TLS (cookie_secure).  A NULL
 * value expires the cookie.
 */
void
auth_cookie(struct req *r, const char *name, const char *value, int unused)
{
	(void)unused;
	if (r->ncookies >= sizeof(r->cookies) / sizeof(r->cookies[0]))
		fatalx("auth_cookie: too many cookies");
	r->cookies[r->ncookies++] = pool_printf(r->pool,
	    "%s%s=%s; Path=/; HttpOnly; SameSite=Lax%s%s",
	    req_cookie_prefix(r->cfg), name, value ? value : "",
	    value ? "" : "; Max-Age=0",
	    r->cfg->cookie_secure ? "; Secure" : "");
}

/* The CSRF token is an HMAC of the cookie the browser holds. */
static void
auth_csrf_mac(struct req *r, const char *prefix, const char *tok,
    char out[TOKEN_LEN + 1])
{
	char	 buf[TOKEN_LEN + 4];

	snprintf(buf, sizeof(buf), "%s%s", prefix, tok);
	token_mac(r->cfg->csrf_key, buf, out);
}

static void
auth_csrf_set(struct req *r, const char *prefix, const char *tok)
{
	auth_csrf_mac(r, prefix, tok, r->csrf);
}

/*
 * The current year, every request's (r->year), cached for a few seconds
 * per worker.  Returns it, or -1 on a database failure.
 */
static int
auth_year(struct req *r)
{
	static int	 year;
	static time_t	 at;
	long long	 y = 0;
	time_t		 now = time(NULL);

	if (at != 0 && now - at < YEAR_TTL)
		return year;
	if (db_run(r, STMT_YEAR_CURRENT) == -1)
		return -1;
	if (db_row(r, STMT_YEAR_CURRENT, &y) == 1)
		db_done(r, STMT_YEAR_CURRENT);
	year = (int)y;
	at = now;
	return year;
}

/*
 * Reads the session cookie and fills role, account and unit; an expired
 * session is deleted.  Without a valid session the visitor is anonymous
 * and gets (or keeps) the anonymous cookie for CSRF tokens.  Returns
 * RC_OK or RC_DB.
 */
enum rc
auth_session(struct req *r)
{
	const char	*sid, *pre;
	unsigned char	 h[MAC_LEN];
	long long	 id, unit, must, idle, age;
	char		*role, *name, *login, *uname, *uregion, *ukind;
	unsigned long	 gen;
	int		 n;

	r->role = ROLE_ANON;
	if ((n = auth_year(r)) == -1)
		return RC_DB;
	r->year = n;
	sid = req_cookie(r, COOKIE_SID);
	if (sid != NULL && strlen(sid) == TOKEN_LEN) {
		token_hash(sid, h);
		if (sescache_find(r, h) == 0) {	/* read in the last seconds */
			memcpy(r->sid, sid, TOKEN_LEN + 1);
			auth_csrf_set(r, "s:", r->sid);
			return RC_OK;
		}
		gen = sescache_now();
		if (db_run(r, STMT_SESSION_GET, h, sizeof(h)) == -1)
			return RC_DB;
		n = db_row(r, STMT_SESSION_GET, &id, &role,
		    &name, &login, &unit, &uname, &uregion, &ukind, &must,
		    &idle, &age);
		if (n == -1)
			return RC_DB;
		if (n == 1 && (idle > r->cfg->session_idle ||
		    age > r->cfg->session_max)) {
			db_run(r, STMT_SESSION_DELETE, h, sizeof(h));
			auth_cookie(r, COOKIE_SID, NULL, 0);
			r->flash = "登录已超时，请重新登录。";
			/* Its form may still be kept (route_keeper). */
			r->stale_account = id;
			auth_csrf_mac(r, "s:", sid, r->stale_csrf);
		} else if (n == 1) {
			r->role = role_parse(role);
			r->account_id = id;
			r->user_name = name;
			r->user_login = login;
			r->unit_id = unit;
			r->unit_name = uname;
			r->unit_region = uregion;
			r->unit_region_kind = ukind;
			r->must_change = (int)must;
			memcpy(r->sid, sid, TOKEN_LEN + 1);
			if (idle > 60) {
				if (db_run(r, STMT_SESSION_TOUCH, h,
				    sizeof(h)) == -1)
					return RC_DB;
				idle = 0;
			}
			sescache_keep(r, h, gen, idle, age);
			auth_csrf_set(r, "s:", r->sid);
			return RC_OK;
		}
	}
	pre = req_cookie(r, COOKIE_PRE);
	if (pre != NULL && strlen(pre) == TOKEN_LEN)
		memcpy(r->pre, pre, TOKEN_LEN + 1);
	else {
		token_new(r->pre);
		auth_cookie(r, COOKIE_PRE, r->pre, 0);
		r->pre_new = 1;
	}
	auth_csrf_set(r, "p:", r->pre);
	return RC_OK;
}

/* True if the request's role may use its route (default deny). */
int
auth_allowed(const struct req *r)
{
	return (r->route->roles & RB(r->role)) != 0;
}

/*
 * True if a POST carries the token of the cookie the browser sent.  A
 * cookie made in this very request proves nothing: refused.
 */
int
auth_csrf_ok(const struct req *r)
{
	const char	*t = form_get(&r->body, "csrf");

	if (r->pre_new)
		return 0;
	return t != NULL && token_equal(t, r->csrf);
}

/*
 * Starts a session for account id with a new session id (any old one is
 * deleted: no fixation).  Returns RC_OK or RC_DB.
 */
enum rc
auth_login(struct req *r, long long id)
{
	char		 tok[TOKEN_LEN + 1];
	unsigned char	 h[MAC_LEN];

	if (r->sid[0] != '\0') {
		token_hash(r->sid, h);
		if (db_run(r, STMT_SESSION_DELETE, h, sizeof(h)) == -1)
			return RC_DB;
	}
	token_new(tok);
	token_hash(tok, h);
	if (db_run(r, STMT_SESSION_INSERT, h, sizeof(h), id,
	    r->ip) == -1)
		return RC_DB;
	auth_cookie(r, COOKIE_SID, tok, 0);
	memcpy(r->sid, tok, sizeof(tok));
	return RC_OK;
}

/* Ends the session: deletes its row and expires the cookie. */
void
auth_logout(struct req *r)
{
	unsigned char	 h[MAC_LEN];

	if (r->sid[0] != '\0') {
		token_hash(r->sid, h);
		db_run(r, STMT_SESSION_DELETE, h, sizeof(h));
	}
	auth_cookie(r, COOKIE_SID, NULL, 0);
	r->sid[0] = '\0';
}
