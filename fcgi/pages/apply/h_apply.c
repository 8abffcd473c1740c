/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_apply.c: the application form (报名信息): loading it, GET /apply */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "apply.h"

const char *const apply_fnames[F__MAX] = {
	"unit_id", "education", "work_start", "work_years", "cur_level",
	"cur_worktype", "cur_level_year", "unit_category", "unit_rank",
	"target_worktype", "target_level", "route", "prohibited", "exceptional",
	"confirm_r18", "confirm_r19",
	"appraisal_note", "exc_conditions", "exc_evidence", "resume", "rewards",
	"achievements", "opt_conditions",
};

/* 破格晋升条件 (interpretation: the seeds name none; see the ChangeLog). */
const struct exc_cond apply_exc_conds[NEXC_CONDS] = {
	{ "c1", "获得县级以上劳动模范、先进工作者等荣誉称号" },
	{ "c2", "在市级以上职业技能竞赛中获得名次" },
	{ "c3", "获得市级以上政府或行业主管部门表彰奖励" },
	{ "c4", "有技术革新、发明创造成果并取得显著经济社会效益" },
};

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

/* Loads the registration of the logged-in candidate; 1, 0 or -1. */
static int
acct_load(struct req *r, struct acct *c)
{
	unsigned char	*ie, *pe;
	size_t		 iel, pel;
	int		 n;

	memset(c, 0, sizeof(*c));
	if (db_run(r, STMT_APPLY_ACCOUNT, r->account_id) == -1 ||
	    (n = db_row(r, STMT_APPLY_ACCOUNT, &c->name,
	    &ie, &iel, &pe, &pel, &c->gender, &c->birth, &c->region,
	    &c->level, &c->idcard_file, &c->year, &c->idno_mac,
	    &c->idno_mac_len)) == -1)
		return -1;
	db_done(r, STMT_APPLY_ACCOUNT);
	if (n == 0)
		return 0;
	if (ie == NULL || pii_open(r->cfg, PII_IDNO, r->account_id, ie, iel,
	    c->idno, sizeof(c->idno)) == -1)
		c->idno[0] = '\0';
	if (pe == NULL || pii_open(r->cfg, PII_PHONE, r->account_id, pe, pel,
	    c->phone, sizeof(c->phone)) == -1)
		c->phone[0] = '\0';
	return 1;
}

/*
 * Creates the application of the candidate on the first visit, with a
 * copy of the registration's ID-card photo as its idcard material.
 * Returns 0 or -1 (database).
 */
