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
 * db.c: every SQL statement of gkbm-web, gkbm-admin and gkbm-sms, each
 * prepared by the programs its row names (once per worker in gkbm-web)
 */

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "web.h"

#define MAX_BIND	32		/* parameters or columns of a statement */
#define MAX_COLBUF	65536		/* bytes of one result column */

#define A		RS_ANY
#define U		RS_USER
#define C		RB(ROLE_CANDIDATE)
#define P		RB(ROLE_PROVINCE)
#define O		RS_OFFICE
#define N		RB(ROLE_ANON)
#define S		RS_STAFF
#define SUP		RB(ROLE_SUPERVISING)

/*
 * The review lists (h_queue.c): the queue waiting at a unit, and the
 * records of a unit's decisions, with the same filters: level range,
 * work type, the candidate's unit, submitted or decided between two
 * dates, the name or the ID number's lookup value (flag and value).
 */
#define RQ_FROM "JOIN accounts c ON c.id = a.account_id "
#define RQ_FILTER(date) \
	"AND a.target_level BETWEEN ? AND ? " \
	"AND (? = '' OR a.target_worktype = ?) AND (? = 0 OR a.unit_id = ?) " \
	"AND (? = '' OR " date " >= ?) " \
	"AND (? = '' OR " date " < ? + INTERVAL 1 DAY) " \
	"AND (? = '' OR c.name = ?) AND (? = 0 OR c.idno_mac = ?) "
#define RQ_PLAIN "WHERE a.wait_unit_id = ? AND a.state = 'submitted' " \
	"AND a.target_level BETWEEN ? AND ? "
#define RQ_WHERE "WHERE a.wait_unit_id = ? AND a.state = 'submitted' " \
	RQ_FILTER("a.submitted_at")
/*
 * A queue in waiting order is read along an index, 20 rows and done: one
 * level along applications_queue (wait_unit_id, target_level, wait_since,
 * id), several along applications_wait (wait_unit_id, wait_since, id).
 * MariaDB left to itself takes the other for one level and reads every
 * row of it (40 ms for a city office's 12,500 of one level, against
 * 0.1 ms): hence the hints.
 */
/*
 * The rows carry the work type's code and the unit's id, named by the
 * worker from what it keeps (h_queue.c qf_wt_name, unit.c unit_name),
 * and the times as MariaDB writes them, cut to the minute there: each
 * join and DATE_FORMAT was a tenth of the statement's cost.
 */
#define RQ_COLS(ix) "SELECT a.id, a.version, c.name, c.idno_enc, c.id, a.target_level, " \
	"a.target_worktype, COALESCE(a.unit_id, 0), a.submitted_at, a.wait_since, " \
	"DATEDIFF(NOW(), a.wait_since), a.defer_state " \
	"FROM applications a FORCE INDEX (" ix ") " RQ_FROM
#define RR_WHERE "WHERE e.unit_id = ? AND e.action IN (?, ?) " RQ_FILTER("e.at")
/* One macro after a row's last string (t/lint/stmtargs.t reads the rows). */
#define RQ_FROM_WHERE RQ_FROM RQ_WHERE
#define RR_FROM_WHERE RQ_FROM RR_WHERE
#define RR_COLS "SELECT e.id, a.id, a.version, c.name, c.idno_enc, c.id, " \
	"a.target_level, COALESCE(w.name, ''), COALESCE(u.name, ''), e.action, " \
	"e.reason, DATE_FORMAT(e.at, '%Y-%m-%d %H:%i'), a.state = 'rejected' AND " \
	"e.id = (SELECT MAX(x.id) FROM review_events x WHERE x.application_id = a.id) " \
	"FROM review_events e JOIN applications a ON a.id = e.application_id " \
	RQ_FROM "LEFT JOIN worktypes w ON w.code = a.target_worktype " \
	"LEFT JOIN units u ON u.id = a.unit_id "

/*
 * SCOPE(u, me): unit u lies in the subtree of the staff unit me
 * (schema/0013-scope.sql says why): the province office sees every
 * unit, a city or county office the units placed in its region, any
 * unit itself and the units it supervises.  Statements join "units me
 * ON me.id = ?" (the account's unit) and the unit of the row as u.
 */
#define SCOPE(u, me) "(" me ".kind = 'province' OR (" me ".kind = 'city' AND " \
	u ".city_code = " me ".region_code) OR (" me ".kind = 'county' AND " \
	u ".county_code = " me ".region_code) OR " u ".id = " me ".id OR " \
	u ".parent_id = " me ".id)"
/*
 * SEES(app): the rows (FROM ... WHERE) of application app's chain that
 * let staff unit ? see it: a unit of its chain; the province; a city
 * over a county office of the chain (that took over review).  The rule
 * of 详情, its files and its notes (STMT_RV_SEES, STMT_NOTE_OF_APP).
 */
#define SEES(app) "FROM units me JOIN app_chain ch ON ch.application_id = " app " " \
	"JOIN units u ON u.id = ch.unit_id JOIN regions g ON g.code = u.region_code " \
	"WHERE me.id = ? AND (ch.unit_id = me.id OR me.kind = 'province' OR " \
	"(me.kind = 'city' AND u.kind = 'county' AND g.parent_code = me.region_code))"
/* The city and county codes of units placed in their subtree. */
#define UNIT_PLACE_SQL "UPDATE units u JOIN regions g ON g.code = u.region_code " \
	"LEFT JOIN units p ON p.id = u.parent_id " \
	"LEFT JOIN regions pg ON pg.code = p.region_code SET u.city_code = CASE " \
	"WHEN g.kind = 'province' OR (u.kind = 'basic' AND pg.kind = 'province') THEN NULL " \
	"WHEN g.kind IN ('county', 'zone') THEN g.parent_code ELSE g.code END, " \
	"u.county_code = CASE " \
	"WHEN g.kind = 'province' OR (u.kind = 'basic' AND pg.kind = 'province') THEN NULL " \
	"WHEN g.kind = 'county' THEN g.code ELSE NULL END "

/*
 * The application filters (fcgi/model/appquery.c: 报名信息查询, its export,
 * the rosters): the applications of one year in units of the account's
 * subtree, then state, level, route, work type, unit, region (a unit's
 * city, county or own region), submitted between two dates, 容缺后补,
 * the name or the ID number's lookup value.  A statement is "SELECT ..."
 * AQ_FROM [LEFT JOINs without parameters] AQ_WHERE [ORDER, LIMIT] and
 * declares the params "iissiissssiissssssiissib" (aq_run), followed by
 * its own (aq_run_page: LIMIT and OFFSET).
 */
#define AQ_FROM "FROM applications a JOIN units u ON u.id = a.unit_id " \
	"JOIN units me ON me.id = ? JOIN accounts c ON c.id = a.account_id "
#define AQ_WHERE "WHERE a.year = ? AND " SCOPE("u", "me") " " \
	"AND (? = '' OR a.state = ?) AND (? = 0 OR a.target_level = ?) " \
	"AND (? = '' OR a.route = ?) AND (? = '' OR a.target_worktype = ?) " \
	"AND (? = 0 OR a.unit_id = ?) " \
	"AND (? = '' OR ? IN (u.city_code, u.county_code, u.region_code)) " \
	"AND (? = '' OR a.submitted_at >= ?) " \
	"AND (? = '' OR a.submitted_at < ? + INTERVAL 1 DAY) " \
	"AND (? < 0 OR (a.defer_state > 0) = ?) " \
	"AND (? = '' OR c.name = ?) AND (? = 0 OR c.idno_mac = ?) "
#define AQ_FROM_WHERE AQ_FROM AQ_WHERE
/* A row of the query's list and export (h_query.c). */
#define AQ_COLS "SELECT a.id, c.id, c.name, c.idno_enc, COALESCE(c.gender, ''), " \
	"u.code, u.name, COALESCE(g.name, ''), COALESCE(w.name, ''), " \
	"COALESCE(a.target_level, 0), COALESCE(a.route, ''), a.state, " \
	"COALESCE(DATE_FORMAT(a.submitted_at, '%Y-%m-%d %H:%i'), ''), " \
	"a.defer_state, COALESCE(a.wait_level, '') " AQ_FROM \
	"LEFT JOIN worktypes w ON w.code = a.target_worktype " \
	"LEFT JOIN regions g ON g.code = u.region_code "
/* Unit u in the subtree of the account's unit me (a row's last string). */
#define IN_SCOPE	SCOPE("u", "me")
/* The roles of 报名信息查询 and 信息统计: every admin, no reviewer. */
#define Q		RS_QUERY

/*
 * 信息统计 (h_stats.c): the applications of a year counted by state and
 * level, work type, unit and region.  The province's statements group
 * the whole year along one covering index each (schema/0016) and need
 * no scope; the others go from the units of the account's subtree.
 */
#define ST_APPS "FROM units u JOIN units me ON me.id = ? " \
	"JOIN applications a FORCE INDEX (applications_stat_unit) " \
	"ON a.unit_id = u.id AND a.year = ? "
#define ST_BYUNIT "(SELECT unit_id, COUNT(*) n FROM applications " \
	"FORCE INDEX (applications_stat_year_unit) " \
	"WHERE year = ? AND unit_id IS NOT NULL GROUP BY unit_id) g "
#define ST_REGION "IF(me.kind = 'province', u.city_code, u.county_code)"

/* The roles of 名册 and 汇总上报: every admin, no reviewer. */
#define RSR		RS_QUERY
/* The roles of 汇总上报: who reports (city, 省直 supervising), the province. */
#define RPT		(RB(ROLE_CITY) | RB(ROLE_SUPERVISING) | RB(ROLE_PROVINCE))

/*
 * 系统管理 (unit.c, staff.c): the units and the staff accounts of the
 * subtree of the account's unit me, of the kinds of unit its role
 * manages (FIND_IN_SET of a list such as "supervising,basic"; the staff
 * of its own unit too), never me itself nor the account itself.
 */
#define SA (RB(ROLE_SUPERVISING) | O)
#define SYS_UNIT_FROM "FROM units u JOIN units me ON me.id = ? " \
	"LEFT JOIN units p ON p.id = u.parent_id LEFT JOIN regions g ON g.code = u.region_code " \
	"LEFT JOIN accounts ad ON ad.id = u.admin_id "
#define SYS_UNIT_WHERE "WHERE " SCOPE("u", "me") " AND u.id <> me.id AND FIND_IN_SET(u.kind, ?) "
#define SYS_STAFF_FROM "FROM accounts a JOIN units u ON u.id = a.unit_id JOIN units me ON me.id = ? " \
	"WHERE a.year = 0 AND a.role <> 'candidate' AND a.id <> ? AND " SCOPE("u", "me") \
	" AND (FIND_IN_SET(u.kind, ?) OR u.id = me.id) "
/* One macro after a row's last string (t/lint/stmtargs.t reads the rows). */
#define SYS_SCOPE_UME SCOPE("u", "me")
#define STAFF_ACTED_ONE STAFF_ACTED("?")
/* An account acted: it left its id on a review decision or note, a
 * takeover, a staff upload, a ban, a window or the policy (gkbm-web may
 * not read the audit table). */
#define STAFF_ACTED(x) "(EXISTS (SELECT 1 FROM review_events e WHERE e.actor_id = " x ") OR " \
	"EXISTS (SELECT 1 FROM review_notes n WHERE n.author_id = " x ") OR " \
	"EXISTS (SELECT 1 FROM county_takeover t WHERE t.set_by = " x ") OR " \
	"EXISTS (SELECT 1 FROM materials m WHERE m.uploaded_by = " x ") OR " \
	"EXISTS (SELECT 1 FROM bans b WHERE b.set_by = " x " OR b.lifted_by = " x ") OR " \
	"EXISTS (SELECT 1 FROM windows w WHERE w.updated_by = " x ") OR " \
	"EXISTS (SELECT 1 FROM policy p WHERE p.updated_by = " x "))"

#define NUM_(x)		#x
#define NUM(x)		NUM_(x)		/* a number macro as SQL text */

#define WIN_FMT "'%Y-%m-%d %H:%i'"
#define ACCT_COLS "SELECT id, role, name, pw_hash, phone_mac, idno_enc FROM accounts "
/*
 * Candidates register with a city or a directly administered county, so an
 * office's scope is one region_code; no join is needed to count them.
 */
#define REG_WHERE \
	"WHERE a.role = 'candidate' AND a.year = ? AND a.revoked_at IS NULL " \
	"AND (? = '' OR a.region_code = ?) " \
	"AND (? = '' OR a.region_code = ?) AND (? = 0 OR a.level = ?) "

/*
 * The statements: the types of their parameters and of their result
 * columns, their SQL, and the roles allowed to run each one (a routing
 * mistake cannot make a candidate run an office's statement).  A type is
 * one letter per parameter or column: i (long long), s (NUL-terminated
 * string, NULL for SQL NULL), b (bytes: pointer and size_t).  db_run()
 * and db_row() take their arguments in that order and nothing else;
 * db_open() checks both strings against MariaDB's own counts and column
 * types when it prepares the statement.  Every entry is indexed by its
 * enum (db_open refuses a gap).  The fifth member says which programs
 * prepare the statement (PROG_*); a row without one is gkbm-web's.  A
 * statement of gkbm-admin or gkbm-sms alone has no role (0): no request
 * runs it.
 */
