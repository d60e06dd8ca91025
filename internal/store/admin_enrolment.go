package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/catalog"
)

// SeatRef is where a participant is, as read under lock.
type SeatRef struct {
	ID, BookingID, DateID int64
	Status                string
	Binding               bool
	Date                  catalog.CourseDate // its id, capacity, seats taken, start, deadline and status
}

// LockSeat locks the participant's date and, when extraDate is not 0,
// that date too (in id order, as bookings lock them, so they never
// deadlock), then locks and reads the participant.
func LockSeat(ctx context.Context, tx pgx.Tx, seatID, extraDate int64) (SeatRef, error) {
	ref := SeatRef{ID: seatID}
	if err := tx.QueryRow(ctx, `SELECT date_id FROM participants WHERE id = $1`, seatID).Scan(&ref.DateID); err != nil {
		return ref, notFound(err)
	}
	rows, err := tx.Query(ctx, `SELECT id, capacity, seats_taken, starts_at, deadline, status FROM course_dates
		WHERE id = ANY($1) ORDER BY id FOR UPDATE`, []int64{ref.DateID, extraDate})
	if err != nil {
		return ref, err
	}
	var d catalog.CourseDate
	var locked []catalog.CourseDate
	if _, err := pgx.ForEachRow(rows, []any{&d.ID, &d.Capacity, &d.SeatsTaken, &d.StartsAt, &d.Deadline, &d.Status}, func() error {
		locked = append(locked, d)
		return nil
	}); err != nil {
		return ref, err
	}
	err = tx.QueryRow(ctx, `SELECT booking_id, date_id, status, binding FROM participants WHERE id = $1 FOR UPDATE`, seatID).
		Scan(&ref.BookingID, &ref.DateID, &ref.Status, &ref.Binding)
	for _, d := range locked {
		if d.ID == ref.DateID {
			ref.Date = d
		}
	}
	return ref, notFound(err)
}

// ConfirmParticipant gives a waiting participant a seat taken (or held)
// for them, binding or not.
func ConfirmParticipant(ctx context.Context, tx pgx.Tx, seatID int64, binding bool, now time.Time) error {
	_, err := tx.Exec(ctx, `UPDATE participants SET status = 'confirmed', waitlist_seq = NULL, confirmed_at = $2, binding = $3
		WHERE id = $1`, seatID, now, binding)
	return err
}

// MoveParticipant puts a participant on another date: in a seat taken for
// them, or at the end of its waiting list. The same person already on that
// date is ErrPersonTaken. The new date's practical information is theirs
// to get again.
func MoveParticipant(ctx context.Context, tx pgx.Tx, seatID, toDateID int64, seat, binding bool, now time.Time) error {
	_, err := tx.Exec(ctx, `
		UPDATE participants SET date_id = $2,
			status = CASE WHEN $3 THEN 'confirmed' ELSE 'waitlisted' END,
			waitlist_seq = CASE WHEN $3 THEN NULL ELSE nextval('waitlist_seq') END,
			confirmed_at = CASE WHEN $3 THEN $4::timestamptz END,
			binding = $5, reminded_at = NULL, after_mailed_at = NULL
		WHERE id = $1`, seatID, toDateID, seat, now, binding)
	return insertError(err)
}
