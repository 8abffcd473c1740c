/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/*
 * paysign.c: the two algorithms of "sign v1" (SECURITY.md §3, §4) with
 * OpenSSL 3: RSA2 = RSASSA-PKCS1-v1_5 with SHA-256 (RSA >= 2048 bits),
 * SM2 = SM2 with SM3, distinguishing ID 1234567812345678 set explicitly
 * with EVP_PKEY_CTX_set1_id after the init (OpenSSL would otherwise use
 * an empty ID), DER signature.  The algorithm is the key's: a key loads
 * as RSA or SM2 and can only be used with its own algorithm.  Signatures
 * travel as standard, padded base64 without line breaks.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>

#include "gkbm.h"
#include "pay.h"

struct paykey {
	EVP_PKEY	*pkey;
	enum payalg	 alg;
};

/* The algorithms by their sign_type names. */
static const struct {
	const char	*name;
	enum payalg	 alg;
	const char	*md;
} payalgs[] = {
	{ "RSA2", PAYALG_RSA2, "SHA256" },
	{ "SM2", PAYALG_SM2, "SM3" },
};

/* The algorithm named s (exactly), or PAYALG_NONE. */
enum payalg
paysign_alg(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof(payalgs) / sizeof(payalgs[0]); i++)
		if (strcmp(payalgs[i].name, s) == 0)
			return payalgs[i].alg;
	return PAYALG_NONE;
}

/* The sign_type name of alg ("" for none). */
const char *
paysign_alg_name(enum payalg alg)
{
	size_t	 i;

	for (i = 0; i < sizeof(payalgs) / sizeof(payalgs[0]); i++)
		if (payalgs[i].alg == alg)
			return payalgs[i].name;
	return "";
}

/* The digest name of alg. */
static const char *
paysign_md(enum payalg alg)
{
	return alg == PAYALG_SM2 ? "SM3" : "SHA256";
}

/*
 * Loads a PEM key: private when priv, else a public key (SPKI).  It must
 * be RSA of at least 2048 bits or SM2.  Returns the key, or NULL with
 * *why set.
 */
struct paykey *
paysign_load(const char *path, int priv, const char **why)
{
	struct paykey	*k;
	EVP_PKEY	*pk;
	FILE		*f;

	if ((f = fopen(path, "r")) == NULL)
		return *why = "cannot open the key file", NULL;
	pk = priv ? PEM_read_PrivateKey(f, NULL, NULL, NULL) :
	    PEM_read_PUBKEY(f, NULL, NULL, NULL);
	fclose(f);
	if (pk == NULL)
		return *why = "not a PEM key", NULL;
	k = xcalloc(1, sizeof(*k));
	k->pkey = pk;
	if (EVP_PKEY_is_a(pk, "SM2"))
		k->alg = PAYALG_SM2;
	else if (EVP_PKEY_is_a(pk, "RSA") && EVP_PKEY_get_bits(pk) >= 2048)
		k->alg = PAYALG_RSA2;
	else {
		paysign_free(k);
		return *why = "neither SM2 nor RSA of 2048 bits or more", NULL;
	}
	return k;
}

enum payalg
paysign_key_alg(const struct paykey *k)
{
	return k->alg;
}

void
paysign_free(struct paykey *k)
{
	if (k == NULL)
		return;
	EVP_PKEY_free(k->pkey);
	free(k);
}

/*
 * Makes a digest-sign/verify context for k; sets the SM2 ID explicitly.
 * Returns it, or NULL.
 */
static EVP_MD_CTX *
paysign_ctx(const struct paykey *k, int sign)
{
	EVP_MD_CTX	*md;
	EVP_PKEY_CTX	*pctx = NULL;
	int		 ok;

	if ((md = EVP_MD_CTX_new()) == NULL)
		return NULL;
	ok = sign ? EVP_DigestSignInit_ex(md, &pctx, paysign_md(k->alg),
	    NULL, NULL, k->pkey, NULL) : EVP_DigestVerifyInit_ex(md, &pctx,
	    paysign_md(k->alg), NULL, NULL, k->pkey, NULL);
	if (ok == 1 && k->alg == PAYALG_SM2)
		ok = EVP_PKEY_CTX_set1_id(pctx, PAY_SM2_ID,
		    strlen(PAY_SM2_ID));
	if (ok != 1) {
		EVP_MD_CTX_free(md);
		return NULL;
	}
	return md;
}

