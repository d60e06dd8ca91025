-- The catalogue's versions: numbers that every change to what the
-- catalogue's filters and counts depend on raises, in the changing
-- transaction. version is for staff edits; seats is for dates going from
-- free seats to full or back, which a rush of bookings does many times a
-- second. A server process keeps the facts of every published course in
-- memory (store.catalogFacts) and reads them again when version has moved,
-- or seats has and the facts are more than a second old.
--
-- The numbers are a row, not sequences: a sequence moves before the change
-- commits, so a process could read the new number with the old facts and
-- keep them. The row is raised by deferred triggers, at commit, once per
-- transaction and number: its lock is then the last a transaction takes, so
-- two transactions cannot wait for each other over it, and a bulk load
-- raises it once rather than once per row.
CREATE TABLE catalog_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version bigint NOT NULL,
    seats bigint NOT NULL
);
INSERT INTO catalog_version (version, seats) VALUES (1, 1);

-- raise_catalog_version(column) raises that column of the row once per
-- transaction.
CREATE FUNCTION raise_catalog_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    raised text := 'katalog.' || TG_ARGV[0] || '_raised';
BEGIN
    IF current_setting(raised, true) IS DISTINCT FROM 'on' THEN
        EXECUTE format('UPDATE catalog_version SET %1$I = %1$I + 1', TG_ARGV[0]);
        PERFORM set_config(raised, 'on', true);
    END IF;
    RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['courses', 'course_topics', 'programmes', 'programme_modules', 'venues', 'topics']
    LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
                        DEFERRABLE INITIALLY DEFERRED
                        FOR EACH ROW EXECUTE FUNCTION raise_catalog_version(''version'')', t || '_version', t);
    END LOOP;
END
$$;

CREATE CONSTRAINT TRIGGER course_dates_version AFTER INSERT OR DELETE ON course_dates
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION raise_catalog_version('version');

-- A date's facts are its course, start, status, venue and whether it has
-- free seats. A booking sets only seats_taken: the first trigger does not
-- fire for it at all, and the second only when the date goes from free
-- seats to full or back; most bookings leave the row alone (all bookings
-- would queue on it).
CREATE CONSTRAINT TRIGGER course_dates_version_update AFTER UPDATE OF course_id, starts_at, status, venue_id, capacity
    ON course_dates
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION raise_catalog_version('version');

CREATE CONSTRAINT TRIGGER course_dates_version_seats AFTER UPDATE OF seats_taken ON course_dates
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN ((OLD.seats_taken < OLD.capacity) IS DISTINCT FROM (NEW.seats_taken < NEW.capacity))
    EXECUTE FUNCTION raise_catalog_version('seats');
