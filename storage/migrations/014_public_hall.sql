-- The public site and meetings.json show the hall's attendance of a round: a change to it is a new data version.
CREATE TRIGGER pv_hall_i AFTER INSERT ON round_hall BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_hall_u AFTER UPDATE ON round_hall BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_hall_d AFTER DELETE ON round_hall BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_hall_sectors_i AFTER INSERT ON round_hall_sectors
BEGIN UPDATE public_version SET version = version + 1; END;
CREATE TRIGGER pv_hall_sectors_d AFTER DELETE ON round_hall_sectors
BEGIN UPDATE public_version SET version = version + 1; END;
