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
 * t/unit/stmt.c: the roles of fcgi/web/db.c's statement table.  Every
 * statement of gkbm-web has roles, and one of gkbm-admin or gkbm-sms
 * alone has none (no request may run it); a statement that touches a personal column (read,
 * written or compared) is open to logged-out visitors only when it is
 * listed below with the columns a logged-out page needs and why.
 */

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "web.h"
#include "tap.h"

/* The personal columns, by table: what must not reach a visitor. */
static const struct {
	const char	*table;
	const char	*column;
} personal[] = {
	{ "accounts", "name" },
	{ "accounts", "pw_hash" },
	{ "accounts", "idno_enc" },
	{ "accounts", "phone_enc" },
	{ "accounts", "gender" },
	{ "accounts", "birth_date" },
	{ "accounts", "idcard_file" },	/* the ID-card photo's path */
	{ "accounts", "totp_enc" },
	{ "materials", "file" },	/* photos, ID cards, documents */
	{ "applications", "resume" },
	{ "applications", "rewards" },
	{ "applications", "achievements" },
	{ "sms_outbox", "phone_enc" },
	{ "sms_outbox", "body_enc" },
	{ "login_pending", "secret_enc" },
};

/*
 * The statements a logged-out page needs with personal columns, each
 * with every personal column it may touch (space separated,
 * table.column) and why.
 */
static const struct {
	enum stmt	 s;
	const char	*cols;
	const char	*why;
} anon_ok[] = {
	{ STMT_SESSION_GET, "accounts.name",
	  "resolves the session cookie (its hash) before the role is known" },
	{ STMT_ACCOUNT_BY_IDNO, "accounts.name accounts.pw_hash accounts.idno_enc",
	  "login, registration, reset: the hash to verify, name and ID number "
	  "for the new password's policy" },
	{ STMT_ACCOUNT_BY_PHONE, "accounts.name accounts.pw_hash accounts.idno_enc",
	  "login and reset by phone" },
	{ STMT_ACCOUNT_BY_LOGIN, "accounts.name accounts.pw_hash accounts.idno_enc",
	  "staff login and reset by account name" },
	{ STMT_ACCOUNT_BY_UNIT_CODE, "accounts.name accounts.pw_hash accounts.idno_enc",
	  "unit admin login and reset by unit code" },
	{ STMT_ACCOUNT_INSERT, "accounts.name accounts.gender accounts.birth_date "
	  "accounts.idcard_file accounts.pw_hash",
	  "registration writes the new account" },
	{ STMT_ACCOUNT_SEAL, "accounts.idno_enc accounts.phone_enc",
	  "registration seals the new account's ID number and phone, bound to "
	  "its id (only while they are NULL)" },
	{ STMT_RESET_SET_PASSWORD, "accounts.pw_hash",
	  "reset: only the account the used SMS code was sent to" },
	{ STMT_OUTBOX_INSERT, "sms_outbox.phone_enc sms_outbox.body_enc",
	  "queues a code to the phone the visitor gave (empty until sealed)" },
	{ STMT_OUTBOX_SEAL, "sms_outbox.phone_enc sms_outbox.body_enc",
	  "seals it, bound to the new outbox row" },
	{ STMT_OTP_PENDING_GET, "login_pending.secret_enc accounts.totp_enc "
	  "accounts.phone_enc",
	  "the second factor, through the pending login's cookie hash" },
	{ STMT_OTP_PENDING_SECRET, "login_pending.secret_enc",
	  "enrolment's new secret, through the pending login" },
	{ STMT_OTP_STEP_SET, "accounts.totp_enc",
	  "the replay guard (totp_enc only compared with NULL)" },
	{ STMT_OTP_ENROLL, "accounts.totp_enc",
	  "enrolment after the password and a valid code" },
	{ STMT_OTP_ENROLL_CODE_USE, "accounts.totp_enc",
	  "an administrator's enrolment code, through the pending login "
	  "(totp_enc only compared with NULL)" },
	{ STMT_AUTH_TOTP_GET, "accounts.totp_enc",
	  "a reset of an account with an authenticator checks its code: only "
	  "the account the right, unused reset code was sent to" },
	{ STMT_MOB_APP_LOCK, "accounts.name",
	  "the phone page names the candidate, masked, through the link's "
	  "token hash" },
	{ STMT_MOB_MAT_INSERT, "materials.file",
	  "the phone's upload, through the link's token and claim hashes" },
};

#define MAX_TOK		256
#define MAX_TABLES	8

struct sql {
	char	 tok[MAX_TOK][64];	/* identifiers, "a.b" kept whole */
	int	 ntok;
	char	 table[MAX_TABLES][64];	/* tables named */
	char	 alias[MAX_TABLES][64];	/* and their aliases ("" none) */
	int	 ntab;
};

