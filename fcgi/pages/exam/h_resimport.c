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
 * h_resimport.c: 成绩导入与公布 (issue 10 §5): a city office imports the
 * results file of its own exam region, the province that of 省直 or of
 * any region (resimport.c: all or nothing, every refused row with its
 * reason); the template (XLSX); the exam regions with their counts and
 * publication; POST /admin/results/publish (result.c res_publish).
 */

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "result.h"
#include "xlsx.h"

/* <regions>: the exam regions of the year the account imports for. */
static int
resimport_regions(struct req *r)
{
	xmlNodePtr	 l, n;
	char		*code, *name, *pub;
	long long	 seated, results;
	int		 k;

	l = xml_el(r->root, "regions", NULL);
	if (db_run(r, STMT_RES_REGIONS, r->unit_id, (long long)r->year) == -1)
		return -1;
	while ((k = db_row(r, STMT_RES_REGIONS, &code, &name, &seated,
	    &results, &pub)) == 1) {
		n = xml_el(l, "region", NULL);
		xml_attr(n, "code", code);
		xml_attr(n, "name", name);
		xml_attrf(n, "seated", "%lld", seated);
		xml_attrf(n, "results", "%lld", results);
		if (*pub != '\0')
			xml_attr(n, "published", pub);
	}
	return k == -1 ? -1 : 0;
}

/* The page; its form is the one posted (action). */
static enum rc
resimport_page(struct req *r, const char *action)
{
	xmlNodePtr	 cols;
	size_t		 i;

	xml_page(r, PAGE_RESIMPORT);
	xml_attrf(r->root, "year", "%d", r->year);
	xml_attrf(r->root, "max-rows", "%d", SHEET_MAX_ROWS);
	if (r->role == ROLE_CITY && r->unit_region != NULL)
		xml_attr(r->root, "region", r->unit_region);
	cols = xml_el(r->root, "columns", NULL);
	for (i = 0; i < RESIMP_COLS; i++)
		xml_el(cols, "column", resimp_heads[i]);
	xml_form(r, action);
	return RC_OK;
}

/* The end of each answer: the regions as they are now. */
static enum rc
resimport_done(struct req *r)
{
	return resimport_regions(r) == -1 ? RC_DB : RC_OK;
}

/* GET /admin/results/import */
enum rc
h_resimport_form(struct req *r)
{
	enum rc	 rc;

	if ((rc = resimport_page(r, "/admin/results/import")) != RC_OK)
		return rc;
	return resimport_done(r);
}

/* <report rows bad stored> with its rows (the refused ones only when
 * some were refused). */
static void
resimport_report_xml(struct req *r, const struct resimp_report *rep)
{
	const struct resimp_row	*o;
	xmlNodePtr		 rp, row;
	size_t			 i, j;

	rp = xml_el(r->root, "report", NULL);
	xml_attrf(rp, "rows", "%zu", rep->nrows);
	xml_attrf(rp, "bad", "%zu", rep->nbad);
	xml_attr(rp, "stored", rep->stored ? "1" : "0");
	for (i = 0; i < rep->nrows; i++) {
		o = &rep->rows[i];
		if (rep->nbad > 0 && o->msg == NULL)
			continue;
		if (rep->nbad == 0 && i >= 200)
			break;		/* a stored file: its first rows */
		row = xml_el(rp, "row", NULL);
		xml_attrf(row, "line", "%zu", o->line);
		if (o->msg != NULL) {
			xml_attr(row, "error", o->msg);
			if (o->column != NULL)
				xml_attr(row, "column", o->column);
		}
		for (j = 0; j < RESIMP_COLS; j++)
			xml_el(row, "cell", o->cells[j]);
	}
}

/* The region of the form: the city's own, else as chosen. */
static const char *
resimport_region(struct req *r)
{
	const char	*v = form_get(&r->body, "region");

	if ((v == NULL || *v == '\0') && r->role == ROLE_CITY)
		v = r->unit_region;
	if (v != NULL)
		xml_field(r, "region", v);
	return v != NULL ? v : "";
}

