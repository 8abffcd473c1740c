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
 * admin_pay.c: payment by the operator: the yearly settings (which city
 * pays online and its window, the fee and wait of each level), the sweep
 * that keeps orders from getting stuck (pay-sweep: every PENDING order
 * past its expiry is queried on the platform through gkbm-pay; one still
 * unpaid there becomes EXPIRED, so the candidate can pay again, and a
 * payment that arrives later is PAID_LATE for a person), and the daily
 * reconciliation (对账) against the platform's statement file
 * (pay-reconcile FILE): every difference is recorded for the province's
 * 对账 page and the audit trail, never fixed.
 *
 * THE STATEMENT FILE: UTF-8 CSV, lines starting with # ignored, the
 * first other line the header naming the columns (any order; others are
 * ignored): order_no, trade_no, amount (integer fen), paid_at
 * (YYYYMMDDhhmmss or YYYY-MM-DD hh:mm:ss, Beijing) and optionally
 * pay_status (rows other than SUCCESS are skipped).  The day it covers
 * is "# date: YYYY-MM-DD" if given, else the YYYYMMDD of the file's name
 * (tools/payplat's statement-YYYYMMDD.csv), else the day of its first
 * paid_at.
 */

#include <ctype.h>
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>

#include "admin.h"
#include "pay.h"

#define STMT_MAX_ROWS	200000		/* rows of one statement file */
#define STMT_LINE	1024

/* One payment of the statement. */
struct srow {
	char		 order[33], trade[65];
	long long	 fen;
	long long	 app;		/* its application, 0 unknown */
};

struct stmtfile {
	struct srow	*rows;
	size_t		 n;
	char		 date[11];	/* YYYY-MM-DD */
	long long	 sum;
	unsigned char	 sha[32];
};

/* "YYYY-MM-DD HH:MM" (Beijing) into out for a DATETIME; 0 or -1. */
static int
when(const char *s, char out[32])
{
	struct tm	 tm;
	const char	*msg;

	memset(&tm, 0, sizeof(tm));
	if ((msg = valid_datetime(s, &tm)) != NULL ||
	    strftime(out, 32, "%Y-%m-%d %H:%M:%S", &tm) == 0) {
		warnx("%s: %s (expected YYYY-MM-DD HH:MM)", s, msg ? msg : "?");
		return -1;
	}
	return 0;
}

/* pay-city YEAR CITY on|off [START END]: online payment of a city. */
int
cmd_pay_city(char **argv, const struct opts *o)
{
	long long	 year;
	int		 on;
	char		 obj[40], st[32], en[32];

	(void)o;
	if (year_parse(argv[0], &year) == -1 || year_exists(year) == -1)
		return -1;
	if (strlen(argv[1]) != 6 || strspn(argv[1], "0123456789") != 6) {
		warnx("%s: a city is a 6-digit region code", argv[1]);
		return -1;
	}
	if ((on = strcmp(argv[2], "on") == 0) == 0 && strcmp(argv[2], "off")) {
		warnx("%s: expected on or off", argv[2]);
		return -1;
	}
	if ((argv[3] == NULL) != (argv[4] == NULL)) {
		warnx("a window needs both START and END");
		return -1;
	}
	if (argv[3] != NULL && (when(argv[3], st) == -1 ||
	    when(argv[4], en) == -1))
		return -1;
	snprintf(obj, sizeof(obj), "pay_city:%lld:%s", year, argv[1]);
	if (tx_begin() == -1 ||
	    dbh_run(&adb, STMT_PWA_CITY_SET, year, argv[1], (long long)on) < 0 ||
	    (argv[3] != NULL && dbh_run(&adb, STMT_PWA_WINDOW_SET, year,
	    argv[1], st, en) < 0) ||
	    admin_audit("pay.city", obj) == -1 || tx_commit() == -1)
		return -1;
	printf("%s %lld: online payment %s\n", argv[1], year, on ? "on" : "off");
	return 0;
}

/* pay-fee YEAR LEVEL FEN [HOURS]: the fee of a level, its wait. */
int
cmd_pay_fee(char **argv, const struct opts *o)
{
	long long	 year, level, fen, hours;
	char		 obj[40];

	(void)o;
	if (year_parse(argv[0], &year) == -1 || year_exists(year) == -1)
		return -1;
	if (num_parse(argv[1], 1, 5, &level) == -1 ||
	    num_parse(argv[2], 1, 9999999999LL, &fen) == -1) {
		warnx("expected LEVEL 1-5 and FEN a positive whole number of fen");
		return -1;
	}
	hours = level == 1 ? 48 : 24;
	if (argv[3] != NULL && num_parse(argv[3], 0, 720, &hours) == -1) {
		warnx("%s: HOURS is 0 to 720", argv[3]);
		return -1;
	}
	snprintf(obj, sizeof(obj), "pay_level:%lld:%lld", year, level);
	if (tx_begin() == -1 || dbh_run(&adb, STMT_PWA_LEVEL_SET, year, level,
	    fen, hours) < 0 || admin_audit("pay.fee", obj) == -1 ||
	    tx_commit() == -1)
		return -1;
	printf("level %lld of %lld: %lld fen, %lld hours after approval\n",
	    level, year, fen, hours);
	return 0;
}

/*
 * Asks gkbm-pay to query order no; expires it when still PENDING here
 * and unpaid there.  Returns 1 expired, 0 left as it is, -1 gkbm-pay
 * unavailable or a database failure.
 */
static int
sweep_one(const char *no)
{
	struct paykv	 kv;
	const char	*st, *pl;
	char		 obj[48];
	int		 rc;

	rc = payc_call(&cfg, "query", no, &kv);
	if (rc == PAYC_UNAVAILABLE) {
		warnx("%s: gkbm-pay unavailable", no);
		return -1;
	}
	st = paykv_get(&kv, "state");
	pl = paykv_get(&kv, "platform");
	if (rc != 0 || st == NULL || pl == NULL) {
		printf("%s: not answered (%s)\n", no, paykv_get(&kv, "code") ?
		    paykv_get(&kv, "code") : "?");
		return 0;
	}
	/* NOTFOUND: never handed over (gkbm-pay was away): no money can come. */
	if (strcmp(st, "PENDING") != 0 || (strcmp(pl, "NOTPAY") != 0 &&
	    strcmp(pl, "CLOSED") != 0 && strcmp(pl, "NOTFOUND") != 0)) {
		printf("%s: %s (platform %s)\n", no, st, pl);
		return 0;
	}
	snprintf(obj, sizeof(obj), "order:%s", no);
	if (tx_begin() == -1 || (rc = dbh_run(&adb, STMT_PWA_EXPIRE, no)) < 0 ||
	    (rc == 1 && admin_audit("pay.expire", obj) == -1) ||
	    tx_commit() == -1)
		return -1;
	printf("%s: %s (platform %s)\n", no, rc == 1 ? "EXPIRED" : st, pl);
	return rc == 1;
}

/* pay-sweep: every PENDING order past its expiry queried, see above. */
int
cmd_pay_sweep(char **argv, const struct opts *o)
{
	char		**nos = NULL, *no;
	size_t		 n = 0, i;
	int		 k, rc, bad = 0, expired = 0;

	(void)argv;
	(void)o;
	if (dbh_run(&adb, STMT_PWA_SWEEP_LIST) < 0)
		return -1;
	while ((k = dbh_row(&adb, STMT_PWA_SWEEP_LIST, &no)) == 1) {
		nos = xreallocarray(nos, n + 1, sizeof(*nos));
		nos[n++] = xstrdup(no);
	}
	for (i = 0; i < n; i++) {
		if (!bad && k != -1) {
			if ((rc = sweep_one(nos[i])) == -1)
				bad = 1;
			else
				expired += rc;
		}
		free(nos[i]);
	}
	free(nos);
	printf("%zu orders queried, %d expired\n", n, expired);
	return k == -1 || bad ? -1 : 0;
}

/* The index of name in the header fields f (n of them), or -1. */
static int
col_of(char **f, int n, const char *name)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (strcmp(f[i], name) == 0)
			return i;
	return -1;
}

