-- Reserved for another branch's migration 009 (issue 14's branch is given 010). Delete this file at merge time:
-- the real 009 takes its place, and the numbers stay without gaps.
SELECT 1;
