/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* req.c: FastCGI parameters, cookies and the body into struct req */

#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "web.h"

#define MAX_PATH	1024
#define FORM_MAX	(1024 * 1024)	/* an urlencoded body, bytes */

/* Returns a FastCGI parameter, or NULL.  Never getenv(): see SECURITY.md. */
const char *
req_param(const struct req *r, const char *name)
{
	return FCGX_GetParam(name, r->fcgx->envp);
}

/*
 * The name prefix of every cookie: "__Host-" behind TLS (cookie_secure),
 * which browsers accept only with Secure, Path=/ and no Domain, so a
 * sibling subdomain can neither plant nor overwrite our cookies; none
 * for plain-HTTP development, where Secure cookies are kept only on
 * localhost by some browsers.  req_cookie() reads the same names.
 */
const char *
req_cookie_prefix(const struct config *cfg)
{
	return cfg->cookie_secure ? "__Host-" : "";
}

/*
 * Returns the value of cookie name (in the pool), or NULL.  The name is
 * looked for with the prefix of req_cookie_prefix(): behind TLS a
 * plain gkbm_sid, which anyone on a sibling subdomain could have set,
 * is not ours.
 */
const char *
req_cookie(const struct req *r, const char *name)
{
	const char	*c, *e, *v;
	size_t		 nl;

	name = pool_printf(r->pool, "%s%s", req_cookie_prefix(r->cfg), name);
	nl = strlen(name);

	if ((c = req_param(r, "HTTP_COOKIE")) == NULL)
		return NULL;
	while (*c != '\0') {
		while (*c == ' ' || *c == ';')
			c++;
		if ((e = strchr(c, ';')) == NULL)
			e = c + strlen(c);
		if ((v = memchr(c, '=', e - c)) != NULL &&
		    (size_t)(v - c) == nl && memcmp(c, name, nl) == 0)
			return pool_strndup(r->pool, v + 1, e - v - 1);
		c = e;
	}
	return NULL;
}

/* Returns a query-string argument, or NULL. */
const char *
req_arg(const struct req *r, const char *name)
{
	return form_get(&r->query, name);
}

/* Reads exactly len bytes of body; -1 when the client gave up early. */
static int
req_read(struct req *r, char *buf, size_t len)
{
	size_t	 got = 0;
	int	 n;

	while (got < len) {
		n = FCGX_GetStr(buf + got, (int)(len - got > 65536 ?
		    65536 : len - got), r->fcgx->in);
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	return 0;
}

/*
 * Fills the request from the FastCGI parameters: method, path, query
 * string.  The body waits until the route is known (req_body).  Returns
 * RC_OK, RC_METHOD, RC_NOTFOUND, or RC_BADREQ for a malformed query (the
 * message is in r->message).
 */
enum rc
req_parse(struct req *r)
{
	const char	*m, *uri, *q, *acc, *err = NULL;
	unsigned char	 rnd[8];
	size_t		 plen;

	if (RAND_bytes(rnd, sizeof(rnd)) != 1)
		fatalx("RAND_bytes failed");
	hex_encode(rnd, sizeof(rnd), r->id);
	memcpy(log_reqid, r->id, sizeof(log_reqid));

	r->ip = req_param(r, "REMOTE_ADDR");
	if (r->ip == NULL)
		r->ip = "";
	/* First: even the errors below answer in the format asked for. */
	acc = req_param(r, "HTTP_ACCEPT");
	r->want_xml = acc != NULL && strncmp(acc, "application/xml", 15) == 0;
	m = req_param(r, "REQUEST_METHOD");
	if (m != NULL && strcmp(m, "POST") == 0)
		r->method = M_POST;
	else if (m != NULL && (strcmp(m, "GET") == 0 ||
	    strcmp(m, "HEAD") == 0))
		r->method = M_GET;
	else
		return RC_METHOD;

	if ((uri = req_param(r, "DOCUMENT_URI")) == NULL &&
	    (uri = req_param(r, "REQUEST_URI")) == NULL)
		uri = "/";
	plen = strcspn(uri, "?");
	if (plen == 0 || uri[0] != '/' || plen > MAX_PATH)
		return RC_NOTFOUND;
	r->path = pool_strndup(r->pool, uri, plen);

	if ((q = req_param(r, "QUERY_STRING")) != NULL && *q != '\0')
		err = form_parse_urlencoded(r->pool, q, strlen(q), &r->query);
	if (err != NULL) {
		r->message = err;
		return RC_BADREQ;
	}
	return RC_OK;
}

/*
 * Reads and parses the body of a POST to route rt, in the one format rt
 * accepts: multipart/form-data where rt has R_MULTIPART (up to
 * body_max), else application/x-www-form-urlencoded (up to FORM_MAX).
 * A body that is refused is not read (the worker drains it).  Returns
 * RC_OK, RC_BADREQ (r->message says why) or RC_TOOLARGE.
 */
enum rc
req_body(struct req *r, const struct route *rt)
{
	const char	*ct, *cl, *err;
	char		*body;
	long long	 len = 0;
	size_t		 max;
	int		 multi;

	if (r->method != M_POST)
		return RC_OK;
	if ((cl = req_param(r, "CONTENT_LENGTH")) != NULL && *cl != '\0' &&
	    valid_uint(cl, 0, 1LL << 40, &len) == -1) {
		r->message = "请求长度不正确。";
		return RC_BADREQ;
	}
	if ((ct = req_param(r, "CONTENT_TYPE")) == NULL)
		ct = "";
	multi = strncasecmp(ct, "multipart/form-data", 19) == 0;
	if (len > 0 && (multi ? !(rt->flags & R_MULTIPART) :
	    strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0)) {
		r->message = "不支持的提交格式。";
		return RC_BADREQ;
	}
	max = (rt->flags & R_MULTIPART) ? r->cfg->body_max : FORM_MAX;
	if (max > r->cfg->body_max)
		max = r->cfg->body_max;
	if ((size_t)len > max)
		return RC_TOOLARGE;
	body = pool_alloc(r->pool, (size_t)len + 1);
	if (req_read(r, body, (size_t)len) == -1) {
		r->message = "上传未完成，请重新提交。";
		return RC_BADREQ;
	}
	body[len] = '\0';
	if (multi)
		err = form_parse_multipart(r->pool, ct, body, (size_t)len,
		    &r->body);
	else
		err = form_parse_urlencoded(r->pool, body, (size_t)len,
		    &r->body);
	if (err != NULL) {
		r->message = err;
		return RC_BADREQ;
	}
	return RC_OK;
}
