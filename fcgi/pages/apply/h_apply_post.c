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
 * h_apply_post.c: POST /apply: saving and submitting the form, whose
 * fields the pipeline has checked (appform_fields)
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "apply.h"
#include "material.h"
#include "chain.h"

#define MAX_ELIG	32	/* messages of eligibility_check */
#define MAX_MAPS	32	/* new work types of one old one */
#define MAX_QUALS	32	/* qualified-library rows of one person */

/* Outside the registration window (year_window_closed). */
#define W_UNSET		"本年度注册报名时间尚未公布，暂不能提交，请关注当地工考办通知。"
#define W_OUTSIDE	"不能提交报名信息。"

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
			xml_field_error(r, appform_fields[req[i].f].key, req[i].msg);
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
 * The application the eligibility rules judge: the form's values with
 * the work type's new counterparts (maps, MAX_MAPS) and the candidate's
 * rows of the qualified library (q, MAX_QUALS).  Returns 0 or -1.
 */
static int
rules_app(struct req *r, const struct acct *c, const struct app *a,
    const struct vals *f, struct elig_app *e, const char **maps,
    struct elig_qual *q)
{
	char		*nc, *nn, *status, *wt;
	long long	 lv, yr;
	int		 k;

	memset(e, 0, sizeof(*e));
	e->year = (int)a->year;
	e->gender = *c->gender == 'F' ? 'F' : 'M';
	e->birth_year = atoi(c->birth);
	e->work_start_year = f->sy;
	e->work_years = (int)f->work_years;
	e->cur_level = (int)f->cur_level;
	e->cur_worktype = *f->v[F_CURWT] != '\0' ? f->v[F_CURWT] : NULL;
	e->cur_level_year = f->cur_year > 0 ? (int)f->cur_year : 0;
	e->target_worktype = *f->v[F_TWT] != '\0' ? f->v[F_TWT] : NULL;
	e->target_level = f->target_level > 0 ? (int)f->target_level : 0;
	e->route = strcmp(f->v[F_ROUTE], "years") == 0 ? ROUTE_YEARS :
	    strcmp(f->v[F_ROUTE], "certificate") == 0 ? ROUTE_CERT : ROUTE_NONE;
	e->edu_rank = f->edu_rank > 0 ? (int)f->edu_rank : 0;
	e->prohibited = f->prohibited;
	e->exceptional = a->exc_entered != 0;
	e->cur_maps_to = maps;
	e->quals = q;
	if (e->cur_worktype != NULL) {
		if ((k = appform_wt_get(r, e->cur_worktype, &status,
		    NULL)) == -1)
			return -1;
		e->cur_is_old = k == 1 && strcmp(status, "current") != 0;
		if (db_run(r, STMT_WT_MAPS, e->cur_worktype) == -1)
			return -1;
		while ((k = db_row(r, STMT_WT_MAPS, &nc, &nn)) == 1)
			if (e->ncur_maps_to < MAX_MAPS)
				maps[e->ncur_maps_to++] = nc;
		if (k == -1)
			return -1;
	}
	if (c->idno_mac == NULL)
		return 0;
	if (db_run(r, STMT_APP_QUALIFIED, c->idno_mac, c->idno_mac_len) == -1)
		return -1;
	while ((k = db_row(r, STMT_APP_QUALIFIED, &wt, &lv, &yr)) == 1)
		if (e->nquals < MAX_QUALS) {
			q[e->nquals].worktype = wt;
			q[e->nquals].level = (int)lv;
			q[e->nquals].year = (int)yr;
			e->nquals++;
		}
	return k == -1 ? -1 : 0;
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
	xmlNodePtr		 list, n;
	size_t			 nm, i;
	int			 k, confirmed;

	*r19 = 0;
	if (policy_load(r, (int)a->year, &pol) == -1 ||
	    rules_app(r, c, a, f, &e, maps, q) == -1)
		return -1;
	/* Warnings always come back; the confirmations are judged here. */
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
		k = strcmp(m[i].rule, "R19") == 0 ? F_CR19 : F_CR18;
		confirmed = strcmp(f->v[k], "1") == 0;
		if (k == F_CR19)
			*r19 = confirmed;
		if (!confirmed)
			xml_field_error(r, appform_fields[k].key, m[i].text);
		xml_attr(n, "confirmed", confirmed ? "1" : "0");
	}
	return 0;
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
	if (appform_app_load(r, c, a) == -1)
		return RC_DB;
	if (submitting && (strcmp(a->state, "submitted") == 0 ||
	    strcmp(a->state, "approved") == 0)) {
		resp_redirect(r, "/status");
		return RC_OK;
	}
	if (apply_page_start(r, c, a, NULL) == -1)
		return RC_DB;
	if (!app_editable(a))
		appform_from_app(f, a);
	if ((rc = apply_page_finish(r, c, a, f, NULL, NULL)) != RC_OK)
		return rc;
	xml_form_refuse(r, app_editable(a) ?
	    "报名信息已在其他页面或窗口中修改过，请核对本页内容后重新保存。" :
	    "报名信息已提交，审核期间不能修改；如需修改，请联系审核人员退回。");
	r->status = 409;
	return RC_OK;
}

