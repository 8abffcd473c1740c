/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* report.h: 汇总上报 (report.c).  Include roster.h first. */
#ifndef GKBM_REPORT_H
#define GKBM_REPORT_H

#define REPORT_OK	0
#define REPORT_STANDS	1	/* reported already, not reopened */
#define REPORT_NONE	2	/* no such report */
#define REPORT_OPEN	3	/* reopened already */

int		 report_reporter(struct req *);
void		 report_source(struct rsrc *, long long);
int		 report_submit(struct req *, const char *, long long *);
int		 report_reopen(struct req *, const char *, long long,
		    const char *);

#endif /* GKBM_REPORT_H */
