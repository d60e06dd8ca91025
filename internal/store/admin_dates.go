package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
)

// Staff's views of dates: the lists and a date's participants. Editing a
// date is in admin_course_dates.go.

const overviewColumns = dateColumns + `, c.title, c.slug,
	(SELECT count(*) FROM participants p WHERE p.date_id = d.id AND p.status = 'waitlisted'),
	(SELECT count(*) FROM participants p WHERE p.date_id = d.id AND p.status = 'cancelled'), d.min_participants`

func overviewScanArgs(o *booking.DateOverview) []any {
	return append(dateScanArgs(&o.CourseDate), &o.CourseTitle, &o.CourseSlug, &o.Waiting, &o.Cancelled, &o.Minimum)
}

// datesFrom joins a date (d) to its course (c) and venue (v): what
// overviewColumns and bookedDateColumns read.
const datesFrom = `
	FROM course_dates d JOIN courses c ON c.id = d.course_id JOIN venues v ON v.id = d.venue_id
	`

// dateOverviews reads the overviews of the dates that where (with its
// ORDER BY) selects.
func (s *Store) dateOverviews(ctx context.Context, where string, args ...any) ([]booking.DateOverview, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+overviewColumns+datesFrom+`WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (booking.DateOverview, error) {
		var o booking.DateOverview
		err := r.Scan(overviewScanArgs(&o)...)
		return o, err
	})
}

// UpcomingDateOverviews lists the dates that have not ended, of every
// course (drafts too), in start order.
func (s *Store) UpcomingDateOverviews(ctx context.Context, now time.Time, limit int) ([]booking.DateOverview, error) {
	return s.dateOverviews(ctx, `d.ends_at > $1 ORDER BY d.starts_at, d.id LIMIT $2`, now, limit)
}

// CourseDateOverviews lists every date of a course, past and cancelled
// ones too, newest start last.
func (s *Store) CourseDateOverviews(ctx context.Context, courseID int64) ([]booking.DateOverview, error) {
	return s.dateOverviews(ctx, `d.course_id = $1 ORDER BY d.starts_at, d.id`, courseID)
}

// OtherDatesOfCourse lists the course's other dates that have not started,
// as targets for moving a participant.
func (s *Store) OtherDatesOfCourse(ctx context.Context, courseID, exceptDateID int64, now time.Time) ([]booking.DateOverview, error) {
	return s.dateOverviews(ctx, `d.course_id = $1 AND d.id <> $2 AND d.starts_at > $3 AND d.status = 'planned'
		ORDER BY d.starts_at`, courseID, exceptDateID, now)
}

// DateOverviewByID loads one date for its staff page.
func (s *Store) DateOverviewByID(ctx context.Context, id int64) (booking.DateOverview, error) {
	return dateOverviewByID(ctx, s.Pool, id)
}

func dateOverviewByID(ctx context.Context, db DB, id int64) (booking.DateOverview, error) {
	var o booking.DateOverview
	err := db.QueryRow(ctx, `SELECT `+overviewColumns+datesFrom+`WHERE d.id = $1`, id).Scan(overviewScanArgs(&o)...)
	if err != nil {
		return o, fmt.Errorf("date %d: %w", id, notFound(err))
	}
	return o, nil
}

// DateParticipants lists a date's participants: confirmed in booking
// order, then the waiting list in its order, then the cancelled.
func (s *Store) DateParticipants(ctx context.Context, dateID int64) ([]booking.DateParticipant, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT p.id, p.booking_id, b.ref, p.name, p.email, p.job_title, p.diet, p.accessibility, p.status,
			CASE WHEN p.status = 'waitlisted' THEN
				row_number() OVER (PARTITION BY p.status ORDER BY p.waitlist_seq) ELSE 0 END,
			p.binding, p.substitute_for, p.cancel_reason, b.org_name, b.department, b.booker_name, b.booker_email,
			b.booker_phone, b.ean, b.cvr, b.invoice_reference, p.price_ore, p.created_at, p.cancelled_at, p.charged,
			(SELECT o.expires_at FROM seat_offers o WHERE o.participant_id = p.id AND o.state = 'offered')
		FROM participants p JOIN bookings b ON b.id = p.booking_id
		WHERE p.date_id = $1
		ORDER BY CASE p.status WHEN 'confirmed' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END,
			p.waitlist_seq, coalesce(p.confirmed_at, p.created_at), p.id`, dateID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []booking.DateParticipant
	for rows.Next() {
		var p booking.DateParticipant
		var offerUntil *time.Time
		if err := rows.Scan(&p.ID, &p.BookingID, &p.Ref, &p.Name, &p.Email, &p.JobTitle, &p.Diet, &p.Accessibility,
			&p.Status, &p.WaitlistPos, &p.Binding, &p.SubstituteFor, &p.CancelReason, &p.OrgName, &p.Department,
			&p.BookerName, &p.BookerEmail, &p.BookerPhone, &p.EAN, &p.CVR, &p.Reference, &p.PriceOre, &p.CreatedAt, &p.CancelledAt,
			&p.Charged, &offerUntil); err != nil {
			return nil, err
		}
		if offerUntil != nil {
			p.OfferUntil = *offerUntil
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// ParticipantDateID returns the date a participant is on.
func (s *Store) ParticipantDateID(ctx context.Context, seatID int64) (int64, error) {
	var id int64
	err := s.Pool.QueryRow(ctx, `SELECT date_id FROM participants WHERE id = $1`, seatID).Scan(&id)
	return id, notFound(err)
}
