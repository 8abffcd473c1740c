-- 0019-exam.sql: the exam (issue 10; SPEC §3.7, seeds 000 §6-8, 002 §1.2
-- and §3.3, 004 考生名单 and 申领汇总上报).  The shared contract of the
-- exam's parts; each part adds its own columns in its own migration.
--
-- The exam region of an application is the city_code of its unit (a
-- city, or a county the province administers directly), or the
-- province's own region code for 省直 and 中央驻豫 units (city_code
-- NULL): the office that makes and hands out the tickets (seed 001
-- (二)).  Its plan is made per year and exam region.
--
-- Admitted (may be given a seat): state 'approved' (终审通过), no open
-- 容缺后补 item (defer_state 0), and paid (paid_at set) where the region
-- pays online (pay_city.online = 1 for the year).  Once seated, the
-- candidate's seat is the proof of admission every later part reads.

-- 考点: code is two digits (01-99), unique in the year and region.
CREATE TABLE exam_sites (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	year		SMALLINT UNSIGNED NOT NULL,
	region_code	CHAR(6) NOT NULL,
	code		CHAR(2) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	name		VARCHAR(100) NOT NULL,
	address		VARCHAR(200) NOT NULL,
	updated_by	INT UNSIGNED NULL,
	updated_at	DATETIME NOT NULL,
	UNIQUE KEY exam_sites_code (year, region_code, code),
	CONSTRAINT exam_sites_year FOREIGN KEY (year) REFERENCES years (year),
	CONSTRAINT exam_sites_region FOREIGN KEY (region_code) REFERENCES regions (code),
	CONSTRAINT exam_sites_code_chars CHECK (code REGEXP '^[0-9][0-9]$' AND code <> '00')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 考场: a site's rooms; code three digits (001-999), seats 1-99.  A room
-- serves every session of its region (the seat is per session).
CREATE TABLE exam_rooms (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	site_id		INT UNSIGNED NOT NULL,
	code		CHAR(3) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	name		VARCHAR(50) NOT NULL,		-- 第1考场, 微机室2
	capacity	TINYINT UNSIGNED NOT NULL,
	updated_by	INT UNSIGNED NULL,
	updated_at	DATETIME NOT NULL,
	UNIQUE KEY exam_rooms_code (site_id, code),
	CONSTRAINT exam_rooms_site FOREIGN KEY (site_id) REFERENCES exam_sites (id),
	CONSTRAINT exam_rooms_code_chars CHECK (code REGEXP '^[0-9]{3}$' AND code <> '000'),
	CONSTRAINT exam_rooms_capacity CHECK (capacity BETWEEN 1 AND 99)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 场次: a sitting of a region's exam; code one digit (1-9).
CREATE TABLE exam_sessions (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	year		SMALLINT UNSIGNED NOT NULL,
	region_code	CHAR(6) NOT NULL,
	code		CHAR(1) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	starts_at	DATETIME NOT NULL,
	ends_at		DATETIME NOT NULL,
	updated_by	INT UNSIGNED NULL,
	updated_at	DATETIME NOT NULL,
	UNIQUE KEY exam_sessions_code (year, region_code, code),
	CONSTRAINT exam_sessions_year FOREIGN KEY (year) REFERENCES years (year),
	CONSTRAINT exam_sessions_region FOREIGN KEY (region_code) REFERENCES regions (code),
	CONSTRAINT exam_sessions_code_chars CHECK (code REGEXP '^[1-9]$'),
	CONSTRAINT exam_sessions_span CHECK (starts_at < ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Who sits in a session: a target level and work type ('' = every work
-- type of that level not named in another session of the region).
CREATE TABLE exam_session_sits (
	session_id	INT UNSIGNED NOT NULL,
	level		TINYINT UNSIGNED NOT NULL,
	worktype	VARCHAR(8) NOT NULL DEFAULT '',
	PRIMARY KEY (session_id, level, worktype),
	CONSTRAINT exam_sits_session FOREIGN KEY (session_id) REFERENCES exam_sessions (id) ON DELETE CASCADE,
	CONSTRAINT exam_sits_level CHECK (level BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An allocation run (编排考场): counts kept for the page and the audit.
CREATE TABLE exam_runs (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	year		SMALLINT UNSIGNED NOT NULL,
	region_code	CHAR(6) NOT NULL,
	admitted	INT UNSIGNED NOT NULL,		-- admitted when it ran
	kept		INT UNSIGNED NOT NULL,		-- seated before, unmoved
	placed		INT UNSIGNED NOT NULL,		-- seated by this run
	short		INT UNSIGNED NOT NULL,		-- no seat: capacity short
	run_by		INT UNSIGNED NULL,		-- NULL: gkbm-admin
	run_at		DATETIME NOT NULL,
	KEY exam_runs_region (year, region_code, id),
	CONSTRAINT exam_runs_year FOREIGN KEY (year) REFERENCES years (year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The seat of an admitted application, and its 准考证号 of 16 digits:
--   YY RRRRRR S PP MMM NN
--   year mod 100, exam region code, session code, site code, room code,
--   seat (01-99).  Example 26 410100 1 01 003 17: 2026, 郑州, session 1,
--   site 01, room 003, seat 17.
-- A seat once given is never moved by a later run (补报 candidates are
-- placed in the seats left); it goes only when the application is
-- revoked or cancelled, and its number is then never given again.
CREATE TABLE exam_seats (
	application_id	INT UNSIGNED NOT NULL PRIMARY KEY,
	year		SMALLINT UNSIGNED NOT NULL,
	region_code	CHAR(6) NOT NULL,
	session_id	INT UNSIGNED NOT NULL,
	room_id		INT UNSIGNED NOT NULL,
	seat		TINYINT UNSIGNED NOT NULL,
	ticket_no	CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	run_id		INT UNSIGNED NOT NULL,
	placed_at	DATETIME NOT NULL,
	UNIQUE KEY exam_seats_ticket (ticket_no),
	UNIQUE KEY exam_seats_place (session_id, room_id, seat),
	KEY exam_seats_room (room_id, session_id, seat),
	KEY exam_seats_region (year, region_code),
	CONSTRAINT exam_seats_app FOREIGN KEY (application_id) REFERENCES applications (id),
	CONSTRAINT exam_seats_session FOREIGN KEY (session_id) REFERENCES exam_sessions (id),
	CONSTRAINT exam_seats_room FOREIGN KEY (room_id) REFERENCES exam_rooms (id),
	CONSTRAINT exam_seats_run FOREIGN KEY (run_id) REFERENCES exam_runs (id),
	CONSTRAINT exam_seats_seat CHECK (seat BETWEEN 1 AND 99),
	CONSTRAINT exam_seats_ticket_chars CHECK (ticket_no REGEXP '^[0-9]{16}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 合格线 (policy, per year): a level and work type ('' = every work
-- type of the level without its own line); scores 0.0-100.0.  A
-- candidate passes when not absent and each score reaches its line.
CREATE TABLE exam_passlines (
	year		SMALLINT UNSIGNED NOT NULL,
	level		TINYINT UNSIGNED NOT NULL,
	worktype	VARCHAR(8) NOT NULL DEFAULT '',
	theory		DECIMAL(4,1) NOT NULL,		-- 理论知识
	skill		DECIMAL(4,1) NOT NULL,		-- 操作技能 (一级: 综合评审)
	updated_by	INT UNSIGNED NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (year, level, worktype),
	CONSTRAINT exam_lines_year FOREIGN KEY (year) REFERENCES years (year),
	CONSTRAINT exam_lines_level CHECK (level BETWEEN 1 AND 5),
	CONSTRAINT exam_lines_range CHECK (theory BETWEEN 0 AND 100 AND skill BETWEEN 0 AND 100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A results file taken in whole (gkbm-admin import-results, the upload
-- page): every row checked first, nothing stored unless all are good.
CREATE TABLE exam_imports (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	year		SMALLINT UNSIGNED NOT NULL,
	region_code	CHAR(6) NOT NULL,
	file_name	VARCHAR(200) NOT NULL,
	sha256		CHAR(64) CHARACTER SET ascii NOT NULL,
	nrows		INT UNSIGNED NOT NULL,
	imported_by	INT UNSIGNED NULL,		-- NULL: gkbm-admin
	imported_at	DATETIME NOT NULL,
	KEY exam_imports_region (year, region_code, id),
	CONSTRAINT exam_imports_year FOREIGN KEY (year) REFERENCES years (year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 考核结果: one row per seated application.  absent: 缺考 (scores
-- NULL).  passed is NULL until the region's results are published,
-- then fixed from the pass lines of that moment (a 复核 that changes a
-- score sets it again); certificates read passed = 1 only.
CREATE TABLE exam_results (
	application_id	INT UNSIGNED NOT NULL PRIMARY KEY,
	ticket_no	CHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	theory		DECIMAL(4,1) NULL,
	skill		DECIMAL(4,1) NULL,
	absent		TINYINT NOT NULL DEFAULT 0,
	passed		TINYINT NULL,
	import_id	INT UNSIGNED NOT NULL,
	updated_at	DATETIME NOT NULL,
	UNIQUE KEY exam_results_ticket (ticket_no),
	CONSTRAINT exam_results_seat FOREIGN KEY (application_id) REFERENCES exam_seats (application_id),
	CONSTRAINT exam_results_import FOREIGN KEY (import_id) REFERENCES exam_imports (id),
	CONSTRAINT exam_results_range CHECK ((theory IS NULL OR theory BETWEEN 0 AND 100)
	    AND (skill IS NULL OR skill BETWEEN 0 AND 100))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Publication of a region's results (公布): candidates see them while
-- this row exists and the year's 'result' window is open.
CREATE TABLE exam_published (
	year		SMALLINT UNSIGNED NOT NULL,
	region_code	CHAR(6) NOT NULL,
	published_by	INT UNSIGNED NULL,
	published_at	DATETIME NOT NULL,
	PRIMARY KEY (year, region_code),
	CONSTRAINT exam_published_year FOREIGN KEY (year) REFERENCES years (year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 复核: one request per application, within the policy's days after
-- publication; the office answers it (changed: the scores were
-- corrected, by the answer).
CREATE TABLE exam_rechecks (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	application_id	INT UNSIGNED NOT NULL,
	reason		VARCHAR(200) NOT NULL,
	asked_at	DATETIME NOT NULL,
	state		ENUM('asked','answered') NOT NULL DEFAULT 'asked',
	answer		VARCHAR(500) NULL,
	changed		TINYINT NOT NULL DEFAULT 0,
	answered_by	INT UNSIGNED NULL,
	answered_at	DATETIME NULL,
	UNIQUE KEY exam_rechecks_app (application_id),
	KEY exam_rechecks_state (state, asked_at),
	CONSTRAINT exam_rechecks_result FOREIGN KEY (application_id) REFERENCES exam_results (application_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 电子证书: for a published pass, inside the year's 'certificate'
-- window.  cert_no: 'GQ' year(4) region(6) level(1) serial(6).  The
-- holder's name and ID number are kept masked as printed (张*三,
-- 4101**********123X): the public verification page reads no sealed
-- column.  Revocation (003 §四(四)) by the province, with its reason.
CREATE TABLE certificates (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	cert_no		VARCHAR(20) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	application_id	INT UNSIGNED NOT NULL,
	account_id	INT UNSIGNED NOT NULL,
	year		SMALLINT UNSIGNED NOT NULL,
	region_code	CHAR(6) NOT NULL,
	worktype	VARCHAR(8) NOT NULL,
	level		TINYINT UNSIGNED NOT NULL,
	issued_on	DATE NOT NULL,
	name_masked	VARCHAR(40) NOT NULL,
	idno_masked	CHAR(18) NOT NULL,
	state		ENUM('valid','revoked') NOT NULL DEFAULT 'valid',
	revoked_by	INT UNSIGNED NULL,
	revoked_at	DATETIME NULL,
	revoke_reason	VARCHAR(200) NULL,
	issued_by	INT UNSIGNED NULL,		-- NULL: gkbm-admin
	issued_at	DATETIME NOT NULL,
	UNIQUE KEY certificates_no (cert_no),
	UNIQUE KEY certificates_app (application_id),
	KEY certificates_region (year, region_code),
	CONSTRAINT certificates_result FOREIGN KEY (application_id) REFERENCES exam_results (application_id),
	CONSTRAINT certificates_wt FOREIGN KEY (worktype) REFERENCES worktypes (code),
	CONSTRAINT certificates_level CHECK (level BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The 合格库 row a certificate added (so next year's R18/R19 see it);
-- a revocation takes back the row it added, never an imported one.
ALTER TABLE qualified
	ADD COLUMN cert_id	INT UNSIGNED NULL AFTER year,
	ADD UNIQUE KEY qualified_cert (cert_id);

-- 申领汇总上报 (seed 004 §四): a report of kind 'passed' lists those who
-- passed; kind 'approved' is issue 8's report of final approvals.
ALTER TABLE reports
	ADD COLUMN kind		ENUM('approved','passed') NOT NULL DEFAULT 'approved' AFTER year,
	ADD KEY reports_kind (year, kind, unit_id, id);
