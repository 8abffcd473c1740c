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
 * ticket.c: the admission ticket (准考证, issue 10 item 3, seed 000 §6,
 * 001 §五(二)): an application's seat (exam_seat_get) and its person
 * loaded as one struct ticket, shown on a page (ticket_xml) and drawn as
 * one A4 page (ticket_draw): photo, name, ID number, ticket number, work
 * type, level, site, address, room, seat, time, a QR code of the ticket
 * number and the 考场规则; and the candidate's unlock of his session by
 * an SMS code (ticket_unlock, ticket_unlocked; schema/0021-ticket.sql).
 */

#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "web.h"
#include "appquery.h"
#include "exam.h"
#include "pdf.h"
#include "ticket.h"

#define TK_PHOTO_W	33.0		/* mm: the photo, 2:3 (一寸 is 25x35) */
#define TK_PHOTO_H	44.0
#define TK_QR		30.0		/* mm: the QR code's side */
#define TK_LABEL	28.0		/* mm: a label cell */
#define TK_ROW		9.0		/* mm: a row of the ticket */

/* 考场规则 / 注意事项: printed on every ticket and shown on the page. */
const char *const ticket_rules[] = {
	"考生须持本准考证和本人有效居民身份证，于考试开始前30分钟到达考点，"
	"按准考证上的考场和座位号入座，并将准考证、身份证放在桌面左上角备查。",
	"考试开始15分钟后不得入场；考试开始后30分钟内不得交卷离场。",
	"除黑色签字笔、2B铅笔、橡皮外，不得携带书籍、资料、手机、智能手表等"
	"任何通讯和电子设备进入考场；已带入的须关机后放在指定位置。",
	"考生应服从监考人员管理，独立答题，不得交头接耳、抄袭或协助他人作弊；"
	"违纪舞弊的，按有关规定处理，并取消当次考核成绩。",
	"考试结束铃响，立即停止答题，待监考人员收齐试卷后方可离开考场。",
	"本准考证请用A4纸打印，妥善保管；考核结果查询、证书领取时可能需要出示。",
	NULL
};

/*
 * The candidate's seated application of the current year into *app.
 * Returns 1, 0 when he has no seat, -1 (database).
 */
int
ticket_mine(struct req *r, long long *app)
{
	int	 n;

	*app = 0;
	if (db_run(r, STMT_TK_MINE, r->account_id, (long long)r->year) == -1 ||
	    (n = db_row(r, STMT_TK_MINE, app)) == -1)
		return -1;
	if (n == 1)
		db_done(r, STMT_TK_MINE);
	return n;
}

/*
 * Application app's ticket into t (the caller decided who may see it):
 * its seat (exam.c) and its person, the ID number opened in full.
 * Returns 1, 0 without a seat (or no longer approved), -1.
 */
int
ticket_load(struct req *r, long long app, struct ticket *t)
{
	unsigned char	*ie;
	size_t		 iel;
	int		 n;

	memset(t, 0, sizeof(*t));
	if ((n = exam_seat_get(r, app, &t->seat)) != 1)
		return n;
	if (db_run(r, STMT_TK_PERSON, app) == -1 ||
	    (n = db_row(r, STMT_TK_PERSON, &t->acct, &t->name, &ie, &iel,
	    &t->unit, &t->photo, &t->photo_id)) == -1)
		return -1;
	if (n == 0)
		return 0;
	db_done(r, STMT_TK_PERSON);
	if ((t->idno = aq_idno(r, t->acct, ie, iel, 1)) == NULL)
		t->idno = "";
	return 1;
}

/* The time of the exam in words: "2026-06-20 09:00至11:00". */
static const char *
ticket_when(struct req *r, const struct exam_seat *s)
{
	if (strlen(s->starts) >= 16 && strlen(s->ends) >= 16 &&
	    strncmp(s->starts, s->ends, 10) == 0)
		return pool_printf(r->pool, "%s至%s", s->starts, s->ends + 11);
	return pool_printf(r->pool, "%s至%s", s->starts, s->ends);
}

/*
 * Appends <ticket> for t to parent: every printed field, the ID number
 * in full when full (the candidate's own), else masked.
 */
