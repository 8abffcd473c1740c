/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* admin.c: gkbm-admin, the operator's command line (schema, data, accounts) */

#include <sys/types.h>

#include <ctype.h>
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <mysql.h>
#include <mysqld_error.h>
#include <openssl/crypto.h>

#include "gkbm.h"

#ifdef PKGDATADIR
#define D_SCHEMA	PKGDATADIR "/schema"
#else
#define D_SCHEMA	"./schema"
#endif

#define MAX_PARAMS	20		/* placeholders in one statement */
#define MAX_PW		256		/* password line on standard input */
#define MAX_ERRORS	20		/* import errors shown, at most */
#define MAX_COLS	9		/* columns of the widest TSV file */

/*
 * Every statement gkbm-admin runs, prepared on first use.  Two kinds of
 * SQL are not here and cannot be: the migration files themselves, and
 * GRANT/REVOKE, whose table and user names are identifiers (no
 * placeholders); those names are checked against [A-Za-z0-9_] first.
 */
enum astmt {
	ASTMT_VERSION_TABLE,
	ASTMT_VERSION_LIST,
	ASTMT_VERSION_INSERT,
	ASTMT_TABLE_LIST,
	ASTMT_REGION_UPSERT,
	ASTMT_WORKTYPE_UPSERT,
	ASTMT_WTMAP_PRUNE,
	ASTMT_WTMAP_INSERT,
	ASTMT_EDUCATION_UPSERT,
	ASTMT_APPRAISAL_UPSERT,
	ASTMT_YEAR_GET,
	ASTMT_YEAR_UPSERT,
	ASTMT_YEAR_CURRENT,
	ASTMT_WINDOW_UPSERT,
	ASTMT_REGION_GET,
	ASTMT_UNIT_GET,
	ASTMT_UNIT_INSERT,
	ASTMT_UNIT_SET_ADMIN,
	ASTMT_LOGIN_GET,
	ASTMT_ACCOUNT_BY_IDNO,
	ASTMT_ACCOUNT_BY_PHONE,
	ASTMT_STAFF_INSERT,
	ASTMT_CANDIDATE_INSERT,
	ASTMT_AUDIT_INSERT,
	ASTMT_SWEEP_SESSIONS,
	ASTMT_SWEEP_ATTEMPTS,
	ASTMT_SWEEP_SMSCODES,
	ASTMT_WORKTYPE_LIST,
	ASTMT_QUALIFIED_UPSERT,
	ASTMT__MAX
};

static const char *const astmts[ASTMT__MAX] = {
	/* ASTMT_VERSION_TABLE */
	"CREATE TABLE IF NOT EXISTS schema_version ("
	" version INT NOT NULL PRIMARY KEY,"
	" name VARCHAR(100) NOT NULL,"
	" applied_at DATETIME NOT NULL"
	") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
	/* ASTMT_VERSION_LIST */
	"SELECT version FROM schema_version ORDER BY version",
	/* ASTMT_VERSION_INSERT */
	"INSERT INTO schema_version (version, name, applied_at)"
	" VALUES (?, ?, NOW())",
	/* ASTMT_TABLE_LIST */
	"SELECT table_name FROM information_schema.tables"
	" WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'"
	" ORDER BY table_name",
	/* ASTMT_REGION_UPSERT */
	"INSERT INTO regions (code, name, parent_code, kind, division_type,"
	" direct_county, note) VALUES (?, ?, ?, ?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE name = VALUES(name),"
	" parent_code = VALUES(parent_code), kind = VALUES(kind),"
	" division_type = VALUES(division_type),"
	" direct_county = VALUES(direct_county), note = VALUES(note)",
	/* ASTMT_WORKTYPE_UPSERT */
	"INSERT INTO worktypes (code, name, pinyin, category, status,"
	" level1_open, source, source_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE name = VALUES(name),"
	" pinyin = VALUES(pinyin), category = VALUES(category),"
	" status = VALUES(status), level1_open = VALUES(level1_open),"
	" source = VALUES(source), source_ref = VALUES(source_ref)",
	/* ASTMT_WTMAP_PRUNE */
	"DELETE FROM worktype_map"
	" WHERE old_code = ? AND FIND_IN_SET(new_code, ?) = 0",
	/* ASTMT_WTMAP_INSERT */
	"INSERT INTO worktype_map (old_code, new_code) VALUES (?, ?)"
	" ON DUPLICATE KEY UPDATE new_code = new_code",
	/* ASTMT_EDUCATION_UPSERT */
	"INSERT INTO education (code, name, full_name, rank, note)"
	" VALUES (?, ?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE name = VALUES(name),"
	" full_name = VALUES(full_name), rank = VALUES(rank),"
	" note = VALUES(note)",
	/* ASTMT_APPRAISAL_UPSERT */
	"INSERT INTO appraisal (code, name, alt_name, rank, counts_as_pass,"
	" note) VALUES (?, ?, ?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE name = VALUES(name),"
	" alt_name = VALUES(alt_name), rank = VALUES(rank),"
	" counts_as_pass = VALUES(counts_as_pass), note = VALUES(note)",
	/* ASTMT_YEAR_GET */
	"SELECT year FROM years WHERE year = ?",
	/* ASTMT_YEAR_UPSERT */
	"INSERT INTO years (year, title, is_current) VALUES (?, ?, 0)"
	" ON DUPLICATE KEY UPDATE title = VALUES(title)",
	/* ASTMT_YEAR_CURRENT */
	"UPDATE years SET is_current = (year = ?)",
	/* ASTMT_WINDOW_UPSERT */
	"INSERT INTO windows (year, kind, region_code, starts_at, ends_at,"
	" updated_by, updated_at) VALUES (?, ?, '', ?, ?, NULL, NOW())"
	" ON DUPLICATE KEY UPDATE starts_at = VALUES(starts_at),"
	" ends_at = VALUES(ends_at), updated_by = NULL, updated_at = NOW()",
	/* ASTMT_REGION_GET */
	"SELECT kind, direct_county FROM regions WHERE code = ?",
	/* ASTMT_UNIT_GET */
	"SELECT id, kind FROM units WHERE code = ?",
	/* ASTMT_UNIT_INSERT */
	"INSERT INTO units (code, name, kind, parent_id, region_code,"
	" created_at) VALUES (?, ?, ?, ?, ?, NOW())",
	/* ASTMT_UNIT_SET_ADMIN */
	"UPDATE units SET admin_id = ? WHERE id = ?",
	/* ASTMT_LOGIN_GET */
	"SELECT id FROM accounts WHERE login = ?",
	/* ASTMT_ACCOUNT_BY_IDNO */
	"SELECT id FROM accounts WHERE year = ? AND idno_mac = ?",
	/* ASTMT_ACCOUNT_BY_PHONE */
	"SELECT id FROM accounts WHERE year = ? AND phone_mac = ?",
	/* ASTMT_STAFF_INSERT */
	"INSERT INTO accounts (role, year, unit_id, login, name, phone_enc,"
	" phone_mac, pw_hash, pw_must_change, pw_changed_at, created_at)"
	" VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, NOW(), NOW())",
	/* ASTMT_CANDIDATE_INSERT */
	"INSERT INTO accounts (role, year, name, idno_enc, idno_mac,"
	" phone_enc, phone_mac, gender, birth_date, region_code, level,"
	" pw_hash, pw_must_change, pw_changed_at, consent_version,"
	" consent_at, created_at) VALUES ('candidate', ?, ?, ?, ?, ?, ?,"
	" ?, ?, ?, ?, ?, 0, NOW(), 'admin', NOW(), NOW())",
	/* ASTMT_AUDIT_INSERT */
	"INSERT INTO audit (at, account_id, role, unit_id, ip, request_id,"
	" event, object, result, reason) VALUES (NOW(3), NULL, '', NULL,"
	" '', '', ?, ?, 'ok', 'gkbm-admin')",
	/* ASTMT_SWEEP_SESSIONS */
	"DELETE FROM sessions WHERE seen_at < NOW() - INTERVAL ? SECOND"
	" OR created_at < NOW() - INTERVAL ? SECOND",
	/* ASTMT_SWEEP_ATTEMPTS */
	"DELETE FROM login_attempts WHERE at < NOW() - INTERVAL 2 DAY",
	/* ASTMT_SWEEP_SMSCODES */
	"DELETE FROM sms_codes WHERE created_at < NOW() - INTERVAL 2 DAY",
	/* ASTMT_WORKTYPE_LIST */
	"SELECT code, name FROM worktypes ORDER BY code",
	/* ASTMT_QUALIFIED_UPSERT */
	"INSERT INTO qualified (idno_mac, worktype, level, year)"
	" VALUES (?, ?, ?, ?)"
	" ON DUPLICATE KEY UPDATE year = VALUES(year)",
};

/* What a command was given besides its positional arguments. */
struct opts {
	const char	*schema_dir;	/* -s DIR */
	const char	*data_dir;	/* -d DIR */
	int		 current;	/* --current */
	int		 unit_admin;	/* --unit-admin */
	int		 skip_bad;	/* --skip-bad */
};

struct cmd {
	const char	*name;
	int		(*fn)(char **, const struct opts *);
	int		 minargs;
	int		 maxargs;
	const char	*valopts;	/* single-letter options with a value */
	const char	*flags;		/* long flags, "|current|" */
	const char	*usage;
};

static int	 cmd_migrate(char **, const struct opts *);
static int	 cmd_import(char **, const struct opts *);
static int	 cmd_year(char **, const struct opts *);
static int	 cmd_window(char **, const struct opts *);
static int	 cmd_unit(char **, const struct opts *);
static int	 cmd_staff(char **, const struct opts *);
static int	 cmd_province(char **, const struct opts *);
static int	 cmd_candidate(char **, const struct opts *);
static int	 cmd_sweep(char **, const struct opts *);
static int	 cmd_qualified(char **, const struct opts *);

