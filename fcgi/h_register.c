/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_register.c: the notice, candidate registration and SMS codes */

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <openssl/rand.h>

#include "web.h"


/* Outside the registration window (year_window_closed). */
#define W_UNSET		"本年度注册报名时间尚未公布，请关注当地工考办通知。"
#define W_OUTSIDE	"不能注册。"

#define QUALITY_SCAN	85	/* JPEG quality, as h_upload.c's scans */

/* The ID-card photo as re-encoded for storage. */
struct jpg {
	unsigned char	*data;		/* malloc'd; freed with the pool */
	size_t		 len;
};

static const char *const reg_keep[] = {
	"consent", "region", "level", "idno", "birth", "name", "phone", NULL
};

/* GET /register/notice: 申报人员须知 */
enum rc
h_notice(struct req *r)
{
	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/home");
		return RC_OK;
	}
	xml_page(r, PAGE_NOTICE);
	xml_el(r->root, "consent-version", r->cfg->consent_version);
	return year_window(r, r->root, "registration", NULL) == -1 ? RC_DB : RC_OK;
}

/* The registration page without the form's values. */
static enum rc
register_page(struct req *r, int *open)
{
	xml_page(r, PAGE_REGISTER);
	if (year_window(r, r->root, "registration", open) == -1 ||
	    regions_xml(r, r->root) == -1)
		return RC_DB;
	xml_levels(r->root);
	xml_form(r, "/register");
	return RC_OK;
}

/* GET /register?consent=VERSION */
enum rc
h_register(struct req *r)
{
	const char	*c = req_arg(r, "consent");
	enum rc		 rc;

	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/home");
		return RC_OK;
	}
	if (c == NULL || strcmp(c, r->cfg->consent_version) != 0) {
		resp_redirect(r, "/register/notice");
		return RC_OK;
	}
	if ((rc = register_page(r, NULL)) != RC_OK)
		return rc;
	xml_field(r, "consent", c);
	return RC_OK;
}

/* Checks the phone for a registration: format, free this year. */
static const char *
phone_free(struct req *r, const char *phone, int *dbfail)
{
	struct who	 a;
	char		 norm[16];
	const char	*msg;
	int		 n;

	*dbfail = 0;
	if ((msg = valid_phone(phone)) != NULL)
		return msg;
	if ((n = account_find(r, 0, phone, &a, norm, sizeof(norm))) == -1) {
		*dbfail = 1;
		return "系统繁忙，请稍后再试。";
	}
	return n == 1 ? "该手机号本年度已注册，请直接登录或使用其他手机号。" :
	    NULL;
}

/*
 * Decodes the ID-card photo and encodes its pixels again, as uploads
 * are (h_upload.c upload_check), so no EXIF block or bytes appended
 * after the image reach the disk.  jpg->data receives the new JPEG,
 * malloc'd and freed with the pool.  Returns NULL, or the message for
 * the field.
 */
static const char *
idcard_encode(struct req *r, const struct field *f, struct jpg *jpg)
{
	struct image	 img;
	const char	*msg;
	int		 rc;

	memset(&img, 0, sizeof(img));
	if ((msg = image_decode((const unsigned char *)f->value, f->len,
	    MAX_JPEG, &img)) != NULL)
		return msg;
	rc = image_encode(&img, QUALITY_SCAN, &jpg->data, &jpg->len);
	image_free(&img);
	if (rc == -1) {
		log_warnx("%s: image_encode failed", __func__);
		return "图片处理失败，请稍后重新上传。";
	}
	pool_cleanup(r->pool, free, jpg->data);
	return NULL;
}

/*
 * Checks every registration field; errors go next to their fields.  jpg
 * receives the re-encoded ID-card photo.
 */
