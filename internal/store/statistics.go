package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/overview"
)

// The statistics' sums. Periods are whole months in Copenhagen from from
// (included) to end (excluded). Revenue is what confirmed participants pay
// excl. VAT (after bundle discounts), in the month their date starts, on
// dates that were not cancelled.

// BookingsPerMonth counts bookings and participants (of any status) made
// in each month of the period.
func (s *Store) BookingsPerMonth(ctx context.Context, from, end time.Time) (bookings, participants []overview.MonthValue, err error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT 'b', date_trunc('month', created_at AT TIME ZONE 'Europe/Copenhagen'), count(*)
		FROM bookings WHERE created_at >= $1 AND created_at < $2 GROUP BY 2
		UNION ALL
		SELECT 'p', date_trunc('month', created_at AT TIME ZONE 'Europe/Copenhagen'), count(*)
		FROM participants WHERE created_at >= $1 AND created_at < $2 GROUP BY 2`, from, end)
	if err != nil {
		return nil, nil, err
	}
	var kind string
	var v overview.MonthValue
	_, err = pgx.ForEachRow(rows, []any{&kind, &v.Month, &v.Value}, func() error {
		if kind == "b" {
			bookings = append(bookings, v)
		} else {
			participants = append(participants, v)
		}
		return nil
	})
	return bookings, participants, err
}

// DateFills lists the planned dates starting in the period with their
// seats and seats taken, in start order.
func (s *Store) DateFills(ctx context.Context, from, end time.Time) ([]overview.DateFill, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT d.id, c.id, c.title, d.starts_at, v.city, d.capacity, d.seats_taken
		FROM course_dates d JOIN courses c ON c.id = d.course_id JOIN venues v ON v.id = d.venue_id
		WHERE d.status = 'planned' AND d.starts_at >= $1 AND d.starts_at < $2
		ORDER BY d.starts_at, d.id`, from, end)
	return scanAll(rows, err, func(r pgx.Rows) (overview.DateFill, error) {
		var d overview.DateFill
		err := r.Scan(&d.DateID, &d.CourseID, &d.CourseTitle, &d.StartsAt, &d.City, &d.Capacity, &d.Taken)
		return d, err
	})
}

// revenueFrom is the confirmed participants on the period's planned dates.
const revenueFrom = `
	FROM participants p JOIN course_dates d ON d.id = p.date_id
	WHERE p.status = 'confirmed' AND d.status = 'planned' AND d.starts_at >= $1 AND d.starts_at < $2`

// RevenuePerMonth sums revenue excl. VAT per month the dates start.
func (s *Store) RevenuePerMonth(ctx context.Context, from, end time.Time) ([]overview.MonthValue, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT date_trunc('month', d.starts_at AT TIME ZONE 'Europe/Copenhagen'), sum(p.price_ore)::bigint`+revenueFrom+`
		GROUP BY 1 ORDER BY 1`, from, end)
	return scanAll(rows, err, func(r pgx.Rows) (overview.MonthValue, error) {
		var v overview.MonthValue
		err := r.Scan(&v.Month, &v.Value)
		return v, err
	})
}

// RevenuePerTopic sums revenue excl. VAT per topic of the courses; a
// course under two topics counts under both.
func (s *Store) RevenuePerTopic(ctx context.Context, from, end time.Time) ([]overview.TopicRevenue, error) {
	rows, err := s.Pool.Query(ctx, `
		WITH per_course AS (SELECT d.course_id, sum(p.price_ore)::bigint AS excl`+revenueFrom+` GROUP BY d.course_id)
		SELECT t.name, sum(pc.excl)::bigint
		FROM per_course pc JOIN course_topics ct ON ct.course_id = pc.course_id JOIN topics t ON t.id = ct.topic_id
		GROUP BY t.name`, from, end)
	return scanAll(rows, err, func(r pgx.Rows) (overview.TopicRevenue, error) {
		var v overview.TopicRevenue
		err := r.Scan(&v.Topic, &v.ExclOre)
		return v, err
	})
}

// ParticipantsPerOrg counts confirmed participants on the period's planned
// dates per organisation as booked.
func (s *Store) ParticipantsPerOrg(ctx context.Context, from, end time.Time) ([]overview.OrgCount, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT b.org_name, count(*)
		FROM participants p JOIN course_dates d ON d.id = p.date_id JOIN bookings b ON b.id = p.booking_id
		WHERE p.status = 'confirmed' AND d.status = 'planned' AND d.starts_at >= $1 AND d.starts_at < $2
		GROUP BY b.org_name`, from, end)
	return scanAll(rows, err, func(r pgx.Rows) (overview.OrgCount, error) {
		var v overview.OrgCount
		err := r.Scan(&v.Org, &v.Participants)
		return v, err
	})
}

// WaitlistDemand sums up each course's planned dates that have not
// started: how many wait, how many dates are full, the seats left.
func (s *Store) WaitlistDemand(ctx context.Context, now time.Time) ([]overview.Demand, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT c.id, c.title,
			coalesce(sum((SELECT count(*) FROM participants w WHERE w.date_id = d.id AND w.status = 'waitlisted')), 0)::int,
			count(*) FILTER (WHERE d.seats_taken >= d.capacity)::int, count(*)::int,
			sum(greatest(d.capacity - d.seats_taken, 0))::int
		FROM course_dates d JOIN courses c ON c.id = d.course_id
		WHERE d.status = 'planned' AND d.starts_at > $1
		  AND EXISTS (SELECT 1 FROM course_dates x JOIN participants w ON w.date_id = x.id
		              WHERE x.course_id = c.id AND x.status = 'planned' AND x.starts_at > $1 AND w.status = 'waitlisted')
		GROUP BY c.id, c.title`, now)
	return scanAll(rows, err, func(r pgx.Rows) (overview.Demand, error) {
		var v overview.Demand
		err := r.Scan(&v.CourseID, &v.CourseTitle, &v.Waiting, &v.FullDates, &v.Dates, &v.FreeSeats)
		return v, err
	})
}
