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
 * admin_schema.c: gkbm-admin migrate, year, window and sessions-sweep.
 * The DDL (the migration files and the schema_version table) and
 * GRANT/REVOKE, whose table and user names are identifiers rather than
 * placeholders, are sent as text here and stay so; every other statement
 * is a row of fcgi/web/db.c's table (PROG_ADMIN).
 */

#include <sys/types.h>

#include <ctype.h>
#include <dirent.h>
#include <err.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <mysql.h>
#include <mysqld_error.h>

#include "gkbm.h"
#include "admin.h"

#ifdef PKGDATADIR
#define D_SCHEMA	PKGDATADIR "/schema"
#else
#define D_SCHEMA	"./schema"
#endif

static const char *const window_kinds[] = {
	"registration", "unitcheck", "unitreview", "review", "payment",
	"ticket", "result", "certificate", "report", "claim", NULL
};

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

/* The table that records the migrations applied (DDL, sent as text). */
static const char version_table[] =
    "CREATE TABLE IF NOT EXISTS schema_version ("
    " version INT NOT NULL PRIMARY KEY,"
    " name VARCHAR(100) NOT NULL,"
    " applied_at DATETIME NOT NULL"
    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci";

/*
 * Sends one statement of a migration file to the server and discards any
 * result.  Returns 0, or -1 (printed with file, statement and line).
 */
