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
 * h_pay.c: the candidate's payment (网上缴费, SPEC §3.6, seed 000 §5):
 * the fee and whether he may pay (payrule.c), the receipt name, the
 * confirmation with his name and ID number and a countdown, the signed
 * hand-over to the non-tax platform (gkbm-pay signs; this process never
 * holds the key), and the return page, which never marks anything paid:
 * it reads our own order state, set by gkbm-pay from the platform's
 * signed notify.
 */

#include <string.h>

#include "web.h"
#include "pay.h"
#include "payorder.h"

#define RECEIPT_MAX	50		/* characters of a receipt name */
#define COUNTDOWN	5		/* seconds before 确认缴费 is enabled */
#define MSG_KIND	"请选择收据类型（个人、单位或其他）。"
#define MSG_NAME	"请填写收据名称（2至50个字，只能含文字、字母、数字、括号和·-）。"
#define MSG_DOWN	"缴费暂不可用：缴费服务正在维护，请稍后再试。" \
			"报名、审核结果等其他功能不受影响。"

enum { PF_KIND, PF_NAME };

static const char *
receipt_check(struct req *r, const struct fielddef *f, struct fval *v)
{
	const char	*s;

	(void)r;
	(void)f;
	if (valid_chars(v->s, 0) < 2)
		return MSG_NAME;
	for (s = v->s; *s != '\0'; s++)
		if ((unsigned char)*s < 0x80 && !(*s >= '0' && *s <= '9') &&
		    !(*s >= 'A' && *s <= 'Z') && !(*s >= 'a' && *s <= 'z') &&
		    strchr("()-. ", *s) == NULL)
			return MSG_NAME;
	return NULL;
}

