/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* html.c: the HTML serialiser of a rendered page, libxml2's bytes faster */

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parserInternals.h>
#include <libxml/uri.h>

#include "web.h"

/*
 * libxml2's HTML serialiser (htmlDocContentDumpFormatOutput, what
 * xsltSaveResultTo calls for method="html") was a third of a page's
 * instructions: a linear, case-blind search of its element table for
 * every element, a search of the boolean attributes for every attribute,
 * two allocations per attribute and text node for the escaping, and a
 * buffered write per fragment.  This one writes the same bytes (the test
 * t/unit/html.c renders every sample page both ways and compares them)
 * into one buffer: what libxml2 knows of an element or attribute name is
 * asked once and remembered, escaping is done in place.  What it does
 * not know (an entity reference, a processing instruction, an attribute
 * that is not plain text) makes html_dump() fail before anything is sent, and the
 * caller serialises with libxml2.
 */

#define NAMES		128	/* remembered names, a power of two */
#define NAME_MAX_LEN	23
#define BUF_KEEP	(256 * 1024)	/* kept between pages */

/* What libxml2 says of a name (n_ flags). */
#define N_EMPTY		0x01	/* element: void, no end tag, no content */
#define N_SAVE_END	0x02	/* element: empty one written without end tag */
#define N_BOOLEAN	0x04	/* attribute: written as its name alone */
#define N_RAW		0x08	/* element: script, style: text unescaped */
#define N_URI		0x10	/* attribute: href, action, src: URI-escaped */

struct name {
	char		 s[NAME_MAX_LEN + 1];
	unsigned char	 flags;
};

static struct name	 elems[NAMES], attrs[NAMES];
static char		*buf;
static size_t		 len, cap;
static int		 oom;

/* Makes room for n more bytes (glibc's heap: the page outlives the arena). */
static int
html_room(size_t n)
{
	char	*p;
	size_t	 c;

	if (len + n <= cap)
		return 0;
	for (c = cap ? cap : 16384; c < len + n; c *= 2)
		;
	if ((p = realloc(buf, c)) == NULL) {
		oom = 1;
		return -1;
	}
	buf = p;
	cap = c;
	return 0;
}

static void
html_put(const char *s, size_t n)
{
	if (html_room(n) == -1)
		return;
	memcpy(buf + len, s, n);
	len += n;
}

static void
html_puts(const char *s)
{
	html_put(s, strlen(s));
}

static unsigned char
html_elem_flags(const char *name)
{
	const htmlElemDesc	*d = htmlTagLookup((const xmlChar *)name);
	unsigned char		 f = 0;

	if (d != NULL && d->empty)
		f |= N_EMPTY;
	if (d != NULL && d->saveEndTag != 0 && strcmp(d->name, "html") != 0 &&
	    strcmp(d->name, "body") != 0)
		f |= N_SAVE_END;
	if (strcasecmp(name, "script") == 0 || strcasecmp(name, "style") == 0)
		f |= N_RAW;
	return f;
}

static unsigned char
html_attr_flags(const char *name)
{
	unsigned char	 f = 0;

	if (htmlIsBooleanAttr((const xmlChar *)name))
		f |= N_BOOLEAN;
	if (strcasecmp(name, "href") == 0 || strcasecmp(name, "action") == 0 ||
	    strcasecmp(name, "src") == 0)
		f |= N_URI;
	return f;
}

/* The flags of a name, from the table t, asking libxml2 on a miss. */
static unsigned char
html_flags(struct name *t, const xmlChar *name,
    unsigned char (*ask)(const char *))
{
	const char	*s = (const char *)name;
	uint32_t	 h = 2166136261u;
	size_t		 n, i, k;

	for (n = 0; s[n] != '\0'; n++)
		h = (h ^ (unsigned char)s[n]) * 16777619u;
	if (n > NAME_MAX_LEN)
		return ask(s);
	for (k = 0, i = h & (NAMES - 1); k < NAMES; k++, i = (i + 1) & (NAMES - 1)) {
		if (t[i].s[0] == '\0') {
			memcpy(t[i].s, s, n + 1);
			t[i].flags = ask(s);
			return t[i].flags;
		}
		if (memcmp(t[i].s, s, n + 1) == 0)
			return t[i].flags;
	}
	return ask(s);
}

/*
 * Writes s escaped as libxml2's xmlEncodeEntitiesInternal does for an
 * HTML document: <, > and & as entities, other control characters than
 * tab, newline and carriage return dropped, the rest as is.  In an
 * attribute (attr), "&{...}" and "<!--...-->" pass unchanged.
 */
