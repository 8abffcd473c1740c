/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* apply.h: the form's page (apply_page.c), for GET and POST /apply */

#ifndef APPLY_H
#define APPLY_H

#include "appform.h"
#include "material.h"

/* apply_page.c */
int		 apply_page_start(struct req *, const struct acct *,
		    const struct app *, int *);
enum rc		 apply_page_finish(struct req *, const struct acct *,
		    const struct app *, struct vals *, const char *,
		    struct material_count *);

#endif /* APPLY_H */
