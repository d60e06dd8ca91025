package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
)

// InvoicesDue lists the bookings whose invoice is due by by and not issued
// yet: bookings without any document that pay for a seat on a date
// starting by by + booking.InvoiceLead, earliest invoice first. The
// lines are what is owed: seats held and cancelled seats still charged;
// the VAT is worked out per rate on the sum, as the invoice will have it.
// (A booking already invoiced gets its credit notes and further invoices
// from the job its change queues, at once.)
func (s *Store) InvoicesDue(ctx context.Context, by time.Time) ([]booking.InvoiceItem, error) {
	rows, err := s.Pool.Query(ctx, `
		WITH due AS (
			SELECT DISTINCT p.booking_id FROM course_dates d
			JOIN participants p ON p.date_id = d.id AND (p.status = 'confirmed' OR p.charged)
			WHERE d.starts_at <= $1
			  AND NOT EXISTS (SELECT 1 FROM invoice_documents i WHERE i.booking_id = p.booking_id))
		SELECT b.id, b.ref, b.org_name, b.department, b.booker_name, b.booker_email, b.ean, b.cvr,
			b.invoice_address, b.invoice_reference, p.name, c.title, d.starts_at, p.price_ore, p.vat_rate_bp,
			min(d.starts_at) OVER (PARTITION BY b.id) AS first_start
		FROM due JOIN bookings b ON b.id = due.booking_id
		JOIN participants p ON p.booking_id = b.id AND (p.status = 'confirmed' OR p.charged)
		JOIN course_dates d ON d.id = p.date_id JOIN courses c ON c.id = d.course_id
		ORDER BY first_start, b.id, d.starts_at, p.id`, by.Add(booking.InvoiceLead))
	if err != nil {
		return nil, err
	}
	var out []booking.InvoiceItem
	var it booking.InvoiceItem
	var l booking.InvoiceLine
	var rate int
	_, err = pgx.ForEachRow(rows, []any{&it.BookingID, &it.Ref, &it.OrgName, &it.Department, &it.BookerName, &it.BookerEmail,
		&it.EAN, &it.CVR, &it.InvoiceAddress, &it.Reference, &l.Name, &l.CourseTitle, &l.StartsAt, &l.PriceOre, &rate,
		&it.FirstStart}, func() error {
		if n := len(out); n == 0 || out[n-1].BookingID != it.BookingID {
			it.DueAt = it.FirstStart.Add(-booking.InvoiceLead)
			out = append(out, it)
		}
		last := &out[len(out)-1]
		last.AddLine(l, rate)
		return nil
	})
	return out, err
}
