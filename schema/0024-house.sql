-- 0024-house.sql: the 汇总上报 rows of an account found by its id.  A
-- snapshot row keeps the candidate's sealed ID number and phone as
-- copied from accounts, bound to the account (fcgi/lib/pii.c), so that
-- gkbm-admin pii-rekey seals them again under the current key one
-- account at a time (fcgi/admin/admin_pii.c, STMT_ADM_REKEY_RP*).

ALTER TABLE report_rows ADD KEY report_rows_account (account_id);
