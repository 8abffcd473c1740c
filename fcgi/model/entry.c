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
 * entry.c: 补报 and 破格/一线 (002 §3.1): an office adds a candidate who
 * did not register himself (e.g. without social insurance), with the
 * checks of registration (person.c).  The account gets the default
 * password, which the candidate must change at his first login with an
 * SMS code to the phone entered (h_password.c); his application is made
 * now, in the unit entered, and for 破格/一线 it carries exc_entered_by,
 * what the eligibility rules read (R20: R1-R16 skipped).
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "entry.h"

/* The kinds of entry and their names (002 §3.1). */
static const struct {
	const char	*kind;
	const char	*name;
} entry_kinds[] = {
	{ "late",		"补报" },
	{ "exceptional",	"破格（一线）" },
};

/* The name of an entry kind, NULL if none. */
const char *
entry_kind_name(const char *kind)
{
	size_t	 i;

	for (i = 0; i < sizeof(entry_kinds) / sizeof(entry_kinds[0]); i++)
		if (strcmp(entry_kinds[i].kind, kind) == 0)
			return entry_kinds[i].name;
	return NULL;
}

/* <units> of the subtree a candidate may be entered in (a datalist). */
int
entry_units_xml(struct req *r, xmlNodePtr parent)
{
	xmlNodePtr	 list, n;
	char		*code, *name;
	int		 k;

	list = xml_el(parent, "units", NULL);
	if (db_run(r, STMT_ENT_UNITS, r->unit_id) == -1)
		return -1;
	while ((k = db_row(r, STMT_ENT_UNITS, &code, &name)) == 1) {
		n = xml_el(list, "unit", NULL);
		xml_attr(n, "code", code);
		xml_attr(n, "name", name);
	}
	return k == -1 ? -1 : 0;
}

/*
 * The unit of code in the account's subtree: its id and its city's
 * region code (the registration's region).  Returns 1, 0, -1 (database).
 */
int
entry_unit(struct req *r, const char *code, long long *id, char **region)
{
	char	*name;
	int	 k;

	if (db_run(r, STMT_ENT_UNIT, r->unit_id, code) == -1 ||
	    (k = db_row(r, STMT_ENT_UNIT, id, &name, region)) == -1)
		return -1;
	db_done(r, STMT_ENT_UNIT);
	return k;
}

/*
 * The account of e, sealed: returns its id, 0 when the ID number or the
 * phone was taken meanwhile (the unique keys), -1 on a failure.
 */
static long long
entry_account(struct req *r, const struct entry_new *e, const char *file)
{
	unsigned char	 im[MAC_LEN], pm[MAC_LEN];
	char		 hash[PW_HASH_MAX], birth[11];
	long long	 acct;
	int		 rc;

	if (passwd_hash(ENTRY_PW, r->cfg->scrypt_ln, hash, sizeof(hash)) == -1)
		return -1;
	pii_mac(r->cfg, "idno", e->p->id.norm, im);
	pii_mac(r->cfg, "phone", e->phone, pm);
	snprintf(birth, sizeof(birth), "%04d-%02d-%02d", e->p->id.year,
	    e->p->id.month, e->p->id.day);
	rc = db_run(r, STMT_ENT_ACCOUNT, (long long)r->year, e->name, im,
	    sizeof(im), pm, sizeof(pm), e->p->id.gender == 'M' ? "M" : "F",
	    birth, e->region, e->level, file, hash);
	OPENSSL_cleanse(hash, sizeof(hash));
	if (rc == -1)
		return db_dup(r) ? 0 : -1;
	acct = db_insert_id(r, STMT_ENT_ACCOUNT);
	return person_seal(r, acct, e->p->id.norm, e->phone) == 1 ? acct : -1;
}

/*
 * The application of account acct, in e's unit, with the ID-card photo
 * (file2, a copy as app_create makes) as its idcard material, and the
 * entries row.  Returns 0, -1 on a database failure.
 */
static int
entry_rows(struct req *r, const struct entry_new *e, long long acct,
    const char *file2)
{
	long long	 app, exc;

	exc = strcmp(e->kind, "exceptional") == 0 ? r->account_id : 0;
	if (db_run(r, STMT_ENT_APP, acct, (long long)r->year, e->unit_id,
	    e->level, exc) != 1)
		return -1;
	app = db_insert_id(r, STMT_ENT_APP);
	if (db_run(r, STMT_ENT_IDCARD, app, file2, (long long)e->jpg_len,
	    r->account_id) != 1 ||
	    db_run(r, STMT_ENT_INSERT, (long long)r->year, acct, e->kind,
	    e->unit_id, e->reason, r->account_id) != 1)
		return -1;
	return 0;
}

