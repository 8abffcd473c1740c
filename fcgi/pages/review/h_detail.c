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
 * h_detail.c: 详情, one application as a reviewer sees it (seed 002
 * §1.1.2): everything the candidate entered and uploaded, the
 * eligibility rules run again with the year's policy as it is today,
 * the candidate's rows of the qualified library (往年报考合格库), the
 * chain and every earlier decision with its reason, the 容缺后补 state
 * with its confirm/re-check form, the city's comments and the province's
 * marks with the form to add one, 代传资料 and 添加身份证号, and, while the
 * application waits at this account's unit, the decision form (posted
 * to /review/decide).
 *
 * Only staff whose unit is in the application's chain see it (queue.c);
 * any other id answers 404 as if it did not exist.  Each view is
 * audited (app.view), and the page is not shown if the audit fails.
 */

#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "defer.h"
#include "material.h"

#define MAX_MSGS	32	/* messages of one eligibility_check */
#define MAX_MAPS	16	/* new work types of an old one */
#define MAX_QUALS	32	/* rows of the qualified library */

/* The application as this page reads it. */
struct rv {
	long long	 id, version, year, acct, unit_id, edu_rank;
	long long	 work_years, cur_level, cur_year, target_level;
	long long	 prohibited, exceptional, exc_entered, stamped;
	long long	 r18, r19, wait_unit, days, defer;
	char		*state, *name, *gender, *birth, *region, *unit, *ucode;
	char		*edu, *cur_wt, *ucat, *urank, *twt, *route;
	char		*work_start, *submitted, *wait_level, *defer_note;
	char		*decided;
	int		 mine;		/* the account's unit is in the chain */
	unsigned char	*ie, *pe, *idmac;
	size_t		 iel, pel, idmac_len;
};

/* The fixed choices of the form, as the candidate saw them. */
static const struct {
	const char	*field, *value, *name;
} rv_choices[] = {
	{ "unit_category",	"admin",	"行政" },
	{ "unit_category",	"institution",	"事业" },
	{ "unit_rank",		"province",	"省级" },
	{ "unit_rank",		"city",		"市级" },
	{ "unit_rank",		"county",	"县级" },
	{ "unit_rank",		"township",	"乡镇" },
	{ "route",		"years",	"按工作年限申报" },
	{ "route",		"certificate",	"按岗位等级证书申报" },
};

/* Reasons a reviewer often gives (chosen or typed: <datalist>). */
static const char *const rv_reasons[] = {
	"材料不全，请补充上传后重新提交。",
	"个人照片不符合要求（近期二寸免冠白底彩色证件照）。",
	"身份证照片不清晰，请重新上传。",
	"工作年限不满足申报条件。",
	"现岗位等级取得时间不满足申报条件。",
	"年度考核结果不满足申报条件。",
	"申报工种与现岗位工种不符。",
	"所在单位选择有误。",
	"文化程度不满足申报条件。",
};

static const char *
rv_choice(const char *field, const char *value)
{
	size_t	 i;

	for (i = 0; i < sizeof(rv_choices) / sizeof(rv_choices[0]); i++)
		if (strcmp(rv_choices[i].field, field) == 0 &&
		    strcmp(rv_choices[i].value, value) == 0)
			return rv_choices[i].name;
	return value;
}

/* <item key label>value</item>, when there is a value. */
static void
rv_item(xmlNodePtr info, const char *key, const char *label,
    const char *value)
{
	xmlNodePtr	 n;

	if (value == NULL || *value == '\0')
		return;
	n = xml_el(info, "item", value);
	xml_attr(n, "key", key);
	xml_attr(n, "label", label);
}

/* A work type's name, else its code; "" for none. */
static const char *
rv_wt(struct req *r, const char *code)
{
	char	*name = NULL, *status;
	int	 n;

	if (*code == '\0')
		return "";
	if (db_run(r, STMT_WT_GET, code) == -1 ||
	    (n = db_row(r, STMT_WT_GET, &name, &status)) == -1)
		return code;
	db_done(r, STMT_WT_GET);
	return n == 1 ? pool_printf(r->pool, "%s（%s）", name, code) : code;
}

