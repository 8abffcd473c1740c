-- tools/bench-stats.sql: the data of tools/bench's statistics (i): @n
-- applications of year @year and @prev_n of the year before, spread
-- over @units basic units placed in the province's cities (city_code
-- set as STMT_UNIT_PLACE would), in every state (half waiting, a fifth
-- approved, a tenth each returned, rejected and draft), the five
-- levels and the 76 work types.
--
--   mariadb gkbm -e "SET @year = 2026, @n = 300000, @prev_n = 100000,
--       @units = 1000; SOURCE tools/bench-stats.sql"
--
-- The units are found again by their codes (BS000001 ...), the
-- candidates by their lookup value (a hash of 'gkbm-bench-stats:', the
-- year and the number), so running it again adds only what is missing.
-- They cannot log in (pw_hash is not a hash).  Needs MariaDB's Sequence
-- engine (seq_1_to_N).

INSERT IGNORE INTO units (code, name, kind, parent_id, region_code,
    city_code, county_code, created_at)
SELECT CONCAT('BS', LPAD(s.seq, 6, '0')),
    CONCAT(r.name, '统计测试单位', s.seq), 'basic', NULL, r.code, r.code,
    NULL, NOW()
FROM seq_1_to_100000 s
JOIN (SELECT code, name, ROW_NUMBER() OVER (ORDER BY code) - 1 AS k,
    COUNT(*) OVER () AS nc FROM regions WHERE kind = 'city') r
    ON r.k = s.seq % r.nc
WHERE s.seq <= @units;

-- bench_stats_make(YEAR, N): the candidates and applications of a year.
DROP PROCEDURE IF EXISTS bench_stats_make;
DELIMITER //
CREATE PROCEDURE bench_stats_make(y INT, n INT)
BEGIN
	INSERT IGNORE INTO accounts (role, year, name, idno_mac, region_code,
	    level, pw_hash, pw_changed_at, created_at)
	SELECT 'candidate', y,
	    CONCAT(ELT(1 + seq % 20, '张', '王', '李', '赵', '刘', '陈', '杨',
		'黄', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林',
		'高', '罗'), ELT(1 + seq DIV 20 % 16, '建国', '秀英', '志强',
		'桂兰', '海燕', '德明', '丽华', '国庆', '红梅', '玉兰', '永刚',
		'春花', '文杰', '淑珍', '晓东', '静怡')),
	    UNHEX(SHA2(CONCAT('gkbm-bench-stats:', y, ':', seq), 256)),
	    '410100', 1 + seq % 5, '!bench', NOW(), NOW()
	FROM seq_1_to_1000000 WHERE seq <= n;

	INSERT IGNORE INTO applications (account_id, year, state, version,
	    unit_id, education, target_worktype, target_level, route,
	    submitted_at, defer_state, created_at, updated_at)
	SELECT a.id, y, ELT(1 + s.seq % 10, 'submitted', 'submitted',
		'submitted', 'submitted', 'submitted', 'approved', 'approved',
		'returned', 'rejected', 'draft'), 2, u.id, '60',
	    CONCAT('W', LPAD(1 + s.seq % 76, 3, '0')), a.level,
	    IF(a.level = 5, NULL, ELT(1 + s.seq % 2, 'years', 'certificate')),
	    IF(s.seq % 10 = 9, NULL, MAKEDATE(y, 60) + INTERVAL (s.seq % 90) DAY),
	    IF(s.seq % 37 = 0, 1, 0), NOW(), NOW()
	FROM seq_1_to_1000000 s
	JOIN accounts a ON a.year = y
	    AND a.idno_mac = UNHEX(SHA2(CONCAT('gkbm-bench-stats:', y, ':', s.seq), 256))
	JOIN units u ON u.code = CONCAT('BS', LPAD(1 + s.seq % @units, 6, '0'))
	WHERE s.seq <= n;
END //
DELIMITER ;

CALL bench_stats_make(@year, @n);
CALL bench_stats_make(@year - 1, @prev_n);
DROP PROCEDURE bench_stats_make;

SELECT year, COUNT(*) AS applications FROM applications
WHERE year IN (@year, @year - 1) GROUP BY year;
