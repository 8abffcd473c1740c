/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* pdf.c: A4 documents drawn with cairo, their text shaped by pango */

/*
 * Why cairo and pango: pango shapes and wraps Chinese text (line breaks
 * between any two Han characters, none before a closing mark), picks the
 * font through fontconfig, and cairo's PDF surface embeds only the
 * glyphs used, as a subset, so a roster of 10,000 names stays a few
 * megabytes and opens on any reader without the font installed.  Both
 * are kept by Debian (libcairo2, libpango-1.0-0, fonts-noto-cjk).
 */

#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>

#include "gkbm.h"
#include "pdf.h"

#define PDF_FONT	"Noto Sans CJK SC"
#define PDF_PT		10.5		/* the body's size, points */
#define PDF_SMALLPT	9.0		/* tables, header, footer */
#define PDF_SPACING	0.85		/* of the font's line height */
#define PDF_MM		(72.0 / 25.4)	/* points in a millimetre */
#define PDF_MARGIN	10.0		/* mm, each side */
#define PDF_HEAD	8.0		/* mm the running header takes */
#define PDF_FOOT	8.0		/* mm the footer takes */
#define PDF_PAD		1.0		/* mm inside a cell */
#define PDF_MAXCOLS	24
#define PDF_LINE	0.5		/* points, a cell's border */

/* Fonts: body, small (tables, header, footer), big (titles); bold or not. */
enum pdf_font { F_BODY, F_BOLD, F_SMALL, F_SMALLBOLD, F_BIG, F__MAX };

struct pdf {
	cairo_surface_t		*surface;
	cairo_t			*cr;
	PangoContext		*ctx;
	PangoLayout		*lay[PDF_MAXCOLS];
	PangoFontDescription	*font[F__MAX];
	pdf_write_fn		 write;
	void			*arg;
	int			 failed;	/* the writer refused */
	double			 pw, ph;	/* page, points */
	double			 top, bottom;	/* content area, points */
	double			 y;		/* next free line, points */
	int			 page;		/* pages begun */
	int			 onpage;	/* a page is open */
	int			 total;		/* M of 第 N 页 共 M 页, 0: none */
	char			*head_l, *head_r, *foot;
	/* The table being drawn: its header comes back on each page. */
	struct pdf_cell		 th[PDF_MAXCOLS];
	size_t			 ncols;
	int			 maxlines;	/* > 0: rows of fixed height */
	double			 row_h;		/* points, with maxlines */
};

static double	pdf_pt(double);
static cairo_status_t pdf_out(void *, const unsigned char *, unsigned int);
static void	pdf_fonts(struct pdf *);
static PangoLayout *pdf_lay(struct pdf *, size_t, const char *, double,
		    unsigned int, int);
static void	pdf_show(struct pdf *, PangoLayout *, double, double);
static int	pdf_begin(struct pdf *);
static void	pdf_end(struct pdf *);
static int	pdf_break(struct pdf *, double);
static double	pdf_measure(struct pdf *, const struct pdf_cell *, size_t,
		    int);
static void	pdf_draw(struct pdf *, const struct pdf_cell *, size_t, double,
		    int);
static int	pdf_cells(struct pdf *, const struct pdf_cell *, size_t, double,
		    int);
static void	pdf_mime_free(void *);

static double
pdf_pt(double mm)
{
	return mm * PDF_MM;
}

/* cairo's writer: hands the bytes on; a refusal stops the document. */
static cairo_status_t
pdf_out(void *v, const unsigned char *data, unsigned int len)
{
	struct pdf	*p = v;

	if (p->failed || p->write(p->arg, data, len) == -1) {
		p->failed = 1;
		return CAIRO_STATUS_WRITE_ERROR;
	}
	return CAIRO_STATUS_SUCCESS;
}

