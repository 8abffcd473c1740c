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
 * h_entry.c: 补报 and 破格/一线 (002 §3.1, entry.c): the list of the
 * candidates the offices of the subtree entered this year, and the form
 * of 添加补报人员 / 添加破格人员, inside the registration window.
 */

#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "entry.h"

#define W_WHAT		"不能添加补报或破格人员。"

static const char *const entry_kinds[] = { "late", "exceptional", NULL };

/* The fields of GET /admin/entry: the form to show, the list's filter. */
enum { EF_ADD, EF_K, EF_PAGE };
const struct fielddef h_entry_fields[] = {
	[EF_ADD] = { "add", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "请选择添加补报人员或添加破格人员。", entry_kinds, NULL },
	[EF_K] = { "k", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "查询条件不正确：请选择补报或破格。", entry_kinds, NULL },
	[EF_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 1000000, NULL,
	    "查询条件不正确：页码应为正整数。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * The page: the registration window, the list (filter k, page) and,
 * when kind is not NULL, the form of that kind with the units and
 * levels.  *open says whether the window is open.
 */
static enum rc
entry_page(struct req *r, const char *kind, const char *k, long long page,
    int *open)
{
	xml_page(r, PAGE_ENTRY);
	if (year_window(r, r->root, "registration", open) == -1 ||
	    entry_list_xml(r, r->root, k, page) == -1)
		return RC_DB;
	if (kind == NULL)
		return RC_OK;
	if (entry_units_xml(r, r->root) == -1)
		return RC_DB;
	xml_levels(r->root);
	xml_form(r, "/admin/entry");
	xml_attr(r->form, "kind", kind);
	xml_attr(r->form, "kind-name", entry_kind_name(kind));
	return RC_OK;
}

/* GET /admin/entry?add=&k=&page= (h_entry_fields; offices) */
enum rc
h_entry(struct req *r)
{
	const struct fval	*fv = r->fv;
	int			 open;

	return entry_page(r, *fv[EF_ADD].s ? fv[EF_ADD].s : NULL, fv[EF_K].s,
	    *fv[EF_PAGE].s ? fv[EF_PAGE].n : 1, &open);
}

/* The fields of POST /admin/entry: the entry's, then the person's. */
enum { PF_KIND, PF_UNIT, PF_LEVEL, PF_REASON, PF_PERSON };
const struct fielddef h_entry_post_fields[] = {
	[PF_KIND] = { "kind", FT_CHOICE, FL_REQ, 0, 0, "请选择补报或破格（一线）。",
	    "请选择补报或破格（一线）。", entry_kinds, NULL },
	[PF_UNIT] = { "unit", FT_TEXT, FL_REQ, 1, 32, "请输入考生所在单位的单位代码。",
	    "单位代码不正确，请从列表中选择本辖区的单位。", NULL, NULL },
	[PF_LEVEL] = { "level", FT_UINT, FL_REQ, 1, 5, "请选择申报等级。",
	    "请选择申报等级。", NULL, NULL },
	[PF_REASON] = { "reason", FT_TEXT, FL_REQ, 2, 200, "请填写补报或破格的原因。",
	    "原因应为2至200个字，不含无法识别的字符。", NULL, NULL },
	[PF_PERSON] = PERSON_FIELDS,
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * The ID-card photo of the form, decoded and encoded again into *jpg
 * (freed with the request).  Adds its error; returns 0, or -1 when
 * missing or refused.
 */
static int
entry_photo(struct req *r, unsigned char **jpg, size_t *len)
{
	const struct field	*f = form_field(&r->body, "idcard");
	const char		*msg;

	if (f == NULL || f->filename == NULL || f->len == 0) {
		xml_field_error(r, "idcard", "请选择考生的身份证照片。");
		return -1;
	}
	if ((msg = person_idcard((const unsigned char *)f->value, f->len, jpg,
	    len)) != NULL) {
		xml_field_error(r, "idcard", msg);
		return -1;
	}
	pool_cleanup(r->pool, free, *jpg);
	return 0;
}

/*
 * Every check of an entry: the fields, the unit in the subtree, the
 * person as registration checks him, the photo.  Fills e.  Returns 0,
 * or -1 on a database failure.
 */
static int
entry_check(struct req *r, struct entry_new *e, struct person *p,
    unsigned char **jpg)
{
	const struct fval	*fv = r->fv;
	char			*region = NULL;
	int			 k;

	if (fv[PF_UNIT].err == NULL) {
		if ((k = entry_unit(r, fv[PF_UNIT].s, &e->unit_id,
		    &region)) == -1)
			return -1;
		if (k == 0)
			xml_field_error(r, "unit", "本辖区内没有该单位代码的单位，"
			    "请从列表中选择。");
	}
	person_check(r, &fv[PF_PERSON], p);
	if (person_taken(r, p, fv[PF_PERSON + PERSON_PHONE].s) == -1)
		return -1;
	(void)entry_photo(r, jpg, &e->jpg_len);
	e->kind = fv[PF_KIND].s;
	e->region = region;
	e->p = p;
	e->name = fv[PF_PERSON + PERSON_NAME].s;
	e->phone = fv[PF_PERSON + PERSON_PHONE].s;
	e->reason = fv[PF_REASON].s;
	e->level = fv[PF_LEVEL].n;
	e->jpg = *jpg;
	return 0;
}

/* POST /admin/entry (multipart; offices): 添加补报人员, 添加破格人员. */
enum rc
h_entry_post(struct req *r)
{
	struct entry_new	 e;
	struct person		 p;
	unsigned char		*jpg = NULL;
	const char		*kind, *msg;
	enum rc			 rc;
	int			 open, k;

	kind = r->fv[PF_KIND].err == NULL ? r->fv[PF_KIND].s : "late";
	if ((rc = entry_page(r, kind, "", 1, &open)) != RC_OK)
		return rc;
	field_xml(r);
	if (!open) {
		if ((msg = year_window_refuse(r, "registration",
		    W_WHAT)) == field_dbfail)
			return RC_DB;
		xml_form_refuse(r, msg != NULL ? msg : "注册报名时间已变化，请重新提交。");
		return RC_OK;
	}
	memset(&e, 0, sizeof(e));
	memset(&p, 0, sizeof(p));
	if (entry_check(r, &e, &p, &jpg) == -1)
		return RC_DB;
	if (r->form_bad) {
		xml_form_message(r, "未添加，请按提示修改后重新提交。");
		return RC_OK;
	}
	if ((k = entry_add(r, &e)) == -1)
		return RC_DB;
	if (k == 0)		/* taken meanwhile: the message at idno */
		return RC_OK;
	resp_redirect(r, strcmp(e.kind, "late") == 0 ? "/admin/entry?m=entered" :
	    "/admin/entry?m=entered_exc");
	return RC_OK;
}
