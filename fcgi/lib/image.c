/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* image.c: photos decoded, checked, scaled, stamped and re-encoded */

#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "gkbm.h"
#include "jpeg.h"

#define PHOTO_W		IMAGE_PHOTO_W
#define PHOTO_H		IMAGE_PHOTO_H
#define PHOTO_SLACK	50	/* proportions may differ by 1/50 (2%) */

#define STAMP_CHARS	18	/* a cell is 1/18 of the width */
#define GLYPH_W		5	/* font units */
#define GLYPH_H		7

#define ENC_CHUNK	65536	/* first output buffer of image_encode */

/*
 * A 5x7 font for the characters of an ID number, one byte a row, bit 4
 * the leftmost column.  Drawn with whole-pixel blocks so it stays crisp.
 */
static const unsigned char glyphs[11][GLYPH_H] = {
	{ 0x0e, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0e },	/* 0 */
	{ 0x04, 0x0c, 0x04, 0x04, 0x04, 0x04, 0x0e },	/* 1 */
	{ 0x0e, 0x11, 0x01, 0x02, 0x04, 0x08, 0x1f },	/* 2 */
	{ 0x1f, 0x02, 0x04, 0x02, 0x01, 0x11, 0x0e },	/* 3 */
	{ 0x02, 0x06, 0x0a, 0x12, 0x1f, 0x02, 0x02 },	/* 4 */
	{ 0x1f, 0x10, 0x1e, 0x01, 0x01, 0x11, 0x0e },	/* 5 */
	{ 0x06, 0x08, 0x10, 0x1e, 0x11, 0x11, 0x0e },	/* 6 */
	{ 0x1f, 0x01, 0x02, 0x04, 0x08, 0x08, 0x08 },	/* 7 */
	{ 0x0e, 0x11, 0x11, 0x0e, 0x11, 0x11, 0x0e },	/* 8 */
	{ 0x0e, 0x11, 0x11, 0x0f, 0x01, 0x02, 0x0c },	/* 9 */
	{ 0x11, 0x11, 0x0a, 0x04, 0x0a, 0x11, 0x11 },	/* X */
};

/*
 * EXIF orientations 1-8 as a map from an output pixel (x, y) to the
 * input pixel: in_x = ax * x + bx * y (+ w - 1 if fx), likewise in_y.
 * Orientations 5-8 swap width and height.
 */
static const struct orient {
	int	 ax, bx, fx;
	int	 ay, by, fy;
} orients[9] = {
	{ 1, 0, 0,  0, 1, 0 },		/* 0: not given, as 1 */
	{ 1, 0, 0,  0, 1, 0 },		/* 1: as stored */
	{ -1, 0, 1,  0, 1, 0 },		/* 2: mirrored */
	{ -1, 0, 1,  0, -1, 1 },	/* 3: rotated 180 */
	{ 1, 0, 0,  0, -1, 1 },		/* 4: mirrored vertically */
	{ 0, 1, 0,  1, 0, 0 },		/* 5: transposed */
	{ 0, 1, 0,  -1, 0, 1 },		/* 6: rotate 90 clockwise */
	{ 0, -1, 1,  -1, 0, 1 },	/* 7: transversed */
	{ 0, -1, 1,  1, 0, 0 },		/* 8: rotate 90 anticlockwise */
};

/* One output pixel's share of the input along one axis. */
struct span {
	int	 first;		/* first input pixel */
	int	 n;		/* input pixels covered */
	size_t	 w;		/* index of its n weights */
};

/* The growing output buffer of image_encode. */
struct enc_dest {
	struct jpeg_destination_mgr	 pub;
	unsigned char			*buf;
	size_t				 size;
};

static void	image_orient(struct image *, int);
static const char *photo_message(int, int, const char *);
static double	*spans_new(int, int, struct span *);
static void	scale_row(const unsigned char *, const struct span *,
		    const double *, int, double *);
