-- Staff's booking search reads a table of its own: one text per booking
-- (reference, booker, organisation, EAN, CVR, invoice reference and every
-- participant's name and e-mail) under a trigram index, so any part of a
-- word is found through the index. A booking's transaction does not write
-- it: trigram indexes on the booking tables made each booking's INSERT wait
-- on their GIN pages in a rush (see 000020). The worker that composes a new
-- booking's mails writes its row, in the same transaction as the mails; a
-- substitute's name is written in the substitution's transaction. Bookings
-- whose mails are not composed yet are searched directly (store.SearchBookings).
CREATE FUNCTION booking_search_doc(bid bigint) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT b.ref || ' ' || b.booker_name || ' ' || b.booker_email || ' ' || b.org_name || ' ' || b.ean || ' ' ||
           b.cvr || ' ' || b.invoice_reference || ' ' ||
           coalesce((SELECT string_agg(p.name || ' ' || p.email, ' ' ORDER BY p.id) FROM participants p WHERE p.booking_id = b.id), '')
    FROM bookings b WHERE b.id = bid
$$;

CREATE TABLE booking_search (
    booking_id bigint PRIMARY KEY REFERENCES bookings (id) ON DELETE CASCADE,
    doc        text NOT NULL
);

INSERT INTO booking_search (booking_id, doc)
SELECT b.id, b.ref || ' ' || b.booker_name || ' ' || b.booker_email || ' ' || b.org_name || ' ' || b.ean || ' ' ||
       b.cvr || ' ' || b.invoice_reference || ' ' || coalesce(string_agg(p.name || ' ' || p.email, ' ' ORDER BY p.id), '')
FROM bookings b LEFT JOIN participants p ON p.booking_id = b.id
GROUP BY b.id;

CREATE INDEX booking_search_doc_idx ON booking_search USING gin (doc gin_trgm_ops);

DROP STATISTICS IF EXISTS participants_search_stats;
DROP STATISTICS IF EXISTS bookings_search_stats;
ANALYZE booking_search;
