/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* admin_pii.c: gkbm-admin pii-rekey, every sealed value under the current key */

#include <err.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>
#include <openssl/crypto.h>

#include "gkbm.h"
#include "admin.h"

#define REKEY_VAL_MAX	640	/* the longest sealed value (an SMS body) */

/*
 * Every sealed column: its table, the key of its rows and the row id it
 * is bound to (pii.c; login_pending is bound to its account).  A new
 * sealed column is added here, or pii-rekey leaves it behind.
 */
static const struct {
	const char	*col;		/* as pii.c binds it */
	const char	*select;	/* key, row id, value */
	const char	*update;	/* value, key, old value */
} sealed[] = {
	{ PII_IDNO,
	  "SELECT id, id, idno_enc FROM accounts WHERE idno_enc IS NOT NULL",
	  "UPDATE accounts SET idno_enc = ? WHERE id = ? AND idno_enc = ?" },
	{ PII_PHONE,
	  "SELECT id, id, phone_enc FROM accounts WHERE phone_enc IS NOT NULL",
	  "UPDATE accounts SET phone_enc = ? WHERE id = ? AND phone_enc = ?" },
	{ PII_TOTP,
	  "SELECT id, id, totp_enc FROM accounts WHERE totp_enc IS NOT NULL",
	  "UPDATE accounts SET totp_enc = ? WHERE id = ? AND totp_enc = ?" },
	{ PII_PENDING,
	  "SELECT id, account_id, secret_enc FROM login_pending "
	  "WHERE secret_enc IS NOT NULL",
	  "UPDATE login_pending SET secret_enc = ? WHERE id = ? "
	  "AND secret_enc = ?" },
	{ PII_OUT_PHONE,
	  "SELECT id, id, phone_enc FROM sms_outbox WHERE phone_enc <> ''",
	  "UPDATE sms_outbox SET phone_enc = ? WHERE id = ? AND phone_enc = ?" },
	{ PII_OUT_BODY,
	  "SELECT id, id, body_enc FROM sms_outbox WHERE body_enc <> ''",
	  "UPDATE sms_outbox SET body_enc = ? WHERE id = ? AND body_enc = ?" },
};

/* What pii-rekey did to one column. */
struct tally {
	long long	 kept, resealed, failed;
};

/* Binds a blob parameter or result column. */
static void
bind_blob(MYSQL_BIND *b, void *buf, unsigned long cap, unsigned long *len)
{
	memset(b, 0, sizeof(*b));
	b->buffer_type = MYSQL_TYPE_BLOB;
	b->buffer = buf;
	b->buffer_length = cap;
	b->length = len;
}

/*
 * Seals the value of one row again (a value changed meanwhile is left
 * to its writer, who sealed it under the current key).  0 or -1.
 */
static int
rekey_row(MYSQL_STMT *up, const char *col, const unsigned char *key,
    unsigned long keylen, long long row, const unsigned char *val,
    unsigned long vallen, struct tally *t)
{
	MYSQL_BIND	 b[3];
	unsigned char	 out[REKEY_VAL_MAX];
	unsigned long	 outl, kl = keylen, vl = vallen;
	size_t		 ol;
	int		 rc;

	if ((rc = pii_reseal(&cfg, col, row, val, vallen, out, sizeof(out),
	    &ol)) == 1) {
		t->kept++;
		return 0;
	}
	if (rc == -1) {
		warnx("%s of row %lld: opens with no key of the ring", col, row);
		t->failed++;
		return 0;
	}
	outl = (unsigned long)ol;
	bind_blob(&b[0], out, sizeof(out), &outl);
	bind_blob(&b[1], (void *)(uintptr_t)key, kl, &kl);
	bind_blob(&b[2], (void *)(uintptr_t)val, vl, &vl);
	if (mysql_stmt_bind_param(up, b) != 0 || mysql_stmt_execute(up) != 0) {
		warnx("%s: %s", col, mysql_stmt_error(up));
		return -1;
	}
	t->resealed += mysql_stmt_affected_rows(up) == 1;
	OPENSSL_cleanse(out, sizeof(out));
	return 0;
}

/* Reseals every value of sealed[i]; 0 or -1 (printed). */
static int
rekey_column(size_t i, struct tally *t)
{
	MYSQL_STMT	*sel, *up;
	MYSQL_BIND	 r[3];
	unsigned char	 key[64], val[REKEY_VAL_MAX];
	char		 rowbuf[24];
	unsigned long	 kl, rl, vl;
	int		 rc = -1, f;

	memset(t, 0, sizeof(*t));
	sel = mysql_stmt_init(db);
	up = mysql_stmt_init(db);
	if (sel == NULL || up == NULL ||
	    mysql_stmt_prepare(sel, sealed[i].select,
	    strlen(sealed[i].select)) != 0 ||
	    mysql_stmt_prepare(up, sealed[i].update,
	    strlen(sealed[i].update)) != 0 ||
	    mysql_stmt_execute(sel) != 0) {
		warnx("%s: %s", sealed[i].col, sel ? mysql_stmt_error(sel) :
		    "out of memory");
		goto done;
	}
	bind_blob(&r[0], key, sizeof(key), &kl);
	bind_blob(&r[1], rowbuf, sizeof(rowbuf) - 1, &rl);
	r[1].buffer_type = MYSQL_TYPE_STRING;
	bind_blob(&r[2], val, sizeof(val), &vl);
	if (mysql_stmt_bind_result(sel, r) != 0 ||
	    mysql_stmt_store_result(sel) != 0) {
		warnx("%s: %s", sealed[i].col, mysql_stmt_error(sel));
		goto done;
	}
	while ((f = mysql_stmt_fetch(sel)) == 0) {
		rowbuf[rl] = '\0';
		if (rekey_row(up, sealed[i].col, key, kl,
		    strtoll(rowbuf, NULL, 10), val, vl, t) == -1)
			goto done;
	}
	if (f != MYSQL_NO_DATA) {
		warnx("%s: a value too long to read (%d)", sealed[i].col, f);
		goto done;
	}
	rc = 0;
done:
	if (sel != NULL)
		mysql_stmt_close(sel);
	if (up != NULL)
		mysql_stmt_close(up);
	return rc;
}

/*
 * pii-rekey: seals every sealed value again under the current key (the
 * secrets file's key_id and data_key), bound to its column and row,
 * reading it with any key of the ring (old_data_key) and in the first
 * format too.  Run after a new key_id/data_key is put in place with the
 * old key as old_data_key; when it reports nothing failed, the old key
 * can be removed.  One transaction, audited; values that open with no
 * key are left as they are.  Returns 0, or -1 when some value could not
 * be opened or the database failed (then nothing is changed).
 */
int
cmd_rekey(char **argv, const struct opts *o)
{
	struct tally	 t;
	long long	 failed = 0;
	size_t		 i;

	(void)argv;
	(void)o;
	if (tx_begin() == -1)
		return -1;
	for (i = 0; i < sizeof(sealed) / sizeof(sealed[0]); i++) {
		if (rekey_column(i, &t) == -1)
			return -1;
		printf("%s: %lld resealed, %lld already under key %d, "
		    "%lld failed\n", sealed[i].col, t.resealed, t.kept,
		    cfg.key_id, t.failed);
		failed += t.failed;
	}
	if (audit("pii.rekey", failed ? "partial" : "all") == -1 ||
	    tx_commit() == -1)
		return -1;
	if (failed > 0) {
		warnx("%lld values open with no key of the ring: keep the old "
		    "keys", failed);
		return -1;
	}
	return 0;
}
