-- 个人信息保护法 第五十一条 / GB/T 35273-2020: applicants' ID numbers are stored sealed (SM4, the
-- key outside the database); lists and pages show the masked form, and one applicant's requests
-- are found by the number's HMAC-SM3. Numbers stored in the clear before this version are sealed
-- at the next start (PersonalDataSeals.SealAllAsync): the key is not in the database, so SQL cannot.
ALTER TABLE applications ADD COLUMN id_number_lookup TEXT NULL;
ALTER TABLE applications ADD COLUMN id_number_masked TEXT NULL;
CREATE INDEX ix_applications_agency_id_id_number_lookup ON applications (agency_id, id_number_lookup);

-- GB/T 22239-2019 level 3, 身份鉴别: a second factor (TOTP, RFC 6238). The shared secret is sealed as
-- the ID numbers are; the last time step used refuses a code's second use.
ALTER TABLE staff_users ADD COLUMN totp_secret TEXT NULL;
ALTER TABLE staff_users ADD COLUMN totp_last_step INTEGER NOT NULL DEFAULT 0;
