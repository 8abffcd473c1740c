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
 * decide.h: a review decision applied to an application in one
 * transaction (fcgi/model/decide.c), as the state machine allows.
 */

#ifndef DECIDE_H
#define DECIDE_H

#include "review.h"

#define DEC_REASON_MAX	200	/* characters of a reason */
#define DEC_NOTE_MAX	500	/* characters of a 容缺后补 note */
#define DEC_BAN_YEARS	2	/* years a false application bars (003) */

/* What a reviewer asks for. */
struct decision {
	long long	 app, version;
	enum rv_action	 action;
	const char	*reason;	/* "" when none */
	int		 defer;		/* 1: 材料容缺后补 on a pass */
	const char	*defer_note;
};

enum dec_rc {
	DEC_OK,		/* applied */
	DEC_NOTFOUND,	/* no such application in the asker's chain */
	DEC_STALE,	/* its version changed: someone acted first */
	DEC_REFUSED,	/* the state machine said no (out.why, out.msg) */
	DEC_DB		/* the database failed */
};

/* The answer; strings are the request's. */
struct dec_out {
	enum rv_why	 why;
	const char	*msg;		/* the refusal, with window dates */
	const char	*event;		/* what was written (DEC_OK) */
	const char	*name;		/* the candidate (found in chain) */
	long long	 level;		/* its target level (queue kind) */
	const char	*state;		/* its state now (state name) */
	const char	*last_action;	/* DEC_STALE: what happened */
	const char	*last_who;	/* masked name of who acted */
	const char	*last_at;	/* and when */
};

/* decide.c */
enum dec_rc	 decide_apply(struct req *, const struct decision *,
		    struct dec_out *);
long long	 decide_next(struct req *, int);
const char	*decide_event_name(const char *);

#endif /* DECIDE_H */