static void
register_check(struct req *r, struct idno *id, struct jpg *jpg, int *dbfail)
{
	const struct field	*photo;
	const char		*v, *msg, *pw, *pw2;
	unsigned char		 m[MAC_LEN];
	long long		 n;
	int			 y, mo, d, k;
	enum idno_err		 ik;
	char			*rname, *rkind;

	if (strcmp(form_text(&r->body, "consent"), r->cfg->consent_version))
		xml_field_error(r, "consent",
		    "请先阅读申报人员须知并勾选“已阅读并同意”。");
	v = form_text(&r->body, "region");
	if (*v == '\0' || strlen(v) != 6 || strspn(v, "0123456789") != 6)
		xml_field_error(r, "region", "请选择省辖市、直辖县。");
	else {
		if (db_exec(r, STMT_REGION_GET, "s", v) == -1 ||
		    (k = db_fetch(r, STMT_REGION_GET, "ss", &rname,
		    &rkind)) == -1) {
			*dbfail = 1;
			return;
		}
		db_done(r, STMT_REGION_GET);
		if (k == 0 || (strcmp(rkind, "city") != 0 &&
		    strcmp(rkind, "direct_county") != 0))
			xml_field_error(r, "region", "请选择省辖市、直辖县。");
	}
	if (valid_uint(form_text(&r->body, "level"), 1, 5, &n) == -1)
		xml_field_error(r, "level", "请选择申报等级。");

	photo = form_field(&r->body, "idcard");
	if (photo == NULL || photo->filename == NULL)
		xml_field_error(r, "idcard", "请选择身份证照片，上传后方可进行注册。");
	else if ((msg = idcard_encode(r, photo, jpg)) != NULL)
		xml_field_error(r, "idcard", msg);

	v = form_text(&r->body, "idno");
	ik = idno_parse(v, id);
	if (ik != IDNO_OK)
		xml_field_error(r, "idno", idno_strerror(ik));
	else {
		pii_mac(r->cfg, "idno", id->norm, m);
		if (db_exec(r, STMT_ACCOUNT_BY_IDNO, "ib", (long long)r->year,
		    m, sizeof(m)) == -1 || (k = db_fetch(r,
		    STMT_ACCOUNT_BY_IDNO, "i", &n)) == -1) {
			*dbfail = 1;
			return;
		}
		db_done(r, STMT_ACCOUNT_BY_IDNO);
		if (k == 1)
			xml_field_error(r, "idno", "该身份证号本年度已注册，"
			    "请直接登录；如忘记密码，请使用“忘记密码”。");
	}
	v = form_text(&r->body, "birth");
	if ((msg = valid_date(v, &y, &mo, &d)) != NULL)
		xml_field_error(r, "birth", *v ? msg : "请选择出生日期。");
	else if (ik != IDNO_OK)
		;	/* the ID number's own error says enough */
	else if (y != id->year || mo != id->month || d != id->day)
		xml_field_error(r, "birth", "出生日期与身份证号不一致，请核对。");
	v = form_text(&r->body, "gender");
	if (*v != '\0' && ik == IDNO_OK && ((strcmp(v, "M") && strcmp(v, "F")) ||
	    *v != id->gender))
		xml_field_error(r, "gender", "性别与身份证号不一致，请核对。");

	v = form_text(&r->body, "name");
	if ((msg = valid_name(v)) != NULL)
		xml_field_error(r, "name", *v ? msg : "请输入姓名。");

	v = form_text(&r->body, "phone");
	if ((msg = phone_free(r, v, dbfail)) != NULL) {
		if (*dbfail)
			return;
		xml_field_error(r, "phone", *v ? msg : "请输入手机号码。");
	}

	pw = form_get(&r->body, "password");
	pw2 = form_get(&r->body, "password2");
	if (pw == NULL || *pw == '\0')
		xml_field_error(r, "password", "请输入密码。");
	else if ((msg = passwd_check_candidate(pw, form_text(&r->body, "idno"),
	    form_text(&r->body, "name"))) != NULL)
		xml_field_error(r, "password", msg);
	if (pw2 == NULL || *pw2 == '\0')
		xml_field_error(r, "password2", "请再次输入密码。");
	else if (pw != NULL && strcmp(pw, pw2) != 0)
		xml_field_error(r, "password2", "两次输入的密码不一致。");
}

