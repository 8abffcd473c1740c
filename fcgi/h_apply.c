/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* h_apply.c: the application form (报名信息): show, save, submit */

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/crypto.h>

#include "web.h"

#define NYEARS		5	/* years of annual appraisal */
#define MAX_ELIG	32	/* messages of eligibility_check */
#define MAX_MAPS	32	/* new work types of one old one */
#define MAX_QUALS	32	/* qualified-library rows of one person */

/* The stored fields, in the order of STMT_APP_SAVE and STMT_APP_SAVE_TEXT. */
enum fld {
	F_UNIT, F_EDU, F_WSTART, F_WYEARS, F_CURLEVEL, F_CURWT, F_CURYEAR,
	F_UCAT, F_URANK, F_TWT, F_TLEVEL, F_ROUTE, F_PROHIB, F_EXC, F_CR18,
	F_CR19,
	F_NOTE, F_EXCCOND, F_EXCEV, F_RESUME, F_REWARDS, F_ACHIEVE, F_OPT,
	F__MAX
};

static const char *const fnames[F__MAX] = {
	"unit_id", "education", "work_start", "work_years", "cur_level",
	"cur_worktype", "cur_level_year", "unit_category", "unit_rank",
	"target_worktype", "target_level", "route", "prohibited", "exceptional",
	"confirm_r18", "confirm_r19",
	"appraisal_note", "exc_conditions", "exc_evidence", "resume", "rewards",
	"achievements", "opt_conditions",
};

/* The longest text of each free-text field, in characters. */
static const struct {
	enum fld	 f;
	size_t		 max;
	const char	*label;
} text_max[] = {
	{ F_NOTE,	500,	"考核结果说明" },
	{ F_EXCEV,	1000,	"破格晋升证明材料" },
	{ F_RESUME,	4000,	"学习工作简历" },
	{ F_REWARDS,	4000,	"奖惩情况" },
	{ F_ACHIEVE,	4000,	"主要技术业务工作业绩" },
	{ F_OPT,	2000,	"可选条件" },
};

/* 破格晋升条件 (interpretation: the seeds name none; see the ChangeLog). */
static const struct {
	const char	*code;
	const char	*name;
} exc_conds[] = {
	{ "c1", "获得县级以上劳动模范、先进工作者等荣誉称号" },
	{ "c2", "在市级以上职业技能竞赛中获得名次" },
	{ "c3", "获得市级以上政府或行业主管部门表彰奖励" },
	{ "c4", "有技术革新、发明创造成果并取得显著经济社会效益" },
};

/* The fixed enumerations of the form, grouped by field. */
static const struct {
	const char	*field;
	const char	*value;
	const char	*name;
} choices[] = {
	{ "cur_level",		"0",		"未定级" },
	{ "cur_level",		"5",		"五级（初级工）" },
	{ "cur_level",		"4",		"四级（中级工）" },
	{ "cur_level",		"3",		"三级（高级工）" },
	{ "cur_level",		"2",		"二级（技师）" },
	{ "cur_level",		"1",		"一级（高级技师）" },
	{ "unit_category",	"admin",	"行政" },
	{ "unit_category",	"institution",	"事业" },
	{ "unit_rank",		"province",	"省级" },
	{ "unit_rank",		"city",		"市级" },
	{ "unit_rank",		"county",	"县级" },
	{ "unit_rank",		"township",	"乡镇" },
	{ "route",		"years",	"按工作年限申报" },
	{ "route",		"certificate",	"按岗位等级证书申报" },
};

/* The candidate's registration. */
struct acct {
	char		*name, *gender, *birth, *region, *idcard_file;
	char		 idno[32], phone[32];
	long long	 level, year;
	unsigned char	*idno_mac;
	size_t		 idno_mac_len;
};

/* The application row. */
struct app {
	long long	 id, version, year, exc_entered, stamped;
	char		*state, *submitted_at;
	const char	*v[F__MAX];		/* "" when not given */
	const char	*grade[NYEARS];		/* report year - 1 ... - 5 */
};

/* The form's values and what they parse to (-1: not given or wrong). */
struct vals {
	const char	*v[F__MAX];
	const char	*grade[NYEARS];
	const char	*region, *supervisor;
	long long	 unit_id, work_years, cur_level, cur_year, target_level;
	long long	 edu_rank;
	int		 sy, sm, sd;		/* work_start, sy 0: not given */
	int		 graded;		/* years with a grade of rank > 0 */
	int		 prohibited;		/* 1, 0, -1 */
};

/* True while the candidate may change the application. */
static int
editable(const struct app *a)
{
	return strcmp(a->state, "draft") == 0 ||
	    strcmp(a->state, "returned") == 0;
}

/* Loads the registration of the logged-in candidate; 1, 0 or -1. */
static int
acct_load(struct req *r, struct acct *c)
{
	unsigned char	*ie, *pe;
	size_t		 iel, pel;
	int		 n;

	memset(c, 0, sizeof(*c));
	if (db_exec(r, STMT_APPLY_ACCOUNT, "i", r->account_id) == -1 ||
	    (n = db_fetch(r, STMT_APPLY_ACCOUNT, "sbbsssisib", &c->name,
	    &ie, &iel, &pe, &pel, &c->gender, &c->birth, &c->region,
	    &c->level, &c->idcard_file, &c->year, &c->idno_mac,
	    &c->idno_mac_len)) == -1)
		return -1;
	db_done(r, STMT_APPLY_ACCOUNT);
	if (n == 0)
		return 0;
	if (ie == NULL || pii_open(r->cfg, ie, iel, c->idno,
	    sizeof(c->idno)) == -1)
		c->idno[0] = '\0';
	if (pe == NULL || pii_open(r->cfg, pe, pel, c->phone,
	    sizeof(c->phone)) == -1)
		c->phone[0] = '\0';
	return 1;
}

/*
 * Reads a stored upload (at most MAX_JPEG bytes) into the pool.
 * Returns the bytes or NULL (logged).
 */
static unsigned char *
file_read(struct req *r, const char *name, size_t *len)
{
	char		 path[PATH_MAX];
	struct stat	 st;
	unsigned char	*buf;
	ssize_t		 n;
	size_t		 got = 0;
	int		 fd;

	if (strlen(name) != 64 || strspn(name, "0123456789abcdef") != 64)
		return NULL;
	snprintf(path, sizeof(path), "%s/%.2s/%s", r->cfg->upload_dir, name,
	    name);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1) {
		log_warn("open %s", path);
		return NULL;
	}
	if (fstat(fd, &st) == -1 || st.st_size <= 0 ||
	    st.st_size > MAX_JPEG) {
		log_warnx("%s: not a stored photo", path);
		close(fd);
		return NULL;
	}
	buf = pool_alloc(r->pool, (size_t)st.st_size);
	while (got < (size_t)st.st_size) {
		if ((n = read(fd, buf + got, (size_t)st.st_size - got)) <= 0) {
			if (n == -1 && errno == EINTR)
				continue;
			log_warn("read %s", path);
			close(fd);
			return NULL;
		}
		got += (size_t)n;
	}
	close(fd);
	*len = got;
	return buf;
}

/*
 * Creates the application of the candidate on the first visit, with a
 * copy of the registration's ID-card photo as its idcard material.
 * Returns 0 or -1 (database).
 */
