package demo

import (
	"context"
	"fmt"

	"kursuskatalog/internal/images"
	"kursuskatalog/internal/store"
)

// images gives every demo course without a picture one drawn from its
// first topic (images.Pattern): made from data, not downloaded, and stored
// as staff uploads are. Courses of one topic share their topic's picture.
func (l *loader) images(ctx context.Context) error {
	slugs := []string{politiskForstaaelse.Slug, politiskFormidling.Slug}
	for _, c := range courses {
		slugs = append(slugs, c.Slug)
	}
	rows, err := l.tx.Query(ctx, `
		SELECT c.id, t.slug, t.name FROM courses c
		JOIN LATERAL (
			SELECT t.slug, t.name FROM course_topics ct JOIN topics t ON t.id = ct.topic_id
			WHERE ct.course_id = c.id ORDER BY t.slug LIMIT 1) t ON true
		WHERE c.slug = ANY($1) AND NOT EXISTS (SELECT 1 FROM course_images i WHERE i.course_id = c.id)`, slugs)
	if err != nil {
		return err
	}
	type todo struct {
		id         int64
		slug, name string
	}
	var list []todo
	for rows.Next() {
		var t todo
		if err := rows.Scan(&t.id, &t.slug, &t.name); err != nil {
			rows.Close()
			return err
		}
		list = append(list, t)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, t := range list {
		sizes, hash, err := images.Pattern(t.slug)
		if err != nil {
			return fmt.Errorf("picture for %s: %w", t.slug, err)
		}
		alt := "Mønster af cirkler i farverne for emnet " + t.name
		if err := store.PutCourseImage(ctx, l.tx, t.id, alt, hash, sizes, l.now); err != nil {
			return err
		}
	}
	return nil
}
