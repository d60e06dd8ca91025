DROP TRIGGER course_dates_notify_update ON course_dates;
DROP TRIGGER course_dates_notify ON course_dates;

CREATE TRIGGER course_dates_notify AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON course_dates
    FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed();
