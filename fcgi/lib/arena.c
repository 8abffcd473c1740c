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

#include "gkbm.h"

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
 * region is full, or for an allocation above a quarter of it, a request's
 * allocation falls back to malloc, so a huge page degrades to the ordinary
 * cost.  Those fallbacks die with the request like arena chunks (a
 * document dropped with the arena is never freed node by node), so a
 * small hash set remembers them: xmlFree during the request takes one
 * out, and arena_end() frees the rest.
 */

#define ARENA_SIZE	(256UL * 1024 * 1024)	/* reserved, not committed */
#define ARENA_KEEP	(4UL * 1024 * 1024)	/* kept committed after a request */
#define ARENA_ALIGN	16
#define ALIGNED(n)	(((n) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

struct chunk {
	size_t		 size;		/* usable bytes after the header */
	size_t		 pad;		/* keeps the payload 16-aligned */
};

#define FB_MIN		64	/* slots of the first fallback table */
#define FB_KEEP		4096	/* slots kept after a request */
#define FB_HASH(p, cap)	((size_t)(((uintptr_t)(p) >> 4) * \
			    (uintptr_t)0x9e3779b97f4a7c15ULL) & ((cap) - 1))

static char	*base;		/* start of the region, NULL: no arena */
static size_t	 used;		/* bytes handed out in this request */
static size_t	 high;		/* high-water mark since the last trim */
static int	 active;	/* inside a request */

static void	**fb;		/* this request's malloc fallbacks (hash set) */
static size_t	 fbcap;		/* slots, a power of two or 0 */
static size_t	 fbn;		/* live pointers in fb */
static size_t	 fbfull;	/* slots not NULL (live and deleted) */
static char	 fb_gone;	/* its address marks a deleted slot */
#define FB_GONE	((void *)&fb_gone)

/*
 * Makes room in fb for one more pointer, rehashing (with glibc's
 * malloc, never the arena) when half full.  Returns 0, or -1 when out
 * of memory.
 */
static int
fb_reserve(void)
{
	void	**n, **old = fb;
	size_t	 cap, i, j, oldcap = fbcap;

	if ((fbfull + 1) * 2 <= fbcap)
		return 0;
	for (cap = FB_MIN; cap < (fbn + 1) * 4; cap *= 2)
		;
	if ((n = calloc(cap, sizeof(*n))) == NULL)
		return -1;
	for (i = 0; i < oldcap; i++) {
		if (old[i] == NULL || old[i] == FB_GONE)
			continue;
		for (j = FB_HASH(old[i], cap); n[j] != NULL;
		    j = (j + 1) & (cap - 1))
			;
		n[j] = old[i];
	}
	free(old);
	fb = n;
	fbcap = cap;
	fbfull = fbn;
	return 0;
}

/* Adds p to fb, which fb_reserve() made room for. */
static void
fb_add(void *p)
{
	size_t	 j;

	for (j = FB_HASH(p, fbcap); fb[j] != NULL && fb[j] != FB_GONE;
	    j = (j + 1) & (fbcap - 1))
		;
	if (fb[j] == NULL)
		fbfull++;
	fb[j] = p;
	fbn++;
}

/* Takes p out of fb.  Returns 1, or 0 when p was not there. */
static int
fb_del(void *p)
{
	size_t	 j;

	if (fbcap == 0)
		return 0;
	for (j = FB_HASH(p, fbcap); fb[j] != NULL; j = (j + 1) & (fbcap - 1))
		if (fb[j] == p) {
			fb[j] = FB_GONE;
			fbn--;
			return 1;
		}
	return 0;
}

/* Frees every pointer left in fb and empties it. */
static void
fb_drop(void)
{
	size_t	 i;

	for (i = 0; i < fbcap && fbn > 0; i++)
		if (fb[i] != NULL && fb[i] != FB_GONE) {
			free(fb[i]);
			fbn--;
		}
	if (fbcap > FB_KEEP) {
		free(fb);
		fb = NULL;
		fbcap = 0;
	} else if (fbcap > 0)
		memset(fb, 0, fbcap * sizeof(*fb));
	fbn = fbfull = 0;
}

/* malloc, remembered in fb (in a request) so arena_end() frees it. */
static void *
fb_malloc(size_t size)
{
	void	*p;

	if (fb_reserve() == -1 || (p = malloc(size)) == NULL)
		return NULL;
	fb_add(p);
	return p;
}

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

	if (!active)
		return malloc(size);
	if (size > ARENA_SIZE / 4)
		return fb_malloc(size);
	need = sizeof(*c) + ALIGNED(size);
	if (need > ARENA_SIZE - used)
		return fb_malloc(size);
	c = (struct chunk *)(base + used);
	c->size = size;
	used += need;
	return c + 1;
}

static void
arena_free(void *p)
{
	if (p == NULL || arena_owns(p))
		return;
	if (active)
		(void)fb_del(p);
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
	if (!arena_owns(p)) {
		/* A fallback stays one; an older pointer stays untracked. */
		if (!active)
			return realloc(p, size);
		if (fb_reserve() == -1)
			return NULL;
		if (!fb_del(p))
			return realloc(p, size);
		if ((n = realloc(p, size)) == NULL) {
			fb_add(p);
			return NULL;
		}
		fb_add(n);
		return n;
	}
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
 * Ends a request: everything allocated since arena_begin() is gone, the
 * malloc fallbacks not freed meanwhile included.  The pages beyond
 * ARENA_KEEP go back to the kernel, so a worker's memory stays flat
 * after one big page.
 */
void
arena_end(void)
{
	active = 0;
	fb_drop();
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

/*
 * Allocations of the current request that fell back to malloc and are
 * not freed yet (arena_end() frees them).  For t/unit/arena.c, which
 * declares it itself.
 */

size_t
arena_fallbacks(void)
{
	return fbn;
}