static void	scale_box(const struct image *, struct image *);
static void	enc_init(j_compress_ptr);
static boolean	enc_empty(j_compress_ptr);
static void	enc_term(j_compress_ptr);

/* Applies EXIF orientation o (1-8) to img in place. */
static void
image_orient(struct image *img, int o)
{
	const struct orient	*t = &orients[o];
	unsigned char		*rgb, *d;
	int			 w, h, x, y, sx, sy;

	if (o <= 1)
		return;
	w = o >= 5 ? img->h : img->w;
	h = o >= 5 ? img->w : img->h;
	rgb = xmalloc((size_t)w * h * 3);
	for (y = 0, d = rgb; y < h; y++)
		for (x = 0; x < w; x++, d += 3) {
			sx = t->ax * x + t->bx * y + (t->fx ? img->w - 1 : 0);
			sy = t->ay * x + t->by * y + (t->fy ? img->h - 1 : 0);
			memcpy(d, img->rgb + ((size_t)sy * img->w + sx) * 3, 3);
		}
	free(img->rgb);
	img->rgb = rgb;
	img->w = w;
	img->h = h;
	if (o >= 5) {
		w = img->src_w;
		img->src_w = img->src_h;
		img->src_h = w;
	}
}

/*
 * Decodes the len bytes at buf, at most max, as a JPEG image into img as
 * 8-bit RGB (grayscale, CMYK and YCCK converted; the EXIF orientation
 * applied), with libjpeg's DCT scaling to the smallest size of at least
 * min_w x min_h (0 x 0: full size); img->src_w x img->src_h is the size
 * before scaling.  The limits of jpeg_decode hold.  Returns NULL with
 * img->rgb malloc'd (free it with image_free), or a Chinese message with
 * img set to empty.
 */
const char *
image_decode_fit(const unsigned char *buf, size_t len, size_t max,
    int min_w, int min_h, struct image *img)
{
	struct jpeg_out	 out;
	const char	*msg;

	memset(img, 0, sizeof(*img));
	if ((msg = jpeg_decode(buf, len, max, min_w, min_h, JPEG_PIXELS,
	    &out)) != NULL)
		return msg;
	img->w = out.w;
	img->h = out.h;
	img->rgb = out.rgb;
	img->src_w = out.src_w;
	img->src_h = out.src_h;
	image_orient(img, out.orient);
	return NULL;
}

/* image_decode_fit at full size. */
const char *
image_decode(const unsigned char *buf, size_t len, size_t max,
    struct image *img)
{
	return image_decode_fit(buf, len, max, 0, 0, img);
}

/*
 * Returns the message for a w x h photo that is not what is wanted
 * (what, e.g. "比例不符合要求"), in a static buffer overwritten by the
 * next call.  It says what to do: the page's crop frame (crop.js) never
 * sends such a photo, so whoever reads this has none and crops with the
 * phone's own album.
 */
static const char *
photo_message(int w, int h, const char *what)
{
	static char	 msg[768];

	snprintf(msg, sizeof(msg), "照片尺寸为%d×%d像素，%s。"
	    "请上传宽高比为%d:%d（二寸证件照，竖版）的照片，"
	    "像素不小于%d×%d。可先用手机相册的“编辑”→“裁剪”把照片裁成"
	    "竖版、宽高约2:3、只留头部和肩部，再重新上传。", w, h, what,
	    PHOTO_W, PHOTO_H, PHOTO_W, PHOTO_H);
	return msg;
}

/*
 * Fills n output spans for scaling an axis of in pixels down to n (in >=
 * n) by area averaging: output pixel i covers input [i * s, (i + 1) * s)
 * with s = in / n, and each input pixel weighs its overlap.  Returns the
 * weights (the caller frees them).
 */
