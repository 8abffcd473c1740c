/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* totp.c: one-time login codes (RFC 6238 TOTP, RFC 4226 HOTP), base32 */

#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "gkbm.h"

static const char b32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/*
 * Writes len bytes as RFC 4648 base32, upper case, without padding, and
 * a NUL to out (outsz bytes).  Returns the length written, or -1 (out
 * untouched) when out is too small.
 */
int
base32_encode(const unsigned char *in, size_t len, char *out, size_t outsz)
{
	size_t		 i, o = 0, need;
	unsigned int	 acc = 0, bits = 0;

	need = (len * 8 + 4) / 5;
	if (need + 1 > outsz)
		return -1;
	for (i = 0; i < len; i++) {
		acc = (acc << 8) | in[i];
		bits += 8;
		while (bits >= 5) {
			out[o++] = b32[(acc >> (bits - 5)) & 31];
			bits -= 5;
		}
	}
	if (bits > 0)
		out[o++] = b32[(acc << (5 - bits)) & 31];
	out[o] = '\0';
	return (int)o;
}

/*
 * Reads RFC 4648 base32 (either case; spaces and trailing '=' ignored)
 * into out (outsz bytes).  Returns the number of bytes, or -1 for a
 * character outside the alphabet, leftover bits that are not zero, or
 * out too small.
 */
int
base32_decode(const char *in, unsigned char *out, size_t outsz)
{
	const char	*p;
	size_t		 o = 0;
	unsigned int	 acc = 0, bits = 0;
	int		 c, v;

	for (; *in != '\0'; in++) {
		c = (unsigned char)*in;
		if (c == ' ')
			continue;
		if (c == '=')
			break;
		if (c >= 'a' && c <= 'z')
			c -= 'a' - 'A';
		if ((p = strchr(b32, c)) == NULL)
			return -1;
		v = (int)(p - b32);
		acc = (acc << 5) | (unsigned int)v;
		bits += 5;
		if (bits >= 8) {
			if (o >= outsz)
				return -1;
			out[o++] = (acc >> (bits - 8)) & 0xff;
			bits -= 8;
		}
	}
	for (; *in != '\0'; in++)
		if (*in != '=')
			return -1;
	if (bits >= 5 || (acc & ((1u << bits) - 1)) != 0)
		return -1;
	return (int)o;
}

/*
 * The RFC 4226 HOTP value of counter under key: HMAC-SHA1, dynamic
 * truncation, 31 bits; the caller takes it modulo 10^digits.  A failing
 * HMAC is fatal.
 */
uint32_t
hotp_value(const unsigned char *key, size_t keylen, uint64_t counter)
{
	unsigned char	 msg[8], mac[EVP_MAX_MD_SIZE];
	unsigned int	 maclen = 0, off;
	int		 i;

	for (i = 7; i >= 0; i--) {
		msg[i] = counter & 0xff;
		counter >>= 8;
	}
	if (HMAC(EVP_sha1(), key, (int)keylen, msg, sizeof(msg), mac,
	    &maclen) == NULL || maclen != 20)
		fatalx("%s: HMAC() failed", __func__);
	off = mac[19] & 0x0f;
	return ((uint32_t)(mac[off] & 0x7f) << 24) |
	    ((uint32_t)mac[off + 1] << 16) | ((uint32_t)mac[off + 2] << 8) |
	    (uint32_t)mac[off + 3];
}

/* The 6-digit TOTP code of time step step (unix time / 30) under key. */
uint32_t
totp_code(const unsigned char *key, size_t keylen, uint64_t step)
{
	return hotp_value(key, keylen, step) % 1000000;
}

/*
 * Checks code (6 digits) against the steps of now - 30 s, now and now +
 * 30 s (clock skew: ±1 step), oldest first, accepting only a step
 * greater than last (the last one accepted: no code works twice).
 * Returns 0 and sets *step to the step that matched, or -1.
 */
int
totp_check(const unsigned char *key, size_t keylen, const char *code,
    time_t now, long long last, long long *step)
{
	long long	 t, s;
	uint32_t	 want;
	char		 buf[8];
	int		 ok = 0;

	*step = 0;
	if (code == NULL || strlen(code) != 6 ||
	    strspn(code, "0123456789") != 6 || now < TOTP_PERIOD)
		return -1;
	t = (long long)now / TOTP_PERIOD;
	for (s = t - 1; s <= t + 1; s++) {
		if (s <= last)
			continue;
		want = totp_code(key, keylen, (uint64_t)s);
		snprintf(buf, sizeof(buf), "%06u", (unsigned int)want);
		if (CRYPTO_memcmp(buf, code, 6) == 0 && !ok) {
			ok = 1;
			*step = s;
		}
	}
	OPENSSL_cleanse(buf, sizeof(buf));
	return ok ? 0 : -1;
}
