/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* audit.c: the audit trail (gkbm-web may only INSERT into it) */

#include "web.h"

/*
 * Records event on object with result and reason for the request's
 * account, role, unit, address and request id.  Never pass passwords,
 * codes, session ids or full ID or phone numbers.  Returns 0, or -1 when
 * the row could not be written: the caller must then fail the action.
 */
int
audit(struct req *r, const char *event, const char *object,
    const char *result, const char *reason)
{
	return db_run(r, STMT_AUDIT_INSERT, r->account_id,
	    r->role == ROLE_ANON ? "" : role_names[r->role], r->unit_id,
	    r->ip, r->id, event, object ? object : "", result ? result : "",
	    reason ? reason : "") == -1 ? -1 : 0;
}
