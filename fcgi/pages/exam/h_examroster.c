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
 * h_examroster.c: 考生名单 (seed 004 §三; issue 10 item 4) for a city or
 * the province office, of its own exam region (exam_office_region): a
 * site is chosen (the first when none is), then a room and a session or
 * all of them; the page lists the sections (room and session) and their
 * rows, /admin/exam/roster.pdf prints them one section a page
 * (examroster.c).  A site, room or session of another region is refused
 * like one that does not exist.  The PDF is audited.
 */

#include <string.h>

#include "web.h"
#include "exam.h"
#include "ticket.h"

enum { ER_SITE, ER_ROOM, ER_SESS };

const struct fielddef h_examroster_fields[] = {
	[ER_SITE] = { "site", FT_UINT, FL_QUERY, 1, 4294967295LL, NULL,
	    "请选择本地区的考点。", NULL, NULL },
	[ER_ROOM] = { "room", FT_UINT, FL_QUERY, 1, 4294967295LL, NULL,
	    "请选择所选考点的考场。", NULL, NULL },
	[ER_SESS] = { "session", FT_UINT, FL_QUERY, 1, 4294967295LL, NULL,
	    "请选择本地区的场次。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* The office's region, the year and the choice. */
struct erctx {
	char		 region[7];
	char		*region_name;
	long long	 year;
	struct erpick	 k;
	const char	*site_name;
};

/* <sites>: the region's sites; the chosen one (or the first) picked. */
static int
er_sites(struct req *r, struct erctx *c, xmlNodePtr root, int *found)
{
	xmlNodePtr	 ss, s;
	char		*code, *name, *addr;
	long long	 id, nr, seats, taken;
	int		 n;

	ss = xml_el(root, "sites", NULL);
	if (db_run(r, STMT_EXAM_SITES, c->year, c->region) == -1)
		return -1;
	while ((n = db_row(r, STMT_EXAM_SITES, &id, &code, &name, &addr, &nr,
	    &seats, &taken)) == 1) {
		s = xml_el(ss, "site", NULL);
		xml_attrf(s, "id", "%lld", id);
		xml_attr(s, "code", code);
		xml_attr(s, "name", name);
		xml_attr(s, "address", addr);
		xml_attrf(s, "taken", "%lld", taken);
		if (c->k.site == 0 && !*found)
			c->k.site = id;
		if (id == c->k.site) {
			*found = 1;
			c->site_name = name;
			xml_attr(s, "selected", "1");
		}
	}
	return n == -1 ? -1 : 0;
}

/* <rooms>: the chosen site's rooms; *found when c->k.room is one. */
static int
er_rooms(struct req *r, struct erctx *c, xmlNodePtr root, int *found)
{
	xmlNodePtr	 rs, x;
	char		*scode, *code, *name;
	long long	 id, site, cap, taken, high;
	int		 n;

	rs = xml_el(root, "rooms", NULL);
	if (db_run(r, STMT_EXAM_ROOMS, c->year, c->region) == -1)
		return -1;
	while ((n = db_row(r, STMT_EXAM_ROOMS, &id, &site, &scode, &code,
	    &name, &cap, &taken, &high)) == 1) {
		if (site != c->k.site)
			continue;
		x = xml_el(rs, "room", NULL);
		xml_attrf(x, "id", "%lld", id);
		xml_attr(x, "code", code);
		xml_attr(x, "name", name);
		xml_attrf(x, "capacity", "%lld", cap);
		if (id == c->k.room) {
			*found = 1;
			xml_attr(x, "selected", "1");
		}
	}
	return n == -1 ? -1 : 0;
}

/* <sessions>: the region's sessions; *found when c->k.sess is one. */
static int
er_sessions(struct req *r, struct erctx *c, xmlNodePtr root, int *found)
{
	xmlNodePtr	 ss, x;
	char		*code, *starts, *ends;
	long long	 id;
	int		 n;

	ss = xml_el(root, "sessions", NULL);
	if (db_run(r, STMT_EXAM_SESSIONS, c->year, c->region) == -1)
		return -1;
	while ((n = db_row(r, STMT_EXAM_SESSIONS, &id, &code, &starts,
	    &ends)) == 1) {
		x = xml_el(ss, "session", NULL);
		xml_attrf(x, "id", "%lld", id);
		xml_attr(x, "code", code);
		xml_attr(x, "starts", starts);
		xml_attr(x, "ends", ends);
		if (id == c->k.sess) {
			*found = 1;
			xml_attr(x, "selected", "1");
		}
	}
	return n == -1 ? -1 : 0;
}

/* A choice outside the region: its field's error, and the message. */
static const char *
er_refuse(struct req *r, const char *name, int i)
{
	xml_field_error(r, name, h_examroster_fields[i].bad);
	return h_examroster_fields[i].bad;
}

/*
 * The page's frame and the choice: the office's region, its sites,
 * rooms and sessions.  Returns NULL, a refusal (the first wrong field,
 * or a choice outside the region), or field_dbfail.
 */
static const char *
er_load(struct req *r, struct erctx *c)
{
	const struct fval	*v = r->fv;
	int			 n, fs = 0, fr = 0, fe = 0;
	size_t			 i;

	memset(c, 0, sizeof(*c));
	xml_page(r, PAGE_EXAMROSTER);
	if ((n = exam_office_region(r, c->region, &c->region_name)) == -1)
		return field_dbfail;
	if (n == 0)
		return "只有市工考办和省工考办可以打印考生名单。";
	c->year = r->year;
	xml_attr(r->root, "region", c->region);
	xml_attr(r->root, "region-name", c->region_name);
	xml_attrf(r->root, "year", "%lld", c->year);
	xml_form(r, "/admin/exam/roster");
	field_put(r, r->route->fields, r->fv, ER_SESS + 1);
	c->k.site = *v[ER_SITE].s && !v[ER_SITE].err ? v[ER_SITE].n : 0;
	c->k.room = *v[ER_ROOM].s && !v[ER_ROOM].err ? v[ER_ROOM].n : 0;
	c->k.sess = *v[ER_SESS].s && !v[ER_SESS].err ? v[ER_SESS].n : 0;
	if (er_sites(r, c, r->root, &fs) == -1 ||
	    er_rooms(r, c, r->root, &fr) == -1 ||
	    er_sessions(r, c, r->root, &fe) == -1)
		return field_dbfail;
	for (i = 0; i <= ER_SESS; i++)
		if (v[i].err != NULL)
			return v[i].err;
	if (*v[ER_SITE].s && !fs)
		return er_refuse(r, "site", ER_SITE);
	if (c->k.room && !fr)
		return er_refuse(r, "room", ER_ROOM);
	if (c->k.sess && !fe)
		return er_refuse(r, "session", ER_SESS);
	return NULL;
}

/* GET /admin/exam/roster: the choosers and the sections' rows. */
enum rc
h_examroster(struct req *r)
{
	struct erctx	 c;
	const char	*msg;

	if ((msg = er_load(r, &c)) != NULL) {
		if (msg == field_dbfail)
			return RC_DB;
		xml_form_message(r, msg);
		xml_attr(r->form, "status", "invalid");
		r->status = 400;
		return RC_OK;
	}
	if (c.k.site == 0)
		return RC_OK;
	return examroster_xml(r, c.year, c.region, &c.k,
	    xml_el(r->root, "roster", NULL)) == -1 ? RC_DB : RC_OK;
}

/* GET /admin/exam/roster.pdf: the chosen site's sections, audited. */
enum rc
h_examroster_pdf(struct req *r)
{
	struct erctx	 c;
	const char	*msg;

	if ((msg = er_load(r, &c)) != NULL) {
		if (msg == field_dbfail)
			return RC_DB;
		r->message = msg;
		return RC_BADREQ;
	}
	if (c.k.site == 0) {
		r->message = "本地区还没有考点，请先在考务管理中添加考点和考场。";
		return RC_CONFLICT;
	}
	if (audit(r, "examroster.pdf", pool_printf(r->pool, "site:%lld",
	    c.k.site), "ok", pool_printf(r->pool, "room %lld session %lld",
	    c.k.room, c.k.sess)) == -1)
		return RC_DB;
	return examroster_pdf(r, c.year, c.region, &c.k, c.site_name);
}