static int
app_create(struct req *r, const struct acct *c)
{
	unsigned char	*data = NULL;
	size_t		 len = 0;
	long long	 id;
	char		 file[65], obj[40];
	int		 n, stored = 0;

	if (*c->idcard_file != '\0' &&
	    (data = files_read(r, c->idcard_file, MAX_JPEG, &len)) != NULL &&
	    len > 0) {
		if (files_store(r, data, len, file) == 0)
			stored = 1;
	}
	if (db_begin(r) == -1 ||
	    (n = db_run(r, STMT_APP_CREATE, r->account_id)) == -1)
		goto fail;
	if (n == 0) {		/* another request made it meanwhile */
		db_rollback(r);
		if (stored)
			files_unlink(r, file);
		return 0;
	}
	id = db_insert_id(r, STMT_APP_CREATE);
	snprintf(obj, sizeof(obj), "application:%lld", id);
	if (stored && db_run(r, STMT_APP_IDCARD_COPY, id, file,
	    (long long)len, r->account_id) == -1)
		goto fail;
	if (audit(r, "application.create", obj, "ok", NULL) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	return 0;
fail:
	db_rollback(r);
	if (stored)
		files_unlink(r, file);
	return -1;
}

/* Integer column to text ("" for NULL). */
static const char *
col(char *s)
{
	return s != NULL ? s : "";
}

/* Loads the application (creating it first if need be); 0 or -1. */
int
apply_app_load(struct req *r, const struct acct *c, struct app *a)
{
	char		*v[16], *t[7], *grade;
	long long	 unit, excf, y;
	int		 n, tries, i;

	memset(a, 0, sizeof(*a));
	for (tries = 0; ; tries++) {
		if (db_run(r, STMT_APP_GET, r->account_id) == -1 ||
		    (n = db_row(r, STMT_APP_GET,
		    &a->id, &a->state, &a->version, &a->year, &unit, &v[0],
		    &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8],
		    &v[9], &v[10], &v[11], &v[12], &a->exc_entered,
		    &a->stamped, &v[13], &v[14], &a->submitted_at)) == -1)
			return -1;
		db_done(r, STMT_APP_GET);
		if (n == 1)
			break;
		if (tries > 0 || app_create(r, c) == -1)
			return -1;
	}
	a->v[F_UNIT] = unit > 0 ? pool_printf(r->pool, "%lld", unit) : "";
	a->v[F_EDU] = col(v[0]);
	a->v[F_WSTART] = col(v[1]);
	a->v[F_WYEARS] = col(v[2]);
	a->v[F_CURLEVEL] = col(v[3]);
	a->v[F_CURWT] = col(v[4]);
	a->v[F_CURYEAR] = col(v[5]);
	a->v[F_UCAT] = col(v[6]);
	a->v[F_URANK] = col(v[7]);
	a->v[F_TWT] = col(v[8]);
	a->v[F_TLEVEL] = col(v[9]);
	a->v[F_ROUTE] = col(v[10]);
	a->v[F_PROHIB] = v[11] == NULL ? "" : atoi(v[11]) ? "yes" : "no";
	excf = v[12] != NULL ? atoi(v[12]) : 0;
	a->v[F_EXC] = excf ? "1" : "";
	a->v[F_CR18] = v[13] != NULL && atoi(v[13]) ? "1" : "";
	a->v[F_CR19] = v[14] != NULL && atoi(v[14]) ? "1" : "";

	if (db_run(r, STMT_APP_GET_TEXT, a->id) == -1 ||
	    (n = db_row(r, STMT_APP_GET_TEXT, &t[0], &t[1],
	    &t[2], &t[3], &t[4], &t[5], &t[6])) != 1)
		return -1;
	db_done(r, STMT_APP_GET_TEXT);
	for (i = 0; i < 7; i++)
		a->v[F_NOTE + i] = col(t[i]);

	for (i = 0; i < NYEARS; i++)
		a->grade[i] = "";
	if (db_run(r, STMT_APPRAISAL_LIST, a->id) == -1)
		return -1;
	while ((n = db_row(r, STMT_APPRAISAL_LIST, &y, &grade)) == 1)
		if (y >= a->year - NYEARS && y < a->year)
			a->grade[a->year - 1 - y] = grade;
	return n == -1 ? -1 : 0;
}

/* The values of the stored application. */
void
apply_vals_from_app(struct vals *f, const struct app *a)
{
	memset(f, 0, sizeof(*f));
	memcpy(f->v, a->v, sizeof(f->v));
	memcpy(f->grade, a->grade, sizeof(f->grade));
	f->region = f->supervisor = "";
}

/*
 * The chain of a unit: its supervising unit and top region.  Returns 1
 * for a unit a candidate may belong to (a basic unit under a supervising
 * unit or an office, or a supervising unit itself), 0 for none, -1 on a
 * database failure.
 */
