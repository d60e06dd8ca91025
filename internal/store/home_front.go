package store

import (
	"context"
	"time"

	"kursuskatalog/internal/catalog"
)

// OpenDates returns the next dates of published courses that still take an
// enrolment with a seat before their deadline (deadlines are days, binding
// from midnight after them in Copenhagen): what the front page offers.
func (s *Store) OpenDates(ctx context.Context, now time.Time, limit int) ([]catalog.DateListing, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT c.slug, c.title, c.price_ore, `+dateColumns+`
		FROM course_dates d
		JOIN courses c ON c.id = d.course_id AND c.status = 'published'
		JOIN venues v ON v.id = d.venue_id
		WHERE d.starts_at > $1 AND d.status = 'planned' AND d.seats_taken < d.capacity
		  AND (d.deadline + 1)::timestamp AT TIME ZONE 'Europe/Copenhagen' > $1
		ORDER BY d.starts_at, d.id
		LIMIT $2`, now, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []catalog.DateListing
	for rows.Next() {
		var l catalog.DateListing
		if err := rows.Scan(append([]any{&l.CourseSlug, &l.CourseTitle, &l.PriceOre}, dateScanArgs(&l.Date)...)...); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}

// TopicsInUse lists the topics that published courses have, by name.
func (s *Store) TopicsInUse(ctx context.Context) ([]catalog.TopicCount, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT t.id, t.slug, t.name, count(*)
		FROM topics t JOIN course_topics ct ON ct.topic_id = t.id
		JOIN courses c ON c.id = ct.course_id AND c.status = 'published'
		GROUP BY t.id ORDER BY t.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []catalog.TopicCount
	for rows.Next() {
		var t catalog.TopicCount
		if err := rows.Scan(&t.ID, &t.Slug, &t.Name, &t.Courses); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
