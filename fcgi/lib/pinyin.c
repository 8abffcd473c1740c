/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* pinyin.c: Mandarin readings of common Chinese characters */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gkbm.h"
#include "pinyin_table.h"

static int	pinyin_decode(const unsigned char **, uint32_t *);
static int	pinyin_is_hanzi(uint32_t);
static int	pinyin_cmp(const void *, const void *);
static int	pinyin_convert(const char *, char *, size_t, int);

/*
 * Decodes one UTF-8 character at *p into *cp and advances *p.  Returns 0,
 * or -1 on a malformed, overlong or surrogate sequence.
 */
static int
pinyin_decode(const unsigned char **p, uint32_t *cp)
{
	const unsigned char	*s = *p;
	uint32_t		 c, min;
	int			 n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		*p = s + 1;
		return 0;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 1;
		c = s[0] & 0x1f;
		min = 0x80;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 2;
		c = s[0] & 0x0f;
		min = 0x800;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 3;
		c = s[0] & 0x07;
		min = 0x10000;
	} else
		return -1;
	for (i = 1; i <= n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	*p = s + n + 1;
	return 0;
}

/* Returns 1 if cp is a CJK unified or compatibility ideograph. */
static int
pinyin_is_hanzi(uint32_t cp)
{
	return (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0x4e00 && cp <= 0x9fff) ||
	    (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0x20000 && cp <= 0x3ffff);
}

/* bsearch comparison of a code point with a table entry. */
static int
pinyin_cmp(const void *key, const void *elem)
{
	uint32_t	 a = *(const uint32_t *)key;
	uint32_t	 b = ((const struct pinyin_entry *)elem)->cp;

	return a < b ? -1 : a > b;
}

/*
 * Writes the readings (or their first letters if initials) of the hanzi
 * in s to out, with ASCII letters and digits kept in lower case and all
 * other characters skipped.  Returns 0, or -1 on malformed UTF-8, a hanzi
 * not in the table or out too small; out is then empty if outsz > 0.
 */
static int
pinyin_convert(const char *s, char *out, size_t outsz, int initials)
{
	const unsigned char		*p = (const unsigned char *)s;
	const struct pinyin_entry	*e;
	uint32_t			 cp;
	size_t				 len = 0, n;
	char				 c;

	if (outsz == 0)
		return -1;
	out[0] = '\0';
	while (*p != '\0') {
		if (pinyin_decode(&p, &cp) == -1)
			goto fail;
		if (cp < 0x80) {
			c = (char)cp;
			if (c >= 'A' && c <= 'Z')
				c = c - 'A' + 'a';
			else if (!(c >= 'a' && c <= 'z') &&
			    !(c >= '0' && c <= '9'))
				continue;
			if (len + 1 >= outsz)
				goto fail;
			out[len++] = c;
			continue;
		}
		if (!pinyin_is_hanzi(cp))
			continue;	/* "·" of minority names and the like */
		e = bsearch(&cp, pinyin_table, PINYIN_NCHARS,
		    sizeof(pinyin_table[0]), pinyin_cmp);
		if (e == NULL)
			goto fail;
		n = initials ? 1 : strlen(e->r);
		if (len + n >= outsz)
			goto fail;
		memcpy(out + len, e->r, n);
		len += n;
	}
	out[len] = '\0';
	return 0;
 fail:
	out[0] = '\0';
	return -1;
}

/*
 * Writes the full toneless pinyin of the UTF-8 string s to out, readings
 * concatenated in lower case ("张三" -> "zhangsan"); ASCII letters and
 * digits are kept in lower case, other characters skipped.  Returns 0,
 * or -1 if s holds a hanzi not in the table, is not UTF-8, or out is too
 * small.
 */
int
pinyin_full(const char *s, char *out, size_t outsz)
{
	return pinyin_convert(s, out, outsz, 0);
}

/*
 * Writes the first letters of the readings of s to out ("张三" -> "zs"),
 * otherwise as pinyin_full.  Returns 0 or -1 as pinyin_full.
 */
int
pinyin_initials(const char *s, char *out, size_t outsz)
{
	return pinyin_convert(s, out, outsz, 1);
}
