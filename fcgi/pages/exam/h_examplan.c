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
 * h_examplan.c: 考务管理 (issue 10 §1): a city office (its city) or the
 * province office (its 省直 region) keeps this year's exam plan: 考点考场
 * (/admin/exam/sites: sites and their rooms) and 场次 (/admin/exam/
 * sessions: times and who sits them).  The changes are examplan.c's;
 * each is audited.  A site, room or session of another region is not
 * found (the model takes the office's region, never the form's).
 */

#include <stdio.h>
#include <string.h>

#include "web.h"
#include "exam.h"

/* The office's region and the plan; RC_FORBIDDEN for no office. */
static enum rc
plan_open(struct req *r, enum page page, struct exam_plan *p, xmlNodePtr *reg)
{
	char	 region[7], *name = NULL;
	int	 k;

	xml_page(r, page);
	if (r->year <= 0)
		return RC_NOTFOUND;
	if ((k = exam_office_region(r, region, &name)) == -1)
		return RC_DB;
	if (k == 0)
		return RC_FORBIDDEN;
	if (exam_plan_load(r, r->year, region, p) == -1)
		return RC_DB;
	*reg = xml_el(r->root, "region", NULL);
	xml_attr(*reg, "code", region);
	xml_attr(*reg, "name", name);
	xml_attr_num(*reg, "year", r->year);
	xml_attr_num(*reg, "admitted", (long long)p->ncands);
	xml_attr_num(*reg, "seated", (long long)p->ntaken);
	return RC_OK;
}

/* <sites> with their rooms. */
static void
plan_sites_xml(struct req *r, const struct exam_plan *p)
{
	xmlNodePtr	 ss, s, m;
	size_t		 i, j;

	ss = xml_el(r->root, "sites", NULL);
	for (i = 0; i < p->nsites; i++) {
		s = xml_el(ss, "site", NULL);
		xml_attr_num(s, "id", p->sites[i].id);
		xml_attr(s, "code", p->sites[i].code);
		xml_attr(s, "name", p->sites[i].name);
		xml_attr(s, "address", p->sites[i].address);
		xml_attr_num(s, "rooms", p->sites[i].nrooms);
		xml_attr_num(s, "seats", p->sites[i].seats);
		xml_attr_num(s, "taken", p->sites[i].taken);
		for (j = 0; j < p->nrooms; j++) {
			if (p->rooms[j].site_id != p->sites[i].id)
				continue;
			m = xml_el(s, "room", NULL);
			xml_attr_num(m, "id", p->rooms[j].id);
			xml_attr(m, "code", p->rooms[j].code);
			xml_attr(m, "name", p->rooms[j].name);
			xml_attr_num(m, "capacity", p->rooms[j].cap);
			xml_attr_num(m, "taken", p->rooms[j].taken);
		}
	}
}

/* A site's or room's form filled from the plan (?site=ID, ?room=ID). */
static void
plan_sites_edit(struct req *r, const struct exam_plan *p)
{
	const char	*a;
	char		 buf[8];
	long long	 id;
	size_t		 i;

	if ((a = req_arg(r, "site")) != NULL && (id = strtoll(a, NULL, 10)) > 0)
		for (i = 0; i < p->nsites; i++)
			if (p->sites[i].id == id) {
				xml_form(r, "/admin/exam/site");
				xml_field(r, "id", a);
				xml_field(r, "site_code", p->sites[i].code);
				xml_field(r, "name", p->sites[i].name);
				xml_field(r, "address", p->sites[i].address);
			}
	if ((a = req_arg(r, "room")) != NULL && (id = strtoll(a, NULL, 10)) > 0)
		for (i = 0; i < p->nrooms; i++)
			if (p->rooms[i].id == id) {
				xml_form(r, "/admin/exam/room");
				xml_field(r, "id", a);
				snprintf(buf, sizeof(buf), "%lld",
				    p->rooms[i].site_id);
				xml_field(r, "site", buf);
				xml_field(r, "room_code", p->rooms[i].code);
				xml_field(r, "name", p->rooms[i].name);
				snprintf(buf, sizeof(buf), "%d", p->rooms[i].cap);
				xml_field(r, "capacity", buf);
			}
}

/* GET /admin/exam/sites (city, province): 考点考场. */
enum rc
h_exam_sites(struct req *r)
{
	struct exam_plan	 p;
	xmlNodePtr		 reg;
	enum rc			 rc;

	if ((rc = plan_open(r, PAGE_EXAMSITES, &p, &reg)) != RC_OK)
		return rc;
	plan_sites_xml(r, &p);
	plan_sites_edit(r, &p);
	return RC_OK;
}

