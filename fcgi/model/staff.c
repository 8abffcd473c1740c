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
 * staff.c: 用户管理 and 本级审核员管理: the staff accounts of an admin's
 * subtree made, edited, disabled, deleted (never once they acted) and
 * reset to the default password (002 §3.4.2, §3.4.3).
 *
 * A new or reset account has the default password 123 and must change
 * it at its next login, with an SMS code to its phone (h_password.c).
 * The default password is public, so its scrypt hash is made once per
 * worker and shared: a city importing three hundred units does not wait
 * for three hundred hashes.
 */

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "unit.h"

#define DEFAULT_PW	"123"

const char staff_acted_msg[] = "该账号已有审核或操作记录，不能删除，只能停用。";

static const struct {
	const char	*role;
	const char	*label;
} staff_roles[] = {
	{ "unit",	 "单位管理员" },
	{ "reviewer",	 "审核员" },
	{ "supervising", "主管单位管理员" },
	{ "county",	 "县区工考办" },
	{ "city",	 "市工考办" },
	{ "province",	 "省工考办" },
};

/* The Chinese name of a staff role, or NULL. */
const char *
staff_role_label(const char *role)
{
	size_t	 i;

	for (i = 0; i < sizeof(staff_roles) / sizeof(staff_roles[0]); i++)
		if (strcmp(staff_roles[i].role, role) == 0)
			return staff_roles[i].label;
	return NULL;
}

/* The hash of the default password (once per worker), or NULL. */
static const char *
staff_default_hash(struct req *r)
{
	static char	 hash[PW_HASH_MAX + 1];

	if (hash[0] == '\0' && passwd_hash(DEFAULT_PW, r->cfg->scrypt_ln,
	    hash, sizeof(hash)) == -1) {
		hash[0] = '\0';
		return NULL;
	}
	return hash;
}

/* The masked phone of account id (sealed enc), "" if it cannot open. */
void
staff_phone_mask(struct req *r, long long id, const unsigned char *enc,
    size_t len, char *out, size_t outsz)
{
	char	 plain[32];

	*out = '\0';
	if (enc != NULL && len > 0 && pii_open(r->cfg, PII_PHONE, id, enc, len,
	    plain, sizeof(plain)) == 0)
		pii_mask_phone(plain, out, outsz);
	OPENSSL_cleanse(plain, sizeof(plain));
}

/*
 * Reads account id into *s if the account manages it (its subtree, not
 * itself).  Returns 1, 0 if not, -1 on a database failure.
 */
int
staff_get(struct req *r, long long id, struct staff *s)
{
	unsigned char	*pe;
	size_t		 pel;
	int		 k;

	if (db_run(r, STMT_SYS_STAFF_GET, r->unit_id, r->account_id,
	    unit_kinds(r->role), id) == -1)
		return -1;
	k = db_row(r, STMT_SYS_STAFF_GET, &s->id, &s->login, &s->name,
	    &s->role, &pe, &pel, &s->unit_id, &s->unit_code, &s->unit_name,
	    &s->disabled, &s->is_admin, &s->must_change);
	if (k != 1)
		return k;
	db_done(r, STMT_SYS_STAFF_GET);
	staff_phone_mask(r, s->id, pe, pel, s->phone, sizeof(s->phone));
	return 1;
}

/* Audits event on account id. */
static const char *
staff_audit(struct req *r, const char *event, long long id,
    const char *reason)
{
	return audit(r, event, pool_printf(r->pool, "account:%lld", id), "ok",
	    reason) == -1 ? field_dbfail : NULL;
}

/*
 * Checks phone for account id (0: a new one): valid, and no other staff
 * account's.  Sets mac.  NULL or a message.
 */
static const char *
staff_phone_check(struct req *r, const char *phone, long long id,
    unsigned char mac[MAC_LEN])
{
	const char	*msg;
	long long	 n = 0;

	if ((msg = valid_phone(phone)) != NULL)
		return msg;
	pii_mac(r->cfg, "phone", phone, mac);
	if (db_run(r, STMT_SYS_PHONE_TAKEN, mac, (size_t)MAC_LEN, id) == -1 ||
	    db_row(r, STMT_SYS_PHONE_TAKEN, &n) == -1)
		return field_dbfail;
	db_done(r, STMT_SYS_PHONE_TAKEN);
	return n > 0 ? "该手机号已被其他管理账号使用。" : NULL;
}

/* Stores phone, sealed, as account id's. */
static const char *
staff_phone_store(struct req *r, long long id, const char *phone,
    const unsigned char mac[MAC_LEN])
{
	unsigned char	 enc[PII_MAX];
	size_t		 len;

	if (db_run(r, STMT_SYS_STAFF_PHONE, mac, (size_t)MAC_LEN, id) == -1 ||
	    pii_seal(r->cfg, PII_PHONE, id, phone, enc, sizeof(enc),
	    &len) == -1 ||
	    db_run(r, STMT_SYS_STAFF_SEAL, enc, len, id) == -1)
		return field_dbfail;
	return NULL;
}