/*
 * Inside the submission's transaction: locks the application row (a
 * material delete locks it too, so none can slip in now) and counts its
 * materials again.  Returns 1 if the photo, the ID card, the R19 proof
 * and the breakthrough evidence the checks counted are all still there
 * as counted, 0 if one changed since (a delete in another tab), -1 (DB).
 */
static int
submit_recount(struct req *r, long long app, const struct material_count *m)
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
	return (p > 0) == (m->photo > 0) && (i > 0) == (m->idcard > 0) &&
	    r19 == m->r19 && exc == m->exc;
}

/* 保存信息: stores the draft and uploads the files chosen with it. */
static enum rc
save(struct req *r, struct acct *c, struct app *a, struct vals *f,
    const char *ver)
{
	char	 obj[40];
	int	 n, nup = 0;
	enum rc	 rc;

	if ((rc = apply_page_finish(r, c, a, f, ver, NULL)) != RC_OK)
		return rc;
	if (r->form_bad) {
		xml_form_message(r, "请按提示修改后重新保存，信息尚未保存。");
		return RC_OK;
	}
	snprintf(obj, sizeof(obj), "application:%lld", a->id);
	if (db_begin(r) == -1 || (n = appform_store(r, a, f,
	    f->fv[AF_VERSION].n)) == -1)
		goto dbfail;
	if (n == 0)
		return conflict(r, c, a, f, 0);
	if (audit(r, "application.save", obj, "ok", NULL) == -1 ||
	    db_commit(r) == -1)
		goto dbfail;
	/* Files chosen but not sent with 上传 go up now. */
	if ((n = material_form_files(r, &nup)) == -1)
		return RC_DB;
	resp_redirect(r, n > 0 ? "/apply?m=saved_refused#materials" :
	    nup > 0 ? "/apply?m=saved_uploaded#materials" :
	    "/apply?m=saved");
	return RC_OK;
dbfail:
	db_rollback(r);
	return RC_DB;
}

/*
 * What a submission needs beyond the formats: the required fields, the
 * photos, the rules and their confirmations, the window and the SMS
 * code.  Returns RC_OK with *code_id set, or with the form refused
 * (r->form_bad), or the error.
 */
static enum rc
submit_checks(struct req *r, struct acct *c, struct app *a, struct vals *f,
    int open, const struct material_count *have, long long *code_id)
{
	const char	*msg;
	int		 r19 = 0;

	check_required(r, f, have->photo, have->idcard, have->exc);
	if (check_rules(r, c, a, f, &r19) == -1)
		return RC_DB;
	if (r19 && have->r19 == 0)
		xml_field_error(r, "r19proof", "请按要求上传相关证明材料照片"
		    "（在下方“合格库不符证明材料”处上传）。");
	if (!open)
		xml_form_refuse(r, year_window_closed(r, W_UNSET, W_OUTSIDE));
	if (r->form_bad) {
		if (*f->fv[AF_SMSCODE].s == '\0')
			xml_field_error(r, "sms_code", "请输入短信验证码。");
		xml_form_message(r, "信息尚未提交，请按提示修改后重新提交。");
		return RC_OK;
	}
	if ((msg = f->fv[AF_SMSCODE].err) != NULL ||
	    (msg = sms_check(r, c->phone, "submit", f->fv[AF_SMSCODE].s,
	    code_id)) != NULL) {
		if (r->status == 503)
			return RC_DB;
		xml_field_error(r, "sms_code", msg);
		xml_form_message(r, "信息尚未提交，请按提示修改后重新提交。");
	}
	return RC_OK;
}

