-- OGP's Participation and Co-Creation Standards, evidenced: the reasoned response's history, OGP's commitment
-- fields, the IRM's assessments, a round's timeline and announcement, the forum's rules and the open-data snapshots.

-- Every reasoned response given to a recommendation, oldest first, with the notice that told its author (NULL when
-- the author could not or did not want to be told). The recommendation row keeps the newest state and response.
CREATE TABLE recommendation_answers (
    id                 INTEGER PRIMARY KEY,
    recommendation_id  INTEGER NOT NULL REFERENCES recommendations(id) ON DELETE CASCADE,
    state              TEXT NOT NULL,
    response           TEXT,
    responder_id       INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    created_at         TEXT NOT NULL,
    outbox_id          INTEGER REFERENCES outbox(id) ON DELETE SET NULL
);
CREATE INDEX recommendation_answers_rec ON recommendation_answers(recommendation_id, created_at);

-- What was answered before this migration becomes the first entry of its history (the notice found by its key).
INSERT INTO recommendation_answers (recommendation_id, state, response, responder_id, created_at, outbox_id)
SELECT r.id, r.state, r.response, r.responded_by, r.responded_at,
       (SELECT o.id FROM outbox o WHERE o.dedupe_key LIKE 'answer:' || r.id || ':%' ORDER BY o.id DESC LIMIT 1)
FROM recommendations r WHERE r.responded_at IS NOT NULL;

-- OGP's commitment fields (NULL: not known; the plan file says so rather than guessing).
ALTER TABLE commitments ADD COLUMN short_title_ar TEXT;
ALTER TABLE commitments ADD COLUMN short_title_en TEXT;
ALTER TABLE commitments ADD COLUMN ogp_theme TEXT;
ALTER TABLE commitments ADD COLUMN supporting_ar TEXT;        -- a JSON array of institutions
ALTER TABLE commitments ADD COLUMN supporting_en TEXT;
ALTER TABLE commitments ADD COLUMN value_access_to_information INTEGER;
ALTER TABLE commitments ADD COLUMN value_civic_participation INTEGER;
ALTER TABLE commitments ADD COLUMN value_public_accountability INTEGER;
ALTER TABLE commitments ADD COLUMN value_technology_innovation INTEGER;

-- What the IRM published about a commitment, as a coordinator entered it; NULL: not (yet) assessed.
CREATE TABLE irm_assessments (
    commitment_id       INTEGER PRIMARY KEY REFERENCES commitments(id),
    completion_midterm  TEXT CHECK (completion_midterm IN
                            ('not_started', 'limited', 'substantial', 'complete', 'no_evidence')),
    completion_end      TEXT CHECK (completion_end IN
                            ('not_started', 'limited', 'substantial', 'complete', 'no_evidence')),
    open_government     TEXT CHECK (open_government IN
                            ('worsened', 'did_not_change', 'marginal', 'major', 'outstanding')),
    potential_impact    TEXT CHECK (potential_impact IN ('none', 'minor', 'moderate', 'transformative')),
    starred             INTEGER,
    source_url          TEXT,
    updated_by          INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    updated_at          TEXT NOT NULL
);

-- A round's timeline: when it was announced, the coordinator's confirmation of a short notice, the broadcast.
ALTER TABLE rounds ADD COLUMN announced_on TEXT;
ALTER TABLE rounds ADD COLUMN short_notice_confirmed_at TEXT;
ALTER TABLE rounds ADD COLUMN short_notice_confirmed_by INTEGER REFERENCES participants(id) ON DELETE SET NULL;
ALTER TABLE rounds ADD COLUMN announcement_sent_at TEXT;
ALTER TABLE rounds ADD COLUMN announcement_batch TEXT;
ALTER TABLE rounds ADD COLUMN announcement_recipients INTEGER;

-- The forum's rules of participation: every version kept, the newest is in force.
CREATE TABLE forum_rules (
    id          INTEGER PRIMARY KEY,
    text        TEXT NOT NULL,
    set_by      INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    set_at      TEXT NOT NULL
);

-- Dated copies of the exports kept beside the database: the repository's open data, twice a year or more.
CREATE TABLE snapshots (
    id               INTEGER PRIMARY KEY,
    taken_at         TEXT NOT NULL,
    folder           TEXT NOT NULL,      -- relative to the snapshot folder
    files            TEXT NOT NULL,      -- a JSON array of file names in it
    recommendations  INTEGER NOT NULL
);
CREATE INDEX snapshots_taken ON snapshots(taken_at);
