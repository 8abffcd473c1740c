/*
 * Copyright (c) 2026 The gkbm developers
 *
 * Permission to use, copy, modify, and distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES.
 */
/* dbconn.c: connections to MariaDB (time_zone +08:00, utf8mb4) */

#include <mysql.h>

#include "gkbm.h"

#define DB_CONNECT_TIMEOUT	5	/* seconds */
#define DB_IO_TIMEOUT		30	/* seconds, each read or write */

/*
 * Returns s, or NULL if s is NULL or empty: the connector takes NULL to
 * mean "the default" (local socket, default port).
 */
static const char *
empty_null(const char *s)
{
	return s == NULL || *s == '\0' ? NULL : s;
}

/*
 * Opens a connection to the database of cfg as gkbm-web's account
 * (admin = 0) or as the owner account of gkbm-admin (admin = 1).  The
 * session uses utf8mb4 and Beijing time, so NOW() and DATETIME columns
 * agree with what the pages show.  There is no automatic reconnection: a
 * silent reconnect would lose the session state (time zone, an open
 * transaction) behind the caller's back, so callers notice the failure
 * and connect again themselves.  Returns the connection, which the
 * caller closes with mysql_close(), or NULL on failure (logged).
 */
struct st_mysql *
db_connect(const struct config *cfg, int admin)
{
	MYSQL		*db;
	unsigned int	 ctimeout = DB_CONNECT_TIMEOUT;
	unsigned int	 iotimeout = DB_IO_TIMEOUT;
	my_bool		 reconnect = 0;
	const char	*user, *password;

	if ((db = mysql_init(NULL)) == NULL) {
		log_warnx("%s: mysql_init: out of memory", __func__);
		return NULL;
	}
	if (mysql_options(db, MYSQL_SET_CHARSET_NAME, "utf8mb4") != 0 ||
	    mysql_options(db, MYSQL_INIT_COMMAND,
	    "SET time_zone = '+08:00'") != 0 ||
	    mysql_options(db, MYSQL_OPT_CONNECT_TIMEOUT, &ctimeout) != 0 ||
	    mysql_options(db, MYSQL_OPT_READ_TIMEOUT, &iotimeout) != 0 ||
	    mysql_options(db, MYSQL_OPT_WRITE_TIMEOUT, &iotimeout) != 0 ||
	    mysql_options(db, MYSQL_OPT_RECONNECT, &reconnect) != 0) {
		log_warnx("%s: mysql_options: %s", __func__, mysql_error(db));
		mysql_close(db);
		return NULL;
	}

	if (admin) {
		user = cfg->db_admin_user;
		password = cfg->db_admin_password;
	} else {
		user = cfg->db_user;
		password = cfg->db_password;
	}
	if (mysql_real_connect(db, empty_null(cfg->db_host), user,
	    password == NULL ? "" : password, cfg->db_name,
	    cfg->db_port > 0 ? (unsigned int)cfg->db_port : 0,
	    empty_null(cfg->db_socket), 0) == NULL) {
		log_warnx("mysql_real_connect: %s", mysql_error(db));
		mysql_close(db);
		return NULL;
	}
	return db;
}