/*
 * Adds the candidate of e: the photo stored twice (the account's and
 * the application's), then the account, application, material, entry
 * and audit row in one transaction.  Returns 1 done, 0 when the ID
 * number or phone was taken meanwhile (a message at the field), -1 on a
 * failure (nothing stored).
 */
int
entry_add(struct req *r, const struct entry_new *e)
{
	char		 file[65], file2[65];
	long long	 acct = -1;

	if (files_store(r, e->jpg, e->jpg_len, file) == -1)
		return -1;
	if (files_store(r, e->jpg, e->jpg_len, file2) == -1) {
		files_unlink(r, file);
		return -1;
	}
	if (db_begin(r) == -1 || (acct = entry_account(r, e, file)) <= 0 ||
	    entry_rows(r, e, acct, file2) == -1 ||
	    audit(r, strcmp(e->kind, "late") == 0 ? "entry.late" :
	    "entry.exceptional", pool_printf(r->pool, "account:%lld", acct),
	    "ok", e->reason) == -1 || db_commit(r) == -1) {
		db_rollback(r);
		files_unlink(r, file);
		files_unlink(r, file2);
		if (acct != 0)
			return -1;
		xml_field_error(r, "idno", "该身份证号或手机号本年度已注册，不能重复添加。");
		return 0;
	}
	return 1;
}

/* One row of the list: the person masked, as 报名查询 shows it. */
static void
entry_row(struct req *r, xmlNodePtr list, char **s, long long *v,
    const unsigned char *ie, size_t iel, const unsigned char *pe, size_t pel)
{
	xmlNodePtr	 n;
	char		 plain[32], m[64];

	n = xml_el(list, "row", NULL);
	xml_attrf(n, "id", "%lld", v[0]);
	xml_attr(n, "kind", s[0]);
	xml_attr(n, "kind-name", entry_kind_name(s[0]));
	pii_mask_name(s[1], m, sizeof(m));
	xml_attr(n, "name", m);
	if (ie != NULL && pii_open(r->cfg, PII_IDNO, v[1], ie, iel, plain,
	    sizeof(plain)) == 0) {
		pii_mask_idno(plain, m, sizeof(m));
		xml_attr(n, "idno", m);
	}
	if (pe != NULL && pii_open(r->cfg, PII_PHONE, v[1], pe, pel, plain,
	    sizeof(plain)) == 0) {
		pii_mask_phone(plain, m, sizeof(m));
		xml_attr(n, "phone", m);
	}
	OPENSSL_cleanse(plain, sizeof(plain));
	xml_attr(n, "unit", s[2]);
	if (v[2] >= 1 && v[2] <= 5) {
		xml_attrf(n, "level", "%lld", v[2]);
		xml_attr(n, "level-name", xml_level_name((int)v[2]));
	}
	xml_attr(n, "reason", s[3]);
	xml_attr(n, "by", s[4]);
	if (*s[5] != '\0')
		xml_attr(n, "by-unit", s[5]);
	xml_attr(n, "at", s[6]);
	if (v[3])
		xml_attr(n, "revoked", "1");
}

/*
 * Appends <list k page pages total size> with the entries of this year
 * in the account's subtree, of kind ("" every kind), page page.
 * Returns 0, or -1 on a database failure.
 */
int
entry_list_xml(struct req *r, xmlNodePtr parent, const char *kind,
    long long page)
{
	xmlNodePtr	 list;
	unsigned char	*ie, *pe;
	size_t		 iel, pel;
	char		*s[7];
	long long	 v[4], total = 0;
	int		 k;

	if (db_run(r, STMT_ENT_COUNT, r->unit_id, (long long)r->year, kind,
	    kind) == -1 || db_row(r, STMT_ENT_COUNT, &total) == -1)
		return -1;
	db_done(r, STMT_ENT_COUNT);
	list = xml_el(parent, "list", NULL);
	xml_attr(list, "k", *kind ? kind : "all");
	xml_attrf(list, "page", "%lld", page);
	xml_attrf(list, "pages", "%lld", (total + ENTRY_PAGE - 1) / ENTRY_PAGE);
	xml_attrf(list, "total", "%lld", total);
	xml_attrf(list, "size", "%d", ENTRY_PAGE);
	if (db_run(r, STMT_ENT_LIST, r->unit_id, (long long)r->year, kind,
	    kind, (long long)ENTRY_PAGE, (page - 1) * ENTRY_PAGE) == -1)
		return -1;
	while ((k = db_row(r, STMT_ENT_LIST, &v[0], &s[0], &v[1], &ie, &iel,
	    &pe, &pel, &s[1], &s[2], &v[2], &s[3], &s[4], &s[5], &v[3],
	    &s[6])) == 1)
		entry_row(r, list, s, v, ie, iel, pe, pel);
	return k == -1 ? -1 : 0;
}
