DROP TABLE IF EXISTS bundle_offer_courses, bundle_offers, agenda_items, agenda_days,
    course_dates, programme_modules, programmes, course_topics, course_slug_history,
    courses, venues, topics, consultants;
