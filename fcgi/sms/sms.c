/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* sms.c: gkbm-sms, the sender that empties the SMS outbox */

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <mysql.h>
#include <openssl/crypto.h>

#include "gkbm.h"

#define BATCH		50		/* rows per poll */
#define MAX_TRIES	5		/* then the row is left alone */
#define POLL_MS		200		/* pause after an empty poll */
#define BACKOFF_MAX	60		/* most seconds between reconnects */
#define CMD_TIMEOUT	30		/* seconds the gateway command gets */
#define BODY_MAX	600		/* body_enc is VARBINARY(600) */
#define PHONE_MAX	32

/*
 * The sender's statements.  A failed row waits 30, 60, 120, 240 seconds
 * (after it was queued) before its next try, so a short gateway outage
 * does not use up all tries at once.
 */
enum sstmt {
	SSTMT_PENDING,
	SSTMT_SENT,
	SSTMT_FAILED,
	SSTMT__MAX
};

static const char *const sstmts[SSTMT__MAX] = {
	/* SSTMT_PENDING */
	"SELECT id, phone_enc, body_enc FROM sms_outbox"
	" WHERE sent_at IS NULL AND tries < 5 AND id > ?"
	" AND (tries = 0 OR"
	" created_at <= NOW() - INTERVAL (15 << tries) SECOND)"
	" ORDER BY id LIMIT 50",
	/* SSTMT_SENT */
	("UPDATE sms_outbox SET sent_at = NOW()"
	" WHERE id = ? AND sent_at IS NULL"),
	/* SSTMT_FAILED */
	"UPDATE sms_outbox SET tries = tries + 1, last_error = ? WHERE id = ?",
};

/* One message of the outbox, still sealed. */
struct msg {
	long long	 id;
	unsigned char	 phone[PII_MAX];
	unsigned long	 phonelen;
	unsigned char	 body[BODY_MAX];
	unsigned long	 bodylen;
};

static struct config		 cfg;
static MYSQL			*db;
static MYSQL_STMT		*stmts[SSTMT__MAX];
static volatile sig_atomic_t	 quit;

/* SIGTERM and SIGINT: finish the current message, then stop. */
static void
on_signal(int sig)
{
	(void)sig;
	quit = 1;
}

/* Prints the usage and exits 1. */
static void __attribute__((noreturn))
usage(void)
{
	fprintf(stderr, "usage: gkbm-sms [-c conf] [-1]\n");
	exit(1);
}

/* Sleeps ms milliseconds, less if a signal arrives. */
static void
nap(long ms)
{
	struct timespec	 ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	(void)nanosleep(&ts, NULL);
}

/* Closes the statements and the connection, if any. */
static void
db_close(void)
{
	size_t	 i;

	for (i = 0; i < SSTMT__MAX; i++) {
		if (stmts[i] != NULL)
			mysql_stmt_close(stmts[i]);
		stmts[i] = NULL;
	}
	if (db != NULL)
		mysql_close(db);
	db = NULL;
}

/*
 * Connects as gkbm-web's account and prepares the statements.  Returns
 * 0, or -1 (logged) with no connection left open.
 */
static int
db_open(void)
{
	size_t	 i;

	if ((db = db_connect(&cfg, 0)) == NULL)
		return -1;
	for (i = 0; i < SSTMT__MAX; i++) {
		if ((stmts[i] = mysql_stmt_init(db)) == NULL ||
		    mysql_stmt_prepare(stmts[i], sstmts[i],
		    strlen(sstmts[i])) != 0) {
			log_warnx("mysql_stmt_prepare: %s", stmts[i] == NULL ?
			    mysql_error(db) : mysql_stmt_error(stmts[i]));
			db_close();
			return -1;
		}
	}
	return 0;
}

/*
 * Reads up to BATCH unsent messages with ids above after into m.
 * Returns their number, or -1 (logged) if the database failed.
 */
static int
outbox_fetch(long long after, struct msg *m)
{
	MYSQL_STMT	*st = stmts[SSTMT_PENDING];
	MYSQL_BIND	 p[1], r[3];
	struct msg	 cur;
	int		 n = 0, rc;

	memset(p, 0, sizeof(p));
	p[0].buffer_type = MYSQL_TYPE_LONGLONG;
	p[0].buffer = &after;
	memset(r, 0, sizeof(r));
	memset(&cur, 0, sizeof(cur));
	r[0].buffer_type = MYSQL_TYPE_LONGLONG;
	r[0].buffer = &cur.id;
	r[1].buffer_type = MYSQL_TYPE_BLOB;
	r[1].buffer = cur.phone;
	r[1].buffer_length = sizeof(cur.phone);
	r[1].length = &cur.phonelen;
	r[2].buffer_type = MYSQL_TYPE_BLOB;
	r[2].buffer = cur.body;
	r[2].buffer_length = sizeof(cur.body);
	r[2].length = &cur.bodylen;
	if (mysql_stmt_bind_param(st, p) != 0 ||
	    mysql_stmt_execute(st) != 0 ||
	    mysql_stmt_store_result(st) != 0 ||
	    mysql_stmt_bind_result(st, r) != 0) {
		log_warnx("outbox: %s", mysql_stmt_error(st));
		mysql_stmt_free_result(st);
		return -1;
	}
	while (n < BATCH && (rc = mysql_stmt_fetch(st)) != MYSQL_NO_DATA) {
		if (rc == 1) {
			log_warnx("outbox: mysql_stmt_fetch: %s",
			    mysql_stmt_error(st));
			mysql_stmt_free_result(st);
			return -1;
		}
		/* Truncated values cannot be opened; pii_open says so. */
		if (cur.phonelen > sizeof(cur.phone))
			cur.phonelen = sizeof(cur.phone);
		if (cur.bodylen > sizeof(cur.body))
			cur.bodylen = sizeof(cur.body);
		m[n++] = cur;
	}
	mysql_stmt_free_result(st);
	return n;
}