static int
app_create(struct req *r, const struct acct *c)
{
	unsigned char	*data = NULL;
	size_t		 len = 0;
	long long	 id;
	char		 file[65], obj[40];
	int		 n, stored = 0;

	if (*c->idcard_file != '\0' &&
	    (data = file_read(r, c->idcard_file, &len)) != NULL) {
		if (h_store_file(r, data, len, file) == 0)
			stored = 1;
	}
	if (db_begin(r) == -1 ||
	    (n = db_exec(r, STMT_APP_CREATE, "i", r->account_id)) == -1)
		goto fail;
	if (n == 0) {		/* another request made it meanwhile */
		db_rollback(r);
		if (stored)
			h_unlink_file(r, file);
		return 0;
	}
	id = db_insert_id(r, STMT_APP_CREATE);
	snprintf(obj, sizeof(obj), "application:%lld", id);
	if (stored && db_exec(r, STMT_APP_IDCARD_COPY, "isii", id, file,
	    (long long)len, r->account_id) == -1)
		goto fail;
	if (audit(r, "application.create", obj, "ok", NULL) == -1 ||
	    db_commit(r) == -1)
		goto fail;
	return 0;
fail:
	db_rollback(r);
	if (stored)
		h_unlink_file(r, file);
	return -1;
}

/* Integer column to text ("" for NULL). */
static const char *
col(char *s)
{
	return s != NULL ? s : "";
}

/* Loads the application (creating it first if need be); 0 or -1. */
static int
app_load(struct req *r, const struct acct *c, struct app *a)
{
	char		*v[16], *t[7], *grade;
	long long	 unit, excf, y;
	int		 n, tries, i;

	memset(a, 0, sizeof(*a));
	for (tries = 0; ; tries++) {
		if (db_exec(r, STMT_APP_GET, "i", r->account_id) == -1 ||
		    (n = db_fetch(r, STMT_APP_GET, "isiiisssssssssssssiisss",
		    &a->id, &a->state, &a->version, &a->year, &unit, &v[0],
		    &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7], &v[8],
		    &v[9], &v[10], &v[11], &v[12], &a->exc_entered,
		    &a->stamped, &v[13], &v[14], &a->submitted_at)) == -1)
			return -1;
		db_done(r, STMT_APP_GET);
		if (n == 1)
			break;
		if (tries > 0 || app_create(r, c) == -1)
			return -1;
	}
	a->v[F_UNIT] = unit > 0 ? pool_printf(r->pool, "%lld", unit) : "";
	a->v[F_EDU] = col(v[0]);
	a->v[F_WSTART] = col(v[1]);
	a->v[F_WYEARS] = col(v[2]);
	a->v[F_CURLEVEL] = col(v[3]);
	a->v[F_CURWT] = col(v[4]);
	a->v[F_CURYEAR] = col(v[5]);
	a->v[F_UCAT] = col(v[6]);
	a->v[F_URANK] = col(v[7]);
	a->v[F_TWT] = col(v[8]);
	a->v[F_TLEVEL] = col(v[9]);
	a->v[F_ROUTE] = col(v[10]);
	a->v[F_PROHIB] = v[11] == NULL ? "" : atoi(v[11]) ? "yes" : "no";
	excf = v[12] != NULL ? atoi(v[12]) : 0;
	a->v[F_EXC] = excf ? "1" : "";
	a->v[F_CR18] = v[13] != NULL && atoi(v[13]) ? "1" : "";
	a->v[F_CR19] = v[14] != NULL && atoi(v[14]) ? "1" : "";

	if (db_exec(r, STMT_APP_GET_TEXT, "i", a->id) == -1 ||
	    (n = db_fetch(r, STMT_APP_GET_TEXT, "sssssss", &t[0], &t[1],
	    &t[2], &t[3], &t[4], &t[5], &t[6])) != 1)
		return -1;
	db_done(r, STMT_APP_GET_TEXT);
	for (i = 0; i < 7; i++)
		a->v[F_NOTE + i] = col(t[i]);

	for (i = 0; i < NYEARS; i++)
		a->grade[i] = "";
	if (db_exec(r, STMT_APPRAISAL_LIST, "i", a->id) == -1)
		return -1;
	while ((n = db_fetch(r, STMT_APPRAISAL_LIST, "is", &y, &grade)) == 1)
		if (y >= a->year - NYEARS && y < a->year)
			a->grade[a->year - 1 - y] = grade;
	return n == -1 ? -1 : 0;
}

/* The values of the stored application. */
static void
vals_from_app(struct vals *f, const struct app *a)
{
	memset(f, 0, sizeof(*f));
	memcpy(f->v, a->v, sizeof(f->v));
	memcpy(f->grade, a->grade, sizeof(f->grade));
	f->region = f->supervisor = "";
}

/* The values of the posted form (trimmed; "" when absent). */
static void
vals_from_body(struct req *r, struct vals *f, const struct app *a)
{
	char		 name[32], *buf;
	size_t		 i, len = 0;
	int		 k;

	memset(f, 0, sizeof(*f));
	for (k = 0; k < F__MAX; k++)
		f->v[k] = form_text(&r->body, fnames[k]);
	for (k = 0; k < NYEARS; k++) {
		snprintf(name, sizeof(name), "appraisal_%lld",
		    a->year - 1 - k);
		f->grade[k] = pool_strdup(r->pool, form_text(&r->body, name));
	}
	f->region = form_text(&r->body, "region");
	f->supervisor = form_text(&r->body, "supervisor");
	/* Checkboxes exc_cond_c1=1, exc_cond_c3=1 become "c1,c3". */
	for (i = 0; i < sizeof(exc_conds) / sizeof(exc_conds[0]); i++) {
		snprintf(name, sizeof(name), "exc_cond_%s", exc_conds[i].code);
		if (*form_text(&r->body, name) == '\0')
			continue;
		buf = pool_printf(r->pool, "%s%s%s", len > 0 ? f->v[F_EXCCOND] :
		    "", len > 0 ? "," : "", strcmp(form_text(&r->body, name),
		    "1") == 0 ? exc_conds[i].code : "?");
		f->v[F_EXCCOND] = buf;
		len++;
	}
}

