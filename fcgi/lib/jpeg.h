/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* jpeg.h: the libjpeg error handling jpeg.c and image.c share */

/*
 * Kept out of gkbm.h so that only the two files that use libjpeg see its
 * types.  Include <setjmp.h>, <stdio.h> and <jpeglib.h> first.
 */
#ifndef GKBM_JPEG_H
#define GKBM_JPEG_H

/*
 * libjpeg error manager that longjmps back to the caller on any failure
 * (and on the warnings that mean missing or corrupt data), silently.
 * The caller does setjmp(e.jb) after jpeg_err_init() and before
 * jpeg_create_*(), then jpeg_destroy_*() on the jump.
 */
struct jpeg_err {
	struct jpeg_error_mgr	 pub;
	jmp_buf			 jb;
	int			 code;	/* msg_code of the failure */
};

extern const char *const jpeg_msg_empty;
extern const char *const jpeg_msg_type;
extern const char *const jpeg_msg_corrupt;

struct jpeg_error_mgr *jpeg_err_init(struct jpeg_err *);
void		 jpeg_err_fail(j_common_ptr);

#endif /* GKBM_JPEG_H */
