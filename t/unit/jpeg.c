/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/jpeg.c: tests of the JPEG upload check, on images made here */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "gkbm.h"
#include "tap.h"

static const char *const msg_empty = "未选择文件或文件为空。";
static const char *const msg_type =
    "文件不是JPG格式的图片，请上传jpg格式的照片。";
static const char *const msg_corrupt =
    "图片文件已损坏或不完整，请重新拍摄后上传。";

struct jbuf {
	unsigned char	*buf;
	unsigned long	 len;
};

static void	make_jpeg(struct jbuf *, int, int, int);
static size_t	find_sos(const struct jbuf *);

#define J_PROG	1	/* progressive */
#define J_444	2	/* no chroma subsampling */
#define J_CMYK	4	/* four components, as Adobe writes them */

/*
 * Compresses a width x height gradient (RGB; flags J_PROG, J_444,
 * J_CMYK) into memory.  The caller frees img->buf.
 */
static void
make_jpeg(struct jbuf *img, int width, int height, int progressive)
{
	struct jpeg_compress_struct	 c;
	struct jpeg_error_mgr		 err;
	unsigned char			*row;
	JSAMPROW			 rows[1];
	int				 x, y, i, n = progressive & J_CMYK ? 4 : 3;

	img->buf = NULL;
	img->len = 0;
	c.err = jpeg_std_error(&err);
	jpeg_create_compress(&c);
	jpeg_mem_dest(&c, &img->buf, &img->len);
	c.image_width = width;
	c.image_height = height;
	c.input_components = n;
	c.in_color_space = n == 4 ? JCS_CMYK : JCS_RGB;
	jpeg_set_defaults(&c);
	jpeg_set_quality(&c, 85, TRUE);
	if (progressive & J_444)
		for (i = 0; i < c.num_components; i++)
			c.comp_info[i].h_samp_factor =
			    c.comp_info[i].v_samp_factor = 1;
	if (progressive & J_PROG)
		jpeg_simple_progression(&c);
	jpeg_start_compress(&c, TRUE);
	if ((row = calloc((size_t)width, 4)) == NULL)
		bail("out of memory");
	rows[0] = row;
	for (y = 0; y < height; y++) {
		for (x = 0; x < width; x++) {
			row[n * x] = (unsigned char)(x * 255 / width);
			row[n * x + 1] = (unsigned char)(y * 255 / height);
			row[n * x + 2] = (unsigned char)((x ^ y) & 0xff);
		}
		jpeg_write_scanlines(&c, rows, 1);
	}
	jpeg_finish_compress(&c);
	jpeg_destroy_compress(&c);
	free(row);
}

/* Returns the offset of the first SOS marker (FF DA), or 0. */
static size_t
find_sos(const struct jbuf *img)
{
	size_t	 i;

	for (i = 2; i + 1 < img->len; i++)
		if (img->buf[i] == 0xff && img->buf[i + 1] == 0xda)
			return i;
	return 0;
}

