package store

import (
	"context"
	"time"

	"kursuskatalog/internal/catalog"
)

// ProgrammePage loads a published programme with its published modules in
// order, each with its next date, in two queries.
func (s *Store) ProgrammePage(ctx context.Context, slug string, now time.Time) (catalog.ProgrammePage, error) {
	var p catalog.ProgrammePage
	pr := &p.Programme
	var consID *int64
	var consName, consTitle, consPhone, consEmail *string
	err := s.Pool.QueryRow(ctx, `
		SELECT p.id, p.slug, p.title, p.teaser, p.intro, p.competences_intro, p.competences, p.background,
		       p.partner_note, p.contact_note, p.status, p.version,
		       k.id, k.name, k.job_title, k.phone, k.email
		FROM programmes p LEFT JOIN consultants k ON k.id = p.consultant_id
		WHERE p.slug = $1 AND p.status = 'published'`, slug).
		Scan(&pr.ID, &pr.Slug, &pr.Title, &pr.Teaser, &pr.Intro, &pr.CompetencesIntro, &pr.Competences, &pr.Background,
			&pr.PartnerNote, &pr.ContactNote, &pr.Status, &pr.Version,
			&consID, &consName, &consTitle, &consPhone, &consEmail)
	if err != nil {
		return p, notFound(err)
	}
	if consID != nil {
		p.Consultant = &catalog.Consultant{ID: *consID, Name: *consName, JobTitle: *consTitle, Phone: *consPhone, Email: *consEmail}
	}
	rows, err := s.Pool.Query(ctx, `
		SELECT c.id, c.slug, c.title, c.price_ore, c.teaser, m.role, m.audience_note,
		       d.id, d.starts_at, d.ends_at, d.deadline, d.capacity, d.seats_taken, d.status,
		       v.id, v.name, v.street, v.postcode, v.city, v.region
		FROM programme_modules m
		JOIN courses c ON c.id = m.course_id AND c.status = 'published'
		LEFT JOIN LATERAL (
			SELECT * FROM course_dates x WHERE x.course_id = c.id AND x.status = 'planned' AND x.starts_at > $2
			ORDER BY x.starts_at LIMIT 1) d ON true
		LEFT JOIN venues v ON v.id = d.venue_id
		WHERE m.programme_id = $1
		ORDER BY m.position`, pr.ID, now)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var m catalog.ProgrammeModule
		var d nullDate
		if err := rows.Scan(&m.Course.ID, &m.Course.Slug, &m.Course.Title, &m.Course.PriceOre, &m.Teaser, &m.Role, &m.AudienceNote,
			&d.ID, &d.Start, &d.End, &d.Deadline, &d.Capacity, &d.Taken, &d.Status,
			&d.VID, &d.VName, &d.VStreet, &d.VPost, &d.VCity, &d.VRegion); err != nil {
			return p, err
		}
		if m.NextDate = d.date(m.Course.ID); m.NextDate != nil {
			m.Course.NextDateID = m.NextDate.ID
		}
		p.Modules = append(p.Modules, m)
	}
	return p, rows.Err()
}
