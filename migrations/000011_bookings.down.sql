DROP TABLE outgoing_mails;
DROP TABLE participants;
DROP SEQUENCE waitlist_seq;
DROP TABLE bookings;
DROP SEQUENCE booking_ref_seq;
