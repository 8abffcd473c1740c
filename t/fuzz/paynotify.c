/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* t/fuzz/paynotify.c: libFuzzer target of the notify parser (paykv.c) */

/*
 * An input is a notify body as gkbm-pay receives it.  It goes the way
 * pay_notify.c takes it: paykv_parse (names without dots, as notifies;
 * then with dots, as the gkbm-web socket's replies), paykv_check against
 * every message type, the value validators, the canonical string and a
 * signature check of its sign value with an SM2 and an RSA key made at
 * start-up.  Invariants (abort when broken): a parsed message encoded
 * and parsed again gives the same names and values in the same order;
 * the canonical string never holds the sign parameter; no signature
 * verifies (the keys are fresh).
 */

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include "gkbm.h"
#include "pay.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct paykey	*keys[2];

/* A fresh key of type (SM2 or RSA) as a public paykey. */
static struct paykey *
fuzz_key(const char *type)
{
	EVP_PKEY	*pk = EVP_PKEY_Q_keygen(NULL, NULL, type,
	    strcmp(type, "RSA") == 0 ? (size_t)2048 : (size_t)0);
	char		 path[] = "/tmp/gkbm-fuzz-keyXXXXXX";
	struct paykey	*k;
	const char	*why;
	FILE		*f;
	int		 fd;

	if (pk == NULL || (fd = mkstemp(path)) == -1 ||
	    (f = fdopen(fd, "w")) == NULL)
		abort();
	PEM_write_PUBKEY(f, pk);
	fclose(f);
	k = paysign_load(path, 0, &why);
	unlink(path);
	EVP_PKEY_free(pk);
	if (k == NULL)
		abort();
	return k;
}

/* Encodes kv, parses it again: the same pairs or abort. */
static void
fuzz_roundtrip(const struct paykv *kv, int dots)
{
	static char	 enc[PAYKV_BODY * 3 + 1];
	struct paykv	*again = malloc(sizeof(*again));
	const char	*why;
	size_t		 i;
	int		 n;

	if (again == NULL)
		abort();
	n = paykv_encode(kv, enc, sizeof(enc));
	if (n > 0 && n <= PAYKV_BODY) {
		if (paykv_parse(again, enc, (size_t)n, dots, &why) == -1 ||
		    again->n != kv->n)
			abort();
		for (i = 0; i < kv->n; i++)
			if (strcmp(again->name[i], kv->name[i]) != 0 ||
			    strcmp(again->value[i], kv->value[i]) != 0)
				abort();
	}
	free(again);
}

/* The canonical string's invariants and the signature checks. */
static void
fuzz_canon(const struct paykv *kv)
{
	static char	 canon[PAYKV_BUF];
	const char	*sign = paykv_get(kv, "sign");
	int		 n, i;

	n = paykv_canon(kv, canon, sizeof(canon));
	if (n < 0)
		return;
	if (strncmp(canon, "sign=", 5) == 0 || strstr(canon, "&sign="))
		abort();
	for (i = 0; i < 2 && sign != NULL; i++)
		if (paysign_verify(keys[i], canon, (size_t)n, sign))
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct paykv_type *const types[] = { &paykv_notify,
		&paykv_handover, &paykv_ack, &paykv_query, &paykv_query_reply };
	static struct paykv	 kv;
	const char		*why, *v;
	long long		 fen;
	size_t			 i;
	int			 dots;

	if (keys[0] == NULL) {
		keys[0] = fuzz_key("SM2");
		keys[1] = fuzz_key("RSA");
	}
	for (dots = 0; dots <= 1; dots++) {
		if (paykv_parse(&kv, (const char *)data, size, dots, &why) == -1)
			continue;
		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			(void)paykv_check(&kv, types[i], &why);
		for (i = 0; i < kv.n; i++) {
			v = kv.value[i];
			(void)paykv_amount(v, &fen);
			(void)paykv_nonce_ok(v);
			(void)paykv_order_ok(v);
			(void)paykv_trade_ok(v);
			(void)paysign_alg(v);
		}
		fuzz_roundtrip(&kv, dots);
		fuzz_canon(&kv);
	}
	return 0;
}
