/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_apply_post.c: POST /apply: the checks, saving and submitting */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "apply.h"
#include "upload.h"
#include "chain.h"

#define MAX_ELIG	32	/* messages of eligibility_check */
#define MAX_MAPS	32	/* new work types of one old one */
#define MAX_QUALS	32	/* qualified-library rows of one person */

/* Outside the registration window (year_window_closed). */
#define W_UNSET		"本年度注册报名时间尚未公布，暂不能提交，请关注当地工考办通知。"
#define W_OUTSIDE	"不能提交报名信息。"

/* The longest text of each free-text field, in characters. */
static const struct {
	enum fld	 f;
	size_t		 max;
	const char	*label;
} text_max[] = {
	{ F_NOTE,	500,	"考核结果说明" },
	{ F_EXCEV,	1000,	"破格晋升证明材料" },
	{ F_RESUME,	4000,	"学习工作简历" },
	{ F_REWARDS,	4000,	"奖惩情况" },
	{ F_ACHIEVE,	4000,	"主要技术业务工作业绩" },
	{ F_OPT,	2000,	"可选条件" },
};

/* The values of the posted form (trimmed; "" when absent). */
static void
vals_from_body(struct req *r, struct vals *f, const struct app *a)
{
	char		 name[32], *buf;
	size_t		 i, len = 0;
	int		 k;

	memset(f, 0, sizeof(*f));
	for (k = 0; k < F__MAX; k++)
		f->v[k] = form_text(&r->body, apply_fnames[k]);
	for (k = 0; k < NYEARS; k++) {
		snprintf(name, sizeof(name), "appraisal_%lld",
		    a->year - 1 - k);
		f->grade[k] = pool_strdup(r->pool, form_text(&r->body, name));
	}
	f->region = form_text(&r->body, "region");
	f->supervisor = form_text(&r->body, "supervisor");
	/* Checkboxes exc_cond_c1=1, exc_cond_c3=1 become "c1,c3". */
	for (i = 0; i < NEXC_CONDS; i++) {
		snprintf(name, sizeof(name), "exc_cond_%s", apply_exc_conds[i].code);
		if (*form_text(&r->body, name) == '\0')
			continue;
		buf = pool_printf(r->pool, "%s%s%s", len > 0 ? f->v[F_EXCCOND] :
		    "", len > 0 ? "," : "", strcmp(form_text(&r->body, name),
		    "1") == 0 ? apply_exc_conds[i].code : "?");
		f->v[F_EXCCOND] = buf;
		len++;
	}
}

