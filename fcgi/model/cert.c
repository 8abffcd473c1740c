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
 * cert.c: 电子证书 (seed 000 §8, issue 10 item 6; schema/0019-exam.sql).
 *
 * Issue: for each published pass of a year and exam region without a
 * certificate, one transaction makes the certificate (cert_no 'GQ',
 * year, region, level, a serial of six digits with no gap per year,
 * region and level; the holder's name and ID number masked as lists
 * show them, opened from the sealed values; issued_on the date of
 * publication) and its 合格库 row (qualified.cert_id), so next year's
 * R18/R19 see it.  When the library already holds a row of the same ID
 * number, work type and level (imported, or a certificate of an earlier
 * year), that row is kept as it is and none is added: the holder's
 * record was there first, and a revocation must take back only what the
 * certificate added.  Running it again issues only the new passes.
 * Refused once the year's certificate window has ended.
 *
 * The public check (/verify/CERTNO.MAC): MAC is the first 10 bytes, as
 * hex, of HMAC-SHA256 under mac_key with the domain "certificate-verify"
 * (pii_mac: the same key as the lookup values, its own domain, so no
 * other keyed value of the system equals it), compared in constant time
 * before the database is asked.
 *
 * Revoke (003 §四(四), the province): state revoked with the reason and
 * time, the 合格库 row the certificate added deleted, audited.
 */

#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "cert.h"

#define CERT_MAC_DOMAIN	"certificate-verify"
#define CERT_MAC_BYTES	(CERT_MAC_LEN / 2)

/* One pass due a certificate (STMT_CT_DUE). */
struct cert_due {
	long long	 app, acct, level;
	char		*wt, *name;
	unsigned char	*ie;
	size_t		 iel;
};

/* The MAC of cert_no in the public link, as CERT_MAC_LEN hex digits. */
void
cert_mac(const struct config *cfg, const char *no, char out[CERT_MAC_LEN + 1])
{
	unsigned char	 mac[MAC_LEN];

	pii_mac(cfg, CERT_MAC_DOMAIN, no, mac);
	hex_encode(mac, CERT_MAC_BYTES, out);
	OPENSSL_cleanse(mac, sizeof(mac));
}

/*
 * The public check's address of certificate no from the configured
 * site_url (never the Host header), or NULL when site_url is unset.
 */
const char *
cert_url(struct req *r, const char *no)
{
	char	 mac[CERT_MAC_LEN + 1];

	if (r->cfg->site_url == NULL || r->cfg->site_url[0] == '\0') {
		log_warnx("site_url is not configured: no certificate links");
		return NULL;
	}
	cert_mac(r->cfg, no, mac);
	return pool_printf(r->pool, "%s/verify/%s.%s", r->cfg->site_url, no,
	    mac);
}

