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
 * t/unit/pdf.c: documents made by pdf.c, read back by poppler's
 * pdfinfo, pdffonts, pdftotext and pdfimages
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gkbm.h"
#include "pdf.h"
#include "tap.h"

struct sink {
	FILE	*f;
	size_t	 n;		/* bytes taken */
	size_t	 limit;		/* refuse beyond this (0: never) */
};

static int	sink_write(void *, const unsigned char *, size_t);
static char	*run(const char *, const char *);
static int	count(const char *, const char *);
static int	info(const char *, const char *, const char *);
static void	roster(struct pdf *, int, const char *);

/*
 * cairo 1.16 keeps six small buffers of its output stream when the
 * writer refuses (the refusing writer below): its leak, not ours.  The
 * sanitizer pass (tools/check) runs this test with LeakSanitizer.
 */
const char	*__lsan_default_suppressions(void);
const char *
__lsan_default_suppressions(void)
{
	return "leak:libcairo.so\n";
}

static int
sink_write(void *v, const unsigned char *data, size_t len)
{
	struct sink	*s = v;

	if (s->limit > 0 && s->n + len > s->limit)
		return -1;
	s->n += len;
	return fwrite(data, 1, len, s->f) == len ? 0 : -1;
}

/* The standard output of "cmd path" (malloc'd; "" when it failed). */
static char *
run(const char *cmd, const char *path)
{
	char	 line[1024], *out = xstrdup(""), *t;
	FILE	*f;

	snprintf(line, sizeof(line), "%s '%s' 2>/dev/null", cmd, path);
	if ((f = popen(line, "r")) == NULL)
		return out;
	while (fgets(line, sizeof(line), f) != NULL) {
		xasprintf(&t, "%s%s", out, line);
		free(out);
		out = t;
	}
	pclose(f);
	return out;
}

