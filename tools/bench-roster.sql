-- tools/bench-roster.sql: the data of tools/bench's roster (r): @n
-- approved applications of year @year in a basic unit @unit of its own
-- (made here, under the supervising unit @sup), so that the city
-- office's 终审通过名册 filtered by that unit has exactly @n rows.
--
--   mariadb gkbm -e "SET @year = 2026, @sup = '4101000101',
--       @unit = '4101000199', @n = 10000; SOURCE tools/bench-roster.sql"
--
-- The candidates are found again by their lookup value (a hash of
-- 'gkbm-bench-roster:' and the number), so running it again adds only
-- what is missing.  Their sealed ID numbers and phones are copies of
-- another account's (bound to that account, they do not open here: the
-- roster tries each, as it would a real one, and prints it empty).  They
-- cannot log in (pw_hash is not a hash).  Needs the Sequence engine.

SET @sup_id = (SELECT id FROM units WHERE code = @sup);
INSERT IGNORE INTO units (code, name, kind, parent_id, region_code, created_at)
SELECT @unit, '郑州市公路管理局养护中心（名册基准测试）', 'basic', @sup_id,
    region_code, NOW() FROM units WHERE id = @sup_id;
UPDATE units SET city_code = (SELECT city_code FROM (SELECT city_code FROM
    units WHERE id = @sup_id) s) WHERE code = @unit;
SET @unit_id = (SELECT id FROM units WHERE code = @unit);
SET @idno = (SELECT idno_enc FROM accounts WHERE role = 'candidate'
    AND idno_enc IS NOT NULL ORDER BY id LIMIT 1);
SET @phone = (SELECT phone_enc FROM accounts WHERE role = 'candidate'
    AND phone_enc IS NOT NULL ORDER BY id LIMIT 1);

INSERT IGNORE INTO accounts (role, year, name, idno_mac, idno_enc, phone_enc,
    gender, region_code, level, pw_hash, pw_changed_at, created_at)
SELECT 'candidate', @year,
    CONCAT(ELT(1 + seq % 20, '张', '王', '李', '赵', '刘', '陈', '杨', '黄',
	'周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'),
	ELT(1 + seq DIV 20 % 16, '建国', '秀英', '志强', '桂兰', '海燕', '德明',
	'丽华', '国庆', '红梅', '玉兰', '永刚', '春花', '文杰', '淑珍', '晓东',
	'静怡')),
    UNHEX(SHA2(CONCAT('gkbm-bench-roster:', seq), 256)), @idno, @phone,
    IF(seq % 2 = 0, 'M', 'F'), '410100', 2 + seq % 4, '!bench', NOW(), NOW()
FROM seq_1_to_1000000 WHERE seq <= @n;

INSERT IGNORE INTO applications (account_id, year, state, version, unit_id,
    education, target_worktype, target_level, route, submitted_at,
    decided_at, created_at, updated_at)
SELECT a.id, @year, 'approved', 5, @unit_id, '60',
    ELT(1 + s.seq % 12, 'W019', 'W001', 'W002', 'W010', 'W012', 'W020',
	'W030', 'W035', 'W049', 'W057', 'W066', 'W068'),
    a.level, IF(s.seq % 3 = 0, 'certificate', 'years'),
    NOW() - INTERVAL 30 DAY, NOW() - INTERVAL (s.seq % 20) DAY, NOW(), NOW()
FROM seq_1_to_1000000 s JOIN accounts a ON a.year = @year
    AND a.idno_mac = UNHEX(SHA2(CONCAT('gkbm-bench-roster:', s.seq), 256))
WHERE s.seq <= @n;
