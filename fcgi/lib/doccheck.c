/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* doccheck.c: level-1 documents (doc, docx) checked by content */

/*
 * Nothing here decompresses anything.  A doc is an OLE2 compound file
 * whose header, FAT and directory we walk; a docx is a ZIP whose central
 * directory we read and compare with the local headers.  Inflating would
 * add only one check (that an entry's deflate stream really stops at its
 * declared size), and no byte of the upload is ever inflated on the
 * server: the declared sizes bound what a reader that trusts them
 * allocates, and Word checks sizes and CRCs when it opens the file.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "gkbm.h"

#define MIME_DOC	"application/msword"
#define MIME_DOCX	"application/vnd.openxmlformats-officedocument." \
			"wordprocessingml.document"

#define ZIP_MAX_ENTRIES	1000
#define ZIP_MAX_TOTAL	(50ULL * 1024 * 1024)	/* uncompressed */
#define ZIP_MAX_RATIO	100		/* uncompressed : compressed */
#define ZIP_RATIO_FROM	65536		/* smaller: no bomb */

#define OLE_FREESECT	0xffffffffU
#define OLE_ENDOFCHAIN	0xfffffffeU
#define OLE_MAXREGSECT	0xfffffffaU

#define WANT		"请上传doc或docx格式的Word文档。"

static const char *const msg_empty = "未选择文件或文件为空。";
static const char *const msg_exec = "不能上传可执行文件。" WANT;
static const char *const msg_type = "文件不是Word文档。" WANT;
static const char *const msg_pdf = "文件是PDF格式，不是Word文档。" WANT;
static const char *const msg_image = "文件是图片，不是Word文档。" WANT;
static const char *const msg_rtf =
    "文件是RTF格式，请在Word中“另存为”doc或docx格式后上传。";
static const char *const msg_office =
    "文件不是Word文档（可能是Excel、PowerPoint等其他文件）。" WANT;
static const char *const msg_damaged =
    "文档已损坏或不完整，请在Word中重新保存为doc或docx格式后上传。";
static const char *const msg_bomb =
    "文档解压后的内容过大或压缩比异常（解压后超过50MB、压缩比超过100:1"
    "或含有超过1000个文件），不能上传。请上传Word正常保存的doc或docx文档。";
static const char *const msg_nested =
    "文档中含有压缩包，不能上传。" WANT;
static const char *const msg_crypt =
    "文档已加密（设置了打开密码），请在Word中取消密码后重新上传。";
static const char *const msg_path =
    "文档中含有不安全的文件路径，不能上传。请上传Word正常保存的doc或docx文档。";
static const char *const msg_macro =
    "不能上传含宏的文档，请在Word中“另存为”不含宏的doc或docx格式后上传。";

/* One central directory entry's local data, for the overlap check. */
struct zspan {
	uint64_t	 start, end;
};

static uint32_t	get16(const unsigned char *);
static uint32_t	get32(const unsigned char *);
static const char *too_big(size_t);
static const char *sniff(const unsigned char *, size_t);
static const char *ole_check(const unsigned char *, size_t);
static uint32_t	ole_fat(const unsigned char *, size_t, unsigned,
		    uint32_t);
static const char *ole_fib(const unsigned char *, size_t, unsigned,
		    const unsigned char *);
static int	ole_name(const unsigned char *, const char *);
static const char *zip_check(const unsigned char *, size_t);
static const char *zip_entry(const unsigned char *, size_t, size_t,
		    struct zspan *, uint64_t *, int *);
static const char *zip_name(const char *, size_t);
static int	zip_embedding(const char *, size_t);
static int	zspan_cmp(const void *, const void *);

/* Little-endian readers; the caller has checked the bounds. */
static uint32_t
get16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* The "too large" message for max bytes (static buffer, next call). */
static const char *
too_big(size_t max)
{
	static char	 msg[160];
	const size_t	 mb = 1024 * 1024;

	if (max >= mb)
		snprintf(msg, sizeof(msg), "文件过大，请上传不超过%zuMB的"
		    "doc或docx格式的Word文档。", max / mb);
	else
		snprintf(msg, sizeof(msg), "文件过大，请上传不超过%zuKB的"
		    "doc或docx格式的Word文档。", max / 1024);
	return msg;
}