/* Whether s is a certificate number's shape: GQ and 17 digits. */
static int
cert_no_shape(const char *s, size_t len)
{
	size_t	 i;

	if (len != CERT_NO_LEN || s[0] != 'G' || s[1] != 'Q')
		return 0;
	for (i = 2; i < len; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/*
 * Reads a link's tail "CERTNO.MAC": 1 with the number in no when the
 * shape is right and the MAC matches (compared in constant time), else
 * 0.  Nothing here depends on whether the number was ever issued.
 */
int
cert_link(const struct config *cfg, const char *tail, char no[CERT_NO_LEN + 1])
{
	const char	*dot = strchr(tail, '.');
	char		 want[CERT_MAC_LEN + 1];
	int		 ok;

	no[0] = '\0';
	if (dot == NULL || !cert_no_shape(tail, (size_t)(dot - tail)) ||
	    strlen(dot + 1) != CERT_MAC_LEN)
		return 0;
	memcpy(no, tail, CERT_NO_LEN);
	no[CERT_NO_LEN] = '\0';
	cert_mac(cfg, no, want);
	ok = CRYPTO_memcmp(want, dot + 1, CERT_MAC_LEN) == 0;
	if (!ok)
		no[0] = '\0';
	return ok;
}

/* Whether s is an exam region's code: six digits. */
int
cert_region_ok(const char *s)
{
	size_t	 i;

	for (i = 0; i < 6; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return s[6] == '\0';
}

/* The passes of year and region due a certificate, into *due (pool). */
static long long
cert_due_read(struct req *r, const char *region, struct cert_due **due)
{
	struct cert_due	*d = NULL, *nd;
	long long	 n = 0, cap = 0;
	int		 k;

	if (db_run(r, STMT_CT_DUE, (long long)r->year, region) == -1)
		return -1;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			nd = pool_alloc(r->pool, (size_t)cap * sizeof(*d));
			if (n > 0)
				memcpy(nd, d, (size_t)n * sizeof(*d));
			d = nd;
		}
		k = db_row(r, STMT_CT_DUE, &d[n].app, &d[n].acct, &d[n].wt,
		    &d[n].level, &d[n].name, &d[n].ie, &d[n].iel);
		if (k != 1)
			break;
		n++;
	}
	*due = d;
	return k == -1 ? -1 : n;
}

/* The next serial of prefix (GQ year region level): 1 after the last. */
static long long
cert_next_serial(struct req *r, const char *prefix)
{
	long long	 last = 0;

	if (db_run(r, STMT_CT_LAST_SERIAL, prefix) == -1 ||
	    db_row(r, STMT_CT_LAST_SERIAL, &last) != 1)
		return -1;
	db_done(r, STMT_CT_LAST_SERIAL);
	return last + 1;
}

/* Makes the certificate no of d (and its 合格库 row); 0 or -1. */
static int
cert_make(struct req *r, const struct cert_due *d, const char *region,
    const char *no, const char *issued, struct cert_run *run)
{
	char		 idno[64], mid[32], mname[64];
	long long	 id;
	int		 n;

	if (d->ie == NULL || pii_open(r->cfg, PII_IDNO, d->acct, d->ie, d->iel,
	    idno, sizeof(idno)) != 0) {
		log_warnx("certificate of application %lld: the ID number "
		    "cannot be opened", d->app);
		return -1;
	}
	pii_mask_idno(idno, mid, sizeof(mid));
	OPENSSL_cleanse(idno, sizeof(idno));
	pii_mask_name(d->name, mname, sizeof(mname));
	if (db_run(r, STMT_CT_INSERT, no, d->app, d->acct, (long long)r->year,
	    region, d->wt, d->level, issued, mname, mid, r->account_id) != 1)
		return -1;
	id = db_insert_id(r, STMT_CT_INSERT);
	if ((n = db_run(r, STMT_CT_QUAL_ADD, d->wt, d->level,
	    (long long)r->year, id, d->acct, d->wt, d->level)) == -1)
		return -1;
	run->qualified += n;
	run->issued++;
	if (run->first == NULL)
		run->first = pool_strdup(r->pool, no);
	run->last = pool_strdup(r->pool, no);
	return 0;
}

/* Numbers and makes the certificates of due[0..n); 0 or -1. */
static int
cert_make_all(struct req *r, const char *region, struct cert_due *due,
    long long n, const char *issued, struct cert_run *run)
{
	char		 prefix[16], no[48];
	long long	 i, level = -1, serial = 0;

	for (i = 0; i < n; i++) {
		if (due[i].level < 1 || due[i].level > 5)
			continue;
		if (due[i].level != level) {
			level = due[i].level;
			snprintf(prefix, sizeof(prefix), "GQ%04d%s%lld",
			    r->year, region, level);
			if ((serial = cert_next_serial(r, prefix)) == -1)
				return -1;
		}
		if (serial > 999999) {
			log_warnx("certificates %s: serials exhausted", prefix);
			return -1;
		}
		snprintf(no, sizeof(no), "%s%06lld", prefix, serial++);
		if (cert_make(r, &due[i], region, no, issued, run) == -1)
			return -1;
	}
	return 0;
}

/*
 * Issues the certificates due in the exam region of the request's year
 * (r->account_id 0: gkbm-admin), in one transaction, audited; *run says
 * what was made.  CERT_OK, CERT_LATE, CERT_UNPUBLISHED, or -1 (rolled
 * back).
 */
int
cert_issue(struct req *r, const char *region, struct cert_run *run)
{
	struct cert_due	*due;
	char		*issued;
	long long	 past = 0, n;

	memset(run, 0, sizeof(*run));
	if (db_begin(r) == -1)
		return -1;
	if (db_run(r, STMT_CT_WIN_PAST, (long long)r->year) == -1 ||
	    db_row(r, STMT_CT_WIN_PAST, &past) != 1)
		goto fail;
	db_done(r, STMT_CT_WIN_PAST);
	if (past > 0) {
		db_rollback(r);
		return CERT_LATE;
	}
	if (db_run(r, STMT_CT_PUB_LOCK, (long long)r->year, region) == -1 ||
	    (n = db_row(r, STMT_CT_PUB_LOCK, &issued)) == -1)
		goto fail;
	if (n == 0) {
		db_rollback(r);
		return CERT_UNPUBLISHED;
	}
	db_done(r, STMT_CT_PUB_LOCK);
	if ((n = cert_due_read(r, region, &due)) == -1 ||
	    cert_make_all(r, region, due, n, issued, run) == -1 ||
	    audit(r, "cert.issue", pool_printf(r->pool, "certificates:%d/%s",
	    r->year, region), "ok", pool_printf(r->pool, "%lld issued%s%s%s%s, "
	    "%lld qualified rows added", run->issued, run->first ? " " : "",
	    run->first ? run->first : "", run->first ? "-" : "",
	    run->last ? run->last : "", run->qualified)) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	return CERT_OK;
fail:
	db_rollback(r);
	return -1;
}

/*
 * The province revokes certificate no with reason (r->account_id 0:
 * gkbm-admin): state revoked, the 合格库 row it added deleted, audited,
 * in one transaction.  CERT_OK, CERT_NONE, CERT_REVOKED or -1.
 */
int
cert_revoke(struct req *r, const char *no, const char *reason)
{
	char		*state;
	long long	 id;
	int		 k;

	if (db_begin(r) == -1)
		return -1;
	if (db_run(r, STMT_CT_REVOKE_LOCK, no) == -1 ||
	    (k = db_row(r, STMT_CT_REVOKE_LOCK, &id, &state)) == -1)
		goto fail;
	if (k == 0) {
		db_rollback(r);
		return CERT_NONE;
	}
	db_done(r, STMT_CT_REVOKE_LOCK);
	if (strcmp(state, "valid") != 0) {
		db_rollback(r);
		return CERT_REVOKED;
	}
	if (db_run(r, STMT_CT_REVOKE, r->account_id, reason, id) != 1 ||
	    db_run(r, STMT_CT_QUAL_DROP, id) == -1 ||
	    audit(r, "cert.revoke", pool_printf(r->pool, "certificate:%s", no),
	    "ok", reason) == -1 || db_commit(r) == -1)
		goto fail;
	return CERT_OK;
fail:
	db_rollback(r);
	return -1;
}
