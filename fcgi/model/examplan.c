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
 * examplan.c: changes of an exam plan (考点, 考场, 场次) of a year and
 * exam region, the same for the pages and gkbm-admin.  Each returns
 * NULL, field_dbfail (the database failed), or the refusal in Chinese,
 * and changes nothing when it refuses.  A seat once given fixes its
 * ticket number, so the codes of a site, room or session with seats
 * stay, a room keeps at least its highest seat given, and none of them
 * is deleted.
 */

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "web.h"
#include "exam.h"

#define SITS_MAX	40		/* who sits one session */

static int
exam_digits(const char *s, size_t n)
{
	return s != NULL && strlen(s) == n && strspn(s, "0123456789") == n &&
	    strspn(s, "0") != n;
}

/* Text of 1..max characters without control characters. */
static int
exam_text(const char *s, long max)
{
	long	 n = 0;

	for (; *s != '\0'; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	}
	return n >= 1 && n <= max;
}

/* Runs a statement locking one object: 1 found, 0 not, -1. */
static int
exam_used(struct req *r, enum stmt st, long long id, long long year,
    const char *region, char **code, long long *n, long long *high)
{
	int	 k;

	if ((k = db_run(r, st, id, year, region)) <= 0)
		return k;
	k = high != NULL ? db_row(r, st, code, n, high) :
	    db_row(r, st, code, n);
	if (k != 1)
		return -1;
	db_done(r, st);
	return 1;
}

/* Ends a change: commit, or roll back and pass the refusal on. */
static const char *
exam_end(struct req *r, const char *msg)
{
	if (msg == NULL && db_commit(r) == 0)
		return NULL;
	db_rollback(r);
	return msg != NULL ? msg : field_dbfail;
}

static const char *
exam_site_check(const char *code, const char *name, const char *addr)
{
	if (!exam_digits(code, 2))
		return "考点代码应为两位数字（01～99）。";
	if (!exam_text(name, 100))
		return "考点名称应为1至100个字。";
	if (!exam_text(addr, 200))
		return "考点地址应为1至200个字。";
	return NULL;
}

/*
 * Adds (id 0) or changes the site id of year and region: its two-digit
 * code, name and address.
 */
const char *
exam_site_put(struct req *r, long long year, const char *region,
    long long id, const char *code, const char *name, const char *addr)
{
	const char	*msg;
	char		*old;
	long long	 n;
	int		 k;

	if ((msg = exam_site_check(code, name, addr)) != NULL)
		return msg;
	if (db_begin(r) == -1)
		return field_dbfail;
	if (id == 0)
		k = db_run(r, STMT_EXAM_SITE_ADD, year, region, code, name,
		    addr, r->account_id);
	else if ((k = exam_used(r, STMT_EXAM_SITE_USED, id, year, region,
	    &old, &n, NULL)) == 0)
		return exam_end(r, "该考点不存在或不属于本考区。");
	else if (k == 1 && n > 0 && strcmp(old, code) != 0)
		return exam_end(r, "该考点已编排考生，考点代码不能更改（准考证号含考点代码）。");
	else if (k == 1)
		k = db_run(r, STMT_EXAM_SITE_SET, code, name, addr,
		    r->account_id, id, year, region);
	if (k == -1 && db_dup(r))
		return exam_end(r, "考点代码已被本考区的另一考点使用。");
	return exam_end(r, k == -1 ? field_dbfail : NULL);
}

/*
 * Deletes the plan's row id (what: 考点 or 场次) with what hangs on it
 * (children: its rooms, who sits it), unless seats were given in it:
 * used reads its code and seats, rows locked.
 */
