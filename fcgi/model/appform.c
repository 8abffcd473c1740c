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
 * appform.c: the application form's model.  Its fields are declared in
 * appform_fields (types, limits, lists, messages), which the pipeline
 * checks before POST /apply runs (field.c); what needs the application
 * or several fields at once (the unit's chain, the years against the
 * report year, the appraisal years, the registered region) is
 * appform_check.  Also loading the candidate and the application,
 * storing the form, and keeping a form sent with an upload.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "appform.h"

/* 破格晋升条件 (interpretation: the seeds name none; see the ChangeLog). */
const struct exc_cond appform_exc_conds[NEXC_CONDS] = {
	{ "c1", "获得县级以上劳动模范、先进工作者等荣誉称号" },
	{ "c2", "在市级以上职业技能竞赛中获得名次" },
	{ "c3", "获得市级以上政府或行业主管部门表彰奖励" },
	{ "c4", "有技术革新、发明创造成果并取得显著经济社会效益" },
};

#define ID_MAX		4294967295LL	/* the largest row id */

#define M_EXCCOND	"请从列表中勾选破格晋升条件。"
#define M_TICK		"确认项只能勾选或不勾选。"
#define M_WT_MERGED	"该工种已合并或取消，请选择合并后的新工种或就近岗位工种。"

static const char *const ucats[] = { "admin", "institution", NULL };
static const char *const uranks[] = { "province", "city", "county",
    "township", NULL };
static const char *const routes[] = { "years", "certificate", NULL };
static const char *const yesno[] = { "yes", "no", NULL };
static const char *const tick[] = { "1", NULL };
static const char *const actions[] = { [AA_SAVE] = "save",
    [AA_SUBMIT] = "submit", [AA_PICK_UNIT] = "pick_unit",
    [AA_SEND_CODE] = "send_code", NULL };

/*
 * A work type that exists; for the target (f is F_TWT) also current (not
 * merged or cancelled).
 */
static const char *
check_wt(struct req *r, const struct fielddef *f, struct fval *v)
{
	char	*status;
	int	 n;

	if ((n = appform_wt_get(r, v->s, &status, NULL)) == -1)
		return field_dbfail;
	if (n == 0)
		return f->bad;
	return f != &appform_fields[F_TWT] || strcmp(status, "current") == 0 ?
	    NULL : M_WT_MERGED;
}

/* A list of breakthrough condition codes: "c1,c3". */
static const char *
check_exc_conds(struct req *r, const struct fielddef *f, struct fval *v)
{
	const char	*p = v->s;
	size_t		 l, i;

	(void)r;
	while (*p != '\0') {
		l = strcspn(p, ",");
		for (i = 0; i < NEXC_CONDS; i++)
			if (l == 2 && strncmp(p, appform_exc_conds[i].code,
			    2) == 0)
				break;
		if (i == NEXC_CONDS)
			return f->bad;
		p += l;
		if (*p == ',')
			p++;
	}
	return NULL;
}

#define TEXT(key, max, label) { key, FT_TEXT, FL_LINES, 0, max, NULL, \
    label "不能超过" #max "个字，请精简后重新填写。", NULL, NULL }
#define EXC(code) { "exc_cond_" code, FT_CHOICE, 0, 0, 0, NULL, M_EXCCOND, \
    tick, NULL }

/*
 * The fields of POST /apply.  Every one may be empty (a draft is saved
 * as far as it is filled in); what submitting needs is h_apply_post's.
 */
