package overview

import (
	"testing"
	"time"

	"kursuskatalog/internal/booking"
	"kursuskatalog/internal/catalog"
)

func cph(y int, m time.Month, d, h int) time.Time {
	return time.Date(y, m, d, h, 0, 0, 0, catalog.Copenhagen)
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestWeek(t *testing.T) {
	for _, c := range []struct {
		at         time.Time
		start, end time.Time
	}{
		{cph(2026, 11, 23, 10), cph(2026, 11, 23, 0), cph(2026, 11, 30, 0)},                          // a Monday
		{cph(2026, 11, 29, 23), cph(2026, 11, 23, 0), cph(2026, 11, 30, 0)},                          // Sunday night
		{cph(2027, 3, 31, 12), cph(2027, 3, 29, 0), cph(2027, 4, 5, 0)},                              // across the move to summer time
		{time.Date(2026, 11, 29, 23, 30, 0, 0, time.UTC), cph(2026, 11, 30, 0), cph(2026, 12, 7, 0)}, // Monday in Copenhagen
	} {
		s, e := Week(c.at)
		if !s.Equal(c.start) || !e.Equal(c.end) {
			t.Errorf("Week(%s) = %s–%s, want %s–%s", c.at, s, e, c.start, c.end)
		}
	}
}

func date(id int64, start time.Time, deadline time.Time, capacity, taken, waiting, minimum int) booking.DateOverview {
	return booking.DateOverview{CourseDate: catalog.CourseDate{ID: id, StartsAt: start, EndsAt: start.Add(6 * time.Hour),
		Deadline: deadline, Capacity: capacity, SeatsTaken: taken, Status: catalog.DatePlanned},
		Waiting: waiting, Minimum: minimum}
}

func TestAttend(t *testing.T) {
	now := cph(2026, 11, 23, 10) // Monday
	cancelled := date(9, cph(2027, 1, 10, 9), day(2026, 11, 25), 20, 0, 3, 10)
	cancelled.Status = catalog.DateCancelled
	dates := []WaitlistItem{
		{Date: date(1, cph(2027, 1, 11, 9), day(2026, 12, 7), 20, 19, 2, 0)}, // a seat free, two waiting
		{Date: date(2, cph(2027, 1, 12, 9), day(2026, 12, 7), 20, 20, 4, 0)}, // full, waiting: nothing to do
		{Date: date(3, cph(2027, 1, 13, 9), day(2026, 12, 7), 20, 20, 1, 0), // full, an offer expiring tonight
			OfferExpires: cph(2026, 11, 23, 22)},
		{Date: date(4, cph(2027, 1, 14, 9), day(2026, 12, 20), 20, 20, 1, 0), // an offer expiring in three days
			OfferExpires: cph(2026, 11, 26, 22)},
		{Date: date(5, cph(2027, 1, 4, 9), day(2026, 12, 7), 20, 5, 0, 8)},     // below minimum, deadline in 14 days
		{Date: date(6, cph(2027, 2, 4, 9), day(2026, 12, 8), 20, 5, 0, 8)},     // below minimum, deadline in 15 days
		{Date: date(7, cph(2026, 11, 30, 9), day(2026, 11, 20), 20, 3, 0, 8)},  // below minimum, deadline passed
		{Date: date(8, cph(2027, 1, 5, 9), day(2026, 11, 29), 20, 8, 0, 8)},    // at its minimum; deadline on Sunday
		{Date: date(10, cph(2027, 1, 6, 9), day(2026, 11, 30), 20, 1, 0, 0)},   // deadline next Monday
		{Date: date(11, cph(2026, 11, 20, 9), day(2026, 11, 23), 20, 1, 5, 8)}, // started
		{Date: cancelled},
	}
	inquiries := []Inquiry{
		{ID: 1, State: "new", CreatedAt: cph(2026, 11, 22, 9)},
		{ID: 2, State: "new", Replies: 1, CreatedAt: cph(2026, 11, 20, 9)},
		{ID: 3, State: "handled", CreatedAt: cph(2026, 11, 19, 9)},
		{ID: 4, State: "new", CreatedAt: cph(2026, 11, 18, 9)},
	}
	a := Attend(now, dates, inquiries)
	ids := func(ds []booking.DateOverview) (out []int64) {
		for _, d := range ds {
			out = append(out, d.ID)
		}
		return out
	}
	var waits []int64
	for _, w := range a.Waitlists {
		waits = append(waits, w.Date.ID)
	}
	check := func(name string, got []int64, want ...int64) {
		t.Helper()
		if len(got) != len(want) {
			t.Errorf("%s: %v, want %v", name, got, want)
			return
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: %v, want %v", name, got, want)
				return
			}
		}
	}
	check("waiting lists", waits, 1, 3)
	check("below minimum", ids(a.BelowMinimum), 7, 5)
	check("deadlines this week", ids(a.Deadlines), 8)
	var qs []int64
	for _, q := range a.Inquiries {
		qs = append(qs, q.ID)
	}
	check("inquiries", qs, 4, 1)
	if a.Waitlists[0].FreeSeats != 1 {
		t.Errorf("free seats %d", a.Waitlists[0].FreeSeats)
	}
	if a.Empty() || !(Attention{}).Empty() {
		t.Error("Empty")
	}
}
