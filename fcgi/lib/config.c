/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* config.c: gkbm.conf and the secrets file, "key = value" from key tables */

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>

#include "gkbm.h"

enum conf_type {
	CONF_STR,	/* char *, replaced */
	CONF_INT,	/* int, decimal, within min..max */
	CONF_OCTAL,	/* int, octal (file modes) */
	CONF_BOOL,	/* int, yes/no/1/0 */
	CONF_SIZE,	/* size_t, with optional k or m suffix */
	CONF_KEY,	/* unsigned char[32], 64 hex digits */
	CONF_URL,	/* char *, "" or http(s)://host[:port], no path */
	CONF_OLDKEY	/* "ID:64 hex digits", repeatable: the key ring */
};

struct conf_key {
	const char	*name;
	enum conf_type	 type;
	size_t		 off;
	const char	*def;		/* default as it would be written */
	long long	 min, max;
};

#define C(n, t, d, lo, hi) { #n, t, offsetof(struct config, n), d, lo, hi }

/* The keys of gkbm.conf. Every one of them is documented in conf/gkbm.conf.example. */
static const struct conf_key conf_keys[] = {
	C(listen,	CONF_STR,	"/run/gkbm/web.sock", 0, 0),
	C(listen_mode,	CONF_OCTAL,	"0660", 0, 0777),
	C(workers,	CONF_INT,	"4", 1, 256),
	C(max_requests,	CONF_INT,	"10000", 0, INT_MAX),
	C(stop_timeout,	CONF_INT,	"10", 1, 600),
	C(pid_file,	CONF_STR,	"/run/gkbm/web.pid", 0, 0),
	C(log_file,	CONF_STR,	"-", 0, 0),
	C(debug,	CONF_BOOL,	"no", 0, 1),
	C(db_host,	CONF_STR,	"", 0, 0),
	C(db_port,	CONF_INT,	"3306", 0, 65535),
	C(db_socket,	CONF_STR,	"/run/mysqld/mysqld.sock", 0, 0),
	C(db_name,	CONF_STR,	"gkbm", 0, 0),
	C(db_user,	CONF_STR,	"gkbm_web", 0, 0),
	C(db_admin_user, CONF_STR,	"gkbm_admin", 0, 0),
	C(secrets_file,	CONF_STR,	"/etc/gkbm/secrets", 0, 0),
	C(xsl_dir,	CONF_STR,	PKGDATADIR "/xsl", 0, 0),
	C(data_dir,	CONF_STR,	PKGDATADIR "/data", 0, 0),
	C(upload_dir,	CONF_STR,	"/var/lib/gkbm/files", 0, 0),
	C(sms_sink,	CONF_STR,	"", 0, 0),
	C(sms_command,	CONF_STR,	"", 0, 0),
	C(cookie_secure, CONF_BOOL,	"yes", 0, 1),
	C(body_max,	CONF_SIZE,	"8m", 1024, 64 * 1024 * 1024),
	C(session_idle,	CONF_INT,	"1800", 60, 86400),
	C(session_max,	CONF_INT,	"43200", 60, 7 * 86400),
	C(scrypt_ln,	CONF_INT,	"16", 10, 20),
	C(xml_arena,	CONF_BOOL,	"yes", 0, 1),
	C(consent_version, CONF_STR,	"v2026.1", 0, 0),
	C(service_phone, CONF_STR,	"0371-69690000", 0, 0),
	C(staff_2fa,	CONF_BOOL,	"yes", 0, 1),
	C(site_url,	CONF_URL,	"", 0, 0),
	C(sms_hourly_budget, CONF_INT,	"3000", 0, 1000000),
	C(pay_socket,	CONF_STR,	"/run/gkbm/pay.sock", 0, 0),
	C(pay_listen,	CONF_STR,	"/run/gkbm/pay-fcgi.sock", 0, 0),
	C(pay_workers,	CONF_INT,	"2", 1, 64),
	C(pay_pid_file,	CONF_STR,	"/run/gkbm/pay.pid", 0, 0),
	C(pay_log_file,	CONF_STR,	"-", 0, 0),
	C(pay_app_id,	CONF_STR,	"HNGK0001", 0, 0),
	C(pay_key_file,	CONF_STR,	"/etc/gkbm/pay/gkbm.key", 0, 0),
	C(pay_key_id,	CONF_STR,	"gkbm-2026", 0, 0),
	C(pay_platform_keys, CONF_STR,	"/etc/gkbm/pay/platform.keys", 0, 0),
	C(pay_gateway_url, CONF_STR,	"", 0, 0),
	C(pay_query_url, CONF_STR,	"", 0, 0),
	C(pay_notify_url, CONF_STR,	"", 0, 0),
	C(pay_return_url, CONF_STR,	"", 0, 0),
	C(pay_window,	CONF_INT,	"300", 30, 3600),
	C(pay_order_minutes, CONF_INT,	"30", 1, 10080),
};

