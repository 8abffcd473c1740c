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
 * h_cert.c: 电子证书 (seed 000 §8 打印电子证书): inside the year's
 * certificate window, the holder sees the certificate's fields and
 * downloads it (/cert.pdf: one A4 landscape page with the photo, the full
 * name and ID number, work type, level, date, number and a QR code of
 * the public check's address, built from site_url).  Outside the window,
 * without a pass, before issue or after revocation: a clear message.
 */

#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "pdf.h"
#include "cert.h"

#define CERT_PHOTO_W	40.0		/* mm */

/* The holder's certificate (STMT_CT_MINE). */
struct mycert {
	char		*no, *wt, *issued, *state, *revoked, *name;
	long long	 level, app, acct;
	unsigned char	*ie;
	size_t		 iel;
};

/*
 * Why the holder gets no certificate now, or NULL with *c filled: the
 * window, no pass, not yet issued, revoked.  *why names the case for the
 * page; *st is the HTTP status.  field_dbfail on a database failure.
 */
static const char *
cert_gate(struct req *r, struct mycert *c, const char **why, int *st)
{
	const char	*msg;
	long long	 pass = 0;
	int		 n;

	*st = 409;
	*why = "window";
	if ((msg = year_window_refuse(r, "certificate",
	    "不能查看和下载电子证书。")) != NULL)
		return msg;
	if (db_run(r, STMT_CT_MINE, r->account_id) == -1 ||
	    (n = db_row(r, STMT_CT_MINE, &c->no, &c->wt, &c->level, &c->issued,
	    &c->state, &c->revoked, &c->app, &c->name, &c->ie, &c->iel,
	    &c->acct)) == -1)
		return field_dbfail;
	if (n == 1) {
		db_done(r, STMT_CT_MINE);
		*why = "revoked";
		return strcmp(c->state, "revoked") == 0 ? pool_printf(r->pool,
		    "您的电子证书（编号%s）已于%s被撤销，不能再查看和下载。如有疑问，"
		    "请联系省工考办。", c->no, c->revoked) : NULL;
	}
	if (db_run(r, STMT_CT_MY_PASS, r->account_id) == -1 ||
	    db_row(r, STMT_CT_MY_PASS, &pass) != 1)
		return field_dbfail;
	db_done(r, STMT_CT_MY_PASS);
	*st = 404;
	*why = pass > 0 ? "pending" : "nopass";
	return pass > 0 ? "您的考核结果为合格，电子证书尚未签发，请稍后再来查看。" :
	    "没有您考核合格的记录，因此没有电子证书。考核结果请在“考核结果”中查看。";
}

/* GET /cert: 电子证书. */
enum rc
h_cert(struct req *r)
{
	struct mycert	 c;
	xmlNodePtr	 n;
	const char	*msg, *why, *url;
	char		 mname[64];
	int		 st;

	xml_page(r, PAGE_CERT);
	if (year_window(r, r->root, "certificate", NULL) == -1)
		return RC_DB;
	memset(&c, 0, sizeof(c));
	if ((msg = cert_gate(r, &c, &why, &st)) == field_dbfail)
		return RC_DB;
	if (msg != NULL) {
		n = xml_el(r->root, "none", msg);
		xml_attr(n, "reason", why);
		return RC_OK;
	}
	pii_mask_name(c.name, mname, sizeof(mname));
	n = xml_el(r->root, "certificate", NULL);
	xml_attr(n, "no", c.no);
	xml_attr(n, "name", mname);
	xml_attr(n, "worktype", c.wt);
	xml_attrf(n, "level", "%lld", c.level);
	xml_attr(n, "level-name", xml_level_name((int)c.level));
	xml_attr(n, "issued", c.issued);
	if ((url = cert_url(r, c.no)) != NULL)
		xml_attr(n, "url", url);
	return RC_OK;
}

/* A label and its value across w mm. */
static void
cert_line(struct pdf *p, double w, const char *label, const char *value)
{
	struct pdf_cell	 c[2];

	c[0] = (struct pdf_cell){ label, 36, PDF_SHADE | PDF_CENTER };
	c[1] = (struct pdf_cell){ value, w - 36, 0 };
	pdf_row(p, c, 2, 12);
}

/* The page: title, the fields beside the photo, the QR code. */
static void
cert_draw(struct req *r, struct pdf *p, const struct mycert *c,
    const char *idno, const unsigned char *jpg, size_t jlen, const char *url)
{
	struct pdf_cell	 t;
	double		 w = pdf_width(p) - CERT_PHOTO_W, y0, y1;

	pdf_space(p, 6);
	pdf_text(p, "河南省机关事业单位工勤技能岗位等级证书", PDF_BIG | PDF_CENTER);
	pdf_text(p, "（电子证书）", PDF_CENTER);
	pdf_space(p, 8);
	y0 = pdf_y(p);
	cert_line(p, w, "姓名", c->name);
	cert_line(p, w, "身份证号", idno);
	cert_line(p, w, "岗位工种", c->wt);
	cert_line(p, w, "岗位等级", xml_level_name((int)c->level));
	cert_line(p, w, "发证日期", c->issued);
	cert_line(p, w, "证书编号", c->no);
	y1 = pdf_y(p);
	if (jpg == NULL || pdf_jpeg(p, jpg, jlen, w + 2, y0 + 2,
	    CERT_PHOTO_W - 4, y1 - y0 - 4) == -1)
		pdf_frame(p, w, y0, CERT_PHOTO_W, y1 - y0, "照片", PDF_CENTER);
	else
		pdf_frame(p, w, y0, CERT_PHOTO_W, y1 - y0, NULL, 0);
	pdf_space(p, 6);
	pdf_text(p, "经考核合格，准予取得上述岗位等级。特发此证。", 0);
	pdf_space(p, 4);
	y0 = pdf_y(p);
	if (url != NULL)
		pdf_qr(p, url, pdf_width(p) - 36, y0, 36);
	t = (struct pdf_cell){ pool_printf(r->pool, "查验方式：用手机扫描右侧二维码，"
	    "或在浏览器中打开 %s ，页面显示证书有效即为真实证书。证书被撤销的，"
	    "查验页面显示“已撤销”。", url ? url : "（本站未设置网址）"),
	    pdf_width(p) - 40, PDF_NOLINE | PDF_SMALL | PDF_TOP };
	pdf_row(p, &t, 1, 36);
}

/* GET /cert.pdf: the certificate, one A4 landscape page. */
enum rc
h_cert_pdf(struct req *r)
{
	struct mycert	 c;
	struct pdf	*p;
	const char	*msg, *why, *url;
	unsigned char	*jpg = NULL;
	char		 idno[64], *photo = NULL;
	size_t		 jlen = 0;
	int		 st, n;

	memset(&c, 0, sizeof(c));
	if ((msg = cert_gate(r, &c, &why, &st)) == field_dbfail)
		return RC_DB;
	if (msg != NULL) {
		r->message = msg;
		return st == 404 ? RC_NOTFOUND : RC_CONFLICT;
	}
	if (c.ie == NULL || pii_open(r->cfg, PII_IDNO, c.acct, c.ie, c.iel,
	    idno, sizeof(idno)) != 0)
		idno[0] = '\0';
	if (db_run(r, STMT_AF_PHOTO, c.app) == -1 ||
	    (n = db_row(r, STMT_AF_PHOTO, &photo)) == -1)
		return RC_DB;
	if (n == 1) {
		db_done(r, STMT_AF_PHOTO);
		jpg = files_read(r, photo, MAX_JPEG, &jlen);
	}
	url = cert_url(r, c.no);
	p = pdf_open(PDF_A4_LANDSCAPE, resp_put, r, pool_printf(r->pool,
	    "电子证书 %s", c.no));
	if (p == NULL)
		return RC_INTERNAL;
	pdf_set_total(p, 1);
	pdf_set_header(p, "河南省机关事业单位工勤技能岗位等级考核", c.no);
	pdf_set_footer(p, "河南省机关事业单位工勤技能岗位等级考核服务中心");
	resp_stream(r, "application/pdf", "inline", "certificate.pdf",
	    pool_printf(r->pool, "电子证书-%s.pdf", c.no));
	cert_draw(r, p, &c, idno, jpg, jlen, url);
	if (pdf_close(p) == -1)
		log_warnx("certificate %s: the PDF was cut short", c.no);
	OPENSSL_cleanse(idno, sizeof(idno));
	return RC_OK;
}
