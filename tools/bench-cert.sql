-- tools/bench-cert.sql: the data of tools/bench's 证书查验 (k): @n
-- certificates of year @year in the exam region 410100, numbered
-- GQ@year4101004 and a serial, as cert.c numbers them, with the masked
-- copies the public check reads.  Only the certificates table is read by
-- /verify/, so its rows are made directly, without the exam's chain
-- behind them (foreign key checks off for this session); every tenth is
-- revoked.  Running it again adds only what is missing.
--
--   mariadb gkbm -e "SET @year = 2026, @n = 100000; SOURCE tools/bench-cert.sql"
--
-- Needs MariaDB's Sequence engine (the seq_1_to_N tables).

SET SESSION foreign_key_checks = 0;
INSERT IGNORE INTO certificates (cert_no, application_id, account_id, year,
    region_code, worktype, level, issued_on, name_masked, idno_masked, state,
    revoked_at, issued_at)
SELECT CONCAT('GQ', @year, '4101004', LPAD(seq, 6, '0')), 900000000 + seq,
    900000000 + seq, @year, '410100', 'W019', 4, MAKEDATE(@year, 300),
    CONCAT(ELT(1 + seq % 5, '张', '王', '李', '赵', '刘'), '**'),
    CONCAT('410102', '********', LPAD(seq % 10000, 4, '0')),
    IF(seq % 10 = 0, 'revoked', 'valid'),
    IF(seq % 10 = 0, MAKEDATE(@year, 310), NULL), NOW()
FROM seq_1_to_1000000 WHERE seq <= @n;
SET SESSION foreign_key_checks = 1;
