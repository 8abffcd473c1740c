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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "gkbm.h"
#include "admin.h"

#define REKEY_VAL_MAX	640	/* the longest sealed value (an SMS body) */
#define REKEY_POOL_MAX	(1 << 20)	/* bytes of values read at once */

/*
 * Every sealed column: its rows (key, the row id its value is bound to,
 * value) and the update of one row (fcgi/web/db.c: new value, key, old
 * value).  A new sealed column is added here, or pii-rekey leaves it
 * behind.
 */
static const struct {
	const char	*name;		/* where the values are */
	const char	*col;		/* as pii.c binds them */
	enum stmt	 list;
	enum stmt	 set;
} sealed[] = {
	{ PII_IDNO, PII_IDNO, STMT_ADM_REKEY_IDNO_LIST,
	  STMT_ADM_REKEY_IDNO_SET },
	{ PII_PHONE, PII_PHONE, STMT_ADM_REKEY_PHONE_LIST,
	  STMT_ADM_REKEY_PHONE_SET },
	{ PII_TOTP, PII_TOTP, STMT_ADM_REKEY_TOTP_LIST,
	  STMT_ADM_REKEY_TOTP_SET },
	{ PII_PENDING, PII_PENDING, STMT_ADM_REKEY_PENDING_LIST,
	  STMT_ADM_REKEY_PENDING_SET },
	{ PII_OUT_PHONE, PII_OUT_PHONE, STMT_ADM_REKEY_OUTPHONE_LIST,
	  STMT_ADM_REKEY_OUTPHONE_SET },
	{ PII_OUT_BODY, PII_OUT_BODY, STMT_ADM_REKEY_OUTBODY_LIST,
	  STMT_ADM_REKEY_OUTBODY_SET },
	/* 汇总上报's copies, bound to the account as accounts' own */
	{ "report_rows.idno_enc", PII_IDNO, STMT_ADM_REKEY_RPIDNO_LIST,
	  STMT_ADM_REKEY_RPIDNO_SET },
	{ "report_rows.phone_enc", PII_PHONE, STMT_ADM_REKEY_RPPHONE_LIST,
	  STMT_ADM_REKEY_RPPHONE_SET },
};

/* What pii-rekey did to one column. */
struct tally {
	long long	 kept, resealed, failed;
};

/* One sealed value as its column's list statement reads it. */
struct sealed_row {
	unsigned char	*key;
	size_t		 keylen;
	long long	 row;
	unsigned char	*val;
	size_t		 vallen;
};

/*
 * Seals the value of one row of sealed[i] again (a value changed
 * meanwhile is left to its writer, who sealed it under the current
 * key).  0 or -1.
 */
static int
rekey_row(size_t i, const struct sealed_row *v, struct tally *t)
{
	unsigned char	 out[REKEY_VAL_MAX];
	size_t		 ol;
	int		 rc;

	if ((rc = pii_reseal(&cfg, sealed[i].col, v->row, v->val, v->vallen,
	    out, sizeof(out), &ol)) == 1) {
		t->kept++;
		return 0;
	}
	if (rc == -1) {
		warnx("%s of row %lld: opens with no key of the ring",
		    sealed[i].name, v->row);
		t->failed++;
		return 0;
	}
	rc = dbh_run(&adb, sealed[i].set, out, ol, v->key, v->keylen, v->val,
	    v->vallen);
	OPENSSL_cleanse(out, sizeof(out));
	if (rc == -1)
		return -1;
	t->resealed += rc >= 1;
	return 0;
}

/*
 * Reseals every value of sealed[i]; 0 or -1 (printed).  The values are
 * read into a pool of their own, emptied as it grows.
 */
static int
rekey_column(size_t i, struct tally *t)
{
	struct sealed_row	 v;
	struct pool		*keep = adb.pool;
	int			 f, rc = 0;

	memset(t, 0, sizeof(*t));
	if (dbh_run(&adb, sealed[i].list) == -1)
		return -1;
	adb.pool = pool_new();
	while ((f = dbh_row(&adb, sealed[i].list, &v.key, &v.keylen, &v.row,
	    &v.val, &v.vallen)) == 1) {
		if ((rc = rekey_row(i, &v, t)) == -1)
			break;
		if (pool_size(adb.pool) > REKEY_POOL_MAX) {
			pool_free(adb.pool);
			adb.pool = pool_new();
		}
	}
	dbh_done(&adb, sealed[i].list);
	pool_free(adb.pool);
	adb.pool = keep;
	if (f == -1) {
		warnx("%s: a value too long to read", sealed[i].name);
		rc = -1;
	}
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
		    "%lld failed\n", sealed[i].name, t.resealed, t.kept,
		    cfg.key_id, t.failed);
		failed += t.failed;
	}
	if (admin_audit("pii.rekey", failed ? "partial" : "all") == -1 ||
	    tx_commit() == -1)
		return -1;
	if (failed > 0) {
		warnx("%lld values open with no key of the ring: keep the old "
		    "keys", failed);
		return -1;
	}
	return 0;
}
