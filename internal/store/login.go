package store

import (
	"context"
	"crypto/sha256"
	"errors"
	"time"

	"github.com/jackc/pgx/v5"
)

// keyHash bounds a throttle key, whatever was typed into it, to 32 bytes.
func keyHash(key string) []byte {
	h := sha256.Sum256([]byte(key))
	return h[:]
}

// TakeLoginAttempt takes a try for key at now, in one statement, so that
// tries made at the same moment are counted one after another. A key whose
// last try is older than quiet starts counting again. delays[n-1] is the
// wait after the nth try (the last one for every try after). It returns ok
// false, and when the next try may come, if key must wait still; such a
// refused try changes nothing.
func (s *Store) TakeLoginAttempt(ctx context.Context, key string, now time.Time, quiet time.Duration, delays []time.Duration) (ok bool, next time.Time, err error) {
	secs := make([]float64, len(delays))
	for i, d := range delays {
		secs[i] = d.Seconds()
	}
	var n int
	// A try is taken when the key may try now or has been quiet since
	// $3; attempts starts again at 1 after a quiet spell.
	err = s.Pool.QueryRow(ctx, `
		INSERT INTO login_throttle AS t (key_hash, attempts, next_at, last_at)
		VALUES ($1, 1, $2::timestamptz + make_interval(secs => ($4::float8[])[1]), $2)
		ON CONFLICT (key_hash) DO UPDATE SET
			attempts = CASE WHEN t.last_at < $3::timestamptz THEN 1 ELSE t.attempts + 1 END,
			next_at = $2::timestamptz + make_interval(secs => ($4::float8[])[
				least(CASE WHEN t.last_at < $3::timestamptz THEN 1 ELSE t.attempts + 1 END, cardinality($4::float8[]))]),
			last_at = $2
		WHERE t.next_at <= $2 OR t.last_at < $3
		RETURNING attempts`, keyHash(key), now, now.Add(-quiet), secs).Scan(&n)
	if err == nil {
		return true, now, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return false, time.Time{}, err
	}
	err = s.Pool.QueryRow(ctx, `SELECT next_at FROM login_throttle WHERE key_hash = $1`, keyHash(key)).Scan(&next)
	if errors.Is(err, pgx.ErrNoRows) {
		return true, now, nil // cleared meanwhile
	}
	return false, next, err
}

// ClearLoginAttempts forgets the tries of keys (after a login succeeded).
func (s *Store) ClearLoginAttempts(ctx context.Context, keys ...string) error {
	hashes := make([][]byte, len(keys))
	for i, k := range keys {
		hashes[i] = keyHash(k)
	}
	_, err := s.Pool.Exec(ctx, `DELETE FROM login_throttle WHERE key_hash = ANY($1)`, hashes)
	return err
}

// UpdatePasswordHash replaces the password hash of staff user id, if it is
// still old (a login made with other parameters stores a new one).
func (s *Store) UpdatePasswordHash(ctx context.Context, id int64, old, hash string) error {
	_, err := s.Pool.Exec(ctx, `UPDATE staff_users SET password_hash = $3 WHERE id = $1 AND password_hash = $2`, id, old, hash)
	return err
}

// InsertLoginLink keeps the hash of a login link's token for staff user
// userID until expires.
func InsertLoginLink(ctx context.Context, tx DB, tokenHash []byte, userID int64, now, expires time.Time) error {
	_, err := tx.Exec(ctx, `INSERT INTO login_links (token_hash, staff_user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)`,
		tokenHash, userID, now, expires)
	return err
}

// UseLoginLink spends the login link whose token has tokenHash, once, and
// returns its active staff user; ErrNotFound when it is unknown, used,
// expired or its user disabled.
func (s *Store) UseLoginLink(ctx context.Context, tokenHash []byte, now time.Time) (StaffUser, error) {
	return scanStaff(s.Pool.QueryRow(ctx, `
		WITH used AS (
			UPDATE login_links SET used_at = $2
			WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2
			RETURNING staff_user_id)
		SELECT `+staffColumns+` FROM staff_users WHERE id = (SELECT staff_user_id FROM used) AND NOT disabled`, tokenHash, now))
}

// LoginLinkValid says whether the login link with tokenHash can still be
// used, without spending it.
func (s *Store) LoginLinkValid(ctx context.Context, tokenHash []byte, now time.Time) (bool, error) {
	var ok bool
	err := s.Pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM login_links WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2)`,
		tokenHash, now).Scan(&ok)
	return ok, err
}

// PruneLogins deletes throttle rows quiet since before, and login links and
// used form stamps older than before.
func (s *Store) PruneLogins(ctx context.Context, before time.Time) error {
	b := &pgx.Batch{}
	b.Queue(`DELETE FROM login_throttle WHERE last_at < $1 AND next_at < $1`, before)
	b.Queue(`DELETE FROM login_links WHERE expires_at < $1`, before)
	b.Queue(`DELETE FROM used_form_stamps WHERE used_at < $1`, before)
	return s.Pool.SendBatch(ctx, b).Close()
}
