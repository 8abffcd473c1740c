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
 * h_verify.c: 证书查验, GET /verify/CERTNO.MAC (no login; the QR code of
 * the certificate).  A link whose MAC matches (cert.c, constant time)
 * shows the certificate's masked copy: masked name and ID number, work
 * type, level, date of issue and 有效, or 已撤销 with the date of the
 * revocation (never its reason: it may be personal, e.g. 填报虚假信息).
 * Every other link (no MAC, a wrong or shortened one, an altered or
 * unknown number) gets one and the same 404 page, and the database is
 * asked only after the MAC matched, so numbers cannot be enumerated.
 *
 * The page is the same for everyone (rendered as a visitor's, without
 * the session's name, without cookies), so it may be cached: public for
 * a minute.  Nothing is cached on the server: every request reads the
 * row, so a revocation shows on the next request; a browser or proxy
 * that keeps the page shows the old state for at most that minute.
 * nginx limits the rate per address (conf/: zone gkbm_verify).
 */

#include <string.h>

#include "web.h"
#include "cert.h"

#define VERIFY_PREFIX	"/verify/"
#define VERIFY_CACHE	"public, max-age=60"

/* The one answer to every link that does not name a certificate. */
static enum rc
verify_none(struct req *r)
{
	xml_el(r->root, "none", "未查到该证书。请核对二维码或链接是否完整、正确；"
	    "证书以本站查验页面显示的信息为准。");
	r->status = 404;
	return RC_OK;
}

/* GET /verify/CERTNO.MAC */
enum rc
h_verify(struct req *r)
{
	char		 no[CERT_NO_LEN + 1];
	char		*name, *idno, *wt, *issued, *state, *revoked;
	long long	 level;
	xmlNodePtr	 n;
	int		 k;

	/* The same page for everyone: no session in it, no cookie set. */
	r->role = ROLE_ANON;
	r->account_id = r->unit_id = 0;
	r->user_name = r->user_login = r->unit_name = NULL;
	r->ncookies = 0;
	r->flash = NULL;	/* an expired session's 登录已超时 */
	r->cache = VERIFY_CACHE;
	xml_page(r, PAGE_VERIFY);
	if (!cert_link(r->cfg, r->path + strlen(VERIFY_PREFIX), no))
		return verify_none(r);
	if (db_run(r, STMT_CT_VERIFY, no) == -1 ||
	    (k = db_row(r, STMT_CT_VERIFY, &name, &idno, &wt, &level, &issued,
	    &state, &revoked)) == -1)
		return RC_DB;
	if (k == 0 || level < 1 || level > 5)
		return verify_none(r);
	db_done(r, STMT_CT_VERIFY);
	n = xml_el(r->root, "certificate", NULL);
	xml_attr(n, "no", no);
	xml_attr(n, "name", name);
	xml_attr(n, "idno", idno);
	xml_attr(n, "worktype", wt);
	xml_attrf(n, "level", "%lld", level);
	xml_attr(n, "level-name", xml_level_name((int)level));
	xml_attr(n, "issued", issued);
	xml_attr(n, "state", state);
	if (strcmp(state, "revoked") == 0)
		xml_attr(n, "revoked", revoked);
	return RC_OK;
}