static void
html_escape(const char *s, int attr)
{
	/* 1: the byte is written as it is (a table: one test a byte). */
	static unsigned char	 plain[256];
	static int		 ready;
	const char		*run = s, *end;
	int			 i;

	for (i = 0; !ready && i < 256; i++)
		plain[i] = i >= 0x80 || (i >= 0x20 && i != '<' && i != '>' &&
		    i != '&') || i == '\n' || i == '\t' || i == '\r';
	ready = 1;
	for (; *s != '\0'; s++) {
		unsigned char	 c = (unsigned char)*s;

		if (plain[c])
			continue;
		html_put(run, s - run);
		run = s + 1;
		if (attr && c == '<' && strncmp(s, "<!--", 4) == 0 &&
		    (end = strstr(s, "-->")) != NULL) {
			html_put(s, end + 3 - s);
			s = end + 2;
			run = s + 1;
		} else if (attr && c == '&' && s[1] == '{' &&
		    (end = strchr(s, '}')) != NULL) {
			html_put(s, end + 1 - s);
			s = end;
			run = s + 1;
		} else if (c == '<')
			html_put("&lt;", 4);
		else if (c == '>')
			html_put("&gt;", 4);
		else if (c == '&')
			html_put("&amp;", 5);
	}
	html_put(run, s - run);
}

/* The value between quotes as xmlBufWriteQuotedString chooses them. */
static void
html_quoted(const char *v)
{
	const char	*p;

	if (strchr(v, '"') == NULL) {
		html_put("\"", 1);
		html_puts(v);
		html_put("\"", 1);
	} else if (strchr(v, '\'') == NULL) {
		html_put("'", 1);
		html_puts(v);
		html_put("'", 1);
	} else {
		html_put("\"", 1);
		for (p = v; *p != '\0'; p++)
			if (*p == '"')
				html_put("&quot;", 6);
			else
				html_put(p, 1);
		html_put("\"", 1);
	}
}

/*
 * True if xmlURIEscapeStr(s, "@/:=?;#%&,+<>") would return s escaped for
 * HTML unchanged: letters, digits, marks and the kept reserved
 * characters (< and > excluded: they take the slow path).
 */
static int
html_uri_plain(const char *s)
{
	static const char	 keep[] = "-_.!~*'()@/:=?;#%&,+";

	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr(keep, *s) != NULL))
			return 0;
	return 1;
}

/* s escaped, as a string of its own (NULL when out of memory). */
static char *
html_escaped(const char *s)
{
	size_t	 mark = len;
	char	*e;

	html_escape(s, 1);
	if (oom || html_room(1) == -1)
		return NULL;
	buf[len] = '\0';
	e = strdup(buf + mark);
	len = mark;
	return e;
}

/*
 * A URI attribute's value as htmlAttrDumpOutput writes it: escaped,
 * leading blanks dropped, then URI-escaped (the whole escaped value when
 * nothing is left).
 */
static int
html_attr_uri(const char *v)
{
	const char	*t = v;
	char		*esc, *u = NULL;

	while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
		t++;
	if (*t != '\0' && html_uri_plain(t)) {
		html_put("\"", 1);
		html_escape(t, 1);
		html_put("\"", 1);
		return 0;
	}
	if ((esc = html_escaped(v)) == NULL)
		return -1;
	for (t = esc; *t == ' ' || *t == '\t' || *t == '\n' || *t == '\r'; t++)
		;
	u = (char *)xmlURIEscapeStr((const xmlChar *)t,
	    (const xmlChar *)"@/:=?;#%&,+<>");
	html_quoted(u != NULL ? u : esc);
	xmlFree(u);
	free(esc);
	return 0;
}

/* "prefix:" of a name in a namespace with a prefix. */
static void
html_prefix(xmlNsPtr ns)
{
	if (ns != NULL && ns->prefix != NULL) {
		html_puts((const char *)ns->prefix);
		html_put(":", 1);
	}
}

/* The namespace declarations of an element, as xmlNsListDumpOutput. */
static void
html_ns_decls(xmlNsPtr ns)
{
	for (; ns != NULL; ns = ns->next) {
		if (ns->type != XML_LOCAL_NAMESPACE || ns->href == NULL ||
		    (ns->prefix != NULL &&
		    strcmp((const char *)ns->prefix, "xml") == 0))
			continue;
		html_put(" xmlns", 6);
		if (ns->prefix != NULL) {
			html_put(":", 1);
			html_puts((const char *)ns->prefix);
		}
		html_put("=", 1);
		html_quoted((const char *)ns->href);
	}
}

/*
 * One attribute: its escaped value in quotes, a boolean one by its name
 * alone.  Returns -1 for what it does not handle (a namespace, a value
 * that is not one text node).
 */
static int
html_attr(xmlAttrPtr a, xmlNodePtr el)
{
	unsigned char	 f = html_flags(attrs, a->name, html_attr_flags);
	const char	*v;
	char		*esc;

	if (a->children != NULL &&
	    (a->children->type != XML_TEXT_NODE || a->children->next != NULL))
		return -1;
	html_put(" ", 1);
	html_prefix(a->ns);
	html_puts((const char *)a->name);
	if (a->children == NULL || (f & N_BOOLEAN))
		return 0;
	v = a->children->content != NULL ?
	    (const char *)a->children->content : "";
	html_put("=", 1);
	if (a->ns == NULL && el->ns == NULL && ((f & N_URI) ||
	    (strcasecmp((const char *)a->name, "name") == 0 &&
	    strcasecmp((const char *)el->name, "a") == 0)))
		return html_attr_uri(v);
	/* Escaping adds no quote: choose them by the raw value. */
	if (strchr(v, '"') == NULL || strchr(v, '\'') == NULL) {
		html_put(strchr(v, '"') == NULL ? "\"" : "'", 1);
		html_escape(v, 1);
		html_put(strchr(v, '"') == NULL ? "\"" : "'", 1);
		return 0;
	}
	if ((esc = html_escaped(v)) == NULL)
		return -1;
	html_quoted(esc);
	free(esc);
	return 0;
}

