/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/qr.c: tests of the QR code matrix for mobile upload links */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gkbm.h"
#include "tap.h"

static int	finder_at(const unsigned char *, int, int, int);
static int	version_for(size_t);

/*
 * Whether the 7x7 finder pattern (dark ring, light ring, dark 3x3
 * centre) sits with its top left at (x, y), with its light separator
 * where it lies inside the symbol.
 */
static int
finder_at(const unsigned char *m, int size, int x, int y)
{
	int	 i, j, d, want;

	for (j = -1; j <= 7; j++)
		for (i = -1; i <= 7; i++) {
			if (x + i < 0 || y + j < 0 || x + i >= size ||
			    y + j >= size)
				continue;
			if (i == -1 || j == -1 || i == 7 || j == 7)
				want = 0;	/* separator */
			else {
				d = abs(i - 3) > abs(j - 3) ? abs(i - 3) :
				    abs(j - 3);
				want = d != 2;
			}
			if (m[(y + j) * size + x + i] != want)
				return 0;
		}
	return 1;
}

/* The smallest version holding n bytes in byte mode at level M. */
static int
version_for(size_t n)
{
	static const size_t	 cap[] = { 0, 14, 26, 42, 62, 84, 106, 122,
	    152, 180, 213 };
	int			 v;

	for (v = 1; v <= 10; v++)
		if (n <= cap[v])
			return v;
	return -1;
}

int
main(void)
{
	const char	*url =
	    "https://gkbm.hrss.henan.gov.cn/m/u/Zx3kP9qLr2VbN7cT8wYh4A";
	unsigned char	*m, *m2;
	char		 text[3000];
	int		 size, size2, v, ones, bad;
	size_t		 i, n;

	plan_lazy();

	is_int(0, qr_encode(url, &m, &size), "URL encoded");
	v = version_for(strlen(url));
	ok(v > 0 && size == 21 + 4 * (v - 1),
	    "%zu bytes: version %d, size %d (21 + 4 x (version - 1))",
	    strlen(url), v, size);
	ok(finder_at(m, size, 0, 0), "finder pattern top left");
	ok(finder_at(m, size, size - 7, 0), "finder pattern top right");
	ok(finder_at(m, size, 0, size - 7), "finder pattern bottom left");
	ok(!finder_at(m, size, size - 7, size - 7),
	    "no finder pattern bottom right");
	bad = ones = 0;
	for (i = 0; i < (size_t)size * size; i++) {
		if (m[i] > 1)
			bad++;
		ones += m[i];
	}
	is_int(0, bad, "every module is 0 or 1");
	ok(ones > size * size / 3 && ones < size * size * 2 / 3,
	    "dark and light balanced (%d of %d dark)", ones, size * size);
	for (i = 8; i < (size_t)size - 8; i++)
		if (m[6 * size + i] != (i % 2 == 0) ||
		    m[i * size + 6] != (i % 2 == 0))
			bad++;
	is_int(0, bad, "timing patterns alternate along row and column 6");

	is_int(0, qr_encode(url, &m2, &size2), "encoded again");
	ok(size == size2 && memcmp(m, m2, (size_t)size * size) == 0,
	    "the same text gives the same matrix");
	free(m2);
	is_int(0, qr_encode("https://gkbm.hrss.henan.gov.cn/m/u/other", &m2,
	    &size2), "another URL encoded");
	ok(size != size2 || memcmp(m, m2, (size_t)size * size) != 0,
	    "another text gives another matrix");
	free(m2);
	free(m);

	/* The version steps at the capacities of level M, byte mode. */
	memset(text, 'a', sizeof(text));
	for (n = 13; n <= 27; n++) {
		if (n != 14 && n != 15 && n != 26 && n != 27)
			continue;
		text[n] = '\0';
		is_int(0, qr_encode(text, &m, &size), "%zu bytes encoded", n);
		is_int(21 + 4 * (version_for(n) - 1), size,
		    "%zu bytes: size %d", n, size);
		free(m);
		text[n] = 'a';
	}
	/* 20 upper-case letters fit version 1 only in alphanumeric mode. */
	memcpy(text, "ABCDEFGHIJKLMNOPQRST", 20);
	text[20] = '\0';
	is_int(0, qr_encode(text, &m, &size), "upper case encoded");
	is_int(25, size, "20 upper-case bytes take version 2 (8-bit mode)");
	free(m);
	memset(text, 'a', sizeof(text));

	m = (unsigned char *)"x";
	size = 5;
	is_int(-1, qr_encode("", &m, &size), "empty text refused");
	ok(m == NULL && size == 0, "nothing returned");
	is_int(-1, qr_encode(NULL, &m, &size), "NULL refused");
	text[sizeof(text) - 1] = '\0';
	is_int(-1, qr_encode(text, &m, &size), "2999 bytes refused (too long)");
	ok(m == NULL, "nothing allocated");
	return 0;
}