static void
pdf_fonts(struct pdf *p)
{
	static const struct {
		double		 pt;
		PangoWeight	 weight;
	} f[F__MAX] = {
		[F_BODY] = { PDF_PT, PANGO_WEIGHT_NORMAL },
		[F_BOLD] = { PDF_PT, PANGO_WEIGHT_BOLD },
		[F_SMALL] = { PDF_SMALLPT, PANGO_WEIGHT_NORMAL },
		[F_SMALLBOLD] = { PDF_SMALLPT, PANGO_WEIGHT_BOLD },
		[F_BIG] = { 16.0, PANGO_WEIGHT_BOLD },
	};
	int	 i;

	for (i = 0; i < F__MAX; i++) {
		p->font[i] = pango_font_description_new();
		pango_font_description_set_family(p->font[i], PDF_FONT);
		pango_font_description_set_weight(p->font[i], f[i].weight);
		pango_font_description_set_absolute_size(p->font[i],
		    f[i].pt * PANGO_SCALE);
	}
}

/*
 * Opens a document of the paper's size whose bytes go to write (called
 * with arg); write NULL: a measuring document, laid out the same and
 * thrown away (its pdf_page() at the end is the page count).  title is
 * the file's Title; the Creator is gkbm.  NULL when cairo fails.
 */
struct pdf *
pdf_open(enum pdf_paper paper, pdf_write_fn write, void *arg,
    const char *title)
{
	struct pdf		*p;
	cairo_font_options_t	*fo;

	p = xcalloc(1, sizeof(*p));
	p->pw = paper == PDF_A4_LANDSCAPE ? pdf_pt(297) : pdf_pt(210);
	p->ph = paper == PDF_A4_LANDSCAPE ? pdf_pt(210) : pdf_pt(297);
	p->top = pdf_pt(PDF_MARGIN + PDF_HEAD);
	p->bottom = p->ph - pdf_pt(PDF_MARGIN + PDF_FOOT);
	p->y = p->top;
	p->write = write;
	p->arg = arg;
	p->surface = cairo_pdf_surface_create_for_stream(write ? pdf_out :
	    NULL, p, p->pw, p->ph);
	if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(p->surface);
		free(p);
		return NULL;
	}
	cairo_pdf_surface_set_metadata(p->surface, CAIRO_PDF_METADATA_TITLE,
	    title);
	cairo_pdf_surface_set_metadata(p->surface,
	    CAIRO_PDF_METADATA_CREATOR, "gkbm");
	p->cr = cairo_create(p->surface);
	p->ctx = pango_cairo_create_context(p->cr);
	pango_cairo_context_set_resolution(p->ctx, 72.0);
	/* Unhinted metrics: the same widths on screen, paper and PDF. */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(p->ctx, fo);
	cairo_font_options_destroy(fo);
	pdf_fonts(p);
	return p;
}

/* Sets M of "第 N 页 共 M 页" (0: the footer says 第 N 页 alone). */
void
pdf_set_total(struct pdf *p, int total)
{
	p->total = total;
}

/* The running header of the pages begun from now: left and right text. */
void
pdf_set_header(struct pdf *p, const char *left, const char *right)
{
	free(p->head_l);
	free(p->head_r);
	p->head_l = left ? xstrdup(left) : NULL;
	p->head_r = right ? xstrdup(right) : NULL;
}

/* The footer's text (left of the page number) of the pages ended now on. */
void
pdf_set_footer(struct pdf *p, const char *text)
{
	free(p->foot);
	p->foot = text ? xstrdup(text) : NULL;
}

/*
 * Layout i holding text in the flags' font and alignment, wrapped to w
 * points (w <= 0: not wrapped), cut to maxlines lines with an ellipsis
 * (0: any number).
 */
