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
 * pay_keys.c: gkbm-pay's keys.  Our private key (pay_key_file, read only
 * by this program) and the platform's public keys pinned per key_id in
 * pay_platform_keys, one "KEY_ID SIGN_TYPE PEM_FILE" a line (# comments;
 * a relative PEM_FILE is beside the list).  The SIGN_TYPE written there
 * must be the key's own algorithm: a key is bound to one algorithm and a
 * notify's sign_type must equal it (SECURITY.md §3).
 */

#include <ctype.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "payd.h"

/* Parses one line of the list into the pins; 0, -1 with *why. */
static int
payd_pin_line(struct payd *d, char *line, const char *dir, const char **why)
{
	char		*id, *type, *file, path[4096];
	struct paykey	*k;
	enum payalg	 alg;

	id = strtok(line, " \t\r\n");
	if (id == NULL || *id == '#')
		return 0;
	type = strtok(NULL, " \t\r\n");
	file = strtok(NULL, " \t\r\n");
	if (type == NULL || file == NULL || strtok(NULL, " \t\r\n") != NULL)
		return *why = "expected KEY_ID SIGN_TYPE PEM_FILE", -1;
	if (strlen(id) > 64 || strspn(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789-_.") != strlen(id))
		return *why = "a bad key id", -1;
	if ((alg = paysign_alg(type)) == PAYALG_NONE)
		return *why = "SIGN_TYPE must be RSA2 or SM2", -1;
	if (payd_pin_find(d, id) != NULL)
		return *why = "a key id listed twice", -1;
	if (d->npins >= PAYD_MAX_KEYS)
		return *why = "too many keys", -1;
	snprintf(path, sizeof(path), "%s%s%s", *file == '/' ? "" : dir,
	    *file == '/' ? "" : "/", file);
	if ((k = paysign_load(path, 0, why)) == NULL)
		return -1;
	if (paysign_key_alg(k) != alg) {
		paysign_free(k);
		return *why = "the key's algorithm is not its SIGN_TYPE", -1;
	}
	snprintf(d->pins[d->npins].key_id, sizeof(d->pins[0].key_id), "%s",
	    id);
	d->pins[d->npins++].key = k;
	return 0;
}

/*
 * Loads our private key and the pinned platform keys.  Returns 0, or -1
 * with *why (the caller logs it with the file's name).
 */
int
payd_keys_load(struct payd *d, const char **why)
{
	char		 line[1024], *copy, *dir;
	FILE		*f;
	int		 rc = 0, n = 0;

	if ((d->own = paysign_load(d->cfg->pay_key_file, 1, why)) == NULL) {
		log_warnx("%s: %s", d->cfg->pay_key_file, *why);
		return -1;
	}
	if ((f = fopen(d->cfg->pay_platform_keys, "r")) == NULL) {
		log_warn("%s", d->cfg->pay_platform_keys);
		return *why = "cannot open the platform key list", -1;
	}
	copy = xstrdup(d->cfg->pay_platform_keys);
	dir = dirname(copy);
	while (rc == 0 && fgets(line, sizeof(line), f) != NULL) {
		n++;
		if ((rc = payd_pin_line(d, line, dir, why)) == -1)
			log_warnx("%s:%d: %s", d->cfg->pay_platform_keys, n,
			    *why);
	}
	fclose(f);
	free(copy);
	if (rc == 0 && d->npins == 0) {
		log_warnx("%s: no key", d->cfg->pay_platform_keys);
		return *why = "no platform key", -1;
	}
	return rc;
}

/* The pinned key named key_id, or NULL. */
const struct payd_pin *
payd_pin_find(const struct payd *d, const char *key_id)
{
	size_t	 i;

	for (i = 0; i < d->npins; i++)
		if (strcmp(d->pins[i].key_id, key_id) == 0)
			return &d->pins[i];
	return NULL;
}
