/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/pii.c: tests of sealed personal data, lookup MACs and masks */

#include <string.h>

#include <openssl/evp.h>

#include "gkbm.h"
#include "tap.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static const struct {
	void		(*fn)(const char *, char *, size_t);
	const char	*fname;
	const char	*in;
	const char	*want;
} mask_tests[] = {
	{ pii_mask_idno, "idno", "410105199001011234", "410105********1234" },
	{ pii_mask_idno, "idno", "41010519900101123X", "410105********123X" },
	{ pii_mask_idno, "idno", "1234567890", "**********" },	/* too short */
	{ pii_mask_idno, "idno", "", "" },
	{ pii_mask_phone, "phone", "13812341234", "138****1234" },
	{ pii_mask_phone, "phone", "19900001111", "199****1111" },
	{ pii_mask_phone, "phone", "1234567", "*******" },
	{ pii_mask_name, "name", "张三", "张*" },
	{ pii_mask_name, "name", "王小明", "王**" },
	{ pii_mask_name, "name", "欧阳娜娜", "欧阳**" },	/* 复姓 */
	{ pii_mask_name, "name", "欧阳修", "欧**" },	/* 3: no 复姓 rule */
	{ pii_mask_name, "name", "诸葛亮", "诸**" },
	{ pii_mask_name, "name", "东方红", "东**" },
	{ pii_mask_name, "name", "司马相如", "司马**" },
	{ pii_mask_name, "name", "欧阳娜娜娜", "欧阳***" },
	{ pii_mask_name, "name", "欧阳", "欧*" },
	{ pii_mask_name, "name", "李", "李" },
	{ pii_mask_name, "name", "买买提·艾力", "买*****" },
	{ pii_mask_name, "name", "𠀀一", "𠀀*" },		/* 4-byte first */
	{ pii_mask_name, "name", "Li Lei", "L*****" },
	{ pii_mask_name, "name", "", "" },
};

/* Fills cfg with fixed test keys and key id 7. */
static void
setup(struct config *cfg)
{
	size_t	 i;

	memset(cfg, 0, sizeof(*cfg));
	cfg->key_id = 7;
	for (i = 0; i < sizeof(cfg->data_key); i++) {
		cfg->data_key[i] = (unsigned char)(i * 3 + 1);
		cfg->mac_key[i] = (unsigned char)(i * 5 + 2);
	}
}

#define AT	PII_IDNO, 42		/* where the test values live */

