-- 0003-indexes.sql: the offices' registration list (报名查询) filters the
-- candidates of a year by region and level and pages them newest first.
CREATE INDEX accounts_candidates ON accounts (year, role, id);
