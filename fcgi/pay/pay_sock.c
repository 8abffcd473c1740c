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
 * pay_sock.c: gkbm-pay's socket for gkbm-web (pay_socket).  The protocol
 * (one form-encoded line each way, one request per connection; ops ping,
 * handover, query) is described at the top of fcgi/lib/payclient.c,
 * gkbm-web's side.  gkbm-web sends only an order number: the amount and
 * the payer come from the database, so a web process cannot have an
 * arbitrary order signed.
 */

#include <sys/socket.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "payd.h"

#define SOCK_LINE	4096
#define SOCK_TIMEOUT_MS	5000

/* A reply being built. */
struct sreply {
	struct paykv	 kv;
};

/* Sets status=error&code=code&message=msg. */
static void
sock_error(struct sreply *r, const char *code, const char *msg)
{
	paykv_init(&r->kv);
	paykv_add(&r->kv, "status", "error");
	paykv_add(&r->kv, "code", code);
	paykv_add(&r->kv, "message", msg);
}

/* op=ping. */
static void
sock_ping(struct payd *d, const struct paykv *req, struct sreply *r)
{
	(void)req;
	paykv_add(&r->kv, "status", "ok");
	paykv_add(&r->kv, "app_id", d->cfg->pay_app_id);
	paykv_add(&r->kv, "key_id", d->cfg->pay_key_id);
	paykv_add(&r->kv, "sign_type",
	    paysign_alg_name(paysign_key_alg(d->own)));
}

/* The receipt kind as the platform's payer_type. */
static const char *
sock_payer(const char *kind)
{
	return strcmp(kind, "unit") == 0 ? "2" : strcmp(kind, "other") == 0 ?
	    "3" : "1";
}

/*
 * Builds and signs the hand-over of order (amount, level, payer).
 * Returns 0, -2 when a value cannot be carried (an & or a line break in
 * the receipt name), -1 when signing failed.
 */
static int
sock_sign_handover(struct payd *d, const char *order, long long amount,
    long long level, const char *kind, const char *name, struct sreply *r)
{
	struct paykv	 m;
	char		 fen[24], subject[128], ret[600], *body;
	size_t		 i;
	int		 rc = -1;

	snprintf(fen, sizeof(fen), "%lld", amount);
	snprintf(subject, sizeof(subject), "职业技能等级认定考试费（%lld级）",
	    level);
	snprintf(ret, sizeof(ret), "%s?order=%s", d->cfg->pay_return_url,
	    order);
	paykv_init(&m);
	if (paykv_add(&m, "app_id", d->cfg->pay_app_id) == -1 ||
	    paykv_add(&m, "order_no", order) == -1 ||
	    paykv_add(&m, "amount", fen) == -1 ||
	    paykv_add(&m, "currency", "CNY") == -1 ||
	    paykv_add(&m, "subject", subject) == -1 ||
	    paykv_add(&m, "payer_type", sock_payer(kind)) == -1 ||
	    paykv_add(&m, "payer_name", name) == -1 ||
	    paykv_add(&m, "notify_url", d->cfg->pay_notify_url) == -1 ||
	    paykv_add(&m, "return_url", ret) == -1)
		return -2;
	body = xmalloc(PAYKV_BODY);
	if (paysign_message(d->own, d->cfg->pay_key_id, &m, body,
	    PAYKV_BODY) != -1) {
		paykv_add(&r->kv, "status", "ok");
		paykv_add(&r->kv, "action", d->cfg->pay_gateway_url);
		for (i = 0; i < m.n; i++) {
			char	 fname[PAYKV_NAME + 3];

			snprintf(fname, sizeof(fname), "f.%s", m.name[i]);
			paykv_add(&r->kv, fname, m.value[i]);
		}
		rc = 0;
	}
	free(body);
	return rc;
}

/* op=handover&order_no=N. */
static void
sock_handover(struct payd *d, const struct paykv *req, struct sreply *r)
{
	const char	*order = paykv_get(req, "order_no");
	char		*state, *kind, *name;
	long long	 id, amount, level;
	int		 rc;

	if (order == NULL || !paykv_order_ok(order))
		return sock_error(r, "bad_request", "order_no");
	if (dbh_run(&d->dbh, STMT_PAY_ORDER_HANDOVER, order) == -1 ||
	    (rc = dbh_row(&d->dbh, STMT_PAY_ORDER_HANDOVER, &id, &amount,
	    &state, &level, &kind, &name)) == -1)
		return sock_error(r, "db", "database");
	dbh_done(&d->dbh, STMT_PAY_ORDER_HANDOVER);
	if (rc == 0)
		return sock_error(r, "no_order", "no such order");
	if (strcmp(state, "PENDING") != 0)
		return sock_error(r, "not_pending", state);
	if (*name == '\0')
		return sock_error(r, "bad_request", "no receipt name");
	if ((rc = sock_sign_handover(d, order, amount, level, kind, name,
	    r)) != 0)
		return rc == -2 ? sock_error(r, "bad_request",
		    "receipt name not carriable") : sock_error(r, "key",
		    "cannot sign");
	if (dbh_run(&d->dbh, STMT_PAY_ORDER_HANDED, id) == -1)
		return sock_error(r, "db", "database");
}