/*
 * Records the outcome of message id: sent (err NULL) or failed with err.
 * Returns 0, or -1 (logged) if the database failed.
 */
static int
outbox_mark(long long id, const char *err)
{
	MYSQL_STMT	*st;
	MYSQL_BIND	 p[2];
	unsigned long	 len;
	char		 buf[201];

	memset(p, 0, sizeof(p));
	if (err == NULL) {
		st = stmts[SSTMT_SENT];
		p[0].buffer_type = MYSQL_TYPE_LONGLONG;
		p[0].buffer = &id;
	} else {
		st = stmts[SSTMT_FAILED];
		snprintf(buf, sizeof(buf), "%s", err);
		len = strlen(buf);
		p[0].buffer_type = MYSQL_TYPE_STRING;
		p[0].buffer = buf;
		p[0].buffer_length = len;
		p[0].length = &len;
		p[1].buffer_type = MYSQL_TYPE_LONGLONG;
		p[1].buffer = &id;
	}
	if (mysql_stmt_bind_param(st, p) != 0 ||
	    mysql_stmt_execute(st) != 0) {
		log_warnx("outbox %lld: %s", id, mysql_stmt_error(st));
		return -1;
	}
	return 0;
}

/*
 * Appends "YYYY-MM-DD HH:MM:SS<TAB>phone<TAB>body" to the sink file (the
 * development sender), the time in Beijing time.  Tabs and line breaks
 * in the body become spaces, so each message stays one line.  Returns
 * NULL, or what went wrong.
 */
