/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/doccheck.c: tests of the doc/docx check, on files built here */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gkbm.h"
#include "tap.h"

#define MAX_DOC		(10 * 1024 * 1024)
#define MIME_DOC	"application/msword"
#define MIME_DOCX	"application/vnd.openxmlformats-officedocument." \
			"wordprocessingml.document"
#define WANT		"请上传doc或docx格式的Word文档。"

static const char *const msg_exec = "不能上传可执行文件。" WANT;
static const char *const msg_damaged =
    "文档已损坏或不完整，请在Word中重新保存为doc或docx格式后上传。";
static const char *const msg_crypt =
    "文档已加密（设置了打开密码），请在Word中取消密码后重新上传。";
static const char *const msg_macro =
    "不能上传含宏的文档，请在Word中“另存为”不含宏的doc或docx格式后上传。";
static const char *const msg_path =
    "文档中含有不安全的文件路径，不能上传。请上传Word正常保存的doc或docx文档。";
static const char *const msg_nested = "文档中含有压缩包，不能上传。" WANT;
static const char *const msg_office =
    "文件不是Word文档（可能是Excel、PowerPoint等其他文件）。" WANT;

/* One entry of a ZIP built here. */
struct zent {
	const char	*name;
	const char	*data;
	uint16_t	 flags;		/* general purpose flags */
	uint16_t	 method;	/* 0 stored, 8 deflate (data as is) */
	uint32_t	 usize;		/* claimed size; 0: the data's */
	int		 local_off;	/* -1, or share entry N's data */
};

/* A file being built. */
struct fbuf {
	unsigned char	*b;
	size_t		 len, cap;
};

static void	put(struct fbuf *, const void *, size_t);
static void	put16(struct fbuf *, unsigned);
static void	put32(struct fbuf *, uint32_t);
static uint32_t	crc32(const unsigned char *, size_t);
static void	zip(struct fbuf *, const struct zent *, size_t);
static void	ole(struct fbuf *, int, const char *const *, size_t, int);
static const char *check(const struct fbuf *, const char **);
static void	test_docx(void);
static void	test_doc(void);
static void	test_other(void);

static void
put(struct fbuf *f, const void *p, size_t n)
{
	if (f->len + n > f->cap) {
		f->cap = (f->len + n) * 2;
		if ((f->b = realloc(f->b, f->cap)) == NULL)
			bail("out of memory");
	}
	memcpy(f->b + f->len, p, n);
	f->len += n;
}

static void
put16(struct fbuf *f, unsigned v)
{
	unsigned char	 b[2] = { v & 0xff, v >> 8 & 0xff };

	put(f, b, 2);
}

static void
put32(struct fbuf *f, uint32_t v)
{
	unsigned char	 b[4] = { v & 0xff, v >> 8 & 0xff, v >> 16 & 0xff,
	    v >> 24 };

	put(f, b, 4);
}