/* op=query&order_no=N[&reason=R]. */
static void
sock_query(struct payd *d, const struct paykv *req, struct sreply *r)
{
	static const char *const reasons[] = { "pending", "stale", "page",
		"admin", NULL };
	static const char *const keep[] = { "trade_no", "amount", "paid_at",
		NULL };
	const char	*order = paykv_get(req, "order_no");
	const char	*reason = paykv_get(req, "reason"), *why, *v;
	struct paykv	 ans;
	char		*state;
	long long	 id;
	size_t		 i;

	if (reason == NULL)
		reason = "page";
	for (i = 0; reasons[i] != NULL && strcmp(reasons[i], reason); i++)
		;
	if (order == NULL || !paykv_order_ok(order) || reasons[i] == NULL)
		return sock_error(r, "bad_request", "order_no or reason");
	if (payd_query(d, order, reason, &ans, &why) == -1)
		return sock_error(r, strcmp(why, "database") == 0 ? "db" :
		    strcmp(why, "no such order") == 0 ? "no_order" :
		    "platform", why);
	if (dbh_run(&d->dbh, STMT_PAY_ORDER_STATE, order) == -1 ||
	    dbh_row(&d->dbh, STMT_PAY_ORDER_STATE, &id, &state) != 1)
		return sock_error(r, "db", "database");
	dbh_done(&d->dbh, STMT_PAY_ORDER_STATE);
	paykv_add(&r->kv, "status", "ok");
	paykv_add(&r->kv, "state", state);
	paykv_add(&r->kv, "platform", paykv_get(&ans, "pay_status"));
	for (i = 0; keep[i] != NULL; i++)
		if ((v = paykv_get(&ans, keep[i])) != NULL)
			paykv_add(&r->kv, keep[i], v);
}

/* The ops. */
static const struct {
	const char	*op;
	void		(*fn)(struct payd *, const struct paykv *,
			    struct sreply *);
	int		 db;		/* needs the database */
} sock_ops[] = {
	{ "ping", sock_ping, 0 },
	{ "handover", sock_handover, 1 },
	{ "query", sock_query, 1 },
};

/* Reads one line from fd (5 s); its length or -1. */
static ssize_t
sock_readline(int fd, char *buf, size_t size)
{
	struct pollfd	 p = { .fd = fd, .events = POLLIN };
	size_t		 len = 0;
	ssize_t		 n;

	while (len + 1 < size) {
		if (poll(&p, 1, SOCK_TIMEOUT_MS) != 1)
			return -1;
		if ((n = read(fd, buf + len, size - 1 - len)) <= 0)
			return n == -1 && errno == EINTR ? 0 : -1;
		len += (size_t)n;
		if (buf[len - 1] == '\n') {
			buf[--len] = '\0';
			return (ssize_t)len;
		}
	}
	return -1;
}

/* Serves one connection. */
static void
sock_serve(struct payd *d, int fd)
{
	char		 line[SOCK_LINE], *out;
	struct paykv	 req;
	struct sreply	 r;
	const char	*op, *why;
	ssize_t		 n;
	size_t		 i;

	paykv_init(&r.kv);
	if ((n = sock_readline(fd, line, sizeof(line))) <= 0)
		return;
	if (paykv_parse(&req, line, (size_t)n, 0, &why) == -1 ||
	    (op = paykv_get(&req, "op")) == NULL)
		sock_error(&r, "bad_request", why);
	else {
		for (i = 0; i < sizeof(sock_ops) / sizeof(sock_ops[0]); i++)
			if (strcmp(sock_ops[i].op, op) == 0)
				break;
		if (i == sizeof(sock_ops) / sizeof(sock_ops[0]))
			sock_error(&r, "bad_request", "unknown op");
		else if (sock_ops[i].db && !d->dbh.up && payd_db(d) == -1)
			sock_error(&r, "db", "database");
		else {
			dbh_fresh(&d->dbh);
			sock_ops[i].fn(d, &req, &r);
		}
	}
	if (paykv_get(&r.kv, "code") != NULL &&
	    strcmp(paykv_get(&r.kv, "code"), "db") == 0)
		dbh_close(&d->dbh);		/* connect afresh next time */
	out = xmalloc(PAYKV_BODY + 2);
	if ((n = paykv_encode(&r.kv, out, PAYKV_BODY)) >= 0) {
		out[n++] = '\n';
		(void)send(fd, out, (size_t)n, MSG_NOSIGNAL);
	}
	free(out);
}

/* The socket process: serves fd until SIGTERM. */
void
payd_sock_main(struct payd *d, int fd)
{
	struct pollfd	 p = { .fd = fd, .events = POLLIN };
	struct timespec	 second = { .tv_sec = 1 };
	sigset_t	 term, open;
	time_t		 swept = 0;
	int		 c;

	/* SIGTERM only while waiting: a request in hand is finished. */
	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigprocmask(SIG_BLOCK, &term, &open);
	sigdelset(&open, SIGTERM);

	if (payd_db(d) == -1)
		log_warnx("database not reachable yet");
	while (!prog_quit) {
		/*
		 * Every minute: orders PENDING too long are queried
		 * (pay_query.c); nonces are kept 2 days (the window is
		 * minutes).
		 */
		if (time(NULL) - swept >= 60 && (d->dbh.up || payd_db(d) == 0)) {
			swept = time(NULL);
			dbh_fresh(&d->dbh);
			if (dbh_run(&d->dbh, STMT_PAY_NONCE_SWEEP) == -1 ||
			    payd_query_due(d) == -1)
				dbh_close(&d->dbh);
		}
		if (ppoll(&p, 1, &second, &open) != 1)
			continue;
		if ((c = accept4(fd, NULL, NULL, SOCK_CLOEXEC)) == -1)
			continue;
		sock_serve(d, c);
		close(c);
	}
	dbh_close(&d->dbh);
	exit(0);
}
