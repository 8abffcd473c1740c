/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* passwd.c: password policy and scrypt hashes */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "gkbm.h"
#include "common_passwords.h"

#define PW_MIN		8		/* characters */
#define PW_MAX		64		/* characters */
#define PW_BUF		(PW_MAX * 4 + 1)	/* bytes of a lower-case copy */
#define SALT_LEN	16
#define KEY_LEN		32
#define LN_MIN		10		/* N = 2^10 .. 2^20 */
#define LN_MAX		20
#define R_MAX		16
#define P_MAX		16
#define SALT_MIN	4		/* RFC 7914 vectors use "NaCl" */
#define SALT_MAX	64
#define KEY_MAX		64
/*
 * Memory scrypt may use, passed explicitly: with 0 OpenSSL uses a 32 MiB
 * limit and N = 2^16, r = 8 (64 MiB) fails.  Parameters needing more
 * are refused rather than letting a stored string exhaust a worker.
 */
#define SCRYPT_MAXMEM	(256UL * 1024 * 1024)

static const char *const msg_classes =
    "密码需为字母、数字组合，8位以上。";
static const char *const msg_long = "密码不能超过64位。";
static const char *const msg_idno =
    "密码不能包含身份证号或其中的出生日期，请换一个。";
static const char *const msg_name =
    "密码不能包含姓名拼音，也不要使用姓名拼音首字母加123456等容易被人猜到的"
    "密码，请换一个。";
static const char *const msg_common =
    "这个密码太常见，容易被人猜到，请换一个。";
static const char *const msg_staff =
    "密码至少8位，且应包含大写字母、小写字母、数字、特殊字符中的至少三类。";
static const char *const msg_login = "密码不能包含登录名，请换一个。";

static const char b64_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

struct scrypt_params {
	int		 ln, r, p;
	unsigned char	 salt[SALT_MAX];
	size_t		 saltlen;
	unsigned char	 key[KEY_MAX];
	size_t		 keylen;
};

static size_t	pw_chars(const char *);
static void	pw_lower(const char *, char *, size_t);
static int	pw_cmp(const void *, const void *);
static int	pw_common(const char *);
static int	pw_classes(const char *);
static int	pw_check_idno(const char *, const char *);
static int	pw_check_name(const char *, const char *);
static void	b64_encode(const unsigned char *, size_t, char *);
static int	b64_decode(const char *, size_t, unsigned char *, size_t,
		    size_t *);
static int	parse_int(const char **, const char *, int, int, int *);
static int	parse_stored(const char *, struct scrypt_params *);
static int	scrypt(const char *, const unsigned char *, size_t, int, int,
		    int, unsigned char *, size_t);

/* Returns the number of UTF-8 characters of s (continuation bytes skipped). */
static size_t
pw_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Copies s to out (outsz bytes, truncating) with ASCII letters lowered. */
static void
pw_lower(const char *s, char *out, size_t outsz)
{
	size_t	 i;

	for (i = 0; s[i] != '\0' && i + 1 < outsz; i++)
		out[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i];
	out[i] = '\0';
}

/* bsearch comparison of a string with an entry of common_passwords. */
static int
pw_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* Returns 1 if the lower-case lpw is in the common-password list. */
static int
pw_common(const char *lpw)
{
	return bsearch(lpw, common_passwords, COMMON_NPASSWORDS,
	    sizeof(common_passwords[0]), pw_cmp) != NULL;
}

/*
 * Returns the classes present in pw as bits: 1 lower-case letter,
 * 2 upper-case letter, 4 digit, 8 anything else.
 */
static int
pw_classes(const char *pw)
{
	int	 c = 0;

	for (; *pw != '\0'; pw++) {
		if (*pw >= 'a' && *pw <= 'z')
			c |= 1;
		else if (*pw >= 'A' && *pw <= 'Z')
			c |= 2;
		else if (*pw >= '0' && *pw <= '9')
			c |= 4;
		else
			c |= 8;
	}
	return c;
}

