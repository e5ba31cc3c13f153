-- The supervisor's year (issue 28). A supervisor's own 考评 indicator set, a copy of a shipped
-- one stored as the same JSON; and 督办 (Art. 47 ¶2: the competent department urges an organ to
-- put right what it did late), each with the agency's answer. Neither is ever deleted.
CREATE TABLE assessment_sets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    name TEXT NOT NULL,
    from_year INTEGER NOT NULL,
    content TEXT NOT NULL,
    updated_utc TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_assessment_sets_agency_id ON assessment_sets (agency_id);

CREATE TABLE chase_ups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    from_agency_id INTEGER NOT NULL REFERENCES agencies (id) ON DELETE RESTRICT,
    subject TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    subject_title TEXT NOT NULL,
    note TEXT NOT NULL,
    reply_by TEXT NOT NULL,
    sent_on TEXT NOT NULL,
    sent_by TEXT NOT NULL,
    sent_by_user_id INTEGER NULL,
    answer TEXT NULL,
    answered_on TEXT NULL,
    answered_by TEXT NULL,
    created_utc TEXT NOT NULL,
    version INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ix_chase_ups_agency_id_answered_on ON chase_ups (agency_id, answered_on);
CREATE INDEX ix_chase_ups_from_agency_id ON chase_ups (from_agency_id);