/* How often needle occurs in hay. */
static int
count(const char *hay, const char *needle)
{
	int	 n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

/* Whether pdfinfo's output o says value for key ("Pages"). */
static int
info(const char *o, const char *key, const char *value)
{
	char		 k[64];
	const char	*v;

	snprintf(k, sizeof(k), "%s:", key);
	if ((v = strstr(o, k)) == NULL)
		return 0;
	v += strlen(k);
	v += strspn(v, " ");
	return strncmp(v, value, strlen(value)) == 0 &&
	    v[strlen(value)] == '\n';
}

/* A title and a table of n fixed-height rows; the total set first. */
static void
roster(struct pdf *p, int n, const char *unit)
{
	static const struct pdf_cell th[] = {
		{ "序号", 14, PDF_CENTER | PDF_SHADE | PDF_BOLD },
		{ "姓名", 30, PDF_SHADE | PDF_BOLD },
		{ "身份证号", 50, PDF_SHADE | PDF_BOLD },
		{ "单位", 90, PDF_SHADE | PDF_BOLD },
		{ "工种", 40, PDF_SHADE | PDF_BOLD },
		{ "级别", 20, PDF_CENTER | PDF_SHADE | PDF_BOLD },
	};
	char		 num[16], name[32];
	const char	*row[6];
	int		 i;

	pdf_set_header(p, "2026年度 终审通过名册", "郑州市工考办");
	pdf_set_footer(p, "单位（盖章）：");
	pdf_text(p, "河南省机关事业单位工勤技能岗位等级考核终审通过名册",
	    PDF_BIG | PDF_CENTER);
	pdf_space(p, 3);
	pdf_table(p, th, 6, 2);
	pdf_set_total(p, pdf_table_pages(p, n));
	for (i = 0; i < n; i++) {
		snprintf(num, sizeof(num), "%d", i + 1);
		snprintf(name, sizeof(name), "张%d", i + 1);
		row[0] = num;
		row[1] = name;
		row[2] = "41010219811224551X";
		row[3] = unit;
		row[4] = "护理员";
		row[5] = "四级";
		if (pdf_table_row(p, row) == -1)
			break;
	}
	pdf_table_end(p);
}

int
main(void)
{
	struct sink	 s;
	struct pdf	*p;
	struct image	 img;
	unsigned char	*jpg;
	size_t		 jlen, i;
	char		 path[] = "/tmp/gkbm-pdf-XXXXXX", *o, want[64];
	int		 fd, pages, n;

	plan_lazy();
	if ((fd = mkstemp(path)) == -1)
		bail("mkstemp");
	close(fd);

	/* A landscape roster of 300 rows: the pages predicted are made. */
	s.f = fopen(path, "w");
	s.n = s.limit = 0;
	p = pdf_open(PDF_A4_LANDSCAPE, sink_write, &s, "终审通过名册");
	ok(p != NULL, "opened");
	roster(p, 300, "郑州市第一人民医院后勤保障服务中心（一个很长的单位名称，"
	    "超过两行时以省略号截断，行高不变）");
	pages = pdf_close(p);
	fclose(s.f);
	ok(pages > 5, "300 rows take %d pages", pages);
	o = run("pdfinfo", path);
	ok(info(o, "Page size", "841.89 x 595.276 pts (A4)"), "A4 landscape");
	snprintf(want, sizeof(want), "%d", pages);
	ok(info(o, "Pages", want), "pdfinfo counts %d pages", pages);
	ok(info(o, "Title", "终审通过名册"), "title");
	ok(info(o, "Creator", "gkbm"), "creator");
	free(o);
	o = run("pdffonts", path);
	/* every font: emb yes, sub yes (a subset) */
	ok(count(o, "NotoSansCJKsc-") == 2 && count(o, " yes yes ") == 2,
	    "the CJK fonts embedded as subsets: %s", o);
	free(o);
	o = run("pdftotext -layout", path);
	/* pdftotext writes path.txt: read it */
	free(o);
	snprintf(want, sizeof(want), "%s.txt", path);
	o = run("cat", want);
	ok(count(o, "身份证号") == pages, "the table header on each of %d "
	    "pages (%d)", pages, count(o, "身份证号"));
	snprintf(want, sizeof(want), "第 %d 页 共 %d 页", pages, pages);
	ok(strstr(o, want) != NULL, "the last footer says %s", want);
	ok(strstr(o, "第 1 页 共") != NULL, "the first footer");
	ok(count(o, "41010219811224551X") == 300, "300 rows");
	ok(strstr(o, "张300") != NULL && strstr(o, "张1 ") != NULL,
	    "first and last names");
	ok(count(o, "2026年度 终审通过名册") == pages, "running header");
	free(o);
	unlink(want);
	if (getenv("KEEP") != NULL) {
		snprintf(want, sizeof(want), "cp %s /tmp/gkbm-roster.pdf", path);
		(void)system(want);
	}

	/* A measuring document counts the same pages, writes nothing. */
	p = pdf_open(PDF_A4_LANDSCAPE, NULL, NULL, "x");
	roster(p, 300, "单位");
	is_int(pages, pdf_page(p), "measuring pass: same page count");
	is_int(pages, pdf_close(p), "and closes");

	/* A writer that refuses stops the document: -1. */
	s.f = fopen(path, "w");
	s.n = 0;
	s.limit = 20000;
	p = pdf_open(PDF_A4_LANDSCAPE, sink_write, &s, "x");
	roster(p, 3000, "单位");
	ok(pdf_failed(p), "failed once the writer refused");
	is_int(-1, pdf_close(p), "close says so");
	fclose(s.f);

	/* A portrait form: rows of cells, a photo, text, a frame. */
	memset(&img, 0, sizeof(img));
	img.w = 413;
	img.h = 626;
	img.rgb = xcalloc((size_t)img.w * img.h, 3);
	for (i = 0; i < (size_t)img.w * img.h * 3; i += 3)
		img.rgb[i] = 200;
	if (image_encode(&img, 85, &jpg, &jlen) != 0)
		bail("image_encode");
	s.f = fopen(path, "w");
	s.n = s.limit = 0;
	p = pdf_open(PDF_A4_PORTRAIT, sink_write, &s, "报名表");
	{
		struct pdf_cell	 r1[] = {
			{ "姓名", 25, PDF_SHADE }, { "李四", 50, 0 },
			{ "性别", 25, PDF_SHADE }, { "男", 46, 0 },
		};
		pdf_text(p, "报名表", PDF_BIG | PDF_CENTER);
		pdf_row(p, r1, 4, 10);
		pdf_row(p, r1, 4, 10);
		is_int(0, pdf_jpeg(p, jpg, jlen, 146, 0, 40, 60), "photo");
		is_int(-1, pdf_jpeg(p, (const unsigned char *)"xx", 2, 146, 0,
		    40, 60), "not a JPEG refused");
		pdf_frame(p, 146, 0, 40, 60, NULL, 0);
		pdf_need(p, 40);
		pdf_text(p, "单位审核意见", PDF_BOLD);
		pdf_frame(p, 0, pdf_y(p), pdf_width(p), 40,
		    "（盖章）\n年  月  日", PDF_RIGHT);
	}
	n = pdf_close(p);
	fclose(s.f);
	is_int(1, n, "one page");
	o = run("pdfinfo", path);
	ok(info(o, "Page size", "595.276 x 841.89 pts (A4)"), "A4 portrait");
	free(o);
	o = run("pdfimages -list", path);
	ok(strstr(o, "jpeg") != NULL && strstr(o, " 413   626 ") != NULL,
	    "the photo embedded as its JPEG: %s", o);
	free(o);
	o = run("pdftotext", path);
	free(o);
	snprintf(want, sizeof(want), "%s.txt", path);
	o = run("cat", want);
	ok(strstr(o, "李四") != NULL && strstr(o, "单位审核意见") != NULL &&
	    strstr(o, "（盖章）") != NULL, "the form's text");
	free(o);
	unlink(want);
	free(jpg);
	image_free(&img);
	/* QR codes, a page each, read back by zbarimg off the rendered pages. */
	{
	char	 cmd[1024];

	s.f = fopen(path, "w");
	s.n = s.limit = 0;
	p = pdf_open(PDF_A4_PORTRAIT, sink_write, &s, "准考证");
	is_int(0, pdf_qr(p, "2641010010100107", 0, 0, 40), "a QR code");
	pdf_new_page(p);
	is_int(0, pdf_qr(p, "https://gkbm.example/verify/X1.AB", 120, 100,
	    50), "a QR code on page 2");
	is_int(-1, pdf_qr(p, "", 0, 0, 40), "empty text refused");
	n = pdf_close(p);
	fclose(s.f);
	is_int(2, n, "pdf_new_page: two pages");
	snprintf(cmd, sizeof(cmd), "pdftoppm -r 150 -png %s %s.q && "
	    "zbarimg -q --raw %s.q-1.png %s.q-2.png; rm -f %s.q-*.png;", path,
	    path, path, path, path);
	o = run(cmd, "");
	ok(strcmp(o, "2641010010100107\nhttps://gkbm.example/verify/X1.AB\n")
	    == 0, "zbarimg reads both codes back: %s", o);
	free(o);
	}
	pdf_cleanup();
	if (getenv("KEEP") == NULL)
		unlink(path);
	else
		diag("kept %s", path);
	return 0;
}
