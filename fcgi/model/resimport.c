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
 * resimport.c: a results file (考核结果, CSV or XLSX read by sheet.c) for
 * one year and exam region, all or nothing: every row is checked first
 * (the ticket number is a seat of that region and year, the name is its
 * candidate's, the scores are 0-100 with at most one decimal or the row
 * is 缺考, no ticket twice), and only a file without a bad row is
 * stored: one exam_imports row and its results upserted in one
 * transaction, audited.  A region whose results are published takes no
 * file.  Used by POST /admin/results/import and gkbm-admin
 * import-results.
 */

#include <stdio.h>
#include <string.h>

#include <openssl/sha.h>

#include "result.h"

const char *const resimp_heads[RESIMP_COLS] = {
	"准考证号", "姓名", "理论知识", "操作技能", "缺考",
};

/* Whether row is the header row. */
static int
resimp_is_head(const struct sheet_row *row)
{
	size_t	 i;

	if (row->ncells < RESIMP_COLS - 1)
		return 0;
	for (i = 0; i < RESIMP_COLS; i++)
		if (strcmp(i < row->ncells ? row->cells[i] : "",
		    resimp_heads[i]) != 0)
			return 0;
	return 1;
}

/* Refuses row o for column col with msg (returns msg). */
static const char *
resimp_bad(struct resimp_row *o, enum resimp_col col, const char *msg)
{
	o->column = resimp_heads[col];
	return o->msg = msg;
}

/* The line of an earlier row with the same ticket number, or 0. */
static size_t
resimp_dup(const struct resimp_report *rep, size_t i)
{
	size_t	 j;

	for (j = 0; j < i; j++)
		if (strcmp(rep->rows[j].cells[RI_TICKET],
		    rep->rows[i].cells[RI_TICKET]) == 0)
			return rep->rows[j].line;
	return 0;
}

/* The seat of o's ticket number: checked against year, region, name. */
static const char *
resimp_seat(struct req *r, long long year, const char *region,
    struct resimp_row *o)
{
	const char	*t = o->cells[RI_TICKET];
	char		*sregion, *name;
	long long	 syear;
	int		 n;

	if (strlen(t) != 16 || strspn(t, "0123456789") != 16)
		return resimp_bad(o, RI_TICKET, "准考证号应为16位数字。");
	if (db_run(r, STMT_RES_SEAT, t) == -1 ||
	    (n = db_row(r, STMT_RES_SEAT, &o->app, &syear, &sregion,
	    &name)) == -1)
		return field_dbfail;
	db_done(r, STMT_RES_SEAT);
	if (n == 0)
		return resimp_bad(o, RI_TICKET, "没有这个准考证号的考生。");
	if (syear != year || strcmp(sregion, region) != 0)
		return resimp_bad(o, RI_TICKET, pool_printf(r->pool,
		    "这个准考证号不是本次导入的地区%lld年度的考生。", year));
	if (*o->cells[RI_NAME] == '\0')
		return resimp_bad(o, RI_NAME, "请填写姓名。");
	if (strcmp(name, o->cells[RI_NAME]) != 0)
		return resimp_bad(o, RI_NAME, "姓名与这个准考证号的考生不符。");
	return NULL;
}

/* The scores and 缺考 of o. */
static const char *
resimp_scores(struct resimp_row *o)
{
	const char	*t = o->cells[RI_THEORY], *s = o->cells[RI_SKILL];
	int		 absent;

	o->theory = o->skill = PASS_NONE;
	if ((absent = pass_absent_word(o->cells[RI_ABSENT])) == -1)
		return resimp_bad(o, RI_ABSENT,
		    "缺考一栏应填“缺考”（或“是”），未缺考的留空。");
	if (absent && (*t != '\0' || *s != '\0'))
		return resimp_bad(o, *t != '\0' ? RI_THEORY : RI_SKILL,
		    "缺考的考生不应填写成绩。");
	o->absent = absent || (*t == '\0' && *s == '\0');
	if (o->absent)
		return NULL;
	if (*t == '\0')
		return resimp_bad(o, RI_THEORY,
		    "请填写理论知识成绩（缺考的在缺考一栏填“缺考”）。");
	if (pass_score_parse(t, &o->theory) == -1)
		return resimp_bad(o, RI_THEORY,
		    "理论知识成绩应为0至100之间的数，最多一位小数，如85或85.5。");
	if (*s == '\0')
		return resimp_bad(o, RI_SKILL,
		    "请填写操作技能成绩（缺考的在缺考一栏填“缺考”）。");
	if (pass_score_parse(s, &o->skill) == -1)
		return resimp_bad(o, RI_SKILL,
		    "操作技能成绩应为0至100之间的数，最多一位小数，如85或85.5。");
	return NULL;
}

/* Checks row i of rep; NULL, its message, or field_dbfail. */
static const char *
resimp_check(struct req *r, long long year, const char *region,
    struct resimp_report *rep, size_t i)
{
	struct resimp_row	*o = &rep->rows[i];
	const char		*msg;
	size_t			 dup;

	if (*o->cells[RI_TICKET] == '\0')
		return resimp_bad(o, RI_TICKET, "请填写准考证号。");
	if ((dup = resimp_dup(rep, i)) > 0)
		return resimp_bad(o, RI_TICKET, pool_printf(r->pool,
		    "准考证号与第%zu行重复。", dup));
	if ((msg = resimp_seat(r, year, region, o)) != NULL)
		return msg;
	return resimp_scores(o);
}

