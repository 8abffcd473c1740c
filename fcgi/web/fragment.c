/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* fragment.c: rendered fragments kept per worker, keyed by what they show */

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/parserInternals.h>
#include <libxml/xpathInternals.h>
#include <openssl/evp.h>
#include <libxslt/extensions.h>
#include <libxslt/imports.h>
#include <libxslt/templates.h>
#include <libxslt/transform.h>
#include <libxslt/xsltutils.h>

#include "web.h"

/*
 * Parts of a page are the same for every user who sees them with the
 * same few values (the filter form of a list for one region and level,
 * a role's menu on one page) but cost libxslt hundreds of thousands of
 * instructions each time.  A stylesheet names such a part as a template
 * without parameters and calls it through
 *
 *   <f:cache xmlns:f="FRAGMENT_NS" key="concat($role, '|', $path)"
 *       template="nav" seconds="60">
 *     <xsl:fallback><xsl:call-template name="nav"/></xsl:fallback>
 *   </f:cache>
 *
 * (with extension-element-prefixes="f" on the stylesheet).  The first
 * time a key is seen the template runs as xsl:call-template would and
 * its HTML is kept (html.c); for `seconds` after that (default 60) the
 * kept HTML is placed in the result as it is.  The key must name
 * everything the template reads that can differ between requests: a
 * fragment shown to the wrong user is a leak.  xsltproc and any other
 * processor run the xsl:fallback instead.  A worker keeps at most
 * FRAG_SLOTS fragments of at most FRAG_MAX bytes, replacing the oldest.
 *
 * A part that shows rows read from the database (a queue's table) is
 * keyed by the rows themselves: f:digest(NODES) is the SHA-256, in hex,
 * of the nodes given and everything below them (names, attributes,
 * text), so the same rows give the same key and any change in them
 * another.  The rows are still read afresh on every request; only their
 * rendering is kept.
 */

#define FRAG_SLOTS	64
#define FRAG_MAX	(64 * 1024)
#define FRAG_SECONDS	60

struct frag_comp {
	xsltElemPreComp		 comp;		/* first: libxslt's part */
	xmlXPathCompExprPtr	 key;
	xmlChar			*name;		/* the template */
	long			 seconds;
	xmlNsPtr		*ns;		/* in scope: f:digest's prefix */
	int			 nsnr;
};

struct frag {
	const void	*site;		/* the f:cache element */
	char		*key;
	char		*html;
	size_t		 len;
	time_t		 at;
};

static struct frag	 frags[FRAG_SLOTS];
static size_t		 frag_next;

static void
frag_comp_free(xsltElemPreCompPtr p)
{
	struct frag_comp	*c = (struct frag_comp *)p;

	xmlXPathFreeCompExpr(c->key);
	xmlFree(c->name);
	xmlFree(c->ns);
	free(c);
}

/* Compiles key, template and seconds once, when the stylesheet is parsed. */
static xsltElemPreCompPtr
frag_compile(xsltStylesheetPtr style, xmlNodePtr inst,
    xsltTransformFunction fn)
{
	struct frag_comp	*c;
	xmlChar			*key, *secs;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	xsltInitElemPreComp(&c->comp, style, inst, fn, frag_comp_free);
	key = xmlGetProp(inst, BAD_CAST "key");
	c->name = xmlGetProp(inst, BAD_CAST "template");
	secs = xmlGetProp(inst, BAD_CAST "seconds");
	c->seconds = secs != NULL ? strtol((char *)secs, NULL, 10) : FRAG_SECONDS;
	if ((c->ns = xmlGetNsList(inst->doc, inst)) != NULL)
		while (c->ns[c->nsnr] != NULL)
			c->nsnr++;
	if (key == NULL || c->name == NULL || c->seconds <= 0 ||
	    (c->key = xsltXPathCompile(style, key)) == NULL) {
		xsltTransformError(NULL, style, inst,
		    "f:cache needs key (an expression), template and seconds > 0\n");
		style->errors++;
	}
	xmlFree(key);
	xmlFree(secs);
	return &c->comp;
}

static struct frag *
frag_find(const void *site, const char *key, long seconds)
{
	time_t	 now = time(NULL);
	size_t	 i;

	for (i = 0; i < FRAG_SLOTS; i++)
		if (frags[i].site == site && strcmp(frags[i].key, key) == 0)
			return now - frags[i].at < seconds ? &frags[i] : NULL;
	return NULL;
}

