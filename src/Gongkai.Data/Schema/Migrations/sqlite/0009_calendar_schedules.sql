-- Holiday schedules loaded after release, versioned.
CREATE TABLE calendar_schedules (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    year INTEGER NOT NULL,
    version INTEGER NOT NULL,
    csv TEXT NOT NULL,
    loaded_utc TEXT NOT NULL,
    loaded_by TEXT NOT NULL
);
CREATE UNIQUE INDEX ix_calendar_schedules_year_version ON calendar_schedules (year, version);