static const char *
exam_delete(struct req *r, enum stmt used, enum stmt children,
    enum stmt del, const char *what, long long year, const char *region,
    long long id)
{
	char		*code;
	long long	 n;
	int		 k;

	if (db_begin(r) == -1)
		return field_dbfail;
	if ((k = exam_used(r, used, id, year, region, &code, &n, NULL)) == 0)
		return exam_end(r, pool_printf(r->pool,
		    "该%s不存在或不属于本考区。", what));
	if (k == 1 && n > 0)
		return exam_end(r, pool_printf(r->pool,
		    "%s%s已编排考生%lld人，不能删除。", what, code, n));
	if (k == -1 || db_run(r, children, id) == -1 || db_run(r, del, id) == -1)
		return exam_end(r, field_dbfail);
	return exam_end(r, NULL);
}

/* Deletes the site id and its rooms, unless it has seats. */
const char *
exam_site_delete(struct req *r, long long year, const char *region,
    long long id)
{
	return exam_delete(r, STMT_EXAM_SITE_USED, STMT_EXAM_SITE_ROOMS_DEL,
	    STMT_EXAM_SITE_DEL, "考点", year, region, id);
}

static const char *
exam_room_check(const char *code, const char *name, int cap)
{
	if (!exam_digits(code, 3))
		return "考场代码应为三位数字（001～999）。";
	if (!exam_text(name, 50))
		return "考场名称应为1至50个字。";
	if (cap < 1 || cap > SEAT_MAX)
		return "考场座位数应为1至99。";
	return NULL;
}

/* Changes the room id (locked, checked against its seats). */
static const char *
exam_room_set(struct req *r, long long year, const char *region,
    long long id, const char *code, const char *name, int cap)
{
	char		*old, buf[160];
	long long	 n, high;
	int		 k;

	if ((k = exam_used(r, STMT_EXAM_ROOM_USED, id, year, region, &old, &n,
	    &high)) == 0)
		return "该考场不存在或不属于本考区。";
	if (k == -1)
		return field_dbfail;
	if (n > 0 && strcmp(old, code) != 0)
		return "该考场已编排考生，考场代码不能更改（准考证号含考场代码）。";
	if (cap < high) {
		snprintf(buf, sizeof(buf), "该考场已编排到%lld号座位，座位数不能少于%lld。",
		    high, high);
		return pool_strdup(r->pool, buf);
	}
	if (db_run(r, STMT_EXAM_ROOM_SET, code, name, (long long)cap,
	    r->account_id, id, year, region) == -1)
		return db_dup(r) ? "考场代码已被该考点的另一考场使用。" :
		    field_dbfail;
	return NULL;
}

/*
 * Adds a room to the site site_id (id 0), or changes the room id: its
 * three-digit code, name and seats (1-99).
 */
const char *
exam_room_put(struct req *r, long long year, const char *region,
    long long id, long long site_id, const char *code, const char *name,
    int cap)
{
	const char	*msg;
	int		 k;

	if ((msg = exam_room_check(code, name, cap)) != NULL)
		return msg;
	if (db_begin(r) == -1)
		return field_dbfail;
	if (id != 0)
		return exam_end(r, exam_room_set(r, year, region, id, code,
		    name, cap));
	k = db_run(r, STMT_EXAM_ROOM_ADD, code, name, (long long)cap,
	    r->account_id, site_id, year, region);
	if (k == 0)
		return exam_end(r, "该考点不存在或不属于本考区。");
	if (k == -1 && db_dup(r))
		return exam_end(r, "考场代码已被该考点的另一考场使用。");
	return exam_end(r, k == -1 ? field_dbfail : NULL);
}

/* Deletes the room id unless it has seats. */
const char *
exam_room_delete(struct req *r, long long year, const char *region,
    long long id)
{
	char		*code, buf[160];
	long long	 n, high;
	int		 k;

	if (db_begin(r) == -1)
		return field_dbfail;
	if ((k = exam_used(r, STMT_EXAM_ROOM_USED, id, year, region, &code,
	    &n, &high)) == 0)
		return exam_end(r, "该考场不存在或不属于本考区。");
	if (k == 1 && n > 0) {
		snprintf(buf, sizeof(buf), "考场%s已编排考生%lld人，不能删除。",
		    code, n);
		return exam_end(r, pool_strdup(r->pool, buf));
	}
	if (k == -1 || db_run(r, STMT_EXAM_ROOM_DEL, id) == -1)
		return exam_end(r, field_dbfail);
	return exam_end(r, NULL);
}

