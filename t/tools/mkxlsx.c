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
 * mkxlsx.c: mkxlsx OUT.xlsx < rows.tsv: writes the tab-separated lines of
 * standard input as the first sheet of an XLSX (libxlsxwriter), each cell
 * a string, as Excel saves what was typed.  For the tests of the bulk
 * import (t/e2e/unitimport.t): a real writer, not a file made by hand.
 */

#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

int
main(int argc, char *argv[])
{
	lxw_workbook	*wb;
	lxw_worksheet	*ws;
	char		 line[4096], *p, *tab;
	lxw_row_t	 row = 0;
	lxw_col_t	 col;

	if (argc != 2) {
		fprintf(stderr, "usage: mkxlsx OUT.xlsx < rows.tsv\n");
		return 1;
	}
	if ((wb = workbook_new(argv[1])) == NULL ||
	    (ws = workbook_add_worksheet(wb, NULL)) == NULL)
		return 1;
	while (fgets(line, sizeof(line), stdin) != NULL) {
		line[strcspn(line, "\r\n")] = '\0';
		for (p = line, col = 0; p != NULL; col++, p = tab) {
			if ((tab = strchr(p, '\t')) != NULL)
				*tab++ = '\0';
			if (*p != '\0' &&
			    worksheet_write_string(ws, row, col, p, NULL) !=
			    LXW_NO_ERROR)
				return 1;
		}
		row++;
	}
	return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
}
