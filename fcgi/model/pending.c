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
 * pending.c: a pending login, between the right password (h_login.c)
 * and the second factor (h_otp.c), named by the PENDING_COOKIE cookie of
 * which only the SHA-256 is stored
 */

#include "web.h"

/*
 * Starts a pending login for account id, whose failures count under the
 * key lm (in the caller's transaction), and sets its cookie.
 */
enum rc
pending_begin(struct req *r, long long id, const unsigned char *lm)
{
	char		 tok[TOKEN_LEN + 1];
	unsigned char	 h[MAC_LEN];

	token_new(tok);
	token_hash(tok, h);
	if (db_run(r, STMT_OTP_PENDING_SWEEP) == -1 ||
	    db_run(r, STMT_OTP_PENDING_INSERT, h, sizeof(h), id, lm,
	    (size_t)MAC_LEN) == -1)
		return RC_DB;
	auth_cookie(r, PENDING_COOKIE, tok, 0);
	return RC_OK;
}
