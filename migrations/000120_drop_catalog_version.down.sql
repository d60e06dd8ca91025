-- Brings back the catalogue's versions of migration 000019 (read there for why).
CREATE TABLE catalog_version (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    version bigint NOT NULL,
    seats bigint NOT NULL
);
INSERT INTO catalog_version (version, seats) VALUES (1, 1);

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

CREATE CONSTRAINT TRIGGER course_dates_version_update AFTER UPDATE OF course_id, starts_at, status, venue_id, capacity
    ON course_dates
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION raise_catalog_version('version');

CREATE CONSTRAINT TRIGGER course_dates_version_seats AFTER UPDATE OF seats_taken ON course_dates
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN ((OLD.seats_taken < OLD.capacity) IS DISTINCT FROM (NEW.seats_taken < NEW.capacity))
    EXECUTE FUNCTION raise_catalog_version('seats');
