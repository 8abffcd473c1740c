-- 0004-totp.sql: the second login factor of province and city office
-- accounts (SECURITY.md §1): a TOTP secret (RFC 6238) sealed like the
-- phone, the last time step accepted (a code is never accepted twice),
-- and the logins waiting for their second factor.
ALTER TABLE accounts
	ADD COLUMN totp_enc VARBINARY(96) NULL,
	ADD COLUMN totp_step BIGINT NOT NULL DEFAULT 0;

-- One row per password accepted and second factor pending: id is the
-- SHA-256 of the gkbm_2fa cookie; secret_enc a new secret while the
-- account enrolls.  Valid 10 minutes and 5 tries (h_otp.c).
CREATE TABLE login_pending (
	id		BINARY(32) NOT NULL PRIMARY KEY,
	account_id	INT UNSIGNED NOT NULL,
	secret_enc	VARBINARY(96) NULL,
	created_at	DATETIME NOT NULL,
	tries		TINYINT UNSIGNED NOT NULL DEFAULT 0,
	KEY login_pending_account (account_id),
	CONSTRAINT login_pending_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
