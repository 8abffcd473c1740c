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
 * seat.h: 编排考场, the seat allocator (issue 10 §2), a pure rule: the
 * rooms, sessions, seats already given and the admitted candidates of
 * one year and exam region in; the new seats with their 准考证号 and
 * those left without a seat (and why) out.  No database: fcgi/model/
 * exam.c loads the input and stores the output.
 *
 * THE RULE (as a city office would be told it):
 *  1. Each candidate sits in the session (场次) that names his level and
 *     work type; else in the session that names his level with work type
 *     '' (every other work type of the level); else he has no session.
 *  2. In a session, candidates are taken in order of work type, level,
 *     then their order key (the application's number).  A work type and
 *     level is a group.
 *  3. Rooms are filled in their order (site code, room code), seat 1, 2,
 *     ... of a room before the next room.  A seat once given is never
 *     moved and never given again, even when its candidate left: new
 *     seats in a room only come after the highest seat given in it.
 *  4. A group first takes the free seats of the rooms it already sits in
 *     (a 补报 candidate joins his group).  The rest of the group starts
 *     a new, empty room, unless the empty rooms left cannot seat everyone
 *     of the session still waiting: then the group first takes the seats
 *     left in rooms other groups began (in room order), so no seat that
 *     is needed is wasted.
 *  5. When the seats run out, the candidates left (the last in the
 *     order) get no seat, with the reason 座位不足; nobody is overbooked.
 *
 * Deterministic: the same input gives the same output, whatever the
 * order of the input's arrays of candidates and seats.
 */
#ifndef SEAT_H
#define SEAT_H

#include <stddef.h>

#define SEAT_TICKET_LEN	16	/* YY RRRRRR S PP MMM NN */
#define SEAT_MAX	99	/* seats of a room at most */

/* A room, in filling order (site code, room code). */
struct seat_room {
	const char	*site;		/* site code, 2 digits */
	const char	*code;		/* room code, 3 digits */
	int		 cap;		/* seats, 1-99 */
};

/* A session: its one-digit code. */
struct seat_session {
	char		 code;		/* '1'-'9' */
};

/* Who sits in a session: a level and a work type ("" = the rest). */
struct seat_sit {
	size_t		 session;	/* index into sessions */
	int		 level;
	const char	*worktype;
};

/* A seat given before (kept; its candidate may have left since). */
struct seat_taken {
	long long	 app;
	size_t		 session;	/* index into sessions */
	size_t		 room;		/* index into rooms */
	int		 seat;
};

/* An admitted candidate. */
struct seat_cand {
	long long	 app;		/* application id, unique */
	int		 level;
	const char	*worktype;
	long long	 key;		/* order within the group */
};

struct seat_in {
	int			 year;
	const char		*region;	/* 6 digits */
	const struct seat_room	*rooms;
	size_t			 nrooms;
	const struct seat_session *sessions;
	size_t			 nsessions;
	const struct seat_sit	*sits;
	size_t			 nsits;
	const struct seat_taken	*taken;
	size_t			 ntaken;
	const struct seat_cand	*cands;
	size_t			 ncands;
};

/* A new seat. */
struct seat_given {
	long long	 app;
	size_t		 session, room;
	int		 seat;
	char		 ticket[SEAT_TICKET_LEN + 1];
};

enum seat_why {
	SEAT_NO_SESSION,	/* no session for his level and work type */
	SEAT_SHORT,		/* his session's rooms are full */
	SEAT_WHY__MAX
};

/* A candidate left without a seat. */
struct seat_miss {
	long long	 app;
	enum seat_why	 why;
	size_t		 session;	/* SEAT_SHORT: his session */
	int		 level;
	const char	*worktype;
};

/* Per session: seats, the seats given before, candidates. */
struct seat_count {
	long long	 cap;		/* seats of all rooms */
	long long	 used;		/* seats given before (kept or left) */
	long long	 kept;		/* of them, still admitted */
	long long	 placed;	/* new seats now */
	long long	 short_;	/* left without a seat */
};

struct seat_out {
	struct seat_given	*given;		/* in the candidates' order */
	size_t			 ngiven;
	struct seat_miss	*miss;
	size_t			 nmiss;
	size_t			 kept;		/* candidates already seated */
	size_t			 nshort;	/* misses of SEAT_SHORT */
	struct seat_count	*count;		/* [nsessions] */
};

void		 seat_plan(const struct seat_in *, struct seat_out *);
void		 seat_out_free(struct seat_out *);
int		 seat_ticket(char [SEAT_TICKET_LEN + 1], int, const char *,
		    char, const char *, const char *, int);
const char	*seat_why_text(enum seat_why);
const char	*seat_why_code(enum seat_why);

#endif /* SEAT_H */
