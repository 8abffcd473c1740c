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

/*
 * Every statement gkbm-admin runs; the SQL is astmts[] in admin.c.  Two
 * kinds of SQL are not there and cannot be: the migration files
 * themselves, and GRANT/REVOKE (admin_schema.c).
 */
enum astmt {
	ASTMT_VERSION_TABLE,
	ASTMT_VERSION_LIST,
	ASTMT_VERSION_INSERT,
	ASTMT_TABLE_LIST,
	ASTMT_REGION_UPSERT,
	ASTMT_WORKTYPE_UPSERT,
	ASTMT_WTMAP_PRUNE,
	ASTMT_WTMAP_INSERT,
	ASTMT_EDUCATION_UPSERT,
	ASTMT_APPRAISAL_UPSERT,
	ASTMT_YEAR_GET,
	ASTMT_YEAR_UPSERT,
	ASTMT_YEAR_CURRENT,
	ASTMT_WINDOW_UPSERT,
	ASTMT_REGION_GET,
	ASTMT_UNIT_GET,
	ASTMT_UNIT_INSERT,
	ASTMT_UNIT_SET_ADMIN,
	ASTMT_LOGIN_GET,
	ASTMT_ACCOUNT_BY_IDNO,
	ASTMT_ACCOUNT_BY_PHONE,
	ASTMT_STAFF_INSERT,
	ASTMT_CANDIDATE_INSERT,
	ASTMT_SEAL_IDNO,
	ASTMT_SEAL_PHONE,
	ASTMT_AUDIT_INSERT,
	ASTMT_SWEEP_SESSIONS,
	ASTMT_SWEEP_ATTEMPTS,
	ASTMT_SWEEP_SMSCODES,
	ASTMT_WORKTYPE_LIST,
	ASTMT_QUALIFIED_UPSERT,
	ASTMT_KEPT_OLD,
	ASTMT_KEPT_DELETE,
	ASTMT_TOTP_RESET,
	ASTMT_TOTP_PENDING_DROP,
	ASTMT_TOTP_SESSIONS_DROP,
	ASTMT_BAN_LIST,
	ASTMT_BAN_LIFT,
	ASTMT__MAX
};

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
extern MYSQL		*db;
int		 in_list(const char *, const char *const *);
int		 num_parse(const char *, long long, long long, long long *);
long		 text_chars(const char *);
int		 ident_ok(const char *, size_t, size_t, int);
MYSQL_STMT	*st_run(enum astmt, const char *, ...);
long long	 st_exec(enum astmt, const char *, ...);
int		 st_next(MYSQL_STMT *, const char *, ...);
int		 st_one(MYSQL_STMT *, const char *, ...);
int		 st_id(long long *, enum astmt, const char *, ...);
int		 tx_begin(void);
int		 tx_commit(void);
int		 audit(const char *, const char *);

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

/* admin_review.c */
int		 cmd_ban_lift(char **, const struct opts *);

#endif /* ADMIN_H */
