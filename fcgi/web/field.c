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
 * it takes (struct fielddef, in the handler's file); this step reads each
 * one from the query string or the body, checks its type and limits and
 * keeps the typed value in r->fv[i] with a message when it is wrong.
 * A GET with a wrong field is answered 400 here; a POST's handler
 * renders its form with field_xml(), which puts every value back and
 * every message next to its field.  Keys a route does not declare are
 * never read.
 */

#include <string.h>

#include "web.h"

/* Checks the value of f in v; v->err is set when it is wrong. */
static void
field_check(struct req *r, const struct fielddef *f, struct fval *v)
{
	long long	 n;
	size_t		 i;

	if (*v->s == '\0') {
		if (f->flags & FL_REQ)
			v->err = f->need != NULL ? f->need : f->bad;
		return;
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
	}
	if (v->err == NULL && f->check != NULL)
		v->err = f->check(r, f, v);
}

/*
 * Reads and checks the fields of the request's route into r->fv.
 * Returns RC_OK, or RC_BADREQ for a GET with a wrong field (the first
 * message in r->message).
 */
enum rc
field_parse(struct req *r)
{
	const struct fielddef	*f = r->route->fields;
	size_t			 i, n;

	if (f == NULL)
		return RC_OK;
	for (n = 0; f[n].key != NULL; n++)
		;
	r->fv = pool_alloc(r->pool, n * sizeof(*r->fv));
	memset(r->fv, 0, n * sizeof(*r->fv));
	for (i = 0; i < n; i++) {
		r->fv[i].s = form_text((f[i].flags & FL_QUERY) ? &r->query :
		    &r->body, f[i].key);
		field_check(r, &f[i], &r->fv[i]);
		if (r->fv[i].err != NULL && !r->fields_bad) {
			r->fields_bad = 1;
			if (r->method == M_GET)
				r->message = r->fv[i].err;
		}
	}
	return r->fields_bad && r->method == M_GET ? RC_BADREQ : RC_OK;
}

/*
 * Puts the route's fields into the page's form (xml_form first): each
 * value but the secret ones, and each message next to its field.
 */
void
field_xml(struct req *r)
{
	const struct fielddef	*f = r->route->fields;
	size_t			 i;

	for (i = 0; f != NULL && f[i].key != NULL; i++) {
		if (!(f[i].flags & FL_SECRET))
			xml_field(r, f[i].key, r->fv[i].s);
		if (r->fv[i].err != NULL)
			xml_field_error(r, f[i].key, r->fv[i].err);
	}
}
