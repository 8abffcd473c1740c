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
 * pay_main.c: gkbm-pay, the payment worker (DESIGN.md "Processes",
 * SECURITY.md §3).  Privilege separation in the manner of OpenSMTPD: the
 * private signing key is read by this program alone (pay_key_file,
 * readable by its user only); gkbm-web asks it over pay_socket to sign
 * (fcgi/lib/payclient.c describes the protocol) and never sees the key.
 * The master opens both sockets, loads the keys (an unreadable key is
 * fatal: the sockets stay closed, so the payment pages say 503 and the
 * platform's notifies get 503 from nginx), then forks pay_workers notify
 * processes on the FastCGI socket (pay_notify.c) and one process for
 * gkbm-web's socket (pay_sock.c), restarts any that dies (a second later
 * if it died young) and stops them all on SIGTERM.
 */

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "payd.h"

#define PAYD_MAX_CHILDREN	65

/* A child: its pid and its role (-1 the socket process, else a worker). */
static struct {
	pid_t		 pid;
	time_t		 started;
} kids[PAYD_MAX_CHILDREN];

static void
usage(void)
{
	fprintf(stderr, "usage: gkbm-pay [-c conf]\n");
	exit(2);
}

/* A listening unix socket at path with mode. */
static int
payd_listen(const char *path, int mode)
{
	struct sockaddr_un	 sun;
	mode_t			 old;
	int			 fd;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(path) >= sizeof(sun.sun_path))
		fatalx("%s: path too long", path);
	strcpy(sun.sun_path, path);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		fatal("socket");
	if (unlink(path) == -1 && errno != ENOENT)
		fatal("unlink %s", path);
	old = umask(0177);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1)
		fatal("bind %s", path);
	(void)umask(old);
	if (chmod(path, (mode_t)mode) == -1)
		fatal("chmod %s", path);
	if (listen(fd, 1024) == -1)
		fatal("listen");
	return fd;
}

/* Forks child i: the socket process (i == 0) or a notify worker. */
static void
payd_spawn(struct payd *d, int i, int fcgi_fd, int sock_fd)
{
	pid_t	 pid;

	if ((pid = fork()) == -1) {
		log_warn("fork");
		return;
	}
	if (pid == 0) {
		prog_signals();
		if (i == 0) {
			close(fcgi_fd);
			payd_sock_main(d, sock_fd);
		}
		close(sock_fd);
		payd_notify_main(d, fcgi_fd);
	}
	kids[i].pid = pid;
	kids[i].started = time(NULL);
}

/* Restarts children that died, until SIGTERM; then stops them. */
static void
payd_supervise(struct payd *d, int n, int fcgi_fd, int sock_fd)
{
	pid_t	 pid;
	int	 i, status;

	for (i = 0; i < n; i++)
		payd_spawn(d, i, fcgi_fd, sock_fd);
	while (!prog_quit) {
		if ((pid = waitpid(-1, &status, 0)) == -1) {
			if (errno != EINTR)
				sleep(1);
			continue;
		}
		for (i = 0; i < n && kids[i].pid != pid; i++)
			;
		if (i == n || prog_quit)
			continue;
		log_warnx("%s %d ended (status %d); starting another",
		    i == 0 ? "socket process" : "notify worker", (int)pid,
		    status);
		if (time(NULL) - kids[i].started < 2)
			sleep(1);
		payd_spawn(d, i, fcgi_fd, sock_fd);
	}
	for (i = 0; i < n; i++)
		if (kids[i].pid > 0)
			kill(kids[i].pid, SIGTERM);
	for (i = 0; i < n; i++)
		if (kids[i].pid > 0)
			waitpid(kids[i].pid, NULL, 0);
}

/* Writes our pid to path (if set). */
static void
payd_pidfile(const char *path)
{
	FILE	*f;

	if (path == NULL || *path == '\0')
		return;
	if ((f = fopen(path, "w")) == NULL)
		fatal("%s", path);
	fprintf(f, "%ld\n", (long)getpid());
	fclose(f);
}

/* gkbm-pay [-c conf]. */
int
main(int argc, char *argv[])
{
	static struct config	 cfg;
	static struct payd	 d;
	const char		*conf = D_CONF, *why;
	int			 ch, fcgi_fd, sock_fd;

	log_init("gkbm-pay", "-", 0);
	while ((ch = getopt(argc, argv, "c:")) != -1) {
		if (ch == 'c')
			conf = optarg;
		else
			usage();
	}
	if (optind != argc)
		usage();
	if (prog_config("gkbm-pay", &cfg, conf, &cfg.pay_log_file) == -1)
		return 1;
	d.cfg = &cfg;
	if (payd_keys_load(&d, &why) == -1)
		fatalx("keys: %s", why);
	prog_signals();
	fcgi_fd = payd_listen(cfg.pay_listen, cfg.listen_mode);
	sock_fd = payd_listen(cfg.pay_socket, cfg.listen_mode);
	payd_pidfile(cfg.pay_pid_file);
	log_info("key %s (%s), %zu platform keys; notifies on %s, gkbm-web "
	    "on %s", cfg.pay_key_id, paysign_alg_name(paysign_key_alg(d.own)),
	    d.npins, cfg.pay_listen, cfg.pay_socket);
	payd_supervise(&d, 1 + cfg.pay_workers, fcgi_fd, sock_fd);
	unlink(cfg.pay_listen);
	unlink(cfg.pay_socket);
	if (*cfg.pay_pid_file != '\0')
		unlink(cfg.pay_pid_file);
	log_info("stopped");
	return 0;
}
