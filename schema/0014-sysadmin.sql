-- 0014-sysadmin.sql: 系统管理 (issue 8 §1; fcgi/model/unit.c, staff.c).
--
-- A unit that has candidates, applications or review history cannot be
-- deleted, only disabled: a disabled unit is no longer offered to
-- candidates (/lookup/units) nor accepted on a new application, but its
-- accounts keep working, so the applications already waiting there are
-- reviewed to the end of the year.  An account is disabled on its own
-- (用户管理): a disabled account cannot log in and its sessions end.
ALTER TABLE units ADD COLUMN disabled TINYINT NOT NULL DEFAULT 0;
ALTER TABLE accounts ADD COLUMN disabled TINYINT NOT NULL DEFAULT 0;

-- Every spreadsheet of units imported, by the SHA-256 of its bytes: the
-- same file a second time is refused by name, not row by row.
CREATE TABLE unit_imports (
	sha256		BINARY(32) NOT NULL PRIMARY KEY,
	account_id	INT UNSIGNED NULL,
	units		INT UNSIGNED NOT NULL,
	at		DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
