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
 * h_queue.c: the review lists of a staff account's unit (seed 002 §1.1):
 * 本级审核中, the applications waiting at the unit, as 人工审核 (levels
 * 2-5) and 高级技师审核 (level 1); 本级审核记录, the unit's decisions
 * (审核通过, 审核不通过, 审核退回).  Both take the same filters, checked
 * by the route's field map before the handler runs (a wrong one answers
 * 400 with its message, and nothing is read).  A list never holds an
 * application that is not at, or was not decided by, the account's own
 * unit: the unit is the first condition of every statement.
 */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>

#include "web.h"
#include "unit.h"

#define LIST_SIZE	20
#define MAX_WT		256	/* work types kept (current and retired) */
#define WT_TTL		60	/* seconds they are kept */

/* The fields of both lists; QF_KIND is q (queues) or k (records). */
enum { QF_KIND, QF_LEVEL, QF_WT, QF_UNIT, QF_FROM, QF_TO, QF_WHO, QF_SORT,
    QF_PAGE };

/* The queues, indexed as queue_keys. */
static const struct {
	const char	*title;
	long long	 lmin, lmax;
} queues[] = {
	{ "人工审核", 2, 5 },		/* manual */
	{ "高级技师审核", 1, 1 },	/* senior */
};
static const char *const queue_keys[] = { "manual", "senior", NULL };
/* old: waited longest first (the default); new: submitted last first. */
static const char *const queue_sorts[] = { "old", "new", NULL };

/* The records, indexed as record_keys: the actions each lists. */
static const struct {
	const char	*title;
	const char	*act1, *act2;
} records[] = {
	{ "审核通过", "pass", "final" },	/* passed */
	{ "审核不通过", "reject", "reject" },	/* rejected */
	{ "审核退回", "return", "return" },	/* returned */
};
static const char *const record_keys[] = { "passed", "rejected", "returned",
    NULL };
static const char *const record_sorts[] = { "new", "old", NULL };

/* The filters as the statements take them. */
struct qfilter {
	long long	 lmin, lmax;
	const char	*wt, *from, *to, *name;
	long long	 unit, page, byid;
	unsigned char	 mac[MAC_LEN];
};
/* The filters' arguments of the list statements (taken by a variable). */
#define QF_ARGS(f) (f)->lmin, (f)->lmax, (f)->wt, (f)->wt, (f)->unit, \
	(f)->unit, (f)->from, (f)->from, (f)->to, (f)->to, (f)->name, \
	(f)->name, (f)->byid, (f)->mac, (size_t)MAC_LEN

/* The level of a queue: inside the queue's range. */
static const char *
qf_check_level(struct req *r, const struct fielddef *f, struct fval *v)
{
	long long	 k = r->fv[QF_KIND].err == NULL ? r->fv[QF_KIND].n : 0;

	(void)f;
	if (v->n >= queues[k].lmin && v->n <= queues[k].lmax)
		return NULL;
	return k == 0 ? "查询条件不正确：人工审核的申报等级为二级至五级。" :
	    "查询条件不正确：高级技师审核只含一级（高级技师）。";
}

/* A work type: its code must exist. */
static const char *
qf_check_wt(struct req *r, const struct fielddef *f, struct fval *v)
{
	char	*name, *status;
	int	 n;

	if (db_run(r, STMT_WT_GET, v->s) == -1 ||
	    (n = db_row(r, STMT_WT_GET, &name, &status)) == -1)
		return "查询失败，请稍后再试。";
	db_done(r, STMT_WT_GET);
	return n == 1 ? NULL : f->bad;
}

/*
 * A unit by its code, in the subtree of the account's unit (db.c SCOPE):
 * its id goes into v->n.  A unit elsewhere is refused with its own
 * message (unit codes are public: the application form lists them).
 */
static const char *
qf_check_unit(struct req *r, const struct fielddef *f, struct fval *v)
{
	long long	 mine = 0;
	int		 n;

	if (db_run(r, STMT_RQ_UNIT, r->unit_id, v->s) == -1 ||
	    (n = db_row(r, STMT_RQ_UNIT, &v->n, &mine)) == -1)
		return field_dbfail;
	db_done(r, STMT_RQ_UNIT);
	if (n == 0)
		return f->bad;
	return mine ? NULL : "查询条件不正确：该单位不在本单位的管辖范围内，"
	    "只能按本单位及下级单位查询。";
}

