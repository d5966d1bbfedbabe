-- Placeholder on branch h12 only: number 006 belongs to another branch. Delete this file when that branch's 006
-- is merged (the migration runner wants numbers without gaps).
SELECT 1;
