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

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include "gkbm.h"

/*
 * A sealed value is: key id (1 byte) | IV (12 bytes) | ciphertext | tag
 * (16 bytes).  The key id lets a new data key be introduced while old
 * rows are still readable; it is also authenticated as additional data,
 * so a value cannot be moved to another key id.
 */
#define PII_IVLEN	12
#define PII_TAGLEN	16
#define PII_OVERHEAD	(1 + PII_IVLEN + PII_TAGLEN)

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

/*
 * Encrypts the NUL-terminated plain with AES-256-GCM under cfg->data_key
 * into out (outsz bytes) and stores the length in *outlen.  Returns 0, or
 * -1 (logged) if out is too small, the key id does not fit in a byte or
 * OpenSSL fails.
 */
int
pii_seal(const struct config *cfg, const char *plain, unsigned char *out,
    size_t outsz, size_t *outlen)
{
	EVP_CIPHER_CTX	*ctx;
	unsigned char	 kid;
	size_t		 len;
	int		 n, fin, rc = -1;

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
	kid = (unsigned char)cfg->key_id;
	out[0] = kid;
	if (RAND_bytes(out + 1, PII_IVLEN) != 1) {
		log_warnx("%s: RAND_bytes() failed: %s", __func__,
		    ERR_error_string(ERR_get_error(), NULL));
		return -1;
	}
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL) {
		log_warnx("%s: EVP_CIPHER_CTX_new() failed", __func__);
		return -1;
	}
	if (EVP_EncryptInit_ex(ctx, pii_cipher(), NULL, NULL, NULL) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, PII_IVLEN,
	    NULL) != 1 ||
	    EVP_EncryptInit_ex(ctx, NULL, NULL, cfg->data_key, out + 1) != 1 ||
	    EVP_EncryptUpdate(ctx, NULL, &n, &kid, 1) != 1 ||
	    EVP_EncryptUpdate(ctx, out + 1 + PII_IVLEN, &n,
	    (const unsigned char *)plain, (int)len) != 1 ||
	    EVP_EncryptFinal_ex(ctx, out + 1 + PII_IVLEN + n, &fin) != 1 ||
	    (size_t)(n + fin) != len ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, PII_TAGLEN,
	    out + 1 + PII_IVLEN + len) != 1) {
		log_warnx("%s: AES-256-GCM encryption failed: %s", __func__,
		    ERR_error_string(ERR_get_error(), NULL));
		OPENSSL_cleanse(out, outsz);
		goto done;
	}
	*outlen = len + PII_OVERHEAD;
	rc = 0;
 done:
	EVP_CIPHER_CTX_free(ctx);
	return rc;
}

/*
 * Decrypts the sealed value in (inlen bytes) into out as a NUL-terminated
 * string.  Returns 0, or -1 (logged) on an unknown key id, a value too
 * short, a wrong tag (tampered or wrong key) or out smaller than the
 * plaintext plus NUL.  On failure out holds an empty string if outsz > 0.
 */
int
pii_open(const struct config *cfg, const unsigned char *in, size_t inlen,
    char *out, size_t outsz)
{
	EVP_CIPHER_CTX	*ctx;
	size_t		 len;
	int		 n, fin, rc = -1;

	if (outsz > 0)
		out[0] = '\0';
	if (inlen < PII_OVERHEAD || inlen - PII_OVERHEAD > (size_t)0x7fffffff) {
		log_warnx("%s: sealed value of %zu bytes", __func__, inlen);
		return -1;
	}
	if (cfg->key_id < 0 || cfg->key_id > 255 || in[0] != cfg->key_id) {
		log_warnx("%s: unknown key id %u", __func__, in[0]);
		return -1;
	}
	len = inlen - PII_OVERHEAD;
	if (outsz < len + 1) {
		log_warnx("%s: output buffer too small (%zu for %zu bytes)",
		    __func__, outsz, len);
		return -1;
	}
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL) {
		log_warnx("%s: EVP_CIPHER_CTX_new() failed", __func__);
		return -1;
	}
	if (EVP_DecryptInit_ex(ctx, pii_cipher(), NULL, NULL, NULL) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, PII_IVLEN,
	    NULL) != 1 ||
	    EVP_DecryptInit_ex(ctx, NULL, NULL, cfg->data_key, in + 1) != 1 ||
	    EVP_DecryptUpdate(ctx, NULL, &n, in, 1) != 1 ||
	    EVP_DecryptUpdate(ctx, (unsigned char *)out, &n,
	    in + 1 + PII_IVLEN, (int)len) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, PII_TAGLEN,
	    (void *)(uintptr_t)(in + 1 + PII_IVLEN + len)) != 1) {
		log_warnx("%s: AES-256-GCM set-up failed: %s", __func__,
		    ERR_error_string(ERR_get_error(), NULL));
		goto fail;
	}
	if (EVP_DecryptFinal_ex(ctx, (unsigned char *)out + n, &fin) != 1) {
		log_warnx("%s: authentication tag mismatch", __func__);
		goto fail;
	}
	if ((size_t)(n + fin) != len || memchr(out, '\0', len) != NULL) {
		log_warnx("%s: bad plaintext", __func__);
		goto fail;
	}
	out[len] = '\0';
	rc = 0;
	goto done;
 fail:
	OPENSSL_cleanse(out, outsz);
	out[0] = '\0';
 done:
	EVP_CIPHER_CTX_free(ctx);
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
