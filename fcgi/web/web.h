/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* web.h: types and prototypes of gkbm-web, the FastCGI worker pool */
#ifndef WEB_H
#define WEB_H

#include <stdarg.h>

#include <fcgiapp.h>
#include <libxml/tree.h>
#include <libxslt/xsltInternals.h>

#include "gkbm.h"

enum role {
	ROLE_ANON,		/* not logged in */
	ROLE_CANDIDATE,		/* 报考人员 */
	ROLE_UNIT,		/* 单位管理员 */
	ROLE_REVIEWER,		/* 审核员 */
	ROLE_SUPERVISING,	/* 主管单位管理员 */
	ROLE_COUNTY,		/* 县区工考办 */
	ROLE_CITY,		/* 市工考办 */
	ROLE_PROVINCE,		/* 省工考办 */
	ROLE__MAX
};

#define RB(r)		(1u << (r))
#define RS_ANY		((1u << ROLE__MAX) - 1)
#define RS_USER		(RS_ANY & ~RB(ROLE_ANON))
#define RS_STAFF	(RS_USER & ~RB(ROLE_CANDIDATE))
#define RS_OFFICE	(RB(ROLE_COUNTY) | RB(ROLE_CITY) | RB(ROLE_PROVINCE))
/* 报名信息查询 and 信息统计: every admin (no reviewer). */
#define RS_QUERY	(RS_STAFF & ~RB(ROLE_REVIEWER))
#define RS_SYSADM	(RS_OFFICE | RB(ROLE_SUPERVISING))	/* 系统管理 */

enum page {
	PAGE_LOGIN,
	PAGE_NOTICE,
	PAGE_REGISTER,
	PAGE_FORGOT,
	PAGE_PASSWORD,
	PAGE_HOME,
	PAGE_WINDOWS,
	PAGE_REGISTRATIONS,
	PAGE_ERROR,
	PAGE_SMS,
	PAGE_APPLY,		/* 报名信息 */
	PAGE_UNITS,		/* the unit tree, one level */
	PAGE_WORKTYPES,		/* work-type search */
	PAGE_POLICY,		/* 政策设置 */
	PAGE_UPLOAD,		/* the answer to an upload */
	PAGE_QR,		/* 手机扫码上传: the QR code */
	PAGE_MOBILE,		/* the phone's upload page */
	PAGE_STATUS,		/* 审核结果 */
	PAGE_OTP,		/* 登录验证: the second factor */
	PAGE_MANUAL,		/* 操作手册: candidate's or administrator's */
	PAGE_RULES,		/* 政策说明: the year's rules in words */
	PAGE_PHONES,		/* 咨询电话: the public list */
	PAGE_PHONEEDIT,		/* 咨询电话维护: an office's own numbers */
	PAGE_CANAPPLY,		/* 我能报哪一级 */
	PAGE_QUEUE,		/* 本级审核中: 人工审核, 高级技师审核 */
	PAGE_RECORDS,		/* 本级审核记录 */
	PAGE_REVIEWAPP,		/* 详情: one application for review */
	PAGE_DEFERRED,		/* 容缺后补 */
	PAGE_NOTES,		/* 市级复核意见, 省级标记记录 */
	PAGE_TAKEOVER,		/* 已承接设置 */
	PAGE_STAFFUP,		/* 代传资料, 添加身份证号 (staff) */
	PAGE_DECIDE,		/* 审核结果: refused, 409, batch rows */
	PAGE_PAY,		/* 网上缴费 (candidate) */
	PAGE_PAYGO,		/* the signed hand-over to the platform */
	PAGE_PAYDUE,		/* 应缴报考人员列表 */
	PAGE_PAYORDERS,		/* 网上缴费状态查询 */
	PAGE_PAYQR,		/* 扫码缴费 */
	PAGE_PAYSTATS,		/* 缴费统计 */
	PAGE_PAYCASES,		/* 退费与逾期到账: manual decisions */
	PAGE_PAYRECON,		/* 对账 (province) */
	PAGE_QUERY,		/* 报名信息查询 */
	PAGE_STATS,		/* 信息统计 */
	PAGE_ROSTER,		/* 名册打印 */
	PAGE_REPORT,		/* 汇总上报 */
	PAGE_SYSUNITS,		/* 单位管理: the list */
	PAGE_SYSUNIT,		/* 单位管理: one unit, or a new one */
	PAGE_SYSUSERS,		/* 用户管理, 本级审核员管理: the lists */
	PAGE_SYSUSER,		/* 用户管理: one account */
	PAGE_UNITIMPORT,	/* 批量导入单位 */
	PAGE_UNITCHECK,		/* 单位名称核对 */
	PAGE_ENTRY,		/* 补报, 破格/一线 */
	PAGE_REVOKE,		/* 撤销注册 */
	/* plan: 考务管理 (fcgi/pages/exam/) */
	PAGE_EXAMSITES,		/* 考点考场 */
	PAGE_EXAMSESSIONS,	/* 场次 */
	PAGE_EXAMALLOC,		/* 编排考场 */
	/* result: 考核结果 */
	PAGE_RESULTS,		/* 考核结果查询 */
	PAGE_RESLINES,		/* 合格线 */
	PAGE_RESIMPORT,		/* 成绩导入与公布 */
	PAGE_RECHECKS,		/* 复核 (offices) */
	PAGE_RESULT,		/* 考核结果 (candidate) */
	/* cert: 电子证书, 证书查验, 证书管理, 申领汇总上报 */
	PAGE_CERT,		/* 电子证书 (candidate) */
	PAGE_VERIFY,		/* 证书查验 (public) */
	PAGE_CERTS,		/* 证书管理 (offices) */
	PAGE_CLAIM,		/* 申领汇总上报 */
	/* ticket */
	PAGE_TICKET,		/* 准考证打印 (candidate) */
	PAGE_TICKETS,		/* 准考证查询 */
	PAGE_EXAMROSTER,	/* 考生名单 */
	PAGE__MAX
};

/* Results of the pipeline; reply_error() alone maps them to HTTP. */
enum rc {
	RC_OK = 0,	/* the document (or a redirect) is ready */
	RC_BADREQ,	/* malformed request: 400 */
	RC_FORBIDDEN,	/* role or CSRF check failed: 403 */
	RC_NOTFOUND,	/* no such route or object: 404 */
	RC_METHOD,	/* route exists for another method: 405 */
	RC_CONFLICT,	/* state changed under us: 409 */
	RC_TOOLARGE,	/* body over the cap: 413 */
	RC_DB,		/* database away or failing: 503 */
	RC_INTERNAL,	/* a bug or resource exhaustion: 500 */
	RC__MAX
};

enum method { M_GET, M_POST, M__MAX };


struct worker;
struct route;

