-- A booking made is marked here in its own transaction, until the worker
-- that composes its mails writes its booking_search row (000093) and
-- deletes the mark, in the mails' transaction. Meanwhile the staff search
-- matches the few marked bookings on the spot. The mark is a plain row
-- under its primary key, cheap beside the booking's own rows: no trigram
-- index is written in the rush. It replaces reading River's job table
-- for the bookings not yet indexed.
CREATE TABLE booking_search_pending (
    booking_id bigint PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE
);

INSERT INTO booking_search_pending (booking_id)
SELECT b.id FROM bookings b WHERE NOT EXISTS (SELECT 1 FROM booking_search s WHERE s.booking_id = b.id);
