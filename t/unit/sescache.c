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
 * t/unit/sescache.c: a kept session is used only while no worker has
 * written sessions, accounts or units, for at most two seconds, and for
 * the session it was read for; which statements count as such writes.
 */

#include <sys/wait.h>

#include <string.h>
#include <unistd.h>

#include "web.h"
#include "tap.h"

static struct config	 cfg;

static void
req_init(struct req *r)
{
	memset(r, 0, sizeof(*r));
	r->pool = pool_new();
	r->cfg = &cfg;
}

/* Reads "the database" for h into a fresh request and keeps it. */
static void
keep(const unsigned char *h, unsigned long gen0)
{
	struct req	 r;

	req_init(&r);
	r.role = ROLE_PROVINCE;
	r.account_id = 7;
	r.user_name = "省工考办";
	r.user_login = "sgkb";
	r.unit_id = 3;
	r.unit_name = "河南省工考办";
	r.unit_region = "410000";
	sescache_keep(&r, h, gen0, 5, 100);
	pool_free(r.pool);
}

static int
found(const unsigned char *h)
{
	struct req	 r;
	int		 ok_;

	req_init(&r);
	ok_ = sescache_find(&r, h) == 0 && r.role == ROLE_PROVINCE &&
	    r.account_id == 7 && strcmp(r.unit_region, "410000") == 0 &&
	    strcmp(r.user_name, "省工考办") == 0;
	pool_free(r.pool);
	return ok_;
}

int
main(void)
{
	unsigned char	 h[MAC_LEN], other[MAC_LEN];
	unsigned long	 g;
	pid_t		 pid;
	int		 st;

	plan_lazy();
	cfg.session_max = 28800;
	memset(h, 1, sizeof(h));
	memset(other, 2, sizeof(other));

	ok(sescache_find(NULL, h) == -1, "nothing kept before the shared "
	    "generation exists");
	keep(h, 0);
	ok(sescache_find(NULL, h) == -1, "nor kept without it");

	sescache_init();
	keep(h, sescache_now());
	ok(found(h), "a session just read is used");
	ok(!found(other), "for its own session id only");

	g = sescache_now();
	sescache_bump();
	ok(!found(h), "a write to sessions, accounts or units drops it");
	keep(h, g);
	ok(!found(h), "what was read before a write is not kept");

	keep(h, sescache_now());
	if ((pid = fork()) == 0) {	/* another worker writes */
		sescache_bump();
		_exit(0);
	}
	waitpid(pid, &st, 0);
	ok(!found(h), "a write in another worker drops it too");

	sescache_end();		/* the request of the bump above ends */
	keep(h, sescache_now());
	sescache_end();
	ok(found(h), "a request that wrote nothing leaves it");
	sescache_bump();
	keep(h, sescache_now());
	sescache_end();
	ok(!found(h), "the end of a request that wrote drops it again");

	keep(h, sescache_now());
	sleep(3);
	ok(!found(h), "two seconds later it is read again");

	cfg.session_max = 50;
	keep(h, sescache_now());
	ok(!found(h), "not past session_max");

	ok(sescache_writes("DELETE FROM sessions WHERE id = ?"), "DELETE sessions writes");
	ok(sescache_writes("UPDATE accounts SET pw_hash = ? WHERE id = ?"), "UPDATE accounts writes");
	ok(sescache_writes("insert into units (code) values (?)"), "insert units writes");
	ok(!sescache_writes("SELECT a.id FROM sessions s JOIN accounts a"), "a SELECT does not");
	ok(!sescache_writes("UPDATE applications SET unit_id = ? WHERE id = ?"),
	    "nor applications.unit_id");
	ok(!sescache_writes("INSERT INTO login_pending (id, account_id) VALUES (?, ?)"),
	    "nor account_id in another table");
	return 0;
}
