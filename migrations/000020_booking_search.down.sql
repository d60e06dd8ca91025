DROP INDEX participants_search_idx;
DROP INDEX bookings_search_idx;
