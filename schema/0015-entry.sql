-- 0015-entry.sql: 单位名称核对 (003 §三(一)), 补报 and 破格/一线 entered
-- by an office (002 §3.1, SPEC R20), and revoked registrations (issue 8).

-- 单位名称核对: a supervising unit confirmed, this year, that the names of
-- itself and its units are right (fcgi/model/unitcheck.c).  No row: not
-- yet.  Undone by deleting the row (inside the window).
CREATE TABLE unit_checks (
	year		SMALLINT UNSIGNED NOT NULL,
	unit_id		INT UNSIGNED NOT NULL,
	confirmed_by	INT UNSIGNED NOT NULL,
	confirmed_at	DATETIME NOT NULL,
	PRIMARY KEY (year, unit_id),
	KEY unit_checks_unit (unit_id),
	CONSTRAINT unit_checks_year FOREIGN KEY (year) REFERENCES years (year),
	CONSTRAINT unit_checks_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT unit_checks_by FOREIGN KEY (confirmed_by) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A candidate account an office entered instead of a registration:
-- kind 'late' (补报, e.g. without social insurance) or 'exceptional'
-- (破格/一线: the application's exc_entered_by is set too, which is what
-- the eligibility rules read, R20).  unit_id is the candidate's unit as
-- entered; the list of an office is the entries whose unit lies in its
-- subtree (db.c SCOPE).
CREATE TABLE entries (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	year		SMALLINT UNSIGNED NOT NULL,
	account_id	INT UNSIGNED NOT NULL,
	kind		VARCHAR(16) NOT NULL,
	unit_id		INT UNSIGNED NOT NULL,
	reason		VARCHAR(200) NOT NULL,
	entered_by	INT UNSIGNED NOT NULL,
	entered_at	DATETIME NOT NULL,
	UNIQUE KEY entries_account (account_id),
	KEY entries_unit (unit_id, year),
	KEY entries_year (year, entered_at),
	CONSTRAINT entries_account FOREIGN KEY (account_id) REFERENCES accounts (id),
	CONSTRAINT entries_unit FOREIGN KEY (unit_id) REFERENCES units (id),
	CONSTRAINT entries_by FOREIGN KEY (entered_by) REFERENCES accounts (id),
	CONSTRAINT entries_kind CHECK (kind IN ('late', 'exceptional'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A registration made with someone else's ID number, revoked by a county,
-- city or province office (fcgi/model/revoke.c): the account's lookup
-- values (ID number, phone) move here, so the unique keys accounts_idno
-- and accounts_phone free up and the real person can register; the
-- sealed ID number stays on the account row it is bound to (pii.c), and
-- revoked_at marks the account, which no login can find any more.
ALTER TABLE accounts
	ADD COLUMN revoked_at	DATETIME NULL;

CREATE TABLE revocations (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	year		SMALLINT UNSIGNED NOT NULL,
	account_id	INT UNSIGNED NOT NULL,
	idno_mac	BINARY(32) NULL,
	phone_mac	BINARY(32) NULL,
	unit_id		INT UNSIGNED NULL,	-- the application's, if any
	region_code	CHAR(6) NULL,		-- the registration's
	reason		VARCHAR(200) NOT NULL,
	revoked_by	INT UNSIGNED NOT NULL,
	revoked_at	DATETIME NOT NULL,
	UNIQUE KEY revocations_account (account_id),
	KEY revocations_idno (idno_mac),
	KEY revocations_year (year, revoked_at),
	CONSTRAINT revocations_account FOREIGN KEY (account_id) REFERENCES accounts (id),
	CONSTRAINT revocations_by FOREIGN KEY (revoked_by) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The offices' view of 单位名称核对 reads the supervising units of a
-- subtree (a tenth of the units or less): along this index, not every
-- unit of the province.
ALTER TABLE units ADD KEY units_kind (kind, code);
