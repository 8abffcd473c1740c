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
 * apply_page.c: the page of the application form (报名信息) that GET and
 * POST /apply answer with: the application, the account, the form's
 * values, the unit cascade and the lists to choose from.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "apply.h"

/* The fixed enumerations of the form, grouped by field. */
static const struct {
	const char	*field;
	const char	*value;
	const char	*name;
} choices[] = {
	{ "cur_level",		"0",		"未定级" },
	{ "cur_level",		"5",		"五级（初级工）" },
	{ "cur_level",		"4",		"四级（中级工）" },
	{ "cur_level",		"3",		"三级（高级工）" },
	{ "cur_level",		"2",		"二级（技师）" },
	{ "cur_level",		"1",		"一级（高级技师）" },
	{ "unit_category",	"admin",	"行政" },
	{ "unit_category",	"institution",	"事业" },
	{ "unit_rank",		"province",	"省级" },
	{ "unit_rank",		"city",		"市级" },
	{ "unit_rank",		"county",	"县级" },
	{ "unit_rank",		"township",	"乡镇" },
	{ "route",		"years",	"按工作年限申报" },
	{ "route",		"certificate",	"按岗位等级证书申报" },
};

/* Puts the values into the form (xml_field). */
static void
form_fill(struct req *r, const struct app *a, const struct vals *f)
{
	char	 name[32];
	int	 k;

	for (k = 0; k < F__MAX; k++)
		xml_field(r, appform_fields[k].key, f->v[k]);
	for (k = 0; k < NYEARS; k++) {
		snprintf(name, sizeof(name), "appraisal_%lld", a->year - 1 - k);
		xml_field(r, name, f->grade[k]);
	}
}

/* Appends <unit id code name kind/> rows of statement s to parent. */
static int
unit_rows(struct req *r, enum stmt s, xmlNodePtr parent, const char *want,
    int *found)
{
	xmlNodePtr	 u;
	char		*code, *name, *kind, ids[24];
	long long	 id;
	int		 n;

	while ((n = db_row(r, s, &id, &code, &name, &kind)) == 1) {
		u = xml_el(parent, "unit", NULL);
		snprintf(ids, sizeof(ids), "%lld", id);
		xml_attr(u, "id", ids);
		xml_attr(u, "code", code);
		xml_attr(u, "name", name);
		xml_attr(u, "kind", kind);
		if (strcmp(ids, want) == 0)
			*found = 1;
	}
	return n;
}

/*
 * The cascade of the unit choice: <unit-tree> with the regions, the
 * supervising units of the chosen region and the units of the chosen
 * supervising unit.  A choice that is not among its level's options is
 * cleared (so a changed region drops the levels below it).
 */
static int
unit_tree(struct req *r, const struct acct *c, struct vals *f)
{
	xmlNodePtr	 t, l, g;
	const char	*region = f->region, *sup = f->supervisor;
	char		*creg = NULL, *code, *name, *kind, sups[24];
	long long	 s = 0, uid;
	int		 n, found;

	/* Derive the upper levels from the unit when they are not given. */
	if (*region == '\0' && *sup == '\0' && *f->v[F_UNIT] != '\0' &&
	    valid_uint(f->v[F_UNIT], 1, 4294967295LL, &uid) == 0) {
		if ((n = appform_unit_chain(r, uid, &s, &creg)) == -1)
			return -1;
		if (n == 1) {
			region = creg;
			snprintf(sups, sizeof(sups), "%lld", s);
			sup = pool_strdup(r->pool, sups);
		}
	}
	if (*region == '\0')
		region = c->region;
	t = xml_el(r->root, "unit-tree", NULL);
	l = xml_el(t, "regions", NULL);
	if (db_run(r, STMT_UNIT_REGIONS) == -1)
		return -1;
	found = 0;
	while ((n = db_row(r, STMT_UNIT_REGIONS, &code, &name,
	    &kind)) == 1) {
		g = xml_el(l, "region", NULL);
		xml_attr(g, "code", code);
		xml_attr(g, "name", strcmp(kind, "province") == 0 ?
		    "省直" : name);
		xml_attr(g, "kind", kind);
		if (strcmp(code, region) == 0)
			found = 1;
	}
	if (n == -1)
		return -1;
	if (!found)
		region = "";
	xml_field(r, "region", region);
	if (*region == '\0') {
		sup = "";
		goto units;
	}
	l = xml_el(t, "supervisors", NULL);
	xml_attr(l, "region", region);
	if (db_run(r, STMT_UNIT_SUPERVISORS, region, region) == -1)
		return -1;
	found = 0;
	if (unit_rows(r, STMT_UNIT_SUPERVISORS, l, sup, &found) == -1)
		return -1;
	if (!found)
		sup = "";
units:
	xml_field(r, "supervisor", sup);
	if (*sup == '\0') {
		xml_field(r, "unit_id", "");
		return 0;
	}
	l = xml_el(t, "units", NULL);
	xml_attr(l, "parent", sup);
	if (db_run(r, STMT_UNIT_CHILDREN, strtoll(sup, NULL, 10)) == -1)
		return -1;
	found = strcmp(f->v[F_UNIT], sup) == 0;	/* the supervisor itself */
	if (unit_rows(r, STMT_UNIT_CHILDREN, l, f->v[F_UNIT], &found) == -1)
		return -1;
	if (!found)
		xml_field(r, "unit_id", "");
	return 0;
}