static const char *
qf_check_date(struct req *r, const struct fielddef *f, struct fval *v)
{
	(void)r;
	return valid_date(v->s, NULL, NULL, NULL) == NULL ? NULL : f->bad;
}

/* True if s is meant as an ID number (a name has no digit). */
static int
qf_is_idno(const char *s)
{
	return strpbrk(s, "0123456789") != NULL;
}

/* A name (as registered) or a whole ID number. */
static const char *
qf_check_who(struct req *r, const struct fielddef *f, struct fval *v)
{
	struct idno	 id;

	(void)r;
	if (qf_is_idno(v->s))
		return idno_parse(v->s, &id) == IDNO_OK ? NULL :
		    "查询条件不正确：身份证号不正确，请输入完整的18位身份证号。";
	return valid_name(v->s) == NULL ? NULL : f->bad;
}

#define QF_COMMON \
	[QF_WT] = { "wt", FT_TEXT, FL_QUERY, 1, 8, NULL, \
	    "查询条件不正确：没有这个工种。", NULL, qf_check_wt }, \
	[QF_UNIT] = { "unit", FT_TEXT, FL_QUERY, 1, 32, NULL, \
	    "查询条件不正确：没有这个单位编码。", NULL, qf_check_unit }, \
	[QF_FROM] = { "from", FT_TEXT, FL_QUERY, 10, 10, NULL, \
	    "查询条件不正确：开始日期应为“年-月-日”，如2026-03-01。", NULL, \
	    qf_check_date }, \
	[QF_TO] = { "to", FT_TEXT, FL_QUERY, 10, 10, NULL, \
	    "查询条件不正确：结束日期应为“年-月-日”，如2026-03-31。", NULL, \
	    qf_check_date }, \
	[QF_WHO] = { "who", FT_TEXT, FL_QUERY, 1, 40, NULL, \
	    "查询条件不正确：请输入完整的姓名或18位身份证号。", NULL, \
	    qf_check_who }, \
	[QF_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 1000000, NULL, \
	    "查询条件不正确：页码应为正整数。", NULL, NULL }

/* GET /review/queue's fields. */
const struct fielddef h_review_queue_fields[] = {
	[QF_KIND] = { "q", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "查询条件不正确：审核类别应为人工审核或高级技师审核。", queue_keys,
	    NULL },
	[QF_LEVEL] = { "level", FT_UINT, FL_QUERY, 1, 5, NULL,
	    "查询条件不正确：申报等级应为一级至五级。", NULL, qf_check_level },
	[QF_SORT] = { "sort", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "查询条件不正确：排序方式不存在。", queue_sorts, NULL },
	QF_COMMON,
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/* GET /review/records's fields. */
const struct fielddef h_review_records_fields[] = {
	[QF_KIND] = { "k", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "查询条件不正确：记录类别应为审核通过、审核不通过或审核退回。",
	    record_keys, NULL },
	[QF_LEVEL] = { "level", FT_UINT, FL_QUERY, 1, 5, NULL,
	    "查询条件不正确：申报等级应为一级至五级。", NULL, NULL },
	[QF_SORT] = { "sort", FT_CHOICE, FL_QUERY, 0, 0, NULL,
	    "查询条件不正确：排序方式不存在。", record_sorts, NULL },
	QF_COMMON,
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * <form query="&q=manual&level=3">: the fields just echoed that have a
 * value, as the pager's links carry them (widgets.xsl pager), made once
 * here rather than by the stylesheet from the fields twice a page; it
 * names every filter, so it also keys the filter form kept by f:cache
 * (queue.xsl, records.xsl).  The values were checked (codes, dates,
 * names, ID numbers): none holds '&' or '='.
 */
static void
qf_query(struct req *r)
{
	char		 q[1024];
	size_t		 len = 0;
	xmlNodePtr	 n;
	xmlChar		*name, *value;
	int		 k;

	q[0] = '\0';
	for (n = r->form->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, "field") != 0)
			continue;
		name = xmlGetProp(n, (const xmlChar *)"name");
		value = xmlGetProp(n, (const xmlChar *)"value");
		if (name != NULL && value != NULL && *value != '\0' &&
		    len < sizeof(q) && (k = snprintf(q + len, sizeof(q) - len,
		    "&%s=%s", (char *)name, (char *)value)) > 0)
			len += (size_t)k;
		xmlFree(name);
		xmlFree(value);
	}
	if (len < sizeof(q))
		xml_attr(r->form, "query", q);
}

