/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* qr.c: QR codes for the mobile upload links */

/*
 * Why libqrencode: it is small (one C library, no dependencies beyond
 * libc), maintained since 2006, packaged in Debian (libqrencode4,
 * libqrencode-dev), and it only computes the module matrix: it pulls in
 * no image library.  We need nothing more, since the stylesheet draws
 * the matrix as SVG rectangles; there is no PNG to make, store or serve.
 */

#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "gkbm.h"

/*
 * Encodes text as a QR code: 8-bit (byte) mode, error correction level M
 * (15% of the code may be lost, enough for a phone camera off a screen
 * or paper), the smallest version that holds it.  On success sets
 * *modules to a malloc'd size x size array, row by row, 1 for a dark
 * module and 0 for a light one (no quiet zone: the renderer adds four
 * modules of margin), *size to the side (21 + 4 * (version - 1)), and
 * returns 0; the caller frees *modules with free().  Returns -1 (nothing
 * allocated, *modules NULL) for NULL or empty text, text too long for
 * any version, or a libqrencode failure.
 */
int
qr_encode(const char *text, unsigned char **modules, int *size)
{
	QRcode		*qr;
	unsigned char	*m;
	size_t		 i, n;

	*modules = NULL;
	*size = 0;
	if (text == NULL || *text == '\0')
		return -1;
	if ((qr = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M)) == NULL) {
		log_warn("%s: QRcode_encodeString8bit", __func__);
		return -1;
	}
	n = (size_t)qr->width * qr->width;
	m = xmalloc(n);
	for (i = 0; i < n; i++)
		m[i] = qr->data[i] & 1;
	*modules = m;
	*size = qr->width;
	QRcode_free(qr);
	return 0;
}
