/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* log.c: logging with the request id, fatal errors */

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "gkbm.h"

char		 log_reqid[17];
static char	 log_ident[32] = "gkbm";
static char	*log_path;
static int	 log_fd = 2;
static int	 log_debug_on;

/*
 * Sets the program name shown on each line, the log file ("" or "-" for
 * standard error) and whether debug lines are written.  A file that cannot
 * be opened is fatal: a worker that cannot log must not serve.
 */
void
log_init(const char *ident, const char *path, int debug)
{
	snprintf(log_ident, sizeof(log_ident), "%s", ident);
	log_debug_on = debug;
	free(log_path);
	log_path = (path != NULL && *path != '\0' && strcmp(path, "-") != 0) ?
	    strdup(path) : NULL;
	log_reopen();
}

/* Reopens the log file (after logrotate, on SIGHUP). */
void
log_reopen(void)
{
	int	 fd;

	if (log_path == NULL) {
		log_fd = 2;
		return;
	}
	fd = open(log_path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0640);
	if (fd == -1) {
		dprintf(2, "%s: open %s: %s\n", log_ident, log_path,
		    strerror(errno));
		exit(1);
	}
	if (log_fd > 2)
		close(log_fd);
	log_fd = fd;
}

/* Writes one line: time, program[pid], request id, level, message. */
static void	log_vwrite(const char *, const char *, const char *, va_list)
		    __attribute__((format(printf, 3, 0)));

static void
log_vwrite(const char *level, const char *err, const char *fmt, va_list ap)
{
	char		 msg[2048], line[2300];
	struct tm	 tm;
	time_t		 now;
	int		 n;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	now = time(NULL);
	localtime_r(&now, &tm);
	n = snprintf(line, sizeof(line),
	    "%04d-%02d-%02d %02d:%02d:%02d %s[%d] %s%s%s%s%s%s\n",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min, tm.tm_sec, log_ident, (int)getpid(),
	    log_reqid[0] ? log_reqid : "-", " ", level, msg,
	    err ? ": " : "", err ? err : "");
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = sizeof(line) - 1;
	(void)write(log_fd, line, n);
}

#define LOG_FN(name, level, witherr)			\
void							\
name(const char *fmt, ...)				\
{							\
	va_list	 ap;					\
	int	 saved = errno;				\
							\
	va_start(ap, fmt);				\
	log_vwrite(level, witherr ? strerror(saved) : NULL, fmt, ap); \
	va_end(ap);					\
	errno = saved;					\
}

LOG_FN(log_warn, "warn: ", 1)
LOG_FN(log_warnx, "warn: ", 0)
LOG_FN(log_info, "", 0)

void
log_debug(const char *fmt, ...)
{
	va_list	 ap;

	if (!log_debug_on)
		return;
	va_start(ap, fmt);
	log_vwrite("debug: ", NULL, fmt, ap);
	va_end(ap);
}

void
fatal(const char *fmt, ...)
{
	va_list	 ap;
	int	 saved = errno;

	va_start(ap, fmt);
	log_vwrite("fatal: ", strerror(saved), fmt, ap);
	va_end(ap);
	exit(1);
}

void
fatalx(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_vwrite("fatal: ", NULL, fmt, ap);
	va_end(ap);
	exit(1);
}
