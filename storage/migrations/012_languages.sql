-- Each person reads the bot in their language (issue 15): Arabic unless they chose English. A newcomer's choice
-- waits in the chat's session until they register. The plan's owner and a milestone may have an English name too
-- (NULL: none; the Arabic is shown instead).
ALTER TABLE participants ADD COLUMN language TEXT NOT NULL DEFAULT 'ar' CHECK (language IN ('ar', 'en'));
ALTER TABLE plans ADD COLUMN owner_en TEXT;
ALTER TABLE milestones ADD COLUMN title_en TEXT;
