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
 * pay_notify.c: the platform's notifies (POST /pay/notify through nginx
 * on gkbm-pay's FastCGI socket), processed as SECURITY.md §3 says:
 *  1. the raw body and the peer are stored first (pay_notify), so every
 *     notify is kept whatever becomes of it;
 *  2. before any business row: the form (sign v1 decoding, allow-list,
 *     formats), key_id (pinned), sign_type = the key's algorithm, the
 *     signature over the canonical string, app_id, the timestamp window;
 *     a refusal is stored as the verdict and answered 400 (signed FAIL);
 *     a stale one also starts an active query of its order;
 *  3. one transaction: the nonce (UNIQUE per key: the same nonce with the
 *     same content is a re-delivery answered as before; with other
 *     content it is refused), the state machine (pay_apply.c), the
 *     verdict, the audit row; COMMIT;
 *  4. only then is the acknowledgement signed and sent.  Any database
 *     fault is 503, so the platform delivers again.
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <mysqld_error.h>
#include <openssl/sha.h>

#include "payd.h"

#define ACK_MAX		2048

/*
 * Where a worker's time goes (logged when it stops; tools/bench-pay
 * reports the share of signature verification).
 */
static struct {
	unsigned long	 n;
	double		 total, verify, sign;	/* seconds */
} stats;