/* The fields of POST /admin/exam/site. */
enum { SF_ID, SF_CODE, SF_NAME, SF_ADDRESS, SF_DELETE };
static const char *const plan_yes[] = { "1", NULL };
const struct fielddef h_exam_site_fields[] = {
	[SF_ID] = { "id", FT_UINT, 0, 1, 4294967295LL, NULL,
	    "考点不正确，请刷新页面后重试。", NULL, NULL },
	[SF_CODE] = { "site_code", FT_TEXT, 0, 2, 2, NULL,
	    "考点代码应为两位数字（01～99）。", NULL, field_check_digits },
	[SF_NAME] = { "name", FT_TEXT, 0, 1, 100, NULL,
	    "考点名称应为1至100个字，不含无法识别的字符。", NULL, NULL },
	[SF_ADDRESS] = { "address", FT_TEXT, 0, 1, 200, NULL,
	    "考点地址应为1至200个字，不含无法识别的字符。", NULL, NULL },
	[SF_DELETE] = { "delete", FT_CHOICE, 0, 0, 0, NULL,
	    "请确认是否删除。", plan_yes, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* Requires the fields named (non-empty), each with its message. */
static void
plan_need(struct req *r, const struct fval *fv, const struct fielddef *defs,
    const size_t *ix, const char *const *msg, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (*fv[ix[i]].s == '\0')
			xml_field_error(r, defs[ix[i]].key, msg[i]);
}

/*
 * Ends a POST of the plan: the model's refusal above the form (400), or
 * the change audited and the page again (303).
 */
static enum rc
plan_done(struct req *r, const char *msg, const char *event,
    const char *region, const char *what, const char *back)
{
	char	 obj[80];

	if (msg == field_dbfail)
		return RC_DB;
	if (msg != NULL) {
		xml_form_refuse(r, msg);
		return RC_OK;
	}
	snprintf(obj, sizeof(obj), "exam:%d:%s:%s", r->year, region, what);
	if (audit(r, event, obj, "ok", NULL) == -1)
		return RC_DB;
	resp_redirect(r, back);
	return RC_OK;
}

/* POST /admin/exam/site: add, change or delete a site. */
enum rc
h_exam_site(struct req *r)
{
	static const size_t	 need[] = { SF_CODE, SF_NAME, SF_ADDRESS };
	static const char *const msgs[] = { "请填写考点代码（两位数字）。",
	    "请填写考点名称。", "请填写考点地址。" };
	const struct fval	*fv = r->fv;
	struct exam_plan	 p;
	xmlNodePtr		 reg;
	const char		*msg, *region;
	enum rc			 rc;
	int			 del = *fv[SF_DELETE].s != '\0';

	if ((rc = plan_open(r, PAGE_EXAMSITES, &p, &reg)) != RC_OK)
		return rc;
	plan_sites_xml(r, &p);
	xml_form(r, "/admin/exam/site");
	field_xml(r);
	region = p.region;
	if (del && *fv[SF_ID].s == '\0')
		xml_field_error(r, "id", "请选择要删除的考点。");
	if (!del)
		plan_need(r, fv, h_exam_site_fields, need, msgs, 3);
	if (r->form_bad)
		return RC_OK;
	msg = del ? exam_site_delete(r, r->year, region, fv[SF_ID].n) :
	    exam_site_put(r, r->year, region, *fv[SF_ID].s ? fv[SF_ID].n : 0,
	    fv[SF_CODE].s, fv[SF_NAME].s, fv[SF_ADDRESS].s);
	return plan_done(r, msg, del ? "exam.site.delete" : "exam.site",
	    region, del ? fv[SF_ID].s : fv[SF_CODE].s,
	    del ? "/admin/exam/sites?m=deleted" : "/admin/exam/sites?m=saved");
}

/* The fields of POST /admin/exam/room. */
enum { RF_ID, RF_SITE, RF_CODE, RF_NAME, RF_CAPACITY, RF_DELETE };
const struct fielddef h_exam_room_fields[] = {
	[RF_ID] = { "id", FT_UINT, 0, 1, 4294967295LL, NULL,
	    "考场不正确，请刷新页面后重试。", NULL, NULL },
	[RF_SITE] = { "site", FT_UINT, 0, 1, 4294967295LL, NULL,
	    "请选择考场所在的考点。", NULL, NULL },
	[RF_CODE] = { "room_code", FT_TEXT, 0, 3, 3, NULL,
	    "考场代码应为三位数字（001～999）。", NULL, field_check_digits },
	[RF_NAME] = { "name", FT_TEXT, 0, 1, 50, NULL,
	    "考场名称应为1至50个字，不含无法识别的字符。", NULL, NULL },
	[RF_CAPACITY] = { "capacity", FT_UINT, 0, 1, 99, NULL,
	    "考场座位数应为1至99的整数。", NULL, NULL },
	[RF_DELETE] = { "delete", FT_CHOICE, 0, 0, 0, NULL,
	    "请确认是否删除。", plan_yes, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* POST /admin/exam/room: add, change or delete a room. */
enum rc
h_exam_room(struct req *r)
{
	static const size_t	 need[] = { RF_SITE, RF_CODE, RF_NAME, RF_CAPACITY };
	static const char *const msgs[] = { "请选择考场所在的考点。",
	    "请填写考场代码（三位数字）。", "请填写考场名称，如“第1考场”。",
	    "请填写考场座位数（1至99）。" };
	const struct fval	*fv = r->fv;
	struct exam_plan	 p;
	xmlNodePtr		 reg;
	const char		*msg;
	enum rc			 rc;
	int			 del = *fv[RF_DELETE].s != '\0';

	if ((rc = plan_open(r, PAGE_EXAMSITES, &p, &reg)) != RC_OK)
		return rc;
	plan_sites_xml(r, &p);
	xml_form(r, "/admin/exam/room");
	field_xml(r);
	if (del && *fv[RF_ID].s == '\0')
		xml_field_error(r, "id", "请选择要删除的考场。");
	if (!del)
		plan_need(r, fv, h_exam_room_fields, need, msgs, 4);
	if (r->form_bad)
		return RC_OK;
	msg = del ? exam_room_delete(r, r->year, p.region, fv[RF_ID].n) :
	    exam_room_put(r, r->year, p.region, *fv[RF_ID].s ? fv[RF_ID].n : 0,
	    fv[RF_SITE].n, fv[RF_CODE].s, fv[RF_NAME].s, (int)fv[RF_CAPACITY].n);
	return plan_done(r, msg, del ? "exam.room.delete" : "exam.room",
	    p.region, del ? fv[RF_ID].s : fv[RF_CODE].s,
	    del ? "/admin/exam/sites?m=deleted" : "/admin/exam/sites?m=saved");
}

/* Who sits session id as the form writes it: "5 4:W001". */
static const char *
plan_sits_text(struct req *r, const struct exam_plan *p, long long id)
{
	char	*s = "";
	size_t	 i;

	for (i = 0; i < p->nsits; i++)
		if (p->sits[i].session_id == id)
			s = pool_printf(r->pool, "%s%s%d%s%s", s, *s ? " " : "",
			    p->sits[i].level, *p->sits[i].worktype ? ":" : "",
			    p->sits[i].worktype);
	return s;
}

/* <sessions>, each with who sits it and its seats given. */
static void
plan_sessions_xml(struct req *r, const struct exam_plan *p)
{
	xmlNodePtr	 ss, s, t;
	long long	 taken;
	size_t		 i, j;

	ss = xml_el(r->root, "sessions", NULL);
	for (i = 0; i < p->nsess; i++) {
		s = xml_el(ss, "session", NULL);
		xml_attr_num(s, "id", p->sess[i].id);
		xml_attr(s, "code", p->sess[i].code);
		xml_attr(s, "starts", p->sess[i].starts);
		xml_attr(s, "ends", p->sess[i].ends);
		for (taken = 0, j = 0; j < p->ntaken; j++)
			taken += p->taken[j].session == i;
		xml_attr_num(s, "taken", taken);
		xml_attr(s, "sits", plan_sits_text(r, p, p->sess[i].id));
		for (j = 0; j < p->nsits; j++) {
			if (p->sits[j].session_id != p->sess[i].id)
				continue;
			t = xml_el(s, "sit", NULL);
			xml_attr_num(t, "level", p->sits[j].level);
			xml_attr(t, "level-name",
			    xml_level_name(p->sits[j].level));
			if (*p->sits[j].worktype != '\0') {
				xml_attr(t, "worktype", p->sits[j].worktype);
				xml_attr(t, "wt-name", p->sits[j].wt_name);
			}
		}
	}
}

/* GET /admin/exam/sessions (city, province): 场次; ?session=ID edits. */
enum rc
h_exam_sessions(struct req *r)
{
	struct exam_plan	 p;
	xmlNodePtr		 reg;
	const char		*a;
	long long		 id;
	size_t			 i;
	enum rc			 rc;

	if ((rc = plan_open(r, PAGE_EXAMSESSIONS, &p, &reg)) != RC_OK)
		return rc;
	plan_sessions_xml(r, &p);
	if ((a = req_arg(r, "session")) == NULL ||
	    (id = strtoll(a, NULL, 10)) <= 0)
		return RC_OK;
	for (i = 0; i < p.nsess; i++)
		if (p.sess[i].id == id) {
			xml_form(r, "/admin/exam/session");
			xml_field(r, "id", a);
			xml_field(r, "session_code", p.sess[i].code);
			xml_field(r, "starts", p.sess[i].starts);
			xml_field(r, "ends", p.sess[i].ends);
			xml_field(r, "sits", plan_sits_text(r, &p, id));
		}
	return RC_OK;
}

/* The fields of POST /admin/exam/session. */
enum { EF_ID, EF_CODE, EF_STARTS, EF_ENDS, EF_SITS, EF_DELETE };
const struct fielddef h_exam_session_fields[] = {
	[EF_ID] = { "id", FT_UINT, 0, 1, 4294967295LL, NULL,
	    "场次不正确，请刷新页面后重试。", NULL, NULL },
	[EF_CODE] = { "session_code", FT_UINT, 0, 1, 9, NULL,
	    "场次代码应为一位数字（1～9）。", NULL, NULL },
	[EF_STARTS] = { "starts", FT_TEXT, 0, 16, 16, NULL,
	    "开始时间应为“年-月-日 时:分”，如 2026-12-20 09:00。", NULL, NULL },
	[EF_ENDS] = { "ends", FT_TEXT, 0, 16, 16, NULL,
	    "结束时间应为“年-月-日 时:分”，如 2026-12-20 11:00。", NULL, NULL },
	[EF_SITS] = { "sits", FT_TEXT, 0, 1, 400, NULL,
	    "考试等级、工种最多400个字符。", NULL, NULL },
	[EF_DELETE] = { "delete", FT_CHOICE, 0, 0, 0, NULL,
	    "请确认是否删除。", plan_yes, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* The datetime-local form "YYYY-MM-DDTHH:MM" as "YYYY-MM-DD HH:MM". */
static const char *
plan_when(struct req *r, const char *s)
{
	char	*t = pool_strdup(r->pool, s);

	if (strlen(t) == 16 && t[10] == 'T')
		t[10] = ' ';
	return t;
}

/* POST /admin/exam/session: add, change or delete a session. */
enum rc
h_exam_session(struct req *r)
{
	static const size_t	 need[] = { EF_CODE, EF_STARTS, EF_ENDS, EF_SITS };
	static const char *const msgs[] = { "请填写场次代码（1～9）。",
	    "请填写开始时间。", "请填写结束时间。",
	    "请填写本场次考试的等级、工种，如 5 4:W001。" };
	const struct fval	*fv = r->fv;
	struct exam_plan	 p;
	xmlNodePtr		 reg;
	const char		*msg;
	enum rc			 rc;
	int			 del = *fv[EF_DELETE].s != '\0';

	if ((rc = plan_open(r, PAGE_EXAMSESSIONS, &p, &reg)) != RC_OK)
		return rc;
	plan_sessions_xml(r, &p);
	xml_form(r, "/admin/exam/session");
	field_xml(r);
	if (del && *fv[EF_ID].s == '\0')
		xml_field_error(r, "id", "请选择要删除的场次。");
	if (!del)
		plan_need(r, fv, h_exam_session_fields, need, msgs, 4);
	if (r->form_bad)
		return RC_OK;
	msg = del ? exam_session_delete(r, r->year, p.region, fv[EF_ID].n) :
	    exam_session_put(r, r->year, p.region,
	    *fv[EF_ID].s ? fv[EF_ID].n : 0, fv[EF_CODE].s,
	    plan_when(r, fv[EF_STARTS].s), plan_when(r, fv[EF_ENDS].s),
	    fv[EF_SITS].s);
	return plan_done(r, msg, del ? "exam.session.delete" : "exam.session",
	    p.region, del ? fv[EF_ID].s : fv[EF_CODE].s,
	    del ? "/admin/exam/sessions?m=deleted" :
	    "/admin/exam/sessions?m=saved");
}
