/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/token.c: tests of random tokens, hashes, base64url and hex */

#include <stdlib.h>
#include <string.h>

#include "gkbm.h"
#include "tap.h"

#define NTOKENS	1000

/* RFC 4648 section 10 vectors, with the URL-safe alphabet and no '='. */
static const struct {
	const char	*in;
	size_t		 len;
	const char	*want;
} b64_tests[] = {
	{ "", 0, "" },
	{ "f", 1, "Zg" },
	{ "fo", 2, "Zm8" },
	{ "foo", 3, "Zm9v" },
	{ "foob", 4, "Zm9vYg" },
	{ "fooba", 5, "Zm9vYmE" },
	{ "foobar", 6, "Zm9vYmFy" },
	{ "\xfb\xff", 2, "-_8" },		/* "+/8=" in standard base64 */
	{ "\xff\xff\xfe", 3, "___-" },
};

static const struct {
	const char	*hex;
	size_t		 outlen;
	int		 want;
} hexdec_tests[] = {
	{ "00ff10", 3, 0 },
	{ "00FF10", 3, 0 },
	{ "00ff1", 3, -1 },			/* too short */
	{ "00ff100", 3, -1 },			/* too long */
	{ "00ff1g", 3, -1 },			/* not hex */
	{ "00 f10", 3, -1 },
	{ "", 0, 0 },
	{ "", 1, -1 },
};

static int	cmpstr(const void *, const void *);

/* qsort comparison of two strings. */
static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Tokens: length, alphabet and uniqueness. */
static void
test_new(void)
{
	static char	 toks[NTOKENS][TOKEN_LEN + 1];
	char		*sorted[NTOKENS];
	size_t		 i, badlen = 0, badchar = 0, dups = 0;

	for (i = 0; i < NTOKENS; i++) {
		memset(toks[i], 'x', sizeof(toks[i]));
		token_new(toks[i]);
		if (strlen(toks[i]) != TOKEN_LEN)
			badlen++;
		if (strspn(toks[i], "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz0123456789-_") != TOKEN_LEN)
			badchar++;
		sorted[i] = toks[i];
	}
	is_int(43, TOKEN_LEN, "TOKEN_LEN is 43");
	is_int(0, badlen, "every token is 43 characters, NUL-terminated");
	is_int(0, badchar, "every token uses the base64url alphabet only");
	qsort(sorted, NTOKENS, sizeof(sorted[0]), cmpstr);
	for (i = 1; i < NTOKENS; i++)
		if (strcmp(sorted[i - 1], sorted[i]) == 0)
			dups++;
	is_int(0, dups, "%d tokens are all different", NTOKENS);
}

/* token_equal on equal, different, prefixed and NULL strings. */
static void
test_equal(void)
{
	char	 a[TOKEN_LEN + 1], b[TOKEN_LEN + 1];

	token_new(a);
	memcpy(b, a, sizeof(b));
	ok(token_equal(a, b), "token equals its copy");
	b[TOKEN_LEN - 1] = b[TOKEN_LEN - 1] == 'A' ? 'B' : 'A';
	ok(!token_equal(a, b), "last character differs");
	memcpy(b, a, sizeof(b));
	b[0] = b[0] == 'A' ? 'B' : 'A';
	ok(!token_equal(a, b), "first character differs");
	ok(!token_equal("abc", "abcd"), "prefix is not equal");
	ok(!token_equal("abcd", "abc"), "longer is not equal");
	ok(!token_equal(NULL, "abc"), "NULL first is not equal");
	ok(!token_equal("abc", NULL), "NULL second is not equal");
	ok(!token_equal(NULL, NULL), "NULL and NULL are not equal");
	ok(token_equal("", ""), "empty strings are equal");
}

/* token_hash against SHA-256 known answers. */
static void
test_hash(void)
{
	unsigned char	 h[MAC_LEN];
	char		 hex[2 * MAC_LEN + 1];

	token_hash("abc", h);
	hex_encode(h, sizeof(h), hex);
	is_string("ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad", hex,
	    "SHA-256(\"abc\") (FIPS 180-2 vector)");
	token_hash("", h);
	hex_encode(h, sizeof(h), hex);
	is_string("e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855", hex, "SHA-256 of empty string");
}

/* token_mac against a known HMAC-SHA256 vector. */
static void
test_mac(void)
{
	unsigned char	 key[32];
	char		 mac[TOKEN_LEN + 1], mac2[TOKEN_LEN + 1];
	size_t		 i;

	/*
	 * Key 00 01 .. 1f, message of RFC 4231 test case 2; checked with
	 * printf 'what do ya want for nothing?' | openssl dgst -sha256
	 * -mac HMAC -macopt hexkey:000102...1f = 099805f4ac31...bed36a.
	 */
	for (i = 0; i < sizeof(key); i++)
		key[i] = (unsigned char)i;
	token_mac(key, "what do ya want for nothing?", mac);
	is_string("CZgF9KwxB4aWhWXAmNtRXMUIYrQgrjHiAjgxI0S-02o", mac,
	    "HMAC-SHA256 known vector, base64url");
	token_mac(key, "what do ya want for nothing!", mac2);
	ok(strcmp(mac, mac2) != 0, "different message, different MAC");
	key[31] ^= 1;
	token_mac(key, "what do ya want for nothing?", mac2);
	ok(strcmp(mac, mac2) != 0, "different key, different MAC");
}

/* b64url_encode against the RFC 4648 vectors. */
static void
test_b64(void)
{
	char	 out[16];
	size_t	 i;

	for (i = 0; i < sizeof(b64_tests) / sizeof(b64_tests[0]); i++) {
		memset(out, 'x', sizeof(out));
		b64url_encode((const unsigned char *)b64_tests[i].in,
		    b64_tests[i].len, out);
		is_string(b64_tests[i].want, out, "b64url_encode %zu bytes "
		    "-> \"%s\"", b64_tests[i].len, b64_tests[i].want);
	}
}

/* hex_encode and hex_decode, round trip and bad input. */
static void
test_hex(void)
{
	unsigned char	 in[256], back[256];
	char		 hex[2 * sizeof(in) + 1];
	size_t		 i;

	for (i = 0; i < sizeof(in); i++)
		in[i] = (unsigned char)i;
	hex_encode(in, 3, hex);
	is_string("000102", hex, "hex_encode small");
	in[0] = 0xab;
	hex_encode(in, 1, hex);
	is_string("ab", hex, "hex_encode is lower case");
	in[0] = 0;
	hex_encode(in, sizeof(in), hex);
	is_int(512, strlen(hex), "hex of 256 bytes is 512 characters");
	memset(back, 0, sizeof(back));
	is_int(0, hex_decode(hex, back, sizeof(back)), "hex_decode 256 bytes");
	ok(memcmp(in, back, sizeof(in)) == 0, "hex round trip");
	for (i = 0; i < sizeof(hexdec_tests) / sizeof(hexdec_tests[0]); i++)
		is_int(hexdec_tests[i].want, hex_decode(hexdec_tests[i].hex,
		    back, hexdec_tests[i].outlen), "hex_decode(\"%s\", %zu)",
		    hexdec_tests[i].hex, hexdec_tests[i].outlen);
	hex_decode("00FF10", back, 3);
	ok(back[0] == 0 && back[1] == 0xff && back[2] == 0x10,
	    "hex_decode accepts upper case");
}

int
main(void)
{
	plan_lazy();
	test_new();
	test_equal();
	test_hash();
	test_mac();
	test_b64();
	test_hex();
	return 0;
}