/*
 * Reads the checked fields into f (the level range given as lmin..lmax
 * when not chosen) and echoes them into the page's filter form.
 * Returns NULL, or the message of a wrong combination.
 */
static const char *
qf_read(struct req *r, struct qfilter *f, long long lmin, long long lmax)
{
	const struct fval	*v = r->fv;
	const struct fielddef	*d = r->route->fields;
	char			 up[24];
	size_t			 i;

	memset(f, 0, sizeof(*f));
	f->lmin = lmin;
	f->lmax = lmax;
	if (*v[QF_LEVEL].s != '\0')
		f->lmin = f->lmax = v[QF_LEVEL].n;
	f->wt = v[QF_WT].s;
	f->unit = *v[QF_UNIT].s != '\0' ? v[QF_UNIT].n : 0;
	f->from = v[QF_FROM].s;
	f->to = v[QF_TO].s;
	f->name = "";
	f->page = *v[QF_PAGE].s != '\0' ? v[QF_PAGE].n : 1;
	if (qf_is_idno(v[QF_WHO].s)) {
		for (i = 0; v[QF_WHO].s[i] != '\0' && i + 1 < sizeof(up); i++)
			up[i] = (char)toupper((unsigned char)v[QF_WHO].s[i]);
		up[i] = '\0';
		pii_mac(r->cfg, "idno", up, f->mac);
		f->byid = 1;
		OPENSSL_cleanse(up, sizeof(up));
	} else
		f->name = v[QF_WHO].s;
	/* The list's kind as shown (the default when not given). */
	xml_field(r, d[QF_KIND].key, d[QF_KIND].choices[v[QF_KIND].n]);
	for (i = QF_KIND + 1; d[i].key != NULL; i++)
		if (i != QF_PAGE)
			xml_field(r, d[i].key, v[i].s);
	qf_query(r);
	if (*f->from != '\0' && *f->to != '\0' && strcmp(f->from, f->to) > 0)
		return "查询条件不正确：开始日期不能晚于结束日期。";
	return NULL;
}

/* Adds <list page pages total size> for total rows. */
static xmlNodePtr
qf_list(struct req *r, const struct qfilter *f, long long total)
{
	xmlNodePtr	 list;

	list = xml_el(r->root, "list", NULL);
	xml_attr_num(list, "page", f->page);
	xml_attr_num(list, "pages", (total + LIST_SIZE - 1) / LIST_SIZE);
	xml_attr_num(list, "total", total);
	xml_attr_num(list, "size", LIST_SIZE);
	return list;
}

/* A row's candidate: the name in full, the ID number masked. */
static void
qf_person(struct req *r, xmlNodePtr row, const char *name,
    const unsigned char *ie, size_t iel, long long acct)
{
	char	 plain[32], m[40];

	xml_attr(row, "name", name);
	if (ie != NULL && pii_open(r->cfg, PII_IDNO, acct, ie, iel, plain,
	    sizeof(plain)) == 0) {
		pii_mask_idno(plain, m, sizeof(m));
		xml_attr(row, "idno", m);
	}
	OPENSSL_cleanse(plain, sizeof(plain));
}

/*
 * The work types, kept by the worker: the current ones make the filter
 * (qf_worktypes), and every one names the rows (qf_wt_name).
 */
static struct {
	char		 code[9], name[64];
	int		 current;
	int		 clean;		/* both may stand in XML as they are */
}		 qf_wt[MAX_WT];
static size_t	 qf_nwt;
static time_t	 qf_wt_at;

