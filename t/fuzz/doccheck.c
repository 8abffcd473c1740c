/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/fuzz/doccheck.c: libFuzzer target of the document check (doccheck.c) */

/*
 * An input is an uploaded file, checked as h_upload.c checks a level-1
 * document, under the 10 MB limit of the upload kinds.  A file accepted
 * must have been given its media type, one refused a message.
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "gkbm.h"

#define MAX_DOC		(10 * 1024 * 1024)

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*msg, *mime;

	msg = doc_check(data, size, MAX_DOC, &mime);
	if ((msg == NULL) == (mime == NULL))
		abort();	/* neither or both: the contract is broken */
	return 0;
}
