package store

import (
	"context"
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
	Seats                           []LoadedSeat
}

// InsertLoadedBookings inserts bookings and their participants as they
// stand, in two statements; the dates' seats taken are the caller's to
// match. Tokens are derived from the reference: a loaded booking has no
// manage link anyone holds. The waiting lists are in the order given.
func InsertLoadedBookings(ctx context.Context, tx pgx.Tx, bs []LoadedBooking) error {
	if len(bs) == 0 {
		return nil
	}
	var b bookingColumns
	var p seatColumns
	for i, bk := range bs {
		b.add(bk)
		for _, st := range bk.Seats {
			p.add(i, bk.CreatedAt, st)
		}
	}
	rows, err := tx.Query(ctx, `
		INSERT INTO bookings (ref, form_token_hash, manage_token_hash, booker_name, booker_email, booker_phone, org_name,
			department, ean, invoice_reference, list_ore, excl_ore, vat_ore, incl_ore, created_at)
		SELECT ref, sha256(convert_to('loaded-form-' || ref, 'UTF8')), sha256(convert_to('loaded-manage-' || ref, 'UTF8')),
			booker, email, phone, org, dept, ean, reference, list, excl, vat, excl + vat, created
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
			$9::bigint[], $10::bigint[], $11::bigint[], $12::timestamptz[])
			AS x(ref, booker, email, phone, org, dept, ean, reference, list, excl, vat, created)
		RETURNING id`, b.ref, b.booker, b.email, b.phone, b.org, b.dept, b.ean, b.reference, b.list, b.excl, b.vat,
		b.created)
	if err != nil {
		return err
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return err
	}
	bookingIDs := make([]int64, len(p.booking))
	for i, n := range p.booking {
		bookingIDs[i] = ids[n]
	}
	_, err = tx.Exec(ctx, `
		INSERT INTO participants (booking_id, date_id, name, email, job_title, status, waitlist_seq, list_ore, price_ore,
			vat_rate_bp, vat_ore, cancel_reason, created_at, confirmed_at, cancelled_at)
		SELECT booking, date, name, email, job, status, CASE WHEN status = 'waitlisted' THEN nextval('waitlist_seq') END,
			list, price, vat_bp, price * vat_bp / 10000, reason, created,
			CASE WHEN status = 'confirmed' THEN created END, CASE WHEN status = 'cancelled' THEN cancelled END
		FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[],
			$9::int[], $10::text[], $11::timestamptz[], $12::timestamptz[]) WITH ORDINALITY
			AS x(booking, date, name, email, job, status, list, price, vat_bp, reason, created, cancelled, n)
		ORDER BY n`, bookingIDs, p.date, p.name, p.email, p.job, p.status, p.list, p.price, p.vat, p.reason, p.created, p.cancelled)
	return err
}

type bookingColumns struct {
	ref, booker, email, phone, org, dept, ean, reference []string
	list, excl, vat                                      []int64
	created                                              []*time.Time
}

func (c *bookingColumns) add(b LoadedBooking) {
	var list, excl, vat int64
	for _, s := range b.Seats {
		list += s.ListOre
		excl += s.PriceOre
		vat += s.PriceOre * int64(s.VATRateBP) / 10000
	}
	created := b.CreatedAt
	c.ref, c.booker, c.email = append(c.ref, b.Ref), append(c.booker, b.BookerName), append(c.email, b.BookerEmail)
	c.phone, c.org, c.dept = append(c.phone, b.Phone), append(c.org, b.Org), append(c.dept, b.Department)
	c.ean, c.reference = append(c.ean, b.EAN), append(c.reference, b.Reference)
	c.list, c.excl, c.vat = append(c.list, list), append(c.excl, excl), append(c.vat, vat)
	c.created = append(c.created, &created)
}

type seatColumns struct {
	booking                          []int // index of the booking in the batch
	date, list, price                []int64
	vat                              []int32
	name, email, job, status, reason []string
	created, cancelled               []*time.Time
}

func (c *seatColumns) add(booking int, created time.Time, s LoadedSeat) {
	var cancelled *time.Time
	if s.Status == "cancelled" {
		cancelled = &s.CancelledAt
	}
	c.booking, c.date = append(c.booking, booking), append(c.date, s.DateID)
	c.name, c.email, c.job = append(c.name, s.Name), append(c.email, s.Email), append(c.job, s.JobTitle)
	c.status, c.reason = append(c.status, s.Status), append(c.reason, s.Reason)
	c.list, c.price, c.vat = append(c.list, s.ListOre), append(c.price, s.PriceOre), append(c.vat, int32(s.VATRateBP))
	c.created, c.cancelled = append(c.created, &created), append(c.cancelled, cancelled)
}

// SetDateMinimum sets the fewest participants a date needs.
func SetDateMinimum(ctx context.Context, tx pgx.Tx, dateID int64, minimum int) error {
	_, err := tx.Exec(ctx, `UPDATE course_dates SET min_participants = $2 WHERE id = $1`, dateID, minimum)
	return err
}
