/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_policy.c: the yearly policy: policy_load() and the 政策设置 page */

#include <stdlib.h>
#include <string.h>

#include "web.h"

#define MAX_REASON	190		/* audit.reason is 200 characters */
#define L1_FIELD	"level1[]"
#define MAX_KEYS	32		/* policy keys (15 today) */
#define MAX_VALUE	64		/* characters of a key's value */

/* A current work type of the catalogue, as the page lists it. */
struct wt {
	char		*code;
	char		*name;
	char		*category;
	int		 open;		/* open for level 1 in the year (stored) */
	int		 checked;	/* ticked in the form shown */
};

/* The catalogue and the year shown. */
struct ppage {
	long long		 year;
	int			 known;		/* the year exists */
	struct elig_policy	 pol;		/* the year's policy as stored */
	unsigned long		 stored;	/* bit i: policy_keys[i] has a row */
	int			 l1_default;	/* no policy_level1 rows */
	struct wt		*wts;
	size_t			 nwt;
	xmlNodePtr		 wt_node;	/* <worktypes>, filled last */
};

static int
code_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * Reads the codes of statement s (policy_level1 of year, or the
 * catalogue's default when year is 0) into pol as a sorted list in the
 * pool.  Returns the number of codes or -1.
 */
static int
level1_read(struct req *r, enum stmt s, long long year,
    struct elig_policy *pol)
{
	char	**codes, *c;
	int	 n, k, i = 0;

	n = year > 0 ? db_run(r, s, year) : db_run(r, s);
	if (n == -1)
		return -1;
	codes = pool_calloc(r->pool, n > 0 ? n : 1, sizeof(*codes));
	while ((k = db_row(r, s, &c)) == 1)
		if (c != NULL && i < n)
			codes[i++] = c;
	if (k == -1)
		return -1;
	qsort(codes, i, sizeof(*codes), code_cmp);
	pol->level1_open = (const char *const *)codes;
	pol->nlevel1_open = i;
	return i;
}

/*
 * The policy of year: defaults, then the year's rows, then the level-1
 * list.  *stored (if not NULL) gets a bit per key with a row, *l1_default
 * (if not NULL) whether the list is the catalogue's.  A stored value the
 * keys no longer accept is logged and left at its default.
 */
static int
policy_read(struct req *r, long long year, struct elig_policy *pol,
    unsigned long *stored, int *l1_default)
{
	const char	*m;
	char		*k, *v;
	size_t		 i;
	int		 n;

	policy_defaults(pol);
	if (stored != NULL)
		*stored = 0;
	if (db_run(r, STMT_POLICY_GET, year) == -1)
		return -1;
	while ((n = db_row(r, STMT_POLICY_GET, &k, &v)) == 1) {
		if (k == NULL || v == NULL)
			continue;
		if ((m = policy_set(pol, k, v)) != NULL) {
			log_warnx("%s: year %lld: stored %s refused, default "
			    "used", __func__, year, k);
			continue;
		}
		for (i = 0; stored != NULL && i < npolicy_keys; i++)
			if (strcmp(policy_keys[i].key, k) == 0)
				*stored |= 1UL << i;
	}
	if (n == -1)
		return -1;
	if ((n = level1_read(r, STMT_POLICY_L1_GET, year, pol)) == -1)
		return -1;
	if (l1_default != NULL)
		*l1_default = n == 0;
	if (n == 0 && level1_read(r, STMT_POLICY_L1_DEFAULT, 0, pol) == -1)
		return -1;
	return 0;
}

/*
 * Fills pol with the policy of year: the defaults of policy.c, the year's
 * rows of policy, and the level-1 list of policy_level1 for the year, or
 * when the year has none, the current work types with level1_open = 1.
 * The list and its strings belong to the request's pool.  Read on every
 * call, so a change on the policy page counts from the next request.
 * Returns 0, or -1 on a database failure (logged).
 */
int
policy_load(struct req *r, int year, struct elig_policy *pol)
{
	return policy_read(r, year, pol, NULL, NULL);
}

/* The text of key k's value in pol. */
static const char *
key_value(struct req *r, const struct elig_policy *pol,
    const struct policy_key *k)
{
	if (k->off == offsetof(struct elig_policy, driver))
		return pool_strdup(r->pool, pol->driver);
	return pool_printf(r->pool, "%d",
	    *(const int *)(const void *)((const char *)pol + k->off));
}

/* The current work type code, or NULL. */
static struct wt *
wt_find(struct ppage *pg, const char *code)
{
	size_t	 i;

	for (i = 0; i < pg->nwt; i++)
		if (strcmp(pg->wts[i].code, code) == 0)
			return &pg->wts[i];
	return NULL;
}

/* Reads the current work types, marking those open in pg->pol. */
static int
wt_read(struct req *r, struct ppage *pg)
{
	struct wt	*w;
	char		*code, *name, *cat;
	int		 n, k;

	if ((n = db_run(r, STMT_POLICY_WT_LIST)) == -1)
		return -1;
	pg->wts = pool_calloc(r->pool, n > 0 ? n : 1, sizeof(*pg->wts));
	pg->nwt = 0;
	while ((k = db_row(r, STMT_POLICY_WT_LIST, &code, &name,
	    &cat)) == 1) {
		if (code == NULL || pg->nwt >= (size_t)n)
			continue;
		w = &pg->wts[pg->nwt++];
		w->code = code;
		w->name = name;
		w->category = cat;
		w->open = bsearch(&code, pg->pol.level1_open,
		    pg->pol.nlevel1_open, sizeof(char *), code_cmp) != NULL;
		w->checked = w->open;
	}
	return k == -1 ? -1 : 0;
}

/*
 * The page of year without the form's values: <years>, a <key> per
 * policy key with its stored and default value, the (empty) <worktypes>
 * and <form year>.  pg->known says whether the year exists.
 */
static enum rc
policy_page(struct req *r, long long year, struct ppage *pg)
{
	const struct policy_key	*k;
	xmlNodePtr		 n;
	size_t			 i;

	memset(pg, 0, sizeof(*pg));
	pg->year = year;
	xml_page(r, PAGE_POLICY);
	if (year_list(r, year, &pg->known) == -1)
		return RC_DB;
	if (!pg->known)
		return RC_OK;
	if (policy_read(r, year, &pg->pol, &pg->stored, &pg->l1_default) == -1 ||
	    wt_read(r, pg) == -1)
		return RC_DB;
	for (i = 0; i < npolicy_keys; i++) {
		k = &policy_keys[i];
		n = xml_el(r->root, "key", NULL);
		xml_attr(n, "name", k->key);
		xml_attr(n, "rule", k->rule);
		xml_attr(n, "label", k->label);
		if (k->off == offsetof(struct elig_policy, driver))
			xml_attr(n, "type", "code");
		else {
			xml_attr(n, "type", "number");
			xml_attrf(n, "min", "%d", k->min);
			xml_attrf(n, "max", "%d", k->max);
		}
		xml_attr(n, "default", k->def);
		xml_attr(n, "value", key_value(r, &pg->pol, k));
		if (pg->stored & (1UL << i))
			xml_attr(n, "stored", "1");
	}
	pg->wt_node = xml_el(r->root, "worktypes", NULL);
	if (pg->l1_default)
		xml_attr(pg->wt_node, "default", "1");
	xml_form(r, "/admin/policy");
	xml_attrf(r->form, "year", "%lld", year);
	return RC_OK;
}

/* Appends a <worktype> per current work type, ticked as pg says. */
static void
policy_worktypes(struct ppage *pg)
{
	xmlNodePtr	 n;
	size_t		 i;

	for (i = 0; i < pg->nwt; i++) {
		n = xml_el(pg->wt_node, "worktype", NULL);
		xml_attr(n, "code", pg->wts[i].code);
		xml_attr(n, "name", pg->wts[i].name);
		xml_attr(n, "category", pg->wts[i].category);
		if (pg->wts[i].open)
			xml_attr(n, "open", "1");
		if (pg->wts[i].checked)
			xml_attr(n, "checked", "1");
	}
}

/* GET /admin/policy?year= (province; h_year_fields) */
enum rc
h_policy(struct req *r)
{
	struct ppage	 pg;
	long long	 year = *r->fv[0].s != '\0' ? r->fv[0].n : r->year;
	enum rc		 rc;

	if ((rc = policy_page(r, year, &pg)) != RC_OK)
		return rc;
	if (!pg.known)
		return RC_NOTFOUND;
	policy_worktypes(&pg);
	return RC_OK;
}

/* The policy key of field f (pk_defs[i] is policy_keys[i]). */
static const struct policy_key *
pk_key(const struct fielddef *f)
{
	size_t	 i;

	for (i = 0; i < npolicy_keys; i++)
		if (strcmp(policy_keys[i].key, f->key) == 0)
			return &policy_keys[i];
	return NULL;
}

/* True for the key that is a work-type code, not a number. */
static int
pk_is_code(const struct policy_key *k)
{
	return k->off == offsetof(struct elig_policy, driver);
}

/*
 * A policy key's value as policy_set (rules/policy.c, which gkbm-admin
 * uses too) takes it, with the key's range added to a number's message.
 */
static const char *
pk_check(struct req *r, const struct fielddef *f, struct fval *v)
{
	const struct policy_key	*k = pk_key(f);
	struct elig_policy	 scratch;
	const char		*m;

	policy_defaults(&scratch);
	if (k == NULL || (m = policy_set(&scratch, k->key, v->s)) == NULL)
		return NULL;
	return pk_is_code(k) ? m : pool_printf(r->pool, "%s（允许范围：%d至%d）",
	    m, k->min, k->max);
}

/*
 * The policy keys as declared fields, made once from policy_keys (the
 * rules own the keys, their ranges and their check): read and checked by
 * field_read like a route's fields, each typed value then set into the
 * policy.  Text of any length (policy_set says what is wrong with it);
 * required, as a key missing from the form is an error like an empty one.
 */
static const struct fielddef *
pk_defs(void)
{
	static struct fielddef	 defs[MAX_KEYS + 1];
	static int		 made;
	char			*bad;
	size_t			 i;

	if (made)
		return defs;
	if (npolicy_keys > MAX_KEYS)
		fatalx("%s: %zu policy keys, room for %d", __func__,
		    npolicy_keys, MAX_KEYS);
	for (i = 0; i < npolicy_keys; i++) {
		defs[i].key = policy_keys[i].key;
		defs[i].type = FT_TEXT;
		defs[i].flags = FL_REQ;
		defs[i].min = 0;
		defs[i].max = MAX_VALUE;
		defs[i].need = "请填写此项。";
		if (pk_is_code(&policy_keys[i]))
			defs[i].bad = "工种代码应为1至8位大写字母或数字，如W030。";
		else if (xasprintf(&bad, "请填写整数（阿拉伯数字，如10）。"
		    "（允许范围：%d至%d）", policy_keys[i].min,
		    policy_keys[i].max) == -1)
			fatalx("%s: out of memory", __func__);
		else
			defs[i].bad = bad;	/* kept for the worker's life */
		defs[i].check = pk_check;
	}
	made = 1;
	return defs;
}

/*
 * Checks every key of the form into pol, with a message per field.
 * Unknown fields are ignored (a page older than a key change still
 * saves).  Returns 0, or -1 on a failure.
 */
static int
policy_fields(struct req *r, struct ppage *pg, struct elig_policy *pol)
{
	const struct fielddef	*defs = pk_defs();
	struct fval		*fv;
	size_t			 i;
	int			 bad, bad_edu = 0;

	policy_defaults(pol);
	if ((fv = field_read(r, defs, NULL, &r->body, &bad)) == NULL)
		return -1;
	for (i = 0; i < npolicy_keys; i++) {
		xml_field(r, defs[i].key, fv[i].s);
		if (fv[i].err != NULL) {
			xml_field_error(r, defs[i].key, fv[i].err);
			if (strncmp(defs[i].key, "edu_l2_", 7) == 0)
				bad_edu = 1;
		} else if (policy_set(pol, defs[i].key, fv[i].s) != NULL)
			return -1;	/* checked by pk_check */
		else if (pk_is_code(&policy_keys[i]) &&
		    wt_find(pg, pol->driver) == NULL)
			xml_field_error(r, defs[i].key, "现行工种目录中没有这个工种代码，"
			    "请核对（汽车驾驶员的代码见下方一级开考工种列表）。");
	}
	if (!bad_edu && pol->edu_l2_relaxed_rank > pol->edu_l2_rank)
		xml_field_error(r, "edu_l2_relaxed_rank", "年龄较大者的文化程度"
		    "要求不能高于一般要求。");
	return 0;
}

/*
 * The fields of POST /admin/policy that are the page's own: the year and
 * the ticked work types (level1[], repeated).  The policy's keys are
 * declared by rules/policy.c (policy_keys, checked by policy_set).
 */
enum { PF_YEAR, PF_LEVEL1 };
const struct fielddef h_policy_fields[] = {
	[PF_YEAR] = { "year", FT_UINT, FL_REQ, 2000, 2100, "请选择报考年度。",
	    "请选择报考年度。", NULL, NULL },
	[PF_LEVEL1] = { L1_FIELD, FT_TEXT, FL_REQ | FL_MANY, 1, 8,
	    "请至少勾选一个本年度开考一级（高级技师）的工种。",
	    "所选工种不在现行工种目录中，请在下方列表中重新勾选。", NULL, NULL },
	{ NULL, 0, 0, 0, 0, NULL, NULL, NULL, NULL }
};

/*
 * Ticks the work types of the level1[] fields.  Returns the number
 * ticked; an unknown code is an error on the field.
 */
static size_t
policy_level1(struct req *r, struct ppage *pg)
{
	const struct fval	*l1 = &r->fv[PF_LEVEL1];
	struct wt		*w;
	size_t			 i, n = 0;
	int			 unknown = l1->err != NULL && l1->given;

	for (i = 0; i < pg->nwt; i++)
		pg->wts[i].checked = 0;
	for (i = 0; i < l1->neach; i++) {
		if ((w = wt_find(pg, l1->each[i].s)) == NULL) {
			unknown = 1;
			continue;
		}
		if (!w->checked)
			n++;
		w->checked = 1;
	}
	xml_field(r, L1_FIELD, NULL);
	if (unknown)
		xml_field_error(r, L1_FIELD, h_policy_fields[PF_LEVEL1].bad);
	else if (n == 0)
		xml_field_error(r, L1_FIELD, h_policy_fields[PF_LEVEL1].need);
	return n;
}

/* "years_l4 10->8, level1 12" of what changes, at most MAX_REASON. */
static const char *
policy_reason(struct req *r, const struct ppage *pg,
    const struct elig_policy *pol, size_t nl1)
{
	const struct policy_key	*k;
	const char		*a, *b, *s = "";
	char			*t;
	size_t			 i;
	int			 l1_changed = nl1 != pg->pol.nlevel1_open;

	for (i = 0; i < npolicy_keys; i++) {
		k = &policy_keys[i];
		a = key_value(r, &pg->pol, k);
		b = key_value(r, pol, k);
		if (strcmp(a, b) == 0)
			continue;
		t = pool_printf(r->pool, "%s%s%s %s->%s", s, *s ? ", " : "",
		    k->key, a, b);
		if (strlen(t) > MAX_REASON - 20)
			break;
		s = t;
	}
	for (i = 0; !l1_changed && i < pg->nwt; i++)
		if (pg->wts[i].checked != pg->wts[i].open)
			l1_changed = 1;
	return pool_printf(r->pool, "%s%slevel1 %zu%s", s, *s ? ", " : "",
	    nl1, l1_changed ? " changed" : "");
}

/* Stores pol and the ticked list for the year in one transaction. */
static int
policy_store(struct req *r, const struct ppage *pg,
    const struct elig_policy *pol, const char *reason)
{
	const struct policy_key	*k;
	size_t			 i;

	if (db_begin(r) == -1)
		return -1;
	for (i = 0; i < npolicy_keys; i++) {
		k = &policy_keys[i];
		if (db_run(r, STMT_POLICY_SET, pg->year, k->key,
		    key_value(r, pol, k), r->account_id) == -1)
			goto fail;
	}
	if (db_run(r, STMT_POLICY_L1_CLEAR, pg->year) == -1)
		goto fail;
	for (i = 0; i < pg->nwt; i++)
		if (pg->wts[i].checked && db_run(r, STMT_POLICY_L1_ADD,
		    pg->year, pg->wts[i].code) == -1)
			goto fail;
	if (audit(r, "policy.set", pool_printf(r->pool, "policy:%lld",
	    pg->year), "ok", reason) == -1 || db_commit(r) == -1)
		goto fail;
	return 0;
fail:
	db_rollback(r);
	return -1;
}

/*
 * POST /admin/policy (h_policy_fields): year, level1[] (codes), and a
 * field per policy key (pk_defs).  Every
 * field is checked first; on any error the page comes back (400) with
 * what was typed and nothing is stored.
 */
enum rc
h_policy_post(struct req *r)
{
	struct ppage		 pg;
	struct elig_policy	 pol;
	const char		*ys = r->fv[PF_YEAR].s;
	int			 bad_year = r->fv[PF_YEAR].err != NULL;
	long long		 year = bad_year ? r->year : r->fv[PF_YEAR].n;
	size_t			 nl1;
	enum rc			 rc;

	if ((rc = policy_page(r, year, &pg)) != RC_OK)
		return rc;
	/* No such year: the rest is checked on the current year's page. */
	if (!bad_year && !pg.known && (rc = policy_page(r, r->year,
	    &pg)) != RC_OK)
		return rc;
	if (!pg.known)
		return RC_NOTFOUND;
	if (bad_year || pg.year != year)
		xml_field_error(r, "year", bad_year ? "请选择报考年度。" :
		    "该报考年度不存在。");
	xml_field(r, "year", ys);
	if (policy_fields(r, &pg, &pol) == -1)
		return RC_DB;
	nl1 = policy_level1(r, &pg);
	policy_worktypes(&pg);
	if (r->form_bad) {
		xml_form_message(r, "请按提示修改后重新提交，本次未保存任何设置。");
		return RC_OK;
	}
	if (policy_store(r, &pg, &pol, policy_reason(r, &pg, &pol, nl1)) == -1)
		return RC_DB;
	resp_redirect(r, pool_printf(r->pool, "/admin/policy?year=%lld&m=saved",
	    pg.year));
	return RC_OK;
}
