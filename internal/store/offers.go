package store

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// Offers of a freed seat to the first on a date's waiting list. The seat
// of an open offer is counted in the date's seats_taken, held for whom it
// is offered; the enrolment service decides when one is made, answered,
// expired or passed on.

const offerColumns = `o.id, o.participant_id, p.booking_id, o.date_id, o.state, o.cause, coalesce(o.freed_id, 0),
	o.offered_at, o.expires_at, o.closed_at, o.by_staff, o.passed_on_at IS NOT NULL`

const offersFrom = ` FROM seat_offers o JOIN participants p ON p.id = o.participant_id `

func offerScanArgs(o *booking.SeatOffer) []any {
	return []any{&o.ID, &o.ParticipantID, &o.BookingID, &o.DateID, &o.State, &o.Cause, &o.FreedID,
		&o.OfferedAt, &o.ExpiresAt, &o.ClosedAt, &o.ByStaff, &o.PassedOn}
}

// FirstWaiting returns the first on a locked date's waiting list who has
// no open offer, and their booking; ok is false when nobody waits.
func FirstWaiting(ctx context.Context, tx pgx.Tx, dateID int64) (seatID, bookingID int64, ok bool, err error) {
	err = tx.QueryRow(ctx, `
		SELECT p.id, p.booking_id FROM participants p
		WHERE p.date_id = $1 AND p.status = 'waitlisted'
		  AND NOT EXISTS (SELECT 1 FROM seat_offers o WHERE o.participant_id = p.id AND o.state = 'offered')
		ORDER BY p.waitlist_seq LIMIT 1
		FOR UPDATE OF p`, dateID).Scan(&seatID, &bookingID)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, 0, false, nil
	}
	return seatID, bookingID, err == nil, err
}

// BookingOfSeat returns the booking a participant belongs to.
func BookingOfSeat(ctx context.Context, db DB, seatID int64) (int64, error) {
	var id int64
	err := db.QueryRow(ctx, `SELECT booking_id FROM participants WHERE id = $1`, seatID).Scan(&id)
	return id, notFound(err)
}

// WaitingCounts returns how many wait on each of the dates.
func (s *Store) WaitingCounts(ctx context.Context, dateIDs []int64) (map[int64]int, error) {
	rows, err := s.Pool.Query(ctx, `SELECT date_id, count(*) FROM participants
		WHERE date_id = ANY($1) AND status = 'waitlisted' GROUP BY date_id`, dateIDs)
	if err != nil {
		return nil, err
	}
	out := map[int64]int{}
	var id int64
	var n int
	_, err = pgx.ForEachRow(rows, []any{&id, &n}, func() error { out[id] = n; return nil })
	return out, err
}

// InsertOffer records an open offer with the hash of its token.
func InsertOffer(ctx context.Context, tx pgx.Tx, o booking.SeatOffer, tokenHash []byte) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `
		INSERT INTO seat_offers (participant_id, date_id, token_hash, cause, freed_id, offered_at, expires_at)
		VALUES ($1, $2, $3, $4, nullif($5, 0), $6, $7) RETURNING id`,
		o.ParticipantID, o.DateID, tokenHash, o.Cause, o.FreedID, o.OfferedAt, o.ExpiresAt).Scan(&id)
	return id, err
}

// OfferIDByToken returns the id of the offer a link's token opens.
func OfferIDByToken(ctx context.Context, db DB, hash []byte) (int64, error) {
	var id int64
	err := db.QueryRow(ctx, `SELECT id FROM seat_offers WHERE token_hash = $1`, hash).Scan(&id)
	return id, notFound(err)
}

// Offer reads an offer.
func Offer(ctx context.Context, db DB, id int64) (booking.SeatOffer, error) {
	var o booking.SeatOffer
	err := db.QueryRow(ctx, `SELECT `+offerColumns+offersFrom+`WHERE o.id = $1`, id).Scan(offerScanArgs(&o)...)
	return o, notFound(err)
}

// LockOffer locks an offer's date (first, as every change of seats does),
// then the offer and its participant, and reads the offer and the date.
func LockOffer(ctx context.Context, tx pgx.Tx, id int64) (booking.SeatOffer, catalog.CourseDate, error) {
	var o booking.SeatOffer
	var d catalog.CourseDate
	if err := tx.QueryRow(ctx, `SELECT date_id FROM seat_offers WHERE id = $1`, id).Scan(&d.ID); err != nil {
		return o, d, notFound(err)
	}
	if err := tx.QueryRow(ctx, `
		SELECT course_id, starts_at, ends_at, deadline, capacity, seats_taken, status
		FROM course_dates WHERE id = $1 FOR UPDATE`, d.ID).
		Scan(&d.CourseID, &d.StartsAt, &d.EndsAt, &d.Deadline, &d.Capacity, &d.SeatsTaken, &d.Status); err != nil {
		return o, d, err
	}
	err := tx.QueryRow(ctx, `SELECT `+offerColumns+offersFrom+`WHERE o.id = $1 FOR UPDATE OF o, p`, id).Scan(offerScanArgs(&o)...)
	return o, d, notFound(err)
}

// OpenOfferOf returns the open offer of a participant; ok is false when
// they have none.
func OpenOfferOf(ctx context.Context, tx pgx.Tx, seatID int64) (o booking.SeatOffer, ok bool, err error) {
	err = tx.QueryRow(ctx, `SELECT `+offerColumns+offersFrom+`WHERE o.participant_id = $1 AND o.state = 'offered'
		FOR UPDATE OF o`, seatID).Scan(offerScanArgs(&o)...)
	if errors.Is(err, pgx.ErrNoRows) {
		return o, false, nil
	}
	return o, err == nil, err
}

// CloseOffer ends an open offer in state (accepted, declined, expired or
// withdrawn) at now.
func CloseOffer(ctx context.Context, tx pgx.Tx, id int64, state string, byStaff bool, now time.Time) error {
	_, err := tx.Exec(ctx, `UPDATE seat_offers SET state = $2, by_staff = $3, closed_at = $4 WHERE id = $1 AND state = 'offered'`,
		id, state, byStaff, now)
	return err
}

// MarkPassedOn records that an offer's seat has gone on to the next in
// line or back to its date.
func MarkPassedOn(ctx context.Context, tx pgx.Tx, id int64, now time.Time) error {
	_, err := tx.Exec(ctx, `UPDATE seat_offers SET passed_on_at = $2 WHERE id = $1`, id, now)
	return err
}

// WithdrawDateOffers withdraws every open offer on a date being cancelled;
// their seats go nowhere.
func WithdrawDateOffers(ctx context.Context, tx pgx.Tx, dateID int64, now time.Time) error {
	_, err := tx.Exec(ctx, `UPDATE seat_offers SET state = 'withdrawn', closed_at = $2, passed_on_at = $2
		WHERE date_id = $1 AND state = 'offered'`, dateID, now)
	return err
}

// DateOffers lists a date's offers, newest first.
func (s *Store) DateOffers(ctx context.Context, dateID int64) ([]booking.DateOffer, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+offerColumns+`, p.name, p.email, b.ref, coalesce(f.name, '')
		FROM seat_offers o JOIN participants p ON p.id = o.participant_id JOIN bookings b ON b.id = p.booking_id
		LEFT JOIN participants f ON f.id = o.freed_id
		WHERE o.date_id = $1 ORDER BY o.id DESC`, dateID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (booking.DateOffer, error) {
		var o booking.DateOffer
		err := r.Scan(append(offerScanArgs(&o.SeatOffer), &o.Name, &o.Email, &o.Ref, &o.FreedName)...)
		return o, err
	})
}
