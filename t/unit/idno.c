/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/idno.c: tests of GB 11643-1999 identity number checks */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "gkbm.h"
#include "tap.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * Valid numbers.  The first two are the examples printed in GB 11643-1999
 * itself; the check characters of the others were computed outside this
 * program (a separate script summing digit * weight mod 11) and the first
 * Henan one re-done by hand:
 * 4*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+9*6+0*3+0*7+3*9+0*10+7*5+1*8+2*4+3*2
 * = 28+9+0+5+0+20+2+9+54+0+0+27+0+35+8+8+6 = 211; 211 mod 11 = 2 -> 'X'.
 */
static const struct {
	const char	*in;
	const char	*norm;
	int		 y, m, d;
	char		 gender;
} good[] = {
	{ "11010519491231002X", "11010519491231002X", 1949, 12, 31, 'F' },
	{ "440524188001010014", NULL, 1880, 1, 1, 'M' },	/* before 1900 */
	{ "41010519900307123X", "41010519900307123X", 1990, 3, 7, 'M' },
	{ "41010519900307123x", "41010519900307123X", 1990, 3, 7, 'M' },
	{ "410302198511204569", "410302198511204569", 1985, 11, 20, 'F' },
	{ "411526200002293412", "411526200002293412", 2000, 2, 29, 'M' },
	{ "410728197610030032", "410728197610030032", 1976, 10, 3, 'M' },
	{ "310115198808081237", "310115198808081237", 1988, 8, 8, 'M' },
	{ "650102197001015513", "650102197001015513", 1970, 1, 1, 'M' },
	{ "810000199909090127", "810000199909090127", 1999, 9, 9, 'F' },
	{ "71000019800101111X", "71000019800101111X", 1980, 1, 1, 'M' },
	{ "540102199512121231", "540102199512121231", 1995, 12, 12, 'M' },
	{ "15010219600606061x", "15010219600606061X", 1960, 6, 6, 'M' },
	{ "230102199010101019", "230102199010101019", 1990, 10, 10, 'M' },
	{ "520102198712128712", "520102198712128712", 1987, 12, 12, 'M' },
	{ "41010219001231001X", "41010219001231001X", 1900, 12, 31, 'M' },
	{ "410102202402291235", "410102202402291235", 2024, 2, 29, 'M' },
	{ "410102190002280005", "410102190002280005", 1900, 2, 28, 'F' },
};

static const struct {
	const char	*in;
	enum idno_err	 want;
	const char	*why;
} bad[] = {
	{ "", IDNO_EMPTY, "empty" },
	{ "41010519900307123", IDNO_LENGTH, "17 characters" },
	{ "41010519900307123X1", IDNO_LENGTH, "19 characters" },
	{ "410105900307123", IDNO_LENGTH, "old 15-digit number" },
	{ " 41010519900307123X", IDNO_LENGTH, "leading space (not trimmed)" },
	{ "41010519900307123Y", IDNO_CHARS, "check character Y" },
	{ "4101051990030712X3", IDNO_CHARS, "X not last" },
	{ "41010519900307１23", IDNO_LENGTH, "full-width digit" },
	{ "41010519a00307123X", IDNO_CHARS, "letter inside" },
	{ "41010519900307123 ", IDNO_CHARS, "trailing space" },
	{ "-1010519900307123X", IDNO_CHARS, "sign" },
	{ "00010519900307123X", IDNO_REGION, "region 00" },
	{ "10010519900307123X", IDNO_REGION, "region 10" },
	{ "16010519900307123X", IDNO_REGION, "region 16" },
	{ "24010519900307123X", IDNO_REGION, "region 24" },
	{ "38010519900307123X", IDNO_REGION, "region 38" },
	{ "47010519900307123X", IDNO_REGION, "region 47" },
	{ "55010519900307123X", IDNO_REGION, "region 55" },
	{ "66010519900307123X", IDNO_REGION, "region 66" },
	{ "72010519900307123X", IDNO_REGION, "region 72" },
	{ "83010519900307123X", IDNO_REGION, "region 83" },
	{ "91010519900307123X", IDNO_REGION, "region 91" },
	{ "410102190002290001", IDNO_DATE, "1900-02-29 (1900 not leap)" },
	{ "410102202302290001", IDNO_DATE, "2023-02-29" },
	{ "410102199013010001", IDNO_DATE, "month 13" },
	{ "410102199000010001", IDNO_DATE, "month 00" },
	{ "410102199001000001", IDNO_DATE, "day 00" },
	{ "410102199001320001", IDNO_DATE, "day 32" },
	{ "410102199004310001", IDNO_DATE, "April 31" },
	{ "410102189912310001", IDNO_DATE, "1899 (before 1900)" },
	{ "410102209901010001", IDNO_DATE, "2099 (future)" },
	{ "410105199003071231", IDNO_CHECK, "check 1 instead of X" },
	{ "410302198511204568", IDNO_CHECK, "check off by one" },
	{ "410302198511204659", IDNO_CHECK, "two digits swapped" },
	{ "410302198511304569", IDNO_CHECK, "one digit changed" },
	{ "11010519491231002X", IDNO_OK, "GB 11643 example" },
};