/* Splits line at commas into f (at most max); returns the count. */
static int
pay_csv_split(char *line, char **f, int max)
{
	int	 n = 0;

	line[strcspn(line, "\r\n")] = '\0';
	while (n < max) {
		f[n++] = line;
		if ((line = strchr(line, ',')) == NULL)
			break;
		*line++ = '\0';
	}
	return n;
}

/* The day of paid_at ("20260601103015" or "2026-06-01 …") into d. */
static int
paid_day(const char *p, char d[11])
{
	char	 x[9];
	size_t	 i, j = 0;

	for (i = 0; p[i] != '\0' && j < 8; i++)
		if (isdigit((unsigned char)p[i]))
			x[j++] = p[i];
		else if (p[i] != '-')
			break;
	if (j != 8)
		return -1;
	snprintf(d, 11, "%.4s-%.2s-%.2s", x, x + 4, x + 6);
	return 0;
}

/* The columns of the statement, by header name. */
struct cols {
	int	 order, trade, amount, paid, status;
};

/* Reads one data line into the statement; 0, or -1 (printed). */
static int
stmt_row(struct stmtfile *sf, char *line, const struct cols *c, int lno)
{
	char		*f[16];
	struct srow	*r;
	int		 n;

	n = pay_csv_split(line, f, 16);
	if (n <= c->order || n <= c->trade || n <= c->amount || n <= c->paid ||
	    (c->status >= 0 && n <= c->status)) {
		warnx("line %d: too few columns", lno);
		return -1;
	}
	if (c->status >= 0 && strcmp(f[c->status], "SUCCESS") != 0)
		return 0;
	if (sf->n >= STMT_MAX_ROWS) {
		warnx("line %d: more than %d rows", lno, STMT_MAX_ROWS);
		return -1;
	}
	r = &sf->rows[sf->n];
	memset(r, 0, sizeof(*r));
	if (!paykv_order_ok(f[c->order]) || !paykv_trade_ok(f[c->trade]) ||
	    paykv_amount(f[c->amount], &r->fen) == -1 ||
	    (sf->date[0] == '\0' && paid_day(f[c->paid], sf->date) == -1)) {
		warnx("line %d: bad order_no, trade_no, amount or paid_at", lno);
		return -1;
	}
	snprintf(r->order, sizeof(r->order), "%s", f[c->order]);
	snprintf(r->trade, sizeof(r->trade), "%s", f[c->trade]);
	sf->sum += r->fen;
	sf->n++;
	return 0;
}

