package store_test

import (
	"context"
	"testing"

	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

func tableCount(t *testing.T, url string) int {
	t.Helper()
	st, err := store.Open(context.Background(), url, 2)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var n int
	if err := st.Pool.QueryRow(context.Background(),
		`SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// Every migration must come back down cleanly and go up again.
func TestMigrationsUpDownUp(t *testing.T) {
	url := testdb.Empty(t)
	mg, err := store.NewMigrator(url)
	if err != nil {
		t.Fatal(err)
	}
	defer mg.Close()

	if err := mg.Up(); err != nil {
		t.Fatalf("up: %v", err)
	}
	v, dirty, err := mg.Version()
	if err != nil || dirty || v == 0 {
		t.Fatalf("after up: version %d dirty %v err %v", v, dirty, err)
	}
	up := tableCount(t, url)
	if up < 10 {
		t.Fatalf("after up only %d tables", up)
	}

	if err := mg.Down(0); err != nil {
		t.Fatalf("down: %v", err)
	}
	if n := tableCount(t, url); n != 0 {
		t.Fatalf("after down %d tables remain", n)
	}
	if err := mg.Up(); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if n := tableCount(t, url); n != up {
		t.Fatalf("up again gives %d tables, first up gave %d", n, up)
	}
}

// Constraints hold in the database, not only in Go.
func TestCatalogConstraints(t *testing.T) {
	st, _ := testdb.Store(t)
	ctx := context.Background()
	mustFail := func(name, sql string, args ...any) {
		t.Helper()
		if _, err := st.Pool.Exec(ctx, sql, args...); err == nil {
			t.Errorf("%s: the database accepted it", name)
		}
	}
	var venue, course int64
	if err := st.Pool.QueryRow(ctx, `INSERT INTO venues (name, street, postcode, city, region) VALUES ('Hotel', 'Vej 1', '5000', 'Odense C', 'syddanmark') RETURNING id`).Scan(&venue); err != nil {
		t.Fatal(err)
	}
	if err := st.Pool.QueryRow(ctx, `INSERT INTO courses (slug, title, price_ore) VALUES ('kursus', 'Kursus', 100) RETURNING id`).Scan(&course); err != nil {
		t.Fatal(err)
	}
	mustFail("negative price", `INSERT INTO courses (slug, title, price_ore) VALUES ('negativ', 'Negativ', -1)`)
	mustFail("duplicate slug", `INSERT INTO courses (slug, title, price_ore) VALUES ('kursus', 'Igen', 1)`)
	mustFail("slug with capitals", `INSERT INTO courses (slug, title, price_ore) VALUES ('Kursus', 'X', 1)`)
	mustFail("end before start", `INSERT INTO course_dates (course_id, venue_id, starts_at, ends_at, deadline, capacity) VALUES ($1, $2, '2027-03-04 10:00+01', '2027-03-03 10:00+01', '2027-01-25', 30)`, course, venue)
	mustFail("overbooked", `INSERT INTO course_dates (course_id, venue_id, starts_at, ends_at, deadline, capacity, seats_taken) VALUES ($1, $2, '2027-03-03 08:45+01', '2027-03-04 15:00+01', '2027-01-25', 30, 31)`, course, venue)
	mustFail("unknown course", `INSERT INTO course_dates (course_id, venue_id, starts_at, ends_at, deadline, capacity) VALUES (999999, $1, '2027-03-03 08:45+01', '2027-03-04 15:00+01', '2027-01-25', 30)`, venue)
	mustFail("negative bundle price", `INSERT INTO bundle_offers (title, price_ore, last_day) VALUES ('x', -5, '2027-01-25')`)
	if _, err := st.Pool.Exec(ctx, `INSERT INTO programmes (slug, title) VALUES ('p', 'P')`); err != nil {
		t.Fatal(err)
	}
	mustFail("unknown module role", `INSERT INTO programme_modules (programme_id, course_id, position, role) SELECT id, $1, 1, 'extra' FROM programmes`, course)
}
