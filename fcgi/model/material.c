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
 * material.c: an application's photos and materials: the kinds, the check
 * of an upload, storing it, 添加身份证号 on the photo.  The candidate's
 * pages (h_upload.c, h_mobile.c) and the staff of the chain
 * (h_staffup.c) all store through here; the gate says who and how the
 * application is locked.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "material.h"
#include "defer.h"

#define MAX_DOC		(4 * 1024 * 1024)	/* one level-1 document */
#define MAX_MATERIALS	60		/* files of one application */
#define MAX_TITLE	50		/* characters of a title or name */
#define MAX_REPLACED	8		/* old photo rows swept at once */
#define QUALITY_SCAN	85		/* JPEG quality of other images */

/* Every kind of upload. */
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
#define NKINDS	(sizeof(kinds) / sizeof(kinds[0]))

const char *const material_msg_state =
    "报名信息已提交，审核期间不能再上传或删除资料；如需修改，请等待审核员退回。";
const char *const material_msg_disk =
    "服务器暂时无法保存文件（存储空间不足或写入失败），本次上传未保存，请稍后重新上传。";
static const char *const msg_nofile = "请选择要上传的文件。";

/* Returns the kind called name, or NULL. */
const struct kind *
material_kind_find(const char *name)
{
	size_t	 i;

	for (i = 0; name != NULL && i < NKINDS; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

/* The i-th kind (0 first), or NULL past the last. */
const struct kind *
material_kind_at(size_t i)
{
	return i < NKINDS ? &kinds[i] : NULL;
}

/* Appends <kind name label [document]> of k to ks. */
static void
kind_xml(xmlNodePtr ks, const struct kind *k)
{
	xmlNodePtr	 n;

	n = xml_el(ks, "kind", NULL);
	xml_attr(n, "name", k->name);
	xml_attr(n, "label", k->label);
	if (k->flags & K_DOC)
		xml_attr(n, "document", "1");
}

/* Appends <kinds> with the kinds a candidate may upload here. */
void
material_kinds_xml(xmlNodePtr parent, unsigned int need, int level)
{
	xmlNodePtr	 ks;
	size_t		 i;

	ks = xml_el(parent, "kinds", NULL);
	for (i = 0; i < NKINDS; i++) {
		if (kinds[i].flags & K_STAFF)
			continue;
		if ((kinds[i].flags & need) != need)
			continue;
		if ((kinds[i].flags & K_LEVEL1) && level != 1)
			continue;
		kind_xml(ks, &kinds[i]);
	}
}

/*
 * Appends <kinds> with what staff of the chain upload for an application
 * of level: the materials (not the photo or the ID card, which are the
 * candidate's), and for level 1 the salary form and, when the candidate
 * has an 优秀 appraisal (excellent), its evidence (R21).
 */
void
material_staff_kinds_xml(xmlNodePtr parent, int level, int excellent)
{
	xmlNodePtr	 ks;
	size_t		 i;

	ks = xml_el(parent, "kinds", NULL);
	for (i = 0; i < NKINDS; i++) {
		if (kinds[i].flags & K_ONE)
			continue;
		if ((kinds[i].flags & K_LEVEL1) && level != 1)
			continue;
		if (strcmp(kinds[i].name, "l1_appraisal") == 0 && !excellent)
			continue;
		kind_xml(ks, &kinds[i]);
	}
}

/*
 * Appends <kinds> with what the candidate may add to a submitted
 * application under 容缺后补 (material_supplying) at level.
 */
void
material_supply_kinds_xml(xmlNodePtr parent, int level)
{
	xmlNodePtr	 ks;
	size_t		 i;

	ks = xml_el(parent, "kinds", NULL);
	for (i = 0; i < NKINDS; i++) {
		if (kinds[i].flags & (K_ONE | K_STAFF))
			continue;
		if ((kinds[i].flags & K_LEVEL1) && level != 1)
			continue;
		kind_xml(ks, &kinds[i]);
	}
}

/*
 * True when the candidate may add material of kind k to a submitted
 * application: 容缺后补, until the unit admin confirms (defer 1 or 2),
 * materials only (not the photo, the ID card or the reviewers' kinds).
 */
int
material_supplying(const struct app *a, const struct kind *k)
{
	return strcmp(a->state, "submitted") == 0 &&
	    (a->defer == 1 || a->defer == 2) &&
	    !(k->flags & (K_ONE | K_STAFF));
}

/*
 * Refuses a kind that is unknown, reserved for reviewers (R21), for
 * level 1 only, or (from the phone) not offered there.  Returns 0 if
 * allowed, else -1 with the message on the kind field.
 */
int
material_kind_allowed(struct req *r, const struct kind *k, const struct app *a,
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
	else if (!app_editable(a) && !material_supplying(a, k))
		xml_field_error(r, "kind", "容缺后补期间只能补充上传报名资料，"
		    "不能更换个人照片或身份证照片。");
	else
		return 0;
	return -1;
}

/*
 * Removes a stored file after the commit that dropped its row, unless
 * some row still names it (the registration's ID-card photo is named by
 * accounts.idcard_file and may be shared with the application's idcard
 * row).  On a database failure the file stays: an orphan is swept
 * later, a missing file is a lost upload.
 */
void
material_drop(struct req *r, const char *name)
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

/* Checks a document's title and bytes into u; 0, or -1 refused. */
static int
check_doc(struct req *r, const struct field *f, const char *title,
    struct upload *u)
{
	const char	*msg, *mime = NULL;

	if (f->len > MAX_DOC)
		r->status = 413;
	if ((msg = doc_check((const unsigned char *)f->value, f->len,
	    MAX_DOC, &mime)) != NULL) {
		xml_field_error(r, "file", msg);
		return -1;
	}
	u->data = (const unsigned char *)f->value;
	u->len = f->len;
	u->mime = mime;
	u->title = title;
	return 0;
}

/*
 * Decodes, checks (the photo scaled to 413x626) and re-encodes an image
 * into u, so no metadata and nothing but pixels survives.  0, or -1
 * refused (the message next to the file field).
 */
static int
check_image(struct req *r, const struct kind *k, const struct field *f,
    struct upload *u)
{
	struct image	 img, ph;
	const char	*msg;
	unsigned char	*out = NULL;
	size_t		 outlen = 0;
	int		 photo = (k->flags & K_PHOTO) != 0, rc;

	if (f->len > MAX_JPEG)
		r->status = 413;
	memset(&img, 0, sizeof(img));
	memset(&ph, 0, sizeof(ph));
	/* A photo needs no more pixels than 413x626: libjpeg scales. */
	if ((msg = image_decode_fit((const unsigned char *)f->value, f->len,
	    MAX_JPEG, photo ? IMAGE_PHOTO_W : 0, photo ? IMAGE_PHOTO_H : 0,
	    &img)) != NULL) {
		xml_field_error(r, "file", msg);
		return -1;
	}
	if (photo && (msg = image_photo(&img, &ph)) != NULL) {
		image_free(&img);
		xml_field_error(r, "file", msg);
		return -1;
	}
	rc = image_encode(photo ? &ph : &img, photo ? QUALITY_PHOTO :
	    QUALITY_SCAN, &out, &outlen);
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
 * Checks an upload of kind k (file f, title for documents) and prepares
 * the bytes to store.  On a refusal the message goes next to its field
 * and the status is set (413 for too large).  Returns 0 when u is ready
 * (free u->heap), -1 when refused.
 */
int
material_check(struct req *r, const struct kind *k, const struct field *f,
    const char *title, struct upload *u)
{
	long	 tl;

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
	if (k->flags & K_DOC)
		return check_doc(r, f, title, u);
	return check_image(r, k, f, u);
}

/* Reads and locks the gate's application into a: 1, 0 none, -1. */
static int
gate_lock(struct req *r, const struct gate *g, struct app *a)
{
	if (g->via != NULL)
		return app_via(r, g->via->hash, a);
	if (g->unit != 0)
		return app_lock_chain(r, g->app, g->unit, a);
	return app_lock(r, g->app, a);
}

/* True when the gate may store kind k into a in its present state. */
static int
gate_open(const struct gate *g, const struct app *a, const struct kind *k)
{
	if (g->unit != 0)
		return strcmp(a->state, "submitted") == 0;
	if (g->via != NULL)
		return app_editable(a);
	return app_editable(a) || material_supplying(a, k);
}

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

/* The earlier files of a one-per-application kind, to replace. */
struct replaced {
	long long	 id[MAX_REPLACED];
	char		*file[MAX_REPLACED];
	size_t		 n;
};

/* Reads into old the rows a K_ONE upload replaces; 0 or -1. */
static int
store_replaced(struct req *r, long long app, const struct upload *u,
    const struct gate *g, struct replaced *old)
{
	int	 k = 0;

	old->n = 0;
	if (!(u->kind->flags & K_ONE) || g->via != NULL)
		return 0;
	if (db_run(r, STMT_UPL_MAT_OF_KIND, app, u->kind->name) == -1)
		return -1;
	while (old->n < MAX_REPLACED && (k = db_row(r, STMT_UPL_MAT_OF_KIND,
	    &old->id[old->n], &old->file[old->n])) == 1)
		old->n++;
	db_done(r, STMT_UPL_MAT_OF_KIND);
	return k == -1 ? -1 : 0;
}

/*
 * The writes of a store inside its transaction: the replaced rows out,
 * the new row in, the photo's stamp cleared, 容缺后补 marked supplied,
 * the audit row.  0 or -1.
 */
static int
store_rows(struct req *r, const struct gate *g, const struct app *a,
    const struct upload *u, const struct replaced *old, const char *name,
    long long *id)
{
	char	 obj[48];
	size_t	 i;

	for (i = 0; i < old->n; i++)
		if (db_run(r, STMT_UPL_MAT_DELETE, old->id[i], a->id) == -1)
			return -1;
	if (store_insert(r, a->id, g->by, u, g->via, name) == -1)
		return -1;
	*id = db_insert_id(r, g->via ? STMT_MOB_MAT_INSERT :
	    STMT_UPL_MAT_INSERT);
	if ((u->kind->flags & K_PHOTO) && g->via == NULL &&
	    db_run(r, STMT_UPL_APP_STAMPED, 0LL, a->id) == -1)
		return -1;
	if (a->defer == 1 && !(u->kind->flags & K_STAFF) &&
	    strcmp(a->state, "submitted") == 0 &&
	    defer_supplied(r, a, g->unit, u->kind->label) == -1)
		return -1;
	snprintf(obj, sizeof(obj), "material:%lld", *id);
	return audit(r, "material.upload", obj, "ok", pool_printf(r->pool,
	    "%s application:%lld%s%s%s", u->kind->name, a->id,
	    g->via ? " link:" : "", g->via ? g->via->id : "",
	    g->unit ? " staff" : ""));
}

/* Refuses a store: rolls back, drops the new file, the message. */
static enum rc
store_refuse(struct req *r, const char *name, int status, const char *msg)
{
	db_rollback(r);
	files_unlink(r, name);
	if (status != 0)
		r->status = status;
	xml_field_error(r, "file", msg);
	return RC_OK;
}

/*
 * Stores u through gate g: the file is written and fsync'd first, then
 * in one transaction the application is locked and checked again, the
 * previous file of a one-per-application kind removed, the row inserted
 * and the upload audited; the replaced files go after the commit.
 * Returns RC_OK with *id set, RC_OK with a form error (nothing stored),
 * or RC_DB.
 */
enum rc
material_store(struct req *r, const struct gate *g, const struct upload *u,
    long long *id)
{
	struct app	 a;
	struct replaced	 old;
	char		 name[65];
	long long	 cnt = 0;
	size_t		 i;
	int		 k;

	if (files_store(r, u->data, u->len, name) == -1) {
		r->status = 503;
		xml_field_error(r, "file", material_msg_disk);
		return RC_OK;
	}
	if (db_begin(r) == -1 || (k = gate_lock(r, g, &a)) == -1)
		goto fail;
	if (k == 0 || !gate_open(g, &a, u->kind))
		return store_refuse(r, name, 409, g->unit != 0 && k == 1 ?
		    "该报名不在审核中，不能代为上传资料。" : material_msg_state);
	if (store_count(r, a.id, g->via, &cnt) == -1 ||
	    store_replaced(r, a.id, u, g, &old) == -1)
		goto fail;
	if (cnt - (long long)old.n >= MAX_MATERIALS)
		return store_refuse(r, name, 0, pool_printf(r->pool,
		    "每份报名最多可上传%d个文件，请先删除不需要的文件再上传。",
		    MAX_MATERIALS));
	if (store_rows(r, g, &a, u, &old, name, id) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	for (i = 0; i < old.n; i++)
		material_drop(r, old.file[i]);
	return RC_OK;
fail:
	db_rollback(r);
	files_unlink(r, name);
	return RC_DB;
}

/*
 * Draws idno onto the photo stored in file and stores the result as a
 * new file (name).  Returns 0, or -1 (logged) when the stored photo does
 * not decode or the image cannot be made.
 */
static int
stamp_image(struct req *r, const char *file, const char *idno,
    char name[65], size_t *outlen)
{
	struct image	 img;
	unsigned char	*buf, *out = NULL;
	size_t		 len;
	int		 rc;

	if ((buf = files_read(r, file, MAX_JPEG, &len)) == NULL)
		return -1;
	memset(&img, 0, sizeof(img));
	if (image_decode(buf, len, MAX_JPEG, &img) != NULL) {
		log_warnx("%s: stored photo %s does not decode", __func__, file);
		return -1;
	}
	rc = image_stamp(&img, idno);
	if (rc == 0)
		rc = image_encode(&img, QUALITY_PHOTO, &out, outlen);
	image_free(&img);
	if (rc == -1)
		return -1;
	rc = files_store(r, out, *outlen, name);
	free(out);
	return rc == -1 ? -2 : 0;
}

/* The application's current photo: 1 (*mid, *file), 0 none, -1. */
static int
stamp_photo(struct req *r, long long app, long long *mid, char **file)
{
	int	 n;

	if (db_run(r, STMT_UPL_MAT_OF_KIND, app, "photo") == -1 ||
	    (n = db_row(r, STMT_UPL_MAT_OF_KIND, mid, file)) == -1)
		return -1;
	db_done(r, STMT_UPL_MAT_OF_KIND);
	return n;
}

/*
 * 添加身份证号 through gate g: idno (the candidate's ID number, opened
 * by the caller, who cleanses it) is drawn onto the application's
 * current photo, stored as a new file; under the lock the photo and the
 * state are checked again, the row points to the new file, the stamp is
 * recorded and audited; the old file goes after the commit.  Returns
 * RC_OK (*msg NULL: stamped; else refused, r->status set), RC_DB or
 * RC_INTERNAL.
 */
enum rc
material_stamp(struct req *r, const struct gate *g, const char *idno,
    const char **msg)
{
	struct app	 a;
	char		 name[65], obj[48], *file, *file2;
	long long	 mid, mid2;
	size_t		 outlen = 0;
	int		 n, k = 0;

	*msg = NULL;
	if ((n = stamp_photo(r, g->app, &mid, &file)) == -1)
		return RC_DB;
	if (n == 0) {
		r->status = 409;
		*msg = "请先上传个人照片，再添加身份证号。";
		return RC_OK;
	}
	if ((n = stamp_image(r, file, idno, name, &outlen)) == -2) {
		r->status = 503;
		*msg = material_msg_disk;
		return RC_OK;
	}
	if (n == -1)
		return RC_INTERNAL;
	/* Again under the lock: the photo may have changed meanwhile. */
	if (db_begin(r) == -1 || (k = gate_lock(r, g, &a)) == -1 ||
	    (n = stamp_photo(r, g->app, &mid2, &file2)) == -1)
		goto fail;
	if (k == 0 || a.stamped || n == 0 || mid2 != mid ||
	    (g->unit == 0 ? !app_editable(&a) :
	    strcmp(a.state, "submitted") != 0)) {
		db_rollback(r);
		files_unlink(r, name);
		r->status = 409;
		*msg = k == 1 && a.stamped ? "照片上已添加身份证号，无需重复添加；"
		    "如需更换照片，请重新上传个人照片。" :
		    "照片或报名状态已变化，请刷新页面后重试。";
		return RC_OK;
	}
	snprintf(obj, sizeof(obj), "material:%lld", mid);
	if (db_run(r, STMT_UPL_MAT_SET_FILE, name, (long long)outlen,
	    mid) == -1 ||
	    db_run(r, STMT_UPL_APP_STAMPED, 1LL, a.id) == -1 ||
	    audit(r, "photo.stamp", obj, "ok", pool_printf(r->pool,
	    "application:%lld%s", a.id, g->unit ? " staff" : "")) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	material_drop(r, file);
	return RC_OK;
fail:
	db_rollback(r);
	files_unlink(r, name);
	return RC_DB;
}

/*
 * One file chosen in the application form's input file_KIND, stored as
 * if its 上传 had been pressed; the checks write into a scratch form (the
 * page is another one).  Returns 1 stored, 0 refused, -1 database.
 */
static int
material_form_file(struct req *r, const struct app *a, const struct kind *k,
    const struct field *f)
{
	struct upload	 u;
	struct gate	 g = { a->id, r->account_id, NULL, 0 };
	xmlNodePtr	 page = r->form, scratch;
	long long	 id = 0;
	int		 bad = r->form_bad, status = r->status, n = 0;
	enum rc		 rc = RC_OK;

	scratch = xmlNewNode(NULL, (const xmlChar *)"form");
	r->form = scratch;
	r->form_bad = 0;
	if (material_kind_allowed(r, k, a, 0) == 0 &&
	    material_check(r, k, f, form_text(&r->body, "title"), &u) == 0) {
		rc = material_store(r, &g, &u, &id);
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
material_form_files(struct req *r, int *nup)
{
	const struct field *f;
	const struct kind *k;
	struct app	 a;
	size_t		 i;
	int		 n, refused = 0;

	*nup = 0;
	for (i = 0; (k = material_kind_at(i)) != NULL; i++) {
		f = form_field(&r->body, pool_printf(r->pool, "file_%s",
		    k->name));
		if (f == NULL || f->filename == NULL || f->len == 0)
			continue;
		if ((n = app_mine(r, &a)) != 1)
			return n == -1 ? -1 : refused + 1;
		if ((n = material_form_file(r, &a, k, f)) == -1)
			return -1;
		if (n == 1)
			(*nup)++;
		else
			refused++;
	}
	return refused;
}

/*
 * Appends <materials> of application app to parent, each upload with its
 * id (a /files link), kind, title, type, size and time; c (or NULL)
 * counts them by kind.  The candidate's form and 详情 of the chain's
 * staff show the same list.  Returns 0, or -1 on a database failure.
 */
int
material_list_xml(struct req *r, xmlNodePtr parent, long long app,
    struct material_count *c)
{
	struct material_count	 none;
	xmlNodePtr		 l, n;
	char			*kind, *title, *mime, *created;
	long long		 id, size;
	int			 k;

	if (c == NULL)
		c = &none;
	memset(c, 0, sizeof(*c));
	l = xml_el(parent, "materials", NULL);
	if (db_run(r, STMT_MAT_LIST, app) == -1)
		return -1;
	while ((k = db_row(r, STMT_MAT_LIST, &id, &kind, &title, &mime,
	    &size, &created)) == 1) {
		n = xml_el(l, "material", NULL);
		xml_attrf(n, "id", "%lld", id);
		xml_attr(n, "kind", kind);
		if (*title != '\0')
			xml_attr(n, "title", title);
		xml_attr(n, "mime", mime);
		xml_attrf(n, "size", "%lld", size);
		xml_attr(n, "created", created);
		c->photo |= strcmp(kind, "photo") == 0;
		c->idcard |= strcmp(kind, "idcard") == 0;
		c->r19 += strcmp(kind, "r19proof") == 0;
		c->exc += strcmp(kind, "exc_evidence") == 0;
	}
	return k == -1 ? -1 : 0;
}
