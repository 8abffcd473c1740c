-- 0005-form-keeps.sql: what the application form sent when it could not
-- be taken (issue 6: nothing typed is lost): the session had expired, the
-- page's CSRF token was stale, or an upload, stamp, deletion or QR link
-- came with fields that could not be saved as the draft.  id is the
-- SHA-256 of the gkbm_keep cookie; the fields (name=value&..., values
-- percent-encoded where needed) go back into the form on the account's
-- next GET /apply, once, within 30 minutes (fcgi/keep.c).
CREATE TABLE form_keeps (
	id		BINARY(32) NOT NULL PRIMARY KEY,
	account_id	INT UNSIGNED NOT NULL,
	body		MEDIUMBLOB NOT NULL,
	created_at	DATETIME NOT NULL,
	KEY form_keeps_account (account_id),
	KEY form_keeps_created (created_at),
	CONSTRAINT form_keeps_account FOREIGN KEY (account_id) REFERENCES accounts (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