/* CRC-32 as ZIP uses it, bit by bit. */
static uint32_t
crc32(const unsigned char *p, size_t n)
{
	uint32_t	 c = 0xffffffffU;
	int		 k;

	while (n-- > 0) {
		c ^= *p++;
		for (k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320U ^ (c >> 1) : c >> 1;
	}
	return ~c;
}

/*
 * Builds a ZIP of the n entries e into f (emptied first): local headers
 * and data, then a central directory and its end record, all consistent
 * unless an entry asks otherwise.
 */
static void
zip(struct fbuf *f, const struct zent *e, size_t n)
{
	uint32_t	*off;
	size_t		 i, cd, len;

	f->len = 0;
	if ((off = calloc(n, sizeof(*off))) == NULL)
		bail("out of memory");
	for (i = 0; i < n; i++) {
		len = strlen(e[i].data);
		off[i] = (uint32_t)f->len;
		put32(f, 0x04034b50);
		put16(f, 20);
		put16(f, e[i].flags);
		put16(f, e[i].method);
		put32(f, 0);			/* time, date */
		put32(f, crc32((const unsigned char *)e[i].data, len));
		put32(f, (uint32_t)len);
		put32(f, e[i].usize ? e[i].usize : (uint32_t)len);
		put16(f, (unsigned)strlen(e[i].name));
		put16(f, 0);
		put(f, e[i].name, strlen(e[i].name));
		put(f, e[i].data, len);
	}
	cd = f->len;
	for (i = 0; i < n; i++) {
		len = strlen(e[i].data);
		put32(f, 0x02014b50);
		put16(f, 0x031e);
		put16(f, 20);
		put16(f, e[i].flags);
		put16(f, e[i].method);
		put32(f, 0);
		put32(f, crc32((const unsigned char *)e[i].data, len));
		put32(f, (uint32_t)len);
		put32(f, e[i].usize ? e[i].usize : (uint32_t)len);
		put16(f, (unsigned)strlen(e[i].name));
		put16(f, 0);
		put16(f, 0);
		put16(f, 0);			/* disk */
		put16(f, 0);
		put32(f, 0);
		put32(f, e[i].local_off >= 0 ? off[e[i].local_off] : off[i]);
		put(f, e[i].name, strlen(e[i].name));
	}
	len = f->len - cd;
	put32(f, 0x06054b50);
	put16(f, 0);
	put16(f, 0);
	put16(f, (unsigned)n);
	put16(f, (unsigned)n);
	put32(f, (uint32_t)len);
	put32(f, (uint32_t)cd);
	put16(f, 0);
	free(off);
}

/*
 * Builds an OLE2 compound file into f: version 3 (512-byte sectors) or 4
 * (4096), one FAT sector, one directory sector holding a root entry and
 * a stream for each of the n names, and 4096 bytes of stream data
 * shared by all of them, starting with a Word FIB (encrypted if asked).
 */
static void
ole(struct fbuf *f, int version, const char *const *names, size_t n,
    int encrypted)
{
	unsigned	 ss = version == 4 ? 4096 : 512, i, k, ndata, dir;
	unsigned char	*s;
	size_t		 base;

	f->len = 0;
	ndata = 4096 / ss;
	dir = 1;
	/* Header. */
	put(f, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8);
	for (i = 0; i < 16; i++)
		put(f, "", 1);
	put16(f, 0x3e);
	put16(f, (unsigned)version);
	put16(f, 0xfffe);
	put16(f, version == 4 ? 12 : 9);
	put16(f, 6);
	for (i = 0; i < 6; i++)
		put(f, "", 1);
	put32(f, 0);				/* v3: no dir count */
	put32(f, 1);				/* FAT sectors */
	put32(f, dir);				/* directory sector */
	put32(f, 0);
	put32(f, 4096);				/* mini stream cutoff */
	put32(f, 0xfffffffe);			/* no mini FAT */
	put32(f, 0);
	put32(f, 0xfffffffe);			/* no DIFAT sectors */
	put32(f, 0);
	put32(f, 0);				/* FAT in sector 0 */
	for (i = 1; i < 109; i++)
		put32(f, 0xffffffff);
	while (f->len < ss)
		put(f, "", 1);

	/* Sector 0: the FAT. */
	base = f->len;
	put32(f, 0xfffffffd);			/* FATSECT */
	put32(f, 0xfffffffe);			/* directory: one sector */
	for (k = 0; k < ndata; k++)
		put32(f, k + 1 < ndata ? 3 + k : 0xfffffffe);
	while (f->len < base + ss)
		put32(f, 0xffffffff);

	/* Sector 1: the directory. */
	base = f->len;
	for (i = 0; i <= n; i++) {
		const char	*nm = i == 0 ? "Root Entry" : names[i - 1];
		unsigned char	 e[128];

		memset(e, 0, sizeof(e));
		for (k = 0; nm[k] != '\0'; k++)
			e[2 * k] = (unsigned char)nm[k];
		e[64] = (unsigned char)(2 * (k + 1));
		e[66] = i == 0 ? 5 : strcmp(nm, "Macros") == 0 ? 1 : 2;
		memset(e + 68, 0xff, 12);	/* no siblings, no child */
		if (i == 0)
			e[76] = 1, e[77] = e[78] = e[79] = 0;
		else if (i < n)
			e[72] = (unsigned char)(i + 1), e[73] = e[74] =
			    e[75] = 0;
		e[116] = i == 0 ? 0xfe : 2;
		e[117] = e[118] = e[119] = i == 0 ? 0xff : 0;
		if (i != 0)
			e[121] = 0x10;		/* 4096 bytes */
		put(f, e, sizeof(e));
	}
	while (f->len < base + ss)
		put(f, "", 1);

	/* Sectors 2...: the stream, a Word FIB first. */
	base = f->len;
	for (i = 0; i < 4096; i++)
		put(f, "", 1);
	s = f->b + base;
	s[0] = 0xec;
	s[1] = 0xa5;
	s[2] = 0xc1;
	if (encrypted)
		s[11] = 0x01;
}

/* doc_check on f with a 10 MB limit. */
static const char *
check(const struct fbuf *f, const char **mime)
{
	return doc_check(f->b, f->len, MAX_DOC, mime);
}

static void
test_docx(void)
{
	struct fbuf	 f = { NULL, 0, 0 };
	const char	*mime, *m;
	char		 name[32];
	struct zent	*many;
	size_t		 i;
	struct zent	 good[] = {
		{ "[Content_Types].xml", "<Types/>", 0, 0, 0, -1 },
		{ "_rels/.rels", "<Relationships/>", 0, 0, 0, -1 },
		{ "word/document.xml", "<w:document/>", 0, 0, 0, -1 },
	};
	struct zent	 e[4];

	zip(&f, good, 3);
	mime = "x";
	is_string(NULL, check(&f, &mime), "minimal docx accepted");
	is_string(MIME_DOCX, mime, "as docx");

	memcpy(e, good, sizeof(good));
	e[2].name = "xl/workbook.xml";
	zip(&f, e, 3);
	is_string(msg_office, check(&f, &mime),
	    "ZIP without word/document.xml refused");
	ok(mime == NULL, "mime NULL on refusal");
	e[2] = good[2];
	e[0].name = "Content_Types.xml";
	zip(&f, e, 3);
	is_string(msg_office, check(&f, &mime),
	    "ZIP without [Content_Types].xml refused");

	/* A zip bomb's central directory: 1 GB claimed. */
	memcpy(e, good, sizeof(good));
	e[3] = (struct zent){ "word/media/big.xml", "xxxxxxxxxxxxxxxx", 0, 8,
	    1024U * 1024 * 1024, -1 };
	zip(&f, e, 4);
	m = check(&f, &mime);
	ok(m != NULL && strstr(m, "50MB") != NULL,
	    "1 GB claimed refused as a zip bomb: %s", m ? m : "(accepted)");
	e[3].usize = 2 * 1024 * 1024;		/* 2 MB from 16 bytes */
	zip(&f, e, 4);
	m = check(&f, &mime);
	ok(m != NULL && strstr(m, "100:1") != NULL,
	    "ratio over 100:1 refused");
	e[3].usize = 1600;			/* 100:1 exactly, small */
	zip(&f, e, 4);
	is_string(NULL, check(&f, &mime), "small 100:1 entry accepted");

	if ((many = calloc(1001, sizeof(*many))) == NULL)
		bail("out of memory");
	memcpy(many, good, sizeof(good));
	for (i = 3; i < 1001; i++) {
		snprintf(name, sizeof(name), "word/f%04zu.xml", i);
		many[i].name = strdup(name);
		many[i].data = "<x/>";
		many[i].local_off = -1;
	}
	zip(&f, many, 1001);
	m = check(&f, &mime);
	ok(m != NULL && strstr(m, "1000") != NULL,
	    "1001 entries refused: %s", m ? m : "(accepted)");
	zip(&f, many, 1000);
	is_string(NULL, check(&f, &mime), "1000 entries accepted");
	for (i = 3; i < 1001; i++)
		free((char *)many[i].name);
	free(many);

	memcpy(e, good, sizeof(good));
	e[3] = (struct zent){ "../evil.sh", "echo", 0, 0, 0, -1 };
	zip(&f, e, 4);
	is_string(msg_path, check(&f, &mime), "../ entry refused");
	e[3].name = "word/../../etc/cron.d/x";
	zip(&f, e, 4);
	is_string(msg_path, check(&f, &mime), "word/../../ entry refused");
	e[3].name = "/etc/passwd";
	zip(&f, e, 4);
	is_string(msg_path, check(&f, &mime), "absolute path refused");
	e[3].name = "C:/Windows/x.dll";
	zip(&f, e, 4);
	is_string(msg_path, check(&f, &mime), "drive letter refused");
	e[3].name = "word\\..\\x";
	zip(&f, e, 4);
	is_string(msg_path, check(&f, &mime), "backslash refused");
	e[3].name = "word/..foo/x..y";
	zip(&f, e, 4);
	is_string(NULL, check(&f, &mime), "dots inside names accepted");

	memcpy(e, good, sizeof(good));
	e[2].flags = 1;
	zip(&f, e, 3);
	is_string(msg_crypt, check(&f, &mime), "encrypted entry refused");
	e[2].flags = 0;
	e[2].method = 99;
	zip(&f, e, 3);
	is_string(msg_crypt, check(&f, &mime), "AES entry refused");

	memcpy(e, good, sizeof(good));
	e[3] = (struct zent){ "word/vbaProject.bin", "VBA", 0, 0, 0, -1 };
	zip(&f, e, 4);
	is_string(msg_macro, check(&f, &mime), "vbaProject.bin refused");
	e[3].name = "word/VBAPROJECT.BIN";
	zip(&f, e, 4);
	is_string(msg_macro, check(&f, &mime), "VBAPROJECT.BIN refused");

	e[3] = (struct zent){ "word/media/x.zip", "abc", 0, 0, 0, -1 };
	zip(&f, e, 4);
	is_string(msg_nested, check(&f, &mime), "nested .zip refused");
	e[3] = (struct zent){ "word/media/image1.png", "PK\003\004rest", 0,
	    0, 0, -1 };
	zip(&f, e, 4);
	is_string(msg_nested, check(&f, &mime),
	    "stored ZIP under another name refused");
	e[3].name = "word/embeddings/Microsoft_Excel_Worksheet.xlsx";
	zip(&f, e, 4);
	is_string(NULL, check(&f, &mime),
	    "chart data (embedded xlsx) accepted");
	e[3].name = "word/media/sheet.xlsx";
	zip(&f, e, 4);
	is_string(msg_nested, check(&f, &mime),
	    "xlsx outside word/embeddings refused");

	/* Inconsistent central directories. */
	zip(&f, good, 3);
	f.len -= 10;
	is_string(msg_damaged, check(&f, &mime), "truncated docx refused");
	zip(&f, good, 3);
	put(&f, "junk", 4);
	is_string(msg_damaged, check(&f, &mime), "bytes after the end record");
	zip(&f, good, 3);
	f.b[f.len - 6]++;			/* CD offset */
	is_string(msg_damaged, check(&f, &mime), "wrong CD offset refused");
	zip(&f, good, 3);
	f.b[8] = 8;				/* local method: deflate */
	is_string(msg_damaged, check(&f, &mime),
	    "local header disagreeing with the CD refused");
	memcpy(e, good, sizeof(good));
	e[3] = good[2];
	e[3].local_off = 2;
	zip(&f, e, 4);
	is_string(msg_damaged, check(&f, &mime),
	    "two entries sharing data (overlap) refused");
	memcpy(e, good, sizeof(good));
	e[1].method = 14;			/* LZMA */
	zip(&f, e, 3);
	is_string(msg_damaged, check(&f, &mime), "unknown method refused");
	e[1].method = 0;
	e[1].usize = 99;			/* stored, sizes differ */
	zip(&f, e, 3);
	is_string(msg_damaged, check(&f, &mime),
	    "stored entry with two sizes refused");
	free(f.b);
}

static void
test_doc(void)
{
	struct fbuf	 f = { NULL, 0, 0 };
	const char	*mime;
	static const char *const word[] = { "WordDocument", "1Table" };
	static const char *const excel[] = { "Workbook" };
	static const char *const macro[] = { "WordDocument", "Macros" };
	static const char *const crypt[] = { "EncryptionInfo",
	    "EncryptedPackage" };

	ole(&f, 3, word, 2, 0);
	mime = "x";
	is_string(NULL, check(&f, &mime), "minimal doc (OLE2 v3) accepted");
	is_string(MIME_DOC, mime, "as msword");
	ole(&f, 4, word, 2, 0);
	is_string(NULL, check(&f, &mime), "OLE2 v4 (4096-byte sectors)");
	ole(&f, 3, excel, 1, 0);
	is_string(msg_office, check(&f, &mime), "Excel (no WordDocument)");
	ok(mime == NULL, "mime NULL");
	ole(&f, 3, macro, 2, 0);
	is_string(msg_macro, check(&f, &mime), "doc with Macros refused");
	ole(&f, 3, word, 2, 1);
	is_string(msg_crypt, check(&f, &mime), "encrypted doc refused");
	ole(&f, 3, crypt, 2, 0);
	is_string(msg_crypt, check(&f, &mime),
	    "password-protected docx (EncryptedPackage) refused");

	ole(&f, 3, word, 2, 0);
	f.b[28] = 0xff;				/* byte order */
	is_string(msg_damaged, check(&f, &mime), "bad byte order refused");
	ole(&f, 3, word, 2, 0);
	f.b[30] = 10;				/* 1024-byte sectors */
	is_string(msg_damaged, check(&f, &mime), "sector size 1024 refused");
	ole(&f, 4, word, 2, 0);
	f.b[26] = 3;				/* v3 with 4096 */
	is_string(msg_damaged, check(&f, &mime), "v3 with 4096 refused");
	ole(&f, 3, word, 2, 0);
	f.b[48] = 200;				/* directory past end */
	is_string(msg_damaged, check(&f, &mime), "directory out of range");
	ole(&f, 3, word, 2, 0);
	f.b[512 + 4] = 1;			/* FAT: directory loops */
	memset(f.b + 512 + 5, 0, 3);
	is_string(msg_damaged, check(&f, &mime), "FAT cycle refused");
	ole(&f, 3, word, 2, 0);
	f.b[1024 + 128 + 121] = 0x08;		/* WordDocument 2048 */
	is_string(msg_damaged, check(&f, &mime),
	    "WordDocument under the mini-stream cutoff refused");
	ole(&f, 3, word, 2, 0);
	f.b[1536] = 0;				/* FIB magic */
	is_string(msg_damaged, check(&f, &mime), "bad FIB magic refused");
	ole(&f, 3, word, 2, 0);
	f.b[1536] = 0xdc;			/* Word 6/95 FIB */
	is_string(NULL, check(&f, &mime), "Word 95 doc accepted");
	ole(&f, 3, word, 2, 0);
	f.len = 1024;
	is_string(msg_damaged, check(&f, &mime), "truncated doc refused");
	f.len = 100;
	is_string(msg_damaged, check(&f, &mime), "header only refused");
	free(f.b);
}

static void
test_other(void)
{
	const char		*mime, *m;
	unsigned char		*big;
	static const char	 pe[] = "MZ\x90\0\3\0\0\0\4\0\0\0\xff\xff";
	static const char	 elf[] = "\177ELF\2\1\1\0";
	static const char	 sh[] = "#!/bin/sh\nrm -rf /\n";
	static const char	 pdf[] = "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n";
	static const char	 jpg[] = "\xff\xd8\xff\xe0\0\x10JFIF";
	static const char	 rtf[] = "{\\rtf1\\ansi hello}";
	static const char	 txt[] = "just some text\n";

	is_string(msg_exec, doc_check((const unsigned char *)pe,
	    sizeof(pe) - 1, MAX_DOC, &mime), "Windows exe (MZ) refused");
	ok(mime == NULL, "no mime");
	is_string(msg_exec, doc_check((const unsigned char *)elf,
	    sizeof(elf) - 1, MAX_DOC, &mime), "ELF refused");
	is_string(msg_exec, doc_check((const unsigned char *)sh,
	    sizeof(sh) - 1, MAX_DOC, &mime), "#! script refused");
	is_string("文件是PDF格式，不是Word文档。" WANT,
	    doc_check((const unsigned char *)pdf, sizeof(pdf) - 1, MAX_DOC,
	    &mime), "PDF refused");
	is_string("文件是图片，不是Word文档。" WANT,
	    doc_check((const unsigned char *)jpg, sizeof(jpg) - 1, MAX_DOC,
	    &mime), "JPEG refused");
	m = doc_check((const unsigned char *)rtf, sizeof(rtf) - 1, MAX_DOC,
	    &mime);
	ok(m != NULL && strstr(m, "RTF") != NULL, "RTF refused: %s",
	    m ? m : "(accepted)");
	is_string("文件不是Word文档。" WANT,
	    doc_check((const unsigned char *)txt, sizeof(txt) - 1, MAX_DOC,
	    &mime), "text refused");
	is_string("未选择文件或文件为空。", doc_check((const unsigned char *)
	    txt, 0, MAX_DOC, &mime), "empty refused");
	is_string("未选择文件或文件为空。", doc_check(NULL, 0, MAX_DOC,
	    &mime), "NULL refused");
	if ((big = calloc(1, MAX_DOC + 1)) == NULL)
		bail("out of memory");
	memcpy(big, "PK\003\004", 4);
	is_string("文件过大，请上传不超过10MB的doc或docx格式的Word文档。",
	    doc_check(big, MAX_DOC + 1, MAX_DOC, &mime),
	    "one byte over 10 MB refused");
	is_string(msg_damaged, doc_check(big, MAX_DOC, MAX_DOC, &mime),
	    "10 MB of zeros after PK refused as damaged");
	free(big);
	is_string(msg_damaged, doc_check((const unsigned char *)"PK\003\004",
	    4, MAX_DOC, &mime), "bare ZIP signature refused");
	is_string(msg_damaged, doc_check((const unsigned char *)
	    "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, MAX_DOC, &mime),
	    "bare OLE2 signature refused");
}

int
main(void)
{
	plan_lazy();
	test_docx();
	test_doc();
	test_other();
	return 0;
}
