-- tools/bench-exam.sql: the data of tools/bench-exam: @n admitted
-- applications (approved, no deferral; 郑州 does not pay online) of year
-- @year in unit @unit (a basic unit of 郑州), of the five levels and the
-- 76 work types, and 郑州's plan of @sites sites of @rooms rooms of
-- @seats seats.  The sessions are made with gkbm-admin exam-session.
--
--   mariadb gkbm -e "SET @year = 2026, @n = 100000, @unit = 3, @first = 1,
--       @sites = 50, @rooms = 30, @seats = 30; SOURCE tools/bench-exam.sql"
--
-- @first: the number of the first candidate (a second run adds more).
-- They cannot log in (pw_hash is not a hash).  Needs MariaDB's Sequence
-- engine (seq_1_to_N).

INSERT INTO accounts (role, year, name, idno_mac, region_code, level,
    pw_hash, pw_changed_at, created_at)
SELECT 'candidate', @year,
    CONCAT(ELT(1 + seq % 10, '张', '王', '李', '赵', '刘', '陈', '杨', '黄',
	'周', '吴'), ELT(1 + seq DIV 10 % 8, '建国', '秀英', '志强', '桂兰',
	'海燕', '德明', '丽华', '国庆')),
    UNHEX(SHA2(CONCAT('gkbm-bench-exam:', @year, ':', seq), 256)), '410100',
    1 + seq % 5, '!bench', NOW(), NOW()
FROM seq_1_to_1000000 WHERE seq >= @first AND seq < @first + @n;

INSERT INTO applications (account_id, year, state, version, unit_id,
    education, target_worktype, target_level, route, submitted_at,
    decided_at, defer_state, created_at, updated_at)
SELECT a.id, @year, 'approved', 3, @unit, '60',
    CONCAT('W', LPAD(1 + s.seq * 7 % 76, 3, '0')), a.level, 'years',
    NOW(), NOW(), 0, NOW(), NOW()
FROM seq_1_to_1000000 s
JOIN accounts a ON a.year = @year
    AND a.idno_mac = UNHEX(SHA2(CONCAT('gkbm-bench-exam:', @year, ':', s.seq), 256))
WHERE s.seq >= @first AND s.seq < @first + @n;

INSERT IGNORE INTO exam_sites (year, region_code, code, name, address, updated_at)
SELECT @year, '410100', LPAD(seq, 2, '0'), CONCAT('郑州市第', seq, '考点'),
    CONCAT('郑州市考试路', seq, '号'), NOW()
FROM seq_1_to_99 WHERE seq <= @sites;

INSERT IGNORE INTO exam_rooms (site_id, code, name, capacity, updated_at)
SELECT x.id, LPAD(r.seq, 3, '0'), CONCAT('第', r.seq, '考场'), @seats, NOW()
FROM exam_sites x JOIN seq_1_to_999 r ON r.seq <= @rooms
WHERE x.year = @year AND x.region_code = '410100';
