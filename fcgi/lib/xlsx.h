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
 * xlsx.h: spreadsheets written by libxlsxwriter (xlsx.c).
 *
 *	struct xlsx	*x = xlsx_open(tmpdir);
 *	xlsx_sheet(x, "报名信息", cols, ncols);	(bold header, frozen)
 *	xlsx_row(x, cells);			(ncols strings each)
 *	...
 *	xlsx_finish(x, &fd, &size);		(the file, already unlinked)
 *	xlsx_free(x);
 *
 * A cell is text unless its column is XC_NUM and the cell a plain
 * decimal integer: ID numbers, codes and phones are XC_TEXT, so a
 * spreadsheet never drops a leading zero or rounds 18 digits.
 */
#ifndef GKBM_XLSX_H
#define GKBM_XLSX_H

#include <sys/types.h>

#include <stddef.h>

#define XLSX_CTYPE \
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#define XLSX_MAX_ROWS	1048575		/* a sheet's rows below the header */

enum xlsx_kind {
	XC_TEXT,		/* always a text cell */
	XC_NUM			/* a number when the cell is an integer */
};

struct xlsx_col {
	const char	*title;		/* the header cell */
	double		 width;		/* in characters (a CJK one is 2) */
	enum xlsx_kind	 kind;
};

struct xlsx;

struct xlsx	*xlsx_open(const char *);
int		 xlsx_sheet(struct xlsx *, const char *,
		    const struct xlsx_col *, size_t);
int		 xlsx_row(struct xlsx *, const char *const *);
int		 xlsx_finish(struct xlsx *, int *, off_t *);
void		 xlsx_free(struct xlsx *);
const char	*xlsx_tmpdir(void);

#endif
