/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* admin.c: gkbm-admin, the operator's command line: dispatch, statements */

#include <sys/types.h>

#include <ctype.h>
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mysql.h>

#include "gkbm.h"
#include "admin.h"

#define MAX_PARAMS	20		/* placeholders in one statement */

/*
 * The SQL of every statement gkbm-admin runs (enum astmt in admin.h),
 * prepared on first use.  Two kinds of SQL are not here and cannot be:
 * the migration files themselves, and GRANT/REVOKE, whose table and user
 * names are identifiers (no placeholders); those names are checked
 * against [A-Za-z0-9_] first.
 */
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
	"INSERT INTO accounts (role, year, unit_id, login, name,"
	" phone_mac, pw_hash, pw_must_change, pw_changed_at, created_at)"
	" VALUES (?, 0, ?, ?, ?, ?, ?, ?, NOW(), NOW())",
	/* ASTMT_CANDIDATE_INSERT */
	"INSERT INTO accounts (role, year, name, idno_mac,"
	" phone_mac, gender, birth_date, region_code, level,"
	" pw_hash, pw_must_change, pw_changed_at, consent_version,"
	" consent_at, created_at) VALUES ('candidate', ?, ?, ?, ?,"
	" ?, ?, ?, ?, ?, 0, NOW(), 'admin', NOW(), NOW())",
	/* ASTMT_SEAL_IDNO: sealed bound to the row, so made after it */
	"UPDATE accounts SET idno_enc = ? WHERE id = ?",
	/* ASTMT_SEAL_PHONE */
	"UPDATE accounts SET phone_enc = ? WHERE id = ?",
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
	/* ASTMT_KEPT_OLD: what refused registrations kept (regkeep.c) */
	"SELECT HEX(id), COALESCE(file, '') FROM register_keep"
	" WHERE created_at < NOW() - INTERVAL 30 MINUTE",
	/* ASTMT_KEPT_DELETE */
	"DELETE FROM register_keep WHERE id = UNHEX(?)",
	/* ASTMT_TOTP_RESET */
	"UPDATE accounts SET totp_enc = NULL, totp_step = 0,"
	" totp_enroll_mac = ?, totp_enroll_until = NOW() + INTERVAL 72 HOUR"
	" WHERE id = ? AND role IN ('city', 'province', 'county', 'unit',"
	" 'reviewer', 'supervising')",
	/* ASTMT_TOTP_PENDING_DROP */
	"DELETE FROM login_pending WHERE account_id = ?",
	/* ASTMT_TOTP_SESSIONS_DROP */
	"DELETE FROM sessions WHERE account_id = ?",
	/* ASTMT_BAN_LIST: 填报虚假信息's bans in force (admin_review.c) */
	"SELECT b.id, b.application_id, b.year_from, b.year_to, a.state"
	" FROM bans b JOIN applications a ON a.id = b.application_id"
	" WHERE b.idno_mac = ? AND b.lifted_at IS NULL ORDER BY b.id FOR UPDATE",
	/* ASTMT_BAN_LIFT */
	"UPDATE bans SET lifted_at = NOW(), lift_reason = ?"
	" WHERE id = ? AND lifted_at IS NULL",
};

/* One command: its function, arguments, options and usage line. */
struct cmd {
	const char	*name;
	int		(*fn)(char **, const struct opts *);
	int		 minargs;
	int		 maxargs;
	const char	*valopts;	/* single-letter options with a value */
	const char	*flags;		/* long flags, "|current|" */
	const char	*usage;
};

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
	{ "pii-rekey", cmd_rekey, 0, 0, "", "",
	    "pii-rekey" },
	{ "import-qualified", cmd_qualified, 1, 1, "", "|skip-bad|",
	    "import-qualified FILE.csv [--skip-bad]" },
	{ "totp-reset", cmd_totp_reset, 1, 1, "", "",
	    "totp-reset LOGIN" },
	{ "ban-lift", cmd_ban_lift, 2, 2, "", "",
	    "ban-lift IDNO REASON" },
};

struct config	 cfg;
MYSQL			*db;
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
int
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
int
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
long
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
int
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
MYSQL_STMT *
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
long long
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
int
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
int
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
int
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
int
tx_begin(void)
{
	if (mysql_autocommit(db, 0) != 0) {
		warnx("mysql_autocommit: %s", mysql_error(db));
		return -1;
	}
	return 0;
}

/* Commits the transaction.  Returns 0, or -1 (printed). */
int
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
int
audit(const char *event, const char *object)
{
	return st_exec(ASTMT_AUDIT_INSERT, "ss", event, object) == 1 ? 0 : -1;
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
