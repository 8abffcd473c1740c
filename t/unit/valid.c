/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/valid.c: tests of the input validators */

#include <limits.h>
#include <string.h>
#include <time.h>

#include "gkbm.h"
#include "tap.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const char *const msg_phone_len = "请输入11位手机号码。";
static const char *const msg_phone_prefix =
    "手机号码不是有效的大陆手机号段，请核对。";
static const char *const msg_name =
    "姓名应为2至20个汉字（少数民族姓名可含“·”），请按身份证填写。";

static const struct {
	const char	*s;
	size_t		 len;		/* 0: strlen */
	int		 want;
	const char	*why;
} utf8[] = {
	{ "hello", 0, 1, "ASCII" },
	{ "张三·李四", 0, 1, "hanzi and middle dot" },
	{ "a\tb\r\nc", 0, 1, "tab, CR, LF" },
	{ "𠀀", 0, 1, "4-byte character" },
	{ "", 0, 1, "empty" },
	{ "a\0b", 3, 0, "NUL inside" },
	{ "a\x01", 0, 0, "C0 control 0x01" },
	{ "a\x1b[0m", 0, 0, "escape" },
	{ "\x0b", 0, 0, "vertical tab" },
	{ "\xc0\xaf", 0, 0, "overlong '/' (2 bytes)" },
	{ "\xe0\x80\xaf", 0, 0, "overlong '/' (3 bytes)" },
	{ "\xf0\x80\x80\xaf", 0, 0, "overlong '/' (4 bytes)" },
	{ "\xc1\xbf", 0, 0, "overlong C1" },
	{ "\xed\xa0\x80", 0, 0, "surrogate U+D800" },
	{ "\xed\xbf\xbf", 0, 0, "surrogate U+DFFF" },
	{ "\xf4\x90\x80\x80", 0, 0, "above U+10FFFF" },
	{ "\xf5\x80\x80\x80", 0, 0, "lead byte F5" },
	{ "\xff", 0, 0, "byte FF" },
	{ "\x80", 0, 0, "lone continuation" },
	{ "\xe5\xbc", 0, 0, "truncated 3-byte" },
	{ "\xe5\xbc\xa0", 2, 0, "length cuts a character" },
	{ "\xe5\x41\xa0", 0, 0, "bad continuation" },
	{ "\xef\xbf\xbf", 0, 1, "U+FFFF is well-formed" },
	{ "\xf4\x8f\xbf\xbf", 0, 1, "U+10FFFF" },
};

static const struct {
	const char	*s;
	const char	*want;
} phones[] = {
	{ "13812341234", NULL }, { "13012341234", NULL },
	{ "14512341234", NULL }, { "14912341234", NULL },
	{ "15012341234", NULL }, { "15312341234", NULL },
	{ "15912341234", NULL }, { "16212341234", NULL },
	{ "16612341234", NULL }, { "17012341234", NULL },
	{ "17812341234", NULL }, { "18012341234", NULL },
	{ "18912341234", NULL }, { "19012341234", NULL },
	{ "19912341234", NULL }, { "19512341234", NULL },
	{ "", "请输入11位手机号码。" },
	{ "1381234123", "请输入11位手机号码。" },
	{ "138123412345", "请输入11位手机号码。" },
	{ "1381234123a", "请输入11位手机号码。" },
	{ "138 1234 1234", "请输入11位手机号码。" },
	{ "+8613812341234", "请输入11位手机号码。" },
	{ "23812341234", "手机号码不是有效的大陆手机号段，请核对。" },
	{ "12812341234", "手机号码不是有效的大陆手机号段，请核对。" },
	{ "11012341234", "手机号码不是有效的大陆手机号段，请核对。" },
	{ "14012341234", "手机号码不是有效的大陆手机号段，请核对。" },
	{ "14412341234", "手机号码不是有效的大陆手机号段，请核对。" },
	{ "15412341234", "手机号码不是有效的大陆手机号段，请核对。" },
	{ "16012341234", "手机号码不是有效的大陆手机号段，请核对。" },
	{ "16312341234", "手机号码不是有效的大陆手机号段，请核对。" },
	{ "16812341234", "手机号码不是有效的大陆手机号段，请核对。" },
	{ "17912341234", "手机号码不是有效的大陆手机号段，请核对。" },
	{ "19412341234", "手机号码不是有效的大陆手机号段，请核对。" },
};