static const struct {
	const char	*params;	/* what db_run() binds */
	const char	*cols;		/* what db_row() fills */
	const char	*sql;
	unsigned int	 roles;
	unsigned int	 progs;		/* 0: PROG_WEB */
} stmts[STMT__MAX] = {
	[STMT_YEAR_CURRENT] = { "", "i", "SELECT year FROM years WHERE is_current = 1 ORDER BY year DESC LIMIT 1", A },
	[STMT_WINDOW_GET] = { "is", "ssi", "SELECT DATE_FORMAT(starts_at, " WIN_FMT "), DATE_FORMAT(ends_at, " WIN_FMT "), "
	  "NOW() >= starts_at AND NOW() < ends_at "
	  "FROM windows WHERE year = ? AND kind = ? AND region_code = ''", A },
	[STMT_WINDOW_LIST] = { "i", "sssi", "SELECT kind, DATE_FORMAT(starts_at, " WIN_FMT "), DATE_FORMAT(ends_at, " WIN_FMT "), "
	  "NOW() >= starts_at AND NOW() < ends_at "
	  "FROM windows WHERE year = ? AND region_code = '' ORDER BY starts_at", P },
	[STMT_WINDOW_SET] = { "isssi", "", "INSERT INTO windows (year, kind, region_code, starts_at, ends_at, updated_by, updated_at) "
	  "VALUES (?, ?, '', ?, ?, ?, NOW()) ON DUPLICATE KEY UPDATE "
	  "starts_at = VALUES(starts_at), ends_at = VALUES(ends_at), "
	  "updated_by = VALUES(updated_by), updated_at = NOW()", P },
	[STMT_YEAR_LIST] = { "", "isi", "SELECT year, title, is_current FROM years ORDER BY year DESC", P },
	[STMT_REGION_LIST_TOP] = { "", "sss", "SELECT code, name, kind FROM regions "
	  "WHERE kind IN ('city', 'direct_county') ORDER BY kind, code", A },
	/* regions.c: every region, kept by each worker. */
	[STMT_REGION_ALL] = { "", "sss", "SELECT code, name, kind FROM regions ORDER BY code", A },
	[STMT_REGION_GET] = { "s", "ss", "SELECT name, kind FROM regions WHERE code = ?", A },
	[STMT_SESSION_GET] = { "b", "isssisssiii", "SELECT a.id, a.role, a.name, COALESCE(a.login, ''), COALESCE(a.unit_id, 0), "
	  "COALESCE(u.name, ''), COALESCE(u.region_code, ''), COALESCE(g.kind, ''), "
	  "a.pw_must_change OR (a.role <> 'candidate' AND "
	  "a.pw_changed_at < NOW() - INTERVAL 90 DAY), "
	  "TIMESTAMPDIFF(SECOND, s.seen_at, NOW()), "
	  "TIMESTAMPDIFF(SECOND, s.created_at, NOW()) "
	  "FROM sessions s JOIN accounts a ON a.id = s.account_id "
	  "LEFT JOIN units u ON u.id = a.unit_id "
	  "LEFT JOIN regions g ON g.code = u.region_code WHERE s.id = ?", A },
	[STMT_SESSION_TOUCH] = { "b", "", "UPDATE sessions SET seen_at = NOW() WHERE id = ?", U },
	[STMT_SESSION_INSERT] = { "bis", "", "INSERT INTO sessions (id, account_id, created_at, seen_at, ip) "
	  "VALUES (?, ?, NOW(), NOW(), ?)", U },
	[STMT_SESSION_DELETE] = { "b", "", "DELETE FROM sessions WHERE id = ?", A },
	[STMT_SESSION_DELETE_ACCOUNT] = { "ib", "", "DELETE FROM sessions WHERE account_id = ? AND id <> ?", A },
	[STMT_ACCOUNT_BY_IDNO] = { "ib", "isssbb", ACCT_COLS "WHERE year = ? AND idno_mac = ? AND role = 'candidate'", N | O },
	[STMT_ACCOUNT_BY_PHONE] = { "ib", "isssbb", ACCT_COLS "WHERE year = ? AND phone_mac = ? AND disabled = 0", N | O },
	[STMT_ACCOUNT_BY_LOGIN] = { "s", "isssbb", ACCT_COLS "WHERE login = ? AND disabled = 0", N },
	[STMT_ACCOUNT_BY_UNIT_CODE] = { "s", "isssbb", "SELECT a.id, a.role, a.name, a.pw_hash, a.phone_mac, a.idno_enc "
	  "FROM accounts a JOIN units u ON u.admin_id = a.id WHERE u.code = ? AND a.disabled = 0", N },
	[STMT_ACCOUNT_GET] = { "i", "ssbbsssissssss", "SELECT a.role, a.name, a.idno_enc, a.phone_enc, COALESCE(a.gender, ''), "
	  "COALESCE(DATE_FORMAT(a.birth_date, '%Y-%m-%d'), ''), COALESCE(r.name, ''), "
	  "COALESCE(a.level, 0), DATE_FORMAT(a.created_at, '%Y-%m-%d %H:%i'), "
	  "COALESCE(a.consent_version, ''), COALESCE(a.login, ''), "
	  "COALESCE(u.name, ''), COALESCE(u.code, ''), a.pw_hash "
	  "FROM accounts a LEFT JOIN regions r ON r.code = a.region_code "
	  "LEFT JOIN units u ON u.id = a.unit_id WHERE a.id = ?", U },
	[STMT_ACCOUNT_INSERT] = { "isbbsssisss", "", "INSERT INTO accounts (role, year, name, idno_mac, "
	  "phone_mac, gender, birth_date, region_code, level, idcard_file, pw_hash, "
	  "pw_must_change, pw_changed_at, consent_version, consent_at, created_at) "
	  "VALUES ('candidate', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, NOW(), ?, NOW(), NOW())", N },
	/* The new account's ID number and phone, sealed bound to its id. */
	[STMT_ACCOUNT_SEAL] = { "bbi", "", "UPDATE accounts SET idno_enc = ?, phone_enc = ? "
	  "WHERE id = ? AND idno_enc IS NULL AND phone_enc IS NULL", N | O },
	[STMT_ACCOUNT_SET_PASSWORD] = { "si", "", "UPDATE accounts SET pw_hash = ?, pw_must_change = 0, pw_changed_at = NOW() "
	  "WHERE id = ?", U },
	/*
	 * A reset by a visitor: only the account whose phone received the
	 * SMS code just used (sms_use, same transaction).
	 */
	[STMT_RESET_SET_PASSWORD] = { "sii", "", "UPDATE accounts a JOIN sms_codes c ON c.phone_mac = a.phone_mac "
	  "SET a.pw_hash = ?, a.pw_must_change = 0, a.pw_changed_at = NOW() "
	  "WHERE a.id = ? AND c.id = ? AND c.purpose = 'reset' AND c.used_at IS NOT NULL "
	  "AND c.created_at > NOW() - INTERVAL 5 MINUTE", N },
	/* The staff policy refuses the account name in the new password. */
	[STMT_RESET_LOGIN] = { "i", "s", "SELECT COALESCE(login, '') FROM accounts "
	  "WHERE id = ? AND role <> 'candidate'", N },
	[STMT_ATTEMPT_INSERT] = { "bsi", "", "INSERT INTO login_attempts (at, login_mac, ip, ok) VALUES (NOW(), ?, ?, ?)", A },
	[STMT_ATTEMPT_FAILS_IP] = { "s", "i", "SELECT COUNT(*) FROM login_attempts WHERE ip = ? AND ok = 0 "
	  "AND at > NOW() - INTERVAL 15 MINUTE", N },
	[STMT_SMS_RECENT] = { "b", "ii", "SELECT COALESCE(SUM(created_at > NOW() - INTERVAL " NUM(SMS_WAIT) " SECOND), 0), COUNT(*) "
	  "FROM sms_codes WHERE phone_mac = ? AND created_at > NOW() - INTERVAL 1 DAY", A },
	[STMT_SMS_IP_RECENT] = { "s", "i", "SELECT COUNT(*) FROM sms_codes WHERE ip = ? "
	  "AND created_at > NOW() - INTERVAL 1 HOUR", A },
	[STMT_SMS_INSERT] = { "bsbs", "", "INSERT INTO sms_codes (phone_mac, purpose, code_mac, created_at, ip) "
	  "VALUES (?, ?, ?, NOW(), ?)", A },
	[STMT_SMS_LATEST] = { "bs", "ibiii", "SELECT id, code_mac, tries, used_at IS NOT NULL, "
	  "created_at > NOW() - INTERVAL " NUM(SMS_VALID) " MINUTE FROM sms_codes "
	  "WHERE phone_mac = ? AND purpose = ? ORDER BY id DESC LIMIT 1", A },
	/* Made, then sealed: the sealed values are bound to the row's id. */
	[STMT_OUTBOX_INSERT] = { "", "", "INSERT INTO sms_outbox (phone_enc, body_enc, created_at) "
	  "VALUES ('', '', NOW())", A },
	[STMT_OUTBOX_SEAL] = { "bbi", "", "UPDATE sms_outbox SET phone_enc = ?, body_enc = ? "
	  "WHERE id = ? AND sent_at IS NULL AND phone_enc = ''", A },
	[STMT_AUDIT_INSERT] = { "isissssss", "", "INSERT INTO audit (at, account_id, role, unit_id, ip, request_id, event, "
	  "object, result, reason) VALUES (NOW(3), NULLIF(?, 0), ?, NULLIF(?, 0), "
	  "?, ?, ?, ?, ?, ?)", A },
	[STMT_REG_COUNT] = { "issssii", "i", "SELECT COUNT(*) FROM accounts a " REG_WHERE, O },
	/* No join: the region's name comes from STMT_REG_REGIONS, kept. */
	[STMT_REG_LIST] = { "issssiiii", "isbbsis", "SELECT a.id, a.name, a.idno_enc, a.phone_enc, a.region_code, a.level, "
	  "DATE_FORMAT(a.created_at, '%Y-%m-%d %H:%i') "
	  "FROM accounts a " REG_WHERE "AND a.region_code IS NOT NULL "
	  "ORDER BY a.id DESC LIMIT ? OFFSET ?", O },


	/* h_apply.c, h_lookup.c: the application form */
	[STMT_APPLY_ACCOUNT] = { "i", "sbbsssisib", "SELECT name, idno_enc, phone_enc, COALESCE(gender, ''), "
	  "COALESCE(DATE_FORMAT(birth_date, '%Y-%m-%d'), ''), COALESCE(region_code, ''), "
	  "COALESCE(level, 0), COALESCE(idcard_file, ''), year, idno_mac "
	  "FROM accounts WHERE id = ? AND role = 'candidate'", C },
	[STMT_APP_GET] = { "i", "isiiisssssssssssssiisss", "SELECT id, state, version, year, COALESCE(unit_id, 0), education, "
	  "DATE_FORMAT(work_start, '%Y-%m-%d'), work_years, cur_level, cur_worktype, "
	  "cur_level_year, unit_category, unit_rank, target_worktype, target_level, route, "
	  "prohibited, exceptional, exc_entered_by IS NOT NULL, photo_stamped, confirm_r18, "
	  "confirm_r19, COALESCE(DATE_FORMAT(submitted_at, '%Y-%m-%d %H:%i'), '') "
	  "FROM applications WHERE account_id = ?", C },
	[STMT_APP_GET_TEXT] = { "i", "sssssss", "SELECT appraisal_note, exc_conditions, exc_evidence, "
	  "COALESCE(resume, ''), COALESCE(rewards, ''), COALESCE(achievements, ''), "
	  "opt_conditions FROM applications WHERE id = ?", C },
	[STMT_APP_CREATE] = { "i", "", "INSERT IGNORE INTO applications (account_id, year, state, version, "
	  "target_level, created_at, updated_at) SELECT id, year, 'draft', 1, level, NOW(), NOW() "
	  "FROM accounts WHERE id = ? AND role = 'candidate'", C },
	[STMT_APP_SAVE] = { "ssssssssssssssssii", "", "UPDATE applications SET unit_id = ?, education = ?, work_start = ?, "
	  "work_years = ?, cur_level = ?, cur_worktype = ?, cur_level_year = ?, "
	  "unit_category = ?, unit_rank = ?, target_worktype = ?, target_level = ?, route = ?, "
	  "prohibited = ?, exceptional = ?, confirm_r18 = ?, confirm_r19 = ?, "
	  "version = version + 1, updated_at = NOW() "
	  "WHERE id = ? AND version = ? AND state IN ('draft', 'returned')", C },
	[STMT_APP_SAVE_TEXT] = { "sssssssi", "", "UPDATE applications SET appraisal_note = ?, exc_conditions = ?, "
	  "exc_evidence = ?, resume = ?, rewards = ?, achievements = ?, opt_conditions = ? "
	  "WHERE id = ?", C },
	/* A (re)submission starts review afresh: no 容缺后补 left from before. */
	[STMT_APP_SUBMIT] = { "ii", "", "UPDATE applications SET state = 'submitted', version = version + 1, "
	  "submitted_at = NOW(), updated_at = NOW(), defer_state = 0, defer_note = '' "
	  "WHERE id = ? AND version = ? AND state IN ('draft', 'returned')", C },
	/* Submission: the row locked, then its materials counted again. */
	[STMT_APP_LOCK] = { "i", "i", "SELECT version FROM applications WHERE id = ? FOR UPDATE", C },
	[STMT_APP_MAT_KINDS] = { "i", "iiii", "SELECT COALESCE(SUM(kind = 'photo'), 0), "
	  "COALESCE(SUM(kind = 'idcard'), 0), COALESCE(SUM(kind = 'r19proof'), 0), "
	  "COALESCE(SUM(kind = 'exc_evidence'), 0) FROM materials WHERE application_id = ?", C },
	[STMT_APP_LAST_EVENT] = { "is", "ss", "SELECT reason, DATE_FORMAT(at, '%Y-%m-%d %H:%i') FROM review_events "
	  "WHERE application_id = ? AND action = ? ORDER BY id DESC LIMIT 1", C },
	[STMT_APP_REVIEW_SUBMIT] = { "iii", "", "INSERT INTO review_events (application_id, level, action, "
	  "actor_id, unit_id, reason, at) VALUES (?, 'candidate', 'submit', ?, NULLIF(?, 0), '', NOW())", C },
	[STMT_APPRAISAL_LIST] = { "i", "is", "SELECT year, grade FROM appraisals WHERE application_id = ? "
	  "ORDER BY year DESC", C },
	[STMT_APPRAISAL_CLEAR] = { "i", "", "DELETE FROM appraisals WHERE application_id = ?", C },
	[STMT_APPRAISAL_INSERT] = { "iis", "", "INSERT INTO appraisals (application_id, year, grade) "
	  "VALUES (?, ?, ?)", C },
	[STMT_MAT_LIST] = { "i", "isssis", "SELECT id, kind, title, mime, size, "
	  "DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') FROM materials "
	  "WHERE application_id = ? ORDER BY id", C | S },
	[STMT_APP_IDCARD_COPY] = { "isii", "", "INSERT INTO materials (application_id, kind, file, mime, size, "
	  "title, uploaded_by, created_at) VALUES (?, 'idcard', ?, 'image/jpeg', ?, '', ?, NOW())", C },
	[STMT_APP_QUALIFIED] = { "b", "sii", "SELECT worktype, level, year FROM qualified WHERE idno_mac = ? "
	  "ORDER BY year DESC, level", C },
	[STMT_EDU_LIST] = { "", "ssi", "SELECT code, name, rank FROM education ORDER BY rank, code DESC", C },
	[STMT_GRADE_LIST] = { "", "ssi", "SELECT code, name, rank FROM appraisal ORDER BY rank = 0, rank, code", C },
	[STMT_UNIT_REGIONS] = { "", "sss", "SELECT code, name, kind FROM regions "
	  "WHERE kind IN ('province', 'city', 'direct_county') "
	  "ORDER BY FIELD(kind, 'province', 'city', 'direct_county'), code", U },
	[STMT_UNIT_REGION_GET] = { "s", "ss", "SELECT name, kind FROM regions WHERE code = ? "
	  "AND kind IN ('province', 'city', 'direct_county')", U },
	[STMT_UNIT_SUPERVISORS] = { "ss", "isss", "SELECT u.id, u.code, u.name, u.kind FROM units u "
	  "JOIN regions g ON g.code = u.region_code WHERE u.kind = 'supervising' AND u.disabled = 0 "
	  "AND (u.region_code = ? OR g.parent_code = ?) ORDER BY u.code", U },
	[STMT_UNIT_CHILDREN] = { "i", "isss", "SELECT id, code, name, kind FROM units "
	  "WHERE parent_id = ? AND kind = 'basic' AND disabled = 0 ORDER BY code", U },
	[STMT_UNIT_GET] = { "i", "sisssss", "SELECT u.kind, COALESCE(u.parent_id, 0), u.region_code, g.kind, "
	  "COALESCE(g.parent_code, ''), u.name, u.code FROM units u "
	  "JOIN regions g ON g.code = u.region_code WHERE u.id = ? AND u.disabled = 0", U },
	[STMT_WT_ALL] = { "", "ssss", "SELECT code, name, pinyin, status FROM worktypes "
	  "ORDER BY status <> 'current', code", U },
	[STMT_WT_MAP_ALL] = { "", "sss", "SELECT m.old_code, m.new_code, w.name FROM worktype_map m "
	  "JOIN worktypes w ON w.code = m.new_code ORDER BY m.old_code, m.new_code", U },
	[STMT_WT_GET] = { "s", "ss", "SELECT name, status FROM worktypes WHERE code = ?", U },
	[STMT_WT_MAPS] = { "s", "ss", "SELECT m.new_code, w.name FROM worktype_map m "
	  "JOIN worktypes w ON w.code = m.new_code WHERE m.old_code = ? ORDER BY m.new_code", U },
	[STMT_WT_SEARCH] = { "ssss", "ssss", "SELECT code, name, pinyin, status FROM worktypes "
	  "WHERE (? = '' AND status = 'current') OR (? <> '' AND (name LIKE CONCAT('%', ?, '%') "
	  "OR pinyin LIKE CONCAT(?, '%'))) ORDER BY status <> 'current', code LIMIT 50", U },
	/* end h_apply.c */

	/* h_policy.c: the yearly policy */
	/* A: the public 政策说明 and 我能报哪一级 read the same policy. */
	[STMT_POLICY_GET] = { "i", "ss", "SELECT pkey, value FROM policy WHERE year = ?", A },
	[STMT_POLICY_L1_GET] = { "i", "s", "SELECT worktype FROM policy_level1 WHERE year = ?", A },
	[STMT_POLICY_L1_DEFAULT] = { "", "s", "SELECT code FROM worktypes WHERE status = 'current' "
	  "AND level1_open = 1", A },
	[STMT_POLICY_WT_LIST] = { "", "sss", "SELECT code, name, category FROM worktypes "
	  "WHERE status = 'current' ORDER BY code", P },
	[STMT_POLICY_SET] = { "issi", "", "INSERT INTO policy (year, pkey, value, updated_by, updated_at) "
	  "VALUES (?, ?, ?, ?, NOW()) ON DUPLICATE KEY UPDATE value = VALUES(value), "
	  "updated_by = VALUES(updated_by), updated_at = NOW()", P },
	[STMT_POLICY_L1_CLEAR] = { "i", "", "DELETE FROM policy_level1 WHERE year = ?", P },
	[STMT_POLICY_L1_ADD] = { "is", "", "INSERT INTO policy_level1 (year, worktype) VALUES (?, ?)", P },
	/* end h_policy.c */

	/* h_upload.c: photos, materials, files, mobile upload */
	/* The phone (/m) has no session: A where the link is the authority. */
	[STMT_UPL_APP_OF] = { "i", "i", "SELECT id FROM applications WHERE account_id = ?", C },
	[STMT_UPL_APP_LOCK] = { "i", "siiisi", "SELECT a.state, a.photo_stamped, COALESCE(a.target_level, c.level, 0), "
	  "a.account_id, c.name, a.defer_state FROM applications a JOIN accounts c ON c.id = a.account_id "
	  "WHERE a.id = ? FOR UPDATE", C },
	[STMT_UPL_APP_STAMPED] = { "ii", "", "UPDATE applications SET photo_stamped = ?, updated_at = NOW() WHERE id = ?", C | RS_STAFF },
	[STMT_UPL_ACCOUNT_IDNO] = { "i", "b", "SELECT idno_enc FROM accounts WHERE id = ? AND role = 'candidate'", C },
	[STMT_UPL_MAT_COUNT] = { "i", "i", "SELECT COUNT(*) FROM materials WHERE application_id = ?", C | RS_STAFF },
	[STMT_UPL_MAT_OF_KIND] = { "is", "is", "SELECT id, file FROM materials WHERE application_id = ? AND kind = ? "
	  "ORDER BY id DESC", C | RS_STAFF },
	[STMT_UPL_MAT_INSERT] = { "isssisi", "", "INSERT INTO materials (application_id, kind, file, mime, size, title, "
	  "uploaded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, NOW())", C | RS_STAFF },
	[STMT_UPL_MAT_DELETE] = { "ii", "", "DELETE FROM materials WHERE id = ? AND application_id = ?", C },
	[STMT_UPL_MAT_SET_FILE] = { "sii", "", "UPDATE materials SET file = ?, size = ? WHERE id = ?", C | RS_STAFF },
	[STMT_UPL_MAT_GET] = { "i", "ssssiii", "SELECT m.kind, m.file, m.mime, m.title, a.account_id, a.id, "
	  "a.photo_stamped FROM materials m JOIN applications a ON a.id = m.application_id WHERE m.id = ?", C | S },
	[STMT_UPL_LINK_SWEEP] = { "i", "", "DELETE FROM upload_links WHERE application_id = ? "
	  "AND (claim_hash IS NULL OR expires_at < NOW())", C },
	[STMT_UPL_LINK_INSERT] = { "bi", "", "INSERT INTO upload_links (token_hash, application_id, created_at, expires_at) "
	  "VALUES (?, ?, NOW(), NOW() + INTERVAL 10 MINUTE)", C },
	[STMT_UPL_LINK_GET] = { "b", "is", "SELECT application_id, "
	  "DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i:%s') FROM upload_links WHERE token_hash = ?", C },
	[STMT_UPL_LINK_STATE] = { "i", "ss", "SELECT COALESCE(DATE_FORMAT(claimed_at, '%Y-%m-%d %H:%i:%s'), ''), "
	  "DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i:%s') FROM upload_links "
	  "WHERE application_id = ? AND expires_at > NOW() ORDER BY created_at DESC LIMIT 1", C },
	[STMT_UPL_LINK_REVOKE] = { "i", "", "DELETE FROM upload_links WHERE application_id = ?", C },
	[STMT_UPL_FILE_REFS] = { "ss", "i", "SELECT (SELECT COUNT(*) FROM materials WHERE file = ?) + "
	  "(SELECT COUNT(*) FROM accounts WHERE idcard_file = ?)", C | RS_STAFF },
	/* end h_upload.c */

	/* keep.c: one kept form per account; anonymous is the expired session */
	[STMT_KEEP_CLEAR] = { "i", "", "DELETE FROM form_keeps WHERE account_id = ? "
	  "OR created_at < NOW() - INTERVAL " NUM(KEEP_MINUTES) " MINUTE", N | C | S },
	[STMT_KEEP_PUT] = { "bib", "", "INSERT INTO form_keeps (id, account_id, body, created_at) "
	  "VALUES (?, ?, ?, NOW())", N | C | S },
	[STMT_KEEP_TAKE] = { "bi", "b", "SELECT body FROM form_keeps WHERE id = ? AND account_id = ? "
	  "AND created_at > NOW() - INTERVAL " NUM(KEEP_MINUTES) " MINUTE", C | S },
	[STMT_KEEP_DROP] = { "bi", "", "DELETE FROM form_keeps WHERE id = ? OR account_id = ?", C | S },
	/* end keep.c */

	/*
	 * h_mobile.c: the phone (/m) has no session; the link's token is its
	 * only authority, so every statement reaches the application through
	 * the token's hash and nothing else: an anonymous caller reaches the
	 * one application its token names, and only materials.
	 */
	[STMT_MOB_LINK_GET] = { "b", "ibis", "SELECT application_id, claim_hash, expires_at > NOW(), "
	  "DATE_FORMAT(expires_at, '%Y-%m-%d %H:%i:%s') FROM upload_links WHERE token_hash = ?", N },
	[STMT_MOB_LINK_CLAIM] = { "bb", "", "UPDATE upload_links SET claim_hash = ?, claimed_at = NOW() "
	  "WHERE token_hash = ? AND claim_hash IS NULL AND expires_at > NOW()", N },
	[STMT_MOB_APP_LOCK] = { "b", "isiiisi", "SELECT a.id, a.state, a.photo_stamped, "
	  "COALESCE(a.target_level, c.level, 0), a.account_id, c.name, a.defer_state FROM upload_links l "
	  "JOIN applications a ON a.id = l.application_id JOIN accounts c ON c.id = a.account_id "
	  "WHERE l.token_hash = ? AND l.expires_at > NOW() FOR UPDATE", N },
	[STMT_MOB_MAT_COUNT] = { "b", "i", "SELECT COUNT(*) FROM upload_links l JOIN materials m "
	  "ON m.application_id = l.application_id WHERE l.token_hash = ?", N },
	[STMT_MOB_MAT_INSERT] = { "ssisbb", "", "INSERT INTO materials (application_id, kind, file, mime, size, title, "
	  "uploaded_by, created_at) SELECT a.id, 'material', ?, ?, ?, ?, a.account_id, NOW() "
	  "FROM upload_links l JOIN applications a ON a.id = l.application_id "
	  "WHERE l.token_hash = ? AND l.claim_hash = ? AND l.expires_at > NOW() "
	  "AND a.state IN ('draft', 'returned')", N },
	[STMT_MOB_MAT_LIST] = { "b", "isss", "SELECT m.id, m.kind, m.title, DATE_FORMAT(m.created_at, '%Y-%m-%d %H:%i') "
	  "FROM upload_links l JOIN materials m ON m.application_id = l.application_id "
	  "WHERE l.token_hash = ? ORDER BY m.id", N },
	/* end h_mobile.c */

	/* h_status.c: the status page */
	[STMT_STATUS_APP] = { "i", "isiiisiss", "SELECT a.id, a.state, a.version, a.year, COALESCE(a.unit_id, 0), "
	  "COALESCE(u.name, ''), COALESCE(a.target_level, 0), COALESCE(w.name, ''), "
	  "COALESCE(DATE_FORMAT(a.submitted_at, '%Y-%m-%d %H:%i:%s'), '') "
	  "FROM applications a LEFT JOIN units u ON u.id = a.unit_id "
	  "LEFT JOIN worktypes w ON w.code = a.target_worktype WHERE a.account_id = ?", C },
	[STMT_STATUS_EVENTS] = { "i", "sssssssi", "SELECT e.level, e.action, COALESCE(ac.name, ''), COALESCE(u.name, ''), "
	  "COALESCE(u.phone, ''), DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s'), e.reason, "
	  "e.actor_id FROM review_events e LEFT JOIN accounts ac ON ac.id = e.actor_id "
	  "LEFT JOIN units u ON u.id = e.unit_id WHERE e.application_id = ? "
	  "ORDER BY e.id LIMIT 500", C },
	[STMT_STATUS_CHAIN] = { "i", "ssss", "WITH RECURSIVE up (id, name, kind, phone, region_code, parent_id, depth) AS ("
	  "SELECT id, name, kind, phone, region_code, parent_id, 0 FROM units WHERE id = ? "
	  "UNION ALL SELECT u.id, u.name, u.kind, u.phone, u.region_code, u.parent_id, up.depth + 1 "
	  "FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 8) "
	  "SELECT name, kind, phone, region_code FROM up ORDER BY depth", C },
	[STMT_STATUS_OFFICE] = { "s", "sss", "SELECT u.name, u.kind, u.phone FROM regions r JOIN units u ON "
	  "(r.kind = 'province' AND u.kind = 'province') OR (r.kind <> 'province' AND "
	  "u.kind = 'city' AND u.region_code = IF(r.kind IN ('city', 'direct_county'), "
	  "r.code, r.parent_code)) WHERE r.code = ? ORDER BY u.id LIMIT 1", C },
	/* end h_status.c */

	/* h_login.c, h_password.c: security */
	/*
	 * login_attempts.ok: 0 failed, 1 succeeded, 2 a reset lifted the
	 * locks, 3 refused unchecked while locked (not counted), 4 a wrong
	 * old password on /password (not a login failure of the address),
	 * 5 the right password with the second factor pending (h_otp.c
	 * records its own attempts: 0 a wrong code, 1 the login).
	 * An address locks only itself out of an account; the account as a
	 * whole locks at a much higher count, lifted only by a reset.
	 */
	[STMT_SEC_ATTEMPT_SET] = { "ii", "", "UPDATE login_attempts SET ok = ? WHERE id = ?", A },
	[STMT_SEC_FAILS_OLD] = { "bb", "i", "SELECT COUNT(*) FROM login_attempts WHERE login_mac = ? AND ok = 4 "
	  "AND at > NOW() - INTERVAL 15 MINUTE AND id > COALESCE((SELECT MAX(id) "
	  "FROM login_attempts WHERE login_mac = ? AND ok = 1), 0)", U },
	[STMT_SEC_PW_ACCOUNT] = { "i", "ib", "SELECT pw_must_change, phone_enc FROM accounts WHERE id = ?", U },
	[STMT_SEC_SMS_TRY] = { "i", "", "UPDATE sms_codes SET tries = tries + 1 WHERE id = ? AND tries < 5 "
	  "AND used_at IS NULL", A },
	[STMT_SEC_SMS_USE] = { "i", "", "UPDATE sms_codes SET used_at = NOW() WHERE id = ? AND used_at IS NULL "
	  "AND tries <= 5", A },
	/* end */

	/*
	 * h_login.c, h_otp.c: the second login factor.  The visitor is
	 * anonymous until it is given, so these run as anon.  A pending
	 * login is valid 10 minutes and 5 tries; each try is taken before
	 * the code is compared (as with SMS codes).  The step update is the
	 * replay guard: it fails when the step was accepted already.
	 */
	[STMT_OTP_PENDING_INSERT] = { "bib", "", "INSERT INTO login_pending (id, account_id, login_mac, created_at) "
	  "VALUES (?, ?, ?, NOW())", N },
	[STMT_OTP_PENDING_GET] = { "b", "ibiissbibiib", "SELECT p.account_id, p.secret_enc, p.tries, "
	  "p.created_at > NOW() - INTERVAL 10 MINUTE, a.role, COALESCE(a.login, ''), "
	  "a.totp_enc, a.totp_step, a.phone_enc, a.pw_must_change OR "
	  "a.pw_changed_at < NOW() - INTERVAL 90 DAY, p.verified, p.login_mac "
	  "FROM login_pending p JOIN accounts a ON a.id = p.account_id WHERE p.id = ?", N },
	[STMT_OTP_PENDING_SECRET] = { "bb", "", "UPDATE login_pending SET secret_enc = ? "
	  "WHERE id = ? AND secret_enc IS NULL", N },
	[STMT_OTP_PENDING_TRY] = { "b", "", "UPDATE login_pending SET tries = tries + 1 WHERE id = ? "
	  "AND tries < 5 AND created_at > NOW() - INTERVAL 10 MINUTE", N },
	[STMT_OTP_PENDING_DELETE] = { "b", "", "DELETE FROM login_pending WHERE id = ?", N },
	[STMT_OTP_PENDING_SWEEP] = { "", "", "DELETE FROM login_pending "
	  "WHERE created_at < NOW() - INTERVAL 1 DAY", N },
	[STMT_OTP_STEP_SET] = { "iii", "", "UPDATE accounts SET totp_step = ? "
	  "WHERE id = ? AND totp_step < ? AND totp_enc IS NOT NULL", N },
	[STMT_OTP_ENROLL] = { "bii", "", "UPDATE accounts SET totp_enc = ?, totp_step = ?, "
	  "totp_enroll_mac = NULL, totp_enroll_until = NULL "
	  "WHERE id = ? AND totp_enc IS NULL", N },
	[STMT_OTP_PENDING_VERIFY] = { "b", "", "UPDATE login_pending SET verified = 1 WHERE id = ?", N },
	/* An administrator's enrolment code (gkbm-admin totp-reset): once. */
	[STMT_OTP_ENROLL_CODE_USE] = { "ib", "", "UPDATE accounts SET totp_enroll_mac = NULL, "
	  "totp_enroll_until = NULL WHERE id = ? AND totp_enc IS NULL "
	  "AND totp_enroll_mac = ? AND totp_enroll_until > NOW()", N },
	/* end h_otp.c */

	/*
	 * regkeep.c: a refused registration's retry state, found by the
	 * form's token and the anonymous cookie together, 30 minutes.
	 */
	[STMT_REGKEEP_GET] = { "bb", "siibsb", "SELECT COALESCE(file, ''), clean, COALESCE(sms_id, 0), "
	  "COALESCE(phone_mac, ''), COALESCE(pw_hash, ''), COALESCE(pw_for, '') "
	  "FROM register_keep WHERE id = ? AND pre = ? "
	  "AND created_at > NOW() - INTERVAL 30 MINUTE", N },
	[STMT_REGKEEP_PUT] = { "bbsiibsbs", "", "INSERT INTO register_keep (id, pre, file, clean, sms_id, "
	  "phone_mac, pw_hash, pw_for, ip, created_at) VALUES (?, ?, NULLIF(?, ''), ?, "
	  "NULLIF(?, 0), NULLIF(?, ''), NULLIF(?, ''), NULLIF(?, ''), ?, NOW()) "
	  "ON DUPLICATE KEY UPDATE file = VALUES(file), clean = VALUES(clean), "
	  "sms_id = VALUES(sms_id), phone_mac = VALUES(phone_mac), "
	  "pw_hash = VALUES(pw_hash), pw_for = VALUES(pw_for)", N },
	[STMT_REGKEEP_DELETE] = { "b", "", "DELETE FROM register_keep WHERE id = ?", N },
	[STMT_REGKEEP_OLD] = { "", "bs", "SELECT id, COALESCE(file, '') FROM register_keep "
	  "WHERE created_at < NOW() - INTERVAL 30 MINUTE LIMIT 20", N },
	[STMT_REGKEEP_PHOTOS] = { "s", "i", "SELECT COUNT(*) FROM register_keep WHERE ip = ? "
	  "AND file IS NOT NULL AND created_at > NOW() - INTERVAL 30 MINUTE", N },
	[STMT_REGKEEP_SMS_OK] = { "ib", "i", "SELECT COUNT(*) FROM sms_codes WHERE id = ? AND phone_mac = ? "
	  "AND purpose = 'register' AND used_at IS NULL AND tries <= 5 "
	  "AND created_at > NOW() - INTERVAL 5 MINUTE", N },
	/* end regkeep.c */
	/* h_home.c, h_help.c, h_phones.c, h_canapply.c: home and public pages */
	[STMT_HOME_APP] = { "i", "sii", "SELECT a.state, a.unit_id IS NOT NULL AND a.education IS NOT NULL "
	  "AND a.work_start IS NOT NULL AND a.work_years IS NOT NULL AND a.cur_level IS NOT NULL "
	  "AND a.target_worktype IS NOT NULL AND a.target_level IS NOT NULL "
	  "AND a.prohibited IS NOT NULL, "
	  "(SELECT COUNT(*) FROM materials m WHERE m.application_id = a.id AND m.kind = 'photo') "
	  "FROM applications a WHERE a.account_id = ?", C },
	[STMT_PUB_EDU_LIST] = { "", "ssi", "SELECT code, name, rank FROM education ORDER BY rank, code DESC", A },
	[STMT_PUB_WT_LIST] = { "", "sss", "SELECT code, name, status FROM worktypes "
	  "ORDER BY status <> 'current', code", A },
	[STMT_PUB_WT_MAPS] = { "", "sss", "SELECT m.old_code, m.new_code, w.name FROM worktype_map m "
	  "JOIN worktypes w ON w.code = m.new_code ORDER BY m.old_code, m.new_code", A },
	[STMT_PHONE_LIST] = { "", "ssssss", "SELECT p.region_code, r.name, r.kind, COALESCE(r.parent_code, ''), "
	  "p.label, p.phone FROM consult_phones p JOIN regions r ON r.code = p.region_code "
	  "ORDER BY p.region_code, p.sort", A },
	[STMT_PHONE_OF] = { "s", "ss", "SELECT label, phone FROM consult_phones WHERE region_code = ? "
	  "ORDER BY sort", O },
	[STMT_PHONE_CLEAR] = { "s", "", "DELETE FROM consult_phones WHERE region_code = ?", O },
	[STMT_PHONE_ADD] = { "sissi", "", "INSERT INTO consult_phones (region_code, sort, label, phone, "
	  "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, NOW())", O },
	/* end public pages */

	/*
	 * Issue 7.  Captchas (captcha.c) belong to a cookie's hash, live 5
	 * minutes and are spent by the first check (the DELETE of the
	 * right answer is the check).  The SMS budget counts what was
	 * queued in the last hour.  Login failures (h_login.c) count per
	 * name as typed (login_mac), never per account, so two names of
	 * one account cannot be linked by their counts: per name and
	 * address (with the seconds since the last one, for the delays;
	 * attempts of this very moment included, so concurrent guesses see
	 * each other) and per name from everywhere.  A reset (ok = 2)
	 * lifts both; a success (ok = 1) the one of its address.
	 */
	[STMT_CAPTCHA_SET] = { "bb", "", "REPLACE INTO captchas (id, answer_mac, created_at) "
	  "VALUES (?, ?, NOW())", A },
	[STMT_CAPTCHA_SWEEP] = { "", "", "DELETE FROM captchas WHERE created_at < NOW() - INTERVAL 1 HOUR", A },
	[STMT_CAPTCHA_USE] = { "bb", "", "DELETE FROM captchas WHERE id = ? AND answer_mac = ? "
	  "AND created_at > NOW() - INTERVAL 5 MINUTE", A },
	[STMT_CAPTCHA_DROP] = { "b", "", "DELETE FROM captchas WHERE id = ?", A },
	[STMT_SMS_HOUR_SENT] = { "", "i", "SELECT COUNT(*) FROM sms_outbox "
	  "WHERE created_at > NOW() - INTERVAL 1 HOUR", A },
	[STMT_AUTH_FAILS_PAIR] = { "bsibs", "ii", "SELECT COUNT(*), COALESCE(TIMESTAMPDIFF(SECOND, MAX(at), NOW()), 86400) "
	  "FROM login_attempts WHERE login_mac = ? AND ip = ? AND ok = 0 AND id < ? "
	  "AND at > NOW() - INTERVAL 15 MINUTE AND id > COALESCE((SELECT MAX(id) "
	  "FROM login_attempts WHERE login_mac = ? AND (ok = 2 OR (ok = 1 AND ip = ?))), 0)", A },
	[STMT_AUTH_FAILS_VALUE] = { "bib", "i", "SELECT COUNT(*) FROM login_attempts WHERE login_mac = ? AND ok = 0 "
	  "AND id < ? AND at > NOW() - INTERVAL 15 MINUTE AND id > COALESCE((SELECT MAX(id) "
	  "FROM login_attempts WHERE login_mac = ? AND ok = 2), 0)", A },
	/* Only for the account whose phone the visitor's reset code went to. */
	[STMT_AUTH_TOTP_GET] = { "ii", "bi", "SELECT a.totp_enc, a.totp_step FROM accounts a "
	  "JOIN sms_codes c ON c.phone_mac = a.phone_mac WHERE a.id = ? AND c.id = ? "
	  "AND c.purpose = 'reset' AND c.used_at IS NULL "
	  "AND c.created_at > NOW() - INTERVAL " NUM(SMS_VALID) " MINUTE", N },
	/* end issue 7 */

	/* queue.c, h_queue.c, h_detail.c: the review queues, records, 详情 */
	/*
	 * A queue is one range of applications_queue (wait_unit_id,
	 * target_level, wait_since, id): wait_unit_id is set only while an
	 * application waits (schema/0010), so the counts need no row.
	 */
	[STMT_RQ_COUNTS] = { "i", "ii", "SELECT COALESCE(SUM(target_level = 1), 0), "
	  "COALESCE(SUM(target_level >= 2), 0) FROM applications WHERE wait_unit_id = ?", S },
	/* The total of a queue filtered by level only: index entries alone. */
	[STMT_RQ_COUNT_LEVEL] = { "iii", "i", "SELECT COUNT(*) FROM applications "
	  "WHERE wait_unit_id = ? AND target_level BETWEEN ? AND ?", S },
	[STMT_RQ_COUNT] = { "iiissiissssssib", "i", "SELECT COUNT(*) FROM applications a " RQ_FROM_WHERE, S },
	[STMT_RQ_LIST_OLD] = { "iiissiissssssibii", "iisbiisittii", RQ_COLS("applications_wait")
	  RQ_WHERE "ORDER BY a.wait_since, a.id LIMIT ? OFFSET ?", S },
	[STMT_RQ_LIST_NEW] = { "iiissiissssssibii", "iisbiisittii", RQ_COLS("applications_wait")
	  RQ_WHERE "ORDER BY a.wait_since DESC, a.id DESC LIMIT ? OFFSET ?", S },
	/* One level (the two level parameters equal). */
	[STMT_RQ_LVL_OLD] = { "iiissiissssssibii", "iisbiisittii", RQ_COLS("applications_queue")
	  RQ_WHERE "ORDER BY a.wait_since, a.id LIMIT ? OFFSET ?", S },
	[STMT_RQ_LVL_NEW] = { "iiissiissssssibii", "iisbiisittii", RQ_COLS("applications_queue")
	  RQ_WHERE "ORDER BY a.wait_since DESC, a.id DESC LIMIT ? OFFSET ?", S },
	/* The same without the other filters (the queue as it opens): each
	 * "? = '' OR" is work for the optimizer on every execution. */
	[STMT_RQ_PLAIN_OLD] = { "iiiii", "iisbiisittii", RQ_COLS("applications_wait")
	  RQ_PLAIN "ORDER BY a.wait_since, a.id LIMIT ? OFFSET ?", S },
	[STMT_RQ_PLAIN_NEW] = { "iiiii", "iisbiisittii", RQ_COLS("applications_wait")
	  RQ_PLAIN "ORDER BY a.wait_since DESC, a.id DESC LIMIT ? OFFSET ?", S },
	[STMT_RQ_PLVL_OLD] = { "iiiii", "iisbiisittii", RQ_COLS("applications_queue")
	  RQ_PLAIN "ORDER BY a.wait_since, a.id LIMIT ? OFFSET ?", S },
	[STMT_RQ_PLVL_NEW] = { "iiiii", "iisbiisittii", RQ_COLS("applications_queue")
	  RQ_PLAIN "ORDER BY a.wait_since DESC, a.id DESC LIMIT ? OFFSET ?", S },
	/* 本级审核记录: one range of review_events_unit (unit_id, action, at). */
	[STMT_RR_COUNT] = { "issiissiissssssib", "i", "SELECT COUNT(*) FROM review_events e "
	  "JOIN applications a ON a.id = e.application_id " RR_FROM_WHERE, S },
	[STMT_RR_LIST_NEW] = { "issiissiissssssibii", "iiisbiisssssi", RR_COLS RR_WHERE
	  "ORDER BY e.at DESC, e.id DESC LIMIT ? OFFSET ?", S },
	[STMT_RR_LIST_OLD] = { "issiissiissssssibii", "iiisbiisssssi", RR_COLS RR_WHERE
	  "ORDER BY e.at, e.id LIMIT ? OFFSET ?", S },
	/* The queues' unit filter: a unit by its code, and whether it lies in
	 * the subtree of the account's unit. */
	[STMT_RQ_UNIT] = { "is", "ii", "SELECT u.id, " SCOPE("u", "me") " FROM units u "
	  "JOIN units me ON me.id = ? WHERE u.code = ?", S },
	/* Staff see an application iff their unit is in its chain. */
	[STMT_RV_SEES] = { "ii", "i", "SELECT COUNT(*) " SEES("?"), S },
	[STMT_RV_APP] = { "i", "siiisbbsssbssiisiisissis", "SELECT a.state, a.version, a.year, "
	  "a.account_id, c.name, c.idno_enc, c.phone_enc, COALESCE(c.gender, ''), "
	  "COALESCE(DATE_FORMAT(c.birth_date, '%Y-%m-%d'), ''), COALESCE(g.name, ''), "
	  "c.idno_mac, COALESCE(u.name, ''), COALESCE(u.code, ''), COALESCE(a.unit_id, 0), "
	  "COALESCE(ed.rank, 0), COALESCE(ed.name, ''), COALESCE(a.work_years, -1), "
	  "COALESCE(a.cur_level, -1), COALESCE(a.cur_worktype, ''), "
	  "COALESCE(a.cur_level_year, 0), COALESCE(a.unit_category, ''), "
	  "COALESCE(a.unit_rank, ''), COALESCE(a.target_level, 0), "
	  "COALESCE(a.target_worktype, '') "
	  "FROM applications a JOIN accounts c ON c.id = a.account_id "
	  "LEFT JOIN regions g ON g.code = c.region_code LEFT JOIN units u ON u.id = a.unit_id "
	  "LEFT JOIN education ed ON ed.code = a.education WHERE a.id = ?", S },
	[STMT_RV_APP_MORE] = { "i", "siiiiiissisiiss", "SELECT COALESCE(a.route, ''), "
	  "COALESCE(a.prohibited, -1), a.exceptional, a.exc_entered_by IS NOT NULL, "
	  "a.photo_stamped, a.confirm_r18, a.confirm_r19, "
	  "COALESCE(DATE_FORMAT(a.work_start, '%Y-%m-%d'), ''), "
	  "COALESCE(DATE_FORMAT(a.submitted_at, '%Y-%m-%d %H:%i'), ''), "
	  "COALESCE(a.wait_unit_id, 0), COALESCE(a.wait_level, ''), "
	  "COALESCE(DATEDIFF(NOW(), a.wait_since), 0), a.defer_state, a.defer_note, "
	  "COALESCE(DATE_FORMAT(a.decided_at, '%Y-%m-%d %H:%i'), '') "
	  "FROM applications a WHERE a.id = ?", S },
	[STMT_RV_TEXTS] = { "i", "sssssss", "SELECT appraisal_note, exc_conditions, exc_evidence, "
	  "COALESCE(resume, ''), COALESCE(rewards, ''), COALESCE(achievements, ''), "
	  "opt_conditions FROM applications WHERE id = ?", S },
	[STMT_RV_APPRAISALS] = { "i", "iss", "SELECT p.year, p.grade, COALESCE(g.name, p.grade) "
	  "FROM appraisals p LEFT JOIN appraisal g ON g.code = p.grade "
	  "WHERE p.application_id = ? ORDER BY p.year DESC", S },
	[STMT_RV_QUALIFIED] = { "b", "ssii", "SELECT q.worktype, COALESCE(w.name, q.worktype), "
	  "q.level, q.year FROM qualified q LEFT JOIN worktypes w ON w.code = q.worktype "
	  "WHERE q.idno_mac = ? ORDER BY q.year DESC, q.level", S },
	[STMT_RV_EVENTS] = { "i", "ssssssi", "SELECT e.level, e.action, COALESCE(ac.name, ''), "
	  "COALESCE(u.name, ''), DATE_FORMAT(e.at, '%Y-%m-%d %H:%i'), e.reason, "
	  "COALESCE(e.step, 0) FROM review_events e "
	  "LEFT JOIN accounts ac ON ac.id = e.actor_id LEFT JOIN units u ON u.id = e.unit_id "
	  "WHERE e.application_id = ? ORDER BY e.id LIMIT 500", S },
	[STMT_RV_CHAIN] = { "i", "isssi", "SELECT h.step, h.level, u.name, u.code, u.id "
	  "FROM app_chain h JOIN units u ON u.id = h.unit_id "
	  "WHERE h.application_id = ? ORDER BY h.step", S },
	/* end review */
	/*
	 * Issue 11 (defer): staff reach an application only through a chain
	 * row of their own unit (STMT_APP_LOCK_CHAIN, STMT_DEF_APP_IDNO); the
	 * statements keyed by the application id alone run after that lock.
	 */
	[STMT_APP_LOCK_CHAIN] = { "ii", "siiisiis", "SELECT a.state, a.photo_stamped, "
	  "COALESCE(a.target_level, c.level, 0), a.account_id, c.name, a.defer_state, ch.step, ch.level "
	  "FROM app_chain ch JOIN applications a ON a.id = ch.application_id "
	  "JOIN accounts c ON c.id = a.account_id WHERE ch.unit_id = ? AND ch.application_id = ? "
	  "ORDER BY ch.step LIMIT 1 FOR UPDATE", RS_STAFF },
	/* 容缺后补 moves by compare-and-set; the note changes when one is given. */
	[STMT_DEF_SET] = { "issii", "", "UPDATE applications SET defer_state = ?, "
	  "defer_note = IF(? = '', defer_note, ?) WHERE id = ? AND defer_state = ?", C | RS_STAFF },
	[STMT_DEF_EVENT] = { "isisiis", "", "INSERT INTO review_events (application_id, level, step, "
	  "action, actor_id, unit_id, reason, at) VALUES (?, ?, NULLIF(?, 0), ?, ?, NULLIF(?, 0), ?, NOW())",
	  C | RS_STAFF },
	[STMT_DEF_LIST] = { "ii", "issisississs", "SELECT a.id, c.name, a.state, a.defer_state, a.defer_note, "
	  "COALESCE(a.target_level, 0), COALESCE(w.name, ''), COALESCE(u.name, ''), ch.step, ch.level, "
	  "COALESCE(DATE_FORMAT(a.submitted_at, '%Y-%m-%d %H:%i'), ''), "
	  "COALESCE((SELECT DATE_FORMAT(MAX(e.at), '%Y-%m-%d %H:%i') FROM review_events e "
	  "WHERE e.application_id = a.id AND e.action = 'defer'), '') "
	  "FROM app_chain ch JOIN applications a ON a.id = ch.application_id "
	  "JOIN accounts c ON c.id = a.account_id LEFT JOIN worktypes w ON w.code = a.target_worktype "
	  "LEFT JOIN units u ON u.id = a.unit_id WHERE ch.unit_id = ? AND a.year = ? "
	  "AND a.defer_state > 0 ORDER BY a.defer_state DESC, a.id LIMIT 500", RS_STAFF },
	[STMT_DEF_APP_IDNO] = { "ii", "ib", "SELECT c.id, c.idno_enc FROM app_chain ch "
	  "JOIN applications a ON a.id = ch.application_id JOIN accounts c ON c.id = a.account_id "
	  "WHERE ch.unit_id = ? AND ch.application_id = ? LIMIT 1", RS_STAFF },
	/* R21: the appraisal evidence when some year's grade is 优秀 (code 1). */
	[STMT_DEF_EXCELLENT] = { "i", "i", "SELECT COUNT(*) FROM appraisals WHERE application_id = ? "
	  "AND grade = '1'", RS_STAFF },
	/* 市级复核意见: an application a county of this city office decided. */
	[STMT_NOTE_CITY_OK] = { "ii", "i", "SELECT COUNT(*) FROM app_chain ch "
	  "JOIN units cu ON cu.id = ch.unit_id JOIN regions rg ON rg.code = cu.region_code "
	  "JOIN units me ON me.id = ? AND me.kind = 'city' "
	  "WHERE ch.application_id = ? AND ch.level = 'county' AND rg.parent_code = me.region_code "
	  "AND EXISTS (SELECT 1 FROM review_events e WHERE e.application_id = ch.application_id "
	  "AND e.unit_id = ch.unit_id AND e.action IN ('pass', 'final', 'reject', 'return'))",
	  RB(ROLE_CITY) | RB(ROLE_REVIEWER) },
	/* 省级标记: any submitted application, by the province office. */
	[STMT_NOTE_PROV_OK] = { "ii", "i", "SELECT COUNT(*) FROM applications a "
	  "JOIN units me ON me.id = ? AND me.kind = 'province' WHERE a.id = ? AND a.state <> 'draft'",
	  P | RB(ROLE_REVIEWER) },
	[STMT_NOTE_INSERT] = { "isiis", "", "INSERT INTO review_notes (application_id, kind, unit_id, "
	  "author_id, text, at) VALUES (?, ?, ?, ?, ?, NOW())", RB(ROLE_CITY) | P | RB(ROLE_REVIEWER) },
	/* The notes of a kind on applications whose chain holds the unit, or by it. */
	[STMT_NOTE_LIST] = { "sii", "iissssss", "SELECT n.id, n.application_id, c.name, COALESCE(u.name, ''), "
	  "COALESCE(au.name, ''), ac.name, n.text, DATE_FORMAT(n.at, '%Y-%m-%d %H:%i') "
	  "FROM review_notes n JOIN applications a ON a.id = n.application_id "
	  "JOIN accounts c ON c.id = a.account_id LEFT JOIN units u ON u.id = a.unit_id "
	  "LEFT JOIN units au ON au.id = n.unit_id JOIN accounts ac ON ac.id = n.author_id "
	  "WHERE n.kind = ? AND (n.unit_id = ? OR EXISTS (SELECT 1 FROM app_chain ch "
	  "WHERE ch.application_id = n.application_id AND ch.unit_id = ?)) ORDER BY n.id DESC LIMIT 200",
	  RS_STAFF },
	/* On 详情: whoever sees the application (SEES) sees its notes. */
	[STMT_NOTE_OF_APP] = { "ii", "sssss", "SELECT n.kind, COALESCE(au.name, ''), ac.name, n.text, "
	  "DATE_FORMAT(n.at, '%Y-%m-%d %H:%i') FROM review_notes n "
	  "LEFT JOIN units au ON au.id = n.unit_id JOIN accounts ac ON ac.id = n.author_id "
	  "WHERE n.application_id = ? AND EXISTS (SELECT 1 " SEES("n.application_id") ") "
	  "ORDER BY n.id LIMIT 100", RS_STAFF },
	[STMT_UNIT_KIND] = { "i", "sss", "SELECT u.kind, u.region_code, r.name FROM units u "
	  "JOIN regions r ON r.code = u.region_code WHERE u.id = ?", RS_STAFF },
	/* A unit's name, kept by the worker (unit.c unit_name). */
	[STMT_UNIT_NAME] = { "i", "s", "SELECT name FROM units WHERE id = ?", RS_STAFF },
	/* 已承接: the counties of one city (or every county: ''), this year's flag. */
	[STMT_TO_COUNTIES] = { "iss", "sssi", "SELECT r.code, r.name, COALESCE(p.name, ''), "
	  "t.year IS NOT NULL FROM regions r LEFT JOIN regions p ON p.code = r.parent_code "
	  "LEFT JOIN county_takeover t ON t.year = ? AND t.region_code = r.code "
	  "WHERE r.kind = 'county' AND (? = '' OR r.parent_code = ?) ORDER BY r.code",
	  RB(ROLE_CITY) | P },
	[STMT_TO_DELETE] = { "is", "", "DELETE FROM county_takeover WHERE year = ? AND region_code = ?",
	  RB(ROLE_CITY) | P },
	[STMT_TO_INSERT] = { "isi", "", "INSERT IGNORE INTO county_takeover (year, region_code, set_by, "
	  "set_at) VALUES (?, ?, ?, NOW())", RB(ROLE_CITY) | P },
	/* The candidate's own 容缺后补 (the status page). */
	[STMT_DEF_OF_MINE] = { "i", "sisi", "SELECT state, defer_state, defer_note, "
	  "COALESCE(target_level, 0) FROM applications WHERE account_id = ?", C },
	/* An application's 容缺后补 for staff of its chain (the detail pages). */
	[STMT_DEF_OF_APP] = { "ii", "isiss", "SELECT a.defer_state, a.defer_note, ch.step, ch.level, a.state "
	  "FROM app_chain ch JOIN applications a ON a.id = ch.application_id "
	  "WHERE ch.unit_id = ? AND ch.application_id = ? ORDER BY ch.step LIMIT 1", RS_STAFF },
	/* end issue 11 defer */

	/*
	 * chain.c: the chain fixed at submission.  The office: the county
	 * office where the county took over review this year, else the city
	 * office of the city, else (and for 省直: county and city '') the
	 * province office.
	 */
	[STMT_CHAIN_UNITS] = { "i", "sisssss", "SELECT u.kind, COALESCE(p.id, 0), COALESCE(p.kind, ''), "
	  "u.region_code, g.kind, COALESCE(g.parent_code, ''), COALESCE(pg.kind, '') FROM units u "
	  "JOIN regions g ON g.code = u.region_code LEFT JOIN units p ON p.id = u.parent_id "
	  "LEFT JOIN regions pg ON pg.code = p.region_code WHERE u.id = ?", C },
	[STMT_CHAIN_OFFICE] = { "iss", "is", "SELECT id, kind FROM ("
	  "SELECT u.id, u.kind, 1 AS o FROM county_takeover t JOIN units u ON u.region_code = t.region_code "
	  "AND u.kind = 'county' WHERE t.year = ? AND t.region_code = ? "
	  "UNION ALL SELECT id, kind, 2 FROM units WHERE region_code = ? AND kind = 'city' "
	  "UNION ALL SELECT id, kind, 3 FROM units WHERE kind = 'province') x ORDER BY o, id LIMIT 1", C },
	[STMT_CHAIN_CLEAR] = { "i", "", "DELETE FROM app_chain WHERE application_id = ?", C },
	[STMT_CHAIN_ADD] = { "iisi", "", "INSERT INTO app_chain (application_id, step, level, unit_id) "
	  "VALUES (?, ?, ?, ?)", C },
	[STMT_CHAIN_WAIT] = { "isi", "", "UPDATE applications SET wait_step = 1, wait_unit_id = ?, "
	  "wait_level = ?, wait_since = NOW(), decided_at = NULL WHERE id = ? AND state = 'submitted'", C },
	/* end chain.c */

	/*
	 * decide.c: a review decision.  The row is locked first, so two
	 * decisions on one application take turns and the second sees the
	 * version the first wrote.
	 */
	[STMT_DEC_LOCK] = { "i", "siisiiis", "SELECT a.state, a.version, COALESCE(a.wait_step, 0), "
	  "COALESCE(a.wait_level, ''), a.account_id, a.year, COALESCE(a.target_level, 0), c.name "
	  "FROM applications a JOIN accounts c ON c.id = a.account_id WHERE a.id = ? FOR UPDATE", RS_STAFF },
	[STMT_DEC_ACTOR] = { "ii", "is", "SELECT step, level FROM app_chain WHERE application_id = ? "
	  "AND unit_id = ?", RS_STAFF },
	[STMT_DEC_CHAIN_END] = { "i", "i", "SELECT COALESCE(MAX(step), 0) FROM app_chain "
	  "WHERE application_id = ?", RS_STAFF },
	[STMT_DEC_STEP] = { "ii", "si", "SELECT level, unit_id FROM app_chain WHERE application_id = ? "
	  "AND step = ?", RS_STAFF },
	[STMT_DEC_REJECTED] = { "i", "s", "SELECT level FROM review_events WHERE application_id = ? "
	  "AND action = 'reject' ORDER BY id DESC LIMIT 1", RS_STAFF },
	[STMT_DEC_LAST] = { "i", "sss", "SELECT e.action, COALESCE(c.name, ''), "
	  "DATE_FORMAT(e.at, '%Y-%m-%d %H:%i:%s') FROM review_events e "
	  "LEFT JOIN accounts c ON c.id = e.actor_id WHERE e.application_id = ? "
	  "ORDER BY e.id DESC LIMIT 1", RS_STAFF },
	[STMT_DEC_ADVANCE] = { "isiii", "", "UPDATE applications SET wait_step = ?, wait_level = ?, "
	  "wait_unit_id = ?, wait_since = NOW(), version = version + 1, updated_at = NOW() "
	  "WHERE id = ? AND version = ? AND state = 'submitted'", RS_STAFF },
	[STMT_DEC_CLOSE] = { "sii", "", "UPDATE applications SET state = ?, wait_step = NULL, "
	  "wait_unit_id = NULL, wait_level = NULL, wait_since = NULL, decided_at = NOW(), "
	  "version = version + 1, updated_at = NOW() WHERE id = ? AND version = ?", RS_STAFF },
	[STMT_DEC_DEFER] = { "si", "", "UPDATE applications SET defer_state = 1, defer_note = ? "
	  "WHERE id = ?", RS_STAFF },
	[STMT_DEC_EVENT] = { "isisiis", "", "INSERT INTO review_events (application_id, level, step, "
	  "action, actor_id, unit_id, reason, at) VALUES (?, ?, NULLIF(?, 0), ?, ?, NULLIF(?, 0), ?, NOW())",
	  RS_STAFF },
	[STMT_DEC_MESSAGE] = { "iiss", "", "INSERT INTO messages (account_id, application_id, kind, "
	  "text, created_at) VALUES (?, ?, ?, ?, NOW())", RS_STAFF },
	[STMT_DEC_PHONE] = { "i", "b", "SELECT phone_enc FROM accounts WHERE id = ? "
	  "AND role = 'candidate'", RS_STAFF },
	[STMT_DEC_BAN] = { "iiisii", "", "INSERT INTO bans (idno_mac, year_from, year_to, "
	  "application_id, reason, set_by, set_at) SELECT idno_mac, ?, ?, ?, ?, ?, NOW() "
	  "FROM accounts WHERE id = ? AND idno_mac IS NOT NULL", RS_STAFF },
	/* The oldest of four index ranges of applications_queue. */
	[STMT_DEC_NEXT] = { "iiiiiiii", "i", "SELECT id FROM ("
	  "(SELECT id, wait_since FROM applications WHERE wait_unit_id = ? AND target_level = ? "
	  "ORDER BY wait_since, id LIMIT 1) UNION ALL "
	  "(SELECT id, wait_since FROM applications WHERE wait_unit_id = ? AND target_level = ? "
	  "ORDER BY wait_since, id LIMIT 1) UNION ALL "
	  "(SELECT id, wait_since FROM applications WHERE wait_unit_id = ? AND target_level = ? "
	  "ORDER BY wait_since, id LIMIT 1) UNION ALL "
	  "(SELECT id, wait_since FROM applications WHERE wait_unit_id = ? AND target_level = ? "
	  "ORDER BY wait_since, id LIMIT 1)) x ORDER BY wait_since, id LIMIT 1", RS_STAFF },
	/* end decide.c */
	/* message.c: 站内消息 (a range of messages_account) */
	[STMT_MSG_LIST] = { "ii", "isssi", "SELECT id, kind, text, DATE_FORMAT(created_at, '%Y-%m-%d %H:%i'), "
	  "read_at IS NOT NULL FROM messages WHERE account_id = ? ORDER BY id DESC LIMIT ?", C },
	[STMT_MSG_READ] = { "iii", "", "UPDATE messages SET read_at = NOW() WHERE account_id = ? "
	  "AND (id = ? OR ? = 0) AND read_at IS NULL", C },
	/* unit.c, staff.c: 系统管理, each admin within its subtree (SCOPE)
	 * and over the kinds of unit its role manages (a list "basic,..."). */
	[STMT_SYS_UNIT_COUNT] = { "issssss", "i", "SELECT COUNT(*) " SYS_UNIT_FROM SYS_UNIT_WHERE
	  "AND (? = '' OR u.name LIKE CONCAT('%', ?, '%') OR u.code = ?) AND (? = '' OR u.kind = ?)", SA },
	[STMT_SYS_UNIT_LIST] = { "issssssii", "isssssssisss", "SELECT u.id, u.code, u.name, u.kind, "
	  "COALESCE(p.code, ''), COALESCE(p.name, ''), u.region_code, COALESCE(g.name, ''), u.disabled, "
	  "COALESCE(ad.login, ''), COALESCE(ad.name, ''), u.phone " SYS_UNIT_FROM SYS_UNIT_WHERE
	  "AND (? = '' OR u.name LIKE CONCAT('%', ?, '%') OR u.code = ?) AND (? = '' OR u.kind = ?) "
	  "ORDER BY u.kind = 'basic', COALESCE(p.code, u.code), u.kind <> 'supervising', u.code "
	  "LIMIT ? OFFSET ?", SA },
	[STMT_SYS_UNIT_GET] = { "isi", "isssisssssiiss", "SELECT u.id, u.code, u.name, u.kind, "
	  "COALESCE(u.parent_id, 0), COALESCE(p.code, ''), COALESCE(p.name, ''), u.region_code, "
	  "COALESCE(g.name, ''), u.phone, u.disabled, COALESCE(u.admin_id, 0), COALESCE(ad.login, ''), "
	  "COALESCE(ad.name, '') " SYS_UNIT_FROM SYS_UNIT_WHERE "AND u.id = ?", SA },
	/* A supervising unit a basic unit may be placed under. */
	[STMT_SYS_PARENT_GET] = { "is", "iss", "SELECT u.id, u.region_code, u.name FROM units u "
	  "JOIN units me ON me.id = ? WHERE u.code = ? AND u.kind = 'supervising' AND u.disabled = 0 "
	  "AND " SYS_SCOPE_UME, SA },
	/* The kind of a region whose units would lie in the subtree of me. */
	[STMT_SYS_REGION_IN] = { "is", "ss", "SELECT g.kind, g.name FROM regions g JOIN units me ON me.id = ? "
	  "WHERE g.code = ? AND (me.kind = 'province' OR (me.kind = 'city' AND me.region_code = "
	  "CASE WHEN g.kind IN ('county', 'zone') THEN g.parent_code ELSE g.code END) "
	  "OR (me.kind = 'county' AND g.code = me.region_code))", SA },
	/* Unit codes and logins share the login field (account.c). */
	[STMT_SYS_CODE_TAKEN] = { "ss", "i", "SELECT (SELECT COUNT(*) FROM units WHERE code = ?) + "
	  "(SELECT COUNT(*) FROM accounts WHERE login = ?)", SA },
	[STMT_SYS_UNIT_INSERT] = { "sssiss", "", "INSERT INTO units (code, name, kind, parent_id, region_code, "
	  "phone, created_at) VALUES (?, ?, ?, NULLIF(?, 0), ?, ?, NOW())", SA },
	[STMT_SYS_UNIT_EDIT] = { "ssi", "", "UPDATE units SET name = ?, phone = ? WHERE id = ?", SA },
	[STMT_SYS_UNIT_MOVE] = { "isi", "", "UPDATE units SET parent_id = NULLIF(?, 0), region_code = ? "
	  "WHERE id = ?", SA },
	/* A basic unit lies in its supervising unit's region. */
	[STMT_SYS_UNIT_KIDS_REGION] = { "si", "", "UPDATE units SET region_code = ? WHERE parent_id = ?", SA },
	/* What keeps a unit: units under it, applications, review history,
	 * an account that acted. */
	[STMT_SYS_UNIT_USED] = { "iiiii", "i", "SELECT (SELECT COUNT(*) FROM units WHERE parent_id = ?) + "
	  "(SELECT COUNT(*) FROM applications WHERE unit_id = ?) + "
	  "(SELECT COUNT(*) FROM app_chain WHERE unit_id = ?) + "
	  "(SELECT COUNT(*) FROM review_events WHERE unit_id = ?) + "
	  "(SELECT COUNT(*) FROM accounts a WHERE a.unit_id = ? AND " STAFF_ACTED("a.id") ")", SA },
	[STMT_SYS_UNIT_PENDING_DROP] = { "i", "", "DELETE p FROM login_pending p JOIN accounts a "
	  "ON a.id = p.account_id WHERE a.unit_id = ?", SA },
	[STMT_SYS_UNIT_KEEPS_DROP] = { "i", "", "DELETE k FROM form_keeps k JOIN accounts a "
	  "ON a.id = k.account_id WHERE a.unit_id = ?", SA },
	[STMT_SYS_UNIT_ADMIN_CLEAR] = { "i", "", "UPDATE units SET admin_id = NULL WHERE id = ?", SA },
	[STMT_SYS_UNIT_ACCTS_DROP] = { "i", "", "DELETE FROM accounts WHERE unit_id = ? AND year = 0 "
	  "AND role <> 'candidate'", SA },
	[STMT_SYS_UNIT_DELETE] = { "i", "", "DELETE FROM units WHERE id = ?", SA },
	[STMT_SYS_UNIT_DISABLE] = { "ii", "", "UPDATE units SET disabled = ? WHERE id = ?", SA },
	[STMT_SYS_UNIT_SET_ADMIN] = { "ii", "", "UPDATE units SET admin_id = ? WHERE id = ?", SA },
	[STMT_SYS_STAFF_COUNT] = { "iissssssss", "i", "SELECT COUNT(*) " SYS_STAFF_FROM
	  "AND (? = '' OR a.name = ? OR a.login = ? OR u.code = ? OR u.name LIKE CONCAT('%', ?, '%')) "
	  "AND (? = '' OR a.role = ?)", SA },
	[STMT_SYS_STAFF_LIST] = { "iissssssssii", "isssbissiii", "SELECT a.id, COALESCE(a.login, ''), a.name, "
	  "a.role, a.phone_enc, u.id, u.code, u.name, a.disabled, COALESCE(u.admin_id = a.id, 0), "
	  "a.pw_must_change " SYS_STAFF_FROM
	  "AND (? = '' OR a.name = ? OR a.login = ? OR u.code = ? OR u.name LIKE CONCAT('%', ?, '%')) "
	  "AND (? = '' OR a.role = ?) ORDER BY u.code, a.id LIMIT ? OFFSET ?", SA },
	[STMT_SYS_STAFF_GET] = { "iisi", "isssbissiii", "SELECT a.id, COALESCE(a.login, ''), a.name, "
	  "a.role, a.phone_enc, u.id, u.code, u.name, a.disabled, COALESCE(u.admin_id = a.id, 0), "
	  "a.pw_must_change " SYS_STAFF_FROM "AND a.id = ?", SA },
	[STMT_SYS_STAFF_EDIT] = { "si", "", "UPDATE accounts SET name = ? WHERE id = ? AND year = 0", SA },
	/* A new phone: its lookup value now, sealed next (bound to the row). */
	[STMT_SYS_STAFF_PHONE] = { "bi", "", "UPDATE accounts SET phone_mac = ?, phone_enc = NULL "
	  "WHERE id = ? AND year = 0", SA },
	[STMT_SYS_STAFF_SEAL] = { "bi", "", "UPDATE accounts SET phone_enc = ? WHERE id = ? AND year = 0", SA },
	[STMT_SYS_PHONE_TAKEN] = { "bi", "i", "SELECT COUNT(*) FROM accounts WHERE year = 0 "
	  "AND phone_mac = ? AND id <> ?", SA },
	[STMT_SYS_STAFF_DISABLE] = { "ii", "", "UPDATE accounts SET disabled = ? WHERE id = ? AND year = 0", SA },
	[STMT_SYS_SESSIONS_DROP] = { "i", "", "DELETE FROM sessions WHERE account_id = ?", SA },
	[STMT_SYS_PENDING_DROP] = { "i", "", "DELETE FROM login_pending WHERE account_id = ?", SA },
	[STMT_SYS_KEEPS_DROP] = { "i", "", "DELETE FROM form_keeps WHERE account_id = ?", SA },
	[STMT_SYS_STAFF_ACTED] = { "iiiiiiii", "i", "SELECT " STAFF_ACTED_ONE, SA },
	[STMT_SYS_ADMIN_CLEAR] = { "i", "", "UPDATE units SET admin_id = NULL WHERE admin_id = ?", SA },
	[STMT_SYS_STAFF_DELETE] = { "i", "", "DELETE FROM accounts WHERE id = ? AND year = 0 "
	  "AND role <> 'candidate'", SA },
	/* The default password, to be changed at the next login (with an SMS
	 * code to the account's phone: h_password.c). */
	[STMT_SYS_STAFF_RESET] = { "si", "", "UPDATE accounts SET pw_hash = ?, pw_must_change = 1, "
	  "pw_changed_at = NOW() WHERE id = ? AND year = 0 AND role <> 'candidate'", SA },
	[STMT_SYS_STAFF_INSERT] = { "sissbs", "", "INSERT INTO accounts (role, year, unit_id, login, name, "
	  "phone_mac, pw_hash, pw_must_change, pw_changed_at, created_at) "
	  "VALUES (?, 0, ?, ?, ?, ?, ?, 1, NOW(), NOW())", SA },
	[STMT_SYS_REVIEWERS] = { "i", "issbii", "SELECT id, COALESCE(login, ''), name, phone_enc, disabled, "
	  "pw_must_change FROM accounts WHERE unit_id = ? AND role = 'reviewer' AND year = 0 ORDER BY id", SA },
	[STMT_SYS_IMPORT_SEEN] = { "b", "si", "SELECT DATE_FORMAT(at, '%Y-%m-%d %H:%i'), units "
	  "FROM unit_imports WHERE sha256 = ?", SA },
	[STMT_SYS_IMPORT_ADD] = { "bii", "", "INSERT INTO unit_imports (sha256, account_id, units, at) "
	  "VALUES (?, NULLIF(?, 0), ?, NOW())", SA },
	/* end 系统管理 */
	/* ban.c: registration asks whether a false application bars it */
	[STMT_BAN_FIND] = { "bi", "iiss", "SELECT b.year_from, b.year_to, COALESCE(u.name, ''), "
	  "COALESCE(u.phone, '') FROM bans b LEFT JOIN accounts s ON s.id = b.set_by "
	  "LEFT JOIN units u ON u.id = s.unit_id WHERE b.idno_mac = ? AND b.lifted_at IS NULL "
	  "AND ? BETWEEN b.year_from AND b.year_to ORDER BY b.id DESC LIMIT 1", N | O },

	/*
	 * unitcheck.c: 单位名称核对.  A supervising unit reads and renames
	 * itself and its units only (the unit id and parent are the
	 * account's); an office reads the supervising units of its subtree.
	 */
	[STMT_UC_UNITS] = { "iii", "isss", "SELECT id, code, name, kind FROM units "
	  "WHERE id = ? OR parent_id = ? ORDER BY id = ? DESC, code LIMIT 1000", SUP | O },
	[STMT_UC_STATE] = { "ii", "ss", "SELECT DATE_FORMAT(c.confirmed_at, '%Y-%m-%d %H:%i'), a.name "
	  "FROM unit_checks c JOIN accounts a ON a.id = c.confirmed_by "
	  "WHERE c.year = ? AND c.unit_id = ?", SUP | O },
	[STMT_UC_CONFIRM] = { "iii", "", "INSERT INTO unit_checks (year, unit_id, confirmed_by, "
	  "confirmed_at) VALUES (?, ?, ?, NOW())", SUP },
	[STMT_UC_UNDO] = { "ii", "", "DELETE FROM unit_checks WHERE year = ? AND unit_id = ?", SUP },
	[STMT_UC_LOCK] = { "iii", "si", "SELECT name, COALESCE(parent_id, 0) FROM units "
	  "WHERE id = ? AND (id = ? OR parent_id = ?) FOR UPDATE", SUP },
	[STMT_UC_SIBLING] = { "isi", "i", "SELECT COUNT(*) FROM units WHERE id <> ? AND name = ? "
	  "AND COALESCE(parent_id, 0) = ?", SUP },
	[STMT_UC_RENAME] = { "si", "", "UPDATE units SET name = ? WHERE id = ?", SUP },
	[STMT_UC_COUNT] = { "ii", "ii", "SELECT COUNT(*), COALESCE(SUM(c.unit_id IS NOT NULL), 0) "
	  "FROM units u JOIN units me ON me.id = ? LEFT JOIN unit_checks c ON c.year = ? "
	  "AND c.unit_id = u.id WHERE " SCOPE("u", "me") " AND u.kind = 'supervising'", O },
	/*
	 * k: 0 every one, 1 confirmed, 2 not yet; those not yet first.  The
	 * page's 20 are chosen first (along units_kind), then their names
	 * and units counted: not for every supervising unit of the province.
	 */
	[STMT_UC_LIST] = { "iiiiii", "isssiss", "SELECT x.id, x.code, x.name, COALESCE(ad.name, ''), "
	  "(SELECT COUNT(*) FROM units k WHERE k.parent_id = x.id), "
	  "COALESCE(DATE_FORMAT(x.confirmed_at, '%Y-%m-%d %H:%i'), ''), COALESCE(ca.name, '') "
	  "FROM (SELECT u.id, u.code, u.name, u.admin_id, c.confirmed_at, c.confirmed_by "
	  "FROM units u JOIN units me ON me.id = ? LEFT JOIN unit_checks c ON c.year = ? "
	  "AND c.unit_id = u.id WHERE u.kind = 'supervising' "
	  "AND (? = 0 OR (? = 1) = (c.unit_id IS NOT NULL)) AND " SCOPE("u", "me")
	  " ORDER BY c.unit_id IS NOT NULL, u.code LIMIT ? OFFSET ?) x "
	  "LEFT JOIN accounts ca ON ca.id = x.confirmed_by LEFT JOIN accounts ad ON ad.id = x.admin_id "
	  "ORDER BY x.confirmed_at IS NOT NULL, x.code", O },
	[STMT_UC_SCOPE] = { "ii", "ss", "SELECT u.code, u.name FROM units u JOIN units me ON me.id = ? "
	  "WHERE " SCOPE("u", "me") " AND u.id = ? AND u.kind = 'supervising'", O },
	/*
	 * entry.c: 补报 and 破格/一线, an office's candidates: the unit (a
	 * basic or supervising unit of its subtree) gives the region; the
	 * account has the default password, to be changed (with an SMS code
	 * to the phone entered) at the first login.
	 */
	[STMT_ENT_UNIT] = { "is", "iss", "SELECT u.id, u.name, COALESCE(u.city_code, u.region_code) "
	  "FROM units u JOIN units me ON me.id = ? WHERE " SCOPE("u", "me")
	  " AND u.code = ? AND u.kind IN ('basic', 'supervising')", O },
	[STMT_ENT_UNITS] = { "i", "ss", "SELECT u.code, u.name FROM units u JOIN units me ON me.id = ? "
	  "WHERE u.kind IN ('basic', 'supervising') AND " SCOPE("u", "me")
	  " ORDER BY u.code LIMIT 500", O },
	[STMT_ENT_ACCOUNT] = { "isbbsssiss", "", "INSERT INTO accounts (role, year, name, idno_mac, "
	  "phone_mac, gender, birth_date, region_code, level, idcard_file, pw_hash, "
	  "pw_must_change, pw_changed_at, created_at) "
	  "VALUES ('candidate', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, NOW(), NOW())", O },
	/* R20: exc_entered_by, the office account, for 破格/一线 only. */
	[STMT_ENT_APP] = { "iiiii", "", "INSERT INTO applications (account_id, year, state, version, "
	  "unit_id, target_level, exc_entered_by, created_at, updated_at) "
	  "VALUES (?, ?, 'draft', 1, ?, ?, NULLIF(?, 0), NOW(), NOW())", O },
	[STMT_ENT_IDCARD] = { "isii", "", "INSERT INTO materials (application_id, kind, file, mime, size, "
	  "title, uploaded_by, created_at) VALUES (?, 'idcard', ?, 'image/jpeg', ?, '', ?, NOW())", O },
	[STMT_ENT_INSERT] = { "iisisi", "", "INSERT INTO entries (year, account_id, kind, unit_id, reason, "
	  "entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, NOW())", O },
	[STMT_ENT_COUNT] = { "iiss", "i", "SELECT COUNT(*) FROM entries e JOIN units u ON u.id = e.unit_id "
	  "JOIN units me ON me.id = ? WHERE " SCOPE("u", "me")
	  " AND e.year = ? AND (? = '' OR e.kind = ?)", O },
	[STMT_ENT_LIST] = { "iissii", "isibbssisssis", "SELECT e.id, e.kind, c.id, c.idno_enc, c.phone_enc, "
	  "c.name, u.name, COALESCE(c.level, 0), e.reason, b.name, COALESCE(bu.name, ''), "
	  "c.revoked_at IS NOT NULL, DATE_FORMAT(e.entered_at, '%Y-%m-%d %H:%i') "
	  "FROM entries e JOIN units u ON u.id = e.unit_id JOIN units me ON me.id = ? "
	  "JOIN accounts c ON c.id = e.account_id JOIN accounts b ON b.id = e.entered_by "
	  "LEFT JOIN units bu ON bu.id = b.unit_id WHERE e.year = ? AND (? = '' OR e.kind = ?) AND "
	  SCOPE("u", "me") " ORDER BY e.id DESC LIMIT ? OFFSET ?", O },
	/*
	 * revoke.c: a registration of this year in the office's subtree:
	 * by its application's unit, or (no application yet) by the city it
	 * registered with for a city office; the province reaches all.
	 */
#define RVK_SCOPE "(me.kind = 'province' OR (me.kind = 'city' AND c.region_code = me.region_code) " \
	"OR (u.id IS NOT NULL AND " SCOPE("u", "me") "))"
	[STMT_RVK_FIND] = { "iib", "isbbsisss", "SELECT c.id, c.name, c.idno_enc, c.phone_enc, "
	  "COALESCE(g.name, ''), COALESCE(c.level, 0), DATE_FORMAT(c.created_at, '%Y-%m-%d %H:%i'), "
	  "COALESCE(a.state, ''), COALESCE(u.name, '') FROM accounts c JOIN units me ON me.id = ? "
	  "LEFT JOIN applications a ON a.account_id = c.id LEFT JOIN units u ON u.id = a.unit_id "
	  "LEFT JOIN regions g ON g.code = c.region_code WHERE c.role = 'candidate' AND c.year = ? "
	  "AND c.idno_mac = ? AND c.revoked_at IS NULL AND " RVK_SCOPE, O },
	[STMT_RVK_LOCK] = { "iii", "si", "SELECT c.name, COALESCE(a.unit_id, 0) FROM accounts c "
	  "JOIN units me ON me.id = ? LEFT JOIN applications a ON a.account_id = c.id "
	  "LEFT JOIN units u ON u.id = a.unit_id WHERE c.id = ? AND c.role = 'candidate' "
	  "AND c.year = ? AND c.revoked_at IS NULL AND " RVK_SCOPE " FOR UPDATE", O },
	/* The lookup values move to the record; the sealed ID number stays. */
	[STMT_RVK_INSERT] = { "isii", "", "INSERT INTO revocations (year, account_id, idno_mac, phone_mac, "
	  "unit_id, region_code, reason, revoked_by, revoked_at) SELECT year, id, idno_mac, phone_mac, "
	  "NULLIF(?, 0), region_code, ?, ?, NOW() FROM accounts WHERE id = ? AND revoked_at IS NULL", O },
	[STMT_RVK_ACCOUNT] = { "i", "", "UPDATE accounts SET idno_mac = NULL, phone_mac = NULL, "
	  "revoked_at = NOW() WHERE id = ? AND revoked_at IS NULL", O },
	[STMT_RVK_SESSIONS] = { "i", "", "DELETE FROM sessions WHERE account_id = ?", O },
	[STMT_RVK_EVENT] = { "siisi", "", "INSERT INTO review_events (application_id, level, step, "
	  "action, actor_id, unit_id, reason, at) SELECT id, ?, NULL, 'revoke', ?, NULLIF(?, 0), ?, NOW() "
	  "FROM applications WHERE account_id = ?", O },
	[STMT_RVK_APP] = { "i", "", "UPDATE applications SET state = 'cancelled', wait_step = NULL, "
	  "wait_unit_id = NULL, wait_level = NULL, wait_since = NULL, decided_at = NOW(), "
	  "version = version + 1, updated_at = NOW() WHERE account_id = ?", O },
	[STMT_RVK_LIST] = { "ii", "ibsssss", "SELECT c.id, c.idno_enc, c.name, COALESCE(u.name, ''), "
	  "v.reason, b.name, DATE_FORMAT(v.revoked_at, '%Y-%m-%d %H:%i') FROM revocations v "
	  "JOIN accounts c ON c.id = v.account_id JOIN units me ON me.id = ? "
	  "LEFT JOIN units u ON u.id = v.unit_id JOIN accounts b ON b.id = v.revoked_by "
	  "WHERE v.year = ? AND (me.kind = 'province' OR (me.kind = 'city' AND "
	  "v.region_code = me.region_code) OR (u.id IS NOT NULL AND " SCOPE("u", "me") ")) "
	  "ORDER BY v.id DESC LIMIT 100", O },
#undef RVK_SCOPE

	/* payorder.c, h_pay*.c: payment pages (issue 9 items 2, 5, 6) */
	/* The candidate's application and every fact payrule.c needs; the
	 * city is the unit's (省直: the province region), its own payment
	 * window else the province-wide one; one clock: the database's. */
	[STMT_PW_APP] = { "i", "isiiisissiiiissis", "SELECT a.id, a.state, a.year, COALESCE(a.target_level, 0), "
	  "COALESCE(UNIX_TIMESTAMP(a.decided_at), 0), COALESCE(DATE_FORMAT(a.decided_at, '%Y-%m-%d %H:%i'), ''), "
	  "a.paid_at IS NOT NULL, COALESCE(c.code, ''), COALESCE(c.name, ''), COALESCE(pc.online, 0), "
	  "COALESCE(pl.fee_fen, 0), COALESCE(pl.wait_hours, -1), "
	  "CASE WHEN w.year IS NULL THEN 0 WHEN NOW() < w.starts_at THEN 1 WHEN NOW() < w.ends_at THEN 2 ELSE 3 END, "
	  "COALESCE(DATE_FORMAT(w.starts_at, " WIN_FMT "), ''), COALESCE(DATE_FORMAT(w.ends_at, " WIN_FMT "), ''), "
	  "UNIX_TIMESTAMP(NOW()), COALESCE(wt.name, '') "
	  "FROM applications a LEFT JOIN units u ON u.id = a.unit_id "
	  "LEFT JOIN regions c ON c.code = COALESCE(u.city_code, "
	  "(SELECT p.code FROM regions p WHERE p.kind = 'province' ORDER BY p.code LIMIT 1)) "
	  "LEFT JOIN pay_city pc ON pc.year = a.year AND pc.city_code = c.code "
	  "LEFT JOIN pay_level pl ON pl.year = a.year AND pl.level = a.target_level "
	  "LEFT JOIN windows w ON w.year = a.year AND w.kind = 'payment' AND w.region_code = "
	  "IF(EXISTS (SELECT 1 FROM windows x WHERE x.year = a.year AND x.kind = 'payment' "
	  "AND x.region_code = c.code), c.code, '') "
	  "LEFT JOIN worktypes wt ON wt.code = a.target_worktype "
	  "WHERE a.account_id = ?", C },
	[STMT_PW_ORDERS] = { "i", "ssisss", "SELECT order_no, state, amount_fen, COALESCE(pay_code, ''), "
	  "COALESCE(DATE_FORMAT(paid_at, '%Y-%m-%d %H:%i:%s'), ''), DATE_FORMAT(created_at, '%Y-%m-%d %H:%i:%s') "
	  "FROM pay_order WHERE application_id = ? ORDER BY id DESC LIMIT 10", C },
	[STMT_PW_RECEIPT_GET] = { "i", "sss", "SELECT kind, name, DATE_FORMAT(fixed_at, '%Y-%m-%d %H:%i') "
	  "FROM pay_receipt WHERE application_id = ?", C },
	[STMT_PW_RECEIPT_PUT] = { "iss", "", "INSERT INTO pay_receipt (application_id, kind, name, fixed_at) "
	  "VALUES (?, ?, ?, NOW())", C },
	[STMT_PW_APP_LOCK] = { "ii", "si", "SELECT state, paid_at IS NOT NULL FROM applications "
	  "WHERE id = ? AND account_id = ? FOR UPDATE", C },
	[STMT_PW_OPEN] = { "i", "s", "SELECT order_no FROM pay_order WHERE open_app = ? FOR UPDATE", C },
	[STMT_PW_ORDER_NEW] = { "siiiiii", "", "INSERT INTO pay_order (order_no, application_id, year, level, "
	  "amount_fen, created_by, created_at, expires_at, updated_at) "
	  "VALUES (?, ?, ?, ?, ?, ?, NOW(), NOW() + INTERVAL ? MINUTE, NOW())", C },
	[STMT_PW_IDNO] = { "i", "b", "SELECT idno_enc FROM accounts WHERE id = ?", C },
	/* h_payoffice.c: the offices' payment pages, each within the
	 * account's subtree (SCOPE; me = the account's unit) */
#define PAY_SCOPE "JOIN units u ON u.id = a.unit_id JOIN units me ON me.id = ? " \
	"JOIN accounts ac ON ac.id = a.account_id "
	[STMT_PW_DUE_COUNT] = { "iiiisss", "i", "SELECT COUNT(*) FROM applications a " PAY_SCOPE
	  "WHERE a.year = ? AND a.state = 'approved' AND " SCOPE("u", "me") " "
	  "AND (? = 0 OR a.target_level = ?) AND (? = 'all' OR (? = 'due' AND a.paid_at IS NULL) "
	  "OR (? = 'paid' AND a.paid_at IS NOT NULL))", O },
	[STMT_PW_DUE_LIST] = { "iiiisssii", "iisbisssss", "SELECT a.id, ac.id, ac.name, ac.idno_enc, "
	  "COALESCE(a.target_level, 0), COALESCE(wt.name, ''), u.name, "
	  "COALESCE(DATE_FORMAT(a.decided_at, '%Y-%m-%d %H:%i'), ''), "
	  "COALESCE(DATE_FORMAT(a.paid_at, '%Y-%m-%d %H:%i'), ''), "
	  "COALESCE((SELECT o.state FROM pay_order o WHERE o.application_id = a.id ORDER BY o.id DESC LIMIT 1), '') "
	  "FROM applications a " PAY_SCOPE "LEFT JOIN worktypes wt ON wt.code = a.target_worktype "
	  "WHERE a.year = ? AND a.state = 'approved' AND " SCOPE("u", "me") " "
	  "AND (? = 0 OR a.target_level = ?) AND (? = 'all' OR (? = 'due' AND a.paid_at IS NULL) "
	  "OR (? = 'paid' AND a.paid_at IS NOT NULL)) ORDER BY a.decided_at, a.id LIMIT ? OFFSET ?", O },
	[STMT_PW_ORD_COUNT] = { "iissss", "i", "SELECT COUNT(*) FROM pay_order o "
	  "JOIN applications a ON a.id = o.application_id " PAY_SCOPE
	  "WHERE o.year = ? AND " SCOPE("u", "me") " AND (? = '' OR o.state = ?) "
	  "AND (? = '' OR o.order_no = ?)", O },
	[STMT_PW_ORD_LIST] = { "iissssii", "ssisssssibis", "SELECT o.order_no, o.state, o.amount_fen, "
	  "COALESCE(o.trade_no, ''), COALESCE(o.pay_code, ''), DATE_FORMAT(o.created_at, '%Y-%m-%d %H:%i'), "
	  "COALESCE(DATE_FORMAT(o.paid_at, '%Y-%m-%d %H:%i'), ''), ac.name, ac.id, ac.idno_enc, o.level, u.name "
	  "FROM pay_order o JOIN applications a ON a.id = o.application_id " PAY_SCOPE
	  "WHERE o.year = ? AND " SCOPE("u", "me") " AND (? = '' OR o.state = ?) "
	  "AND (? = '' OR o.order_no = ?) ORDER BY o.id DESC LIMIT ? OFFSET ?", O },
	/* 缴费统计: money received (orders PAID), by unit, level and day. */
	[STMT_PW_STAT_UNIT] = { "ii", "sii", "SELECT u.name, COUNT(*), SUM(o.amount_fen) FROM pay_order o "
	  "JOIN applications a ON a.id = o.application_id " PAY_SCOPE
	  "WHERE o.year = ? AND o.state = 'PAID' AND " SCOPE("u", "me") " "
	  "GROUP BY u.id, u.name ORDER BY u.name LIMIT 1000", O },
	[STMT_PW_STAT_LEVEL] = { "ii", "iii", "SELECT o.level, COUNT(*), SUM(o.amount_fen) FROM pay_order o "
	  "JOIN applications a ON a.id = o.application_id " PAY_SCOPE
	  "WHERE o.year = ? AND o.state = 'PAID' AND " SCOPE("u", "me") " "
	  "GROUP BY o.level ORDER BY o.level", O },
	[STMT_PW_STAT_DAY] = { "ii", "sii", "SELECT DATE_FORMAT(o.paid_at, '%Y-%m-%d'), COUNT(*), SUM(o.amount_fen) "
	  "FROM pay_order o JOIN applications a ON a.id = o.application_id " PAY_SCOPE
	  "WHERE o.year = ? AND o.state = 'PAID' AND " SCOPE("u", "me") " "
	  "GROUP BY DATE(o.paid_at) ORDER BY DATE(o.paid_at) LIMIT 400", O },
	/* 退费与逾期到账: double and late payments, their decisions. */
	[STMT_PW_CASE_LIST] = { "ii", "isssisssss", "SELECT p.id, p.kind, p.status, p.trade_no, p.amount_fen, "
	  "DATE_FORMAT(p.paid_at, '%Y-%m-%d %H:%i'), o.order_no, o.state, ac.name, u.name "
	  "FROM pay_payment p JOIN pay_order o ON o.id = p.order_id "
	  "JOIN applications a ON a.id = p.application_id " PAY_SCOPE
	  "WHERE o.year = ? AND p.kind IN ('double', 'late') AND " SCOPE("u", "me") " "
	  "ORDER BY p.status = 'open' DESC, p.status = 'refund_due' DESC, p.id DESC LIMIT 500", O },
	[STMT_PW_CASE_DECISIONS] = { "ii", "issss", "SELECT d.payment_id, d.action, d.reason, s.name, "
	  "DATE_FORMAT(d.at, '%Y-%m-%d %H:%i') FROM pay_decision d JOIN accounts s ON s.id = d.account_id "
	  "JOIN pay_payment p ON p.id = d.payment_id JOIN pay_order o ON o.id = p.order_id "
	  "JOIN applications a ON a.id = p.application_id " PAY_SCOPE
	  "WHERE o.year = ? AND " SCOPE("u", "me") " ORDER BY d.id LIMIT 2000", O },
	[STMT_PW_CASE_LOCK] = { "ii", "ssiisi", "SELECT p.kind, p.status, p.order_id, p.application_id, o.state, "
	  "a.paid_at IS NOT NULL FROM pay_payment p JOIN pay_order o ON o.id = p.order_id "
	  "JOIN applications a ON a.id = p.application_id JOIN units u ON u.id = a.unit_id "
	  "JOIN units me ON me.id = ? WHERE p.id = ? AND " SCOPE("u", "me") " FOR UPDATE", O },
	[STMT_PW_CASE_SET] = { "si", "", "UPDATE pay_payment SET status = ? WHERE id = ?", O },
	[STMT_PW_CASE_ORDER] = { "ssi", "", "UPDATE pay_order SET state = ?, version = version + 1, "
	  "updated_at = NOW() WHERE state = ? AND id = ?", O },
	[STMT_PW_CASE_APP_PAID] = { "iii", "", "UPDATE applications SET paid_at = "
	  "(SELECT p.paid_at FROM pay_payment p WHERE p.id = ?), paid_order_id = ? "
	  "WHERE id = ? AND paid_at IS NULL", O },
	[STMT_PW_DECISION] = { "iissi", "", "INSERT INTO pay_decision (payment_id, diff_id, action, reason, "
	  "account_id, at) VALUES (NULLIF(?, 0), NULLIF(?, 0), ?, ?, ?, NOW())", O },
	/* 对账 (province) */
	[STMT_PW_RECON_RUNS] = { "", "isiiiss", "SELECT r.id, DATE_FORMAT(r.stmt_date, '%Y-%m-%d'), r.rows_total, "
	  "r.sum_fen, r.diffs, r.file_name, COALESCE(DATE_FORMAT(r.finished_at, '%Y-%m-%d %H:%i'), '') "
	  "FROM pay_recon_run r ORDER BY r.id DESC LIMIT 60", P },
	[STMT_PW_RECON_DIFFS] = { "", "iisssiii", "SELECT d.id, d.run_id, d.kind, COALESCE(d.order_no, ''), "
	  "COALESCE(d.trade_no, ''), COALESCE(d.ours_fen, -1), COALESCE(d.theirs_fen, -1), d.resolved "
	  "FROM pay_recon_diff d ORDER BY d.resolved, d.id DESC LIMIT 500", P },
	[STMT_PW_RECON_NOTES] = { "", "issss", "SELECT d.diff_id, d.action, d.reason, s.name, "
	  "DATE_FORMAT(d.at, '%Y-%m-%d %H:%i') FROM pay_decision d JOIN accounts s ON s.id = d.account_id "
	  "WHERE d.diff_id IS NOT NULL ORDER BY d.id DESC LIMIT 500", P },
	[STMT_PW_RECON_RESOLVE] = { "i", "", "UPDATE pay_recon_diff SET resolved = 1 WHERE id = ? AND resolved = 0", P },
#undef PAY_SCOPE
	/* end payment pages */
	/* 报名信息查询 (appquery.c, h_query.c); see AQ_WHERE. */
	[STMT_AQ_UNIT] = { "is", "i", "SELECT u.id FROM units u JOIN units me ON me.id = ? "
	  "WHERE u.code = ? AND " IN_SCOPE, Q },
	[STMT_AQ_REGION] = { "is", "i", "SELECT EXISTS (SELECT 1 FROM units u JOIN units me ON me.id = ? "
	  "WHERE ? IN (u.city_code, u.county_code, u.region_code) AND " IN_SCOPE ")", Q },
	[STMT_AQ_COUNT] = { "iissiissssiissssssiissib", "i", "SELECT COUNT(*) " AQ_FROM_WHERE, Q },
	[STMT_AQ_LIST] = { "iissiissssiissssssiissibii", "iisbsssssisssis", AQ_COLS AQ_WHERE
	  "ORDER BY a.id DESC LIMIT ? OFFSET ?", Q },
	/* The export, a chunk at a time after the last id sent. */
	[STMT_AQ_EXPORT] = { "iissiissssiissssssiissibii", "iisbsssssisssis", AQ_COLS AQ_WHERE
	  "AND a.id > ? ORDER BY a.id LIMIT ?", Q },

	/* 信息统计 (h_stats.c): the province's, then any office's. */
	[STMT_ST_LEVEL_ALL] = { "i", "sii", "SELECT state, COALESCE(target_level, 0), COUNT(*) "
	  "FROM applications FORCE INDEX (applications_stat_state) "
	  "WHERE year = ? AND unit_id IS NOT NULL GROUP BY state, target_level", P },
	[STMT_ST_WT_ALL] = { "i", "ssi", "SELECT COALESCE(g.wt, ''), COALESCE(w.name, ''), g.n "
	  "FROM (SELECT target_worktype wt, COUNT(*) n FROM applications "
	  "FORCE INDEX (applications_stat_wt) WHERE year = ? AND unit_id IS NOT NULL "
	  "GROUP BY target_worktype) g LEFT JOIN worktypes w ON w.code = g.wt "
	  "ORDER BY g.n DESC, g.wt", P },
	[STMT_ST_UNIT_ALL] = { "ii", "ssi", "SELECT u.code, u.name, g.n FROM " ST_BYUNIT
	  "JOIN units u ON u.id = g.unit_id ORDER BY g.n DESC, u.code LIMIT ?", P },
	[STMT_ST_REGION_ALL] = { "i", "ssi", "SELECT COALESCE(u.city_code, ''), COALESCE(r.name, ''), "
	  "SUM(g.n) FROM " ST_BYUNIT "JOIN units u ON u.id = g.unit_id "
	  "LEFT JOIN regions r ON r.code = u.city_code GROUP BY u.city_code ORDER BY u.city_code", P },
	[STMT_ST_LEVEL] = { "ii", "sii", "SELECT a.state, COALESCE(a.target_level, 0), COUNT(*) "
	  ST_APPS "WHERE " IN_SCOPE " GROUP BY a.state, a.target_level", Q },
	[STMT_ST_WT] = { "ii", "ssi", "SELECT COALESCE(a.target_worktype, ''), COALESCE(w.name, ''), "
	  "COUNT(*) " ST_APPS "LEFT JOIN worktypes w ON w.code = a.target_worktype "
	  "WHERE " IN_SCOPE " GROUP BY a.target_worktype ORDER BY COUNT(*) DESC, "
	  "a.target_worktype", Q },
	[STMT_ST_UNIT] = { "iii", "ssi", "SELECT u.code, u.name, COUNT(*) " ST_APPS
	  "WHERE " IN_SCOPE " GROUP BY u.id ORDER BY COUNT(*) DESC, u.code LIMIT ?", Q },
	[STMT_ST_REGION] = { "ii", "ssi", "SELECT COALESCE(" ST_REGION ", ''), COALESCE(r.name, ''), "
	  "COUNT(*) " ST_APPS "LEFT JOIN regions r ON r.code = " ST_REGION " "
	  "WHERE " IN_SCOPE " GROUP BY " ST_REGION " ORDER BY " ST_REGION, Q },
	/* The snapshot of an account unit's counts (h_stats.c st_counts). */
	[STMT_ST_SNAP_GET] = { "iii", "isb", "SELECT made_at > NOW(3) - INTERVAL ? SECOND, "
	  "DATE_FORMAT(made_at, '%Y-%m-%d %H:%i:%s'), body FROM stats_snapshot "
	  "WHERE unit_id = ? AND year = ?", Q },
	[STMT_ST_SNAP_PUT] = { "iib", "", "REPLACE INTO stats_snapshot (unit_id, year, made_at, body) "
	  "VALUES (?, ?, NOW(3), ?)", Q },
	[STMT_ST_LOCK] = { "s", "i", "SELECT COALESCE(GET_LOCK(?, 0), 0)", Q },
	[STMT_ST_UNLOCK] = { "s", "i", "SELECT COALESCE(RELEASE_LOCK(?), 0)", Q },
	/* The query's region choices: a city's counties, the province's cities. */
	[STMT_AQ_REGIONS] = { "i", "ss", "SELECT g.code, g.name FROM regions g JOIN units me ON me.id = ? "
	  "WHERE (me.kind = 'province' AND g.kind IN ('city', 'direct_county')) "
	  "OR (me.kind = 'city' AND g.parent_code = me.region_code) ORDER BY g.code", Q },

	/*
	 * appprint.c: the registration form (报名表) as PDF, for its
	 * candidate after the submission and for staff of its chain
	 * (queue_sees first); roster.c, report.c: 名册 and 汇总上报.
	 */
	[STMT_AF_MINE] = { "i", "i", "SELECT id FROM applications WHERE account_id = ? "
	  "AND state IN ('submitted', 'approved')", C },
	[STMT_AF_APP] = { "i", "isiisbbssssss", "SELECT a.id, a.state, a.year, c.id, c.name, "
	  "c.idno_enc, c.phone_enc, COALESCE(c.gender, ''), "
	  "COALESCE(DATE_FORMAT(c.birth_date, '%Y-%m-%d'), ''), COALESCE(g.name, ''), "
	  "COALESCE(u.name, ''), COALESCE(u.code, ''), "
	  "COALESCE(DATE_FORMAT(a.submitted_at, '%Y-%m-%d %H:%i'), '') "
	  "FROM applications a JOIN accounts c ON c.id = a.account_id "
	  "LEFT JOIN regions g ON g.code = c.region_code "
	  "LEFT JOIN units u ON u.id = a.unit_id WHERE a.id = ?", C | S },
	[STMT_AF_MORE] = { "i", "ssiisissssiiii", "SELECT COALESCE(ed.name, ''), "
	  "COALESCE(DATE_FORMAT(a.work_start, '%Y-%m-%d'), ''), COALESCE(a.work_years, -1), "
	  "COALESCE(a.cur_level, -1), COALESCE(cw.name, a.cur_worktype, ''), "
	  "COALESCE(a.cur_level_year, 0), COALESCE(a.unit_category, ''), "
	  "COALESCE(a.unit_rank, ''), COALESCE(tw.name, a.target_worktype, ''), "
	  "COALESCE(a.route, ''), COALESCE(a.target_level, 0), COALESCE(a.prohibited, -1), "
	  "a.exceptional, a.exc_entered_by IS NOT NULL FROM applications a "
	  "LEFT JOIN education ed ON ed.code = a.education "
	  "LEFT JOIN worktypes cw ON cw.code = a.cur_worktype "
	  "LEFT JOIN worktypes tw ON tw.code = a.target_worktype WHERE a.id = ?", C | S },
	[STMT_AF_TEXTS] = { "i", "sssssss", "SELECT appraisal_note, exc_conditions, exc_evidence, "
	  "COALESCE(resume, ''), COALESCE(rewards, ''), COALESCE(achievements, ''), "
	  "opt_conditions FROM applications WHERE id = ?", C | S },
	[STMT_AF_APPRAISALS] = { "i", "is", "SELECT p.year, COALESCE(g.name, p.grade) "
	  "FROM appraisals p LEFT JOIN appraisal g ON g.code = p.grade "
	  "WHERE p.application_id = ? ORDER BY p.year", C | S },
	[STMT_AF_PHOTO] = { "i", "s", "SELECT file FROM materials WHERE application_id = ? "
	  "AND kind = 'photo' ORDER BY id DESC LIMIT 1", C | S },
	[STMT_AF_CHAIN] = { "i", "iss", "SELECT h.step, h.level, u.name FROM app_chain h "
	  "JOIN units u ON u.id = h.unit_id WHERE h.application_id = ? ORDER BY h.step", C | S },
	/* roster.c: 名册, the filters (AQ_WHERE), the ticked ids, a chunk. */
	[STMT_RS_COUNT] = { "iissiissssiissssssiissibss", "i", "SELECT COUNT(*) " AQ_FROM_WHERE
	  "AND (? = '' OR FIND_IN_SET(a.id, ?))", RSR },
	[STMT_RS_ROWS] = { "iissiissssiissssssiissibssssii", "iisbbssssiss", "SELECT a.id, c.id, "
	  "c.name, c.idno_enc, c.phone_enc, COALESCE(c.gender, ''), u.code, u.name, "
	  "COALESCE(w.name, ''), COALESCE(a.target_level, 0), COALESCE(a.route, ''), "
	  "COALESCE(DATE_FORMAT(a.decided_at, '%Y-%m-%d'), '') " AQ_FROM
	  "LEFT JOIN worktypes w ON w.code = a.target_worktype " AQ_WHERE
	  "AND (? = '' OR FIND_IN_SET(a.id, ?)) AND (u.code > ? OR (u.code = ? AND a.id > ?)) "
	  "ORDER BY u.code, a.id LIMIT ?", RSR },
	/*
	 * report.c: 汇总上报, the snapshots of the city offices and the 省直
	 * supervising units (RPT), read by them and the province.
	 */
	[STMT_RP_UNIT] = { "i", "ss", "SELECT u.kind, g.kind FROM units u "
	  "JOIN regions g ON g.code = u.region_code WHERE u.id = ?", RPT },
	[STMT_RP_MINE] = { "iis", "isissss", "SELECT id, state, nrows, digest, "
	  "DATE_FORMAT(reported_at, '%Y-%m-%d %H:%i'), COALESCE(DATE_FORMAT(reopened_at, "
	  "'%Y-%m-%d %H:%i'), ''), COALESCE(reopen_reason, '') FROM reports "
	  "WHERE year = ? AND unit_id = ? AND kind = ? ORDER BY id DESC LIMIT 20", RPT },
	[STMT_RP_LOCK_UNIT] = { "i", "i", "SELECT id FROM units WHERE id = ? FOR UPDATE", RPT },
	[STMT_RP_LAST_STATE] = { "iis", "s", "SELECT state FROM reports WHERE year = ? "
	  "AND unit_id = ? AND kind = ? ORDER BY id DESC LIMIT 1", RPT },
	[STMT_RP_INSERT] = { "isii", "", "INSERT INTO reports (year, kind, unit_id, state, nrows, "
	  "digest, reported_by, reported_at) VALUES (?, ?, ?, 'reported', 0, '', ?, NOW())", RPT },
	[STMT_RP_COPY] = { "iii", "", "INSERT INTO report_rows (report_id, n, application_id, "
	  "account_id, name, gender, idno_enc, phone_enc, unit_code, unit_name, worktype, level, "
	  "route, decided) SELECT ?, ROW_NUMBER() OVER (ORDER BY u.code, a.id), a.id, c.id, "
	  "c.name, COALESCE(c.gender, ''), c.idno_enc, c.phone_enc, u.code, u.name, "
	  "COALESCE(w.name, ''), COALESCE(a.target_level, 0), COALESCE(a.route, ''), "
	  "COALESCE(DATE_FORMAT(a.decided_at, '%Y-%m-%d'), '') FROM applications a "
	  "JOIN units u ON u.id = a.unit_id JOIN units me ON me.id = ? "
	  "JOIN accounts c ON c.id = a.account_id "
	  "LEFT JOIN worktypes w ON w.code = a.target_worktype "
	  "WHERE " SCOPE("u", "me") " AND a.year = ? AND a.state = 'approved'", RPT },
	[STMT_RP_ROWS] = { "iii", "iiisbbsssssis", "SELECT n, application_id, account_id, name, "
	  "idno_enc, phone_enc, gender, unit_code, unit_name, worktype, route, level, decided "
	  "FROM report_rows WHERE report_id = ? AND n > ? ORDER BY n LIMIT ?", RPT },
	[STMT_RP_SEAL] = { "isi", "", "UPDATE reports SET nrows = ?, digest = ? WHERE id = ?", RPT },
	[STMT_RP_GET] = { "is", "iiisssisss", "SELECT r.id, r.year, r.unit_id, u.name, u.code, "
	  "r.state, r.nrows, r.digest, DATE_FORMAT(r.reported_at, '%Y-%m-%d %H:%i'), "
	  "COALESCE(a.name, '') FROM reports r JOIN units u ON u.id = r.unit_id "
	  "LEFT JOIN accounts a ON a.id = r.reported_by WHERE r.id = ? AND r.kind = ?", RPT },
	[STMT_RP_REPORTERS] = { "is", "isssisiss", "SELECT u.id, u.code, u.name, u.kind, "
	  "COALESCE(rp.id, 0), COALESCE(rp.state, ''), COALESCE(rp.nrows, 0), "
	  "COALESCE(DATE_FORMAT(rp.reported_at, '%Y-%m-%d %H:%i'), ''), COALESCE(rp.digest, '') "
	  "FROM units u JOIN regions g ON g.code = u.region_code LEFT JOIN reports rp "
	  "ON rp.id = (SELECT MAX(x.id) FROM reports x WHERE x.year = ? AND x.kind = ? "
	  "AND x.unit_id = u.id) "
	  "WHERE u.kind = 'city' OR (u.kind = 'supervising' AND g.kind = 'province') "
	  "ORDER BY u.kind, u.code LIMIT 500", P },
	[STMT_RP_REOPEN_LOCK] = { "is", "si", "SELECT state, unit_id FROM reports WHERE id = ? "
	  "AND kind = ? FOR UPDATE", P },
	[STMT_RP_REOPEN] = { "isi", "", "UPDATE reports SET state = 'reopened', reopened_by = ?, "
	  "reopened_at = NOW(), reopen_reason = ? WHERE id = ? AND state = 'reported'", P },

	/*
	 * gkbm-admin (fcgi/admin/), as the owner account, each prepared on
	 * first use (its migrate runs before the tables exist) and all of
	 * them by `gkbm-admin check`.  Not here: DDL (the migration files
	 * and the schema_version table that records them) and GRANT/REVOKE,
	 * whose names are identifiers, not placeholders (admin_schema.c).
	 */
#define ADM		0, PROG_ADMIN
	[STMT_ADM_VERSION_LIST] = { "", "i", "SELECT version FROM schema_version ORDER BY version", ADM },
	[STMT_ADM_VERSION_INSERT] = { "is", "", "INSERT INTO schema_version (version, name, applied_at) "
	  "VALUES (?, ?, NOW())", ADM },
	[STMT_ADM_TABLE_LIST] = { "", "s", "SELECT table_name FROM information_schema.tables "
	  "WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY table_name", ADM },
	[STMT_ADM_REGION_UPSERT] = { "sssssss", "", "INSERT INTO regions (code, name, parent_code, kind, "
	  "division_type, direct_county, note) VALUES (?, ?, ?, ?, ?, ?, ?) "
	  "ON DUPLICATE KEY UPDATE name = VALUES(name), parent_code = VALUES(parent_code), "
	  "kind = VALUES(kind), division_type = VALUES(division_type), "
	  "direct_county = VALUES(direct_county), note = VALUES(note)", ADM },
	[STMT_ADM_WORKTYPE_UPSERT] = { "ssssssss", "", "INSERT INTO worktypes (code, name, pinyin, category, "
	  "status, level1_open, source, source_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
	  "ON DUPLICATE KEY UPDATE name = VALUES(name), pinyin = VALUES(pinyin), "
	  "category = VALUES(category), status = VALUES(status), "
	  "level1_open = VALUES(level1_open), source = VALUES(source), "
	  "source_ref = VALUES(source_ref)", ADM },
	[STMT_ADM_WTMAP_PRUNE] = { "ss", "", "DELETE FROM worktype_map "
	  "WHERE old_code = ? AND FIND_IN_SET(new_code, ?) = 0", ADM },
	[STMT_ADM_WTMAP_INSERT] = { "ss", "", "INSERT INTO worktype_map (old_code, new_code) VALUES (?, ?) "
	  "ON DUPLICATE KEY UPDATE new_code = new_code", ADM },
	[STMT_ADM_EDUCATION_UPSERT] = { "sssss", "", "INSERT INTO education (code, name, full_name, rank, note) "
	  "VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE name = VALUES(name), "
	  "full_name = VALUES(full_name), rank = VALUES(rank), note = VALUES(note)", ADM },
	[STMT_ADM_APPRAISAL_UPSERT] = { "ssssss", "", "INSERT INTO appraisal (code, name, alt_name, rank, "
	  "counts_as_pass, note) VALUES (?, ?, ?, ?, ?, ?) "
	  "ON DUPLICATE KEY UPDATE name = VALUES(name), alt_name = VALUES(alt_name), "
	  "rank = VALUES(rank), counts_as_pass = VALUES(counts_as_pass), "
	  "note = VALUES(note)", ADM },
	[STMT_ADM_YEAR_GET] = { "i", "i", "SELECT year FROM years WHERE year = ?", ADM },
	[STMT_ADM_YEAR_UPSERT] = { "is", "", "INSERT INTO years (year, title, is_current) VALUES (?, ?, 0) "
	  "ON DUPLICATE KEY UPDATE title = VALUES(title)", ADM },
	[STMT_ADM_YEAR_CURRENT] = { "i", "", "UPDATE years SET is_current = (year = ?)", ADM },
	[STMT_ADM_WINDOW_UPSERT] = { "isss", "", "INSERT INTO windows (year, kind, region_code, starts_at, "
	  "ends_at, updated_by, updated_at) VALUES (?, ?, '', ?, ?, NULL, NOW()) "
	  "ON DUPLICATE KEY UPDATE starts_at = VALUES(starts_at), "
	  "ends_at = VALUES(ends_at), updated_by = NULL, updated_at = NOW()", ADM },
	[STMT_ADM_REGION_GET] = { "s", "si", "SELECT kind, direct_county FROM regions WHERE code = ?", ADM },
	[STMT_ADM_UNIT_GET] = { "s", "is", "SELECT id, kind FROM units WHERE code = ?", ADM },
	[STMT_ADM_UNIT_INSERT] = { "sssis", "", "INSERT INTO units (code, name, kind, parent_id, region_code, "
	  "created_at) VALUES (?, ?, ?, NULLIF(?, 0), ?, NOW())", ADM },
	/* After a unit is created, moved or given another region: the unit
	 * and the units below it (whose 省直 status follows their parent). */
	[STMT_UNIT_PLACE] = { "ii", "", UNIT_PLACE_SQL "WHERE u.id = ? OR u.parent_id = ?",
	  O | RB(ROLE_SUPERVISING), PROG_WEB | PROG_ADMIN },
	[STMT_ADM_UNIT_SET_ADMIN] = { "ii", "", "UPDATE units SET admin_id = ? WHERE id = ?", ADM },
	[STMT_ADM_LOGIN_GET] = { "s", "i", "SELECT id FROM accounts WHERE login = ?", ADM },
	[STMT_ADM_ACCOUNT_BY_IDNO] = { "ib", "i", "SELECT id FROM accounts WHERE year = ? AND idno_mac = ?", ADM },
	[STMT_ADM_ACCOUNT_BY_PHONE] = { "ib", "i", "SELECT id FROM accounts WHERE year = ? AND phone_mac = ?", ADM },
	[STMT_ADM_STAFF_INSERT] = { "sissbsi", "", "INSERT INTO accounts (role, year, unit_id, login, name, "
	  "phone_mac, pw_hash, pw_must_change, pw_changed_at, created_at) "
	  "VALUES (?, 0, ?, ?, ?, ?, ?, ?, NOW(), NOW())", ADM },
	[STMT_ADM_CANDIDATE_INSERT] = { "isbbsssis", "", "INSERT INTO accounts (role, year, name, idno_mac, "
	  "phone_mac, gender, birth_date, region_code, level, pw_hash, pw_must_change, "
	  "pw_changed_at, consent_version, consent_at, created_at) VALUES ('candidate', ?, ?, ?, ?, "
	  "?, ?, ?, ?, ?, 0, NOW(), 'admin', NOW(), NOW())", ADM },
	/* Sealed bound to the row, so made after it. */
	[STMT_ADM_SEAL_IDNO] = { "bi", "", "UPDATE accounts SET idno_enc = ? WHERE id = ?", ADM },
	[STMT_ADM_SEAL_PHONE] = { "bi", "", "UPDATE accounts SET phone_enc = ? WHERE id = ?", ADM },
	[STMT_ADM_AUDIT_INSERT] = { "ss", "", "INSERT INTO audit (at, account_id, role, unit_id, ip, "
	  "request_id, event, object, result, reason) VALUES (NOW(3), NULL, '', NULL, "
	  "'', '', ?, ?, 'ok', 'gkbm-admin')", ADM },
	[STMT_ADM_SWEEP_SESSIONS] = { "ii", "", "DELETE FROM sessions WHERE seen_at < NOW() - INTERVAL ? SECOND "
	  "OR created_at < NOW() - INTERVAL ? SECOND", ADM },
	[STMT_ADM_SWEEP_ATTEMPTS] = { "", "", "DELETE FROM login_attempts WHERE at < NOW() - INTERVAL 2 DAY", ADM },
	[STMT_ADM_SWEEP_SMSCODES] = { "", "", "DELETE FROM sms_codes WHERE created_at < NOW() - INTERVAL 2 DAY", ADM },
	[STMT_ADM_WORKTYPE_LIST] = { "", "ss", "SELECT code, name FROM worktypes ORDER BY code", ADM },
	[STMT_ADM_QUALIFIED_UPSERT] = { "bsii", "", "INSERT INTO qualified (idno_mac, worktype, level, year) "
	  "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE year = VALUES(year)", ADM },
	/* What refused registrations kept (regkeep.c). */
	[STMT_ADM_KEPT_OLD] = { "", "ss", "SELECT HEX(id), COALESCE(file, '') FROM register_keep "
	  "WHERE created_at < NOW() - INTERVAL 30 MINUTE", ADM },
	[STMT_ADM_KEPT_DELETE] = { "s", "", "DELETE FROM register_keep WHERE id = UNHEX(?)", ADM },
	[STMT_ADM_TOTP_RESET] = { "bi", "", "UPDATE accounts SET totp_enc = NULL, totp_step = 0, "
	  "totp_enroll_mac = ?, totp_enroll_until = NOW() + INTERVAL 72 HOUR "
	  "WHERE id = ? AND role IN ('city', 'province', 'county', 'unit', "
	  "'reviewer', 'supervising')", ADM },
	[STMT_ADM_TOTP_PENDING_DROP] = { "i", "", "DELETE FROM login_pending WHERE account_id = ?", ADM },
	[STMT_ADM_TOTP_SESSIONS_DROP] = { "i", "", "DELETE FROM sessions WHERE account_id = ?", ADM },
	/*
	 * pii-rekey (admin_pii.c), a pair per sealed column: its rows (key,
	 * the row id the value is bound to, value) and the update of one
	 * row's value (new value, key, old value).  login_pending is bound
	 * to its account.
	 */
	[STMT_ADM_REKEY_IDNO_LIST] = { "", "bib", "SELECT id, id, idno_enc FROM accounts "
	  "WHERE idno_enc IS NOT NULL", ADM },
	[STMT_ADM_REKEY_IDNO_SET] = { "bbb", "", "UPDATE accounts SET idno_enc = ? "
	  "WHERE id = ? AND idno_enc = ?", ADM },
	[STMT_ADM_REKEY_PHONE_LIST] = { "", "bib", "SELECT id, id, phone_enc FROM accounts "
	  "WHERE phone_enc IS NOT NULL", ADM },
	[STMT_ADM_REKEY_PHONE_SET] = { "bbb", "", "UPDATE accounts SET phone_enc = ? "
	  "WHERE id = ? AND phone_enc = ?", ADM },
	[STMT_ADM_REKEY_TOTP_LIST] = { "", "bib", "SELECT id, id, totp_enc FROM accounts "
	  "WHERE totp_enc IS NOT NULL", ADM },
	[STMT_ADM_REKEY_TOTP_SET] = { "bbb", "", "UPDATE accounts SET totp_enc = ? "
	  "WHERE id = ? AND totp_enc = ?", ADM },
	[STMT_ADM_REKEY_PENDING_LIST] = { "", "bib", "SELECT id, account_id, secret_enc FROM login_pending "
	  "WHERE secret_enc IS NOT NULL", ADM },
	[STMT_ADM_REKEY_PENDING_SET] = { "bbb", "", "UPDATE login_pending SET secret_enc = ? "
	  "WHERE id = ? AND secret_enc = ?", ADM },
	[STMT_ADM_REKEY_OUTPHONE_LIST] = { "", "bib", "SELECT id, id, phone_enc FROM sms_outbox "
	  "WHERE phone_enc <> ''", ADM },
	[STMT_ADM_REKEY_OUTPHONE_SET] = { "bbb", "", "UPDATE sms_outbox SET phone_enc = ? "
	  "WHERE id = ? AND phone_enc = ?", ADM },
	[STMT_ADM_REKEY_OUTBODY_LIST] = { "", "bib", "SELECT id, id, body_enc FROM sms_outbox "
	  "WHERE body_enc <> ''", ADM },
	[STMT_ADM_REKEY_OUTBODY_SET] = { "bbb", "", "UPDATE sms_outbox SET body_enc = ? "
	  "WHERE id = ? AND body_enc = ?", ADM },
	/*
	 * 汇总上报's rows keep the account's sealed values as copied, bound
	 * to the account: each distinct value once, every row holding it
	 * sealed again at once (0024-house.sql's index).
	 */
	[STMT_ADM_REKEY_RPIDNO_LIST] = { "", "bib", "SELECT DISTINCT account_id, account_id, "
	  "idno_enc FROM report_rows WHERE idno_enc IS NOT NULL", ADM },
	[STMT_ADM_REKEY_RPIDNO_SET] = { "bbb", "", "UPDATE report_rows SET idno_enc = ? "
	  "WHERE account_id = ? AND idno_enc = ?", ADM },
	[STMT_ADM_REKEY_RPPHONE_LIST] = { "", "bib", "SELECT DISTINCT account_id, account_id, "
	  "phone_enc FROM report_rows WHERE phone_enc IS NOT NULL", ADM },
	[STMT_ADM_REKEY_RPPHONE_SET] = { "bbb", "", "UPDATE report_rows SET phone_enc = ? "
	  "WHERE account_id = ? AND phone_enc = ?", ADM },
	/* ban-lift (admin_review.c): 填报虚假信息's bans in force, lifted */
	[STMT_ADM_BAN_LIST] = { "b", "iiiis", "SELECT b.id, b.application_id, b.year_from, b.year_to, "
	  "a.state FROM bans b JOIN applications a ON a.id = b.application_id "
	  "WHERE b.idno_mac = ? AND b.lifted_at IS NULL ORDER BY b.id FOR UPDATE", ADM },
	[STMT_ADM_BAN_LIFT] = { "si", "", "UPDATE bans SET lifted_at = NOW(), lift_reason = ? "
	  "WHERE id = ? AND lifted_at IS NULL", ADM },
	/* admin_pay.c: payment settings, the sweep, reconciliation */
	[STMT_PWA_CITY_SET] = { "isi", "", "INSERT INTO pay_city (year, city_code, online, updated_at) "
	  "VALUES (?, ?, ?, NOW()) ON DUPLICATE KEY UPDATE online = VALUES(online), updated_at = NOW()", ADM },
	[STMT_PWA_WINDOW_SET] = { "isss", "", "INSERT INTO windows (year, kind, region_code, starts_at, ends_at, "
	  "updated_at) VALUES (?, 'payment', ?, ?, ?, NOW()) ON DUPLICATE KEY UPDATE "
	  "starts_at = VALUES(starts_at), ends_at = VALUES(ends_at), updated_at = NOW()", ADM },
	[STMT_PWA_LEVEL_SET] = { "iiii", "", "INSERT INTO pay_level (year, level, fee_fen, wait_hours, updated_at) "
	  "VALUES (?, ?, ?, ?, NOW()) ON DUPLICATE KEY UPDATE fee_fen = VALUES(fee_fen), "
	  "wait_hours = VALUES(wait_hours), updated_at = NOW()", ADM },
	[STMT_PWA_SWEEP_LIST] = { "", "s", "SELECT order_no FROM pay_order WHERE state = 'PENDING' "
	  "AND expires_at <= NOW() ORDER BY id LIMIT 1000", ADM },
	[STMT_PWA_EXPIRE] = { "s", "", "UPDATE pay_order SET state = 'EXPIRED', closed_at = NOW(), "
	  "updated_at = NOW(), version = version + 1 WHERE order_no = ? AND state = 'PENDING'", ADM },
	[STMT_PWA_RUN_NEW] = { "ssb", "", "INSERT INTO pay_recon_run (stmt_date, file_name, file_sha256, "
	  "started_at) VALUES (?, ?, ?, NOW())", ADM },
	[STMT_PWA_TRADE] = { "s", "is", "SELECT p.amount_fen, o.order_no FROM pay_payment p "
	  "JOIN pay_order o ON o.id = p.order_id WHERE p.trade_no = ?", ADM },
	[STMT_PWA_ORDER_APP] = { "s", "i", "SELECT application_id FROM pay_order WHERE order_no = ?", ADM },
	[STMT_PWA_OURS] = { "ss", "sis", "SELECT p.trade_no, p.amount_fen, o.order_no FROM pay_payment p "
	  "JOIN pay_order o ON o.id = p.order_id WHERE p.paid_at >= ? "
	  "AND p.paid_at < CAST(? AS DATE) + INTERVAL 1 DAY ORDER BY p.id", ADM },
	[STMT_PWA_DIFF_ADD] = { "isssii", "", "INSERT INTO pay_recon_diff (run_id, kind, order_no, trade_no, "
	  "ours_fen, theirs_fen) VALUES (?, ?, ?, ?, NULLIF(?, -1), NULLIF(?, -1))", ADM },
	[STMT_PWA_RUN_DONE] = { "iiii", "", "UPDATE pay_recon_run SET rows_total = ?, sum_fen = ?, diffs = ?, "
	  "finished_at = NOW() WHERE id = ?", ADM },
#undef ADM
	/* end gkbm-admin */

	/*
	 * gkbm-sms (fcgi/sms/), as gkbm-web's account.  A failed row waits
	 * 30, 60, 120, 240 seconds (after it was queued) before its next
	 * try, so a short gateway outage does not use up all tries at once.
	 */
	[STMT_OUTBOX_PENDING] = { "i", "ibb", "SELECT id, phone_enc, body_enc FROM sms_outbox "
	  "WHERE sent_at IS NULL AND tries < 5 AND id > ? "
	  "AND (tries = 0 OR created_at <= NOW() - INTERVAL (15 << tries) SECOND) "
	  "ORDER BY id LIMIT 50", 0, PROG_SMS },
	[STMT_OUTBOX_SENT] = { "i", "", "UPDATE sms_outbox SET sent_at = NOW() "
	  "WHERE id = ? AND sent_at IS NULL", 0, PROG_SMS },
	[STMT_OUTBOX_FAILED] = { "si", "", "UPDATE sms_outbox SET tries = tries + 1, last_error = ? "
	  "WHERE id = ?", 0, PROG_SMS },
	/* end gkbm-sms */

	/*
	 * gkbm-pay (fcgi/pay/): the notifies, kept raw in every case
	 * (pay_notify), their nonces, the payment state machine of
	 * SECURITY.md §3 (pay_notify.c, pay_apply.c) and the hand-over.
	 */
	[STMT_PAY_NOTIFY_INSERT] = { "sb", "", "INSERT INTO pay_notify (received_at, peer_ip, body) "
	  "VALUES (NOW(3), ?, ?)", 0, PROG_PAY },
	[STMT_PAY_NOTIFY_SET] = { "sssisssbssisi", "", "UPDATE pay_notify SET key_id = ?, sign_type = ?, nonce = ?, "
	  "msg_ts = ?, order_no = ?, trade_no = ?, amount_fen = CAST(NULLIF(?, '') AS SIGNED), canon_sha256 = NULLIF(?, ''), verdict = ?, "
	  "detail = ?, http_status = ?, ack = ?, done_at = NOW(3) WHERE id = ?", 0, PROG_PAY },
	[STMT_PAY_NOTIFY_ACK] = { "si", "", "UPDATE pay_notify SET ack = ? WHERE id = ?", 0, PROG_PAY },
	/* A notify refused unread (pay_notify.c notify_read). */
	[STMT_PAY_NOTIFY_REFUSED] = { "sssi", "", "INSERT INTO pay_notify (received_at, peer_ip, "
	  "body, verdict, detail, http_status, done_at) VALUES (NOW(3), ?, '', ?, ?, ?, NOW(3))",
	  0, PROG_PAY },
	[STMT_PAY_NONCE_INSERT] = { "ssbi", "", "INSERT INTO pay_nonce (key_id, nonce, canon_sha256, notify_id, seen_at) "
	  "VALUES (?, ?, ?, ?, NOW())", 0, PROG_PAY },
	[STMT_PAY_NONCE_GET] = { "ss", "bsi", "SELECT n.canon_sha256, COALESCE(p.verdict, ''), COALESCE(p.http_status, 0) "
	  "FROM pay_nonce n LEFT JOIN pay_notify p ON p.id = n.notify_id "
	  "WHERE n.key_id = ? AND n.nonce = ?", 0, PROG_PAY },
	[STMT_PAY_NONCE_SWEEP] = { "", "", "DELETE FROM pay_nonce WHERE seen_at < NOW() - INTERVAL 2 DAY", 0, PROG_PAY },
	[STMT_PAY_ORDER_LOCK] = { "s", "iiissi", "SELECT id, application_id, amount_fen, state, COALESCE(trade_no, ''), version "
	  "FROM pay_order WHERE order_no = ? FOR UPDATE", 0, PROG_PAY },
	[STMT_PAY_PAYMENT_BY_TRADE] = { "s", "is", "SELECT p.order_id, o.order_no FROM pay_payment p "
	  "JOIN pay_order o ON o.id = p.order_id WHERE p.trade_no = ?", 0, PROG_PAY },
	/* The application's row locks its payments: one paid order. */
	[STMT_PAY_APP_LOCK] = { "i", "i", "SELECT COALESCE(paid_order_id, 0) FROM applications "
	  "WHERE id = ? FOR UPDATE", 0, PROG_PAY },
	[STMT_PAY_ORDER_SETTLE] = { "ssssii", "", "UPDATE pay_order SET state = ?, trade_no = ?, "
	  "paid_at = STR_TO_DATE(?, '%Y%m%d%H%i%s'), pay_code = COALESCE(pay_code, ?), "
	  "version = version + 1, updated_at = NOW() WHERE id = ? AND version = ?", 0, PROG_PAY },
	[STMT_PAY_PAYMENT_INSERT] = { "iisisssi", "", "INSERT INTO pay_payment (order_id, application_id, trade_no, "
	  "amount_fen, paid_at, kind, status, notify_id, created_at) "
	  "VALUES (?, ?, ?, ?, STR_TO_DATE(?, '%Y%m%d%H%i%s'), ?, ?, NULLIF(?, 0), NOW())", 0, PROG_PAY },
	[STMT_PAY_APP_SET_PAID] = { "sii", "", "UPDATE applications SET paid_at = STR_TO_DATE(?, '%Y%m%d%H%i%s'), "
	  "paid_order_id = ? WHERE id = ? AND paid_order_id IS NULL", 0, PROG_PAY },
	[STMT_PAY_AUDIT] = { "sssss", "", "INSERT INTO audit (at, role, ip, event, object, result, reason) "
	  "VALUES (NOW(3), 'pay', ?, ?, ?, ?, ?)", 0, PROG_PAY },
	[STMT_PAY_ORDER_HANDOVER] = { "s", "iisiss", "SELECT o.id, o.amount_fen, o.state, o.level, "
	  "COALESCE(r.kind, ''), COALESCE(r.name, '') FROM pay_order o "
	  "LEFT JOIN pay_receipt r ON r.application_id = o.application_id "
	  "WHERE o.order_no = ?", 0, PROG_PAY },
	[STMT_PAY_ORDER_HANDED] = { "i", "", "UPDATE pay_order SET handed_at = NOW(), updated_at = NOW() "
	  "WHERE id = ? AND state = 'PENDING'", 0, PROG_PAY },
	[STMT_PAY_QUERY_INSERT] = { "isssis", "", "INSERT INTO pay_query (order_id, asked_at, reason, state, "
	  "trade_no, amount_fen, detail) VALUES (?, NOW(), ?, ?, NULLIF(?, ''), NULLIF(?, 0), ?)", 0, PROG_PAY },
	[STMT_PAY_ORDER_STATE] = { "s", "is", "SELECT id, state FROM pay_order WHERE order_no = ?", 0, PROG_PAY },
	[STMT_PAY_ORDER_QUERIED] = { "i", "", "UPDATE pay_order SET queried_at = NOW() WHERE id = ?", 0, PROG_PAY },
	/* A PENDING order past its time that the platform says is unpaid. */
	[STMT_PAY_ORDER_EXPIRE] = { "i", "", "UPDATE pay_order SET state = 'EXPIRED', closed_at = NOW(), "
	  "version = version + 1, updated_at = NOW() WHERE id = ? AND state = 'PENDING' "
	  "AND expires_at <= NOW()", 0, PROG_PAY },
	/*
	 * Orders to query: handed over, PENDING longer than pay_order_minutes
	 * (or past expires_at), not queried in the last such period.
	 */
	[STMT_PAY_ORDER_DUE] = { "ii", "s", "SELECT order_no FROM pay_order WHERE state = 'PENDING' "
	  "AND handed_at IS NOT NULL AND (handed_at <= NOW() - INTERVAL ? MINUTE OR expires_at <= NOW()) "
	  "AND (queried_at IS NULL OR queried_at <= NOW() - INTERVAL ? MINUTE) "
	  "ORDER BY handed_at LIMIT 20", 0, PROG_PAY },
	/* end gkbm-pay */

	/*
	 * plan: the exam plan of a year and exam region, its seats and runs
	 * (fcgi/model/exam.c; the pages and gkbm-admin's exam commands as a
	 * city or province office).  EXAM_REGION(u) is the exam region of
	 * an application of unit u: its city, else (省直, 中央驻豫) the
	 * province's region code (pv, joined by EXAM_PROVINCE once, not a
	 * subquery a row: 100,000 rows took 11 s so).  EXAM_ADMITTED(a): may
	 * be given a seat (pc: the region's pay_city row, EXAM_PAY).
	 */
#define EXAM_PROVINCE "JOIN (SELECT p.code FROM regions p WHERE p.kind = 'province' " \
	"ORDER BY p.code LIMIT 1) pv "
#define EXAM_REGION(u) "COALESCE(" u ".city_code, pv.code)"
#define EXAM_PAY(a, u) "LEFT JOIN pay_city pc ON pc.year = " a ".year AND pc.city_code = " EXAM_REGION(u) " "
#define EXAM_ADMITTED(a) a ".state = 'approved' AND " a ".defer_state = 0 AND " \
	"(" a ".paid_at IS NOT NULL OR COALESCE(pc.online, 0) = 0)"
#define EX		(RB(ROLE_CITY) | RB(ROLE_PROVINCE))
#define EXAM_ROOM_IN "JOIN exam_sites s ON s.id = r.site_id WHERE r.id = ? AND s.year = ? AND s.region_code = ?"
	/* The exam region of an office: a city's own, the province's. */
	[STMT_EXAM_OFFICE] = { "i", "ss", "SELECT g.code, g.name FROM units me "
	  "JOIN regions g ON g.code = me.region_code "
	  "WHERE me.id = ? AND me.kind IN ('city', 'province')", EX },
	[STMT_EXAM_REGION_NAME] = { "s", "s", "SELECT name FROM regions WHERE code = ?", EX | C | RS_QUERY },
	[STMT_EXAM_SITES] = { "is", "isssiii", "SELECT s.id, s.code, s.name, s.address, COUNT(r.id), "
	  "COALESCE(SUM(r.capacity), 0), (SELECT COUNT(*) FROM exam_seats x JOIN exam_rooms y "
	  "ON y.id = x.room_id WHERE y.site_id = s.id) FROM exam_sites s "
	  "LEFT JOIN exam_rooms r ON r.site_id = s.id "
	  "WHERE s.year = ? AND s.region_code = ? GROUP BY s.id ORDER BY s.code", EX },
	[STMT_EXAM_ROOMS] = { "is", "iisssiii", "SELECT r.id, s.id, s.code, r.code, r.name, r.capacity, "
	  "(SELECT COUNT(*) FROM exam_seats x WHERE x.room_id = r.id), "
	  "(SELECT COALESCE(MAX(x.seat), 0) FROM exam_seats x WHERE x.room_id = r.id) "
	  "FROM exam_rooms r JOIN exam_sites s ON s.id = r.site_id "
	  "WHERE s.year = ? AND s.region_code = ? ORDER BY s.code, r.code", EX },
	[STMT_EXAM_SESSIONS] = { "is", "isss", "SELECT id, code, DATE_FORMAT(starts_at, " WIN_FMT "), "
	  "DATE_FORMAT(ends_at, " WIN_FMT ") FROM exam_sessions "
	  "WHERE year = ? AND region_code = ? ORDER BY code", EX },
	[STMT_EXAM_SITS] = { "is", "iiss", "SELECT t.session_id, t.level, t.worktype, COALESCE(w.name, '') "
	  "FROM exam_session_sits t JOIN exam_sessions e ON e.id = t.session_id "
	  "LEFT JOIN worktypes w ON w.code = t.worktype "
	  "WHERE e.year = ? AND e.region_code = ? ORDER BY e.code, t.level DESC, t.worktype", EX },
	[STMT_EXAM_TAKEN] = { "is", "iiii", "SELECT application_id, session_id, room_id, seat FROM exam_seats "
	  "WHERE year = ? AND region_code = ?", EX },
	/* No ORDER BY: exam.c sorts (with it, 100,000 rows went through an
	 * on-disk temporary table). */
	[STMT_EXAM_ADMITTED] = { "is", "iissss", "SELECT a.id, a.target_level, a.target_worktype, w.name, "
	  "c.name, u.name FROM applications a JOIN units u ON u.id = a.unit_id "
	  "JOIN accounts c ON c.id = a.account_id "
	  "JOIN worktypes w ON w.code = a.target_worktype " EXAM_PROVINCE EXAM_PAY("a", "u")
	  "WHERE a.year = ? AND " EXAM_REGION("u") " = ? AND " EXAM_ADMITTED("a"), EX },
	/* A run, or a change of the plan, holds the region's sessions. */
	[STMT_EXAM_LOCK] = { "is", "i", "SELECT id FROM exam_sessions WHERE year = ? AND region_code = ? "
	  "ORDER BY id FOR UPDATE", EX },
	[STMT_EXAM_RUN_ADD] = { "isiiiii", "", "INSERT INTO exam_runs (year, region_code, admitted, kept, placed, "
	  "short, run_by, run_at) VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0), NOW())", EX },
	/* A run's new seats, many at once: a JSON array of [application,
	 * session, room, seat, ticket] (one statement a few thousand). */
	[STMT_EXAM_SEATS_ADD] = { "isis", "", "INSERT INTO exam_seats (application_id, year, region_code, "
	  "session_id, room_id, seat, ticket_no, run_id, placed_at) "
	  "SELECT j.app, ?, ?, j.sess, j.room, j.seat, j.ticket, ?, NOW() FROM JSON_TABLE(?, '$[*]' "
	  "COLUMNS (app INT UNSIGNED PATH '$[0]', sess INT UNSIGNED PATH '$[1]', "
	  "room INT UNSIGNED PATH '$[2]', seat TINYINT UNSIGNED PATH '$[3]', "
	  "ticket CHAR(16) CHARACTER SET ascii PATH '$[4]')) j", EX },
	[STMT_EXAM_RUNS] = { "is", "iiiiiss", "SELECT x.id, x.admitted, x.kept, x.placed, x.short, "
	  "COALESCE(b.name, 'gkbm-admin'), DATE_FORMAT(x.run_at, '%Y-%m-%d %H:%i:%s') FROM exam_runs x "
	  "LEFT JOIN accounts b ON b.id = x.run_by WHERE x.year = ? AND x.region_code = ? "
	  "ORDER BY x.id DESC LIMIT 10", EX },
	/* exam_seat_get: an application's seat while it is still approved. */
	[STMT_EXAM_SEAT_GET] = { "i", "isssssssssssiis", "SELECT x.year, x.region_code, g.name, x.ticket_no, e.code, "
	  "DATE_FORMAT(e.starts_at, " WIN_FMT "), DATE_FORMAT(e.ends_at, " WIN_FMT "), "
	  "s.code, s.name, s.address, r.code, r.name, x.seat, a.target_level, COALESCE(w.name, '') "
	  "FROM exam_seats x JOIN applications a ON a.id = x.application_id "
	  "JOIN exam_sessions e ON e.id = x.session_id JOIN exam_rooms r ON r.id = x.room_id "
	  "JOIN exam_sites s ON s.id = r.site_id JOIN regions g ON g.code = x.region_code "
	  "LEFT JOIN worktypes w ON w.code = a.target_worktype "
	  "WHERE x.application_id = ? AND a.state = 'approved'", C | RS_QUERY },
	[STMT_EXAM_SITE_ADD] = { "issssi", "", "INSERT INTO exam_sites (year, region_code, code, name, address, "
	  "updated_by, updated_at) VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), NOW())", EX },
	[STMT_EXAM_SITE_SET] = { "sssiiis", "", "UPDATE exam_sites SET code = ?, name = ?, address = ?, "
	  "updated_by = NULLIF(?, 0), updated_at = NOW() WHERE id = ? AND year = ? AND region_code = ?", EX },
	/* A site's code and seats given (its rows locked). */
	[STMT_EXAM_SITE_USED] = { "iis", "si", "SELECT s.code, (SELECT COUNT(*) FROM exam_seats x "
	  "JOIN exam_rooms y ON y.id = x.room_id WHERE y.site_id = s.id) FROM exam_sites s "
	  "WHERE s.id = ? AND s.year = ? AND s.region_code = ? FOR UPDATE", EX },
	[STMT_EXAM_SITE_ROOMS_DEL] = { "i", "", "DELETE FROM exam_rooms WHERE site_id = ?", EX },
	[STMT_EXAM_SITE_DEL] = { "i", "", "DELETE FROM exam_sites WHERE id = ?", EX },
	[STMT_EXAM_ROOM_ADD] = { "ssiiiis", "", "INSERT INTO exam_rooms (site_id, code, name, capacity, "
	  "updated_by, updated_at) SELECT s.id, ?, ?, ?, NULLIF(?, 0), NOW() FROM exam_sites s "
	  "WHERE s.id = ? AND s.year = ? AND s.region_code = ?", EX },
	[STMT_EXAM_ROOM_SET] = { "ssiiiis", "", "UPDATE exam_rooms r " "JOIN exam_sites s ON s.id = r.site_id "
	  "SET r.code = ?, r.name = ?, r.capacity = ?, r.updated_by = NULLIF(?, 0), r.updated_at = NOW() "
	  "WHERE r.id = ? AND s.year = ? AND s.region_code = ?", EX },
	/* A room's code, seats given and highest seat (its row locked). */
	[STMT_EXAM_ROOM_USED] = { "iis", "sii", "SELECT r.code, (SELECT COUNT(*) FROM exam_seats x "
	  "WHERE x.room_id = r.id), (SELECT COALESCE(MAX(x.seat), 0) FROM exam_seats x "
	  "WHERE x.room_id = r.id) FROM exam_rooms r " EXAM_ROOM_IN " FOR UPDATE", EX },
	[STMT_EXAM_ROOM_DEL] = { "i", "", "DELETE FROM exam_rooms WHERE id = ?", EX },
	[STMT_EXAM_SESSION_ADD] = { "issssi", "", "INSERT INTO exam_sessions (year, region_code, code, starts_at, "
	  "ends_at, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), NOW())", EX },
	[STMT_EXAM_SESSION_SET] = { "sssiiis", "", "UPDATE exam_sessions SET code = ?, starts_at = ?, ends_at = ?, "
	  "updated_by = NULLIF(?, 0), updated_at = NOW() WHERE id = ? AND year = ? AND region_code = ?", EX },
	[STMT_EXAM_SESSION_USED] = { "iis", "si", "SELECT e.code, (SELECT COUNT(*) FROM exam_seats x "
	  "WHERE x.session_id = e.id) FROM exam_sessions e "
	  "WHERE e.id = ? AND e.year = ? AND e.region_code = ? FOR UPDATE", EX },
	[STMT_EXAM_SESSION_DEL] = { "i", "", "DELETE FROM exam_sessions WHERE id = ?", EX },
	[STMT_EXAM_SITS_DEL] = { "i", "", "DELETE FROM exam_session_sits WHERE session_id = ?", EX },
	[STMT_EXAM_SIT_ADD] = { "iis", "", "INSERT INTO exam_session_sits (session_id, level, worktype) "
	  "VALUES (?, ?, ?)", EX },
	/* Another session of the region that names the level and work type. */
	[STMT_EXAM_SIT_TAKEN] = { "isiis", "s", "SELECT e.code FROM exam_session_sits t "
	  "JOIN exam_sessions e ON e.id = t.session_id WHERE e.year = ? AND e.region_code = ? "
	  "AND e.id <> ? AND t.level = ? AND t.worktype = ? LIMIT 1", EX },
#undef EX
#undef EXAM_ROOM_IN
	/* end plan */

	/*
	 * result: 考核结果 (fcgi/model/result.c, resimport.c, the pages of
	 * fcgi/pages/exam/h_res*.c and h_result.c; gkbm-admin pass-line,
	 * import-results and publish-results run them as the province
	 * through gkbm-web's account).  Scores and lines travel as tenths of
	 * a point (rules/passrule.c), -1 for none: RES_T(x).
	 */
#define RIM		(RB(ROLE_CITY) | RB(ROLE_PROVINCE))
#define RES_T(x)	"COALESCE(CAST(" x " * 10 AS SIGNED), -1)"
/* The lines a result was decided by, else (not yet decided) today's. */
#define RES_LINE_COLS	RES_T("COALESCE(r.line_theory, l1.theory, l2.theory)") ", " \
	RES_T("COALESCE(r.line_skill, l1.skill, l2.skill)")
#define RES_LINES_ON(y)	"LEFT JOIN exam_passlines l1 ON l1.year = " y " AND l1.level = a.target_level " \
	"AND l1.worktype = a.target_worktype LEFT JOIN exam_passlines l2 ON l2.year = " y " " \
	"AND l2.level = a.target_level AND l2.worktype = '' "
	[STMT_RES_LINES] = { "i", "issiis", "SELECT p.level, p.worktype, COALESCE(w.name, ''), "
	  RES_T("p.theory") ", " RES_T("p.skill") ", DATE_FORMAT(p.updated_at, " WIN_FMT ") "
	  "FROM exam_passlines p LEFT JOIN worktypes w ON w.code = p.worktype "
	  "WHERE p.year = ? ORDER BY p.level, p.worktype", O },
	[STMT_RES_LINE_SET] = { "iisiii", "", "INSERT INTO exam_passlines (year, level, worktype, theory, "
	  "skill, updated_by, updated_at) VALUES (?, ?, ?, ? / 10, ? / 10, NULLIF(?, 0), NOW()) "
	  "ON DUPLICATE KEY UPDATE theory = VALUES(theory), skill = VALUES(skill), "
	  "updated_by = VALUES(updated_by), updated_at = NOW()", P },
	/* A ticket number's seat and candidate (the import checks each row). */
	[STMT_RES_SEAT] = { "s", "iiss", "SELECT s.application_id, s.year, s.region_code, c.name "
	  "FROM exam_seats s JOIN applications a ON a.id = s.application_id "
	  "JOIN accounts c ON c.id = a.account_id WHERE s.ticket_no = ?", RIM },
	/* Inside the import's or the publication's transaction: the row, or
	 * the gap where it would go, locked against the other. */
	[STMT_RES_PUB_LOCK] = { "is", "s", "SELECT DATE_FORMAT(published_at, " WIN_FMT ") "
	  "FROM exam_published WHERE year = ? AND region_code = ? FOR UPDATE", RIM },
	[STMT_RES_IMPORT_ADD] = { "isssii", "", "INSERT INTO exam_imports (year, region_code, file_name, "
	  "sha256, nrows, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, NULLIF(?, 0), NOW())", RIM },
	[STMT_RES_UPSERT] = { "isiiiiii", "", "INSERT INTO exam_results (application_id, ticket_no, theory, "
	  "skill, absent, passed, import_id, updated_at) VALUES (?, ?, IF(? < 0, NULL, ? / 10), "
	  "IF(? < 0, NULL, ? / 10), ?, NULL, ?, NOW()) ON DUPLICATE KEY UPDATE "
	  "theory = VALUES(theory), skill = VALUES(skill), absent = VALUES(absent), passed = NULL, "
	  "line_theory = NULL, line_skill = NULL, import_id = VALUES(import_id), updated_at = NOW()", RIM },
	/* The levels and work types seated in a region with no pass line. */
	[STMT_RES_MISSING_LINES] = { "is", "is", "SELECT DISTINCT a.target_level, "
	  "COALESCE(w.name, a.target_worktype) FROM exam_seats s "
	  "JOIN applications a ON a.id = s.application_id LEFT JOIN worktypes w ON w.code = a.target_worktype "
	  "WHERE s.year = ? AND s.region_code = ? AND NOT EXISTS (SELECT 1 FROM exam_passlines l "
	  "WHERE l.year = s.year AND l.level = a.target_level AND l.worktype IN (a.target_worktype, '')) "
	  "ORDER BY 1, 2", RIM },
	[STMT_RES_TO_DECIDE] = { "is", "iiiiii", "SELECT r.application_id, r.absent, " RES_T("r.theory") ", "
	  RES_T("r.skill") ", " RES_LINE_COLS " FROM exam_results r "
	  "JOIN exam_seats s ON s.application_id = r.application_id "
	  "JOIN applications a ON a.id = r.application_id " RES_LINES_ON("s.year")
	  "WHERE s.year = ? AND s.region_code = ? ORDER BY r.application_id", RIM },
	[STMT_RES_SET_PASSED] = { "iiiiii", "", "UPDATE exam_results SET passed = ?, "
	  "line_theory = IF(? < 0, NULL, ? / 10), line_skill = IF(? < 0, NULL, ? / 10) "
	  "WHERE application_id = ?", RIM },
	[STMT_RES_PUBLISH] = { "isi", "", "INSERT INTO exam_published (year, region_code, published_by, "
	  "published_at) VALUES (?, ?, NULLIF(?, 0), NOW())", RIM },
	/* The exam regions of a year the account imports for: seated,
	 * with results, published when. */
	[STMT_RES_REGIONS] = { "ii", "ssiis", "SELECT s.region_code, COALESCE(g.name, s.region_code), "
	  "COUNT(*), COUNT(r.application_id), COALESCE(DATE_FORMAT(MAX(p.published_at), " WIN_FMT "), '') "
	  "FROM exam_seats s JOIN units me ON me.id = ? LEFT JOIN regions g ON g.code = s.region_code "
	  "LEFT JOIN exam_results r ON r.application_id = s.application_id "
	  "LEFT JOIN exam_published p ON p.year = s.year AND p.region_code = s.region_code "
	  "WHERE s.year = ? AND (me.kind = 'province' OR s.region_code = me.region_code) "
	  "GROUP BY s.region_code, g.name ORDER BY s.region_code", RIM },
	/* An exam region (a city, a directly administered county, the
	 * province for 省直), and whether the account may import for it. */
	[STMT_RES_REGION_OK] = { "is", "si", "SELECT g.name, me.kind = 'province' OR g.code = me.region_code "
	  "FROM regions g JOIN units me ON me.id = ? WHERE g.code = ? "
	  "AND (g.kind IN ('province', 'city', 'direct_county') OR g.direct_county = 1)", RIM },
	/* The candidate's result page: seat, result, publication, line, 复核. */
	[STMT_RES_MINE] = { "iii", "isssbisiiiiisiisiissssis", "SELECT a.id, s.ticket_no, s.region_code, "
	  "c.name, c.idno_enc, COALESCE(a.target_level, 0), COALESCE(w.name, ''), r.application_id IS NOT NULL, "
	  RES_T("r.theory") ", " RES_T("r.skill") ", COALESCE(r.absent, 0), COALESCE(r.passed, -1), "
	  "COALESCE(DATE_FORMAT(p.published_at, " WIN_FMT "), ''), " RES_LINE_COLS ", "
	  "COALESCE(DATE_FORMAT(p.published_at + INTERVAL ? DAY, " WIN_FMT "), ''), "
	  "COALESCE(NOW() < p.published_at + INTERVAL ? DAY, 0), COALESCE(k.id, 0), COALESCE(k.reason, ''), "
	  "COALESCE(DATE_FORMAT(k.asked_at, " WIN_FMT "), ''), COALESCE(k.state, ''), COALESCE(k.answer, ''), "
	  "COALESCE(k.changed, 0), COALESCE(DATE_FORMAT(k.answered_at, " WIN_FMT "), '') "
	  "FROM applications a JOIN exam_seats s ON s.application_id = a.id "
	  "JOIN accounts c ON c.id = a.account_id LEFT JOIN worktypes w ON w.code = a.target_worktype "
	  "LEFT JOIN exam_results r ON r.application_id = a.id "
	  "LEFT JOIN exam_published p ON p.year = s.year AND p.region_code = s.region_code "
	  RES_LINES_ON("s.year") "LEFT JOIN exam_rechecks k ON k.application_id = a.id "
	  "WHERE a.account_id = ?", C },
	[STMT_RES_RECHECK_ADD] = { "is", "", "INSERT INTO exam_rechecks (application_id, reason, asked_at, "
	  "state) VALUES (?, ?, NOW(), 'asked')", C },
#define RES_SCOPE_FROM "JOIN applications a ON a.id = r.application_id JOIN units u ON u.id = a.unit_id " \
	"JOIN units me ON me.id = ? JOIN accounts c ON c.id = a.account_id "
	/* 复核 requests of the account's subtree, waiting ones first. */
	[STMT_RES_RECHECKS] = { "iiss", "iisbsssiiiiiiissssis", "SELECT k.id, c.id, c.name, c.idno_enc, "
	  "r.ticket_no, u.name, COALESCE(w.name, ''), COALESCE(a.target_level, 0), " RES_T("r.theory") ", "
	  RES_T("r.skill") ", r.absent, COALESCE(r.passed, -1), " RES_LINE_COLS ", k.reason, "
	  "DATE_FORMAT(k.asked_at, " WIN_FMT "), k.state, COALESCE(k.answer, ''), k.changed, "
	  "COALESCE(DATE_FORMAT(k.answered_at, " WIN_FMT "), '') FROM exam_rechecks k "
	  "JOIN exam_results r ON r.application_id = k.application_id " RES_SCOPE_FROM
	  "LEFT JOIN worktypes w ON w.code = a.target_worktype " RES_LINES_ON("a.year")
	  "WHERE a.year = ? AND " SCOPE("u", "me") " AND (? = '' OR k.state = ?) "
	  "ORDER BY k.state = 'answered', k.asked_at, k.id LIMIT 500", O },
	[STMT_RES_RECHECK_LOCK] = { "ii", "isiiiiiis", "SELECT k.application_id, k.state, c.id, r.absent, "
	  RES_T("r.theory") ", " RES_T("r.skill") ", " RES_LINE_COLS ", r.ticket_no FROM exam_rechecks k "
	  "JOIN exam_results r ON r.application_id = k.application_id " RES_SCOPE_FROM
	  RES_LINES_ON("a.year") "WHERE k.id = ? AND " SCOPE("u", "me") " FOR UPDATE", O },
	[STMT_RES_RECHECK_ANSWER] = { "siii", "", "UPDATE exam_rechecks SET state = 'answered', answer = ?, "
	  "changed = ?, answered_by = ?, answered_at = NOW() WHERE id = ? AND state = 'asked'", O },
	[STMT_RES_RESULT_FIX] = { "iiiiiiii", "", "UPDATE exam_results SET theory = ? / 10, skill = ? / 10, "
	  "absent = 0, passed = ?, line_theory = IF(? < 0, NULL, ? / 10), "
	  "line_skill = IF(? < 0, NULL, ? / 10), updated_at = NOW() WHERE application_id = ?", O },
	/* message.c message_send: a 站内消息 from an office (复核 answers). */
	[STMT_MSG_SEND] = { "iiss", "", "INSERT INTO messages (account_id, application_id, kind, "
	  "text, created_at) VALUES (?, ?, ?, ?, NOW())", O },
	/* 考核结果查询: the results of a year in the account's subtree, by
	 * level, work type, unit, outcome, name or ID number, ticket. */
#define RES_WHERE "WHERE a.year = ? AND " SCOPE("u", "me") " AND (? = 0 OR a.target_level = ?) " \
	"AND (? = '' OR a.target_worktype = ?) AND (? = 0 OR a.unit_id = ?) " \
	"AND (? = '' OR (? = 'pass' AND r.passed = 1) OR (? = 'fail' AND r.passed = 0 AND r.absent = 0) " \
	"OR (? = 'absent' AND r.absent = 1) OR (? = 'pending' AND r.passed IS NULL)) " \
	"AND (? = '' OR c.name = ?) AND (? = 0 OR c.idno_mac = ?) AND (? = '' OR r.ticket_no = ?) "
#define RES_FROM_WHERE "FROM exam_results r " RES_SCOPE_FROM RES_WHERE
#define RES_COLS "SELECT r.application_id, c.id, c.name, c.idno_enc, r.ticket_no, u.code, u.name, " \
	"COALESCE(w.name, ''), COALESCE(a.target_level, 0), " RES_T("r.theory") ", " RES_T("r.skill") ", " \
	"r.absent, COALESCE(r.passed, -1), COALESCE(k.state, '') FROM exam_results r " RES_SCOPE_FROM \
	"LEFT JOIN worktypes w ON w.code = a.target_worktype " \
	"LEFT JOIN exam_rechecks k ON k.application_id = r.application_id "
	[STMT_RES_COUNT] = { "iiiissiisssssssibss", "iiii", "SELECT COUNT(*), "
	  "CAST(COALESCE(SUM(r.passed = 1), 0) AS SIGNED), "
	  "CAST(COALESCE(SUM(r.passed = 0 AND r.absent = 0), 0) AS SIGNED), "
	  "CAST(COALESCE(SUM(r.absent = 1), 0) AS SIGNED) " RES_FROM_WHERE, O },
	[STMT_RES_LIST] = { "iiiissiisssssssibssii", "iisbssssiiiiis", RES_COLS RES_WHERE
	  "ORDER BY r.ticket_no LIMIT ? OFFSET ?", O },
	[STMT_RES_EXPORT] = { "iiiissiisssssssibssii", "iisbssssiiiiis", RES_COLS RES_WHERE
	  "AND r.application_id > ? ORDER BY r.application_id LIMIT ?", O },
#undef RES_WHERE
#undef RES_FROM_WHERE
#undef RES_COLS
#undef RES_SCOPE_FROM
#undef RES_LINES_ON
#undef RES_LINE_COLS
#undef RES_T
#undef RIM
	/* end result */

	/*
	 * cert: 电子证书 (cert.c): issued by the city office of the exam
	 * region or the province (CT; gkbm-admin through a province
	 * request), revoked by the province; the candidate's own; the
	 * public check (STMT_CT_VERIFY: every role, anonymous included,
	 * reads only the certificate's masked copy, no personal column).
	 * 申领汇总上报: report.c's snapshot of kind 'passed' (RPT).
	 */
#define CT		(RB(ROLE_CITY) | RB(ROLE_PROVINCE))
	[STMT_CT_WIN_PAST] = { "i", "i", "SELECT COUNT(*) FROM windows WHERE year = ? "
	  "AND kind = 'certificate' AND region_code = '' AND ends_at <= NOW()", CT },
	[STMT_CT_PUB_LOCK] = { "is", "s", "SELECT DATE_FORMAT(published_at, '%Y-%m-%d') "
	  "FROM exam_published WHERE year = ? AND region_code = ? FOR UPDATE", CT },
	[STMT_CT_DUE] = { "is", "iisisb", "SELECT x.application_id, a.account_id, a.target_worktype, "
	  "a.target_level, c.name, c.idno_enc FROM exam_results x "
	  "JOIN exam_seats s ON s.application_id = x.application_id "
	  "JOIN applications a ON a.id = x.application_id JOIN accounts c ON c.id = a.account_id "
	  "LEFT JOIN certificates t ON t.application_id = x.application_id "
	  "WHERE s.year = ? AND s.region_code = ? AND x.passed = 1 AND a.state = 'approved' "
	  "AND t.id IS NULL ORDER BY a.target_level, s.ticket_no LIMIT 100000", CT },
	[STMT_CT_DUE_COUNT] = { "is", "i", "SELECT COUNT(*) FROM exam_results x "
	  "JOIN exam_seats s ON s.application_id = x.application_id "
	  "JOIN applications a ON a.id = x.application_id "
	  "JOIN exam_published p ON p.year = s.year AND p.region_code = s.region_code "
	  "LEFT JOIN certificates t ON t.application_id = x.application_id "
	  "WHERE s.year = ? AND s.region_code = ? AND x.passed = 1 AND a.state = 'approved' "
	  "AND t.id IS NULL", CT },
	[STMT_CT_LAST_SERIAL] = { "s", "i", "SELECT COALESCE(MAX(CAST(SUBSTRING(cert_no, 14) "
	  "AS UNSIGNED)), 0) FROM certificates WHERE cert_no LIKE CONCAT(?, '______')", CT },
	[STMT_CT_INSERT] = { "siiississsi", "", "INSERT INTO certificates (cert_no, application_id, "
	  "account_id, year, region_code, worktype, level, issued_on, name_masked, idno_masked, "
	  "state, issued_by, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'valid', NULLIF(?, 0), "
	  "NOW())", CT },
	/* A 合格库 row of the same ID number, work type and level is kept. */
	[STMT_CT_QUAL_ADD] = { "siiiisi", "", "INSERT INTO qualified (idno_mac, worktype, level, year, "
	  "cert_id) SELECT c.idno_mac, ?, ?, ?, ? FROM accounts c WHERE c.id = ? "
	  "AND c.idno_mac IS NOT NULL AND NOT EXISTS (SELECT 1 FROM qualified q "
	  "WHERE q.idno_mac = c.idno_mac AND q.worktype = ? AND q.level = ?)", CT },
	[STMT_CT_QUAL_DROP] = { "i", "", "DELETE FROM qualified WHERE cert_id = ?", P },
	[STMT_CT_REVOKE_LOCK] = { "s", "is", "SELECT id, state FROM certificates WHERE cert_no = ? "
	  "FOR UPDATE", P },
	[STMT_CT_REVOKE] = { "isi", "", "UPDATE certificates SET state = 'revoked', "
	  "revoked_by = NULLIF(?, 0), revoked_at = NOW(), revoke_reason = ? "
	  "WHERE id = ? AND state = 'valid'", P },
	[STMT_CT_VERIFY] = { "s", "sssisss", "SELECT t.name_masked, t.idno_masked, "
	  "COALESCE(w.name, t.worktype), t.level, DATE_FORMAT(t.issued_on, '%Y-%m-%d'), t.state, "
	  "COALESCE(DATE_FORMAT(t.revoked_at, '%Y-%m-%d'), '') FROM certificates t "
	  "LEFT JOIN worktypes w ON w.code = t.worktype WHERE t.cert_no = ?", A },
	[STMT_CT_MINE] = { "i", "ssisssisbi", "SELECT t.cert_no, COALESCE(w.name, t.worktype), "
	  "t.level, DATE_FORMAT(t.issued_on, '%Y-%m-%d'), t.state, "
	  "COALESCE(DATE_FORMAT(t.revoked_at, '%Y-%m-%d'), ''), t.application_id, c.name, "
	  "c.idno_enc, c.id FROM certificates t JOIN accounts c ON c.id = t.account_id "
	  "LEFT JOIN worktypes w ON w.code = t.worktype WHERE t.account_id = ? "
	  "ORDER BY t.id DESC LIMIT 1", C },
	[STMT_CT_MY_PASS] = { "i", "i", "SELECT COUNT(*) FROM exam_results x "
	  "JOIN exam_seats s ON s.application_id = x.application_id "
	  "JOIN exam_published p ON p.year = s.year AND p.region_code = s.region_code "
	  "JOIN applications a ON a.id = x.application_id "
	  "WHERE a.account_id = ? AND x.passed = 1 AND a.state = 'approved'", C },
	[STMT_CT_REGIONS] = { "i", "ss", "SELECT p.region_code, COALESCE(g.name, p.region_code) "
	  "FROM exam_published p LEFT JOIN regions g ON g.code = p.region_code "
	  "WHERE p.year = ? ORDER BY p.region_code", CT },
	[STMT_CT_COUNT] = { "isss", "ii", "SELECT COUNT(*), COALESCE(SUM(state = 'revoked'), 0) "
	  "FROM certificates WHERE year = ? AND region_code = ? AND (? = '' OR cert_no = ?)", CT },
	[STMT_CT_LIST] = { "isssii", "sssisssss", "SELECT t.cert_no, t.name_masked, t.idno_masked, "
	  "t.level, COALESCE(w.name, t.worktype), DATE_FORMAT(t.issued_on, '%Y-%m-%d'), t.state, "
	  "COALESCE(DATE_FORMAT(t.revoked_at, '%Y-%m-%d %H:%i'), ''), COALESCE(t.revoke_reason, '') "
	  "FROM certificates t LEFT JOIN worktypes w ON w.code = t.worktype "
	  "WHERE t.year = ? AND t.region_code = ? AND (? = '' OR t.cert_no = ?) "
	  "ORDER BY t.cert_no LIMIT ? OFFSET ?", CT },
	[STMT_CL_COPY] = { "iii", "", "INSERT INTO report_rows (report_id, n, application_id, "
	  "account_id, name, gender, idno_enc, phone_enc, unit_code, unit_name, worktype, level, "
	  "route, decided) SELECT ?, ROW_NUMBER() OVER (ORDER BY u.code, a.id), a.id, c.id, "
	  "c.name, COALESCE(c.gender, ''), c.idno_enc, c.phone_enc, u.code, u.name, "
	  "COALESCE(w.name, ''), COALESCE(a.target_level, 0), COALESCE(a.route, ''), "
	  "DATE_FORMAT(p.published_at, '%Y-%m-%d') FROM applications a "
	  "JOIN units u ON u.id = a.unit_id JOIN units me ON me.id = ? "
	  "JOIN accounts c ON c.id = a.account_id "
	  "JOIN exam_results x ON x.application_id = a.id "
	  "JOIN exam_seats s ON s.application_id = a.id "
	  "JOIN exam_published p ON p.year = s.year AND p.region_code = s.region_code "
	  "LEFT JOIN worktypes w ON w.code = a.target_worktype "
	  "WHERE " SCOPE("u", "me") " AND a.year = ? AND a.state = 'approved' AND x.passed = 1", RPT },
	[STMT_CL_LIVE] = { "ii", "i", "SELECT COUNT(*) FROM applications a "
	  "JOIN units u ON u.id = a.unit_id JOIN units me ON me.id = ? "
	  "JOIN exam_results x ON x.application_id = a.id "
	  "JOIN exam_seats s ON s.application_id = a.id "
	  "JOIN exam_published p ON p.year = s.year AND p.region_code = s.region_code "
	  "WHERE " SCOPE("u", "me") " AND a.year = ? AND a.state = 'approved' AND x.passed = 1", RPT },
#undef CT
	/* end cert */

	/*
	 * ticket: 准考证 (ticket.c), 准考证查询 (ticketlist.c), 考生名单
	 * (examroster.c).  A ticket is a seat of an application still
	 * approved; TK_FROM joins what one shows.  The admin's list is the
	 * seats of the current year in his subtree (SCOPE), with the
	 * filters name, ID number's lookup value, ticket number, work
	 * type, level and one application (its ticket), each "? = empty OR".
	 */
#define TK_PHOTO "COALESCE((SELECT m.file FROM materials m WHERE m.application_id = a.id " \
	"AND m.kind = 'photo' ORDER BY m.id DESC LIMIT 1), '')"
#define TK_FROM "FROM exam_seats x JOIN applications a ON a.id = x.application_id " \
	"JOIN accounts c ON c.id = a.account_id JOIN exam_sessions e ON e.id = x.session_id " \
	"JOIN exam_rooms r ON r.id = x.room_id JOIN exam_sites s ON s.id = r.site_id " \
	"LEFT JOIN worktypes w ON w.code = a.target_worktype "
#define TK_COLS "SELECT a.id, c.id, c.name, c.idno_enc, x.ticket_no, x.year, x.region_code, " \
	"COALESCE(g.name, ''), e.code, DATE_FORMAT(e.starts_at, " WIN_FMT "), " \
	"DATE_FORMAT(e.ends_at, " WIN_FMT "), s.code, s.name, s.address, r.code, r.name, " \
	"x.seat, a.target_level, COALESCE(w.name, ''), COALESCE(u.name, ''), " TK_PHOTO " " \
	TK_FROM "JOIN units u ON u.id = a.unit_id JOIN units me ON me.id = ? " \
	"LEFT JOIN regions g ON g.code = x.region_code "
#define TK_WHERE "WHERE x.year = ? AND a.state = 'approved' AND " SCOPE("u", "me") " " \
	"AND (? = '' OR c.name = ?) AND (? = 0 OR c.idno_mac = ?) " \
	"AND (? = '' OR x.ticket_no = ?) AND (? = '' OR a.target_worktype = ?) " \
	"AND (? = 0 OR a.target_level = ?) AND (? = 0 OR a.id = ?) "
#define TK_COUNT_FROM TK_FROM "JOIN units u ON u.id = a.unit_id JOIN units me ON me.id = ? "
/* One macro after a row's last string (t/lint/stmtargs.t reads the rows). */
#define TK_COUNT_FROM_WHERE TK_COUNT_FROM TK_WHERE
#define TKR		(RB(ROLE_CITY) | RB(ROLE_PROVINCE))
	/* The candidate's seat of the year (an application still approved). */
	[STMT_TK_MINE] = { "ii", "i", "SELECT x.application_id FROM exam_seats x "
	  "JOIN applications a ON a.id = x.application_id "
	  "WHERE a.account_id = ? AND x.year = ? AND a.state = 'approved'", C },
	[STMT_TK_PERSON] = { "i", "isbssi", "SELECT c.id, c.name, c.idno_enc, COALESCE(u.name, ''), " TK_PHOTO ", "
	  "COALESCE((SELECT m.id FROM materials m WHERE m.application_id = a.id "
	  "AND m.kind = 'photo' ORDER BY m.id DESC LIMIT 1), 0) "
	  "FROM applications a JOIN accounts c ON c.id = a.account_id "
	  "LEFT JOIN units u ON u.id = a.unit_id WHERE a.id = ?", C | Q },
	[STMT_TK_PHONE] = { "i", "b", "SELECT phone_enc FROM accounts WHERE id = ?", C },
	/* The unlock of a session (schema/0021-ticket.sql). */
	[STMT_TK_UNLOCK] = { "bii", "", "INSERT INTO ticket_unlocks (session_id, account_id, until) "
	  "VALUES (?, ?, NOW() + INTERVAL ? MINUTE) ON DUPLICATE KEY UPDATE "
	  "account_id = VALUES(account_id), until = VALUES(until)", C },
	[STMT_TK_UNLOCKED] = { "bi", "s", "SELECT DATE_FORMAT(until, '%H:%i') FROM ticket_unlocks "
	  "WHERE session_id = ? AND account_id = ? AND until > NOW()", C },
	[STMT_TK_COUNT] = { "iissibssssiiii", "i", "SELECT COUNT(*) " TK_COUNT_FROM_WHERE, Q },
	[STMT_TK_LIST] = { "iissibssssiiiisii", "iisbsissssssssssiisss", TK_COLS TK_WHERE
	  "AND x.ticket_no > ? ORDER BY x.ticket_no LIMIT ? OFFSET ?", Q },
	/* 考生名单: the rooms and sessions of a site that have seats given. */
	[STMT_TK_SECTIONS] = { "isii", "issississsi", "SELECT s.id, s.code, s.name, r.id, r.code, r.name, "
	  "e.id, e.code, DATE_FORMAT(e.starts_at, " WIN_FMT "), DATE_FORMAT(e.ends_at, " WIN_FMT "), "
	  "COUNT(*) " TK_FROM "WHERE x.year = ? AND x.region_code = ? AND a.state = 'approved' "
	  "AND (? = 0 OR s.id = ?) GROUP BY s.id, r.id, e.id ORDER BY s.code, r.code, e.code", TKR },
	[STMT_TK_ROSTER] = { "isiiiiii", "iisssssssiiisbsiss", "SELECT r.id, e.id, s.name, s.address, r.code, "
	  "r.name, e.code, DATE_FORMAT(e.starts_at, " WIN_FMT "), DATE_FORMAT(e.ends_at, " WIN_FMT "), "
	  "x.seat, a.id, c.id, c.name, c.idno_enc, x.ticket_no, a.target_level, COALESCE(w.name, ''), "
	  TK_PHOTO " " TK_FROM "WHERE x.year = ? AND x.region_code = ? AND a.state = 'approved' "
	  "AND (? = 0 OR s.id = ?) AND (? = 0 OR r.id = ?) AND (? = 0 OR e.id = ?) "
	  "ORDER BY s.code, r.code, e.code, x.seat", TKR },
#undef TKR
	/* end ticket */
};

