-- A recommendation's id is its receipt number: once given it is never given again, even after the recommendation
-- was erased (/forget with its recommendations). SQLite reuses the highest rowid once it is deleted, so the highest
-- number ever given is kept here and a new recommendation takes the next one (storage/recommendations.py).
CREATE TABLE receipt_numbers (last INTEGER NOT NULL);
INSERT INTO receipt_numbers (last) SELECT COALESCE(MAX(id), 0) FROM recommendations;
CREATE TRIGGER receipt_numbers_i AFTER INSERT ON recommendations BEGIN
    UPDATE receipt_numbers SET last = MAX(last, NEW.id);
END;