static int
is_keyword(const char *t)
{
	static const char *const kw[] = { "ON", "WHERE", "JOIN", "LEFT",
	    "INNER", "SET", "ORDER", "GROUP", "LIMIT", "VALUES", "FOR",
	    "USING", "SELECT", "UNION", "AND", "OR", "AS", NULL };
	size_t	 i;

	for (i = 0; kw[i] != NULL; i++)
		if (strcasecmp(t, kw[i]) == 0)
			return 1;
	return 0;
}

/* Splits sql into identifiers (string literals skipped). */
static void
sql_tokens(const char *p, struct sql *q)
{
	size_t	 n;

	memset(q, 0, sizeof(*q));
	while (*p != '\0' && q->ntok < MAX_TOK) {
		if (*p == '\'') {
			for (p++; *p != '\0' && *p != '\''; p++)
				;
			if (*p == '\'')
				p++;
			continue;
		}
		if (!isalpha((unsigned char)*p) && *p != '_') {
			/* "(" is a token: it ends a table's alias. */
			if (*p == '(' || *p == ',')
				snprintf(q->tok[q->ntok++], 64, "%c", *p);
			p++;
			continue;
		}
		n = strspn(p, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.");
		snprintf(q->tok[q->ntok++], 64, "%.*s", (int)n, p);
		p += n;
	}
}

/* Finds the tables (after FROM, JOIN, INTO, UPDATE) and aliases. */
static void
sql_tables(struct sql *q)
{
	int	 i;

	for (i = 0; i + 1 < q->ntok && q->ntab < MAX_TABLES; i++) {
		if (strcasecmp(q->tok[i], "FROM") != 0 &&
		    strcasecmp(q->tok[i], "JOIN") != 0 &&
		    strcasecmp(q->tok[i], "INTO") != 0 &&
		    strcasecmp(q->tok[i], "UPDATE") != 0)
			continue;
		memcpy(q->table[q->ntab], q->tok[i + 1], 64);
		if (i + 2 < q->ntok && (isalpha((unsigned char)q->tok[i + 2][0]) ||
		    q->tok[i + 2][0] == '_') && !is_keyword(q->tok[i + 2]))
			memcpy(q->alias[q->ntab], q->tok[i + 2], 64);
		q->ntab++;
	}
}

/* True if the statement names table.column (qualified or not). */
static int
sql_touches(const struct sql *q, const char *table, const char *column)
{
	const char	*dot, *col;
	int		 i, t, here = 0;

	for (t = 0; t < q->ntab; t++)
		if (strcmp(q->table[t], table) == 0)
			here = 1;
	if (!here)
		return 0;
	for (i = 0; i < q->ntok; i++) {
		dot = strchr(q->tok[i], '.');
		col = dot ? dot + 1 : q->tok[i];
		if (strcmp(col, column) != 0)
			continue;
		if (dot == NULL)
			return 1;	/* unqualified: assume this table */
		for (t = 0; t < q->ntab; t++)
			if (strcmp(q->table[t], table) == 0 &&
			    (strncmp(q->tok[i], q->alias[t],
			    (size_t)(dot - q->tok[i])) == 0 ||
			    strncmp(q->tok[i], q->table[t],
			    (size_t)(dot - q->tok[i])) == 0) &&
			    (size_t)(dot - q->tok[i]) > 0)
				return 1;
	}
	return 0;
}

/* The personal columns sql touches, "t.c t.c" into out. */
static void
personal_of(const char *sql, char *out, size_t outsz)
{
	struct sql	 q;
	size_t		 i;
	char		 tc[96];

	out[0] = '\0';
	sql_tokens(sql, &q);
	sql_tables(&q);
	for (i = 0; i < sizeof(personal) / sizeof(personal[0]); i++) {
		if (!sql_touches(&q, personal[i].table, personal[i].column))
			continue;
		snprintf(tc, sizeof(tc), "%s%s.%s", *out ? " " : "",
		    personal[i].table, personal[i].column);
		strncat(out, tc, outsz - strlen(out) - 1);
	}
}

/* True if every word of have is a word of allowed. */
static int
words_within(const char *have, const char *allowed)
{
	char	 w[96];
	const char *p = have, *a;
	size_t	 n, wl;

	while (*p != '\0') {
		n = strcspn(p, " ");
		snprintf(w, sizeof(w), "%.*s", (int)n, p);
		wl = strlen(w);
		for (a = allowed; (a = strstr(a, w)) != NULL; a += wl)
			if ((a == allowed || a[-1] == ' ') &&
			    (a[wl] == ' ' || a[wl] == '\0'))
				break;
		if (a == NULL)
			return 0;
		p += n;
		while (*p == ' ')
			p++;
	}
	return 1;
}

/* The analyser itself, on SQL whose answer is known. */
static void
test_analyser(void)
{
	char	 out[512];

	personal_of("SELECT a.pw_hash FROM accounts a WHERE a.id = ?", out,
	    sizeof(out));
	is_string("accounts.pw_hash", out, "qualified column by alias");
	personal_of("SELECT name, kind FROM regions WHERE code = ?", out,
	    sizeof(out));
	is_string("", out, "a name that is not a person's");
	personal_of("SELECT u.name FROM units u JOIN accounts a ON "
	    "a.id = u.admin_id", out, sizeof(out));
	is_string("", out, "units.name beside accounts is not personal");
	personal_of("INSERT INTO materials (application_id, file) "
	    "SELECT l.application_id, ? FROM upload_links l", out,
	    sizeof(out));
	is_string("materials.file", out, "an insert's column list");
	personal_of("UPDATE accounts SET pw_hash = ? WHERE name = 'x'",
	    out, sizeof(out));
	is_string("accounts.name accounts.pw_hash", out,
	    "an update, and a column compared");
	ok(words_within("accounts.name", "accounts.name accounts.pw_hash") &&
	    !words_within("accounts.pw_hash accounts.phone_enc",
	    "accounts.pw_hash") && !words_within("accounts.name",
	    "accounts.name_x"), "the allow-list comparison");
}

static int
allowed_index(enum stmt s)
{
	size_t	 i;

	for (i = 0; i < sizeof(anon_ok) / sizeof(anon_ok[0]); i++)
		if (anon_ok[i].s == s)
			return (int)i;
	return -1;
}

int
main(void)
{
	char		 cols[512];
	unsigned int	 roles, progs;
	int		 s, k, bad_roles = 0, bad_anon = 0, nprog = 0;
	size_t		 i;

	plan_lazy();
	test_analyser();
	for (s = 0; s < STMT__MAX; s++) {
		roles = db_stmt_roles((enum stmt)s);
		progs = db_stmt_progs((enum stmt)s);
		if (db_stmt_sql((enum stmt)s) == NULL ||
		    (progs & ~(PROG_WEB | PROG_ADMIN | PROG_SMS | PROG_PAY)) != 0 ||
		    (roles & ~RS_ANY) != 0 ||
		    ((progs & PROG_WEB) != 0) != (roles != 0)) {
			diag("statement %d: no SQL, or roles %#x do not fit "
			    "programs %#x", s, roles, progs);
			bad_roles++;
			continue;
		}
		if (!(progs & PROG_WEB))
			nprog++;
		if (!(roles & RB(ROLE_ANON)))
			continue;
		personal_of(db_stmt_sql((enum stmt)s), cols, sizeof(cols));
		if (cols[0] == '\0')
			continue;
		k = allowed_index((enum stmt)s);
		if (k == -1 || !words_within(cols, anon_ok[k].cols)) {
			diag("statement %d is open to visitors with %s: %s", s,
			    cols, db_stmt_sql((enum stmt)s));
			bad_anon++;
		}
	}
	is_int(bad_roles, 0, "every statement has SQL; gkbm-web's have a "
	    "role set, those of gkbm-admin or gkbm-sms alone none");
	ok(nprog > 40, "%d statements of gkbm-admin and gkbm-sms in the table",
	    nprog);
	ok(db_stmt_progs(STMT_ADM_TOTP_RESET) == PROG_ADMIN &&
	    db_stmt_roles(STMT_ADM_TOTP_RESET) == 0 &&
	    db_stmt_progs(STMT_OUTBOX_PENDING) == PROG_SMS &&
	    db_stmt_roles(STMT_OUTBOX_PENDING) == 0 &&
	    db_stmt_progs(STMT_ACCOUNT_GET) == PROG_WEB,
	    "a row without a program is gkbm-web's; the programs' rows have "
	    "no web role");
	is_int(bad_anon, 0, "no statement open to visitors touches a personal "
	    "column beyond its listed need");
	for (i = 0; i < sizeof(anon_ok) / sizeof(anon_ok[0]); i++)
		ok(db_stmt_roles(anon_ok[i].s) & RB(ROLE_ANON),
		    "statement %d is listed for visitors and open to them (%s)",
		    anon_ok[i].s, anon_ok[i].why);
	ok(!(db_stmt_roles(STMT_ACCOUNT_GET) & RB(ROLE_ANON)) &&
	    !(db_stmt_roles(STMT_ACCOUNT_SET_PASSWORD) & RB(ROLE_ANON)),
	    "the account row and the logged-in password change are not the "
	    "visitor's");
	ok(!(db_stmt_roles(STMT_UPL_APP_LOCK) & RB(ROLE_ANON)) &&
	    !(db_stmt_roles(STMT_UPL_MAT_INSERT) & RB(ROLE_ANON)) &&
	    !(db_stmt_roles(STMT_UPL_MAT_DELETE) & RB(ROLE_ANON)),
	    "the phone has its own statements, not the candidate's by id");
	return 0;
}
