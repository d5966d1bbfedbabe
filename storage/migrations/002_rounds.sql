-- Consultation rounds: the commitments in scope (one working group each), the questions the groups discuss,
-- who joined which group, and which question a round's recommendation answers.
ALTER TABLE rounds ADD COLUMN online INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rounds ADD COLUMN opened_at TEXT;
ALTER TABLE rounds ADD COLUMN closed_at TEXT;

CREATE TABLE round_commitments (
    round_id       INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    commitment_id  INTEGER NOT NULL REFERENCES commitments(id),
    PRIMARY KEY (round_id, commitment_id)
);

CREATE TABLE round_questions (
    id             INTEGER PRIMARY KEY,
    round_id       INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    commitment_id  INTEGER REFERENCES commitments(id),   -- NULL: every working group discusses it
    position       INTEGER NOT NULL,
    key            TEXT,                                  -- the default it came from (progress, ...); NULL if typed
    text_ar        TEXT NOT NULL
);
CREATE INDEX round_questions_round ON round_questions(round_id, position);

CREATE TABLE round_members (
    round_id        INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    participant_id  INTEGER NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    commitment_id   INTEGER NOT NULL REFERENCES commitments(id),   -- the working group
    joined_at       TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    PRIMARY KEY (round_id, participant_id)
);
CREATE INDEX round_members_group ON round_members(round_id, commitment_id);
CREATE INDEX round_members_participant ON round_members(participant_id, updated_at);

ALTER TABLE recommendations ADD COLUMN question_id INTEGER REFERENCES round_questions(id);
CREATE INDEX recommendations_round ON recommendations(round_id, commitment_id);
