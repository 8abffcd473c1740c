/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/passwd.c: tests of the password policy, pinyin and scrypt hashes */

#include <stdio.h>
#include <string.h>

#include "gkbm.h"
#include "tap.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))
#define IDNO		"41010519900307123X"
#define NAME		"张三"

static const char *const msg_classes = "密码需为字母、数字组合，8位以上。";

/* refused: 1 if the policy must refuse the password, 0 if it must pass. */
static const struct {
	const char	*pw;
	const char	*idno;
	const char	*name;
	int		 refused;
	const char	*why;
} cand[] = {
	{ "Tq7vLm2x", IDNO, NAME, 0, "good one" },
	{ "hn2026kaoshi", IDNO, NAME, 0, "good one, lower case" },
	{ "Tq7vLm2", IDNO, NAME, 1, "7 characters" },
	{ "", IDNO, NAME, 1, "empty" },
	{ "abcdefghijk", IDNO, NAME, 1, "no digits" },
	{ "83920175", IDNO, NAME, 1, "no letters" },
	{ "!@#$%^&*()", IDNO, NAME, 1, "symbols only" },
	{ "a41010519900307123X", IDNO, NAME, 1, "contains the ID number" },
	{ "a41010519900307123x", IDNO, NAME, 1, "contains the ID, lower x" },
	{ "q41010519900307123x", "41010519900307123x", NAME, 1,
	    "ID given with lower x" },
	{ "kw19900307", IDNO, NAME, 1, "contains the birth date" },
	{ "kw19900307", NULL, NAME, 0, "birth date without ID given" },
	{ "kw1990030", IDNO, NAME, 0, "7 digits of the birth date is fine" },
	{ "zhangsan88", IDNO, NAME, 1, "full pinyin of the name" },
	{ "ZhangSan2024", IDNO, NAME, 1, "full pinyin, mixed case" },
	{ "88zhangsan!", IDNO, NAME, 1, "full pinyin inside" },
	{ "zs123456", IDNO, NAME, 1, "initials then 123456" },
	{ "ZS20240101", IDNO, NAME, 1, "initials then digits, upper case" },
	{ "zs12345x", IDNO, NAME, 0, "initials then not only digits" },
	{ "ouyangna1", IDNO, "欧阳娜娜", 0, "part of the pinyin is fine" },
	{ "ouyangnana1", IDNO, "欧阳娜娜", 1, "full pinyin of 欧阳娜娜" },
	{ "oynn1234", IDNO, "欧阳娜娜", 1, "initials of 欧阳娜娜 + digits" },
	{ "zengfan12", IDNO, "曾凡", 1, "surname reading zeng of 曾" },
	{ "maimaiti7", IDNO, "买买提·艾力", 0, "part of a minority name" },
	{ "maimaitiaili7", IDNO, "买买提·艾力", 1, "minority name, dot skipped" },
	{ "zhangsan88", IDNO, NULL, 0, "no name given" },
	{ "password1", IDNO, NAME, 1, "common password" },
	{ "PASSWORD1", IDNO, NAME, 1, "common password, upper case" },
	{ "qwerty123", IDNO, NAME, 1, "common password qwerty123" },
	{ "woaini1314", IDNO, NAME, 1, "common Chinese password" },
	{ "a123456789", IDNO, NAME, 1, "common a123456789" },
};

static const struct {
	const char	*pw;
	const char	*login;
	int		 refused;
	const char	*why;
} staff[] = {
	{ "Xr7#kd2Lq", "lisi", 0, "four classes" },
	{ "xr7#kd2lq", "lisi", 0, "lower, digit, other" },
	{ "Xr7kd2Lqw", "lisi", 0, "lower, upper, digit" },
	{ "Xr#kd!Lqw", "lisi", 0, "lower, upper, other" },
	{ "Xr7#kd2", "lisi", 1, "7 characters" },
	{ "xr7kd2lqw", "lisi", 1, "two classes" },
	{ "XRKDLQWZ", "lisi", 1, "one class" },
	{ "Lisi#2024x", "lisi", 1, "contains the login, any case" },
	{ "Xlisi#2024", "LiSi", 1, "contains the login given in mixed case" },
	{ "Password1!", "lisi", 0, "not in the list as is" },
	{ "Password1", "lisi", 1, "common (password1)" },
	{ "Qwerty123", "lisi", 1, "common (qwerty123)" },
	{ "Xr7#kd2Lq", NULL, 0, "no login given" },
};

static const struct {
	const char	*in;
	int		 rc;
	const char	*full;
	const char	*ini;
} py[] = {
	{ "张三", 0, "zhangsan", "zs" },
	{ "欧阳娜娜", 0, "ouyangnana", "oynn" },
	{ "曾凡", 0, "zengfan", "zf" },
	{ "单田芳", 0, "shantianfang", "stf" },
	{ "吕布", 0, "lvbu", "lb" },
	{ "买买提·艾力", 0, "maimaitiaili", "mmtal" },
	{ "王A1", 0, "wanga1", "wa1" },
	{ "喆堃", 0, "zhekun", "zk" },		/* not in GB 2312 */
	{ "𠀀", -1, "", "" },			/* not in the table */
	{ "", 0, "", "" },
	{ "\xe5\xbc", -1, "", "" },		/* truncated UTF-8 */
};

