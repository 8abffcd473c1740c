/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* resp.c: status, headers, redirects and the single error path */

#include <string.h>

#include "web.h"

static const struct {
	int		 status;
	const char	*title;
	const char	*message;
} errors[RC__MAX] = {
	{ 200, "", "" },						/* RC_OK */
	{ 400, "请求有误", "提交的数据不正确，请返回后重新填写。" },	/* RC_BADREQ */
	{ 403, "无权访问", "您没有访问该页面的权限，或页面已过期，请刷新后重试。" }, /* RC_FORBIDDEN */
	{ 404, "页面不存在", "您访问的页面不存在，请检查地址是否正确。" },	/* RC_NOTFOUND */
	{ 405, "请求方式不允许", "该页面不支持这种请求方式。" },		/* RC_METHOD */
	{ 409, "数据已变化", "数据已被他人修改，请刷新页面查看最新状态后再操作。" }, /* RC_CONFLICT */
	{ 413, "提交的数据过大", "上传的文件或提交的数据过大，请压缩后重新上传。" }, /* RC_TOOLARGE */
	{ 503, "系统繁忙", "系统正在维护或访问量过大，请稍后再试。" },	/* RC_DB */
	{ 500, "系统错误", "系统发生错误，请稍后再试；如仍有问题，请联系咨询电话。" }, /* RC_INTERNAL */
};

static const char *
status_text(int s)
{
	switch (s) {
	case 200: return "OK";
	case 303: return "See Other";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Payload Too Large";
	case 503: return "Service Unavailable";
	default: return "Internal Server Error";
	}
}

/*
 * Writes the status line and headers: the security headers on every
 * response, no caching of any page (they carry personal data or CSRF
 * tokens), the request's cookies.  len < 0 leaves Content-Length out.
 */
void
resp_headers(struct req *r, const char *ctype, long long len)
{
	FCGX_Stream	*o = r->fcgx->out;
	size_t		 i;

	if (r->status == 0)
		r->status = 200;
	FCGX_FPrintF(o, "Status: %d %s\r\n", r->status,
	    status_text(r->status));
	FCGX_FPrintF(o, "Content-Type: %s\r\n", ctype);
	if (len >= 0)
		FCGX_FPrintF(o, "Content-Length: %lld\r\n", len);
	FCGX_PutS("Content-Security-Policy: default-src 'none'; "
	    "script-src 'self'; style-src 'self'; img-src 'self' data:; "
	    "connect-src 'self'; form-action 'self'; "
	    "frame-ancestors 'none'; base-uri 'none'\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "Cache-Control: no-store\r\n", o);
	if (r->status == 405)
		FCGX_FPrintF(o, "Allow: %s\r\n", r->allow ? r->allow :
		    "GET, HEAD, POST");
	if (r->retry_after > 0)
		FCGX_FPrintF(o, "Retry-After: %d\r\n", r->retry_after);
	if (r->location != NULL)
		FCGX_FPrintF(o, "Location: %s\r\n", r->location);
	for (i = 0; i < r->ncookies; i++)
		FCGX_FPrintF(o, "Set-Cookie: %s\r\n", r->cookies[i]);
	FCGX_FPrintF(o, "X-Request-Id: %s\r\n\r\n", r->id);
}

/* Answers 303 See Other to path (a local path, never user input). */
void
resp_redirect(struct req *r, const char *path)
{
	r->location = pool_strdup(r->pool, path);
}

/* A plain text answer (healthz, and the last resort of resp_error). */
void
resp_text(struct req *r, int status, const char *text)
{
	r->status = status;
	resp_headers(r, "text/plain; charset=utf-8", (long long)strlen(text));
	FCGX_PutS(text, r->fcgx->out);
}

/*
 * Drops the queued cookies of a failed request but the anonymous one: a
 * session cookie set before the failure names a session that was rolled
 * back or never audited.  Losing the expiry of a dead session cookie is
 * harmless (the next request finds no row and expires it again).
 */
static void
resp_drop_cookies(struct req *r)
{
	size_t	 i, n = 0;

	for (i = 0; i < r->ncookies; i++)
		if (strncmp(r->cookies[i], "gkbm_pre=", 9) == 0)
			r->cookies[n++] = r->cookies[i];
	r->ncookies = n;
}

/*
 * Audits a 403 that the pipeline has not audited: worker.c writes
 * access.denied when the role gate refuses and csrf.fail when the token
 * is wrong, and both conditions can be recomputed here; every other 403
 * (the forced password change, a handler's own refusal) is written here.
 * A failure is logged only: the answer is a refusal anyway.
 */
static void
resp_audit_forbidden(struct req *r)
{
	if (r->route != NULL && (!auth_allowed(r) ||
	    (r->method == M_POST && !auth_csrf_ok(r))))
		return;
	if (audit(r, "access.denied", r->path, "403", r->must_change ?
	    "password change required" : NULL) == -1)
		log_warnx("%s: audit failed", __func__);
}

/*
 * Renders the error page of rc for the request's role: a fresh document
 * <error status> with a title and message, as HTML or XML.  The only
 * place that maps an rc to an HTTP status.  Rolls back any open
 * transaction, drops session cookies and audits unaudited 403s.
 */
void
resp_error(struct req *r, enum rc rc)
{
	xmlNodePtr	 e;

	if (rc <= RC_OK || rc >= RC__MAX)
		rc = RC_INTERNAL;
	db_rollback(r);
	resp_drop_cookies(r);
	if (rc == RC_FORBIDDEN)
		resp_audit_forbidden(r);
	r->status = errors[rc].status;
	r->location = NULL;
	if (rc == RC_DB)
		r->retry_after = 30;
	xml_page(r, PAGE_ERROR);
	e = xml_el(r->root, "error", NULL);
	xml_attrf(e, "status", "%d", r->status);
	xml_el(e, "title", errors[rc].title);
	xml_el(e, "message", r->message ? r->message : errors[rc].message);
	if (render_send(r) != RC_OK)
		resp_text(r, r->status, errors[rc].message);
}

/*
 * Answers 200 with a stored file that nginx sends itself from the
 * internal location uri (X-Accel-Redirect): the worker only decides who
 * may see it.  ctype and disposition are the file's Content-Type and
 * Content-Disposition.  Never cached, never sniffed, never run as a
 * page: the internal location adds Cache-Control: private, no-store
 * (nginx would keep one from here as well and send it twice), and its
 * own copies of the other two (nginx drops ours).  resp_send() then
 * writes nothing more.
 */
void
resp_file(struct req *r, const char *uri, const char *ctype,
    const char *disposition)
{
	r->status = 200;
	r->sent = 1;
	FCGX_FPrintF(r->fcgx->out, "Status: 200 OK\r\n"
	    "Content-Type: %s\r\n"
	    "Content-Disposition: %s\r\n"
	    "X-Accel-Redirect: %s\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "Content-Security-Policy: default-src 'none'; sandbox\r\n"
	    "X-Request-Id: %s\r\n\r\n", ctype, disposition, uri, r->id);
}

/* Sends the outcome of a handler: a redirect, the page, or an error. */
void
resp_send(struct req *r, enum rc rc)
{
	if (r->sent)
		return;
	if (rc != RC_OK) {
		resp_error(r, rc);
		return;
	}
	if (r->location != NULL) {
		r->status = 303;
		resp_headers(r, "text/plain; charset=utf-8", 0);
		return;
	}
	if (r->form_bad && r->status == 0)
		r->status = 400;
	if (render_send(r) != RC_OK)
		resp_error(r, RC_INTERNAL);
}