/* Reads the application's rows into a; 1, 0 if none, -1. */
static int
rv_load(struct req *r, long long id, struct rv *a)
{
	int	 n;

	memset(a, 0, sizeof(*a));
	a->id = id;
	if (db_run(r, STMT_RV_APP, id) == -1 ||
	    (n = db_row(r, STMT_RV_APP, &a->state, &a->version, &a->year,
	    &a->acct, &a->name, &a->ie, &a->iel, &a->pe, &a->pel, &a->gender,
	    &a->birth, &a->region, &a->idmac, &a->idmac_len, &a->unit,
	    &a->ucode, &a->unit_id, &a->edu_rank, &a->edu, &a->work_years,
	    &a->cur_level, &a->cur_wt, &a->cur_year, &a->ucat, &a->urank,
	    &a->target_level, &a->twt)) == -1)
		return -1;
	if (n == 0)
		return 0;
	db_done(r, STMT_RV_APP);
	if (db_run(r, STMT_RV_APP_MORE, id) == -1 ||
	    (n = db_row(r, STMT_RV_APP_MORE, &a->route, &a->prohibited,
	    &a->exceptional, &a->exc_entered, &a->stamped, &a->r18, &a->r19,
	    &a->work_start, &a->submitted, &a->wait_unit, &a->wait_level,
	    &a->days, &a->defer, &a->defer_note, &a->decided)) == -1)
		return -1;
	db_done(r, STMT_RV_APP_MORE);
	return n;
}

/* <candidate>: the registration, ID number and phone in full. */
static void
rv_candidate(struct req *r, const struct rv *a)
{
	xmlNodePtr	 c;
	char		 plain[32];

	c = xml_el(r->root, "candidate", NULL);
	xml_attrf(c, "account", "%lld", a->acct);
	xml_attr(c, "name", a->name);
	if (a->ie != NULL && pii_open(r->cfg, PII_IDNO, a->acct, a->ie,
	    a->iel, plain, sizeof(plain)) == 0)
		xml_attr(c, "idno", plain);
	if (a->pe != NULL && pii_open(r->cfg, PII_PHONE, a->acct, a->pe,
	    a->pel, plain, sizeof(plain)) == 0)
		xml_attr(c, "phone", plain);
	OPENSSL_cleanse(plain, sizeof(plain));
	xml_attr(c, "gender", strcmp(a->gender, "F") == 0 ? "女" : "男");
	xml_attr(c, "birth", a->birth);
	xml_attr(c, "region", a->region);
}

/* <application> and its <info> items: what the candidate entered. */
static xmlNodePtr
rv_application(struct req *r, const struct rv *a)
{
	xmlNodePtr	 p, info;

	p = xml_el(r->root, "application", NULL);
	xml_attrf(p, "id", "%lld", a->id);
	xml_attr(p, "state", a->state);
	xml_attrf(p, "version", "%lld", a->version);
	xml_attrf(p, "year", "%lld", a->year);
	if (a->target_level >= 1 && a->target_level <= 5) {
		xml_attrf(p, "level", "%lld", a->target_level);
		xml_attr(p, "level-name", xml_level_name((int)a->target_level));
	}
	if (*a->submitted != '\0')
		xml_attr(p, "submitted", a->submitted);
	if (a->wait_unit > 0) {
		xml_attr(p, "wait-level", a->wait_level);
		xml_attrf(p, "days", "%lld", a->days < 0 ? 0 : a->days);
		xml_attr(p, "here", a->wait_unit == r->unit_id ? "1" : "0");
	}
	xml_attr(p, "stamped", a->stamped ? "1" : "0");
	info = xml_el(p, "info", NULL);
	rv_item(info, "unit", "所在单位", *a->ucode ? pool_printf(r->pool,
	    "%s（%s）", a->unit, a->ucode) : "");
	rv_item(info, "unit_category", "单位类别", rv_choice("unit_category",
	    a->ucat));
	rv_item(info, "unit_rank", "单位级别", rv_choice("unit_rank",
	    a->urank));
	rv_item(info, "education", "文化程度", a->edu);
	rv_item(info, "work_start", "参加工作时间", a->work_start);
	if (a->work_years >= 0)
		rv_item(info, "work_years", "工作年限",
		    pool_printf(r->pool, "%lld年", a->work_years));
	return info;
}

