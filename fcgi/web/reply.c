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
 * reply.c: the outcome of a request, the pipeline's last step: the page
 * rendered, a redirect, or the error page of an rc (the single error
 * path: the only place that maps an rc to an HTTP status).
 */

#include <string.h>

#include "web.h"

static const struct {
	int		 status;
	const char	*title;
	const char	*message;
} errors[RC__MAX] = {
	{ 200, "", "" },						/* RC_OK */
	{ 400, "请求有误", "提交的数据不正确，请返回后重新填写。" },	/* RC_BADREQ */
	{ 403, "无权访问", "您没有访问该页面的权限，或页面已过期，请刷新后重试。" }, /* RC_FORBIDDEN */
	{ 404, "页面不存在", "您访问的页面不存在，请检查地址是否正确。" },	/* RC_NOTFOUND */
	{ 405, "请求方式不允许", "该页面不支持这种请求方式。" },		/* RC_METHOD */
	{ 409, "数据已变化", "数据已被他人修改，请刷新页面查看最新状态后再操作。" }, /* RC_CONFLICT */
	{ 413, "提交的数据过大", "上传的文件或提交的数据过大，请压缩后重新上传。" }, /* RC_TOOLARGE */
	{ 503, "系统繁忙", "系统正在维护或访问量过大，请稍后再试。" },	/* RC_DB */
	{ 500, "系统错误", "系统发生错误，请稍后再试；如仍有问题，请联系咨询电话。" }, /* RC_INTERNAL */
};

/*
 * Audits a 403 that the pipeline has not audited: worker.c writes
 * access.denied when the role gate refuses and csrf.fail when the token
 * is wrong, and says so in r->refused; every other 403 (the forced
 * password change, a handler's own refusal) is written here.  A failure
 * is logged only: the answer is a refusal anyway.
 */
static void
reply_audit_forbidden(struct req *r)
{
	if (r->refused)
		return;
	if (audit(r, "access.denied", r->path, "403", r->must_change ?
	    "password change required" : NULL) == -1)
		log_warnx("%s: audit failed", __func__);
}

/*
 * Renders the error page of rc for the request's role: a fresh document
 * <error status> with a title and message, as HTML or XML.  The only
 * place that maps an rc to an HTTP status.  Rolls back any open
 * transaction, drops session cookies and audits unaudited 403s.
 */
void
reply_error(struct req *r, enum rc rc)
{
	xmlNodePtr	 e;

	if (rc <= RC_OK || rc >= RC__MAX)
		rc = RC_INTERNAL;
	db_rollback(r);
	resp_drop_cookies(r);
	if (rc == RC_FORBIDDEN)
		reply_audit_forbidden(r);
	r->status = errors[rc].status;
	r->location = NULL;
	if (rc == RC_DB)
		r->retry_after = 30;
	xml_page(r, PAGE_ERROR);
	e = xml_el(r->root, "error", NULL);
	xml_attrf(e, "status", "%d", r->status);
	xml_el(e, "title", errors[rc].title);
	xml_el(e, "message", r->message ? r->message : errors[rc].message);
	if (render_send(r) != RC_OK)
		resp_text(r, r->status, errors[rc].message);
}

/* Sends the outcome of a handler: a redirect, the page, or an error. */
void
reply_send(struct req *r, enum rc rc)
{
	if (r->sent)
		return;
	if (rc != RC_OK) {
		reply_error(r, rc);
		return;
	}
	if (r->location != NULL) {
		r->status = 303;
		resp_headers(r, "text/plain; charset=utf-8", 0);
		return;
	}
	if (r->form_bad && r->status == 0)
		r->status = 400;
	if (render_send(r) != RC_OK)
		reply_error(r, RC_INTERNAL);
}