#undef A
#undef U
#undef C
#undef P
#undef O
#undef N
#undef S
#undef SUP

/* The SQL of statement s (t/unit/stmt.c reads the table). */
const char *
db_stmt_sql(enum stmt s)
{
	return stmts[s].sql;
}

/* The types of statement s's parameters (one letter each). */
const char *
db_stmt_params(enum stmt s)
{
	return stmts[s].params;
}

/* The roles that may run statement s (0: no request may). */
unsigned int
db_stmt_roles(enum stmt s)
{
	return stmts[s].roles;
}

/* The programs that prepare statement s (PROG_*). */
unsigned int
db_stmt_progs(enum stmt s)
{
	return stmts[s].progs != 0 ? stmts[s].progs : PROG_WEB;
}

/*
 * Result buffers of one statement, bound once after preparing it.  One
 * handle a process (a worker, gkbm-admin, gkbm-sms), so they are static.
 */
struct dbres {
	unsigned int	 ncols;
	MYSQL_BIND	 bind[MAX_BIND];
	char		*buf[MAX_BIND];
	unsigned long	 len[MAX_BIND];
	my_bool		 null[MAX_BIND];
	my_bool		 err[MAX_BIND];
	unsigned char	 whole[MAX_BIND];	/* bound as a long long */
};

