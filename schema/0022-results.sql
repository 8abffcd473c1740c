-- 0022-results.sql: 考核结果 (issue 10 §5; result.c).  The pass lines a
-- result was decided by, kept with it: publication (and a 复核 that
-- corrects the scores) fixes passed from the lines of that moment, and
-- the candidate's page and the 复核 list show those lines, not ones the
-- province set later.  NULL until decided (a re-import clears them).
ALTER TABLE exam_results
	ADD COLUMN line_theory	DECIMAL(4,1) NULL AFTER passed,
	ADD COLUMN line_skill	DECIMAL(4,1) NULL AFTER line_theory;
