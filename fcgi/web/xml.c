/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* xml.c: building the page documents (text is always escaped by libxml2) */

#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "web.h"

#define SITE_NAME "河南省机关事业单位工勤技能岗位等级考核网上报名系统"

/* One-time messages after a redirect, chosen by the "m" argument. */
static const struct {
	const char	*code;
	const char	*text;
} flashes[] = {
	{ "registered",	"注册成功，请使用身份证号或手机号登录。" },
	{ "reset",	"密码已重置，请使用新密码登录。" },
	{ "logout",	"您已安全退出。" },
	{ "changed",	"密码修改成功。" },
	{ "timeout",	"登录已超时，请重新登录。" },
	{ "kept",	"登录已超时，请重新登录。您在报名信息页面填写的内容已暂存（尚未保存），"
			"登录后将回到报名信息页面并恢复所填内容，请核对后点击“保存信息”。" },
	{ "kept_review", "登录已超时，请重新登录。您填写的审核意见已暂存（尚未提交），"
			"登录后将回到详情页面并恢复所填内容，请核对后点击“提交审核结果”。" },
	{ "login",	"请先登录。" },
	{ "otp",	"验证码错误次数过多，请重新登录。" },
	{ "saved",	"保存成功。" },
	{ "saved_uploaded", "保存成功，所选的照片和资料也已上传。" },
	{ "saved_refused", "信息已保存，但所选的照片或资料未能上传（格式、尺寸或大小不符合要求），"
			"请在下方重新选择后点击“上传”，页面会说明原因。" },
	{ "uploaded",	"上传成功。" },
	{ "deleted",	"已删除。" },
	{ "stamped",	"已在个人照片上添加身份证号。" },
	{ "submitted",	"您的信息已提交，请耐心等待审核，可点击“审核结果”查看目前审核进度。" },
	{ "decided",	"审核结果已提交。" },
	{ "reported",	"已汇总上报，上报的名册已冻结保存。" },
	{ "reopened",	"已退回该单位的汇总上报，该单位可重新上报。" },
	{ "false",	"已认定填报虚假信息。" },
	{ "supplied",	"材料已补充上传，等待单位管理员确认材料已补。" },
	{ "confirmed",	"已确认材料已补，等待县区及以上工考办复核。" },
	{ "rechecked",	"复核结果已保存。" },
	{ "noted",	"意见已保存。" },
	{ "takeover",	"已承接设置已保存，自此以后提交的报名按新的设置审核。" },
	/* 系统管理 (h_units.c, h_users.c) */
	{ "unit_created", "单位已添加。" },
	{ "unit_moved",	"单位已移动，其下属单位随之移动。" },
	{ "unit_admin",	"单位管理员已设置：用单位代码或手机号登录，初始密码为123，首次登录须修改密码。" },
	{ "unit_deleted", "单位已删除。" },
	/* plan: 编排考场 (h_allocate.c) */
	{ "allocated",	"编排完成：新编入的考生和未能编入的原因见下方。" },
	{ "unit_disabled", "单位已停用：报考人员不能再选择该单位，已有报名照常审核。" },
	{ "unit_enabled", "单位已启用。" },
	{ "user_disabled", "账号已停用，该账号已登录的会话已结束。" },
	{ "user_enabled", "账号已启用。" },
	{ "user_deleted", "账号已删除。" },
	{ "user_reset",	"密码已重置为初始密码123：该账号下次登录时须凭短信验证码修改密码。" },
	{ "reviewer_added", "审核员已添加：初始密码为123，首次登录须修改密码。" },
	{ "renamed",	"单位名称已修改。" },
	{ "unitchecked", "已确认本单位及所属单位名称已核对。" },
	{ "unitundone",	"已撤销确认，可继续修改单位名称。" },
	{ "entered",	"补报人员已添加：考生用身份证号和初始密码123登录，首次登录须凭短信验证码修改密码。" },
	{ "entered_exc", "破格（一线）人员已添加：考生用身份证号和初始密码123登录，首次登录须凭短信验证码修改密码。" },
	{ "revoked",	"注册已撤销：该账号不能再登录，其报名已作废，本人可用该身份证号重新注册。" },
};

