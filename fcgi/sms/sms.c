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

#include <openssl/crypto.h>

#include "gkbm.h"
#include "web.h"

#define BATCH		50		/* rows per poll */
#define MAX_TRIES	5		/* then the row is left alone */
#define POLL_MS		200		/* pause after an empty poll */
#define BACKOFF_MAX	60		/* most seconds between reconnects */
#define CMD_TIMEOUT	30		/* seconds the gateway command gets */
#define BODY_MAX	600		/* body_enc is VARBINARY(600) */
#define PHONE_MAX	32

/* One message of the outbox, still sealed. */
struct msg {
	long long	 id;
	unsigned char	 phone[PII_MAX];
	unsigned long	 phonelen;
	unsigned char	 body[BODY_MAX];
	unsigned long	 bodylen;
};

static struct config		 cfg;
static struct dbh		 sdb;	/* PROG_SMS of fcgi/web/db.c */

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

/*
 * Reads up to BATCH unsent messages with ids above after into m (the
 * statement's rows are copied, so a truncated value cannot be opened:
 * pii_open says so).  Returns their number, or -1 (logged) if the
 * database failed.
 */
static int
outbox_fetch(long long after, struct msg *m)
{
	unsigned char	*phone, *body;
	size_t		 pl, bl;
	int		 n = 0, rc = 0;

	if (dbh_run(&sdb, STMT_OUTBOX_PENDING, after) == -1)
		return -1;
	while (n < BATCH && (rc = dbh_row(&sdb, STMT_OUTBOX_PENDING,
	    &m[n].id, &phone, &pl, &body, &bl)) == 1) {
		m[n].phonelen = pl < sizeof(m[n].phone) ? pl :
		    sizeof(m[n].phone);
		memcpy(m[n].phone, phone, m[n].phonelen);
		m[n].bodylen = bl < sizeof(m[n].body) ? bl : sizeof(m[n].body);
		memcpy(m[n].body, body, m[n].bodylen);
		n++;
	}
	dbh_done(&sdb, STMT_OUTBOX_PENDING);
	return rc == -1 ? -1 : n;
}

/*
 * Records the outcome of message id: sent (err NULL) or failed with err.
 * Returns 0, or -1 (logged) if the database failed.
 */
static int
outbox_mark(long long id, const char *err)
{
	char	 buf[201];

	if (err == NULL)
		return dbh_run(&sdb, STMT_OUTBOX_SENT, id) == -1 ? -1 : 0;
	snprintf(buf, sizeof(buf), "%s", err);
	return dbh_run(&sdb, STMT_OUTBOX_FAILED, buf, id) == -1 ? -1 : 0;
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

	pool_free(sdb.pool);		/* the last batch's copies */
	sdb.pool = pool_new();
	if ((n = outbox_fetch(*after, m)) <= 0)
		return n;
	for (i = 0; i < n && !prog_quit; i++) {
		if (deliver(&m[i]) == -1)
			return -1;
		*after = m[i].id;
	}
	OPENSSL_cleanse(m, sizeof(m));
	return i;
}

/*
 * Connects as gkbm-web's account and prepares the statements of gkbm-sms
 * (one that does not prepare is fatal, named).  Returns 0, or -1 when
 * the server cannot be reached: waits *backoff seconds (doubled each
 * time, up to BACKOFF_MAX) unless once.
 */
static int
sms_connect(int once, int *backoff)
{
	int	 s;

	if (dbh_open(&sdb, &cfg, PROG_SMS, 0) == 0) {
		*backoff = 1;
		return 0;
	}
	dbh_close(&sdb);
	if (once)
		return -1;
	log_info("database unavailable, retrying in %d s", *backoff);
	for (s = 0; s < *backoff * 5 && !prog_quit; s++)
		nap(200);
	if ((*backoff *= 2) > BACKOFF_MAX)
		*backoff = BACKOFF_MAX;
	return -1;
}

/*
 * Polls the outbox and delivers until a signal (or, with once, until
 * every message due was tried once); pauses POLL_MS when there is
 * nothing to send; reconnects with back-off if the database goes away.
 * Returns the exit status.
 */
static int
sms_loop(int once)
{
	long long	 after = 0;
	int		 backoff = 1, n;

	while (!prog_quit) {
		if (sdb.db == NULL && sms_connect(once, &backoff) == -1) {
			if (once)
				return 1;
			continue;
		}
		if ((n = drain_batch(&after)) == -1) {
			dbh_close(&sdb);
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
	dbh_close(&sdb);
	return 0;
}

/*
 * gkbm-sms [-c conf] [-1]: the sender.  With -1, every message due is
 * tried once and the program exits.
 */
int
main(int argc, char *argv[])
{
	const char	*conf = D_CONF;
	int		 ch, once = 0, rc;

	log_init("gkbm-sms", "-", 0);
	while ((ch = getopt(argc, argv, "1c:")) != -1) {
		if (ch == '1')
			once = 1;
		else if (ch == 'c')
			conf = optarg;
		else
			usage();
	}
	if (optind != argc)
		usage();
	if (prog_config("gkbm-sms", &cfg, conf, &cfg.log_file) == -1)
		return 1;
	prog_signals();		/* a stop finishes the current message */
	if (*cfg.sms_sink == '\0' && *cfg.sms_command == '\0') {
		log_warnx("no SMS sender configured (set sms_sink or "
		    "sms_command): messages stay queued");
		if (once)
			return 1;
		while (!prog_quit)
			nap(1000);
		return 0;
	}
	log_info("started, sending with %s", *cfg.sms_sink != '\0' ?
	    "the sink file" : "the gateway command");
	sdb.pool = pool_new();
	rc = sms_loop(once);
	pool_free(sdb.pool);
	if (rc == 0)
		log_info("stopped");
	config_free(&cfg);
	return rc;
}
