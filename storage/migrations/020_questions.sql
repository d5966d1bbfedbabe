-- Questions people ask the coordinators in the chat («متى موعد اللقاء القادم؟»): kept in the coordinators' /inbox
-- instead of being taken for a recommendation. Erased with the person who asked (storage/privacy.py).
CREATE TABLE questions (
    id              INTEGER PRIMARY KEY,
    participant_id  INTEGER REFERENCES participants(id) ON DELETE CASCADE,
    text            TEXT NOT NULL,
    channel         TEXT NOT NULL,
    created_at      TEXT NOT NULL
);
CREATE INDEX questions_created ON questions(created_at);
CREATE INDEX questions_participant ON questions(participant_id);
