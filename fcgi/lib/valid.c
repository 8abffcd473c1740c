/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* valid.c: input validators; each returns NULL or a Chinese message */

#include <limits.h>
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "gkbm.h"

#define PERSON_NAME_MIN	2		/* characters, dots included */
#define PERSON_NAME_MAX	20
#define YEAR_MIN	1900
#define YEAR_MAX	2100
#define MIDDLE_DOT	0x00b7		/* "·" of minority names on ID cards */

static const char *const msg_phone_len = "请输入11位手机号码。";
static const char *const msg_phone_prefix =
    "手机号码不是有效的大陆手机号段，请核对。";
static const char *const msg_name_empty = "请输入姓名。";
static const char *const msg_name =
    "姓名应为2至20个汉字（少数民族姓名可含“·”），请按身份证填写。";
static const char *const msg_name_dot =
    "姓名中的“·”不能在开头或结尾，也不能连续出现，请按身份证填写。";
static const char *const msg_date = "请按“年-月-日”格式输入日期，例如2026-03-01。";
static const char *const msg_date_bad = "日期不存在，请核对。";
static const char *const msg_date_range = "日期应在1900年至2100年之间。";
static const char *const msg_datetime =
    "请按“年-月-日 时:分”格式输入时间，例如2026-03-01 09:00。";
static const char *const msg_time_bad = "时间不存在，请核对。";

/*
 * Mobile number blocks of the mainland operators, by the first three
 * digits: 13x, 14[5-9], 15[0-35-9], 16[2567], 17[0-8], 18x, 19[0-35-9].
 * Each string lists the allowed third digits after "1" and the second.
 */
static const char *const phone_blocks[10] = {
	NULL,			/* 10 */
	NULL,			/* 11 */
	NULL,			/* 12 */
	"0123456789",		/* 13 */
	"56789",		/* 14 */
	"012356789",		/* 15 */
	"2567",			/* 16 */
	"012345678",		/* 17 */
	"0123456789",		/* 18 */
	"012356789",		/* 19 */
};

/* Ideograph ranges accepted in names: unified blocks and extensions. */
static const struct {
	uint32_t	lo, hi;
} han_ranges[] = {
	{ 0x3400, 0x4dbf },	/* Extension A */
	{ 0x4e00, 0x9fff },	/* CJK Unified Ideographs */
	{ 0x20000, 0x2a6df },	/* Extension B */
	{ 0x2a700, 0x2ebef },	/* Extensions C, D, E, F */
	{ 0x30000, 0x323af },	/* Extensions G, H */
};

static int	utf8_next(const unsigned char *, size_t, uint32_t *);
static int	is_han(uint32_t);
static int	days_in_month(int, int);
static int	digits(const char *, int);
static int	parse_date(const char *, int *, int *, int *);

/*
 * Decodes one UTF-8 character from s (at most len bytes) into *cp.
 * Returns its length, or -1 if malformed, overlong, a surrogate or above
 * U+10FFFF.
 */
static int
utf8_next(const unsigned char *s, size_t len, uint32_t *cp)
{
	uint32_t	 c, min;
	int		 n, i;

	if (len == 0)
		return -1;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		c = s[0] & 0x1f;
		min = 0x80;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		c = s[0] & 0x0f;
		min = 0x800;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		c = s[0] & 0x07;
		min = 0x10000;
	} else
		return -1;
	if ((size_t)n > len)
		return -1;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	return n;
}

/*
 * Returns 1 if the len bytes at s are well-formed UTF-8 (no overlong
 * forms, no surrogates) holding no NUL and no C0 control other than tab,
 * CR and LF, else 0.
 */
int
valid_utf8(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint32_t		 cp;
	int			 n;

	while (len > 0) {
		if ((n = utf8_next(p, len, &cp)) == -1)
			return 0;
		if (cp < 0x20 && cp != '\t' && cp != '\r' && cp != '\n')
			return 0;
		p += n;
		len -= n;
	}
	return 1;
}

/*
 * Counts the characters of the text s: well-formed UTF-8 without C0
 * controls other than tab (and CR and LF when lines is set) and without
 * the non-characters XML cannot carry (U+FDD0..U+FDEF and U+xFFFE,
 * U+xFFFF of every plane).  Returns the count, or -1 if s is not such a
 * text.
 */
long long
valid_chars(const char *s, int lines)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len = strlen(s);
	long long		 nchars = 0;
	uint32_t		 cp;
	int			 n;

	while (len > 0) {
		if ((n = utf8_next(p, len, &cp)) == -1)
			return -1;
		if ((cp < 0x20 && cp != '\t' && !(lines && (cp == '\r' ||
		    cp == '\n'))) || cp == 0x7f ||
		    (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) == 0xfffe)
			return -1;
		nchars++;
		p += n;
		len -= n;
	}
	return nchars;
}

/*
 * Checks a mainland mobile number: 11 digits in a block in use.  Returns
 * NULL or a static message.
 */
const char *
valid_phone(const char *s)
{
	size_t	 i;

	if (s == NULL || strlen(s) != 11)
		return msg_phone_len;
	for (i = 0; i < 11; i++)
		if (s[i] < '0' || s[i] > '9')
			return msg_phone_len;
	if (s[0] != '1' || phone_blocks[s[1] - '0'] == NULL ||
	    strchr(phone_blocks[s[1] - '0'], s[2]) == NULL)
		return msg_phone_prefix;
	return NULL;
}

