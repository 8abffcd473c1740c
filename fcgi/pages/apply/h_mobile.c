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
 * h_mobile.c: the phone upload: the QR link (GET/POST /apply/qr, POST
 * /apply/qr/revoke), GET/POST /m
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "upload.h"
#include "appform.h"

#define COOKIE_CLAIM	"gkbm_m"	/* the phone that claimed a link */

/*
 * The absolute URL of path on this site, from the configured site_url
 * (never from the request's Host: a forged Host would put another site's
 * address in the QR code).  NULL when site_url is not configured.
 */
static const char *
site_url(struct req *r, const char *path)
{
	if (r->cfg->site_url == NULL || r->cfg->site_url[0] == '\0') {
		log_warnx("site_url is not configured: no phone upload links");
		return NULL;
	}
	return pool_printf(r->pool, "%s%s", r->cfg->site_url, path);
}

/*
 * Appends <link-state> of the application's live link: when it expires
 * and, once a phone has claimed it, when (claimed).  Nothing without a
 * live link.  0 or -1 (DB).
 */
static int
qr_state(struct req *r, long long app)
{
	xmlNodePtr	 n;
	char		*claimed, *expires;
	int		 k;

	if (db_run(r, STMT_UPL_LINK_STATE, app) == -1 ||
	    (k = db_row(r, STMT_UPL_LINK_STATE, &claimed,
	    &expires)) == -1)
		return -1;
	db_done(r, STMT_UPL_LINK_STATE);
	if (k == 0)
		return 0;
	n = xml_el(r->root, "link-state", NULL);
	xml_attr(n, "expires", expires);
	if (*claimed != '\0')
		xml_attr(n, "claimed", claimed);
	return 0;
}

/* The candidate's editable application into a, or the refusal's rc. */
static enum rc
qr_app(struct req *r, struct app *a)
{
	int	 n;

	if ((n = app_mine(r, a)) == -1)
		return RC_DB;
	if (n == 0 || !app_editable(a)) {
		r->message = n == 0 ? "请先打开“报名信息”页面填写报名信息，再使用"
		    "手机扫码上传。" : material_msg_state;
		return RC_CONFLICT;
	}
	return RC_OK;
}

/*
 * POST /apply/qr: 手机扫码上传.  A new single-use link for this
 * application (only its SHA-256 is stored), valid 10 minutes; older
 * unclaimed links of the application stop working.  The page shows it
 * as a QR code and as text.
 */
enum rc
h_qr(struct req *r)
{
	struct app	 a;
	unsigned char	 h[MAC_LEN];
	char		 tok[TOKEN_LEN + 1], hx[17], *expires;
	const char	*url;
	xmlNodePtr	 l;
	enum rc		 rc;

	/* From the application form: its fields are saved or kept. */
	if (appform_draft_keep(r) == -1)
		return RC_DB;
	if ((rc = qr_app(r, &a)) != RC_OK)
		return rc;
	token_new(tok);
	token_hash(tok, h);
	hex_encode(h, 8, hx);
	if ((url = site_url(r, pool_printf(r->pool, "/m?t=%s", tok))) == NULL)
		return RC_INTERNAL;
	if (db_begin(r) == -1 ||
	    db_run(r, STMT_UPL_LINK_SWEEP, a.id) == -1 ||
	    db_run(r, STMT_UPL_LINK_INSERT, h, sizeof(h), a.id) == -1 ||
	    db_run(r, STMT_UPL_LINK_GET, h, sizeof(h)) == -1 ||
	    db_row(r, STMT_UPL_LINK_GET, &a.id, &expires) != 1)
		goto fail;
	db_done(r, STMT_UPL_LINK_GET);
	if (audit(r, "upload_link.create", pool_printf(r->pool,
	    "application:%lld", a.id), "ok", pool_printf(r->pool, "link:%s",
	    hx)) == -1 || db_commit(r) == -1)
		goto fail;
	xml_page(r, PAGE_QR);
	l = xml_el(r->root, "link", NULL);
	xml_attr(l, "url", url);
	xml_attr(l, "expires", expires);
	xml_attr(l, "minutes", "10");
	if (xml_qr(r, r->root, url) == -1)
		return RC_INTERNAL;
	xml_form(r, "/apply/qr/revoke");
	return RC_OK;
fail:
	db_rollback(r);
	return RC_DB;
}