/* The rest of <info>: levels, work types, route, answers. */
static void
rv_info_more(struct req *r, const struct rv *a, xmlNodePtr info)
{
	if (a->cur_level == 0)
		rv_item(info, "cur_level", "现岗位等级", "未定级");
	else if (a->cur_level > 0)
		rv_item(info, "cur_level", "现岗位等级",
		    xml_level_name((int)a->cur_level));
	rv_item(info, "cur_worktype", "现岗位工种", rv_wt(r, a->cur_wt));
	if (a->cur_year > 0)
		rv_item(info, "cur_level_year", "现等级取得时间",
		    pool_printf(r->pool, "%lld年", a->cur_year));
	rv_item(info, "target_worktype", "申报岗位工种", rv_wt(r, a->twt));
	if (a->target_level > 0)
		rv_item(info, "target_level", "申报岗位等级",
		    xml_level_name((int)a->target_level));
	rv_item(info, "route", "申报方式", rv_choice("route", a->route));
	if (a->prohibited >= 0)
		rv_item(info, "prohibited", "是否存在禁止申报情形",
		    a->prohibited ? "是" : "否");
	rv_item(info, "exceptional", "是否申请破格晋升",
	    a->exceptional ? "是" : "否");
	if (a->exc_entered)
		rv_item(info, "exc_entered", "破格/一线", "由工考办录入");
	if (a->r18)
		rv_item(info, "confirm_r18", "合格库提示", "本人已确认");
	if (a->r19)
		rv_item(info, "confirm_r19", "现岗位工种提示", "本人已确认");
}

/* The long texts and the five years' appraisals. */
static int
rv_texts(struct req *r, const struct rv *a, xmlNodePtr info)
{
	static const char *const keys[] = { "appraisal_note",
	    "exc_conditions", "exc_evidence", "resume", "rewards",
	    "achievements", "opt_conditions" };
	static const char *const labels[] = { "年度考核情况说明",
	    "破格晋升条件", "破格晋升证明材料", "学习工作简历", "奖惩情况",
	    "主要技术业务工作业绩", "其它申报条件" };
	char		*t[7], *grade, *gname;
	long long	 year;
	xmlNodePtr	 list, n;
	size_t		 i;
	int		 k;

	if (db_run(r, STMT_RV_TEXTS, a->id) == -1 ||
	    (k = db_row(r, STMT_RV_TEXTS, &t[0], &t[1], &t[2], &t[3], &t[4],
	    &t[5], &t[6])) == -1)
		return -1;
	db_done(r, STMT_RV_TEXTS);
	for (i = 0; k == 1 && i < 7; i++)
		rv_item(info, keys[i], labels[i], t[i]);
	list = xml_el(r->root, "appraisals", NULL);
	if (db_run(r, STMT_RV_APPRAISALS, a->id) == -1)
		return -1;
	while ((k = db_row(r, STMT_RV_APPRAISALS, &year, &grade,
	    &gname)) == 1) {
		n = xml_el(list, "appraisal", NULL);
		xml_attrf(n, "year", "%lld", year);
		xml_attr(n, "grade", grade);
		xml_attr(n, "name", gname);
	}
	return k;
}

