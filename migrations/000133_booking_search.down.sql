DROP TABLE booking_search;
DROP FUNCTION booking_search_doc(bigint);
CREATE STATISTICS bookings_search_stats ON
    ((ref || ' ' || booker_name || ' ' || booker_email || ' ' || org_name || ' ' || ean || ' ' || cvr || ' ' || invoice_reference))
    FROM bookings;
CREATE STATISTICS participants_search_stats ON ((name || ' ' || email)) FROM participants;
