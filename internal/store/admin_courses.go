package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"kursuskatalog/internal/audit"
	"kursuskatalog/internal/catalog"
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
	TopicIDs         []int64 // in id order
	Agenda           []catalog.AgendaDay
	Aftercare        *catalog.Aftercare // nil when saving: leave as it is (a new course: the defaults)
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
	return courseForEdit(ctx, s.Pool, id, "")
}

// courseForEdit loads the course with its topics and agenda; lock is ""
// or "FOR UPDATE".
func courseForEdit(ctx context.Context, db DB, id int64, lock string) (CourseEdit, error) {
	c, err := scanCourseEdit(db.QueryRow(ctx, `SELECT `+courseEditColumns+` FROM courses WHERE id = $1 `+lock, id))
	if err != nil {
		return c, err
	}
	rows, err := db.Query(ctx, `SELECT topic_id FROM course_topics WHERE course_id = $1 ORDER BY topic_id`, id)
	if err != nil {
		return c, err
	}
	if c.TopicIDs, err = pgx.CollectRows(rows, pgx.RowTo[int64]); err != nil {
		return c, err
	}
	c.Agenda, err = agendaOf(ctx, db, id)
	if err != nil {
		return c, err
	}
	a, err := aftercareOf(ctx, db, id)
	c.Aftercare = &a
	return c, err
}

// courseChanges are the fields b changes of a with their values, for the
// audit log; names names consultants and topics by id.
func courseChanges(a, b CourseEdit, names courseNames) audit.Changes {
	var c audit.Changes
	c.Add("title", a.Title, b.Title)
	c.Add("slug", a.Slug, b.Slug)
	c.Add("teaser", a.Teaser, b.Teaser)
	c.Add("audience", a.Audience, b.Audience)
	c.Add("description", a.Description, b.Description)
	c.Add("content_intro", a.ContentIntro, b.ContentIntro)
	c.Add("content_bullets", strings.Join(a.ContentBullets, "\n"), strings.Join(b.ContentBullets, "\n"))
	c.Add("teaching_form", a.TeachingForm, b.TeachingForm)
	if a.PriceOre != b.PriceOre || a.ID == 0 {
		c = append(c, audit.Change{Field: "price_ore", Old: kronerText(a.ID, a.PriceOre), New: catalog.FormatKroner(b.PriceOre)})
	}
	if a.VATRateBP != b.VATRateBP {
		c = append(c, audit.Change{Field: "vat_rate_bp", Old: vatText(a.ID, a.VATRateBP), New: vatText(1, b.VATRateBP)})
	}
	c.Add("price_covers", a.PriceCovers, b.PriceCovers)
	c.Add("invoice_note", a.InvoiceNote, b.InvoiceNote)
	c.Add("partner_note", a.PartnerNote, b.PartnerNote)
	if a.InhouseAvailable != b.InhouseAvailable {
		c = append(c, audit.Change{Field: "inhouse_available", Old: yesNo(a.InhouseAvailable), New: yesNo(b.InhouseAvailable)})
	}
	c.Add("consultant", names.consultants[a.ConsultantID], names.consultants[b.ConsultantID])
	c.Add("status", statusText(a.Status), statusText(b.Status))
	c.Add("topics", names.topicList(a.TopicIDs), names.topicList(b.TopicIDs))
	c.Add("agenda", catalog.FormatAgenda(nonNilDays(a.Agenda)), catalog.FormatAgenda(nonNilDays(b.Agenda)))
	return append(c, aftercareChanges(a.Aftercare, b.Aftercare)...)
}

func kronerText(id, ore int64) string {
	if id == 0 {
		return ""
	}
	return catalog.FormatKroner(ore)
}

func vatText(id int64, bp int) string {
	if id == 0 {
		return ""
	}
	return strconv.Itoa(bp/100) + " %"
}

func yesNo(b bool) string {
	if b {
		return "Ja"
	}
	return "Nej"
}

func statusText(s string) string {
	switch s {
	case catalog.StatusPublished:
		return "Offentliggjort"
	case catalog.StatusDraft:
		return "Kladde"
	}
	return s
}

// courseNames are the names of consultants and topics by id.
type courseNames struct {
	consultants, topics map[int64]string
}

func (n courseNames) topicList(ids []int64) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		names = append(names, n.topics[id])
	}
	slices.Sort(names)
	return strings.Join(names, ", ")
}

