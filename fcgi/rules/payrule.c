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
 * payrule.c: when a candidate may pay online (SPEC §3.6, seed 000 §5):
 * the application passed final review, the city pays online, the
 * level's fee is set, the city's payment window is open and the level's
 * wait (24 hours for levels 2-5, 48 for level 1: policy data,
 * pay_level.wait_hours) has passed since final approval.
 */

#include <stdio.h>

#include "payrule.h"

/* Each verdict: its code (for the page's XML) and its sentence. */
static const struct {
	const char	*code;
	const char	*text;
} gates[PG__MAX] = {
	[PG_OPEN] = { "open", "可以缴费。" },
	[PG_PAID] = { "paid", "已缴费。" },
	[PG_NOT_APPROVED] = { "not-approved",
	    "报名信息终审通过后才能缴费。" },
	[PG_OFFLINE] = { "offline",
	    "您所在地市未开通网上缴费，请按所在地市工考办的通知缴费。" },
	[PG_NO_FEE] = { "no-fee", "本年度报考等级的考核费用尚未公布，请稍后再来。" },
	[PG_WINDOW_UNSET] = { "window-unset",
	    "所在地市的缴费时间尚未公布，请留意通知。" },
	[PG_WINDOW_BEFORE] = { "window-before", "尚未到缴费时间。" },
	[PG_WINDOW_AFTER] = { "window-after", "缴费时间已结束。" },
	[PG_TOO_EARLY] = { "too-early", "二至五级终审通过24小时后、"
	    "一级终审通过48小时后才可以缴费。" },
};

/* The default wait in hours after final approval of a target level. */
int
payrule_wait_default(int level)
{
	return level == 1 ? PAYRULE_WAIT_L1 : PAYRULE_WAIT_OTHER;
}

/*
 * The verdict on f.  *opens (if not NULL) is set to the Unix second at
 * which the wait after approval ends (0 when not approved): payment is
 * open from that second on, exactly, not a second before.
 */
enum pay_gate
payrule_gate(const struct pay_facts *f, long long *opens)
{
	long long	 at = 0;

	if (f->approved && f->decided_at > 0)
		at = f->decided_at + (long long)f->wait_hours * 3600;
	if (opens != NULL)
		*opens = at;
	if (f->paid)
		return PG_PAID;
	if (!f->approved || f->decided_at <= 0)
		return PG_NOT_APPROVED;
	if (!f->online)
		return PG_OFFLINE;
	if (f->fee_fen <= 0)
		return PG_NO_FEE;
	switch (f->window) {
	case PW_UNSET:
		return PG_WINDOW_UNSET;
	case PW_BEFORE:
		return PG_WINDOW_BEFORE;
	case PW_AFTER:
		return PG_WINDOW_AFTER;
	case PW_OPEN:
		break;
	}
	return f->now < at ? PG_TOO_EARLY : PG_OPEN;
}

/* The verdict's code, e.g. "too-early". */
const char *
payrule_code(enum pay_gate g)
{
	return g < PG__MAX ? gates[g].code : "unknown";
}

/* The verdict's sentence in Chinese. */
const char *
payrule_text(enum pay_gate g)
{
	return g < PG__MAX ? gates[g].text : "暂不能缴费。";
}

/* Writes fen as yuan with two decimals ("320.00") into buf; returns buf. */
const char *
payrule_fen(long long fen, char *buf, unsigned long size)
{
	if (fen < 0)
		fen = 0;
	snprintf(buf, size, "%lld.%02lld", fen / 100, fen % 100);
	return buf;
}