static struct dbres	 res[STMT__MAX];
/* Statements that write sessions, accounts or units (sescache.c). */
static unsigned char	 writes_auth[STMT__MAX];

/* True for the errors that mean the connection is gone. */
static int
db_gone(unsigned int e)
{
	return e == CR_SERVER_GONE_ERROR || e == CR_SERVER_LOST ||
	    e == CR_CONNECTION_ERROR || e == CR_CONN_HOST_ERROR ||
	    e == CR_SERVER_LOST_EXTENDED || e == ER_CONNECTION_KILLED ||
	    e == ER_SERVER_SHUTDOWN || e == CR_COMMANDS_OUT_OF_SYNC;
}

/*
 * Binds a buffer for every result column of statement i: a long long for
 * an integer column declared 'i' (no conversion to text and back), a
 * MYSQL_TIME for 't', text for the rest (DECIMAL read by 'i' too: strtoll
 * takes its whole part).
 */
static void
db_bind_results(MYSQL_STMT *st, int i)
{
	MYSQL_RES	*meta;
	MYSQL_FIELD	*f;
	struct dbres	*d = &res[i];
	unsigned int	 c;
	size_t		 cap;

	if ((meta = mysql_stmt_result_metadata(st)) == NULL) {
		if (*stmts[i].cols != '\0')
			fatalx("statement %d (%.60s): no result, %zu columns "
			    "declared", i, stmts[i].sql, strlen(stmts[i].cols));
		return;
	}
	d->ncols = mysql_num_fields(meta);
	if (d->ncols > MAX_BIND)
		fatalx("statement %d: too many columns", i);
	if (d->ncols != strlen(stmts[i].cols))
		fatalx("statement %d (%.60s): %u columns, %zu declared", i,
		    stmts[i].sql, d->ncols, strlen(stmts[i].cols));
	for (c = 0; c < d->ncols; c++) {
		f = mysql_fetch_field_direct(meta, c);
		if (stmts[i].cols[c] == 'i' && !IS_NUM(f->type))
			fatalx("statement %d (%.60s): column %u (%s) is not a "
			    "number", i, stmts[i].sql, c + 1, f->name);
		if (stmts[i].cols[c] == 't' && f->type != MYSQL_TYPE_DATETIME &&
		    f->type != MYSQL_TYPE_TIMESTAMP)
			fatalx("statement %d (%.60s): column %u (%s) is not a "
			    "DATETIME", i, stmts[i].sql, c + 1, f->name);
		cap = f->length < 64 ? 64 : f->length;
		if (cap > MAX_COLBUF)
			cap = MAX_COLBUF;
		if (d->buf[c] == NULL)
			d->buf[c] = xmalloc(cap + 1);
		memset(&d->bind[c], 0, sizeof(d->bind[c]));
		d->whole[c] = stmts[i].cols[c] == 'i' &&
		    f->type != MYSQL_TYPE_NEWDECIMAL &&
		    f->type != MYSQL_TYPE_DECIMAL &&
		    f->type != MYSQL_TYPE_FLOAT && f->type != MYSQL_TYPE_DOUBLE;
		d->bind[c].buffer_type = d->whole[c] ? MYSQL_TYPE_LONGLONG :
		    stmts[i].cols[c] == 't' ? MYSQL_TYPE_DATETIME :
		    MYSQL_TYPE_STRING;
		d->bind[c].buffer = d->buf[c];
		d->bind[c].buffer_length = cap;
		d->bind[c].length = &d->len[c];
		d->bind[c].is_null = &d->null[c];
		d->bind[c].error = &d->err[c];
	}
	mysql_free_result(meta);
	if (mysql_stmt_bind_result(st, d->bind))
		fatalx("mysql_stmt_bind_result: %s", mysql_stmt_error(st));
}

