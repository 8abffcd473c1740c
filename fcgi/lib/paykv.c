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
 * paykv.c: the form messages of "sign v1" (SECURITY.md §3): decoding
 * (once, percent and "+", UTF-8 checked, no repeated name, no &, CR, LF
 * or NUL in a value), the allow-list and required names of each message
 * type, the canonical string (drop sign and empty values, sort names by
 * strcmp, join name=value with &) and encoding.
 */

#include <sys/types.h>

#include <stdlib.h>
#include <string.h>

#include "gkbm.h"
#include "pay.h"

/* The message types: what each may carry and must carry. */
static const char *const notify_allow[] = { "app_id", "order_no",
	"trade_no", "amount", "currency", "pay_status", "paid_at",
	"timestamp", "nonce", "key_id", "sign_type", "sign", NULL };
static const char *const notify_need[] = { "app_id", "order_no",
	"trade_no", "amount", "currency", "pay_status", "paid_at",
	"timestamp", "nonce", "key_id", "sign_type", "sign", NULL };
const struct paykv_type paykv_notify = { "notify", notify_allow,
	notify_need };

static const char *const handover_allow[] = { "app_id", "order_no",
	"amount", "currency", "subject", "payer_type", "payer_name",
	"notify_url", "return_url", "timestamp", "nonce", "key_id",
	"sign_type", "sign", NULL };
static const char *const handover_need[] = { "app_id", "order_no",
	"amount", "currency", "timestamp", "nonce", "key_id", "sign_type",
	"sign", NULL };
const struct paykv_type paykv_handover = { "handover", handover_allow,
	handover_need };

static const char *const ack_allow[] = { "code", "reason", "order_no",
	"timestamp", "nonce", "key_id", "sign_type", "sign", NULL };
static const char *const ack_need[] = { "code", "timestamp", "nonce",
	"key_id", "sign_type", "sign", NULL };
const struct paykv_type paykv_ack = { "ack", ack_allow, ack_need };

static const char *const query_allow[] = { "app_id", "order_no",
	"timestamp", "nonce", "key_id", "sign_type", "sign", NULL };
const struct paykv_type paykv_query = { "query", query_allow,
	query_allow };

static const char *const qreply_allow[] = { "app_id", "order_no",
	"trade_no", "amount", "currency", "pay_status", "paid_at",
	"timestamp", "nonce", "key_id", "sign_type", "sign", NULL };
static const char *const qreply_need[] = { "app_id", "order_no",
	"pay_status", "timestamp", "nonce", "key_id", "sign_type", "sign",
	NULL };
const struct paykv_type paykv_query_reply = { "query reply",
	qreply_allow, qreply_need };

void
paykv_init(struct paykv *kv)
{
	kv->n = 0;
	kv->used = 0;
}

/* The value of a hex digit, or -1. */
static int
paykv_hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Length of the valid UTF-8 sequence at s (n bytes left), or 0. */
static size_t
paykv_utf8_len(const unsigned char *s, size_t n)
{
	size_t		 len, i;
	unsigned int	 cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		len = 2, cp = s[0] & 0x1f;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		len = 3, cp = s[0] & 0x0f;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		len = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

/* True when s (len bytes) is valid UTF-8. */
static int
paykv_utf8_ok(const char *s, size_t len)
{
	size_t	 i = 0, l;

	while (i < len) {
		if ((l = paykv_utf8_len((const unsigned char *)s + i,
		    len - i)) == 0)
			return 0;
		i += l;
	}
	return 1;
}

/*
 * Decodes src[0..len) (percent, "+") into dst, which has room for len+1
 * bytes; NUL-terminates.  Returns the decoded length or -1 (a bad escape,
 * a decoded &, CR, LF or NUL, invalid UTF-8).
 */
static ssize_t
paykv_decode(const char *src, size_t len, char *dst)
{
	size_t	 i, o = 0;
	int	 h, l;
	char	 c;

	for (i = 0; i < len; i++) {
		c = src[i];
		if (c == '+')
			c = ' ';
		else if (c == '%') {
			if (i + 2 >= len || (h = paykv_hex(src[i + 1])) < 0 ||
			    (l = paykv_hex(src[i + 2])) < 0)
				return -1;
			c = (char)(h * 16 + l);
			i += 2;
		}
		if (c == '&' || c == '\r' || c == '\n' || c == '\0')
			return -1;
		dst[o++] = c;
	}
	dst[o] = '\0';
	return paykv_utf8_ok(dst, o) ? (ssize_t)o : -1;
}

/* True for a parameter name: [a-z0-9_]+, and "." too when dots. */
static int
paykv_name_ok(const char *s, int dots)
{
	size_t	 i, n = strlen(s);

	if (n == 0 || n > PAYKV_NAME)
		return 0;
	for (i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		    (dots && s[i] == '.')))
			return 0;
	return 1;
}

