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
 * appprint.c: the registration form (报名表, seed 004 "报名成功后，请打印
 * 报名表") as an A4 PDF: the photo, every field the candidate entered, the
 * route, the five years' appraisals, the long texts, the candidate's
 * promise with a place to sign, and one 审核意见 box with its stamp place
 * for each step of the chain fixed at submission.  The candidate prints
 * it after submitting; staff of the chain print it from 详情 (the same
 * rule: queue_sees), and each staff print is audited.
 */

#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "web.h"
#include "pdf.h"

#define AF_LABEL	30.0		/* mm, a label cell */
#define AF_PHOTO	36.0		/* mm, the photo's column */
#define AF_STEPS	6		/* chain steps kept */

/* The application as the form prints it (strings in the request pool). */
struct af {
	long long	 id, year, acct, work_years, cur_level, cur_year;
	long long	 target_level, prohibited, exceptional, exc_entered;
	char		*state, *name, *gender, *birth, *region, *unit, *ucode;
	char		*submitted, *edu, *work_start, *cur_wt, *ucat, *urank;
	char		*twt, *route, *text[7], *appraisals, *photo;
	char		 idno[32], phone[32];
	char		*step_level[AF_STEPS], *step_unit[AF_STEPS];
	size_t		 nsteps;
};

/* The fixed answers of the form in the candidate's words. */
static const struct {
	const char	*value, *name;
} af_words[] = {
	{ "admin", "行政" }, { "institution", "事业" },
	{ "province", "省级" }, { "city", "市级" }, { "county", "县级" },
	{ "township", "乡镇" }, { "years", "按工作年限申报" },
	{ "certificate", "按岗位等级证书申报" },
};

/* The chain's levels as the 审核意见 boxes name them. */
static const struct {
	const char	*level, *title;
} af_levels[] = {
	{ "unit", "所在单位审核意见" },
	{ "supervising", "主管单位审核意见" },
	{ "county", "县（市、区）工考办审核意见" },
	{ "city", "市工考办审核意见" },
	{ "province", "省工考办审核意见" },
};

static const char *const af_text_labels[7] = { "年度考核情况说明",
    "破格晋升条件", "破格晋升证明材料", "学习工作简历", "奖惩情况",
    "主要技术业务工作业绩", "其它申报条件" };

static const char *
af_word(const char *v)
{
	size_t	 i;

	for (i = 0; i < sizeof(af_words) / sizeof(af_words[0]); i++)
		if (strcmp(af_words[i].value, v) == 0)
			return af_words[i].name;
	return v;
}

static const char *
af_level_title(const char *level)
{
	size_t	 i;

	for (i = 0; i < sizeof(af_levels) / sizeof(af_levels[0]); i++)
		if (strcmp(af_levels[i].level, level) == 0)
			return af_levels[i].title;
	return "审核意见";
}

/* The person, the unit and the submission; 1, 0 none, -1. */
static int
af_load_person(struct req *r, long long id, struct af *a)
{
	unsigned char	*ie, *pe;
	size_t		 iel, pel;
	int		 n;

	if (db_run(r, STMT_AF_APP, id) == -1 ||
	    (n = db_row(r, STMT_AF_APP, &a->id, &a->state, &a->year, &a->acct,
	    &a->name, &ie, &iel, &pe, &pel, &a->gender, &a->birth, &a->region,
	    &a->unit, &a->ucode, &a->submitted)) == -1)
		return -1;
	if (n == 0)
		return 0;
	db_done(r, STMT_AF_APP);
	if (ie == NULL || pii_open(r->cfg, PII_IDNO, a->acct, ie, iel,
	    a->idno, sizeof(a->idno)) != 0)
		a->idno[0] = '\0';
	if (pe == NULL || pii_open(r->cfg, PII_PHONE, a->acct, pe, pel,
	    a->phone, sizeof(a->phone)) != 0)
		a->phone[0] = '\0';
	return 1;
}

/* What the candidate chose and wrote; 0 or -1. */
static int
af_load_form(struct req *r, struct af *a)
{
	char		*grade, *t;
	long long	 year;
	int		 n;

	if (db_run(r, STMT_AF_MORE, a->id) == -1 ||
	    db_row(r, STMT_AF_MORE, &a->edu, &a->work_start, &a->work_years,
	    &a->cur_level, &a->cur_wt, &a->cur_year, &a->ucat, &a->urank,
	    &a->twt, &a->route, &a->target_level, &a->prohibited,
	    &a->exceptional, &a->exc_entered) != 1)
		return -1;
	db_done(r, STMT_AF_MORE);
	if (db_run(r, STMT_AF_TEXTS, a->id) == -1 ||
	    db_row(r, STMT_AF_TEXTS, &a->text[0], &a->text[1], &a->text[2],
	    &a->text[3], &a->text[4], &a->text[5], &a->text[6]) != 1)
		return -1;
	db_done(r, STMT_AF_TEXTS);
	a->appraisals = "";
	if (db_run(r, STMT_AF_APPRAISALS, a->id) == -1)
		return -1;
	while ((n = db_row(r, STMT_AF_APPRAISALS, &year, &grade)) == 1) {
		t = pool_printf(r->pool, "%s%s%lld年：%s", a->appraisals,
		    *a->appraisals ? "；" : "", year, grade);
		a->appraisals = t;
	}
	return n;
}

/* The photo's stored name and the chain's steps; 0 or -1. */
static int
af_load_chain(struct req *r, struct af *a)
{
	long long	 step;
	char		*level, *unit;
	int		 n;

	a->photo = NULL;
	if (db_run(r, STMT_AF_PHOTO, a->id) == -1 ||
	    (n = db_row(r, STMT_AF_PHOTO, &a->photo)) == -1)
		return -1;
	if (n == 1)
		db_done(r, STMT_AF_PHOTO);
	if (db_run(r, STMT_AF_CHAIN, a->id) == -1)
		return -1;
	while ((n = db_row(r, STMT_AF_CHAIN, &step, &level, &unit)) == 1)
		if (a->nsteps < AF_STEPS) {
			a->step_level[a->nsteps] = level;
			a->step_unit[a->nsteps++] = unit;
		}
	return n;
}

/* Two label-value pairs across w mm (or one pair when l2 is NULL). */
static int
af_pair(struct pdf *p, double w, const char *l1, const char *v1,
    const char *l2, const char *v2)
{
	struct pdf_cell	 c[4];
	double		 half = (w - 2 * AF_LABEL) / 2;

	c[0] = (struct pdf_cell){ l1, AF_LABEL, PDF_SHADE };
	if (l2 == NULL) {
		c[1] = (struct pdf_cell){ v1, w - AF_LABEL, 0 };
		return pdf_row(p, c, 2, 9);
	}
	c[1] = (struct pdf_cell){ v1, half, 0 };
	c[2] = (struct pdf_cell){ l2, AF_LABEL, PDF_SHADE };
	c[3] = (struct pdf_cell){ v2, half, 0 };
	return pdf_row(p, c, 4, 9);
}

/* The top block: five rows beside the photo. */
static void
af_top(struct req *r, struct pdf *p, const struct af *a,
    const unsigned char *jpg, size_t jlen)
{
	double	 w = pdf_width(p) - AF_PHOTO, y0, y1;

	pdf_need(p, 60);
	y0 = pdf_y(p);
	af_pair(p, w, "姓名", a->name, "性别",
	    strcmp(a->gender, "F") == 0 ? "女" : "男");
	af_pair(p, w, "身份证号", a->idno, "出生日期", a->birth);
	af_pair(p, w, "手机号码", a->phone, "报名地区", a->region);
	af_pair(p, w, "文化程度", a->edu, "参加工作时间", a->work_start);
	af_pair(p, w, "所在单位", *a->ucode ? pool_printf(r->pool,
	    "%s（%s）", a->unit, a->ucode) : a->unit, NULL, NULL);
	y1 = pdf_y(p);
	if (jpg == NULL || pdf_jpeg(p, jpg, jlen, w + 1, y0 + 1,
	    AF_PHOTO - 2, y1 - y0 - 2) == -1)
		pdf_frame(p, w, y0, AF_PHOTO, y1 - y0, "照片",
		    PDF_CENTER);
	else
		pdf_frame(p, w, y0, AF_PHOTO, y1 - y0, NULL, 0);
}

/* The application's answers below the photo. */
static void
af_answers(struct req *r, struct pdf *p, const struct af *a)
{
	double		 w = pdf_width(p);
	const char	*cl;
	size_t		 i;

	cl = a->cur_level == 0 ? "未定级" : a->cur_level > 0 ?
	    xml_level_name((int)a->cur_level) : "";
	af_pair(p, w, "单位类别", af_word(a->ucat), "单位级别",
	    af_word(a->urank));
	af_pair(p, w, "工作年限", a->work_years >= 0 ? pool_printf(r->pool,
	    "%lld年", a->work_years) : "", "现岗位等级", cl ? cl : "");
	af_pair(p, w, "现岗位工种", a->cur_wt, "现等级取得时间",
	    a->cur_year > 0 ? pool_printf(r->pool, "%lld年", a->cur_year) :
	    "");
	af_pair(p, w, "申报岗位工种", a->twt, "申报岗位等级",
	    a->target_level > 0 ? xml_level_name((int)a->target_level) : "");
	af_pair(p, w, "申报方式", af_word(a->route), "破格晋升",
	    a->exc_entered ? "是（破格/一线，由工考办录入）" :
	    a->exceptional ? "是" : "否");
	af_pair(p, w, "禁止申报情形", a->prohibited < 0 ? "" :
	    a->prohibited ? "是" : "否", "提交时间", a->submitted);
	af_pair(p, w, "年度考核", a->appraisals, NULL, NULL);
	for (i = 0; i < 7; i++)
		if (a->text[i] != NULL && *a->text[i] != '\0')
			af_pair(p, w, af_text_labels[i], a->text[i], NULL,
			    NULL);
}

/* The promise, then a 审核意见 box with a stamp place for each step. */
static void
af_opinions(struct req *r, struct pdf *p, const struct af *a)
{
	struct pdf_cell	 c[2];
	double		 w = pdf_width(p);
	size_t		 i;

	c[0] = (struct pdf_cell){ "本人承诺", AF_LABEL, PDF_SHADE };
	c[1] = (struct pdf_cell){ "本人承诺以上填报信息及所附材料真实、准确，"
	    "如有虚假，愿承担相应责任。\n\n本人签字：　　　　　　　　　　"
	    "　　　　年　　月　　日", w - AF_LABEL, PDF_TOP };
	pdf_row(p, c, 2, 22);
	for (i = 0; i < a->nsteps; i++) {
		c[0].text = pool_printf(r->pool, "%s\n\n%s",
		    af_level_title(a->step_level[i]), a->step_unit[i]);
		c[0].flags = PDF_SHADE | PDF_SMALL;
		c[1].text = "\n\n\n（盖章）　　　　　　\n年　　月　　日　　　　";
		c[1].flags = PDF_TOP | PDF_RIGHT;
		pdf_row(p, c, 2, 34);
	}
}

/* The whole form into p; the caller opened and closes it. */
static void
af_draw(struct req *r, struct pdf *p, const struct af *a,
    const unsigned char *jpg, size_t jlen)
{
	char		 now[32];
	time_t		 t = time(NULL) + 8 * 3600;	/* Beijing time */
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(now, sizeof(now), "%Y-%m-%d %H:%M", &tm);
	pdf_set_header(p, "河南省机关事业单位工勤技能岗位等级考核网上报名系统",
	    pool_printf(r->pool, "报名序号 %lld", a->id));
	pdf_set_footer(p, pool_printf(r->pool, "打印时间：%s", now));
	pdf_text(p, "河南省机关事业单位工勤技能岗位等级考核报名表",
	    PDF_BIG | PDF_CENTER);
	pdf_text(p, pool_printf(r->pool, "（%lld年度）", a->year), PDF_CENTER);
	pdf_space(p, 2);
	af_top(r, p, a, jpg, jlen);
	af_answers(r, p, a);
	af_opinions(r, p, a);
	pdf_space(p, 2);
	pdf_text(p, "请将本表打印并签字，连同相关材料交所在单位审核盖章。",
	    PDF_SMALL);
}

/*
 * Loads application id (the caller checked who may see it) and sends
 * its form: a measuring pass counts the pages for "共 M 页", then the
 * file streams to the client.  RC_OK (sent), RC_NOTFOUND, RC_DB.
 */
static enum rc
af_send(struct req *r, long long id)
{
	struct af	 a;
	struct pdf	*p;
	unsigned char	*jpg = NULL;
	size_t		 jlen = 0;
	int		 n, pages;

	memset(&a, 0, sizeof(a));
	if ((n = af_load_person(r, id, &a)) != 1)
		return n == 0 ? RC_NOTFOUND : RC_DB;
	if (af_load_form(r, &a) == -1 || af_load_chain(r, &a) == -1)
		return RC_DB;
	if (a.photo != NULL)
		jpg = files_read(r, a.photo, MAX_JPEG, &jlen);
	if ((p = pdf_open(PDF_A4_PORTRAIT, NULL, NULL, "报名表")) == NULL)
		return RC_INTERNAL;
	af_draw(r, p, &a, jpg, jlen);
	pages = pdf_close(p);
	p = pdf_open(PDF_A4_PORTRAIT, resp_put, r, pool_printf(r->pool,
	    "报名表 %s", a.name));
	if (pages < 1 || p == NULL)
		return RC_INTERNAL;
	pdf_set_total(p, pages);
	resp_stream(r, "application/pdf", "inline", "form.pdf",
	    pool_printf(r->pool, "报名表-%s.pdf", a.name));
	af_draw(r, p, &a, jpg, jlen);
	if (pdf_close(p) == -1)
		log_warnx("form %lld: the PDF was cut short", id);
	OPENSSL_cleanse(a.idno, sizeof(a.idno));
	OPENSSL_cleanse(a.phone, sizeof(a.phone));
	return RC_OK;
}

/*
 * The candidate's own form, once submitted (submitted or approved):
 * before that, or after a return, the page says why there is none.
 */
enum rc
appprint_mine(struct req *r)
{
	long long	 id;
	int		 n;

	if (db_run(r, STMT_AF_MINE, r->account_id) == -1 ||
	    (n = db_row(r, STMT_AF_MINE, &id)) == -1)
		return RC_DB;
	if (n == 0) {
		r->status = 404;
		r->message = "报名信息提交后才能打印报名表；被退回修改的，"
		    "请修改并重新提交后再打印。";
		return RC_NOTFOUND;
	}
	db_done(r, STMT_AF_MINE);
	return af_send(r, id);
}

/*
 * Application id's form for staff of its chain (queue_sees, as 详情);
 * any other id answers 404 as if it did not exist.  Audited (app.print)
 * before anything is sent.
 */
enum rc
appprint_staff(struct req *r, long long id)
{
	int	 n;

	if ((n = queue_sees(r, id)) == -1)
		return RC_DB;
	if (n == 0)
		return RC_NOTFOUND;
	if (audit(r, "app.print", pool_printf(r->pool, "application:%lld", id),
	    "ok", NULL) == -1)
		return RC_DB;
	return af_send(r, id);
}
