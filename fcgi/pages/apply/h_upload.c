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

#define MAX_DOC		(4 * 1024 * 1024)	/* one level-1 document */
#define MAX_MATERIALS	60		/* files of one application */
#define MAX_TITLE	50		/* characters of a title or name */
#define MAX_REPLACED	8		/* old photo rows swept at once */
#define QUALITY_PHOTO	90		/* JPEG quality of re-encoded photos */
#define QUALITY_SCAN	85		/* ... of other images */

/* A validated upload ready to be stored. */
struct upload {
	const struct kind *kind;
	const unsigned char *data;	/* the bytes to store */
	size_t		 len;
	unsigned char	*heap;		/* data when malloc'd (re-encoded) */
	const char	*mime;
	const char	*title;		/* shown name, no path */
};

/* Every kind of upload (struct kind and its K_ flags: upload.h). */
static const struct kind kinds[] = {
	/* The phone link takes materials only: whoever sees its code in
	 * its ten minutes must not replace the photo or the ID card. */
	{ "photo",	  "个人照片",		K_IMAGE | K_ONE | K_PHOTO },
	{ "idcard",	  "身份证照片",		K_IMAGE | K_ONE },
	{ "material",	  "报名资料",		K_IMAGE | K_MOBILE },
	{ "r19proof",	  "现岗位工种证明材料",	K_IMAGE },
	{ "exc_evidence", "破格晋升证明材料",	K_IMAGE },
	{ "l1_form",	  "考评申报表",		K_IMAGE | K_LEVEL1 },
	{ "l1_cert",	  "二级（技师）证书",	K_IMAGE | K_LEVEL1 },
	{ "l1_other",	  "其它申报材料",	K_IMAGE | K_LEVEL1 },
	{ "l1_salary",	  "最近工资审批表",	K_IMAGE | K_LEVEL1 | K_STAFF },
	{ "l1_appraisal", "年度考核优秀材料",	K_IMAGE | K_LEVEL1 | K_STAFF },
	{ "document",	  "电子文档",		K_DOC | K_LEVEL1 },
};

const char *const upload_msg_state =
    "报名信息已提交，审核期间不能再上传或删除资料；如需修改，请等待审核员退回。";
static const char *const msg_disk =
    "服务器暂时无法保存文件（存储空间不足或写入失败），本次上传未保存，请稍后重新上传。";
static const char *const msg_nofile = "请选择要上传的文件。";

/* Returns the kind called name, or NULL. */
const struct kind *
upload_kind_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

/*
 * Removes a stored file after the commit that dropped its row, unless
 * some row still names it (the registration's ID-card photo is named by
 * accounts.idcard_file and may be shared with the application's idcard
 * row).  On a database failure the file stays: an orphan is swept
 * later, a missing file is a lost upload.
 */
static void
file_drop(struct req *r, const char *name)
{
	long long	 refs = 1;

	if (db_run(r, STMT_UPL_FILE_REFS, name, name) == -1 ||
	    db_row(r, STMT_UPL_FILE_REFS, &refs) != 1)
		return;
	db_done(r, STMT_UPL_FILE_REFS);
	if (refs == 0)
		files_unlink(r, name);
}

/*
 * Counts the UTF-8 characters of s; -1 if s holds a control character
 * or one of the characters a path or a Windows file name cannot hold.
 */
static long
title_chars(const char *s)
{
	const unsigned char	*p;
	long			 n = 0;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f || strchr("/\\:*?\"<>|", *p))
			return -1;
		if ((*p & 0xc0) != 0x80)
			n++;
	}
	return n;
}

/*
 * The name shown for an uploaded image: the browser's file name without
 * any path (form.c already cut it) and without the .jpg ending, at most
 * MAX_TITLE characters, unsafe characters replaced.  Never used to store.
 */
