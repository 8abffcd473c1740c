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
 * material.h: an application's photos and materials as every page that
 * stores them shares them (the candidate's upload and stamp, the phone
 * link, the staff of the chain uploading on the candidate's behalf).
 */

#ifndef MATERIAL_H
#define MATERIAL_H

#include "app.h"

/* What a kind of upload is and who may give it. */
#define K_IMAGE		0x01	/* a JPEG, decoded and re-encoded */
#define K_DOC		0x02	/* a doc/docx, checked, stored as is */
#define K_ONE		0x04	/* one per application: replaces the last */
#define K_PHOTO		0x08	/* scaled to 413x626 */
#define K_LEVEL1	0x10	/* level-1 applications only */
#define K_STAFF		0x20	/* uploaded by a reviewer only (R21) */
#define K_MOBILE	0x40	/* may come from the phone (/m) */

#define QUALITY_PHOTO	90	/* JPEG quality of re-encoded photos */

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

/*
 * Who stores into which application, and through what: the candidate
 * (via and unit 0), the phone link (via), or staff of the application's
 * chain (unit: the account's unit, checked by the lock statement).
 */
struct gate {
	long long	 app;		/* the application (not with via) */
	long long	 by;		/* the uploader's account */
	const struct via *via;		/* the phone link, or NULL */
	long long	 unit;		/* staff: the account's unit */
};

/* A validated upload ready to be stored. */
struct upload {
	const struct kind *kind;
	const unsigned char *data;	/* the bytes to store */
	size_t		 len;
	unsigned char	*heap;		/* data when malloc'd (re-encoded) */
	const char	*mime;
	const char	*title;		/* shown name, no path */
};

/* What an application's materials hold, counted by material_list_xml. */
struct material_count {
	int		 photo;		/* a photo (0 or 1) */
	int		 idcard;	/* an ID-card photo (0 or 1) */
	int		 r19;		/* 现岗位工种证明材料 */
	int		 exc;		/* 破格晋升证明材料 */
};

/* material.c */
extern const char *const material_msg_state;
extern const char *const material_msg_disk;
const struct kind *material_kind_find(const char *);
const struct kind *material_kind_at(size_t);
void		 material_kinds_xml(xmlNodePtr, unsigned int, int);
void		 material_staff_kinds_xml(xmlNodePtr, int, int);
void		 material_supply_kinds_xml(xmlNodePtr, int);
int		 material_check(struct req *, const struct kind *,
		    const struct field *, const char *, struct upload *);
enum rc		 material_store(struct req *, const struct gate *,
		    const struct upload *, long long *);
void		 material_drop(struct req *, const char *);
enum rc		 material_stamp(struct req *, const struct gate *,
		    const char *, const char **);
int		 material_supplying(const struct app *, const struct kind *);
int		 material_kind_allowed(struct req *, const struct kind *,
		    const struct app *, int);
int		 material_form_files(struct req *, int *);
int		 material_list_xml(struct req *, xmlNodePtr, long long,
		    struct material_count *);

#endif /* MATERIAL_H */
