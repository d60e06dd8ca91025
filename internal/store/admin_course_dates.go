package store

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

// Staff's editing of dates: the form, saving and cancelling. The lists of
// dates are in admin_dates.go.

// DateEdit is what staff edit of a date, and the version it was read at.
type DateEdit struct {
	ID           int64
	CourseID     int64
	VenueID      int64
	StartsAt     time.Time
	EndsAt       time.Time
	Deadline     time.Time // a calendar day, midnight UTC
	Capacity     int
	SeatsTaken   int
	Status       string
	CancelReason string
	Version      int
}

// Errors of the date editor.
var (
	ErrDateCancelled = errors.New("store: the date is cancelled")
)

// CapacityError refuses a capacity below the seats already taken.
type CapacityError struct{ Taken int }

func (e *CapacityError) Error() string { return "store: capacity below the seats taken" }

const dateEditColumns = `id, course_id, venue_id, starts_at, ends_at, deadline, capacity, seats_taken, status, cancel_reason, version`

func scanDateEdit(row pgx.Row) (DateEdit, error) {
	var d DateEdit
	err := row.Scan(&d.ID, &d.CourseID, &d.VenueID, &d.StartsAt, &d.EndsAt, &d.Deadline, &d.Capacity, &d.SeatsTaken,
		&d.Status, &d.CancelReason, &d.Version)
	return d, notFound(err)
}

// DateForEdit loads a date for the staff form.
func (s *Store) DateForEdit(ctx context.Context, id int64) (DateEdit, error) {
	return scanDateEdit(s.Pool.QueryRow(ctx, `SELECT `+dateEditColumns+` FROM course_dates WHERE id = $1`, id))
}

// VenueOptions lists every venue by name, for the date form's select.
func (s *Store) VenueOptions(ctx context.Context) ([]catalog.Venue, error) {
	rows, err := s.Pool.Query(ctx, `SELECT id, name, street, postcode, city, region FROM venues ORDER BY name, postcode`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (catalog.Venue, error) {
		var v catalog.Venue
		err := r.Scan(&v.ID, &v.Name, &v.Street, &v.Postcode, &v.City, &v.Region)
		return v, err
	})
}

// CreateDate adds a planned date to a course.
func (s *Store) CreateDate(ctx context.Context, d DateEdit, staffID int64, now time.Time) (int64, error) {
	var id int64
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO course_dates (course_id, venue_id, starts_at, ends_at, deadline, capacity, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
			d.CourseID, d.VenueID, d.StartsAt, d.EndsAt, pgDate(d.Deadline), d.Capacity, now).Scan(&id)
		if err != nil {
			return err
		}
		return Audit(ctx, tx, staffID, "course_date", id, "create",
			[]string{"venue_id", "starts_at", "ends_at", "deadline", "capacity"}, now)
	})
	return id, err
}