// namesForCourses reads the consultants' and topics' names.
func namesForCourses(ctx context.Context, db DB) (courseNames, error) {
	n := courseNames{consultants: map[int64]string{}, topics: map[int64]string{}}
	rows, err := db.Query(ctx, `SELECT 'c', id, name FROM consultants UNION ALL SELECT 't', id, name FROM topics`)
	if err != nil {
		return n, err
	}
	var kind, name string
	var id int64
	_, err = pgx.ForEachRow(rows, []any{&kind, &id, &name}, func() error {
		if kind == "c" {
			n.consultants[id] = name
		} else {
			n.topics[id] = name
		}
		return nil
	})
	return n, err
}

// SaveCourse saves c over the course if nobody saved it since c.Version
// was read (else ErrConflict, and nothing is written). A changed
// slug leaves the old one in course_slug_history, so old links redirect.
func (s *Store) SaveCourse(ctx context.Context, c CourseEdit, staffID int64, now time.Time) (int, error) {
	var version int
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		old, err := courseForEdit(ctx, tx, c.ID, "FOR UPDATE")
		if err != nil {
			return err
		}
		if old.Version != c.Version {
			return ErrConflict
		}
		if c.ContentBullets == nil {
			c.ContentBullets = []string{}
		}
		names, err := namesForCourses(ctx, tx)
		if err != nil {
			return err
		}
		changed := courseChanges(old, c, names)
		if len(changed) == 0 {
			version = old.Version
			return nil
		}
		if err := moveSlug(ctx, tx, c.ID, old, c.Slug); err != nil {
			return err
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
			return ErrDuplicate
		}
		if err != nil {
			return err
		}
		if changed.Has("topics") {
			if err := SetCourseTopics(ctx, tx, c.ID, c.TopicIDs); err != nil {
				return err
			}
		}
		if changed.Has("agenda") {
			if err := SetAgenda(ctx, tx, c.ID, c.Agenda); err != nil {
				return err
			}
		}
		return auditCourseSave(ctx, tx, c, staffID, changed, now)
	})
	return version, err
}

// moveSlug keeps a course's old slug in course_slug_history when it
// changes to slug, so old links redirect; the new slug leaves the history.
func moveSlug(ctx context.Context, tx pgx.Tx, id int64, old CourseEdit, slug string) error {
	if old.Slug == slug {
		return nil
	}
	if _, err := tx.Exec(ctx, `DELETE FROM course_slug_history WHERE slug = $1`, slug); err != nil {
		return err
	}
	// Only a published slug can have been linked to, so only it is kept.
	if old.Status != catalog.StatusPublished {
		return nil
	}
	_, err := tx.Exec(ctx, `
		INSERT INTO course_slug_history (slug, course_id) VALUES ($1, $2)
		ON CONFLICT (slug) DO UPDATE SET course_id = EXCLUDED.course_id`, old.Slug, id)
	return err
}

// nonNilDays makes an agenda comparable whether it was read from the
// database or the form: no nil slices.
func nonNilDays(days []catalog.AgendaDay) []catalog.AgendaDay {
	out := make([]catalog.AgendaDay, len(days))
	for i, d := range days {
		out[i] = catalog.AgendaDay{DayNo: d.DayNo, Title: d.Title, Items: make([]catalog.AgendaItem, len(d.Items))}
		for j, it := range d.Items {
			it.Points = nonNil(it.Points)
			out[i].Items[j] = it
		}
	}
	return out
}

// CreateCourse inserts a new course (normally a draft) with its topics and
// agenda and returns its id. A slug another course has is ErrDuplicate; a
// slug that used to lead to another course now leads to this one.
func (s *Store) CreateCourse(ctx context.Context, c CourseEdit, staffID int64, now time.Time) (int64, error) {
	var id int64
	err := s.InTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO courses (slug, title, teaser, audience, description, content_intro, content_bullets,
				teaching_form, price_ore, vat_rate_bp, price_covers, invoice_note, partner_note,
				inhouse_available, consultant_id, status, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, nullif($15, 0), $16, $17, $17)
			RETURNING id`,
			c.Slug, c.Title, c.Teaser, c.Audience, c.Description, c.ContentIntro, nonNil(c.ContentBullets),
			c.TeachingForm, c.PriceOre, c.VATRateBP, c.PriceCovers, c.InvoiceNote, c.PartnerNote,
			c.InhouseAvailable, c.ConsultantID, c.Status, now).Scan(&id)
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && pgErr.ConstraintName == "courses_slug_key" {
			return ErrDuplicate
		}
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM course_slug_history WHERE slug = $1`, c.Slug); err != nil {
			return err
		}
		if err := SetCourseTopics(ctx, tx, id, c.TopicIDs); err != nil {
			return err
		}
		if err := SetAgenda(ctx, tx, id, c.Agenda); err != nil {
			return err
		}
		if err := setAftercareIfGiven(ctx, tx, id, c.Aftercare); err != nil {
			return err
		}
		// The audit entry has the fields that were filled in.
		names, err := namesForCourses(ctx, tx)
		if err != nil {
			return err
		}
		c.ID, c.Version = id, 1
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "course", EntityID: id, Action: "create",
			Changes: courseChanges(CourseEdit{}, c, names)}, now)
	})
	return id, err
}

