/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* jpeg.c: uploaded images checked by decoding them */

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

#include "gkbm.h"
#include "jpeg.h"

#define JPEG_MIN_SIDE	100		/* pixels */
#define JPEG_MAX_SIDE	10000
#define JPEG_MAX_PIXELS	50000000ULL	/* 50 megapixels */
#define JPEG_MAX_SCANS	100		/* progressive scans */

const char *const jpeg_msg_empty = "未选择文件或文件为空。";
const char *const jpeg_msg_type =
    "文件不是JPG格式的图片，请上传jpg格式的照片。";
const char *const jpeg_msg_corrupt =
    "图片文件已损坏或不完整，请重新拍摄后上传。";
static const char *const msg_small =
    "图片尺寸过小，请上传宽和高都不小于100像素的照片。";
static const char *const msg_large =
    "图片尺寸过大，请上传宽和高都不超过10000像素、总像素不超过5000万的照片。";

static void	jpeg_emit(j_common_ptr, int);
static void	jpeg_quiet(j_common_ptr);
static const char *jpeg_too_big(size_t);

/* error_exit: return to the caller's setjmp instead of exiting. */
void
jpeg_err_fail(j_common_ptr cinfo)
{
	struct jpeg_err	*e = (struct jpeg_err *)cinfo->err;

	longjmp(e->jb, 1);
}

/*
 * emit_message: libjpeg only warns about data it had to make up (a file
 * cut short is padded with an EOI marker and decodes as grey), so treat
 * the warnings that mean corrupt or missing data as errors.  Trace
 * messages (level >= 0) are ignored.
 */
static void
jpeg_emit(j_common_ptr cinfo, int level)
{
	if (level >= 0)
		return;
	switch (cinfo->err->msg_code) {
	case JWRN_JPEG_EOF:
	case JWRN_HIT_MARKER:
	case JWRN_HUFF_BAD_CODE:
	case JWRN_ARITH_BAD_CODE:
	case JWRN_MUST_RESYNC:
		jpeg_err_fail(cinfo);
		break;
	default:
		cinfo->err->num_warnings++;
		break;
	}
}

/* output_message: say nothing on standard error. */
static void
jpeg_quiet(j_common_ptr cinfo)
{
	(void)cinfo;
}

/*
 * Fills in e as the error manager described in jpeg.h and returns it for
 * cinfo.err.  Cannot fail.
 */
struct jpeg_error_mgr *
jpeg_err_init(struct jpeg_err *e)
{
	jpeg_std_error(&e->pub);
	e->pub.error_exit = jpeg_err_fail;
	e->pub.emit_message = jpeg_emit;
	e->pub.output_message = jpeg_quiet;
	return &e->pub;
}

/*
 * progress_monitor: a progressive file can hold thousands of tiny scans
 * that take minutes to decode; refuse more than JPEG_MAX_SCANS (the limit
 * djpeg -maxscan offers for the same reason).  Set it after
 * jpeg_create_decompress(), which clears cinfo.progress.
 */
void
jpeg_err_progress(j_common_ptr cinfo)
{
	j_decompress_ptr	 d = (j_decompress_ptr)cinfo;

	if (cinfo->is_decompressor && d->input_scan_number > JPEG_MAX_SCANS)
		jpeg_err_fail(cinfo);
}

/*
 * Returns the "too big" message for a limit of max bytes, in MB.  The
 * text lives in a static buffer overwritten by the next call; a worker
 * handles one request at a time.
 */
static const char *
jpeg_too_big(size_t max)
{
	static char	 msg[128];
	const size_t	 mb = 1024 * 1024;

	if (max >= mb && max % mb == 0)
		snprintf(msg, sizeof(msg),
		    "文件过大，请上传不超过%zuMB的图片。", max / mb);
	else if (max >= mb / 10)
		snprintf(msg, sizeof(msg),
		    "文件过大，请上传不超过%.1fMB的图片。", (double)max / mb);
	else
		snprintf(msg, sizeof(msg),
		    "文件过大，请上传不超过%zuKB的图片。", max / 1024);
	return msg;
}

