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
 * entry.h: a new candidate's person (person.c), 单位名称核对
 * (unitcheck.c), 补报 and 破格/一线 entered by an office (entry.c) and
 * revoked registrations (revoke.c): issue 8 §2, §3, §8.
 */

#ifndef ENTRY_H
#define ENTRY_H

#define ENTRY_PAGE	20	/* rows of a list page */
#define ENTRY_PW	"123"	/* the default password (002 §一) */

/* person.c: the person a registration or an entry names */
struct person {
	struct idno	 id;
	int		 id_ok;		/* the ID number parsed */
	int		 name_ok;	/* the name passed */
};
/*
 * The fields a person is entered with, one block of a route's fields
 * (PERSON_FIELDS, in this order): each checked as to its own form by the
 * field map, together by person_check.  A wrong length has no message
 * of its own (bad NULL): the check says what is wrong.
 */
enum { PERSON_IDNO, PERSON_BIRTH, PERSON_GENDER, PERSON_NAME, PERSON_PHONE,
    PERSON__MAX };
#define PERSON_FIELDS \
	{ "idno", FT_TEXT, FL_REQ, 0, 1000, "请输入身份证号。", NULL, NULL, \
	    person_field_idno }, \
	{ "birth", FT_TEXT, 0, 0, 1000, NULL, NULL, NULL, \
	    person_field_birth }, \
	{ "gender", FT_TEXT, 0, 0, 1000, NULL, NULL, NULL, NULL }, \
	{ "name", FT_TEXT, FL_REQ, 0, 1000, "请输入姓名。", NULL, NULL, \
	    person_field_name }, \
	{ "phone", FT_TEXT, FL_REQ, 0, 1000, "请输入手机号码。", NULL, NULL, \
	    field_check_phone }
const char	*person_field_idno(struct req *, const struct fielddef *,
		    struct fval *);
const char	*person_field_birth(struct req *, const struct fielddef *,
		    struct fval *);
const char	*person_field_name(struct req *, const struct fielddef *,
		    struct fval *);
void		 person_check(struct req *, const struct fval *,
		    struct person *);
int		 person_taken(struct req *, const struct person *,
		    const char *);
const char	*person_idcard(const unsigned char *, size_t,
		    unsigned char **, size_t *);
int		 person_seal(struct req *, long long, const char *,
		    const char *);

/* unitcheck.c: 单位名称核对 */
int		 unitcheck_units_xml(struct req *, xmlNodePtr, long long);
int		 unitcheck_state_xml(struct req *, xmlNodePtr, long long);
const char	*unitcheck_rename(struct req *, long long, const char *);
const char	*unitcheck_confirm(struct req *, int);
int		 unitcheck_office_xml(struct req *, xmlNodePtr, int,
		    long long);
int		 unitcheck_office_unit(struct req *, xmlNodePtr, long long);

/* entry.c: 补报, 破格/一线 */
struct entry_new {
	const char		*kind;		/* late, exceptional */
	long long		 unit_id;
	const char		*region;	/* the unit's city */
	const struct person	*p;
	const char		*name, *phone, *reason;
	long long		 level;
	const unsigned char	*jpg;		/* the clean ID-card photo */
	size_t			 jpg_len;
};
const char	*entry_kind_name(const char *);
int		 entry_units_xml(struct req *, xmlNodePtr);
int		 entry_unit(struct req *, const char *, long long *, char **);
int		 entry_add(struct req *, const struct entry_new *);
int		 entry_list_xml(struct req *, xmlNodePtr, const char *,
		    long long);

/* revoke.c: a registration made with someone else's ID number */
int		 revoke_find_xml(struct req *, xmlNodePtr, const char *,
		    long long *);
const char	*revoke_do(struct req *, long long, const char *);
int		 revoke_list_xml(struct req *, xmlNodePtr);
#endif /* ENTRY_H */
