/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* tap.h: a small c-tap-harness-style library for tests that print TAP */
#ifndef TAP_H
#define TAP_H

void	 plan(int);
void	 plan_lazy(void);
int	 ok(int, const char *, ...) __attribute__((format(printf, 2, 3)));
int	 is_int(long long, long long, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
int	 is_string(const char *, const char *, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 diag(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 skip(const char *, ...) __attribute__((format(printf, 1, 2)));
void	 skip_all(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));
void	 bail(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif /* TAP_H */
