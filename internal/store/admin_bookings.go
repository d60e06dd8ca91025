package store

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
)

// likePattern makes q a substring pattern with its wildcards escaped.
func likePattern(q string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(q) + "%"
}

// searchBookingsSQL finds the newest bookings (the last made: the highest
// ids) whose text matches $1, an ILIKE pattern, at most $2. The text is
// booking_search's (migration 000133), under a trigram index; a booking
// whose mails are not composed yet is marked in booking_search_pending
// (000134) instead and matched on the same text made on the spot.
const searchBookingsSQL = `
	WITH hits AS (
		(SELECT s.booking_id AS id FROM booking_search s WHERE s.doc ILIKE $1
		 ORDER BY s.booking_id DESC LIMIT $2)
		UNION
		(SELECT w.booking_id FROM booking_search_pending w WHERE booking_search_doc(w.booking_id) ILIKE $1))
	SELECT b.id, b.ref, b.booker_name, b.booker_email, b.org_name, b.ean, b.invoice_reference,
		p.name, p.email, p.status, d.id, c.title, d.starts_at
	FROM bookings b JOIN participants p ON p.booking_id = b.id
	JOIN course_dates d ON d.id = p.date_id JOIN courses c ON c.id = d.course_id
	WHERE b.id IN (SELECT id FROM hits)
	ORDER BY b.id DESC, d.starts_at, p.id
	LIMIT $2`

// SearchBookings finds bookings by any part of the booker's or a
// participant's name or e-mail, the organisation, EAN, CVR, invoice
// reference or booking number, newest first, one row per participant.
//
// It is planned for its words every time (the simple protocol sends them
// in the SQL), where the web's other statements keep one generic plan: for
// words most bookings hold ("kommune") walking the newest bookings
// backwards stops after the first few hundred, and words few hold are
// looked up in the trigram index.
func (s *Store) SearchBookings(ctx context.Context, q string, limit int) ([]booking.SearchHit, error) {
	rows, err := s.Pool.Query(ctx, searchBookingsSQL, pgx.QueryExecModeSimpleProtocol, likePattern(q), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []booking.SearchHit
	for rows.Next() {
		var h booking.SearchHit
		if err := rows.Scan(&h.BookingID, &h.Ref, &h.BookerName, &h.BookerEmail, &h.OrgName, &h.EAN, &h.Reference,
			&h.Name, &h.Email, &h.Status, &h.DateID, &h.CourseTitle, &h.StartsAt); err != nil {
			return nil, err
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

// MarkUnindexed marks new bookings for the search until IndexBookings
// writes their text, in the bookings' transaction.
func MarkUnindexed(ctx context.Context, tx pgx.Tx, ids []int64) error {
	_, err := tx.Exec(ctx, `INSERT INTO booking_search_pending (booking_id) SELECT unnest($1::bigint[]) ON CONFLICT DO NOTHING`, ids)
	return err
}

// IndexBookings writes (or rewrites) the search text of bookings and
// takes their mark away, in the transaction that composes their mails.
func IndexBookings(ctx context.Context, tx pgx.Tx, ids []int64) error {
	_, err := tx.Exec(ctx, `WITH done AS (DELETE FROM booking_search_pending WHERE booking_id = ANY($1)) `+rewriteSearchSQL, ids)
	return err
}

// rewriteSearchSQL writes the search text of the bookings $1 from their
// rows, the one definition of it (booking_search_doc, migration 000133).
const rewriteSearchSQL = `INSERT INTO booking_search (booking_id, doc)
	SELECT b.id, booking_search_doc(b.id) FROM bookings b WHERE b.id = ANY($1)
	ON CONFLICT (booking_id) DO UPDATE SET doc = EXCLUDED.doc`

// rewriteSearch writes the search text of bookings again after a change
// to their people, in a statement of its own, so that it reads the change.
func rewriteSearch(ctx context.Context, db DB, ids []int64) error {
	_, err := db.Exec(ctx, rewriteSearchSQL, ids)
	return err
}

// IndexNewBookings writes the search text of every booking that has none,
// for bookings loaded in bulk (the demo) rather than booked.
func IndexNewBookings(ctx context.Context, db DB) error {
	_, err := db.Exec(ctx, `
		INSERT INTO booking_search (booking_id, doc)
		SELECT b.id, b.ref || ' ' || b.booker_name || ' ' || b.booker_email || ' ' || b.org_name || ' ' || b.ean || ' ' ||
			b.cvr || ' ' || b.invoice_reference || ' ' || coalesce(string_agg(p.name || ' ' || p.email, ' ' ORDER BY p.id), '')
		FROM bookings b LEFT JOIN participants p ON p.booking_id = b.id
		WHERE NOT EXISTS (SELECT 1 FROM booking_search s WHERE s.booking_id = b.id)
		GROUP BY b.id`)
	if err != nil {
		return err
	}
	_, err = db.Exec(ctx, `DELETE FROM booking_search_pending p
		WHERE EXISTS (SELECT 1 FROM booking_search s WHERE s.booking_id = p.booking_id)`)
	return err
}