int
apply_unit_chain(struct req *r, long long id, long long *sup, char **region)
{
	char		*kind, *reg, *gkind, *gparent, *name, *code;
	long long	 parent;
	int		 n;

	if (db_run(r, STMT_UNIT_GET, id) == -1 ||
	    (n = db_row(r, STMT_UNIT_GET, &kind, &parent, &reg,
	    &gkind, &gparent, &name, &code)) == -1)
		return -1;
	db_done(r, STMT_UNIT_GET);
	if (n == 0)
		return 0;
	if (strcmp(kind, "basic") == 0) {
		if (parent == 0)
			return 0;
		*sup = parent;
		if (db_run(r, STMT_UNIT_GET, parent) == -1 ||
		    (n = db_row(r, STMT_UNIT_GET, &kind, &parent,
		    &reg, &gkind, &gparent, &name, &code)) == -1)
			return -1;
		db_done(r, STMT_UNIT_GET);
		/* Its supervising unit may be an office itself (chain.c). */
		if (n == 0 || strcmp(kind, "basic") == 0)
			return 0;
	} else if (strcmp(kind, "supervising") == 0)
		*sup = id;
	else
		return 0;
	*region = strcmp(gkind, "province") == 0 || strcmp(gkind, "city") == 0 ||
	    strcmp(gkind, "direct_county") == 0 ? reg : gparent;
	return 1;
}

/* Looks a work type up: 1 (status, name set), 0 unknown, -1 database. */
int
apply_wt_get(struct req *r, const char *code, char **status, char **name)
{
	char	*nm;
	int	 n;

	if (db_run(r, STMT_WT_GET, code) == -1 ||
	    (n = db_row(r, STMT_WT_GET, &nm, status)) == -1)
		return -1;
	db_done(r, STMT_WT_GET);
	if (name != NULL)
		*name = nm;
	return n;
}

