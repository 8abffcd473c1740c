/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* render.c: stylesheets per role and page, compiled once; HTML or XML out */

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <libxml/xmlIO.h>
#include <libxml/xmlsave.h>
#include <libxslt/imports.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "web.h"

static xsltSecurityPrefsPtr	 prefs;

/* Output callback: straight into the FastCGI stream, no copy. */
static int
render_write(void *ctx, const char *buf, int len)
{
	return FCGX_PutStr(buf, len, ctx) == len ? len : -1;
}

static int
render_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/*
 * True if html.c writes what xsltSaveResultTo would for st's output:
 * method="html", UTF-8, no indentation.
 */
static int
render_fast(xsltStylesheetPtr sheet)
{
	const xmlChar	*method, *encoding;
	int		 indent;

	XSLT_GET_IMPORT_PTR(method, sheet, method);
	XSLT_GET_IMPORT_PTR(encoding, sheet, encoding);
	XSLT_GET_IMPORT_INT(indent, sheet, indent);
	return method != NULL && xmlStrEqual(method, BAD_CAST "html") &&
	    encoding != NULL && xmlStrcasecmp(encoding, BAD_CAST "UTF-8") == 0 &&
	    indent == 0;
}

/* Finds the stylesheet of (role, page): the role's own, else common. */
static int
render_path(struct worker *w, int role, int page, char *path, size_t sz)
{
	snprintf(path, sz, "%s/%s/%s.xsl", w->cfg->xsl_dir, role_names[role],
	    page_names[page]);
	if (access(path, R_OK) == 0)
		return 0;
	snprintf(path, sz, "%s/common/%s.xsl", w->cfg->xsl_dir,
	    page_names[page]);
	return access(path, R_OK) == 0 ? 0 : -1;
}

/*
 * Parses every stylesheet a role can reach (common ones once, shared),
 * with network access and file writing forbidden.  A missing or broken
 * stylesheet is fatal: found at start-up, never at request time.
 */
int
render_init(struct worker *w)
{
	char			 path[PATH_MAX], seen[ROLE__MAX * PAGE__MAX][PATH_MAX / 8];
	xsltStylesheetPtr	 sheet[ROLE__MAX * PAGE__MAX];
	int			 role, page, i, n = 0;

	prefs = xsltNewSecurityPrefs();
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_READ_NETWORK, xsltSecurityForbid);
	xsltSetSecurityPrefs(prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
	xsltSetDefaultSecurityPrefs(prefs);
	xmlLoadExtDtdDefaultValue = 0;
	fragment_init();

	for (role = 0; role < ROLE__MAX; role++)
		for (page = 0; page < PAGE__MAX; page++) {
			if (page == PAGE_SMS)
				continue;	/* XML only */
			if (render_path(w, role, page, path, sizeof(path)) == -1) {
				if (route_reachable(role, page))
					fatalx("no stylesheet for %s/%s",
					    role_names[role], page_names[page]);
				continue;
			}
			for (i = 0; i < n; i++)
				if (strcmp(seen[i], path) == 0)
					break;
			if (i == n) {
				if (strlen(path) >= sizeof(seen[0]))
					fatalx("%s: path too long", path);
				snprintf(seen[n], sizeof(seen[0]), "%s", path);
				sheet[n] = xsltParseStylesheetFile(
				    (const xmlChar *)path);
				if (sheet[n] == NULL)
					fatalx("xsltParseStylesheetFile(%s) failed",
					    path);
				n++;
			}
			w->xsl[role][page] = sheet[i];
		}
	return 0;
}

/* Frees the stylesheets (each shared one once). */
void
render_free(struct worker *w)
{
	xsltStylesheetPtr	 done[ROLE__MAX * PAGE__MAX];
	int			 role, page, i, n = 0;

	for (role = 0; role < ROLE__MAX; role++)
		for (page = 0; page < PAGE__MAX; page++) {
			if (w->xsl[role][page] == NULL)
				continue;
			for (i = 0; i < n; i++)
				if (done[i] == w->xsl[role][page])
					break;
			if (i == n)
				xsltFreeStylesheet(done[n++] = w->xsl[role][page]);
			w->xsl[role][page] = NULL;
		}
	if (prefs != NULL)
		xsltFreeSecurityPrefs(prefs);
	prefs = NULL;
}

/*
 * Sends the request's document: as XML when asked (or for XML-only
 * pages), else transformed by the stylesheet of (role, page) and
 * serialised straight into the response.  Returns RC_OK or RC_INTERNAL
 * (nothing has been written then).
 */
/*
 * The page of the document: the route's, unless the handler answered
 * with another (h_pay.c: POST /pay/order gives the hand-over, or the
 * payment page when refused).
 */
static enum page
render_page(const struct req *r, enum page page)
{
	int	 p;

	if (strcmp(page_names[page], (const char *)r->root->name) == 0)
		return page;
	for (p = 0; p < PAGE__MAX; p++)
		if (strcmp(page_names[p], (const char *)r->root->name) == 0)
			return (enum page)p;
	return page;
}

enum rc
render_send(struct req *r)
{
	xsltStylesheetPtr	 st;
	xsltTransformContextPtr	 ctxt;
	xmlDocPtr		 out;
	xmlOutputBufferPtr	 buf;
	enum page		 page;
	const char		*html;
	size_t			 len;
	int			 failed;

	if (r->route == NULL ||
	    strcmp((const char *)r->root->name, "error") == 0)
		page = PAGE_ERROR;
	else
		page = render_page(r, r->route->page);
	st = r->w->xsl[r->role][page];
	if (r->want_xml || st == NULL) {
		resp_headers(r, "application/xml; charset=utf-8", -1);
		buf = xmlOutputBufferCreateIO(render_write, render_close,
		    r->fcgx->out, NULL);
		xmlSaveFormatFileTo(buf, r->doc, "UTF-8", 0);
		return RC_OK;
	}
	if ((ctxt = xsltNewTransformContext(st, r->doc)) == NULL) {
		log_warnx("xsltNewTransformContext() failed");
		return RC_INTERNAL;
	}
	xsltSetCtxtSecurityPrefs(prefs, ctxt);
	out = xsltApplyStylesheetUser(st, r->doc, NULL, NULL, NULL, ctxt);
	failed = out == NULL || ctxt->state == XSLT_STATE_ERROR ||
	    ctxt->state == XSLT_STATE_STOPPED;
	xsltFreeTransformContext(ctxt);
	if (failed) {
		log_warnx("xsltApplyStylesheet(%s/%s) failed",
		    role_names[r->role], page_names[page]);
		xmlFreeDoc(out);
		return RC_INTERNAL;
	}
	resp_headers(r, "text/html; charset=utf-8", -1);
	if (render_fast(st) && html_dump(out, &html, &len) == 0)
		FCGX_PutStr(html, (int)len, r->fcgx->out);
	else {
		buf = xmlOutputBufferCreateIO(render_write, render_close,
		    r->fcgx->out, NULL);
		xsltSaveResultTo(buf, out, st);
		xmlOutputBufferClose(buf);
	}
	if (!arena_owns(out))
		xmlFreeDoc(out);
	return RC_OK;
}
