-- 0018-payment.sql: payment (SPEC §3.6, seed 000 §5 and 002 §3.2,
-- SECURITY.md §3 "sign v1").  Money is integer fen everywhere (INT
-- UNSIGNED); no decimal or float column holds an amount.
--
-- Who writes what: gkbm-web (fcgi/pages/pay/) creates orders and receipt
-- names and reads everything; gkbm-pay (fcgi/pay/) alone verifies the
-- platform's notifies and moves orders to PAID/PAID_LATE, records
-- payments, notifies and nonces; gkbm-admin pay-reconcile writes the
-- reconciliation tables; manual decisions come from the offices' pages.

-- Per city and year: does the city pay online (seed 000 §5: "所在地市
-- 网上缴费")?  No row: not online.  The city's payment window is the
-- windows row (year, 'payment', city code); the province-wide row
-- (region_code '') applies to cities without their own.
CREATE TABLE pay_city (
	year		SMALLINT UNSIGNED NOT NULL,
	city_code	CHAR(6) NOT NULL,
	online		TINYINT NOT NULL DEFAULT 0,
	updated_by	INT UNSIGNED NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (year, city_code),
	CONSTRAINT pay_city_year FOREIGN KEY (year) REFERENCES years (year),
	CONSTRAINT pay_city_region FOREIGN KEY (city_code) REFERENCES regions (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per year and target level (1..5): the fee in fen and how many hours
-- after final approval payment opens (24 for levels 2-5, 48 for level 1
-- by default; policy data, set by the province).  No row: no fee set,
-- payment not offered.
CREATE TABLE pay_level (
	year		SMALLINT UNSIGNED NOT NULL,
	level		TINYINT UNSIGNED NOT NULL,
	fee_fen		INT UNSIGNED NOT NULL,
	wait_hours	SMALLINT UNSIGNED NOT NULL,
	updated_by	INT UNSIGNED NULL,
	updated_at	DATETIME NOT NULL,
	PRIMARY KEY (year, level),
	CONSTRAINT pay_level_year FOREIGN KEY (year) REFERENCES years (year),
	CONSTRAINT pay_level_level CHECK (level BETWEEN 1 AND 5),
	CONSTRAINT pay_level_fee CHECK (fee_fen >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The receipt name (票据抬头) of an application, entered once: kind
-- person (个人), unit (单位) or other (其他) and the name.  One row per
-- application (so per candidate and year); it is never updated.
CREATE TABLE pay_receipt (
	application_id	INT UNSIGNED NOT NULL PRIMARY KEY,
	kind		ENUM('person','unit','other') NOT NULL,
	name		VARCHAR(100) NOT NULL,
	fixed_at	DATETIME NOT NULL,
	CONSTRAINT pay_receipt_app FOREIGN KEY (application_id) REFERENCES applications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Payment orders.  order_no [A-Z0-9]{1,32} is what the platform sees.
-- state:
--   PENDING    handed over (or about to be), waiting for the platform;
--   PAID       a valid notify (or an active query) confirmed the payment;
--   PAID_LATE  money arrived on a CLOSED or EXPIRED order: a person
--              decides (pay_decision accept -> PAID, refund -> REFUND_DUE);
--   CLOSED     closed by us (e.g. the candidate's application revoked);
--   EXPIRED    PENDING past expires_at and confirmed unpaid by a query;
--   REFUND_DUE money to be returned (decided, or the application revoked);
--   REFUNDED   the refund was made (recorded by a person).
-- open_app is the application id while the order is PENDING and NULL
-- otherwise: its UNIQUE key lets an application have one open order only
-- (two clicks on "pay" never make two orders, SECURITY §5 case 9).
-- trade_no: the platform's serial of the payment that settled the order
-- (UNIQUE).  pay_code: 缴款码 the candidate fetches the receipt with.
-- amount_fen is fixed when the order is made (pay_level.fee_fen then).
CREATE TABLE pay_order (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	order_no	VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	application_id	INT UNSIGNED NOT NULL,
	year		SMALLINT UNSIGNED NOT NULL,
	level		TINYINT UNSIGNED NOT NULL,
	amount_fen	INT UNSIGNED NOT NULL,
	state		ENUM('PENDING','PAID','PAID_LATE','CLOSED','EXPIRED',
			    'REFUND_DUE','REFUNDED') NOT NULL DEFAULT 'PENDING',
	open_app	INT UNSIGNED AS (IF(state = 'PENDING', application_id, NULL)) PERSISTENT,
	trade_no	VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
	paid_at		DATETIME NULL,		-- platform's paid_at (Beijing)
	pay_code	VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
	version		INT UNSIGNED NOT NULL DEFAULT 1,
	created_by	INT UNSIGNED NULL,	-- account (candidate, or office)
	created_at	DATETIME NOT NULL,
	handed_at	DATETIME NULL,		-- last signed hand-over made
	expires_at	DATETIME NOT NULL,	-- PENDING after this: query it
	queried_at	DATETIME NULL,		-- last active query
	closed_at	DATETIME NULL,
	updated_at	DATETIME NOT NULL,
	UNIQUE KEY pay_order_no (order_no),
	UNIQUE KEY pay_order_open (open_app),
	UNIQUE KEY pay_order_trade (trade_no),
	KEY pay_order_app (application_id, state),
	KEY pay_order_state (state, expires_at),
	KEY pay_order_year (year, state, paid_at),
	CONSTRAINT pay_order_app FOREIGN KEY (application_id) REFERENCES applications (id),
	CONSTRAINT pay_order_yr FOREIGN KEY (year) REFERENCES years (year),
	CONSTRAINT pay_order_amount CHECK (amount_fen >= 1),
	CONSTRAINT pay_order_no_chars CHECK (order_no REGEXP '^[A-Z0-9]{1,32}$')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every payment the platform reported (one row per trade_no, however
-- often it was notified): the money that arrived.  kind:
--   normal  settled its order (PENDING -> PAID);
--   double  a second payment of an application already paid (another
--           trade_no on a PAID order, or another order of the same
--           application paid): to refund;
--   late    arrived on a CLOSED/EXPIRED order (the order is PAID_LATE).
-- status: open (nothing to do, or awaiting a decision: kind double/late),
-- accepted, refund_due, refunded.  Changed only by pay_decision rows.
CREATE TABLE pay_payment (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	order_id	INT UNSIGNED NOT NULL,
	application_id	INT UNSIGNED NOT NULL,
	trade_no	VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	amount_fen	INT UNSIGNED NOT NULL,
	paid_at		DATETIME NOT NULL,
	kind		ENUM('normal','double','late') NOT NULL,
	status		ENUM('open','accepted','refund_due','refunded') NOT NULL DEFAULT 'open',
	notify_id	BIGINT UNSIGNED NULL,	-- the notify that reported it
	created_at	DATETIME NOT NULL,
	UNIQUE KEY pay_payment_trade (trade_no),
	KEY pay_payment_order (order_id),
	KEY pay_payment_kind (kind, status, created_at),
	CONSTRAINT pay_payment_order FOREIGN KEY (order_id) REFERENCES pay_order (id),
	CONSTRAINT pay_payment_app FOREIGN KEY (application_id) REFERENCES applications (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every notify that reached gkbm-pay, kept in every case (SECURITY §3):
-- the raw body as received, the peer, what it claimed (key_id, sign_type,
-- nonce, timestamp, order_no, trade_no, amount: NULL when not parsable)
-- and the verdict:
--   received (being processed), paid, duplicate, double, late,
--   malformed, unknown_key, alg_mismatch, bad_sign, bad_app, stale,
--   replay (same nonce, same content: re-delivery, acknowledged again),
--   nonce_reuse (same nonce, other content), no_order, mismatch (amount,
--   currency or status), db_error.
-- http_status is what we answered; ack the signed body we sent.
CREATE TABLE pay_notify (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	received_at	DATETIME(3) NOT NULL,
	peer_ip		VARCHAR(45) NOT NULL DEFAULT '',
	body		BLOB NOT NULL,
	key_id		VARCHAR(64) NULL,
	sign_type	VARCHAR(8) NULL,
	nonce		VARCHAR(32) NULL,
	msg_ts		BIGINT NULL,
	order_no	VARCHAR(32) NULL,
	trade_no	VARCHAR(64) NULL,
	amount_fen	BIGINT NULL,
	canon_sha256	BINARY(32) NULL,
	verdict		VARCHAR(16) NOT NULL DEFAULT 'received',
	detail		VARCHAR(200) NOT NULL DEFAULT '',
	http_status	SMALLINT UNSIGNED NULL,
	ack		VARCHAR(1024) NULL,
	done_at		DATETIME(3) NULL,
	KEY pay_notify_at (received_at),
	KEY pay_notify_order (order_no, received_at),
	KEY pay_notify_verdict (verdict, received_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The nonces seen, per key (SECURITY §3: kept 24 h, longer than the 300 s
-- window).  canon_sha256 tells a re-delivery (same content) from a reuse.
CREATE TABLE pay_nonce (
	key_id		VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	nonce		CHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	canon_sha256	BINARY(32) NOT NULL,
	notify_id	BIGINT UNSIGNED NOT NULL,
	seen_at		DATETIME NOT NULL,
	PRIMARY KEY (key_id, nonce),
	KEY pay_nonce_seen (seen_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Active order queries (an order PENDING too long, a stale notify): what
-- the platform answered.  state: the platform's pay_status (SUCCESS,
-- NOTPAY, CLOSED, ...) or 'error' with detail.
CREATE TABLE pay_query (
	id		BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	order_id	INT UNSIGNED NOT NULL,
	asked_at	DATETIME NOT NULL,
	reason		VARCHAR(16) NOT NULL,	-- pending, stale, page, admin
	state		VARCHAR(16) NOT NULL,
	trade_no	VARCHAR(64) NULL,
	amount_fen	BIGINT NULL,
	detail		VARCHAR(200) NOT NULL DEFAULT '',
	KEY pay_query_order (order_id, asked_at),
	CONSTRAINT pay_query_order FOREIGN KEY (order_id) REFERENCES pay_order (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One reconciliation (对账) run against a platform statement file.
CREATE TABLE pay_recon_run (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	stmt_date	DATE NOT NULL,		-- the day the statement covers
	file_name	VARCHAR(255) NOT NULL,
	file_sha256	BINARY(32) NOT NULL,
	rows_total	INT UNSIGNED NOT NULL DEFAULT 0,
	sum_fen		BIGINT UNSIGNED NOT NULL DEFAULT 0,
	diffs		INT UNSIGNED NOT NULL DEFAULT 0,
	run_by		INT UNSIGNED NULL,	-- account, NULL from gkbm-admin
	started_at	DATETIME NOT NULL,
	finished_at	DATETIME NULL,
	KEY pay_recon_run_date (stmt_date)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Each difference a run found; never fixed silently, listed for the
-- office until a person resolves it (pay_decision).  kind:
--   ours_only   paid here, not in the statement;
--   theirs_only in the statement, not paid here;
--   amount      both, amounts differ;
--   double      the statement shows two payments of one application.
CREATE TABLE pay_recon_diff (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	run_id		INT UNSIGNED NOT NULL,
	kind		ENUM('ours_only','theirs_only','amount','double') NOT NULL,
	order_no	VARCHAR(32) NULL,
	trade_no	VARCHAR(64) NULL,
	ours_fen	BIGINT NULL,
	theirs_fen	BIGINT NULL,
	resolved	TINYINT NOT NULL DEFAULT 0,
	KEY pay_recon_diff_run (run_id, kind),
	KEY pay_recon_diff_open (resolved, kind),
	CONSTRAINT pay_recon_diff_run FOREIGN KEY (run_id) REFERENCES pay_recon_run (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Manual decisions (audited: each also writes an audit row).  action:
-- accept (a late payment stands: order PAID), refund (refund due),
-- refunded (the refund was made), resolve (a reconciliation difference
-- explained).  One of payment_id / diff_id names the object.
CREATE TABLE pay_decision (
	id		INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
	payment_id	INT UNSIGNED NULL,
	diff_id		INT UNSIGNED NULL,
	action		ENUM('accept','refund','refunded','resolve') NOT NULL,
	reason		VARCHAR(500) NOT NULL,
	account_id	INT UNSIGNED NOT NULL,
	at		DATETIME NOT NULL,
	KEY pay_decision_payment (payment_id),
	KEY pay_decision_diff (diff_id),
	CONSTRAINT pay_decision_payment FOREIGN KEY (payment_id) REFERENCES pay_payment (id),
	CONSTRAINT pay_decision_diff FOREIGN KEY (diff_id) REFERENCES pay_recon_diff (id),
	CONSTRAINT pay_decision_account FOREIGN KEY (account_id) REFERENCES accounts (id),
	CONSTRAINT pay_decision_object CHECK ((payment_id IS NULL) <> (diff_id IS NULL))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The application's paid flag (set by gkbm-pay in the notify's
-- transaction): when and by which order it was paid; NULL unpaid.
ALTER TABLE applications
	ADD COLUMN paid_at	DATETIME NULL AFTER decided_at,
	ADD COLUMN paid_order_id	INT UNSIGNED NULL AFTER paid_at,
	ADD CONSTRAINT applications_paid_order FOREIGN KEY (paid_order_id) REFERENCES pay_order (id);
