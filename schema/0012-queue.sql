-- 0012-queue.sql: the order of a whole queue (fcgi/pages/review/h_queue.c).
--
-- applications_queue (wait_unit_id, target_level, wait_since, id) gives a
-- queue of one level in waiting order; 人工审核 without a level filter
-- spans levels 2 to 5, and its first page in waiting order needs the
-- queue by wait_since alone, else every waiting row of the unit is read
-- and sorted (a city office: tens of thousands) for 20.
ALTER TABLE applications
	ADD KEY applications_wait (wait_unit_id, wait_since, id);