/*
 * Appends <list><item value name/>...</list> with the codes statement s
 * lists (code, name, rank).  Returns 0 or -1.
 */
static int
code_list(struct req *r, enum stmt s, const char *list, const char *item)
{
	xmlNodePtr	 l, n;
	char		*code, *name;
	long long	 rank;
	int		 k;

	l = xml_el(r->root, list, NULL);
	if (db_run(r, s) == -1)
		return -1;
	while ((k = db_row(r, s, &code, &name, &rank)) == 1) {
		n = xml_el(l, item, NULL);
		xml_attr(n, "value", code);
		xml_attr(n, "name", name);
	}
	return k == -1 ? -1 : 0;
}

/* The <worktype> of code in the list l, or NULL. */
static xmlNodePtr
wt_node(xmlNodePtr l, const char *code)
{
	xmlNodePtr	 w;
	xmlChar		*c;
	int		 eq;

	for (w = l->children; w != NULL; w = w->next) {
		c = xmlGetProp(w, (const xmlChar *)"code");
		eq = c != NULL && strcmp((char *)c, code) == 0;
		xmlFree(c);
		if (eq)
			return w;
	}
	return NULL;
}

/*
 * Appends <worktypes>, each merged type with the new types it maps to
 * (<maps-to>).  Returns 0 or -1.
 */
static int
worktypes_xml(struct req *r)
{
	xmlNodePtr	 l, n, w = NULL;
	char		*code, *name, *pinyin, *status, *old, *prev = "";
	int		 k;

	l = xml_el(r->root, "worktypes", NULL);
	if (db_run(r, STMT_WT_ALL) == -1)
		return -1;
	while ((k = db_row(r, STMT_WT_ALL, &code, &name, &pinyin,
	    &status)) == 1) {
		n = xml_el(l, "worktype", NULL);
		xml_attr(n, "code", code);
		xml_attr(n, "name", name);
		xml_attr(n, "pinyin", pinyin);
		xml_attr(n, "status", status);
	}
	if (k == -1)
		return -1;
	/* The map, sorted by old code: attach to each merged type. */
	if (db_run(r, STMT_WT_MAP_ALL) == -1)
		return -1;
	while ((k = db_row(r, STMT_WT_MAP_ALL, &old, &code, &name)) == 1) {
		if (strcmp(old, prev) != 0) {
			w = wt_node(l, old);
			prev = old;
		}
		if (w != NULL) {
			n = xml_el(w, "maps-to", NULL);
			xml_attr(n, "code", code);
			xml_attr(n, "name", name);
		}
	}
	return k == -1 ? -1 : 0;
}

/* Appends the appraisal years and the levels. */
static void
years_xml(struct req *r, const struct app *a)
{
	xmlNodePtr	 l, n;
	int		 k;

	l = xml_el(r->root, "appraisal-years", NULL);
	for (k = 0; k < NYEARS; k++) {
		n = xml_el(l, "year", NULL);
		xml_attrf(n, "value", "%lld", a->year - 1 - k);
	}
	xml_levels(r->root);
}

