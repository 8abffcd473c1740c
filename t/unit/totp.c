/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/totp.c: tests of TOTP, HOTP and base32 against the RFCs */

#include <stdio.h>
#include <string.h>

#include "gkbm.h"
#include "tap.h"

static const unsigned char	 key[] = "12345678901234567890";
#define KEYLEN	20

int
main(void)
{
	/* RFC 6238 appendix B, SHA-1: T, the 8-digit TOTP. */
	static const struct {
		long long	 t;
		uint32_t	 code8;
	} rfc6238[] = {
		{ 59, 94287082 },
		{ 1111111109, 7081804 },
		{ 1111111111, 14050471 },
		{ 1234567890, 89005924 },
		{ 2000000000, 69279037 },
	};
	/* RFC 4226 appendix D: the 6-digit HOTP of counters 0..9. */
	static const uint32_t hotp[] = { 755224, 287082, 359152, 969429,
	    338314, 254676, 287922, 162583, 399871, 520489 };
	/* RFC 4648 section 10. */
	static const char *const b32v[][2] = {
		{ "", "" }, { "f", "MY" }, { "fo", "MZXQ" }, { "foo", "MZXW6" },
		{ "foob", "MZXW6YQ" }, { "fooba", "MZXW6YTB" },
		{ "foobar", "MZXW6YTBOI" },
	};
	unsigned char	 buf[64], rnd[TOTP_KEY_LEN];
	char		 s[128], code[8];
	long long	 step, t;
	size_t		 i;
	int		 n;

	plan_lazy();

	for (i = 0; i < sizeof(rfc6238) / sizeof(rfc6238[0]); i++) {
		is_int(hotp_value(key, KEYLEN, rfc6238[i].t / 30) % 100000000,
		    rfc6238[i].code8, "RFC 6238 T=%lld: 8 digits", rfc6238[i].t);
		is_int(totp_code(key, KEYLEN, rfc6238[i].t / 30),
		    rfc6238[i].code8 % 1000000, "RFC 6238 T=%lld: 6 digits",
		    rfc6238[i].t);
	}
	for (i = 0; i < sizeof(hotp) / sizeof(hotp[0]); i++)
		is_int(hotp_value(key, KEYLEN, i) % 1000000, hotp[i],
		    "RFC 4226 counter %zu", i);
	is_int(hotp_value(key, KEYLEN, 0), 0x4c93cf18,
	    "RFC 4226 counter 0: truncated value");

	for (i = 0; i < sizeof(b32v) / sizeof(b32v[0]); i++) {
		n = base32_encode((const unsigned char *)b32v[i][0],
		    strlen(b32v[i][0]), s, sizeof(s));
		is_string(s, b32v[i][1], "base32 of \"%s\"", b32v[i][0]);
		is_int(n, (long long)strlen(b32v[i][1]), "its length");
		n = base32_decode(b32v[i][1], buf, sizeof(buf));
		ok(n == (int)strlen(b32v[i][0]) &&
		    memcmp(buf, b32v[i][0], (size_t)n) == 0,
		    "base32 \"%s\" decodes", b32v[i][1]);
	}
	n = base32_decode("mzxw6ytboi======", buf, sizeof(buf));
	ok(n == 6 && memcmp(buf, "foobar", 6) == 0,
	    "lower case and padding accepted");
	ok(base32_decode("MZXW1", buf, sizeof(buf)) == -1, "1 refused");
	ok(base32_decode("MZ=XW", buf, sizeof(buf)) == -1,
	    "text after padding refused");
	ok(base32_decode("MZ", buf, 0) == -1, "output too small refused");
	ok(base32_encode(key, KEYLEN, s, 32) == -1,
	    "encode into too small a buffer refused");
	for (i = 0; i < TOTP_KEY_LEN; i++)
		rnd[i] = (unsigned char)(i * 37 + 11);
	n = base32_encode(rnd, sizeof(rnd), s, sizeof(s));
	is_int(n, 32, "20 bytes are 32 base32 characters");
	ok(base32_decode(s, buf, sizeof(buf)) == TOTP_KEY_LEN &&
	    memcmp(buf, rnd, sizeof(rnd)) == 0, "20 bytes round trip");
	base32_encode(key, KEYLEN, s, sizeof(s));
	is_string(s, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "RFC 6238 key in base32");

	/* The window: steps t-1, t, t+1; nothing else; never twice. */
	t = 1234567890;
	for (step = t / 30 - 2; step <= t / 30 + 2; step++) {
		long long	 got = 0;
		int		 want = step >= t / 30 - 1 && step <= t / 30 + 1;

		snprintf(code, sizeof(code), "%06u",
		    (unsigned int)totp_code(key, KEYLEN, (uint64_t)step));
		ok((totp_check(key, KEYLEN, code, (time_t)t, 0, &got) == 0) ==
		    want && (!want || got == step),
		    "step %+lld %s", step - t / 30, want ? "accepted" : "refused");
	}
	snprintf(code, sizeof(code), "%06u",
	    (unsigned int)totp_code(key, KEYLEN, (uint64_t)(t / 30)));
	ok(totp_check(key, KEYLEN, code, (time_t)t, t / 30, &step) == -1,
	    "replay: the last step accepted is refused");
	ok(totp_check(key, KEYLEN, code, (time_t)t, t / 30 + 1, &step) == -1,
	    "a step before the last accepted is refused");
	ok(totp_check(key, KEYLEN, code, (time_t)t, t / 30 - 1, &step) == 0 &&
	    step == t / 30, "a step after the last accepted is accepted");
	snprintf(code, sizeof(code), "%06u",
	    (unsigned int)totp_code(key, KEYLEN, (uint64_t)(t / 30 + 1)));
	ok(totp_check(key, KEYLEN, code, (time_t)t, t / 30, &step) == 0 &&
	    step == t / 30 + 1, "the next step after a used one is accepted");
	ok(totp_check(key, KEYLEN, "89005", (time_t)t, 0, &step) == -1,
	    "5 digits refused");
	ok(totp_check(key, KEYLEN, "0059a4", (time_t)t, 0, &step) == -1,
	    "a letter refused");
	ok(totp_check(key, KEYLEN, NULL, (time_t)t, 0, &step) == -1,
	    "NULL refused");
	return 0;
}