// SaveDate saves a date's venue, times, deadline and capacity if nobody
// saved it since d.Version was read. A capacity below the seats taken is a
// *CapacityError; a raised capacity gives the new seats to those waiting,
// in turn, and after gets them to mail.
func (s *Store) SaveDate(ctx context.Context, d DateEdit, staffID int64, now time.Time,
	after func(ctx context.Context, tx pgx.Tx, promoted []Promotion) error) error {
	return s.seatTx(ctx, func(tx pgx.Tx) error {
		old, err := scanDateEdit(tx.QueryRow(ctx, `SELECT `+dateEditColumns+` FROM course_dates WHERE id = $1 FOR UPDATE`, d.ID))
		if err != nil {
			return err
		}
		if old.Version != d.Version {
			return ErrVersionConflict
		}
		if old.Status == catalog.DateCancelled {
			return ErrDateCancelled
		}
		if d.Capacity < old.SeatsTaken {
			return &CapacityError{Taken: old.SeatsTaken}
		}
		var changed []string
		add := func(name string, differs bool) {
			if differs {
				changed = append(changed, name)
			}
		}
		add("venue_id", old.VenueID != d.VenueID)
		add("starts_at", !old.StartsAt.Equal(d.StartsAt))
		add("ends_at", !old.EndsAt.Equal(d.EndsAt))
		add("deadline", pgDate(old.Deadline) != pgDate(d.Deadline))
		add("capacity", old.Capacity != d.Capacity)
		if len(changed) == 0 {
			return nil
		}
		if _, err := tx.Exec(ctx, `
			UPDATE course_dates SET venue_id = $2, starts_at = $3, ends_at = $4, deadline = $5, capacity = $6,
				version = version + 1
			WHERE id = $1`, d.ID, d.VenueID, d.StartsAt, d.EndsAt, pgDate(d.Deadline), d.Capacity); err != nil {
			return err
		}
		// New seats go to the waiting list first, in its order.
		var promoted []Promotion
		for i := old.Capacity; i < d.Capacity; i++ {
			if _, err := tx.Exec(ctx, `UPDATE course_dates SET seats_taken = seats_taken + 1 WHERE id = $1 AND seats_taken < capacity`, d.ID); err != nil {
				return err
			}
			p, ok, err := freeSeat(ctx, tx, d.ID, now)
			if err != nil {
				return err
			}
			if !ok {
				break
			}
			promoted = append(promoted, p)
		}
		if err := Audit(ctx, tx, staffID, "course_date", d.ID, "update", changed, now); err != nil {
			return err
		}
		if after != nil && len(promoted) > 0 {
			return after(ctx, tx, promoted)
		}
		return nil
	})
}

// CancelledSeat is a participant whose date was cancelled.
type CancelledSeat struct {
	ID        int64
	BookingID int64
	Ref       string
	Name      string
	Email     string
	Status    string // what they were: confirmed or waitlisted
}

// CancelDate cancels a date: its status becomes cancelled with the reason,
// every confirmed and waiting participant is cancelled with it, and after
// (in the same transaction) gets them to mail. A second cancel is
// ErrDateCancelled.
func (s *Store) CancelDate(ctx context.Context, id int64, version int, reason string, staffID int64, now time.Time,
	after func(ctx context.Context, tx pgx.Tx, d booking.DateOverview, seats []CancelledSeat) error) error {
	return s.InTx(ctx, func(tx pgx.Tx) error {
		old, err := scanDateEdit(tx.QueryRow(ctx, `SELECT `+dateEditColumns+` FROM course_dates WHERE id = $1 FOR UPDATE`, id))
		if err != nil {
			return err
		}
		if old.Status == catalog.DateCancelled {
			return ErrDateCancelled
		}
		if old.Version != version {
			return ErrVersionConflict
		}
		rows, err := tx.Query(ctx, `
			SELECT p.id, p.booking_id, b.ref, p.name, p.email, p.status
			FROM participants p JOIN bookings b ON b.id = p.booking_id
			WHERE p.date_id = $1 AND p.status IN ('confirmed', 'waitlisted')
			ORDER BY p.status, p.waitlist_seq, p.id`, id)
		if err != nil {
			return err
		}
		seats, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (CancelledSeat, error) {
			var c CancelledSeat
			err := r.Scan(&c.ID, &c.BookingID, &c.Ref, &c.Name, &c.Email, &c.Status)
			return c, err
		})
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `
			UPDATE participants SET status = 'cancelled', waitlist_seq = NULL, cancelled_at = $2,
				cancel_reason = 'Datoen er aflyst: ' || $3
			WHERE date_id = $1 AND status IN ('confirmed', 'waitlisted')`, id, now, reason); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `
			UPDATE course_dates SET status = 'cancelled', seats_taken = 0, cancel_reason = $2, cancelled_at = $3,
				version = version + 1
			WHERE id = $1`, id, reason, now); err != nil {
			return err
		}
		if err := Audit(ctx, tx, staffID, "course_date", id, "cancel", []string{"status", "cancel_reason"}, now); err != nil {
			return err
		}
		if after == nil {
			return nil
		}
		d, err := dateOverviewByID(ctx, tx, id)
		if err != nil {
			return err
		}
		return after(ctx, tx, d, seats)
	})
}