/*
 * Names what the file is when it is neither OLE2 nor ZIP, so the message
 * can say so: an executable, a PDF, an image, RTF saved as .doc, or
 * something else.
 */
static const char *
sniff(const unsigned char *b, size_t len)
{
	static const struct {
		const char	*magic;
		size_t		 len;
		const char	*const *msg;
	} magics[] = {
		{ "MZ", 2, &msg_exec },			/* PE, DOS */
		{ "\177ELF", 4, &msg_exec },
		{ "#!", 2, &msg_exec },			/* script */
		{ "\xfe\xed\xfa\xce", 4, &msg_exec },	/* Mach-O */
		{ "\xfe\xed\xfa\xcf", 4, &msg_exec },
		{ "\xce\xfa\xed\xfe", 4, &msg_exec },
		{ "\xcf\xfa\xed\xfe", 4, &msg_exec },
		{ "\xca\xfe\xba\xbe", 4, &msg_exec },	/* Mach-O, Java */
		{ "%PDF", 4, &msg_pdf },
		{ "\xff\xd8\xff", 3, &msg_image },
		{ "\x89PNG", 4, &msg_image },
		{ "GIF8", 4, &msg_image },
		{ "BM", 2, &msg_image },
		{ "{\\rtf", 5, &msg_rtf },
	};
	size_t	 i;

	for (i = 0; i < sizeof(magics) / sizeof(magics[0]); i++)
		if (len >= magics[i].len &&
		    memcmp(b, magics[i].magic, magics[i].len) == 0)
			return *magics[i].msg;
	return msg_type;
}

/*
 * Returns the FAT entry of sector s of the OLE2 file b (len bytes,
 * sectors of ss bytes), following the DIFAT past the header's 109
 * entries; OLE_FREESECT if it is out of range.
 */
static uint32_t
ole_fat(const unsigned char *b, size_t len, unsigned ss, uint32_t s)
{
	uint32_t	 per = ss / 4, idx = s / per, sec, steps;
	uint64_t	 off;

	if (idx < 109)
		sec = get32(b + 76 + 4 * idx);
	else {
		idx -= 109;
		sec = get32(b + 68);		/* first DIFAT sector */
		for (steps = 0; idx >= per - 1; steps++) {
			off = ((uint64_t)sec + 1) * ss;
			if (sec > OLE_MAXREGSECT || off + ss > len ||
			    steps > len / ss)
				return OLE_FREESECT;
			sec = get32(b + off + ss - 4);
			idx -= per - 1;
		}
		off = ((uint64_t)sec + 1) * ss;
		if (sec > OLE_MAXREGSECT || off + ss > len)
			return OLE_FREESECT;
		sec = get32(b + off + 4 * idx);
	}
	off = ((uint64_t)sec + 1) * ss;
	if (sec > OLE_MAXREGSECT || off + ss > len)
		return OLE_FREESECT;
	return get32(b + off + 4 * (s % per));
}

/* Whether the 128-byte directory entry e is named name (ASCII). */
static int
ole_name(const unsigned char *e, const char *name)
{
	size_t	 i, n = strlen(name);

	if (get16(e + 64) != 2 * (n + 1))
		return 0;
	for (i = 0; i < n; i++)
		if (e[2 * i] != (unsigned char)name[i] || e[2 * i + 1] != 0)
			return 0;
	return 1;
}

/*
 * Checks the start of the WordDocument stream (directory entry e): the
 * File Information Block's magic (0xA5EC, or 0xA5DC from Word 6/95) and
 * its fEncrypted bit.  A stream under the mini-stream cutoff is not a
 * real Word document.
 */
static const char *
ole_fib(const unsigned char *b, size_t len, unsigned ss,
    const unsigned char *e)
{
	uint32_t	 start = get32(e + 116);
	uint64_t	 size = get32(e + 120), off;

	if (size < get32(b + 56) || size < 12)
		return msg_damaged;
	off = ((uint64_t)start + 1) * ss;
	if (start > OLE_MAXREGSECT || off + ss > len)
		return msg_damaged;
	if (get16(b + off) != 0xa5ec && get16(b + off) != 0xa5dc)
		return msg_damaged;		/* Word 97-2003, Word 6/95 */
	if (get16(b + off + 10) & 0x0100)
		return msg_crypt;
	return NULL;
}

