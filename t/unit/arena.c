/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/arena.c: tests of libxml2's per-request arena */

#include <malloc.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

#include "web.h"
#include "tap.h"


#define HUGE	(65UL * 1024 * 1024)	/* above a quarter of the region */

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_T_ASAN	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_T_ASAN	1
#endif
#endif

#ifdef ARENA_T_ASAN
#include <sanitizer/allocator_interface.h>

/* Under ASan (configure --enable-asan) malloc is its own: all it holds. */
static size_t
mmapped(void)
{
	return __sanitizer_get_current_allocated_bytes();
}
#else
/* Bytes glibc holds in mmap'd chunks (every allocation above 32 MB). */
static size_t
mmapped(void)
{
	return mallinfo2().hblkhd;
}
#endif

int
main(void)
{
	xmlDocPtr	 before, in;
	xmlNodePtr	 n;
	char		*p, *q;
	size_t		 i;

	plan_lazy();
	ok(arena_init() == 0, "the region is reserved");
	xmlInitParser();
	before = xmlNewDoc((const xmlChar *)"1.0");
	ok(!arena_owns(before), "outside a request: glibc's malloc");

	arena_begin();
	in = xmlNewDoc((const xmlChar *)"1.0");
	ok(arena_owns(in), "inside a request: the arena");
	n = xmlNewDocNode(in, NULL, (const xmlChar *)"page", NULL);
	xmlDocSetRootElement(in, n);
	for (i = 0; i < 1000; i++)
		xmlNewTextChild(n, NULL, (const xmlChar *)"row",
		    (const xmlChar *)"张三 <script>");
	ok(arena_used() > 1000 * 64, "a thousand nodes counted");
	p = xmlMalloc(10);
	memcpy(p, "123456789", 10);
	q = xmlRealloc(p, 5000);
	ok(q == p, "the last chunk grows in place");
	is_string("123456789", q, "growing keeps the bytes");
	p = xmlMalloc(16);
	q = xmlRealloc(q, 10000);
	ok(q != p && arena_owns(q), "an inner chunk moves within the arena");
	is_string("123456789", q, "moving keeps the bytes");
	p = xmlMalloc(100 * 1024 * 1024);
	ok(p != NULL && !arena_owns(p), "a huge allocation goes to malloc");
	xmlFree(p);
	xmlFree(q);	/* a no-op: must not crash */
	xmlFreeDoc(before);	/* a glibc pointer freed during a request */
	arena_end();
	is_int(0, arena_used(), "the end of the request drops everything");

	/* Fallbacks to malloc die with the request too. */
	arena_begin();
	p = xmlMalloc(HUGE);
	ok(p != NULL && !arena_owns(p), "a 65 MB allocation falls back");
	memset(p, 1, 4096);
	is_int(1, arena_fallbacks(), "the fallback is remembered");
	ok(mmapped() >= HUGE, "glibc holds it");
	arena_end();
	is_int(0, arena_fallbacks(), "arena_end forgets it");
	ok(mmapped() < HUGE, "arena_end freed the 65 MB");

	arena_begin();
	p = xmlMalloc(HUGE);
	xmlFree(p);
	is_int(0, arena_fallbacks(), "xmlFree during the request forgets it");
	arena_end();	/* must not free it twice */
	ok(mmapped() < HUGE, "freed once");

	arena_begin();
	p = xmlMalloc(100);
	memcpy(p, "abc", 4);
	q = xmlMalloc(16);	/* p is no longer the last chunk */
	p = xmlRealloc(p, HUGE);
	ok(p != NULL && !arena_owns(p), "a realloc moves a chunk to malloc");
	is_string("abc", p, "the move keeps the bytes");
	is_int(1, arena_fallbacks(), "the moved chunk is remembered");
	p = xmlRealloc(p, HUGE + 4096);
	is_int(1, arena_fallbacks(), "a fallback grown is still one");
	is_string("abc", p, "growing a fallback keeps the bytes");
	for (i = 0; i < 200; i++)
		(void)xmlMalloc(HUGE / 64 + i);	/* under a quarter: arena */
	is_int(1, arena_fallbacks(), "smaller ones stay in the region");
	arena_end();
	is_int(0, arena_fallbacks(), "arena_end frees the moved chunk");
	ok(mmapped() < HUGE, "and glibc holds nothing of it");

	before = xmlNewDoc((const xmlChar *)"1.0");
	arena_begin();
	xmlFreeDoc(before);	/* untracked: goes to glibc, no trace left */
	is_int(0, arena_fallbacks(), "an older pointer is not a fallback");
	arena_end();

	arena_begin();
	p = xmlMalloc(32);
	ok(arena_owns(p) && (char *)p <= (char *)in,
	    "the next request reuses the region from its start");
	arena_end();
	p = xmlMalloc(32);
	ok(!arena_owns(p), "after the request: malloc again");
	xmlFree(p);
	return 0;
}
