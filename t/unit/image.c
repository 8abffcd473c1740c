/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/image.c: tests of photo decoding, scaling, stamping, encoding */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "gkbm.h"
#include "tap.h"

#define W	413
#define H	626

static const char *const msg_corrupt =
    "图片文件已损坏或不完整，请重新拍摄后上传。";

/* A JPEG file made here. */
struct jfile {
	unsigned char	*buf;
	unsigned long	 len;
};

/* Sets the comps samples of pixel (x, y) of a w x h test picture. */
typedef void	 fill_fn(int, int, int, int, unsigned char *);

static void	fill_white(int, int, int, int, unsigned char *);
static void	fill_square(int, int, int, int, unsigned char *);
static void	fill_grad(int, int, int, int, unsigned char *);
static void	fill_gray(int, int, int, int, unsigned char *);
static void	fill_cmyk_red(int, int, int, int, unsigned char *);
static void	fill_corner(int, int, int, int, unsigned char *);
static void	make_jpeg(struct jfile *, int, int, J_COLOR_SPACE,
		    J_COLOR_SPACE, fill_fn *, int);
static void	make_exif(unsigned char *, size_t *, int);
static int	has_marker(const struct jfile *, int);
static int	is_rgb(const struct image *, int, int, int, int, int, int);
static void	test_photo(void);
static void	test_colours(void);
static void	test_refused(void);
static void	test_stamp(void);
static void	test_encode(void);

static void
fill_white(int x, int y, int w, int h, unsigned char *p)
{
	(void)x, (void)y, (void)w, (void)h;
	p[0] = p[1] = p[2] = 255;
}

/* White with a red square over the middle third. */
static void
fill_square(int x, int y, int w, int h, unsigned char *p)
{
	if (x >= w / 3 && x < 2 * w / 3 && y >= h / 3 && y < 2 * h / 3) {
		p[0] = 255;
		p[1] = p[2] = 0;
	} else
		p[0] = p[1] = p[2] = 255;
}

static void
fill_grad(int x, int y, int w, int h, unsigned char *p)
{
	p[0] = (unsigned char)(x * 255 / w);
	p[1] = (unsigned char)(y * 255 / h);
	p[2] = 128;
}

static void
fill_gray(int x, int y, int w, int h, unsigned char *p)
{
	(void)x, (void)y, (void)w, (void)h;
	p[0] = 128;
}

/* Red in Adobe's inverted CMYK: no cyan, full magenta and yellow. */
static void
fill_cmyk_red(int x, int y, int w, int h, unsigned char *p)
{
	(void)x, (void)y, (void)w, (void)h;
	p[0] = 255;
	p[1] = p[2] = 0;
	p[3] = 255;
}

/* White with a red block in the top left corner. */
static void
fill_corner(int x, int y, int w, int h, unsigned char *p)
{
	(void)w, (void)h;
	if (x < 40 && y < 40) {
		p[0] = 255;
		p[1] = p[2] = 0;
	} else
		p[0] = p[1] = p[2] = 255;
}

/*
 * Writes a TIFF/EXIF APP1 payload with the given orientation and a camera
 * make into buf (at least 64 bytes); sets *len.
 */
static void
make_exif(unsigned char *buf, size_t *len, int orientation)
{
	static const unsigned char head[] = {
		'E', 'x', 'i', 'f', 0, 0,
		'I', 'I', 42, 0, 8, 0, 0, 0,		/* IFD0 at 8 */
		2, 0,					/* 2 entries */
		0x12, 0x01, 3, 0, 1, 0, 0, 0, 1, 0, 0, 0, /* orientation */
		0x0f, 0x01, 2, 0, 6, 0, 0, 0, 38, 0, 0, 0, /* Make at 38 */
		0, 0, 0, 0,				/* no IFD1 */
		'G', 'K', 'B', 'M', 'X', 0,
	};

	memcpy(buf, head, sizeof(head));
	buf[6 + 8 + 2 + 8] = (unsigned char)orientation;
	*len = sizeof(head);
}

/*
 * Compresses a w x h picture drawn by fill in colour space in (stored as
 * out) into f; with exif (an orientation), adds an EXIF APP1 marker.
 * The caller frees f->buf.
 */
