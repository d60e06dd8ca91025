package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/mail"
)

// OutgoingMail is a row of the outgoing-mail table.
type OutgoingMail struct {
	ID        int64
	BookingID int64
	mail.Message
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

// LockBookingMails locks a booking in tx for composing its booking mails and
// returns it with its seats and dates, and whether its mails are recorded
// already (its receipt mail exists); ErrNotFound when the booking is gone.
// The check runs after the lock, in the same round trip as the reads.
func LockBookingMails(ctx context.Context, tx pgx.Tx, bookingID int64) (booking.Receipt, bool, error) {
	var (
		done    bool
		doneErr error
	)
	b := &pgx.Batch{}
	reads := queueReceipt(b, `b.id = $1`, true, bookingID)
	b.Queue(`SELECT EXISTS (SELECT 1 FROM outgoing_mails WHERE booking_id = $1 AND kind = 'booking')`, bookingID).
		QueryRow(func(row pgx.Row) error { doneErr = row.Scan(&done); return nil })
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return booking.Receipt{}, false, err
	}
	r, err := reads.result()
	if err == nil {
		err = doneErr
	}
	return r, done, err
}

// InsertMails records messages in tx, in one statement, and returns their
// ids in order.
func InsertMails(ctx context.Context, tx DB, owner MailOwner, msgs []mail.Message) ([]int64, error) {
	n := len(msgs)
	kinds, tos, names, replies, subjects, texts, htmls, icss := make([]string, n), make([]string, n), make([]string, n),
		make([]string, n), make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	for i, m := range msgs {
		kinds[i], tos[i], names[i], replies[i], subjects[i], texts[i], htmls[i], icss[i] = m.Kind, m.To, m.ToName, m.ReplyTo, m.Subject, m.Text, m.HTML, m.ICS
	}
	rows, err := tx.Query(ctx, `
		INSERT INTO outgoing_mails (booking_id, inquiry_id, kind, to_addr, to_name, reply_to, subject, text_body, html_body, ics)
		SELECT nullif($1::bigint, 0), nullif($2::bigint, 0), u.kind, u.to_addr, u.to_name, u.reply_to, u.subject, u.text_body, u.html_body, u.ics
		FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
			WITH ORDINALITY AS u(kind, to_addr, to_name, reply_to, subject, text_body, html_body, ics, ord)
		ORDER BY u.ord
		RETURNING id`,
		owner.BookingID, owner.InquiryID, kinds, tos, names, replies, subjects, texts, htmls, icss)
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
	if m.ICS != "" {
		m.ICSName = "kursus.ics"
	}
	return m, err
}

// Mail loads one outgoing mail.
func (s *Store) Mail(ctx context.Context, id int64) (OutgoingMail, error) {
	m, err := scanMail(s.Pool.QueryRow(ctx, `SELECT `+mailColumns+` FROM outgoing_mails WHERE id = $1`, id))
	return m, notFound(err)
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

// MarkMail sets a mail's state after an attempt: "sent", "recorded" (no
// SMTP configured) or "queued" again with the error of a failed try.
func (s *Store) MarkMail(ctx context.Context, id int64, state, lastError string, at time.Time) error {
	_, err := s.Pool.Exec(ctx, `
		UPDATE outgoing_mails SET state = $2, last_error = $3, attempts = attempts + 1,
			sent_at = CASE WHEN $2 IN ('sent', 'recorded') THEN $4::timestamptz END
		WHERE id = $1`, id, state, lastError, at)
	return err
}