static double *
spans_new(int in, int n, struct span *sp)
{
	double	*wt, s = (double)in / n, lo, hi, a, b;
	size_t	 k = 0;
	int	 i, j, per = (in + n - 1) / n + 2;

	wt = xcalloc((size_t)n * per, sizeof(*wt));
	for (i = 0; i < n; i++) {
		lo = i * s;
		hi = i + 1 == n ? in : (i + 1) * s;
		sp[i].first = (int)lo;
		sp[i].w = k;
		sp[i].n = 0;
		for (j = sp[i].first; j < in && j < hi; j++) {
			a = j > lo ? j : lo;
			b = j + 1 < hi ? j + 1 : hi;
			if (b <= a)
				continue;
			wt[k + sp[i].n++] = (b - a) / (hi - lo);
		}
		k += (size_t)per;
	}
	return wt;
}

/* Scales the input row p horizontally into the n RGB sums of hrow. */
static void
scale_row(const unsigned char *p, const struct span *sx, const double *wx,
    int n, double *hrow)
{
	const unsigned char	*q;
	const double		*w;
	double			 r, g, b;
	int			 x, i;

	for (x = 0; x < n; x++) {
		r = g = b = 0;
		q = p + sx[x].first * 3;
		w = wx + sx[x].w;
		for (i = 0; i < sx[x].n; i++, q += 3) {
			r += w[i] * q[0];
			g += w[i] * q[1];
			b += w[i] * q[2];
		}
		hrow[3 * x] = r;
		hrow[3 * x + 1] = g;
		hrow[3 * x + 2] = b;
	}
}

/*
 * Scales in down to the 413x626 of out (out->rgb allocated) by area
 * averaging, one output row at a time: each input row is scaled
 * horizontally, then weighted into the output row.  Needs in at least
 * as large as out on both axes; a box filter, not nearest neighbour, so
 * fine stripes average to their mean colour instead of aliasing.
 */
static void
scale_box(const struct image *in, struct image *out)
{
	struct span		 sx[PHOTO_W], sy[PHOTO_H];
	double			*wx, *wy, *acc, *hrow, v;
	const unsigned char	*p;
	int			 y, i, j;

	wx = spans_new(in->w, out->w, sx);
	wy = spans_new(in->h, out->h, sy);
	acc = xcalloc((size_t)out->w * 3, sizeof(*acc));
	hrow = xcalloc((size_t)out->w * 3, sizeof(*hrow));
	for (y = 0; y < out->h; y++) {
		memset(acc, 0, (size_t)out->w * 3 * sizeof(*acc));
		for (j = 0; j < sy[y].n; j++) {
			p = in->rgb + (size_t)(sy[y].first + j) * in->w * 3;
			scale_row(p, sx, wx, out->w, hrow);
			for (i = 0; i < out->w * 3; i++)
				acc[i] += wy[sy[y].w + j] * hrow[i];
		}
		for (i = 0; i < out->w * 3; i++) {
			v = acc[i] + 0.5;
			out->rgb[(size_t)y * out->w * 3 + i] =
			    v >= 255 ? 255 : v <= 0 ? 0 : (unsigned char)v;
		}
	}
	free(wx);
	free(wy);
	free(acc);
	free(hrow);
}

/*
 * Makes the personal photo (二寸, 413x626 pixels) from in: a copy if in is
 * exactly 413x626; scaled down by area averaging if in is larger and its
 * proportions match 413:626 within 2%.  Anything else is refused with a
 * message saying the size found and the size wanted (static buffer,
 * overwritten by the next call).  Returns NULL with out->rgb malloc'd
 * (free with image_free), or the message with out set to empty.
 */