// CourseInUseError says why a course cannot be deleted.
type CourseInUseError struct {
	Participants int      // participants (any status) on its dates
	Programmes   []string // titles of the programmes it is a module of
	Bundles      []string // titles of the bundle offers it is part of
}

func (e *CourseInUseError) Error() string {
	return fmt.Sprintf("store: course in use: %d participants, programmes %s, bundles %s",
		e.Participants, strings.Join(e.Programmes, ", "), strings.Join(e.Bundles, ", "))
}

// DeleteCourse deletes a course with its dates, topics, agenda and old
// slugs, but only when nothing depends on it: no participant on any of its
// dates (cancelled ones included, they are the booking's history), no
// programme and no bundle offer. Else it returns a *CourseInUseError.
func (s *Store) DeleteCourse(ctx context.Context, id int64, version int, staffID int64, now time.Time) error {
	return s.InTx(ctx, func(tx pgx.Tx) error {
		var v int
		var title string
		if err := tx.QueryRow(ctx, `SELECT version, title FROM courses WHERE id = $1 FOR UPDATE`, id).Scan(&v, &title); err != nil {
			return notFound(err)
		}
		if v != version {
			return ErrConflict
		}
		// A booking locks its dates (in id order) before it adds anyone, so
		// with the dates locked no participant can arrive between the check
		// and the delete.
		if _, err := tx.Exec(ctx, `SELECT id FROM course_dates WHERE course_id = $1 ORDER BY id FOR UPDATE`, id); err != nil {
			return err
		}
		var use CourseInUseError
		if err := tx.QueryRow(ctx, `
			SELECT (SELECT count(*) FROM participants p JOIN course_dates d ON d.id = p.date_id WHERE d.course_id = $1),
				array(SELECT p.title FROM programme_modules m JOIN programmes p ON p.id = m.programme_id
				      WHERE m.course_id = $1 ORDER BY p.title),
				array(SELECT o.title FROM bundle_offer_courses oc JOIN bundle_offers o ON o.id = oc.offer_id
				      WHERE oc.course_id = $1 ORDER BY o.title)`, id).
			Scan(&use.Participants, &use.Programmes, &use.Bundles); err != nil {
			return err
		}
		if use.Participants > 0 || len(use.Programmes) > 0 || len(use.Bundles) > 0 {
			return &use
		}
		if _, err := tx.Exec(ctx, `DELETE FROM course_dates WHERE course_id = $1`, id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM courses WHERE id = $1`, id); err != nil {
			return err
		}
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "course", EntityID: id, Action: "delete", Label: title}, now)
	})
}

// SetCourseStatus publishes a course or makes it a draft again, if nobody
// saved it since version was read.
func (s *Store) SetCourseStatus(ctx context.Context, id int64, version int, status string, staffID int64, now time.Time) error {
	return s.InTx(ctx, func(tx pgx.Tx) error {
		var v int
		var old string
		if err := tx.QueryRow(ctx, `SELECT version, status FROM courses WHERE id = $1 FOR UPDATE`, id).Scan(&v, &old); err != nil {
			return notFound(err)
		}
		if v != version {
			return ErrConflict
		}
		if old == status {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE courses SET status = $2, version = version + 1, updated_at = $3 WHERE id = $1`,
			id, status, now); err != nil {
			return err
		}
		action := "publish"
		if status != catalog.StatusPublished {
			action = "unpublish"
		}
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "course", EntityID: id, Action: action,
			Changes: []audit.Change{{Field: "status", Old: statusText(old), New: statusText(status)}}}, now)
	})
}

// TopicOptions lists every topic by name, for the editor's checkboxes.
func (s *Store) TopicOptions(ctx context.Context) ([]catalog.Topic, error) {
	rows, err := s.Pool.Query(ctx, `SELECT id, slug, name FROM topics ORDER BY name`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (catalog.Topic, error) {
		var t catalog.Topic
		err := r.Scan(&t.ID, &t.Slug, &t.Name)
		return t, err
	})
}