/* "YYYY-MM-DD HH:MM" into out as a DATETIME; NULL or a message. */
static const char *
exam_when(const char *s, char out[32], const char *what)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	if (s == NULL || valid_datetime(s, &tm) != NULL ||
	    strftime(out, 32, "%Y-%m-%d %H:%M:00", &tm) == 0)
		return what;
	return NULL;
}

/* One who-sits item: "LEVEL" or "LEVEL:WORKTYPE". */
struct exam_sitem {
	long long	 level;
	char		 wt[9];
};

/* Parses who sits ("5 4:W001 3", commas or 、 between). */
static const char *
exam_sits_parse(struct req *r, const char *s, struct exam_sitem *it,
    size_t *n)
{
	const char	*p = s, *e;
	char		*name, *status, buf[200];
	size_t		 len, i;
	int		 k;

	for (*n = 0;; p = e) {
		while (*p == ' ' || *p == ',' || *p == '\n' || *p == '\r' ||
		    *p == '\t' || strncmp(p, "、", 3) == 0 ||
		    strncmp(p, "，", 3) == 0)
			p += (unsigned char)*p < 0x80 ? 1 : 3;
		if (*p == '\0')
			break;
		for (e = p; *e != '\0' && *e != ' ' && *e != ',' &&
		    *e != '\n' && *e != '\r' && *e != '\t' &&
		    strncmp(e, "、", 3) != 0 && strncmp(e, "，", 3) != 0; e++)
			;
		len = (size_t)(e - p);
		if (*n == SITS_MAX)
			return "一个场次最多安排40项等级、工种。";
		if (len < 1 || p[0] < '1' || p[0] > '5' ||
		    (len > 1 && (p[1] != ':' || len < 3 || len > 10))) {
			snprintf(buf, sizeof(buf), "“%.*s”不是“等级”或“等级:工种代码”"
			    "（如 4 或 4:W001），等级为1至5。", (int)(len > 40 ? 40 : len), p);
			return pool_strdup(r->pool, buf);
		}
		it[*n].level = p[0] - '0';
		snprintf(it[*n].wt, sizeof(it[*n].wt), "%.*s",
		    len > 2 ? (int)len - 2 : 0, p + 2);
		for (i = 0; i < *n; i++)
			if (it[i].level == it[*n].level &&
			    strcmp(it[i].wt, it[*n].wt) == 0)
				return "同一等级、工种在本场次中填了两次。";
		if (*it[*n].wt != '\0') {
			if ((k = db_run(r, STMT_WT_GET, it[*n].wt)) == -1)
				return field_dbfail;
			if (k == 0 || db_row(r, STMT_WT_GET, &name, &status) != 1) {
				snprintf(buf, sizeof(buf), "工种代码%s不存在。", it[*n].wt);
				return pool_strdup(r->pool, buf);
			}
			db_done(r, STMT_WT_GET);
		}
		(*n)++;
	}
	return *n == 0 ? "请填写本场次考试的等级、工种，如 5 4:W001。" : NULL;
}