static int
mig_exec(const char *file, int nstmt, size_t line, const char *sql,
    size_t len)
{
	MYSQL_RES	*res;

	if (mysql_real_query(adb.db, sql, len) != 0) {
		warnx("%s: statement %d (line %zu) failed: %s", file, nstmt,
		    line, mysql_error(adb.db));
		return -1;
	}
	if ((res = mysql_store_result(adb.db)) != NULL)
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
	if (mysql_query(adb.db, sql) != 0) {
		warnx("%s: %s", sql, mysql_error(adb.db));
		if (mysql_errno(adb.db) == ER_PASSWORD_NO_MATCH ||
		    mysql_errno(adb.db) == ER_CANT_CREATE_USER_WITH_GRANT)
			warnx("create the account %s@localhost first "
			    "(schema/grants.sql)", cfg.db_user);
		else if (mysql_errno(adb.db) == ER_TABLEACCESS_DENIED_ERROR)
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
	char		*table, sql[512];
	char		 (*tables)[65] = NULL;
	const char	*want, *drop;
	size_t		 n = 0, i;
	int		 rc;

	if (!ident_ok(cfg.db_user, 1, 80, 0) ||
	    !ident_ok(cfg.db_name, 1, 64, 0)) {
		warnx("db_user and db_name must be letters, digits and _");
		return -1;
	}
	if (dbh_run(&adb, STMT_ADM_TABLE_LIST) == -1)
		return -1;
	while ((rc = dbh_row(&adb, STMT_ADM_TABLE_LIST, &table)) == 1) {
		tables = xreallocarray(tables, n + 1, sizeof(*tables));
		snprintf(tables[n++], sizeof(tables[0]), "%s", table);
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
int
cmd_migrate(char **argv, const struct opts *o)
{
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
	/* DDL, like the migrations: not a statement of the table. */
	if (mig_exec("schema_version", 0, 0, version_table,
	    strlen(version_table)) == -1)
		goto fail;
	if (dbh_run(&adb, STMT_ADM_VERSION_LIST) == -1)
		goto fail;
	while ((rc = dbh_row(&adb, STMT_ADM_VERSION_LIST, &v)) == 1) {
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
		if (dbh_run(&adb, STMT_ADM_VERSION_INSERT,
		    (long long)files[i].version, files[i].name) != 1) {
			warnx("%s applied but not recorded in schema_version",
			    files[i].name);
			goto fail;
		}
		applied++;
		if (files[i].version > top)
			top = files[i].version;
	}
	/* What the schema now holds must be what gkbm-admin's SQL names. */
	if ((ntables = grant_web()) == -1 || dbh_check(&adb) == -1)
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

/*
 * Parses a year of the system (2000 to 2100) into *year.  Returns 0, or
 * -1 (printed).
 */
int
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
int
year_exists(long long year)
{
	long long	 y;
	int		 rc;

	if ((rc = st_id(&y, STMT_ADM_YEAR_GET, year)) == 0)
		warnx("no year %lld: create it first with "
		    "gkbm-admin year %lld TITLE", year, year);
	return rc == 1 ? 0 : -1;
}

/*
 * year: creates the year or changes its title; --current makes it the
 * only current year.  Returns 0, or -1 (printed).
 */
int
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
	    (r = dbh_run(&adb, STMT_ADM_YEAR_UPSERT, year, argv[1])) == -1 ||
	    (o->current &&
	    (c = dbh_run(&adb, STMT_ADM_YEAR_CURRENT, year)) == -1))
		return -1;
	snprintf(obj, sizeof(obj), "year:%lld", year);
	if (admin_audit("year.set", obj) == -1 || tx_commit() == -1)
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
int
cmd_window(char **argv, const struct opts *o)
{
	long long	 year;
	char		 start[32], end[32], obj[64];

	(void)o;
	if (year_parse(argv[0], &year) == -1)
		return -1;
	if (!admin_in_list(argv[1], window_kinds)) {
		warnx("kind %s: expected registration, unitcheck, unitreview, review, "
		    "payment, ticket, result, certificate, report or claim", argv[1]);
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
	    dbh_run(&adb, STMT_ADM_WINDOW_UPSERT, year, argv[1], start,
	    end) == -1 ||
	    admin_audit("window.set", obj) == -1 || tx_commit() == -1)
		return -1;
	printf("window %lld %s: %.16s to %.16s (Beijing time)\n", year,
	    argv[1], start, end);
	return 0;
}

/*
 * Removes what refused registrations kept (regkeep.c) past its 30
 * minutes: the photo under upload_dir, then the row.  gkbm-web sweeps on
 * each registration; this catches the rest (after the window closes, no
 * registration comes).  Returns the rows removed, or -1 (printed).
 */
static long long
sweep_kept(void)
{
	char		*id, *file, path[PATH_MAX];
	char		 (*ids)[65] = NULL, (*files)[65] = NULL;
	size_t		 n = 0, i;
	int		 rc;

	if (dbh_run(&adb, STMT_ADM_KEPT_OLD) == -1)
		return -1;
	while ((rc = dbh_row(&adb, STMT_ADM_KEPT_OLD, &id, &file)) == 1) {
		ids = xreallocarray(ids, n + 1, sizeof(*ids));
		files = xreallocarray(files, n + 1, sizeof(*files));
		snprintf(ids[n], sizeof(ids[n]), "%s", id);
		snprintf(files[n++], sizeof(files[0]), "%s", file);
	}
	for (i = 0; rc == 0 && i < n; i++) {
		if (strlen(files[i]) == 64 &&
		    strspn(files[i], "0123456789abcdef") == 64 &&
		    snprintf(path, sizeof(path), "%s/%.2s/%s", cfg.upload_dir,
		    files[i], files[i]) < (int)sizeof(path))
			(void)unlink(path);
		if (dbh_run(&adb, STMT_ADM_KEPT_DELETE, ids[i]) == -1)
			rc = -1;
	}
	free(ids);
	free(files);
	return rc == -1 ? -1 : (long long)n;
}

/*
 * sessions-sweep: deletes expired sessions, and login attempts and SMS
 * codes older than two days (the lockout and code checks look back
 * minutes, not days), and what refused registrations kept past its 30
 * minutes.  Returns 0, or -1 (printed).
 */
int
cmd_sweep(char **argv, const struct opts *o)
{
	long long	 s, a, c, k;

	(void)argv;
	(void)o;
	if (tx_begin() == -1 ||
	    (s = dbh_run(&adb, STMT_ADM_SWEEP_SESSIONS,
	    (long long)cfg.session_idle, (long long)cfg.session_max)) == -1 ||
	    (a = dbh_run(&adb, STMT_ADM_SWEEP_ATTEMPTS)) == -1 ||
	    (c = dbh_run(&adb, STMT_ADM_SWEEP_SMSCODES)) == -1 ||
	    (k = sweep_kept()) == -1 || tx_commit() == -1)
		return -1;
	printf("deleted %lld sessions, %lld login attempts, %lld SMS codes, "
	    "%lld kept registration photos\n", s, a, c, k);
	return 0;
}
