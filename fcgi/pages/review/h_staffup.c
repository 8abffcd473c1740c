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
 * h_staffup.c: staff of an application's chain act on its files while it
 * is reviewed (SPEC §3.4, §5; 002 §1.1.2): upload materials on the
 * candidate's behalf, for level 1 the salary form and, with an 优秀
 * appraisal, its evidence (R21), and 添加身份证号 on the photo.  The
 * storing and the stamp are material.c's, as for the candidate.
 */

#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "material.h"
#include "defer.h"

#define MSG_NOTREVIEW	"该报名不在审核中，不能代为上传资料或添加身份证号。"

/* An application of the account's chains, as the page needs it. */
struct sapp {
	struct app	 a;
	long long	 excellent;	/* appraisals graded 优秀 */
};

/*
 * Reads application id (argument s) through the account's chains.
 * Returns 1, 0 when it is not there (or s is not an id), -1 on a
 * database failure.
 */
static int
staff_app(struct req *r, const char *s, struct sapp *sa)
{
	long long	 id;
	int		 n;

	memset(sa, 0, sizeof(*sa));
	if (s == NULL || valid_uint(s, 1, 4294967295LL, &id) == -1)
		return 0;
	if ((n = app_lock_chain(r, id, r->unit_id, &sa->a)) != 1)
		return n;
	if (db_run(r, STMT_DEF_EXCELLENT, id) == -1 ||
	    db_row(r, STMT_DEF_EXCELLENT, &sa->excellent) == -1)
		return -1;
	db_done(r, STMT_DEF_EXCELLENT);
	return 1;
}

/* The page: <staffupload> with the application, the kinds, the form. */
static void
staff_page(struct req *r, const struct sapp *sa, const char *action)
{
	xmlNodePtr	 n;
	char		 masked[64];

	xml_page(r, PAGE_STAFFUP);
	n = xml_el(r->root, "application", NULL);
	xml_attrf(n, "id", "%lld", sa->a.id);
	pii_mask_name(sa->a.name, masked, sizeof(masked));
	xml_attr(n, "name", masked);
	xml_attr(n, "state", sa->a.state);
	xml_attrf(n, "level", "%lld", sa->a.level);
	xml_attrf(n, "defer", "%lld", sa->a.defer);
	if (sa->a.stamped)
		xml_attr(n, "stamped", "1");
	material_staff_kinds_xml(r->root, (int)sa->a.level,
	    sa->excellent > 0);
	xml_form(r, action);
	xml_field(r, "id", pool_printf(r->pool, "%lld", sa->a.id));
}

/*
 * GET /review/upload?id=N: the forms for the application's files, with
 * what the uploader should know: the 容缺后补 note, the city's comments
 * and the province's marks.
 */
enum rc
h_staff_upload_form(struct req *r)
{
	struct sapp	 sa;
	int		 n;

	if ((n = staff_app(r, req_arg(r, "id"), &sa)) == -1)
		return RC_DB;
	if (n == 0)
		return RC_NOTFOUND;
	staff_page(r, &sa, "/review/upload");
	if (defer_app_xml(r, r->root, sa.a.id) == -1 ||
	    notes_app_xml(r, r->root, sa.a.id) == -1)
		return RC_DB;
	return RC_OK;
}

/*
 * Refuses a kind staff may not upload for sa: unknown, the candidate's
 * own photo and ID card, level 1 only, the appraisal evidence without an
 * 优秀 year.  Returns 0 if allowed, else -1 with the message.
 */
static int
staff_kind_allowed(struct req *r, const struct kind *k, const struct sapp *sa)
{
	if (k == NULL)
		xml_field_error(r, "kind", "请选择上传资料的类别。");
	else if (k->flags & K_ONE)
		xml_field_error(r, "kind", "个人照片和身份证照片由报考人员本人上传，"
		    "审核人员不能代传。");
	else if ((k->flags & K_LEVEL1) && sa->a.level != 1)
		xml_field_error(r, "kind", pool_printf(r->pool, "“%s”仅申报一级"
		    "（高级技师）时上传。", k->label));
	else if (strcmp(k->name, "l1_appraisal") == 0 && sa->excellent == 0)
		xml_field_error(r, "kind", "该报考人员近五年年度考核没有“优秀”等次，"
		    "不需上传年度考核优秀材料。");
	else
		return 0;
	return -1;
}