/* Keeps html for (site, key), in glibc's heap: it outlives the request. */
static void
frag_keep(const void *site, const char *key, const char *html, size_t len)
{
	struct frag	*f = NULL;
	size_t		 i;

	for (i = 0; i < FRAG_SLOTS && f == NULL; i++)
		if (frags[i].site == site && strcmp(frags[i].key, key) == 0)
			f = &frags[i];
	if (f == NULL)
		f = &frags[frag_next++ % FRAG_SLOTS];
	free(f->key);
	free(f->html);
	memset(f, 0, sizeof(*f));
	if ((f->key = strdup(key)) == NULL ||
	    (f->html = malloc(len + 1)) == NULL) {
		free(f->key);
		f->key = NULL;
		return;
	}
	memcpy(f->html, html, len);
	f->len = len;
	f->site = site;
	f->at = time(NULL);
}

/* Runs the template into a detached element, keeps its HTML, moves it in. */
static void
frag_render(xsltTransformContextPtr ctxt, xmlNodePtr node,
    struct frag_comp *c, const char *key)
{
	xsltTemplatePtr	 t;
	xmlNodePtr	 box, insert = ctxt->insert;
	const char	*html;
	size_t		 len;

	if ((t = xsltFindTemplate(ctxt, c->name, NULL)) == NULL) {
		xsltTransformError(ctxt, NULL, c->comp.inst,
		    "f:cache: no template %s\n", c->name);
		ctxt->state = XSLT_STATE_STOPPED;
		return;
	}
	box = xmlNewDocNode(ctxt->output, NULL, BAD_CAST "fragment", NULL);
	ctxt->insert = box;
	xsltApplyOneTemplate(ctxt, node, t->content, t, NULL);
	ctxt->insert = insert;
	/* An empty fragment (no menu when logged out) is kept too. */
	if (ctxt->state == XSLT_STATE_OK &&
	    html_fragment(box->children, &html, &len) == 0 && len <= FRAG_MAX)
		frag_keep(c->comp.inst, key, html, len);
	if (box->children != NULL)
		xmlAddChildList(insert, box->children);
	box->children = box->last = NULL;
	xmlFreeNode(box);
}

/* f:cache at transformation time. */
static void
frag_apply(xsltTransformContextPtr ctxt, xmlNodePtr node, xmlNodePtr inst,
    xsltElemPreCompPtr comp)
{
	struct frag_comp	*c = (struct frag_comp *)comp;
	struct frag		*f;
	xmlNodePtr		 text;
	xmlChar			*key;

	(void)inst;
	if (c == NULL || c->key == NULL || ctxt->insert == NULL)
		return;
	if ((key = xsltEvalXPathStringNs(ctxt, c->key, c->nsnr,
	    c->ns)) == NULL) {
		ctxt->state = XSLT_STATE_STOPPED;
		return;
	}
	if ((f = frag_find(c->comp.inst, (char *)key, c->seconds)) == NULL)
		frag_render(ctxt, node, c, (char *)key);
	else if (f->len > 0 && (text = xmlNewDocTextLen(ctxt->output,
	    BAD_CAST f->html, (int)f->len)) != NULL) {
		text->name = xmlStringTextNoenc;	/* written as it is */
		xmlAddChild(ctxt->insert, text);
	}
	xmlFree(key);
}

/*
 * What f:digest hashes, buffered (an EVP_DigestUpdate per attribute would
 * cost more than the hash).  Each string is preceded by a mark and ends
 * in a NUL; XML text holds neither the marks nor NUL, so two different
 * trees never give the same bytes.
 */
enum { MARK_OPEN = 1, MARK_ATTR, MARK_TEXT, MARK_CLOSE };

struct frag_hash {
	EVP_MD_CTX	*md;
	size_t		 len;
	int		 failed;
	unsigned char	 buf[4096];
};

static void
frag_hash_bytes(struct frag_hash *h, const void *p, size_t n)
{
	if (h->len + n > sizeof(h->buf)) {
		if (EVP_DigestUpdate(h->md, h->buf, h->len) != 1 ||
		    EVP_DigestUpdate(h->md, p, n) != 1)
			h->failed = 1;
		h->len = 0;
		return;
	}
	memcpy(h->buf + h->len, p, n);
	h->len += n;
}

