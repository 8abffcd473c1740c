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
 * person.c: the checks of the person a new candidate account names, the
 * same for a registration (h_register.c) and an office's 补报 or 破格
 * entry (entry.c): the ID number and what it holds, the name, the phone,
 * whether they are free this year, the ID-card photo, and the sealing of
 * the new account's ID number and phone.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "entry.h"

#define QUALITY_SCAN	85	/* JPEG quality, as h_upload.c's scans */

/* The ID number's own form (idno_parse): a field check (PERSON_FIELDS). */
const char *
person_field_idno(struct req *r, const struct fielddef *f, struct fval *v)
{
	struct idno	 id;
	enum idno_err	 ik;

	(void)r;
	(void)f;
	return (ik = idno_parse(v->s, &id)) == IDNO_OK ? NULL :
	    idno_strerror(ik);
}

/* A birth date's own form (valid_date): a field check (PERSON_FIELDS). */
const char *
person_field_birth(struct req *r, const struct fielddef *f, struct fval *v)
{
	int	 y, mo, d;

	(void)r;
	(void)f;
	return valid_date(v->s, &y, &mo, &d);
}

/* A name (valid_name): a field check (PERSON_FIELDS). */
const char *
person_field_name(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	(void)f;
	return valid_name(v->s);
}

/*
 * What the fields of a person (pf, the block PERSON_FIELDS of the
 * route's fields, each checked as to its own form by the field map) say
 * together: the ID number, and the birth date and gender it holds: when
 * those are left empty they are taken from it (and shown so); when
 * given they must agree with it.  The messages go next to the fields
 * (after field_xml, so a field's own message comes first).
 */
void
person_check(struct req *r, const struct fval *pf, struct person *p)
{
	const struct fval	*b = &pf[PERSON_BIRTH];
	const struct fval	*g = &pf[PERSON_GENDER];
	char			 birth[11], gender[2];
	int			 y, mo, d;

	p->id_ok = pf[PERSON_IDNO].err == NULL &&
	    idno_parse(pf[PERSON_IDNO].s, &p->id) == IDNO_OK;
	p->name_ok = pf[PERSON_NAME].err == NULL;
	if (*b->s == '\0' && p->id_ok) {
		snprintf(birth, sizeof(birth), "%04d-%02d-%02d", p->id.year,
		    p->id.month, p->id.day);
		xml_field(r, "birth", birth);
	} else if (*b->s != '\0' && b->err == NULL && p->id_ok &&
	    valid_date(b->s, &y, &mo, &d) == NULL && (y != p->id.year ||
	    mo != p->id.month || d != p->id.day))
		xml_field_error(r, "birth", "出生日期与身份证号不一致，请核对。");
	if (*g->s == '\0' && p->id_ok) {
		gender[0] = p->id.gender == 'M' ? 'M' : 'F';
		gender[1] = '\0';
		xml_field(r, "gender", gender);
	} else if (*g->s != '\0' && p->id_ok && ((strcmp(g->s, "M") &&
	    strcmp(g->s, "F")) || *g->s != p->id.gender))
		xml_field_error(r, "gender", "性别与身份证号不一致，请核对。");
}

/*
 * The ID number of p (when it parsed) and phone must be free this year,
 * and the ID number not barred for 填报虚假信息 (ban.c); a revoked
 * registration holds neither (revoke.c).  The messages go next to the
 * fields.  Returns 0, or -1 on a database failure.
 */
int
person_taken(struct req *r, const struct person *p, const char *phone)
{
	struct who	 a;
	unsigned char	 m[MAC_LEN];
	const char	*msg;
	char		 norm[16];
	int		 k;

	if (p->id_ok) {
		pii_mac(r->cfg, "idno", p->id.norm, m);
		if (db_run(r, STMT_ACCOUNT_BY_IDNO, (long long)r->year,
		    m, sizeof(m)) == -1 || (k = db_row(r,
		    STMT_ACCOUNT_BY_IDNO, &a.id, &a.role, &a.name,
		    &a.pw_hash, &a.phone_mac, &a.phone_mac_len, &a.idno_enc,
		    &a.idno_enc_len)) == -1)
			return -1;
		db_done(r, STMT_ACCOUNT_BY_IDNO);
		if (k == 1)
			xml_field_error(r, "idno", r->role == ROLE_ANON ?
			    "该身份证号本年度已注册，请直接登录；如忘记密码，"
			    "请使用“忘记密码”。" : "该身份证号本年度已注册，"
			    "不能重复添加；如系他人冒用身份证号注册，请先撤销该注册。");
		else if ((k = ban_find(r, m, &msg)) == -1)
			return -1;
		else if (k == 1)
			xml_field_error(r, "idno", msg);
	}
	if (valid_phone(phone) != NULL)
		return 0;
	if ((k = account_find(r, 0, phone, &a, norm, sizeof(norm))) == -1)
		return -1;
	if (k == 1)
		xml_field_error(r, "phone", r->role == ROLE_ANON ?
		    "该手机号本年度已注册，请直接登录或使用其他手机号。" :
		    "该手机号本年度已注册，请使用其他手机号。");
	return 0;
}

/*
 * Decodes the ID-card photo buf (len bytes) and encodes its pixels again,
 * as uploads are (h_upload.c upload_check), so no EXIF block or bytes
 * appended after the image reach the disk.  Returns NULL with *out (to
 * free(3)) and *outlen set, else the message.
 */
const char *
person_idcard(const unsigned char *buf, size_t len, unsigned char **out,
    size_t *outlen)
{
	struct image	 img;
	const char	*msg;
	int		 rc;

	*out = NULL;
	*outlen = 0;
	if ((msg = image_decode(buf, len, MAX_JPEG, &img)) != NULL)
		return msg;
	rc = image_encode(&img, QUALITY_SCAN, out, outlen);
	image_free(&img);
	if (rc == -1) {
		log_warnx("%s: image_encode failed", __func__);
		return "图片处理失败，请稍后重新上传。";
	}
	return NULL;
}

/*
 * Seals the ID number idno and the phone of new account acct, bound to
 * its id (pii.c), inside the transaction that made it.  Returns 1, 0
 * when the row was sealed already or is gone, -1 on a database failure,
 * -2 when sealing failed.
 */
int
person_seal(struct req *r, long long acct, const char *idno,
    const char *phone)
{
	unsigned char	 ie[PII_MAX], pe[PII_MAX];
	size_t		 iel, pel;

	if (pii_seal(r->cfg, PII_IDNO, acct, idno, ie, sizeof(ie),
	    &iel) == -1 || pii_seal(r->cfg, PII_PHONE, acct, phone, pe,
	    sizeof(pe), &pel) == -1)
		return -2;
	return db_run(r, STMT_ACCOUNT_SEAL, ie, iel, pe, pel, acct);
}