static const char *
shown_name(struct req *r, const char *filename)
{
	char	*s, *e, *p;
	size_t	 n = 0;

	if (filename == NULL || *filename == '\0')
		return "";
	s = pool_strdup(r->pool, filename);
	if ((e = strrchr(s, '/')) != NULL)
		s = e + 1;
	if ((e = strrchr(s, '\\')) != NULL)
		s = e + 1;
	if ((e = strrchr(s, '.')) != NULL && (strcasecmp(e, ".jpg") == 0 ||
	    strcasecmp(e, ".jpeg") == 0 || strcasecmp(e, ".doc") == 0 ||
	    strcasecmp(e, ".docx") == 0))
		*e = '\0';
	for (p = s; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f ||
		    strchr("/\\:*?\"<>|", *p))
			*p = '_';
		if ((*p & 0xc0) != 0x80 && ++n > MAX_TITLE) {
			*p = '\0';
			break;
		}
	}
	return s;
}

/*
 * Checks an upload of kind k and prepares the bytes to store: images are
 * decoded, checked (the photo scaled to 413x626) and re-encoded, so no
 * metadata and nothing but pixels survives; documents are checked by
 * content.  On a refusal the message goes next to its field and the
 * status is set (413 for too large).  Returns 0 when u is ready (free
 * u->heap), -1 when refused.
 */
static int
upload_check(struct req *r, const struct kind *k, const struct field *f,
    const char *title, struct upload *u)
{
	struct image	 img, ph;
	const char	*msg, *mime = NULL;
	unsigned char	*out = NULL;
	size_t		 outlen = 0, max = (k->flags & K_DOC) ? MAX_DOC : MAX_JPEG;
	long		 tl;
	int		 rc;

	memset(u, 0, sizeof(*u));
	u->kind = k;
	if (k->flags & K_DOC) {
		if ((tl = title_chars(title)) == 0) {
			xml_field_error(r, "title", "请填写文档标题（1至50个字），"
			    "文档将以标题命名。");
			return -1;
		}
		if (tl < 0 || tl > MAX_TITLE) {
			xml_field_error(r, "title", "文档标题应为1至50个字，不能含有"
			    " / \\ : * ? \" < > | 等字符，请修改。");
			return -1;
		}
	}
	if (f == NULL || f->filename == NULL ||
	    (*f->filename == '\0' && f->len == 0)) {
		xml_field_error(r, "file", msg_nofile);
		return -1;
	}
	xml_attr(xml_field(r, "file", NULL), "shown", shown_name(r, f->filename));
	if (f->len > max)
		r->status = 413;
	if (k->flags & K_DOC) {
		if ((msg = doc_check((const unsigned char *)f->value, f->len,
		    max, &mime)) != NULL) {
			xml_field_error(r, "file", msg);
			return -1;
		}
		u->data = (const unsigned char *)f->value;
		u->len = f->len;
		u->mime = mime;
		u->title = title;
		return 0;
	}
	memset(&img, 0, sizeof(img));
	memset(&ph, 0, sizeof(ph));
	/* A photo needs no more pixels than 413x626: libjpeg scales. */
	if ((msg = image_decode_fit((const unsigned char *)f->value, f->len,
	    max, (k->flags & K_PHOTO) ? IMAGE_PHOTO_W : 0,
	    (k->flags & K_PHOTO) ? IMAGE_PHOTO_H : 0, &img)) != NULL) {
		xml_field_error(r, "file", msg);
		return -1;
	}
	if ((k->flags & K_PHOTO) && (msg = image_photo(&img, &ph)) != NULL) {
		image_free(&img);
		xml_field_error(r, "file", msg);
		return -1;
	}
	rc = image_encode((k->flags & K_PHOTO) ? &ph : &img,
	    (k->flags & K_PHOTO) ? QUALITY_PHOTO : QUALITY_SCAN, &out, &outlen);
	image_free(&img);
	image_free(&ph);
	if (rc == -1) {
		r->status = 500;
		xml_field_error(r, "file", "图片处理失败，请稍后重新上传。");
		return -1;
	}
	u->data = u->heap = out;
	u->len = outlen;
	u->mime = "image/jpeg";
	u->title = shown_name(r, f->filename);
	return 0;
}

/*
 * Stores u into application app for account by (the uploader): the file
 * is written and fsync'd first, then in one transaction the application
 * is locked and checked again, the previous file of a one-per-application
 * kind removed, the row inserted and the upload audited (with v, the
 * phone link, if any); the replaced files go after the commit.
 * Returns RC_OK with *id set, RC_OK with a form error (nothing stored),
 * or RC_DB.
 */
