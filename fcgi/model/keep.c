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
 * keep.c: the application form's fields kept when they cannot be taken
 * now, so that nothing typed is lost (issue 6): the session expired
 * before 保存 (the person logs in and finds the form as sent), the page's
 * CSRF token is stale, or an upload came with fields that are not yet
 * valid as a draft.  A reviewer's decision form (详情, POST
 * /review/decide) is kept alike and comes back on 详情.  One row per
 * account in form_keeps, found by the SHA-256 of the gkbm_keep cookie and
 * the account, taken once by the next GET /apply (or /review/app) within
 * KEEP_MINUTES.  What is kept is shown, never saved:
 * the person saves it himself.
 */

#include <stdio.h>
#include <string.h>

#include "web.h"
#include "appform.h"

#define COOKIE_KEEP	"gkbm_keep"
#define MAX_KEEP	60000		/* bytes of one kept form (< MAX_COLBUF) */

/* True if name is a field of the review's decision form (详情). */
static int
keep_decision(const char *name)
{
	static const char *const fields[] = { "id", "version", "action",
	    "reason", "defer", "defer_note", "next", NULL };
	size_t	 i;

	for (i = 0; fields[i] != NULL; i++)
		if (strcmp(name, fields[i]) == 0)
			return 1;
	return 0;
}

/*
 * True if name is a field worth keeping: of the decision form on
 * /review/decide, else of the application form.
 */
static int
keep_wanted(const struct req *r, const char *name)
{
	static const char *const extra[] = { "region", "supervisor",
	    "version", NULL };
	size_t	 i;

	if (keep_review(r))
		return keep_decision(name);
	for (i = 0; i < F__MAX; i++)
		if (strcmp(name, appform_fields[i].key) == 0)
			return 1;
	for (i = 0; extra[i] != NULL; i++)
		if (strcmp(name, extra[i]) == 0)
			return 1;
	return (strncmp(name, "appraisal_", 10) == 0 &&
	    strlen(name) == 14 && strspn(name + 10, "0123456789") == 4) ||
	    (strncmp(name, "exc_cond_", 9) == 0 && strlen(name) < 16);
}

/*
 * The form's fields as name=value&...: '%', '&', '=', '+' and control
 * bytes percent-encoded (form_parse_urlencoded reads it back), the rest
 * as sent.  Returns the length, or 0 when there is nothing to keep or it
 * would not fit.
 */
static size_t
keep_encode(struct req *r, char *out, size_t cap)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const struct field	*f;
	const unsigned char	*p;
	size_t			 i, n = 0, k;

	for (i = 0; i < r->body.nfields; i++) {
		f = &r->body.fields[i];
		if (f->filename != NULL || !keep_wanted(r, f->name))
			continue;
		k = strlen(f->name);
		if (n + k + 2 >= cap)
			return 0;
		if (n > 0)
			out[n++] = '&';
		memcpy(out + n, f->name, k);
		n += k;
		out[n++] = '=';
		for (p = (const unsigned char *)f->value; *p != '\0'; p++) {
			if (n + 4 >= cap)
				return 0;
			if (*p < 0x20 || *p == 0x7f || strchr("%&=+", *p)) {
				out[n++] = '%';
				out[n++] = hex[*p >> 4];
				out[n++] = hex[*p & 15];
			} else
				out[n++] = (char)*p;
		}
	}
	return n;
}

/*
 * Keeps the application form's fields of the request for account (one
 * per account: an older one goes) and gives the browser the cookie that
 * finds them.  Returns 1 kept, 0 nothing to keep, -1 database failure.
 */
int
keep_put(struct req *r, long long account)
{
	unsigned char	 h[MAC_LEN];
	char		 tok[TOKEN_LEN + 1], *buf;
	size_t		 len;

	buf = pool_alloc(r->pool, MAX_KEEP);
	if ((len = keep_encode(r, buf, MAX_KEEP)) == 0)
		return 0;
	token_new(tok);
	token_hash(tok, h);
	if (db_run(r, STMT_KEEP_CLEAR, account) == -1 ||
	    db_run(r, STMT_KEEP_PUT, h, sizeof(h), account, buf,
	    len) == -1)
		return -1;
	auth_cookie(r, COOKIE_KEEP, tok, 0);
	return 1;
}

