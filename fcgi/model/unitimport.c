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
 * unitimport.c: units and their admins from a spreadsheet (CSV or XLSX,
 * sheet.c), each row made by unit_create() as the form makes one, all in
 * one transaction: one refused row and nothing is stored, and the report
 * says what is wrong with every refused row.  The same file (by its
 * SHA-256) is refused a second time.  Used by POST /admin/units/import
 * and by gkbm-admin import-units.
 */

#include <string.h>

#include <openssl/sha.h>

#include "unit.h"

/* The columns, in order (the template's first row). */
const char *const import_heads[IMPORT_COLS] = {
	"单位代码", "单位名称", "单位类别", "地区代码", "所属主管单位代码",
	"联系电话", "管理员姓名", "管理员手机号",
};
/* The form's field of each column (unit_create's *field). */
static const char *const import_fields[IMPORT_COLS] = {
	"unit_code", "name", "kind", "region", "parent", "phone", "admin_name",
	"admin_phone",
};
/* A kind as the sheet may say it. */
static const struct {
	const char	*word;
	const char	*kind;
} import_kinds[] = {
	{ "基层单位", "basic" },	{ "basic", "basic" },
	{ "主管单位", "supervising" },	{ "supervising", "supervising" },
	{ "县区工考办", "county" },	{ "county", "county" },
	{ "市工考办", "city" },		{ "city", "city" },
};

/* The kind a sheet's word names, or the word itself (refused later). */
static const char *
import_kind(const char *w)
{
	size_t	 i;

	for (i = 0; i < sizeof(import_kinds) / sizeof(import_kinds[0]); i++)
		if (strcmp(import_kinds[i].word, w) == 0)
			return import_kinds[i].kind;
	return *w == '\0' ? "" : "?";
}

/* Whether row is the header row. */
static int
import_is_head(const struct sheet_row *row)
{
	size_t	 i;

	if (row->ncells < IMPORT_COLS)
		return 0;
	for (i = 0; i < IMPORT_COLS; i++)
		if (strcmp(row->cells[i], import_heads[i]) != 0)
			return 0;
	return 1;
}

/* The column of a field name, for the report. */
static const char *
import_column(const char *field)
{
	size_t	 i;

	for (i = 0; field != NULL && i < IMPORT_COLS; i++)
		if (strcmp(import_fields[i], field) == 0)
			return import_heads[i];
	return NULL;
}

/* Makes the unit of row o; field_dbfail ends the import. */
static const char *
import_row(struct req *r, struct import_row *o)
{
	struct unit_in	 in;
	const char	*msg, *field = NULL, *col;

	in.code = o->cells[0];
	in.name = o->cells[1];
	in.kind = import_kind(o->cells[2]);
	in.region = o->cells[3];
	in.parent = o->cells[4];
	in.phone = o->cells[5];
	in.admin_name = o->cells[6];
	in.admin_phone = o->cells[7];
	if (*in.kind == '\0') {
		o->field = import_heads[2];
		return o->msg = "请填写单位类别（基层单位、主管单位、县区工考办或市工考办）。";
	}
	if ((msg = unit_create(r, &in, &o->id, &field)) == NULL ||
	    msg == field_dbfail)
		return msg;
	if (strcmp(in.kind, "?") == 0)
		msg = "单位类别应为基层单位、主管单位、县区工考办或市工考办。";
	col = import_column(field);
	o->field = col;
	o->msg = msg;
	return msg;
}

/* Copies the cells of sheet row s into report row o. */
static void
import_copy(const struct sheet_row *s, struct import_row *o)
{
	size_t	 i;

	memset(o, 0, sizeof(*o));
	o->line = s->line;
	for (i = 0; i < IMPORT_COLS; i++)
		o->cells[i] = i < s->ncells ? s->cells[i] : "";
}

/* Whether the file was imported before: sets rep->msg.  -1: database. */
static int
import_seen(struct req *r, const unsigned char *sum,
    struct import_report *rep)
{
	char		*at;
	long long	 n;
	int		 k;

	if (db_run(r, STMT_SYS_IMPORT_SEEN, sum, (size_t)SHA256_DIGEST_LENGTH)
	    == -1 || (k = db_row(r, STMT_SYS_IMPORT_SEEN, &at, &n)) == -1)
		return -1;
	if (k == 0)
		return 0;
	db_done(r, STMT_SYS_IMPORT_SEEN);
	rep->msg = pool_printf(r->pool, "这个文件已于%s导入过（%lld个单位），"
	    "没有重复导入。", at, n);
	return 1;
}

/* Reads buf into rep's rows; NULL or the message refusing the file. */
static const char *
import_read(struct req *r, const void *buf, size_t len,
    struct import_report *rep)
{
	struct sheet	 sh;
	const char	*msg;
	size_t		 i;

	if ((msg = sheet_read(r->pool, buf, len, &sh)) != NULL)
		return msg;
	if (sh.nrows == 0 || !import_is_head(&sh.rows[0]))
		return "第一行应为表头：单位代码、单位名称、单位类别、地区代码、"
		    "所属主管单位代码、联系电话、管理员姓名、管理员手机号"
		    "（请下载模板填写）。";
	if (sh.nrows == 1)
		return "文件中除表头外没有单位。";
	rep->rows = pool_calloc(r->pool, sh.nrows, sizeof(*rep->rows));
	for (i = 1; i < sh.nrows; i++)
		import_copy(&sh.rows[i], &rep->rows[rep->nrows++]);
	return NULL;
}

/*
 * Imports the units of the spreadsheet of len bytes at buf for the
 * account of r, in one transaction of its own, into *rep: rep->msg when
 * the file itself is refused, else every row with its message if it was
 * refused (nothing stored then).  Returns NULL, or field_dbfail.
 */
const char *
import_units(struct req *r, const void *buf, size_t len,
    struct import_report *rep)
{
	unsigned char	 sum[SHA256_DIGEST_LENGTH];
	const char	*msg;
	size_t		 i;
	int		 k;

	memset(rep, 0, sizeof(*rep));
	if ((rep->msg = import_read(r, buf, len, rep)) != NULL)
		return NULL;
	SHA256(buf, len, sum);
	if ((k = import_seen(r, sum, rep)) != 0)
		return k == -1 ? field_dbfail : NULL;
	if (db_begin(r) == -1)
		return field_dbfail;
	for (i = 0; i < rep->nrows; i++) {
		if ((msg = import_row(r, &rep->rows[i])) == field_dbfail)
			goto fail;
		if (msg != NULL)
			rep->nbad++;
	}
	if (rep->nbad > 0) {
		db_rollback(r);
		return NULL;
	}
	if (db_run(r, STMT_SYS_IMPORT_ADD, sum, (size_t)SHA256_DIGEST_LENGTH,
	    r->account_id, (long long)rep->nrows) == -1 ||
	    audit(r, "unit.import", "units", "ok", pool_printf(r->pool,
	    "%zu units", rep->nrows)) == -1 || db_commit(r) == -1)
		goto fail;
	rep->stored = 1;
	return NULL;
fail:
	db_rollback(r);
	return field_dbfail;
}