/* Whether login may name a new account: NULL or a message. */
static const char *
staff_login_check(struct req *r, const char *login)
{
	long long	 n = 0;
	size_t		 i, len = strlen(login);

	if (*login == '\0')
		return "请填写登录账号。";
	if (len < 3 || len > 32 || !isalpha((unsigned char)login[0]))
		return "登录账号应为3至32位，以字母开头，只含字母、数字和“_”。";
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)login[i]) && login[i] != '_')
			return "登录账号应为3至32位，以字母开头，只含字母、数字和“_”。";
	if (db_run(r, STMT_SYS_CODE_TAKEN, login, login) == -1 ||
	    db_row(r, STMT_SYS_CODE_TAKEN, &n) == -1)
		return field_dbfail;
	db_done(r, STMT_SYS_CODE_TAKEN);
	return n > 0 ? "该登录账号已被使用（或是某个单位的代码）。" : NULL;
}

/*
 * Makes a staff account of role in unit with login, name and phone, the
 * default password to be changed at its first login.  *id is the new
 * account's; *field names login, name or phone at fault.
 */
const char *
staff_new(struct req *r, const char *role, long long unit,
    const char *login, const char *name, const char *phone, long long *id,
    const char **field)
{
	unsigned char	 mac[MAC_LEN];
	const char	*msg, *hash;

	*field = "login";
	if ((msg = staff_login_check(r, login)) != NULL)
		return msg;
	*field = "name";
	if ((msg = valid_name(name)) != NULL)
		return msg;
	*field = "phone";
	if ((msg = staff_phone_check(r, phone, 0, mac)) != NULL)
		return msg;
	*field = NULL;
	if ((hash = staff_default_hash(r)) == NULL ||
	    db_run(r, STMT_SYS_STAFF_INSERT, role, unit, login, name, mac,
	    (size_t)MAC_LEN, hash) != 1)
		return field_dbfail;
	*id = db_insert_id(r, STMT_SYS_STAFF_INSERT);
	if ((msg = staff_phone_store(r, *id, phone, mac)) != NULL)
		return msg;
	return staff_audit(r, "staff.create", *id, pool_printf(r->pool,
	    "%s %s", role, login));
}

/* Changes the name of s and, when phone is not "", its phone. */
const char *
staff_edit(struct req *r, const struct staff *s, const char *name,
    const char *phone, const char **field)
{
	unsigned char	 mac[MAC_LEN];
	const char	*msg;

	*field = "name";
	if ((msg = valid_name(name)) != NULL)
		return msg;
	*field = "phone";
	if (*phone != '\0' &&
	    (msg = staff_phone_check(r, phone, s->id, mac)) != NULL)
		return msg;
	*field = NULL;
	if (db_run(r, STMT_SYS_STAFF_EDIT, name, s->id) == -1)
		return field_dbfail;
	if (*phone != '\0' &&
	    (msg = staff_phone_store(r, s->id, phone, mac)) != NULL)
		return msg;
	return staff_audit(r, "staff.edit", s->id, *phone != '\0' ?
	    "name, phone" : "name");
}

/* Ends every session and pending login of account id. */
static const char *
staff_logout(struct req *r, long long id)
{
	if (db_run(r, STMT_SYS_SESSIONS_DROP, id) == -1 ||
	    db_run(r, STMT_SYS_PENDING_DROP, id) == -1)
		return field_dbfail;
	return NULL;
}

/* Disables s (on 1: it cannot log in, its sessions end) or enables it. */
const char *
staff_disable(struct req *r, const struct staff *s, int on)
{
	const char	*msg;

	if (db_run(r, STMT_SYS_STAFF_DISABLE, (long long)on, s->id) == -1)
		return field_dbfail;
	if (on && (msg = staff_logout(r, s->id)) != NULL)
		return msg;
	return staff_audit(r, on ? "staff.disable" : "staff.enable", s->id,
	    s->login);
}

/* Deletes s unless it acted (staff_acted_msg: then only disabled). */
const char *
staff_delete(struct req *r, const struct staff *s)
{
	const char	*msg;
	long long	 n = 0;

	if (db_run(r, STMT_SYS_STAFF_ACTED, s->id, s->id, s->id, s->id,
	    s->id, s->id, s->id, s->id) == -1 ||
	    db_row(r, STMT_SYS_STAFF_ACTED, &n) == -1)
		return field_dbfail;
	db_done(r, STMT_SYS_STAFF_ACTED);
	if (n > 0)
		return staff_acted_msg;
	if ((msg = staff_logout(r, s->id)) != NULL ||
	    db_run(r, STMT_SYS_KEEPS_DROP, s->id) == -1 ||
	    db_run(r, STMT_SYS_ADMIN_CLEAR, s->id) == -1 ||
	    db_run(r, STMT_SYS_STAFF_DELETE, s->id) != 1)
		return msg != NULL ? msg : field_dbfail;
	return staff_audit(r, "staff.delete", s->id, s->login);
}

/* Resets s to the default password, to change at its next login. */
const char *
staff_reset(struct req *r, const struct staff *s)
{
	const char	*hash, *msg;

	if ((hash = staff_default_hash(r)) == NULL ||
	    db_run(r, STMT_SYS_STAFF_RESET, hash, s->id) == -1)
		return field_dbfail;
	if ((msg = staff_logout(r, s->id)) != NULL)
		return msg;
	return staff_audit(r, "staff.reset", s->id, s->login);
}
