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
 * account.c: the account a login value names (ID number, phone, account
 * name or unit code), for login, registration and password reset.
 */

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "web.h"

static int
all_digits(const char *s, size_t n)
{
	return strlen(s) == n && strspn(s, "0123456789") == n;
}

static int
who_fetch(struct req *r, enum stmt s, struct who *a)
{
	int	 n;

	n = db_row(r, s, &a->id, &a->role, &a->name, &a->pw_hash,
	    &a->phone_mac, &a->phone_mac_len, &a->idno_enc, &a->idno_enc_len);
	db_done(r, s);
	return n;
}

/*
 * Finds the account a login value names: candidates of the current year
 * by ID number or phone; staff by phone, account name or unit code.
 * norm receives the normalised value.  Returns 1 found, 0 not, -1 DB.
 */
int
account_find(struct req *r, int staff, const char *login, struct who *a, char *norm,
    size_t normsz)
{
	unsigned char	 m[MAC_LEN];
	size_t		 i;

	memset(a, 0, sizeof(*a));
	snprintf(norm, normsz, "%s", login);
	if (all_digits(login, 11)) {
		pii_mac(r->cfg, "phone", login, m);
		if (db_run(r, STMT_ACCOUNT_BY_PHONE,
		    staff ? 0LL : (long long)r->year, m, sizeof(m)) == -1)
			return -1;
		return who_fetch(r, STMT_ACCOUNT_BY_PHONE, a);
	}
	if (!staff) {
		for (i = 0; norm[i] != '\0'; i++)
			norm[i] = toupper((unsigned char)norm[i]);
		pii_mac(r->cfg, "idno", norm, m);
		if (db_run(r, STMT_ACCOUNT_BY_IDNO, (long long)r->year,
		    m, sizeof(m)) == -1)
			return -1;
		return who_fetch(r, STMT_ACCOUNT_BY_IDNO, a);
	}
	if (db_run(r, STMT_ACCOUNT_BY_LOGIN, login) == -1)
		return -1;
	switch (who_fetch(r, STMT_ACCOUNT_BY_LOGIN, a)) {
	case 1:
		return strcmp(a->role, "candidate") != 0;
	case -1:
		return -1;
	}
	if (db_run(r, STMT_ACCOUNT_BY_UNIT_CODE, login) == -1)
		return -1;
	return who_fetch(r, STMT_ACCOUNT_BY_UNIT_CODE, a);
}

/*
 * The failure key of a login value: the kind and the normalised value
 * (ID numbers upper case, staff names lower case: MariaDB compares them
 * without case), whether or not an account has it.
 */
void
account_key(struct req *r, int staff, const char *norm,
    unsigned char lm[MAC_LEN])
{
	char	 buf[80];
	size_t	 i;

	snprintf(buf, sizeof(buf), "%s:%s", staff ? "staff" : "candidate",
	    norm);
	for (i = 0; staff && buf[i] != '\0'; i++)
		buf[i] = tolower((unsigned char)buf[i]);
	pii_mac(r->cfg, "login", buf, lm);
}
