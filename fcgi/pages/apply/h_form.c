/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_form.c: 打印报名表, the candidate's own registration form as PDF */

#include "web.h"

/* GET /apply/form.pdf */
enum rc
h_apply_form(struct req *r)
{
	return appprint_mine(r);
}