/* Puts the values into the form (xml_field). */
static void
form_fill(struct req *r, const struct app *a, const struct vals *f)
{
	char	 name[32];
	int	 k;

	for (k = 0; k < F__MAX; k++)
		xml_field(r, apply_fnames[k], f->v[k]);
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
		if ((n = apply_unit_chain(r, uid, &s, &creg)) == -1)
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
 * The lists of the page: education, grades, the appraisal years, the
 * work types (with the new counterparts of the merged ones), the
 * breakthrough conditions, and the materials.  *has_photo, *has_idcard,
 * *nr19, *nexc count the materials of each kind.
 */
static int
page_lists(struct req *r, const struct app *a, int *has_photo,
    int *has_idcard, int *nr19, int *nexc)
{
	xmlNodePtr	 l, n, w = NULL;
	char		*code, *name, *pinyin, *status, *old, *kind, *title;
	char		*mime, *created, *prev = "";
	long long	 rank, id, size;
	size_t		 i;
	int		 k;

	l = xml_el(r->root, "educations", NULL);
	if (db_run(r, STMT_EDU_LIST) == -1)
		return -1;
	while ((k = db_row(r, STMT_EDU_LIST, &code, &name,
	    &rank)) == 1) {
		n = xml_el(l, "education", NULL);
		xml_attr(n, "value", code);
		xml_attr(n, "name", name);
	}
	if (k == -1)
		return -1;

	l = xml_el(r->root, "grades", NULL);
	if (db_run(r, STMT_GRADE_LIST) == -1)
		return -1;
	while ((k = db_row(r, STMT_GRADE_LIST, &code, &name,
	    &rank)) == 1) {
		n = xml_el(l, "grade", NULL);
		xml_attr(n, "value", code);
		xml_attr(n, "name", name);
	}
	if (k == -1)
		return -1;

	l = xml_el(r->root, "appraisal-years", NULL);
	for (k = 0; k < NYEARS; k++) {
		n = xml_el(l, "year", NULL);
		xml_attrf(n, "value", "%lld", a->year - 1 - k);
	}

	xml_levels(r->root);

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
	while ((k = db_row(r, STMT_WT_MAP_ALL, &old, &code,
	    &name)) == 1) {
		if (strcmp(old, prev) != 0) {
			for (w = l->children; w != NULL; w = w->next) {
				xmlChar	*c = xmlGetProp(w,
				    (const xmlChar *)"code");
				int	 eq = c != NULL &&
				    strcmp((char *)c, old) == 0;

				xmlFree(c);
				if (eq)
					break;
			}
			prev = old;
		}
		if (w != NULL) {
			n = xml_el(w, "maps-to", NULL);
			xml_attr(n, "code", code);
			xml_attr(n, "name", name);
		}
	}
	if (k == -1)
		return -1;

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
		xml_attr(n, "value", apply_exc_conds[i].code);
		xml_attr(n, "name", apply_exc_conds[i].name);
	}

	*has_photo = *has_idcard = *nr19 = *nexc = 0;
	l = xml_el(r->root, "materials", NULL);
	if (db_run(r, STMT_APP_MATERIALS, a->id) == -1)
		return -1;
	while ((k = db_row(r, STMT_APP_MATERIALS, &id, &kind,
	    &title, &mime, &size, &created)) == 1) {
		n = xml_el(l, "material", NULL);
		xml_attrf(n, "id", "%lld", id);
		xml_attr(n, "kind", kind);
		if (*title != '\0')
			xml_attr(n, "title", title);
		xml_attr(n, "mime", mime);
		xml_attrf(n, "size", "%lld", size);
		xml_attr(n, "created", created);
		if (strcmp(kind, "photo") == 0)
			*has_photo = 1;
		else if (strcmp(kind, "idcard") == 0)
			*has_idcard = 1;
		else if (strcmp(kind, "r19proof") == 0)
			(*nr19)++;
		else if (strcmp(kind, "exc_evidence") == 0)
			(*nexc)++;
	}
	return k == -1 ? -1 : 0;
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
	if ((k = apply_wt_get(r, f->v[F_CURWT], &status, &name)) == -1)
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
 * version field is the one given (the stored one when NULL).
 */
enum rc
apply_page_finish(struct req *r, const struct acct *c, const struct app *a,
    struct vals *f, const char *version, int *has_photo, int *has_idcard,
    int *nr19, int *nexc)
{
	int	 hp, hi, n19, ne;

	form_fill(r, a, f);
	if (version != NULL)
		xml_field(r, "version", version);
	else
		xml_field(r, "version", pool_printf(r->pool, "%lld",
		    a->version));
	if (unit_tree(r, c, f) == -1 ||
	    page_lists(r, a, &hp, &hi, &n19, &ne) == -1 ||
	    page_targets(r, a, f) == -1)
		return RC_DB;
	if (has_photo != NULL) {
		*has_photo = hp;
		*has_idcard = hi;
		*nr19 = n19;
		*nexc = ne;
	}
	return RC_OK;
}

/* Loads account and application; RC_OK or the error. */
enum rc
apply_load(struct req *r, struct acct *c, struct app *a)
{
	int	 n;

	if ((n = acct_load(r, c)) == -1)
		return RC_DB;
	if (n == 0)
		return RC_NOTFOUND;
	if (apply_app_load(r, c, a) == -1)
		return RC_DB;
	return RC_OK;
}

/* GET /apply */
enum rc
h_apply(struct req *r)
{
	struct acct	 c;
	struct app	 a;
	struct vals	 f;
	struct form	 kept;
	enum rc		 rc;
	int		 n;

	if ((rc = apply_load(r, &c, &a)) != RC_OK)
		return rc;
	/* What could not be taken before (keep.c) comes back, once. */
	if ((n = keep_take(r, &kept)) == -1)
		return RC_DB;
	if (n == 1 && app_editable(&a)) {
		rc = apply_restore(r, &c, &a, &kept);
		OPENSSL_cleanse(c.idno, sizeof(c.idno));
		OPENSSL_cleanse(c.phone, sizeof(c.phone));
		return rc;
	}
	if (apply_page_start(r, &c, &a, NULL) == -1)
		return RC_DB;
	apply_vals_from_app(&f, &a);
	/* 工作年限 is filled in from 参加工作时间 until given. */
	if (*f.v[F_WYEARS] == '\0' && strlen(f.v[F_WSTART]) == 10)
		f.v[F_WYEARS] = pool_printf(r->pool, "%lld",
		    a.year - atoi(f.v[F_WSTART]) + 1);
	rc = apply_page_finish(r, &c, &a, &f, NULL, NULL, NULL, NULL, NULL);
	OPENSSL_cleanse(c.idno, sizeof(c.idno));
	OPENSSL_cleanse(c.phone, sizeof(c.phone));
	return rc;
}
