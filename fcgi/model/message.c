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
 * message.c: 站内消息, what the candidate is told on the home page when
 * the application is returned, rejected, sent back for re-application,
 * approved or cancelled (written by decide.c with the SMS), and when an
 * office answers a 复核 (message_send, result.c); read or
 * unread, marked read by POST /messages/read (h_message.c).
 */

#include "web.h"

#define MAX_MESSAGES	20	/* the newest shown on the home page */

/*
 * Appends <messages unread="N"> with the candidate's newest messages,
 * <message id kind at [read]>text</message>, newest first.  Returns 0 or
 * -1 (DB).
 */
int
message_list(struct req *r)
{
	xmlNodePtr	 list, m;
	char		*kind, *text, *at;
	long long	 id, read;
	int		 n, unread = 0;

	if (db_run(r, STMT_MSG_LIST, r->account_id,
	    (long long)MAX_MESSAGES) == -1)
		return -1;
	list = xml_el(r->root, "messages", NULL);
	while ((n = db_row(r, STMT_MSG_LIST, &id, &kind, &text, &at,
	    &read)) == 1) {
		m = xml_el(list, "message", text);
		xml_attrf(m, "id", "%lld", id);
		xml_attr(m, "kind", kind);
		xml_attr(m, "at", at);
		if (read)
			xml_attr(m, "read", "1");
		else
			unread++;
	}
	xml_attrf(list, "unread", "%d", unread);
	return n == -1 ? -1 : 0;
}

/*
 * Sends the candidate of account acct a message of kind about
 * application app (复核 answers: result.c).  Returns 0 or -1 (DB).
 */
int
message_send(struct req *r, long long acct, long long app, const char *kind,
    const char *text)
{
	return db_run(r, STMT_MSG_SEND, acct, app, kind, text) == -1 ? -1 : 0;
}

/*
 * Marks the candidate's message id read (0: every one).  Another
 * account's id changes nothing.  Returns the rows marked, or -1 (DB).
 */
int
message_read(struct req *r, long long id)
{
	return db_run(r, STMT_MSG_READ, r->account_id, id, id);
}
