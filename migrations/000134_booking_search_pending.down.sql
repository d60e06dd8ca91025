DROP TABLE booking_search_pending;
