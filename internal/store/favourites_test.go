package store_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// Visitors not seen for 13 months lose their favourites; others keep them.
func TestIdleVisitorsAreDeleted(t *testing.T) {
	st, _ := testdb.Store(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if _, err := demo.Load(ctx, st, now, 0); err != nil {
		t.Fatal(err)
	}
	var course int64
	st.Pool.QueryRow(ctx, `SELECT id FROM courses WHERE slug = 'politisk-forstaaelse'`).Scan(&course)
	old := bytes.Repeat([]byte{1}, 32)
	recent := bytes.Repeat([]byte{2}, 32)
	if _, err := st.SaveFavourite(ctx, old, store.FavCourse, course, now.AddDate(0, -14, 0)); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveFavourite(ctx, recent, store.FavCourse, course, now.AddDate(0, -12, 0)); err != nil {
		t.Fatal(err)
	}
	n, err := st.DeleteIdleVisitors(ctx, now.AddDate(0, -13, 0))
	if err != nil || n != 1 {
		t.Fatalf("deleted %d (%v), want 1", n, err)
	}
	var left int
	st.Pool.QueryRow(ctx, `SELECT count(*) FROM favourites`).Scan(&left)
	if left != 1 {
		t.Fatalf("%d favourites left, want the recent visitor's 1", left)
	}
	// Reading the favourites marks the visitor as seen.
	if _, err := st.SavedBy(ctx, recent, now); err != nil {
		t.Fatal(err)
	}
	if n, _ := st.DeleteIdleVisitors(ctx, now.AddDate(0, -1, 0)); n != 0 {
		t.Fatalf("a visitor seen today was deleted")
	}
}
