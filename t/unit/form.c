/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/form.c: tests of the urlencoded and multipart form parsers */

#include <string.h>

#include "web.h"
#include "tap.h"

/* Inputs that must be refused, with the reason in the test name. */
static const struct {
	const char	*in;
	const char	*why;
} bad_urlencoded[] = {
	{ "a=%zz", "bad percent escape" },
	{ "a=%4", "truncated percent escape" },
	{ "a=%", "lone percent sign" },
	{ "a=1&a=2", "duplicate key" },
	{ "name=%FF%FE", "invalid UTF-8" },
	{ "name=%C0%AF", "overlong UTF-8" },
	{ "name=a%00b", "NUL byte in value" },
	{ "na%00me=x", "NUL byte in name" },
	{ "Name=x", "upper-case name" },
	{ "a b=x", "space in name" },
	{ "=x", "empty name" },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=1",
	  "name over 64 characters" },
	{ "x=%01", "control character" },
};

static void
test_urlencoded(void)
{
	struct pool	*p = pool_new();
	struct form	 f;
	const char	*err, *s;
	char		 many[MAX_FIELDS * 8 + 64];
	size_t		 i, n;

	memset(&f, 0, sizeof(f));
	s = "name=%E5%BC%A0%E4%B8%89&phone=138+0013&empty=&flag&&csrf=a%2Bb";
	err = form_parse_urlencoded(p, s, strlen(s), &f);
	ok(err == NULL, "good body parses");
	is_int(5, f.nfields, "five fields");
	is_string("张三", form_get(&f, "name"), "percent-decoded UTF-8");
	is_string("138 0013", form_get(&f, "phone"), "plus is a space");
	is_string("", form_get(&f, "empty"), "empty value");
	is_string("", form_get(&f, "flag"), "name without =");
	is_string("a+b", form_get(&f, "csrf"), "%%2B is a plus");
	ok(form_get(&f, "missing") == NULL, "missing field is NULL");

	for (i = 0; i < sizeof(bad_urlencoded) / sizeof(bad_urlencoded[0]); i++) {
		memset(&f, 0, sizeof(f));
		err = form_parse_urlencoded(p, bad_urlencoded[i].in,
		    strlen(bad_urlencoded[i].in), &f);
		ok(err != NULL, "refused: %s", bad_urlencoded[i].why);
	}

	memset(&f, 0, sizeof(f));
	err = form_parse_urlencoded(p, "a[]=1&a[]=2", 11, &f);
	ok(err == NULL && f.nfields == 2, "list names may repeat");

	/* Exactly MAX_FIELDS fields pass, one more is refused. */
	for (n = 0, i = 0; i < MAX_FIELDS; i++)
		n += (size_t)snprintf(many + n, sizeof(many) - n, "f%zu=1&", i);
	memset(&f, 0, sizeof(f));
	ok(form_parse_urlencoded(p, many, n, &f) == NULL,
	    "%d fields accepted", MAX_FIELDS);
	n += (size_t)snprintf(many + n, sizeof(many) - n, "extra=1");
	memset(&f, 0, sizeof(f));
	ok(form_parse_urlencoded(p, many, n, &f) != NULL,
	    "%d fields refused", MAX_FIELDS + 1);

	memset(&f, 0, sizeof(f));
	s = "a=  x y \t";
	form_parse_urlencoded(p, s, strlen(s), &f);
	is_string("x y", form_text(&f, "a"), "form_text trims blanks");
	is_string("", form_text(&f, "nope"), "form_text of a missing field");
	pool_free(p);
}

#define CT	"multipart/form-data; boundary=XyZ"

static void
test_multipart(void)
{
	struct pool		*p = pool_new();
	struct form		 f;
	const struct field	*fd;
	const char		*err, *b;

	static const char good[] = "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"name\"\r\n\r\n"
	    "张三\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"idcard\"; "
	    "filename=\"C:\\\\Users\\\\me\\\\..\\\\id.jpg\"\r\n"
	    "Content-Type: image/jpeg\r\n\r\n"
	    "\xff\xd8\xff\x00\r\nbinary\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"empty\"; filename=\"\"\r\n"
	    "Content-Type: application/octet-stream\r\n\r\n"
	    "\r\n"
	    "--XyZ--\r\n";

	memset(&f, 0, sizeof(f));
	b = good;
	err = form_parse_multipart(p, CT, good, sizeof(good) - 1, &f);
	ok(err == NULL, "good multipart parses");
	is_string("张三", form_get(&f, "name"), "text part");
	fd = form_field(&f, "idcard");
	ok(fd != NULL && fd->filename != NULL, "file part found");
	if (fd != NULL && fd->filename != NULL) {
		is_string("id.jpg", fd->filename, "path stripped from file name");
		is_int(12, fd->len, "file length keeps CRLF inside");
		ok(memcmp(fd->value, "\xff\xd8\xff\x00\r\nbinary", 12) == 0,
		    "file bytes intact, NUL included");
		is_string("image/jpeg", fd->ctype, "content type");
	} else {
		skip("no file part");
		skip("no file part");
		skip("no file part");
		skip("no file part");
	}
	ok(form_get(&f, "idcard") == NULL, "form_get skips file parts");
	fd = form_field(&f, "empty");
	ok(fd != NULL && fd->filename == NULL, "no file chosen: a text part");
	is_string("", form_get(&f, "empty"),
	    "no file chosen: the empty string, not the body after it");
	ok(fd != NULL && fd->len == 0, "no file chosen: length 0");

	memset(&f, 0, sizeof(f));
	err = form_parse_multipart(p, "multipart/form-data", b, strlen(b), &f);
	ok(err != NULL, "refused: no boundary");
	memset(&f, 0, sizeof(f));
	b = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nabc";
	ok(form_parse_multipart(p, CT, b, strlen(b), &f) != NULL,
	    "refused: truncated body");
	memset(&f, 0, sizeof(f));
	b = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
	    "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n2\r\n"
	    "--XyZ--\r\n";
	ok(form_parse_multipart(p, CT, b, strlen(b), &f) != NULL,
	    "refused: duplicate part names");
	memset(&f, 0, sizeof(f));
	b = "--XyZ\r\nContent-Type: text/plain\r\n\r\n1\r\n--XyZ--\r\n";
	ok(form_parse_multipart(p, CT, b, strlen(b), &f) != NULL,
	    "refused: part without Content-Disposition");
	memset(&f, 0, sizeof(f));
	b = "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n"
	    "\xff\xfe\r\n--XyZ--\r\n";
	ok(form_parse_multipart(p, CT, b, strlen(b), &f) != NULL,
	    "refused: text part not UTF-8");
	memset(&f, 0, sizeof(f));
	b = "garbage--XyZ\r\n";
	ok(form_parse_multipart(p, CT, b, strlen(b), &f) != NULL,
	    "refused: body not starting with the boundary");
	pool_free(p);
}

int
main(void)
{
	plan_lazy();
	test_urlencoded();
	test_multipart();
	return 0;
}
