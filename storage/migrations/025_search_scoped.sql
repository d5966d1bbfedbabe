-- The similar-input lookup asks for a commitment's rows holding two of a draft's rarest terms (022 and 024 asked for
-- any one of them and intersected the commitment's term, so bm25 ranked thousands of rows and read the commitment's
-- whole list at 100,000 recommendations). A third column, `scoped`, holds each term prefixed by its commitment
-- ('c3x' + term): its word lists are one commitment's, recommendation_vocabulary counts a term per commitment, and the
-- lookup needs no intersection with the commitment. `body` and `commitment` stay as they were for /search. 017's and
-- 022's triggers (erasure, hiding, rewriting, moving) name the table and carry on.
DROP TABLE recommendation_vocabulary;
DROP TABLE recommendation_terms;
CREATE VIRTUAL TABLE recommendation_terms USING fts5(body, commitment, scoped, tokenize = 'unicode61');
-- Only the lookup ranks, and only by the scoped terms.
INSERT INTO recommendation_terms (recommendation_terms, rank) VALUES ('rank', 'bm25(0.0, 0.0, 1.0)');
CREATE VIRTUAL TABLE recommendation_vocabulary USING fts5vocab(recommendation_terms, 'row');

INSERT INTO recommendation_terms (rowid, body, commitment, scoped)
SELECT id, body, 'c' || commitment_id,
       CASE WHEN body = '' THEN '' ELSE 'c' || commitment_id || 'x' || replace(body, ' ', ' c' || commitment_id || 'x') END
FROM (SELECT id, commitment_id, search_terms(COALESCE(transcript, text)) AS body FROM recommendations WHERE hidden = 0);