static PangoLayout *
pdf_lay(struct pdf *p, size_t i, const char *text, double w,
    unsigned int flags, int maxlines)
{
	PangoLayout	*l;
	enum pdf_font	 f;

	if (p->lay[i] == NULL) {
		p->lay[i] = pango_layout_new(p->ctx);
		pango_layout_set_wrap(p->lay[i], PANGO_WRAP_WORD_CHAR);
		/* Noto CJK's lines are 1.45 em: 1.23 em as in print */
		pango_layout_set_line_spacing(p->lay[i], PDF_SPACING);
	}
	l = p->lay[i];
	if (flags & PDF_BIG)
		f = F_BIG;
	else if (flags & PDF_SMALL)
		f = flags & PDF_BOLD ? F_SMALLBOLD : F_SMALL;
	else
		f = flags & PDF_BOLD ? F_BOLD : F_BODY;
	pango_layout_set_font_description(l, p->font[f]);
	pango_layout_set_width(l, w > 0 ? (int)(w * PANGO_SCALE) : -1);
	pango_layout_set_alignment(l, flags & PDF_CENTER ? PANGO_ALIGN_CENTER :
	    flags & PDF_RIGHT ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	pango_layout_set_height(l, maxlines > 0 ? -maxlines : -1);
	pango_layout_set_ellipsize(l, maxlines > 0 ? PANGO_ELLIPSIZE_END :
	    PANGO_ELLIPSIZE_NONE);
	pango_layout_set_text(l, text ? text : "", -1);
	return l;
}

/* Draws layout l with its top left at (x, y) points. */
static void
pdf_show(struct pdf *p, PangoLayout *l, double x, double y)
{
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
}

/* Begins a page: its running header, the table's header if one is open. */
static int
pdf_begin(struct pdf *p)
{
	double		 l = pdf_pt(PDF_MARGIN), r = p->pw - pdf_pt(PDF_MARGIN);
	double		 y = pdf_pt(PDF_MARGIN);
	PangoLayout	*lay;

	p->page++;
	p->onpage = 1;
	p->y = p->top;
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	lay = pdf_lay(p, 0, p->head_l, (r - l) * 0.65, PDF_SMALL, 1);
	pdf_show(p, lay, l, y);
	lay = pdf_lay(p, 0, p->head_r, (r - l) * 0.33, PDF_SMALL | PDF_RIGHT,
	    1);
	pdf_show(p, lay, r - (r - l) * 0.33, y);
	cairo_set_line_width(p->cr, PDF_LINE);
	cairo_move_to(p->cr, l, p->top - pdf_pt(2));
	cairo_line_to(p->cr, r, p->top - pdf_pt(2));
	cairo_stroke(p->cr);
	if (p->ncols > 0)
		pdf_draw(p, p->th, p->ncols, pdf_measure(p, p->th, p->ncols, 0),
		    0);
	return pdf_failed(p) ? -1 : 0;
}

/* Ends the open page: its footer, then the page goes to the writer. */
static void
pdf_end(struct pdf *p)
{
	double		 l = pdf_pt(PDF_MARGIN), r = p->pw - pdf_pt(PDF_MARGIN);
	double		 y = p->bottom + pdf_pt(3);
	PangoLayout	*lay;
	char		 num[64];

	if (!p->onpage)
		return;
	if (p->total > 0)
		snprintf(num, sizeof(num), "第 %d 页 共 %d 页", p->page,
		    p->total);
	else
		snprintf(num, sizeof(num), "第 %d 页", p->page);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	lay = pdf_lay(p, 0, p->foot, (r - l) * 0.78, PDF_SMALL, 2);
	pdf_show(p, lay, l, y);
	lay = pdf_lay(p, 0, num, (r - l) * 0.2, PDF_SMALL | PDF_RIGHT, 1);
	pdf_show(p, lay, r - (r - l) * 0.2, y);
	cairo_show_page(p->cr);
	p->onpage = 0;
}

/*
 * Makes room for h points: begins a page if none is open, or a new one
 * when h does not fit below what this page holds.  0 or -1 (failed).
 */
static int
pdf_break(struct pdf *p, double h)
{
	if (p->onpage && p->y + h > p->bottom && p->y > p->top + 0.01)
		pdf_end(p);
	if (!p->onpage)
		return pdf_begin(p);
	return pdf_failed(p) ? -1 : 0;
}

/*
 * Begins a new page unless mm millimetres fit on this one (a block that
 * should not be split, like a stamp box).  0 or -1.
 */
int
pdf_need(struct pdf *p, double mm)
{
	return pdf_break(p, pdf_pt(mm));
}

/*
 * A paragraph across the width, in the flags' font and alignment,
 * broken across pages between its lines.  0 or -1.
 */
int
pdf_text(struct pdf *p, const char *text, unsigned int flags)
{
	double		 w = p->pw - 2 * pdf_pt(PDF_MARGIN);
	PangoLayout	*l;
	PangoLayoutIter	*it;
	PangoRectangle	 lr;
	double		 lh, base;

	if (!p->onpage && pdf_begin(p) == -1)
		return -1;
	l = pdf_lay(p, PDF_MAXCOLS - 1, text, w, flags, 0);
	it = pango_layout_get_iter(l);
	do {
		pango_layout_iter_get_line_extents(it, NULL, &lr);
		lh = (double)lr.height / PANGO_SCALE;
		base = (double)(pango_layout_iter_get_baseline(it) - lr.y) /
		    PANGO_SCALE;
		if (pdf_break(p, lh) == -1)
			break;
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		cairo_move_to(p->cr, pdf_pt(PDF_MARGIN) +
		    (double)lr.x / PANGO_SCALE, p->y + base);
		pango_cairo_show_layout_line(p->cr,
		    pango_layout_iter_get_line_readonly(it));
		p->y += lh;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	return pdf_failed(p) ? -1 : 0;
}

/* Leaves mm millimetres blank (not carried to the next page). */
void
pdf_space(struct pdf *p, double mm)
{
	p->y += pdf_pt(mm);
	if (p->y > p->bottom)
		p->y = p->bottom;
}

/*
 * The height in points of a row of cells: the tallest cell's text and
 * the padding; with maxlines, the fixed height of the table's rows.
 */
static double
pdf_measure(struct pdf *p, const struct pdf_cell *c, size_t n, int maxlines)
{
	PangoLayout	*l;
	double		 h = 0, pad = pdf_pt(PDF_PAD);
	int		 lw, lh;
	size_t		 i;

	if (maxlines > 0 && p->row_h > 0)
		return p->row_h;
	for (i = 0; i < n && i < PDF_MAXCOLS; i++) {
		l = pdf_lay(p, i, c[i].text, pdf_pt(c[i].w) - 2 * pad,
		    c[i].flags, maxlines);
		pango_layout_get_size(l, &lw, &lh);
		if ((double)lh / PANGO_SCALE > h)
			h = (double)lh / PANGO_SCALE;
	}
	return h + 2 * pad;
}

/* Draws a row of cells of height h points at the current line. */
static void
pdf_draw(struct pdf *p, const struct pdf_cell *c, size_t n, double h,
    int maxlines)
{
	PangoLayout	*l;
	double		 x = pdf_pt(PDF_MARGIN), w, pad = pdf_pt(PDF_PAD);
	int		 lw, lh;
	size_t		 i;

	cairo_set_line_width(p->cr, PDF_LINE);
	for (i = 0; i < n && i < PDF_MAXCOLS; i++, x += w) {
		w = pdf_pt(c[i].w);
		if (c[i].flags & PDF_SHADE) {
			cairo_set_source_rgb(p->cr, 0.9, 0.9, 0.9);
			cairo_rectangle(p->cr, x, p->y, w, h);
			cairo_fill(p->cr);
		}
		cairo_set_source_rgb(p->cr, 0, 0, 0);
		if (!(c[i].flags & PDF_NOLINE)) {
			cairo_rectangle(p->cr, x, p->y, w, h);
			cairo_stroke(p->cr);
		}
		if (c[i].text == NULL || c[i].text[0] == '\0')
			continue;
		l = pdf_lay(p, i, c[i].text, w - 2 * pad, c[i].flags, maxlines);
		pango_layout_get_size(l, &lw, &lh);
		pdf_show(p, l, x + pad, c[i].flags & PDF_TOP ? p->y + pad :
		    p->y + (h - (double)lh / PANGO_SCALE) / 2);
	}
	p->y += h;
}

/* A row of cells at least minh points tall, on a new page if need be. */
static int
pdf_cells(struct pdf *p, const struct pdf_cell *c, size_t n, double minh,
    int maxlines)
{
	double	 h;

	if (!p->onpage && pdf_begin(p) == -1)
		return -1;
	h = pdf_measure(p, c, n, maxlines);
	if (h < minh)
		h = minh;
	if (pdf_break(p, h) == -1)
		return -1;
	pdf_draw(p, c, n, h, maxlines);
	return pdf_failed(p) ? -1 : 0;
}

/*
 * A row of bordered cells from the left margin, as tall as its tallest
 * text and at least minh mm; on the next page when it does not fit.
 */
int
pdf_row(struct pdf *p, const struct pdf_cell *c, size_t n, double minh)
{
	return pdf_cells(p, c, n, pdf_pt(minh), 0);
}

/*
 * Begins a table with the header cells th (drawn now and at the top of
 * every page until pdf_table_end; their texts must live as long).
 * maxlines > 0: each row is that many lines tall, longer text cut with
 * an ellipsis, so the pages a number of rows takes is known in advance
 * (pdf_table_pages).  0 or -1.
 */
int
pdf_table(struct pdf *p, const struct pdf_cell *th, size_t n, int maxlines)
{
	struct pdf_cell	 probe;
	char		 lines[64];
	size_t		 i, len = 0;
	double		 hh;
	int		 k;

	if (n > PDF_MAXCOLS)
		n = PDF_MAXCOLS;
	p->ncols = 0;
	p->row_h = 0;
	p->maxlines = maxlines;
	if (maxlines > 0) {
		/* "国\n国…": the height of maxlines lines of body text */
		for (k = 0; k < maxlines && k < 8; k++) {
			memcpy(lines + len, k ? "\n国" : "国", k ? 4 : 3);
			len += k ? 4 : 3;
		}
		lines[len] = '\0';
		probe.text = lines;
		probe.w = th[0].w;
		probe.flags = PDF_SMALL;
		p->row_h = pdf_measure(p, &probe, 1, 0);
	}
	for (i = 0; i < n; i++)
		p->th[i] = th[i];
	hh = pdf_measure(p, th, n, 0);
	if (p->onpage && p->y + hh + p->row_h > p->bottom &&
	    p->y > p->top + 0.01)
		pdf_end(p);
	p->ncols = n;
	if (!p->onpage)
		return pdf_begin(p);
	pdf_draw(p, th, n, hh, 0);
	return pdf_failed(p) ? -1 : 0;
}

/* A row of the open table: one text a column (NULL: empty).  0 or -1. */
int
pdf_table_row(struct pdf *p, const char *const *text)
{
	struct pdf_cell	 c[PDF_MAXCOLS];
	size_t		 i;

	for (i = 0; i < p->ncols; i++) {
		c[i].text = text[i];
		c[i].w = p->th[i].w;
		c[i].flags = (p->th[i].flags & (PDF_CENTER | PDF_RIGHT)) |
		    PDF_SMALL;
	}
	return pdf_cells(p, c, p->ncols, 0, p->maxlines);
}

/*
 * The number of the page on which nrows more rows of the open table of
 * fixed-height rows end (the current page when they fit on it): the M
 * of "共 M 页" when the table is the document's last part.  -1 without
 * such a table.
 */
int
pdf_table_pages(struct pdf *p, long long nrows)
{
	long long	 here, per;
	double		 hh;

	if (p->ncols == 0 || p->row_h <= 0)
		return -1;
	hh = pdf_measure(p, p->th, p->ncols, 0);
	here = (long long)((p->bottom - p->y) / p->row_h);
	per = (long long)((p->bottom - p->top - hh) / p->row_h);
	if (per < 1)
		per = 1;
	if (nrows <= here)
		return p->page;
	return p->page + (int)((nrows - here + per - 1) / per);
}

/* Ends the table: later pages no longer begin with its header. */
void
pdf_table_end(struct pdf *p)
{
	p->ncols = 0;
	p->maxlines = 0;
	p->row_h = 0;
}

static void
pdf_mime_free(void *v)
{
	free(v);
}

/*
 * Draws the JPEG buf (checked and decoded by image.c) fitted and centred
 * in the box at (x, y) of w x h mm on the current page; the file embeds
 * the JPEG's own bytes (no re-encoding).  0, or -1 when it is no image
 * (nothing drawn).
 */
int
pdf_jpeg(struct pdf *p, const unsigned char *buf, size_t len, double x,
    double y, double w, double h)
{
	struct image	 img;
	cairo_surface_t	*s;
	unsigned char	*data, *copy;
	uint32_t	*row;
	double		 sc;
	int		 i, j, stride;

	if (image_decode(buf, len, len, &img) != NULL)
		return -1;
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, img.w, img.h);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		image_free(&img);
		cairo_surface_destroy(s);
		return -1;
	}
	cairo_surface_flush(s);
	data = cairo_image_surface_get_data(s);
	stride = cairo_image_surface_get_stride(s);
	for (j = 0; j < img.h; j++) {
		row = (uint32_t *)(void *)(data + (size_t)j * stride);
		for (i = 0; i < img.w; i++) {
			const unsigned char *px = img.rgb + ((size_t)j * img.w +
			    i) * 3;
			row[i] = (uint32_t)px[0] << 16 | (uint32_t)px[1] << 8 |
			    px[2];
		}
	}
	cairo_surface_mark_dirty(s);
	copy = xmalloc(len);
	memcpy(copy, buf, len);
	cairo_surface_set_mime_data(s, CAIRO_MIME_TYPE_JPEG, copy, len,
	    pdf_mime_free, copy);
	if (!p->onpage && pdf_begin(p) == -1) {
		image_free(&img);
		cairo_surface_destroy(s);
		return -1;
	}
	sc = pdf_pt(w) / img.w < pdf_pt(h) / img.h ? pdf_pt(w) / img.w :
	    pdf_pt(h) / img.h;
	cairo_save(p->cr);
	cairo_translate(p->cr, pdf_pt(PDF_MARGIN + x) + (pdf_pt(w) -
	    img.w * sc) / 2, p->top + pdf_pt(y) + (pdf_pt(h) - img.h * sc) / 2);
	cairo_scale(p->cr, sc, sc);
	cairo_set_source_surface(p->cr, s, 0, 0);
	cairo_paint(p->cr);
	cairo_restore(p->cr);
	cairo_surface_destroy(s);
	image_free(&img);
	return pdf_failed(p) ? -1 : 0;
}

