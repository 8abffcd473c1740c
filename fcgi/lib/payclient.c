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
 * payclient.c: gkbm-web's side of the gkbm-pay socket.
 *
 * gkbm-web never opens the private signing key: it asks gkbm-pay, which
 * holds it alone (fcgi/pay/pay_sock.c serves this), over the Unix stream
 * socket of the configuration key pay_socket (mode 0660, group of
 * gkbm-web).
 *
 * THE PROTOCOL (version 1).  One request per connection.
 *   request:  ONE line, application/x-www-form-urlencoded UTF-8, ended
 *             by LF, at most 4096 bytes: op=OP&order_no=N[&...]
 *   reply:    ONE line, form-urlencoded, ended by LF, at most 8192
 *             bytes; then gkbm-pay closes the connection.
 *             status=ok&...           the request was done;
 *             status=error&code=C&message=M   it was refused:
 *               code no_order (no such order), not_pending (the order is
 *               not PENDING), bad_request, db (database fault: retry),
 *               platform (the platform did not answer a query), key (no
 *               usable signing key).
 * Ops:
 *   op=ping
 *     -> status=ok&app_id=A&key_id=K&sign_type=RSA2|SM2
 *   op=handover&order_no=N
 *     gkbm-pay reads the order itself (it must be PENDING; amount, year
 *     and receipt name come from pay_order and pay_receipt, never from
 *     the request), signs the hand-over with sign v1 and stamps
 *     pay_order.handed_at.
 *     -> status=ok&action=URL&f.app_id=..&f.order_no=..&f.amount=..
 *        &f.currency=CNY&f.subject=..&f.payer_type=..&f.payer_name=..
 *        &f.notify_url=..&f.return_url=..&f.timestamp=..&f.nonce=..
 *        &f.key_id=..&f.sign_type=..&f.sign=..
 *     The page POSTs the f.* fields (names without "f.") to URL from an
 *     auto-submitting form (the candidate's browser goes to the
 *     platform's cashier).
 *   op=query&order_no=N
 *     gkbm-pay queries the platform actively (signed request, signed
 *     answer verified), records a pay_query row (reason from &reason=
 *     pending|stale|page|admin, default page) and, when the platform
 *     says SUCCESS, applies the payment exactly as a notify would.
 *     -> status=ok&state=OUR_STATE&platform=SUCCESS|NOTPAY|CLOSED|...
 *        [&trade_no=T&amount=FEN&paid_at=YYYYMMDDhhmmss]
 * Anything else (connect refused, a timeout, a malformed reply, code=key)
 * is PAYC_UNAVAILABLE: the payment pages answer 503 "缴费暂不可用" and
 * the rest of the site is unaffected.
 */

#include <sys/socket.h>
#include <sys/un.h>

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gkbm.h"
#include "pay.h"

#define PAYC_TIMEOUT_MS	10000		/* a query waits for the platform */
#define PAYC_REQ_MAX	4096

/* Connects to gkbm-pay's socket; the fd or -1. */
static int
payc_connect(const char *path)
{
	struct sockaddr_un	 sun;
	int			 fd;

	if (path == NULL || strlen(path) >= sizeof(sun.sun_path))
		return -1;
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	strcpy(sun.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		return -1;
	if (connect(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Milliseconds left until deadline (CLOCK_MONOTONIC ms), at least 0. */
static int
payc_left(long long deadline)
{
	struct timespec	 ts;
	long long	 now;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	now = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	return now >= deadline ? 0 : (int)(deadline - now);
}

/* Writes all of buf before the deadline; 0 or -1. */
static int
payc_write(int fd, const char *buf, size_t len, long long deadline)
{
	struct pollfd	 p = { .fd = fd, .events = POLLOUT };
	ssize_t		 w;

	while (len > 0) {
		if (poll(&p, 1, payc_left(deadline)) != 1)
			return -1;
		if ((w = send(fd, buf, len, MSG_NOSIGNAL)) == -1) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -1;
		}
		buf += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Reads one LF-ended line into buf (LF removed); its length or -1. */
static ssize_t
payc_readline(int fd, char *buf, size_t size, long long deadline)
{
	struct pollfd	 p = { .fd = fd, .events = POLLIN };
	size_t		 len = 0;
	ssize_t		 r;

	for (;;) {
		if (len + 1 >= size || poll(&p, 1, payc_left(deadline)) != 1)
			return -1;
		if ((r = read(fd, buf + len, size - 1 - len)) == -1) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -1;
		}
		if (r == 0)
			return -1;
		len += (size_t)r;
		if (buf[len - 1] == '\n') {
			buf[--len] = '\0';
			return memchr(buf, '\n', len) ? -1 : (ssize_t)len;
		}
	}
}

/*
 * Asks gkbm-pay: op with order_no (NULL for none).  On return the reply's
 * parameters are in *out.  Returns 0 (status=ok), PAYC_REFUSED (status=
 * error; code and message in *out) or PAYC_UNAVAILABLE.
 */
int
payc_call(const struct config *cfg, const char *op, const char *order_no,
    struct paykv *out)
{
	struct paykv	 req;
	struct timespec	 ts;
	char		 line[PAYC_REQ_MAX], *reply;
	const char	*st, *why;
	long long	 deadline;
	ssize_t		 n;
	int		 fd, rc = PAYC_UNAVAILABLE;

	paykv_init(out);
	paykv_init(&req);
	if (paykv_add(&req, "op", op) == -1 || (order_no != NULL &&
	    paykv_add(&req, "order_no", order_no) == -1) ||
	    paykv_encode(&req, line, sizeof(line) - 1) == -1)
		return PAYC_UNAVAILABLE;
	strcat(line, "\n");
	clock_gettime(CLOCK_MONOTONIC, &ts);
	deadline = (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000 +
	    PAYC_TIMEOUT_MS;
	if ((fd = payc_connect(cfg->pay_socket)) == -1) {
		log_warn("gkbm-pay socket %s", cfg->pay_socket);
		return PAYC_UNAVAILABLE;
	}
	reply = xmalloc(PAYKV_BODY + 2);
	if (payc_write(fd, line, strlen(line), deadline) == -1 ||
	    (n = payc_readline(fd, reply, PAYKV_BODY + 2, deadline)) == -1 ||
	    paykv_parse(out, reply, (size_t)n, 1, &why) == -1 ||
	    (st = paykv_get(out, "status")) == NULL) {
		log_warnx("gkbm-pay %s: no valid reply", op);
		goto done;
	}
	if (strcmp(st, "ok") == 0)
		rc = 0;
	else if (strcmp(st, "error") == 0 && paykv_get(out, "code") != NULL &&
	    strcmp(paykv_get(out, "code"), "key") != 0)
		rc = PAYC_REFUSED;
done:
	free(reply);
	close(fd);
	return rc;
}