/* The keys of the secrets file, readable only by the programs' user. */
static const struct conf_key secret_keys[] = {
	C(db_password,	CONF_STR,	"", 0, 0),
	C(db_admin_password, CONF_STR,	"", 0, 0),
	C(key_id,	CONF_INT,	"1", 1, 255),
	C(data_key,	CONF_KEY,	NULL, 0, 0),
	{ "old_data_key", CONF_OLDKEY, offsetof(struct config, nold_keys),
	    NULL, 1, 255 },
	C(mac_key,	CONF_KEY,	NULL, 0, 0),
	C(csrf_key,	CONF_KEY,	NULL, 0, 0),
};

#undef C

/*
 * True for an absolute http(s) URL of a site root: scheme, a host of
 * letters, digits, dots and dashes, an optional port, nothing else (no
 * path, no trailing slash: paths are appended to it).
 */
static int
conf_url_ok(const char *v)
{
	const char	*h;
	size_t		 n;

	if (strncmp(v, "https://", 8) == 0)
		h = v + 8;
	else if (strncmp(v, "http://", 7) == 0)
		h = v + 7;
	else
		return 0;
	n = strspn(h, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789.-");
	if (n == 0 || n > 253)
		return 0;
	if (h[n] == ':')
		return strlen(h + n + 1) >= 1 && strlen(h + n + 1) <= 5 &&
		    strspn(h + n + 1, "0123456789") == strlen(h + n + 1);
	return h[n] == '\0';
}

/*
 * Adds an older data key "ID:HEX" to the ring (pii.c opens values sealed
 * under it until gkbm-admin pii-rekey has sealed them again).
 */
static const char *
conf_oldkey(struct config *cfg, const char *v)
{
	char		*end;
	long		 id;
	int		 i;

	if (cfg->nold_keys >= PII_OLD_KEYS)
		return "too many old_data_key lines";
	id = strtol(v, &end, 10);
	if (end == v || *end != ':' || id < 1 || id > 255)
		return "expected ID:KEY with ID 1-255";
	for (i = 0; i < cfg->nold_keys; i++)
		if (cfg->old_key_id[i] == id)
			return "key id given twice";
	if (hex_decode(end + 1, cfg->old_keys[cfg->nold_keys], 32) == -1)
		return "expected 64 hexadecimal digits after the id";
	cfg->old_key_id[cfg->nold_keys++] = (int)id;
	return NULL;
}

/*
 * Sets one value.  Returns NULL, or a message saying why the value is
 * wrong for the key.
 */
static const char *
conf_set(struct config *cfg, const struct conf_key *k, const char *v)
{
	char		*base = (char *)cfg + k->off, *end;
	long long	 n;
	int		 b;

	switch (k->type) {
	case CONF_STR:
		free(*(char **)base);
		*(char **)base = xstrdup(v);
		return NULL;
	case CONF_OLDKEY:
		return conf_oldkey(cfg, v);
	case CONF_URL:
		if (*v != '\0' && !conf_url_ok(v))
			return "expected http://host or https://host[:port]";
		free(*(char **)base);
		*(char **)base = xstrdup(v);
		return NULL;
	case CONF_BOOL:
		if (!strcmp(v, "yes") || !strcmp(v, "1") || !strcmp(v, "on"))
			b = 1;
		else if (!strcmp(v, "no") || !strcmp(v, "0") ||
		    !strcmp(v, "off"))
			b = 0;
		else
			return "expected yes or no";
		*(int *)base = b;
		return NULL;
	case CONF_KEY:
		if (hex_decode(v, (unsigned char *)base, 32) == -1)
			return "expected 64 hexadecimal digits";
		return NULL;
	case CONF_INT:
	case CONF_OCTAL:
	case CONF_SIZE:
		if (*v == '\0' || !isdigit((unsigned char)*v))
			return "expected a number";
		errno = 0;
		n = strtoll(v, &end, k->type == CONF_OCTAL ? 8 : 10);
		if (errno != 0)
			return "number out of range";
		if (k->type == CONF_SIZE && (*end == 'k' || *end == 'K')) {
			n *= 1024;
			end++;
		} else if (k->type == CONF_SIZE &&
		    (*end == 'm' || *end == 'M')) {
			n *= 1024 * 1024;
			end++;
		}
		if (*end != '\0')
			return "trailing characters after the number";
		if (n < k->min || n > k->max)
			return "number out of range";
		if (k->type == CONF_SIZE)
			*(size_t *)base = (size_t)n;
		else
			*(int *)base = (int)n;
		return NULL;
	}
	return "unknown type";
}

/* Parses one file against a key table; see config_parse. */
static int
conf_file(struct config *cfg, const char *path, const struct conf_key *keys,
    size_t nkeys)
{
	FILE		*f;
	char		 line[1024], *k, *v, *e;
	const char	*err;
	size_t		 i, lineno = 0;
	int		 rc = 0;

	if ((f = fopen(path, "r")) == NULL) {
		log_warn("%s", path);
		return -1;
	}
	while (fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			log_warnx("%s:%zu: line too long", path, lineno);
			rc = -1;
			break;
		}
		for (k = line; isspace((unsigned char)*k); k++)
			;
		if (*k == '#' || *k == '\0')
			continue;
		if ((v = strchr(k, '=')) == NULL) {
			log_warnx("%s:%zu: expected key = value", path, lineno);
			rc = -1;
			continue;
		}
		for (e = v; e > k && isspace((unsigned char)e[-1]); e--)
			;
		*e = '\0';
		for (v++; isspace((unsigned char)*v); v++)
			;
		for (e = v + strlen(v); e > v && isspace((unsigned char)e[-1]);
		    e--)
			;
		*e = '\0';
		for (i = 0; i < nkeys; i++)
			if (strcmp(keys[i].name, k) == 0)
				break;
		if (i == nkeys) {
			log_warnx("%s:%zu: unknown key %s", path, lineno, k);
			rc = -1;
			continue;
		}
		if ((err = conf_set(cfg, &keys[i], v)) != NULL) {
			log_warnx("%s:%zu: %s: %s", path, lineno, k, err);
			rc = -1;
		}
	}
	fclose(f);
	OPENSSL_cleanse(line, sizeof(line));
	return rc;
}