/* Stores who sits session id (none in another session of the region). */
static const char *
exam_sits_store(struct req *r, long long year, const char *region,
    long long id, const struct exam_sitem *it, size_t n)
{
	char	*code, buf[200];
	size_t	 i;
	int	 k;

	if (db_run(r, STMT_EXAM_SITS_DEL, id) == -1)
		return field_dbfail;
	for (i = 0; i < n; i++) {
		if ((k = db_run(r, STMT_EXAM_SIT_TAKEN, year, region, id,
		    it[i].level, it[i].wt)) == -1)
			return field_dbfail;
		if (k > 0 && db_row(r, STMT_EXAM_SIT_TAKEN, &code) == 1) {
			db_done(r, STMT_EXAM_SIT_TAKEN);
			snprintf(buf, sizeof(buf), "%s%s%s已安排在场次%s，"
			    "一个等级、工种只能在一个场次考试。",
			    xml_level_name((int)it[i].level),
			    *it[i].wt ? " " : "（其余工种）",
			    it[i].wt, code);
			return pool_strdup(r->pool, buf);
		}
		if (db_run(r, STMT_EXAM_SIT_ADD, id, it[i].level,
		    it[i].wt) == -1)
			return field_dbfail;
	}
	return NULL;
}

/* Changes session id (locked; its code stays once it has seats). */
static const char *
exam_session_set(struct req *r, long long year, const char *region,
    long long id, const char *code, const char *st, const char *en)
{
	char		*old;
	long long	 n;
	int		 k;

	if ((k = exam_used(r, STMT_EXAM_SESSION_USED, id, year, region, &old,
	    &n, NULL)) == 0)
		return "该场次不存在或不属于本考区。";
	if (k == -1)
		return field_dbfail;
	if (n > 0 && strcmp(old, code) != 0)
		return "该场次已编排考生，场次代码不能更改（准考证号含场次代码）。";
	if (db_run(r, STMT_EXAM_SESSION_SET, code, st, en, r->account_id,
	    id, year, region) == -1)
		return db_dup(r) ? "场次代码已被本考区的另一场次使用。" :
		    field_dbfail;
	return NULL;
}

/*
 * Adds (id 0) or changes the session id: its one-digit code, its start
 * and end ("YYYY-MM-DD HH:MM") and who sits it (exam_sits_parse).
 */
const char *
exam_session_put(struct req *r, long long year, const char *region,
    long long id, const char *code, const char *starts, const char *ends,
    const char *sits)
{
	struct exam_sitem	 it[SITS_MAX];
	const char		*msg;
	char			 st[32], en[32];
	size_t			 n;

	if (strlen(code) != 1 || *code < '1' || *code > '9')
		return "场次代码应为一位数字（1～9）。";
	if ((msg = exam_when(starts, st, "开始时间应为“年-月-日 时:分”，如 2026-12-20 09:00。")) ||
	    (msg = exam_when(ends, en, "结束时间应为“年-月-日 时:分”，如 2026-12-20 11:00。")))
		return msg;
	if (strcmp(st, en) >= 0)
		return "结束时间应晚于开始时间。";
	if (strncmp(st, "2", 1) != 0 || atoi(st) < year || atoi(st) > year + 1)
		return "考试时间应在本年度（或下一年）内。";
	if ((msg = exam_sits_parse(r, sits, it, &n)) != NULL)
		return msg;
	if (db_begin(r) == -1)
		return field_dbfail;
	if (id == 0) {
		if (db_run(r, STMT_EXAM_SESSION_ADD, year, region, code, st,
		    en, r->account_id) == -1)
			return exam_end(r, db_dup(r) ?
			    "场次代码已被本考区的另一场次使用。" : field_dbfail);
		id = db_insert_id(r, STMT_EXAM_SESSION_ADD);
	} else if ((msg = exam_session_set(r, year, region, id, code, st,
	    en)) != NULL)
		return exam_end(r, msg);
	return exam_end(r, exam_sits_store(r, year, region, id, it, n));
}

/* Deletes session id (and who sits it) unless it has seats. */
const char *
exam_session_delete(struct req *r, long long year, const char *region,
    long long id)
{
	return exam_delete(r, STMT_EXAM_SESSION_USED, STMT_EXAM_SITS_DEL,
	    STMT_EXAM_SESSION_DEL, "场次", year, region, id);
}
