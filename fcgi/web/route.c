/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* route.c: the route table, page and role names */

#include <string.h>

#include "web.h"

const char *const page_names[PAGE__MAX] = {
	"login",		/* PAGE_LOGIN */
	"notice",		/* PAGE_NOTICE */
	"register",		/* PAGE_REGISTER */
	"forgot",		/* PAGE_FORGOT */
	"password",		/* PAGE_PASSWORD */
	"home",			/* PAGE_HOME */
	"windows",		/* PAGE_WINDOWS */
	"registrations",	/* PAGE_REGISTRATIONS */
	"error",		/* PAGE_ERROR */
	"sms",			/* PAGE_SMS */
	"apply",		/* PAGE_APPLY */
	"units",		/* PAGE_UNITS */
	"worktypes",		/* PAGE_WORKTYPES */
	"policy",		/* PAGE_POLICY */
	"upload",		/* PAGE_UPLOAD */
	"qr",			/* PAGE_QR */
	"mobile",		/* PAGE_MOBILE */
	"status",		/* PAGE_STATUS */
	"otp",			/* PAGE_OTP */
	"manual",		/* PAGE_MANUAL */
	"rules",		/* PAGE_RULES */
	"phones",		/* PAGE_PHONES */
	"phoneedit",		/* PAGE_PHONEEDIT */
	"canapply",		/* PAGE_CANAPPLY */
	"queue",		/* PAGE_QUEUE */
	"records",		/* PAGE_RECORDS */
	"reviewapp",		/* PAGE_REVIEWAPP */
	"deferred",		/* PAGE_DEFERRED */
	"notes",		/* PAGE_NOTES */
	"takeover",		/* PAGE_TAKEOVER */
	"staffupload",		/* PAGE_STAFFUP */
	"decide",		/* PAGE_DECIDE */
	"pay",			/* PAGE_PAY */
	"paygo",		/* PAGE_PAYGO */
	"paydue",		/* PAGE_PAYDUE */
	"payorders",		/* PAGE_PAYORDERS */
	"payqr",		/* PAGE_PAYQR */
	"paystats",		/* PAGE_PAYSTATS */
	"paycases",		/* PAGE_PAYCASES */
	"payrecon",		/* PAGE_PAYRECON */
	"query",		/* PAGE_QUERY */
	"stats",		/* PAGE_STATS */
	"roster",		/* PAGE_ROSTER */
	"report",		/* PAGE_REPORT */
	"sysunits",		/* PAGE_SYSUNITS */
	"sysunit",		/* PAGE_SYSUNIT */
	"sysusers",		/* PAGE_SYSUSERS */
	"sysuser",		/* PAGE_SYSUSER */
	"unitimport",		/* PAGE_UNITIMPORT */
	"unitcheck",		/* PAGE_UNITCHECK */
	"entry",		/* PAGE_ENTRY */
	"revoke",		/* PAGE_REVOKE */
	"examsites",		/* PAGE_EXAMSITES */
	"examsessions",		/* PAGE_EXAMSESSIONS */
	"examallocate",		/* PAGE_EXAMALLOC */
	"results",		/* PAGE_RESULTS */
	"reslines",		/* PAGE_RESLINES */
	"resimport",		/* PAGE_RESIMPORT */
	"rechecks",		/* PAGE_RECHECKS */
	"result",		/* PAGE_RESULT */
	"cert",			/* PAGE_CERT */
	"verify",		/* PAGE_VERIFY */
	"certs",		/* PAGE_CERTS */
	"claim",		/* PAGE_CLAIM */
	/* ticket */
	"ticket",		/* PAGE_TICKET */
	"tickets",		/* PAGE_TICKETS */
	"examroster",		/* PAGE_EXAMROSTER */
};

/* As in the accounts.role column and the xsl/ directories. */
const char *const role_names[ROLE__MAX] = {
	"anon",			/* ROLE_ANON */
	"candidate",		/* ROLE_CANDIDATE */
	"unit",			/* ROLE_UNIT */
	"reviewer",		/* ROLE_REVIEWER */
	"supervising",		/* ROLE_SUPERVISING */
	"county",		/* ROLE_COUNTY */
	"city",			/* ROLE_CITY */
	"province",		/* ROLE_PROVINCE */
};

