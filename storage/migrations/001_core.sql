-- The core schema: the plan catalogue, people, conversations, input and the outbox.
CREATE TABLE plans (
    id          TEXT PRIMARY KEY,            -- e.g. 'jo-nap4'
    country     TEXT NOT NULL,
    number      INTEGER NOT NULL,
    title_ar    TEXT NOT NULL,
    title_en    TEXT NOT NULL,
    owner_ar    TEXT NOT NULL,
    start_date  TEXT NOT NULL,
    end_date    TEXT NOT NULL,
    extended_to TEXT,
    active      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE commitments (
    id              INTEGER PRIMARY KEY,
    plan_id         TEXT NOT NULL REFERENCES plans(id),
    number          INTEGER NOT NULL,
    ogp_id          TEXT NOT NULL UNIQUE,
    title_ar        TEXT NOT NULL,
    title_en        TEXT NOT NULL,
    lead_agency_ar  TEXT NOT NULL,
    lead_agency_en  TEXT NOT NULL,
    start_date      TEXT NOT NULL,
    end_date        TEXT NOT NULL,
    UNIQUE (plan_id, number)
);

CREATE TABLE themes (
    id             INTEGER PRIMARY KEY,
    commitment_id  INTEGER NOT NULL REFERENCES commitments(id),
    key            TEXT NOT NULL,
    title_ar       TEXT NOT NULL,
    title_en       TEXT NOT NULL,
    position       INTEGER NOT NULL,
    UNIQUE (commitment_id, key)
);

CREATE TABLE milestones (
    id             INTEGER PRIMARY KEY,
    commitment_id  INTEGER NOT NULL REFERENCES commitments(id),
    title          TEXT NOT NULL,
    start_date     TEXT,
    end_date       TEXT,
    state          TEXT NOT NULL DEFAULT 'not_started'
                   CHECK (state IN ('not_started', 'limited', 'substantial', 'complete')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

CREATE TABLE participants (
    id                 INTEGER PRIMARY KEY,
    name               TEXT,
    organisation       TEXT,
    sector             TEXT,
    governorate        TEXT,
    consent_at         TEXT,
    created_at         TEXT NOT NULL,
    last_seen_at       TEXT NOT NULL,
    notify_answers     INTEGER NOT NULL DEFAULT 1,
    notify_status      INTEGER NOT NULL DEFAULT 1,
    notify_reminders   INTEGER NOT NULL DEFAULT 1,
    unreachable_at     TEXT,
    forgotten_at       TEXT
);

CREATE TABLE identities (
    channel         TEXT NOT NULL,
    external_id     TEXT NOT NULL,
    participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    PRIMARY KEY (channel, external_id)
);
CREATE INDEX identities_participant ON identities(participant_id);

CREATE TABLE status_updates (
    id              INTEGER PRIMARY KEY,
    commitment_id   INTEGER NOT NULL REFERENCES commitments(id),
    completion      TEXT NOT NULL
                    CHECK (completion IN ('not_started', 'limited', 'substantial', 'complete')),
    progress        INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),
    note            TEXT,
    evidence_url    TEXT,
    milestone_id    INTEGER REFERENCES milestones(id),
    milestone_state TEXT,
    author_id       INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX status_updates_commitment ON status_updates(commitment_id, created_at);

CREATE TABLE rounds (
    id          INTEGER PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    held_on     TEXT,
    place       TEXT,
    deadline    TEXT,
    state       TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'open', 'closed')),
    created_by  INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    created_at  TEXT NOT NULL
);

CREATE TABLE recommendations (
    id              INTEGER PRIMARY KEY,
    participant_id  INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    commitment_id   INTEGER NOT NULL REFERENCES commitments(id),
    theme_id        INTEGER REFERENCES themes(id),
    round_id        INTEGER REFERENCES rounds(id),
    text            TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT 'new'
                    CHECK (state IN ('new', 'received', 'under_study', 'accepted', 'partly_accepted',
                                     'not_accepted', 'implemented')),
    response        TEXT,
    responded_by    INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    responded_at    TEXT,
    hidden          INTEGER NOT NULL DEFAULT 0,
    hidden_reason   TEXT,
    channel         TEXT NOT NULL,
    event_id        TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX recommendations_commitment ON recommendations(commitment_id, created_at);
CREATE INDEX recommendations_participant ON recommendations(participant_id, created_at);

CREATE TABLE endorsements (
    recommendation_id  INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
    participant_id     INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    created_at         TEXT NOT NULL,
    PRIMARY KEY (recommendation_id, participant_id)
);

CREATE TABLE follows (
    participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    commitment_id   INTEGER NOT NULL REFERENCES commitments(id),
    created_at      TEXT NOT NULL,
    PRIMARY KEY (participant_id, commitment_id)
);

CREATE TABLE roles (
    participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('coordinator', 'liaison')),
    commitment_id   INTEGER REFERENCES commitments(id),   -- set for liaison officers only
    granted_by      INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    granted_at      TEXT NOT NULL
);
CREATE UNIQUE INDEX roles_unique ON roles(participant_id, role, IFNULL(commitment_id, 0));

CREATE TABLE invites (
    code           TEXT PRIMARY KEY,
    role           TEXT NOT NULL CHECK (role IN ('coordinator', 'liaison')),
    commitment_id  INTEGER REFERENCES commitments(id),
    created_by     INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    created_at     TEXT NOT NULL,
    expires_at     TEXT NOT NULL,
    used_by        INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    used_at        TEXT
);

CREATE TABLE audit_log (
    id         INTEGER PRIMARY KEY,
    actor_id   INTEGER,
    action     TEXT NOT NULL,
    target     TEXT,
    detail     TEXT,
    created_at TEXT NOT NULL
);

-- Conversation state per chat, so a restart resumes a half-finished flow.
CREATE TABLE sessions (
    channel      TEXT NOT NULL,
    external_id  TEXT NOT NULL,
    flow         TEXT,
    step         TEXT,
    data         TEXT NOT NULL DEFAULT '{}',
    updated_at   TEXT NOT NULL,
    PRIMARY KEY (channel, external_id)
);

-- Every incoming event once: a redelivered update changes nothing.
CREATE TABLE processed_events (
    channel       TEXT NOT NULL,
    event_id      TEXT NOT NULL,
    processed_at  TEXT NOT NULL,
    PRIMARY KEY (channel, event_id)
);

-- Every outbound message is a row first; the sender drains it.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    channel          TEXT NOT NULL,
    recipient        TEXT NOT NULL,
    participant_id   INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    kind             TEXT NOT NULL DEFAULT 'reply',   -- reply, notification, reminder, broadcast
    dedupe_key       TEXT UNIQUE,
    payload          TEXT NOT NULL,                   -- the Reply as JSON
    document         BLOB,
    edit_ref         TEXT,                            -- channel message to edit in place
    status           TEXT NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'held', 'unreachable', 'skipped')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    not_before       TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    sent_at          TEXT,
    channel_msg_id   TEXT,
    last_error       TEXT,
    batch            TEXT                             -- e.g. a broadcast id, for delivery summaries
);
CREATE INDEX outbox_due ON outbox(status, not_before, id);
CREATE INDEX outbox_batch ON outbox(batch);
CREATE INDEX outbox_chat ON outbox(channel, recipient, status);