/* Counts the application's materials into *cnt; 0 or -1. */
static int
store_count(struct req *r, long long app, const struct via *v,
    long long *cnt)
{
	enum stmt	 s = v ? STMT_MOB_MAT_COUNT : STMT_UPL_MAT_COUNT;

	if ((v ? db_run(r, s, v->hash, (size_t)MAC_LEN) :
	    db_run(r, s, app)) == -1 || db_row(r, s, cnt) == -1)
		return -1;
	db_done(r, s);
	return 0;
}

/* Inserts the material row of u stored as name; 0 or -1. */
static int
store_insert(struct req *r, long long app, long long by,
    const struct upload *u, const struct via *v, const char *name)
{
	if (v == NULL)
		return db_run(r, STMT_UPL_MAT_INSERT, app,
		    u->kind->name, name, u->mime, (long long)u->len, u->title,
		    by) == -1 ? -1 : 0;
	/* The phone's statement inserts materials only, through the link. */
	if (strcmp(u->kind->name, "material") != 0)
		return -1;
	return db_run(r, STMT_MOB_MAT_INSERT, name, u->mime,
	    (long long)u->len, u->title, v->hash, (size_t)MAC_LEN, v->claim,
	    (size_t)MAC_LEN) == 1 ? 0 : -1;
}

static enum rc
upload_store(struct req *r, long long app, long long by,
    const struct upload *u, const struct via *v, long long *id)
{
	struct app	 a;
	char		 name[65], obj[48], *old[MAX_REPLACED], *f;
	long long	 oid[MAX_REPLACED], cnt = 0;
	size_t		 nold = 0, i;
	int		 k;

	if (files_store(r, u->data, u->len, name) == -1) {
		r->status = 503;
		xml_field_error(r, "file", msg_disk);
		return RC_OK;
	}
	if (db_begin(r) == -1 || (k = v ? app_via(r, v->hash, &a) :
	    app_lock(r, app, &a)) == -1)
		goto fail;
	if (k == 0 || !app_editable(&a)) {
		db_rollback(r);
		files_unlink(r, name);
		r->status = 409;
		xml_field_error(r, "file", upload_msg_state);
		return RC_OK;
	}
	app = a.id;
	if (store_count(r, app, v, &cnt) == -1)
		goto fail;
	if ((u->kind->flags & K_ONE) && v == NULL) {
		if (db_run(r, STMT_UPL_MAT_OF_KIND, app,
		    u->kind->name) == -1)
			goto fail;
		while (nold < MAX_REPLACED && (k = db_row(r,
		    STMT_UPL_MAT_OF_KIND, &oid[nold], &f)) == 1)
			old[nold++] = f;
		db_done(r, STMT_UPL_MAT_OF_KIND);
		if (k == -1)
			goto fail;
	}
	if (cnt - (long long)nold >= MAX_MATERIALS) {
		db_rollback(r);
		files_unlink(r, name);
		xml_field_error(r, "file", pool_printf(r->pool, "每份报名最多可上传"
		    "%d个文件，请先删除不需要的文件再上传。", MAX_MATERIALS));
		return RC_OK;
	}
	for (i = 0; i < nold; i++)
		if (db_run(r, STMT_UPL_MAT_DELETE, oid[i], app) == -1)
			goto fail;
	if (store_insert(r, app, by, u, v, name) == -1)
		goto fail;
	*id = db_insert_id(r, v ? STMT_MOB_MAT_INSERT : STMT_UPL_MAT_INSERT);
	if ((u->kind->flags & K_PHOTO) && v == NULL &&
	    db_run(r, STMT_UPL_APP_STAMPED, 0LL, app) == -1)
		goto fail;
	snprintf(obj, sizeof(obj), "material:%lld", *id);
	if (audit(r, "material.upload", obj, "ok", pool_printf(r->pool,
	    "%s application:%lld%s%s", u->kind->name, app, v ? " link:" : "",
	    v ? v->id : "")) == -1 || db_commit(r) == -1)
		goto fail;
	for (i = 0; i < nold; i++)
		file_drop(r, old[i]);
	return RC_OK;
fail:
	db_rollback(r);
	files_unlink(r, name);
	return RC_DB;
}

