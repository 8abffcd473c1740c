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
 * admin_cert.c: gkbm-admin cert-issue, cert-revoke and cert-url (电子证书,
 * cert.c): the web's own code run as the province (the unit HN) over a
 * connection of gkbm-web's, so the command and /admin/certs issue and
 * revoke alike; issued_by and revoked_by stay NULL (gkbm-admin).
 */

#include <err.h>
#include <stdio.h>
#include <string.h>

#include "gkbm.h"
#include "admin.h"
#include "cert.h"

#define CERT_PROVINCE	"HN"	/* the province's unit code */

/* Sets r up as the province for year (a connection of gkbm-web's). */
static int
cert_req(struct req *r, struct worker *w, long long year)
{
	char		 kind[32];
	long long	 id;

	if (admin_unit(CERT_PROVINCE, &id, kind, sizeof(kind)) == -1)
		return -1;
	return admin_web_req(r, w, id, ROLE_PROVINCE, year);
}

/*
 * cert-issue YEAR REGION: the certificates due in the exam region
 * (published passes without one), as /admin/certs issues them.
 * Returns 0, or -1 (printed).
 */
int
cmd_cert_issue(char **argv, const struct opts *o)
{
	struct cert_run	 run;
	struct worker	 w;
	struct req	 r;
	long long	 year;
	int		 k;

	(void)o;
	if (year_parse(argv[0], &year) == -1 || year_exists(year) == -1)
		return -1;
	if (!cert_region_ok(argv[1])) {
		warnx("region %s: expected six digits", argv[1]);
		return -1;
	}
	if (cert_req(&r, &w, year) == -1)
		return -1;
	k = cert_issue(&r, argv[1], &run);
	dbh_close(&w.dbh);
	if (k == CERT_LATE)
		warnx("%lld: the certificate window has ended", year);
	else if (k == CERT_UNPUBLISHED)
		warnx("%lld %s: the results are not published", year, argv[1]);
	else if (k == -1)
		warnx("%lld %s: the database failed; nothing issued", year,
		    argv[1]);
	if (k != CERT_OK)
		return -1;
	printf("%lld certificates issued in %lld %s%s%s%s%s, %lld qualified "
	    "records added\n", run.issued, year, argv[1],
	    run.first ? " (" : "", run.first ? run.first : "",
	    run.first ? " to " : "", run.first ? pool_printf(adb.pool, "%s)",
	    run.last) : "", run.qualified);
	return 0;
}

/*
 * cert-revoke CERTNO REASON: revokes a certificate (003 §四(四)), as the
 * province does on /admin/certs.  Returns 0, or -1 (printed).
 */
int
cmd_cert_revoke(char **argv, const struct opts *o)
{
	struct worker	 w;
	struct req	 r;
	long		 n;
	int		 k;

	(void)o;
	if ((n = text_chars(argv[1])) < 2 || n > 200) {
		warnx("the reason must be 2 to 200 characters");
		return -1;
	}
	if (cert_req(&r, &w, 0) == -1)
		return -1;
	k = cert_revoke(&r, argv[0], argv[1]);
	dbh_close(&w.dbh);
	if (k == CERT_NONE)
		warnx("%s: no such certificate", argv[0]);
	else if (k == CERT_REVOKED)
		warnx("%s: revoked already", argv[0]);
	else if (k == -1)
		warnx("%s: the database failed; nothing changed", argv[0]);
	if (k != CERT_OK)
		return -1;
	printf("certificate %s revoked\n", argv[0]);
	return 0;
}

/* cert-url CERTNO: the public check's address (site_url, the MAC). */
int
cmd_cert_url(char **argv, const struct opts *o)
{
	char	 mac[CERT_MAC_LEN + 1];

	(void)o;
	if (strlen(argv[0]) != CERT_NO_LEN || strncmp(argv[0], "GQ", 2) != 0) {
		warnx("%s: not a certificate number (GQ and 17 digits)",
		    argv[0]);
		return -1;
	}
	if (cfg.site_url == NULL || cfg.site_url[0] == '\0') {
		warnx("site_url is not configured");
		return -1;
	}
	cert_mac(&cfg, argv[0], mac);
	printf("%s/verify/%s.%s\n", cfg.site_url, argv[0], mac);
	return 0;
}
