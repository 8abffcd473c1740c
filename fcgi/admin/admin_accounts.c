/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* admin_accounts.c: gkbm-admin create-unit, -staff, -province, -candidate,
   totp-reset */

#include <sys/types.h>

#include <err.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mysql.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "gkbm.h"
#include "admin.h"

#define MAX_PW		256		/* password line on standard input */
#define ENROLL_DIGITS	10		/* an enrolment code (h_otp.c) */

static const char *const accounts_unit_kinds[] = {
	"basic", "supervising", "county", "city", "province", NULL
};
static const char *const staff_roles[] = {
	"unit", "reviewer", "supervising", "county", "city", "province", NULL
};

/*
 * Looks up a unit by code: its id into *id and its kind into kind.
 * Returns 1, 0 if there is none, -1 on error (printed).
 */
static int
accounts_unit_get(const char *code, long long *id, char *kind, size_t kindsz)
{
	char	*k;
	int	 rc;

	if ((rc = dbh_run(&adb, STMT_ADM_UNIT_GET, code)) <= 0)
		return rc;
	rc = dbh_row(&adb, STMT_ADM_UNIT_GET, id, &k);
	dbh_done(&adb, STMT_ADM_UNIT_GET);
	if (rc == 1)
		snprintf(kind, kindsz, "%s", k);
	return rc;
}

/*
 * Looks up a region: its kind into kind and its direct_county flag into
 * *direct.  Returns 1, 0 if there is none, -1 on error (printed).
 */
static int
region_get(const char *code, char *kind, size_t kindsz, long long *direct)
{
	char	*k;
	int	 rc;

	if ((rc = dbh_run(&adb, STMT_ADM_REGION_GET, code)) <= 0)
		return rc;
	rc = dbh_row(&adb, STMT_ADM_REGION_GET, &k, direct);
	dbh_done(&adb, STMT_ADM_REGION_GET);
	if (rc == 1)
		snprintf(kind, kindsz, "%s", k);
	return rc;
}

/*
 * Creates a unit inside the caller's transaction and sets *id.  The code
 * is unique among units and may not be the login of an account, since
 * the web login takes either.  Returns 0, or -1 (printed).
 */
static int
accounts_unit_create(const char *code, const char *name, const char *kind,
    const char *region, const char *parent, long long *id)
{
	char		 buf[32], obj[64];
	long long	 pid = 0, dc, other;
	long		 n;
	int		 rc;

	if (!ident_ok(code, 2, 32, 0) || strchr(code, '_') != NULL) {
		warnx("unit code %s: expected 2 to 32 letters and digits",
		    code);
		return -1;
	}
	if ((n = text_chars(name)) < 2 || n > 100) {
		warnx("unit name: expected 2 to 100 characters of text");
		return -1;
	}
	if (!admin_in_list(kind, accounts_unit_kinds)) {
		warnx("unit kind %s: expected basic, supervising, county, "
		    "city or province", kind);
		return -1;
	}
	if ((rc = region_get(region, buf, sizeof(buf), &dc)) != 1) {
		if (rc == 0)
			warnx("region %s: no such region (run "
			    "gkbm-admin import-reference first?)", region);
		return -1;
	}
	if ((rc = accounts_unit_get(code, &other, buf, sizeof(buf))) != 0) {
		if (rc == 1)
			warnx("unit %s already exists", code);
		return -1;
	}
	if ((rc = st_id(&other, STMT_ADM_LOGIN_GET, code)) != 0) {
		if (rc == 1)
			warnx("unit code %s is the login of account %lld",
			    code, other);
		return -1;
	}
	if (parent != NULL) {
		if ((rc = accounts_unit_get(parent, &pid, buf,
		    sizeof(buf))) != 1) {
			if (rc == 0)
				warnx("parent unit %s: no such unit", parent);
			return -1;
		}
	}
	/* A parent id of 0 is stored as NULL. */
	if (dbh_run(&adb, STMT_ADM_UNIT_INSERT, code, name, kind, pid,
	    region) != 1)
		return -1;
	*id = dbh_insert_id(&adb, STMT_ADM_UNIT_INSERT);
	/* Its city and county codes: the subtree it lies in (0013). */
	if (dbh_run(&adb, STMT_UNIT_PLACE, *id, *id) == -1)
		return -1;
	snprintf(obj, sizeof(obj), "unit:%lld", *id);
	return admin_audit("unit.create", obj);
}