/* Appends <kinds> with the kinds a role may upload here. */
void
upload_kinds_xml(xmlNodePtr parent, unsigned int need, int level)
{
	xmlNodePtr	 ks, k;
	size_t		 i;

	ks = xml_el(parent, "kinds", NULL);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		if (kinds[i].flags & K_STAFF)
			continue;
		if ((kinds[i].flags & need) != need)
			continue;
		if ((kinds[i].flags & K_LEVEL1) && level != 1)
			continue;
		k = xml_el(ks, "kind", NULL);
		xml_attr(k, "name", kinds[i].name);
		xml_attr(k, "label", kinds[i].label);
		if (kinds[i].flags & K_DOC)
			xml_attr(k, "document", "1");
	}
}

/*
 * Refuses a kind that is unknown, reserved for reviewers (R21), for
 * level 1 only, or (from the phone) not offered there.  Returns 0 if
 * allowed, else -1 with the message on the kind field.
 */
static int
upload_kind_allowed(struct req *r, const struct kind *k, const struct app *a,
    int mobile)
{
	if (k == NULL)
		xml_field_error(r, "kind", "请选择上传资料的类别。");
	else if (k->flags & K_STAFF)
		xml_field_error(r, "kind", pool_printf(r->pool, "“%s”由上级审核员"
		    "上传，报考人员不需上传。", k->label));
	else if ((k->flags & K_LEVEL1) && a->level != 1)
		xml_field_error(r, "kind", pool_printf(r->pool, "“%s”仅申报一级"
		    "（高级技师）时上传。", k->label));
	else if (mobile && !(k->flags & K_MOBILE))
		xml_field_error(r, "kind", "手机上只能上传报名资料；个人照片、"
		    "身份证照片和其它资料请在电脑上上传。");
	else
		return 0;
	return -1;
}

