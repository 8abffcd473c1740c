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
 * unit.h: 系统管理 (issue 8 §1): units (unit.c), staff accounts and
 * reviewers (staff.c), the bulk import of units (unitimport.c).
 *
 * Every function that changes something runs inside the caller's
 * transaction and audits itself; it returns NULL when done, else a
 * message in Chinese (and in *field the form field it concerns, when
 * there is one), field_dbfail when the database failed.  The caller
 * then rolls back.
 */
#ifndef UNIT_H
#define UNIT_H

#include "web.h"

/* A new unit as typed or imported; "" for what was not given. */
struct unit_in {
	const char	*code;
	const char	*name;
	const char	*kind;		/* basic supervising county city */
	const char	*region;	/* region code; a basic unit: its
					   supervising unit's */
	const char	*parent;	/* code of the supervising unit */
	const char	*phone;		/* the unit's 联系电话 */
	const char	*admin_name;	/* its admin, made with it (both or */
	const char	*admin_phone;	/* neither) */
};

/* A unit of the account's subtree (unit_get). */
struct unit {
	long long	 id, parent_id, disabled, admin_id;
	char		*code, *name, *kind, *parent_code, *parent_name;
	char		*region, *region_name, *phone, *admin_login;
	char		*admin_name;
};

/* A staff account of the account's subtree (staff_get). */
struct staff {
	long long	 id, unit_id, disabled, is_admin, must_change;
	char		*login, *name, *role, *unit_code, *unit_name;
	char		 phone[16];	/* masked, "" if none */
};

/* unit.c */
const char	*unit_kinds(enum role);
const char	*unit_kind_label(const char *);
int		 unit_may_create(enum role, const char *);
int		 unit_get(struct req *, long long, struct unit *);
const char	*unit_name(struct req *, long long);
const char	*unit_create(struct req *, const struct unit_in *,
		    long long *, const char **);
const char	*unit_edit(struct req *, const struct unit *, const char *,
		    const char *, const char **);
const char	*unit_move(struct req *, const struct unit *, const char *,
		    const char *, const char **);
const char	*unit_delete(struct req *, const struct unit *);
const char	*unit_disable(struct req *, const struct unit *, int);
const char	*unit_admin_set(struct req *, const struct unit *,
		    const char *, const char *, const char **);
extern const char unit_used_msg[];

/* staff.c */
const char	*staff_role_label(const char *);
int		 staff_get(struct req *, long long, struct staff *);
void		 staff_phone_mask(struct req *, long long, const unsigned char *,
		    size_t, char *, size_t);
const char	*staff_new(struct req *, const char *, long long,
		    const char *, const char *, const char *, long long *,
		    const char **);
const char	*staff_edit(struct req *, const struct staff *, const char *,
		    const char *, const char **);
const char	*staff_disable(struct req *, const struct staff *, int);
const char	*staff_delete(struct req *, const struct staff *);
const char	*staff_reset(struct req *, const struct staff *);
extern const char staff_acted_msg[];

/* unitimport.c: units and their admins from a spreadsheet */
#define IMPORT_COLS	8
struct import_row {
	size_t		 line;		/* in the file */
	const char	*cells[IMPORT_COLS];
	const char	*msg;		/* NULL: accepted */
	const char	*field;		/* the column at fault */
	long long	 id;		/* the unit made */
};
struct import_report {
	const char	*msg;		/* the whole file refused, or NULL */
	struct import_row *rows;
	size_t		 nrows, nbad;
	int		 stored;	/* committed */
};
extern const char *const import_heads[IMPORT_COLS];
const char	*import_units(struct req *, const void *, size_t,
		    struct import_report *);

#endif /* UNIT_H */