/*
 * GET /apply/qr: whether the live link was opened on a phone (已在手机上
 * 打开, when), with 撤销 and a new code.  The code itself is shown only
 * once, when made (only its hash is stored).
 */
static const char *const qr_ms[] = { "revoked", NULL };
const struct fielddef h_qr_state_fields[] = {
	/* The note after a redirect; another one is ignored (R_INPAGE). */
	{ "m", FT_CHOICE, FL_QUERY, 0, 0, NULL, "参数m不正确。", qr_ms, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_qr_state(struct req *r)
{
	struct app	 a;
	enum rc		 rc;

	if ((rc = qr_app(r, &a)) != RC_OK)
		return rc;
	xml_page(r, PAGE_QR);
	if (*r->fv[0].s != '\0' && r->fv[0].err == NULL)
		xml_el(r->root, "revoked", NULL);
	if (qr_state(r, a.id) == -1)
		return RC_DB;
	xml_form(r, "/apply/qr/revoke");
	return RC_OK;
}

/*
 * POST /apply/qr/revoke: every link of the application stops working,
 * the phone that claimed one included.
 */
enum rc
h_qr_revoke(struct req *r)
{
	struct app	 a;
	enum rc		 rc;
	int		 n;

	if ((rc = qr_app(r, &a)) != RC_OK)
		return rc;
	if (db_begin(r) == -1 ||
	    (n = db_run(r, STMT_UPL_LINK_REVOKE, a.id)) == -1 ||
	    audit(r, "upload_link.revoke", pool_printf(r->pool,
	    "application:%lld", a.id), "ok", pool_printf(r->pool, "%d", n)) ==
	    -1 || db_commit(r) == -1) {
		db_rollback(r);
		return RC_DB;
	}
	resp_redirect(r, "/apply/qr?m=revoked");
	return RC_OK;
}

/* A link as the phone presents it. */
struct link {
	const char	*token;
	unsigned char	 hash[MAC_LEN];
	unsigned char	 claim[MAC_LEN];	/* this browser's claim cookie */
	int		 has_cookie;
	char		 id[17];	/* first 8 bytes of the hash, hex: audit */
	int		 state;		/* L_UNCLAIMED, L_MINE */
	char		*expires;
	struct app	 a;
};

#define L_UNCLAIMED	0	/* nobody pressed 开始上传 yet */
#define L_MINE		1	/* claimed by this browser */

static const char *const msg_claimed = "该二维码已在另一部手机或浏览器上"
    "打开过，每个二维码只能在一部手机上使用。请扫描电脑上新生成的二维码。";

/* Refuses the phone's request: the mobile page says why and what to do. */
static enum rc
mobile_refuse(struct req *r, int status, const char *reason, const char *msg)
{
	xmlNodePtr	 n;

	db_rollback(r);
	xml_page(r, PAGE_MOBILE);
	n = xml_el(r->root, "refused", msg);
	xml_attr(n, "reason", reason);
	r->status = status;
	r->form = NULL;
	return RC_OK;
}

/* True if t looks like a token at all. */
static int
mobile_token_ok(const char *t)
{
	return t != NULL && strlen(t) == TOKEN_LEN && strspn(t,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") == TOKEN_LEN;
}

/*
 * Finds the link of token t and checks it for this browser: it exists,
 * has not expired, its application is still editable, and it is either
 * unclaimed or claimed by this browser's cookie.  Nothing is claimed
 * here (a GET, a link preview or a scanner's prefetch, must not take
 * it).  Returns RC_OK with l filled (1 in *ok), RC_OK with the refusal
 * page rendered (0 in *ok), or RC_DB.
 */
static enum rc
mobile_link(struct req *r, const char *t, struct link *l, int *ok)
{
	const char	*c;
	unsigned char	*claim;
	size_t		 claimlen;
	long long	 app, live;
	int		 n;

	*ok = 0;
	memset(l, 0, sizeof(*l));
	if (!mobile_token_ok(t))
		return mobile_refuse(r, 404, "unknown", "二维码链接无效或不完整。"
		    "请在电脑上打开“报名信息”页面，点击“手机扫码上传”，"
		    "扫描电脑上新生成的二维码。");
	l->token = t;
	token_hash(t, l->hash);
	hex_encode(l->hash, 8, l->id);
	if (db_run(r, STMT_MOB_LINK_GET, l->hash, sizeof(l->hash)) == -1 ||
	    (n = db_row(r, STMT_MOB_LINK_GET, &app, &claim,
	    &claimlen, &live, &l->expires)) == -1)
		return RC_DB;
	db_done(r, STMT_MOB_LINK_GET);
	if (n == 0)
		return mobile_refuse(r, 404, "unknown", "二维码链接无效、已被撤销"
		    "或已被新的二维码取代。请扫描电脑上新生成的二维码。");
	if (!live)
		return mobile_refuse(r, 403, "expired", "二维码已过期（有效期10"
		    "分钟）。请在电脑上重新点击“手机扫码上传”，扫描电脑上"
		    "新生成的二维码。");
	c = req_cookie(r, COOKIE_CLAIM);
	if ((l->has_cookie = mobile_token_ok(c)))
		token_hash(c, l->claim);
	if (claim == NULL)
		l->state = L_UNCLAIMED;
	else if (l->has_cookie && claimlen == MAC_LEN &&
	    CRYPTO_memcmp(l->claim, claim, MAC_LEN) == 0)
		l->state = L_MINE;
	else
		return mobile_refuse(r, 403, "claimed", msg_claimed);
	if ((n = app_via(r, l->hash, &l->a)) == -1)
		return RC_DB;
	if (n == 0 || !app_editable(&l->a))
		return mobile_refuse(r, 403, "closed", "报名信息已提交，审核期间"
		    "不能再上传资料；如需补充，请等待审核员退回后在电脑上重新"
		    "生成二维码。");
	*ok = 1;
	return RC_OK;
}

/*
 * Claims l for this browser (a new claim cookie unless it has one), in
 * one transaction with its audit.  RC_OK with 1 in *ok, RC_OK with the
 * refusal page (another phone was faster), or RC_DB.
 */
static enum rc
mobile_claim(struct req *r, struct link *l, int *ok)
{
	char	 ctok[TOKEN_LEN + 1];
	int	 n;

	*ok = 0;
	if (!l->has_cookie) {
		token_new(ctok);
		token_hash(ctok, l->claim);
		auth_cookie(r, COOKIE_CLAIM, ctok, 0);
	}
	if (db_begin(r) == -1 || (n = db_run(r, STMT_MOB_LINK_CLAIM,
	    l->claim, sizeof(l->claim), l->hash, sizeof(l->hash))) == -1)
		goto fail;
	if (n == 0)
		return mobile_refuse(r, 403, "claimed", msg_claimed);
	if (audit(r, "upload_link.claim", pool_printf(r->pool,
	    "application:%lld", l->a.id), "ok", pool_printf(r->pool,
	    "link:%s", l->id)) == -1 || db_commit(r) == -1)
		goto fail;
	*ok = 1;
	return RC_OK;
fail:
	db_rollback(r);
	return RC_DB;
}

/* The page before the claim: who (masked) and the 开始上传 button. */
static enum rc
mobile_start(struct req *r, const struct link *l)
{
	xmlNodePtr	 n;
	char		 masked[64];

	xml_page(r, PAGE_MOBILE);
	n = xml_el(r->root, "start", NULL);
	pii_mask_name(l->a.name, masked, sizeof(masked));
	xml_attr(n, "name", masked);
	xml_attr(n, "expires", l->expires);
	xml_form(r, "/m");
	xml_field(r, "t", l->token);
	return RC_OK;
}

/* The phone's page: who (masked), the files so far, the upload form. */
static enum rc
mobile_page(struct req *r, const struct link *l)
{
	xmlNodePtr	 n, ms, m;
	char		 masked[64], *kind, *title, *at;
	const struct kind *k;
	long long	 id;
	const char	*ok;
	int		 rc;

	xml_page(r, PAGE_MOBILE);
	n = xml_el(r->root, "application", NULL);
	pii_mask_name(l->a.name, masked, sizeof(masked));
	xml_attr(n, "name", masked);
	xml_attr(n, "expires", l->expires);
	if ((ok = req_arg(r, "ok")) != NULL && (k = material_kind_find(ok)) != NULL)
		xml_el(r->root, "uploaded", pool_printf(r->pool, "%s上传成功，"
		    "可以继续上传下一张。", k->label));
	ms = xml_el(r->root, "materials", NULL);
	if (db_run(r, STMT_MOB_MAT_LIST, l->hash, sizeof(l->hash)) == -1)
		return RC_DB;
	while ((rc = db_row(r, STMT_MOB_MAT_LIST, &id, &kind,
	    &title, &at)) == 1) {
		m = xml_el(ms, "material", NULL);
		xml_attr(m, "kind", kind);
		k = material_kind_find(kind);
		xml_attr(m, "label", k != NULL ? k->label : kind);
		xml_attr(m, "title", title);
		xml_attr(m, "at", at);
	}
	if (rc == -1)
		return RC_DB;
	material_kinds_xml(r->root, K_MOBILE, (int)l->a.level);
	xml_form(r, "/m");
	xml_field(r, "t", l->token);
	return RC_OK;
}

/*
 * GET /m?t=TOKEN: the phone opens the link (no login).  Before the claim
 * it shows 开始上传; a GET never claims.  A wrong t gets the mobile
 * page's own refusal (R_INPAGE).
 */
const struct fielddef h_mobile_fields[] = {
	{ "t", FT_TEXT, FL_QUERY | FL_REQ, TOKEN_LEN, TOKEN_LEN, "二维码链接无效。",
	    "二维码链接无效。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_mobile(struct req *r)
{
	struct link	 l;
	enum rc		 rc;
	int		 ok;

	if ((rc = mobile_link(r, r->fv[0].err == NULL ? r->fv[0].s : NULL,
	    &l, &ok)) != RC_OK || !ok)
		return rc;
	if (l.state == L_UNCLAIMED)
		return mobile_start(r, &l);
	return mobile_page(r, &l);
}

/*
 * POST /m: start=1 (t, csrf) claims the link for this browser (开始上传);
 * otherwise (multipart: t, csrf, kind, file) an upload from the phone
 * that claimed it, into the link's application only, materials only.
 * The link and the claim are declared fields; the kind and the file
 * part are upload_take's, as for /apply/upload: which kinds are allowed
 * depends on the application and on the channel (material_kind_allowed),
 * and a file part is no field the field map can type.
 */
enum { MP_T, MP_START };
const struct fielddef h_mobile_post_fields[] = {
	[MP_T] = { "t", FT_TEXT, FL_REQ, TOKEN_LEN, TOKEN_LEN, "二维码链接无效。",
	    "二维码链接无效。", NULL, NULL },
	[MP_START] = { "start", FT_TEXT, 0, 0, 8, NULL, "二维码链接无效。",
	    NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_mobile_post(struct req *r)
{
	static const char *const keep[] = { "kind", NULL };
	struct link	 l;
	struct via	 v;
	const struct kind *k;
	enum rc		 rc;
	int		 ok;

	if ((rc = mobile_link(r, r->fv[MP_T].err == NULL ? r->fv[MP_T].s :
	    NULL, &l, &ok)) != RC_OK || !ok)
		return rc;
	if (r->fv[MP_START].given) {
		if (l.state == L_UNCLAIMED &&
		    ((rc = mobile_claim(r, &l, &ok)) != RC_OK || !ok))
			return rc;
		resp_redirect(r, pool_printf(r->pool, "/m?t=%s", l.token));
		return RC_OK;
	}
	if (l.state != L_MINE)
		return mobile_refuse(r, 403, "unclaimed", "请先在手机上点击“开始"
		    "上传”，再上传资料。");
	if ((rc = mobile_page(r, &l)) != RC_OK)
		return rc;
	xml_keep(r, keep);
	v.hash = l.hash;
	v.claim = l.claim;
	v.id = l.id;
	if ((rc = upload_take(r, &l.a, l.a.id, l.a.owner, &v, "",
	    "上传未成功，请按提示重新选择照片。", &k)) != RC_OK || k == NULL)
		return rc;
	resp_redirect(r, pool_printf(r->pool, "/m?t=%s&ok=%s", l.token,
	    k->name));
	return RC_OK;
}