static void
make_jpeg(struct jfile *f, int w, int h, J_COLOR_SPACE in, J_COLOR_SPACE out,
    fill_fn *fill, int exif)
{
	struct jpeg_compress_struct	 c;
	struct jpeg_error_mgr		 err;
	unsigned char			*row, app1[64];
	JSAMPROW			 rows[1];
	size_t				 alen;
	int				 x, y, n;

	f->buf = NULL;
	f->len = 0;
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &f->buf, &f->len);
	n = in == JCS_GRAYSCALE ? 1 : in == JCS_CMYK ? 4 : 3;
	c.image_width = w;
	c.image_height = h;
	c.input_components = n;
	c.in_color_space = in;
	jpeg_set_defaults(&c);
	jpeg_set_colorspace(&c, out);
	jpeg_set_quality(&c, 95, TRUE);
	jpeg_start_compress(&c, TRUE);
	if (exif) {
		make_exif(app1, &alen, exif);
		jpeg_write_marker(&c, JPEG_APP0 + 1, app1, (unsigned)alen);
	}
	if ((row = malloc((size_t)w * n)) == NULL)
		bail("out of memory");
	rows[0] = row;
	for (y = 0; y < h; y++) {
		for (x = 0; x < w; x++)
			fill(x, y, w, h, row + x * n);
		jpeg_write_scanlines(&c, rows, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(row);
}

/*
 * Whether the JPEG f has a marker 0xFF m among its headers (before the
 * first SOS).
 */
static int
has_marker(const struct jfile *f, int m)
{
	unsigned long	 i = 2;

	while (i + 4 <= f->len && f->buf[i] == 0xff) {
		if (f->buf[i + 1] == m)
			return 1;
		if (f->buf[i + 1] == 0xda)
			break;
		i += 2 + ((unsigned long)f->buf[i + 2] << 8 | f->buf[i + 3]);
	}
	return 0;
}

/* Whether pixel (x, y) of img is within tol of (r, g, b). */
static int
is_rgb(const struct image *img, int x, int y, int r, int g, int b, int tol)
{
	const unsigned char	*p = img->rgb + ((size_t)y * img->w + x) * 3;

	return abs(p[0] - r) <= tol && abs(p[1] - g) <= tol &&
	    abs(p[2] - b) <= tol;
}

/* The 413x626 target: kept as is, and larger ones scaled down to it. */
static void
test_photo(void)
{
	struct jfile	 f;
	struct image	 in, out, stripes;
	const char	*m;
	size_t		 i, n;
	int		 min, maxv, allwhite;

	make_jpeg(&f, W, H, JCS_RGB, JCS_YCbCr, fill_grad, 0);
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &in),
	    "413x626 decoded");
	ok(in.w == W && in.h == H, "decoded as %dx%d", in.w, in.h);
	is_string(NULL, image_photo(&in, &out), "413x626 accepted as photo");
	ok(out.w == W && out.h == H && out.rgb != in.rgb &&
	    memcmp(out.rgb, in.rgb, (size_t)W * H * 3) == 0,
	    "exact size copied pixel for pixel");
	image_free(&out);
	image_free(&in);
	ok(in.rgb == NULL && in.w == 0, "image_free empties the image");
	image_free(&in);
	image_free(NULL);
	free(f.buf);

	make_jpeg(&f, 2 * W, 2 * H, JCS_RGB, JCS_YCbCr, fill_white, 0);
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &in),
	    "826x1252 white decoded");
	is_string(NULL, image_photo(&in, &out), "826x1252 accepted");
	ok(out.w == W && out.h == H, "scaled to %dx%d", out.w, out.h);
	allwhite = 1;
	for (i = 0; i < (size_t)W * H * 3; i++)
		if (out.rgb[i] != in.rgb[0])
			allwhite = 0;
	ok(in.rgb[0] == 255 && allwhite, "a white photo stays white");
	image_free(&out);
	image_free(&in);
	free(f.buf);

	make_jpeg(&f, 2 * W, 2 * H, JCS_RGB, JCS_YCbCr, fill_square, 0);
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &in),
	    "826x1252 red square decoded");
	is_string(NULL, image_photo(&in, &out), "826x1252 red square scaled");
	ok(is_rgb(&out, W / 2, H / 2, 255, 0, 0, 8),
	    "the middle stays red (%d,%d,%d)", out.rgb[(H / 2 * W + W / 2) * 3],
	    out.rgb[(H / 2 * W + W / 2) * 3 + 1],
	    out.rgb[(H / 2 * W + W / 2) * 3 + 2]);
	ok(is_rgb(&out, 10, 10, 255, 255, 255, 2) &&
	    is_rgb(&out, W - 10, H - 10, 255, 255, 255, 2),
	    "the corners stay white");
	image_free(&out);
	image_free(&in);
	free(f.buf);

	/*
	 * DCT scaling: a 4x photo decodes at 1/4 of its pixels, the
	 * smallest size of at least 413x626; the message and the checks
	 * still see the size uploaded.
	 */
	make_jpeg(&f, 4 * W, 4 * H, JCS_RGB, JCS_YCbCr, fill_square, 0);
	is_string(NULL, image_decode_fit(f.buf, f.len, MAX_JPEG, W, H, &in),
	    "1652x2504 decoded to fit 413x626");
	ok(in.w == W && in.h == H && in.src_w == 4 * W && in.src_h == 4 * H,
	    "decoded at %dx%d of %dx%d", in.w, in.h, in.src_w, in.src_h);
	is_string(NULL, image_photo(&in, &out), "and made the photo");
	ok(is_rgb(&out, W / 2, H / 2, 255, 0, 0, 8) &&
	    is_rgb(&out, 10, 10, 255, 255, 255, 2), "red square on white");
	image_free(&out);
	image_free(&in);
	is_string(NULL, image_decode_fit(f.buf, f.len, MAX_JPEG, W + 1, H, &in),
	    "a minimum one pixel wider");
	ok(in.w >= W + 1 && in.w < 4 * W, "the next scale up: %dx%d", in.w,
	    in.h);
	image_free(&in);
	free(f.buf);
	make_jpeg(&f, 3 * W, 2 * H, JCS_RGB, JCS_YCbCr, fill_white, 0);
	is_string(NULL, image_decode_fit(f.buf, f.len, MAX_JPEG, W, H, &in),
	    "1239x1252 decoded to fit");
	m = image_photo(&in, &out);
	ok(m != NULL && strstr(m, "1239×1252像素") != NULL,
	    "refused naming the size uploaded: %s", m ? m : "(accepted)");
	image_free(&in);
	free(f.buf);

	/* Non-integer factor, 1% off the proportions: still 413x626. */
	make_jpeg(&f, 1000, 1500, JCS_RGB, JCS_YCbCr, fill_white, 0);
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &in),
	    "1000x1500 decoded");
	is_string(NULL, image_photo(&in, &out),
	    "1000x1500 (ratio 1%% off) accepted");
	ok(out.w == W && out.h == H && out.rgb[0] == 255 &&
	    out.rgb[(size_t)W * H * 3 - 1] == 255,
	    "scaled to exactly 413x626, still white");
	image_free(&out);
	image_free(&in);
	free(f.buf);

	/* One-pixel black and white stripes: a box filter gives grey. */
	memset(&stripes, 0, sizeof(stripes));
	stripes.w = 2 * W;
	stripes.h = 2 * H;
	n = (size_t)stripes.w * stripes.h * 3;
	if ((stripes.rgb = malloc(n)) == NULL)
		bail("out of memory");
	for (i = 0; i < n; i++)
		stripes.rgb[i] = (i / 3) % 2 ? 255 : 0;
	is_string(NULL, image_photo(&stripes, &out), "stripes scaled");
	min = 255;
	maxv = 0;
	for (i = 0; i < (size_t)W * H * 3; i++) {
		if (out.rgb[i] < min)
			min = out.rgb[i];
		if (out.rgb[i] > maxv)
			maxv = out.rgb[i];
	}
	ok(min >= 127 && maxv <= 128,
	    "stripes average to grey, not nearest neighbour (%d..%d)",
	    min, maxv);
	image_free(&out);
	image_free(&stripes);

	/* 420x626 is 1.7% wider than 413:626: accepted. */
	stripes.w = 420;
	stripes.h = H;
	if ((stripes.rgb = calloc((size_t)420 * H, 3)) == NULL)
		bail("out of memory");
	m = image_photo(&stripes, &out);
	is_string(NULL, m, "420x626 (1.7%% off) accepted");
	ok(out.w == W && out.h == H, "and made 413x626");
	image_free(&out);
	image_free(&stripes);
}

