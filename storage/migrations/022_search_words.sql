-- The search index by words instead of trigrams (017 ranked every row sharing three letters, too slow at 100,000
-- recommendations): FTS5's unicode61 tokenizer over the same normalised, stemmed terms (storage/textnorm.py), and
-- for recommendations the commitment as a term of its own column, so that the similar-input lookup intersects it in
-- the index and bm25 ranks only that commitment's rows. The tables keep their names; 017's triggers (erasure, hiding,
-- rewriting) name them and carry on; storage/search.py still writes a row in the same transaction as the text.
DROP TABLE recommendation_terms;
DROP TABLE update_terms;
CREATE VIRTUAL TABLE recommendation_terms USING fts5(body, commitment, tokenize = 'unicode61');
CREATE VIRTUAL TABLE update_terms USING fts5(body, tokenize = 'unicode61');
-- The commitment column says where, not how alike: it takes no part in the ranking.
INSERT INTO recommendation_terms (recommendation_terms, rank) VALUES ('rank', 'bm25(1.0, 0.0)');

CREATE TRIGGER recommendation_terms_moved AFTER UPDATE OF commitment_id ON recommendations BEGIN
    DELETE FROM recommendation_terms WHERE rowid = old.id;
END;

INSERT INTO recommendation_terms (rowid, body, commitment)
SELECT id, search_terms(COALESCE(transcript, text)), 'c' || commitment_id FROM recommendations WHERE hidden = 0;
INSERT INTO update_terms (rowid, body)
SELECT id, search_terms(note) FROM status_updates WHERE note IS NOT NULL AND note <> '';
