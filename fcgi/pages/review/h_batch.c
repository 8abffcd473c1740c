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
 * h_batch.c: POST /review/batch, 勾选审核 and 勾选退回 (seed 004): the
 * ticked rows (ids repeated, each "ID:VERSION") decided one by one, each
 * in its own transaction (decide.c), so each succeeds or fails on its
 * own; the page lists which and why.
 */

#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "decide.h"

#define MAX_BATCH	100	/* rows of one batch */

enum { BF_ACTION, BF_REASON };

/* In the order of enum rv_action: a choice's index is its action. */
static const char *const batch_actions[] = { "pass", "return", NULL };

/* The fields of POST /review/batch besides the repeated ids. */
const struct fielddef h_review_batch_fields[] = {
	[BF_ACTION] = { "action", FT_CHOICE, FL_REQ, 0, 0,
	    "请选择勾选审核（通过）或勾选退回。",
	    "请选择勾选审核（通过）或勾选退回。", batch_actions, NULL },
	[BF_REASON] = { "reason", FT_TEXT, FL_LINES, 0, DEC_REASON_MAX, NULL,
	    "理由最多200个字，且不能含有控制字符。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};


/* Parses "ID:VERSION".  Returns 0, or -1 when it is not that. */
static int
row_parse(struct req *r, const char *v, long long *id, long long *ver)
{
	const char	*colon = strchr(v, ':');
	char		*head;

	if (colon == NULL)
		return -1;
	head = pool_strndup(r->pool, v, (size_t)(colon - v));
	if (valid_uint(head, 1, 4294967295LL, id) == -1 ||
	    valid_uint(colon + 1, 1, 4294967295LL, ver) == -1)
		return -1;
	return 0;
}

/* The sentence of a row's outcome. */
static const char *
row_text(struct req *r, enum dec_rc n, const struct dec_out *o)
{
	switch (n) {
	case DEC_OK:
		return decide_event_name(o->event);
	case DEC_NOTFOUND:
		return "未找到该报名信息，或该报名信息不在本级审核范围内。";
	case DEC_STALE:
		return pool_printf(r->pool, "已被他人处理（%s，%s，%s），本条未改动。",
		    o->last_action ? o->last_action : "已修改",
		    o->last_who ? o->last_who : "", o->last_at ? o->last_at : "");
	case DEC_REFUSED:
		return o->msg;
	default:
		return "系统繁忙，本条未处理，请稍后重试。";
	}
}

/* One ticked row, decided and reported.  Returns 1 when it was applied. */
static int
row_do(struct req *r, xmlNodePtr list, size_t i, const char *v,
    struct decision *d)
{
	static const char *const results[] = {
		"ok", "notfound", "stale", "refused", "error"	/* dec_rc */
	};
	struct dec_out	 o;
	enum dec_rc	 n;
	xmlNodePtr	 row;

	row = xml_el(list, "row", NULL);
	xml_attrf(row, "n", "%zu", i + 1);
	if (row_parse(r, v, &d->app, &d->version) == -1) {
		xml_attr(row, "result", "bad");
		xml_attr(row, "message", "所选报名信息的编号不正确，本条未处理。");
		return 0;
	}
	xml_attrf(row, "id", "%lld", d->app);
	xml_attrf(row, "version", "%lld", d->version);
	n = decide_apply(r, d, &o);
	xml_attr(row, "result", results[n]);
	if (n != DEC_NOTFOUND && n != DEC_DB && o.name != NULL) {
		xml_attr(row, "name", o.name);
		xml_attr(row, "state", o.state);
	}
	xml_attr(row, "message", row_text(r, n, &o));
	return n == DEC_OK;
}

/* The ids posted: their count into *n, NULL-free array of values. */
static const char **
ids_read(struct req *r, size_t *n)
{
	const char	**v;
	size_t		 i;

	v = pool_calloc(r->pool, r->body.nfields + 1, sizeof(*v));
	for (*n = 0, i = 0; i < r->body.nfields; i++)
		if (strcmp(r->body.fields[i].name, "ids") == 0)
			v[(*n)++] = r->body.fields[i].value;
	return v;
}

/* POST /review/batch: the ticked rows, each on its own. */
enum rc
h_review_batch(struct req *r)
{
	const struct fval	*fv = r->fv;
	struct decision		 d;
	const char		**ids;
	xmlNodePtr		 list;
	size_t			 i, n;
	int			 ok = 0;

	xml_page(r, PAGE_DECIDE);
	xml_attr(r->root, "kind", "batch");
	xml_form(r, "/review/batch");
	field_xml(r);
	ids = ids_read(r, &n);
	if (n == 0)
		xml_form_refuse(r, "请先勾选要审核的报名信息。");
	else if (n > MAX_BATCH)
		xml_form_refuse(r, "一次最多勾选100条，请分批审核。");
	if (!r->fields_bad && fv[BF_ACTION].n == RVA_RETURN &&
	    *fv[BF_REASON].s == '\0')
		xml_field_error(r, "reason", "勾选退回时，请选择或填写退回理由。");
	if (r->fields_bad || r->form_bad) {
		xml_form_refuse(r, "审核未完成，报名信息都没有改动：请按提示修改后"
		    "重新提交。");
		return RC_OK;
	}
	memset(&d, 0, sizeof(d));
	d.action = (enum rv_action)fv[BF_ACTION].n;
	d.reason = fv[BF_REASON].s;
	d.defer_note = "";
	list = xml_el(r->root, "results", NULL);
	xml_attr(list, "action", fv[BF_ACTION].s);
	for (i = 0; i < n; i++)
		ok += row_do(r, list, i, ids[i], &d);
	xml_attrf(list, "ok", "%d", ok);
	xml_attrf(list, "failed", "%zu", n - (size_t)ok);
	return RC_OK;
}
