-- 0021-ticket.sql: 准考证打印 (issue 10 item 3; SPEC §3.7, seed 001
-- §五(二) "打印准考证时请发送并输入短信验证码").  A right SMS code of
-- purpose "ticket" unlocks the candidate's ticket for the session it
-- was typed in, for TICKET_UNLOCK_MIN minutes (fcgi/model/ticket.c); a
-- new login, another browser or the end of the session asks again.
-- The row goes with its session (logout, expiry, revocation).
CREATE TABLE ticket_unlocks (
	session_id	BINARY(32) NOT NULL PRIMARY KEY,
	account_id	INT UNSIGNED NOT NULL,
	until		DATETIME NOT NULL,
	CONSTRAINT ticket_unlocks_session FOREIGN KEY (session_id) REFERENCES sessions (id) ON DELETE CASCADE,
	CONSTRAINT ticket_unlocks_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