/*
 * The checks made before libjpeg sees the bytes: present, at most max
 * bytes, starting with a JPEG SOI marker.  Returns NULL or the message.
 */
const char *
jpeg_precheck(const unsigned char *buf, size_t len, size_t max)
{
	if (buf == NULL || len == 0)
		return jpeg_msg_empty;
	if (len > max)
		return jpeg_too_big(max);
	if (len < 3 || buf[0] != 0xff || buf[1] != 0xd8 || buf[2] != 0xff)
		return jpeg_msg_type;
	return NULL;
}

/*
 * The pixel limits, checked from the header before anything is decoded:
 * 100 to 10000 pixels a side and at most 50 megapixels.  Returns NULL or
 * the message.
 */
const char *
jpeg_size_check(unsigned int w, unsigned int h)
{
	if (w < JPEG_MIN_SIDE || h < JPEG_MIN_SIDE)
		return msg_small;
	if (w > JPEG_MAX_SIDE || h > JPEG_MAX_SIDE ||
	    (unsigned long long)w * h > JPEG_MAX_PIXELS)
		return msg_large;
	return NULL;
}

/*
 * Creates the decompressor cinfo reading buf, with the progress monitor
 * that bounds the work (and the APP1 markers kept when markers), then
 * reads the header.  Call it after setjmp() on the cinfo's struct
 * jpeg_err: a failure longjmps there.
 */
void
jpeg_open_mem(struct jpeg_decompress_struct *cinfo,
    struct jpeg_progress_mgr *progress, const unsigned char *buf, size_t len,
    int markers)
{
	jpeg_create_decompress(cinfo);
	progress->progress_monitor = jpeg_err_progress;
	cinfo->progress = progress;
	if (markers)
		jpeg_save_markers(cinfo, JPEG_APP0 + 1, 0xffff);
	jpeg_mem_src(cinfo, buf, (unsigned long)len);
	if (jpeg_read_header(cinfo, TRUE) != JPEG_HEADER_OK)
		jpeg_err_fail((j_common_ptr)cinfo);
}

/*
 * Checks that the len bytes at buf are a whole, decodable JPEG image of
 * at most max bytes, 100 to 10000 pixels on each side and at most 50
 * megapixels, by decoding every scanline.  The size is checked from the
 * header before decoding, so a huge image costs nothing.  Sets *w and *h
 * (either may be NULL) once the header has been read.  Returns NULL if
 * acceptable, else a Chinese message (static, or a static buffer for the
 * size limit).
 */
const char *
jpeg_check(const unsigned char *buf, size_t len, size_t max, int *w, int *h)
{
	struct jpeg_decompress_struct	 cinfo;
	struct jpeg_err			 jerr;
	struct jpeg_progress_mgr	 progress;
	JSAMPARRAY			 row;
	const char			*msg;

	if ((msg = jpeg_precheck(buf, len, max)) != NULL)
		return msg;

	memset(&cinfo, 0, sizeof(cinfo));
	cinfo.err = jpeg_err_init(&jerr);
	if (setjmp(jerr.jb) != 0) {
		jpeg_destroy_decompress(&cinfo);
		return jpeg_msg_corrupt;
	}
	jpeg_open_mem(&cinfo, &progress, buf, len, 0);
	if (w != NULL)
		*w = (int)cinfo.image_width;
	if (h != NULL)
		*h = (int)cinfo.image_height;
	if ((msg = jpeg_size_check(cinfo.image_width,
	    cinfo.image_height)) != NULL) {
		jpeg_destroy_decompress(&cinfo);
		return msg;
	}

	jpeg_start_decompress(&cinfo);
	row = (*cinfo.mem->alloc_sarray)((j_common_ptr)&cinfo, JPOOL_IMAGE,
	    cinfo.output_width * cinfo.output_components, 1);
	while (cinfo.output_scanline < cinfo.output_height)
		(void)jpeg_read_scanlines(&cinfo, row, 1);
	jpeg_finish_decompress(&cinfo);
	jpeg_destroy_decompress(&cinfo);
	return NULL;
}
