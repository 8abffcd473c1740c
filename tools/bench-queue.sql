-- tools/bench-queue.sql: the data of tools/bench's review queue (g): @n
-- applications of year @year waiting in the queues of the city office
-- whose unit code is @city, submitted by candidates of the basic unit
-- @unit (whose supervising unit is under the city), each with the chain
-- a submission fixes (本单位, 主管单位, 市工考办; fcgi/model/chain.c) and
-- the wait_* columns of step 3.  About a tenth are level 1 (高级技师审核),
-- the rest levels 2 to 5 (人工审核), twelve work types, submitted over
-- the last 90 days.
--
--   mariadb gkbm -e "SET @year = 2026, @city = '4101000001',
--       @unit = '4101000102', @n = 50000; SOURCE tools/bench-queue.sql"
--
-- The candidates are found again by their lookup value (a hash of
-- 'gkbm-bench-queue:' and the number), so running it again adds only what
-- is missing, and puts those tools/bench (h) decided back in the queue.  They cannot log in (pw_hash is not a hash).  Needs MariaDB's
-- Sequence engine (the seq_1_to_N tables, on by default).

SET @city_id = (SELECT id FROM units WHERE code = @city);
SET @unit_id = (SELECT id FROM units WHERE code = @unit);
SET @sup_id = (SELECT parent_id FROM units WHERE id = @unit_id);

INSERT IGNORE INTO accounts (role, year, name, idno_mac, region_code, level,
    pw_hash, pw_changed_at, created_at)
SELECT 'candidate', @year,
    CONCAT(ELT(1 + seq % 20, '张', '王', '李', '赵', '刘', '陈', '杨', '黄',
	'周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'),
	ELT(1 + seq DIV 20 % 16, '建国', '秀英', '志强', '桂兰', '海燕', '德明',
	'丽华', '国庆', '红梅', '玉兰', '永刚', '春花', '文杰', '淑珍', '晓东',
	'静怡')),
    UNHEX(SHA2(CONCAT('gkbm-bench-queue:', seq), 256)), '410100',
    IF(seq % 10 = 0, 1, 2 + seq % 4), '!bench', NOW(), NOW()
FROM seq_1_to_1000000 WHERE seq <= @n;

INSERT IGNORE INTO applications (account_id, year, state, version, unit_id,
    education, target_worktype, target_level, route, submitted_at,
    wait_step, wait_unit_id, wait_level, wait_since, created_at, updated_at)
SELECT a.id, @year, 'submitted', 3, @unit_id, '60',
    ELT(1 + s.seq % 12, 'W019', 'W001', 'W002', 'W010', 'W012', 'W020',
	'W030', 'W035', 'W049', 'W057', 'W066', 'W068'),
    a.level, IF(a.level = 5, NULL, 'years'),
    NOW() - INTERVAL (s.seq % 90) DAY - INTERVAL (s.seq % 1440) MINUTE, 3,
    @city_id, 'city',
    NOW() - INTERVAL (s.seq % 60) DAY - INTERVAL (s.seq % 1440) MINUTE,
    NOW(), NOW()
FROM seq_1_to_1000000 s JOIN accounts a ON a.year = @year
    AND a.idno_mac = UNHEX(SHA2(CONCAT('gkbm-bench-queue:', s.seq), 256))
WHERE s.seq <= @n;

INSERT IGNORE INTO app_chain (application_id, step, level, unit_id)
SELECT p.id, c.step, c.level, c.unit_id
FROM applications p JOIN accounts a ON a.id = p.account_id
JOIN (SELECT 1 AS step, 'unit' AS level, @unit_id AS unit_id
    UNION ALL SELECT 2, 'supervising', @sup_id
    UNION ALL SELECT 3, 'city', @city_id) c
WHERE a.year = @year AND a.pw_hash = '!bench';

-- tools/bench (h) decides some of them: put those back in the queue.
UPDATE applications p JOIN accounts a ON a.id = p.account_id
SET p.state = 'submitted', p.version = p.version + 1, p.wait_step = 3,
    p.wait_unit_id = @city_id, p.wait_level = 'city',
    p.wait_since = p.submitted_at + INTERVAL 1 DAY, p.decided_at = NULL
WHERE a.year = @year AND a.pw_hash = '!bench' AND p.state <> 'submitted';

SELECT COUNT(*) AS waiting_at_the_city FROM applications
WHERE wait_unit_id = @city_id;