/* Counts the characters of a valid UTF-8 string. */
static size_t
utf8_chars(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if ((*s & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * The chain of a unit: its supervising unit and top region.  Returns 1
 * for a unit a candidate may belong to (a basic unit under a supervising
 * unit, or a supervising unit itself), 0 for none, -1 on a database
 * failure.
 */
static int
unit_chain(struct req *r, long long id, long long *sup, char **region)
{
	char		*kind, *reg, *gkind, *gparent, *name, *code;
	long long	 parent;
	int		 n;

	if (db_exec(r, STMT_UNIT_GET, "i", id) == -1 ||
	    (n = db_fetch(r, STMT_UNIT_GET, "sisssss", &kind, &parent, &reg,
	    &gkind, &gparent, &name, &code)) == -1)
		return -1;
	db_done(r, STMT_UNIT_GET);
	if (n == 0)
		return 0;
	if (strcmp(kind, "basic") == 0) {
		if (parent == 0)
			return 0;
		*sup = parent;
		if (db_exec(r, STMT_UNIT_GET, "i", parent) == -1 ||
		    (n = db_fetch(r, STMT_UNIT_GET, "sisssss", &kind, &parent,
		    &reg, &gkind, &gparent, &name, &code)) == -1)
			return -1;
		db_done(r, STMT_UNIT_GET);
		if (n == 0 || strcmp(kind, "supervising") != 0)
			return 0;
	} else if (strcmp(kind, "supervising") == 0)
		*sup = id;
	else
		return 0;
	*region = strcmp(gkind, "province") == 0 || strcmp(gkind, "city") == 0 ||
	    strcmp(gkind, "direct_county") == 0 ? reg : gparent;
	return 1;
}

/* Looks a work type up: 1 (status, name set), 0 unknown, -1 database. */
static int
wt_get(struct req *r, const char *code, char **status, char **name)
{
	char	*nm;
	int	 n;

	if (db_exec(r, STMT_WT_GET, "s", code) == -1 ||
	    (n = db_fetch(r, STMT_WT_GET, "ss", &nm, status)) == -1)
		return -1;
	db_done(r, STMT_WT_GET);
	if (name != NULL)
		*name = nm;
	return n;
}

/* Finds the rank of an education code: 1, 0 unknown, -1 database. */
static int
edu_rank(struct req *r, const char *code, long long *rank)
{
	char		*c, *name;
	long long	 rk;
	int		 n, found = 0;

	if (db_exec(r, STMT_EDU_LIST, "") == -1)
		return -1;
	while ((n = db_fetch(r, STMT_EDU_LIST, "ssi", &c, &name, &rk)) == 1)
		if (strcmp(c, code) == 0) {
			*rank = rk;
			found = 1;
		}
	return n == -1 ? -1 : found;
}

/*
 * True if code is an appraisal grade (*rank set: 0 for 未考核 and the
 * like, which are no graded year); -1 database.
 */
static int
grade_known(struct req *r, const char *code, long long *rank)
{
	char		*c, *name;
	long long	 rk;
	int		 n, found = 0;

	if (db_exec(r, STMT_GRADE_LIST, "") == -1)
		return -1;
	while ((n = db_fetch(r, STMT_GRADE_LIST, "ssi", &c, &name, &rk)) == 1)
		if (strcmp(c, code) == 0) {
			found = 1;
			*rank = rk;
		}
	return n == -1 ? -1 : found;
}

/*
 * Checks the format of every field (type, range, enumeration, known
 * codes): what saving needs.  Errors go next to their fields; f's
 * parsed members are set.  Returns 0, or -1 on a database failure.
 */
static int
check_formats(struct req *r, const struct app *a, struct vals *f)
{
	const char	*v, *msg;
	char		*status, *creg, name[32];
	long long	 n, sup = 0, max;
	size_t		 i;
	int		 k, y, mo, d;

	f->unit_id = f->work_years = f->cur_level = f->cur_year = -1;
	f->target_level = f->edu_rank = -1;
	f->prohibited = -1;

	/* 单位信息 */
	if (*f->region != '\0' && (strlen(f->region) != 6 ||
	    strspn(f->region, "0123456789") != 6))
		xml_field_error(r, "region", "请从列表中选择地区。");
	if (*f->supervisor != '\0' && valid_uint(f->supervisor, 1,
	    4294967295LL, &n) == -1)
		xml_field_error(r, "supervisor", "请从列表中选择主管单位。");
	v = f->v[F_UNIT];
	if (*v != '\0') {
		if (valid_uint(v, 1, 4294967295LL, &n) == -1)
			xml_field_error(r, "unit_id", "请从列表中选择所在单位。");
		else if ((k = unit_chain(r, n, &sup, &creg)) == -1)
			return -1;
		else if (k == 0)
			xml_field_error(r, "unit_id", "所选单位不存在，请从列表中重新选择。");
		else if ((*f->supervisor != '\0' &&
		    strtoll(f->supervisor, NULL, 10) != sup) ||
		    (*f->region != '\0' && strcmp(f->region, creg) != 0))
			xml_field_error(r, "unit_id", "所选单位不属于所选地区或主管单位，"
			    "请点击“下一级”后重新选择。");
		else
			f->unit_id = n;
	}

	/* 文化程度 */
	v = f->v[F_EDU];
	if (*v != '\0') {
		if (strlen(v) > 2 || (k = edu_rank(r, v, &f->edu_rank)) == 0)
			xml_field_error(r, "education", "请从列表中选择文化程度。");
		else if (k == -1)
			return -1;
	}

	/* 参加工作时间 */
	v = f->v[F_WSTART];
	if (*v != '\0') {
		if ((msg = valid_date(v, &y, &mo, &d)) != NULL)
			xml_field_error(r, "work_start", msg);
		else if (y < 1940 || y > a->year)
			xml_field_error(r, "work_start", pool_printf(r->pool,
			    "参加工作时间应在1940年至%lld年之间，请核对。",
			    a->year));
		else {
			f->sy = y;
			f->sm = mo;
			f->sd = d;
		}
	}

	/* 工作年限: at most report year - start year + 1 (R3) */
	v = f->v[F_WYEARS];
	max = f->sy > 0 ? a->year - f->sy + 1 : 80;
	if (*v != '\0') {
		if (valid_uint(v, 0, 80, &n) == -1)
			xml_field_error(r, "work_years", "工作年限应为0至80之间的整数（年）。");
		else if (n > max)
			xml_field_error(r, "work_years", pool_printf(r->pool,
			    "工作年限最多为%lld年（报考年份－参加工作年份＋1），只能往下修改。",
			    max));
		else
			f->work_years = n;
	}

	/* 现岗位等级, 现岗位工种, 现等级取得时间 */
	v = f->v[F_CURLEVEL];
	if (*v != '\0' && valid_uint(v, 0, 5, &f->cur_level) == -1) {
		f->cur_level = -1;
		xml_field_error(r, "cur_level", "请从列表中选择现岗位等级。");
	}
	v = f->v[F_CURWT];
	if (*v != '\0') {
		if (strlen(v) > 8 || (k = wt_get(r, v, &status, NULL)) == 0)
			xml_field_error(r, "cur_worktype", "没有这个工种，请从列表中选择现岗位工种。");
		else if (k == -1)
			return -1;
	}
	v = f->v[F_CURYEAR];
	if (*v != '\0' && (valid_uint(v, 1950, a->year, &f->cur_year) == -1)) {
		f->cur_year = -1;
		xml_field_error(r, "cur_level_year", pool_printf(r->pool,
		    "现等级取得时间应为1950至%lld之间的四位年份。", a->year));
	}

	/* 单位类别, 单位级别 */
	v = f->v[F_UCAT];
	if (*v != '\0' && strcmp(v, "admin") != 0 &&
	    strcmp(v, "institution") != 0)
		xml_field_error(r, "unit_category", "单位类别只能选择行政或事业。");
	v = f->v[F_URANK];
	if (*v != '\0' && strcmp(v, "province") != 0 &&
	    strcmp(v, "city") != 0 && strcmp(v, "county") != 0 &&
	    strcmp(v, "township") != 0)
		xml_field_error(r, "unit_rank", "请从列表中选择单位级别（省级、市级、县级、乡镇）。");

	/* 申报岗位工种, 申报岗位等级, 申报方式 */
	v = f->v[F_TWT];
	if (*v != '\0') {
		if (strlen(v) > 8 || (k = wt_get(r, v, &status, NULL)) == 0)
			xml_field_error(r, "target_worktype", "没有这个工种，请从列表中选择申报岗位工种。");
		else if (k == -1)
			return -1;
		else if (strcmp(status, "current") != 0)
			xml_field_error(r, "target_worktype", "该工种已合并或取消，"
			    "请选择合并后的新工种或就近岗位工种。");
	}
	v = f->v[F_TLEVEL];
	if (*v != '\0' && valid_uint(v, 1, 5, &f->target_level) == -1) {
		f->target_level = -1;
		xml_field_error(r, "target_level", "请从列表中选择申报岗位等级。");
	}
	v = f->v[F_ROUTE];
	if (*v != '\0' && strcmp(v, "years") != 0 &&
	    strcmp(v, "certificate") != 0)
		xml_field_error(r, "route", "申报方式只能选择按工作年限申报或按岗位等级证书申报。");

	/* 年度考核 */
	for (k = 0; k < NYEARS; k++) {
		if (*f->grade[k] == '\0')
			continue;
		snprintf(name, sizeof(name), "appraisal_%lld",
		    a->year - 1 - k);
		if (strlen(f->grade[k]) > 8 ||
		    (y = grade_known(r, f->grade[k], &n)) == 0)
			xml_field_error(r, name, "请从列表中选择考核等次。");
		else if (y == -1)
			return -1;
		else if (n > 0)
			f->graded++;
	}

	/* 是否存在禁止申报情形, 破格晋升, confirmations */
	v = f->v[F_PROHIB];
	if (strcmp(v, "yes") == 0)
		f->prohibited = 1;
	else if (strcmp(v, "no") == 0)
		f->prohibited = 0;
	else if (*v != '\0')
		xml_field_error(r, "prohibited", "请选择是或否。");
	if (*f->v[F_EXC] != '\0' && strcmp(f->v[F_EXC], "1") != 0)
		xml_field_error(r, "exceptional", "破格晋升只能勾选或不勾选。");
	if (*f->v[F_CR18] != '\0' && strcmp(f->v[F_CR18], "1") != 0)
		xml_field_error(r, "confirm_r18", "确认项只能勾选或不勾选。");
	if (*f->v[F_CR19] != '\0' && strcmp(f->v[F_CR19], "1") != 0)
		xml_field_error(r, "confirm_r19", "确认项只能勾选或不勾选。");
	v = f->v[F_EXCCOND];
	if (*v != '\0') {
		const char *p = v;
		int	 bad = 0;

		while (*p != '\0' && !bad) {
			size_t	 l = strcspn(p, ",");

			bad = 1;
			for (i = 0; i < sizeof(exc_conds) / sizeof(exc_conds[0]);
			    i++)
				if (l == 2 && strncmp(p, exc_conds[i].code, 2) == 0)
					bad = 0;
			p += l;
			if (*p == ',')
				p++;
		}
		if (bad || strlen(v) > 200)
			xml_field_error(r, "exc_conditions", "请从列表中勾选破格晋升条件。");
	}

	/* Free texts. */
	for (i = 0; i < sizeof(text_max) / sizeof(text_max[0]); i++) {
		v = f->v[text_max[i].f];
		if (!valid_utf8(v, strlen(v)))
			xml_field_error(r, fnames[text_max[i].f], pool_printf(
			    r->pool, "%s含有无法识别的字符，请重新输入。",
			    text_max[i].label));
		else if (utf8_chars(v) > text_max[i].max)
			xml_field_error(r, fnames[text_max[i].f], pool_printf(
			    r->pool, "%s不能超过%zu个字，请精简后重新填写。",
			    text_max[i].label, text_max[i].max));
	}
	return 0;
}

/*
 * The fields a submission needs (beyond R4, which eligibility_check
 * judges), with the photos and the breakthrough evidence.  Errors go
 * next to their fields.
 */
static void
check_required(struct req *r, const struct vals *f, int has_photo,
    int has_idcard, int nexc)
{
	static const struct {
		enum fld	 f;
		const char	*msg;
	} req[] = {
		{ F_UNIT,	"请选择所在单位（从左至右依次选择，直到选中本人所属单位）。" },
		{ F_EDU,	"请选择文化程度。" },
		{ F_WSTART,	"请填写参加工作时间。" },
		{ F_WYEARS,	"请填写工作年限。" },
		{ F_CURLEVEL,	"请选择现岗位等级；没有等级证书的请选择未定级。" },
		{ F_UCAT,	"请选择单位类别（行政或事业）。" },
		{ F_URANK,	"请选择单位级别。" },
		{ F_TWT,	"请选择申报岗位工种。" },
		{ F_TLEVEL,	"请选择申报岗位等级。" },
		{ F_PROHIB,	"请选择是否存在禁止申报情形。" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(req) / sizeof(req[0]); i++)
		if (*f->v[req[i].f] == '\0')
			xml_field_error(r, fnames[req[i].f], req[i].msg);
	if (f->cur_level > 0 && *f->v[F_CURYEAR] == '\0')
		xml_field_error(r, "cur_level_year", "请选择现等级取得时间。");
	if (f->target_level >= 2 && f->target_level <= 4 &&
	    *f->v[F_ROUTE] == '\0')
		xml_field_error(r, "route", "请选择申报方式（按工作年限申报或按岗位等级证书申报）。");
	if (f->graded < NYEARS && *f->v[F_NOTE] == '\0')
		xml_field_error(r, "appraisal_note", "年度考核未满五年，请输入情况说明。");
	if (strcmp(f->v[F_EXC], "1") == 0) {
		if (*f->v[F_EXCCOND] == '\0')
			xml_field_error(r, "exc_conditions", "申请破格晋升的，请勾选所符合的破格晋升条件。");
		if (*f->v[F_EXCEV] == '\0')
			xml_field_error(r, "exc_evidence", "申请破格晋升的，请填写破格晋升证明材料相关信息。");
		if (nexc == 0)
			xml_field_error(r, "exc_evidence_files", "申请破格晋升的，请上传证明材料原件照片。");
	}
	if (f->target_level == 1) {
		if (*f->v[F_RESUME] == '\0')
			xml_field_error(r, "resume", "申报一级的，请按文件要求填写学习工作简历。");
		if (*f->v[F_REWARDS] == '\0')
			xml_field_error(r, "rewards", "申报一级的，请按文件要求填写奖惩情况（无则填“无”）。");
		if (*f->v[F_ACHIEVE] == '\0')
			xml_field_error(r, "achievements", "申报一级的，请按文件要求填写主要技术业务工作业绩。");
	}
	if (!has_photo)
		xml_field_error(r, "photo", "请上传个人照片（近期二寸免冠白色背景彩色证件照，413×626像素，jpg格式）。");
	if (!has_idcard)
		xml_field_error(r, "idcard", "请上传身份证人像面彩色照片（jpg格式）。");
}

/*
 * Runs the eligibility rules on the form's values with the year's
 * policy, the work-type map and the qualified library.  Errors go next
 * to their fields, warnings R18/R19 not confirmed next to confirm_r18 or
 * confirm_r19; every message is listed in <eligibility>.  *r19 is set
 * when R19 applies (a proof upload is then needed).  Returns 0 or -1.
 */
static int
check_rules(struct req *r, const struct acct *c, const struct app *a,
    const struct vals *f, int *r19)
{
	struct elig_policy	 pol;
	struct elig_app		 e;
	struct elig_msg		 m[MAX_ELIG];
	struct elig_qual	 q[MAX_QUALS];
	const char		*maps[MAX_MAPS];
	char			*nc, *nn, *status, *wt;
	long long		 lv, yr;
	xmlNodePtr		 list, n;
	size_t			 nm, i, nmaps = 0, nq = 0;
	int			 k, confirmed;

	*r19 = 0;
	if (policy_load(r, (int)a->year, &pol) == -1)
		return -1;
	memset(&e, 0, sizeof(e));
	e.year = (int)a->year;
	e.gender = *c->gender == 'F' ? 'F' : 'M';
	e.birth_year = atoi(c->birth);
	e.work_start_year = f->sy;
	e.work_years = (int)f->work_years;
	e.cur_level = (int)f->cur_level;
	e.cur_worktype = *f->v[F_CURWT] != '\0' ? f->v[F_CURWT] : NULL;
	e.cur_level_year = f->cur_year > 0 ? (int)f->cur_year : 0;
	e.target_worktype = *f->v[F_TWT] != '\0' ? f->v[F_TWT] : NULL;
	e.target_level = f->target_level > 0 ? (int)f->target_level : 0;
	e.route = strcmp(f->v[F_ROUTE], "years") == 0 ? ROUTE_YEARS :
	    strcmp(f->v[F_ROUTE], "certificate") == 0 ? ROUTE_CERT : ROUTE_NONE;
	e.edu_rank = f->edu_rank > 0 ? (int)f->edu_rank : 0;
	e.prohibited = f->prohibited;
	e.exceptional = a->exc_entered != 0;
	if (e.cur_worktype != NULL) {
		if ((k = wt_get(r, e.cur_worktype, &status, NULL)) == -1)
			return -1;
		e.cur_is_old = k == 1 && strcmp(status, "current") != 0;
		if (db_exec(r, STMT_WT_MAPS, "s", e.cur_worktype) == -1)
			return -1;
		while ((k = db_fetch(r, STMT_WT_MAPS, "ss", &nc, &nn)) == 1)
			if (nmaps < MAX_MAPS)
				maps[nmaps++] = nc;
		if (k == -1)
			return -1;
	}
	e.cur_maps_to = maps;
	e.ncur_maps_to = nmaps;
	if (c->idno_mac != NULL) {
		if (db_exec(r, STMT_APP_QUALIFIED, "b", c->idno_mac,
		    c->idno_mac_len) == -1)
			return -1;
		while ((k = db_fetch(r, STMT_APP_QUALIFIED, "sii", &wt, &lv,
		    &yr)) == 1)
			if (nq < MAX_QUALS) {
				q[nq].worktype = wt;
				q[nq].level = (int)lv;
				q[nq].year = (int)yr;
				nq++;
			}
		if (k == -1)
			return -1;
	}
	e.quals = q;
	e.nquals = nq;
	/* Warnings always come back; the confirmations are judged here. */
	e.confirm_r18 = e.confirm_r19 = 0;

	nm = eligibility_check(&e, &pol, m, MAX_ELIG);
	if (nm > MAX_ELIG)
		nm = MAX_ELIG;
	list = xml_el(r->root, "eligibility", NULL);
	for (i = 0; i < nm; i++) {
		n = xml_el(list, "rule", m[i].text);
		xml_attr(n, "id", m[i].rule);
		xml_attr(n, "field", m[i].field);
		xml_attr(n, "kind", m[i].warning ? "warning" : "error");
		if (!m[i].warning) {
			xml_field_error(r, m[i].field != NULL ? m[i].field :
			    "target_level", m[i].text);
			continue;
		}
		if (strcmp(m[i].rule, "R19") == 0) {
			confirmed = strcmp(f->v[F_CR19], "1") == 0;
			*r19 = confirmed;
			if (!confirmed)
				xml_field_error(r, "confirm_r19", m[i].text);
		} else {
			confirmed = strcmp(f->v[F_CR18], "1") == 0;
			if (!confirmed)
				xml_field_error(r, "confirm_r18", m[i].text);
		}
		xml_attr(n, "confirmed", confirmed ? "1" : "0");
	}
	return 0;
}

/* Puts the values into the form (xml_field). */
static void
form_fill(struct req *r, const struct app *a, const struct vals *f)
{
	char	 name[32];
	int	 k;

	for (k = 0; k < F__MAX; k++)
		xml_field(r, fnames[k], f->v[k]);
	for (k = 0; k < NYEARS; k++) {
		snprintf(name, sizeof(name), "appraisal_%lld", a->year - 1 - k);
		xml_field(r, name, f->grade[k]);
	}
}

/* Appends <unit id code name kind/> rows of statement s to parent. */
static int
unit_rows(struct req *r, enum stmt s, xmlNodePtr parent, const char *want,
    int *found)
{
	xmlNodePtr	 u;
	char		*code, *name, *kind, ids[24];
	long long	 id;
	int		 n;

	while ((n = db_fetch(r, s, "isss", &id, &code, &name, &kind)) == 1) {
		u = xml_el(parent, "unit", NULL);
		snprintf(ids, sizeof(ids), "%lld", id);
		xml_attr(u, "id", ids);
		xml_attr(u, "code", code);
		xml_attr(u, "name", name);
		xml_attr(u, "kind", kind);
		if (strcmp(ids, want) == 0)
			*found = 1;
	}
	return n;
}

/*
 * The cascade of the unit choice: <unit-tree> with the regions, the
 * supervising units of the chosen region and the units of the chosen
 * supervising unit.  A choice that is not among its level's options is
 * cleared (so a changed region drops the levels below it).
 */
static int
unit_tree(struct req *r, const struct acct *c, struct vals *f)
{
	xmlNodePtr	 t, l, g;
	const char	*region = f->region, *sup = f->supervisor;
	char		*creg = NULL, *code, *name, *kind, sups[24];
	long long	 s = 0, uid;
	int		 n, found;

	/* Derive the upper levels from the unit when they are not given. */
	if (*region == '\0' && *sup == '\0' && *f->v[F_UNIT] != '\0' &&
	    valid_uint(f->v[F_UNIT], 1, 4294967295LL, &uid) == 0) {
		if ((n = unit_chain(r, uid, &s, &creg)) == -1)
			return -1;
		if (n == 1) {
			region = creg;
			snprintf(sups, sizeof(sups), "%lld", s);
			sup = pool_strdup(r->pool, sups);
		}
	}
	if (*region == '\0')
		region = c->region;
	t = xml_el(r->root, "unit-tree", NULL);
	l = xml_el(t, "regions", NULL);
	if (db_exec(r, STMT_UNIT_REGIONS, "") == -1)
		return -1;
	found = 0;
	while ((n = db_fetch(r, STMT_UNIT_REGIONS, "sss", &code, &name,
	    &kind)) == 1) {
		g = xml_el(l, "region", NULL);
		xml_attr(g, "code", code);
		xml_attr(g, "name", strcmp(kind, "province") == 0 ?
		    "省直" : name);
		xml_attr(g, "kind", kind);
		if (strcmp(code, region) == 0)
			found = 1;
	}
	if (n == -1)
		return -1;
	if (!found)
		region = "";
	xml_field(r, "region", region);
	if (*region == '\0') {
		sup = "";
		goto units;
	}
	l = xml_el(t, "supervisors", NULL);
	xml_attr(l, "region", region);
	if (db_exec(r, STMT_UNIT_SUPERVISORS, "ss", region, region) == -1)
		return -1;
	found = 0;
	if (unit_rows(r, STMT_UNIT_SUPERVISORS, l, sup, &found) == -1)
		return -1;
	if (!found)
		sup = "";
units:
	xml_field(r, "supervisor", sup);
	if (*sup == '\0') {
		xml_field(r, "unit_id", "");
		return 0;
	}
	l = xml_el(t, "units", NULL);
	xml_attr(l, "parent", sup);
	if (db_exec(r, STMT_UNIT_CHILDREN, "i", strtoll(sup, NULL, 10)) == -1)
		return -1;
	found = strcmp(f->v[F_UNIT], sup) == 0;	/* the supervisor itself */
	if (unit_rows(r, STMT_UNIT_CHILDREN, l, f->v[F_UNIT], &found) == -1)
		return -1;
	if (!found)
		xml_field(r, "unit_id", "");
	return 0;
}

/*
 * The lists of the page: education, grades, the appraisal years, the
 * work types (with the new counterparts of the merged ones), the
 * breakthrough conditions, and the materials.  *has_photo, *has_idcard,
 * *nr19, *nexc count the materials of each kind.
 */
static int
page_lists(struct req *r, const struct app *a, int *has_photo,
    int *has_idcard, int *nr19, int *nexc)
{
	xmlNodePtr	 l, n, w = NULL;
	char		*code, *name, *pinyin, *status, *old, *kind, *title;
	char		*mime, *created, *prev = "";
	long long	 rank, id, size;
	size_t		 i;
	int		 k;

	l = xml_el(r->root, "educations", NULL);
	if (db_exec(r, STMT_EDU_LIST, "") == -1)
		return -1;
	while ((k = db_fetch(r, STMT_EDU_LIST, "ssi", &code, &name,
	    &rank)) == 1) {
		n = xml_el(l, "education", NULL);
		xml_attr(n, "value", code);
		xml_attr(n, "name", name);
	}
	if (k == -1)
		return -1;

	l = xml_el(r->root, "grades", NULL);
	if (db_exec(r, STMT_GRADE_LIST, "") == -1)
		return -1;
	while ((k = db_fetch(r, STMT_GRADE_LIST, "ssi", &code, &name,
	    &rank)) == 1) {
		n = xml_el(l, "grade", NULL);
		xml_attr(n, "value", code);
		xml_attr(n, "name", name);
	}
	if (k == -1)
		return -1;

	l = xml_el(r->root, "appraisal-years", NULL);
	for (k = 0; k < NYEARS; k++) {
		n = xml_el(l, "year", NULL);
		xml_attrf(n, "value", "%lld", a->year - 1 - k);
	}

	xml_levels(r->root);

	l = xml_el(r->root, "worktypes", NULL);
	if (db_exec(r, STMT_WT_ALL, "") == -1)
		return -1;
	while ((k = db_fetch(r, STMT_WT_ALL, "ssss", &code, &name, &pinyin,
	    &status)) == 1) {
		n = xml_el(l, "worktype", NULL);
		xml_attr(n, "code", code);
		xml_attr(n, "name", name);
		xml_attr(n, "pinyin", pinyin);
		xml_attr(n, "status", status);
	}
	if (k == -1)
		return -1;
	/* The map, sorted by old code: attach to each merged type. */
	if (db_exec(r, STMT_WT_MAP_ALL, "") == -1)
		return -1;
	while ((k = db_fetch(r, STMT_WT_MAP_ALL, "sss", &old, &code,
	    &name)) == 1) {
		if (strcmp(old, prev) != 0) {
			for (w = l->children; w != NULL; w = w->next) {
				xmlChar	*c = xmlGetProp(w,
				    (const xmlChar *)"code");
				int	 eq = c != NULL &&
				    strcmp((char *)c, old) == 0;

				xmlFree(c);
				if (eq)
					break;
			}
			prev = old;
		}
		if (w != NULL) {
			n = xml_el(w, "maps-to", NULL);
			xml_attr(n, "code", code);
			xml_attr(n, "name", name);
		}
	}
	if (k == -1)
		return -1;

	for (i = 0; i < sizeof(choices) / sizeof(choices[0]); i++) {
		if (i == 0 || strcmp(choices[i].field, choices[i - 1].field)) {
			l = xml_el(r->root, "choices", NULL);
			xml_attr(l, "name", choices[i].field);
		}
		n = xml_el(l, "choice", NULL);
		xml_attr(n, "value", choices[i].value);
		xml_attr(n, "name", choices[i].name);
	}

	l = xml_el(r->root, "exc-conditions", NULL);
	for (i = 0; i < sizeof(exc_conds) / sizeof(exc_conds[0]); i++) {
		n = xml_el(l, "condition", NULL);
		xml_attr(n, "value", exc_conds[i].code);
		xml_attr(n, "name", exc_conds[i].name);
	}

	*has_photo = *has_idcard = *nr19 = *nexc = 0;
	l = xml_el(r->root, "materials", NULL);
	if (db_exec(r, STMT_APP_MATERIALS, "i", a->id) == -1)
		return -1;
	while ((k = db_fetch(r, STMT_APP_MATERIALS, "isssis", &id, &kind,
	    &title, &mime, &size, &created)) == 1) {
		n = xml_el(l, "material", NULL);
		xml_attrf(n, "id", "%lld", id);
		xml_attr(n, "kind", kind);
		if (*title != '\0')
			xml_attr(n, "title", title);
		xml_attr(n, "mime", mime);
		xml_attrf(n, "size", "%lld", size);
		xml_attr(n, "created", created);
		if (strcmp(kind, "photo") == 0)
			*has_photo = 1;
		else if (strcmp(kind, "idcard") == 0)
			*has_idcard = 1;
		else if (strcmp(kind, "r19proof") == 0)
			(*nr19)++;
		else if (strcmp(kind, "exc_evidence") == 0)
			(*nexc)++;
	}
	return k == -1 ? -1 : 0;
}

/*
 * <targets restricted="1"> with the work types R14 leaves to choose
 * when it restricts the choice (the page's plain select then offers
 * only these); restricted="0" and no rows otherwise.
 */
static int
page_targets(struct req *r, const struct app *a, const struct vals *f)
{
	struct elig_policy	 pol;
	xmlNodePtr		 t, n;
	char			*nc, *nn, *status, *name = NULL;
	long long		 cl = -1, tl = 0;
	int			 k, rows = 0, freed;

	t = xml_el(r->root, "targets", NULL);
	if (*f->v[F_CURWT] == '\0' ||
	    valid_uint(f->v[F_TLEVEL], 1, 5, &tl) == -1) {
		xml_attr(t, "restricted", "0");
		return 0;
	}
	if (valid_uint(f->v[F_CURLEVEL], 0, 5, &cl) == -1)
		cl = -1;
	if (policy_load(r, (int)a->year, &pol) == -1)
		return -1;
	freed = cl == 0 || cl == tl || tl == 5 || ((tl == 4 || tl == 3) &&
	    strcmp(f->v[F_ROUTE], "years") == 0) ||
	    (strcmp(f->v[F_CURWT], pol.driver) == 0 && tl != 1);
	if (!freed) {
		/* As eligibility.c: a current type's counterpart is itself. */
		if ((k = wt_get(r, f->v[F_CURWT], &status, &name)) == -1)
			return -1;
		if (k == 1 && strcmp(status, "current") == 0) {
			n = xml_el(t, "worktype", NULL);
			xml_attr(n, "code", f->v[F_CURWT]);
			xml_attr(n, "name", name);
			rows++;
		}
		if (db_exec(r, STMT_WT_MAPS, "s", f->v[F_CURWT]) == -1)
			return -1;
		while ((k = db_fetch(r, STMT_WT_MAPS, "ss", &nc, &nn)) == 1) {
			n = xml_el(t, "worktype", NULL);
			xml_attr(n, "code", nc);
			xml_attr(n, "name", nn);
			rows++;
		}
		if (k == -1)
			return -1;
	}
	xml_attr(t, "restricted", rows > 0 ? "1" : "0");
	return 0;
}

/* The page without the form's values: state, account, window. */
static int
page_start(struct req *r, const struct acct *c, const struct app *a,
    int *open)
{
	xmlNodePtr	 ap, ac, n;
	char		 masked[40], *reason, *at;
	int		 k;

	xml_page(r, PAGE_APPLY);
	if (h_window(r, r->root, "registration", open) == -1)
		return -1;
	ap = xml_el(r->root, "application", NULL);
	xml_attrf(ap, "id", "%lld", a->id);
	xml_attr(ap, "state", a->state);
	xml_attrf(ap, "version", "%lld", a->version);
	xml_attrf(ap, "year", "%lld", a->year);
	xml_attr(ap, "editable", editable(a) ? "1" : "0");
	if (a->exc_entered)
		xml_attr(ap, "exceptional", "1");
	xml_attr(ap, "photo-stamped", a->stamped ? "1" : "0");
	if (*a->submitted_at != '\0')
		xml_attr(ap, "submitted", a->submitted_at);
	if (strcmp(a->state, "returned") == 0 ||
	    strcmp(a->state, "rejected") == 0) {
		if (db_exec(r, STMT_APP_LAST_EVENT, "is", a->id,
		    strcmp(a->state, "returned") == 0 ? "return" :
		    "reject") == -1 ||
		    (k = db_fetch(r, STMT_APP_LAST_EVENT, "ss", &reason,
		    &at)) == -1)
			return -1;
		db_done(r, STMT_APP_LAST_EVENT);
		if (k == 1) {
			n = xml_el(ap, "reason", *reason ? reason : "（未填写原因）");
			xml_attr(n, "at", at);
		}
	}

	ac = xml_el(r->root, "account", NULL);
	xml_attr(ac, "name", c->name);
	if (*c->idno != '\0') {
		pii_mask_idno(c->idno, masked, sizeof(masked));
		xml_attr(ac, "idno", masked);
	}
	if (*c->phone != '\0') {
		pii_mask_phone(c->phone, masked, sizeof(masked));
		xml_attr(ac, "phone", masked);
	}
	xml_attr(ac, "gender", strcmp(c->gender, "F") == 0 ? "女" : "男");
	xml_attr(ac, "birth", pool_strndup(r->pool, c->birth, 7));
	xml_attrf(ac, "level", "%lld", c->level);
	xml_form(r, "/apply");
	return 0;
}

/*
 * Finishes the page: values, unit cascade, lists, targets.  The
 * version field is the one given (the stored one when NULL).
 */
static enum rc
page_finish(struct req *r, const struct acct *c, const struct app *a,
    struct vals *f, const char *version, int *has_photo, int *has_idcard,
    int *nr19, int *nexc)
{
	int	 hp, hi, n19, ne;

	form_fill(r, a, f);
	if (version != NULL)
		xml_field(r, "version", version);
	else
		xml_field(r, "version", pool_printf(r->pool, "%lld",
		    a->version));
	if (unit_tree(r, c, f) == -1 ||
	    page_lists(r, a, &hp, &hi, &n19, &ne) == -1 ||
	    page_targets(r, a, f) == -1)
		return RC_DB;
	if (has_photo != NULL) {
		*has_photo = hp;
		*has_idcard = hi;
		*nr19 = n19;
		*nexc = ne;
	}
	return RC_OK;
}

/* Loads account and application; RC_OK or the error. */
static enum rc
load(struct req *r, struct acct *c, struct app *a)
{
	int	 n;

	if ((n = acct_load(r, c)) == -1)
		return RC_DB;
	if (n == 0)
		return RC_NOTFOUND;
	if (app_load(r, c, a) == -1)
		return RC_DB;
	return RC_OK;
}

/* GET /apply */
enum rc
h_apply(struct req *r)
{
	struct acct	 c;
	struct app	 a;
	struct vals	 f;
	enum rc		 rc;

	if ((rc = load(r, &c, &a)) != RC_OK)
		return rc;
	if (page_start(r, &c, &a, NULL) == -1)
		return RC_DB;
	vals_from_app(&f, &a);
	/* 工作年限 is filled in from 参加工作时间 until given. */
	if (*f.v[F_WYEARS] == '\0' && strlen(f.v[F_WSTART]) == 10)
		f.v[F_WYEARS] = pool_printf(r->pool, "%lld",
		    a.year - atoi(f.v[F_WSTART]) + 1);
	rc = page_finish(r, &c, &a, &f, NULL, NULL, NULL, NULL, NULL);
	OPENSSL_cleanse(c.idno, sizeof(c.idno));
	OPENSSL_cleanse(c.phone, sizeof(c.phone));
	return rc;
}

/* An integer field for the database: NULL when not given. */
static const char *
num_or_null(long long v)
{
	static char	 buf[8][24];
	static int	 i;

	if (v < 0)
		return NULL;
	i = (i + 1) % 8;
	snprintf(buf[i], sizeof(buf[i]), "%lld", v);
	return buf[i];
}

/* A text field for the database: NULL when not given. */
static const char *
str_or_null(const char *s)
{
	return *s != '\0' ? s : NULL;
}

/*
 * Writes the values into the application with the version check, in
 * the caller's transaction.  Returns 1, 0 when the version or state
 * changed meanwhile, -1 on a database failure.
 */
static int
store(struct req *r, const struct app *a, const struct vals *f,
    long long version)
{
	char		 start[32];
	int		 n, k;

	if (f->sy > 0)
		snprintf(start, sizeof(start), "%04d-%02d-%02d", f->sy, f->sm,
		    f->sd);
	n = db_exec(r, STMT_APP_SAVE, "ssssssssssssssssii",
	    num_or_null(f->unit_id), str_or_null(f->v[F_EDU]),
	    f->sy > 0 ? start : NULL, num_or_null(f->work_years),
	    num_or_null(f->cur_level), str_or_null(f->v[F_CURWT]),
	    num_or_null(f->cur_year), str_or_null(f->v[F_UCAT]),
	    str_or_null(f->v[F_URANK]), str_or_null(f->v[F_TWT]),
	    num_or_null(f->target_level), str_or_null(f->v[F_ROUTE]),
	    f->prohibited < 0 ? NULL : f->prohibited ? "1" : "0",
	    strcmp(f->v[F_EXC], "1") == 0 ? "1" : "0",
	    strcmp(f->v[F_CR18], "1") == 0 ? "1" : "0",
	    strcmp(f->v[F_CR19], "1") == 0 ? "1" : "0",
	    a->id, version);
	if (n != 1)
		return n;
	if (db_exec(r, STMT_APP_SAVE_TEXT, "sssssssi", f->v[F_NOTE],
	    f->v[F_EXCCOND], f->v[F_EXCEV], f->v[F_RESUME], f->v[F_REWARDS],
	    f->v[F_ACHIEVE], f->v[F_OPT], a->id) == -1 ||
	    db_exec(r, STMT_APPRAISAL_CLEAR, "i", a->id) == -1)
		return -1;
	for (k = 0; k < NYEARS; k++)
		if (*f->grade[k] != '\0' && db_exec(r, STMT_APPRAISAL_INSERT,
		    "iis", a->id, a->year - 1 - k, f->grade[k]) == -1)
			return -1;
	return 1;
}

/* Marks the form invalid with a message above it. */
static void
form_refuse(struct req *r, const char *msg)
{
	xml_form_message(r, msg);
	xml_attr(r->form, "status", "invalid");
	r->form_bad = 1;
}

/* The sentence refusing a submission outside the registration window. */
static const char *
window_msg(struct req *r)
{
	xmlNodePtr	 n;
	xmlChar		*s, *e;
	const char	*msg;

	for (n = r->root->children; n != NULL; n = n->next)
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "window") == 0)
			break;
	if (n == NULL || (s = xmlGetProp(n, (const xmlChar *)"starts")) == NULL)
		return "本年度注册报名时间尚未公布，暂不能提交，请关注当地工考办通知。";
	e = xmlGetProp(n, (const xmlChar *)"ends");
	msg = pool_printf(r->pool, "注册报名时间为%s至%s，当前不在注册报名时间内，"
	    "不能提交报名信息。", (char *)s, e ? (char *)e : "");
	xmlFree(s);
	xmlFree(e);
	return msg;
}

/*
 * The answer when the stored application changed under the form: 409
 * with the current state (a submission already made goes to /status).
 */
static enum rc
conflict(struct req *r, struct acct *c, struct app *a, struct vals *f,
    int submitting)
{
	enum rc	 rc;

	db_rollback(r);
	if (app_load(r, c, a) == -1)
		return RC_DB;
	if (submitting && (strcmp(a->state, "submitted") == 0 ||
	    strcmp(a->state, "approved") == 0)) {
		resp_redirect(r, "/status");
		return RC_OK;
	}
	if (page_start(r, c, a, NULL) == -1)
		return RC_DB;
	if (!editable(a))
		vals_from_app(f, a);
	if ((rc = page_finish(r, c, a, f, NULL, NULL, NULL, NULL,
	    NULL)) != RC_OK)
		return rc;
	form_refuse(r, editable(a) ?
	    "报名信息已在其他页面或窗口中修改过，请核对本页内容后重新保存。" :
	    "报名信息已提交，审核期间不能修改；如需修改，请联系审核人员退回。");
	r->status = 409;
	return RC_OK;
}

/* POST /apply: action save, submit, pick_unit (下一级) or send_code. */
enum rc
h_apply_post(struct req *r)
{
	struct acct	 c;
	struct app	 a;
	struct vals	 f;
	const char	*action, *msg, *ver;
	long long	 version = -1, code_id = 0;
	char		 obj[40];
	int		 open = 0, hp = 0, hi = 0, n19 = 0, nexc = 0, r19 = 0, n;
	enum rc		 rc;

	if ((rc = load(r, &c, &a)) != RC_OK)
		return rc;
	action = form_text(&r->body, "action");
	if (!editable(&a)) {
		if (strcmp(action, "submit") == 0 &&
		    (strcmp(a.state, "submitted") == 0 ||
		    strcmp(a.state, "approved") == 0)) {
			resp_redirect(r, "/status");
			return RC_OK;
		}
		vals_from_app(&f, &a);
		return conflict(r, &c, &a, &f, 0);
	}
	if (page_start(r, &c, &a, &open) == -1)
		return RC_DB;
	vals_from_body(r, &f, &a);
	ver = form_text(&r->body, "version");
	if (valid_uint(ver, 1, 4294967295LL, &version) == -1)
		version = -1;

	if (strcmp(action, "pick_unit") == 0)
		return page_finish(r, &c, &a, &f, ver, NULL, NULL, NULL, NULL);

	if (strcmp(action, "send_code") == 0) {
		if ((rc = page_finish(r, &c, &a, &f, ver, NULL, NULL, NULL,
		    NULL)) != RC_OK)
			return rc;
		if (!open) {
			form_refuse(r, window_msg(r));
			return RC_OK;
		}
		if ((msg = sms_issue(r, c.phone, "submit")) != NULL) {
			if (r->status == 503)
				return RC_DB;
			xml_field_error(r, "sms_code", msg);
			return RC_OK;
		}
		xml_attr(r->form, "status", "sent");
		xml_form_message(r, "短信验证码已发送至您注册时的手机号，请查收（5分钟内有效）。");
		return RC_OK;
	}

	if (strcmp(action, "save") != 0 && strcmp(action, "submit") != 0) {
		if ((rc = page_finish(r, &c, &a, &f, ver, NULL, NULL, NULL,
		    NULL)) != RC_OK)
			return rc;
		form_refuse(r, "请点击“保存信息”或“提交信息”按钮。");
		return RC_OK;
	}
	if (version < 0) {
		if ((rc = page_finish(r, &c, &a, &f, NULL, NULL, NULL, NULL,
		    NULL)) != RC_OK)
			return rc;
		form_refuse(r, "页面已过期，请核对本页内容后重新保存或提交。");
		return RC_OK;
	}
	/* 工作年限 left empty is filled in from 参加工作时间. */
	if (check_formats(r, &a, &f) == -1)
		return RC_DB;
	if (*f.v[F_WYEARS] == '\0' && f.sy > 0) {
		f.work_years = a.year - f.sy + 1;
		f.v[F_WYEARS] = pool_printf(r->pool, "%lld", f.work_years);
	}

	if (strcmp(action, "save") == 0) {
		if ((rc = page_finish(r, &c, &a, &f, ver, NULL, NULL, NULL,
		    NULL)) != RC_OK)
			return rc;
		if (r->form_bad) {
			xml_form_message(r, "请按提示修改后重新保存，信息尚未保存。");
			return RC_OK;
		}
		snprintf(obj, sizeof(obj), "application:%lld", a.id);
		if (db_begin(r) == -1 || (n = store(r, &a, &f, version)) == -1)
			goto dbfail;
		if (n == 0)
			return conflict(r, &c, &a, &f, 0);
		if (audit(r, "application.save", obj, "ok", NULL) == -1 ||
		    db_commit(r) == -1)
			goto dbfail;
		resp_redirect(r, "/apply?m=saved");
		return RC_OK;
	}

	/* Submit: every rule, the photos, the confirmations, the code. */
	if ((rc = page_finish(r, &c, &a, &f, ver, &hp, &hi, &n19,
	    &nexc)) != RC_OK)
		return rc;
	check_required(r, &f, hp, hi, nexc);
	if (check_rules(r, &c, &a, &f, &r19) == -1)
		return RC_DB;
	if (r19 && n19 == 0)
		xml_field_error(r, "r19proof", "请按要求上传相关证明材料照片"
		    "（请先点击“保存信息”，再在下方资料上传中上传证明材料）。");
	if (!open)
		form_refuse(r, window_msg(r));
	if (r->form_bad) {
		if (*form_text(&r->body, "sms_code") == '\0')
			xml_field_error(r, "sms_code", "请输入短信验证码。");
		xml_form_message(r, "信息尚未提交，请按提示修改后重新提交。");
		return RC_OK;
	}
	if ((msg = sms_check(r, c.phone, "submit",
	    form_text(&r->body, "sms_code"), &code_id)) != NULL) {
		if (r->status == 503)
			return RC_DB;
		xml_field_error(r, "sms_code", msg);
		xml_form_message(r, "信息尚未提交，请按提示修改后重新提交。");
		return RC_OK;
	}

	snprintf(obj, sizeof(obj), "application:%lld", a.id);
	if (db_begin(r) == -1 || (n = store(r, &a, &f, version)) == -1)
		goto dbfail;
	if (n == 0)
		return conflict(r, &c, &a, &f, 1);
	if ((n = db_exec(r, STMT_APP_SUBMIT, "ii", a.id, version + 1)) == -1)
		goto dbfail;
	if (n == 0)
		return conflict(r, &c, &a, &f, 1);
	if (db_exec(r, STMT_APP_REVIEW_SUBMIT, "iii", a.id, r->account_id,
	    f.unit_id > 0 ? f.unit_id : 0) == -1)
		goto dbfail;
	if (sms_use(r, code_id) == -1) {
		db_rollback(r);
		xml_field_error(r, "sms_code", "该验证码已使用，请重新获取。");
		return RC_OK;
	}
	if (audit(r, "application.submit", obj, "ok", a.state) == -1 ||
	    db_commit(r) == -1)
		goto dbfail;
	OPENSSL_cleanse(c.idno, sizeof(c.idno));
	OPENSSL_cleanse(c.phone, sizeof(c.phone));
	resp_redirect(r, "/status?m=submitted");
	return RC_OK;
dbfail:
	db_rollback(r);
	return RC_DB;
}