void
ticket_xml(struct req *r, xmlNodePtr parent, const struct ticket *t, int full)
{
	const struct exam_seat	*s = &t->seat;
	xmlNodePtr		 n;
	char			 m[40];

	n = xml_el(parent, "ticket", NULL);
	xml_attrf(n, "app", "%lld", s->app);
	xml_attr(n, "no", s->ticket_no);
	xml_attr(n, "name", t->name);
	if (full)
		xml_attr(n, "idno", t->idno);
	else {
		pii_mask_idno(t->idno, m, sizeof(m));
		xml_attr(n, "idno", m);
	}
	xml_attrf(n, "year", "%lld", s->year);
	xml_attr(n, "region", s->region_name);
	xml_attr(n, "worktype", s->worktype);
	xml_attrf(n, "level", "%d", s->level);
	if (xml_level_name(s->level) != NULL)
		xml_attr(n, "level-name", xml_level_name(s->level));
	xml_attr(n, "unit", t->unit);
	xml_attr(n, "site", s->site_name);
	xml_attr(n, "address", s->site_address);
	xml_attr(n, "room", s->room_name);
	xml_attr(n, "room-code", s->room_code);
	xml_attrf(n, "seat", "%02d", s->seat);
	xml_attr(n, "session", s->session);
	xml_attr(n, "starts", s->starts);
	xml_attr(n, "ends", s->ends);
	xml_attr(n, "when", ticket_when(r, s));
	if (t->photo_id > 0)
		xml_attrf(n, "photo", "%lld", t->photo_id);
}

/* Appends <rules><rule>…</rule>…</rules>: the 考场规则. */
void
ticket_rules_xml(xmlNodePtr parent)
{
	xmlNodePtr	 n = xml_el(parent, "rules", NULL);
	size_t		 i;

	for (i = 0; ticket_rules[i] != NULL; i++)
		xml_el(n, "rule", ticket_rules[i]);
}

/* A label and its value across w mm. */
static void
ticket_pair(struct pdf *p, double w, const char *label, const char *value)
{
	struct pdf_cell	 c[2] = {
		{ label, TK_LABEL, PDF_SHADE | PDF_BOLD | PDF_CENTER },
		{ value, w - TK_LABEL, 0 },
	};

	pdf_row(p, c, 2, TK_ROW);
}

/* The person beside the photo, the QR code under it. */
static void
ticket_top(struct req *r, struct pdf *p, const struct ticket *t,
    const unsigned char *jpg, size_t jlen)
{
	const struct exam_seat	*s = &t->seat;
	double			 w = pdf_width(p) - TK_PHOTO_W - 4, x, y0;

	y0 = pdf_y(p);
	x = w + 4;
	ticket_pair(p, w, "姓　　名", t->name);
	ticket_pair(p, w, "身份证号", t->idno);
	ticket_pair(p, w, "准考证号", s->ticket_no);
	ticket_pair(p, w, "报考工种", s->worktype);
	ticket_pair(p, w, "报考等级", xml_level_name(s->level) != NULL ?
	    xml_level_name(s->level) : "");
	ticket_pair(p, w, "所在单位", t->unit);
	ticket_pair(p, w, "考　　区", s->region_name);
	if (jpg == NULL || pdf_jpeg(p, jpg, jlen, x + 0.5, y0 + 0.5,
	    TK_PHOTO_W - 1, TK_PHOTO_H - 1) == -1)
		pdf_frame(p, x, y0, TK_PHOTO_W, TK_PHOTO_H, "照片",
		    PDF_CENTER);
	else
		pdf_frame(p, x, y0, TK_PHOTO_W, TK_PHOTO_H, NULL, 0);
	pdf_qr(p, s->ticket_no, x + (TK_PHOTO_W - TK_QR) / 2,
	    y0 + TK_PHOTO_H + 2, TK_QR);
	(void)r;
}

/* Where and when: 考点, 地址, 考场, 座位号, 考试时间. */
static void
ticket_place(struct req *r, struct pdf *p, const struct exam_seat *s)
{
	double	 w = pdf_width(p);

	pdf_space(p, 4);
	pdf_text(p, "考试安排", PDF_BOLD);
	pdf_space(p, 1);
	ticket_pair(p, w, "考　　点", s->site_name);
	ticket_pair(p, w, "考点地址", s->site_address);
	ticket_pair(p, w, "考　　场", pool_printf(r->pool, "%s（%s）",
	    s->room_name, s->room_code));
	ticket_pair(p, w, "座  位  号", pool_printf(r->pool, "%02d", s->seat));
	ticket_pair(p, w, "考试时间", pool_printf(r->pool, "第%s场　%s",
	    s->session, ticket_when(r, s)));
}