/* Stores name=value (already decoded, checked) in kv; 0 or -1. */
static int
paykv_store(struct paykv *kv, const char *name, size_t nl,
    const char *value, size_t vl)
{
	char	*p;

	if (kv->n >= PAYKV_MAX || kv->used + nl + vl + 2 > sizeof(kv->buf))
		return -1;
	p = kv->buf + kv->used;
	memcpy(p, name, nl);
	p[nl] = '\0';
	memcpy(p + nl + 1, value, vl);
	p[nl + 1 + vl] = '\0';
	kv->name[kv->n] = p;
	kv->value[kv->n] = p + nl + 1;
	kv->n++;
	kv->used += nl + vl + 2;
	return 0;
}

/* Parses one name=value pair s[0..len) into kv; 0, or -1 with *why. */
static int
paykv_pair(struct paykv *kv, const char *s, size_t len, int dots,
    const char **why)
{
	const char	*eq = memchr(s, '=', len);
	char		 name[PAYKV_NAME * 3 + 1], *val;
	ssize_t		 nl, vl;
	size_t		 i;

	if (eq == NULL || eq == s || (size_t)(eq - s) > PAYKV_NAME * 3)
		return *why = "a parameter without a name or =", -1;
	if ((nl = paykv_decode(s, (size_t)(eq - s), name)) == -1 ||
	    !paykv_name_ok(name, dots))
		return *why = "a bad parameter name", -1;
	val = xmalloc(len - (size_t)(eq - s));
	vl = paykv_decode(eq + 1, len - (size_t)(eq - s) - 1, val);
	if (vl == -1) {
		free(val);
		return *why = "a bad value (escape, &, CR, LF, NUL, UTF-8)", -1;
	}
	for (i = 0; i < kv->n; i++)
		if (strcmp(kv->name[i], name) == 0) {
			free(val);
			return *why = "a parameter given twice", -1;
		}
	if (paykv_store(kv, name, (size_t)nl, val, (size_t)vl) == -1) {
		free(val);
		return *why = "too many parameters", -1;
	}
	free(val);
	return 0;
}

/*
 * Parses the form body s[0..len) into kv (emptied first).  dots allows
 * "." in names (the gkbm-pay socket's f.* fields).  Returns 0, or -1
 * with *why set to a short English reason.
 */
int
paykv_parse(struct paykv *kv, const char *s, size_t len, int dots,
    const char **why)
{
	const char	*amp, *end = s + len;

	paykv_init(kv);
	if (len == 0)
		return *why = "an empty message", -1;
	if (len > PAYKV_BODY)
		return *why = "a message over 8192 bytes", -1;
	while (s < end) {
		amp = memchr(s, '&', (size_t)(end - s));
		if (amp == NULL)
			amp = end;
		if (paykv_pair(kv, s, (size_t)(amp - s), dots, why) == -1)
			return -1;
		s = amp + 1;
		if (amp + 1 == end)
			return *why = "a trailing &", -1;
	}
	return 0;
}

/* Adds name=value to kv (for building a message); 0 or -1. */
int
paykv_add(struct paykv *kv, const char *name, const char *value)
{
	if (!paykv_name_ok(name, 1) || strpbrk(value, "&\r\n") != NULL ||
	    !paykv_utf8_ok(value, strlen(value)) ||
	    paykv_get(kv, name) != NULL)
		return -1;
	return paykv_store(kv, name, strlen(name), value, strlen(value));
}

/* The value of name, or NULL. */
const char *
paykv_get(const struct paykv *kv, const char *name)
{
	size_t	 i;

	for (i = 0; i < kv->n; i++)
		if (strcmp(kv->name[i], name) == 0)
			return kv->value[i];
	return NULL;
}

/* True when name is in the NULL-terminated list. */
static int
paykv_listed(const char *const *list, const char *name)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, name) == 0)
			return 1;
	return 0;
}

/*
 * Checks kv against its message type: every name allowed, every required
 * one present and non-empty.  Returns 0, or -1 with *why.
 */
