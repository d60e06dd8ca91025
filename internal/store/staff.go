package store

import (
	"context"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// StaffUser is a COK employee who can log in to /admin.
type StaffUser struct {
	ID           int64
	Email        string
	Name         string
	Role         string
	PasswordHash string
	CreatedAt    time.Time
	Disabled     bool
}

// ErrStaffExists means a staff user with that e-mail address exists.
var ErrStaffExists = errors.New("store: staff user exists")

const staffColumns = `id, email, name, role, password_hash, created_at, disabled`

func scanStaff(row pgx.Row) (StaffUser, error) {
	var u StaffUser
	err := row.Scan(&u.ID, &u.Email, &u.Name, &u.Role, &u.PasswordHash, &u.CreatedAt, &u.Disabled)
	return u, notFound(err)
}

// CreateStaffUser adds a staff user; the e-mail is unique whatever its case.
func (s *Store) CreateStaffUser(ctx context.Context, u StaffUser) (StaffUser, error) {
	err := s.Pool.QueryRow(ctx, `
		INSERT INTO staff_users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
		RETURNING id, created_at`, u.Email, u.Name, u.Role, u.PasswordHash).Scan(&u.ID, &u.CreatedAt)
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.ConstraintName == "staff_users_email_key" {
		return u, ErrStaffExists
	}
	return u, err
}

// StaffUserByEmail finds a staff user by e-mail, in any case.
func (s *Store) StaffUserByEmail(ctx context.Context, email string) (StaffUser, error) {
	return scanStaff(s.Pool.QueryRow(ctx, `SELECT `+staffColumns+` FROM staff_users WHERE lower(email) = lower($1)`, email))
}

// StaffUserByID loads the user of a session.
func (s *Store) StaffUserByID(ctx context.Context, id int64) (StaffUser, error) {
	return scanStaff(s.Pool.QueryRow(ctx, `SELECT `+staffColumns+` FROM staff_users WHERE id = $1`, id))
}

// StaffUsers lists every staff user by name.
func (s *Store) StaffUsers(ctx context.Context) ([]StaffUser, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+staffColumns+` FROM staff_users ORDER BY lower(name), lower(email)`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []StaffUser
	for rows.Next() {
		u, err := scanStaff(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// PruneSessions deletes expired staff sessions (the daily clean-up does it,
// so that no server process runs its own sweeper).
func (s *Store) PruneSessions(ctx context.Context, now time.Time) error {
	_, err := s.Pool.Exec(ctx, `DELETE FROM sessions WHERE expiry < $1`, now)
	return err
}
