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
 * t/unit/html.c: html.c writes the bytes libxml2's HTML serialiser
 * writes: every sample page of t/xsl/data rendered with its stylesheet,
 * and a page of awkward values (quotes, control characters, URIs with
 * spaces and Chinese, script text, empty elements, boolean attributes).
 */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "web.h"
#include "tap.h"

static const char *top;

/* Compares html_dump with xsltSaveResultToString on out; frees out. */
static void
same(xmlDocPtr out, xsltStylesheetPtr st, const char *what)
{
	const char	*mine;
	xmlChar		*ref = NULL;
	size_t		 n;
	int		 rn, r, i;

	r = html_dump(out, &mine, &n);
	xsltSaveResultToString(&ref, &rn, out, st);
	if (!ok(r == 0 && ref != NULL && (size_t)rn == n &&
	    memcmp(mine, ref, n) == 0, "%s: the same bytes", what)) {
		for (i = 0; r == 0 && ref != NULL && i < rn && (size_t)i < n &&
		    mine[i] == (char)ref[i]; i++)
			;
		diag("html_dump %d, %zu bytes; libxml2 %d bytes; first "
		    "difference at %d: \"%.60s\" against \"%.60s\"", r, n, rn,
		    i, r == 0 ? mine + i : "", ref != NULL ? (char *)ref + i : "");
	}
	xmlFree(ref);
	xmlFreeDoc(out);
}

/* xsl/<role>/<page>.xsl, else xsl/common/<page>.xsl. */
static xsltStylesheetPtr
sheet_for(const char *role, const char *page)
{
	char	 path[1024];

	snprintf(path, sizeof(path), "%s/xsl/%s/%s.xsl", top, role, page);
	if (access(path, R_OK) != 0)
		snprintf(path, sizeof(path), "%s/xsl/common/%s.xsl", top, page);
	return xsltParseStylesheetFile((const xmlChar *)path);
}

/* Every sample page: <role>-<page>[-variant].xml, the page is the root. */
static void
samples(void)
{
	char			 dir[1024], path[1400], role[32];
	struct dirent		*e;
	DIR			*d;
	xmlDocPtr		 in;
	xsltStylesheetPtr	 st;
	int			 n = 0;

	snprintf(dir, sizeof(dir), "%s/t/xsl/data", top);
	if ((d = opendir(dir)) == NULL)
		bail("%s: cannot open", dir);
	while ((e = readdir(d)) != NULL) {
		if (strstr(e->d_name, ".xml") == NULL ||
		    sscanf(e->d_name, "%31[a-z]-", role) != 1)
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if ((in = xmlReadFile(path, NULL, 0)) == NULL ||
		    (st = sheet_for(role, (const char *)
		    xmlDocGetRootElement(in)->name)) == NULL)
			bail("%s: cannot read or no stylesheet", path);
		same(xsltApplyStylesheet(st, in, NULL), st, e->d_name);
		xsltFreeStylesheet(st);
		xmlFreeDoc(in);
		n++;
	}
	closedir(d);
	ok(n >= 30, "%d sample pages compared", n);
}

static const char awkward_xsl[] =
"<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
"<xsl:output method='html' encoding='UTF-8' indent='no'"
" doctype-system='about:legacy-compat'/>"
"<xsl:template match='/'><html lang='zh-CN'><head><title>t</title>"
"<style>p &gt; a { color: red }</style></head><body>"
"<xsl:for-each select='/t/v'>"
"<a href='{.}' name='{.}' title='{.}' class='c'><xsl:value-of select='.'/></a>"
"<span name='{.}'/><img src='{.}' alt='{.}'/><form action='{.}'></form>"
"<input value='{.}' checked='{.}' required='{.}' disabled='x'/>"
"<select><option selected='{.}' value=''>o</option></select>"
"<ul><li></li><li><xsl:value-of select='.'/></li></ul>"
"<table><tr><td></td><th/></tr></table><p></p><div/><textarea/><br/>"
"<main/><nav/><section><xsl:value-of select='.'/></section>"
"<script><xsl:value-of select='.'/></script>"
"<xsl:comment> c </xsl:comment>"
"<b><xsl:text disable-output-escaping='yes'>&lt;i&gt;raw&lt;/i&gt;</xsl:text></b>"
"</xsl:for-each></body></html></xsl:template></xsl:stylesheet>";

static const char *awkward[] = {
	"", "  ", " /a b", "张三", "a\"b", "a'b", "a\"b'c", "'\"",
	"<script>alert(1)</script>", "&amp; &lt;", "&{x}y\"", "&{x",
	"<!-- c -->\"d", "<!-- open", "x\001y\037z\177\r\n\t",
	"javascript:alert(1)", "/p?a=1&b=2#f", "http://例子.cn/路 径?q=中",
	"[]{}|\\^`", "%41%zz", "\t\n /x", "-->", "</script>", "\xef\xbf\xbe",
	NULL
};

/* The awkward values through a stylesheet of many kinds of element. */
static void
awkward_page(void)
{
	xmlDocPtr		 in;
	xmlNodePtr		 t;
	xsltStylesheetPtr	 st;
	size_t			 i;

	in = xmlReadMemory(awkward_xsl, sizeof(awkward_xsl) - 1, "a.xsl",
	    NULL, 0);
	if (in == NULL || (st = xsltParseStylesheetDoc(in)) == NULL)
		bail("the awkward stylesheet does not parse");
	for (i = 0; awkward[i] != NULL; i++) {
		in = xmlNewDoc((const xmlChar *)"1.0");
		t = xmlNewDocNode(in, NULL, (const xmlChar *)"t", NULL);
		xmlDocSetRootElement(in, t);
		xmlNewTextChild(t, NULL, (const xmlChar *)"v",
		    (const xmlChar *)awkward[i]);
		same(xsltApplyStylesheet(st, in, NULL), st, awkward[i]);
		xmlFreeDoc(in);
	}
	xsltFreeStylesheet(st);
}

/* What html.c leaves to libxml2: refused, nothing returned. */
static void
refused(void)
{
	xmlDocPtr	 d;
	xmlNodePtr	 h, p;
	const char	*out = NULL;
	size_t		 n = 0;

	d = htmlNewDoc(NULL, NULL);
	h = xmlNewDocNode(d, NULL, (const xmlChar *)"html", NULL);
	xmlDocSetRootElement(d, h);
	p = xmlAddChild(h, xmlNewDocPI(d, (const xmlChar *)"php",
	    (const xmlChar *)"x"));
	ok(html_dump(d, &out, &n) == -1 && out == NULL,
	    "a processing instruction is left to libxml2");
	xmlUnlinkNode(p);
	xmlFreeNode(p);
	xmlAddChild(h, xmlNewReference(d, (const xmlChar *)"&nbsp;"));
	ok(html_dump(d, &out, &n) == -1 && out == NULL,
	    "an entity reference too");
	xmlFreeDoc(d);
}

int
main(void)
{
	plan_lazy();
	if ((top = getenv("top_srcdir")) == NULL)
		top = ".";
	xmlInitParser();
	xmlSubstituteEntitiesDefault(1);
	xmlLoadExtDtdDefaultValue = 0;
	samples();
	awkward_page();
	refused();
	xsltCleanupGlobals();
	xmlCleanupParser();
	return 0;
}