/* POST /register: send a code, or register. */
enum rc
h_register_post(struct req *r)
{
	struct idno	 id;
	struct jpg	 jpg = { NULL, 0 };
	const char	*phone, *msg;
	unsigned char	 im[MAC_LEN], pm[MAC_LEN], ie[PII_MAX], pe[PII_MAX];
	size_t		 iel, pel;
	char		 hash[PW_HASH_MAX], file[65], birth[11], obj[32];
	long long	 code_id = 0, level = 0, acct;
	int		 open, dbfail = 0;
	enum rc		 rc;

	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/home");
		return RC_OK;
	}
	if ((rc = register_page(r, &open)) != RC_OK)
		return rc;
	xml_keep(r, reg_keep);
	phone = form_text(&r->body, "phone");

	if (form_get(&r->body, "send_code") != NULL) {
		if (!open)
			xml_form_message(r, year_window_closed(r, W_UNSET,
			    W_OUTSIDE));
		if ((msg = phone_free(r, phone, &dbfail)) == NULL && open)
			msg = sms_issue(r, phone, "register");
		if (dbfail || r->status == 503)
			return RC_DB;
		if (msg != NULL)
			xml_field_error(r, "phone", msg);
		else if (open) {
			xml_attr(r->form, "status", "sent");
			xml_form_message(r, "验证码已发送，请查收短信（5分钟内有效）。");
		}
		if (!open) {
			xml_attr(r->form, "status", "invalid");
			r->form_bad = 1;
		}
		return RC_OK;
	}

	if (!open) {
		xml_form_refuse(r, year_window_closed(r, W_UNSET, W_OUTSIDE));
		return RC_OK;
	}
	register_check(r, &id, &jpg, &dbfail);
	if (dbfail)
		return RC_DB;
	if (!r->form_bad && valid_phone(phone) == NULL &&
	    (msg = sms_check(r, phone, "register",
	    form_text(&r->body, "sms_code"), &code_id)) != NULL) {
		if (r->status == 503)
			return RC_DB;
		xml_field_error(r, "sms_code", msg);
	}
	if (r->form_bad) {
		xml_form_message(r, "请按提示修改后重新提交。");
		return RC_OK;
	}

	/* Everything is right: store the photo, then the account. */
	valid_uint(form_text(&r->body, "level"), 1, 5, &level);
	if (passwd_hash(form_get(&r->body, "password"), r->cfg->scrypt_ln,
	    hash, sizeof(hash)) == -1)
		return RC_INTERNAL;
	pii_mac(r->cfg, "idno", id.norm, im);
	pii_mac(r->cfg, "phone", phone, pm);
	snprintf(birth, sizeof(birth), "%04d-%02d-%02d", id.year, id.month,
	    id.day);
	if (files_store(r, jpg.data, jpg.len, file) == -1) {
		xml_field_error(r, "idcard", "照片保存失败，请稍后重新提交。");
		r->status = 503;
		return RC_OK;
	}
	if (db_begin(r) == -1 ||
	    db_exec(r, STMT_ACCOUNT_INSERT, "isbbsssisss", (long long)r->year,
	    form_text(&r->body, "name"), im, sizeof(im), pm, sizeof(pm),
	    id.gender == 'M' ? "M" : "F", birth,
	    form_text(&r->body, "region"), level, file, hash,
	    r->cfg->consent_version) == -1)
		goto fail;
	acct = db_insert_id(r, STMT_ACCOUNT_INSERT);
	/* Sealed bound to the new row's id (pii.c), in the same transaction. */
	if (pii_seal(r->cfg, PII_IDNO, acct, id.norm, ie, sizeof(ie),
	    &iel) == -1 || pii_seal(r->cfg, PII_PHONE, acct, phone, pe,
	    sizeof(pe), &pel) == -1) {
		db_rollback(r);
		files_unlink(r, file);
		return RC_INTERNAL;
	}
	if (db_exec(r, STMT_ACCOUNT_SEAL, "bbi", ie, iel, pe, pel, acct) != 1)
		goto fail;
	snprintf(obj, sizeof(obj), "account:%lld", acct);
	if (sms_use(r, code_id) == -1) {
		db_rollback(r);
		files_unlink(r, file);
		xml_field_error(r, "sms_code", "该验证码已使用，请重新获取。");
		return RC_OK;
	}
	if (audit(r, "register", obj, "ok", r->cfg->consent_version) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	resp_redirect(r, "/login?m=registered");
	return RC_OK;
fail:
	db_rollback(r);
	files_unlink(r, file);
	if (db_dup(r)) {
		xml_field_error(r, "idno", "该身份证号或手机号本年度已注册，请直接登录。");
		r->status = 409;
		return RC_OK;
	}
	return RC_DB;
}

/*
 * POST /sms (for the page's script): sends a registration or reset code
 * and answers <sms status="sent" wait="60"/>, or 400 with the phone's
 * error in the form.  A reset for a phone nobody registered answers
 * "sent" too, without sending.
 */
enum rc
h_sms(struct req *r)
{
	struct who	 a;
	const char	*phone, *purpose, *msg = NULL;
	xmlNodePtr	 s;
	char		 norm[16];
	int		 open = 1, dbfail = 0, unknown = 0, n;

	xml_page(r, PAGE_SMS);
	s = r->root;
	xml_form(r, "/sms");
	phone = form_text(&r->body, "phone");
	purpose = form_text(&r->body, "purpose");
	xml_field(r, "phone", phone);
	/* Registration and reset are the visitor's (db.c's statements too). */
	if (r->role != ROLE_ANON && (strcmp(purpose, "register") == 0 ||
	    strcmp(purpose, "reset") == 0))
		msg = "您已登录，无需注册或找回密码；如需换账号，请先退出。";
	else if (strcmp(purpose, "register") == 0) {
		if (year_window(r, s, "registration", &open) == -1)
			return RC_DB;
		if (!open)
			msg = year_window_closed(r, W_UNSET, W_OUTSIDE);
		else
			msg = phone_free(r, phone, &dbfail);
	} else if (strcmp(purpose, "reset") == 0) {
		/*
		 * An unknown phone answers "sent" like a known one (and
		 * sends nothing), so the answer does not tell who has
		 * registered.  The forgot page's own send step checks the
		 * login and phone together.
		 */
		if ((msg = valid_phone(phone)) == NULL) {
			if ((n = account_find(r, 0, phone, &a, norm,
			    sizeof(norm))) == 0)
				n = account_find(r, 1, phone, &a, norm, sizeof(norm));
			if (n == -1)
				return RC_DB;
			if (n == 0)
				unknown = 1;
		}
	} else
		msg = "验证码用途不正确。";
	if (dbfail)
		return RC_DB;
	if (msg == NULL && !unknown &&
	    (msg = sms_issue(r, phone, purpose)) != NULL &&
	    r->status == 503)
		return RC_DB;
	if (msg != NULL) {
		xml_field_error(r, "phone", msg);
		return RC_OK;
	}
	xml_attr(s, "status", "sent");
	xml_attr(s, "wait", "60");
	return RC_OK;
}