static const char *const level_names[6] = {
	NULL,
	"一级（高级技师）",
	"二级（技师）",
	"三级（高级工）",
	"四级（中级工）",
	"五级（初级工）",
};

/* Frees a document; one in the request's arena goes with the arena. */
static void
doc_free(void *arg)
{
	if (!arena_owns(arg))
		xmlFreeDoc(arg);
}

/*
 * The length of the UTF-8 sequence at p (1 for a byte that leads none),
 * and in *ok whether it encodes a character XML 1.0 allows (tab, LF, CR,
 * U+0020-U+D7FF, U+E000-U+FFFD, U+10000-U+10FFFF): the C0 controls,
 * U+FFFE and U+FFFF, surrogates and malformed or overlong bytes would
 * make the document not XML.
 */
static size_t
xml_char_len(const unsigned char *p, int *ok)
{
	unsigned long	 c;
	size_t		 n, i;

	*ok = 0;
	if (*p < 0x80) {
		*ok = *p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r';
		return 1;
	}
	if (*p >= 0xc2 && *p <= 0xdf)
		n = 2, c = *p & 0x1f;
	else if (*p >= 0xe0 && *p <= 0xef)
		n = 3, c = *p & 0x0f;
	else if (*p >= 0xf0 && *p <= 0xf4)
		n = 4, c = *p & 0x07;
	else
		return 1;
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 1;
		c = (c << 6) | (p[i] & 0x3f);
	}
	*ok = !((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 ||
	    c > 0x10ffff)) || (c >= 0xd800 && c <= 0xdfff) ||
	    c == 0xfffe || c == 0xffff);
	return n;
}

/*
 * Returns s if every character of it may stand in an XML document, else
 * a malloc'd copy (*copy set, for the caller to free) with U+FFFD in
 * place of each character (or stray byte) that may not: one such
 * character in a field must not make the whole response malformed.
 */
const char *
xml_clean(const char *s, char **copy)
{
	const unsigned char	*p;
	char			*o;
	size_t			 n;
	int			 ok = 1;

	*copy = NULL;
	/* Printable ASCII, most of every page, without a call a byte. */
	for (p = (const unsigned char *)s; *p != '\0' && ok; p += n)
		if (*p >= 0x20 && *p < 0x7f)
			n = 1;
		else
			n = xml_char_len(p, &ok);
	if (ok)
		return s;
	o = *copy = xmalloc(strlen(s) * 3 + 1);
	for (p = (const unsigned char *)s; *p != '\0'; p += n) {
		n = xml_char_len(p, &ok);
		if (ok)
			memcpy(o, p, n);
		else
			memcpy(o, "\xef\xbf\xbd", 3);
		o += ok ? n : 3;
	}
	*o = '\0';
	return *copy;
}

/* Adds element name under parent with text (escaped; NULL for none). */
xmlNodePtr
xml_el(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNodePtr	 n;
	char		*copy = NULL;

	if (text != NULL)
		text = xml_clean(text, &copy);
	n = xmlNewTextChild(parent, NULL, (const xmlChar *)name,
	    (const xmlChar *)text);
	free(copy);
	return n;
}

/* Sets an attribute; a NULL value leaves it out. */
void
xml_attr(xmlNodePtr n, const char *name, const char *value)
{
	char	*copy;

	if (value == NULL)
		return;
	xmlSetProp(n, (const xmlChar *)name,
	    (const xmlChar *)xml_clean(value, &copy));
	free(copy);
}

void
xml_attrf(xmlNodePtr n, const char *name, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	xml_attr(n, name, buf);
}