/* Returns 1 if cp is a CJK ideograph accepted in names. */
static int
is_han(uint32_t cp)
{
	size_t	 i;

	for (i = 0; i < sizeof(han_ranges) / sizeof(han_ranges[0]); i++)
		if (cp >= han_ranges[i].lo && cp <= han_ranges[i].hi)
			return 1;
	return 0;
}

/*
 * Checks a name as printed on the ID card: 2 to 20 characters, each a
 * CJK ideograph or the middle dot U+00B7 between two ideographs.  Look-
 * alike dots (U+30FB, U+2022, ".") are refused rather than normalised,
 * so the stored name is always the one on the card.  Returns NULL or a
 * static message.
 */
const char *
valid_name(const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 len, nchars = 0;
	uint32_t		 cp;
	int			 n, lastdot = 1;

	if (s == NULL || *s == '\0')
		return msg_name_empty;
	len = strlen(s);
	while (len > 0) {
		if ((n = utf8_next(p, len, &cp)) == -1)
			return msg_name;
		if (cp == MIDDLE_DOT) {
			if (lastdot)		/* first, or after a dot */
				return msg_name_dot;
			lastdot = 1;
		} else if (is_han(cp))
			lastdot = 0;
		else
			return msg_name;
		nchars++;
		p += n;
		len -= n;
	}
	if (lastdot)
		return msg_name_dot;
	if (nchars < PERSON_NAME_MIN || nchars > PERSON_NAME_MAX)
		return msg_name;
	return NULL;
}

/* Returns the number of days of month m (1..12) of year y. */
static int
days_in_month(int y, int m)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return mdays[m - 1];
}

/* Returns the value of the n decimal digits at s, or -1 if not digits. */
static int
digits(const char *s, int n)
{
	int	 v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + s[i] - '0';
	}
	return v;
}

/*
 * Parses "YYYY-MM-DD" at the start of s.  Returns 0, 1 if not in that
 * form, 2 if no such date, 3 if outside 1900..2100.
 */
static int
parse_date(const char *s, int *y, int *m, int *d)
{
	if (strnlen(s, 10) < 10 || s[4] != '-' || s[7] != '-' ||
	    (*y = digits(s, 4)) == -1 || (*m = digits(s + 5, 2)) == -1 ||
	    (*d = digits(s + 8, 2)) == -1)
		return 1;
	if (*m < 1 || *m > 12 || *d < 1 || *d > days_in_month(*y, *m))
		return 2;
	if (*y < YEAR_MIN || *y > YEAR_MAX)
		return 3;
	return 0;
}

/*
 * Checks a date "YYYY-MM-DD" (as <input type="date"> sends it): a real
 * date from 1900 to 2100.  Stores it in *y, *m, *d (each may be NULL) on
 * success.  Returns NULL or a static message.
 */
const char *
valid_date(const char *s, int *y, int *m, int *d)
{
	int	 yy, mm, dd;

	if (s == NULL || strlen(s) != 10)
		return msg_date;
	switch (parse_date(s, &yy, &mm, &dd)) {
	case 0:
		break;
	case 1:
		return msg_date;
	case 2:
		return msg_date_bad;
	default:
		return msg_date_range;
	}
	if (y != NULL)
		*y = yy;
	if (m != NULL)
		*m = mm;
	if (d != NULL)
		*d = dd;
	return NULL;
}

/*
 * Checks a local time "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS", with
 * "T" also accepted in place of the space (<input type="datetime-local">
 * sends "2026-03-01T09:00").  On success fills *tm (tm_isdst -1, tm_wday
 * and tm_yday 0: call mktime or timegm to have them).  Returns NULL or a
 * static message.
 */
const char *
valid_datetime(const char *s, struct tm *tm)
{
	size_t	 len;
	int	 y, mo, d, h, mi, sec = 0;

	if (s == NULL)
		return msg_datetime;
	len = strlen(s);
	if ((len != 16 && len != 19) || (s[10] != ' ' && s[10] != 'T') ||
	    s[13] != ':' || (len == 19 && s[16] != ':'))
		return msg_datetime;
	switch (parse_date(s, &y, &mo, &d)) {
	case 0:
		break;
	case 1:
		return msg_datetime;
	case 2:
		return msg_date_bad;
	default:
		return msg_date_range;
	}
	if ((h = digits(s + 11, 2)) == -1 || (mi = digits(s + 14, 2)) == -1 ||
	    (len == 19 && (sec = digits(s + 17, 2)) == -1))
		return msg_datetime;
	if (h > 23 || mi > 59 || sec > 59)
		return msg_time_bad;
	memset(tm, 0, sizeof(*tm));
	tm->tm_year = y - 1900;
	tm->tm_mon = mo - 1;
	tm->tm_mday = d;
	tm->tm_hour = h;
	tm->tm_min = mi;
	tm->tm_sec = sec;
	tm->tm_isdst = -1;
	return NULL;
}

/*
 * Parses s, decimal digits only (no sign, space or other character),
 * into *out if its value lies within min..max.  Returns 0, or -1 if s is
 * empty, not all digits, too large or out of range (*out unchanged).
 */
int
valid_uint(const char *s, long long min, long long max, long long *out)
{
	long long	 v = 0;

	if (s == NULL || *s == '\0')
		return -1;
	for (; *s != '\0'; s++) {
		if (*s < '0' || *s > '9')
			return -1;
		if (v > (LLONG_MAX - (*s - '0')) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (v < min || v > max)
		return -1;
	*out = v;
	return 0;
}