/*
 * Returns 1 if the lower-case lpw contains the ID number (any case of X)
 * or its 8-digit birth date, else 0.  An absent or short idno is ignored.
 */
static int
pw_check_idno(const char *lpw, const char *idno)
{
	char	 lid[19], birth[9];

	if (idno == NULL || strlen(idno) != 18)
		return 0;
	pw_lower(idno, lid, sizeof(lid));
	memcpy(birth, lid + 6, 8);
	birth[8] = '\0';
	return strstr(lpw, lid) != NULL || strstr(lpw, birth) != NULL;
}

/*
 * Returns 1 if the lower-case lpw contains the full pinyin of name
 * ("zhangsan"), or is its initials followed by digits only ("zs123456"),
 * else 0.  A name whose pinyin is unknown is ignored.
 */
static int
pw_check_name(const char *lpw, const char *name)
{
	char	 full[PW_BUF], ini[PW_BUF];
	size_t	 n;

	if (name == NULL || *name == '\0')
		return 0;
	if (pinyin_full(name, full, sizeof(full)) == 0 && strlen(full) >= 2 &&
	    strstr(lpw, full) != NULL)
		return 1;
	if (pinyin_initials(name, ini, sizeof(ini)) == 0 &&
	    (n = strlen(ini)) >= 1 && strncmp(lpw, ini, n) == 0 &&
	    lpw[n] != '\0' && strspn(lpw + n, "0123456789") == strlen(lpw + n))
		return 1;
	return 0;
}

/*
 * Checks a candidate's new password pw against the policy: 8 to 64
 * characters, letters and digits, not containing the ID number idno or
 * its birth date, nor the pinyin of name, nor the name's initials plus
 * digits, and not a common password.  idno and name may be NULL.
 * Returns NULL if acceptable, else a static Chinese message.
 */
const char *
passwd_check_candidate(const char *pw, const char *idno, const char *name)
{
	char		 lpw[PW_BUF];
	const char	*msg = NULL;
	int		 c;

	if (pw == NULL || pw_chars(pw) < PW_MIN)
		return msg_classes;
	if (pw_chars(pw) > PW_MAX || strlen(pw) >= sizeof(lpw))
		return msg_long;
	c = pw_classes(pw);
	if ((c & 3) == 0 || (c & 4) == 0)
		return msg_classes;
	pw_lower(pw, lpw, sizeof(lpw));
	if (pw_check_idno(lpw, idno))
		msg = msg_idno;
	else if (pw_check_name(lpw, name))
		msg = msg_name;
	else if (pw_common(lpw))
		msg = msg_common;
	OPENSSL_cleanse(lpw, sizeof(lpw));
	return msg;
}

/*
 * Checks a staff member's new password pw: 8 to 64 characters, at least
 * three of lower case, upper case, digits and other characters, not
 * containing the login name (any case), not a common password.
 * Returns NULL if acceptable, else a static Chinese message.
 */
const char *
passwd_check_staff(const char *pw, const char *login)
{
	char		 lpw[PW_BUF], llogin[PW_BUF];
	const char	*msg = NULL;
	int		 c, n;

	if (pw == NULL || pw_chars(pw) < PW_MIN)
		return msg_staff;
	if (pw_chars(pw) > PW_MAX || strlen(pw) >= sizeof(lpw))
		return msg_long;
	c = pw_classes(pw);
	n = (c & 1) + ((c >> 1) & 1) + ((c >> 2) & 1) + ((c >> 3) & 1);
	if (n < 3)
		return msg_staff;
	pw_lower(pw, lpw, sizeof(lpw));
	llogin[0] = '\0';
	if (login != NULL)
		pw_lower(login, llogin, sizeof(llogin));
	if (llogin[0] != '\0' && strstr(lpw, llogin) != NULL)
		msg = msg_login;
	else if (pw_common(lpw))
		msg = msg_common;
	OPENSSL_cleanse(lpw, sizeof(lpw));
	return msg;
}

