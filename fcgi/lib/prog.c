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
 * prog.c: what the daemons gkbm-pay and gkbm-sms do alike at start: the
 * configuration and its secrets, the log, and the stop signals that end
 * their loops (prog_quit).
 */

#include <signal.h>
#include <string.h>

#include "gkbm.h"

/* Set by SIGTERM and SIGINT: finish the work in hand, then stop. */
volatile sig_atomic_t	 prog_quit;

static void
prog_stop(int sig)
{
	(void)sig;
	prog_quit = 1;
}

/*
 * SIGTERM and SIGINT set prog_quit (no SA_RESTART: a blocking call
 * returns EINTR and its loop looks); SIGPIPE is ignored (a peer that
 * exits unread gives EPIPE).
 */
void
prog_signals(void)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = prog_stop;
	sigemptyset(&sa.sa_mask);
	(void)sigaction(SIGTERM, &sa, NULL);
	(void)sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	(void)sigaction(SIGPIPE, &sa, NULL);
}

/*
 * Reads the configuration file conf and the secrets it names into cfg,
 * then logs as name into the file named by logfile, a member of cfg
 * (&cfg->log_file, say) read once cfg is.  Returns 0, or -1 (said on
 * standard error).
 */
int
prog_config(const char *name, struct config *cfg, const char *conf,
    char *const *logfile)
{
	config_init(cfg);
	if (config_parse(cfg, conf) == -1 ||
	    config_secrets(cfg, cfg->secrets_file) == -1)
		return -1;
	log_init(name, *logfile, cfg->debug);
	return 0;
}
