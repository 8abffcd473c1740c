/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* apply.h: what h_apply.c and h_apply_post.c share (the form's model) */

#ifndef APPLY_H
#define APPLY_H

#include "app.h"

#define NEXC_CONDS	4	/* breakthrough conditions (exc_conds) */

/* The candidate's registration. */
struct acct {
	char		*name, *gender, *birth, *region, *idcard_file;
	char		 idno[32], phone[32];
	long long	 level, year;
	unsigned char	*idno_mac;
	size_t		 idno_mac_len;
};

/* The form's values and what they parse to (-1: not given or wrong). */
struct vals {
	const char	*v[F__MAX];
	const char	*grade[NYEARS];
	const char	*region, *supervisor;
	long long	 unit_id, work_years, cur_level, cur_year, target_level;
	long long	 edu_rank;
	int		 sy, sm, sd;		/* work_start, sy 0: not given */
	int		 graded;		/* years with a grade of rank > 0 */
	int		 prohibited;		/* 1, 0, -1 */
};

/* A 破格晋升条件: its value in the form and its wording. */
struct exc_cond {
	const char	*code;
	const char	*name;
};

/* h_apply.c */
extern const char *const	 apply_fnames[F__MAX];
extern const struct exc_cond	 apply_exc_conds[NEXC_CONDS];
enum rc		 apply_load(struct req *, struct acct *, struct app *);
int		 apply_app_load(struct req *, const struct acct *,
		    struct app *);
void		 apply_vals_from_app(struct vals *, const struct app *);
int		 apply_unit_chain(struct req *, long long, long long *,
		    char **);
int		 apply_wt_get(struct req *, const char *, char **, char **);
int		 apply_page_start(struct req *, const struct acct *,
		    const struct app *, int *);
enum rc		 apply_restore(struct req *, const struct acct *,
		    const struct app *, const struct form *);
enum rc		 apply_page_finish(struct req *, const struct acct *,
		    const struct app *, struct vals *, const char *, int *,
		    int *, int *, int *);

#endif /* APPLY_H */
