package store

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"kursuskatalog/internal/booking"
)

// Errors of the staff actions on participants.
var (
	ErrNotWaiting  = errors.New("store: participant is not on the waiting list")
	ErrNoSeat      = errors.New("store: no seat left on the date")
	ErrCancelled   = errors.New("store: participant is cancelled")
	ErrOtherCourse = errors.New("store: the date is of another course or not open")
)

// seatRef is where a participant is, read before the date is locked.
type seatRef struct {
	BookingID, DateID int64
	Status            string
}

// lockSeat locks the participant's date (so seats and the waiting list
// cannot change under the action), then reads the participant again.
func lockSeat(ctx context.Context, tx pgx.Tx, seatID int64, extraDate int64) (seatRef, error) {
	var ref seatRef
	if err := tx.QueryRow(ctx, `SELECT date_id FROM participants WHERE id = $1`, seatID).Scan(&ref.DateID); err != nil {
		return ref, notFound(err)
	}
	// Dates locked in id order, as bookings do, so they never deadlock.
	if _, err := tx.Exec(ctx, `SELECT id FROM course_dates WHERE id = ANY($1) ORDER BY id FOR UPDATE`,
		[]int64{ref.DateID, extraDate}); err != nil {
		return ref, err
	}
	err := tx.QueryRow(ctx, `SELECT booking_id, date_id, status FROM participants WHERE id = $1 FOR UPDATE`, seatID).
		Scan(&ref.BookingID, &ref.DateID, &ref.Status)
	return ref, notFound(err)
}

// leaveSeat passes on the seat a participant held (confirmed) on a locked
// date to the first waiting there.
func leaveSeat(ctx context.Context, tx pgx.Tx, ref seatRef, now time.Time) ([]Promotion, error) {
	if ref.Status != booking.StatusConfirmed {
		return nil, nil
	}
	p, ok, err := freeSeat(ctx, tx, ref.DateID, now)
	if err != nil || !ok {
		return nil, err
	}
	return []Promotion{p}, nil
}

func seatIn(r booking.Receipt, seatID int64) booking.Seat {
	for _, st := range r.Seats {
		if st.ID == seatID {
			return st
		}
	}
	return booking.Seat{}
}

// StaffCancel cancels a participant on their behalf, also after the
// deadline, with a reason. A freed seat goes to the first on the waiting
// list in the same transaction; after queues the mails.
func (s *Store) StaffCancel(ctx context.Context, seatID, staffID int64, reason string, now time.Time,
	after func(ctx context.Context, tx pgx.Tx, r booking.Receipt, cancelled booking.Seat, promoted []Promotion) error) error {
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		ref, err := lockSeat(ctx, tx, seatID, 0)
		if err != nil {
			return err
		}
		if ref.Status == booking.StatusCancelled {
			return ErrCancelled
		}
		if _, err := tx.Exec(ctx, `
			UPDATE participants SET status = 'cancelled', waitlist_seq = NULL, cancelled_at = $2, cancel_reason = $3
			WHERE id = $1`, seatID, now, reason); err != nil {
			return err
		}
		promoted, err := leaveSeat(ctx, tx, ref, now)
		if err != nil {
			return err
		}
		if err := Audit(ctx, tx, staffID, "participant", seatID, "cancel", []string{"status", "cancel_reason"}, now); err != nil {
			return err
		}
		r, err := s.receipt(ctx, tx, `b.id = $1`, ref.BookingID)
		if err != nil {
			return err
		}
		if after != nil {
			return after(ctx, tx, r, seatIn(r, seatID), promoted)
		}
		return nil
	})
}

// Promote gives a participant on the waiting list a free seat, out of turn
// if staff so decide; it refuses when the date is full.
func (s *Store) Promote(ctx context.Context, seatID, staffID int64, now time.Time,
	after func(ctx context.Context, tx pgx.Tx, r booking.Receipt, promoted booking.Seat) error) error {
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		ref, err := lockSeat(ctx, tx, seatID, 0)
		if err != nil {
			return err
		}
		if ref.Status != booking.StatusWaitlisted {
			return ErrNotWaiting
		}
		tag, err := tx.Exec(ctx, `UPDATE course_dates SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity`, ref.DateID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return ErrNoSeat
		}
		if _, err := tx.Exec(ctx, `UPDATE participants SET status = 'confirmed', waitlist_seq = NULL, confirmed_at = $2 WHERE id = $1`,
			seatID, now); err != nil {
			return err
		}
		if err := Audit(ctx, tx, staffID, "participant", seatID, "promote", []string{"status"}, now); err != nil {
			return err
		}
		r, err := s.receipt(ctx, tx, `b.id = $1`, ref.BookingID)
		if err != nil {
			return err
		}
		if after != nil {
			return after(ctx, tx, r, seatIn(r, seatID))
		}
		return nil
	})
}