const char *const role_labels[ROLE__MAX] = {
	"访客",			/* ROLE_ANON */
	"报考人员",		/* ROLE_CANDIDATE */
	"单位管理员",		/* ROLE_UNIT */
	"审核员",		/* ROLE_REVIEWER */
	"主管单位管理员",	/* ROLE_SUPERVISING */
	"县区工考办",		/* ROLE_COUNTY */
	"市工考办",		/* ROLE_CITY */
	"省工考办",		/* ROLE_PROVINCE */
};

/*
 * Every URL of gkbm-web.  A route with roles 0 is unreachable (default
 * deny); every POST route is checked for the CSRF token before its
 * handler runs (auth.c).
 */
static const struct route routes[] = {
	/* method path                 page                roles      flags        handler, fields */
	{ M_GET,  "/",                 PAGE_LOGIN,         RS_ANY,    0,           h_root, NULL },
	{ M_GET,  "/login",            PAGE_LOGIN,         RS_ANY,    0,           h_login, NULL },
	{ M_POST, "/login",            PAGE_LOGIN,         RS_ANY,    0,           h_login_post, NULL },
	{ M_GET,  "/login/otp",        PAGE_OTP,           RS_ANY,    0,           h_otp, NULL },
	{ M_POST, "/login/otp",        PAGE_OTP,           RS_ANY,    0,           h_otp_post, NULL },
	{ M_POST, "/logout",           PAGE_LOGIN,         RS_ANY,    0,           h_logout, NULL },
	{ M_GET,  "/register/notice",  PAGE_NOTICE,        RS_ANY,    0,           h_notice, NULL },
	{ M_GET,  "/register",         PAGE_REGISTER,      RS_ANY,    R_INPAGE,    h_register, h_register_fields },
	{ M_POST, "/register",         PAGE_REGISTER,      RS_ANY,    R_MULTIPART, h_register_post, h_register_post_fields },
	{ M_GET,  "/register/photo",   PAGE_REGISTER,      RS_ANY,    R_INPAGE,    h_register_photo, h_register_photo_fields },
	{ M_POST, "/sms",              PAGE_SMS,           RS_ANY,    0,           h_sms, h_sms_fields },
	{ M_GET,  "/captcha",          PAGE_SMS,           RS_ANY,    0,           h_captcha, NULL },
	{ M_GET,  "/password/forgot",  PAGE_FORGOT,        RS_ANY,    0,           h_forgot, NULL },
	{ M_POST, "/password/forgot",  PAGE_FORGOT,        RS_ANY,    0,           h_forgot_post, h_forgot_fields },
	{ M_GET,  "/password",         PAGE_PASSWORD,      RS_USER,   R_LOGIN,     h_password, NULL },
	{ M_POST, "/password",         PAGE_PASSWORD,      RS_USER,   R_LOGIN,     h_password_post, h_password_fields },
	{ M_GET,  "/home",             PAGE_HOME,          RS_USER,   R_LOGIN,     h_home, NULL },
	{ M_GET,  "/admin/windows",    PAGE_WINDOWS,       RB(ROLE_PROVINCE), R_LOGIN, h_windows, h_year_fields },
	{ M_POST, "/admin/windows",    PAGE_WINDOWS,       RB(ROLE_PROVINCE), R_LOGIN, h_windows_post, h_windows_fields },
	{ M_GET,  "/admin/registrations", PAGE_REGISTRATIONS, RS_OFFICE, R_LOGIN | R_INPAGE, h_registrations, h_registrations_fields },
	/* 报名信息查询 and 信息统计 (h_query.c, h_stats.c): every admin, its subtree. */
	{ M_GET,  "/admin/query",      PAGE_QUERY,         RS_QUERY,  R_LOGIN | R_INPAGE, h_query, appquery_fields },
	{ M_GET,  "/admin/query.xlsx", PAGE_QUERY,         RS_QUERY,  R_LOGIN,     h_query_xlsx, appquery_fields },
	{ M_GET,  "/admin/stats",      PAGE_STATS,         RS_QUERY,  R_LOGIN | R_INPAGE, h_stats, h_stats_fields },
	{ M_GET,  "/admin/stats.xlsx", PAGE_STATS,         RS_QUERY,  R_LOGIN,     h_stats_xlsx, h_stats_fields },
	/* The application (h_apply.c, h_lookup.c). */
	{ M_GET,  "/apply",            PAGE_APPLY,         RB(ROLE_CANDIDATE), R_LOGIN, h_apply, NULL },
	{ M_POST, "/apply",            PAGE_APPLY,         RB(ROLE_CANDIDATE), R_LOGIN | R_MULTIPART | R_KEEP, h_apply_post, appform_fields },
	{ M_GET,  "/lookup/units",     PAGE_UNITS,         RS_USER,   R_LOGIN,     h_lookup_units, h_lookup_units_fields },
	{ M_GET,  "/lookup/worktypes", PAGE_WORKTYPES,     RS_USER,   R_LOGIN,     h_lookup_worktypes, h_lookup_worktypes_fields },
	/* The yearly policy (h_policy.c). */
	{ M_GET,  "/admin/policy",     PAGE_POLICY,        RB(ROLE_PROVINCE), R_LOGIN, h_policy, h_year_fields },
	{ M_POST, "/admin/policy",     PAGE_POLICY,        RB(ROLE_PROVINCE), R_LOGIN, h_policy_post, h_policy_fields },
	/* Photos, materials, files, mobile upload (h_upload.c). */
	{ M_POST, "/apply/upload",     PAGE_UPLOAD,        RB(ROLE_CANDIDATE), R_LOGIN | R_MULTIPART | R_KEEP, h_upload_post, NULL },
	{ M_POST, "/apply/stamp",      PAGE_UPLOAD,        RB(ROLE_CANDIDATE), R_LOGIN | R_MULTIPART | R_KEEP, h_upload_stamp, NULL },
	{ M_POST, "/apply/delete",     PAGE_UPLOAD,        RB(ROLE_CANDIDATE), R_LOGIN | R_MULTIPART | R_KEEP, h_upload_delete, h_upload_id_fields },
	{ M_GET,  "/apply/qr",         PAGE_QR,            RB(ROLE_CANDIDATE), R_LOGIN | R_INPAGE, h_qr_state, h_qr_state_fields },
	{ M_POST, "/apply/qr",         PAGE_QR,            RB(ROLE_CANDIDATE), R_LOGIN | R_MULTIPART | R_KEEP, h_qr, NULL },
	{ M_POST, "/apply/qr/revoke",  PAGE_QR,            RB(ROLE_CANDIDATE), R_LOGIN, h_qr_revoke, NULL },
	{ M_GET,  "/files",            PAGE_UPLOAD,        RS_USER,   R_LOGIN | R_INPAGE, h_files, h_files_fields },
	{ M_GET,  "/m",                PAGE_MOBILE,        RS_ANY,    R_INPAGE,    h_mobile, h_mobile_fields },
	{ M_POST, "/m",                PAGE_MOBILE,        RS_ANY,    R_MULTIPART, h_mobile_post, h_mobile_post_fields },
	/* The status page (h_status.c). */
	{ M_GET,  "/status",           PAGE_STATUS,        RB(ROLE_CANDIDATE), R_LOGIN, h_status, NULL },
	/* Help and public pages (h_help.c, h_phones.c, h_canapply.c). */
	{ M_GET,  "/help/candidate",   PAGE_MANUAL,        RS_ANY,    0,           h_help_candidate, NULL },
	{ M_GET,  "/help/admin",       PAGE_MANUAL,        RS_ANY,    0,           h_help_admin, NULL },
	{ M_GET,  "/help/policy",      PAGE_RULES,         RS_ANY,    0,           h_help_rules, NULL },
	{ M_GET,  "/help/phones",      PAGE_PHONES,        RS_ANY,    0,           h_phones, NULL },
	{ M_GET,  "/admin/phones",     PAGE_PHONEEDIT,     RS_OFFICE, R_LOGIN,     h_phones_edit, NULL },
	{ M_POST, "/admin/phones",     PAGE_PHONEEDIT,     RS_OFFICE, R_LOGIN,     h_phones_post, h_phones_fields },
	{ M_GET,  "/canapply",         PAGE_CANAPPLY,      RS_ANY,    R_INPAGE,    h_canapply, h_canapply_fields },
	/* Review: queues, records, 详情 (h_queue.c, h_detail.c). */
	{ M_GET,  "/review/queue",     PAGE_QUEUE,         RS_STAFF,  R_LOGIN,     h_review_queue, h_review_queue_fields },
	{ M_GET,  "/review/records",   PAGE_RECORDS,       RS_STAFF,  R_LOGIN,     h_review_records, h_review_records_fields },
	{ M_GET,  "/review/app",       PAGE_REVIEWAPP,     RS_STAFF,  R_LOGIN,     h_review_app, NULL },
	/* 容缺后补, notes, 已承接, staff uploads (h_defer.c, h_notes.c, h_takeover.c, h_staffup.c). */
	{ M_GET,  "/review/deferred",  PAGE_DEFERRED,      RS_STAFF,  R_LOGIN,     h_defer_list, NULL },
	{ M_POST, "/review/deferred/confirm", PAGE_DEFERRED, RS_STAFF, R_LOGIN,    h_defer_confirm, h_defer_confirm_fields },
	{ M_POST, "/review/deferred/recheck", PAGE_DEFERRED, RS_STAFF, R_LOGIN,    h_defer_recheck, h_defer_recheck_fields },
	{ M_GET,  "/review/notes",     PAGE_NOTES,         RS_STAFF,  R_LOGIN,     h_notes, h_notes_fields },
	{ M_POST, "/review/note",      PAGE_NOTES,         RS_STAFF,  R_LOGIN,     h_note_post, h_note_fields },
	{ M_GET,  "/review/takeover",  PAGE_TAKEOVER,      RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_takeover, NULL },
	{ M_POST, "/review/takeover",  PAGE_TAKEOVER,      RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_takeover_post, NULL },
	{ M_GET,  "/review/upload",    PAGE_STAFFUP,       RS_STAFF,  R_LOGIN,     h_staff_upload_form, NULL },
	{ M_POST, "/review/upload",    PAGE_STAFFUP,       RS_STAFF,  R_LOGIN | R_MULTIPART, h_staff_upload, NULL },
	{ M_POST, "/review/stamp",     PAGE_STAFFUP,       RS_STAFF,  R_LOGIN,     h_staff_stamp, NULL },
	/* the review's decisions (h_decide.c, h_batch.c) */
	{ M_POST, "/review/decide",    PAGE_DECIDE,        RS_STAFF,  R_LOGIN | R_KEEP, h_review_decide, h_review_decide_fields },
	{ M_POST, "/review/batch",     PAGE_DECIDE,        RS_STAFF,  R_LOGIN,     h_review_batch, h_review_batch_fields },
	{ M_POST, "/messages/read",    PAGE_HOME,          RB(ROLE_CANDIDATE), R_LOGIN, h_message_read, h_message_read_fields },
	/* 打印报名表 (appprint.c) */
	{ M_GET,  "/apply/form.pdf",   PAGE_STATUS,        RB(ROLE_CANDIDATE), R_LOGIN, h_apply_form, NULL },
	{ M_GET,  "/review/form.pdf",  PAGE_REVIEWAPP,     RS_STAFF,  R_LOGIN,     h_review_form, h_review_form_fields },
	/* 名册打印 (h_roster.c, roster.c) */
	{ M_GET,  "/admin/roster",     PAGE_ROSTER,        RS_QUERY, R_LOGIN | R_INPAGE, h_roster, h_roster_fields },
	{ M_GET,  "/admin/roster.pdf", PAGE_ROSTER,        RS_QUERY, R_LOGIN, h_roster_pdf, h_roster_fields },
	{ M_GET,  "/admin/roster.xlsx", PAGE_ROSTER,       RS_QUERY, R_LOGIN, h_roster_xlsx, h_roster_fields },
	/* 汇总上报 (h_report.c, report.c) */
	{ M_GET,  "/admin/report",     PAGE_REPORT,        RB(ROLE_CITY) | RB(ROLE_SUPERVISING) | RB(ROLE_PROVINCE), R_LOGIN | R_INPAGE, h_report, h_report_fields },
	{ M_POST, "/admin/report",     PAGE_REPORT,        RB(ROLE_CITY) | RB(ROLE_SUPERVISING), R_LOGIN | R_INPAGE, h_report_submit, h_report_submit_fields },
	{ M_POST, "/admin/report/reopen", PAGE_REPORT,     RB(ROLE_PROVINCE), R_LOGIN | R_INPAGE, h_report_reopen, h_report_reopen_fields },
	{ M_GET,  "/admin/report.pdf", PAGE_REPORT,        RB(ROLE_CITY) | RB(ROLE_SUPERVISING) | RB(ROLE_PROVINCE), R_LOGIN, h_report_pdf, h_report_fields },
	{ M_GET,  "/admin/report.xlsx", PAGE_REPORT,       RB(ROLE_CITY) | RB(ROLE_SUPERVISING) | RB(ROLE_PROVINCE), R_LOGIN, h_report_xlsx, h_report_fields },
	/* 系统管理 (h_units.c, h_unitimport.c, h_users.c). */
	{ M_GET,  "/admin/units",      PAGE_SYSUNITS,      RS_SYSADM, R_LOGIN | R_INPAGE, h_units, h_units_fields },
	{ M_GET,  "/admin/units/new",  PAGE_SYSUNIT,       RS_SYSADM, R_LOGIN,     h_unit_new_form, NULL },
	{ M_POST, "/admin/units/new",  PAGE_SYSUNIT,       RS_SYSADM, R_LOGIN,     h_unit_new, h_unit_new_fields },
	{ M_GET,  "/admin/units/edit", PAGE_SYSUNIT,       RS_SYSADM, R_LOGIN,     h_unit, h_unit_fields },
	{ M_POST, "/admin/units/edit", PAGE_SYSUNIT,       RS_SYSADM, R_LOGIN,     h_unit_edit, h_unit_edit_fields },
	{ M_POST, "/admin/units/move", PAGE_SYSUNIT,       RS_SYSADM, R_LOGIN,     h_unit_move, h_unit_move_fields },
	{ M_POST, "/admin/units/admin", PAGE_SYSUNIT,      RS_SYSADM, R_LOGIN,     h_unit_admin, h_unit_admin_fields },
	{ M_POST, "/admin/units/remove", PAGE_SYSUNIT,     RS_SYSADM, R_LOGIN,     h_unit_remove, h_unit_remove_fields },
	{ M_GET,  "/admin/units/import", PAGE_UNITIMPORT,  RS_SYSADM, R_LOGIN,     h_unit_import_form, NULL },
	{ M_POST, "/admin/units/import", PAGE_UNITIMPORT,  RS_SYSADM, R_LOGIN | R_MULTIPART, h_unit_import, NULL },
	{ M_GET,  "/admin/units/import/template", PAGE_UNITIMPORT, RS_SYSADM, R_LOGIN, h_unit_template, NULL },
	{ M_GET,  "/admin/users",      PAGE_SYSUSERS,      RS_SYSADM, R_LOGIN | R_INPAGE, h_users, h_users_fields },
	{ M_GET,  "/admin/users/edit", PAGE_SYSUSER,       RS_SYSADM, R_LOGIN,     h_user, h_user_fields },
	{ M_POST, "/admin/users/edit", PAGE_SYSUSER,       RS_SYSADM, R_LOGIN,     h_user_edit, h_user_edit_fields },
	{ M_POST, "/admin/users/act",  PAGE_SYSUSER,       RS_SYSADM, R_LOGIN,     h_user_act, h_user_act_fields },
	{ M_GET,  "/admin/reviewers",  PAGE_SYSUSERS,      RS_SYSADM, R_LOGIN,     h_reviewers, NULL },
	{ M_POST, "/admin/reviewers",  PAGE_SYSUSERS,      RS_SYSADM, R_LOGIN,     h_reviewer_new, h_reviewer_new_fields },
	{ M_POST, "/review/false",     PAGE_DECIDE,        RS_OFFICE | RB(ROLE_REVIEWER), R_LOGIN, h_review_false, h_review_false_fields },
	/* Payment: the candidate's (h_pay.c), the offices' (h_payoffice.c, h_payrecon.c). */
	{ M_GET,  "/pay",              PAGE_PAY,           RB(ROLE_CANDIDATE), R_LOGIN, h_pay, NULL },
	{ M_POST, "/pay/confirm",      PAGE_PAY,           RB(ROLE_CANDIDATE), R_LOGIN, h_pay_confirm, h_pay_fields },
	{ M_POST, "/pay/order",        PAGE_PAYGO,         RB(ROLE_CANDIDATE), R_LOGIN, h_pay_order, h_pay_fields },
	{ M_GET,  "/pay/return",       PAGE_PAY,           RB(ROLE_CANDIDATE), R_LOGIN, h_pay_return, NULL },
	{ M_GET,  "/admin/pay/due",    PAGE_PAYDUE,        RS_OFFICE, R_LOGIN | R_INPAGE, h_paydue, h_paylist_fields },
	{ M_GET,  "/admin/pay/orders", PAGE_PAYORDERS,     RS_OFFICE, R_LOGIN | R_INPAGE, h_payorders, h_paylist_fields },
	{ M_GET,  "/admin/pay/qr",     PAGE_PAYQR,         RS_OFFICE, R_LOGIN,     h_payqr, NULL },
	{ M_GET,  "/admin/pay/stats",  PAGE_PAYSTATS,      RS_OFFICE, R_LOGIN | R_INPAGE, h_paystats, h_paystats_fields },
	{ M_GET,  "/admin/pay/stats.xlsx", PAGE_PAYSTATS,  RS_OFFICE, R_LOGIN,     h_paystats_xlsx, NULL },
	{ M_GET,  "/admin/pay/cases",  PAGE_PAYCASES,      RS_OFFICE, R_LOGIN,     h_paycases, NULL },
	{ M_POST, "/admin/pay/cases",  PAGE_PAYCASES,      RS_OFFICE, R_LOGIN,     h_paycase_post, h_paycase_fields },
	{ M_GET,  "/admin/pay/reconcile", PAGE_PAYRECON,   RB(ROLE_PROVINCE), R_LOGIN, h_payrecon, NULL },
	{ M_POST, "/admin/pay/reconcile", PAGE_PAYRECON,   RB(ROLE_PROVINCE), R_LOGIN, h_payrecon_post, h_payrecon_fields },
	/* 单位名称核对, 补报 and 破格/一线, 撤销注册 (h_unitcheck.c, h_entry.c, h_revoke.c). */
	{ M_GET,  "/admin/unitcheck",  PAGE_UNITCHECK,     RS_OFFICE | RB(ROLE_SUPERVISING), R_LOGIN, h_unitcheck, h_unitcheck_fields },
	{ M_POST, "/admin/unitcheck/name", PAGE_UNITCHECK, RB(ROLE_SUPERVISING), R_LOGIN, h_unitcheck_name, h_unitcheck_name_fields },
	{ M_POST, "/admin/unitcheck/confirm", PAGE_UNITCHECK, RB(ROLE_SUPERVISING), R_LOGIN, h_unitcheck_confirm, h_unitcheck_confirm_fields },
	{ M_GET,  "/admin/entry",      PAGE_ENTRY,         RS_OFFICE, R_LOGIN,     h_entry, h_entry_fields },
	{ M_POST, "/admin/entry",      PAGE_ENTRY,         RS_OFFICE, R_LOGIN | R_MULTIPART, h_entry_post, h_entry_post_fields },
	{ M_GET,  "/admin/revoke",     PAGE_REVOKE,        RS_OFFICE, R_LOGIN,     h_revoke, NULL },
	{ M_POST, "/admin/revoke",     PAGE_REVOKE,        RS_OFFICE, R_LOGIN,     h_revoke_post, h_revoke_post_fields },
	/* plan: 考务管理, the exam plan of a city or the province's 省直 region (h_examplan.c, h_allocate.c). */
	{ M_GET,  "/admin/exam/sites", PAGE_EXAMSITES,     RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_exam_sites, NULL },
	{ M_POST, "/admin/exam/site",  PAGE_EXAMSITES,     RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_exam_site, h_exam_site_fields },
	{ M_POST, "/admin/exam/room",  PAGE_EXAMSITES,     RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_exam_room, h_exam_room_fields },
	{ M_GET,  "/admin/exam/sessions", PAGE_EXAMSESSIONS, RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_exam_sessions, NULL },
	{ M_POST, "/admin/exam/session", PAGE_EXAMSESSIONS, RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_exam_session, h_exam_session_fields },
	{ M_GET,  "/admin/exam/allocate", PAGE_EXAMALLOC,  RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_exam_allocate, NULL },
	{ M_POST, "/admin/exam/allocate", PAGE_EXAMALLOC,  RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_exam_allocate_post, NULL },
	/* result: 考核结果 (h_results.c, h_reslines.c, h_resimport.c,
	 * h_rechecks.c; the candidate's h_result.c).  Import and publish:
	 * the city for its region, the province for any. */
	{ M_GET,  "/admin/results",    PAGE_RESULTS,       RS_OFFICE, R_LOGIN | R_INPAGE, h_results, h_results_fields },
	{ M_GET,  "/admin/results.xlsx", PAGE_RESULTS,     RS_OFFICE, R_LOGIN,     h_results_xlsx, h_results_fields },
	{ M_GET,  "/admin/results/lines", PAGE_RESLINES,   RS_OFFICE, R_LOGIN,     h_reslines, NULL },
	{ M_POST, "/admin/results/lines", PAGE_RESLINES,   RB(ROLE_PROVINCE), R_LOGIN, h_reslines_post, h_reslines_fields },
	{ M_GET,  "/admin/results/import", PAGE_RESIMPORT, RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_resimport_form, NULL },
	{ M_POST, "/admin/results/import", PAGE_RESIMPORT, RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN | R_MULTIPART, h_resimport, NULL },
	{ M_GET,  "/admin/results/import/template", PAGE_RESIMPORT, RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_resimport_template, NULL },
	{ M_POST, "/admin/results/publish", PAGE_RESIMPORT, RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_respublish, h_respublish_fields },
	{ M_GET,  "/admin/rechecks",   PAGE_RECHECKS,      RS_OFFICE, R_LOGIN,     h_rechecks, h_rechecks_fields },
	{ M_POST, "/admin/rechecks",   PAGE_RECHECKS,      RS_OFFICE, R_LOGIN,     h_rechecks_post, h_rechecks_post_fields },
	{ M_GET,  "/result",           PAGE_RESULT,        RB(ROLE_CANDIDATE), R_LOGIN, h_result, NULL },
	{ M_POST, "/result/recheck",   PAGE_RESULT,        RB(ROLE_CANDIDATE), R_LOGIN, h_result_recheck, h_result_recheck_fields },
	/* cert: 电子证书 and its public check (h_cert.c, h_verify.c), 证书管理
	 * (h_certs.c), 申领汇总上报 (h_report.c, report.c of kind passed). */
	{ M_GET,  "/cert",             PAGE_CERT,          RB(ROLE_CANDIDATE), R_LOGIN, h_cert, NULL },
	{ M_GET,  "/cert.pdf",         PAGE_CERT,          RB(ROLE_CANDIDATE), R_LOGIN, h_cert_pdf, NULL },
	{ M_GET,  "/verify/",          PAGE_VERIFY,        RS_ANY,    R_PREFIX,    h_verify, NULL },
	{ M_GET,  "/admin/certs",      PAGE_CERTS,         RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN | R_INPAGE, h_certs, h_certs_fields },
	{ M_POST, "/admin/certs/issue", PAGE_CERTS,        RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN | R_INPAGE, h_certs_issue, h_certs_issue_fields },
	{ M_POST, "/admin/certs/revoke", PAGE_CERTS,       RB(ROLE_PROVINCE), R_LOGIN | R_INPAGE, h_certs_revoke, h_certs_revoke_fields },
	{ M_GET,  "/admin/claim",      PAGE_CLAIM,         RB(ROLE_CITY) | RB(ROLE_SUPERVISING) | RB(ROLE_PROVINCE), R_LOGIN | R_INPAGE, h_claim, h_report_fields },
	{ M_POST, "/admin/claim",      PAGE_CLAIM,         RB(ROLE_CITY) | RB(ROLE_SUPERVISING), R_LOGIN | R_INPAGE, h_claim_submit, h_report_submit_fields },
	{ M_POST, "/admin/claim/reopen", PAGE_CLAIM,       RB(ROLE_PROVINCE), R_LOGIN | R_INPAGE, h_claim_reopen, h_report_reopen_fields },
	{ M_GET,  "/admin/claim.pdf",  PAGE_CLAIM,         RB(ROLE_CITY) | RB(ROLE_SUPERVISING) | RB(ROLE_PROVINCE), R_LOGIN, h_claim_pdf, h_report_fields },
	{ M_GET,  "/admin/claim.xlsx", PAGE_CLAIM,         RB(ROLE_CITY) | RB(ROLE_SUPERVISING) | RB(ROLE_PROVINCE), R_LOGIN, h_claim_xlsx, h_report_fields },
	/* ticket: 准考证打印, 准考证查询, 考生名单 (h_ticket.c, h_tickets.c, h_examroster.c) */
	{ M_GET,  "/ticket",           PAGE_TICKET,        RB(ROLE_CANDIDATE), R_LOGIN, h_ticket, NULL },
	{ M_POST, "/ticket",           PAGE_TICKET,        RB(ROLE_CANDIDATE), R_LOGIN, h_ticket_post, h_ticket_fields },
	{ M_GET,  "/ticket.pdf",       PAGE_TICKET,        RB(ROLE_CANDIDATE), R_LOGIN, h_ticket_pdf, NULL },
	{ M_GET,  "/admin/tickets",    PAGE_TICKETS,       RS_QUERY,  R_LOGIN | R_INPAGE, h_tickets, h_tickets_fields },
	{ M_GET,  "/admin/tickets.pdf", PAGE_TICKETS,      RS_QUERY,  R_LOGIN,     h_tickets_pdf, h_tickets_fields },
	{ M_GET,  "/admin/exam/roster", PAGE_EXAMROSTER,   RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN | R_INPAGE, h_examroster, h_examroster_fields },
	{ M_GET,  "/admin/exam/roster.pdf", PAGE_EXAMROSTER, RB(ROLE_CITY) | RB(ROLE_PROVINCE), R_LOGIN, h_examroster_pdf, h_examroster_fields },
};

