-- Issue 17: fairness under floods, WhatsApp's stored inbox, the hourly limit across /forget, real erasure.

-- The sender serves each chat's next rows, a few per chat per round, and holds a chat back behind a row waiting to
-- be retried: this index finds those few rows of one chat without reading its whole backlog (outbox.due).
CREATE INDEX outbox_retrying ON outbox(channel, recipient, id) WHERE status = 'pending' AND attempts > 0;

-- The hourly recommendation limit counts by chat, so that /forget and registering again does not reset it: when
-- someone is forgotten, the times of their last hour's recommendations stay here under a one-way hash of each of
-- their chats (storage/flood.py), and are deleted once older than the hour.
CREATE TABLE recommendation_memory (
    actor       TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX recommendation_memory_actor ON recommendation_memory(actor, created_at);
CREATE INDEX recommendation_memory_age ON recommendation_memory(created_at);

-- WhatsApp: a verified webhook's raw body is committed here before Meta gets its 200 (Meta does not send it again
-- after a 200), processed from here, and deleted once processed; what a crash leaves is processed at start-up.
CREATE TABLE wa_inbox (
    id           INTEGER PRIMARY KEY,
    body         BLOB NOT NULL,
    received_at  TEXT NOT NULL
);

-- Erasure (storage/privacy.py). A chat whose person asked to be forgotten, or declined to register, still gets one
-- last answer: the chat waits here until it is out. Every row queued to such a chat (the trigger), and every row
-- that names a forgotten person but is on its way, is marked erase and deleted once it has been sent.
CREATE TABLE pending_erasures (
    channel       TEXT NOT NULL,
    external_id   TEXT NOT NULL,
    requested_at  TEXT NOT NULL,
    PRIMARY KEY (channel, external_id)
);
ALTER TABLE outbox ADD COLUMN erase INTEGER NOT NULL DEFAULT 0;
CREATE TRIGGER outbox_erase_with_chat AFTER INSERT ON outbox
WHEN EXISTS (SELECT 1 FROM pending_erasures WHERE channel = NEW.channel AND external_id = NEW.recipient)
BEGIN
    UPDATE outbox SET erase = 1 WHERE id = NEW.id;
END;
-- Pruning sent rows by age (OGP_OUTBOX_KEEP_DAYS) and finding the rows of a chat still to be erased.
CREATE INDEX outbox_finished ON outbox(COALESCE(sent_at, created_at)) WHERE status NOT IN ('pending', 'sending');
-- The retention job: sessions and WhatsApp contacts of people who never registered, by age.
CREATE INDEX sessions_updated ON sessions(updated_at);
CREATE INDEX wa_contacts_inbound ON wa_contacts(last_inbound_at);