/* Counts the characters of a valid UTF-8 string. */
static size_t
utf8_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if ((*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Finds the rank of an education code: 1, 0 unknown, -1 database. */
static int
edu_rank(struct req *r, const char *code, long long *rank)
{
	char		*c, *name;
	long long	 rk;
	int		 n, found = 0;

	if (db_run(r, STMT_EDU_LIST) == -1)
		return -1;
	while ((n = db_row(r, STMT_EDU_LIST, &c, &name, &rk)) == 1)
		if (strcmp(c, code) == 0) {
			*rank = rk;
			found = 1;
		}
	return n == -1 ? -1 : found;
}

/*
 * True if code is an appraisal grade (*rank set: 0 for 未考核 and the
 * like, which are no graded year); -1 database.
 */
static int
grade_known(struct req *r, const char *code, long long *rank)
{
	char		*c, *name;
	long long	 rk;
	int		 n, found = 0;

	if (db_run(r, STMT_GRADE_LIST) == -1)
		return -1;
	while ((n = db_row(r, STMT_GRADE_LIST, &c, &name, &rk)) == 1)
		if (strcmp(c, code) == 0) {
			found = 1;
			*rank = rk;
		}
	return n == -1 ? -1 : found;
}

/*
 * Checks the format of every field (type, range, enumeration, known
 * codes): what saving needs.  Errors go next to their fields; f's
 * parsed members are set.  Returns 0, or -1 on a database failure.
 */
static int
check_formats(struct req *r, const struct app *a, struct vals *f)
{
	const char	*v, *msg;
	char		*status, *creg, name[32];
	long long	 n, sup = 0, max;
	size_t		 i;
	int		 k, y, mo, d;

	f->unit_id = f->work_years = f->cur_level = f->cur_year = -1;
	f->target_level = f->edu_rank = -1;
	f->prohibited = -1;

	/* 单位信息 */
	if (*f->region != '\0' && (strlen(f->region) != 6 ||
	    strspn(f->region, "0123456789") != 6))
		xml_field_error(r, "region", "请从列表中选择地区。");
	if (*f->supervisor != '\0' && valid_uint(f->supervisor, 1,
	    4294967295LL, &n) == -1)
		xml_field_error(r, "supervisor", "请从列表中选择主管单位。");
	v = f->v[F_UNIT];
	if (*v != '\0') {
		if (valid_uint(v, 1, 4294967295LL, &n) == -1)
			xml_field_error(r, "unit_id", "请从列表中选择所在单位。");
		else if ((k = apply_unit_chain(r, n, &sup, &creg)) == -1)
			return -1;
		else if (k == 0)
			xml_field_error(r, "unit_id", "所选单位不存在，请从列表中重新选择。");
		else if ((*f->supervisor != '\0' &&
		    strtoll(f->supervisor, NULL, 10) != sup) ||
		    (*f->region != '\0' && strcmp(f->region, creg) != 0))
			xml_field_error(r, "unit_id", "所选单位不属于所选地区或主管单位，"
			    "请依次重新选择地区、主管单位和所在单位。");
		else
			f->unit_id = n;
	}

	/* 文化程度 */
	v = f->v[F_EDU];
	if (*v != '\0') {
		if (strlen(v) > 2 || (k = edu_rank(r, v, &f->edu_rank)) == 0)
			xml_field_error(r, "education", "请从列表中选择文化程度。");
		else if (k == -1)
			return -1;
	}

	/* 参加工作时间 */
	v = f->v[F_WSTART];
	if (*v != '\0') {
		if ((msg = valid_date(v, &y, &mo, &d)) != NULL)
			xml_field_error(r, "work_start", msg);
		else if (y < 1940 || y > a->year)
			xml_field_error(r, "work_start", pool_printf(r->pool,
			    "参加工作时间应在1940年至%lld年之间，请核对。",
			    a->year));
		else {
			f->sy = y;
			f->sm = mo;
			f->sd = d;
		}
	}

	/* 工作年限: at most report year - start year + 1 (R3) */
	v = f->v[F_WYEARS];
	max = f->sy > 0 ? a->year - f->sy + 1 : 80;
	if (*v != '\0') {
		if (valid_uint(v, 0, 80, &n) == -1)
			xml_field_error(r, "work_years", "工作年限应为0至80之间的整数（年）。");
		else if (n > max)
			xml_field_error(r, "work_years", pool_printf(r->pool,
			    "工作年限最多为%lld年（报考年份－参加工作年份＋1），只能往下修改。",
			    max));
		else
			f->work_years = n;
	}

	/* 现岗位等级, 现岗位工种, 现等级取得时间 */
	v = f->v[F_CURLEVEL];
	if (*v != '\0' && valid_uint(v, 0, 5, &f->cur_level) == -1) {
		f->cur_level = -1;
		xml_field_error(r, "cur_level", "请从列表中选择现岗位等级。");
	}
	v = f->v[F_CURWT];
	if (*v != '\0') {
		if (strlen(v) > 8 ||
		    (k = apply_wt_get(r, v, &status, NULL)) == 0)
			xml_field_error(r, "cur_worktype", "没有这个工种，请从列表中选择现岗位工种。");
		else if (k == -1)
			return -1;
	}
	v = f->v[F_CURYEAR];
	if (*v != '\0' && (valid_uint(v, 1950, a->year, &f->cur_year) == -1)) {
		f->cur_year = -1;
		xml_field_error(r, "cur_level_year", pool_printf(r->pool,
		    "现等级取得时间应为1950至%lld之间的四位年份。", a->year));
	}

	/* 单位类别, 单位级别 */
	v = f->v[F_UCAT];
	if (*v != '\0' && strcmp(v, "admin") != 0 &&
	    strcmp(v, "institution") != 0)
		xml_field_error(r, "unit_category", "单位类别只能选择行政或事业。");
	v = f->v[F_URANK];
	if (*v != '\0' && strcmp(v, "province") != 0 &&
	    strcmp(v, "city") != 0 && strcmp(v, "county") != 0 &&
	    strcmp(v, "township") != 0)
		xml_field_error(r, "unit_rank", "请从列表中选择单位级别（省级、市级、县级、乡镇）。");

	/* 申报岗位工种, 申报岗位等级, 申报方式 */
	v = f->v[F_TWT];
	if (*v != '\0') {
		if (strlen(v) > 8 ||
		    (k = apply_wt_get(r, v, &status, NULL)) == 0)
			xml_field_error(r, "target_worktype", "没有这个工种，请从列表中选择申报岗位工种。");
		else if (k == -1)
			return -1;
		else if (strcmp(status, "current") != 0)
			xml_field_error(r, "target_worktype", "该工种已合并或取消，"
			    "请选择合并后的新工种或就近岗位工种。");
	}
	v = f->v[F_TLEVEL];
	if (*v != '\0' && valid_uint(v, 1, 5, &f->target_level) == -1) {
		f->target_level = -1;
		xml_field_error(r, "target_level", "请从列表中选择申报岗位等级。");
	}
	v = f->v[F_ROUTE];
	if (*v != '\0' && strcmp(v, "years") != 0 &&
	    strcmp(v, "certificate") != 0)
		xml_field_error(r, "route", "申报方式只能选择按工作年限申报或按岗位等级证书申报。");

	/* 年度考核 */
	for (k = 0; k < NYEARS; k++) {
		if (*f->grade[k] == '\0')
			continue;
		snprintf(name, sizeof(name), "appraisal_%lld",
		    a->year - 1 - k);
		if (strlen(f->grade[k]) > 8 ||
		    (y = grade_known(r, f->grade[k], &n)) == 0)
			xml_field_error(r, name, "请从列表中选择考核等次。");
		else if (y == -1)
			return -1;
		else if (n > 0)
			f->graded++;
	}

	/* 是否存在禁止申报情形, 破格晋升, confirmations */
	v = f->v[F_PROHIB];
	if (strcmp(v, "yes") == 0)
		f->prohibited = 1;
	else if (strcmp(v, "no") == 0)
		f->prohibited = 0;
	else if (*v != '\0')
		xml_field_error(r, "prohibited", "请选择是或否。");
	if (*f->v[F_EXC] != '\0' && strcmp(f->v[F_EXC], "1") != 0)
		xml_field_error(r, "exceptional", "破格晋升只能勾选或不勾选。");
	if (*f->v[F_CR18] != '\0' && strcmp(f->v[F_CR18], "1") != 0)
		xml_field_error(r, "confirm_r18", "确认项只能勾选或不勾选。");
	if (*f->v[F_CR19] != '\0' && strcmp(f->v[F_CR19], "1") != 0)
		xml_field_error(r, "confirm_r19", "确认项只能勾选或不勾选。");
	v = f->v[F_EXCCOND];
	if (*v != '\0') {
		const char *p = v;
		int	 bad = 0;

		while (*p != '\0' && !bad) {
			size_t	 l = strcspn(p, ",");

			bad = 1;
			for (i = 0; i < NEXC_CONDS;
			    i++)
				if (l == 2 &&
				    strncmp(p, apply_exc_conds[i].code, 2) == 0)
					bad = 0;
			p += l;
			if (*p == ',')
				p++;
		}
		if (bad || strlen(v) > 200)
			xml_field_error(r, "exc_conditions", "请从列表中勾选破格晋升条件。");
	}

	/* Free texts. */
	for (i = 0; i < sizeof(text_max) / sizeof(text_max[0]); i++) {
		v = f->v[text_max[i].f];
		if (!valid_utf8(v, strlen(v)))
			xml_field_error(r, apply_fnames[text_max[i].f],
			    pool_printf(r->pool, "%s含有无法识别的字符，请重新输入。",
			    text_max[i].label));
		else if (utf8_chars(v) > text_max[i].max)
			xml_field_error(r, apply_fnames[text_max[i].f],
			    pool_printf(r->pool, "%s不能超过%zu个字，请精简后重新填写。",
			    text_max[i].label, text_max[i].max));
	}
	return 0;
}

/*
 * After check_formats: 工作年限 left empty is filled in from 参加工作时间;
 * 五级 has no 申报方式 (a route sent with it is dropped).
 */
static void
vals_fix(struct req *r, const struct app *a, struct vals *f)
{
	if (f->target_level == 5)
		f->v[F_ROUTE] = "";
	if (*f->v[F_WYEARS] == '\0' && f->sy > 0) {
		f->work_years = a->year - f->sy + 1;
		f->v[F_WYEARS] = pool_printf(r->pool, "%lld", f->work_years);
	}
}

/*
 * The fields a submission needs (beyond R4, which eligibility_check
 * judges), with the photos and the breakthrough evidence.  Errors go
 * next to their fields.
 */
static void
check_required(struct req *r, const struct vals *f, int has_photo,
    int has_idcard, int nexc)
{
	static const struct {
		enum fld	 f;
		const char	*msg;
	} req[] = {
		{ F_UNIT,	"请选择所在单位（从左至右依次选择，直到选中本人所属单位）。" },
		{ F_EDU,	"请选择文化程度。" },
		{ F_WSTART,	"请填写参加工作时间。" },
		{ F_WYEARS,	"请填写工作年限。" },
		{ F_CURLEVEL,	"请选择现岗位等级；没有等级证书的请选择未定级。" },
		{ F_UCAT,	"请选择单位类别（行政或事业）。" },
		{ F_URANK,	"请选择单位级别。" },
		{ F_TWT,	"请选择申报岗位工种。" },
		{ F_TLEVEL,	"请选择申报岗位等级。" },
		{ F_PROHIB,	"请选择是否存在禁止申报情形。" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(req) / sizeof(req[0]); i++)
		if (*f->v[req[i].f] == '\0')
			xml_field_error(r, apply_fnames[req[i].f], req[i].msg);
	if (f->cur_level > 0 && *f->v[F_CURYEAR] == '\0')
		xml_field_error(r, "cur_level_year", "请选择现等级取得时间。");
	if (f->target_level >= 2 && f->target_level <= 4 &&
	    *f->v[F_ROUTE] == '\0')
		xml_field_error(r, "route", "请选择申报方式（按工作年限申报或按岗位等级证书申报）。");
	if (f->graded < NYEARS && *f->v[F_NOTE] == '\0')
		xml_field_error(r, "appraisal_note", "年度考核未满五年，请输入情况说明。");
	if (strcmp(f->v[F_EXC], "1") == 0) {
		if (*f->v[F_EXCCOND] == '\0')
			xml_field_error(r, "exc_conditions", "申请破格晋升的，请勾选所符合的破格晋升条件。");
		if (*f->v[F_EXCEV] == '\0')
			xml_field_error(r, "exc_evidence", "申请破格晋升的，请填写破格晋升证明材料相关信息。");
		if (nexc == 0)
			xml_field_error(r, "exc_evidence_files", "申请破格晋升的，请上传证明材料原件照片。");
	}
	if (f->target_level == 1) {
		if (*f->v[F_RESUME] == '\0')
			xml_field_error(r, "resume", "申报一级的，请按文件要求填写学习工作简历。");
		if (*f->v[F_REWARDS] == '\0')
			xml_field_error(r, "rewards", "申报一级的，请按文件要求填写奖惩情况（无则填“无”）。");
		if (*f->v[F_ACHIEVE] == '\0')
			xml_field_error(r, "achievements", "申报一级的，请按文件要求填写主要技术业务工作业绩。");
	}
	if (!has_photo)
		xml_field_error(r, "photo", "请上传个人照片（近期二寸免冠白色背景彩色证件照，413×626像素，jpg格式）。");
	if (!has_idcard)
		xml_field_error(r, "idcard", "请上传身份证人像面彩色照片（jpg格式）。");
}

/*
 * Runs the eligibility rules on the form's values with the year's
 * policy, the work-type map and the qualified library.  Errors go next
 * to their fields, warnings R18/R19 not confirmed next to confirm_r18 or
 * confirm_r19; every message is listed in <eligibility>.  *r19 is set
 * when R19 applies (a proof upload is then needed).  Returns 0 or -1.
 */
static int
check_rules(struct req *r, const struct acct *c, const struct app *a,
    const struct vals *f, int *r19)
{
	struct elig_policy	 pol;
	struct elig_app		 e;
	struct elig_msg		 m[MAX_ELIG];
	struct elig_qual	 q[MAX_QUALS];
	const char		*maps[MAX_MAPS];
	char			*nc, *nn, *status, *wt;
	long long		 lv, yr;
	xmlNodePtr		 list, n;
	size_t			 nm, i, nmaps = 0, nq = 0;
	int			 k, confirmed;

	*r19 = 0;
	if (policy_load(r, (int)a->year, &pol) == -1)
		return -1;
	memset(&e, 0, sizeof(e));
	e.year = (int)a->year;
	e.gender = *c->gender == 'F' ? 'F' : 'M';
	e.birth_year = atoi(c->birth);
	e.work_start_year = f->sy;
	e.work_years = (int)f->work_years;
	e.cur_level = (int)f->cur_level;
	e.cur_worktype = *f->v[F_CURWT] != '\0' ? f->v[F_CURWT] : NULL;
	e.cur_level_year = f->cur_year > 0 ? (int)f->cur_year : 0;
	e.target_worktype = *f->v[F_TWT] != '\0' ? f->v[F_TWT] : NULL;
	e.target_level = f->target_level > 0 ? (int)f->target_level : 0;
	e.route = strcmp(f->v[F_ROUTE], "years") == 0 ? ROUTE_YEARS :
	    strcmp(f->v[F_ROUTE], "certificate") == 0 ? ROUTE_CERT : ROUTE_NONE;
	e.edu_rank = f->edu_rank > 0 ? (int)f->edu_rank : 0;
	e.prohibited = f->prohibited;
	e.exceptional = a->exc_entered != 0;
	if (e.cur_worktype != NULL) {
		if ((k = apply_wt_get(r, e.cur_worktype, &status, NULL)) == -1)
			return -1;
		e.cur_is_old = k == 1 && strcmp(status, "current") != 0;
		if (db_run(r, STMT_WT_MAPS, e.cur_worktype) == -1)
			return -1;
		while ((k = db_row(r, STMT_WT_MAPS, &nc, &nn)) == 1)
			if (nmaps < MAX_MAPS)
				maps[nmaps++] = nc;
		if (k == -1)
			return -1;
	}
	e.cur_maps_to = maps;
	e.ncur_maps_to = nmaps;
	if (c->idno_mac != NULL) {
		if (db_run(r, STMT_APP_QUALIFIED, c->idno_mac,
		    c->idno_mac_len) == -1)
			return -1;
		while ((k = db_row(r, STMT_APP_QUALIFIED, &wt, &lv,
		    &yr)) == 1)
			if (nq < MAX_QUALS) {
				q[nq].worktype = wt;
				q[nq].level = (int)lv;
				q[nq].year = (int)yr;
				nq++;
			}
		if (k == -1)
			return -1;
	}
	e.quals = q;
	e.nquals = nq;
	/* Warnings always come back; the confirmations are judged here. */
	e.confirm_r18 = e.confirm_r19 = 0;

	nm = eligibility_check(&e, &pol, m, MAX_ELIG);
	if (nm > MAX_ELIG)
		nm = MAX_ELIG;
	list = xml_el(r->root, "eligibility", NULL);
	for (i = 0; i < nm; i++) {
		n = xml_el(list, "rule", m[i].text);
		xml_attr(n, "id", m[i].rule);
		xml_attr(n, "field", m[i].field);
		xml_attr(n, "kind", m[i].warning ? "warning" : "error");
		if (!m[i].warning) {
			xml_field_error(r, m[i].field != NULL ? m[i].field :
			    "target_level", m[i].text);
			continue;
		}
		if (strcmp(m[i].rule, "R19") == 0) {
			confirmed = strcmp(f->v[F_CR19], "1") == 0;
			*r19 = confirmed;
			if (!confirmed)
				xml_field_error(r, "confirm_r19", m[i].text);
		} else {
			confirmed = strcmp(f->v[F_CR18], "1") == 0;
			if (!confirmed)
				xml_field_error(r, "confirm_r18", m[i].text);
		}
		xml_attr(n, "confirmed", confirmed ? "1" : "0");
	}
	return 0;
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
static int
store(struct req *r, const struct app *a, const struct vals *f,
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
		if (*f->grade[k] != '\0' && db_run(r, STMT_APPRAISAL_INSERT, a->id, a->year - 1 - k, f->grade[k]) == -1)
			return -1;
	return 1;
}

/*
 * The answer when the stored application changed under the form: 409
 * with the current state (a submission already made goes to /status).
 */
static enum rc
conflict(struct req *r, struct acct *c, struct app *a, struct vals *f,
    int submitting)
{
	enum rc	 rc;

	db_rollback(r);
	if (apply_app_load(r, c, a) == -1)
		return RC_DB;
	if (submitting && (strcmp(a->state, "submitted") == 0 ||
	    strcmp(a->state, "approved") == 0)) {
		resp_redirect(r, "/status");
		return RC_OK;
	}
	if (apply_page_start(r, c, a, NULL) == -1)
		return RC_DB;
	if (!app_editable(a))
		apply_vals_from_app(f, a);
	if ((rc = apply_page_finish(r, c, a, f, NULL, NULL, NULL, NULL,
	    NULL)) != RC_OK)
		return rc;
	xml_form_refuse(r, app_editable(a) ?
	    "报名信息已在其他页面或窗口中修改过，请核对本页内容后重新保存。" :
	    "报名信息已提交，审核期间不能修改；如需修改，请联系审核人员退回。");
	r->status = 409;
	return RC_OK;
}

/*
 * The unit must lie in the city or directly administered county the
 * candidate registered in (注册后不得随意修改: the registration decides
 * which office reviews), or be a province-level unit (省直, 中央驻豫),
 * which the province reviews whatever the city.  A unit elsewhere gets
 * its message and the form is not stored.  Returns 0, or -1 (DB).
 */
static int
check_unit_region(struct req *r, const struct acct *c, struct vals *f)
{
	char		*ureg, *uname = "其他地区", *cname = "注册地区", *kind;
	long long	 sup;
	int		 n;

	if (f->unit_id <= 0 || c->region == NULL || *c->region == '\0')
		return 0;
	if ((n = apply_unit_chain(r, f->unit_id, &sup, &ureg)) != 1)
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
	xml_field_error(r, "unit_id", pool_printf(r->pool, "所选单位属于%s，"
	    "与您注册时选择的%s不一致。请选择%s或省直的单位；注册地区不能修改，"
	    "如注册时选错，请联系%s工考办。", uname, cname, cname, cname));
	f->unit_id = -1;
	return 0;
}

/*
 * Inside the submission's transaction: locks the application row (a
 * material delete locks it too, so none can slip in now) and counts its
 * materials again.  Returns 1 if the photo, the ID card, the R19 proof
 * and the breakthrough evidence the checks counted are all still there
 * as counted, 0 if one changed since (a delete in another tab), -1 (DB).
 */
static int
submit_recount(struct req *r, long long app, int hp, int hi, int n19,
    int nexc)
{
	long long	 p, i, r19, exc, v;

	if (db_run(r, STMT_APP_LOCK, app) == -1 ||
	    db_row(r, STMT_APP_LOCK, &v) == -1)
		return -1;
	db_done(r, STMT_APP_LOCK);
	if (db_run(r, STMT_APP_MAT_KINDS, app) == -1 ||
	    db_row(r, STMT_APP_MAT_KINDS, &p, &i, &r19, &exc) == -1)
		return -1;
	db_done(r, STMT_APP_MAT_KINDS);
	return (p > 0) == (hp > 0) && (i > 0) == (hi > 0) && r19 == n19 &&
	    exc == nexc;
}

/* POST /apply: action save, submit, pick_unit (下一级) or send_code. */
enum rc
h_apply_post(struct req *r)
{
	struct acct	 c;
	struct app	 a;
	struct vals	 f;
	const char	*action, *msg, *ver;
	long long	 version = -1, code_id = 0;
	char		 obj[40];
	int		 open = 0, hp = 0, hi = 0, n19 = 0, nexc = 0, r19 = 0, n;
	int		 nup = 0;
	enum rc		 rc;

	if ((rc = apply_load(r, &c, &a)) != RC_OK)
		return rc;
	action = form_text(&r->body, "action");
	if (!app_editable(&a)) {
		if (strcmp(action, "submit") == 0 &&
		    (strcmp(a.state, "submitted") == 0 ||
		    strcmp(a.state, "approved") == 0)) {
			resp_redirect(r, "/status");
			return RC_OK;
		}
		apply_vals_from_app(&f, &a);
		return conflict(r, &c, &a, &f, 0);
	}
	if (apply_page_start(r, &c, &a, &open) == -1)
		return RC_DB;
	vals_from_body(r, &f, &a);
	ver = form_text(&r->body, "version");
	if (valid_uint(ver, 1, 4294967295LL, &version) == -1)
		version = -1;

	if (strcmp(action, "pick_unit") == 0)
		return apply_page_finish(r, &c, &a, &f, ver, NULL, NULL, NULL,
		    NULL);

	if (strcmp(action, "send_code") == 0) {
		if ((rc = apply_page_finish(r, &c, &a, &f, ver, NULL, NULL,
		    NULL, NULL)) != RC_OK)
			return rc;
		if (!open) {
			xml_form_refuse(r, year_window_closed(r, W_UNSET,
			    W_OUTSIDE));
			return RC_OK;
		}
		return smssend_form(r, c.phone, "submit", 1, "sms_code",
		    pool_printf(r->pool, "短信验证码已发送至您注册时的手机号，"
		    "请查收（%d分钟内有效）。", SMS_VALID));
	}

	if (strcmp(action, "save") != 0 && strcmp(action, "submit") != 0) {
		if ((rc = apply_page_finish(r, &c, &a, &f, ver, NULL, NULL,
		    NULL, NULL)) != RC_OK)
			return rc;
		xml_form_refuse(r, "请点击“保存信息”或“提交信息”按钮。");
		return RC_OK;
	}
	if (version < 0) {
		if ((rc = apply_page_finish(r, &c, &a, &f, NULL, NULL, NULL,
		    NULL, NULL)) != RC_OK)
			return rc;
		xml_form_refuse(r, "页面已过期，请核对本页内容后重新保存或提交。");
		return RC_OK;
	}
	if (check_formats(r, &a, &f) == -1 || check_unit_region(r, &c, &f) == -1)
		return RC_DB;
	vals_fix(r, &a, &f);

	if (strcmp(action, "save") == 0) {
		if ((rc = apply_page_finish(r, &c, &a, &f, ver, NULL, NULL,
		    NULL, NULL)) != RC_OK)
			return rc;
		if (r->form_bad) {
			xml_form_message(r, "请按提示修改后重新保存，信息尚未保存。");
			return RC_OK;
		}
		snprintf(obj, sizeof(obj), "application:%lld", a.id);
		if (db_begin(r) == -1 || (n = store(r, &a, &f, version)) == -1)
			goto dbfail;
		if (n == 0)
			return conflict(r, &c, &a, &f, 0);
		if (audit(r, "application.save", obj, "ok", NULL) == -1 ||
		    db_commit(r) == -1)
			goto dbfail;
		/* Files chosen but not sent with 上传 go up now. */
		if ((n = upload_form_files(r, &nup)) == -1)
			return RC_DB;
		resp_redirect(r, n > 0 ? "/apply?m=saved_refused#materials" :
		    nup > 0 ? "/apply?m=saved_uploaded#materials" :
		    "/apply?m=saved");
		return RC_OK;
	}

	/* Submit: every rule, the photos, the confirmations, the code. */
	if ((rc = apply_page_finish(r, &c, &a, &f, ver, &hp, &hi, &n19,
	    &nexc)) != RC_OK)
		return rc;
	check_required(r, &f, hp, hi, nexc);
	if (check_rules(r, &c, &a, &f, &r19) == -1)
		return RC_DB;
	if (r19 && n19 == 0)
		xml_field_error(r, "r19proof", "请按要求上传相关证明材料照片"
		    "（在下方“合格库不符证明材料”处上传）。");
	if (!open)
		xml_form_refuse(r, year_window_closed(r, W_UNSET, W_OUTSIDE));
	if (r->form_bad) {
		if (*form_text(&r->body, "sms_code") == '\0')
			xml_field_error(r, "sms_code", "请输入短信验证码。");
		xml_form_message(r, "信息尚未提交，请按提示修改后重新提交。");
		return RC_OK;
	}
	if ((msg = sms_check(r, c.phone, "submit",
	    form_text(&r->body, "sms_code"), &code_id)) != NULL) {
		if (r->status == 503)
			return RC_DB;
		xml_field_error(r, "sms_code", msg);
		xml_form_message(r, "信息尚未提交，请按提示修改后重新提交。");
		return RC_OK;
	}

	snprintf(obj, sizeof(obj), "application:%lld", a.id);
	if (db_begin(r) == -1 || (n = submit_recount(r, a.id, hp, hi, n19,
	    nexc)) == -1)
		goto dbfail;
	if (n == 0)
		return conflict(r, &c, &a, &f, 1);
	if ((n = store(r, &a, &f, version)) == -1)
		goto dbfail;
	if (n == 0)
		return conflict(r, &c, &a, &f, 1);
	if ((n = db_run(r, STMT_APP_SUBMIT, a.id, version + 1)) == -1)
		goto dbfail;
	if (n == 0)
		return conflict(r, &c, &a, &f, 1);
	if ((n = chain_fix(r, a.id, f.unit_id, a.year)) <= 0) {
		db_rollback(r);
		if (n == -1)
			return RC_DB;
		xml_form_refuse(r, CHAIN_NONE_MSG);
		return RC_OK;
	}
	if (db_run(r, STMT_APP_REVIEW_SUBMIT, a.id, r->account_id,
	    f.unit_id > 0 ? f.unit_id : 0) == -1)
		goto dbfail;
	if (sms_use(r, code_id) == -1) {
		db_rollback(r);
		xml_field_error(r, "sms_code", "该验证码已使用，请重新获取。");
		return RC_OK;
	}
	if (audit(r, "application.submit", obj, "ok", a.state) == -1 ||
	    db_commit(r) == -1)
		goto dbfail;
	OPENSSL_cleanse(c.idno, sizeof(c.idno));
	OPENSSL_cleanse(c.phone, sizeof(c.phone));
	resp_redirect(r, "/status?m=submitted");
	return RC_OK;
dbfail:
	db_rollback(r);
	return RC_DB;
}

/*
 * Checks the formats of the form's fields into a scratch form (not the
 * page's: the caller answers with another page).  Returns 1 when every
 * format is valid, 0 when not, -1 on a database failure.
 */
static int
formats_ok(struct req *r, const struct acct *c, const struct app *a,
    struct vals *f)
{
	xmlNodePtr	 page = r->form, scratch;
	int		 bad = r->form_bad, n;

	scratch = xmlNewNode(NULL, (const xmlChar *)"form");
	r->form = scratch;
	r->form_bad = 0;
	vals_from_body(r, f, a);
	n = check_formats(r, a, f);
	if (n == 0)
		n = check_unit_region(r, c, f);
	if (n == 0)
		n = !r->form_bad;
	r->form = page;
	r->form_bad = bad;
	xmlFreeNode(scratch);
	if (n == 1)
		vals_fix(r, a, f);
	return n;
}

/*
 * The application form's fields sent along with another action (an
 * upload from the form): saved as the draft when every format is valid
 * and the version is the stored one, else kept (keep.c) for the next
 * GET /apply, which shows them with their errors.  Returns 1 saved, 0
 * kept or nothing sent, -1 on a database failure.
 */
int
apply_draft_keep(struct req *r)
{
	struct acct	 c;
	struct app	 a;
	struct vals	 f;
	long long	 version;
	char		 obj[40];
	int		 n, rc = 0;

	if (form_get(&r->body, "version") == NULL)
		return 0;
	if (apply_load(r, &c, &a) != RC_OK)
		return -1;
	OPENSSL_cleanse(c.idno, sizeof(c.idno));
	OPENSSL_cleanse(c.phone, sizeof(c.phone));
	if (!app_editable(&a))
		return 0;
	if ((n = formats_ok(r, &c, &a, &f)) == -1)
		return -1;
	if (n == 1 && valid_uint(form_text(&r->body, "version"), 1,
	    4294967295LL, &version) == 0) {
		snprintf(obj, sizeof(obj), "application:%lld", a.id);
		if (db_begin(r) == -1 || (n = store(r, &a, &f, version)) == -1)
			goto fail;
		if (n == 1) {
			if (audit(r, "application.save", obj, "ok", "with upload") ==
			    -1 || db_commit(r) == -1)
				goto fail;
			return 1;
		}
		db_rollback(r);		/* changed meanwhile: keep */
	}
	if ((rc = keep_put(r, r->account_id)) == -1)
		return -1;
	return 0;
fail:
	db_rollback(r);
	return -1;
}

/*
 * GET /apply with a kept form (keep.c) of an editable application: the
 * page shows what was sent, with the errors of its formats, over the
 * stored version, and says it is not saved yet.
 */
enum rc
apply_restore(struct req *r, const struct acct *c, const struct app *a,
    const struct form *kept)
{
	struct vals	 f;
	enum rc		 rc;

	r->body = *kept;
	if (apply_page_start(r, c, a, NULL) == -1)
		return RC_DB;
	xml_form_message(r, "已恢复您上次填写但未能保存的内容（尚未保存），"
	    "请核对后点击“保存信息”。");
	xml_attr(r->form, "restored", "1");
	vals_from_body(r, &f, a);
	if (check_formats(r, a, &f) == -1 || check_unit_region(r, c, &f) == -1)
		return RC_DB;
	vals_fix(r, a, &f);
	if ((rc = apply_page_finish(r, c, a, &f, NULL, NULL, NULL, NULL,
	    NULL)) != RC_OK)
		return rc;
	r->status = 200;
	return RC_OK;
}
