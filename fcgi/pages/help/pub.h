/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* pub.h: what the public pages share (h_help.c, h_canapply.c) */

#ifndef PUB_H
#define PUB_H

/* A work type of the catalogue. */
struct pub_wt {
	const char	*code;
	const char	*name;
	const char	*status;	/* current, merged, cancelled */
	int		 current;
};

/* An education level (data/education.tsv). */
struct pub_edu {
	const char	*code;
	const char	*name;
	int		 rank;
};

/* h_help.c */
int		 pub_worktypes(struct req *, struct pub_wt **);
const struct pub_wt *pub_wt_find(const struct pub_wt *, int, const char *);
int		 pub_education(struct req *, struct pub_edu **);

#endif /* PUB_H */
