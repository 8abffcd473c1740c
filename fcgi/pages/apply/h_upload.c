/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_upload.c: photos and materials: upload, stamp, delete, serve */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "upload.h"
#include "appform.h"

/* The upload page: the refused upload, why, and a form to try again. */
static void
upload_page(struct req *r, const char *action, const struct app *a)
{
	xml_page(r, PAGE_UPLOAD);
	if (a != NULL && a->state != NULL) {
		xmlNodePtr	 n = xml_el(r->root, "application", NULL);

		xml_attrf(n, "id", "%lld", a->id);
		xml_attr(n, "state", a->state);
		/* 容缺后补: what may still be added, materials only. */
		if (app_deferred(a))
			material_supply_kinds_xml(r->root, (int)a->level);
		else
			material_kinds_xml(r->root, 0, (int)a->level);
	}
	xml_form(r, action);
}

/*
 * Takes the posted file (kind and file of the form, the title given)
 * into application app of a as an upload of account by (through the
 * phone link v, or NULL from the computer): checks, then stores.
 * Returns RC_OK with *kp the stored kind, RC_OK with *kp NULL and the
 * form's errors (retry the message above them when the check refused
 * it), or the error.
 */
enum rc
upload_take(struct req *r, const struct app *a, long long app, long long by,
    const struct via *v, const char *title, const char *retry,
    const struct kind **kp)
{
	const struct kind *k;
	const struct field *f;
	struct upload	 u;
	struct gate	 g = { app, by, v, 0 };
	long long	 id = 0;
	enum rc		 rc;

	*kp = NULL;
	k = material_kind_find(form_text(&r->body, "kind"));
	/* The application form names each kind's file input file_KIND. */
	if ((f = form_field(&r->body, "file")) == NULL && k != NULL)
		f = form_field(&r->body, pool_printf(r->pool, "file_%s",
		    k->name));
	if (material_kind_allowed(r, k, a, v != NULL) == -1 ||
	    material_check(r, k, f, title, &u) == -1) {
		xml_form_message(r, retry);
		return RC_OK;
	}
	rc = material_store(r, &g, &u, &id);
	free(u.heap);
	if (rc != RC_OK)
		return rc;
	if (r->form_bad) {
		xml_form_message(r, "上传未成功，请按提示操作。");
		return RC_OK;
	}
	*kp = k;
	return RC_OK;
}

/*
 * POST /apply/upload (multipart: csrf, kind, file, title), from the
 * upload page, or from the application form (file_KIND, title and every
 * field of the form): then the fields are saved as the draft, or kept
 * for the form when they cannot be saved yet (appform_draft_keep), whether
 * the upload goes through or not.
 */
enum rc
h_upload_post(struct req *r)
{
	static const char *const keep[] = { "kind", "title", NULL };
	struct app	 a;
	const struct kind *k;
	enum rc		 rc;
	int		 n, saved;

	if ((n = app_mine(r, &a)) == -1)
		return RC_DB;
	upload_page(r, "/apply/upload", n == 1 ? &a : NULL);
	xml_keep(r, keep);
	/* 容缺后补: a submitted application takes the missing material. */
	if (n == 0 || (!app_editable(&a) && !app_deferred(&a))) {
		r->status = 409;
		xml_form_refuse(r, n == 0 ? "请先打开“报名信息”页面填写报名信息，"
		    "再上传照片和资料。" : material_msg_state);
		return RC_OK;
	}
	if ((rc = upload_take(r, &a, a.id, r->account_id, NULL,
	    form_text(&r->body, "title"), "上传未成功，请按提示修改后重新上传。",
	    &k)) != RC_OK)
		return rc;
	if ((saved = appform_draft_keep(r)) == -1)
		return RC_DB;
	if (k == NULL)
		return RC_OK;
	if (!app_editable(&a)) {
		resp_redirect(r, "/status?m=supplied");
		return RC_OK;
	}
	resp_redirect(r, saved == 0 && form_get(&r->body, "version") != NULL ?
	    "/apply?m=uploaded" : "/apply?m=uploaded#materials");
	return RC_OK;
}

/*
 * Answers a refused stamp or delete: the message above the form, the
 * status (409: the state does not allow it); any transaction is rolled
 * back.
 */
