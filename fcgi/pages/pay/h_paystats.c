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
 * h_paystats.c: 缴费统计 (seed 002 §3.2.4): the payments received (orders
 * PAID) of the office's subtree, counted and summed per unit, per level
 * and per day, with the totals.
 */

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "web.h"
#include "xlsx.h"
#include "payorder.h"

enum { SF_BY };

static const char *const bys[] = { "unit", "level", "day", NULL };
static const char *const by_names[] = { "按单位", "按等级", "按日期" };

/* The filter of GET /admin/pay/stats. */
const struct fielddef h_paystats_fields[] = {
	[SF_BY] = { "by", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "统计方式不正确：请选择按单位、按等级或按日期。", bys, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* Appends a <row key name count yuan> to t and adds to the totals. */
static void
stat_row(xmlNodePtr t, const char *key, const char *name, long long count,
    long long fen, long long *tc, long long *tf)
{
	xmlNodePtr	 row;
	char		 yuan[32];

	row = xml_el(t, "row", NULL);
	xml_attr(row, "key", key);
	xml_attr(row, "name", name);
	xml_attrf(row, "count", "%lld", count);
	xml_attr(row, "yuan", payrule_fen(fen, yuan, sizeof(yuan)));
	*tc += count;
	*tf += fen;
}

/* The rows of grouping by (0 unit, 1 level, 2 day) into t; 0 or -1. */
static int
stat_rows(struct req *r, int by, xmlNodePtr t, long long *tc, long long *tf)
{
	static const enum stmt st[] = { STMT_PW_STAT_UNIT,
	    STMT_PW_STAT_LEVEL, STMT_PW_STAT_DAY };
	char		*key;
	long long	 lv, count, fen;
	int		 k;

	if (db_run(r, st[by], r->unit_id, (long long)r->year) == -1)
		return -1;
	if (by == 1) {
		while ((k = db_row(r, st[by], &lv, &count, &fen)) == 1)
			stat_row(t, pool_printf(r->pool, "%lld", lv),
			    xml_level_name((int)lv) ? xml_level_name((int)lv) :
			    "", count, fen, tc, tf);
	} else {
		while ((k = db_row(r, st[by], &key, &count, &fen)) == 1)
			stat_row(t, key, key, count, fen, tc, tf);
	}
	return k == -1 ? -1 : 0;
}

/* GET /admin/pay/stats?by=unit|level|day: 缴费统计. */
enum rc
h_paystats(struct req *r)
{
	xmlNodePtr	 t, b;
	long long	 tc = 0, tf = 0;
	char		 yuan[32];
	int		 by, i;

	xml_page(r, PAGE_PAYSTATS);
	xml_attrf(r->root, "year", "%d", r->year);
	by = *r->fv[SF_BY].s != '\0' && r->fv[SF_BY].err == NULL ?
	    (int)r->fv[SF_BY].n : 0;
	xml_form(r, "/admin/pay/stats");
	field_xml(r);
	for (i = 0; bys[i] != NULL; i++) {
		b = xml_el(r->root, "by", by_names[i]);
		xml_attr(b, "code", bys[i]);
		if (i == by)
			xml_attr(b, "selected", "1");
	}
	t = xml_el(r->root, "table", NULL);
	xml_attr(t, "by", bys[by]);
	if (r->fields_bad) {
		xml_form_refuse(r, h_paystats_fields[SF_BY].bad);
		return RC_OK;
	}
	if (stat_rows(r, by, t, &tc, &tf) == -1)
		return RC_DB;
	xml_attrf(t, "count", "%lld", tc);
	xml_attr(t, "yuan", payrule_fen(tf, yuan, sizeof(yuan)));
	return RC_OK;
}

/* One sheet of the export: grouping by with its rows and the total. */
static int
xlsx_group(struct req *r, struct xlsx *x, int by)
{
	static const char *const firsts[] = { "单位", "报考等级", "缴费日期" };
	struct xlsx_col	 cols[3] = {
		{ NULL, 30, XC_TEXT }, { "缴费人数", 10, XC_NUM },
		{ "金额（元）", 14, XC_TEXT }
	};
	xmlNodePtr	 t, row;
	xmlChar		*v[3];
	const char	*cells[3];
	long long	 tc = 0, tf = 0;
	char		 yuan[32], cnt[24];
	int		 i, rc = 0;

	cols[0].title = firsts[by];
	t = xml_el(r->root, "table", NULL);
	if (stat_rows(r, by, t, &tc, &tf) == -1)
		return -1;
	if (xlsx_sheet(x, by_names[by], cols, 3) == -1)
		return -1;
	for (row = t->children; row != NULL && rc == 0; row = row->next) {
		v[0] = xmlGetProp(row, (const xmlChar *)"name");
		v[1] = xmlGetProp(row, (const xmlChar *)"count");
		v[2] = xmlGetProp(row, (const xmlChar *)"yuan");
		for (i = 0; i < 3; i++)
			cells[i] = v[i] != NULL ? (const char *)v[i] : "";
		rc = xlsx_row(x, cells);
		for (i = 0; i < 3; i++)
			xmlFree(v[i]);
	}
	snprintf(cnt, sizeof(cnt), "%lld", tc);
	cells[0] = "合计";
	cells[1] = cnt;
	cells[2] = payrule_fen(tf, yuan, sizeof(yuan));
	return rc == 0 ? xlsx_row(x, cells) : -1;
}

/*
 * GET /admin/pay/stats.xlsx: 缴费统计 as a workbook, a sheet per
 * grouping (按单位, 按等级, 按日期) with the totals; audited.
 */
enum rc
h_paystats_xlsx(struct req *r)
{
	struct xlsx	*x;
	off_t		 size;
	int		 fd, by;
	enum rc		 rc = RC_OK;

	xml_page(r, PAGE_PAYSTATS);	/* stat_rows' scratch rows */
	if ((x = xlsx_open(NULL)) == NULL)
		return RC_INTERNAL;
	for (by = 0; by < 3 && rc == RC_OK; by++)
		if (xlsx_group(r, x, by) == -1)
			rc = RC_DB;
	if (rc == RC_OK && xlsx_finish(x, &fd, &size) == -1)
		rc = RC_INTERNAL;
	xlsx_free(x);
	if (rc != RC_OK)
		return rc;
	if (audit(r, "pay.stats.export", pool_printf(r->pool, "year=%d",
	    r->year), "ok", NULL) == -1) {
		close(fd);
		return RC_DB;
	}
	if (resp_download(r, XLSX_CTYPE, pool_printf(r->pool,
	    "pay-stats-%d.xlsx", r->year), pool_printf(r->pool,
	    "缴费统计_%d.xlsx", r->year), fd, (long long)size) == -1)
		log_warnx("%s: the export was cut short", __func__);
	close(fd);
	return RC_OK;
}
