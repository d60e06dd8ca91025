package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
)

// NewDocument is an invoice or credit note to store, issued.
type NewDocument struct {
	booking.Document
	Year, Seq int
	UUID      string
	XML, PDF  []byte // XML only for an EAN
	StaffID   int64  // staff who issued it; 0: the invoicing job
}

// LockBookingForBilling locks a booking's row for the transaction that
// brings its documents in line, so two of them (the job and staff's
// "issue now") take turns; ErrNotFound when it is gone.
func LockBookingForBilling(ctx context.Context, tx pgx.Tx, bookingID int64) error {
	var id int64
	err := tx.QueryRow(ctx, `SELECT id FROM bookings WHERE id = $1 FOR UPDATE`, bookingID).Scan(&id)
	return notFound(err)
}

// NextDocumentNumber takes the next number of year's series in tx. The
// counter's row stays locked until tx ends, so documents are numbered in
// the order their transactions commit, and a rollback gives its number
// back: no gaps.
func NextDocumentNumber(ctx context.Context, tx pgx.Tx, year int) (int, error) {
	var seq int
	err := tx.QueryRow(ctx, `
		INSERT INTO invoice_counters (year, last) VALUES ($1, 1)
		ON CONFLICT (year) DO UPDATE SET last = invoice_counters.last + 1
		RETURNING last`, year).Scan(&seq)
	return seq, err
}

// InsertDocument stores an issued document with its lines and returns
// its id.
func InsertDocument(ctx context.Context, tx pgx.Tx, d NewDocument) (int64, error) {
	var id int64
	var due *time.Time
	if !d.DueDate.IsZero() {
		due = &d.DueDate
	}
	err := tx.QueryRow(ctx, `
		INSERT INTO invoice_documents (kind, year, seq, number, uuid, booking_id, booking_ref, credits_id, reason,
			made_by, staff_user_id, issued_at, due_date, org_name, department, ean, cvr, address, reference,
			contact_name, contact_email, excl_ore, vat_ore, incl_ore, xml, pdf, channel)
		VALUES ($1, $2, $3, $4, $5, $6, $7, nullif($8, 0), $9, $10, nullif($11, 0), $12, $13, $14, $15, $16, $17,
			$18, $19, $20, $21, $22, $23, $24, $25, $26, $27)
		RETURNING id`,
		d.Kind, d.Year, d.Seq, d.Number, d.UUID, d.BookingID, d.BookingRef, d.CreditsID, d.Reason,
		d.MadeBy, d.StaffID, d.IssuedAt, due, d.OrgName, d.Department, d.EAN, d.CVR, d.Address, d.Reference,
		d.ContactName, d.ContactEmail, d.ExclOre, d.VATOre, d.InclOre, d.XML, d.PDF, d.Channel).Scan(&id)
	if err != nil {
		return 0, err
	}
	return id, insertDocumentLines(ctx, tx, id, d.Lines)
}

func insertDocumentLines(ctx context.Context, tx pgx.Tx, id int64, lines []booking.DocumentLine) error {
	n := len(lines)
	nos, credits, rates := make([]int32, n), make([]*int32, n), make([]int32, n)
	seats := make([]*int64, n)
	names, titles := make([]string, n), make([]string, n)
	starts, ends := make([]time.Time, n), make([]time.Time, n)
	list, price, vat := make([]int64, n), make([]int64, n), make([]int64, n)
	for i, l := range lines {
		nos[i], rates[i] = int32(l.No), int32(l.VATRateBP)
		if l.CreditsLine > 0 {
			c := int32(l.CreditsLine)
			credits[i] = &c
		}
		if l.SeatID > 0 {
			s := l.SeatID
			seats[i] = &s
		}
		names[i], titles[i], starts[i], ends[i] = l.Participant, l.CourseTitle, l.StartsAt, l.EndsAt
		list[i], price[i], vat[i] = l.ListOre, l.PriceOre, l.VATOre
	}
	_, err := tx.Exec(ctx, `
		INSERT INTO invoice_lines (document_id, line_no, participant_id, credits_line, participant, course_title,
			starts_at, ends_at, list_ore, price_ore, vat_rate_bp, vat_ore)
		SELECT $1, u.* FROM unnest($2::int[], $3::bigint[], $4::int[], $5::text[], $6::text[], $7::timestamptz[],
			$8::timestamptz[], $9::bigint[], $10::bigint[], $11::int[], $12::bigint[]) AS u`,
		id, nos, seats, credits, names, titles, starts, ends, list, price, rates, vat)
	return err
}

// StandingLines are the lines of a booking's invoices that no credit note
// has credited, by invoice and line.
func StandingLines(ctx context.Context, db DB, bookingID int64) ([]booking.BilledLine, error) {
	return standingLines(ctx, db, `i.booking_id = $1`, bookingID)
}

// StandingLinesOfInvoice are the lines of one invoice not credited.
func StandingLinesOfInvoice(ctx context.Context, db DB, documentID int64) ([]booking.BilledLine, error) {
	return standingLines(ctx, db, `i.id = $1`, documentID)
}

func standingLines(ctx context.Context, db DB, where string, arg int64) ([]booking.BilledLine, error) {
	rows, err := db.Query(ctx, `
		SELECT l.document_id, l.line_no, coalesce(l.participant_id, 0), l.price_ore
		FROM invoice_documents i JOIN invoice_lines l ON l.document_id = i.id
		WHERE `+where+` AND i.kind = 'invoice'
		  AND NOT EXISTS (SELECT 1 FROM invoice_documents c JOIN invoice_lines cl ON cl.document_id = c.id
		                  WHERE c.credits_id = i.id AND cl.credits_line = l.line_no)
		ORDER BY i.id, l.line_no`, arg)
	return scanAll(rows, err, func(r pgx.Rows) (booking.BilledLine, error) {
		var l booking.BilledLine
		err := r.Scan(&l.DocumentID, &l.LineNo, &l.SeatID, &l.PriceOre)
		return l, err
	})
}

// IssuedRef is what a credit note names of the invoice it credits.
type IssuedRef struct {
	Number   string
	UUID     string
	IssuedAt time.Time
}

// BookingOfDocument returns the booking a document bills (0 when it is
// deleted).
func BookingOfDocument(ctx context.Context, db DB, documentID int64) (int64, error) {
	var id int64
	err := db.QueryRow(ctx, `SELECT coalesce(booking_id, 0) FROM invoice_documents WHERE id = $1`, documentID).Scan(&id)
	return id, notFound(err)
}

// InvoiceForCredit loads an issued invoice with its lines and what a
// credit note names of it, locked so two credit notes of it take turns.
func InvoiceForCredit(ctx context.Context, tx pgx.Tx, id int64) (booking.Document, IssuedRef, error) {
	d, err := document(ctx, tx, `WHERE d.id = $1 AND d.kind = 'invoice' FOR UPDATE OF d`, id)
	if err != nil {
		return d, IssuedRef{}, err
	}
	var ref IssuedRef
	err = tx.QueryRow(ctx, `SELECT number, uuid::text, issued_at FROM invoice_documents WHERE id = $1`, id).
		Scan(&ref.Number, &ref.UUID, &ref.IssuedAt)
	return d, ref, err
}
