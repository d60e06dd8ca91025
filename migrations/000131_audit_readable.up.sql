-- An audit log people can read: who (a staff user, or the booker acting
-- from their manage link), what in words as it was then (course title,
-- date, person), what to link to, and each changed field's old and new
-- value ([{"field": …, "old": …, "new": …}]).
ALTER TABLE audit_log
    ADD COLUMN actor      text NOT NULL DEFAULT '',
    ADD COLUMN label      text NOT NULL DEFAULT '',
    ADD COLUMN date_id    bigint,
    ADD COLUMN booking_id bigint,
    ADD COLUMN changes    jsonb NOT NULL DEFAULT '[]';
CREATE INDEX audit_log_date_idx ON audit_log (date_id) WHERE date_id IS NOT NULL;
CREATE INDEX audit_log_booking_idx ON audit_log (booking_id) WHERE booking_id IS NOT NULL;
