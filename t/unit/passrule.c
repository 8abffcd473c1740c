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
 * t/unit/passrule.c: 考核结果's pure rules (fcgi/rules/passrule.c): scores
 * as typed (range, one decimal, nothing else), their words, the 缺考
 * column, and the pass rule at its edges (59.9 against 60, each score
 * alone short, absent, a missing line).
 */

#include <string.h>

#include "passrule.h"
#include "tap.h"

static const struct {
	const char	*s;
	int		 want;		/* tenths, or -1: refused */
} scores[] = {
	{ "0", 0 },		{ "0.5", 5 },		{ "60", 600 },
	{ "59.9", 599 },	{ "85.0", 850 },	{ "100", 1000 },
	{ "100.0", 1000 },	{ "9", 90 },		{ "99.9", 999 },
	{ "100.1", -1 },	{ "101", -1 },		{ "1000", -1 },
	{ "-1", -1 },		{ "+5", -1 },		{ "", -1 },
	{ "85.55", -1 },	{ "85.", -1 },		{ ".5", -1 },
	{ "085", -1 },		{ "00", -1 },		{ "8 5", -1 },
	{ " 85", -1 },		{ "85 ", -1 },		{ "1e2", -1 },
	{ "八十", -1 },		{ "85,5", -1 },		{ "0x10", -1 },
	{ "６０", -1 },
};

static const struct {
	int	 absent, theory, skill, lt, ls, want;
	const char *what;
} decide[] = {
	{ 0, 600, 600, 600, 600, 1, "both exactly at the line" },
	{ 0, 599, 900, 600, 600, 0, "theory 59.9 against 60" },
	{ 0, 900, 599, 600, 600, 0, "skill 59.9 against 60" },
	{ 0, 1000, 1000, 600, 600, 1, "full marks" },
	{ 1, 1000, 1000, 600, 600, 0, "absent never passes" },
	{ 0, -1, 700, 600, 600, 0, "no theory score" },
	{ 0, 700, -1, 600, 600, 0, "no skill score" },
	{ 0, 700, 700, -1, 600, 0, "no theory line" },
	{ 0, 700, 700, 600, -1, 0, "no skill line" },
	{ 0, 0, 0, 0, 0, 1, "lines of 0 pass anyone present" },
	{ 0, 755, 605, 755, 600, 1, "a line with a decimal, reached" },
	{ 0, 754, 605, 755, 600, 0, "a line with a decimal, missed" },
};

int
main(void)
{
	char	 buf[16];
	size_t	 i;
	int	 v, rc;

	plan_lazy();
	for (i = 0; i < sizeof(scores) / sizeof(scores[0]); i++) {
		v = -7;
		rc = pass_score_parse(scores[i].s, &v);
		if (scores[i].want < 0)
			ok(rc == -1 && v == -7, "\"%s\" refused, nothing set",
			    scores[i].s);
		else
			ok(rc == 0 && v == scores[i].want, "\"%s\" is %d "
			    "tenths", scores[i].s, scores[i].want);
	}
	pass_score_fmt(855, buf, sizeof(buf));
	is_string(buf, "85.5", "855 tenths in words");
	pass_score_fmt(600, buf, sizeof(buf));
	is_string(buf, "60.0", "600 tenths in words");
	pass_score_fmt(0, buf, sizeof(buf));
	is_string(buf, "0.0", "0 in words");
	pass_score_fmt(PASS_NONE, buf, sizeof(buf));
	is_string(buf, "", "no score: empty");
	for (i = 0; i <= PASS_SCORE_MAX; i++) {
		pass_score_fmt((int)i, buf, sizeof(buf));
		if (pass_score_parse(buf, &v) != 0 || v != (int)i)
			break;
	}
	is_int((long long)i, PASS_SCORE_MAX + 1,
	    "every score in words reads back as itself");
	for (i = 0; i < sizeof(decide) / sizeof(decide[0]); i++)
		is_int(pass_decide(decide[i].absent, decide[i].theory,
		    decide[i].skill, decide[i].lt, decide[i].ls),
		    decide[i].want, "%s", decide[i].what);
	is_int(pass_absent_word("缺考"), 1, "缺考 is absent");
	is_int(pass_absent_word("是"), 1, "是 is absent");
	is_int(pass_absent_word(""), 0, "blank is present");
	is_int(pass_absent_word("否"), 0, "否 is present");
	is_int(pass_absent_word("可能"), -1, "another word is refused");
	return 0;
}
