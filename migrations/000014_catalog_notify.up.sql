-- Every change to what public pages show (staff edits, seats taken by a
-- booking) notifies 'catalog_changed', so that every server process drops
-- its cached pages. Notifications are sent at commit and merged per
-- transaction, so a booking costs one.
CREATE FUNCTION notify_catalog_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('catalog_changed', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['courses', 'course_topics', 'course_slug_history', 'course_dates', 'agenda_days',
        'agenda_items', 'programmes', 'programme_modules', 'bundle_offers', 'bundle_offer_courses', 'venues',
        'consultants', 'topics']
    LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                        FOR EACH STATEMENT EXECUTE FUNCTION notify_catalog_changed()', t || '_notify', t);
    END LOOP;
END
$$;
