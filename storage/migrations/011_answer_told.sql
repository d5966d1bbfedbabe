-- When an author was told of an answer is evidence (OGP's reasoned response): it lives on the answer itself, set
-- when the notice is sent, because sent outbox rows are pruned after OGP_OUTBOX_KEEP_DAYS (7 days).
ALTER TABLE recommendation_answers ADD COLUMN told_at TEXT;
UPDATE recommendation_answers
SET told_at = (SELECT o.sent_at FROM outbox o WHERE o.id = recommendation_answers.outbox_id)
WHERE outbox_id IS NOT NULL;
CREATE TRIGGER recommendation_answer_told AFTER UPDATE OF sent_at ON outbox
WHEN NEW.sent_at IS NOT NULL
BEGIN
    UPDATE recommendation_answers SET told_at = NEW.sent_at WHERE outbox_id = NEW.id AND told_at IS NULL;
END;
