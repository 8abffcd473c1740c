/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* captcha.c: image captchas (图形验证码) before SMS sends and busy logins */

/*
 * SECURITY.md §1 lets a captcha stand in for a lock, so nobody can lock
 * a whole unit out cheaply; issue 7 asks for one before a registration
 * SMS.  GET /captcha draws CAPTCHA_DIGITS random digits with the font of
 * the ID-number stamp (image.c), sheared, jittered and speckled, as a
 * JPEG.  It belongs to the browser's cookie (the row's id is the SHA-256
 * of the session or pre-login cookie, as sessions are stored), a new one
 * replaces the old, only a keyed hash of the answer is kept, it lives
 * CAPTCHA_TTL seconds and is spent by the first check, right or wrong.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "web.h"

#define CAPTCHA_DIGITS	4
#define CAPTCHA_W	120
#define CAPTCHA_H	40
#define CAPTCHA_U	4	/* glyph block: 20 x 28 pixels */
#define CAPTCHA_LINES	4	/* noise strokes across the digits */

/* n random bytes (fatal if the generator fails, as token_new does). */
static void
captcha_rand(unsigned char *buf, size_t n)
{
	if (RAND_bytes(buf, (int)n) != 1)
		fatalx("RAND_bytes failed");
}

/* The row id of the request's cookie into h: 0, or -1 if it has none. */
static int
captcha_id(struct req *r, unsigned char h[MAC_LEN])
{
	const char	*c = r->sid[0] != '\0' ? r->sid : r->pre;

	if (*c == '\0')
		return -1;
	token_hash(c, h);
	return 0;
}

/* The stored form of an answer: keyed, and bound to the row id. */
static void
captcha_mac(struct req *r, const unsigned char id[MAC_LEN],
    const char *answer, unsigned char out[MAC_LEN])
{
	char	 buf[MAC_LEN * 2 + 16];

	hex_encode(id, MAC_LEN, buf);
	snprintf(buf + MAC_LEN * 2, sizeof(buf) - MAC_LEN * 2, ":%s", answer);
	pii_mac(r->cfg, "captcha", buf, out);
	OPENSSL_cleanse(buf, sizeof(buf));
}

/* Speckled light background, dark sheared digits, strokes over them. */
static void
captcha_draw(struct image *img, const char *answer)
{
	unsigned char	 noise[CAPTCHA_W * CAPTCHA_H], j[CAPTCHA_DIGITS * 3];
	unsigned char	 ln[CAPTCHA_LINES * 4], ink[3];
	size_t		 i;
	int		 k, x, y, x0, y0, x1, y1;

	captcha_rand(noise, sizeof(noise));
	for (i = 0; i < sizeof(noise); i++)
		memset(img->rgb + i * 3, 200 + noise[i] % 56, 3);
	captcha_rand(j, sizeof(j));
	for (k = 0; k < CAPTCHA_DIGITS; k++) {
		ink[0] = j[k * 3] % 90;
		ink[1] = j[k * 3 + 1] % 90;
		ink[2] = (ink[0] + ink[1]) / 2;
		image_glyph(img, answer[k], 8 + k * 27 + j[k * 3] % 5,
		    3 + j[k * 3 + 1] % 8, CAPTCHA_U, (int)(j[k * 3 + 2] % 3) - 1,
		    ink);
	}
	/* Strokes from the left half to the right half, a pixel thick. */
	captcha_rand(ln, sizeof(ln));
	for (k = 0; k < CAPTCHA_LINES; k++) {
		x0 = ln[k * 4] % (CAPTCHA_W / 3);
		y0 = ln[k * 4 + 1] % CAPTCHA_H;
		x1 = CAPTCHA_W - 1 - ln[k * 4 + 2] % (CAPTCHA_W / 3);
		y1 = ln[k * 4 + 3] % CAPTCHA_H;
		for (x = x0; x <= x1; x++) {
			y = y0 + (y1 - y0) * (x - x0) / (x1 - x0);
			memset(img->rgb + ((size_t)y * CAPTCHA_W + x) * 3,
			    60 + ln[k * 4] % 80, 3);
		}
	}
}

/* CAPTCHA_DIGITS uniform random digits into answer (NUL-terminated). */
static void
captcha_answer(char answer[CAPTCHA_DIGITS + 1])
{
	unsigned char	 b;
	int		 k;

	for (k = 0; k < CAPTCHA_DIGITS; k++) {
		do
			captcha_rand(&b, 1);
		while (b >= 250);	/* no modulo bias */
		answer[k] = '0' + b % 10;
	}
	answer[k] = '\0';
}

/*
 * GET /captcha: a new captcha for the browser's cookie, replacing any
 * earlier one, sent as a JPEG that is never cached.
 */
enum rc
h_captcha(struct req *r)
{
	struct image	 img;
	unsigned char	 id[MAC_LEN], am[MAC_LEN], *jpg;
	char		 answer[CAPTCHA_DIGITS + 1];
	size_t		 len;

	if (captcha_id(r, id) == -1)
		return RC_BADREQ;
	captcha_answer(answer);
	captcha_mac(r, id, answer, am);
	img.w = CAPTCHA_W;
	img.h = CAPTCHA_H;
	img.rgb = xmalloc((size_t)CAPTCHA_W * CAPTCHA_H * 3);
	captcha_draw(&img, answer);
	OPENSSL_cleanse(answer, sizeof(answer));
	if (image_encode(&img, 60, &jpg, &len) == -1) {
		image_free(&img);
		return RC_INTERNAL;
	}
	image_free(&img);
	if (db_run(r, STMT_CAPTCHA_SWEEP) == -1 ||
	    db_run(r, STMT_CAPTCHA_SET, id, sizeof(id), am,
	    sizeof(am)) == -1) {
		free(jpg);
		return RC_DB;
	}
	resp_headers(r, "image/jpeg", (long long)len);
	FCGX_PutStr((const char *)jpg, (int)len, r->fcgx->out);
	free(jpg);
	r->sent = 1;
	return RC_OK;
}

/*
 * Adds the captcha to the request's form (the stylesheet shows the image
 * and the field), with the error msg if not NULL.
 */
void
captcha_field(struct req *r, const char *msg)
{
	xml_field(r, "captcha", NULL);
	if (msg != NULL)
		xml_field_error(r, "captcha", msg);
}

/*
 * Checks the form's captcha answer against the cookie's captcha and
 * spends that captcha whatever the outcome.  Returns NULL if right, else
 * the message for the captcha field; r->status is 503 if the database
 * failed.
 */
const char *
captcha_check(struct req *r)
{
	const char	*a = form_text(&r->body, "captcha");
	unsigned char	 id[MAC_LEN], am[MAC_LEN];
	int		 n;

	if (*a == '\0')
		return "请输入图形验证码。";
	if (strlen(a) != CAPTCHA_DIGITS ||
	    strspn(a, "0123456789") != CAPTCHA_DIGITS)
		return "图形验证码为4位数字，请看图填写。";
	if (captcha_id(r, id) == -1)
		return "图形验证码已失效，请点击图片换一张。";
	captcha_mac(r, id, a, am);
	if ((n = db_run(r, STMT_CAPTCHA_USE, id, sizeof(id), am,
	    sizeof(am))) == 1)
		return NULL;
	if (n == -1 || db_run(r, STMT_CAPTCHA_DROP, id,
	    sizeof(id)) == -1) {
		r->status = 503;
		return "系统繁忙，请稍后再试。";
	}
	return "图形验证码不正确或已过期，请看新的图片重新填写。";
}
