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
 * h_formpdf.c: 打印报名表 from 详情, an application's registration form
 * as PDF for staff of its chain (the visibility of 详情), audited
 */

#include "web.h"

enum { FF_ID };

const struct fielddef h_review_form_fields[] = {
	[FF_ID] = { "id", FT_UINT, FL_REQ | FL_QUERY, 1, 4294967295LL,
	    "请从详情页面打印报名表（缺少报名序号）。",
	    "报名序号应为正整数，请从详情页面打印报名表。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* GET /review/form.pdf?id=N */
enum rc
h_review_form(struct req *r)
{
	return appprint_staff(r, r->fv[FF_ID].n);
}