/* Reads the work types into qf_wt.  Returns 0 or -1. */
static int
qf_wt_load(struct req *r)
{
	char	*code, *name, *py, *status, *copy, *copy2;
	int	 k;

	qf_nwt = 0;
	if (db_run(r, STMT_WT_ALL) == -1)
		return -1;
	while ((k = db_row(r, STMT_WT_ALL, &code, &name, &py, &status)) == 1) {
		if (qf_nwt == MAX_WT)
			continue;
		snprintf(qf_wt[qf_nwt].code, sizeof(qf_wt[0].code), "%s", code);
		snprintf(qf_wt[qf_nwt].name, sizeof(qf_wt[0].name), "%s", name);
		qf_wt[qf_nwt].current = strcmp(status, "current") == 0;
		/* Checked once here: each page sets clean ones as they are. */
		(void)xml_clean(qf_wt[qf_nwt].code, &copy);
		(void)xml_clean(qf_wt[qf_nwt].name, &copy2);
		qf_wt[qf_nwt].clean = copy == NULL && copy2 == NULL;
		free(copy);
		free(copy2);
		qf_nwt++;
	}
	if (k == -1) {
		qf_nwt = 0;
		return -1;
	}
	qf_wt_at = time(NULL);
	return 0;
}

/*
 * The name of work type code: one added since the last read reads them
 * again (once a request).  Returns the name, the code itself if there is
 * none, NULL on a database failure.
 */
static const char *
qf_wt_name(struct req *r, const char *code, int *reread)
{
	size_t	 i;

	for (;;) {
		for (i = 0; i < qf_nwt; i++)
			if (strcmp(qf_wt[i].code, code) == 0)
				return qf_wt[i].name;
		if (*reread)
			return code;
		*reread = 1;
		if (qf_wt_load(r) == -1)
			return NULL;
	}
}

/*
 * <worktypes> of the filter: the current work types, read once a minute
 * by each worker (they change only with gkbm-admin import-reference).
 */
static int
qf_worktypes(struct req *r)
{
	xmlNodePtr	 list, n;
	size_t		 i;

	if ((qf_nwt == 0 || time(NULL) - qf_wt_at >= WT_TTL) &&
	    qf_wt_load(r) == -1)
		return -1;
	list = xml_el(r->root, "worktypes", NULL);
	for (i = 0; i < qf_nwt; i++) {
		if (!qf_wt[i].current)
			continue;
		n = xml_el(list, "worktype", NULL);
		if (!qf_wt[i].clean) {
			xml_attr(n, "code", qf_wt[i].code);
			xml_attr(n, "name", qf_wt[i].name);
			continue;
		}
		xmlNewProp(n, (const xmlChar *)"code",
		    (const xmlChar *)qf_wt[i].code);
		xmlNewProp(n, (const xmlChar *)"name",
		    (const xmlChar *)qf_wt[i].name);
	}
	return 0;
}

/* The page's start: document, counts, the filter form, the lists. */
static enum rc
qf_page(struct req *r, enum page page, const char *action, const char *kind,
    const char *title)
{
	xml_page(r, page);
	xml_attr(r->root, "kind", kind);
	xml_attr(r->root, "title", title);
	if (queue_counts(r) == -1)
		return RC_DB;
	xml_form(r, action);
	xml_levels(r->root);
	if (qf_worktypes(r) == -1)
		return RC_DB;
	return RC_OK;
}

/* The filter's form refused as a whole (a 400 with the filter form). */
static enum rc
qf_refuse(struct req *r, const char *msg)
{
	xml_form_message(r, msg);
	xml_attr(r->form, "status", "invalid");
	r->status = 400;
	return RC_OK;
}

/* True if f filters by more than the level. */
static int
queue_filtered(const struct qfilter *f)
{
	return *f->wt != '\0' || f->unit > 0 || *f->from != '\0' ||
	    *f->to != '\0' || *f->name != '\0' || f->byid;
}

/*
 * The total of a queue and filter.  Filtered by level alone it is a
 * count of index entries (kept when big: queue.c); any other filter
 * reads the rows.  Returns 0 or -1.
 */
