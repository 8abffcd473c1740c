-- 0002-application.sql: the application (报名信息), its appraisals and
-- materials, the yearly policy of the eligibility rules, the qualified
-- library (合格库), mobile upload links and the review trail.

-- Office phones shown to candidates on the status page (not personal data).
ALTER TABLE units ADD COLUMN phone VARCHAR(32) NOT NULL DEFAULT '' AFTER region_code;

-- The thresholds of the eligibility rules R1-R21 for a year; one row per
-- key (fcgi/policy.c lists the keys, their meaning and their defaults).
CREATE TABLE policy (
	year		SMALLINT UNSIGNED NOT NULL,
	pkey		VARCHAR(32) NOT NULL,
	value		VARCHAR(64) NOT NULL,
	updated_by	INT UNSIGNED NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (year, pkey),
	CONSTRAINT policy_year FOREIGN KEY (year) REFERENCES years (year)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The work types open for level 1 (一级) in a year (R16).
CREATE TABLE policy_level1 (
	year		SMALLINT UNSIGNED NOT NULL,
	worktype	VARCHAR(8) NOT NULL,
	PRIMARY KEY (year, worktype),
	CONSTRAINT policy_level1_year FOREIGN KEY (year) REFERENCES years (year),
	CONSTRAINT policy_level1_wt FOREIGN KEY (worktype) REFERENCES worktypes (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One application per candidate account (so per year).  state: draft,
-- submitted, returned, rejected, approved; version rises with every change
-- (optimistic locking: UPDATE ... WHERE id = ? AND version = ?).
CREATE TABLE applications (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	account_id	INT UNSIGNED NOT NULL,
	year		SMALLINT UNSIGNED NOT NULL,
	state		VARCHAR(16) NOT NULL DEFAULT 'draft',
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	unit_id		INT UNSIGNED NULL,
	education	CHAR(2) NULL,
	work_start	DATE NULL,
	work_years	TINYINT UNSIGNED NULL,
	cur_level	TINYINT UNSIGNED NULL,		-- 0 未定级, 5..1
	cur_worktype	VARCHAR(8) NULL,
	cur_level_year	SMALLINT UNSIGNED NULL,
	unit_category	VARCHAR(16) NULL,		-- admin, institution
	unit_rank	VARCHAR(16) NULL,		-- province, city, county, township
	target_worktype	VARCHAR(8) NULL,
	target_level	TINYINT UNSIGNED NULL,
	route		VARCHAR(16) NULL,		-- years, certificate
	appraisal_note	VARCHAR(500) NOT NULL DEFAULT '',
	prohibited	TINYINT NULL,			-- 是否存在禁止申报情形
	exceptional	TINYINT NOT NULL DEFAULT 0,	-- 破格晋升 asked for
	exc_conditions	VARCHAR(200) NOT NULL DEFAULT '',
	exc_evidence	VARCHAR(2000) NOT NULL DEFAULT '',
	exc_entered_by	INT UNSIGNED NULL,		-- R20: entered by an office
	resume		TEXT NULL,			-- level 1: 学习工作简历
	rewards		TEXT NULL,			-- level 1: 奖惩情况
	achievements	TEXT NULL,			-- level 1: 主要技术业务工作业绩
	opt_conditions	VARCHAR(2000) NOT NULL DEFAULT '',
	photo_stamped	TINYINT NOT NULL DEFAULT 0,	-- 添加身份证号 done
	confirm_r18	TINYINT NOT NULL DEFAULT 0,
	confirm_r19	TINYINT NOT NULL DEFAULT 0,
	submitted_at	DATETIME NULL,
	created_at	DATETIME NOT NULL,
	updated_at	DATETIME NOT NULL,
	UNIQUE KEY applications_account (account_id),
	KEY applications_unit (unit_id, state),
	KEY applications_year_state (year, state),
	CONSTRAINT applications_account FOREIGN KEY (account_id) REFERENCES accounts (id),
	CONSTRAINT applications_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT applications_edu FOREIGN KEY (education) REFERENCES education (code),
	CONSTRAINT applications_cur_wt FOREIGN KEY (cur_worktype) REFERENCES worktypes (code),
	CONSTRAINT applications_target_wt FOREIGN KEY (target_worktype) REFERENCES worktypes (code),
	CONSTRAINT applications_state CHECK (state IN ('draft','submitted','returned','rejected','approved')),
	CONSTRAINT applications_levels CHECK ((cur_level IS NULL OR cur_level <= 5) AND
	    (target_level IS NULL OR target_level BETWEEN 1 AND 5))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 年度考核: the grades of the five years before the report year.
CREATE TABLE appraisals (
	application_id	INT UNSIGNED NOT NULL,
	year		SMALLINT UNSIGNED NOT NULL,
	grade		VARCHAR(8) NOT NULL,
	PRIMARY KEY (application_id, year),
	CONSTRAINT appraisals_app FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE CASCADE,
	CONSTRAINT appraisals_grade FOREIGN KEY (grade) REFERENCES appraisal (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Uploaded files of an application (the bytes are on disk under
-- upload_dir, named by file, written and fsync'd before the row commits).
-- kind: photo (one), idcard (one), material, r19proof, exc_evidence,
-- l1_form, l1_cert, l1_other, l1_salary, l1_appraisal (JPEG) and
-- document (doc/docx, titled).
CREATE TABLE materials (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	application_id	INT UNSIGNED NOT NULL,
	kind		VARCHAR(16) NOT NULL,
	file		CHAR(64) NOT NULL,
	mime		VARCHAR(80) NOT NULL,
	size		INT UNSIGNED NOT NULL,
	title		VARCHAR(100) NOT NULL DEFAULT '',
	uploaded_by	INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL,
	UNIQUE KEY materials_file (file),
	KEY materials_app (application_id, kind),
	CONSTRAINT materials_app FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 合格库: certificates already held, imported by gkbm-admin import-qualified.
CREATE TABLE qualified (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	idno_mac	BINARY(32) NOT NULL,
	worktype	VARCHAR(8) NOT NULL,
	level		TINYINT UNSIGNED NOT NULL,
	year		SMALLINT UNSIGNED NOT NULL,
	UNIQUE KEY qualified_entry (idno_mac, worktype, level),
	CONSTRAINT qualified_wt FOREIGN KEY (worktype) REFERENCES worktypes (code),
	CONSTRAINT qualified_level CHECK (level BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- 手机扫码上传: single-use links bound to one application, 10 minutes.
CREATE TABLE upload_links (
	token_hash	BINARY(32) NOT NULL PRIMARY KEY,
	application_id	INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL,
	expires_at	DATETIME NOT NULL,
	claim_hash	BINARY(32) NULL,		-- the phone that opened it
	KEY upload_links_app (application_id),
	CONSTRAINT upload_links_app FOREIGN KEY (application_id) REFERENCES applications (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The review trail (append-only): submissions and each level's decision.
CREATE TABLE review_events (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	application_id	INT UNSIGNED NOT NULL,
	level		VARCHAR(16) NOT NULL,		-- candidate, unit, supervising, county, city, province
	action		VARCHAR(16) NOT NULL,		-- submit, pass, return, reject
	actor_id	INT UNSIGNED NOT NULL,
	unit_id		INT UNSIGNED NULL,
	reason		VARCHAR(500) NOT NULL DEFAULT '',
	at		DATETIME NOT NULL,
	KEY review_events_app (application_id, id),
	CONSTRAINT review_events_app FOREIGN KEY (application_id) REFERENCES applications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
