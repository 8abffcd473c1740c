-- 0016-query-stats.sql: indexes for 报名信息查询 and 信息统计 (issue 8 §4,
-- §6; fcgi/pages/office/h_query.c, h_stats.c, fcgi/web/db.c STMT_AQ_*,
-- STMT_ST_*).
--
-- The province's statistics group a whole year (300,000 applications
-- at peak) by state and level, by work type, and by unit: each GROUP BY
-- reads one covering index in its own order, no row and no temporary
-- table (unit_id rides along so "has a unit" is read from the index).
-- The other offices' statistics go from their units (units_city,
-- units_county, units_parent) to applications_stat_unit, which covers
-- every column they count by.
ALTER TABLE applications
	ADD KEY applications_stat_state (year, state, target_level, unit_id),
	ADD KEY applications_stat_wt (year, target_worktype, unit_id),
	ADD KEY applications_stat_year_unit (year, unit_id),
	ADD KEY applications_stat_unit (unit_id, year, state, target_level,
	    target_worktype);

-- Even so, counting a province's year (and the year before) takes a
-- second or more on a busy server: 信息统计 shows a snapshot of the counts
-- of an account's unit and year at most a minute old, made by one worker
-- at a time (fcgi/pages/office/h_stats.c st_counts), as text; it goes
-- with its unit.
CREATE TABLE stats_snapshot (
	unit_id		INT UNSIGNED NOT NULL,
	year		SMALLINT UNSIGNED NOT NULL,
	made_at		DATETIME(3) NOT NULL,
	body		MEDIUMBLOB NOT NULL,
	PRIMARY KEY (unit_id, year),
	CONSTRAINT stats_snapshot_unit FOREIGN KEY (unit_id) REFERENCES units (id)
	    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