/*
 * A bordered box at (x, y) of w x h mm on the current page with text
 * inside (the flags' font and place): a photo's frame, a stamp box.
 */
int
pdf_frame(struct pdf *p, double x, double y, double w, double h,
    const char *text, unsigned int flags)
{
	struct pdf_cell	 c;
	double		 keep;

	if (!p->onpage && pdf_begin(p) == -1)
		return -1;
	keep = p->y;
	p->y = p->top + pdf_pt(y);
	c.text = text;
	c.w = w;
	c.flags = flags;
	cairo_save(p->cr);
	cairo_translate(p->cr, pdf_pt(x), 0);
	pdf_draw(p, &c, 1, pdf_pt(h), 0);
	cairo_restore(p->cr);
	p->y = keep;
	return pdf_failed(p) ? -1 : 0;
}

/*
 * A QR code of text (qr.c: byte mode, level M) in the square at (x, y)
 * of side mm on the current page, its four modules of quiet zone
 * inside the square: black modules on white, drawn as rectangles, so it
 * stays sharp at any zoom and on any printer.  0, or -1 when the text
 * cannot be encoded (nothing drawn).
 */
int
pdf_qr(struct pdf *p, const char *text, double x, double y, double side)
{
	unsigned char	*m;
	double		 u, x0, y0;
	int		 n, i, j;

	if (qr_encode(text, &m, &n) == -1)
		return -1;
	if (!p->onpage && pdf_begin(p) == -1) {
		free(m);
		return -1;
	}
	u = pdf_pt(side) / (n + 8);
	x0 = pdf_pt(PDF_MARGIN + x) + 4 * u;
	y0 = p->top + pdf_pt(y) + 4 * u;
	cairo_save(p->cr);
	cairo_set_source_rgb(p->cr, 1, 1, 1);
	cairo_rectangle(p->cr, x0 - 4 * u, y0 - 4 * u, pdf_pt(side),
	    pdf_pt(side));
	cairo_fill(p->cr);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
	for (j = 0; j < n; j++)
		for (i = 0; i < n; i++)
			if (m[j * n + i])
				cairo_rectangle(p->cr, x0 + i * u, y0 + j * u,
				    u, u);
	cairo_fill(p->cr);
	cairo_restore(p->cr);
	free(m);
	return pdf_failed(p) ? -1 : 0;
}

