package store

import (
	"context"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"

	"kursuskatalog/internal/catalog"
)

// ProgrammeModule is a module of a programme in the staff editor.
type ProgrammeModule struct {
	catalog.Module
	CourseTitle string
}

// ProgrammeRow is a programme in the staff editor with its ordered modules.
type ProgrammeRow struct {
	catalog.Programme
	Modules []ProgrammeModule
}

const programmeRowColumns = `id, slug, title, teaser, intro, competences_intro, competences, background, partner_note,
	contact_note, coalesce(consultant_id, 0), status, version`

func scanProgramme(row pgx.Row) (catalog.Programme, error) {
	var p catalog.Programme
	err := row.Scan(&p.ID, &p.Slug, &p.Title, &p.Teaser, &p.Intro, &p.CompetencesIntro, &p.Competences, &p.Background,
		&p.PartnerNote, &p.ContactNote, &p.ConsultantID, &p.Status, &p.Version)
	return p, notFound(err)
}

// ProgrammeRows lists every programme, drafts too, by title, each with
// its modules.
func (s *Store) ProgrammeRows(ctx context.Context) ([]ProgrammeRow, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+programmeRowColumns+` FROM programmes ORDER BY lower(title), id`)
	ps, err := scanAll(rows, err, func(r pgx.Rows) (catalog.Programme, error) { return scanProgramme(r) })
	if err != nil {
		return nil, err
	}
	out := make([]ProgrammeRow, len(ps))
	for i, p := range ps {
		out[i].Programme = p
		if out[i].Modules, err = programmeModules(ctx, s.Pool, p.ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func programmeModules(ctx context.Context, db DB, id int64) ([]ProgrammeModule, error) {
	rows, err := db.Query(ctx, `
		SELECT m.programme_id, m.course_id, m.position, m.role, m.audience_note, c.title
		FROM programme_modules m JOIN courses c ON c.id = m.course_id
		WHERE m.programme_id = $1 ORDER BY m.position`, id)
	return scanAll(rows, err, func(r pgx.Rows) (ProgrammeModule, error) {
		var m ProgrammeModule
		var role string
		err := r.Scan(&m.ProgrammeID, &m.CourseID, &m.Position, &role, &m.AudienceNote, &m.CourseTitle)
		m.Role = catalog.ModuleRole(role)
		return m, err
	})
}

// ProgrammeRowByID loads one programme with its modules for its form.
func (s *Store) ProgrammeRowByID(ctx context.Context, id int64) (ProgrammeRow, error) {
	p, err := scanProgramme(s.Pool.QueryRow(ctx, `SELECT `+programmeRowColumns+` FROM programmes WHERE id = $1`, id))
	if err != nil {
		return ProgrammeRow{}, err
	}
	ms, err := programmeModules(ctx, s.Pool, id)
	return ProgrammeRow{Programme: p, Modules: ms}, err
}

// setModules replaces the programme's modules; positions are renumbered
// 1…n in the order given.
func setModules(ctx context.Context, tx pgx.Tx, id int64, modules []catalog.Module) error {
	if _, err := tx.Exec(ctx, `DELETE FROM programme_modules WHERE programme_id = $1`, id); err != nil {
		return err
	}
	for i, m := range modules {
		if _, err := tx.Exec(ctx, `
			INSERT INTO programme_modules (programme_id, course_id, position, role, audience_note) VALUES ($1, $2, $3, $4, $5)`,
			id, m.CourseID, i+1, string(m.Role), m.AudienceNote); err != nil {
			return duplicate(err)
		}
	}
	return nil
}

// CreateProgramme adds a programme with its modules and audits it.
func (s *Store) CreateProgramme(ctx context.Context, staffID int64, p catalog.Programme, modules []catalog.Module, now time.Time) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO programmes (slug, title, teaser, intro, competences_intro, competences, background,
				partner_note, contact_note, consultant_id, status, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, NULLIF($10, 0), $11, $12, $12) RETURNING id`,
			p.Slug, p.Title, p.Teaser, p.Intro, p.CompetencesIntro, nonNil(p.Competences), p.Background,
			p.PartnerNote, p.ContactNote, p.ConsultantID, p.Status, now).Scan(&id)
		if err != nil {
			return duplicate(err)
		}
		if err := setModules(ctx, tx, id, modules); err != nil {
			return err
		}
		return Audit(ctx, tx, staffID, "programme", id, "create", []string{"title", "slug", "status", "modules"}, now)
	})
	return id, err
}

// UpdateProgramme saves p and its modules if the row still has version;
// otherwise ErrConflict.
func (s *Store) UpdateProgramme(ctx context.Context, staffID int64, p catalog.Programme, modules []catalog.Module, version int, now time.Time) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanProgramme(tx.QueryRow(ctx, `SELECT `+programmeRowColumns+` FROM programmes WHERE id = $1 FOR UPDATE`, p.ID))
		if err != nil {
			return err
		}
		if err := checkVersion(old.Version, version); err != nil {
			return err
		}
		oldModules, err := programmeModules(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		var ch changes
		ch.Add("title", old.Title, p.Title)
		ch.Add("slug", old.Slug, p.Slug)
		ch.Add("teaser", old.Teaser, p.Teaser)
		ch.Add("intro", old.Intro, p.Intro)
		ch.Add("competences_intro", old.CompetencesIntro, p.CompetencesIntro)
		changed(&ch, "competences", !slices.Equal(old.Competences, p.Competences))
		ch.Add("background", old.Background, p.Background)
		ch.Add("partner_note", old.PartnerNote, p.PartnerNote)
		ch.Add("contact_note", old.ContactNote, p.ContactNote)
		changed(&ch, "consultant", old.ConsultantID != p.ConsultantID)
		changed(&ch, "status", old.Status != p.Status)
		same := len(oldModules) == len(modules)
		for i := 0; same && i < len(modules); i++ {
			o, m := oldModules[i], modules[i]
			same = o.CourseID == m.CourseID && o.Role == m.Role && o.AudienceNote == m.AudienceNote
		}
		changed(&ch, "modules", !same)
		if _, err := tx.Exec(ctx, `
			UPDATE programmes SET slug = $2, title = $3, teaser = $4, intro = $5, competences_intro = $6, competences = $7,
				background = $8, partner_note = $9, contact_note = $10, consultant_id = NULLIF($11, 0), status = $12,
				version = version + 1, updated_at = $13
			WHERE id = $1`,
			p.ID, p.Slug, p.Title, p.Teaser, p.Intro, p.CompetencesIntro, nonNil(p.Competences), p.Background,
			p.PartnerNote, p.ContactNote, p.ConsultantID, p.Status, now); err != nil {
			return duplicate(err)
		}
		if err := setModules(ctx, tx, p.ID, modules); err != nil {
			return err
		}
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "programme", EntityID: p.ID, Action: "update", Changes: ch}, now)
	})
}

// DeleteProgramme deletes a programme without modules; otherwise ErrInUse:
// a programme's modules are removed on purpose first, so a slip never
// takes a published programme with its structure.
func (s *Store) DeleteProgramme(ctx context.Context, staffID, id int64, now time.Time) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT (SELECT count(*) FROM programme_modules m WHERE m.programme_id = p.id)
			FROM programmes p WHERE p.id = $1 FOR UPDATE`, id).Scan(&n); err != nil {
			return notFound(err)
		}
		if n > 0 {
			return ErrInUse
		}
		// Recorded first, while the programme can still be named.
		if err := Audit(ctx, tx, staffID, "programme", id, "delete", nil, now); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `DELETE FROM programmes WHERE id = $1`, id)
		return duplicate(err)
	})
}
