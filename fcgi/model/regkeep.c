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
 * regkeep.c: what a refused registration keeps for its retry (the table
 * register_keep of schema/0006): the ID-card photo, the verified SMS code
 * and the password's hash, under a token in the form that only works
 * with the anonymous cookie it was made for, for 30 minutes.
 */

#include <stdio.h>
#include <string.h>

#include "web.h"

#define SWEEP_MAX	20	/* rows of STMT_REGKEEP_OLD at a time */
#define PHOTOS_PER_IP	5	/* kept photos of one address, 30 minutes */

/*
 * Copies the column (p, n) into out (size bytes) if it is exactly that
 * long, else clears out.
 */
static void
regkeep_copy(unsigned char *out, size_t size, const unsigned char *p,
    size_t n)
{
	if (n == size)
		memcpy(out, p, size);
	else
		memset(out, 0, size);
}

/*
 * Fills k from the row of token (from the form; NULL or malformed: none)
 * bound to this request's anonymous cookie.  Without a row k is empty
 * (k->token ""), so a stale or foreign token simply keeps nothing.
 * Returns 1 (found), 0 (none) or -1 on a database failure.
 */
int
regkeep_load(struct req *r, const char *token, struct regkeep *k)
{
	unsigned char	 id[MAC_LEN], pre[MAC_LEN], *pm, *pf;
	char		*file, *pw;
	size_t		 pml, pfl;
	long long	 clean, sms;
	int		 n;

	memset(k, 0, sizeof(*k));
	if (token == NULL || strlen(token) != TOKEN_LEN || r->pre[0] == '\0')
		return 0;
	token_hash(token, id);
	token_hash(r->pre, pre);
	if (db_run(r, STMT_REGKEEP_GET, id, sizeof(id), pre,
	    sizeof(pre)) == -1 || (n = db_row(r, STMT_REGKEEP_GET,
	    &file, &clean, &sms, &pm, &pml, &pw, &pf, &pfl)) == -1)
		return -1;
	db_done(r, STMT_REGKEEP_GET);
	if (n == 0)
		return 0;
	memcpy(k->token, token, TOKEN_LEN + 1);
	if (strlen(file) == 64 && strspn(file, "0123456789abcdef") == 64) {
		memcpy(k->file, file, 65);
		k->clean = clean != 0;
	}
	k->sms_id = sms;
	regkeep_copy(k->phone_mac, sizeof(k->phone_mac), pm, pml);
	if (strlen(pw) < sizeof(k->pw_hash))
		memcpy(k->pw_hash, pw, strlen(pw) + 1);
	regkeep_copy(k->pw_for, sizeof(k->pw_for), pf, pfl);
	return 1;
}

/*
 * Writes k, under a new token if it has none yet (k->token is set).
 * Returns 0 or -1 on a database failure.
 */
int
regkeep_save(struct req *r, struct regkeep *k)
{
	unsigned char	 id[MAC_LEN], pre[MAC_LEN];
	static const unsigned char zero[MAC_LEN];

	if (k->token[0] == '\0')
		token_new(k->token);
	token_hash(k->token, id);
	token_hash(r->pre, pre);
	return db_run(r, STMT_REGKEEP_PUT, id, sizeof(id), pre,
	    sizeof(pre), k->file, (long long)k->clean, k->sms_id,
	    k->phone_mac, memcmp(k->phone_mac, zero, MAC_LEN) ? MAC_LEN : 0,
	    k->pw_hash, k->pw_for,
	    memcmp(k->pw_for, zero, MAC_LEN) ? MAC_LEN : 0, r->ip) == -1 ?
	    -1 : 0;
}

/*
 * Deletes k's row and its photo (after a registration, or when a new
 * photo replaces it) and empties k but its token.  Returns 0 or -1.
 */
int
regkeep_drop(struct req *r, struct regkeep *k)
{
	unsigned char	 id[MAC_LEN];

	if (k->token[0] != '\0') {
		token_hash(k->token, id);
		if (db_run(r, STMT_REGKEEP_DELETE, id, sizeof(id)) == -1)
			return -1;
	}
	if (k->file[0] != '\0')
		files_unlink(r, k->file);
	k->file[0] = '\0';
	return 0;
}

/*
 * Removes up to SWEEP_MAX expired rows and their photos; every
 * registration POST calls it, so nothing outlives its 30 minutes for
 * long.  Returns 0 or -1.
 */
int
regkeep_sweep(struct req *r)
{
	unsigned char	 ids[SWEEP_MAX][MAC_LEN], *id;
	char		 files[SWEEP_MAX][65], *file;
	size_t		 idl, n = 0, i;
	int		 k = 0;

	if (db_run(r, STMT_REGKEEP_OLD) == -1)
		return -1;
	while (n < SWEEP_MAX && (k = db_row(r, STMT_REGKEEP_OLD, &id,
	    &idl, &file)) == 1) {
		if (idl != MAC_LEN)
			continue;
		memcpy(ids[n], id, MAC_LEN);
		snprintf(files[n], sizeof(files[n]), "%s", file);
		n++;
	}
	db_done(r, STMT_REGKEEP_OLD);
	if (k == -1)
		return -1;
	for (i = 0; i < n; i++) {
		if (db_run(r, STMT_REGKEEP_DELETE, ids[i], MAC_LEN) == -1)
			return -1;
		if (strlen(files[i]) == 64)
			files_unlink(r, files[i]);
	}
	return 0;
}

/*
 * True (1) if k's verified SMS code is still good for a registration:
 * unused and within its 5 minutes.  0 if not, -1 on a database failure.
 */
int
regkeep_sms_ok(struct req *r, const struct regkeep *k)
{
	long long	 n = 0;

	if (k->sms_id == 0)
		return 0;
	if (db_run(r, STMT_REGKEEP_SMS_OK, k->sms_id, k->phone_mac,
	    sizeof(k->phone_mac)) == -1 ||
	    db_row(r, STMT_REGKEEP_SMS_OK, &n) == -1)
		return -1;
	db_done(r, STMT_REGKEEP_SMS_OK);
	return n > 0;
}

/*
 * True (1) if this address may have one more photo kept: at most
 * PHOTOS_PER_IP in 30 minutes, so refused anonymous registrations cannot
 * fill the disk (4 MB each).  0 if not, -1 on a database failure.
 */
int
regkeep_photo_room(struct req *r)
{
	long long	 n = 0;

	if (db_run(r, STMT_REGKEEP_PHOTOS, r->ip) == -1 ||
	    db_row(r, STMT_REGKEEP_PHOTOS, &n) == -1)
		return -1;
	db_done(r, STMT_REGKEEP_PHOTOS);
	return n < PHOTOS_PER_IP;
}
