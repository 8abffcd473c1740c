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
 * pay_query.c: the active order query (SECURITY.md §3: an order PENDING
 * too long, a stale notify, the candidate's page, an office): a signed
 * sign v1 request POSTed to pay_query_url; the platform's answer must be
 * signed with a pinned key (its own algorithm), name our app_id and the
 * order, and be inside the window.  Every query is recorded (pay_query);
 * an answer SUCCESS is applied exactly as a notify would be
 * (pay_apply.c), in one transaction.  HTTP/1.0 over OpenSSL BIOs: https
 * with the system's CA store and host name check, http for a platform
 * simulator on the same machine.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/bio.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include "payd.h"

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
payd_http_post(const char *url, const char *body, char *out, size_t size,
    int *status)
{
	char		 host[256], port[8], *buf, *p;
	const char	*path;
	BIO		*b;
	int		 tls, n, len = 0, rc = -1;

	if (http_split(url, &tls, host, sizeof(host), port, sizeof(port),
	    &path) == -1 || (b = http_connect(tls, host, port)) == NULL)
		return -1;
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

/* Checks the platform's signed answer; NULL or the reason. */
static const char *
query_check(struct payd *d, struct paykv *kv, const char *order_no)
{
	const struct payd_pin	*pin;
	const char		*why, *ts;
	char			*canon;
	long long		 t;
	int			 cl, ok;

	if (paykv_check(kv, &paykv_query_reply, &why) == -1)
		return why;
	if ((pin = payd_pin_find(d, paykv_get(kv, "key_id"))) == NULL)
		return "unknown key_id";
	if (paysign_alg(paykv_get(kv, "sign_type")) != paysign_key_alg(pin->key))
		return "sign_type is not the key's algorithm";
	canon = xmalloc(PAYKV_BUF);
	cl = paykv_canon(kv, canon, PAYKV_BUF);
	ok = cl > 0 && paysign_verify(pin->key, canon, (size_t)cl,
	    paykv_get(kv, "sign"));
	free(canon);
	if (!ok)
		return "signature not valid";
	if (strcmp(paykv_get(kv, "app_id"), d->cfg->pay_app_id) != 0 ||
	    strcmp(paykv_get(kv, "order_no"), order_no) != 0)
		return "app_id or order_no not ours";
	ts = paykv_get(kv, "timestamp");
	t = strtoll(ts, NULL, 10);
	if (strspn(ts, "0123456789") != strlen(ts) || llabs(t -
	    (long long)time(NULL)) > d->cfg->pay_window)
		return "timestamp outside window";
	return NULL;
}

/* Applies a SUCCESS answer and records the query; 0, -1 database. */
static int
query_record(struct payd *d, long long oid, const char *reason,
    struct paykv *kv, const char **why)
{
	struct payd_report	 rep;
	enum payd_verdict	 v = PV_NOTED;
	const char		*st = paykv_get(kv, "pay_status");
	const char		*tr = paykv_get(kv, "trade_no");
	const char		*detail = "";

	memset(&rep, 0, sizeof(rep));
	if (dbh_begin(&d->dbh) == -1)
		return -1;
	if (strcmp(st, "SUCCESS") == 0) {
		rep.order_no = paykv_get(kv, "order_no");
		rep.trade_no = tr ? tr : "";
		rep.paid_at = paykv_get(kv, "paid_at");
		rep.currency = paykv_get(kv, "currency");
		rep.status = st;
		if (!paykv_trade_ok(rep.trade_no) || rep.paid_at == NULL ||
		    rep.currency == NULL || paykv_get(kv, "amount") == NULL ||
		    paykv_amount(paykv_get(kv, "amount"), &rep.amount) == -1) {
			*why = "SUCCESS without trade_no, amount or paid_at";
			v = PV_MISMATCH;
		} else if ((v = payd_apply(d, &rep, &detail)) == PV_DBERR)
			goto fail;
	}
	if (dbh_run(&d->dbh, STMT_PAY_QUERY_INSERT, oid, reason, st,
	    tr ? tr : "", rep.amount, v == PV_NOTED ? "" :
	    payd_verdict_name(v)) != 1 || payd_audit(d, "", "pay_query",
	    paykv_get(kv, "order_no"), st, payd_verdict_name(v)) == -1 ||
	    dbh_commit(&d->dbh) == -1)
		goto fail;
	return 0;
fail:
	dbh_rollback(&d->dbh);
	*why = "database";
	return -1;
}

/*
 * Queries order_no at the platform (reason: pending, stale, page,
 * admin).  On success the verified answer is in *out.  Returns 0, -1
 * with *why (no order, platform unreachable or not trustworthy,
 * database).
 */
int
payd_query(struct payd *d, const char *order_no, const char *reason,
    struct paykv *out, const char **why)
{
	struct paykv	 req;
	char		 body[PAYKV_BODY], *ans, *state;
	long long	 oid;
	int		 n, status, rc;

	if (dbh_run(&d->dbh, STMT_PAY_ORDER_STATE, order_no) == -1 ||
	    (rc = dbh_row(&d->dbh, STMT_PAY_ORDER_STATE, &oid, &state)) == -1)
		return *why = "database", -1;
	dbh_done(&d->dbh, STMT_PAY_ORDER_STATE);
	if (rc == 0)
		return *why = "no such order", -1;
	paykv_init(&req);
	if (paykv_add(&req, "app_id", d->cfg->pay_app_id) == -1 ||
	    paykv_add(&req, "order_no", order_no) == -1 ||
	    paysign_message(d->own, d->cfg->pay_key_id, &req, body,
	    sizeof(body)) == -1)
		return *why = "cannot sign the query", -1;
	ans = xmalloc(PAYKV_BODY + 1);
	n = payd_http_post(d->cfg->pay_query_url, body, ans, PAYKV_BODY + 1,
	    &status);
	rc = -1;
	if (n <= 0 || status != 200)
		*why = "the platform did not answer";
	else if (paykv_parse(out, ans, (size_t)n, 0, why) == -1)
		;
	else if ((*why = query_check(d, out, order_no)) != NULL)
		log_warnx("ALERT pay query %s: %s", order_no, *why);
	else
		rc = query_record(d, oid, reason, out, why);
	free(ans);
	return rc;
}
