-- Attendance counted in the hall, beside those who joined a round through the bot: the seed's «55 participants,
-- liaison officers among them, from civil society organisations and government bodies».
CREATE TABLE round_hall (
    round_id    INTEGER PRIMARY KEY REFERENCES rounds(id) ON DELETE CASCADE,
    total       INTEGER NOT NULL CHECK (total >= 0),
    officers    INTEGER CHECK (officers >= 0),            -- NULL: not counted
    updated_by  INTEGER REFERENCES participants(id) ON DELETE SET NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE round_hall_sectors (
    round_id  INTEGER NOT NULL REFERENCES round_hall(round_id) ON DELETE CASCADE,
    sector    TEXT NOT NULL CHECK (sector IN ('cso', 'government', 'private', 'academia', 'media', 'individual')),
    count     INTEGER NOT NULL CHECK (count >= 0),
    PRIMARY KEY (round_id, sector)
);
