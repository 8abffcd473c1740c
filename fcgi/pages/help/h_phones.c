/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_phones.c: 咨询电话, kept by each office, listed for everyone */

#include <string.h>

#include "web.h"

#define MAX_PHONES	5	/* numbers per office */
#define MAX_LABEL	20	/* characters of a label */
#define MAX_NUMBER	24	/* bytes of a number as typed */
#define MAX_REASON	190	/* audit.reason is 200 characters */
#define D_LABEL		"咨询电话"
#define MSG_LABEL	"说明含有无法识别的字符，请只填写文字，如“市工考办”。"
#define MSG_NUMBER	"电话号码格式不正确：固定电话请带区号，如0371-61612579" \
			"（分机可写作0371-61612579-801）；手机号为11位数字。"

/* One stored number and its office (STMT_PHONE_LIST). */
struct ph {
	char		*code, *name, *kind, *parent, *label, *phone;
};

/* Returns the number of bytes of s that are digits, from the start. */
static size_t
phones_digits(const char *s)
{
	return strspn(s, "0123456789");
}

/*
 * The shapes a consultation number may take: a landline with its area
 * code (0371-61612579, 037161612579), optionally an extension after '-'
 * or 转; a mobile (13812345678); a 400/800 line (400-123-4567); a
 * five-digit service line (12333).  Returns 1 if s is one of them.
 */
static int
phone_shape(const char *s)
{
	size_t	 n = phones_digits(s), m;

	if (n == 11 && s[0] == '1' && s[1] >= '3' && s[n] == '\0')
		return 1;			/* mobile */
	if (n == 5 && s[0] == '1' && s[n] == '\0')
		return 1;			/* 12333 */
	if ((s[0] == '4' || s[0] == '8') && strncmp(s + 1, "00", 2) == 0) {
		if (n == 10 && s[n] == '\0')
			return 1;
		return n == 3 && s[3] == '-' && phones_digits(s + 4) == 3 &&
		    s[7] == '-' && phones_digits(s + 8) == 4 && s[12] == '\0';
	}
	if (s[0] != '0')
		return 0;
	if (n >= 3 && n <= 4 && s[n] == '-') {	/* 0371-61612579 */
		m = phones_digits(s + n + 1);
		if (m < 7 || m > 8)
			return 0;
		s += n + 1 + m;
	} else if (n >= 10 && n <= 12)		/* 037161612579 */
		s += n;
	else
		return 0;
	if (*s == '\0')
		return 1;
	if (*s == '-')
		s++;
	else if (strncmp(s, "转", strlen("转")) == 0)
		s += strlen("转");
	else
		return 0;
	n = phones_digits(s);
	return n >= 1 && n <= 6 && s[n] == '\0';
}

