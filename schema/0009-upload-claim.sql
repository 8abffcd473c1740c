-- 0009-upload-claim.sql: when the phone claimed a 手机扫码上传 link (by
-- the 开始上传 button, a POST: a link preview's GET claims nothing), so
-- the candidate's computer can show it and revoke the link.
ALTER TABLE upload_links
	ADD COLUMN claimed_at DATETIME NULL AFTER claim_hash;
