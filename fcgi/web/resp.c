/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* resp.c: status lines, headers, redirects, plain text and stored files */

#include <string.h>
#include <unistd.h>

#include "web.h"

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
	/* form_to: the payment platform of the hand-over page (h_pay.c). */
	FCGX_FPrintF(o, "Content-Security-Policy: default-src 'none'; "
	    "script-src 'self'; style-src 'self'; img-src 'self' data:; "
	    "connect-src 'self'; form-action 'self'%s%s; "
	    "frame-ancestors 'none'; base-uri 'none'\r\n",
	    r->form_to != NULL ? " " : "", r->form_to != NULL ? r->form_to : "");
	FCGX_PutS("X-Content-Type-Options: nosniff\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Referrer-Policy: same-origin\r\n", o);
	/*
	 * r->cache: a public page without personal data (h_verify.c), as
	 * HTML or XML by the Accept header; an error page is never kept.
	 */
	if (r->cache != NULL && r->status < 500)
		FCGX_FPrintF(o, "Cache-Control: %s\r\nVary: Accept\r\n",
		    r->cache);
	else
		FCGX_PutS("Cache-Control: no-store\r\n", o);
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

/* A plain text answer (healthz, and the last resort of reply_error). */
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
void
resp_drop_cookies(struct req *r)
{
	const char	*pre = req_cookie_prefix(r->cfg);
	size_t		 i, n = 0, pl = strlen(pre);

	for (i = 0; i < r->ncookies; i++)
		if (strncmp(r->cookies[i], pre, pl) == 0 &&
		    strncmp(r->cookies[i] + pl, "gkbm_pre=", 9) == 0)
			r->cookies[n++] = r->cookies[i];
	r->ncookies = n;
}

/*
 * Answers 200 with a stored file that nginx sends itself from the
 * internal location uri (X-Accel-Redirect): the worker only decides who
 * may see it.  ctype and disposition are the file's Content-Type and
 * Content-Disposition.  Never cached, never sniffed, never run as a
 * page: the internal location adds Cache-Control: private, no-store
 * (nginx would keep one from here as well and send it twice), and its
 * own copies of the other two (nginx drops ours).  reply_send() then
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

/* Percent-encodes s for filename*=UTF-8''... (RFC 5987 attr-char). */
static void
resp_pct(FCGX_Stream *o, const char *s)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("!#$&+-.^_`|~", *p))
			FCGX_PutChar(*p, o);
		else
			FCGX_FPrintF(o, "%%%02X", *p);
}

/*
 * Answers 200 with size bytes read from fd (an export the worker made:
 * xlsx.c) as an attachment: ctype, the file's name as UTF-8 (filename*)
 * with an ASCII fallback (ascii, our own constant), never cached or
 * sniffed.  Sends 64 KB at a time, so memory does not grow with the
 * file.  The caller closes fd.  Returns 0, or -1 when fd could not be
 * read (the response is then cut short: the headers are gone).
 */
int
resp_download(struct req *r, const char *ctype, const char *ascii,
    const char *name, int fd, long long size)
{
	FCGX_Stream	*o = r->fcgx->out;
	char		 buf[65536];
	ssize_t		 n;

	r->status = 200;
	r->sent = 1;
	FCGX_FPrintF(o, "Status: 200 OK\r\nContent-Type: %s\r\n"
	    "Content-Length: %lld\r\n"
	    "Content-Disposition: attachment; filename=\"%s\"; "
	    "filename*=UTF-8''", ctype, size, ascii);
	resp_pct(o, name);
	FCGX_FPrintF(o, "\r\nX-Content-Type-Options: nosniff\r\n"
	    "Content-Security-Policy: default-src 'none'; sandbox\r\n"
	    "Cache-Control: no-store\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "X-Request-Id: %s\r\n\r\n", r->id);
	while (size > 0 && (n = read(fd, buf, sizeof(buf))) > 0) {
		if (FCGX_PutStr(buf, (int)n, o) != (int)n)
			return -1;
		size -= n;
	}
	if (size > 0) {
		log_warn("%s: read", __func__);
		return -1;
	}
	return 0;
}

/*
 * Begins a file the handler then writes itself with resp_put while it
 * makes it (pdf.c's documents), so nothing waits whole in memory:
 * how is "inline" or "attachment", the names as resp_download's; no
 * Content-Length.  No CSP sandbox: browsers' PDF viewers refuse to run
 * in one, and the file holds no script.  reply_send() then writes
 * nothing more.
 */
void
resp_stream(struct req *r, const char *ctype, const char *how,
    const char *ascii, const char *name)
{
	FCGX_Stream	*o = r->fcgx->out;

	r->status = 200;
	r->sent = 1;
	FCGX_FPrintF(o, "Status: 200 OK\r\nContent-Type: %s\r\n"
	    "Content-Disposition: %s; filename=\"%s\"; filename*=UTF-8''",
	    ctype, how, ascii);
	resp_pct(o, name);
	FCGX_FPrintF(o, "\r\nX-Content-Type-Options: nosniff\r\n"
	    "Cache-Control: no-store\r\nReferrer-Policy: same-origin\r\n"
	    "X-Frame-Options: DENY\r\nX-Request-Id: %s\r\n\r\n", r->id);
}

/* resp_stream's writer (a pdf_write_fn): the bytes to the client; 0 or -1. */
int
resp_put(void *v, const unsigned char *data, size_t len)
{
	struct req	*r = v;

	if (len > 0 && FCGX_PutStr((const char *)data, (int)len,
	    r->fcgx->out) != (int)len)
		return -1;
	return 0;
}
