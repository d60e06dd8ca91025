package store

import (
	"context"
	"crypto/rand"
	"time"

	"github.com/jackc/pgx/v5"
)

// Inquiry kinds.
const (
	InquiryQuestion = "question"
	InquiryContact  = "contact"
	InquiryInhouse  = "inhouse"
)

// Inquiry is a question, contact message or in-house request.
type Inquiry struct {
	ID           int64
	Kind         string
	CourseID     int64 // 0 when about no course
	ConsultantID int64 // 0 when for COK in general
	Name         string
	Email        string
	Phone        string
	Organisation string
	Participants int // in-house requests; 0 when not given
	Period       string
	Place        string
	Message      string
	PageURL      string
	ClientAddr   string
	State        string
	CreatedAt    time.Time
}

// InsertInquiry stores an inquiry and returns it with its id, state and
// time.
func InsertInquiry(ctx context.Context, tx pgx.Tx, in Inquiry, now time.Time) (Inquiry, error) {
	err := tx.QueryRow(ctx, `
		INSERT INTO inquiries (kind, course_id, consultant_id, name, email, phone, organisation, participants,
			period, place, message, page_url, client_addr, created_at)
		VALUES ($1, nullif($2, 0), nullif($3, 0), $4, $5, $6, $7, nullif($8, 0), $9, $10, $11, $12, $13, $14)
		RETURNING id, state, created_at`,
		in.Kind, in.CourseID, in.ConsultantID, in.Name, in.Email, in.Phone, in.Organisation, in.Participants,
		in.Period, in.Place, in.Message, in.PageURL, in.ClientAddr, now).Scan(&in.ID, &in.State, &in.CreatedAt)
	return in, err
}

// Hit counts one event for key in the current fixed window and returns the
// count so far, shared by every server process. db is the caller's
// transaction, so that a rolled-back change counts nothing.
func Hit(ctx context.Context, db DB, key string, window time.Duration, now time.Time) (int, error) {
	start := now.Truncate(window)
	var n int
	err := db.QueryRow(ctx, `
		INSERT INTO rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
		ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1
		RETURNING hits`, key, start).Scan(&n)
	return n, err
}

// AppKey returns the shared key called name, creating it on first use, so
// that every server process signs and checks with the same key.
func (s *Store) AppKey(ctx context.Context, name string) ([]byte, error) {
	fresh := make([]byte, 32)
	rand.Read(fresh)
	var key []byte
	err := s.Pool.QueryRow(ctx, `
		WITH ins AS (INSERT INTO app_keys (name, key) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING key)
		SELECT key FROM ins UNION ALL SELECT key FROM app_keys WHERE name = $1 LIMIT 1`, name, fresh).Scan(&key)
	return key, err
}

// PruneRateLimits deletes counters of windows that ended before before.
func (s *Store) PruneRateLimits(ctx context.Context, before time.Time) error {
	_, err := s.Pool.Exec(ctx, `DELETE FROM rate_limits WHERE window_start < $1`, before)
	return err
}

// UseFormStamp records in tx that the form stamp with stampHash was used;
// false when it had been used before.
func UseFormStamp(ctx context.Context, tx DB, stampHash []byte, now time.Time) (bool, error) {
	tag, err := tx.Exec(ctx, `INSERT INTO used_form_stamps (stamp_hash, used_at) VALUES ($1, $2) ON CONFLICT DO NOTHING`, stampHash, now)
	return tag.RowsAffected() == 1, err
}