static int
queue_total(struct req *r, const struct qfilter *f, long long *total)
{
	char	 key[48];

	*total = 0;
	if (queue_filtered(f)) {
		if (db_run(r, STMT_RQ_COUNT, r->unit_id, f->lmin, f->lmax,
		    f->wt, f->wt, f->unit, f->unit, f->from, f->from, f->to,
		    f->to, f->name, f->name, f->byid, f->mac,
		    (size_t)MAC_LEN) == -1 ||
		    db_row(r, STMT_RQ_COUNT, total) == -1)
			return -1;
		db_done(r, STMT_RQ_COUNT);
		return 0;
	}
	snprintf(key, sizeof(key), "%lld|%lld|%lld", r->unit_id, f->lmin,
	    f->lmax);
	if (queue_cached(key, total))
		return 0;
	if (db_run(r, STMT_RQ_COUNT_LEVEL, r->unit_id, f->lmin,
	    f->lmax) == -1 || db_row(r, STMT_RQ_COUNT_LEVEL, total) == -1)
		return -1;
	db_done(r, STMT_RQ_COUNT_LEVEL);
	queue_cache(key, *total);
	return 0;
}

/*
 * The list statements: [filtered][one level][sort]; see db.c for why.
 * Unfiltered (by more than the level) they take no filter at all.
 */
static const enum stmt queue_stmts[2][2][2] = {
	{ { STMT_RQ_PLAIN_OLD, STMT_RQ_PLAIN_NEW },
	  { STMT_RQ_PLVL_OLD, STMT_RQ_PLVL_NEW } },
	{ { STMT_RQ_LIST_OLD, STMT_RQ_LIST_NEW },
	  { STMT_RQ_LVL_OLD, STMT_RQ_LVL_NEW } },
};

/* A time as MariaDB writes it ("2026-03-01 08:30:00"), to the minute. */
static void
qf_minute(xmlNodePtr row, const char *name, const char *at)
{
	char	 m[17];

	snprintf(m, sizeof(m), "%s", at != NULL ? at : "");
	xml_attr(row, name, m);
}

/* The rows of a queue. */
static int
queue_rows(struct req *r, xmlNodePtr list, const struct qfilter *f,
    enum stmt s)
{
	xmlNodePtr	 row;
	char		*name, *wt, *sub, *since;
	const char	*wtname, *unit;
	unsigned char	*ie;
	size_t		 iel;
	long long	 id, ver, acct, lv, uid, days, defer;
	int		 k, reread = 0;

	/* The work types were read by qf_page (qf_worktypes). */
	if (queue_filtered(f) ? db_run(r, s, r->unit_id, QF_ARGS(f),
	    (long long)LIST_SIZE, (f->page - 1) * LIST_SIZE) == -1 :
	    db_run(r, s, r->unit_id, f->lmin, f->lmax, (long long)LIST_SIZE,
	    (f->page - 1) * LIST_SIZE) == -1)
		return -1;
	while ((k = db_row(r, s, &id, &ver, &name, &ie, &iel, &acct, &lv,
	    &wt, &uid, &sub, &since, &days, &defer)) == 1) {
		row = xml_el(list, "row", NULL);
		xml_attr_num(row, "id", id);
		xml_attr_num(row, "version", ver);
		qf_person(r, row, name, ie, iel, acct);
		xml_attr_num(row, "level", lv);
		xml_attr(row, "level-name", xml_level_name((int)lv));
		if ((wtname = qf_wt_name(r, wt != NULL ? wt : "",
		    &reread)) == NULL || (unit = unit_name(r, uid)) == NULL)
			break;
		xml_attr(row, "worktype", wtname);
		xml_attr(row, "unit", unit);
		qf_minute(row, "submitted", sub);
		qf_minute(row, "since", since);
		xml_attr_num(row, "days", days < 0 ? 0 : days);
		if (defer > 0)
			xml_attr_num(row, "defer", defer);
	}
	if (k == 1) {		/* a work type or unit could not be read */
		db_done(r, s);
		return -1;
	}
	return k;
}

