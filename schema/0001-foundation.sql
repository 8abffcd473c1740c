-- 0001-foundation.sql: years and windows, reference data, units,
-- accounts, sessions, login attempts, SMS codes and outbox, audit log.
-- Times are Beijing time (every connection sets time_zone = '+08:00').

CREATE TABLE years (
	year		SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
	title		VARCHAR(100) NOT NULL,
	is_current	TINYINT NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per year, kind of window and region ('' for the whole province).
CREATE TABLE windows (
	year		SMALLINT UNSIGNED NOT NULL,
	kind		VARCHAR(16) NOT NULL,
	region_code	CHAR(6) NOT NULL DEFAULT '',
	starts_at	DATETIME NOT NULL,
	ends_at		DATETIME NOT NULL,
	updated_by	INT UNSIGNED NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (year, kind, region_code),
	CONSTRAINT windows_year FOREIGN KEY (year) REFERENCES years (year),
	CONSTRAINT windows_span CHECK (starts_at < ends_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE regions (
	code		CHAR(6) NOT NULL PRIMARY KEY,
	name		VARCHAR(50) NOT NULL,
	parent_code	CHAR(6) NULL,
	kind		ENUM('province','city','county','direct_county','zone') NOT NULL,
	division_type	VARCHAR(20) NOT NULL DEFAULT '',
	direct_county	TINYINT NOT NULL DEFAULT 0,
	note		VARCHAR(200) NOT NULL DEFAULT '',
	KEY regions_parent (parent_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE worktypes (
	code		VARCHAR(8) NOT NULL PRIMARY KEY,
	name		VARCHAR(50) NOT NULL,
	pinyin		VARCHAR(32) NOT NULL,
	category	VARCHAR(50) NOT NULL DEFAULT '',
	status		ENUM('current','merged','cancelled') NOT NULL,
	level1_open	TINYINT NOT NULL DEFAULT 0,
	source		VARCHAR(20) NOT NULL DEFAULT '',
	source_ref	VARCHAR(200) NOT NULL DEFAULT '',
	UNIQUE KEY worktypes_name (name),
	KEY worktypes_pinyin (pinyin)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Old work types merged into new ones (one old type may map to several).
CREATE TABLE worktype_map (
	old_code	VARCHAR(8) NOT NULL,
	new_code	VARCHAR(8) NOT NULL,
	PRIMARY KEY (old_code, new_code),
	CONSTRAINT worktype_map_old FOREIGN KEY (old_code) REFERENCES worktypes (code),
	CONSTRAINT worktype_map_new FOREIGN KEY (new_code) REFERENCES worktypes (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE education (
	code		CHAR(2) NOT NULL PRIMARY KEY,
	name		VARCHAR(20) NOT NULL,
	full_name	VARCHAR(50) NOT NULL,
	rank		TINYINT NOT NULL,
	note		VARCHAR(200) NOT NULL DEFAULT ''
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE appraisal (
	code		VARCHAR(8) NOT NULL PRIMARY KEY,
	name		VARCHAR(20) NOT NULL,
	alt_name	VARCHAR(20) NOT NULL,
	rank		TINYINT NOT NULL,
	counts_as_pass	TINYINT NOT NULL,
	note		VARCHAR(200) NOT NULL DEFAULT ''
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The unit tree. Offices (county, city, province) are units too: a staff
-- account's scope is a unit and everything below it.
CREATE TABLE units (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	code		VARCHAR(32) NOT NULL,
	name		VARCHAR(100) NOT NULL,
	kind		ENUM('basic','supervising','county','city','province') NOT NULL,
	parent_id	INT UNSIGNED NULL,
	region_code	CHAR(6) NOT NULL,
	admin_id	INT UNSIGNED NULL,
	created_at	DATETIME NOT NULL,
	UNIQUE KEY units_code (code),
	KEY units_parent (parent_id),
	KEY units_region (region_code),
	CONSTRAINT units_parent FOREIGN KEY (parent_id) REFERENCES units (id),
	CONSTRAINT units_region FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Candidates (role 'candidate', one account per year) and staff (year 0).
-- ID numbers and phones are sealed (AES-256-GCM, key_id inside the value)
-- and found by their HMAC lookup values.
CREATE TABLE accounts (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	role		ENUM('candidate','unit','reviewer','supervising','county','city','province') NOT NULL,
	year		SMALLINT UNSIGNED NOT NULL DEFAULT 0,
	unit_id		INT UNSIGNED NULL,
	login		VARCHAR(32) NULL,
	name		VARCHAR(40) NOT NULL,
	idno_enc	VARBINARY(96) NULL,
	idno_mac	BINARY(32) NULL,
	phone_enc	VARBINARY(96) NULL,
	phone_mac	BINARY(32) NULL,
	gender		ENUM('M','F') NULL,
	birth_date	DATE NULL,
	region_code	CHAR(6) NULL,
	level		TINYINT UNSIGNED NULL,
	idcard_file	CHAR(64) NULL,
	pw_hash		VARCHAR(160) NOT NULL,
	pw_must_change	TINYINT NOT NULL DEFAULT 0,
	pw_changed_at	DATETIME NOT NULL,
	consent_version	VARCHAR(16) NULL,
	consent_at	DATETIME NULL,
	created_at	DATETIME NOT NULL,
	UNIQUE KEY accounts_idno (year, idno_mac),
	UNIQUE KEY accounts_phone (year, phone_mac),
	UNIQUE KEY accounts_login (login),
	KEY accounts_unit (unit_id),
	CONSTRAINT accounts_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT accounts_region FOREIGN KEY (region_code) REFERENCES regions (code),
	CONSTRAINT accounts_level CHECK (level IS NULL OR level BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE units ADD CONSTRAINT units_admin FOREIGN KEY (admin_id) REFERENCES accounts (id);

-- Only the SHA-256 of the session token is stored.
CREATE TABLE sessions (
	id		BINARY(32) NOT NULL PRIMARY KEY,
	account_id	INT UNSIGNED NOT NULL,
	created_at	DATETIME NOT NULL,
	seen_at		DATETIME NOT NULL,
	ip		VARCHAR(45) NOT NULL,
	KEY sessions_account (account_id),
	CONSTRAINT sessions_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Login failures and successes, per login value (HMAC) and source address.
CREATE TABLE login_attempts (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	at		DATETIME NOT NULL,
	login_mac	BINARY(32) NOT NULL,
	ip		VARCHAR(45) NOT NULL,
	ok		TINYINT NOT NULL,
	KEY login_attempts_login (login_mac, at),
	KEY login_attempts_ip (ip, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- SMS verification codes; only a keyed hash of the code is kept here.
CREATE TABLE sms_codes (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	phone_mac	BINARY(32) NOT NULL,
	purpose		VARCHAR(16) NOT NULL,
	code_mac	BINARY(32) NOT NULL,
	created_at	DATETIME NOT NULL,
	used_at		DATETIME NULL,
	tries		TINYINT UNSIGNED NOT NULL DEFAULT 0,
	ip		VARCHAR(45) NOT NULL,
	KEY sms_codes_phone (phone_mac, purpose, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Messages waiting for the sender (gkbm-sms); phone and text sealed.
CREATE TABLE sms_outbox (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	phone_enc	VARBINARY(96) NOT NULL,
	body_enc	VARBINARY(600) NOT NULL,
	created_at	DATETIME NOT NULL,
	sent_at		DATETIME NULL,
	tries		TINYINT UNSIGNED NOT NULL DEFAULT 0,
	last_error	VARCHAR(200) NOT NULL DEFAULT '',
	KEY sms_outbox_pending (sent_at, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The audit trail. gkbm-web may only INSERT here (see grants.sql).
CREATE TABLE audit (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	at		DATETIME(3) NOT NULL,
	account_id	INT UNSIGNED NULL,
	role		VARCHAR(16) NOT NULL DEFAULT '',
	unit_id		INT UNSIGNED NULL,
	ip		VARCHAR(45) NOT NULL DEFAULT '',
	request_id	VARCHAR(16) NOT NULL DEFAULT '',
	event		VARCHAR(32) NOT NULL,
	object		VARCHAR(64) NOT NULL DEFAULT '',
	result		VARCHAR(16) NOT NULL DEFAULT '',
	reason		VARCHAR(200) NOT NULL DEFAULT '',
	KEY audit_at (at),
	KEY audit_account (account_id, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
