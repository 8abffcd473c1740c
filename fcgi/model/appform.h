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
 * appform.h: the application form's model (appform.c): its declared
 * fields, the candidate and application it is loaded with, the checks
 * across fields and the storing.  The pages of the form (h_apply.c,
 * h_apply_post.c), the uploads sent from it (h_upload.c, h_mobile.c) and
 * the kept form (keep.c) call down into it.
 */

#ifndef APPFORM_H
#define APPFORM_H

#include "app.h"

#define NEXC_CONDS	4	/* breakthrough conditions (appform_exc_conds) */

/*
 * The fields of POST /apply (appform_fields): the stored ones first, in
 * the order of enum fld, then these.
 */
enum {
	AF_REGION = F__MAX,	/* the unit cascade's region */
	AF_SUPERVISOR,		/* ... and supervising unit */
	AF_EXC1,		/* checkboxes exc_cond_c1 .. exc_cond_c4 */
	AF_EXC4 = AF_EXC1 + NEXC_CONDS - 1,
	AF_ACTION,		/* the button */
	AF_VERSION,		/* the version the form was made from */
	AF_SMSCODE,		/* the submission's SMS code */
	AF__MAX
};

/* The buttons of the form (AF_ACTION's index). */
enum { AA_SAVE, AA_SUBMIT, AA_PICK_UNIT, AA_SEND_CODE };

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
	struct fval	*fv;			/* AF__MAX, NULL: stored */
	struct fval	 gv[NYEARS];		/* the appraisals */
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

/* appform.c */
extern const struct fielddef	 appform_fields[];
extern const struct exc_cond	 appform_exc_conds[NEXC_CONDS];
enum rc		 appform_load(struct req *, struct acct *, struct app *);
int		 appform_app_load(struct req *, const struct acct *,
		    struct app *);
void		 appform_from_app(struct vals *, const struct app *);
int		 appform_unit_chain(struct req *, long long, long long *,
		    char **);
int		 appform_wt_get(struct req *, const char *, char **, char **);
int		 appform_read(struct req *, const struct app *,
		    const struct form *, struct fval *, struct vals *);
int		 appform_check(struct req *, const struct acct *,
		    const struct app *, struct vals *);
void		 appform_errors(struct req *, const struct app *,
		    const struct vals *);
int		 appform_store(struct req *, const struct app *,
		    const struct vals *, long long);
int		 appform_draft_keep(struct req *);

#endif /* APPFORM_H */
