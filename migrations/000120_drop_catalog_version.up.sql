-- The catalogue's search is answered by Postgres from the rows themselves
-- (store.Search), so no process keeps facts that catalog_version would
-- have to tell stale. What remains of "the catalogue changed" is the
-- NOTIFY on catalog_changed (migrations 000014 and 000018, and
-- store.PublishSeatChanges), which every page cache listens to.
DROP TRIGGER course_dates_version_seats ON course_dates;
DROP TRIGGER course_dates_version_update ON course_dates;
DROP TRIGGER course_dates_version ON course_dates;
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['courses', 'course_topics', 'programmes', 'programme_modules', 'venues', 'topics']
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_version', t);
    END LOOP;
END
$$;
DROP FUNCTION raise_catalog_version();
DROP TABLE catalog_version;