// StaffSubstitute names a colleague who takes a participant's seat; staff
// may do it whatever the phase.
func (s *Store) StaffSubstitute(ctx context.Context, seatID, staffID int64, sub NewParticipant, now time.Time,
	after func(ctx context.Context, tx pgx.Tx, r booking.Receipt, old, updated booking.Seat) error) error {
	return s.InTx(ctx, func(tx pgx.Tx) error {
		ref, err := lockSeat(ctx, tx, seatID, 0)
		if err != nil {
			return err
		}
		if ref.Status == booking.StatusCancelled {
			return ErrCancelled
		}
		before, err := s.receipt(ctx, tx, `b.id = $1`, ref.BookingID)
		if err != nil {
			return err
		}
		if err := substituteSeat(ctx, tx, seatID, sub); err != nil {
			return err
		}
		if err := Audit(ctx, tx, staffID, "participant", seatID, "substitute", []string{"name", "email", "job_title", "diet", "accessibility"}, now); err != nil {
			return err
		}
		r, err := s.receipt(ctx, tx, `b.id = $1`, ref.BookingID)
		if err != nil {
			return err
		}
		if after != nil {
			return after(ctx, tx, r, seatIn(before, seatID), seatIn(r, seatID))
		}
		return nil
	})
}

// Move puts a participant on another planned date of the same course: a
// seat when there is one, else the end of its waiting list. A seat left
// behind goes to the first waiting on the old date.
func (s *Store) Move(ctx context.Context, seatID, toDateID, staffID int64, now time.Time,
	after func(ctx context.Context, tx pgx.Tx, r booking.Receipt, from booking.BookedDate, moved booking.Seat, promoted []Promotion) error) error {
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		ref, err := lockSeat(ctx, tx, seatID, toDateID)
		if err != nil {
			return err
		}
		if ref.Status == booking.StatusCancelled {
			return ErrCancelled
		}
		var ok bool
		if err := tx.QueryRow(ctx, `
			SELECT EXISTS (SELECT 1 FROM course_dates t JOIN course_dates f ON f.course_id = t.course_id
			               WHERE t.id = $1 AND f.id = $2 AND t.id <> f.id AND t.status = 'planned' AND t.starts_at > $3)`,
			toDateID, ref.DateID, now).Scan(&ok); err != nil {
			return err
		}
		if !ok {
			return ErrOtherCourse
		}
		pair, err := bookedDates(ctx, tx, []int64{ref.DateID, toDateID}, false)
		if err != nil {
			return err
		}
		var from, to booking.BookedDate
		for _, d := range pair {
			if d.ID == ref.DateID {
				from = d
			} else {
				to = d
			}
		}
		tag, err := tx.Exec(ctx, `UPDATE course_dates SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity`, toDateID)
		if err != nil {
			return err
		}
		seated := tag.RowsAffected() == 1
		binding := !now.Before(booking.DeadlineEnd(to.Deadline))
		_, err = tx.Exec(ctx, `
			UPDATE participants SET date_id = $2,
				status = CASE WHEN $3 THEN 'confirmed' ELSE 'waitlisted' END,
				waitlist_seq = CASE WHEN $3 THEN NULL ELSE nextval('waitlist_seq') END,
				confirmed_at = CASE WHEN $3 THEN $4::timestamptz END,
				binding = binding OR $5
			WHERE id = $1`, seatID, toDateID, seated, now, binding)
		if err != nil {
			var pgErr *pgconn.PgError
			if errors.As(err, &pgErr) && pgErr.ConstraintName == "participants_one_per_date" {
				return &AlreadyBookedError{}
			}
			return err
		}
		promoted, err := leaveSeat(ctx, tx, ref, now)
		if err != nil {
			return err
		}
		if err := Audit(ctx, tx, staffID, "participant", seatID, "move", []string{"date_id", "status"}, now); err != nil {
			return err
		}
		r, err := s.receipt(ctx, tx, `b.id = $1`, ref.BookingID)
		if err != nil {
			return err
		}
		if after != nil {
			return after(ctx, tx, r, from, seatIn(r, seatID), promoted)
		}
		return nil
	})
}