int
paykv_check(const struct paykv *kv, const struct paykv_type *t,
    const char **why)
{
	const char *const	*p;
	const char		*v;
	size_t			 i;

	for (i = 0; i < kv->n; i++)
		if (!paykv_listed(t->allow, kv->name[i]))
			return *why = "a parameter not allowed here", -1;
	for (p = t->need; *p != NULL; p++)
		if ((v = paykv_get(kv, *p)) == NULL || *v == '\0')
			return *why = "a required parameter missing", -1;
	return 0;
}

/* qsort comparison of indexes into a paykv by name (strcmp, bytes). */
static const struct paykv *paykv_sorting;
static int
paykv_cmp(const void *a, const void *b)
{
	return strcmp(paykv_sorting->name[*(const size_t *)a],
	    paykv_sorting->name[*(const size_t *)b]);
}

/*
 * The canonical string of kv into out (size bytes): sign and empty values
 * dropped, sorted by name, "name=value" joined with "&", no newline.
 * Returns its length, or -1 when it does not fit.
 */
int
paykv_canon(const struct paykv *kv, char *out, size_t size)
{
	size_t	 idx[PAYKV_MAX], n = 0, i, len = 0, nl, vl;

	for (i = 0; i < kv->n; i++)
		if (strcmp(kv->name[i], "sign") != 0 && kv->value[i][0] != '\0')
			idx[n++] = i;
	paykv_sorting = kv;
	qsort(idx, n, sizeof(idx[0]), paykv_cmp);
	if (size == 0)
		return -1;
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		nl = strlen(kv->name[idx[i]]);
		vl = strlen(kv->value[idx[i]]);
		if (len + (i > 0) + nl + 1 + vl + 1 > size)
			return -1;
		if (i > 0)
			out[len++] = '&';
		memcpy(out + len, kv->name[idx[i]], nl);
		len += nl;
		out[len++] = '=';
		memcpy(out + len, kv->value[idx[i]], vl);
		len += vl;
	}
	out[len] = '\0';
	return (int)len;
}

/* Appends s percent-encoded (unreserved kept, the rest %XX); -1: full. */
static int
paykv_put(char *out, size_t size, size_t *len, const char *s)
{
	static const char	 hex[] = "0123456789ABCDEF";
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		    *p == '.' || *p == '~') {
			if (*len + 2 > size)
				return -1;
			out[(*len)++] = (char)*p;
		} else {
			if (*len + 4 > size)
				return -1;
			out[(*len)++] = '%';
			out[(*len)++] = hex[*p >> 4];
			out[(*len)++] = hex[*p & 15];
		}
	}
	out[*len] = '\0';
	return 0;
}

/*
 * kv as an application/x-www-form-urlencoded body, in its order, into out
 * (size bytes).  Returns the length, or -1 when it does not fit.
 */
int
paykv_encode(const struct paykv *kv, char *out, size_t size)
{
	size_t	 i, len = 0;

	if (size == 0)
		return -1;
	out[0] = '\0';
	for (i = 0; i < kv->n; i++) {
		if (i > 0) {
			if (len + 2 > size)
				return -1;
			out[len++] = '&';
		}
		if (paykv_put(out, size, &len, kv->name[i]) == -1 ||
		    len + 2 > size)
			return -1;
		out[len++] = '=';
		out[len] = '\0';
		if (paykv_put(out, size, &len, kv->value[i]) == -1)
			return -1;
	}
	return (int)len;
}

/* An amount in fen: [1-9][0-9]{0,9} into *fen; 0, or -1. */
int
paykv_amount(const char *s, long long *fen)
{
	size_t		 n = strlen(s), i;
	long long	 v = 0;

	if (n < 1 || n > 10 || s[0] < '1' || s[0] > '9')
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*fen = v;
	return 0;
}

/* True when s has n..m characters all from set. */
static int
paykv_span(const char *s, size_t lo, size_t hi, const char *set)
{
	size_t	 n = strlen(s);

	return n >= lo && n <= hi && strspn(s, set) == n;
}

/* A nonce: 32 lower-case hex digits. */
int
paykv_nonce_ok(const char *s)
{
	return paykv_span(s, 32, 32, "0123456789abcdef");
}

/* Our order number: [A-Z0-9]{1,32}. */
int
paykv_order_ok(const char *s)
{
	return paykv_span(s, 1, 32, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
}

/* The platform's serial: [A-Za-z0-9]{1,64}. */
int
paykv_trade_ok(const char *s)
{
	return paykv_span(s, 1, 64, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789");
}