/*
 * Checks an OLE2 compound file: the header fields (version, byte order,
 * sector sizes 512 or 4096), then walks the directory chain through the
 * FAT, looking for the WordDocument stream and for what must be refused
 * (VBA macros, an encrypted package).
 */
static const char *
ole_check(const unsigned char *b, size_t len)
{
	const unsigned char	*e, *word = NULL;
	unsigned		 ss, i;
	uint32_t		 sec, steps, nsec;
	uint64_t		 off;
	int			 macro = 0, crypt = 0;
	static const unsigned char zero[6];

	if (len < 512)
		return msg_damaged;
	if (get16(b + 28) != 0xfffe || get16(b + 32) != 6 ||
	    memcmp(b + 34, zero, 6) != 0 || get32(b + 56) != 4096)
		return msg_damaged;
	if (get16(b + 26) == 3 && get16(b + 30) == 9)
		ss = 512;
	else if (get16(b + 26) == 4 && get16(b + 30) == 12)
		ss = 4096;
	else
		return msg_damaged;
	nsec = (uint32_t)(len / ss) - 1;	/* after the header */
	if (len < 2 * (size_t)ss || get32(b + 44) == 0 ||
	    get32(b + 44) > nsec)
		return msg_damaged;

	sec = get32(b + 48);
	for (steps = 0; sec != OLE_ENDOFCHAIN; steps++) {
		off = ((uint64_t)sec + 1) * ss;
		if (sec > OLE_MAXREGSECT || off + ss > len || steps > nsec)
			return msg_damaged;
		for (i = 0; i < ss / 128; i++) {
			e = b + off + 128 * i;
			if (e[66] == 0)		/* unused entry */
				continue;
			if (e[66] == 2 && ole_name(e, "WordDocument"))
				word = e;
			if (ole_name(e, "Macros") ||
			    ole_name(e, "_VBA_PROJECT") ||
			    ole_name(e, "_VBA_PROJECT_CUR") ||
			    ole_name(e, "VBA"))
				macro = 1;
			if (ole_name(e, "EncryptedPackage"))
				crypt = 1;
		}
		sec = ole_fat(b, len, ss, sec);
	}
	if (crypt)
		return msg_crypt;
	if (macro)
		return msg_macro;
	if (word == NULL)
		return msg_office;
	return ole_fib(b, len, ss, word);
}

/*
 * Checks the name of a ZIP entry: no absolute path, drive letter,
 * backslash, NUL or ".." component; no archive inside (an Office package
 * under word/embeddings/, which is how Word stores every chart's data, is
 * allowed: it cannot unpack itself, and its size counts in the totals);
 * no VBA project.
 */
static const char *
zip_name(const char *name, size_t n)
{
	static const char *const archives[] = {
		".zip", ".rar", ".7z", ".gz", ".tgz", ".bz2", ".xz", ".tar",
		".cab", ".jar", ".arj", ".lzh", ".z",
	};
	const char	*base, *dot;
	size_t		 i, k;

	if (n == 0 || memchr(name, '\0', n) != NULL ||
	    memchr(name, '\\', n) != NULL || name[0] == '/' ||
	    (n >= 2 && name[1] == ':'))
		return msg_path;
	for (i = 0; i < n; i = k + 1) {
		for (k = i; k < n && name[k] != '/'; k++)
			;
		if (k - i == 2 && name[i] == '.' && name[i + 1] == '.')
			return msg_path;
	}
	for (base = name + n; base > name && base[-1] != '/'; base--)
		;
	if ((size_t)(name + n - base) == strlen("vbaProject.bin") &&
	    strncasecmp(base, "vbaProject.bin", name + n - base) == 0)
		return msg_macro;
	for (dot = name + n; dot > base && dot[-1] != '.'; dot--)
		;
	if (dot == base)
		return NULL;
	dot--;
	for (i = 0; i < sizeof(archives) / sizeof(archives[0]); i++)
		if ((size_t)(name + n - dot) == strlen(archives[i]) &&
		    strncasecmp(dot, archives[i], strlen(archives[i])) == 0)
			return msg_nested;
	if ((size_t)(name + n - dot) == 5 && (strncasecmp(dot, ".docm", 5) ==
	    0 || strncasecmp(dot, ".xlsm", 5) == 0 ||
	    strncasecmp(dot, ".pptm", 5) == 0))
		return msg_macro;
	if ((size_t)(name + n - dot) == 5 && (strncasecmp(dot, ".docx", 5) ==
	    0 || strncasecmp(dot, ".xlsx", 5) == 0 ||
	    strncasecmp(dot, ".pptx", 5) == 0) && !zip_embedding(name, n))
		return msg_nested;
	return NULL;
}