static const struct cmd cmds[] = {
	{ "migrate", cmd_migrate, 0, 0, "s", "",
	    "migrate [-s DIR]" },
	{ "import-reference", cmd_import, 0, 0, "d", "",
	    "import-reference [-d DIR]" },
	{ "year", cmd_year, 2, 2, "", "|current|",
	    "year YEAR TITLE [--current]" },
	{ "window", cmd_window, 4, 4, "", "",
	    "window YEAR KIND START END" },
	{ "create-unit", cmd_unit, 4, 5, "", "",
	    "create-unit CODE NAME KIND REGION [PARENT_CODE]" },
	{ "create-staff", cmd_staff, 5, 5, "", "|unit-admin|",
	    "create-staff LOGIN NAME PHONE ROLE UNIT_CODE [--unit-admin]" },
	{ "create-province", cmd_province, 3, 3, "", "",
	    "create-province LOGIN NAME PHONE" },
	{ "create-candidate", cmd_candidate, 6, 6, "", "",
	    "create-candidate YEAR IDNO NAME PHONE REGION LEVEL" },
	{ "sessions-sweep", cmd_sweep, 0, 0, "", "",
	    "sessions-sweep" },
	{ "import-qualified", cmd_qualified, 1, 1, "", "|skip-bad|",
	    "import-qualified FILE.csv [--skip-bad]" },
};

static const char *const window_kinds[] = {
	"registration", "unitcheck", "review", "payment", "ticket", "result",
	"certificate", NULL
};
static const char *const unit_kinds[] = {
	"basic", "supervising", "county", "city", "province", NULL
};
static const char *const staff_roles[] = {
	"unit", "reviewer", "supervising", "county", "city", "province", NULL
};

static struct config	 cfg;
static MYSQL		*db;
static MYSQL_STMT	*stmts[ASTMT__MAX];
static unsigned int	 st_errno;	/* server error of the last st_run */

/* Prints the usage and exits 1. */
static void __attribute__((noreturn))
usage(void)
{
	size_t	 i;

	fprintf(stderr, "usage: gkbm-admin [-c conf] [-s schemadir] "
	    "[-d datadir] command [args]\n"
	    "commands:\n");
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(stderr, "\t%s\n", cmds[i].usage);
	exit(1);
}

/* Returns 1 if s is one of the NULL-terminated list, else 0. */
static int
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/*
 * Parses s as a decimal integer in [min, max] into *out.  Returns 0, or
 * -1 if s is not wholly such a number.
 */
static int
num_parse(const char *s, long long min, long long max, long long *out)
{
	char		*end;
	long long	 v;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/*
 * Returns the number of characters of the UTF-8 string s, or -1 if s is
 * not valid UTF-8 or holds a control character.
 */
static long
text_chars(const char *s)
{
	size_t	 len = strlen(s), i;
	long	 n = 0;

	if (!valid_utf8(s, len))
		return -1;
	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return -1;
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	}
	return n;
}

/*
 * Returns 1 if s is min to max characters of [A-Za-z0-9_], its first a
 * letter when letter_first; else 0.
 */
static int
ident_ok(const char *s, size_t min, size_t max, int letter_first)
{
	size_t	 i, len = strlen(s);

	if (len < min || len > max)
		return 0;
	if (letter_first && !isalpha((unsigned char)s[0]))
		return 0;
	for (i = 0; i < len; i++)
		if (!isalnum((unsigned char)s[i]) && s[i] != '_')
			return 0;
	return 1;
}

/*
 * Prepares statement n (once), binds the parameters described by fmt and
 * executes it.  fmt has one letter per placeholder: 's' a string (NULL
 * binds SQL NULL), 'i' a long long, 'b' a pointer and a size_t (binary).
 * A result set is buffered, so the next statement may run before the
 * rows are fetched.  Returns the statement, or NULL after printing the
 * server's message; st_errno then holds the server's error number.
 */
static MYSQL_STMT *
st_vrun(enum astmt n, const char *fmt, va_list ap)
{
	MYSQL_BIND	 b[MAX_PARAMS];
	unsigned long	 len[MAX_PARAMS];
	long long	 iv[MAX_PARAMS];
	MYSQL_STMT	*st;
	const char	*s;
	size_t		 i, np = strlen(fmt);

	st_errno = 0;
	if (np > MAX_PARAMS)
		fatalx("%s: too many parameters", __func__);
	if ((st = stmts[n]) == NULL) {
		if ((st = mysql_stmt_init(db)) == NULL) {
			warnx("mysql_stmt_init: %s", mysql_error(db));
			return NULL;
		}
		if (mysql_stmt_prepare(st, astmts[n],
		    strlen(astmts[n])) != 0) {
			st_errno = mysql_stmt_errno(st);
			warnx("mysql_stmt_prepare: %.40s...: %s", astmts[n],
			    mysql_stmt_error(st));
			mysql_stmt_close(st);
			return NULL;
		}
		stmts[n] = st;
	}
	if (mysql_stmt_param_count(st) != np)
		fatalx("%s: statement %d takes %lu parameters, given %zu",
		    __func__, (int)n, mysql_stmt_param_count(st), np);

	memset(b, 0, sizeof(b));
	for (i = 0; i < np; i++) {
		switch (fmt[i]) {
		case 's':
			if ((s = va_arg(ap, const char *)) == NULL) {
				b[i].buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)s;
			len[i] = strlen(s);
			b[i].buffer_length = len[i];
			b[i].length = &len[i];
			break;
		case 'i':
			iv[i] = va_arg(ap, long long);
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = &iv[i];
			break;
		case 'b':
			b[i].buffer_type = MYSQL_TYPE_BLOB;
			b[i].buffer = (void *)va_arg(ap, const void *);
			len[i] = va_arg(ap, size_t);
			b[i].buffer_length = len[i];
			b[i].length = &len[i];
			break;
		default:
			fatalx("%s: bad format %c", __func__, fmt[i]);
		}
	}

	if ((np > 0 && mysql_stmt_bind_param(st, b) != 0) ||
	    mysql_stmt_execute(st) != 0 ||
	    (mysql_stmt_field_count(st) > 0 &&
	    mysql_stmt_store_result(st) != 0)) {
		st_errno = mysql_stmt_errno(st);
		warnx("%.40s...: %s", astmts[n], mysql_stmt_error(st));
		return NULL;
	}
	return st;
}

/* st_vrun with the parameters as arguments. */
static MYSQL_STMT *
st_run(enum astmt n, const char *fmt, ...)
{
	MYSQL_STMT	*st;
	va_list		 ap;

	va_start(ap, fmt);
	st = st_vrun(n, fmt, ap);
	va_end(ap);
	return st;
}

/*
 * Runs statement n like st_run.  Returns the number of rows it changed
 * (an upsert counts 1 for an insert, 2 for a change, 0 for no change),
 * or -1 on error (printed).
 */
static long long
st_exec(enum astmt n, const char *fmt, ...)
{
	MYSQL_STMT	*st;
	va_list		 ap;

	va_start(ap, fmt);
	st = st_vrun(n, fmt, ap);
	va_end(ap);
	return st == NULL ? -1 : (long long)mysql_stmt_affected_rows(st);
}

/*
 * Fetches the next row of st's result into the variables described by
 * fmt: 'l' a long long *, 's' a char * and its size_t size (truncated
 * and NUL-terminated; SQL NULL gives "").  NULL numbers give 0.  Returns
 * 1 for a row, or 0 at the end and -1 on error (printed), both of which
 * free the result.
 */
static int
st_vnext(MYSQL_STMT *st, const char *fmt, va_list ap)
{
	MYSQL_BIND	 b[MAX_PARAMS];
	unsigned long	 len[MAX_PARAMS];
	my_bool		 isnull[MAX_PARAMS];
	char		*str[MAX_PARAMS];
	size_t		 i, nf = strlen(fmt), sz[MAX_PARAMS];
	int		 rc;

	if (nf > MAX_PARAMS || nf != mysql_stmt_field_count(st))
		fatalx("%s: %zu variables for %u columns", __func__, nf,
		    mysql_stmt_field_count(st));
	memset(b, 0, sizeof(b));
	for (i = 0; i < nf; i++) {
		b[i].is_null = &isnull[i];
		b[i].length = &len[i];
		str[i] = NULL;
		if (fmt[i] == 'l') {
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = va_arg(ap, long long *);
			*(long long *)b[i].buffer = 0;
		} else if (fmt[i] == 's') {
			str[i] = va_arg(ap, char *);
			sz[i] = va_arg(ap, size_t);
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = str[i];
			b[i].buffer_length = sz[i] - 1;
		} else
			fatalx("%s: bad format %c", __func__, fmt[i]);
	}

	if (mysql_stmt_bind_result(st, b) != 0) {
		warnx("mysql_stmt_bind_result: %s", mysql_stmt_error(st));
		mysql_stmt_free_result(st);
		return -1;
	}
	rc = mysql_stmt_fetch(st);
	if (rc == MYSQL_NO_DATA) {
		mysql_stmt_free_result(st);
		return 0;
	}
	if (rc != 0 && rc != MYSQL_DATA_TRUNCATED) {
		warnx("mysql_stmt_fetch: %s", mysql_stmt_error(st));
		mysql_stmt_free_result(st);
		return -1;
	}
	for (i = 0; i < nf; i++) {
		if (str[i] == NULL)
			continue;
		if (isnull[i])
			str[i][0] = '\0';
		else
			str[i][len[i] < sz[i] - 1 ? len[i] : sz[i] - 1] = '\0';
	}
	return 1;
}

/* st_vnext with the variables as arguments. */
static int
st_next(MYSQL_STMT *st, const char *fmt, ...)
{
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	rc = st_vnext(st, fmt, ap);
	va_end(ap);
	return rc;
}

/*
 * Fetches the first row of st's result like st_next and frees the
 * result in every case.  Returns 1 for a row, 0 for none, -1 on error
 * (printed).
 */
static int
st_one(MYSQL_STMT *st, const char *fmt, ...)
{
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	rc = st_vnext(st, fmt, ap);
	va_end(ap);
	if (rc == 1)
		mysql_stmt_free_result(st);
	return rc;
}

/*
 * Runs a lookup returning one number (an id).  Returns 1 and sets *id if
 * a row matched, 0 if none did, -1 on error (printed).
 */
static int
st_id(long long *id, enum astmt n, const char *fmt, ...)
{
	MYSQL_STMT	*st;
	va_list		 ap;

	va_start(ap, fmt);
	st = st_vrun(n, fmt, ap);
	va_end(ap);
	if (st == NULL)
		return -1;
	return st_one(st, "l", id);
}

