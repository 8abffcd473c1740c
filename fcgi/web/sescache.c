/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* sescache.c: the session of the last few seconds, without a query */

#include <sys/mman.h>

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "web.h"

/*
 * Reading the session (a join of sessions, accounts and units) was half of
 * MariaDB's work for an office's list page.  A worker keeps what it read
 * for SESCACHE_TTL seconds, and uses it only while
 *
 * - the generation shared by all workers (a counter in memory mapped
 *   before the fork) has not moved: every worker raises it when it runs a
 *   statement that writes sessions, accounts or units (a logout, a login,
 *   a password change, an expired session deleted) and again when that
 *   request ends, after its commit, so no worker can keep what it read
 *   before the commit;
 * - the session was seen in the last minute (after that the query runs
 *   and touches it, as before) and is not older than session_max.
 *
 * gkbm-admin writes from outside: what it changes is seen within
 * SESCACHE_TTL seconds.  Without the shared counter (a worker not started
 * by main.c) nothing is kept.
 */

#define SESCACHE_SLOTS	64
#define SESCACHE_TTL	2	/* seconds */
#define SESCACHE_TOUCH	60	/* seconds: auth.c touches after that */

struct sescache {
	unsigned char	 h[MAC_LEN];	/* hash of the session id */
	unsigned long	 gen;
	time_t		 read;		/* when the query ran */
	time_t		 seen;		/* seen_at, on this clock */
	time_t		 created;
	long long	 id, unit;
	int		 role, must;
	char		 name[128], login[128], uname[256], uregion[16];
	char		 ukind[16];
};

static volatile unsigned long	*gen;
static struct sescache		 slots[SESCACHE_SLOTS];
static size_t			 next_slot;
static int			 dirty;	/* this request bumped */

/* The shared generation; called by the master before it forks workers. */
void
sescache_init(void)
{
	void	*p;

	p = mmap(NULL, sizeof(*gen), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		log_warn("mmap: sessions are not cached");
		return;
	}
	gen = p;
}

/* Forgets every kept session, in every worker. */
void
sescache_bump(void)
{
	if (gen != NULL)
		__atomic_add_fetch(gen, 1, __ATOMIC_SEQ_CST);
	dirty = 1;
}

/*
 * The end of a request, after its commit or rollback: bumps again if it
 * wrote, so that what another worker read before the commit is dropped.
 */
void
sescache_end(void)
{
	if (dirty && gen != NULL)
		__atomic_add_fetch(gen, 1, __ATOMIC_SEQ_CST);
	dirty = 0;
}

static unsigned long
sescache_gen(void)
{
	return __atomic_load_n(gen, __ATOMIC_SEQ_CST);
}

/*
 * True if sql writes sessions, accounts or units (decided once per
 * statement when it is prepared): running it must bump the generation.
 */
int
sescache_writes(const char *sql)
{
	static const char *const	 verbs[] = { "INSERT", "UPDATE", "DELETE",
					    "REPLACE" };
	static const char *const	 tables[] = { "sessions", "accounts",
					    "units" };
	const char			*p;
	size_t				 i, n;
	int				 write = 0;

	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (strncasecmp(sql, verbs[i], strlen(verbs[i])) == 0)
			write = 1;
	for (i = 0; write && i < sizeof(tables) / sizeof(tables[0]); i++)
		for (p = sql, n = strlen(tables[i]);
		    (p = strcasestr(p, tables[i])) != NULL; p += n)
			if ((p == sql || (!isalnum((unsigned char)p[-1]) &&
			    p[-1] != '_')) && !isalnum((unsigned char)p[n]) &&
			    p[n] != '_')
				return 1;
	return 0;
}

/*
 * Fills r's account, role and unit from a kept session of hash h.
 * Returns 0, or -1 when none may be used (the caller queries).
 */
int
sescache_find(struct req *r, const unsigned char *h)
{
	time_t		 now = time(NULL);
	size_t		 i;
	struct sescache	*s;

	if (gen == NULL)
		return -1;
	for (i = 0; i < SESCACHE_SLOTS; i++) {
		s = &slots[i];
		if (s->read == 0 || memcmp(s->h, h, MAC_LEN) != 0)
			continue;
		if (s->gen != sescache_gen() || now - s->read >= SESCACHE_TTL ||
		    now < s->read || now - s->seen > SESCACHE_TOUCH ||
		    now - s->created > r->cfg->session_max)
			return -1;
		r->role = s->role;
		r->account_id = s->id;
		r->user_name = pool_strdup(r->pool, s->name);
		r->user_login = pool_strdup(r->pool, s->login);
		r->unit_id = s->unit;
		r->unit_name = pool_strdup(r->pool, s->uname);
		r->unit_region = pool_strdup(r->pool, s->uregion);
		r->unit_region_kind = pool_strdup(r->pool, s->ukind);
		r->must_change = s->must;
		return 0;
	}
	return -1;
}

/* Copies src into dst of size n; -1 if it does not fit. */
static int
sescache_copy(char *dst, size_t n, const char *src)
{
	return snprintf(dst, n, "%s", src != NULL ? src : "") < (int)n ? 0 : -1;
}

/*
 * Keeps the session of hash h that auth.c has just read into r: idle
 * and age are its seconds since seen and since created.  gen0 is the
 * generation before the query ran (a bump since then: not kept).
 */
void
sescache_keep(const struct req *r, const unsigned char *h, unsigned long gen0,
    long long idle, long long age)
{
	struct sescache	 s;
	time_t		 now = time(NULL);
	size_t		 i;

	if (gen == NULL || gen0 != sescache_gen())
		return;
	memset(&s, 0, sizeof(s));
	memcpy(s.h, h, MAC_LEN);
	s.gen = gen0;
	s.read = now;
	s.seen = now - idle;
	s.created = now - age;
	s.id = r->account_id;
	s.unit = r->unit_id;
	s.role = r->role;
	s.must = r->must_change;
	if (sescache_copy(s.name, sizeof(s.name), r->user_name) == -1 ||
	    sescache_copy(s.login, sizeof(s.login), r->user_login) == -1 ||
	    sescache_copy(s.uname, sizeof(s.uname), r->unit_name) == -1 ||
	    sescache_copy(s.uregion, sizeof(s.uregion), r->unit_region) == -1 ||
	    sescache_copy(s.ukind, sizeof(s.ukind), r->unit_region_kind) == -1)
		return;
	for (i = 0; i < SESCACHE_SLOTS; i++)
		if (memcmp(slots[i].h, h, MAC_LEN) == 0)
			break;
	if (i == SESCACHE_SLOTS)
		i = next_slot++ % SESCACHE_SLOTS;
	slots[i] = s;
}

/* The generation now, to hand to sescache_keep after the query. */
unsigned long
sescache_now(void)
{
	return gen != NULL ? sescache_gen() : 0;
}
