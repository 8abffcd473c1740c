-- 0008-auth.sql: the second factor enrolled only after proof, captchas,
-- and the counters that answer alike for registered and unregistered
-- values (issue 7, section 2).
--
-- A one-time enrolment code an administrator issues with gkbm-admin
-- totp-reset (only its keyed hash, valid until totp_enroll_until).
ALTER TABLE accounts
	ADD COLUMN totp_enroll_mac BINARY(32) NULL,
	ADD COLUMN totp_enroll_until DATETIME NULL;

-- A pending login knows the failure key of the name it was started with
-- (wrong codes count against that name, h_otp.c), and whether the phone
-- (or an enrolment code) was proved, which alone shows a new secret.
ALTER TABLE login_pending
	ADD COLUMN login_mac BINARY(32) NULL,
	ADD COLUMN verified TINYINT NOT NULL DEFAULT 0;

-- One image captcha per browser cookie (id: the SHA-256 of the cookie);
-- the answer only as a keyed hash; single use, 5 minutes (captcha.c).
CREATE TABLE captchas (
	id		BINARY(32) NOT NULL PRIMARY KEY,
	answer_mac	BINARY(32) NOT NULL,
	created_at	DATETIME NOT NULL,
	KEY captchas_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The hourly SMS budget counts the messages queued in the last hour.
CREATE INDEX sms_outbox_created ON sms_outbox (created_at);
