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
 * jpeg.c: uploaded JPEG images decoded, once, with bounded cost.  Every
 * decode goes through jpeg_decode: the size limits come from the header
 * before anything is allocated, libjpeg's DCT scaling decodes only as
 * many pixels as the caller needs, libjpeg's own memory is capped and a
 * progressive file may hold at most JPEG_MAX_SCANS scans.
 */

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h>

#include "gkbm.h"
#include "jpeg.h"

#define JPEG_MIN_SIDE	100		/* pixels */
#define JPEG_MAX_SIDE	10000
#define JPEG_MAX_SCANS	100		/* progressive scans */
/*
 * libjpeg's own allocations: a progressive file keeps every DCT
 * coefficient of the whole image (2 bytes each), at JPEG_MAX_PIXELS 39 MB
 * in 4:2:0 and 78 MB in 4:4:4.  Beyond the cap libjpeg asks for a backing
 * store, which this build has not: the decode fails (msg_memory).
 */
#define JPEG_MAX_MEMORY	(80L * 1024 * 1024)

const char *const jpeg_msg_empty = "未选择文件或文件为空。";
const char *const jpeg_msg_type =
    "文件不是JPG格式的图片，请上传jpg格式的照片。";
const char *const jpeg_msg_corrupt =
    "图片文件已损坏或不完整，请重新拍摄后上传。";
static const char *const msg_small =
    "图片尺寸过小，请上传宽和高都不小于100像素的照片。";
static const char *const msg_large =
    "图片尺寸过大，请上传宽和高都不超过10000像素、总像素不超过1300万的照片"
    "（可用手机相册的“编辑”缩小后上传）。";
static const char *const msg_memory =
    "图片过于复杂，无法处理，请用手机相册重新保存为普通jpg照片后上传。";

/*
 * EXIF orientations 5-8 swap width and height; the caller's minimum
 * size is for the image as shown, so it is swapped for them.
 */
#define SWAPS_SIDES(o)	((o) >= 5)

static void	jpeg_emit(j_common_ptr, int);
static void	jpeg_quiet(j_common_ptr);
static void	jpeg_progress(j_common_ptr);
static const char *jpeg_too_big(size_t);
static const char *jpeg_size_check(unsigned int, unsigned int);
static unsigned	exif_get(const unsigned char *, int, int);
static int	exif_orientation(j_decompress_ptr);
static int	jpeg_out_space(j_decompress_ptr);
static void	jpeg_fit(j_decompress_ptr, int, int);
static void	cmyk_row(const unsigned char *, unsigned char *, int, int);
static void	jpeg_rows(j_decompress_ptr, unsigned char *);

/* error_exit: remember why, return to the caller's setjmp. */
void
jpeg_err_fail(j_common_ptr cinfo)
{
	struct jpeg_err	*e = (struct jpeg_err *)cinfo->err;

	e->code = cinfo->err->msg_code;
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
	e->code = 0;
	return &e->pub;
}

/*
 * progress_monitor: a progressive file can hold thousands of tiny scans
 * that take minutes to decode; refuse more than JPEG_MAX_SCANS (the limit
 * djpeg -maxscan offers for the same reason).
 */
static void
jpeg_progress(j_common_ptr cinfo)
{
	j_decompress_ptr	 d = (j_decompress_ptr)cinfo;

	if (cinfo->is_decompressor && d->input_scan_number > JPEG_MAX_SCANS)
		jpeg_err_fail(cinfo);
}

/*
 * Writes max bytes as the page states it ("4MB", "1.5MB", "14KB") into
 * buf.  The limit shown next to every file field (xml.c) and the message
 * refusing a larger file both come from here, so they cannot differ.
 */
void
jpeg_size_text(size_t max, char *buf, size_t size)
{
	const size_t	 mb = 1024 * 1024;

	if (max >= mb && max % mb == 0)
		snprintf(buf, size, "%zuMB", max / mb);
	else if (max >= mb / 10)
		snprintf(buf, size, "%.1fMB", (double)max / mb);
	else
		snprintf(buf, size, "%zuKB", max / 1024);
}

/*
 * Returns the "too big" message for a limit of max bytes.  The text
 * lives in a static buffer overwritten by the next call; a worker
 * handles one request at a time.
 */
