-- Issue 17: fairness under floods, WhatsApp's stored inbox, the hourly limit across /forget, real erasure.

-- The sender serves each chat's next rows, a few per chat per round, and holds a chat back behind a row waiting to
-- be retried: this index finds those few rows of one chat without reading its whole backlog (outbox.due).
CREATE INDEX outbox_retrying ON outbox(channel, recipient, id) WHERE status = 'pending' AND attempts > 0;
