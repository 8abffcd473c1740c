/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* main.c: gkbm-web's master: socket, prefork, restart, reload, stop */

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "web.h"

#define MAX_WORKERS	256
#define BACKOFF_MAX	10000		/* ms between restarts at worst */

struct slot {
	pid_t		 pid;		/* 0: empty */
	unsigned int	 gen;		/* configuration generation */
	struct timespec	 started;
	struct timespec	 stopping;	/* when SIGTERM was sent, or 0 */
};

static struct slot	 slots[MAX_WORKERS * 2];
static unsigned int	 gen;
static int		 fast_deaths;	/* consecutive deaths soon after start */
static struct timespec	 next_start;	/* no new worker before this */

static __attribute__((noreturn)) void
usage(void)
{
	fprintf(stderr, "usage: gkbm-web [-t] [-c file]\n");
	exit(2);
}

static long long
ms_since(const struct timespec *t)
{
	struct timespec	 now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t->tv_sec) * 1000LL +
	    (now.tv_nsec - t->tv_nsec) / 1000000;
}

/* Reads gkbm.conf and the secrets into a new struct; NULL on error. */
static struct config *
load(const char *path)
{
	struct config	*cfg = xcalloc(1, sizeof(*cfg));

	config_init(cfg);
	if (config_parse(cfg, path) == -1 ||
	    config_secrets(cfg, cfg->secrets_file) == -1) {
		config_free(cfg);
		free(cfg);
		return NULL;
	}
	return cfg;
}

/*
 * Opens the FastCGI socket: a unix socket with the configured mode,
 * created 0600 so it never has wider permissions meanwhile.
 */
static int
open_socket(const struct config *cfg)
{
	struct sockaddr_un	 sun;
	mode_t			 old;
	int			 fd;

	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	if (strlen(cfg->listen) >= sizeof(sun.sun_path))
		fatalx("listen: path too long");
	strcpy(sun.sun_path, cfg->listen);
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) == -1)
		fatal("socket");
	if (unlink(cfg->listen) == -1 && errno != ENOENT)
		fatal("unlink %s", cfg->listen);
	/*
	 * Born owner-only: between bind and chmod the socket must not
	 * be reachable with the umask's (wider) permissions.
	 */
	old = umask(0177);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) == -1)
		fatal("bind %s", cfg->listen);
	(void)umask(old);
	if (chmod(cfg->listen, cfg->listen_mode) == -1)
		fatal("chmod %s", cfg->listen);
	if (listen(fd, 1024) == -1)
		fatal("listen");
	return fd;
}

/* Forks one worker of the current generation into slot i. */
static void
spawn(struct config *cfg, int fd, int i)
{
	pid_t	 pid;

	if ((pid = fork()) == -1) {
		log_warn("fork");
		return;
	}
	if (pid == 0) {
		sigset_t	 none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		worker_main(cfg, fd);
	}
	slots[i].pid = pid;
	slots[i].gen = gen;
	clock_gettime(CLOCK_MONOTONIC, &slots[i].started);
	memset(&slots[i].stopping, 0, sizeof(slots[i].stopping));
}

static int
count_current(void)
{
	int	 i, n = 0;

	for (i = 0; i < MAX_WORKERS * 2; i++)
		if (slots[i].pid != 0 && slots[i].gen == gen &&
		    slots[i].stopping.tv_sec == 0)
			n++;
	return n;
}

/* Starts workers until cfg->workers of this generation run (with back-off). */
static void
fill(struct config *cfg, int fd)
{
	struct timespec	 now;
	int		 i;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (now.tv_sec < next_start.tv_sec || (now.tv_sec == next_start.tv_sec &&
	    now.tv_nsec < next_start.tv_nsec))
		return;
	for (i = 0; i < MAX_WORKERS * 2 && count_current() < cfg->workers; i++)
		if (slots[i].pid == 0)
			spawn(cfg, fd, i);
}

/* Sends SIGTERM to the workers of older generations (or all). */
static void
retire(int all)
{
	int	 i;

	for (i = 0; i < MAX_WORKERS * 2; i++)
		if (slots[i].pid != 0 && (all || slots[i].gen != gen) &&
		    slots[i].stopping.tv_sec == 0) {
			kill(slots[i].pid, SIGTERM);
			clock_gettime(CLOCK_MONOTONIC, &slots[i].stopping);
		}
}

/* SIGKILLs workers that did not stop within stop_timeout. */
static void
escalate(const struct config *cfg)
{
	int	 i;

	for (i = 0; i < MAX_WORKERS * 2; i++)
		if (slots[i].pid != 0 && slots[i].stopping.tv_sec != 0 &&
		    ms_since(&slots[i].stopping) > cfg->stop_timeout * 1000LL) {
			log_warnx("worker %d did not stop, killing it",
			    (int)slots[i].pid);
			kill(slots[i].pid, SIGKILL);
		}
}