static const char *
jpeg_too_big(size_t max)
{
	static char	 msg[128];
	char		 t[32];

	jpeg_size_text(max, t, sizeof(t));
	snprintf(msg, sizeof(msg), "文件过大，请上传不超过%s的图片。", t);
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
 * JPEG_MIN_SIDE to JPEG_MAX_SIDE pixels a side and at most
 * JPEG_MAX_PIXELS.  Returns NULL or the message.
 */
static const char *
jpeg_size_check(unsigned int w, unsigned int h)
{
	if (w < JPEG_MIN_SIDE || h < JPEG_MIN_SIDE)
		return msg_small;
	if (w > JPEG_MAX_SIDE || h > JPEG_MAX_SIDE ||
	    (unsigned long long)w * h > JPEG_MAX_PIXELS)
		return msg_large;
	return NULL;
}

/* Reads the n-byte (2 or 4) integer at p in the TIFF byte order. */
static unsigned
exif_get(const unsigned char *p, int n, int motorola)
{
	if (n == 2)
		return motorola ? (unsigned)p[0] << 8 | p[1] :
		    (unsigned)p[1] << 8 | p[0];
	return motorola ?
	    (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | p[2] << 8 | p[3] :
	    (unsigned)p[3] << 24 | (unsigned)p[2] << 16 | p[1] << 8 | p[0];
}

/*
 * Returns the EXIF orientation (1-8) from the saved APP1 markers of
 * cinfo, or 1 when there is none or it cannot be read.  Phones store a
 * portrait photo sideways and say so here; since re-encoding drops EXIF,
 * the rotation has to be applied to the pixels (image.c).
 */
static int
exif_orientation(j_decompress_ptr cinfo)
{
	jpeg_saved_marker_ptr	 m;
	const unsigned char	*t, *e;
	size_t			 len, ifd, i, n;
	int			 mm;
	unsigned		 v;

	for (m = cinfo->marker_list; m != NULL; m = m->next) {
		if (m->marker != JPEG_APP0 + 1 || m->data_length < 14 ||
		    memcmp(m->data, "Exif\0\0", 6) != 0)
			continue;
		t = m->data + 6;
		len = m->data_length - 6;
		if (memcmp(t, "MM\0*", 4) == 0)
			mm = 1;
		else if (memcmp(t, "II*\0", 4) == 0)
			mm = 0;
		else
			continue;
		ifd = exif_get(t + 4, 4, mm);
		if (ifd < 8 || ifd > len - 2)
			continue;
		n = exif_get(t + ifd, 2, mm);
		for (i = 0; i < n && ifd + 2 + 12 * (i + 1) <= len; i++) {
			e = t + ifd + 2 + 12 * i;
			if (exif_get(e, 2, mm) != 0x0112 ||
			    exif_get(e + 2, 2, mm) != 3)
				continue;
			v = exif_get(e + 8, 2, mm);
			return v >= 1 && v <= 8 ? (int)v : 1;
		}
	}
	return 1;
}

/*
 * Sets the output colour space (RGB, or CMYK converted by jpeg_rows) of
 * cinfo after its header.  Returns 0, or -1 for a colour space we do
 * not take.
 */
static int
jpeg_out_space(j_decompress_ptr cinfo)
{
	switch (cinfo->jpeg_color_space) {
	case JCS_GRAYSCALE:
	case JCS_YCbCr:
	case JCS_RGB:
		cinfo->out_color_space = JCS_RGB;
		return 0;
	case JCS_CMYK:
	case JCS_YCCK:
		cinfo->out_color_space = JCS_CMYK;
		return 0;
	default:
		return -1;
	}
}

/*
 * DCT scaling: the smallest scale n/8 whose output is at least min_w x
 * min_h (as stored; 0 for full size), so a 12-megapixel photo made into
 * a 413x626 one decodes 1/16 of its pixels.
 */
static void
jpeg_fit(j_decompress_ptr cinfo, int min_w, int min_h)
{
	unsigned int	 n;

	cinfo->scale_denom = 8;
	for (n = min_w > 0 || min_h > 0 ? 1 : 8; n <= 8; n++) {
		cinfo->scale_num = n;
		jpeg_calc_output_dimensions(cinfo);
		if (cinfo->output_width >= (JDIMENSION)min_w &&
		    cinfo->output_height >= (JDIMENSION)min_h)
			return;
	}
}

/*
 * Converts n CMYK pixels to RGB.  Adobe writes CMYK inverted (255 means
 * no ink), and so does nearly every CMYK JPEG in the wild.
 */
static void
cmyk_row(const unsigned char *in, unsigned char *out, int n, int adobe)
{
	int	 c, m, y, k;

	for (; n > 0; n--, in += 4, out += 3) {
		c = in[0], m = in[1], y = in[2], k = in[3];
		if (!adobe) {
			c = 255 - c, m = 255 - m;
			y = 255 - y, k = 255 - k;
		}
		out[0] = (unsigned char)((c * k + 127) / 255);
		out[1] = (unsigned char)((m * k + 127) / 255);
		out[2] = (unsigned char)((y * k + 127) / 255);
	}
}

/*
 * Reads every scanline of the started cinfo into rgb (output_width x
 * output_height x 3 bytes), converting CMYK; with rgb NULL every row
 * is decoded into one scratch row and dropped.  Errors longjmp.
 */
static void
jpeg_rows(j_decompress_ptr cinfo, unsigned char *rgb)
{
	JSAMPARRAY	 tmp = NULL;
	JSAMPROW	 row;
	int		 cmyk = cinfo->out_color_space == JCS_CMYK;

	if (cmyk || rgb == NULL)
		tmp = (*cinfo->mem->alloc_sarray)((j_common_ptr)cinfo,
		    JPOOL_IMAGE, cinfo->output_width * (cmyk ? 4 : 3), 1);
	while (cinfo->output_scanline < cinfo->output_height) {
		row = rgb == NULL ? NULL : rgb +
		    (size_t)cinfo->output_scanline * cinfo->output_width * 3;
		if (tmp == NULL)
			(void)jpeg_read_scanlines(cinfo, &row, 1);
		else {
			(void)jpeg_read_scanlines(cinfo, tmp, 1);
			if (row != NULL)
				cmyk_row(tmp[0], row, (int)cinfo->output_width,
				    cinfo->saw_Adobe_marker);
		}
	}
}

/*
 * The one JPEG decoder.  Decodes the len bytes at buf (at most max) into
 * out as how says: JPEG_PIXELS gives out->rgb (malloc'd, out->w x out->h
 * x 3 bytes of RGB, as stored: out->orient says how to turn it),
 * JPEG_CHECK decodes every row and drops it, JPEG_HEADER only reads and
 * checks the header (no pixel is decoded: cheap enough before the
 * visitor has proved anything).  min_w x min_h is the smallest size wanted as
 * the image is shown (EXIF orientation applied); 0 x 0 decodes at full
 * size.  out->src_w and out->src_h are the header's size, as stored,
 * set once the header was read.  Returns NULL, or the Chinese message
 * (static, or a static buffer for the file size) with out->rgb NULL.
 */
const char *
jpeg_decode(const unsigned char *buf, size_t len, size_t max, int min_w,
    int min_h, enum jpeg_how how, struct jpeg_out *out)
{
	struct jpeg_decompress_struct	 cinfo;
	struct jpeg_err			 jerr;
	struct jpeg_progress_mgr	 progress;
	unsigned char *volatile		 rgb = NULL;
	const char			*msg;

	memset(out, 0, sizeof(*out));
	out->orient = 1;
	if ((msg = jpeg_precheck(buf, len, max)) != NULL)
		return msg;
	memset(&cinfo, 0, sizeof(cinfo));
	memset(&progress, 0, sizeof(progress));
	cinfo.err = jpeg_err_init(&jerr);
	if (setjmp(jerr.jb) != 0) {
		jpeg_destroy_decompress(&cinfo);
		free(rgb);
		out->rgb = NULL;
		return jerr.code == JERR_NO_BACKING_STORE ||
		    jerr.code == JERR_OUT_OF_MEMORY ? msg_memory :
		    jpeg_msg_corrupt;
	}
	jpeg_create_decompress(&cinfo);
	cinfo.mem->max_memory_to_use = JPEG_MAX_MEMORY;
	progress.progress_monitor = jpeg_progress;
	cinfo.progress = &progress;
	jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xffff);
	jpeg_mem_src(&cinfo, buf, (unsigned long)len);
	if (jpeg_read_header(&cinfo, TRUE) != JPEG_HEADER_OK)
		jpeg_err_fail((j_common_ptr)&cinfo);
	out->src_w = (int)cinfo.image_width;
	out->src_h = (int)cinfo.image_height;
	out->orient = exif_orientation(&cinfo);
	if ((msg = jpeg_size_check(cinfo.image_width,
	    cinfo.image_height)) == NULL && jpeg_out_space(&cinfo) == -1)
		msg = jpeg_msg_type;
	if (msg != NULL || how == JPEG_HEADER) {
		jpeg_destroy_decompress(&cinfo);
		return msg;
	}
	if (SWAPS_SIDES(out->orient))
		jpeg_fit(&cinfo, min_h, min_w);
	else
		jpeg_fit(&cinfo, min_w, min_h);

	jpeg_start_decompress(&cinfo);
	if (how == JPEG_PIXELS)
		rgb = xmalloc((size_t)cinfo.output_width *
		    cinfo.output_height * 3);
	jpeg_rows(&cinfo, rgb);
	jpeg_finish_decompress(&cinfo);
	out->w = (int)cinfo.output_width;
	out->h = (int)cinfo.output_height;
	out->rgb = rgb;
	jpeg_destroy_decompress(&cinfo);
	return NULL;
}

/*
 * Checks that the len bytes at buf are a whole, decodable JPEG image of
 * at most max bytes within the pixel limits, by decoding every scanline
 * (jpeg_decode, rows dropped).  Sets *w and *h (either may be NULL) to
 * the header's size once it has been read.  Returns NULL if acceptable,
 * else the Chinese message.
 */
const char *
jpeg_check(const unsigned char *buf, size_t len, size_t max, int *w, int *h)
{
	struct jpeg_out	 out;
	const char	*msg;

	msg = jpeg_decode(buf, len, max, 0, 0, JPEG_CHECK, &out);
	if (w != NULL && out.src_w > 0)
		*w = out.src_w;
	if (h != NULL && out.src_h > 0)
		*h = out.src_h;
	return msg;
}