static void
frag_hash_str(struct frag_hash *h, unsigned char mark, const xmlChar *s)
{
	frag_hash_bytes(h, &mark, 1);
	if (s != NULL)
		frag_hash_bytes(h, s, strlen((const char *)s) + 1);
	else
		frag_hash_bytes(h, "", 1);
}

/* Hashes node n and everything below it. */
static void
frag_hash_node(struct frag_hash *h, xmlNodePtr n)
{
	const unsigned char	 close = MARK_CLOSE;
	xmlAttrPtr		 a;
	xmlNodePtr		 c;

	switch (n->type) {
	case XML_ELEMENT_NODE:
		frag_hash_str(h, MARK_OPEN, n->name);
		for (a = n->properties; a != NULL; a = a->next) {
			frag_hash_str(h, MARK_ATTR, a->name);
			for (c = a->children; c != NULL; c = c->next)
				frag_hash_str(h, MARK_TEXT, c->content);
		}
		/* FALLTHROUGH */
	case XML_DOCUMENT_NODE:
		for (c = n->children; c != NULL; c = c->next)
			frag_hash_node(h, c);
		frag_hash_bytes(h, &close, 1);
		break;
	case XML_ATTRIBUTE_NODE:
		frag_hash_str(h, MARK_ATTR, n->name);
		for (c = n->children; c != NULL; c = c->next)
			frag_hash_str(h, MARK_TEXT, c->content);
		frag_hash_bytes(h, &close, 1);
		break;
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		frag_hash_str(h, MARK_TEXT, n->content);
		break;
	default:			/* comments, processing instructions */
		break;
	}
}

/*
 * f:digest(node-set): the SHA-256 of the nodes, in document order, as 64
 * hex digits (see the top of this file).  An error stops the transform:
 * a key that named nothing would show one list's rows for another's.
 */
static void
frag_digest(xmlXPathParserContextPtr ctxt, int nargs)
{
	static EVP_MD		*sha256;
	static EVP_MD_CTX	*md;
	static const char	 hex[] = "0123456789abcdef";
	struct frag_hash	 h;
	xmlNodeSetPtr		 set;
	unsigned char		 out[EVP_MAX_MD_SIZE];
	char			 s[2 * 32 + 1];
	unsigned int		 n = 0;
	int			 i;

	if (nargs != 1) {
		xmlXPathSetArityError(ctxt);
		return;
	}
	if ((set = xmlXPathPopNodeSet(ctxt)) == NULL ||
	    xmlXPathCheckError(ctxt)) {
		xmlXPathSetTypeError(ctxt);
		return;
	}
	if (sha256 == NULL)
		sha256 = EVP_MD_fetch(NULL, "SHA256", NULL);
	if (md == NULL)
		md = EVP_MD_CTX_new();
	h.md = md;
	h.len = 0;
	h.failed = sha256 == NULL || md == NULL ||
	    EVP_DigestInit_ex(md, sha256, NULL) != 1;
	for (i = 0; !h.failed && i < xmlXPathNodeSetGetLength(set); i++)
		frag_hash_node(&h, xmlXPathNodeSetItem(set, i));
	if (!h.failed && h.len > 0 && EVP_DigestUpdate(md, h.buf, h.len) != 1)
		h.failed = 1;
	if (!h.failed && (EVP_DigestFinal_ex(md, out, &n) != 1 || n != 32))
		h.failed = 1;
	xmlXPathFreeNodeSet(set);
	if (h.failed) {
		xmlXPathErr(ctxt, XPATH_EXPR_ERROR);
		return;
	}
	for (i = 0; i < 32; i++) {
		s[2 * i] = hex[out[i] >> 4];
		s[2 * i + 1] = hex[out[i] & 15];
	}
	s[64] = '\0';
	valuePush(ctxt, xmlXPathNewString(BAD_CAST s));
}

/* Registers f:cache and f:digest for every stylesheet parsed after. */
void
fragment_init(void)
{
	xsltRegisterExtModuleElement(BAD_CAST "cache", BAD_CAST FRAGMENT_NS,
	    frag_compile, frag_apply);
	xsltRegisterExtModuleFunction(BAD_CAST "digest", BAD_CAST FRAGMENT_NS,
	    frag_digest);
}
