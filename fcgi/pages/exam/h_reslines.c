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
 * h_reslines.c: 合格线 (issue 10 §5): the pass lines of the current year
 * per level and work type ('' = every work type of the level without a
 * line of its own), theory and skill 0-100 with one decimal; every
 * office reads them, the province sets them (result.c res_line_set).
 */

#include <string.h>

#include "result.h"

/* <lines> of the current year. */
static int
reslines_xml(struct req *r)
{
	xmlNodePtr	 ls, l;
	char		*wt, *wname, *at, b[8];
	long long	 level, t, s;
	int		 k;

	ls = xml_el(r->root, "lines", NULL);
	if (db_run(r, STMT_RES_LINES, (long long)r->year) == -1)
		return -1;
	while ((k = db_row(r, STMT_RES_LINES, &level, &wt, &wname, &t, &s,
	    &at)) == 1) {
		l = xml_el(ls, "line", NULL);
		xml_attrf(l, "level", "%lld", level);
		xml_attr(l, "level-name", xml_level_name((int)level));
		if (*wt != '\0') {
			xml_attr(l, "worktype", wt);
			xml_attr(l, "worktype-name", wname);
		}
		pass_score_fmt((int)t, b, sizeof(b));
		xml_attr(l, "theory", b);
		pass_score_fmt((int)s, b, sizeof(b));
		xml_attr(l, "skill", b);
		xml_attr(l, "updated", at);
	}
	return k == -1 ? -1 : 0;
}

/* The page: the lines, the levels, the form (the province). */
static enum rc
reslines_page(struct req *r)
{
	xml_page(r, PAGE_RESLINES);
	xml_attrf(r->root, "year", "%d", r->year);
	if (reslines_xml(r) == -1)
		return RC_DB;
	xml_levels(r->root);
	if (r->role == ROLE_PROVINCE)
		xml_form(r, "/admin/results/lines");
	return RC_OK;
}

/* GET /admin/results/lines */
enum rc
h_reslines(struct req *r)
{
	return reslines_page(r);
}

enum { LF_LEVEL, LF_WT, LF_THEORY, LF_SKILL };
const struct fielddef h_reslines_fields[] = {
	[LF_LEVEL] = { "level", FT_TEXT, FL_REQ, 1, 8, "请选择等级。",
	    "等级应为一级至五级（1至5）。", NULL, NULL },
	[LF_WT] = { "worktype", FT_TEXT, 0, 0, 16, NULL,
	    "没有这个工种代码（不填表示该等级的所有工种）。", NULL, NULL },
	[LF_THEORY] = { "theory", FT_TEXT, FL_REQ, 1, 16,
	    "请填写理论知识合格线。", "理论知识合格线应为0至100之间的数，"
	    "最多一位小数，如60或60.5。", NULL, NULL },
	[LF_SKILL] = { "skill", FT_TEXT, FL_REQ, 1, 16,
	    "请填写操作技能合格线。", "操作技能合格线应为0至100之间的数，"
	    "最多一位小数，如60或60.5。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* POST /admin/results/lines (the province) */
enum rc
h_reslines_post(struct req *r)
{
	const struct fval	*fv = r->fv;
	const char		*msg, *field = NULL;
	enum rc			 rc;

	if ((rc = reslines_page(r)) != RC_OK)
		return rc;
	field_xml(r);
	if (r->year == 0) {
		xml_form_refuse(r, "还没有设置当前报考年度。");
		return RC_OK;
	}
	if (!r->form_bad && (msg = res_line_set(r, r->year, fv[LF_LEVEL].s,
	    fv[LF_WT].s, fv[LF_THEORY].s, fv[LF_SKILL].s, &field)) != NULL) {
		if (msg == field_dbfail)
			return RC_DB;
		xml_field_error(r, field != NULL ? field : "level", msg);
	}
	if (r->form_bad) {
		xml_form_message(r, "合格线没有保存，请按提示修改。");
		return RC_OK;
	}
	resp_redirect(r, "/admin/results/lines?m=line_saved");
	return RC_OK;
}
