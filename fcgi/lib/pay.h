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
 * pay.h: payment messages ("sign v1", SECURITY.md §3): paykv.c (the form
 * messages, their checks and canonical string), paysign.c (RSA2 and SM2
 * with OpenSSL), payclient.c (gkbm-web's side of the gkbm-pay socket;
 * the protocol is described at the top of payclient.c).
 */
#ifndef GKBM_PAY_H
#define GKBM_PAY_H

#include <stddef.h>

struct config;

/* paykv.c */
#define PAYKV_MAX	40		/* parameters of one message */
#define PAYKV_BODY	8192		/* longest encoded message */
#define PAYKV_BUF	(PAYKV_BODY + 2 * PAYKV_MAX + 16)
#define PAYKV_NAME	32		/* longest parameter name */

struct paykv {
	size_t		 n;
	const char	*name[PAYKV_MAX];
	const char	*value[PAYKV_MAX];
	size_t		 used;
	char		 buf[PAYKV_BUF];
};

/* What a message type allows and needs (paykv_check). */
struct paykv_type {
	const char		*what;		/* for messages */
	const char *const	*allow;		/* NULL-terminated */
	const char *const	*need;		/* NULL-terminated */
};
extern const struct paykv_type paykv_notify, paykv_handover, paykv_ack,
		 paykv_query, paykv_query_reply;

void		 paykv_init(struct paykv *);
int		 paykv_parse(struct paykv *, const char *, size_t, int,
		    const char **);
int		 paykv_add(struct paykv *, const char *, const char *);
const char	*paykv_get(const struct paykv *, const char *);
int		 paykv_check(const struct paykv *, const struct paykv_type *,
		    const char **);
int		 paykv_canon(const struct paykv *, char *, size_t);
int		 paykv_encode(const struct paykv *, char *, size_t);
int		 paykv_amount(const char *, long long *);
int		 paykv_nonce_ok(const char *);
int		 paykv_order_ok(const char *);
int		 paykv_trade_ok(const char *);

/* paysign.c */
enum payalg { PAYALG_NONE = 0, PAYALG_RSA2, PAYALG_SM2 };
#define PAY_SM2_ID	"1234567812345678"	/* GM/T 0009 default, set explicitly */
#define PAY_SIG_B64	1024			/* base64 signature, with NUL */

struct paykey;				/* a loaded key and its algorithm */
enum payalg	 paysign_alg(const char *);
const char	*paysign_alg_name(enum payalg);
struct paykey	*paysign_load(const char *, int, const char **);
enum payalg	 paysign_key_alg(const struct paykey *);
void		 paysign_free(struct paykey *);
int		 paysign_sign(const struct paykey *, const char *, size_t,
		    char [PAY_SIG_B64]);
int		 paysign_verify(const struct paykey *, const char *, size_t,
		    const char *);
int		 paysign_message(const struct paykey *, const char *,
		    struct paykv *, char *, size_t);
void		 paysign_nonce(char [33]);

/* payhttp.c (link -lssl) */
int		 payhttp_post(const char *, const char *, char *, size_t,
		    int *);

/* payclient.c */
#define PAYC_UNAVAILABLE	(-1)	/* gkbm-pay down, key unreadable: 503 */
#define PAYC_REFUSED		(-2)	/* gkbm-pay answered status=error */
int		 payc_call(const struct config *, const char *, const char *,
		    struct paykv *);

#endif
