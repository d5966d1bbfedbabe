-- WhatsApp: who wrote when (the 24-hour window) and what became of every message sent.
CREATE TABLE wa_contacts (
    external_id      TEXT PRIMARY KEY,               -- the business-scoped user id when known, else the wa_id
    wa_id            TEXT,
    user_id          TEXT,
    last_inbound_at  TEXT NOT NULL
);

-- One row per Graph API message: a reply may go out as several (long text split, then buttons).
CREATE TABLE wa_messages (
    wamid        TEXT PRIMARY KEY,
    outbox_id    INTEGER NOT NULL REFERENCES outbox(id) ON DELETE CASCADE,
    part         INTEGER NOT NULL,                   -- position within the outbox row's messages
    kind         TEXT NOT NULL DEFAULT 'message' CHECK (kind IN ('message', 'template')),
    status       TEXT NOT NULL DEFAULT 'accepted'
                 CHECK (status IN ('accepted', 'sent', 'delivered', 'read', 'failed')),
    status_at    TEXT NOT NULL,
    error_code   INTEGER,
    error_title  TEXT
);
CREATE INDEX wa_messages_outbox ON wa_messages(outbox_id, part);
CREATE INDEX outbox_held ON outbox(status, channel) WHERE status = 'held';