/* Reads the statement file into *sf; 0, or -1 (printed). */
static int
stmt_read(const char *path, struct stmtfile *sf)
{
	FILE		*fp;
	EVP_MD_CTX	*md;
	char		 line[STMT_LINE], *f[16], hdr[STMT_LINE];
	struct cols	 c = { -1, -1, -1, -1, -1 };
	int		 n, lno = 0, rc = 0, have = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return -1;
	}
	sf->rows = xreallocarray(NULL, STMT_MAX_ROWS, sizeof(*sf->rows));
	md = EVP_MD_CTX_new();
	EVP_DigestInit_ex(md, EVP_sha256(), NULL);
	while (rc == 0 && fgets(line, sizeof(line), fp) != NULL) {
		lno++;
		EVP_DigestUpdate(md, line, strlen(line));
		if (strncmp(line, "# date:", 7) == 0)
			rc = paid_day(line + 7 + strspn(line + 7, " "), sf->date);
		else if (line[0] == '#' || line[strspn(line, " \r\n")] == '\0')
			continue;
		else if (!have++) {
			memcpy(hdr, line, sizeof(hdr));
			n = pay_csv_split(hdr, f, 16);
			c.order = col_of(f, n, "order_no");
			c.trade = col_of(f, n, "trade_no");
			c.amount = col_of(f, n, "amount");
			c.paid = col_of(f, n, "paid_at");
			c.status = col_of(f, n, "pay_status");
			if (c.order < 0 || c.trade < 0 || c.amount < 0 || c.paid < 0) {
				warnx("%s: the header must name order_no, "
				    "trade_no, amount and paid_at", path);
				rc = -1;
			}
		} else
			rc = stmt_row(sf, line, &c, lno);
	}
	if (rc == 0 && (ferror(fp) || !have || sf->date[0] == '\0')) {
		warnx("%s: unreadable, no header or no date", path);
		rc = -1;
	}
	EVP_DigestFinal_ex(md, sf->sha, NULL);
	EVP_MD_CTX_free(md);
	fclose(fp);
	return rc;
}

/* Records one difference; 0 or -1. */
static int
diff_add(long long run, const char *kind, const char *order,
    const char *trade, long long ours, long long theirs, int *nd)
{
	(*nd)++;
	printf("difference %s: order %s trade %s ours %lld theirs %lld\n", kind,
	    order ? order : "-", trade ? trade : "-", ours, theirs);
	return dbh_run(&adb, STMT_PWA_DIFF_ADD, run, kind, order, trade, ours,
	    theirs) < 0 ? -1 : 0;
}