/* Appends the fixed enumerations (<choices name>) and the conditions. */
static void
choices_xml(struct req *r)
{
	xmlNodePtr	 l = NULL, n;
	size_t		 i;

	for (i = 0; i < sizeof(choices) / sizeof(choices[0]); i++) {
		if (i == 0 || strcmp(choices[i].field, choices[i - 1].field)) {
			l = xml_el(r->root, "choices", NULL);
			xml_attr(l, "name", choices[i].field);
		}
		n = xml_el(l, "choice", NULL);
		xml_attr(n, "value", choices[i].value);
		xml_attr(n, "name", choices[i].name);
	}
	l = xml_el(r->root, "exc-conditions", NULL);
	for (i = 0; i < NEXC_CONDS; i++) {
		n = xml_el(l, "condition", NULL);
		xml_attr(n, "value", appform_exc_conds[i].code);
		xml_attr(n, "name", appform_exc_conds[i].name);
	}
}

/*
 * The lists of the page: education, grades, the appraisal years, the
 * work types (with the new counterparts of the merged ones), the
 * breakthrough conditions, and the materials (counted into m).
 */
static int
page_lists(struct req *r, const struct app *a, struct material_count *m)
{
	if (code_list(r, STMT_EDU_LIST, "educations", "education") == -1 ||
	    code_list(r, STMT_GRADE_LIST, "grades", "grade") == -1)
		return -1;
	years_xml(r, a);
	if (worktypes_xml(r) == -1)
		return -1;
	choices_xml(r);
	return material_list_xml(r, r->root, a->id, m);
}

/*
 * Reads the new work types of the work type code (worktype_map) into
 * *codes and *names, pool arrays.  Returns their number, or -1 on a
 * database failure.
 */
static long
wt_maps(struct req *r, const char *code, char ***codes, char ***names)
{
	char		*nc, *nn, **c2, **n2;
	size_t		 n = 0, cap = 0, i;
	int		 k;

	*codes = *names = NULL;
	if (db_run(r, STMT_WT_MAPS, code) == -1)
		return -1;
	while ((k = db_row(r, STMT_WT_MAPS, &nc, &nn)) == 1) {
		if (n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			c2 = pool_calloc(r->pool, cap, sizeof(*c2));
			n2 = pool_calloc(r->pool, cap, sizeof(*n2));
			for (i = 0; i < n; i++) {
				c2[i] = (*codes)[i];
				n2[i] = (*names)[i];
			}
			*codes = c2;
			*names = n2;
		}
		(*codes)[n] = nc;
		(*names)[n++] = nn;
	}
	return k == -1 ? -1 : (long)n;
}

/*
 * <targets restricted="1"> with the work types R14 leaves to choose
 * when it restricts the choice (the page's plain select then offers
 * only these); restricted="0" and no rows otherwise.  Whether it
 * restricts is eligibility_r14_free's answer, as for the submission.
 */
static int
page_targets(struct req *r, const struct app *a, const struct vals *f)
{
	struct elig_policy	 pol;
	struct elig_app		 ea;
	xmlNodePtr		 t, n;
	char			*status, *name = NULL, **codes, **names;
	long long		 cl = -1, tl = 0;
	long			 nmaps, i;
	int			 k, self;

	t = xml_el(r->root, "targets", NULL);
	if (*f->v[F_CURWT] == '\0' ||
	    valid_uint(f->v[F_TLEVEL], 1, 5, &tl) == -1) {
		xml_attr(t, "restricted", "0");
		return 0;
	}
	if (valid_uint(f->v[F_CURLEVEL], 0, 5, &cl) == -1)
		cl = -1;
	if (policy_load(r, (int)a->year, &pol) == -1)
		return -1;
	/* As eligibility.c: a current type's counterpart is itself. */
	if ((k = appform_wt_get(r, f->v[F_CURWT], &status, &name)) == -1)
		return -1;
	self = k == 1 && strcmp(status, "current") == 0;
	if ((nmaps = wt_maps(r, f->v[F_CURWT], &codes, &names)) == -1)
		return -1;
	memset(&ea, 0, sizeof(ea));
	ea.cur_level = (int)cl;
	ea.target_level = (int)tl;
	ea.route = strcmp(f->v[F_ROUTE], "years") == 0 ? ROUTE_YEARS :
	    ROUTE_CERT;
	ea.cur_worktype = f->v[F_CURWT];
	ea.cur_is_old = !self;
	ea.cur_maps_to = (const char *const *)codes;
	ea.ncur_maps_to = (size_t)nmaps;
	if (eligibility_r14_free(&ea, &pol)) {
		xml_attr(t, "restricted", "0");
		return 0;
	}
	if (self) {
		n = xml_el(t, "worktype", NULL);
		xml_attr(n, "code", f->v[F_CURWT]);
		xml_attr(n, "name", name);
	}
	for (i = 0; i < nmaps; i++) {
		n = xml_el(t, "worktype", NULL);
		xml_attr(n, "code", codes[i]);
		xml_attr(n, "name", names[i]);
	}
	xml_attr(t, "restricted", "1");
	return 0;
}

