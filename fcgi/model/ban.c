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
 * ban.c: 填报虚假信息 (003 §四(四)): an ID number whose application an
 * office found false may not register in the two years after (bans,
 * written by decide.c, lifted by gkbm-admin ban-lift).
 */

#include "web.h"

/*
 * Whether the ID number whose lookup value is mac may not register this
 * year; if so *msg says why, until when and whom to contact (the office
 * that found it).  Registration asks only once the SMS code is verified,
 * as for "already registered" (SECURITY.md: no enumeration).  Returns 1
 * (banned), 0, -1 (DB).
 */
int
ban_find(struct req *r, const unsigned char *mac, const char **msg)
{
	char		*unit, *phone;
	long long	 from, to;
	int		 n;

	if (db_run(r, STMT_BAN_FIND, mac, (size_t)MAC_LEN,
	    (long long)r->year) == -1 || (n = db_row(r, STMT_BAN_FIND, &from,
	    &to, &unit, &phone)) == -1)
		return -1;
	if (n == 0)
		return 0;
	db_done(r, STMT_BAN_FIND);
	*msg = pool_printf(r->pool, "该身份证号的报名信息经审核认定填报虚假信息，"
	    "%lld年至%lld年不得报名。如有疑问，请联系%s%s%s%s。", from, to,
	    *unit != '\0' ? unit : "报名所在地工考办",
	    *phone != '\0' ? "（电话：" : "", phone, *phone != '\0' ? "）" : "");
	return 1;
}