const char *
image_photo(const struct image *in, struct image *out)
{
	long long	 d;
	size_t		 n = (size_t)PHOTO_W * PHOTO_H * 3;
	int		 w, h;

	memset(out, 0, sizeof(*out));
	if (in == NULL || in->rgb == NULL || in->w <= 0 || in->h <= 0)
		return jpeg_msg_empty;
	/* The size as uploaded, before any DCT scaling of the decode. */
	w = in->src_w > 0 ? in->src_w : in->w;
	h = in->src_h > 0 ? in->src_h : in->h;

	/* |w/h - 413/626| <= 2% of 413/626, in integers. */
	d = (long long)w * PHOTO_H - (long long)h * PHOTO_W;
	if (d < 0)
		d = -d;
	if (d * PHOTO_SLACK > (long long)h * PHOTO_W) {
		d = (long long)h * PHOTO_H - (long long)w * PHOTO_W;
		if (d < 0)
			d = -d;
		if (d * PHOTO_SLACK <= (long long)w * PHOTO_W)
			return photo_message(w, h,
			    "是横向的照片，比例不符合要求");
		return photo_message(w, h, "比例不符合要求");
	}
	if (w < PHOTO_W || h < PHOTO_H || in->w < PHOTO_W || in->h < PHOTO_H)
		return photo_message(w, h, "尺寸过小");

	out->rgb = xmalloc(n);
	out->w = PHOTO_W;
	out->h = PHOTO_H;
	if (in->w == PHOTO_W && in->h == PHOTO_H)
		memcpy(out->rgb, in->rgb, n);
	else
		scale_box(in, out);
	return NULL;
}

/*
 * Draws the ID number idno (digits and X, at most 18) in dark 5x7 block
 * letters on a white band along the bottom of img, each character cell
 * 1/18 of the width, so it stays legible when printed.  Returns 0, or -1
 * (img unchanged) for a character it cannot draw, an empty or too long
 * idno, or an image too small to carry it.
 */
int
image_stamp(struct image *img, const char *idno)
{
	static const unsigned char ink[3] = { 0x10, 0x10, 0x10 };
	size_t		 n, k;
	int		 cell, u, gap, band, top, left;

	if (img == NULL || img->rgb == NULL || idno == NULL)
		return -1;
	n = strlen(idno);
	if (n == 0 || n > STAMP_CHARS)
		return -1;
	for (k = 0; k < n; k++)
		if (!(idno[k] >= '0' && idno[k] <= '9') &&
		    idno[k] != 'X' && idno[k] != 'x')
			return -1;

	/* Block size u: the 5-unit glyph and a gap fill the cell. */
	cell = img->w / STAMP_CHARS;
	u = cell * 10 / (GLYPH_W * 10 + 5);
	if (u < 1)
		return -1;
	gap = cell - GLYPH_W * u;
	band = GLYPH_H * u + 4 * u;
	if (band * 4 > img->h)
		return -1;

	top = img->h - band;
	memset(img->rgb + (size_t)top * img->w * 3, 255,
	    (size_t)band * img->w * 3);
	left = (img->w - (int)n * cell + gap) / 2;
	top += 2 * u;
	for (k = 0; k < n; k++)
		image_glyph(img, idno[k], left + (int)k * cell, top, u, 0, ink);
	return 0;
}

/*
 * Draws character c (a digit or X) of the 5x7 font at (x, y) in blocks
 * of u by u pixels of colour rgb, each glyph row shifted right by
 * (row - 3) * shear pixels (0: upright).  Pixels outside img are
 * skipped.  Returns 0, or -1 for a character the font lacks.  Shared by
 * the stamp and the captcha (captcha.c).
 */
int
image_glyph(struct image *img, int c, int x, int y, int u, int shear,
    const unsigned char rgb[3])
{
	int		 g, gx, gy, px, py, dx, dy;
	unsigned char	*p;

	if (c >= '0' && c <= '9')
		g = c - '0';
	else if (c == 'X' || c == 'x')
		g = 10;
	else
		return -1;
	for (gy = 0; gy < GLYPH_H; gy++)
		for (gx = 0; gx < GLYPH_W; gx++) {
			if (!(glyphs[g][gy] & (0x10 >> gx)))
				continue;
			for (dy = 0; dy < u; dy++)
				for (dx = 0; dx < u; dx++) {
					px = x + gx * u + dx + (gy - 3) * shear;
					py = y + gy * u + dy;
					if (px < 0 || py < 0 || px >= img->w ||
					    py >= img->h)
						continue;
					p = img->rgb + ((size_t)py * img->w +
					    px) * 3;
					memcpy(p, rgb, 3);
				}
		}
	return 0;
}

