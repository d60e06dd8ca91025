package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"

	"kursuskatalog/internal/catalog"
)

// ConsultantRow is a consultant in the staff editor with its version and
// how many courses and programmes name them.
type ConsultantRow struct {
	catalog.Consultant
	Version int
	Uses    int
}

const consultantRowColumns = `c.id, c.name, c.job_title, c.phone, c.email, c.version,
	(SELECT count(*) FROM courses x WHERE x.consultant_id = c.id) + (SELECT count(*) FROM programmes x WHERE x.consultant_id = c.id)`

func scanConsultantRow(row pgx.Row) (ConsultantRow, error) {
	var c ConsultantRow
	err := row.Scan(&c.ID, &c.Name, &c.JobTitle, &c.Phone, &c.Email, &c.Version, &c.Uses)
	return c, notFound(err)
}

// ConsultantRows lists every consultant by name.
func (s *Store) ConsultantRows(ctx context.Context) ([]ConsultantRow, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+consultantRowColumns+` FROM consultants c ORDER BY lower(c.name), c.email`)
	return scanAll(rows, err, func(r pgx.Rows) (ConsultantRow, error) { return scanConsultantRow(r) })
}

// ConsultantRowByID loads one consultant for its form.
func (s *Store) ConsultantRowByID(ctx context.Context, id int64) (ConsultantRow, error) {
	return scanConsultantRow(s.Pool.QueryRow(ctx, `SELECT `+consultantRowColumns+` FROM consultants c WHERE c.id = $1`, id))
}

// CreateConsultant adds a consultant and audits it.
func (s *Store) CreateConsultant(ctx context.Context, staffID int64, c catalog.Consultant, now time.Time) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO consultants (name, job_title, phone, email) VALUES ($1, $2, $3, $4) RETURNING id`,
			c.Name, c.JobTitle, c.Phone, c.Email).Scan(&id)
		if err != nil {
			return duplicate(err)
		}
		return Audit(ctx, tx, staffID, "consultant", id, "create", []string{"name", "job_title", "phone", "email"}, now)
	})
	return id, err
}

// UpdateConsultant saves c if its row still has version; otherwise ErrConflict.
func (s *Store) UpdateConsultant(ctx context.Context, staffID int64, c catalog.Consultant, version int, now time.Time) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanConsultantRow(tx.QueryRow(ctx, `SELECT `+consultantRowColumns+` FROM consultants c WHERE c.id = $1 FOR UPDATE`, c.ID))
		if err != nil {
			return err
		}
		if err := checkVersion(old.Version, version); err != nil {
			return err
		}
		var ch changes
		ch.Add("name", old.Name, c.Name)
		ch.Add("job_title", old.JobTitle, c.JobTitle)
		ch.Add("phone", old.Phone, c.Phone)
		ch.Add("email", old.Email, c.Email)
		if _, err := tx.Exec(ctx, `
			UPDATE consultants SET name = $2, job_title = $3, phone = $4, email = $5, version = version + 1
			WHERE id = $1`, c.ID, c.Name, c.JobTitle, c.Phone, c.Email); err != nil {
			return duplicate(err)
		}
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "consultant", EntityID: c.ID, Action: "update", Changes: ch}, now)
	})
}

// DeleteConsultant deletes a consultant no course or programme names;
// otherwise ErrInUse. Inquiries addressed to them keep their text and lose
// the link (ON DELETE SET NULL).
func (s *Store) DeleteConsultant(ctx context.Context, staffID, id int64, now time.Time) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanConsultantRow(tx.QueryRow(ctx, `SELECT `+consultantRowColumns+` FROM consultants c WHERE c.id = $1 FOR UPDATE`, id))
		if err != nil {
			return err
		}
		if old.Uses > 0 {
			return ErrInUse
		}
		if _, err := tx.Exec(ctx, `DELETE FROM consultants WHERE id = $1`, id); err != nil {
			return duplicate(err)
		}
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "consultant", EntityID: id, Action: "delete", Label: old.Name}, now)
	})
}
