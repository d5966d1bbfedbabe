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
