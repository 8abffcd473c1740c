/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* pii.c: personal data sealed at rest, keyed lookup values and masks */

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "gkbm.h"

/*
 * A sealed value is: format (1 byte, PII_V2) | key id (1 byte) | IV (12
 * bytes) | ciphertext | tag (16 bytes).  The additional data bind it to
 * its place: the two header bytes, the table and column ("accounts.
 * idno_enc"), a NUL and the row id in decimal, so a value copied into
 * another column or row does not open there.  The key id picks the key
 * from the ring (config: key_id/data_key and old_data_key lines), so a
 * new key can be introduced while old rows are still readable; gkbm-admin
 * pii-rekey then seals every value again under the current key.
 *
 * The first format (key id | IV | ciphertext | tag, the key id alone as
 * additional data) is opened only by pii_reseal, for pii-rekey.
 */
#define PII_V2		0x02
#define PII_IVLEN	12
#define PII_TAGLEN	16
#define PII_OVERHEAD	(2 + PII_IVLEN + PII_TAGLEN)
#define PII_V1_OVERHEAD	(1 + PII_IVLEN + PII_TAGLEN)
#define PII_AAD_MAX	128

/*
 * Compound surnames (复姓) kept whole by pii_mask_name, so 欧阳娜娜 is
 * shown as 欧阳** like 张三 as 张*: the surname is what staff need to
 * tell people apart in a list, the given name is what is hidden.
 */
static const char *const compound_surnames[] = {
	"万俟", "上官", "东方", "东郭", "令狐", "公冶", "公孙", "单于",
	"南宫", "司徒", "司空", "司马", "呼延", "夏侯", "太史", "宇文",
	"尉迟", "慕容", "拓跋", "长孙", "欧阳", "澹台", "濮阳", "独孤",
	"申屠", "百里", "皇甫", "端木", "诸葛", "赫连", "轩辕", "西门",
	"钟离", "闻人", "鲜于", "闾丘", "第五", "左丘", "谷梁", "宰父",
};

static size_t	utf8_charlen(unsigned char);

/*
 * The AES-256-GCM implementation, fetched once per process: an implicit
 * fetch on every EVP_*Init_ex cost more than the decryption itself
 * (tools/bench, the registration list decrypts 40 values per page).
 */
static const EVP_CIPHER *
pii_cipher(void)
{
	static EVP_CIPHER	*c;

	if (c == NULL && (c = EVP_CIPHER_fetch(NULL, "AES-256-GCM",
	    NULL)) == NULL)
		fatalx("EVP_CIPHER_fetch(AES-256-GCM) failed");
	return c;
}
static int	mask_middle(const char *, size_t, size_t, char *, size_t);

/* The key of key id kid in cfg's ring, or NULL. */
static const unsigned char *
pii_key(const struct config *cfg, int kid)
{
	int	 i;

	if (kid == cfg->key_id)
		return cfg->data_key;
	for (i = 0; i < cfg->nold_keys; i++)
		if (cfg->old_key_id[i] == kid)
			return cfg->old_keys[i];
	return NULL;
}

/*
 * The additional data of a value with header hdr (hdrlen bytes) at col
 * and row into aad; its length, or 0 if col is too long.
 */
static size_t
pii_aad(const unsigned char *hdr, size_t hdrlen, const char *col,
    long long row, unsigned char aad[PII_AAD_MAX])
{
	char			 d[24];
	size_t			 clen, dlen = 0;
	unsigned long long	 u;

	memcpy(aad, hdr, hdrlen);
	if (col == NULL)	/* the first format: the key id alone */
		return hdrlen;
	/* The row in decimal, as "%lld" writes it (snprintf cost 1 k). */
	u = row < 0 ? 0 - (unsigned long long)row : (unsigned long long)row;
	do
		d[sizeof(d) - ++dlen] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (row < 0)
		d[sizeof(d) - ++dlen] = '-';
	clen = strlen(col);
	if (hdrlen + clen + 1 + dlen >= PII_AAD_MAX)
		return 0;
	memcpy(aad + hdrlen, col, clen);
	aad[hdrlen + clen] = '\0';
	memcpy(aad + hdrlen + clen + 1, d + sizeof(d) - dlen, dlen);
	return hdrlen + clen + 1 + dlen;
}

/*
 * The context of direction enc (1 seals, 0 opens) with key set, kept for
 * the process: a list page opens two values a row, and a new context's
 * allocation, cipher set-up and key schedule were most of each open
 * (0.15 M instructions of a 20-row page).  The key is scheduled again
 * only when it differs from the last one (a ring's old key, a test's
 * other key); a call then sets only the IV, which starts a new message.
 * Returns NULL (logged) on failure.
 */