static enum rc
form_refuse(struct req *r, int status, const char *msg)
{
	db_rollback(r);
	r->status = status;
	xml_form_refuse(r, msg);
	return RC_OK;
}

/*
 * POST /apply/stamp: 添加身份证号.  The ID number (opened from the
 * account) is drawn onto the current photo (material_stamp).
 */
enum rc
h_upload_stamp(struct req *r)
{
	struct app	 a;
	struct gate	 g;
	const char	*msg;
	unsigned char	*enc;
	size_t		 enclen;
	char		 idno[32];
	enum rc		 rc;
	int		 n;

	/* From the application form: its fields are saved or kept. */
	if (appform_draft_keep(r) == -1 ||
	    (n = app_mine(r, &a)) == -1)
		return RC_DB;
	upload_page(r, "/apply/stamp", n == 1 ? &a : NULL);
	if (n == 0 || !app_editable(&a))
		return form_refuse(r, 409, n == 0 ? "请先上传个人照片。" :
		    material_msg_state);
	if (a.stamped)
		return form_refuse(r, 409, "照片上已添加身份证号，无需重复添加；"
		    "如需更换照片，请重新上传个人照片。");
	if (db_run(r, STMT_UPL_ACCOUNT_IDNO, r->account_id) == -1 ||
	    (n = db_row(r, STMT_UPL_ACCOUNT_IDNO, &enc, &enclen)) == -1)
		return RC_DB;
	db_done(r, STMT_UPL_ACCOUNT_IDNO);
	if (n == 0 || enc == NULL || pii_open(r->cfg, PII_IDNO, r->account_id,
	    enc, enclen, idno, sizeof(idno)) == -1)
		return RC_INTERNAL;
	memset(&g, 0, sizeof(g));
	g.app = a.id;
	g.by = r->account_id;
	rc = material_stamp(r, &g, idno, &msg);
	OPENSSL_cleanse(idno, sizeof(idno));
	if (rc != RC_OK)
		return rc;
	if (msg != NULL)
		return form_refuse(r, r->status, msg);
	resp_redirect(r, "/apply?m=stamped#materials");
	return RC_OK;
}

/*
 * Reads material id with its application (*stamped: the application's
 * photo_stamped).  Returns 1, 0 when there is none, -1 on a database
 * failure.
 */
static int
material_get(struct req *r, long long id, char **kind, char **file,
    char **mime, char **title, long long *owner, long long *app,
    long long *stamped)
{
	int	 n;

	if (db_run(r, STMT_UPL_MAT_GET, id) == -1 ||
	    (n = db_row(r, STMT_UPL_MAT_GET, kind, file, mime,
	    title, owner, app, stamped)) == -1)
		return -1;
	db_done(r, STMT_UPL_MAT_GET);
	return n;
}

/*
 * The field of POST /apply/delete and GET /files: the material's id (a
 * wrong one answers 404 like an unknown one: the handler reads the
 * message, the route is R_INPAGE for the GET).
 */
