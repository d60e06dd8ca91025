ALTER TABLE staff_users DROP COLUMN version;
ALTER TABLE bundle_offers DROP COLUMN version;
ALTER TABLE topics DROP COLUMN version;
ALTER TABLE consultants DROP COLUMN version;
ALTER TABLE venues DROP COLUMN version;
