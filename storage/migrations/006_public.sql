-- The public tracker: coordinators' approval for publication, whether a person agreed to be named publicly,
-- and a counter that every change to what the public site shows bumps in the same transaction, so the site's
-- cache can never serve a page older than the last commit (a /forget included).
ALTER TABLE recommendations ADD COLUMN approved_at TEXT;
ALTER TABLE recommendations ADD COLUMN approved_by INTEGER REFERENCES participants(id) ON DELETE SET NULL;
-- NULL: not asked yet (treated as no); 0: no; 1: yes, show my name and organisation with my published input.
ALTER TABLE participants ADD COLUMN show_name INTEGER CHECK (show_name IN (0, 1));

-- The public pages count received and answered input per commitment from this index alone.
CREATE INDEX recommendations_public ON recommendations(commitment_id, hidden, state, approved_at);

CREATE TABLE public_version (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    version  INTEGER NOT NULL
);
INSERT INTO public_version (id, version) VALUES (1, 0);

CREATE TRIGGER pv_plans_i AFTER INSERT ON plans BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_plans_u AFTER UPDATE ON plans BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_plans_d AFTER DELETE ON plans BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_commitments_i AFTER INSERT ON commitments BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_commitments_u AFTER UPDATE ON commitments BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_commitments_d AFTER DELETE ON commitments BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_themes_i AFTER INSERT ON themes BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_themes_u AFTER UPDATE ON themes BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_themes_d AFTER DELETE ON themes BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_milestones_i AFTER INSERT ON milestones BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_milestones_u AFTER UPDATE ON milestones BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_milestones_d AFTER DELETE ON milestones BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_status_i AFTER INSERT ON status_updates BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_status_u AFTER UPDATE ON status_updates BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_status_d AFTER DELETE ON status_updates BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_recs_i AFTER INSERT ON recommendations BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_recs_u AFTER UPDATE ON recommendations BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_recs_d AFTER DELETE ON recommendations BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_endorsements_i AFTER INSERT ON endorsements
BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_endorsements_d AFTER DELETE ON endorsements
BEGIN UPDATE public_version SET version = version + 1; END;
-- Every message touches participants.last_seen_at: only the columns the site shows count.
CREATE TRIGGER pv_participants_u
AFTER UPDATE OF name, organisation, sector, governorate, consent_at, forgotten_at, show_name ON participants
BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_participants_d AFTER DELETE ON participants BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_roles_i AFTER INSERT ON roles BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_roles_d AFTER DELETE ON roles BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_rounds_i AFTER INSERT ON rounds BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_rounds_u AFTER UPDATE ON rounds BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_rounds_d AFTER DELETE ON rounds BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_round_commitments_i AFTER INSERT ON round_commitments
BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_round_commitments_d AFTER DELETE ON round_commitments
BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_round_questions_i AFTER INSERT ON round_questions
BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_round_questions_u AFTER UPDATE ON round_questions
BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_round_questions_d AFTER DELETE ON round_questions
BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_round_members_i AFTER INSERT ON round_members
BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_round_members_u AFTER UPDATE ON round_members
BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_round_members_d AFTER DELETE ON round_members
BEGIN UPDATE public_version SET version = version + 1; END;