struct req {
	FCGX_Request		*fcgx;
	struct pool		*pool;
	struct worker		*w;
	const struct config	*cfg;
	const struct route	*route;
	char			 id[17];	/* request id for logs */
	enum method		 method;
	const char		*path;
	const char		*ip;
	int			 want_xml;	/* Accept: application/xml */
	struct form		 query;
	struct form		 body;
	/* Session. */
	enum role		 role;
	long long		 account_id;
	long long		 unit_id;
	char			*user_name;
	char			*user_login;
	char			*unit_name;
	char			*unit_region;	/* the staff unit's region */
	char			*unit_region_kind; /* ... its kind */
	int			 must_change;
	int			 pre_new;	/* anonymous cookie made now */
	char			 sid[TOKEN_LEN + 1];	/* session cookie */
	char			 pre[TOKEN_LEN + 1];	/* anonymous cookie */
	char			 csrf[TOKEN_LEN + 1];
	long long		 stale_account;	/* its session expired now */
	char			 stale_csrf[TOKEN_LEN + 1];	/* its token */
	int			 year;		/* current year, 0 if none */
	/* Response. */
	int			 status;
	char			*location;	/* redirect (303) */
	char			*cookies[4];
	size_t			 ncookies;
	const char		*flash;
	const char		*message;	/* error page message */
	xmlDocPtr		 doc;
	xmlNodePtr		 root;
	xmlNodePtr		 form;		/* <form> if the page has one */
	int			 form_bad;	/* a field error was added */
	int			 refused;	/* the gate refused, audited */
	int			 retry_after;
	const char		*allow;		/* Allow header of a 405 */
	int			 sent;		/* the handler answered itself */
	const char		*form_to;	/* an origin form-action also allows */
	const char		*cache;		/* Cache-Control; NULL: no-store */
	/* The route's fields, checked before the handler runs (field.c). */
	struct fval		*fv;
	int			 fields_bad;	/* some field has an error */
};

/*
 * One field a route takes (field.c): where it comes from, its type and
 * limits, and the messages when it is missing or wrong.  A route's
 * fields are an array indexed by the handler's own enum, ended by a
 * NULL key.
 */
enum ftype {
	FT_TEXT,		/* UTF-8 text of min..max characters */
	FT_UINT,		/* a decimal integer in min..max */
	FT_CHOICE,		/* one of choices; n is its index */
	FT_DATE,		/* YYYY-MM-DD of a year in min..max; n is
				   YYYYMMDD; bad NULL: valid_date's message */
	FT_CODE,		/* a code of at most max bytes that statement
				   min lists (code, name, rank); n its rank */
};
struct fval;
struct fielddef {
	const char	*key;
	enum ftype	 type;
	unsigned int	 flags;
#define FL_REQ		0x01		/* must be given and not empty */
#define FL_QUERY	0x02		/* from the query string (else body) */
#define FL_SECRET	0x04		/* never echoed into the page */
#define FL_LINES	0x08		/* FT_TEXT: may hold line breaks */
#define FL_RAW		0x10		/* as sent, not trimmed (passwords) */
#define FL_MANY		0x20		/* repeated (name[]): each value checked,
					   in fval.each */
	long long	 min, max;	/* range, or length in characters */
	const char	*need;		/* message: missing (FL_REQ) */
	const char	*bad;		/* message: wrong type or limits */
	const char *const *choices;	/* FT_CHOICE, NULL-terminated */
	/* A further check of a well-formed value: NULL or a message. */
	const char	*(*check)(struct req *, const struct fielddef *,
			    struct fval *);
};
/* A field's value as the handler reads it (r->fv[i]). */
struct fval {
	const char	*s;		/* trimmed; "" when not given */
	int		 given;		/* the key was sent (even empty) */
	struct fval	*each;		/* FL_MANY: every value sent, */
	size_t		 neach;		/* ... their number */
	long long	 n;		/* FT_UINT: the value; FT_CHOICE: index */
	const char	*err;		/* the message, or NULL */
};

struct route {
	enum method	 method;
	const char	*path;
	enum page	 page;
	unsigned int	 roles;
	unsigned int	 flags;
#define R_MULTIPART	0x01		/* the body is multipart (uploads) */
#define R_KEEP		0x04		/* kept on expiry (route_keeper) */
#define R_LOGIN		0x02		/* anon users are sent to /login */
#define R_INPAGE	0x08		/* GET: wrong fields go to the handler,
					   not a 400 (filter forms) */
#define R_PREFIX	0x40		/* path ends in '/': every path under
					   it (/verify/CERTNO.MAC) */
	enum rc		(*handler)(struct req *);
	const struct fielddef *fields;	/* NULL: the handler reads its own */
};

/* field.c */
extern const char field_dbfail[];
const char	*field_check_digits(struct req *, const struct fielddef *,
		    struct fval *);
const char	*field_check_phone(struct req *, const struct fielddef *,
		    struct fval *);
int		 field_one(struct req *, const struct fielddef *, const char *,
		    const struct form *, struct fval *);
struct fval	*field_read(struct req *, const struct fielddef *,
		    const struct form *, const struct form *, int *);
enum rc		 field_parse(struct req *);
void		 field_put(struct req *, const struct fielddef *,
		    const struct fval *, size_t);
void		 field_xml(struct req *);
/* Above a change form refused: nothing was saved (field_change). */
#define FIELD_FIX	"请按提示修改后重新提交，没有保存任何改动。"
void		 field_confirm(struct req *, const char *);
int		 field_change(struct req *, const char *, int);
int		 field_change_end(struct req *, const char *, const char *);

/* route.c */
extern const char *const page_names[PAGE__MAX];
extern const char *const role_names[ROLE__MAX];
extern const char *const role_labels[ROLE__MAX];
const struct route *route_find(enum method, const char *, int *);
enum role	 role_parse(const char *);
int		 route_reachable(int, int);
extern int (*const route_keeper)(struct req *);

/* req.c */
const char	*req_cookie_prefix(const struct config *);
enum rc		 req_parse(struct req *);
enum rc		 req_body(struct req *, const struct route *);
const char	*req_param(const struct req *, const char *);
const char	*req_cookie(const struct req *, const char *);
const char	*req_arg(const struct req *, const char *);

/* auth.c */
enum rc		 auth_session(struct req *);
int		 auth_allowed(const struct req *);
int		 auth_csrf_ok(const struct req *);
enum rc		 auth_login(struct req *, long long);
void		 auth_logout(struct req *);
void		 auth_cookie(struct req *, const char *, const char *, int);

/* resp.c */
void		 resp_headers(struct req *, const char *, long long);
void		 resp_redirect(struct req *, const char *);
void		 resp_drop_cookies(struct req *);
void		 resp_text(struct req *, int, const char *);
int		 resp_download(struct req *, const char *, const char *,
		    const char *, int, long long);
void		 resp_file(struct req *, const char *, const char *,
		    const char *);
void		 resp_stream(struct req *, const char *, const char *,
		    const char *, const char *);
int		 resp_put(void *, const unsigned char *, size_t);

/* reply.c */
void		 reply_error(struct req *, enum rc);
void		 reply_send(struct req *, enum rc);

/* html.c */
int		 html_dump(xmlDocPtr, const char **, size_t *);
int		 html_fragment(xmlNodePtr, const char **, size_t *);

/* sescache.c */
void		 sescache_init(void);
void		 sescache_bump(void);
void		 sescache_end(void);
int		 sescache_writes(const char *);
int		 sescache_find(struct req *, const unsigned char *);
void		 sescache_keep(const struct req *, const unsigned char *,
		    unsigned long, long long, long long);
unsigned long	 sescache_now(void);

/* fragment.c */
#define FRAGMENT_NS	"https://gkbm.hrss.henan.gov.cn/xsl/fragment"
void		 fragment_init(void);

/* render.c */
int		 render_init(struct worker *);
void		 render_free(struct worker *);
enum rc		 render_send(struct req *);