/* pii_seal and pii_open: round trip, tampering, key id, buffer sizes. */
static void
test_seal(void)
{
	struct config	 cfg, cfg2;
	unsigned char	 a[PII_MAX], b[PII_MAX], t[PII_MAX];
	char		 plain[PII_MAX];
	size_t		 alen = 0, blen = 0, i, bad;
	const char	*id = "41010519900101123X";

	setup(&cfg);
	is_int(0, pii_seal(&cfg, AT, id, a, sizeof(a), &alen), "seal ID number");
	is_int(strlen(id) + 30, alen, "sealed length is 2 + 12 + n + 16");
	is_int(2, a[0], "first byte is the format");
	is_int(7, a[1], "second byte is the key id");
	for (i = 0, bad = 0; i + strlen(id) <= alen; i++)
		if (memcmp(a + i, id, strlen(id)) == 0)
			bad++;
	is_int(0, bad, "plaintext does not appear in the sealed value");
	is_int(0, pii_open(&cfg, AT, a, alen, plain, sizeof(plain)), "open");
	is_string(id, plain, "round trip");

	is_int(0, pii_seal(&cfg, AT, id, b, sizeof(b), &blen), "seal again");
	ok(alen == blen && memcmp(a, b, alen) != 0,
	    "two seals of the same value differ (random IV)");

	bad = 0;
	for (i = 0; i < alen; i++) {
		memcpy(t, a, alen);
		t[i] ^= 0x01;
		if (pii_open(&cfg, AT, t, alen, plain, sizeof(plain)) != -1 ||
		    plain[0] != '\0')
			bad++;
	}
	is_int(0, bad, "flipping any one bit of the value fails");
	memcpy(t, a, alen);
	t[1] = 8;
	is_int(-1, pii_open(&cfg, AT, t, alen, plain, sizeof(plain)),
	    "unknown key id fails");
	cfg2 = cfg;
	cfg2.key_id = 8;
	is_int(-1, pii_open(&cfg2, AT, t, alen, plain, sizeof(plain)),
	    "key id changed to match a config with the same key still fails "
	    "(key id is authenticated)");
	cfg2 = cfg;
	cfg2.data_key[0] ^= 1;
	is_int(-1, pii_open(&cfg2, AT, a, alen, plain, sizeof(plain)),
	    "wrong key fails");
	/* The kept context (pii_ctx) follows the key, not the config. */
	for (i = 0, bad = 0; i < 3; i++) {
		if (pii_open(&cfg2, AT, a, alen, plain, sizeof(plain)) != -1 ||
		    pii_open(&cfg, AT, a, alen, plain, sizeof(plain)) != 0 ||
		    strcmp(plain, id) != 0)
			bad++;
		cfg2.data_key[1] ^= 1;	/* another wrong key, same address */
	}
	is_int(0, bad, "wrong key, right key, alternately: each answers right");
	is_int(-1, pii_open(&cfg, AT, a, alen - 1, plain, sizeof(plain)),
	    "truncated value fails");
	is_int(-1, pii_open(&cfg, AT, a, 29, plain, sizeof(plain)),
	    "value shorter than the overhead fails");
	is_int(-1, pii_open(&cfg, AT, a, alen, plain, strlen(id)),
	    "output without room for NUL fails");
	is_int(0, pii_open(&cfg, AT, a, alen, plain, strlen(id) + 1),
	    "output with exactly room for NUL succeeds");
	is_int(-1, pii_seal(&cfg, AT, id, b, strlen(id) + 29, &blen),
	    "seal into too small a buffer fails");
	is_int(0, pii_seal(&cfg, AT, "", b, sizeof(b), &blen), "seal empty");
	is_int(0, pii_open(&cfg, AT, b, blen, plain, sizeof(plain)),
	    "open empty");
	is_string("", plain, "empty round trip");

	/* Bound to its place: another row, column or table does not open. */
	is_int(-1, pii_open(&cfg, PII_IDNO, 43, a, alen, plain, sizeof(plain)),
	    "copied to another row: fails");
	is_int(-1, pii_open(&cfg, PII_PHONE, 42, a, alen, plain, sizeof(plain)),
	    "copied to another column of the row: fails");
	is_int(-1, pii_open(&cfg, PII_OUT_PHONE, 42, a, alen, plain,
	    sizeof(plain)), "copied to another table: fails");
	is_int(-1, pii_open(&cfg, PII_IDNO, 4, a, alen, plain, sizeof(plain)),
	    "row 4 is not row 42 (no prefix match)");
	is_int(-1, pii_open(&cfg, PII_IDNO, 420, a, alen, plain, sizeof(plain)),
	    "row 420 is not row 42");
}

/*
 * The first format (key id | IV | ciphertext | tag, the key id alone as
 * additional data), as gkbm sealed values before the key ring: made
 * here with OpenSSL for pii_reseal to read.
 */
static size_t
seal_v1(const unsigned char key[32], unsigned char kid, const char *plain,
    unsigned char *out)
{
	EVP_CIPHER_CTX	*ctx = EVP_CIPHER_CTX_new();
	size_t		 len = strlen(plain);
	int		 n, fin;

	out[0] = kid;
	memset(out + 1, 0x5a, 12);
	if (ctx == NULL ||
	    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, out + 1) != 1 ||
	    EVP_EncryptUpdate(ctx, NULL, &n, &kid, 1) != 1 ||
	    EVP_EncryptUpdate(ctx, out + 13, &n, (const unsigned char *)plain,
	    (int)len) != 1 ||
	    EVP_EncryptFinal_ex(ctx, out + 13 + n, &fin) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16,
	    out + 13 + len) != 1)
		bail("seal_v1 failed");
	EVP_CIPHER_CTX_free(ctx);
	return len + 29;
}

/*
 * A value of the current format made here with OpenSSL, its additional
 * data written out as pii.c's comment gives it (format, key id, table
 * and column, NUL, the row in decimal), so pii_open's reading of it is
 * checked against the format, not against pii_seal.
 */
