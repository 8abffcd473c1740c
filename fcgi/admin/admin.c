/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* admin.c: gkbm-admin, the operator's command line: dispatch, its handle */

#include <sys/types.h>
#include <sys/stat.h>

#include <ctype.h>
#include <stddef.h>
#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <mysql.h>

#include "gkbm.h"
#include "admin.h"

/*
 * The options of the commands: how each is spelled and where it goes in
 * struct opts (a string for one with a value, an int flag otherwise).
 */
static const struct opt {
	const char	*name;
	size_t		 off;
	int		 has_value;
} opt_tab[] = {
	{ "-s", offsetof(struct opts, schema_dir), 1 },
	{ "-d", offsetof(struct opts, data_dir), 1 },
	{ "--current", offsetof(struct opts, current), 0 },
	{ "--unit-admin", offsetof(struct opts, unit_admin), 0 },
	{ "--skip-bad", offsetof(struct opts, skip_bad), 0 },
};

/* One command: its function, arguments, options and usage line. */
struct cmd {
	const char	*name;
	int		(*fn)(char **, const struct opts *);
	int		 minargs;
	int		 maxargs;
	const char	*opts;		/* the options of opt_tab it takes */
	const char	*usage;
};

static const struct cmd cmds[] = {
	{ "migrate", cmd_migrate, 0, 0, "-s", "migrate [-s DIR]" },
	{ "import-reference", cmd_import, 0, 0, "-d",
	    "import-reference [-d DIR]" },
	{ "year", cmd_year, 2, 2, "--current", "year YEAR TITLE [--current]" },
	{ "window", cmd_window, 4, 4, "", "window YEAR KIND START END" },
	{ "create-unit", cmd_unit, 4, 5, "",
	    "create-unit CODE NAME KIND REGION [PARENT_CODE]" },
	{ "create-staff", cmd_staff, 5, 5, "--unit-admin",
	    "create-staff LOGIN NAME PHONE ROLE UNIT_CODE [--unit-admin]" },
	{ "create-province", cmd_province, 3, 3, "",
	    "create-province LOGIN NAME PHONE" },
	{ "create-candidate", cmd_candidate, 6, 6, "",
	    "create-candidate YEAR IDNO NAME PHONE REGION LEVEL" },
	{ "sessions-sweep", cmd_sweep, 0, 0, "", "sessions-sweep" },
	{ "pii-rekey", cmd_rekey, 0, 0, "", "pii-rekey" },
	{ "import-qualified", cmd_qualified, 1, 1, "--skip-bad",
	    "import-qualified FILE.csv [--skip-bad]" },
	{ "totp-reset", cmd_totp_reset, 1, 1, "", "totp-reset LOGIN" },
	{ "check", cmd_check, 0, 0, "", "check" },
	{ "ban-lift", cmd_ban_lift, 2, 2, "", "ban-lift IDNO REASON" },
	{ "pay-city", cmd_pay_city, 3, 5, "",
	    "pay-city YEAR CITY on|off [START END]" },
	{ "pay-fee", cmd_pay_fee, 3, 4, "", "pay-fee YEAR LEVEL FEN [HOURS]" },
	{ "pay-sweep", cmd_pay_sweep, 0, 0, "", "pay-sweep" },
	{ "pay-reconcile", cmd_pay_reconcile, 1, 1, "", "pay-reconcile FILE" },
	{ "import-units", cmd_import_units, 1, 2, "",
	    "import-units FILE [UNIT_CODE]" },
	/* plan: the exam plan (admin_exam.c) */
	{ "exam-site", cmd_exam_site, 2, 5, "",
	    "exam-site YEAR REGION [CODE NAME ADDRESS | CODE delete]" },
	{ "exam-room", cmd_exam_room, 5, 6, "",
	    "exam-room YEAR REGION SITE CODE NAME SEATS | ... SITE CODE delete" },
	{ "exam-session", cmd_exam_session, 4, 6, "",
	    "exam-session YEAR REGION CODE START END SITS | ... CODE delete" },
	{ "exam-allocate", cmd_exam_allocate, 2, 2, "",
	    "exam-allocate YEAR REGION" },
	{ "exam-seat", cmd_exam_seat, 1, 1, "", "exam-seat APPLICATION" },
	/* result: 考核结果 (admin_results.c) */
	{ "pass-line", cmd_pass_line, 5, 5, "",
	    "pass-line YEAR LEVEL WORKTYPE|- THEORY SKILL" },
	{ "import-results", cmd_import_results, 3, 3, "",
	    "import-results YEAR REGION FILE" },
	{ "publish-results", cmd_publish_results, 2, 2, "",
	    "publish-results YEAR REGION" },
	{ "cert-issue", cmd_cert_issue, 2, 2, "", "cert-issue YEAR REGION" },
	{ "cert-revoke", cmd_cert_revoke, 2, 2, "", "cert-revoke CERTNO REASON" },
	{ "cert-url", cmd_cert_url, 1, 1, "", "cert-url CERTNO" },
};