static const struct {
	const char	*s;
	int		 good;
	const char	*why;
} names[] = {
	{ "张三", 1, "two hanzi" },
	{ "欧阳娜娜", 1, "four hanzi" },
	{ "买买提·艾力", 1, "minority name with U+00B7" },
	{ "阿依古丽·买买提·艾力", 1, "two dots" },
	{ "㐀三", 1, "Extension A" },
	{ "𠀀三", 1, "Extension B" },
	{ "王𬱖", 1, "Extension E (8105 list)" },
	{ "一二三四五六七八九十一二三四五六七八九十", 1, "20 hanzi" },
	{ "一二三四五六七八九十一二三四五六七八九十一", 0, "21 hanzi" },
	{ "张", 0, "one hanzi" },
	{ "", 0, "empty" },
	{ "·张三", 0, "leading dot" },
	{ "张三·", 0, "trailing dot" },
	{ "张··三", 0, "two dots in a row" },
	{ "·", 0, "dot only" },
	{ "买买提・艾力", 0, "katakana middle dot U+30FB" },
	{ "买买提•艾力", 0, "bullet U+2022" },
	{ "买买提.艾力", 0, "ASCII full stop" },
	{ "张 三", 0, "space" },
	{ "张三 ", 0, "trailing space" },
	{ "Zhang San", 0, "Latin letters" },
	{ "张3", 0, "digit" },
	{ "张三\xe5", 0, "malformed UTF-8" },
	{ "张　三", 0, "ideographic space U+3000" },
	{ "张三丶", 1, "U+4E36 is an ideograph" },
};

static const struct {
	const char	*s;
	int		 good, y, m, d;
} dates[] = {
	{ "2026-03-01", 1, 2026, 3, 1 },
	{ "2000-02-29", 1, 2000, 2, 29 },
	{ "2024-02-29", 1, 2024, 2, 29 },
	{ "1900-01-01", 1, 1900, 1, 1 },
	{ "2100-12-31", 1, 2100, 12, 31 },
	{ "1900-02-29", 0, 0, 0, 0 },
	{ "2023-02-29", 0, 0, 0, 0 },
	{ "2026-04-31", 0, 0, 0, 0 },
	{ "2026-13-01", 0, 0, 0, 0 },
	{ "2026-00-10", 0, 0, 0, 0 },
	{ "2026-01-00", 0, 0, 0, 0 },
	{ "1899-12-31", 0, 0, 0, 0 },
	{ "2101-01-01", 0, 0, 0, 0 },
	{ "2026-3-1", 0, 0, 0, 0 },
	{ "2026/03/01", 0, 0, 0, 0 },
	{ "2026-03-01 ", 0, 0, 0, 0 },
	{ " 2026-03-01", 0, 0, 0, 0 },
	{ "20260301", 0, 0, 0, 0 },
	{ "2026-03-0a", 0, 0, 0, 0 },
	{ "+026-03-01", 0, 0, 0, 0 },
	{ "", 0, 0, 0, 0 },
};

static const struct {
	const char	*s;
	int		 good, y, mo, d, h, mi, sec;
} datetimes[] = {
	{ "2026-03-01 09:00", 1, 2026, 3, 1, 9, 0, 0 },
	{ "2026-03-01T09:05", 1, 2026, 3, 1, 9, 5, 0 },
	{ "2026-03-01 23:59:59", 1, 2026, 3, 1, 23, 59, 59 },
	{ "2026-03-01T00:00:07", 1, 2026, 3, 1, 0, 0, 7 },
	{ "2024-02-29 12:30", 1, 2024, 2, 29, 12, 30, 0 },
	{ "2023-02-29 12:30", 0, 0, 0, 0, 0, 0, 0 },
	{ "2026-03-01 24:00", 0, 0, 0, 0, 0, 0, 0 },
	{ "2026-03-01 09:60", 0, 0, 0, 0, 0, 0, 0 },
	{ "2026-03-01 09:00:60", 0, 0, 0, 0, 0, 0, 0 },
	{ "2026-03-01 9:00", 0, 0, 0, 0, 0, 0, 0 },
	{ "2026-03-01_09:00", 0, 0, 0, 0, 0, 0, 0 },
	{ "2026-03-01t09:00", 0, 0, 0, 0, 0, 0, 0 },
	{ "2026-03-01 09:00:", 0, 0, 0, 0, 0, 0, 0 },
	{ "2026-03-01 09:00Z", 0, 0, 0, 0, 0, 0, 0 },
	{ "2026-03-01 09-00", 0, 0, 0, 0, 0, 0, 0 },
	{ "2026-03-01", 0, 0, 0, 0, 0, 0, 0 },
	{ "1899-12-31 23:59", 0, 0, 0, 0, 0, 0, 0 },
	{ "", 0, 0, 0, 0, 0, 0, 0 },
};