/* The page without the form's values: state, account, window. */
int
apply_page_start(struct req *r, const struct acct *c, const struct app *a,
    int *open)
{
	xmlNodePtr	 ap, ac, n;
	char		 masked[40], *reason, *at;
	int		 k;

	xml_page(r, PAGE_APPLY);
	if (year_window(r, r->root, "registration", open) == -1)
		return -1;
	ap = xml_el(r->root, "application", NULL);
	xml_attrf(ap, "id", "%lld", a->id);
	xml_attr(ap, "state", a->state);
	xml_attrf(ap, "version", "%lld", a->version);
	xml_attrf(ap, "year", "%lld", a->year);
	xml_attr(ap, "editable", app_editable(a) ? "1" : "0");
	if (a->exc_entered)
		xml_attr(ap, "exceptional", "1");
	xml_attr(ap, "photo-stamped", a->stamped ? "1" : "0");
	if (*a->submitted_at != '\0')
		xml_attr(ap, "submitted", a->submitted_at);
	if (strcmp(a->state, "returned") == 0 ||
	    strcmp(a->state, "rejected") == 0) {
		if (db_run(r, STMT_APP_LAST_EVENT, a->id,
		    strcmp(a->state, "returned") == 0 ? "return" :
		    "reject") == -1 ||
		    (k = db_row(r, STMT_APP_LAST_EVENT, &reason,
		    &at)) == -1)
			return -1;
		db_done(r, STMT_APP_LAST_EVENT);
		if (k == 1) {
			n = xml_el(ap, "reason", *reason ? reason : "（未填写原因）");
			xml_attr(n, "at", at);
		}
	}

	ac = xml_el(r->root, "account", NULL);
	xml_attr(ac, "name", c->name);
	if (*c->idno != '\0') {
		pii_mask_idno(c->idno, masked, sizeof(masked));
		xml_attr(ac, "idno", masked);
	}
	if (*c->phone != '\0') {
		pii_mask_phone(c->phone, masked, sizeof(masked));
		xml_attr(ac, "phone", masked);
	}
	xml_attr(ac, "gender", strcmp(c->gender, "F") == 0 ? "女" : "男");
	xml_attr(ac, "birth", pool_strndup(r->pool, c->birth, 7));
	xml_attrf(ac, "level", "%lld", c->level);
	sms_xml(r->root);
	xml_form(r, "/apply");
	return 0;
}

/*
 * Finishes the page: values, unit cascade, lists, targets.  The
 * version field is the one given (the stored one when NULL); m (or NULL)
 * counts the materials by kind.
 */
enum rc
apply_page_finish(struct req *r, const struct acct *c, const struct app *a,
    struct vals *f, const char *version, struct material_count *m)
{
	form_fill(r, a, f);
	if (version != NULL)
		xml_field(r, "version", version);
	else
		xml_field(r, "version", pool_printf(r->pool, "%lld",
		    a->version));
	if (unit_tree(r, c, f) == -1 ||
	    page_lists(r, a, m) == -1 || page_targets(r, a, f) == -1)
		return RC_DB;
	return RC_OK;
}