/* The fields of POST /pay/confirm and /pay/order: the receipt. */
const struct fielddef h_pay_fields[] = {
	[PF_KIND] = { "kind", FT_CHOICE, 0, 0, 0, NULL, MSG_KIND,
	    payorder_receipt_kinds, NULL },
	[PF_NAME] = { "name", FT_TEXT, 0, 1, RECEIPT_MAX, NULL, MSG_NAME, NULL,
	    receipt_check },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * The page common to every view: <pay view> with the application, the
 * verdict, fee, window, receipt and orders.  Returns 1 (pa loaded), 0
 * without an application, -1 on a database failure.
 */
static int
pay_page(struct req *r, const char *view, struct payapp *pa, enum pay_gate *g,
    int *pending)
{
	long long	 opens = 0;
	int		 n;

	xml_page(r, PAGE_PAY);
	xml_attr(r->root, "view", view);
	*pending = 0;
	if ((n = payorder_load(r, pa)) != 1) {
		*g = PG_NOT_APPROVED;
		if (n == 0)
			xml_attr(xml_el(r->root, "gate",
			    payrule_text(PG_NOT_APPROVED)), "code",
			    payrule_code(PG_NOT_APPROVED));
		return n;
	}
	*g = payorder_gate(pa, &opens);
	if (payorder_xml(r, pa, *g, opens) == -1 ||
	    payorder_orders_xml(r, pa->id, pending) == -1)
		return -1;
	return 1;
}

/* The receipt fixed for pa into *kind, *name; 1, 0 none, -1 failure. */
static int
receipt_of(struct req *r, long long app, char **kind, char **name)
{
	char	*at;
	int	 n;

	if (db_run(r, STMT_PW_RECEIPT_GET, app) == -1 ||
	    (n = db_row(r, STMT_PW_RECEIPT_GET, kind, name, &at)) == -1)
		return -1;
	if (n == 1)
		db_done(r, STMT_PW_RECEIPT_GET);
	return n;
}

/* The receipt form (POST /pay/confirm), pre-filled with kind and name. */
static void
receipt_form(struct req *r, const char *kind, const char *name)
{
	xml_form(r, "/pay/confirm");
	xml_field(r, "kind", kind != NULL ? kind : "person");
	xml_field(r, "name", name != NULL ? name : r->user_name);
}

/* GET /pay: 网上缴费. */
enum rc
h_pay(struct req *r)
{
	struct payapp	 pa;
	enum pay_gate	 g;
	char		*kind = NULL, *name = NULL;
	int		 n, pending;

	if ((n = pay_page(r, "main", &pa, &g, &pending)) == -1)
		return RC_DB;
	if (n == 0 || g != PG_OPEN)
		return RC_OK;
	if (receipt_of(r, pa.id, &kind, &name) == -1)
		return RC_DB;
	receipt_form(r, kind, name);
	return RC_OK;
}

/*
 * The receipt of a POST: the one fixed (what was sent must then agree)
 * or the fields.  Returns 1 with *kind, *name set, 0 when the form was
 * refused (messages in it), -1 on a database failure.
 */
static int
post_receipt(struct req *r, const struct payapp *pa, const char **kind,
    const char **name)
{
	const struct fval	*fv = r->fv;
	const char		*ek = NULL, *en = NULL;
	char			*fk, *fn;
	int			 n;

	if ((n = receipt_of(r, pa->id, &fk, &fn)) == -1)
		return -1;
	if (n == 1 && (*fv[PF_KIND].s == '\0' || strcmp(fv[PF_KIND].s, fk) == 0) &&
	    (*fv[PF_NAME].s == '\0' || strcmp(fv[PF_NAME].s, fn) == 0)) {
		*kind = fk;
		*name = fn;
		return 1;
	}
	if (n == 1) {
		receipt_form(r, fk, fn);
		xml_form_message(r, pool_printf(r->pool, "收据信息已确认为“%s：%s”，"
		    "本年度不能修改。", payorder_receipt_name(fk), fn));
		r->status = 409;
		return 0;
	}
	if (*fv[PF_KIND].s == '\0' || fv[PF_KIND].err != NULL)
		ek = MSG_KIND;
	if (*fv[PF_NAME].s == '\0' || fv[PF_NAME].err != NULL)
		en = MSG_NAME;
	if (ek == NULL && en == NULL) {
		*kind = fv[PF_KIND].s;
		*name = fv[PF_NAME].s;
		return 1;
	}
	receipt_form(r, fv[PF_KIND].s, fv[PF_NAME].s);
	if (ek != NULL)
		xml_field_error(r, "kind", ek);
	if (en != NULL)
		xml_field_error(r, "name", en);
	xml_form_refuse(r, "请按提示填写收据信息。收据信息确认后本年度不能修改。");
	return 0;
}

/*
 * The start of both POSTs (/pay/confirm, /pay/order): the page of view,
 * answered here when the gate is closed (paid: back to /pay; else 409
 * with the page's reason) or the receipt is refused.  Returns 1 with
 * *kind and *name to go on, 0 when answered, -1 on a database failure.
 */
static int
pay_post_open(struct req *r, const char *view, struct payapp *pa,
    const char **kind, const char **name)
{
	enum pay_gate	 g;
	int		 n, pending;

	if ((n = pay_page(r, view, pa, &g, &pending)) == -1)
		return -1;
	if (n == 0 || g != PG_OPEN) {
		if (g == PG_PAID)
			resp_redirect(r, "/pay");
		else
			r->status = 409;
		return 0;
	}
	return post_receipt(r, pa, kind, name);
}

/* Appends <confirm name idno kind kind-name receipt countdown>. */
static int
confirm_xml(struct req *r, const char *kind, const char *name)
{
	xmlNodePtr	 c;
	unsigned char	*enc;
	size_t		 len;
	char		 plain[64], masked[64];
	int		 n;

	if (db_run(r, STMT_PW_IDNO, r->account_id) == -1 ||
	    (n = db_row(r, STMT_PW_IDNO, &enc, &len)) == -1)
		return -1;
	if (n == 1)
		db_done(r, STMT_PW_IDNO);
	masked[0] = '\0';
	if (n == 1 && enc != NULL && pii_open(r->cfg, PII_IDNO, r->account_id,
	    enc, len, plain, sizeof(plain)) == 0)
		pii_mask_idno(plain, masked, sizeof(masked));
	c = xml_el(r->root, "confirm", NULL);
	xml_attr(c, "name", r->user_name);
	if (masked[0] != '\0')
		xml_attr(c, "idno", masked);
	xml_attr(c, "kind", kind);
	xml_attr(c, "kind-name", payorder_receipt_name(kind));
	xml_attr(c, "receipt", name);
	xml_attrf(c, "countdown", "%d", COUNTDOWN);
	xml_form(r, "/pay/order");
	xml_field(r, "kind", kind);
	xml_field(r, "name", name);
	return 0;
}

/*
 * POST /pay/confirm: the confirmation step (nothing is stored): his
 * name, ID number (masked) and the receipt, 确认缴费 after a countdown,
 * 取消缴费 back to the receipt, 退出系统.
 */
enum rc
h_pay_confirm(struct req *r)
{
	struct payapp	 pa;
	const char	*kind, *name;
	int		 n;

	if ((n = pay_post_open(r, "confirm", &pa, &kind, &name)) != 1)
		return n == -1 ? RC_DB : RC_OK;
	return confirm_xml(r, kind, name) == -1 ? RC_DB : RC_OK;
}

/*
 * The origin (scheme://host[:port]) of url into buf, for the page's
 * form-action; NULL when url is not an http(s) URL of plain characters.
 */
static const char *
url_origin(const char *url, char *buf, size_t size)
{
	const char	*h;
	size_t		 n;

	if (strncmp(url, "https://", 8) == 0)
		h = url + 8;
	else if (strncmp(url, "http://", 7) == 0)
		h = url + 7;
	else
		return NULL;
	n = (size_t)(h - url) + strcspn(h, "/?#");
	if (n >= size || n == (size_t)(h - url) ||
	    strspn(url, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:/.-[]") < n)
		return NULL;
	memcpy(buf, url, n);
	buf[n] = '\0';
	return buf;
}

/*
 * The hand-over page of order no: gkbm-pay signs it (op=handover) and
 * the page posts the signed fields to the platform by itself.  Returns
 * RC_OK, or RC_DB with the 503 message when gkbm-pay is unavailable.
 */
static enum rc
handover(struct req *r, const char *no)
{
	struct paykv	 kv;
	xmlNodePtr	 p;
	const char	*url;
	char		 origin[256];
	size_t		 i;
	int		 rc;

	rc = payc_call(r->cfg, "handover", no, &kv);
	if (rc == PAYC_REFUSED) {
		/* Paid meanwhile (not_pending): the page says what is. */
		resp_redirect(r, "/pay/return");
		return RC_OK;
	}
	if (rc != 0 || (url = paykv_get(&kv, "action")) == NULL ||
	    url_origin(url, origin, sizeof(origin)) == NULL) {
		r->message = MSG_DOWN;
		return RC_DB;
	}
	xml_page(r, PAGE_PAYGO);
	xml_attr(r->root, "action", url);
	xml_attr(r->root, "order", no);
	for (i = 0; i < kv.n; i++)
		if (strncmp(kv.name[i], "f.", 2) == 0) {
			p = xml_el(r->root, "param", NULL);
			xml_attr(p, "name", kv.name[i] + 2);
			xml_attr(p, "value", kv.value[i]);
		}
	r->form_to = pool_strdup(r->pool, origin);
	return RC_OK;
}

/*
 * POST /pay/order: 确认缴费.  Fixes the receipt, gives the one open
 * order (two clicks, two tabs: the same order), then the hand-over.
 */
enum rc
h_pay_order(struct req *r)
{
	struct payapp	 pa;
	const char	*kind, *name, *why = NULL;
	char		*no;
	int		 n;

	if ((n = pay_post_open(r, "main", &pa, &kind, &name)) != 1)
		return n == -1 ? RC_DB : RC_OK;
	if ((n = payorder_open(r, &pa, kind, name, &no, &why)) == -1)
		return RC_DB;
	if (n == 1) {
		if (r->form == NULL)
			receipt_form(r, kind, name);
		xml_form_message(r, why);
		r->status = 409;
		return RC_OK;
	}
	return handover(r, no);
}

/*
 * GET /pay/return: where the platform sends the browser back.  Never
 * trusts anything it carries: shows our own order state, 正在确认缴费
 * 结果 while the newest order is PENDING (the page reloads itself).
 */
enum rc
h_pay_return(struct req *r)
{
	struct payapp	 pa;
	enum pay_gate	 g;
	int		 pending;

	if (pay_page(r, "return", &pa, &g, &pending) == -1)
		return RC_DB;
	if (pending)
		xml_attr(r->root, "checking", "1");
	return RC_OK;
}
