package store

import (
	"context"
	"fmt"
	"time"

	"kursuskatalog/internal/catalog"
)

const courseColumns = `c.id, c.slug, c.title, c.teaser, c.audience, c.description, c.content_intro, c.content_bullets,
	c.teaching_form, c.price_ore, c.vat_rate_bp, c.price_covers, c.invoice_note, c.partner_note,
	c.inhouse_available, coalesce(c.consultant_id, 0), c.status, c.version, c.updated_at`

func courseScanArgs(c *catalog.Course) []any {
	return []any{&c.ID, &c.Slug, &c.Title, &c.Teaser, &c.Audience, &c.Description, &c.ContentIntro, &c.ContentBullets,
		&c.TeachingForm, &c.PriceOre, &c.VATRateBP, &c.PriceCovers, &c.InvoiceNote, &c.PartnerNote,
		&c.InhouseAvailable, &c.ConsultantID, &c.Status, &c.Version, &c.UpdatedAt}
}

// SlugRedirect is returned by CoursePage when slug is a course's old slug.
type SlugRedirect struct{ Slug string }

func (r *SlugRedirect) Error() string { return "store: course moved to " + r.Slug }

// CoursePage loads a published course and everything its page shows, in a
// fixed number of queries whatever the catalogue's size. A draft or unknown
// slug is ErrNotFound; an old slug is a *SlugRedirect.
func (s *Store) CoursePage(ctx context.Context, slug string, now time.Time) (catalog.CoursePage, error) {
	p, err := s.coursePage(ctx, `c.slug = $1 AND c.status = 'published'`, slug, now)
	if err == ErrNotFound {
		var newSlug string
		if rerr := s.Pool.QueryRow(ctx, `
			SELECT c.slug FROM course_slug_history h JOIN courses c ON c.id = h.course_id
			WHERE h.slug = $1 AND c.status = 'published'`, slug).Scan(&newSlug); rerr == nil {
			return p, &SlugRedirect{Slug: newSlug}
		}
	}
	return p, err
}

// CoursePreview loads a course, draft or published, as its public page
// would show it, for staff to look at before publishing.
func (s *Store) CoursePreview(ctx context.Context, id int64, now time.Time) (catalog.CoursePage, error) {
	return s.coursePage(ctx, `c.id = $1`, id, now)
}

// coursePage loads the course that cond (with its one argument) picks.
func (s *Store) coursePage(ctx context.Context, cond string, arg any, now time.Time) (catalog.CoursePage, error) {
	var p catalog.CoursePage
	var cons catalog.Consultant
	var consID *int64
	var consName, consTitle, consPhone, consEmail *string
	err := s.Pool.QueryRow(ctx, `
		SELECT `+courseColumns+`, k.id, k.name, k.job_title, k.phone, k.email
		FROM courses c LEFT JOIN consultants k ON k.id = c.consultant_id
		WHERE `+cond, arg).
		Scan(append(courseScanArgs(&p.Course), &consID, &consName, &consTitle, &consPhone, &consEmail)...)
	if err != nil {
		return p, notFound(err)
	}
	if consID != nil {
		cons = catalog.Consultant{ID: *consID, Name: *consName, JobTitle: *consTitle, Phone: *consPhone, Email: *consEmail}
		p.Consultant = &cons
	}
	id := p.Course.ID

	// Topics, dates, agenda, offers and programmes: one query each.
	rows, err := s.Pool.Query(ctx, `
		SELECT t.id, t.slug, t.name FROM course_topics ct JOIN topics t ON t.id = ct.topic_id
		WHERE ct.course_id = $1 ORDER BY t.name`, id)
	if err != nil {
		return p, err
	}
	for rows.Next() {
		var t catalog.Topic
		if err := rows.Scan(&t.ID, &t.Slug, &t.Name); err != nil {
			rows.Close()
			return p, err
		}
		p.Topics = append(p.Topics, t)
	}
	rows.Close()

	if p.Dates, err = s.courseDates(ctx, id, now); err != nil {
		return p, err
	}
	if p.Agenda, err = s.agenda(ctx, id); err != nil {
		return p, err
	}
	if p.Offers, err = s.offersFor(ctx, id, now); err != nil {
		return p, err
	}
	rows, err = s.Pool.Query(ctx, `
		SELECT p.slug, p.title, m.role FROM programme_modules m JOIN programmes p ON p.id = m.programme_id
		WHERE m.course_id = $1 AND p.status = 'published' ORDER BY p.title`, id)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var r catalog.ProgrammeRef
		if err := rows.Scan(&r.Slug, &r.Title, &r.Role); err != nil {
			return p, err
		}
		p.Programmes = append(p.Programmes, r)
	}
	return p, rows.Err()
}