struct config	 cfg;
struct dbh	 adb;		/* its statements: PROG_ADMIN of db.c */

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
admin_in_list(const char *s, const char *const *list)
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
 * Runs a lookup of statement s (fcgi/web/db.c) returning one number (an
 * id).  Returns 1 and sets *id if a row matched, 0 if none did, -1 on
 * error (printed).
 */
int
st_id(long long *id, enum stmt s, ...)
{
	va_list		 ap;
	int		 n;

	va_start(ap, s);
	n = dbh_vrun(&adb, s, ap);
	va_end(ap);
	if (n <= 0)
		return n;
	n = dbh_row(&adb, s, id);
	dbh_done(&adb, s);
	return n;
}

/* Starts a transaction.  Returns 0, or -1 (printed). */
int
tx_begin(void)
{
	return dbh_begin(&adb);
}

/* Commits the transaction.  Returns 0, or -1 (printed). */
int
tx_commit(void)
{
	return dbh_commit(&adb);
}

/*
 * Writes the audit row of an operator action: no account (the operator
 * is whoever runs gkbm-admin on the server), reason "gkbm-admin".
 * Returns 0, or -1 (printed): the caller then fails the whole action.
 */
int
admin_audit(const char *event, const char *object)
{
	return dbh_run(&adb, STMT_ADM_AUDIT_INSERT, event, object) == 1 ? 0 : -1;
}

/*
 * Reads file path, at most max bytes, into a buffer of pool p with a NUL
 * after its end (an upload's bytes, as the pages get them).  Sets *len.
 * NULL (printed) when it cannot be read or is larger than max.
 */
char *
admin_slurp(struct pool *p, const char *path, size_t max, size_t *len)
{
	struct stat	 st;
	char		*buf;
	ssize_t		 n;
	size_t		 got = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) == -1 || fstat(fd, &st) == -1) {
		warn("%s", path);
		if (fd != -1)
			close(fd);
		return NULL;
	}
	if (st.st_size > (off_t)max) {
		warnx("%s: larger than %zu bytes", path, max);
		close(fd);
		return NULL;
	}
	buf = pool_alloc(p, (size_t)st.st_size + 1);
	while (got < (size_t)st.st_size &&
	    (n = read(fd, buf + got, (size_t)st.st_size - got)) > 0)
		got += (size_t)n;
	close(fd);
	buf[got] = '\0';
	*len = got;
	return buf;
}

/*
 * The id and kind (into kind, of size ksz) of the unit of code.  0, or
 * -1 (printed) when there is none.
 */
int
admin_unit(const char *code, long long *id, char *kind, size_t ksz)
{
	char		*k;
	int		 rc;

	if ((rc = dbh_run(&adb, STMT_ADM_UNIT_GET, code)) <= 0 ||
	    dbh_row(&adb, STMT_ADM_UNIT_GET, id, &k) != 1) {
		if (rc == 0)
			warnx("unit %s: no such unit", code);
		return -1;
	}
	snprintf(kind, ksz, "%s", k);
	dbh_done(&adb, STMT_ADM_UNIT_GET);
	return 0;
}

/*
 * Sets r (and its worker w) up as a request of gkbm-web's for a command
 * that runs the pages' model code: a connection of gkbm-web's own
 * account, so the statement table's roles are checked as for the pages,
 * in role for unit unit_id (0: none) and year (0: none).  0, or -1
 * (printed).
 */
int
admin_web_req(struct req *r, struct worker *w, long long unit_id,
    enum role role, long long year)
{
	memset(w, 0, sizeof(*w));
	w->cfg = &cfg;
	if (dbh_open(&w->dbh, &cfg, PROG_WEB, 1) == -1) {
		warnx("cannot connect to database %s as gkbm-web's account",
		    cfg.db_name);
		return -1;
	}
	memset(r, 0, sizeof(*r));
	r->w = w;
	r->cfg = &cfg;
	r->pool = adb.pool;
	w->dbh.pool = adb.pool;
	r->role = role;
	r->unit_id = unit_id;
	r->year = (int)year;
	r->ip = "";
	snprintf(r->id, sizeof(r->id), "gkbm-admin");
	return 0;
}

