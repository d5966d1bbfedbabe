-- A round's code joins it, so it is never published unless a coordinator chooses to: with public_join set, the
-- public site shows the round's join link (and its QR code) on the home page and the round's page while it is open.
ALTER TABLE rounds ADD COLUMN public_join INTEGER NOT NULL DEFAULT 0;