/*
 * Sets attribute name of n to v in decimal: digits need no xml_clean,
 * and the lists set several a row (vsnprintf costs 0.6 k instructions).
 */
void
xml_attr_num(xmlNodePtr n, const char *name, long long v)
{
	char			 b[24];
	size_t			 i = sizeof(b);
	unsigned long long	 u;

	u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;
	b[--i] = '\0';
	do
		b[--i] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (v < 0)
		b[--i] = '-';
	xmlSetProp(n, (const xmlChar *)name, (const xmlChar *)(b + i));
}

/* Returns the Chinese name of a level 1-5, or NULL. */
const char *
xml_level_name(int level)
{
	return level >= 1 && level <= 5 ? level_names[level] : NULL;
}

/* Appends <levels> with the five levels, lowest first as the seeds list them. */
void
xml_levels(xmlNodePtr parent)
{
	xmlNodePtr	 ls, l;
	int		 i;

	ls = xml_el(parent, "levels", NULL);
	for (i = 5; i >= 1; i--) {
		l = xml_el(ls, "level", NULL);
		xml_attr_num(l, "value", i);
		xml_attr(l, "name", level_names[i]);
	}
}

/* True for the pages with a file field: they state the size limit. */
static int
page_uploads(enum page page)
{
	static const enum page	 with[] = {
		PAGE_REGISTER, PAGE_APPLY, PAGE_UPLOAD, PAGE_MOBILE, PAGE_STAFFUP,
		PAGE_STATUS
	};
	size_t			 i;

	for (i = 0; i < sizeof(with) / sizeof(with[0]); i++)
		if (with[i] == page)
			return 1;
	return 0;
}

/*
 * Appends <upload-limit bytes="4194304">4MB</upload-limit>: the limit of
 * one file (MAX_JPEG, which the upload checks enforce), for the pages to
 * state next to each file field and for crop.js to scale a photo under.
 */
static void
xml_upload_limit(xmlNodePtr meta)
{
	xmlNodePtr	 l;
	char		 t[32];

	jpeg_size_text(MAX_JPEG, t, sizeof(t));
	l = xml_el(meta, "upload-limit", t);
	xml_attrf(l, "bytes", "%d", MAX_JPEG);
}

/*
 * Creates the request's document with its root element named after the
 * page and the <meta> element.  The document belongs to the request's
 * pool.  Returns the root.
 */
