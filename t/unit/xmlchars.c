/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/xmlchars.c: xml_clean keeps what XML 1.0 allows, replaces the rest */

#include <stdlib.h>
#include <string.h>

#include "web.h"
#include "tap.h"

static void
check(const char *in, const char *want, const char *label)
{
	char		*copy;
	const char	*out;

	out = xml_clean(in, &copy);
	is_string(want, out, "%s", label);
	if (strcmp(in, want) == 0)
		ok(out == in && copy == NULL, "%s: no copy when clean", label);
	free(copy);
}

int
main(void)
{
	plan_lazy();
	check("张三 abc\t\r\n", "张三 abc\t\r\n", "text, tab, CR, LF kept");
	check("\xf0\x9f\x98\x80", "\xf0\x9f\x98\x80", "a 4-byte character kept");
	check("\xef\xbf\xbd", "\xef\xbf\xbd", "U+FFFD itself kept");
	check("\xee\x80\x80", "\xee\x80\x80", "U+E000 (private use) kept");
	check("a\xef\xbf\xbe" "b", "a\xef\xbf\xbd" "b", "U+FFFE replaced");
	check("\xef\xbf\xbf", "\xef\xbf\xbd", "U+FFFF replaced");
	check("x\x01y\x1f", "x\xef\xbf\xbdy\xef\xbf\xbd", "C0 controls replaced");
	check("\xed\xa0\x80", "\xef\xbf\xbd", "a surrogate (CESU) replaced");
	check("\xc0\xaf", "\xef\xbf\xbd\xef\xbf\xbd", "an overlong slash replaced");
	check("\xe0\x80\xaf", "\xef\xbf\xbd", "an overlong 3-byte form replaced");
	check("\xf4\x90\x80\x80", "\xef\xbf\xbd", "above U+10FFFF replaced");
	check("ab\xe5\xbc", "ab\xef\xbf\xbd\xef\xbf\xbd", "a cut sequence replaced");
	return 0;
}
