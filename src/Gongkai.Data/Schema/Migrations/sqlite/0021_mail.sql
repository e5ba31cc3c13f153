-- Mail (Gongkai.Data.Mail): the outbox, the agencies' own templates, the days each job ran; staff addresses.
CREATE TABLE outbox_messages (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NULL,
    application_id INTEGER NULL,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    attachment_name TEXT NULL,
    attachment BLOB NULL,
    dedupe_key TEXT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    created_utc TEXT NOT NULL,
    next_attempt_utc TEXT NOT NULL,
    sent_utc TEXT NULL,
    last_error TEXT NULL
);
CREATE INDEX ix_outbox_messages_state_next_attempt_utc ON outbox_messages (state, next_attempt_utc);
CREATE INDEX ix_outbox_messages_application_id ON outbox_messages (application_id);
CREATE UNIQUE INDEX ix_outbox_messages_dedupe_key ON outbox_messages (dedupe_key);

CREATE TABLE message_templates (
    id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_message_templates_agency_id_kind ON message_templates (agency_id, kind);

CREATE TABLE job_runs (
    job TEXT NOT NULL,
    day TEXT NOT NULL,
    node TEXT NOT NULL,
    started_utc TEXT NOT NULL,
    finished_utc TEXT NULL,
    result TEXT NULL,
    PRIMARY KEY (job, day)
);

ALTER TABLE staff_users ADD COLUMN email TEXT NULL;
ALTER TABLE staff_users ADD COLUMN digests_off INTEGER NOT NULL DEFAULT 0;
