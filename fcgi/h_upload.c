/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_upload.c: photos, materials, serving them, and the mobile upload link */

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "web.h"

#define MAX_DOC		(4 * 1024 * 1024)	/* one level-1 document */
#define MAX_MATERIALS	60		/* files of one application */
#define MAX_TITLE	50		/* characters of a title or name */
#define MAX_REPLACED	8		/* old photo rows swept at once */
#define QUALITY_PHOTO	90		/* JPEG quality of re-encoded photos */
#define QUALITY_SCAN	85		/* ... of other images */
#define COOKIE_CLAIM	"gkbm_m"	/* the phone that claimed a link */
#define FILES_URI	"/protected-files"	/* nginx internal location */

/* What a kind of upload is and who may give it. */
#define K_IMAGE		0x01	/* a JPEG, decoded and re-encoded */
#define K_DOC		0x02	/* a doc/docx, checked, stored as is */
#define K_ONE		0x04	/* one per application: replaces the last */
#define K_PHOTO		0x08	/* scaled to 413x626 */
#define K_LEVEL1	0x10	/* level-1 applications only */
#define K_STAFF		0x20	/* uploaded by a reviewer only (R21) */
#define K_MOBILE	0x40	/* may come from the phone (/m) */

static const struct kind {
	const char	*name;		/* materials.kind */
	const char	*label;		/* as the page names it */
	unsigned int	 flags;
} kinds[] = {
	{ "photo",	  "个人照片",		K_IMAGE | K_ONE | K_PHOTO | K_MOBILE },
	{ "idcard",	  "身份证照片",		K_IMAGE | K_ONE | K_MOBILE },
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

/* The application an upload goes into, as locked or read. */
struct app {
	long long	 id;
	long long	 owner;		/* the candidate's account */
	char		*state;
	long long	 stamped;	/* photo_stamped */
	long long	 level;		/* target level, else registered */
	char		*name;		/* the candidate's name (unmasked) */
};

/* A validated upload ready to be stored. */
struct upload {
	const struct kind *kind;
	const unsigned char *data;	/* the bytes to store */
	size_t		 len;
	unsigned char	*heap;		/* data when malloc'd (re-encoded) */
	const char	*mime;
	const char	*title;		/* shown name, no path */
};

static const char *const msg_state =
    "报名信息已提交，审核期间不能再上传或删除资料；如需修改，请等待审核员退回。";
static const char *const msg_disk =
    "服务器暂时无法保存文件（存储空间不足或写入失败），本次上传未保存，请稍后重新上传。";
static const char *const msg_nofile = "请选择要上传的文件。";

/* Returns the kind called name, or NULL. */
static const struct kind *
kind_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

/* True while the candidate may still change the application's files. */
static int
app_editable(const struct app *a)
{
	return strcmp(a->state, "draft") == 0 ||
	    strcmp(a->state, "returned") == 0;
}

/*
 * Reads application id into a, locking its row when inside a
 * transaction.  Returns 1, 0 when there is none, -1 on a database
 * failure.
 */
static int
app_lock(struct req *r, long long id, struct app *a)
{
	int	 n;

	memset(a, 0, sizeof(*a));
	if (db_exec(r, STMT_UPL_APP_LOCK, "i", id) == -1 ||
	    (n = db_fetch(r, STMT_UPL_APP_LOCK, "siiis", &a->state,
	    &a->stamped, &a->level, &a->owner, &a->name)) == -1)
		return -1;
	db_done(r, STMT_UPL_APP_LOCK);
	a->id = id;
	return n;
}

/*
 * The candidate's own application: 1, 0 when it does not exist yet,
 * -1 on a database failure.
 */
static int
app_mine(struct req *r, struct app *a)
{
	long long	 id;
	int		 n;

	if (db_exec(r, STMT_UPL_APP_OF, "i", r->account_id) == -1 ||
	    (n = db_fetch(r, STMT_UPL_APP_OF, "i", &id)) == -1)
		return -1;
	db_done(r, STMT_UPL_APP_OF);
	if (n == 0)
		return 0;
	return app_lock(r, id, a);
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

	if (db_exec(r, STMT_UPL_FILE_REFS, "ss", name, name) == -1 ||
	    db_fetch(r, STMT_UPL_FILE_REFS, "i", &refs) != 1)
		return;
	db_done(r, STMT_UPL_FILE_REFS);
	if (refs == 0)
		h_unlink_file(r, name);
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
	if ((msg = image_decode((const unsigned char *)f->value, f->len, max,
	    &img)) != NULL) {
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
 * kind removed, the row inserted and the upload audited (with link, the
 * mobile link's id, if any); the replaced files go after the commit.
 * Returns RC_OK with *id set, RC_OK with a form error (nothing stored),
 * or RC_DB.
 */
static enum rc
upload_store(struct req *r, long long app, long long by,
    const struct upload *u, const char *link, long long *id)
{
	struct app	 a;
	char		 name[65], obj[48], *old[MAX_REPLACED], *f;
	long long	 oid[MAX_REPLACED], cnt = 0;
	size_t		 nold = 0, i;
	int		 k;

	if (h_store_file(r, u->data, u->len, name) == -1) {
		r->status = 503;
		xml_field_error(r, "file", msg_disk);
		return RC_OK;
	}
	if (db_begin(r) == -1 || (k = app_lock(r, app, &a)) == -1)
		goto fail;
	if (k == 0 || !app_editable(&a)) {
		db_rollback(r);
		h_unlink_file(r, name);
		r->status = 409;
		xml_field_error(r, "file", msg_state);
		return RC_OK;
	}
	if (db_exec(r, STMT_UPL_MAT_COUNT, "i", app) == -1 ||
	    db_fetch(r, STMT_UPL_MAT_COUNT, "i", &cnt) == -1)
		goto fail;
	db_done(r, STMT_UPL_MAT_COUNT);
	if (u->kind->flags & K_ONE) {
		if (db_exec(r, STMT_UPL_MAT_OF_KIND, "is", app,
		    u->kind->name) == -1)
			goto fail;
		while (nold < MAX_REPLACED && (k = db_fetch(r,
		    STMT_UPL_MAT_OF_KIND, "is", &oid[nold], &f)) == 1)
			old[nold++] = f;
		db_done(r, STMT_UPL_MAT_OF_KIND);
		if (k == -1)
			goto fail;
	}
	if (cnt - (long long)nold >= MAX_MATERIALS) {
		db_rollback(r);
		h_unlink_file(r, name);
		xml_field_error(r, "file", pool_printf(r->pool, "每份报名最多可上传"
		    "%d个文件，请先删除不需要的文件再上传。", MAX_MATERIALS));
		return RC_OK;
	}
	for (i = 0; i < nold; i++)
		if (db_exec(r, STMT_UPL_MAT_DELETE, "i", oid[i]) == -1)
			goto fail;
	if (db_exec(r, STMT_UPL_MAT_INSERT, "isssisi", app, u->kind->name,
	    name, u->mime, (long long)u->len, u->title, by) == -1)
		goto fail;
	*id = db_insert_id(r, STMT_UPL_MAT_INSERT);
	if ((u->kind->flags & K_PHOTO) &&
	    db_exec(r, STMT_UPL_APP_STAMPED, "ii", 0LL, app) == -1)
		goto fail;
	snprintf(obj, sizeof(obj), "material:%lld", *id);
	if (audit(r, "material.upload", obj, "ok", pool_printf(r->pool,
	    "%s application:%lld%s%s", u->kind->name, app, link ? " link:" : "",
	    link ? link : "")) == -1 || db_commit(r) == -1)
		goto fail;
	for (i = 0; i < nold; i++)
		file_drop(r, old[i]);
	return RC_OK;
fail:
	db_rollback(r);
	h_unlink_file(r, name);
	return RC_DB;
}

/* Appends <kinds> with the kinds a role may upload here. */
static void
kinds_xml(xmlNodePtr parent, unsigned int need, int level)
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
kind_allowed(struct req *r, const struct kind *k, const struct app *a,
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
		xml_field_error(r, "kind", "手机上只能上传报名资料、个人照片和"
		    "身份证照片，其它资料请在电脑上上传。");
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
		kinds_xml(r->root, 0, (int)a->level);
	}
	xml_form(r, action);
}

/* POST /apply/upload (multipart: csrf, kind, file, title) */
enum rc
h_upload_post(struct req *r)
{
	static const char *const keep[] = { "kind", "title", NULL };
	struct app	 a;
	struct upload	 u;
	const struct kind *k;
	long long	 id = 0;
	enum rc		 rc;
	int		 n;

	if ((n = app_mine(r, &a)) == -1)
		return RC_DB;
	upload_page(r, "/apply/upload", n == 1 ? &a : NULL);
	xml_keep(r, keep);
	if (n == 0 || !app_editable(&a)) {
		r->status = 409;
		xml_form_message(r, n == 0 ? "请先打开“报名信息”页面填写报名信息，"
		    "再上传照片和资料。" : msg_state);
		xml_attr(r->form, "status", "invalid");
		r->form_bad = 1;
		return RC_OK;
	}
	k = kind_find(form_text(&r->body, "kind"));
	if (kind_allowed(r, k, &a, 0) == -1 || upload_check(r, k,
	    form_field(&r->body, "file"), form_text(&r->body, "title"),
	    &u) == -1) {
		xml_form_message(r, "上传未成功，请按提示修改后重新上传。");
		return RC_OK;
	}
	rc = upload_store(r, a.id, r->account_id, &u, NULL, &id);
	free(u.heap);
	if (rc != RC_OK)
		return rc;
	if (r->form_bad) {
		xml_form_message(r, "上传未成功，请按提示操作。");
		return RC_OK;
	}
	resp_redirect(r, "/apply?m=uploaded#materials");
	return RC_OK;
}

/*
 * Reads stored file name (64 hex characters) into the pool, at most max
 * bytes.  Returns the bytes with *len set, or NULL (logged).
 */
static unsigned char *
file_read(struct req *r, const char *name, size_t max, size_t *len)
{
	char		 path[PATH_MAX];
	struct stat	 st;
	unsigned char	*buf;
	size_t		 got = 0;
	ssize_t		 k;
	int		 fd;

	if (strlen(name) != 64 || strspn(name, "0123456789abcdef") != 64) {
		log_warnx("%s: bad stored name", __func__);
		return NULL;
	}
	snprintf(path, sizeof(path), "%s/%.2s/%s", r->cfg->upload_dir, name,
	    name);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		log_warn("open %s", path);
		return NULL;
	}
	if (fstat(fd, &st) == -1 || st.st_size < 0 ||
	    (size_t)st.st_size > max) {
		log_warnx("%s: %s: too large or unreadable", __func__, path);
		close(fd);
		return NULL;
	}
	buf = pool_alloc(r->pool, (size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		if ((k = read(fd, buf + got, (size_t)st.st_size - got)) <= 0) {
			log_warn("read %s", path);
			close(fd);
			return NULL;
		}
		got += (size_t)k;
	}
	close(fd);
	*len = got;
	return buf;
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
	xml_form_message(r, msg);
	xml_attr(r->form, "status", "invalid");
	r->form_bad = 1;
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

	if ((n = app_mine(r, &a)) == -1)
		return RC_DB;
	upload_page(r, "/apply/stamp", n == 1 ? &a : NULL);
	if (n == 0 || !app_editable(&a))
		return form_refuse(r, 409, n == 0 ? "请先上传个人照片。" :
		    msg_state);
	if (db_exec(r, STMT_UPL_MAT_OF_KIND, "is", a.id, "photo") == -1 ||
	    (n = db_fetch(r, STMT_UPL_MAT_OF_KIND, "is", &mid, &file)) == -1)
		return RC_DB;
	db_done(r, STMT_UPL_MAT_OF_KIND);
	if (n == 0)
		return form_refuse(r, 409, "请先上传个人照片，再添加身份证号。");
	if (a.stamped)
		return form_refuse(r, 409, "照片上已添加身份证号，无需重复添加；"
		    "如需更换照片，请重新上传个人照片。");
	if ((buf = file_read(r, file, MAX_JPEG, &len)) == NULL)
		return RC_INTERNAL;
	if (db_exec(r, STMT_UPL_ACCOUNT_IDNO, "i", r->account_id) == -1 ||
	    (n = db_fetch(r, STMT_UPL_ACCOUNT_IDNO, "b", &enc, &enclen)) == -1)
		return RC_DB;
	db_done(r, STMT_UPL_ACCOUNT_IDNO);
	if (n == 0 || enc == NULL || pii_open(r->cfg, enc, enclen, idno,
	    sizeof(idno)) == -1)
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
	n = h_store_file(r, out, outlen, name);
	free(out);
	if (n == -1)
		return form_refuse(r, 503, msg_disk);
	/* Again under the lock: the photo may have changed meanwhile. */
	if (db_begin(r) == -1 || (n = app_lock(r, a.id, &a)) == -1 ||
	    db_exec(r, STMT_UPL_MAT_OF_KIND, "is", a.id, "photo") == -1 ||
	    (rc = db_fetch(r, STMT_UPL_MAT_OF_KIND, "is", &mid2,
	    &file2)) == -1)
		goto fail;
	db_done(r, STMT_UPL_MAT_OF_KIND);
	if (n == 0 || !app_editable(&a) || a.stamped || rc == 0 ||
	    mid2 != mid) {
		h_unlink_file(r, name);
		return form_refuse(r, 409, "照片或报名状态已变化，请刷新页面后重试。");
	}
	snprintf(obj, sizeof(obj), "material:%lld", mid);
	if (db_exec(r, STMT_UPL_MAT_SET_FILE, "sii", name, (long long)outlen,
	    mid) == -1 ||
	    db_exec(r, STMT_UPL_APP_STAMPED, "ii", 1LL, a.id) == -1 ||
	    audit(r, "photo.stamp", obj, "ok", pool_printf(r->pool,
	    "application:%lld", a.id)) == -1 || db_commit(r) == -1)
		goto fail;
	file_drop(r, file);
	resp_redirect(r, "/apply?m=stamped#materials");
	return RC_OK;
fail:
	db_rollback(r);
	h_unlink_file(r, name);
	return RC_DB;
}

/*
 * Reads material id with its application.  Returns 1, 0 when there is
 * none, -1 on a database failure.
 */
static int
material_get(struct req *r, long long id, char **kind, char **file,
    char **mime, char **title, long long *owner, long long *app)
{
	int	 n;

	if (db_exec(r, STMT_UPL_MAT_GET, "i", id) == -1 ||
	    (n = db_fetch(r, STMT_UPL_MAT_GET, "ssssii", kind, file, mime,
	    title, owner, app)) == -1)
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
	long long	 id, owner, app;
	int		 n;

	if (valid_uint(form_text(&r->body, "id"), 1, 0xffffffffLL, &id) == -1)
		return RC_NOTFOUND;
	if ((n = material_get(r, id, &kind, &file, &mime, &title, &owner,
	    &app)) == -1)
		return RC_DB;
	if (n == 0 || owner != r->account_id)
		return RC_NOTFOUND;
	upload_page(r, "/apply/delete", NULL);
	xml_field(r, "id", form_text(&r->body, "id"));
	k = kind_find(kind);
	if (k == NULL || (k->flags & (K_ONE | K_STAFF)))
		return form_refuse(r, 409, k != NULL && (k->flags & K_ONE) ?
		    pool_printf(r->pool, "%s不能删除；如需更换，请直接重新上传%s。",
		    k->label, k->label) : "该资料由审核员上传，报考人员不能删除。");
	if (db_begin(r) == -1 || (n = app_lock(r, app, &a)) == -1)
		goto fail;
	if (n == 0 || !app_editable(&a))
		return form_refuse(r, 409, msg_state);
	snprintf(obj, sizeof(obj), "material:%lld", id);
	if (db_exec(r, STMT_UPL_MAT_DELETE, "i", id) == -1 ||
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
 * only decides.  Viewing the unmasked ID-card image is audited, and the
 * view fails if the audit does.
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
	long long	 id, owner, app;
	int		 n;

	if (r->role != ROLE_CANDIDATE)
		return RC_FORBIDDEN;
	if (valid_uint(req_arg(r, "id") ? req_arg(r, "id") : "", 1,
	    0xffffffffLL, &id) == -1)
		return RC_NOTFOUND;
	if ((n = material_get(r, id, &kind, &file, &mime, &title, &owner,
	    &app)) == -1)
		return RC_DB;
	if (n == 0 || owner != r->account_id)
		return RC_NOTFOUND;
	if (strlen(file) != 64 || strspn(file, "0123456789abcdef") != 64)
		return RC_INTERNAL;
	snprintf(obj, sizeof(obj), "material:%lld", id);
	if (strcmp(kind, "idcard") == 0 &&
	    audit(r, "file.view", obj, "ok", "idcard") == -1)
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

/* Appends <qr size><row>0110…</row>…</qr> of text; -1 on failure. */
static int
qr_xml(struct req *r, xmlNodePtr parent, const char *text)
{
	unsigned char	*m = NULL;
	xmlNodePtr	 q;
	char		*row;
	int		 size = 0, y, x;

	if (qr_encode(text, &m, &size) == -1 || size <= 0)
		return -1;
	q = xml_el(parent, "qr", NULL);
	xml_attrf(q, "size", "%d", size);
	row = pool_alloc(r->pool, (size_t)size + 1);
	for (y = 0; y < size; y++) {
		for (x = 0; x < size; x++)
			row[x] = m[y * size + x] ? '1' : '0';
		row[size] = '\0';
		xml_el(q, "row", row);
	}
	free(m);
	return 0;
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
		    "手机扫码上传。" : msg_state;
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
	if (qr_xml(r, r->root, url) == -1)
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
	if ((ok = req_arg(r, "ok")) != NULL && (k = kind_find(ok)) != NULL)
		xml_el(r->root, "uploaded", pool_printf(r->pool, "%s上传成功，"
		    "可以继续上传下一张。", k->label));
	ms = xml_el(r->root, "materials", NULL);
	if (db_exec(r, STMT_UPL_MAT_LIST, "i", l->app) == -1)
		return RC_DB;
	while ((rc = db_fetch(r, STMT_UPL_MAT_LIST, "isss", &id, &kind,
	    &title, &at)) == 1) {
		m = xml_el(ms, "material", NULL);
		xml_attr(m, "kind", kind);
		k = kind_find(kind);
		xml_attr(m, "label", k != NULL ? k->label : kind);
		xml_attr(m, "title", title);
		xml_attr(m, "at", at);
	}
	if (rc == -1)
		return RC_DB;
	kinds_xml(r->root, K_MOBILE, (int)l->a.level);
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
	struct upload	 u;
	const struct kind *k;
	long long	 id = 0;
	enum rc		 rc;
	int		 ok;

	if ((rc = mobile_link(r, form_text(&r->body, "t"), 0, &l,
	    &ok)) != RC_OK || !ok)
		return rc;
	if ((rc = mobile_page(r, &l)) != RC_OK)
		return rc;
	xml_keep(r, keep);
	k = kind_find(form_text(&r->body, "kind"));
	if (kind_allowed(r, k, &l.a, 1) == -1 || upload_check(r, k,
	    form_field(&r->body, "file"), "", &u) == -1) {
		xml_form_message(r, "上传未成功，请按提示重新选择照片。");
		return RC_OK;
	}
	rc = upload_store(r, l.app, l.a.owner, &u, l.id, &id);
	free(u.heap);
	if (rc != RC_OK)
		return rc;
	if (r->form_bad) {
		xml_form_message(r, "上传未成功，请按提示操作。");
		return RC_OK;
	}
	resp_redirect(r, pool_printf(r->pool, "/m?t=%s&ok=%s", l.token,
	    k->name));
	return RC_OK;
}