/* The candidate policy, table-driven, plus messages and lengths. */
static void
test_candidate(void)
{
	char		 pw[128];
	const char	*m;
	size_t		 i;

	for (i = 0; i < NELEM(cand); i++) {
		m = passwd_check_candidate(cand[i].pw, cand[i].idno,
		    cand[i].name);
		ok((m != NULL) == cand[i].refused, "candidate %s: %s%s%s",
		    cand[i].refused ? "refused" : "accepted", cand[i].why,
		    m ? ": " : "", m ? m : "");
	}
	is_string(msg_classes, passwd_check_candidate("Tq7vLm2", NULL, NULL),
	    "short password gets the seed's message");
	is_string(msg_classes, passwd_check_candidate("abcdefghijk", NULL,
	    NULL), "no digits gets the seed's message");
	is_string(msg_classes, passwd_check_candidate("83920175", NULL, NULL),
	    "no letters gets the seed's message");
	m = passwd_check_candidate("zs123456", IDNO, NAME);
	ok(m != NULL && strstr(m, "拼音") != NULL, "initials message: %s",
	    m ? m : "(null)");
	m = passwd_check_candidate("a41010519900307123X", IDNO, NAME);
	ok(m != NULL && strstr(m, "身份证号") != NULL, "ID message: %s",
	    m ? m : "(null)");
	ok(passwd_check_candidate(NULL, NULL, NULL) != NULL, "NULL refused");

	memset(pw, '7', sizeof(pw));
	pw[0] = 'k';
	pw[64] = '\0';
	ok(passwd_check_candidate(pw, IDNO, NAME) == NULL, "64 characters ok");
	ok(passwd_check_staff(pw, "lisi") != NULL, "staff: 64, two classes");
	pw[1] = 'K';
	ok(passwd_check_staff(pw, "lisi") == NULL, "staff: 64 characters ok");
	pw[64] = '7';
	pw[65] = '\0';
	ok(passwd_check_candidate(pw, IDNO, NAME) != NULL, "65 refused");
	ok(passwd_check_staff(pw, "lisi") != NULL, "staff: 65 refused");
	/* 20 four-byte characters plus digits: counted as characters */
	pw[0] = '\0';
	for (i = 0; i < 7; i++)
		strcat(pw, "长");
	strcat(pw, "1");
	ok(passwd_check_candidate(pw, IDNO, NAME) != NULL,
	    "8 characters but no letters refused");
	strcat(pw, "a");
	ok(passwd_check_candidate(pw, IDNO, NAME) == NULL,
	    "9 characters with hanzi, a letter and a digit ok");
}

/* The staff policy, table-driven. */
static void
test_staff(void)
{
	const char	*m;
	size_t		 i;

	for (i = 0; i < NELEM(staff); i++) {
		m = passwd_check_staff(staff[i].pw, staff[i].login);
		ok((m != NULL) == staff[i].refused, "staff %s: %s%s%s",
		    staff[i].refused ? "refused" : "accepted", staff[i].why,
		    m ? ": " : "", m ? m : "");
	}
}

/* pinyin_full and pinyin_initials. */
static void
test_pinyin(void)
{
	char	 out[64];
	size_t	 i;

	for (i = 0; i < NELEM(py); i++) {
		memset(out, 'x', sizeof(out));
		is_int(py[i].rc, pinyin_full(py[i].in, out, sizeof(out)),
		    "pinyin_full(\"%s\") rc", py[i].in);
		is_string(py[i].full, out, "pinyin_full(\"%s\")", py[i].in);
		memset(out, 'x', sizeof(out));
		is_int(py[i].rc, pinyin_initials(py[i].in, out, sizeof(out)),
		    "pinyin_initials(\"%s\") rc", py[i].in);
		is_string(py[i].ini, out, "pinyin_initials(\"%s\")", py[i].in);
	}
	is_int(-1, pinyin_full("张三", out, 8), "no room for NUL");
	is_int(0, pinyin_full("张三", out, 9), "exactly enough room");
}

