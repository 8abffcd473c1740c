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
 * payhttp.c: one form POST and its answer, HTTP/1.0 over OpenSSL BIOs:
 * https with the system's CA store and a host name check, http for a
 * platform simulator on the same machine.  Used by gkbm-pay (active
 * queries) and tools/payplat (notifies); programs using it link -lssl.
 */

#include <sys/socket.h>
#include <sys/time.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "gkbm.h"
#include "pay.h"

#define HTTP_MAX	(PAYKV_BODY + 4096)

/* Splits URL into https flag, host, port and path; 0 or -1. */
static int
http_split(const char *url, int *tls, char *host, size_t hsz, char *port,
    size_t psz, const char **path)
{
	const char	*h, *slash, *colon;
	size_t		 hl;

	if (strncmp(url, "https://", 8) == 0)
		*tls = 1, h = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		*tls = 0, h = url + 7;
	else
		return -1;
	if ((slash = strchr(h, '/')) == NULL)
		slash = h + strlen(h);
	colon = memchr(h, ':', (size_t)(slash - h));
	hl = (size_t)((colon ? colon : slash) - h);
	if (hl == 0 || hl >= hsz)
		return -1;
	memcpy(host, h, hl);
	host[hl] = '\0';
	if (colon != NULL && (size_t)(slash - colon - 1) < psz &&
	    slash - colon > 1) {
		memcpy(port, colon + 1, (size_t)(slash - colon - 1));
		port[slash - colon - 1] = '\0';
	} else
		snprintf(port, psz, "%s", *tls ? "443" : "80");
	*path = *slash ? slash : "/";
	return 0;
}

/* A connected BIO to host:port, TLS-wrapped and verified when tls. */
static BIO *
http_connect(int tls, const char *host, const char *port)
{
	static SSL_CTX	*ctx;
	BIO		*b, *s;
	SSL		*ssl;

	if ((b = BIO_new(BIO_s_connect())) == NULL)
		return NULL;
	BIO_set_conn_hostname(b, host);
	BIO_set_conn_port(b, port);
	if (!tls)
		return BIO_do_connect(b) == 1 ? b : (BIO_free_all(b), NULL);
	if (ctx == NULL && ((ctx = SSL_CTX_new(TLS_client_method())) == NULL ||
	    SSL_CTX_set_default_verify_paths(ctx) != 1))
		return BIO_free_all(b), NULL;
	SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, NULL);
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	if ((s = BIO_new_ssl(ctx, 1)) == NULL)
		return BIO_free_all(b), NULL;
	BIO_get_ssl(s, &ssl);
	SSL_set_tlsext_host_name(ssl, host);
	SSL_set1_host(ssl, host);
	b = BIO_push(s, b);
	return BIO_do_handshake(b) == 1 ? b : (BIO_free_all(b), NULL);
}

/*
 * POSTs the form body to url; the answer's body (NUL-terminated) goes to
 * out (size bytes) and its status to *status.  Returns the body's length
 * or -1.
 */
int
payhttp_post(const char *url, const char *body, char *out, size_t size,
    int *status)
{
	char		 host[256], port[8], *buf, *p;
	const char	*path;
	struct timeval	 tv = { .tv_sec = 10 };
	BIO		*b;
	int		 tls, n, fd, len = 0, rc = -1;

	if (http_split(url, &tls, host, sizeof(host), port, sizeof(port),
	    &path) == -1 || (b = http_connect(tls, host, port)) == NULL)
		return -1;
	/* A platform that stops answering holds us 10 s at most a read. */
	if ((fd = (int)BIO_get_fd(b, NULL)) >= 0) {
		(void)setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
		(void)setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	}
	BIO_printf(b, "POST %s HTTP/1.0\r\nHost: %s\r\nContent-Type: "
	    "application/x-www-form-urlencoded\r\nContent-Length: %zu\r\n"
	    "Connection: close\r\n\r\n%s", path, host, strlen(body), body);
	(void)BIO_flush(b);
	buf = xmalloc(HTTP_MAX + 1);
	while (len < HTTP_MAX && (n = BIO_read(b, buf + len,
	    HTTP_MAX - len)) > 0)
		len += n;
	buf[len] = '\0';
	BIO_free_all(b);
	if (sscanf(buf, "HTTP/1.%*d %d", status) == 1 &&
	    (p = strstr(buf, "\r\n\r\n")) != NULL &&
	    strlen(p + 4) < size) {
		strcpy(out, p + 4);
		rc = (int)strlen(out);
	}
	free(buf);
	return rc;
}