/* Starts a transaction.  Returns 0, or -1 (printed). */
static int
tx_begin(void)
{
	if (mysql_autocommit(db, 0) != 0) {
		warnx("mysql_autocommit: %s", mysql_error(db));
		return -1;
	}
	return 0;
}

/* Commits the transaction.  Returns 0, or -1 (printed). */
static int
tx_commit(void)
{
	if (mysql_commit(db) != 0) {
		warnx("mysql_commit: %s", mysql_error(db));
		return -1;
	}
	return 0;
}

/*
 * Writes the audit row of an operator action: no account (the operator
 * is whoever runs gkbm-admin on the server), reason "gkbm-admin".
 * Returns 0, or -1 (printed): the caller then fails the whole action.
 */
static int
audit(const char *event, const char *object)
{
	return st_exec(ASTMT_AUDIT_INSERT, "ss", event, object) == 1 ? 0 : -1;
}

/* One migration file found in the schema directory. */
struct mfile {
	int		 version;
	char		 name[101];
};

/* qsort comparison of migration files by version. */
static int
mfile_cmp(const void *a, const void *b)
{
	const struct mfile	*x = a, *y = b;

	return (x->version > y->version) - (x->version < y->version);
}

/*
 * Lists the NNNN-*.sql files of dir into *files sorted by version.
 * Returns their number, or -1 (printed) if the directory cannot be read
 * or two files share a version.  The caller frees *files.
 */
static int
mfile_list(const char *dir, struct mfile **files)
{
	DIR		*d;
	struct dirent	*de;
	struct mfile	*f = NULL;
	size_t		 n = 0, len, i;

	if ((d = opendir(dir)) == NULL) {
		warn("%s", dir);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len < 9 || len > 100 || de->d_name[4] != '-' ||
		    strcmp(de->d_name + len - 4, ".sql") != 0 ||
		    !isdigit((unsigned char)de->d_name[0]) ||
		    !isdigit((unsigned char)de->d_name[1]) ||
		    !isdigit((unsigned char)de->d_name[2]) ||
		    !isdigit((unsigned char)de->d_name[3]))
			continue;
		f = xreallocarray(f, n + 1, sizeof(*f));
		f[n].version = atoi(de->d_name);
		memcpy(f[n].name, de->d_name, len + 1);
		n++;
	}
	closedir(d);
	if (n > 0)
		qsort(f, n, sizeof(*f), mfile_cmp);
	for (i = 1; i < n; i++) {
		if (f[i].version == f[i - 1].version) {
			warnx("%s: %s and %s have the same version", dir,
			    f[i - 1].name, f[i].name);
			free(f);
			return -1;
		}
	}
	*files = f;
	return (int)n;
}

/*
 * Sends one statement of a migration file to the server and discards any
 * result.  Returns 0, or -1 (printed with file, statement and line).
 */
static int
mig_exec(const char *file, int nstmt, size_t line, const char *sql,
    size_t len)
{
	MYSQL_RES	*res;

	if (mysql_real_query(db, sql, len) != 0) {
		warnx("%s: statement %d (line %zu) failed: %s", file, nstmt,
		    line, mysql_error(db));
		return -1;
	}
	if ((res = mysql_store_result(db)) != NULL)
		mysql_free_result(res);
	return 0;
}

/*
 * Applies the migration file path: statements end with ';' at the end
 * of a line, lines starting with "--" are comments.  DDL commits by
 * itself in MariaDB, so a failure leaves the statements before it
 * applied; the message names the statement so the operator can repair
 * the database by hand.  Returns the number of statements run, or -1.
 */
static int
mig_apply(const char *dir, const char *file)
{
	FILE		*f;
	char		*path, *line = NULL, *sql = NULL, *p;
	size_t		 linesz = 0, sqllen = 0, lineno = 0, start = 0;
	ssize_t		 n;
	int		 nstmt = 0, rc = -1, end;

	xasprintf(&path, "%s/%s", dir, file);
	if ((f = fopen(path, "r")) == NULL) {
		warn("%s", path);
		free(path);
		return -1;
	}
	while ((n = getline(&line, &linesz, f)) != -1) {
		lineno++;
		while (n > 0 && isspace((unsigned char)line[n - 1]))
			line[--n] = '\0';
		for (p = line; isspace((unsigned char)*p); p++)
			continue;
		if (p[0] == '-' && p[1] == '-')
			continue;
		if (*p == '\0' && sqllen == 0)
			continue;
		if (sqllen == 0)
			start = lineno;
		if ((end = (n > 0 && line[n - 1] == ';')))
			line[--n] = '\0';
		sql = xreallocarray(sql, sqllen + n + 2, 1);
		memcpy(sql + sqllen, line, n);
		sqllen += n;
		sql[sqllen++] = '\n';
		sql[sqllen] = '\0';
		if (end) {
			if (mig_exec(file, ++nstmt, start, sql, sqllen) == -1)
				goto out;
			sqllen = 0;
		}
	}
	if (ferror(f)) {
		warn("%s", path);
		goto out;
	}
	for (p = sql; sqllen > 0 && isspace((unsigned char)*p); p++)
		continue;
	if (sqllen > 0 && *p != '\0' &&
	    mig_exec(file, ++nstmt, start, sql, sqllen) == -1)
		goto out;
	rc = nstmt;
out:
	fclose(f);
	free(line);
	free(sql);
	free(path);
	return rc;
}

/*
 * Runs one GRANT or REVOKE built from checked identifiers.  Returns 0,
 * or -1 (printed).
 */
static int
grant_exec(const char *sql)
{
	if (mysql_query(db, sql) != 0) {
		warnx("%s: %s", sql, mysql_error(db));
		if (mysql_errno(db) == ER_PASSWORD_NO_MATCH ||
		    mysql_errno(db) == ER_CANT_CREATE_USER_WITH_GRANT)
			warnx("create the account %s@localhost first "
			    "(schema/grants.sql)", cfg.db_user);
		else if (mysql_errno(db) == ER_TABLEACCESS_DENIED_ERROR)
			warnx("%s needs ALL PRIVILEGES ON %s.* WITH GRANT "
			    "OPTION", cfg.db_admin_user, cfg.db_name);
		return -1;
	}
	return 0;
}

/*
 * Gives the web account exactly its privileges on every table: SELECT,
 * INSERT, UPDATE, DELETE, except audit (INSERT only, so the trail cannot
 * be rewritten from the web side) and schema_version (SELECT).  The new
 * grant goes first and the surplus is revoked after, so gkbm-web never
 * loses a privilege it keeps while this runs.  Returns the number of
 * tables, or -1 (printed).
 */
static int
grant_web(void)
{
	/* What a table grant can hold besides the four data privileges. */
	static const char *const other = "CREATE, DROP, REFERENCES, INDEX, "
	    "ALTER, CREATE VIEW, SHOW VIEW, TRIGGER, DELETE HISTORY, "
	    "GRANT OPTION";
	MYSQL_STMT	*st;
	char		 table[65], sql[512];
	char		 (*tables)[65] = NULL;
	const char	*want, *drop;
	size_t		 n = 0, i;
	int		 rc;

	if (!ident_ok(cfg.db_user, 1, 80, 0) ||
	    !ident_ok(cfg.db_name, 1, 64, 0)) {
		warnx("db_user and db_name must be letters, digits and _");
		return -1;
	}
	if ((st = st_run(ASTMT_TABLE_LIST, "")) == NULL)
		return -1;
	while ((rc = st_next(st, "s", table, sizeof(table))) == 1) {
		tables = xreallocarray(tables, n + 1, sizeof(*tables));
		memcpy(tables[n++], table, sizeof(table));
	}
	if (rc == -1)
		goto fail;

	for (i = 0; i < n; i++) {
		if (!ident_ok(tables[i], 1, 64, 0)) {
			warnx("table name %s: not letters, digits and _",
			    tables[i]);
			goto fail;
		}
		if (strcmp(tables[i], "audit") == 0) {
			want = "INSERT";
			drop = "SELECT, UPDATE, DELETE, ";
		} else if (strcmp(tables[i], "schema_version") == 0) {
			want = "SELECT";
			drop = "INSERT, UPDATE, DELETE, ";
		} else {
			want = "SELECT, INSERT, UPDATE, DELETE";
			drop = "";
		}
		snprintf(sql, sizeof(sql), "GRANT %s ON `%s`.`%s` TO "
		    "'%s'@'localhost'", want, cfg.db_name, tables[i],
		    cfg.db_user);
		if (grant_exec(sql) == -1)
			goto fail;
		snprintf(sql, sizeof(sql), "REVOKE %s%s ON `%s`.`%s` FROM "
		    "'%s'@'localhost'", drop, other, cfg.db_name, tables[i],
		    cfg.db_user);
		if (grant_exec(sql) == -1)
			goto fail;
	}
	free(tables);
	return (int)n;
fail:
	free(tables);
	return -1;
}

/*
 * migrate: applies the schema files not yet recorded in schema_version,
 * in order, recording each after it applied; then (re)grants the web
 * account.  Returns 0, or -1 (printed).
 */
