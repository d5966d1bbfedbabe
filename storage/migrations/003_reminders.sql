-- Reminder rules coordinators change in the chat, what each reminder already covered, and broadcasts.
-- A rule row overrides the default from the environment (OGP_REMIND_*); no row means the default.
CREATE TABLE reminder_rules (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_by  INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    updated_at  TEXT NOT NULL
);

-- One row per (rule, subject, person) once a reminder about it was queued, in the same transaction as the
-- outbox row: a digest lists only what it has not listed before, and a job that runs twice queues nothing new.
CREATE TABLE reminder_log (
    rule            TEXT NOT NULL,       -- 'answer', 'overdue', 'update', ...
    subject         TEXT NOT NULL,       -- a recommendation id, a commitment id and period, ...
    participant_id  INTEGER,             -- NULL for a coordinator known only from OGP_COORDINATORS
    recipient       TEXT NOT NULL,       -- channel:external id
    created_at      TEXT NOT NULL,
    PRIMARY KEY (rule, subject, recipient)
);

CREATE TABLE broadcasts (
    id              TEXT PRIMARY KEY,    -- also the outbox batch of its messages
    created_by      INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    channel         TEXT NOT NULL,       -- where the coordinator gets the delivery summary
    recipient       TEXT NOT NULL,
    audience        TEXT NOT NULL CHECK (audience IN ('all', 'followers', 'liaisons', 'round')),
    audience_ref    INTEGER,             -- the commitment or round
    text            TEXT NOT NULL,
    total           INTEGER NOT NULL,
    created_at      TEXT NOT NULL,
    summarised_at   TEXT
);
CREATE INDEX broadcasts_open ON broadcasts(summarised_at);
CREATE INDEX outbox_participant ON outbox(participant_id, status);
-- The sender asks for pending rows in id order, answers to people first.
CREATE INDEX outbox_pending ON outbox(status, id);
CREATE INDEX outbox_pending_kind ON outbox(status, kind, id);
