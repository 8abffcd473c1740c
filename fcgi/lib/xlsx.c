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
 * xlsx.c: a thin layer over libxlsxwriter for the offices' exports: one
 * or more sheets of rows, each under a bold, frozen header row, with
 * column widths, ID numbers and codes as text cells.
 *
 * libxlsxwriter writes a file, not a stream.  The workbook is opened in
 * constant_memory mode (each row goes to a temporary file under tmpdir
 * as soon as the next one starts, so a worker's memory does not grow
 * with 50,000 rows) and assembled at xlsx_finish() into a file of our
 * own (mkstemp) that is unlinked as soon as it is open again: the
 * caller sends it from the descriptor, and nothing is left behind if
 * the worker dies while sending.  xlsx_free() removes the file of a
 * workbook never finished.
 */

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "../gkbm.h"
#include "xlsx.h"

#define XLSX_MAX_COLS	64
#define XLSX_MAX_NUM	15	/* digits a double holds exactly */

struct xlsx {
	lxw_workbook	*wb;
	lxw_worksheet	*ws;		/* the sheet being written */
	lxw_format	*head;		/* bold header */
	lxw_format	*text;		/* "@": a text column */
	enum xlsx_kind	 kind[XLSX_MAX_COLS];
	size_t		 ncols;
	lxw_row_t	 row;		/* the next row of ws */
	char		 path[4200];	/* the finished file */
	char		 tmpdir[4096];
	int		 made;		/* path exists */
};

/*
 * The directory for temporary files: $TMPDIR, else /tmp (the service's
 * private /tmp under systemd's PrivateTmp).
 */
const char *
xlsx_tmpdir(void)
{
	const char	*t = getenv("TMPDIR");

	return t != NULL && *t == '/' ? t : "/tmp";
}

/*
 * A new workbook whose temporary files go under tmpdir (NULL:
 * xlsx_tmpdir()).  Returns it (the caller frees it with xlsx_free), or
 * NULL on failure (logged).
 */
struct xlsx *
xlsx_open(const char *tmpdir)
{
	lxw_workbook_options	 o;
	struct xlsx		*x;
	int			 fd;

	x = xcalloc(1, sizeof(*x));
	snprintf(x->tmpdir, sizeof(x->tmpdir), "%s",
	    tmpdir != NULL ? tmpdir : xlsx_tmpdir());
	snprintf(x->path, sizeof(x->path), "%s/gkbm-xlsx-XXXXXX", x->tmpdir);
	if ((fd = mkstemp(x->path)) == -1) {
		log_warn("%s: mkstemp %s", __func__, x->path);
		free(x);
		return NULL;
	}
	close(fd);
	x->made = 1;
	memset(&o, 0, sizeof(o));
	o.constant_memory = LXW_TRUE;
	o.tmpdir = x->tmpdir;
	if ((x->wb = workbook_new_opt(x->path, &o)) == NULL) {
		log_warnx("%s: workbook_new_opt() failed", __func__);
		xlsx_free(x);
		return NULL;
	}
	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	format_set_bg_color(x->head, 0xDDEBF7);
	format_set_border(x->head, LXW_BORDER_THIN);
	x->text = workbook_add_format(x->wb);
	format_set_num_format(x->text, "@");
	return x;
}

/*
 * Starts a sheet called name (at most 31 characters, none of []:*?/\)
 * with ncols columns: their widths, the header row in bold, frozen
 * under the scroll.  Returns 0, or -1 (logged).
 */
