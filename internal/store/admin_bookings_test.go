package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// Staff's booking search reads what it shows when words nearly every
// booking holds are searched for: the newest bookings, until the page is
// full. Before, it read every booking and participant for any words (9.4 s
// with 960,000 participants). The search shows every participant of a
// booking that matches.
func TestBookingSearchReadsWhatItShows(t *testing.T) {
	st, _ := testdb.Store(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if _, err := demo.Load(ctx, st, now, 0); err != nil {
		t.Fatal(err)
	}
	if _, err := store.GenerateCourses(ctx, st.Pool, 500, now); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Pool.Exec(ctx, `ANALYZE`); err != nil {
		t.Fatal(err)
	}
	var participants int
	var email string
	st.Pool.QueryRow(ctx, `SELECT count(*), min(email) FROM participants`).Scan(&participants, &email)

	c, err := st.Pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Release()
	// plan explains the search with the words in the SQL, as the store
	// sends them.
	plan := func(q string) planReads {
		t.Helper()
		return explain(t, c.Conn(), strings.NewReplacer("$1", "'%"+strings.ReplaceAll(q, "'", "''")+"%'", "$2", "200").
			Replace(store.SearchBookingsSQL))
	}
	// Words every booking holds: the newest bookings, until 200 are found
	// on each side, and their participants.
	if read := plan("demo-kommune").rows; read["participants"] > 1000 || read["bookings"] > 1000 {
		t.Errorf("words every booking holds read %.0f participants and %.0f bookings of %d participants",
			read["participants"], read["bookings"], participants)
	}

	hits, err := st.SearchBookings(ctx, email, 200)
	if err != nil || len(hits) == 0 || !slices.ContainsFunc(hits, func(h booking.SearchHit) bool { return h.Email == email }) {
		t.Errorf("search for %s: %+v, %v", email, hits, err)
	}
}
