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
 * app.h: the application, one model for every page that reads or changes
 * it (the form, the uploads, the phone page; the review state machine
 * extends it).  Loaders fill what their page needs; the rest stays zero.
 */

#ifndef APP_H
#define APP_H

#define NYEARS		5	/* years of annual appraisal */

/* The stored fields, in the order of STMT_APP_SAVE and STMT_APP_SAVE_TEXT. */
enum fld {
	F_UNIT, F_EDU, F_WSTART, F_WYEARS, F_CURLEVEL, F_CURWT, F_CURYEAR,
	F_UCAT, F_URANK, F_TWT, F_TLEVEL, F_ROUTE, F_PROHIB, F_EXC, F_CR18,
	F_CR19,
	F_NOTE, F_EXCCOND, F_EXCEV, F_RESUME, F_REWARDS, F_ACHIEVE, F_OPT,
	F__MAX
};

/* The application row. */
struct app {
	long long	 id;
	long long	 owner;		/* the candidate's account */
	long long	 version, year;
	long long	 level;		/* target level, else registered */
	long long	 stamped;	/* photo_stamped */
	long long	 exc_entered;
	long long	 defer;		/* 容缺后补: defer_state, 0 none */
	long long	 step;		/* app_lock_chain: the account's step */
	char		*chain_level;	/* app_lock_chain: ... and its level */
	char		*state;
	char		*submitted_at;
	char		*name;		/* the candidate's name (unmasked) */
	const char	*v[F__MAX];	/* the form's fields, "" when not given */
	const char	*grade[NYEARS];	/* report year - 1 ... - 5 */
};

/* app.c */
int		 app_editable(const struct app *);
int		 app_deferred(const struct app *);
int		 app_lock_chain(struct req *, long long, long long, struct app *);
int		 app_lock(struct req *, long long, struct app *);
int		 app_mine(struct req *, struct app *);
int		 app_via(struct req *, const unsigned char *, struct app *);

#endif /* APP_H */