/*
 * Ends the open page, if any: what is drawn next begins a new one (a
 * ticket or certificate a page, a room's list from the top of a page).
 */
void
pdf_new_page(struct pdf *p)
{
	pdf_end(p);
}

/* The current line, mm below the top of the content area. */
double
pdf_y(const struct pdf *p)
{
	return (p->y - p->top) / PDF_MM;
}

/* The width between the margins, mm. */
double
pdf_width(const struct pdf *p)
{
	return (p->pw - 2 * pdf_pt(PDF_MARGIN)) / PDF_MM;
}

/* The bottom of the content area, mm below its top. */
double
pdf_bottom(const struct pdf *p)
{
	return (p->bottom - p->top) / PDF_MM;
}

/* The number of the current page (pages begun so far). */
int
pdf_page(const struct pdf *p)
{
	return p->page;
}

/* True once the writer refused or cairo failed: stop drawing. */
int
pdf_failed(const struct pdf *p)
{
	return p->failed || cairo_status(p->cr) != CAIRO_STATUS_SUCCESS;
}

/*
 * Ends the last page (a document has at least one), writes the rest of
 * the file (the font subsets, the page tree) and frees everything.
 * Returns the number of pages, or -1 when anything failed.
 */
int
pdf_close(struct pdf *p)
{
	int	 i, pages, bad;

	if (p->page == 0)
		(void)pdf_begin(p);
	pdf_end(p);
	bad = pdf_failed(p);
	pages = p->page;
	for (i = 0; i < PDF_MAXCOLS; i++)
		if (p->lay[i] != NULL)
			g_object_unref(p->lay[i]);
	for (i = 0; i < F__MAX; i++)
		pango_font_description_free(p->font[i]);
	g_object_unref(p->ctx);
	cairo_destroy(p->cr);
	cairo_surface_finish(p->surface);
	if (cairo_surface_status(p->surface) != CAIRO_STATUS_SUCCESS)
		bad = 1;
	cairo_surface_destroy(p->surface);
	bad |= p->failed;
	free(p->head_l);
	free(p->head_r);
	free(p->foot);
	free(p);
	return bad ? -1 : pages;
}

/*
 * Drops what pango, cairo and fontconfig keep for the process (the font
 * map, the glyph caches, the font configuration), before a program that
 * made documents exits: LeakSanitizer counts them otherwise.  Nothing
 * of pdf.c may be used after it.
 */
void
pdf_cleanup(void)
{
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	FcFini();
}
