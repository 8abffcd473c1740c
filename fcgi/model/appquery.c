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
 * appquery.c: the application filters that 报名信息查询 (/admin/query),
 * its export and the rosters share: year, state, level, route (申报方式),
 * work type, unit, region, submitted between two dates, paid, 容缺后补,
 * and the name or the ID number by exact match (its lookup value, never
 * the number itself).  They are declared fields (AQ_FIELDS, checked by
 * the pipeline before the handler), read into struct aquery, and bound
 * to the statements built on db.c's AQ_FROM_WHERE, whose first condition
 * is the account's subtree (SCOPE): no filter value can reach outside
 * it, and a unit or region code from outside is refused with the same
 * message as one that does not exist.
 *
 * 缴费 (paid): the payment tables come with issue 9.  Until applications
 * carry a paid state the filter is declared (the form and the contract
 * are stable) and refused with a message saying so; aq_check_paid is
 * the one place to change, with AQ_FROM_WHERE's condition.
 */

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "web.h"
#include "appquery.h"

#define AQ_COUNT_BIG	1000	/* counts at least this big are kept */
#define AQ_COUNT_TTL	10	/* seconds */
#define AQ_COUNT_SLOTS	16	/* kept counts per worker */

const char *const aq_states[] = { "draft", "submitted", "returned",
    "rejected", "approved", "cancelled", NULL };
/* As aq_states; the words of the review pages (reviewapp.xsl). */
const char *const aq_state_names[] = { "未提交", "审核中", "已退回本人",
    "审核不通过", "终审通过", "已取消", NULL };
const char *const aq_routes[] = { "years", "certificate", NULL };
const char *const aq_route_names[] = { "按工作年限", "按岗位等级证书",
    NULL };
/* paid and deferred: yes 1, no 0 (the index is the value's meaning). */
const char *const aq_yesno[] = { "no", "yes", NULL };

