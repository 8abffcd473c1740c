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
 * passrule.h: 考核结果, pure rules: a score as typed (0-100, at most one
 * decimal) in tenths of a point, a score in words, and whether a
 * candidate passed (schema/0019-exam.sql: not absent and each score
 * reaching its line).
 */
#ifndef PASSRULE_H
#define PASSRULE_H

#include <stddef.h>

#define PASS_SCORE_MAX	1000	/* 100.0 in tenths */
#define PASS_NONE	(-1)	/* no score (缺考, or not given) */

int		 pass_score_parse(const char *, int *);
void		 pass_score_fmt(int, char *, size_t);
int		 pass_decide(int, int, int, int, int);
int		 pass_absent_word(const char *);

#endif
