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
 * revoke.c: revoking a registration made with someone else's ID number
 * (issue 8 §8), by a county, city or province office within its
 * subtree, with a reason.  In one transaction: the account's lookup
 * values (ID number, phone) move to a revocations row, which frees the
 * unique keys so the real person can register; the account is marked
 * revoked (no login finds it: it has no ID number or phone to be found
 * by), its sessions end, its application is cancelled; audited.  The
 * sealed ID number stays on the account row it is bound to.
 */

#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "entry.h"

/*
 * Finds the registration of this year with ID number idno (normalised)
 * in the account's subtree and appends <registration id name idno phone
 * region level level-name registered [state] [unit]>; *id is its
 * account.  Returns 1, 0 when there is none (or another subtree's: the
 * same answer), -1 on a database failure.
 */
int
revoke_find_xml(struct req *r, xmlNodePtr parent, const char *idno,
    long long *id)
{
	xmlNodePtr	 n;
	unsigned char	 m[MAC_LEN], *ie, *pe;
	size_t		 iel, pel;
	char		*name, *region, *at, *state, *unit, plain[32], mk[64];
	long long	 level;
	int		 k;

	pii_mac(r->cfg, "idno", idno, m);
	if (db_run(r, STMT_RVK_FIND, r->unit_id, (long long)r->year, m,
	    sizeof(m)) == -1 || (k = db_row(r, STMT_RVK_FIND, id, &name, &ie,
	    &iel, &pe, &pel, &region, &level, &at, &state, &unit)) == -1)
		return -1;
	db_done(r, STMT_RVK_FIND);
	if (k == 0)
		return 0;
	n = xml_el(parent, "registration", NULL);
	xml_attrf(n, "id", "%lld", *id);
	xml_attr(n, "name", name);
	pii_mask_idno(idno, mk, sizeof(mk));
	xml_attr(n, "idno", mk);
	if (pe != NULL && pii_open(r->cfg, PII_PHONE, *id, pe, pel, plain,
	    sizeof(plain)) == 0) {
		pii_mask_phone(plain, mk, sizeof(mk));
		xml_attr(n, "phone", mk);
		OPENSSL_cleanse(plain, sizeof(plain));
	}
	xml_attr(n, "region", region);
	if (level >= 1 && level <= 5) {
		xml_attrf(n, "level", "%lld", level);
		xml_attr(n, "level-name", xml_level_name((int)level));
	}
	xml_attr(n, "registered", at);
	if (*state != '\0')
		xml_attr(n, "state", state);
	if (*unit != '\0')
		xml_attr(n, "unit", unit);
	return 1;
}

/*
 * Revokes the registration of account id (this year's, in the account's
 * subtree, not yet revoked) for reason.  Returns NULL when done,
 * field_dbfail on a database failure, else the message.
 */
const char *
revoke_do(struct req *r, long long id, const char *reason)
{
	char		*name;
	long long	 unit;
	int		 k;

	if (db_begin(r) == -1 || db_run(r, STMT_RVK_LOCK, r->unit_id, id,
	    (long long)r->year) == -1 ||
	    (k = db_row(r, STMT_RVK_LOCK, &name, &unit)) == -1)
		goto fail;
	db_done(r, STMT_RVK_LOCK);
	if (k == 0) {
		db_rollback(r);
		return "未找到该注册信息（或已撤销，或不在本辖区内），未作任何修改。";
	}
	if (db_run(r, STMT_RVK_INSERT, unit, reason, r->account_id, id) != 1 ||
	    db_run(r, STMT_RVK_ACCOUNT, id) != 1 ||
	    db_run(r, STMT_RVK_SESSIONS, id) == -1 ||
	    db_run(r, STMT_RVK_EVENT, role_names[r->role], r->account_id,
	    r->unit_id, reason, id) == -1 ||
	    db_run(r, STMT_RVK_APP, id) == -1 ||
	    audit(r, "registration.revoke", pool_printf(r->pool,
	    "account:%lld", id), "ok", reason) == -1 || db_commit(r) == -1)
		goto fail;
	return NULL;
fail:
	db_rollback(r);
	return field_dbfail;
}

/*
 * Appends <revocations> with the last 100 of this year in the account's
 * subtree: <row id name idno unit reason by at> (name and ID number
 * masked).  Returns 0, or -1 on a database failure.
 */
int
revoke_list_xml(struct req *r, xmlNodePtr parent)
{
	xmlNodePtr	 list, n;
	unsigned char	*ie;
	size_t		 iel;
	char		*name, *unit, *reason, *by, *at, plain[32], m[64];
	long long	 id;
	int		 k;

	list = xml_el(parent, "revocations", NULL);
	if (db_run(r, STMT_RVK_LIST, r->unit_id, (long long)r->year) == -1)
		return -1;
	while ((k = db_row(r, STMT_RVK_LIST, &id, &ie, &iel, &name, &unit,
	    &reason, &by, &at)) == 1) {
		n = xml_el(list, "row", NULL);
		pii_mask_name(name, m, sizeof(m));
		xml_attr(n, "name", m);
		if (ie != NULL && pii_open(r->cfg, PII_IDNO, id, ie, iel, plain,
		    sizeof(plain)) == 0) {
			pii_mask_idno(plain, m, sizeof(m));
			xml_attr(n, "idno", m);
		}
		if (*unit != '\0')
			xml_attr(n, "unit", unit);
		xml_attr(n, "reason", reason);
		xml_attr(n, "by", by);
		xml_attr(n, "at", at);
	}
	OPENSSL_cleanse(plain, sizeof(plain));
	return k == -1 ? -1 : 0;
}