static int
cmd_migrate(char **argv, const struct opts *o)
{
	MYSQL_STMT	*st;
	struct mfile	*files = NULL;
	const char	*dir;
	long long	 v, top = 0;
	long long	*done = NULL;
	size_t		 ndone = 0, j;
	int		 nfiles, i, applied = 0, ntables, rc;

	(void)argv;
	if ((dir = o->schema_dir) == NULL)
		dir = D_SCHEMA;
	if ((nfiles = mfile_list(dir, &files)) == -1)
		return -1;
	if (nfiles == 0) {
		warnx("%s: no NNNN-*.sql files", dir);
		goto fail;
	}
	if (st_exec(ASTMT_VERSION_TABLE, "") == -1)
		goto fail;
	if ((st = st_run(ASTMT_VERSION_LIST, "")) == NULL)
		goto fail;
	while ((rc = st_next(st, "l", &v)) == 1) {
		done = xreallocarray(done, ndone + 1, sizeof(*done));
		done[ndone++] = v;
		if (v > top)
			top = v;
	}
	if (rc == -1)
		goto fail;

	for (i = 0; i < nfiles; i++) {
		for (j = 0; j < ndone; j++)
			if (done[j] == files[i].version)
				break;
		if (j < ndone)
			continue;
		if (mig_apply(dir, files[i].name) == -1)
			goto fail;
		if (st_exec(ASTMT_VERSION_INSERT, "is",
		    (long long)files[i].version, files[i].name) != 1) {
			warnx("%s applied but not recorded in schema_version",
			    files[i].name);
			goto fail;
		}
		applied++;
		if (files[i].version > top)
			top = files[i].version;
	}
	if ((ntables = grant_web()) == -1)
		goto fail;
	if (applied == 0)
		printf("schema at version %lld, nothing to do; "
		    "%s@localhost granted on %d tables\n", top, cfg.db_user,
		    ntables);
	else
		printf("schema at version %lld, applied %d file%s; "
		    "%s@localhost granted on %d tables\n", top, applied,
		    applied == 1 ? "" : "s", cfg.db_user, ntables);
	free(files);
	free(done);
	return 0;
fail:
	free(files);
	free(done);
	return -1;
}

/* How a column of a reference file is checked. */
enum ctype {
	CT_TEXT,	/* any text of min..max characters */
	CT_CODE,	/* [A-Za-z0-9], min..max */
	CT_DIGITS,	/* [0-9], min..max */
	CT_LOWER,	/* [a-z], min..max */
	CT_FLAG,	/* 0 or 1 */
	CT_RANK,	/* 0..99 */
	CT_ENUM,	/* one of values */
	CT_LIST		/* codes separated by ",", each [A-Za-z0-9]{1,max} */
};

#define COL_BIND	1	/* a parameter of the upsert */
#define COL_NULL	2	/* empty binds SQL NULL */

struct refcol {
	const char		*name;
	enum ctype		 type;
	size_t			 min, max;
	const char *const	*values;	/* CT_ENUM */
	int			 flags;
};

struct reffile {
	const char		*file;
	enum astmt		 stmt;
	const struct refcol	*cols;
	size_t			 ncols;
};

/* The rows of one reference file, fields pointing into lines. */
struct refrows {
	char		**lines;
	size_t		 *lineno;
	char		*(*f)[MAX_COLS];
	size_t		  n;
};

static const char *const region_kinds[] = {
	"province", "city", "county", "direct_county", "zone", NULL
};
static const char *const wt_status[] = {
	"current", "merged", "cancelled", NULL
};

static const struct refcol region_cols[] = {
	{ "code",		CT_DIGITS, 6, 6,   NULL, COL_BIND },
	{ "name",		CT_TEXT,   1, 50,  NULL, COL_BIND },
	{ "parent_code",	CT_DIGITS, 0, 6,   NULL, COL_BIND | COL_NULL },
	{ "kind",		CT_ENUM,   0, 0,   region_kinds, COL_BIND },
	{ "division_type",	CT_TEXT,   0, 20,  NULL, COL_BIND },
	{ "direct_county",	CT_FLAG,   0, 0,   NULL, COL_BIND },
	{ "note",		CT_TEXT,   0, 200, NULL, COL_BIND },
};
static const struct refcol worktype_cols[] = {
	{ "code",		CT_CODE,   1, 8,   NULL, COL_BIND },
	{ "name",		CT_TEXT,   1, 50,  NULL, COL_BIND },
	{ "pinyin_initials",	CT_LOWER,  1, 32,  NULL, COL_BIND },
	{ "category",		CT_TEXT,   0, 50,  NULL, COL_BIND },
	{ "status",		CT_ENUM,   0, 0,   wt_status, COL_BIND },
	{ "maps_to",		CT_LIST,   0, 8,   NULL, 0 },
	{ "level1_open",	CT_FLAG,   0, 0,   NULL, COL_BIND },
	{ "source",		CT_TEXT,   0, 20,  NULL, COL_BIND },
	{ "source_ref",		CT_TEXT,   0, 200, NULL, COL_BIND },
};
static const struct refcol education_cols[] = {
	{ "code",		CT_DIGITS, 2, 2,   NULL, COL_BIND },
	{ "name",		CT_TEXT,   1, 20,  NULL, COL_BIND },
	{ "full_name",		CT_TEXT,   1, 50,  NULL, COL_BIND },
	{ "rank",		CT_RANK,   0, 0,   NULL, COL_BIND },
	{ "note",		CT_TEXT,   0, 200, NULL, COL_BIND },
};
static const struct refcol appraisal_cols[] = {
	{ "code",		CT_CODE,   1, 8,   NULL, COL_BIND },
	{ "name",		CT_TEXT,   1, 20,  NULL, COL_BIND },
	{ "alt_name",		CT_TEXT,   1, 20,  NULL, COL_BIND },
	{ "rank",		CT_RANK,   0, 0,   NULL, COL_BIND },
	{ "counts_as_pass",	CT_FLAG,   0, 0,   NULL, COL_BIND },
	{ "note",		CT_TEXT,   0, 200, NULL, COL_BIND },
};

#define NCOLS(a)	(sizeof(a) / sizeof((a)[0]))

enum ref { REF_REGIONS, REF_WORKTYPES, REF_EDUCATION, REF_APPRAISAL, REF__MAX };

static const struct reffile reffiles[REF__MAX] = {
	/* REF_REGIONS */
	{ "regions.tsv", ASTMT_REGION_UPSERT, region_cols,
	    NCOLS(region_cols) },
	/* REF_WORKTYPES */
	{ "worktypes.tsv", ASTMT_WORKTYPE_UPSERT, worktype_cols,
	    NCOLS(worktype_cols) },
	/* REF_EDUCATION */
	{ "education.tsv", ASTMT_EDUCATION_UPSERT, education_cols,
	    NCOLS(education_cols) },
	/* REF_APPRAISAL */
	{ "appraisal.tsv", ASTMT_APPRAISAL_UPSERT, appraisal_cols,
	    NCOLS(appraisal_cols) },
};

static size_t	 ref_nerrors;

