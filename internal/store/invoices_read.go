package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
)

const documentColumns = `d.id, d.kind, d.number, coalesce(d.booking_id, 0), d.booking_ref, coalesce(d.credits_id, 0),
	coalesce(c.number, ''), d.reason, d.made_by, d.issued_at, d.due_date, d.org_name, d.department, d.ean, d.cvr,
	d.address, d.reference, d.contact_name, d.contact_email, d.excl_ore, d.vat_ore, d.incl_ore, d.channel,
	d.sent_at, d.send_error,
	(SELECT coalesce(sum(x.incl_ore), 0) FROM invoice_documents x WHERE x.credits_id = d.id)`

const documentsFrom = ` FROM invoice_documents d LEFT JOIN invoice_documents c ON c.id = d.credits_id `

func scanDocument(r pgx.Row) (booking.Document, error) {
	var d booking.Document
	var due, sent *time.Time
	err := r.Scan(&d.ID, &d.Kind, &d.Number, &d.BookingID, &d.BookingRef, &d.CreditsID, &d.CreditsNumber, &d.Reason,
		&d.MadeBy, &d.IssuedAt, &due, &d.OrgName, &d.Department, &d.EAN, &d.CVR, &d.Address, &d.Reference,
		&d.ContactName, &d.ContactEmail, &d.ExclOre, &d.VATOre, &d.InclOre, &d.Channel, &sent, &d.SendError, &d.CreditedOre)
	if due != nil {
		d.DueDate = *due
	}
	if sent != nil {
		d.SentAt = *sent
	}
	return d, err
}

// document loads the document that where selects, with its lines.
func document(ctx context.Context, db DB, where string, args ...any) (booking.Document, error) {
	d, err := scanDocument(db.QueryRow(ctx, `SELECT `+documentColumns+documentsFrom+where, args...))
	if err != nil {
		return d, notFound(err)
	}
	d.Lines, err = documentLines(ctx, db, d.ID)
	return d, err
}

func documentLines(ctx context.Context, db DB, id int64) ([]booking.DocumentLine, error) {
	rows, err := db.Query(ctx, `
		SELECT line_no, coalesce(participant_id, 0), participant, course_title, starts_at, ends_at,
			list_ore, price_ore, vat_rate_bp, vat_ore, coalesce(credits_line, 0)
		FROM invoice_lines WHERE document_id = $1 ORDER BY line_no`, id)
	return scanAll(rows, err, func(r pgx.Rows) (booking.DocumentLine, error) {
		var l booking.DocumentLine
		err := r.Scan(&l.No, &l.SeatID, &l.Participant, &l.CourseTitle, &l.StartsAt, &l.EndsAt,
			&l.ListOre, &l.PriceOre, &l.VATRateBP, &l.VATOre, &l.CreditsLine)
		return l, err
	})
}

// Document loads a document with its lines for staff.
func (s *Store) Document(ctx context.Context, id int64) (booking.Document, error) {
	return document(ctx, s.Pool, `WHERE d.id = $1`, id)
}

// documentStates are the conditions of the states staff filter by.
var documentStates = map[string]string{
	booking.DocIssued:   `d.sent_at IS NULL AND NOT EXISTS (SELECT 1 FROM invoice_documents x WHERE x.credits_id = d.id)`,
	booking.DocSent:     `d.sent_at IS NOT NULL AND NOT EXISTS (SELECT 1 FROM invoice_documents x WHERE x.credits_id = d.id)`,
	booking.DocCredited: `EXISTS (SELECT 1 FROM invoice_documents x WHERE x.credits_id = d.id)`,
}

// Documents lists documents in a state (every one when state is ""),
// newest first.
func (s *Store) Documents(ctx context.Context, state string, limit int) ([]booking.Document, error) {
	where := `WHERE true`
	if c, ok := documentStates[state]; ok {
		where = `WHERE ` + c
	}
	rows, err := s.Pool.Query(ctx, `SELECT `+documentColumns+documentsFrom+where+` ORDER BY d.id DESC LIMIT $1`, limit)
	return scanAll(rows, err, func(r pgx.Rows) (booking.Document, error) { return scanDocument(r) })
}

// DocumentCounts counts the documents in each state.
func (s *Store) DocumentCounts(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	for state, cond := range documentStates {
		var n int
		if err := s.Pool.QueryRow(ctx, `SELECT count(*) FROM invoice_documents d WHERE `+cond).Scan(&n); err != nil {
			return nil, err
		}
		out[state] = n
	}
	return out, nil
}

// DocumentsOfBooking lists a booking's documents, oldest first.
func DocumentsOfBooking(ctx context.Context, db DB, bookingID int64) ([]booking.Document, error) {
	rows, err := db.Query(ctx, `SELECT `+documentColumns+documentsFrom+`WHERE d.booking_id = $1 ORDER BY d.id`, bookingID)
	return scanAll(rows, err, func(r pgx.Rows) (booking.Document, error) { return scanDocument(r) })
}

// DocumentsOfBookingID lists a booking's documents for staff.
func (s *Store) DocumentsOfBookingID(ctx context.Context, bookingID int64) ([]booking.Document, error) {
	return DocumentsOfBooking(ctx, s.Pool, bookingID)
}

// File is a document's bytes and name.
type DocumentFile struct {
	Number string
	Kind   string
	Data   []byte
}

// DocumentFile loads a document's PDF (xml false) or OIOUBL XML;
// ErrNotFound when it has none. With manageHash set, only a document of
// the booking that manage link opens.
func (s *Store) DocumentFile(ctx context.Context, id int64, xml bool, manageHash []byte) (DocumentFile, error) {
	var f DocumentFile
	col := "pdf"
	if xml {
		col = "xml"
	}
	err := s.Pool.QueryRow(ctx, `
		SELECT d.number, d.kind, d.`+col+` FROM invoice_documents d
		WHERE d.id = $1 AND d.`+col+` IS NOT NULL
		  AND ($2::bytea IS NULL OR d.booking_id = (SELECT id FROM bookings WHERE manage_token_hash = $2))`,
		id, manageHash).Scan(&f.Number, &f.Kind, &f.Data)
	return f, notFound(err)
}

// DocumentToSend is what delivering a document needs.
type DocumentToSend struct {
	ID      int64
	Number  string
	Kind    string
	EAN     string
	XML     []byte
	Channel string
	SentAt  *time.Time
}

// DocumentForSending loads a document to deliver.
func (s *Store) DocumentForSending(ctx context.Context, id int64) (DocumentToSend, error) {
	var d DocumentToSend
	err := s.Pool.QueryRow(ctx, `SELECT id, number, kind, ean, coalesce(xml, ''), channel, sent_at
		FROM invoice_documents WHERE id = $1`, id).Scan(&d.ID, &d.Number, &d.Kind, &d.EAN, &d.XML, &d.Channel, &d.SentAt)
	return d, notFound(err)
}

// MarkDocumentSent records that a document was delivered at at.
func (s *Store) MarkDocumentSent(ctx context.Context, id int64, at time.Time) error {
	_, err := s.Pool.Exec(ctx, `UPDATE invoice_documents SET sent_at = $2, send_error = '' WHERE id = $1 AND sent_at IS NULL`, id, at)
	return err
}

// MarkDocumentSendError records why a delivery failed; it is tried again.
func (s *Store) MarkDocumentSendError(ctx context.Context, id int64, msg string) error {
	_, err := s.Pool.Exec(ctx, `UPDATE invoice_documents SET send_error = $2 WHERE id = $1`, id, msg)
	return err
}
