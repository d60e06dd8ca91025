package store

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// CourseRow is a course in the staff list.
type CourseRow struct {
	ID        int64
	Title     string
	Slug      string
	Status    string
	Upcoming  int // dates that have not started
	UpdatedAt time.Time
}

// CourseRows lists every course, drafts too, by title.
func (s *Store) CourseRows(ctx context.Context, now time.Time) ([]CourseRow, error) {
	rows, err := s.Pool.Query(ctx, `
		SELECT c.id, c.title, c.slug, c.status,
			(SELECT count(*) FROM course_dates d WHERE d.course_id = c.id AND d.starts_at > $1), c.updated_at
		FROM courses c ORDER BY lower(c.title), c.id`, now)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CourseRow
	for rows.Next() {
		var c CourseRow
		if err := rows.Scan(&c.ID, &c.Title, &c.Slug, &c.Status, &c.Upcoming, &c.UpdatedAt); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CourseEdit is the editable text and price fields of a course and the
// version they were read at.
type CourseEdit struct {
	ID               int64
	Title            string
	Slug             string
	Teaser           string
	Audience         string
	Description      string // Markdown
	ContentIntro     string
	ContentBullets   []string
	TeachingForm     string
	PriceOre         int64
	VATRateBP        int
	PriceCovers      string
	InvoiceNote      string
	PartnerNote      string
	InhouseAvailable bool
	ConsultantID     int64 // 0: none
	Status           string
	Version          int
}

const courseEditColumns = `id, title, slug, teaser, audience, description, content_intro, content_bullets, teaching_form,
	price_ore, vat_rate_bp, price_covers, invoice_note, partner_note, inhouse_available, coalesce(consultant_id, 0), status, version`

func scanCourseEdit(row pgx.Row) (CourseEdit, error) {
	var c CourseEdit
	err := row.Scan(&c.ID, &c.Title, &c.Slug, &c.Teaser, &c.Audience, &c.Description, &c.ContentIntro, &c.ContentBullets,
		&c.TeachingForm, &c.PriceOre, &c.VATRateBP, &c.PriceCovers, &c.InvoiceNote, &c.PartnerNote, &c.InhouseAvailable,
		&c.ConsultantID, &c.Status, &c.Version)
	return c, notFound(err)
}

// CourseForEdit loads a course (draft or published) for the staff form.
func (s *Store) CourseForEdit(ctx context.Context, id int64) (CourseEdit, error) {
	return scanCourseEdit(s.Pool.QueryRow(ctx, `SELECT `+courseEditColumns+` FROM courses WHERE id = $1`, id))
}

// Errors of SaveCourse.
var (
	ErrVersionConflict = errors.New("store: the row changed since it was read")
	ErrSlugTaken       = errors.New("store: slug taken by another course")
)

// changedCourseFields names the columns whose values differ, for the audit log.
func changedCourseFields(a, b CourseEdit) []string {
	var f []string
	add := func(name string, differs bool) {
		if differs {
			f = append(f, name)
		}
	}
	add("title", a.Title != b.Title)
	add("slug", a.Slug != b.Slug)
	add("teaser", a.Teaser != b.Teaser)
	add("audience", a.Audience != b.Audience)
	add("description", a.Description != b.Description)
	add("content_intro", a.ContentIntro != b.ContentIntro)
	add("content_bullets", !slices.Equal(a.ContentBullets, b.ContentBullets))
	add("teaching_form", a.TeachingForm != b.TeachingForm)
	add("price_ore", a.PriceOre != b.PriceOre)
	add("vat_rate_bp", a.VATRateBP != b.VATRateBP)
	add("price_covers", a.PriceCovers != b.PriceCovers)
	add("invoice_note", a.InvoiceNote != b.InvoiceNote)
	add("partner_note", a.PartnerNote != b.PartnerNote)
	add("inhouse_available", a.InhouseAvailable != b.InhouseAvailable)
	add("consultant_id", a.ConsultantID != b.ConsultantID)
	add("status", a.Status != b.Status)
	return f
}

// SaveCourse saves c over the course if nobody saved it since c.Version
// was read (else ErrVersionConflict, and nothing is written). A changed
// slug leaves the old one in course_slug_history, so old links redirect.
func (s *Store) SaveCourse(ctx context.Context, c CourseEdit, staffID int64, now time.Time) (int, error) {
	var version int
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		old, err := scanCourseEdit(tx.QueryRow(ctx, `SELECT `+courseEditColumns+` FROM courses WHERE id = $1 FOR UPDATE`, c.ID))
		if err != nil {
			return err
		}
		if old.Version != c.Version {
			return ErrVersionConflict
		}
		if c.ContentBullets == nil {
			c.ContentBullets = []string{}
		}
		changed := changedCourseFields(old, c)
		if len(changed) == 0 {
			version = old.Version
			return nil
		}
		if old.Slug != c.Slug {
			if _, err := tx.Exec(ctx, `DELETE FROM course_slug_history WHERE slug = $1`, c.Slug); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `
				INSERT INTO course_slug_history (slug, course_id) VALUES ($1, $2)
				ON CONFLICT (slug) DO UPDATE SET course_id = EXCLUDED.course_id`, old.Slug, c.ID); err != nil {
				return err
			}
		}
		err = tx.QueryRow(ctx, `
			UPDATE courses SET title = $2, slug = $3, teaser = $4, audience = $5, description = $6, content_intro = $7,
				content_bullets = $8, teaching_form = $9, price_ore = $10, vat_rate_bp = $11, price_covers = $12,
				invoice_note = $13, partner_note = $14, inhouse_available = $15, consultant_id = nullif($16, 0),
				status = $17, version = version + 1, updated_at = $18
			WHERE id = $1 RETURNING version`,
			c.ID, c.Title, c.Slug, c.Teaser, c.Audience, c.Description, c.ContentIntro, c.ContentBullets, c.TeachingForm,
			c.PriceOre, c.VATRateBP, c.PriceCovers, c.InvoiceNote, c.PartnerNote, c.InhouseAvailable, c.ConsultantID,
			c.Status, now).Scan(&version)
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.ConstraintName == "courses_slug_key" {
			return ErrSlugTaken
		}
		if err != nil {
			return err
		}
		return Audit(ctx, tx, staffID, "course", c.ID, "update", changed, now)
	})
	return version, err
}
