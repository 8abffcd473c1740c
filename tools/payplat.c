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
 * payplat: a payment platform simulator speaking "sign v1" (SECURITY.md
 * §3) with its own key pairs (RSA2 and SM2), for tools/demo (a person
 * pays) and the tests (every fault).  Not installed.
 *
 *   payplat serve -l PORT -a APP_ID -k KEY_ID=PRIVATE.pem [-k ...]
 *                 -p KEY_ID=OUR_PUBLIC.pem [-p ...] -s STATEMENT_DIR
 *     An HTTP/1.0 server on 127.0.0.1:PORT:
 *     POST /gateway   the candidate's browser brings the signed hand-over
 *                     (our signature verified with the pinned public key,
 *                     its algorithm, app_id, window); a cashier page with
 *                     a 确认支付 button.
 *     POST /pay       order_no: "pays" (a new trade_no, appended to the
 *                     day's statement), delivers the signed notify to the
 *                     hand-over's notify_url, 303 to its return_url.
 *     POST /query     a signed active query: a signed answer (pay_status
 *                     SUCCESS with trade_no, amount, paid_at; NOTPAY;
 *                     NOTFOUND).
 *     GET /statement?date=YYYYMMDD  the day's statement (对账单), CSV:
 *                     trade_no,order_no,amount,paid_at,pay_status.
 *     POST /ctl/deliver  order_no, fault, key (rsa|sm2): delivers one
 *                     notify of the order's payment shaped by fault and
 *                     answers "STATUS\nBODY" of gkbm-pay's answer.  fault:
 *                     normal (fresh timestamp, nonce, signature; pays the
 *                     order first if unpaid), resend (the last body again,
 *                     byte for byte), second (a second payment: another
 *                     trade_no), bad_sign, tamper (amount changed after
 *                     signing), wrong_amount (signed), unknown_key,
 *                     alg_mismatch, old_ts, reuse_nonce, bad_app,
 *                     malformed (a parameter twice).
 *     POST /ctl/pay   order_no: pays without delivering (a lost notify).
 *   payplat bodies -a APP_ID -k KEY_ID=PRIVATE.pem -n N -o PREFIX -m FEN
 *     Prints N signed notify bodies, one a line, for orders PREFIX000001..
 *     (the benchmark).
 */

#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <err.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/rand.h>

#include "gkbm.h"
#include "pay.h"

#define MAX_KEYS	8
#define REQ_MAX		(32 * 1024)

struct pkey {
	char		 id[65];
	struct paykey	*k;
};

/* An order the platform knows (from a hand-over or the control). */
struct porder {
	char		 order_no[33];
	long long	 amount;
	char		 notify_url[512], return_url[600], payer[101];
	char		 trade_no[65], paid_at[15];
	int		 paid;
	char		 last_body[PAYKV_BODY + 1];	/* last delivered */
	char		 last_nonce[33];
	long long	 last_ts;
};

static struct pkey	 plat[MAX_KEYS], ours[MAX_KEYS];
static int		 nplat, nours;
static const char	*app_id = "HNGK0001", *stmt_dir = ".";
static struct porder	*orders;
static size_t		 norders;
static unsigned long	 trades;

/* Parses "ID=FILE" into a key table. */
static void
key_arg(struct pkey *t, int *n, const char *arg, int priv)
{
	const char	*eq = strchr(arg, '='), *why;

	if (eq == NULL || eq == arg || eq - arg > 64 || *n >= MAX_KEYS)
		errx(2, "%s: expected KEY_ID=FILE", arg);
	memcpy(t[*n].id, arg, (size_t)(eq - arg));
	t[*n].id[eq - arg] = '\0';
	if ((t[*n].k = paysign_load(eq + 1, priv, &why)) == NULL)
		errx(1, "%s: %s", eq + 1, why);
	(*n)++;
}

/* The platform key of algorithm alg (first of it), or NULL. */
static struct pkey *
plat_by_alg(enum payalg alg)
{
	int	 i;

	for (i = 0; i < nplat; i++)
		if (paysign_key_alg(plat[i].k) == alg)
			return &plat[i];
	return nplat > 0 ? &plat[0] : NULL;
}

/* Beijing time now as YYYYMMDDhhmmss (or YYYYMMDD with day). */
static void
bj_now(char *out, size_t size, int day)
{
	time_t		 t = time(NULL) + 8 * 3600;
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(out, size, day ? "%Y%m%d" : "%Y%m%d%H%M%S", &tm);
}

/* The order named no, or NULL; with make, created if unknown. */
static struct porder *
order_find(const char *no, int make)
{
	size_t	 i;

	for (i = 0; i < norders; i++)
		if (strcmp(orders[i].order_no, no) == 0)
			return &orders[i];
	if (!make || !paykv_order_ok(no))
		return NULL;
	orders = xreallocarray(orders, norders + 1, sizeof(*orders));
	memset(&orders[norders], 0, sizeof(*orders));
	snprintf(orders[norders].order_no, sizeof(orders[0].order_no), "%s",
	    no);
	return &orders[norders++];
}

/* Appends a payment to the day's statement file. */
static void
statement_add(const struct porder *o, const char *trade)
{
	char	 day[9], path[1024];
	FILE	*f;

	bj_now(day, sizeof(day), 1);
	snprintf(path, sizeof(path), "%s/statement-%s.csv", stmt_dir, day);
	if ((f = fopen(path, "a")) == NULL) {
		warn("%s", path);
		return;
	}
	if (ftell(f) == 0)
		fputs("trade_no,order_no,amount,paid_at,pay_status\n", f);
	fprintf(f, "%s,%s,%lld,%s,SUCCESS\n", trade, o->order_no, o->amount,
	    o->paid_at);
	fclose(f);
}

/* Pays o: a new trade number, the statement line. */
static void
order_pay(struct porder *o)
{
	snprintf(o->trade_no, sizeof(o->trade_no), "FS%s%06lu",
	    o->order_no + (strlen(o->order_no) > 12 ? strlen(o->order_no) -
	    12 : 0), ++trades);
	bj_now(o->paid_at, sizeof(o->paid_at), 0);
	o->paid = 1;
	statement_add(o, o->trade_no);
}

/*
 * Completes kv with timestamp ts, nonce (fresh if NULL), key_id id and
 * sign_type type, signs with k and encodes into out.  0 or -1.
 */
static int
sign_kv(struct paykv *kv, const struct paykey *k, const char *id,
    const char *type, long long ts, const char *nonce, char *out,
    size_t size)
{
	char	 t[24], nb[33], sig[PAY_SIG_B64], canon[PAYKV_BUF];
	int	 n;

	snprintf(t, sizeof(t), "%lld", ts);
	if (nonce == NULL) {
		paysign_nonce(nb);
		nonce = nb;
	}
	if (paykv_add(kv, "timestamp", t) == -1 ||
	    paykv_add(kv, "nonce", nonce) == -1 ||
	    paykv_add(kv, "key_id", id) == -1 ||
	    paykv_add(kv, "sign_type", type) == -1 ||
	    (n = paykv_canon(kv, canon, sizeof(canon))) == -1 ||
	    paysign_sign(k, canon, (size_t)n, sig) == -1 ||
	    paykv_add(kv, "sign", sig) == -1)
		return -1;
	return paykv_encode(kv, out, size) == -1 ? -1 : 0;
}

/* The notify of o's payment (trade) shaped by fault into out. */
static int
notify_build(struct porder *o, const char *fault, enum payalg alg,
    char *out, size_t size)
{
	struct pkey	*pk = plat_by_alg(alg);
	struct paykv	 kv;
	char		 amt[24], *s;
	const char	*id, *type, *nonce = NULL;
	long long	 ts = (long long)time(NULL), fen = o->amount;

	if (pk == NULL)
		return -1;
	id = pk->id;
	type = paysign_alg_name(paysign_key_alg(pk->k));
	if (strcmp(fault, "wrong_amount") == 0)
		fen++;
	else if (strcmp(fault, "unknown_key") == 0)
		id = "plat-unknown-key";
	else if (strcmp(fault, "alg_mismatch") == 0)
		type = alg == PAYALG_SM2 ? "RSA2" : "SM2";
	else if (strcmp(fault, "old_ts") == 0)
		ts -= 3600;
	else if (strcmp(fault, "reuse_nonce") == 0 && o->last_nonce[0]) {
		nonce = o->last_nonce;
		ts = o->last_ts + 1;	/* other content, same nonce */
	}
	snprintf(amt, sizeof(amt), "%lld", fen);
	paykv_init(&kv);
	paykv_add(&kv, "app_id", strcmp(fault, "bad_app") == 0 ? "HNGK9999" :
	    app_id);
	paykv_add(&kv, "order_no", o->order_no);
	paykv_add(&kv, "trade_no", o->trade_no);
	paykv_add(&kv, "amount", amt);
	paykv_add(&kv, "currency", "CNY");
	paykv_add(&kv, "pay_status", "SUCCESS");
	paykv_add(&kv, "paid_at", o->paid_at);
	if (sign_kv(&kv, pk->k, id, type, ts, nonce, out, size) == -1)
		return -1;
	if (strcmp(fault, "bad_sign") == 0 && (s = strstr(out, "&sign=")))
		s[6] = s[6] == 'A' ? 'B' : 'A';
	else if (strcmp(fault, "tamper") == 0 && (s = strstr(out,
	    "&amount=")))
		s[8] = s[8] == '9' ? '1' : (char)(s[8] + 1);
	else if (strcmp(fault, "malformed") == 0 && strlen(out) + 12 < size)
		strcat(out, "&amount=100");
	snprintf(o->last_nonce, sizeof(o->last_nonce), "%s",
	    paykv_get(&kv, "nonce"));
	o->last_ts = ts;
	return 0;
}

/* POSTs a notify body to o's notify URL; status and answer in reply. */
static int
deliver(struct porder *o, const char *body, char *reply, size_t size)
{
	size_t	 l = strlen(body);
	int	 status = 0, n;

	if (l >= sizeof(o->last_body))
		l = sizeof(o->last_body) - 1;
	memcpy(o->last_body, body, l);
	o->last_body[l] = '\0';
	n = payhttp_post(o->notify_url, body, reply, size, &status);
	if (n < 0) {
		snprintf(reply, size, "no answer");
		return 0;
	}
	return status;
}

/* --- the HTTP side --------------------------------------------------- */

struct hreq {
	char		 method[8], path[256], query[256];
	char		*body;
	size_t		 blen;
};

/* Writes a whole answer and closes nothing. */
static void
hsend(int fd, int status, const char *ctype, const char *extra,
    const char *body)
{
	char	 head[1024];
	int	 n;

	n = snprintf(head, sizeof(head), "HTTP/1.0 %d %s\r\nContent-Type: %s"
	    "\r\nContent-Length: %zu\r\nConnection: close\r\n%s\r\n", status,
	    status == 200 ? "OK" : status == 303 ? "See Other" : "Error",
	    ctype, strlen(body), extra ? extra : "");
	(void)send(fd, head, (size_t)n, MSG_NOSIGNAL);
	(void)send(fd, body, strlen(body), MSG_NOSIGNAL);
}

/* Reads one request (headers and a Content-Length body); 0 or -1. */
static int
hread(int fd, char *buf, size_t size, struct hreq *r)
{
	size_t	 len = 0;
	ssize_t	 n;
	char	*end = NULL, *cl, *q;
	long	 want = 0;

	while (len + 1 < size) {
		if ((n = read(fd, buf + len, size - 1 - len)) <= 0)
			return -1;
		len += (size_t)n;
		buf[len] = '\0';
		if (end == NULL && (end = strstr(buf, "\r\n\r\n")) != NULL) {
			cl = strcasestr(buf, "\r\nContent-Length:");
			want = cl && cl < end ? strtol(cl + 17, NULL, 10) : 0;
			if (want < 0 || (size_t)want + (size_t)(end + 4 - buf)
			    >= size)
				return -1;
		}
		if (end != NULL && len >= (size_t)(end + 4 - buf) + (size_t)want)
			break;
	}
	if (end == NULL || sscanf(buf, "%7s %255s", r->method, r->path) != 2)
		return -1;
	r->query[0] = '\0';
	if ((q = strchr(r->path, '?')) != NULL) {
		snprintf(r->query, sizeof(r->query), "%s", q + 1);
		*q = '\0';
	}
	r->body = end + 4;
	r->blen = (size_t)want;
	r->body[want] = '\0';
	return 0;
}

/* Verifies a message signed by us (hand-over, query); NULL or why. */
static const char *
verify_ours(struct paykv *kv, const struct paykv_type *t)
{
	const char	*why, *kid;
	char		 canon[PAYKV_BUF];
	int		 i, n;

	if (paykv_check(kv, t, &why) == -1)
		return why;
	kid = paykv_get(kv, "key_id");
	for (i = 0; i < nours && strcmp(ours[i].id, kid) != 0; i++)
		;
	if (i == nours)
		return "unknown key_id";
	if (paysign_alg(paykv_get(kv, "sign_type")) !=
	    paysign_key_alg(ours[i].k))
		return "sign_type is not the key's";
	if ((n = paykv_canon(kv, canon, sizeof(canon))) == -1 ||
	    !paysign_verify(ours[i].k, canon, (size_t)n,
	    paykv_get(kv, "sign")))
		return "bad signature";
	if (strcmp(paykv_get(kv, "app_id"), app_id) != 0)
		return "app_id";
	if (llabs(strtoll(paykv_get(kv, "timestamp"), NULL, 10) -
	    (long long)time(NULL)) > 300)
		return "timestamp outside window";
	return NULL;
}

/* Escapes s for HTML into out. */
static void
html(char *out, size_t size, const char *s)
{
	size_t	 o = 0;

	for (; *s && o + 7 < size; s++) {
		const char *e = *s == '<' ? "&lt;" : *s == '>' ? "&gt;" :
		    *s == '&' ? "&amp;" : *s == '"' ? "&quot;" : NULL;

		if (e) {
			memcpy(out + o, e, strlen(e));
			o += strlen(e);
		} else
			out[o++] = *s;
	}
	out[o] = '\0';
}

/* POST /gateway: the hand-over. */
static void
h_gateway(int fd, struct hreq *r)
{
	struct paykv	 kv;
	struct porder	*o;
	const char	*why;
	char		 page[8192], name[400], ono[40];
	long long	 fen;

	if (paykv_parse(&kv, r->body, r->blen, 0, &why) == -1 ||
	    (why = verify_ours(&kv, &paykv_handover)) != NULL ||
	    paykv_amount(paykv_get(&kv, "amount"), &fen) == -1) {
		snprintf(page, sizeof(page), "hand-over refused: %s\n", why ?
		    why : "amount");
		hsend(fd, 400, "text/plain; charset=utf-8", NULL, page);
		return;
	}
	o = order_find(paykv_get(&kv, "order_no"), 1);
	o->amount = fen;
	snprintf(o->notify_url, sizeof(o->notify_url), "%s",
	    paykv_get(&kv, "notify_url") ? paykv_get(&kv, "notify_url") : "");
	snprintf(o->return_url, sizeof(o->return_url), "%s",
	    paykv_get(&kv, "return_url") ? paykv_get(&kv, "return_url") : "");
	html(name, sizeof(name), paykv_get(&kv, "payer_name") ?
	    paykv_get(&kv, "payer_name") : "");
	html(ono, sizeof(ono), o->order_no);
	snprintf(page, sizeof(page), "<!DOCTYPE html><html lang=\"zh-CN\">"
	    "<head><meta charset=\"utf-8\"><meta name=\"viewport\" content="
	    "\"width=device-width\"><title>河南省非税收入缴费平台（模拟）"
	    "</title></head><body><main><h1>河南省非税收入缴费平台（模拟）</h1>"
	    "<p>订单号：%s</p><p>缴费人：%s</p><p>金额：%lld.%02lld 元</p>"
	    "<form method=\"post\" action=\"/pay\"><input type=\"hidden\" "
	    "name=\"order_no\" value=\"%s\"><button type=\"submit\">确认支付"
	    "</button></form></main></body></html>", ono, name, fen / 100,
	    fen % 100, ono);
	hsend(fd, 200, "text/html; charset=utf-8", NULL, page);
}

/* POST /pay: pays and notifies, then back to the return page. */
static void
h_pay(int fd, struct hreq *r)
{
	struct paykv	 kv;
	struct porder	*o;
	const char	*why, *no;
	char		 body[PAYKV_BODY], reply[4096], loc[700];

	if (paykv_parse(&kv, r->body, r->blen, 0, &why) == -1 ||
	    (no = paykv_get(&kv, "order_no")) == NULL ||
	    (o = order_find(no, 0)) == NULL) {
		hsend(fd, 404, "text/plain; charset=utf-8", NULL, "no order\n");
		return;
	}
	if (!o->paid)
		order_pay(o);
	if (notify_build(o, "normal", PAYALG_SM2, body, sizeof(body)) == 0)
		(void)deliver(o, body, reply, sizeof(reply));
	snprintf(loc, sizeof(loc), "Location: %s\r\n", o->return_url);
	hsend(fd, 303, "text/plain; charset=utf-8", loc, "paid\n");
}

/* POST /query: the signed answer about one order. */
static void
h_query(int fd, struct hreq *r)
{
	struct paykv	 kv, a;
	struct porder	*o;
	struct pkey	*pk = plat_by_alg(PAYALG_RSA2);
	const char	*why, *no;
	char		 body[PAYKV_BODY], amt[24];

	if (paykv_parse(&kv, r->body, r->blen, 0, &why) == -1 ||
	    (why = verify_ours(&kv, &paykv_query)) != NULL) {
		hsend(fd, 400, "text/plain; charset=utf-8", NULL, why);
		return;
	}
	no = paykv_get(&kv, "order_no");
	o = order_find(no, 0);
	paykv_init(&a);
	paykv_add(&a, "app_id", app_id);
	paykv_add(&a, "order_no", no);
	paykv_add(&a, "pay_status", o == NULL ? "NOTFOUND" : o->paid ?
	    "SUCCESS" : "NOTPAY");
	if (o != NULL && o->paid) {
		snprintf(amt, sizeof(amt), "%lld", o->amount);
		paykv_add(&a, "trade_no", o->trade_no);
		paykv_add(&a, "amount", amt);
		paykv_add(&a, "currency", "CNY");
		paykv_add(&a, "paid_at", o->paid_at);
	}
	if (sign_kv(&a, pk->k, pk->id, paysign_alg_name(paysign_key_alg(
	    pk->k)), (long long)time(NULL), NULL, body, sizeof(body)) == -1) {
		hsend(fd, 500, "text/plain", NULL, "sign\n");
		return;
	}
	hsend(fd, 200, "application/x-www-form-urlencoded", NULL, body);
}

/* GET /statement?date=YYYYMMDD. */
static void
h_statement(int fd, struct hreq *r)
{
	char	 path[1024], *buf;
	FILE	*f;
	size_t	 n;

	if (strncmp(r->query, "date=", 5) != 0 || strlen(r->query) != 13 ||
	    strspn(r->query + 5, "0123456789") != 8) {
		hsend(fd, 400, "text/plain", NULL, "date=YYYYMMDD\n");
		return;
	}
	snprintf(path, sizeof(path), "%s/statement-%s.csv", stmt_dir,
	    r->query + 5);
	buf = xcalloc(1, 1 << 20);
	if ((f = fopen(path, "r")) != NULL) {
		n = fread(buf, 1, (1 << 20) - 1, f);
		buf[n] = '\0';
		fclose(f);
	} else
		strcpy(buf, "trade_no,order_no,amount,paid_at,pay_status\n");
	hsend(fd, 200, "text/csv; charset=utf-8", NULL, buf);
	free(buf);
}

/* POST /ctl/deliver and /ctl/pay (tests). */
static void
h_ctl(int fd, struct hreq *r)
{
	struct paykv	 kv;
	struct porder	*o;
	const char	*why, *no, *fault, *key;
	char		 body[PAYKV_BODY + 16], reply[4096], out[4200];
	int		 status;

	if (paykv_parse(&kv, r->body, r->blen, 0, &why) == -1 ||
	    (no = paykv_get(&kv, "order_no")) == NULL ||
	    (o = order_find(no, 0)) == NULL) {
		hsend(fd, 404, "text/plain", NULL, "no order\n");
		return;
	}
	if (strcmp(r->path, "/ctl/pay") == 0) {
		if (!o->paid)
			order_pay(o);
		hsend(fd, 200, "text/plain", NULL, o->trade_no);
		return;
	}
	fault = paykv_get(&kv, "fault") ? paykv_get(&kv, "fault") : "normal";
	key = paykv_get(&kv, "key") ? paykv_get(&kv, "key") : "rsa";
	if (!o->paid)
		order_pay(o);
	if (strcmp(fault, "second") == 0) {
		o->paid = 0;
		order_pay(o);		/* another trade of the same order */
	}
	if (strcmp(fault, "resend") == 0)
		snprintf(body, sizeof(body), "%s", o->last_body);
	else if (notify_build(o, fault, strcmp(key, "sm2") == 0 ?
	    PAYALG_SM2 : PAYALG_RSA2, body, sizeof(body)) == -1) {
		hsend(fd, 500, "text/plain", NULL, "cannot build\n");
		return;
	}
	status = deliver(o, body, reply, sizeof(reply));
	snprintf(out, sizeof(out), "%d\n%s", status, reply);
	hsend(fd, 200, "text/plain; charset=utf-8", NULL, out);
}

/* POST /ctl/order: order_no, amount, notify_url (no hand-over). */
static void
h_order(int fd, struct hreq *r)
{
	struct paykv	 kv;
	struct porder	*o;
	const char	*why, *no;
	long long	 fen;

	if (paykv_parse(&kv, r->body, r->blen, 0, &why) == -1 ||
	    (no = paykv_get(&kv, "order_no")) == NULL ||
	    paykv_get(&kv, "amount") == NULL ||
	    paykv_amount(paykv_get(&kv, "amount"), &fen) == -1 ||
	    paykv_get(&kv, "notify_url") == NULL ||
	    (o = order_find(no, 1)) == NULL) {
		hsend(fd, 400, "text/plain", NULL, "order_no amount notify_url\n");
		return;
	}
	o->amount = fen;
	snprintf(o->notify_url, sizeof(o->notify_url), "%s",
	    paykv_get(&kv, "notify_url"));
	hsend(fd, 200, "text/plain", NULL, "ok\n");
}

static const struct {
	const char	*method, *path;
	void		(*fn)(int, struct hreq *);
} routes[] = {
	{ "POST", "/gateway", h_gateway },
	{ "POST", "/pay", h_pay },
	{ "POST", "/query", h_query },
	{ "GET", "/statement", h_statement },
	{ "POST", "/ctl/deliver", h_ctl },
	{ "POST", "/ctl/pay", h_ctl },
	{ "POST", "/ctl/order", h_order },
};

/* Serves one connection. */
static void
serve_one(int fd)
{
	static char	 buf[REQ_MAX];
	struct hreq	 r;
	size_t		 i;

	if (hread(fd, buf, sizeof(buf), &r) == -1)
		return;
	if (strcmp(r.path, "/healthz") == 0) {
		hsend(fd, 200, "text/plain", NULL, "ok\n");
		return;
	}
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (strcmp(routes[i].method, r.method) == 0 &&
		    strcmp(routes[i].path, r.path) == 0) {
			routes[i].fn(fd, &r);
			return;
		}
	hsend(fd, 404, "text/plain", NULL, "not found\n");
}

static int
cmd_serve(int port)
{
	struct sockaddr_in	 sin;
	int			 s, c, one = 1;

	if (nplat == 0 || nours == 0)
		errx(2, "serve needs -k and -p");
	signal(SIGPIPE, SIG_IGN);
	if ((s = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		err(1, "socket");
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((unsigned short)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    listen(s, 64) == -1)
		err(1, "bind 127.0.0.1:%d", port);
	fprintf(stderr, "payplat: listening on 127.0.0.1:%d\n", port);
	for (;;) {
		if ((c = accept(s, NULL, NULL)) == -1)
			continue;
		serve_one(c);
		close(c);
	}
}

/* N signed bodies for the benchmark. */
static int
cmd_bodies(long n, const char *prefix, long long fen)
{
	struct porder	 o;
	char		 body[PAYKV_BODY];
	long		 i;

	if (nplat == 0)
		errx(2, "bodies needs -k");
	for (i = 1; i <= n; i++) {
		memset(&o, 0, sizeof(o));
		snprintf(o.order_no, sizeof(o.order_no), "%s%06ld", prefix, i);
		o.amount = fen;
		snprintf(o.trade_no, sizeof(o.trade_no), "FB%s%06ld", prefix, i);
		bj_now(o.paid_at, sizeof(o.paid_at), 0);
		if (notify_build(&o, "normal", paysign_key_alg(plat[0].k),
		    body, sizeof(body)) == -1)
			errx(1, "cannot sign");
		puts(body);
	}
	return 0;
}

int
main(int argc, char *argv[])
{
	const char	*prefix = "BENCH";
	long long	 fen = 100;
	long		 n = 0;
	int		 ch, port = 0;

	if (argc < 2)
		errx(2, "usage: payplat serve|bodies [options]");
	optind = 2;
	while ((ch = getopt(argc, argv, "a:k:p:l:s:n:o:m:")) != -1) {
		switch (ch) {
		case 'a': app_id = optarg; break;
		case 'k': key_arg(plat, &nplat, optarg, 1); break;
		case 'p': key_arg(ours, &nours, optarg, 0); break;
		case 'l': port = atoi(optarg); break;
		case 's': stmt_dir = optarg; break;
		case 'n': n = atol(optarg); break;
		case 'o': prefix = optarg; break;
		case 'm': fen = atoll(optarg); break;
		default: errx(2, "bad option");
		}
	}
	log_init("payplat", "-", 0);
	if (strcmp(argv[1], "serve") == 0 && port > 0)
		return cmd_serve(port);
	if (strcmp(argv[1], "bodies") == 0 && n > 0)
		return cmd_bodies(n, prefix, fen);
	errx(2, "usage: payplat serve -l PORT ... | bodies -n N ...");
}