/* GET /review/queue?q=manual|senior (and the filters) */
enum rc
h_review_queue(struct req *r)
{
	struct qfilter	 f;
	const char	*msg;
	long long	 k = r->fv[QF_KIND].n, total = 0;
	xmlNodePtr	 list;
	enum rc		 rc;

	if ((rc = qf_page(r, PAGE_QUEUE, "/review/queue", queue_keys[k],
	    queues[k].title)) != RC_OK)
		return rc;
	if ((msg = qf_read(r, &f, queues[k].lmin, queues[k].lmax)) != NULL)
		return qf_refuse(r, msg);
	if (queue_total(r, &f, &total) == -1)
		return RC_DB;
	list = qf_list(r, &f, total);
	xml_attr(list, "sort", queue_sorts[r->fv[QF_SORT].n]);
	if (queue_rows(r, list, &f, queue_stmts[queue_filtered(&f)]
	    [f.lmin == f.lmax][r->fv[QF_SORT].n]) == -1)
		return RC_DB;
	xml_attr(xml_el(r->root, "batch", NULL), "action", "/review/batch");
	return RC_OK;
}

/* The rows of a unit's records. */
static int
records_rows(struct req *r, xmlNodePtr list, const struct qfilter *f,
    long long k, enum stmt s)
{
	xmlNodePtr	 row;
	char		*name, *wt, *unit, *act, *why, *at;
	unsigned char	*ie;
	size_t		 iel;
	long long	 ev, id, ver, acct, lv, latest;
	int		 n;

	if (db_run(r, s, r->unit_id, records[k].act1, records[k].act2,
	    QF_ARGS(f), (long long)LIST_SIZE, (f->page - 1) * LIST_SIZE) == -1)
		return -1;
	while ((n = db_row(r, s, &ev, &id, &ver, &name, &ie, &iel, &acct,
	    &lv, &wt, &unit, &act, &why, &at, &latest)) == 1) {
		row = xml_el(list, "row", NULL);
		xml_attr_num(row, "event", ev);
		xml_attr_num(row, "id", id);
		xml_attr_num(row, "version", ver);
		qf_person(r, row, name, ie, iel, acct);
		xml_attr_num(row, "level", lv);
		xml_attr(row, "level-name", xml_level_name((int)lv));
		xml_attr(row, "worktype", wt);
		xml_attr(row, "unit", unit);
		xml_attr(row, "action", act);
		xml_attr(row, "at", at);
		if (*why != '\0')
			xml_el(row, "reason", why);
		if (latest && k == 1)	/* still rejected, by this unit */
			xml_attr(row, "reapply", "1");
	}
	return n;
}

/* GET /review/records?k=passed|rejected|returned (and the filters) */
enum rc
h_review_records(struct req *r)
{
	struct qfilter	 f;
	const char	*msg;
	long long	 k = r->fv[QF_KIND].n, total = 0;
	xmlNodePtr	 list;
	enum rc		 rc;

	if ((rc = qf_page(r, PAGE_RECORDS, "/review/records",
	    record_keys[k], records[k].title)) != RC_OK)
		return rc;
	if ((msg = qf_read(r, &f, 1, 5)) != NULL)
		return qf_refuse(r, msg);
	if (db_run(r, STMT_RR_COUNT, r->unit_id, records[k].act1,
	    records[k].act2, f.lmin, f.lmax, f.wt, f.wt, f.unit, f.unit,
	    f.from, f.from, f.to, f.to, f.name, f.name, f.byid, f.mac,
	    (size_t)MAC_LEN) == -1 ||
	    db_row(r, STMT_RR_COUNT, &total) == -1)
		return RC_DB;
	db_done(r, STMT_RR_COUNT);
	list = qf_list(r, &f, total);
	xml_attr(list, "sort", record_sorts[r->fv[QF_SORT].n]);
	if (records_rows(r, list, &f, k, r->fv[QF_SORT].n == 1 ?
	    STMT_RR_LIST_OLD : STMT_RR_LIST_NEW) == -1)
		return RC_DB;
	if (k == 1)
		xml_attr(xml_el(r->root, "reapply", NULL), "action",
		    "/review/decide");
	return RC_OK;
}
