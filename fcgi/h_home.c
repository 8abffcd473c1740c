/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_home.c: each role's home page */

#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"

/* GET /home */
enum rc
h_home(struct req *r)
{
	xmlNodePtr	 acc;
	char		*role, *name, *gender, *birth, *region, *created, *consent;
	char		*login, *uname, *ucode, *hash, plain[32], masked[40];
	unsigned char	*ie, *pe;
	size_t		 iel, pel;
	long long	 level;
	int		 n;

	xml_page(r, PAGE_HOME);
	if (db_exec(r, STMT_ACCOUNT_GET, "i", r->account_id) == -1 ||
	    (n = db_fetch(r, STMT_ACCOUNT_GET, "ssbbsssissssss", &role, &name,
	    &ie, &iel, &pe, &pel, &gender, &birth, &region, &level, &created,
	    &consent, &login, &uname, &ucode, &hash)) == -1)
		return RC_DB;
	db_done(r, STMT_ACCOUNT_GET);
	if (n == 0)
		return RC_NOTFOUND;
	acc = xml_el(r->root, "account", NULL);
	xml_attr(acc, "name", name);
	if (r->role == ROLE_CANDIDATE) {
		if (ie != NULL && pii_open(r->cfg, ie, iel, plain,
		    sizeof(plain)) == 0) {
			pii_mask_idno(plain, masked, sizeof(masked));
			xml_attr(acc, "idno", masked);
		}
		if (pe != NULL && pii_open(r->cfg, pe, pel, plain,
		    sizeof(plain)) == 0) {
			pii_mask_phone(plain, masked, sizeof(masked));
			xml_attr(acc, "phone", masked);
		}
		OPENSSL_cleanse(plain, sizeof(plain));
		xml_attr(acc, "gender", strcmp(gender, "M") == 0 ? "男" : "女");
		xml_attr(acc, "birth", birth);
		xml_attr(acc, "region", region);
		xml_attrf(acc, "level", "%lld", level);
		xml_attr(acc, "level-name", xml_level_name((int)level));
		xml_attr(acc, "registered", created);
		xml_attr(acc, "consent", consent);
	} else {
		xml_attr(acc, "login", login);
		xml_attr(acc, "unit", uname);
		xml_attr(acc, "unit-code", ucode);
		xml_attr(acc, "role-name", role_labels[r->role]);
	}
	return year_window(r, r->root, "registration", NULL) == -1 ?
	    RC_DB : RC_OK;
}
