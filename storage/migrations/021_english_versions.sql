-- A round's name, place and typed questions, and the forum's rules, may also be given in English (NULL: the English
-- reader sees the Arabic). Default questions are worded in the catalogues and need none.
ALTER TABLE rounds ADD COLUMN name_en TEXT;
ALTER TABLE rounds ADD COLUMN place_en TEXT;
ALTER TABLE round_questions ADD COLUMN text_en TEXT;
ALTER TABLE forum_rules ADD COLUMN text_en TEXT;
