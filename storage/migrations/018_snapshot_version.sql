-- The public site lists the dated snapshots with their checksums: a new or rewritten snapshot is a new data version.
CREATE TRIGGER pv_snapshots_i AFTER INSERT ON snapshots BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_snapshots_u AFTER UPDATE ON snapshots BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_snapshots_d AFTER DELETE ON snapshots BEGIN UPDATE public_version SET version = version + 1; END;
