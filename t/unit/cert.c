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
 * cert.c's public link (cert_mac, cert_link) and region codes: the MAC
 * is the first 10 bytes of HMAC-SHA256 under mac_key in its own domain,
 * as 20 lower-case hex digits; a link is read only when its number has
 * the shape and its MAC matches; any change refuses it.
 */

#include <string.h>

#include "web.h"
#include "cert.h"
#include "tap.h"

#define NO	"GQ20264101004000001"

static void
setup(struct config *cfg, int seed)
{
	size_t	 i;

	memset(cfg, 0, sizeof(*cfg));
	for (i = 0; i < sizeof(cfg->mac_key); i++)
		cfg->mac_key[i] = (unsigned char)(i * 5 + seed);
}

/* Reads tail: 1 (read, NO in it), 0 (refused, nothing kept), -1 (wrong). */
static int
link_ok(const struct config *cfg, const char *tail)
{
	char	 no[CERT_NO_LEN + 1];
	int	 k;

	k = cert_link(cfg, tail, no);
	if (k && strcmp(no, NO) != 0)
		return -1;
	if (!k && no[0] != '\0')
		return -1;
	return k;
}

static void
test_mac(void)
{
	struct config	 cfg, other;
	unsigned char	 full[MAC_LEN];
	char		 m1[CERT_MAC_LEN + 1], m2[CERT_MAC_LEN + 1];
	char		 hex[65];
	size_t		 i;
	int		 lower = 1;

	setup(&cfg, 2);
	setup(&other, 3);
	cert_mac(&cfg, NO, m1);
	cert_mac(&cfg, NO, m2);
	is_int((long long)strlen(m1), CERT_MAC_LEN, "20 hex digits");
	for (i = 0; m1[i] != '\0'; i++)
		if (strchr("0123456789abcdef", m1[i]) == NULL)
			lower = 0;
	ok(lower, "lower-case hex: %s", m1);
	is_string(m1, m2, "deterministic");
	pii_mac(&cfg, "certificate-verify", NO, full);
	hex_encode(full, CERT_MAC_LEN / 2, hex);
	is_string(m1, hex, "HMAC-SHA256 under mac_key, its own domain");
	pii_mac(&cfg, "idno", NO, full);
	hex_encode(full, CERT_MAC_LEN / 2, hex);
	ok(strcmp(m1, hex) != 0, "not the lookup value of another domain");
	cert_mac(&other, NO, m2);
	ok(strcmp(m1, m2) != 0, "another key, another MAC");
	cert_mac(&cfg, "GQ20264101004000002", m2);
	ok(strcmp(m1, m2) != 0, "another number, another MAC");
}

static void
test_link(void)
{
	struct config	 cfg, other;
	char		 mac[CERT_MAC_LEN + 1], t[128];
	size_t		 i;

	setup(&cfg, 2);
	setup(&other, 3);
	cert_mac(&cfg, NO, mac);
	snprintf(t, sizeof(t), "%s.%s", NO, mac);
	is_int(link_ok(&cfg, t), 1, "the link as made");
	is_int(link_ok(&other, t), 0, "under another key: refused");
	t[strlen(t) - 1] = t[strlen(t) - 1] == '0' ? '1' : '0';
	is_int(link_ok(&cfg, t), 0, "the last MAC digit changed");
	snprintf(t, sizeof(t), "GQ20264101004000002.%s", mac);
	is_int(link_ok(&cfg, t), 0, "another number with this MAC");
	snprintf(t, sizeof(t), "%s.%.19s", NO, mac);
	is_int(link_ok(&cfg, t), 0, "the MAC shortened");
	snprintf(t, sizeof(t), "%s.%s0", NO, mac);
	is_int(link_ok(&cfg, t), 0, "the MAC lengthened");
	snprintf(t, sizeof(t), "%s", NO);
	is_int(link_ok(&cfg, t), 0, "no MAC");
	snprintf(t, sizeof(t), "%s.", NO);
	is_int(link_ok(&cfg, t), 0, "an empty MAC");
	is_int(link_ok(&cfg, ""), 0, "nothing");
	snprintf(t, sizeof(t), "gq20264101004000001.%s", mac);
	is_int(link_ok(&cfg, t), 0, "lower-case gq");
	snprintf(t, sizeof(t), "GQ2026410100400001.%s", mac);
	is_int(link_ok(&cfg, t), 0, "16 digits");
	snprintf(t, sizeof(t), "GQ2026410100400000A.%s", mac);
	is_int(link_ok(&cfg, t), 0, "a letter in the number");
	snprintf(t, sizeof(t), "%s.%s", NO, mac);
	for (i = strlen(NO) + 1; t[i] != '\0'; i++)
		if (t[i] >= 'a' && t[i] <= 'f')
			t[i] = (char)(t[i] - 'a' + 'A');
	if (strpbrk(mac, "abcdef") != NULL)
		is_int(link_ok(&cfg, t), 0, "the MAC in upper case");
	else
		ok(1, "the MAC has no letter to raise");
}

static void
test_region(void)
{
	ok(cert_region_ok("410100"), "410100");
	ok(cert_region_ok("410000"), "410000 (省直)");
	ok(!cert_region_ok("41010"), "five digits");
	ok(!cert_region_ok("4101000"), "seven digits");
	ok(!cert_region_ok("41010a"), "a letter");
	ok(!cert_region_ok(""), "empty");
}

int
main(void)
{
	plan_lazy();
	test_mac();
	test_link();
	test_region();
	return 0;
}
