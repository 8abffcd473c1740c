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
 * roster.h: 名册 rows from the live applications (roster_live) or from a
 * 汇总上报 snapshot (report.c), read a chunk at a time (roster_next) and
 * written as PDF or XLSX (roster_pdf, roster_xlsx).  Include appquery.h
 * first.
 */
#ifndef GKBM_ROSTER_H
#define GKBM_ROSTER_H

enum roster_kind {
	ROSTER_FINAL,		/* 终审通过名册 */
	ROSTER_SITE,		/* 现场审核名册 */
	ROSTER_PASSED,		/* 申领汇总名册 (考核合格, no ?k= key) */
	ROSTER__MAX
};

/* A row's cells (struct rsrc cell[]). */
enum rcell {
	RC_N, RC_ID, RC_ACCT, RC_NAME, RC_GENDER, RC_IDNO, RC_PHONE, RC_CODE,
	RC_UNIT, RC_WT, RC_LEVEL, RC_ROUTE, RC_DECIDED, RCELL__MAX
};

/* Where rows come from, and the chunk being read. */
struct rsrc {
	const struct aquery	*q;		/* live: the filters */
	const char		*ids;		/* live: ticked ids or "" */
	long long		 report;	/* snapshot: its id */
	const char		*last_code;	/* the last row's unit code */
	long long		 last_id;	/* and its id */
	long long		 limit;		/* rows a chunk */
	long long		 n;		/* rows given so far */
	long long		 got;		/* rows of this chunk */
	int			 open, done;
	struct pool		*pool;		/* the chunk's strings */
	int			(*fetch)(struct req *, struct rsrc *);
	int			(*row)(struct req *, struct rsrc *);
	char			*cell[RCELL__MAX];
};

/* What a document says about itself. */
struct roster_doc {
	long long	 year;
	const char	*scope;		/* the unit or office's name */
	const char	*ascii, *file;	/* the PDF's names */
	const char	*xascii, *xfile;	/* the XLSX's */
	const char	*when_label;	/* NULL: 打印时间 */
	const char	*when;		/* NULL: now */
};

extern const char *const roster_keys[];
extern const char *const roster_titles[ROSTER__MAX];

const char	*roster_ids(struct req *, const struct fval *);
int		 roster_count(struct req *, const struct aquery *, const char *,
		    long long *);
void		 roster_live(struct rsrc *, const struct aquery *,
		    const char *);
int		 roster_next(struct req *, struct rsrc *);
/* A row's columns, live (STMT_RS_ROWS) or from a snapshot (report.c). */
struct roster_row {
	long long	 id, acct, level;
	char		*name, *gender, *code, *unit, *wt, *route, *decided;
	unsigned char	*ie, *pe;
	size_t		 iel, pel;
};
void		 roster_fill(struct req *, struct rsrc *,
		    const struct roster_row *);
void		 roster_person(struct req *, struct rsrc *, long long,
		    const unsigned char *, size_t, const unsigned char *, size_t);
void		 roster_end(struct rsrc *);
enum rc		 roster_pdf(struct req *, enum roster_kind, struct rsrc *,
		    long long, const struct roster_doc *);
enum rc		 roster_xlsx(struct req *, enum roster_kind, struct rsrc *,
		    const struct roster_doc *);

#endif /* GKBM_ROSTER_H */
