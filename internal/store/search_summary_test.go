package store_test

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/enrolment"
	"kursuskatalog/internal/jobs"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// searchFilters are searches that between them take every way through the
// search statement: words, each date filter alone and together, topic,
// type, and every sort order.
var searchFilters = []catalog.Filter{
	{},
	{Q: "politikerne"},
	{Q: "ledelse"},
	{Q: "politsk"},
	{Q: "politikerne", Sort: catalog.SortDate},
	{Region: "syddanmark"},
	{Region: "midtjylland", FreeOnly: true},
	{FreeOnly: true},
	{Month: "2027-03"},
	{Month: "2027-05", Region: "syddanmark"},
	{Month: "2027-03", FreeOnly: true},
	{Topic: "jura"},
	{Topic: "ledelse", FreeOnly: true},
	{Type: catalog.TypeModule},
	{Type: catalog.TypeCourse, Q: "politikerne"},
	{Sort: catalog.SortPrice},
	{Sort: catalog.SortTitle, Page: 2},
	{Q: "kursus", Page: 2},
}

// searchAll runs every filter of searchFilters at now.
func searchAll(t *testing.T, st *store.Store, now time.Time) []catalog.SearchResult {
	t.Helper()
	var out []catalog.SearchResult
	for _, f := range searchFilters {
		if f.Sort == "" {
			f.Sort = catalog.SortDate
			if f.Q != "" {
				f.Sort = catalog.SortRelevance
			}
		}
		f.Page = max(f.Page, 1)
		res, err := st.Search(context.Background(), f, now)
		if err != nil {
			t.Fatalf("%+v: %v", f, err)
		}
		out = append(out, res)
	}
	return out
}

// sameSearches fails unless two runs of searchAll found the same.
func sameSearches(t *testing.T, what string, want, got []catalog.SearchResult) {
	t.Helper()
	for i := range want {
		if !reflect.DeepEqual(want[i], got[i]) {
			t.Errorf("%s, %+v:\n from the tables: %+v\n from the rows:   %+v", what, searchFilters[i], want[i], got[i])
		}
	}
}