static size_t
seal_v2(const unsigned char key[32], unsigned char kid, const char *col,
    const char *row, const char *plain, unsigned char *out)
{
	EVP_CIPHER_CTX	*ctx = EVP_CIPHER_CTX_new();
	unsigned char	 aad[128];
	size_t		 len = strlen(plain), alen;
	int		 n, fin;

	out[0] = 2;
	out[1] = kid;
	memset(out + 2, 0xa5, 12);
	memcpy(aad, out, 2);
	memcpy(aad + 2, col, strlen(col) + 1);
	memcpy(aad + 2 + strlen(col) + 1, row, strlen(row));
	alen = 2 + strlen(col) + 1 + strlen(row);
	if (ctx == NULL ||
	    EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, out + 2) != 1 ||
	    EVP_EncryptUpdate(ctx, NULL, &n, aad, (int)alen) != 1 ||
	    EVP_EncryptUpdate(ctx, out + 14, &n, (const unsigned char *)plain,
	    (int)len) != 1 ||
	    EVP_EncryptFinal_ex(ctx, out + 14 + n, &fin) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, 16,
	    out + 14 + len) != 1)
		bail("seal_v2 failed");
	EVP_CIPHER_CTX_free(ctx);
	return len + 30;
}

/* The format's additional data, from outside pii.c. */
static void
test_format(void)
{
	struct config	 cfg;
	unsigned char	 v[PII_MAX];
	char		 plain[PII_MAX];
	size_t		 vlen;
	const char	*id = "41010519900101123X";

	setup(&cfg);
	vlen = seal_v2(cfg.data_key, 7, PII_IDNO, "1234567", id, v);
	is_int(0, pii_open(&cfg, PII_IDNO, 1234567, v, vlen, plain,
	    sizeof(plain)), "a value sealed by the format's letter opens");
	is_string(id, plain, "... to the same ID number");
	is_int(-1, pii_open(&cfg, PII_IDNO, 123456, v, vlen, plain,
	    sizeof(plain)), "... and not at row 123456");
	vlen = seal_v2(cfg.data_key, 7, PII_PHONE, "9223372036854775807",
	    "13800001234", v);
	is_int(0, pii_open(&cfg, PII_PHONE, 9223372036854775807LL, v, vlen,
	    plain, sizeof(plain)), "the largest row id opens");
	vlen = seal_v2(cfg.data_key, 7, PII_PHONE, "0", "13800001234", v);
	is_int(0, pii_open(&cfg, PII_PHONE, 0, v, vlen, plain, sizeof(plain)),
	    "row 0 opens");
	vlen = seal_v2(cfg.data_key, 7, PII_PHONE, "-5", "13800001234", v);
	is_int(0, pii_open(&cfg, PII_PHONE, -5, v, vlen, plain, sizeof(plain)),
	    "a negative row opens (written with its sign)");
}

/* The key ring: rotation, old values readable, reseal, the old key gone. */
static void
test_ring(void)
{
	struct config	 old, ring, fresh;
	unsigned char	 a[PII_MAX], v1[PII_MAX], n[PII_MAX], n2[PII_MAX];
	char		 plain[PII_MAX];
	size_t		 alen, v1len, nlen, n2len;
	const char	*phone = "13800001234";

	setup(&old);				/* key id 7 */
	is_int(0, pii_seal(&old, PII_PHONE, 5, phone, a, sizeof(a), &alen),
	    "sealed under key 7");
	/* Rotation: key 9 is current, 7 kept in the ring. */
	ring = old;
	ring.key_id = 9;
	memset(ring.data_key, 0x33, sizeof(ring.data_key));
	ring.nold_keys = 1;
	ring.old_key_id[0] = 7;
	memcpy(ring.old_keys[0], old.data_key, 32);
	is_int(0, pii_open(&ring, PII_PHONE, 5, a, alen, plain, sizeof(plain)),
	    "after rotation an old value still opens (key 7 in the ring)");
	is_string(phone, plain, "... to the same phone");
	is_int(0, pii_reseal(&ring, PII_PHONE, 5, a, alen, n, sizeof(n), &nlen),
	    "pii_reseal seals it again");
	is_int(9, n[1], "... under the current key 9");
	is_int(1, pii_reseal(&ring, PII_PHONE, 5, n, nlen, n2, sizeof(n2),
	    &n2len), "... and a value already under key 9 is left alone");
	fresh = ring;
	fresh.nold_keys = 0;
	memset(fresh.old_keys, 0, sizeof(fresh.old_keys));
	is_int(0, pii_open(&fresh, PII_PHONE, 5, n, nlen, plain, sizeof(plain)),
	    "with key 7 removed the resealed value opens");
	is_string(phone, plain, "... to the same phone");
	is_int(-1, pii_open(&fresh, PII_PHONE, 5, a, alen, plain, sizeof(plain)),
	    "... and the old one does not");
	is_int(-1, pii_reseal(&fresh, PII_PHONE, 5, a, alen, n2, sizeof(n2),
	    &n2len), "pii_reseal of a value no key opens fails");

	/* The first format: read by pii_reseal only, then bound. */
	v1len = seal_v1(old.data_key, 7, phone, v1);
	is_int(-1, pii_open(&ring, PII_PHONE, 5, v1, v1len, plain,
	    sizeof(plain)), "a value of the first format is not opened for use");
	is_int(0, pii_reseal(&ring, PII_PHONE, 5, v1, v1len, n, sizeof(n),
	    &nlen), "pii_reseal reads the first format");
	is_int(0, pii_open(&fresh, PII_PHONE, 5, n, nlen, plain, sizeof(plain)),
	    "... the new value opens at its place");
	is_string(phone, plain, "... to the same phone");
	is_int(-1, pii_open(&fresh, PII_PHONE, 6, n, nlen, plain,
	    sizeof(plain)), "... and not at another row");
	v1[20] ^= 1;
	is_int(-1, pii_reseal(&ring, PII_PHONE, 5, v1, v1len, n, sizeof(n),
	    &nlen), "a tampered first-format value is refused");
}