/* create-unit: creates a unit.  Returns 0, or -1 (printed). */
int
cmd_unit(char **argv, const struct opts *o)
{
	long long	 id;

	(void)o;
	if (tx_begin() == -1 ||
	    accounts_unit_create(argv[0], argv[1], argv[2], argv[3], argv[4],
	    &id) == -1 ||
	    tx_commit() == -1)
		return -1;
	printf("unit %s created (id %lld, %s, region %s%s%s)\n", argv[0], id,
	    argv[2], argv[3], argv[4] != NULL ? ", under " : "",
	    argv[4] != NULL ? argv[4] : "");
	return 0;
}

/*
 * Reads the password from the first line of standard input unless that
 * is a terminal, with read(2) so no stdio buffer keeps a copy.  Returns
 * 1 with the password in buf, 0 if none was given (a terminal, nothing,
 * or an empty first line), -1 on error (printed).
 */
static int
pw_read(char *buf, size_t size)
{
	size_t	 len = 0;
	ssize_t	 n;
	char	 c;

	buf[0] = '\0';
	if (isatty(STDIN_FILENO))
		return 0;
	for (;;) {
		if ((n = read(STDIN_FILENO, &c, 1)) == -1) {
			if (errno == EINTR)
				continue;
			warn("standard input");
			return -1;
		}
		if (n == 0 || c == '\n')
			break;
		if (len + 1 >= size) {
			OPENSSL_cleanse(buf, size);
			warnx("the password line is too long");
			return -1;
		}
		buf[len++] = c;
	}
	if (len > 0 && buf[len - 1] == '\r')
		len--;
	buf[len] = '\0';
	return len > 0;
}

/*
 * Seals value (a phone or ID number) for column col of account id (the
 * row is made first: a sealed value is bound to it) and stores it there.
 * Returns 0, or -1 (printed).
 */
static int
pii_store(const char *col, long long id, const char *value)
{
	unsigned char	 enc[PII_MAX];
	size_t		 enclen;

	if (pii_seal(&cfg, col, id, value, enc, sizeof(enc), &enclen) == -1) {
		warnx("cannot seal %s", col);
		return -1;
	}
	return dbh_run(&adb, strcmp(col, PII_IDNO) == 0 ? STMT_ADM_SEAL_IDNO :
	    STMT_ADM_SEAL_PHONE, enc, enclen, id) == 1 ? 0 : -1;
}

/* What a new staff account is given on the command line. */
struct staff {
	const char	*login;
	const char	*name;
	const char	*phone;
	const char	*role;
	const char	*unit;		/* code */
	int		 unit_admin;
};

/*
 * Checks the fields of a new staff account and reads its password
 * (see pw_read): a password given must pass the staff policy and is
 * kept; none gives the default 123, to be changed at first login.
 * Stores the scrypt hash in hash and sets *must_change.  Returns 0, or
 * -1 (printed).
 */
static int
staff_check(const struct staff *s, char *hash, size_t hashsz,
    int *must_change)
{
	char		 pw[MAX_PW];
	const char	*msg;
	int		 rc;

	if (!ident_ok(s->login, 3, 32, 1)) {
		warnx("login %s: expected a letter then 2 to 31 letters, "
		    "digits or _", s->login);
		return -1;
	}
	if ((msg = valid_name(s->name)) != NULL) {
		warnx("name %s: %s", s->name, msg);
		return -1;
	}
	if ((msg = valid_phone(s->phone)) != NULL) {
		warnx("phone: %s", msg);
		return -1;
	}
	if (!admin_in_list(s->role, staff_roles)) {
		warnx("role %s: expected unit, reviewer, supervising, county, "
		    "city or province", s->role);
		return -1;
	}
	if ((rc = pw_read(pw, sizeof(pw))) == -1)
		return -1;
	if (rc == 1 && (msg = passwd_check_staff(pw, s->login)) != NULL) {
		OPENSSL_cleanse(pw, sizeof(pw));
		warnx("password refused: %s", msg);
		return -1;
	}
	*must_change = rc == 0;
	rc = passwd_hash(rc == 1 ? pw : "123", cfg.scrypt_ln, hash, hashsz);
	OPENSSL_cleanse(pw, sizeof(pw));
	if (rc == -1) {
		warnx("cannot hash the password");
		return -1;
	}
	return 0;
}

