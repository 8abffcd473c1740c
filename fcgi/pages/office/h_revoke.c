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
 * h_revoke.c: 撤销注册 (issue 8 §8, revoke.c): a county, city or
 * province office finds this year's registration of an ID number in its
 * subtree, gives the reason, confirms, and the registration is revoked.
 * Every step is a POST, so no ID number reaches a URL or a log.
 */

#include <string.h>

#include "web.h"
#include "entry.h"

/* The page: the search form and the revocations of the subtree. */
static enum rc
revoke_page(struct req *r)
{
	xml_page(r, PAGE_REVOKE);
	if (revoke_list_xml(r, r->root) == -1)
		return RC_DB;
	xml_form(r, "/admin/revoke");
	return RC_OK;
}

/* GET /admin/revoke (offices) */
enum rc
h_revoke(struct req *r)
{
	return revoke_page(r);
}

/* The ID number of the search: a valid one, upper case. */
static const char *
revoke_check_idno(struct req *r, const struct fielddef *f, struct fval *v)
{
	struct idno	 id;
	enum idno_err	 k;

	(void)f;
	if ((k = idno_parse(v->s, &id)) != IDNO_OK)
		return idno_strerror(k);
	v->s = pool_strdup(r->pool, id.norm);
	return NULL;
}

/*
 * The fields of POST /admin/revoke: the ID number found (each step),
 * then the account found, the reason, and the confirmation.
 */
enum { VF_IDNO, VF_ID, VF_REASON, VF_CONFIRM };
static const char *const vf_yes[] = { "1", NULL };
const struct fielddef h_revoke_post_fields[] = {
	[VF_IDNO] = { "idno", FT_TEXT, FL_REQ, 1, 32, "请输入要撤销注册的身份证号。",
	    "身份证号格式不正确，请核对。", NULL, revoke_check_idno },
	[VF_ID] = { "id", FT_UINT, 0, 1, 4294967295LL, NULL,
	    "注册信息不正确，请重新查找。", NULL, NULL },
	[VF_REASON] = { "reason", FT_TEXT, 0, 2, 200, NULL,
	    "撤销原因应为2至200个字，不含无法识别的字符。", NULL, NULL },
	[VF_CONFIRM] = { "confirm", FT_CHOICE, 0, 0, 0, NULL,
	    "请确认是否撤销。", vf_yes, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * Finds the registration of the form's ID number; its account must be
 * the one the form names, when it names one.  Returns 1 found, 0 not
 * (the message in the form), -1 (database).
 */
static int
revoke_found(struct req *r, long long *id)
{
	const struct fval	*fv = r->fv;
	int			 k;

	if ((k = revoke_find_xml(r, r->root, fv[VF_IDNO].s, id)) == -1)
		return -1;
	if (k == 1 && (*fv[VF_ID].s == '\0' || fv[VF_ID].n == *id))
		return 1;
	xml_form_refuse(r, k == 0 ? "本辖区内未找到该身份证号本年度的注册信息"
	    "（或已撤销）。" : "注册信息已变化，请重新查找。");
	return 0;
}

/* POST /admin/revoke (h_revoke_post_fields): find, confirm, revoke. */
enum rc
h_revoke_post(struct req *r)
{
	const struct fval	*fv = r->fv;
	const char		*msg;
	long long		 id;
	enum rc			 rc;
	int			 k;

	if ((rc = revoke_page(r)) != RC_OK)
		return rc;
	field_xml(r);
	if (r->form_bad || (k = revoke_found(r, &id)) == 0)
		return RC_OK;
	if (k == -1)
		return RC_DB;
	if (*fv[VF_ID].s == '\0')		/* found: ask for the reason */
		return RC_OK;
	if (*fv[VF_REASON].s == '\0')
		xml_field_error(r, "reason", "请填写撤销原因，如“他人冒用身份证号注册，"
		    "本人持身份证申请撤销”。");
	if (r->form_bad)
		return RC_OK;
	if (*fv[VF_CONFIRM].s == '\0') {	/* the reason: confirm it */
		xml_el(r->root, "confirm", NULL);
		return RC_OK;
	}
	if ((msg = revoke_do(r, id, fv[VF_REASON].s)) == field_dbfail)
		return RC_DB;
	if (msg != NULL) {
		xml_form_refuse(r, msg);
		return RC_OK;
	}
	resp_redirect(r, "/admin/revoke?m=revoked");
	return RC_OK;
}
