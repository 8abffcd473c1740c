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
 * ticket.h: the admission ticket (准考证, issue 10 item 3): one seated
 * application's ticket as data (struct ticket), as XML for a page and as
 * one A4 page of a PDF; the candidate's SMS unlock of his session; the
 * tickets of an admin's subtree (ticketlist.c) and the 考生名单 of a
 * site's rooms (examroster.c).  Include web.h and exam.h first.
 */
#ifndef GKBM_TICKET_H
#define GKBM_TICKET_H

#define TICKET_UNLOCK_MIN	30	/* minutes a right SMS code opens it */

struct pdf;

/* A ticket: the seat (exam.h) and the person (strings in a pool). */
struct ticket {
	struct exam_seat seat;
	long long	 acct;
	char		*name;
	char		*idno;		/* in full: the ticket is his own */
	char		*unit;		/* 所在单位 */
	char		*photo;		/* stored file name, "" none */
	long long	 photo_id;	/* its material id, 0 none */
};

/* The filters of 准考证查询 (ticketlist.c), as the statements take them. */
struct tkquery {
	long long	 me, year, level, byid, app, page;
	const char	*name, *ticket, *wt;
	unsigned char	 mac[MAC_LEN];
};

/* A 考生名单's selection: a site, a room, a session (0: all). */
struct erpick {
	long long	 site, room, sess;
};

extern const char *const ticket_rules[];	/* 考场规则, NULL-ended */

int		 ticket_mine(struct req *, long long *);
int		 ticket_load(struct req *, long long, struct ticket *);
void		 ticket_xml(struct req *, xmlNodePtr, const struct ticket *,
		    int);
void		 ticket_rules_xml(xmlNodePtr);
void		 ticket_draw(struct req *, struct pdf *, const struct ticket *);
enum rc		 ticket_send(struct req *, const struct ticket *);
int		 ticket_unlocked(struct req *, char **);
int		 ticket_unlock(struct req *);

int		 tklist_count(struct req *, const struct tkquery *, long long *);
int		 tklist_page(struct req *, const struct tkquery *, xmlNodePtr,
		    long long);
enum rc		 tklist_pdf(struct req *, const struct tkquery *, long long,
		    const char *);

int		 examroster_xml(struct req *, long long, const char *,
		    const struct erpick *, xmlNodePtr);
enum rc		 examroster_pdf(struct req *, long long, const char *,
		    const struct erpick *, const char *);

#endif /* GKBM_TICKET_H */