/* Reads buf into rep's rows; NULL or the message refusing the file. */
static const char *
resimp_read(struct req *r, const void *buf, size_t len,
    struct resimp_report *rep)
{
	struct sheet	 sh;
	const char	*msg;
	size_t		 i, j;

	if ((msg = sheet_read(r->pool, buf, len, &sh)) != NULL)
		return msg;
	if (sh.nrows == 0 || !resimp_is_head(&sh.rows[0]))
		return "第一行应为表头：准考证号、姓名、理论知识、操作技能、缺考"
		    "（请下载模板填写）。";
	if (sh.nrows == 1)
		return "文件中除表头外没有考生。";
	rep->rows = pool_calloc(r->pool, sh.nrows, sizeof(*rep->rows));
	for (i = 1; i < sh.nrows; i++) {
		struct resimp_row *o = &rep->rows[rep->nrows++];

		o->line = sh.rows[i].line;
		for (j = 0; j < RESIMP_COLS; j++)
			o->cells[j] = j < sh.rows[i].ncells ?
			    sh.rows[i].cells[j] : "";
	}
	return NULL;
}

/*
 * Whether the region's results are published: sets *msg.  Inside a
 * transaction the row (or its gap) stays locked against a publication.
 * Returns 0, 1 (published) or -1.
 */
static int
resimp_published(struct req *r, long long year, const char *region,
    const char **msg)
{
	char	*at;
	int	 n;

	if (db_run(r, STMT_RES_PUB_LOCK, year, region) == -1 ||
	    (n = db_row(r, STMT_RES_PUB_LOCK, &at)) == -1)
		return -1;
	if (n == 0)
		return 0;
	db_done(r, STMT_RES_PUB_LOCK);
	*msg = pool_printf(r->pool, "本地区%lld年度考核结果已于%s公布，"
	    "不能再导入成绩（更正请通过复核）。", year, at);
	return 1;
}

/* Stores the checked rows of rep; NULL, a message, or field_dbfail. */
static const char *
resimp_store(struct req *r, long long year, const char *region,
    const char *fname, const unsigned char *sum, struct resimp_report *rep)
{
	const struct resimp_row	*o;
	const char		*msg = NULL;
	char			 hex[2 * SHA256_DIGEST_LENGTH + 1];
	size_t			 i;
	int			 k;

	for (i = 0; i < SHA256_DIGEST_LENGTH; i++)
		snprintf(hex + 2 * i, 3, "%02x", sum[i]);
	if (db_begin(r) == -1)
		return field_dbfail;
	if ((k = resimp_published(r, year, region, &msg)) != 0) {
		db_rollback(r);
		return k == -1 ? field_dbfail : msg;
	}
	if (db_run(r, STMT_RES_IMPORT_ADD, year, region, fname, hex,
	    (long long)rep->nrows, r->account_id) == -1)
		goto fail;
	rep->import_id = db_insert_id(r, STMT_RES_IMPORT_ADD);
	for (i = 0; i < rep->nrows; i++) {
		o = &rep->rows[i];
		if (db_run(r, STMT_RES_UPSERT, o->app, o->cells[RI_TICKET],
		    (long long)o->theory, (long long)o->theory,
		    (long long)o->skill, (long long)o->skill,
		    (long long)o->absent, rep->import_id) == -1)
			goto fail;
	}
	if (audit(r, "result.import", pool_printf(r->pool, "year=%lld "
	    "region=%s", year, region), "ok", pool_printf(r->pool,
	    "import=%lld rows=%zu sha256=%.16s", rep->import_id, rep->nrows,
	    hex)) == -1 || db_commit(r) == -1)
		goto fail;
	rep->stored = 1;
	return NULL;
fail:
	db_rollback(r);
	return field_dbfail;
}

/*
 * Imports the results file of len bytes at buf (named fname) for year
 * and region into *rep: rep->msg when the file or the region is
 * refused, else every row with its message if some was refused (nothing
 * stored then).  Returns NULL, or field_dbfail.
 */
const char *
res_import(struct req *r, long long year, const char *region,
    const char *fname, const void *buf, size_t len,
    struct resimp_report *rep)
{
	unsigned char	 sum[SHA256_DIGEST_LENGTH];
	const char	*msg, *name;
	size_t		 i;
	int		 k;

	memset(rep, 0, sizeof(*rep));
	if ((msg = res_region(r, region, &name)) != NULL) {
		if (msg == field_dbfail)
			return msg;
		rep->msg = msg;
		return NULL;
	}
	if ((k = resimp_published(r, year, region, &rep->msg)) != 0)
		return k == -1 ? field_dbfail : NULL;
	if ((rep->msg = resimp_read(r, buf, len, rep)) != NULL)
		return NULL;
	for (i = 0; i < rep->nrows; i++) {
		if ((msg = resimp_check(r, year, region, rep, i)) ==
		    field_dbfail)
			return msg;
		if (msg != NULL)
			rep->nbad++;
	}
	if (rep->nbad > 0)
		return NULL;
	SHA256(buf, len, sum);
	msg = resimp_store(r, year, region, fname, sum, rep);
	if (msg != NULL && msg != field_dbfail) {
		rep->msg = msg;
		return NULL;
	}
	return msg;
}
