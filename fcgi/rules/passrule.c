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
 * passrule.c: 考核结果 as pure rules (the import, the pass lines, the
 * publication and the 复核 answers all use them): scores in tenths of a
 * point, so that 59.9 < 60 holds exactly and no float is compared.
 */

#include <stdio.h>
#include <string.h>

#include "passrule.h"

/*
 * Parses s, a score as typed: "0" to "100", at most one decimal ("85",
 * "85.5", "85.0"), digits only (no sign, no space, no exponent, no
 * leading zero but "0" itself and "0.5").  Sets *tenths.  Returns 0, or
 * -1 when s is not such a score.
 */
int
pass_score_parse(const char *s, int *tenths)
{
	size_t	 n, i;
	int	 v = 0;

	n = strspn(s, "0123456789");
	if (n == 0 || n > 3 || (n > 1 && s[0] == '0'))
		return -1;
	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	v *= 10;
	if (s[n] == '.') {
		if (s[n + 1] < '0' || s[n + 1] > '9' || s[n + 2] != '\0')
			return -1;
		v += s[n + 1] - '0';
	} else if (s[n] != '\0')
		return -1;
	if (v > PASS_SCORE_MAX)
		return -1;
	*tenths = v;
	return 0;
}

/* Writes score tenths as "85.5" ("" for PASS_NONE) into buf. */
void
pass_score_fmt(int tenths, char *buf, size_t sz)
{
	if (tenths < 0)
		snprintf(buf, sz, "%s", "");
	else
		snprintf(buf, sz, "%d.%d", tenths / 10, tenths % 10);
}

/*
 * Whether a candidate passed: not absent, both scores given and each at
 * least its line (every value in tenths).  Returns 1 or 0.
 */
int
pass_decide(int absent, int theory, int skill, int line_theory,
    int line_skill)
{
	if (absent || theory < 0 || skill < 0 || line_theory < 0 ||
	    line_skill < 0)
		return 0;
	return theory >= line_theory && skill >= line_skill;
}

/* The 缺考 column's words: 1 absent, 0 present (blank, 否), -1 neither. */
int
pass_absent_word(const char *s)
{
	static const char *const yes[] = { "缺考", "是", "1", "Y", "y" };
	static const char *const no[] = { "", "否", "0", "N", "n" };
	size_t	 i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcmp(s, yes[i]) == 0)
			return 1;
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		if (strcmp(s, no[i]) == 0)
			return 0;
	return -1;
}
