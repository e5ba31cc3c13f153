-- Agencies, staff accounts and the audit log.
CREATE TABLE agencies (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    parent_id INTEGER NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    name TEXT NOT NULL,
    short_code TEXT NOT NULL,
    level TEXT NOT NULL,
    kind TEXT NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0,
    office_name TEXT NOT NULL,
    office_address TEXT NOT NULL,
    office_postcode TEXT NULL,
    office_hours TEXT NULL,
    office_phone TEXT NOT NULL,
    office_fax TEXT NULL,
    office_email TEXT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ix_agencies_short_code ON agencies (short_code);
CREATE INDEX ix_agencies_parent_id ON agencies (parent_id);

CREATE TABLE staff_users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    user_name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_active INTEGER NOT NULL DEFAULT 1,
    security_stamp TEXT NOT NULL,
    failed_login_count INTEGER NOT NULL DEFAULT 0,
    lockout_end_utc TEXT NULL,
    last_login_utc TEXT NULL,
    created_utc TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ix_staff_users_user_name ON staff_users (user_name);
CREATE INDEX ix_staff_users_agency_id ON staff_users (agency_id);

CREATE TABLE audit_entries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    occurred_utc TEXT NOT NULL,
    actor_user_id INTEGER NULL,
    actor_name TEXT NOT NULL,
    agency_id INTEGER NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    action TEXT NOT NULL,
    changes TEXT NOT NULL
);
CREATE INDEX ix_audit_entries_agency_id_occurred_utc ON audit_entries (agency_id, occurred_utc);
