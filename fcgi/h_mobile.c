/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_mobile.c: the phone upload: the QR link (POST /apply/qr), GET/POST /m */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "upload.h"

#define COOKIE_CLAIM	"gkbm_m"	/* the phone that claimed a link */

/*
 * The absolute URL of path on this site, from the request's Host, port
 * and scheme (nginx passes $host as HTTP_HOST, without the port: the
 * port comes from SERVER_PORT unless it is the scheme's own).  NULL when
 * the host is not a plain name or address.
 */
static const char *
site_url(struct req *r, const char *path)
{
	const char	*host, *https, *scheme, *port, *hp;
	int		 tls;

	host = req_param(r, "HTTP_HOST");
	if (host == NULL || *host == '\0')
		host = req_param(r, "SERVER_NAME");
	if (host == NULL || *host == '\0' || strlen(host) > 255 ||
	    strspn(host, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") != strlen(host))
		return NULL;
	https = req_param(r, "HTTPS");
	scheme = req_param(r, "REQUEST_SCHEME");
	tls = (https != NULL && strcasecmp(https, "on") == 0) ||
	    (scheme != NULL && strcmp(scheme, "https") == 0);
	port = req_param(r, "SERVER_PORT");
	hp = host[0] == '[' ? strstr(host, "]:") : strchr(host, ':');
	if (hp == NULL && port != NULL && strlen(port) <= 5 &&
	    strspn(port, "0123456789") == strlen(port) && *port != '\0' &&
	    strcmp(port, tls ? "443" : "80") != 0)
		host = pool_printf(r->pool, "%s:%s", host, port);
	return pool_printf(r->pool, "%s://%s%s", tls ? "https" : "http", host,
	    path);
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
	int		 n;

	if ((n = app_mine(r, &a)) == -1)
		return RC_DB;
	if (n == 0 || !app_editable(&a)) {
		r->message = n == 0 ? "请先打开“报名信息”页面填写报名信息，再使用"
		    "手机扫码上传。" : upload_msg_state;
		return RC_CONFLICT;
	}
	token_new(tok);
	token_hash(tok, h);
	hex_encode(h, 8, hx);
	if ((url = site_url(r, pool_printf(r->pool, "/m?t=%s", tok))) == NULL)
		return RC_BADREQ;
	if (db_begin(r) == -1 ||
	    db_exec(r, STMT_UPL_LINK_SWEEP, "i", a.id) == -1 ||
	    db_exec(r, STMT_UPL_LINK_INSERT, "bi", h, sizeof(h), a.id) == -1 ||
	    db_exec(r, STMT_UPL_LINK_GET, "b", h, sizeof(h)) == -1 ||
	    db_fetch(r, STMT_UPL_LINK_GET, "i--s", &a.id, &expires) != 1)
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
	return RC_OK;
fail:
	db_rollback(r);
	return RC_DB;
}

/* A link as the phone presents it. */
struct link {
	const char	*token;
	unsigned char	 hash[MAC_LEN];
	char		 id[17];	/* first 8 bytes of the hash, hex: audit */
	long long	 app;
	unsigned char	*claim;		/* claim_hash or NULL */
	size_t		 claimlen;
	long long	 live;		/* not expired */
	char		*expires;
	struct app	 a;
};

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

/*
 * Finds the link of token t and checks it for this browser: it exists,
 * has not expired, its application is still editable, and it is either
 * unclaimed (claim, when allowed: the first phone to open it) or
 * claimed by this browser's cookie.  Returns RC_OK with l filled (1 in
 * *ok), RC_OK with the refusal page rendered (0 in *ok), or RC_DB.
 */
static enum rc
mobile_link(struct req *r, const char *t, int claim, struct link *l, int *ok)
{
	const char	*c;
	char		 ctok[TOKEN_LEN + 1];
	unsigned char	 ch[MAC_LEN];
	int		 n;

	*ok = 0;
	memset(l, 0, sizeof(*l));
	if (t == NULL || strlen(t) != TOKEN_LEN || strspn(t,
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789-_") != TOKEN_LEN)
		return mobile_refuse(r, 404, "unknown", "二维码链接无效或不完整。"
		    "请在电脑上打开“报名信息”页面，点击“手机扫码上传”，"
		    "扫描电脑上新生成的二维码。");
	l->token = t;
	token_hash(t, l->hash);
	hex_encode(l->hash, 8, l->id);
	if (db_exec(r, STMT_UPL_LINK_GET, "b", l->hash, sizeof(l->hash)) == -1 ||
	    (n = db_fetch(r, STMT_UPL_LINK_GET, "ibis", &l->app, &l->claim,
	    &l->claimlen, &l->live, &l->expires)) == -1)
		return RC_DB;
	db_done(r, STMT_UPL_LINK_GET);
	if (n == 0)
		return mobile_refuse(r, 404, "unknown", "二维码链接无效或已被新的"
		    "二维码取代。请扫描电脑上新生成的二维码。");
	if (!l->live)
		return mobile_refuse(r, 403, "expired", "二维码已过期（有效期10"
		    "分钟）。请在电脑上重新点击“手机扫码上传”，扫描电脑上"
		    "新生成的二维码。");
	c = req_cookie(r, COOKIE_CLAIM);
	if (c != NULL && strlen(c) == TOKEN_LEN)
		token_hash(c, ch);
	else
		c = NULL;
	if (l->claim != NULL) {
		if (c == NULL || l->claimlen != MAC_LEN ||
		    CRYPTO_memcmp(ch, l->claim, MAC_LEN) != 0)
			return mobile_refuse(r, 403, "claimed", "该二维码已在另一"
			    "部手机或浏览器上打开过，每个二维码只能在一部手机上"
			    "使用。请扫描电脑上新生成的二维码。");
	} else if (!claim)
		return mobile_refuse(r, 403, "unclaimed", "请先用手机扫描二维码"
		    "打开上传页面，再上传资料。");
	if ((n = app_lock(r, l->app, &l->a)) == -1)
		return RC_DB;
	if (n == 0 || !app_editable(&l->a))
		return mobile_refuse(r, 403, "closed", "报名信息已提交，审核期间"
		    "不能再上传资料；如需补充，请等待审核员退回后在电脑上重新"
		    "生成二维码。");
	if (l->claim == NULL) {
		if (c == NULL) {
			token_new(ctok);
			token_hash(ctok, ch);
			auth_cookie(r, COOKIE_CLAIM, ctok, 0);
		}
		if (db_begin(r) == -1 || (n = db_exec(r, STMT_UPL_LINK_CLAIM,
		    "bb", ch, sizeof(ch), l->hash, sizeof(l->hash))) == -1)
			goto fail;
		if (n == 0)	/* another phone was faster */
			return mobile_refuse(r, 403, "claimed", "该二维码已在另一"
			    "部手机或浏览器上打开过，每个二维码只能在一部手机上"
			    "使用。请扫描电脑上新生成的二维码。");
		if (audit(r, "upload_link.claim", pool_printf(r->pool,
		    "application:%lld", l->app), "ok", pool_printf(r->pool,
		    "link:%s", l->id)) == -1 || db_commit(r) == -1)
			goto fail;
	}
	*ok = 1;
	return RC_OK;
fail:
	db_rollback(r);
	return RC_DB;
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
	if ((ok = req_arg(r, "ok")) != NULL && (k = upload_kind_find(ok)) != NULL)
		xml_el(r->root, "uploaded", pool_printf(r->pool, "%s上传成功，"
		    "可以继续上传下一张。", k->label));
	ms = xml_el(r->root, "materials", NULL);
	if (db_exec(r, STMT_UPL_MAT_LIST, "i", l->app) == -1)
		return RC_DB;
	while ((rc = db_fetch(r, STMT_UPL_MAT_LIST, "isss", &id, &kind,
	    &title, &at)) == 1) {
		m = xml_el(ms, "material", NULL);
		xml_attr(m, "kind", kind);
		k = upload_kind_find(kind);
		xml_attr(m, "label", k != NULL ? k->label : kind);
		xml_attr(m, "title", title);
		xml_attr(m, "at", at);
	}
	if (rc == -1)
		return RC_DB;
	upload_kinds_xml(r->root, K_MOBILE, (int)l->a.level);
	xml_form(r, "/m");
	xml_field(r, "t", l->token);
	return RC_OK;
}

/* GET /m?t=TOKEN: the phone opens the link (no login). */
enum rc
h_mobile(struct req *r)
{
	struct link	 l;
	enum rc		 rc;
	int		 ok;

	if ((rc = mobile_link(r, req_arg(r, "t"), 1, &l, &ok)) != RC_OK ||
	    !ok)
		return rc;
	return mobile_page(r, &l);
}

/*
 * POST /m (multipart: t, csrf, kind, file): an upload from the phone
 * that claimed the link, into the link's application only.
 */
enum rc
h_mobile_post(struct req *r)
{
	static const char *const keep[] = { "kind", NULL };
	struct link	 l;
	const struct kind *k;
	enum rc		 rc;
	int		 ok;

	if ((rc = mobile_link(r, form_text(&r->body, "t"), 0, &l,
	    &ok)) != RC_OK || !ok)
		return rc;
	if ((rc = mobile_page(r, &l)) != RC_OK)
		return rc;
	xml_keep(r, keep);
	if ((rc = upload_take(r, &l.a, l.app, l.a.owner, l.id, "",
	    "上传未成功，请按提示重新选择照片。", &k)) != RC_OK || k == NULL)
		return rc;
	resp_redirect(r, pool_printf(r->pool, "/m?t=%s&ok=%s", l.token,
	    k->name));
	return RC_OK;
}
