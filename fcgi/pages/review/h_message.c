/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_message.c: POST /messages/read, a 站内消息 (or all) marked read */

#include <string.h>

#include "web.h"

enum { MF_ID };

/* The fields of POST /messages/read: id, or none for every message. */
const struct fielddef h_message_read_fields[] = {
	[MF_ID] = { "id", FT_UINT, 0, 1, 4294967295LL, NULL,
	    "请从站内消息中选择要标为已读的消息。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* POST /messages/read: marks it read and goes back to the messages. */
enum rc
h_message_read(struct req *r)
{
	if (r->fields_bad) {
		r->message = r->fv[MF_ID].err;
		return RC_BADREQ;
	}
	if (message_read(r, *r->fv[MF_ID].s != '\0' ? r->fv[MF_ID].n : 0) ==
	    -1)
		return RC_DB;
	resp_redirect(r, "/home?m=read#messages");
	return RC_OK;
}
