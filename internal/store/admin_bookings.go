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
// ids) whose booker or participant matches $1, an ILIKE pattern, at most $2
// from each side. The matched expressions are those migration 000020
// keeps statistics on.
const searchBookingsSQL = `
	WITH hits AS (
		(SELECT b2.id FROM bookings b2
		 WHERE (b2.ref || ' ' || b2.booker_name || ' ' || b2.booker_email || ' ' || b2.org_name || ' ' ||
		        b2.ean || ' ' || b2.cvr || ' ' || b2.invoice_reference) ILIKE $1
		 ORDER BY b2.id DESC LIMIT $2)
		UNION
		(SELECT p2.booking_id FROM participants p2
		 WHERE (p2.name || ' ' || p2.email) ILIKE $1
		 ORDER BY p2.booking_id DESC LIMIT $2))
	SELECT b.id, b.ref, b.booker_name, b.booker_email, b.org_name, b.ean, b.invoice_reference,
		p.name, p.email, p.status, d.id, c.title, d.starts_at
	FROM bookings b JOIN participants p ON p.booking_id = b.id
	JOIN course_dates d ON d.id = p.date_id JOIN courses c ON c.id = d.course_id
	WHERE b.id IN (SELECT id FROM hits)
	ORDER BY b.id DESC, d.starts_at, p.id
	LIMIT $2`

// SearchBookings finds bookings by the booker's or a participant's name or
// e-mail, the organisation, EAN, CVR, invoice reference or booking number,
// newest first, one row per participant.
//
// It is planned for its words every time (the simple protocol sends them
// in the SQL), where the web's other statements keep one generic plan: for
// words most bookings hold ("kommune") walking the newest bookings
// backwards stops after the first few hundred, and words few hold are
// looked for in every booking.
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
