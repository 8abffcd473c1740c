/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* arena.c: libxml2's and libxslt's memory from a per-request arena */

#include <sys/mman.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlmemory.h>

#include "web.h"

/*
 * Where the time of a page goes (PERF.md, tools/bench): a third of the
 * instructions are glibc's malloc and free called by libxml2 and libxslt,
 * and freeing the two trees of a request costs as much again.  While a
 * request is served, libxml2 allocates from one region reserved once per
 * worker: an allocation is a pointer bump, a free of an arena pointer
 * does nothing, and the end of the request drops everything at once.
 *
 * Outside a request (start-up: parsing the stylesheets) the functions pass
 * through to malloc, so long-lived objects never live in the arena; a free
 * or realloc of a pointer outside the region goes to glibc.  When the
 * region is full, allocations fall back to malloc (and are freed by the
 * normal frees), so a huge page degrades to the ordinary cost.
 */

#define ARENA_SIZE	(256UL * 1024 * 1024)	/* reserved, not committed */
#define ARENA_KEEP	(4UL * 1024 * 1024)	/* kept committed after a request */
#define ARENA_ALIGN	16
#define ALIGNED(n)	(((n) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

struct chunk {
	size_t		 size;		/* usable bytes after the header */
	size_t		 pad;		/* keeps the payload 16-aligned */
};

static char	*base;		/* start of the region, NULL: no arena */
static size_t	 used;		/* bytes handed out in this request */
static size_t	 high;		/* high-water mark since the last trim */
static int	 active;	/* inside a request */

/* True if p was handed out by the arena (and is dropped with it). */
int
arena_owns(const void *p)
{
	return base != NULL && (const char *)p >= base &&
	    (const char *)p < base + ARENA_SIZE;
}

static void *
arena_malloc(size_t size)
{
	struct chunk	*c;
	size_t		 need;

	if (!active || size > ARENA_SIZE / 4)
		return malloc(size);
	need = sizeof(*c) + ALIGNED(size);
	if (need > ARENA_SIZE - used)
		return malloc(size);
	c = (struct chunk *)(base + used);
	c->size = size;
	used += need;
	return c + 1;
}

static void
arena_free(void *p)
{
	if (p != NULL && !arena_owns(p))
		free(p);
}

static void *
arena_realloc(void *p, size_t size)
{
	struct chunk	*c;
	void		*n;
	size_t		 off;

	if (p == NULL)
		return arena_malloc(size);
	if (!arena_owns(p))
		return realloc(p, size);
	c = (struct chunk *)p - 1;
	if (size <= c->size)
		return p;
	/* The last chunk grows in place. */
	off = (size_t)((char *)p - base);
	if (off + ALIGNED(c->size) == used && size <= ARENA_SIZE / 4 &&
	    off + ALIGNED(size) <= ARENA_SIZE) {
		used = off + ALIGNED(size);
		c->size = size;
		return p;
	}
	if ((n = arena_malloc(size)) == NULL)
		return NULL;
	memcpy(n, p, c->size);
	return n;
}

static char *
arena_strdup(const char *s)
{
	size_t	 len = strlen(s) + 1;
	char	*d;

	if ((d = arena_malloc(len)) != NULL)
		memcpy(d, s, len);
	return d;
}

/*
 * Reserves the region and installs the allocator into libxml2.  Must run
 * before libxml2 allocates anything.  Returns 0, or -1 when the region
 * cannot be reserved (libxml2 then uses malloc as usual).
 */
int
arena_init(void)
{
	void	*p;

	p = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (p == MAP_FAILED) {
		log_warn("arena: mmap");
		return -1;
	}
	base = p;
	if (xmlMemSetup(arena_free, arena_malloc, arena_realloc,
	    arena_strdup) != 0)
		fatalx("xmlMemSetup failed");
	return 0;
}

/* Starts a request: libxml2's allocations come from the arena. */
void
arena_begin(void)
{
	used = 0;
	active = base != NULL;
}

/*
 * Ends a request: everything allocated since arena_begin() is gone.  The
 * pages beyond ARENA_KEEP go back to the kernel, so a worker's memory
 * stays flat after one big page.
 */
void
arena_end(void)
{
	active = 0;
	if (used > high)
		high = used;
	if (high > ARENA_KEEP) {
		madvise(base + ARENA_KEEP, high - ARENA_KEEP, MADV_DONTNEED);
		high = ARENA_KEEP;
	}
	used = 0;
}

/* Bytes the current request has taken from the arena. */
size_t
arena_used(void)
{
	return used;
}