/*
 * Whether name is an Office package embedded the way Word embeds one
 * (word/embeddings/NAME.docx, .xlsx or .pptx): every chart's data.
 */
static int
zip_embedding(const char *name, size_t n)
{
	const char	*ext = name + n - 5;

	return n > 21 && memcmp(name, "word/embeddings/", 16) == 0 &&
	    memchr(name + 16, '/', n - 16) == NULL &&
	    (strncasecmp(ext, ".docx", 5) == 0 ||
	    strncasecmp(ext, ".xlsx", 5) == 0 ||
	    strncasecmp(ext, ".pptx", 5) == 0);
}

/*
 * Checks the central directory entry at b + off (ZIP b of len bytes,
 * central directory ending at cd_end) against its local header; sets
 * *sp to the span of its local header and data, adds its uncompressed
 * size to *total, and sets bits in *found (1: [Content_Types].xml, 2:
 * word/document.xml).  Returns NULL or the message.
 */
static const char *
zip_entry(const unsigned char *b, size_t off, size_t cd_end,
    struct zspan *sp, uint64_t *total, int *found)
{
	const unsigned char	*c = b + off, *l;
	const char		*name, *msg;
	uint32_t		 flags, method, csize, usize, nlen, xlen, clen;
	uint64_t		 lo;

	if (off + 46 > cd_end || get32(c) != 0x02014b50)
		return msg_damaged;
	flags = get16(c + 8);
	method = get16(c + 10);
	csize = get32(c + 20);
	usize = get32(c + 24);
	nlen = get16(c + 28);
	xlen = get16(c + 30);
	clen = get16(c + 32);
	lo = get32(c + 42);
	name = (const char *)c + 46;
	if (off + 46 + nlen + xlen + clen > cd_end)
		return msg_damaged;
	if (flags & 0x0041 || method == 99)	/* encrypted, strong, AES */
		return msg_crypt;
	if (csize == 0xffffffffU || usize == 0xffffffffU ||
	    lo == 0xffffffffU || get16(c + 34) != 0)
		return msg_damaged;		/* ZIP64 or multi-disk */
	if ((msg = zip_name(name, nlen)) != NULL)
		return msg;
	if (method != 0 && method != 8)
		return msg_damaged;
	if (method == 0 && csize != usize)
		return msg_damaged;
	*total += usize;
	if (*total > ZIP_MAX_TOTAL)
		return msg_bomb;
	if (usize >= ZIP_RATIO_FROM &&
	    (uint64_t)usize > (uint64_t)csize * ZIP_MAX_RATIO)
		return msg_bomb;

	/* The local header must agree and its data lie before the CD. */
	if (lo + 30 > cd_end)
		return msg_damaged;
	l = b + lo;
	if (get32(l) != 0x04034b50 || get16(l + 26) != nlen ||
	    get16(l + 8) != method || (get16(l + 6) & 0x0041) != 0 ||
	    lo + 30 + nlen + get16(l + 28) > cd_end ||
	    memcmp(l + 30, name, nlen) != 0)
		return msg_damaged;
	sp->start = lo;
	sp->end = lo + 30 + nlen + get16(l + 28) + csize;
	if (method == 0 && csize >= 4 && sp->end <= cd_end &&
	    get32(l + 30 + nlen + get16(l + 28)) == 0x04034b50 &&
	    !zip_embedding(name, nlen))
		return msg_nested;		/* a stored ZIP, any name */

