-- Voice notes, photos and documents people send: each upload is a row; its bytes are a file named by their sha256
-- in the files folder beside the database (storage/files.py), so the same bytes sent twice are stored once.
CREATE TABLE files (
    id                 INTEGER PRIMARY KEY,
    sha256             TEXT NOT NULL,          -- the name of the bytes in the files folder
    format             TEXT NOT NULL,          -- found in the bytes, never taken from the sender's word
    mime               TEXT NOT NULL,
    size               INTEGER NOT NULL CHECK (size > 0),
    duration           INTEGER,                -- seconds, for audio
    name               TEXT,                   -- the name it was sent with (documents)
    channel            TEXT NOT NULL,          -- where it came from
    origin_ref         TEXT NOT NULL,          -- that channel's id to send it again (Telegram file_id, WhatsApp media id)
    sent_as            TEXT NOT NULL,          -- the channel's word for it: voice, audio, photo, document
    event_id           TEXT NOT NULL,          -- the message that carried it: a redelivery finds it again
    chat               TEXT,                   -- the sender's chat while the file belongs to nothing yet
    participant_id     INTEGER REFERENCES participants(id) ON DELETE SET NULL,  -- who sent it, once linked
    recommendation_id  INTEGER REFERENCES recommendations(id) ON DELETE SET NULL,
    status_update_id   INTEGER REFERENCES status_updates(id) ON DELETE SET NULL,
    role               TEXT CHECK (role IN ('voice', 'attachment', 'evidence')),
    created_at         TEXT NOT NULL,
    linked_at          TEXT,
    deleted_at         TEXT,                   -- erased: its bytes go (when no other row holds them), then the row
    UNIQUE (channel, event_id)
);
CREATE INDEX files_sha ON files(sha256);
CREATE INDEX files_recommendation ON files(recommendation_id);
CREATE INDEX files_status_update ON files(status_update_id);
CREATE INDEX files_pending ON files(chat) WHERE chat IS NOT NULL;

-- A voice recommendation: its length, and the transcript people write (an engine's draft is kept apart until a
-- person accepts it). Its text stays '' until then; every view names it by its duration.
ALTER TABLE recommendations ADD COLUMN voice_seconds INTEGER;
ALTER TABLE recommendations ADD COLUMN transcript TEXT;
ALTER TABLE recommendations ADD COLUMN transcript_by INTEGER REFERENCES participants(id) ON DELETE SET NULL;
ALTER TABLE recommendations ADD COLUMN transcript_at TEXT;
ALTER TABLE recommendations ADD COLUMN transcript_draft TEXT;

-- The public site lists officers' evidence files: a change to them is a change to the site.
CREATE TRIGGER pv_files_i AFTER INSERT ON files WHEN NEW.status_update_id IS NOT NULL
BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_files_u AFTER UPDATE ON files BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_files_d AFTER DELETE ON files BEGIN UPDATE public_version SET version = version + 1; END;
