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
