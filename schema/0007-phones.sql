-- 0007-phones.sql: the consultation phone numbers (咨询电话) each city,
-- county and the province office keeps for itself on /admin/phones and
-- the public list /help/phones shows (h_phones.c).  One row per number;
-- an office's rows are replaced together when it saves.
CREATE TABLE consult_phones (
	region_code	CHAR(6) NOT NULL,
	sort		TINYINT UNSIGNED NOT NULL,
	label		VARCHAR(20) NOT NULL,
	phone		VARCHAR(32) NOT NULL,
	updated_by	INT UNSIGNED NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (region_code, sort),
	CONSTRAINT consult_phones_region FOREIGN KEY (region_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
