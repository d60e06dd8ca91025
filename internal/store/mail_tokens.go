package store

import (
	"context"
	"time"
)

// InsertLinkTokens keeps the working tokens of the mails just recorded
// with ids (in the order of mails) apart from their text, until they are
// sent; nothing when no mail has a link.
func InsertLinkTokens(ctx context.Context, tx DB, ids []int64, mails []NewMail) error {
	var mailIDs []int64
	var positions []int32
	var tokens []string
	for i, m := range mails {
		for k, t := range m.Tokens {
			mailIDs, positions, tokens = append(mailIDs, ids[i]), append(positions, int32(k+1)), append(tokens, t)
		}
	}
	if len(mailIDs) == 0 {
		return nil
	}
	_, err := tx.Exec(ctx, `
		INSERT INTO mail_link_tokens (mail_id, position, token)
		SELECT * FROM unnest($1::bigint[], $2::int[], $3::text[])`, mailIDs, positions, tokens)
	return err
}

// AttachTokens reads the link tokens still held for mails into them.
func (s *Store) AttachTokens(ctx context.Context, mails []OutgoingMail) error {
	ids := make([]int64, len(mails))
	at := make(map[int64]int, len(mails))
	for i, m := range mails {
		ids[i], at[m.ID] = m.ID, i
	}
	rows, err := s.Pool.Query(ctx, `SELECT mail_id, token FROM mail_link_tokens
		WHERE mail_id = ANY($1) ORDER BY mail_id, position`, ids)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var t string
		if err := rows.Scan(&id, &t); err != nil {
			return err
		}
		mails[at[id]].Tokens = append(mails[at[id]].Tokens, t)
	}
	return rows.Err()
}

// PutBookingTokens keeps new bookings' manage tokens until their receipts
// are composed.
func PutBookingTokens(ctx context.Context, tx DB, bookingIDs []int64, tokens []string) error {
	_, err := tx.Exec(ctx, `INSERT INTO booking_mail_tokens (booking_id, token)
		SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT (booking_id) DO NOTHING`, bookingIDs, tokens)
	return err
}

// TakeBookingTokens deletes and returns the manage tokens of bookings
// whose receipts are being composed, by booking id.
func TakeBookingTokens(ctx context.Context, tx DB, bookingIDs []int64) (map[int64]string, error) {
	rows, err := tx.Query(ctx, `DELETE FROM booking_mail_tokens WHERE booking_id = ANY($1) RETURNING booking_id, token`, bookingIDs)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var t string
		if err := rows.Scan(&id, &t); err != nil {
			return nil, err
		}
		out[id] = t
	}
	return out, rows.Err()
}

// DropUnsentLinkTokens deletes the link tokens of mails recorded without
// SMTP (development) before cutoff, and of mails whose sending was given
// up; it returns how many mails had some.
func DropUnsentLinkTokens(ctx context.Context, db DB, cutoff time.Time) (int64, error) {
	return applyRule(ctx, db, `
		SELECT DISTINCT t.mail_id AS id FROM mail_link_tokens t JOIN outgoing_mails m ON m.id = t.mail_id
		WHERE m.state IN ('recorded', 'failed', 'sent') AND m.created_at < $1`,
		[]string{`DELETE FROM mail_link_tokens WHERE mail_id IN (SELECT id FROM targets)`}, cutoff)
}