int
main(void)
{
	struct jbuf		 good, prog, img;
	unsigned char		*big, *copy;
	const char		*m;
	size_t			 sos;
	int			 w, h;
	static const unsigned char png[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
		0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0x9d, 0, 0, 2, 0x72
	};
	static const unsigned char gif[] = "GIF89a\x9d\x01\x72\x02";

	plan_lazy();

	make_jpeg(&good, 413, 626, 0);
	ok(good.len > 1000, "made a 413x626 JPEG of %lu bytes", good.len);
	w = h = -1;
	is_string(NULL, jpeg_check(good.buf, good.len, MAX_JPEG, &w, &h),
	    "good 413x626 accepted");
	is_int(413, w, "width 413");
	is_int(626, h, "height 626");
	is_string(NULL, jpeg_check(good.buf, good.len, good.len, NULL, NULL),
	    "exactly max bytes accepted, NULL w and h allowed");

	make_jpeg(&prog, 413, 626, 1);
	w = h = -1;
	is_string(NULL, jpeg_check(prog.buf, prog.len, MAX_JPEG, &w, &h),
	    "progressive 413x626 accepted");
	ok(w == 413 && h == 626, "progressive size read");

	/* Copies into exact-size heap buffers, so ASan sees any overread. */
	copy = malloc(good.len);
	memcpy(copy, good.buf, good.len);
	is_string(msg_corrupt, jpeg_check(copy, good.len / 2, MAX_JPEG, &w,
	    &h), "truncated to half refused");
	is_string(msg_corrupt, jpeg_check(copy, good.len - 2, MAX_JPEG, &w,
	    &h), "missing EOI only refused");
	memcpy(copy, prog.buf, good.len < prog.len ? good.len : prog.len);
	is_string(msg_corrupt, jpeg_check(copy, prog.len * 3 / 4, MAX_JPEG, &w,
	    &h), "truncated progressive refused");
	free(copy);

	sos = find_sos(&good);
	ok(sos > 100, "found the SOS marker at %zu", sos);
	is_string(msg_corrupt, jpeg_check(good.buf, sos, MAX_JPEG, &w, &h),
	    "headers only (up to SOS) refused");
	is_string(msg_corrupt, jpeg_check(good.buf, sos + 20, MAX_JPEG, &w, &h),
	    "headers and a few bytes of scan refused");
	is_string(msg_corrupt, jpeg_check(good.buf, 3, MAX_JPEG, &w, &h),
	    "FF D8 FF alone refused");
	is_string(msg_corrupt, jpeg_check(good.buf, 20, MAX_JPEG, &w, &h),
	    "first 20 bytes refused");

	copy = malloc(good.len);
	memcpy(copy, good.buf, good.len);
	memset(copy + sos + 200, 0xff, 64);
	m = jpeg_check(copy, good.len, MAX_JPEG, &w, &h);
	is_string(msg_corrupt, m, "64 bytes of scan data overwritten refused");
	free(copy);

	is_string(msg_type, jpeg_check(png, sizeof(png), MAX_JPEG, &w, &h),
	    "PNG signature refused as not JPEG");
	is_string(msg_type, jpeg_check(gif, sizeof(gif) - 1, MAX_JPEG, &w, &h),
	    "GIF refused as not JPEG");
	is_string(msg_type, jpeg_check((const unsigned char *)"\xff\xd8", 2,
	    MAX_JPEG, &w, &h), "two bytes refused as not JPEG");
	is_string(msg_type, jpeg_check((const unsigned char *)"<html>", 6,
	    MAX_JPEG, &w, &h), "HTML refused as not JPEG");

	is_string(msg_empty, jpeg_check(good.buf, 0, MAX_JPEG, &w, &h),
	    "zero bytes refused");
	is_string(msg_empty, jpeg_check(NULL, 0, MAX_JPEG, &w, &h),
	    "NULL refused");

	if ((big = calloc(1, MAX_JPEG + 1)) == NULL)
		bail("out of memory");
	memcpy(big, good.buf, good.len);
	is_string("文件过大，请上传不超过4MB的图片。",
	    jpeg_check(big, MAX_JPEG + 1, MAX_JPEG, &w, &h),
	    "4 MiB + 1 byte refused with the 4MB message");
	is_string("文件过大，请上传不超过2MB的图片。",
	    jpeg_check(big, MAX_JPEG, 2 * 1024 * 1024, &w, &h),
	    "message follows the limit (2MB)");
	is_string("文件过大，请上传不超过1.5MB的图片。",
	    jpeg_check(big, MAX_JPEG, 3 * 512 * 1024, &w, &h),
	    "message follows the limit (1.5MB)");
	m = jpeg_check(good.buf, good.len, good.len - 1, &w, &h);
	ok(m != NULL && strstr(m, "文件过大") != NULL,
	    "one byte over a small limit: %s", m ? m : "(accepted)");
	free(big);

	make_jpeg(&img, 10, 10, 0);
	w = h = -1;
	m = jpeg_check(img.buf, img.len, MAX_JPEG, &w, &h);
	ok(m != NULL && strstr(m, "过小") != NULL, "tiny 10x10 refused: %s",
	    m ? m : "(accepted)");
	ok(w == 10 && h == 10, "10x10 size reported");
	free(img.buf);

	make_jpeg(&img, 99, 626, 0);
	ok(jpeg_check(img.buf, img.len, MAX_JPEG, &w, &h) != NULL,
	    "99 pixels wide refused");
	free(img.buf);

	make_jpeg(&img, 100, 100, 0);
	is_string(NULL, jpeg_check(img.buf, img.len, MAX_JPEG, &w, &h),
	    "100x100 accepted");
	free(img.buf);

	make_jpeg(&img, 10001, 100, 0);
	m = jpeg_check(img.buf, img.len, MAX_JPEG, &w, &h);
	ok(m != NULL && strstr(m, "过大") != NULL, "10001 wide refused: %s",
	    m ? m : "(accepted)");
	free(img.buf);

	/* The pixel cap: a 12 MP phone photo, not much more. */
	make_jpeg(&img, 4032, 3024, 0);
	is_string(NULL, jpeg_check(img.buf, img.len, 64 * 1024 * 1024, &w, &h),
	    "4032x3024 (a 12 MP phone photo) accepted");
	free(img.buf);
	make_jpeg(&img, 3606, 3606, 0);		/* 13,003,236 pixels */
	m = jpeg_check(img.buf, img.len, 64 * 1024 * 1024, &w, &h);
	ok(m != NULL && strstr(m, "过大") != NULL && strstr(m, "1300万"),
	    "3606x3606 (just over 13 megapixels) refused: %s",
	    m ? m : "(accepted)");
	ok(w == 3606 && h == 3606, "its size is reported");
	free(img.buf);

	/*
	 * The decompression bomb of issue 7: a few hundred KB of
	 * progressive 10000x5000 cost 290 MB and seconds of CPU; refused
	 * from its header now.
	 */
	make_jpeg(&img, 10000, 5000, J_PROG);
	ok(img.len < MAX_JPEG, "a progressive 10000x5000 of %lu bytes",
	    img.len);
	m = jpeg_check(img.buf, img.len, MAX_JPEG, &w, &h);
	ok(m != NULL && strstr(m, "过大") != NULL,
	    "progressive 10000x5000 refused: %s", m ? m : "(accepted)");
	free(img.buf);

	/*
	 * libjpeg's memory cap: a progressive CMYK file without
	 * subsampling keeps 8 bytes of coefficients a pixel, 104 MB at
	 * 13 MP; refused with its own message, not as corrupt.
	 */
	make_jpeg(&img, 3600, 3600, J_PROG | J_444 | J_CMYK);
	m = jpeg_check(img.buf, img.len, 64 * 1024 * 1024, &w, &h);
	ok(m != NULL && strstr(m, "无法处理") != NULL,
	    "progressive 4:4:4 CMYK 3600x3600 refused by the memory cap: %s",
	    m ? m : "(accepted)");
	free(img.buf);
	make_jpeg(&img, 3000, 3000, J_PROG | J_444);
	is_string(NULL, jpeg_check(img.buf, img.len, 64 * 1024 * 1024, &w, &h),
	    "progressive 4:4:4 RGB 3000x3000 within the memory cap");
	free(img.buf);

	free(good.buf);
	free(prog.buf);
	return 0;
}
