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
 * result.h: 考核结果 (issue 10 §5; seeds 000 §7, 002 §3.3): the pass
 * lines, the import of a results file (resimport.c), the publication,
 * the candidate's result and 复核 (result.c).  The web pages and
 * gkbm-admin (as the province, through gkbm-web's statements) call the
 * same functions.
 *
 * A function that changes something runs its own transaction and
 * audits itself; it returns NULL when done, else a message in Chinese
 * (nothing changed), or field_dbfail when the database failed.
 */
#ifndef RESULT_H
#define RESULT_H

#include "web.h"
#include "passrule.h"

/* A results file: its columns (the template's first row). */
#define RESIMP_COLS	5
enum resimp_col { RI_TICKET, RI_NAME, RI_THEORY, RI_SKILL, RI_ABSENT };
extern const char *const resimp_heads[RESIMP_COLS];

struct resimp_row {
	size_t		 line;		/* in the file */
	const char	*cells[RESIMP_COLS];
	const char	*msg;		/* NULL: good */
	const char	*column;	/* the column at fault */
	long long	 app;		/* the seat's application */
	int		 theory, skill;	/* tenths, PASS_NONE */
	int		 absent;
};
struct resimp_report {
	const char	*msg;		/* the whole file refused, or NULL */
	struct resimp_row *rows;
	size_t		 nrows, nbad;
	int		 stored;	/* committed */
	long long	 import_id;
};

/* The candidate's own seat and result (res_mine). */
struct res_mine {
	long long	 app, level, has, theory, skill, absent, passed;
	long long	 lt, ls, rc_open, kid, changed;
	char		*ticket, *region, *name, *wt, *published, *deadline;
	char		*reason, *asked, *kstate, *answer, *answered;
	unsigned char	*ie;
	size_t		 iel;
	int		 days;		/* the year's recheck_days */
};

/* result.c */
const char	*res_region(struct req *, const char *, const char **);
const char	*res_line_set(struct req *, long long, const char *,
		    const char *, const char *, const char *, const char **);
const char	*res_publish(struct req *, long long, const char *,
		    long long *, long long *);
int		 res_mine(struct req *, struct res_mine *);
const char	*res_recheck_ask(struct req *, const char *);
const char	*res_recheck_answer(struct req *, long long, const char *,
		    const char *, const char *, const char **);
const char	*res_level_wt(struct req *, long long, const char *);

/* resimport.c */
const char	*res_import(struct req *, long long, const char *,
		    const char *, const void *, size_t,
		    struct resimp_report *);

#endif /* RESULT_H */
