/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* cert.h: 电子证书 (cert.c) */
#ifndef GKBM_CERT_H
#define GKBM_CERT_H

#define CERT_NO_LEN	19	/* GQ, year, region, level, serial */
#define CERT_MAC_LEN	20	/* hex digits of the link's MAC */

#define CERT_OK		0
#define CERT_LATE	1	/* the certificate window has ended */
#define CERT_UNPUBLISHED 2	/* the region's results are not published */
#define CERT_NONE	3	/* no such certificate */
#define CERT_REVOKED	4	/* revoked already */

/* What cert_issue did. */
struct cert_run {
	long long	 issued;	/* certificates made */
	long long	 qualified;	/* 合格库 rows added */
	const char	*first, *last;	/* their numbers (pool) */
};

void		 cert_mac(const struct config *, const char *,
		    char [CERT_MAC_LEN + 1]);
const char	*cert_url(struct req *, const char *);
int		 cert_link(const struct config *, const char *,
		    char [CERT_NO_LEN + 1]);
int		 cert_region_ok(const char *);
int		 cert_issue(struct req *, const char *, struct cert_run *);
int		 cert_revoke(struct req *, const char *, const char *);

#endif /* GKBM_CERT_H */