/* 提交信息: every check, then the submission in one transaction. */
static enum rc
submit(struct req *r, struct acct *c, struct app *a, struct vals *f,
    const char *ver, int open)
{
	long long	 version = f->fv[AF_VERSION].n, code_id = 0;
	char		 obj[40];
	struct material_count have;
	int		 n;
	enum rc		 rc;

	if ((rc = apply_page_finish(r, c, a, f, ver, &have)) != RC_OK ||
	    (rc = submit_checks(r, c, a, f, open, &have, &code_id)) != RC_OK ||
	    r->form_bad)
		return rc;

	snprintf(obj, sizeof(obj), "application:%lld", a->id);
	if (db_begin(r) == -1 || (n = submit_recount(r, a->id, &have)) == -1)
		goto dbfail;
	if (n == 0)
		return conflict(r, c, a, f, 1);
	if ((n = appform_store(r, a, f, version)) == -1)
		goto dbfail;
	if (n == 0)
		return conflict(r, c, a, f, 1);
	if ((n = db_run(r, STMT_APP_SUBMIT, a->id, version + 1)) == -1)
		goto dbfail;
	if (n == 0)
		return conflict(r, c, a, f, 1);
	if ((n = chain_fix(r, a->id, f->unit_id, a->year)) <= 0) {
		db_rollback(r);
		if (n == -1)
			return RC_DB;
		xml_form_refuse(r, CHAIN_NONE_MSG);
		return RC_OK;
	}
	if (db_run(r, STMT_APP_REVIEW_SUBMIT, a->id, r->account_id,
	    f->unit_id > 0 ? f->unit_id : 0) == -1)
		goto dbfail;
	if (sms_use(r, code_id) == -1) {
		db_rollback(r);
		xml_field_error(r, "sms_code", "该验证码已使用，请重新获取。");
		return RC_OK;
	}
	if (audit(r, "application.submit", obj, "ok", a->state) == -1 ||
	    db_commit(r) == -1)
		goto dbfail;
	resp_redirect(r, "/status?m=submitted");
	return RC_OK;
dbfail:
	db_rollback(r);
	return RC_DB;
}

/* 获取验证码 of the form: the code for the submission, in the window. */
static enum rc
send_code(struct req *r, struct acct *c, struct app *a, struct vals *f,
    const char *ver, int open)
{
	enum rc	 rc;

	if ((rc = apply_page_finish(r, c, a, f, ver, NULL)) != RC_OK)
		return rc;
	if (!open) {
		xml_form_refuse(r, year_window_closed(r, W_UNSET,
		    W_OUTSIDE));
		return RC_OK;
	}
	return smssend_form(r, c->phone, "submit", 1, "sms_code",
	    pool_printf(r->pool, "短信验证码已发送至您注册时的手机号，"
	    "请查收（%d分钟内有效）。", SMS_VALID));
}

/* The button pressed (AA_), or -1 when none or an unknown one. */
static int
action(const struct req *r)
{
	const struct fval	*v = &r->fv[AF_ACTION];

	return *v->s != '\0' && v->err == NULL ? (int)v->n : -1;
}

/*
 * The form's values (appform_fields, checked by the pipeline), then
 * by the button: save, submit, pick_unit (下一级, the page again) or
 * send_code.
 */
static enum rc
post(struct req *r, struct acct *c, struct app *a)
{
	const struct fval	*ver = &r->fv[AF_VERSION];
	struct vals		 f;
	int			 act = action(r), open = 0;
	int			 vok = *ver->s != '\0' && ver->err == NULL;
	enum rc			 rc;

	if (apply_page_start(r, c, a, &open) == -1 ||
	    appform_read(r, a, &r->body, r->fv, &f) == -1)
		return RC_DB;
	if (act == AA_PICK_UNIT)
		return apply_page_finish(r, c, a, &f, ver->s, NULL);
	if (act == AA_SEND_CODE)
		return send_code(r, c, a, &f, ver->s, open);
	if (act == -1 || !vok) {
		if ((rc = apply_page_finish(r, c, a, &f, vok ? ver->s : NULL,
		    NULL)) != RC_OK)
			return rc;
		xml_form_refuse(r, appform_fields[act == -1 ? AF_ACTION :
		    AF_VERSION].bad);
		return RC_OK;
	}
	if (appform_check(r, c, a, &f) == -1)
		return RC_DB;
	appform_errors(r, a, &f);
	if (act == AA_SAVE)
		return save(r, c, a, &f, ver->s);
	return submit(r, c, a, &f, ver->s, open);
}

/* POST /apply (fields: appform_fields) */
enum rc
h_apply_post(struct req *r)
{
	struct acct	 c;
	struct app	 a;
	struct vals	 f;
	enum rc		 rc;

	if ((rc = appform_load(r, &c, &a)) != RC_OK)
		return rc;
	if (!app_editable(&a)) {
		if (action(r) == AA_SUBMIT && (strcmp(a.state, "submitted") ==
		    0 || strcmp(a.state, "approved") == 0)) {
			resp_redirect(r, "/status");
			return RC_OK;
		}
		appform_from_app(&f, &a);
		return conflict(r, &c, &a, &f, 0);
	}
	rc = post(r, &c, &a);
	OPENSSL_cleanse(c.idno, sizeof(c.idno));
	OPENSSL_cleanse(c.phone, sizeof(c.phone));
	return rc;
}
