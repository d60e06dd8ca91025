package demo_test

import (
	"context"
	"sort"
	"testing"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
	"kursuskatalog/internal/demo"
	"kursuskatalog/internal/testdb"
)

// Loading the demo twice changes nothing.
func TestLoadIsIdempotent(t *testing.T) {
	st, _ := testdb.Store(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

	rep, err := demo.Load(ctx, st, now, 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.CoursesAdded < 42 || rep.ProgrammesAdded != 1 {
		t.Fatalf("first load added %+v", rep)
	}
	first, err := st.TableCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rep, err = demo.Load(ctx, st, now.Add(48*time.Hour), 0)
	if err != nil {
		t.Fatal(err)
	}
	if rep.CoursesAdded != 0 || rep.ProgrammesAdded != 0 {
		t.Fatalf("second load added %+v", rep)
	}
	second, err := st.TableCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for table, n := range first {
		if second[table] != n {
			t.Errorf("%s: %d rows after the first load, %d after the second", table, n, second[table])
		}
	}
	if first["topics"] < 6 || first["venues"] < 5 || first["courses"] < 42 {
		t.Fatalf("catalogue too small: %v", first)
	}
}

// The demo shows every phase a date can be in, and keeps the seeds' facts.
func TestDemoShowsEveryPhaseAndTheSeeds(t *testing.T) {
	st, _ := testdb.Store(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if _, err := demo.Load(ctx, st, now, 0); err != nil {
		t.Fatal(err)
	}
	dates, err := st.AllDates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[booking.Phase]int{}
	for _, d := range dates {
		seen[booking.PhaseOf(d, now)]++
	}
	for _, p := range []booking.Phase{booking.PhaseOpen, booking.PhaseFewSeats, booking.PhaseAfterDeadline, booking.PhaseWaitlist, booking.PhaseStarted, booking.PhaseCancelled} {
		if seen[p] == 0 {
			t.Errorf("no demo date is %q (seen: %v)", p.Label(), seen)
		}
	}

	var price, bundle int64
	var start, end time.Time
	var deadline, lastDay time.Time
	var venue string
	err = st.Pool.QueryRow(ctx, `
		SELECT c.price_ore, d.starts_at, d.ends_at, d.deadline, v.name || ', ' || v.street || ', ' || v.postcode || ' ' || v.city,
		       o.price_ore, o.last_day
		FROM courses c
		JOIN course_dates d ON d.course_id = c.id
		JOIN venues v ON v.id = d.venue_id
		JOIN bundle_offer_courses oc ON oc.course_id = c.id
		JOIN bundle_offers o ON o.id = oc.offer_id
		WHERE c.slug = 'politisk-forstaaelse'
		ORDER BY d.starts_at LIMIT 1`).Scan(&price, &start, &end, &deadline, &venue, &bundle, &lastDay)
	if err != nil {
		t.Fatal(err)
	}
	if price != 675000 || bundle != 999500 {
		t.Errorf("price %d, bundle %d; want 6.750 kr. and 9.995 kr.", price, bundle)
	}
	if venue != "Frederik VI's Hotel, Rugårdsvej 590, 5210 Odense NV" {
		t.Errorf("venue %q", venue)
	}
	if got := start.In(catalog.Copenhagen).Format("02.01.2006 15:04"); got != "03.03.2027 08:45" {
		t.Errorf("start %s", got)
	}
	if got := end.In(catalog.Copenhagen).Format("02.01.2006 15:04"); got != "04.03.2027 15:00" {
		t.Errorf("end %s", got)
	}
	if deadline.Format("02.01") != "25.01" || !lastDay.Equal(deadline) {
		t.Errorf("deadline %s, bundle last day %s; want both 25.01", deadline, lastDay)
	}
}

// -scale adds generated courses with dates and a booking history whose
// seats match the dates' counts, idempotently.
func TestLoadScale(t *testing.T) {
	st, _ := testdb.Store(t)
	ctx := context.Background()
	now := time.Now()
	rep, err := demo.Load(ctx, st, now, 50)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Generated != 50 {
		t.Fatalf("generated %d", rep.Generated)
	}
	var dates int
	st.Pool.QueryRow(ctx, `SELECT count(*) FROM course_dates d JOIN courses c ON c.id = d.course_id WHERE c.slug LIKE 'demo-kursus-%'`).Scan(&dates)
	if dates != 200 {
		t.Fatalf("generated courses have %d dates, want 200", dates)
	}
	history := func() (seats, participants, bookings, off int) {
		t.Helper()
		err := st.Pool.QueryRow(ctx, `
			WITH d AS (SELECT d.* FROM course_dates d JOIN courses c ON c.id = d.course_id WHERE c.slug LIKE 'demo-kursus-%')
			SELECT (SELECT sum(seats_taken) FROM d),
			       (SELECT count(*) FROM participants p JOIN d ON d.id = p.date_id WHERE p.status = 'confirmed'),
			       (SELECT count(DISTINCT p.booking_id) FROM participants p JOIN d ON d.id = p.date_id),
			       (SELECT count(*) FROM d WHERE seats_taken <>
			           (SELECT count(*) FROM participants p WHERE p.date_id = d.id AND p.status = 'confirmed'))`).
			Scan(&seats, &participants, &bookings, &off)
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	seats, participants, bookings, off := history()
	if participants < 1000 || bookings < participants/3 || off != 0 || seats != participants {
		t.Fatalf("history: %d seats taken, %d confirmed participants in %d bookings, %d dates off", seats, participants, bookings, off)
	}
	rep, err = demo.Load(ctx, st, now, 50)
	if err != nil || rep.Generated != 0 {
		t.Fatalf("second scaled load: %+v %v", rep, err)
	}
	if s2, p2, b2, _ := history(); s2 != seats || p2 != participants || b2 != bookings {
		t.Fatalf("second load changed the history: %d/%d/%d, was %d/%d/%d", s2, p2, b2, seats, participants, bookings)
	}
}

// Every seat the demo takes is a participant on a booking, full dates
// have waiting lists, and dates fall on working days; the soonest dates
// show a mix of phases.
func TestDemoSeatsArePeopleOnWorkingDays(t *testing.T) {
	st, _ := testdb.Store(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if _, err := demo.Load(ctx, st, now, 0); err != nil {
		t.Fatal(err)
	}
	var off, waiting, people, unsearchable int
	err := st.Pool.QueryRow(ctx, `
		SELECT (SELECT count(*) FROM course_dates d WHERE d.seats_taken <>
		           (SELECT count(*) FROM participants p WHERE p.date_id = d.id AND p.status = 'confirmed')),
		       (SELECT count(*) FROM participants WHERE status = 'waitlisted'),
		       (SELECT count(*) FROM participants),
		       (SELECT count(*) FROM bookings b WHERE NOT EXISTS (SELECT 1 FROM booking_search s WHERE s.booking_id = b.id))`).
		Scan(&off, &waiting, &people, &unsearchable)
	if err != nil {
		t.Fatal(err)
	}
	if off != 0 || waiting < 5 || people < 500 || unsearchable != 0 {
		t.Fatalf("%d dates whose seats taken are not their participants; %d waiting, %d participants, %d bookings not searchable",
			off, waiting, people, unsearchable)
	}
	dates, err := st.AllDates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	sort.Slice(dates, func(i, j int) bool { return dates[i].StartsAt.Before(dates[j].StartsAt) })
	soonest, n := map[booking.Phase]bool{}, 0
	for _, d := range dates {
		for day := d.StartsAt.In(catalog.Copenhagen); day.Before(d.EndsAt); day = day.AddDate(0, 0, 1) {
			if !catalog.IsWorkday(day) {
				t.Errorf("date %d is held on %s, not a working day", d.ID, day.Format("Monday 02.01.2006"))
			}
		}
		if d.StartsAt.After(now) && d.Status == catalog.DatePlanned && n < 9 { // the nine on the front page
			soonest[booking.PhaseOf(d, now)] = true
			n++
		}
	}
	if len(soonest) < 3 {
		t.Errorf("the front page's nine dates show %d phases: %v", len(soonest), soonest)
	}
	var minimums int
	st.Pool.QueryRow(ctx, `SELECT count(*) FROM course_dates WHERE min_participants > 0`).Scan(&minimums)
	if minimums != len(dates) {
		t.Errorf("%d of %d dates have a minimum", minimums, len(dates))
	}
}