// queryStrings runs sql and returns its one text column.
func queryStrings(t *testing.T, st *store.Store, sql string, args ...any) []string {
	t.Helper()
	rows, _ := st.Pool.Query(context.Background(), sql, args...)
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// noted returns the slugs of the courses whose search rows wait for a fold.
func noted(t *testing.T, st *store.Store) []string {
	t.Helper()
	return queryStrings(t, st, `SELECT DISTINCT c.slug FROM course_search_changed n JOIN courses c ON c.id = n.course_id ORDER BY 1`)
}

// foldAndCompare folds at now, then checks that nothing waits, that every
// kept row is the row the tables give, and that every search finds what
// it found from the tables (want).
func foldAndCompare(t *testing.T, st *store.Store, now time.Time, what string, want []catalog.SearchResult) {
	t.Helper()
	ctx := context.Background()
	if _, err := st.FoldSearch(ctx, now); err != nil {
		t.Fatal(err)
	}
	if n := noted(t, st); len(n) != 0 {
		t.Fatalf("%s: still noted after a fold: %v", what, n)
	}
	var differ int
	if err := st.Pool.QueryRow(ctx, `
		WITH fresh AS (SELECT * FROM course_search_rows(ARRAY(SELECT id FROM courses), $1))
		SELECT (SELECT count(*) FROM (TABLE course_search EXCEPT TABLE fresh) a)
		     + (SELECT count(*) FROM (TABLE fresh EXCEPT TABLE course_search) b)`,
		now.Add(-time.Minute)).Scan(&differ); err != nil {
		t.Fatal(err)
	}
	if differ != 0 {
		t.Errorf("%s: %d kept rows differ from the tables", what, differ)
	}
	sameSearches(t, what, want, searchAll(t, st, now))
}

// The rows the search reads follow every change that decides what a
// search finds: each change notes its courses (and a seat taken that is
// not the last notes none), every search finds the same before the fold
// (from the tables) and after it (from the kept rows), and the kept rows
// are the rows the tables give.
func TestSearchRowsFollowChanges(t *testing.T) {
	st := searchFixture(t)
	ctx := context.Background()
	foldAndCompare(t, st, searchNow, "the fixture", searchAll(t, st, searchNow))

	steps := []struct {
		name, sql string
		noted     []string
	}{
		{"words edited", `UPDATE courses SET description = 'Referat og dagsorden.' WHERE slug = 'gdpr-i-praksis'`, []string{"gdpr-i-praksis"}},
		{"title edited", `UPDATE courses SET title = 'Aaa mødeledelse' WHERE slug = 'moedeledelse'`, []string{"moedeledelse"}},
		{"price changed", `UPDATE courses SET price_ore = 99900 WHERE slug = 'politisk-forstaaelse'`, []string{"politisk-forstaaelse"}},
		{"an edit the search does not read", `UPDATE courses SET invoice_note = 'Faktura.' WHERE slug = 'politisk-forstaaelse'`, nil},
		{"topic added", `INSERT INTO course_topics SELECT c.id, t.id FROM courses c, topics t WHERE c.slug = 'gdpr-i-praksis' AND t.slug = 'politik'`, []string{"gdpr-i-praksis"}},
		{"topic removed", `DELETE FROM course_topics WHERE course_id = (SELECT id FROM courses WHERE slug = 'moedeledelse')`, []string{"moedeledelse"}},
		{"new date", `INSERT INTO course_dates (course_id, venue_id, starts_at, ends_at, deadline, capacity)
			SELECT c.id, v.id, '2027-06-10 09:00+02', '2027-06-10 15:00+02', '2027-05-01', 12 FROM courses c, venues v
			WHERE c.slug = 'modul' AND v.name = 'Hotel Aarhus'`, []string{"modul"}},
		{"date moved a month", `UPDATE course_dates SET starts_at = starts_at + interval '35 days', ends_at = ends_at + interval '35 days'
			WHERE course_id = (SELECT id FROM courses WHERE slug = 'politisk-forstaaelse')`, []string{"politisk-forstaaelse"}},
		{"date moved to another venue", `UPDATE course_dates SET venue_id = (SELECT id FROM venues WHERE name = 'Hotel Odense')
			WHERE course_id = (SELECT id FROM courses WHERE slug = 'gdpr-i-praksis') AND starts_at > '2027-01-01'`, []string{"gdpr-i-praksis"}},
		{"a seat taken, not the last", `UPDATE course_dates SET seats_taken = seats_taken + 1
			WHERE course_id = (SELECT id FROM courses WHERE slug = 'politisk-forstaaelse')`, nil},
		{"the last seat taken", `UPDATE course_dates SET seats_taken = capacity
			WHERE course_id = (SELECT id FROM courses WHERE slug = 'politisk-forstaaelse')`, []string{"politisk-forstaaelse"}},
		{"a seat freed", `UPDATE course_dates SET seats_taken = capacity - 1
			WHERE course_id = (SELECT id FROM courses WHERE slug = 'politisk-forstaaelse')`, []string{"politisk-forstaaelse"}},
		{"more seats on a full date", `UPDATE course_dates SET capacity = capacity + 5
			WHERE course_id = (SELECT id FROM courses WHERE slug = 'moedeledelse') AND seats_taken = capacity`, []string{"moedeledelse"}},
		{"date cancelled", `UPDATE course_dates SET status = 'cancelled', seats_taken = 0
			WHERE course_id = (SELECT id FROM courses WHERE slug = 'moedeledelse') AND starts_at < '2027-04-01'`, []string{"moedeledelse"}},
		{"date deleted", `DELETE FROM course_dates WHERE course_id = (SELECT id FROM courses WHERE slug = 'modul')`, []string{"modul"}},
		{"venue moved to another region", `UPDATE venues SET region = 'nordjylland' WHERE name = 'Hotel Aarhus'`, []string{"moedeledelse"}},
		{"programme unpublished", `UPDATE programmes SET status = 'draft'`, []string{"modul"}},
		{"module added", `INSERT INTO programme_modules (programme_id, course_id, position, role)
			SELECT p.id, c.id, 2, 'special' FROM programmes p, courses c WHERE c.slug = 'gdpr-i-praksis'`, []string{"gdpr-i-praksis"}},
		{"programme published", `UPDATE programmes SET status = 'published'`, []string{"gdpr-i-praksis", "modul"}},
		{"course unpublished", `UPDATE courses SET status = 'draft' WHERE slug = 'politisk-forstaaelse'`, []string{"politisk-forstaaelse"}},
		{"draft published", `UPDATE courses SET status = 'published' WHERE slug = 'kladde'`, []string{"kladde"}},
	}
	for _, s := range steps {
		if _, err := st.Pool.Exec(ctx, s.sql); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := noted(t, st); !slices.Equal(got, s.noted) {
			t.Errorf("%s: noted %v, want %v", s.name, got, s.noted)
		}
		// Searches read the tables for the noted courses, the kept rows
		// for the others; after the fold, the kept rows for all.
		foldAndCompare(t, st, searchNow, s.name, searchAll(t, st, searchNow))
	}
	var rows int
	if err := st.Pool.QueryRow(ctx, `SELECT count(*) FROM course_search WHERE course_id = (SELECT id FROM courses WHERE slug = 'politisk-forstaaelse')`).Scan(&rows); err != nil || rows != 0 {
		t.Errorf("an unpublished course keeps %d rows (%v)", rows, err)
	}
}

// Kept rows and rows from the tables give the same searches on a larger
// catalogue, also once dates have started since the rows were made: a
// course whose first date has started is read from the tables.
func TestSearchRowsAgreeWithTables(t *testing.T) {
	st := searchFixture(t)
	ctx := context.Background()
	if _, err := store.GenerateCourses(ctx, st.Pool, 60, searchNow); err != nil {
		t.Fatal(err)
	}
	for _, now := range []time.Time{searchNow, searchNow.AddDate(0, 1, 3), time.Date(2027, 3, 10, 9, 30, 0, 0, catalog.Copenhagen)} {
		// Noting every course makes the search read them all from the tables.
		if _, err := st.Pool.Exec(ctx, `INSERT INTO course_search_changed SELECT id FROM courses`); err != nil {
			t.Fatal(err)
		}
		fromTables := searchAll(t, st, now)
		if _, err := st.FoldSearch(ctx, searchNow); err != nil {
			t.Fatal(err)
		}
		sameSearches(t, "at "+now.Format(time.DateTime), fromTables, searchAll(t, st, now))
	}
}

// The migration's months and regions are the Go code's.
func TestSearchRowsMonthsAndRegions(t *testing.T) {
	st := searchFixture(t)
	ctx := context.Background()
	for _, at := range []time.Time{
		time.Date(2026, 12, 31, 23, 30, 0, 0, catalog.Copenhagen),
		time.Date(2027, 1, 1, 0, 0, 0, 0, catalog.Copenhagen),
		time.Date(2027, 3, 28, 2, 30, 0, 0, time.UTC),
		time.Date(2027, 10, 31, 23, 59, 0, 0, catalog.Copenhagen),
	} {
		var m int
		if err := st.Pool.QueryRow(ctx, `SELECT copenhagen_month($1)`, at).Scan(&m); err != nil {
			t.Fatal(err)
		}
		y, mo, _ := at.In(catalog.Copenhagen).Date()
		if want := y*12 + int(mo) - 1; m != want {
			t.Errorf("copenhagen_month(%v) = %d, want %d", at, m, want)
		}
	}
	for i, r := range catalog.Regions {
		var n int
		if err := st.Pool.QueryRow(ctx, `SELECT region_no($1)`, r.Slug).Scan(&n); err != nil || n != i+1 {
			t.Errorf("region_no(%s) = %d (%v), want %d", r.Slug, n, err, i+1)
		}
	}
}

// A booking notes its course only when it takes a date's last seat: the
// others pass the trigger's WHEN and write nothing for the search.
func TestSearchRowsNotedOnlyByTheLastSeat(t *testing.T) {
	st, _ := testdb.Store(t)
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	ctx := context.Background()
	if _, err := demo.Load(ctx, st, now, 0); err != nil {
		t.Fatal(err)
	}
	var small int64 // an upcoming date with two free seats
	if err := st.Pool.QueryRow(ctx, `
		UPDATE course_dates SET seats_taken = 0, capacity = 2 WHERE id = (
			SELECT d.id FROM course_dates d JOIN courses c ON c.id = d.course_id AND c.status = 'published'
			WHERE d.status = 'planned' AND d.deadline > $1::date + 7
			AND NOT EXISTS (SELECT 1 FROM participants p WHERE p.date_id = d.id)
			ORDER BY d.id LIMIT 1)
		RETURNING id`, now).Scan(&small); err != nil {
		t.Fatal(err)
	}
	if _, err := st.FoldSearch(ctx, now); err != nil {
		t.Fatal(err)
	}
	queue, err := jobs.NewQueue(st.Pool)
	if err != nil {
		t.Fatal(err)
	}
	svc := enrolment.New(enrolment.Deps{Store: st, Queue: queue, BaseURL: "https://kurser.test", Now: func() time.Time { return now }})
	book := func(email string) {
		t.Helper()
		b := enrolment.Booking{FormToken: enrolment.NewToken(), Booker: booking.Booker{
			Name: "Mette Booker", Email: "mette@aarhus.dk", Phone: "87130000", OrgName: "Aarhus Kommune", EAN: "5798000416604"}}
		b.DateIDs = []int64{small}
		b.People = []booking.Person{{Name: "Deltager " + email, Email: email}}
		if res := svc.BookMany(ctx, []enrolment.Booking{b}); res[0].Err != nil {
			t.Fatal(res[0].Err)
		}
	}
	book("first@aarhus.dk")
	if n := noted(t, st); len(n) != 0 {
		t.Errorf("a booking that leaves a seat noted %v", n)
	}
	book("second@aarhus.dk")
	course := queryStrings(t, st, `SELECT c.slug FROM courses c JOIN course_dates d ON d.course_id = c.id WHERE d.id = $1`, small)
	if n := noted(t, st); !slices.Equal(n, course) {
		t.Errorf("the booking of the last seat noted %v, want %v", n, course)
	}
	foldAndCompare(t, st, now, "after the last seat", searchAll(t, st, now))
}
