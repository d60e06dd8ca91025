package store

import (
	"context"
	"errors"
	"strings"
	"time"

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
// booking_search's (migration 000093), under a trigram index; a booking
// whose mails are not composed yet is marked in booking_search_pending
// (000094) instead and matched on the same text made on the spot.
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
	_, err := tx.Exec(ctx, `
		WITH done AS (DELETE FROM booking_search_pending WHERE booking_id = ANY($1))
		INSERT INTO booking_search (booking_id, doc)
		SELECT b.id, booking_search_doc(b.id) FROM bookings b WHERE b.id = ANY($1)
		ON CONFLICT (booking_id) DO UPDATE SET doc = EXCLUDED.doc`, ids)
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

// InvoiceWorklist lists the bookings not yet invoiced that have a date
// starting before until (the invoice goes out 3-4 weeks before the course),
// earliest course first. The lines are what is owed: seats held and
// cancelled seats still charged; waiting places and free cancellations
// are neither lines nor in the totals.
func (s *Store) InvoiceWorklist(ctx context.Context, until time.Time) ([]booking.InvoiceItem, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT b.id, b.ref, b.org_name, b.department, b.booker_name, b.booker_email, b.ean, b.cvr,
			b.invoice_address, b.invoice_reference, p.name, c.title, d.starts_at, p.price_ore, p.vat_ore,
			min(d.starts_at) OVER (PARTITION BY b.id) AS first_start
		FROM bookings b JOIN participants p ON p.booking_id = b.id AND (p.status = 'confirmed' OR p.charged)
		JOIN course_dates d ON d.id = p.date_id JOIN courses c ON c.id = d.course_id
		WHERE b.invoiced_at IS NULL
		  AND EXISTS (SELECT 1 FROM participants p2 JOIN course_dates d2 ON d2.id = p2.date_id
		              WHERE p2.booking_id = b.id AND (p2.status = 'confirmed' OR p2.charged) AND d2.starts_at < $1)
		ORDER BY first_start, b.id, d.starts_at, p.id`, until)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []booking.InvoiceItem
	for rows.Next() {
		var it booking.InvoiceItem
		var l booking.InvoiceLine
		if err := rows.Scan(&it.BookingID, &it.Ref, &it.OrgName, &it.Department, &it.BookerName, &it.BookerEmail,
			&it.EAN, &it.CVR, &it.InvoiceAddress, &it.Reference, &l.Name, &l.CourseTitle, &l.StartsAt, &l.PriceOre, &l.VATOre,
			&it.FirstStart); err != nil {
			return nil, err
		}
		if n := len(out); n == 0 || out[n-1].BookingID != it.BookingID {
			out = append(out, it)
		}
		last := &out[len(out)-1]
		last.Lines = append(last.Lines, l)
		last.ExclOre += l.PriceOre
		last.VATOre += l.VATOre
		last.InclOre = last.ExclOre + last.VATOre
	}
	return out, rows.Err()
}

// ErrInvoiced means the booking has been marked as invoiced already.
var ErrInvoiced = errors.New("store: booking already invoiced")

// MarkInvoiced records the invoice number of a booking, once.
func (s *Store) MarkInvoiced(ctx context.Context, bookingID, staffID int64, number string, now time.Time) error {
	return s.InTx(ctx, func(tx pgx.Tx) error {
		var invoiced bool
		if err := tx.QueryRow(ctx, `SELECT invoiced_at IS NOT NULL FROM bookings WHERE id = $1 FOR UPDATE`, bookingID).Scan(&invoiced); err != nil {
			return notFound(err)
		}
		if invoiced {
			return ErrInvoiced
		}
		if _, err := tx.Exec(ctx, `UPDATE bookings SET invoiced_at = $2, invoice_number = $3 WHERE id = $1`, bookingID, now, number); err != nil {
			return err
		}
		return Audit(ctx, tx, staffID, "booking", bookingID, "invoice", []string{"invoiced_at", "invoice_number"}, now)
	})
}
