-- How many recommendations hold each index term, read straight from the word index (FTS5's fts5vocab: a view over
-- recommendation_terms that stores nothing and adds no work when writing), so the similar-input lookup can ask the
-- index for a text's rarest terms only.
CREATE VIRTUAL TABLE recommendation_vocabulary USING fts5vocab(recommendation_terms, 'row');
