/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* idno.c: GB 11643-1999 citizen identity numbers */

#include <string.h>
#include <time.h>

#include "gkbm.h"

/* Messages of idno_strerror, indexed by enum idno_err. */
static const char *const idno_msgs[IDNO__MAX] = {
	"身份证号正确。",						/* IDNO_OK */
	"请输入身份证号。",						/* IDNO_EMPTY */
	"身份证号应为18位，请核对后重新输入。",				/* IDNO_LENGTH */
	"身份证号前17位应为数字，最后一位为数字或字母X，请核对后重新输入。",	/* IDNO_CHARS */
	"身份证号前两位不是有效的省级行政区划代码，请核对后重新输入。",	/* IDNO_REGION */
	"身份证号中的出生日期（第7至14位）不正确，请核对后重新输入。",	/* IDNO_DATE */
	"身份证号校验位不正确，请核对后重新输入。",			/* IDNO_CHECK */
};

/*
 * Province-level codes of GB/T 2260, as ranges of the first two digits.
 * Only the province level is checked: people born elsewhere work in Henan
 * and register here, and a card keeps the code of the county where it was
 * first issued even after that division has been merged or abolished, so
 * a table of current county codes would refuse real, valid cards.
 */
static const struct {
	int	lo, hi;
} idno_provinces[] = {
	{ 11, 15 },	/* 北京 天津 河北 山西 内蒙古 */
	{ 21, 23 },	/* 辽宁 吉林 黑龙江 */
	{ 31, 37 },	/* 上海 江苏 浙江 安徽 福建 江西 山东 */
	{ 41, 46 },	/* 河南 湖北 湖南 广东 广西 海南 */
	{ 50, 54 },	/* 重庆 四川 贵州 云南 西藏 */
	{ 61, 65 },	/* 陕西 甘肃 青海 宁夏 新疆 */
	{ 71, 71 },	/* 台湾 */
	{ 81, 82 },	/* 香港 澳门 */
};

/* ISO 7064 MOD 11-2 weights of digits 1 to 17, and the check characters. */
static const int	idno_weights[17] = {
	7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2
};
static const char	idno_checks[] = "10X98765432";

static int	idno_region_ok(int);
static int	idno_date_ok(int, int, int);

/* Returns 1 if the two-digit code is a province-level region, else 0. */
static int
idno_region_ok(int code)
{
	size_t	 i;

	for (i = 0; i < sizeof(idno_provinces) / sizeof(idno_provinces[0]); i++)
		if (code >= idno_provinces[i].lo && code <= idno_provinces[i].hi)
			return 1;
	return 0;
}

/*
 * Returns 1 if y-m-d is a real calendar date from 1900 up to today
 * (local time), else 0.
 */
static int
idno_date_ok(int y, int m, int d)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	struct tm	 now;
	time_t		 t;
	int		 last, leap;

	if (y < 1900 || m < 1 || m > 12 || d < 1)
		return 0;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	last = mdays[m - 1] + (m == 2 && leap);
	if (d > last)
		return 0;
	t = time(NULL);
	if (localtime_r(&t, &now) == NULL)
		return 0;
	if (y != now.tm_year + 1900)
		return y < now.tm_year + 1900;
	if (m != now.tm_mon + 1)
		return m < now.tm_mon + 1;
	return d <= now.tm_mday;
}

/*
 * Checks the 18-character identity number s (callers trim it) and fills
 * *id with its normalised form (upper-case X), region, birth date and
 * gender.  Returns IDNO_OK or the first problem found; *id is filled only
 * on IDNO_OK.
 */
enum idno_err
idno_parse(const char *s, struct idno *id)
{
	char	 norm[19];
	int	 i, sum, y, m, d;

	if (s == NULL || *s == '\0')
		return IDNO_EMPTY;
	if (strlen(s) != 18)
		return IDNO_LENGTH;
	for (i = 0; i < 17; i++) {
		if (s[i] < '0' || s[i] > '9')
			return IDNO_CHARS;
		norm[i] = s[i];
	}
	if (s[17] == 'x' || s[17] == 'X')
		norm[17] = 'X';
	else if (s[17] >= '0' && s[17] <= '9')
		norm[17] = s[17];
	else
		return IDNO_CHARS;
	norm[18] = '\0';

	if (!idno_region_ok((norm[0] - '0') * 10 + norm[1] - '0'))
		return IDNO_REGION;

	y = m = d = 0;
	for (i = 6; i < 10; i++)
		y = y * 10 + norm[i] - '0';
	m = (norm[10] - '0') * 10 + norm[11] - '0';
	d = (norm[12] - '0') * 10 + norm[13] - '0';
	if (!idno_date_ok(y, m, d))
		return IDNO_DATE;

	for (i = 0, sum = 0; i < 17; i++)
		sum += (norm[i] - '0') * idno_weights[i];
	if (idno_checks[sum % 11] != norm[17])
		return IDNO_CHECK;

	memcpy(id->norm, norm, sizeof(id->norm));
	memcpy(id->region, norm, 6);
	id->region[6] = '\0';
	id->year = y;
	id->month = m;
	id->day = d;
	id->gender = (norm[16] - '0') % 2 ? 'M' : 'F';
	return IDNO_OK;
}

/*
 * Returns a static Chinese message for e that tells the user what to do;
 * an unknown value gets a general one.
 */
const char *
idno_strerror(enum idno_err e)
{
	if ((int)e < 0 || e >= IDNO__MAX)
		return "身份证号不正确，请核对后重新输入。";
	return idno_msgs[e];
}
