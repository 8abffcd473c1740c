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
 * defer.h: 容缺后补 (003 §二(四), 002 §1.1.4), the city's comments and the
 * province's marks (002 §1.1.6), 已承接 (county_takeover): what the review
 * pages and the next issues (tickets) share.
 */

#ifndef DEFER_H
#define DEFER_H

#include "app.h"
#include "review.h"

#define NOTE_MAX	500	/* characters of a note (review_notes.text) */
#define AUDIT_MAX	190	/* characters of audit.reason (200) we use */

/* app.c */
int		 app_ticket_eligible(const char *, long long);

/* defer.c */
const char	*defer_clip(struct req *, const char *, size_t);
const char	*defer_state_label(long long);
int		 defer_supplied(struct req *, const struct app *, long long,
		    const char *);
const char	*defer_act(struct req *, long long, enum defer_act,
		    const char *, enum rc *);
int		 defer_list_xml(struct req *, xmlNodePtr);
int		 defer_status_xml(struct req *, xmlNodePtr, xmlNodePtr *, int *);
int		 defer_app_xml(struct req *, xmlNodePtr, long long);

/* notes.c */
const char	*notes_add(struct req *, long long, const char *,
		    const char *, enum rc *);
int		 notes_xml(struct req *, xmlNodePtr, const char *);
int		 notes_app_xml(struct req *, xmlNodePtr, long long);
int		 notes_writable(struct req *, long long, const char **);

/* takeover.c */
int		 takeover_xml(struct req *, xmlNodePtr, const char *);
const char	*takeover_set(struct req *, const char *, const char **,
		    size_t);

#endif /* DEFER_H */
