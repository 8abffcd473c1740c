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
 * appquery.h: the application filters of 报名信息查询, its export and the
 * rosters (appquery.c), as declared fields and as the arguments of the
 * statements built on db.c's AQ_FROM_WHERE.
 *
 * A route takes the filters by naming appquery_fields, or its own
 * array that starts with them:
 *
 *	const struct fielddef my_fields[] = {
 *		AQ_FIELDS,
 *		[AQ__MAX] = { "kind", FT_CHOICE, ... },
 *		{ NULL, ... }
 *	};
 *
 * The handler then calls aq_read() (NULL, or the message of a wrong
 * combination), and runs its statements with aq_run() (parameters:
 * the filters alone) or aq_run_page() (the filters, LIMIT, OFFSET).  A
 * statement of the filters is "SELECT ... " AQ_FROM_WHERE " ORDER BY
 * ..." with params AQ_PARAMS (or AQ_PARAMS "ii"), so it reads only the
 * applications of units in the account's subtree (SCOPE) for one year.
 */
#ifndef GKBM_APPQUERY_H
#define GKBM_APPQUERY_H

/* The filters' indexes in r->fv. */
enum aq_field {
	AQ_YEAR, AQ_STATE, AQ_LEVEL, AQ_ROUTE, AQ_WT, AQ_UNIT, AQ_REGION,
	AQ_FROM, AQ_TO, AQ_PAID, AQ_DEFER, AQ_WHO, AQ_PAGE, AQ__MAX
};

/* The filters as the statements take them (aq_read). */
struct aquery {
	long long	 me;		/* the account's unit (SCOPE) */
	long long	 year;		/* the requested year, else current */
	long long	 level;		/* 0: any */
	long long	 unit;		/* 0: any */
	long long	 defer;		/* -1 any, 0 none, 1 容缺后补 */
	long long	 byid;		/* mac is an ID number's lookup */
	long long	 page;		/* from 1 */
	const char	*state, *route, *wt, *region, *from, *to, *name;
	unsigned char	 mac[MAC_LEN];
};

extern const char *const aq_states[];	/* the state values, NULL-ended */
extern const char *const aq_state_names[];
extern const char *const aq_route_names[];

#define AQ_FIELDS \
	[AQ_YEAR] = { "year", FT_UINT, FL_QUERY, 2000, 2100, NULL, \
	    "查询条件不正确：报考年度应为2000至2100之间的四位数字。", NULL, \
	    NULL }, \
	[AQ_STATE] = { "state", FT_CHOICE, FL_QUERY, 0, 0, NULL, \
	    "查询条件不正确：报名状态应为未提交、审核中、已退回本人、" \
	    "审核不通过、终审通过或已取消。", aq_states, NULL }, \
	[AQ_LEVEL] = { "level", FT_UINT, FL_QUERY, 1, 5, NULL, \
	    "查询条件不正确：申报等级应为一级至五级。", NULL, NULL }, \
	[AQ_ROUTE] = { "route", FT_CHOICE, FL_QUERY, 0, 0, NULL, \
	    "查询条件不正确：申报方式应为按工作年限或按岗位等级证书。", \
	    aq_routes, NULL }, \
	[AQ_WT] = { "wt", FT_TEXT, FL_QUERY, 1, 8, NULL, \
	    "查询条件不正确：没有这个工种。", NULL, aq_check_wt }, \
	[AQ_UNIT] = { "unit", FT_TEXT, FL_QUERY, 1, 32, NULL, \
	    "查询条件不正确：本辖区内没有这个单位编码。", NULL, aq_check_unit }, \
	[AQ_REGION] = { "region", FT_TEXT, FL_QUERY, 6, 6, NULL, \
	    "查询条件不正确：本辖区内没有这个地区代码（6位数字）。", NULL, \
	    aq_check_region }, \
	[AQ_FROM] = { "from", FT_DATE, FL_QUERY, 2000, 2100, NULL, \
	    "查询条件不正确：提交日期（起）应为“年-月-日”，如2026-03-01。", \
	    NULL, NULL }, \
	[AQ_TO] = { "to", FT_DATE, FL_QUERY, 2000, 2100, NULL, \
	    "查询条件不正确：提交日期（止）应为“年-月-日”，如2026-03-31。", \
	    NULL, NULL }, \
	[AQ_PAID] = { "paid", FT_CHOICE, FL_QUERY, 0, 0, NULL, \
	    "查询条件不正确：缴费状态应为已缴费或未缴费。", aq_yesno, \
	    aq_check_paid }, \
	[AQ_DEFER] = { "deferred", FT_CHOICE, FL_QUERY, 0, 0, NULL, \
	    "查询条件不正确：容缺后补应为是或否。", aq_yesno, NULL }, \
	[AQ_WHO] = { "who", FT_TEXT, FL_QUERY, 1, 40, NULL, \
	    "查询条件不正确：请输入完整的姓名或18位身份证号。", NULL, \
	    aq_check_who }, \
	[AQ_PAGE] = { "page", FT_UINT, FL_QUERY, 1, 1000000, NULL, \
	    "查询条件不正确：页码应为正整数。", NULL, NULL }

extern const char *const aq_routes[];
extern const char *const aq_yesno[];
extern const struct fielddef appquery_fields[];
const char	*aq_check_wt(struct req *, const struct fielddef *,
		    struct fval *);
const char	*aq_check_unit(struct req *, const struct fielddef *,
		    struct fval *);
const char	*aq_check_region(struct req *, const struct fielddef *,
		    struct fval *);
const char	*aq_check_paid(struct req *, const struct fielddef *,
		    struct fval *);
const char	*aq_check_who(struct req *, const struct fielddef *,
		    struct fval *);
const char	*aq_read(struct req *, struct aquery *);
void		 aq_echo(struct req *);
int		 aq_run(struct req *, enum stmt, const struct aquery *);
int		 aq_run_page(struct req *, enum stmt, const struct aquery *,
		    long long, long long);
int		 aq_count(struct req *, const struct aquery *, long long *);
void		 aq_person(struct req *, xmlNodePtr, long long,
		    const unsigned char *, size_t, int);
char		*aq_idno(struct req *, long long, const unsigned char *,
		    size_t, int);

#endif