static EVP_CIPHER_CTX *
pii_ctx(int enc, const unsigned char *key)
{
	static EVP_CIPHER_CTX	*ctx[2];
	static unsigned char	 keyed[2][32];
	static int		 haskey[2];

	if (ctx[enc] == NULL) {
		if ((ctx[enc] = EVP_CIPHER_CTX_new()) == NULL ||
		    EVP_CipherInit_ex(ctx[enc], pii_cipher(), NULL, NULL, NULL,
		    enc) != 1 || EVP_CIPHER_CTX_ctrl(ctx[enc],
		    EVP_CTRL_GCM_SET_IVLEN, PII_IVLEN, NULL) != 1)
			goto fail;
	}
	if (!haskey[enc] || CRYPTO_memcmp(keyed[enc], key, 32) != 0) {
		haskey[enc] = 0;
		if (EVP_CipherInit_ex(ctx[enc], NULL, NULL, key, NULL,
		    enc) != 1)
			goto fail;
		memcpy(keyed[enc], key, 32);
		haskey[enc] = 1;
	}
	return ctx[enc];
 fail:
	log_warnx("%s: AES-256-GCM set-up failed: %s", __func__,
	    ERR_error_string(ERR_get_error(), NULL));
	EVP_CIPHER_CTX_free(ctx[enc]);
	ctx[enc] = NULL;
	return NULL;
}

/*
 * AES-256-GCM of len bytes in under key and iv with aad into out (the
 * tag to or from tag).  enc 1 seals, 0 opens (-1 when the tag does not
 * match).  Returns 0 or -1 (logged).
 */
static int
pii_gcm(int enc, const unsigned char *key, const unsigned char *iv,
    const unsigned char *aad, size_t aadlen, const unsigned char *in,
    size_t len, unsigned char *out, unsigned char *tag)
{
	EVP_CIPHER_CTX	*ctx;
	int		 n = 0, fin = 0;

	if ((ctx = pii_ctx(enc, key)) == NULL)
		return -1;
	if (EVP_CipherInit_ex(ctx, NULL, NULL, NULL, iv, enc) != 1 ||
	    EVP_CipherUpdate(ctx, NULL, &n, aad, (int)aadlen) != 1 ||
	    EVP_CipherUpdate(ctx, out, &n, in, (int)len) != 1 ||
	    (!enc && EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG,
	    PII_TAGLEN, tag) != 1)) {
		log_warnx("%s: AES-256-GCM failed: %s", __func__,
		    ERR_error_string(ERR_get_error(), NULL));
		return -1;
	}
	if (EVP_CipherFinal_ex(ctx, out + n, &fin) != 1) {
		if (!enc)
			log_warnx("%s: authentication tag mismatch", __func__);
		return -1;
	}
	if ((size_t)(n + fin) != len || (enc && EVP_CIPHER_CTX_ctrl(ctx,
	    EVP_CTRL_GCM_GET_TAG, PII_TAGLEN, tag) != 1))
		return -1;
	return 0;
}

/*
 * Encrypts the NUL-terminated plain with AES-256-GCM under the current
 * key (cfg->key_id, cfg->data_key), bound to column col ("table.column")
 * and row, into out (outsz bytes) and stores the length in *outlen.
 * Returns 0, or -1 (logged) if out is too small, the key id does not fit
 * in a byte or OpenSSL fails.
 */
int
pii_seal(const struct config *cfg, const char *col, long long row,
    const char *plain, unsigned char *out, size_t outsz, size_t *outlen)
{
	unsigned char	 aad[PII_AAD_MAX];
	size_t		 len, aadlen;

	len = strlen(plain);
	if (cfg->key_id < 0 || cfg->key_id > 255) {
		log_warnx("%s: key id %d out of range", __func__, cfg->key_id);
		return -1;
	}
	if (len > (size_t)0x7fffffff || outsz < len + PII_OVERHEAD) {
		log_warnx("%s: output buffer too small (%zu for %zu bytes)",
		    __func__, outsz, len);
		return -1;
	}
	out[0] = PII_V2;
	out[1] = (unsigned char)cfg->key_id;
	if (RAND_bytes(out + 2, PII_IVLEN) != 1) {
		log_warnx("%s: RAND_bytes() failed: %s", __func__,
		    ERR_error_string(ERR_get_error(), NULL));
		return -1;
	}
	if ((aadlen = pii_aad(out, 2, col, row, aad)) == 0 ||
	    pii_gcm(1, cfg->data_key, out + 2, aad, aadlen,
	    (const unsigned char *)plain, len, out + 2 + PII_IVLEN,
	    out + 2 + PII_IVLEN + len) == -1) {
		OPENSSL_cleanse(out, outsz);
		return -1;
	}
	*outlen = len + PII_OVERHEAD;
	return 0;
}