/*
 * <qualified>: the candidate's rows of the qualified library, kept in q
 * for the rules too.  Returns how many, or -1.
 */
static int
rv_qualified(struct req *r, const struct rv *a, struct elig_qual *q)
{
	xmlNodePtr	 list, n;
	char		*wt, *name;
	long long	 lv, yr;
	int		 k, nq = 0;

	list = xml_el(r->root, "qualified", NULL);
	if (a->idmac == NULL || a->idmac_len != MAC_LEN)
		return 0;
	if (db_run(r, STMT_RV_QUALIFIED, a->idmac, a->idmac_len) == -1)
		return -1;
	while ((k = db_row(r, STMT_RV_QUALIFIED, &wt, &name, &lv,
	    &yr)) == 1) {
		n = xml_el(list, "entry", NULL);
		xml_attr(n, "worktype", wt);
		xml_attr(n, "name", name);
		xml_attrf(n, "level", "%lld", lv);
		xml_attr(n, "level-name", xml_level_name((int)lv));
		xml_attrf(n, "year", "%lld", yr);
		if (nq < MAX_QUALS) {
			q[nq].worktype = wt;
			q[nq].level = (int)lv;
			q[nq].year = (int)yr;
			nq++;
		}
	}
	return k == -1 ? -1 : nq;
}

/* The current work type: merged or cancelled, and what it maps to. */
static int
rv_maps(struct req *r, struct elig_app *e, const char **maps)
{
	char	*status, *name, *nc, *nn;
	size_t	 n = 0;
	int	 k;

	if (e->cur_worktype == NULL)
		return 0;
	if (db_run(r, STMT_WT_GET, e->cur_worktype) == -1 ||
	    (k = db_row(r, STMT_WT_GET, &name, &status)) == -1)
		return -1;
	db_done(r, STMT_WT_GET);
	e->cur_is_old = k == 1 && strcmp(status, "current") != 0;
	if (db_run(r, STMT_WT_MAPS, e->cur_worktype) == -1)
		return -1;
	while ((k = db_row(r, STMT_WT_MAPS, &nc, &nn)) == 1)
		if (n < MAX_MAPS)
			maps[n++] = nc;
	e->cur_maps_to = maps;
	e->ncur_maps_to = n;
	return k;
}

/* The application as the rules see it (struct elig_app). */
static void
rv_elig_app(const struct rv *a, struct elig_app *e)
{
	memset(e, 0, sizeof(*e));
	e->year = (int)a->year;
	e->gender = *a->gender == 'F' ? 'F' : 'M';
	e->birth_year = atoi(a->birth);
	e->work_start_year = atoi(a->work_start);
	e->work_years = (int)a->work_years;
	e->cur_level = (int)a->cur_level;
	e->cur_worktype = *a->cur_wt != '\0' ? a->cur_wt : NULL;
	e->cur_level_year = (int)a->cur_year;
	e->target_worktype = *a->twt != '\0' ? a->twt : NULL;
	e->target_level = (int)a->target_level;
	e->route = strcmp(a->route, "years") == 0 ? ROUTE_YEARS :
	    strcmp(a->route, "certificate") == 0 ? ROUTE_CERT : ROUTE_NONE;
	e->edu_rank = (int)a->edu_rank;
	e->prohibited = (int)a->prohibited;
	e->exceptional = a->exc_entered != 0;
	e->confirm_r18 = a->r18 != 0;
	e->confirm_r19 = a->r19 != 0;
}

/*
 * <eligibility>: the rules R1-R21 run again with the year's policy as
 * it stands today (it may have changed since the submission), with the
 * qualified library's rows read for <qualified>.
 */
