-- Working groups speak through a rapporteur: a finding is a recommendation whose author is the group (a round's
-- commitment), entered by its rapporteur, with how many sat at the table. Merging links a duplicate to the one kept.
ALTER TABLE recommendations ADD COLUMN group_round_id INTEGER REFERENCES rounds(id);
ALTER TABLE recommendations ADD COLUMN at_table INTEGER CHECK (at_table >= 0);
ALTER TABLE recommendations ADD COLUMN entered_by INTEGER REFERENCES participants(id) ON DELETE SET NULL;
ALTER TABLE recommendations ADD COLUMN merged_into INTEGER REFERENCES recommendations(id) ON DELETE SET NULL;
CREATE INDEX recommendations_group ON recommendations(group_round_id, commitment_id);
CREATE INDEX recommendations_merged ON recommendations(merged_into);

-- One rapporteur per working group of a round: named from the group's members, or by an invitation code
-- (participant_id NULL until someone takes it).
CREATE TABLE rapporteurs (
    round_id        INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
    commitment_id   INTEGER NOT NULL REFERENCES commitments(id),
    participant_id  INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    code            TEXT UNIQUE,
    at_table        INTEGER CHECK (at_table >= 0),
    named_by        INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    named_at        TEXT NOT NULL,
    PRIMARY KEY (round_id, commitment_id)
);
CREATE INDEX rapporteurs_participant ON rapporteurs(participant_id);
