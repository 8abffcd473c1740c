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
 * field.c: the field-map step of the pipeline, after the gate and before
 * the handler (kcgi's validated keys).  Each route may declare the fields
 * it takes (struct fielddef, in the handler's file or its model); this
 * step reads each one from the query string or the body, checks its type
 * and limits and keeps the typed value in r->fv[i] with a message when it
 * is wrong.  A GET with a wrong field is answered 400 here, unless its
 * route is R_INPAGE (a filter form: the handler shows the messages in
 * its page); a POST's handler renders its form with field_xml(), which
 * puts every value back and every message next to its field.  Keys a
 * route does not declare are never read.
 *
 * A form read outside its route (a form kept for later, or one field
 * under a key made at run time, such as one per year) goes through the
 * same checks with field_read() and field_one().
 */

#include <stdint.h>
#include <string.h>

#include "web.h"

/* What a check returns when the database failed (the step gives RC_DB). */
const char	 field_dbfail[] = "数据库暂时不可用。";

/* A check of a text field: digits only (region codes and the like). */
const char *
field_check_digits(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	return strspn(v->s, "0123456789") == strlen(v->s) ? NULL : f->bad;
}

/* A check of a text field: a mainland mobile number (valid_phone). */
const char *
field_check_phone(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	(void)f;
	return valid_phone(v->s);
}

/*
 * FT_CODE: is v one of the codes statement f->min lists (rows of code,
 * name, rank)?  v->n is its rank.  Returns 1, 0, or -1 (database).
 */
static int
field_code(struct req *r, const struct fielddef *f, struct fval *v)
{
	enum stmt	 s = (enum stmt)f->min;
	char		*code, *name;
	long long	 rank;
	int		 n, found = 0;

	if (db_run(r, s) == -1)
		return -1;
	while ((n = db_row(r, s, &code, &name, &rank)) == 1)
		if (!found && strcmp(code, v->s) == 0) {
			v->n = rank;
			found = 1;
		}
	return n == -1 ? -1 : found;
}

/* FT_DATE: YYYY-MM-DD of a year in min..max; v->n is YYYYMMDD. */
static const char *
field_date(const struct fielddef *f, struct fval *v)
{
	const char	*msg;
	int		 y, m, d;

	if ((msg = valid_date(v->s, &y, &m, &d)) != NULL)
		return f->bad != NULL ? f->bad : msg;
	if (y < f->min || y > f->max)
		return f->bad != NULL ? f->bad : "日期超出范围，请核对。";
	v->n = (long long)y * 10000 + m * 100 + d;
	return NULL;
}

/*
 * Checks the value of f in v; v->err is set when it is wrong.  Returns
 * 0, or -1 when the database failed.
 */
static int
field_check(struct req *r, const struct fielddef *f, struct fval *v)
{
	long long	 n;
	size_t		 i;

	if (*v->s == '\0') {
		if (f->flags & FL_REQ)
			v->err = f->need != NULL ? f->need : f->bad;
		return 0;
	}
	switch (f->type) {
	case FT_TEXT:
		n = valid_chars(v->s, (f->flags & FL_LINES) != 0);
		if (n < 0 || n < f->min || n > f->max)
			v->err = f->bad;
		break;
	case FT_UINT:
		if (valid_uint(v->s, f->min, f->max, &v->n) == -1)
			v->err = f->bad;
		break;
	case FT_CHOICE:
		for (i = 0; f->choices[i] != NULL; i++)
			if (strcmp(f->choices[i], v->s) == 0)
				break;
		if (f->choices[i] == NULL)
			v->err = f->bad;
		v->n = (long long)i;
		break;
	case FT_DATE:
		v->err = field_date(f, v);
		break;
	case FT_CODE:
		if ((long long)strlen(v->s) > f->max)
			v->err = f->bad;
		else if ((n = field_code(r, f, v)) == -1)
			return -1;
		else if (n == 0)
			v->err = f->bad;
		break;
	}
	if (v->err == NULL && f->check != NULL)
		v->err = f->check(r, f, v);
	if (v->err == field_dbfail) {
		v->err = NULL;
		return -1;
	}
	return 0;
}

/*
 * FL_MANY: every value of key in the form (file parts aside) into
 * v->each, each checked; v has the first value and the first message.
 * Returns 0, or -1 (database).
 */
static int
field_many(struct req *r, const struct fielddef *f, const char *key,
    const struct form *form, struct fval *v)
{
	struct field	*ff;
	struct fval	*e;
	size_t		 i, n = 0;

	for (i = 0; i < form->nfields; i++)
		if (strcmp(form->fields[i].name, key) == 0 &&
		    form->fields[i].filename == NULL)
			n++;
	v->each = pool_calloc(r->pool, n + 1, sizeof(*v->each));
	for (i = 0; i < form->nfields; i++) {
		ff = &form->fields[i];
		if (strcmp(ff->name, key) != 0 || ff->filename != NULL)
			continue;
		e = &v->each[v->neach++];
		e->s = (f->flags & FL_RAW) ? ff->value : form_trim(ff->value);
		e->given = 1;
		if (field_check(r, f, e) == -1)
			return -1;
		if (v->err == NULL)
			v->err = e->err;
	}
	v->given = v->neach > 0;
	v->s = v->given ? v->each[0].s : "";
	if (!v->given && (f->flags & FL_REQ))
		v->err = f->need != NULL ? f->need : f->bad;
	return 0;
}

/*
 * Reads the value of the field f under key (f->key when NULL) from the
 * form into v and checks it.  Returns 0, or -1 (database).
 */
int
field_one(struct req *r, const struct fielddef *f, const char *key,
    const struct form *form, struct fval *v)
{
	memset(v, 0, sizeof(*v));
	if (key == NULL)
		key = f->key;
	if (f->flags & FL_MANY)
		return field_many(r, f, key, form, v);
	if (!(f->flags & FL_RAW))
		v->s = form_text(form, key);
	else if ((v->s = form_get(form, key)) == NULL)
		v->s = "";
	v->given = form_get(form, key) != NULL;
	return field_check(r, f, v);
}

/* The number of fields defs declares. */
static size_t
field_count(const struct fielddef *defs)
{
	size_t	 n;

	for (n = 0; defs[n].key != NULL; n++)
		;
	return n;
}

/*
 * Reads and checks the fields defs of a form (query and body) into fv,
 * in order (a check may look at the fields before its own).  Returns 0
 * with *bad set when some field is wrong, or -1 (database).
 */
static int
field_fill(struct req *r, const struct fielddef *defs,
    const struct form *query, const struct form *body, struct fval *fv,
    int *bad)
{
	size_t	 i;

	*bad = 0;
	for (i = 0; defs[i].key != NULL; i++) {
		if (field_one(r, &defs[i], NULL, (defs[i].flags & FL_QUERY) ?
		    query : body, &fv[i]) == -1)
			return -1;
		if (fv[i].err != NULL)
			*bad = 1;
	}
	return 0;
}

/*
 * Reads and checks the fields defs of a form (query and body) into a new
 * array of typed values.  Returns it with *bad set when some field is
 * wrong, or NULL when the database failed.
 */
struct fval *
field_read(struct req *r, const struct fielddef *defs,
    const struct form *query, const struct form *body, int *bad)
{
	struct fval	*fv;

	fv = pool_calloc(r->pool, field_count(defs) + 1, sizeof(*fv));
	return field_fill(r, defs, query, body, fv, bad) == -1 ? NULL : fv;
}

/*
 * Reads and checks the fields of the request's route into r->fv.
 * Returns RC_OK, RC_DB, or RC_BADREQ for a GET with a wrong field (the
 * first message in r->message) whose route is not R_INPAGE.
 */
enum rc
field_parse(struct req *r)
{
	const struct fielddef	*f = r->route->fields;
	size_t			 i;
	int			 bad;

	if (f == NULL)
		return RC_OK;
	/* r->fv first: a route's check may read the fields before its own. */
	r->fv = pool_calloc(r->pool, field_count(f) + 1, sizeof(*r->fv));
	if (field_fill(r, f, &r->query, &r->body, r->fv, &bad) == -1)
		return RC_DB;
	r->fields_bad = bad;
	if (!bad || r->method != M_GET || (r->route->flags & R_INPAGE))
		return RC_OK;
	for (i = 0; r->fv[i].err == NULL; i++)
		;
	r->message = r->fv[i].err;
	return RC_BADREQ;
}

/*
 * Puts the first n fields defs (all of them: SIZE_MAX) with their values
 * fv into the page's form (xml_form first): each value but the secret
 * ones, and each message next to its field.
 */
void
field_put(struct req *r, const struct fielddef *defs, const struct fval *fv,
    size_t n)
{
	size_t	 i;

	for (i = 0; defs != NULL && i < n && defs[i].key != NULL; i++) {
		if (!(defs[i].flags & FL_SECRET))
			xml_field(r, defs[i].key, fv[i].s);
		if (fv[i].err != NULL)
			xml_field_error(r, defs[i].key, fv[i].err);
	}
}

/* Puts the route's fields into the page's form (field_put). */
void
field_xml(struct req *r)
{
	field_put(r, r->route->fields, r->fv, SIZE_MAX);
}

/* Asks on the page to confirm action (<confirm action>): nothing done. */
void
field_confirm(struct req *r, const char *action)
{
	xmlNodePtr	 c;

	c = xml_el(r->root, "confirm", NULL);
	xml_attr(c, "action", action);
}

/*
 * The first steps of a change posted from a record's page (系统管理's
 * units and users): the route's fields back in the form, refused with
 * FIELD_FIX when one is wrong; when ask is not NULL and the change is not
 * yet confirmed, the page asks to confirm ask (field_confirm); else the
 * change's transaction begins.  Returns 1 to make the change, 0 when the
 * page answers, -1 on a database failure.
 */
int
field_change(struct req *r, const char *ask, int confirmed)
{
	field_xml(r);
	if (r->form_bad) {
		xml_form_message(r, FIELD_FIX);
		return 0;
	}
	if (ask != NULL && !confirmed) {
		field_confirm(r, ask);
		return 0;
	}
	return db_begin(r) == -1 ? -1 : 1;
}

/*
 * Ends the transaction of a change the model answered with msg: commits
 * when msg is NULL, else rolls back and puts the refusal next to field
 * (NULL: above the form).  Returns 1 when made, 0 when refused, -1 when
 * the database failed (msg field_dbfail too).
 */
int
field_change_end(struct req *r, const char *msg, const char *field)
{
	if (msg == NULL && db_commit(r) == 0)
		return 1;
	db_rollback(r);
	if (msg == NULL || msg == field_dbfail)
		return -1;
	if (field != NULL) {
		xml_field_error(r, field, msg);
		xml_form_message(r, FIELD_FIX);
	} else
		xml_form_refuse(r, msg);
	return 0;
}
