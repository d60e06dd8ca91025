package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"
)

// StaffUserRow is a staff user in the user editor, with the row's version.
type StaffUserRow struct {
	StaffUser
	Version int
}

func scanStaffRow(row pgx.Row) (StaffUserRow, error) {
	var u StaffUserRow
	err := row.Scan(&u.ID, &u.Email, &u.Name, &u.Role, &u.PasswordHash, &u.CreatedAt, &u.Disabled, &u.Version)
	return u, notFound(err)
}

// StaffUserRowByID loads a staff user for the user editor.
func (s *Store) StaffUserRowByID(ctx context.Context, id int64) (StaffUserRow, error) {
	return scanStaffRow(s.Pool.QueryRow(ctx, `SELECT `+staffColumns+`, version FROM staff_users WHERE id = $1`, id))
}

// AddStaffUser creates a staff user on behalf of an administrator and
// audits it; a taken e-mail is ErrStaffExists.
func (s *Store) AddStaffUser(ctx context.Context, byID int64, u StaffUser, now time.Time) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO staff_users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id`,
			u.Email, u.Name, u.Role, u.PasswordHash).Scan(&id)
		if duplicate(err) == ErrDuplicate {
			return ErrStaffExists
		} else if err != nil {
			return err
		}
		return Audit(ctx, tx, byID, "staff_user", id, "create", []string{"email", "name", "role", "password"}, now)
	})
	return id, err
}

// StaffUserUpdate is what the user editor changes: name, role and whether
// the account is disabled (a disabled user's sessions stop working at once,
// since every staff request loads the user).
type StaffUserUpdate struct {
	ID       int64
	Name     string
	Role     string
	Disabled bool
}

// UpdateStaffUser saves u if the row still has version; otherwise ErrConflict.
func (s *Store) UpdateStaffUser(ctx context.Context, byID int64, u StaffUserUpdate, version int, now time.Time) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanStaffRow(tx.QueryRow(ctx, `SELECT `+staffColumns+`, version FROM staff_users WHERE id = $1 FOR UPDATE`, u.ID))
		if err != nil {
			return err
		}
		if err := checkVersion(old.Version, version); err != nil {
			return err
		}
		var ch changes
		ch.Add("name", old.Name, u.Name)
		ch.Add("role", old.Role, u.Role)
		changed(&ch, "disabled", old.Disabled != u.Disabled)
		if _, err := tx.Exec(ctx, `UPDATE staff_users SET name = $2, role = $3, disabled = $4, version = version + 1 WHERE id = $1`,
			u.ID, u.Name, u.Role, u.Disabled); err != nil {
			return err
		}
		return Record(ctx, tx, audit.Entry{StaffID: byID, Entity: "staff_user", EntityID: u.ID, Action: "update", Changes: ch}, now)
	})
}