/*
 * Creates the staff account s inside the caller's transaction (hash from
 * staff_check) and sets *id.  The office roles must sit in a unit of
 * their own kind, so a scope is never wider or narrower than the role.
 * Returns 0, or -1 (printed).
 */
static int
staff_insert(const struct staff *s, const char *hash, int must_change,
    long long *id)
{
	unsigned char	 mac[MAC_LEN];
	char		 kind[32], obj[64];
	long long	 unit, other;
	int		 rc;

	if ((rc = accounts_unit_get(s->unit, &unit, kind, sizeof(kind))) != 1) {
		if (rc == 0)
			warnx("unit %s: no such unit", s->unit);
		return -1;
	}
	if (strcmp(s->role, "unit") != 0 && strcmp(s->role, "reviewer") != 0 &&
	    strcmp(s->role, kind) != 0) {
		warnx("role %s needs a unit of kind %s; %s is a %s unit",
		    s->role, s->role, s->unit, kind);
		return -1;
	}
	if ((rc = st_id(&other, STMT_ADM_LOGIN_GET, s->login)) != 0) {
		if (rc == 1)
			warnx("login %s is taken (account %lld)", s->login,
			    other);
		return -1;
	}
	if ((rc = accounts_unit_get(s->login, &other, kind,
	    sizeof(kind))) != 0) {
		if (rc == 1)
			warnx("login %s is the code of a unit", s->login);
		return -1;
	}
	pii_mac(&cfg, "phone", s->phone, mac);
	if ((rc = st_id(&other, STMT_ADM_ACCOUNT_BY_PHONE, 0LL, mac,
	    (size_t)MAC_LEN)) != 0) {
		if (rc == 1)
			warnx("phone already belongs to staff account %lld",
			    other);
		return -1;
	}
	if (dbh_run(&adb, STMT_ADM_STAFF_INSERT, s->role, unit, s->login,
	    s->name, mac, (size_t)MAC_LEN, hash, (long long)must_change) != 1)
		return -1;
	*id = dbh_insert_id(&adb, STMT_ADM_STAFF_INSERT);
	if (pii_store(PII_PHONE, *id, s->phone) == -1)
		return -1;
	if (s->unit_admin &&
	    dbh_run(&adb, STMT_ADM_UNIT_SET_ADMIN, *id, unit) == -1)
		return -1;
	snprintf(obj, sizeof(obj), "account:%lld", *id);
	return admin_audit("staff.create", obj);
}

/* Prints the one-line result of a new staff account. */
static void
staff_print(const struct staff *s, long long id, int must_change)
{
	printf("account %lld created: %s, role %s, unit %s%s; %s\n", id,
	    s->login, s->role, s->unit, s->unit_admin ? " (its admin)" : "",
	    must_change ? "default password 123, to be changed at first "
	    "login" : "password from standard input");
}

/* create-staff: creates a staff account.  Returns 0, or -1 (printed). */
int
cmd_staff(char **argv, const struct opts *o)
{
	struct staff	 s;
	char		 hash[PW_HASH_MAX + 1];
	long long	 id;
	int		 must_change;

	s.login = argv[0];
	s.name = argv[1];
	s.phone = argv[2];
	s.role = argv[3];
	s.unit = argv[4];
	s.unit_admin = o->unit_admin;
	if (staff_check(&s, hash, sizeof(hash), &must_change) == -1 ||
	    tx_begin() == -1 ||
	    staff_insert(&s, hash, must_change, &id) == -1 ||
	    tx_commit() == -1)
		return -1;
	staff_print(&s, id, must_change);
	return 0;
}

/*
 * create-province: creates a province office account in the unit HN,
 * creating that unit first if needed, all in one transaction.  Returns
 * 0, or -1 (printed).
 */
