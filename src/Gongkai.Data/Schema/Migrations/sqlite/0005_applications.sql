-- Disclosure applications and their steps (append-only).
CREATE TABLE applications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    tracking_number TEXT NOT NULL,
    access_code_hash TEXT NOT NULL,
    received TEXT NOT NULL,
    channel TEXT NOT NULL,
    rules TEXT NOT NULL,
    applicant_kind TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    id_number TEXT NULL,
    phone TEXT NOT NULL,
    email TEXT NULL,
    address TEXT NULL,
    description TEXT NOT NULL,
    form_wanted TEXT NOT NULL,
    status TEXT NOT NULL,
    due_date TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX ix_applications_tracking_number ON applications (tracking_number);
CREATE INDEX ix_applications_agency_id_status_due_date ON applications (agency_id, status, due_date);

CREATE TABLE application_steps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE RESTRICT,
    agency_id INTEGER NOT NULL,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    actor TEXT NOT NULL,
    actor_user_id INTEGER NULL,
    reason TEXT NOT NULL,
    reply_type TEXT NULL,
    days INTEGER NULL,
    amount TEXT NULL,
    by_reviewer INTEGER NOT NULL,
    recorded_utc TEXT NOT NULL
);
CREATE INDEX ix_application_steps_application_id ON application_steps (application_id);

CREATE TRIGGER application_steps_no_update BEFORE UPDATE ON application_steps
BEGIN
    SELECT RAISE(ABORT, 'application_steps is append-only');
END;
CREATE TRIGGER application_steps_no_delete BEFORE DELETE ON application_steps
BEGIN
    SELECT RAISE(ABORT, 'application_steps is append-only');
END;
CREATE TRIGGER applications_no_delete BEFORE DELETE ON applications
BEGIN
    SELECT RAISE(ABORT, 'applications are never deleted');
END;
