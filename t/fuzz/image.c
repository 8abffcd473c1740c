/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/fuzz/image.c: libFuzzer target of the image path (image.c, jpeg.c) */

/*
 * An input is an uploaded JPEG, taken the ways the handlers take one: as
 * a photo (h_upload.c: decoded with DCT scaling towards 413x626, cut and
 * scaled to the ID photo, re-encoded), and at full size (h_register.c's
 * ID card, h_upload.c's scans and the admission ticket's photo: stamped
 * with an ID number and re-encoded).  Whatever is re-encoded must decode
 * again to the same size.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "gkbm.h"

#define QUALITY_PHOTO	90
#define QUALITY_SCAN	85

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Re-encodes img; the result must be a JPEG that decodes again. */
static void
fuzz_encode(const struct image *img, int quality)
{
	struct image	 back;
	unsigned char	*out = NULL;
	size_t		 len = 0;

	if (image_encode(img, quality, &out, &len) == -1)
		abort();
	if (image_decode(out, len, len, &back) != NULL ||
	    back.w != img->w || back.h != img->h)
		abort();
	image_free(&back);
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct image	 img, ph;

	if (image_decode_fit(data, size, MAX_JPEG, IMAGE_PHOTO_W,
	    IMAGE_PHOTO_H, &img) != NULL)
		return 0;
	if (image_photo(&img, &ph) == NULL) {
		fuzz_encode(&ph, QUALITY_PHOTO);
		if (image_stamp(&ph, "41010219900307123X") == 0)
			fuzz_encode(&ph, QUALITY_PHOTO);
		image_free(&ph);
	}
	image_free(&img);
	/* At full size libjpeg may need more than its memory cap. */
	if (image_decode(data, size, MAX_JPEG, &img) != NULL)
		return 0;
	(void)image_stamp(&img, "410102199003071234");
	fuzz_encode(&img, QUALITY_SCAN);
	image_free(&img);
	return 0;
}
