/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* pool.c: the per-request arena with cleanup hooks (nginx ngx_pool) */

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gkbm.h"

#define POOL_BLOCK	16384		/* first and usual block size */
#define POOL_ALIGN	16

/*
 * Under AddressSanitizer (configure --enable-asan) the bytes of a block
 * not handed out are poisoned and every allocation is followed by a
 * poisoned gap, so reading or writing past what pool_alloc gave is
 * reported as it would be for malloc; otherwise these are no-ops.
 */
#if defined(__SANITIZE_ADDRESS__)
#define POOL_ASAN	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_ASAN	1
#endif
#endif
#ifdef POOL_ASAN
#include <sanitizer/asan_interface.h>
#define POOL_GAP	POOL_ALIGN
#define POOL_POISON(a, n)	ASAN_POISON_MEMORY_REGION((a), (n))
#define POOL_UNPOISON(a, n)	ASAN_UNPOISON_MEMORY_REGION((a), (n))
#else
#define POOL_GAP	0
#define POOL_POISON(a, n)	((void)(a), (void)(n))
#define POOL_UNPOISON(a, n)	((void)(a), (void)(n))
#endif

struct pool_block {
	struct pool_block	*next;
	size_t			 size;	/* usable bytes in data */
	size_t			 used;
	max_align_t		 data[];
};

struct pool_cleanup {
	struct pool_cleanup	*next;
	void			(*fn)(void *);
	void			*arg;
};

struct pool {
	struct pool_block	*blocks;	/* newest first */
	struct pool_cleanup	*cleanups;	/* run newest first */
	size_t			 total;		/* bytes handed out */
};

/* Returns a new empty pool; the caller frees it with pool_free(). */
struct pool *
pool_new(void)
{
	return xcalloc(1, sizeof(struct pool));
}

/* Runs the cleanups in reverse order of registration, then frees it all. */
void
pool_free(struct pool *p)
{
	struct pool_block	*b, *nb;
	struct pool_cleanup	*c;

	if (p == NULL)
		return;
	while ((c = p->cleanups) != NULL) {
		p->cleanups = c->next;
		c->fn(c->arg);
	}
	for (b = p->blocks; b != NULL; b = nb) {
		nb = b->next;
		free(b);
	}
	free(p);
}

/* Returns size bytes aligned for any type; aborts when memory runs out. */
void *
pool_alloc(struct pool *p, size_t size)
{
	struct pool_block	*b;
	size_t			 need, bsize;
	char			*ret;

	need = (size + POOL_ALIGN - 1) & ~(size_t)(POOL_ALIGN - 1);
	if (need < size || need + POOL_GAP < need)
		fatalx("pool_alloc: size overflow");
	b = p->blocks;
	if (b == NULL || b->size - b->used < need + POOL_GAP) {
		bsize = need > POOL_BLOCK / 4 ? need + POOL_GAP : POOL_BLOCK;
		b = xmalloc(sizeof(*b) + bsize);
		b->size = bsize;
		b->used = 0;
		POOL_POISON(b->data, bsize);
		if (need > POOL_BLOCK / 4 && p->blocks != NULL) {
			/* A big one goes behind the current block. */
			b->next = p->blocks->next;
			p->blocks->next = b;
		} else {
			b->next = p->blocks;
			p->blocks = b;
		}
	}
	ret = (char *)b->data + b->used;
	POOL_UNPOISON(ret, size);
	b->used += need + POOL_GAP;
	p->total += need;
	return ret;
}

void *
pool_calloc(struct pool *p, size_t nmemb, size_t size)
{
	void	*ret;

	if (size != 0 && nmemb > SIZE_MAX / size)
		fatalx("pool_calloc: size overflow");
	ret = pool_alloc(p, nmemb * size);
	memset(ret, 0, nmemb * size);
	return ret;
}

char *
pool_strndup(struct pool *p, const char *s, size_t len)
{
	char	*ret;

	ret = pool_alloc(p, len + 1);
	memcpy(ret, s, len);
	ret[len] = '\0';
	return ret;
}

char *
pool_strdup(struct pool *p, const char *s)
{
	return s == NULL ? NULL : pool_strndup(p, s, strlen(s));
}

char *
pool_printf(struct pool *p, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[256], *ret;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0)
		fatalx("pool_printf: bad format");
	ret = pool_alloc(p, (size_t)n + 1);
	if ((size_t)n < sizeof(buf))
		memcpy(ret, buf, (size_t)n + 1);
	else {
		va_start(ap, fmt);
		vsnprintf(ret, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	return ret;
}

/* Registers fn(arg) to run when the pool is freed. */
void
pool_cleanup(struct pool *p, void (*fn)(void *), void *arg)
{
	struct pool_cleanup	*c;

	c = pool_alloc(p, sizeof(*c));
	c->fn = fn;
	c->arg = arg;
	c->next = p->cleanups;
	p->cleanups = c;
}

/* Returns the bytes handed out so far (for tests and the memory log). */
size_t
pool_size(const struct pool *p)
{
	return p->total;
}