/*
 * Prepares statement i on h and checks its declared parameters and
 * columns against MariaDB's counts.  Returns 0, or -1 when the server is
 * gone.  A statement that does not prepare on a live server is a bug of
 * the table or the schema: fatal, naming it.
 */
static int
db_prepare(struct dbh *h, int i)
{
	MYSQL_STMT	*st;
	unsigned int	 e;

	if (stmts[i].sql == NULL)
		fatalx("statement %d has no SQL", i);
	if ((st = mysql_stmt_init(h->db)) == NULL)
		fatalx("mysql_stmt_init: out of memory");
	if (mysql_stmt_prepare(st, stmts[i].sql, strlen(stmts[i].sql)) != 0) {
		e = mysql_stmt_errno(st);
		log_warnx("mysql_stmt_prepare(%d): %s", i,
		    mysql_stmt_error(st));
		mysql_stmt_close(st);
		if (db_gone(e))
			return -1;
		fatalx("statement %d (%.60s) does not prepare", i,
		    stmts[i].sql);
	}
	if (mysql_stmt_param_count(st) != strlen(stmts[i].params))
		fatalx("statement %d (%.60s): %lu parameters, %zu declared", i,
		    stmts[i].sql, mysql_stmt_param_count(st),
		    strlen(stmts[i].params));
	h->stmts[i] = st;
	db_bind_results(st, i);
	writes_auth[i] = h->prog == PROG_WEB && i != STMT_SESSION_TOUCH &&
	    sescache_writes(stmts[i].sql);
	return 0;
}

