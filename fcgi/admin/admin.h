/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* admin.h: what the files of gkbm-admin share (not part of libgkbm) */

#ifndef ADMIN_H
#define ADMIN_H

#include "web.h"		/* the statement table: enum stmt, struct dbh */

/* What a command was given besides its positional arguments. */
struct opts {
	const char	*schema_dir;	/* -s DIR */
	const char	*data_dir;	/* -d DIR */
	int		 current;	/* --current */
	int		 unit_admin;	/* --unit-admin */
	int		 skip_bad;	/* --skip-bad */
};

/* admin.c */
extern struct config	 cfg;
extern struct dbh	 adb;
int		 admin_in_list(const char *, const char *const *);
int		 num_parse(const char *, long long, long long, long long *);
long		 text_chars(const char *);
int		 ident_ok(const char *, size_t, size_t, int);
int		 st_id(long long *, enum stmt, ...);
int		 tx_begin(void);
int		 tx_commit(void);
int		 admin_audit(const char *, const char *);
char		*admin_slurp(struct pool *, const char *, size_t, size_t *);
int		 admin_unit(const char *, long long *, char *, size_t);
int		 admin_web_req(struct req *, struct worker *, long long, enum role,
		    long long);
int		 cmd_check(char **, const struct opts *);

/* admin_schema.c */
int		 year_parse(const char *, long long *);
int		 year_exists(long long);
int		 cmd_migrate(char **, const struct opts *);
int		 cmd_year(char **, const struct opts *);
int		 cmd_window(char **, const struct opts *);
int		 cmd_sweep(char **, const struct opts *);

/* admin_pii.c */
int		 cmd_rekey(char **, const struct opts *);

/* admin_import.c */
int		 cmd_import(char **, const struct opts *);
int		 cmd_qualified(char **, const struct opts *);

/* admin_accounts.c */
int		 cmd_unit(char **, const struct opts *);
int		 cmd_staff(char **, const struct opts *);
int		 cmd_province(char **, const struct opts *);
int		 cmd_candidate(char **, const struct opts *);
int		 cmd_totp_reset(char **, const struct opts *);

/* admin_units.c */
int		 cmd_import_units(char **, const struct opts *);

/* admin_review.c */
int		 cmd_ban_lift(char **, const struct opts *);

int		 cmd_pay_city(char **, const struct opts *);
int		 cmd_pay_fee(char **, const struct opts *);
int		 cmd_pay_sweep(char **, const struct opts *);
int		 cmd_pay_reconcile(char **, const struct opts *);

/* admin_exam.c */
int		 cmd_exam_site(char **, const struct opts *);
int		 cmd_exam_room(char **, const struct opts *);
int		 cmd_exam_session(char **, const struct opts *);
int		 cmd_exam_allocate(char **, const struct opts *);
int		 cmd_exam_seat(char **, const struct opts *);
/* admin_results.c (考核结果) */
int		 cmd_pass_line(char **, const struct opts *);
int		 cmd_import_results(char **, const struct opts *);
int		 cmd_publish_results(char **, const struct opts *);
/* admin_cert.c */
int		 cmd_cert_issue(char **, const struct opts *);
int		 cmd_cert_revoke(char **, const struct opts *);
int		 cmd_cert_url(char **, const struct opts *);

#endif /* ADMIN_H */