/* Signs data[0..len) with the private key k: base64 into out; 0 or -1. */
int
paysign_sign(const struct paykey *k, const char *data, size_t len,
    char out[PAY_SIG_B64])
{
	EVP_MD_CTX	*md;
	unsigned char	 sig[600];
	size_t		 slen = sizeof(sig);
	int		 ok;

	if ((md = paysign_ctx(k, 1)) == NULL)
		return -1;
	ok = EVP_DigestSign(md, NULL, &slen, (const unsigned char *)data,
	    len) == 1 && slen <= sizeof(sig) && EVP_DigestSign(md, sig, &slen,
	    (const unsigned char *)data, len) == 1;
	EVP_MD_CTX_free(md);
	if (!ok || (slen + 2) / 3 * 4 + 1 > PAY_SIG_B64)
		return -1;
	EVP_EncodeBlock((unsigned char *)out, sig, (int)slen);
	return 0;
}

/*
 * Decodes standard padded base64 b64 into sig (size bytes), accepting
 * only the canonical encoding.  Returns the length or -1.
 */
static int
paysign_unbase64(const char *b64, unsigned char *sig, size_t size)
{
	char	 again[PAY_SIG_B64];
	size_t	 n = strlen(b64);
	int	 len;

	if (n == 0 || n % 4 != 0 || n >= PAY_SIG_B64 || n / 4 * 3 > size ||
	    strspn(b64, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789+/=") != n)
		return -1;
	if ((len = EVP_DecodeBlock(sig, (const unsigned char *)b64,
	    (int)n)) < 0)
		return -1;
	if (b64[n - 1] == '=')
		len -= b64[n - 2] == '=' ? 2 : 1;
	EVP_EncodeBlock((unsigned char *)again, sig, len);
	return strcmp(again, b64) == 0 ? len : -1;
}

/*
 * Verifies the base64 signature b64 of data[0..len) with the public key
 * k.  Returns 1 (valid), 0 (not valid, or not base64).
 */
int
paysign_verify(const struct paykey *k, const char *data, size_t len,
    const char *b64)
{
	EVP_MD_CTX	*md;
	unsigned char	 sig[PAY_SIG_B64];
	int		 slen, ok;

	if ((slen = paysign_unbase64(b64, sig, sizeof(sig))) <= 0)
		return 0;
	if ((md = paysign_ctx(k, 0)) == NULL)
		return 0;
	ok = EVP_DigestVerify(md, sig, (size_t)slen,
	    (const unsigned char *)data, len) == 1;
	EVP_MD_CTX_free(md);
	return ok;
}

/*
 * Completes and signs the message kv with the private key k named
 * key_id: adds timestamp, nonce, key_id, sign_type, then sign over the
 * canonical string; the encoded body goes to out (size bytes).  Returns
 * the body's length, or -1.
 */
int
paysign_message(const struct paykey *k, const char *key_id,
    struct paykv *kv, char *out, size_t size)
{
	char	 ts[24], nonce[33], sig[PAY_SIG_B64], *canon;
	int	 n, rc = -1;

	snprintf(ts, sizeof(ts), "%lld", (long long)time(NULL));
	paysign_nonce(nonce);
	if (paykv_add(kv, "timestamp", ts) == -1 ||
	    paykv_add(kv, "nonce", nonce) == -1 ||
	    paykv_add(kv, "key_id", key_id) == -1 ||
	    paykv_add(kv, "sign_type", paysign_alg_name(k->alg)) == -1)
		return -1;
	canon = xmalloc(PAYKV_BUF);
	if ((n = paykv_canon(kv, canon, PAYKV_BUF)) != -1 &&
	    paysign_sign(k, canon, (size_t)n, sig) == 0 &&
	    paykv_add(kv, "sign", sig) == 0)
		rc = paykv_encode(kv, out, size);
	free(canon);
	return rc;
}

/* A fresh nonce: 128 random bits as 32 lower-case hex digits. */
void
paysign_nonce(char out[33])
{
	unsigned char	 r[16];

	if (RAND_bytes(r, sizeof(r)) != 1)
		fatalx("RAND_bytes failed");
	hex_encode(r, sizeof(r), out);
}