/* The upload page: the refused upload, why, and a form to try again. */
static void
upload_page(struct req *r, const char *action, const struct app *a)
{
	xml_page(r, PAGE_UPLOAD);
	if (a != NULL && a->state != NULL) {
		xmlNodePtr	 n = xml_el(r->root, "application", NULL);

		xml_attrf(n, "id", "%lld", a->id);
		xml_attr(n, "state", a->state);
		upload_kinds_xml(r->root, 0, (int)a->level);
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
	long long	 id = 0;
	enum rc		 rc;

	*kp = NULL;
	k = upload_kind_find(form_text(&r->body, "kind"));
	/* The application form names each kind's file input file_KIND. */
	if ((f = form_field(&r->body, "file")) == NULL && k != NULL)
		f = form_field(&r->body, pool_printf(r->pool, "file_%s",
		    k->name));
	if (upload_kind_allowed(r, k, a, v != NULL) == -1 ||
	    upload_check(r, k, f, title, &u) == -1) {
		xml_form_message(r, retry);
		return RC_OK;
	}
	rc = upload_store(r, app, by, &u, v, &id);
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
 * One file chosen in the application form's input file_KIND, stored as
 * if its 上传 had been pressed; the checks write into a scratch form (the
 * page is another one).  Returns 1 stored, 0 refused, -1 database.
 */
static int
upload_form_file(struct req *r, const struct app *a, const struct kind *k,
    const struct field *f)
{
	struct upload	 u;
	xmlNodePtr	 page = r->form, scratch;
	long long	 id = 0;
	int		 bad = r->form_bad, status = r->status, n = 0;
	enum rc		 rc = RC_OK;

	scratch = xmlNewNode(NULL, (const xmlChar *)"form");
	r->form = scratch;
	r->form_bad = 0;
	if (upload_kind_allowed(r, k, a, 0) == 0 &&
	    upload_check(r, k, f, form_text(&r->body, "title"), &u) == 0) {
		rc = upload_store(r, a->id, r->account_id, &u, NULL, &id);
		free(u.heap);
		n = !r->form_bad;
	}
	r->form = page;
	r->form_bad = bad;
	r->status = status;
	xmlFreeNode(scratch);
	return rc == RC_OK ? n : -1;
}

/*
 * The files chosen in the application form's upload inputs when another
 * of its buttons was pressed (保存信息): none is dropped unseen, each is
 * uploaded.  Returns the number refused (*nup: stored), or -1 on a
 * database failure.
 */
int
upload_form_files(struct req *r, int *nup)
{
	const struct field *f;
	struct app	 a;
	size_t		 i;
	int		 n, refused = 0;

	*nup = 0;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		f = form_field(&r->body, pool_printf(r->pool, "file_%s",
		    kinds[i].name));
		if (f == NULL || f->filename == NULL || f->len == 0)
			continue;
		if ((n = app_mine(r, &a)) != 1)
			return n == -1 ? -1 : refused + 1;
		if ((n = upload_form_file(r, &a, &kinds[i], f)) == -1)
			return -1;
		if (n == 1)
			(*nup)++;
		else
			refused++;
	}
	return refused;
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
	if (n == 0 || !app_editable(&a)) {
		r->status = 409;
		xml_form_refuse(r, n == 0 ? "请先打开“报名信息”页面填写报名信息，"
		    "再上传照片和资料。" : upload_msg_state);
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
 * account) is drawn onto the current photo, which is stored again as a
 * new file; the old file goes after the commit.
 */
enum rc
h_upload_stamp(struct req *r)
{
	struct app	 a;
	struct image	 img;
	unsigned char	*enc, *buf, *out = NULL;
	size_t		 enclen, len, outlen;
	char		 idno[32], name[65], obj[48], *file, *file2;
	long long	 mid, mid2;
	int		 n, rc;

	/* From the application form: its fields are saved or kept. */
	if (appform_draft_keep(r) == -1 ||
	    (n = app_mine(r, &a)) == -1)
		return RC_DB;
	upload_page(r, "/apply/stamp", n == 1 ? &a : NULL);
	if (n == 0 || !app_editable(&a))
		return form_refuse(r, 409, n == 0 ? "请先上传个人照片。" :
		    upload_msg_state);
	if (db_run(r, STMT_UPL_MAT_OF_KIND, a.id, "photo") == -1 ||
	    (n = db_row(r, STMT_UPL_MAT_OF_KIND, &mid, &file)) == -1)
		return RC_DB;
	db_done(r, STMT_UPL_MAT_OF_KIND);
	if (n == 0)
		return form_refuse(r, 409, "请先上传个人照片，再添加身份证号。");
	if (a.stamped)
		return form_refuse(r, 409, "照片上已添加身份证号，无需重复添加；"
		    "如需更换照片，请重新上传个人照片。");
	if ((buf = files_read(r, file, MAX_JPEG, &len)) == NULL)
		return RC_INTERNAL;
	if (db_run(r, STMT_UPL_ACCOUNT_IDNO, r->account_id) == -1 ||
	    (n = db_row(r, STMT_UPL_ACCOUNT_IDNO, &enc, &enclen)) == -1)
		return RC_DB;
	db_done(r, STMT_UPL_ACCOUNT_IDNO);
	if (n == 0 || enc == NULL || pii_open(r->cfg, PII_IDNO, r->account_id,
	    enc, enclen, idno, sizeof(idno)) == -1)
		return RC_INTERNAL;
	memset(&img, 0, sizeof(img));
	if (image_decode(buf, len, MAX_JPEG, &img) != NULL) {
		OPENSSL_cleanse(idno, sizeof(idno));
		log_warnx("%s: stored photo %s does not decode", __func__, file);
		return RC_INTERNAL;
	}
	rc = image_stamp(&img, idno);
	OPENSSL_cleanse(idno, sizeof(idno));
	if (rc == 0)
		rc = image_encode(&img, QUALITY_PHOTO, &out, &outlen);
	image_free(&img);
	if (rc == -1)
		return RC_INTERNAL;
	n = files_store(r, out, outlen, name);
	free(out);
	if (n == -1)
		return form_refuse(r, 503, msg_disk);
	/* Again under the lock: the photo may have changed meanwhile. */
	if (db_begin(r) == -1 || (n = app_lock(r, a.id, &a)) == -1 ||
	    db_run(r, STMT_UPL_MAT_OF_KIND, a.id, "photo") == -1 ||
	    (rc = db_row(r, STMT_UPL_MAT_OF_KIND, &mid2,
	    &file2)) == -1)
		goto fail;
	db_done(r, STMT_UPL_MAT_OF_KIND);
	if (n == 0 || !app_editable(&a) || a.stamped || rc == 0 ||
	    mid2 != mid) {
		files_unlink(r, name);
		return form_refuse(r, 409, "照片或报名状态已变化，请刷新页面后重试。");
	}
	snprintf(obj, sizeof(obj), "material:%lld", mid);
	if (db_run(r, STMT_UPL_MAT_SET_FILE, name, (long long)outlen,
	    mid) == -1 ||
	    db_run(r, STMT_UPL_APP_STAMPED, 1LL, a.id) == -1 ||
	    audit(r, "photo.stamp", obj, "ok", pool_printf(r->pool,
	    "application:%lld", a.id)) == -1 || db_commit(r) == -1)
		goto fail;
	file_drop(r, file);
	resp_redirect(r, "/apply?m=stamped#materials");
	return RC_OK;
fail:
	db_rollback(r);
	files_unlink(r, name);
	return RC_DB;
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
 * POST /apply/delete (csrf, id): deletes one of the candidate's own
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
	if (valid_uint(form_text(&r->body, "id"), 1, 0xffffffffLL, &id) == -1)
		return RC_NOTFOUND;
	if ((n = material_get(r, id, &kind, &file, &mime, &title, &owner,
	    &app, &stamped)) == -1)
		return RC_DB;
	if (n == 0 || owner != r->account_id)
		return RC_NOTFOUND;
	upload_page(r, "/apply/delete", NULL);
	xml_field(r, "id", form_text(&r->body, "id"));
	k = upload_kind_find(kind);
	if (k == NULL || (k->flags & (K_ONE | K_STAFF)))
		return form_refuse(r, 409, k != NULL && (k->flags & K_ONE) ?
		    pool_printf(r->pool, "%s不能删除；如需更换，请直接重新上传%s。",
		    k->label, k->label) : "该资料由审核员上传，报考人员不能删除。");
	if (db_begin(r) == -1 || (n = app_lock(r, app, &a)) == -1)
		goto fail;
	if (n == 0 || !app_editable(&a))
		return form_refuse(r, 409, upload_msg_state);
	snprintf(obj, sizeof(obj), "material:%lld", id);
	if (db_run(r, STMT_UPL_MAT_DELETE, id, app) == -1 ||
	    audit(r, "material.delete", obj, "ok", pool_printf(r->pool,
	    "%s application:%lld", kind, app)) == -1 || db_commit(r) == -1)
		goto fail;
	file_drop(r, file);
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
 * GET /files?id=N: a stored file, to its own candidate only.  nginx sends
 * the bytes from its internal location (X-Accel-Redirect); the worker
 * only decides.  Viewing the unmasked ID-card image, or the photo once
 * the ID number is stamped on it, is audited, and the view fails if the
 * audit does.
 *
 * Staff are refused (403) for now: the review issue lets staff whose
 * unit subtree holds the application see its files, with the subtree
 * check in the statement itself.
 */
enum rc
h_files(struct req *r)
{
	const char	*ext;
	char		*kind, *file, *mime, *title, obj[48];
	long long	 id, owner, app, stamped;
	int		 n;

	if (r->role != ROLE_CANDIDATE)
		return RC_FORBIDDEN;
	if (valid_uint(req_arg(r, "id") ? req_arg(r, "id") : "", 1,
	    0xffffffffLL, &id) == -1)
		return RC_NOTFOUND;
	if ((n = material_get(r, id, &kind, &file, &mime, &title, &owner,
	    &app, &stamped)) == -1)
		return RC_DB;
	if (n == 0 || owner != r->account_id)
		return RC_NOTFOUND;
	if (strlen(file) != 64 || strspn(file, "0123456789abcdef") != 64)
		return RC_INTERNAL;
	snprintf(obj, sizeof(obj), "material:%lld", id);
	if (strcmp(kind, "idcard") == 0 &&
	    audit(r, "file.view", obj, "ok", "idcard") == -1)
		return RC_DB;
	/* 添加身份证号 drew the full ID number onto the photo. */
	if (strcmp(kind, "photo") == 0 && stamped &&
	    audit(r, "file.view", obj, "ok", "photo") == -1)
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
