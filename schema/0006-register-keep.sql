-- 0006-register-keep.sql: what a refused registration keeps for its retry
-- (regkeep.c, h_register.c), so the candidate need not choose the ID-card
-- photo, type the SMS code and both passwords again:
--   file       the ID-card photo under upload_dir: as uploaded (checked
--              from its header only, clean = 0) until the SMS code is
--              verified, then decoded and re-encoded (clean = 1);
--   sms_id     the SMS code once verified, for the phone of phone_mac
--              (it stays valid for its own 5 minutes and is used only by
--              the registration);
--   pw_hash    the password as an scrypt hash, once it passed the rules
--              for the ID number and name of pw_for (a keyed hash of both).
-- id is the SHA-256 of the token in the form, pre the SHA-256 of the
-- gkbm_pre cookie it is bound to, ip the address that made it (at most
-- REGKEEP_PER_IP kept photos per address, so anonymous refusals cannot
-- fill the disk).  Rows live 30 minutes; the sweep removes them with
-- their files.
CREATE TABLE register_keep (
	id		BINARY(32) NOT NULL PRIMARY KEY,
	pre		BINARY(32) NOT NULL,
	file		CHAR(64) NULL,
	clean		TINYINT NOT NULL DEFAULT 0,
	sms_id		BIGINT UNSIGNED NULL,
	phone_mac	BINARY(32) NULL,
	pw_hash		VARCHAR(160) NULL,
	pw_for		BINARY(32) NULL,
	ip		VARCHAR(45) NOT NULL,
	created_at	DATETIME NOT NULL,
	KEY register_keep_created (created_at),
	KEY register_keep_ip (ip, created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
