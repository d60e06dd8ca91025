package store

import (
	"context"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"
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
	Minimum      int // the fewest participants the date needs; 0: none
	SeatsTaken   int
	Status       string
	CancelReason string
	Version      int
}

const dateEditColumns = `id, course_id, venue_id, starts_at, ends_at, deadline, capacity, min_participants, seats_taken, status,
	cancel_reason, version`

func scanDateEdit(row pgx.Row) (DateEdit, error) {
	var d DateEdit
	err := row.Scan(&d.ID, &d.CourseID, &d.VenueID, &d.StartsAt, &d.EndsAt, &d.Deadline, &d.Capacity, &d.Minimum, &d.SeatsTaken,
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
			INSERT INTO course_dates (course_id, venue_id, starts_at, ends_at, deadline, capacity, min_participants, created_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			d.CourseID, d.VenueID, d.StartsAt, d.EndsAt, pgDate(d.Deadline), d.Capacity, d.Minimum, now).Scan(&id)
		if err != nil {
			return err
		}
		venues, err := VenueNames(ctx, tx)
		if err != nil {
			return err
		}
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "course_date", EntityID: id, Action: "create",
			Changes: DateChanges(DateEdit{}, d, venues)}, now)
	})
	return id, err
}

// LockDate locks a date and reads it as staff edit it.
func LockDate(ctx context.Context, tx pgx.Tx, id int64) (DateEdit, error) {
	return scanDateEdit(tx.QueryRow(ctx, `SELECT `+dateEditColumns+` FROM course_dates WHERE id = $1 FOR UPDATE`, id))
}

// DateChanges are the fields of old that d changes with their values,
// for the audit log; venues names the venues by id.
func DateChanges(old, d DateEdit, venues map[int64]string) audit.Changes {
	var c audit.Changes
	c.Add("venue", venues[old.VenueID], venues[d.VenueID])
	c.Add("starts_at", timeText(old.StartsAt), timeText(d.StartsAt))
	c.Add("ends_at", timeText(old.EndsAt), timeText(d.EndsAt))
	c.Add("deadline", dayText(old.Deadline), dayText(d.Deadline))
	c.Add("capacity", countText(old.Capacity), countText(d.Capacity))
	c.Add("min_participants", countText(old.Minimum), countText(d.Minimum))
	return c
}

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return catalog.FormatDateTime(t)
}

func dayText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("02.01.2006")
}

func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// VenueNames names every venue by id ("Frederik VI's Hotel, Odense NV").
func VenueNames(ctx context.Context, db DB) (map[int64]string, error) {
	rows, err := db.Query(ctx, `SELECT id, name || ', ' || city FROM venues`)
	if err != nil {
		return nil, err
	}
	out := map[int64]string{}
	var id int64
	var name string
	_, err = pgx.ForEachRow(rows, []any{&id, &name}, func() error { out[id] = name; return nil })
	return out, err
}

// UpdateDate saves a date's venue, times, deadline and capacity and raises
// its version.
func UpdateDate(ctx context.Context, tx pgx.Tx, d DateEdit) error {
	_, err := tx.Exec(ctx, `
		UPDATE course_dates SET venue_id = $2, starts_at = $3, ends_at = $4, deadline = $5, capacity = $6,
			min_participants = $7, version = version + 1
		WHERE id = $1`, d.ID, d.VenueID, d.StartsAt, d.EndsAt, pgDate(d.Deadline), d.Capacity, d.Minimum)
	return err
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

// ActiveParticipants lists a date's confirmed and waiting participants,
// the seated first.
func ActiveParticipants(ctx context.Context, tx pgx.Tx, dateID int64) ([]CancelledSeat, error) {
	rows, err := tx.Query(ctx, `
		SELECT p.id, p.booking_id, b.ref, p.name, p.email, p.status
		FROM participants p JOIN bookings b ON b.id = p.booking_id
		WHERE p.date_id = $1 AND p.status IN ('confirmed', 'waitlisted')
		ORDER BY p.status, p.waitlist_seq, p.id`, dateID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (CancelledSeat, error) {
		var c CancelledSeat
		err := r.Scan(&c.ID, &c.BookingID, &c.Ref, &c.Name, &c.Email, &c.Status)
		return c, err
	})
}

// CancelDateRows cancels a date with a reason, and with it every confirmed
// and waiting participant, and raises its version.
func CancelDateRows(ctx context.Context, tx pgx.Tx, id int64, reason string, now time.Time) error {
	if _, err := tx.Exec(ctx, `
		UPDATE participants SET status = 'cancelled', waitlist_seq = NULL, cancelled_at = $2,
			cancel_reason = 'Datoen er aflyst: ' || $3
		WHERE date_id = $1 AND status IN ('confirmed', 'waitlisted')`, id, now, reason); err != nil {
		return err
	}
	_, err := tx.Exec(ctx, `
		UPDATE course_dates SET status = 'cancelled', seats_taken = 0, cancel_reason = $2, cancelled_at = $3,
			version = version + 1
		WHERE id = $1`, id, reason, now)
	return err
}

// DateOverviewIn loads one date's overview in tx.
func DateOverviewIn(ctx context.Context, tx pgx.Tx, id int64) (booking.DateOverview, error) {
	return dateOverviewByID(ctx, tx, id)
}