int
xlsx_sheet(struct xlsx *x, const char *name, const struct xlsx_col *cols,
    size_t ncols)
{
	lxw_error	 e = LXW_NO_ERROR;
	size_t		 i;

	if (ncols == 0 || ncols > XLSX_MAX_COLS) {
		log_warnx("%s: %zu columns", __func__, ncols);
		return -1;
	}
	if ((x->ws = workbook_add_worksheet(x->wb, name)) == NULL) {
		log_warnx("%s: workbook_add_worksheet(%s) failed", __func__,
		    name);
		return -1;
	}
	x->ncols = ncols;
	for (i = 0; i < ncols && e == LXW_NO_ERROR; i++) {
		x->kind[i] = cols[i].kind;
		e = worksheet_set_column(x->ws, (lxw_col_t)i, (lxw_col_t)i,
		    cols[i].width, cols[i].kind == XC_TEXT ? x->text : NULL);
	}
	worksheet_freeze_panes(x->ws, 1, 0);
	for (i = 0; i < ncols && e == LXW_NO_ERROR; i++)
		e = worksheet_write_string(x->ws, 0, (lxw_col_t)i,
		    cols[i].title, x->head);
	if (e != LXW_NO_ERROR) {
		log_warnx("%s: %s", __func__, lxw_strerror(e));
		return -1;
	}
	x->row = 1;
	return 0;
}

/* True if s is a decimal integer a double holds exactly (no 007). */
static int
xlsx_is_num(const char *s)
{
	size_t	 n = strspn(s, "0123456789");

	return n > 0 && n <= XLSX_MAX_NUM && s[n] == '\0' &&
	    (s[0] != '0' || n == 1);
}

/*
 * Appends a row of the current sheet: one string per column (NULL for
 * an empty cell).  Returns 0, or -1 (logged; a sheet is full at
 * XLSX_MAX_ROWS).
 */
int
xlsx_row(struct xlsx *x, const char *const *cells)
{
	lxw_error	 e = LXW_NO_ERROR;
	lxw_col_t	 i;

	if (x->ws == NULL || x->row > XLSX_MAX_ROWS) {
		log_warnx("%s: no sheet, or the sheet is full", __func__);
		return -1;
	}
	for (i = 0; i < x->ncols && e == LXW_NO_ERROR; i++) {
		if (cells[i] == NULL || *cells[i] == '\0')
			continue;
		if (x->kind[i] == XC_NUM && xlsx_is_num(cells[i]))
			e = worksheet_write_number(x->ws, x->row, i,
			    strtod(cells[i], NULL), NULL);
		else
			e = worksheet_write_string(x->ws, x->row, i, cells[i],
			    x->text);
	}
	if (e != LXW_NO_ERROR) {
		log_warnx("%s: %s", __func__, lxw_strerror(e));
		return -1;
	}
	x->row++;
	return 0;
}

/*
 * Assembles the workbook into its file and opens it for reading: *fd
 * (the caller closes it) and *size.  The file is unlinked at once, so
 * it goes when the descriptor does.  Returns 0, or -1 (logged).
 */
int
xlsx_finish(struct xlsx *x, int *fd, off_t *size)
{
	struct stat	 st;
	lxw_error	 e;

	*fd = -1;
	e = workbook_close(x->wb);
	x->wb = NULL;
	if (e != LXW_NO_ERROR) {
		log_warnx("%s: workbook_close(): %s", __func__,
		    lxw_strerror(e));
		return -1;
	}
	if ((*fd = open(x->path, O_RDONLY | O_CLOEXEC)) == -1) {
		log_warn("%s: open %s", __func__, x->path);
		return -1;
	}
	unlink(x->path);
	x->made = 0;
	if (fstat(*fd, &st) == -1) {
		log_warn("%s: fstat", __func__);
		close(*fd);
		*fd = -1;
		return -1;
	}
	*size = st.st_size;
	return 0;
}

/* Frees x, removing the file of a workbook not finished. */
void
xlsx_free(struct xlsx *x)
{
	if (x == NULL)
		return;
	if (x->wb != NULL)
		lxw_workbook_free(x->wb);
	if (x->made && unlink(x->path) == -1 && errno != ENOENT)
		log_warn("%s: unlink %s", __func__, x->path);
	free(x);
}
