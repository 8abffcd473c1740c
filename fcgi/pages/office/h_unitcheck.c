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
 * h_unitcheck.c: 单位名称核对 (003 §三(一), unitcheck.c): a supervising
 * unit's names, corrected and confirmed inside the window 单位名称核对
 * (时间设置); the offices' view of who has confirmed.
 */

#include <string.h>

#include "web.h"
#include "entry.h"

#define W_WHAT		"不能修改或确认单位名称。"

/* The fields of GET /admin/unitcheck (offices: filter, page, one unit). */
enum { UF_K, UF_UNIT, UF_PAGE };
static const char *const uc_filters[] = { "all", "done", "todo", NULL };
const struct fielddef h_unitcheck_fields[] = {
	[UF_K] = { "k", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "查询条件不正确：请选择全部、已核对或未核对。", uc_filters, NULL },
	[UF_UNIT] = { "unit", FT_UINT, FL_QUERY, 1, 4294967295LL, NULL,
	    "查询条件不正确：主管单位编号应为正整数。", NULL, NULL },
	[UF_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 1000000, NULL,
	    "查询条件不正确：页码应为正整数。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * The supervising unit's page: the window, its confirmation, its units
 * and (open) the form.  *open says whether the window is open.
 */
static enum rc
uc_own_page(struct req *r, int *open)
{
	xml_page(r, PAGE_UNITCHECK);
	xml_attr(r->root, "view", "supervising");
	if (year_window(r, r->root, "unitcheck", open) == -1 ||
	    unitcheck_state_xml(r, r->root, r->unit_id) == -1 ||
	    unitcheck_units_xml(r, r->root, r->unit_id) == -1)
		return RC_DB;
	xml_form(r, "/admin/unitcheck/name");
	return RC_OK;
}

/* The office's page: the window, the summary and list, or one unit. */
static enum rc
uc_office_page(struct req *r)
{
	const struct fval	*fv = r->fv;
	int			 k;

	xml_page(r, PAGE_UNITCHECK);
	xml_attr(r->root, "view", "office");
	if (year_window(r, r->root, "unitcheck", NULL) == -1)
		return RC_DB;
	if (*fv[UF_UNIT].s != '\0') {
		if ((k = unitcheck_office_unit(r, r->root, fv[UF_UNIT].n)) == -1)
			return RC_DB;
		return k == 0 ? RC_NOTFOUND : RC_OK;
	}
	xml_form(r, "/admin/unitcheck");	/* the filter, kept by the pager */
	if (*fv[UF_K].s != '\0')
		xml_field(r, "k", fv[UF_K].s);
	if (unitcheck_office_xml(r, r->root, *fv[UF_K].s ? (int)fv[UF_K].n : 0,
	    *fv[UF_PAGE].s ? fv[UF_PAGE].n : 1) == -1)
		return RC_DB;
	return RC_OK;
}

/* A POST outside the window: refused, naming the window and its dates. */
static enum rc
uc_closed(struct req *r)
{
	const char	*msg;

	if ((msg = year_window_refuse(r, "unitcheck", W_WHAT)) == field_dbfail)
		return RC_DB;
	xml_form_refuse(r, msg != NULL ? msg : "单位名称核对时间已变化，请重新提交。");
	return RC_OK;
}

/* GET /admin/unitcheck (h_unitcheck_fields; supervising, offices) */
enum rc
h_unitcheck(struct req *r)
{
	int	 open;

	if (r->role == ROLE_SUPERVISING)
		return uc_own_page(r, &open);
	return uc_office_page(r);
}

/* The fields of POST /admin/unitcheck/name. */
enum { NF_ID, NF_NAME };
const struct fielddef h_unitcheck_name_fields[] = {
	[NF_ID] = { "id", FT_UINT, FL_REQ, 1, 4294967295LL, "请选择要修改名称的单位。",
	    "请选择要修改名称的单位。", NULL, NULL },
	[NF_NAME] = { "name", FT_TEXT, FL_REQ, 2, 50, "请输入单位名称。",
	    "单位名称应为2至50个字，不含无法识别的字符。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* POST /admin/unitcheck/name (supervising): correct one unit's name. */
enum rc
h_unitcheck_name(struct req *r)
{
	const char	*msg;
	enum rc		 rc;
	int		 open;

	if ((rc = uc_own_page(r, &open)) != RC_OK)
		return rc;
	if (!open)
		return uc_closed(r);
	field_xml(r);
	if (r->form_bad) {
		xml_form_message(r, "名称未修改，请按提示修改后重新提交。");
		return RC_OK;
	}
	if ((msg = unitcheck_rename(r, r->fv[NF_ID].n,
	    r->fv[NF_NAME].s)) == field_dbfail)
		return RC_DB;
	if (msg != NULL) {
		xml_form_refuse(r, msg);
		return RC_OK;
	}
	resp_redirect(r, "/admin/unitcheck?m=renamed");
	return RC_OK;
}

/* The field of POST /admin/unitcheck/confirm. */
static const char *const uc_actions[] = { "confirm", "undo", NULL };
const struct fielddef h_unitcheck_confirm_fields[] = {
	{ "action", FT_CHOICE, FL_REQ, 0, 0, "请选择确认或撤销确认。",
	    "请选择确认或撤销确认。", uc_actions, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* POST /admin/unitcheck/confirm (supervising): 确认名称已核对, or undo. */
enum rc
h_unitcheck_confirm(struct req *r)
{
	const char	*msg;
	enum rc		 rc;
	int		 open;

	if ((rc = uc_own_page(r, &open)) != RC_OK)
		return rc;
	xml_attr(r->form, "action", "/admin/unitcheck/confirm");
	if (!open)
		return uc_closed(r);
	field_xml(r);
	if (r->form_bad) {
		xml_form_message(r, r->fv[0].err);
		return RC_OK;
	}
	if ((msg = unitcheck_confirm(r, (int)r->fv[0].n)) == field_dbfail)
		return RC_DB;
	if (msg != NULL) {
		xml_form_refuse(r, msg);
		return RC_OK;
	}
	resp_redirect(r, r->fv[0].n == 0 ? "/admin/unitcheck?m=unitchecked" :
	    "/admin/unitcheck?m=unitundone");
	return RC_OK;
}