/* Grayscale, CMYK and YCCK decoded to RGB; EXIF orientation applied. */
static void
test_colours(void)
{
	struct jfile	 f;
	struct image	 img;

	make_jpeg(&f, 200, 300, JCS_GRAYSCALE, JCS_GRAYSCALE, fill_gray, 0);
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &img),
	    "grayscale decoded");
	ok(img.w == 200 && img.h == 300 && is_rgb(&img, 100, 150, 128, 128,
	    128, 2), "grayscale 128 becomes RGB grey");
	image_free(&img);
	free(f.buf);

	make_jpeg(&f, 200, 300, JCS_CMYK, JCS_CMYK, fill_cmyk_red, 0);
	ok(has_marker(&f, 0xee), "CMYK file has an Adobe marker");
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &img),
	    "CMYK decoded");
	ok(img.w == 200 && is_rgb(&img, 100, 150, 255, 0, 0, 8),
	    "CMYK red becomes RGB red (%d,%d,%d)", img.rgb[0], img.rgb[1],
	    img.rgb[2]);
	image_free(&img);
	free(f.buf);

	make_jpeg(&f, 200, 300, JCS_CMYK, JCS_YCCK, fill_cmyk_red, 0);
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &img),
	    "YCCK decoded");
	ok(img.w == 200 && is_rgb(&img, 100, 150, 255, 0, 0, 8),
	    "YCCK red becomes RGB red (%d,%d,%d)", img.rgb[0], img.rgb[1],
	    img.rgb[2]);
	image_free(&img);
	free(f.buf);

	/* Stored 300 wide, 200 high, "rotate 90 clockwise" in EXIF. */
	make_jpeg(&f, 300, 200, JCS_RGB, JCS_YCbCr, fill_corner, 6);
	ok(has_marker(&f, 0xe1), "input has an EXIF APP1 marker");
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &img),
	    "EXIF orientation 6 decoded");
	ok(img.w == 200 && img.h == 300, "turned upright: %dx%d", img.w,
	    img.h);
	ok(is_rgb(&img, 180, 20, 255, 0, 0, 8) &&
	    is_rgb(&img, 20, 20, 255, 255, 255, 8),
	    "the stored top left corner is now top right");
	image_free(&img);
	free(f.buf);

	make_jpeg(&f, 300, 200, JCS_RGB, JCS_YCbCr, fill_corner, 8);
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &img),
	    "EXIF orientation 8 decoded");
	ok(img.w == 200 && img.h == 300 && is_rgb(&img, 20, 280, 255, 0, 0,
	    8), "orientation 8: top left corner now bottom left");
	image_free(&img);
	free(f.buf);

	make_jpeg(&f, 300, 200, JCS_RGB, JCS_YCbCr, fill_corner, 3);
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &img),
	    "EXIF orientation 3 decoded");
	ok(img.w == 300 && img.h == 200 && is_rgb(&img, 280, 180, 255, 0, 0,
	    8), "orientation 3: top left corner now bottom right");
	image_free(&img);
	free(f.buf);
}