/*
 * Prepares every statement of h's program not prepared yet.  Returns
 * how many h holds, or -1 when the server is gone (h is closed).
 */
int
dbh_check(struct dbh *h)
{
	int	 i, n = 0;

	for (i = 0; i < STMT__MAX; i++) {
		if (!(db_stmt_progs(i) & h->prog))
			continue;
		if (h->stmts[i] == NULL && db_prepare(h, i) == -1) {
			dbh_close(h);
			return -1;
		}
		n++;
	}
	return n;
}

/*
 * Connects for program prog (gkbm-admin as the owner account, the others
 * as gkbm-web's) and prepares its statements, or with lazy each on its
 * first use.  Returns 0, or -1 when the server cannot be reached.
 */
int
dbh_open(struct dbh *h, const struct config *cfg, unsigned int prog,
    int lazy)
{
	h->cfg = cfg;
	h->prog = prog;
	h->lazy = lazy;
	h->in_tx = 0;
	h->err = 0;
	if ((h->db = db_connect(cfg, prog == PROG_ADMIN)) == NULL)
		return -1;
	if (!lazy && dbh_check(h) == -1)
		return -1;
	h->up = 1;
	return 0;
}

/*
 * Marks the start of a unit of work (a request): its first statement may
 * find the connection dead and run again on a new one (db_reopen).
 */
