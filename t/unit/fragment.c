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
 * t/unit/fragment.c: f:cache keeps a template's HTML per key and gives
 * back the very bytes the template wrote; a new key or an old fragment
 * runs the template again; without the extension the xsl:fallback runs.
 */

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/extensions.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "web.h"
#include "tap.h"

/* The part reads @v, which is not in the key: a kept part shows the old v. */
static const char sheet_xsl[] =
"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
" xmlns:f='" FRAGMENT_NS "' extension-element-prefixes='f'>"
"<xsl:output method='html' encoding='UTF-8' indent='no'"
" doctype-system='about:legacy-compat'/>"
"<xsl:template match='/'><html><body><p>before</p>"
"<f:cache key='string(/t/@k)' template='part' seconds='2'>"
"<xsl:fallback><xsl:call-template name='part'/></xsl:fallback></f:cache>"
"<p>after <xsl:value-of select='/t/@v'/></p></body></html></xsl:template>"
"<xsl:template name='part'><ul><li class='x' title='{/t/@v}'>"
"<xsl:value-of select='/t/@v'/></li><li></li></ul>text &amp; more"
"</xsl:template></xsl:stylesheet>";

static xsltStylesheetPtr
sheet(void)
{
	xmlDocPtr	 d;

	d = xmlReadMemory(sheet_xsl, sizeof(sheet_xsl) - 1, "f.xsl", NULL, 0);
	return d != NULL ? xsltParseStylesheetDoc(d) : NULL;
}

/* The page for k and v, as a string to free. */
static char *
page(xsltStylesheetPtr st, const char *k, const char *v)
{
	xmlDocPtr	 in, out;
	xmlNodePtr	 t;
	const char	*html;
	size_t		 n;
	char		*s = NULL;

	in = xmlNewDoc(BAD_CAST "1.0");
	t = xmlNewDocNode(in, NULL, BAD_CAST "t", NULL);
	xmlDocSetRootElement(in, t);
	xmlSetProp(t, BAD_CAST "k", BAD_CAST k);
	xmlSetProp(t, BAD_CAST "v", BAD_CAST v);
	out = xsltApplyStylesheet(st, in, NULL);
	if (out != NULL && html_dump(out, &html, &n) == 0)
		s = strndup(html, n);
	xmlFreeDoc(out);
	xmlFreeDoc(in);
	return s;
}

static int
has(const char *s, const char *part)
{
	return s != NULL && strstr(s, part) != NULL;
}

int
main(void)
{
	xsltStylesheetPtr	 st;
	char			*a, *b, *c, *d, *e;

	plan_lazy();
	xmlInitParser();
	fragment_init();
	if ((st = sheet()) == NULL)
		bail("the stylesheet with f:cache does not parse");
	a = page(st, "1", "<a&\"'>");
	ok(has(a, "<li class=\"x\" title='&lt;a&amp;\"&#39;&gt;'>") ||
	    has(a, "title=\"&lt;a&amp;&quot;'&gt;\""),
	    "the first time the template runs");
	ok(has(a, "<ul><li class=\"x\"") && has(a, "<li></ul>text &amp; more"),
	    "its HTML as libxml2 writes it");
	b = page(st, "1", "<a&\"'>");
	is_string(a, b, "kept: the same key gives the same bytes");
	c = page(st, "1", "other");
	ok(has(c, "&lt;a&amp;") && has(c, "after other"),
	    "kept: a value outside the key is not seen in the part");
	d = page(st, "2", "other");
	ok(has(d, ">other</li>") && !has(d, "&lt;a&amp;"),
	    "another key runs the template");
	sleep(3);
	e = page(st, "1", "other");
	ok(has(e, ">other</li>"), "an old fragment is made again");
	xsltFreeStylesheet(st);

	xsltUnregisterExtModuleElement(BAD_CAST "cache", BAD_CAST FRAGMENT_NS);
	if ((st = sheet()) == NULL)
		bail("the stylesheet does not parse without the extension");
	free(e);
	e = page(st, "1", "<a&\"'>");
	is_string(a, e, "without the extension the fallback writes the same");
	xsltFreeStylesheet(st);
	free(a);
	free(b);
	free(c);
	free(d);
	free(e);
	xsltCleanupGlobals();
	xmlCleanupParser();
	return 0;
}
