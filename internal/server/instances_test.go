package server_test

import (
	"context"
	"fmt"

	"net/http"
	"strings"
	"testing"
	"time"

	"kursuskatalog/internal/store"
	"kursuskatalog/internal/testdb"
)

// Two server processes on one database, each caching pages in memory: a
// change made through one is visible through the other within a second,
// because Postgres notifies both.
func TestTwoInstancesSeeEachOthersChanges(t *testing.T) {
	st1, dbURL := testdb.Store(t)
	loadDemo(t, st1)
	st2, err := store.Open(context.Background(), dbURL, 10)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	s1 := startSiteWith(t, st1, time.Minute)
	s2 := startSiteWith(t, st2, time.Minute)
	a, _ := seedDates(t, st1)
	anon := &site{Server: s2.Server, Client: &http.Client{}}

	// The page is cached on instance 2 (the second fetch comes from memory).
	var left int
	if err := st1.Pool.QueryRow(context.Background(), `SELECT capacity - seats_taken FROM course_dates WHERE id = $1`, a).Scan(&left); err != nil {
		t.Fatal(err)
	}
	_, body := anon.get(t, "/kurser/politisk-forstaaelse")
	mustContain(t, body, fmt.Sprintf("%d ledige pladser", left))
	res, err := http.Get(s2.URL + "/kurser/politisk-forstaaelse")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	etag := res.Header.Get("ETag")
	if etag == "" {
		t.Fatalf("cached page has no ETag")
	}
	req, _ := http.NewRequest(http.MethodGet, s2.URL+"/kurser/politisk-forstaaelse", nil)
	req.Header.Set("If-None-Match", etag)
	res, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotModified {
		t.Fatalf("revalidation: %d, want 304", res.StatusCode)
	}

	// A booking through instance 1 takes a seat; instance 2 shows it.
	status, _, _ := s1.post(t, "/tilmelding", enrolment("tok-inst", []int64{a}, "Anna <anna@aarhus.dk>"))
	if status != http.StatusSeeOther {
		t.Fatalf("booking: %d", status)
	}
	within(t, time.Second, func() bool {
		_, body := anon.get(t, "/kurser/politisk-forstaaelse")
		return strings.Contains(body, fmt.Sprintf("%d ledige pladser", left-1))
	})

	// A staff edit (as the admin area saves it) shows on both.
	if _, err := st1.Pool.Exec(context.Background(), `UPDATE courses SET title = 'Politisk forståelse for embedsmænd', version = version + 1 WHERE slug = 'politisk-forstaaelse'`); err != nil {
		t.Fatal(err)
	}
	within(t, time.Second, func() bool {
		_, body := anon.get(t, "/kurser/politisk-forstaaelse")
		return strings.Contains(body, "<h1>Politisk forståelse for embedsmænd</h1>")
	})
}

// within polls cond until it holds, failing after d.
func within(t *testing.T, d time.Duration, cond func() bool) {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > d {
			t.Fatalf("not visible within %s", d)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Logf("visible after %s", time.Since(start).Round(time.Millisecond))
}

// A booking's own transaction sends no notification (a NOTIFY would make
// bookings commit one at a time); the process announces the seats after
// commit. Any other change to a date still notifies from the database.
func TestSeatChangesAreAnnouncedAfterCommit(t *testing.T) {
	st, _ := testdb.Store(t)
	loadDemo(t, st)
	s := startSite(t, st) // no page cache: nothing publishes yet
	a, _ := seedDates(t, st)
	ctx := context.Background()
	pc, err := st.Pool.Acquire(ctx)
	if err != nil {
		t.Fatal(err)
	}
	conn := pc.Hijack()
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "LISTEN "+store.ChangeChannel); err != nil {
		t.Fatal(err)
	}
	next := func(wait time.Duration) string {
		t.Helper()
		wctx, cancel := context.WithTimeout(ctx, wait)
		defer cancel()
		n, err := conn.WaitForNotification(wctx)
		if err != nil {
			return ""
		}
		return n.Payload
	}

	status, _, _ := s.post(t, "/tilmelding", enrolment("tok-quiet", []int64{a}, "Anna <anna@aarhus.dk>"))
	if status != http.StatusSeeOther {
		t.Fatalf("booking: %d", status)
	}
	if got := next(300 * time.Millisecond); got != "" {
		t.Fatalf("the booking's transaction notified %q", got)
	}
	pctx, stop := context.WithCancel(ctx)
	defer stop()
	go st.PublishSeatChanges(pctx, nil, 100*time.Millisecond)
	if got := next(time.Second); got != "seats" {
		t.Fatalf("after the booking: notification %q, want \"seats\"", got)
	}

	if _, err := st.Pool.Exec(ctx, `UPDATE course_dates SET seats_taken = seats_taken WHERE id = $1`, a); err != nil {
		t.Fatal(err)
	}
	if got := next(300 * time.Millisecond); got != "" {
		t.Fatalf("a change of seats alone notified %q", got)
	}
	if _, err := st.Pool.Exec(ctx, `UPDATE course_dates SET capacity = capacity + 1 WHERE id = $1`, a); err != nil {
		t.Fatal(err)
	}
	if got := next(time.Second); got != "course_dates" {
		t.Fatalf("a staff edit of a date: notification %q, want \"course_dates\"", got)
	}
}
