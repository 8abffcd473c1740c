/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* upload.h: what h_upload.c and h_mobile.c share (material.h: the kinds) */

#ifndef UPLOAD_H
#define UPLOAD_H

#include "material.h"

/* h_upload.c */
enum rc		 upload_take(struct req *, const struct app *, long long,
		    long long, const struct via *, const char *, const char *,
		    const struct kind **);

#endif /* UPLOAD_H */