/*
 * POST /review/upload (multipart: csrf, id, kind, file, title): a file
 * for the candidate, stored through the chain (material_store).
 */
enum rc
h_staff_upload(struct req *r)
{
	static const char *const keep[] = { "kind", "title", NULL };
	const struct kind *k;
	struct sapp	 sa;
	struct upload	 u;
	struct gate	 g;
	long long	 mid = 0;
	enum rc		 rc;
	int		 n;

	if ((n = staff_app(r, form_text(&r->body, "id"), &sa)) == -1)
		return RC_DB;
	if (n == 0)
		return RC_NOTFOUND;
	staff_page(r, &sa, "/review/upload");
	xml_keep(r, keep);
	if (strcmp(sa.a.state, "submitted") != 0) {
		r->status = 409;
		xml_form_refuse(r, MSG_NOTREVIEW);
		return RC_OK;
	}
	k = material_kind_find(form_text(&r->body, "kind"));
	if (staff_kind_allowed(r, k, &sa) == -1 || material_check(r, k,
	    form_field(&r->body, "file"), form_text(&r->body, "title"),
	    &u) == -1) {
		xml_form_message(r, "上传未成功，请按提示修改后重新上传。");
		return RC_OK;
	}
	g.app = sa.a.id;
	g.by = r->account_id;
	g.via = NULL;
	g.unit = r->unit_id;
	rc = material_store(r, &g, &u, &mid);
	free(u.heap);
	if (rc != RC_OK || r->form_bad) {
		if (rc == RC_OK)
			xml_form_message(r, "上传未成功，请按提示操作。");
		return rc;
	}
	resp_redirect(r, pool_printf(r->pool, "/review/upload?id=%lld&m=uploaded",
	    sa.a.id));
	return RC_OK;
}

/* Opens the candidate's ID number of application id into idno; 0/-1. */
static int
staff_idno(struct req *r, long long id, char *idno, size_t len)
{
	unsigned char	*enc;
	size_t		 enclen;
	long long	 owner;
	int		 n;

	if (db_run(r, STMT_DEF_APP_IDNO, r->unit_id, id) == -1 ||
	    (n = db_row(r, STMT_DEF_APP_IDNO, &owner, &enc, &enclen)) == -1)
		return -1;
	db_done(r, STMT_DEF_APP_IDNO);
	if (n == 0 || enc == NULL)
		return -1;
	return pii_open(r->cfg, PII_IDNO, owner, enc, enclen, idno, len);
}

/* POST /review/stamp (csrf, id): 添加身份证号 for the candidate. */
enum rc
h_staff_stamp(struct req *r)
{
	struct sapp	 sa;
	struct gate	 g;
	const char	*msg = NULL;
	char		 idno[32];
	enum rc		 rc;
	int		 n;

	if ((n = staff_app(r, form_text(&r->body, "id"), &sa)) == -1)
		return RC_DB;
	if (n == 0)
		return RC_NOTFOUND;
	staff_page(r, &sa, "/review/stamp");
	if (strcmp(sa.a.state, "submitted") != 0)
		msg = MSG_NOTREVIEW;
	else if (sa.a.stamped)
		msg = "照片上已添加身份证号，无需重复添加。";
	if (msg != NULL) {
		r->status = 409;
		xml_form_refuse(r, msg);
		return RC_OK;
	}
	if (staff_idno(r, sa.a.id, idno, sizeof(idno)) == -1)
		return RC_INTERNAL;
	memset(&g, 0, sizeof(g));
	g.app = sa.a.id;
	g.by = r->account_id;
	g.unit = r->unit_id;
	rc = material_stamp(r, &g, idno, &msg);
	OPENSSL_cleanse(idno, sizeof(idno));
	if (rc != RC_OK)
		return rc;
	if (msg != NULL) {
		xml_form_refuse(r, msg);
		return RC_OK;
	}
	resp_redirect(r, pool_printf(r->pool, "/review/upload?id=%lld&m=stamped",
	    sa.a.id));
	return RC_OK;
}
