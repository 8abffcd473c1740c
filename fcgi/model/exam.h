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
 * exam.h: the exam plan of a year and exam region (schema/0019-exam.sql):
 * its sites, rooms, sessions and who sits them, the admitted
 * applications, the seats, an allocation run (seat.c's rule) stored in
 * one transaction, and one application's seat for the ticket and result
 * pages (exam_seat_get).  Include web.h first.
 *
 * The exam region of an application is its unit's city_code, else (省直,
 * 中央驻豫: city_code NULL) the province's region code: EXAM_REGION in
 * db.c, the one place that says it.  Admitted: state 'approved', no open
 * 容缺后补 item (defer_state 0), paid where the region pays online
 * (pay_city.online = 1 for the year): EXAM_ADMITTED in db.c.
 *
 * Every function takes the year and region explicitly; the pages check
 * that the region is the office's own (exam_office_region) and
 * gkbm-admin may name any.  Strings live in the request's pool.
 */
#ifndef EXAM_H
#define EXAM_H

#include "seat.h"

/*
 * One application's seat (exam_seat_get): what a 准考证 or a result
 * page shows.  Only an application still admitted has one.
 */
struct exam_seat {
	long long	 app;		/* application id */
	long long	 year;
	char		*region;	/* exam region code, 6 digits */
	char		*region_name;	/* 郑州市, 河南省 (省直) */
	char		*ticket_no;	/* 16 digits: YY RRRRRR S PP MMM NN */
	char		*session;	/* session code, "1"-"9" */
	char		*starts;	/* "YYYY-MM-DD HH:MM" */
	char		*ends;		/* "YYYY-MM-DD HH:MM" */
	char		*site_code;	/* 2 digits */
	char		*site_name;	/* 考点 */
	char		*site_address;
	char		*room_code;	/* 3 digits */
	char		*room_name;	/* 考场: 第3考场 */
	int		 seat;		/* 1-99 */
	int		 level;		/* the application's target level */
	char		*worktype;	/* its work type's name */
};

/* A site (考点) and its rooms' totals. */
struct exam_site {
	long long	 id;
	char		*code, *name, *address;
	long long	 nrooms, seats, taken;	/* rooms, seats, seats given */
};

/* A room (考场), in filling order. */
struct exam_room {
	long long	 id, site_id;
	char		*site_code, *code, *name;
	int		 cap;
	long long	 taken;		/* seats given in it (all sessions) */
	int		 high;		/* highest seat given in it */
};

/* A session (场次). */
struct exam_sess {
	long long	 id;
	char		*code;		/* "1"-"9" */
	char		*starts, *ends;	/* "YYYY-MM-DD HH:MM" */
};

/* Who sits a session. */
struct exam_sit {
	long long	 session_id;
	int		 level;
	char		*worktype;	/* "" every other work type */
	char		*wt_name;	/* "" for "" */
};

/* An admitted application as the allocator and the page see it. */
struct exam_cand {
	long long	 app;
	int		 level;
	char		*worktype;	/* code */
	char		*wt_name;
	char		*name;		/* the candidate's */
	char		*unit;		/* his unit's name */
};

/* The plan of a year and region, loaded whole. */
struct exam_plan {
	long long		 year;
	char			 region[7];
	struct exam_site	*sites;
	size_t			 nsites;
	struct exam_room	*rooms;
	size_t			 nrooms;
	struct exam_sess	*sess;
	size_t			 nsess;
	struct exam_sit		*sits;
	size_t			 nsits;
	struct exam_cand	*cands;		/* admitted, by id */
	size_t			 ncands;
	struct seat_taken	*taken;		/* every seat given */
	size_t			 ntaken;
	/* seat.c's input, made from the above by exam_plan_load */
	struct seat_room	*srooms;
	struct seat_session	*ssess;
	struct seat_sit		*ssits;
	struct seat_cand	*scands;
	struct seat_in		 in;
};

/* What a run did (exam_run). */
struct exam_runres {
	long long	 run_id;	/* 0: nothing stored */
	struct seat_out	 out;		/* the plan (freed by exam_run_free) */
};

int		 exam_office_region(struct req *, char [7], char **);
int		 exam_region_name(struct req *, const char *, char **);
int		 exam_plan_load(struct req *, long long, const char *,
		    struct exam_plan *);
int		 exam_run(struct req *, long long, const char *, long long,
		    struct exam_plan *, struct exam_runres *);
void		 exam_run_free(struct exam_runres *);
int		 exam_seat_get(struct req *, long long, struct exam_seat *);
const struct exam_cand *exam_cand_find(const struct exam_plan *, long long);

/* The model's refusals (a page or command says them as they are). */
const char	*exam_site_put(struct req *, long long, const char *,
		    long long, const char *, const char *, const char *);
const char	*exam_site_delete(struct req *, long long, const char *,
		    long long);
const char	*exam_room_put(struct req *, long long, const char *,
		    long long, long long, const char *, const char *, int);
const char	*exam_room_delete(struct req *, long long, const char *,
		    long long);
const char	*exam_session_put(struct req *, long long, const char *,
		    long long, const char *, const char *, const char *,
		    const char *);
const char	*exam_session_delete(struct req *, long long, const char *,
		    long long);

#endif /* EXAM_H */
