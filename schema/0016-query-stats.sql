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