static const struct {
	const char	*s;
	long long	 min, max;
	int		 rc;
	long long	 want;
} uints[] = {
	{ "0", 0, 10, 0, 0 },
	{ "10", 0, 10, 0, 10 },
	{ "11", 0, 10, -1, 0 },
	{ "5", 6, 10, -1, 0 },
	{ "007", 0, 10, 0, 7 },
	{ "9223372036854775807", 0, LLONG_MAX, 0, LLONG_MAX },
	{ "9223372036854775808", 0, LLONG_MAX, -1, 0 },
	{ "99999999999999999999999", 0, LLONG_MAX, -1, 0 },
	{ "", 0, 10, -1, 0 },
	{ "-1", -10, 10, -1, 0 },
	{ "+1", 0, 10, -1, 0 },
	{ " 1", 0, 10, -1, 0 },
	{ "1 ", 0, 10, -1, 0 },
	{ "1a", 0, 10, -1, 0 },
	{ "0x1", 0, 10, -1, 0 },
	{ "1.0", 0, 10, -1, 0 },
	{ "１", 0, 10, -1, 0 },
};

/* valid_utf8 on good text, controls and malformed sequences. */
static void
test_utf8(void)
{
	size_t	 i, len;

	for (i = 0; i < NELEM(utf8); i++) {
		len = utf8[i].len ? utf8[i].len : strlen(utf8[i].s);
		is_int(utf8[i].want, valid_utf8(utf8[i].s, len), "valid_utf8: %s",
		    utf8[i].why);
	}
}

/* valid_phone on every block and on bad numbers. */
static void
test_phone(void)
{
	size_t	 i;

	for (i = 0; i < NELEM(phones); i++)
		is_string(phones[i].want, valid_phone(phones[i].s),
		    "valid_phone(\"%s\")", phones[i].s);
	is_string(msg_phone_len, valid_phone(NULL), "valid_phone(NULL)");
	is_string(msg_phone_prefix, valid_phone("10012341234"), "10x refused");
}

/* valid_name on Han names, minority names with dots, and look-alikes. */
static void
test_name(void)
{
	const char	*m;
	size_t		 i;

	for (i = 0; i < NELEM(names); i++) {
		m = valid_name(names[i].s);
		ok((m == NULL) == names[i].good, "valid_name %s: %s%s%s",
		    names[i].good ? "accepts" : "refuses", names[i].why,
		    m ? ": " : "", m ? m : "");
	}
	is_string(msg_name, valid_name("Zhang San"), "name message");
	ok(valid_name(NULL) != NULL, "NULL refused");
}

/* valid_date on real, impossible and out-of-range dates. */
static void
test_date(void)
{
	const char	*m;
	size_t		 i;
	int		 y, mo, d;

	for (i = 0; i < NELEM(dates); i++) {
		y = mo = d = -1;
		m = valid_date(dates[i].s, &y, &mo, &d);
		if (dates[i].good)
			ok(m == NULL && y == dates[i].y && mo == dates[i].m &&
			    d == dates[i].d, "valid_date(\"%s\") = %d-%d-%d",
			    dates[i].s, y, mo, d);
		else
			ok(m != NULL && y == -1, "valid_date(\"%s\") refused: %s",
			    dates[i].s, m ? m : "(accepted)");
	}
	ok(valid_date("2026-03-01", NULL, NULL, NULL) == NULL,
	    "NULL outputs allowed");
	ok(valid_date(NULL, &y, &mo, &d) != NULL, "NULL refused");
}

/* valid_datetime with space, T and seconds. */
static void
test_datetime(void)
{
	struct tm	 tm;
	const char	*m;
	size_t		 i;

	for (i = 0; i < NELEM(datetimes); i++) {
		memset(&tm, 0x55, sizeof(tm));
		m = valid_datetime(datetimes[i].s, &tm);
		if (datetimes[i].good)
			ok(m == NULL && tm.tm_year + 1900 == datetimes[i].y &&
			    tm.tm_mon + 1 == datetimes[i].mo &&
			    tm.tm_mday == datetimes[i].d &&
			    tm.tm_hour == datetimes[i].h &&
			    tm.tm_min == datetimes[i].mi &&
			    tm.tm_sec == datetimes[i].sec && tm.tm_isdst == -1,
			    "valid_datetime(\"%s\")", datetimes[i].s);
		else
			ok(m != NULL, "valid_datetime(\"%s\") refused: %s",
			    datetimes[i].s, m ? m : "(accepted)");
	}
	ok(valid_datetime(NULL, &tm) != NULL, "NULL refused");
}

/* valid_uint on ranges, overflow and stray characters. */
static void
test_uint(void)
{
	long long	 v;
	size_t		 i;

	for (i = 0; i < NELEM(uints); i++) {
		v = -42;
		is_int(uints[i].rc, valid_uint(uints[i].s, uints[i].min,
		    uints[i].max, &v), "valid_uint(\"%s\", %lld, %lld)",
		    uints[i].s, uints[i].min, uints[i].max);
		is_int(uints[i].rc == 0 ? uints[i].want : -42, v,
		    "value of \"%s\"", uints[i].s);
	}
	is_int(-1, valid_uint(NULL, 0, 10, &v), "NULL refused");
}

int
main(void)
{
	plan_lazy();
	test_utf8();
	test_phone();
	test_name();
	test_date();
	test_datetime();
	test_uint();
	return 0;
}