/* POST /admin/results/import (multipart: csrf, region, file) */
enum rc
h_resimport(struct req *r)
{
	struct resimp_report	 rep;
	const struct field	*f;
	const char		*region;
	enum rc			 rc;

	if ((rc = resimport_page(r, "/admin/results/import")) != RC_OK)
		return rc;
	region = resimport_region(r);
	f = form_field(&r->body, "file");
	if (f == NULL || f->filename == NULL || *f->filename == '\0') {
		xml_field_error(r, "file", "请选择要导入的成绩文件（XLSX或CSV）。");
		xml_form_message(r, "没有收到文件，没有导入任何成绩。");
		return resimport_done(r);
	}
	if (res_import(r, r->year, region, f->filename, f->value, f->len,
	    &rep) != NULL)
		return RC_DB;
	if (rep.msg != NULL) {
		xml_form_refuse(r, pool_printf(r->pool, "%s没有导入任何成绩。",
		    rep.msg));
		return resimport_done(r);
	}
	resimport_report_xml(r, &rep);
	if (rep.nbad > 0) {
		xml_form_refuse(r, pool_printf(r->pool, "共%zu行，其中%zu行有误"
		    "（见下表）。没有导入任何成绩：请改正后重新导入整个文件。",
		    rep.nrows, rep.nbad));
		return resimport_done(r);
	}
	xml_form_message(r, pool_printf(r->pool, "已导入%zu名考生的成绩（公布前"
	    "可重新导入，同一准考证号以最后一次为准）。", rep.nrows));
	return resimport_done(r);
}

/* 公布 cannot be taken back: the office ticks that it checked first. */
enum { PF_REGION, PF_CONFIRM };
static const char *const respublish_yes[] = { "1", NULL };
const struct fielddef h_respublish_fields[] = {
	[PF_REGION] = { "region", FT_TEXT, FL_REQ, 6, 6,
	    "请选择要公布的考试地区。", "考试地区代码应为6位数字。", NULL,
	    field_check_digits },
	[PF_CONFIRM] = { "confirm", FT_CHOICE, FL_REQ, 0, 0,
	    "公布后不能撤回：请先核对成绩和合格线，并勾选“已核对，确认公布”。",
	    "公布后不能撤回：请先核对成绩和合格线，并勾选“已核对，确认公布”。",
	    respublish_yes, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* POST /admin/results/publish (region) */
enum rc
h_respublish(struct req *r)
{
	const char	*msg;
	long long	 n, npass;
	enum rc		 rc;

	if ((rc = resimport_page(r, "/admin/results/publish")) != RC_OK)
		return rc;
	field_xml(r);
	if (r->form_bad) {
		xml_form_message(r, "没有公布，请选择考试地区并勾选确认。");
		return resimport_done(r);
	}
	if (r->year == 0) {
		xml_form_refuse(r, "还没有设置当前报考年度。");
		return resimport_done(r);
	}
	msg = res_publish(r, r->year, r->fv[PF_REGION].s, &n, &npass);
	if (msg == field_dbfail)
		return RC_DB;
	if (msg != NULL) {
		xml_form_refuse(r, msg);
		return resimport_done(r);
	}
	resp_redirect(r, "/admin/results/import?m=published");
	return RC_OK;
}

/* The template's columns. */
static const struct xlsx_col resimport_cols[RESIMP_COLS] = {
	{ "准考证号", 20, XC_TEXT },
	{ "姓名", 12, XC_TEXT },
	{ "理论知识", 10, XC_TEXT },
	{ "操作技能", 10, XC_TEXT },
	{ "缺考", 8, XC_TEXT },
};

/* GET /admin/results/import/template: the header row as XLSX. */
enum rc
h_resimport_template(struct req *r)
{
	struct xlsx	*x;
	off_t		 size;
	int		 fd;

	if ((x = xlsx_open(NULL)) == NULL)
		return RC_INTERNAL;
	if (xlsx_sheet(x, "考核结果", resimport_cols, RESIMP_COLS) == -1 ||
	    xlsx_finish(x, &fd, &size) == -1) {
		xlsx_free(x);
		return RC_INTERNAL;
	}
	if (resp_download(r, XLSX_CTYPE, "results-template.xlsx",
	    "考核结果导入模板.xlsx", fd, (long long)size) == -1)
		log_warnx("%s: the template was cut short", __func__);
	close(fd);
	xlsx_free(x);
	return RC_OK;
}
