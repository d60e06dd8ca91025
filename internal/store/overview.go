package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/overview"
)

// AttentionDates reads the planned dates not yet started that may need
// staff (overview.Attend decides): people waiting, a minimum not reached
// with the deadline by minimumBy, or the deadline in the week from
// weekStart to weekEnd (days in Copenhagen).
func (s *Store) AttentionDates(ctx context.Context, now, minimumBy, weekStart, weekEnd time.Time) ([]overview.WaitlistItem, error) {
	ds, err := s.dateOverviews(ctx, `d.status = 'planned' AND d.starts_at > $1 AND (
			EXISTS (SELECT 1 FROM participants w WHERE w.date_id = d.id AND w.status = 'waitlisted')
			OR (d.seats_taken < d.min_participants AND d.deadline <= $2::date)
			OR (d.deadline >= $3::date AND d.deadline < $4::date))
		ORDER BY d.starts_at, d.id LIMIT 1000`, now, pgDate(minimumBy), pgDate(weekStart), pgDate(weekEnd))
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(ds))
	for i, d := range ds {
		ids[i] = d.ID
	}
	expires, err := soonestOffers(ctx, s.Pool, ids)
	out := make([]overview.WaitlistItem, len(ds))
	for i, d := range ds {
		out[i] = overview.WaitlistItem{Date: d, OfferExpires: expires[d.ID]}
	}
	return out, err
}

// soonestOffers is when the soonest open waiting-list offer (seat_offers,
// state offered) of each date runs out; dates without one are left out.
func soonestOffers(ctx context.Context, db DB, dateIDs []int64) (map[int64]time.Time, error) {
	rows, err := db.Query(ctx, `SELECT date_id, min(expires_at) FROM seat_offers
		WHERE state = 'offered' AND date_id = ANY($1) GROUP BY date_id`, dateIDs)
	if err != nil {
		return nil, err
	}
	out := map[int64]time.Time{}
	var id int64
	var at time.Time
	_, err = pgx.ForEachRow(rows, []any{&id, &at}, func() error {
		out[id] = at
		return nil
	})
	return out, err
}

// OpenInquiries lists the inquiries not handled, with how often staff
// replied to each.
func (s *Store) OpenInquiries(ctx context.Context, limit int) ([]overview.Inquiry, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT i.id, i.kind, i.name, coalesce(c.title, ''), i.state,
			(SELECT count(*) FROM inquiry_replies r WHERE r.inquiry_id = i.id), i.created_at
		FROM inquiries i LEFT JOIN courses c ON c.id = i.course_id
		WHERE i.state = 'new' ORDER BY i.created_at LIMIT $1`, limit)
	return scanAll(rows, err, func(r pgx.Rows) (overview.Inquiry, error) {
		var q overview.Inquiry
		err := r.Scan(&q.ID, &q.Kind, &q.Name, &q.CourseTitle, &q.State, &q.Replies, &q.CreatedAt)
		return q, err
	})
}

// DueInvoices sums up the bookings whose invoice falls due by until and
// is not issued yet.
func (s *Store) DueInvoices(ctx context.Context, until time.Time) (overview.Invoices, error) {
	items, err := s.InvoicesDue(ctx, until)
	sum := overview.Invoices{Count: len(items), Until: until}
	for _, it := range items {
		sum.InclOre += it.InclOre
	}
	return sum, err
}
