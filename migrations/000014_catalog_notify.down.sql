DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['courses', 'course_topics', 'course_slug_history', 'course_dates', 'agenda_days',
        'agenda_items', 'programmes', 'programme_modules', 'bundle_offers', 'bundle_offer_courses', 'venues',
        'consultants', 'topics']
    LOOP
        EXECUTE format('DROP TRIGGER %I ON %I', t || '_notify', t);
    END LOOP;
END
$$;
DROP FUNCTION notify_catalog_changed();