static int	html_node(xmlNodePtr, int);

/*
 * An element, its attributes and its content.  A void element (meta,
 * input) has no end tag and no content; an empty li has no end tag; any
 * other empty element gets both tags, as htmlNodeDumpFormatOutput does
 * without formatting.
 */
static int
html_element(xmlNodePtr n)
{
	unsigned char	 f;
	xmlAttrPtr	 a;
	xmlNodePtr	 c;

	f = html_flags(elems, n->name, html_elem_flags);
	if (n->ns != NULL)	/* not HTML: no void element, no li */
		f &= N_RAW;
	html_put("<", 1);
	html_prefix(n->ns);
	html_puts((const char *)n->name);
	html_ns_decls(n->nsDef);
	for (a = n->properties; a != NULL; a = a->next)
		if (html_attr(a, n) == -1)
			return -1;
	if ((f & N_EMPTY) || (n->children == NULL && (f & N_SAVE_END))) {
		html_put(">", 1);
		return 0;
	}
	if (n->children == NULL) {
		html_put("></", 3);
		html_prefix(n->ns);
		html_puts((const char *)n->name);
		html_put(">", 1);
		return 0;
	}
	html_put(">", 1);
	for (c = n->children; c != NULL; c = c->next)
		if (html_node(c, f & N_RAW) == -1)
			return -1;
	html_put("</", 2);
	html_prefix(n->ns);
	html_puts((const char *)n->name);
	html_put(">", 1);
	return 0;
}

/* One node; raw: the parent is script or style (text unescaped). */
static int
html_node(xmlNodePtr n, int raw)
{
	const char	*s = (const char *)n->content;

	switch (n->type) {
	case XML_ELEMENT_NODE:
		return html_element(n);
	case XML_TEXT_NODE:
		if (s == NULL)
			return 0;
		if (raw || n->name == xmlStringTextNoenc)
			html_puts(s);
		else
			html_escape(s, 0);
		return 0;
	case XML_COMMENT_NODE:
		if (s != NULL) {
			html_put("<!--", 4);
			html_puts(s);
			html_put("-->", 3);
		}
		return 0;
	case XML_CDATA_SECTION_NODE:	/* HTML_PRESERVE_NODE */
		if (s != NULL)
			html_puts(s);
		return 0;
	case XML_DTD_NODE:		/* written first, from intSubset */
		return 0;
	default:
		return -1;
	}
}

/* The document type declaration, as htmlDtdDumpOutput writes it. */
static void
html_dtd(xmlDtdPtr d)
{
	html_put("<!DOCTYPE ", 10);
	html_puts((const char *)d->name);
	if (d->ExternalID != NULL) {
		html_put(" PUBLIC ", 8);
		html_quoted((const char *)d->ExternalID);
		if (d->SystemID != NULL) {
			html_put(" ", 1);
			html_quoted((const char *)d->SystemID);
		}
	} else if (d->SystemID != NULL &&
	    strcmp((const char *)d->SystemID, "about:legacy-compat") != 0) {
		html_put(" SYSTEM ", 8);
		html_quoted((const char *)d->SystemID);
	}
	html_put(">\n", 2);
}

/*
 * Serialises the nodes from first on (a fragment of a result, outside
 * any script or style) into the buffer html_dump uses, valid until the
 * next call.  Returns 0, or -1 as html_dump does.
 */
int
html_fragment(xmlNodePtr first, const char **out, size_t *outlen)
{
	len = 0;
	oom = 0;
	for (; first != NULL; first = first->next)
		if (html_node(first, 0) == -1)
			return -1;
	if (oom)
		return -1;
	*out = buf != NULL ? buf : "";
	*outlen = len;
	return 0;
}

/*
 * Serialises doc, a transformation's result with method="html", no
 * indentation and UTF-8, into a buffer of this file that stays valid
 * until the next call: the bytes xsltSaveResultTo would write (the meta
 * element of the encoding included).  Returns 0, or -1 when the document
 * holds something this serialiser leaves to libxml2 (nothing is written
 * then) or memory ran out.
 */
int
html_dump(xmlDocPtr doc, const char **out, size_t *outlen)
{
	xmlNodePtr	 c;

	len = 0;
	oom = 0;
	if (cap > BUF_KEEP) {
		free(buf);
		buf = NULL;
		cap = 0;
	}
	htmlSetMetaEncoding(doc, (const xmlChar *)"UTF-8");
	if (doc->intSubset != NULL)
		html_dtd(doc->intSubset);
	for (c = doc->children; c != NULL; c = c->next)
		if (html_node(c, 0) == -1)
			return -1;
	html_put("\n", 1);
	if (oom)
		return -1;
	*out = buf;
	*outlen = len;
	return 0;
}
