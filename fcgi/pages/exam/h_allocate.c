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
 * h_allocate.c: 编排考场 (issue 10 §2): the office's admitted candidates,
 * those seated, what a run would do now (seat.c on the plan as it is,
 * nothing stored: who would be placed, who stays without a seat and
 * why, the seats of each session), the last runs; POST runs it
 * (exam_run: one transaction) and is audited.
 */

#include <stdio.h>
#include <string.h>

#include "web.h"
#include "exam.h"

#define ALLOC_MISS_MAX	200		/* rows of those without a seat */

/* The office's region and plan (as h_examplan.c's plan_open). */
static enum rc
alloc_open(struct req *r, char region[7], char **name)
{
	int	 k;

	xml_page(r, PAGE_EXAMALLOC);
	if (r->year <= 0)
		return RC_NOTFOUND;
	if ((k = exam_office_region(r, region, name)) == -1)
		return RC_DB;
	return k == 0 ? RC_FORBIDDEN : RC_OK;
}

/* <sessions>: each session's seats, given before, placed now, short. */
static void
alloc_sessions_xml(struct req *r, const struct exam_plan *p,
    const struct seat_out *o)
{
	xmlNodePtr	 ss, s;
	size_t		 i;

	ss = xml_el(r->root, "sessions", NULL);
	for (i = 0; i < p->nsess; i++) {
		s = xml_el(ss, "session", NULL);
		xml_attr(s, "code", p->sess[i].code);
		xml_attr(s, "starts", p->sess[i].starts);
		xml_attr(s, "ends", p->sess[i].ends);
		xml_attr_num(s, "capacity", o->count[i].cap);
		xml_attr_num(s, "used", o->count[i].used);
		xml_attr_num(s, "placed", o->count[i].placed);
		xml_attr_num(s, "short", o->count[i].short_);
	}
}

/* <unseated>: those a run leaves without a seat, and why. */
static void
alloc_miss_xml(struct req *r, const struct exam_plan *p,
    const struct seat_out *o)
{
	const struct exam_cand	*c;
	xmlNodePtr		 us, u;
	size_t			 i;

	us = xml_el(r->root, "unseated", NULL);
	xml_attr_num(us, "total", (long long)o->nmiss);
	for (i = 0; i < o->nmiss && i < ALLOC_MISS_MAX; i++) {
		if ((c = exam_cand_find(p, o->miss[i].app)) == NULL)
			continue;
		u = xml_el(us, "cand", NULL);
		xml_attr_num(u, "app", c->app);
		xml_attr(u, "name", c->name);
		xml_attr(u, "unit", c->unit);
		xml_attr_num(u, "level", c->level);
		xml_attr(u, "level-name", xml_level_name(c->level));
		xml_attr(u, "worktype", c->wt_name);
		xml_attr(u, "why", seat_why_code(o->miss[i].why));
		xml_attr(u, "why-text", seat_why_text(o->miss[i].why));
		if (o->miss[i].why == SEAT_SHORT)
			xml_attr(u, "session", p->sess[o->miss[i].session].code);
	}
}

/* <runs>: the last ten runs of the region. */
static int
alloc_runs_xml(struct req *r, const char *region)
{
	long long	 id, adm, kept, placed, sh;
	char		*by, *at;
	xmlNodePtr	 rs, x;
	int		 k;

	if (db_run(r, STMT_EXAM_RUNS, (long long)r->year, region) == -1)
		return -1;
	rs = xml_el(r->root, "runs", NULL);
	while ((k = db_row(r, STMT_EXAM_RUNS, &id, &adm, &kept, &placed, &sh,
	    &by, &at)) == 1) {
		x = xml_el(rs, "run", NULL);
		xml_attr_num(x, "id", id);
		xml_attr_num(x, "admitted", adm);
		xml_attr_num(x, "kept", kept);
		xml_attr_num(x, "placed", placed);
		xml_attr_num(x, "short", sh);
		xml_attr(x, "by", by);
		xml_attr(x, "at", at);
	}
	return k;
}

/* The page: the plan, what a run would do now, the last runs. */
static enum rc
alloc_page(struct req *r)
{
	struct exam_plan	 p;
	struct seat_out		 o;
	xmlNodePtr		 reg;
	char			 region[7], *name = NULL;
	enum rc			 rc;

	if ((rc = alloc_open(r, region, &name)) != RC_OK)
		return rc;
	if (exam_plan_load(r, r->year, region, &p) == -1)
		return RC_DB;
	seat_plan(&p.in, &o);
	reg = xml_el(r->root, "region", NULL);
	xml_attr(reg, "code", region);
	xml_attr(reg, "name", name);
	xml_attr_num(reg, "year", r->year);
	xml_attr_num(reg, "admitted", (long long)p.ncands);
	xml_attr_num(reg, "seated", (long long)o.kept);
	xml_attr_num(reg, "left", (long long)(p.ntaken - o.kept));
	xml_attr_num(reg, "to-place", (long long)o.ngiven);
	xml_attr_num(reg, "short", (long long)o.nshort);
	xml_attr_num(reg, "nosession", (long long)(o.nmiss - o.nshort));
	xml_attr_num(reg, "rooms", (long long)p.nrooms);
	alloc_sessions_xml(r, &p, &o);
	alloc_miss_xml(r, &p, &o);
	seat_out_free(&o);
	if (alloc_runs_xml(r, region) == -1)
		return RC_DB;
	xml_form(r, "/admin/exam/allocate");
	return RC_OK;
}

/* GET /admin/exam/allocate (city, province): 编排考场. */
enum rc
h_exam_allocate(struct req *r)
{
	return alloc_page(r);
}

/* POST /admin/exam/allocate: runs the allocation (audited). */
enum rc
h_exam_allocate_post(struct req *r)
{
	struct exam_runres	 res;
	struct exam_plan	 p;
	char			 region[7], *name = NULL, obj[80], why[80];
	enum rc			 rc;

	if ((rc = alloc_open(r, region, &name)) != RC_OK)
		return rc;
	if (exam_run(r, r->year, region, r->account_id, &p, &res) == -1)
		return RC_DB;
	snprintf(obj, sizeof(obj), "exam:%d:%s:run:%lld", r->year, region,
	    res.run_id);
	snprintf(why, sizeof(why), "placed %zu, short %zu, no session %zu",
	    res.out.ngiven, res.out.nshort, res.out.nmiss - res.out.nshort);
	exam_run_free(&res);
	if (audit(r, "exam.allocate", obj, "ok", why) == -1)
		return RC_DB;
	resp_redirect(r, "/admin/exam/allocate?m=allocated");
	return RC_OK;
}
