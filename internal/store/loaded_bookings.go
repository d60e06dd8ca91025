package store

import (
	"context"
	"crypto/sha256"
	"time"

	"github.com/jackc/pgx/v5"
)

// LoadedSeat is a participant of a booking loaded in bulk (the demo), as
// the booking and the staff's actions would have left it.
type LoadedSeat struct {
	DateID      int64
	Name, Email string
	JobTitle    string
	Status      string // confirmed, waitlisted or cancelled
	Reason      string // why cancelled
	CancelledAt time.Time
	ListOre     int64
	PriceOre    int64
	VATRateBP   int
}

// LoadedBooking is a booking loaded in bulk with its participants.
type LoadedBooking struct {
	Ref                             string
	BookerName, BookerEmail, Phone  string
	Org, Department, EAN, Reference string
	CreatedAt                       time.Time
	InvoicedAt                      time.Time // zero: not invoiced
	InvoiceNumber                   string
	Seats                           []LoadedSeat
}

// InsertLoadedBooking inserts a booking and its participants as they
// stand; the dates' seats taken are the caller's to match. Its tokens are
// derived from the reference: a loaded booking has no manage link anyone
// holds.
func InsertLoadedBooking(ctx context.Context, tx pgx.Tx, b LoadedBooking) error {
	form := sha256.Sum256([]byte("loaded-form-" + b.Ref))
	manage := sha256.Sum256([]byte("loaded-manage-" + b.Ref))
	var list, excl, vat int64
	for _, s := range b.Seats {
		list += s.ListOre
		excl += s.PriceOre
		vat += s.PriceOre * int64(s.VATRateBP) / 10000
	}
	var id int64
	var invoiced *time.Time
	if !b.InvoicedAt.IsZero() {
		invoiced = &b.InvoicedAt
	}
	err := tx.QueryRow(ctx, `
		INSERT INTO bookings (ref, form_token_hash, manage_token_hash, booker_name, booker_email, booker_phone, org_name,
			department, ean, invoice_reference, list_ore, excl_ore, vat_ore, incl_ore, invoiced_at, invoice_number, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $12::bigint + $13::bigint, $14, $15, $16) RETURNING id`,
		b.Ref, form[:], manage[:], b.BookerName, b.BookerEmail, b.Phone, b.Org, b.Department, b.EAN, b.Reference,
		list, excl, vat, invoiced, b.InvoiceNumber, b.CreatedAt).Scan(&id)
	if err != nil {
		return err
	}
	for _, s := range b.Seats {
		var cancelled, confirmed *time.Time
		switch s.Status {
		case "cancelled":
			cancelled = &s.CancelledAt
		case "confirmed":
			confirmed = &b.CreatedAt
		}
		if _, err := tx.Exec(ctx, `
			INSERT INTO participants (booking_id, date_id, name, email, job_title, status, waitlist_seq, list_ore, price_ore,
				vat_rate_bp, vat_ore, cancel_reason, created_at, confirmed_at, cancelled_at)
			VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $6 = 'waitlisted' THEN nextval('waitlist_seq') END, $7, $8, $9, $10,
				$11, $12, $13, $14)`,
			id, s.DateID, s.Name, s.Email, s.JobTitle, s.Status, s.ListOre, s.PriceOre, s.VATRateBP,
			s.PriceOre*int64(s.VATRateBP)/10000, s.Reason, b.CreatedAt, confirmed, cancelled); err != nil {
			return err
		}
	}
	return nil
}

// SetDateMinimum sets the fewest participants a date needs.
func SetDateMinimum(ctx context.Context, tx pgx.Tx, dateID int64, minimum int) error {
	_, err := tx.Exec(ctx, `UPDATE course_dates SET min_participants = $2 WHERE id = $1`, dateID, minimum)
	return err
}
