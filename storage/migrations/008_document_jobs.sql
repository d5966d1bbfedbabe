-- Documents asked for in the chat (exports, reports, statistics) are built away from the write lock: the handler
-- stores a job in its event's transaction; bot/documents.py builds it on a read-only connection, then queues the
-- result and deletes the job in one short transaction. A job still here at start-up was cut short and runs again.
CREATE TABLE document_jobs (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: the outbox dedupes by job id
    kind            TEXT NOT NULL,                   -- export, report, stats
    channel         TEXT NOT NULL,
    recipient       TEXT NOT NULL,
    participant_id  INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    params          TEXT NOT NULL,                   -- JSON: what to build and the menu to show under it
    attempts        INTEGER NOT NULL DEFAULT 0,      -- builds started; a job that keeps failing is given up
    requested_at    TEXT NOT NULL
);
