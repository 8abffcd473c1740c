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
 * t/unit/paykv.c: the sign v1 messages (fcgi/lib/paykv.c): decoding rules
 * of SECURITY.md §3 step 1-2, the canonical string of its sample notify
 * (§4), the value formats, and gkbm-web's client when gkbm-pay is away.
 */

#include <stdio.h>
#include <string.h>

#include "gkbm.h"
#include "pay.h"
#include "tap.h"

/* The SECURITY.md §4 sample, parameters in another order, sign and an
 * empty one added: the canonical string is the documented one. */
static const char sample[] = "trade_no=FS20260601123456789&sign=AbC%2B%2F%3D"
    "&timestamp=1780281015&sign_type=SM2&pay_status=SUCCESS&paid_at="
    "20260601103015&order_no=GK2026410100000123&nonce=9f1c2e7a4b5d6e8f0a1b2"
    "c3d4e5f6071&key_id=platform-sm2-2026&currency=CNY&app_id=HNGK0001&"
    "amount=12000";
static const char sample_canon[] = "amount=12000&app_id=HNGK0001&currency=CNY&"
    "key_id=platform-sm2-2026&nonce=9f1c2e7a4b5d6e8f0a1b2c3d4e5f6071&"
    "order_no=GK2026410100000123&paid_at=20260601103015&pay_status=SUCCESS&"
    "sign_type=SM2&timestamp=1780281015&trade_no=FS20260601123456789";

/* Bodies the parser must refuse. */
static const struct {
	const char	*body;
	const char	*what;
} refused[] = {
	{ "a=1&a=2", "a name twice" },
	{ "a=1%26b=2", "a decoded &" },
	{ "a=1%0D", "a decoded CR" },
	{ "a=1%0A", "a decoded LF" },
	{ "a=1%00", "a decoded NUL" },
	{ "a=%ZZ", "a bad escape" },
	{ "a=%4", "a cut escape" },
	{ "a=%C0%80", "overlong UTF-8" },
	{ "a=%ED%A0%80", "a UTF-16 surrogate in UTF-8" },
	{ "a=%FF", "not UTF-8" },
	{ "A=1", "an upper-case name" },
	{ "f.x=1", "a dot in a notify's name" },
	{ "=1", "no name" },
	{ "a", "no =" },
	{ "a=1&", "a trailing &" },
	{ "a=1&&b=2", "an empty pair" },
	{ "", "an empty body" },
};

static void
test_parse(void)
{
	struct paykv	 kv;
	char		 canon[PAYKV_BUF], enc[PAYKV_BUF];
	const char	*why;
	size_t		 i;
	int		 n;

	ok(paykv_parse(&kv, sample, strlen(sample), 0, &why) == 0,
	    "the sample notify parses");
	is_string(paykv_get(&kv, "sign"), "AbC+/=", "sign decoded once");
	n = paykv_canon(&kv, canon, sizeof(canon));
	is_string(canon, sample_canon, "canonical string of SECURITY.md §4");
	is_int(n, (long long)strlen(sample_canon), "its length");
	ok(paykv_check(&kv, &paykv_notify, &why) == 0,
	    "a complete notify passes its allow-list");
	ok(paykv_canon(&kv, canon, 20) == -1, "a short buffer is refused");
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		why = NULL;
		ok(paykv_parse(&kv, refused[i].body, strlen(refused[i].body),
		    0, &why) == -1 && why != NULL, "refused: %s",
		    refused[i].what);
	}
	ok(paykv_parse(&kv, "a+b=%E4%B8%AD+x", 15, 0, &why) == -1,
	    "a space in a name is refused");
	ok(paykv_parse(&kv, "a=%E4%B8%AD+x&b=", 16, 0, &why) == 0 &&
	    strcmp(paykv_get(&kv, "a"), "中 x") == 0, "UTF-8 and + decoded");
	n = paykv_canon(&kv, canon, sizeof(canon));
	is_string(canon, "a=中 x", "an empty value is dropped from the string");
	n = paykv_encode(&kv, enc, sizeof(enc));
	is_string(enc, "a=%E4%B8%AD%20x&b=", "encoded in order, %%20 for space");
	ok(paykv_parse(&kv, "f.sign=1", 8, 1, &why) == 0,
	    "dots allowed in the socket's replies");
}

static void
test_check(void)
{
	struct paykv	 kv;
	const char	*why;
	char		 body[PAYKV_BUF];

	snprintf(body, sizeof(body), "%s&extra=1", sample);
	paykv_parse(&kv, body, strlen(body), 0, &why);
	ok(paykv_check(&kv, &paykv_notify, &why) == -1,
	    "a parameter not in the notify's allow-list is refused");
	paykv_parse(&kv, sample, strlen(sample) - strlen("&amount=12000"), 0,
	    &why);
	ok(paykv_check(&kv, &paykv_notify, &why) == -1,
	    "a notify without amount is refused");
}

static void
test_formats(void)
{
	static const struct {
		const char	*s;
		int		 ok;
	} amounts[] = {
		{ "1", 1 }, { "12000", 1 }, { "9999999999", 1 }, { "0", 0 },
		{ "012", 0 }, { "12.00", 0 }, { "-1", 0 }, { "1e3", 0 },
		{ "10000000000", 0 }, { "", 0 }, { " 1", 0 },
	};
	long long	 fen = 0;
	size_t		 i;

	for (i = 0; i < sizeof(amounts) / sizeof(amounts[0]); i++)
		is_int(paykv_amount(amounts[i].s, &fen) == 0, amounts[i].ok,
		    "amount \"%s\"", amounts[i].s);
	paykv_amount("12000", &fen);
	is_int(fen, 12000, "12000 fen");
	ok(paykv_nonce_ok("9f1c2e7a4b5d6e8f0a1b2c3d4e5f6071") &&
	    !paykv_nonce_ok("9F1C2E7A4B5D6E8F0A1B2C3D4E5F6071") &&
	    !paykv_nonce_ok("9f1c"), "nonce: 32 lower-case hex digits");
	ok(paykv_order_ok("GK2026410100000123") && !paykv_order_ok("gk1") &&
	    !paykv_order_ok("GK-1") && !paykv_order_ok(""),
	    "order_no: [A-Z0-9]{1,32}");
	ok(paykv_trade_ok("FS2026abc") && !paykv_trade_ok("FS 1"),
	    "trade_no: [A-Za-z0-9]{1,64}");
	ok(paysign_alg("RSA2") == PAYALG_RSA2 && paysign_alg("SM2") ==
	    PAYALG_SM2 && paysign_alg("rsa2") == PAYALG_NONE &&
	    paysign_alg("RSA") == PAYALG_NONE, "sign_type names exact");
}

static void
test_client(void)
{
	struct config	 cfg;
	struct paykv	 out;

	memset(&cfg, 0, sizeof(cfg));
	cfg.pay_socket = "/nonexistent/gkbm-pay.sock";
	log_init("paykv", "/dev/null", 0);
	is_int(payc_call(&cfg, "ping", NULL, &out), PAYC_UNAVAILABLE,
	    "gkbm-pay away: the client says unavailable (503)");
}

int
main(void)
{
	plan_lazy();
	test_parse();
	test_check();
	test_formats();
	test_client();
	return 0;
}
