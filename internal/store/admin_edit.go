package store

import (
	"context"
	"errors"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"kursuskatalog/internal/audit"
)

// Errors of the staff editors.
var (
	// ErrConflict means the row was changed (its version bumped) since the
	// form was opened; the save is refused rather than losing that change.
	ErrConflict = errors.New("store: changed by someone else")
	// ErrInUse means the row is referred to and cannot be deleted.
	ErrInUse = errors.New("store: in use")
	// ErrDuplicate means a unique name, e-mail or slug is taken.
	ErrDuplicate = errors.New("store: duplicate")
)

// duplicate turns a unique violation into ErrDuplicate, and a foreign key
// violation (a row referred to since the check before a delete) into ErrInUse.
func duplicate(err error) error {
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code {
		case "23505":
			return ErrDuplicate
		case "23503":
			return ErrInUse
		}
	}
	return err
}

// checkVersion compares the version a form was opened with to the row's,
// which the caller has locked (SELECT … FOR UPDATE) in the same transaction.
func checkVersion(have, want int) error {
	if have != want {
		return ErrConflict
	}
	return nil
}

// changes collects the fields a save changes, for the audit log.
type changes = audit.Changes

// changed records that name changed when differ, without its values.
func changed(c *changes, name string, differ bool) {
	if differ {
		*c = append(*c, audit.Change{Field: name})
	}
}

// inTx runs fn in a transaction of the pool.
func (s *Store) inTx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return pgx.BeginFunc(ctx, s.Pool, fn)
}

// scanAll reads every row with scan.
func scanAll[T any](rows pgx.Rows, err error, scan func(pgx.Rows) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}