/* Wrong files and wrong photos refused with their messages. */
static void
test_refused(void)
{
	struct jfile	 f;
	struct image	 img, out;
	unsigned char	*copy;
	const char	*m;

	make_jpeg(&f, 800, 600, JCS_RGB, JCS_YCbCr, fill_grad, 0);
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &img),
	    "800x600 decodes");
	out.rgb = (unsigned char *)"x";
	is_string("照片尺寸为800×600像素，比例不符合要求。"
	    "请上传宽高比为413:626（二寸证件照，竖版）的照片，"
	    "像素不小于413×626。可先用手机相册的“编辑”→“裁剪”把照片裁成"
	    "竖版、宽高约2:3、只留头部和肩部，再重新上传。", image_photo(&img, &out),
	    "800x600 refused: wrong proportions");
	ok(out.rgb == NULL && out.w == 0, "nothing made");
	image_free(&img);
	free(f.buf);

	make_jpeg(&f, 200, 300, JCS_RGB, JCS_YCbCr, fill_grad, 0);
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &img),
	    "200x300 decodes");
	is_string("照片尺寸为200×300像素，尺寸过小。"
	    "请上传宽高比为413:626（二寸证件照，竖版）的照片，"
	    "像素不小于413×626。可先用手机相册的“编辑”→“裁剪”把照片裁成"
	    "竖版、宽高约2:3、只留头部和肩部，再重新上传。", image_photo(&img, &out),
	    "200x300 refused: right proportions, too small");
	image_free(&img);
	free(f.buf);

	make_jpeg(&f, 626, 413, JCS_RGB, JCS_YCbCr, fill_grad, 0);
	is_string(NULL, image_decode(f.buf, f.len, MAX_JPEG, &img),
	    "626x413 decodes");
	m = image_photo(&img, &out);
	ok(m != NULL && strstr(m, "横向") != NULL && out.rgb == NULL,
	    "landscape refused as landscape: %s", m ? m : "(accepted)");
	image_free(&img);
	free(f.buf);

	img.w = 430;			/* 4% wider than 413:626 */
	img.h = H;
	if ((img.rgb = calloc((size_t)430 * H, 3)) == NULL)
		bail("out of memory");
	m = image_photo(&img, &out);
	ok(m != NULL && strstr(m, "比例不符合要求") != NULL,
	    "430x626 (4%% off) refused");
	image_free(&img);

	img.w = W;			/* right width, too short */
	img.h = H - 1;
	if ((img.rgb = calloc((size_t)W * (H - 1), 3)) == NULL)
		bail("out of memory");
	m = image_photo(&img, &out);
	ok(m != NULL && strstr(m, "尺寸过小") != NULL,
	    "413x625 refused as too small");
	image_free(&img);

	make_jpeg(&f, W, H, JCS_RGB, JCS_YCbCr, fill_grad, 0);
	if ((copy = malloc(f.len)) == NULL)
		bail("out of memory");
	memcpy(copy, f.buf, f.len);
	img.rgb = (unsigned char *)"x";
	is_string(msg_corrupt, image_decode(copy, f.len / 2, MAX_JPEG, &img),
	    "truncated file refused");
	ok(img.rgb == NULL && img.w == 0, "and nothing returned");
	is_string(msg_corrupt, image_decode(copy, f.len - 2, MAX_JPEG, &img),
	    "file without its EOI refused");
	copy[f.len / 2] ^= 0xff;
	copy[f.len / 2 + 1] ^= 0xff;
	copy[f.len / 2 + 7] = 0xff;
	copy[f.len / 2 + 8] = 0xd9;
	is_string(msg_corrupt, image_decode(copy, f.len, MAX_JPEG, &img),
	    "damaged scan data refused");
	free(copy);
	is_string("未选择文件或文件为空。", image_decode(f.buf, 0, MAX_JPEG,
	    &img), "empty refused");
	is_string("文件过大，请上传不超过4MB的图片。",
	    image_decode(f.buf, MAX_JPEG + 1, MAX_JPEG, &img),
	    "too large refused before reading");
	is_string("文件不是JPG格式的图片，请上传jpg格式的照片。",
	    image_decode((const unsigned char *)"%PDF-1.4\n", 9, MAX_JPEG,
	    &img), "PDF refused as not JPEG");
	copy = malloc(f.len);
	memcpy(copy, f.buf, f.len);
	memset(copy + 200, 'A', f.len - 200);
	is_string(msg_corrupt, image_decode(copy, f.len, MAX_JPEG, &img),
	    "JPEG header on other content refused");
	free(copy);
	free(f.buf);

	make_jpeg(&f, 50, 60, JCS_RGB, JCS_YCbCr, fill_grad, 0);
	m = image_decode(f.buf, f.len, MAX_JPEG, &img);
	ok(m != NULL && strstr(m, "过小") != NULL && img.rgb == NULL,
	    "50x60 refused by the pixel limits");
	free(f.buf);

	make_jpeg(&f, 10001, 100, JCS_GRAYSCALE, JCS_GRAYSCALE, fill_gray, 0);
	m = image_decode(f.buf, f.len, MAX_JPEG, &img);
	ok(m != NULL && strstr(m, "过大") != NULL && img.rgb == NULL,
	    "10001 pixels wide refused before allocating");
	free(f.buf);
}

