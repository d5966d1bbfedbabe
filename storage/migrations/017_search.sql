-- The search index: a normalised, stemmed copy of each visible recommendation's text and each status update's note
-- (storage/textnorm.py), in FTS5 with the trigram tokenizer so that a part of a word finds it too. storage/search.py
-- writes a row in the same transaction as the text; these triggers take it out, in that transaction too, when the
-- text is deleted (erasure), hidden or rewritten (the writer indexes the new text).
CREATE VIRTUAL TABLE recommendation_terms USING fts5(body, tokenize = 'trigram');
CREATE VIRTUAL TABLE update_terms USING fts5(body, tokenize = 'trigram');

CREATE TRIGGER recommendation_terms_deleted AFTER DELETE ON recommendations BEGIN
    DELETE FROM recommendation_terms WHERE rowid = old.id;
END;
CREATE TRIGGER recommendation_terms_hidden AFTER UPDATE OF hidden ON recommendations WHEN new.hidden <> 0 BEGIN
    DELETE FROM recommendation_terms WHERE rowid = old.id;
END;
CREATE TRIGGER recommendation_terms_rewritten AFTER UPDATE OF text, transcript ON recommendations BEGIN
    DELETE FROM recommendation_terms WHERE rowid = old.id;
END;
CREATE TRIGGER update_terms_deleted AFTER DELETE ON status_updates BEGIN
    DELETE FROM update_terms WHERE rowid = old.id;
END;
CREATE TRIGGER update_terms_rewritten AFTER UPDATE OF note ON status_updates BEGIN
    DELETE FROM update_terms WHERE rowid = old.id;
END;

INSERT INTO recommendation_terms (rowid, body)
SELECT id, search_terms(COALESCE(transcript, text)) FROM recommendations WHERE hidden = 0;
INSERT INTO update_terms (rowid, body)
SELECT id, search_terms(note) FROM status_updates WHERE note IS NOT NULL AND note <> '';