/*
 * Opens in (inlen bytes) of format v2 (hdr 2 bytes) or the first format
 * (hdr 1: the key id) with the ring's key into out, NUL-terminated.
 * Returns 0 or -1 (out holds an empty string if outsz > 0).
 */
static int
pii_open_fmt(const struct config *cfg, size_t hdr, const char *col,
    long long row, const unsigned char *in, size_t inlen, char *out,
    size_t outsz)
{
	const unsigned char	*key;
	unsigned char		 aad[PII_AAD_MAX];
	size_t			 len, aadlen;

	if (outsz > 0)
		out[0] = '\0';
	if (inlen < hdr + PII_IVLEN + PII_TAGLEN ||
	    inlen - hdr - PII_IVLEN - PII_TAGLEN > (size_t)0x7fffffff) {
		log_warnx("%s: sealed value of %zu bytes", __func__, inlen);
		return -1;
	}
	if ((key = pii_key(cfg, in[hdr - 1])) == NULL) {
		log_warnx("%s: unknown key id %u", __func__, in[hdr - 1]);
		return -1;
	}
	len = inlen - hdr - PII_IVLEN - PII_TAGLEN;
	if (outsz < len + 1) {
		log_warnx("%s: output buffer too small (%zu for %zu bytes)",
		    __func__, outsz, len);
		return -1;
	}
	if ((aadlen = pii_aad(in, hdr, col, row, aad)) == 0 ||
	    pii_gcm(0, key, in + hdr, aad, aadlen, in + hdr + PII_IVLEN, len,
	    (unsigned char *)out, (unsigned char *)(uintptr_t)(in + hdr +
	    PII_IVLEN + len)) == -1 || memchr(out, '\0', len) != NULL) {
		OPENSSL_cleanse(out, outsz);
		out[0] = '\0';
		return -1;
	}
	out[len] = '\0';
	return 0;
}

/*
 * Decrypts the sealed value in (inlen bytes), found at column col and
 * row, into out as a NUL-terminated string.  Returns 0, or -1 (logged)
 * on an unknown format or key id, a value too short, a wrong tag
 * (tampered, the wrong key, or moved from another column or row) or out
 * smaller than the plaintext plus NUL.  On failure out holds an empty
 * string if outsz > 0.
 */
int
pii_open(const struct config *cfg, const char *col, long long row,
    const unsigned char *in, size_t inlen, char *out, size_t outsz)
{
	if (outsz > 0)
		out[0] = '\0';
	if (inlen < 1 || in[0] != PII_V2) {
		log_warnx("%s: not a sealed value of this format (%s %lld: "
		    "gkbm-admin pii-rekey)", __func__, col, row);
		return -1;
	}
	return pii_open_fmt(cfg, 2, col, row, in, inlen, out, outsz);
}

/*
 * For gkbm-admin pii-rekey: opens the value at col and row with any key
 * of the ring, in this format or the first one (bound to nothing but its
 * key id), and seals it again under the current key, bound to col and
 * row, into out.  Returns 1 when it already was (nothing written), 0
 * when out holds the new value, -1 when it opens with no key (logged).
 */
int
pii_reseal(const struct config *cfg, const char *col, long long row,
    const unsigned char *in, size_t inlen, unsigned char *out, size_t outsz,
    size_t *outlen)
{
	char	 plain[PII_PLAIN_MAX];
	int	 rc;

	if (inlen >= 2 && in[0] == PII_V2 && pii_open_fmt(cfg, 2, col, row,
	    in, inlen, plain, sizeof(plain)) == 0) {
		if (in[1] == cfg->key_id) {
			OPENSSL_cleanse(plain, sizeof(plain));
			return 1;
		}
	} else if (pii_open_fmt(cfg, 1, NULL, 0, in, inlen, plain,
	    sizeof(plain)) == -1) {
		log_warnx("%s: %s %lld opens with no key of the ring", __func__,
		    col, row);
		return -1;
	}
	rc = pii_seal(cfg, col, row, plain, out, outsz, outlen);
	OPENSSL_cleanse(plain, sizeof(plain));
	return rc;
}

/*
 * Computes the lookup value HMAC-SHA256(mac_key, domain || 0 || plain)
 * into out.  The domain ("idno", "phone", "login", "code") keeps equal
 * strings of different kinds apart.  A failing HMAC is fatal.
 */