/*
 * Draws t's ticket from the top of a page of p (the caller ends the
 * page before the next): title, person, photo, QR code, place and time,
 * the rules.  The photo is read here into the request's pool.
 */
void
ticket_draw(struct req *r, struct pdf *p, const struct ticket *t)
{
	unsigned char	*jpg = NULL;
	size_t		 jlen = 0, i;

	if (*t->photo != '\0')
		jpg = files_read(r, t->photo, MAX_JPEG, &jlen);
	pdf_set_header(p, "河南省机关事业单位工勤技能岗位等级考核",
	    pool_printf(r->pool, "准考证号 %s", t->seat.ticket_no));
	pdf_text(p, pool_printf(r->pool, "%lld年度河南省机关事业单位工勤技能岗位"
	    "等级考核", t->seat.year), PDF_CENTER | PDF_BOLD);
	pdf_text(p, "准　考　证", PDF_BIG | PDF_CENTER);
	pdf_space(p, 4);
	ticket_top(r, p, t, jpg, jlen);
	ticket_place(r, p, &t->seat);
	pdf_space(p, 4);
	pdf_text(p, "考场规则及注意事项", PDF_BOLD);
	for (i = 0; ticket_rules[i] != NULL; i++)
		pdf_text(p, pool_printf(r->pool, "%zu. %s", i + 1,
		    ticket_rules[i]), PDF_SMALL);
	pdf_space(p, 3);
	pdf_text(p, "扫描照片下方的二维码可核对准考证号。本准考证由考生本人凭短信验证码"
	    "打印，或由所在单位统一打印。", PDF_SMALL);
}

/* The time now in Beijing, "YYYY-MM-DD HH:MM". */
static void
ticket_now(char *buf, size_t len)
{
	time_t		 t = time(NULL) + 8 * 3600;
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(buf, len, "%Y-%m-%d %H:%M", &tm);
}

/*
 * Sends t's ticket as a PDF of one A4 page (the candidate's own
 * download).  RC_OK (sent) or RC_INTERNAL (nothing sent).
 */
enum rc
ticket_send(struct req *r, const struct ticket *t)
{
	struct pdf	*p;
	char		 now[32];

	p = pdf_open(PDF_A4_PORTRAIT, resp_put, r, pool_printf(r->pool,
	    "准考证 %s", t->seat.ticket_no));
	if (p == NULL)
		return RC_INTERNAL;
	ticket_now(now, sizeof(now));
	pdf_set_total(p, 1);
	pdf_set_footer(p, pool_printf(r->pool, "打印时间：%s", now));
	resp_stream(r, "application/pdf", "inline", "ticket.pdf",
	    pool_printf(r->pool, "准考证-%s.pdf", t->seat.ticket_no));
	ticket_draw(r, p, t);
	if (pdf_close(p) == -1)
		log_warnx("ticket %lld: the PDF was cut short", t->seat.app);
	return RC_OK;
}

/*
 * Whether the request's session holds an unlock of the ticket (a right
 * SMS code in the last TICKET_UNLOCK_MIN minutes); *until (if not NULL)
 * its end "HH:MM".  Returns 1, 0, -1 (database).
 */
int
ticket_unlocked(struct req *r, char **until)
{
	unsigned char	 h[MAC_LEN];
	char		*u = NULL;
	int		 n;

	if (r->sid[0] == '\0')
		return 0;
	token_hash(r->sid, h);
	if (db_run(r, STMT_TK_UNLOCKED, h, sizeof(h), r->account_id) == -1 ||
	    (n = db_row(r, STMT_TK_UNLOCKED, &u)) == -1)
		return -1;
	if (n == 1)
		db_done(r, STMT_TK_UNLOCKED);
	if (until != NULL)
		*until = u;
	return n;
}

/* Unlocks the ticket for the request's session; 0 or -1. */
int
ticket_unlock(struct req *r)
{
	unsigned char	 h[MAC_LEN];

	if (r->sid[0] == '\0')
		return -1;
	token_hash(r->sid, h);
	return db_run(r, STMT_TK_UNLOCK, h, sizeof(h), r->account_id,
	    (long long)TICKET_UNLOCK_MIN) == -1 ? -1 : 0;
}
