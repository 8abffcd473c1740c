/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/pool.c: tests of the per-request arena */

#include <string.h>

#include "gkbm.h"
#include "tap.h"

#if defined(__SANITIZE_ADDRESS__)
#define POOL_T_ASAN	1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define POOL_T_ASAN	1
#endif
#endif
#ifdef POOL_T_ASAN
#include <sanitizer/asan_interface.h>
#endif

static int	 cleaned[3];

/*
 * Under ASan (configure --enable-asan) the bytes past each allocation are
 * poisoned, so an overflow within a block is reported like one of malloc.
 */
static void
test_poison(void)
{
#ifdef POOL_T_ASAN
	struct pool	*p = pool_new();
	char		*a, *b, *big;

	a = pool_alloc(p, 5);
	b = pool_alloc(p, 16);
	ok(!__asan_address_is_poisoned(a + 4), "ASan: the last byte is usable");
	ok(__asan_address_is_poisoned(a + 5), "ASan: the byte after is poisoned");
	ok(__asan_address_is_poisoned(b + 16),
	    "ASan: past a 16-byte allocation is poisoned");
	ok(__asan_address_is_poisoned(b + 16 + 4096),
	    "ASan: the rest of the block is poisoned");
	big = pool_alloc(p, 10000);
	ok(!__asan_address_is_poisoned(big + 9999) &&
	    __asan_address_is_poisoned(big + 10000),
	    "ASan: a large allocation ends where it should");
	pool_free(p);
#else
	skip("the pool's ASan poisoning: not an ASan build");
#endif
}

static int	 order;

static void
mark(void *arg)
{
	*(int *)arg = ++order;
}

int
main(void)
{
	struct pool	*p;
	char		*s, *big;
	void		*a, *b;
	size_t		 i;

	plan_lazy();
	p = pool_new();
	a = pool_alloc(p, 1);
	b = pool_alloc(p, 1);
	ok(((uintptr_t)a % 16) == 0 && ((uintptr_t)b % 16) == 0,
	    "allocations are 16-byte aligned");
	ok(a != b, "two allocations differ");
	s = pool_strdup(p, "工考");
	is_string("工考", s, "pool_strdup copies");
	ok(pool_strdup(p, NULL) == NULL, "pool_strdup(NULL) is NULL");
	is_string("abc", pool_strndup(p, "abcdef", 3), "pool_strndup cuts");
	s = pool_printf(p, "%s-%d", "year", 2026);
	is_string("year-2026", s, "pool_printf short");
	big = pool_printf(p, "%0500d", 7);
	ok(strlen(big) == 500 && big[499] == '7', "pool_printf longer than its buffer");
	s = pool_calloc(p, 100, 3);
	for (i = 0; i < 300 && s[i] == 0; i++)
		;
	is_int(300, i, "pool_calloc zeroes");
	big = pool_alloc(p, 1 << 20);
	memset(big, 'x', 1 << 20);
	ok(pool_size(p) > (1 << 20), "a large allocation is counted");
	s = pool_alloc(p, 10);
	memcpy(s, "after-big", 10);
	is_string("after-big", s, "small allocation after a large one");
	pool_cleanup(p, mark, &cleaned[0]);
	pool_cleanup(p, mark, &cleaned[1]);
	pool_cleanup(p, mark, &cleaned[2]);
	pool_free(p);
	ok(cleaned[2] == 1 && cleaned[1] == 2 && cleaned[0] == 3,
	    "cleanups run in reverse order");
	pool_free(NULL);
	ok(1, "pool_free(NULL) is harmless");
	test_poison();
	return 0;
}