/* The ID number drawn in a white band along the bottom only. */
static void
test_stamp(void)
{
	struct jfile	 f;
	struct image	 in, img;
	unsigned char	*before;
	size_t		 n = (size_t)W * H * 3, i;
	int		 y, first, dark, other;

	make_jpeg(&f, W, H, JCS_RGB, JCS_YCbCr, fill_grad, 0);
	if (image_decode(f.buf, f.len, MAX_JPEG, &in) != NULL ||
	    image_photo(&in, &img) != NULL)
		bail("cannot make a photo");
	image_free(&in);
	free(f.buf);
	if ((before = malloc(n)) == NULL)
		bail("out of memory");
	memcpy(before, img.rgb, n);

	is_int(-1, image_stamp(&img, "41010519900307123A"),
	    "a letter other than X refused");
	ok(memcmp(before, img.rgb, n) == 0, "and the photo is unchanged");
	is_int(-1, image_stamp(&img, "410105199003071234X"),
	    "19 characters refused");
	is_int(-1, image_stamp(&img, ""), "empty refused");
	is_int(-1, image_stamp(&img, "4101051990 307123X"), "space refused");
	ok(memcmp(before, img.rgb, n) == 0, "photo still unchanged");

	is_int(0, image_stamp(&img, "41010519900307123X"),
	    "18 characters ending in X stamped");
	first = -1;
	for (y = 0; y < H && first < 0; y++)
		if (memcmp(before + (size_t)y * W * 3,
		    img.rgb + (size_t)y * W * 3, (size_t)W * 3) != 0)
			first = y;
	ok(first >= H - H / 10 && first < H,
	    "only the bottom band changed (from row %d of %d)", first, H);
	dark = other = 0;
	for (i = (size_t)first * W * 3; i < n; i++) {
		if (img.rgb[i] < 0x20)
			dark++;
		else if (img.rgb[i] != 255)
			other++;
	}
	ok(dark > 18 * 100, "the band holds dark text (%d samples)", dark);
	is_int(0, other, "crisp: only white and text colour in the band");
	is_int(0, image_stamp(&img, "41010519900307123x"),
	    "lower-case x drawn as X");
	free(before);
	image_free(&img);

	img.w = 50;
	img.h = 80;
	if ((img.rgb = calloc((size_t)50 * 80, 3)) == NULL)
		bail("out of memory");
	is_int(-1, image_stamp(&img, "41010519900307123X"),
	    "an image too narrow for the number refused");
	image_free(&img);
}

