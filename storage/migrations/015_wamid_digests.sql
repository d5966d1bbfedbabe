-- WhatsApp's message ids carry the sender's number (base64), so they would outlive /forget wherever an event is
-- recorded. From now on a message is recorded under a SHA-256 digest of its id (bot/channels/whatsapp_webhook.py,
-- event_key); the ids recorded before become the same digests, so a redelivery is still recognised.
UPDATE processed_events SET event_id = sha256_hex(event_id) WHERE channel = 'whatsapp';
UPDATE recommendations SET event_id = sha256_hex(event_id) WHERE channel = 'whatsapp' AND event_id IS NOT NULL;
UPDATE files SET event_id = sha256_hex(event_id) WHERE channel = 'whatsapp';