xmlNodePtr
xml_page(struct req *r, enum page page)
{
	xmlNodePtr	 meta, u;
	const char	*m;
	char		 buf[32];
	time_t		 now;
	struct tm	 tm;
	size_t		 i;

	r->doc = xmlNewDoc((const xmlChar *)"1.0");
	pool_cleanup(r->pool, doc_free, r->doc);
	r->root = xmlNewDocNode(r->doc, NULL,
	    (const xmlChar *)page_names[page], NULL);
	xmlDocSetRootElement(r->doc, r->root);
	r->form = NULL;

	meta = xml_el(r->root, "meta", NULL);
	xml_el(meta, "site", SITE_NAME);
	xml_el(meta, "role", role_names[r->role]);
	if (r->role != ROLE_ANON) {
		xml_el(meta, "role-name", role_labels[r->role]);
		u = xml_el(meta, "user", NULL);
		xml_attr_num(u, "id", r->account_id);
		xml_attr(u, "name", r->user_name);
		if (r->user_login != NULL && *r->user_login != '\0')
			xml_attr(u, "login", r->user_login);
		if (r->unit_name != NULL && *r->unit_name != '\0')
			xml_attr(u, "unit", r->unit_name);
	}
	xml_el(meta, "csrf", r->csrf);
	now = time(NULL) + 8 * 3600;	/* Beijing time, whatever TZ is */
	gmtime_r(&now, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	xml_el(meta, "now", buf);
	if (r->year > 0) {
		snprintf(buf, sizeof(buf), "%d", r->year);
		xml_el(meta, "year", buf);
	}
	xml_el(meta, "path", r->path);
	xml_el(meta, "service-phone", r->cfg->service_phone);
	if (page_uploads(page))
		xml_upload_limit(meta);
	if (r->flash == NULL && (m = req_arg(r, "m")) != NULL)
		for (i = 0; i < sizeof(flashes) / sizeof(flashes[0]); i++)
			if (strcmp(flashes[i].code, m) == 0)
				r->flash = flashes[i].text;
	if (r->flash != NULL)
		xml_el(meta, "flash", r->flash);
	return r->root;
}

/* Adds the page's <form> (status "new" until an error or a send). */
xmlNodePtr
xml_form(struct req *r, const char *action)
{
	r->form = xml_el(r->root, "form", NULL);
	xml_attr(r->form, "action", action);
	xml_attr(r->form, "status", "new");
	return r->form;
}

/* Finds or adds <field name> in the form; sets its value if not NULL. */
xmlNodePtr
xml_field(struct req *r, const char *name, const char *value)
{
	xmlNodePtr	 n;
	xmlChar		*nm;

	for (n = r->form->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    strcmp((const char *)n->name, "field") != 0)
			continue;
		nm = xmlGetProp(n, (const xmlChar *)"name");
		if (nm != NULL && strcmp((const char *)nm, name) == 0) {
			xmlFree(nm);
			break;
		}
		xmlFree(nm);
	}
	if (n == NULL) {
		n = xml_el(r->form, "field", NULL);
		xml_attr(n, "name", name);
	}
	xml_attr(n, "value", value);
	return n;
}

/* Adds an error message to a field; the page will answer 400. */
void
xml_field_error(struct req *r, const char *name, const char *msg)
{
	xmlNodePtr	 f;

	f = xml_field(r, name, NULL);
	if (f->children == NULL)	/* the first message of a field counts */
		xml_el(f, "error", msg);
	r->form_bad = 1;
	xml_attr(r->form, "status", "invalid");
}

/* Sets the message shown above the form. */
void
xml_form_message(struct req *r, const char *msg)
{
	xmlNodePtr	 n;

	for (n = r->form->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "message") == 0)
			return;
	n = xml_el(r->form, "message", msg);
	if (r->form->children != n)
		xmlAddPrevSibling(r->form->children, n);
}

/*
 * Refuses the form as a whole: msg above it (the first message counts),
 * status="invalid", and the page answers 400 unless r->status is set.
 */
void
xml_form_refuse(struct req *r, const char *msg)
{
	xml_form_message(r, msg);
	xml_attr(r->form, "status", "invalid");
	r->form_bad = 1;
}

/*
 * Copies the submitted values of the named text fields (a NULL-terminated
 * list) into the form, so nothing typed is lost.  Never pass password or
 * code fields here.
 */
void
xml_keep(struct req *r, const char *const *names)
{
	const char	*v;

	for (; *names != NULL; names++)
		if ((v = form_get(&r->body, *names)) != NULL)
			xml_field(r, *names, v);
}

/* Appends <qr size><row>0110…</row>…</qr> of text; -1 on failure. */
int
xml_qr(struct req *r, xmlNodePtr parent, const char *text)
{
	unsigned char	*m = NULL;
	xmlNodePtr	 q;
	char		*row;
	int		 size = 0, y, x;

	if (qr_encode(text, &m, &size) == -1 || size <= 0)
		return -1;
	q = xml_el(parent, "qr", NULL);
	xml_attrf(q, "size", "%d", size);
	row = pool_alloc(r->pool, (size_t)size + 1);
	for (y = 0; y < size; y++) {
		for (x = 0; x < size; x++)
			row[x] = m[y * size + x] ? '1' : '0';
		row[size] = '\0';
		xml_el(q, "row", row);
	}
	free(m);
	return 0;
}