/* The number of UTF-8 characters of s. */
static size_t
u8len(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if ((*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* True when s has a control character or markup we never want. */
static int
label_bad_chars(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '<' ||
		    *s == '>' || *s == '&' || *s == '"')
			return 1;
	return 0;
}

/* Checks a label; NULL or the Chinese message. */
static const char *
label_check(const char *s)
{
	if (valid_chars(s, 0) < 0 || label_bad_chars(s))
		return MSG_LABEL;
	if (u8len(s) > MAX_LABEL)
		return "说明不能超过20个字。";
	return NULL;
}

/* Checks a number; NULL or the Chinese message. */
static const char *
number_check(const char *s)
{
	if (strlen(s) > MAX_NUMBER || !phone_shape(s))
		return MSG_NUMBER;
	return NULL;
}

/*
 * Reads the office's numbers into the form fields label_N and phone_N.
 * Returns 0 or -1 on a database failure.
 */
static int
edit_fill(struct req *r)
{
	char	*label, *phone, name[16];
	int	 k, i = 0;

	if (db_run(r, STMT_PHONE_OF, r->unit_region) == -1)
		return -1;
	while ((k = db_row(r, STMT_PHONE_OF, &label, &phone)) == 1)
		if (i < MAX_PHONES) {
			i++;
			snprintf(name, sizeof(name), "label_%d", i);
			xml_field(r, name, label);
			snprintf(name, sizeof(name), "phone_%d", i);
			xml_field(r, name, phone);
		}
	return k == -1 ? -1 : 0;
}

/*
 * The page of the office's own region: <phoneedit region region-name
 * max>.  Returns RC_OK, RC_FORBIDDEN for an office without a region,
 * RC_DB.
 */
static enum rc
edit_page(struct req *r)
{
	char	*name, *kind;
	int	 k;

	xml_page(r, PAGE_PHONEEDIT);
	if (r->unit_region == NULL || *r->unit_region == '\0')
		return RC_FORBIDDEN;
	if (db_run(r, STMT_REGION_GET, r->unit_region) == -1 ||
	    (k = db_row(r, STMT_REGION_GET, &name, &kind)) == -1)
		return RC_DB;
	if (k == 1)
		db_done(r, STMT_REGION_GET);
	xml_attr(r->root, "region", r->unit_region);
	xml_attr(r->root, "region-name", k == 1 ? name : r->unit_region);
	xml_attrf(r->root, "max", "%d", MAX_PHONES);
	xml_form(r, "/admin/phones");
	return RC_OK;
}

/* GET /admin/phones: the office's own numbers, to edit. */
enum rc
h_phones_edit(struct req *r)
{
	enum rc	 rc;

	if ((rc = edit_page(r)) != RC_OK)
		return rc;
	return edit_fill(r) == -1 ? RC_DB : RC_OK;
}

/* The field checks of the rows (field.c calls them when given). */
static const char *
phones_check_label(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	(void)f;
	return label_check(v->s);
}

static const char *
phones_check_number(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	(void)f;
	return number_check(v->s);
}

#define LABEL(n)	{ "label_" #n, FT_TEXT, 0, 0, 1000, NULL, MSG_LABEL, \
			    NULL, phones_check_label }
#define NUMBER(n)	{ "phone_" #n, FT_TEXT, 0, 0, 1000, NULL, MSG_NUMBER, \
			    NULL, phones_check_number }

/*
 * The fields of POST /admin/phones: label_N, phone_N of each row, N 1 to
 * MAX_PHONES, at index 2(N-1) and 2(N-1)+1.
 */
