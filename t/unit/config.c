/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/unit/config.c: tests of gkbm.conf and secrets parsing */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gkbm.h"
#include "tap.h"

#define KEY64 "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

static char	 path[64];

/* Writes text to a temporary file and parses it as gkbm.conf. */
static int
parse(struct config *cfg, const char *text, int secrets)
{
	FILE	*f;
	int	 fd, rc;

	snprintf(path, sizeof(path), "/tmp/gkbm-conf-XXXXXX");
	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL)
		bail("mkstemp");
	fputs(text, f);
	fclose(f);
	config_init(cfg);
	rc = secrets ? config_secrets(cfg, path) : config_parse(cfg, path);
	unlink(path);
	return rc;
}

static const struct {
	const char	*text;
	const char	*why;
} bad[] = {
	{ "no_such_key = 1\n", "unknown key" },
	{ "workers = 0\n", "workers below range" },
	{ "workers = 257\n", "workers above range" },
	{ "workers = four\n", "not a number" },
	{ "workers = 4x\n", "trailing characters" },
	{ "workers\n", "no equals sign" },
	{ "cookie_secure = maybe\n", "not a boolean" },
	{ "body_max = 10g\n", "unknown size suffix" },
	{ "listen_mode = 0999\n", "not octal" },
	{ "session_idle = 7200\nsession_max = 3600\n", "idle longer than max" },
	{ "db_port = -1\n", "negative port" },
	{ "site_url = evil.example\n", "site_url without a scheme" },
	{ "site_url = https://gkbm.example/\n", "site_url with a slash" },
	{ "site_url = https://gkbm.example/m\n", "site_url with a path" },
	{ "site_url = https://a b\n", "site_url with a blank" },
	{ "site_url = https://gkbm.example:80a\n", "site_url with a bad port" },
	{ "site_url = ftp://gkbm.example\n", "site_url not http(s)" },
};

int
main(void)
{
	struct config	 cfg;
	size_t		 i;

	plan_lazy();
	ok(parse(&cfg, "# comment\n\n  workers = 8  \nlisten=/tmp/x.sock\n"
	    "cookie_secure = no\nbody_max = 2m\nlisten_mode = 0666\n"
	    "log_file = /var/log/gkbm/web.log\n", 0) == 0, "good file parses");
	is_int(8, cfg.workers, "workers read, blanks trimmed");
	is_string("/tmp/x.sock", cfg.listen, "string without blanks");
	is_int(0, cfg.cookie_secure, "boolean no");
	is_int(2 * 1024 * 1024, (long long)cfg.body_max, "size with m suffix");
	is_int(0666, cfg.listen_mode, "octal mode");
	is_int(1800, cfg.session_idle, "default kept for an absent key");
	is_string("gkbm", cfg.db_name, "default string");
	config_free(&cfg);

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		ok(parse(&cfg, bad[i].text, 0) == -1, "refused: %s", bad[i].why);
		config_free(&cfg);
	}

	ok(parse(&cfg, "db_password = s3cret = x\nkey_id = 2\ndata_key = " KEY64
	    "\nmac_key = " KEY64 "\ncsrf_key = " KEY64 "\n", 1) == 0,
	    "secrets parse");
	is_string("s3cret = x", cfg.db_password, "value may contain =");
	is_int(2, cfg.key_id, "key id");
	ok(cfg.data_key[0] == 0x00 && cfg.data_key[1] == 0x11 &&
	    cfg.data_key[31] == 0xff, "key decoded from hex");
	config_free(&cfg);
	ok(parse(&cfg, "data_key = " KEY64 "\nmac_key = " KEY64 "\n", 1) == -1,
	    "refused: csrf_key missing");
	config_free(&cfg);
	ok(parse(&cfg, "data_key = 0011\nmac_key = " KEY64 "\ncsrf_key = "
	    KEY64 "\n", 1) == -1, "refused: short key");
	config_free(&cfg);
	ok(parse(&cfg, "workers = 4\n", 1) == -1,
	    "refused: gkbm.conf key in the secrets file");
	config_free(&cfg);

	ok(parse(&cfg, "site_url = https://gkbm.hrss.henan.gov.cn:8443\n",
	    0) == 0, "site_url with a port parses");
	is_string("https://gkbm.hrss.henan.gov.cn:8443", cfg.site_url,
	    "... kept as given");
	config_free(&cfg);

	/* The key ring: the current key and older ones by id. */
	ok(parse(&cfg, "key_id = 3\ndata_key = " KEY64 "\nmac_key = " KEY64
	    "\ncsrf_key = " KEY64 "\nold_data_key = 1:" KEY64
	    "\nold_data_key = 2:ffeeddccbbaa99887766554433221100"
	    "ffeeddccbbaa99887766554433221100\n", 1) == 0,
	    "secrets with two old keys parse");
	is_int(2, cfg.nold_keys, "two old keys");
	ok(cfg.old_key_id[0] == 1 && cfg.old_key_id[1] == 2 &&
	    cfg.old_keys[1][0] == 0xff && cfg.old_keys[0][1] == 0x11,
	    "... with their ids and keys");
	config_free(&cfg);
	ok(parse(&cfg, "key_id = 1\ndata_key = " KEY64 "\nmac_key = " KEY64
	    "\ncsrf_key = " KEY64 "\nold_data_key = 1:" KEY64 "\n", 1) == -1,
	    "refused: an old key with the current key id");
	config_free(&cfg);
	ok(parse(&cfg, "data_key = " KEY64 "\nmac_key = " KEY64
	    "\ncsrf_key = " KEY64 "\nold_data_key = 4:" KEY64
	    "\nold_data_key = 4:" KEY64 "\n", 1) == -1,
	    "refused: an old key id twice");
	config_free(&cfg);
	ok(parse(&cfg, "data_key = " KEY64 "\nmac_key = " KEY64
	    "\ncsrf_key = " KEY64 "\nold_data_key = " KEY64 "\n", 1) == -1,
	    "refused: an old key without its id");
	config_free(&cfg);
	ok(parse(&cfg, "data_key = " KEY64 "\nmac_key = " KEY64
	    "\ncsrf_key = " KEY64 "\nold_data_key = 0:" KEY64 "\n", 1) == -1,
	    "refused: old key id 0");
	config_free(&cfg);
	return 0;
}
