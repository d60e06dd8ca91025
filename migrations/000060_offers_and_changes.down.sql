DROP TABLE calendar_sequences;
DROP TABLE booking_change_lines;
DROP TABLE booking_changes;
DROP TABLE seat_offers;
ALTER TABLE participants
    DROP CONSTRAINT participants_charged_cancelled,
    DROP COLUMN person_no,
    DROP COLUMN charged;