/* Whether route rt serves path: the same path, or one under a prefix. */
static int
route_path_is(const struct route *rt, const char *path)
{
	if (rt->flags & R_PREFIX)
		return strncmp(rt->path, path, strlen(rt->path)) == 0;
	return strcmp(rt->path, path) == 0;
}

/*
 * Finds the route of method and path.  Returns NULL when there is none;
 * *other is then set when the path exists for another method (405).
 */
/*
 * What keeps the form of an R_KEEP route that the role gate or the CSRF
 * check refuses (keep.c): named here with the handlers and their fields,
 * so that the pipeline (worker.c) reaches the model only through this
 * table, as it reaches the pages.
 */
int (*const route_keeper)(struct req *) = keep_stale;

const struct route *
route_find(enum method m, const char *path, int *other)
{
	size_t	 i;

	*other = 0;
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++) {
		if (!route_path_is(&routes[i], path))
			continue;
		if (routes[i].method == m)
			return &routes[i];
		*other = 1;
	}
	return NULL;
}

/* Maps an accounts.role value to the enum; ROLE_ANON if unknown. */
enum role
role_parse(const char *s)
{
	int	 r;

	for (r = ROLE_CANDIDATE; r < ROLE__MAX; r++)
		if (s != NULL && strcmp(role_names[r], s) == 0)
			return r;
	return ROLE_ANON;
}

/* True if some route shows page to role (the error page: every role). */
int
route_reachable(int role, int page)
{
	size_t	 i;

	if (page == PAGE_ERROR)
		return 1;
	for (i = 0; i < sizeof(routes) / sizeof(routes[0]); i++)
		if (routes[i].page == (enum page)page &&
		    (routes[i].roles & RB(role)))
			return 1;
	return 0;
}
