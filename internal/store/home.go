package store

import (
	"context"
	"time"

	"kursuskatalog/internal/catalog"
)

// ListProgrammes returns every published programme with its published
// modules in order, in one query.
func (s *Store) ListProgrammes(ctx context.Context) ([]catalog.ProgrammeCard, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT p.id, p.slug, p.title, p.teaser,
		       m.role, m.audience_note, c.slug, c.title, c.teaser
		FROM programmes p
		LEFT JOIN programme_modules m ON m.programme_id = p.id
		LEFT JOIN courses c ON c.id = m.course_id AND c.status = 'published'
		WHERE p.status = 'published'
		ORDER BY p.title, p.id, m.position`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []catalog.ProgrammeCard
	for rows.Next() {
		var p catalog.Programme
		var role, note, slug, title, teaser *string
		if err := rows.Scan(&p.ID, &p.Slug, &p.Title, &p.Teaser, &role, &note, &slug, &title, &teaser); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Programme.ID != p.ID {
			out = append(out, catalog.ProgrammeCard{Programme: p})
		}
		if slug != nil {
			card := &out[len(out)-1]
			card.Modules = append(card.Modules, catalog.ModuleCard{
				Role: catalog.ModuleRole(*role), AudienceNote: *note, Slug: *slug, Title: *title, Teaser: *teaser,
			})
		}
	}
	return out, rows.Err()
}

const dateColumns = `d.id, d.course_id, d.starts_at, d.ends_at, d.deadline, d.capacity, d.seats_taken, d.status,
	v.id, v.name, v.street, v.postcode, v.city, v.region`

func dateScanArgs(d *catalog.CourseDate) []any {
	return []any{&d.ID, &d.CourseID, &d.StartsAt, &d.EndsAt, &d.Deadline, &d.Capacity, &d.SeatsTaken, &d.Status,
		&d.Venue.ID, &d.Venue.Name, &d.Venue.Street, &d.Venue.Postcode, &d.Venue.City, &d.Venue.Region}
}

// TableCounts returns the number of rows in each catalogue table, for the
// demo loader's report and its idempotency test.
func (s *Store) TableCounts(ctx context.Context) (map[string]int64, error) {
	tables := []string{"consultants", "topics", "venues", "courses", "course_topics", "programmes",
		"programme_modules", "course_dates", "agenda_days", "agenda_items", "bundle_offers", "bundle_offer_courses"}
	out := make(map[string]int64, len(tables))
	for _, t := range tables {
		var n int64
		if err := s.Pool.QueryRow(ctx, "SELECT count(*) FROM "+t).Scan(&n); err != nil {
			return nil, err
		}
		out[t] = n
	}
	return out, nil
}

// AllDates returns every date, for tests and reports.
func (s *Store) AllDates(ctx context.Context) ([]catalog.CourseDate, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+dateColumns+` FROM course_dates d JOIN venues v ON v.id = d.venue_id ORDER BY d.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []catalog.CourseDate
	for rows.Next() {
		var d catalog.CourseDate
		if err := rows.Scan(dateScanArgs(&d)...); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// SitemapEntry is one public page for search engines.
type SitemapEntry struct {
	Path    string
	Updated time.Time
}

// Sitemap lists every published course and programme page.
func (s *Store) Sitemap(ctx context.Context) ([]SitemapEntry, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT '/kurser/' || slug, updated_at FROM courses WHERE status = 'published'
		UNION ALL
		SELECT '/forloeb/' || slug, updated_at FROM programmes WHERE status = 'published'
		ORDER BY 1`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SitemapEntry
	for rows.Next() {
		var e SitemapEntry
		if err := rows.Scan(&e.Path, &e.Updated); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}