/* Writes len bytes of in as standard base64 without '=' and a NUL. */
static void
b64_encode(const unsigned char *in, size_t len, char *out)
{
	unsigned long	 v;
	size_t		 i;
	int		 bits;

	for (i = 0; i < len; i += 3) {
		v = (unsigned long)in[i] << 16;
		if (i + 1 < len)
			v |= (unsigned long)in[i + 1] << 8;
		if (i + 2 < len)
			v |= in[i + 2];
		bits = len - i >= 3 ? 4 : (int)(len - i) + 1;
		*out++ = b64_chars[(v >> 18) & 0x3f];
		*out++ = b64_chars[(v >> 12) & 0x3f];
		if (bits > 2)
			*out++ = b64_chars[(v >> 6) & 0x3f];
		if (bits > 3)
			*out++ = b64_chars[v & 0x3f];
	}
	*out = '\0';
}

/*
 * Decodes the first len characters of s, standard base64 without '=',
 * into out (outsz bytes) and stores the byte count in *outlen.  Returns
 * 0, or -1 on a bad character, a bad length, non-zero unused bits or
 * too little room.
 */
static int
b64_decode(const char *s, size_t len, unsigned char *out, size_t outsz,
    size_t *outlen)
{
	const char	*q;
	unsigned long	 v = 0;
	size_t		 i, n = 0;
	int		 bits = 0;

	if (len % 4 == 1)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] == '\0' || (q = strchr(b64_chars, s[i])) == NULL)
			return -1;
		v = (v << 6 | (unsigned long)(q - b64_chars)) & 0xffffff;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (n >= outsz)
				return -1;
			out[n++] = (unsigned char)(v >> bits);
		}
	}
	if ((v & ((1UL << bits) - 1)) != 0)
		return -1;
	*outlen = n;
	return 0;
}

/*
 * Parses the literal prefix then 1 to 2 decimal digits at *sp into *out,
 * within lo..hi, and advances *sp.  Returns 0 or -1.
 */
static int
parse_int(const char **sp, const char *prefix, int lo, int hi, int *out)
{
	const char	*s = *sp;
	int		 v = 0, n = 0;

	if (strncmp(s, prefix, strlen(prefix)) != 0)
		return -1;
	s += strlen(prefix);
	if (*s == '0')
		return -1;		/* no leading zeros: one spelling only */
	while (*s >= '0' && *s <= '9' && n < 3) {
		v = v * 10 + *s++ - '0';
		n++;
	}
	if (n == 0 || n > 2 || v < lo || v > hi)
		return -1;
	*sp = s;
	*out = v;
	return 0;
}

/*
 * Parses "$scrypt$ln=L,r=R,p=P$salt$hash" into *sp.  Returns 0, or -1 if
 * malformed or a parameter is out of the accepted ranges.
 */
static int
parse_stored(const char *stored, struct scrypt_params *sp)
{
	const char	*s = stored, *d;

	if (stored == NULL || strncmp(s, "$scrypt", 7) != 0)
		return -1;
	s += 7;
	if (parse_int(&s, "$ln=", LN_MIN, LN_MAX, &sp->ln) == -1 ||
	    parse_int(&s, ",r=", 1, R_MAX, &sp->r) == -1 ||
	    parse_int(&s, ",p=", 1, P_MAX, &sp->p) == -1 || *s++ != '$')
		return -1;
	if ((d = strchr(s, '$')) == NULL ||
	    b64_decode(s, d - s, sp->salt, sizeof(sp->salt),
	    &sp->saltlen) == -1 || sp->saltlen < SALT_MIN)
		return -1;
	s = d + 1;
	if (b64_decode(s, strlen(s), sp->key, sizeof(sp->key),
	    &sp->keylen) == -1 || sp->keylen < 16)
		return -1;
	return 0;
}

/*
 * Derives keylen bytes from pw and salt with scrypt N = 2^ln, r, p into
 * key.  Returns 0, or -1 (logged) on failure, including parameters that
 * need more than SCRYPT_MAXMEM.
 */
