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
 * h_stats.c: 信息统计 (seed 002 §1.1) for every admin: the applications
 * of a year in the account's subtree counted by state and level, by work
 * type, by unit and by region, as tables the stylesheet also draws as
 * SVG bars (xsl/common/stats.xsl), and as a spreadsheet of one sheet a
 * table (/admin/stats.xlsx).  The province sees the whole province with
 * the previous year beside the current one.
 *
 * The province's counts read one covering index per table for the year
 * (schema/0016, the *_ALL statements); the other offices' go from their
 * own units.  Even so, counting 300,000 applications twice (this year
 * and the last) takes a second or more on a busy server, so the page
 * shows a snapshot of the counts at most STATS_TTL seconds old, shared
 * by the workers in stats_snapshot and made again by one of them at a
 * time (st_counts); the page says when it was counted.  The export is
 * always counted afresh.  An application is counted once it has a unit
 * (a draft before its unit is chosen belongs to nobody's subtree yet).
 */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "web.h"
#include "appquery.h"
#include "xlsx.h"

#define ST_MAX_ROWS	512	/* work types or regions of one table */
#define ST_UNITS_PAGE	100	/* units on the page (the export: all) */
#define ST_UNITS_ALL	1000000
#define ST_LEVELS	6	/* level 0 (not chosen yet) .. 5 */
#define ST_STATES	6	/* as aq_states */
#define STATS_TTL	60	/* seconds a snapshot of the counts is shown */
#define ST_SNAP_MAX	60000	/* bytes of a snapshot (MAX_COLBUF: 64 KB) */

/* A counted table: rows by key, this year's n and last year's p. */
struct st_row {
	char		 key[16];
	char		 name[104];
	long long	 n, p;
};
struct st_table {
	struct st_row	 rows[ST_MAX_ROWS];
	size_t		 nrows;
};

/* Everything one page or export shows. */
struct st_data {
	long long	 year, prev;		/* prev 0: no comparison */
	long long	 cube[2][ST_STATES][ST_LEVELS];	/* [prev][state][level] */
	struct st_table	 wt, region;
	struct st_table	 units;			/* the page's first units */
	char		 made[24];		/* when counted */
};

/* The statements of a table: [province][table]. */
enum { ST_LEVEL, ST_WT, ST_UNIT, ST_REGION };
static const enum stmt st_stmts[2][4] = {
	{ STMT_ST_LEVEL, STMT_ST_WT, STMT_ST_UNIT, STMT_ST_REGION },
	{ STMT_ST_LEVEL_ALL, STMT_ST_WT_ALL, STMT_ST_UNIT_ALL,
	    STMT_ST_REGION_ALL },
};

/* GET /admin/stats and /admin/stats.xlsx: the year. */
const struct fielddef h_stats_fields[] = {
	{ "year", FT_UINT, FL_QUERY, 2000, 2100, NULL,
	    "查询条件不正确：报考年度应为2000至2100之间的四位数字。", NULL,
	    NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* True when the account counts the whole province. */
static int
st_all(const struct req *r)
{
	return r->role == ROLE_PROVINCE;
}

/* Runs table t's statement for year (and limit, for units). */
static int
st_run(struct req *r, int t, long long year, long long limit)
{
	enum stmt	 s = st_stmts[st_all(r)][t];

	if (st_all(r))
		return t == ST_UNIT ? db_run(r, s, year, limit) :
		    db_run(r, s, year);
	return t == ST_UNIT ? db_run(r, s, r->unit_id, year, limit) :
	    db_run(r, s, r->unit_id, year);
}

/* The index of a state in aq_states, or -1. */
static int
st_state(const char *s)
{
	int	 i;

	for (i = 0; aq_states[i] != NULL; i++)
		if (strcmp(aq_states[i], s) == 0)
			return i;
	return -1;
}

/* Reads state x level of year into cube c.  Returns 0 or -1. */
static int
st_cube(struct req *r, long long year, long long c[ST_STATES][ST_LEVELS])
{
	char		*state;
	long long	 lv, n;
	int		 k, i;

	if (st_run(r, ST_LEVEL, year, 0) == -1)
		return -1;
	while ((k = db_row(r, st_stmts[st_all(r)][ST_LEVEL], &state, &lv,
	    &n)) == 1)
		if ((i = st_state(state)) >= 0 && lv >= 0 && lv < ST_LEVELS)
			c[i][lv] += n;
	return k;
}

/* The row of key in t, added (with name) when new; NULL when t is full. */
static struct st_row *
st_find(struct st_table *t, const char *key, const char *name)
{
	size_t	 i;

	for (i = 0; i < t->nrows; i++)
		if (strcmp(t->rows[i].key, key) == 0)
			return &t->rows[i];
	if (t->nrows == ST_MAX_ROWS)
		return NULL;
	snprintf(t->rows[i].key, sizeof(t->rows[i].key), "%s", key);
	snprintf(t->rows[i].name, sizeof(t->rows[i].name), "%s", name);
	t->nrows++;
	return &t->rows[i];
}

/* Reads table tn (work type or region) of year into t.  Returns 0, -1. */
static int
st_table(struct req *r, int tn, long long year, int prev, struct st_table *t)
{
	struct st_row	*row;
	char		*key, *name;
	long long	 n;
	int		 k;

	if (st_run(r, tn, year, 0) == -1)
		return -1;
	while ((k = db_row(r, st_stmts[st_all(r)][tn], &key, &name,
	    &n)) == 1) {
		if (*name == '\0')
			name = tn == ST_WT ? "未选择工种" : st_all(r) ?
			    "省直及中央驻豫单位" : "本级直属单位";
		if ((row = st_find(t, key, name)) == NULL)
			continue;
		if (prev)
			row->p += n;
		else
			row->n += n;
	}
	return k == -1 ? -1 : 0;
}

/* Reads everything but the units for d->year (and d->prev). */
static int
st_read(struct req *r, struct st_data *d)
{
	int	 i;

	for (i = 0; i < (d->prev > 0 ? 2 : 1); i++) {
		if (st_cube(r, i ? d->prev : d->year, d->cube[i]) == -1 ||
		    st_table(r, ST_WT, i ? d->prev : d->year, i, &d->wt) == -1 ||
		    st_table(r, ST_REGION, i ? d->prev : d->year, i,
		    &d->region) == -1)
			return -1;
	}
	return 0;
}

/* The year asked for, else the current one; the previous for the province. */
static void
st_years(struct req *r, struct st_data *d)
{
	memset(d, 0, sizeof(*d));
	d->year = *r->fv[0].s != '\0' ? r->fv[0].n : r->year;
	d->prev = st_all(r) ? d->year - 1 : 0;
}

/* The total of a state (s >= 0) or of everything (s < 0) in cube c. */
static long long
st_sum(long long c[ST_STATES][ST_LEVELS], int s, int lv)
{
	long long	 n = 0;
	int		 i, j;

	for (i = 0; i < ST_STATES; i++)
		for (j = 0; j < ST_LEVELS; j++)
			if ((s < 0 || s == i) && (lv < 0 || lv == j))
				n += c[i][j];
	return n;
}

/* <bystate>: a row per state with a count per level, total and prev. */
static void
st_state_xml(struct req *r, struct st_data *d)
{
	xmlNodePtr	 t, row;
	char		 a[8];
	int		 i, j;

	t = xml_el(r->root, "bystate", NULL);
	for (i = 0; i < ST_STATES; i++) {
		row = xml_el(t, "row", NULL);
		xml_attr(row, "state", aq_states[i]);
		xml_attr(row, "name", aq_state_names[i]);
		for (j = 0; j < ST_LEVELS; j++) {
			snprintf(a, sizeof(a), "l%d", j);
			xml_attrf(row, a, "%lld", d->cube[0][i][j]);
		}
		xml_attrf(row, "n", "%lld", st_sum(d->cube[0], i, -1));
		if (d->prev > 0)
			xml_attrf(row, "p", "%lld", st_sum(d->cube[1], i, -1));
	}
	t = xml_el(r->root, "bylevel", NULL);
	for (j = ST_LEVELS - 1; j >= 0; j--) {
		row = xml_el(t, "row", NULL);
		xml_attrf(row, "level", "%d", j);
		xml_attr(row, "name", j > 0 ? xml_level_name(j) : "未选择等级");
		xml_attrf(row, "n", "%lld", st_sum(d->cube[0], -1, j));
		if (d->prev > 0)
			xml_attrf(row, "p", "%lld", st_sum(d->cube[1], -1, j));
	}
}

/* <NAME> with the rows of t. */
static void
st_table_xml(struct req *r, const char *name, const struct st_table *t,
    int prev)
{
	xmlNodePtr	 e, row;
	size_t		 i;

	e = xml_el(r->root, name, NULL);
	for (i = 0; i < t->nrows; i++) {
		row = xml_el(e, "row", NULL);
		xml_attr(row, "code", t->rows[i].key);
		xml_attr(row, "name", t->rows[i].name);
		xml_attrf(row, "n", "%lld", t->rows[i].n);
		if (prev)
			xml_attrf(row, "p", "%lld", t->rows[i].p);
	}
}

/* The first ST_UNITS_PAGE units of year into d->units.  Returns 0, -1. */
static int
st_read_units(struct req *r, struct st_data *d)
{
	struct st_row	*row;
	char		*code, *name;
	long long	 n;
	int		 k;

	if (st_run(r, ST_UNIT, d->year, ST_UNITS_PAGE) == -1)
		return -1;
	while ((k = db_row(r, st_stmts[st_all(r)][ST_UNIT], &code, &name,
	    &n)) == 1)
		if ((row = st_find(&d->units, code, name)) != NULL)
			row->n = n;
	return k == -1 ? -1 : 0;
}

/* <byunit>: the units with the most applications. */
static void
st_units_xml(struct req *r, const struct st_data *d)
{
	xmlNodePtr	 e, row;
	size_t		 i;

	e = xml_el(r->root, "byunit", NULL);
	xml_attrf(e, "limit", "%d", ST_UNITS_PAGE);
	for (i = 0; i < d->units.nrows; i++) {
		row = xml_el(e, "row", NULL);
		xml_attr(row, "code", d->units.rows[i].key);
		xml_attr(row, "name", d->units.rows[i].name);
		xml_attrf(row, "n", "%lld", d->units.rows[i].n);
	}
}

/* A text of at most ST_SNAP_MAX bytes, appended to (st_put). */
struct st_text {
	char	*b;
	size_t	 n;
	int	 full;		/* something did not fit */
};

/* Appends a printf-formatted line to t. */
static void __attribute__((format(printf, 2, 3)))
st_put(struct st_text *t, const char *fmt, ...)
{
	va_list	 ap;
	int	 k;

	if (t->full)
		return;
	va_start(ap, fmt);
	k = vsnprintf(t->b + t->n, ST_SNAP_MAX - t->n, fmt, ap);
	va_end(ap);
	if (k < 0 || (size_t)k >= ST_SNAP_MAX - t->n)
		t->full = 1;
	else
		t->n += (size_t)k;
}

/* Appends table tb as lines "TAG\tkey\tname\tn\tp". */
static void
st_encode_table(struct st_text *t, char tag, const struct st_table *tb)
{
	size_t	 i;

	for (i = 0; i < tb->nrows; i++)
		st_put(t, "%c\t%s\t%s\t%lld\t%lld\n", tag, tb->rows[i].key,
		    tb->rows[i].name, tb->rows[i].n, tb->rows[i].p);
}

/*
 * d as text for the snapshot: "c\tYEARINDEX\tSTATE\tLEVEL\tN" for each
 * count of the cube that is not 0, then the rows of the tables.  Names
 * hold no tab or line break (unit and work type names are checked
 * text).  Returns its length, or 0 when it does not fit.
 */
static size_t
st_encode(struct req *r, const struct st_data *d, char **out)
{
	struct st_text	 t = { pool_alloc(r->pool, ST_SNAP_MAX), 0, 0 };
	int		 y, i, j;

	for (y = 0; y < 2; y++)
		for (i = 0; i < ST_STATES; i++)
			for (j = 0; j < ST_LEVELS; j++)
				if (d->cube[y][i][j] != 0)
					st_put(&t, "c\t%d\t%d\t%d\t%lld\n", y, i,
					    j, d->cube[y][i][j]);
	st_encode_table(&t, 'w', &d->wt);
	st_encode_table(&t, 'r', &d->region);
	st_encode_table(&t, 'u', &d->units);
	*out = t.b;
	return t.full ? 0 : t.n;
}

/* Reads the text of st_encode (in len bytes of s) back into d. */
static void
st_decode(struct req *r, const unsigned char *s, size_t len,
    struct st_data *d)
{
	struct st_row	*row;
	struct st_table	*t;
	char		*text, *line, *f[5];
	int		 i;

	text = pool_alloc(r->pool, len + 1);
	memcpy(text, s, len);
	text[len] = '\0';
	while ((line = strsep(&text, "\n")) != NULL && *line != '\0') {
		for (i = 0; i < 5; i++)
			if ((f[i] = strsep(&line, "\t")) == NULL)
				break;
		if (i < 5)
			continue;
		if (*f[0] == 'c') {
			if (atoi(f[1]) >= 0 && atoi(f[1]) < 2 && atoi(f[2]) >= 0 &&
			    atoi(f[2]) < ST_STATES && atoi(f[3]) >= 0 &&
			    atoi(f[3]) < ST_LEVELS)
				d->cube[atoi(f[1])][atoi(f[2])][atoi(f[3])] =
				    strtoll(f[4], NULL, 10);
			continue;
		}
		t = *f[0] == 'w' ? &d->wt : *f[0] == 'r' ? &d->region :
		    &d->units;
		if ((row = st_find(t, f[1], f[2])) == NULL)
			continue;
		row->n = strtoll(f[3], NULL, 10);
		row->p = strtoll(f[4], NULL, 10);
	}
}

/*
 * The counts of the page: a snapshot of the account's unit and year
 * younger than STATS_TTL seconds, kept in stats_snapshot and shared by
 * every worker; else counted again by one worker (GET_LOCK) while the
 * others show the last one, however old (counting a province takes a
 * second or more on a busy server).  Returns 0, or -1 (database).
 */
static int
st_counts(struct req *r, struct st_data *d)
{
	unsigned char	*body = NULL;
	char		*made, *lock, *text;
	size_t		 len = 0, tl;
	long long	 fresh = 0, got = 0;
	int		 k;

	if (db_run(r, STMT_ST_SNAP_GET, (long long)STATS_TTL, r->unit_id,
	    d->year) == -1 ||
	    (k = db_row(r, STMT_ST_SNAP_GET, &fresh, &made, &body, &len)) == -1)
		return -1;
	if (k == 1) {
		db_done(r, STMT_ST_SNAP_GET);
		snprintf(d->made, sizeof(d->made), "%s", made);
	}
	lock = pool_printf(r->pool, "gkbm-stats-%lld-%lld", r->unit_id,
	    d->year);
	if (k == 1 && !fresh) {
		if (db_run(r, STMT_ST_LOCK, lock) == -1 ||
		    db_row(r, STMT_ST_LOCK, &got) == -1)
			return -1;
		db_done(r, STMT_ST_LOCK);
	}
	if (k == 1 && (fresh || !got)) {
		st_decode(r, body, len, d);
		return 0;
	}
	if (st_read(r, d) == -1 || st_read_units(r, d) == -1)
		return -1;
	if ((tl = st_encode(r, d, &text)) > 0 && db_run(r, STMT_ST_SNAP_PUT,
	    r->unit_id, d->year, text, tl) == -1)
		return -1;
	snprintf(d->made, sizeof(d->made), "%s", "");
	if (got && (db_run(r, STMT_ST_UNLOCK, lock) == -1 ||
	    db_row(r, STMT_ST_UNLOCK, &got) == -1))
		return -1;
	if (got)
		db_done(r, STMT_ST_UNLOCK);
	return 0;
}

/* GET /admin/stats?year= */
enum rc
h_stats(struct req *r)
{
	static struct st_data	 d;	/* 30 KB: not on the stack */
	xmlNodePtr		 t;

	xml_page(r, PAGE_STATS);
	xml_form(r, "/admin/stats");
	field_xml(r);
	if (r->fields_bad) {
		xml_form_message(r, r->fv[0].err);
		r->status = 400;
		return RC_OK;
	}
	st_years(r, &d);
	if (st_counts(r, &d) == -1)
		return RC_DB;
	st_units_xml(r, &d);
	xml_attrf(r->root, "year", "%lld", d.year);
	if (*d.made != '\0')
		xml_attr(r->root, "counted", d.made);
	if (d.prev > 0)
		xml_attrf(r->root, "prev", "%lld", d.prev);
	xml_attr(r->root, "scope", st_all(r) ? "全省" :
	    r->unit_name != NULL ? r->unit_name : "");
	t = xml_el(r->root, "total", NULL);
	xml_attrf(t, "n", "%lld", st_sum(d.cube[0], -1, -1));
	if (d.prev > 0)
		xml_attrf(t, "p", "%lld", st_sum(d.cube[1], -1, -1));
	st_state_xml(r, &d);
	st_table_xml(r, "byworktype", &d.wt, d.prev > 0);
	if (r->role == ROLE_PROVINCE || r->role == ROLE_CITY)
		st_table_xml(r, "byregion", &d.region, d.prev > 0);
	xml_attr(xml_el(r->root, "export", NULL), "action",
	    "/admin/stats.xlsx");
	return RC_OK;
}

/* The sheet of state x level. */
static int
st_sheet_state(struct xlsx *x, struct st_data *d)
{
	static const struct xlsx_col cols[] = {
		{ "报名状态", 14, XC_TEXT }, { "一级", 10, XC_NUM },
		{ "二级", 10, XC_NUM }, { "三级", 10, XC_NUM },
		{ "四级", 10, XC_NUM }, { "五级", 10, XC_NUM },
		{ "未选择等级", 12, XC_NUM }, { "合计", 10, XC_NUM },
		{ "上一年度合计", 14, XC_NUM },
	};
	const char	*cells[9];
	char		 b[9][24];
	int		 i, j;

	if (xlsx_sheet(x, "状态与等级", cols, d->prev > 0 ? 9 : 8) == -1)
		return -1;
	for (i = 0; i <= ST_STATES; i++) {
		cells[0] = i < ST_STATES ? aq_state_names[i] : "合计";
		for (j = 1; j <= 6; j++) {
			snprintf(b[j], sizeof(b[j]), "%lld",
			    st_sum(d->cube[0], i < ST_STATES ? i : -1, j % 6));
			cells[j] = b[j];
		}
		snprintf(b[7], sizeof(b[7]), "%lld", st_sum(d->cube[0],
		    i < ST_STATES ? i : -1, -1));
		snprintf(b[8], sizeof(b[8]), "%lld", st_sum(d->cube[1],
		    i < ST_STATES ? i : -1, -1));
		cells[7] = b[7];
		cells[8] = b[8];
		if (xlsx_row(x, cells) == -1)
			return -1;
	}
	return 0;
}

/* A sheet of a table t (first column's title head). */
static int
st_sheet_table(struct xlsx *x, const char *sheet, const char *head,
    const struct st_table *t, int prev)
{
	const struct xlsx_col cols[] = {
		{ "代码", 10, XC_TEXT }, { head, 30, XC_TEXT },
		{ "报名人数", 12, XC_NUM }, { "上一年度", 12, XC_NUM },
	};
	const char	*cells[4];
	char		 n[24], p[24];
	size_t		 i;

	if (xlsx_sheet(x, sheet, cols, prev ? 4 : 3) == -1)
		return -1;
	for (i = 0; i < t->nrows; i++) {
		snprintf(n, sizeof(n), "%lld", t->rows[i].n);
		snprintf(p, sizeof(p), "%lld", t->rows[i].p);
		cells[0] = t->rows[i].key;
		cells[1] = t->rows[i].name;
		cells[2] = n;
		cells[3] = p;
		if (xlsx_row(x, cells) == -1)
			return -1;
	}
	return 0;
}

/* The sheet of every unit. */
static int
st_sheet_units(struct req *r, struct xlsx *x, long long year)
{
	static const struct xlsx_col cols[] = {
		{ "单位编码", 16, XC_TEXT }, { "单位名称", 36, XC_TEXT },
		{ "报名人数", 12, XC_NUM },
	};
	const char	*cells[3];
	char		*code, *name, b[24];
	long long	 n;
	int		 k, bad = 0;

	if (xlsx_sheet(x, "按单位", cols, 3) == -1 ||
	    st_run(r, ST_UNIT, year, ST_UNITS_ALL) == -1)
		return -1;
	while ((k = db_row(r, st_stmts[st_all(r)][ST_UNIT], &code, &name,
	    &n)) == 1) {
		snprintf(b, sizeof(b), "%lld", n);
		cells[0] = code;
		cells[1] = name;
		cells[2] = b;
		if (!bad && xlsx_row(x, cells) == -1)
			bad = 1;
	}
	return k == -1 || bad ? -1 : 0;
}

/* Writes every sheet of d into x.  Returns 0 or -1. */
static int
st_sheets(struct req *r, struct xlsx *x, struct st_data *d)
{
	if (st_sheet_state(x, d) == -1 ||
	    st_sheet_table(x, "按工种", "申报工种", &d->wt, d->prev > 0) == -1)
		return -1;
	if ((r->role == ROLE_PROVINCE || r->role == ROLE_CITY) &&
	    st_sheet_table(x, "按地区", "地区", &d->region, d->prev > 0) == -1)
		return -1;
	return st_sheet_units(r, x, d->year);
}

/* GET /admin/stats.xlsx?year= */
enum rc
h_stats_xlsx(struct req *r)
{
	static struct st_data	 d;
	struct xlsx		*x;
	off_t			 size;
	int			 fd;
	enum rc			 rc = RC_OK;

	st_years(r, &d);
	if (st_read(r, &d) == -1)
		return RC_DB;
	if ((x = xlsx_open(NULL)) == NULL)
		return RC_INTERNAL;
	if (st_sheets(r, x, &d) == -1 || xlsx_finish(x, &fd, &size) == -1)
		rc = RC_INTERNAL;
	xlsx_free(x);
	if (rc != RC_OK)
		return rc;
	if (audit(r, "stats.export", pool_printf(r->pool, "year=%lld",
	    d.year), "ok", NULL) == -1) {
		close(fd);
		return RC_DB;
	}
	if (resp_download(r, XLSX_CTYPE, pool_printf(r->pool,
	    "stats-%lld.xlsx", d.year), pool_printf(r->pool,
	    "信息统计_%lld.xlsx", d.year), fd, (long long)size) == -1)
		log_warnx("%s: the export was cut short", __func__);
	close(fd);
	return RC_OK;
}