static int
rv_eligibility(struct req *r, const struct rv *a)
{
	struct elig_policy	 pol;
	struct elig_app		 e;
	struct elig_msg		 m[MAX_MSGS];
	struct elig_qual	 q[MAX_QUALS];
	const char		*maps[MAX_MAPS];
	xmlNodePtr		 list, n;
	size_t			 nm, i, errors = 0;
	int			 nq;

	rv_elig_app(a, &e);
	if ((nq = rv_qualified(r, a, q)) == -1 || rv_maps(r, &e, maps) == -1 ||
	    policy_load(r, (int)a->year, &pol) == -1)
		return -1;
	e.quals = q;
	e.nquals = (size_t)nq;
	nm = eligibility_check(&e, &pol, m, MAX_MSGS);
	if (nm > MAX_MSGS)
		nm = MAX_MSGS;
	list = xml_el(r->root, "eligibility", NULL);
	for (i = 0; i < nm; i++) {
		n = xml_el(list, "rule", m[i].text);
		xml_attr(n, "id", m[i].rule);
		if (m[i].field != NULL)
			xml_attr(n, "field", m[i].field);
		xml_attr(n, "kind", m[i].warning ? "warning" : "error");
		errors += !m[i].warning;
	}
	xml_attr(list, "ok", errors == 0 ? "1" : "0");
	return 0;
}

/* <chain>: the steps fixed at submission, this account's marked. */
static int
rv_chain(struct req *r, struct rv *a)
{
	xmlNodePtr	 list, n;
	char		*level, *name, *code;
	long long	 step, unit;
	int		 k;

	list = xml_el(r->root, "chain", NULL);
	if (db_run(r, STMT_RV_CHAIN, a->id) == -1)
		return -1;
	while ((k = db_row(r, STMT_RV_CHAIN, &step, &level, &name, &code,
	    &unit)) == 1) {
		n = xml_el(list, "step", NULL);
		xml_attrf(n, "n", "%lld", step);
		xml_attr(n, "level", level);
		xml_attr(n, "unit", name);
		if (unit == a->wait_unit)
			xml_attr(n, "waiting", "1");
		if (unit == r->unit_id) {
			xml_attr(n, "mine", "1");
			a->mine = 1;
		}
	}
	return k;
}

/* <events>: every act on the application, with its reason. */
static int
rv_events(struct req *r, const struct rv *a)
{
	xmlNodePtr	 list, n;
	char		*level, *action, *actor, *unit, *at, *why;
	long long	 step;
	int		 k;

	list = xml_el(r->root, "events", NULL);
	if (db_run(r, STMT_RV_EVENTS, a->id) == -1)
		return -1;
	while ((k = db_row(r, STMT_RV_EVENTS, &level, &action, &actor,
	    &unit, &at, &why, &step)) == 1) {
		n = xml_el(list, "event", NULL);
		xml_attr(n, "level", level);
		xml_attr(n, "action", action);
		xml_attr(n, "actor", actor);
		if (*unit != '\0')
			xml_attr(n, "unit", unit);
		xml_attr(n, "at", at);
		if (*why != '\0')
			xml_el(n, "reason", why);
	}
	return k;
}

/*
 * What else staff do here, each checked again where it is posted: the
 * 容缺后补 state and its form (defer.c), the city's comments and the
 * province's marks (notes.c), and <actions>: while the application is
 * under review, 代传资料 and 添加身份证号 for staff of the chain (an
 * office above it only reads); the note this account's office may
 * write (kind).
 */
static int
rv_staff(struct req *r, const struct rv *a)
{
	xmlNodePtr	 n;
	const char	*kind;

	if (defer_app_xml(r, r->root, a->id) == -1 ||
	    notes_app_xml(r, r->root, a->id) == -1 ||
	    notes_writable(r, a->id, &kind) == -1)
		return -1;
	n = xml_el(r->root, "actions", NULL);
	if (a->mine && strcmp(a->state, "submitted") == 0) {
		xml_attr(n, "upload", "1");
		if (!a->stamped)
			xml_attr(n, "stamp", "1");
	}
	if (kind != NULL)
		xml_attr(n, "note", kind);
	return 0;
}

