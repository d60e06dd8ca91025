package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/audit"

	"kursuskatalog/internal/catalog"
)

// TopicRow is a topic in the staff editor with its version and how many
// courses carry it.
type TopicRow struct {
	catalog.Topic
	Version int
	Courses int
}

const topicRowColumns = `t.id, t.slug, t.name, t.version,
	(SELECT count(*) FROM course_topics x WHERE x.topic_id = t.id)`

func scanTopicRow(row pgx.Row) (TopicRow, error) {
	var t TopicRow
	err := row.Scan(&t.ID, &t.Slug, &t.Name, &t.Version, &t.Courses)
	return t, notFound(err)
}

// TopicRows lists every topic by name.
func (s *Store) TopicRows(ctx context.Context) ([]TopicRow, error) {
	rows, err := s.Pool.Query(ctx, `SELECT `+topicRowColumns+` FROM topics t ORDER BY lower(t.name)`)
	return scanAll(rows, err, func(r pgx.Rows) (TopicRow, error) { return scanTopicRow(r) })
}

// TopicRowByID loads one topic for its form.
func (s *Store) TopicRowByID(ctx context.Context, id int64) (TopicRow, error) {
	return scanTopicRow(s.Pool.QueryRow(ctx, `SELECT `+topicRowColumns+` FROM topics t WHERE t.id = $1`, id))
}

// CreateTopic adds a topic and audits it.
func (s *Store) CreateTopic(ctx context.Context, staffID int64, t catalog.Topic, now time.Time) (int64, error) {
	var id int64
	err := s.inTx(ctx, func(tx pgx.Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO topics (slug, name) VALUES ($1, $2) RETURNING id`, t.Slug, t.Name).Scan(&id); err != nil {
			return duplicate(err)
		}
		return Audit(ctx, tx, staffID, "topic", id, "create", []string{"name", "slug"}, now)
	})
	return id, err
}

// UpdateTopic saves t if its row still has version; otherwise ErrConflict.
func (s *Store) UpdateTopic(ctx context.Context, staffID int64, t catalog.Topic, version int, now time.Time) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanTopicRow(tx.QueryRow(ctx, `SELECT `+topicRowColumns+` FROM topics t WHERE t.id = $1 FOR UPDATE`, t.ID))
		if err != nil {
			return err
		}
		if err := checkVersion(old.Version, version); err != nil {
			return err
		}
		var ch changes
		ch.Add("name", old.Name, t.Name)
		ch.Add("slug", old.Slug, t.Slug)
		if _, err := tx.Exec(ctx, `UPDATE topics SET slug = $2, name = $3, version = version + 1 WHERE id = $1`,
			t.ID, t.Slug, t.Name); err != nil {
			return duplicate(err)
		}
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "topic", EntityID: t.ID, Action: "update", Changes: ch}, now)
	})
}

// DeleteTopic deletes a topic no course carries; otherwise ErrInUse.
func (s *Store) DeleteTopic(ctx context.Context, staffID, id int64, now time.Time) error {
	return s.inTx(ctx, func(tx pgx.Tx) error {
		old, err := scanTopicRow(tx.QueryRow(ctx, `SELECT `+topicRowColumns+` FROM topics t WHERE t.id = $1 FOR UPDATE`, id))
		if err != nil {
			return err
		}
		if old.Courses > 0 {
			return ErrInUse
		}
		if _, err := tx.Exec(ctx, `DELETE FROM topics WHERE id = $1`, id); err != nil {
			return duplicate(err)
		}
		return Record(ctx, tx, audit.Entry{StaffID: staffID, Entity: "topic", EntityID: id, Action: "delete", Label: old.Name}, now)
	})
}