static const char *
send_sink(const char *phone, const char *body)
{
	char		*line, *p;
	char		 when[32];
	struct tm	 tm;
	time_t		 now = time(NULL);
	ssize_t		 n;
	int		 fd, len;

	/* Beijing time (UTC+8, no daylight saving), like the database. */
	now += 8 * 3600;
	gmtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d %H:%M:%S", &tm);
	len = xasprintf(&line, "%s\t%s\t%s\n", when, phone, body);
	for (p = line + strlen(when) + strlen(phone) + 2; p < line + len - 1;
	    p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	if ((fd = open(cfg.sms_sink, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC,
	    0640)) == -1) {
		log_warn("%s", cfg.sms_sink);
		OPENSSL_cleanse(line, len);
		free(line);
		return "cannot open the sink file";
	}
	/* One write with O_APPEND: lines of concurrent writers never mix. */
	n = write(fd, line, len);
	if (n != len)
		log_warn("%s: write", cfg.sms_sink);
	close(fd);
	OPENSSL_cleanse(line, len);
	free(line);
	return n == len ? NULL : "cannot write the sink file";
}

/*
 * Runs the gateway command (no shell, no arguments) with the phone on
 * the first line of its standard input and the text on the second, and
 * waits up to CMD_TIMEOUT seconds.  Not in argv: /proc/PID/cmdline is
 * readable by every local user, and the text holds the code.  Both
 * lines fit in the pipe's buffer, so the write never waits for the
 * command.  Exit status 0 means sent.  Returns NULL, or what went wrong
 * (static).
 */
static const char *
send_command(const char *phone, const char *body)
{
	static char	 err[64];
	char		*argv[2], in[PHONE_MAX + BODY_MAX + 2];
	pid_t		 pid, w;
	int		 status, p[2], n;
	long		 waited = 0;

	if (strchr(phone, '\n') != NULL || strchr(body, '\n') != NULL)
		return "newline in the phone or text";
	n = snprintf(in, sizeof(in), "%s\n%s\n", phone, body);
	if (n < 0 || (size_t)n >= sizeof(in))
		return "message too long";
	argv[0] = cfg.sms_command;
	argv[1] = NULL;
	if (pipe2(p, O_CLOEXEC) == -1) {
		log_warn("pipe2");
		return "cannot make a pipe";
	}
	switch (pid = fork()) {
	case -1:
		log_warn("fork");
		close(p[0]);
		close(p[1]);
		OPENSSL_cleanse(in, sizeof(in));
		return "cannot fork";
	case 0:
		/* The gateway gets the message and nothing else of ours. */
		if (dup2(p[0], STDIN_FILENO) == -1)
			_exit(127);
		closefrom(STDERR_FILENO + 1);
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		execv(argv[0], argv);
		_exit(127);
	}
	close(p[0]);
	/* SIGPIPE is ignored: a command that exits unread gives EPIPE. */
	if (write(p[1], in, (size_t)n) != n)
		log_warn("%s: write to the command", __func__);
	close(p[1]);
	OPENSSL_cleanse(in, sizeof(in));
	for (;;) {
		if ((w = waitpid(pid, &status, WNOHANG)) == pid)
			break;
		if (w == -1 && errno != EINTR) {
			log_warn("waitpid");
			return "cannot wait for the command";
		}
		if (waited >= CMD_TIMEOUT * 1000L) {
			(void)kill(pid, SIGKILL);
			(void)waitpid(pid, &status, 0);
			return "command timed out";
		}
		nap(50);
		waited += 50;
	}
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return NULL;
	if (WIFEXITED(status))
		snprintf(err, sizeof(err), "command exit status %d",
		    WEXITSTATUS(status));
	else
		snprintf(err, sizeof(err), "command killed by signal %d",
		    WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	return err;
}

/*
 * Opens and delivers one message and records the outcome.  The log
 * names the message by id and masked phone, never the body.  Returns
 * 0, or -1 if the database failed.
 */
static int
deliver(const struct msg *m)
{
	char		 phone[PHONE_MAX], body[BODY_MAX], masked[PHONE_MAX];
	const char	*err;
	int		 rc;

	if (pii_open(&cfg, PII_OUT_PHONE, m->id, m->phone, m->phonelen, phone,
	    sizeof(phone)) == -1 || pii_open(&cfg, PII_OUT_BODY, m->id,
	    m->body, m->bodylen, body, sizeof(body)) == -1) {
		log_warnx("sms %lld: cannot open the sealed phone or body",
		    m->id);
		return outbox_mark(m->id, "cannot open the sealed values");
	}
	pii_mask_phone(phone, masked, sizeof(masked));
	if (*cfg.sms_sink != '\0')
		err = send_sink(phone, body);
	else
		err = send_command(phone, body);
	OPENSSL_cleanse(body, sizeof(body));
	OPENSSL_cleanse(phone, sizeof(phone));
	if (err == NULL)
		log_info("sms %lld to %s sent", m->id, masked);
	else
		log_warnx("sms %lld to %s failed: %s", m->id, masked, err);
	rc = outbox_mark(m->id, err);
	return rc;
}

/*
 * Delivers the unsent messages with ids above *after, one batch, and
 * moves *after past them.  Returns the number of messages tried, or -1
 * if the database failed.
 */
static int
drain_batch(long long *after)
{
	static struct msg	 m[BATCH];
	int			 n, i;

	if ((n = outbox_fetch(*after, m)) <= 0)
		return n;
	for (i = 0; i < n && !quit; i++) {
		if (deliver(&m[i]) == -1)
			return -1;
		*after = m[i].id;
	}
	OPENSSL_cleanse(m, sizeof(m));
	return i;
}

/*
 * The sender: polls the outbox, delivers, pauses POLL_MS when there is
 * nothing to send, reconnects with back-off if the database goes away.
 * With once, every message due is tried once and the program exits.
 */
int
main(int argc, char *argv[])
{
	struct sigaction	 sa;
	const char		*conf = D_CONF;
	long long		 after = 0;
	int			 ch, once = 0, backoff = 1, n, s;

	log_init("gkbm-sms", "-", 0);
	while ((ch = getopt(argc, argv, "1c:")) != -1) {
		switch (ch) {
		case '1':
			once = 1;
			break;
		case 'c':
			conf = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	config_init(&cfg);
	if (config_parse(&cfg, conf) == -1 ||
	    config_secrets(&cfg, cfg.secrets_file) == -1)
		return 1;
	log_init("gkbm-sms", cfg.log_file, cfg.debug);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGTERM, &sa, NULL);
	(void)sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	(void)sigaction(SIGPIPE, &sa, NULL);

	if (*cfg.sms_sink == '\0' && *cfg.sms_command == '\0') {
		log_warnx("no SMS sender configured (set sms_sink or "
		    "sms_command): messages stay queued");
		if (once)
			return 1;
		while (!quit)
			nap(1000);
		return 0;
	}
	log_info("started, sending with %s", *cfg.sms_sink != '\0' ?
	    "the sink file" : "the gateway command");

	while (!quit) {
		if (db == NULL && db_open() == -1) {
			if (once)
				return 1;
			log_info("database unavailable, retrying in %d s",
			    backoff);
			for (s = 0; s < backoff * 5 && !quit; s++)
				nap(200);
			if ((backoff *= 2) > BACKOFF_MAX)
				backoff = BACKOFF_MAX;
			continue;
		}
		backoff = 1;
		if ((n = drain_batch(&after)) == -1) {
			db_close();
			if (once)
				return 1;
			continue;
		}
		if (n == 0) {
			if (once)
				break;
			after = 0;
			nap(POLL_MS);
		}
	}
	db_close();
	log_info("stopped");
	config_free(&cfg);
	return 0;
}
