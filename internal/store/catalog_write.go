package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/catalog"
)

// UpsertConsultant returns the id of the consultant with c.Email, creating it.
func UpsertConsultant(ctx context.Context, db DB, c catalog.Consultant) (int64, error) {
	var id int64
	err := db.QueryRow(ctx, `
		INSERT INTO consultants (name, job_title, phone, email) VALUES ($1, $2, $3, $4)
		ON CONFLICT (email) DO UPDATE SET email = EXCLUDED.email
		RETURNING id`, c.Name, c.JobTitle, c.Phone, c.Email).Scan(&id)
	return id, err
}

// UpsertTopic returns the id of the topic with t.Slug, creating it.
func UpsertTopic(ctx context.Context, db DB, t catalog.Topic) (int64, error) {
	var id int64
	err := db.QueryRow(ctx, `
		INSERT INTO topics (slug, name) VALUES ($1, $2)
		ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug
		RETURNING id`, t.Slug, t.Name).Scan(&id)
	return id, err
}

// UpsertVenue returns the id of the venue with v's name and postcode, creating it.
func UpsertVenue(ctx context.Context, db DB, v catalog.Venue) (int64, error) {
	var id int64
	err := db.QueryRow(ctx, `
		INSERT INTO venues (name, street, postcode, city, region, arrival_note) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (name, postcode) DO UPDATE SET name = EXCLUDED.name
		RETURNING id`, v.Name, v.Street, v.Postcode, v.City, v.Region, v.ArrivalNote).Scan(&id)
	return id, err
}

// InsertCourseIfNew inserts c unless a course with its slug exists. created
// tells which; id is the course's either way.
func InsertCourseIfNew(ctx context.Context, db DB, c catalog.Course) (id int64, created bool, err error) {
	err = db.QueryRow(ctx, `
		INSERT INTO courses (slug, title, teaser, audience, description, content_intro, content_bullets,
			teaching_form, price_ore, vat_rate_bp, price_covers, invoice_note, partner_note,
			inhouse_available, consultant_id, status)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, NULLIF($15, 0), $16)
		ON CONFLICT (slug) DO NOTHING
		RETURNING id`,
		c.Slug, c.Title, c.Teaser, c.Audience, c.Description, c.ContentIntro, nonNil(c.ContentBullets),
		c.TeachingForm, c.PriceOre, c.VATRateBP, c.PriceCovers, c.InvoiceNote, c.PartnerNote,
		c.InhouseAvailable, c.ConsultantID, c.Status).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		err = db.QueryRow(ctx, `SELECT id FROM courses WHERE slug = $1`, c.Slug).Scan(&id)
		return id, false, err
	}
	return id, err == nil, err
}

// SetCourseTopics replaces the course's topics.
func SetCourseTopics(ctx context.Context, db DB, courseID int64, topicIDs []int64) error {
	if _, err := db.Exec(ctx, `DELETE FROM course_topics WHERE course_id = $1`, courseID); err != nil {
		return err
	}
	_, err := db.Exec(ctx, `
		INSERT INTO course_topics (course_id, topic_id) SELECT $1, unnest($2::bigint[])`, courseID, topicIDs)
	return err
}

// SetAgenda replaces the course's programme (days and items).
func SetAgenda(ctx context.Context, db DB, courseID int64, days []catalog.AgendaDay) error {
	if _, err := db.Exec(ctx, `DELETE FROM agenda_days WHERE course_id = $1`, courseID); err != nil {
		return err
	}
	for _, d := range days {
		var dayID int64
		if err := db.QueryRow(ctx, `INSERT INTO agenda_days (course_id, day_no, title) VALUES ($1, $2, $3) RETURNING id`,
			courseID, d.DayNo, d.Title).Scan(&dayID); err != nil {
			return fmt.Errorf("agenda day %d: %w", d.DayNo, err)
		}
		for i, it := range d.Items {
			if _, err := db.Exec(ctx, `
				INSERT INTO agenda_items (day_id, position, at, title, speaker, points)
				VALUES ($1, $2, $3::time, $4, $5, $6)`,
				dayID, i+1, it.At, it.Title, it.Speaker, nonNil(it.Points)); err != nil {
				return fmt.Errorf("agenda day %d item %d: %w", d.DayNo, i+1, err)
			}
		}
	}
	return nil
}

// InsertDate adds a date to a course and returns its id.
func InsertDate(ctx context.Context, db DB, d catalog.CourseDate) (int64, error) {
	status := d.Status
	if status == "" {
		status = catalog.DatePlanned
	}
	var id int64
	err := db.QueryRow(ctx, `
		INSERT INTO course_dates (course_id, venue_id, starts_at, ends_at, deadline, capacity, seats_taken, status)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		d.CourseID, d.Venue.ID, d.StartsAt, d.EndsAt, pgDate(d.Deadline), d.Capacity, d.SeatsTaken, status).Scan(&id)
	return id, err
}

// InsertProgrammeIfNew inserts p unless its slug exists.
func InsertProgrammeIfNew(ctx context.Context, db DB, p catalog.Programme) (id int64, created bool, err error) {
	err = db.QueryRow(ctx, `
		INSERT INTO programmes (slug, title, teaser, intro, competences_intro, competences, background,
			partner_note, contact_note, consultant_id, status)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULLIF($10, 0), $11)
		ON CONFLICT (slug) DO NOTHING
		RETURNING id`,
		p.Slug, p.Title, p.Teaser, p.Intro, p.CompetencesIntro, nonNil(p.Competences), p.Background,
		p.PartnerNote, p.ContactNote, p.ConsultantID, p.Status).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		err = db.QueryRow(ctx, `SELECT id FROM programmes WHERE slug = $1`, p.Slug).Scan(&id)
		return id, false, err
	}
	return id, err == nil, err
}

// AddModule puts a course into a programme.
func AddModule(ctx context.Context, db DB, m catalog.Module) error {
	_, err := db.Exec(ctx, `
		INSERT INTO programme_modules (programme_id, course_id, position, role, audience_note)
		VALUES ($1, $2, $3, $4, $5)`, m.ProgrammeID, m.CourseID, m.Position, string(m.Role), m.AudienceNote)
	return err
}

// InsertBundleOffer adds an offer over the given courses.
func InsertBundleOffer(ctx context.Context, db DB, o catalog.BundleOffer) (int64, error) {
	var id int64
	if err := db.QueryRow(ctx, `
		INSERT INTO bundle_offers (title, description, price_ore, last_day) VALUES ($1, $2, $3, $4) RETURNING id`,
		o.Title, o.Description, o.PriceOre, pgDate(o.LastDay)).Scan(&id); err != nil {
		return 0, err
	}
	for _, c := range o.Courses {
		if _, err := db.Exec(ctx, `INSERT INTO bundle_offer_courses (offer_id, course_id, pitch) VALUES ($1, $2, $3)`,
			id, c.CourseID, c.Pitch); err != nil {
			return 0, err
		}
	}
	return id, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// pgDate sends a calendar day as 'YYYY-MM-DD' so no time zone can shift it.
func pgDate(t time.Time) string { return t.Format("2006-01-02") }
