-- A booking changes nothing on its dates but seats_taken, and a NOTIFY in
-- its transaction holds a lock on the whole database from commit until the
-- commit is on disk: bookings committed one at a time. Seat changes are
-- announced by the server processes instead, at most a few times a second
-- (store.PublishSeatChanges); every other change to a date still notifies
-- here. The condition compares whole rows, so a column added later
-- notifies without touching this trigger.
DROP TRIGGER course_dates_notify ON course_dates;

CREATE TRIGGER course_dates_notify AFTER INSERT OR DELETE OR TRUNCATE ON course_dates
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();

CREATE TRIGGER course_dates_notify_update AFTER UPDATE ON course_dates
    FOR EACH ROW WHEN ((to_jsonb(OLD) - 'seats_taken') IS DISTINCT FROM (to_jsonb(NEW) - 'seats_taken'))
    EXECUTE FUNCTION notify_catalog_changed();
