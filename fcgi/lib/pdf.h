/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* pdf.h: A4 documents (rosters, forms, tickets) through cairo and pango */

/*
 * A document is drawn top to bottom: text, rows of bordered cells, a
 * table whose header comes back on each page, a JPEG photo.  Pages begin
 * when something is drawn and end when the next does not fit; each page
 * gets the running header (two texts and a rule) and the footer (a text
 * and "第 N 页 共 M 页").  The bytes go to a writer as each page ends
 * (cairo_pdf_surface_create_for_stream), so a long roster never sits in
 * memory: what stays is one page's drawing, the pages' object offsets
 * and the set of glyphs used (the embedded subset, written at the end).
 *
 * M, the page count, is known before the last page ends: from a count
 * of fixed-height table rows (pdf_table_pages) or from a first pass with
 * no writer (a measuring document: everything laid out, nothing kept).
 *
 * Lengths are millimetres; x from the left margin, y from the top of
 * the page's content area (below the running header).  No cairo or
 * pango type leaks out of pdf.c.
 */
#ifndef GKBM_PDF_H
#define GKBM_PDF_H

#include <stddef.h>

struct pdf;

enum pdf_paper {
	PDF_A4_PORTRAIT,
	PDF_A4_LANDSCAPE
};

/* Takes the next bytes of the file: 0, or -1 to stop (the peer left). */
typedef int	(*pdf_write_fn)(void *, const unsigned char *, size_t);

/* A cell's look (struct pdf_cell flags, pdf_text). */
#define PDF_BOLD	0x01
#define PDF_CENTER	0x02
#define PDF_RIGHT	0x04
#define PDF_SHADE	0x08		/* a label: light grey ground */
#define PDF_NOLINE	0x10		/* no border */
#define PDF_SMALL	0x20		/* 8 pt */
#define PDF_BIG		0x40		/* 16 pt, a title */
#define PDF_TOP		0x80		/* text at the top, not centred */

struct pdf_cell {
	const char	*text;		/* UTF-8; NULL: empty */
	double		 w;		/* mm */
	unsigned int	 flags;
};

struct pdf	*pdf_open(enum pdf_paper, pdf_write_fn, void *, const char *);
void		 pdf_set_total(struct pdf *, int);
void		 pdf_set_header(struct pdf *, const char *, const char *);
void		 pdf_set_footer(struct pdf *, const char *);
int		 pdf_text(struct pdf *, const char *, unsigned int);
void		 pdf_space(struct pdf *, double);
int		 pdf_need(struct pdf *, double);
int		 pdf_row(struct pdf *, const struct pdf_cell *, size_t, double);
int		 pdf_table(struct pdf *, const struct pdf_cell *, size_t, int);
int		 pdf_table_row(struct pdf *, const char *const *);
int		 pdf_table_pages(struct pdf *, long long);
void		 pdf_table_end(struct pdf *);
int		 pdf_jpeg(struct pdf *, const unsigned char *, size_t, double,
		    double, double, double);
int		 pdf_frame(struct pdf *, double, double, double, double,
		    const char *, unsigned int);
int		 pdf_qr(struct pdf *, const char *, double, double, double);
void		 pdf_new_page(struct pdf *);
double		 pdf_y(const struct pdf *);
double		 pdf_width(const struct pdf *);
double		 pdf_bottom(const struct pdf *);
int		 pdf_page(const struct pdf *);
int		 pdf_failed(const struct pdf *);
int		 pdf_close(struct pdf *);
void		 pdf_cleanup(void);

#endif /* GKBM_PDF_H */
