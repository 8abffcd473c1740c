/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* upload.h: what h_upload.c and h_mobile.c share (kinds, the application) */

#ifndef UPLOAD_H
#define UPLOAD_H

#include "app.h"

/* What a kind of upload is and who may give it. */
#define K_IMAGE		0x01	/* a JPEG, decoded and re-encoded */
#define K_DOC		0x02	/* a doc/docx, checked, stored as is */
#define K_ONE		0x04	/* one per application: replaces the last */
#define K_PHOTO		0x08	/* scaled to 413x626 */
#define K_LEVEL1	0x10	/* level-1 applications only */
#define K_STAFF		0x20	/* uploaded by a reviewer only (R21) */
#define K_MOBILE	0x40	/* may come from the phone (/m) */

struct kind {
	const char	*name;		/* materials.kind */
	const char	*label;		/* as the page names it */
	unsigned int	 flags;
};

/*
 * The phone link an upload comes through (h_mobile.c): the statements
 * reach the application only through these hashes.
 */
struct via {
	const unsigned char *hash;	/* SHA-256 of the link's token */
	const unsigned char *claim;	/* SHA-256 of the phone's claim cookie */
	const char	*id;		/* first 8 bytes of hash, hex: audit */
};

/* h_upload.c */
extern const char *const upload_msg_state;
const struct kind *upload_kind_find(const char *);
void		 upload_kinds_xml(xmlNodePtr, unsigned int, int);
int		 upload_form_files(struct req *, int *);
enum rc		 upload_take(struct req *, const struct app *, long long,
		    long long, const struct via *, const char *, const char *,
		    const struct kind **);

#endif /* UPLOAD_H */
