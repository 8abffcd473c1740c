-- 0017-report.sql: 汇总上报 (seed 004, issue 8 item 7).  Inside the year's
-- report window (windows.kind 'report', set on /admin/windows) a city
-- office, or a supervising unit of the province's own region (省直),
-- reports the approved applications of its subtree to the province.  A
-- report is a frozen snapshot: its rows are copied (the candidate's
-- name, sealed ID number and phone with the account they are bound to,
-- the unit, work type, level, route and approval date), counted and
-- hashed (SHA-256 over the rows as printed, fcgi/model/report.c), so
-- later changes to the applications never change it.  The latest report
-- of a unit and year is the one in force; once reported, the office
-- reports again only after the province reopens it (reopened_*, with
-- the reason, audited).

CREATE TABLE reports (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	year		SMALLINT UNSIGNED NOT NULL,
	unit_id		INT UNSIGNED NOT NULL,
	state		ENUM('reported','reopened') NOT NULL,
	nrows		INT UNSIGNED NOT NULL,
	digest		CHAR(64) NOT NULL,		-- hex SHA-256 of the rows
	reported_by	INT UNSIGNED NOT NULL,
	reported_at	DATETIME NOT NULL,
	reopened_by	INT UNSIGNED NULL,
	reopened_at	DATETIME NULL,
	reopen_reason	VARCHAR(200) NULL,
	KEY reports_year_unit (year, unit_id, id),
	CONSTRAINT reports_year FOREIGN KEY (year) REFERENCES years (year),
	CONSTRAINT reports_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT reports_by FOREIGN KEY (reported_by) REFERENCES accounts (id),
	CONSTRAINT reports_reopened_by FOREIGN KEY (reopened_by) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The snapshot's rows, numbered as printed (unit code, then application).
CREATE TABLE report_rows (
	report_id	INT UNSIGNED NOT NULL,
	n		INT UNSIGNED NOT NULL,
	application_id	INT UNSIGNED NOT NULL,
	account_id	INT UNSIGNED NOT NULL,		-- the sealed values' binding
	name		VARCHAR(40) NOT NULL,
	gender		VARCHAR(1) NOT NULL,
	idno_enc	VARBINARY(96) NULL,
	phone_enc	VARBINARY(96) NULL,
	unit_code	VARCHAR(32) NOT NULL,
	unit_name	VARCHAR(100) NOT NULL,
	worktype	VARCHAR(100) NOT NULL,
	level		TINYINT UNSIGNED NOT NULL,
	route		VARCHAR(16) NOT NULL,
	decided		VARCHAR(10) NOT NULL,
	PRIMARY KEY (report_id, n),
	CONSTRAINT report_rows_report FOREIGN KEY (report_id) REFERENCES reports (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