void
dbh_fresh(struct dbh *h)
{
	h->ran = 0;
}

/* Closes the statements and the connection. */
void
dbh_close(struct dbh *h)
{
	int	 i;

	for (i = 0; i < STMT__MAX; i++)
		if (h->stmts[i] != NULL) {
			mysql_stmt_close(h->stmts[i]);
			h->stmts[i] = NULL;
		}
	if (h->db != NULL)
		mysql_close(h->db);
	h->db = NULL;
	h->up = 0;
	h->in_tx = 0;
}

/*
 * Connects a worker and prepares every statement of gkbm-web.  Returns
 * 0, or -1 when the server cannot be reached (the caller answers 503 and
 * retries on the next request).
 */
int
db_open(struct worker *w)
{
	return dbh_open(&w->dbh, w->cfg, PROG_WEB, 0);
}

/* Closes the worker's statements and connection. */
void
db_close(struct worker *w)
{
	dbh_close(&w->dbh);
}

/* Makes sure the connection is up, reconnecting; 0 or -1 (answer 503). */
int
db_ready(struct req *r)
{
	dbh_fresh(&r->w->dbh);
	if (r->w->dbh.up)
		return 0;
	db_close(r->w);
	return db_open(r->w);
}

/* Records a statement failure; marks the connection dead if it is. */
static int
db_fail(struct dbh *h, enum stmt s, const char *call)
{
	MYSQL_STMT	*st = h->stmts[s];

	h->err = mysql_stmt_errno(st);
	if (h->err != ER_DUP_ENTRY)
		log_warnx("%s(%d): %s", call, s, mysql_stmt_error(st));
	if (db_gone(h->err))
		h->up = 0;
	return -1;
}

