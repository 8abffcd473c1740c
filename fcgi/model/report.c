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
 * report.c: 汇总上报 (seed 004; schema/0017-report.sql): who reports (a
 * city office, a supervising unit of the province's own region), the
 * frozen snapshot made in one transaction (the applications of the
 * subtree copied, counted and hashed), its rows as a roster source for
 * the pages and the PDF and XLSX writers (roster.c), and the province's
 * reopening.  Two kinds (reports.kind, schema/0019-exam.sql): 'approved'
 * (汇总上报: the final approvals) and 'passed' (申领汇总上报, 004 §四:
 * those whose published result is a pass), each with its own window,
 * reports and reopenings.
 */

#include <string.h>

#include <openssl/evp.h>

#include "web.h"
#include "appquery.h"
#include "roster.h"
#include "report.h"

/* The kinds: what a snapshot copies and the audit's events. */
static const struct {
	const char	*kind;
	enum stmt	 copy;
	const char	*submitted, *reopened;
} report_kinds[] = {
	{ "approved", STMT_RP_COPY, "report.submit", "report.reopen" },
	{ "passed",   STMT_CL_COPY, "claim.submit",  "claim.reopen" },
};

/* The row of kind (an unknown kind is a bug: the first). */
static size_t
report_kind(const char *kind)
{
	size_t	 i;

	for (i = 0; i < sizeof(report_kinds) / sizeof(report_kinds[0]); i++)
		if (strcmp(report_kinds[i].kind, kind) == 0)
			return i;
	return 0;
}

/* Whether the account's unit reports upward: 1, 0, -1 (database). */
int
report_reporter(struct req *r)
{
	char	*ukind, *gkind;
	int	 n;

	if (r->role != ROLE_CITY && r->role != ROLE_SUPERVISING)
		return 0;
	if (db_run(r, STMT_RP_UNIT, r->unit_id) == -1 ||
	    (n = db_row(r, STMT_RP_UNIT, &ukind, &gkind)) == -1)
		return -1;
	if (n == 0)
		return 0;
	db_done(r, STMT_RP_UNIT);
	return strcmp(ukind, "city") == 0 || (strcmp(ukind, "supervising") ==
	    0 && strcmp(gkind, "province") == 0);
}

/* The next chunk of a snapshot's rows after the last number read. */
static int
report_fetch(struct req *r, struct rsrc *src)
{
	return db_run(r, STMT_RP_ROWS, src->report, src->last_id, src->limit);
}

/* One snapshot row into the source's cells; 1, 0 at the end, -1. */
static int
report_row(struct req *r, struct rsrc *src)
{
	struct roster_row	 w;
	long long		 n;
	int			 k;

	k = db_row(r, STMT_RP_ROWS, &n, &w.id, &w.acct, &w.name, &w.ie,
	    &w.iel, &w.pe, &w.pel, &w.gender, &w.code, &w.unit, &w.wt,
	    &w.route, &w.level, &w.decided);
	if (k != 1)
		return k;
	src->last_id = n;
	roster_fill(r, src, &w);
	return 1;
}

/* The rows of snapshot id as a roster source. */
void
report_source(struct rsrc *src, long long id)
{
	memset(src, 0, sizeof(*src));
	src->report = id;
	src->last_code = "";
	src->fetch = report_fetch;
	src->row = report_row;
}

/*
 * The SHA-256 of snapshot id's rows as printed (number, application,
 * name, ID number, unit code, work type, level, route, date; a tab
 * between cells, a line feed after each row) into hex, and their
 * number into *n.  0 or -1.
 */
static int
report_digest(struct req *r, long long id, char hex[65], long long *n)
{
	static const enum rcell cells[] = { RC_N, RC_ID, RC_NAME, RC_IDNO,
	    RC_CODE, RC_WT, RC_LEVEL, RC_ROUTE, RC_DECIDED };
	EVP_MD_CTX	*ctx;
	struct rsrc	 src;
	unsigned char	 md[32];
	unsigned int	 mdlen;
	size_t		 i;
	int		 k;

	if ((ctx = EVP_MD_CTX_new()) == NULL ||
	    EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1) {
		EVP_MD_CTX_free(ctx);
		return -1;
	}
	report_source(&src, id);
	while ((k = roster_next(r, &src)) == 1)
		for (i = 0; i < sizeof(cells) / sizeof(cells[0]); i++) {
			EVP_DigestUpdate(ctx, src.cell[cells[i]],
			    strlen(src.cell[cells[i]]));
			EVP_DigestUpdate(ctx, i + 1 < sizeof(cells) /
			    sizeof(cells[0]) ? "\t" : "\n", 1);
		}
	*n = src.n;
	roster_end(&src);
	EVP_DigestFinal_ex(ctx, md, &mdlen);
	EVP_MD_CTX_free(ctx);
	hex_encode(md, sizeof(md), hex);
	return k;
}

/*
 * Reports the applications of kind (approved: final approvals; passed:
 * published passes) of the account's subtree for the current year, in
 * one transaction: the unit row locked (two clerks at once make one
 * report), refused when the latest report of the kind stands, the rows
 * copied, counted and hashed, audited.  Returns REPORT_OK (*id the new
 * report), REPORT_STANDS or -1 (database; rolled back).
 */
int
report_submit(struct req *r, const char *kind, long long *id)
{
	char		*state, hex[65];
	long long	 n;
	size_t		 kk = report_kind(kind);
	int		 k;

	if (db_begin(r) == -1)
		return -1;
	if (db_run(r, STMT_RP_LOCK_UNIT, r->unit_id) == -1 ||
	    db_row(r, STMT_RP_LOCK_UNIT, &n) != 1)
		goto fail;
	db_done(r, STMT_RP_LOCK_UNIT);
	if (db_run(r, STMT_RP_LAST_STATE, (long long)r->year,
	    r->unit_id, kind) == -1 || (k = db_row(r, STMT_RP_LAST_STATE,
	    &state)) == -1)
		goto fail;
	if (k == 1) {
		db_done(r, STMT_RP_LAST_STATE);
		if (strcmp(state, "reported") == 0) {
			db_rollback(r);
			return REPORT_STANDS;
		}
	}
	if (db_run(r, STMT_RP_INSERT, (long long)r->year, kind, r->unit_id,
	    r->account_id) != 1)
		goto fail;
	*id = db_insert_id(r, STMT_RP_INSERT);
	if (db_run(r, report_kinds[kk].copy, *id, r->unit_id,
	    (long long)r->year) == -1 ||
	    report_digest(r, *id, hex, &n) == -1 ||
	    db_run(r, STMT_RP_SEAL, n, hex, *id) == -1 ||
	    audit(r, report_kinds[kk].submitted, pool_printf(r->pool,
	    "report:%lld", *id),
	    "ok", pool_printf(r->pool, "%lld rows", n)) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	return REPORT_OK;
fail:
	db_rollback(r);
	return -1;
}

/*
 * The province reopens report id of kind with the reason (audited): the
 * office may then report again.  REPORT_OK, REPORT_NONE (no such report
 * of the kind), REPORT_OPEN (not standing: reopened already) or -1.
 */
int
report_reopen(struct req *r, const char *kind, long long id,
    const char *reason)
{
	char		*state;
	long long	 unit;
	size_t		 kk = report_kind(kind);
	int		 k;

	if (db_begin(r) == -1)
		return -1;
	if (db_run(r, STMT_RP_REOPEN_LOCK, id, kind) == -1 ||
	    (k = db_row(r, STMT_RP_REOPEN_LOCK, &state, &unit)) == -1)
		goto fail;
	if (k == 0) {
		db_rollback(r);
		return REPORT_NONE;
	}
	db_done(r, STMT_RP_REOPEN_LOCK);
	if (strcmp(state, "reported") != 0) {
		db_rollback(r);
		return REPORT_OPEN;
	}
	if (db_run(r, STMT_RP_REOPEN, r->account_id, reason, id) != 1 ||
	    audit(r, report_kinds[kk].reopened, pool_printf(r->pool,
	    "report:%lld", id),
	    "ok", reason) == -1 || db_commit(r) == -1)
		goto fail;
	return REPORT_OK;
fail:
	db_rollback(r);
	return -1;
}
