ALTER TABLE audit_log DROP COLUMN actor, DROP COLUMN label, DROP COLUMN date_id, DROP COLUMN booking_id, DROP COLUMN changes;
