/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* worker.c: one worker process: start-up, then the FCGX_Accept_r loop */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltutils.h>

#include "web.h"
#include "pdf.h"

static volatile sig_atomic_t	 worker_stop;

static void	worker_xml_error(void *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/*
 * libxml2's and libxslt's error messages go to our log, not to standard
 * error.  A write error means the client went away mid-response: normal.
 */
static void
worker_xml_error(void *ctx, const char *fmt, ...)
{
	char	 buf[512];
	va_list	 ap;
	size_t	 n;

	(void)ctx;
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (strncmp(buf, "I/O error", 9) == 0)
		return;
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '\n')
		buf[--n] = '\0';
	if (n > 0)
		log_warnx("libxml2: %s", buf);
}

/*
 * SIGTERM: finish the request in hand, then leave.  It only ever runs
 * inside worker_wait's ppoll (the stop signals are blocked everywhere
 * else), so it need not, and must not, call FCGX_ShutdownPending: that
 * makes libfcgi's every later read fail with EINTR, mid-body.
 */
static void
worker_sigterm(int sig)
{
	(void)sig;
	worker_stop = 1;
}

/*
 * Waits until a connection may be waiting on the listening socket or a
 * stop signal came; the only place where the stop signals are let in.
 * Returns 0 to try FCGX_Accept_r, -1 to stop.
 */
static int
worker_wait(int fd, const sigset_t *open)
{
	struct pollfd	 pfd;

	pfd.fd = fd;
	pfd.events = POLLIN;
	pfd.revents = 0;
	while (!worker_stop) {
		if (ppoll(&pfd, 1, NULL, open) > 0)
			return 0;
		if (errno != EINTR)
			fatal("ppoll");
	}
	return -1;
}

/*
 * Installs our handlers before FCGX_Init, which then leaves them alone.
 * No SA_RESTART: ppoll must see EINTR.
 */
