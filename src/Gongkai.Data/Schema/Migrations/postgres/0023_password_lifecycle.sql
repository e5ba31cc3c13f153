-- 等保 level 3, 身份鉴别: when each password was last set (it must be changed every
-- Passwords:MaxAgeDays), whether it was set by an administrator (changed at the next sign-in), and
-- the hashes of the last five (none of them may come back).
ALTER TABLE staff_users ADD COLUMN password_changed_utc timestamp with time zone NULL;
ALTER TABLE staff_users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE staff_users ADD COLUMN password_history text NOT NULL DEFAULT '';
