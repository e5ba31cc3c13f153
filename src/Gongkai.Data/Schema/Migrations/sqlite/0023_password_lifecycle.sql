-- 等保 level 3, 身份鉴别: when each password was last set (it must be changed every
-- Passwords:MaxAgeDays), whether it was set by an administrator (changed at the next sign-in), and
-- the hashes of the last five (none of them may come back).
ALTER TABLE staff_users ADD COLUMN password_changed_utc TEXT NULL;
ALTER TABLE staff_users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE staff_users ADD COLUMN password_history TEXT NOT NULL DEFAULT '';
