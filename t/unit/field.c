/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* field.c: the field-map step: types, limits, messages, query or body */

#include <string.h>

#include "web.h"
#include "tap.h"

static int	 checked;	/* calls of check_even */

/* A further check: the number must be even. */
static const char *
check_even(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	(void)f;
	checked++;
	return v->n % 2 == 0 ? NULL : "应为偶数。";
}

static const char *const colours[] = { "red", "green", NULL };

/* A check that reads an earlier field of the route (r->fv is set). */
static const char *
check_same(struct req *r, const struct fielddef *f, struct fval *v)
{
	return strcmp(v->s, r->fv[0].s) == 0 ? NULL : f->bad;
}

enum { T_NAME, T_NOTE, T_AGE, T_EVEN, T_COLOUR, T_PAGE, T_SAME };
static const struct fielddef fields[] = {
	[T_NAME] = { "name", FT_TEXT, FL_REQ, 2, 4, "请填写名称。",
	    "名称应为2至4个字。", NULL, NULL },
	[T_NOTE] = { "note", FT_TEXT, FL_LINES, 0, 10, NULL, "备注过长。",
	    NULL, NULL },
	[T_AGE] = { "age", FT_UINT, 0, 16, 70, NULL, "年龄应为16至70。",
	    NULL, NULL },
	[T_EVEN] = { "even", FT_UINT, 0, 0, 100, NULL, "应为0至100。",
	    NULL, check_even },
	[T_COLOUR] = { "colour", FT_CHOICE, FL_REQ, 0, 0, "请选择颜色。",
	    "没有这种颜色。", colours, NULL },
	[T_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 99, NULL, "页码不正确。",
	    NULL, NULL },
	[T_SAME] = { "same", FT_TEXT, 0, 0, 10, NULL, "应与名称相同。", NULL,
	    check_same },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

static struct route	 route = { M_POST, "/t", PAGE_LOGIN, RS_ANY, 0, NULL,
			    fields };

/* A check whose database failed. */
static const char *
check_dbfail(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	(void)f;
	(void)v;
	return field_dbfail;
}

enum { D_DAY, D_BORN, D_EDU, D_DB, D_PW, D_SEND, D_CODES };
static const struct fielddef dates[] = {
	[D_DAY] = { "day", FT_DATE, 0, 1940, 2030, NULL, NULL, NULL, NULL },
	[D_BORN] = { "born", FT_DATE, FL_QUERY, 1900, 2020, NULL,
	    "出生日期不正确。", NULL, NULL },
	/* Too long a code is refused before the list is read. */
	[D_EDU] = { "edu", FT_CODE, 0, STMT_EDU_LIST, 2, NULL,
	    "请从列表中选择文化程度。", NULL, NULL },
	[D_DB] = { "db", FT_TEXT, 0, 0, 10, NULL, "?", NULL, check_dbfail },
	[D_PW] = { "pw", FT_TEXT, FL_RAW | FL_SECRET, 0, 10, NULL, "?", NULL,
	    NULL },
	[D_SEND] = { "send", FT_TEXT, 0, 0, 10, NULL, "?", NULL, NULL },
	[D_CODES] = { "c[]", FT_UINT, FL_MANY, 1, 9, NULL, "代码应为1至9。",
	    NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* Parses body into a new form f. */
static void
parse(struct req *r, const char *body, struct form *f)
{
	memset(f, 0, sizeof(*f));
	if (form_parse_urlencoded(r->pool, body, strlen(body), f) != NULL)
		bail("bad test input %s", body);
}

/* FT_DATE, FT_CODE's length, field_one, field_read, R_INPAGE, RC_DB. */
static void
more(void)
{
	struct req	 r;
	struct fval	*fv, v;
	struct form	 f;
	int		 bad;

	memset(&r, 0, sizeof(r));
	r.pool = pool_new();
	parse(&r, "day=2020-02-29&edu=600&x_2024=3", &f);
	fv = field_read(&r, dates, &f, &f, &bad);
	ok(fv != NULL && bad, "field_read: a wrong field marks the form bad");
	is_int(20200229, fv[D_DAY].n, "FT_DATE: the value as YYYYMMDD");
	ok(fv[D_DAY].err == NULL, "FT_DATE: a leap day is a date");
	is_string("请从列表中选择文化程度。", fv[D_EDU].err ? fv[D_EDU].err :
	    "(none)", "FT_CODE: a code over max bytes is refused");
	ok(fv[D_BORN].err == NULL && *fv[D_BORN].s == '\0',
	    "field_read: FL_QUERY and the other form");
	is_int(0, field_one(&r, &dates[D_DAY], "x_2024", &f, &v),
	    "field_one: a key made at run time");
	is_string("3", v.s, "field_one: the value under that key");
	ok(v.err != NULL, "field_one: checked as its field (not a date)");
	pool_free(r.pool);

	memset(&r, 0, sizeof(r));
	r.pool = pool_new();
	parse(&r, "day=2021-02-29", &f);
	fv = field_read(&r, dates, &f, &f, &bad);
	ok(fv[D_DAY].err != NULL && strstr(fv[D_DAY].err, "日期") != NULL,
	    "FT_DATE without bad: valid_date's own message (%s)",
	    fv[D_DAY].err ? fv[D_DAY].err : "none");
	parse(&r, "day=1939-12-31", &f);
	fv = field_read(&r, dates, &f, &f, &bad);
	ok(fv[D_DAY].err != NULL, "FT_DATE: a year under min");
	parse(&r, "born=2021-01-01", &f);
	fv = field_read(&r, dates, &f, &f, &bad);
	is_string("出生日期不正确。", fv[D_BORN].err ? fv[D_BORN].err :
	    "(none)", "FT_DATE: a year over max, the field's message");
	parse(&r, "born=20200101", &f);
	fv = field_read(&r, dates, &f, &f, &bad);
	is_string("出生日期不正确。", fv[D_BORN].err ? fv[D_BORN].err :
	    "(none)", "FT_DATE: no dashes");
	parse(&r, "db=x", &f);
	ok(field_read(&r, dates, &f, &f, &bad) == NULL,
	    "a check's database failure: NULL");
	parse(&r, "pw=+a+b+&send=", &f);
	fv = field_read(&r, dates, &f, &f, &bad);
	is_string(" a b ", fv[D_PW].s, "FL_RAW: the value as sent, spaces kept");
	ok(fv[D_SEND].given && *fv[D_SEND].s == '\0',
	    "given: an empty key was sent");
	ok(!fv[D_DAY].given, "given: a key not sent");
	parse(&r, "c%5B%5D=3&c%5B%5D=+5+&x=1&c%5B%5D=7", &f);
	fv = field_read(&r, dates, &f, &f, &bad);
	ok(fv[D_CODES].neach == 3 && fv[D_CODES].each[1].n == 5 &&
	    fv[D_CODES].each[2].n == 7 && fv[D_CODES].err == NULL,
	    "FL_MANY: every value, each trimmed and typed");
	is_string("3", fv[D_CODES].s, "FL_MANY: s is the first value");
	parse(&r, "c%5B%5D=3&c%5B%5D=12", &f);
	fv = field_read(&r, dates, &f, &f, &bad);
	is_string("代码应为1至9。", fv[D_CODES].err ? fv[D_CODES].err : "(none)",
	    "FL_MANY: a wrong later value is the field's message");
	ok(fv[D_CODES].each[0].err == NULL && fv[D_CODES].each[1].err != NULL,
	    "FL_MANY: each value has its own message");
	parse(&r, "x=1", &f);
	fv = field_read(&r, dates, &f, &f, &bad);
	ok(fv[D_CODES].neach == 0 && !fv[D_CODES].given &&
	    fv[D_CODES].err == NULL, "FL_MANY: none sent");
	parse(&r, "pw=+a+", &f);
	fv = field_read(&r, dates + D_SEND, &f, &f, &bad);
	ok(!fv[0].given, "given: another key");
	pool_free(r.pool);
}

/* Runs the step over a body and a query; returns its rc. */
static enum rc
run(struct req *r, enum method m, const char *body, const char *query)
{
	memset(r, 0, sizeof(*r));
	r->pool = pool_new();
	r->method = m;
	r->route = &route;
	if (form_parse_urlencoded(r->pool, body, strlen(body), &r->body) !=
	    NULL || form_parse_urlencoded(r->pool, query, strlen(query),
	    &r->query) != NULL)
		bail("bad test input %s / %s", body, query);
	return field_parse(r);
}

/* One wrong value of one field: its message, and the others fine. */
static void
one_bad(const char *body, int idx, const char *msg, const char *why)
{
	struct req	 r;
	int		 i, others = 1;

	is_int(RC_OK, run(&r, M_POST, body, ""), "%s: a POST goes on", why);
	ok(r.fields_bad, "%s: marked bad", why);
	is_string(msg, r.fv[idx].err ? r.fv[idx].err : "(none)",
	    "%s: the field's message", why);
	for (i = 0; fields[i].key != NULL; i++)
		if (i != idx && r.fv[i].err != NULL)
			others = 0;
	ok(others, "%s: no other field has a message", why);
	pool_free(r.pool);
}

int
main(void)
{
	struct req	 r;

	plan_lazy();

	is_int(RC_OK, run(&r, M_POST, "name=%E5%BC%A0%E4%B8%89&note=a%0D%0Ab"
	    "&age=30&even=4&colour=green", "page=7"), "good values: RC_OK");
	ok(!r.fields_bad, "good values: nothing bad");
	is_string("张三", r.fv[T_NAME].s, "text value");
	is_string("a\r\nb", r.fv[T_NOTE].s, "FL_LINES keeps line breaks");
	is_int(30, r.fv[T_AGE].n, "number value");
	is_int(1, r.fv[T_COLOUR].n, "choice index");
	is_int(7, r.fv[T_PAGE].n, "FL_QUERY reads the query string");
	is_int(1, checked, "the check ran once for a well-formed value");
	pool_free(r.pool);

	one_bad("note=x&colour=red", T_NAME, "请填写名称。", "FL_REQ missing");
	one_bad("name=+++&colour=red", T_NAME, "请填写名称。",
	    "FL_REQ only blanks");
	one_bad("name=%E5%BC%A0&colour=red", T_NAME, "名称应为2至4个字。",
	    "text under min characters");
	one_bad("name=%E5%BC%A0%E5%BC%A0%E5%BC%A0%E5%BC%A0%E5%BC%A0"
	    "&colour=red", T_NAME, "名称应为2至4个字。",
	    "text over max characters (counted as characters, not bytes)");
	one_bad("name=%E5%BC%A0%EF%BF%BE&colour=red", T_NAME,
	    "名称应为2至4个字。", "U+FFFE (not XML) refused");
	one_bad("name=%E5%BC%A0%EF%B7%90&colour=red", T_NAME,
	    "名称应为2至4个字。", "U+FDD0 (not XML) refused");
	one_bad("name=%E5%BC%A0%0A%E5%BC%A0&colour=red", T_NAME,
	    "名称应为2至4个字。", "a line break without FL_LINES refused");
	one_bad("name=%E5%BC%A0%E4%B8%89&colour=red&note=%7F", T_NOTE,
	    "备注过长。", "DEL refused");
	one_bad("name=ab&colour=red&age=15", T_AGE, "年龄应为16至70。",
	    "number under min");
	one_bad("name=ab&colour=red&age=71", T_AGE, "年龄应为16至70。",
	    "number over max");
	one_bad("name=ab&colour=red&age=3x", T_AGE, "年龄应为16至70。",
	    "number with a letter");
	one_bad("name=ab&colour=red&age=-20", T_AGE, "年龄应为16至70。",
	    "negative number");
	one_bad("name=ab&colour=red&even=3", T_EVEN, "应为偶数。",
	    "the check's own message");
	checked = 0;
	one_bad("name=ab&colour=red&even=x", T_EVEN, "应为0至100。",
	    "malformed: the type's message");
	is_int(0, checked, "the check does not run on a malformed value");
	one_bad("name=ab", T_COLOUR, "请选择颜色。", "choice missing");
	one_bad("name=ab&colour=blue", T_COLOUR, "没有这种颜色。",
	    "choice not in the list");
	is_int(RC_OK, run(&r, M_POST, "name=ab&colour=red&page=500", ""),
	    "FL_QUERY: a wrong value in the body is not read");
	ok(!r.fields_bad && *r.fv[T_PAGE].s == '\0',
	    "FL_QUERY: the field stays empty");
	pool_free(r.pool);

	is_int(RC_BADREQ, run(&r, M_GET, "name=ab&colour=red", "page=100"),
	    "a GET with a wrong field: RC_BADREQ");
	is_string("页码不正确。", r.message, "a GET: the message is the field's");
	pool_free(r.pool);
	is_int(RC_OK, run(&r, M_GET, "name=ab&colour=red", "page=1"),
	    "a GET with right fields: RC_OK");
	pool_free(r.pool);

	/* A check sees the fields before its own in r->fv. */
	is_int(RC_OK, run(&r, M_POST, "name=ab&colour=red&same=ab", ""),
	    "a check reading an earlier field: RC_OK");
	ok(r.fv[T_SAME].err == NULL, "... the same value passes");
	pool_free(r.pool);
	one_bad("name=ab&colour=red&same=xy", T_SAME, "应与名称相同。",
	    "a check reading an earlier field");

	/* R_INPAGE: a filter form's wrong field goes into its page. */
	route.flags = R_INPAGE;
	is_int(RC_OK, run(&r, M_GET, "name=ab&colour=red", "page=100"),
	    "R_INPAGE: a GET with a wrong field goes on to the handler");
	ok(r.fields_bad && r.fv[T_PAGE].err != NULL && r.message == NULL,
	    "R_INPAGE: the message is the field's, not the error page's");
	pool_free(r.pool);
	route.flags = 0;

	route.fields = dates;
	is_int(RC_DB, run(&r, M_POST, "db=x", ""),
	    "a check's database failure: RC_DB");
	pool_free(r.pool);
	more();

	route.fields = NULL;
	is_int(RC_OK, run(&r, M_POST, "", ""), "a route without fields");
	ok(r.fv == NULL, "a route without fields: no values");
	pool_free(r.pool);
	return 0;
}