const struct fielddef h_upload_id_fields[] = {
	{ "id", FT_UINT, FL_REQ, 1, 0xffffffffLL, "没有这份资料。",
	    "没有这份资料。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};
const struct fielddef h_files_fields[] = {
	{ "id", FT_UINT, FL_QUERY | FL_REQ, 1, 0xffffffffLL, "没有这个文件。",
	    "没有这个文件。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * POST /apply/delete (csrf, id: h_upload_id_fields): deletes one of the candidate's own
 * materials until submission.  The photo and the ID-card photo are
 * replaced, never deleted (the application needs them); the reviewer's
 * level-1 uploads are not the candidate's to delete.  Another
 * candidate's id answers 404 like an unknown one.
 */
enum rc
h_upload_delete(struct req *r)
{
	struct app	 a;
	const struct kind *k;
	char		*kind, *file, *mime, *title, obj[48];
	long long	 id, owner, app, stamped;
	int		 n;

	/* From the application form: its fields are saved or kept. */
	if (appform_draft_keep(r) == -1)
		return RC_DB;
	if (r->fv[0].err != NULL)
		return RC_NOTFOUND;
	id = r->fv[0].n;
	if ((n = material_get(r, id, &kind, &file, &mime, &title, &owner,
	    &app, &stamped)) == -1)
		return RC_DB;
	if (n == 0 || owner != r->account_id)
		return RC_NOTFOUND;
	upload_page(r, "/apply/delete", NULL);
	field_xml(r);
	k = material_kind_find(kind);
	if (k == NULL || (k->flags & (K_ONE | K_STAFF)))
		return form_refuse(r, 409, k != NULL && (k->flags & K_ONE) ?
		    pool_printf(r->pool, "%s不能删除；如需更换，请直接重新上传%s。",
		    k->label, k->label) : "该资料由审核员上传，报考人员不能删除。");
	if (db_begin(r) == -1 || (n = app_lock(r, app, &a)) == -1)
		goto fail;
	if (n == 0 || !app_editable(&a))
		return form_refuse(r, 409, material_msg_state);
	snprintf(obj, sizeof(obj), "material:%lld", id);
	if (db_run(r, STMT_UPL_MAT_DELETE, id, app) == -1 ||
	    audit(r, "material.delete", obj, "ok", pool_printf(r->pool,
	    "%s application:%lld", kind, app)) == -1 || db_commit(r) == -1)
		goto fail;
	material_drop(r, file);
	resp_redirect(r, "/apply?m=deleted#materials");
	return RC_OK;
fail:
	db_rollback(r);
	return RC_DB;
}

/*
 * Percent-encodes s for a Content-Disposition filename* (RFC 8187):
 * every byte outside attr-char.
 */
static char *
pct_encode(struct req *r, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;
	char			*out, *o;

	o = out = pool_alloc(r->pool, strlen(s) * 3 + 1);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9') || strchr("!#$&+-.^_`|~", *p))
			*o++ = (char)*p;
		else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	*o = '\0';
	return out;
}

/*
 * GET /files?id=N (h_files_fields): a stored file, to its own candidate only.  nginx sends
 * the bytes from its internal location (X-Accel-Redirect); the worker
 * only decides.  Viewing the unmasked ID-card image, or the photo once
 * the ID number is stamped on it, is audited, and the view fails if the
 * audit does.
 *
 * Staff see the files of an application whose chain holds their unit
 * (queue_sees), every view audited; any other id answers 404.
 */
enum rc
h_files(struct req *r)
{
	const char	*ext;
	char		*kind, *file, *mime, *title, obj[48];
	long long	 id, owner, app, stamped;
	int		 n;

	if (r->fv[0].err != NULL)
		return RC_NOTFOUND;
	id = r->fv[0].n;
	if ((n = material_get(r, id, &kind, &file, &mime, &title, &owner,
	    &app, &stamped)) == -1)
		return RC_DB;
	if (n == 0 || (r->role == ROLE_CANDIDATE && owner != r->account_id))
		return RC_NOTFOUND;
	if (r->role != ROLE_CANDIDATE && (n = queue_sees(r, app)) != 1)
		return n == -1 ? RC_DB : RC_NOTFOUND;
	if (strlen(file) != 64 || strspn(file, "0123456789abcdef") != 64)
		return RC_INTERNAL;
	snprintf(obj, sizeof(obj), "material:%lld", id);
	/*
	 * Audited: every staff view, and the candidate's own unmasked
	 * ID card or photo once 添加身份证号 drew the ID number onto it.
	 */
	if ((r->role != ROLE_CANDIDATE || strcmp(kind, "idcard") == 0 ||
	    (strcmp(kind, "photo") == 0 && stamped)) &&
	    audit(r, "file.view", obj, "ok", kind) == -1)
		return RC_DB;
	if (strcmp(mime, "image/jpeg") == 0)
		ext = ".jpg";
	else if (strcmp(mime, "application/msword") == 0)
		ext = ".doc";
	else
		ext = ".docx";
	resp_file(r, pool_printf(r->pool, FILES_URI "/%.2s/%s", file, file),
	    mime, pool_printf(r->pool, "inline; filename*=UTF-8''%s%s",
	    pct_encode(r, *title ? title : kind), ext));
	return RC_OK;
}