/* pii_mac: deterministic, domain-separated, keyed by mac_key only. */
static void
test_mac(void)
{
	struct config	 cfg, cfg2;
	unsigned char	 m1[MAC_LEN], m2[MAC_LEN], m3[MAC_LEN];

	setup(&cfg);
	pii_mac(&cfg, "idno", "410105199001011234", m1);
	pii_mac(&cfg, "idno", "410105199001011234", m2);
	ok(memcmp(m1, m2, MAC_LEN) == 0, "MAC is deterministic");
	pii_mac(&cfg, "phone", "410105199001011234", m2);
	ok(memcmp(m1, m2, MAC_LEN) != 0, "MAC is domain-separated");
	pii_mac(&cfg, "idno", "410105199001011235", m2);
	ok(memcmp(m1, m2, MAC_LEN) != 0, "different value, different MAC");
	/* "ab" + 0 + "c" must differ from "a" + 0 + "bc" */
	pii_mac(&cfg, "ab", "c", m2);
	pii_mac(&cfg, "a", "bc", m3);
	ok(memcmp(m2, m3, MAC_LEN) != 0, "domain boundary is unambiguous");
	cfg2 = cfg;
	cfg2.mac_key[31] ^= 1;
	pii_mac(&cfg2, "idno", "410105199001011234", m2);
	ok(memcmp(m1, m2, MAC_LEN) != 0, "MAC depends on the key");
	cfg2 = cfg;
	cfg2.data_key[0] ^= 1;
	pii_mac(&cfg2, "idno", "410105199001011234", m2);
	ok(memcmp(m1, m2, MAC_LEN) == 0, "MAC does not use the data key");
}

/* The three masks, including Chinese names and short buffers. */
static void
test_masks(void)
{
	char	 out[64];
	size_t	 i;

	for (i = 0; i < NELEM(mask_tests); i++) {
		memset(out, 'x', sizeof(out));
		mask_tests[i].fn(mask_tests[i].in, out, sizeof(out));
		is_string(mask_tests[i].want, out, "mask %s \"%s\"",
		    mask_tests[i].fname, mask_tests[i].in);
	}
	memset(out, 'x', sizeof(out));
	pii_mask_idno("410105199001011234", out, 18);
	is_string("", out, "ID mask into too small a buffer is empty");
	memset(out, 'x', sizeof(out));
	pii_mask_name("王小明", out, 5);
	is_string("", out, "name mask into too small a buffer is empty");
	pii_mask_name("王小明", out, 6);
	is_string("王**", out, "name mask with exactly enough room");
}

int
main(void)
{
	plan_lazy();
	test_seal();
	test_format();
	test_ring();
	test_mac();
	test_masks();
	return 0;
}
