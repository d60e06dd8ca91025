package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
)

// Mail is one message to one recipient as the outgoing-mail table keeps
// it: plain text and HTML, and a calendar file when ICS is not empty.
type Mail struct {
	Kind    string
	To      string
	ToName  string
	ReplyTo string
	Subject string
	Text    string
	HTML    string
	ICS     string
	Files   []File // attachments besides the calendar file
}

// File is a file attached to a mail.
type File struct {
	Name, ContentType string
	Data              []byte
}

// OutgoingMail is a row of the outgoing-mail table.
type OutgoingMail struct {
	ID        int64
	BookingID int64
	Mail
	State     string
	Attempts  int
	LastError string
	CreatedAt time.Time
	SentAt    *time.Time
}

// MailOwner ties mails to the booking or inquiry they are about.
type MailOwner struct {
	BookingID int64
	InquiryID int64
}

// LockBookingsMails locks bookings in tx for composing their booking mails
// and returns, in the order of ids, those that still exist and whose mails
// are not recorded yet (they have no receipt mail), with their seats and
// dates. The bookings are locked first, in id order, so that two workers
// given the same bookings (a rescued job) wait for each other and the
// second finds them mailed; every read goes in one pipelined batch.
func LockBookingsMails(ctx context.Context, tx pgx.Tx, ids []int64) ([]booking.Receipt, error) {
	b := &pgx.Batch{}
	b.Queue(`SELECT id FROM bookings WHERE id = ANY($1) ORDER BY id FOR UPDATE`, ids)
	// After the lock, in a statement of its own: its snapshot then sees
	// the mails of a worker the lock waited for.
	done := map[int64]bool{}
	var doneErr error
	b.Queue(`SELECT DISTINCT booking_id FROM outgoing_mails WHERE booking_id = ANY($1) AND kind = 'booking'`, ids).
		Query(func(rows pgx.Rows) error {
			var id int64
			_, doneErr = pgx.ForEachRow(rows, []any{&id}, func() error { done[id] = true; return nil })
			return nil
		})
	reads := make([]*receiptReads, len(ids))
	for i, id := range ids {
		reads[i] = queueReceipt(b, `b.id = $1`, false, id)
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return nil, err
	}
	if doneErr != nil {
		return nil, doneErr
	}
	var out []booking.Receipt
	for i, q := range reads {
		r, err := q.result()
		if errors.Is(err, ErrNotFound) {
			continue // deleted meanwhile: no mails
		} else if err != nil {
			return nil, err
		}
		if !done[ids[i]] {
			out = append(out, r)
		}
	}
	return out, nil
}

// NewMail is a mail to record, with the booking or inquiry it is about.
type NewMail struct {
	MailOwner
	Mail
}

// InsertMails records mails in tx, in one statement, and returns their ids
// in order.
func InsertMails(ctx context.Context, tx DB, mails []NewMail) ([]int64, error) {
	n := len(mails)
	bookings, inquiries := make([]int64, n), make([]int64, n)
	kinds, tos, names, replies, subjects, texts, htmls, icss := make([]string, n), make([]string, n), make([]string, n),
		make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	for i, m := range mails {
		bookings[i], inquiries[i] = m.BookingID, m.InquiryID
		kinds[i], tos[i], names[i], replies[i], subjects[i], texts[i], htmls[i], icss[i] = m.Kind, m.To, m.ToName, m.ReplyTo, m.Subject, m.Text, m.HTML, m.ICS
	}
	rows, err := tx.Query(ctx, `
		INSERT INTO outgoing_mails (booking_id, inquiry_id, kind, to_addr, to_name, reply_to, subject, text_body, html_body, ics)
		SELECT nullif(u.booking_id, 0), nullif(u.inquiry_id, 0), u.kind, u.to_addr, u.to_name, u.reply_to, u.subject, u.text_body, u.html_body, u.ics
		FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
			WITH ORDINALITY AS u(booking_id, inquiry_id, kind, to_addr, to_name, reply_to, subject, text_body, html_body, ics, ord)
		ORDER BY u.ord
		RETURNING id`,
		bookings, inquiries, kinds, tos, names, replies, subjects, texts, htmls, icss)
	if err != nil {
		return nil, fmt.Errorf("record mails: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("record mails: %w", err)
	}
	return ids, nil
}

const mailColumns = `id, coalesce(booking_id, 0), kind, to_addr, to_name, reply_to, subject, text_body, html_body, ics,
	state, attempts, last_error, created_at, sent_at`

func scanMail(row interface{ Scan(...any) error }) (OutgoingMail, error) {
	var m OutgoingMail
	err := row.Scan(&m.ID, &m.BookingID, &m.Kind, &m.To, &m.ToName, &m.ReplyTo, &m.Subject, &m.Text, &m.HTML, &m.ICS,
		&m.State, &m.Attempts, &m.LastError, &m.CreatedAt, &m.SentAt)
	return m, err
}

// Mail loads one outgoing mail.
func (s *Store) Mail(ctx context.Context, id int64) (OutgoingMail, error) {
	m, err := scanMail(s.Pool.QueryRow(ctx, `SELECT `+mailColumns+` FROM outgoing_mails WHERE id = $1`, id))
	return m, notFound(err)
}

// Mails loads outgoing mails by id, in id order; ids of no mail are left out.
func (s *Store) Mails(ctx context.Context, ids []int64) ([]OutgoingMail, error) {
	return s.mails(ctx, `WHERE id = ANY($1) ORDER BY id`, ids)
}

// MailsForBooking lists the mails of one booking, oldest first.
func (s *Store) MailsForBooking(ctx context.Context, bookingID int64) ([]OutgoingMail, error) {
	return s.mails(ctx, `WHERE booking_id = $1 ORDER BY id`, bookingID)
}

// RecentMails lists the newest mails first.
func (s *Store) RecentMails(ctx context.Context, limit int) ([]OutgoingMail, error) {
	return s.mails(ctx, `ORDER BY id DESC LIMIT $1`, limit)
}

func (s *Store) mails(ctx context.Context, tail string, args ...any) ([]OutgoingMail, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+mailColumns+` FROM outgoing_mails `+tail, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OutgoingMail
	for rows.Next() {
		m, err := scanMail(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MarkMails sets the state of mails after an attempt: "sent", "recorded"
// (no SMTP configured) or "queued" again with the error of a failed try.
func (s *Store) MarkMails(ctx context.Context, ids []int64, state, lastError string, at time.Time) error {
	_, err := s.Pool.Exec(ctx, `
		UPDATE outgoing_mails SET state = $2, last_error = $3, attempts = attempts + 1,
			sent_at = CASE WHEN $2 IN ('sent', 'recorded') THEN $4::timestamptz END
		WHERE id = ANY($1)`, ids, state, lastError, at)
	return err
}
