-- grants.sql: the database accounts. Run as the server's root by the
-- installer with @web_user@, @admin_user@, @db@ and the passwords substituted.
-- gkbm-admin owns the schema; gkbm-web reads and writes the business tables
-- and may only INSERT into the audit table.
CREATE DATABASE IF NOT EXISTS `@db@` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '@admin_user@'@'localhost' IDENTIFIED BY '@admin_password@';
CREATE USER IF NOT EXISTS '@web_user@'@'localhost' IDENTIFIED BY '@web_password@';
GRANT ALL PRIVILEGES ON `@db@`.* TO '@admin_user@'@'localhost' WITH GRANT OPTION;