void
pii_mac(const struct config *cfg, const char *domain, const char *plain,
    unsigned char out[MAC_LEN])
{
	EVP_MAC		*mac;
	EVP_MAC_CTX	*ctx = NULL;
	OSSL_PARAM	 params[2];
	size_t		 outl = 0;
	static const unsigned char zero = 0;

	params[0] = OSSL_PARAM_construct_utf8_string("digest", "SHA256", 0);
	params[1] = OSSL_PARAM_construct_end();
	if ((mac = EVP_MAC_fetch(NULL, "HMAC", NULL)) == NULL ||
	    (ctx = EVP_MAC_CTX_new(mac)) == NULL ||
	    EVP_MAC_init(ctx, cfg->mac_key, sizeof(cfg->mac_key),
	    params) != 1 ||
	    EVP_MAC_update(ctx, (const unsigned char *)domain,
	    strlen(domain)) != 1 ||
	    EVP_MAC_update(ctx, &zero, 1) != 1 ||
	    EVP_MAC_update(ctx, (const unsigned char *)plain,
	    strlen(plain)) != 1 ||
	    EVP_MAC_final(ctx, out, &outl, MAC_LEN) != 1 || outl != MAC_LEN)
		fatalx("%s: HMAC failed: %s", __func__,
		    ERR_error_string(ERR_get_error(), NULL));
	EVP_MAC_CTX_free(ctx);
	EVP_MAC_free(mac);
}

/* Returns the length of the UTF-8 sequence led by c (1 for bad bytes). */
static size_t
utf8_charlen(unsigned char c)
{
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	if (c >= 0xe0)
		return c <= 0xef ? 3 : 1;
	if (c >= 0xc2)
		return 2;
	return 1;
}

/*
 * Copies the first head and the last tail characters of the ASCII string
 * s to out, with one '*' for each character between.  A string no longer
 * than head + tail becomes all stars, so nothing is shown of a short or
 * odd value.  Returns 0, or -1 with out empty if it does not fit.
 */
static int
mask_middle(const char *s, size_t head, size_t tail, char *out, size_t outsz)
{
	size_t	 len, i;

	if (outsz == 0)
		return -1;
	out[0] = '\0';
	len = strlen(s);
	if (len + 1 > outsz)
		return -1;
	for (i = 0; i < len; i++) {
		if (len > head + tail && (i < head || i >= len - tail))
			out[i] = s[i];
		else
			out[i] = '*';
	}
	out[len] = '\0';
	return 0;
}

/*
 * Writes the ID number masked for lists, "410105********1234" (first 6
 * and last 4 shown), to out.  out is left empty if too small.
 */
void
pii_mask_idno(const char *idno, char *out, size_t outsz)
{
	(void)mask_middle(idno, 6, 4, out, outsz);
}

/*
 * Writes the phone number masked for lists, "138****1234" (first 3 and
 * last 4 shown), to out.  out is left empty if too small.
 */
void
pii_mask_phone(const char *phone, char *out, size_t outsz)
{
	(void)mask_middle(phone, 3, 4, out, outsz);
}

/*
 * Writes the name masked for lists to out: its first character (UTF-8
 * aware), or a compound surname of a name of four or more characters,
 * then one '*' for each further character: "张*", "王**", "东**",
 * "欧阳**".
 * out is left empty if too small.
 */
void
pii_mask_name(const char *name, char *out, size_t outsz)
{
	const unsigned char	*p = (const unsigned char *)name;
	size_t			 first, n, i, rest = 0;

	if (outsz == 0)
		return;
	out[0] = '\0';
	if (*p == '\0')
		return;
	first = utf8_charlen(*p);
	for (i = 1; i < first; i++)
		if (p[i] == '\0' || (p[i] & 0xc0) != 0x80)
			break;
	first = i;
	for (p = (const unsigned char *)name + first; *p != '\0'; p += n) {
		n = utf8_charlen(*p);
		for (i = 1; i < n; i++)
			if (p[i] == '\0' || (p[i] & 0xc0) != 0x80)
				break;
		n = i;
		rest++;
	}
	/*
	 * A compound surname only with at least two given-name characters
	 * behind it: 东方红 may as well be 东 with 方红, and 东方* would
	 * show a character of the given name.  (Both surnames are two
	 * characters, so the rest shrinks by one.)
	 */
	for (i = 0; rest >= 3 && i < sizeof(compound_surnames) /
	    sizeof(compound_surnames[0]); i++) {
		n = strlen(compound_surnames[i]);
		if (strncmp(name, compound_surnames[i], n) == 0) {
			first = n;
			rest--;
			break;
		}
	}
	if (first + rest + 1 > outsz)
		return;
	memcpy(out, name, first);
	memset(out + first, '*', rest);
	out[first + rest] = '\0';
}