const struct fielddef appquery_fields[] = {
	AQ_FIELDS,
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* A work type: its code must exist. */
const char *
aq_check_wt(struct req *r, const struct fielddef *f, struct fval *v)
{
	char	*name, *status;
	int	 n;

	if (db_run(r, STMT_WT_GET, v->s) == -1 ||
	    (n = db_row(r, STMT_WT_GET, &name, &status)) == -1)
		return field_dbfail;
	db_done(r, STMT_WT_GET);
	return n == 1 ? NULL : f->bad;
}

/* A unit by its code, in the account's subtree; its id into v->n. */
const char *
aq_check_unit(struct req *r, const struct fielddef *f, struct fval *v)
{
	int	 n;

	if (db_run(r, STMT_AQ_UNIT, r->unit_id, v->s) == -1 ||
	    (n = db_row(r, STMT_AQ_UNIT, &v->n)) == -1)
		return field_dbfail;
	db_done(r, STMT_AQ_UNIT);
	return n == 1 ? NULL : f->bad;
}

/* A region holding some unit of the account's subtree. */
const char *
aq_check_region(struct req *r, const struct fielddef *f, struct fval *v)
{
	long long	 n = 0;

	if (strspn(v->s, "0123456789") != 6)
		return f->bad;
	if (db_run(r, STMT_AQ_REGION, r->unit_id, v->s) == -1 ||
	    db_row(r, STMT_AQ_REGION, &n) == -1)
		return field_dbfail;
	db_done(r, STMT_AQ_REGION);
	return n > 0 ? NULL : f->bad;
}

/* The paid filter waits for the payment state (see the top). */
const char *
aq_check_paid(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	(void)f;
	(void)v;
	return "查询条件不正确：网上缴费尚未开通，暂不能按缴费状态查询。";
}

/* True if s is meant as an ID number (a name has no digit). */
static int
aq_is_idno(const char *s)
{
	return strpbrk(s, "0123456789") != NULL;
}

/* A name (as registered) or a whole ID number. */
const char *
aq_check_who(struct req *r, const struct fielddef *f, struct fval *v)
{
	struct idno	 id;

	(void)r;
	if (aq_is_idno(v->s))
		return idno_parse(v->s, &id) == IDNO_OK ? NULL :
		    "查询条件不正确：身份证号不正确，请输入完整的18位身份证号。";
	return valid_name(v->s) == NULL ? NULL : f->bad;
}

/* The name or the ID number's lookup value of the who field. */
static void
aq_who(struct req *r, const char *who, struct aquery *q)
{
	char	 up[24];
	size_t	 i;

	q->name = "";
	if (!aq_is_idno(who)) {
		q->name = who;
		return;
	}
	for (i = 0; who[i] != '\0' && i + 1 < sizeof(up); i++)
		up[i] = (char)toupper((unsigned char)who[i]);
	up[i] = '\0';
	pii_mac(r->cfg, "idno", up, q->mac);
	q->byid = 1;
	OPENSSL_cleanse(up, sizeof(up));
}

/*
 * Reads the checked filters of r->fv (AQ_FIELDS first in the route's
 * fields) into q, for the account's unit.  Returns NULL, or the message
 * of a wrong combination (the dates the wrong way round).  Call it only
 * when no field is wrong (r->fields_bad clear).
 */
const char *
aq_read(struct req *r, struct aquery *q)
{
	const struct fval	*v = r->fv;

	memset(q, 0, sizeof(*q));
	q->me = r->unit_id;
	q->year = *v[AQ_YEAR].s != '\0' ? v[AQ_YEAR].n : r->year;
	q->state = *v[AQ_STATE].s != '\0' ? aq_states[v[AQ_STATE].n] : "";
	q->level = *v[AQ_LEVEL].s != '\0' ? v[AQ_LEVEL].n : 0;
	q->route = *v[AQ_ROUTE].s != '\0' ? aq_routes[v[AQ_ROUTE].n] : "";
	q->wt = v[AQ_WT].s;
	q->unit = *v[AQ_UNIT].s != '\0' ? v[AQ_UNIT].n : 0;
	q->region = v[AQ_REGION].s;
	q->from = v[AQ_FROM].s;
	q->to = v[AQ_TO].s;
	q->defer = *v[AQ_DEFER].s != '\0' ? v[AQ_DEFER].n : -1;
	q->page = *v[AQ_PAGE].s != '\0' ? v[AQ_PAGE].n : 1;
	aq_who(r, v[AQ_WHO].s, q);
	if (*q->from != '\0' && *q->to != '\0' && strcmp(q->from, q->to) > 0)
		return "查询条件不正确：提交日期（起）不能晚于提交日期（止）。";
	return NULL;
}

/*
 * Puts the filters into the page's form (xml_form first) with each
 * wrong one's message, the page number aside.
 */
void
aq_echo(struct req *r)
{
	field_put(r, r->route->fields, r->fv, AQ_PAGE);
}

/*
 * Runs statement s (params: the filters) for q.  Returns 0, or -1 on
 * a database failure; the rows are read with db_row().
 */
int
aq_run(struct req *r, enum stmt s, const struct aquery *q)
{
	return db_run(r, s, q->me, q->year, q->state, q->state, q->level,
	    q->level, q->route, q->route, q->wt, q->wt, q->unit, q->unit,
	    q->region, q->region, q->from, q->from, q->to, q->to, q->defer,
	    q->defer, q->name, q->name, q->byid, q->mac, (size_t)MAC_LEN);
}

/* As aq_run(), for a statement that ends with LIMIT ? OFFSET ?. */
int
aq_run_page(struct req *r, enum stmt s, const struct aquery *q,
    long long limit, long long offset)
{
	return db_run(r, s, q->me, q->year, q->state, q->state, q->level,
	    q->level, q->route, q->route, q->wt, q->wt, q->unit, q->unit,
	    q->region, q->region, q->from, q->from, q->to, q->to, q->defer,
	    q->defer, q->name, q->name, q->byid, q->mac, (size_t)MAC_LEN,
	    limit, offset);
}

/* The kept counts (aq_count). */
static struct {
	char		 key[320];
	long long	 n;
	time_t		 at;
}		 aq_kept[AQ_COUNT_SLOTS];
static size_t	 aq_kept_next;

/* The key of q's count: the account's unit and every filter. */
static void
aq_count_key(const struct aquery *q, char *key, size_t sz)
{
	char	 mac[2 * MAC_LEN + 1];
	size_t	 i;

	for (i = 0; i < MAC_LEN; i++)
		snprintf(mac + 2 * i, 3, "%02x", q->mac[i]);
	snprintf(key, sz, "%lld|%lld|%s|%lld|%s|%s|%lld|%s|%s|%s|%lld|%s|%s",
	    q->me, q->year, q->state, q->level, q->route, q->wt, q->unit,
	    q->region, q->from, q->to, q->defer, q->name,
	    q->byid ? mac : "");
}

/*
 * The number of applications q finds into *n.  Counting reads every
 * row found (a province's year is 300,000), and paging through a list
 * counts again on each page: a count of at least AQ_COUNT_BIG is kept
 * by the worker for AQ_COUNT_TTL seconds ("共 N 人" may lag by seconds;
 * the rows are always read fresh).  Returns 0 or -1.
 */
int
aq_count(struct req *r, const struct aquery *q, long long *n)
{
	char	 key[320];
	time_t	 now = time(NULL);
	size_t	 i;

	aq_count_key(q, key, sizeof(key));
	for (i = 0; i < AQ_COUNT_SLOTS; i++)
		if (strcmp(aq_kept[i].key, key) == 0 &&
		    now - aq_kept[i].at < AQ_COUNT_TTL) {
			*n = aq_kept[i].n;
			return 0;
		}
	*n = 0;
	if (aq_run(r, STMT_AQ_COUNT, q) == -1 ||
	    db_row(r, STMT_AQ_COUNT, n) == -1)
		return -1;
	db_done(r, STMT_AQ_COUNT);
	if (*n >= AQ_COUNT_BIG) {
		i = aq_kept_next++ % AQ_COUNT_SLOTS;
		snprintf(aq_kept[i].key, sizeof(aq_kept[i].key), "%s", key);
		aq_kept[i].n = *n;
		aq_kept[i].at = now;
	}
	return 0;
}

/*
 * The candidate's ID number of account acct from its sealed value, in
 * full (full set) or masked, in the request's pool; NULL if it does not
 * open (logged by pii_open).
 */
char *
aq_idno(struct req *r, long long acct, const unsigned char *ie, size_t iel,
    int full)
{
	char	 plain[32], m[40], *s;

	if (ie == NULL || pii_open(r->cfg, PII_IDNO, acct, ie, iel, plain,
	    sizeof(plain)) == -1)
		return NULL;
	if (full)
		s = pool_strdup(r->pool, plain);
	else {
		pii_mask_idno(plain, m, sizeof(m));
		s = pool_strdup(r->pool, m);
	}
	OPENSSL_cleanse(plain, sizeof(plain));
	return s;
}

/*
 * Sets the row's idno attribute: the candidate's ID number, masked
 * unless full.
 */
void
aq_person(struct req *r, xmlNodePtr row, long long acct,
    const unsigned char *ie, size_t iel, int full)
{
	char	*s;

	if ((s = aq_idno(r, acct, ie, iel, full)) != NULL)
		xml_attr(row, "idno", s);
}