/* Prints "file:line: message" and counts it. */
static void __attribute__((format(printf, 3, 4)))
ref_error(const char *file, size_t line, const char *fmt, ...)
{
	va_list	 ap;

	if (++ref_nerrors > MAX_ERRORS)
		return;
	fprintf(stderr, "gkbm-admin: %s:%zu: ", file, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Returns 1 if every byte of s satisfies the class of type, else 0. */
static int
chars_ok(const char *s, enum ctype type)
{
	for (; *s != '\0'; s++) {
		if (type == CT_CODE && !isalnum((unsigned char)*s))
			return 0;
		if (type == CT_DIGITS && !isdigit((unsigned char)*s))
			return 0;
		if (type == CT_LOWER && !islower((unsigned char)*s))
			return 0;
	}
	return 1;
}

/*
 * Checks field v against column c; prints what is wrong with
 * file:line.  Returns 0, or -1.
 */
static int
ref_check(const char *file, size_t line, const struct refcol *c,
    const char *v)
{
	long		 n = text_chars(v);
	long long	 num;
	const char	*p, *q;
	char		 code[16];

	if (n == -1) {
		ref_error(file, line, "%s: not UTF-8 text", c->name);
		return -1;
	}
	switch (c->type) {
	case CT_TEXT:
	case CT_CODE:
	case CT_DIGITS:
	case CT_LOWER:
		if ((c->flags & COL_NULL) && n == 0)
			return 0;
		if ((size_t)n < c->min || (size_t)n > c->max ||
		    !chars_ok(v, c->type)) {
			ref_error(file, line, "%s: \"%s\" is not %s of %zu to "
			    "%zu characters", c->name, v,
			    c->type == CT_TEXT ? "text" :
			    c->type == CT_CODE ? "a code" :
			    c->type == CT_DIGITS ? "digits" :
			    "lower-case letters", c->min, c->max);
			return -1;
		}
		return 0;
	case CT_FLAG:
		if (strcmp(v, "0") != 0 && strcmp(v, "1") != 0) {
			ref_error(file, line, "%s: \"%s\" is not 0 or 1",
			    c->name, v);
			return -1;
		}
		return 0;
	case CT_RANK:
		if (num_parse(v, 0, 99, &num) == -1) {
			ref_error(file, line, "%s: \"%s\" is not a number "
			    "from 0 to 99", c->name, v);
			return -1;
		}
		return 0;
	case CT_ENUM:
		if (!in_list(v, c->values)) {
			ref_error(file, line, "%s: \"%s\" is not one of the "
			    "known values", c->name, v);
			return -1;
		}
		return 0;
	case CT_LIST:
		for (p = v; *p != '\0'; p = *q == ',' ? q + 1 : q) {
			q = p + strcspn(p, ",");
			if (q == p || (size_t)(q - p) > c->max ||
			    (snprintf(code, sizeof(code), "%.*s",
			    (int)(q - p), p), !chars_ok(code, CT_CODE)) ||
			    (*q == ',' && q[1] == '\0')) {
				ref_error(file, line, "%s: \"%s\" is not a "
				    "list of codes separated by ,", c->name,
				    v);
				return -1;
			}
		}
		return 0;
	}
	return 0;
}

/*
 * Reads dir/rf->file into rows: checks the header, the number of
 * columns of every row, each field and that the first column (the code)
 * is unique.  Problems are printed and counted in ref_nerrors.  Returns
 * 0 if the file was read (maybe with errors), -1 if it could not be.
 */
static int
ref_load(const char *dir, const struct reffile *rf, struct refrows *rows)
{
	FILE		*fp;
	char		*path, *line = NULL, *p, *cell[MAX_COLS + 1];
	size_t		 sz = 0, lineno = 0, nc, i, j;
	ssize_t		 n;

	memset(rows, 0, sizeof(*rows));
	xasprintf(&path, "%s/%s", dir, rf->file);
	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		free(path);
		return -1;
	}
	free(path);
	while ((n = getline(&line, &sz, fp)) != -1) {
		lineno++;
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if (n > 0 && line[n - 1] == '\r')
			line[--n] = '\0';
		if ((size_t)n != strlen(line)) {
			ref_error(rf->file, lineno, "NUL byte in the line");
			continue;
		}
		p = xstrdup(line);
		for (nc = 0, cell[0] = p; nc <= MAX_COLS; ) {
			cell[nc++] = p;
			if ((p = strchr(p, '\t')) == NULL)
				break;
			*p++ = '\0';
		}
		if (p != NULL || nc != rf->ncols) {
			ref_error(rf->file, lineno, "%s%zu columns, expected "
			    "%zu", p != NULL ? "more than " : "",
			    p != NULL ? (size_t)MAX_COLS : nc, rf->ncols);
			free(cell[0]);
			if (lineno == 1)
				break;
			continue;
		}
		if (lineno == 1) {
			for (i = 0; i < nc; i++)
				if (strcmp(cell[i], rf->cols[i].name) != 0) {
					ref_error(rf->file, 1, "column %zu of "
					    "the header is \"%s\", expected "
					    "\"%s\"", i + 1, cell[i],
					    rf->cols[i].name);
				}
			free(cell[0]);
			continue;
		}
		for (i = 0; i < nc; i++)
			(void)ref_check(rf->file, lineno, &rf->cols[i],
			    cell[i]);
		for (j = 0; j < rows->n; j++)
			if (strcmp(rows->f[j][0], cell[0]) == 0)
				ref_error(rf->file, lineno, "%s %s already on "
				    "line %zu", rf->cols[0].name, cell[0],
				    rows->lineno[j]);
		rows->lines = xreallocarray(rows->lines, rows->n + 1,
		    sizeof(*rows->lines));
		rows->lineno = xreallocarray(rows->lineno, rows->n + 1,
		    sizeof(*rows->lineno));
		rows->f = xreallocarray(rows->f, rows->n + 1,
		    sizeof(*rows->f));
		rows->lines[rows->n] = cell[0];
		rows->lineno[rows->n] = lineno;
		for (i = 0; i < MAX_COLS; i++)
			rows->f[rows->n][i] = i < nc ? cell[i] : NULL;
		rows->n++;
	}
	if (ferror(fp))
		ref_error(rf->file, lineno, "read error: %s",
		    strerror(errno));
	if (lineno == 0)
		ref_error(rf->file, 1, "empty file, expected a header");
	fclose(fp);
	free(line);
	return 0;
}

/* Frees what ref_load allocated. */
static void
ref_free(struct refrows *rows)
{
	size_t	 i;

	for (i = 0; i < rows->n; i++)
		free(rows->lines[i]);
	free(rows->lines);
	free(rows->lineno);
	free(rows->f);
	memset(rows, 0, sizeof(*rows));
}

/* Returns the row of rows whose code (first column) is code, or -1. */
static long
ref_find(const struct refrows *rows, const char *code)
{
	size_t	 i;

	for (i = 0; i < rows->n; i++)
		if (strcmp(rows->f[i][0], code) == 0)
			return (long)i;
	return -1;
}

/*
 * Checks what crosses rows: a region's parent is a region of the file
 * (blank only for the province); a merged work type maps to work types
 * of the file and only merged ones map.  Errors are printed and counted.
 */
static void
ref_cross(const struct refrows *reg, const struct refrows *wt)
{
	const char	*p, *q;
	char		 code[16];
	size_t		 i;

	for (i = 0; i < reg->n; i++) {
		p = reg->f[i][2];
		if (*p == '\0' && strcmp(reg->f[i][3], "province") != 0)
			ref_error("regions.tsv", reg->lineno[i], "parent_code "
			    "is blank but kind is not province");
		else if (*p != '\0' && (ref_find(reg, p) == -1 ||
		    strcmp(p, reg->f[i][0]) == 0))
			ref_error("regions.tsv", reg->lineno[i], "parent_code "
			    "%s is not another region of the file", p);
	}
	for (i = 0; i < wt->n; i++) {
		p = wt->f[i][5];
		if ((*p != '\0') != (strcmp(wt->f[i][4], "merged") == 0)) {
			ref_error("worktypes.tsv", wt->lineno[i], "maps_to "
			    "must be given for merged rows and only for them");
			continue;
		}
		for (; *p != '\0'; p = *q == ',' ? q + 1 : q) {
			q = p + strcspn(p, ",");
			snprintf(code, sizeof(code), "%.*s", (int)(q - p), p);
			if (ref_find(wt, code) == -1 ||
			    strcmp(code, wt->f[i][0]) == 0)
				ref_error("worktypes.tsv", wt->lineno[i],
				    "maps_to %s is not another work type of "
				    "the file", code);
		}
	}
}

/*
 * Upserts the rows of one file with its statement, binding the
 * COL_BIND columns in order.  Adds to *changed the rows inserted or
 * changed.  Returns 0, or -1 (printed with file:line).
 */
static int
ref_store(const struct reffile *rf, const struct refrows *rows,
    size_t *changed)
{
	const char	*v[MAX_COLS];
	size_t		 i, j, nb;
	long long	 r;

	for (i = 0; i < rows->n; i++) {
		for (j = 0, nb = 0; j < rf->ncols; j++) {
			if (!(rf->cols[j].flags & COL_BIND))
				continue;
			v[nb] = rows->f[i][j];
			if ((rf->cols[j].flags & COL_NULL) && *v[nb] == '\0')
				v[nb] = NULL;
			nb++;
		}
		/* The widest file binds 8; a table of formats by width. */
		switch (nb) {
		case 5:
			r = st_exec(rf->stmt, "sssss", v[0], v[1], v[2], v[3],
			    v[4]);
			break;
		case 6:
			r = st_exec(rf->stmt, "ssssss", v[0], v[1], v[2],
			    v[3], v[4], v[5]);
			break;
		case 7:
			r = st_exec(rf->stmt, "sssssss", v[0], v[1], v[2],
			    v[3], v[4], v[5], v[6]);
			break;
		case 8:
			r = st_exec(rf->stmt, "ssssssss", v[0], v[1], v[2],
			    v[3], v[4], v[5], v[6], v[7]);
			break;
		default:
			fatalx("%s: %zu columns", __func__, nb);
		}
		if (r == -1) {
			warnx("%s:%zu: not stored", rf->file,
			    rows->lineno[i]);
			return -1;
		}
		if (r > 0)
			(*changed)++;
	}
	return 0;
}

/*
 * Brings worktype_map in line with the maps_to column: drops pairs the
 * file no longer has, adds the new ones.  Adds to *changed the pairs
 * added or dropped and to *total the pairs of the file.  Returns 0, or
 * -1 (printed).
 */
static int
ref_store_map(const struct refrows *wt, size_t *changed, size_t *total)
{
	const char	*p, *q;
	char		 code[16];
	size_t		 i;
	long long	 r;

	for (i = 0; i < wt->n; i++) {
		if ((r = st_exec(ASTMT_WTMAP_PRUNE, "ss", wt->f[i][0],
		    wt->f[i][5])) == -1)
			return -1;
		*changed += r;
		for (p = wt->f[i][5]; *p != '\0'; p = *q == ',' ? q + 1 : q) {
			q = p + strcspn(p, ",");
			snprintf(code, sizeof(code), "%.*s", (int)(q - p), p);
			if ((r = st_exec(ASTMT_WTMAP_INSERT, "ss",
			    wt->f[i][0], code)) == -1) {
				warnx("worktypes.tsv:%zu: maps_to %s not "
				    "stored", wt->lineno[i], code);
				return -1;
			}
			*changed += r;
			(*total)++;
		}
	}
	return 0;
}

/*
 * import-reference: reads and checks all four files first, then stores
 * them in one transaction, so a bad file changes nothing.  Returns 0, or
 * -1 (printed).
 */
static int
cmd_import(char **argv, const struct opts *o)
{
	struct refrows	 rows[REF__MAX];
	const char	*dir;
	size_t		 changed = 0, nmap = 0, i;
	int		 rc = -1;

	(void)argv;
	dir = o->data_dir != NULL ? o->data_dir : cfg.data_dir;
	memset(rows, 0, sizeof(rows));
	ref_nerrors = 0;
	for (i = 0; i < REF__MAX; i++)
		if (ref_load(dir, &reffiles[i], &rows[i]) == -1)
			goto out;
	ref_cross(&rows[REF_REGIONS], &rows[REF_WORKTYPES]);
	if (ref_nerrors > 0) {
		if (ref_nerrors > MAX_ERRORS)
			warnx("... %zu errors in all", ref_nerrors);
		warnx("nothing imported");
		goto out;
	}

	if (tx_begin() == -1)
		goto out;
	for (i = 0; i < REF__MAX; i++)
		if (ref_store(&reffiles[i], &rows[i], &changed) == -1)
			goto out;
	if (ref_store_map(&rows[REF_WORKTYPES], &changed, &nmap) == -1 ||
	    (changed > 0 && audit("reference.import", dir) == -1) ||
	    tx_commit() == -1)
		goto out;
	printf("imported %zu regions, %zu work types (%zu mappings), "
	    "%zu education levels, %zu appraisal grades; %zu rows changed\n",
	    rows[REF_REGIONS].n, rows[REF_WORKTYPES].n, nmap,
	    rows[REF_EDUCATION].n, rows[REF_APPRAISAL].n, changed);
	rc = 0;
out:
	for (i = 0; i < REF__MAX; i++)
		ref_free(&rows[i]);
	return rc;
}

/*
 * Parses a year of the system (2000 to 2100) into *year.  Returns 0, or
 * -1 (printed).
 */
static int
year_parse(const char *s, long long *year)
{
	if (num_parse(s, 2000, 2100, year) == -1) {
		warnx("year %s: expected a year from 2000 to 2100", s);
		return -1;
	}
	return 0;
}

/*
 * Checks that the year exists in years.  Returns 0, or -1 (printed).
 */
static int
year_exists(long long year)
{
	long long	 y;
	int		 rc;

	if ((rc = st_id(&y, ASTMT_YEAR_GET, "i", year)) == 0)
		warnx("no year %lld: create it first with "
		    "gkbm-admin year %lld TITLE", year, year);
	return rc == 1 ? 0 : -1;
}

/*
 * year: creates the year or changes its title; --current makes it the
 * only current year.  Returns 0, or -1 (printed).
 */
static int
cmd_year(char **argv, const struct opts *o)
{
	long long	 year, r, c = 0;
	long		 n;
	char		 obj[32];

	if (year_parse(argv[0], &year) == -1)
		return -1;
	if ((n = text_chars(argv[1])) < 1 || n > 100) {
		warnx("title: expected 1 to 100 characters of text");
		return -1;
	}
	if (tx_begin() == -1 ||
	    (r = st_exec(ASTMT_YEAR_UPSERT, "is", year, argv[1])) == -1 ||
	    (o->current &&
	    (c = st_exec(ASTMT_YEAR_CURRENT, "i", year)) == -1))
		return -1;
	snprintf(obj, sizeof(obj), "year:%lld", year);
	if (audit("year.set", obj) == -1 || tx_commit() == -1)
		return -1;
	printf("year %lld %s%s\n", year, r == 1 ? "created" :
	    r == 2 || c > 0 ? "updated" : "unchanged",
	    o->current ? ", the current year" : "");
	return 0;
}

/*
 * Parses a Beijing time "YYYY-MM-DD HH:MM" into out as
 * "YYYY-MM-DD HH:MM:SS" for a DATETIME.  Returns 0, or -1 (printed).
 */
static int
when_parse(const char *what, const char *s, char *out, size_t outsz)
{
	struct tm	 tm;
	const char	*msg;

	memset(&tm, 0, sizeof(tm));
	if ((msg = valid_datetime(s, &tm)) != NULL) {
		warnx("%s %s: %s (expected YYYY-MM-DD HH:MM)", what, s, msg);
		return -1;
	}
	if (strftime(out, outsz, "%Y-%m-%d %H:%M:%S", &tm) == 0) {
		warnx("%s %s: cannot format", what, s);
		return -1;
	}
	return 0;
}

/*
 * window: sets the province-wide window of a kind for a year.  Returns
 * 0, or -1 (printed).
 */
static int
cmd_window(char **argv, const struct opts *o)
{
	long long	 year;
	char		 start[32], end[32], obj[64];

	(void)o;
	if (year_parse(argv[0], &year) == -1)
		return -1;
	if (!in_list(argv[1], window_kinds)) {
		warnx("kind %s: expected registration, unitcheck, review, "
		    "payment, ticket, result or certificate", argv[1]);
		return -1;
	}
	if (when_parse("start", argv[2], start, sizeof(start)) == -1 ||
	    when_parse("end", argv[3], end, sizeof(end)) == -1)
		return -1;
	if (strcmp(start, end) >= 0) {
		warnx("the start %s is not before the end %s", argv[2],
		    argv[3]);
		return -1;
	}
	snprintf(obj, sizeof(obj), "window:%lld:%s", year, argv[1]);
	if (tx_begin() == -1 || year_exists(year) == -1 ||
	    st_exec(ASTMT_WINDOW_UPSERT, "isss", year, argv[1], start,
	    end) == -1 ||
	    audit("window.set", obj) == -1 || tx_commit() == -1)
		return -1;
	printf("window %lld %s: %.16s to %.16s (Beijing time)\n", year,
	    argv[1], start, end);
	return 0;
}

/*
 * Looks up a unit by code: its id into *id and its kind into kind.
 * Returns 1, 0 if there is none, -1 on error (printed).
 */
static int
unit_get(const char *code, long long *id, char *kind, size_t kindsz)
{
	MYSQL_STMT	*st;

	if ((st = st_run(ASTMT_UNIT_GET, "s", code)) == NULL)
		return -1;
	return st_one(st, "ls", id, kind, kindsz);
}

/*
 * Looks up a region: its kind into kind and its direct_county flag into
 * *direct.  Returns 1, 0 if there is none, -1 on error (printed).
 */
static int
region_get(const char *code, char *kind, size_t kindsz, long long *direct)
{
	MYSQL_STMT	*st;

	if ((st = st_run(ASTMT_REGION_GET, "s", code)) == NULL)
		return -1;
	return st_one(st, "sl", kind, kindsz, direct);
}

/*
 * Creates a unit inside the caller's transaction and sets *id.  The code
 * is unique among units and may not be the login of an account, since
 * the web login takes either.  Returns 0, or -1 (printed).
 */
static int
unit_create(const char *code, const char *name, const char *kind,
    const char *region, const char *parent, long long *id)
{
	MYSQL_STMT	*st;
	char		 buf[32], obj[64], pidstr[24];
	long long	 pid, dc, other;
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
	if (!in_list(kind, unit_kinds)) {
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
	if ((rc = unit_get(code, &other, buf, sizeof(buf))) != 0) {
		if (rc == 1)
			warnx("unit %s already exists", code);
		return -1;
	}
	if ((rc = st_id(&other, ASTMT_LOGIN_GET, "s", code)) != 0) {
		if (rc == 1)
			warnx("unit code %s is the login of account %lld",
			    code, other);
		return -1;
	}
	if (parent != NULL) {
		if ((rc = unit_get(parent, &pid, buf, sizeof(buf))) != 1) {
			if (rc == 0)
				warnx("parent unit %s: no such unit", parent);
			return -1;
		}
		/* An id bound as text: 's' is the format that binds NULL. */
		snprintf(pidstr, sizeof(pidstr), "%lld", pid);
	}
	if ((st = st_run(ASTMT_UNIT_INSERT, "sssss", code, name, kind,
	    parent != NULL ? pidstr : NULL, region)) == NULL)
		return -1;
	*id = (long long)mysql_stmt_insert_id(st);
	snprintf(obj, sizeof(obj), "unit:%lld", *id);
	return audit("unit.create", obj);
}

/* create-unit: creates a unit.  Returns 0, or -1 (printed). */
static int
cmd_unit(char **argv, const struct opts *o)
{
	long long	 id;

	(void)o;
	if (tx_begin() == -1 ||
	    unit_create(argv[0], argv[1], argv[2], argv[3], argv[4],
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
 * Seals value (a phone or ID number) into enc and computes its lookup
 * value of domain into mac.  Returns 0, or -1 (logged).
 */
static int
pii_both(const char *domain, const char *value, unsigned char *enc,
    size_t *enclen, unsigned char mac[MAC_LEN])
{
	if (pii_seal(&cfg, value, enc, PII_MAX, enclen) == -1)
		return -1;
	pii_mac(&cfg, domain, value, mac);
	return 0;
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
	if (!in_list(s->role, staff_roles)) {
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
	MYSQL_STMT	*st;
	unsigned char	 enc[PII_MAX], mac[MAC_LEN];
	size_t		 enclen;
	char		 kind[32], obj[64];
	long long	 unit, other;
	int		 rc;

	if ((rc = unit_get(s->unit, &unit, kind, sizeof(kind))) != 1) {
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
	if ((rc = st_id(&other, ASTMT_LOGIN_GET, "s", s->login)) != 0) {
		if (rc == 1)
			warnx("login %s is taken (account %lld)", s->login,
			    other);
		return -1;
	}
	if ((rc = unit_get(s->login, &other, kind, sizeof(kind))) != 0) {
		if (rc == 1)
			warnx("login %s is the code of a unit", s->login);
		return -1;
	}
	if (pii_both("phone", s->phone, enc, &enclen, mac) == -1)
		return -1;
	if ((rc = st_id(&other, ASTMT_ACCOUNT_BY_PHONE, "ib", 0LL, mac,
	    (size_t)MAC_LEN)) != 0) {
		if (rc == 1)
			warnx("phone already belongs to staff account %lld",
			    other);
		return -1;
	}
	if ((st = st_run(ASTMT_STAFF_INSERT, "sissbbsi", s->role, unit,
	    s->login, s->name, enc, enclen, mac, (size_t)MAC_LEN, hash,
	    (long long)must_change)) == NULL)
		return -1;
	*id = (long long)mysql_stmt_insert_id(st);
	if (s->unit_admin &&
	    st_exec(ASTMT_UNIT_SET_ADMIN, "ii", *id, unit) == -1)
		return -1;
	snprintf(obj, sizeof(obj), "account:%lld", *id);
	return audit("staff.create", obj);
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
static int
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
static int
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
	if ((rc = unit_get(s.unit, &unit, kind, sizeof(kind))) == -1)
		return -1;
	if (rc == 0 && unit_create(s.unit, "河南省工考办", "province",
	    "410000", NULL, &unit) == -1)
		return -1;
	if (staff_insert(&s, hash, must_change, &id) == -1 ||
	    tx_commit() == -1)
		return -1;
	staff_print(&s, id, must_change);
	return 0;
}

/*
 * create-candidate: creates a candidate account of a year (demo and
 * benchmark data; real candidates register on the web).  Returns 0, or
 * -1 (printed).
 */
static int
cmd_candidate(char **argv, const struct opts *o)
{
	MYSQL_STMT	*st;
	struct idno	 id;
	enum idno_err	 e;
	unsigned char	 ienc[PII_MAX], imac[MAC_LEN];
	unsigned char	 penc[PII_MAX], pmac[MAC_LEN];
	size_t		 ienclen, penclen;
	char		 pw[MAX_PW], hash[PW_HASH_MAX + 1], birth[16];
	char		 kind[32], obj[64], gender[2];
	const char	*name = argv[2], *phone = argv[3], *region = argv[4];
	const char	*msg;
	long long	 year, level, dc, other, acc;
	int		 rc;

	(void)o;
	if (year_parse(argv[0], &year) == -1)
		return -1;
	if ((e = idno_parse(argv[1], &id)) != IDNO_OK) {
		warnx("ID number: %s", idno_strerror(e));
		return -1;
	}
	if ((msg = valid_name(name)) != NULL) {
		warnx("name %s: %s", name, msg);
		return -1;
	}
	if ((msg = valid_phone(phone)) != NULL) {
		warnx("phone: %s", msg);
		return -1;
	}
	if (num_parse(argv[5], 1, 5, &level) == -1) {
		warnx("level %s: expected 1 to 5", argv[5]);
		return -1;
	}
	if ((rc = pw_read(pw, sizeof(pw))) != 1) {
		if (rc == 0)
			warnx("give the password on the first line of "
			    "standard input");
		return -1;
	}
	if ((msg = passwd_check_candidate(pw, id.norm, name)) != NULL) {
		OPENSSL_cleanse(pw, sizeof(pw));
		warnx("password refused: %s", msg);
		return -1;
	}
	rc = passwd_hash(pw, cfg.scrypt_ln, hash, sizeof(hash));
	OPENSSL_cleanse(pw, sizeof(pw));
	if (rc == -1) {
		warnx("cannot hash the password");
		return -1;
	}
	snprintf(birth, sizeof(birth), "%04d-%02d-%02d", id.year, id.month,
	    id.day);
	gender[0] = id.gender;
	gender[1] = '\0';
	if (pii_both("idno", id.norm, ienc, &ienclen, imac) == -1 ||
	    pii_both("phone", phone, penc, &penclen, pmac) == -1)
		return -1;

	if (tx_begin() == -1 || year_exists(year) == -1)
		return -1;
	if ((rc = region_get(region, kind, sizeof(kind), &dc)) != 1) {
		if (rc == 0)
			warnx("region %s: no such region", region);
		return -1;
	}
	if (strcmp(kind, "city") != 0 && strcmp(kind, "direct_county") != 0 &&
	    dc == 0) {
		warnx("region %s is a %s: expected a city or a directly "
		    "administered county", region, kind);
		return -1;
	}
	if ((rc = st_id(&other, ASTMT_ACCOUNT_BY_IDNO, "ib", year, imac,
	    (size_t)MAC_LEN)) != 0) {
		if (rc == 1)
			warnx("this ID number is already registered in %lld "
			    "(account %lld)", year, other);
		return -1;
	}
	if ((rc = st_id(&other, ASTMT_ACCOUNT_BY_PHONE, "ib", year, pmac,
	    (size_t)MAC_LEN)) != 0) {
		if (rc == 1)
			warnx("this phone is already registered in %lld "
			    "(account %lld)", year, other);
		return -1;
	}
	if ((st = st_run(ASTMT_CANDIDATE_INSERT, "isbbbbsssis", year, name,
	    ienc, ienclen, imac, (size_t)MAC_LEN, penc, penclen, pmac,
	    (size_t)MAC_LEN, gender, birth, region, level, hash)) == NULL)
		return -1;
	acc = (long long)mysql_stmt_insert_id(st);
	snprintf(obj, sizeof(obj), "account:%lld", acc);
	if (audit("candidate.create", obj) == -1 || tx_commit() == -1)
		return -1;
	printf("candidate account %lld created for %lld, level %lld, "
	    "region %s\n", acc, year, level, region);
	return 0;
}

/*
 * The qualified library (合格库): a CSV file in UTF-8 (a BOM is allowed,
 * CRLF or LF line ends), header idno,worktype,level,year, one
 * certificate per row.  Fields may be double-quoted ("" inside quotes
 * is a quote); spaces around a field are ignored; blank lines are
 * skipped.
 */
#define QUAL_HEADER	"idno,worktype,level,year"
#define QUAL_COLS	4
#define QUAL_MINYEAR	1990		/* the first certificates recorded */

/* A work type of the catalogue (any status): code and exact name. */
struct wtype {
	char		 code[16];
	char		 name[256];
};

/* One row of a qualified library file. */
struct qrow {
	size_t		 line;
	char		 norm[19];	/* the ID number, upper-case X */
	char		 code[16];	/* the work type's code */
	int		 level;
	int		 year;
	char		*err;		/* why it is refused, or NULL */
};

/*
 * Reads the work-type catalogue into *wts (the caller frees it).
 * Returns the number of work types, or -1 (printed).
 */
static long
wt_load(struct wtype **wts)
{
	MYSQL_STMT	*st;
	struct wtype	 w;
	size_t		 n = 0;
	int		 rc;

	*wts = NULL;
	if ((st = st_run(ASTMT_WORKTYPE_LIST, "")) == NULL)
		return -1;
	while ((rc = st_next(st, "ss", w.code, sizeof(w.code), w.name,
	    sizeof(w.name))) == 1) {
		*wts = xreallocarray(*wts, n + 1, sizeof(**wts));
		(*wts)[n++] = w;
	}
	return rc == -1 ? -1 : (long)n;
}

/* Returns the code of the work type whose code or exact name is s. */
static const char *
wt_find(const struct wtype *wts, size_t n, const char *s)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(wts[i].code, s) == 0)
			return wts[i].code;
	for (i = 0; i < n; i++)
		if (strcmp(wts[i].name, s) == 0)
			return wts[i].code;
	return NULL;
}

/*
 * Splits a CSV line in place into at most max cells (RFC 4180 quoting
 * within the line; spaces around a cell trimmed).  Returns the number
 * of cells (max + 1 when there are more), or -1 when a quote is not
 * closed or is followed by something other than a comma.
 */
static int
csv_split(char *line, char **cell, int max)
{
	char	*p = line, *out, *end;
	int	 n = 0;

	for (;;) {
		while (*p == ' ')
			p++;
		out = p;
		if (n < max)
			cell[n] = out;
		n++;
		if (*p == '"') {
			for (p++; ; p++) {
				if (*p == '\0')
					return -1;
				if (*p == '"' && p[1] == '"')
					p++;
				else if (*p == '"')
					break;
				*out++ = *p;
			}
			for (p++; *p == ' '; p++)
				continue;
			if (*p != ',' && *p != '\0')
				return -1;
			end = out;
		} else {
			while (*p != ',' && *p != '\0')
				p++;
			for (end = p; end > out && end[-1] == ' '; end--)
				continue;
			out = end;
		}
		if (*p == '\0') {
			*end = '\0';
			break;
		}
		p++;
		*end = '\0';
	}
	return n > max ? max + 1 : n;
}

/* Sets the refusal of row r (the first one counts). */
static void __attribute__((format(printf, 2, 3)))
qrow_refuse(struct qrow *r, const char *fmt, ...)
{
	va_list	 ap;

	if (r->err != NULL)
		return;
	va_start(ap, fmt);
	if (vasprintf(&r->err, fmt, ap) == -1)
		fatalx("vasprintf: out of memory");
	va_end(ap);
}

/*
 * Checks the four cells of a row into r: the ID number (GB 11643, check
 * digit included), a known work type (by code or exact name, current or
 * old), level 1 to 5, year QUAL_MINYEAR to maxyear.  The ID number is
 * never printed: the line number identifies the row.
 */
static void
qrow_check(struct qrow *r, char **cell, const struct wtype *wts, size_t nwt,
    long long maxyear)
{
	struct idno	 id;
	enum idno_err	 e;
	const char	*code;
	long long	 v;

	if ((e = idno_parse(cell[0], &id)) != IDNO_OK)
		qrow_refuse(r, "idno: %s", idno_strerror(e));
	else
		memcpy(r->norm, id.norm, sizeof(r->norm));
	if (*cell[1] == '\0')
		qrow_refuse(r, "worktype: empty");
	else if ((code = wt_find(wts, nwt, cell[1])) == NULL)
		qrow_refuse(r, "worktype \"%s\": not a code or name of the "
		    "work-type catalogue", cell[1]);
	else
		snprintf(r->code, sizeof(r->code), "%s", code);
	if (num_parse(cell[2], 1, 5, &v) == -1)
		qrow_refuse(r, "level \"%s\": expected 1 to 5", cell[2]);
	else
		r->level = (int)v;
	if (num_parse(cell[3], 0, 9999, &v) == -1 || v < QUAL_MINYEAR)
		qrow_refuse(r, "year \"%s\": expected %d to %lld", cell[3],
		    QUAL_MINYEAR, maxyear);
	else if (v > maxyear)
		qrow_refuse(r, "year %lld is in the future (this is %lld)", v,
		    maxyear);
	else
		r->year = (int)v;
}

/*
 * Reads and checks the file path into *rows (the caller frees them and
 * their err).  Problems that are not a row's (the header, an unreadable
 * file) are printed and counted in ref_nerrors.  Returns the number of
 * rows, or -1 if the file cannot be opened.
 */
static long
qual_read(const char *path, const struct wtype *wts, size_t nwt,
    long long maxyear, struct qrow **rows)
{
	FILE		*fp;
	struct qrow	*r;
	char		*line = NULL, *p, *cell[QUAL_COLS];
	size_t		 sz = 0, lineno = 0, n = 0;
	ssize_t		 len;
	int		 nc, header = 0;

	*rows = NULL;
	if ((fp = fopen(path, "r")) == NULL) {
		warn("%s", path);
		return -1;
	}
	while ((len = getline(&line, &sz, fp)) != -1) {
		lineno++;
		p = line;
		if (lineno == 1 && len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
			p += 3;
			len -= 3;
		}
		if (len > 0 && p[len - 1] == '\n')
			p[--len] = '\0';
		if (len > 0 && p[len - 1] == '\r')
			p[--len] = '\0';
		if (!header) {
			header = 1;
			nc = csv_split(p, cell, QUAL_COLS);
			if (nc != QUAL_COLS || strcmp(cell[0], "idno") != 0 ||
			    strcmp(cell[1], "worktype") != 0 ||
			    strcmp(cell[2], "level") != 0 ||
			    strcmp(cell[3], "year") != 0)
				ref_error(path, lineno, "the header must be "
				    "%s", QUAL_HEADER);
			continue;
		}
		if (p[strspn(p, " ")] == '\0' && (size_t)len == strlen(p))
			continue;	/* a blank line */
		*rows = xreallocarray(*rows, n + 1, sizeof(**rows));
		r = &(*rows)[n++];
		memset(r, 0, sizeof(*r));
		r->line = lineno;
		if ((size_t)len != strlen(p))
			qrow_refuse(r, "NUL byte in the line");
		else if (text_chars(p) == -1)
			qrow_refuse(r, "not UTF-8 text (or a control "
			    "character)");
		else if ((nc = csv_split(p, cell, QUAL_COLS)) == -1)
			qrow_refuse(r, "a quoted field is not closed");
		else if (nc != QUAL_COLS)
			qrow_refuse(r, "%s%d column%s, expected %d (%s)",
			    nc > QUAL_COLS ? "more than " : "",
			    nc > QUAL_COLS ? QUAL_COLS : nc,
			    nc == 1 ? "" : "s", QUAL_COLS, QUAL_HEADER);
		else
			qrow_check(r, cell, wts, nwt, maxyear);
	}
	if (ferror(fp))
		ref_error(path, lineno, "read error: %s", strerror(errno));
	if (!header)
		ref_error(path, 1, "empty file, expected the header %s",
		    QUAL_HEADER);
	fclose(fp);
	free(line);
	return (long)n;
}

/* qsort comparison: by ID number, work type, level, then line. */
static int
qrow_cmp(const void *a, const void *b)
{
	const struct qrow	*x = *(const struct qrow *const *)a;
	const struct qrow	*y = *(const struct qrow *const *)b;
	int			 c;

	if ((c = strcmp(x->norm, y->norm)) != 0 ||
	    (c = strcmp(x->code, y->code)) != 0)
		return c;
	if (x->level != y->level)
		return x->level < y->level ? -1 : 1;
	return (x->line > y->line) - (x->line < y->line);
}

/*
 * Refuses every good row whose certificate (ID number, work type,
 * level: the table's unique key) an earlier good row of the file has.
 */
static void
qual_dups(struct qrow *rows, size_t n)
{
	struct qrow	**ix;
	size_t		  i, m = 0, first = 0;

	ix = xcalloc(n > 0 ? n : 1, sizeof(*ix));
	for (i = 0; i < n; i++)
		if (rows[i].err == NULL)
			ix[m++] = &rows[i];
	if (m > 1)
		qsort(ix, m, sizeof(*ix), qrow_cmp);
	for (i = 1; i < m; i++) {
		if (strcmp(ix[i]->norm, ix[first]->norm) != 0 ||
		    strcmp(ix[i]->code, ix[first]->code) != 0 ||
		    ix[i]->level != ix[first]->level) {
			first = i;
			continue;
		}
		qrow_refuse(ix[i], "the same certificate (ID number, work "
		    "type, level) as line %zu", ix[first]->line);
	}
	free(ix);
}

/*
 * Upserts the good rows inside the caller's transaction, adding to
 * added and changed (an unchanged row adds to neither).  Returns 0, or
 * -1 (printed).
 */
static int
qual_store(const char *path, const struct qrow *rows, size_t n,
    long long *added, long long *changed)
{
	unsigned char	 mac[MAC_LEN];
	size_t		 i;
	long long	 r;

	for (i = 0; i < n; i++) {
		if (rows[i].err != NULL)
			continue;
		pii_mac(&cfg, "idno", rows[i].norm, mac);
		r = st_exec(ASTMT_QUALIFIED_UPSERT, "bsii", mac,
		    (size_t)MAC_LEN, rows[i].code, (long long)rows[i].level,
		    (long long)rows[i].year);
		OPENSSL_cleanse(mac, sizeof(mac));
		if (r == -1) {
			warnx("%s:%zu: not stored", path, rows[i].line);
			return -1;
		}
		if (r == 1)
			(*added)++;
		else if (r == 2)
			(*changed)++;
	}
	return 0;
}

/*
 * import-qualified: reads and checks every row of the file first (each
 * refusal printed as FILE:LINE: reason), then stores in one transaction
 * keyed by the ID number's lookup value (pii_mac "idno", as registration
 * computes it), work type and level; the year of a certificate already
 * there is updated, so importing the same file again changes nothing.
 * All or nothing: one refused row and nothing is stored, unless
 * --skip-bad asks to store the good rows (the refused are still listed).
 * Returns 0, or -1 (printed).
 */
static int
cmd_qualified(char **argv, const struct opts *o)
{
	struct wtype	*wts = NULL;
	struct qrow	*rows = NULL;
	const char	*path = argv[0], *base;
	char		 obj[64];
	long long	 maxyear, added = 0, changed = 0;
	long		 nwt, n = 0, i;
	size_t		 bad = 0;
	time_t		 now;
	struct tm	 tm;
	int		 rc = -1;

	now = time(NULL) + 8 * 3600;	/* Beijing time, whatever TZ is */
	gmtime_r(&now, &tm);
	maxyear = tm.tm_year + 1900;
	ref_nerrors = 0;
	if ((nwt = wt_load(&wts)) == -1 ||
	    (n = qual_read(path, wts, (size_t)nwt, maxyear, &rows)) == -1)
		goto out;
	qual_dups(rows, (size_t)n);
	for (i = 0; i < n; i++)
		if (rows[i].err != NULL) {
			ref_error(path, rows[i].line, "%s", rows[i].err);
			bad++;
		}
	if (ref_nerrors > MAX_ERRORS)
		warnx("... %zu errors in all", ref_nerrors);
	if (ref_nerrors > bad || (bad > 0 && !o->skip_bad)) {
		warnx("%zu of %ld rows refused; nothing imported%s", bad, n,
		    ref_nerrors > bad ? "" : " (correct them, or use "
		    "--skip-bad to import the others)");
		goto out;
	}
	base = strrchr(path, '/') != NULL ? strrchr(path, '/') + 1 : path;
	snprintf(obj, sizeof(obj), "qualified:%.50s", base);
	if (tx_begin() == -1 ||
	    qual_store(path, rows, (size_t)n, &added, &changed) == -1 ||
	    audit("qualified.import", obj) == -1 || tx_commit() == -1)
		goto out;
	printf("imported %ld qualified records from %s: %lld new, %lld "
	    "changed, %lld unchanged", n - (long)bad, base, added, changed,
	    n - (long)bad - added - changed);
	if (bad > 0)
		printf("; %zu rows refused and skipped", bad);
	printf("\n");
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(rows[i].err);
	free(rows);
	free(wts);
	return rc;
}

/*
 * sessions-sweep: deletes expired sessions, and login attempts and SMS
 * codes older than two days (the lockout and code checks look back
 * minutes, not days).  Returns 0, or -1 (printed).
 */
static int
cmd_sweep(char **argv, const struct opts *o)
{
	long long	 s, a, c;

	(void)argv;
	(void)o;
	if (tx_begin() == -1 ||
	    (s = st_exec(ASTMT_SWEEP_SESSIONS, "ii",
	    (long long)cfg.session_idle, (long long)cfg.session_max)) == -1 ||
	    (a = st_exec(ASTMT_SWEEP_ATTEMPTS, "")) == -1 ||
	    (c = st_exec(ASTMT_SWEEP_SMSCODES, "")) == -1 ||
	    tx_commit() == -1)
		return -1;
	printf("deleted %lld sessions, %lld login attempts, %lld SMS codes\n",
	    s, a, c);
	return 0;
}

/*
 * Splits the arguments after the command name into positionals (pos,
 * NULL-terminated, NULL-padded up to maxargs) and the options c allows.
 * Exits through usage() on anything else.
 */
static void
args_parse(const struct cmd *c, int argc, char **argv, char **pos,
    struct opts *o)
{
	char	 flag[40];
	int	 i, n = 0, rest = 0;

	memset(o, 0, sizeof(*o));
	for (i = 0; i < argc; i++) {
		if (!rest && strcmp(argv[i], "--") == 0) {
			rest = 1;
		} else if (!rest && strncmp(argv[i], "--", 2) == 0) {
			snprintf(flag, sizeof(flag), "|%s|", argv[i] + 2);
			if (strstr(c->flags, flag) == NULL)
				goto bad;
			if (strcmp(argv[i], "--current") == 0)
				o->current = 1;
			else if (strcmp(argv[i], "--skip-bad") == 0)
				o->skip_bad = 1;
			else
				o->unit_admin = 1;
		} else if (!rest && argv[i][0] == '-' && argv[i][1] != '\0' &&
		    argv[i][2] == '\0') {
			if (strchr(c->valopts, argv[i][1]) == NULL ||
			    i + 1 >= argc)
				goto bad;
			if (argv[i][1] == 's')
				o->schema_dir = argv[++i];
			else
				o->data_dir = argv[++i];
		} else {
			if (n >= c->maxargs)
				goto bad;
			pos[n++] = argv[i];
		}
	}
	if (n < c->minargs)
		goto bad;
	return;
bad:
	fprintf(stderr, "usage: gkbm-admin [-c conf] %s\n", c->usage);
	exit(1);
}

/*
 * gkbm-admin [-c conf] [-s dir] [-d dir] command [args]: runs one command
 * as the owner account.  A failed command's transaction is rolled back.
 * Exits 0 on success, 1 otherwise.
 */
int
main(int argc, char *argv[])
{
	const struct cmd	*c = NULL;
	const char		*conf = D_CONF, *sdir = NULL, *ddir = NULL;
	struct opts		 o;
	char			**pos;
	size_t			 i;
	int			 ch, rc;

	log_init("gkbm-admin", "-", 0);
	/* -s and -d are also taken here, so scripts can pass them always. */
	while ((ch = getopt(argc, argv, "+c:d:s:")) != -1) {
		switch (ch) {
		case 'c':
			conf = optarg;
			break;
		case 'd':
			ddir = optarg;
			break;
		case 's':
			sdir = optarg;
			break;
		default:
			usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1)
		usage();
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(argv[0], cmds[i].name) == 0)
			c = &cmds[i];
	if (c == NULL) {
		warnx("unknown command %s", argv[0]);
		usage();
	}
	pos = xcalloc(c->maxargs + 1, sizeof(*pos));
	args_parse(c, argc - 1, argv + 1, pos, &o);
	if (o.schema_dir == NULL)
		o.schema_dir = sdir;
	if (o.data_dir == NULL)
		o.data_dir = ddir;

	config_init(&cfg);
	if (config_parse(&cfg, conf) == -1 ||
	    config_secrets(&cfg, cfg.secrets_file) == -1)
		return 1;
	if ((db = db_connect(&cfg, 1)) == NULL) {
		warnx("cannot connect to database %s as %s", cfg.db_name,
		    cfg.db_admin_user);
		return 1;
	}

	rc = c->fn(pos, &o);
	if (rc == -1 && mysql_rollback(db) != 0)
		warnx("mysql_rollback: %s", mysql_error(db));
	for (i = 0; i < ASTMT__MAX; i++)
		if (stmts[i] != NULL)
			mysql_stmt_close(stmts[i]);
	mysql_close(db);
	config_free(&cfg);
	free(pos);
	return rc == 0 ? 0 : 1;
}
