package store

import (
	"context"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/catalog"
)

// SaveCourseImage sets a course's picture (its alt text and sizes),
// replacing any before it, and records who did it. A course that does not
// exist is ErrNotFound.
func (s *Store) SaveCourseImage(ctx context.Context, courseID int64, alt, hash string, sizes []catalog.ImageSize, staffID int64, now time.Time) error {
	return s.InTx(ctx, func(tx pgx.Tx) error {
		var id int64
		if err := tx.QueryRow(ctx, `SELECT id FROM courses WHERE id = $1 FOR UPDATE`, courseID).Scan(&id); err != nil {
			return notFound(err)
		}
		if err := PutCourseImage(ctx, tx, courseID, alt, hash, sizes, now); err != nil {
			return err
		}
		return Audit(ctx, tx, staffID, "course", courseID, "image", []string{"image", "image_alt"}, now)
	})
}

// PutCourseImage writes a course's picture in db (a transaction).
func PutCourseImage(ctx context.Context, db DB, courseID int64, alt, hash string, sizes []catalog.ImageSize, now time.Time) error {
	if _, err := db.Exec(ctx, `
		INSERT INTO course_images (course_id, alt, hash, updated_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (course_id) DO UPDATE SET alt = excluded.alt, hash = excluded.hash, updated_at = excluded.updated_at`,
		courseID, alt, hash, now); err != nil {
		return err
	}
	if _, err := db.Exec(ctx, `DELETE FROM course_image_sizes WHERE course_id = $1`, courseID); err != nil {
		return err
	}
	b := &pgx.Batch{}
	for _, sz := range sizes {
		b.Queue(`INSERT INTO course_image_sizes (course_id, name, width, height, data) VALUES ($1, $2, $3, $4, $5)`,
			courseID, sz.Name, sz.Width, sz.Height, sz.Data)
	}
	return db.SendBatch(ctx, b).Close()
}

// SaveCourseImageAlt changes only the alt text of a course's picture.
func (s *Store) SaveCourseImageAlt(ctx context.Context, courseID int64, alt string, staffID int64, now time.Time) error {
	return s.InTx(ctx, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE course_images SET alt = $2, updated_at = $3 WHERE course_id = $1`, courseID, alt, now)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return ErrNotFound
		}
		return Audit(ctx, tx, staffID, "course", courseID, "image", []string{"image_alt"}, now)
	})
}

// DeleteCourseImage removes a course's picture.
func (s *Store) DeleteCourseImage(ctx context.Context, courseID int64, staffID int64, now time.Time) error {
	return s.InTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM course_images WHERE course_id = $1`, courseID); err != nil {
			return err
		}
		return Audit(ctx, tx, staffID, "course", courseID, "image_delete", []string{"image"}, now)
	})
}

// CourseImages returns the pictures of the courses that have one.
func (s *Store) CourseImages(ctx context.Context, courseIDs []int64) (map[int64]catalog.Image, error) {
	out := map[int64]catalog.Image{}
	if len(courseIDs) == 0 {
		return out, nil
	}
	rows, err := s.Pool.Query(ctx, `SELECT course_id, alt, hash FROM course_images WHERE course_id = ANY($1)`, courseIDs)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var im catalog.Image
		if err := rows.Scan(&im.CourseID, &im.Alt, &im.Hash); err != nil {
			return nil, err
		}
		out[im.CourseID] = im
	}
	return out, rows.Err()
}

// CourseImageFile returns one size of a course's picture, when hash is its
// current version; otherwise ErrNotFound.
func (s *Store) CourseImageFile(ctx context.Context, courseID int64, hash, size string) ([]byte, error) {
	var data []byte
	err := s.Pool.QueryRow(ctx, `
		SELECT z.data FROM course_image_sizes z JOIN course_images i ON i.course_id = z.course_id
		WHERE z.course_id = $1 AND z.name = $2 AND i.hash = $3`, courseID, size, hash).Scan(&data)
	return data, notFound(err)
}

// CourseImage is the picture of one course, nil when it has none.
func (s *Store) CourseImage(ctx context.Context, courseID int64) (*catalog.Image, error) {
	imgs, err := s.CourseImages(ctx, []int64{courseID})
	if err != nil {
		return nil, err
	}
	if im, ok := imgs[courseID]; ok {
		return &im, nil
	}
	return nil, nil
}