int
cmd_province(char **argv, const struct opts *o)
{
	struct staff	 s;
	char		 hash[PW_HASH_MAX + 1], kind[32];
	long long	 id, unit;
	int		 must_change, rc;

	(void)o;
	s.login = argv[0];
	s.name = argv[1];
	s.phone = argv[2];
	s.role = "province";
	s.unit = "HN";
	s.unit_admin = 0;
	if (staff_check(&s, hash, sizeof(hash), &must_change) == -1 ||
	    tx_begin() == -1)
		return -1;
	if ((rc = accounts_unit_get(s.unit, &unit, kind, sizeof(kind))) == -1)
		return -1;
	if (rc == 0 && accounts_unit_create(s.unit, "河南省工考办", "province",
	    "410000", NULL, &unit) == -1)
		return -1;
	if (staff_insert(&s, hash, must_change, &id) == -1 ||
	    tx_commit() == -1)
		return -1;
	staff_print(&s, id, must_change);
	return 0;
}

/* A new candidate account as given on the command line, checked. */
struct cand {
	long long	 year;
	long long	 level;
	const char	*name;
	const char	*phone;
	const char	*region;
	struct idno	 id;
	char		 birth[16];
	char		 gender[2];
	char		 hash[PW_HASH_MAX + 1];
	unsigned char	 imac[MAC_LEN];
	unsigned char	 pmac[MAC_LEN];
};

/*
 * Checks the arguments of create-candidate into *c and reads and hashes
 * its password (standard input, the candidate policy).  Returns 0, or
 * -1 (printed).
 */
static int
cand_parse(char **argv, struct cand *c)
{
	enum idno_err	 e;
	char		 pw[MAX_PW];
	const char	*msg;
	int		 rc;

	memset(c, 0, sizeof(*c));
	c->name = argv[2];
	c->phone = argv[3];
	c->region = argv[4];
	if (year_parse(argv[0], &c->year) == -1)
		return -1;
	if ((e = idno_parse(argv[1], &c->id)) != IDNO_OK) {
		warnx("ID number: %s", idno_strerror(e));
		return -1;
	}
	if ((msg = valid_name(c->name)) != NULL) {
		warnx("name %s: %s", c->name, msg);
		return -1;
	}
	if ((msg = valid_phone(c->phone)) != NULL) {
		warnx("phone: %s", msg);
		return -1;
	}
	if (num_parse(argv[5], 1, 5, &c->level) == -1) {
		warnx("level %s: expected 1 to 5", argv[5]);
		return -1;
	}
	if ((rc = pw_read(pw, sizeof(pw))) != 1) {
		if (rc == 0)
			warnx("give the password on the first line of "
			    "standard input");
		return -1;
	}
	if ((msg = passwd_check_candidate(pw, c->id.norm, c->name)) != NULL) {
		OPENSSL_cleanse(pw, sizeof(pw));
		warnx("password refused: %s", msg);
		return -1;
	}
	rc = passwd_hash(pw, cfg.scrypt_ln, c->hash, sizeof(c->hash));
	OPENSSL_cleanse(pw, sizeof(pw));
	if (rc == -1) {
		warnx("cannot hash the password");
		return -1;
	}
	snprintf(c->birth, sizeof(c->birth), "%04d-%02d-%02d", c->id.year,
	    c->id.month, c->id.day);
	c->gender[0] = c->id.gender;
	pii_mac(&cfg, "idno", c->id.norm, c->imac);
	pii_mac(&cfg, "phone", c->phone, c->pmac);
	return 0;
}

/*
 * Checks that c's region takes registrations and that its ID number and
 * phone are free in its year.  Returns 0, or -1 (printed).
 */
static int
cand_free(const struct cand *c)
{
	char		 kind[32];
	long long	 dc, other;
	int		 rc;

	if ((rc = region_get(c->region, kind, sizeof(kind), &dc)) != 1) {
		if (rc == 0)
			warnx("region %s: no such region", c->region);
		return -1;
	}
	if (strcmp(kind, "city") != 0 && strcmp(kind, "direct_county") != 0 &&
	    dc == 0) {
		warnx("region %s is a %s: expected a city or a directly "
		    "administered county", c->region, kind);
		return -1;
	}
	if ((rc = st_id(&other, STMT_ADM_ACCOUNT_BY_IDNO, c->year, c->imac,
	    (size_t)MAC_LEN)) != 0) {
		if (rc == 1)
			warnx("this ID number is already registered in %lld "
			    "(account %lld)", c->year, other);
		return -1;
	}
	if ((rc = st_id(&other, STMT_ADM_ACCOUNT_BY_PHONE, c->year, c->pmac,
	    (size_t)MAC_LEN)) != 0) {
		if (rc == 1)
			warnx("this phone is already registered in %lld "
			    "(account %lld)", c->year, other);
		return -1;
	}
	return 0;
}

