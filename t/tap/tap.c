/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* tap.c: a small c-tap-harness-style library for tests that print TAP */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tap.h"

static int	tap_planned = -1;	/* -1: no plan yet */
static int	tap_lazy;		/* print the plan at exit */
static int	tap_run;		/* tests run so far */
static int	tap_failed;		/* of which failed */
static pid_t	tap_pid;		/* only this process reports at exit */
static int	tap_registered;

static void	tap_finish(void);
static void	tap_register(void);
static void	tap_vreport(int, const char *, va_list)
		    __attribute__((format(printf, 2, 0)));

/*
 * Called at exit: print the lazy plan, complain about a count that differs
 * from the plan, and turn any failure into a non-zero exit status.
 */
static void
tap_finish(void)
{
	if (getpid() != tap_pid)
		return;
	fflush(stdout);
	if (tap_lazy && tap_planned < 0)
		printf("1..%d\n", tap_run);
	else if (tap_planned >= 0 && tap_run != tap_planned) {
		diag("Looks like you planned %d tests but ran %d",
		    tap_planned, tap_run);
		fflush(stdout);
		_exit(255);
	}
	if (tap_planned < 0 && !tap_lazy) {
		diag("No plan was given");
		fflush(stdout);
		_exit(255);
	}
	if (tap_failed > 0) {
		diag("Looks like you failed %d test%s of %d", tap_failed,
		    tap_failed == 1 ? "" : "s", tap_run);
		fflush(stdout);
		_exit(tap_failed > 254 ? 254 : tap_failed);
	}
	fflush(stdout);
}

/* Registers tap_finish once.  Cannot fail except by bailing out. */
static void
tap_register(void)
{
	if (tap_registered)
		return;
	tap_registered = 1;
	tap_pid = getpid();
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (atexit(tap_finish) != 0)
		bail("cannot register exit handler");
}

/* Prints "1..n" and records the plan.  Bails out when called twice. */
void
plan(int n)
{
	tap_register();
	if (tap_planned >= 0 || tap_lazy)
		bail("plan() called twice");
	tap_planned = n;
	printf("1..%d\n", n);
}

/* Defers the plan: "1..N" with the number of tests run is printed at exit. */
void
plan_lazy(void)
{
	tap_register();
	if (tap_planned >= 0 || tap_lazy)
		bail("plan_lazy() called twice");
	tap_lazy = 1;
}

/* Prints one "ok"/"not ok" line; fmt may be NULL for no description. */
static void
tap_vreport(int success, const char *fmt, va_list ap)
{
	tap_register();
	tap_run++;
	if (!success)
		tap_failed++;
	printf("%sok %d", success ? "" : "not ", tap_run);
	if (fmt != NULL && *fmt != '\0') {
		printf(" - ");
		vprintf(fmt, ap);
	}
	putchar('\n');
}

/* Reports a test that passed if success is non-zero.  Returns success. */
int
ok(int success, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	tap_vreport(success, fmt, ap);
	va_end(ap);
	return success != 0;
}

/* Passes if want == got; on failure prints both.  Returns 1 if passed. */
int
is_int(long long want, long long got, const char *fmt, ...)
{
	va_list	ap;
	int	success = want == got;

	va_start(ap, fmt);
	tap_vreport(success, fmt, ap);
	va_end(ap);
	if (!success)
		diag("wanted: %lld\n#   seen: %lld", want, got);
	return success;
}

/*
 * Passes if both strings are equal or both are NULL; on failure prints
 * both.  Returns 1 if passed.
 */
int
is_string(const char *want, const char *got, const char *fmt, ...)
{
	va_list	ap;
	int	success;

	if (want == NULL || got == NULL)
		success = want == got;
	else
		success = strcmp(want, got) == 0;
	va_start(ap, fmt);
	tap_vreport(success, fmt, ap);
	va_end(ap);
	if (!success)
		diag("wanted: %s%s%s\n#   seen: %s%s%s",
		    want ? "\"" : "", want ? want : "(null)", want ? "\"" : "",
		    got ? "\"" : "", got ? got : "(null)", got ? "\"" : "");
	return success;
}

/* Prints a "# " comment line on standard output, where TAP expects it. */
void
diag(const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* Reports one skipped test ("ok N # skip reason"). */
void
skip(const char *fmt, ...)
{
	va_list	ap;

	tap_register();
	tap_run++;
	printf("ok %d # skip", tap_run);
	if (fmt != NULL && *fmt != '\0') {
		putchar(' ');
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
	}
	putchar('\n');
}

/* Skips the whole file: prints "1..0 # skip reason" and exits 0. */
void
skip_all(const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	printf("1..0 # skip");
	if (fmt != NULL && *fmt != '\0') {
		putchar(' ');
		va_start(ap, fmt);
		vprintf(fmt, ap);
		va_end(ap);
	}
	putchar('\n');
	fflush(stdout);
	_exit(0);
}

/* Aborts the run: prints "Bail out! reason" and exits 255. */
void
bail(const char *fmt, ...)
{
	va_list	ap;

	fflush(stdout);
	printf("Bail out! ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	_exit(255);
}