const struct fielddef h_phones_fields[] = {
	LABEL(1), NUMBER(1), LABEL(2), NUMBER(2), LABEL(3), NUMBER(3),
	LABEL(4), NUMBER(4), LABEL(5), NUMBER(5),
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * What the fields cannot see alone: a label without its number, a
 * number given twice.  Good rows (a number given) go to labels and
 * numbers.  Returns how many.
 */
static int
post_rows(struct req *r, const char **labels, const char **numbers)
{
	const struct fval	*l, *p;
	int			 i, j, n = 0;

	for (i = 0; i < MAX_PHONES; i++) {
		l = &r->fv[2 * i];
		p = &r->fv[2 * i + 1];
		if (*p->s == '\0') {
			if (*l->s != '\0' && l->err == NULL)
				xml_field_error(r, h_phones_fields[2 * i + 1].key,
				    "请填写电话号码，或清空这一行的说明。");
			continue;
		}
		if (p->err != NULL || l->err != NULL)
			continue;
		for (j = 0; j < n && strcmp(numbers[j], p->s) != 0; j++)
			;
		if (j < n) {
			xml_field_error(r, h_phones_fields[2 * i + 1].key,
			    "这个号码上面已经填写过了。");
			continue;
		}
		labels[n] = *l->s != '\0' ? l->s : D_LABEL;
		numbers[n++] = p->s;
	}
	return n;
}

/*
 * POST /admin/phones: replaces the office's numbers (up to five; none
 * clears them) in one transaction with its audit row.  Every row is
 * checked first; one wrong row keeps all unchanged.
 */
enum rc
h_phones_post(struct req *r)
{
	const char	*labels[MAX_PHONES], *numbers[MAX_PHONES];
	char		*why = "";
	enum rc		 rc;
	int		 i, n;

	if ((rc = edit_page(r)) != RC_OK)
		return rc;
	field_xml(r);
	n = post_rows(r, labels, numbers);
	if (r->form_bad) {
		xml_form_message(r, "请按提示修改后重新保存，咨询电话没有改动。");
		return RC_OK;
	}
	for (i = 0; i < n; i++)
		why = pool_printf(r->pool, "%s%s%s %s", why, i ? "; " : "",
		    labels[i], numbers[i]);
	if (strlen(why) > MAX_REASON)
		why[MAX_REASON] = '\0';	/* may cut a character: a log only */
	if (db_begin(r) == -1 ||
	    db_run(r, STMT_PHONE_CLEAR, r->unit_region) == -1)
		goto fail;
	for (i = 0; i < n; i++)
		if (db_run(r, STMT_PHONE_ADD, r->unit_region,
		    (long long)i + 1, labels[i], numbers[i],
		    r->account_id) == -1)
			goto fail;
	if (audit(r, "phones.set", pool_printf(r->pool, "phones:%s",
	    r->unit_region), "ok", why) == -1 || db_commit(r) == -1)
		goto fail;
	resp_redirect(r, "/admin/phones?m=saved");
	return RC_OK;
fail:
	db_rollback(r);
	return RC_DB;
}

/* Appends <phone label number> for every row of office code. */
static void
list_numbers(xmlNodePtr o, const struct ph *ph, int n, const char *code)
{
	xmlNodePtr	 p;
	int		 i;

	for (i = 0; i < n; i++)
		if (strcmp(ph[i].code, code) == 0) {
			p = xml_el(o, "phone", NULL);
			xml_attr(p, "label", ph[i].label);
			xml_attr(p, "number", ph[i].phone);
		}
}

/* Appends <office code name kind> with its numbers under parent. */
static xmlNodePtr
list_office(xmlNodePtr parent, const struct ph *ph, int n, const char *code,
    const char *name, const char *kind)
{
	xmlNodePtr	 o;

	o = xml_el(parent, "office", NULL);
	xml_attr(o, "code", code);
	xml_attr(o, "name", name);
	xml_attr(o, "kind", kind);
	list_numbers(o, ph, n, code);
	return o;
}

/* Reads every stored number into *out (pool).  Returns the count or -1. */
static int
list_read(struct req *r, struct ph **out)
{
	struct ph	*ph, x;
	int		 n, k, i = 0;

	if ((n = db_run(r, STMT_PHONE_LIST)) == -1)
		return -1;
	ph = pool_calloc(r->pool, n > 0 ? n : 1, sizeof(*ph));
	while ((k = db_row(r, STMT_PHONE_LIST, &x.code, &x.name,
	    &x.kind, &x.parent, &x.label, &x.phone)) == 1)
		if (i < n)
			ph[i++] = x;
	*out = ph;
	return k == -1 ? -1 : i;
}

/*
 * GET /help/phones: the province office's numbers, then every city and
 * directly administered county (with 暂未公布 when it has none), each
 * with the counties under it that have published numbers.
 */
enum rc
h_phones(struct req *r)
{
	struct ph	*ph;
	xmlNodePtr	 list, o;
	char		*code, *name, *kind;
	int		 n, k, i, j;

	xml_page(r, PAGE_PHONES);
	if ((n = list_read(r, &ph)) == -1)
		return RC_DB;
	list = xml_el(r->root, "offices", NULL);
	for (i = 0; i < n; i++)
		if (strcmp(ph[i].kind, "province") == 0 &&
		    (i == 0 || strcmp(ph[i - 1].code, ph[i].code) != 0))
			list_office(list, ph, n, ph[i].code, ph[i].name,
			    ph[i].kind);
	if (db_run(r, STMT_REGION_LIST_TOP) == -1)
		return RC_DB;
	while ((k = db_row(r, STMT_REGION_LIST_TOP, &code, &name,
	    &kind)) == 1) {
		o = list_office(list, ph, n, code, name, kind);
		for (j = 0; j < n; j++)
			if (strcmp(ph[j].parent, code) == 0 &&
			    (j == 0 || strcmp(ph[j - 1].code, ph[j].code) != 0))
				list_office(o, ph, n, ph[j].code, ph[j].name,
				    ph[j].kind);
	}
	return k == -1 ? RC_DB : RC_OK;
}
