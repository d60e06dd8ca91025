-- Staff search bookings by any part of the booker's or a participant's
-- name or e-mail, the organisation, EAN, CVR, reference or booking number
-- (store.SearchBookings), newest first. Statistics on the searched text let
-- the planner see words most bookings hold ("kommune") and walk the newest
-- bookings backwards until the page is full, rather than read them all
-- (with 960,000 participants: 4.5 ms against 1.2 s). Words few bookings
-- hold are still looked for in every booking (0.6-1.3 s there).
--
-- Trigram indexes found those in 27-75 ms, but every booking then waited
-- on their GIN pages: the booking INSERT took 2.2 against 0.9 ms (mean,
-- pg_stat_statements, in a rush of 32 connections), 0.5 ms more Postgres
-- CPU per booking. Bookings have a target of 1,000 a second; staff search
-- has none. The expressions must stay exactly as the query writes them.
CREATE STATISTICS bookings_search_stats ON
    ((ref || ' ' || booker_name || ' ' || booker_email || ' ' || org_name || ' ' || ean || ' ' || cvr || ' ' || invoice_reference))
    FROM bookings;
CREATE STATISTICS participants_search_stats ON ((name || ' ' || email)) FROM participants;

-- Gathered by ANALYZE (and by autovacuum later on).
ANALYZE bookings, participants;