static void
worker_signals(void)
{
	struct sigaction	 sa;

	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = worker_sigterm;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

/*
 * Finds the route of the parsed request, connects if need be and loads
 * the session (even a 404 is shown in the user's own layout).  Sets
 * r->route and returns RC_OK, or the rc of the answer.
 */
static enum rc
worker_route(struct req *r)
{
	const struct route	*rt;
	enum rc			 rc = RC_OK;
	int			 other;

	if ((rt = route_find(r->method, r->path, &other)) == NULL) {
		rc = other ? RC_METHOD : RC_NOTFOUND;
		r->allow = r->method == M_GET ? "POST" : "GET, HEAD";
	}
	if (db_ready(r) == -1 || auth_session(r) != RC_OK) {
		r->role = ROLE_ANON;
		if (rc == RC_OK)
			rc = RC_DB;
	}
	if (rc == RC_OK)
		r->route = rt;
	return rc;
}

/*
 * The pipeline refuses: audits event and marks the request refused, so
 * that reply.c does not audit the 403 again.
 */
static enum rc
worker_deny(struct req *r, const char *event)
{
	audit(r, event, r->path, "403", NULL);
	r->refused = 1;
	return RC_FORBIDDEN;
}

/*
 * The role gate said no: a visitor's GET goes to the login page, a form
 * posted by a session that expired just now is kept for after the login,
 * anything else is a 403.
 */
static enum rc
worker_gate_refuse(struct req *r, const struct route *rt)
{
	int	 kept;

	if ((rt->flags & R_LOGIN) && r->role == ROLE_ANON &&
	    r->method == M_GET && !r->want_xml) {
		resp_redirect(r, r->flash != NULL ?
		    "/login?m=timeout" : "/login?m=login");
		return RC_OK;
	}
	if (r->stale_account > 0 && (rt->flags & R_KEEP) &&
	    req_body(r, rt) == RC_OK && (kept = route_keeper(r)) != 0)
		return kept == 1 ? RC_OK : RC_DB;
	return worker_deny(r, "access.denied");
}

/*
 * The gate between the route and its handler: the role, the body the
 * route takes (400 or 413), the CSRF token, the forced password change,
 * the declared fields; then the handler.
 */
static enum rc
worker_pass(struct req *r, const struct route *rt)
{
	enum rc	 rc;
	int	 kept;

	if (!auth_allowed(r))
		return worker_gate_refuse(r, rt);
	if ((rc = req_body(r, rt)) != RC_OK)
		return rc;
	if (r->method == M_POST && !auth_csrf_ok(r)) {
		if ((kept = route_keeper(r)) != 0)
			return kept == 1 ? RC_OK : RC_DB;
		r->message = "页面已过期或请求来源不正确，请刷新页面后重新提交。";
		return worker_deny(r, "csrf.fail");
	}
	if (r->must_change && rt->page != PAGE_PASSWORD &&
	    strcmp(r->path, "/logout") != 0) {
		if (r->want_xml || r->method == M_POST)
			return RC_FORBIDDEN;
		resp_redirect(r, "/password");
		return RC_OK;
	}
	if ((rc = field_parse(r)) != RC_OK)
		return rc;
	return rt->handler(r);
}

/*
 * Runs the pipeline for one request (STYLE.md §C): parse, route,
 * database, session, role gate, CSRF, forced password change, handler,
 * response.
 */
static void
worker_serve(struct worker *w, FCGX_Request *fr)
{
	struct req	 r;
	enum rc		 rc;
	char		 drain[4096];

	arena_begin();
	memset(&r, 0, sizeof(r));
	r.fcgx = fr;
	r.pool = pool_new();
	r.w = w;
	r.cfg = w->cfg;
	r.path = "/";

	rc = req_parse(&r);
	if (rc == RC_OK && strcmp(r.path, "/healthz") == 0)
		resp_text(&r, 200, "ok\n");
	else {
		if (rc == RC_OK && (rc = worker_route(&r)) == RC_OK)
			rc = worker_pass(&r, r.route);
		reply_send(&r, rc);
		if (r.status >= 500)
			log_warnx("%s %s: %d", r.method == M_POST ? "POST" :
			    "GET", r.path, r.status);
	}
	db_rollback(&r);
	sescache_end();
	/* Unread body bytes would make the close reset the connection. */
	while (FCGX_GetStr(drain, sizeof(drain), fr->in) > 0)
		;
	pool_free(r.pool);
	arena_end();
	log_reqid[0] = '\0';
}

/*
 * The worker process: connect, prepare, compile, then serve until told
 * to stop or max_requests is reached.  Never returns.
 */
void
worker_main(struct config *cfg, int fd)
{
	struct worker	 w;
	FCGX_Request	 fr;
	sigset_t	 stop, open;
	int		 rc;

	memset(&w, 0, sizeof(w));
	w.cfg = cfg;
	w.listen_fd = fd;
	worker_signals();
	/* Before libxml2 allocates anything: see arena.c. */
	if (cfg->xml_arena)
		arena_init();
	/* The whole body is always read, so libfcgi need not wait on close. */
	setenv("LIBFCGI_OS_CLOSE_POLL_TIMEOUT", "0", 1);
	if (FCGX_Init() != 0)
		fatalx("FCGX_Init failed");
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, worker_xml_error);
	xsltSetGenericErrorFunc(NULL, worker_xml_error);
	render_init(&w);
	if (db_open(&w) == -1)
		log_warnx("database not reachable yet; answering 503 until it is");
	if (FCGX_InitRequest(&fr, fd, FCGI_FAIL_ACCEPT_ON_INTR) != 0)
		fatalx("FCGX_InitRequest failed");
	/*
	 * A stop signal inside a request would interrupt the read of its
	 * body (no SA_RESTART) and lose an upload mid-body, and one between
	 * accept() and the read of the parameters would drop the request.
	 * So they are blocked from here on and let in only while waiting,
	 * in ppoll; the listening socket is non-blocking, so a worker that
	 * woke with others and lost the race for the connection goes back
	 * to waiting instead of sleeping in accept() deaf to SIGTERM.
	 */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGUSR1);
	sigprocmask(SIG_BLOCK, &stop, &open);
	sigdelset(&open, SIGTERM);
	sigdelset(&open, SIGUSR1);
	if ((rc = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, rc | O_NONBLOCK) == -1)
		fatal("fcntl");
	while (worker_wait(fd, &open) == 0) {
		rc = FCGX_Accept_r(&fr);
		if (rc == -EAGAIN || rc == -EWOULDBLOCK || rc == -EINTR ||
		    rc == -ECONNABORTED)
			continue;
		if (rc < 0)
			break;
		worker_serve(&w, &fr);
		FCGX_Finish_r(&fr);
		w.served++;
		if (cfg->max_requests > 0 &&
		    w.served >= (unsigned long)cfg->max_requests)
			break;
	}
	db_close(&w);
	render_free(&w);
	xsltCleanupGlobals();
	xmlCleanupParser();
	pdf_cleanup();		/* pango's and fontconfig's caches (LSan) */
	exit(0);
}
