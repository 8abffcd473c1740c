/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_home.c: each role's home page */

#include <stdio.h>
#include <string.h>

#include <openssl/crypto.h>

#include "web.h"
#include "payorder.h"

/*
 * The candidate's one next step, from the registration window and his
 * application (SPEC.md §3): the application's state decides once it is
 * submitted; before that, a closed window stops everything, then the
 * form, the photo and the submission come in that order.
 */
static const char *
home_step(int open, const char *state, int filled, int photos)
{
	if (state != NULL && strcmp(state, "submitted") == 0)
		return "wait";
	if (state != NULL && strcmp(state, "returned") == 0)
		return open ? "fix" : "closed";
	if (state != NULL && strcmp(state, "rejected") == 0)
		return "rejected";
	if (state != NULL && strcmp(state, "approved") == 0)
		return "approved";
	if (state != NULL && strcmp(state, "cancelled") == 0)
		return "cancelled";
	if (!open)
		return "closed";
	if (state == NULL || !filled)
		return "fill";
	return photos > 0 ? "submit" : "upload";
}

/*
 * Appends <next step state> for the candidate: the registration
 * window's <window> is already in the page (open tells whether it is
 * open now); state is none when he has no application yet.  After
 * final approval, the payment and ticket windows follow.  Returns 0 or
 * -1 on a database failure.
 */
static int
home_next(struct req *r, int open)
{
	xmlNodePtr	 n;
	char		*state = NULL;
	long long	 filled = 0, photos = 0;
	int		 k;

	if (db_run(r, STMT_HOME_APP, r->account_id) == -1 ||
	    (k = db_row(r, STMT_HOME_APP, &state, &filled,
	    &photos)) == -1)
		return -1;
	if (k == 1)
		db_done(r, STMT_HOME_APP);
	else
		state = NULL;
	n = xml_el(r->root, "next", NULL);
	xml_attr(n, "step", home_step(open, state, (int)filled, (int)photos));
	xml_attr(n, "state", state != NULL ? state : "none");
	/* After final approval the next windows are payment and ticket. */
	if (state != NULL && strcmp(state, "approved") == 0 &&
	    (year_window(r, r->root, "payment", NULL) == -1 ||
	    year_window(r, r->root, "ticket", NULL) == -1))
		return -1;
	return 0;
}

/* GET /home */
enum rc
h_home(struct req *r)
{
	xmlNodePtr	 acc;
	char		*role, *name, *gender, *birth, *region, *created, *consent;
	char		*login, *uname, *ucode, *hash, plain[32], masked[40];
	unsigned char	*ie, *pe;
	size_t		 iel, pel;
	long long	 level;
	int		 n, open;

	/* Back to the form whose fields were kept (keep.c). */
	if (keep_pending(r)) {
		resp_redirect(r, r->role == ROLE_CANDIDATE ? "/apply" :
		    "/review/app");
		return RC_OK;
	}
	xml_page(r, PAGE_HOME);
	if (db_run(r, STMT_ACCOUNT_GET, r->account_id) == -1 ||
	    (n = db_row(r, STMT_ACCOUNT_GET, &role, &name,
	    &ie, &iel, &pe, &pel, &gender, &birth, &region, &level, &created,
	    &consent, &login, &uname, &ucode, &hash)) == -1)
		return RC_DB;
	db_done(r, STMT_ACCOUNT_GET);
	if (n == 0)
		return RC_NOTFOUND;
	acc = xml_el(r->root, "account", NULL);
	xml_attr(acc, "name", name);
	if (r->role == ROLE_CANDIDATE) {
		if (ie != NULL && pii_open(r->cfg, PII_IDNO, r->account_id,
		    ie, iel, plain, sizeof(plain)) == 0) {
			pii_mask_idno(plain, masked, sizeof(masked));
			xml_attr(acc, "idno", masked);
		}
		if (pe != NULL && pii_open(r->cfg, PII_PHONE, r->account_id,
		    pe, pel, plain, sizeof(plain)) == 0) {
			pii_mask_phone(plain, masked, sizeof(masked));
			xml_attr(acc, "phone", masked);
		}
		OPENSSL_cleanse(plain, sizeof(plain));
		xml_attr(acc, "gender", strcmp(gender, "M") == 0 ? "男" : "女");
		xml_attr(acc, "birth", birth);
		xml_attr(acc, "region", region);
		xml_attrf(acc, "level", "%lld", level);
		xml_attr(acc, "level-name", xml_level_name((int)level));
		xml_attr(acc, "registered", created);
		xml_attr(acc, "consent", consent);
	} else {
		xml_attr(acc, "login", login);
		xml_attr(acc, "unit", uname);
		xml_attr(acc, "unit-code", ucode);
		xml_attr(acc, "role-name", role_labels[r->role]);
	}
	if (year_window(r, r->root, "registration", &open) == -1)
		return RC_DB;
	if (r->role == ROLE_CANDIDATE && (home_next(r, open) == -1 ||
	    message_list(r) == -1 || payorder_status_xml(r) == -1))
		return RC_DB;
	/* Staff: how many wait in the unit's review queues (queue.c). */
	if (r->role != ROLE_CANDIDATE && queue_counts(r) == -1)
		return RC_DB;
	return RC_OK;
}