/* Fills cfg with the defaults of every key. */
void
config_init(struct config *cfg)
{
	size_t	 i;

	memset(cfg, 0, sizeof(*cfg));
	for (i = 0; i < sizeof(conf_keys) / sizeof(conf_keys[0]); i++)
		if (conf_set(cfg, &conf_keys[i], conf_keys[i].def) != NULL)
			fatalx("config_init: bad default for %s",
			    conf_keys[i].name);
	for (i = 0; i < sizeof(secret_keys) / sizeof(secret_keys[0]); i++)
		if (secret_keys[i].def != NULL &&
		    conf_set(cfg, &secret_keys[i], secret_keys[i].def) != NULL)
			fatalx("config_init: bad default for %s",
			    secret_keys[i].name);
}

/*
 * Reads gkbm.conf into cfg (which config_init filled).  Unknown keys and
 * bad values are errors.  Returns 0, or -1 after logging every problem.
 */
int
config_parse(struct config *cfg, const char *path)
{
	if (conf_file(cfg, path, conf_keys,
	    sizeof(conf_keys) / sizeof(conf_keys[0])) == -1)
		return -1;
	if (cfg->session_idle > cfg->session_max) {
		log_warnx("%s: session_idle is longer than session_max", path);
		return -1;
	}
	return 0;
}

/*
 * Reads the secrets file.  The three keys are required: running with a
 * zero key would seal personal data with a key everybody knows.
 */
int
config_secrets(struct config *cfg, const char *path)
{
	static const unsigned char	 zero[32];
	int				 i;

	if (conf_file(cfg, path, secret_keys,
	    sizeof(secret_keys) / sizeof(secret_keys[0])) == -1)
		return -1;
	if (CRYPTO_memcmp(cfg->data_key, zero, 32) == 0 ||
	    CRYPTO_memcmp(cfg->mac_key, zero, 32) == 0 ||
	    CRYPTO_memcmp(cfg->csrf_key, zero, 32) == 0) {
		log_warnx("%s: data_key, mac_key and csrf_key are required",
		    path);
		return -1;
	}
	for (i = 0; i < cfg->nold_keys; i++)
		if (cfg->old_key_id[i] == cfg->key_id) {
			log_warnx("%s: old_data_key %d is the current key_id",
			    path, cfg->key_id);
			return -1;
		}
	return 0;
}

/* Frees the strings and wipes the secrets. */
void
config_free(struct config *cfg)
{
	size_t	 i;

	for (i = 0; i < sizeof(conf_keys) / sizeof(conf_keys[0]); i++)
		if (conf_keys[i].type == CONF_STR || conf_keys[i].type == CONF_URL)
			free(*(char **)((char *)cfg + conf_keys[i].off));
	for (i = 0; i < sizeof(secret_keys) / sizeof(secret_keys[0]); i++) {
		char	**s = (char **)((char *)cfg + secret_keys[i].off);

		if (secret_keys[i].type != CONF_STR || *s == NULL)
			continue;
		OPENSSL_cleanse(*s, strlen(*s));
		free(*s);
	}
	OPENSSL_cleanse(cfg, sizeof(*cfg));
}