/* xml.c */
xmlNodePtr	 xml_page(struct req *, enum page);
xmlNodePtr	 xml_el(xmlNodePtr, const char *, const char *);
const char	*xml_clean(const char *, char **);
void		 xml_attr(xmlNodePtr, const char *, const char *);
void		 xml_attrf(xmlNodePtr, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
void		 xml_attr_num(xmlNodePtr, const char *, long long);
xmlNodePtr	 xml_form(struct req *, const char *);
xmlNodePtr	 xml_field(struct req *, const char *, const char *);
void		 xml_field_error(struct req *, const char *, const char *);
void		 xml_form_message(struct req *, const char *);
void		 xml_form_refuse(struct req *, const char *);
void		 xml_keep(struct req *, const char *const *);
const char	*xml_level_name(int);
void		 xml_levels(xmlNodePtr);
int		 xml_qr(struct req *, xmlNodePtr, const char *);

/* db.c */
enum stmt {
	STMT_YEAR_CURRENT,
	STMT_WINDOW_GET,
	STMT_WINDOW_LIST,
	STMT_WINDOW_SET,
	STMT_YEAR_LIST,
	STMT_REGION_LIST_TOP,
	STMT_REGION_ALL,
	STMT_REGION_GET,
	STMT_SESSION_GET,
	STMT_SESSION_TOUCH,
	STMT_SESSION_INSERT,
	STMT_SESSION_DELETE,
	STMT_SESSION_DELETE_ACCOUNT,
	STMT_ACCOUNT_BY_IDNO,
	STMT_ACCOUNT_BY_PHONE,
	STMT_ACCOUNT_BY_LOGIN,
	STMT_ACCOUNT_BY_UNIT_CODE,
	STMT_ACCOUNT_GET,
	STMT_ACCOUNT_INSERT,
	STMT_ACCOUNT_SEAL,
	STMT_ACCOUNT_SET_PASSWORD,
	STMT_RESET_SET_PASSWORD,
	STMT_RESET_LOGIN,
	STMT_ATTEMPT_INSERT,
	STMT_ATTEMPT_FAILS_IP,
	STMT_SMS_RECENT,
	STMT_SMS_IP_RECENT,
	STMT_SMS_INSERT,
	STMT_SMS_LATEST,
	STMT_OUTBOX_INSERT,
	STMT_OUTBOX_SEAL,
	STMT_AUDIT_INSERT,
	STMT_REG_COUNT,
	STMT_REG_LIST,

	/* h_apply.c, h_lookup.c: the application form */
	STMT_APPLY_ACCOUNT,
	STMT_APP_GET,
	STMT_APP_GET_TEXT,
	STMT_APP_CREATE,
	STMT_APP_SAVE,
	STMT_APP_SAVE_TEXT,
	STMT_APP_SUBMIT,
	STMT_APP_LOCK,
	STMT_APP_MAT_KINDS,
	STMT_APP_LAST_EVENT,
	STMT_APP_REVIEW_SUBMIT,
	STMT_APPRAISAL_LIST,
	STMT_APPRAISAL_CLEAR,
	STMT_APPRAISAL_INSERT,
	STMT_MAT_LIST,		/* material.c material_list_xml */
	STMT_APP_IDCARD_COPY,
	STMT_APP_QUALIFIED,
	STMT_EDU_LIST,
	STMT_GRADE_LIST,
	STMT_UNIT_REGIONS,
	STMT_UNIT_REGION_GET,
	STMT_UNIT_SUPERVISORS,
	STMT_UNIT_CHILDREN,
	STMT_UNIT_GET,
	STMT_WT_ALL,
	STMT_WT_MAP_ALL,
	STMT_WT_GET,
	STMT_WT_MAPS,
	STMT_WT_SEARCH,
	/* end h_apply.c */

	/* h_policy.c: the yearly policy */
	STMT_POLICY_GET,
	STMT_POLICY_L1_GET,
	STMT_POLICY_L1_DEFAULT,
	STMT_POLICY_WT_LIST,
	STMT_POLICY_SET,
	STMT_POLICY_L1_CLEAR,
	STMT_POLICY_L1_ADD,
	/* end h_policy.c */

	/* h_upload.c: photos, materials, files, mobile upload */
	STMT_UPL_APP_OF,
	STMT_UPL_APP_LOCK,
	STMT_UPL_APP_STAMPED,
	STMT_UPL_ACCOUNT_IDNO,
	STMT_UPL_MAT_COUNT,
	STMT_UPL_MAT_OF_KIND,
	STMT_UPL_MAT_INSERT,
	STMT_UPL_MAT_DELETE,
	STMT_UPL_MAT_SET_FILE,
	STMT_UPL_MAT_GET,
	STMT_UPL_LINK_SWEEP,
	STMT_UPL_LINK_INSERT,
	STMT_UPL_LINK_GET,
	STMT_UPL_LINK_STATE,
	STMT_UPL_LINK_REVOKE,
	STMT_UPL_FILE_REFS,
	STMT_MOB_LINK_GET,
	STMT_MOB_LINK_CLAIM,
	STMT_MOB_APP_LOCK,
	STMT_MOB_MAT_COUNT,
	STMT_MOB_MAT_INSERT,
	STMT_MOB_MAT_LIST,
	/* end h_upload.c */

	/* keep.c: the application form's fields kept for later */
	STMT_KEEP_CLEAR,
	STMT_KEEP_PUT,
	STMT_KEEP_TAKE,
	STMT_KEEP_DROP,
	/* end keep.c */

	/* h_status.c: the status page */
	STMT_STATUS_APP,
	STMT_STATUS_EVENTS,
	STMT_STATUS_CHAIN,
	STMT_STATUS_OFFICE,
	/* end h_status.c */

	/* h_login.c, h_password.c: security */
	STMT_SEC_ATTEMPT_SET,
	STMT_SEC_FAILS_OLD,
	STMT_SEC_PW_ACCOUNT,
	STMT_SEC_SMS_TRY,
	STMT_SEC_SMS_USE,
	/* end */

	/* h_login.c, h_otp.c: the second login factor */
	STMT_OTP_PENDING_INSERT,
	STMT_OTP_PENDING_GET,
	STMT_OTP_PENDING_SECRET,
	STMT_OTP_PENDING_TRY,
	STMT_OTP_PENDING_DELETE,
	STMT_OTP_PENDING_SWEEP,
	STMT_OTP_STEP_SET,
	STMT_OTP_ENROLL,
	STMT_OTP_PENDING_VERIFY,
	STMT_OTP_ENROLL_CODE_USE,
	/* end h_otp.c */

	/* regkeep.c: what a refused registration keeps for its retry */
	STMT_REGKEEP_GET,
	STMT_REGKEEP_PUT,
	STMT_REGKEEP_DELETE,
	STMT_REGKEEP_OLD,
	STMT_REGKEEP_PHOTOS,
	STMT_REGKEEP_SMS_OK,
	/* end regkeep.c */
	/* h_home.c, h_help.c, h_phones.c, h_canapply.c: home and public pages */
	STMT_HOME_APP,
	STMT_PUB_EDU_LIST,
	STMT_PUB_WT_LIST,
	STMT_PUB_WT_MAPS,
	STMT_PHONE_LIST,
	STMT_PHONE_OF,
	STMT_PHONE_CLEAR,
	STMT_PHONE_ADD,
	/* end public pages */

	/* captcha.c, smscode.c, h_login.c, h_password.c: issue 7 */
	STMT_CAPTCHA_SET,
	STMT_CAPTCHA_SWEEP,
	STMT_CAPTCHA_USE,
	STMT_CAPTCHA_DROP,
	STMT_SMS_HOUR_SENT,
	STMT_AUTH_FAILS_PAIR,
	STMT_AUTH_FAILS_VALUE,
	STMT_AUTH_TOTP_GET,
	/* end issue 7 */

	/* queue.c, h_queue.c, h_detail.c: review queues, records, 详情 */
	STMT_RQ_COUNTS,
	STMT_RQ_COUNT_LEVEL,
	STMT_RQ_COUNT,
	STMT_RQ_LIST_OLD,
	STMT_RQ_LIST_NEW,
	STMT_RQ_LVL_OLD,
	STMT_RQ_LVL_NEW,
	STMT_RQ_PLAIN_OLD,
	STMT_RQ_PLAIN_NEW,
	STMT_RQ_PLVL_OLD,
	STMT_RQ_PLVL_NEW,
	STMT_RR_COUNT,
	STMT_RR_LIST_NEW,
	STMT_RR_LIST_OLD,
	STMT_RQ_UNIT,
	STMT_RV_SEES,
	STMT_RV_APP,
	STMT_RV_APP_MORE,
	STMT_RV_TEXTS,
	STMT_RV_APPRAISALS,
	STMT_RV_QUALIFIED,
	STMT_RV_EVENTS,
	STMT_RV_CHAIN,
	/* end review */
	/* defer.c, notes.c, takeover.c, material.c: 容缺后补, 市级复核意见,
	 * 省级标记, 已承接, staff uploads (issue 11) */
	STMT_APP_LOCK_CHAIN,
	STMT_DEF_SET,
	STMT_DEF_EVENT,
	STMT_DEF_LIST,
	STMT_DEF_APP_IDNO,
	STMT_DEF_EXCELLENT,
	STMT_NOTE_CITY_OK,
	STMT_NOTE_PROV_OK,
	STMT_NOTE_INSERT,
	STMT_NOTE_LIST,
	STMT_NOTE_OF_APP,
	STMT_UNIT_KIND,
	STMT_UNIT_NAME,
	STMT_TO_COUNTIES,
	STMT_TO_DELETE,
	STMT_TO_INSERT,
	STMT_DEF_OF_MINE,
	STMT_DEF_OF_APP,
	/* end issue 11 defer */
	/* chain.c: the chain fixed at submission */
	STMT_CHAIN_UNITS,
	STMT_CHAIN_OFFICE,
	STMT_CHAIN_CLEAR,
	STMT_CHAIN_ADD,
	STMT_CHAIN_WAIT,
	/* end chain.c */

	/* decide.c: a review decision */
	STMT_DEC_LOCK,
	STMT_DEC_ACTOR,
	STMT_DEC_CHAIN_END,
	STMT_DEC_STEP,
	STMT_DEC_REJECTED,
	STMT_DEC_LAST,
	STMT_DEC_ADVANCE,
	STMT_DEC_CLOSE,
	STMT_DEC_DEFER,
	STMT_DEC_EVENT,
	STMT_DEC_MESSAGE,
	STMT_DEC_PHONE,
	STMT_DEC_BAN,
	STMT_DEC_NEXT,
	/* end decide.c */
	STMT_BAN_FIND,
	STMT_MSG_LIST,
	STMT_MSG_READ,
	/* unitcheck.c, entry.c, revoke.c: 单位名称核对, 补报, 撤销注册 */
	STMT_UC_UNITS,
	STMT_UC_STATE,
	STMT_UC_CONFIRM,
	STMT_UC_UNDO,
	STMT_UC_LOCK,
	STMT_UC_SIBLING,
	STMT_UC_RENAME,
	STMT_UC_COUNT,
	STMT_UC_LIST,
	STMT_UC_SCOPE,
	STMT_ENT_UNIT,
	STMT_ENT_UNITS,
	STMT_ENT_ACCOUNT,
	STMT_ENT_APP,
	STMT_ENT_IDCARD,
	STMT_ENT_INSERT,
	STMT_ENT_COUNT,
	STMT_ENT_LIST,
	STMT_RVK_FIND,
	STMT_RVK_LOCK,
	STMT_RVK_INSERT,
	STMT_RVK_ACCOUNT,
	STMT_RVK_SESSIONS,
	STMT_RVK_EVENT,
	STMT_RVK_APP,
	STMT_RVK_LIST,
	/* end issue 8 entry */

	/* payorder.c, h_pay*.c: payment pages (issue 9 items 2, 5, 6) */
	STMT_PW_APP,
	STMT_PW_ORDERS,
	STMT_PW_RECEIPT_GET,
	STMT_PW_RECEIPT_PUT,
	STMT_PW_APP_LOCK,
	STMT_PW_OPEN,
	STMT_PW_ORDER_NEW,
	STMT_PW_IDNO,
	STMT_PW_DUE_COUNT,
	STMT_PW_DUE_LIST,
	STMT_PW_ORD_COUNT,
	STMT_PW_ORD_LIST,
	STMT_PW_STAT_UNIT,
	STMT_PW_STAT_LEVEL,
	STMT_PW_STAT_DAY,
	STMT_PW_CASE_LIST,
	STMT_PW_CASE_DECISIONS,
	STMT_PW_CASE_LOCK,
	STMT_PW_CASE_SET,
	STMT_PW_CASE_ORDER,
	STMT_PW_CASE_APP_PAID,
	STMT_PW_DECISION,
	STMT_PW_RECON_RUNS,
	STMT_PW_RECON_DIFFS,
	STMT_PW_RECON_NOTES,
	STMT_PW_RECON_RESOLVE,
	/* end payment pages */
	/* appprint.c, roster.c, report.c: 报名表, 名册, 汇总上报 */
	STMT_AF_MINE,
	STMT_AF_APP,
	STMT_AF_MORE,
	STMT_AF_TEXTS,
	STMT_AF_APPRAISALS,
	STMT_AF_PHOTO,
	STMT_AF_CHAIN,
	STMT_RS_COUNT,
	STMT_RS_ROWS,
	STMT_RP_UNIT,
	STMT_RP_MINE,
	STMT_RP_LOCK_UNIT,
	STMT_RP_LAST_STATE,
	STMT_RP_INSERT,
	STMT_RP_COPY,
	STMT_RP_ROWS,
	STMT_RP_SEAL,
	STMT_RP_GET,
	STMT_RP_REPORTERS,
	STMT_RP_REOPEN_LOCK,
	STMT_RP_REOPEN,
	/* end appprint.c */
	/* appquery.c, h_query.c, h_stats.c */
	STMT_AQ_UNIT,
	STMT_AQ_REGION,
	STMT_AQ_COUNT,
	STMT_AQ_LIST,
	STMT_AQ_EXPORT,
	STMT_ST_LEVEL_ALL,
	STMT_ST_WT_ALL,
	STMT_ST_UNIT_ALL,
	STMT_ST_REGION_ALL,
	STMT_ST_LEVEL,
	STMT_ST_WT,
	STMT_ST_UNIT,
	STMT_ST_REGION,
	STMT_AQ_REGIONS,
	STMT_ST_SNAP_GET,
	STMT_ST_SNAP_PUT,
	STMT_ST_LOCK,
	STMT_ST_UNLOCK,
	/* unit.c, staff.c: 系统管理 (issue 8 §1) */
	STMT_SYS_UNIT_COUNT,
	STMT_SYS_UNIT_LIST,
	STMT_SYS_UNIT_GET,
	STMT_SYS_PARENT_GET,
	STMT_SYS_REGION_IN,
	STMT_SYS_CODE_TAKEN,
	STMT_SYS_UNIT_INSERT,
	STMT_SYS_UNIT_EDIT,
	STMT_SYS_UNIT_MOVE,
	STMT_SYS_UNIT_KIDS_REGION,
	STMT_SYS_UNIT_USED,
	STMT_SYS_UNIT_PENDING_DROP,
	STMT_SYS_UNIT_KEEPS_DROP,
	STMT_SYS_UNIT_ADMIN_CLEAR,
	STMT_SYS_UNIT_ACCTS_DROP,
	STMT_SYS_UNIT_DELETE,
	STMT_SYS_UNIT_DISABLE,
	STMT_SYS_UNIT_SET_ADMIN,
	STMT_SYS_STAFF_COUNT,
	STMT_SYS_STAFF_LIST,
	STMT_SYS_STAFF_GET,
	STMT_SYS_STAFF_EDIT,
	STMT_SYS_STAFF_PHONE,
	STMT_SYS_STAFF_SEAL,
	STMT_SYS_PHONE_TAKEN,
	STMT_SYS_STAFF_DISABLE,
	STMT_SYS_SESSIONS_DROP,
	STMT_SYS_PENDING_DROP,
	STMT_SYS_KEEPS_DROP,
	STMT_SYS_STAFF_ACTED,
	STMT_SYS_ADMIN_CLEAR,
	STMT_SYS_STAFF_DELETE,
	STMT_SYS_STAFF_RESET,
	STMT_SYS_STAFF_INSERT,
	STMT_SYS_REVIEWERS,
	STMT_SYS_IMPORT_SEEN,
	STMT_SYS_IMPORT_ADD,
	/* end 系统管理 */

	/* gkbm-admin (PROG_ADMIN) */
	STMT_ADM_VERSION_LIST,
	STMT_ADM_VERSION_INSERT,
	STMT_ADM_TABLE_LIST,
	STMT_ADM_REGION_UPSERT,
	STMT_ADM_WORKTYPE_UPSERT,
	STMT_ADM_WTMAP_PRUNE,
	STMT_ADM_WTMAP_INSERT,
	STMT_ADM_EDUCATION_UPSERT,
	STMT_ADM_APPRAISAL_UPSERT,
	STMT_ADM_YEAR_GET,
	STMT_ADM_YEAR_UPSERT,
	STMT_ADM_YEAR_CURRENT,
	STMT_ADM_WINDOW_UPSERT,
	STMT_ADM_REGION_GET,
	STMT_ADM_UNIT_GET,
	STMT_ADM_UNIT_INSERT,
	STMT_UNIT_PLACE,
	STMT_ADM_UNIT_SET_ADMIN,
	STMT_ADM_LOGIN_GET,
	STMT_ADM_ACCOUNT_BY_IDNO,
	STMT_ADM_ACCOUNT_BY_PHONE,
	STMT_ADM_STAFF_INSERT,
	STMT_ADM_CANDIDATE_INSERT,
	STMT_ADM_SEAL_IDNO,
	STMT_ADM_SEAL_PHONE,
	STMT_ADM_AUDIT_INSERT,
	STMT_ADM_SWEEP_SESSIONS,
	STMT_ADM_SWEEP_ATTEMPTS,
	STMT_ADM_SWEEP_SMSCODES,
	STMT_ADM_WORKTYPE_LIST,
	STMT_ADM_QUALIFIED_UPSERT,
	STMT_ADM_KEPT_OLD,
	STMT_ADM_KEPT_DELETE,
	STMT_ADM_TOTP_RESET,
	STMT_ADM_TOTP_PENDING_DROP,
	STMT_ADM_TOTP_SESSIONS_DROP,
	STMT_ADM_REKEY_IDNO_LIST,
	STMT_ADM_REKEY_IDNO_SET,
	STMT_ADM_REKEY_PHONE_LIST,
	STMT_ADM_REKEY_PHONE_SET,
	STMT_ADM_REKEY_TOTP_LIST,
	STMT_ADM_REKEY_TOTP_SET,
	STMT_ADM_REKEY_PENDING_LIST,
	STMT_ADM_REKEY_PENDING_SET,
	STMT_ADM_REKEY_OUTPHONE_LIST,
	STMT_ADM_REKEY_OUTPHONE_SET,
	STMT_ADM_REKEY_OUTBODY_LIST,
	STMT_ADM_REKEY_OUTBODY_SET,
	STMT_ADM_REKEY_RPIDNO_LIST,
	STMT_ADM_REKEY_RPIDNO_SET,
	STMT_ADM_REKEY_RPPHONE_LIST,
	STMT_ADM_REKEY_RPPHONE_SET,
	STMT_ADM_BAN_LIST,
	STMT_ADM_BAN_LIFT,
	STMT_PWA_CITY_SET,
	STMT_PWA_WINDOW_SET,
	STMT_PWA_LEVEL_SET,
	STMT_PWA_SWEEP_LIST,
	STMT_PWA_EXPIRE,
	STMT_PWA_RUN_NEW,
	STMT_PWA_TRADE,
	STMT_PWA_ORDER_APP,
	STMT_PWA_OURS,
	STMT_PWA_DIFF_ADD,
	STMT_PWA_RUN_DONE,
	/* end gkbm-admin */

	/* gkbm-sms (PROG_SMS) */
	STMT_OUTBOX_PENDING,
	STMT_OUTBOX_SENT,
	STMT_OUTBOX_FAILED,
	/* end gkbm-sms */

	/* gkbm-pay (PROG_PAY) */
	STMT_PAY_NOTIFY_INSERT,
	STMT_PAY_NOTIFY_SET,
	STMT_PAY_NOTIFY_ACK,
	STMT_PAY_NOTIFY_REFUSED,
	STMT_PAY_NONCE_INSERT,
	STMT_PAY_NONCE_GET,
	STMT_PAY_ORDER_LOCK,
	STMT_PAY_PAYMENT_BY_TRADE,
	STMT_PAY_APP_LOCK,
	STMT_PAY_ORDER_SETTLE,
	STMT_PAY_PAYMENT_INSERT,
	STMT_PAY_APP_SET_PAID,
	STMT_PAY_AUDIT,
	STMT_PAY_ORDER_HANDOVER,
	STMT_PAY_ORDER_HANDED,
	STMT_PAY_QUERY_INSERT,
	STMT_PAY_ORDER_STATE,
	STMT_PAY_NONCE_SWEEP,
	STMT_PAY_ORDER_QUERIED,
	STMT_PAY_ORDER_EXPIRE,
	STMT_PAY_ORDER_DUE,
	/* end gkbm-pay */

	/* plan: the exam plan and seats (fcgi/model/exam.c) */
	STMT_EXAM_OFFICE,
	STMT_EXAM_REGION_NAME,
	STMT_EXAM_SITES,
	STMT_EXAM_ROOMS,
	STMT_EXAM_SESSIONS,
	STMT_EXAM_SITS,
	STMT_EXAM_TAKEN,
	STMT_EXAM_ADMITTED,
	STMT_EXAM_LOCK,
	STMT_EXAM_RUN_ADD,
	STMT_EXAM_SEATS_ADD,
	STMT_EXAM_RUNS,
	STMT_EXAM_SEAT_GET,
	STMT_EXAM_SITE_ADD,
	STMT_EXAM_SITE_SET,
	STMT_EXAM_SITE_USED,
	STMT_EXAM_SITE_ROOMS_DEL,
	STMT_EXAM_SITE_DEL,
	STMT_EXAM_ROOM_ADD,
	STMT_EXAM_ROOM_SET,
	STMT_EXAM_ROOM_USED,
	STMT_EXAM_ROOM_DEL,
	STMT_EXAM_SESSION_ADD,
	STMT_EXAM_SESSION_SET,
	STMT_EXAM_SESSION_USED,
	STMT_EXAM_SESSION_DEL,
	STMT_EXAM_SITS_DEL,
	STMT_EXAM_SIT_ADD,
	STMT_EXAM_SIT_TAKEN,
	/* end plan */
	/* result: 考核结果 (result.c, resimport.c, h_results.c, h_result.c,
	 * h_rechecks.c, gkbm-admin through gkbm-web's statements) */
	STMT_RES_LINES,
	STMT_RES_LINE_SET,
	STMT_RES_SEAT,
	STMT_RES_PUB_LOCK,
	STMT_RES_IMPORT_ADD,
	STMT_RES_UPSERT,
	STMT_RES_MISSING_LINES,
	STMT_RES_TO_DECIDE,
	STMT_RES_SET_PASSED,
	STMT_RES_PUBLISH,
	STMT_RES_REGIONS,
	STMT_RES_REGION_OK,
	STMT_RES_MINE,
	STMT_RES_RECHECK_ADD,
	STMT_RES_RECHECKS,
	STMT_RES_RECHECK_LOCK,
	STMT_RES_RECHECK_ANSWER,
	STMT_RES_RESULT_FIX,
	STMT_MSG_SEND,
	STMT_RES_COUNT,
	STMT_RES_LIST,
	STMT_RES_EXPORT,
	/* end result */
	/* cert: certificates (cert.c), 申领汇总上报 (report.c kind passed) */
	STMT_CT_WIN_PAST,
	STMT_CT_PUB_LOCK,
	STMT_CT_DUE,
	STMT_CT_DUE_COUNT,
	STMT_CT_LAST_SERIAL,
	STMT_CT_INSERT,
	STMT_CT_QUAL_ADD,
	STMT_CT_QUAL_DROP,
	STMT_CT_REVOKE_LOCK,
	STMT_CT_REVOKE,
	STMT_CT_VERIFY,
	STMT_CT_MINE,
	STMT_CT_MY_PASS,
	STMT_CT_REGIONS,
	STMT_CT_COUNT,
	STMT_CT_LIST,
	STMT_CL_COPY,
	STMT_CL_LIVE,
	/* end cert */

	/* ticket: 准考证, 准考证查询, 考生名单 (ticket.c, ticketlist.c, examroster.c) */
	STMT_TK_MINE,
	STMT_TK_PERSON,
	STMT_TK_PHONE,
	STMT_TK_UNLOCK,
	STMT_TK_UNLOCKED,
	STMT_TK_COUNT,
	STMT_TK_LIST,
	STMT_TK_SECTIONS,
	STMT_TK_ROSTER,
	/* end ticket */

	STMT__MAX
};

/* The programs that prepare a statement (the table's progs column). */
#define PROG_WEB	0x1		/* gkbm-web: a row's default */
#define PROG_ADMIN	0x2		/* gkbm-admin */
#define PROG_SMS	0x4		/* gkbm-sms */
#define PROG_PAY	0x8		/* gkbm-pay */

/*
 * A connection and the statements it prepared for its program: one in
 * each gkbm-web worker, one in gkbm-admin and one in gkbm-sms.  db_run()
 * and db_row() take a request (its role is checked against the table);
 * dbh_run() and dbh_row() take the handle, for the programs that have
 * no requests (their statements have no role, only their program).
 */
struct dbh {
	struct st_mysql		*db;
	const struct config	*cfg;		/* to connect again */
	unsigned int		 prog;		/* PROG_* it prepares */
	int			 up;		/* connected, statements ready */
	int			 lazy;		/* prepare each on first use */
	unsigned int		 err;		/* last statement error */
	int			 in_tx;
	int			 ran;		/* succeeded since dbh_fresh() */
	struct pool		*pool;		/* what dbh_row() copies */
	struct st_mysql_stmt	*stmts[STMT__MAX];
};
int		 dbh_open(struct dbh *, const struct config *, unsigned int,
		    int);
void		 dbh_close(struct dbh *);
void		 dbh_fresh(struct dbh *);
int		 dbh_check(struct dbh *);
int		 dbh_run(struct dbh *, enum stmt, ...);
int		 dbh_vrun(struct dbh *, enum stmt, va_list);
int		 dbh_row(struct dbh *, enum stmt, ...);
void		 dbh_done(struct dbh *, enum stmt);
long long	 dbh_insert_id(struct dbh *, enum stmt);
int		 dbh_begin(struct dbh *);
int		 dbh_commit(struct dbh *);
void		 dbh_rollback(struct dbh *);
int		 db_open(struct worker *);
void		 db_close(struct worker *);
int		 db_ready(struct req *);
const char	*db_stmt_sql(enum stmt);
const char	*db_stmt_params(enum stmt);
unsigned int	 db_stmt_roles(enum stmt);
unsigned int	 db_stmt_progs(enum stmt);
int		 db_run(struct req *, enum stmt, ...);
int		 db_row(struct req *, enum stmt, ...);
void		 db_done(struct req *, enum stmt);
long long	 db_insert_id(struct req *, enum stmt);
int		 db_dup(const struct req *);
unsigned int	 db_errno(const struct req *);
int		 db_begin(struct req *);
int		 db_commit(struct req *);
void		 db_rollback(struct req *);

/* audit.c */
int		 audit(struct req *, const char *, const char *, const char *,
		    const char *);

/* smscode.c; the pages state these numbers from here (sms_xml) */
#define SMS_WAIT	60	/* seconds before another code to one phone */
#define SMS_VALID	5	/* minutes a code stays valid */
const char	*sms_issue(struct req *, const char *, const char *);
const char	*sms_check(struct req *, const char *, const char *,
		    const char *, long long *);
int		 sms_use(struct req *, long long);
xmlNodePtr	 sms_xml(xmlNodePtr);
const char	*sms_pretend(struct req *, const char *, const char *);

/* smssend.c */
enum rc		 smssend_form(struct req *, const char *, const char *, int,
		    const char *, const char *);
int		 smssend_queue(struct req *, const char *, const char *);

/* captcha.c */
enum rc		 h_captcha(struct req *);
const char	*captcha_check(struct req *);
void		 captcha_field(struct req *, const char *);

/* worker.c */
struct worker {
	struct config		*cfg;
	int			 listen_fd;
	struct dbh		 dbh;		/* its connection */
	xsltStylesheetPtr	 xsl[ROLE__MAX][PAGE__MAX];
	unsigned long		 served;
};
void		 worker_main(struct config *, int) __attribute__((noreturn));
int		 worker_cgi(struct config *);

/* year.c */
const char	*year_window_name(const char *);
int		 year_window(struct req *, xmlNodePtr, const char *, int *);
const char	*year_window_closed(struct req *, const char *, const char *);
int		 year_list(struct req *, long long, int *);
const char	*year_window_refuse(struct req *, const char *, const char *);

/* regions.c */
int		 regions_load(struct req *);
const char	*regions_name(const char *);
int		 regions_xml(struct req *, xmlNodePtr);

/* regkeep.c: what a refused registration keeps for its retry */
struct regkeep {
	char		 token[TOKEN_LEN + 1];	/* the form's; "" none yet */
	char		 file[65];		/* the ID-card photo; "" none */
	int		 clean;			/* file decoded, re-encoded */
	long long	 sms_id;		/* verified code; 0 none */
	unsigned char	 phone_mac[MAC_LEN];	/* the code's phone */
	char		 pw_hash[PW_HASH_MAX];	/* "" none */
	unsigned char	 pw_for[MAC_LEN];	/* ID number and name */
};
int		 regkeep_load(struct req *, const char *, struct regkeep *);
int		 regkeep_save(struct req *, struct regkeep *);
int		 regkeep_drop(struct req *, struct regkeep *);
int		 regkeep_sweep(struct req *);
int		 regkeep_sms_ok(struct req *, const struct regkeep *);
int		 regkeep_photo_room(struct req *);

/* files.c */
#define FILES_URI	"/protected-files"	/* nginx internal location */
int		 files_store(struct req *, const void *, size_t, char [65]);
void		 files_unlink(struct req *, const char *);
unsigned char	*files_read(struct req *, const char *, size_t, size_t *);

/* account.c: an account found by a login value */
struct who {
	long long	 id;
	char		*role;
	char		*name;
	char		*pw_hash;
	unsigned char	*phone_mac;
	size_t		 phone_mac_len;
	unsigned char	*idno_enc;
	size_t		 idno_enc_len;
};
int		 account_find(struct req *, int, const char *, struct who *,
		    char *, size_t);
void		 account_key(struct req *, int, const char *,
		    unsigned char [MAC_LEN]);

/* handlers: h_*.c */
enum rc		 h_root(struct req *);
enum rc		 h_login(struct req *);
enum rc		 h_login_post(struct req *);
enum rc		 h_logout(struct req *);
enum rc		 h_notice(struct req *);
enum rc		 h_register(struct req *);
enum rc		 h_register_post(struct req *);
enum rc		 h_register_photo(struct req *);
extern const struct fielddef h_register_fields[];
extern const struct fielddef h_register_post_fields[];
extern const struct fielddef h_register_photo_fields[];
enum rc		 h_sms(struct req *);
extern const struct fielddef h_sms_fields[];
enum rc		 h_forgot(struct req *);
enum rc		 h_forgot_post(struct req *);
enum rc		 h_password(struct req *);
enum rc		 h_password_post(struct req *);
extern const struct fielddef h_password_fields[];
extern const struct fielddef h_forgot_fields[];
enum rc		 h_home(struct req *);
enum rc		 h_windows(struct req *);
enum rc		 h_windows_post(struct req *);
extern const struct fielddef h_windows_fields[];
extern const struct fielddef h_year_fields[];
enum rc		 h_registrations(struct req *);
extern const struct fielddef h_registrations_fields[];

/* h_apply.c, h_apply_post.c, h_lookup.c */
enum rc		 h_apply(struct req *);
enum rc		 h_apply_post(struct req *);
extern const struct fielddef appform_fields[];	/* appform.c */
enum rc		 h_lookup_units(struct req *);
enum rc		 h_lookup_worktypes(struct req *);
extern const struct fielddef h_lookup_units_fields[];
extern const struct fielddef h_lookup_worktypes_fields[];

/* h_policy.c */
enum rc		 h_policy(struct req *);
enum rc		 h_policy_post(struct req *);
extern const struct fielddef h_policy_fields[];
int		 policy_load(struct req *, int, struct elig_policy *);

/* h_upload.c */
enum rc		 h_upload_post(struct req *);
enum rc		 h_upload_stamp(struct req *);
enum rc		 h_upload_delete(struct req *);
extern const struct fielddef h_upload_id_fields[];
extern const struct fielddef h_files_fields[];
enum rc		 h_files(struct req *);

/* keep.c */
#define KEEP_MINUTES	30	/* a kept form waits this long for its owner */
int		 keep_put(struct req *, long long);
int		 keep_take(struct req *, struct form *);
int		 keep_pending(const struct req *);
int		 keep_review(const struct req *);
int		 keep_stale(struct req *);

/* h_mobile.c */
enum rc		 h_qr(struct req *);
enum rc		 h_qr_state(struct req *);
extern const struct fielddef h_qr_state_fields[];
enum rc		 h_qr_revoke(struct req *);
enum rc		 h_mobile(struct req *);
extern const struct fielddef h_mobile_fields[];
extern const struct fielddef h_mobile_post_fields[];
enum rc		 h_mobile_post(struct req *);

/* h_otp.c */
enum rc		 h_otp(struct req *);
enum rc		 h_otp_post(struct req *);

/* pending.c: a pending login (the password right, a second factor due) */
#define PENDING_COOKIE	"gkbm_2fa"
enum rc		 pending_begin(struct req *, long long, const unsigned char *);

/* h_help.c, h_phones.c, h_canapply.c: help and public pages */
enum rc		 h_help_candidate(struct req *);
enum rc		 h_help_admin(struct req *);
enum rc		 h_help_rules(struct req *);
enum rc		 h_phones(struct req *);
enum rc		 h_phones_edit(struct req *);
enum rc		 h_phones_post(struct req *);
extern const struct fielddef h_phones_fields[];
enum rc		 h_canapply(struct req *);
extern const struct fielddef h_canapply_fields[];

/* h_status.c */
enum rc		 h_status(struct req *);

/* queue.c: the review queues' counts, who sees an application */
int		 queue_counts(struct req *);
int		 queue_sees(struct req *, long long);
int		 queue_cached(const char *, long long *);
void		 queue_cache(const char *, long long);

/* h_queue.c, h_detail.c: 本级审核中, 本级审核记录, 详情 */
enum rc		 h_review_queue(struct req *);
enum rc		 h_review_records(struct req *);
enum rc		 h_review_app(struct req *);
/* h_query.c, h_stats.c */
enum rc		 h_query(struct req *);
enum rc		 h_query_xlsx(struct req *);
enum rc		 h_stats(struct req *);
enum rc		 h_stats_xlsx(struct req *);
extern const struct fielddef appquery_fields[];	/* appquery.c */
extern const struct fielddef h_stats_fields[];
extern const struct fielddef h_review_queue_fields[];
extern const struct fielddef h_review_records_fields[];
/* h_defer.c, h_notes.c, h_takeover.c, h_staffup.c (issue 11: defer) */
enum rc		 h_defer_list(struct req *);
enum rc		 h_defer_confirm(struct req *);
extern const struct fielddef h_defer_confirm_fields[];
enum rc		 h_defer_recheck(struct req *);
extern const struct fielddef h_defer_recheck_fields[];
enum rc		 h_notes(struct req *);
extern const struct fielddef h_notes_fields[];
enum rc		 h_note_post(struct req *);
extern const struct fielddef h_note_fields[];
enum rc		 h_takeover(struct req *);
enum rc		 h_takeover_post(struct req *);
enum rc		 h_staff_upload_form(struct req *);
enum rc		 h_staff_upload(struct req *);
enum rc		 h_staff_stamp(struct req *);

/* message.c: 站内消息 */
int		 message_list(struct req *);
int		 message_read(struct req *, long long);
int		 message_send(struct req *, long long, long long, const char *,
		    const char *);
enum rc		 h_message_read(struct req *);
extern const struct fielddef h_message_read_fields[];

/* ban.c */
int		 ban_find(struct req *, const unsigned char *, const char **);

/* appprint.c, h_form.c, h_formpdf.c: 报名表 as PDF */
enum rc		 appprint_mine(struct req *);
enum rc		 appprint_staff(struct req *, long long);
enum rc		 h_apply_form(struct req *);
enum rc		 h_review_form(struct req *);
extern const struct fielddef h_review_form_fields[];

/* h_roster.c, h_report.c: 名册打印, 汇总上报 */
enum rc		 h_roster(struct req *);
enum rc		 h_roster_pdf(struct req *);
enum rc		 h_roster_xlsx(struct req *);
extern const struct fielddef h_roster_fields[];
enum rc		 h_report(struct req *);
enum rc		 h_report_submit(struct req *);
enum rc		 h_report_reopen(struct req *);
enum rc		 h_report_pdf(struct req *);
enum rc		 h_report_xlsx(struct req *);
extern const struct fielddef h_report_fields[];
extern const struct fielddef h_report_submit_fields[];
extern const struct fielddef h_report_reopen_fields[];

/* h_decide.c, h_batch.c: the review's decisions */
enum rc		 h_review_decide(struct req *);
enum rc		 h_review_false(struct req *);
enum rc		 h_review_batch(struct req *);
extern const struct fielddef h_review_decide_fields[];
extern const struct fielddef h_review_false_fields[];
extern const struct fielddef h_review_batch_fields[];
/* h_pay.c, h_payoffice.c, h_payrecon.c: payment pages (issue 9) */
enum rc		 h_pay(struct req *);
enum rc		 h_pay_confirm(struct req *);
enum rc		 h_pay_order(struct req *);
enum rc		 h_pay_return(struct req *);
extern const struct fielddef h_pay_fields[];
enum rc		 h_paydue(struct req *);
enum rc		 h_payorders(struct req *);
enum rc		 h_payqr(struct req *);
enum rc		 h_paystats(struct req *);
enum rc		 h_paystats_xlsx(struct req *);
enum rc		 h_paycases(struct req *);
enum rc		 h_paycase_post(struct req *);
enum rc		 h_payrecon(struct req *);
enum rc		 h_payrecon_post(struct req *);
extern const struct fielddef h_paylist_fields[];
extern const struct fielddef h_paystats_fields[];
extern const struct fielddef h_paycase_fields[];
extern const struct fielddef h_payrecon_fields[];

/* h_units.c, h_unitimport.c, h_users.c: 系统管理 (issue 8 §1) */
enum rc		 h_units(struct req *);
enum rc		 h_unit(struct req *);
enum rc		 h_unit_new_form(struct req *);
enum rc		 h_unit_new(struct req *);
enum rc		 h_unit_edit(struct req *);
enum rc		 h_unit_move(struct req *);
enum rc		 h_unit_admin(struct req *);
enum rc		 h_unit_remove(struct req *);
extern const struct fielddef h_units_fields[];
extern const struct fielddef h_unit_fields[];
extern const struct fielddef h_unit_new_fields[];
extern const struct fielddef h_unit_edit_fields[];
extern const struct fielddef h_unit_move_fields[];
extern const struct fielddef h_unit_admin_fields[];
extern const struct fielddef h_unit_remove_fields[];
enum rc		 h_unit_import_form(struct req *);
enum rc		 h_unit_import(struct req *);
enum rc		 h_unit_template(struct req *);
enum rc		 h_users(struct req *);
enum rc		 h_user(struct req *);
enum rc		 h_user_edit(struct req *);
enum rc		 h_user_act(struct req *);
enum rc		 h_reviewers(struct req *);
enum rc		 h_reviewer_new(struct req *);
extern const struct fielddef h_users_fields[];
extern const struct fielddef h_user_fields[];
extern const struct fielddef h_user_edit_fields[];
extern const struct fielddef h_user_act_fields[];
extern const struct fielddef h_reviewer_new_fields[];

/* h_unitcheck.c, h_entry.c, h_revoke.c (issue 8: 单位名称核对, 补报, 撤销注册) */
enum rc		 h_unitcheck(struct req *);
enum rc		 h_unitcheck_name(struct req *);
enum rc		 h_unitcheck_confirm(struct req *);
extern const struct fielddef h_unitcheck_fields[];
extern const struct fielddef h_unitcheck_name_fields[];
extern const struct fielddef h_unitcheck_confirm_fields[];
enum rc		 h_entry(struct req *);
enum rc		 h_entry_post(struct req *);
extern const struct fielddef h_entry_fields[];
extern const struct fielddef h_entry_post_fields[];
enum rc		 h_revoke(struct req *);
enum rc		 h_revoke_post(struct req *);
extern const struct fielddef h_revoke_post_fields[];
/* plan: h_examplan.c, h_allocate.c (考务管理) */
enum rc		 h_exam_sites(struct req *);
enum rc		 h_exam_site(struct req *);
enum rc		 h_exam_room(struct req *);
enum rc		 h_exam_sessions(struct req *);
enum rc		 h_exam_session(struct req *);
enum rc		 h_exam_allocate(struct req *);
enum rc		 h_exam_allocate_post(struct req *);
extern const struct fielddef h_exam_site_fields[];
extern const struct fielddef h_exam_room_fields[];
extern const struct fielddef h_exam_session_fields[];

/* result: h_results.c, h_reslines.c, h_resimport.c, h_rechecks.c,
 * h_result.c (考核结果, issue 10 §5) */
enum rc		 h_results(struct req *);
enum rc		 h_results_xlsx(struct req *);
extern const struct fielddef h_results_fields[];
enum rc		 h_reslines(struct req *);
enum rc		 h_reslines_post(struct req *);
extern const struct fielddef h_reslines_fields[];
enum rc		 h_resimport_form(struct req *);
enum rc		 h_resimport(struct req *);
enum rc		 h_resimport_template(struct req *);
enum rc		 h_respublish(struct req *);
extern const struct fielddef h_respublish_fields[];
enum rc		 h_rechecks(struct req *);
enum rc		 h_rechecks_post(struct req *);
extern const struct fielddef h_rechecks_fields[];
extern const struct fielddef h_rechecks_post_fields[];
enum rc		 h_result(struct req *);
enum rc		 h_result_recheck(struct req *);
extern const struct fielddef h_result_recheck_fields[];

/* cert: h_cert.c, h_verify.c, h_certs.c (电子证书), h_report.c (申领汇总上报) */
enum rc		 h_cert(struct req *);
enum rc		 h_cert_pdf(struct req *);
enum rc		 h_verify(struct req *);
enum rc		 h_certs(struct req *);
enum rc		 h_certs_issue(struct req *);
enum rc		 h_certs_revoke(struct req *);
extern const struct fielddef h_certs_fields[];
extern const struct fielddef h_certs_issue_fields[];
extern const struct fielddef h_certs_revoke_fields[];
enum rc		 h_claim(struct req *);
enum rc		 h_claim_submit(struct req *);
enum rc		 h_claim_reopen(struct req *);
enum rc		 h_claim_pdf(struct req *);
enum rc		 h_claim_xlsx(struct req *);
/* ticket: h_ticket.c, h_tickets.c, h_examroster.c (准考证, 准考证查询, 考生名单) */
enum rc		 h_ticket(struct req *);
enum rc		 h_ticket_post(struct req *);
enum rc		 h_ticket_pdf(struct req *);
extern const struct fielddef h_ticket_fields[];
enum rc		 h_tickets(struct req *);
enum rc		 h_tickets_pdf(struct req *);
extern const struct fielddef h_tickets_fields[];
enum rc		 h_examroster(struct req *);
enum rc		 h_examroster_pdf(struct req *);
extern const struct fielddef h_examroster_fields[];
#endif /* WEB_H */
