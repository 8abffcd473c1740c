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

#include <openssl/crypto.h>

#include "web.h"
#include "entry.h"


/* Outside the registration window (year_window_closed). */
#define W_UNSET		"本年度注册报名时间尚未公布，请关注当地工考办通知。"
#define W_OUTSIDE	"不能注册。"

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

/*
 * GET /register?consent=VERSION (R_INPAGE: any other consent, even a
 * malformed one, goes to the notice).
 */
const struct fielddef h_register_fields[] = {
	{ "consent", FT_TEXT, FL_QUERY | FL_REQ, 1, 64, "请先阅读申报人员须知。",
	    "请先阅读申报人员须知。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_register(struct req *r)
{
	const char	*c = r->fv[0].s;
	enum rc		 rc;

	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/home");
		return RC_OK;
	}
	if (r->fv[0].err != NULL || strcmp(c, r->cfg->consent_version) != 0) {
		resp_redirect(r, "/register/notice");
		return RC_OK;
	}
	if ((rc = register_page(r, NULL)) != RC_OK)
		return rc;
	xml_field(r, "consent", c);
	return RC_OK;
}

/*
 * The fields of POST /register, checked by the field map before the
 * handler runs: each only as to its own form (the region as to the
 * table of regions), the person's as 补报 and 破格 check them (person.c),
 * nothing that tells whether an ID number or a phone is registered: that
 * is said only once the SMS code is verified (reg_taken).  Secret ones
 * (the passwords, the code, the kept token, the button) are never
 * echoed.  The ID-card photo is a file part: reg_photo reads it.
 */
enum { RF_CONSENT, RF_REGION, RF_LEVEL, RF_PERSON,
    RF_PASSWORD = RF_PERSON + PERSON__MAX, RF_PASSWORD2, RF_SMSCODE, RF_KEEP,
    RF_SEND };

#define MSG_CONSENT	"请先阅读申报人员须知并勾选“已阅读并同意”。"
#define MSG_REGION	"请选择省辖市、直辖县。"

/* The consent given must be the current one. */
static const char *
reg_field_consent(struct req *r, const struct fielddef *f, struct fval *v)
{
	return strcmp(v->s, r->cfg->consent_version) == 0 ? NULL : f->need;
}

/* A city or directly administered county by its six digits. */
static const char *
reg_field_region(struct req *r, const struct fielddef *f, struct fval *v)
{
	char	*rname, *rkind;
	int	 k;

	if (strlen(v->s) != 6 || strspn(v->s, "0123456789") != 6)
		return f->need;
	if (db_run(r, STMT_REGION_GET, v->s) == -1 ||
	    (k = db_row(r, STMT_REGION_GET, &rname, &rkind)) == -1)
		return field_dbfail;
	db_done(r, STMT_REGION_GET);
	if (k == 0 || (strcmp(rkind, "city") != 0 &&
	    strcmp(rkind, "direct_county") != 0))
		return f->need;
	return NULL;
}

const struct fielddef h_register_post_fields[] = {
	[RF_CONSENT] = { "consent", FT_TEXT, FL_REQ, 0, 64, MSG_CONSENT,
	    MSG_CONSENT, NULL, reg_field_consent },
	[RF_REGION] = { "region", FT_TEXT, FL_REQ, 0, 64, MSG_REGION,
	    MSG_REGION, NULL, reg_field_region },
	[RF_LEVEL] = { "level", FT_UINT, FL_REQ, 1, 5, "请选择申报等级。",
	    "请选择申报等级。", NULL, NULL },
	[RF_PERSON] = PERSON_FIELDS,
	/* As typed: reg_password checks them, the hash takes them whole. */
	[RF_PASSWORD] = { "password", FT_TEXT, FL_RAW | FL_SECRET, 0, 1000,
	    NULL, NULL, NULL, NULL },
	[RF_PASSWORD2] = { "password2", FT_TEXT, FL_RAW | FL_SECRET, 0, 1000,
	    NULL, NULL, NULL, NULL },
	/* sms_check says what is wrong with a code. */
	[RF_SMSCODE] = { "sms_code", FT_TEXT, FL_SECRET, 0, 1000, NULL, NULL,
	    NULL, NULL },
	[RF_KEEP] = { "keep", FT_TEXT, FL_RAW | FL_SECRET, 0, 1000, NULL,
	    NULL, NULL, NULL },
	[RF_SEND] = { "send_code", FT_TEXT, FL_SECRET, 0, 1000, NULL, NULL,
	    NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* The values of the person's fields (PERSON_IDNO...) */
#define RV(i)	(r->fv[RF_PERSON + (i)].s)

/*
 * The form's values as sent (those given, secret ones aside), as the
 * page puts them back; with errors (the field map's), each next to its
 * field.
 */
static void
reg_values(struct req *r, int errors)
{
	const struct fielddef	*d = h_register_post_fields;
	size_t			 i;

	for (i = 0; d[i].key != NULL; i++) {
		if (r->fv[i].given && !(d[i].flags & FL_SECRET))
			xml_field(r, d[i].key, r->fv[i].s);
		if (errors && r->fv[i].err != NULL)
			xml_field_error(r, d[i].key, r->fv[i].err);
	}
}

/*
 * What one registration POST found, besides the errors next to the
 * fields: the kept state of the retry, the photo, the SMS code.
 */
struct reg {
	struct regkeep		 keep;
	struct person		 p;		/* ID number, name (person.c) */
	const unsigned char	*photo;		/* to keep; NULL: as kept */
	size_t			 photo_len;
	int			 photo_clean;	/* ... re-encoded */
	int			 pw_ok;		/* the password passed */
	int			 pw_kept;	/* ... as kept, not typed */
	int			 sms_ok;	/* the SMS code is verified */
	long long		 code_id;	/* ... this one */
	unsigned char		*jpg;		/* re-encoded; freed by pool */
	size_t			 jpg_len;
};

/* The keyed hash binding a kept password to the ID number and name. */
static void
reg_pw_for(struct req *r, const struct reg *g, unsigned char out[MAC_LEN])
{
	char	*s;

	s = pool_printf(r->pool, "%s\n%s", g->p.id_ok ? g->p.id.norm : "",
	    RV(PERSON_NAME));
	pii_mac(r->cfg, "pwfor", s, out);
}

/*
 * Both passwords, or none and the one kept for this ID number and name
 * (kept only when it was checked against a valid ID number and name).
 */
static void
reg_password(struct req *r, struct reg *g)
{
	const char	*pw, *pw2, *msg, *msg2 = NULL;
	unsigned char	 m[MAC_LEN];

	/* Checked as trimmed, as every field; hashed as typed. */
	pw = form_trim(pool_strdup(r->pool, r->fv[RF_PASSWORD].s));
	pw2 = form_trim(pool_strdup(r->pool, r->fv[RF_PASSWORD2].s));
	if (*pw == '\0' && *pw2 == '\0' && g->keep.pw_hash[0] != '\0') {
		reg_pw_for(r, g, m);
		if (CRYPTO_memcmp(m, g->keep.pw_for, MAC_LEN) == 0) {
			g->pw_ok = g->pw_kept = 1;
			return;
		}
		g->keep.pw_hash[0] = '\0';
		xml_field_error(r, "password", "身份证号或姓名已修改，请重新设置密码。");
		return;
	}
	g->keep.pw_hash[0] = '\0';
	if (*pw == '\0')
		msg = "请输入密码。";
	else
		msg = passwd_check_candidate(pw, RV(PERSON_IDNO),
		    RV(PERSON_NAME));
	if (msg != NULL)
		xml_field_error(r, "password", msg);
	if (*pw2 == '\0')
		msg2 = "请再次输入密码。";
	else if (strcmp(pw, pw2) != 0)
		msg2 = "两次输入的密码不一致。";
	if (msg2 != NULL)
		xml_field_error(r, "password2", msg2);
	/* Checked against a wrong ID number or name, it is not kept. */
	g->pw_ok = msg == NULL && msg2 == NULL && g->p.id_ok && g->p.name_ok;
}

/* Forgets the photo of g: the upload, and the kept file. */
static void
reg_photo_drop(struct req *r, struct reg *g)
{
	g->photo = NULL;
	g->photo_len = 0;
	g->photo_clean = 0;
	if (g->keep.file[0] != '\0')
		files_unlink(r, g->keep.file);
	g->keep.file[0] = '\0';
	g->keep.clean = 0;
}

/*
 * The ID-card photo: a new one is checked from its header only (nothing
 * is decoded before the SMS code is verified) and replaces the kept one;
 * without a new one the kept one stands.
 */
static void
reg_photo(struct req *r, struct reg *g)
{
	const struct field	*f = form_field(&r->body, "idcard");
	struct jpeg_out		 out;
	const char		*msg;

	if (f == NULL || f->filename == NULL ||
	    (*f->filename == '\0' && f->len == 0)) {
		if (g->keep.file[0] == '\0')
			xml_field_error(r, "idcard",
			    "请选择身份证照片，上传后方可进行注册。");
		return;
	}
	reg_photo_drop(r, g);
	if ((msg = jpeg_decode((const unsigned char *)f->value, f->len,
	    MAX_JPEG, 0, 0, JPEG_HEADER, &out)) != NULL) {
		xml_field_error(r, "idcard", msg);
		return;
	}
	g->photo = (const unsigned char *)f->value;
	g->photo_len = f->len;
}

/*
 * The SMS code: the one typed, or the one verified earlier for this
 * phone (kept; it stays good for its own 5 minutes).  Only a verified
 * code lets the registration say more (reg_taken) or decode the photo.
 * Returns 0, or -1 on a database failure.
 */
static int
reg_sms(struct req *r, struct reg *g)
{
	const char	*phone = RV(PERSON_PHONE);
	const char	*code = r->fv[RF_SMSCODE].s, *msg;
	unsigned char	 pm[MAC_LEN];
	int		 k;

	if (r->fv[RF_PERSON + PERSON_PHONE].err != NULL)
		return 0;	/* the phone's own error says enough */
	pii_mac(r->cfg, "phone", phone, pm);
	if (*code == '\0' && g->keep.sms_id != 0 &&
	    CRYPTO_memcmp(pm, g->keep.phone_mac, MAC_LEN) == 0) {
		if ((k = regkeep_sms_ok(r, &g->keep)) == -1)
			return -1;
		if (k == 1) {
			g->sms_ok = 1;
			g->code_id = g->keep.sms_id;
			return 0;
		}
		g->keep.sms_id = 0;
		xml_field_error(r, "sms_code",
		    "验证码已过期（有效期5分钟），请重新获取。");
		return 0;
	}
	g->keep.sms_id = 0;
	if ((msg = sms_check(r, phone, "register", code, &g->code_id)) != NULL) {
		if (r->status == 503)
			return -1;
		xml_field_error(r, "sms_code", msg);
		return 0;
	}
	g->sms_ok = 1;
	g->keep.sms_id = g->code_id;
	memcpy(g->keep.phone_mac, pm, MAC_LEN);
	return 0;
}

/*
 * Once the SMS code is verified, and only then (before, the answer must
 * not tell who has registered): the ID number and the phone must be free
 * this year, and the ID number not barred (person_taken).  Returns 0, or
 * -1 on a database failure.
 */
static int
reg_taken(struct req *r, struct reg *g)
{
	return person_taken(r, &g->p, RV(PERSON_PHONE));
}

/*
 * Decodes the ID-card photo (the new upload, or the kept one unless it
 * is clean already) and encodes its pixels again, as uploads are
 * (h_upload.c upload_check), so no EXIF block or bytes appended after
 * the image reach the disk.  Returns 0, or -1 when refused (the message
 * at the field) or failed.
 */
static int
reg_idcard(struct req *r, struct reg *g)
{
	const unsigned char	*buf = g->photo;
	size_t			 len = g->photo_len;
	const char		*msg;

	if (buf == NULL) {
		if (g->keep.file[0] == '\0')
			return -1;
		if ((buf = files_read(r, g->keep.file, MAX_JPEG, &len)) == NULL) {
			g->keep.file[0] = '\0';
			xml_field_error(r, "idcard", "请重新选择身份证照片。");
			return -1;
		}
		if (g->keep.clean) {
			g->jpg = (unsigned char *)buf;
			g->jpg_len = len;
			return 0;
		}
	}
	if ((msg = person_idcard(buf, len, &g->jpg, &g->jpg_len)) != NULL) {
		reg_photo_drop(r, g);
		xml_field_error(r, "idcard", msg);
		return -1;
	}
	pool_cleanup(r->pool, free, g->jpg);
	/* What is kept from now on is the clean photo. */
	reg_photo_drop(r, g);
	g->photo = g->jpg;
	g->photo_len = g->jpg_len;
	g->photo_clean = 1;
	return 0;
}

/*
 * Every check of a registration, in the order that bounds what an
 * anonymous visitor learns and costs: the fields, then the SMS code,
 * then (verified only) whether the ID number or phone is taken and the
 * photo's pixels.  Returns 0, or -1 on a database failure.
 */
static int
reg_check(struct req *r, struct reg *g)
{
	reg_values(r, 1);	/* the fields, checked before the handler */
	reg_photo(r, g);
	person_check(r, &r->fv[RF_PERSON], &g->p);
	reg_password(r, g);
	if (reg_sms(r, g) == -1)
		return -1;
	if (!g->sms_ok)
		return 0;
	if (reg_taken(r, g) == -1)
		return -1;
	(void)reg_idcard(r, g);
	return 0;
}

/*
 * A refused registration keeps what passed for the retry (regkeep.c):
 * the photo (stored now), the verified SMS code and the password's hash,
 * and tells the page with <kept token photo sms password/>.  Returns 0,
 * or -1 on a failure.
 */
static int
reg_keep(struct req *r, struct reg *g)
{
	xmlNodePtr	 k;
	int		 room = 0;

	if (g->photo != NULL && (room = regkeep_photo_room(r)) == -1)
		return -1;
	if (g->photo != NULL && room) {
		if (files_store(r, g->photo, g->photo_len, g->keep.file) == -1)
			g->keep.file[0] = '\0';
		g->keep.clean = g->photo_clean;
	}
	if (g->pw_ok && !g->pw_kept) {
		if (passwd_hash(r->fv[RF_PASSWORD].s,
		    r->cfg->scrypt_ln, g->keep.pw_hash,
		    sizeof(g->keep.pw_hash)) == -1)
			return -1;
		reg_pw_for(r, g, g->keep.pw_for);
	}
	if (g->keep.file[0] == '\0' && g->keep.sms_id == 0 &&
	    g->keep.pw_hash[0] == '\0')
		return regkeep_drop(r, &g->keep);
	if (regkeep_save(r, &g->keep) == -1) {
		if (room && g->keep.file[0] != '\0')
			files_unlink(r, g->keep.file);
		return -1;
	}
	k = xml_el(r->root, "kept", NULL);
	xml_attr(k, "token", g->keep.token);
	if (g->keep.file[0] != '\0')
		xml_attr(k, "photo", "1");
	if (g->keep.sms_id != 0)
		xml_attr(k, "sms", "1");
	if (g->keep.pw_hash[0] != '\0')
		xml_attr(k, "password", "1");
	return 0;
}

/*
 * Stores the photo and the account of a registration whose every check
 * passed, uses the SMS code and drops what was kept.
 */
static enum rc
reg_insert(struct req *r, struct reg *g)
{
	const char	*phone = RV(PERSON_PHONE);
	unsigned char	 im[MAC_LEN], pm[MAC_LEN];
	char		 hash[PW_HASH_MAX], file[65], birth[11], obj[32];
	long long	 level = r->fv[RF_LEVEL].n, acct;
	int		 k;

	if (g->pw_kept)
		snprintf(hash, sizeof(hash), "%s", g->keep.pw_hash);
	else if (passwd_hash(r->fv[RF_PASSWORD].s,
	    r->cfg->scrypt_ln, hash, sizeof(hash)) == -1)
		return RC_INTERNAL;
	pii_mac(r->cfg, "idno", g->p.id.norm, im);
	pii_mac(r->cfg, "phone", phone, pm);
	snprintf(birth, sizeof(birth), "%04d-%02d-%02d", g->p.id.year,
	    g->p.id.month, g->p.id.day);
	if (files_store(r, g->jpg, g->jpg_len, file) == -1) {
		xml_field_error(r, "idcard", "照片保存失败，请稍后重新提交。");
		r->status = 503;
		return RC_OK;
	}
	if (db_begin(r) == -1 ||
	    db_run(r, STMT_ACCOUNT_INSERT, (long long)r->year,
	    RV(PERSON_NAME), im, sizeof(im), pm, sizeof(pm),
	    g->p.id.gender == 'M' ? "M" : "F", birth,
	    r->fv[RF_REGION].s, level, file, hash,
	    r->cfg->consent_version) == -1)
		goto fail;
	acct = db_insert_id(r, STMT_ACCOUNT_INSERT);
	/* Sealed bound to the new row's id (pii.c), in the same transaction. */
	if ((k = person_seal(r, acct, g->p.id.norm, phone)) != 1) {
		db_rollback(r);
		files_unlink(r, file);
		return k == -2 ? RC_INTERNAL : RC_DB;
	}
	snprintf(obj, sizeof(obj), "account:%lld", acct);
	if (sms_use(r, g->code_id) == -1) {
		db_rollback(r);
		files_unlink(r, file);
		xml_field_error(r, "sms_code", "该验证码已使用，请重新获取。");
		return RC_OK;
	}
	if (audit(r, "register", obj, "ok", r->cfg->consent_version) == -1 ||
	    regkeep_drop(r, &g->keep) == -1 || db_commit(r) == -1)
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
 * The no-script 获取验证码 of the form: send a code to the phone, any
 * valid one (as POST /sms does): whether it is registered is said only
 * once the code is verified (reg_taken), never to whoever merely asks.
 */
static enum rc
reg_send_code(struct req *r, int open)
{
	const char	*phone = RV(PERSON_PHONE), *msg;

	if (!open)
		xml_form_message(r, year_window_closed(r, W_UNSET, W_OUTSIDE));
	if ((msg = r->fv[RF_PERSON + PERSON_PHONE].err) == NULL && open &&
	    (msg = sms_issue(r, phone, "register")) != NULL &&
	    r->status == 503)
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

/* POST /register (h_register_post_fields): send a code, or register. */
enum rc
h_register_post(struct req *r)
{
	struct reg	 g;
	int		 open;
	enum rc		 rc;

	if (r->role != ROLE_ANON) {
		resp_redirect(r, "/home");
		return RC_OK;
	}
	if ((rc = register_page(r, &open)) != RC_OK)
		return rc;
	reg_values(r, 0);
	if (r->fv[RF_SEND].given)
		return reg_send_code(r, open);
	if (!open) {
		xml_form_refuse(r, year_window_closed(r, W_UNSET, W_OUTSIDE));
		return RC_OK;
	}
	memset(&g, 0, sizeof(g));
	if (regkeep_sweep(r) == -1 ||
	    regkeep_load(r, r->fv[RF_KEEP].given ? r->fv[RF_KEEP].s : NULL,
	    &g.keep) == -1 ||
	    reg_check(r, &g) == -1)
		return RC_DB;
	if (r->form_bad) {
		/* A failure to keep costs only the convenience. */
		if (reg_keep(r, &g) == -1)
			log_warnx("%s: nothing kept for the retry", __func__);
		xml_form_message(r, "请按提示修改后重新提交。");
		return RC_OK;
	}
	return reg_insert(r, &g);
}

/*
 * GET /register/photo?k=TOKEN: the ID-card photo a refused registration
 * kept, shown as a thumbnail on its retry; only to the anonymous cookie
 * it was kept for, sent by nginx (X-Accel-Redirect) like /files.  Any
 * other k is not found (R_INPAGE).
 */
const struct fielddef h_register_photo_fields[] = {
	{ "k", FT_TEXT, FL_QUERY | FL_REQ, TOKEN_LEN, TOKEN_LEN, "没有这张照片。",
	    "没有这张照片。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

enum rc
h_register_photo(struct req *r)
{
	struct regkeep	 k;
	int		 n;

	if (r->role != ROLE_ANON || r->fv[0].err != NULL)
		return RC_NOTFOUND;
	if ((n = regkeep_load(r, r->fv[0].s, &k)) == -1)
		return RC_DB;
	if (n == 0 || k.file[0] == '\0')
		return RC_NOTFOUND;
	resp_file(r, pool_printf(r->pool, FILES_URI "/%.2s/%s", k.file,
	    k.file), "image/jpeg", "inline; filename=\"idcard.jpg\"");
	return RC_OK;
}

/* The fields of POST /sms (the captcha's answer is captcha.c's). */
enum { SF_PHONE, SF_PURPOSE };
static const char *const purposes[] = { "register", "reset", NULL };
const struct fielddef h_sms_fields[] = {
	[SF_PHONE] = { "phone", FT_TEXT, FL_REQ, 1, 32, "请输入11位手机号码。",
	    "请输入11位手机号码。", NULL, field_check_phone },
	[SF_PURPOSE] = { "purpose", FT_CHOICE, FL_REQ, 0, 0,
	    "验证码用途不正确。", "验证码用途不正确。", purposes, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * POST /sms (for the page's script): sends a registration or reset code
 * and answers <sms status="sent" wait="60"/>, or 400 with the phone's
 * (or the captcha's) error in the form.  The answer never depends on
 * whether the phone is registered (issue 7): a registration code needs
 * the captcha and goes to any phone ("already registered" is said only
 * after the code, by /register); a reset code goes only to a phone that
 * has an account, and for any other the same code is recorded but not
 * sent (sms_pretend), so the limits answer alike too.  Fields:
 * h_sms_fields.
 */
enum rc
h_sms(struct req *r)
{
	struct who	 a;
	const struct fval *p = &r->fv[SF_PURPOSE];
	const char	*phone = r->fv[SF_PHONE].s, *purpose = p->s;
	const char	*msg = NULL;
	xmlNodePtr	 s;
	char		 norm[16];
	int		 open = 1, known = 0;

	xml_page(r, PAGE_SMS);
	s = r->root;
	xml_form(r, "/sms");
	xml_field(r, "phone", phone);
	/* Registration and reset are the visitor's (db.c's statements too). */
	if (p->err != NULL)
		msg = p->err;
	else if (r->role != ROLE_ANON)
		msg = "您已登录，无需注册或找回密码；如需换账号，请先退出。";
	else if (strcmp(purpose, "register") == 0) {
		if (year_window(r, s, "registration", &open) == -1)
			return RC_DB;
		msg = open ? r->fv[SF_PHONE].err :
		    year_window_closed(r, W_UNSET, W_OUTSIDE);
		known = 1;
	} else {
		if ((msg = r->fv[SF_PHONE].err) == NULL) {
			if ((known = account_find(r, 0, phone, &a, norm,
			    sizeof(norm))) == 0)
				known = account_find(r, 1, phone, &a, norm,
				    sizeof(norm));
			if (known == -1)
				return RC_DB;
		}
	}
	if (msg == NULL && (msg = known ? sms_issue(r, phone, purpose) :
	    sms_pretend(r, phone, purpose)) != NULL && r->status == 503)
		return RC_DB;
	if (msg != NULL) {
		xml_field_error(r, "phone", msg);
		return RC_OK;
	}
	xml_attr(s, "status", "sent");
	xml_attrf(s, "wait", "%d", SMS_WAIT);
	return RC_OK;
}
