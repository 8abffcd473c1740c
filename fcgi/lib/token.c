/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* token.c: random tokens, hashes and constant-time comparison */

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#include "gkbm.h"

static const char b64url_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/*
 * Writes a new random token of TOKEN_LEN characters plus NUL to out:
 * 32 bytes from the OpenSSL DRBG, base64url without padding.  A failing
 * random generator is fatal: no session or CSRF token may be guessable.
 */
void
token_new(char out[TOKEN_LEN + 1])
{
	unsigned char	 raw[32];

	if (RAND_bytes(raw, sizeof(raw)) != 1)
		fatalx("%s: RAND_bytes() failed: %s", __func__,
		    ERR_error_string(ERR_get_error(), NULL));
	b64url_encode(raw, sizeof(raw), out);
	OPENSSL_cleanse(raw, sizeof(raw));
}

/*
 * Stores the SHA-256 of the string s in out.  Used to keep only hashes of
 * session ids in the database.  Cannot fail.
 */
void
token_hash(const char *s, unsigned char out[MAC_LEN])
{
	SHA256((const unsigned char *)s, strlen(s), out);
}

/*
 * Writes the HMAC-SHA256 of msg under the 32-byte key as TOKEN_LEN
 * base64url characters plus NUL to out.  A failing HMAC is fatal.
 */
void
token_mac(const unsigned char key[32], const char *msg,
    char out[TOKEN_LEN + 1])
{
	unsigned char	 mac[EVP_MAX_MD_SIZE];
	unsigned int	 maclen = 0;

	if (HMAC(EVP_sha256(), key, 32, (const unsigned char *)msg,
	    strlen(msg), mac, &maclen) == NULL || maclen != MAC_LEN)
		fatalx("%s: HMAC() failed: %s", __func__,
		    ERR_error_string(ERR_get_error(), NULL));
	b64url_encode(mac, MAC_LEN, out);
	OPENSSL_cleanse(mac, sizeof(mac));
}

/*
 * Returns 1 if a and b are equal strings, else 0; 0 also when either is
 * NULL.  The time taken depends only on the lengths, not on where the
 * strings differ, so tokens cannot be guessed byte by byte.
 */
int
token_equal(const char *a, const char *b)
{
	size_t	 alen, blen;

	if (a == NULL || b == NULL)
		return 0;
	alen = strlen(a);
	blen = strlen(b);
	if (alen != blen)
		return 0;
	return CRYPTO_memcmp(a, b, alen) == 0;
}

/*
 * Writes len bytes of in as base64url without padding to out, followed by
 * NUL.  out must have room for 4 * ceil(len / 3) + 1 bytes.
 */
void
b64url_encode(const unsigned char *in, size_t len, char *out)
{
	unsigned long	 v;
	size_t		 i;

	for (i = 0; i + 2 < len; i += 3) {
		v = (unsigned long)in[i] << 16 | (unsigned long)in[i + 1] << 8 |
		    in[i + 2];
		*out++ = b64url_chars[(v >> 18) & 0x3f];
		*out++ = b64url_chars[(v >> 12) & 0x3f];
		*out++ = b64url_chars[(v >> 6) & 0x3f];
		*out++ = b64url_chars[v & 0x3f];
	}
	if (len - i == 1) {
		v = (unsigned long)in[i] << 16;
		*out++ = b64url_chars[(v >> 18) & 0x3f];
		*out++ = b64url_chars[(v >> 12) & 0x3f];
	} else if (len - i == 2) {
		v = (unsigned long)in[i] << 16 | (unsigned long)in[i + 1] << 8;
		*out++ = b64url_chars[(v >> 18) & 0x3f];
		*out++ = b64url_chars[(v >> 12) & 0x3f];
		*out++ = b64url_chars[(v >> 6) & 0x3f];
	}
	*out = '\0';
}

/*
 * Writes len bytes of in as lower-case hexadecimal to out, followed by
 * NUL.  out must have room for 2 * len + 1 bytes.
 */
void
hex_encode(const unsigned char *in, size_t len, char *out)
{
	static const char	 digits[] = "0123456789abcdef";
	size_t			 i;

	for (i = 0; i < len; i++) {
		*out++ = digits[in[i] >> 4];
		*out++ = digits[in[i] & 0x0f];
	}
	*out = '\0';
}

/* Returns the value of one hexadecimal digit, or -1. */
int
hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/*
 * Decodes hex into exactly outlen bytes of out.  Returns 0, or -1 if hex
 * is not exactly 2 * outlen hexadecimal digits (out is then undefined).
 */
int
hex_decode(const char *hex, unsigned char *out, size_t outlen)
{
	size_t	 i;
	int	 hi, lo;

	if (hex == NULL || strlen(hex) != 2 * outlen)
		return -1;
	for (i = 0; i < outlen; i++) {
		if ((hi = hex_digit(hex[2 * i])) == -1 ||
		    (lo = hex_digit(hex[2 * i + 1])) == -1)
			return -1;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}