/* passwd_hash, passwd_verify and passwd_needs_rehash. */
static void
test_hash(void)
{
	char		 h[PW_HASH_MAX], h2[PW_HASH_MAX], bad[PW_HASH_MAX];
	const char	*salt, *key;
	size_t		 i;
	static const char *const malformed[] = {
		"",
		"$scrypt$",
		"$2b$10$abcdefghijklmnopqrstuv",
		"$scrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA",
		"$scrypt$ln=9,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"$scrypt$ln=21,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"$scrypt$ln=10,r=0,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"$scrypt$ln=10,r=17,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"$scrypt$ln=10,r=8,p=0$c2FsdHNhbHRzYWx0c2FsdA$"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"$scrypt$ln=010,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"$scrypt$ln=10,r=8,p=1$c2Fsd*NhbHRzYWx0c2FsdA$"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"$scrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
		"$scrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$AAAA",
		"$scrypt$ln=10,r=8,p=1$$"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"$scrypt$ln=10,r=8,p=1,x=1$c2FsdHNhbHRzYWx0c2FsdA$"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
		"$scrypt$ln=20,r=16,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
		    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",	/* 2 GiB */
	};

	is_int(0, passwd_hash("Tq7vLm2x", 10, h, sizeof(h)), "hash ln=10");
	ok(strncmp(h, "$scrypt$ln=10,r=8,p=1$", 22) == 0, "prefix: %s", h);
	salt = h + 22;
	key = strchr(salt, '$');
	ok(key != NULL && key - salt == 22 && strlen(key + 1) == 43,
	    "22-character salt and 43-character hash, no padding");
	ok(strchr(salt, '=') == NULL, "no '=' padding");
	is_int(1, passwd_verify("Tq7vLm2x", h), "right password verifies");
	is_int(0, passwd_verify("Tq7vLm2y", h), "wrong password fails");
	is_int(0, passwd_verify("", h), "empty password fails");
	is_int(0, passwd_verify("Tq7vLm2x ", h), "trailing space fails");
	is_int(0, passwd_hash("Tq7vLm2x", 10, h2, sizeof(h2)), "hash again");
	ok(strcmp(h, h2) != 0, "two hashes of one password differ (salt)");
	is_int(1, passwd_verify("Tq7vLm2x", h2), "second hash verifies");

	/* Change one character of the stored hash. */
	snprintf(bad, sizeof(bad), "%s", h);
	i = strlen(bad) - 2;
	bad[i] = bad[i] == 'A' ? 'B' : 'A';
	is_int(0, passwd_verify("Tq7vLm2x", bad), "tampered hash fails");
	snprintf(bad, sizeof(bad), "%s", h);
	bad[25] = bad[25] == 'A' ? 'B' : 'A';
	is_int(0, passwd_verify("Tq7vLm2x", bad), "tampered salt fails");
	snprintf(bad, sizeof(bad), "%s", h);
	bad[11] = '1';
	bad[12] = '1';
	is_int(0, passwd_verify("Tq7vLm2x", bad), "ln changed to 11 fails");

	for (i = 0; i < NELEM(malformed); i++)
		is_int(-1, passwd_verify("Tq7vLm2x", malformed[i]),
		    "malformed %zu: %.40s", i, malformed[i]);
	is_int(-1, passwd_verify("x", NULL), "NULL stored is malformed");

	is_int(-1, passwd_hash("x", 9, h2, sizeof(h2)), "ln 9 refused");
	is_int(-1, passwd_hash("x", 21, h2, sizeof(h2)), "ln 21 refused");
	is_int(-1, passwd_hash("x", 10, h2, 40), "too small output refused");

	is_int(0, passwd_needs_rehash(h, 10), "same ln: no rehash");
	is_int(1, passwd_needs_rehash(h, 16), "other ln: rehash");
	is_int(1, passwd_needs_rehash("junk", 16), "unparsable: rehash");

	is_int(0, passwd_hash("长城Tq7v2x", 16, h, sizeof(h)), "hash ln=16");
	ok(strncmp(h, "$scrypt$ln=16,r=8,p=1$", 22) == 0, "prefix: %s", h);
	is_int(1, passwd_verify("长城Tq7v2x", h), "ln=16 verifies (64 MiB)");
	is_int(0, passwd_verify("长城Tq7v2y", h), "ln=16 wrong password");
	is_int(0, passwd_needs_rehash(h, 16), "ln=16: no rehash");
}

/*
 * Known answer: RFC 7914 section 12, scrypt("password", "NaCl", N=1024,
 * r=8, p=16, 64 bytes) = fdbabe1c9d3472007856e7190d01e9fe 7c6ad7cbc8237830
 * e77376634b373162 2eaf30d92e22a388 6ff109279d9830da c727afb94a83ee6d
 * 8360cbdfa2cc0640, in our format.
 */
static void
test_vector(void)
{
	const char	*v = "$scrypt$ln=10,r=8,p=16$TmFDbA$"
	    "/bq+HJ00cgB4VucZDQHp/nxq18vII3gw53N2Y0s3MWIur"
	    "zDZLiKjiG/xCSedmDDaxyevuUqD7m2DYMvfoswGQA";

	is_int(1, passwd_verify("password", v), "RFC 7914 vector verifies");
	is_int(0, passwd_verify("passwore", v), "RFC 7914 vector, wrong pw");
}

int
main(void)
{
	plan_lazy();
	test_candidate();
	test_staff();
	test_pinyin();
	test_hash();
	test_vector();
	return 0;
}
