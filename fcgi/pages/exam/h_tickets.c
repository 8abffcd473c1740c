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
 * h_tickets.c: 准考证查询 (seed 002 §1.2.1, issue 10 item 3): the unit
 * admin and every admin above him see and print the tickets of the
 * current year in their subtree (ticketlist.c), filtered by name, ID
 * number, ticket number, work type and level; each row links its own
 * ticket, and /admin/tickets.pdf prints every ticket of the filters, one
 * a page.  A unit or 主管单位 admin only inside the ticket window (seed
 * 002: "开放打印准考证后"); the offices at any time (they hand tickets
 * out and answer for them).  The list masks ID numbers; a printed
 * ticket is one person's and carries his in full.  Each PDF is audited.
 */

#include <ctype.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "appquery.h"
#include "exam.h"
#include "ticket.h"

enum { TQ_NAME, TQ_IDNO, TQ_TICKET, TQ_WT, TQ_LEVEL, TQ_APP, TQ_PAGE };

/* A name as registered. */
static const char *
tickets_check_name(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	return valid_name(v->s) == NULL ? NULL : f->bad;
}

/* A whole ID number. */
static const char *
tickets_check_idno(struct req *r, const struct fielddef *f, struct fval *v)
{
	struct idno	 id;

	(void)r;
	return idno_parse(v->s, &id) == IDNO_OK ? NULL : f->bad;
}

/* A ticket number: 16 digits. */
static const char *
tickets_check_no(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	return strlen(v->s) == 16 && strspn(v->s, "0123456789") == 16 ?
	    NULL : f->bad;
}

const struct fielddef h_tickets_fields[] = {
	[TQ_NAME] = { "name", FT_TEXT, FL_QUERY, 1, 20, NULL,
	    "查询条件不正确：请输入完整的姓名。", NULL, tickets_check_name },
	[TQ_IDNO] = { "idno", FT_TEXT, FL_QUERY, 1, 18, NULL,
	    "查询条件不正确：请输入完整的18位身份证号。", NULL,
	    tickets_check_idno },
	[TQ_TICKET] = { "ticket", FT_TEXT, FL_QUERY, 1, 16, NULL,
	    "查询条件不正确：准考证号为16位数字。", NULL, tickets_check_no },
	[TQ_WT] = { "wt", FT_TEXT, FL_QUERY, 1, 8, NULL,
	    "查询条件不正确：没有这个工种。", NULL, aq_check_wt },
	[TQ_LEVEL] = { "level", FT_UINT, FL_QUERY, 1, 5, NULL,
	    "查询条件不正确：报考等级应为一级至五级。", NULL, NULL },
	[TQ_APP] = { "app", FT_UINT, FL_QUERY, 1, 4294967295LL, NULL,
	    "没有这张准考证。", NULL, NULL },
	[TQ_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 1000000, NULL,
	    "查询条件不正确：页码应为正整数。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* The filters of r->fv into q (no field wrong). */
static void
tickets_read(struct req *r, struct tkquery *q)
{
	const struct fval	*v = r->fv;
	char			 up[24];
	size_t			 i;

	memset(q, 0, sizeof(*q));
	q->me = r->unit_id;
	q->year = r->year;
	q->name = v[TQ_NAME].s;
	q->ticket = v[TQ_TICKET].s;
	q->wt = v[TQ_WT].s;
	q->level = *v[TQ_LEVEL].s != '\0' ? v[TQ_LEVEL].n : 0;
	q->app = *v[TQ_APP].s != '\0' ? v[TQ_APP].n : 0;
	q->page = *v[TQ_PAGE].s != '\0' ? v[TQ_PAGE].n : 1;
	if (*v[TQ_IDNO].s == '\0')
		return;
	for (i = 0; v[TQ_IDNO].s[i] != '\0' && i + 1 < sizeof(up); i++)
		up[i] = (char)toupper((unsigned char)v[TQ_IDNO].s[i]);
	up[i] = '\0';
	pii_mac(r->cfg, "idno", up, q->mac);
	q->byid = 1;
	OPENSSL_cleanse(up, sizeof(up));
}

/*
 * The window's gate: <window> into the page; a unit or 主管单位 admin
 * outside it gets the refusal.  NULL (open), the refusal, or
 * field_dbfail.
 */
static const char *
tickets_gate(struct req *r)
{
	int	 open;

	if (year_window(r, r->root, "ticket", &open) == -1)
		return field_dbfail;
	if (open || (r->role != ROLE_UNIT && r->role != ROLE_SUPERVISING))
		return NULL;
	return year_window_refuse(r, "ticket", "单位管理员暂不能查看和打印"
	    "准考证。");
}

/* The first wrong field's message, or NULL. */
static const char *
tickets_bad(struct req *r)
{
	size_t	 i;

	if (!r->fields_bad)
		return NULL;
	for (i = 0; r->route->fields[i].key != NULL; i++)
		if (r->fv[i].err != NULL)
			return r->fv[i].err;
	return "查询条件不正确。";
}

/* GET /admin/tickets: the filters and a page of tickets. */
enum rc
h_tickets(struct req *r)
{
	struct tkquery	 q;
	xmlNodePtr	 list;
	const char	*msg;
	long long	 total;

	xml_page(r, PAGE_TICKETS);
	xml_attr(r->root, "scope", r->unit_name ? r->unit_name : "");
	xml_levels(r->root);
	xml_form(r, "/admin/tickets");
	field_put(r, r->route->fields, r->fv, TQ_APP);
	if ((msg = tickets_gate(r)) != NULL) {
		if (msg == field_dbfail)
			return RC_DB;
		xml_el(r->root, "refusal", msg);
		return RC_OK;
	}
	if ((msg = tickets_bad(r)) != NULL) {
		xml_form_message(r, msg);
		xml_attr(r->form, "status", "invalid");
		r->status = 400;
		return RC_OK;
	}
	tickets_read(r, &q);
	list = xml_el(r->root, "list", NULL);
	if (tklist_count(r, &q, &total) == -1 ||
	    tklist_page(r, &q, list, total) == -1)
		return RC_DB;
	return RC_OK;
}

/*
 * GET /admin/tickets.pdf: the tickets of the filters (app: one row's
 * own) as one PDF, one ticket a page; refused outside the window for a
 * unit admin, 404 for an app outside his subtree.  Audited first.
 */
enum rc
h_tickets_pdf(struct req *r)
{
	struct tkquery	 q;
	const char	*msg, *scope = r->unit_name ? r->unit_name : "";
	long long	 n;

	xml_page(r, PAGE_TICKETS);
	if ((msg = tickets_gate(r)) != NULL) {
		if (msg == field_dbfail)
			return RC_DB;
		r->message = msg;
		return RC_CONFLICT;
	}
	if ((msg = tickets_bad(r)) != NULL) {
		r->message = msg;
		return RC_BADREQ;
	}
	tickets_read(r, &q);
	if (tklist_count(r, &q, &n) == -1)
		return RC_DB;
	if (q.app != 0 && n == 0) {
		r->message = "没有这张准考证，或它不属于本单位（本辖区）。";
		return RC_NOTFOUND;
	}
	if (audit(r, "ticket.pdf", q.app ? pool_printf(r->pool,
	    "application:%lld", q.app) : pool_printf(r->pool, "unit:%lld",
	    r->unit_id), "ok", pool_printf(r->pool, "%lld tickets", n)) == -1)
		return RC_DB;
	return tklist_pdf(r, &q, n, scope);
}