/* True if the request is a decision of the review (/review/decide). */
int
keep_review(const struct req *r)
{
	return r->route != NULL && r->route->page == PAGE_DECIDE;
}

/* True if the browser holds a kept form (the cookie). */
int
keep_pending(const struct req *r)
{
	const char	*t = req_cookie(r, COOKIE_KEEP);

	return t != NULL && strlen(t) == TOKEN_LEN;
}

/*
 * Takes the kept form of the cookie for the logged-in account into out
 * (once: the row and the cookie go).  Returns 1, 0 when there is none
 * (or it is another account's, or too old), -1 database failure.
 */
int
keep_take(struct req *r, struct form *out)
{
	unsigned char	 h[MAC_LEN], *body;
	size_t		 len;
	int		 n;

	memset(out, 0, sizeof(*out));
	if (!keep_pending(r))
		return 0;
	token_hash(req_cookie(r, COOKIE_KEEP), h);
	if (db_run(r, STMT_KEEP_TAKE, h, sizeof(h),
	    r->account_id) == -1 ||
	    (n = db_row(r, STMT_KEEP_TAKE, &body, &len)) == -1)
		return -1;
	db_done(r, STMT_KEEP_TAKE);
	if (db_run(r, STMT_KEEP_DROP, h, sizeof(h),
	    r->account_id) == -1)
		return -1;
	auth_cookie(r, COOKIE_KEEP, NULL, 0);
	if (n == 0 || form_parse_urlencoded(r->pool, (const char *)body, len,
	    out) != NULL)
		return 0;
	return 1;
}

/*
 * True if the request comes from a page of this site by the browser's
 * own account (Sec-Fetch-Site, else Origin against Host, when sent).
 */
static int
keep_same_origin(const struct req *r)
{
	const char	*site, *origin, *host, *p;

	if ((site = req_param(r, "HTTP_SEC_FETCH_SITE")) != NULL)
		return strcmp(site, "same-origin") == 0;
	if ((origin = req_param(r, "HTTP_ORIGIN")) == NULL)
		return 1;
	host = req_param(r, "HTTP_HOST");
	p = strstr(origin, "://");
	return host != NULL && p != NULL && strcmp(p + 3, host) == 0;
}

/*
 * A POST of the application form (a route with R_KEEP) that cannot be
 * taken: its session expired on this very request, and its CSRF token is
 * the one that session's pages carried; or the session is valid but the
 * page's token is stale.  The fields are kept for the account, and the
 * person goes to log in (then back to the form) or straight back to the
 * form.  Nothing is saved.  Returns 1 when answered so, 0 when the
 * request is not such a one (the caller refuses it), -1 on a database
 * failure.
 */
int
keep_stale(struct req *r)
{
	const char	*t = form_get(&r->body, "csrf");
	long long	 account;
	int		 n;

	if (r->method != M_POST || !(r->route->flags & R_KEEP) ||
	    r->want_xml || t == NULL || form_get(&r->body, "version") ==
	    NULL || !keep_same_origin(r))
		return 0;
	if (r->role == ROLE_ANON && r->stale_account > 0 &&
	    token_equal(t, r->stale_csrf))
		account = r->stale_account;
	else if (r->role == ROLE_CANDIDATE || (keep_review(r) &&
	    r->role != ROLE_ANON))
		account = r->account_id;
	else
		return 0;
	if ((n = keep_put(r, account)) != 1)
		return n;
	if (audit(r, "form.kept", pool_printf(r->pool, "account:%lld",
	    account), "ok", r->role == ROLE_ANON ? "session expired" :
	    "stale token") == -1)
		return -1;
	if (keep_review(r))	/* 详情 takes it back (h_detail.c) */
		resp_redirect(r, r->role == ROLE_ANON ?
		    "/login?m=kept_review" : "/review/app");
	else
		resp_redirect(r, r->role == ROLE_ANON ? "/login?m=kept" :
		    "/apply");
	return 1;
}