/* The option spelled arg if command c takes it, else NULL. */
static const struct opt *
opt_find(const struct cmd *c, const char *arg)
{
	size_t	 i, n = strlen(arg);
	const char *p;

	for (i = 0; i < sizeof(opt_tab) / sizeof(opt_tab[0]); i++) {
		if (strcmp(opt_tab[i].name, arg) != 0)
			continue;
		/* c->opts is a space-separated list of spellings. */
		for (p = c->opts; (p = strstr(p, arg)) != NULL; p += n)
			if ((p == c->opts || p[-1] == ' ') &&
			    (p[n] == ' ' || p[n] == '\0'))
				return &opt_tab[i];
	}
	return NULL;
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
	const struct opt	*op;
	int			 i, n = 0, rest = 0;

	memset(o, 0, sizeof(*o));
	for (i = 0; i < argc; i++) {
		if (!rest && strcmp(argv[i], "--") == 0) {
			rest = 1;
		} else if (!rest && argv[i][0] == '-' && argv[i][1] != '\0' &&
		    (argv[i][1] == '-' || argv[i][2] == '\0')) {
			if ((op = opt_find(c, argv[i])) == NULL ||
			    (op->has_value && i + 1 >= argc))
				goto bad;
			if (op->has_value)
				*(const char **)((char *)o + op->off) =
				    argv[++i];
			else
				*(int *)((char *)o + op->off) = 1;
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

/* The command named name; exits through usage() if there is none. */
static const struct cmd *
cmd_find(const char *name)
{
	size_t	 i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(name, cmds[i].name) == 0)
			return &cmds[i];
	warnx("unknown command %s", name);
	usage();
}

/*
 * Reads the configuration and secrets and connects as the owner account
 * (statements are prepared on first use: migrate runs before the tables
 * exist).  Returns 0, or -1 (printed).
 */
static int
admin_open(const char *conf)
{
	config_init(&cfg);
	if (config_parse(&cfg, conf) == -1 ||
	    config_secrets(&cfg, cfg.secrets_file) == -1)
		return -1;
	if (dbh_open(&adb, &cfg, PROG_ADMIN, 1) == -1) {
		warnx("cannot connect to database %s as %s", cfg.db_name,
		    cfg.db_admin_user);
		return -1;
	}
	adb.pool = pool_new();
	return 0;
}

/*
 * check: prepares every statement of gkbm-admin (fcgi/web/db.c) against
 * the database and its declared types; one that does not is fatal and
 * named.  Returns 0, or -1 (printed).
 */
int
cmd_check(char **argv, const struct opts *o)
{
	int	 n;

	(void)argv;
	(void)o;
	if ((n = dbh_check(&adb)) == -1) {
		warnx("the database went away");
		return -1;
	}
	printf("%d statements of gkbm-admin prepare\n", n);
	return 0;
}

/*
 * gkbm-admin [-c conf] [-s dir] [-d dir] command [args]: runs one command
 * as the owner account.  A failed command's transaction is rolled back.
 * -s and -d are taken before the command too, so scripts can pass them
 * always.  Exits 0 on success, 1 otherwise.
 */
int
main(int argc, char *argv[])
{
	const struct cmd	*c;
	const char		*conf = D_CONF, *sdir = NULL, *ddir = NULL;
	struct opts		 o;
	char			**pos;
	int			 ch, rc;

	log_init("gkbm-admin", "-", 0);
	while ((ch = getopt(argc, argv, "+c:d:s:")) != -1) {
		if (ch == 'c')
			conf = optarg;
		else if (ch == 'd')
			ddir = optarg;
		else if (ch == 's')
			sdir = optarg;
		else
			usage();
	}
	if (optind >= argc)
		usage();
	c = cmd_find(argv[optind]);
	pos = xcalloc(c->maxargs + 1, sizeof(*pos));
	args_parse(c, argc - optind - 1, argv + optind + 1, pos, &o);
	if (o.schema_dir == NULL)
		o.schema_dir = sdir;
	if (o.data_dir == NULL)
		o.data_dir = ddir;
	if (admin_open(conf) == -1)
		return 1;
	if ((rc = c->fn(pos, &o)) == -1)
		dbh_rollback(&adb);
	dbh_close(&adb);
	pool_free(adb.pool);
	config_free(&cfg);
	free(pos);
	return rc == 0 ? 0 : 1;
}