	if (nlen == 19 && memcmp(name, "[Content_Types].xml", 19) == 0)
		*found |= 1;
	if (nlen == 17 && memcmp(name, "word/document.xml", 17) == 0)
		*found |= 2;
	return NULL;
}

/* qsort comparator for zspan, by start. */
static int
zspan_cmp(const void *a, const void *b)
{
	const struct zspan	*x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * Checks a ZIP as a docx from its central directory: the end record
 * found and consistent with the file's length, at most 1000 entries,
 * every entry checked by zip_entry, their local data within the file
 * and not overlapping (overlapping entries are how a small ZIP claims
 * gigabytes), and the two parts every docx has.
 */
static const char *
zip_check(const unsigned char *b, size_t len)
{
	struct zspan	*sp;
	const char	*msg = NULL;
	size_t		 eocd, off, cd_off, cd_size, n, i;
	uint64_t	 total = 0;
	int		 found = 0;

	if (len < 22)
		return msg_damaged;
	for (eocd = len - 22;; eocd--) {
		if (get32(b + eocd) == 0x06054b50 &&
		    eocd + 22 + get16(b + eocd + 20) == len)
			break;
		if (eocd == 0 || len - eocd > 22 + 65535)
			return msg_damaged;
	}
	n = get16(b + eocd + 10);
	cd_size = get32(b + eocd + 12);
	cd_off = get32(b + eocd + 16);
	if (get16(b + eocd + 4) != 0 || get16(b + eocd + 6) != 0 ||
	    get16(b + eocd + 8) != n || n == 0xffff ||
	    cd_off == 0xffffffffU)
		return msg_damaged;		/* multi-disk or ZIP64 */
	if (n > ZIP_MAX_ENTRIES)
		return msg_bomb;
	if (n == 0 || cd_off > eocd || cd_size != eocd - cd_off)
		return msg_damaged;

	sp = xcalloc(n, sizeof(*sp));
	for (i = 0, off = cd_off; i < n && msg == NULL; i++) {
		msg = zip_entry(b, off, eocd, &sp[i], &total, &found);
		if (msg == NULL)
			off += 46 + get16(b + off + 28) + get16(b + off + 30) +
			    get16(b + off + 32);
	}
	if (msg == NULL && off != eocd)
		msg = msg_damaged;
	if (msg == NULL) {
		qsort(sp, n, sizeof(*sp), zspan_cmp);
		for (i = 0; i < n && msg == NULL; i++)
			if (sp[i].end > cd_off ||
			    (i + 1 < n && sp[i].end > sp[i + 1].start))
				msg = msg_damaged;
	}
	free(sp);
	if (msg == NULL && found != 3)
		msg = msg_office;
	return msg;
}

/*
 * Checks that the len bytes at buf, at most max, are a Word document by
 * their content: a doc (OLE2 compound file with a WordDocument stream)
 * or a docx (ZIP with [Content_Types].xml and word/document.xml), not
 * encrypted, without macros, not a ZIP bomb, without unsafe paths or
 * archives inside.  Returns NULL and sets *mime (static) to its media
 * type, or returns a Chinese message saying what is wrong and what is
 * wanted (static; the "too large" one in a buffer overwritten by the
 * next call) with *mime NULL.  Reads only; never decompresses.
 */
const char *
doc_check(const unsigned char *buf, size_t len, size_t max,
    const char **mime)
{
	static const unsigned char ole[] = {
		0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1
	};
	const char	*msg;

	*mime = NULL;
	if (buf == NULL || len == 0)
		return msg_empty;
	if (len > max)
		return too_big(max);
	if (len >= sizeof(ole) && memcmp(buf, ole, sizeof(ole)) == 0) {
		if ((msg = ole_check(buf, len)) == NULL)
			*mime = MIME_DOC;
		return msg;
	}
	if (len >= 4 && memcmp(buf, "PK\003\004", 4) == 0) {
		if ((msg = zip_check(buf, len)) == NULL)
			*mime = MIME_DOCX;
		return msg;
	}
	return sniff(buf, len);
}