static int
scrypt(const char *pw, const unsigned char *salt, size_t saltlen, int ln,
    int r, int p, unsigned char *key, size_t keylen)
{
	if (EVP_PBE_scrypt(pw, strlen(pw), salt, saltlen, (uint64_t)1 << ln,
	    (uint64_t)r, (uint64_t)p, SCRYPT_MAXMEM, key, keylen) != 1) {
		log_warnx("%s: EVP_PBE_scrypt(ln=%d, r=%d, p=%d) failed: %s",
		    __func__, ln, r, p, ERR_error_string(ERR_get_error(), NULL));
		OPENSSL_cleanse(key, keylen);
		return -1;
	}
	return 0;
}

/*
 * Hashes pw with scrypt, N = 2^ln, r = 8, p = 1 and a random 16-byte
 * salt, and writes "$scrypt$ln=16,r=8,p=1$<salt>$<hash>" (standard base64
 * without padding) to out.  Returns 0, or -1 (logged) if ln is outside
 * 10..20, out is too small or OpenSSL fails.
 */
int
passwd_hash(const char *pw, int ln, char *out, size_t outsz)
{
	unsigned char	 salt[SALT_LEN], key[KEY_LEN];
	char		 bsalt[SALT_LEN * 4 / 3 + 4], bkey[KEY_LEN * 4 / 3 + 4];
	int		 n, rc = -1;

	if (ln < LN_MIN || ln > LN_MAX) {
		log_warnx("%s: ln %d out of range", __func__, ln);
		return -1;
	}
	if (RAND_bytes(salt, sizeof(salt)) != 1) {
		log_warnx("%s: RAND_bytes() failed: %s", __func__,
		    ERR_error_string(ERR_get_error(), NULL));
		return -1;
	}
	if (scrypt(pw, salt, sizeof(salt), ln, 8, 1, key, sizeof(key)) == -1)
		return -1;
	b64_encode(salt, sizeof(salt), bsalt);
	b64_encode(key, sizeof(key), bkey);
	n = snprintf(out, outsz, "$scrypt$ln=%d,r=8,p=1$%s$%s", ln, bsalt,
	    bkey);
	if (n < 0 || (size_t)n >= outsz) {
		log_warnx("%s: output buffer too small", __func__);
		if (outsz > 0)
			out[0] = '\0';
	} else
		rc = 0;
	OPENSSL_cleanse(key, sizeof(key));
	OPENSSL_cleanse(bkey, sizeof(bkey));
	return rc;
}

/*
 * Checks pw against a string made by passwd_hash, with the parameters
 * the string names.  Returns 1 on a match, 0 on a mismatch, -1 if stored
 * is malformed, its parameters are outside the accepted ranges (ln
 * 10..20, r 1..16, p 1..16) or scrypt fails (logged).
 */
int
passwd_verify(const char *pw, const char *stored)
{
	struct scrypt_params	 sp;
	unsigned char		 key[KEY_MAX];
	int			 rc;

	if (pw == NULL || parse_stored(stored, &sp) == -1) {
		log_warnx("%s: malformed password hash", __func__);
		return -1;
	}
	if (scrypt(pw, sp.salt, sp.saltlen, sp.ln, sp.r, sp.p, key,
	    sp.keylen) == -1)
		rc = -1;
	else
		rc = CRYPTO_memcmp(key, sp.key, sp.keylen) == 0;
	OPENSSL_cleanse(key, sizeof(key));
	OPENSSL_cleanse(&sp, sizeof(sp));
	return rc;
}

/*
 * Returns 1 if stored should be replaced by a new hash made with ln (its
 * ln differs, or it does not use r = 8, p = 1, or cannot be parsed),
 * else 0.  Call after a successful passwd_verify, with the password.
 */
int
passwd_needs_rehash(const char *stored, int ln)
{
	struct scrypt_params	 sp;
	int			 rc;

	if (parse_stored(stored, &sp) == -1)
		return 1;
	rc = sp.ln != ln || sp.r != 8 || sp.p != 1;
	OPENSSL_cleanse(&sp, sizeof(sp));
	return rc;
}
