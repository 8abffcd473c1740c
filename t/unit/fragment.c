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
 * f:digest(NODES) is the SHA-256 of the nodes as fragment.c lays them
 * out, so a part keyed by it is made again as soon as anything in those
 * nodes differs.
 */

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>

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

/* The digest of /t/list, and a part keyed by it that shows the rows. */
static const char digest_xsl[] =
"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'"
" xmlns:f='" FRAGMENT_NS "' extension-element-prefixes='f'>"
"<xsl:output method='html' encoding='UTF-8' indent='no'/>"
"<xsl:template match='/'><html><body><p id='d'>"
"<xsl:value-of select='f:digest(/t/list)'/></p>"
"<f:cache key='f:digest(/t/list)' template='rows' seconds='600'>"
"<xsl:fallback><xsl:call-template name='rows'/></xsl:fallback></f:cache>"
"</body></html></xsl:template>"
"<xsl:template name='rows'><ol><xsl:for-each select='/t/list/row'>"
"<li><xsl:value-of select='@name'/></li></xsl:for-each></ol></xsl:template>"
"</xsl:stylesheet>";

static xsltStylesheetPtr
parse(const char *xsl, size_t len)
{
	xmlDocPtr	 d;

	d = xmlReadMemory(xsl, (int)len, "f.xsl", NULL, 0);
	return d != NULL ? xsltParseStylesheetDoc(d) : NULL;
}

static xsltStylesheetPtr
sheet(void)
{
	return parse(sheet_xsl, sizeof(sheet_xsl) - 1);
}

static int
has(const char *s, const char *part)
{
	return s != NULL && strstr(s, part) != NULL;
}

/* Document in through st as a string to free; frees in. */
static char *
render(xsltStylesheetPtr st, xmlDocPtr in)
{
	xmlDocPtr	 out;
	const char	*html;
	size_t		 n;
	char		*s = NULL;

	out = xsltApplyStylesheet(st, in, NULL);
	if (out != NULL && html_dump(out, &html, &n) == 0)
		s = strndup(html, n);
	xmlFreeDoc(out);
	xmlFreeDoc(in);
	return s;
}

/* The page of document xml through st, as a string to free. */
static char *
page_of(xsltStylesheetPtr st, const char *xml)
{
	xmlDocPtr	 in;

	if ((in = xmlReadMemory(xml, (int)strlen(xml), "t.xml", NULL, 0)) == NULL)
		return NULL;
	return render(st, in);
}

/* The digest a page shows (64 hex digits), in d. */
static void
digest_of(xsltStylesheetPtr st, const char *xml, char d[65])
{
	char	*s, *p;

	d[0] = '\0';
	if ((s = page_of(st, xml)) != NULL &&
	    (p = strstr(s, "<p id=\"d\">")) != NULL &&
	    strlen(p + 10) >= 64 && p[10 + 64] == '<') {
		memcpy(d, p + 10, 64);
		d[64] = '\0';
	}
	free(s);
}

/* SHA-256 of n bytes, in hex. */
static void
sha256_hex(const void *b, size_t n, char d[65])
{
	unsigned char	 out[32];
	unsigned int	 len = 0;
	size_t		 i;

	EVP_Digest(b, n, out, &len, EVP_sha256(), NULL);
	for (i = 0; i < 32; i++)
		snprintf(d + 2 * i, 3, "%02x", out[i]);
}

/* f:digest: what it hashes, and that every kind of change shows. */
static void
digest_tests(void)
{
	/* <list a="1"><row name="x"/>t</list>, as fragment.c lays it out. */
	static const char bytes[] = "\1list\0\2a\0\3" "1\0"
	    "\1row\0\2name\0\3x\0\4\3t\0\4";
	static const char *const other[] = {
		"<t><list a='2'><row name='x'/>t</list></t>",	/* a value */
		"<t><list b='1'><row name='x'/>t</list></t>",	/* a name */
		"<t><list a='1'><row name='y'/>t</list></t>",	/* a row */
		"<t><list a='1'><row name='x'/>u</list></t>",	/* text */
		"<t><list a='1'><rows name='x'/>t</list></t>",	/* an element */
		"<t><list a='1'><row name='x'/><row name='x'/>t</list></t>",
		"<t><list a='1'><row name='x'>t</row></list></t>", /* nesting */
		"<t><list a='1'><row name='x' n=''/>t</list></t>", /* empty */
		"<t><list a='1t'><row name='x'/></list></t>",	/* boundary */
		"<t><list/></t>",
		"<t/>",
	};
	xsltStylesheetPtr	 st;
	char			 want[65], a[65], b[65], d[65];
	char			*p1, *p2, *p3;
	size_t			 i, differ = 0;

	if ((st = parse(digest_xsl, sizeof(digest_xsl) - 1)) == NULL)
		bail("the stylesheet with f:digest does not parse");
	sha256_hex(bytes, sizeof(bytes) - 1, want);
	digest_of(st, "<t><list a='1'><row name='x'/>t</list></t>", a);
	is_string(a, want, "f:digest is the SHA-256 of names, attributes and "
	    "text, each after its mark and ending in NUL");
	digest_of(st, "<t><!-- c --><list a='1'><row name='x'/>t<?pi x?>"
	    "</list></t>", b);
	is_string(b, a, "comments and processing instructions are not hashed");
	for (i = 0; i < sizeof(other) / sizeof(other[0]); i++) {
		digest_of(st, other[i], d);
		if (strlen(d) == 64 && strcmp(d, a) != 0)
			differ++;
		else
			diag("same digest: %s", other[i]);
	}
	ok(differ == sizeof(other) / sizeof(other[0]),
	    "a changed value, name, row, text, element, nesting, an empty "
	    "attribute, a moved boundary or no list each give another digest");
	p1 = page_of(st, "<t><list><row name='甲'/><row name='乙'/></list></t>");
	p2 = page_of(st, "<t><list><row name='甲'/><row name='丙'/></list></t>");
	p3 = page_of(st, "<t><list><row name='甲'/><row name='乙'/></list></t>");
	ok(has(p1, "<li>甲</li><li>乙</li>"), "a part keyed by f:digest shows "
	    "its rows");
	ok(has(p2, "<li>丙</li>") && !has(p2, "乙"), "a changed row gives "
	    "another key: the part is made again at once");
	is_string(p3, p1, "the same rows again: the same bytes");
	free(p1);
	free(p2);
	free(p3);
	xsltFreeStylesheet(st);
}

/* The page for k and v, as a string to free. */
static char *
page(xsltStylesheetPtr st, const char *k, const char *v)
{
	xmlDocPtr	 in;
	xmlNodePtr	 t;

	in = xmlNewDoc(BAD_CAST "1.0");
	t = xmlNewDocNode(in, NULL, BAD_CAST "t", NULL);
	xmlDocSetRootElement(in, t);
	xmlSetProp(t, BAD_CAST "k", BAD_CAST k);
	xmlSetProp(t, BAD_CAST "v", BAD_CAST v);
	return render(st, in);
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
	digest_tests();

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