/* A field of the kept decision form, else dflt. */
static const char *
rv_kept(const struct form *kept, const char *name, const char *dflt)
{
	const char	*v = form_text(kept, name);

	return *v != '\0' ? v : dflt;
}

/*
 * The decision form, while the application waits at this account's
 * unit: the fields of POST /review/decide (COMMON.md), the common
 * reasons, and the queue to go on with.  A form kept when the session
 * expired (keep.c) comes back as it was sent, its version too (a
 * decision taken meanwhile by someone else then answers 409).
 */
static void
rv_form(struct req *r, const struct rv *a, const struct form *kept)
{
	xmlNodePtr	 list;
	size_t		 i;

	if (strcmp(a->state, "submitted") != 0 || a->wait_unit != r->unit_id)
		return;
	xml_form(r, "/review/decide");
	xml_field(r, "id", pool_printf(r->pool, "%lld", a->id));
	xml_field(r, "version", rv_kept(kept, "version",
	    pool_printf(r->pool, "%lld", a->version)));
	xml_field(r, "action", rv_kept(kept, "action", ""));
	xml_field(r, "reason", rv_kept(kept, "reason", ""));
	xml_field(r, "defer", rv_kept(kept, "defer", a->defer == 1 ?
	    "1" : "0"));
	xml_field(r, "defer_note", rv_kept(kept, "defer_note",
	    a->defer_note));
	xml_field(r, "next", a->target_level == 1 ? "senior" : "manual");
	if (kept->nfields > 0)
		xml_form_message(r, "登录超时前填写的审核意见已恢复（尚未提交），"
		    "请核对后点击“提交审核结果”。");
	list = xml_el(r->root, "reasons", NULL);
	for (i = 0; i < sizeof(rv_reasons) / sizeof(rv_reasons[0]); i++)
		xml_el(list, "reason", rv_reasons[i]);
}

/*
 * The id asked for, or with none, that of the decision form kept when
 * the session expired (keep.c; taken once into kept).  Returns 1, 0 if
 * there is none, -1 on a database failure.
 */
static int
rv_id(struct req *r, struct form *kept, long long *id)
{
	const char	*s = req_arg(r, "id");

	memset(kept, 0, sizeof(*kept));
	if (s == NULL && keep_pending(r)) {
		if (keep_take(r, kept) == -1)
			return -1;
		s = form_text(kept, "id");
	}
	return valid_uint(s != NULL ? s : "", 1, 0xffffffffLL, id) == 0;
}

/* GET /review/app?id=N (no id: the kept decision form's) */
enum rc
h_review_app(struct req *r)
{
	struct rv	 a;
	struct form	 kept;
	long long	 id;
	xmlNodePtr	 info;
	int		 n;

	if ((n = rv_id(r, &kept, &id)) != 1)
		return n == -1 ? RC_DB : RC_NOTFOUND;
	if ((n = queue_sees(r, id)) == -1)
		return RC_DB;
	if (n == 0)
		return RC_NOTFOUND;
	if ((n = rv_load(r, id, &a)) == -1)
		return RC_DB;
	if (n == 0)
		return RC_NOTFOUND;
	if (audit(r, "app.view", pool_printf(r->pool, "application:%lld", id),
	    "ok", NULL) == -1)
		return RC_DB;
	xml_page(r, PAGE_REVIEWAPP);
	if (queue_counts(r) == -1)
		return RC_DB;
	rv_candidate(r, &a);
	info = rv_application(r, &a);
	rv_info_more(r, &a, info);
	if (rv_texts(r, &a, info) == -1 || material_list_xml(r, r->root, a.id, NULL) == -1 ||
	    rv_eligibility(r, &a) == -1 || rv_chain(r, &a) == -1 ||
	    rv_events(r, &a) == -1 || rv_staff(r, &a) == -1)
		return RC_DB;
	rv_form(r, &a, &kept);
	return RC_OK;
}