const struct fielddef appform_fields[AF__MAX + 1] = {
	[F_UNIT] = { "unit_id", FT_UINT, 0, 1, ID_MAX, NULL,
	    "请从列表中选择所在单位。", NULL, NULL },
	[F_EDU] = { "education", FT_CODE, 0, STMT_EDU_LIST, 2, NULL,
	    "请从列表中选择文化程度。", NULL, NULL },
	/* The years against the report year: appform_check. */
	[F_WSTART] = { "work_start", FT_DATE, 0, 1, 9999, NULL, NULL, NULL,
	    NULL },
	[F_WYEARS] = { "work_years", FT_UINT, 0, 0, 80, NULL,
	    "工作年限应为0至80之间的整数（年）。", NULL, NULL },
	[F_CURLEVEL] = { "cur_level", FT_UINT, 0, 0, 5, NULL,
	    "请从列表中选择现岗位等级。", NULL, NULL },
	[F_CURWT] = { "cur_worktype", FT_TEXT, 0, 1, 8, NULL,
	    "没有这个工种，请从列表中选择现岗位工种。", NULL, check_wt },
	[F_CURYEAR] = { "cur_level_year", FT_UINT, 0, 1950, 9999, NULL,
	    "现等级取得时间应为四位年份。", NULL, NULL },
	[F_UCAT] = { "unit_category", FT_CHOICE, 0, 0, 0, NULL,
	    "单位类别只能选择行政或事业。", ucats, NULL },
	[F_URANK] = { "unit_rank", FT_CHOICE, 0, 0, 0, NULL,
	    "请从列表中选择单位级别（省级、市级、县级、乡镇）。", uranks, NULL },
	[F_TWT] = { "target_worktype", FT_TEXT, 0, 1, 8, NULL,
	    "没有这个工种，请从列表中选择申报岗位工种。", NULL, check_wt },
	[F_TLEVEL] = { "target_level", FT_UINT, 0, 1, 5, NULL,
	    "请从列表中选择申报岗位等级。", NULL, NULL },
	[F_ROUTE] = { "route", FT_CHOICE, 0, 0, 0, NULL,
	    "申报方式只能选择按工作年限申报或按岗位等级证书申报。", routes, NULL },
	[F_PROHIB] = { "prohibited", FT_CHOICE, 0, 0, 0, NULL,
	    "请选择是或否。", yesno, NULL },
	[F_EXC] = { "exceptional", FT_CHOICE, 0, 0, 0, NULL,
	    "破格晋升只能勾选或不勾选。", tick, NULL },
	[F_CR18] = { "confirm_r18", FT_CHOICE, 0, 0, 0, NULL, M_TICK, tick,
	    NULL },
	[F_CR19] = { "confirm_r19", FT_CHOICE, 0, 0, 0, NULL, M_TICK, tick,
	    NULL },
	[F_NOTE] = TEXT("appraisal_note", 500, "考核结果说明"),
	[F_EXCCOND] = { "exc_conditions", FT_TEXT, 0, 0, 200, NULL,
	    M_EXCCOND, NULL, check_exc_conds },
	[F_EXCEV] = TEXT("exc_evidence", 1000, "破格晋升证明材料"),
	[F_RESUME] = TEXT("resume", 4000, "学习工作简历"),
	[F_REWARDS] = TEXT("rewards", 4000, "奖惩情况"),
	[F_ACHIEVE] = TEXT("achievements", 4000, "主要技术业务工作业绩"),
	[F_OPT] = TEXT("opt_conditions", 2000, "可选条件"),
	[AF_REGION] = { "region", FT_TEXT, 0, 6, 6, NULL,
	    "请从列表中选择地区。", NULL, field_check_digits },
	[AF_SUPERVISOR] = { "supervisor", FT_UINT, 0, 1, ID_MAX, NULL,
	    "请从列表中选择主管单位。", NULL, NULL },
	[AF_EXC1] = EXC("c1"),
	[AF_EXC1 + 1] = EXC("c2"),
	[AF_EXC1 + 2] = EXC("c3"),
	[AF_EXC1 + 3] = EXC("c4"),
	[AF_ACTION] = { "action", FT_CHOICE, 0, 0, 0, NULL,
	    "请点击“保存信息”或“提交信息”按钮。", actions, NULL },
	[AF_VERSION] = { "version", FT_UINT, 0, 1, ID_MAX, NULL,
	    "页面已过期，请核对本页内容后重新保存或提交。", NULL, NULL },
	[AF_SMSCODE] = { "sms_code", FT_TEXT, FL_SECRET, 0, 32, NULL,
	    "短信验证码为6位数字。", NULL, NULL },
	[AF__MAX] = { NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* One year's appraisal (appraisal_YYYY, one a year: appform_read). */
static const struct fielddef grade_field = { "appraisal_", FT_CODE, 0,
    STMT_GRADE_LIST, 8, NULL, "请从列表中选择考核等次。", NULL, NULL };

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
appform_app_load(struct req *r, const struct acct *c, struct app *a)
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
appform_from_app(struct vals *f, const struct app *a)
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
appform_unit_chain(struct req *r, long long id, long long *sup, char **region)
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
appform_wt_get(struct req *r, const char *code, char **status, char **name)
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

/* Loads account and application; RC_OK or the error. */
enum rc
appform_load(struct req *r, struct acct *c, struct app *a)
{
	int	 n;

	if ((n = acct_load(r, c)) == -1)
		return RC_DB;
	if (n == 0)
		return RC_NOTFOUND;
	if (appform_app_load(r, c, a) == -1)
		return RC_DB;
	return RC_OK;
}

/*
 * The values of the form: fv as the pipeline read appform_fields (NULL:
 * read them from form here), the appraisal of each of the five years
 * before the report year, and the ticked breakthrough conditions as
 * "c1,c3".  Every parsed member is -1 until appform_check.  Returns 0,
 * or -1 on a database failure.
 */
int
appform_read(struct req *r, const struct app *a, const struct form *form,
    struct fval *fv, struct vals *f)
{
	char	 key[32];
	size_t	 i;
	int	 k, bad, given = 0, wrong = 0;

	memset(f, 0, sizeof(*f));
	if (fv == NULL && (fv = field_read(r, appform_fields, form, form,
	    &bad)) == NULL)
		return -1;
	f->fv = fv;
	for (k = 0; k < NYEARS; k++) {
		snprintf(key, sizeof(key), "appraisal_%lld", a->year - 1 - k);
		if (field_one(r, &grade_field, key, form, &f->gv[k]) == -1)
			return -1;
		f->grade[k] = f->gv[k].s;
	}
	/* Checkboxes exc_cond_c1=1, exc_cond_c3=1 become "c1,c3". */
	for (i = 0; i < NEXC_CONDS; i++) {
		if (*fv[AF_EXC1 + i].s == '\0')
			continue;
		fv[F_EXCCOND].s = pool_printf(r->pool, "%s%s%s", given ?
		    fv[F_EXCCOND].s : "", given ? "," : "",
		    fv[AF_EXC1 + i].err == NULL ? appform_exc_conds[i].code :
		    "?");
		given = 1;
		wrong |= fv[AF_EXC1 + i].err != NULL;
	}
	if (given)
		fv[F_EXCCOND].err = wrong ? M_EXCCOND : NULL;
	for (k = 0; k < F__MAX; k++)
		f->v[k] = fv[k].s;
	f->region = fv[AF_REGION].s;
	f->supervisor = fv[AF_SUPERVISOR].s;
	f->unit_id = f->work_years = f->cur_level = f->cur_year = -1;
	f->target_level = f->edu_rank = -1;
	f->prohibited = -1;
	return 0;
}

/* A field's value when given and well-formed, else NULL. */
static const struct fval *
good(const struct vals *f, int k)
{
	return *f->fv[k].s != '\0' && f->fv[k].err == NULL ? &f->fv[k] :
	    NULL;
}

/*
 * The unit must be one a candidate may belong to, under the region and
 * supervising unit chosen above it.  Returns 0, or -1 (database).
 */
static int
check_unit(struct req *r, struct vals *f)
{
	const struct fval *u = good(f, F_UNIT), *sv = &f->fv[AF_SUPERVISOR];
	char		*creg;
	long long	 sup = 0;
	int		 k;

	if (u == NULL)
		return 0;
	if ((k = appform_unit_chain(r, u->n, &sup, &creg)) == -1)
		return -1;
	if (k == 0)
		f->fv[F_UNIT].err = "所选单位不存在，请从列表中重新选择。";
	else if ((*sv->s != '\0' && (sv->err != NULL || sv->n != sup)) ||
	    (*f->region != '\0' && strcmp(f->region, creg) != 0))
		f->fv[F_UNIT].err = "所选单位不属于所选地区或主管单位，"
		    "请依次重新选择地区、主管单位和所在单位。";
	else
		f->unit_id = u->n;
	return 0;
}

/* The dates and years against the report year (R3 for work_years). */
static void
check_years(struct req *r, const struct app *a, struct vals *f)
{
	const struct fval	*v;
	struct fval		*cy = &f->fv[F_CURYEAR];
	long long		 max;

	if ((v = good(f, F_WSTART)) != NULL) {
		if (v->n / 10000 < 1940 || v->n / 10000 > a->year)
			f->fv[F_WSTART].err = pool_printf(r->pool,
			    "参加工作时间应在1940年至%lld年之间，请核对。",
			    a->year);
		else {
			f->sy = (int)(v->n / 10000);
			f->sm = (int)(v->n / 100 % 100);
			f->sd = (int)(v->n % 100);
		}
	}
	max = f->sy > 0 ? a->year - f->sy + 1 : 80;
	if ((v = good(f, F_WYEARS)) != NULL) {
		if (v->n > max)
			f->fv[F_WYEARS].err = pool_printf(r->pool,
			    "工作年限最多为%lld年（报考年份－参加工作年份＋1），"
			    "只能往下修改。", max);
		else
			f->work_years = v->n;
	}
	if (*cy->s != '\0' && (cy->err != NULL || cy->n > a->year))
		cy->err = pool_printf(r->pool,
		    "现等级取得时间应为1950至%lld之间的四位年份。", a->year);
	else if (*cy->s != '\0')
		f->cur_year = cy->n;
}

/*
 * The unit must lie in the city or directly administered county the
 * candidate registered in (注册后不得随意修改: the registration decides
 * which office reviews), or be a province-level unit (省直, 中央驻豫),
 * which the province reviews whatever the city.  Returns 0, or -1 (DB).
 */
static int
check_unit_region(struct req *r, const struct acct *c, struct vals *f)
{
	char		*ureg, *uname = "其他地区", *cname = "注册地区", *kind;
	long long	 sup;
	int		 n;

	if (f->unit_id <= 0 || c->region == NULL || *c->region == '\0')
		return 0;
	if ((n = appform_unit_chain(r, f->unit_id, &sup, &ureg)) != 1)
		return n == -1 ? -1 : 0;
	if (strcmp(ureg, c->region) == 0)
		return 0;
	if (db_run(r, STMT_REGION_GET, ureg) == -1 ||
	    (n = db_row(r, STMT_REGION_GET, &uname, &kind)) == -1)
		return -1;
	db_done(r, STMT_REGION_GET);
	if (n == 1 && strcmp(kind, "province") == 0)
		return 0;
	if (db_run(r, STMT_REGION_GET, c->region) == -1 ||
	    db_row(r, STMT_REGION_GET, &cname, &kind) == -1)
		return -1;
	db_done(r, STMT_REGION_GET);
	f->fv[F_UNIT].err = pool_printf(r->pool, "所选单位属于%s，"
	    "与您注册时选择的%s不一致。请选择%s或省直的单位；注册地区不能修改，"
	    "如注册时选错，请联系%s工考办。", uname, cname, cname, cname);
	f->unit_id = -1;
	return 0;
}

/*
 * The checks of the form that need the application or several fields
 * at once (appform_fields checked each field alone), and the parsed
 * members of f.  Messages go to f's values (appform_errors puts them
 * into the page).  Returns 0, or -1 on a database failure.
 */
int
appform_check(struct req *r, const struct acct *c, const struct app *a,
    struct vals *f)
{
	const struct fval	*v;
	int			 k;

	if (check_unit(r, f) == -1)
		return -1;
	check_years(r, a, f);
	if ((v = good(f, F_EDU)) != NULL)
		f->edu_rank = v->n;
	if ((v = good(f, F_CURLEVEL)) != NULL)
		f->cur_level = v->n;
	if ((v = good(f, F_TLEVEL)) != NULL)
		f->target_level = v->n;
	if ((v = good(f, F_PROHIB)) != NULL)
		f->prohibited = v->n == 0;	/* yes, no */
	for (k = 0; k < NYEARS; k++)
		if (*f->gv[k].s != '\0' && f->gv[k].err == NULL &&
		    f->gv[k].n > 0)
			f->graded++;
	if (check_unit_region(r, c, f) == -1)
		return -1;
	/* 五级 has no 申报方式 (a route sent with it is dropped). */
	if (f->target_level == 5)
		f->v[F_ROUTE] = "";
	/* 工作年限 is the years since 参加工作时间 until given. */
	if (*f->v[F_WYEARS] == '\0' && f->sy > 0) {
		f->work_years = a->year - f->sy + 1;
		f->v[F_WYEARS] = pool_printf(r->pool, "%lld", f->work_years);
	}
	return 0;
}

/* Puts the messages of the form's values next to their fields. */
void
appform_errors(struct req *r, const struct app *a, const struct vals *f)
{
	int	 k;

	for (k = 0; k < AF_EXC1; k++)
		if (f->fv[k].err != NULL)
			xml_field_error(r, appform_fields[k].key, f->fv[k].err);
	for (k = 0; k < NYEARS; k++)
		if (f->gv[k].err != NULL)
			xml_field_error(r, pool_printf(r->pool,
			    "appraisal_%lld", a->year - 1 - k), f->gv[k].err);
}

/* An integer field for the database: NULL when not given. */
static const char *
num_or_null(long long v)
{
	static char	 buf[8][24];
	static int	 i;

	if (v < 0)
		return NULL;
	i = (i + 1) % 8;
	snprintf(buf[i], sizeof(buf[i]), "%lld", v);
	return buf[i];
}

/* A text field for the database: NULL when not given. */
static const char *
str_or_null(const char *s)
{
	return *s != '\0' ? s : NULL;
}

/*
 * Writes the values into the application with the version check, in
 * the caller's transaction.  Returns 1, 0 when the version or state
 * changed meanwhile, -1 on a database failure.
 */
int
appform_store(struct req *r, const struct app *a, const struct vals *f,
    long long version)
{
	char		 start[32];
	int		 n, k;

	if (f->sy > 0)
		snprintf(start, sizeof(start), "%04d-%02d-%02d", f->sy, f->sm,
		    f->sd);
	n = db_run(r, STMT_APP_SAVE,
	    num_or_null(f->unit_id), str_or_null(f->v[F_EDU]),
	    f->sy > 0 ? start : NULL, num_or_null(f->work_years),
	    num_or_null(f->cur_level), str_or_null(f->v[F_CURWT]),
	    num_or_null(f->cur_year), str_or_null(f->v[F_UCAT]),
	    str_or_null(f->v[F_URANK]), str_or_null(f->v[F_TWT]),
	    num_or_null(f->target_level), str_or_null(f->v[F_ROUTE]),
	    f->prohibited < 0 ? NULL : f->prohibited ? "1" : "0",
	    strcmp(f->v[F_EXC], "1") == 0 ? "1" : "0",
	    strcmp(f->v[F_CR18], "1") == 0 ? "1" : "0",
	    strcmp(f->v[F_CR19], "1") == 0 ? "1" : "0",
	    a->id, version);
	if (n != 1)
		return n;
	if (db_run(r, STMT_APP_SAVE_TEXT, f->v[F_NOTE],
	    f->v[F_EXCCOND], f->v[F_EXCEV], f->v[F_RESUME], f->v[F_REWARDS],
	    f->v[F_ACHIEVE], f->v[F_OPT], a->id) == -1 ||
	    db_run(r, STMT_APPRAISAL_CLEAR, a->id) == -1)
		return -1;
	for (k = 0; k < NYEARS; k++)
		if (*f->grade[k] != '\0' && db_run(r, STMT_APPRAISAL_INSERT,
		    a->id, a->year - 1 - k, f->grade[k]) == -1)
			return -1;
	return 1;
}

/* True if some value of the form has a message. */
static int
vals_bad(const struct vals *f)
{
	int	 k;

	for (k = 0; k < AF_EXC1; k++)
		if (f->fv[k].err != NULL)
			return 1;
	for (k = 0; k < NYEARS; k++)
		if (f->gv[k].err != NULL)
			return 1;
	return 0;
}

/*
 * The application form's fields sent along with another action (an
 * upload from the form): saved as the draft when every format is valid
 * and the version is the stored one, else kept (keep.c) for the next
 * GET /apply, which shows them with their errors.  Returns 1 saved, 0
 * kept or nothing sent, -1 on a database failure.
 */
int
appform_draft_keep(struct req *r)
{
	struct acct	 c;
	struct app	 a;
	struct vals	 f;
	const struct fval *ver;
	char		 obj[40];
	int		 n;

	if (form_get(&r->body, "version") == NULL)
		return 0;
	if (appform_load(r, &c, &a) != RC_OK)
		return -1;
	OPENSSL_cleanse(c.idno, sizeof(c.idno));
	OPENSSL_cleanse(c.phone, sizeof(c.phone));
	if (!app_editable(&a))
		return 0;
	if (appform_read(r, &a, &r->body, NULL, &f) == -1 ||
	    appform_check(r, &c, &a, &f) == -1)
		return -1;
	if (!vals_bad(&f) && (ver = good(&f, AF_VERSION)) != NULL) {
		snprintf(obj, sizeof(obj), "application:%lld", a.id);
		if (db_begin(r) == -1 ||
		    (n = appform_store(r, &a, &f, ver->n)) == -1)
			goto fail;
		if (n == 1) {
			if (audit(r, "application.save", obj, "ok",
			    "with upload") == -1 || db_commit(r) == -1)
				goto fail;
			return 1;
		}
		db_rollback(r);		/* changed meanwhile: keep */
	}
	return keep_put(r, r->account_id) == -1 ? -1 : 0;
fail:
	db_rollback(r);
	return -1;
}
