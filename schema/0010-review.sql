-- 0010-review.sql: the review chain (SPEC §5, seed 002 §1, 003 §二).
--
-- When an application is submitted its chain is fixed in app_chain: step
-- 1 the unit (本单位, left out when the unit is itself a supervising unit),
-- then the supervising unit (主管单位, left out when it is the office
-- itself), then the office that reviews for the region: the county office
-- where the county has taken over review this year (county_takeover),
-- else the city office; the province office for 省直 and 中央驻豫 units.
--
-- While an application waits (state 'submitted') wait_step, wait_unit_id,
-- wait_level and wait_since name the step, the unit whose queue holds it
-- and since when; otherwise they are NULL.  A queue is therefore one range
-- of applications_queue.  'cancelled' is 填报虚假信息 (003 §四(四)).
ALTER TABLE applications
	ADD COLUMN wait_step	TINYINT UNSIGNED NULL AFTER submitted_at,
	ADD COLUMN wait_unit_id	INT UNSIGNED NULL AFTER wait_step,
	ADD COLUMN wait_level	VARCHAR(16) NULL AFTER wait_unit_id,
	ADD COLUMN wait_since	DATETIME NULL AFTER wait_level,
	-- 容缺后补: 0 none, 1 awaiting the material, 2 material added (the
	-- unit admin confirms), 3 confirmed (county or higher re-checks).
	ADD COLUMN defer_state	TINYINT UNSIGNED NOT NULL DEFAULT 0 AFTER wait_since,
	ADD COLUMN defer_note	VARCHAR(500) NOT NULL DEFAULT '' AFTER defer_state,
	ADD COLUMN decided_at	DATETIME NULL AFTER defer_note,
	ADD KEY applications_queue (wait_unit_id, target_level, wait_since, id),
	ADD KEY applications_defer (defer_state, unit_id),
	DROP CONSTRAINT applications_state,
	ADD CONSTRAINT applications_state CHECK (state IN
	    ('draft','submitted','returned','rejected','approved','cancelled')),
	ADD CONSTRAINT applications_defer CHECK (defer_state <= 3),
	ADD CONSTRAINT applications_wait_unit FOREIGN KEY (wait_unit_id) REFERENCES units (id);

-- The chain fixed at submission; level: unit, supervising, county, city,
-- province.  Staff see an application when their unit is in its chain.
CREATE TABLE app_chain (
	application_id	INT UNSIGNED NOT NULL,
	step		TINYINT UNSIGNED NOT NULL,
	level		VARCHAR(16) NOT NULL,
	unit_id		INT UNSIGNED NOT NULL,
	PRIMARY KEY (application_id, step),
	KEY app_chain_unit (unit_id, application_id),
	CONSTRAINT app_chain_app FOREIGN KEY (application_id) REFERENCES applications (id),
	CONSTRAINT app_chain_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT app_chain_level CHECK (level IN ('unit','supervising','county','city','province'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- review_events (0002) gains the step and the kinds of act: submit, pass,
-- final (终审通过), return, reject, reapply (退回重新申报), defer, supplied,
-- confirm (确认材料已补), recheck, false (填报虚假信息), lift.  The records
-- pages (本级审核记录) are ranges of review_events_unit.
ALTER TABLE review_events
	ADD COLUMN step		TINYINT UNSIGNED NULL AFTER level,
	ADD KEY review_events_unit (unit_id, action, at);

-- 已承接: the county office reviews its county's applications this year.
CREATE TABLE county_takeover (
	year		SMALLINT UNSIGNED NOT NULL,
	region_code	CHAR(6) NOT NULL,
	set_by		INT UNSIGNED NOT NULL,
	set_at		DATETIME NOT NULL,
	PRIMARY KEY (year, region_code),
	CONSTRAINT county_takeover_year FOREIGN KEY (year) REFERENCES years (year),
	CONSTRAINT county_takeover_region FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 市级复核意见 (kind city) and 省级标记 (kind province): notes on an
-- application, listed for the unit admin and the levels below.
CREATE TABLE review_notes (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	application_id	INT UNSIGNED NOT NULL,
	kind		VARCHAR(16) NOT NULL,
	unit_id		INT UNSIGNED NOT NULL,
	author_id	INT UNSIGNED NOT NULL,
	text		VARCHAR(500) NOT NULL,
	at		DATETIME NOT NULL,
	KEY review_notes_app (application_id, id),
	KEY review_notes_kind (kind, at),
	CONSTRAINT review_notes_app FOREIGN KEY (application_id) REFERENCES applications (id),
	CONSTRAINT review_notes_kind CHECK (kind IN ('city','province'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 站内消息: what the candidate is told (returned, rejected, approved).
CREATE TABLE messages (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	account_id	INT UNSIGNED NOT NULL,
	application_id	INT UNSIGNED NULL,
	kind		VARCHAR(16) NOT NULL,
	text		VARCHAR(500) NOT NULL,
	created_at	DATETIME NOT NULL,
	read_at		DATETIME NULL,
	KEY messages_account (account_id, id),
	CONSTRAINT messages_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 填报虚假信息: the ID number (its lookup value) may not register in the
-- years year_from..year_to; lifting is recorded here and audited.
CREATE TABLE bans (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	idno_mac	BINARY(32) NOT NULL,
	year_from	SMALLINT UNSIGNED NOT NULL,
	year_to		SMALLINT UNSIGNED NOT NULL,
	application_id	INT UNSIGNED NOT NULL,
	reason		VARCHAR(500) NOT NULL,
	set_by		INT UNSIGNED NOT NULL,
	set_at		DATETIME NOT NULL,
	lifted_by	INT UNSIGNED NULL,
	lifted_at	DATETIME NULL,
	lift_reason	VARCHAR(500) NOT NULL DEFAULT '',
	KEY bans_idno (idno_mac, year_to),
	CONSTRAINT bans_app FOREIGN KEY (application_id) REFERENCES applications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