/* CLOCK_MONOTONIC in seconds. */
static double
notify_clock(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* One notify on its way through. */
struct notify {
	struct paykv	 kv;
	long long	 id;		/* pay_notify row */
	const char	*peer;
	const char	*verdict;
	const char	*detail;
	int		 status;	/* HTTP */
	long long	 ts;
	unsigned char	 sha[32];	/* of the canonical string */
	size_t		 shalen;	/* 32 once computed, else 0 */
	int		 stale;		/* query the order after answering */
};

/* Alerts at most 10 a minute per process (SECURITY.md §5 case 6). */
static void
notify_alert(const struct notify *n)
{
	static time_t	 minute;
	static int	 count;
	time_t		 now = time(NULL);

	if (now / 60 != minute) {
		minute = now / 60;
		count = 0;
	}
	if (count++ < 10)
		log_warnx("ALERT pay notify %lld from %s: %s (%s)", n->id,
		    n->peer, n->verdict, n->detail);
}

/* A value of the notify, "" when absent. */
static const char *
nv(const struct notify *n, const char *name)
{
	const char	*v = paykv_get(&n->kv, name);

	return v ? v : "";
}

/* True for YYYYMMDDhhmmss with plausible fields. */
static int
notify_time_ok(const char *s)
{
	struct tm	 tm;
	const char	*end;

	if (strlen(s) != 14 || strspn(s, "0123456789") != 14)
		return 0;
	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y%m%d%H%M%S", &tm);
	return end != NULL && *end == '\0' && tm.tm_year >= 100;
}

/* Checks the formats of the values; NULL or the reason. */
static const char *
notify_formats(struct notify *n)
{
	long long	 fen;
	char		*end;

	if (paykv_amount(nv(n, "amount"), &fen) == -1)
		return "amount is not [1-9][0-9]{0,9} fen";
	if (strlen(nv(n, "sign_type")) > 8)
		return "a bad sign_type";
	if (!paykv_order_ok(nv(n, "order_no")))
		return "a bad order_no";
	if (!paykv_trade_ok(nv(n, "trade_no")))
		return "a bad trade_no";
	if (!paykv_nonce_ok(nv(n, "nonce")))
		return "nonce is not 32 lower-case hex digits";
	if (!notify_time_ok(nv(n, "paid_at")))
		return "a bad paid_at";
	errno = 0;
	n->ts = strtoll(nv(n, "timestamp"), &end, 10);
	if (errno != 0 || *end != '\0' || n->ts <= 0 ||
	    strspn(nv(n, "timestamp"), "0123456789") !=
	    strlen(nv(n, "timestamp"))) {
		n->ts = 0;
		return "a bad timestamp";
	}
	if (strlen(nv(n, "key_id")) > 64 || strlen(nv(n, "app_id")) > 64)
		return "key_id or app_id too long";
	return NULL;
}

/* Sets the refusal verdict v with detail; returns -1 for chaining. */
static int
notify_refuse(struct notify *n, const char *v, const char *detail)
{
	n->verdict = v;
	n->detail = detail;
	n->status = 400;
	return -1;
}

/*
 * Step 2: everything checked before a business row.  Returns 0, or -1
 * with the verdict set.
 */
static int
notify_verify(struct payd *d, struct notify *n, const char *body,
    size_t len)
{
	const struct payd_pin	*pin;
	const char		*why;
	char			*canon;
	int			 cl, ok;
	long long		 now;
	double			 t0;

	if (paykv_parse(&n->kv, body, len, 0, &why) == -1 ||
	    paykv_check(&n->kv, &paykv_notify, &why) == -1 ||
	    (why = notify_formats(n)) != NULL)
		return notify_refuse(n, "malformed", why);
	if ((pin = payd_pin_find(d, nv(n, "key_id"))) == NULL)
		return notify_refuse(n, "unknown_key", "key_id not pinned");
	if (paysign_alg(nv(n, "sign_type")) != paysign_key_alg(pin->key))
		return notify_refuse(n, "alg_mismatch",
		    "sign_type is not the key's algorithm");
	canon = xmalloc(PAYKV_BUF);
	cl = paykv_canon(&n->kv, canon, PAYKV_BUF);
	t0 = notify_clock();
	ok = cl > 0 && paysign_verify(pin->key, canon, (size_t)cl,
	    nv(n, "sign"));
	stats.verify += notify_clock() - t0;
	if (cl > 0) {
		SHA256((unsigned char *)canon, (size_t)cl, n->sha);
		n->shalen = sizeof(n->sha);
	}
	free(canon);
	if (!ok)
		return notify_refuse(n, "bad_sign", "signature not valid");
	if (strcmp(nv(n, "app_id"), d->cfg->pay_app_id) != 0)
		return notify_refuse(n, "bad_app", "app_id is not ours");
	now = (long long)time(NULL);
	if (n->ts < now - d->cfg->pay_window || n->ts > now +
	    d->cfg->pay_window) {
		n->stale = 1;
		return notify_refuse(n, "stale", "timestamp outside window");
	}
	return 0;
}

/* The value of name if it fits its column (max bytes), else NULL. */
static const char *
fit(const struct notify *n, const char *name, size_t max)
{
	const char	*v = paykv_get(&n->kv, name);

	return v != NULL && strlen(v) <= max ? v : NULL;
}

/*
 * Records the verdict of n (in the transaction, if one is open); what
 * the notify claimed is kept when it fits its column.
 */
static int
notify_store(struct payd *d, const struct notify *n)
{
	long long	 fen;
	const char	*amount = fit(n, "amount", 10);

	if (amount != NULL && paykv_amount(amount, &fen) == -1)
		amount = NULL;
	return dbh_run(&d->dbh, STMT_PAY_NOTIFY_SET, fit(n, "key_id", 64),
	    fit(n, "sign_type", 8), fit(n, "nonce", 32), n->ts,
	    fit(n, "order_no", 32), fit(n, "trade_no", 64),
	    amount ? amount : "", n->sha, n->shalen, n->verdict, n->detail,
	    (long long)n->status, (const char *)NULL, n->id) == -1 ? -1 : 0;
}

/*
 * The nonce of a verified notify: 1 new (inserted), 0 seen before (the
 * verdict set: a re-delivery answers as the first time, another content
 * is refused), -1 database.
 */
static int
notify_nonce(struct payd *d, struct notify *n)
{
	unsigned char	*sha;
	size_t		 shalen;
	char		*verdict;
	long long	 status;
	int		 rc;

	if (dbh_run(&d->dbh, STMT_PAY_NONCE_INSERT, nv(n, "key_id"),
	    nv(n, "nonce"), n->sha, sizeof(n->sha), n->id) == 1)
		return 1;
	if (d->dbh.err != ER_DUP_ENTRY)
		return -1;
	if (dbh_run(&d->dbh, STMT_PAY_NONCE_GET, nv(n, "key_id"),
	    nv(n, "nonce")) == -1 || (rc = dbh_row(&d->dbh,
	    STMT_PAY_NONCE_GET, &sha, &shalen, &verdict, &status)) != 1)
		return -1;
	dbh_done(&d->dbh, STMT_PAY_NONCE_GET);
	if (shalen != sizeof(n->sha) || memcmp(sha, n->sha, shalen) != 0) {
		notify_refuse(n, "nonce_reuse", "nonce seen with other content");
		return 0;
	}
	n->verdict = "replay";
	n->detail = "re-delivery of an answered notify";
	n->status = status == 200 ? 200 : 400;
	return 0;
}

/*
 * Fault injection for the tests (SECURITY.md §5: kill -9 of gkbm-pay
 * between COMMIT and the acknowledgement): when the environment names a
 * file in GKBM_PAY_CRASH_FILE and it exists, it is removed and this
 * process kills itself with SIGKILL, once.  Unset in production.
 */
static void
notify_crash_point(void)
{
	const char	*f = getenv("GKBM_PAY_CRASH_FILE");

	if (f != NULL && *f != '\0' && unlink(f) == 0)
		kill(getpid(), SIGKILL);
}

/* The HTTP status of a state-machine verdict. */
static int
notify_status(enum payd_verdict v)
{
	return v == PV_NO_ORDER || v == PV_MISMATCH ? 400 : 200;
}

/*
 * Step 3: nonce, state machine, verdict and audit in one transaction.
 * Returns 0 (committed), -1 (database: rolled back, answer 503).
 */
static int
notify_apply(struct payd *d, struct notify *n)
{
	struct payd_report	 rep;
	enum payd_verdict	 v;
	int			 rc;

	if (dbh_begin(&d->dbh) == -1)
		return -1;
	if ((rc = notify_nonce(d, n)) == -1)
		goto fail;
	if (rc == 1) {
		memset(&rep, 0, sizeof(rep));
		rep.order_no = nv(n, "order_no");
		rep.trade_no = nv(n, "trade_no");
		rep.paid_at = nv(n, "paid_at");
		rep.currency = nv(n, "currency");
		rep.status = nv(n, "pay_status");
		(void)paykv_amount(nv(n, "amount"), &rep.amount);
		rep.notify_id = n->id;
		rep.peer = n->peer;
		if ((v = payd_apply(d, &rep, &n->detail)) == PV_DBERR)
			goto fail;
		n->verdict = payd_verdict_name(v);
		n->status = notify_status(v);
	}
	if (notify_store(d, n) == -1 || payd_audit(d, n->peer, "pay_notify",
	    nv(n, "order_no"), n->verdict, n->detail) == -1)
		goto fail;
	if (dbh_commit(&d->dbh) == -1)
		return -1;
	notify_crash_point();
	return 0;
fail:
	dbh_rollback(&d->dbh);
	return -1;
}

/*
 * The signed acknowledgement of n into out: code=SUCCESS (200) or
 * code=FAIL&reason=VERDICT (400).  Returns its length or -1.
 */
static int
notify_ack(struct payd *d, const struct notify *n, char *out, size_t size)
{
	struct paykv	 ack;
	const char	*order = paykv_get(&n->kv, "order_no");

	paykv_init(&ack);
	if (paykv_add(&ack, "code", n->status == 200 ? "SUCCESS" :
	    "FAIL") == -1 || (n->status != 200 && paykv_add(&ack, "reason",
	    n->verdict) == -1) || (order != NULL && paykv_order_ok(order) &&
	    paykv_add(&ack, "order_no", order) == -1))
		return -1;
	return paysign_message(d->own, d->cfg->pay_key_id, &ack, out, size);
}

/*
 * Processes one notify body from peer.  The answer's body goes to out
 * (size bytes, "" for 503), its status to *status.  Returns 1 when the
 * order should be queried actively (a stale notify), else 0.
 */
int
payd_notify_body(struct payd *d, const char *body, size_t len,
    const char *peer, char *out, size_t size, long long *status)
{
	struct notify	 n;
	double		 t0;
	int		 rc;

	memset(&n, 0, sizeof(n));
	paykv_init(&n.kv);
	n.peer = peer;
	*out = '\0';
	*status = 503;
	/*
	 * The first statement of a notify: a connection found dead (the
	 * server restarted since) is opened again and the row written there.
	 */
	if (dbh_run(&d->dbh, STMT_PAY_NOTIFY_INSERT, peer, body, len) != 1 &&
	    (dbh_close(&d->dbh), payd_db(d) == -1 || dbh_run(&d->dbh,
	    STMT_PAY_NOTIFY_INSERT, peer, body, len) != 1))
		return 0;
	n.id = dbh_insert_id(&d->dbh, STMT_PAY_NOTIFY_INSERT);
	if (notify_verify(d, &n, body, len) == -1) {
		notify_alert(&n);
		if (notify_store(d, &n) == -1 ||
		    payd_audit(d, peer, "pay_notify", nv(&n, "order_no"),
		    n.verdict, n.detail) == -1)
			return 0;
	} else if (notify_apply(d, &n) == -1) {
		n.verdict = "db_error";
		(void)dbh_run(&d->dbh, STMT_PAY_NOTIFY_SET, NULL, NULL, NULL,
		    0LL, NULL, NULL, "", NULL, (size_t)0, n.verdict, "",
		    503LL, NULL, n.id);
		return 0;
	}
	if (strcmp(n.verdict, "nonce_reuse") == 0 ||
	    strcmp(n.verdict, "mismatch") == 0 ||
	    strcmp(n.verdict, "no_order") == 0)
		notify_alert(&n);
	t0 = notify_clock();
	rc = notify_ack(d, &n, out, size);
	stats.sign += notify_clock() - t0;
	if (rc == -1) {
		*out = '\0';
		return 0;
	}
	(void)dbh_run(&d->dbh, STMT_PAY_NOTIFY_ACK, out, n.id);
	*status = n.status;
	return n.stale && paykv_order_ok(nv(&n, "order_no"));
}

/* Writes an answer: status, text/plain, body (may be empty). */
static void
notify_reply(FCGX_Request *fr, long long status, const char *body)
{
	const char	*text = status == 200 ? "OK" : status == 400 ?
	    "Bad Request" : status == 405 ? "Method Not Allowed" :
	    status == 413 ? "Payload Too Large" : "Service Unavailable";
	char		 head[256];
	int		 n;

	/* libfcgi's own printf knows neither %lld nor %zu. */
	n = snprintf(head, sizeof(head), "Status: %lld %s\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Length: %zu\r\nCache-Control: no-store\r\n%s\r\n",
	    status, text, strlen(body), status == 503 ?
	    "Retry-After: 5\r\n" : "");
	FCGX_PutStr(head, n, fr->out);
	FCGX_PutS(body, fr->out);
}

/* Why a request was refused before its body was read (notify_read). */
struct unread {
	long long	 status;
	const char	*verdict;
	char		 detail[128];
};

/*
 * Sets u to the refusal status with verdict and a detail made of what
 * and value, printable ASCII only (the header is the client's).
 * Returns -1 for chaining.
 */
static int
notify_unread(struct unread *u, long long status, const char *verdict,
    const char *what, const char *value)
{
	size_t	 i;

	u->status = status;
	u->verdict = verdict;
	snprintf(u->detail, sizeof(u->detail), "%s %.80s", what,
	    value != NULL ? value : "(none)");
	for (i = 0; u->detail[i] != '\0'; i++)
		if (u->detail[i] < 0x20 || u->detail[i] > 0x7e)
			u->detail[i] = '?';
	return -1;
}

/*
 * Reads the body of a POST of at most PAYKV_BODY bytes into buf (its
 * size PAYKV_BODY + 1).  Returns its length, or -1 with u set.
 */
static ssize_t
notify_read(FCGX_Request *fr, char *buf, struct unread *u)
{
	const char	*m = FCGX_GetParam("REQUEST_METHOD", fr->envp);
	const char	*cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
	const char	*ct = FCGX_GetParam("CONTENT_TYPE", fr->envp);
	long long	 len;
	char		*end;
	int		 got = 0, r;

	if (m == NULL || strcmp(m, "POST") != 0)
		return notify_unread(u, 405, "bad_method", "method", m);
	len = cl != NULL ? strtoll(cl, &end, 10) : -1;
	if (cl == NULL || *end != '\0' || len < 0)
		return notify_unread(u, 400, "bad_request", "Content-Length",
		    cl);
	if (ct == NULL ||
	    strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0)
		return notify_unread(u, 400, "bad_request", "Content-Type", ct);
	if (len > PAYKV_BODY)
		return notify_unread(u, 413, "too_large", "Content-Length", cl);
	while (got < len && (r = FCGX_GetStr(buf + got, (int)len - got,
	    fr->in)) > 0)
		got += r;
	if (got != len)
		return notify_unread(u, 400, "bad_request",
		    "body shorter than Content-Length", cl);
	buf[got] = '\0';
	return got;
}

/*
 * Keeps a notify refused unread in pay_notify (no body), as every
 * notify is kept, and raises the alert.  A database away costs only
 * the row.
 */
static void
notify_keep_unread(struct payd *d, const char *peer, const struct unread *u)
{
	struct notify	 n;

	memset(&n, 0, sizeof(n));
	n.peer = peer;
	n.verdict = u->verdict;
	n.detail = u->detail;
	if (!d->dbh.up && payd_db(d) == -1)
		goto lost;
	dbh_fresh(&d->dbh);
	if (dbh_run(&d->dbh, STMT_PAY_NOTIFY_REFUSED, peer, u->verdict,
	    u->detail, u->status) != 1)
		goto lost;
	n.id = dbh_insert_id(&d->dbh, STMT_PAY_NOTIFY_REFUSED);
	notify_alert(&n);
	return;
lost:
	log_warnx("a notify refused unread (%s) not kept", u->detail);
}

/* Serves one FastCGI request. */
static void
notify_serve(struct payd *d, FCGX_Request *fr)
{
	char		 body[PAYKV_BODY + 1], ack[ACK_MAX], drain[1024];
	const char	*peer = FCGX_GetParam("REMOTE_ADDR", fr->envp);
	const char	*order = NULL, *why;
	struct paykv	 kv, qr;
	struct unread	 u;
	long long	 status;
	ssize_t		 len;
	int		 query = 0;
	double		 t0 = notify_clock();

	ack[0] = '\0';
	if ((len = notify_read(fr, body, &u)) < 0) {
		status = u.status;
		notify_keep_unread(d, peer ? peer : "", &u);
	} else if (!d->dbh.up && payd_db(d) == -1)
		status = 503;
	else {
		dbh_fresh(&d->dbh);
		query = payd_notify_body(d, body, (size_t)len, peer ? peer : "",
		    ack, sizeof(ack), &status);
		if (status == 503)
			dbh_close(&d->dbh);	/* fresh next time */
	}
	notify_reply(fr, status, ack);
	stats.n++;
	stats.total += notify_clock() - t0;
	while (FCGX_GetStr(drain, sizeof(drain), fr->in) > 0)
		;
	FCGX_Finish_r(fr);
	/* A genuine but delayed notify must not lose a payment. */
	if (query && paykv_parse(&kv, body, (size_t)len, 0, &why) == 0 &&
	    (order = paykv_get(&kv, "order_no")) != NULL &&
	    payd_query(d, order, "stale", &qr, &why) == -1)
		log_warnx("query of %s after a stale notify: %s", order, why);
}

/*
 * A notify worker: answers the FastCGI socket fd until SIGTERM.  The
 * signal is blocked except while waiting for a connection (ppoll), so it
 * never interrupts a notify half-way: the one in hand is finished.
 */
void
payd_notify_main(struct payd *d, int fd)
{
	FCGX_Request	 fr;
	struct pollfd	 p = { .fd = fd, .events = POLLIN };
	sigset_t	 term, open;
	int		 rc;

	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigprocmask(SIG_BLOCK, &term, &open);
	sigdelset(&open, SIGTERM);
	setenv("LIBFCGI_OS_CLOSE_POLL_TIMEOUT", "0", 1);
	if (FCGX_Init() != 0 || FCGX_InitRequest(&fr, fd,
	    FCGI_FAIL_ACCEPT_ON_INTR) != 0)
		fatalx("FCGX_Init failed");
	if ((rc = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, rc | O_NONBLOCK) == -1)
		fatal("fcntl");
	if (payd_db(d) == -1)
		log_warnx("database not reachable yet; answering 503");
	while (!prog_quit) {
		if (ppoll(&p, 1, NULL, &open) <= 0)
			continue;
		rc = FCGX_Accept_r(&fr);
		if (rc == -EINTR || rc == -EAGAIN || rc == -EWOULDBLOCK ||
		    rc == -ECONNABORTED)
			continue;
		if (rc < 0)
			break;
		notify_serve(d, &fr);
	}
	dbh_close(&d->dbh);
	if (stats.n > 0)
		log_info("notify stats: %lu notifies, %.3f s in them, %.3f s "
		    "verifying signatures (%.1f%%), %.3f s signing acks",
		    stats.n, stats.total, stats.verify, stats.total > 0 ?
		    100 * stats.verify / stats.total : 0.0, stats.sign);
	exit(0);
}