static char	check_char(const char *);
static void	format_date(char *, const struct tm *);

/*
 * Check character of 17 digits computed another way than idno.c: the
 * weight of position i (from 1) is 2^(18-i) mod 11.  Verified below
 * against the table before use.
 */
static char
check_char(const char *s)
{
	int	 i, w = 1, sum = 0;

	for (i = 16; i >= 0; i--) {
		w = w * 2 % 11;
		sum += (s[i] - '0') * w;
	}
	return "10X98765432"[sum % 11];
}

/* Writes the number 410102YYYYMMDD123c for tm to buf (64 bytes). */
static void
format_date(char *buf, const struct tm *tm)
{
	snprintf(buf, 64, "410102%04d%02d%02d123", tm->tm_year + 1900,
	    tm->tm_mon + 1, tm->tm_mday);
	buf[17] = check_char(buf);
	buf[18] = '\0';
}

/* Valid numbers parse and fill every field of struct idno. */
static void
test_good(void)
{
	struct idno	 id;
	size_t		 i;
	char		 c;

	for (i = 0; i < NELEM(good); i++) {
		if (good[i].norm == NULL) {
			/* 1880: right check digit, but before 1900 */
			is_int(IDNO_DATE, idno_parse(good[i].in, &id),
			    "%s: GB example born 1880 refused (year < 1900)",
			    good[i].in);
			continue;
		}
		memset(&id, 0, sizeof(id));
		if (!is_int(IDNO_OK, idno_parse(good[i].in, &id), "%s valid",
		    good[i].in))
			continue;
		ok(strcmp(id.norm, good[i].norm) == 0 &&
		    strncmp(id.region, good[i].in, 6) == 0 &&
		    id.region[6] == '\0' && id.year == good[i].y &&
		    id.month == good[i].m && id.day == good[i].d &&
		    id.gender == good[i].gender,
		    "%s: norm %s region %.6s %04d-%02d-%02d %c", good[i].in,
		    id.norm, id.region, id.year, id.month, id.day, id.gender);
	}
	for (i = 0; i < NELEM(good); i++) {
		c = good[i].in[17] == 'x' ? 'X' : good[i].in[17];
		if (check_char(good[i].in) != c)
			break;
	}
	is_int(NELEM(good), i, "test helper agrees with the table");
}

/* Each kind of wrong number gets its own error. */
static void
test_bad(void)
{
	struct idno	 id;
	size_t		 i;

	for (i = 0; i < NELEM(bad); i++) {
		memset(&id, 0, sizeof(id));
		is_int(bad[i].want, idno_parse(bad[i].in, &id), "%s: %s",
		    bad[i].in, bad[i].why);
	}
	is_int(IDNO_EMPTY, idno_parse(NULL, &id), "NULL is empty");
}

/* Birth dates of today, tomorrow and next year, made at run time. */
static void
test_today(void)
{
	struct idno	 id;
	struct tm	 tm;
	time_t		 t;
	char		 buf[64];

	t = time(NULL);
	localtime_r(&t, &tm);
	format_date(buf, &tm);
	is_int(IDNO_OK, idno_parse(buf, &id), "born today (%s) is valid", buf);
	tm.tm_mday += 1;
	tm.tm_isdst = -1;
	mktime(&tm);
	format_date(buf, &tm);
	is_int(IDNO_DATE, idno_parse(buf, &id), "born tomorrow (%s) refused",
	    buf);
	t = time(NULL);
	localtime_r(&t, &tm);
	tm.tm_year += 1;
	tm.tm_mon = 0;
	tm.tm_mday = 1;
	format_date(buf, &tm);
	is_int(IDNO_DATE, idno_parse(buf, &id), "born next year (%s) refused",
	    buf);
}

/* The Chinese messages of idno_strerror. */
static void
test_messages(void)
{
	int	 e;

	is_string("身份证号校验位不正确，请核对后重新输入。",
	    idno_strerror(IDNO_CHECK), "IDNO_CHECK message");
	is_string("身份证号应为18位，请核对后重新输入。",
	    idno_strerror(IDNO_LENGTH), "IDNO_LENGTH message");
	is_string("请输入身份证号。", idno_strerror(IDNO_EMPTY),
	    "IDNO_EMPTY message");
	for (e = IDNO_EMPTY; e < IDNO__MAX; e++)
		ok(idno_strerror(e) != NULL && strstr(idno_strerror(e),
		    "身份证号") != NULL, "message %d names the ID number", e);
	ok(idno_strerror(IDNO__MAX) != NULL, "out-of-range value has a message");
}

int
main(void)
{
	plan_lazy();
	test_good();
	test_bad();
	test_today();
	test_messages();
	return 0;
}