/* Collects dead workers; a death soon after start delays the next start. */
static int
reap(void)
{
	pid_t		 pid;
	int		 status, i, n = 0;
	long long	 delay;

	while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
		for (i = 0; i < MAX_WORKERS * 2; i++)
			if (slots[i].pid == pid)
				break;
		if (i == MAX_WORKERS * 2)
			continue;
		n++;
		if (slots[i].stopping.tv_sec == 0 && (WIFSIGNALED(status) ||
		    WEXITSTATUS(status) != 0)) {
			if (WIFSIGNALED(status))
				log_warnx("worker %d killed by signal %d",
				    (int)pid, WTERMSIG(status));
			else
				log_warnx("worker %d exited with status %d",
				    (int)pid, WEXITSTATUS(status));
			if (ms_since(&slots[i].started) < 2000) {
				if (fast_deaths < 10)
					fast_deaths++;
				delay = 100LL << fast_deaths;
				if (delay > BACKOFF_MAX)
					delay = BACKOFF_MAX;
				clock_gettime(CLOCK_MONOTONIC, &next_start);
				next_start.tv_sec += delay / 1000;
				next_start.tv_nsec += (delay % 1000) * 1000000;
				if (next_start.tv_nsec >= 1000000000) {
					next_start.tv_sec++;
					next_start.tv_nsec -= 1000000000;
				}
			} else
				fast_deaths = 0;
		}
		slots[i].pid = 0;
	}
	return n;
}

static int
running(void)
{
	int	 i, n = 0;

	for (i = 0; i < MAX_WORKERS * 2; i++)
		if (slots[i].pid != 0)
			n++;
	return n;
}

static void
write_pid(const char *path)
{
	FILE	*f;

	if (path == NULL || *path == '\0')
		return;
	if ((f = fopen(path, "w")) == NULL)
		fatal("%s", path);
	fprintf(f, "%d\n", (int)getpid());
	fclose(f);
}

/*
 * SIGHUP: reads the configuration again; if it is valid, starts workers
 * of a new generation with it and retires the old ones.  Returns the
 * configuration in force.
 */
static struct config *
reload(struct config *cfg, const char *path, int fd)
{
	struct config	*ncfg;

	if ((ncfg = load(path)) == NULL) {
		log_warnx("reload: %s not valid, keeping the running "
		    "configuration", path);
		return cfg;
	}
	log_reopen();
	/*
	 * The old workers run on their own copies (they are forks): the
	 * master's goes, its secrets wiped.
	 */
	config_free(cfg);
	free(cfg);
	gen++;
	log_info("reloading: generation %u", gen);
	fill(ncfg, fd);
	retire(0);
	return ncfg;
}

/*
 * The master: keeps the workers up, reloads on SIGHUP, and on SIGTERM
 * or SIGINT retires them all and returns once they are gone, with the
 * configuration in force.
 */
static struct config *
supervise(struct config *cfg, const char *path, int fd, const sigset_t *set)
{
	struct timespec	 tick = { 0, 200 * 1000000 };
	siginfo_t	 si;
	int		 sig, stopping = 0;

	for (;;) {
		if (!stopping)
			fill(cfg, fd);
		sig = sigtimedwait(set, &si, &tick);
		if (sig == SIGHUP) {
			cfg = reload(cfg, path, fd);
		} else if (sig == SIGTERM || sig == SIGINT) {
			if (!stopping)
				log_info("stopping");
			stopping = 1;
			retire(1);
		}
		reap();
		escalate(cfg);
		if (stopping && running() == 0)
			return cfg;
	}
}

/* -t: the configuration and every stylesheet compile; exits. */
static int
test_config(struct config *cfg)
{
	struct worker	 w;

	memset(&w, 0, sizeof(w));
	w.cfg = cfg;
	render_init(&w);
	printf("configuration and stylesheets OK\n");
	return 0;
}

/*
 * gkbm-web [-c conf] [-t]: the master, which opens the socket, forks
 * the workers and supervises them; -t checks the configuration and the
 * stylesheets and exits.
 */
int
main(int argc, char *argv[])
{
	struct config	*cfg;
	const char	*path = D_CONF;
	sigset_t	 set;
	int		 ch, fd, test = 0;

	while ((ch = getopt(argc, argv, "c:t")) != -1) {
		if (ch == 'c')
			path = optarg;
		else if (ch == 't')
			test = 1;
		else
			usage();
	}
	if (optind != argc)
		usage();
	log_init("gkbm-web", "-", 0);
	if ((cfg = load(path)) == NULL)
		fatalx("%s: configuration not valid", path);
	if (cfg->workers > MAX_WORKERS)
		fatalx("workers: at most %d", MAX_WORKERS);
	if (test)
		return test_config(cfg);
	log_init("gkbm-web", cfg->log_file, cfg->debug);

	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	fd = open_socket(cfg);
	sescache_init();	/* shared by every worker forked below */
	write_pid(cfg->pid_file);
	log_info("listening on %s with %d workers", cfg->listen, cfg->workers);
	cfg = supervise(cfg, path, fd, &set);
	close(fd);
	unlink(cfg->listen);
	if (cfg->pid_file != NULL && *cfg->pid_file != '\0')
		unlink(cfg->pid_file);
	log_info("stopped");
	config_free(cfg);
	free(cfg);
	return 0;
}
