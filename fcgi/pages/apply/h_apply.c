/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_apply.c: GET /apply, the application form (报名信息) */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "apply.h"

/*
 * GET /apply with a kept form (keep.c) of an editable application: the
 * page shows what was sent, with the errors of its formats, over the
 * stored version, and says it is not saved yet.
 */
static enum rc
restore(struct req *r, const struct acct *c, const struct app *a,
    const struct form *kept)
{
	struct vals	 f;
	enum rc		 rc;

	if (apply_page_start(r, c, a, NULL) == -1)
		return RC_DB;
	xml_form_message(r, "已恢复您上次填写但未能保存的内容（尚未保存），"
	    "请核对后点击“保存信息”。");
	xml_attr(r->form, "restored", "1");
	if (appform_read(r, a, kept, NULL, &f) == -1 ||
	    appform_check(r, c, a, &f) == -1)
		return RC_DB;
	appform_errors(r, a, &f);
	if ((rc = apply_page_finish(r, c, a, &f, NULL, NULL)) != RC_OK)
		return rc;
	r->status = 200;
	return RC_OK;
}

/* GET /apply */
enum rc
h_apply(struct req *r)
{
	struct acct	 c;
	struct app	 a;
	struct vals	 f;
	struct form	 kept;
	enum rc		 rc;
	int		 n;

	if ((rc = appform_load(r, &c, &a)) != RC_OK)
		return rc;
	/* What could not be taken before (keep.c) comes back, once. */
	if ((n = keep_take(r, &kept)) == -1)
		return RC_DB;
	if (n == 1 && app_editable(&a)) {
		rc = restore(r, &c, &a, &kept);
		OPENSSL_cleanse(c.idno, sizeof(c.idno));
		OPENSSL_cleanse(c.phone, sizeof(c.phone));
		return rc;
	}
	if (apply_page_start(r, &c, &a, NULL) == -1)
		return RC_DB;
	appform_from_app(&f, &a);
	/* 工作年限 is filled in from 参加工作时间 until given. */
	if (*f.v[F_WYEARS] == '\0' && strlen(f.v[F_WSTART]) == 10)
		f.v[F_WYEARS] = pool_printf(r->pool, "%lld",
		    a.year - atoi(f.v[F_WSTART]) + 1);
	rc = apply_page_finish(r, &c, &a, &f, NULL, NULL);
	OPENSSL_cleanse(c.idno, sizeof(c.idno));
	OPENSSL_cleanse(c.phone, sizeof(c.phone));
	return rc;
}
