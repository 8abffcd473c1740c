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
 * h_unitimport.c: 批量导入单位: units and their admins from a CSV or XLSX
 * file (unitimport.c), the report of every refused row, and the template.
 */

#include <stdio.h>
#include <string.h>

#include "unit.h"

/* The page, with its upload form. */
static void
import_page(struct req *r)
{
	xmlNodePtr	 cols;
	size_t		 i;

	xml_page(r, PAGE_UNITIMPORT);
	cols = xml_el(r->root, "columns", NULL);
	for (i = 0; i < IMPORT_COLS; i++)
		xml_el(cols, "column", import_heads[i]);
	xml_attrf(r->root, "max-rows", "%d", SHEET_MAX_ROWS);
	xml_form(r, "/admin/units/import");
}

/* GET /admin/units/import */
enum rc
h_unit_import_form(struct req *r)
{
	import_page(r);
	return RC_OK;
}

/* <report rows bad stored> with a <row> per row (refused ones only
 * when some were refused). */
static void
import_report_xml(struct req *r, const struct import_report *rep)
{
	const struct import_row	*o;
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
		row = xml_el(rp, "row", NULL);
		xml_attrf(row, "line", "%zu", o->line);
		if (o->msg != NULL) {
			xml_attr(row, "error", o->msg);
			if (o->field != NULL)
				xml_attr(row, "column", o->field);
		}
		for (j = 0; j < IMPORT_COLS; j++)
			xml_el(row, "cell", o->cells[j]);
	}
}

/* POST /admin/units/import (multipart: csrf, file) */
enum rc
h_unit_import(struct req *r)
{
	struct import_report	 rep;
	const struct field	*f;

	import_page(r);
	f = form_field(&r->body, "file");
	/* A form sent without a file chosen has an empty file name. */
	if (f == NULL || f->filename == NULL || *f->filename == '\0') {
		xml_field_error(r, "file", "请选择要导入的CSV或XLSX文件。");
		xml_form_message(r, "没有收到文件，没有导入任何单位。");
		return RC_OK;
	}
	if (import_units(r, f->value, f->len, &rep) != NULL)
		return RC_DB;
	if (rep.msg != NULL) {
		xml_field_error(r, "file", rep.msg);
		xml_form_message(r, "文件未能导入，没有导入任何单位。");
		return RC_OK;
	}
	import_report_xml(r, &rep);
	if (rep.nbad > 0) {
		xml_form_refuse(r, pool_printf(r->pool, "共%zu行，其中%zu行有误"
		    "（见下表）。没有导入任何单位：请改正后重新导入整个文件。",
		    rep.nrows, rep.nbad));
		return RC_OK;
	}
	xml_form_message(r, pool_printf(r->pool, "已导入%zu个单位。",
	    rep.nrows));
	return RC_OK;
}

/* GET /admin/units/import/template: the header row as a CSV Excel
 * opens (UTF-8 with a BOM). */
enum rc
h_unit_template(struct req *r)
{
	FCGX_Stream	*o = r->fcgx->out;
	size_t		 i;

	r->status = 200;
	r->sent = 1;
	FCGX_FPrintF(o, "Status: 200 OK\r\n"
	    "Content-Type: text/csv; charset=utf-8\r\n"
	    "Content-Disposition: attachment; filename=\"units.csv\"; "
	    "filename*=UTF-8''%%E5%%8D%%95%%E4%%BD%%8D%%E5%%AF%%BC%%E5%%85%%A5"
	    "%%E6%%A8%%A1%%E6%%9D%%BF.csv\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "Cache-Control: no-store\r\n"
	    "X-Request-Id: %s\r\n\r\n\xef\xbb\xbf", r->id);
	for (i = 0; i < IMPORT_COLS; i++)
		FCGX_FPrintF(o, "%s%s", i ? "," : "", import_heads[i]);
	FCGX_PutS("\r\n", o);
	return RC_OK;
}