/*
 * The statement s of h, prepared now if h is lazy; NULL (logged) when
 * h's program does not prepare it or the server is gone.
 */
static MYSQL_STMT *
db_stmt(struct dbh *h, enum stmt s)
{
	h->err = 0;
	if (!(db_stmt_progs(s) & h->prog)) {
		log_warnx("statement %d is not prepared for this program", s);
		return NULL;
	}
	if (!h->up)
		return NULL;
	if (h->stmts[s] == NULL && (!h->lazy || db_prepare(h, s) == -1)) {
		h->up = 0;
		return NULL;
	}
	return h->stmts[s];
}

/*
 * A connection that died while the program waited (MariaDB restarted)
 * shows itself at the first statement since dbh_fresh() (a request's
 * first in gkbm-web).  When that statement is a query outside a
 * transaction, nothing was read or written yet: opens a new connection
 * so it can run once more there.  1 when it tried (the connection is up
 * again, or h->up is 0), else 0.
 */
static int
db_reopen(struct dbh *h, enum stmt s)
{
	if (h->ran || h->in_tx || strncmp(stmts[s].sql, "SELECT", 6) != 0 ||
	    !db_gone(mysql_stmt_errno(h->stmts[s])))
		return 0;
	log_warnx("the database connection was gone; connecting again");
	dbh_close(h);
	if (dbh_open(h, h->cfg, h->prog, h->lazy) == -1)
		h->err = CR_SERVER_GONE_ERROR;
	return 1;
}

/*
 * Runs statement s of h with its declared parameters (stmts[s].params):
 * 'i' a long long, 's' a string (NULL is SQL NULL), 'b' a pointer and a
 * size_t length.  A query's rows are stored for dbh_row().  Returns the
 * number of rows (queries) or of changed rows, or -1 (logged; h->err
 * holds the server's error).
 */
int
dbh_vrun(struct dbh *h, enum stmt s, va_list ap)
{
	const char	*fmt = stmts[s].params;
	MYSQL_BIND	 b[MAX_BIND];
	long long	 ints[MAX_BIND];
	MYSQL_STMT	*st;
	size_t		 n;
	const char	*str;
	int		 failed;

	if ((st = db_stmt(h, s)) == NULL)
		return -1;
	mysql_stmt_free_result(st);
	memset(b, 0, sizeof(b));
	for (n = 0; fmt[n] != '\0'; n++) {
		if (n >= MAX_BIND)
			fatalx("db_run: too many parameters");
		switch (fmt[n]) {
		case 'i':
			ints[n] = va_arg(ap, long long);
			b[n].buffer_type = MYSQL_TYPE_LONGLONG;
			b[n].buffer = &ints[n];
			break;
		case 's':
			str = va_arg(ap, const char *);
			if (str == NULL) {
				b[n].buffer_type = MYSQL_TYPE_NULL;
				break;
			}
			b[n].buffer_type = MYSQL_TYPE_STRING;
			b[n].buffer = (void *)str;
			b[n].buffer_length = strlen(str);
			break;
		case 'b':
			b[n].buffer_type = MYSQL_TYPE_BLOB;
			b[n].buffer = (void *)va_arg(ap, const void *);
			b[n].buffer_length = va_arg(ap, size_t);
			break;
		default:
			fatalx("db_run: bad type %c", fmt[n]);
		}
	}
	if (n != mysql_stmt_param_count(st))
		fatalx("db_run(%d): %zu parameters for %lu", s, n,
		    mysql_stmt_param_count(st));
	if (n > 0 && mysql_stmt_bind_param(st, b))
		return db_fail(h, s, "mysql_stmt_bind_param");
	failed = mysql_stmt_execute(st) != 0;
	if (failed && db_reopen(h, s)) {
		if (!h->up || (st = db_stmt(h, s)) == NULL)
			return -1;	/* still unreachable: 503 */
		failed = (n > 0 && mysql_stmt_bind_param(st, b)) ||
		    mysql_stmt_execute(st) != 0;
	}
	if (writes_auth[s])
		sescache_bump();	/* kept sessions may be stale now */
	if (failed)
		return db_fail(h, s, "mysql_stmt_execute");
	h->ran = 1;
	if (res[s].ncols == 0)
		return (int)mysql_stmt_affected_rows(st);
	if (mysql_stmt_store_result(st))
		return db_fail(h, s, "mysql_stmt_store_result");
	return (int)mysql_stmt_num_rows(st);
}

/* dbh_vrun with the parameters as arguments. */
int
dbh_run(struct dbh *h, enum stmt s, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, s);
	rc = dbh_vrun(h, s, ap);
	va_end(ap);
	return rc;
}

/*
 * Runs statement s for request r like dbh_run.  Refuses statements the
 * request's role may not run.
 */
int
db_run(struct req *r, enum stmt s, ...)
{
	va_list	 ap;
	int	 rc;

	if (!(stmts[s].roles & RB(r->role))) {
		log_warnx("statement %d refused for role %s", s,
		    role_names[r->role]);
		r->w->dbh.err = 0;
		return -1;
	}
	va_start(ap, s);
	rc = dbh_vrun(&r->w->dbh, s, ap);
	va_end(ap);
	return rc;
}

/* A DATETIME as "2026-03-01 08:30:00", in pool p (libmariadb's own
 * conversion to text is a sprintf a column). */
static char *
db_time(struct pool *p, const MYSQL_TIME *t)
{
	unsigned int	 v[6], i, k;
	char		 s[20];

	v[0] = t->year % 10000;
	v[1] = t->month % 100;
	v[2] = t->day % 100;
	v[3] = t->hour % 100;
	v[4] = t->minute % 100;
	v[5] = t->second % 100;
	s[0] = (char)('0' + v[0] / 1000);
	s[1] = (char)('0' + v[0] / 100 % 10);
	s[2] = (char)('0' + v[0] / 10 % 10);
	s[3] = (char)('0' + v[0] % 10);
	for (i = 1, k = 4; i < 6; i++, k += 3) {
		s[k] = " -- ::"[i];
		s[k + 1] = (char)('0' + v[i] / 10);
		s[k + 2] = (char)('0' + v[i] % 10);
	}
	s[19] = '\0';
	return pool_strndup(p, s, 19);
}

/*
 * Fetches the next row of s into a pointer for each declared column
 * (stmts[s].cols): 'i' long long * (NULL reads as 0), 't' char ** (a
 * DATETIME as "YYYY-MM-DD HH:MM:SS", NULL for SQL NULL), 's' char ** (a
 * copy in pool p, NULL for SQL NULL), 'b' unsigned char ** and size_t *.
 * Returns 1 for a row, 0 at the end, -1 on error.
 */
static int
db_vrow(struct dbh *h, struct pool *p, enum stmt s, va_list ap)
{
	const char	*fmt = stmts[s].cols;
	struct dbres	*d = &res[s];
	MYSQL_STMT	*st = h->stmts[s];
	unsigned int	 c;
	int		 rc;
	char		*v;

	if (!h->up || st == NULL)
		return -1;
	rc = mysql_stmt_fetch(st);
	if (rc == MYSQL_NO_DATA) {
		mysql_stmt_free_result(st);
		return 0;
	}
	if (rc == MYSQL_DATA_TRUNCATED) {
		log_warnx("db_row(%d): column truncated", s);
		mysql_stmt_free_result(st);
		return -1;
	}
	if (rc != 0)
		return db_fail(h, s, "mysql_stmt_fetch");
	for (c = 0; fmt[c] != '\0' && c < d->ncols; c++) {
		if (d->whole[c]) {
			*va_arg(ap, long long *) = d->null[c] ? 0 :
			    *(long long *)(void *)d->buf[c];
			continue;
		}
		if (fmt[c] == 't') {
			*va_arg(ap, char **) = d->null[c] ? NULL :
			    db_time(p, (const MYSQL_TIME *)(void *)d->buf[c]);
			continue;
		}
		v = d->null[c] ? NULL : pool_strndup(p, d->buf[c], d->len[c]);
		switch (fmt[c]) {
		case 'i':
			*va_arg(ap, long long *) = v ? strtoll(v, NULL, 10) : 0;
			break;
		case 's':
			*va_arg(ap, char **) = v;
			break;
		case 'b':
			*va_arg(ap, unsigned char **) = (unsigned char *)v;
			*va_arg(ap, size_t *) = v ? d->len[c] : 0;
			break;
		default:
			fatalx("db_row: bad type %c", fmt[c]);
		}
	}
	return 1;
}

/* Fetches a row of s for request r (copies in its pool). */
int
db_row(struct req *r, enum stmt s, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, s);
	rc = db_vrow(&r->w->dbh, r->pool, s, ap);
	va_end(ap);
	return rc;
}

/* Fetches a row of s of h (copies in h->pool). */
int
dbh_row(struct dbh *h, enum stmt s, ...)
{
	va_list	 ap;
	int	 rc;

	va_start(ap, s);
	rc = db_vrow(h, h->pool, s, ap);
	va_end(ap);
	return rc;
}

/* Drops the rest of a query's rows. */
void
dbh_done(struct dbh *h, enum stmt s)
{
	if (h->stmts[s] != NULL)
		mysql_stmt_free_result(h->stmts[s]);
}

void
db_done(struct req *r, enum stmt s)
{
	dbh_done(&r->w->dbh, s);
}

long long
dbh_insert_id(struct dbh *h, enum stmt s)
{
	return h->stmts[s] == NULL ? 0 :
	    (long long)mysql_stmt_insert_id(h->stmts[s]);
}

long long
db_insert_id(struct req *r, enum stmt s)
{
	return dbh_insert_id(&r->w->dbh, s);
}

/* True when the last failure was a duplicate key. */
int
db_dup(const struct req *r)
{
	return r->w->dbh.err == ER_DUP_ENTRY;
}

/* The server's error number of the last failure (0: none, or refused). */
unsigned int
db_errno(const struct req *r)
{
	return r->w->dbh.err;
}

static int
db_simple(struct dbh *h, const char *sql)
{
	if (!h->up)
		return -1;
	if (mysql_query(h->db, sql) != 0) {
		h->err = mysql_errno(h->db);
		log_warnx("%s: %s", sql, mysql_error(h->db));
		if (db_gone(h->err))
			h->up = 0;
		return -1;
	}
	return 0;
}

/* Starts a transaction; 0 or -1. */
int
dbh_begin(struct dbh *h)
{
	if (db_simple(h, "START TRANSACTION") == -1)
		return -1;
	h->in_tx = 1;
	return 0;
}

/* Commits; 0 or -1 (then nothing was committed). */
int
dbh_commit(struct dbh *h)
{
	h->in_tx = 0;
	return db_simple(h, "COMMIT");
}

/* Rolls back an open transaction (a no-op without one). */
void
dbh_rollback(struct dbh *h)
{
	if (!h->in_tx)
		return;
	h->in_tx = 0;
	(void)db_simple(h, "ROLLBACK");
}

int
db_begin(struct req *r)
{
	return dbh_begin(&r->w->dbh);
}

int
db_commit(struct req *r)
{
	return dbh_commit(&r->w->dbh);
}

void
db_rollback(struct req *r)
{
	dbh_rollback(&r->w->dbh);
}