/* Re-encoded output: baseline, decodable, same size, no EXIF. */
static void
test_encode(void)
{
	struct jfile	 f, o;
	struct image	 in, img, again;
	unsigned char	*out;
	size_t		 len;
	int		 round;

	make_jpeg(&f, 2 * W, 2 * H, JCS_RGB, JCS_YCbCr, fill_square, 1);
	ok(has_marker(&f, 0xe1) && memmem(f.buf, f.len, "Exif", 4) != NULL,
	    "input carries an EXIF APP1 marker");
	for (round = 0; round < 3; round++) {
		if (image_decode(f.buf, f.len, MAX_JPEG, &in) != NULL ||
		    image_photo(&in, &img) != NULL ||
		    image_stamp(&img, "41010519900307123X") != 0)
			bail("cannot make a stamped photo");
		image_free(&in);
		is_int(0, image_encode(&img, 90, &out, &len),
		    "encoded (round %d)", round);
		o.buf = out;
		o.len = len;
		ok(len > 1000 && out[0] == 0xff && out[1] == 0xd8 &&
		    out[len - 2] == 0xff && out[len - 1] == 0xd9,
		    "a whole JPEG of %zu bytes", len);
		ok(!has_marker(&o, 0xe1) && memmem(out, len, "Exif", 4) ==
		    NULL && memmem(out, len, "GKBM", 4) == NULL,
		    "no APP1/EXIF marker survives");
		ok(has_marker(&o, 0xc0) && !has_marker(&o, 0xc2),
		    "baseline (SOF0), not progressive");
		is_string(NULL, image_decode(out, len, MAX_JPEG, &again),
		    "output decodes");
		ok(again.w == W && again.h == H, "at the same size %dx%d",
		    again.w, again.h);
		ok(is_rgb(&again, W / 2, H / 2, 255, 0, 0, 12),
		    "red still red after re-encoding");
		image_free(&again);
		image_free(&img);
		free(out);
	}
	free(f.buf);

	in.w = in.h = 10;
	in.rgb = NULL;
	out = (unsigned char *)"x";
	is_int(-1, image_encode(&in, 90, &out, &len), "no pixels refused");
	ok(out == NULL && len == 0, "nothing allocated");
	if ((in.rgb = calloc(300, 1)) == NULL)
		bail("out of memory");
	is_int(-1, image_encode(&in, 0, &out, &len), "quality 0 refused");
	is_int(-1, image_encode(&in, 101, &out, &len), "quality 101 refused");
	is_int(0, image_encode(&in, 1, &out, &len), "quality 1 accepted");
	free(out);
	image_free(&in);
}

int
main(void)
{
	plan_lazy();
	test_photo();
	test_colours();
	test_refused();
	test_stamp();
	test_encode();
	return 0;
}