/*
 * create-candidate: creates a candidate account of a year (demo and
 * benchmark data; real candidates register on the web).  Returns 0, or
 * -1 (printed).
 */
int
cmd_candidate(char **argv, const struct opts *o)
{
	struct cand	 c;
	char		 obj[64];
	long long	 acc;

	(void)o;
	if (cand_parse(argv, &c) == -1 || tx_begin() == -1 ||
	    year_exists(c.year) == -1 || cand_free(&c) == -1)
		return -1;
	if (dbh_run(&adb, STMT_ADM_CANDIDATE_INSERT, c.year, c.name, c.imac,
	    (size_t)MAC_LEN, c.pmac, (size_t)MAC_LEN, c.gender, c.birth,
	    c.region, c.level, c.hash) != 1)
		return -1;
	acc = dbh_insert_id(&adb, STMT_ADM_CANDIDATE_INSERT);
	if (pii_store(PII_IDNO, acc, c.id.norm) == -1 ||
	    pii_store(PII_PHONE, acc, c.phone) == -1)
		return -1;
	snprintf(obj, sizeof(obj), "account:%lld", acc);
	if (admin_audit("candidate.create", obj) == -1 || tx_commit() == -1)
		return -1;
	printf("candidate account %lld created for %lld, level %lld, "
	    "region %s\n", acc, c.year, c.level, c.region);
	return 0;
}

/* A new enrolment code: ENROLL_DIGITS uniform random digits. */
static void
enroll_code(char code[ENROLL_DIGITS + 1])
{
	unsigned char	 b;
	int		 i;

	for (i = 0; i < ENROLL_DIGITS; i++) {
		do {
			if (RAND_bytes(&b, 1) != 1)
				fatalx("RAND_bytes failed");
		} while (b >= 250);	/* no modulo bias */
		code[i] = '0' + b % 10;
	}
	code[i] = '\0';
}

/*
 * totp-reset: forgets the second factor of a staff account (a lost or
 * changed phone, or a suspected theft) and issues a one-time enrolment
 * code, valid 72 hours, that lets its holder see a new secret at the next
 * login instead of an SMS code (h_otp.c).  The account's pending logins
 * and sessions end.  Audited.  Returns 0, or -1 (printed).
 */
int
cmd_totp_reset(char **argv, const struct opts *o)
{
	char		 code[ENROLL_DIGITS + 1], buf[48], obj[64];
	unsigned char	 mac[MAC_LEN];
	long long	 id;
	int		 rc;

	(void)o;
	if ((rc = st_id(&id, STMT_ADM_LOGIN_GET, argv[0])) != 1) {
		if (rc == 0)
			warnx("%s: no such staff account", argv[0]);
		return -1;
	}
	enroll_code(code);
	snprintf(buf, sizeof(buf), "%lld:%s", id, code);
	pii_mac(&cfg, "enroll", buf, mac);
	OPENSSL_cleanse(buf, sizeof(buf));
	snprintf(obj, sizeof(obj), "account:%lld", id);
	if (tx_begin() == -1 ||
	    (rc = dbh_run(&adb, STMT_ADM_TOTP_RESET, mac, (size_t)MAC_LEN,
	    id)) == -1)
		goto fail;
	if (rc != 1) {
		warnx("%s: not a staff account", argv[0]);
		goto fail;
	}
	if (dbh_run(&adb, STMT_ADM_TOTP_PENDING_DROP, id) == -1 ||
	    dbh_run(&adb, STMT_ADM_TOTP_SESSIONS_DROP, id) == -1 ||
	    admin_audit("totp.reset", obj) == -1 || tx_commit() == -1)
		goto fail;
	printf("account %lld (%s): second factor reset, sessions ended\n"
	    "enrolment code %s, valid 72 hours and once: hand it to the "
	    "account's holder in person\n", id, argv[0], code);
	OPENSSL_cleanse(code, sizeof(code));
	return 0;
fail:
	OPENSSL_cleanse(code, sizeof(code));
	return -1;
}