/* Theirs against ours: unknown trades, amounts, double payments. */
static int
recon_theirs(struct stmtfile *sf, long long run, int *nd)
{
	char		*ono;
	long long	 fen, app;
	size_t		 i, j;
	int		 k;

	for (i = 0; i < sf->n; i++) {
		struct srow *r = &sf->rows[i];

		if ((k = dbh_run(&adb, STMT_PWA_TRADE, r->trade)) < 0 ||
		    (k > 0 && dbh_row(&adb, STMT_PWA_TRADE, &fen, &ono) < 0))
			return -1;
		if (k > 0)
			dbh_done(&adb, STMT_PWA_TRADE);
		if (k == 0 && diff_add(run, "theirs_only", r->order, r->trade,
		    -1, r->fen, nd) == -1)
			return -1;
		if (k > 0 && fen != r->fen && diff_add(run, "amount", r->order,
		    r->trade, fen, r->fen, nd) == -1)
			return -1;
		app = 0;
		if (st_id(&app, STMT_PWA_ORDER_APP, r->order) < 0)
			return -1;
		r->app = app;
		for (j = 0; j < i && r->app != 0; j++)
			if (sf->rows[j].app == r->app &&
			    strcmp(sf->rows[j].trade, r->trade) != 0)
				break;
		if (r->app != 0 && j < i && diff_add(run, "double", r->order,
		    r->trade, -1, r->fen, nd) == -1)
			return -1;
	}
	return 0;
}

/* Ours against theirs: payments of the day missing from the statement. */
static int
recon_ours(struct stmtfile *sf, long long run, int *nd)
{
	char		*trade, *ono;
	long long	 fen;
	size_t		 i;
	int		 k, bad = 0;

	if (dbh_run(&adb, STMT_PWA_OURS, sf->date, sf->date) < 0)
		return -1;
	while ((k = dbh_row(&adb, STMT_PWA_OURS, &trade, &fen, &ono)) == 1) {
		for (i = 0; i < sf->n; i++)
			if (strcmp(sf->rows[i].trade, trade) == 0)
				break;
		if (i == sf->n && diff_add(run, "ours_only", ono, trade, fen,
		    -1, nd) == -1)
			bad = 1;
	}
	return k == -1 || bad ? -1 : 0;
}

/* The first 8 digits in a row of the file name as its day, if any. */
static void
name_day(const char *base, char d[11])
{
	size_t	 n;

	for (; *base != '\0'; base++)
		if ((n = strspn(base, "0123456789")) == 8) {
			snprintf(d, 11, "%.4s-%.2s-%.2s", base, base + 4, base + 6);
			return;
		} else if (n > 0)
			base += n - 1;
}

/* pay-reconcile FILE: the day's statement against our payments. */
int
cmd_pay_reconcile(char **argv, const struct opts *o)
{
	struct stmtfile	 sf;
	const char	*base;
	char		 obj[48];
	long long	 run;
	int		 nd = 0, rc = -1;

	(void)o;
	memset(&sf, 0, sizeof(sf));
	base = strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0];
	name_day(base, sf.date);
	if (stmt_read(argv[0], &sf) == -1)
		goto done;
	if (tx_begin() == -1 || dbh_run(&adb, STMT_PWA_RUN_NEW, sf.date, base,
	    sf.sha, sizeof(sf.sha)) != 1 ||
	    (run = dbh_insert_id(&adb, STMT_PWA_RUN_NEW)) <= 0 ||
	    recon_theirs(&sf, run, &nd) == -1 || recon_ours(&sf, run, &nd) == -1 ||
	    dbh_run(&adb, STMT_PWA_RUN_DONE, (long long)sf.n, sf.sum,
	    (long long)nd, run) < 0)
		goto done;
	snprintf(obj, sizeof(obj), "recon_run:%lld", run);
	if (admin_audit(nd ? "pay.reconcile.diff" : "pay.reconcile", obj) == -1 ||
	    tx_commit() == -1)
		goto done;
	printf("statement %s of %s: %zu payments, %lld fen, %d differences\n",
	    base, sf.date, sf.n, sf.sum, nd);
	rc = 0;
done:
	free(sf.rows);
	return rc;
}