/* init_destination: the first chunk of the output buffer. */
static void
enc_init(j_compress_ptr cinfo)
{
	struct enc_dest	*d = (struct enc_dest *)cinfo->dest;

	d->buf = xmalloc(ENC_CHUNK);
	d->size = ENC_CHUNK;
	d->pub.next_output_byte = d->buf;
	d->pub.free_in_buffer = d->size;
}

/* empty_output_buffer: the buffer is full; double it. */
static boolean
enc_empty(j_compress_ptr cinfo)
{
	struct enc_dest	*d = (struct enc_dest *)cinfo->dest;

	d->buf = xreallocarray(d->buf, d->size, 2);
	d->pub.next_output_byte = d->buf + d->size;
	d->pub.free_in_buffer = d->size;
	d->size *= 2;
	return TRUE;
}

/* term_destination: the used length is size - free_in_buffer. */
static void
enc_term(j_compress_ptr cinfo)
{
	(void)cinfo;
}

/*
 * Encodes img as a baseline JFIF JPEG of the given quality (1-100) into
 * a malloc'd buffer: *out (the caller frees it with free()) of *len
 * bytes.  Only pixels go in, so no EXIF or other metadata of the upload
 * can survive.  Returns 0, or -1 (nothing allocated) on bad arguments or
 * a libjpeg failure.
 *
 * The destination is our own rather than jpeg_mem_dest(): when libjpeg
 * fails after jpeg_mem_dest() has grown its buffer, the caller's pointer
 * is stale and the buffer leaks; here the buffer is always ours to free.
 */
int
image_encode(const struct image *img, int quality, unsigned char **out,
    size_t *len)
{
	struct jpeg_compress_struct	 cinfo;
	struct jpeg_err			 jerr;
	struct enc_dest			 dest;
	JSAMPROW			 row;

	*out = NULL;
	*len = 0;
	if (img == NULL || img->rgb == NULL || img->w <= 0 || img->h <= 0 ||
	    img->w > JPEG_MAX_DIMENSION || img->h > JPEG_MAX_DIMENSION ||
	    quality < 1 || quality > 100)
		return -1;

	memset(&cinfo, 0, sizeof(cinfo));
	memset(&dest, 0, sizeof(dest));
	cinfo.err = jpeg_err_init(&jerr);
	if (setjmp(jerr.jb) != 0) {
		jpeg_destroy_compress(&cinfo);
		free(dest.buf);
		return -1;
	}
	jpeg_create_compress(&cinfo);
	dest.pub.init_destination = enc_init;
	dest.pub.empty_output_buffer = enc_empty;
	dest.pub.term_destination = enc_term;
	cinfo.dest = &dest.pub;
	cinfo.image_width = (JDIMENSION)img->w;
	cinfo.image_height = (JDIMENSION)img->h;
	cinfo.input_components = 3;
	cinfo.in_color_space = JCS_RGB;
	jpeg_set_defaults(&cinfo);
	jpeg_set_quality(&cinfo, quality, TRUE);
	cinfo.optimize_coding = TRUE;
	jpeg_start_compress(&cinfo, TRUE);
	while (cinfo.next_scanline < cinfo.image_height) {
		row = img->rgb + (size_t)cinfo.next_scanline * img->w * 3;
		(void)jpeg_write_scanlines(&cinfo, &row, 1);
	}
	jpeg_finish_compress(&cinfo);
	*out = dest.buf;
	*len = dest.size - dest.pub.free_in_buffer;
	jpeg_destroy_compress(&cinfo);
	return 0;
}

/* Frees the pixels of img (which may be NULL) and empties it. */
void
image_free(struct image *img)
{
	if (img == NULL)
		return;
	free(img->rgb);
	img->rgb = NULL;
	img->w = img->h = 0;
	img->src_w = img->src_h = 0;
}
