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
 * h_notes.c: 市级复核意见 and 省级标记 (002 §1.1.6): the lists for the
 * staff of the applications' chains, and the city's and the province's
 * form (notes.c holds the rules).
 */

#include <string.h>

#include "web.h"
#include "defer.h"

#define MSG_KIND	"请选择市级复核意见（k=city）或省级标记（k=province）。"
#define MSG_ID		"请填写正确的报名编号（详情页地址中的 id）。"
#define MSG_TEXT	"意见应为1至500字，且不能含有控制字符。"

static const char *const kinds[] = { "city", "province", NULL };
static const char *const titles[] = { "市级复核意见", "省级标记记录" };

enum { LF_K };
/* GET /review/notes?k=city|province */
const struct fielddef h_notes_fields[] = {
	{ "k", FT_CHOICE, FL_REQ | FL_QUERY, 0, 0, MSG_KIND, MSG_KIND, kinds,
	  NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum { NF_KIND, NF_ID, NF_TEXT };
/* POST /review/note: csrf, kind, id, text. */
const struct fielddef h_note_fields[] = {
	{ "kind", FT_CHOICE, FL_REQ, 0, 0, MSG_KIND, MSG_KIND, kinds, NULL },
	{ "id", FT_UINT, FL_REQ, 1, 4294967295LL, MSG_ID, MSG_ID, NULL, NULL },
	{ "text", FT_TEXT, FL_REQ | FL_LINES, 1, NOTE_MAX,
	  "请填写意见内容。", MSG_TEXT, NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* True when the account's role writes notes of kind k (0 city, 1 province). */
static int
notes_writer(const struct req *r, int k)
{
	return (k == 0 && r->role == ROLE_CITY) ||
	    (k == 1 && r->role == ROLE_PROVINCE);
}

/* The page of kind k: <notes-page kind title [write]> and the list. */
static enum rc
notes_page(struct req *r, int k)
{
	xml_page(r, PAGE_NOTES);
	xml_attr(r->root, "kind", kinds[k]);
	xml_attr(r->root, "title", titles[k]);
	if (notes_writer(r, k))
		xml_attr(r->root, "write", "1");
	return notes_xml(r, r->root, kinds[k]) == -1 ? RC_DB : RC_OK;
}

/* GET /review/notes?k=city|province */
enum rc
h_notes(struct req *r)
{
	enum rc	 rc;

	if ((rc = notes_page(r, (int)r->fv[LF_K].n)) != RC_OK)
		return rc;
	if (notes_writer(r, (int)r->fv[LF_K].n)) {
		xml_form(r, "/review/note");
		xml_field(r, "kind", kinds[r->fv[LF_K].n]);
	}
	return RC_OK;
}

/*
 * POST /review/note: a city comment or a province mark on application
 * id; refused with the form and its message, nothing stored.
 */
enum rc
h_note_post(struct req *r)
{
	const char	*msg = NULL;
	enum rc		 rc = RC_OK;
	int		 k = r->fv[NF_KIND].err ? 0 : (int)r->fv[NF_KIND].n;

	if (!r->fields_bad)
		msg = notes_add(r, r->fv[NF_ID].n, kinds[k], r->fv[NF_TEXT].s,
		    &rc);
	if (rc != RC_OK)
		return rc;
	if (msg == NULL && !r->fields_bad) {
		resp_redirect(r, pool_printf(r->pool, "/review/notes?k=%s&m=noted",
		    kinds[k]));
		return RC_OK;
	}
	if ((rc = notes_page(r, k)) != RC_OK)
		return rc;
	xml_form(r, "/review/note");
	field_xml(r);
	xml_form_refuse(r, msg != NULL ? msg : "请按提示修改后重新提交，意见没有保存。");
	return RC_OK;
}