// courseDates lists every date of a course that has not ended more than a
// month ago, in order.
func (s *Store) courseDates(ctx context.Context, courseID int64, now time.Time) ([]catalog.CourseDate, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT `+dateColumns+` FROM course_dates d JOIN venues v ON v.id = d.venue_id
		WHERE d.course_id = $1 AND d.ends_at > $2::timestamptz - interval '31 days'
		ORDER BY d.starts_at, d.id`, courseID, now)
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

func (s *Store) agenda(ctx context.Context, courseID int64) ([]catalog.AgendaDay, error) {
	return agendaOf(ctx, s.Pool, courseID)
}

// agendaOf loads a course's days and items, in a transaction or not.
func agendaOf(ctx context.Context, db DB, courseID int64) ([]catalog.AgendaDay, error) {
	rows, err := db.Query(ctx, `
		SELECT d.day_no, d.title, to_char(i.at, 'HH24:MI'), i.title, i.speaker, i.points
		FROM agenda_days d JOIN agenda_items i ON i.day_id = d.id
		WHERE d.course_id = $1 ORDER BY d.day_no, i.position`, courseID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []catalog.AgendaDay
	for rows.Next() {
		var dayNo int
		var dayTitle string
		var it catalog.AgendaItem
		if err := rows.Scan(&dayNo, &dayTitle, &it.At, &it.Title, &it.Speaker, &it.Points); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].DayNo != dayNo {
			out = append(out, catalog.AgendaDay{DayNo: dayNo, Title: dayTitle})
		}
		out[len(out)-1].Items = append(out[len(out)-1].Items, it)
	}
	return out, rows.Err()
}

// offersFor returns the bundle offers that include the course, each with
// the other courses of the offer, in one query.
func (s *Store) offersFor(ctx context.Context, courseID int64, now time.Time) ([]catalog.OfferView, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT o.id, o.title, o.description, o.price_ore, o.last_day, mine.pitch,
		       c.id, c.slug, c.title, c.price_ore, c.status, coalesce(nd.id, 0)
		FROM bundle_offer_courses mine
		JOIN bundle_offers o ON o.id = mine.offer_id
		JOIN bundle_offer_courses oc ON oc.offer_id = o.id
		JOIN courses c ON c.id = oc.course_id
		LEFT JOIN LATERAL (
			SELECT d.id FROM course_dates d
			WHERE d.course_id = c.id AND d.status = 'planned' AND d.starts_at > $2
			ORDER BY d.starts_at LIMIT 1) nd ON true
		WHERE mine.course_id = $1
		ORDER BY o.last_day, o.id, c.id = $1 DESC, c.title`, courseID, now)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []catalog.OfferView
	unpublished := map[int64]bool{}
	for rows.Next() {
		var o catalog.BundleOffer
		var pitch, status string
		var c catalog.CourseBrief
		if err := rows.Scan(&o.ID, &o.Title, &o.Description, &o.PriceOre, &o.LastDay, &pitch, &c.ID, &c.Slug, &c.Title, &c.PriceOre, &status, &c.NextDateID); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Offer.ID != o.ID {
			out = append(out, catalog.OfferView{Offer: o, Pitch: pitch})
		}
		v := &out[len(out)-1]
		v.Offer.Courses = append(v.Offer.Courses, catalog.BundleCourse{CourseID: c.ID})
		v.SumOre += c.PriceOre
		if status != catalog.StatusPublished {
			unpublished[o.ID] = true
		}
		if c.ID == courseID {
			v.Self = c
		} else {
			v.Others = append(v.Others, c)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// An offer that needs a course the public cannot book is not offered.
	kept := out[:0]
	for _, v := range out {
		if !unpublished[v.Offer.ID] && len(v.Others) > 0 {
			kept = append(kept, v)
		}
	}
	return kept, nil
}

// CourseDateByID loads one date with its course's slug, for the calendar file.
func (s *Store) CourseDateByID(ctx context.Context, slug string, id int64) (catalog.Course, catalog.CourseDate, error) {
	var c catalog.Course
	var d catalog.CourseDate
	err := s.Pool.QueryRow(ctx, `
		SELECT `+courseColumns+`, `+dateColumns+`
		FROM course_dates d JOIN courses c ON c.id = d.course_id JOIN venues v ON v.id = d.venue_id
		WHERE d.id = $1 AND c.slug = $2 AND c.status = 'published'`, id, slug).
		Scan(append(courseScanArgs(&c), dateScanArgs(&d)...)...)
	if err != nil {
		return c, d, fmt.Errorf("date %d of %s: %w", id, slug, notFound(err))
	}
	return c, d, nil
}
